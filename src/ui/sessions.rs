//! The list of sessions with countdown and progress, and the problems panel
//! below when files have problems.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::theme::{self, fit, one_line};
use crate::app::rows::SessionKey;
use crate::app::{App, Layout};
use crate::i18n::{self, Texts};

/// Width of the answered-questions gauge.
const GAUGE: usize = 10;
/// Width of the column of pressing questions ("!12").
const DUE: u16 = 3;

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

    let places = app.places();
    let deadlines = app.deadlines();
    let keys = app.session_keys();
    // Still reading: the note below says so; no "create a session" yet.
    if keys.is_empty() && app.is_opening() {
        return Layout::default();
    }
    if keys.is_empty() {
        let create = app.keymap.name(crate::input::Action::Create, &labels.keys);
        let text = if app.filter.is_active() {
            let filter = app.keymap.name(crate::input::Action::Filter, &labels.keys);
            format!(
                "{} {filter} {}",
                labels.nothing_filtered, labels.change_filter
            )
        } else {
            format!(
                "{}\n{}\n\n{create} {}",
                labels.no_sessions,
                app.dir.display(),
                labels.create_first
            )
        };
        let paragraph =
            Paragraph::new(crate::text::block(&text).into_owned()).wrap(Wrap { trim: true });
        frame.render_widget(paragraph, list);
        return Layout::default();
    }
    let wide = list.width >= 70;
    // Below 56 columns the days left give way too: two committees must
    // still be told apart ("Au…" and "Au…" cannot).
    let narrow = list.width < 56;
    // "Mi" in German, "Wed" in English.
    let weekday = texts.weekday(chrono::Weekday::Wed).chars().count();
    // Only the rows on screen are made, however many sessions there are.
    let place = app.place();
    let shown = theme::window(
        keys.len(),
        place.selected,
        place.top,
        list.height.into(),
        |_| 1,
    );
    // The days and the counts as wide as the rows on screen need: the
    // rest goes to the committee.
    let (mut days_col, mut counts_col) = (1, 3);
    for key in &keys[shown.clone()] {
        let SessionKey::Id(id) = key else {
            counts_col = 7;
            continue;
        };
        if let Some(at) = places.session_at(id) {
            let s = places.session(app.data(), at);
            if s.session.date != chrono::NaiveDate::MAX {
                let said = days_left(s.days_left(app.env.today), wide, texts);
                days_col = days_col.max(said.chars().count());
            }
            counts_col = counts_col.max(format!("{0}/{0}", s.total()).len());
        }
    }
    let days_col = days_col.min(if wide { 14 } else { 11 });
    let counts_col = counts_col.min(7);
    // What the other columns leave for the committee, so it can end in "…".
    let fixed = theme::MARKER.chars().count()
        + 10
        + if wide {
            weekday + days_col + GAUGE + 5
        } else if narrow {
            2
        } else {
            days_col + 3
        }
        + counts_col
        + DUE as usize
        + 1;
    let committee_width = usize::from(list.width).saturating_sub(fixed);
    // Below 70 columns the weekday and the gauge give way to the committee.
    let rows: Vec<Row> = keys[shown.clone()]
        .iter()
        .map(|key| {
            let (date, committee, days, answered, total, open, worst) = match key {
                SessionKey::Id(id) => {
                    let Some(at) = places.session_at(id) else {
                        return Row::new(vec![Cell::from(one_line(id))]);
                    };
                    let s = places.session(data, at);
                    // A date that could not be read shows as none.
                    let known = s.session.date != chrono::NaiveDate::MAX;
                    let date = known.then_some(s.session.date);
                    let days = known.then(|| s.days_left(app.env.today));
                    // Its file has errors, or its agenda lists a motion whose
                    // file cannot be read (missing from the counts).
                    let missing = (s.session.agenda.iter())
                        .flat_map(|item| &item.motions)
                        .any(|id| places.motion_at(id).is_none());
                    let committee = match s.session.broken || missing {
                        true => format!("⚠ {}", one_line(&s.session.committee)),
                        false => one_line(&s.session.committee),
                    };
                    let filter = &app.filter.sieve(&deadlines, app.env.today);
                    // Under a filter, of the questions it lets through.
                    let passing = (s.placements.iter().map(|p| p.motion))
                        .filter(|m| !filter.is_active() || filter.motion(m))
                        .flat_map(|m| {
                            let shown = match filter.is_active() {
                                true => filter.questions(m),
                                false => (0..m.questions.len()).collect(),
                            };
                            shown.into_iter().map(move |i| (m, &m.questions[i]))
                        });
                    let worst = deadlines.worst_of(passing, app.env.today);
                    let (answered, total, open) = counts(&s, filter);
                    (date, committee, days, answered, total, open, worst)
                }
                SessionKey::Unplaced => {
                    let unplaced = || places.unplaced().iter().map(|&m| &*data.motions[m]);
                    let answered: usize = unplaced().map(|m| m.answered()).sum();
                    let total: usize = unplaced().map(|m| m.questions.len()).sum();
                    (
                        None,
                        texts.without_session().to_string(),
                        None,
                        answered,
                        total,
                        total - answered,
                        deadlines.worst(unplaced(), app.env.today),
                    )
                }
            };
            let style = days.map_or_else(ratatui::style::Style::new, |d| {
                theme::urgency_style(d, open)
            });
            let mut cells = vec![Cell::from(date.map_or_else(|| "—".into(), i18n::date))];
            if wide {
                let weekday = date.map_or("", |d| texts.weekday(chrono::Datelike::weekday(&d)));
                cells.push(Cell::from(weekday));
            }
            let committee = match narrow {
                true => shortened(&committee, committee_width),
                false => committee,
            };
            cells.push(Cell::from(fit(&committee, committee_width)));
            if !narrow {
                cells.push(Cell::from(Span::styled(
                    days.map(|d| days_left(d, wide, texts)).unwrap_or_default(),
                    style,
                )));
            }
            // Until the motions are read, their counts are not known.
            let opening = app.is_opening();
            if wide {
                let gauge = match opening {
                    true => String::new(),
                    false => theme::gauge(answered, total, GAUGE),
                };
                cells.push(Cell::from(Span::styled(gauge, style)));
            }
            cells.push(super::session::due_cell(worst));
            let counts = match opening {
                true => "…".to_string(),
                false => format!("{answered}/{total}"),
            };
            cells.push(Cell::from(Line::from(counts).right_aligned()));
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Length(10)];
    if wide {
        widths.push(Constraint::Length(weekday as u16));
    }
    widths.push(Constraint::Fill(1));
    if !narrow {
        widths.push(Constraint::Length(days_col as u16));
    }
    if wide {
        widths.push(Constraint::Length(GAUGE as u16));
    }
    widths.push(Constraint::Length(DUE));
    widths.push(Constraint::Length(counts_col as u16));
    let table = Table::new(rows, widths)
        .row_highlight_style(theme::selected())
        .highlight_symbol(theme::MARKER);
    let selected = app.place().selected.saturating_sub(shown.start);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, list, &mut state);
    Layout {
        page: list.height,
        max_scroll: 0,
        list: Some(theme::list_at(list, shown.start + state.offset())),
        form: None,
        items: None,
        help: 0,
        menu: None,
    }
}

