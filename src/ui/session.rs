//! One session's agenda, its motions under each item, then the motions not
//! yet on the agenda.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::theme::{self, one_line};
use crate::app::rows::{SessionKey, SessionRow, item_counts, session_rows};
use crate::app::{App, Layout};
use crate::i18n::Texts;

pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    key: &SessionKey,
    texts: &dyn Texts,
) -> Layout {
    let labels = texts.labels();
    let data = app.data();
    let rows = session_rows(data, key);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(labels.empty_agenda), area);
        return Layout::default();
    }
    let counts = |answered: usize, total: usize| {
        Cell::from(Line::from(format!("{answered}/{total}")).right_aligned())
    };
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|row| match row {
            SessionRow::Item(item) => {
                let (answered, total) = item_counts(data, item);
                let count = if item.motions.is_empty() {
                    Cell::from("")
                } else {
                    counts(answered, total)
                };
                let marker = if item.public {
                    Cell::from("")
                } else {
                    Cell::from(Span::styled(labels.closed, theme::label()))
                };
                Row::new(vec![
                    Cell::from(one_line(&item.number)),
                    Cell::from(one_line(&item.title)),
                    marker,
                    count,
                ])
            }
            SessionRow::Motion(motion, _) => {
                let mut title = format!("↳ {}: {}", motion.kind, motion.title);
                if !motion.submitters.is_empty() {
                    title.push_str(&format!(" ({})", motion.submitters.join(", ")));
                }
                Row::new(vec![
                    Cell::from(""),
                    Cell::from(one_line(&title)),
                    Cell::from(""),
                    counts(motion.answered(), motion.questions.len()),
                ])
            }
            SessionRow::NotOnAgenda => Row::new(vec![
                Cell::from(""),
                Cell::from(format!("── {} ──", texts.not_on_agenda())),
            ])
            .style(theme::label()),
        })
        .collect();
    let marker_width = unicode_width::UnicodeWidthStr::width(labels.closed) as u16;
    let widths = [
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(marker_width),
        Constraint::Length(5),
    ];
    let table = Table::new(table_rows, widths)
        .row_highlight_style(theme::selected())
        .highlight_symbol(theme::MARKER);
    let mut state = TableState::default().with_selected(Some(app.place().selected));
    frame.render_stateful_widget(table, area, &mut state);
    Layout {
        page: area.height,
        max_scroll: 0,
    }
}
