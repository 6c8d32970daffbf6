//! A form over the screen: one labelled field a line, to create a record
//! or change every field of one. Tab/↓ and Shift-Tab/↑ move between
//! fields, typing edits the field, Enter takes a suggestion or goes on,
//! Ctrl-S saves, Esc asks before throwing away what was typed.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{CursorMove, TextArea};
use serde::{Deserialize, Serialize};

use super::{App, Overlay};
use crate::input::Action;

/// What a form creates or changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormTarget {
    NewSession,
    Session(String),
    NewItem {
        session: String,
    },
    Item {
        session: String,
        index: usize,
    },
    /// A new motion; from an imported letter, with what the form does
    /// not show (its questions, a session to make).
    NewMotion {
        session: Option<String>,
        draft: Option<Box<Draft>>,
    },
    /// A letter to import: a file, or its text pasted.
    Import,
    Motion(String),
    NewQuestion {
        motion: String,
    },
    Question {
        motion: String,
        index: usize,
    },
}

/// What an imported letter brings beside the form's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub questions: Vec<(String, String)>,
    /// The session to make first, where the letter's is not there yet.
    pub new_session: Option<crate::edit::Change>,
}

/// What a field takes, and how it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    /// Text that must not be empty.
    Required,
    Date,
    RequiredDate,
    /// 17:00
    Time,
    /// ja / nein, toggled by any key.
    Flag,
    /// Comma-separated texts.
    List,
    /// "Name (Rolle); Name (Rolle)".
    People,
    /// Several lines: Enter makes a new one.
    Long,
    /// A file's path, completed from what is there.
    Path,
    /// Motions by their titles, separated by `;`, completed from the data.
    Motions,
}

/// Why a field was refused; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    NotADate,
    NotATime,
    /// Another question of the motion has this number.
    Taken,
    /// A title that is no motion's.
    NoSuchMotion,
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct FormField {
    /// The schema key it fills.
    pub key: &'static str,
    pub input: Input,
    pub area: TextArea<'static>,
    /// The text it started with, to tell whether anything changed.
    pub original: String,
    /// Read from a letter by guessing: to be checked.
    pub unsure: bool,
    /// A value proposed by the app: the first key typed replaces it.
    pub fresh: bool,
    /// Said after the label: a question's number.
    pub tag: Option<String>,
}

impl FormField {
    pub(super) fn new(key: &'static str, input: Input, text: &str) -> FormField {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        FormField {
            key,
            input,
            area,
            original: text.to_string(),
            unsure: false,
            fresh: false,
            tag: None,
        }
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

/// What was typed into a form, kept in the recovery file: a closed
/// terminal or a crash loses nothing typed there either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormRescue {
    pub target: FormTarget,
    /// Each field's schema key and text as typed.
    pub fields: Vec<(String, String)>,
    /// The keys of fields read from a letter by guessing, still to check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsure: Vec<String>,
    /// A letter's questions (one field each), by their numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Option<String>>,
}

/// A form while it is open.
#[derive(Debug, Clone)]
pub struct Form {
    pub target: FormTarget,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// The fields refused on saving, and why: all of them at once, so
    /// that one save says everything to correct.
    pub refused: Vec<(usize, Refusal)>,
    /// Asked whether to keep what was typed.
    pub confirm: bool,
    /// Paths that fit what is typed in a path field, from the runtime.
    pub completions: Vec<String>,
    /// The record's values when the form opened, by key (none for a new
    /// record): a save changes only the fields typed in, and where the
    /// file holds another value by now, that is a conflict, not overwritten.
    pub before: Vec<(&'static str, Option<String>)>,
}

impl Form {
    pub(super) fn new(target: FormTarget, fields: Vec<FormField>) -> Form {
        Form {
            target,
            fields,
            focus: 0,
            refused: Vec::new(),
            confirm: false,
            completions: Vec::new(),
            before: Vec::new(),
        }
    }

    /// Whether anything was typed.
    pub fn changed(&self) -> bool {
        self.fields.iter().any(|f| f.text() != f.original)
    }

