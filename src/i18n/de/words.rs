//! Änderungen und Werte in Worten, die festen Wörter der Ansicht und des Berichts.

use super::German;
use crate::edit::{Change, Field, FileChange, TableChange};
use crate::i18n::{Keys, Labels, ReportWords, Texts};

impl German {
    /// "kim-bericht-2022, Frage 1: Status „beantwortet“".
    pub(super) fn change(&self, change: &Change, keys: &Keys) -> String {
        match change {
            Change::Question(q) => {
                let what = match &q.after {
                    Field::Answer(Some(_)) => "neue Antwort".into(),
                    Field::Answer(None) => "Antwort entfernt".into(),
                    Field::Status(s) => format!("Status „{}“", self.status(*s)),
                    other => self.value(other),
                };
                format!("{}, Frage {}: {what}", keys.motion(&q.motion), q.number)
            }
            // A state says which; short values are shown, long ones named.
            Change::Record(r) if r.after.len() == 1 && r.after[0].0 == "state" => {
                let state = r.after[0]
                    .1
                    .as_deref()
                    .and_then(|v| v.trim_matches('"').parse::<String>().ok())
                    .and_then(|v| crate::model::MotionState::parse(&v))
                    .unwrap_or_default();
                format!(
                    "{}: {} „{}“",
                    keys.owner(&r.owner),
                    self.field_label("state"),
                    self.motion_state(state)
                )
            }
            Change::Record(r) => {
                let fields: Vec<String> = r
                    .after
                    .iter()
                    .map(|(k, v)| match crate::i18n::short_value(v.as_deref()) {
                        // A session by its committee and date, not its id.
                        Some(_) if *k == "session" => {
                            let id = v.as_deref().unwrap_or_default().trim_matches('"');
                            let owner = crate::edit::Owner::Session(id.to_string());
                            format!("{} → {}", self.field_label(k), keys.owner(&owner))
                        }
                        Some(v) => format!("{} {v}", self.field_label(k)),
                        None if v.is_none() => format!("{} (leer)", self.field_label(k)),
                        None => self.field_label(k).to_string(),
                    })
                    .collect();
                format!("{}: {} geändert", keys.owner(&r.owner), fields.join(", "))
            }
            Change::Rename(r) if r.to.starts_with(crate::edit::names::TRASH) => {
                format!("{} in den Papierkorb gelegt", r.from.display())
            }
            Change::Rename(r) => format!("{} wiederhergestellt", r.to.display()),
            Change::Batch(changes) => {
                // What the import keeps for itself is no change to tell.
                let told = |c: &&Change| !matches!(c, Change::File(f) if f.path.starts_with(crate::oparl::BASES));
                let parts: Vec<String> = (changes.iter().filter(told))
                    .map(|c| self.change(c, keys))
                    .collect();
                parts.join("; ")
            }
            Change::Table(t) => self.table_change(t, keys),
            Change::File(f) => self.file_change(f),
        }
    }

    /// Why a file cannot be read, in words the user can act on.
    pub(super) fn read_cause(cause: &crate::import::Cause) -> String {
        use crate::import::Cause;
        match cause {
            Cause::Missing => "die Datei gibt es dort nicht; bitte den Pfad prüfen".into(),
            Cause::Denied => "keine Berechtigung, sie zu lesen".into(),
            Cause::Folder => "das ist ein Ordner, keine Datei".into(),
            Cause::Other(why) => why.clone(),
        }
    }

