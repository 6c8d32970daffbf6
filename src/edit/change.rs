//! What a change is. Every change the product makes is one [`Change`]:
//! a field of a question; a whole record inside a file (an agenda item or a
//! question inserted, removed or moved); or a whole file (a new session or
//! motion, one deleted). Each has an inverse, so undo is a change too.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{Field, Part, RecordChange};

/// One change to the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// One field of one question.
    Question(QuestionChange),
    /// Keys of one table of a record: a session's or motion's head, an
    /// agenda item, a question.
    Record(RecordChange),
    /// One `[[agenda]]` or `[[question]]` table of a record's file.
    Table(TableChange),
    /// A whole file: created, removed or replaced.
    File(FileChange),
    /// A file moved to another path: into the trash and back.
    Rename(RenameChange),
    /// Several changes that are one step for the user (a motion moved to
    /// another session changes two files); undone together.
    Batch(Vec<Change>),
}

/// A file moved from one path in the data folder to another, which must
/// be free.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenameChange {
    pub from: PathBuf,
    pub to: PathBuf,
}

/// One field of one question: the question at position `index` of the
/// motion, which has `number` (both must still hold when it is written).
/// After a reload the question is found again by its `text` as well, so a
/// question inserted or renumbered by someone else never takes the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionChange {
    pub motion: String,
    pub index: usize,
    pub number: String,
    /// The question's text when the change was made (absent in recovery
    /// files of earlier versions: then place and number must do).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The value before the change (for a pending change: as on disk).
    pub before: Field,
    pub after: Field,
}

/// The record whose file a change is written into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Session(String),
    Motion(String),
}

/// Which array of tables in a record's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableArray {
    Agenda,
    Question,
}

impl TableArray {
    /// The key of the array in the file.
    pub fn key(self) -> &'static str {
        match self {
            TableArray::Agenda => "agenda",
            TableArray::Question => "question",
        }
    }
}

/// A table inserted (`before` empty), removed (`after` empty) or moved
/// (both, the same text at other positions). A table is given as the TOML
/// of its keys, `number = "4"\ntitle = "…"`; its position counts the tables
/// of that array in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableChange {
    pub owner: Owner,
    pub array: TableArray,
    pub before: Option<(usize, String)>,
    pub after: Option<(usize, String)>,
}

/// A whole file, by its path in the data folder: created (`before` empty),
/// removed (`after` empty) or replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChange {
    pub path: PathBuf,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Change {
    /// The change that takes this one back.
    pub fn inverse(self) -> Change {
        match self {
            Change::Question(q) => Change::Question(QuestionChange {
                before: q.after,
                after: q.before,
                ..q
            }),
            Change::Record(r) => {
                // A table found by its number is found by the new one after
                // the number changed.
                let renumbered = r
                    .after
                    .iter()
                    .find(|(k, _)| k == "number")
                    .and_then(|(_, v)| {
                        v.as_deref()
                            .and_then(|t| t.parse::<toml_edit::Value>().ok())
                            .and_then(|v| v.as_str().map(String::from))
                    });
                let part = match (r.part, renumbered) {
                    (Part::Agenda { index, .. }, Some(number)) => Part::Agenda { index, number },
                    (Part::Question { index, .. }, Some(number)) => {
                        Part::Question { index, number }
                    }
                    (part, _) => part,
                };
                Change::Record(RecordChange {
                    owner: r.owner,
                    part,
                    before: r.after,
                    after: r.before,
                })
            }
            Change::Table(t) => Change::Table(TableChange {
                before: t.after,
                after: t.before,
                ..t
            }),
            Change::File(f) => Change::File(FileChange {
                before: f.after,
                after: f.before,
                ..f
            }),
            Change::Rename(r) => Change::Rename(RenameChange {
                from: r.to,
                to: r.from,
            }),
            Change::Batch(changes) => {
                Change::Batch(changes.into_iter().rev().map(Change::inverse).collect())
            }
        }
    }

    /// The changes to write, in order: a batch's, or this one.
    pub fn leaves(self) -> Vec<Change> {
        match self {
            Change::Batch(changes) => changes.into_iter().flat_map(Change::leaves).collect(),
            change => vec![change],
        }
    }

    /// The file moves among this change and those of a batch.
    pub fn renames(&self) -> Vec<&RenameChange> {
        match self {
            Change::Rename(r) => vec![r],
            Change::Batch(changes) => changes.iter().flat_map(Change::renames).collect(),
            _ => Vec::new(),
        }
    }

    /// The question change, if this is one.
    pub fn as_question(&self) -> Option<&QuestionChange> {
        match self {
            Change::Question(q) => Some(q),
            _ => None,
        }
    }

    /// Whether both change the same thing (whatever to), so that the later
    /// one takes over from the earlier.
    pub fn same_target(&self, other: &Change) -> bool {
        match (self, other) {
            (Change::Question(a), Change::Question(b)) => {
                a.motion == b.motion && a.index == b.index && a.after.same_field(&b.after)
            }
            (Change::File(a), Change::File(b)) => a.path == b.path,
            _ => false,
        }
    }

    /// Whether this change alters what search finds or where things sit.
    pub fn changes_text(&self) -> bool {
        match self {
            Change::Question(q) => q.after.is_searchable(),
            Change::Record(_)
            | Change::Table(_)
            | Change::File(_)
            | Change::Rename(_)
            | Change::Batch(_) => true,
        }
    }

    /// Takes over the base of an earlier change of the same target: the
    /// value as on disk before either.
    pub fn rebase(&mut self, earlier: Change) {
        match (self, earlier) {
            (Change::Question(q), Change::Question(e)) => q.before = e.before,
            (Change::File(f), Change::File(e)) => f.before = e.before,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn status(before: Status, after: Status) -> Change {
        crate::edit::testing::status(0, "1", before, after)
    }

    #[test]
    fn the_inverse_of_the_inverse_is_the_change() {
        let changes = [
            status(Status::Open, Status::Answered),
            Change::Table(TableChange {
                owner: Owner::Session("s".into()),
                array: TableArray::Agenda,
                before: None,
                after: Some((2, "number = \"3\"\ntitle = \"T\"\n".into())),
            }),
            Change::File(FileChange {
                path: "neu.toml".into(),
                before: None,
                after: Some("[motion]\n".into()),
            }),
        ];
        for change in changes {
            assert_ne!(change.clone().inverse(), change);
            assert_eq!(change.clone().inverse().inverse(), change);
        }
    }

    #[test]
    fn a_later_change_of_the_same_field_keeps_the_first_base() {
        let mut later = status(Status::InProgress, Status::Answered);
        assert!(later.same_target(&status(Status::Open, Status::InProgress)));
        later.rebase(status(Status::Open, Status::InProgress));
        assert_eq!(later, status(Status::Open, Status::Answered));
        let answer = Change::Question(QuestionChange {
            after: Field::Answer(None),
            ..later.as_question().unwrap().clone()
        });
        assert!(!later.same_target(&answer));
    }
}
