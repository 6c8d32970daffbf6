//! Letters as they arrive (text, Word, PDF) become motion files: the text
//! is read (`read`), parsed (`crate::letter`), matched to a session
//! (`session`) and laid out as the changes that write it (`plan`). Reading
//! does I/O; everything after is pure and shared by the command line and
//! the app.

mod docx;
mod pdf;
mod plan;
mod read;
mod session;

pub use plan::{Plan, Refused, Summary, differing, duplicate_of, plan, session_for};
pub use read::{Cause, ReadError, complete_path, text_of, text_of_bytes};
pub use session::{matching_session, same_committee};
