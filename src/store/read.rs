//! Turns the text of one TOML file into a session or a motion.
//!
//! The file is parsed once by toml's own parser into a spanned tree, then
//! walked here field by field. Plain serde derive would stop at the first
//! problem; walking the tree lets `check` report every problem in a file,
//! each at its exact line and column.

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, Expected, Location, Problem};
use super::lines::LineIndex;
use crate::model::{AgendaItem, Motion, Question, Session, Signatory, SourceId, Status};

/// A record read from one file, with the places cross-file checks point at.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) enum Record {
    Session(Session, SessionSpans),
    /// Shared with the data: a motion is held once however many readings
    /// and copies of the data keep it.
    Motion(std::sync::Arc<Motion>, MotionSpans),
}

impl Record {
    /// The record as read from the file with this source id.
    pub(crate) fn with_source(mut self, id: SourceId) -> Record {
        self.set_source(id);
        self
    }

    /// Sets the source id, copying a shared motion only if it changes.
    pub(crate) fn set_source(&mut self, id: SourceId) {
        match self {
            Record::Session(s, _) => s.source = id,
            Record::Motion(m, _) => {
                if m.source != id {
                    std::sync::Arc::make_mut(m).source = id;
                }
            }
        }
    }
}

/// Where a session's id stands.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct SessionSpans {
    pub id: Location,
}

/// A motion id an agenda lists, and where. Collected from every agenda item,
/// loaded or not, so a broken item still has its references checked.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct MotionRef {
    pub id: String,
    pub at: Location,
}

/// Where a motion's id and session reference stand.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct MotionSpans {
    pub id: Location,
    pub session: Option<Location>,
}

use super::schema::{AGENDA_KEYS, MOTION_KEYS, QUESTION_KEYS, SESSION_KEYS, SIGNATORY_KEYS};

/// Reads one file's text. Problems go into `diagnostics`, the motion ids its
/// agenda lists into `refs`; the record is `None` when the file is unusable
/// (syntax errors, missing required fields).
pub(crate) fn read_record(
    path: &Path,
    text: &str,
    source: SourceId,
    diagnostics: &mut Vec<Diagnostic>,
    refs: &mut Vec<MotionRef>,
) -> Option<Record> {
    let mut reader = Reader {
        path,
        text,
        lines: LineIndex::new(text),
        diagnostics,
        refs,
    };
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        // A recovered tree is incomplete; checks on it would only add noise.
        // Only the first: what follows a bracket or quote left open is
        // the parser losing its way, a dozen errors for one mistake.
        if let Some(error) = errors.into_iter().next() {
            let span = error.span().unwrap_or(0..0);
            // A date written as people write it (date = 07.09.2022) is
            // said as such, with the form to write.
            match german_date(text, span.start).or_else(|| control_char(text, span.start)) {
                Some((problem, at)) => reader.report(at..at, problem),
                None => {
                    let detail = error.message().trim().to_string();
                    reader.report(span, Problem::Syntax { detail });
                }
            }
        }
        return None;
    }
    let root = Table {
        table: root.get_ref(),
        span: 0..0,
        name: String::new(),
    };
    match (root.table.get("session"), root.table.get("motion")) {
        (Some(_), Some(motion)) => {
            reader.report(motion.span(), Problem::BothRecords);
            None
        }
        (None, None) => {
            reader.report(0..0, Problem::NotARecord);
            None
        }
        (Some(_), None) => {
            reader.unknown_keys(&root, &["session", "agenda"]);
            reader.session(&root, source)
        }
        (None, Some(_)) => {
            reader.unknown_keys(&root, &["motion", "question"]);
            reader.motion(&root, source)
        }
    }
}

/// The line around `at` as `key = 07.09.2022` (or 7.9.22, or 2022-9-7;
/// a comment after it is fine), an unquoted date as people write it: the
/// problem that says how to write it, and where its value starts.
/// A control character on the line of a syntax error (the parser names
/// the string or comment it stands in, not the character): said as such,
/// at its own place.
fn control_char(text: &str, at: usize) -> Option<(Problem, usize)> {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let (offset, c) = (text[start..end].char_indices())
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\r'))?;
    Some((Problem::ControlChar { code: c.into() }, start + offset))
}

fn german_date(text: &str, at: usize) -> Option<(Problem, usize)> {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    let line = line.split_once('#').map_or(line, |(before, _)| before);
    let (key, value) = line.split_once('=')?;
    let at = start + key.len() + 1 + (value.len() - value.trim_start().len());
    let (key, value) = (key.trim(), value.trim());
    let digits = |c: char| c.is_ascii_digit() || c == '.' || c == '-';
    if !value.chars().all(digits) || !value.chars().any(|c| c == '.' || c == '-') {
        return None;
    }
    let date = crate::dates::parse_due(value)
        .ok()
        .flatten()
        .or_else(|| chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())?;
    let problem = Problem::WrongType {
        key: key.to_string(),
        expected: super::Expected::Date,
        found: super::Found::GermanDate,
        suggestion: Some(date.format("%Y-%m-%d").to_string()),
    };
    Some((problem, at))
}

