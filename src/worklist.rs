//! The worklist: every question still waiting for an answer, across all
//! sessions, earliest due first, grouped by who answers it. Shared by `w`
//! in the app and `agenda due`.

use chrono::NaiveDate;

use crate::deadline::{Deadlines, Due};
use crate::model::{Dataset, Motion, Question, Session};

/// One question to answer.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'d> {
    pub motion: &'d Motion,
    /// The motion's position in `data.motions`.
    pub motion_at: usize,
    /// Its position in the motion.
    pub index: usize,
    pub question: &'d Question,
    pub due: Option<Due>,
    /// The first session the motion is for, and its position.
    pub session: Option<&'d Session>,
    pub session_at: Option<usize>,
}

impl<'d> Entry<'d> {
    /// Days from `today` to the due date; negative when overdue.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due.map(|d| (d.date - today).num_days())
    }

    /// Who answers it, as written (blank is nobody): its own assignee,
    /// else the office in charge of its motion.
    pub fn department(&self) -> Option<&'d str> {
        answerer(self.motion, self.question)
    }

    /// Whether it falls to the office in charge, assigned to nobody.
    pub fn by_lead_office(&self) -> bool {
        department(self.question.assignee.as_deref()).is_none() && self.department().is_some()
    }
}

/// Questions of one department (`None`: nobody assigned).
#[derive(Debug, Clone)]
pub struct Group<'d> {
    pub department: Option<&'d str>,
    pub entries: Vec<Entry<'d>>,
}

/// Every unanswered question of the motions that wait for answers and
/// that `keep` keeps, earliest due first (those without a date last),
/// then by session, motion and position.
pub fn entries<'d>(
    data: &'d Dataset,
    deadlines: &Deadlines,
    keep: impl Fn(&Motion, &Question) -> bool,
) -> Vec<Entry<'d>> {
    let mut out: Vec<Entry<'d>> = Vec::new();
    for (motion_at, motion) in data.motions.iter().enumerate() {
        if !motion.state.counts() {
            continue;
        }
        let session_at = deadlines.first_session(motion);
        let session = session_at.map(|i| &data.sessions[i]);
        for (index, question) in motion.questions.iter().enumerate() {
            if question.is_done() || !keep(motion, question) {
                continue;
            }
            out.push(Entry {
                motion,
                motion_at,
                index,
                question,
                due: deadlines.due(motion, question),
                session,
                session_at,
            });
        }
    }
    // By reference: a key that copied the title cost an allocation per
    // comparison, seconds on a large folder.
    let key = |e: &Entry<'d>| {
        (
            e.due.map_or(NaiveDate::MAX, |d| d.date),
            e.session.map_or(NaiveDate::MAX, |s| s.date),
            e.motion.title.as_str(),
            e.index,
        )
    };
    out.sort_by(|a, b| key(a).cmp(&key(b)));
    out
}

/// The entries by department, each group in due order; groups by their
/// most pressing question, so what burns comes first.
pub fn groups<'d>(entries: Vec<Entry<'d>>) -> Vec<Group<'d>> {
    let mut groups: Vec<Group> = Vec::new();
    // "Kämmerei", "kämmerei " and "KÄMMEREI" are one office, named as it
    // is first written.
    let mut at: std::collections::HashMap<Option<String>, usize> = Default::default();
    for entry in entries {
        let department = entry.department();
        let next = groups.len();
        let slot = *at.entry(department.map(crate::fold::fold)).or_insert(next);
        if slot == next {
            groups.push(Group {
                department,
                entries: Vec::new(),
            });
        }
        groups[slot].entries.push(entry);
    }
    groups
}

/// Who answers a question: the office it is assigned to, else the office
/// in charge of its motion (federführend), which then answers or passes
/// it on; `None` where neither is named.
pub fn answerer<'d>(motion: &'d Motion, question: &'d Question) -> Option<&'d str> {
    department(question.assignee.as_deref()).or_else(|| department(motion.office.as_deref()))
}

/// A department as written, trimmed; blank is nobody.
pub fn department(assignee: Option<&str>) -> Option<&str> {
    assignee.map(str::trim).filter(|d| !d.is_empty())
}

/// Whether `department` is the one asked for by `wanted` (a part of
/// its name, any case, umlauts folded); an empty `wanted` asks for the
/// questions nobody is assigned to.
pub fn department_matches(department: Option<&str>, wanted: &str) -> bool {
    let wanted = loose(&crate::fold::fold(wanted.trim()));
    match self::department(department) {
        None => wanted.is_empty(),
        Some(d) => !wanted.is_empty() && loose(&crate::fold::fold(d)).contains(&wanted),
    }
}

/// A folded name with its umlauts as plain vowels: "kaemmerei" and
/// "kammerei" are both typed for "Kämmerei".
fn loose(folded: &str) -> String {
    folded
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u")
}
