//! The list of sessions, with the problems panel below when files have problems.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::theme::{self, fit, one_line};
use crate::app::rows::{SessionKey, session_keys};
use crate::app::{App, Layout};
use crate::i18n::{self, Texts};
use crate::overview::overview;

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App, texts: &dyn Texts) -> Layout {
    let labels = texts.labels();
    let data = app.data();
    let diagnostics = &app.loaded.diagnostics;
    let panel_height = if diagnostics.is_empty() {
        0
    } else {
        (diagnostics.len() as u16 + 2)
            .min(area.height / 3)
            .max(3.min(area.height))
    };
    let [list, panel] =
        ratatui::layout::Layout::vertical([Constraint::Min(0), Constraint::Length(panel_height)])
            .areas(area);
    if panel_height > 0 {
        draw_problems_panel(frame, panel, app, texts);
    }

    let keys = session_keys(data);
    if keys.is_empty() {
        let text = format!("{}\n{}", labels.no_sessions, app.dir.display());
        let paragraph =
            Paragraph::new(one_line(&text).replace('␊', "\n")).wrap(Wrap { trim: true });
        frame.render_widget(paragraph, list);
        return Layout::default();
    }
    let overview = overview(data);
    let narrow = list.width < 56;
    let rows: Vec<Row> = keys
        .iter()
        .map(|key| match key {
            SessionKey::Id(id) => {
                let Some(s) = overview.sessions.iter().find(|s| &s.session.id == id) else {
                    return Row::new(vec![Cell::from(one_line(id))]);
                };
                let days = s.days_left(app.env.today);
                let date = s.session.date;
                let mut cells = vec![Cell::from(i18n::date(date))];
                if !narrow {
                    cells.push(Cell::from(texts.weekday(chrono::Datelike::weekday(&date))));
                }
                cells.extend([
                    Cell::from(one_line(&s.session.committee)),
                    Cell::from(Span::styled(
                        texts.days_left(days),
                        theme::countdown_style(days, s.open()),
                    )),
                    Cell::from(
                        Line::from(format!("{}/{}", s.answered(), s.total())).right_aligned(),
                    ),
                ]);
                Row::new(cells)
            }
            SessionKey::Unplaced => {
                let (answered, total) = overview.unplaced.iter().fold((0, 0), |(a, t), m| {
                    (a + m.answered(), t + m.questions.len())
                });
                let mut cells = vec![Cell::from("—")];
                if !narrow {
                    cells.push(Cell::from(""));
                }
                cells.extend([
                    Cell::from(texts.without_session()),
                    Cell::from(""),
                    Cell::from(Line::from(format!("{answered}/{total}")).right_aligned()),
                ]);
                Row::new(cells).style(theme::dim())
            }
        })
        .collect();
    let mut widths = vec![Constraint::Length(10)];
    if !narrow {
        widths.push(Constraint::Length(2));
    }
    widths.extend([
        Constraint::Fill(1),
        Constraint::Length(if narrow { 11 } else { 14 }),
        Constraint::Length(7),
    ]);
    let table = Table::new(rows, widths)
        .row_highlight_style(theme::selected())
        .highlight_symbol(theme::MARKER);
    let mut state = TableState::default().with_selected(Some(app.place().selected));
    frame.render_stateful_widget(table, list, &mut state);
    Layout {
        page: list.height,
        max_scroll: 0,
    }
}

fn draw_problems_panel(frame: &mut Frame, area: Rect, app: &App, texts: &dyn Texts) {
    let labels = texts.labels();
    let diagnostics = &app.loaded.diagnostics;
    let title = format!(
        " {} ({}) · {} ",
        labels.problems,
        diagnostics.len(),
        labels.problems_hint
    );
    let block = Block::bordered()
        .title(fit(&title, area.width.saturating_sub(2).into()))
        .border_style(ratatui::style::Style::new().fg(ratatui::style::Color::Yellow));
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = diagnostics
        .iter()
        .map(|d| {
            let text = i18n::diagnostic(std::path::Path::new(""), d, texts);
            Line::from(fit(&one_line(&text), width))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
