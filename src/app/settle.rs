//! Settling what is not on disk: the files read again, rescued changes
//! taken back or set aside, conflicts applied, what a crash would lose.

use super::editor::{self, Editing};
use super::{App, Effect, Note, Overlay, Rescue, Screen};

/// The kinds of rows under `!`, in their order there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemRow {
    /// A change of this user not saved yet.
    Waiting,
    /// A change that met another value.
    Conflict,
    /// What a pull or a sync told.
    Notice,
    /// A problem in a file.
    File,
}
use crate::edit::{Change, Field, Origin, QuestionChange};
use crate::input::Action;
use crate::store::Loaded;

/// A record just made, to show once it is read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Goto {
    /// A new session or motion, by its file.
    File(std::path::PathBuf),
    /// A new agenda item of a session, at the end.
    Item(String),
    /// A new question of a motion, at the end.
    Question(String),
    /// A motion that moved on the session screen: the cursor follows it.
    MotionRow(String),
    /// An agenda item that moved: the cursor follows it.
    ItemAt(String, usize),
}

impl App {
    /// Read again after a change of records of ours: the data follows,
    /// the message about the change stays, the cursor goes to what was made.
    pub(super) fn refreshed(&mut self, loaded: Loaded) {
        let note = self.note.take();
        self.reloaded(loaded);
        let conflicts =
            matches!(&self.note, Some(Note::Reloaded { conflicts, .. }) if !conflicts.is_empty());
        if !conflicts {
            self.note = note;
        }
        if let Some(goto) = self.goto.take() {
            self.go(goto);
        }
    }

    fn go(&mut self, goto: Goto) {
        use crate::search::Target;
        let data = self.data();
        match goto {
            Goto::File(path) => {
                if let Some(session) = data
                    .sessions
                    .iter()
                    .position(|s| data.path(s.source) == path)
                {
                    self.jump(Target::Session { session });
                    self.stack.pop();
                } else if let Some(motion) = data
                    .motions
                    .iter()
                    .position(|m| data.path(m.source) == path)
                {
                    self.jump(Target::Motion { motion });
                }
            }
            Goto::Item(id) => {
                if let Some(session) = data.sessions.iter().position(|s| s.id == id) {
                    let item = data.sessions[session].agenda.len().saturating_sub(1);
                    self.jump(Target::AgendaItem { session, item });
                }
            }
            Goto::ItemAt(id, index) => {
                if let Some(session) = data.sessions.iter().position(|s| s.id == id)
                    && index < data.sessions[session].agenda.len()
                {
                    self.jump(Target::AgendaItem {
                        session,
                        item: index,
                    });
                }
            }
            Goto::MotionRow(id) => {
                let place = self.place();
                if let Screen::Session(key) = &place.screen {
                    let rows = self.session_rows(key);
                    let at = rows.iter().position(
                        |row| matches!(row, super::rows::SessionRow::Motion(m, _) if m.id == id),
                    );
                    if let Some(at) = at {
                        self.place_mut().selected = at;
                    }
                }
            }
            Goto::Question(id) => {
                if let Some(motion) = data.motions.iter().position(|m| m.id == id) {
                    let question = data.motions[motion].questions.len().saturating_sub(1);
                    self.jump(Target::Question { motion, question });
                    self.stack.pop();
                }
            }
        }
    }

    /// Every file was read again: put back the changes made here that are
    /// not on disk yet.
    pub(super) fn reloaded(&mut self, loaded: Loaded) {
        self.loaded = loaded;
        self.data_version += 1;
        self.revision += 1;
        let (reapplied, conflicts) = self.reapply_pending();
        self.journal.conflicts.extend(conflicts.iter().cloned());
        self.clamp_cursors();
        self.note = Some(Note::Reloaded {
            reapplied,
            conflicts,
            problems: self.loaded.diagnostics.len(),
        });
    }

    /// Enter on the problems screen: a waiting change shows its question; a
    /// conflict is settled by applying ours over theirs.
    pub(super) fn resolve(&mut self, row: usize) {
        let waiting = self.journal.pending.len();
        let change = if row < waiting {
            Some(self.journal.pending[row].clone())
        } else if row < waiting + self.journal.conflicts.len() {
            // Where the target is gone, applying would write nothing: the
            // conflict stays, with the value typed, and that is said.
            if !self.target_exists(&self.journal.conflicts[row - waiting].ours) {
                self.note = Some(Note::ConflictTargetGone);
                return;
            }
            let conflict = self.journal.conflicts.remove(row - waiting);
            let mut change = conflict.ours;
            if let (Change::Question(q), Some(theirs)) = (&mut change, conflict.theirs) {
                q.before = theirs;
            }
            self.apply(vec![change.clone()], Origin::Edit);
            Some(change)
        } else {
            // A problem in a file whose record reads: to that record.
            let at = row - waiting - self.journal.conflicts.len();
            let diagnostic = at
                .checked_sub(self.notices.len())
                .and_then(|i| self.loaded.diagnostics.get(i));
            if let Some(target) = diagnostic.and_then(|d| self.record_in(&d.path)) {
                self.jump(target);
            }
            None
        };
        if let Some(q) = change.as_ref().and_then(Change::as_question)
            && let Some(motion) = self.data().motions.iter().position(|m| m.id == q.motion)
            && q.index < self.data().motions[motion].questions.len()
        {
            let note = self.note.take();
            self.jump(crate::search::Target::Question {
                motion,
                question: q.index,
            });
            self.note = note;
        }
    }