fn draw_problems_panel(frame: &mut Frame, area: Rect, app: &App, texts: &dyn Texts) {
    let labels = texts.labels();
    let diagnostics = &app.loaded.diagnostics;
    let title = format!(
        " {} ({}) · {} {} ",
        labels.problems,
        diagnostics.len(),
        app.keymap
            .name(crate::input::Action::Problems, &labels.keys),
        labels.problems_hint
    );
    let block = Block::bordered()
        .title(fit(&title, area.width.saturating_sub(2).into()))
        .border_style(ratatui::style::Style::new().fg(crate::theme::palette().warn));
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

/// "vor 1548 Tagen", or "−1548 T" where that does not fit its column
/// (below 70 columns).
fn days_left(days: i64, wide: bool, texts: &dyn Texts) -> String {
    let said = texts.days_left(days);
    match said.chars().count() <= if wide { 14 } else { 11 } {
        true => said,
        false => {
            let sign = if days < 0 { '−' } else { '+' };
            format!("{sign}{} {}", days.abs(), texts.labels().days_short)
        }
    }
}

/// A session's answered, all and open questions; under a filter, of the
/// questions it lets through (a department sees its own share).
fn counts(
    s: &crate::overview::SessionOverview,
    filter: &crate::app::filter::Sieve,
) -> (usize, usize, usize) {
    if !filter.is_active() {
        return (s.answered(), s.total(), s.open());
    }
    let questions = (s.counted().filter(|m| filter.motion(m)))
        .flat_map(|m| filter.questions(m).into_iter().map(|i| &m.questions[i]));
    let (done, all) = questions.fold((0, 0), |(done, all), q| {
        (done + usize::from(q.is_done()), all + 1)
    });
    (done, all, all - done)
}

/// A committee's name where it does not fit a narrow column: without the
/// words most names begin with ("Ausschuss für Soziales" and "Ausschuss
/// für Bauen" cut to "Ausschuss für …" cannot be told apart).
fn shortened(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        return name.to_string();
    }
    let (mark, rest) = match name.strip_prefix("⚠ ") {
        Some(rest) => ("⚠ ", rest),
        None => ("", name),
    };
    let rest = [
        "Ausschuss für ",
        "Ausschuss ",
        "Committee for ",
        "Committee on ",
    ]
    .iter()
    .find_map(|p| rest.strip_prefix(p))
    .unwrap_or(rest);
    format!("{mark}{rest}")
}
