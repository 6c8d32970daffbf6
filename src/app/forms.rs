//! The forms of each record: which fields, filled from the record, and
//! what saving them changes. Everything is checked before anything is
//! written; a refusal names the field and why.

use chrono::NaiveDate;

use super::fields::{Value, clean, item_fields, motion_fields, next_number, session_fields, value};
use super::form::{Form, FormField, FormRescue, FormTarget, Input, Refusal};
use super::rows::{SessionKey, SessionRow};
use super::settle::Goto;
use super::{App, Overlay, Screen};
use crate::edit::layout::{new_file, table_text};
use crate::edit::record::{self, list, text};
use crate::edit::{Change, Origin, Owner, Part, RecordChange, TableArray, TableChange, names};

impl App {
    /// `c`: a new record where the cursor is.
    pub(super) fn create(&mut self) {
        let target = match &self.place().screen {
            Screen::Sessions => FormTarget::NewSession,
            Screen::Session(SessionKey::Id(id)) => FormTarget::NewItem {
                session: id.clone(),
            },
            Screen::Session(SessionKey::Unplaced) => FormTarget::NewMotion {
                session: None,
                draft: None,
            },
            Screen::Motion(id) | Screen::Question(id, _) => {
                FormTarget::NewQuestion { motion: id.clone() }
            }
            Screen::Problems | Screen::Worklist | Screen::History(..) => return,
        };
        self.open_form(target);
    }

    /// `C`: a new motion, at the session in view if any.
    pub(super) fn create_motion(&mut self) {
        let session = self.stack.iter().rev().find_map(|p| match &p.screen {
            Screen::Session(SessionKey::Id(id)) => Some(id.clone()),
            Screen::Motion(id) => self.data().motion(id).and_then(|m| m.session.clone()),
            _ => None,
        });
        self.open_form(FormTarget::NewMotion {
            session,
            draft: None,
        });
    }

    /// `e` away from a question: the form of the record under the cursor.
    pub(super) fn edit_record(&mut self) -> bool {
        let place = self.place();
        let target = match &place.screen {
            Screen::Sessions => match self.session_keys().get(place.selected) {
                Some(SessionKey::Id(id)) => FormTarget::Session(id.clone()),
                _ => return false,
            },
            Screen::Session(key) => match self.session_rows(key).get(place.selected) {
                Some(SessionRow::Motion(m, _)) => FormTarget::Motion(m.id.clone()),
                Some(SessionRow::Item(item)) => {
                    let SessionKey::Id(id) = key else {
                        return false;
                    };
                    let Some(session) = self.data().session(id) else {
                        return false;
                    };
                    let Some(index) = session.agenda.iter().position(|a| std::ptr::eq(a, *item))
                    else {
                        return false;
                    };
                    FormTarget::Item {
                        session: id.clone(),
                        index,
                    }
                }
                _ => return false,
            },
            // On the motion (its text, or its empty list of questions).
            Screen::Motion(id) => FormTarget::Motion(id.clone()),
            _ => return false,
        };
        self.open_form(target);
        true
    }

    /// `t`: the form of the question under the cursor (its number and text).
    pub(super) fn edit_question_form(&mut self) {
        if let Some((motion, index)) = self.current_question() {
            let target = FormTarget::Question {
                motion: motion.id.clone(),
                index,
            };
            self.open_form(target);
        }
    }

    pub(super) fn open_form(&mut self, target: FormTarget) {
        let (yes, no) = self.flag_words();
        let data = self.data();
        let flag = |on: bool| if on { yes } else { no };
        let fields = match &target {
            FormTarget::NewSession => session_fields(None),
            FormTarget::Session(id) => match data.session(id) {
                Some(s) => session_fields(Some(s)),
                None => return,
            },
            FormTarget::NewItem { session } => {
                let numbers = data
                    .session(session)
                    .map(|s| s.agenda.iter().map(|a| a.number.as_str()).collect())
                    .unwrap_or_default();
                item_fields(&next_number(numbers), "", flag(true), "")
            }
            FormTarget::Item { session, index } => {
                match data.session(session).and_then(|s| s.agenda.get(*index)) {
                    Some(item) => {
                        let titles: Vec<&str> = item
                            .motions
                            .iter()
                            .map(|id| data.motion(id).map_or(id.as_str(), |m| m.title.as_str()))
                            .collect();
                        item_fields(
                            &item.number,
                            &item.title,
                            flag(item.public),
                            &titles.join("; "),
                        )
                    }
                    None => return,
                }
            }
            FormTarget::NewMotion { .. } => motion_fields(None),
            FormTarget::Import => vec![
                FormField::new("file", Input::Path, ""),
                FormField::new("letter", Input::Long, ""),
            ],
            FormTarget::Motion(id) => match data.motion(id) {
                Some(m) => motion_fields(Some(m)),
                None => return,
            },
            FormTarget::NewQuestion { .. } => vec![FormField::new("text", Input::Long, "")],
            FormTarget::Question { motion, index } => {
                match data.motion(motion).and_then(|m| m.questions.get(*index)) {
                    Some(q) => vec![
                        FormField::new("number", Input::Required, &q.number),
                        FormField::new("text", Input::Long, &q.text),
                    ],
                    None => return,
                }
            }
        };
        let mut fields = fields;
        // What the app proposes (the next number, a kind) gives way to typing.
        match &target {
            FormTarget::NewItem { .. } => fields[0].fresh = true,
            FormTarget::NewMotion { draft: None, .. } => fields[0].fresh = true,
            _ => {}
        }
        let before = match self.record_of(&target) {
            Some((owner, part)) => (fields.iter())
                .filter_map(|f| Some((f.key, record::current(data, &owner, &part, f.key)?)))
                .collect(),
            None => Vec::new(),
        };
        let mut form = Form::new(target, fields);
        form.before = before;
        self.overlay = Some(Overlay::Form(Box::new(form)));
    }

