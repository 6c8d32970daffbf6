//! Text pasted into the terminal (bracketed paste): typed into the text
//! being edited as it is, never taken for keys. Without the terminal's
//! paste mode, a line break in a pasted text acted as Enter (a one-line
//! field submitted half a text), and a pasted "q" outside a text quit.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::App;
use crate::input::Context;

impl App {
    /// Types `text` where text is being typed now; elsewhere it is dropped.
    pub(super) fn pasted(&mut self, text: &str) {
        let context = self.context();
        let lines = match context {
            Context::Answer => true,
            // A form's text of several lines (a letter's text, a
            // rationale) keeps them: a letter pasted on one line reads as
            // nothing.
            Context::Form => self.form().is_some_and(|form| {
                (form.fields.get(form.focus)).is_some_and(|f| f.input == super::form::Input::Long)
            }),
            // Not while asked to keep or drop a text: a pasted "j" or "n"
            // would answer.
            Context::Finder | Context::Line => false,
            _ => return,
        };
        for c in clean(text, lines).chars() {
            match c {
                // In a form, Enter makes the new line of a long text.
                '\n' if context == Context::Form => self.form_action(crate::input::Action::Accept),
                '\n' => self.typed(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                c => self.typed(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            }
        }
    }
}

/// `text` as it may be typed: terminal escape sequences (colours copied
/// from a terminal) left out whole, not just their escape character; line
/// ends as `\n` where lines are kept, else a space; tabs a space; other
/// control characters and invisible direction marks (copied from e-mails,
/// they would show as `<U+200E>` in a report) left out.
fn clean(text: &str, lines: bool) -> String {
    // Line ends and tabs first: the escape stripper drops them as controls.
    let text = (text.replace("\r\n", "\n").replace('\r', "\n")).replace('\t', " ");
    super::fields::clean(&strip_ansi_escapes::strip_str(text), lines)
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn pasted_escape_sequences_and_direction_marks_leave_nothing_behind() {
        assert_eq!(clean("\u{1b}[31mrot\u{1b}[0m Text", false), "rot Text");
        assert_eq!(clean("a\u{200e}b\u{202e}c\u{202c}", false), "abc");
    }

    #[test]
    fn pasted_text_keeps_its_lines_only_where_lines_can_be_typed() {
        assert_eq!(clean("eins\r\nzwei\rdrei\n", true), "eins\nzwei\ndrei\n");
        assert_eq!(clean("eins\r\nzwei\tdrei", false), "eins zwei drei");
        assert_eq!(clean("rot\u{1b}[31m!\u{7}", true), "rot!");
    }
}
