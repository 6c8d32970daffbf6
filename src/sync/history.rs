//! The history of a motion's questions from git's log: each commit that
//! changed its file compared with its own parent (not with whatever came
//! before it in time: after a merge that would credit one office with the
//! other's state), question by question and field by field; and the
//! conflicts merge commits settled, credited to whoever merged.

use std::path::Path;

use super::decided;
use super::git::{Git, GitError};
use crate::model::{Motion, Question};

/// A change to one question in one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The question's number.
    pub question: String,
    /// Who: the commit's author, with the question's `updated_by` beside
    /// it where this change set it (see [`who`]).
    pub by: String,
    /// When, as git gives it (ISO 8601).
    pub at: String,
    /// The fields that changed, with their new value (`None`: removed);
    /// `question` without a value: the question was struck out.
    pub what: Fields,
    /// A conflict a merge settled: `what` holds the values kept.
    pub settled: bool,
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

/// The numbers of the questions `before` had and `after` has not.
pub fn removed(before: Option<&Motion>, after: &Motion) -> Vec<String> {
    let Some(before) = before else {
        return Vec::new();
    };
    before
        .questions
        .iter()
        .filter(|q| !after.questions.iter().any(|a| a.number == q.number))
        .map(|q| q.number.clone())
        .collect()
}

/// Who made a question's change: the commit's `author` (the office, as
/// git knows it), with the question's stamp beside it where the change
/// set it and it names someone else (the login of who saved it in the
/// app): "Anna Amt (mmuster)". Without an author, the stamp alone.
pub fn who(before: Option<&Motion>, after: &Motion, number: &str, author: &str) -> String {
    let find = |m: &Motion| m.questions.iter().find(|q| q.number == number).cloned();
    let (old, new) = (before.and_then(find), find(after));
    let stamped = new.as_ref().is_some_and(|n| {
        n.updated.is_some() && old.as_ref().is_none_or(|o| o.updated != n.updated)
    });
    let stamp = new.and_then(|q| q.updated_by).filter(|_| stamped);
    match (stamp, author.trim()) {
        (Some(s), "") => s,
        (Some(s), a) if s == a => s,
        (Some(s), a) => format!("{a} ({s})"),
        (None, a) => a.to_string(),
    }
}

/// A motion from a commit's version of a file.
fn motion_at(git: &Git, commit: &str, name: &str) -> Option<Motion> {
    let text = git.text(&["show", &format!("{commit}:{name}")]).ok()?;
    crate::store::parse_motion(&text)
}

/// Every change git has seen to the questions of the motion in `file`
/// (optionally only to `question`), oldest first.
pub fn history(git: &Git, file: &Path, question: Option<&str>) -> Result<Vec<Entry>, GitError> {
    let path = git.relative(file);
    // Each commit of its own with author, date, parent and the file's
    // name then (and before, where this commit renamed it).
    let log = git.text(&[
        "log",
        "--no-merges",
        "--follow",
        "--reverse",
        "--format=%x1e%H%x1f%an%x1f%aI%x1f%P",
        "--name-status",
        "--",
        &path,
    ])?;
    let mut entries = Vec::new();
    let mut names = vec![path.clone()];
    for record in log.split('\x1e').filter(|r| !r.trim().is_empty()) {
        let mut lines = record.lines();
        let head: Vec<&str> = lines.next().unwrap_or_default().split('\x1f').collect();
        let [hash, author, at, parents] = head[..] else {
            continue;
        };
        let Some(status) = lines.find(|l| !l.trim().is_empty()) else {
            continue;
        };
        let parts: Vec<&str> = status.split('\t').collect();
        let (name, old) = match parts[..] {
            [code, old, new] if code.starts_with('R') || code.starts_with('C') => (new, old),
            [_, name] => (name, name),
            _ => continue,
        };
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        let Some(after) = motion_at(git, hash, name) else {
            continue;
        };
        let parent = parents.split_whitespace().next();
        let before = parent.and_then(|p| motion_at(git, p, old));
        let mut found: Vec<(String, Fields)> = changes(before.as_ref(), &after);
        found.extend(
            removed(before.as_ref(), &after)
                .into_iter()
                .map(|n| (n, vec![("question".to_string(), None)])),
        );
        for (number, what) in found {
            if question.is_some_and(|q| q != number) {
                continue;
            }
            entries.push(Entry {
                by: who(before.as_ref(), &after, &number, author),
                question: number,
                at: at.to_string(),
                what,
                settled: false,
            });
        }
    }
    entries.extend(settled(git, &names, question)?);
    // Oldest first by the moment, whatever the zones of the offices.
    entries.sort_by_key(|e| chrono::DateTime::parse_from_rfc3339(&e.at).ok());
    Ok(entries)
}

/// The conflicts merges settled in the file (under any of its `names`):
/// the value kept, credited to whoever merged.
fn settled(git: &Git, names: &[String], question: Option<&str>) -> Result<Vec<Entry>, GitError> {
    let log = git.text(&[
        "log",
        "--merges",
        "--fixed-strings",
        "--grep=Agenda-Conflict:",
        "--format=%x1e%aI%x1f%B",
    ])?;
    let mut entries = Vec::new();
    for record in log.split('\x1e').filter(|r| !r.trim().is_empty()) {
        let Some((at, message)) = record.split_once('\x1f') else {
            continue;
        };
        let mut here: Vec<Entry> = Vec::new();
        for d in decided::read(message) {
            let Some(number) = d.number.clone() else {
                continue;
            };
            let ours = names.contains(&d.file) && d.table == "question" && !d.field.is_empty();
            if !ours || question.is_some_and(|q| q != number) {
                continue;
            }
            let field = (d.field.clone(), d.kept.as_deref().map(plain));
            // One line per question a merge settled, as for a commit.
            match here.iter_mut().find(|e| e.question == number) {
                Some(entry) => entry.what.push(field),
                None => here.push(Entry {
                    question: number,
                    by: d.by.clone(),
                    at: at.trim().to_string(),
                    what: vec![field],
                    settled: true,
                }),
            }
        }
        entries.append(&mut here);
    }
    Ok(entries)
}

/// A TOML value as people read it: a text without its quotes.
pub fn plain(toml: &str) -> String {
    toml.parse::<toml_edit::Value>()
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| toml.to_string())
}

/// "2022-09-07T14:05:00+02:00" as people read it: 07.09.2022 14:05 (the
/// time of day as the office that committed saw it).
pub fn when(at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => format!(
            "{} {}",
            crate::dates::date(t.date_naive()),
            t.format("%H:%M")
        ),
        Err(_) => at.to_string(),
    }
}
