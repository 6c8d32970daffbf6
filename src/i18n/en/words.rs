//! Changes and values in words, and the fixed words of the view and the report.

use super::English;
use crate::edit::{Change, Field, FileChange, TableChange};
use crate::i18n::{Keys, Labels, ReportWords, Texts};

impl English {
    /// "kim-bericht-2022, question 1: status \"answered\"".
    pub(super) fn change(&self, change: &Change, keys: &Keys) -> String {
        match change {
            Change::Question(q) => {
                let what = match &q.after {
                    Field::Answer(Some(_)) => "new answer".into(),
                    Field::Answer(None) => "answer removed".into(),
                    Field::Status(s) => format!("status \"{}\"", self.status(*s)),
                    other => self.value(other),
                };
                format!("{}, question {}: {what}", keys.motion(&q.motion), q.number)
            }
            // A state says which; short values are shown, long ones named.
            Change::Record(r) if r.after.len() == 1 && r.after[0].0 == "state" => {
                let state = r.after[0]
                    .1
                    .as_deref()
                    .and_then(|v| v.trim_matches('"').parse::<String>().ok())
                    .and_then(|v| crate::model::MotionState::parse(&v))
                    .unwrap_or_default();
                format!(
                    "{}: {} \"{}\"",
                    keys.owner(&r.owner),
                    self.field_label("state"),
                    self.motion_state(state)
                )
            }
            Change::Record(r) => {
                let fields: Vec<String> = r
                    .after
                    .iter()
                    .map(|(k, v)| match crate::i18n::short_value(v.as_deref()) {
                        // A session by its committee and date, not its id.
                        Some(_) if *k == "session" => {
                            let id = v.as_deref().unwrap_or_default().trim_matches('"');
                            let owner = crate::edit::Owner::Session(id.to_string());
                            format!("{} → {}", self.field_label(k), keys.owner(&owner))
                        }
                        Some(v) => format!("{} {v}", self.field_label(k)),
                        None if v.is_none() => format!("{} (empty)", self.field_label(k)),
                        None => self.field_label(k).to_string(),
                    })
                    .collect();
                format!("{}: {} changed", keys.owner(&r.owner), fields.join(", "))
            }
            Change::Rename(r) if r.to.starts_with(crate::edit::names::TRASH) => {
                format!("{} moved to the trash", r.from.display())
            }
            Change::Rename(r) => format!("{} restored", r.to.display()),
            Change::Batch(changes) => {
                // What the import keeps for itself is no change to tell.
                let told = |c: &&Change| !matches!(c, Change::File(f) if f.path.starts_with(crate::oparl::BASES));
                let parts: Vec<String> = (changes.iter().filter(told))
                    .map(|c| self.change(c, keys))
                    .collect();
                parts.join("; ")
            }
            Change::Table(t) => self.table_change(t, keys),
            Change::File(f) => self.file_change(f),
        }
    }

    /// Why a file cannot be read, in words the user can act on.
    pub(super) fn read_cause(cause: &crate::import::Cause) -> String {
        use crate::import::Cause;
        match cause {
            Cause::Missing => "there is no such file; please check the path".into(),
            Cause::Denied => "no permission to read it".into(),
            Cause::Folder => "that is a folder, not a file".into(),
            Cause::Other(why) => why.clone(),
        }
    }

