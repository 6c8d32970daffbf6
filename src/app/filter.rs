//! Narrowing the views to questions by status, assignee and due date, and
//! to motions by submitting group and state.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::deadline::Deadlines;
use crate::model::{Dataset, Motion, MotionState, Question, Status};

/// How soon a question still to answer is due, as the filter asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueWhen {
    /// Its due date has passed.
    Overdue,
    /// Due today or within the next [`WEEK`] days: the week to plan.
    Week,
}

/// The days ahead [`DueWhen::Week`] looks.
pub const WEEK: i64 = 7;

/// What to show. An empty set means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub statuses: BTreeSet<Status>,
    /// `None` stands for "nobody assigned".
    pub assignees: BTreeSet<Option<String>>,
    pub groups: BTreeSet<String>,
    /// Motions by state: active, withdrawn, postponed, done.
    pub states: BTreeSet<MotionState>,
    /// Questions still to answer by how soon they are due.
    pub due: BTreeSet<DueWhen>,
}

/// One line of the filter menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterOption {
    Status(Status),
    Assignee(Option<String>),
    Group(String),
    State(MotionState),
    Due(DueWhen),
    /// Clears every choice.
    Clear,
}

impl Filter {
    /// Whether anything is filtered out.
    pub fn is_active(&self) -> bool {
        !(self.statuses.is_empty()
            && self.assignees.is_empty()
            && self.groups.is_empty()
            && self.states.is_empty()
            && self.due.is_empty())
    }

    /// The filter with what its due choice is judged by.
    pub fn sieve<'a>(&'a self, deadlines: &'a Deadlines, today: NaiveDate) -> Sieve<'a> {
        Sieve {
            filter: self,
            deadlines,
            today,
        }
    }

    /// Whether an option is chosen.
    pub fn has(&self, option: &FilterOption) -> bool {
        match option {
            FilterOption::Status(s) => self.statuses.contains(s),
            FilterOption::Assignee(a) => self.assignees.contains(a),
            FilterOption::Group(g) => self.groups.contains(g),
            FilterOption::State(s) => self.states.contains(s),
            FilterOption::Due(d) => self.due.contains(d),
            FilterOption::Clear => false,
        }
    }

    /// Chooses an option, or un-chooses it.
    pub fn toggle(&mut self, option: &FilterOption) {
        fn flip<T: Ord + Clone>(set: &mut BTreeSet<T>, value: &T) {
            if !set.remove(value) {
                set.insert(value.clone());
            }
        }
        match option {
            FilterOption::Status(s) => flip(&mut self.statuses, s),
            FilterOption::Assignee(a) => flip(&mut self.assignees, a),
            FilterOption::Group(g) => flip(&mut self.groups, g),
            FilterOption::State(s) => flip(&mut self.states, s),
            FilterOption::Due(d) => flip(&mut self.due, d),
            FilterOption::Clear => *self = Filter::default(),
        }
    }
}

/// A filter, and the due dates and the day its due choice is judged by.
#[derive(Clone, Copy)]
pub struct Sieve<'a> {
    filter: &'a Filter,
    deadlines: &'a Deadlines,
    today: NaiveDate,
}

impl Sieve<'_> {
    /// Whether anything is filtered out.
    pub fn is_active(&self) -> bool {
        self.filter.is_active()
    }

    fn on_questions(&self) -> bool {
        let f = self.filter;
        !(f.statuses.is_empty() && f.assignees.is_empty() && f.due.is_empty())
    }

    /// Whether a question of `motion` passes.
    pub fn question(&self, motion: &Motion, question: &Question) -> bool {
        let f = self.filter;
        // Marked answered without an answer text is open, here as anywhere.
        let status = match question.status == Status::Answered && !question.is_done() {
            true => Status::Open,
            false => question.status,
        };
        (f.statuses.is_empty() || f.statuses.contains(&status))
            && (f.assignees.is_empty() || {
                let key = office(crate::worklist::answerer(motion, question));
                f.assignees.iter().any(|a| office(a.as_deref()) == key)
            })
            && (f.due.is_empty()
                || self
                    .due(motion, question)
                    .is_some_and(|d| f.due.contains(&d)))
    }

    /// How soon a question still owed is due, if it is overdue or due
    /// within the week; answered ones and those of motions that wait for no
    /// answer are neither. A date after the session counts as the
    /// session's: the answer is needed there.
    fn due(&self, motion: &Motion, question: &Question) -> Option<DueWhen> {
        if question.is_done() || !motion.state.counts() {
            return None;
        }
        let date = self.deadlines.due(motion, question)?.date;
        let date = self
            .deadlines
            .session_date(motion)
            .map_or(date, |s| date.min(s));
        match (date - self.today).num_days() {
            d if d < 0 => Some(DueWhen::Overdue),
            d if d <= WEEK => Some(DueWhen::Week),
            _ => None,
        }
    }

    /// Whether a motion passes: one of its groups and its state are chosen,
    /// and one of its questions passes when questions are filtered.
    pub fn motion(&self, motion: &Motion) -> bool {
        let f = self.filter;
        let group = f.groups.is_empty() || motion.submitters.iter().any(|g| f.groups.contains(g));
        let state = f.states.is_empty() || f.states.contains(&motion.state);
        group
            && state
            && (!self.on_questions() || motion.questions.iter().any(|q| self.question(motion, q)))
    }

    /// Positions of a motion's questions that pass.
    pub fn questions(&self, motion: &Motion) -> Vec<usize> {
        (0..motion.questions.len())
            .filter(|&i| self.question(motion, &motion.questions[i]))
            .collect()
    }
}

/// An office however it is written ("Kämmerei", "kämmerei "), blank as
/// nobody: as the worklist and `agenda due` take it.
fn office(assignee: Option<&str>) -> Option<String> {
    crate::worklist::department(assignee).map(crate::fold::fold)
}

/// Every option the data offers: the statuses, how soon due, each office
/// used (once, however written; and "nobody"), each submitting group, the
/// motions' states where more than one occurs, then "clear".
pub fn options(data: &Dataset) -> Vec<FilterOption> {
    let mut offices: std::collections::BTreeMap<Option<String>, Option<String>> =
        Default::default();
    let mut groups: BTreeSet<String> = BTreeSet::new();
    for motion in &data.motions {
        groups.extend(motion.submitters.iter().cloned());
        for q in &motion.questions {
            let named = crate::worklist::answerer(motion, q);
            offices
                .entry(office(named))
                .or_insert(named.map(str::to_string));
        }
    }
    let assignees: BTreeSet<Option<String>> = offices.into_values().collect();
    let mut out: Vec<FilterOption> = Status::ALL.into_iter().map(FilterOption::Status).collect();
    out.extend([DueWhen::Overdue, DueWhen::Week].map(FilterOption::Due));
    // Named departments first, "nobody" last.
    out.extend(
        assignees
            .iter()
            .filter(|a| a.is_some())
            .cloned()
            .map(FilterOption::Assignee),
    );
    if assignees.contains(&None) {
        out.push(FilterOption::Assignee(None));
    }
    out.extend(groups.into_iter().map(FilterOption::Group));
    // The states that occur, so an unused one takes no line.
    let states: BTreeSet<MotionState> = data.motions.iter().map(|m| m.state).collect();
    if states.len() > 1 {
        out.extend(states.into_iter().map(FilterOption::State));
    }
    out.push(FilterOption::Clear);
    out
}
