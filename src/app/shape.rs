//! Shaping the structure: agenda items and questions moved up and down,
//! records deleted after asking (a motion's file goes to the trash folder,
//! from where undo brings it back).

use super::rows::{SessionKey, SessionRow};
use super::{App, Note, Overlay, Pane, Screen};
use crate::edit::{Change, Origin, Owner, RenameChange, TableArray, TableChange, record};
use crate::model::{AgendaItem, Question};

pub use crate::edit::names::TRASH;

/// What the cursor is on, for moving and deleting.
enum Selected {
    Item { session: String, index: usize },
    Question { motion: String, index: usize },
    Motion(String),
}

impl App {
    /// The change waiting for a yes, while asked.
    pub fn asked(&self) -> Option<&Change> {
        match &self.overlay {
            Some(Overlay::Ask(change)) => Some(change),
            _ => None,
        }
    }

    fn selected(&self) -> Option<Selected> {
        if let Some((motion, index)) = self.current_question() {
            return Some(Selected::Question {
                motion: motion.id.clone(),
                index,
            });
        }
        let place = self.place();
        match &place.screen {
            Screen::Session(key) => match self.session_rows(key).get(place.selected)? {
                SessionRow::Motion(m, _) => Some(Selected::Motion(m.id.clone())),
                SessionRow::Item(item) => {
                    let SessionKey::Id(id) = key else {
                        return None;
                    };
                    let index = self
                        .data()
                        .session(id)?
                        .agenda
                        .iter()
                        .position(|a| std::ptr::eq(a, *item))?;
                    Some(Selected::Item {
                        session: id.clone(),
                        index,
                    })
                }
                SessionRow::NotOnAgenda | SessionRow::Missing(_) => None,
            },
            Screen::Motion(id) if place.pane == Pane::Details => Some(Selected::Motion(id.clone())),
            _ => None,
        }
    }

    /// Shift-K / Shift-J: the agenda item or question one place up or down.
    pub(super) fn move_record(&mut self, by: isize) {
        let change = match self.selected() {
            Some(Selected::Item { session, index }) => {
                self.goto = Some(super::settle::Goto::ItemAt(
                    session.clone(),
                    index.saturating_add_signed(by),
                ));
                let count = self.data().session(&session).map_or(0, |s| s.agenda.len());
                let to = index.checked_add_signed(by).filter(|&to| to < count);
                let item = self
                    .data()
                    .session(&session)
                    .and_then(|s| s.agenda.get(index));
                to.zip(item).map(|(to, item)| {
                    let text = item_text(item);
                    Change::Table(TableChange {
                        owner: Owner::Session(session),
                        array: TableArray::Agenda,
                        before: Some((index, text.clone())),
                        after: Some((to, text)),
                    })
                })
            }
            Some(Selected::Question { motion, index }) => {
                let m = self.data().motion(&motion);
                let count = m.map_or(0, |m| m.questions.len());
                let to = index.checked_add_signed(by).filter(|&to| to < count);
                to.zip(m.and_then(|m| m.questions.get(index)))
                    .map(|(to, q)| {
                        let text = question_text(q);
                        Change::Table(TableChange {
                            owner: Owner::Motion(motion),
                            array: TableArray::Question,
                            before: Some((index, text.clone())),
                            after: Some((to, text)),
                        })
                    })
            }
            _ => None,
        };
        match change {
            Some(change) => {
                // The cursor goes along.
                if let Change::Table(TableChange {
                    after: Some((to, _)),
                    before: Some((from, _)),
                    ..
                }) = &change
                {
                    let place = self.place_mut();
                    place.selected =
                        (place.selected as isize + *to as isize - *from as isize).max(0) as usize;
                    if let Screen::Question(_, index) = &mut place.screen {
                        *index = *to;
                    }
                }
                self.apply(vec![change], Origin::Edit);
            }
            // At the top or the end already: nothing to do, as with the cursor.
            None if self.selected().is_some() => self.goto = None,
            None => self.note = Some(Note::NothingToShapeHere),
        }
    }

