//! Changes to the fields of a record: a session, a motion (their head
//! table), an agenda item or a question. Values are held as TOML value
//! text (`"Rathaus"`, `2026-12-03`, `["CDU", "SPD"]`), so one kind of change
//! covers every key of the schema and the store writes it as it stands.

use serde::{Deserialize, Serialize};

use super::Owner;
use crate::model::{AgendaItem, Dataset, Motion, Question, Session};

/// Which table of the owner's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// `[session]` or `[motion]`.
    Head,
    /// The agenda item at `index`, which has `number`.
    Agenda { index: usize, number: String },
    /// The question at `index`, which has `number`.
    Question { index: usize, number: String },
}

/// Keys of one table set to new values; `None` removes the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordChange {
    pub owner: Owner,
    pub part: Part,
    /// Each key as it was, in the same order as `after`.
    pub before: Vec<(String, Option<String>)>,
    pub after: Vec<(String, Option<String>)>,
}

/// TOML value text of a string, in the form that reads best in an editor:
/// long or several lines as a multi-line string wrapped near 80 columns
/// (as the bundled example is written); else as toml's own writer chooses.
pub fn text(value: &str) -> String {
    wrapped(value).unwrap_or_else(|| plain(value))
}

/// Long text as a multi-line basic string whose lines end in `\` (which
/// TOML reads as no break) near 80 columns; `None` where the text holds
/// what this form would have to escape.
fn wrapped(value: &str) -> Option<String> {
    const WIDTH: usize = 80;
    let risky = |c: char| c == '\\' || (c.is_control() && c != '\n');
    if value.chars().count() <= WIDTH && !value.contains('\n')
        || value.contains("\"\"")
        || value.ends_with('"')
        || value.chars().any(risky)
    {
        return None;
    }
    let mut out = String::from("\"\"\"\n");
    for (n, line) in value.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // A line may only break after a space followed by a word: the
        // break eats the next line's leading blanks.
        let mut width = 0;
        let words: Vec<&str> = line.split(' ').collect();
        for (i, word) in words.iter().enumerate() {
            let last = i + 1 == words.len();
            let piece = if last {
                word.to_string()
            } else {
                format!("{word} ")
            };
            let next_is_word = words.get(i + 1).is_some_and(|w| !w.is_empty());
            out.push_str(&piece);
            width += piece.chars().count();
            if width >= WIDTH - 10 && !last && next_is_word && !word.is_empty() {
                out.push_str("\\\n");
                width = 0;
            }
        }
    }
    out.push_str("\"\"\"");
    Some(out)
}

/// A string as toml's own writer writes it.
fn plain(value: &str) -> String {
    let mut repr = String::new();
    let builder = toml_writer::TomlStringBuilder::new(value);
    match toml_writer::TomlWrite::value(&mut repr, builder.as_default()) {
        Ok(()) => repr,
        Err(_) => toml_edit::Value::from(value).to_string().trim().to_string(),
    }
}

/// TOML value text of a list of strings.
pub fn list(values: &[String]) -> String {
    let array: toml_edit::Array = values.iter().map(String::as_str).collect();
    toml_edit::Value::Array(array)
        .to_string()
        .trim()
        .to_string()
}

fn optional(value: &Option<String>) -> Option<String> {
    value.as_deref().map(text)
}

/// The value a key has now in `data`, as TOML value text, for the keys
/// the app edits: `Some(None)` where it is absent, `None` where the table
/// itself is not there (any more).
pub fn current(data: &Dataset, owner: &Owner, part: &Part, key: &str) -> Option<Option<String>> {
    match (owner, part) {
        (Owner::Session(id), Part::Head) => data.session(id).map(|s| session_value(s, key)),
        (Owner::Session(id), Part::Agenda { index, number }) => data
            .session(id)
            .and_then(|s| s.agenda.get(*index))
            .filter(|item| &item.number == number)
            .map(|item| item_value(item, key)),
        (Owner::Motion(id), Part::Head) => data.motion(id).map(|m| motion_value(m, key)),
        (Owner::Motion(id), Part::Question { index, number }) => data
            .motion(id)
            .and_then(|m| m.questions.get(*index))
            .filter(|q| &q.number == number)
            .map(|q| question_value(q, key)),
        _ => None,
    }
}