    /// Opens a form rescued from a crash as it was typed; where its record
    /// is gone, the form to make a new one of its kind with those texts;
    /// where that cannot be either, its texts are set aside in a file.
    pub(super) fn reopen_form(&mut self, rescue: FormRescue) {
        self.open_form(rescue.target.clone());
        if self.form().is_none() {
            let anew = match &rescue.target {
                FormTarget::Session(_) => Some(FormTarget::NewSession),
                FormTarget::Item { session, .. } => Some(FormTarget::NewItem {
                    session: session.clone(),
                }),
                FormTarget::Motion(_) => Some(FormTarget::NewMotion {
                    session: None,
                    draft: None,
                }),
                FormTarget::Question { motion, .. } => Some(FormTarget::NewQuestion {
                    motion: motion.clone(),
                }),
                _ => None,
            };
            if let Some(target) = anew {
                self.open_form(target);
            }
        }
        let Some(Overlay::Form(form)) = &mut self.overlay else {
            let rescue = super::Rescue {
                changes: Vec::new(),
                forms: vec![rescue],
            };
            self.emit(super::Effect::SetRecoveryAside(Box::new(rescue)));
            return;
        };
        let mut built = std::mem::take(&mut form.fields);
        for (n, (key, text)) in rescue.fields.iter().enumerate() {
            let at = built.iter().position(|f| f.key == key.as_str());
            let (key, input, original) = match at.map(|at| built.remove(at)) {
                Some(field) => (field.key, field.input, field.original),
                // A letter's questions: one field each.
                None if key == "question" => ("question", Input::Long, String::new()),
                None => continue,
            };
            let mut field = FormField::new(key, input, text);
            field.original = original;
            field.unsure = rescue.unsure.contains(&key.to_string());
            field.tag = rescue.tags.get(n).cloned().flatten();
            form.fields.push(field);
        }
        // A field the rescue did not hold (a newer version's) stays empty.
        form.fields.extend(built);
    }

    /// The record and part an edit form changes; `None` for a new one.
    fn record_of(&self, target: &FormTarget) -> Option<(Owner, Part)> {
        let data = self.data();
        Some(match target {
            FormTarget::Session(id) => (Owner::Session(id.clone()), Part::Head),
            FormTarget::Motion(id) => (Owner::Motion(id.clone()), Part::Head),
            FormTarget::Item { session, index } => {
                let number = data.session(session)?.agenda.get(*index)?.number.clone();
                let part = Part::Agenda {
                    index: *index,
                    number,
                };
                (Owner::Session(session.clone()), part)
            }
            FormTarget::Question { motion, index } => {
                let number = data.motion(motion)?.questions.get(*index)?.number.clone();
                let part = Part::Question {
                    index: *index,
                    number,
                };
                (Owner::Motion(motion.clone()), part)
            }
            _ => return None,
        })
    }

    /// How a flag reads in the language of the app.
    pub(super) fn flag_words(&self) -> (&'static str, &'static str) {
        match self.env.lang {
            crate::i18n::Lang::De => ("ja", "nein"),
            crate::i18n::Lang::En => ("yes", "no"),
        }
    }

