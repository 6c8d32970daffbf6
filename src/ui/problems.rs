//! Every load problem, wrapped in full.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{ListItem, Paragraph};

use super::theme::{self, wrap};
use crate::app::{App, Layout};
use crate::edit::Field;
use crate::i18n::{self, Texts};

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App, texts: &dyn Texts) -> Layout {
    let diagnostics = &app.loaded.diagnostics;
    if diagnostics.is_empty()
        && app.journal.pending.is_empty()
        && app.journal.conflicts.is_empty()
        && app.notices.is_empty()
    {
        frame.render_widget(Paragraph::new(texts.labels().no_problems), area);
        return Layout::default();
    }
    let width = usize::from(area.width).saturating_sub(theme::MARKER.chars().count());
    let item = |text: &str, style: Style| {
        let lines: Vec<Line> = wrap(text, width).into_iter().map(Line::from).collect();
        ListItem::new(Text::from(lines)).style(style)
    };
    // Changes of this user first: what is not saved, then what met a conflict.
    let keys = i18n::Keys::new(&app.keymap, texts).with_data(app.data());
    let waiting = app.journal.pending.iter().map(|c| {
        item(
            &texts.waiting(c, &keys),
            Style::new().fg(crate::theme::palette().accent),
        )
    });
    let labels = texts.labels();
    let conflicts = app.journal.conflicts.iter().map(|c| {
        // What the file holds now, not when the conflict arose: it may
        // have changed again since (a colleague, a file put back).
        let c = &crate::edit::Conflict {
            theirs: match c.ours.as_question() {
                Some(q) => crate::edit::theirs_now(app.data(), q),
                None => c.theirs.clone(),
            },
            ours: c.ours.clone(),
        };
        let mut text = texts.conflict(c, &keys);
        // Both values of a record's fields, in full, to choose between.
        if let crate::edit::Change::Record(r) = &c.ours {
            let (file, yours) = (labels.conflict_theirs, labels.conflict_ours);
            let data = app.data();
            let shown = |key: &str, value: Option<&str>| {
                let value = i18n::plain_value(value).unwrap_or_default();
                format!("{}: {value}", texts.field_label(key))
            };
            let theirs: Vec<String> = (r.after.iter())
                .map(|(k, _)| {
                    let now = crate::edit::record::current(data, &r.owner, &r.part, k);
                    shown(k, now.flatten().as_deref())
                })
                .collect();
            let ours: Vec<String> = (r.after.iter())
                .map(|(k, v)| shown(k, v.as_deref()))
                .collect();
            text.push_str(&format!(
                "\n{file}\n{}\n{yours}\n{}",
                theirs.join("\n"),
                ours.join("\n")
            ));
        }
        // Two answers are chosen between in full: their starts alone do
        // not tell which one to keep.
        if let Some(q) = c.ours.as_question()
            && let Field::Answer(ours) = &q.after
        {
            let theirs = match &c.theirs {
                Some(Field::Answer(theirs)) => theirs.as_deref().unwrap_or_default(),
                _ => "",
            };
            let ours = ours.as_deref().unwrap_or_default();
            let (file, yours) = (labels.conflict_theirs, labels.conflict_ours);
            text.push_str(&format!("\n{file}\n{theirs}\n{yours}\n{ours}"));
        }
        item(&text, Style::new().fg(crate::theme::palette().conflict))
    });
    // What a pull or a sync told, until Del.
    let done = (texts.labels().notice_done)(&keys.get(crate::input::Action::Delete));
    let notices = app.notices.iter().map(|n| {
        let text = match n {
            crate::app::Notice::Pulled(say) => texts.oparl(say),
            crate::app::Notice::Synced(outcome) => texts.sync_outcome(outcome).join(" "),
        };
        item(
            &format!("{text} {done}"),
            Style::new().fg(crate::theme::palette().warn),
        )
    });
    let files = diagnostics.iter().map(|d| {
        let line = i18n::diagnostic(std::path::Path::new(""), d, texts);
        let style = if d.is_error() {
            Style::new().fg(crate::theme::palette().error)
        } else {
            Style::new().fg(crate::theme::palette().warn)
        };
        item(&line, style)
    });
    let items: Vec<ListItem> = waiting
        .chain(conflicts)
        .chain(notices)
        .chain(files)
        .collect();
    theme::two_line_list(frame, area, items, (0, app.place().selected))
}
