//! What an OParl import tells the user: what it skipped and why, and
//! what it wrote. Worded per language in `i18n`.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::web::Failure;

/// One thing the import tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    /// A file given is no JSON: where it breaks.
    BadJson {
        file: String,
        line: usize,
        column: usize,
        reason: JsonFault,
    },
    /// A file given could not be read.
    Unreadable { file: String, reason: String },
    /// An address that is neither a file here nor http(s): ftp://, a
    /// host without its scheme.
    NotAnAddress { source: String },
    /// A request failed; `whole` where it was a source given, so that
    /// nothing came of it.
    Fetch {
        url: String,
        failure: Failure,
        whole: bool,
    },
    /// An object of another type than the link promised.
    WrongType {
        url: String,
        expected: &'static str,
        found: &'static str,
    },
    /// A source of a type that holds no sessions or papers.
    NotImportable { source: String, found: String },
    /// A source that is no OParl object (no `type`, not a list).
    NotOparl { source: String },
    /// Links that lead out of the files given (importing from files
    /// fetches nothing): how many, and one of them.
    OutsideFiles { count: usize, example: String },
    /// A meeting without a readable start: no session without a date.
    NoStart { meeting: String },
    /// A meeting without a name or organization: no committee.
    NoCommittee { meeting: String, date: NaiveDate },
    /// An object without an id: nothing to find it by again.
    NoId { kind: &'static str, name: String },
    /// A meeting the council system calls off: imported, and said.
    Cancelled { committee: String, date: NaiveDate },
    /// A paper without a name or reference: nothing to call it.
    NoName { paper: String },
    /// A paper's document that gave no text.
    NoText {
        url: String,
        reason: crate::import::ReadError,
    },
    /// The pull stopped following a list after this many pages.
    TooManyPages { url: String, pages: usize },

    /// A session file made.
    SessionNew {
        committee: String,
        date: NaiveDate,
        path: PathBuf,
        items: usize,
    },
    /// A session file whose imported fields changed.
    SessionUpdated {
        committee: String,
        date: NaiveDate,
        path: PathBuf,
        keys: Vec<String>,
    },
    /// A motion file made.
    MotionNew {
        kind: String,
        title: String,
        path: PathBuf,
        questions: usize,
    },
    /// A motion file whose imported fields changed.
    MotionUpdated {
        title: String,
        path: PathBuf,
        keys: Vec<String>,
    },
    /// Records the import found as they are already.
    Unchanged { sessions: usize, motions: usize },
    /// An object the council system marks deleted: kept here.
    /// `session`: a session (which the app cannot delete), else a motion.
    DeletedUpstream {
        name: String,
        path: PathBuf,
        session: bool,
    },
    /// An agenda item the meeting no longer has: kept here.
    ItemGone {
        committee: String,
        date: NaiveDate,
        number: String,
        title: String,
    },
    /// A paper the council system moved to another agenda item of the
    /// meeting: taken off the item it was on here.
    Moved {
        committee: String,
        date: NaiveDate,
        motion: String,
        from: String,
        to: String,
    },
    /// A field corrected here that upstream changed as well: the
    /// correction stays (`item`: of the agenda item with this number).
    /// The values as TOML text, `None` for none.
    KeptLocal {
        subject: Subject,
        item: Option<String>,
        key: String,
        here: Option<String>,
        there: Option<String>,
        path: PathBuf,
    },
    /// A file that could not be written; the rest still was. `reason`
    /// is the system's, `None` where someone changed the file meanwhile.
    NotWritten {
        path: PathBuf,
        reason: Option<String>,
    },
    /// Not imported: a file with errors may hold it already, and a second
    /// file would double it.
    Held { subject: Subject, path: PathBuf },
    /// A file with errors the import would change: left as it is.
    LeftAlone { path: PathBuf },
    /// The sources brought no meeting or paper: how many meetings were
    /// left out by the limits.
    Nothing {
        early: usize,
        since: Option<NaiveDate>,
        others: usize,
        committee: Option<String>,
    },
    /// How many objects were read so far (the progress line).
    Progress { read: usize },
    /// Nothing was written: a dry run.
    DryRun,
}

/// A session or paper, as a message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Session { committee: String, date: NaiveDate },
    Motion { title: String },
}

/// Why a file is no JSON, in words each language gives its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonFault {
    /// Nothing in it (or only spaces).
    Empty,
    /// It stops in the middle: saved or copied only in part.
    EndsEarly,
    /// Something else where a value must stand.
    NoValue,
    /// A comma before a closing bracket.
    TrailingComma,
    /// serde_json's own words, for the rarer faults.
    Other(String),
}

impl JsonFault {
    /// The fault of `error` (serde_json's own words are English).
    pub fn of(error: &serde_json::Error) -> JsonFault {
        let words = error.to_string();
        let words = match words.rsplit_once(" at line ") {
            Some((words, _)) => words.to_string(),
            None => words,
        };
        match () {
            _ if error.is_eof() => JsonFault::EndsEarly,
            _ if words.starts_with("expected value") || words.starts_with("expected ident") => {
                JsonFault::NoValue
            }
            _ if words.starts_with("trailing comma") => JsonFault::TrailingComma,
            _ => JsonFault::Other(words),
        }
    }
}

/// A value as TOML text (see [`Say::KeptLocal`]), as a person reads it: a
/// text without its quotes, a list without its brackets.
pub fn shown(value: &Option<String>) -> Option<String> {
    let value = value.as_deref()?;
    Some(match value.parse::<toml_edit::Value>() {
        Ok(toml_edit::Value::String(s)) => s.value().clone(),
        Ok(toml_edit::Value::Array(a)) => a
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .map(|v| v.trim().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        _ => value.to_string(),
    })
}

impl Say {
    /// Whether this is a problem (the import exits non-zero) rather
    /// than a report of what was done.
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            Say::BadJson { .. }
                | Say::Unreadable { .. }
                | Say::NotAnAddress { .. }
                | Say::Fetch { .. }
                | Say::WrongType { .. }
                | Say::NotImportable { .. }
                | Say::NotOparl { .. }
                | Say::NotWritten { .. }
                | Say::Held { .. }
                | Say::LeftAlone { .. }
        )
    }
}
