//! The filter menu: its cursor, its options, and a key while it is open.

use super::filter::{self, FilterOption};
use super::{App, Overlay};
use crate::input::Action;

impl App {
    /// The filter menu's cursor, while it is open.
    pub fn filter_menu(&self) -> Option<usize> {
        match self.overlay {
            Some(Overlay::FilterMenu(at)) => Some(at),
            _ => None,
        }
    }

    /// The filter menu's options.
    pub fn filter_options(&self) -> Vec<FilterOption> {
        filter::options(self.data())
    }

    pub(super) fn filter_menu_key(&mut self, action: Action) {
        let options = self.filter_options();
        let Some(at) = self.filter_menu() else {
            return;
        };
        let last = options.len().saturating_sub(1);
        let at = match action {
            Action::Up => at.saturating_sub(1),
            Action::Down => (at + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::CycleStatus | Action::Open | Action::MarkAnswered => {
                if let Some(option) = options.get(at) {
                    self.filter.toggle(option);
                    self.clamp_cursors();
                    // Other rows now: each list is shown from its start
                    // (the cursor kept in view), so that no row that
                    // passes is left scrolled away above.
                    for place in &mut self.stack {
                        place.top = 0;
                    }
                }
                at
            }
            Action::Back | Action::Filter | Action::Help => {
                self.overlay = None;
                return;
            }
            Action::Quit => return self.request_quit(),
            _ => at,
        };
        self.overlay = Some(Overlay::FilterMenu(at));
    }
}
