//! Sessions and papers from a council information system over OParl 1.1:
//! `pull` walks the JSON (files given, or a server through `web`) to the
//! meetings and papers it leads to; `plan` turns them into changes of the
//! edit layer that only touch imported fields, so a re-import is safe.
//! Reading is I/O; planning is pure and shared by the command line and
//! the app.

mod base;
mod committee;
mod flawed;
mod job;
mod object;
mod paper_type;
mod papers;
mod plan;
mod pull;
mod resolve;
mod say;
mod time;
mod web;
mod write;

pub use base::{Bases, FOLDER as BASES};
pub use flawed::Flawed;
pub use job::Job;
pub use object::{Kind, Link};
pub use plan::{Plan, plan, plan_with};
pub use pull::{ItemIn, Limits, MeetingIn, PaperIn, Pull, pull};
pub use resolve::{Progress, Resolver};
pub use say::{JsonFault, Say, Subject, shown};
pub use web::{Failure, Web, is_url};
pub use write::{BaseWrite, Write};
