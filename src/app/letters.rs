//! `i`: a letter into the app. A file (its path completed from what is
//! there) or pasted text is read by the runtime, parsed, matched to its
//! session, and shown in the motion form to be checked before it is saved.

use super::fields::motion_fields;
use super::form::{Draft, Form, FormTarget, Refusal};
use super::{App, Effect, Note, Overlay};
use crate::letter::Letter;
use crate::note::LetterProblem;

impl App {
    /// Ctrl-S on the import form: pasted text is parsed at once; a file is
    /// read by the runtime first.
    pub(super) fn submit_import(&mut self, form: &Form) {
        let text = |key: &str| {
            form.fields
                .iter()
                .find(|f| f.key == key)
                .map(|f| f.text())
                .unwrap_or_default()
        };
        let (file, pasted) = (text("file"), text("letter"));
        if !pasted.trim().is_empty() {
            self.letter_arrived(String::new(), Ok(pasted));
        } else if !file.trim().is_empty() {
            self.emit(Effect::ReadLetter {
                path: file.trim().into(),
            });
        } else if let Some(Overlay::Form(open)) = &mut self.overlay {
            open.refused = Some((0, Refusal::Empty));
            open.focus = 0;
        }
    }

    /// The runtime's answer: paths that fit what is typed.
    pub(super) fn completions(&mut self, typed: String, paths: Vec<String>) {
        if let Some(Overlay::Form(form)) = &mut self.overlay
            && let Some(field) = form.fields.get(form.focus)
            && field.text() == typed
        {
            form.completions = paths;
        }
    }

    /// A letter's text, or why there is none: the motion form, filled in.
    pub(super) fn letter_arrived(&mut self, file: String, read: Result<String, LetterProblem>) {
        let text = match read {
            Ok(text) => text,
            Err(why) => {
                // The import form stays open, to choose another file.
                self.note = Some(Note::LetterRefused { file, why });
                return;
            }
        };
        let letter = crate::letter::parse(&text);
        if let Some(existing) = crate::import::duplicate_of(self.data(), &letter) {
            self.note = Some(Note::LetterRefused {
                file,
                why: LetterProblem::Duplicate(existing),
            });
            return;
        }
        let (session, new_session) = crate::import::session_for(self.data(), &letter);
        // Said, since the form does not show it: a committee the letter
        // names otherwise than the data would become a second one.
        let going_to = match (&session, &new_session) {
            (Some(_), Some(_)) => letter
                .committee
                .clone()
                .zip(letter.session_date)
                .map(|(c, d)| (c, d, true)),
            (Some(id), None) => {
                (self.data().session(id)).map(|s| (s.committee.clone(), s.date, false))
            }
            _ => None,
        };
        let draft = Draft {
            questions: letter.questions.clone(),
            new_session,
        };
        let mut form = Form::new(
            FormTarget::NewMotion {
                session,
                draft: Some(Box::new(draft)),
            },
            filled(&letter),
        );
        // Nothing of it is typed by the user yet, but all of it is new.
        for field in &mut form.fields {
            field.original.clear();
        }
        self.note = Some(Note::LetterRead {
            questions: letter.questions.len(),
            // What is marked: the session guessed is said in the note.
            unsure: form.fields.iter().filter(|f| f.unsure).count(),
            session: going_to,
        });
        self.overlay = Some(Overlay::Form(Box::new(form)));
    }
}

/// The motion form with what the letter says; guessed fields marked.
fn filled(letter: &Letter) -> Vec<super::form::FormField> {
    let mut fields = motion_fields(None);
    let people = letter
        .signatories
        .iter()
        .map(|p| match &p.role {
            Some(role) => format!("{} ({role})", p.name),
            None => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    for field in &mut fields {
        let value = match field.key {
            "kind" => letter.kind.clone(),
            "title" => letter.title.clone(),
            "submitted" => letter.submitted.map(crate::dates::date),
            "submitters" => Some(letter.submitters.join(", ")),
            "basis" => letter.basis.clone(),
            "reference" => letter.reference.clone(),
            "signatories" => Some(people.clone()),
            "addressee" => letter.addressee.clone(),
            "proposal" => letter.proposal.clone(),
            "rationale" => letter.rationale.clone(),
            _ => None,
        };
        if let Some(value) = value {
            let unsure = letter.unsure.contains(&field.key);
            *field = super::form::FormField::new(field.key, field.input, &value);
            field.unsure = unsure;
        }
    }
    // The questions, to be checked too; one emptied is left out.
    for (number, text) in &letter.questions {
        let mut field = super::form::FormField::new("question", super::form::Input::Long, text);
        field.tag = Some(number.clone());
        field.unsure = letter.unsure.contains(&"questions");
        fields.push(field);
    }
    fields
}
