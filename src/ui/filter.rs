//! The filter menu, and the line that shows an active filter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::{self, fit, one_line};
use crate::app::App;
use crate::app::filter::{DueWhen, Filter, FilterOption};
use crate::i18n::Texts;

pub(super) fn draw_menu(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    cursor: usize,
    texts: &dyn Texts,
) -> crate::app::MenuAt {
    let labels = texts.labels();
    // Which option each line shows, for the mouse.
    let mut shows: Vec<u8> = Vec::new();
    let options = app.filter_options();
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let mut last_heading = "";
    for (n, option) in options.iter().enumerate() {
        let heading = match option {
            FilterOption::Status(_) => labels.status,
            FilterOption::Assignee(_) => labels.assignee,
            FilterOption::Group(_) => labels.submitters,
            FilterOption::State(_) => texts.field_label("state"),
            FilterOption::Due(_) => labels.due_filter[0],
            FilterOption::Clear => "",
        };
        if heading != last_heading {
            if !lines.is_empty() {
                lines.push(Line::default());
                shows.push(0);
            }
            if !heading.is_empty() {
                lines.push(Line::from(Span::styled(heading, theme::label())));
                shows.push(0);
            }
            last_heading = heading;
        }
        shows.push(u8::try_from(n + 1).unwrap_or(0));
        let name = match option {
            FilterOption::Status(s) => format!("{} {}", theme::symbol(*s), texts.status(*s)),
            FilterOption::Assignee(Some(a)) => one_line(a),
            FilterOption::Assignee(None) => labels.nobody.to_string(),
            FilterOption::Group(g) => one_line(g),
            FilterOption::State(s) => texts.motion_state(*s).to_string(),
            FilterOption::Due(d) => due_name(*d, texts).to_string(),
            FilterOption::Clear => labels.clear_filter.to_string(),
        };
        let check = match option {
            FilterOption::Clear => "",
            o if app.filter.has(o) => "[x] ",
            _ => "[ ] ",
        };
        let marker = if n == cursor { theme::MARKER } else { "  " };
        if n == cursor {
            cursor_line = lines.len();
        }
        let style = if n == cursor {
            theme::selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(format!("{check}{name}"), style),
        ]));
    }
    lines.push(Line::default());
    let keys = super::hints::text(app, texts);
    lines.push(Line::from(Span::styled(keys, theme::dim())));

    let width = area.width.min(50);
    let height = area.height.min(lines.len() as u16 + 2);
    let popup = theme::centered(area, width, height);
    let inner_height = usize::from(height.saturating_sub(2));
    let scroll = cursor_line.saturating_sub(inner_height.saturating_sub(1));
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(format!(" {} ", labels.filter));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        popup,
    );
    // The terminal's cursor on the option in focus, as in the lists:
    // screen readers follow it.
    if let Some(row) = cursor_line.checked_sub(scroll)
        && row < inner_height
    {
        frame.set_cursor_position((popup.x + 1, popup.y + 1 + row as u16));
    }
    let mut at = crate::app::MenuAt {
        top: popup.y + 1,
        left: popup.x + 1,
        right: popup.x + popup.width.saturating_sub(1),
        options: [0; 64],
    };
    let seen = shows
        .iter()
        .skip(scroll)
        .take(inner_height.min(at.options.len()));
    for (line, &n) in seen.enumerate() {
        at.options[line] = n;
    }
    at
}

/// "überfällig", "fällig in den nächsten 7 Tagen".
fn due_name(due: DueWhen, texts: &dyn Texts) -> &'static str {
    let [_, overdue, week] = texts.labels().due_filter;
    match due {
        DueWhen::Overdue => overdue,
        DueWhen::Week => week,
    }
}

/// "Filter: open, in progress · Amt 50 · CDU", to fit `width`.
pub(super) fn summary(filter: &Filter, texts: &dyn Texts, width: usize) -> String {
    let labels = texts.labels();
    let mut parts = Vec::new();
    if !filter.statuses.is_empty() {
        let names: Vec<&str> = filter.statuses.iter().map(|s| texts.status(*s)).collect();
        parts.push(names.join(", "));
    }
    if !filter.assignees.is_empty() {
        let names: Vec<String> = filter
            .assignees
            .iter()
            .map(|a| a.clone().unwrap_or_else(|| labels.nobody.to_string()))
            .collect();
        parts.push(names.join(", "));
    }
    if !filter.groups.is_empty() {
        parts.push(filter.groups.iter().cloned().collect::<Vec<_>>().join(", "));
    }
    if !filter.states.is_empty() {
        let names: Vec<&str> = filter
            .states
            .iter()
            .map(|s| texts.motion_state(*s))
            .collect();
        parts.push(names.join(", "));
    }
    if !filter.due.is_empty() {
        // Short: the line has the other choices to show too.
        let [_, overdue, week] = labels.due_short;
        let names: Vec<&str> = (filter.due.iter())
            .map(|d| match d {
                DueWhen::Overdue => overdue,
                DueWhen::Week => week,
            })
            .collect();
        parts.push(names.join(", "));
    }
    fit(
        &one_line(&format!(" {}: {}", labels.filter, parts.join(" · "))),
        width,
    )
}
