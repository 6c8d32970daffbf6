//! The rows a screen lists, derived from the data each time: nothing to keep
//! in sync after a reload.

use crate::model::{AgendaItem, Dataset, Motion};
use crate::overview::overview;

/// Which session a session screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionKey {
    Id(String),
    /// The motions placed at no session.
    Unplaced,
}

/// One row of a session's agenda screen.
#[derive(Debug, Clone, Copy)]
pub enum SessionRow<'a> {
    /// An agenda item, with the answered/total of its motions.
    Item(&'a AgendaItem),
    /// A motion, under its agenda item or under the "not on the agenda" heading.
    Motion(&'a Motion, Option<&'a AgendaItem>),
    /// The heading above the motions on no agenda item.
    NotOnAgenda,
}

impl SessionRow<'_> {
    /// Headings cannot be selected.
    pub fn selectable(&self) -> bool {
        !matches!(self, SessionRow::NotOnAgenda)
    }
}

/// The entries of the sessions screen: every session, then (if any) the
/// motions without a session.
pub fn session_keys(data: &Dataset) -> Vec<SessionKey> {
    let mut keys: Vec<SessionKey> = data
        .sessions
        .iter()
        .map(|s| SessionKey::Id(s.id.clone()))
        .collect();
    if !overview(data).unplaced.is_empty() {
        keys.push(SessionKey::Unplaced);
    }
    keys
}

/// The rows of a session screen: each agenda item followed by its motions,
/// then the motions named by their `session` key only.
pub fn session_rows<'a>(data: &'a Dataset, key: &SessionKey) -> Vec<SessionRow<'a>> {
    let overview = overview(data);
    let SessionKey::Id(id) = key else {
        return overview
            .unplaced
            .into_iter()
            .map(|m| SessionRow::Motion(m, None))
            .collect();
    };
    let Some(session) = overview.sessions.iter().find(|s| &s.session.id == id) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for item in &session.session.agenda {
        rows.push(SessionRow::Item(item));
        for placement in session
            .placements
            .iter()
            .filter(|p| p.item.is_some_and(|i| std::ptr::eq(i, item)))
        {
            rows.push(SessionRow::Motion(placement.motion, Some(item)));
        }
    }
    let loose: Vec<_> = session
        .placements
        .iter()
        .filter(|p| p.item.is_none())
        .collect();
    if !loose.is_empty() {
        rows.push(SessionRow::NotOnAgenda);
        rows.extend(
            loose
                .into_iter()
                .map(|p| SessionRow::Motion(p.motion, None)),
        );
    }
    rows
}

/// Answered and total questions of the motions an agenda item lists.
pub fn item_counts(data: &Dataset, item: &AgendaItem) -> (usize, usize) {
    item.motions
        .iter()
        .filter_map(|id| data.motion(id))
        .fold((0, 0), |(a, t), m| {
            (a + m.answered(), t + m.questions.len())
        })
}
