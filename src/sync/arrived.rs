//! What a sync brought from the others: per file, the motion and its
//! questions that changed, and who changed them.

use super::files::{is_data, prefix};
use super::git::{Git, GitError};
use super::history::{changes, removed, who};
use crate::edit::names::TRASH;

/// How a file came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Came {
    New,
    Changed,
    Deleted,
}

/// One file the others changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrived {
    /// Relative to the repository's top.
    pub file: String,
    /// The motion's title, or the session's committee and date.
    pub title: Option<String>,
    pub came: Came,
    /// The questions changed or new, and those struck out.
    pub questions: Vec<String>,
    pub removed: Vec<String>,
    /// Who: the questions' stamps, else the commits' authors.
    pub by: Vec<String>,
}

/// The data files below `folder` that differ from `old` (`None`: this
/// side had no commit yet) to `new`, and how.
pub fn between(
    git: &Git,
    folder: &str,
    old: Option<&str>,
    new: &str,
) -> Result<Vec<Arrived>, GitError> {
    let listed = match old {
        Some(old) => git.text(&[
            "diff",
            "--name-status",
            "--no-renames",
            old,
            new,
            "--",
            folder,
        ])?,
        None => git
            .text(&["ls-tree", "-r", "--name-only", new, "--", folder])?
            .lines()
            .map(|l| format!("A\t{l}\n"))
            .collect(),
    };
    let (prefix, trash) = (prefix(folder), format!("{}{TRASH}/", prefix(folder)));
    let motion = |commit: Option<&str>, file: &str| {
        let text = git.text(&["show", &format!("{}:{file}", commit?)]).ok()?;
        crate::store::parse_motion(&text)
    };
    // A session by its committee and date, as the lists show it.
    let session = |commit: Option<&str>, file: &str| {
        let text = git.text(&["show", &format!("{}:{file}", commit?)]).ok()?;
        let s = crate::store::parse_session(&text)?;
        Some(format!("{} {}", s.committee, crate::dates::date(s.date)))
    };
    let mut out = Vec::new();
    for line in listed.lines() {
        let Some((code, file)) = line.split_once('\t') else {
            continue;
        };
        let data = file.strip_prefix(&prefix).is_some_and(is_data);
        if !data || file.starts_with(&trash) {
            continue;
        }
        let came = match code {
            "A" => Came::New,
            "D" => Came::Deleted,
            _ => Came::Changed,
        };
        let (before, after) = (motion(old, file), motion(Some(new), file));
        let mut arrived = Arrived {
            file: file.to_string(),
            title: (after.as_ref().or(before.as_ref()).map(|m| m.title.clone()))
                .or_else(|| session(Some(new), file))
                .or_else(|| session(old, file)),
            came,
            questions: Vec::new(),
            removed: Vec::new(),
            by: Vec::new(),
        };
        if let (Some(after), Came::Changed) = (&after, came) {
            for (number, _) in changes(before.as_ref(), after) {
                push(&mut arrived.by, who(before.as_ref(), after, &number, ""));
                arrived.questions.push(number);
            }
            arrived.removed = removed(before.as_ref(), after);
        }
        // Where no stamp tells, the authors of the commits that came.
        if arrived.by.is_empty() || !arrived.removed.is_empty() {
            let range = match old {
                Some(old) => format!("{old}..{new}"),
                None => new.to_string(),
            };
            let authors = git.text(&["log", "--no-merges", "--format=%an", &range, "--", file])?;
            for author in authors.lines() {
                push(&mut arrived.by, author.to_string());
            }
        }
        out.push(arrived);
    }
    Ok(out)
}

fn push(list: &mut Vec<String>, name: String) {
    if !name.is_empty() && !list.contains(&name) {
        list.push(name);
    }
}
