//! What `agenda sync` and `agenda history` say, in English.

use crate::sync::git::GitError;
use crate::sync::history::Entry;
use crate::sync::run::{Outcome, Stage, Stopped};

pub(crate) fn stage(stage: Stage) -> &'static str {
    match stage {
        Stage::Committing => "Committing your changes …",
        Stage::Fetching => "Fetching the others' changes …",
        Stage::Merging => "Merging …",
        Stage::Pushing => "Sending your changes …",
    }
}

pub(crate) fn outcome(o: &Outcome) -> Vec<String> {
    let mut lines = Vec::new();
    match &o.committed {
        Some(message) => lines.push(format!("Committed: {message}")),
        None => lines.push("No changes of yours.".into()),
    }
    if o.no_remote {
        lines.push("No remote repository set up: committed here only, nothing exchanged.".into());
    }
    for file in &o.merged_by_field {
        lines.push(format!("{file}: merged field by field."));
    }
    if o.pushed {
        lines.push("Synced: the others see your changes now.".into());
    }
    lines
}

pub(crate) fn conflict(
    file: &str,
    record: &str,
    place: &str,
    key: &str,
    ours: &str,
    theirs: &str,
) -> String {
    format!(
        "{file}: {record}{place}, {key}: here \"{ours}\", there \"{theirs}\". \"{ours}\" was kept; please settle it and set the value in the app."
    )
}

pub(crate) fn stopped(s: &Stopped) -> String {
    match s {
        Stopped::Git(GitError::Missing) => "git is not installed on this computer. Install git (git-scm.com), or share the folder another way.".into(),
        Stopped::Git(GitError::NotARepository(dir)) => format!(
            "{} is in no git repository. agenda sync needs a folder shared through git (git clone …).",
            dir.display()
        ),
        Stopped::Git(GitError::Failed { command, said }) => {
            format!("{command} failed: {said}. Nothing is lost; try again later.")
        }
        Stopped::Unmergeable(files) => format!(
            "These files cannot be merged: {}. The merge was taken back; your changes are committed.",
            files.join(", ")
        ),
    }
}

pub(crate) fn entry(e: &Entry) -> String {
    let what: Vec<String> = e
        .what
        .iter()
        .map(|(k, v)| match v {
            Some(v) => format!("{k} = \"{}\"", short(v)),
            None => format!("{k} removed"),
        })
        .collect();
    format!(
        "{} · {} · question {}: {}",
        e.at,
        e.by,
        e.question,
        what.join(", ")
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
