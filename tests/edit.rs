//! Writing answers, assignees and due dates, undo and redo, through
//! `App::update` and real files.

use crate::common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use agenda::app::Effect;
use agenda::app::editor::Editing;
use agenda::app::{App, Msg, Note};
use agenda::external::ExternalResult;
use agenda::input::Action::{self, *};
use agenda::model::Status;
use common::{KIM, app, contents, example, step};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Sessions → the session → the KIM motion → question 1.
const TO_QUESTION_1: &[Action] = &[Open, Down, Down, Down, Down, Open, Open];

fn press(app: &mut App, keys: &[Action]) {
    for key in keys {
        step(app, *key);
    }
}

fn key(app: &mut App, code: KeyCode) {
    step(app, Msg::Press(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(app: &mut App, c: char) {
    step(
        app,
        Msg::Press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => key(app, KeyCode::Enter),
            c => key(app, KeyCode::Char(c)),
        }
    }
}

fn question_1(dir: &std::path::Path) -> agenda::model::Question {
    agenda::store::load(dir)
        .data
        .motion("kim-bericht-2022")
        .unwrap()
        .questions[0]
        .clone()
}

#[test]
fn the_answer_editor_saves_multi_line_text_with_ctrl_s() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditAnswer]);
    assert!(matches!(app.editing(), Some(Editing::Answer { .. })));
    type_text(
        &mut app,
        "Es sind 4,5 Stellen.\n\nDavon 1,5 für Koordination.",
    );
    ctrl(&mut app, 's');
    assert!(app.editing().is_none());
    assert_eq!(
        question_1(dir.path()).answer.as_deref(),
        Some("Es sind 4,5 Stellen.\n\nDavon 1,5 für Koordination.")
    );
    let file = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    assert!(
        file.contains(
            "answer = \"\"\"\nEs sind 4,5 Stellen.\n\nDavon 1,5 für Koordination.\"\"\"\n"
        ),
        "{file}"
    );
}

#[test]
fn escape_asks_and_can_discard_or_keep() {
    let dir = example();
    let before = contents(dir.path());
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditAnswer]);
    type_text(&mut app, "Entwurf");
    key(&mut app, KeyCode::Esc);
    assert!(matches!(
        app.editing(),
        Some(Editing::Answer { confirm: true, .. })
    ));
    // Esc again goes back to editing, the text still there.
    key(&mut app, KeyCode::Esc);
    assert!(matches!(
        app.editing(),
        Some(Editing::Answer { confirm: false, .. })
    ));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    assert!(app.editing().is_none());
    assert_eq!(contents(dir.path()), before, "discarded: nothing written");

    press(&mut app, &[EditAnswer]);
    type_text(&mut app, "Behalten");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    assert_eq!(question_1(dir.path()).answer.as_deref(), Some("Behalten"));
}

#[test]
fn a_discarded_answer_is_set_aside_and_undo_opens_it_again() {
    let dir = example();
    let mut app = app(dir.path());
    let before = question_1(dir.path()).answer;
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditAnswer]);
    type_text(&mut app, "Ein langer Entwurf,\nzwei Zeilen");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    assert!(app.editing().is_none());
    assert_eq!(app.note, Some(Note::Discarded));
    let said = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        said.contains("Verworfen. u öffnet den Text wieder."),
        "{said}"
    );
    // A change made since is undone first, as undo goes back in time.
    press(&mut app, &[EditAnswer]);
    type_text(&mut app, "Gespeichert");
    press(&mut app, &[Save]);
    assert_eq!(
        question_1(dir.path()).answer.as_deref(),
        Some("Gespeichert")
    );
    press(&mut app, &[Undo]);
    assert!(app.editing().is_none());
    assert_eq!(question_1(dir.path()).answer, before);
    press(&mut app, &[Undo]);
    let Some(Editing::Answer { area, .. }) = app.editing() else {
        panic!("the discarded answer is open again");
    };
    assert_eq!(area.lines(), ["Ein langer Entwurf,", "zwei Zeilen"]);
    assert_eq!(app.note, Some(Note::TakenBack));
    press(&mut app, &[Save]);
    assert_eq!(
        question_1(dir.path()).answer.as_deref(),
        Some("Ein langer Entwurf,\nzwei Zeilen")
    );
}

