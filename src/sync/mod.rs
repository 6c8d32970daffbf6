//! Several offices on one data set through git: `agenda sync` commits this
//! user's data files (`files`), fetches, merges what git cannot merge line
//! by line by record and field (`edit::merge_file`), records the conflicts
//! it settled in the merge commit (`decided`), says what came (`arrived`)
//! and pushes; `history` reads a question's changes back from the log.
//! The system `git` does the transport (`git`): the staff who share data
//! through git have it, with their credentials and proxies configured.

pub mod arrived;
pub mod decided;
pub mod files;
pub mod git;
pub mod history;
mod message;
pub mod run;

pub use crate::edit::merge_file::{FieldConflict, Merged, Unmergeable, merge};
