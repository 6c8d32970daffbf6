//! Deutsch.

use std::path::Path;

use chrono::Weekday;

use super::{Keys, Labels, ReportWords, Texts};
use crate::config::{ConfigIssue, ConfigProblem};
use crate::edit::{Change, Conflict, Field, FileChange, TableChange};
use crate::input::{Action, Context};
use crate::model::Status;
use crate::note::Note;
use crate::store::{Expected, Found, IoCause, Problem, RecordKind, Severity};

pub(super) struct German;

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "ein Text in Anführungszeichen",
        Expected::Date => "ein Datum wie 2022-09-07 (ohne Anführungszeichen)",
        Expected::Time => "eine Uhrzeit wie 17:00:00 (ohne Anführungszeichen)",
        Expected::DateTime => "ein Zeitpunkt wie 2022-08-30T10:15:00",
        Expected::Bool => "true oder false",
        Expected::TextList => "eine Liste von Texten wie [\"CDU\", \"SPD\"]",
        Expected::Table => "eine Tabelle",
        Expected::TableList => "eine Liste von Tabellen",
    }
}

fn found(f: Found) -> &'static str {
    match f {
        Found::Text => "ein Text",
        Found::Integer => "eine Zahl",
        Found::Float => "eine Kommazahl",
        Found::Bool => "ein Wahrheitswert",
        Found::Date => "ein Datum",
        Found::Time => "eine Uhrzeit",
        Found::DateTime => "ein Zeitpunkt",
        Found::Array => "eine Liste",
        Found::Table => "eine Tabelle",
    }
}

fn maybe(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" Meinten Sie „{s}“?"))
        .unwrap_or_default()
}