#[test]
fn a_discarded_answer_opens_again_on_its_own_question() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditAnswer]);
    type_text(&mut app, "Zu Frage 1");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    // On to question 2, then undo: back on question 1, with its text.
    press(&mut app, &[Back, Down, Open]);
    assert_eq!(app.question().unwrap().1.number, "2");
    press(&mut app, &[Undo]);
    assert_eq!(app.question().unwrap().1.number, "1");
    assert!(app.editing().is_some());
}

#[test]
fn escape_without_changes_just_closes() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditAnswer]);
    key(&mut app, KeyCode::Esc);
    assert!(app.editing().is_none());
}

#[test]
fn assignee_offers_the_departments_already_used() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Open, Down, Down, Down, Down, Open, Down, Open]);
    press(&mut app, &[EditAssignee]);
    type_text(&mut app, "Amt für Soziales");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        agenda::store::load(dir.path()).data.motions[0].questions[1]
            .assignee
            .as_deref(),
        Some("Amt für Soziales")
    );
    // On question 1, "soz" offers it; Tab picks it, Enter takes it.
    press(&mut app, &[Back, Up, Open, EditAssignee]);
    type_text(&mut app, "soz");
    assert_eq!(app.assignee_suggestions("soz"), ["Amt für Soziales"]);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        question_1(dir.path()).assignee.as_deref(),
        Some("Amt für Soziales")
    );
    // Typed in other letters, the name already used is taken.
    press(&mut app, &[Back, Down, Open, EditAssignee]);
    ctrl(&mut app, 'u');
    type_text(&mut app, "amt für soziales");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        agenda::store::load(dir.path()).data.motions[0].questions[1]
            .assignee
            .as_deref(),
        Some("Amt für Soziales")
    );
    press(&mut app, &[Back, Up, Open]);
    // Emptied, nobody is assigned.
    press(&mut app, &[EditAssignee]);
    for _ in 0.."Amt für Soziales".len() {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(question_1(dir.path()).assignee, None);
}

#[test]
fn assignee_offers_the_office_in_charge_first_and_right_arrow_takes_a_suggestion() {
    let dir = example();
    let kim = dir.path().join(KIM);
    let text = std::fs::read_to_string(&kim).unwrap();
    let with_office = text.replacen(
        "\n[[question]]",
        "office = \"Amt für Integration\"\n\n[[question]]",
        1,
    );
    std::fs::write(&kim, with_office).unwrap();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditAssignee]);
    assert_eq!(app.assignee_suggestions(""), ["Amt für Integration"]);
    // Half a name and →: the suggestion, not the half name, is saved.
    type_text(&mut app, "amt");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        question_1(dir.path()).assignee.as_deref(),
        Some("Amt für Integration")
    );
    // → inside the text moves the cursor: typed in the middle.
    press(&mut app, &[EditAssignee]);
    for _ in 0.."Amt für Integration".chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Amt 0");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Right);
    type_text(&mut app, "5");
    key(&mut app, KeyCode::Enter);
    assert_eq!(question_1(dir.path()).assignee.as_deref(), Some("Amt 50"));
}

/// The example, question 1's due date typed as `typed` and Enter
/// pressed; with the folder's files as they were before.
fn due_typed(typed: &str) -> (tempfile::TempDir, App, BTreeMap<PathBuf, String>) {
    let dir = example();
    let before = contents(dir.path());
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditDue]);
    type_text(&mut app, typed);
    key(&mut app, KeyCode::Enter);
    (dir, app, before)
}

