//! Changing a question: in memory at once, on disk if the file allows.
//!
//! A change that cannot be written (the file changed on disk, is read-only,
//! the disk is full) stays in memory as [`Pending`]; a reload puts it back
//! on top of the new file when nobody else changed the same field.

use super::{App, Conflict, Note};
use crate::model::Status;
use crate::store::{self, Field, SaveError, Stamp};

/// A change made here that is not on disk yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub motion: String,
    pub index: usize,
    pub number: String,
    /// The value on disk when the change was made.
    pub base: Status,
    pub ours: Status,
}

impl App {
    /// Sets the status of the question under the cursor to `next(status)`.
    pub(super) fn change_status(&mut self, next: impl Fn(Status) -> Status) {
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
        let (base, ours) = (question.status, next(question.status));
        if base == ours {
            return;
        }
        let motion = motion.id.clone();
        // A second change before the first reached the disk keeps the first base.
        let base = self
            .pending
            .iter()
            .find(|p| p.motion == motion && p.index == index)
            .map_or(base, |p| p.base);
        self.apply(motion, index, base, ours);
    }

    /// Puts `ours` into memory and tries to write it.
    fn apply(&mut self, motion: String, index: usize, base: Status, ours: Status) {
        let stamp = Stamp {
            at: (self.env.clock)(),
            by: self.env.user.clone(),
        };
        let data = std::sync::Arc::make_mut(&mut self.loaded.data);
        let Some(m) = data.motions.iter_mut().find(|m| m.id == motion) else {
            return;
        };
        let source_id = m.source;
        let question = &mut m.questions[index];
        question.status = ours;
        question.updated = Some(stamp.at);
        question.updated_by = Some(stamp.by.clone());
        let number = question.number.clone();
        let source = &mut data.sources[source_id.0];
        let result = store::save_question(
            &self.dir,
            source,
            index,
            &number,
            &[Field::Status(ours)],
            &stamp,
        );
        self.pending
            .retain(|p| !(p.motion == motion && p.index == index));
        let path = source.path.clone();
        self.note = Some(match result {
            Ok(fingerprint) => {
                source.fingerprint = fingerprint;
                Note::Saved {
                    motion,
                    number,
                    status: ours,
                }
            }
            Err(error) => {
                self.pending.push(Pending {
                    motion,
                    index,
                    number,
                    base,
                    ours,
                });
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
                .map(|q| q.status);
            match theirs {
                Some(theirs) if theirs == pending.ours => reapplied += 1,
                Some(theirs) if theirs == pending.base => {
                    let waiting = self.pending.len();
                    self.apply(pending.motion, pending.index, pending.base, pending.ours);
                    // Still pending when the file refuses again (read-only, full disk).
                    if self.pending.len() == waiting {
                        reapplied += 1;
                    }
                }
                _ => conflicts.push(Conflict {
                    motion: pending.motion,
                    number: pending.number,
                    theirs,
                    ours: pending.ours,
                }),
            }
        }
        (reapplied, conflicts)
    }
}