    /// The label of a schema key, as forms and messages show it.
    pub(super) fn key_label(key: &str) -> &'static str {
        match key {
            "committee" => "Committee",
            "date" => "Date",
            "time" => "Time",
            "location" => "Location",
            "number" => "Number",
            "title" => "Title",
            "public" => "Public",
            "motions" => "Motions",
            "kind" => "Kind",
            "submitted" => "Submitted",
            "submitters" => "Groups",
            "basis" => "Basis",
            "reference" => "Reference",
            "office" => "Lead office",
            "oparl_id" => "OParl id",
            "files" => "Documents",
            "agenda" => "Agenda",
            "signatories" => "Signed by",
            "addressee" => "Addressee",
            "proposal" => "Proposal",
            "rationale" => "Rationale",
            "text" => "Question",
            "session" => "Session",
            "state" => "State",
            "file" => "File",
            "letter" => "or text",
            "question" => "Question",
            "status" => "Status",
            "assignee" => "Assigned to",
            "due" => "Due",
            "answer" => "Answer",
            _ => "?",
        }
    }

    /// A record inserted, removed or moved, in words.
    pub(super) fn table_change(&self, t: &TableChange, keys: &Keys) -> String {
        let (shape, n) = crate::i18n::table_shape(t);
        let question = t.array == crate::edit::TableArray::Question;
        let what = match (shape, question) {
            (crate::i18n::Shape::Insert, true) => format!("new question {n}"),
            (crate::i18n::Shape::Insert, false) => format!("new item {n}"),
            (crate::i18n::Shape::Remove, true) => format!("question {n} removed"),
            (crate::i18n::Shape::Remove, false) => format!("item {n} removed"),
            (crate::i18n::Shape::Move, true) => format!("question {n} moved"),
            (crate::i18n::Shape::Move, false) => format!("item {n} moved"),
        };
        format!("{}: {what}", keys.owner(&t.owner))
    }

    /// A whole file created, removed or replaced, in words.
    pub(super) fn file_change(&self, f: &FileChange) -> String {
        let p = f.path.display();
        match (&f.before, &f.after) {
            (None, _) => format!("new file {p}"),
            (_, None) => format!("{p} deleted"),
            _ => format!("{p} replaced"),
        }
    }

    /// A field's value in a sentence.
    pub(super) fn value(&self, field: &Field) -> String {
        match field {
            Field::Status(s) => format!("\"{}\"", self.status(*s)),
            Field::Answer(Some(text)) => format!("the answer \"{}\"", super::super::gist(text)),
            Field::Answer(None) => "no answer".into(),
            Field::Assignee(Some(who)) => format!("assigned to {who}"),
            Field::Assignee(None) => "nobody assigned".into(),
            Field::Due(Some(day)) => format!("due {}", crate::i18n::date(*day)),
            Field::Due(None) => "no date of its own (the one by rule applies)".into(),
        }
    }
}

pub(super) static LABELS: Labels = Labels {
    sessions: "Sessions",
    problems: "Problems",
    problems_hint: "shows all",
    help: "Keys",
    help_more: "more",
    days_short: "d",
    help_close: "Any key closes the help.",
    search_only_folder: |folder| {
        format!(
            "\"{folder}\" is a data folder – what should be looked for in it? For example: agenda search {folder} daycare"
        )
    },
    cannot_write: |kind| {
        use std::io::ErrorKind::*;
        Some(match kind {
            NotFound => "That folder does not exist. Create it or choose another.",
            PermissionDenied => "You may not write there (no permission).",
            StorageFull | QuotaExceeded => "The disk is full.",
            ReadOnlyFilesystem => "The disk is read-only.",
            IsADirectory => "A folder of that name is there.",
            NotADirectory => "Part of the path is a file, not a folder.",
            _ => return None,
        })
    },
    unmarked_final: |n| {
        match n {
        1 => "Note: 1 question has an answer written but is not marked answered – the final version lists it as open.".into(),
        n => format!("Note: {n} questions have an answer written but are not marked answered – the final version lists them as open."),
    }
    },
    notices: |n| match n {
        1 => "1 notice".into(),
        n => format!("{n} notices"),
    },
    notice_done: |key| format!("Read? {key} takes the notice away."),
    due_after_session: |date| {
        format!("⚠ after the session on {date}: the answer would come too late")
    },
    file_has_errors: |key| format!("file has errors – {key} shows the problems"),
    missing_motion: "cannot be read (file has errors or is missing), Enter shows the problems",
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
    no_sessions: "No sessions in this folder yet:",
    create_first: "creates the first session; or put session files into the folder.",
    nothing_filtered: "The filter leaves no session.",
    nothing_filtered_questions: "The filter leaves no question.",
    change_filter: "changes it.",
    edit_record: "edit",
    empty_agenda: "No agenda items and no motions.",
    no_questions: "No questions yet.",
    no_problems: "No problems.",
    keys: crate::input::KeyWords::EN,
    move_cursor: "move",
    search: "Search",
    search_hint: "Type what you are looking for: committee, date, item, motion, question, assignee, answer text …",
    searching: "searching …",
    filter: "Filter",
    clear_filter: "Clear every filter",
    more_refused: |n| match n {
        1 => "One more field (marked !) needs a look too.".into(),
        n => format!("{n} more fields (marked !) need a look too."),
    },
    take_yours: "apply yours",
    keep_theirs: "keep the file's",
    notice_read: "read",
    due_filter: ["Due", "overdue", "due within the next 7 days"],
    due_short: ["Due", "overdue", "due in 7 days"],
    nobody: "(nobody assigned)",
    lead_office: "lead office",
    worklist: "To answer",
    history: "History",
    history_reading: "Reading the history …",
    this_run: "since the program started",
    by_rule: "by rule",
    after_session: "after the session",
    due_none: "no due date",
    worklist_empty: "No question is waiting for an answer.",
    worklist_missing: |files, see| match files {
        1 => format!("⚠ 1 file has errors: its questions are missing here ({see})"),
        n => format!("⚠ {n} files have errors: their questions are missing here ({see})"),
    },
    worklist_empty_broken: |files, see| match files {
        1 => format!(
            "No question that can be read is waiting for an answer. But 1 file has errors: its questions are missing here until they are fixed ({see})."
        ),
        n => format!(
            "No question that can be read is waiting for an answer. But {n} files have errors: their questions are missing here until they are fixed ({see})."
        ),
    },
    no_department: |wanted, known| match known.is_empty() {
        true => {
            format!(
                "No office matches \"{wanted}\": no question is assigned to an office yet (z in the app)."
            )
        }
        false => format!("No office matches \"{wanted}\". There are: {known}."),
    },
    answered_no_text: "answered, but without an answer text",
    open_by_assignee: "Open questions by assignee",
    confirm_keep: "Keep your changes?",
    assignee_hint: "Department or office; empty = nobody",
    due_hint: "A date like 07.09.2022; empty = due by rule",
    read_in: "read in",
    conflict_theirs: "── The file has:",
    conflict_ours: "── Yours:",
    check_year: "No deadline is that far away: check the year.",
    bad_date: "Not a valid date: write it like 07.09.2022.",
    no_such_day: |typed| format!("There is no {typed}: check day and month."),
    new_session: "New session",
    edit_session: "Edit session",
    new_item: "New agenda item",
    edit_item: "Edit agenda item",
    new_motion: "New motion / inquiry",
    edit_motion: "Edit motion",
    new_question: "New question",
    edit_question: "Edit question",
    refused_empty: "Please fill this in: nothing can be saved without it.",
    refused_time: "Not a valid time. Write it like 17:00.",
    refused_motion: "No motion has this title. Type the start of a title: those that fit are suggested, → takes one.",
    refused_taken: "Another question of this motion has this number.",
    ask_delete: "Delete?",
    hint_new_session: "new session",
    hint_new_item: "new item",
    hint_new_motion: "new motion",
    hint_new_question: "new question",
    not_on_any_item: "(on no agenda item)",
    choose_item: "Which agenda item?",
    choose_session: "Which session?",
    report_for: "Report",
    letter_to: "Answer letter",
    more_fields_above: "▲ more fields",
    more_fields_below: "▼ more fields",
    outputs: [
        "Working version as a Word file (.docx)",
        "Working version for the browser (HTML)",
        "Working version as text (Markdown)",
        "Final version for the committee, Word (.docx)",
        "Final version for the committee, browser (HTML)",
    ],
    letter_finals: [
        "Final version to send, Word (.docx)",
        "Final version to send, browser (HTML)",
    ],
    import_letter: "Import a letter: a file (.txt, .docx, .pdf) or pasted text",
    new_line: "new line",
    quotes: ("\"", "\""),
    recovery_title: "Unsaved changes",
    recovery_intro: "These changes from last time are not saved yet:",
};

