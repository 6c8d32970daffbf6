//! What the app tells the user, as data; `i18n` words it, with the keys
//! of the effective keymap where a sentence names one.

use std::path::PathBuf;

use crate::edit::{Change, Conflict};

/// Something to tell the user after a key or an outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Saved(Change),
    /// A record was put into the data folder's trash: its kind and title,
    /// as it is gone from the data by the time this is shown.
    Trashed {
        kind: String,
        title: String,
    },
    Undone(Change),
    Redone(Change),
    NothingToUndo,
    /// An answer or a form was discarded; undo opens it again.
    Discarded,
    /// What was discarded is open again.
    TakenBack,
    NothingToRedo,
    /// The user's editor could not be started.
    EditorMissing {
        command: String,
    },
    /// The user's editor ended with an error; the answer is unchanged.
    EditorFailed {
        command: String,
        code: Option<i32>,
        /// Where the editor's text is kept, if it had changed.
        kept: Option<PathBuf>,
    },
    /// Texts given to the editor were never taken back (a crash): where.
    DraftsLeft {
        count: usize,
        folder: PathBuf,
    },
    /// Rescued changes were put back: how many saved, how many conflicts.
    Recovered {
        saved: usize,
        conflicts: usize,
    },
    /// Rescued changes were set aside, kept in this file.
    /// A recovery file that could not be read, moved here.
    RecoveryUnusable {
        path: std::path::PathBuf,
    },
    RecoverySetAside {
        path: PathBuf,
    },
    /// A due date was saved that falls after the session of its motion.
    DueAfterSession {
        due: chrono::NaiveDate,
        session: chrono::NaiveDate,
    },
    /// A due date was saved that has passed already: overdue at once.
    DueInPast {
        due: chrono::NaiveDate,
    },
    /// A due date decades away (a slip of the year); nothing changed.
    FarDate {
        typed: String,
    },
    /// A due date that is no date; nothing changed.
    BadDate {
        typed: String,
    },
    /// The report was written here.
    /// A report (or, `letter`, an answer letter) written.
    Exported {
        path: PathBuf,
        letter: bool,
        /// Motions on the agenda whose files could not be read.
        unreadable: usize,
        /// In a final version: questions with an answer written that are
        /// not marked answered, and so called open.
        unmarked: usize,
    },
    ExportFailed {
        path: PathBuf,
        reason: String,
    },
    /// `x` away from any session.
    NoSessionHere,
    /// `p` on a motion that belongs to no session yet.
    NoSessionForItem,
    /// Someone else changed the file; the change is kept here only.
    ChangedOnDisk {
        path: PathBuf,
    },
    ReadOnly {
        path: PathBuf,
    },
    SaveFailed {
        path: PathBuf,
        reason: String,
    },
    /// Editing a file that has errors could spread them; fix it first.
    FileHasErrors {
        path: PathBuf,
    },
    QuestionGone {
        path: PathBuf,
    },
    Reloaded {
        reapplied: usize,
        conflicts: Vec<Conflict>,
        problems: usize,
    },
    NoMotionHere,
    /// A conflict cannot be applied: its motion or question is gone. It stays.
    ConflictTargetGone,
    /// The answer changed on disk while it was typed: both kept as a conflict.
    AnswerChangedMeanwhile,
    /// Nothing can be saved: the data folder itself is not writable (the
    /// save lock cannot be made there).
    NoLock {
        dir: PathBuf,
    },
    /// The file of the question being answered is gone (deleted or
    /// renamed elsewhere): the answer waits as a change not saved.
    FileGone {
        path: PathBuf,
    },
    /// What a crash left is put off: offered again at the next start.
    RecoveryDeferred,
    /// A form's field was changed in the file while the form was open:
    /// not written, both values stand as a conflict; the other fields
    /// were saved, if `saved`.
    FormChangedMeanwhile {
        saved: bool,
    },
    /// Undo or redo met a value someone else set since: both kept as a
    /// conflict, nothing written.
    ChangedSince {
        redo: bool,
    },
    /// A conflict was dismissed: the file keeps its value.
    ConflictDismissed,
    /// Only conflicts can be dismissed; a change not saved is saved by a reload.
    NotAConflict,
    /// Quit pressed while a pull (`true`) or a sync still runs.
    BusyOnQuit {
        pull: bool,
    },
    UnsavedOnQuit {
        count: usize,
        /// Conflicts not resolved yet.
        conflicts: usize,
    },
    /// Loaded with problems: how many files are affected.
    LoadedWithProblems {
        errors: usize,
        warnings: usize,
    },
    Config(String),
    /// First start: the example was set up in this folder.
    ExampleCreated {
        dir: PathBuf,
    },
    /// The review walk went past the end and started over.
    Wrapped,
    /// No question is left open (under the filter).
    NothingOpen,
    /// `e` where there is nothing to edit.
    NothingToEditHere,
    /// A move or delete where the cursor is on nothing that can be moved
    /// or deleted.
    NothingToShapeHere,
    /// A letter gave no motion; nothing was written.
    LetterRefused {
        file: String,
        why: LetterProblem,
    },
    /// A letter was read into the form: how many questions, how many
    /// fields to check.
    LetterRead {
        questions: usize,
        unsure: usize,
        /// The session it goes to: committee, date, and whether it is made
        /// new by the save (none in the data has that committee and date).
        session: Option<(String, chrono::NaiveDate, bool)>,
    },
    /// `S` while a sync runs.
    SyncRunning,
    /// A sync runs: the step it is at.
    Syncing(crate::sync::run::Stage),
    /// A sync is done.
    Synced(Box<crate::sync::run::Outcome>),
    /// A sync stopped.
    SyncStopped(crate::sync::run::Stopped),
    /// Someone else changed a file; it was read again.
    Outside(Outside),
    /// `I` with no `[oparl] url` in the config.
    /// No `[oparl] url` set: in which file to set it.
    PullNoSource(Option<std::path::PathBuf>),
    /// `I` while a pull runs.
    PullRunning,
    /// A large folder is still being read: files so far, of how many.
    Opening {
        done: usize,
        total: usize,
    },
    /// Waits until every file is read: changing data before would miss
    /// the motions not yet there.
    StillOpening,
    /// A pull runs: objects read so far.
    Pulling {
        read: usize,
    },
    /// A pull is in: records made and changed, problems (the first).
    Pulled {
        made: usize,
        changed: usize,
        problems: usize,
        first: Option<crate::oparl::Say>,
    },
}

/// Why a letter gives no motion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterProblem {
    Unreadable(crate::import::Cause),
    Empty,
    Binary,
    Damaged(String),
    /// Imported already, into this file; the questions this version
    /// differs in.
    Duplicate(PathBuf, Vec<String>),
}

/// What someone else changed, as the status line tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outside {
    /// The file, where no question can be named.
    pub file: std::path::PathBuf,
    /// The motion (by title) and the question's number.
    pub question: Option<(String, String)>,
    /// Who, from `updated_by`.
    pub by: Option<String>,
    /// The question became answered.
    pub answered: bool,
    /// More files changed besides.
    pub more: usize,
    /// What became of the file, where no question can be named.
    pub fate: Fate,
    /// A form is open on a record of that file: said what its save does.
    pub form_open: bool,
}

/// What became of a file someone else changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Fate {
    #[default]
    Changed,
    /// It is new.
    Added,
    /// It is gone.
    Removed,
    /// Renamed: it was this file before.
    Renamed(std::path::PathBuf),
    /// It has errors now: what it held is not shown until it is fixed.
    Broken,
    /// It is new and has errors: what it holds shows once they are fixed.
    AddedBroken,
    /// It has an error that does not hide what it holds (a session it
    /// names that is not there).
    Flawed,
}