impl Texts for German {
    fn problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Syntax { detail } => format!(
                "Die Datei ist kein gültiges TOML ({detail}). Korrigieren Sie die Stelle in einem Texteditor."
            ),
            Problem::WrongType {
                key,
                expected: e,
                found: f,
                suggestion,
            } => {
                let fix = suggestion
                    .as_ref()
                    .map(|s| format!(" Schreiben Sie: {key} = {s}"))
                    .unwrap_or_default();
                format!(
                    "„{key}“ muss {} sein, hier steht {}.{fix}",
                    expected(*e),
                    found(*f)
                )
            }
            Problem::MissingField { table, key } => {
                format!("In {table} fehlt die Pflichtangabe „{key}“. Ergänzen Sie die Zeile {key} = …")
            }
            Problem::EmptyField { key } => {
                format!("„{key}“ ist leer. Tragen Sie einen Wert ein.")
            }
            Problem::DuplicateId {
                kind,
                id,
                first,
                first_line,
            } => {
                let what = match kind {
                    RecordKind::Session => "Sitzung",
                    RecordKind::Motion => "Antrag",
                };
                format!(
                    "Die ID „{id}“ ({what}) gibt es schon in {}, Zeile {first_line}. IDs müssen eindeutig sein: vergeben Sie hier eine andere. Bis dahin wird dieser Eintrag nicht geladen.",
                    first.display()
                )
            }
            Problem::UnknownMotion { id, suggestion } => format!(
                "Die Tagesordnung nennt den Antrag „{id}“, den es nicht gibt.{} Prüfen Sie die ID oder legen Sie die Antragsdatei an.",
                maybe(suggestion)
            ),
            Problem::UnknownSession { id, suggestion } => format!(
                "Der Antrag nennt die Sitzung „{id}“, die es nicht gibt.{} Prüfen Sie die ID oder legen Sie die Sitzungsdatei an.",
                maybe(suggestion)
            ),
            Problem::BadStatus { value } => format!(
                "Unbekannter Status „{value}“. Erlaubt sind \"open\" (offen), \"in_progress\" (in Arbeit) und \"answered\" (beantwortet)."
            ),
            Problem::SessionMismatch {
                motion,
                named,
                listed_in,
            } => format!(
                "Der Antrag „{motion}“ nennt die Sitzung „{named}“, steht aber auf der Tagesordnung von „{listed_in}“. Gleichen Sie „session“ oder die Tagesordnung an."
            ),
            Problem::ListedTwice { motion, sessions } => format!(
                "Der Antrag „{motion}“ steht auf der Tagesordnung mehrerer Sitzungen: {}.",
                sessions.join(", ")
            ),
            Problem::DuplicateQuestion { number } => {
                format!("Die Frage Nr. „{number}“ gibt es in diesem Antrag mehrmals.")
            }
            Problem::UnknownKey { key, suggestion } => format!(
                "Unbekannter Schlüssel „{key}“.{} Er bleibt in der Datei erhalten, wird aber nicht verwendet.",
                maybe(suggestion)
            ),
            Problem::NotUtf8 => "Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie im Editor mit der Kodierung UTF-8.".into(),
            Problem::NotARecord => "Die Datei ist weder eine Sitzung noch ein Antrag: es fehlt die Tabelle [session] oder [motion].".into(),
            Problem::BothRecords => "Die Datei enthält [session] und [motion]. Legen Sie Sitzung und Antrag in getrennten Dateien an.".into(),
            Problem::TooLarge { bytes, limit } => format!(
                "Die Datei ist {} KiB groß; gelesen werden Dateien bis {} KiB. Teilen Sie sie auf.",
                bytes / 1024,
                limit / 1024
            ),
            Problem::Unreadable { cause } => match cause {
                IoCause::PermissionDenied => {
                    "Kein Zugriff: Lesen ist nicht erlaubt. Prüfen Sie die Zugriffsrechte.".into()
                }
                IoCause::Vanished => {
                    "Die Datei ist beim Lesen verschwunden. Laden Sie neu.".into()
                }
                IoCause::SymlinkLoop => {
                    "Der Ordner verweist über einen symbolischen Link auf sich selbst und wird übersprungen.".into()
                }
                IoCause::BrokenLink => {
                    "Der symbolische Link zeigt auf nichts, das es gibt. Entfernen oder korrigieren Sie ihn.".into()
                }
                IoCause::Other(reason) => format!("Kann nicht gelesen werden: {reason}"),
            },
        }
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
        format!("{answered}/{total} beantwortet")
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
        &LABELS
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Open => "offen",
            Status::InProgress => "in Arbeit",
            Status::Answered => "beantwortet",
        }
    }

    fn action(&self, action: Action) -> &'static str {
        match action {
            Action::Up => "hoch",
            Action::Down => "runter",
            Action::PageUp => "Seite hoch",
            Action::PageDown => "Seite runter",
            Action::Top => "zum Anfang",
            Action::Bottom => "zum Ende",
            Action::Open => "öffnen",
            Action::Back => "zurück",
            Action::NextPane => "Bereich wechseln",
            Action::CycleStatus => "Status weiter",
            Action::MarkAnswered => "beantwortet",
            Action::Search => "suchen",
            Action::NextOpen => "nächste offene Frage",
            Action::PreviousOpen => "vorige offene Frage",
            Action::Filter => "filtern",
            Action::EditAnswer => "Antwort bearbeiten",
            Action::EditExternal => "Antwort im eigenen Editor",
            Action::EditAssignee => "Zuständigkeit",
            Action::EditDue => "Frist",
            Action::Export => "Bericht schreiben",
            Action::Undo => "rückgängig",
            Action::Redo => "wiederherstellen",
            Action::Reload => "neu laden",
            Action::Problems => "Probleme",
            Action::Help => "Hilfe",
            Action::Quit => "beenden",
            Action::Accept => "übernehmen",
            Action::Cancel => "abbrechen",
            Action::Previous => "voriger Treffer",
            Action::Next => "nächster Treffer",
            Action::DeleteWord => "Wort löschen",
            Action::Save => "speichern",
            Action::Keep => "ja, übernehmen",
            Action::Discard => "verwerfen",
        }
    }

    fn hint(&self, context: Context, action: Action) -> &'static str {
        match (context, action) {
            (Context::FilterMenu, Action::CycleStatus) => "an/aus",
            (Context::FilterMenu, Action::Back) => "fertig",
            (Context::Offer, Action::Open) => "wieder anwenden und speichern",
            (Context::Offer, Action::Back) => "beiseitelegen",
            (Context::Finder, Action::Previous | Action::Next) => "Treffer wählen",
            (Context::Finder, Action::Accept) => "hinspringen",
            (Context::Finder, Action::Cancel) => "zurück",
            (Context::Answer, Action::Cancel) => "schließen",
            (Context::Confirm, Action::Accept | Action::Keep) => "ja",
            (Context::Confirm, Action::Cancel) => "weiter bearbeiten",
            (Context::Line, Action::Next | Action::Previous) => "Vorschlag",
            _ => self.action(action),
        }
    }

    fn note(&self, note: &Note, keys: &Keys) -> String {
        let reload = keys.get(Action::Reload);
        let problems_key = keys.get(Action::Problems);
        match note {
            Note::Saved(change) => format!("Gespeichert: {}.", self.change(change)),
            Note::Undone(change) => format!("Rückgängig gemacht: {}.", self.change(change)),
            Note::Redone(change) => format!("Wiederhergestellt: {}.", self.change(change)),
            Note::EditorMissing { command } => format!(
                "Der Editor „{command}“ lässt sich nicht starten. Setzen Sie VISUAL oder EDITOR auf einen vorhandenen Editor, oder bearbeiten Sie mit {} direkt hier.",
                keys.get(Action::EditAnswer)
            ),
            Note::EditorFailed { command, code } => format!(
                "Der Editor „{command}“ endete mit einem Fehler ({}); die Antwort bleibt unverändert.",
                code.map_or_else(|| "abgebrochen".to_string(), |c| format!("Code {c}"))
            ),
            Note::BadDate { typed } => format!(
                "„{typed}“ ist kein Datum. Schreiben Sie es wie 07.09.2022 (oder 2022-09-07); leer lassen entfernt die Frist."
            ),
            Note::Exported { path } => format!("Bericht geschrieben: {}", path.display()),
            Note::ExportFailed { path, reason } => format!(
                "Der Bericht konnte nicht in {} geschrieben werden: {reason}",
                path.display()
            ),
            Note::NoSessionHere => format!(
                "Für einen Bericht erst eine Sitzung öffnen ({}).",
                keys.get(Action::Open)
            ),
            Note::Recovered { saved, conflicts } => format!(
                "{saved} gerettete Änderung(en) gespeichert{}.",
                if *conflicts > 0 {
                    format!(", {conflicts} Konflikt(e) unter {problems_key}")
                } else {
                    String::new()
                }
            ),
            Note::RecoverySetAside { path } => format!(
                "Die geretteten Änderungen liegen beiseite in {}.",
                path.display()
            ),
            Note::NothingToUndo => "Nichts rückgängig zu machen.".into(),
            Note::NothingToRedo => "Nichts wiederherzustellen.".into(),
            Note::ChangedOnDisk { path } => format!(
                "{} wurde inzwischen von anderer Seite geändert. Ihre Änderung ist nur hier vorgemerkt, nicht gespeichert. {reload} lädt neu und übernimmt sie.",
                path.display()
            ),
            Note::ReadOnly { path } => format!(
                "{} ist schreibgeschützt. Ihre Änderung ist nur hier vorgemerkt. Heben Sie den Schreibschutz auf und drücken Sie {reload}.",
                path.display()
            ),
            Note::SaveFailed { path, reason } => format!(
                "{} konnte nicht gespeichert werden ({reason}). Ihre Änderung ist nur hier vorgemerkt; {reload} versucht es erneut.",
                path.display()
            ),
            Note::FileHasErrors { path } => format!(
                "{} enthält Fehler und wird nicht verändert. Korrigieren Sie die Datei (siehe {problems_key}) und drücken Sie {reload}.",
                path.display()
            ),
            Note::QuestionGone { path } => format!(
                "Die Frage steht nicht mehr an ihrer Stelle in {}. Ihre Änderung ist nur hier vorgemerkt; {reload} lädt neu.",
                path.display()
            ),
            Note::Reloaded {
                reapplied,
                conflicts,
                problems,
            } => {
                let mut out = "Neu geladen.".to_string();
                if *reapplied > 0 {
                    out.push_str(&format!(
                        " {reapplied} vorgemerkte Änderung(en) gespeichert."
                    ));
                }
                for c in conflicts {
                    let Change::Question(ours) = &c.ours else {
                        out.push_str(&format!(" {}", self.change(&c.ours)));
                        continue;
                    };
                    out.push_str(&match &c.theirs {
                        Some(theirs) => format!(
                            " Konflikt: {}, Frage {}: auf der Platte steht inzwischen {}; Ihre Änderung ({}) wurde nicht übernommen.",
                            ours.motion,
                            ours.number,
                            self.value(theirs),
                            self.value(&ours.after)
                        ),
                        None => format!(
                            " {}, Frage {} gibt es nicht mehr; Ihre Änderung ({}) wurde nicht übernommen.",
                            ours.motion,
                            ours.number,
                            self.value(&ours.after)
                        ),
                    });
                }
                if *problems > 0 {
                    out.push_str(&format!(
                        " {} ({problems_key}).",
                        self.problem_count(*problems)
                    ));
                }
                out
            }
            Note::NoMotionHere => "Zu diesem Tagesordnungspunkt gibt es keinen Antrag.".into(),
            Note::UnsavedOnQuit { count } => format!(
                "{} – noch einmal {} beendet trotzdem, {reload} lädt neu und speichert.",
                self.unsaved(*count),
                keys.get(Action::Quit)
            ),
            Note::LoadedWithProblems { errors, warnings } => format!(
                "{errors} Fehler, {warnings} Warnung(en) in den Dateien. {problems_key} zeigt sie; alles andere ist normal nutzbar."
            ),
            Note::Config(text) => text.clone(),
            Note::Wrapped => "Wieder von vorn.".into(),
            Note::NothingOpen => "Keine offene Frage (mehr) – alles beantwortet.".into(),
            Note::ExampleCreated { dir } => self.example_created(dir),
        }
    }

    fn config_problem(&self, problem: &ConfigProblem) -> String {
        let place = super::config_place(problem);
        match &problem.issue {
            ConfigIssue::Invalid(detail) => {
                format!("{place}: Einstellung ungültig ({detail}); es gelten die Voreinstellungen.")
            }
            ConfigIssue::BadKey { action, key } => format!(
                "{place}: „{key}“ ist keine Taste (bei {action}); Beispiele: \"j\", \"ctrl-r\", \"shift-g\", \"enter\"."
            ),
            ConfigIssue::WrongSection {
                action,
                section,
                belongs,
            } => format!(
                "{place}: „{action}“ gehört nicht unter [{section}], sondern unter [{belongs}]; diese Zeile gilt nicht."
            ),
            ConfigIssue::Unreadable(reason) => {
                format!(
                    "{place}: kann nicht gelesen werden ({reason}); es gelten die Voreinstellungen."
                )
            }
        }
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

    fn report(&self) -> &'static ReportWords {
        &REPORT
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

    fn needs_terminal(&self) -> String {
        "Die Ansicht braucht ein Terminal. Für Skripte gibt es agenda status, agenda check und agenda status --json.".into()
    }

    fn describe(&self, change: &Change) -> String {
        self.change(change)
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
            self.change(change),
            keys.get(Action::Reload),
            keys.get(Action::Open)
        )
    }

    fn conflict(&self, conflict: &Conflict, keys: &Keys) -> String {
        let Change::Question(ours) = &conflict.ours else {
            return self.change(&conflict.ours);
        };
        let theirs = conflict
            .theirs
            .as_ref()
            .map_or_else(|| "nichts".into(), |t| self.value(t));
        format!(
            "Konflikt: {}, Frage {}: auf der Platte steht {theirs}, Ihre Änderung war {}. {} übernimmt Ihre.",
            ours.motion,
            ours.number,
            self.value(&ours.after),
            keys.get(Action::Open)
        )
    }

    fn problem_count(&self, count: usize) -> String {
        match count {
            1 => "1 Problem".into(),
            n => format!("{n} Probleme"),
        }
    }
}

