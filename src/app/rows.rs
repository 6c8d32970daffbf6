//! The rows a screen lists, derived from the data each time: nothing to keep
//! in sync after a reload.

use super::filter::Filter;
use crate::model::{AgendaItem, Dataset, Motion};
use crate::overview::{Overview, overview};

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
/// With a filter on, only sessions with a motion that passes.
pub fn session_keys(data: &Dataset, filter: &Filter) -> Vec<SessionKey> {
    session_keys_of(&overview(data), filter)
}

/// [`session_keys`] from an overview already at hand.
pub fn session_keys_of(overview: &Overview, filter: &Filter) -> Vec<SessionKey> {
    let shown =
        |motions: &[&Motion]| !filter.is_active() || motions.iter().any(|m| filter.motion(m));
    let mut keys: Vec<SessionKey> = overview
        .sessions
        .iter()
        .filter(|s| shown(&s.placements.iter().map(|p| p.motion).collect::<Vec<_>>()))
        .map(|s| SessionKey::Id(s.session.id.clone()))
        .collect();
    if !overview.unplaced.is_empty() && shown(&overview.unplaced) {
        keys.push(SessionKey::Unplaced);
    }
    keys
}

/// The rows of a session screen: each agenda item followed by its motions,
/// then the motions named by their `session` key only.
/// With a filter on, only the motions that pass and the items carrying them.
pub fn session_rows<'a>(
    data: &'a Dataset,
    key: &SessionKey,
    filter: &Filter,
) -> Vec<SessionRow<'a>> {
    let overview = overview(data);
    let SessionKey::Id(id) = key else {
        return overview
            .unplaced
            .into_iter()
            .filter(|m| filter.motion(m))
            .map(|m| SessionRow::Motion(m, None))
            .collect();
    };
    let Some(session) = overview.sessions.iter().find(|s| &s.session.id == id) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let passes = |p: &&crate::overview::Placement| filter.motion(p.motion);
    for item in &session.session.agenda {
        let motions: Vec<_> = session
            .placements
            .iter()
            .filter(|p| p.item.is_some_and(|i| std::ptr::eq(i, item)))
            .filter(passes)
            .collect();
        if filter.is_active() && motions.is_empty() {
            continue;
        }
        rows.push(SessionRow::Item(item));
        rows.extend(
            motions
                .into_iter()
                .map(|p| SessionRow::Motion(p.motion, Some(item))),
        );
    }
    let loose: Vec<_> = session
        .placements
        .iter()
        .filter(|p| p.item.is_none())
        .filter(passes)
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
        .filter(|m| m.state.counts())
        .fold((0, 0), |(a, t), m| {
            (a + m.answered(), t + m.questions.len())
        })
}

/// One row of the worklist: a department's heading or one question.
#[derive(Debug, Clone, Copy)]
pub enum WorkRow<'a> {
    /// Who answers (`None`: nobody assigned), and how many questions.
    Department(Option<&'a str>, usize),
    Question(crate::worklist::Entry<'a>),
}

impl WorkRow<'_> {
    /// Headings cannot be selected.
    pub fn selectable(&self) -> bool {
        matches!(self, WorkRow::Question(_))
    }
}

/// The worklist's rows: every question still to answer that the filter
/// lets through, under its department, earliest due first.
pub fn work_rows<'a>(
    data: &'a Dataset,
    deadlines: &crate::deadline::Deadlines,
    filter: &Filter,
) -> Vec<WorkRow<'a>> {
    let entries = crate::worklist::entries(data, deadlines, |m, q| {
        filter.motion(m) && filter.question(q)
    });
    let mut rows = Vec::new();
    for group in crate::worklist::groups(entries) {
        rows.push(WorkRow::Department(group.department, group.entries.len()));
        rows.extend(group.entries.into_iter().map(WorkRow::Question));
    }
    rows
}