/// A table with the span to blame when a key is missing and its name in messages.
pub(super) struct Table<'t, 'i> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    name: String,
}

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

pub(super) struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    lines: LineIndex,
    diagnostics: &'a mut Vec<Diagnostic>,
    refs: &'a mut Vec<MotionRef>,
}

impl Reader<'_> {
    pub(super) fn at(&self, span: Range<usize>) -> Location {
        self.lines.locate(self.text, span.start)
    }

    /// How many errors this file has so far.
    fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.is_error() && d.path == self.path)
            .count()
    }

    pub(super) fn report(&mut self, span: Range<usize>, problem: Problem) {
        let location = Some(self.at(span));
        self.diagnostics
            .push(Diagnostic::new(self.path.to_path_buf(), location, problem));
    }

    fn session(&mut self, root: &Table, source: SourceId) -> Option<Record> {
        let errors_before = self.errors();
        let head = self.table(root, "session")?;
        self.unknown_keys(&head, SESSION_KEYS);
        let id = self.required_text(&head, "id");
        let id_at = self.key_location(&head, "id");
        let committee = self.required_text(&head, "committee");
        let date = self.required(&head, "date", Self::date);
        let time = self.optional(&head, "time", Self::time);
        let location = self.optional(&head, "location", Self::text);
        let oparl_id = self.optional(&head, "oparl_id", Self::text);
        let files = self.plain_list(&head, "files");

        let mut agenda = Vec::new();
        for item in self.table_list(root, "agenda") {
            self.unknown_keys(&item, AGENDA_KEYS);
            let number = self.required_text(&item, "number");
            let title = self.required_text(&item, "title");
            let public = self.optional(&item, "public", Self::bool).unwrap_or(true);
            let item_oparl_id = self.optional(&item, "oparl_id", Self::text);
            let motions = self.optional(&item, "motions", Self::text_list);
            let motions: Vec<String> = motions
                .unwrap_or_default()
                .into_iter()
                .map(|(id, at)| {
                    self.refs.push(MotionRef { id: id.clone(), at });
                    id
                })
                .collect();
            let (Some(number), Some(title)) = (number, title) else {
                continue;
            };
            agenda.push(AgendaItem {
                number,
                title,
                public,
                motions,
                oparl_id: item_oparl_id,
            });
        }
        // With its id the session stays, marked broken: its motions still
        // find it, and the list still shows it.
        let id = id?;
        let broken = self.errors() > errors_before;
        let session = Session {
            committee: committee.unwrap_or_else(|| id.clone()),
            id,
            date: date.unwrap_or(NaiveDate::MAX),
            time,
            location,
            oparl_id,
            files,
            agenda,
            source,
            broken,
        };
        Some(Record::Session(session, SessionSpans { id: id_at? }))
    }

    fn motion(&mut self, root: &Table, source: SourceId) -> Option<Record> {
        let head = self.table(root, "motion")?;
        self.unknown_keys(&head, MOTION_KEYS);
        let id = self.required_text(&head, "id");
        let id_at = self.key_location(&head, "id");
        let kind = self.required_text(&head, "kind");
        let basis = self.optional(&head, "basis", Self::text);
        let title = self.required_text(&head, "title");
        let submitted = self.optional(&head, "submitted", Self::date);
        let submitters = self.optional(&head, "submitters", Self::text_list);
        let signatories = self.signatories(&head);
        let addressee = self.optional(&head, "addressee", Self::text);
        let session = self.optional(&head, "session", Self::text);
        let session_at = head.table.get("session").map(|v| self.at(v.span()));
        let reference = self.optional(&head, "reference", Self::text);
        let state = self.optional(&head, "state", Self::state);
        let office = self.optional(&head, "office", Self::text);
        let oparl_id = self.optional(&head, "oparl_id", Self::text);
        let files = self.plain_list(&head, "files");
        let proposal = self.optional(&head, "proposal", Self::text);
        let rationale = self.optional(&head, "rationale", Self::text);

        let mut questions: Vec<Question> = Vec::new();
        let mut numbers: std::collections::HashSet<String> = std::collections::HashSet::new();
        for item in self.table_list(root, "question") {
            self.unknown_keys(&item, QUESTION_KEYS);
            let number = self.required_text(&item, "number");
            let text = self.required_text(&item, "text");
            let status = self.optional(&item, "status", Self::status);
            let assignee = self.optional(&item, "assignee", Self::text);
            let due = self.optional(&item, "due", Self::date);
            let answer = self.optional(&item, "answer", Self::text);
            let updated = self.optional(&item, "updated", Self::datetime);
            let updated_by = self.optional(&item, "updated_by", Self::text);
            let (Some(number), Some(text)) = (number, text) else {
                continue;
            };
            if status == Some(Status::Answered)
                && answer.as_deref().is_none_or(|a| a.trim().is_empty())
            {
                let at = item
                    .table
                    .get("status")
                    .map_or(item.span.clone(), |v| v.span());
                let problem = Problem::AnsweredWithoutText {
                    number: number.clone(),
                };
                self.report(at, problem);
            }
            if !numbers.insert(number.clone()) {
                self.report(
                    item.span.clone(),
                    Problem::DuplicateQuestion {
                        number: number.clone(),
                    },
                );
            }
            questions.push(Question {
                number,
                text,
                status: status.unwrap_or_default(),
                assignee,
                due,
                answer,
                updated,
                updated_by,
            });
        }
        let motion = Motion {
            id: id?,
            kind: kind?,
            basis,
            title: title?,
            submitted,
            submitters: submitters
                .unwrap_or_default()
                .into_iter()
                .map(|(s, _)| s)
                .collect(),
            signatories,
            addressee,
            session,
            reference,
            state: state.unwrap_or_default(),
            office,
            oparl_id,
            files,
            proposal,
            rationale,
            questions,
            source,
        };
        Some(Record::Motion(
            std::sync::Arc::new(motion),
            MotionSpans {
                id: id_at?,
                session: session_at,
            },
        ))
    }

    /// `signatories` as inline tables `{ name, role }` or plain name strings.
    fn signatories(&mut self, head: &Table) -> Vec<Signatory> {
        let Some(value) = head.table.get("signatories") else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(value, "signatories", Expected::TableList);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(name) => out.push(Signatory {
                    name: name.to_string(),
                    role: None,
                }),
                DeValue::Table(table) => {
                    let entry = Table {
                        table,
                        span: item.span(),
                        name: "signatories".into(),
                    };
                    self.unknown_keys(&entry, SIGNATORY_KEYS);
                    let name = self.required_text(&entry, "name");
                    let role = self.optional(&entry, "role", Self::text);
                    if let Some(name) = name {
                        out.push(Signatory { name, role });
                    }
                }
                _ => self.wrong_type(item, "signatories", Expected::TableList),
            }
        }
        out
    }

    /// A sub-table such as `[session]`; reports it when it is something else.
    fn table<'t, 'i>(&mut self, parent: &Table<'t, 'i>, key: &str) -> Option<Table<'t, 'i>> {
        let value = parent.table.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some(Table {
                table,
                span: value.span(),
                name: format!("[{key}]"),
            }),
            _ => {
                self.wrong_type(value, key, Expected::Table);
                None
            }
        }
    }

    /// An array of tables such as `[[question]]`, in the order written.
    fn table_list<'t, 'i>(&mut self, parent: &Table<'t, 'i>, key: &str) -> Vec<Table<'t, 'i>> {
        let Some(value) = parent.table.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(value, key, Expected::TableList);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(table) => out.push(Table {
                    table,
                    span: item.span(),
                    name: format!("[[{key}]]"),
                }),
                _ => self.wrong_type(item, key, Expected::TableList),
            }
        }
        out
    }

    fn key_location(&self, table: &Table, key: &str) -> Option<Location> {
        let (k, _) = table.table.get_key_value(key)?;
        Some(self.at(k.span()))
    }

    fn unknown_keys(&mut self, table: &Table, known: &[&str]) {
        for (key, _) in table.table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let suggestion = super::suggest::key(name, known);
            self.report(
                key.span(),
                Problem::UnknownKey {
                    key: name.to_string(),
                    suggestion,
                },
            );
        }
    }

    pub(super) fn optional<T>(
        &mut self,
        table: &Table,
        key: &str,
        convert: fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        let value = table.table.get(key)?;
        convert(self, value, key)
    }

    fn required<T>(
        &mut self,
        table: &Table,
        key: &str,
        convert: fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        if table.table.get(key).is_none() {
            self.report(
                table.span.clone(),
                Problem::MissingField {
                    table: table.name.clone(),
                    key: key.to_string(),
                },
            );
            return None;
        }
        self.optional(table, key, convert)
    }

    /// A required text that must not be blank.
    fn required_text(&mut self, table: &Table, key: &str) -> Option<String> {
        let text = self.required(table, key, Self::text)?;
        if text.trim().is_empty() {
            let span = table
                .table
                .get(key)
                .map_or(table.span.clone(), |v| v.span());
            self.report(
                span,
                Problem::EmptyField {
                    key: key.to_string(),
                },
            );
            return None;
        }
        Some(text)
    }
}
