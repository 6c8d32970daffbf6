//! Colours, symbols and small text helpers shared by every screen.

use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthChar;

use crate::model::Status;

/// The symbol of a status, readable without colour.
pub fn symbol(status: Status) -> &'static str {
    match status {
        Status::Open => "○",
        Status::InProgress => "◐",
        Status::Answered => "●",
    }
}

pub fn status_style(status: Status) -> Style {
    match status {
        Status::Open => Style::new().fg(crate::theme::palette().warn),
        Status::InProgress => Style::new().fg(crate::theme::palette().accent),
        Status::Answered => Style::new().fg(crate::theme::palette().ok),
    }
}

/// How pressing a session is: past with questions open, due within three
/// days, or fine (which includes everything answered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Overdue,
    Soon,
    Fine,
}

pub fn urgency(days: i64, open: usize) -> Urgency {
    match days {
        _ if open == 0 => Urgency::Fine,
        d if d < 0 => Urgency::Overdue,
        d if d <= 3 => Urgency::Soon,
        _ => Urgency::Fine,
    }
}

/// Countdown and gauge colour by urgency.
pub fn urgency_style(days: i64, open: usize) -> Style {
    match urgency(days, open) {
        Urgency::Overdue => Style::new()
            .fg(crate::theme::palette().error)
            .add_modifier(Modifier::BOLD),
        Urgency::Soon => Style::new()
            .fg(crate::theme::palette().warn)
            .add_modifier(Modifier::BOLD),
        Urgency::Fine => Style::new().fg(crate::theme::palette().ok),
    }
}

/// A text gauge: `width` cells, the answered share filled.
pub fn gauge(answered: usize, total: usize, width: usize) -> String {
    if total == 0 || width == 0 {
        return " ".repeat(width);
    }
    let filled = (answered * width + total / 2) / total;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// Marks the selected row where colour alone would not show it.
pub const MARKER: &str = "▸ ";

pub fn bar() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn label() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub fn focus_border(focused: bool) -> Style {
    if focused {
        Style::new().fg(crate::theme::palette().accent)
    } else {
        dim()
    }
}

/// Data text for one line: control characters made visible.
pub fn one_line(text: &str) -> String {
    crate::text::line(text).into_owned()
}

/// Cuts `text` to `width` columns, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            // Room for the ellipsis: drop characters until it fits.
            while used + 1 > width {
                match out.pop() {
                    Some(last) => used -= last.width().unwrap_or(0),
                    None => return String::new(),
                }
            }
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Wraps data text (made safe first) to `width` columns, keeping its own
/// line breaks and blank lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let clean = crate::text::block(text);
    let width = width.max(1);
    clean
        .split('\n')
        .flat_map(|line| {
            if line.is_empty() {
                vec![String::new()]
            } else {
                textwrap::wrap(line, width)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            }
        })
        .collect()
}

/// A scrollbar on the right border of `area` when the text is longer than it.
pub fn scrollbar(frame: &mut ratatui::Frame, area: ratatui::layout::Rect, scroll: u16, max: u16) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
    if max == 0 {
        return;
    }
    let mut state =
        ScrollbarState::new(usize::from(max) + 1).position(usize::from(scroll.min(max)));
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    let inner = area.inner(ratatui::layout::Margin {
        horizontal: 0,
        vertical: 1,
    });
    frame.render_stateful_widget(bar, inner, &mut state);
}

/// A `width` × `height` rectangle in the middle of `area` (cut to fit).
pub fn centered(area: ratatui::layout::Rect, width: u16, height: u16) -> ratatui::layout::Rect {
    use ratatui::layout::{Constraint, Flex, Layout};
    let [column] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(column);
    popup
}

/// "Label: value" wrapped to `width`, the label in bold.
pub fn labelled(label: &str, value: &str, width: usize) -> Vec<ratatui::text::Line<'static>> {
    use ratatui::text::{Line, Span};
    wrap(&format!("{label}: {value}"), width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| match line.strip_prefix(label) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(label.to_string(), self::label()),
                Span::raw(rest.to_string()),
            ]),
            _ => Line::from(line),
        })
        .collect()
}

