//! Making changes: in memory at once, then written by the runtime, and
//! journalled for undo.
//!
//! A change that cannot be written (the file changed on disk, is read-only,
//! the disk is full) stays in memory as pending; a reload puts it back on
//! top of the new file when nobody else changed the same field.

use std::path::PathBuf;

use super::{App, Effect, Note, Save, SaveFailure};
use crate::edit::{Change, Field, Origin, Owner, QuestionChange, Stamp, reconcile};
use crate::model::Status;

impl App {
    /// Sets the status of the question under the cursor to `next(status)`.
    pub(super) fn change_status(&mut self, next: impl Fn(Status) -> Status) {
        if let Some((_, question)) = self.question() {
            let status = next(question.status);
            self.edit(Field::Status(status));
        }
    }

    /// The answer typed in the editor opened on `original`, saved. Where
    /// the answer changed meanwhile (a colleague's save, read while this
    /// one was typed), nothing is written over: both texts stand as a
    /// conflict under `!`, for the user to choose.
    pub(super) fn save_answer(
        &mut self,
        target: &super::editor::Target,
        original: &str,
        typed: Option<String>,
    ) {
        let asked = &target.question;
        let was = crate::edit::tidy_answer(original);
        // Nothing typed: nothing to save, and nothing to set against a
        // colleague's answer that came meanwhile.
        if typed == was {
            return;
        }
        let data = self.data();
        let found = target.find(data).map(|(m, at)| (&*data.motions[m], at));
        let Some((motion, index)) = found else {
            // Its file stopped reading while the answer was written, or the
            // question is not to be found again: kept as a change not
            // saved, listed under `!` and written by the reload once the
            // file reads (or shown as a conflict where it is not clear).
            let change = Change::Question(QuestionChange {
                after: Field::Answer(typed),
                ..asked.clone()
            });
            self.journal.written(change, false);
            let path = target.path.clone();
            let broken =
                (self.loaded.diagnostics.iter()).any(|d| d.spoils_file() && d.path == path);
            let gone = !(self.data().sources.iter()).any(|s| s.path == path);
            self.note = Some(match (broken, gone) {
                (true, _) => Note::FileHasErrors { path },
                (false, true) => Note::FileGone { path },
                (false, false) => Note::QuestionGone { path },
            });
            return;
        };
        let question = &motion.questions[index];
        let now = question
            .answer
            .as_deref()
            .and_then(crate::edit::tidy_answer);
        if now != was && now != typed {
            let ours = Change::Question(QuestionChange {
                motion: motion.id.clone(),
                index,
                number: question.number.clone(),
                text: Some(question.text.clone()),
                before: Field::Answer(was),
                after: Field::Answer(typed),
            });
            self.journal.conflicts.push(crate::edit::Conflict {
                theirs: Some(Field::Answer(now)),
                ours,
            });
            self.note = Some(Note::AnswerChangedMeanwhile);
            return;
        }
        let id = motion.id.clone();
        self.edit_at(&id, index, Field::Answer(typed));
    }

    /// Sets a field of the question under the cursor, unless it already has
    /// that value or its file has errors.
    pub(super) fn edit(&mut self, after: Field) {
        let Some((motion, index)) = self.current_question() else {
            return;
        };
        let id = motion.id.clone();
        self.edit_at(&id, index, after);
    }

    /// Sets a field of question `index` of motion `id` (see [`App::edit`]).
    fn edit_at(&mut self, id: &str, index: usize, after: Field) {
        let Some(motion) = self.data().motion(id) else {
            return;
        };
        let Some(question) = motion.questions.get(index) else {
            return;
        };
        let path = self.data().path(motion.source).to_path_buf();
        let before = after.read(question);
        if before == after {
            return;
        }
        let change = Change::Question(QuestionChange {
            motion: motion.id.clone(),
            index,
            number: question.number.clone(),
            text: Some(question.text.clone()),
            before,
            after,
        });
        let broken = self
            .loaded
            .diagnostics
            .iter()
            .any(|d| d.spoils_file() && d.path == path);
        if broken {
            // Not written into a file with errors, and not lost either: kept
            // as a change not saved (listed under `!`, in the recovery
            // journal), written by the reload after the file is corrected.
            let stamp = Stamp {
                at: (self.env.clock)(),
                by: self.env.user.clone(),
            };
            self.put_in_memory(&change, &stamp);
            self.journal.written(change, false);
            self.note = Some(Note::FileHasErrors { path });
            return;
        }
        self.apply(vec![change], Origin::Edit);
    }

