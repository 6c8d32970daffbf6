//! The application state and `update`, the only place it changes.
//!
//! `update` takes a [`Msg`] (a key, a layout fact from the last frame, the
//! outcome of earlier work) and returns [`Effect`]s: work on files, the
//! user's editor, the search thread. It does no I/O itself; the runtime
//! carries the effects out and answers with messages.

mod change;
mod commands;
mod derived;
pub mod editor;
mod fields;
pub mod filter;
mod filter_menu;
mod find;
pub mod form;
mod forms;
mod layout;
mod letters;
mod msg;
mod nav;
mod notices;
mod opening;
mod outside;
mod overlay;
mod paper;
mod paste;
pub mod place;
mod pull;
pub mod review;
pub mod rows;
mod set_aside;
pub mod settle;
mod shape;
mod share;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::edit::Journal;
pub use crate::edit::{Change, Conflict};
use crate::input::{Action, Context, Keymap};
use crate::model::{Dataset, Motion, Question};
pub use crate::note::Note;
use crate::store::Loaded;
pub use commands::Command;
use editor::Editing;
use filter::Filter;
pub use find::Finder;
pub use layout::{FormAt, ItemsAt, Layout, ListAt, MenuAt};
pub use msg::{Effect, Msg, Output, Paper, Save, SaveFailure, Written};
pub use notices::Notice;
pub use overlay::{Overlay, Rescue};
use rows::SessionKey;
pub use shape::TRASH;
pub use share::HistoryLine;

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
    /// The council information system `I` pulls from.
    pub oparl: crate::config::Oparl,
    /// When questions without a due date are due.
    pub rules: crate::deadline::Rules,
    /// How reports and letters look.
    pub report: crate::config::Report,
    /// Whether changes by others are watched for.
    pub watch: bool,
    /// Watch by looking this often, not by the system's events.
    pub poll: Option<std::time::Duration>,
    /// Whether the mouse selects and scrolls.
    pub mouse: bool,
    /// The user's config file, where messages tell to set something.
    pub config: Option<PathBuf>,
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
    /// Every question to answer, by department.
    Worklist,
    /// The history of a motion's question (by position).
    History(String, usize),
}

/// The part of the motion screen the cursor is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    Details,
    #[default]
    Questions,
}

/// One level of the navigation stack: a screen with its cursor and scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub screen: Screen,
    pub selected: usize,
    pub scroll: u16,
    pub pane: Pane,
    /// The first row the list showed, as the view reported: the next
    /// frame starts there while the cursor still shows, so that a click
    /// (and the double click after it) never meets a list that jumped.
    pub top: usize,
}

impl Place {
    pub(crate) fn new(screen: Screen) -> Place {
        Place {
            screen,
            selected: 0,
            scroll: 0,
            pane: Pane::default(),
            top: 0,
        }
    }
}