    /// The label of a schema key, as forms and messages show it.
    pub(super) fn key_label(key: &str) -> &'static str {
        match key {
            "committee" => "Ausschuss",
            "date" => "Datum",
            "time" => "Uhrzeit",
            "location" => "Ort",
            "number" => "Nummer",
            "title" => "Titel",
            "public" => "öffentlich",
            "motions" => "Anträge",
            "kind" => "Art",
            "submitted" => "Eingegangen",
            "submitters" => "Fraktionen",
            "basis" => "Grundlage",
            "reference" => "Drucksache",
            "office" => "Federführung",
            "oparl_id" => "OParl-Kennung",
            "files" => "Dokumente",
            "agenda" => "Tagesordnung",
            "signatories" => "Unterzeichnet",
            "addressee" => "Empfänger",
            "proposal" => "Beschlussvorschlag",
            "rationale" => "Begründung",
            "text" => "Frage",
            "session" => "Sitzung",
            "state" => "Stand",
            "file" => "Datei",
            "letter" => "oder Text",
            "question" => "Frage",
            "status" => "Status",
            "assignee" => "Zuständig",
            "due" => "Frist",
            "answer" => "Antwort",
            _ => "?",
        }
    }

    /// A record inserted, removed or moved, in words.
    pub(super) fn table_change(&self, t: &TableChange, keys: &Keys) -> String {
        let (shape, n) = crate::i18n::table_shape(t);
        let question = t.array == crate::edit::TableArray::Question;
        let what = match (shape, question) {
            (crate::i18n::Shape::Insert, true) => format!("neue Frage {n}"),
            (crate::i18n::Shape::Insert, false) => format!("neuer TOP {n}"),
            (crate::i18n::Shape::Remove, true) => format!("Frage {n} entfernt"),
            (crate::i18n::Shape::Remove, false) => format!("TOP {n} entfernt"),
            (crate::i18n::Shape::Move, true) => format!("Frage {n} verschoben"),
            (crate::i18n::Shape::Move, false) => format!("TOP {n} verschoben"),
        };
        format!("{}: {what}", keys.owner(&t.owner))
    }

    /// A whole file created, removed or replaced, in words.
    pub(super) fn file_change(&self, f: &FileChange) -> String {
        let p = f.path.display();
        match (&f.before, &f.after) {
            (None, _) => format!("neue Datei {p}"),
            (_, None) => format!("{p} gelöscht"),
            _ => format!("{p} ersetzt"),
        }
    }

    /// A field's value in a sentence.
    pub(super) fn value(&self, field: &Field) -> String {
        match field {
            Field::Status(s) => format!("„{}“", self.status(*s)),
            Field::Answer(Some(text)) => format!("die Antwort „{}“", super::super::gist(text)),
            Field::Answer(None) => "keine Antwort".into(),
            Field::Assignee(Some(who)) => format!("zuständig: {who}"),
            Field::Assignee(None) => "niemand zuständig".into(),
            Field::Due(Some(day)) => format!("Frist {}", crate::i18n::date(*day)),
            Field::Due(None) => "keine eigene Frist (es gilt die nach Regel)".into(),
        }
    }
}