    /// Puts the changes into memory, records them and asks the runtime to
    /// write them, one save per file.
    pub(super) fn apply(&mut self, changes: Vec<Change>, origin: Origin) {
        let stamp = Stamp {
            at: (self.env.clock)(),
            by: self.env.user.clone(),
        };
        let mut saves: Vec<Save> = Vec::new();
        let mut leaves: Vec<Change> = Vec::new();
        for change in changes {
            // One step for undo, however many files it writes.
            self.journal.record(&change, origin);
            // Said at once; a save that fails says so instead.
            match origin {
                Origin::Edit => self.note = Some(Note::Saved(change.clone())),
                // What was undone, not the change that undoes it.
                Origin::Undo => self.note = Some(Note::Undone(change.clone().inverse())),
                Origin::Redo => self.note = Some(Note::Redone(change.clone())),
                Origin::Reapply => {}
            }
            leaves.extend(change.leaves());
        }
        for change in leaves {
            self.put_in_memory(&change, &stamp);
            if change.changes_text() {
                // Searchable text changed: the search index follows.
                self.data_version += 1;
            }
            let Some((path, fingerprint)) = self.file_of(&change) else {
                continue;
            };
            match saves.iter_mut().find(|s| s.path == path) {
                Some(save) => save.changes.push(change),
                None => saves.push(Save {
                    path,
                    fingerprint,
                    changes: vec![change],
                    stamp: stamp.clone(),
                    origin,
                }),
            }
        }
        for save in saves {
            self.emit(Effect::Save(save));
        }
    }

    /// A change of a question field shows at once; records and files show
    /// once written and read again.
    fn put_in_memory(&mut self, change: &Change, stamp: &Stamp) {
        let Change::Question(q) = change else {
            return;
        };
        // On the worklist, the cursor stays with its question wherever it
        // moves (another department, another due day).
        let followed = match self.place().screen {
            super::Screen::Worklist => self.current_question().map(|(m, i)| (m.id.clone(), i)),
            _ => None,
        };
        self.revision += 1;
        let data = std::sync::Arc::make_mut(&mut self.loaded.data);
        if let Some(question) = data
            .motions
            .iter_mut()
            .find(|m| m.id == q.motion)
            .and_then(|m| std::sync::Arc::make_mut(m).questions.get_mut(q.index))
        {
            q.after.write(question);
            question.updated = Some(stamp.at);
            question.updated_by = Some(stamp.by.clone());
        }
        if let Some((motion, index)) = followed {
            let data = self.data();
            let at = self.work_rows().iter().position(|row| match row {
                super::rows::WorkAt::Question {
                    motion: m,
                    index: i,
                    ..
                } => *i == index && data.motions[*m].id == motion,
                super::rows::WorkAt::Department(..) => false,
            });
            if let Some(at) = at {
                self.place_mut().selected = at;
            }
        }
        // An answered question leaves the worklist (and a filtered list):
        // a cursor below its new end would point at nothing.
        self.clamp_cursors();
    }

    /// The file a change is written into, with its fingerprint as loaded
    /// (`None` for a file that does not exist yet).
    fn file_of(&self, change: &Change) -> Option<(PathBuf, Option<u64>)> {
        let data = self.data();
        let source = match change {
            Change::Question(q) => data.motion(&q.motion).map(|m| m.source),
            Change::Table(crate::edit::TableChange { owner, .. })
            | Change::Record(crate::edit::RecordChange { owner, .. }) => match owner {
                Owner::Session(id) => data.session(id).map(|s| s.source),
                Owner::Motion(id) => data.motion(id).map(|m| m.source),
            },
            Change::File(f) => {
                // A file that is no record (a base of the OParl import)
                // must be as the change found it.
                let print = data.sources.iter().find(|s| s.path == f.path);
                let print = print.map(|s| s.fingerprint).or_else(|| {
                    let before = f.before.as_deref()?;
                    Some(crate::store::fingerprint(before.as_bytes()))
                });
                return Some((f.path.clone(), print));
            }
            Change::Batch(_) => return None,
            // A file in the trash is not loaded: it is taken as it is.
            Change::Rename(r) => {
                let print = data.sources.iter().find(|s| s.path == r.from);
                return Some((r.from.clone(), print.map(|s| s.fingerprint)));
            }
        }?;
        let source = &data.sources[source.0];
        Some((source.path.clone(), Some(source.fingerprint)))
    }

