//! The application state and `update`, the only place it changes.
//!
//! Keys arrive as [`Action`]s, layout facts from the last frame as
//! [`Msg::Layout`]. Side effects reach the outside only through the store's
//! save function on the data folder and the injected [`Env`].

mod edit;
pub mod editor;
pub mod filter;
mod find;
pub mod review;
pub mod rows;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::input::{Action, Keymap, TextKey};
use crate::model::{Dataset, Motion, Question, Status};
use crate::search::Hit;
use crate::store::{self, Loaded};
pub use edit::Change;
use editor::{Editing, ExternalEdit, ExternalResult, LineField};
use filter::{Filter, FilterOption};
pub use find::Finder;
use rows::{SessionKey, SessionRow, session_keys, session_rows};

/// The outside world as the app sees it; tests pass fixed values.
pub struct Env {
    /// The date countdowns count from.
    pub today: NaiveDate,
    /// The time written as `updated`.
    pub clock: Box<dyn Fn() -> NaiveDateTime>,
    /// The name written as `updated_by`.
    pub user: String,
    /// Where `x` writes reports (the Documents folder).
    pub reports: PathBuf,
    /// The language reports are written in.
    pub lang: crate::i18n::Lang,
    /// The recovery file, removed once its changes are settled.
    pub recovery: Option<PathBuf>,
}

/// Which screen, and what on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Sessions,
    Session(SessionKey),
    Motion(String),
    /// A motion id and the question's position in it.
    Question(String, usize),
    Problems,
}

/// The part of the motion screen the cursor is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    Details,
    #[default]
    Questions,
}

/// Where keys go: through the keymap, into the finder's query, or into an
/// editor as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Keymap,
    Finder,
    Editor,
}

/// One level of the navigation stack: a screen with its cursor and scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub screen: Screen,
    pub selected: usize,
    pub scroll: u16,
    pub pane: Pane,
}

impl Place {
    pub(crate) fn new(screen: Screen) -> Place {
        Place {
            screen,
            selected: 0,
            scroll: 0,
            pane: Pane::default(),
        }
    }
}

/// What the last frame showed, reported back by the view so that paging and
/// scrolling stop where the content does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// Rows of the focused list that fit on screen.
    pub page: u16,
    /// How far the focused text can scroll.
    pub max_scroll: u16,
}

/// Input to `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(Action),
    /// A key while the finder takes text.
    Text(TextKey),
    Layout(Layout),
    /// A key while an editor is open: it goes to the editor as it is.
    Edit(crossterm::event::KeyEvent),
    /// The user's own editor has closed.
    ExternalDone(ExternalResult),
    /// The search thread's answer to query number `generation`.
    SearchResults {
        generation: u64,
        hits: Vec<Hit>,
        /// How many records matched; `hits` holds the best of them.
        total: usize,
    },
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Key(action)
    }
}

/// Something to tell the user, as data; `i18n` words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Saved(Change),
    Undone(Change),
    Redone(Change),
    NothingToUndo,
    NothingToRedo,
    /// The user's editor could not be started.
    EditorMissing {
        command: String,
    },
    /// The user's editor ended with an error; the answer is unchanged.
    EditorFailed {
        command: String,
        code: Option<i32>,
    },
    /// Rescued changes were put back: how many saved, how many conflicts.
    Recovered {
        saved: usize,
        conflicts: usize,
    },
    /// Rescued changes were set aside, kept in this file.
    RecoverySetAside {
        path: PathBuf,
    },
    /// A due date that is no date; nothing changed.
    BadDate {
        typed: String,
    },
    /// The report was written here.
    Exported {
        path: PathBuf,
    },
    ExportFailed {
        path: PathBuf,
        reason: String,
    },
    /// `x` away from any session.
    NoSessionHere,
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
    UnsavedOnQuit {
        count: usize,
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
}

/// A change of ours that met a different change on disk to the same field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The value on disk now; `None` when the question is gone.
    pub theirs: Option<crate::store::Field>,
    pub ours: Change,
}

