//! Moving around: the cursor, the stack of screens, and keeping both
//! valid when the data changes under them.

use super::rows::{SessionKey, SessionRow, WorkAt, WorkRow};
use super::{App, Note, Pane, Place, Screen};

impl App {
    /// How many rows the current list has and which may hold the cursor.
    pub(super) fn rows(&self) -> Vec<bool> {
        let place = self.place();
        match &place.screen {
            Screen::Sessions => vec![true; self.session_keys().len()],
            Screen::Session(key) => self
                .session_rows(key)
                .iter()
                .map(SessionRow::selectable)
                .collect(),
            Screen::Motion(id) if place.pane == Pane::Questions => {
                vec![
                    true;
                    self.data()
                        .motion(id)
                        .map_or(0, |m| self.questions_shown(m).len())
                ]
            }
            Screen::Problems => {
                let rows =
                    self.journal.troubles() + self.notices.len() + self.loaded.diagnostics.len();
                vec![true; rows]
            }
            Screen::Worklist => self.work_rows().iter().map(WorkAt::selectable).collect(),
            Screen::History(..) => vec![true; self.history.as_ref().map_or(0, Vec::len)],
            Screen::Motion(_) | Screen::Question(..) => Vec::new(),
        }
    }

    /// Moves the cursor, or scrolls where the screen is text.
    pub(super) fn move_by(&mut self, delta: i64) {
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

    pub(super) fn open(&mut self) {
        let place = self.place().clone();
        let next = match &place.screen {
            Screen::Sessions => self
                .session_keys()
                .get(place.selected)
                .cloned()
                .map(Screen::Session),
            Screen::Session(key) => match self.session_rows(key).get(place.selected) {
                Some(SessionRow::Motion(m, _)) => Some(Screen::Motion(m.id.clone())),
                Some(SessionRow::Item(item)) => item
                    .motions
                    .iter()
                    .find(|id| self.data().motion(id).is_some())
                    .cloned()
                    .map(Screen::Motion),
                Some(SessionRow::Missing(_)) => Some(Screen::Problems),
                _ => None,
            },
            Screen::Motion(id) if place.pane == Pane::Questions => self
                .current_question()
                .map(|(_, index)| Screen::Question(id.clone(), index)),
            Screen::Problems => {
                self.resolve(place.selected);
                None
            }
            Screen::Worklist => {
                match self
                    .work_rows()
                    .get(place.selected)
                    .map(|w| w.row(self.data()))
                {
                    Some(WorkRow::Question(e)) => {
                        Some(Screen::Question(e.motion.id.clone(), e.index))
                    }
                    _ => None,
                }
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

    pub(super) fn first_selectable(&self, place: &Place) -> usize {
        match &place.screen {
            Screen::Worklist => self
                .work_rows()
                .iter()
                .position(WorkAt::selectable)
                .unwrap_or(0),
            Screen::Session(key) => self
                .session_rows(key)
                .iter()
                .position(SessionRow::selectable)
                .unwrap_or(0),
            _ => 0,
        }
    }

    pub(super) fn back(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    pub(super) fn next_pane(&mut self) {
        let place = self.place_mut();
        if matches!(place.screen, Screen::Motion(_)) {
            place.pane = match place.pane {
                Pane::Details => Pane::Questions,
                Pane::Questions => Pane::Details,
            };
        }
    }

    /// After a reload a place may point past its list, or at a motion gone.
    pub(super) fn clamp_cursors(&mut self) {
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

impl App {
    /// A click on a row of the list on screen selects it; a double click
    /// opens it, as Enter would.
    pub(super) fn click(&mut self, column: u16, row: u16, double: bool) {
        if let (Some(super::Overlay::Form(form)), Some(at)) = (&mut self.overlay, self.layout.form)
        {
            // The field under the click gets the focus.
            if row < at.top || row >= at.bottom {
                return;
            }
            let wanted = row - at.top + at.skip;
            let mut start = 0;
            for i in 0..form.fields.len() {
                let rows = if i == form.focus { at.focus_rows } else { 1 };
                if wanted < start + rows {
                    form.focus = i;
                    return;
                }
                start += rows;
            }
            return;
        }
        // The filter menu: a click picks the option under it, as Space.
        if let (Some(super::Overlay::FilterMenu(cursor)), Some(menu)) =
            (&mut self.overlay, self.layout.menu)
        {
            if let Some(option) = menu.at(column, row) {
                *cursor = option;
                self.act(crate::input::Action::CycleStatus);
            }
            return;
        }
        // The finder's hits: the one under the click, Enter for two.
        if let (Some(super::Overlay::Finder(finder)), Some(items)) =
            (&mut self.overlay, self.layout.items)
        {
            if let Some(index) = items.at(row).filter(|&i| i < finder.hits.len()) {
                finder.selected = index;
                if double {
                    self.act(crate::input::Action::Accept);
                }
            }
            return;
        }
        if self.overlay.is_some() {
            return;
        }
        // A list of items of several lines: the item under the click.
        if let Some(items) = self.layout.items {
            let index = items.at(row).filter(|&i| self.rows().get(i) == Some(&true));
            if let Some(index) = index {
                self.place_mut().selected = index;
                if double {
                    self.open();
                }
            }
            return;
        }
        let Some(list) = self.layout.list else {
            return;
        };
        if row < list.top || row >= list.bottom || column < list.left {
            return;
        }
        let index = list.offset + usize::from(row - list.top);
        if !self.rows().get(index).copied().unwrap_or(false) {
            return;
        }
        self.place_mut().selected = index;
        if double {
            self.open();
        }
    }
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
