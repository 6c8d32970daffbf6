//! The help overlay: every action and its keys, from the effective keymap.
//! Two columns when one does not fit the height.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::{self, fit};
use crate::app::App;
use crate::i18n::Texts;
use crate::input::{Action, Section};

/// Draws the help; how far it scrolls.
pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    scroll: u16,
    texts: &dyn Texts,
) -> u16 {
    let labels = texts.labels();
    let rows: Vec<(String, &str)> = Action::of(Section::Browse)
        .map(|a| (app.keymap.label(a, labels.space), texts.action(a)))
        .collect();
    let key_width = rows
        .iter()
        .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
        .max()
        .unwrap_or(0)
        + 2;
    // Borders and the closing hint take four lines.
    let columns: usize = if rows.len() + 4 > usize::from(area.height) && area.width >= 50 {
        2
    } else {
        1
    };
    let per_column = rows.len().div_ceil(columns);
    // How to close it stays in sight where the rest can scroll; only on
    // the smallest screens does it give way to the keys.
    let hint = per_column + 4 <= usize::from(area.height) || area.height >= 12;
    let width = area.width.min(if columns == 2 { 100 } else { 60 });
    let height = area
        .height
        .min(per_column as u16 + 2 + if hint { 2 } else { 0 });
    let popup = theme::centered(area, width, height);
    // What does not fit scrolls with the arrow keys; the title says so.
    let visible = usize::from(height.saturating_sub(2 + if hint { 2 } else { 0 }));
    let hidden = per_column.saturating_sub(visible) as u16;
    let scroll = scroll.min(hidden);
    let title = match hidden {
        0 => format!(" {} ", labels.help),
        _ => {
            let down = app.keymap.name(Action::PageDown, labels.space);
            let up = app.keymap.name(Action::PageUp, labels.space);
            format!(" {} ({down}/{up} {}) ", labels.help, labels.help_more)
        }
    };
    let block = Block::bordered().title(fit(&title, width.saturating_sub(2).into()));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);

    let [body, closing] = ratatui::layout::Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(if hint { 2 } else { 0 }),
    ])
    .areas(inner);
    let areas = ratatui::layout::Layout::horizontal(vec![Constraint::Fill(1); columns]).split(body);
    for (chunk, area) in rows.chunks(per_column).zip(areas.iter()) {
        let column_width = usize::from(area.width);
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(keys, what)| {
                let keys = fit(&format!("{keys:<key_width$}"), column_width);
                // Each column cuts its own text, with a space before the next.
                let room = column_width.saturating_sub(key_width + usize::from(columns > 1));
                Line::from(vec![
                    Span::styled(keys, theme::label()),
                    Span::raw(fit(what, room)),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), *area);
    }
    let hint = Line::from(Span::styled(labels.help_close, theme::dim()));
    frame.render_widget(Paragraph::new(vec![Line::default(), hint]), closing);
    hidden
}
