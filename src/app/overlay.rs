//! What covers the screens and takes the keys: at most one thing at a
//! time, decided here and nowhere else.

use super::editor::Editing;
use super::{Change, Finder};
use crate::input::Context;

/// The one thing on top of the screens.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key; any key closes it.
    Help,
    /// The filter menu, with its cursor.
    FilterMenu(usize),
    /// Changes rescued from a crash, offered until taken or set aside.
    Offer(Vec<Change>),
    Finder(Finder),
    /// Boxed: a text area is large, the other overlays are small.
    Editor(Box<Editing>),
}

impl Overlay {
    /// Where the keys go while this is on top.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help => Context::Help,
            Overlay::FilterMenu(_) => Context::FilterMenu,
            Overlay::Offer(_) => Context::Offer,
            Overlay::Finder(_) => Context::Finder,
            Overlay::Editor(editing) => match **editing {
                Editing::Answer { confirm: true, .. } => Context::Confirm,
                Editing::Answer { .. } => Context::Answer,
                Editing::Line { .. } => Context::Line,
            },
        }
    }
}
