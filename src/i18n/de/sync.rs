//! What `agenda sync` and `agenda history` say, in German.

use super::German;
use crate::i18n::Texts;
use crate::model::Status;
use crate::sync::arrived::{Arrived, Came};
use crate::sync::decided::Decided;
use crate::sync::git::GitError;
use crate::sync::history::{Entry, plain, when};
use crate::sync::run::{Outcome, Stage, Stopped};

pub(crate) fn stage(stage: Stage) -> &'static str {
    match stage {
        Stage::Committing => "Eigene Änderungen festhalten …",
        Stage::Fetching => "Änderungen der anderen holen …",
        Stage::Merging => "Zusammenführen …",
        Stage::Pushing => "Eigene Änderungen senden …",
    }
}

/// Höchstens so viele angekommene Dateien werden einzeln genannt.
const NAMED: usize = 10;

/// Eine Zeile je Aussage; die Widersprüche zuletzt, einer je Zeile (die
/// Kommandozeile schreibt sie in die Fehlerausgabe).
pub(crate) fn outcome(o: &Outcome) -> Vec<String> {
    let mut lines = Vec::new();
    match (&o.committed, o.sent.is_empty()) {
        (Some(_), false) => {
            let mut sent: Vec<String> = o.sent.iter().take(NAMED).map(what).collect();
            if o.sent.len() > NAMED {
                sent.push(format!("{} weitere Dateien", o.sent.len() - NAMED));
            }
            lines.push(format!("Festgehalten: {}.", sent.join("; ")));
        }
        (Some(message), true) => lines.push(format!("Festgehalten: {message}")),
        (None, _) => lines.push("Keine eigenen Änderungen.".into()),
    }
    if o.no_remote {
        lines.push(
            "Kein entferntes Repository eingerichtet: nur hier festgehalten, nichts ausgetauscht."
                .into(),
        );
    }
    lines.extend(o.arrived.iter().take(NAMED).map(arrived));
    if o.arrived.len() > NAMED {
        lines.push(format!(
            "Von den anderen: {} weitere Dateien.",
            o.arrived.len() - NAMED
        ));
    }
    if o.pushed {
        lines.push("Gesendet: die anderen sehen jetzt Ihre Änderungen.".into());
    } else if !o.no_remote {
        lines.push("Nichts Eigenes zu senden: Sie sind auf dem Stand der anderen.".into());
    }
    lines.extend(o.decided_elsewhere.iter().map(elsewhere));
    lines.extend(o.conflicts.iter().map(here));
    lines
}

fn record(title: &Option<String>, file: &str) -> String {
    match title {
        Some(title) => format!("„{title}“"),
        None => file.to_string(),
    }
}

fn arrived(a: &Arrived) -> String {
    let what = what(a);
    match a.by.is_empty() {
        true => format!("Von den anderen: {what}."),
        false => format!("Von den anderen: {what} (von {}).", a.by.join(", ")),
    }
}

/// A file changed, as people read it: „Titel“, Frage 2.
fn what(a: &Arrived) -> String {
    let record = record(&a.title, &a.file);
    let mut what = match a.came {
        Came::New => format!("{record} neu"),
        Came::Deleted => format!("{record} gelöscht"),
        Came::Changed => match a.questions.len() {
            0 => format!("{record} geändert"),
            1 => format!("{record}, Frage {}", a.questions[0]),
            _ => format!("{record}, Fragen {}", a.questions.join(", ")),
        },
    };
    if !a.removed.is_empty() {
        what.push_str(&format!(", gestrichen: Frage {}", a.removed.join(", ")));
    }
    what
}

/// "„KIM-Bericht“, Frage 3, Antwort".
fn place(d: &Decided) -> String {
    let mut out = format!("{}: {}", d.file, record(&d.title, &d.file));
    match (&d.number, d.table.as_str()) {
        (Some(n), "question") => out.push_str(&format!(", Frage {n}")),
        (Some(n), _) => out.push_str(&format!(", TOP {n}")),
        (None, _) => {}
    }
    if !d.field.is_empty() {
        out.push_str(&format!(", {}", field(&d.field)));
    }
    out
}

/// Ein Wert eines Widerspruchs, wie man ihn liest.
fn value(d: &Decided, v: &Option<String>) -> String {
    match v.as_deref() {
        None if d.field.is_empty() => "gelöscht".into(),
        None => "leer".into(),
        Some("…") => "geändert".into(),
        Some(v) => format!("„{}“", shown(&d.field, &plain(v))),
    }
}

