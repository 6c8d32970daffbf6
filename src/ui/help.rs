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
        .map(|a| (app.keymap.label(a, &labels.keys), texts.action(a)))
        .collect();
    // Borders and the closing hint take four lines.
    let columns: usize = if rows.len() + 4 > usize::from(area.height) && area.width >= 50 {
        2
    } else {
        1
    };
    let width = area.width.min(if columns == 2 { 100 } else { 60 });
    // Each column is as wide as its widest keys, and a text too long for
    // the rest goes on under itself: nothing of it is cut.
    let column_width = usize::from(width.saturating_sub(2)) / columns;
    let bodies: Vec<Vec<Line>> = rows
        .chunks(rows.len().div_ceil(columns).max(1))
        .map(|chunk| column(chunk, column_width, columns > 1))
        .collect();
    let per_column = bodies.iter().map(Vec::len).max().unwrap_or(0);
    // How to close it stays in sight where the rest can scroll; only on
    // the smallest screens does it give way to the keys.
    let hint = per_column + 4 <= usize::from(area.height) || area.height >= 12;
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
            let down = app.keymap.name(Action::PageDown, &labels.keys);
            let up = app.keymap.name(Action::PageUp, &labels.keys);
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
    for (lines, area) in bodies.into_iter().zip(areas.iter()) {
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), *area);
    }
    let hint = Line::from(Span::styled(labels.help_close, theme::dim()));
    frame.render_widget(Paragraph::new(vec![Line::default(), hint]), closing);
    hidden
}

/// The lines of one column: its keys, then what they do, wrapped under
/// itself where it is longer than the room left; two spaces before the next
/// column.
fn column(rows: &[(String, &str)], width: usize, gap: bool) -> Vec<Line<'static>> {
    let key_width = rows
        .iter()
        .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
        .max()
        .unwrap_or(0)
        + 2;
    // On a very narrow screen the keys take what there is and the text is cut.
    let room = width.saturating_sub(key_width + 2 * usize::from(gap));
    let mut lines = Vec::new();
    for (keys, what) in rows {
        let keys = fit(&format!("{keys:<key_width$}"), width);
        let parts = match room {
            0..8 => vec![fit(what, room)],
            _ => theme::wrap(what, room),
        };
        for (i, part) in parts.into_iter().enumerate() {
            let lead = match i {
                0 => Span::styled(keys.clone(), theme::label()),
                _ => Span::raw(" ".repeat(key_width.min(width))),
            };
            lines.push(Line::from(vec![lead, Span::raw(part)]));
        }
    }
    lines
}
