//! Deutsch.

use std::path::Path;

use chrono::Weekday;

use super::{Keys, Labels, ReportWords, Texts};
use crate::config::ConfigProblem;
use crate::edit::{Change, Conflict};
use crate::input::{Action, Context};
use crate::model::Status;
use crate::note::Note;
use crate::store::{Problem, Severity};

mod actions;
mod cli;
mod config;
mod notes;
mod oparl;
mod problems;
mod sync;
mod words;

pub(super) struct German;

impl Texts for German {
    fn problem(&self, problem: &Problem) -> String {
        problems::problem(problem)
    }

    fn oparl(&self, say: &crate::oparl::Say) -> String {
        oparl::say(say)
    }

    fn calendar_words(&self) -> super::CalendarWords {
        super::CalendarWords {
            name: "Sitzungen und Fristen",
            question: "Frage",
            due: |n| match n {
                1 => "Frist: 1 Frage zu beantworten".into(),
                n => format!("Frist: {n} Fragen zu beantworten"),
            },
        }
    }

    fn sync_stage(&self, stage: crate::sync::run::Stage) -> &'static str {
        sync::stage(stage)
    }

    fn sync_outcome(&self, outcome: &crate::sync::run::Outcome) -> Vec<String> {
        sync::outcome(outcome)
    }

    fn sync_stopped(&self, stopped: &crate::sync::run::Stopped) -> String {
        sync::stopped(stopped)
    }

    fn history_entry(&self, entry: &crate::sync::history::Entry) -> String {
        sync::entry(entry)
    }

    fn no_history(&self) -> String {
        sync::no_history()
    }

    fn oparl_progress(&self) -> &'static str {
        "Objekte aus dem Ratsinformationssystem gelesen"
    }

    fn oparl_no_source(&self) -> String {
        "Woher? Geben Sie eine JSON-Datei oder die Adresse des Ratsinformationssystems an (agenda import oparl https://…), oder tragen Sie sie unter [oparl] url in config.toml ein.".into()
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "Fehler",
            Severity::Warning => "Warnung",
        }
    }

    fn check_summary(&self, errors: usize, warnings: usize, files: usize) -> String {
        let files = match files {
            1 => "1 Datei".to_string(),
            n => format!("{n} Dateien"),
        };
        match (errors, warnings) {
            (0, 0) => format!("Keine Probleme in {files}."),
            _ => {
                let errors = match errors {
                    1 => "1 Fehler".to_string(),
                    n => format!("{n} Fehler"),
                };
                let warnings = match warnings {
                    1 => "1 Warnung".to_string(),
                    n => format!("{n} Warnungen"),
                };
                format!("{errors}, {warnings} in {files}.")
            }
        }
    }

    fn days_left(&self, days: i64) -> String {
        match days {
            0 => "heute".into(),
            1 => "morgen".into(),
            -1 => "gestern".into(),
            d if d > 1 => format!("in {d} Tagen"),
            d => format!("vor {} Tagen", -d),
        }
    }

    fn due_in(&self, days: i64) -> String {
        match days {
            0 => "heute fällig".into(),
            1 => "morgen fällig".into(),
            d if d > 1 => format!("noch {d} Tage"),
            -1 => "1 Tag überfällig".into(),
            d => format!("{} Tage überfällig", -d),
        }
    }

    fn weekday(&self, day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "Mo",
            Weekday::Tue => "Di",
            Weekday::Wed => "Mi",
            Weekday::Thu => "Do",
            Weekday::Fri => "Fr",
            Weekday::Sat => "Sa",
            Weekday::Sun => "So",
        }
    }

    fn weekday_long(&self, day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "Montag",
            Weekday::Tue => "Dienstag",
            Weekday::Wed => "Mittwoch",
            Weekday::Thu => "Donnerstag",
            Weekday::Fri => "Freitag",
            Weekday::Sat => "Samstag",
            Weekday::Sun => "Sonntag",
        }
    }

    fn answered(&self, answered: usize, total: usize) -> String {
        match total {
            0 => "noch keine Fragen".into(),
            _ => format!("{answered}/{total} beantwortet"),
        }
    }

    fn agenda_item(&self, number: &str) -> String {
        format!("TOP {number}")
    }

    fn not_on_agenda(&self) -> &'static str {
        "noch nicht auf der Tagesordnung"
    }

    fn without_session(&self) -> &'static str {
        "Anträge ohne Sitzung"
    }

    fn no_sessions(&self) -> &'static str {
        "Keine Sitzungen gefunden."
    }

    fn empty_folder(&self, dir: &Path) -> String {
        format!(
            "In {} liegen keine Sitzungen oder Anträge (.toml-Dateien). Ist das der richtige Ordner? Sonst geben Sie ihn nach dem Befehl an.",
            dir.display()
        )
    }

    fn example_created(&self, dir: &Path) -> String {
        format!(
            "Noch keine Daten vorhanden: das Beispiel wurde in {} angelegt.",
            dir.display()
        )
    }

    fn dir_missing(&self, dir: &Path) -> String {
        format!(
            "Den Ordner {} gibt es nicht. Prüfen Sie den Pfad.",
            dir.display()
        )
    }

    fn data_folder(&self, dir: &Path) -> String {
        format!("Datenordner: {}", dir.display())
    }

    fn dir_missing_in_git(&self, dir: &Path, top: &Path) -> String {
        format!(
            "Den Ordner {} gibt es hier noch nicht. Er liegt im geteilten git-Ordner {}: haben die anderen ihn schon angelegt, holen Sie ihn mit „git pull“ dort; sonst legen Sie ihn an.",
            dir.display(),
            top.display()
        )
    }

    fn not_a_dir(&self, dir: &Path) -> String {
        format!(
            "{} ist eine Datei, kein Ordner. Geben Sie den Ordner mit den TOML-Dateien an.",
            dir.display()
        )
    }

    fn no_data_dir(&self) -> String {
        "Kein Datenordner bekannt: geben Sie einen Ordner an oder setzen Sie AGENDA_DIR.".into()
    }

    fn cannot_create(&self, dir: &Path, reason: &str) -> String {
        format!(
            "Der Datenordner {} kann nicht angelegt werden: {reason}",
            dir.display()
        )
    }
    fn labels(&self) -> &'static Labels {
        &words::LABELS
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Open => "offen",
            Status::InProgress => "in Arbeit",
            Status::Answered => "beantwortet",
        }
    }

    fn action(&self, action: Action) -> &'static str {
        actions::action(action)
    }

    fn hint(&self, context: Context, action: Action) -> &'static str {
        actions::hint(context, action)
    }

    fn note(&self, note: &Note, keys: &Keys) -> String {
        self.note_text(note, keys)
    }

    fn config_problem(&self, problem: &ConfigProblem) -> String {
        Self::config_words(problem)
    }

    fn unsaved(&self, count: usize) -> String {
        match count {
            1 => "1 Änderung nicht gespeichert".into(),
            n => format!("{n} Änderungen nicht gespeichert"),
        }
    }

    fn hit_count(&self, shown: usize, total: usize) -> String {
        match (shown, total) {
            (0, _) => "Keine Treffer.".into(),
            (s, t) if t > s => format!("die besten {s} von {t} Treffern"),
            (1, _) => "1 Treffer".into(),
            (n, _) => format!("{n} Treffer"),
        }
    }

    fn search_no_match(&self, query: &str) -> String {
        format!("Nichts gefunden für „{query}“.")
    }

    fn report(&self) -> &'static ReportWords {
        &words::REPORT
    }

    fn as_of(&self, today: chrono::NaiveDate, answered: usize, total: usize) -> String {
        format!(
            "Stand: {}. {answered} von {total} Fragen beantwortet.",
            super::date(today)
        )
    }

    fn unknown_session(&self, id: &str, known: &[&str]) -> String {
        format!(
            "Eine Sitzung mit der ID „{id}“ gibt es nicht. Vorhanden: {}.",
            if known.is_empty() {
                "keine".to_string()
            } else {
                known.join(", ")
            }
        )
    }

    fn unknown_motion(&self, id: &str, known: &[&str]) -> String {
        let shown: Vec<&str> = known.iter().take(10).copied().collect();
        format!(
            "Einen Antrag mit der ID „{id}“ gibt es nicht. Vorhanden: {}{}.",
            if shown.is_empty() {
                "keiner".to_string()
            } else {
                shown.join(", ")
            },
            if known.len() > shown.len() {
                " …"
            } else {
                ""
            }
        )
    }

    fn docx_needs_file(&self) -> String {
        "Ein Word-Dokument lässt sich nicht im Terminal zeigen: geben Sie eine Datei an, z. B. -o bericht.docx.".into()
    }

    fn cli_help(&self, key: &str) -> Option<&'static str> {
        cli::help(key)
    }

    fn cli_value_name(&self, id: &str) -> Option<&'static str> {
        cli::value_name(id)
    }

    fn cli_words(&self) -> &'static [(&'static str, &'static str)] {
        cli::WORDS
    }

    fn cli_headings(&self) -> super::CliHeadings {
        cli::HEADINGS
    }

    fn cli_error(
        &self,
        kind: clap::error::ErrorKind,
        arg: &str,
        value: &str,
        valid: &str,
        suggested: &str,
    ) -> Option<String> {
        cli::error(kind, arg, value, valid, suggested)
    }

    fn cli_more(&self, command: &str) -> String {
        match command.is_empty() {
            true => "Mehr dazu: agenda --help".into(),
            false => format!("Mehr dazu: agenda {command} --help"),
        }
    }

    fn did_you_mean(&self, typed: &str, meant: &str) -> String {
        format!("„{typed}“ ist kein Befehl und kein Ordner. Meinten Sie {meant}? (agenda {meant})")
    }

    fn calendar_written(&self, path: &Path) -> String {
        format!(
            "Kalender geschrieben: {} (in Outlook oder Thunderbird importieren)",
            path.display()
        )
    }

    fn calendar_empty(&self) -> String {
        "Nichts für einen Kalender: keine Sitzung mit Datum und keine Frist. Es wurde nichts geschrieben.".into()
    }

    fn calendar_failed(&self, path: &Path, reason: &str) -> String {
        format!(
            "Der Kalender konnte nicht nach {} geschrieben werden: {reason}",
            path.display()
        )
    }

    fn export_written(&self, path: &Path) -> String {
        format!("Bericht geschrieben: {}", path.display())
    }

    fn export_exists(&self, path: &Path) -> String {
        format!(
            "{} gibt es schon und bleibt unverändert. Wählen Sie einen anderen Namen oder ersetzen Sie die Datei mit --force.",
            path.display()
        )
    }

    fn export_failed(&self, path: &Path, reason: &str) -> String {
        format!(
            "Der Bericht konnte nicht nach {} geschrieben werden: {reason}",
            path.display()
        )
    }

    fn import_summary(
        &self,
        kind: &str,
        groups: &[String],
        questions: usize,
        session: Option<(&str, chrono::NaiveDate)>,
    ) -> String {
        let mut parts = vec![kind.to_string()];
        if !groups.is_empty() {
            parts.push(groups.join(", "));
        }
        parts.push(match questions {
            1 => "1 Frage".into(),
            n => format!("{n} Fragen"),
        });
        parts.push(match session {
            Some((_, date)) => format!("Sitzung {}", super::date(date)),
            None => "ohne Sitzung".into(),
        });
        parts.join(", ")
    }

    fn import_written(&self, path: &Path, summary: &str) -> String {
        format!("{}: {summary}", path.display())
    }

    fn import_session_made(
        &self,
        committee: &str,
        date: chrono::NaiveDate,
        path: &Path,
        dry: bool,
    ) -> String {
        let verb = if dry {
            "würde angelegt"
        } else {
            "wurde angelegt"
        };
        format!(
            "Die Sitzung „{committee}“ am {} gab es noch nicht; sie {verb}: {}",
            super::date(date),
            path.display()
        )
    }

    fn import_not_written(&self, file: &str, reason: Option<&str>) -> String {
        let reason = reason.unwrap_or("jemand hat sie währenddessen angelegt oder geändert");
        format!(
            "{file}: konnte nicht geschrieben werden ({reason}). Nach dem Beheben noch einmal einlesen."
        )
    }

    fn import_unreadable(&self, file: &str, cause: &crate::import::Cause) -> String {
        let reason = Self::read_cause(cause);
        format!("{file}: kann nicht gelesen werden ({reason}). Nichts wurde geschrieben.")
    }

    fn import_empty(&self, file: &str, in_app: bool) -> String {
        if !file.to_lowercase().ends_with(".pdf") {
            return format!("{file}: ist leer. Nichts wurde geschrieben.");
        }
        let paste = match in_app {
            true => "im Formular unter „oder Text“",
            false => "agenda import text -",
        };
        format!(
            "{file}: enthält keinen Text. Ein eingescanntes PDF enthält nur Bilder; bitte den Text einfügen ({paste})."
        )
    }

    fn import_binary(&self, file: &str) -> String {
        format!(
            "{file}: ist weder Text noch ein Word- oder PDF-Dokument. Nichts wurde geschrieben."
        )
    }

    fn import_damaged(&self, file: &str, reason: &str) -> String {
        format!(
            "{file}: das Dokument lässt sich nicht lesen ({reason}). Öffnen und als .docx, .pdf oder Text neu speichern."
        )
    }

    fn import_no_title(&self, file: &str) -> String {
        format!(
            "{file}: kein Titel gefunden, nichts geschrieben. Lesen Sie das Schreiben im Programm mit i ein: dort ist alles Gefundene eingetragen, nur der Titel fehlt noch."
        )
    }

    fn import_no_questions(&self, file: &str) -> String {
        format!(
            "{file}: keine Fragen gefunden, nichts geschrieben. Ein Antrag ohne Fragen: mit --allow-no-questions einlesen."
        )
    }

    fn import_duplicate(&self, file: &str, existing: &Path, differing: &[String]) -> String {
        let said = format!(
            "{file}: dieses Schreiben ist schon eingelesen ({}); nichts wurde geschrieben.",
            existing.display()
        );
        match differing {
            [] => said,
            [one] => format!(
                "{said} Diese Fassung weicht bei Frage {one} ab: bitte dort von Hand ändern."
            ),
            more => format!(
                "{said} Diese Fassung weicht bei den Fragen {} ab: bitte dort von Hand ändern.",
                more.join(", ")
            ),
        }
    }

    fn needs_terminal(&self) -> String {
        "Die Ansicht braucht ein Terminal, das Bildschirmsteuerung kann (nicht TERM=dumb). Ohne sie gibt es agenda status, agenda due, agenda search und agenda check.".into()
    }

    fn describe(&self, change: &Change, keys: &Keys) -> String {
        self.change(change, keys)
    }

    fn recovery_written(&self, path: &Path) -> String {
        format!(
            "agenda wurde unerwartet beendet. Ihre nicht gespeicherten Änderungen stehen in {}; beim nächsten Start werden sie angeboten.",
            path.display()
        )
    }

    fn conflict_count(&self, count: usize) -> String {
        match count {
            1 => "1 Konflikt".into(),
            n => format!("{n} Konflikte"),
        }
    }

    fn waiting(&self, change: &Change, keys: &Keys) -> String {
        format!(
            "Nicht gespeichert: {}. {} lädt neu und speichert, {} zeigt die Frage.",
            self.change(change, keys),
            keys.get(Action::Reload),
            keys.get(Action::Open)
        )
    }

    fn conflict(&self, conflict: &Conflict, keys: &Keys) -> String {
        let Change::Question(ours) = &conflict.ours else {
            return format!(
                "Konflikt: {}. {} übernimmt Ihre Werte, {} behält die der Datei.",
                self.change(&conflict.ours, keys),
                keys.get(Action::Open),
                keys.get(Action::Delete)
            );
        };
        let (after, theirs) = super::parted(&ours.after, conflict.theirs.as_ref());
        let theirs = theirs.map_or_else(|| "nichts".into(), |t| self.value(&t));
        format!(
            "Konflikt: {}, Frage {}: in der Datei steht jetzt {theirs}, Ihre Änderung war {}. {} übernimmt Ihre, {} behält den Wert der Datei.",
            keys.motion(&ours.motion),
            ours.number,
            self.value(&after),
            keys.get(Action::Open),
            keys.get(Action::Delete)
        )
    }

    fn field_label(&self, key: &str) -> &'static str {
        Self::key_label(key)
    }

    fn edit_title(&self, kind: &str) -> String {
        format!("{kind} bearbeiten")
    }

    fn ask_delete(&self, what: &str, undo: &str, to_trash: bool) -> String {
        match to_trash {
            true => format!(
                "{what} löschen? Die Datei kommt in den Papierkorb des Datenordners; {undo} holt alles zurück."
            ),
            false => format!("{what} löschen? {undo} holt es zurück."),
        }
    }

    fn motion_state(&self, state: crate::model::MotionState) -> &'static str {
        use crate::model::MotionState;
        match state {
            MotionState::Active => "offen",
            MotionState::Withdrawn => "zurückgezogen",
            MotionState::Postponed => "vertagt",
            MotionState::Done => "erledigt",
        }
    }

    fn problem_count(&self, count: usize) -> String {
        match count {
            1 => "1 Problem".into(),
            n => format!("{n} Probleme"),
        }
    }
}
