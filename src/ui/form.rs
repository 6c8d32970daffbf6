//! A record's form over the screen, and the question before deleting.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme::{self, fit, one_line};
use crate::app::form::{Form, FormTarget, Input, Refusal};
use crate::app::place::{Choice, Purpose};
use crate::app::{App, Change};
use crate::i18n::Texts;

/// A form's title: what it makes or changes ("Antrag bearbeiten").
pub(super) fn title(target: &FormTarget, app: &App, texts: &dyn Texts) -> String {
    let labels = texts.labels();
    let kind_of = |id: &str| app.data().motion(id).map(|m| m.kind.clone());
    match target {
        FormTarget::Motion(id) if kind_of(id).is_some() => {
            texts.edit_title(&kind_of(id).unwrap_or_default())
        }
        FormTarget::NewSession => labels.new_session.into(),
        FormTarget::Session(_) => labels.edit_session.into(),
        FormTarget::NewItem { .. } => labels.new_item.into(),
        FormTarget::Item { .. } => labels.edit_item.into(),
        FormTarget::NewMotion { .. } => labels.new_motion.into(),
        FormTarget::Motion(_) => labels.edit_motion.into(),
        FormTarget::NewQuestion { .. } => labels.new_question.into(),
        FormTarget::Question { .. } => labels.edit_question.into(),
        FormTarget::Import => labels.import_letter.into(),
    }
}

/// Rows a focused text of several lines takes.
const LONG_ROWS: u16 = 3;

