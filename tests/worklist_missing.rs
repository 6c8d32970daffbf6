//! A motion file that does not read: the worklist and `agenda due` say
//! that its questions are missing, instead of "nothing to answer", and the
//! sessions list marks the session whose agenda lists it.

use crate::common;

use agenda::app::Screen;
use agenda::input::Action;
use common::step;

use crate::deadlines::{due, folder};

#[test]
fn with_a_file_that_does_not_read_nothing_to_answer_is_not_said() {
    let dir = folder();
    let file = dir.path().join("m.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("title = \"Spielplätze\"", "title = \"Spielplätze", 1),
    )
    .unwrap();
    let mut app = common::app(dir.path());
    step(&mut app, Action::Worklist);
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(!screen.contains("Keine Frage wartet"), "{screen}");
    // The motion's; the session's, which names it, still reads.
    assert!(screen.contains("1 Datei hat Fehler"), "{screen}");
    let out = due(dir.path(), &["--lang", "de"]);
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("Keine lesbare Frage wartet auf eine Antwort. Aber 1 Datei hat Fehler"),
        "{said}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_worklist_with_questions_says_above_them_which_are_missing() {
    let dir = common::example();
    std::fs::write(
        dir.path().join("antraege/kaputt.toml"),
        "[motion]\nid = \"kaputt\"\ntitle = \"offen\n",
    )
    .unwrap();
    let mut app = common::app(dir.path());
    step(&mut app, Action::Worklist);
    let screen = common::screen(&mut app, agenda::i18n::Lang::De);
    assert!(
        screen[1].contains("⚠ 1 Datei hat Fehler: ihre Fragen fehlen hier (!)"),
        "{screen:#?}"
    );
    // The list below it still works: its first question opens.
    step(&mut app, Action::Open);
    assert!(matches!(app.place().screen, Screen::Question(..)));
}

#[test]
fn a_session_whose_agenda_lists_a_motion_that_does_not_read_is_marked_in_the_list() {
    let dir = common::example();
    let mut app = common::app(dir.path());
    let row = |app: &mut agenda::app::App| common::row_with(app, "07.09.2022");
    assert!(!row(&mut app).contains('⚠'), "{}", row(&mut app));
    std::fs::write(dir.path().join(common::KIM), "[motion\n").unwrap();
    step(&mut app, Action::Reload);
    // Its counts leave the motion out: the row says something is missing.
    assert!(
        row(&mut app).contains("⚠ Ausschuss für Soziales"),
        "{}",
        row(&mut app)
    );
}
