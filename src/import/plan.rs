//! A parsed letter as the changes that write it: the motion file, and the
//! session first where the letter's is not there yet.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::session::matching_session;
use crate::edit::layout::{Key, file_text, new_file};
use crate::edit::record::{list, text};
use crate::edit::{Change, names};
use crate::letter::Letter;
use crate::model::Dataset;

/// What importing one letter writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The new motion file.
    pub motion: Change,
    pub path: PathBuf,
    /// Its whole text, as it will be written.
    pub text: String,
    /// A session made for the letter, where none matched.
    pub new_session: Option<Change>,
    pub summary: Summary,
    /// The file of the motion that is this letter already, if any: then
    /// nothing is written (a dry run still shows what the letter gives).
    pub duplicate: Option<PathBuf>,
}

/// A letter in one line: "Anfrage, DIE LINKE, 4 Fragen, Sitzung 07.09.2022".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub kind: String,
    pub title: String,
    pub submitters: Vec<String>,
    pub questions: usize,
    /// The session's committee and date, if the motion has one.
    pub session: Option<(String, NaiveDate)>,
    /// Whether that session is made by the import.
    pub session_new: bool,
}

/// Why a letter is not imported; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No title could be read: without it the motion cannot be named.
    NoTitle,
    /// No questions (allowed on request: Anträge sometimes have none).
    NoQuestions,
}

/// The file of a motion in `data` that is this letter already: the same
/// title, groups and date, or the same reference.
pub fn duplicate_of(data: &Dataset, letter: &Letter) -> Option<PathBuf> {
    let title = letter.title.as_deref()?;
    data.motions
        .iter()
        .find(|m| {
            let same_letter = m.title == title
                && m.submitters == letter.submitters
                && m.submitted == letter.submitted;
            let same_reference = letter.reference.is_some() && m.reference == letter.reference;
            same_letter || same_reference
        })
        .map(|m| data.path(m.source).to_path_buf())
}

/// The numbers of the questions in which `letter` differs from the motion
/// in the file at `path` (a corrected version of a letter read before):
/// what to take over by hand, since the import refuses it.
pub fn differing(data: &Dataset, letter: &Letter, path: &std::path::Path) -> Vec<String> {
    let Some(motion) = data.motions.iter().find(|m| data.path(m.source) == path) else {
        return Vec::new();
    };
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: Vec<String> = Vec::new();
    for (number, text) in &letter.questions {
        let here = motion.questions.iter().find(|q| &q.number == number);
        if here.is_none_or(|q| words(&q.text) != words(text)) {
            out.push(number.clone());
        }
    }
    for q in &motion.questions {
        if !letter.questions.iter().any(|(n, _)| n == &q.number) && !out.contains(&q.number) {
            out.push(q.number.clone());
        }
    }
    out
}

/// The session a letter is for: the id of one that matches, or of one to
/// make (with the change that makes it), or none where the letter names
/// no date (or no committee for a session not there yet).
pub fn session_for(data: &Dataset, letter: &Letter) -> (Option<String>, Option<Change>) {
    let Some(date) = letter.session_date else {
        return (None, None);
    };
    if let Some(s) = matching_session(data, letter.committee.as_deref(), date) {
        return (Some(s.id.clone()), None);
    }
    let Some(committee) = &letter.committee else {
        return (None, None);
    };
    let id = names::session_id(data, committee, date);
    let folder = names::folder(
        data.sessions.iter().map(|s| data.path(s.source)),
        "sitzungen",
    );
    let path = names::new_file(data, &folder, &id);
    let keys: Vec<Key> = vec![
        ("id", Some(text(&id))),
        ("committee", Some(text(committee))),
        ("date", Some(date.format("%Y-%m-%d").to_string())),
    ];
    (Some(id), Some(new_file(path, "session", &keys)))
}

/// The changes that import `letter` into `data`.
pub fn plan(
    data: &Dataset,
    letter: &Letter,
    today: NaiveDate,
    allow_no_questions: bool,
) -> Result<Plan, Refused> {
    let title = letter.title.clone().ok_or(Refused::NoTitle)?;
    if letter.questions.is_empty() && !allow_no_questions {
        return Err(Refused::NoQuestions);
    }
    let duplicate = duplicate_of(data, letter);
    let (session_id, new_session) = session_for(data, letter);
    let session = session_id
        .as_deref()
        .and_then(|id| data.session(id))
        .map(|s| (s.committee.clone(), s.date))
        .or_else(|| {
            letter
                .committee
                .clone()
                .zip(letter.session_date)
                .filter(|_| new_session.is_some())
        });
    let kind = letter.kind.clone().unwrap_or_else(|| "Antrag".to_string());
    let year = letter.submitted.unwrap_or(today).year();
    let id = names::motion_id(data, &title, year);
    let folder = names::folder(data.motions.iter().map(|m| data.path(m.source)), "antraege");
    let path = names::new_file(data, &folder, &id);
    let signatories = (!letter.signatories.is_empty())
        .then(|| crate::edit::record::signatories(&letter.signatories));
    let keys: Vec<Key> = vec![
        ("id", Some(text(&id))),
        ("kind", Some(text(&kind))),
        ("basis", letter.basis.as_deref().map(text)),
        ("title", Some(text(&title))),
        (
            "submitted",
            letter.submitted.map(|d| d.format("%Y-%m-%d").to_string()),
        ),
        (
            "submitters",
            (!letter.submitters.is_empty()).then(|| list(&letter.submitters)),
        ),
        ("signatories", signatories),
        ("addressee", letter.addressee.as_deref().map(text)),
        ("session", session_id.as_deref().map(text)),
        ("reference", letter.reference.as_deref().map(text)),
        ("proposal", letter.proposal.as_deref().map(text)),
        ("rationale", letter.rationale.as_deref().map(text)),
    ];
    let mut out = file_text("motion", &keys);
    out.push_str(&crate::edit::layout::questions_text(&letter.questions));
    let motion = Change::File(crate::edit::FileChange {
        path: path.clone(),
        before: None,
        after: Some(out.clone()),
    });
    Ok(Plan {
        motion,
        path,
        text: out,
        new_session: new_session.clone(),
        summary: Summary {
            kind,
            title,
            submitters: letter.submitters.clone(),
            questions: letter.questions.len(),
            session,
            session_new: new_session.is_some(),
        },
        duplicate,
    })
}
