//! Editing text of a question: the answer in a multi-line editor, the
//! assignee (with completion) and the due date on one line, the answer in
//! the user's own editor.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use super::{App, Effect, Note, Overlay};
use crate::edit::Field;
use crate::external::ExternalResult;
use crate::input::Action;
use crate::search::fold;

/// An editor open over the screen.
#[derive(Debug, Clone)]
pub enum Editing {
    /// The answer, many lines. `confirm` while asking whether to keep it.
    Answer {
        area: TextArea<'static>,
        original: String,
        confirm: bool,
        target: Box<Target>,
    },
    /// One line: who answers, or by when.
    Line {
        field: LineField,
        area: TextArea<'static>,
        /// The suggestion chosen with Tab or ↓, if any.
        chosen: Option<usize>,
        /// Shown under the line after a refused entry.
        refused: bool,
    },
}

/// The question an answer editor writes to, fixed when it opens: the
/// editor stays with it whatever a reload does beneath it (a worklist
/// that reorders, a file that stops reading), and what is typed is saved
/// to it or kept as a change not saved, never lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The question as it was: `before` its answer then (`after` unused).
    pub question: crate::edit::QuestionChange,
    /// Its motion's file, relative to the data folder.
    pub path: std::path::PathBuf,
}

impl Target {
    /// The answer as it was when the editor opened.
    pub fn answer(&self) -> String {
        match &self.question.before {
            Field::Answer(answer) => answer.clone().unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// Its question in `data` now: its motion's place there and the
    /// question's index. By number and text where it was, else by its
    /// text wherever it went (a question put in before it renumbers it).
    pub fn find(&self, data: &crate::model::Dataset) -> Option<(usize, usize)> {
        let asked = &self.question;
        let same_text = |q: &crate::model::Question| asked.text.as_ref() == Some(&q.text);
        let motion = data.motions.iter().position(|m| m.id == asked.motion)?;
        let questions = &data.motions[motion].questions;
        let index = match questions.get(asked.index) {
            Some(q) if q.number == asked.number && same_text(q) => Some(asked.index),
            _ => questions.iter().position(same_text),
        }?;
        Some((motion, index))
    }
}

/// A key typed into a text: as the text area takes it, but Ctrl-U
/// deletes back to the start of the line, as in a shell (the text area
/// would undo).
pub(super) fn type_into(area: &mut TextArea<'static>, key: KeyEvent) {
    if key.code == KeyCode::Char('u') && key.modifiers == KeyModifiers::CONTROL {
        area.delete_line_by_head();
    } else {
        area.input(key);
    }
}

/// A text area's view from its first line again, its cursor where it
/// was: the next frame shows as much as fits above the cursor. After the
/// window grew, the view kept where it was would leave the start hidden
/// over empty rows.
pub(super) fn refit(area: &mut TextArea<'static>) {
    let ratatui_textarea::DataCursor(row, col) = area.cursor();
    // (Not i16::MIN: the crate negates it.)
    area.scroll((-i16::MAX, 0));
    let row = u16::try_from(row).unwrap_or(u16::MAX);
    let col = u16::try_from(col).unwrap_or(u16::MAX);
    area.move_cursor(ratatui_textarea::CursorMove::Jump(row, col));
}

impl super::App {
    /// The wheel: the list or text on screen moves; in the help and the
    /// answer being typed, those scroll.
    pub(super) fn wheel(&mut self, lines: i64) {
        let rows = lines.clamp(-100, 100) as i16;
        let help_rows = self.help_rows();
        // In the filter menu the wheel moves its cursor.
        if matches!(self.overlay, Some(super::Overlay::FilterMenu(_))) {
            let step = match lines < 0 {
                true => crate::input::Action::Up,
                false => crate::input::Action::Down,
            };
            for _ in 0..lines.unsigned_abs().min(100) {
                self.act(step);
            }
            return;
        }
        match &mut self.overlay {
            None => self.move_by(lines),
            Some(super::Overlay::Help(at)) => {
                *at = at.saturating_add_signed(rows).min(help_rows);
            }
            Some(super::Overlay::Editor(editing)) => {
                if let Editing::Answer { area, .. } = editing.as_mut() {
                    area.scroll((rows, 0));
                }
            }
            Some(_) => {}
        }
    }

    /// After a resize: every open text area shown from its start again.
    pub(super) fn refit_editors(&mut self) {
        match &mut self.overlay {
            Some(super::Overlay::Editor(editing)) => match editing.as_mut() {
                Editing::Answer { area, .. } | Editing::Line { area, .. } => refit(area),
            },
            Some(super::Overlay::Form(form)) => {
                for field in &mut form.fields {
                    refit(&mut field.area);
                }
            }
            _ => {}
        }
    }
}

/// Which one-line field is being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineField {
    Assignee,
    Due,
}

fn text_area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut area = TextArea::new(if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    });
    // Long lines wrap at words: the start of one's sentence stays in view.
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