/// Draws the form; where its fields stand, for the mouse.
pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    form: &Form,
    texts: &dyn Texts,
) -> crate::app::FormAt {
    let labels = texts.labels();
    let title = title(&form.target, app, texts);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(fit(
            &format!(" {title} "),
            area.width.saturating_sub(2).into(),
        ))
        .border_style(Style::new().fg(crate::theme::palette().accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_width = form
        .fields
        .iter()
        .map(|f| {
            unicode_width::UnicodeWidthStr::width(texts.field_label(f.key)) + usize::from(f.unsure)
        })
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width) / 3) as u16
        + 2;
    let value_width = inner.width.saturating_sub(label_width);
    // The line under the focused field: why it was refused, or suggestions.
    let refused = |i: usize| {
        form.refused
            .iter()
            .find(|(at, _)| *at == i)
            .map(|(_, why)| *why)
    };
    let below = match refused(form.focus) {
        Some(why) => {
            // How many more to correct, where there are.
            let more = match form.refused.len() {
                1 => String::new(),
                n => format!(" {}", (labels.more_refused)(n - 1)),
            };
            Some(Span::styled(
                refusal(why, &form.fields[form.focus].text(), texts) + &more,
                Style::new().fg(crate::theme::palette().error),
            ))
        }
        None => {
            let suggestions = app.form_suggestions();
            (!suggestions.is_empty())
                .then(|| Span::styled(format!("→ {}", suggestions.join(" · ")), theme::dim()))
        }
    };
    let confirm_rows = u16::from(form.confirm) * 2;
    let room = inner.height.saturating_sub(confirm_rows);
    // The lines under the field: a reason may take two, not cut off.
    let below_rows = below.as_ref().map_or(0, |b| {
        let width = usize::from(value_width.max(1));
        textwrap::wrap(&b.content, width).len().clamp(1, 2) as u16
    });
    // What the other fields (a row each) and the lines below leave.
    let free = room
        .saturating_sub(form.fields.len().saturating_sub(1) as u16)
        .saturating_sub(below_rows);
    // The rows a field being typed in takes: it grows as its text wraps,
    // a short one up to four rows, a long one into all the room the form
    // has, so that its start stays in view.
    let typing_rows = |f: &crate::app::form::FormField| {
        let width = usize::from(value_width.max(1));
        let text = f.text();
        let wrapped: usize = text
            .split('\n')
            .map(|l| textwrap::wrap(l, width).len().max(1))
            .sum();
        match f.input {
            Input::Long => (wrapped as u16 + 1).clamp(LONG_ROWS, free.max(LONG_ROWS)),
            _ => wrapped.clamp(1, 4) as u16,
        }
    };
    // Each field's rows; the window follows the focus.
    let heights: Vec<u16> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| match i == form.focus {
            true => typing_rows(f) + below_rows,
            false => 1,
        })
        .collect();
    let before_focus: u16 = heights[..form.focus].iter().sum();
    let skip = (before_focus + heights[form.focus]).saturating_sub(room);
    let at = crate::app::FormAt {
        top: inner.y,
        bottom: inner.y + room,
        skip,
        focus_rows: heights[form.focus],
    };
    let mut y = inner.y;
    let mut offset = 0;
    for (i, field) in form.fields.iter().enumerate() {
        let height = heights[i];
        let top = offset;
        offset += height;
        if top < skip || y + height > inner.y + room {
            continue;
        }
        let focused = i == form.focus;
        let style = if focused {
            theme::selected()
        } else {
            theme::label()
        };
        // A value guessed from a letter is marked, as the note says; a
        // refused one more strongly.
        let (label, style) = match field.unsure {
            _ if refused(i).is_some() => (
                format!("{}!", texts.field_label(field.key)),
                style.fg(crate::theme::palette().error),
            ),
            true => (
                format!("{}?", texts.field_label(field.key)),
                style.fg(crate::theme::palette().warn),
            ),
            false => (texts.field_label(field.key).to_string(), style),
        };
        let label = fit(&label, usize::from(label_width));
        frame.render_widget(
            Paragraph::new(Span::styled(label, style)),
            Rect::new(inner.x, y, label_width, 1),
        );
        let value = Rect::new(inner.x + label_width, y, value_width, height);
        if focused {
            let rows = typing_rows(field);
            let mut area = field.area.clone();
            area.set_cursor_line_style(Style::new());
            let drawn = Rect {
                height: rows,
                ..value
            };
            frame.render_widget(&area, drawn);
            theme::text_cursor(frame, drawn, &area);
            if let Some(below) = &below {
                let line = Rect::new(value.x, y + rows, value.width, below_rows);
                let wrapped = Paragraph::new(below.clone()).wrap(Wrap { trim: true });
                frame.render_widget(wrapped, line);
            }
        } else {
            let text = field.text();
            let mut shown = one_line(text.lines().next().unwrap_or(""));
            if text.lines().count() > 1 {
                shown.push_str(" …");
            }
            frame.render_widget(Paragraph::new(fit(&shown, value_width.into())), value);
        }
        y += height;
    }
    // Fields out of view are said on the border they lie beyond.
    let total: u16 = heights.iter().sum();
    let mark = |frame: &mut Frame, text: &str, row: u16| {
        let text = format!(" {text} ");
        let width = (unicode_width::UnicodeWidthStr::width(text.as_str()) as u16)
            .min(area.width.saturating_sub(4));
        let at = Rect::new(area.x + area.width.saturating_sub(width + 2), row, width, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(fit(&text, width.into()), theme::dim())),
            at,
        );
    };
    if skip > 0 {
        mark(frame, labels.more_fields_above, area.y);
    }
    if total > skip + room && area.height > 0 {
        mark(frame, labels.more_fields_below, area.y + area.height - 1);
    }
    if form.confirm {
        let asked = format!(
            "{}  {}",
            labels.confirm_keep,
            super::hints::text(app, texts)
        );
        let line = Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                fit(&asked, inner.width.into()),
                theme::label(),
            ))
            .style(Style::new().fg(crate::theme::palette().warn)),
            line,
        );
    }
    at
}

fn refusal(why: Refusal, typed: &str, texts: &dyn Texts) -> String {
    let labels = texts.labels();
    match why {
        Refusal::NotADate if crate::dates::no_such_day(typed) => {
            return (labels.no_such_day)(typed.trim());
        }
        Refusal::Empty => labels.refused_empty,
        Refusal::NotADate => labels.bad_date,
        Refusal::NotATime => labels.refused_time,
        Refusal::Taken => labels.refused_taken,
        Refusal::NoSuchMotion => labels.refused_motion,
    }
    .to_string()
}