/// The symbol of a question's due state, readable without colour:
/// overdue `!`, soon `◔`, later `·`, none blank.
pub fn due_symbol(state: crate::deadline::DueState) -> &'static str {
    use crate::deadline::DueState;
    match state {
        DueState::Overdue => "!",
        DueState::Soon => "◔",
        DueState::Later => "·",
        DueState::None => " ",
    }
}

/// The colour of a question's due state: red, yellow, plain.
pub fn due_style(state: crate::deadline::DueState) -> Style {
    use crate::deadline::DueState;
    match state {
        DueState::Overdue => Style::new()
            .fg(crate::theme::palette().error)
            .add_modifier(Modifier::BOLD),
        DueState::Soon => Style::new()
            .fg(crate::theme::palette().warn)
            .add_modifier(Modifier::BOLD),
        DueState::Later | DueState::None => Style::new(),
    }
}

/// A due date as shown: computed ones marked `≈`.
pub fn due_text(due: Option<crate::deadline::Due>) -> String {
    match due {
        Some(d) if d.from_rule => format!("≈{}", crate::i18n::date(d.date)),
        Some(d) => crate::i18n::date(d.date),
        None => "–".into(),
    }
}

/// A question's status symbol and colour; one marked answered without
/// an answer text shows as not done.
pub fn question_symbol(question: &crate::model::Question) -> (&'static str, Style) {
    if question.status == Status::Answered && !question.is_done() {
        return ("◌", Style::new().fg(crate::theme::palette().warn));
    }
    (symbol(question.status), status_style(question.status))
}

/// The terminal's cursor where a text area drawn into `area` has its
/// cursor (screen readers follow it), once it has been drawn this frame.
pub fn text_cursor(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    text: &ratatui_textarea::TextArea<'_>,
) {
    let at = text.screen_cursor();
    let (top, left) = text.scroll_offset();
    let (Some(row), Some(col)) = (
        at.row.checked_sub(usize::from(top)),
        at.col.checked_sub(usize::from(left)),
    ) else {
        return;
    };
    if row < usize::from(area.height) && col < usize::from(area.width) {
        frame.set_cursor_position((area.x + col as u16, area.y + row as u16));
    }
}

/// Where a list of one-line rows in `area` stands, scrolled to `offset`.
pub fn list_at(area: ratatui::layout::Rect, offset: usize) -> crate::app::ListAt {
    crate::app::ListAt {
        top: area.y,
        left: area.x,
        bottom: area.y + area.height,
        offset,
    }
}

/// A list of items of about two lines each, the cursor's marked; paging
/// moves by half a screen.
/// `first` is the index of `items[0]` among the screen's rows.
pub fn two_line_list(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    items: Vec<ratatui::widgets::ListItem>,
    (first, cursor): (usize, usize),
) -> crate::app::Layout {
    let heights: Vec<usize> = items
        .iter()
        .map(ratatui::widgets::ListItem::height)
        .collect();
    let list = ratatui::widgets::List::new(items)
        .highlight_style(selected())
        .highlight_symbol(MARKER);
    let mut state = ratatui::widgets::ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, area, &mut state);
    // Where each item shown ends, for the mouse and the terminal cursor.
    let mut at = crate::app::ItemsAt {
        top: area.y,
        left: area.x,
        first: first + state.offset(),
        ..Default::default()
    };
    let mut end = 0u16;
    for &h in heights.iter().skip(state.offset()) {
        if end >= area.height || at.count == at.ends.len() {
            break;
        }
        end = end.saturating_add(h as u16).min(area.height);
        at.ends[at.count] = end;
        at.count += 1;
    }
    crate::app::Layout {
        page: (area.height / 2).max(1),
        max_scroll: 0,
        list: None,
        form: None,
        items: Some(at),
        help: 0,
        menu: None,
    }
}

