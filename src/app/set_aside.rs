//! An answer or a form discarded with "verwerfen" is set aside, not lost:
//! undo opens it again as it was, so that one wrong key costs nothing.

use super::{App, Overlay};
use crate::note::Note;

/// What was discarded, and when.
pub(super) struct SetAside {
    /// How many changes this run had made when it was discarded: undo
    /// opens it again once it has undone the changes made since.
    after: usize,
    overlay: Overlay,
}

impl App {
    /// Sets a discarded editor or form aside and says how to get it back.
    pub(super) fn set_aside(&mut self, overlay: Overlay) {
        self.set_aside = Some(SetAside {
            after: self.journal.history.len(),
            overlay,
        });
        self.note = Some(Note::Discarded);
    }

    /// Opens what was set aside again, if undo reaches it now: nothing
    /// covers the screen and every change made since is undone.
    pub(super) fn take_back_set_aside(&mut self) -> bool {
        let due = self.overlay.is_none()
            && (self.set_aside.as_ref()).is_some_and(|s| s.after == self.journal.history.len());
        if !due {
            return false;
        }
        let overlay = self.set_aside.take().map(|s| s.overlay);
        // An answer opens on its question, as it was written there.
        if let Some(Overlay::Editor(editing)) = &overlay
            && let super::editor::Editing::Answer { target, .. } = editing.as_ref()
            && let Some((motion, question)) = target.find(self.data())
        {
            let here = self.current_question().map(|(m, i)| (m.id.clone(), i));
            let id = self.data().motions[motion].id.clone();
            if here != Some((id, question)) {
                self.jump(crate::search::Target::Question { motion, question });
            }
        }
        self.overlay = overlay;
        self.note = Some(Note::TakenBack);
        true
    }
}
