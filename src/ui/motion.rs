//! A motion: its particulars and texts above, its questions below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use super::theme::{self, fit, one_line, wrap};
use crate::app::{App, Layout, Pane};
use crate::i18n::{self, Texts};
use crate::model::Motion;

pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    id: &str,
    texts: &dyn Texts,
) -> Layout {
    let Some(motion) = app.data().motion(id) else {
        return Layout::default();
    };
    let place = app.place();
    // The questions get the room they need, up to three fifths; the texts the rest.
    let wanted = (motion.questions.len().max(1) + 2) as u16;
    let questions_height = wanted.min(area.height * 3 / 5).max(3.min(area.height));
    let [top, bottom] = ratatui::layout::Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(questions_height),
    ])
    .areas(area);

    let focus_details = place.pane == Pane::Details;
    let mut title = match &motion.reference {
        Some(reference) => format!(" {} {reference} ", motion.kind),
        None => format!(" {} ", motion.kind),
    };
    // What is shown may be wrong or missing: said where it is seen.
    if app.has_errors(motion.source) {
        let labels = texts.labels();
        let problems = app
            .keymap
            .name(crate::input::Action::Problems, &labels.keys);
        title.push_str(&format!("⚠ {} ", (labels.file_has_errors)(&problems)));
    }
    let block = Block::bordered()
        .title(fit(&one_line(&title), top.width.saturating_sub(2).into()))
        .border_style(theme::focus_border(focus_details));
    let inner = block.inner(top);
    let lines = details(app, motion, usize::from(inner.width), texts);
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((place.scroll.min(max_scroll), 0));
    frame.render_widget(paragraph, top);
    theme::scrollbar(frame, top, place.scroll, max_scroll);

    let (questions_page, list) = draw_questions(frame, bottom, app, motion, !focus_details, texts);
    if focus_details {
        Layout {
            page: inner.height,
            max_scroll,
            list: None,
            form: None,
            items: None,
            help: 0,
            menu: None,
        }
    } else {
        Layout {
            page: questions_page,
            max_scroll: 0,
            list,
            form: None,
            items: None,
            help: 0,
            menu: None,
        }
    }
}

/// The particulars and texts of a motion as wrapped lines.
fn details(app: &App, motion: &Motion, width: usize, texts: &dyn Texts) -> Vec<Line<'static>> {
    let labels = texts.labels();
    let mut lines: Vec<Line> = wrap(&motion.title, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme::label())))
        .collect();
    let mut field = |label: &str, value: &str| lines.extend(theme::labelled(label, value, width));
    field(labels.kind, &motion.kind);
    if let Some(basis) = &motion.basis {
        field(labels.basis, basis);
    }
    if !motion.submitters.is_empty() {
        field(labels.submitters, &motion.submitters.join(", "));
    }
    if let Some(date) = motion.submitted {
        field(labels.submitted, &i18n::date(date));
    }
    // The session by its committee and date, as people name it.
    if let Some(id) = &motion.session {
        let named = app.data().session(id).map_or_else(
            || id.clone(),
            |s| format!("{}, {}", s.committee, i18n::date(s.date)),
        );
        field(labels.session, &named);
    }
    if let Some(reference) = &motion.reference {
        field(texts.field_label("reference"), reference);
    }
    if let Some(office) = &motion.office {
        field(texts.field_label("office"), office);
    }
    if motion.state != crate::model::MotionState::Active {
        field(texts.field_label("state"), texts.motion_state(motion.state));
    }
    if let Some(to) = &motion.addressee {
        field(labels.addressee, to);
    }
    if !motion.signatories.is_empty() {
        let names: Vec<String> = motion
            .signatories
            .iter()
            .map(|s| match &s.role {
                Some(role) => format!("{} ({role})", s.name),
                None => s.name.clone(),
            })
            .collect();
        field(labels.signatories, &names.join("; "));
    }
    for (label, text) in [
        (labels.proposal, &motion.proposal),
        (labels.rationale, &motion.rationale),
    ] {
        if let Some(text) = text {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                format!("{label}:"),
                theme::label(),
            )));
            lines.extend(wrap(text, width).into_iter().map(Line::from));
        }
    }
    lines
}

