//! The full-screen runtime: terminal in, events to messages, frames out.
//! The search runs on its own thread; its answers arrive as messages too.

use std::io::{self, IsTerminal};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};

use crate::app::{App, InputMode, Layout, Msg};
use crate::i18n::Texts;
use crate::input;
use crate::search::Searcher;
use crate::ui;

/// How often to look for search answers while one is awaited.
const POLL: Duration = Duration::from_millis(8);

/// Restores the terminal when dropped, whichever way `run` ends. Panics are
/// covered by the hook `ratatui::try_init` installs.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Runs the app until it quits.
pub fn run(mut app: App, texts: &dyn Texts) -> io::Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(texts.needs_terminal()));
    }
    let _guard = TerminalGuard;
    let mut terminal = ratatui::try_init()?;
    let mut searcher: Option<Searcher> = None;
    let mut indexed = app.data_version;
    let mut asked = 0;
    loop {
        let mut layout = Layout::default();
        terminal.draw(|frame| layout = ui::draw(frame, &app, texts))?;
        app.update(Msg::Layout(layout));
        if app.quit {
            return Ok(());
        }
        // What a crash now would lose, for the panic hook.
        crate::recovery::keep(&app.dir, &app.unsaved());
        if let Some(request) = app.external.clone() {
            let words =
                crate::external::command(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"));
            let result = hand_over(&mut terminal, || {
                crate::external::edit(&request.text, &words)
            })?;
            app.update(Msg::ExternalDone(result));
            continue;
        }
        // The index is built on the search thread, after the first frame.
        let waiting = match &app.finder {
            Some(finder) => {
                let searcher = searcher.get_or_insert_with(|| {
                    indexed = app.data_version;
                    Searcher::start(app.shared_data())
                });
                if indexed != app.data_version {
                    searcher.reindex(app.shared_data());
                    indexed = app.data_version;
                }
                if finder.generation != asked {
                    searcher.query(finder.generation, &finder.query);
                    asked = finder.generation;
                }
                finder.searching()
            }
            None => false,
        };
        if waiting && !event::poll(POLL)? {
            if let Some(answer) = searcher.as_ref().and_then(Searcher::try_response) {
                app.update(Msg::SearchResults {
                    generation: answer.generation,
                    hits: answer.hits,
                    total: answer.total,
                });
            }
            continue;
        }
        // Press only: Windows also reports releases, which would act twice.
        // Resizes and other events just lead to the next frame.
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
        {
            let msg = match app.input_mode() {
                // The rescue dialog answers to Enter and Esc only.
                _ if app.offer.is_some() => app.keymap.action(key).map(Msg::Key),
                InputMode::Editor => Some(Msg::Edit(key)),
                InputMode::Finder => input::text_key(key).map(Msg::Text),
                InputMode::Keymap => app.keymap.action(key).map(Msg::Key),
            };
            if let Some(msg) = msg {
                app.update(msg);
            }
        }
    }
}

/// Gives the terminal to another program (the user's editor) and takes it
/// back: normal screen and cooked mode while `run` runs, then the full
/// screen again, redrawn from scratch.
fn hand_over<T>(terminal: &mut ratatui::DefaultTerminal, run: impl FnOnce() -> T) -> io::Result<T> {
    use crossterm::terminal::{
        EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
    };
    crossterm::execute!(io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show)?;
    disable_raw_mode()?;
    let result = run();
    enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    // The next frame is drawn whole. Not `terminal.clear()`: it asks the
    // terminal where the cursor is, which over a slow link can time out.
    terminal.swap_buffers();
    Ok(result)
}
