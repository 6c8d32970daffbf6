//! Changes applied to a parsed TOML document with toml_edit: only the
//! touched keys and tables change; everything else stays byte for byte.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use super::SaveError;
use crate::edit::{Field, Owner, Part, RecordChange, Stamp, TableChange, record};

/// Sets `fields` on the question at `slot`, which must have `number`, and
/// stamps it with who changed it when.
pub(super) fn set_fields(
    doc: &mut DocumentMut,
    slot: usize,
    number: &str,
    fields: &[Field],
    stamp: &Stamp,
) -> Result<(), SaveError> {
    let question = question_mut(doc, slot).ok_or(SaveError::QuestionGone)?;
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
    tidy_inline(doc, slot);
    Ok(())
}

/// Sets the keys of one table of a record, each to its value text (or
/// removes it); a key not written before goes at the end of its table.
pub(super) fn set_keys(
    doc: &mut DocumentMut,
    change: &RecordChange,
    stamp: &Stamp,
) -> Result<(), SaveError> {
    let table: &mut dyn TableLike = match (&change.owner, &change.part) {
        (Owner::Session(_), Part::Head) => head(doc, "session")?,
        (Owner::Motion(_), Part::Head) => head(doc, "motion")?,
        (_, Part::Agenda { index, number }) => numbered(doc, "agenda", *index, number)?,
        (_, Part::Question { index, number }) => numbered(doc, "question", *index, number)?,
    };
    for (key, value) in &change.after {
        let value = match value {
            Some(text) => Some(parse_value(text)?),
            None => None,
        };
        set(table, key, value);
    }
    // A question says who changed it last, whichever field it was.
    if matches!(change.part, Part::Question { .. }) {
        set(table, "updated", Some(datetime_value(stamp.at)));
        set(table, "updated_by", Some(stamp.by.as_str().into()));
    }
    Ok(())
}

fn head<'d>(doc: &'d mut DocumentMut, key: &str) -> Result<&'d mut dyn TableLike, SaveError> {
    doc.get_mut(key)
        .and_then(Item::as_table_like_mut)
        .ok_or(SaveError::QuestionGone)
}

/// The table at `index` of an array of tables, which must have `number`.
fn numbered<'d>(
    doc: &'d mut DocumentMut,
    key: &str,
    index: usize,
    number: &str,
) -> Result<&'d mut dyn TableLike, SaveError> {
    let table = match doc.get_mut(key) {
        Some(Item::ArrayOfTables(tables)) => tables.get_mut(index).map(|t| t as &mut dyn TableLike),
        Some(Item::Value(Value::Array(array))) => match array.get_mut(index) {
            Some(Value::InlineTable(t)) => Some(t as &mut dyn TableLike),
            _ => None,
        },
        _ => None,
    }
    .ok_or(SaveError::QuestionGone)?;
    if table.get("number").and_then(Item::as_str) != Some(number) {
        return Err(SaveError::QuestionGone);
    }
    Ok(table)
}

/// A value from its TOML text; a text of several lines is written as a
/// multi-line string.
fn parse_value(text: &str) -> Result<Value, SaveError> {
    let value: Value = text.parse().map_err(|_| SaveError::QuestionGone)?;
    Ok(match value.as_str() {
        Some(s) if s.contains('\n') => text_value(s),
        _ => value,
    })
}

/// Inserts, removes or moves one table of an array of tables. A table to
/// remove or move must still be the one described (same keys and values).
pub(super) fn move_table(doc: &mut DocumentMut, change: &TableChange) -> Result<(), SaveError> {
    let key = change.array.key();
    if doc.get(key).is_none() && change.before.is_none() {
        doc.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let tables = doc
        .get_mut(key)
        .and_then(Item::as_array_of_tables_mut)
        .ok_or(SaveError::QuestionGone)?;
    // toml_edit places tables by their position in the document and has no
    // insert: the array is laid out anew in order, on the positions it held.
    let mut slots: Vec<isize> = tables.iter().filter_map(Table::position).collect();
    slots.sort_unstable();
    let mut all: Vec<Table> = tables.iter().cloned().collect();
    let taken = match &change.before {
        Some((at, text)) => {
            let found = all.get(*at).ok_or(SaveError::QuestionGone)?;
            if !same_table(found, &parse_table(text)?) {
                return Err(SaveError::QuestionGone);
            }
            Some(all.remove(*at))
        }
        None => None,
    };
    if let Some((at, text)) = &change.after {
        // A moved table keeps its own comments and layout.
        let table = match taken {
            Some(table) if change.before.as_ref().is_some_and(|(_, t)| t == text) => table,
            _ => parse_table(text)?,
        };
        if *at > all.len() {
            return Err(SaveError::QuestionGone);
        }
        all.insert(*at, table);
    }
    tables.clear();
    // A table beyond the old positions shares the last one and, as sorting
    // is stable, follows it; a first table goes after everything.
    let fallback = slots.last().copied().unwrap_or(isize::MAX / 2);
    for (i, mut table) in all.into_iter().enumerate() {
        table.set_position(slots.get(i).copied().unwrap_or(fallback));
        tables.push(table);
    }
    if tables.is_empty() {
        doc.remove(key);
    }
    Ok(())
}

/// A table from the TOML of its keys.
fn parse_table(text: &str) -> Result<Table, SaveError> {
    let doc: DocumentMut = text.parse().map_err(|_| SaveError::QuestionGone)?;
    let mut table = doc.as_table().clone();
    table.set_implicit(false);
    table.decor_mut().clear();
    Ok(table)
}

/// Whether `found` is the table `described`: the same number (a table
/// has more keys in the file than the app names, comments too).
fn same_table(found: &Table, described: &Table) -> bool {
    let number = |t: &Table| t.get("number").and_then(Item::as_str).map(str::to_string);
    number(found) == number(described)
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

/// Text in the form that reads best in an editor (see [`record::text`]).
fn text_value(text: &str) -> Value {
    record::text(text)
        .parse()
        .unwrap_or_else(|_| Value::from(text))
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
