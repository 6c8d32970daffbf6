//! The mouse: a click selects the row under it, a double click opens it,
//! the wheel moves; where nothing lists, nothing happens.

use crate::common;

use agenda::app::{Msg, Screen};
use agenda::i18n::Lang;
use common::{example, screen, step};

#[test]
fn click_selects_double_click_opens_wheel_moves() {
    let dir = example();
    let mut app = common::app(dir.path());
    step(&mut app, agenda::input::Action::Open);
    // The frame tells where the agenda's rows stand.
    let before = screen(&mut app, Lang::De);
    let row = before
        .iter()
        .position(|l| l.contains("Mitteilungen"))
        .unwrap() as u16;
    step(
        &mut app,
        Msg::Click {
            column: 5,
            row,
            double: false,
        },
    );
    assert_eq!(app.place().selected, usize::from(row - 1));
    step(&mut app, Msg::Wheel(1));
    assert_eq!(app.place().selected, usize::from(row - 1) + 1);
    step(&mut app, Msg::Wheel(-3));
    assert_eq!(app.place().selected, 0, "up to the top, no further");
    let kim = before.iter().position(|l| l.contains("↳ Antrag")).unwrap() as u16;
    step(
        &mut app,
        Msg::Click {
            column: 5,
            row: kim,
            double: true,
        },
    );
    assert_eq!(
        app.place().screen,
        Screen::Motion("kim-bericht-2022".into())
    );
    // Below the list: nothing.
    screen(&mut app, Lang::De);
    let selected = app.place().selected;
    step(
        &mut app,
        Msg::Click {
            column: 5,
            row: 23,
            double: false,
        },
    );
    assert_eq!(app.place().selected, selected);
}

#[test]
fn a_click_on_a_form_field_gives_it_the_focus() {
    let dir = example();
    let mut app = common::app(dir.path());
    step(&mut app, agenda::input::Action::CreateMotion);
    let lines = screen(&mut app, Lang::De);
    let row = lines.iter().position(|l| l.contains("Fraktionen")).unwrap() as u16;
    step(
        &mut app,
        Msg::Click {
            column: 30,
            row,
            double: false,
        },
    );
    let Some(agenda::app::Overlay::Form(form)) = &app.overlay else {
        panic!("a form");
    };
    assert_eq!(form.fields[form.focus].key, "submitters");
}

