//! English.

use std::path::Path;

use chrono::Weekday;

use super::{Keys, Labels, ReportWords, Texts};
use crate::config::{ConfigIssue, ConfigProblem};
use crate::edit::{Change, Conflict, Field, FileChange, TableChange};
use crate::input::{Action, Context};
use crate::model::Status;
use crate::note::Note;
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
    fn labels(&self) -> &'static Labels {
        &LABELS
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Open => "open",
            Status::InProgress => "in progress",
            Status::Answered => "answered",
        }
    }

    fn action(&self, action: Action) -> &'static str {
        match action {
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "to the top",
            Action::Bottom => "to the end",
            Action::Open => "open",
            Action::Back => "back",
            Action::NextPane => "switch pane",
            Action::CycleStatus => "next status",
            Action::MarkAnswered => "answered",
            Action::Search => "search",
            Action::NextOpen => "next open question",
            Action::PreviousOpen => "previous open question",
            Action::Filter => "filter",
            Action::EditAnswer => "edit answer",
            Action::EditExternal => "answer in your editor",
            Action::EditAssignee => "assignee",
            Action::EditDue => "due date",
            Action::Export => "write report",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Reload => "reload",
            Action::Problems => "problems",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Accept => "accept",
            Action::Cancel => "cancel",
            Action::Previous => "previous hit",
            Action::Next => "next hit",
            Action::DeleteWord => "delete word",
            Action::Save => "save",
            Action::Keep => "yes, keep",
            Action::Discard => "discard",
        }
    }

    fn hint(&self, context: Context, action: Action) -> &'static str {
        match (context, action) {
            (Context::FilterMenu, Action::CycleStatus) => "on/off",
            (Context::FilterMenu, Action::Back) => "done",
            (Context::Offer, Action::Open) => "apply and save them",
            (Context::Offer, Action::Back) => "set them aside",
            (Context::Finder, Action::Previous | Action::Next) => "choose",
            (Context::Finder, Action::Accept) => "go there",
            (Context::Finder, Action::Cancel) => "back",
            (Context::Answer, Action::Cancel) => "close",
            (Context::Confirm, Action::Accept | Action::Keep) => "yes",
            (Context::Confirm, Action::Cancel) => "go on editing",
            (Context::Line, Action::Next | Action::Previous) => "suggestion",
            _ => self.action(action),
        }
    }

    fn note(&self, note: &Note, keys: &Keys) -> String {
        let reload = keys.get(Action::Reload);
        let problems_key = keys.get(Action::Problems);
        match note {
            Note::Saved(change) => format!("Saved: {}.", self.change(change)),
            Note::Undone(change) => format!("Undone: {}.", self.change(change)),
            Note::Redone(change) => format!("Redone: {}.", self.change(change)),
            Note::EditorMissing { command } => format!(
                "The editor \"{command}\" cannot be started. Set VISUAL or EDITOR to an editor you have, or edit here with {}.",
                keys.get(Action::EditAnswer)
            ),
            Note::EditorFailed { command, code } => format!(
                "The editor \"{command}\" ended with an error ({}); the answer is unchanged.",
                code.map_or_else(|| "stopped".to_string(), |c| format!("code {c}"))
            ),
            Note::BadDate { typed } => format!(
                "\"{typed}\" is not a date. Write it like 07.09.2022 (or 2022-09-07); empty removes the due date."
            ),
            Note::Exported { path } => format!("Report written: {}", path.display()),
            Note::ExportFailed { path, reason } => format!(
                "The report could not be written in {}: {reason}",
                path.display()
            ),
            Note::NoSessionHere => format!(
                "Open a session first ({}) to write its report.",
                keys.get(Action::Open)
            ),
            Note::Recovered { saved, conflicts } => format!(
                "{saved} rescued change(s) saved{}.",
                if *conflicts > 0 {
                    format!(", {conflicts} conflict(s) under {problems_key}")
                } else {
                    String::new()
                }
            ),
            Note::RecoverySetAside { path } => {
                format!("The rescued changes are set aside in {}.", path.display())
            }
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
                "{} could not be saved ({reason}). Your change is kept here only; {reload} tries again.",
                path.display()
            ),
            Note::FileHasErrors { path } => format!(
                "{} has errors and is left unchanged. Correct the file (see {problems_key}) and press {reload}.",
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
                    out.push_str(&format!(" {reapplied} kept change(s) saved."));
                }
                for c in conflicts {
                    let Change::Question(ours) = &c.ours else {
                        out.push_str(&format!(" {}", self.change(&c.ours)));
                        continue;
                    };
                    out.push_str(&match &c.theirs {
                        Some(theirs) => format!(
                            " Conflict: {}, question {} now has {} on disk; your change ({}) was not applied.",
                            ours.motion,
                            ours.number,
                            self.value(theirs),
                            self.value(&ours.after)
                        ),
                        None => format!(
                            " {}, question {} is gone; your change ({}) was not applied.",
                            ours.motion,
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
            Note::UnsavedOnQuit { count } => format!(
                "{} – press {} again to quit anyway, {reload} to reload and save.",
                self.unsaved(*count),
                keys.get(Action::Quit)
            ),
            Note::LoadedWithProblems { errors, warnings } => format!(
                "{errors} error(s), {warnings} warning(s) in the files. {problems_key} shows them; everything else works as usual."
            ),
            Note::Config(text) => text.clone(),
            Note::Wrapped => "Started over from the top.".into(),
            Note::NothingOpen => "No open question left: everything is answered.".into(),
            Note::ExampleCreated { dir } => self.example_created(dir),
        }
    }

    fn config_problem(&self, problem: &ConfigProblem) -> String {
        let place = super::config_place(problem);
        match &problem.issue {
            ConfigIssue::Invalid(detail) => {
                format!("{place}: invalid setting ({detail}); the defaults apply.")
            }
            ConfigIssue::BadKey { action, key } => format!(
                "{place}: \"{key}\" is not a key (for {action}); examples: \"j\", \"ctrl-r\", \"shift-g\", \"enter\"."
            ),
            ConfigIssue::WrongSection {
                action,
                section,
                belongs,
            } => format!(
                "{place}: \"{action}\" does not belong under [{section}] but under [{belongs}]; this line is ignored."
            ),
            ConfigIssue::Unreadable(reason) => {
                format!("{place}: cannot be read ({reason}); the defaults apply.")
            }
        }
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

    fn report(&self) -> &'static ReportWords {
        &REPORT
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

    fn needs_terminal(&self) -> String {
        "The full-screen view needs a terminal. For scripts use agenda status, agenda check or agenda status --json.".into()
    }

    fn describe(&self, change: &Change) -> String {
        self.change(change)
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
            self.change(change),
            keys.get(Action::Reload),
            keys.get(Action::Open)
        )
    }

    fn conflict(&self, conflict: &Conflict, keys: &Keys) -> String {
        let Change::Question(ours) = &conflict.ours else {
            return self.change(&conflict.ours);
        };
        let theirs = conflict
            .theirs
            .as_ref()
            .map_or_else(|| "nothing".into(), |t| self.value(t));
        format!(
            "Conflict: {}, question {}: the file has {theirs}, your change was {}. {} applies yours.",
            ours.motion,
            ours.number,
            self.value(&ours.after),
            keys.get(Action::Open)
        )
    }

    fn problem_count(&self, count: usize) -> String {
        match count {
            1 => "1 problem".into(),
            n => format!("{n} problems"),
        }
    }
}

impl English {
    /// "kim-bericht-2022, question 1: status \"answered\"".
    fn change(&self, change: &Change) -> String {
        match change {
            Change::Question(q) => {
                let what = match &q.after {
                    Field::Answer(Some(_)) => "new answer".into(),
                    Field::Answer(None) => "answer removed".into(),
                    Field::Status(s) => format!("status \"{}\"", self.status(*s)),
                    other => self.value(other),
                };
                format!("{}, question {}: {what}", q.motion, q.number)
            }
            Change::Table(t) => self.table_change(t),
            Change::File(f) => self.file_change(f),
        }
    }

    /// A record inserted, removed or moved, in words.
    fn table_change(&self, t: &TableChange) -> String {
        let (shape, n) = super::table_shape(t);
        let question = t.array == crate::edit::TableArray::Question;
        let what = match (shape, question) {
            (super::Shape::Insert, true) => format!("new question {n}"),
            (super::Shape::Insert, false) => format!("new item {n}"),
            (super::Shape::Remove, true) => format!("question {n} removed"),
            (super::Shape::Remove, false) => format!("item {n} removed"),
            (super::Shape::Move, true) => format!("question {n} moved"),
            (super::Shape::Move, false) => format!("item {n} moved"),
        };
        format!("{}: {what}", super::owner_id(&t.owner))
    }

    /// A whole file created, removed or replaced, in words.
    fn file_change(&self, f: &FileChange) -> String {
        let p = f.path.display();
        match (&f.before, &f.after) {
            (None, _) => format!("new file {p}"),
            (_, None) => format!("{p} deleted"),
            _ => format!("{p} replaced"),
        }
    }

    /// A field's value in a sentence.
    fn value(&self, field: &Field) -> String {
        match field {
            Field::Status(s) => format!("\"{}\"", self.status(*s)),
            Field::Answer(Some(_)) => "another answer".into(),
            Field::Answer(None) => "no answer".into(),
            Field::Assignee(Some(who)) => format!("assigned to {who}"),
            Field::Assignee(None) => "nobody assigned".into(),
            Field::Due(Some(day)) => format!("due {}", super::date(*day)),
            Field::Due(None) => "no due date".into(),
        }
    }
}

static LABELS: Labels = Labels {
    sessions: "Sessions",
    problems: "Problems",
    problems_hint: "shows all",
    help: "Keys",
    help_close: "Any key closes the help.",
    closed: "closed",
    kind: "Kind",
    basis: "Basis",
    submitters: "Groups",
    submitted: "Date",
    addressee: "To",
    signatories: "Signed",
    session: "Session",
    proposal: "Proposal",
    rationale: "Rationale",
    details: "Motion",
    questions: "Questions",
    question: "Question",
    status: "Status",
    assignee: "Assignee",
    due: "Due",
    answer: "Answer",
    updated: "Last change",
    by: "by",
    no_answer: "(no answer yet)",
    no_sessions: "No sessions. Add session files to the data folder.",
    empty_agenda: "No agenda items and no motions.",
    no_questions: "This motion has no questions.",
    no_problems: "No problems.",
    space: "Space",
    move_cursor: "move",
    search: "Search",
    search_hint: "Type what you are looking for: committee, date, item, motion, question, assignee, answer text …",
    searching: "searching …",
    filter: "Filter",
    clear_filter: "Clear every filter",
    nobody: "(nobody assigned)",
    open_by_assignee: "Open questions by assignee",
    confirm_keep: "Keep your changes?",
    assignee_hint: "Department or office; empty = nobody",
    due_hint: "A date like 07.09.2022; empty = no due date",
    bad_date: "Not a valid date: write it like 07.09.2022.",
    recovery_title: "Unsaved changes",
    recovery_intro: "Last time agenda stopped unexpectedly. These changes were not saved yet:",
};

static REPORT: ReportWords = ReportWords {
    lang: "en",
    file_stem: "Report",
    title: "Report of the administration",
    open: "OPEN – not answered yet",
    open_in_progress: "OPEN – in progress, not answered yet",
    open_no_text: "OPEN – marked answered, but there is no answer text",
    draft: "Draft",
    no_questions: "This motion has no questions.",
    nothing: "There are no motions or inquiries for this session.",
};
