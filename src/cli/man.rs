//! The manual pages: clap_mangen's, with the main page given what a
//! manual page is read for beside the options (what the program is for,
//! its folders, environment and exit codes), in the user's language.

use std::io::{self, Write};
use std::path::Path;

use clap::Command;
use roff::{Roff, bold, roman};

use crate::i18n::Lang;

/// One section: its heading, and paragraphs of (term, text); a term of
/// `None` is a plain paragraph.
type Section = (
    &'static str,
    &'static [(Option<&'static str>, &'static str)],
);

const DE: [Section; 4] = [
    (
        "BESCHREIBUNG",
        &[
            (
                None,
                "agenda zeigt im Terminal die Sitzungen der Ausschüsse, ihre Tagesordnung, die Anträge und Anfragen der Fraktionen und deren Fragen: wer antwortet, bis wann, was beantwortet ist. Ohne BEFEHL öffnet es die Vollbildansicht auf dem Datenordner; dort zeigt ? alle Tasten, / sucht in allem, w zeigt, was zu beantworten ist, x schreibt den Bericht.",
            ),
            (
                None,
                "Die Daten sind TOML-Dateien in einem Ordner (sitzungen/, antraege/), die auch von Hand bearbeitet und in einem geteilten Ordner oder in git gehalten werden dürfen. Jede Änderung wird sofort gespeichert; eine Datei, die jemand anderes inzwischen geändert hat, wird nie ungesehen überschrieben.",
            ),
        ],
    ),
    (
        "UMGEBUNG",
        &[
            (
                Some("AGENDA_DIR"),
                "Der Datenordner, wo keiner genannt ist.",
            ),
            (
                Some("AGENDA_CONFIG"),
                "Die Einstellungsdatei statt config.toml im Einstellungsordner.",
            ),
            (
                Some("AGENDA_CACHE=off"),
                "Ohne Zwischenspeicher: jede Datei wird bei jedem Start gelesen.",
            ),
            (
                Some("VISUAL, EDITOR"),
                "Der eigene Editor für E (eine Antwort außerhalb schreiben).",
            ),
            (
                Some("NO_COLOR"),
                "Keine Farben; jeder Zustand hat zusätzlich ein Zeichen.",
            ),
            (
                Some("LANG, LC_ALL"),
                "Deutsch, wo die Sprache des Systems Deutsch ist (sonst Englisch); --lang wählt sie.",
            ),
        ],
    ),
    (
        "DATEIEN",
        &[
            (
                Some("config.toml"),
                "Im Einstellungsordner (Linux: ~/.config/agenda, macOS: ~/Library/Application Support/agenda, Windows: %APPDATA%\\agenda\\config); nur, was abweicht.",
            ),
            (
                Some("recovery-*.json"),
                "Im Datenordner des Systems: was ein Absturz oder ein geschlossenes Terminal nicht mehr speichern konnte; beim nächsten Start angeboten.",
            ),
            (
                Some(".papierkorb/"),
                "Im Datenordner: gelöschte Anträge, in einem Ordner je Löschung.",
            ),
        ],
    ),
    (
        "RÜCKGABEWERT",
        &[
            (Some("0"), "Erledigt."),
            (
                Some("1"),
                "Erledigt, aber mit Befund: Dateien mit Fehlern (check, status, due), nichts gefunden (search), ein Konflikt (sync).",
            ),
            (
                Some("2"),
                "Nicht getan: falsche Angaben, ein Ordner, der nicht zu lesen ist, kein Terminal.",
            ),
        ],
    ),
];

