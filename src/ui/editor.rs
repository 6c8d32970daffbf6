//! The editors over the screen: the answer on many lines, the assignee
//! (with suggestions) or due date on one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme::{self, fit, one_line};
use crate::app::App;
use crate::app::editor::{Editing, LineField};
use crate::i18n::Texts;

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App, editing: &Editing, texts: &dyn Texts) {
    let labels = texts.labels();
    // The answer's question is the one it was opened on, even where a
    // reload took it off the screen beneath (its file stopped reading).
    let (number, asked_text) = match editing {
        Editing::Answer { target, .. } => (
            target.question.number.clone(),
            target.question.text.clone().unwrap_or_default(),
        ),
        Editing::Line { .. } => match app.question() {
            Some((_, question)) => (question.number.clone(), question.text.clone()),
            None => return,
        },
    };
    let number = format!("{} {number}", labels.question);
    match editing {
        Editing::Answer {
            area: text,
            confirm,
            ..
        } => {
            let popup = area;
            frame.render_widget(Clear, popup);
            let title = format!(" {} · {number} ", labels.answer);
            let block = Block::bordered()
                .title(fit(&title, popup.width.saturating_sub(2).into()))
                .border_style(Style::new().fg(crate::theme::palette().accent));
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            // The question above, so the answer is written against it: as
            // much as half the editor allows, what is cut marked so.
            let most = usize::from((inner.height / 2).saturating_sub(1)).max(1);
            let mut lines = theme::wrap(&one_line(&asked_text), inner.width.into());
            if lines.len() > most {
                lines.truncate(most);
                if let Some(last) = lines.last_mut() {
                    let keep = usize::from(inner.width).saturating_sub(2);
                    *last = format!("{} …", fit(last, keep).trim_end());
                }
            }
            let [asked, editor, prompt] = ratatui::layout::Layout::vertical([
                Constraint::Length(lines.len() as u16 + 1),
                Constraint::Min(1),
                Constraint::Length(u16::from(*confirm)),
            ])
            .areas(inner);
            let rule = Block::default()
                .borders(ratatui::widgets::Borders::BOTTOM)
                .border_style(theme::dim());
            let asked_text = Paragraph::new(lines.join("\n"))
                .style(theme::dim())
                .wrap(Wrap { trim: true })
                .block(rule);
            frame.render_widget(asked_text, asked);
            frame.render_widget(text, editor);
            theme::text_cursor(frame, editor, text);
            if *confirm {
                let asked = format!(
                    "{}  {}",
                    labels.confirm_keep,
                    super::hints::text(app, texts)
                );
                let line = Span::styled(fit(&asked, prompt.width.into()), theme::label());
                frame.render_widget(
                    Paragraph::new(line).style(Style::new().fg(crate::theme::palette().warn)),
                    prompt,
                );
            }
        }
        Editing::Line {
            field,
            area: text,
            chosen,
            refused,
        } => {
            let (title, hint) = match field {
                LineField::Assignee => (labels.assignee, labels.assignee_hint),
                LineField::Due => (labels.due, labels.due_hint),
            };
            let suggestions = match field {
                LineField::Assignee => app.assignee_suggestions(&text.lines().join(" ")),
                LineField::Due => Vec::new(),
            };
            let shown = suggestions.len().min(6) as u16;
            let width = area.width.min(60);
            // The line wraps as it is typed, up to four rows.
            let typed = text.lines().join(" ");
            let rows = theme::wrap(&typed, width.saturating_sub(2).max(1).into())
                .len()
                .clamp(1, 4) as u16;
            let height = (3 + rows + shown + u16::from(shown > 0)).min(area.height);
            let popup = theme::centered(area, width, height);
            frame.render_widget(Clear, popup);
            let block = Block::bordered()
                .title(fit(
                    &format!(" {title} · {number} "),
                    width.saturating_sub(2).into(),
                ))
                .border_style(Style::new().fg(crate::theme::palette().accent));
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            let [input, note, list] = ratatui::layout::Layout::vertical([
                Constraint::Length(rows),
                Constraint::Length(1),
                Constraint::Min(0),
            ])
            .areas(inner);
            frame.render_widget(text, input);
            theme::text_cursor(frame, input, text);
            let (note_text, style) = match *refused {
                // Written as a date, but a day the calendar lacks: said so.
                true if crate::dates::no_such_day(&typed) => (
                    (labels.no_such_day)(typed.trim()),
                    Style::new().fg(crate::theme::palette().error),
                ),
                // A date, but decades away.
                true if crate::dates::parse_due(&typed).is_ok_and(|d| d.is_some()) => (
                    labels.check_year.to_string(),
                    Style::new().fg(crate::theme::palette().error),
                ),
                true => (
                    labels.bad_date.to_string(),
                    Style::new().fg(crate::theme::palette().error),
                ),
                // The date the rule gives, so that leaving it empty is a
                // choice made knowing it.
                false if *field == LineField::Due => {
                    let rule = app.question().and_then(|(m, _)| app.deadlines().by_rule(m));
                    let said = match rule {
                        Some(due) => format!("{hint} ({})", crate::i18n::date(due.date)),
                        None => hint.to_string(),
                    };
                    (said, theme::dim())
                }
                false => (hint.to_string(), theme::dim()),
            };
            frame.render_widget(
                Paragraph::new(Span::styled(fit(&note_text, note.width.into()), style)),
                note,
            );
            let lines: Vec<Line> = suggestions
                .iter()
                .take(usize::from(shown))
                .enumerate()
                .map(|(i, name)| {
                    let selected = *chosen == Some(i);
                    let marker = if selected { theme::MARKER } else { "  " };
                    let style = if selected {
                        theme::selected()
                    } else {
                        Style::new()
                    };
                    Line::from(vec![
                        Span::raw(marker),
                        Span::styled(
                            fit(&one_line(name), list.width.saturating_sub(2).into()),
                            style,
                        ),
                    ])
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), list);
        }
    }
}
