//! The view: draws the state, changes nothing. Reports back how much fits,
//! so `update` can page and scroll to the right place.

mod editor;
mod filter;
mod finder;
mod form;
mod help;
mod hints;
mod history;
mod motion;
mod problems;
mod question;
mod recovery;
mod session;
mod sessions;
pub mod theme;
mod worklist;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::rows::SessionKey;
use crate::app::{App, Layout, Note, Overlay, Screen};
use crate::i18n::{self, Keys, Texts};
use theme::{fit, one_line};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, texts: &dyn Texts) -> Layout {
    let area = frame.area();
    let keys = Keys::new(&app.keymap, texts).with_data(app.data());
    let note = app.note.as_ref().map(|n| texts.note(n, &keys));
    // Up to a fifth of the screen (two lines at least, five at most); a
    // note cut there ends in "…".
    let room = usize::from(area.height / 5).clamp(2, 5);
    let mut note_text = note
        .as_deref()
        .map(|n| theme::wrap(n, area.width.into()))
        .unwrap_or_default();
    if note_text.len() > room {
        note_text.truncate(room);
        if let Some(last) = note_text.last_mut() {
            *last = fit(&format!("{last} …"), area.width.into());
        }
    }
    let note_lines = note_text.len() as u16;
    let filter_line = u16::from(app.filter.is_active());
    let [header, filter_area, body, note_area, footer] = ratatui::layout::Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(filter_line),
        Constraint::Min(0),
        Constraint::Length(note_lines),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, app, texts);
    if filter_line > 0 {
        let line = filter::summary(&app.filter, texts, area.width.into());
        let style = Style::new()
            .fg(crate::theme::palette().accent)
            .add_modifier(ratatui::style::Modifier::BOLD);
        frame.render_widget(Paragraph::new(line).style(style), filter_area);
    }
    // The finder covers the screen below it: no work drawing what is hidden.
    let mut layout = match &app.place().screen {
        _ if app.finder().is_some() => Layout::default(),
        Screen::Sessions => sessions::draw(frame, body, app, texts),
        Screen::Session(key) => session::draw(frame, body, app, key, texts),
        Screen::Motion(id) => motion::draw(frame, body, app, id, texts),
        Screen::Question(id, index) => question::draw(frame, body, app, id, *index, texts),
        Screen::Problems => problems::draw(frame, body, app, texts),
        Screen::Worklist => worklist::draw(frame, body, app, texts),
        Screen::History(..) => history::draw(frame, body, app, texts),
    };
    // The terminal's cursor on the selected row: screen readers follow it.
    if app.overlay.is_none()
        && let Some(items) = layout.items
    {
        if let Some(row) = items.row_of(app.place().selected) {
            frame.set_cursor_position((items.left, row));
        }
    } else if app.overlay.is_none()
        && let Some(list) = layout.list
        && let Some(row) = app.place().selected.checked_sub(list.offset)
        && list.top + (row as u16) < list.bottom
    {
        frame.set_cursor_position((list.left, list.top + row as u16));
    }
    if note.is_some() {
        let style = note_style(app.note.as_ref());
        let lines: Vec<Line> = note_text.into_iter().map(Line::from).collect();
        frame.render_widget(Paragraph::new(lines).style(style), note_area);
    }
    frame.render_widget(
        Paragraph::new(hints::line(app, texts, footer.width.into())),
        footer,
    );
    // Finder, editors and forms cover everything between the header and
    // the note: what a key in them did (a letter refused) is seen.
    let over = Rect {
        y: area.y + 1.min(area.height),
        height: area.height.saturating_sub(2 + note_lines),
        ..area
    };
    match &app.overlay {
        None => {}
        Some(Overlay::FilterMenu(cursor)) => {
            layout.menu = Some(filter::draw_menu(frame, body, app, *cursor, texts));
        }
        Some(Overlay::Finder(finder)) => {
            layout.items = Some(finder::draw(frame, over, app, finder, texts));
        }
        Some(Overlay::Editor(editing)) => editor::draw(frame, over, app, editing, texts),
        Some(Overlay::Offer(rescue)) => recovery::draw(frame, area, app, rescue, texts),
        Some(Overlay::Help(scroll)) => layout.help = help::draw(frame, area, app, *scroll, texts),
        Some(Overlay::Form(form)) => layout.form = Some(form::draw(frame, over, app, form, texts)),
        Some(Overlay::Ask(change)) => form::draw_ask(frame, area, app, change, texts),
        Some(Overlay::Choose(choice)) => form::draw_choice(frame, area, app, choice, texts),
    }
    layout
}

