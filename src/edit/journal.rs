//! The journal of a run: what is not on disk yet, what can be undone and
//! redone, and which of our changes met a different change on disk.

use super::{Change, Conflict};

/// Why a change is made: a new edit clears what could be redone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Edit,
    Undo,
    Redo,
    /// Written again after a reload or a rescue; not a new step for undo.
    Reapply,
}

/// Every change of this run, by where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    /// Made here, not on disk yet (the file refused or changed meanwhile).
    pub pending: Vec<Change>,
    /// Made in this run, oldest first, for undo.
    pub history: Vec<Change>,
    /// Undone, for redo; a new edit clears it.
    pub redo: Vec<Change>,
    /// Ours met another change to the same field: theirs was kept, ours
    /// stays listed until applied or left.
    pub conflicts: Vec<Conflict>,
}

impl Journal {
    /// Notes a change made now, in memory, before it is written.
    pub fn record(&mut self, change: &Change, origin: Origin) {
        match origin {
            Origin::Edit => {
                self.redo.clear();
                self.history.push(change.clone());
            }
            Origin::Undo => self.redo.push(change.clone()),
            Origin::Redo => self.history.push(change.clone()),
            Origin::Reapply => {}
        }
    }

    /// The outcome of writing `change`: once it is on disk an earlier
    /// pending change of the same target is settled too; if not, it waits,
    /// keeping the earliest base (the value still on disk).
    pub fn written(&mut self, mut change: Change, on_disk: bool) {
        let earlier = self.pending.iter().position(|p| p.same_target(&change));
        let earlier = earlier.map(|i| self.pending.remove(i));
        if !on_disk {
            if let Some(earlier) = earlier {
                change.rebase(earlier);
            }
            self.pending.push(change);
        }
    }

    /// The change that takes back the last one, taken off the history.
    pub fn undo(&mut self) -> Option<Change> {
        self.history.pop().map(Change::inverse)
    }

    /// The change that makes the last undone one again.
    pub fn redo(&mut self) -> Option<Change> {
        self.redo.pop().map(Change::inverse)
    }

    /// How many changes need the user: waiting to be saved, or in conflict.
    pub fn troubles(&self) -> usize {
        self.pending.len() + self.conflicts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn change(before: Status, after: Status) -> Change {
        crate::edit::testing::status(0, "1", before, after)
    }

    #[test]
    fn undo_and_redo_walk_the_history_and_a_new_edit_clears_redo() {
        let mut journal = Journal::default();
        let first = change(Status::Open, Status::InProgress);
        journal.record(&first, Origin::Edit);
        let back = journal.undo().unwrap();
        assert_eq!(back, first.clone().inverse());
        journal.record(&back, Origin::Undo);
        assert_eq!(journal.redo(), Some(first.clone()));
        journal.record(&first, Origin::Redo);
        journal.record(&back, Origin::Undo);
        journal.record(&change(Status::Open, Status::Answered), Origin::Edit);
        assert!(journal.redo.is_empty());
        assert_eq!(journal.history.len(), 2);
    }

    #[test]
    fn a_refused_change_waits_with_the_value_on_disk_as_base() {
        let mut journal = Journal::default();
        journal.written(change(Status::Open, Status::InProgress), false);
        journal.written(change(Status::InProgress, Status::Answered), false);
        assert_eq!(journal.pending, [change(Status::Open, Status::Answered)]);
        journal.written(change(Status::Open, Status::Answered), true);
        assert!(journal.pending.is_empty());
    }
}
