//! The tidy layout of what the app writes new: a file's head table and its
//! keys, a table of an array, one `key = value` a line.

use std::path::PathBuf;

use super::{Change, FileChange};

/// A key with its TOML value text (`None`: not written).
pub type Key<'k> = (&'k str, Option<String>);

/// The TOML of `[head]` and its keys, those with a value.
pub fn file_text(head: &str, keys: &[Key]) -> String {
    format!("[{head}]\n{}", table_text(keys))
}

/// The change that creates a file at `path` holding `[head]` and its keys.
pub fn new_file(path: PathBuf, head: &str, keys: &[Key]) -> Change {
    Change::File(FileChange {
        path,
        before: None,
        after: Some(file_text(head, keys)),
    })
}

/// The TOML of a table's keys, those with a value.
pub fn table_text(keys: &[Key]) -> String {
    keys.iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} = {v}\n")))
        .collect()
}

/// New open questions as `[[question]]` tables, each after a blank line.
pub fn questions_text(questions: &[(String, String)]) -> String {
    let mut out = String::new();
    for (number, question) in questions {
        out.push_str("\n[[question]]\n");
        out.push_str(&table_text(&[
            ("number", Some(super::record::text(number))),
            ("text", Some(super::record::text(question))),
            ("status", Some(super::record::text("open"))),
        ]));
    }
    out
}