fn here(d: &Decided) -> String {
    let (ours, theirs) = (value(d, &d.kept), value(d, &d.replaced));
    format!(
        "{}: hier {ours}, dort {theirs}. Ihr Wert ({ours}) wurde behalten und gesendet; die anderen erfahren es bei ihrem nächsten Abgleich. Wenn deren Wert stimmt, setzen Sie ihn neu und gleichen Sie ab.",
        place(d)
    )
}

fn elsewhere(d: &Decided) -> String {
    let (kept, yours) = (value(d, &d.kept), value(d, &d.replaced));
    format!(
        "{}: anderswo entschieden von {}: behalten wurde {kept}, Ihr Wert war {yours}. Wenn Ihr Wert stimmt, setzen Sie ihn neu und gleichen Sie ab.",
        place(d),
        d.by
    )
}
pub(crate) fn stopped(s: &Stopped) -> String {
    match s {
        Stopped::Git(GitError::Missing) => "git ist auf diesem Computer nicht installiert. Installieren Sie git (git-scm.com) oder tauschen Sie den Ordner anders aus.".into(),
        Stopped::Git(GitError::NotARepository(dir)) => format!(
            "{} liegt in keinem git-Repository. Abgleich (sync) und Verlauf (history) brauchen einen Ordner, der mit git geteilt wird (git clone …).",
            dir.display()
        ),
        Stopped::Git(GitError::Failed { command, said }) => {
            format!("{command} ging nicht: {}. Nichts ist verloren; versuchen Sie es später noch einmal.", one_line(said))
        }
        Stopped::Unmergeable(files) => format!(
            "Diese Dateien lassen sich nicht zusammenführen: {}. Es sind keine Datendateien von agenda; sie wurden hier und anderswo geändert. Das Zusammenführen wurde zurückgenommen; Ihre Änderungen sind festgehalten. Klären Sie diese Dateien mit git und gleichen Sie dann erneut ab.",
            files.join(", ")
        ),
        Stopped::Blocked(files) => format!(
            "Die Änderungen der anderen konnten nicht übernommen werden: diese Dateien wurden auf diesem Computer geändert und auch von den anderen: {}. agenda sync sendet nur die Datendateien. Legen Sie eine Kopie davon anderswo ab, nehmen Sie Ihre Änderung daran zurück (oder halten Sie sie mit git fest) und gleichen Sie dann erneut ab. Nichts ist verloren.",
            files.join(", ")
        ),
        Stopped::Invalid(files) => format!(
            "Nicht gesendet: diese Dateien haben Fehler: {}. Beheben Sie sie zuerst (agenda check zeigt, was wo falsch ist) und gleichen Sie dann erneut ab. Nichts wurde festgehalten oder gesendet.",
            files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
        ),
        Stopped::NoQuestion { motion, number, known } => format!(
            "{motion} hat keine Frage {number}; vorhanden sind die Fragen {}.",
            known.join(", ")
        ),
    }
}

/// Die Worte von git in einer Zeile.
fn one_line(said: &str) -> String {
    let lines: Vec<&str> = said
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

fn field(key: &str) -> &'static str {
    let labels = German.labels();
    match key {
        "text" => "Fragetext",
        "status" => labels.status,
        "assignee" => labels.assignee,
        "due" => labels.due,
        "answer" => labels.answer,
        "question" => labels.question,
        other => German.field_label(other),
    }
}

/// Ein Wert in Worten: ein Status, wie die App ihn nennt, ein Datum als
/// 07.09.2022.
fn shown(key: &str, value: &str) -> String {
    match key {
        "status" => Status::parse(value)
            .map_or(value, |s| German.status(s))
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
            ("question", None) => "gestrichen".into(),
            ("status" | "due", Some(v)) => format!("{}: {}", field(k), shown(k, v)),
            (_, Some(v)) => format!("{}: „{}“", field(k), shown(k, v)),
            (_, None) => format!("{}: entfernt", field(k)),
        })
        .collect();
    let question = match e.settled {
        true => format!("Frage {} (beim Zusammenführen behalten)", e.question),
        false => format!("Frage {}", e.question),
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
    "Dazu ist keine Änderung verzeichnet.".into()
}
