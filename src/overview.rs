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
    Places::new(data).overview(data)
}

/// Where every motion sits, as positions into the data: worked out once per
/// change of the data (in one pass, whatever the number of sessions), so a
/// screen asks for what it shows without going through the whole folder.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Per session, in data order: (motion, agenda item) in agenda order,
    /// then the motions named by their `session` key only.
    sessions: Vec<Vec<(usize, Option<usize>)>>,
    unplaced: Vec<usize>,
    /// The first session with each id.
    session_ids: HashMap<String, usize>,
    /// The motion each id names (the last one, if an id is doubled).
    motion_ids: HashMap<String, usize>,
    /// Per motion: the first session it is placed at.
    first_session: Vec<Option<usize>>,
}

impl Places {
    /// Places the motions of `data`.
    pub fn new(data: &Dataset) -> Places {
        let motion_ids: HashMap<String, usize> = data
            .motions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        let mut named: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, motion) in data.motions.iter().enumerate() {
            if let Some(session) = motion.session.as_deref() {
                named.entry(session).or_default().push(i);
            }
        }
        let mut session_ids = HashMap::with_capacity(data.sessions.len());
        let mut first_session = vec![None; data.motions.len()];
        let mut sessions = Vec::with_capacity(data.sessions.len());
        let mut here: HashSet<usize> = HashSet::new();
        for (s, session) in data.sessions.iter().enumerate() {
            session_ids.entry(session.id.clone()).or_insert(s);
            here.clear();
            let mut placements = Vec::new();
            for (i, item) in session.agenda.iter().enumerate() {
                for id in &item.motions {
                    if let Some(&m) = motion_ids.get(id.as_str()) {
                        placements.push((m, Some(i)));
                        here.insert(m);
                    }
                }
            }
            for &m in named.get(session.id.as_str()).into_iter().flatten() {
                if here.insert(m) {
                    placements.push((m, None));
                }
            }
            for &(m, _) in &placements {
                first_session[m].get_or_insert(s);
            }
            sessions.push(placements);
        }
        let unplaced = (0..data.motions.len())
            .filter(|&m| first_session[m].is_none())
            .collect();
        Places {
            sessions,
            unplaced,
            session_ids,
            motion_ids,
            first_session,
        }
    }

    /// Every session with its motions, and the motions placed at none.
    pub fn overview<'a>(&self, data: &'a Dataset) -> Overview<'a> {
        Overview {
            sessions: (0..self.sessions.len())
                .map(|s| self.session(data, s))
                .collect(),
            unplaced: self.unplaced.iter().map(|&m| &*data.motions[m]).collect(),
        }
    }

    /// The session at position `s` of `data.sessions`, with its motions.
    pub fn session<'a>(&self, data: &'a Dataset, s: usize) -> SessionOverview<'a> {
        let session = &data.sessions[s];
        SessionOverview {
            session,
            placements: self.sessions[s]
                .iter()
                .map(|&(m, item)| Placement {
                    motion: &data.motions[m],
                    item: item.map(|i| &session.agenda[i]),
                })
                .collect(),
        }
    }

    /// Number of sessions.
    pub fn len(&self) -> usize {
        self.sessions.len()
    }

    /// Whether there are no sessions.
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
    }

    /// The motions of session `s` as (motion, agenda item) positions.
    pub fn placements(&self, s: usize) -> &[(usize, Option<usize>)] {
        &self.sessions[s]
    }

    /// The motions at no session, as positions.
    pub fn unplaced(&self) -> &[usize] {
        &self.unplaced
    }

    /// The position of the session with this id.
    pub fn session_at(&self, id: &str) -> Option<usize> {
        self.session_ids.get(id).copied()
    }

    /// The position of the motion with this id.
    pub fn motion_at(&self, id: &str) -> Option<usize> {
        self.motion_ids.get(id).copied()
    }

    /// The first session (in date order) motion `m` is placed at.
    pub fn first_session(&self, m: usize) -> Option<usize> {
        self.first_session.get(m).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(text: &[(&str, &str)]) -> Dataset {
        let dir = tempfile::tempdir().unwrap();
        for (name, body) in text {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, body).unwrap();
        }
        let loaded = crate::store::load(dir.path());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        std::sync::Arc::try_unwrap(loaded.data).unwrap()
    }

    #[test]
    fn agenda_order_first_then_named_only_then_unplaced() {
        let data = data(&[
            (
                "sessions/s.toml",
                "[session]\nid = \"s\"\ncommittee = \"Rat\"\ndate = 2022-09-07\n\n[[agenda]]\nnumber = \"1\"\ntitle = \"Eins\"\nmotions = [\"b\"]\n",
            ),
            (
                "motions/a.toml",
                "[motion]\nid = \"a\"\nkind = \"Anfrage\"\ntitle = \"A\"\nsession = \"s\"\n",
            ),
            (
                "motions/b.toml",
                "[motion]\nid = \"b\"\nkind = \"Anfrage\"\ntitle = \"B\"\nsession = \"s\"\n",
            ),
            (
                "motions/c.toml",
                "[motion]\nid = \"c\"\nkind = \"Anfrage\"\ntitle = \"C\"\n",
            ),
        ]);
        let places = Places::new(&data);
        let ids = |v: Vec<&Motion>| v.into_iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        let o = places.overview(&data);
        let at_s: Vec<_> = o.sessions[0].placements.iter().map(|p| p.motion).collect();
        // b on the agenda (once, though also named by its key), then a.
        assert_eq!(ids(at_s), ["b", "a"]);
        assert!(o.sessions[0].placements[0].item.is_some());
        assert!(o.sessions[0].placements[1].item.is_none());
        assert_eq!(ids(o.unplaced), ["c"]);
        let c = places.motion_at("c").unwrap();
        assert_eq!(places.first_session(c), None);
        assert_eq!(
            places.first_session(places.motion_at("a").unwrap()),
            Some(0)
        );
        assert_eq!(places.session_at("s"), Some(0));
    }
}
