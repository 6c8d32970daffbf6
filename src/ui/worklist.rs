//! The worklist: every question still to answer, under its department,
//! earliest due first; each in two lines, when and where, then what.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListItem, Paragraph};

use super::theme::{self, fit, one_line};
use crate::app::rows::{WorkAt, WorkRow};
use crate::app::{App, Layout};
use crate::deadline::DueState;
use crate::i18n::{self, Texts};

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App, texts: &dyn Texts) -> Layout {
    let labels = texts.labels();
    let rows = app.work_rows();
    if rows.is_empty() {
        let text = match app.filter.is_active() {
            true => {
                let filter = app.keymap.name(crate::input::Action::Filter, &labels.keys);
                format!(
                    "{} {filter} {}",
                    labels.nothing_filtered_questions, labels.change_filter
                )
            }
            // "Nothing to answer" only where nothing is hidden in a file
            // that does not read.
            false => match app.broken_files() {
                0 => labels.worklist_empty.to_string(),
                n => {
                    let problems = app
                        .keymap
                        .name(crate::input::Action::Problems, &labels.keys);
                    (labels.worklist_empty_broken)(n, &problems)
                }
            },
        };
        let text = Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(text, area);
        return Layout::default();
    }
    // Questions of a file that does not read are missing: said above the
    // list, which then takes the rest.
    let area = match app.broken_files() {
        0 => area,
        n => {
            let problems = app
                .keymap
                .name(crate::input::Action::Problems, &labels.keys);
            let warning = fit(&(labels.worklist_missing)(n, &problems), area.width.into());
            let style = ratatui::style::Style::new().fg(crate::theme::palette().warn);
            let top = Rect { height: 1, ..area };
            frame.render_widget(Paragraph::new(Span::styled(warning, style)), top);
            Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            }
        }
    };
    let width = usize::from(area.width).saturating_sub(theme::MARKER.chars().count());
    let today = app.env.today;
    // Only the rows on screen are made: a heading takes a line, a question two.
    let lines = |i: usize| if rows[i].selectable() { 2 } else { 1 };
    let place = app.place();
    let shown = theme::window(
        rows.len(),
        place.selected,
        place.top,
        area.height.into(),
        lines,
    );
    let items: Vec<ListItem> = rows[shown.clone()]
        .iter()
        .map(|at: &WorkAt| match at.row(app.data()) {
            WorkRow::Department(name, count) => {
                let name = name.map_or_else(|| labels.nobody.to_string(), one_line);
                let line = fit(&format!("{name} ({count})"), width);
                ListItem::new(Line::from(Span::styled(line, theme::label())))
            }
            WorkRow::Question(entry) => {
                let state = DueState::of(entry.due.map(|d| d.date), today);
                // The session's date before its committee, so that a long
                // name does not cut it off.
                let (session_date, committee) = match entry.session {
                    Some(s) => (i18n::date(s.date), one_line(&s.committee)),
                    None => (texts.without_session().to_string(), String::new()),
                };
                // Due after its session: the answer would come too late.
                let late = (entry.due.zip(entry.session)).is_some_and(|(d, s)| d.date > s.date);
                let first = match entry.due {
                    Some(due) => {
                        let symbol = match late && state != DueState::Overdue {
                            true => "⚠",
                            false => theme::due_symbol(state),
                        };
                        let date = i18n::date(due.date);
                        let left = texts.due_in((due.date - today).num_days());
                        let left = match late {
                            true => format!("{left}, {}", labels.after_session),
                            false => left,
                        };
                        let said = format!("{symbol} {date} ({}), {left}", labels.by_rule);
                        // A date set by the rule is said so where there is
                        // room (the session's date and a word of its
                        // committee), else marked "≈" as on the motion's screen.
                        let room = said.chars().count() + 3 + session_date.chars().count() + 10;
                        match (due.from_rule, room <= width) {
                            (true, true) => said,
                            (true, false) => format!("{symbol} ≈{date}, {left}"),
                            (false, _) => format!("{symbol} {date}, {left}"),
                        }
                    }
                    None => format!("  {}", labels.due_none),
                };
                let first = format!("{first} · {session_date} {committee}");
                let first = fit(first.trim_end(), width);
                let (symbol, style) = theme::question_symbol(entry.question);
                // The motion short, so that the question still shows.
                let what = format!(
                    "{} {}: {}",
                    entry.question.number,
                    fit(&one_line(&entry.motion.title), (width / 3).max(12)),
                    one_line(&entry.question.text)
                );
                let second = Line::from(vec![
                    Span::raw("  "),
                    Span::styled(symbol, style),
                    Span::raw(" "),
                    Span::raw(fit(&what, width.saturating_sub(4))),
                ]);
                let style = match late && state != DueState::Overdue {
                    true => ratatui::style::Style::new().fg(crate::theme::palette().warn),
                    false => theme::due_style(state),
                };
                let first = Line::from(Span::styled(first, style));
                ListItem::new(Text::from(vec![first, second]))
            }
        })
        .collect();
    let selected = app.place().selected.saturating_sub(shown.start);
    theme::two_line_list(frame, area, items, (shown.start, selected))
}
