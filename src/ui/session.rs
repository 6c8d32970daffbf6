//! One session's agenda, its motions under each item, then the motions not
//! yet on the agenda.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::theme::{self, one_line};
use crate::app::rows::{SessionKey, SessionRow};
use crate::app::{App, Layout};
use crate::i18n::Texts;
use crate::model::Status;

pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    key: &SessionKey,
    texts: &dyn Texts,
) -> Layout {
    let labels = texts.labels();
    let rows = app.session_rows(key);
    let deadlines = app.deadlines();
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(labels.empty_agenda), area);
        return Layout::default();
    }
    let owed = open_by_assignee(&rows, app);
    // The chart only where the agenda keeps room of its own.
    let chart_height = if owed.is_empty() || area.height < 12 {
        0
    } else {
        // One line for the titled top border, one a department.
        (owed.len().min(5) as u16 + 1).min(area.height / 3)
    };
    let [area, chart] =
        ratatui::layout::Layout::vertical([Constraint::Min(0), Constraint::Length(chart_height)])
            .areas(area);
    if chart_height > 0 {
        draw_chart(frame, chart, &owed, app.filter.is_active(), texts);
    }
    let counts = |answered: usize, total: usize| {
        Cell::from(Line::from(format!("{answered}/{total}")).right_aligned())
    };
    // The title's column, so that a title cut there ends in "…".
    let marker_width = (unicode_width::UnicodeWidthStr::width(labels.closed) as u16).max(4);
    let mark = theme::MARKER.chars().count() as u16;
    let title_width = usize::from(area.width.saturating_sub(mark + 5 + marker_width + 5 + 3));
    let cut = |text: &str| Cell::from(theme::fit(&one_line(text), title_width));
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|row| match row {
            SessionRow::Item(item) => {
                let (answered, total) = app.item_counts(item);
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
                    cut(&item.title),
                    marker,
                    count,
                ])
            }
            SessionRow::Motion(motion, _) => {
                let mut title = format!("↳ {}: {}", motion.kind, motion.title);
                if !motion.submitters.is_empty() {
                    title.push_str(&format!(" ({})", motion.submitters.join(", ")));
                }
                // Withdrawn, postponed, done: said first, so it is seen.
                if motion.state != crate::model::MotionState::Active {
                    title = format!("↳ [{}] {}", texts.motion_state(motion.state), &title[4..]);
                }
                let broken = app.has_errors(motion.source);
                if broken {
                    title = format!("↳ ⚠ {}", &title[4..]);
                }
                let row = Row::new(vec![
                    Cell::from(""),
                    cut(&title),
                    due_cell(deadlines.worst([*motion], app.env.today)),
                    {
                        let (answered, total) = app.motion_counts(motion);
                        counts(answered, total)
                    },
                ]);
                match () {
                    _ if broken => row.style(Style::new().fg(crate::theme::palette().warn)),
                    _ if motion.state.counts() => row,
                    _ => row.style(theme::dim()),
                }
            }
            SessionRow::Missing(id) => Row::new(vec![
                Cell::from(""),
                cut(&format!("↳ ⚠ {id}: {}", labels.missing_motion)),
            ])
            .style(Style::new().fg(crate::theme::palette().warn)),
            SessionRow::NotOnAgenda => Row::new(vec![
                Cell::from(""),
                Cell::from(format!("── {} ──", texts.not_on_agenda())),
            ])
            .style(theme::label()),
        })
        .collect();
    let widths = [
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(marker_width),
        Constraint::Length(5),
    ];
    let table = Table::new(table_rows, widths)
        .row_highlight_style(theme::selected())
        .highlight_symbol(theme::MARKER);
    let mut state = TableState::default()
        .with_offset(app.place().top)
        .with_selected(Some(app.place().selected));
    frame.render_stateful_widget(table, area, &mut state);
    Layout {
        page: area.height,
        max_scroll: 0,
        list: Some(theme::list_at(area, state.offset())),
        form: None,
        items: None,
        help: 0,
        menu: None,
    }
}

/// Open questions per assignee among the session's motions, most first;
/// `None` is nobody assigned yet.
fn open_by_assignee(rows: &[SessionRow], app: &App) -> Vec<(Option<String>, usize)> {
    let mut counts: Vec<(Option<String>, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let deadlines = app.deadlines();
    let sieve = app.filter.sieve(&deadlines, app.env.today);
    for row in rows {
        let SessionRow::Motion(motion, _) = row else {
            continue;
        };
        // Withdrawn and done motions owe no answers.
        if !seen.insert(&motion.id) || !motion.state.counts() {
            continue;
        }
        for question in &motion.questions {
            if question.is_done() || !sieve.question(motion, question) {
                continue;
            }
            // One office however its name is spaced or capitalised.
            let who = crate::worklist::answerer(motion, question);
            let key = |w: Option<&str>| w.map(crate::fold::fold);
            match counts
                .iter_mut()
                .find(|(w, _)| key(w.as_deref()) == key(who))
            {
                Some((_, n)) => *n += 1,
                None => counts.push((who.map(str::to_string), 1)),
            }
        }
    }
    counts.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.0.is_none().cmp(&b.0.is_none()))
    });
    counts
}

/// Bars of open questions per assignee: who still owes answers.
/// The chart of open questions per office; `filtered`: of those the
/// filter lets through, and its title says so.
fn draw_chart(
    frame: &mut Frame,
    area: Rect,
    owed: &[(Option<String>, usize)],
    filtered: bool,
    texts: &dyn Texts,
) {
    let labels = texts.labels();
    let title = match filtered {
        true => format!(" {} ({}) ", labels.open_by_assignee, labels.filter),
        false => format!(" {} ", labels.open_by_assignee),
    };
    let block = ratatui::widgets::Block::bordered()
        .borders(ratatui::widgets::Borders::TOP)
        .title(title)
        .border_style(theme::dim());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let most = owed.iter().map(|(_, n)| *n).max().unwrap_or(1);
    let name_width = (width / 3).clamp(4, 28);
    let bar_room = width.saturating_sub(name_width + 6);
    let lines: Vec<Line> = owed
        .iter()
        .take(usize::from(inner.height))
        .map(|(who, n)| {
            let name = who.as_deref().map_or(labels.nobody.to_string(), one_line);
            let name = format!("{:<name_width$}", super::theme::fit(&name, name_width));
            let bar = "█".repeat((n * bar_room).div_ceil(most).min(bar_room));
            Line::from(vec![
                Span::raw(name),
                Span::raw(" "),
                Span::styled(bar, theme::status_style(Status::Open)),
                Span::raw(format!(" {n}")),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// How many questions press, and how: `!2` overdue, `◔1` due soon.
pub(super) fn due_cell(worst: (crate::deadline::DueState, usize)) -> Cell<'static> {
    let (state, count) = worst;
    let text = match count {
        0 => String::new(),
        n => format!("{}{n}", theme::due_symbol(state)),
    };
    Cell::from(Span::styled(text, theme::due_style(state)))
}