fn note_style(note: Option<&Note>) -> Style {
    match note {
        Some(Note::Saved { .. }) => Style::new().fg(crate::theme::palette().ok),
        Some(Note::Reloaded { conflicts, .. }) if conflicts.is_empty() => Style::new(),
        Some(Note::NoMotionHere) => Style::new(),
        _ => Style::new().fg(crate::theme::palette().warn),
    }
}

/// Where you are: the path of screens on the left, the session's date and
/// countdown on the right.
fn draw_header(frame: &mut Frame, area: Rect, app: &App, texts: &dyn Texts) {
    let labels = texts.labels();
    let data = app.data();
    let mut crumbs = vec![labels.sessions.to_string()];
    let mut session = None;
    for place in &app.stack[1..] {
        match &place.screen {
            Screen::Session(SessionKey::Id(id)) => {
                if let Some(s) = data.session(id) {
                    crumbs.push(s.committee.clone());
                    session = Some(s);
                }
            }
            Screen::Session(SessionKey::Unplaced) => crumbs.push(texts.without_session().into()),
            // Names, not ids: the motion by its title.
            Screen::Motion(id) => crumbs.push(
                data.motion(id)
                    .map_or_else(|| id.clone(), |m| m.title.clone()),
            ),
            Screen::Question(id, index) => {
                if let Some(q) = data.motion(id).and_then(|m| m.questions.get(*index)) {
                    crumbs.push(format!("{} {}", labels.question, q.number));
                }
            }
            Screen::Problems => crumbs.push(labels.problems.into()),
            Screen::History(..) => crumbs.push(labels.history.into()),
            Screen::Worklist => {
                crumbs.push(labels.worklist.into());
                // What is opened from here is at its own session.
                session = None;
            }
            Screen::Sessions => {}
        }
    }
    // A motion opened from search or review has no session below it.
    if session.is_none()
        && let Some(id) = app.stack.iter().rev().find_map(|p| match &p.screen {
            Screen::Motion(id) | Screen::Question(id, _) => Some(id),
            _ => None,
        })
    {
        // Its first session, by its own `session` or an agenda.
        let deadlines = app.deadlines();
        session = data
            .motion(id)
            .and_then(|m| deadlines.first_session(m))
            .map(|i| &data.sessions[i]);
    }
    let mut right = String::new();
    if let Some(s) = session.filter(|s| s.date != chrono::NaiveDate::MAX) {
        let days = (s.date - app.env.today).num_days();
        right = format!(
            "{} {} · {}",
            texts.weekday(chrono::Datelike::weekday(&s.date)),
            i18n::date(s.date),
            texts.days_left(days)
        );
    }
    let journal = &app.journal;
    if !journal.pending.is_empty() {
        right = format!("● {} {right}", texts.unsaved(journal.pending.len()));
    }
    if !journal.conflicts.is_empty() {
        right = format!(
            "⚠ {} {right}",
            texts.conflict_count(journal.conflicts.len())
        );
    }
    // What a pull or a sync told, to be read under `!`.
    if !app.notices.is_empty() {
        right = format!("! {} {right}", (texts.labels().notices)(app.notices.len()));
    }
    let right = one_line(&right);
    let width = usize::from(area.width);
    let right_width = text_width(&right).min(width);
    let room = width.saturating_sub(right_width + 2);
    // Where you are matters most: drop the outer levels first.
    let mut crumbs: Vec<String> = crumbs.iter().map(|c| one_line(c)).collect();
    let mut left = format!(" {}", crumbs.join(" › "));
    while text_width(&left) > room && crumbs.len() > 1 {
        crumbs.remove(0);
        left = format!(" … › {}", crumbs.join(" › "));
    }
    let left = fit(&left, room);
    let pad = width.saturating_sub(text_width(&left) + right_width);
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(fit(&right, width)),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme::bar()), area);
}

fn text_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}
