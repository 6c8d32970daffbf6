//! English.

use std::path::Path;

use chrono::Weekday;

use super::Texts;
use crate::store::{Expected, Found, IoCause, Problem, RecordKind, Severity};

pub(super) struct English;

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "a text in quotes",
        Expected::Date => "a date like 2022-09-07 (no quotes)",
        Expected::Time => "a time like 17:00:00 (no quotes)",
        Expected::DateTime => "a date and time like 2022-08-30T10:15:00",
        Expected::Bool => "true or false",
        Expected::TextList => "a list of texts like [\"CDU\", \"SPD\"]",
        Expected::Table => "a table",
        Expected::TableList => "a list of tables",
    }
}

fn found(f: Found) -> &'static str {
    match f {
        Found::Text => "a text",
        Found::Integer => "a number",
        Found::Float => "a decimal number",
        Found::Bool => "a true/false value",
        Found::Date => "a date",
        Found::Time => "a time",
        Found::DateTime => "a date and time",
        Found::Array => "a list",
        Found::Table => "a table",
    }
}

fn maybe(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" Did you mean \"{s}\"?"))
        .unwrap_or_default()
}

impl Texts for English {
    fn problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Syntax { detail } => {
                format!("The file is not valid TOML ({detail}). Correct this spot in a text editor.")
            }
            Problem::WrongType {
                key,
                expected: e,
                found: f,
                suggestion,
            } => {
                let fix = suggestion
                    .as_ref()
                    .map(|s| format!(" Write: {key} = {s}"))
                    .unwrap_or_default();
                format!("\"{key}\" must be {}, found {}.{fix}", expected(*e), found(*f))
            }
            Problem::MissingField { table, key } => {
                format!("{table} lacks the required \"{key}\". Add a line {key} = …")
            }
            Problem::EmptyField { key } => format!("\"{key}\" is empty. Enter a value."),
            Problem::DuplicateId {
                kind,
                id,
                first,
                first_line,
            } => {
                let what = match kind {
                    RecordKind::Session => "session",
                    RecordKind::Motion => "motion",
                };
                format!(
                    "The id \"{id}\" ({what}) is already used in {}, line {first_line}. Ids must be unique: choose another one here. Until then this entry is not loaded.",
                    first.display()
                )
            }
            Problem::UnknownMotion { id, suggestion } => format!(
                "The agenda lists the motion \"{id}\", which does not exist.{} Check the id or add the motion file.",
                maybe(suggestion)
            ),
            Problem::UnknownSession { id, suggestion } => format!(
                "The motion names the session \"{id}\", which does not exist.{} Check the id or add the session file.",
                maybe(suggestion)
            ),
            Problem::BadStatus { value } => format!(
                "Unknown status \"{value}\". Allowed are \"open\", \"in_progress\" and \"answered\"."
            ),
            Problem::SessionMismatch {
                motion,
                named,
                listed_in,
            } => format!(
                "The motion \"{motion}\" names the session \"{named}\" but is on the agenda of \"{listed_in}\". Make \"session\" and the agenda agree."
            ),
            Problem::ListedTwice { motion, sessions } => format!(
                "The motion \"{motion}\" is on the agenda of several sessions: {}.",
                sessions.join(", ")
            ),
            Problem::DuplicateQuestion { number } => {
                format!("Question number \"{number}\" appears more than once in this motion.")
            }
            Problem::UnknownKey { key, suggestion } => format!(
                "Unknown key \"{key}\".{} It is kept in the file but not used.",
                maybe(suggestion)
            ),
            Problem::NotUtf8 => {
                "The file is not saved as UTF-8. Save it from your editor with the UTF-8 encoding.".into()
            }
            Problem::NotARecord => {
                "The file is neither a session nor a motion: it needs a [session] or a [motion] table.".into()
            }
            Problem::BothRecords => {
                "The file holds both [session] and [motion]. Put the session and the motion in separate files.".into()
            }
            Problem::TooLarge { bytes, limit } => format!(
                "The file is {} KiB; files up to {} KiB are read. Split it up.",
                bytes / 1024,
                limit / 1024
            ),
            Problem::Unreadable { cause } => match cause {
                IoCause::PermissionDenied => {
                    "Permission denied. Check who may read this file or folder.".into()
                }
                IoCause::Vanished => "The file disappeared while being read. Reload.".into(),
                IoCause::SymlinkLoop => {
                    "This folder links back to itself through a symbolic link and is skipped.".into()
                }
                IoCause::BrokenLink => {
                    "This symbolic link points to nothing that exists. Remove or correct it.".into()
                }
                IoCause::Other(reason) => format!("Cannot be read: {reason}"),
            },
        }
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

    fn weekday(&self, day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "Mo",
            Weekday::Tue => "Tu",
            Weekday::Wed => "We",
            Weekday::Thu => "Th",
            Weekday::Fri => "Fr",
            Weekday::Sat => "Sa",
            Weekday::Sun => "Su",
        }
    }

    fn answered(&self, answered: usize, total: usize) -> String {
        format!("{answered}/{total} answered")
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
}
