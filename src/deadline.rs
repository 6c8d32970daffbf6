//! When a question is due: its own `due`, else by the rules of procedure
//! (answers a number of days before the session; inquiries within a
//! number of days of receipt; the earlier wins). Computed dates are never
//! written to the files; they are shown as computed.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use crate::model::{Dataset, Motion, Question};

/// Within this many days a due date counts as soon.
pub const SOON_DAYS: i64 = 3;

/// The deadline rules of `[deadlines]` in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    /// A question without `due` is due this many days before its
    /// motion's session.
    pub answer_days_before_session: u32,
    /// An inquiry's questions are due this many days after `submitted`.
    pub inquiry_answer_days: Option<u32>,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            answer_days_before_session: 7,
            inquiry_answer_days: None,
        }
    }
}

/// A due date, and whether a rule gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Due {
    pub date: NaiveDate,
    pub from_rule: bool,
}

/// How pressing an unanswered question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueState {
    Overdue,
    /// Due today or within [`SOON_DAYS`].
    Soon,
    Later,
    /// No due date at all, or answered.
    None,
}

impl DueState {
    /// The state of a due date seen from `today`.
    pub fn of(due: Option<NaiveDate>, today: NaiveDate) -> DueState {
        match due.map(|d| (d - today).num_days()) {
            None => DueState::None,
            Some(d) if d < 0 => DueState::Overdue,
            Some(d) if d <= SOON_DAYS => DueState::Soon,
            Some(_) => DueState::Later,
        }
    }
}

/// Whether a motion of this kind is an inquiry (Anfrage, Große Anfrage …).
pub fn is_inquiry(kind: &str) -> bool {
    crate::fold::fold(kind).contains("anfrage")
}

/// The due dates of a data set: each motion's first session, once.
#[derive(Debug, Clone)]
pub struct Deadlines {
    rules: Rules,
    /// Per motion id: the date of its first session and that session's
    /// index in `data.sessions`.
    first_session: HashMap<String, (NaiveDate, usize)>,
}

impl Deadlines {
    /// The deadlines of `data` under `rules`.
    pub fn new(data: &Dataset, rules: Rules) -> Deadlines {
        let mut first_session: HashMap<String, (NaiveDate, usize)> = HashMap::new();
        let mut note = |motion: &str, at: (NaiveDate, usize)| {
            let slot = first_session.entry(motion.to_string()).or_insert(at);
            *slot = (*slot).min(at);
        };
        let by_id: HashMap<&str, usize> = data
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        // A broken session's date reads as the last of all: it is the
        // motion's session only where there is no other, and gives no due
        // date (see `session_date`).
        for (i, session) in data.sessions.iter().enumerate() {
            for id in session.agenda.iter().flat_map(|item| &item.motions) {
                note(id, (session.date, i));
            }
        }
        for motion in &data.motions {
            if let Some(i) = motion
                .session
                .as_deref()
                .and_then(|id| by_id.get(id).copied())
            {
                note(&motion.id, (data.sessions[i].date, i));
            }
        }
        Deadlines {
            rules,
            first_session,
        }
    }

    /// The date of the first session a motion is for, if any.
    pub fn session_date(&self, motion: &Motion) -> Option<NaiveDate> {
        self.first_session
            .get(&motion.id)
            .map(|(d, _)| *d)
            .filter(|d| *d != NaiveDate::MAX)
    }

    /// The first session a motion is for, by its index in the data.
    pub fn first_session(&self, motion: &Motion) -> Option<usize> {
        self.first_session.get(&motion.id).map(|(_, i)| *i)
    }

    /// When `question` of `motion` is due: its own date, else the
    /// earliest the rules give.
    pub fn due(&self, motion: &Motion, question: &Question) -> Option<Due> {
        match question.due {
            Some(date) => Some(Due {
                date,
                from_rule: false,
            }),
            None => self.by_rule(motion),
        }
    }

    /// When a question of `motion` without a date of its own is due: the
    /// earliest the rules give.
    pub fn by_rule(&self, motion: &Motion) -> Option<Due> {
        let before = self.session_date(motion).and_then(|d| {
            d.checked_sub_days(Days::new(self.rules.answer_days_before_session.into()))
        });
        let inquiry = match (self.rules.inquiry_answer_days, motion.submitted) {
            (Some(days), Some(got)) if is_inquiry(&motion.kind) => {
                got.checked_add_days(Days::new(days.into()))
            }
            _ => None,
        };
        let date = match (before, inquiry) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }?;
        Some(Due {
            date,
            from_rule: true,
        })
    }

    /// How pressing `question` is on `today`; answered ones press not,
    /// nor those of motions that wait for no answer.
    pub fn state(&self, motion: &Motion, question: &Question, today: NaiveDate) -> DueState {
        if question.is_done() || !motion.state.counts() {
            return DueState::None;
        }
        DueState::of(self.due(motion, question).map(|d| d.date), today)
    }
}

