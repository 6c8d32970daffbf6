//! Load problems in plain words, with the fix.

use crate::store::{Expected, Found, IoCause, Problem, RecordKind};

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
        Found::GermanDate => "a date written another way",
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

pub(super) fn problem(problem: &Problem) -> String {
    match problem {
        Problem::ControlChar { code } => format!(
            "A control character (U+{code:04X}) stands here, which TOML does not allow – often a colour code copied along. Delete it in a text editor."
        ),
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
            kept,
        } => {
            let what = match kind {
                RecordKind::Session => "session",
                RecordKind::Motion => "motion",
            };
            let to = match kept {
                true => "this file".to_string(),
                false => first.display().to_string(),
            };
            format!(
                "The id \"{id}\" ({what}) is also used in {}, line {first_line}. Ids must be unique: change one of them. Both are shown meanwhile; references by this id go to {to}.",
                first.display()
            )
        }
        Problem::UnknownMotion {
            id,
            unreadable: Some(file),
            ..
        } => format!(
            "The agenda lists the motion \"{id}\"; its file {} has errors and cannot be read. Fix the errors there.",
            file.display()
        ),
        Problem::UnknownMotion { id, suggestion, .. } => format!(
            "The agenda lists the motion \"{id}\", which does not exist.{} Check the id or add the motion file.",
            maybe(suggestion)
        ),
        Problem::UnknownSession {
            id,
            unreadable: Some(file),
            ..
        } => format!(
            "The motion names the session \"{id}\"; its file {} has errors and cannot be read. Fix the errors there (do not make a new session file).",
            file.display()
        ),
        Problem::UnknownSession { id, suggestion, .. } => format!(
            "The motion names the session \"{id}\", which does not exist.{} Check the id or add the session file.",
            maybe(suggestion)
        ),
        Problem::BadStatus { value } => format!(
            "Unknown status \"{value}\". Allowed are \"open\", \"in_progress\" and \"answered\"."
        ),
        Problem::BadState { value } => format!(
            "Unknown state \"{value}\". Allowed are \"withdrawn\", \"postponed\" and \"done\"; without state the motion is active."
        ),
        Problem::SessionMismatch {
            motion,
            named,
            listed_in,
        } => format!(
            "The motion \"{motion}\" names the session \"{named}\" but is on the agenda of \"{listed_in}\". Make \"session\" and the agenda agree."
        ),
        Problem::AnsweredWithoutText { number } => format!(
            "Question {number} is marked answered but has no answer text; it counts as open. Write the answer (answer) or set the status back."
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
            IoCause::OutsideFolder => {
                "A symbolic link to a folder outside the data folder: not read. Put the files into the data folder.".into()
            }
            IoCause::NotAFile => {
                "Named like a data file but not a file (a folder, a pipe or a device): not read. Rename it.".into()
            }
            IoCause::Other(reason) => format!("Cannot be read: {reason}"),
        },
    }
}