pub use crate::edit::tidy_answer;

impl App {
    /// `e`: the answer of the question under the cursor in the editor.
    pub(super) fn open_answer_editor(&mut self) {
        if let Some(target) = self.answer_target() {
            let original = target.answer();
            self.overlay = Some(Overlay::Editor(Box::new(Editing::Answer {
                area: text_area(&original),
                original,
                confirm: false,
                target: Box::new(target),
            })));
        }
    }

    /// The answer of the question under the cursor, as a change that
    /// changes nothing yet, and its motion's file.
    fn answer_target(&self) -> Option<Target> {
        let (motion, index) = self.current_question()?;
        let question = &motion.questions[index];
        let answer = Field::Answer(question.answer.clone());
        Some(Target {
            question: crate::edit::QuestionChange {
                motion: motion.id.clone(),
                index,
                number: question.number.clone(),
                text: Some(question.text.clone()),
                before: answer.clone(),
                after: answer,
            },
            path: self.data().path(motion.source).to_path_buf(),
        })
    }

    /// `z` and `d`: the assignee or due date on one line.
    pub(super) fn open_line_editor(&mut self, field: LineField) {
        if let Some((_, question)) = self.question() {
            let text = match field {
                LineField::Assignee => question.assignee.clone().unwrap_or_default(),
                LineField::Due => question.due.map(crate::dates::date).unwrap_or_default(),
            };
            // The value there is marked: typing replaces it, an arrow key
            // keeps it to change, as in any dialog field.
            let mut area = text_area(&text);
            if !text.is_empty() {
                area.select_all();
                let marked = ratatui::style::Style::new();
                area.set_selection_style(marked.add_modifier(ratatui::style::Modifier::REVERSED));
            }
            self.overlay = Some(Overlay::Editor(Box::new(Editing::Line {
                field,
                area,
                chosen: None,
                refused: false,
            })));
        }
    }

    /// `E`: the answer in the user's own editor.
    pub(super) fn open_external_editor(&mut self) {
        if let Some(target) = self.answer_target() {
            let text = target.answer();
            let draft = target.question;
            let dir = self.dir.clone();
            self.emit(Effect::EditExternal {
                text,
                draft: Some(crate::external::DraftOf { dir, change: draft }),
            });
        }
    }

    /// What the user's editor gave back.
    pub(super) fn external_done(&mut self, result: ExternalResult) {
        match result {
            ExternalResult::Edited(text) => self.edit(Field::Answer(tidy_answer(&text))),
            ExternalResult::Missing(command) => self.note = Some(Note::EditorMissing { command }),
            ExternalResult::Failed(command, code, kept) => {
                self.note = Some(Note::EditorFailed {
                    command,
                    code,
                    kept,
                });
            }
        }
    }

