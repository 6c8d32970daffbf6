//! Saves a change to one question without disturbing anything else.
//!
//! The file is read again, compared with what was loaded, edited with
//! toml_edit (comments, order, blank lines and formatting stay as the user
//! wrote them; only the touched keys change) and replaced atomically.

use std::io::{self, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use toml_edit::{DocumentMut, Item, TableLike, Value};

use super::fingerprint;
use crate::model::{Question, Source, Status};

/// One field of a question to set; `None` removes the key.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Status(Status),
    Answer(Option<String>),
    Assignee(Option<String>),
    Due(Option<NaiveDate>),
}

impl Field {
    /// The same field of `question`, with the value it has there.
    pub fn read(&self, question: &Question) -> Field {
        match self {
            Field::Status(_) => Field::Status(question.status),
            Field::Answer(_) => Field::Answer(question.answer.clone()),
            Field::Assignee(_) => Field::Assignee(question.assignee.clone()),
            Field::Due(_) => Field::Due(question.due),
        }
    }

    /// Puts this value into `question`.
    pub fn write(&self, question: &mut Question) {
        match self {
            Field::Status(s) => question.status = *s,
            Field::Answer(a) => question.answer = a.clone(),
            Field::Assignee(a) => question.assignee = a.clone(),
            Field::Due(d) => question.due = *d,
        }
    }

    /// Whether both are the same field (whatever their values).
    pub fn same_field(&self, other: &Field) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// Who changed something, and when: written as `updated` and `updated_by`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub at: NaiveDateTime,
    pub by: String,
}

/// Why a change was not written. In every case the file is untouched.
#[derive(Debug)]
pub enum SaveError {
    /// Someone else changed (or removed) the file since it was loaded.
    ChangedOnDisk,
    /// The file is marked read-only.
    ReadOnly,
    /// The question is no longer where it was.
    QuestionGone,
    /// Reading or writing failed (disk full, no permission, …).
    Io(io::Error),
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        SaveError::Io(e)
    }
}

/// Sets `fields` on the question at position `slot` (counting every
/// `[[question]]` in the file), which must have `number`, and stamps it.
/// Returns the fingerprint of the new file.
pub fn save_question(
    dir: &Path,
    source: &Source,
    slot: usize,
    number: &str,
    fields: &[Field],
    stamp: &Stamp,
) -> Result<u64, SaveError> {
    let path = dir.join(&source.path);
    let bytes = unchanged(&path, source)?;
    let text = String::from_utf8(bytes).map_err(|_| SaveError::ChangedOnDisk)?;
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text.as_str()),
    };
    let mut doc: DocumentMut = body.parse().map_err(|_| SaveError::ChangedOnDisk)?;
    let question = question_mut(&mut doc, slot).ok_or(SaveError::QuestionGone)?;
    if question.get("number").and_then(Item::as_str) != Some(number) {
        return Err(SaveError::QuestionGone);
    }
    for field in fields {
        match field {
            Field::Status(status) => set(question, "status", Some(status.as_str().into())),
            Field::Answer(answer) => set(question, "answer", answer.as_deref().map(text_value)),
            Field::Assignee(who) => set(question, "assignee", who.as_deref().map(Value::from)),
            Field::Due(due) => set(question, "due", due.map(date_value)),
        }
    }
    set(question, "updated", Some(datetime_value(stamp.at)));
    set(question, "updated_by", Some(stamp.by.as_str().into()));
    tidy_inline(&mut doc, slot);
    let new = format!("{bom}{doc}");
    // Everything that can refuse has run: a refusal leaves the folder as it
    // was. The lock is held from the last look to the rename, so that two
    // instances cannot both find the file unchanged and overwrite each other.
    let _lock = lock(dir)?;
    unchanged(&path, source)?;
    write_atomically(&path, new.as_bytes())?;
    Ok(fingerprint(new.as_bytes()))
}

/// The file's bytes, if it is as loaded and may be written.
fn unchanged(path: &Path, source: &Source) -> Result<Vec<u8>, SaveError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(SaveError::ChangedOnDisk),
        Err(e) => return Err(e.into()),
    };
    if fingerprint(&bytes) != source.fingerprint {
        return Err(SaveError::ChangedOnDisk);
    }
    if std::fs::metadata(path)?.permissions().readonly() {
        return Err(SaveError::ReadOnly);
    }
    Ok(bytes)
}

/// The folder's lock: a hidden file beside the data (the loader skips it),
/// locked exclusively until dropped. Editors do not know it; other agenda
/// instances wait for it.
fn lock(dir: &Path) -> io::Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".agenda.lock"))?;
    file.lock()?;
    Ok(file)
}

/// The question table at `slot`, whether written as `[[question]]` or as an
/// array of inline tables.
fn question_mut(doc: &mut DocumentMut, slot: usize) -> Option<&mut dyn TableLike> {
    match doc.get_mut("question")? {
        Item::ArrayOfTables(tables) => tables.get_mut(slot).map(|t| t as &mut dyn TableLike),
        Item::Value(Value::Array(array)) => match array.get_mut(slot)? {
            Value::InlineTable(t) => Some(t as &mut dyn TableLike),
            _ => None,
        },
        _ => None,
    }
}

/// An inline-table question is one line, all of it changed anyway: keys
/// added to it would otherwise leave the old closing space mid-line.
fn tidy_inline(doc: &mut DocumentMut, slot: usize) {
    if let Some(Item::Value(Value::Array(array))) = doc.get_mut("question")
        && let Some(Value::InlineTable(table)) = array.get_mut(slot)
    {
        table.fmt();
    }
}

/// Sets or removes a key. A replaced value keeps its surrounding spaces and
/// trailing comment, so the line reads as before but for the value.
fn set(table: &mut dyn TableLike, key: &str, value: Option<Value>) {
    let Some(mut value) = value else {
        table.remove(key);
        return;
    };
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Text in the form that reads best in an editor: multi-line text as a
/// TOML multi-line string, chosen by toml's own writer.
fn text_value(text: &str) -> Value {
    let mut repr = String::new();
    let written = toml_writer::TomlWrite::value(
        &mut repr,
        toml_writer::TomlStringBuilder::new(text).as_default(),
    );
    match written.ok().and_then(|_| repr.parse::<Value>().ok()) {
        Some(value) => value,
        None => Value::from(text),
    }
}

fn date_value(date: NaiveDate) -> Value {
    let date = toml_edit::Date {
        year: u16::try_from(date.year()).unwrap_or_default(),
        month: u8::try_from(date.month()).unwrap_or_default(),
        day: u8::try_from(date.day()).unwrap_or_default(),
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

fn datetime_value(at: NaiveDateTime) -> Value {
    let text = at.format("%Y-%m-%dT%H:%M:%S").to_string();
    let datetime: toml_edit::Datetime = text.parse().expect("formatted as a TOML local date-time");
    Value::from(datetime)
}

/// Replaces `path` with `bytes` so that a crash at any instant leaves either
/// the old or the new file: a hidden temporary file in the same folder (the
/// loader skips it if a crash leaves it behind), flushed to disk, then
/// renamed over the old one. The old file's permissions carry over.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".agenda-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(temp.path(), meta.permissions())?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable only once the folder is flushed (POSIX).
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}
