//! What `agenda sync` and `agenda history` say, in English.

use super::English;
use crate::i18n::Texts;
use crate::model::Status;
use crate::sync::arrived::{Arrived, Came};
use crate::sync::decided::Decided;
use crate::sync::git::GitError;
use crate::sync::history::{Entry, plain, when};
use crate::sync::run::{Outcome, Stage, Stopped};

pub(crate) fn stage(stage: Stage) -> &'static str {
    match stage {
        Stage::Committing => "Committing your changes …",
        Stage::Fetching => "Fetching the others' changes …",
        Stage::Merging => "Merging …",
        Stage::Pushing => "Sending your changes …",
    }
}

/// At most this many files that came are named, one a line.
const NAMED: usize = 10;

/// A line each; the conflicts last, one a line (the command line sends
/// those to standard error).
pub(crate) fn outcome(o: &Outcome) -> Vec<String> {
    let mut lines = Vec::new();
    match (&o.committed, o.sent.is_empty()) {
        (Some(_), false) => {
            let mut sent: Vec<String> = o.sent.iter().take(NAMED).map(what).collect();
            if o.sent.len() > NAMED {
                sent.push(format!("{} more files", o.sent.len() - NAMED));
            }
            lines.push(format!("Committed: {}.", sent.join("; ")));
        }
        (Some(message), true) => lines.push(format!("Committed: {message}")),
        (None, _) => lines.push("No changes of yours.".into()),
    }
    if o.no_remote {
        lines.push("No remote repository set up: committed here only, nothing exchanged.".into());
    }
    lines.extend(o.arrived.iter().take(NAMED).map(arrived));
    if o.arrived.len() > NAMED {
        lines.push(format!(
            "From the others: {} more files.",
            o.arrived.len() - NAMED
        ));
    }
    if o.pushed {
        lines.push("Sent: the others see your changes now.".into());
    } else if !o.no_remote {
        lines.push("Nothing of yours to send: you are up to date with the others.".into());
    }
    lines.extend(o.decided_elsewhere.iter().map(elsewhere));
    lines.extend(o.conflicts.iter().map(here));
    lines
}

fn record(title: &Option<String>, file: &str) -> String {
    match title {
        Some(title) => format!("\"{title}\""),
        None => file.to_string(),
    }
}

fn arrived(a: &Arrived) -> String {
    let what = what(a);
    match a.by.is_empty() {
        true => format!("From the others: {what}."),
        false => format!("From the others: {what} (by {}).", a.by.join(", ")),
    }
}

/// A file changed, as people read it: "Title", question 2.
fn what(a: &Arrived) -> String {
    let record = record(&a.title, &a.file);
    let mut what = match a.came {
        Came::New => format!("{record} new"),
        Came::Deleted => format!("{record} deleted"),
        Came::Changed => match a.questions.len() {
            0 => format!("{record} changed"),
            1 => format!("{record}, question {}", a.questions[0]),
            _ => format!("{record}, questions {}", a.questions.join(", ")),
        },
    };
    if !a.removed.is_empty() {
        what.push_str(&format!(", struck out: question {}", a.removed.join(", ")));
    }
    what
}

/// "\"KIM report\", question 3, answer".
fn place(d: &Decided) -> String {
    let mut out = format!("{}: {}", d.file, record(&d.title, &d.file));
    match (&d.number, d.table.as_str()) {
        (Some(n), "question") => out.push_str(&format!(", question {n}")),
        (Some(n), _) => out.push_str(&format!(", agenda item {n}")),
        (None, _) => {}
    }
    if !d.field.is_empty() {
        out.push_str(&format!(", {}", field(&d.field)));
    }
    out
}

/// A value of a conflict as people read it.
fn value(d: &Decided, v: &Option<String>) -> String {
    match v.as_deref() {
        None if d.field.is_empty() => "deleted".into(),
        None => "empty".into(),
        Some("…") => "changed".into(),
        Some(v) => format!("\"{}\"", shown(&d.field, &plain(v))),
    }
}

fn here(d: &Decided) -> String {
    let (ours, theirs) = (value(d, &d.kept), value(d, &d.replaced));
    format!(
        "{}: here {ours}, there {theirs}. Yours ({ours}) was kept and sent; the others are told at their next sync. If theirs is right, set it again and sync.",
        place(d)
    )
}

fn elsewhere(d: &Decided) -> String {
    let (kept, yours) = (value(d, &d.kept), value(d, &d.replaced));
    format!(
        "{}: decided elsewhere by {}: kept {kept}, yours was {yours}. If yours is right, set it again and sync.",
        place(d),
        d.by
    )
}
pub(crate) fn stopped(s: &Stopped) -> String {
    match s {
        Stopped::Git(GitError::Missing) => "git is not installed on this computer. Install git (git-scm.com), or share the folder another way.".into(),
        Stopped::Git(GitError::NotARepository(dir)) => format!(
            "{} is in no git repository. Sync and history need a folder shared through git (git clone …).",
            dir.display()
        ),
        Stopped::Git(GitError::Failed { command, said }) => {
            format!("{command} failed: {}. Nothing is lost; try again later.", one_line(said))
        }
        Stopped::Unmergeable(files) => format!(
            "These files cannot be merged: {}. They are no data files of agenda; someone changed them here and elsewhere. The merge was taken back; your changes are committed. Settle these files with git, then sync again.",
            files.join(", ")
        ),
        Stopped::Blocked(files) => format!(
            "The others' changes could not be taken in: these files were changed on this computer and the others changed them too: {}. agenda sync sends only the data files. Keep a copy of them elsewhere, undo your change to them (or commit it with git), then sync again. Nothing was lost.",
            files.join(", ")
        ),
        Stopped::Invalid(files) => format!(
            "Not sent: these files have errors: {}. Fix them first (agenda check shows what is wrong and where), then sync again. Nothing was committed or sent.",
            files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
        ),
        Stopped::NoQuestion { motion, number, known } => format!(
            "{motion} has no question {number}; its questions: {}.",
            known.join(", ")
        ),
    }
}

/// git's words in one line.
fn one_line(said: &str) -> String {
    let lines: Vec<&str> = said
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

fn field(key: &str) -> &'static str {
    match key {
        "text" => "question text",
        "status" => "status",
        "assignee" => "assignee",
        "due" => "due date",
        "answer" => "answer",
        "question" => "question",
        other => English.field_label(other),
    }
}

/// A value of a field in words: a status as the app names it, a date as
/// 07.09.2022.
fn shown(key: &str, value: &str) -> String {
    match key {
        "status" => Status::parse(value)
            .map_or(value, |s| English.status(s))
            .to_string(),
        "due" => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_or_else(|_| value.to_string(), crate::dates::date),
        _ => short(value),
    }
}

pub(crate) fn entry(e: &Entry) -> String {
    let what: Vec<String> = e
        .what
        .iter()
        .map(|(k, v)| match (k.as_str(), v) {
            ("question", None) => "struck out".into(),
            ("status" | "due", Some(v)) => format!("{}: {}", field(k), shown(k, v)),
            (_, Some(v)) => format!("{}: \"{}\"", field(k), shown(k, v)),
            (_, None) => format!("{}: removed", field(k)),
        })
        .collect();
    let question = match e.settled {
        true => format!("question {} (kept in a merge)", e.question),
        false => format!("question {}", e.question),
    };
    format!(
        "{} · {} · {question}: {}",
        when(&e.at),
        e.by,
        what.join("; ")
    )
}

fn short(v: &str) -> String {
    let line = v.replace('\n', " ");
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

pub(crate) fn no_history() -> String {
    "No change to it is recorded.".into()
}