/// The questions table; returns how many rows fit, and where they stand.
fn draw_questions(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    motion: &Motion,
    focused: bool,
    texts: &dyn Texts,
) -> (u16, Option<crate::app::ListAt>) {
    let labels = texts.labels();
    let answered = motion.answered();
    let title = match motion.questions.len() {
        0 => format!(" {} ", labels.questions),
        total => format!(
            " {} ({answered}/{total} {}) ",
            labels.questions,
            texts.status(crate::model::Status::Answered)
        ),
    };
    let block = Block::bordered()
        .title(fit(&title, area.width.saturating_sub(2).into()))
        .border_style(theme::focus_border(focused));
    let inner = block.inner(area);
    if motion.questions.is_empty() {
        frame.render_widget(Paragraph::new(labels.no_questions).block(block), area);
        return (inner.height, None);
    }
    let deadlines = app.deadlines();
    // Who and by when where there is room and something to show.
    let who = inner.width >= 76
        && (motion.questions.iter()).any(|q| crate::worklist::answerer(motion, q).is_some());
    let when = inner.width >= 56
        && motion
            .questions
            .iter()
            .any(|q| deadlines.due(motion, q).is_some());
    // Who answers: as wide as the longest name, up to a third of the
    // width, cut with "…" beyond.
    let who_width = (motion.questions.iter())
        .map(|q| unicode_width::UnicodeWidthStr::width(theme::answerer(motion, q, texts).as_str()))
        .max()
        .unwrap_or(0)
        .clamp(8, usize::from(inner.width / 3).max(8));
    let visible = app.questions_shown(motion);
    let rows: Vec<Row> = visible
        .iter()
        .map(|&i| &motion.questions[i])
        .map(|q| {
            let (symbol, style) = theme::question_symbol(q);
            let state = deadlines.state(motion, q, app.env.today);
            // Still owed, and due after the session: too late there.
            let session = deadlines.session_date(motion);
            let late = state != crate::deadline::DueState::None
                && state != crate::deadline::DueState::Overdue
                && (deadlines.due(motion, q).zip(session)).is_some_and(|(d, s)| d.date > s);
            let due_sign = match late {
                true => Span::styled(
                    "⚠",
                    ratatui::style::Style::new().fg(crate::theme::palette().warn),
                ),
                false => Span::styled(theme::due_symbol(state), theme::due_style(state)),
            };
            let mut cells = vec![
                Cell::from(Span::styled(symbol, style)),
                Cell::from(due_sign),
                Cell::from(one_line(&q.number)),
                Cell::from(one_line(&q.text)),
            ];
            if who {
                let answerer = one_line(&theme::answerer(motion, q, texts));
                cells.push(Cell::from(theme::fit(&answerer, who_width)));
            }
            if when {
                cells.push(Cell::from(Span::styled(
                    theme::due_text(deadlines.due(motion, q)),
                    theme::due_style(state),
                )));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Fill(1),
    ];
    if who {
        widths.push(Constraint::Length(who_width as u16));
    }
    if when {
        widths.push(Constraint::Length(11));
    }
    let highlight = if focused {
        theme::selected()
    } else {
        ratatui::style::Style::new()
    };
    let table = Table::new(rows, widths)
        .block(block)
        .row_highlight_style(highlight)
        .highlight_symbol(if focused { theme::MARKER } else { "  " })
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = TableState::default()
        .with_offset(app.place().top)
        .with_selected(Some(app.place().selected));
    frame.render_stateful_widget(table, area, &mut state);
    (inner.height, Some(theme::list_at(inner, state.offset())))
}
