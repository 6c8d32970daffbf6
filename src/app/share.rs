//! `S` and `H`: the data folder synced through git in the background, and
//! a question's history (from git, else what this run changed).

use super::{App, Effect, Note, Place, Screen};
use crate::edit::Change;
use crate::sync::git::GitError;
use crate::sync::history::Entry;
use crate::sync::run::{Outcome, Stage, Stopped};

/// One line of a question's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    /// When (ISO 8601), empty for this run's changes.
    pub at: String,
    pub by: String,
    /// The fields changed, with their new values.
    pub what: Vec<(String, Option<String>)>,
}

impl App {
    /// `S`: a sync, unless one runs.
    pub(super) fn start_sync(&mut self) {
        if self.syncing {
            self.note = Some(Note::SyncRunning);
            return;
        }
        self.syncing = true;
        self.note = Some(Note::Syncing(Stage::Committing));
        self.emit(Effect::Sync);
    }

    pub(super) fn sync_progress(&mut self, stage: Stage) {
        if matches!(self.note, None | Some(Note::Syncing(_))) {
            self.note = Some(Note::Syncing(stage));
        }
    }

    /// A sync's outcome: told, and the files read again (the merge may
    /// have brought changes; the watcher may be off).
    pub(super) fn synced(&mut self, result: Result<Outcome, Stopped>) {
        self.syncing = false;
        let note = match result {
            Ok(outcome) => {
                // A value settled against another: to be read until dismissed.
                if !outcome.conflicts.is_empty() || !outcome.decided_elsewhere.is_empty() {
                    self.keep_notices([super::Notice::Synced(Box::new(outcome.clone()))]);
                }
                Note::Synced(Box::new(outcome))
            }
            Err(stopped) => Note::SyncStopped(stopped),
        };
        // Read again keeping this note (unless a conflict must be told).
        self.note = Some(note);
        self.emit(Effect::Refresh);
    }

    /// `H` on a question: its history.
    pub(super) fn show_history(&mut self) {
        let Some((motion, index)) = self.current_question().map(|(m, i)| (m.clone(), i)) else {
            self.note = Some(Note::NothingToEditHere);
            return;
        };
        let Some(question) = motion.questions.get(index) else {
            return;
        };
        self.history = None;
        self.stack
            .push(Place::new(Screen::History(motion.id.clone(), index)));
        self.emit(Effect::History {
            file: self.data().path(motion.source).to_path_buf(),
            number: question.number.clone(),
        });
    }

    /// The history read: from git, else (no repository) this run's own.
    pub(super) fn history_read(&mut self, result: Result<Vec<Entry>, GitError>) {
        let Some(Screen::History(id, index)) = self.stack.last().map(|p| p.screen.clone()) else {
            return;
        };
        let lines = match result {
            Ok(entries) => entries
                .into_iter()
                .map(|e| HistoryLine {
                    at: e.at,
                    by: e.by,
                    what: e.what,
                })
                .collect(),
            Err(_) => self.this_run(&id, index),
        };
        self.history = Some(lines);
    }

    /// The changes this run made to a question, oldest first.
    fn this_run(&self, motion: &str, index: usize) -> Vec<HistoryLine> {
        let Some(number) = self
            .data()
            .motion(motion)
            .and_then(|m| m.questions.get(index))
            .map(|q| q.number.clone())
        else {
            return Vec::new();
        };
        self.journal
            .history
            .iter()
            .flat_map(|c| c.clone().leaves())
            .filter_map(|c| match c {
                Change::Question(q) if q.motion == motion && q.number == number => Some(q),
                _ => None,
            })
            .map(|q| {
                let (key, value) = q.after.as_history();
                HistoryLine {
                    at: String::new(),
                    by: self.env.user.clone(),
                    what: vec![(key.to_string(), value)],
                }
            })
            .collect()
    }
}