pub(super) static REPORT: ReportWords = ReportWords {
    lang: "en",
    file_stem: "Report",
    working_stem: "working-version",
    final_stem: "final",
    title: "Report of the administration",
    open: "OPEN – not answered yet",
    open_in_progress: "OPEN – in progress, not answered yet",
    open_no_text: "OPEN – marked answered, but there is no answer text",
    draft: "Draft",
    no_questions: "No questions.",
    nothing: "There are no motions or inquiries for this session.",
    open_final: "The question will be answered orally in the session.",
    working: "Working version – not for circulation",
    page: "Page",
    of: "of",
    number: "Document",
    letter_title: "Answer",
    letter_to: |groups| {
        if groups == 1 {
            "To the group"
        } else {
            "To the groups"
        }
    },
    letter_subject: |kind, title, date| match date {
        Some(date) => format!("Your {kind} \"{title}\" of {date}"),
        None => format!("Your {kind} \"{title}\""),
    },
    salutation: "Dear Sir or Madam,",
    letter_intro: |kind| format!("The administration answers your {kind} as follows:"),
    closing: "Yours faithfully",
    nonpublic: "not public",
    nonpublic_lead: ("Not public", |items| {
        format!("Contains agenda items that are not public ({items}) – not for publication.")
    }),
    letter_written: "Answer letter written",
    bad_output: |name, folder, ext| match folder {
        true => format!("{name} is a folder. Give a file name after -o, such as report.{ext}."),
        false => format!(
            "{name} does not fit the format: agenda writes .md, .html or .docx (chosen with --format markdown, html or docx); for this format name the file like report.{ext}. Nothing was written."
        ),
    },
    unreadable: |id| {
        format!("The paper \"{id}\" of this agenda item is not available in readable form.")
    },
    reference: "Re: document",
    groups: |n| if n == 1 { "Group" } else { "Groups" },
};