/// "Delete …?" naming what goes, with the keys that answer it.
pub(super) fn draw_ask(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    change: &Change,
    texts: &dyn Texts,
) {
    let what = deleted(app, change, texts).unwrap_or_else(|| {
        let keys = crate::i18n::Keys::new(&app.keymap, texts).with_data(app.data());
        texts.describe(change, &keys)
    });
    let undo = app
        .keymap
        .name(crate::input::Action::Undo, &texts.labels().keys);
    let lines = vec![
        Line::from(one_line(&texts.ask_delete(&what, &undo, to_trash(change)))),
        Line::default(),
        Line::from(super::hints::text(app, texts))
            .style(Style::new().fg(crate::theme::palette().accent)),
    ];
    let width = area.width.min(70);
    let popup = theme::centered(area, width, area.height.min(8));
    frame.render_widget(Clear, popup);
    let block = Block::bordered().border_style(Style::new().fg(crate::theme::palette().warn));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        popup,
    );
}

/// What a delete takes away, as people name it: "TOP 5 „Kita“".
fn deleted(app: &App, change: &Change, texts: &dyn Texts) -> Option<String> {
    use crate::edit::{Owner, TableArray};
    let short = |text: &str| {
        let mut out: String = text.chars().take(40).collect();
        if text.chars().count() > 40 {
            out.push('…');
        }
        format!("„{out}“")
    };
    let data = app.data();
    match change {
        Change::Table(t) => {
            let (index, _) = t.before.as_ref()?;
            match (&t.owner, t.array) {
                (Owner::Session(id), TableArray::Agenda) => {
                    let item = data.session(id)?.agenda.get(*index)?;
                    Some(format!(
                        "{} {}",
                        texts.agenda_item(&item.number),
                        short(&item.title)
                    ))
                }
                (Owner::Motion(id), TableArray::Question) => {
                    let q = data.motion(id)?.questions.get(*index)?;
                    Some(format!(
                        "{} {} {}",
                        texts.labels().question,
                        q.number,
                        short(&q.text)
                    ))
                }
                _ => None,
            }
        }
        Change::Rename(r) => data
            .motions
            .iter()
            .find(|m| data.path(m.source) == r.from)
            .map(|m| format!("{} {}", m.kind, short(&m.title))),
        // A motion deleted is its file to the trash and its places on
        // agendas taken away: named by the motion.
        Change::Batch(changes) => changes
            .iter()
            .find(|c| matches!(c, Change::Rename(_)))
            .and_then(|c| deleted(app, c, texts)),
        _ => None,
    }
}

/// Whether `change` puts a file into the trash (a motion deleted).
fn to_trash(change: &Change) -> bool {
    match change {
        Change::Rename(r) => r.to.starts_with(crate::edit::names::TRASH),
        Change::Batch(changes) => changes.iter().any(to_trash),
        _ => false,
    }
}

/// A list to choose one from: an agenda item, a session.
pub(super) fn draw_choice(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    choice: &Choice,
    texts: &dyn Texts,
) {
    let labels = texts.labels();
    let keys = crate::i18n::Keys::new(&app.keymap, texts).with_data(app.data());
    // Which paper: a session's report or a motion's answer letter, named.
    let title = match &choice.purpose {
        Purpose::Item { .. } => labels.choose_item.to_string(),
        Purpose::Session { .. } => labels.choose_session.to_string(),
        Purpose::Paper(crate::app::Paper::Session(id)) => {
            let session = crate::edit::Owner::Session(id.clone());
            one_line(&format!("{}: {}", labels.report_for, keys.owner(&session)))
        }
        Purpose::Paper(crate::app::Paper::Motion(id)) => {
            one_line(&format!("{}: {}", labels.letter_to, keys.motion(id)))
        }
    };
    let width = area.width.min(70);
    let height = area.height.min(choice.options.len() as u16 + 4);
    let popup = theme::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(fit(&format!(" {title} "), width.saturating_sub(2).into()))
        .border_style(Style::new().fg(crate::theme::palette().accent));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows = usize::from(inner.height.saturating_sub(1));
    let skip = choice.cursor.saturating_sub(rows.saturating_sub(1));
    let mut lines: Vec<Line> = choice
        .options
        .iter()
        .enumerate()
        .skip(skip)
        .take(rows)
        .map(|(i, (words, _))| {
            let (marker, style) = if i == choice.cursor {
                (theme::MARKER, theme::selected())
            } else {
                ("  ", Style::new())
            };
            let text = fit(&one_line(words), usize::from(inner.width).saturating_sub(2));
            Line::from(vec![Span::raw(marker), Span::styled(text, style)])
        })
        .collect();
    lines.push(Line::from(Span::styled(
        super::hints::text(app, texts),
        theme::dim(),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}
