//! Text areas after the window changes size: shown from their start again.

use crate::common::{app, example, step, typed};
use agenda::input::Action;
use crossterm::event::KeyCode;

fn draw(app: &mut agenda::app::App, width: u16, height: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let texts = agenda::i18n::Lang::De.texts();
    let mut layout = agenda::app::Layout::default();
    terminal
        .draw(|f| layout = agenda::ui::draw(f, app, texts))
        .unwrap();
    step(app, agenda::app::Msg::Layout(layout));
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The app on `dir` (the example) with the answer editor open on the
/// first question of the KIM motion.
fn answering(dir: &std::path::Path) -> agenda::app::App {
    let mut app = app(dir);
    let to_it = [Action::Open, Action::Down, Action::Down, Action::Down];
    for action in to_it
        .into_iter()
        .chain([Action::Open, Action::Open, Action::EditAnswer])
    {
        step(&mut app, action);
    }
    app
}

#[test]
fn an_answer_typed_small_shows_from_its_first_line_once_the_window_grows() {
    let dir = example();
    let mut app = answering(dir.path());
    for i in 1..=15 {
        for c in format!("Zeile {i}").chars() {
            step(&mut app, typed(KeyCode::Char(c)));
        }
        step(&mut app, typed(KeyCode::Enter));
        draw(&mut app, 60, 15);
    }
    let small = draw(&mut app, 60, 15);
    assert!(!small.contains("Zeile 1 "), "{small}");
    step(&mut app, agenda::app::Msg::Resized);
    let large = draw(&mut app, 80, 40);
    assert!(
        large.contains("Zeile 1 ") && large.contains("Zeile 15"),
        "{large}"
    );
}

#[test]
fn the_terminal_cursor_stands_where_the_answer_is_typed() {
    let dir = example();
    let mut app = answering(dir.path());
    for c in "abc".chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let texts = agenda::i18n::Lang::De.texts();
    terminal
        .draw(|f| {
            agenda::ui::draw(f, &app, texts);
        })
        .unwrap();
    let at = terminal.get_cursor_position().unwrap();
    let buffer = terminal.backend().buffer().clone();
    // Just after the typed "abc".
    let before: String = (at.x - 3..at.x)
        .map(|x| buffer[(x, at.y)].symbol().to_string())
        .collect();
    assert_eq!(before, "abc", "cursor at {at:?}");
}
