//! Where a motion stands: its state, the agenda item it is on, its
//! session; and numbering agenda items or questions afresh.

use super::rows::{SessionKey, SessionRow};
use super::{App, Note, Overlay, Pane, Screen};
use crate::edit::record::{list, text};
use crate::edit::{Change, Origin, Owner, Part, RecordChange};
use crate::input::Action;
use crate::model::MotionState;

/// What a choice is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The agenda item of `session` to put `motion` on.
    Item { motion: String, session: String },
    /// The session to move `motion` to.
    Session { motion: String },
    /// Which version and format of this report or letter to write.
    Paper(super::Paper),
}

/// A list to choose one from, while it is open.
#[derive(Debug, Clone)]
pub struct Choice {
    pub purpose: Purpose,
    /// Each option's words, and what it stands for (`None`: none of them).
    pub options: Vec<(String, Option<String>)>,
    pub cursor: usize,
}

impl App {
    /// The motion under the cursor: on its own screen, or a row of a session.
    fn motion_here(&self) -> Option<String> {
        let place = self.place();
        match &place.screen {
            Screen::Motion(id) | Screen::Question(id, _) => Some(id.clone()),
            Screen::Session(key) => match self.session_rows(key).get(place.selected)? {
                SessionRow::Motion(m, _) => Some(m.id.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The choice, while it is open.
    pub fn choice(&self) -> Option<&Choice> {
        match &self.overlay {
            Some(Overlay::Choose(choice)) => Some(choice),
            _ => None,
        }
    }

    /// `s`: active → withdrawn → postponed → done → active.
    pub(super) fn cycle_state(&mut self) {
        let Some(motion) = self.motion_here().and_then(|id| self.data().motion(&id)) else {
            self.note = Some(Note::NoMotionHere);
            return;
        };
        let at = MotionState::ALL
            .iter()
            .position(|s| *s == motion.state)
            .unwrap_or(0);
        let next = MotionState::ALL[(at + 1) % MotionState::ALL.len()];
        let change = Change::Record(RecordChange {
            owner: Owner::Motion(motion.id.clone()),
            part: Part::Head,
            before: vec![("state".into(), motion.state.as_str().map(text))],
            after: vec![("state".into(), next.as_str().map(text))],
        });
        self.apply(vec![change], Origin::Edit);
    }

    /// `p`: the agenda items of the motion's session to choose from.
    pub(super) fn choose_item(&mut self) {
        let Some(motion) = self.motion_here().and_then(|id| self.data().motion(&id)) else {
            self.note = Some(Note::NoMotionHere);
            return;
        };
        let on_screen = self.stack.iter().rev().find_map(|p| match &p.screen {
            Screen::Session(SessionKey::Id(id)) => Some(id.clone()),
            _ => None,
        });
        let Some(session) = motion
            .session
            .clone()
            .or(on_screen)
            .and_then(|id| self.data().session(&id))
        else {
            self.note = Some(Note::NoSessionForItem);
            return;
        };
        let texts_none = self.env.lang.texts().labels().not_on_any_item;
        let mut options: Vec<(String, Option<String>)> = session
            .agenda
            .iter()
            .map(|item| {
                (
                    format!("{} {}", item.number, item.title),
                    Some(item.number.clone()),
                )
            })
            .collect();
        options.push((texts_none.to_string(), None));
        let cursor = session
            .agenda
            .iter()
            .position(|item| item.motions.contains(&motion.id))
            .unwrap_or(options.len() - 1);
        self.overlay = Some(Overlay::Choose(Choice {
            purpose: Purpose::Item {
                motion: motion.id.clone(),
                session: session.id.clone(),
            },
            options,
            cursor,
        }));
    }

    /// `M`: the sessions to move the motion to.
    pub(super) fn choose_session(&mut self) {
        let Some(motion) = self.motion_here().and_then(|id| self.data().motion(&id)) else {
            self.note = Some(Note::NoMotionHere);
            return;
        };
        let mut options: Vec<(String, Option<String>)> = self
            .data()
            .sessions
            .iter()
            .map(|s| {
                (
                    format!("{} {}", crate::dates::date(s.date), s.committee),
                    Some(s.id.clone()),
                )
            })
            .collect();
        options.push((self.env.lang.texts().without_session().to_string(), None));
        let cursor = self
            .data()
            .sessions
            .iter()
            .position(|s| Some(&s.id) == motion.session.as_ref())
            .unwrap_or(options.len() - 1);
        self.overlay = Some(Overlay::Choose(Choice {
            purpose: Purpose::Session {
                motion: motion.id.clone(),
            },
            options,
            cursor,
        }));
    }

    /// A key while choosing.
    pub(super) fn choose_key(&mut self, action: Action) {
        let Some(Overlay::Choose(mut choice)) = self.overlay.take() else {
            return;
        };
        let last = choice.options.len().saturating_sub(1);
        match action {
            Action::Up => choice.cursor = choice.cursor.saturating_sub(1),
            Action::Down => choice.cursor = (choice.cursor + 1).min(last),
            Action::Top => choice.cursor = 0,
            Action::Bottom => choice.cursor = last,
            Action::Open => {
                let chosen = choice
                    .options
                    .get(choice.cursor)
                    .and_then(|(_, v)| v.clone());
                if let Purpose::Paper(paper) = choice.purpose {
                    return self.write_paper(paper, chosen.as_deref());
                }
                if let Some(change) = self.placing(&choice.purpose, chosen) {
                    if let Purpose::Item { motion, .. } | Purpose::Session { motion } =
                        &choice.purpose
                    {
                        self.goto = Some(super::settle::Goto::MotionRow(motion.clone()));
                    }
                    self.apply(vec![change], Origin::Edit);
                }
                return;
            }
            Action::Back => return,
            Action::Quit => {
                self.overlay = Some(Overlay::Choose(choice));
                return self.request_quit();
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Choose(choice));
    }

    /// The change that puts the motion where it was chosen to go: off every
    /// agenda item it is on but the chosen one, and its `session` to agree.
    fn placing(&self, purpose: &Purpose, chosen: Option<String>) -> Option<Change> {
        let data = self.data();
        let (motion, target_session, target_item) = match purpose {
            Purpose::Item { motion, session } => (motion, Some(session.clone()), chosen),
            Purpose::Session { motion } => (motion, chosen, None),
            Purpose::Paper(_) => return None,
        };
        let m = data.motion(motion)?;
        let mut changes = Vec::new();
        for session in &data.sessions {
            for (index, item) in session.agenda.iter().enumerate() {
                let chosen_here = Some(&session.id) == target_session.as_ref()
                    && target_item.as_ref() == Some(&item.number);
                let listed = item.motions.contains(motion);
                if listed == chosen_here {
                    continue;
                }
                let mut motions = item.motions.clone();
                if chosen_here {
                    motions.push(motion.clone());
                } else {
                    motions.retain(|id| id != motion);
                }
                let value = |v: &Vec<String>| (!v.is_empty()).then(|| list(v));
                changes.push(Change::Record(RecordChange {
                    owner: Owner::Session(session.id.clone()),
                    part: Part::Agenda {
                        index,
                        number: item.number.clone(),
                    },
                    before: vec![("motions".into(), value(&item.motions))],
                    after: vec![("motions".into(), value(&motions))],
                }));
            }
        }
        if m.session != target_session {
            changes.push(Change::Record(RecordChange {
                owner: Owner::Motion(motion.clone()),
                part: Part::Head,
                before: vec![("session".into(), m.session.as_deref().map(text))],
                after: vec![("session".into(), target_session.as_deref().map(text))],
            }));
        }
        (!changes.is_empty()).then_some(Change::Batch(changes))
    }

    /// The changes that take a motion off every agenda item listing it.
    pub(super) fn off_agendas(&self, motion: &str) -> Vec<Change> {
        let mut changes = Vec::new();
        for session in &self.data().sessions {
            for (index, item) in session.agenda.iter().enumerate() {
                if !item.motions.iter().any(|m| m == motion) {
                    continue;
                }
                let kept: Vec<String> = item
                    .motions
                    .iter()
                    .filter(|m| *m != motion)
                    .cloned()
                    .collect();
                let value = |v: &Vec<String>| (!v.is_empty()).then(|| list(v));
                changes.push(Change::Record(RecordChange {
                    owner: Owner::Session(session.id.clone()),
                    part: Part::Agenda {
                        index,
                        number: item.number.clone(),
                    },
                    before: vec![("motions".into(), value(&item.motions))],
                    after: vec![("motions".into(), value(&kept))],
                }));
            }
        }
        changes
    }

    /// `R`: the agenda items of the session on screen, or the questions of
    /// the motion on screen, numbered 1, 2, 3 … in their order.
    pub(super) fn renumber(&mut self) {
        let data = self.data();
        let place = self.place();
        let changes: Vec<Change> = match &place.screen {
            Screen::Session(SessionKey::Id(id)) => data.session(id).map_or_else(Vec::new, |s| {
                let numbers = s.agenda.iter().map(|item| item.number.as_str());
                renumbered(numbers, |index, number| {
                    (Owner::Session(id.clone()), Part::Agenda { index, number })
                })
            }),
            Screen::Motion(id) | Screen::Question(id, _)
                if place.pane == Pane::Questions
                    || matches!(place.screen, Screen::Question(..)) =>
            {
                data.motion(id).map_or_else(Vec::new, |m| {
                    let numbers = m.questions.iter().map(|q| q.number.as_str());
                    renumbered(numbers, |index, number| {
                        (Owner::Motion(id.clone()), Part::Question { index, number })
                    })
                })
            }
            _ => {
                self.note = Some(Note::NothingToShapeHere);
                return;
            }
        };
        if !changes.is_empty() {
            self.apply(vec![Change::Batch(changes)], Origin::Edit);
        }
    }
}

/// The changes that number tables 1, 2, 3 … in their order; `table` names
/// the one at a position with its number now.
fn renumbered<'n>(
    numbers: impl Iterator<Item = &'n str>,
    table: impl Fn(usize, String) -> (Owner, Part),
) -> Vec<Change> {
    numbers
        .enumerate()
        .filter(|(i, number)| *number != (i + 1).to_string())
        .map(|(index, number)| {
            let (owner, part) = table(index, number.to_string());
            Change::Record(RecordChange {
                owner,
                part,
                before: vec![("number".into(), Some(text(number)))],
                after: vec![("number".into(), Some(text(&(index + 1).to_string())))],
            })
        })
        .collect()
}
