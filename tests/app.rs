//! `App::update` on actions, without a terminal: navigation, status changes
//! and what happens when the disk does not cooperate.

use crate::common;

use agenda::app::rows::SessionKey;
use agenda::app::{Change, Conflict, Layout, Msg, Note, Pane, Screen};
use agenda::edit::QuestionChange;
use agenda::input::Action::{self, *};
use agenda::model::Status;
use agenda::store::Field;
use common::{KIM, app, contents, example, step};

fn press(app: &mut agenda::app::App, keys: &[Action]) {
    for key in keys {
        step(app, *key);
    }
}

/// Sessions → the session → the KIM motion row → its question 1.
const TO_QUESTION_1: &[Action] = &[Open, Down, Down, Down, Down, Open, Open];

fn kim_file(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join(KIM)).unwrap()
}

#[test]
fn navigates_to_a_question_and_back() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Open]);
    assert_eq!(
        app.place().screen,
        Screen::Session(SessionKey::Id("soz-2022-09-07".into()))
    );
    press(&mut app, &[Down, Down, Down, Down, Open]);
    assert_eq!(
        app.place().screen,
        Screen::Motion("kim-bericht-2022".into())
    );
    assert_eq!(app.place().pane, Pane::Questions);
    press(&mut app, &[Down, Open]);
    assert_eq!(
        app.place().screen,
        Screen::Question("kim-bericht-2022".into(), 1)
    );
    press(&mut app, &[Back, Back, Back, Back, Back]);
    assert_eq!(app.stack.len(), 1);
    assert_eq!(app.place().screen, Screen::Sessions);
}

#[test]
fn agenda_item_without_motion_says_so() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Open, Open]);
    assert_eq!(app.note, Some(Note::NoMotionHere));
    assert!(matches!(app.place().screen, Screen::Session(_)));
    // The agenda item carrying the motion opens it.
    press(&mut app, &[Down, Down, Down, Open]);
    assert_eq!(
        app.place().screen,
        Screen::Motion("kim-bericht-2022".into())
    );
}

#[test]
fn cursor_stops_at_the_ends_and_jumps_to_top_and_bottom() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Open, Up]);
    assert_eq!(app.place().selected, 0);
    press(&mut app, &[Bottom]);
    assert_eq!(app.place().selected, 5);
    press(&mut app, &[Down, Down]);
    assert_eq!(app.place().selected, 5);
    press(&mut app, &[Top]);
    assert_eq!(app.place().selected, 0);
    step(
        &mut app,
        Msg::Layout(Layout {
            page: 3,
            max_scroll: 0,
            list: None,
            form: None,
            items: None,
            help: 0,
            menu: None,
        }),
    );
    press(&mut app, &[PageDown]);
    assert_eq!(app.place().selected, 3);
}

#[test]
fn marking_answered_saves_at_once() {
    let dir = example();
    let before = kim_file(dir.path());
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[MarkAnswered]);
    assert_eq!(
        app.note,
        Some(Note::Saved(Change::Question(QuestionChange {
            motion: "kim-bericht-2022".into(),
            index: 0,
            number: "1".into(),
            text: q1_text(),
            before: Field::Status(Status::Open),
            after: Field::Status(Status::Answered),
        })))
    );
    let expected = before.replacen(
        "status = \"open\"\n",
        "status = \"answered\"\nupdated = 2022-09-01T10:00:00\nupdated_by = \"tester\"\n",
        1,
    );
    assert_eq!(kim_file(dir.path()), expected);
    assert!(app.journal.pending.is_empty());
    // Marking an answered question answered again writes nothing.
    press(&mut app, &[MarkAnswered]);
    assert_eq!(kim_file(dir.path()), expected);
}

#[test]
fn space_cycles_open_in_progress_answered_open() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Open, Down, Down, Down, Down, Open, Down, Down]);
    let mut seen = Vec::new();
    for _ in 0..3 {
        press(&mut app, &[CycleStatus]);
        let loaded = agenda::store::load(dir.path());
        seen.push(loaded.data.motions[0].questions[2].status);
    }
    assert_eq!(seen, [Status::InProgress, Status::Answered, Status::Open]);
}

#[test]
fn status_keys_do_nothing_away_from_questions() {
    let dir = example();
    let before = contents(dir.path());
    let mut app = app(dir.path());
    press(
        &mut app,
        &[
            CycleStatus,
            Open,
            CycleStatus,
            Down,
            Down,
            Down,
            Down,
            Open,
            NextPane,
        ],
    );
    assert_eq!(app.place().pane, Pane::Details);
    press(&mut app, &[MarkAnswered, CycleStatus]);
    assert_eq!(contents(dir.path()), before);
}

