//! Whole frames of every screen, at 80x24 and 60x15, in German and English,
//! on a fixed date. A selection shows as "▸", so it is visible here too.

use crate::common;

use agenda::app::{App, Layout, Msg};
use agenda::i18n::Lang;
use agenda::input::Action::{self, *};
use common::{app, data_dir, example, step};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (60, 15)];
const LANGS: [(Lang, &str); 2] = [(Lang::De, "de"), (Lang::En, "en")];

/// Draws the app as the runtime does: a frame, then the layout it reports.
fn frame(app: &mut App, lang: Lang, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut layout = Layout::default();
    terminal
        .draw(|f| layout = agenda::ui::draw(f, app, lang.texts()))
        .unwrap();
    step(app, Msg::Layout(layout));
    terminal.backend().clone()
}

/// Snapshots the screen reached by `keys` on a fresh app over `dir`.
fn snapshot(name: &str, dir: &std::path::Path, keys: &[Action]) {
    for (width, height) in SIZES {
        for (lang, code) in LANGS {
            let mut app = app(dir);
            for key in keys {
                // Each key after a frame, as in the real loop.
                frame(&mut app, lang, width, height);
                step(&mut app, *key);
            }
            let backend = frame(&mut app, lang, width, height);
            insta::assert_snapshot!(format!("{name}_{code}_{width}x{height}"), backend);
        }
    }
}

/// The example plus what it lacks: a non-public item, a motion not yet on
/// the agenda with an answered question, and a broken file.
fn rich() -> tempfile::TempDir {
    let (_, session) = agenda::example::FILES[0];
    let session = format!(
        "{session}\n[[agenda]]\nnumber = \"6\"\ntitle = \"Personalangelegenheiten (Beispiel)\"\npublic = false\n"
    );
    let extra = r#"[motion]
id = "anfrage-kita"
kind = "Anfrage"
title = "Betreuungsplätze in Kindertagesstätten (Beispiel)"
submitters = ["SPD"]
session = "soz-2022-09-07"

[[question]]
number = "1"
text = "Wie viele Plätze fehlen?"
status = "answered"
assignee = "Jugendamt"
due = 2022-08-31
answer = """
Es fehlen 40 Plätze.

Stand: August."""
updated = 2022-08-30T09:12:00
updated_by = "mmustermann"

[[question]]
number = "2"
text = "Bis wann werden sie geschaffen?"
status = "in_progress"
"#;
    let dir = data_dir(&[
        ("sitzungen/soz-2022-09-07.toml", session.as_bytes()),
        ("antraege/anfrage-kita.toml", extra.as_bytes()),
        (
            "antraege/kaputt.toml",
            b"[motion]\nid = \"x\"\nkind = \"Antrag\"\nstaus = \"open\"\n",
        ),
    ]);
    // Adds the example's other files; the session written above stays.
    agenda::example::write_to(dir.path()).unwrap();
    dir
}

#[test]
fn sessions() {
    snapshot("sessions", example().path(), &[]);
}

#[test]
fn session_agenda() {
    snapshot("session", example().path(), &[Open]);
}

#[test]
fn motion_questions() {
    snapshot(
        "motion",
        example().path(),
        &[Open, Down, Down, Down, Down, Open],
    );
}

#[test]
fn motion_details_scrolled() {
    let keys = [Open, Down, Down, Down, Down, Open, NextPane, Down, Down];
    snapshot("motion_details", example().path(), &keys);
}

#[test]
fn question() {
    snapshot(
        "question",
        example().path(),
        &[Open, Down, Down, Down, Down, Open, Open],
    );
}

#[test]
fn help_overlay() {
    snapshot("help", example().path(), &[Help]);
}

#[test]
fn sessions_with_problems_panel() {
    snapshot("sessions_problems", rich().path(), &[]);
}

#[test]
fn problems_screen() {
    snapshot("problems", rich().path(), &[Problems]);
}

#[test]
fn session_with_closed_item_and_motion_not_on_agenda() {
    snapshot("session_rich", rich().path(), &[Open, Bottom]);
}

#[test]
fn answered_question_with_answer() {
    snapshot(
        "question_answered",
        rich().path(),
        &[Open, Bottom, Open, Open],
    );
}

/// Every screen at every small size, down to a single cell: nothing panics,
/// and the frame still shows where you are once there is room for a line.
#[test]
fn tiny_terminals_never_panic() {
    let dir = rich();
    let routes: [&[Action]; 8] = [
        &[],
        &[Open],
        &[Open, Bottom],
        &[Open, Down, Down, Down, Down, Open],
        &[Open, Down, Down, Down, Down, Open, NextPane, Down],
        &[Open, Bottom, Open, Open],
        &[Problems],
        &[Help],
    ];
    for keys in routes {
        for width in [1, 2, 3, 4, 6, 9, 14, 20, 30, 40, 49, 50, 55, 59, 61] {
            for height in [1, 2, 3, 4, 5, 6, 7, 9, 11, 14, 16] {
                for (lang, _) in LANGS {
                    let mut app = app(dir.path());
                    for key in keys {
                        frame(&mut app, lang, width, height);
                        step(&mut app, *key);
                    }
                    frame(&mut app, lang, width, height);
                }
            }
        }
    }
}

#[test]
fn finder_with_highlighted_hits() {
    let dir = example();
    for (width, height) in SIZES {
        for (lang, code) in LANGS {
            let mut app = app(dir.path());
            common::find(&mut app, "traeger");
            step(&mut app, Msg::Key(agenda::input::Action::Next));
            let backend = frame(&mut app, lang, width, height);
            insta::assert_snapshot!(format!("finder_{code}_{width}x{height}"), backend);
        }
    }
}

#[test]
fn filter_menu() {
    snapshot("filter_menu", rich().path(), &[Filter, Down, CycleStatus]);
}

#[test]
fn session_under_a_filter() {
    snapshot(
        "session_filtered",
        rich().path(),
        &[Filter, CycleStatus, Back, Open],
    );
}

#[test]
fn forms_of_each_record() {
    // A new session, empty; the example's motion, filled and long; a new
    // agenda item with its proposed number; a question's own form.
    snapshot("form_new_session", example().path(), &[Create]);
    snapshot(
        "form_motion",
        example().path(),
        &[Open, Down, Down, Down, Down, EditAnswer],
    );
    snapshot("form_new_item", example().path(), &[Open, Create]);
    let to_question = [Open, Down, Down, Down, Down, Open, Open, EditQuestion];
    snapshot("form_question", example().path(), &to_question);
}

#[test]
fn worklist_by_department() {
    let dir = rich();
    std::fs::write(
        dir.path().join("antraege/anfrage-schule.toml"),
        "[motion]\nid = \"anfrage-schule\"\nkind = \"Anfrage\"\ntitle = \"Schulwege\"\n\
         session = \"soz-2022-09-07\"\n\n[[question]]\nnumber = \"1\"\n\
         text = \"Welche Schulwege sind gesichert?\"\nassignee = \"Schulamt\"\ndue = 2022-09-02\n",
    )
    .unwrap();
    snapshot("worklist", dir.path(), &[Worklist]);
}
