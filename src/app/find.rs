//! Finding things: the fuzzy finder, jumping to what it found, and the
//! review walk over the open questions (`n`, `N`).

use crossterm::event::{KeyCode, KeyEvent};

use super::rows::{SessionKey, SessionRow};
use super::{App, Effect, Note, Overlay, Pane, Place, Screen, review};
use crate::input::Action;
use crate::search::{Hit, Target};

/// The finder while it is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finder {
    pub query: String,
    /// Numbers the query; an answer for an older one is dropped.
    pub generation: u64,
    pub hits: Vec<Hit>,
    /// How many records matched in all; `hits` are the best of them.
    pub total: usize,
    /// The query number `hits` answer; behind `generation` while searching.
    pub answered: u64,
    pub selected: usize,
}

impl Finder {
    /// True while the hits shown are not yet those of the query typed.
    pub fn searching(&self) -> bool {
        self.answered != self.generation
    }
}

impl App {
    pub(super) fn open_finder(&mut self) {
        self.overlay = Some(Overlay::Finder(Finder::default()));
        self.ask_search();
    }

    fn finder_mut(&mut self) -> Option<&mut Finder> {
        match &mut self.overlay {
            Some(Overlay::Finder(finder)) => Some(finder),
            _ => None,
        }
    }

    /// A steering key in the finder.
    pub(super) fn finder_action(&mut self, action: Action) {
        let Some(finder) = self.finder_mut() else {
            return;
        };
        match action {
            Action::Previous => finder.selected = finder.selected.saturating_sub(1),
            Action::Next => {
                finder.selected = (finder.selected + 1).min(finder.hits.len().saturating_sub(1));
            }
            Action::DeleteWord => {
                let kept = finder.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                if kept < finder.query.len() {
                    finder.query.truncate(kept);
                    self.ask_search();
                }
            }
            Action::Accept => {
                let target = finder.hits.get(finder.selected).map(|h| h.target);
                if let Some(target) = target {
                    self.overlay = None;
                    self.jump(target);
                }
            }
            Action::Cancel => self.overlay = None,
            _ => {}
        }
    }

    /// A key typed into the query.
    pub(super) fn finder_typed(&mut self, key: KeyEvent) {
        use crossterm::event::KeyModifiers;
        let Some(finder) = self.finder_mut() else {
            return;
        };
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let changed = match key.code {
            KeyCode::Char(c) if plain => {
                finder.query.push(c);
                true
            }
            KeyCode::Backspace => finder.query.pop().is_some(),
            // As in every text: back to the start of the line.
            KeyCode::Char('u') if key.modifiers == KeyModifiers::CONTROL => {
                !std::mem::take(&mut finder.query).is_empty()
            }
            _ => false,
        };
        if changed {
            self.ask_search();
        }
    }

    /// Numbers the query typed and asks the search thread for its hits.
    fn ask_search(&mut self) {
        self.generation += 1;
        let generation = self.generation;
        let data = self.shared_data();
        let version = self.data_version;
        let Some(finder) = self.finder_mut() else {
            return;
        };
        finder.generation = generation;
        let query = finder.query.clone();
        self.emit(Effect::Search {
            generation,
            query,
            data,
            version,
        });
    }

    pub(super) fn search_results(&mut self, generation: u64, hits: Vec<Hit>, total: usize) {
        if let Some(finder) = self.finder_mut().filter(|f| f.generation == generation) {
            finder.hits = hits;
            finder.total = total;
            finder.answered = generation;
            finder.selected = 0;
        }
    }

    /// Shows `target` in its own screen, with the screens above it on the
    /// stack so that going back walks up from there.
    pub(crate) fn jump(&mut self, target: Target) {
        let places = self.places();
        let keys = self.session_keys();
        let data = &self.loaded.data;
        let deadlines = self.deadlines();
        let filter = &self.filter.sieve(&deadlines, self.env.today);
        let (session, motion) = match target {
            Target::Session { session } | Target::AgendaItem { session, .. } => {
                (SessionKey::Id(data.sessions[session].id.clone()), None)
            }
            Target::Motion { motion } | Target::Question { motion, .. } => {
                let at = places
                    .first_session(motion)
                    .map_or(SessionKey::Unplaced, |s| {
                        SessionKey::Id(data.sessions[s].id.clone())
                    });
                (at, Some(motion))
            }
        };
        let mut stack = vec![Place::new(Screen::Sessions)];
        stack[0].selected = keys.iter().position(|k| *k == session).unwrap_or(0);
        let rows = super::rows::session_rows(data, &places, &session, filter);
        let mut place = Place::new(Screen::Session(session));
        place.selected = rows
            .iter()
            .position(|row| match (row, target) {
                (SessionRow::Item(item), Target::AgendaItem { session, item: i }) => {
                    std::ptr::eq(*item, &data.sessions[session].agenda[i])
                }
                (SessionRow::Motion(m, _), _) => motion.is_some_and(|n| m.id == data.motions[n].id),
                _ => false,
            })
            .or_else(|| rows.iter().position(SessionRow::selectable))
            .unwrap_or(0);
        stack.push(place);
        if let Some(m) = motion {
            let id = data.motions[m].id.clone();
            let mut place = Place::new(Screen::Motion(id.clone()));
            place.pane = Pane::Questions;
            if let Target::Question { question, .. } = target {
                place.selected = filter
                    .questions(&data.motions[m])
                    .iter()
                    .position(|&q| q == question)
                    .unwrap_or(0);
                stack.push(place);
                stack.push(Place::new(Screen::Question(id, question)));
            } else {
                stack.push(place);
            }
        }
        self.stack = stack;
    }

    /// Jumps to the next (or previous) question not yet answered.
    pub(super) fn review(&mut self, forward: bool) {
        let places = self.places();
        let data = &self.loaded.data;
        let order = review::order(data, &places);
        let here = self.current_question().and_then(|(motion, q)| {
            let m = places.motion_at(&motion.id)?;
            order.iter().position(|p| *p == (m, q))
        });
        let start = match (here, &self.place().screen) {
            (Some(at), _) => at as isize + if forward { 1 } else { -1 },
            // On a session's agenda: start with its first question.
            (None, Screen::Session(SessionKey::Id(id))) => {
                let first = places.session_at(id).and_then(|s| {
                    let here: std::collections::HashSet<usize> =
                        places.placements(s).iter().map(|p| p.0).collect();
                    order.iter().position(|(m, _)| here.contains(m))
                });
                match first {
                    Some(at) => at as isize - isize::from(!forward),
                    None => 0,
                }
            }
            _ if forward => 0,
            _ => -1,
        };
        let deadlines = self.deadlines();
        let sieve = self.filter.sieve(&deadlines, self.env.today);
        match review::next(data, &sieve, &order, start, forward) {
            Some(((motion, question), wrapped)) => {
                self.jump(Target::Question { motion, question });
                if wrapped {
                    self.note = Some(Note::Wrapped);
                }
            }
            None => self.note = Some(Note::NothingOpen),
        }
    }
}
