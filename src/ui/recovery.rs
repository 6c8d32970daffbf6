//! The dialog after a crash: the changes that were not saved, to put back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme::{self, one_line};
use crate::app::{App, Change};
use crate::i18n::Texts;

pub(super) fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    changes: &[Change],
    texts: &dyn Texts,
) {
    let labels = texts.labels();
    let mut lines = vec![Line::from(labels.recovery_intro), Line::default()];
    lines.extend(changes.iter().map(|c| {
        Line::from(format!(
            "• {}",
            one_line(&texts.describe(
                c,
                &crate::i18n::Keys::new(&app.keymap, texts).with_data(app.data())
            ))
        ))
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
