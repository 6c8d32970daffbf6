//! The fuzzy finder: the query, then ranked hits, two lines each: what it
//! is and where it belongs, then the matching text with the matched
//! characters highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::{self, fit, one_line};
use crate::app::{App, Finder};
use crate::i18n::Texts;
use crate::search;

/// Draws the finder; where its hits stand (two lines each), for the
/// mouse. The terminal's cursor goes on the selected hit.
pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    finder: &Finder,
    texts: &dyn Texts,
) -> crate::app::ItemsAt {
    let labels = texts.labels();
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(format!(" {} ", labels.search));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, status, list] = ratatui::layout::Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let width = usize::from(inner.width);

    let query = one_line(&finder.query);
    let prompt = Line::from(vec![
        Span::styled("/ ", theme::label()),
        Span::raw(query),
        Span::styled("▏", Style::new().add_modifier(Modifier::SLOW_BLINK)),
    ]);
    frame.render_widget(Paragraph::new(prompt), input);

    let state = if finder.query.trim().is_empty() {
        labels.search_hint.to_string()
    } else if finder.searching() {
        labels.searching.to_string()
    } else {
        texts.hit_count(finder.hits.len(), finder.total)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&state, width), theme::dim())),
        status,
    );

    let per_page = usize::from(list.height / 2).max(1);
    let first = finder.selected.saturating_sub(per_page - 1);
    let data = app.data();
    let mut lines = Vec::new();
    for (n, hit) in finder.hits.iter().enumerate().skip(first).take(per_page) {
        let selected = n == finder.selected;
        let (kind, path) = search::describe(data, (hit.target, hit.field), texts);
        let marker = if selected { theme::MARKER } else { "  " };
        let head = heading(&kind, &path, width.saturating_sub(2));
        let style = if selected {
            theme::selected()
        } else {
            theme::label()
        };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(head, style),
        ]));

        let full = search::field_text(data, hit.target, hit.field);
        let positions = search::highlight(&full, &finder.query);
        // Line breaks read as spaces on the hit's one line (made safe
        // first, they would show as symbols); one character each, so the
        // highlighted positions stay.
        let flat = full.replace(['\n', '\r'], " ");
        let (shown, at) = search::snippet(&one_line(&flat), &positions, width.saturating_sub(4));
        lines.push(highlighted(&shown, &at));
    }
    frame.render_widget(Paragraph::new(lines), list);
    let mut at = crate::app::ItemsAt {
        top: list.y,
        left: list.x,
        first,
        ..Default::default()
    };
    let shown = finder
        .hits
        .len()
        .saturating_sub(first)
        .min(per_page)
        .min(at.ends.len());
    for k in 0..shown {
        at.ends[k] = (2 * (k + 1)).min(usize::from(list.height)) as u16;
    }
    at.count = shown;
    if let Some(row) = at.row_of(finder.selected) {
        frame.set_cursor_position((list.x, row));
    }
    at
}

/// The text with the characters at `positions` highlighted, indented.
fn highlighted(text: &str, positions: &[usize]) -> Line<'static> {
    let mark = Style::new()
        .fg(crate::theme::palette().warn)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut spans = vec![Span::raw("    ")];
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let marked = positions.binary_search(&i).is_ok();
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked { mark } else { Style::new() };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_marked { mark } else { Style::new() },
        ));
    }
    Line::from(spans)
}

/// "Frage 2 · Ausschuss für Soz… › TOP 4 › kim-bericht-2022": when it is too
/// long, the outermost part (the committee) gives way first.
fn heading(kind: &str, path: &[String], width: usize) -> String {
    let full = one_line(&format!("{kind} · {}", path.join(" › ")));
    let overflow = unicode_width::UnicodeWidthStr::width(full.as_str()).saturating_sub(width);
    let Some(first) = path.first().filter(|_| overflow > 0) else {
        return fit(&full, width);
    };
    let keep = unicode_width::UnicodeWidthStr::width(first.as_str())
        .saturating_sub(overflow)
        .max(8);
    let mut path = path.to_vec();
    path[0] = fit(first, keep);
    fit(&one_line(&format!("{kind} · {}", path.join(" › "))), width)
}