#[test]
fn a_file_changed_elsewhere_is_not_overwritten_and_reload_reapplies() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    // A colleague adds an assignee to question 2 meanwhile.
    let theirs = kim_file(dir.path()).replacen(
        "number = \"2\"\n",
        "number = \"2\"\nassignee = \"Amt für Soziales\"\n",
        1,
    );
    std::fs::write(dir.path().join(KIM), &theirs).unwrap();

    press(&mut app, &[MarkAnswered]);
    assert_eq!(app.note, Some(Note::ChangedOnDisk { path: KIM.into() }));
    assert_eq!(
        kim_file(dir.path()),
        theirs,
        "their file must stay as they wrote it"
    );
    assert_eq!(app.journal.pending.len(), 1);
    let (_, question) = app.question().unwrap();
    assert_eq!(
        question.status,
        Status::Answered,
        "our change stays visible"
    );

    press(&mut app, &[Reload]);
    assert_eq!(
        app.note,
        Some(Note::Reloaded {
            reapplied: 1,
            conflicts: vec![],
            problems: 0
        })
    );
    assert!(app.journal.pending.is_empty());
    let merged = kim_file(dir.path());
    assert!(
        merged.contains("assignee = \"Amt für Soziales\""),
        "their change kept"
    );
    let loaded = agenda::store::load(dir.path());
    assert_eq!(
        loaded.data.motions[0].questions[0].status,
        Status::Answered,
        "ours saved"
    );
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_not_an_overwrite() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    let theirs = kim_file(dir.path()).replacen("status = \"open\"", "status = \"in_progress\"", 1);
    std::fs::write(dir.path().join(KIM), &theirs).unwrap();
    press(&mut app, &[MarkAnswered, Reload]);
    assert_eq!(
        app.note,
        Some(Note::Reloaded {
            reapplied: 0,
            conflicts: vec![Conflict {
                theirs: Some(Field::Status(Status::InProgress)),
                ours: Change::Question(QuestionChange {
                    motion: "kim-bericht-2022".into(),
                    index: 0,
                    number: "1".into(),
                    text: q1_text(),
                    before: Field::Status(Status::Open),
                    after: Field::Status(Status::Answered),
                }),
            }],
            problems: 0
        })
    );
    assert_eq!(kim_file(dir.path()), theirs);
    assert_eq!(app.question().unwrap().1.status, Status::InProgress);
}

#[test]
fn a_read_only_file_keeps_the_change_in_memory() {
    let dir = example();
    let path = dir.path().join(KIM);
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    let before = contents(dir.path());
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[MarkAnswered]);
    assert_eq!(app.note, Some(Note::ReadOnly { path: KIM.into() }));
    assert_eq!(contents(dir.path()), before);
    assert_eq!(app.journal.pending.len(), 1);

    // Made writable again, a reload saves the kept change.
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
    press(&mut app, &[Reload]);
    assert!(app.journal.pending.is_empty());
    assert!(kim_file(dir.path()).contains("status = \"answered\""));
}

#[test]
fn a_file_with_errors_is_not_edited() {
    let dir = example();
    let broken = kim_file(dir.path()).replacen("status = \"open\"", "status = \"offen\"", 1);
    std::fs::write(dir.path().join(KIM), &broken).unwrap();
    let mut app = app(dir.path());
    press(
        &mut app,
        &[Open, Down, Down, Down, Down, Open, Down, MarkAnswered],
    );
    assert_eq!(app.note, Some(Note::FileHasErrors { path: KIM.into() }));
    assert_eq!(kim_file(dir.path()), broken);
}

#[test]
fn a_motion_the_agenda_lists_but_that_cannot_be_read_is_shown_and_leads_to_the_problems() {
    let dir = common::data_dir(&[
        (
            "s.toml",
            common::session(
                "s1",
                "2022-09-07",
                "[[agenda]]\nnumber = \"1\"\ntitle = \"Bericht\"\nmotions = [\"m1\", \"m2\"]\n",
            )
            .as_bytes(),
        ),
        (
            "m1.toml",
            common::motion("m1", Some("s1"), &["open"]).as_bytes(),
        ),
        // No closing quote: nothing of this file can be read.
        ("m2.toml", b"[motion]\nid = \"m2\ntitle = \"Kaputt\"\n"),
    ]);
    let mut app = app(dir.path());
    press(&mut app, &[Open]);
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("Titel m1"), "{screen}");
    assert!(screen.contains("⚠ m2: nicht lesbar"), "{screen}");
    press(&mut app, &[Down, Down, Open]);
    assert_eq!(app.place().screen, Screen::Problems);
}

