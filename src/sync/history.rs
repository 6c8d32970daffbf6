//! The history of a motion's questions from git's log: each version of
//! its file compared with the one before, question by question and field
//! by field: who, when, what.

use std::path::Path;

use super::git::{Git, GitError};
use crate::model::{Motion, Question};

/// A change to one question in one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The question's number.
    pub question: String,
    /// Who: the question's `updated_by` where this change set it, else
    /// the commit's author.
    pub by: String,
    /// When, as git gives it (ISO 8601).
    pub at: String,
    /// The fields that changed, with their new value (`None`: removed).
    pub what: Fields,
}

/// The fields of a question, as history names them.
fn fields(q: &Question) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("text", Some(q.text.clone())),
        ("status", Some(q.status.as_str().to_string())),
        ("assignee", q.assignee.clone()),
        ("due", q.due.map(|d| d.format("%Y-%m-%d").to_string())),
        ("answer", q.answer.clone()),
    ]
}

/// Fields with their new values (`None`: removed).
pub type Fields = Vec<(String, Option<String>)>;

/// What changed from `before` to `after`, per question (by number): the
/// questions new, and the fields of those there before.
pub fn changes(before: Option<&Motion>, after: &Motion) -> Vec<(String, Fields)> {
    let mut out = Vec::new();
    for question in &after.questions {
        let old = before.and_then(|m| m.questions.iter().find(|q| q.number == question.number));
        let was = old.map(fields);
        let what: Fields = fields(question)
            .into_iter()
            .enumerate()
            .filter(|(i, (_, v))| was.as_ref().is_none_or(|w| w[*i].1 != *v))
            .filter(|(_, (_, v))| v.is_some() || old.is_some())
            .map(|(_, (k, v))| (k.to_string(), v))
            .collect();
        if !what.is_empty() {
            out.push((question.number.clone(), what));
        }
    }
    out
}

/// Every change git has seen to the questions of the motion in `file`
/// (optionally only to `question`), oldest first.
pub fn history(git: &Git, file: &Path, question: Option<&str>) -> Result<Vec<Entry>, GitError> {
    let path = git.relative(file);
    // Each commit with its author, date and the file's name then.
    let log = git.text(&[
        "log",
        "--follow",
        "--reverse",
        "--format=%x1e%H%x1f%an%x1f%aI",
        "--name-only",
        "--",
        &path,
    ])?;
    let mut entries = Vec::new();
    let mut before: Option<Motion> = None;
    for record in log.split('\x1e').filter(|r| !r.trim().is_empty()) {
        let mut lines = record.lines();
        let head: Vec<&str> = lines.next().unwrap_or_default().split('\x1f').collect();
        let [hash, author, at] = head[..] else {
            continue;
        };
        let name = lines.find(|l| !l.trim().is_empty()).unwrap_or(&path);
        let Ok(text) = git.text(&["show", &format!("{hash}:{name}")]) else {
            continue;
        };
        let Some(motion) = crate::store::parse_motion(&text) else {
            continue;
        };
        for (number, what) in changes(before.as_ref(), &motion) {
            if question.is_some_and(|q| q != number) {
                continue;
            }
            let stamped = what.iter().any(|(k, _)| k != "text");
            let by = motion
                .questions
                .iter()
                .find(|q| q.number == number)
                .and_then(|q| q.updated_by.clone())
                .filter(|_| stamped)
                .unwrap_or_else(|| author.to_string());
            entries.push(Entry {
                question: number,
                by,
                at: at.to_string(),
                what,
            });
        }
        before = Some(motion);
    }
    Ok(entries)
}
