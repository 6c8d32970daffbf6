//! Keys the user moved are the keys the app names: in the footer, in the
//! help and in every message; typing keys (finder, editors) are in the
//! keymap too.

use crate::common;

use agenda::app::{Msg, Note};
use agenda::i18n::Lang;
use agenda::input::Action::*;
use common::{KIM, app_with_config, example, screen, step, typed};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Sessions → the session → the KIM motion → question 1.
const TO_QUESTION_1: &[agenda::input::Action] = &[Open, Down, Down, Down, Down, Open, Open];

const MOVED: &str = "[keys]\nreload = [\"f5\"]\nhelp = [\"f2\"]\n";

#[test]
fn a_moved_reload_key_is_named_after_a_refused_save_in_the_footer_and_in_the_help() {
    let dir = example();
    let mut app = app_with_config(dir.path(), Some(MOVED));
    for key in TO_QUESTION_1 {
        step(&mut app, *key);
    }
    // Someone else saves the file meanwhile: ours is refused and kept.
    let path = dir.path().join(KIM);
    let theirs = std::fs::read_to_string(&path).unwrap() + "\n# geändert\n";
    std::fs::write(&path, &theirs).unwrap();
    step(&mut app, MarkAnswered);
    assert_eq!(app.note, Some(Note::ChangedOnDisk { path: KIM.into() }));

    for lang in [Lang::De, Lang::En] {
        let lines = screen(&mut app, lang);
        let text = lines.join("\n");
        let footer = lines.last().unwrap();
        assert!(
            text.contains("F5"),
            "{lang:?}: the message names F5:\n{text}"
        );
        assert!(
            footer.contains("F5"),
            "{lang:?}: the footer names F5: {footer}"
        );
        assert!(
            footer.contains("F2"),
            "{lang:?}: the footer names F2: {footer}"
        );
        assert!(
            !text.contains(" r "),
            "{lang:?}: the old key is never named:\n{text}"
        );
    }

    // F2 opens the help, which lists F5 for reloading; r does nothing now.
    step(&mut app, typed(KeyCode::Char('r')));
    assert!(!app.help_open());
    step(&mut app, typed(KeyCode::F(2)));
    assert!(app.help_open());
    let help = screen(&mut app, Lang::De).join("\n");
    assert!(
        help.lines()
            .any(|l| l.contains("F5") && l.contains("neu laden")),
        "{help}"
    );

    // F5 reloads and saves the kept change.
    step(&mut app, typed(KeyCode::Esc));
    step(&mut app, typed(KeyCode::F(5)));
    assert!(app.journal.pending.is_empty());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("status = \"answered\"")
    );
}

#[test]
fn typing_keys_can_be_moved_and_the_editor_footer_follows() {
    let dir = example();
    let config = "[text_keys]\nsave = [\"ctrl-o\"]\n";
    let mut app = app_with_config(dir.path(), Some(config));
    for key in TO_QUESTION_1 {
        step(&mut app, *key);
    }
    step(&mut app, EditAnswer);
    let footer = screen(&mut app, Lang::En).last().unwrap().clone();
    assert!(footer.contains("Ctrl-o save"), "{footer}");
    assert!(!footer.contains("Ctrl-S"), "{footer}");
    // Ctrl-S is no longer saving; Ctrl-O is.
    for c in "Neu".chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    let ctrl = |c| Msg::Press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    step(&mut app, ctrl('s'));
    assert!(app.editing().is_some());
    step(&mut app, ctrl('o'));
    assert!(app.editing().is_none());
    let saved = agenda::store::load(dir.path());
    let answer = saved.data.motion("kim-bericht-2022").unwrap().questions[0]
        .answer
        .clone();
    assert_eq!(answer.as_deref(), Some("Neu"));
}

#[test]
fn a_letter_bound_while_browsing_is_typed_in_the_finder() {
    let dir = example();
    let mut app = app_with_config(dir.path(), None);
    step(&mut app, Search);
    // q quits and j moves while browsing; in the finder they are letters.
    for c in "qj".chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    assert!(!app.quit);
    assert_eq!(app.finder().unwrap().query, "qj");
    step(&mut app, typed(KeyCode::Esc));
    assert!(app.finder().is_none());
}

#[test]
fn ctrl_z_goes_to_the_shell_from_an_answer_being_typed_and_keeps_it() {
    let dir = example();
    let mut app = common::app(dir.path());
    for action in [Open, Down, Down, Down, Open, Open, EditAnswer] {
        step(&mut app, action);
    }
    step(&mut app, typed(KeyCode::Char('x')));
    let ctrl_z = Msg::Press(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    let effects = app.update(ctrl_z);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, agenda::app::Effect::Suspend)),
        "{effects:?}"
    );
    let Some(agenda::app::editor::Editing::Answer { area, .. }) = app.editing() else {
        panic!("the editor stays open");
    };
    assert_eq!(area.lines().join("\n"), "x");
}