#[test]
fn a_due_date_decades_away_is_refused_and_one_after_the_session_is_saved_with_a_warning() {
    let (dir, mut app, before) = due_typed("01.01.1900");
    assert_eq!(
        app.note,
        Some(Note::FarDate {
            typed: "01.01.1900".into()
        })
    );
    assert!(app.editing().is_some(), "stays open to correct");
    assert_eq!(contents(dir.path()), before);
    // Three days after the session of 07.09.2022: saved, and said.
    for _ in 0.."01.01.1900".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "10.09.2022");
    key(&mut app, KeyCode::Enter);
    let day = |d| chrono::NaiveDate::from_ymd_opt(2022, 9, d).unwrap();
    assert_eq!(question_1(dir.path()).due, Some(day(10)));
    assert_eq!(
        app.note,
        Some(Note::DueAfterSession {
            due: day(10),
            session: day(7)
        })
    );
    // The worklist marks it too.
    press(&mut app, &[Worklist]);
    let shown = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        shown.contains("⚠ 10.09.2022, noch 9 Tage, nach der Sitzung"),
        "{shown}"
    );
    press(&mut app, &[Back]);
    // One that has passed (today is 01.09.2022): saved, overdue, said.
    press(&mut app, &[EditDue]);
    type_text(&mut app, "01.01.2020");
    key(&mut app, KeyCode::Enter);
    let past = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    assert_eq!(question_1(dir.path()).due, Some(past));
    assert_eq!(app.note, Some(Note::DueInPast { due: past }));
}

#[test]
fn a_wrong_due_date_is_refused_and_changes_nothing() {
    let (dir, mut app, before) = due_typed("31.02.2022");
    assert_eq!(
        app.note,
        Some(Note::BadDate {
            typed: "31.02.2022".into()
        })
    );
    // Written as a date, but a day the calendar lacks: said so, in the
    // box and in the message line.
    let said = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert_eq!(
        said.matches("Den 31.02.2022 gibt es nicht – Tag und Monat prüfen.")
            .count(),
        2,
        "{said}"
    );
    assert!(
        matches!(app.editing(), Some(Editing::Line { refused: true, .. })),
        "stays open to correct"
    );
    assert_eq!(contents(dir.path()), before);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "5.9.22");
    key(&mut app, KeyCode::Enter);
    assert!(app.editing().is_none());
    let file = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    assert!(file.contains("due = 2022-09-05\n"), "{file}");
}

#[test]
fn undo_and_redo_walk_every_kind_of_change() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[MarkAnswered, EditAnswer]);
    type_text(&mut app, "Antwort");
    ctrl(&mut app, 's');
    press(&mut app, &[EditDue]);
    type_text(&mut app, "01.09.2022");
    key(&mut app, KeyCode::Enter);
    let done = question_1(dir.path());
    assert_eq!(
        (done.status, done.answer.as_deref()),
        (Status::Answered, Some("Antwort"))
    );
    assert!(done.due.is_some());

    // Undo from anywhere: it shows the question it changes.
    press(&mut app, &[Back, Back, Back, Undo]);
    assert!(app.question().is_some());
    assert!(question_1(dir.path()).due.is_none());
    press(&mut app, &[Undo, Undo]);
    let undone = question_1(dir.path());
    assert_eq!((undone.status, undone.answer), (Status::Open, None));
    press(&mut app, &[Undo]);
    assert_eq!(app.note, Some(Note::NothingToUndo));

    press(&mut app, &[Redo, Redo]);
    let redone = question_1(dir.path());
    assert_eq!(
        (redone.status, redone.answer.as_deref()),
        (Status::Answered, Some("Antwort"))
    );
    // A new change drops what could still be redone.
    press(&mut app, &[CycleStatus, Redo]);
    assert_eq!(app.note, Some(Note::NothingToRedo));
    assert_eq!(question_1(dir.path()).status, Status::Open);
}

