//! Die Kommandozeile auf Deutsch: die Hilfe jedes Befehls und die Fehler.

use clap::error::ErrorKind;

use crate::i18n::CliHeadings;

/// The German help of a command (`check.about`) or argument
/// (`check.dir`; `*.lang` for every command).
pub(crate) fn help(key: &str) -> Option<&'static str> {
    Some(match key {
        "about" => "Ausschusssitzungen vorbereiten: Anträge, ihre Fragen und die Antworten.",
        "dir" | "*.dir" => {
            "Datenordner (sonst AGENDA_DIR, sonst data_dir aus config.toml, sonst der Datenordner des Systems)"
        }
        "*.today" => {
            "Tage von diesem Datum an zählen statt von heute (07.09.2022, 7.9.22 oder 2022-09-07)"
        }
        "*.lang" => "Sprache der Ausgabe (sonst die des Systems)",
        "check.about" => "Alle Dateien prüfen; jedes Problem als Datei:Zeile:Spalte",
        "status.about" => "Je Sitzung: Datum, verbleibende Tage, beantwortete Fragen je Antrag",
        "status.json" | "due.json" => "JSON für Skripte ausgeben",
        "due.about" => "Jede Frage, die auf Antwort wartet, je Amt, früheste Frist zuerst",
        "due.department" => "Nur dieses Amt (ein Teil seines Namens; leer: niemand zuständig)",
        "calendar.about" => "Sitzungen und Fristen als iCalendar-Datei (Outlook, Thunderbird)",
        "calendar.output" | "export.output" => {
            "In diese Datei schreiben statt auf die Standardausgabe"
        }
        "calendar.force" | "export.force" => "Eine vorhandene Datei ersetzen",
        "help.about" => "Diese Hilfe, oder die eines Befehls (agenda help status)",
        "export.about" => "Der Bericht einer Sitzung oder die Beantwortung eines Antrags",
        "export.session" => "Die ID der Sitzung (siehe agenda status --json): ihr Bericht",
        "export.motion" => "Die ID eines Antrags: die Antwort der Verwaltung als Schreiben",
        "export.format" => {
            "markdown, html (eine Seite, druckbar auf A4) oder docx (Word); sonst nach der Endung der Datei von -o, ohne sie html"
        }
        "export.final_version" => "Die Fassung zur Weitergabe: nur Antworten, keine Entwürfe",
        "export.nonpublic" => "Auch nicht öffentliche Tagesordnungspunkte",
        "export.number" => "Die Drucksachennummer für den Briefkopf",
        "import.about" => "Schreiben und Daten des Ratsinformationssystems übernehmen",
        "import.text.about" => "Schreiben (Text, Markdown, Word .docx, PDF) werden Antragsdateien",
        "import.text.files" => "Die Schreiben; - liest eines von der Standardeingabe",
        "import.text.dry_run" => "Die Antragsdatei zeigen statt schreiben; nichts schreiben",
        "import.text.allow_no_questions" => {
            "Auch ein Schreiben ohne Fragen übernehmen (Anträge haben oft keine)"
        }
        "import.oparl.about" => "Sitzungen und Vorlagen aus dem Ratsinformationssystem (OParl)",
        "import.oparl.sources" => {
            "JSON-Dateien oder http(s)-Adressen einer Sitzung, Vorlage, Liste, eines Gremiums, einer Körperschaft oder eines Systems (sonst [oparl] url in config.toml)"
        }
        "import.oparl.dry_run" => "Sagen, was sich ändern würde; nichts schreiben",
        "import.oparl.since" => "Nur Sitzungen ab diesem Tag (für Körperschaft, System, Gremium)",
        "import.oparl.committee" => "Nur Sitzungen von Gremien, deren Name dies enthält",
        "sync.about" => {
            "Den Datenordner über git teilen: festhalten, holen, Feld für Feld zusammenführen, senden"
        }
        "sync.dir" => "Datenordner (in einem git-Repository)",
        "history.about" => "Die Änderungen der Fragen eines Antrags aus git: wer, wann, was",
        "history.motion" => "Die ID des Antrags",
        "history.question" => "Nur diese Frage (ihre Nummer)",
        "completions.about" => {
            "Vervollständigung für die Shell: agenda completions bash > ~/.local/share/bash-completion/completions/agenda"
        }
        "completions.shell" => "bash, zsh, fish, powershell oder elvish",
        "man.about" => {
            "Die Handbuchseiten (roff): agenda man ~/.local/share/man/man1 schreibt eine je Befehl"
        }
        "man.folder" => {
            "agenda.1 und eine Seite je Befehl in diesen Ordner schreiben (sonst agenda.1 auf die Standardausgabe)"
        }
        "search.about" => "Unscharfe Suche über alles; beste Treffer zuerst, einer je Zeile",
        "search.words" => "[ORDNER] SUCHE: der Datenordner (wahlweise) und wonach gesucht wird",
        _ => return None,
    })
}