    /// Assignees already used in the data that fit what is typed, best first.
    pub fn assignee_suggestions(&self, typed: &str) -> Vec<String> {
        let typed = fold(typed.trim());
        let data = self.data();
        // The departments already named, and the offices in charge (as
        // the council system names them): borrowed, each once.
        let names: std::collections::BTreeSet<&str> = (data.motions.iter())
            .flat_map(|m| m.questions.iter().filter_map(|q| q.assignee.as_deref()))
            .chain(data.motions.iter().filter_map(|m| m.office.as_deref()))
            .collect();
        // The office in charge of this question's motion first.
        let own = self
            .current_question()
            .and_then(|(m, _)| m.office.as_deref());
        let mut fitting: Vec<(bool, bool, &str)> = names
            .into_iter()
            .map(|n| (fold(n), n))
            .filter(|(folded, _)| folded.contains(&typed))
            .map(|(folded, n)| (Some(n) != own, !folded.starts_with(&typed), n))
            .collect();
        // Names that begin with what is typed first, then those containing it.
        fitting.sort();
        fitting.into_iter().map(|(_, _, n)| n.to_string()).collect()
    }

    /// The editor, taken out of the overlay while a key works on it.
    fn take_editor(&mut self) -> Option<Editing> {
        match self.overlay.take() {
            Some(Overlay::Editor(editing)) => Some(*editing),
            other => {
                self.overlay = other;
                None
            }
        }
    }

    /// After a due date was set: said where it falls after the session
    /// of the question's motion (the answer would come too late), which
    /// lists and `agenda due` do not show; or where it has passed already
    /// (often a slip of the year), so that it is overdue at once.
    fn warn_after_session(&mut self, due: Option<chrono::NaiveDate>) {
        let (Some(due), Some((motion, _))) = (due, self.current_question()) else {
            return;
        };
        if due < self.env.today {
            self.note = Some(Note::DueInPast { due });
            return;
        }
        let session = self.deadlines().first_session(motion);
        let date = session.map(|s| self.data().sessions[s].date);
        if let Some(session) = date.filter(|&date| due > date) {
            self.note = Some(Note::DueAfterSession { due, session });
        }
    }

    /// An action while an editor is open.
    pub(super) fn editor_action(&mut self, action: Action) {
        let Some(editing) = self.take_editor() else {
            return;
        };
        let next = match editing {
            Editing::Answer {
                area,
                original,
                confirm: true,
                target,
            } => match action {
                Action::Accept | Action::Keep | Action::Save => {
                    self.save_answer(&target, &original, tidy_answer(&area.lines().join("\n")));
                    None
                }
                Action::Discard => {
                    let editing = Editing::Answer {
                        area,
                        original,
                        confirm: false,
                        target,
                    };
                    self.set_aside(Overlay::Editor(Box::new(editing)));
                    None
                }
                _ => Some(Editing::Answer {
                    area,
                    original,
                    confirm: false,
                    target,
                }),
            },
            Editing::Answer {
                area,
                original,
                confirm: false,
                target,
            } => {
                let text = area.lines().join("\n");
                match action {
                    Action::Save => {
                        self.save_answer(&target, &original, tidy_answer(&text));
                        None
                    }
                    Action::Cancel if text == original => None,
                    Action::Cancel => Some(Editing::Answer {
                        area,
                        original,
                        confirm: true,
                        target,
                    }),
                    _ => Some(Editing::Answer {
                        area,
                        original,
                        confirm: false,
                        target,
                    }),
                }
            }
            Editing::Line {
                field,
                mut area,
                chosen,
                refused,
            } => self
                .line_action(field, &mut area, chosen, refused, action)
                .map(|(chosen, refused)| Editing::Line {
                    field,
                    area,
                    chosen,
                    refused,
                }),
        };
        if let Some(editing) = next {
            self.overlay = Some(Overlay::Editor(Box::new(editing)));
        }
    }

