//! A large folder opens in two steps: the session files first (the load
//! cache tells which they are), so the first frame comes at once; then
//! every file, read in the background with its progress shown. Meanwhile
//! keys move, open and search; what would change data waits, since the
//! motions it concerns may not be there yet.

use std::path::PathBuf;

use super::{App, Note};
use crate::input::{Action, Context};
use crate::store::Loaded;

impl App {
    /// Starts on part of the folder: the rest arrives as `Msg::Opened`.
    pub fn open_in_steps(&mut self) {
        self.opening = Some((0, 0));
        self.note = Some(Note::Opening { done: 0, total: 0 });
    }

    /// Whether the folder is still being read.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Files read so far, shown while nothing else is said.
    pub(super) fn open_progress(&mut self, done: usize, total: usize) {
        if self.opening.is_none() {
            return;
        }
        self.opening = Some((done, total));
        if matches!(self.note, None | Some(Note::Opening { .. })) {
            self.note = Some(Note::Opening { done, total });
        }
    }

    /// Every file is read: the data replaces the first step's, the cursor
    /// and the screens stay; changes seen meanwhile are looked at now.
    pub(super) fn opened(&mut self, loaded: Loaded) {
        self.opening = None;
        let note = self.note.take();
        self.refreshed(loaded);
        if matches!(
            self.note,
            None | Some(Note::Opening { .. } | Note::StillOpening)
        ) {
            self.note = match &note {
                Some(Note::Opening { .. } | Note::StillOpening) | None => {
                    let errors = self.loaded.error_count();
                    let warnings = self.loaded.diagnostics.len() - errors;
                    (!self.loaded.diagnostics.is_empty())
                        .then_some(Note::LoadedWithProblems { errors, warnings })
                }
                Some(other) => Some(other.clone()),
            };
        }
        let changed = std::mem::take(&mut self.seen_while_opening);
        if !changed.is_empty() {
            self.emit(super::Effect::CheckChanged(changed));
        }
    }

    /// Changes by others while opening are looked at once all is read:
    /// reading them against the first step would read every file twice.
    pub(super) fn files_changed(&mut self, paths: Vec<PathBuf>) {
        match self.opening {
            Some(_) => self.seen_while_opening.extend(paths),
            None => self.emit(super::Effect::CheckChanged(paths)),
        }
    }

    /// Whether `action` must wait for the rest of the folder (and says so).
    pub(super) fn must_wait(&mut self, action: Action) -> bool {
        use Action::*;
        let changes = matches!(
            action,
            CycleStatus
                | MarkAnswered
                | EditAnswer
                | EditExternal
                | EditAssignee
                | EditDue
                | Create
                | CreateMotion
                | EditQuestion
                | MoveUp
                | MoveDown
                | Delete
                | CycleState
                | PlaceOnItem
                | MoveToSession
                | Renumber
                | Import
                | PullOparl
                | Sync
                | Export
                | Undo
                | Redo
                | Reload
                | NextOpen
                | PreviousOpen
        );
        // Rescued changes are taken back once their motions are there.
        let takes_offer = self.context() == Context::Offer && action == Open;
        let wait = self.opening.is_some()
            && ((self.context() == Context::Browse && changes) || takes_offer);
        if wait {
            self.note = Some(Note::StillOpening);
        }
        wait
    }
}