/// The whole state of the app.
pub struct App {
    pub dir: PathBuf,
    pub loaded: Loaded,
    pub env: Env,
    pub keymap: Keymap,
    /// Navigation; the last place is the one shown. Never empty.
    pub stack: Vec<Place>,
    /// What covers the screens and takes the keys, if anything.
    pub overlay: Option<Overlay>,
    pub note: Option<Note>,
    /// Notices of pulls and syncs to read, under `!` until dismissed.
    pub notices: Vec<Notice>,
    /// The changes of this run: pending, undo and redo, conflicts.
    pub journal: Journal,
    /// The last answer or form discarded, which undo opens again.
    set_aside: Option<set_aside::SetAside>,
    pub layout: Layout,
    pub filter: Filter,
    /// Counts reloads and edits of text, so the search index can follow.
    pub data_version: u64,
    pub quit: bool,
    /// Objects read by the pull that runs, if one does.
    pub pulling: Option<usize>,
    /// Whether a sync runs.
    pub syncing: bool,
    /// The history shown, once read.
    pub history: Option<Vec<share::HistoryLine>>,
    /// The editor texts on offer (with the rescued changes), removed once
    /// taken, set aside with them.
    pub drafts: Vec<PathBuf>,
    /// What a crash left and the user put off: kept in the recovery file,
    /// offered again at the next start.
    pub deferred: Rescue,
    /// Forms rescued from a crash still to open, after the one open now.
    rescued_forms: Vec<form::FormRescue>,
    /// When a change by others was last told.
    outside_at: Option<NaiveDateTime>,
    quit_armed: bool,
    generation: u64,
    /// Effects asked for during the current `update`.
    effects: Vec<Effect>,
    /// Where to put the cursor once a record just made is read back.
    goto: Option<settle::Goto>,
    /// Counts every change of the data, a question's status included.
    revision: u64,
    /// While the folder is still read: files read, of how many.
    pub opening: Option<(usize, usize)>,
    /// Files changed by others while opening, looked at once all is read.
    seen_while_opening: Vec<PathBuf>,
    /// What is worked out from the whole data, kept until it changes.
    derived: derived::Derived,
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
            overlay: None,
            note,
            journal: Journal::default(),
            set_aside: None,
            notices: Vec::new(),
            layout: Layout::default(),
            filter: Filter::default(),
            data_version: 0,
            quit: false,
            pulling: None,
            syncing: false,
            history: None,
            drafts: Vec::new(),
            deferred: Rescue::default(),
            rescued_forms: Vec::new(),
            outside_at: None,
            quit_armed: false,
            generation: 0,
            effects: Vec::new(),
            goto: None,
            revision: 0,
            opening: None,
            seen_while_opening: Vec::new(),
            derived: Default::default(),
        }
    }

    /// Offers what a crash left, until taken, put off or set aside.
    pub fn offer(&mut self, rescue: Rescue) {
        self.overlay = Some(Overlay::Offer(Box::new(rescue)));
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

    /// The finder, while it is open.
    pub fn finder(&self) -> Option<&Finder> {
        match &self.overlay {
            Some(Overlay::Finder(finder)) => Some(finder),
            _ => None,
        }
    }

    /// The editor open over the screen, if any.
    pub fn editing(&self) -> Option<&Editing> {
        match &self.overlay {
            Some(Overlay::Editor(editing)) => Some(editing.as_ref()),
            _ => None,
        }
    }

    /// What a crash left, while on offer.
    pub fn offered(&self) -> Option<&Rescue> {
        match &self.overlay {
            Some(Overlay::Offer(rescue)) => Some(rescue),
            _ => None,
        }
    }

    /// Whether the help is shown.
    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help(_)))
    }

    /// Asks the runtime for work.
    fn emit(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Applies one input, the only function that changes the state, and
    /// returns the work it asks for.
    #[must_use = "effects are work the runtime must carry out"]
    pub fn update(&mut self, msg: impl Into<Msg>) -> Vec<Effect> {
        match msg.into() {
            Msg::Layout(layout) => {
                self.layout = layout;
                let place = self.place_mut();
                place.scroll = place.scroll.min(layout.max_scroll);
                if let Some(top) = layout
                    .list
                    .map(|l| l.offset)
                    .or(layout.items.map(|i| i.first))
                {
                    place.top = top;
                }
            }
            Msg::Press(key) => self.press(key),
            Msg::Resized => self.refit_editors(),
            Msg::Paste(text) => self.pasted(&text),
            Msg::Wheel(lines) => self.wheel(lines),
            Msg::Click {
                column,
                row,
                double,
            } => self.click(column, row, double),
            Msg::Key(action) => self.act(action),
            Msg::ExternalDone(result) => self.external_done(result),
            Msg::SearchResults {
                generation,
                hits,
                total,
            } => self.search_results(generation, hits, total),
            Msg::Saved { save, outcome } => self.saved(save, outcome),
            Msg::Loaded(loaded) => self.reloaded(*loaded),
            Msg::Refreshed(loaded) => self.refreshed(*loaded),
            Msg::ReportWritten(written) => {
                self.note = Some(match written {
                    Ok(w) => Note::Exported {
                        path: w.path,
                        letter: w.letter,
                        unreadable: w.unreadable,
                        unmarked: w.unmarked,
                    },
                    Err((path, reason)) => Note::ExportFailed { path, reason },
                });
            }
            Msg::RecoverySetAside(path) => self.note = Some(Note::RecoverySetAside { path }),
            Msg::LetterRead { file, text } => self.letter_arrived(file, text),
            Msg::Completions { typed, paths } => self.completions(typed, paths),
            Msg::PullProgress(read) => self.pull_progress(read),
            Msg::SyncProgress(stage) => self.sync_progress(stage),
            Msg::Synced(result) => self.synced(result),
            Msg::HistoryRead(result) => self.history_read(result),
            Msg::FilesChanged(paths) => self.files_changed(paths),
            Msg::Opened(loaded) => self.opened(*loaded),
            Msg::OpenProgress { done, total } => self.open_progress(done, total),
            Msg::ChangedOutside { loaded, paths } => self.changed_outside(*loaded, &paths),
            Msg::Pulled(pull) => self.pulled(*pull),
        }
        // Forms rescued from a crash open one after another, each once
        // the one before is saved or closed.
        if self.overlay.is_none() && !self.rescued_forms.is_empty() {
            let next = self.rescued_forms.remove(0);
            self.reopen_form(next);
        }
        std::mem::take(&mut self.effects)
    }

    /// A key as pressed: its action where keys go now, else typed text.
    fn press(&mut self, key: crossterm::event::KeyEvent) {
        // Ctrl-Z goes to the shell from a text being typed too; what is
        // typed waits in its editor.
        if key
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL)
            && self.keymap.action(key, &[Action::Suspend]) == Some(Action::Suspend)
        {
            return self.emit(Effect::Suspend);
        }
        let allowed: Vec<Action> = self.commands().iter().map(|c| c.action).collect();
        match self.keymap.action(key, &allowed) {
            Some(action) => self.act(action),
            None => self.typed(key),
        }
    }

    /// An action, handled by what has the keys.
    fn act(&mut self, action: Action) {
        if self.must_wait(action) {
            return;
        }
        let context = self.context();
        if !context.types_text() {
            if action != Action::Quit {
                self.quit_armed = false;
            }
            // A message answers the last key; the next key starts afresh.
            self.note = None;
        }
        match context {
            Context::Help => {
                // Small terminals page through the help; any other key
                // closes it, as it always did.
                let rows = self.help_rows();
                let scroll = match &self.overlay {
                    Some(Overlay::Help(at)) => *at,
                    _ => 0,
                };
                self.overlay = match action {
                    Action::PageDown => Some(Overlay::Help((scroll + 5).min(rows))),
                    Action::PageUp => Some(Overlay::Help(scroll.saturating_sub(5))),
                    _ => None,
                };
                // Any key closes it, as it says; q too (it quits from
                // the screen under it).
            }
            Context::Offer => self.settle_offer(action),
            Context::FilterMenu => self.filter_menu_key(action),
            Context::Finder => self.finder_action(action),
            Context::Form | Context::Confirm if self.form().is_some() => self.form_action(action),
            Context::Ask => self.answer_ask(action),
            Context::Choose => self.choose_key(action),
            Context::Answer | Context::Confirm | Context::Line | Context::Form => {
                self.editor_action(action)
            }
            Context::Browse => self.browse(action),
        }
    }

    /// A key that is no action where keys go now.
    fn typed(&mut self, key: crossterm::event::KeyEvent) {
        match self.context() {
            Context::Help => self.overlay = None,
            Context::Finder => self.finder_typed(key),
            Context::Form | Context::Confirm if self.form().is_some() => self.form_typed(key),
            Context::Ask => self.overlay = None,
            Context::Choose => {}
            Context::Answer | Context::Confirm | Context::Line | Context::Form => {
                self.editor_typed(key)
            }
            Context::Offer | Context::FilterMenu | Context::Browse => {}
        }
    }

    /// An action on the screens, no overlay open.
    fn browse(&mut self, action: Action) {
        use crate::model::Status;
        match action {
            Action::Quit => self.request_quit(),
            Action::Help => self.overlay = Some(Overlay::Help(0)),
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
            Action::Reload => self.emit(Effect::Reload),
            Action::Search => self.open_finder(),
            Action::NextOpen => self.review(true),
            Action::PreviousOpen => self.review(false),
            Action::Filter => self.overlay = Some(Overlay::FilterMenu(0)),
            Action::EditAnswer => {
                // On a question its answer; elsewhere the record's form.
                if self.question().is_some() {
                    self.open_answer_editor();
                } else if !self.edit_record() {
                    self.note = Some(Note::NothingToEditHere);
                }
            }
            Action::Create => self.create(),
            Action::CreateMotion => self.create_motion(),
            // Away from a question, the form of what is under the cursor
            // (as `e`): typing meant for a form never runs as commands.
            Action::EditQuestion if self.current_question().is_none() => {
                if !self.edit_record() {
                    self.note = Some(Note::NothingToEditHere);
                }
            }
            Action::EditQuestion => self.edit_question_form(),
            Action::MoveUp => self.move_record(-1),
            Action::MoveDown => self.move_record(1),
            Action::Delete if self.place().screen == Screen::Problems => {
                self.dismiss(self.place().selected)
            }
            Action::Delete => self.ask_delete(),
            Action::CycleState => self.cycle_state(),
            Action::PlaceOnItem => self.choose_item(),
            Action::MoveToSession => self.choose_session(),
            Action::Renumber => self.renumber(),
            Action::Import => self.open_form(form::FormTarget::Import),
            Action::PullOparl => self.pull_oparl(),
            Action::Sync => self.start_sync(),
            Action::Suspend => self.emit(Effect::Suspend),
            Action::History => self.show_history(),
            Action::EditExternal => self.open_external_editor(),
            Action::EditAssignee => self.open_line_editor(editor::LineField::Assignee),
            Action::EditDue => self.open_line_editor(editor::LineField::Due),
            Action::Export => self.export(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Worklist => {
                if self.place().screen != Screen::Worklist {
                    let mut place = Place::new(Screen::Worklist);
                    place.selected = self.first_selectable(&place);
                    self.stack.push(place);
                }
            }
            Action::Problems => {
                if self.place().screen != Screen::Problems {
                    self.stack.push(Place::new(Screen::Problems));
                }
            }
            // Typing keys mean nothing here.
            Action::Accept
            | Action::Cancel
            | Action::Previous
            | Action::Next
            | Action::Complete
            | Action::DeleteWord
            | Action::Save
            | Action::Keep
            | Action::Discard => {}
        }
    }

    /// How far the help scrolls, as the last frame showed it.
    fn help_rows(&self) -> u16 {
        self.layout.help
    }

    fn request_quit(&mut self) {
        let pending = self.journal.pending.len();
        let conflicts = self.journal.conflicts.len();
        // Work still running in the background is not dropped unsaid.
        let busy = self.pulling.is_some() || self.syncing;
        if busy && !self.quit_armed {
            self.quit_armed = true;
            self.note = Some(Note::BusyOnQuit {
                pull: self.pulling.is_some(),
            });
        } else if pending + conflicts == 0 || self.quit_armed {
            self.quit = true;
        } else {
            self.quit_armed = true;
            self.note = Some(Note::UnsavedOnQuit {
                count: pending,
                conflicts,
            });
        }
    }

    /// The question the status keys act on, if the cursor is on one.
    pub fn current_question(&self) -> Option<(&Motion, usize)> {
        let place = self.place();
        match &place.screen {
            Screen::Motion(id) if place.pane == Pane::Questions => {
                let motion = self.data().motion(id)?;
                let index = *self.questions_shown(motion).get(place.selected)?;
                Some((motion, index))
            }
            Screen::Question(id, index) => {
                let motion = self.data().motion(id)?;
                (*index < motion.questions.len()).then_some((motion, *index))
            }
            // A question of the worklist is worked on where it stands.
            Screen::Worklist => match self.work_rows().get(place.selected)? {
                rows::WorkAt::Question { motion, index, .. } => {
                    Some((&*self.data().motions[*motion], *index))
                }
                rows::WorkAt::Department(..) => None,
            },
            _ => None,
        }
    }

    /// How many files have errors that keep their record out (what they
    /// hold is missing from every list); a file that reads in spite of
    /// its errors shows what it holds.
    pub fn broken_files(&self) -> usize {
        crate::store::unread(self.data(), &self.loaded.diagnostics)
    }

    /// The question shown or selected.
    pub fn question(&self) -> Option<(&Motion, &Question)> {
        self.current_question().map(|(m, i)| (m, &m.questions[i]))
    }
}
