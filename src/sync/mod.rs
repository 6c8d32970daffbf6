//! Several offices on one data set through git: `agenda sync` commits this
//! user's changes, fetches, merges what git cannot merge line by line by
//! record and field (`merge`), and pushes; `history` reads a question's
//! changes back from the log. The system `git` does the transport
//! (`git`): the staff who share data through git have it, with their
//! credentials and proxies configured.

pub mod git;
pub mod history;
pub mod merge;
pub mod run;

pub use merge::{FieldConflict, Merged, Unmergeable, merge};