/// The rows of a list that show in `height` lines with the cursor on
/// `selected`, the list having shown from row `top` before: it stays
/// there while the cursor shows, else scrolls as little as it takes;
/// `lines` tells how many lines row `i` takes. Only these rows need to be
/// made: a frame costs what it shows, not the length of the list.
pub fn window(
    len: usize,
    selected: usize,
    top: usize,
    height: usize,
    lines: impl Fn(usize) -> usize,
) -> std::ops::Range<usize> {
    if len == 0 {
        return 0..0;
    }
    let selected = selected.min(len - 1);
    let height = height.max(1);
    let fill = |start: usize, mut used: usize| {
        let mut end = selected + 1;
        while end < len && used + lines(end) <= height {
            used += lines(end);
            end += 1;
        }
        start..end
    };
    // Moved above the top: the cursor's row first.
    if selected < top {
        return fill(selected, (selected..=selected).map(&lines).sum());
    }
    // Still in view from where the list stood: it stays.
    let from_top: usize = (top..=selected).map(&lines).sum();
    if from_top <= height {
        return fill(top, from_top);
    }
    // Back from the cursor while the rows still fit, the cursor's row at
    // the bottom once the list is longer than the screen.
    let mut start = selected;
    let mut used = lines(selected);
    while start > 0 && used + lines(start - 1) <= height {
        start -= 1;
        used += lines(start);
    }
    // From the top, if everything up to the cursor fits there.
    let from_top: usize = (0..=selected).map(&lines).sum();
    if from_top <= height {
        start = 0;
        used = from_top;
    }
    let mut end = selected + 1;
    while end < len && used + lines(end) <= height {
        used += lines(end);
        end += 1;
    }
    start..end
}

/// Who answers a question, as shown: its assignee, else the office in
/// charge of its motion marked as such, else "–".
pub fn answerer(
    motion: &crate::model::Motion,
    question: &crate::model::Question,
    texts: &dyn crate::i18n::Texts,
) -> String {
    let own = crate::worklist::department(question.assignee.as_deref());
    match (own, crate::worklist::answerer(motion, question)) {
        (Some(who), _) => who.to_string(),
        (None, Some(office)) => format!("{office} ({})", texts.labels().lead_office),
        (None, None) => "–".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_the_cursor_in_view_as_a_scrolled_list_would() {
        let one = |_| 1;
        assert_eq!(window(100, 0, 0, 20, one), 0..20);
        assert_eq!(window(100, 19, 0, 20, one), 0..20);
        assert_eq!(window(100, 20, 0, 20, one), 1..21);
        assert_eq!(window(100, 99, 0, 20, one), 80..100);
        assert_eq!(window(5, 3, 0, 20, one), 0..5);
        assert_eq!(window(0, 0, 0, 20, one), 0..0);
        // Two-line rows: the cursor's row whole at the bottom.
        let two = |_| 2;
        assert_eq!(window(100, 10, 0, 9, two), 7..11);
        assert_eq!(window(100, 2, 0, 9, two), 0..4);
    }

    #[test]
    fn fit_cuts_at_display_width() {
        assert_eq!(fit("Ausschuss", 20), "Ausschuss");
        assert_eq!(fit("Ausschuss", 5), "Auss…");
        assert_eq!(fit("会議録会議録", 5), "会議…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn no_wrapped_line_starts_with_a_space() {
        let text = "Auf die Stadt Siegen entfallen insgesamt 4,5 Stellen.\nDavon: Koordination 1,0; Case-Management 3,0; Verstetigung 0,5.\n\nGrößere Änderungen sind nicht geplant – Stand: 01.09.2022 \"zitiert\" \\ Backslash Ende.";
        for width in 10..90 {
            for line in wrap(text, width) {
                assert!(!line.starts_with(' '), "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn wrap_keeps_paragraphs_and_neutralises_escapes() {
        assert_eq!(
            wrap("eins zwei drei\n\nvier", 9),
            ["eins zwei", "drei", "", "vier"]
        );
        assert_eq!(wrap("a\u{1b}[2Jb", 20), ["a␛[2Jb"]);
    }
}
