//! The dialog after a crash: the changes that were not saved and the forms
//! being filled in, to put back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme::{self, one_line};
use crate::app::{App, Rescue};
use crate::edit::{Change, Field};
use crate::i18n::Texts;

pub(super) fn draw(frame: &mut Frame, area: Rect, app: &App, rescue: &Rescue, texts: &dyn Texts) {
    let labels = texts.labels();
    let mut lines = vec![Line::from(labels.recovery_intro), Line::default()];
    let keys = crate::i18n::Keys::new(&app.keymap, texts).with_data(app.data());
    lines.extend(rescue.changes.iter().map(|c| {
        let mut said = texts.describe(c, &keys);
        // An answer by its start: which text it was tells more than that
        // there was one.
        if let Change::Question(q) = c
            && let Field::Answer(Some(answer)) = &q.after
        {
            said.push_str(&format!(" „{}“", crate::text::gist(answer, 50)));
        }
        Line::from(format!("• {}", one_line(&said)))
    }));
    lines.extend(rescue.forms.iter().map(|form| {
        let typed = (form.fields.iter())
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(key, text)| {
                let text = crate::text::gist(text, 40);
                format!("{} „{text}“", texts.field_label(key))
            })
            .take(2)
            .collect::<Vec<_>>()
            .join(", ");
        let title = super::form::title(&form.target, app, texts);
        Line::from(format!("• {}: {}", one_line(&title), one_line(&typed)))
    }));
    lines.push(Line::default());
    let keys = super::hints::text(app, texts);
    lines.push(Line::from(keys).style(Style::new().fg(crate::theme::palette().accent)));
    let width = area.width.min(70);
    let height = area.height.min(lines.len() as u16 + 4);
    let popup = theme::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", labels.recovery_title))
        .border_style(Style::new().fg(crate::theme::palette().warn));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        popup,
    );
}
