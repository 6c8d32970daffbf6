//! One field of a question, and who changed it when.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::model::{Question, Status};

/// One field of a question with its value; `None` means the key is absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Status(Status),
    Answer(Option<String>),
    Assignee(Option<String>),
    Due(Option<NaiveDate>),
}

impl Field {
    /// The field's key and new value as a history shows them.
    pub fn as_history(&self) -> (&'static str, Option<String>) {
        match self {
            Field::Status(s) => ("status", Some(s.as_str().to_string())),
            Field::Answer(a) => ("answer", a.clone()),
            Field::Assignee(a) => ("assignee", a.clone()),
            Field::Due(d) => ("due", d.map(|d| d.format("%Y-%m-%d").to_string())),
        }
    }

    /// The same field of `question`, with the value it has there.
    pub fn read(&self, question: &Question) -> Field {
        match self {
            Field::Status(_) => Field::Status(question.status),
            Field::Answer(_) => Field::Answer(question.answer.clone()),
            Field::Assignee(_) => Field::Assignee(question.assignee.clone()),
            Field::Due(_) => Field::Due(question.due),
        }
    }

    /// Puts this value into `question`.
    pub fn write(&self, question: &mut Question) {
        match self {
            Field::Status(s) => question.status = *s,
            Field::Answer(a) => question.answer = a.clone(),
            Field::Assignee(a) => question.assignee = a.clone(),
            Field::Due(d) => question.due = *d,
        }
    }

    /// Whether both are the same field (whatever their values).
    pub fn same_field(&self, other: &Field) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// Whether a change of this field changes what search finds.
    pub fn is_searchable(&self) -> bool {
        matches!(self, Field::Answer(_) | Field::Assignee(_))
    }
}

/// Who changed something, and when: written as `updated` and `updated_by`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub at: NaiveDateTime,
    pub by: String,
}

/// An answer as typed: trailing blank lines and spaces dropped (editors add
/// a final newline); nothing left means no answer.
pub fn tidy_answer(text: &str) -> Option<String> {
    let kept: Vec<&str> = text.lines().map(str::trim_end).collect();
    let text = kept.join("\n");
    let text = text.trim_matches('\n');
    (!text.trim().is_empty()).then(|| text.to_string())
}
