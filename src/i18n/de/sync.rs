//! What `agenda sync` and `agenda history` say, in German.

use crate::sync::git::GitError;
use crate::sync::history::Entry;
use crate::sync::run::{Outcome, Stage, Stopped};

pub(crate) fn stage(stage: Stage) -> &'static str {
    match stage {
        Stage::Committing => "Eigene Änderungen festhalten …",
        Stage::Fetching => "Änderungen der anderen holen …",
        Stage::Merging => "Zusammenführen …",
        Stage::Pushing => "Eigene Änderungen senden …",
    }
}

pub(crate) fn outcome(o: &Outcome) -> Vec<String> {
    let mut lines = Vec::new();
    match &o.committed {
        Some(message) => lines.push(format!("Festgehalten: {message}")),
        None => lines.push("Keine eigenen Änderungen.".into()),
    }
    if o.no_remote {
        lines.push(
            "Kein entferntes Repository eingerichtet: nur hier festgehalten, nichts ausgetauscht."
                .into(),
        );
    }
    for file in &o.merged_by_field {
        lines.push(format!("{file}: Feld für Feld zusammengeführt."));
    }
    if o.pushed {
        lines.push("Abgeglichen: die anderen sehen jetzt Ihre Änderungen.".into());
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
        "{file}: {record}{place}, {key}: hier „{ours}“, dort „{theirs}“. Behalten wurde „{ours}“; bitte klären und den Wert in der App setzen."
    )
}

pub(crate) fn stopped(s: &Stopped) -> String {
    match s {
        Stopped::Git(GitError::Missing) => "git ist auf diesem Computer nicht installiert. Installieren Sie git (git-scm.com) oder tauschen Sie den Ordner anders aus.".into(),
        Stopped::Git(GitError::NotARepository(dir)) => format!(
            "{} liegt in keinem git-Repository. agenda sync braucht einen Ordner, der mit git geteilt wird (git clone …).",
            dir.display()
        ),
        Stopped::Git(GitError::Failed { command, said }) => {
            format!("{command} ging nicht: {said}. Nichts ist verloren; versuchen Sie es später noch einmal.")
        }
        Stopped::Unmergeable(files) => format!(
            "Diese Dateien lassen sich nicht zusammenführen: {}. Das Zusammenführen wurde zurückgenommen; Ihre Änderungen sind festgehalten.",
            files.join(", ")
        ),
    }
}

pub(crate) fn entry(e: &Entry) -> String {
    let what: Vec<String> = e
        .what
        .iter()
        .map(|(k, v)| match v {
            Some(v) => format!("{k} = „{}“", short(v)),
            None => format!("{k} entfernt"),
        })
        .collect();
    format!(
        "{} · {} · Frage {}: {}",
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
    "Dazu ist keine Änderung verzeichnet.".into()
}
