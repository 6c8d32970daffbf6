//! Narrowing the views to questions by status and assignee, and to motions
//! by submitting group.

use std::collections::BTreeSet;

use crate::model::{Dataset, Motion, MotionState, Question, Status};

/// What to show. An empty set means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub statuses: BTreeSet<Status>,
    /// `None` stands for "nobody assigned".
    pub assignees: BTreeSet<Option<String>>,
    pub groups: BTreeSet<String>,
    /// Motions by state: active, withdrawn, postponed, done.
    pub states: BTreeSet<MotionState>,
}

/// One line of the filter menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterOption {
    Status(Status),
    Assignee(Option<String>),
    Group(String),
    State(MotionState),
    /// Clears every choice.
    Clear,
}

impl Filter {
    /// Whether anything is filtered out.
    pub fn is_active(&self) -> bool {
        !(self.statuses.is_empty()
            && self.assignees.is_empty()
            && self.groups.is_empty()
            && self.states.is_empty())
    }

    fn on_questions(&self) -> bool {
        !(self.statuses.is_empty() && self.assignees.is_empty())
    }

    /// Whether a question passes.
    pub fn question(&self, question: &Question) -> bool {
        // Marked answered without an answer text is open, here as anywhere.
        let status = match question.status == Status::Answered && !question.is_done() {
            true => Status::Open,
            false => question.status,
        };
        (self.statuses.is_empty() || self.statuses.contains(&status))
            && (self.assignees.is_empty() || {
                let key = office(question.assignee.as_deref());
                self.assignees.iter().any(|a| office(a.as_deref()) == key)
            })
    }

    /// Whether a motion passes: one of its groups is chosen, and one of its
    /// questions passes when questions are filtered.
    pub fn motion(&self, motion: &Motion) -> bool {
        let group =
            self.groups.is_empty() || motion.submitters.iter().any(|g| self.groups.contains(g));
        let state = self.states.is_empty() || self.states.contains(&motion.state);
        group
            && state
            && (!self.on_questions() || motion.questions.iter().any(|q| self.question(q)))
    }

    /// Positions of a motion's questions that pass.
    pub fn questions(&self, motion: &Motion) -> Vec<usize> {
        (0..motion.questions.len())
            .filter(|&i| self.question(&motion.questions[i]))
            .collect()
    }

    /// Whether an option is chosen.
    pub fn has(&self, option: &FilterOption) -> bool {
        match option {
            FilterOption::Status(s) => self.statuses.contains(s),
            FilterOption::Assignee(a) => self.assignees.contains(a),
            FilterOption::Group(g) => self.groups.contains(g),
            FilterOption::State(s) => self.states.contains(s),
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
            FilterOption::Clear => *self = Filter::default(),
        }
    }
}

/// An office however it is written ("Kämmerei", "kämmerei "), blank as
/// nobody: as the worklist and `agenda due` take it.
fn office(assignee: Option<&str>) -> Option<String> {
    crate::worklist::department(assignee).map(crate::fold::fold)
}

/// Every option the data offers: the statuses, each office used (once,
/// however written; and "nobody"), each submitting group, then "clear".
pub fn options(data: &Dataset) -> Vec<FilterOption> {
    let mut offices: std::collections::BTreeMap<Option<String>, Option<String>> =
        Default::default();
    let mut groups: BTreeSet<String> = BTreeSet::new();
    for motion in &data.motions {
        groups.extend(motion.submitters.iter().cloned());
        for q in &motion.questions {
            let named = crate::worklist::department(q.assignee.as_deref()).map(str::to_string);
            offices
                .entry(office(q.assignee.as_deref()))
                .or_insert(named);
        }
    }
    let assignees: BTreeSet<Option<String>> = offices.into_values().collect();
    let mut out: Vec<FilterOption> = Status::ALL.into_iter().map(FilterOption::Status).collect();
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
