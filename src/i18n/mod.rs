//! Every user-facing sentence, one file per language.
//!
//! Each language implements [`Texts`]; a sentence missing in one language is
//! a compile error, not a blank on screen.

mod de;
mod en;
mod keys;
mod values;

pub use keys::Keys;

use std::path::Path;

use chrono::Weekday;

use crate::config::ConfigProblem;
use crate::edit::{Change, Conflict, TableChange};
use crate::input::{Action, Context};
use crate::model::Status;
use crate::note::Note;
use crate::store::{Diagnostic, Problem, Severity};

pub use values::plain_value;
pub(crate) use values::{gist, parted, short_value, trashed};

/// The languages the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// German where the system locale is German, English elsewhere.
    pub fn from_locale() -> Lang {
        let locale = sys_locale::get_locale().unwrap_or_default();
        Lang::from_tag(&locale)
    }

    /// The language of a locale tag such as `de-DE`, `de_AT.UTF-8` or `en-US`.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("de") {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// The language a tag names, if it names one of ours ("fr" does not).
    pub fn named(tag: &str) -> Option<Lang> {
        let tag = tag.to_ascii_lowercase();
        match () {
            _ if tag.starts_with("de") => Some(Lang::De),
            _ if tag.starts_with("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The sentences of this language.
    pub fn texts(self) -> &'static dyn Texts {
        match self {
            Lang::De => &de::German,
            Lang::En => &en::English,
        }
    }
}

/// The headings of the command line's help.
pub struct CliHeadings {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// What stands for a command in the usage line.
    pub command_name: &'static str,
    pub help: &'static str,
    pub version: &'static str,
}

/// The words of the calendar file.
pub struct CalendarWords {
    /// The calendar's name.
    pub name: &'static str,
    pub question: &'static str,
    /// The title of a day's due questions: "3 Fragen fällig".
    pub due: fn(usize) -> String,
}

/// The sentences the app says, in one language.
pub trait Texts: Sync {
    /// A load problem in plain words: what is wrong and how to fix it.
    fn problem(&self, problem: &Problem) -> String;
    fn severity(&self, severity: Severity) -> &'static str;
    /// The last line of `check`.
    fn check_summary(&self, errors: usize, warnings: usize, files: usize) -> String;
    /// A countdown: "in 6 days", "today", "3 days ago".
    fn days_left(&self, days: i64) -> String;
    /// Days to a due date: "3 Tage überfällig", "heute fällig", "noch 2 Tage".
    fn due_in(&self, days: i64) -> String;
    /// Two-letter weekday.
    fn weekday(&self, day: Weekday) -> &'static str;
    /// The weekday in full, for the report.
    fn weekday_long(&self, day: Weekday) -> &'static str;
    /// "0/3 answered".
    fn answered(&self, answered: usize, total: usize) -> String;
    /// Label of an agenda item: "TOP 4".
    fn agenda_item(&self, number: &str) -> String;
    fn not_on_agenda(&self) -> &'static str;
    fn without_session(&self) -> &'static str;
    fn no_sessions(&self) -> &'static str;
    /// A data folder without a single data file: perhaps the wrong one.
    fn empty_folder(&self, dir: &Path) -> String;
    /// First start: the example was written to `dir`.
    fn example_created(&self, dir: &Path) -> String;
    /// Which data folder a command worked in, where it was not named.
    fn data_folder(&self, dir: &Path) -> String;
    /// A data folder not there, inside a folder shared through git.
    fn dir_missing_in_git(&self, dir: &Path, top: &Path) -> String;
    fn dir_missing(&self, dir: &Path) -> String;
    fn not_a_dir(&self, dir: &Path) -> String;
    fn no_data_dir(&self) -> String;
    fn cannot_create(&self, dir: &Path, reason: &str) -> String;
    /// Fixed words of the full-screen view.
    fn labels(&self) -> &'static Labels;
    /// A status in words.
    fn status(&self, status: Status) -> &'static str;
    /// What an action does, for the footer and the help.
    fn action(&self, action: Action) -> &'static str;
    /// What an action does in a context, where that needs other words than
    /// [`Texts::action`] ("on/off" in the filter menu).
    fn hint(&self, context: Context, action: Action) -> &'static str;
    /// A message after something happened; `keys` names the keys it mentions.
    fn note(&self, note: &Note, keys: &Keys) -> String;
    /// A problem in the user's config file.
    fn config_problem(&self, problem: &ConfigProblem) -> String;
    /// "2 changes not saved".
    fn unsaved(&self, count: usize) -> String;
    /// The label of a schema key ("location" → "Ort"), for forms and messages.
    fn field_label(&self, key: &str) -> &'static str;
    /// The title of the form of a record of this kind: "Anfrage bearbeiten".
    fn edit_title(&self, kind: &str) -> String;
    /// The question before deleting `what` ("TOP 5 „Kita“"); `undo` is
    /// the key that takes it back.
    fn ask_delete(&self, what: &str, undo: &str, to_trash: bool) -> String;
    /// A motion's state in words: "zurückgezogen".
    fn motion_state(&self, state: crate::model::MotionState) -> &'static str;
    /// "2 problems".
    fn problem_count(&self, count: usize) -> String;
    /// "2 conflicts".
    fn conflict_count(&self, count: usize) -> String;
    /// A change waiting to be saved, as a line of the problems screen.
    fn waiting(&self, change: &Change, keys: &Keys) -> String;
    /// A change in words: "kim-bericht-2022, Frage 1: neue Antwort".
    fn describe(&self, change: &Change, keys: &Keys) -> String;
    /// After a crash: where the unsaved changes were written.
    fn recovery_written(&self, path: &Path) -> String;
    /// A conflict, as a line of the problems screen.
    fn conflict(&self, conflict: &Conflict, keys: &Keys) -> String;
    /// "12 hits", or "the best 200 of 1234 hits" when only the best are listed.
    fn hit_count(&self, shown: usize, total: usize) -> String;
    /// `agenda search` found nothing for `query`.
    fn search_no_match(&self, query: &str) -> String;
    /// Fixed words of the report.
    fn report(&self) -> &'static ReportWords;
    /// The words of the calendar file.
    fn calendar_words(&self) -> CalendarWords;
    /// "As of 01.09.2022: 1 of 3 questions answered."
    fn as_of(&self, today: chrono::NaiveDate, answered: usize, total: usize) -> String;
    /// No session with this id; `known` are the ids there are.
    fn unknown_session(&self, id: &str, known: &[&str]) -> String;
    fn export_written(&self, path: &Path) -> String;
    /// `export --motion` with an id no motion has.
    fn unknown_motion(&self, id: &str, known: &[&str]) -> String;
    /// `--format docx` to a terminal.
    fn docx_needs_file(&self) -> String;
    /// The calendar file was written.
    fn calendar_written(&self, path: &Path) -> String;
    /// Nothing for a calendar: no session with a date, nothing due.
    fn calendar_empty(&self) -> String;
    /// The calendar file could not be written.
    fn calendar_failed(&self, path: &Path, reason: &str) -> String;
    fn export_exists(&self, path: &Path) -> String;
    fn export_failed(&self, path: &Path, reason: &str) -> String;
    /// A letter in one line: "Anfrage, DIE LINKE, 4 Fragen, Sitzung 07.09.2022".
    fn import_summary(
        &self,
        kind: &str,
        groups: &[String],
        questions: usize,
        session: Option<(&str, chrono::NaiveDate)>,
    ) -> String;
    fn import_written(&self, path: &Path, summary: &str) -> String;
    /// The import made (or, `dry`, would make) a session for the letter.
    fn import_session_made(
        &self,
        committee: &str,
        date: chrono::NaiveDate,
        path: &Path,
        dry: bool,
    ) -> String;
    fn import_unreadable(&self, file: &str, cause: &crate::import::Cause) -> String;
    /// A letter's file that could not be written: why (`None`: someone
    /// made or changed it meanwhile).
    fn import_not_written(&self, file: &str, reason: Option<&str>) -> String;
    /// An empty file; a PDF without text is told how to paste it
    /// (`in_app`: into the form, else on the command line).
    fn import_empty(&self, file: &str, in_app: bool) -> String;
    fn import_binary(&self, file: &str) -> String;
    fn import_damaged(&self, file: &str, reason: &str) -> String;
    fn import_no_title(&self, file: &str) -> String;
    fn import_no_questions(&self, file: &str) -> String;
    /// A letter read in before, into `existing`; `differing`: the
    /// questions in which this version differs.
    fn import_duplicate(&self, file: &str, existing: &Path, differing: &[String]) -> String;
    /// The step of a sync that starts.
    fn sync_stage(&self, stage: crate::sync::run::Stage) -> &'static str;
    /// What a sync did, a line each.
    fn sync_outcome(&self, outcome: &crate::sync::run::Outcome) -> Vec<String>;
    /// Why a sync stopped.
    fn sync_stopped(&self, stopped: &crate::sync::run::Stopped) -> String;
    /// One change in a question's history.
    fn history_entry(&self, entry: &crate::sync::history::Entry) -> String;
    /// A history with nothing in it.
    fn no_history(&self) -> String;
    /// What an OParl import skipped or did, in one line.
    fn oparl(&self, say: &crate::oparl::Say) -> String;
    /// Beside the progress count of an OParl pull.
    fn oparl_progress(&self) -> &'static str;
    /// `agenda import oparl` with neither a source nor `[oparl] url`.
    fn oparl_no_source(&self) -> String;
    /// The help of a command (`check.about`) or argument (`check.dir`,
    /// `*.lang`), where this language has its own; else clap's.
    fn cli_help(&self, key: &str) -> Option<&'static str>;
    fn cli_headings(&self) -> CliHeadings;
    /// What stands for an argument's value in the help (`<DATUM>`).
    fn cli_value_name(&self, id: &str) -> Option<&'static str>;
    /// clap's own words in its help, and this language's for them.
    fn cli_words(&self) -> &'static [(&'static str, &'static str)];
    /// A parsing error in plain words; `None` to keep clap's.
    fn cli_error(
        &self,
        kind: clap::error::ErrorKind,
        arg: &str,
        value: &str,
        valid: &str,
        suggested: &str,
    ) -> Option<String>;
    /// After a parsing error: where to read more.
    fn cli_more(&self, command: &str) -> String;
    /// `agenda staus`: the command probably meant.
    fn did_you_mean(&self, typed: &str, meant: &str) -> String;
    /// Started without a terminal (piped, in a script).
    fn needs_terminal(&self) -> String;
}

/// Fixed words of the report.
pub struct ReportWords {
    /// The `lang` attribute of the HTML page.
    pub lang: &'static str,
    /// The start of a report's file name.
    pub file_stem: &'static str,
    /// The end of a file name that tells the working version from the
    /// final one, so that the one for the committee is not mixed up.
    pub working_stem: &'static str,
    pub final_stem: &'static str,
    pub title: &'static str,
    pub open: &'static str,
    pub open_in_progress: &'static str,
    pub open_no_text: &'static str,
    pub draft: &'static str,
    pub no_questions: &'static str,
    pub nothing: &'static str,
    /// In the final version, instead of a missing answer (unless the
    /// config says otherwise).
    pub open_final: &'static str,
    /// Above the working version: it is not the one to hand out.
    pub working: &'static str,
    /// The footer's "Seite 2 von 5".
    pub page: &'static str,
    pub of: &'static str,
    /// The "Drucksache" or document number beside the letterhead.
    pub number: &'static str,
    /// The answer letter: its title ("Beantwortung").
    pub letter_title: &'static str,
    /// "An die Fraktionen" before the groups.
    pub letter_to: fn(usize) -> &'static str,
    /// The subject: kind, title, the date it came in.
    pub letter_subject: fn(&str, &str, Option<&str>) -> String,
    pub salutation: &'static str,
    /// Before the answers: "zu Ihrer Anfrage nimmt die Verwaltung …".
    pub letter_intro: fn(&str) -> String,
    pub closing: &'static str,
    /// Beside an agenda item that is not public, in a report that has it.
    pub nonpublic: &'static str,
    /// Over a report holding such items, first: the items' labels given.
    pub nonpublic_lead: (&'static str, fn(&str) -> String),
    /// "Antwortschreiben geschrieben": said when the letter is written.
    pub letter_written: &'static str,
    /// `-o` names a folder (`true`) or a file whose ending is not the
    /// format's: the name, which, and the format's ending.
    pub bad_output: fn(&str, bool, &str) -> String,
    /// Instead of a motion an agenda item lists whose file could not be read.
    pub unreadable: fn(&str) -> String,
    /// Before the council's paper number of the motion answered.
    pub reference: &'static str,
    /// "Fraktion" for one group, "Fraktionen" for several.
    pub groups: fn(usize) -> &'static str,
}

/// Fixed words of the full-screen view.
pub struct Labels {
    pub sessions: &'static str,
    pub problems: &'static str,
    pub problems_hint: &'static str,
    pub help: &'static str,
    pub help_more: &'static str,
    /// Days, short, where "vor 1548 Tagen" does not fit: "−1548 T".
    pub days_short: &'static str,
    pub help_close: &'static str,
    pub closed: &'static str,
    /// After the id of a motion an agenda lists that is not in the data.
    pub missing_motion: &'static str,
    /// Beside a record whose file has errors.
    pub file_has_errors: fn(&str) -> String,
    /// Beside a due date later than the session (its date given).
    pub due_after_session: fn(&str) -> String,
    /// In the top line: how many notices of pulls and syncs wait under `!`.
    pub notices: fn(usize) -> String,
    /// After a notice of a pull or a sync: which key takes it away.
    pub notice_done: fn(&str) -> String,
    /// After a final version: how many answers it calls open because
    /// their questions are not marked answered.
    pub unmarked_final: fn(usize) -> String,
    /// Plain words for the failures of a write that users can act on.
    pub cannot_write: fn(std::io::ErrorKind) -> Option<&'static str>,
    /// `agenda search FOLDER` without a word to look for.
    pub search_only_folder: fn(&str) -> String,
    pub kind: &'static str,
    pub basis: &'static str,
    pub submitters: &'static str,
    pub submitted: &'static str,
    pub addressee: &'static str,
    pub signatories: &'static str,
    pub session: &'static str,
    pub proposal: &'static str,
    pub rationale: &'static str,
    pub details: &'static str,
    pub questions: &'static str,
    pub question: &'static str,
    pub status: &'static str,
    pub assignee: &'static str,
    pub due: &'static str,
    pub answer: &'static str,
    pub updated: &'static str,
    pub by: &'static str,
    pub no_answer: &'static str,
    pub no_sessions: &'static str,
    pub create_first: &'static str,
    pub nothing_filtered: &'static str,
    /// The worklist under a filter that leaves no question.
    pub nothing_filtered_questions: &'static str,
    pub change_filter: &'static str,
    pub edit_record: &'static str,
    pub empty_agenda: &'static str,
    pub no_questions: &'static str,
    pub no_problems: &'static str,
    /// Names of keys: "Leertaste", "Strg", "Bild↓".
    pub keys: crate::input::KeyWords,
    pub move_cursor: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub searching: &'static str,
    pub filter: &'static str,
    pub clear_filter: &'static str,
    /// After a form's refusal: how many other fields are refused too.
    pub more_refused: fn(usize) -> String,
    /// Under `!`: Enter and Del on a conflict, Del on a notice.
    pub take_yours: &'static str,
    pub keep_theirs: &'static str,
    pub notice_read: &'static str,
    /// The filter's due choices: heading, overdue, within the week.
    pub due_filter: [&'static str; 3],
    /// The same, short, for the line that shows an active filter.
    pub due_short: [&'static str; 3],
    pub nobody: &'static str,
    /// Beside the office in charge of a motion, answering for a question
    /// assigned to nobody.
    pub lead_office: &'static str,
    /// The worklist's title.
    pub worklist: &'static str,
    /// A question's history: its title, while read, this run's changes.
    pub history: &'static str,
    pub history_reading: &'static str,
    pub this_run: &'static str,
    /// Beside a due date that falls after the session.
    pub after_session: &'static str,
    /// Beside a due date a rule gave.
    pub by_rule: &'static str,
    /// A question without any due date.
    pub due_none: &'static str,
    /// The worklist with nothing left to answer.
    pub worklist_empty: &'static str,
    /// No question to answer can be read, but files have errors: how
    /// many, and where to see them (a key, or a command).
    pub worklist_empty_broken: fn(usize, &str) -> String,
    /// Above a worklist: files that do not read, their questions missing.
    pub worklist_missing: fn(usize, &str) -> String,
    /// `agenda due --department X` where no department is X: what was
    /// asked, and the departments there are.
    pub no_department: fn(&str, &str) -> String,
    /// A question marked answered that has no answer text.
    pub answered_no_text: &'static str,
    pub open_by_assignee: &'static str,
    pub confirm_keep: &'static str,
    pub assignee_hint: &'static str,
    pub due_hint: &'static str,
    pub bad_date: &'static str,
    /// Above the file's answer and the user's in a conflict, shown whole.
    pub conflict_theirs: &'static str,
    pub conflict_ours: &'static str,
    /// What Ctrl-S and Enter do in the form that reads a letter in.
    pub read_in: &'static str,
    /// A due date decades away: the year is likely mistyped.
    pub check_year: &'static str,
    /// A date as written that the calendar does not have.
    pub no_such_day: fn(&str) -> String,
    pub new_session: &'static str,
    pub edit_session: &'static str,
    pub new_item: &'static str,
    pub edit_item: &'static str,
    pub new_motion: &'static str,
    pub edit_motion: &'static str,
    pub new_question: &'static str,
    pub edit_question: &'static str,
    pub refused_empty: &'static str,
    pub refused_time: &'static str,
    pub refused_taken: &'static str,
    pub refused_motion: &'static str,
    pub ask_delete: &'static str,
    pub hint_new_session: &'static str,
    pub hint_new_item: &'static str,
    pub hint_new_motion: &'static str,
    pub hint_new_question: &'static str,
    pub not_on_any_item: &'static str,
    pub choose_item: &'static str,
    pub choose_session: &'static str,
    /// Over what `x` offers; then its options, as `app::paper` lists them.
    /// What `x` writes: a session's report, an answer letter.
    pub report_for: &'static str,
    pub letter_to: &'static str,
    /// On a form's border where fields are out of view.
    pub more_fields_above: &'static str,
    pub more_fields_below: &'static str,
    pub outputs: [&'static str; 5],
    /// The last two of `outputs` for an answer letter: it goes to the
    /// groups, not to the committee.
    pub letter_finals: [&'static str; 2],
    pub import_letter: &'static str,
    pub new_line: &'static str,
    pub quotes: (&'static str, &'static str),
    pub recovery_title: &'static str,
    pub recovery_intro: &'static str,
}

/// What a change of a table does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Insert,
    Remove,
    Move,
}

/// What a table change does, and the number of the table it concerns.
pub(crate) fn table_shape(change: &TableChange) -> (Shape, String) {
    let shape = match (&change.before, &change.after) {
        (None, _) => Shape::Insert,
        (_, None) => Shape::Remove,
        _ => Shape::Move,
    };
    let text = change
        .after
        .as_ref()
        .or(change.before.as_ref())
        .map_or("", |(_, t)| t.as_str());
    let number = toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| t.get("number").and_then(|n| n.as_str()).map(String::from))
        .unwrap_or_default();
    (shape, number)
}

/// Why something could not be written, in plain words where the user can
/// act on it (a folder missing, no permission, a full disk), else in the
/// operating system's own.
pub fn io_reason(texts: &dyn Texts, kind: std::io::ErrorKind, said: &str) -> String {
    (texts.labels().cannot_write)(kind).map_or_else(|| said.to_string(), str::to_string)
}

/// A diagnostic as one line, `path:line:column: severity: message`, the
/// form editors and CI jump to. `base` is the data folder as the user named it.
pub fn diagnostic(base: &Path, diagnostic: &Diagnostic, texts: &dyn Texts) -> String {
    let path = base.join(&diagnostic.path);
    let place = match diagnostic.location {
        Some(at) => format!("{}:{}:{}", path.display(), at.line, at.column),
        None => path.display().to_string(),
    };
    format!(
        "{place}: {}: {}",
        texts.severity(diagnostic.severity),
        texts.problem(&diagnostic.problem)
    )
}

/// A config problem as one line, `path:line:column: message`.
/// A setting the parser did not know, from its words ("unknown field
/// `nam`, expected one of `name`, …"): the name typed and the nearest
/// known one, if one is near.
pub(crate) fn unknown_setting(detail: &str) -> Option<(String, Option<String>)> {
    let rest = detail.strip_prefix("unknown field `")?;
    let (typed, rest) = rest.split_once('`')?;
    let known: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let near = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(typed, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min()
        .map(|(_, k)| k.to_string());
    Some((typed.to_string(), near))
}

fn config_place(problem: &ConfigProblem) -> String {
    match problem.location {
        Some(at) => format!("{}:{}:{}", problem.path.display(), at.line, at.column),
        None => problem.path.display().to_string(),
    }
}

pub use crate::dates::date;

/// `n` with its thousands marked by `separator`: 44.000, 44,000.
pub(crate) fn thousands(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_marked() {
        assert_eq!(super::thousands(44_000, '.'), "44.000");
        assert_eq!(super::thousands(999, '.'), "999");
        assert_eq!(super::thousands(1_234_567, ','), "1,234,567");
    }

    use super::*;

    #[test]
    fn locale_tags_choose_the_language() {
        assert_eq!(Lang::from_tag("de-DE"), Lang::De);
        assert_eq!(Lang::from_tag("de_AT.UTF-8"), Lang::De);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("fr-FR"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn dates_read_the_german_way_in_both_languages() {
        let day = chrono::NaiveDate::from_ymd_opt(2022, 9, 7).unwrap();
        assert_eq!(date(day), "07.09.2022");
    }
}