#[test]
fn pasted_text_is_typed_whole_where_text_is_typed_and_never_taken_for_keys() {
    let dir = example();
    let mut app = common::app(dir.path());
    // On a list, a pasted "q" quits nothing and "j" moves nothing.
    step(&mut app, Msg::Paste("qjjj\n".into()));
    assert!(!app.quit);
    assert_eq!(app.place().selected, 0);
    for action in [Open, Down, Down, Down, Open, Open, EditAnswer] {
        step(&mut app, action);
    }
    step(
        &mut app,
        Msg::Paste("Erste Zeile\r\nzweite q Zeile\u{1b}[31m".into()),
    );
    let Some(agenda::app::editor::Editing::Answer { area, .. }) = app.editing() else {
        panic!("the editor stays open");
    };
    // The escape sequence leaves nothing behind.
    assert_eq!(area.lines().join("\n"), "Erste Zeile\nzweite q Zeile");
    // Asked whether to keep it, a paste answers nothing.
    step(&mut app, typed(KeyCode::Esc));
    step(&mut app, Msg::Paste("nein".into()));
    assert!(app.editing().is_some(), "still asked");
    // A one-line field takes the lines as one, and Enter does not go off.
    step(&mut app, typed(KeyCode::Char('n')));
    step(&mut app, EditAssignee);
    step(&mut app, Msg::Paste("Amt 50\nSoziales".into()));
    let Some(agenda::app::editor::Editing::Line { area, .. }) = app.editing() else {
        panic!("the field stays open: {:?}", app.note);
    };
    assert_eq!(area.lines().join("\n"), "Amt 50 Soziales");
}

#[test]
fn the_due_date_line_offers_no_suggestion_it_does_not_have() {
    let dir = example();
    let mut app = common::app(dir.path());
    for action in TO_QUESTION_1 {
        step(&mut app, *action);
    }
    step(&mut app, EditDue);
    let shown = screen(&mut app, Lang::De);
    let footer = shown.last().unwrap().clone();
    assert!(!footer.contains("Vorschlag"), "{footer}");
    // Empty, it names the date the rule gives (seven days before 07.09.).
    let all = shown.join("\n");
    assert!(
        all.contains("leer = Frist nach Regel (31.08.2022)"),
        "{all}"
    );
    step(&mut app, typed(KeyCode::Esc));
    step(&mut app, EditAssignee);
    let footer = screen(&mut app, Lang::De).last().unwrap().clone();
    assert!(footer.contains("Vorschlag"), "{footer}");
}

#[test]
fn ctrl_u_deletes_back_to_the_start_of_the_line_as_in_a_shell() {
    let dir = example();
    let mut app = common::app(dir.path());
    for action in TO_QUESTION_1 {
        step(&mut app, *action);
    }
    step(&mut app, EditAssignee);
    for c in "Amt 50".chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    // The cursor before "50": what stands before it goes.
    step(&mut app, typed(KeyCode::Left));
    step(&mut app, typed(KeyCode::Left));
    step(
        &mut app,
        Msg::Press(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    let Some(agenda::app::editor::Editing::Line { area, .. }) = app.editing() else {
        panic!("the field stays open");
    };
    assert_eq!(area.lines().join(""), "50");
}

#[test]
fn ctrl_u_empties_the_search_as_it_empties_any_line() {
    let dir = example();
    let mut app = common::app(dir.path());
    common::find(&mut app, "integrationsmanagment");
    step(
        &mut app,
        Msg::Press(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    for c in "fluchtlinge".chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("/ fluchtlinge"), "{screen}");
    assert!(!screen.contains("integrationsmanagment"), "{screen}");
}

#[test]
fn typing_replaces_the_value_a_line_opens_with_and_an_arrow_keeps_it() {
    let dir = example();
    let mut app = common::app(dir.path());
    for action in TO_QUESTION_1 {
        step(&mut app, *action);
    }
    let set = |app: &mut agenda::app::App, keys: &[KeyCode]| {
        step(app, EditDue);
        for key in keys {
            step(app, typed(*key));
        }
        step(app, typed(KeyCode::Enter));
        let motion = &app.data().motions[0];
        motion.questions[0].due.map(agenda::dates::date)
    };
    let typing = |text: &str| text.chars().map(KeyCode::Char).collect::<Vec<_>>();
    assert_eq!(
        set(&mut app, &typing("05.09.2022")).as_deref(),
        Some("05.09.2022")
    );
    assert_eq!(
        set(&mut app, &typing("06.09.2022")).as_deref(),
        Some("06.09.2022")
    );
    // A key that moves first: the date stays, the cursor in it.
    let keys = [KeyCode::Home, KeyCode::Delete, KeyCode::Delete];
    let keys = [&keys[..], &typing("07")].concat();
    assert_eq!(
        set(&mut app, &keys).as_deref(),
        Some("07.09.2022"),
        "{:?}",
        app.note
    );
}
