//! Which actions mean something where the keys go now, declared once:
//! key handling looks keys up among them, the footer shows those marked
//! as hints, in this order, and the help lists them all.

use super::{App, Pane, Screen};
use crate::input::{Action, Context, Section};

/// An action that means something here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub action: Action,
    /// Shown in the footer (as many as fit, in order).
    pub hint: bool,
}

fn hints(actions: &[Action]) -> Vec<Command> {
    actions
        .iter()
        .map(|&action| Command { action, hint: true })
        .collect()
}

impl App {
    /// Where the keys go now.
    pub fn context(&self) -> Context {
        self.overlay
            .as_ref()
            .map_or(Context::Browse, |o| o.context())
    }

    /// The actions that mean something now, hints first.
    pub fn commands(&self) -> Vec<Command> {
        use Action::*;
        match self.context() {
            Context::Browse => self.browse_commands(),
            // Any key closes the help, quit still quits; the footer under
            // it stays that of the screen.
            Context::Help => self.browse_commands(),
            Context::FilterMenu => {
                let mut out = hints(&[CycleStatus, Back]);
                out.extend(hidden(&[
                    Up,
                    Down,
                    Top,
                    Bottom,
                    Open,
                    MarkAnswered,
                    Filter,
                    Help,
                    Quit,
                ]));
                out
            }
            Context::Offer => {
                let mut out = hints(&[Open, Back, Delete]);
                out.extend(hidden(&[Quit]));
                out
            }
            Context::Finder => {
                let mut out = hints(&[Previous, Next, Accept, Cancel]);
                out.extend(hidden(&[DeleteWord]));
                out
            }
            Context::Answer => hints(&[Save, Cancel]),
            Context::Form => {
                // A letter is read in by Enter as by Ctrl-S: side by side.
                let importing = self
                    .form()
                    .is_some_and(|f| f.target == super::form::FormTarget::Import);
                let mut out = match importing {
                    true => hints(&[Save, Accept, Cancel, Next]),
                    false => hints(&[Save, Cancel, Next, Accept]),
                };
                out.extend(hidden(&[Previous, Complete]));
                out
            }
            Context::Confirm => hints(&[Accept, Keep, Discard, Cancel]),
            Context::Choose => {
                let mut out = hints(&[Open, Back]);
                out.extend(hidden(&[Up, Down, Top, Bottom, Quit]));
                out
            }
            // Enter only: `j` also moves down, and a slip must not delete.
            Context::Ask => {
                let mut out = hints(&[Accept, Cancel]);
                out.extend(hidden(&[Discard]));
                out
            }
            // A date has nothing to suggest: ↓ is not offered for it.
            Context::Line => {
                let suggests = !matches!(
                    self.editing(),
                    Some(super::editor::Editing::Line {
                        field: super::editor::LineField::Due,
                        ..
                    })
                );
                let shown: &[Action] = if suggests {
                    &[Accept, Next, Complete, Cancel]
                } else {
                    &[Accept, Cancel]
                };
                let mut out = hints(shown);
                out.extend(hidden(if suggests {
                    &[Previous][..]
                } else {
                    &[Next, Previous]
                }));
                out
            }
        }
    }

    /// On the screens: the hints of the screen, most useful first, then
    /// every other browsing action (each does something or says why not).
    fn browse_commands(&self) -> Vec<Command> {
        use Action::*;
        let place = self.place();
        let mut shown = match &place.screen {
            Screen::Sessions => {
                let mut shown = vec![
                    Down, Up, Open, Worklist, Create, EditAnswer, Search, NextOpen, Filter,
                ];
                // Only where a council system is set up does it lead anywhere.
                if self.env.oparl.url.is_some() {
                    shown.insert(4, PullOparl);
                }
                shown
            }
            Screen::Session(_) => vec![
                Down,
                Up,
                Back,
                Open,
                Create,
                CreateMotion,
                Import,
                EditAnswer,
                Search,
                NextOpen,
                Export,
                Filter,
            ],
            // No question yet: making the first is what there is to do.
            Screen::Motion(id)
                if place.pane == Pane::Questions
                    && self
                        .data()
                        .motion(id)
                        .is_some_and(|m| m.questions.is_empty()) =>
            {
                vec![Create, Back, EditAnswer, NextPane, Search]
            }
            Screen::Motion(_) if place.pane == Pane::Questions => vec![
                Down,
                Up,
                Back,
                CycleStatus,
                MarkAnswered,
                EditAnswer,
                NextOpen,
                Search,
                Open,
                NextPane,
                EditAssignee,
                EditDue,
                Create,
                Undo,
                Filter,
            ],
            Screen::Motion(_) => vec![Down, Up, Back, NextPane, EditAnswer, Create, Search],
            // Writing the answer is what this screen is for.
            Screen::Question(..) => vec![
                Back,
                EditAnswer,
                CycleStatus,
                MarkAnswered,
                EditAssignee,
                EditDue,
                NextOpen,
                Undo,
                EditExternal,
                History,
                Search,
            ],
            // Enter and Del where they do something on the row.
            Screen::Problems => {
                use super::settle::ProblemRow;
                let mut keys = vec![Down, Up, Back];
                match self.problem_row(place.selected) {
                    Some(ProblemRow::Conflict) => keys = vec![Open, Delete, Down, Up, Back],
                    Some(ProblemRow::Notice) => keys.insert(0, Delete),
                    Some(ProblemRow::Waiting | ProblemRow::File) => keys.push(Open),
                    None => {}
                }
                keys
            }
            Screen::Worklist => vec![Down, Up, Back, Open, Filter],
            Screen::History(..) => vec![Down, Up, Back],
        };
        // Changes not saved: reloading saves them, so it leads.
        if !self.journal.pending.is_empty() {
            shown.insert(0, Reload);
        }
        let troubles = self.loaded.diagnostics.len() + self.journal.troubles() + self.notices.len();
        if troubles > 0 && place.screen != Screen::Problems {
            shown.push(Problems);
        }
        shown.extend([Quit, Help]);
        let mut out = hints(&shown);
        let rest: Vec<Action> = Action::of(Section::Browse)
            .filter(|a| !shown.contains(a))
            .collect();
        out.extend(hidden(&rest));
        out
    }
}

fn hidden(actions: &[Action]) -> Vec<Command> {
    actions
        .iter()
        .map(|&action| Command {
            action,
            hint: false,
        })
        .collect()
}
