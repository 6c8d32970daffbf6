//! English.

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
mod config;
mod notes;
mod oparl;
mod problems;
mod sync;
mod words;

pub(super) struct English;

impl Texts for English {
    fn problem(&self, problem: &Problem) -> String {
        problems::problem(problem)
    }

    fn oparl(&self, say: &crate::oparl::Say) -> String {
        oparl::say(say)
    }

    fn calendar_words(&self) -> super::CalendarWords {
        super::CalendarWords {
            name: "Sessions and due dates",
            question: "Question",
            due: |n| match n {
                1 => "Due: 1 question to answer".into(),
                n => format!("Due: {n} questions to answer"),
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
        "objects read from the council information system"
    }

    fn oparl_no_source(&self) -> String {
        "From where? Give a JSON file or the address of the council information system (agenda import oparl https://…), or set it as [oparl] url in config.toml.".into()
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    fn check_summary(&self, errors: usize, warnings: usize, files: usize) -> String {
        let plural = |n: usize, word: &str| match n {
            1 => format!("1 {word}"),
            n => format!("{n} {word}s"),
        };
        let files = plural(files, "file");
        match (errors, warnings) {
            (0, 0) => format!("No problems in {files}."),
            _ => format!(
                "{}, {} in {files}.",
                plural(errors, "error"),
                plural(warnings, "warning")
            ),
        }
    }

    fn days_left(&self, days: i64) -> String {
        match days {
            0 => "today".into(),
            1 => "tomorrow".into(),
            -1 => "yesterday".into(),
            d if d > 1 => format!("in {d} days"),
            d => format!("{} days ago", -d),
        }
    }

    fn due_in(&self, days: i64) -> String {
        match days {
            0 => "due today".into(),
            1 => "due tomorrow".into(),
            d if d > 1 => format!("{d} days left"),
            -1 => "1 day overdue".into(),
            d => format!("{} days overdue", -d),
        }
    }

    fn weekday(&self, day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }

    fn weekday_long(&self, day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        }
    }

    fn answered(&self, answered: usize, total: usize) -> String {
        match total {
            0 => "no questions yet".into(),
            _ => format!("{answered}/{total} answered"),
        }
    }

    fn agenda_item(&self, number: &str) -> String {
        format!("item {number}")
    }

    fn not_on_agenda(&self) -> &'static str {
        "not yet on the agenda"
    }

    fn without_session(&self) -> &'static str {
        "Motions without a session"
    }

