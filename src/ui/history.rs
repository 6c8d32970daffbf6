//! A question's history: who changed what, when; newest last.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListItem, Paragraph};

use super::theme::{self, fit, one_line};
use crate::app::{App, Layout};
use crate::i18n::Texts;

// The time of a change as people read it: 01.09.2022 10:00.
use crate::sync::history::when;

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App, texts: &dyn Texts) -> Layout {
    let labels = texts.labels();
    let Some(lines) = &app.history else {
        frame.render_widget(Paragraph::new(labels.history_reading), area);
        return Layout::default();
    };
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(texts.no_history()), area);
        return Layout::default();
    }
    let width = usize::from(area.width).saturating_sub(theme::MARKER.chars().count());
    let items: Vec<ListItem> = lines
        .iter()
        .map(|line| {
            let at = match line.at.is_empty() {
                true => labels.this_run.to_string(),
                false => when(&line.at),
            };
            let head = fit(&format!("{at} · {}", one_line(&line.by)), width);
            let what: Vec<String> = line
                .what
                .iter()
                .map(|(key, value)| {
                    let label = texts.field_label(key);
                    // Values as the screens show them, not as the files hold them.
                    let shown = value.as_deref().map(|v| match key.as_str() {
                        "status" => crate::model::Status::parse(v)
                            .map_or_else(|| v.to_string(), |s| texts.status(s).to_string()),
                        "due" => v
                            .parse::<chrono::NaiveDate>()
                            .map_or_else(|_| v.to_string(), crate::i18n::date),
                        _ => one_line(v),
                    });
                    match shown {
                        Some(v) => format!("{label}: {v}"),
                        None => format!("{label}: –"),
                    }
                })
                .collect();
            let body = fit(&format!("  {}", what.join(" · ")), width);
            ListItem::new(Text::from(vec![
                Line::from(Span::styled(head, theme::label())),
                Line::from(body),
            ]))
        })
        .collect();
    theme::two_line_list(frame, area, items, (0, app.place().selected))
}
