//! Changes as values, below the app and above the store: what a change is
//! (for every kind this product makes), its inverse for undo, the journal of
//! a run, and how a change meets what someone else wrote meanwhile.
//!
//! Pure: nothing here reads or writes a file or the terminal. The store
//! writes a [`Change`]; the app decides which to make.

mod change;
mod field;
mod journal;
pub mod layout;
mod merge;
pub mod merge_file;
pub mod names;
pub mod record;

pub use change::{
    Change, FileChange, Owner, QuestionChange, RenameChange, TableArray, TableChange,
};
pub use field::{Field, Stamp, tidy_answer};
pub use journal::{Journal, Origin};
pub use merge::{Conflict, Pick, Reconciled, by_field, pick, reconcile, theirs_now};
pub use record::{Part, RecordChange};

/// Changes for the tests of this layer.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Change, Field, QuestionChange};
    use crate::model::Status;

    /// The status of question `number` (at `index`) of the example's motion.
    pub fn status(index: usize, number: &str, before: Status, after: Status) -> Change {
        Change::Question(QuestionChange {
            motion: "kim-bericht-2022".into(),
            index,
            number: number.into(),
            text: None,
            before: Field::Status(before),
            after: Field::Status(after),
        })
    }
}
