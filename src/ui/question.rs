//! One question in full: text, status, who answers by when, the answer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::{self, fit, one_line, wrap};
use crate::app::{App, Layout};
use crate::i18n::{self, Texts};

pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    id: &str,
    index: usize,
    texts: &dyn Texts,
) -> Layout {
    let labels = texts.labels();
    let Some(motion) = app.data().motion(id) else {
        return Layout::default();
    };
    let Some(question) = motion.questions.get(index) else {
        return Layout::default();
    };
    let title = format!(
        " {} {} · {} ",
        labels.question, question.number, motion.title
    );
    let block =
        Block::bordered().title(fit(&one_line(&title), area.width.saturating_sub(2).into()));
    let inner = block.inner(area);
    let width = usize::from(inner.width);

    let mut lines: Vec<Line> = wrap(&question.text, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme::label())))
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", labels.status), theme::label()),
        Span::styled(
            format!(
                "{} {}",
                theme::symbol(question.status),
                texts.status(question.status)
            ),
            theme::status_style(question.status),
        ),
    ]));
    let mut field =
        |label: &str, value: String| lines.extend(theme::labelled(label, &value, width));
    field(
        labels.assignee,
        question.assignee.clone().unwrap_or_else(|| "–".into()),
    );
    field(
        labels.due,
        question.due.map(i18n::date).unwrap_or_else(|| "–".into()),
    );
    if let Some(at) = question.updated {
        let mut when = format!("{} {}", i18n::date(at.date()), at.format("%H:%M"));
        if let Some(by) = &question.updated_by {
            when.push_str(&format!(" {} {by}", labels.by));
        }
        field(labels.updated, when);
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("{}:", labels.answer),
        theme::label(),
    )));
    match question.answer.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(answer) => lines.extend(wrap(answer, width).into_iter().map(Line::from)),
        None => lines.push(Line::from(Span::styled(labels.no_answer, theme::dim()))),
    }
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((app.place().scroll.min(max_scroll), 0));
    frame.render_widget(paragraph, area);
    theme::scrollbar(frame, area, app.place().scroll, max_scroll);
    Layout {
        page: inner.height,
        max_scroll,
    }
}