#[test]
fn the_users_editor_result_is_saved_or_explained() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    let asked = step(&mut app, EditExternal);
    assert!(
        matches!(&asked[..], [Effect::EditExternal { text, draft: Some(_) }] if text.is_empty()),
        "{asked:?}"
    );
    let after = step(
        &mut app,
        Msg::ExternalDone(ExternalResult::Edited("Aus dem Editor.\n\n".into())),
    );
    assert!(
        !after
            .iter()
            .any(|e| matches!(e, Effect::EditExternal { .. }))
    );
    assert_eq!(
        question_1(dir.path()).answer.as_deref(),
        Some("Aus dem Editor.")
    );

    let before = contents(dir.path());
    press(&mut app, &[EditExternal]);
    step(
        &mut app,
        Msg::ExternalDone(ExternalResult::Missing("nano".into())),
    );
    assert_eq!(
        app.note,
        Some(Note::EditorMissing {
            command: "nano".into()
        })
    );
    press(&mut app, &[EditExternal]);
    step(
        &mut app,
        Msg::ExternalDone(ExternalResult::Failed("vi".into(), Some(1), None)),
    );
    assert_eq!(
        contents(dir.path()),
        before,
        "a failed editor changes nothing"
    );
}

#[test]
fn x_writes_the_report_and_never_overwrites() {
    let dir = example();
    let mut app = app(dir.path());
    // On the sessions list: the selected session's report.
    press(&mut app, &[Export, Open]);
    assert!(
        matches!(app.note, Some(Note::Exported { .. })),
        "{:?}",
        app.note
    );
    press(&mut app, &[Open, Export, Open]);
    let reports = dir.path().join(".reports");
    let first = reports.join("Bericht-soz-2022-09-07-Arbeitsfassung.html");
    let second = reports.join("Bericht-soz-2022-09-07-Arbeitsfassung-2.html");
    assert_eq!(
        app.note,
        Some(Note::Exported {
            path: second.clone(),
            letter: false,
            unreadable: 0,
            unmarked: 0,
        })
    );
    let html = std::fs::read_to_string(&first).unwrap();
    assert!(html.contains("<h1>Bericht der Verwaltung</h1>"));
    assert!(second.is_file());
}

#[test]
fn an_answer_refused_for_an_error_elsewhere_in_its_file_is_kept_and_saved_after_the_fix() {
    let dir = example();
    let good = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    // Question 2's status is wrong: the file has an error, not question 1.
    let at = good.match_indices("status = \"open\"").nth(1).unwrap().0;
    let broken = format!("{}status = \"offen\"{}", &good[..at], &good[at + 15..]);
    std::fs::write(dir.path().join(KIM), &broken).unwrap();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[EditAnswer]);
    type_text(&mut app, "Vier Stellen.");
    ctrl(&mut app, 's');
    assert!(matches!(app.note, Some(Note::FileHasErrors { .. })));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(KIM)).unwrap(),
        broken
    );
    assert_eq!(app.journal.pending.len(), 1, "kept, listed under !");
    assert!(!app.unsaved().is_empty(), "and in the recovery journal");
    // The file corrected, a reload saves it.
    std::fs::write(dir.path().join(KIM), &good).unwrap();
    press(&mut app, &[Reload]);
    assert!(app.journal.pending.is_empty(), "{:?}", app.journal.pending);
    assert_eq!(
        question_1(dir.path()).answer.as_deref(),
        Some("Vier Stellen.")
    );
}

#[test]
fn a_question_stays_editable_while_its_sessions_file_does_not_read() {
    let dir = example();
    let session = dir.path().join("sitzungen/soz-2022-09-07.toml");
    let text = std::fs::read_to_string(&session).unwrap();
    std::fs::write(
        &session,
        text.replace("date = 2022-09-07", "date = 07.09.2022"),
    )
    .unwrap();
    let mut app = app(dir.path());
    // The motion names a session that cannot be read: a problem between
    // the files, whose cause is the session's file; the motion's own file
    // is sound and may be written.
    common::find(&mut app, "Wie viele Stellen");
    step(&mut app, Accept);
    assert!(app.question().is_some(), "the finder leads to the question");
    press(&mut app, &[CycleStatus]);
    assert!(
        !matches!(app.note, Some(Note::FileHasErrors { .. })),
        "{:?}",
        app.note
    );
    assert_eq!(question_1(dir.path()).status, Status::InProgress);
}
