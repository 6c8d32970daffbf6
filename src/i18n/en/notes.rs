//! The messages after a key or an outcome.

use super::English;
use crate::edit::Change;
use crate::i18n::{Keys, Texts};
use crate::input::Action;
use crate::note::Note;

impl English {
    /// A message after something happened, naming the effective keys.
    pub(super) fn note_text(&self, note: &Note, keys: &Keys) -> String {
        let reload = keys.get(Action::Reload);
        let problems_key = keys.get(Action::Problems);
        match note {
            // A record put into the trash is not "saved".
            Note::Saved(change) if keys.trashed(change).is_some() => format!(
                "Put into the data folder's trash: {}. {} brings it back.",
                keys.trashed(change).unwrap_or_default(),
                keys.get(Action::Undo)
            ),
            Note::Trashed { kind, title } => format!(
                "Put into the data folder's trash: {kind} \"{title}\". {} brings it back.",
                keys.get(Action::Undo)
            ),
            Note::Saved(change) if keys.wrote_draft(change) => format!(
                "Saved: {}. Done? {} marks the question answered.",
                self.change(change, keys),
                keys.get(Action::MarkAnswered)
            ),
            Note::Saved(change) if keys.marked_without_text(change) => format!(
                "Saved: {}. Without an answer text it still counts as open; {} writes the answer.",
                self.change(change, keys),
                keys.get(Action::EditAnswer)
            ),
            Note::Saved(change) => format!("Saved: {}.", self.change(change, keys)),
            Note::Undone(change) if keys.trashed(change).is_some() => format!(
                "Taken back out of the trash: {}.",
                keys.trashed(change).unwrap_or_default()
            ),
            Note::Redone(change) if keys.trashed(change).is_some() => format!(
                "Put into the trash again: {}.",
                keys.trashed(change).unwrap_or_default()
            ),
            // What stands now, not what was undone.
            Note::Undone(change) => format!(
                "Undone, now again: {}.",
                self.change(&change.clone().inverse(), keys)
            ),
            Note::Redone(change) => format!("Redone: {}.", self.change(change, keys)),
            Note::EditorMissing { command } => format!(
                "The editor \"{command}\" cannot be started. Set VISUAL or EDITOR to an editor you have, or edit here with {}.",
                keys.get(Action::EditAnswer)
            ),
            Note::EditorFailed {
                command,
                code,
                kept,
            } => format!(
                "The editor \"{command}\" ended with an error ({}); the answer is unchanged.{}",
                code.map_or_else(|| "stopped".to_string(), |c| format!("code {c}")),
                kept.as_ref().map_or_else(String::new, |p| format!(
                    " What you wrote in the editor is kept: {}",
                    p.display()
                ))
            ),
            Note::DraftsLeft { count, folder } => format!(
                "{} from the editor {} not taken over because the program ended first. {} in {}.",
                if *count == 1 { "One answer text".to_string() } else { format!("{count} answer texts") },
                if *count == 1 { "was" } else { "were" },
                if *count == 1 { "It is" } else { "They are" },
                folder.display()
            ),
            Note::DueAfterSession { due, session } => format!(
                "Due date saved: {} – that is after the session on {}; the answer would come too late. Is the date right?",
                crate::i18n::date(*due),
                crate::i18n::date(*session)
            ),
            Note::DueInPast { due } => format!(
                "Due date saved: {} – that date has passed, so the question is overdue. Is the year right?",
                crate::i18n::date(*due)
            ),
            Note::FarDate { typed } => format!(
                "Due date \"{typed}\": {} Nothing saved.",
                self.labels().check_year
            ),
            Note::BadDate { typed } if crate::dates::no_such_day(typed) => (self.labels().no_such_day)(typed.trim()),
            Note::BadDate { typed } => format!(
                "\"{typed}\" is not a date. Write it like 07.09.2022 (or 2022-09-07); empty leaves it to the rule."
            ),
            Note::Exported {
                path,
                letter,
                unreadable,
                unmarked,
            } => {
                let what = if *letter { "Answer letter" } else { "Report" };
                let mut said = format!("{what} written: {}", path.display());
                if *unreadable > 0 {
                    said.push_str(&format!(
                        " – Note: {} of the agenda missing from it, its file has errors ({}).",
                        count(*unreadable, "motion", "motions"),
                        keys.get(Action::Problems)
                    ));
                }
                if *unmarked > 0 {
                    said.push_str(&format!(
                        " – {} {} marks a question answered.",
                        (self.labels().unmarked_final)(*unmarked),
                        keys.get(Action::MarkAnswered),
                    ));
                }
                said
            }
            Note::ExportFailed { path, reason } => format!(
                "The report could not be written in {}: {reason}",
                path.display()
            ),
            Note::NoSessionForItem => format!(
                "This motion belongs to no session yet. {} gives it one; then {} puts it on an agenda item.",
                keys.get(Action::MoveToSession),
                keys.get(Action::PlaceOnItem)
            ),
            Note::NoSessionHere => format!(
                "Open a session first ({}) to write its report.",
                keys.get(Action::Open)
            ),
            Note::Recovered { saved, conflicts } => format!(
                "{} saved{}.",
                count(*saved, "rescued change", "rescued changes"),
                if *conflicts > 0 {
                    format!(
                        ", {} under {problems_key}",
                        count(*conflicts, "conflict", "conflicts")
                    )
                } else {
                    String::new()
                }
            ),
            Note::RecoveryUnusable { path } => format!(
                "A recovery file could not be read; it is now at {}. Nothing was changed.",
                path.display()
            ),
            Note::RecoverySetAside { path } => {
                format!("The rescued changes are set aside in {}.", path.display())
            }
            Note::Discarded => format!("Discarded. {} opens the text again.", keys.get(Action::Undo)),
            Note::TakenBack => "The discarded text is open again.".into(),
            Note::NothingToUndo => "Nothing to undo.".into(),
            Note::NothingToRedo => "Nothing to redo.".into(),
            Note::ChangedOnDisk { path } => format!(
                "{} was changed elsewhere since it was loaded. Your change is kept here, not saved. Press {reload} to reload and apply it.",
                path.display()
            ),
            Note::ReadOnly { path } => format!(
                "{} is read-only. Your change is kept here only. Make the file writable and press {reload}.",
                path.display()
            ),
            Note::SaveFailed { path, reason } => format!(
                "{} was not saved. Your change is kept here only; {reload} tries again. Reason: {reason}",
                path.display()
            ),
            Note::FileHasErrors { path } => format!(
                "{} has errors and is left unchanged. Your change is kept here: correct the file (see {problems_key}) and press {reload} to save it.",
                path.display()
            ),
            Note::NoLock { dir } => format!(
                "Not saved: this program may not write into the data folder {} (it keeps the file .agenda.lock there). Your change is kept; ask for the right to write to the folder, then press {reload}.",
                dir.display()
            ),
            Note::FileGone { path } => format!(
                "Not saved: {} is gone (deleted or renamed). Your answer is kept ({problems_key}); once the file is back, {reload} saves it.",
                path.display()
            ),
            Note::QuestionGone { path } => format!(
                "The question is no longer where it was in {}. Your change is kept here only; {reload} reloads.",
                path.display()
            ),
            Note::Reloaded {
                reapplied,
                conflicts,
                problems,
            } => {
                let mut out = "Reloaded.".to_string();
                if *reapplied > 0 {
                    out.push_str(&format!(
                        " {} saved.",
                        count(*reapplied, "kept change", "kept changes")
                    ));
                }
                for c in conflicts {
                    let Change::Question(ours) = &c.ours else {
                        out.push_str(&format!(" {}", self.change(&c.ours, keys)));
                        continue;
                    };
                    out.push_str(&match &c.theirs {
                        Some(theirs) => format!(
                            " Conflict: {}, question {} now has {} on disk; your change ({}) was not applied.",
                            keys.motion(&ours.motion),
                            ours.number,
                            self.value(theirs),
                            self.value(&ours.after)
                        ),
                        None => format!(
                            " {}, question {} is gone; your change ({}) was not applied.",
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
            Note::NoMotionHere => "This agenda item carries no motion.".into(),
            Note::ConflictDismissed => "Conflict dismissed: the file keeps what it has; your value is not saved.".into(),
            Note::NotAConflict => format!("Only conflicts can be dismissed. A change not saved is saved by {reload}."),
            Note::ChangedSince { redo } => format!("{}: someone else changed this meanwhile, and nothing is overwritten unseen. Both versions are under {} – choose there.", if *redo { "Not redone" } else { "Not undone" }, keys.get(Action::Problems)),
            Note::AnswerChangedMeanwhile => format!("Not saved: someone changed this answer while you were typing. Both versions are under {} – choose there.", keys.get(Action::Problems)),
            Note::FormChangedMeanwhile { saved } => format!(
                "Not saved: someone changed a field you changed in the file while the form was open; both values are under {} – choose there.{}",
                keys.get(Action::Problems),
                if *saved { " The other fields are saved." } else { "" }
            ),
            Note::RecoveryDeferred => "The rescued changes are kept and offered again at the next start.".into(),
            Note::ConflictTargetGone => "That cannot be applied: this motion or question is no longer in the files. The conflict stays, with your value – copy the text by hand to where it belongs.".into(),
            Note::BusyOnQuit { pull: true } => format!(
                "The pull from the council system is still running. Press {} again to stop it and quit (nothing of it is written yet); or wait.",
                keys.get(Action::Quit)
            ),
            Note::BusyOnQuit { pull: false } => format!(
                "The sync with the others is still running. Please wait until it is done; press {} again to quit anyway.",
                keys.get(Action::Quit)
            ),
            Note::UnsavedOnQuit {
                count: n,
                conflicts: 0,
            } => format!(
                "{} – press {} again to quit anyway ({} offered at the next start), {reload} to reload and save.",
                self.unsaved(*n),
                keys.get(Action::Quit),
                if *n == 1 { "it is" } else { "they are" }
            ),
            Note::UnsavedOnQuit {
                count: n,
                conflicts,
            } => format!(
                "{}{} – {problems_key} shows them; press {} again to quit anyway, they are offered again at the next start.",
                match n {
                    0 => String::new(),
                    n => format!("{}, ", self.unsaved(*n)),
                },
                count(
                    *conflicts,
                    "conflict not resolved",
                    "conflicts not resolved"
                ),
                keys.get(Action::Quit)
            ),
            Note::LoadedWithProblems { errors, warnings } => format!(
                "{}, {} in the files. {problems_key} shows {}; everything else works as usual.",
                count(*errors, "error", "errors"),
                count(*warnings, "warning", "warnings"),
                if errors + warnings == 1 { "it" } else { "them" }
            ),
            Note::Config(text) => text.clone(),
            Note::Wrapped => "Started over from the top.".into(),
            Note::NothingOpen => "No open question left: everything is answered.".into(),
            Note::ExampleCreated { dir } => self.example_created(dir),
            Note::LetterRefused { file, why } => {
                use crate::note::LetterProblem;
                let file = if file.is_empty() {
                    "The pasted text".to_string()
                } else {
                    file.clone()
                };
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
            Note::SyncRunning => "A sync is running already; please wait.".into(),
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
                let who =
                    o.by.as_deref()
                        .map(|b| format!(" by {b}"))
                        .unwrap_or_default();
                let mut out = match &o.question {
                    Some((title, number)) if o.answered => {
                        format!("\"{title}\": question {number} answered{who}.")
                    }
                    Some((title, number)) => {
                        format!("\"{title}\": question {number} changed{who}.")
                    }
                    None => match &o.fate {
                        crate::note::Fate::Changed => format!("{} was changed elsewhere.", o.file.display()),
                        crate::note::Fate::Removed => format!("{} was deleted elsewhere.", o.file.display()),
                        crate::note::Fate::Added => format!("{} is new.", o.file.display()),
                        crate::note::Fate::AddedBroken => format!(
                            "{} is new but has errors; what it holds shows once they are fixed ({}).",
                            o.file.display(),
                            keys.get(Action::Problems)
                        ),
                        crate::note::Fate::Renamed(from) => format!("{} is now {}.", from.display(), o.file.display()),
                        crate::note::Fate::Flawed => format!(
                            "{} was changed elsewhere and has an error now ({}).",
                            o.file.display(),
                            keys.get(Action::Problems)
                        ),
                        crate::note::Fate::Broken => format!(
                            "{} was changed elsewhere and has errors now; what it holds shows again once they are fixed ({}).",
                            o.file.display(),
                            keys.get(Action::Problems)
                        ),
                    },
                };
                if o.more > 0 {
                    out.push_str(&format!(
                        " And {}.",
                        count(o.more, "more file", "more files")
                    ));
                }
                if o.form_open {
                    out.push_str(" Your form saves only the fields you change.");
                }
                out
            }
            Note::PullNoSource(file) => format!(
                "No council information system set: put its address as [oparl] url in {}.",
                file.as_ref()
                    .map_or_else(|| "config.toml".into(), |f| f.display().to_string())
            ),
            Note::PullRunning => {
                "The council information system is being read already; please wait.".into()
            }
            Note::Opening { total: 0, .. } => "Loading motions …".into(),
            Note::Opening { done, total } => {
                format!(
                    "Loading motions: {} of {} files …",
                    thousands(*done),
                    thousands(*total)
                )
            }
            Note::StillOpening => {
                "One moment please: files are still loading. Looking and searching work already."
                    .into()
            }
            Note::Pulling { read } => {
                let what = if *read == 1 { "object" } else { "objects" };
                format!("Council information system: {read} {what} read …")
            }
            Note::Pulled {
                made,
                changed,
                problems,
                first,
            } => {
                let mut out = match (made, changed) {
                    // Nothing came because something failed: not "nothing new".
                    (0, 0) if first.as_ref().is_some_and(|f| f.is_problem()) => {
                        "Council information system: nothing taken over.".to_string()
                    }
                    (0, 0) => "Council information system: nothing new.".to_string(),
                    (m, c) => format!(
                        "Council information system: {m} new, {c} changed ({} undoes it).",
                        keys.get(Action::Undo)
                    ),
                };
                if let Some(first) = first {
                    let more = match problems {
                        1 => "1 notice".to_string(),
                        n => format!(
                            "{n} notices (all under {}), the first",
                            keys.get(Action::Problems)
                        ),
                    };
                    out.push_str(&format!(" {more}: {}", self.oparl(first)));
                }
                out
            }
            Note::LetterRead { questions, unsure, session } => format!(
                "Read from the letter: {}{}. {}Check it and save with {}.",
                count(*questions, "question", "questions"),
                match session {
                    Some((committee, d, false)) => format!(", for {committee} on {}", crate::i18n::date(*d)),
                    Some((committee, d, true)) => format!(
                        ", for {committee} on {} – that session does not exist yet and is made by the save; if it belongs in one that does, move it there afterwards with {}",
                        crate::i18n::date(*d),
                        keys.get(Action::MoveToSession)
                    ),
                    None => ", no session recognised".to_string(),
                },
                match unsure {
                    0 => String::new(),
                    1 => "1 field is uncertain (marked ?). ".to_string(),
                    n => format!("{n} fields are uncertain (marked ?). "),
                },
                keys.get(Action::Save)
            ),
            Note::NothingToEditHere => {
                "Nothing to edit here: choose a session, an agenda item, a motion or a question."
                    .into()
            }
            Note::NothingToShapeHere => {
                "Moving and deleting work on an agenda item, a question or a motion.".into()
            }
        }
    }
}

/// "1 question", "3 questions": a count with its word.
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// A count with its thousands marked ("44,000").
fn thousands(n: usize) -> String {
    crate::i18n::thousands(n, ',')
}
