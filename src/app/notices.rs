//! What the staff must still read once its message has gone: a pull's
//! notices and a sync's decisions stay under `!` until dismissed (Del).

/// Something to read, under `!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A notice of a pull from the council information system.
    Pulled(crate::oparl::Say),
    /// A sync that settled a same-field conflict, here or elsewhere.
    Synced(Box<crate::sync::run::Outcome>),
}

impl super::App {
    /// Keeps what a pull or a sync told that the staff must read.
    pub(super) fn keep_notices(&mut self, notices: impl IntoIterator<Item = Notice>) {
        for notice in notices {
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
    }
}