/// The whole state of the app.
pub struct App {
    pub dir: PathBuf,
    pub loaded: Loaded,
    pub env: Env,
    pub keymap: Keymap,
    /// Navigation; the last place is the one shown. Never empty.
    pub stack: Vec<Place>,
    pub help: bool,
    pub note: Option<Note>,
    /// Changes made here that are not on disk yet.
    pub pending: Vec<Change>,
    /// Changes rescued from a crash, offered until taken or set aside.
    pub offer: Option<Vec<Change>>,
    /// Changes of ours that met another change to the same field on
    /// reload: theirs was kept; ours stays listed until applied or left.
    pub conflicts: Vec<Conflict>,
    /// Every change made in this run, oldest first, for undo.
    pub history: Vec<Change>,
    /// Undone changes, for redo; a new change clears it.
    pub redo: Vec<Change>,
    pub layout: Layout,
    pub finder: Option<Finder>,
    /// An editor open over the screen.
    pub editing: Option<Editing>,
    /// An edit in the user's own editor, waiting for the runtime to run it.
    pub external: Option<ExternalEdit>,
    pub filter: Filter,
    /// The filter menu, with its cursor, while it is open.
    pub filter_menu: Option<usize>,
    /// Counts reloads and edits of text, so the search index can follow.
    pub data_version: u64,
    pub quit: bool,
    quit_armed: bool,
    generation: u64,
}

impl App {
    /// A new app showing the sessions.
    pub fn new(dir: PathBuf, loaded: Loaded, env: Env, keymap: Keymap) -> App {
        let errors = loaded.error_count();
        let warnings = loaded.diagnostics.len() - errors;
        let note = (!loaded.diagnostics.is_empty())
            .then_some(Note::LoadedWithProblems { errors, warnings });
        App {
            dir,
            loaded,
            env,
            keymap,
            stack: vec![Place::new(Screen::Sessions)],
            help: false,
            note,
            pending: Vec::new(),
            offer: None,
            conflicts: Vec::new(),
            history: Vec::new(),
            redo: Vec::new(),
            layout: Layout::default(),
            finder: None,
            editing: None,
            external: None,
            filter: Filter::default(),
            filter_menu: None,
            data_version: 0,
            quit: false,
            quit_armed: false,
            generation: 0,
        }
    }

    /// The data as loaded, with the changes made here.
    pub fn data(&self) -> &Dataset {
        &self.loaded.data
    }

    /// The data, shared (for the search thread).
    pub fn shared_data(&self) -> std::sync::Arc<Dataset> {
        std::sync::Arc::clone(&self.loaded.data)
    }

    /// The place shown.
    pub fn place(&self) -> &Place {
        self.stack.last().expect("stack never empty")
    }

    fn place_mut(&mut self) -> &mut Place {
        self.stack.last_mut().expect("stack never empty")
    }

    /// Applies one input. The only function that changes the state.
    pub fn update(&mut self, msg: impl Into<Msg>) {
        let action = match msg.into() {
            Msg::Layout(layout) => {
                self.layout = layout;
                let max = layout.max_scroll;
                let place = self.place_mut();
                place.scroll = place.scroll.min(max);
                return;
            }
            Msg::Text(key) => return self.finder_key(key),
            Msg::Edit(key) => return self.editor_key(key),
            Msg::ExternalDone(result) => return self.external_done(result),
            Msg::SearchResults {
                generation,
                hits,
                total,
            } => return self.search_results(generation, hits, total),
            // Keys arrive as text while the finder is open.
            Msg::Key(_) if self.finder.is_some() => return,
            Msg::Key(action) => action,
        };
        if action != Action::Quit {
            self.quit_armed = false;
        }
        // A message answers the last key; the next key starts afresh.
        self.note = None;
        if self.help {
            // Any key closes the help; only quit still quits.
            self.help = false;
            if action != Action::Quit {
                return;
            }
        }
        if self.offer.is_some() {
            return self.settle_offer(action);
        }
        if self.filter_menu.is_some() && action != Action::Quit {
            return self.filter_menu_key(action);
        }
        match action {
            Action::Quit => self.request_quit(),
            Action::Help => self.help = true,
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-i64::from(self.layout.page.max(1))),
            Action::PageDown => self.move_by(i64::from(self.layout.page.max(1))),
            Action::Top => self.move_by(i64::MIN / 2),
            Action::Bottom => self.move_by(i64::MAX / 2),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::NextPane => self.next_pane(),
            Action::CycleStatus => self.change_status(Status::next),
            Action::MarkAnswered => self.change_status(|_| Status::Answered),
            Action::Reload => self.reload(),
            Action::Search => self.open_finder(),
            Action::NextOpen => self.review(true),
            Action::PreviousOpen => self.review(false),
            Action::Filter => self.filter_menu = Some(0),
            Action::EditAnswer => self.open_answer_editor(),
            Action::EditExternal => self.open_external_editor(),
            Action::EditAssignee => self.open_line_editor(LineField::Assignee),
            Action::EditDue => self.open_line_editor(LineField::Due),
            Action::Export => self.export(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Problems => {
                if self.place().screen != Screen::Problems {
                    self.stack.push(Place::new(Screen::Problems));
                }
            }
        }
    }

