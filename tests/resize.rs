//! Text areas after the window changes size: shown from their start again.

use crate::common::{self, app, example, step, typed};
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

/// Where the terminal's cursor stands after a frame at 80x24, and the frame.
fn cursor(app: &agenda::app::App) -> (ratatui::layout::Position, ratatui::buffer::Buffer) {
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let texts = agenda::i18n::Lang::De.texts();
    terminal
        .draw(|f| {
            agenda::ui::draw(f, app, texts);
        })
        .unwrap();
    let at = terminal.get_cursor_position().unwrap();
    (at, terminal.backend().buffer().clone())
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
    let (at, buffer) = cursor(&app);
    // Just after the typed "abc".
    let before: String = (at.x - 3..at.x)
        .map(|x| buffer[(x, at.y)].symbol().to_string())
        .collect();
    assert_eq!(before, "abc", "cursor at {at:?}");
}

#[test]
fn a_long_note_takes_up_to_a_fifth_of_the_screen_and_says_where_it_is_cut() {
    let dir = example();
    let mut app = app(dir.path());
    app.note = Some(agenda::app::Note::SaveFailed {
        path: "antraege/2022/ein-sehr-langer-dateiname-fuer-einen-antrag.toml".into(),
        reason: "Zugriff verweigert ".repeat(20),
    });
    let screen = draw(&mut app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    // Header, body, four lines of the note, the key line.
    let note: Vec<&str> = lines[19..23].iter().map(|l| l.trim_end()).collect();
    let said = note.join(" ");
    assert!(said.contains("wurde nicht gespeichert"), "{screen}");
    // What to do comes before the reason, so a cut keeps it.
    assert!(note[1].contains("versucht es erneut"), "{screen}");
    assert!(note[3].ends_with('…'), "{screen}");
    assert!(!lines[18].contains("Zugriff"), "{screen}");
    // Small: two lines, still cut visibly.
    let small = draw(&mut app, 60, 10);
    let small: Vec<&str> = small.lines().collect();
    assert!(small[8].trim_end().ends_with('…'), "{}", small.join("\n"));
    assert!(small[7].contains("antraege/2022"), "{}", small.join("\n"));
}

/// The help at 80x24, page by page, in `lang`: every line it shows.
fn help_pages(lang: agenda::i18n::Lang) -> Vec<String> {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, Action::Help);
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.extend(crate::common::screen(&mut app, lang));
        step(&mut app, Action::PageDown);
    }
    seen
}

#[test]
fn no_text_of_the_help_is_cut_at_80_columns() {
    use agenda::i18n::Lang;
    for (lang, long) in [
        (Lang::De, ["(zurückgezogen,", "vertagt, erledigt)"]),
        (Lang::En, ["(withdrawn,", "postponed, done)"]),
    ] {
        let seen = help_pages(lang);
        assert!(
            !seen.iter().any(|line| line.contains('…')),
            "{lang:?}: {seen:#?}"
        );
        // The longest text goes on under itself, whole.
        for part in long {
            assert!(seen.iter().any(|l| l.contains(part)), "{lang:?}: {part}");
        }
    }
}

#[test]
fn days_long_past_are_said_short_where_the_words_do_not_fit() {
    let dir = example();
    let mut app = app(dir.path());
    app.env.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let narrow = draw(&mut app, 60, 15);
    assert!(narrow.contains("−1548 T"), "{narrow}");
    let wide = draw(&mut app, 80, 24);
    assert!(wide.contains("vor 1548 Tagen"), "{wide}");
}

#[test]
fn the_terminal_cursor_stands_on_the_filter_option_in_focus() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, Action::Filter);
    step(&mut app, Action::Down);
    let (at, buffer) = cursor(&app);
    let row: String = (at.x..80)
        .map(|x| buffer[(x, at.y)].symbol().to_string())
        .collect();
    assert!(row.starts_with('▸'), "cursor at {at:?}: {row}");
    // The option in focus is the second: the row above holds the first.
    let above: String = (at.x..80)
        .map(|x| buffer[(x, at.y - 1)].symbol().to_string())
        .collect();
    assert!(!above.starts_with('▸'), "{above}");
}

#[test]
fn a_form_says_on_its_border_that_fields_are_out_of_view() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, Action::Open);
    step(&mut app, Action::CreateMotion);
    let top = draw(&mut app, 60, 15);
    assert!(!top.contains("▲ weitere Felder"), "{top}");
    assert!(top.contains("▼ weitere Felder"), "{top}");
    for _ in 0..10 {
        step(&mut app, Action::Next);
    }
    let bottom = draw(&mut app, 60, 15);
    let border = bottom.lines().nth(1).unwrap();
    assert!(border.contains("▲ weitere Felder"), "{bottom}");
}

#[test]
fn at_40_columns_two_committees_can_still_be_told_apart() {
    let soz =
        "[session]\nid = \"soz\"\ncommittee = \"Ausschuss für Soziales\"\ndate = 2022-09-07\n";
    let bau = "[session]\nid = \"bau\"\ncommittee = \"Ausschuss für Bauen\"\ndate = 2022-09-08\n";
    let dir = common::data_dir(&[("soz.toml", soz.as_bytes()), ("bau.toml", bau.as_bytes())]);
    let mut app = common::app(dir.path());
    let screen = draw(&mut app, 40, 12);
    // Without the words both begin with, which would leave "Ausschuss
    // für …" twice.
    assert!(screen.contains("07.09.2022 Soziales"), "{screen}");
    assert!(
        screen.contains("08.09.2022 ") && screen.contains("Bauen"),
        "{screen}"
    );
    // At 60 the days left are there again.
    assert!(draw(&mut app, 60, 15).contains("in 6 Tagen"));
}