    fn no_sessions(&self) -> &'static str {
        "No sessions found."
    }

    fn empty_folder(&self, dir: &Path) -> String {
        format!(
            "{} holds no sessions or motions (.toml files). Is it the right folder? If not, name it after the command.",
            dir.display()
        )
    }

    fn example_created(&self, dir: &Path) -> String {
        format!(
            "No data yet: the bundled example was set up in {}.",
            dir.display()
        )
    }

    fn dir_missing(&self, dir: &Path) -> String {
        format!(
            "The folder {} does not exist. Check the path.",
            dir.display()
        )
    }

    fn data_folder(&self, dir: &Path) -> String {
        format!("Data folder: {}", dir.display())
    }

    fn dir_missing_in_git(&self, dir: &Path, top: &Path) -> String {
        format!(
            "The folder {} is not here yet. It is in the folder {} shared through git: if the others made it, fetch it with \"git pull\" there; else create it.",
            dir.display(),
            top.display()
        )
    }

    fn not_a_dir(&self, dir: &Path) -> String {
        format!(
            "{} is a file, not a folder. Name the folder that holds the TOML files.",
            dir.display()
        )
    }

    fn no_data_dir(&self) -> String {
        "No data folder known: name a folder or set AGENDA_DIR.".into()
    }

    fn cannot_create(&self, dir: &Path, reason: &str) -> String {
        format!("Cannot create the data folder {}: {reason}", dir.display())
    }
    fn labels(&self) -> &'static Labels {
        &words::LABELS
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Open => "open",
            Status::InProgress => "in progress",
            Status::Answered => "answered",
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
            1 => "1 change not saved".into(),
            n => format!("{n} changes not saved"),
        }
    }

    fn hit_count(&self, shown: usize, total: usize) -> String {
        match (shown, total) {
            (0, _) => "No hits.".into(),
            (s, t) if t > s => format!("the best {s} of {t} hits"),
            (1, _) => "1 hit".into(),
            (n, _) => format!("{n} hits"),
        }
    }

    fn search_no_match(&self, query: &str) -> String {
        format!("Nothing found for \"{query}\".")
    }

    fn report(&self) -> &'static ReportWords {
        &words::REPORT
    }

    fn as_of(&self, today: chrono::NaiveDate, answered: usize, total: usize) -> String {
        format!(
            "As of {}: {answered} of {total} questions answered.",
            super::date(today)
        )
    }

    fn unknown_session(&self, id: &str, known: &[&str]) -> String {
        format!(
            "There is no session with the id \"{id}\". There are: {}.",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )
    }

    fn unknown_motion(&self, id: &str, known: &[&str]) -> String {
        let shown: Vec<&str> = known.iter().take(10).copied().collect();
        format!(
            "There is no motion with the id \"{id}\". There are: {}{}.",
            if shown.is_empty() {
                "none".to_string()
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
        "A Word document cannot be shown in a terminal: give a file, e.g. -o report.docx.".into()
    }

    fn cli_help(&self, _key: &str) -> Option<&'static str> {
        None
    }

    fn cli_value_name(&self, _id: &str) -> Option<&'static str> {
        None
    }

    fn cli_words(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }

    fn cli_headings(&self) -> super::CliHeadings {
        super::CliHeadings {
            usage: "Usage:",
            commands: "Commands:",
            arguments: "Arguments:",
            options: "Options:",
            command_name: "COMMAND",
            help: "Print help",
            version: "Print version",
        }
    }

    fn cli_error(
        &self,
        _kind: clap::error::ErrorKind,
        _arg: &str,
        _value: &str,
        _valid: &str,
        _suggested: &str,
    ) -> Option<String> {
        None
    }

    fn cli_more(&self, command: &str) -> String {
        match command.is_empty() {
            true => "For more: agenda --help".into(),
            false => format!("For more: agenda {command} --help"),
        }
    }

    fn did_you_mean(&self, typed: &str, meant: &str) -> String {
        format!(
            "\"{typed}\" is neither a command nor a folder. Did you mean {meant}? (agenda {meant})"
        )
    }

    fn calendar_written(&self, path: &Path) -> String {
        format!(
            "Calendar written: {} (import it into Outlook or Thunderbird)",
            path.display()
        )
    }

    fn calendar_empty(&self) -> String {
        "Nothing for a calendar: no session with a date and nothing due. Nothing was written."
            .into()
    }

    fn calendar_failed(&self, path: &Path, reason: &str) -> String {
        format!(
            "The calendar could not be written to {}: {reason}",
            path.display()
        )
    }

    fn export_written(&self, path: &Path) -> String {
        format!("Report written: {}", path.display())
    }

    fn export_exists(&self, path: &Path) -> String {
        format!(
            "{} exists already and is left unchanged. Choose another name, or replace it with --force.",
            path.display()
        )
    }

    fn export_failed(&self, path: &Path, reason: &str) -> String {
        format!(
            "The report could not be written to {}: {reason}",
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
            1 => "1 question".into(),
            n => format!("{n} questions"),
        });
        parts.push(match session {
            Some((_, date)) => format!("session {}", super::date(date)),
            None => "no session".into(),
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
            "would be created"
        } else {
            "was created"
        };
        format!(
            "There was no session \"{committee}\" on {}; it {verb}: {}",
            super::date(date),
            path.display()
        )
    }

    fn import_not_written(&self, file: &str, reason: Option<&str>) -> String {
        let reason = reason.unwrap_or("someone made or changed it meanwhile");
        format!("{file}: could not be written ({reason}). Import again once that is fixed.")
    }

    fn import_unreadable(&self, file: &str, cause: &crate::import::Cause) -> String {
        let reason = Self::read_cause(cause);
        format!("{file}: cannot be read ({reason}). Nothing was written.")
    }

    fn import_empty(&self, file: &str, in_app: bool) -> String {
        if !file.to_lowercase().ends_with(".pdf") {
            return format!("{file}: is empty. Nothing was written.");
        }
        let paste = match in_app {
            true => "into \"or text\" in the form",
            false => "agenda import text -",
        };
        format!(
            "{file}: holds no text. A scanned PDF holds only pictures; paste the text instead ({paste})."
        )
    }

    fn import_binary(&self, file: &str) -> String {
        format!("{file}: is neither text nor a Word or PDF document. Nothing was written.")
    }

    fn import_damaged(&self, file: &str, reason: &str) -> String {
        format!(
            "{file}: the document cannot be read ({reason}). Open it and save it again as .docx, .pdf or text."
        )
    }

    fn import_no_title(&self, file: &str) -> String {
        format!(
            "{file}: no title found, nothing written. Read the letter in the app with i: what was found is filled in there, only the title is missing."
        )
    }

    fn import_no_questions(&self, file: &str) -> String {
        format!(
            "{file}: no questions found, nothing written. A motion without questions: import it with --allow-no-questions."
        )
    }

    fn import_duplicate(&self, file: &str, existing: &Path, differing: &[String]) -> String {
        let said = format!(
            "{file}: this letter is imported already ({}); nothing was written.",
            existing.display()
        );
        match differing {
            [] => said,
            [one] => {
                format!("{said} This version differs in question {one}: change it there by hand.")
            }
            more => format!(
                "{said} This version differs in questions {}: change them there by hand.",
                more.join(", ")
            ),
        }
    }

    fn needs_terminal(&self) -> String {
        "The full-screen view needs a terminal that can control the screen (not TERM=dumb). Without one, use agenda status, agenda due, agenda search and agenda check.".into()
    }

    fn describe(&self, change: &Change, keys: &Keys) -> String {
        self.change(change, keys)
    }

    fn recovery_written(&self, path: &Path) -> String {
        format!(
            "agenda stopped unexpectedly. Your unsaved changes are in {}; the next start offers them.",
            path.display()
        )
    }

    fn conflict_count(&self, count: usize) -> String {
        match count {
            1 => "1 conflict".into(),
            n => format!("{n} conflicts"),
        }
    }

    fn waiting(&self, change: &Change, keys: &Keys) -> String {
        format!(
            "Not saved: {}. {} reloads and saves it, {} shows the question.",
            self.change(change, keys),
            keys.get(Action::Reload),
            keys.get(Action::Open)
        )
    }

    fn conflict(&self, conflict: &Conflict, keys: &Keys) -> String {
        let Change::Question(ours) = &conflict.ours else {
            return format!(
                "Conflict: {}. {} applies your values, {} keeps the file's.",
                self.change(&conflict.ours, keys),
                keys.get(Action::Open),
                keys.get(Action::Delete)
            );
        };
        let (after, theirs) = super::parted(&ours.after, conflict.theirs.as_ref());
        let theirs = theirs.map_or_else(|| "nothing".into(), |t| self.value(&t));
        format!(
            "Conflict: {}, question {}: the file has {theirs}, your change was {}. {} applies yours, {} keeps the file's.",
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
        format!("Edit {kind}")
    }

    fn ask_delete(&self, what: &str, undo: &str, to_trash: bool) -> String {
        match to_trash {
            true => format!(
                "Delete {what}? Its file goes to the trash of the data folder; {undo} brings everything back."
            ),
            false => format!("Delete {what}? {undo} brings it back."),
        }
    }

    fn motion_state(&self, state: crate::model::MotionState) -> &'static str {
        use crate::model::MotionState;
        match state {
            MotionState::Active => "active",
            MotionState::Withdrawn => "withdrawn",
            MotionState::Postponed => "postponed",
            MotionState::Done => "done",
        }
    }

    fn problem_count(&self, count: usize) -> String {
        match count {
            1 => "1 problem".into(),
            n => format!("{n} problems"),
        }
    }
}
