//! Die Meldungen nach einer Taste oder einem Ergebnis.

use super::German;
use crate::edit::Change;
use crate::i18n::{Keys, Texts};
use crate::input::Action;
use crate::note::Note;

impl German {
    /// A message after something happened, naming the effective keys.
    pub(super) fn note_text(&self, note: &Note, keys: &Keys) -> String {
        let reload = keys.get(Action::Reload);
        let problems_key = keys.get(Action::Problems);
        match note {
            // A record put into the trash is not "saved".
            Note::Saved(change) if keys.trashed(change).is_some() => format!(
                "In den Papierkorb des Datenordners gelegt: {}. {} holt es zurück.",
                keys.trashed(change).unwrap_or_default(),
                keys.get(Action::Undo)
            ),
            Note::Trashed { kind, title } => format!(
                "In den Papierkorb des Datenordners gelegt: {kind} „{title}“. {} holt es zurück.",
                keys.get(Action::Undo)
            ),
            Note::Saved(change) if keys.wrote_draft(change) => format!(
                "Gespeichert: {}. Fertig? {} markiert die Frage als beantwortet.",
                self.change(change, keys),
                keys.get(Action::MarkAnswered)
            ),
            Note::Saved(change) if keys.marked_without_text(change) => format!(
                "Gespeichert: {}. Noch ohne Antworttext zählt sie weiter als offen; {} schreibt die Antwort.",
                self.change(change, keys),
                keys.get(Action::EditAnswer)
            ),
            Note::Saved(change) => format!("Gespeichert: {}.", self.change(change, keys)),
            Note::Undone(change) if keys.trashed(change).is_some() => format!(
                "Aus dem Papierkorb zurückgeholt: {}.",
                keys.trashed(change).unwrap_or_default()
            ),
            Note::Redone(change) if keys.trashed(change).is_some() => format!(
                "Wieder in den Papierkorb gelegt: {}.",
                keys.trashed(change).unwrap_or_default()
            ),
            // What stands now, not what was undone ("Status „in Arbeit“"
            // read as the new state).
            Note::Undone(change) => format!(
                "Rückgängig gemacht, jetzt wieder: {}.",
                self.change(&change.clone().inverse(), keys)
            ),
            Note::Redone(change) => format!("Wiederhergestellt: {}.", self.change(change, keys)),
            Note::EditorMissing { command } => format!(
                "Der Editor „{command}“ lässt sich nicht starten. Setzen Sie VISUAL oder EDITOR auf einen vorhandenen Editor, oder bearbeiten Sie mit {} direkt hier.",
                keys.get(Action::EditAnswer)
            ),
            Note::EditorFailed {
                command,
                code,
                kept,
            } => format!(
                "Der Editor „{command}“ endete mit einem Fehler ({}); die Antwort bleibt unverändert.{}",
                code.map_or_else(|| "abgebrochen".to_string(), |c| format!("Code {c}")),
                kept.as_ref().map_or_else(String::new, |p| format!(
                    " Was Sie im Editor geschrieben haben, ist erhalten: {}",
                    p.display()
                ))
            ),
            Note::DraftsLeft { count, folder } => format!(
                "{} aus dem Editor {} nicht übernommen, weil das Programm vorher beendet wurde. {} in {}.",
                if *count == 1 { "Ein Antworttext".to_string() } else { format!("{count} Antworttexte") },
                if *count == 1 { "wurde" } else { "wurden" },
                if *count == 1 { "Er liegt" } else { "Sie liegen" },
                folder.display()
            ),
            Note::DueAfterSession { due, session } => format!(
                "Frist gespeichert: {} – das ist nach der Sitzung am {}; die Antwort käme zu spät. Stimmt das Datum?",
                crate::i18n::date(*due),
                crate::i18n::date(*session)
            ),
            Note::DueInPast { due } => format!(
                "Frist gespeichert: {} – das Datum ist schon vorbei, die Frage ist damit überfällig. Stimmt das Jahr?",
                crate::i18n::date(*due)
            ),
            Note::FarDate { typed } => format!(
                "Frist „{typed}“: {} Nichts gespeichert.",
                self.labels().check_year
            ),
            Note::BadDate { typed } if crate::dates::no_such_day(typed) => (self.labels().no_such_day)(typed.trim()),
            Note::BadDate { typed } => format!(
                "„{typed}“ ist kein Datum. Schreiben Sie es wie 07.09.2022 (oder 2022-09-07); leer gilt die Frist nach Regel."
            ),
            Note::Exported {
                path,
                letter,
                unreadable,
                unmarked,
            } => {
                let what = if *letter { "Beantwortung" } else { "Bericht" };
                let mut said = format!("{what} geschrieben: {}", path.display());
                if *unreadable > 0 {
                    said.push_str(&format!(
                        " – Achtung: {} der Tagesordnung fehlt darin, die Datei hat Fehler ({}).",
                        count(*unreadable, "Antrag", "Anträge"),
                        keys.get(Action::Problems)
                    ));
                }
                if *unmarked > 0 {
                    said.push_str(&format!(
                        " – {} {} markiert eine Frage als beantwortet.",
                        (self.labels().unmarked_final)(*unmarked),
                        keys.get(Action::MarkAnswered),
                    ));
                }
                said
            }
            Note::ExportFailed { path, reason } => format!(
                "Der Bericht konnte nicht in {} geschrieben werden: {reason}",
                path.display()
            ),
            Note::NoSessionForItem => format!(
                "Dieser Antrag gehört noch zu keiner Sitzung. {} ordnet ihn einer zu; danach setzt {} ihn auf einen Tagesordnungspunkt.",
                keys.get(Action::MoveToSession),
                keys.get(Action::PlaceOnItem)
            ),
            Note::NoSessionHere => format!(
                "Für einen Bericht erst eine Sitzung öffnen ({}).",
                keys.get(Action::Open)
            ),
            Note::Recovered { saved, conflicts } => format!(
                "{} gespeichert{}.",
                count(*saved, "gerettete Änderung", "gerettete Änderungen"),
                if *conflicts > 0 {
                    format!(", {} unter {problems_key}", count(*conflicts, "Konflikt", "Konflikte"))
                } else {
                    String::new()
                }
            ),
            Note::RecoveryUnusable { path } => format!(
                "Eine Wiederherstellungsdatei ließ sich nicht lesen; sie liegt jetzt unter {}. Nichts wurde geändert.",
                path.display()
            ),
            Note::RecoverySetAside { path } => format!(
                "Die geretteten Änderungen liegen beiseite in {}.",
                path.display()
            ),
            Note::Discarded => format!("Verworfen. {} öffnet den Text wieder.", keys.get(Action::Undo)),
            Note::TakenBack => "Der verworfene Text ist wieder geöffnet.".into(),
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
                "{} wurde nicht gespeichert. Ihre Änderung ist nur hier vorgemerkt; {reload} versucht es erneut. Grund: {reason}",
                path.display()
            ),
            Note::FileHasErrors { path } => format!(
                "{} enthält Fehler und wird nicht verändert. Ihre Änderung ist hier vorgemerkt: Korrigieren Sie die Datei (siehe {problems_key}) und drücken Sie {reload}, dann wird sie gespeichert.",
                path.display()
            ),
            Note::NoLock { dir } => format!(
                "Nicht gespeichert: In den Datenordner {} darf dieses Programm nicht schreiben (es legt dort die Datei .agenda.lock an). Ihre Änderung bleibt vorgemerkt; bitten Sie um Schreibrecht auf den Ordner und drücken Sie dann {reload}.",
                dir.display()
            ),
            Note::FileGone { path } => format!(
                "Nicht gespeichert: {} gibt es nicht mehr (gelöscht oder umbenannt). Ihre Antwort bleibt vorgemerkt ({problems_key}); ist die Datei wieder da, speichert {reload} sie.",
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
                    let n = count(*reapplied, "vorgemerkte Änderung", "vorgemerkte Änderungen");
                    out.push_str(&format!(" {n} gespeichert."));
                }
                for c in conflicts {
                    let Change::Question(ours) = &c.ours else {
                        out.push_str(&format!(" {}", self.change(&c.ours, keys)));
                        continue;
                    };
                    out.push_str(&match &c.theirs {
                        Some(theirs) => format!(
                            " Konflikt: {}, Frage {}: in der Datei steht inzwischen {}; Ihre Änderung ({}) wurde nicht übernommen.",
                            keys.motion(&ours.motion),
                            ours.number,
                            self.value(theirs),
                            self.value(&ours.after)
                        ),
                        None => format!(
                            " {}, Frage {} gibt es nicht mehr; Ihre Änderung ({}) wurde nicht übernommen.",
                            keys.motion(&ours.motion),
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
            Note::ConflictDismissed => "Konflikt verworfen: Es bleibt, was in der Datei steht; Ihr Wert ist nicht gespeichert.".into(),
            Note::NotAConflict => format!("Nur Konflikte lassen sich verwerfen. Eine nicht gespeicherte Änderung speichert {reload}."),
            Note::ChangedSince { redo } => format!("{}: Das wurde inzwischen von anderer Seite geändert, und nichts wird ungesehen überschrieben. Beide Fassungen stehen unter {} – wählen Sie dort.", if *redo { "Nicht wiederhergestellt" } else { "Nicht rückgängig gemacht" }, keys.get(Action::Problems)),
            Note::AnswerChangedMeanwhile => format!("Nicht gespeichert: Jemand hat diese Antwort geändert, während Sie schrieben. Beide Fassungen stehen unter {} – wählen Sie dort.", keys.get(Action::Problems)),
            Note::FormChangedMeanwhile { saved } => format!(
                "Nicht gespeichert: Was Sie in einem Feld geändert haben, hat jemand in der Datei geändert, während das Formular offen war; beide Werte stehen unter {} – wählen Sie dort.{}",
                keys.get(Action::Problems),
                if *saved { " Die anderen Felder sind gespeichert." } else { "" }
            ),
            Note::RecoveryDeferred => "Die geretteten Änderungen bleiben aufgehoben und werden beim nächsten Start wieder angeboten.".into(),
            Note::ConflictTargetGone => "Das geht nicht: Dieser Antrag oder diese Frage steht nicht mehr in den Dateien. Der Konflikt bleibt mit Ihrem Wert stehen – übernehmen Sie den Text von Hand, wo er hingehört.".into(),
            Note::BusyOnQuit { pull: true } => format!(
                "Der Abruf aus dem RIS läuft noch. Noch einmal {} bricht ihn ab und beendet (geschrieben ist von ihm noch nichts); sonst bitte warten.",
                keys.get(Action::Quit)
            ),
            Note::BusyOnQuit { pull: false } => format!(
                "Der Abgleich mit den anderen läuft noch. Bitte warten, bis er fertig ist; noch einmal {} beendet trotzdem.",
                keys.get(Action::Quit)
            ),
            Note::UnsavedOnQuit { count: n, conflicts: 0 } => format!(
                "{} – noch einmal {} beendet trotzdem ({} beim nächsten Start angeboten), {reload} lädt neu und speichert.",
                self.unsaved(*n),
                keys.get(Action::Quit),
                if *n == 1 { "sie wird" } else { "sie werden" }
            ),
            Note::UnsavedOnQuit { count: n, conflicts } => {
                let (them, are) = match n + conflicts {
                    1 => ("ihn", "wird er"),
                    _ => ("sie", "werden sie"),
                };
                format!(
                    "{}{} – {problems_key} zeigt {them}; noch einmal {} beendet trotzdem, beim nächsten Start {are} wieder angeboten.",
                    match n {
                        0 => String::new(),
                        n => format!("{}, ", self.unsaved(*n)),
                    },
                    count(*conflicts, "Konflikt nicht gelöst", "Konflikte nicht gelöst"),
                    keys.get(Action::Quit)
                )
            }
            Note::LoadedWithProblems { errors, warnings } => format!(
                "{errors} Fehler, {} in den Dateien. {problems_key} zeigt {}; alles andere ist normal nutzbar.",
                count(*warnings, "Warnung", "Warnungen"),
                // der Fehler, die Warnung, die Probleme.
                if *errors == 1 && *warnings == 0 { "ihn" } else { "sie" }
            ),
            Note::Config(text) => text.clone(),
            Note::Wrapped => "Wieder von vorn.".into(),
            Note::NothingOpen => "Keine offene Frage (mehr) – alles beantwortet.".into(),
            Note::ExampleCreated { dir } => self.example_created(dir),
            Note::LetterRefused { file, why } => {
                use crate::note::LetterProblem;
                let file = if file.is_empty() { "Der eingefügte Text".to_string() } else { file.clone() };
                match why {
                    LetterProblem::Unreadable(cause) => self.import_unreadable(&file, cause),
                    LetterProblem::Empty => self.import_empty(&file, true),
                    LetterProblem::Binary => self.import_binary(&file),
                    LetterProblem::Damaged(reason) => self.import_damaged(&file, reason),
                    LetterProblem::Duplicate(path, differing) => {
                        self.import_duplicate(&file, path, differing)
                    }
                }
            }
            Note::SyncRunning => "Der Abgleich läuft schon; bitte warten.".into(),
            Note::Syncing(stage) => self.sync_stage(*stage).into(),
            // What needs a decision first: the routine lines after it
            // would push it out of the message line.
            Note::Synced(outcome) => {
                let lines = self.sync_outcome(outcome);
                let needs = outcome.conflicts.len() + outcome.decided_elsewhere.len();
                let (told, conflicting) = lines.split_at(lines.len().saturating_sub(needs));
                conflicting.iter().chain(told).cloned().collect::<Vec<_>>().join(" ")
            }
            Note::SyncStopped(stopped) => self.sync_stopped(stopped),
            Note::Outside(o) => {
                let who = o.by.as_deref().map(|b| format!(" von {b}")).unwrap_or_default();
                let mut out = match &o.question {
                    Some((title, number)) if o.answered => format!("„{title}“: Frage {number}{who} beantwortet."),
                    Some((title, number)) => format!("„{title}“: Frage {number}{who} geändert."),
                    None => match &o.fate {
                        crate::note::Fate::Changed => format!("{} wurde von anderer Seite geändert.", o.file.display()),
                        crate::note::Fate::Removed => format!("{} wurde von anderer Seite gelöscht.", o.file.display()),
                        crate::note::Fate::Added => format!("{} ist neu hinzugekommen.", o.file.display()),
                        crate::note::Fate::AddedBroken => format!("{} ist neu hinzugekommen, hat aber Fehler; was darin steht, erscheint, sobald sie behoben sind ({}).", o.file.display(), keys.get(Action::Problems)),
                        crate::note::Fate::Renamed(from) => format!("{} heißt jetzt {}.", from.display(), o.file.display()),
                        crate::note::Fate::Flawed => format!("{} wurde von anderer Seite geändert und hat jetzt einen Fehler ({}).", o.file.display(), keys.get(Action::Problems)),
                        crate::note::Fate::Broken => format!("{} wurde von anderer Seite geändert und hat jetzt Fehler; was darin steht, erscheint erst wieder, wenn sie behoben sind ({}).", o.file.display(), keys.get(Action::Problems)),
                    },
                };
                if o.more > 0 {
                    out.push_str(&format!(" Dazu {}.", count(o.more, "weitere Datei", "weitere Dateien")));
                }
                if o.form_open {
                    out.push_str(" Ihr Formular speichert nur die Felder, die Sie ändern.");
                }
                out
            }
            Note::PullNoSource(file) => format!(
                "Kein Ratsinformationssystem eingestellt: tragen Sie die Adresse unter [oparl] url in {} ein.",
                file.as_ref().map_or_else(|| "config.toml".into(), |f| f.display().to_string())
            ),
            Note::PullRunning => "Das Ratsinformationssystem wird schon abgefragt; bitte warten.".into(),
            Note::Opening { total: 0, .. } => "Anträge werden geladen …".into(),
            Note::Opening { done, total } => {
                format!("Anträge werden geladen: {} von {} Dateien …", thousands(*done), thousands(*total))
            }
            Note::StillOpening => {
                "Einen Moment bitte: Es werden noch Dateien geladen. Ansehen und Suchen geht schon.".into()
            }
            Note::Pulling { read } => {
                let what = if *read == 1 { "Objekt" } else { "Objekte" };
                format!("Ratsinformationssystem: {read} {what} gelesen …")
            }
            Note::Pulled { made, changed, problems, first } => {
                let mut out = match (made, changed) {
                    // Nothing came because something failed: not "nothing new".
                    (0, 0) if first.as_ref().is_some_and(|f| f.is_problem()) => {
                        "Ratsinformationssystem: nichts übernommen.".to_string()
                    }
                    (0, 0) => "Ratsinformationssystem: nichts Neues.".to_string(),
                    (m, c) => format!("Ratsinformationssystem: {m} neu, {c} geändert ({} macht es rückgängig).", keys.get(Action::Undo)),
                };
                if let Some(first) = first {
                    let more = match problems {
                        1 => "1 Hinweis".to_string(),
                        n => format!("{n} Hinweise (alle unter {}), der erste", keys.get(Action::Problems)),
                    };
                    out.push_str(&format!(" {more}: {}", self.oparl(first)));
                }
                out
            }
            Note::LetterRead { questions, unsure, session } => format!(
                "Aus dem Schreiben gelesen: {}{}. {} Bitte prüfen und mit {} speichern.",
                count(*questions, "Frage", "Fragen"),
                match session {
                    Some((committee, d, false)) => format!(", für {committee} am {}", crate::i18n::date(*d)),
                    Some((committee, d, true)) => format!(
                        ", für {committee} am {} – diese Sitzung gibt es noch nicht und wird beim Speichern angelegt; gehört das Schreiben in eine vorhandene, verschieben Sie es danach mit {}",
                        crate::i18n::date(*d),
                        keys.get(Action::MoveToSession)
                    ),
                    None => ", ohne erkannte Sitzung".to_string(),
                },
                match unsure {
                    0 => String::new(),
                    1 => "1 Angabe ist unsicher (mit ? markiert).".to_string(),
                    n => format!("{n} Angaben sind unsicher (mit ? markiert)."),
                },
                keys.get(Action::Save)
            ),
            Note::NothingToEditHere => "Hier gibt es nichts zu bearbeiten: wählen Sie eine Sitzung, einen Tagesordnungspunkt, einen Antrag oder eine Frage.".into(),
            Note::NothingToShapeHere => "Verschieben und Löschen gehen auf einem Tagesordnungspunkt, einer Frage oder einem Antrag.".into(),

        }
    }
}

/// "1 Frage", "3 Fragen": a count with its word.
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// A count with its thousands marked ("44.000").
fn thousands(n: usize) -> String {
    crate::i18n::thousands(n, '.')
}