    /// What a crash now would lose of it: its texts, if anything was typed.
    pub fn rescue(&self) -> Option<FormRescue> {
        self.changed().then(|| FormRescue {
            target: self.target.clone(),
            fields: (self.fields.iter())
                .map(|f| (f.key.to_string(), f.text()))
                .collect(),
            unsure: (self.fields.iter())
                .filter(|f| f.unsure)
                .map(|f| f.key.to_string())
                .collect(),
            tags: match self.fields.iter().any(|f| f.tag.is_some()) {
                true => self.fields.iter().map(|f| f.tag.clone()).collect(),
                false => Vec::new(),
            },
        })
    }

    /// Whether the form creates a record (else it changes one).
    pub fn creates(&self) -> bool {
        matches!(
            self.target,
            FormTarget::NewSession
                | FormTarget::NewItem { .. }
                | FormTarget::NewMotion { .. }
                | FormTarget::NewQuestion { .. }
                | FormTarget::Import
        )
    }
}

impl App {
    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.overlay {
            Some(Overlay::Form(form)) => Some(form),
            _ => None,
        }
    }

    /// The form, while it is open.
    pub fn form(&self) -> Option<&Form> {
        match &self.overlay {
            Some(Overlay::Form(form)) => Some(form),
            _ => None,
        }
    }

    /// Suggestions for the focused field from what the data already holds
    /// (committees, kinds), best first; empty for other fields.
    pub fn form_suggestions(&self) -> Vec<String> {
        let Some(form) = self.form() else {
            return Vec::new();
        };
        let field = &form.fields[form.focus];
        if field.input == Input::Path {
            // The path typed in full is no suggestion.
            let typed = field.text();
            let others = form.completions.iter().filter(|c| **c != typed);
            return others.take(3).cloned().collect();
        }
        let text = field.text();
        // In a list of motions, what is typed is its last part.
        let typed_part = match field.input {
            Input::Motions => text.rsplit(';').next().unwrap_or_default(),
            _ => text.as_str(),
        };
        let mut known: Vec<String> = match field.key {
            "motions" => self
                .data()
                .motions
                .iter()
                .map(|m| m.title.clone())
                .collect(),
            "committee" => self
                .data()
                .sessions
                .iter()
                .map(|s| s.committee.clone())
                .collect(),
            "office" => self
                .data()
                .motions
                .iter()
                .filter_map(|m| m.office.clone())
                .collect(),
            "kind" => [
                "Antrag",
                "Anfrage",
                "Große Anfrage",
                "Kleine Anfrage",
                "Resolution",
            ]
            .into_iter()
            .map(String::from)
            .chain(self.data().motions.iter().map(|m| m.kind.clone()))
            .collect(),
            _ => return Vec::new(),
        };
        known.sort();
        known.dedup();
        let typed = crate::fold::fold(typed_part.trim());
        if typed.is_empty() && field.input == Input::Motions {
            return Vec::new();
        }
        let mut fitting: Vec<(bool, String)> = known
            .into_iter()
            .map(|k| (crate::fold::fold(&k), k))
            .filter(|(folded, _)| folded.contains(&typed) && *folded != typed)
            .map(|(folded, k)| (!folded.starts_with(&typed), k))
            .collect();
        fitting.sort();
        fitting.into_iter().map(|(_, k)| k).take(3).collect()
    }

