//! What an OParl import says, in German.

use crate::i18n::date;
use crate::import::ReadError;
use crate::oparl::{Failure, JsonFault, Say, Subject, shown};

fn unreadable(r: &ReadError) -> String {
    match r {
        ReadError::Unreadable(cause) => super::German::read_cause(cause),
        ReadError::Damaged(why) => why.clone(),
        ReadError::Empty => "es enthält keinen Text, wohl ein eingescanntes Bild".into(),
        ReadError::Binary => "weder Text noch ein PDF- oder Word-Dokument".into(),
    }
}

fn failure(f: &Failure) -> String {
    match f {
        Failure::NotFound => "gibt es dort nicht (404)".into(),
        Failure::Status(code) => format!("der Server antwortet mit Fehler {code}"),
        Failure::Unreachable(why) => format!("der Server ist nicht erreichbar ({why})"),
        Failure::TimedOut => {
            "der Server hat nicht rechtzeitig geantwortet (binnen 60 Sekunden)".into()
        }
        Failure::NotJson(why) => format!("die Antwort ist kein JSON ({why})"),
        Failure::Broken(why) => format!("die Antwort brach ab ({why})"),
        Failure::TooBig => "die Antwort ist größer als 64 MB; übersprungen".into(),
    }
}

fn subject_de(s: &Subject) -> String {
    match s {
        Subject::Session { committee, date: d } => format!("Sitzung {committee}, {}", date(*d)),
        Subject::Motion { title } => format!("Vorlage „{title}“"),
    }
}

fn keys(keys: &[String]) -> String {
    let labels: Vec<&str> = keys.iter().map(|k| super::German::key_label(k)).collect();
    labels.join(", ")
}