pub(super) static LABELS: Labels = Labels {
    sessions: "Sitzungen",
    problems: "Probleme",
    problems_hint: "zeigt alle",
    help: "Tastenkürzel",
    help_more: "weitere",
    days_short: "T",
    help_close: "Eine beliebige Taste schließt die Hilfe.",
    search_only_folder: |folder| {
        format!(
            "„{folder}“ ist ein Datenordner – wonach soll darin gesucht werden? Zum Beispiel: agenda search {folder} Kita"
        )
    },
    cannot_write: |kind| {
        use std::io::ErrorKind::*;
        Some(match kind {
            NotFound => "Den Ordner gibt es nicht. Legen Sie ihn an oder wählen Sie einen anderen.",
            PermissionDenied => "Dort dürfen Sie nicht schreiben (keine Berechtigung).",
            StorageFull | QuotaExceeded => "Der Speicherplatz ist voll.",
            ReadOnlyFilesystem => "Der Datenträger ist schreibgeschützt.",
            IsADirectory => "Dort steht ein Ordner dieses Namens.",
            NotADirectory => "Ein Teil des Pfades ist eine Datei, kein Ordner.",
            _ => return None,
        })
    },
    unmarked_final: |n| {
        match n {
        1 => "Achtung: 1 Frage hat eine geschriebene Antwort, ist aber nicht als beantwortet markiert – die Endfassung führt sie als offen.".into(),
        n => format!("Achtung: {n} Fragen haben eine geschriebene Antwort, sind aber nicht als beantwortet markiert – die Endfassung führt sie als offen."),
    }
    },
    notices: |n| match n {
        1 => "1 Hinweis".into(),
        n => format!("{n} Hinweise"),
    },
    notice_done: |key| format!("Gelesen? {key} nimmt den Hinweis weg."),
    due_after_session: |date| format!("⚠ nach der Sitzung am {date}: die Antwort käme zu spät"),
    file_has_errors: |key| format!("Datei fehlerhaft – {key} zeigt die Probleme"),
    missing_motion: "nicht lesbar (Datei fehlerhaft oder nicht vorhanden), Enter zeigt die Probleme",
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
    no_sessions: "Noch keine Sitzungen in diesem Ordner:",
    create_first: "legt die erste Sitzung an; oder legen Sie Sitzungsdateien in den Ordner.",
    nothing_filtered: "Der Filter lässt keine Sitzung übrig.",
    nothing_filtered_questions: "Der Filter lässt keine Frage übrig.",
    change_filter: "ändert ihn.",
    edit_record: "bearbeiten",
    empty_agenda: "Keine Tagesordnungspunkte und keine Anträge.",
    no_questions: "Noch keine Fragen.",
    no_problems: "Keine Probleme.",
    // As German keyboards have them printed.
    keys: crate::input::KeyWords {
        space: "Leertaste",
        ctrl: "Strg",
        page_up: "Bild↑",
        page_down: "Bild↓",
        home: "Pos1",
        end: "Ende",
        delete: "Entf",
    },
    move_cursor: "bewegen",
    search: "Suche",
    search_hint: "Tippen Sie, wonach Sie suchen: Ausschuss, Datum, TOP, Antrag, Frage, Zuständigkeit, Antworttext …",
    searching: "sucht …",
    filter: "Filter",
    clear_filter: "Alle Filter aufheben",
    more_refused: |n| match n {
        1 => "Ein weiteres Feld (mit !) ist auch zu prüfen.".into(),
        n => format!("{n} weitere Felder (mit !) sind auch zu prüfen."),
    },
    take_yours: "Ihre übernehmen",
    keep_theirs: "die der Datei behalten",
    notice_read: "gelesen",
    due_filter: ["Frist", "überfällig", "fällig in den nächsten 7 Tagen"],
    due_short: ["Frist", "überfällig", "fällig in 7 Tagen"],
    nobody: "(niemand zuständig)",
    lead_office: "federführend",
    worklist: "Zu beantworten",
    history: "Verlauf",
    history_reading: "Der Verlauf wird gelesen …",
    this_run: "seit dem Start des Programms",
    by_rule: "nach Regel",
    after_session: "nach der Sitzung",
    due_none: "ohne Frist",
    worklist_empty: "Keine Frage wartet auf eine Antwort.",
    worklist_missing: |files, see| match files {
        1 => format!("⚠ 1 Datei hat Fehler: ihre Fragen fehlen hier ({see})"),
        n => format!("⚠ {n} Dateien haben Fehler: ihre Fragen fehlen hier ({see})"),
    },
    worklist_empty_broken: |files, see| match files {
        1 => format!(
            "Keine lesbare Frage wartet auf eine Antwort. Aber 1 Datei hat Fehler: ihre Fragen fehlen hier, bis sie behoben sind ({see})."
        ),
        n => format!(
            "Keine lesbare Frage wartet auf eine Antwort. Aber {n} Dateien haben Fehler: ihre Fragen fehlen hier, bis sie behoben sind ({see})."
        ),
    },
    no_department: |wanted, known| match known.is_empty() {
        true => format!(
            "Kein Amt passt zu „{wanted}“: Noch ist keiner Frage ein Amt zugewiesen (z im Programm)."
        ),
        false => format!("Kein Amt passt zu „{wanted}“. Es gibt: {known}."),
    },
    answered_no_text: "beantwortet, aber ohne Antworttext",
    open_by_assignee: "Offene Fragen je Zuständigkeit",
    confirm_keep: "Änderungen übernehmen?",
    assignee_hint: "Fachbereich oder Amt; leer = niemand",
    due_hint: "Datum wie 07.09.2022; leer = Frist nach Regel",
    read_in: "einlesen",
    conflict_theirs: "── In der Datei steht:",
    conflict_ours: "── Ihre Fassung:",
    check_year: "So weit liegt keine Frist – bitte das Jahr prüfen.",
    bad_date: "Kein gültiges Datum – bitte wie 07.09.2022 schreiben.",
    no_such_day: |typed| format!("Den {typed} gibt es nicht – Tag und Monat prüfen."),
    new_session: "Neue Sitzung",
    edit_session: "Sitzung bearbeiten",
    new_item: "Neuer Tagesordnungspunkt",
    edit_item: "Tagesordnungspunkt bearbeiten",
    new_motion: "Neuer Antrag / neue Anfrage",
    edit_motion: "Antrag bearbeiten",
    new_question: "Neue Frage",
    edit_question: "Frage bearbeiten",
    refused_empty: "Bitte ausfüllen: ohne diese Angabe kann nichts gespeichert werden.",
    refused_time: "Keine gültige Uhrzeit. Schreiben Sie sie wie 17:00.",
    refused_motion: "Kein Antrag mit diesem Titel. Tippen Sie den Anfang eines Titels: Passende werden vorgeschlagen, → übernimmt.",
    refused_taken: "Diese Nummer hat schon eine andere Frage des Antrags.",
    ask_delete: "Löschen?",
    hint_new_session: "neue Sitzung",
    hint_new_item: "neuer TOP",
    hint_new_motion: "neuer Antrag",
    hint_new_question: "neue Frage",
    not_on_any_item: "(auf keinem Tagesordnungspunkt)",
    choose_item: "Auf welchen Tagesordnungspunkt?",
    choose_session: "In welche Sitzung?",
    report_for: "Bericht",
    letter_to: "Beantwortung",
    more_fields_above: "▲ weitere Felder",
    more_fields_below: "▼ weitere Felder",
    outputs: [
        "Arbeitsfassung als Word-Datei (.docx)",
        "Arbeitsfassung für den Browser (HTML)",
        "Arbeitsfassung als Text (Markdown)",
        "Endfassung für den Ausschuss, Word (.docx)",
        "Endfassung für den Ausschuss, Browser (HTML)",
    ],
    letter_finals: [
        "Endfassung zum Versand, Word (.docx)",
        "Endfassung zum Versand, Browser (HTML)",
    ],
    import_letter: "Schreiben einlesen: Datei (.txt, .docx, .pdf) oder Text einfügen",
    new_line: "neue Zeile",
    quotes: ("„", "“"),
    recovery_title: "Nicht gespeicherte Änderungen",
    recovery_intro: "Vom letzten Mal sind diese Änderungen noch nicht gespeichert:",
};