    /// A key typed into the editor.
    pub(super) fn editor_typed(&mut self, key: KeyEvent) {
        let Some(mut editing) = self.take_editor() else {
            return;
        };
        match &mut editing {
            // Asked whether to keep it, any other key goes back to writing.
            Editing::Answer { confirm, .. } if *confirm => *confirm = false,
            Editing::Answer { area, .. } => type_into(area, key),
            Editing::Line {
                area,
                chosen,
                refused,
                ..
            } => {
                // One line: no line breaks.
                let ctrl_m =
                    key.code == KeyCode::Char('m') && key.modifiers.contains(KeyModifiers::CONTROL);
                if !ctrl_m && key.code != KeyCode::Enter {
                    type_into(area, key);
                    *chosen = None;
                    *refused = false;
                }
            }
        }
        self.overlay = Some(Overlay::Editor(Box::new(editing)));
    }

    /// An action in the one-line editor; `None` closes it.
    fn line_action(
        &mut self,
        field: LineField,
        area: &mut TextArea<'static>,
        chosen: Option<usize>,
        refused: bool,
        action: Action,
    ) -> Option<(Option<usize>, bool)> {
        let typed = area.lines().join(" ");
        let suggestions = match field {
            LineField::Assignee => self.assignee_suggestions(&typed),
            LineField::Due => Vec::new(),
        };
        let step = |by: isize| {
            let count = suggestions.len() as isize;
            (count > 0).then(|| {
                let at = chosen.map_or(if by > 0 { -1 } else { 0 }, |c| c as isize);
                (at + by).rem_euclid(count) as usize
            })
        };
        match action {
            Action::Cancel => None,
            Action::Next => Some((step(1), refused)),
            Action::Previous => Some((step(-1), refused)),
            // → at the end takes the suggestion (the chosen one, else the
            // first), as in the forms; elsewhere it moves the cursor.
            Action::Complete => {
                let at_end = area.cursor().1 >= typed.chars().count();
                let taken = chosen.or(Some(0)).and_then(|c| suggestions.get(c));
                match taken {
                    Some(taken) if at_end => {
                        // One line: emptied, then the suggestion typed in.
                        area.move_cursor(CursorMove::Head);
                        area.delete_line_by_end();
                        area.insert_str(taken);
                        Some((None, refused))
                    }
                    _ => {
                        area.move_cursor(CursorMove::Forward);
                        Some((chosen, refused))
                    }
                }
            }
            Action::Accept => {
                let text = chosen
                    .and_then(|c| suggestions.get(c).cloned())
                    .unwrap_or(typed);
                match field {
                    LineField::Assignee => {
                        // A name known but typed otherwise ("sozialamt"):
                        // the one already used, so that one office is not
                        // listed twice.
                        let known = (suggestions.iter())
                            .find(|n| fold(n.trim()) == fold(text.trim()) && chosen.is_none());
                        let text = known.cloned().unwrap_or(text);
                        let who = text.trim();
                        self.edit(Field::Assignee((!who.is_empty()).then(|| who.to_string())));
                        None
                    }
                    LineField::Due => match crate::dates::parse_due(&text) {
                        // A date decades away is a slip of the year.
                        Ok(Some(due)) if !crate::dates::plausible_due(due, self.env.today) => {
                            self.note = Some(Note::FarDate { typed: text });
                            Some((None, true))
                        }
                        Ok(due) => {
                            self.edit(Field::Due(due));
                            self.warn_after_session(due);
                            None
                        }
                        // Nothing changes; the entry stays to be corrected.
                        Err(crate::dates::NotADate) => {
                            self.note = Some(Note::BadDate { typed: text });
                            Some((None, true))
                        }
                    },
                }
            }
            _ => Some((chosen, refused)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tidy_answer;

    #[test]
    fn answers_lose_trailing_blanks_only() {
        assert_eq!(
            tidy_answer("Zeile 1\n\n  Zeile 3  \n\n"),
            Some("Zeile 1\n\n  Zeile 3".into())
        );
        assert_eq!(tidy_answer(" \n\n"), None);
    }
}