    /// Ctrl-S: checks every field, then makes the change and closes the
    /// form; a refused field keeps the form open, focused there.
    pub(super) fn submit_form(&mut self) {
        let Some(Overlay::Form(form)) = &self.overlay else {
            return;
        };
        let form = form.as_ref().clone();
        if form.target == FormTarget::Import {
            return self.submit_import(&form);
        }
        let mut values: Vec<(&'static str, Value)> = Vec::new();
        // A question's number must stay its own within the motion.
        let taken: Vec<String> = match &form.target {
            FormTarget::Question { motion, index } => self
                .data()
                .motion(motion)
                .map(|m| {
                    m.questions
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i != index)
                        .map(|(_, q)| q.number.clone())
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut refused = Vec::new();
        for (i, field) in form.fields.iter().enumerate() {
            let checked = match field.input {
                // Titles as shown, ids as written.
                Input::Motions => self.motion_ids(&field.text()),
                _ => value(field, self.flag_words().1),
            };
            let checked = checked.and_then(|v| {
                let number =
                    field.key == "number" && taken.contains(&field.text().trim().to_string());
                if number { Err(Refusal::Taken) } else { Ok(v) }
            });
            match checked {
                // Questions go into tables of their own, not the head.
                Ok(_) if field.key == "question" => {}
                Ok(v) => values.push((field.key, v)),
                Err(refusal) => refused.push((i, refusal)),
            }
        }
        // Every refused field marked, the first in focus; nothing written.
        if let Some(&(first, _)) = refused.first() {
            if let Some(Overlay::Form(open)) = &mut self.overlay {
                open.refused = refused;
                open.focus = first;
                open.confirm = false;
            }
            return;
        }
        self.overlay = None;
        let listed = values
            .iter()
            .find(|(k, _)| *k == "motions")
            .and_then(|(_, v)| v.clone());
        if let Some(change) = self.form_change(&form, values) {
            let change = self.with_sessions_agreeing(&form.target, listed.as_deref(), change);
            self.goto = match (&form.target, &change) {
                (_, Change::File(f)) => Some(Goto::File(f.path.clone())),
                (_, Change::Batch(parts)) => match parts.last() {
                    Some(Change::File(f)) => Some(Goto::File(f.path.clone())),
                    _ => None,
                },
                (FormTarget::NewItem { session }, _) => Some(Goto::Item(session.clone())),
                (FormTarget::NewQuestion { motion }, _) => Some(Goto::Question(motion.clone())),
                _ => None,
            };
            // A field typed in that the file changed meanwhile (a
            // colleague, read in live) is not written over: it becomes a
            // conflict; the fields only this user changed are written.
            let (change, conflicts) = crate::edit::by_field(change, self.data());
            let saved = change.is_some();
            if let Some(change) = change {
                self.apply(vec![change], Origin::Edit);
            }
            if !conflicts.is_empty() {
                self.journal.conflicts.extend(conflicts);
                self.note = Some(crate::note::Note::FormChangedMeanwhile { saved });
                self.goto = None;
            }
        }
    }

    /// An agenda item that lists motions naming another session takes them
    /// to its own, so that both places agree (as `check` asks).
    fn with_sessions_agreeing(
        &self,
        target: &FormTarget,
        listed: Option<&str>,
        change: Change,
    ) -> Change {
        let session = match target {
            FormTarget::NewItem { session } | FormTarget::Item { session, .. } => session,
            _ => return change,
        };
        let ids: Vec<String> = listed
            .and_then(|v| v.parse::<toml_edit::Value>().ok())
            .and_then(|v| {
                v.as_array().map(|a| {
                    a.iter()
                        .filter_map(|i| i.as_str().map(String::from))
                        .collect()
                })
            })
            .unwrap_or_default();
        let mut changes = vec![change];
        for id in ids {
            let Some(motion) = self.data().motion(&id) else {
                continue;
            };
            if motion.session.as_ref().is_some_and(|s| s != session) {
                changes.push(Change::Record(RecordChange {
                    owner: Owner::Motion(id.clone()),
                    part: Part::Head,
                    before: vec![("session".into(), motion.session.as_deref().map(text))],
                    after: vec![("session".into(), Some(text(session)))],
                }));
            }
        }
        match changes.len() {
            1 => changes.remove(0),
            _ => Change::Batch(changes),
        }
    }

    /// The ids of the motions a list of titles names (`;` between them);
    /// a title that is no motion's is refused.
    fn motion_ids(&self, typed: &str) -> Result<Value, Refusal> {
        let mut ids = Vec::new();
        for title in typed.split(';').map(str::trim).filter(|t| !t.is_empty()) {
            let folded = crate::fold::fold(title);
            let motion = self
                .data()
                .motions
                .iter()
                .find(|m| {
                    m.title == title || crate::fold::fold(&m.title) == folded || m.id == title
                })
                .ok_or(Refusal::NoSuchMotion)?;
            ids.push(motion.id.clone());
        }
        Ok((!ids.is_empty()).then(|| list(&ids)))
    }

    /// The one change a filled form makes, if it changes anything.
    fn form_change(&self, form: &Form, values: Vec<(&'static str, Value)>) -> Option<Change> {
        let data = self.data();
        let all = values.clone();
        let get = |key: &str| {
            all.iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.clone())
        };
        let plain = |key: &str| {
            get(key)
                .and_then(|v| v.parse::<toml_edit::Value>().ok())
                .and_then(|v| v.as_str().map(String::from))
        };
        match &form.target {
            FormTarget::NewSession => {
                let date =
                    get("date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())?;
                let id = names::session_id(data, &plain("committee")?, date);
                let folder = names::folder(
                    data.sessions.iter().map(|s| data.path(s.source)),
                    "sitzungen",
                );
                let path = names::new_file(data, &folder, &id);
                let mut head = vec![("id", Some(text(&id)))];
                head.extend(values);
                Some(new_file(path, "session", &head))
            }
            FormTarget::Import => None,
            FormTarget::NewMotion { session, draft } => {
                // The year it was written, else its session's, else this one.
                let year = get("submitted")
                    .and_then(|d| d.get(..4).and_then(|y| y.parse().ok()))
                    .or_else(|| {
                        let session = session.as_ref().and_then(|id| data.session(id))?;
                        Some(chrono::Datelike::year(&session.date))
                    })
                    .unwrap_or(chrono::Datelike::year(&self.env.today));
                let id = names::motion_id(data, &plain("title")?, year);
                let folder =
                    names::folder(data.motions.iter().map(|m| data.path(m.source)), "antraege");
                let path = names::new_file(data, &folder, &id);
                let mut head = vec![("id", Some(text(&id)))];
                head.extend(
                    values
                        .into_iter()
                        .filter(|(k, _)| *k != "proposal" && *k != "rationale"),
                );
                head.push(("session", session.as_deref().map(text)));
                head.push(("proposal", get("proposal")));
                head.push(("rationale", get("rationale")));
                let Some(draft) = draft else {
                    return Some(new_file(path, "motion", &head));
                };
                // An imported letter: its questions, and its session first
                // where that is new.
                let mut out = crate::edit::layout::file_text("motion", &head);
                // The questions as checked in the form, in their order.
                let questions: Vec<(String, String)> = form
                    .fields
                    .iter()
                    .filter(|f| f.key == "question")
                    .filter_map(|f| {
                        let text = clean(&f.text(), false);
                        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        (!text.is_empty()).then(|| (f.tag.clone().unwrap_or_default(), text))
                    })
                    .collect();
                let questions = if form.fields.iter().any(|f| f.key == "question") {
                    questions
                } else {
                    draft.questions.clone()
                };
                out.push_str(&crate::edit::layout::questions_text(&questions));
                let motion = Change::File(crate::edit::FileChange {
                    path,
                    before: None,
                    after: Some(out),
                });
                Some(match &draft.new_session {
                    Some(session) => Change::Batch(vec![session.clone(), motion]),
                    None => motion,
                })
            }
            FormTarget::NewItem { session } => {
                let at = data.session(session)?.agenda.len();
                Some(Change::Table(TableChange {
                    owner: Owner::Session(session.clone()),
                    array: TableArray::Agenda,
                    before: None,
                    after: Some((at, table_text(&values))),
                }))
            }
            FormTarget::NewQuestion { motion } => {
                let m = data.motion(motion)?;
                let numbers = m.questions.iter().map(|q| q.number.as_str()).collect();
                let mut keys = vec![("number", Some(text(&next_number(numbers))))];
                keys.extend(values);
                keys.push(("status", Some(text("open"))));
                Some(Change::Table(TableChange {
                    owner: Owner::Motion(motion.clone()),
                    array: TableArray::Question,
                    before: None,
                    after: Some((m.questions.len(), table_text(&keys))),
                }))
            }
            FormTarget::Session(_)
            | FormTarget::Motion(_)
            | FormTarget::Item { .. }
            | FormTarget::Question { .. } => {
                let (owner, part) = self.record_of(&form.target)?;
                edited(form, owner, part, values)
            }
        }
    }
}

/// The change of the fields typed in, from the values the record had when
/// the form opened (so that a value someone else wrote since meets ours as
/// a conflict); fields not typed in are left as the file has them.
fn edited(
    form: &Form,
    owner: Owner,
    part: Part,
    values: Vec<(&'static str, Value)>,
) -> Option<Change> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (key, value) in values {
        let typed = (form.fields.iter()).any(|f| f.key == key && f.text() != f.original);
        let Some((_, was)) = form.before.iter().find(|(k, _)| *k == key) else {
            continue;
        };
        if typed && !record::same_value(was, &value) {
            before.push((key.to_string(), was.clone()));
            after.push((key.to_string(), value));
        }
    }
    (!after.is_empty()).then_some(Change::Record(RecordChange {
        owner,
        part,
        before,
        after,
    }))
}
