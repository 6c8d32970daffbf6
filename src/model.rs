//! Plain data types of sessions, agenda items, motions and questions.
//!
//! These carry no I/O and no presentation; `store` fills them and everything
//! else reads them.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Everything loaded from one data directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Sessions in date order (then id), as `store` sorts them.
    pub sessions: Vec<Session>,
    /// Motions in path order. Shared with the readings a reload keeps and
    /// with copies of the data (the search thread's, an edit's): a change
    /// copies only the motion it changes (`Arc::make_mut`).
    pub motions: Vec<std::sync::Arc<Motion>>,
    /// The files the records came from, indexed by [`SourceId`].
    pub sources: Vec<Source>,
}

/// Index into [`Dataset::sources`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct SourceId(pub usize);

/// A file a record was read from, and what it held when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Path relative to the data directory.
    pub path: PathBuf,
    /// Hash of the bytes as loaded; a save compares it to spot changes by others.
    pub fingerprint: u64,
}

/// One meeting of a committee on a date.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Session {
    pub id: String,
    pub committee: String,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub location: Option<String>,
    /// Where it came from in the council information system, if imported.
    pub oparl_id: Option<String>,
    /// Addresses of its documents there (invitation, minutes).
    pub files: Vec<String>,
    pub agenda: Vec<AgendaItem>,
    pub source: SourceId,
    /// Its file has errors: what could not be read is missing (a date
    /// that is no date reads as none, and sorts last). Shown marked, so
    /// that one wrong value hides nothing.
    pub broken: bool,
}

/// A numbered item of a session's agenda (Tagesordnungspunkt).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AgendaItem {
    pub number: String,
    pub title: String,
    pub public: bool,
    /// Motion ids, in the order written.
    pub motions: Vec<String>,
    /// Where it came from in the council information system, if imported.
    pub oparl_id: Option<String>,
}

/// A motion or inquiry of one or more council groups.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Motion {
    pub id: String,
    pub kind: String,
    pub basis: Option<String>,
    pub title: String,
    pub submitted: Option<NaiveDate>,
    pub submitters: Vec<String>,
    pub signatories: Vec<Signatory>,
    pub addressee: Option<String>,
    /// The session id the motion names, if any.
    pub session: Option<String>,
    /// The council's paper number (Drucksachen-/Vorlagen-Nr.).
    pub reference: Option<String>,
    /// Withdrawn, postponed or done; active when absent.
    pub state: MotionState,
    /// The office in charge (federführend), as the council system names it.
    pub office: Option<String>,
    /// Where it came from in the council information system, if imported.
    pub oparl_id: Option<String>,
    /// Addresses of its documents there.
    pub files: Vec<String>,
    pub proposal: Option<String>,
    pub rationale: Option<String>,
    pub questions: Vec<Question>,
    pub source: SourceId,
}

/// Where a motion stands, beside its questions.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum MotionState {
    #[default]
    Active,
    Withdrawn,
    Postponed,
    Done,
}

impl MotionState {
    /// Every state, in cycling order.
    pub const ALL: [MotionState; 4] = [
        MotionState::Active,
        MotionState::Withdrawn,
        MotionState::Postponed,
        MotionState::Done,
    ];

    /// The value written in TOML files; `None` for active (no key).
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            MotionState::Active => None,
            MotionState::Withdrawn => Some("withdrawn"),
            MotionState::Postponed => Some("postponed"),
            MotionState::Done => Some("done"),
        }
    }

    /// Parses the value written in TOML files.
    pub fn parse(value: &str) -> Option<MotionState> {
        MotionState::ALL
            .into_iter()
            .find(|s| s.as_str() == Some(value))
    }

    /// Whether its open questions still wait for answers.
    pub fn counts(self) -> bool {
        matches!(self, MotionState::Active | MotionState::Postponed)
    }
}

/// A person who signed a motion.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signatory {
    pub name: String,
    pub role: Option<String>,
}

/// One numbered question the administration must answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    pub number: String,
    pub text: String,
    pub status: Status,
    pub assignee: Option<String>,
    pub due: Option<NaiveDate>,
    pub answer: Option<String>,
    pub updated: Option<NaiveDateTime>,
    pub updated_by: Option<String>,
}

/// How far the answer to a question has come.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Answered,
}

impl Status {
    /// Every status, in cycling order.
    pub const ALL: [Status; 3] = [Status::Open, Status::InProgress, Status::Answered];

    /// The value written in TOML files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in_progress",
            Status::Answered => "answered",
        }
    }

    /// Parses the value written in TOML files.
    pub fn parse(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// open → in_progress → answered → open.
    pub fn next(self) -> Status {
        match self {
            Status::Open => Status::InProgress,
            Status::InProgress => Status::Answered,
            Status::Answered => Status::Open,
        }
    }
}

impl Question {
    /// Answered means answered: marked so, with an answer to give. One
    /// marked answered without text counts as open everywhere.
    pub fn is_done(&self) -> bool {
        self.status == Status::Answered
            && self.answer.as_deref().is_some_and(|a| !a.trim().is_empty())
    }
}

impl Motion {
    /// Number of questions answered (marked so, with a text).
    pub fn answered(&self) -> usize {
        self.questions.iter().filter(|q| q.is_done()).count()
    }
}

impl Dataset {
    /// The motion with this id.
    pub fn motion(&self, id: &str) -> Option<&Motion> {
        self.motions.iter().find(|m| m.id == id).map(|m| &**m)
    }

    /// The session with this id.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The path, relative to the data directory, a record came from.
    pub fn path(&self, source: SourceId) -> &std::path::Path {
        &self.sources[source.0].path
    }
}