pub(super) static REPORT: ReportWords = ReportWords {
    lang: "de",
    file_stem: "Bericht",
    working_stem: "Arbeitsfassung",
    final_stem: "Endfassung",
    title: "Bericht der Verwaltung",
    open: "OFFEN – noch nicht beantwortet",
    open_in_progress: "OFFEN – in Bearbeitung, noch nicht beantwortet",
    open_no_text: "OFFEN – als beantwortet markiert, aber ohne Antworttext",
    draft: "Entwurf",
    no_questions: "Ohne Fragen.",
    nothing: "Zu dieser Sitzung liegen keine Anträge oder Anfragen vor.",
    open_final: "Die Frage wird in der Sitzung mündlich beantwortet.",
    working: "Arbeitsfassung – nicht zur Weitergabe",
    page: "Seite",
    of: "von",
    number: "Drucksache",
    letter_title: "Beantwortung",
    letter_to: |groups| {
        if groups == 1 {
            "An die Fraktion"
        } else {
            "An die Fraktionen"
        }
    },
    letter_subject: |kind, title, date| match date {
        Some(date) => format!("{kind} „{title}“ vom {date}"),
        None => format!("{kind} „{title}“"),
    },
    salutation: "Sehr geehrte Damen und Herren,",
    // Anfrage and Anregung are feminine, Antrag and Prüfauftrag not.
    letter_intro: |kind| format!("zu {} nimmt die Verwaltung wie folgt Stellung:", your(kind)),
    closing: "Mit freundlichen Grüßen",
    nonpublic: "nicht öffentlich",
    nonpublic_lead: ("Nicht öffentlich", |items| {
        format!(
            "Enthält nicht öffentliche Tagesordnungspunkte ({items}) – nicht zur Veröffentlichung."
        )
    }),
    letter_written: "Beantwortung geschrieben",
    bad_output: |name, folder, ext| match folder {
        true => format!(
            "{name} ist ein Ordner. Geben Sie nach -o einen Dateinamen an, etwa bericht.{ext}."
        ),
        false => format!(
            "{name} passt nicht zum Format: agenda schreibt .md, .html oder .docx (gewählt mit --format markdown, html oder docx); für dieses Format heißt die Datei etwa bericht.{ext}. Nichts wurde geschrieben."
        ),
    },
    unreadable: |id| {
        format!("Die Vorlage „{id}“ dieses Tagesordnungspunkts liegt nicht lesbar vor.")
    },
    reference: "Bezug: Drucksache",
    groups: |n| if n == 1 { "Fraktion" } else { "Fraktionen" },
};