const EN: [Section; 4] = [
    (
        "DESCRIPTION",
        &[
            (
                None,
                "agenda shows, in a terminal, the committees' sessions, their agendas, the council groups' motions and inquiries and their questions: who answers, by when, what is answered. Without COMMAND it opens the full-screen view on the data folder; there ? shows every key, / searches everything, w lists what is to answer, x writes the report.",
            ),
            (
                None,
                "The data are TOML files in a folder (sitzungen/, antraege/) that may be edited by hand and kept in a shared folder or in git. Every change is saved at once; a file someone else changed meanwhile is never overwritten unseen.",
            ),
        ],
    ),
    (
        "ENVIRONMENT",
        &[
            (Some("AGENDA_DIR"), "The data folder where none is named."),
            (
                Some("AGENDA_CONFIG"),
                "The settings file instead of config.toml in the config folder.",
            ),
            (
                Some("AGENDA_CACHE=off"),
                "No cache: every file is read at every start.",
            ),
            (
                Some("VISUAL, EDITOR"),
                "Your own editor for E (write an answer outside).",
            ),
            (
                Some("NO_COLOR"),
                "No colours; every state has a sign besides.",
            ),
            (
                Some("LANG, LC_ALL"),
                "German where the system's language is German (else English); --lang chooses.",
            ),
        ],
    ),
    (
        "FILES",
        &[
            (
                Some("config.toml"),
                "In the config folder (Linux: ~/.config/agenda, macOS: ~/Library/Application Support/agenda, Windows: %APPDATA%\\agenda\\config); only what differs.",
            ),
            (
                Some("recovery-*.json"),
                "In the system's data folder: what a crash or a closed terminal could not save any more; offered at the next start.",
            ),
            (
                Some(".papierkorb/"),
                "In the data folder: deleted motions, a folder per deletion.",
            ),
        ],
    ),
    (
        "EXIT STATUS",
        &[
            (Some("0"), "Done."),
            (
                Some("1"),
                "Done, with a finding: files with errors (check, status, due), nothing found (search), a conflict (sync).",
            ),
            (
                Some("2"),
                "Not done: wrong arguments, a folder that cannot be read, no terminal.",
            ),
        ],
    ),
];

/// clap_mangen's own words (headings, "Possible values") in `lang`.
fn translated(page: Vec<u8>, lang: Lang) -> Vec<u8> {
    let Lang::De = lang else {
        return page;
    };
    let mut text = String::from_utf8_lossy(&page).into_owned();
    for (english, german) in [
        (".SH SYNOPSIS", ".SH ÜBERSICHT"),
        (".SH OPTIONS", ".SH OPTIONEN"),
        (".SH SUBCOMMANDS", ".SH BEFEHLE"),
        ("Possible values:", "Mögliche Werte:"),
        ("[\\fIbefehl\\fR]", "[\\fIBEFEHL\\fR]"),
    ] {
        text = text.replace(english, german);
    }
    text.into_bytes()
}

/// The main page: clap's sections, then ours.
fn main_page(command: Command, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut page = Vec::new();
    main_page_english(command, lang, &mut page)?;
    out.write_all(&translated(page, lang))
}

fn main_page_english(command: Command, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let man = clap_mangen::Man::new(command);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    let sections = match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    };
    let mut roff = Roff::default();
    for (heading, paragraphs) in sections.iter().take(1) {
        section(&mut roff, heading, paragraphs);
    }
    roff.to_writer(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    let mut roff = Roff::default();
    for (heading, paragraphs) in sections.iter().skip(1) {
        section(&mut roff, heading, paragraphs);
    }
    roff.to_writer(out)?;
    man.render_version_section(out)
}

fn section(roff: &mut Roff, heading: &str, paragraphs: &[(Option<&str>, &str)]) {
    roff.control("SH", [heading]);
    for (term, text) in paragraphs {
        match term {
            Some(term) => {
                roff.control("TP", []);
                roff.text([bold(*term)]);
                roff.text([roman(*text)]);
            }
            None => {
                roff.control("PP", []);
                roff.text([roman(*text)]);
            }
        }
    }
}

/// The manual to standard output (the main page), or into `folder` (a
/// page per command).
pub(super) fn write(command: Command, lang: Lang, folder: Option<&Path>) -> io::Result<()> {
    let Some(folder) = folder else {
        return main_page(command, lang, &mut io::stdout().lock());
    };
    std::fs::create_dir_all(folder)?;
    let name = format!("{}.1", command.get_name());
    let mut page = Vec::new();
    main_page(command.clone(), lang, &mut page)?;
    crate::store::write_atomically(&folder.join(name), &page)?;
    // A page per command below, as clap_mangen names them, in `lang` too.
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut below: Vec<Command> = command.get_subcommands().cloned().collect();
    while let Some(sub) = below.pop() {
        below.extend(sub.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        let man = clap_mangen::Man::new(sub);
        let mut page = Vec::new();
        man.render(&mut page)?;
        crate::store::write_atomically(&folder.join(man.get_filename()), &translated(page, lang))?;
    }
    Ok(())
}
