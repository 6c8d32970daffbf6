//! Probleme beim Laden in klaren Worten, mit der Abhilfe.

use crate::store::{Expected, Found, IoCause, Problem, RecordKind};

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
        Found::GermanDate => "ein Datum in anderer Schreibweise",
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

/// The TOML parser's words (English) for what it finds most often, in
/// German; anything else as it says it.
fn syntax(detail: &str) -> String {
    let what = detail.split(", expected").next().unwrap_or(detail);
    let german = match what {
        "duplicate key" => "ein Schlüssel steht zweimal",
        "invalid basic string" => "ein Text ohne schließendes Anführungszeichen \"",
        "invalid literal string" => "ein Text ohne schließendes Hochkomma '",
        "invalid multi-line basic string" => "ein mehrzeiliger Text ohne schließendes \"\"\"",
        "invalid boolean" => "ein Wahrheitswert heißt true oder false",
        "invalid date" => "ein Datum, das es nicht gibt (Monat 01 bis 12, Tag 01 bis 31)",
        "invalid time" => {
            "eine Uhrzeit, die nicht zu lesen ist (so: 17:00:00), oder nach dem Datum steht noch etwas"
        }
        "invalid comment character" => "ein Zeichen im Kommentar, das dort nicht stehen darf",
        "unclosed array table" => "eine Überschrift [[…]] ohne schließende Klammern ]]",
        "unclosed array of tables" => "eine Überschrift [[…]] ohne schließende Klammern ]]",
        "invalid float" | "unexpected leading zero" => "eine Zahl, die keine ist",
        "key with no value" => "ein Schlüssel ohne Wert: es fehlt „=“",
        "string values must be quoted" => "ein Text ohne Anführungszeichen",
        "unclosed array" => "eine Liste ohne schließende Klammer ]",
        "unclosed inline table" => "eine Tabelle ohne schließende Klammer }",
        "unclosed table" => "eine Überschrift ohne schließende Klammer ]",
        "unquoted keys cannot be empty" => "vor „=“ fehlt der Schlüssel",
        "missing escaped value" => {
            "ein \\ im Text; Pfade bitte in einfachen Hochkommas schreiben: 'C:\\Ordner'"
        }
        "invalid unquoted key" => {
            "ein Schlüssel mit Zeichen, die dort nicht stehen dürfen (nur a–z, Ziffern, - und _)"
        }
        "invalid datetime" => "ein Datum oder eine Uhrzeit, die nicht zu lesen ist (so: 17:00:00)",
        "too few unicode value digits" => "ein unvollständiges \\u-Zeichen im Text",
        "`_` may only go between digits" => "ein _ in einer Zahl, wo es nicht stehen darf",
        "missing comma between array elements" => {
            "zwischen den Einträgen einer Liste fehlt ein Komma"
        }
        "unexpected `=` in array" => "eine Liste ohne schließende Klammer ]",
        "missing key for inline table element" | "missing comma between key-value pairs" => {
            "eine Tabelle in { } ist nicht richtig geschrieben"
        }
        _ => return detail.to_string(),
    };
    german.to_string()
}

fn maybe(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" Meinten Sie „{s}“?"))
        .unwrap_or_default()
}

pub(super) fn problem(problem: &Problem) -> String {
    match problem {
        Problem::ControlChar { code } => format!(
            "Hier steht ein Steuerzeichen (U+{code:04X}), das in TOML nicht stehen darf – oft ein mitkopierter Farbcode. Löschen Sie es in einem Texteditor."
        ),
        Problem::Syntax { detail } => format!(
            "Die Datei ist kein gültiges TOML ({}). Korrigieren Sie die Stelle in einem Texteditor.",
            syntax(detail)
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
            kept,
        } => {
            let what = match kind {
                RecordKind::Session => "Sitzung",
                RecordKind::Motion => "Antrag",
            };
            let to = match kept {
                true => "auf diese Datei".to_string(),
                false => format!("auf {}", first.display()),
            };
            format!(
                "Die ID „{id}“ ({what}) steht auch in {}, Zeile {first_line}. IDs müssen eindeutig sein: ändern Sie eine der beiden. Bis dahin werden beide gezeigt; Verweise mit dieser ID gehen {to}.",
                first.display()
            )
        }
        Problem::UnknownMotion {
            id,
            unreadable: Some(file),
            ..
        } => format!(
            "Die Tagesordnung nennt den Antrag „{id}“; seine Datei {} hat Fehler und kann nicht gelesen werden. Beheben Sie die Fehler dort.",
            file.display()
        ),
        Problem::UnknownMotion { id, suggestion, .. } => format!(
            "Die Tagesordnung nennt den Antrag „{id}“, den es nicht gibt.{} Prüfen Sie die ID oder legen Sie die Antragsdatei an.",
            maybe(suggestion)
        ),
        Problem::UnknownSession {
            id,
            unreadable: Some(file),
            ..
        } => format!(
            "Der Antrag nennt die Sitzung „{id}“; ihre Datei {} hat Fehler und kann nicht gelesen werden. Beheben Sie die Fehler dort (keine neue Sitzungsdatei anlegen).",
            file.display()
        ),
        Problem::UnknownSession { id, suggestion, .. } => format!(
            "Der Antrag nennt die Sitzung „{id}“, die es nicht gibt.{} Prüfen Sie die ID oder legen Sie die Sitzungsdatei an.",
            maybe(suggestion)
        ),
        Problem::BadStatus { value } => format!(
            "Unbekannter Status „{value}“. Erlaubt sind \"open\" (offen), \"in_progress\" (in Arbeit) und \"answered\" (beantwortet)."
        ),
        Problem::BadState { value } => format!(
            "Unbekannter Stand „{value}“. Erlaubt sind \"withdrawn\" (zurückgezogen), \"postponed\" (vertagt) und \"done\" (erledigt); ohne state ist der Antrag offen."
        ),
        Problem::SessionMismatch {
            motion,
            named,
            listed_in,
        } => format!(
            "Der Antrag „{motion}“ nennt die Sitzung „{named}“, steht aber auf der Tagesordnung von „{listed_in}“. Gleichen Sie „session“ oder die Tagesordnung an."
        ),
        Problem::AnsweredWithoutText { number } => format!(
            "Frage {number} ist als beantwortet markiert, hat aber keinen Antworttext; sie zählt als offen. Tragen Sie die Antwort ein (answer) oder setzen Sie den Status zurück."
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
            IoCause::OutsideFolder => {
                "Ein symbolischer Link auf einen Ordner außerhalb des Datenordners: wird nicht gelesen. Legen Sie die Dateien in den Datenordner.".into()
            }
            IoCause::NotAFile => {
                "Heißt wie eine Datendatei, ist aber keine Datei (sondern ein Ordner, eine Pipe oder ein Gerät): wird nicht gelesen. Benennen Sie es um.".into()
            }
            IoCause::Other(reason) => format!("Kann nicht gelesen werden: {reason}"),
        },
    }
}