pub(crate) const HEADINGS: CliHeadings = CliHeadings {
    usage: "Aufruf:",
    commands: "Befehle:",
    arguments: "Argumente:",
    options: "Optionen:",
    command_name: "BEFEHL",
    help: "Diese Hilfe zeigen",
    version: "Die Version zeigen",
};

/// A parsing error in plain words; `None` where clap's parser passed on
/// words of ours (a date that is not one).
pub(crate) fn error(
    kind: ErrorKind,
    arg: &str,
    value: &str,
    valid: &str,
    suggested: &str,
) -> Option<String> {
    let hint = match suggested.is_empty() {
        true => String::new(),
        false => format!(" Meinten Sie {suggested}?"),
    };
    Some(match kind {
        // A word that is no option: one more than the command takes.
        ErrorKind::UnknownArgument if !arg.starts_with('-') => {
            format!("Eine Angabe zu viel: „{arg}“.{hint}")
        }
        ErrorKind::UnknownArgument => format!("Die Angabe „{arg}“ gibt es hier nicht.{hint}"),
        ErrorKind::InvalidSubcommand => format!("Den Befehl „{value}“ gibt es nicht.{hint}"),
        ErrorKind::InvalidValue if value.is_empty() && !valid.is_empty() => {
            format!("{arg} braucht einen Wert. Möglich sind: {valid}.")
        }
        ErrorKind::InvalidValue if !valid.is_empty() => {
            format!("„{value}“ passt nicht zu {arg}. Möglich sind: {valid}.")
        }
        ErrorKind::InvalidValue => format!("{arg} braucht einen Wert."),
        // clap's notation (<--session <ID>|--motion <ID>>) as words.
        ErrorKind::MissingRequiredArgument => {
            let said = arg.trim_end_matches('.').replace(['<', '>'], "");
            format!("Es fehlt: {}.", said.replace('|', " oder "))
        }
        ErrorKind::ArgumentConflict => format!("{arg} geht nicht zusammen mit {value}."),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("Zu viele Angaben: „{value}“.")
        }
        ErrorKind::MissingSubcommand => "Es fehlt der Befehl.".to_string(),
        _ => return None,
    })
}

/// What stands for an argument's value.
pub(crate) fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "dir" | "folder" => "ORDNER",
        "words" => "[ORDNER] SUCHE",
        "today" | "since" => "DATUM",
        "lang" => "SPRACHE",
        "session" | "motion" => "ID",
        "output" | "files" => "DATEI",
        "number" | "question" => "NR",
        "department" => "AMT",
        "committee" => "GREMIUM",
        "sources" => "QUELLE",
        _ => return None,
    })
}

/// clap's own words in its help.
pub(crate) const WORDS: &[(&str, &str)] = &[
    ("[OPTIONS]", "[OPTIONEN]"),
    ("[possible values: ", "[möglich: "),
    ("Possible values:", "Mögliche Werte:"),
    ("[default: ", "[Vorgabe: "),
    (
        "A Word document (.docx), for LibreOffice too",
        "ein Word-Dokument (.docx), auch für LibreOffice",
    ),
];