    /// Delete: asks first, naming what goes.
    pub(super) fn ask_delete(&mut self) {
        let data = self.data();
        let change = match self.selected() {
            Some(Selected::Item { session, index }) => data
                .session(&session)
                .and_then(|s| s.agenda.get(index))
                .map(|item| {
                    Change::Table(TableChange {
                        owner: Owner::Session(session.clone()),
                        array: TableArray::Agenda,
                        before: Some((index, item_text(item))),
                        after: None,
                    })
                }),
            Some(Selected::Question { motion, index }) => data
                .motion(&motion)
                .and_then(|m| m.questions.get(index))
                .map(|q| {
                    Change::Table(TableChange {
                        owner: Owner::Motion(motion.clone()),
                        array: TableArray::Question,
                        before: Some((index, question_text(q))),
                        after: None,
                    })
                }),
            Some(Selected::Motion(id)) => data.motion(&id).map(|m| {
                let from = data.path(m.source).to_path_buf();
                let to = self.trash_place(&from);
                // Off every agenda first: no item may list a motion gone.
                let mut changes = self.off_agendas(&id);
                changes.push(Change::Rename(RenameChange { from, to }));
                Change::Batch(changes)
            }),
            None => None,
        };
        match change {
            Some(change) => self.overlay = Some(Overlay::Ask(change)),
            None => self.note = Some(Note::NothingToShapeHere),
        }
    }

    /// The answer to "delete …?".
    pub(super) fn answer_ask(&mut self, action: crate::input::Action) {
        use crate::input::Action;
        let Some(Overlay::Ask(change)) = self.overlay.take() else {
            return;
        };
        if action == Action::Accept {
            // Off the screen of what is gone.
            if matches!(
                self.place().screen,
                Screen::Question(..) | Screen::Motion(_)
            ) && !matches!(change, Change::Table(_))
            {
                self.back();
            }
            if let (Change::Table(_), Screen::Question(..)) = (&change, &self.place().screen) {
                self.back();
            }
            let named = self.trashed_name(&change);
            self.apply(vec![change], Origin::Edit);
            let saved =
                matches!(&self.note, Some(Note::Saved(c)) if crate::i18n::trashed(c).is_some());
            if let (Some((kind, title)), true) = (named, saved) {
                self.note = Some(Note::Trashed { kind, title });
            }
        }
    }
}

impl App {
    /// Where a file goes in the trash: a folder per deletion, named for
    /// its time, so that a motion deleted again under the same name (made
    /// anew meanwhile) finds its place free, and a person looking in the
    /// trash sees when each went. Within one second, the places this run
    /// used are passed over.
    fn trash_place(&self, from: &std::path::Path) -> std::path::PathBuf {
        let when = (self.env.clock)().format("%Y-%m-%d_%H-%M-%S").to_string();
        let used: Vec<&std::path::Path> = (self.journal.history.iter())
            .chain(&self.journal.redo)
            .flat_map(Change::renames)
            .map(|r| r.to.as_path())
            .collect();
        (1..)
            .map(|n| match n {
                1 => when.clone(),
                n => format!("{when}-{n}"),
            })
            .map(|folder| std::path::Path::new(TRASH).join(folder).join(from))
            .find(|to| !used.contains(&to.as_path()))
            .expect("a free place")
    }

    /// The kind and title of the motion a change puts into the trash.
    fn trashed_name(&self, change: &Change) -> Option<(String, String)> {
        let path = crate::i18n::trashed(change)?;
        let data = self.data();
        let motion = data.motions.iter().find(|m| data.path(m.source) == path)?;
        Some((motion.kind.clone(), motion.title.clone()))
    }
}

/// An agenda item's keys as TOML.
fn item_text(item: &AgendaItem) -> String {
    let mut out = format!(
        "number = {}\ntitle = {}\n",
        record::text(&item.number),
        record::text(&item.title)
    );
    if !item.public {
        out.push_str("public = false\n");
    }
    if !item.motions.is_empty() {
        out.push_str(&format!("motions = {}\n", record::list(&item.motions)));
    }
    out
}

/// A question's keys as TOML.
fn question_text(q: &Question) -> String {
    let mut out = format!(
        "number = {}\ntext = {}\nstatus = {}\n",
        record::text(&q.number),
        record::text(&q.text),
        record::text(q.status.as_str())
    );
    if let Some(who) = &q.assignee {
        out.push_str(&format!("assignee = {}\n", record::text(who)));
    }
    if let Some(due) = q.due {
        out.push_str(&format!("due = {}\n", due.format("%Y-%m-%d")));
    }
    if let Some(answer) = &q.answer {
        out.push_str(&format!("answer = {}\n", record::text(answer)));
    }
    if let Some(at) = q.updated {
        out.push_str(&format!("updated = {}\n", at.format("%Y-%m-%dT%H:%M:%S")));
    }
    if let Some(by) = &q.updated_by {
        out.push_str(&format!("updated_by = {}\n", record::text(by)));
    }
    out
}
