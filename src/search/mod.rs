//! Search over everything, word by word, German letters folded.
//!
//! Each query word must match inside one word of a field: whole, at its
//! start, inside it (parts of compounds), or with a few letters off (see
//! `word`); `'`, `^` and `!` narrow that (see `query`). The index holds
//! only folded text and its vocabulary; what a hit shows (and where it
//! matched) is worked out from the data for the few hits on screen.

mod describe;
mod index;
mod mark;
mod packed;
mod query;
mod scan;
mod target;
mod vocab;
mod word;
mod worker;

pub use crate::fold::{fold, fold_with_map};
pub use describe::{describe, describe_placed, placement, placements, snippet};
pub use index::{FieldKind, Hit, Index, Target};
pub use mark::{anchor, highlight};
pub use query::narrows;
pub use worker::{Deliver, Response, Searcher};

use crate::model::Dataset;

/// The text of a hit's field as it reads in the data (dates as 07.09.2022).
pub fn field_text(data: &Dataset, target: Target, field: FieldKind) -> String {
    match target {
        Target::Session { session } => {
            let s = &data.sessions[session];
            match field {
                FieldKind::SessionId => s.id.clone(),
                FieldKind::Date => crate::dates::date(s.date),
                _ => s.committee.clone(),
            }
        }
        Target::AgendaItem { session, item } => {
            let item = &data.sessions[session].agenda[item];
            match field {
                FieldKind::ItemNumber => item.number.clone(),
                _ => item.title.clone(),
            }
        }
        Target::Motion { motion } => {
            let m = &data.motions[motion];
            match field {
                FieldKind::MotionId => m.id.clone(),
                FieldKind::MotionKind => m.kind.clone(),
                FieldKind::Submitters => m.submitters.join(", "),
                FieldKind::Signatories => index::signatories(m),
                FieldKind::Reference => m.reference.clone().unwrap_or_default(),
                FieldKind::Office => m.office.clone().unwrap_or_default(),
                FieldKind::Proposal => m.proposal.clone().unwrap_or_default(),
                FieldKind::Rationale => m.rationale.clone().unwrap_or_default(),
                _ => m.title.clone(),
            }
        }
        Target::Question { motion, question } => {
            let q = &data.motions[motion].questions[question];
            match field {
                FieldKind::QuestionNumber => q.number.clone(),
                FieldKind::Assignee => q.assignee.clone().unwrap_or_default(),
                FieldKind::Answer => q.answer.clone().unwrap_or_default(),
                _ => q.text.clone(),
            }
        }
    }
}
