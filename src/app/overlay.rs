//! What covers the screens and takes the keys: at most one thing at a
//! time, decided here and nowhere else.

use serde::{Deserialize, Serialize};

use super::editor::Editing;
use super::form::{Form, FormRescue};
use super::{Change, Finder};
use crate::input::Context;

/// What a crash or a closed terminal would lose, or left: changes not
/// saved, and forms being filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rescue {
    pub changes: Vec<Change>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<FormRescue>,
}

impl Rescue {
    /// Whether nothing is in it.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.forms.is_empty()
    }

    /// Adds what `other` holds.
    pub fn extend(&mut self, other: Rescue) {
        self.changes.extend(other.changes);
        self.forms.extend(other.forms);
    }
}

/// The one thing on top of the screens.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key, scrolled this many rows; up and down scroll, any other
    /// key closes it.
    Help(u16),
    /// The filter menu, with its cursor.
    FilterMenu(usize),
    /// What a crash left, offered until taken, put off or set aside.
    Offer(Box<Rescue>),
    Finder(Finder),
    /// Boxed: a text area is large, the other overlays are small.
    Editor(Box<Editing>),
    /// A record's form: to create it, or to change its fields.
    Form(Box<Form>),
    /// Asked before a change that removes something.
    Ask(Change),
    /// One of a list to choose: where a motion goes.
    Choose(super::place::Choice),
}

impl Overlay {
    /// Where the keys go while this is on top.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help(_) => Context::Help,
            Overlay::FilterMenu(_) => Context::FilterMenu,
            Overlay::Offer(_) => Context::Offer,
            Overlay::Finder(_) => Context::Finder,
            Overlay::Form(form) if form.confirm => Context::Confirm,
            Overlay::Ask(_) => Context::Ask,
            Overlay::Choose(_) => Context::Choose,
            Overlay::Form(_) => Context::Form,
            Overlay::Editor(editing) => match **editing {
                Editing::Answer { confirm: true, .. } => Context::Confirm,
                Editing::Answer { .. } => Context::Answer,
                Editing::Line { .. } => Context::Line,
            },
        }
    }
}
