//! What goes into `update` and what comes out of it: messages in (keys,
//! layout facts, outcomes of effects), effects out (work for the runtime).

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::KeyEvent;

use crate::edit::{Change, Origin, Stamp};
use crate::external::ExternalResult;
use crate::input::Action;
use crate::model::Dataset;
use crate::search::Hit;
use crate::store::Loaded;

use super::Layout;

/// Input to `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    /// An action, as a key of the keymap gives it.
    Key(Action),
    /// A key as pressed: `update` finds its action among those that mean
    /// something now, or types it where text is typed.
    Press(KeyEvent),
    /// What the last frame showed.
    Layout(Layout),
    /// The user's own editor has closed.
    ExternalDone(ExternalResult),
    /// The search thread's answer to query number `generation`.
    SearchResults {
        generation: u64,
        hits: Vec<Hit>,
        /// How many records matched; `hits` holds the best of them.
        total: usize,
    },
    /// A save has been tried.
    Saved {
        save: Save,
        outcome: Result<Option<u64>, SaveFailure>,
    },
    /// Every file was read again.
    Loaded(Box<Loaded>),
    /// Every file was read again after a change of records of ours.
    Refreshed(Box<Loaded>),
    /// The report was written (its path), or not (the folder and why).
    /// The file written, whether it is an answer letter (else a
    /// session's report) and how many motions it lists could not be read;
    /// or the folder and why not.
    ReportWritten(Result<Written, (PathBuf, String)>),
    /// The rescued changes were set aside in this file.
    RecoverySetAside(PathBuf),
    /// The text of a letter file, or why there is none.
    LetterRead {
        file: String,
        text: Result<String, crate::note::LetterProblem>,
    },
    /// Paths that fit what was typed in a path field.
    Completions { typed: String, paths: Vec<String> },
    /// The mouse wheel: lines down (negative: up).
    Wheel(i64),
    /// The terminal changed its size.
    Resized,
    /// Text pasted into the terminal, whole.
    Paste(String),
    /// A click of the left button at this cell; `double` for the second of
    /// two quick ones on the same row.
    Click { column: u16, row: u16, double: bool },
    /// A pull from the council information system has read this many objects.
    PullProgress(usize),
    /// The whole folder, read after a first step (see `App::open_in_steps`).
    Opened(Box<Loaded>),
    /// Files read so far while opening, of how many.
    OpenProgress { done: usize, total: usize },
    /// A pull is done: what it found.
    Pulled(Box<crate::oparl::Pull>),
    /// A sync has reached this step.
    SyncProgress(crate::sync::run::Stage),
    /// A sync is done, or stopped.
    Synced(Result<crate::sync::run::Outcome, crate::sync::run::Stopped>),
    /// A question's history, or why git has none.
    HistoryRead(Result<Vec<crate::sync::history::Entry>, crate::sync::git::GitError>),
    /// The watcher saw these data files change (relative paths).
    FilesChanged(Vec<PathBuf>),
    /// Files changed by someone else: everything read again.
    ChangedOutside {
        loaded: Box<Loaded>,
        paths: Vec<PathBuf>,
    },
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Key(action)
    }
}

/// Work `update` asks the runtime to do; each outcome comes back as a [`Msg`].
#[derive(Debug, Clone)]
pub enum Effect {
    /// Write changes into one file.
    Save(Save),
    /// Read every file again.
    Reload,
    /// Read every file again to show records just written.
    Refresh,
    /// Write a report or letter into the reports folder.
    Report(Paper, Output),
    /// Let the user edit `text` in their own editor; `draft` says which
    /// answer it is, so that a text left by a crash can be offered back.
    EditExternal {
        text: String,
        draft: Option<crate::external::DraftOf>,
    },
    /// Ask the search thread for the hits of a query over `data`.
    Search {
        generation: u64,
        query: String,
        data: Arc<Dataset>,
        /// Changes whenever `data` does, so the index can follow.
        version: u64,
    },
    /// The rescued changes are back in the journal: drop the recovery file.
    RemoveRecovery,
    /// Keep the rescued changes in a file beside the recovery file.
    SetRecoveryAside(Box<super::Rescue>),
    /// Read the text of the letter in this file (text, Word or PDF).
    ReadLetter { path: PathBuf },
    /// List the paths that fit what is typed in a path field.
    ListFiles { typed: String },
    /// Pull from the council information system, in the background.
    PullOparl(Box<crate::oparl::Job>),
    /// Sync the data folder through git, in the background.
    Sync,
    /// Hand the terminal back to the shell until `fg`.
    Suspend,
    /// Read the history of a question of the motion in `file`.
    History { file: PathBuf, number: String },
    /// See whether these files really changed (not only by our own save).
    CheckChanged(Vec<PathBuf>),
}

/// Changes to write into one file, which must be as loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Save {
    /// Relative to the data folder.
    pub path: PathBuf,
    /// Of the file as loaded; `None` where it must not exist yet.
    pub fingerprint: Option<u64>,
    pub changes: Vec<Change>,
    pub stamp: Stamp,
    pub origin: Origin,
}

/// Why a save did not happen; the file is untouched in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    ChangedOnDisk,
    ReadOnly,
    QuestionGone,
    /// The data folder itself is not writable (for its save lock).
    NoLock(PathBuf),
    /// What kind of failure, and the operating system's words for it.
    Io(std::io::ErrorKind, String),
}

impl From<crate::store::SaveError> for SaveFailure {
    fn from(error: crate::store::SaveError) -> SaveFailure {
        use crate::store::SaveError;
        match error {
            SaveError::ChangedOnDisk => SaveFailure::ChangedOnDisk,
            SaveError::ReadOnly => SaveFailure::ReadOnly,
            SaveError::QuestionGone => SaveFailure::QuestionGone,
            SaveError::NoLock(dir) => SaveFailure::NoLock(dir),
            SaveError::Io(e) => SaveFailure::Io(e.kind(), e.to_string()),
        }
    }
}

/// What `x` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub format: crate::config::ReportFormat,
    /// The version to hand out, not the working one.
    pub final_version: bool,
}

/// A report or a letter to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paper {
    /// The report of this session.
    Session(String),
    /// The answer letter to this motion.
    Motion(String),
}

/// A report or an answer letter written, and what its maker must know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    /// An answer letter, not a session's report.
    pub letter: bool,
    /// Motions on the agenda whose files could not be read.
    pub unreadable: usize,
    /// In a final version: answers written whose questions are not
    /// marked answered (the version calls them open).
    pub unmarked: usize,
}
