//! Same-field conflicts as the merge commit that settled them records
//! them: one trailer line of JSON each. The office whose value was
//! replaced learns of it from there at its next sync, instead of seeing
//! its answer change without a word.

use serde::{Deserialize, Serialize};
use toml_edit::{DocumentMut, Item, Table};

use crate::edit::merge_file::FieldConflict;

/// The trailer key of a recorded conflict.
const TRAILER: &str = "Agenda-Conflict:";

/// A same-field conflict and how it was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    /// Relative to the repository's top.
    pub file: String,
    /// The motion's id and title, where the file holds a motion.
    #[serde(default)]
    pub motion: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// `session`, `motion`, `question` or `agenda`.
    pub table: String,
    /// The question's or agenda item's number.
    #[serde(default)]
    pub number: Option<String>,
    /// The field; empty where the whole question was at stake (deleted on
    /// one side, changed on the other).
    pub field: String,
    /// The value that stayed and the one it replaced, as TOML text
    /// (`None`: none).
    pub kept: Option<String>,
    pub replaced: Option<String>,
    /// Who merged, and so decided.
    pub by: String,
}

impl Decided {
    /// A conflict this sync settled (ours kept) in `file`.
    pub fn here(file: &str, text: &str, c: &FieldConflict, by: &str) -> Decided {
        let motion = crate::store::parse_motion(text);
        Decided {
            file: file.to_string(),
            motion: motion.as_ref().map(|m| m.id.clone()),
            title: motion.map(|m| m.title),
            table: c.table.clone(),
            number: c.number.clone(),
            field: c.key.clone(),
            kept: c.ours.clone(),
            replaced: c.theirs.clone(),
            by: by.to_string(),
        }
    }

    /// Whether `text` (a version of the file) held the value replaced.
    pub fn replaced_in(&self, text: &str) -> bool {
        let Ok(doc) = text.parse::<DocumentMut>() else {
            return false;
        };
        let table = match self.table.as_str() {
            "session" | "motion" => doc.get(&self.table).and_then(Item::as_table),
            array => doc
                .get(array)
                .and_then(Item::as_array_of_tables)
                .and_then(|a| a.iter().find(|t| identity(t) == self.number)),
        };
        if self.field.is_empty() {
            // A whole question: "…" stands for one that was changed.
            return match (&self.replaced, table) {
                (None, None) => true,
                (Some(r), Some(t)) => r == "…" || *r == t.to_string().trim(),
                _ => false,
            };
        }
        let value = table.and_then(|t| t.get(&self.field));
        value.map(|v| v.to_string().trim().to_string()) == self.replaced
    }
}

/// As `edit::merge_file` knows a table of an array.
fn identity(table: &Table) -> Option<String> {
    let text = |k: &str| table.get(k).and_then(Item::as_str).map(str::to_string);
    text("oparl_id").or_else(|| text("number"))
}

/// The trailer lines for `conflicts`, one each.
pub fn trailers(conflicts: &[Decided]) -> String {
    conflicts
        .iter()
        .filter_map(|c| serde_json::to_string(c).ok())
        .map(|json| format!("{TRAILER} {json}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The conflicts a commit message records.
pub fn read(message: &str) -> Vec<Decided> {
    message
        .lines()
        .filter_map(|l| l.strip_prefix(TRAILER))
        .filter_map(|json| serde_json::from_str(json.trim()).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> Decided {
        Decided {
            file: "daten/antraege/kim.toml".into(),
            motion: Some("kim".into()),
            title: Some("KIM".into()),
            table: "question".into(),
            number: Some("3".into()),
            field: "answer".into(),
            kept: Some("\"Nein\"".into()),
            replaced: Some("\"Ja,\nmit \\\"zwei\\\"\"".into()),
            by: "Jugendamt".into(),
        }
    }

    #[test]
    fn a_conflict_goes_into_one_trailer_line_and_comes_back() {
        let lines = trailers(&[answer(), answer()]);
        assert_eq!(lines.lines().count(), 2);
        let message = format!("Merge origin/main\n\n{lines}\n");
        assert_eq!(read(&message), vec![answer(), answer()]);
        assert!(read("Merge origin/main\n\nAgenda-Conflict: {kaputt").is_empty());
    }

    #[test]
    fn the_replaced_value_is_found_by_question_and_field() {
        let mut d = answer();
        d.replaced = Some("\"Ja\"".into());
        let mine = "[motion]\nid = \"kim\"\n\n[[question]]\nnumber = \"3\"\nanswer = \"Ja\"\n";
        assert!(d.replaced_in(mine));
        assert!(!d.replaced_in(&mine.replace("\"Ja\"", "\"Jein\"")));
        assert!(!d.replaced_in(&mine.replace("\"3\"", "\"4\"")));
    }
}
