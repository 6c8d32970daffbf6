//! The keys that work where the keys go now, from the app's declared
//! commands and the effective keymap: the footer, and the key lines of
//! popups. Nothing here names a key by itself.

use ratatui::text::{Line, Span};

use super::theme::{self, fit};
use crate::app::rows::SessionKey;
use crate::app::{App, Screen};
use crate::i18n::Texts;
use crate::input::{Action, Context};

/// The hints that apply now: (keys, what they do), in the declared order.
/// Neighbours that do the same (up and down, previous and next) share one
/// hint: "j/k bewegen".
pub(super) fn hints(app: &App, texts: &dyn Texts) -> Vec<(String, String)> {
    let labels = texts.labels();
    let context = app.context();
    let mut out: Vec<(String, String)> = Vec::new();
    for command in app.commands().into_iter().filter(|c| c.hint) {
        let Some(key) = app.keymap.first_label(command.action, &labels.keys) else {
            continue;
        };
        let what = match (context, command.action) {
            (Context::Browse | Context::Help, Action::Up | Action::Down) => labels.move_cursor,
            // `c` makes what belongs where the cursor is.
            (Context::Browse | Context::Help, Action::Create) => match &app.place().screen {
                Screen::Sessions => labels.hint_new_session,
                Screen::Session(SessionKey::Id(_)) => labels.hint_new_item,
                Screen::Session(SessionKey::Unplaced) => labels.hint_new_motion,
                _ => labels.hint_new_question,
            },
            // In a text of several lines Enter starts a new line.
            (Context::Form, Action::Accept)
                if app
                    .form()
                    .is_some_and(|f| f.fields[f.focus].input == crate::app::form::Input::Long) =>
            {
                labels.new_line
            }
            // A letter is read in, not saved (it is checked first).
            (Context::Form, Action::Save | Action::Accept)
                if app
                    .form()
                    .is_some_and(|f| f.target == crate::app::form::FormTarget::Import) =>
            {
                labels.read_in
            }
            // Under `!`: what Enter and Del do with the row.
            (Context::Browse, Action::Open | Action::Delete)
                if app.place().screen == Screen::Problems =>
            {
                use crate::app::settle::ProblemRow;
                let row = app.problem_row(app.place().selected);
                match (row, command.action) {
                    (Some(ProblemRow::Conflict), Action::Open) => labels.take_yours,
                    (Some(ProblemRow::Conflict), Action::Delete) => labels.keep_theirs,
                    (Some(ProblemRow::Notice), _) => labels.notice_read,
                    _ => texts.hint(context, command.action),
                }
            }
            // `e` edits the answer on a question, the record elsewhere.
            (Context::Browse | Context::Help, Action::EditAnswer) if app.question().is_none() => {
                labels.edit_record
            }
            (context, action) => texts.hint(context, action),
        };
        let what = what.to_string();
        match out.last_mut() {
            Some((keys, last)) if *last == what => {
                keys.push('/');
                keys.push_str(&key);
            }
            _ => out.push((key, what)),
        }
    }
    out
}

/// The hints as one line that fits `width`: the last (help, where shown)
/// always, the others as many as fit.
pub(super) fn line(app: &App, texts: &dyn Texts, width: usize) -> Line<'static> {
    let mut hints = hints(app, texts);
    let keep_last = app.context() == Context::Browse || app.context() == Context::Help;
    let tail = if keep_last {
        hints.split_off(hints.len().saturating_sub(1))
    } else {
        Vec::new()
    };
    let cost = |(key, what): &(String, String)| width_of(key) + width_of(what) + 3;
    let mut room = width.saturating_sub(tail.iter().map(cost).sum());
    let mut spans = Vec::new();
    let mut shown = Vec::new();
    for hint in hints {
        if cost(&hint) > room {
            break;
        }
        room -= cost(&hint);
        shown.push(hint);
    }
    for (key, what) in shown.into_iter().chain(tail) {
        spans.push(Span::styled(format!(" {key}"), theme::label()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    if spans.is_empty() {
        spans.push(Span::raw(fit("", width)));
    }
    Line::from(spans)
}

/// The hints as plain text, for the key line inside a popup.
pub(super) fn text(app: &App, texts: &dyn Texts) -> String {
    hints(app, texts)
        .iter()
        .map(|(key, what)| format!("{key} {what}"))
        .collect::<Vec<_>>()
        .join("  ")
}

fn width_of(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}