/// "Ihrer Großen Anfrage", "Ihrem Antrag": a kind of motion after "zu",
/// its noun found by its ending (Anfrage, Anregung, Resolution are
/// feminine, Antrag and Prüfauftrag not) and the adjectives before it
/// declined; a kind whose noun is not known is named as written after
/// "Ihrem Schreiben".
fn your(kind: &str) -> String {
    let words: Vec<&str> = kind.split(' ').collect();
    let is_noun = |w: &str, endings: &[&str]| {
        let w = w.to_lowercase();
        endings.iter().any(|e| w.ends_with(e))
    };
    const FEMININE: [&str; 4] = ["frage", "ung", "tion", "anfrage"];
    const OTHERS: [&str; 2] = ["trag", "auftrag"];
    let Some(at) = words
        .iter()
        .position(|w| is_noun(w, &FEMININE) || is_noun(w, &OTHERS))
    else {
        return format!("Ihrem Schreiben „{kind}“");
    };
    let yours = if is_noun(words[at], &FEMININE) {
        "Ihrer"
    } else {
        "Ihrem"
    };
    // After "Ihrer"/"Ihrem" an adjective ends in -en: "Großen", "Kleinen".
    let declined: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| match i < at && w.ends_with('e') {
            true => format!("{w}n"),
            false => w.to_string(),
        })
        .collect();
    format!("{yours} {}", declined.join(" "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_kind_is_named_as_german_wants_it_after_zu() {
        assert_eq!(super::your("Anfrage"), "Ihrer Anfrage");
        assert_eq!(super::your("Große Anfrage"), "Ihrer Großen Anfrage");
        assert_eq!(super::your("Antrag"), "Ihrem Antrag");
        assert_eq!(
            super::your("Anfrage nach § 17 GeschO"),
            "Ihrer Anfrage nach § 17 GeschO"
        );
        assert_eq!(super::your("Resolution"), "Ihrer Resolution");
        assert_eq!(super::your("Prüfauftrag"), "Ihrem Prüfauftrag");
        assert_eq!(
            super::your("Bürgerbegehren"),
            "Ihrem Schreiben „Bürgerbegehren“"
        );
    }
}