    /// `x`: the report of the session on screen (or under the motion on
    /// screen), as HTML in the reports folder, under a name not yet taken.
    fn export(&mut self) {
        let session = self.stack.iter().rev().find_map(|p| match &p.screen {
            Screen::Session(SessionKey::Id(id)) => Some(id.clone()),
            _ => None,
        });
        let report = session
            .as_deref()
            .and_then(|id| crate::export::report(self.data(), id, self.env.today));
        let (Some(id), Some(report)) = (session, report) else {
            self.note = Some(Note::NoSessionHere);
            return;
        };
        let texts = self.env.lang.texts();
        let html = crate::export::html(&report, texts);
        let stem = format!("{}-{id}", texts.report().file_stem);
        let written = std::fs::create_dir_all(&self.env.reports).and_then(|()| {
            let path = crate::export::free_name(&self.env.reports, &stem, "html");
            crate::export::write_file(&path, &html, false).map(|()| path)
        });
        self.note = Some(match written {
            Ok(path) => Note::Exported { path },
            Err(e) => Note::ExportFailed {
                path: self.env.reports.clone(),
                reason: e.to_string(),
            },
        });
    }

    /// Enter on the problems screen: a waiting change shows its question; a
    /// conflict is settled by applying ours over theirs.
    fn resolve(&mut self, row: usize) {
        let waiting = self.pending.len();
        let change = if row < waiting {
            Some(self.pending[row].clone())
        } else if row < waiting + self.conflicts.len() {
            let conflict = self.conflicts.remove(row - waiting);
            let change = Change {
                before: conflict
                    .theirs
                    .clone()
                    .unwrap_or(conflict.ours.before.clone()),
                ..conflict.ours
            };
            self.apply(change.clone(), edit::Origin::Edit);
            Some(change)
        } else {
            None
        };
        if let Some(change) = change
            && let Some(motion) = self
                .data()
                .motions
                .iter()
                .position(|m| m.id == change.motion)
            && change.index < self.data().motions[motion].questions.len()
        {
            let note = self.note.take();
            self.jump(crate::search::Target::Question {
                motion,
                question: change.index,
            });
            self.note = note;
        }
    }

