//! `x`: which paper to write, from where the user stands.

use super::{App, Effect, Note, Screen, SessionKey, msg};

impl App {
    /// `x`: on a motion or its question the answer letter, on the
    /// sessions list the selected session's report, else the report of
    /// the session the screens lead from. Written by the runtime.
    pub(super) fn export(&mut self) {
        if let Screen::Motion(id) | Screen::Question(id, _) = &self.place().screen
            && self.data().motion(id).is_some()
        {
            let paper = msg::Paper::Motion(id.clone());
            self.emit(Effect::Report(paper));
            return;
        }
        let place = self.place();
        let selected = match place.screen {
            Screen::Sessions => match self.session_keys().get(place.selected) {
                Some(SessionKey::Id(id)) => Some(id.clone()),
                _ => None,
            },
            _ => None,
        };
        let session = selected.or_else(|| {
            self.stack.iter().rev().find_map(|p| match &p.screen {
                Screen::Session(SessionKey::Id(id)) => Some(id.clone()),
                _ => None,
            })
        });
        match session.filter(|id| self.data().session(id).is_some()) {
            Some(session) => self.emit(Effect::Report(msg::Paper::Session(session))),
            None => self.note = Some(Note::NoSessionHere),
        }
    }
}