#[test]
fn a_motion_read_from_a_file_with_errors_is_marked_where_it_is_shown() {
    let dir = example();
    let path = dir.path().join(KIM);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("status = \"open\"", "status = \"bogus\"", 1),
    )
    .unwrap();
    let mut app = app(dir.path());
    press(&mut app, &[Open]);
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("↳ ⚠ Antrag: Berichterstattung"), "{screen}");
    press(&mut app, &[Down, Down, Down, Down, Open]);
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        screen.contains("⚠ Datei fehlerhaft – ! zeigt die Probleme"),
        "{screen}"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_once_more() {
    let dir = example();
    let path = dir.path().join(KIM);
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    press(&mut app, &[MarkAnswered, Quit]);
    assert!(!app.quit);
    assert_eq!(
        app.note,
        Some(Note::UnsavedOnQuit {
            count: 1,
            conflicts: 0
        })
    );
    press(&mut app, &[Quit]);
    assert!(app.quit);
}

#[test]
fn quitting_while_a_pull_or_a_sync_runs_asks_once_more() {
    let dir = example();
    for pull in [true, false] {
        let mut app = app(dir.path());
        match pull {
            true => app.pulling = Some(3),
            false => app.syncing = true,
        }
        press(&mut app, &[Quit]);
        assert!(!app.quit, "pull: {pull}");
        assert_eq!(app.note, Some(Note::BusyOnQuit { pull }));
        let texts = agenda::i18n::Lang::De.texts();
        let keys = agenda::i18n::Keys::new(&app.keymap, texts);
        let said = texts.note(app.note.as_ref().unwrap(), &keys);
        assert!(said.contains("läuft noch"), "{said}");
        press(&mut app, &[Quit]);
        assert!(app.quit);
    }
}

#[test]
fn help_closes_on_any_key_quit_included() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Help]);
    assert!(app.help_open());
    press(&mut app, &[Down]);
    assert!(!app.help_open());
    assert_eq!(app.place().selected, 0, "the closing key does nothing else");
    press(&mut app, &[Help, Quit]);
    assert!(
        !app.quit && !app.help_open(),
        "q closes the help, as any key"
    );
    press(&mut app, &[Quit]);
    assert!(app.quit);
}

#[test]
fn text_scrolls_within_what_the_view_reports() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    step(
        &mut app,
        Msg::Layout(Layout {
            page: 5,
            max_scroll: 3,
            list: None,
            form: None,
            items: None,
            help: 0,
            menu: None,
        }),
    );
    press(&mut app, &[Down, Down, Down, Down, Down]);
    assert_eq!(app.place().scroll, 3);
    press(&mut app, &[Up]);
    assert_eq!(app.place().scroll, 2);
    // A smaller window afterwards pulls the scroll back.
    step(
        &mut app,
        Msg::Layout(Layout {
            page: 8,
            max_scroll: 1,
            list: None,
            form: None,
            items: None,
            help: 0,
            menu: None,
        }),
    );
    assert_eq!(app.place().scroll, 1);
}

#[test]
fn problems_screen_lists_every_diagnostic() {
    let dir = example();
    std::fs::write(dir.path().join("kaputt.toml"), "[motion\n").unwrap();
    let mut app = app(dir.path());
    assert_eq!(
        app.note,
        Some(Note::LoadedWithProblems {
            errors: 1,
            warnings: 0
        })
    );
    press(&mut app, &[Problems]);
    assert_eq!(app.place().screen, Screen::Problems);
    press(&mut app, &[Back]);
    assert_eq!(app.place().screen, Screen::Sessions);
    // The rest still works.
    press(&mut app, TO_QUESTION_1);
    assert!(app.question().is_some());
}

#[test]
fn the_help_pages_where_it_does_not_fit() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Help]);
    // The frame tells how far the help scrolls; paging stops there.
    common::screen(&mut app, agenda::i18n::Lang::De);
    let most = app.layout.help;
    assert!(most > 0, "at 80x24 the help does not fit");
    press(&mut app, &[PageDown, PageDown]);
    assert!(app.help_open(), "paging keeps the help open");
    assert_eq!(
        app.overlay.as_ref().map(|o| format!("{o:?}")),
        Some(format!("Help({})", most.min(10)))
    );
    press(&mut app, &[PageUp, Open]);
    assert!(!app.help_open());
}

/// The text of the example's question 1, as a change made here records it.
fn q1_text() -> Option<String> {
    let dir = example();
    let data = agenda::store::load(dir.path()).data;
    Some(
        data.motion("kim-bericht-2022").unwrap().questions[0]
            .text
            .clone(),
    )
}

#[test]
fn a_due_date_after_the_session_is_said_to_come_too_late() {
    let dir = example();
    let path = dir.path().join(KIM);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "status = \"open\"",
            "status = \"open\"\ndue = 2022-09-15",
            1,
        ),
    )
    .unwrap();
    let mut app = app(dir.path());
    press(&mut app, TO_QUESTION_1);
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        screen.contains("nach der Sitzung am 07.09.2022"),
        "{screen}"
    );
}