    /// The rescued changes: `Enter` puts them back as after a reload (saved
    /// where nobody changed the field since, else listed as conflicts);
    /// `Esc` sets them aside in a renamed file. Quit leaves the offer for
    /// the next start.
    fn settle_offer(&mut self, action: Action) {
        match action {
            Action::Open => {
                let changes = self.offer.take().unwrap_or_default();
                self.pending.extend(changes);
                let (saved, conflicts) = self.reapply_pending();
                self.note = Some(Note::Recovered {
                    saved,
                    conflicts: conflicts.len(),
                });
                self.conflicts.extend(conflicts);
                if let Some(path) = &self.env.recovery {
                    let _ = std::fs::remove_file(path);
                }
            }
            Action::Back => {
                self.offer = None;
                if let Some(path) = self.env.recovery.clone() {
                    let aside = path.with_extension("json.bak");
                    let _ = std::fs::rename(&path, &aside);
                    self.note = Some(Note::RecoverySetAside { path: aside });
                }
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// What a crash now would lose: changes not on disk, and an answer
    /// being written in the editor.
    pub fn unsaved(&self) -> Vec<Change> {
        let mut out = self.pending.clone();
        if let Some(Editing::Answer { area, original, .. }) = &self.editing
            && let Some((motion, index)) = self.current_question()
        {
            let text = area.lines().join("\n");
            if &text != original {
                out.push(Change {
                    motion: motion.id.clone(),
                    index,
                    number: motion.questions[index].number.clone(),
                    before: crate::store::Field::Answer(motion.questions[index].answer.clone()),
                    after: crate::store::Field::Answer(editor::tidy_answer(&text)),
                });
            }
        }
        out
    }

    fn request_quit(&mut self) {
        if self.pending.is_empty() || self.quit_armed {
            self.quit = true;
        } else {
            self.quit_armed = true;
            self.note = Some(Note::UnsavedOnQuit {
                count: self.pending.len(),
            });
        }
    }

    /// The question the status keys act on, if the cursor is on one.
    pub fn current_question(&self) -> Option<(&Motion, usize)> {
        let place = self.place();
        match &place.screen {
            Screen::Motion(id) if place.pane == Pane::Questions => {
                let motion = self.data().motion(id)?;
                let index = *self.filter.questions(motion).get(place.selected)?;
                Some((motion, index))
            }
            Screen::Question(id, index) => {
                let motion = self.data().motion(id)?;
                (*index < motion.questions.len()).then_some((motion, *index))
            }
            _ => None,
        }
    }

    /// Where keys go now.
    pub fn input_mode(&self) -> InputMode {
        if self.editing.is_some() {
            InputMode::Editor
        } else if self.finder.is_some() {
            InputMode::Finder
        } else {
            InputMode::Keymap
        }
    }

    /// The filter menu's options and cursor, while it is open.
    pub fn filter_options(&self) -> Vec<FilterOption> {
        filter::options(self.data())
    }

    fn filter_menu_key(&mut self, action: Action) {
        let options = self.filter_options();
        let Some(at) = self.filter_menu else {
            return;
        };
        match action {
            Action::Up => self.filter_menu = Some(at.saturating_sub(1)),
            Action::Down => self.filter_menu = Some((at + 1).min(options.len().saturating_sub(1))),
            Action::Top => self.filter_menu = Some(0),
            Action::Bottom => self.filter_menu = Some(options.len().saturating_sub(1)),
            Action::CycleStatus | Action::Open | Action::MarkAnswered => {
                if let Some(option) = options.get(at) {
                    self.filter.toggle(option);
                    self.clamp_cursors();
                }
            }
            Action::Back | Action::Filter | Action::Help => self.filter_menu = None,
            _ => {}
        }
    }

    /// The question shown or selected.
    pub fn question(&self) -> Option<(&Motion, &Question)> {
        self.current_question().map(|(m, i)| (m, &m.questions[i]))
    }

    /// How many rows the current list has and which may hold the cursor.
    fn rows(&self) -> Vec<bool> {
        let place = self.place();
        match &place.screen {
            Screen::Sessions => vec![true; session_keys(self.data(), &self.filter).len()],
            Screen::Session(key) => session_rows(self.data(), key, &self.filter)
                .iter()
                .map(SessionRow::selectable)
                .collect(),
            Screen::Motion(id) if place.pane == Pane::Questions => {
                vec![
                    true;
                    self.data()
                        .motion(id)
                        .map_or(0, |m| self.filter.questions(m).len())
                ]
            }
            Screen::Problems => {
                let rows =
                    self.pending.len() + self.conflicts.len() + self.loaded.diagnostics.len();
                vec![true; rows]
            }
            Screen::Motion(_) | Screen::Question(..) => Vec::new(),
        }
    }

    /// Moves the cursor, or scrolls where the screen is text.
    fn move_by(&mut self, delta: i64) {
        let rows = self.rows();
        let scrolls = matches!(self.place().screen, Screen::Question(..))
            || (matches!(self.place().screen, Screen::Motion(_))
                && self.place().pane == Pane::Details);
        let max_scroll = self.layout.max_scroll;
        let place = self.place_mut();
        if scrolls {
            let target = i64::from(place.scroll).saturating_add(delta);
            place.scroll = target.clamp(0, i64::from(max_scroll)) as u16;
            return;
        }
        place.selected = step(&rows, place.selected, delta);
    }

    fn open(&mut self) {
        let place = self.place().clone();
        let next = match &place.screen {
            Screen::Sessions => session_keys(self.data(), &self.filter)
                .get(place.selected)
                .cloned()
                .map(Screen::Session),
            Screen::Session(key) => {
                match session_rows(self.data(), key, &self.filter).get(place.selected) {
                    Some(SessionRow::Motion(m, _)) => Some(Screen::Motion(m.id.clone())),
                    Some(SessionRow::Item(item)) => item
                        .motions
                        .iter()
                        .find(|id| self.data().motion(id).is_some())
                        .cloned()
                        .map(Screen::Motion),
                    _ => None,
                }
            }
            Screen::Motion(id) if place.pane == Pane::Questions => self
                .current_question()
                .map(|(_, index)| Screen::Question(id.clone(), index)),
            Screen::Problems => {
                self.resolve(place.selected);
                None
            }
            _ => None,
        };
        let on_item = matches!(place.screen, Screen::Session(_));
        if next.is_none() && on_item {
            self.note = Some(Note::NoMotionHere);
        }
        if let Some(screen) = next {
            let mut place = Place::new(screen);
            place.selected = self.first_selectable(&place);
            self.stack.push(place);
        }
    }

    fn first_selectable(&self, place: &Place) -> usize {
        match &place.screen {
            Screen::Session(key) => session_rows(self.data(), key, &self.filter)
                .iter()
                .position(SessionRow::selectable)
                .unwrap_or(0),
            _ => 0,
        }
    }

    fn back(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn next_pane(&mut self) {
        let place = self.place_mut();
        if matches!(place.screen, Screen::Motion(_)) {
            place.pane = match place.pane {
                Pane::Details => Pane::Questions,
                Pane::Questions => Pane::Details,
            };
        }
    }

    /// Loads every file again, then puts back the changes made here that
    /// are not on disk yet (see `edit`).
    fn reload(&mut self) {
        self.loaded = store::load(&self.dir);
        self.data_version += 1;
        let (reapplied, conflicts) = self.reapply_pending();
        self.conflicts.extend(conflicts.iter().cloned());
        self.clamp_cursors();
        self.note = Some(Note::Reloaded {
            reapplied,
            conflicts,
            problems: self.loaded.diagnostics.len(),
        });
    }

    /// After a reload a place may point past its list, or at a motion gone.
    fn clamp_cursors(&mut self) {
        let data = &self.loaded.data;
        self.stack.retain(|place| match &place.screen {
            Screen::Motion(id) => data.motion(id).is_some(),
            Screen::Question(id, i) => data.motion(id).is_some_and(|m| *i < m.questions.len()),
            Screen::Session(SessionKey::Id(id)) => data.session(id).is_some(),
            _ => true,
        });
        if self.stack.is_empty() {
            self.stack.push(Place::new(Screen::Sessions));
        }
        for depth in 0..self.stack.len() {
            let top = self.stack.split_off(depth + 1);
            let rows = self.rows();
            let place = self.place_mut();
            place.selected = step(&rows, place.selected, 0);
            self.stack.extend(top);
        }
    }
}

/// Moves `from` by `delta` over the selectable rows, stopping at the ends.
/// From a row that cannot be selected, one step reaches the nearest one in
/// the direction of travel.
fn step(rows: &[bool], from: usize, delta: i64) -> usize {
    let selectable: Vec<usize> = (0..rows.len()).filter(|&i| rows[i]).collect();
    let Some(last) = selectable.len().checked_sub(1) else {
        return 0;
    };
    let at = match selectable.binary_search(&from) {
        Ok(i) => i as i64,
        Err(i) if delta < 0 => i as i64,
        Err(i) => i as i64 - 1,
    };
    let target = at.saturating_add(delta).clamp(0, last as i64);
    selectable[target as usize]
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn steps_skip_headings_and_stop_at_the_ends() {
        let rows = [true, true, false, true];
        assert_eq!(step(&rows, 0, 1), 1);
        assert_eq!(step(&rows, 1, 1), 3);
        assert_eq!(step(&rows, 3, -1), 1);
        assert_eq!(step(&rows, 3, 5), 3);
        assert_eq!(step(&rows, 1, -9), 0);
        assert_eq!(step(&rows, 9, 0), 3);
        assert_eq!(step(&[], 4, 1), 0);
    }
}
