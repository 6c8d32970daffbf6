//! The rows a screen lists, derived from the data and where its motions
//! sit (kept by the app until the data changes): nothing to keep in sync
//! after a reload.

use super::filter::Sieve;
use crate::model::{AgendaItem, Dataset, Motion};
use crate::overview::Places;

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
    /// A motion id an agenda item lists that is not in the data: its file
    /// has errors, or there is none. Shown so that nothing is missing
    /// unseen; Enter opens the problems screen, which says why.
    Missing(&'a str),
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
pub fn session_keys(data: &Dataset, places: &Places, filter: &Sieve) -> Vec<SessionKey> {
    let shown = |motions: &[usize]| {
        !filter.is_active() || motions.iter().any(|&m| filter.motion(&data.motions[m]))
    };
    let mut keys: Vec<SessionKey> = (0..places.len())
        .filter(|&s| {
            !filter.is_active()
                || places
                    .placements(s)
                    .iter()
                    .any(|&(m, _)| filter.motion(&data.motions[m]))
        })
        .map(|s| SessionKey::Id(data.sessions[s].id.clone()))
        .collect();
    if !places.unplaced().is_empty() && shown(places.unplaced()) {
        keys.push(SessionKey::Unplaced);
    }
    keys
}

/// The rows of a session screen: each agenda item followed by its motions,
/// then the motions named by their `session` key only.
/// With a filter on, only the motions that pass and the items carrying them.
pub fn session_rows<'a>(
    data: &'a Dataset,
    places: &Places,
    key: &SessionKey,
    filter: &Sieve,
) -> Vec<SessionRow<'a>> {
    let SessionKey::Id(id) = key else {
        return places
            .unplaced()
            .iter()
            .map(|&m| &data.motions[m])
            .filter(|m| filter.motion(m))
            .map(|m| SessionRow::Motion(m, None))
            .collect();
    };
    let Some(s) = places.session_at(id) else {
        return Vec::new();
    };
    let session = &data.sessions[s];
    let placements = places.placements(s);
    let passes = |m: usize| filter.motion(&data.motions[m]);
    // Agenda order: the placements on items come first, item by item.
    let mut on_items: Vec<Vec<usize>> = vec![Vec::new(); session.agenda.len()];
    let mut loose = Vec::new();
    for &(m, item) in placements {
        if !passes(m) {
            continue;
        }
        match item {
            Some(i) => on_items[i].push(m),
            None => loose.push(m),
        }
    }
    let mut rows = Vec::new();
    for (item, motions) in session.agenda.iter().zip(on_items) {
        if filter.is_active() && motions.is_empty() {
            continue;
        }
        rows.push(SessionRow::Item(item));
        rows.extend(
            motions
                .into_iter()
                .map(|m| SessionRow::Motion(&data.motions[m], Some(item))),
        );
        // A filter speaks of motions read; one not read cannot pass it.
        if !filter.is_active() {
            rows.extend(
                item.motions
                    .iter()
                    .filter(|id| places.motion_at(id).is_none())
                    .map(|id| SessionRow::Missing(id)),
            );
        }
    }
    if !loose.is_empty() {
        rows.push(SessionRow::NotOnAgenda);
        rows.extend(
            loose
                .into_iter()
                .map(|m| SessionRow::Motion(&data.motions[m], None)),
        );
    }
    rows
}

/// Answered and total questions of the motions an agenda item lists;
/// under a filter, of the questions it lets through.
pub fn item_counts(
    data: &Dataset,
    places: &Places,
    item: &AgendaItem,
    filter: &Sieve,
) -> (usize, usize) {
    item.motions
        .iter()
        .filter_map(|id| places.motion_at(id).map(|m| &data.motions[m]))
        .filter(|m| m.state.counts())
        .map(|m| motion_counts(m, filter))
        .fold((0, 0), |(a, t), (ma, mt)| (a + ma, t + mt))
}

/// Answered and total questions of a motion; under a filter, of the
/// questions it lets through (as the sessions list counts them).
pub fn motion_counts(motion: &crate::model::Motion, filter: &Sieve) -> (usize, usize) {
    if !filter.is_active() {
        return (motion.answered(), motion.questions.len());
    }
    let shown = filter.questions(motion);
    let done = shown.iter().filter(|&&i| motion.questions[i].is_done());
    (done.count(), shown.len())
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

/// A worklist row as positions into the data, so the list can be kept
/// between frames and only the rows on screen are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkAt {
    /// A department's heading: the question whose assignee names it
    /// (`None`: nobody assigned), and how many questions follow.
    Department(Option<(usize, usize)>, usize),
    /// A question: its motion and position, its due date, its first session.
    Question {
        motion: usize,
        index: usize,
        due: Option<crate::deadline::Due>,
        session: Option<usize>,
    },
}

impl WorkAt {
    /// Headings cannot be selected.
    pub fn selectable(&self) -> bool {
        matches!(self, WorkAt::Question { .. })
    }

    /// The row itself, read from the data the positions were taken from.
    pub fn row<'a>(&self, data: &'a Dataset) -> WorkRow<'a> {
        match *self {
            WorkAt::Department(named, count) => {
                let name = named.and_then(|(m, q)| {
                    let motion = &data.motions[m];
                    crate::worklist::answerer(motion, &motion.questions[q])
                });
                WorkRow::Department(name, count)
            }
            WorkAt::Question {
                motion,
                index,
                due,
                session,
            } => WorkRow::Question(crate::worklist::Entry {
                motion: &data.motions[motion],
                motion_at: motion,
                index,
                question: &data.motions[motion].questions[index],
                due,
                session: session.map(|s| &data.sessions[s]),
                session_at: session,
            }),
        }
    }
}

/// The worklist's rows: every question still to answer that the filter
/// lets through, under its department, earliest due first.
pub fn work_rows(
    data: &Dataset,
    deadlines: &crate::deadline::Deadlines,
    filter: &Sieve,
) -> Vec<WorkAt> {
    let entries = crate::worklist::entries(data, deadlines, |m, q| {
        filter.motion(m) && filter.question(m, q)
    });
    let mut rows = Vec::new();
    for group in crate::worklist::groups(entries) {
        let named = group.entries.first().map(|e| (e.motion_at, e.index));
        let named = named.filter(|_| group.department.is_some());
        rows.push(WorkAt::Department(named, group.entries.len()));
        rows.extend(group.entries.into_iter().map(|e| WorkAt::Question {
            motion: e.motion_at,
            index: e.index,
            due: e.due,
            session: e.session_at,
        }));
    }
    rows
}
