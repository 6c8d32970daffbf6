//! Changing a question: in memory at once, on disk if the file allows, and
//! in the undo history.
//!
//! A change that cannot be written (the file changed on disk, is read-only,
//! the disk is full) stays in memory as pending; a reload puts it back on
//! top of the new file when nobody else changed the same field.

use super::{App, Conflict, Note};
use crate::model::Status;
use crate::store::{self, Field, SaveError, Stamp};

/// One change to one field of one question.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub motion: String,
    pub index: usize,
    pub number: String,
    /// The value before the change (for a pending change: as on disk).
    pub before: Field,
    pub after: Field,
}

impl Change {
    /// The change that takes this one back.
    pub fn inverse(self) -> Change {
        Change {
            before: self.after,
            after: self.before,
            ..self
        }
    }
}

/// Why a change is made: a new edit clears what could be redone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Edit,
    Undo,
    Redo,
    Reapply,
}

impl App {
    /// Sets the status of the question under the cursor to `next(status)`.
    pub(super) fn change_status(&mut self, next: impl Fn(Status) -> Status) {
        if let Some((_, question)) = self.question() {
            let status = next(question.status);
            self.edit(Field::Status(status));
        }
    }

    /// Sets a field of the question under the cursor, unless it already has
    /// that value or its file has errors.
    pub(super) fn edit(&mut self, after: Field) {
        let Some((motion, index)) = self.current_question() else {
            return;
        };
        let question = &motion.questions[index];
        let path = self.data().path(motion.source).to_path_buf();
        if self
            .loaded
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.path == path)
        {
            self.note = Some(Note::FileHasErrors { path });
            return;
        }
        let before = after.read(question);
        if before == after {
            return;
        }
        let change = Change {
            motion: motion.id.clone(),
            index,
            number: question.number.clone(),
            before,
            after,
        };
        self.apply(change, Origin::Edit);
    }

    /// Puts `change.after` into memory, tries to write it, and records it.
    pub(super) fn apply(&mut self, change: Change, origin: Origin) {
        let stamp = Stamp {
            at: (self.env.clock)(),
            by: self.env.user.clone(),
        };
        let data = std::sync::Arc::make_mut(&mut self.loaded.data);
        let Some(m) = data.motions.iter_mut().find(|m| m.id == change.motion) else {
            return;
        };
        let Some(question) = m.questions.get_mut(change.index) else {
            return;
        };
        let source_id = m.source;
        change.after.write(question);
        question.updated = Some(stamp.at);
        question.updated_by = Some(stamp.by.clone());
        if matches!(change.after, Field::Answer(_) | Field::Assignee(_)) {
            // Searchable text changed: the search index follows.
            self.data_version += 1;
        }
        let source = &mut data.sources[source_id.0];
        let result = store::save_question(
            &self.dir,
            source,
            change.index,
            &change.number,
            std::slice::from_ref(&change.after),
            &stamp,
        );
        // A later change to a field that has one pending keeps the first base.
        let earlier = self.pending.iter().position(|p| {
            p.motion == change.motion
                && p.index == change.index
                && p.after.same_field(&change.after)
        });
        let base = earlier.map(|i| self.pending.remove(i).before);
        let path = source.path.clone();
        match origin {
            Origin::Edit => {
                self.redo.clear();
                self.history.push(change.clone());
            }
            Origin::Undo => self.redo.push(change.clone()),
            Origin::Redo => self.history.push(change.clone()),
            Origin::Reapply => {}
        }
        self.note = Some(match result {
            Ok(fingerprint) => {
                source.fingerprint = fingerprint;
                match origin {
                    Origin::Undo => Note::Undone(change),
                    Origin::Redo => Note::Redone(change),
                    _ => Note::Saved(change),
                }
            }
            Err(error) => {
                let mut pending = change;
                if let Some(base) = base {
                    pending.before = base;
                }
                self.pending.push(pending);
                match error {
                    SaveError::ChangedOnDisk => Note::ChangedOnDisk { path },
                    SaveError::ReadOnly => Note::ReadOnly { path },
                    SaveError::QuestionGone => Note::QuestionGone { path },
                    SaveError::Io(e) => Note::SaveFailed {
                        path,
                        reason: e.to_string(),
                    },
                }
            }
        });
    }

    /// Takes back the last change, saving the value it replaced.
    pub(super) fn undo(&mut self) {
        match self.history.pop() {
            Some(change) => {
                let back = change.inverse();
                self.show_change(&back);
                self.apply(back, Origin::Undo);
            }
            None => self.note = Some(Note::NothingToUndo),
        }
    }

    /// Makes the last undone change again.
    pub(super) fn redo(&mut self) {
        match self.redo.pop() {
            Some(undone) => {
                let again = undone.inverse();
                self.show_change(&again);
                self.apply(again, Origin::Redo);
            }
            None => self.note = Some(Note::NothingToRedo),
        }
    }

    /// Undo and redo show the question they change.
    fn show_change(&mut self, change: &Change) {
        let data = self.data();
        if let Some(motion) = data.motions.iter().position(|m| m.id == change.motion)
            && change.index < data.motions[motion].questions.len()
        {
            let target = crate::search::Target::Question {
                motion,
                question: change.index,
            };
            let here = self.current_question().map(|(m, i)| (m.id.clone(), i));
            if here != Some((change.motion.clone(), change.index)) {
                self.jump(target);
            }
        }
    }

    /// After a reload: each pending change whose field is still as it was
    /// when we changed it is applied and saved again; one whose field someone
    /// else changed too is a conflict, reported and left as they wrote it.
    pub(super) fn reapply_pending(&mut self) -> (usize, Vec<Conflict>) {
        let mut reapplied = 0;
        let mut conflicts = Vec::new();
        for pending in std::mem::take(&mut self.pending) {
            let theirs = self
                .data()
                .motion(&pending.motion)
                .and_then(|m| m.questions.get(pending.index))
                .filter(|q| q.number == pending.number)
                .map(|q| pending.after.read(q));
            match theirs {
                Some(theirs) if theirs == pending.after => reapplied += 1,
                Some(theirs) if theirs == pending.before => {
                    let waiting = self.pending.len();
                    self.apply(pending, Origin::Reapply);
                    // Still pending when the file refuses again (read-only, full disk).
                    if self.pending.len() == waiting {
                        reapplied += 1;
                    }
                }
                theirs => conflicts.push(Conflict {
                    theirs,
                    ours: pending,
                }),
            }
        }
        (reapplied, conflicts)
    }
}