impl German {
    /// "kim-bericht-2022, Frage 1: Status „beantwortet“".
    fn change(&self, change: &Change) -> String {
        match change {
            Change::Question(q) => {
                let what = match &q.after {
                    Field::Answer(Some(_)) => "neue Antwort".into(),
                    Field::Answer(None) => "Antwort entfernt".into(),
                    Field::Status(s) => format!("Status „{}“", self.status(*s)),
                    other => self.value(other),
                };
                format!("{}, Frage {}: {what}", q.motion, q.number)
            }
            Change::Table(t) => self.table_change(t),
            Change::File(f) => self.file_change(f),
        }
    }

    /// A record inserted, removed or moved, in words.
    fn table_change(&self, t: &TableChange) -> String {
        let (shape, n) = super::table_shape(t);
        let question = t.array == crate::edit::TableArray::Question;
        let what = match (shape, question) {
            (super::Shape::Insert, true) => format!("neue Frage {n}"),
            (super::Shape::Insert, false) => format!("neuer TOP {n}"),
            (super::Shape::Remove, true) => format!("Frage {n} entfernt"),
            (super::Shape::Remove, false) => format!("TOP {n} entfernt"),
            (super::Shape::Move, true) => format!("Frage {n} verschoben"),
            (super::Shape::Move, false) => format!("TOP {n} verschoben"),
        };
        format!("{}: {what}", super::owner_id(&t.owner))
    }

