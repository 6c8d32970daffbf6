//! The full-screen runtime: terminal in, events to actions, frames out.

use std::io::{self, IsTerminal};

use crossterm::event::{self, Event, KeyEventKind};

use crate::app::{App, Layout, Msg};
use crate::i18n::Texts;
use crate::ui;

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
    loop {
        let mut layout = Layout::default();
        terminal.draw(|frame| layout = ui::draw(frame, &app, texts))?;
        app.update(Msg::Layout(layout));
        if app.quit {
            return Ok(());
        }
        // Press only: Windows also reports releases, which would move twice.
        // Resizes and other events just lead to the next frame.
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
            && let Some(action) = app.keymap.action(key)
        {
            app.update(action);
        }
    }
}
