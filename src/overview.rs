//! Which motions sit at which session, and how far their answers have come.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{AgendaItem, Dataset, Motion, Session};

/// A motion as placed at a session: on an agenda item, or named by its
/// `session` key only ("not yet on the agenda").
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    pub motion: &'a Motion,
    pub item: Option<&'a AgendaItem>,
}

/// A session with its motions: agenda order first, then those not on the agenda.
#[derive(Debug, Clone)]
pub struct SessionOverview<'a> {
    pub session: &'a Session,
    pub placements: Vec<Placement<'a>>,
}

/// Every session in date order, and the motions placed at none.
#[derive(Debug, Clone)]
pub struct Overview<'a> {
    pub sessions: Vec<SessionOverview<'a>>,
    pub unplaced: Vec<&'a Motion>,
}

impl<'a> SessionOverview<'a> {
    /// The motions whose questions count: withdrawn and done ones do not.
    pub fn counted(&self) -> impl Iterator<Item = &'a Motion> + '_ {
        self.placements
            .iter()
            .map(|p| p.motion)
            .filter(|m| m.state.counts())
    }

    /// Answered questions over the counted motions of the session.
    pub fn answered(&self) -> usize {
        self.counted().map(Motion::answered).sum()
    }

    /// All questions of the counted motions of the session.
    pub fn total(&self) -> usize {
        self.counted().map(|m| m.questions.len()).sum()
    }

    /// Days from `today` to the session; negative once it is past.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.session.date - today).num_days()
    }

    /// Questions not yet answered.
    pub fn open(&self) -> usize {
        self.counted()
            .flat_map(|m| &m.questions)
            .filter(|q| !q.is_done())
            .count()
    }
}

/// Places every motion. A motion listed on several agendas appears at each
/// (a paper goes from a committee to the council).
pub fn overview(data: &Dataset) -> Overview<'_> {
    let by_id: HashMap<&str, &Motion> = data.motions.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut placed: HashSet<&str> = HashSet::new();
    let mut sessions = Vec::with_capacity(data.sessions.len());
    for session in &data.sessions {
        let mut placements = Vec::new();
        let mut here: HashSet<&str> = HashSet::new();
        for item in &session.agenda {
            for id in &item.motions {
                if let Some(motion) = by_id.get(id.as_str()) {
                    placements.push(Placement {
                        motion,
                        item: Some(item),
                    });
                    here.insert(&motion.id);
                }
            }
        }
        for motion in &data.motions {
            if motion.session.as_deref() == Some(&session.id) && !here.contains(motion.id.as_str())
            {
                placements.push(Placement { motion, item: None });
                here.insert(&motion.id);
            }
        }
        placed.extend(here);
        sessions.push(SessionOverview {
            session,
            placements,
        });
    }
    let unplaced = data
        .motions
        .iter()
        .filter(|m| !placed.contains(m.id.as_str()))
        .collect();
    Overview { sessions, unplaced }
}
