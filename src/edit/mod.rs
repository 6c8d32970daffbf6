//! Changes as values, below the app and above the store: what a change is
//! (for every kind this product makes), its inverse for undo, the journal of
//! a run, and how a change meets what someone else wrote meanwhile.
//!
//! Pure: nothing here reads or writes a file or the terminal. The store
//! writes a [`Change`]; the app decides which to make.

mod change;
mod field;
mod journal;
mod merge;

pub use change::{Change, FileChange, Owner, QuestionChange, TableArray, TableChange};
pub use field::{Field, Stamp};
pub use journal::{Journal, Origin};
pub use merge::{Conflict, Reconciled, reconcile};