/// One line of the import, in plain words.
pub(crate) fn say(s: &Say) -> String {
    match s {
        Say::BadJson {
            file,
            line,
            column,
            reason,
        } => {
            let reason = match reason {
                JsonFault::Empty => "die Datei ist leer",
                JsonFault::EndsEarly => {
                    "sie endet mitten im Text – wohl nur zum Teil gespeichert oder kopiert"
                }
                JsonFault::NoValue => "hier fehlt ein Wert",
                JsonFault::TrailingComma => "ein Komma zu viel vor der Klammer",
                JsonFault::Other(words) => words,
            };
            format!(
                "{file}:{line}:{column}: kein gültiges JSON ({reason}). Die Datei wurde übersprungen."
            )
        }
        Say::NotAnAddress { source } => format!(
            "{source}: Das ist weder eine Datei hier noch eine Adresse mit http:// oder https://. Geben Sie die Adresse so an, wie der Browser sie zeigt (mit https://)."
        ),
        Say::Unreadable { file, reason } => {
            format!("{file}: kann nicht gelesen werden ({reason}).")
        }
        Say::Fetch {
            url,
            failure: f,
            whole: false,
        } => format!(
            "{url}: {}. Dieser Teil fehlt; der Rest wurde übernommen.",
            failure(f)
        ),
        Say::Fetch {
            url,
            failure: f,
            whole: true,
        } => format!("{url}: {}. Von dort wurde nichts übernommen.", failure(f)),
        Say::WrongType {
            url,
            expected,
            found,
        } => format!(
            "{url}: erwartet war ein Objekt vom Typ {expected}, geliefert wurde eines vom Typ {found}. Übersprungen."
        ),
        Say::NotImportable { source, found } => format!(
            "{source}: ein Objekt vom Typ {found} enthält keine Sitzungen oder Vorlagen. Geben Sie eine Sitzung (Meeting), Vorlage (Paper), ein Gremium, eine Körperschaft (Body) oder eine Liste an."
        ),
        Say::NotOparl { source } => format!(
            "{source}: das ist kein OParl-Objekt (ein solches nennt seinen „type“). Geben Sie eine Sitzung (Meeting), Vorlage (Paper), ein Gremium, eine Körperschaft (Body) oder eine Liste an."
        ),
        Say::OutsideFiles { count, example } => match count {
            1 => format!(
                "1 Verweis führt aus den angegebenen Dateien hinaus und wurde nicht abgerufen ({example}). Für alles: die Adresse des Servers angeben."
            ),
            n => format!(
                "{n} Verweise führen aus den angegebenen Dateien hinaus und wurden nicht abgerufen (z. B. {example}). Für alles: die Adresse des Servers angeben."
            ),
        },
        Say::NoId { kind, name } => format!(
            "Ein {kind}-Objekt ohne id („{name}“) wurde übersprungen: ohne Kennung ist es nicht wiederzufinden."
        ),
        Say::Cancelled { committee, date: d } => format!(
            "{committee}, {}: die Sitzung ist im Ratsinformationssystem abgesagt.",
            date(*d)
        ),
        Say::NoStart { meeting } => {
            format!("Sitzung „{meeting}“: ohne Beginn (start) kein Datum; übersprungen.")
        }
        Say::NoCommittee { meeting, date: d } => format!(
            "Sitzung {meeting} am {}: sie hat weder Namen noch Gremium, welches Gremium tagt, ist also unklar; übersprungen.",
            date(*d)
        ),
        Say::NoName { paper } => {
            format!("Vorlage {paper}: ohne Namen und Drucksachennummer; übersprungen.")
        }
        Say::NoText { url, reason } => format!(
            "{url}: aus dem Dokument ließ sich kein Text lesen ({}); die Fragen bitte von Hand eintragen.",
            unreadable(reason)
        ),
        Say::TooManyPages { url, pages } => {
            format!("{url}: nach {pages} Seiten abgebrochen; die Liste endet nicht.")
        }
        Say::SessionNew {
            committee,
            date: d,
            path,
            items,
        } => format!(
            "Neu: {committee}, {} ({} TOP) → {}",
            date(*d),
            items,
            path.display()
        ),
        Say::SessionUpdated {
            committee,
            date: d,
            path,
            keys: k,
        } => format!(
            "Geändert: {committee}, {} ({}) → {}",
            date(*d),
            keys(k),
            path.display()
        ),
        Say::MotionNew {
            kind,
            title,
            path,
            questions,
        } => format!(
            "Neu: {kind} „{title}“, {} → {}",
            match questions {
                0 => "ohne Fragen".to_string(),
                1 => "1 Frage".to_string(),
                n => format!("{n} Fragen"),
            },
            path.display()
        ),
        Say::MotionUpdated {
            title,
            path,
            keys: k,
        } => {
            format!("Geändert: „{title}“ ({}) → {}", keys(k), path.display())
        }
        Say::Unchanged { sessions, motions } => format!(
            "Unverändert: {} und {}.",
            match sessions {
                1 => "1 Sitzung".to_string(),
                n => format!("{n} Sitzungen"),
            },
            match motions {
                1 => "1 Vorlage".to_string(),
                n => format!("{n} Vorlagen"),
            }
        ),
        Say::DeletedUpstream {
            name,
            path,
            session: false,
        } => format!(
            "„{name}“ ist im Ratsinformationssystem gelöscht; hier bleibt es erhalten ({}). Löschen Sie es in der App mit D, wenn es weg soll.",
            path.display()
        ),
        Say::DeletedUpstream {
            name,
            path,
            session: true,
        } => format!(
            "„{name}“ ist im Ratsinformationssystem gelöscht; die Sitzung bleibt hier erhalten. Soll sie weg, löschen Sie ihre Datei {}.",
            path.display()
        ),
        Say::ItemGone {
            committee,
            date: d,
            number,
            title,
        } => format!(
            "{committee}, {}: TOP {number} „{title}“ steht nicht mehr auf der Tagesordnung im Ratsinformationssystem; hier bleibt er erhalten.",
            date(*d)
        ),
        Say::NotWritten { path, reason } => format!(
            "{}: nicht geschrieben ({}). Die anderen Dateien wurden geschrieben; noch einmal importieren, wenn der Grund behoben ist.",
            path.display(),
            reason
                .as_deref()
                .unwrap_or("jemand hat die Datei währenddessen geändert")
        ),
        Say::Moved {
            committee,
            date: d,
            motion,
            from,
            to,
        } => format!(
            "{committee}, {}: „{motion}“ steht im Ratsinformationssystem jetzt unter TOP {to}; hier von TOP {from} dorthin verschoben.",
            date(*d)
        ),
        Say::Held { subject, path } => format!(
            "{}: nicht übernommen, denn {} enthält Fehler und ist vielleicht schon ihre Datei (eine zweite wäre doppelt). Bitte die Datei korrigieren (agenda check), dann noch einmal importieren.",
            subject_de(subject),
            path.display()
        ),
        Say::KeptLocal {
            subject,
            item,
            key,
            here,
            there,
            path,
        } => {
            let what = match item {
                Some(number) => format!("TOP {number} der {}", subject_de(subject)),
                None => subject_de(subject),
            };
            let empty = || "(leer)".to_string();
            format!(
                "Beibehalten: {} von {what} bleibt „{}“, wie hier geändert; im Ratsinformationssystem steht jetzt „{}“. Wenn das gelten soll, bitte von Hand übernehmen. → {}",
                super::German::key_label(key),
                shown(here).unwrap_or_else(empty),
                shown(there).unwrap_or_else(empty),
                path.display()
            )
        }
        Say::LeftAlone { path } => format!(
            "{} enthält Fehler; der Import hat die Datei nicht verändert. Bitte korrigieren (agenda check), dann noch einmal importieren.",
            path.display()
        ),
        Say::Nothing {
            early,
            since,
            others,
            committee,
        } => {
            let mut why = Vec::new();
            if let (n @ 1.., Some(since)) = (*early, since) {
                why.push(format!(
                    "{} vor dem {} (--since oder days_back in der Konfiguration)",
                    match n {
                        1 => "1 Sitzung liegt".to_string(),
                        n => format!("{n} Sitzungen liegen"),
                    },
                    date(*since)
                ));
            }
            if let (n @ 1.., Some(c)) = (*others, committee) {
                why.push(format!(
                    "{} eines Gremiums, dessen Name „{c}“ nicht enthält",
                    match n {
                        1 => "1 Sitzung ist".to_string(),
                        n => format!("{n} Sitzungen sind"),
                    }
                ));
            }
            match why.is_empty() {
                true => "Nichts zu übernehmen: die Quellen enthalten keine lesbare Sitzung und keine Vorlage.".into(),
                false => format!("Nichts zu übernehmen: {}.", why.join("; ")),
            }
        }
        Say::Progress { read } => match read {
            1 => "1 Objekt aus dem Ratsinformationssystem gelesen".into(),
            n => format!("{n} Objekte aus dem Ratsinformationssystem gelesen"),
        },
        Say::DryRun => "Probelauf: nichts wurde geschrieben.".into(),
    }
}
