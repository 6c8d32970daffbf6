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