    /// An action while a form is open (or asks whether to keep it).
    pub(super) fn form_action(&mut self, action: Action) {
        let suggestion = self.form_suggestions().into_iter().next();
        let Some(form) = self.form_mut() else {
            return;
        };
        if form.confirm {
            form.confirm = false;
            match action {
                Action::Accept | Action::Keep | Action::Save => self.submit_form(),
                Action::Discard => {
                    if let Some(form) = self.overlay.take() {
                        self.set_aside(form);
                    }
                }
                _ => {}
            }
            return;
        }
        let last = form.fields.len().saturating_sub(1);
        let importing = form.target == FormTarget::Import;
        let field = &mut form.fields[form.focus];
        // A file named to read in: Enter reads it (the text field below is
        // the other way, not the next step).
        if action == Action::Accept
            && importing
            && field.input == Input::Path
            && !field.text().trim().is_empty()
        {
            return self.submit_form();
        }
        let row = field.area.cursor().0;
        let rows = field.area.lines().len();
        match action {
            // In a text of several lines the arrows move through it first.
            Action::Next if field.input == Input::Long && row + 1 < rows => {
                field.area.move_cursor(CursorMove::Down);
            }
            Action::Previous if field.input == Input::Long && row > 0 => {
                field.area.move_cursor(CursorMove::Up);
            }
            Action::Next => form.focus = (form.focus + 1).min(last),
            Action::Previous => form.focus = form.focus.saturating_sub(1),
            Action::Accept if field.input == Input::Long => {
                field.area.insert_newline();
            }
            // Enter goes on; a suggestion is taken with → (as shells do).
            Action::Accept => form.focus = (form.focus + 1).min(last),
            Action::Complete => {
                let at_end = field.area.cursor().1
                    >= field.area.lines().last().map_or(0, |l| l.chars().count());
                // In a list of motions the suggestion takes the last part's place.
                let suggestion = match (field.input, suggestion) {
                    (Input::Motions, Some(title)) => {
                        let text = field.text();
                        let kept = text.rsplit_once(';').map_or("", |(before, _)| before);
                        Some(match kept.trim() {
                            "" => title,
                            kept => format!("{kept}; {title}"),
                        })
                    }
                    (_, suggestion) => suggestion,
                };
                match suggestion {
                    Some(taken) if at_end => {
                        let folder = field.input == Input::Path
                            && taken.ends_with(std::path::MAIN_SEPARATOR);
                        *field = FormField {
                            original: field.original.clone(),
                            ..FormField::new(field.key, field.input, &taken)
                        };
                        // A folder taken is gone into: what is in it comes next.
                        if folder {
                            self.emit(super::Effect::ListFiles { typed: taken });
                        }
                    }
                    _ => field.area.move_cursor(CursorMove::Forward),
                }
            }
            Action::Save => self.submit_form(),
            // A file name only, no letter's text: nothing to lose, and `u`
            // brings it back all the same.
            Action::Cancel
                if importing
                    && form
                        .fields
                        .iter()
                        .all(|f| f.input == Input::Path || f.text().trim().is_empty()) =>
            {
                if let Some(form) = self.overlay.take() {
                    self.set_aside(form);
                }
            }
            Action::Cancel if form.changed() => form.confirm = true,
            Action::Cancel => self.overlay = None,
            _ => {}
        }
    }

    /// A key typed into the focused field.
    pub(super) fn form_typed(&mut self, key: KeyEvent) {
        let (yes, no) = self.flag_words();
        let Some(form) = self.form_mut() else {
            return;
        };
        if form.confirm {
            // Any other key goes back to the form.
            form.confirm = false;
            return;
        }
        // What is typed into a field answers its refusal, not the others'.
        let focus = form.focus;
        form.refused.retain(|(at, _)| *at != focus);
        let field = &mut form.fields[form.focus];
        match field.input {
            // ja/nein: the first letters set it, Space turns it over.
            Input::Flag => {
                let now = field.text();
                let next = match key.code {
                    KeyCode::Char(' ') => Some(if now == no { yes } else { no }),
                    KeyCode::Char(c) if yes.starts_with(c.to_ascii_lowercase()) => Some(yes),
                    KeyCode::Char(c) if no.starts_with(c.to_ascii_lowercase()) => Some(no),
                    _ => None,
                };
                if let Some(next) = next {
                    *field = FormField {
                        original: field.original.clone(),
                        ..FormField::new(field.key, field.input, next)
                    };
                }
            }
            _ if key.code == KeyCode::Enter => {}
            _ => {
                // A proposed value ("1", "Anfrage") is replaced by typing.
                if std::mem::take(&mut field.fresh) && matches!(key.code, KeyCode::Char(_)) {
                    *field = FormField {
                        original: field.original.clone(),
                        ..FormField::new(field.key, field.input, "")
                    };
                }
                super::editor::type_into(&mut field.area, key);
                // A path being typed: the runtime lists what fits.
                if field.input == Input::Path {
                    let typed = field.text();
                    self.emit(super::Effect::ListFiles { typed });
                }
            }
        }
    }
}
