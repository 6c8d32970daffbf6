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
                path: dropped(&file).into(),
            });
        } else if let Some(Overlay::Form(open)) = &mut self.overlay {
            open.refused = vec![(0, Refusal::Empty)];
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
            let differing = crate::import::differing(self.data(), &letter, &existing);
            self.note = Some(Note::LetterRefused {
                file,
                why: LetterProblem::Duplicate(existing, differing),
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

/// The path of a file as terminals paste it when it is dropped on them:
/// in quotes, with a space after, spaces escaped, or as a `file://`
/// address.
fn dropped(typed: &str) -> String {
    let mut path = typed.trim();
    for quote in ['\'', '"'] {
        if path.len() >= 2 && path.starts_with(quote) && path.ends_with(quote) {
            path = &path[1..path.len() - 1];
        }
    }
    if let Some(rest) = path.strip_prefix("file://") {
        let rest = rest.strip_prefix("localhost").unwrap_or(rest);
        let path = percent_encoding::percent_decode_str(rest).decode_utf8_lossy();
        // file:///C:/Briefe/a.pdf is C:/Briefe/a.pdf on Windows.
        let windows = cfg!(windows) && path.get(2..3) == Some(":");
        return if windows { &path[1..] } else { &path[..] }.to_string();
    }
    match cfg!(unix) {
        true => path.replace("\\ ", " "),
        false => path.to_string(),
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

#[cfg(test)]
mod tests {
    use super::dropped;

    #[test]
    fn a_dropped_file_is_read_by_its_path() {
        let plain = "/tmp/Briefe/Anfrage Grüne – Straßenbäume.txt";
        for pasted in [
            "'/tmp/Briefe/Anfrage Grüne – Straßenbäume.txt' ",
            "\"/tmp/Briefe/Anfrage Grüne – Straßenbäume.txt\"",
            "file:///tmp/Briefe/Anfrage%20Gr%C3%BCne%20%E2%80%93%20Stra%C3%9Fenb%C3%A4ume.txt",
            "  /tmp/Briefe/Anfrage Grüne – Straßenbäume.txt\n",
        ] {
            assert_eq!(dropped(pasted), plain, "{pasted}");
        }
        #[cfg(unix)]
        assert_eq!(
            dropped("/tmp/Briefe/Anfrage\\ Gr\\ (1).txt"),
            "/tmp/Briefe/Anfrage Gr (1).txt"
        );
    }
}