impl Deadlines {
    /// The most pressing state among the questions of `motions`, and how
    /// many questions are in it; `(None, 0)` where nothing presses.
    pub fn worst<'m>(
        &self,
        motions: impl IntoIterator<Item = &'m Motion>,
        today: NaiveDate,
    ) -> (DueState, usize) {
        let questions = motions
            .into_iter()
            .flat_map(|m| m.questions.iter().map(move |q| (m, q)));
        self.worst_of(questions, today)
    }

    /// [`Deadlines::worst`] among some questions (those a filter lets
    /// through), each with its motion.
    pub fn worst_of<'m>(
        &self,
        questions: impl IntoIterator<Item = (&'m Motion, &'m Question)>,
        today: NaiveDate,
    ) -> (DueState, usize) {
        let mut worst = (DueState::None, 0);
        for (motion, question) in questions {
            let state = self.state(motion, question, today);
            if state < worst.0 {
                worst = (state, 1);
            } else if state == worst.0 && state != DueState::None {
                worst.1 += 1;
            }
        }
        if worst.0 == DueState::Later {
            return (DueState::Later, 0);
        }
        worst
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn data(session: &str, kind: &str, submitted: &str, due: Option<&str>) -> Dataset {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("s.toml"),
            format!("[session]\nid = \"s\"\ncommittee = \"Rat\"\ndate = {session}\n"),
        )
        .unwrap();
        let due = due.map(|d| format!("due = {d}\n")).unwrap_or_default();
        std::fs::write(
            dir.path().join("m.toml"),
            format!(
                "[motion]\nid = \"m\"\nkind = \"{kind}\"\ntitle = \"T\"\nsession = \"s\"\n\
                 submitted = {submitted}\n\n[[question]]\nnumber = \"1\"\ntext = \"?\"\n{due}"
            ),
        )
        .unwrap();
        (*crate::store::load(dir.path()).data).clone()
    }

    fn due_of(data: &Dataset, rules: Rules) -> Option<Due> {
        let m = &data.motions[0];
        Deadlines::new(data, rules).due(m, &m.questions[0])
    }

    #[test]
    fn seven_days_before_the_session_across_a_month_end_and_a_leap_day() {
        let d = data("2024-03-05", "Antrag", "2024-02-01", None);
        let due = due_of(&d, Rules::default()).unwrap();
        assert_eq!(due.date, day(2024, 2, 27));
        assert!(due.from_rule);
        let leap = data("2024-03-07", "Antrag", "2024-02-01", None);
        assert_eq!(
            due_of(&leap, Rules::default()).unwrap().date,
            day(2024, 2, 29)
        );
        let plain = data("2023-03-07", "Antrag", "2023-02-01", None);
        assert_eq!(
            due_of(&plain, Rules::default()).unwrap().date,
            day(2023, 2, 28)
        );
        let new_year = data("2025-01-03", "Antrag", "2024-12-01", None);
        assert_eq!(
            due_of(&new_year, Rules::default()).unwrap().date,
            day(2024, 12, 27)
        );
    }

    #[test]
    fn an_inquiry_is_due_by_the_earlier_rule_and_its_own_date_wins() {
        let rules = Rules {
            answer_days_before_session: 7,
            inquiry_answer_days: Some(21),
        };
        // Received 31 January: 21 days later is 21 February, before the
        // session's rule (1 March).
        let early = data("2024-03-08", "Große Anfrage", "2024-01-31", None);
        assert_eq!(due_of(&early, rules).unwrap().date, day(2024, 2, 21));
        // Only inquiries: an Antrag keeps the session's rule.
        let motion = data("2024-03-08", "Antrag", "2024-01-31", None);
        assert_eq!(due_of(&motion, rules).unwrap().date, day(2024, 3, 1));
        let own = data("2024-03-08", "Anfrage", "2024-01-31", Some("2024-03-06"));
        assert_eq!(
            due_of(&own, rules),
            Some(Due {
                date: day(2024, 3, 6),
                from_rule: false
            })
        );
    }

    #[test]
    fn states_by_days_left() {
        let today = day(2024, 2, 28);
        assert_eq!(
            DueState::of(Some(day(2024, 2, 27)), today),
            DueState::Overdue
        );
        assert_eq!(DueState::of(Some(today), today), DueState::Soon);
        assert_eq!(DueState::of(Some(day(2024, 3, 2)), today), DueState::Soon);
        assert_eq!(DueState::of(Some(day(2024, 3, 3)), today), DueState::Later);
        assert_eq!(DueState::of(None, today), DueState::None);
    }
}