    /// A whole file created, removed or replaced, in words.
    fn file_change(&self, f: &FileChange) -> String {
        let p = f.path.display();
        match (&f.before, &f.after) {
            (None, _) => format!("neue Datei {p}"),
            (_, None) => format!("{p} gelöscht"),
            _ => format!("{p} ersetzt"),
        }
    }

    /// A field's value in a sentence.
    fn value(&self, field: &Field) -> String {
        match field {
            Field::Status(s) => format!("„{}“", self.status(*s)),
            Field::Answer(Some(_)) => "eine andere Antwort".into(),
            Field::Answer(None) => "keine Antwort".into(),
            Field::Assignee(Some(who)) => format!("zuständig: {who}"),
            Field::Assignee(None) => "niemand zuständig".into(),
            Field::Due(Some(day)) => format!("Frist {}", super::date(*day)),
            Field::Due(None) => "keine Frist".into(),
        }
    }
}

static LABELS: Labels = Labels {
    sessions: "Sitzungen",
    problems: "Probleme",
    problems_hint: "zeigt alle",
    help: "Tastenkürzel",
    help_close: "Eine beliebige Taste schließt die Hilfe.",
    closed: "n.ö.",
    kind: "Art",
    basis: "Grundlage",
    submitters: "Fraktionen",
    submitted: "Datum",
    addressee: "An",
    signatories: "Unterzeichnet",
    session: "Sitzung",
    proposal: "Beschlussvorschlag",
    rationale: "Begründung",
    details: "Antrag",
    questions: "Fragen",
    question: "Frage",
    status: "Status",
    assignee: "Zuständig",
    due: "Frist",
    answer: "Antwort",
    updated: "Zuletzt geändert",
    by: "von",
    no_answer: "(noch keine Antwort)",
    no_sessions: "Keine Sitzungen. Legen Sie Sitzungsdateien im Datenordner an.",
    empty_agenda: "Keine Tagesordnungspunkte und keine Anträge.",
    no_questions: "Dieser Antrag enthält keine Fragen.",
    no_problems: "Keine Probleme.",
    space: "Leertaste",
    move_cursor: "bewegen",
    search: "Suche",
    search_hint: "Tippen Sie, wonach Sie suchen: Ausschuss, Datum, TOP, Antrag, Frage, Zuständigkeit, Antworttext …",
    searching: "sucht …",
    filter: "Filter",
    clear_filter: "Alle Filter aufheben",
    nobody: "(niemand zuständig)",
    open_by_assignee: "Offene Fragen je Zuständigkeit",
    confirm_keep: "Änderungen übernehmen?",
    assignee_hint: "Fachbereich oder Amt; leer = niemand",
    due_hint: "Datum wie 07.09.2022; leer = keine Frist",
    bad_date: "Kein gültiges Datum – bitte wie 07.09.2022 schreiben.",
    recovery_title: "Nicht gespeicherte Änderungen",
    recovery_intro: "Beim letzten Mal wurde agenda unerwartet beendet. Diese Änderungen waren noch nicht gespeichert:",
};

static REPORT: ReportWords = ReportWords {
    lang: "de",
    file_stem: "Bericht",
    title: "Bericht der Verwaltung",
    open: "OFFEN – noch nicht beantwortet",
    open_in_progress: "OFFEN – in Bearbeitung, noch nicht beantwortet",
    open_no_text: "OFFEN – als beantwortet markiert, aber ohne Antworttext",
    draft: "Entwurf",
    no_questions: "Dieser Antrag enthält keine Fragen.",
    nothing: "Zu dieser Sitzung liegen keine Anträge oder Anfragen vor.",
};
