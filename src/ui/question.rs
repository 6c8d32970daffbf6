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
    let (symbol, style) = theme::question_symbol(question);
    let standing = match question.status == crate::model::Status::Answered && !question.is_done() {
        true => labels.answered_no_text,
        false => texts.status(question.status),
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", labels.status), theme::label()),
        Span::styled(format!("{symbol} {standing}"), style),
    ]));
    let deadlines = app.deadlines();
    let due = deadlines.due(motion, question);
    let state = deadlines.state(motion, question, app.env.today);
    let mut styled = |label: &str, value: String, style: ratatui::style::Style| {
        let block = theme::labelled(label, &value, width);
        lines.extend(block.into_iter().map(|l| l.patch_style(style)));
    };
    let plain = ratatui::style::Style::new();
    styled(
        labels.assignee,
        super::theme::answerer(motion, question, texts),
        plain,
    );
    let due_line = match due {
        Some(d) => {
            let mut text = i18n::date(d.date);
            if d.from_rule {
                text.push_str(&format!(" ({})", labels.by_rule));
            }
            if state != crate::deadline::DueState::None {
                let left = texts.due_in((d.date - app.env.today).num_days());
                text = format!("{} {text}, {left}", theme::due_symbol(state));
            }
            // A date set by hand after the session: the answer would come
            // late (an answer given already is not late).
            let session = deadlines
                .first_session(motion)
                .map(|i| &app.data().sessions[i])
                .filter(|_| !question.is_done());
            if let Some(session) = session.filter(|s| d.date > s.date) {
                text.push_str(&format!(
                    " – {}",
                    (labels.due_after_session)(&i18n::date(session.date))
                ));
            }
            text
        }
        None => "–".into(),
    };
    styled(labels.due, due_line, theme::due_style(state));
    if let Some(at) = question.updated {
        let mut when = format!("{} {}", i18n::date(at.date()), at.format("%H:%M"));
        if let Some(by) = &question.updated_by {
            when.push_str(&format!(" {} {by}", labels.by));
        }
        styled(labels.updated, when, plain);
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
        list: None,
        form: None,
        items: None,
        help: 0,
        menu: None,
        page: inner.height,
        max_scroll,
    }
}