#[test]
fn a_long_list_shows_the_cursor_and_a_click_after_scrolling_selects_what_it_hits() {
    let files: Vec<(String, Vec<u8>)> = (1..=60)
        .map(|n| {
            let id = format!("s{n:02}");
            let date = format!("2022-{:02}-{:02}", 1 + (n - 1) / 28, 1 + (n - 1) % 28);
            (
                format!("sitzungen/{id}.toml"),
                common::session(&id, &date, "").into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let dir = common::data_dir(&refs);
    let mut app = common::app(dir.path());
    for _ in 0..45 {
        step(&mut app, agenda::input::Action::Down);
    }
    let lines = screen(&mut app, Lang::De);
    // Row 45 is the 46th session, on 18.02.2022; it is on screen.
    assert!(lines.iter().any(|l| l.contains("18.02.2022")), "{lines:#?}");
    assert!(!lines.iter().any(|l| l.contains("01.01.2022")));
    let row = lines.iter().position(|l| l.contains("15.02.2022")).unwrap() as u16;
    step(
        &mut app,
        Msg::Click {
            column: 5,
            row,
            double: false,
        },
    );
    assert_eq!(app.place().selected, 42, "15.02.2022 is the 43rd session");
}

#[test]
fn in_the_worklist_a_click_selects_the_question_under_it_and_a_double_click_opens_it() {
    let dir = example();
    let mut app = common::app(dir.path());
    step(&mut app, agenda::input::Action::Worklist);
    let shown = screen(&mut app, Lang::De);
    // Questions take two lines each: click the second line of the third.
    let third = shown
        .iter()
        .position(|l| l.contains("○ 3 "))
        .expect("question 3 listed") as u16;
    step(
        &mut app,
        Msg::Click {
            column: 10,
            row: third,
            double: false,
        },
    );
    let selected = app.place().selected;
    step(
        &mut app,
        Msg::Click {
            column: 10,
            row: third,
            double: true,
        },
    );
    assert_eq!(
        app.place().screen,
        Screen::Question("kim-bericht-2022".into(), 2)
    );
    assert_eq!(selected, 3, "heading, then questions 1 to 3");
}

#[test]
fn the_wheel_scrolls_the_help() {
    let dir = example();
    let mut app = common::app(dir.path());
    step(&mut app, agenda::input::Action::Help);
    screen(&mut app, Lang::De);
    let most = app.layout.help;
    step(&mut app, Msg::Wheel(3));
    assert!(
        matches!(app.overlay, Some(agenda::app::Overlay::Help(n)) if n == most.min(3) && n > 0)
    );
    step(&mut app, Msg::Wheel(-9));
    assert!(matches!(app.overlay, Some(agenda::app::Overlay::Help(0))));
}

#[test]
fn a_click_on_a_hit_of_the_finder_selects_it_and_a_double_click_goes_there() {
    let dir = example();
    let mut app = common::app(dir.path());
    common::find(&mut app, "stellen");
    let shown = screen(&mut app, Lang::De);
    let Some(agenda::app::Overlay::Finder(finder)) = &app.overlay else {
        panic!("the finder is open");
    };
    assert!(finder.hits.len() >= 2, "{:?}", finder.hits);
    // The second hit's heading: two lines below the first's.
    let first = shown.iter().position(|l| l.contains("▸ ")).unwrap() as u16;
    let click = |double| Msg::Click {
        column: 4,
        row: first + 3,
        double,
    };
    step(&mut app, click(false));
    let Some(agenda::app::Overlay::Finder(finder)) = &app.overlay else {
        panic!("still open");
    };
    assert_eq!(finder.selected, 1);
    step(&mut app, click(true));
    assert!(app.overlay.is_none(), "went to the hit");
}

#[test]
fn a_double_click_in_a_scrolled_list_opens_the_row_clicked() {
    let names: Vec<(String, String)> = (1..=40)
        .map(|n| {
            let id = format!("s{n:02}");
            let date = format!("2022-10-{:02}", n % 28 + 1);
            (format!("{id}.toml"), common::session(&id, &date, ""))
        })
        .collect();
    let files: Vec<(&str, &[u8])> = names
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    let dir = common::data_dir(&files);
    let mut app = common::app(dir.path());
    step(&mut app, agenda::input::Action::Bottom);
    let before = screen(&mut app, Lang::De);
    let row = 3u16;
    let clicked = before[usize::from(row)].clone();
    let click = |double| Msg::Click {
        column: 5,
        row,
        double,
    };
    step(&mut app, click(false));
    let after = screen(&mut app, Lang::De);
    assert_eq!(
        after[usize::from(row)].trim_start_matches('▸').trim(),
        clicked.trim_start_matches('▸').trim(),
        "the list stays where it was"
    );
    step(&mut app, click(true));
    let Screen::Session(agenda::app::rows::SessionKey::Id(opened)) = &app.place().screen else {
        panic!("a session opened: {:?}", app.place().screen);
    };
    // The row clicked named "Ausschuss sNN": that session opened.
    let named = clicked
        .split_whitespace()
        .skip_while(|w| *w != "Ausschuss")
        .nth(1)
        .expect("a committee on the row");
    assert_eq!(opened, named, "{clicked:?}");
}

#[test]
fn a_click_in_the_filter_menu_ticks_the_option_under_it() {
    let dir = example();
    let mut app = common::app(dir.path());
    step(&mut app, agenda::input::Action::Filter);
    let shown = screen(&mut app, Lang::De);
    let row = shown
        .iter()
        .position(|l| l.contains("[ ] ◐"))
        .expect("in progress listed") as u16;
    let column = shown[usize::from(row)].find("[ ]").unwrap() as u16;
    step(
        &mut app,
        Msg::Click {
            column,
            row,
            double: false,
        },
    );
    let after = screen(&mut app, Lang::De);
    assert!(
        after[usize::from(row)].contains("[x] ◐"),
        "{}",
        after.join("\n")
    );
    assert!(app.filter.is_active());
}