    /// The outcome of a save: the new fingerprint and a note, or the
    /// changes kept as pending with the reason.
    pub(super) fn saved(&mut self, save: Save, outcome: Result<Option<u64>, SaveFailure>) {
        let on_disk = outcome.is_ok();
        let records = save.changes.iter().any(|c| c.as_question().is_none());
        let count = save.changes.len();
        for change in save.changes {
            self.journal.written(change, on_disk);
        }
        let path = save.path;
        match outcome {
            Ok(print) => {
                let data = std::sync::Arc::make_mut(&mut self.loaded.data);
                if let (Some(source), Some(print)) =
                    (data.sources.iter_mut().find(|s| s.path == path), print)
                {
                    source.fingerprint = print;
                }
                if records {
                    // Whole records and files show once read back.
                    self.emit(Effect::Refresh);
                }
            }
            Err(failure) => {
                // After a reload, a change the file refuses again is counted
                // as not put back; where the cause lies outside the file
                // (rights, the folder), that cause is said too.
                if save.origin == Origin::Reapply {
                    self.not_reapplied(count);
                    if !matches!(failure, SaveFailure::NoLock(_) | SaveFailure::ReadOnly) {
                        return;
                    }
                }
                self.note = Some(match failure {
                    SaveFailure::ChangedOnDisk => Note::ChangedOnDisk { path },
                    SaveFailure::ReadOnly => Note::ReadOnly { path },
                    SaveFailure::NoLock(dir) => Note::NoLock { dir },
                    SaveFailure::QuestionGone => Note::QuestionGone { path },
                    SaveFailure::Io(kind, said) => Note::SaveFailed {
                        path,
                        reason: crate::i18n::io_reason(self.env.lang.texts(), kind, &said),
                    },
                });
            }
        }
    }

    /// Changes put back after a reload or a rescue that the file refused
    /// again (read-only, full disk) do not count as put back.
    fn not_reapplied(&mut self, count: usize) {
        match &mut self.note {
            Some(Note::Reloaded { reapplied, .. }) => *reapplied = reapplied.saturating_sub(count),
            Some(Note::Recovered { saved, .. }) => *saved = saved.saturating_sub(count),
            _ => {}
        }
    }

    /// Takes back the last change, saving the value it replaced.
    pub(super) fn undo(&mut self) {
        if self.take_back_set_aside() {
            return;
        }
        match self.journal.undo() {
            Some(back) if self.changed_since(&back, false) => {}
            Some(back) => {
                self.show_change(&back);
                self.apply(vec![back], Origin::Undo);
            }
            None => self.note = Some(Note::NothingToUndo),
        }
    }

    /// Makes the last undone change again.
    pub(super) fn redo(&mut self) {
        match self.journal.redo() {
            Some(again) if self.changed_since(&again, true) => {}
            Some(again) => {
                self.show_change(&again);
                self.apply(vec![again], Origin::Redo);
            }
            None => self.note = Some(Note::NothingToRedo),
        }
    }

    /// Whether what undo or redo would set back was changed since by
    /// someone else (a colleague's save, read in): then nothing is written
    /// over it. Both values stand as a conflict under `!`, to choose from,
    /// as for a save that meets a newer value.
    fn changed_since(&mut self, change: &Change, redo: bool) -> bool {
        let sorted = reconcile(vec![change.clone()], self.data());
        if sorted.conflicts.is_empty() {
            return false;
        }
        self.show_change(change);
        self.journal.conflicts.extend(sorted.conflicts);
        self.note = Some(Note::ChangedSince { redo });
        true
    }

    /// Undo and redo show the question they change.
    fn show_change(&mut self, change: &Change) {
        let Some(q) = change.as_question() else {
            return;
        };
        let data = self.data();
        if let Some(motion) = data.motions.iter().position(|m| m.id == q.motion)
            && q.index < data.motions[motion].questions.len()
        {
            let target = crate::search::Target::Question {
                motion,
                question: q.index,
            };
            let here = self.current_question().map(|(m, i)| (m.id.clone(), i));
            if here != Some((q.motion.clone(), q.index)) {
                self.jump(target);
            }
        }
    }

    /// After a reload or a rescue: each pending change whose field is still
    /// as it was when we changed it is applied and written again; one whose
    /// field someone else changed too becomes a conflict. Returns how many
    /// are (or are being put) back.
    pub(super) fn reapply_pending(&mut self) -> (usize, Vec<crate::edit::Conflict>) {
        let pending = std::mem::take(&mut self.journal.pending);
        let sorted = reconcile(pending, self.data());
        let back = sorted.already + sorted.reapply.len();
        self.apply(sorted.reapply, Origin::Reapply);
        (back, sorted.conflicts)
    }
}