fn session_value(session: &Session, key: &str) -> Option<String> {
    match key {
        "id" => Some(text(&session.id)),
        "committee" => Some(text(&session.committee)),
        "date" => Some(session.date.format("%Y-%m-%d").to_string()),
        "time" => session.time.map(|t| t.format("%H:%M:%S").to_string()),
        "location" => optional(&session.location),
        "oparl_id" => optional(&session.oparl_id),
        "files" => (!session.files.is_empty()).then(|| list(&session.files)),
        _ => None,
    }
}

fn item_value(item: &AgendaItem, key: &str) -> Option<String> {
    match key {
        "number" => Some(text(&item.number)),
        "title" => Some(text(&item.title)),
        "public" => (!item.public).then(|| "false".to_string()),
        "motions" => (!item.motions.is_empty()).then(|| list(&item.motions)),
        "oparl_id" => optional(&item.oparl_id),
        _ => None,
    }
}

fn motion_value(motion: &Motion, key: &str) -> Option<String> {
    match key {
        "id" => Some(text(&motion.id)),
        "kind" => Some(text(&motion.kind)),
        "title" => Some(text(&motion.title)),
        "basis" => optional(&motion.basis),
        "submitted" => motion.submitted.map(|d| d.format("%Y-%m-%d").to_string()),
        "submitters" => (!motion.submitters.is_empty()).then(|| list(&motion.submitters)),
        "addressee" => optional(&motion.addressee),
        "session" => optional(&motion.session),
        "reference" => optional(&motion.reference),
        "state" => motion.state.as_str().map(text),
        "office" => optional(&motion.office),
        "oparl_id" => optional(&motion.oparl_id),
        "files" => (!motion.files.is_empty()).then(|| list(&motion.files)),
        "proposal" => optional(&motion.proposal),
        "rationale" => optional(&motion.rationale),
        "signatories" => (!motion.signatories.is_empty()).then(|| signatories(&motion.signatories)),
        _ => None,
    }
}

/// TOML value text of signatories: an array of inline tables.
pub fn signatories(people: &[crate::model::Signatory]) -> String {
    let mut array = toml_edit::Array::new();
    for person in people {
        let mut table = toml_edit::InlineTable::new();
        table.insert("name", person.name.as_str().into());
        if let Some(role) = &person.role {
            table.insert("role", role.as_str().into());
        }
        array.push(table);
    }
    toml_edit::Value::Array(array)
        .to_string()
        .trim()
        .to_string()
}

fn question_value(question: &Question, key: &str) -> Option<String> {
    match key {
        "number" => Some(text(&question.number)),
        "text" => Some(text(&question.text)),
        _ => None,
    }
}

/// Whether two value texts mean the same value, however written.
pub fn same_value(a: &Option<String>, b: &Option<String>) -> bool {
    let parse = |v: &Option<String>| {
        v.as_deref().map(|t| {
            t.parse::<toml_edit::Value>()
                .map(|v| v.to_string().trim().to_string())
        })
    };
    match (parse(a), parse(b)) {
        (Some(Ok(a)), Some(Ok(b))) => normal(&a) == normal(&b),
        (None, None) => true,
        _ => a == b,
    }
}

/// Value text with the spaces of its layout dropped outside strings is
/// too much work for what it buys; spaces after commas are the one
/// difference the app's own writing makes.
fn normal(text: &str) -> String {
    text.replace(", ", ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_toml_text() {
        for written in ["Rathaus \"Mitte\"", "Zeile 1\nZeile 2", "ä'\\"] {
            let value: toml_edit::Value = text(written).parse().unwrap();
            assert_eq!(value.as_str(), Some(written));
        }
        assert!(
            text("Zeile 1\nZeile 2").contains('\n'),
            "several lines read as such"
        );
        assert_eq!(list(&["CDU".into(), "SPD".into()]), "[\"CDU\", \"SPD\"]");
        assert!(same_value(
            &Some("[\"CDU\",\"SPD\"]".into()),
            &Some(list(&["CDU".into(), "SPD".into()]))
        ));
        assert!(!same_value(&Some("\"a\"".into()), &None));
    }
}
