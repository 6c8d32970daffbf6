//! Problems found while loading a data directory, as data.
//!
//! A diagnostic holds no text of its own: `i18n` words it in the user's
//! language, so tests can check both the kind and the words.

use std::path::PathBuf;

/// How bad a problem is: errors make `check` fail, warnings do not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column (in characters) inside a file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// One problem, where it is and how bad it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Path relative to the data directory.
    pub path: PathBuf,
    /// Where in the file; `None` when the file could not be read at all.
    pub location: Option<Location>,
    pub severity: Severity,
    pub problem: Problem,
}

/// The type a key should have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    Text,
    Date,
    Time,
    DateTime,
    Bool,
    TextList,
    Table,
    TableList,
}

/// The type a key had instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Found {
    /// An unquoted date written as people write it: 07.09.2022.
    GermanDate,
    Text,
    Integer,
    Float,
    Bool,
    Date,
    Time,
    DateTime,
    Array,
    Table,
}

/// Session or motion: the two kinds of record a file can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    Session,
    Motion,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    /// The TOML parser's own message.
    Syntax {
        detail: String,
    },
    /// A control character (an escape sequence pasted, a stray byte) where
    /// TOML allows none: in a text or a comment.
    ControlChar {
        code: u32,
    },
    /// `suggestion` is the value rewritten the way it should be, when we can tell.
    WrongType {
        key: String,
        expected: Expected,
        found: Found,
        suggestion: Option<String>,
    },
    MissingField {
        table: String,
        key: String,
    },
    EmptyField {
        key: String,
    },
    /// `first`: the other file with the id, and its line; `kept`: this
    /// file's record keeps the id (references by it come here).
    DuplicateId {
        kind: RecordKind,
        id: String,
        first: PathBuf,
        first_line: usize,
        kept: bool,
    },
    UnknownMotion {
        id: String,
        suggestion: Option<String>,
        /// The file named for it, which has errors: the motion is there
        /// but cannot be read.
        unreadable: Option<PathBuf>,
    },
    /// `unreadable`: a file with errors named for the id, which most
    /// likely holds it.
    UnknownSession {
        id: String,
        suggestion: Option<String>,
        unreadable: Option<PathBuf>,
    },
    BadStatus {
        value: String,
    },
    /// A motion's `state` that is none of the known ones.
    BadState {
        value: String,
    },
    SessionMismatch {
        motion: String,
        named: String,
        listed_in: String,
    },
    DuplicateQuestion {
        number: String,
    },
    /// Marked answered, but there is no answer text: it counts as open.
    AnsweredWithoutText {
        number: String,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    NotUtf8,
    NotARecord,
    BothRecords,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Unreadable {
        cause: IoCause,
    },
}

/// Why a file or folder could not be read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum IoCause {
    PermissionDenied,
    /// Listed, then gone before it was read.
    Vanished,
    SymlinkLoop,
    /// A symbolic link whose target does not exist.
    BrokenLink,
    /// A link to a folder outside the data folder: not followed.
    OutsideFolder,
    /// Named `.toml` but a FIFO, a device, a socket or a folder: not opened.
    NotAFile,
    /// Anything else, in the operating system's words.
    Other(String),
}

impl Problem {
    /// Whether it is about how the file fits with others (a reference that
    /// finds nothing, two files that disagree) rather than about what the
    /// file holds: such a file still reads whole and may be written, and
    /// the cause is often in the other file.
    pub fn between_files(&self) -> bool {
        matches!(
            self,
            Problem::UnknownMotion { .. }
                | Problem::UnknownSession { .. }
                | Problem::SessionMismatch { .. }
        )
    }

    /// Errors make data untrustworthy; warnings point at likely mistakes.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::UnknownKey { .. }
            | Problem::DuplicateQuestion { .. }
            | Problem::AnsweredWithoutText { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Diagnostic {
    pub(crate) fn new(path: PathBuf, location: Option<Location>, problem: Problem) -> Self {
        Diagnostic {
            path,
            location,
            severity: problem.severity(),
            problem,
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// An error in what the file holds (not in how it fits with others):
    /// such a file is not written into until it is corrected.
    pub fn spoils_file(&self) -> bool {
        self.is_error() && !self.problem.between_files()
    }
}