    /// The record read from the file at `path`, if one is.
    fn record_in(&self, path: &std::path::Path) -> Option<crate::search::Target> {
        let data = self.data();
        let from = |source: crate::model::SourceId| data.path(source) == path;
        if let Some(motion) = data.motions.iter().position(|m| from(m.source)) {
            return Some(crate::search::Target::Motion { motion });
        }
        let session = data.sessions.iter().position(|s| from(s.source))?;
        Some(crate::search::Target::Session { session })
    }

    /// Drops the conflict in row `row` of the problems screen, keeping the
    /// file's value: the one way a conflict goes without being applied.
    /// What the row of `!` at `row` is, for the keys that work on it.
    pub fn problem_row(&self, row: usize) -> Option<ProblemRow> {
        let waiting = self.journal.pending.len();
        let conflicts = waiting + self.journal.conflicts.len();
        let notices = conflicts + self.notices.len();
        Some(match row {
            r if r < waiting => ProblemRow::Waiting,
            r if r < conflicts => ProblemRow::Conflict,
            r if r < notices => ProblemRow::Notice,
            // A file's problem leads somewhere only where its record reads.
            r if (self.loaded.diagnostics.get(r - notices))
                .is_some_and(|d| self.record_in(&d.path).is_some()) =>
            {
                ProblemRow::File
            }
            _ => return None,
        })
    }

    pub(super) fn dismiss(&mut self, row: usize) {
        let waiting = self.journal.pending.len();
        match row.checked_sub(waiting) {
            Some(at) if at < self.journal.conflicts.len() => {
                self.journal.conflicts.remove(at);
                self.note = Some(Note::ConflictDismissed);
                self.clamp_cursors();
            }
            Some(at) if at - self.journal.conflicts.len() < self.notices.len() => {
                self.notices.remove(at - self.journal.conflicts.len());
                self.note = None;
                self.clamp_cursors();
            }
            _ => self.note = Some(Note::NotAConflict),
        }
    }

    /// Whether what `change` changes is in the data: its question, its
    /// session or motion. Whole files always are (they are written as given).
    fn target_exists(&self, change: &Change) -> bool {
        use crate::edit::{Owner, RecordChange, TableChange};
        let data = self.data();
        match change {
            Change::Question(q) => data
                .motion(&q.motion)
                .is_some_and(|m| q.index < m.questions.len()),
            Change::Table(TableChange { owner, .. })
            | Change::Record(RecordChange { owner, .. }) => match owner {
                Owner::Session(id) => data.session(id).is_some(),
                Owner::Motion(id) => data.motion(id).is_some(),
            },
            Change::Batch(changes) => changes.iter().all(|c| self.target_exists(c)),
            Change::File(_) | Change::Rename(_) => true,
        }
    }

    /// What a crash left: `Enter` puts the changes back as after a reload
    /// (saved where nobody changed the field since, else listed as
    /// conflicts) and opens a form again as it was; `Esc` puts it all off
    /// to the next start; `Del` sets it aside in a file of its own. Quit
    /// leaves the offer for the next start.
    pub(super) fn settle_offer(&mut self, action: Action) {
        let take = |app: &mut App| match app.overlay.take() {
            Some(Overlay::Offer(rescue)) => *rescue,
            other => {
                app.overlay = other;
                Rescue::default()
            }
        };
        match action {
            Action::Open => {
                let mut rescue = take(self);
                let changes = std::mem::take(&mut rescue.changes);
                if !changes.is_empty() {
                    self.journal.pending.extend(changes);
                    let (saved, conflicts) = self.reapply_pending();
                    self.note = Some(Note::Recovered {
                        saved,
                        conflicts: conflicts.len(),
                    });
                    self.journal.conflicts.extend(conflicts);
                }
                // One form at a time: the others open after it, in turn.
                let mut forms = rescue.forms.into_iter();
                if let Some(form) = forms.next() {
                    self.reopen_form(form);
                }
                self.rescued_forms.extend(forms);
                self.emit(Effect::RemoveRecovery);
            }
            Action::Back => {
                let rescue = take(self);
                self.deferred.extend(rescue);
                self.note = Some(Note::RecoveryDeferred);
            }
            Action::Delete => {
                let rescue = take(self);
                self.emit(Effect::SetRecoveryAside(Box::new(rescue)));
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// What the recovery file must hold now: what a crash left and is on
    /// offer or put off, what [`App::unsaved`] lists, and the form being
    /// filled in.
    pub fn at_risk(&self) -> Rescue {
        let mut out = self.offered().cloned().unwrap_or_default();
        out.extend(self.deferred.clone());
        out.forms.extend(self.rescued_forms.iter().cloned());
        out.changes.extend(self.unsaved());
        // Ours of each conflict: taken back later, it meets theirs again.
        (out.changes).extend(self.journal.conflicts.iter().map(|c| c.ours.clone()));
        out.forms.extend(self.form().and_then(|f| f.rescue()));
        out
    }

    /// What a crash now would lose: changes not on disk, and an answer
    /// being written in the editor.
    pub fn unsaved(&self) -> Vec<Change> {
        let mut out = self.journal.pending.clone();
        if let Some(Editing::Answer {
            area,
            original,
            target,
            ..
        }) = self.editing()
        {
            let text = area.lines().join("\n");
            if &text != original {
                out.push(Change::Question(QuestionChange {
                    after: Field::Answer(editor::tidy_answer(&text)),
                    ..target.question.clone()
                }));
            }
        }
        out
    }
}
