//! What the council system last delivered of each imported record, kept
//! in the data folder's hidden `.oparl` folder, a file per session or
//! motion. A pull compares three values of each imported field, as a
//! merge does: the one kept here, the record's, and upstream's now. A
//! field corrected here stays corrected while upstream keeps its value;
//! where both changed, the correction stays and the difference is said.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::edit::FileChange;

/// The folder, in the data folder: hidden, so never read as data.
pub const FOLDER: &str = ".oparl";

/// One object's values (a meeting's, an agenda item's, a paper's) by
/// key, as TOML value text; a key upstream gave no value is absent.
pub type Values = BTreeMap<String, String>;

/// The base files of a data folder, as read with the pull.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bases {
    /// Each file's text and the objects it holds, by its path in the
    /// data folder.
    files: HashMap<PathBuf, (String, Vec<String>)>,
    /// Each object's values, by OParl id.
    objects: HashMap<String, Values>,
}

impl Bases {
    /// Reads the base files of the data folder `dir`. A file that does
    /// not read is as if missing: its records' fields then count as
    /// imported by an earlier version (values that differ are kept).
    pub fn read(dir: &Path) -> Bases {
        let mut bases = Bases::default();
        let Ok(entries) = std::fs::read_dir(dir.join(FOLDER)) else {
            return bases;
        };
        for entry in entries.flatten() {
            let path = Path::new(FOLDER).join(entry.file_name());
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else {
                continue;
            };
            let mut ids = Vec::new();
            for (id, item) in doc.iter() {
                let Some(table) = item.as_table_like() else {
                    continue;
                };
                let values = table
                    .iter()
                    .filter_map(|(k, v)| Some((k.to_string(), v.as_value()?.to_string())))
                    .map(|(k, v)| (k, v.trim().to_string()))
                    .collect();
                bases.objects.insert(id.to_string(), values);
                ids.push(id.to_string());
            }
            bases.files.insert(path, (text, ids));
        }
        bases
    }

    /// What was last imported of the object with this OParl id.
    pub fn of(&self, id: &str) -> Option<&Values> {
        self.objects.get(id)
    }

    /// The change that makes the base file of the record with OParl id
    /// `record` hold `objects` (the record's own values and its agenda
    /// items'); `None` where it holds them already.
    pub fn change(&self, record: &str, objects: Vec<(String, Values)>) -> Option<FileChange> {
        let path = file_for(record);
        let before = self.files.get(&path);
        let mut all: BTreeMap<String, Values> = BTreeMap::new();
        // Objects of other records whose file name falls together with
        // this one's stay.
        for id in before.iter().flat_map(|(_, ids)| ids) {
            if let Some(values) = self.objects.get(id) {
                all.insert(id.clone(), values.clone());
            }
        }
        all.extend(objects);
        let mut after = String::from(HEADER);
        for (id, values) in &all {
            after.push_str(&format!("\n[{}]\n", toml_edit::Key::new(id.as_str())));
            for (key, value) in values {
                after.push_str(&format!("{key} = {value}\n"));
            }
        }
        let before = before.map(|(text, _)| text.clone());
        (before.as_deref() != Some(after.as_str())).then_some(FileChange {
            path,
            before,
            after: Some(after),
        })
    }
}

const HEADER: &str = "# Written by agenda: what the council information system last delivered\n\
# of this record, so that a correction made here survives the next import.\n";

/// The base file of the record with this OParl id: its address, less the
/// scheme, in letters, digits and dashes (the end kept where it is long,
/// for the number that tells records apart stands there).
pub fn file_for(id: &str) -> PathBuf {
    let rest = id.split_once("://").map_or(id, |(_, rest)| rest);
    let mut slug = String::new();
    for c in rest.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = &slug[slug.len().saturating_sub(120)..];
    let slug = if slug.is_empty() { "_" } else { slug };
    Path::new(FOLDER).join(format!("{slug}.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_file_is_named_for_the_address_and_reads_back_as_written() {
        assert_eq!(
            file_for("https://ris.example.org/oparl/paper/300"),
            Path::new(".oparl/ris-example-org-oparl-paper-300.toml")
        );
        let dir = tempfile::tempdir().unwrap();
        let values: Values = [
            ("title".to_string(), "\"Lärm \\\"B 54\\\"\"".to_string()),
            ("submitted".to_string(), "2027-03-01".to_string()),
        ]
        .into();
        let id = "https://ris.example.org/oparl/paper/300";
        let change = Bases::default()
            .change(id, vec![(id.to_string(), values.clone())])
            .unwrap();
        std::fs::create_dir(dir.path().join(FOLDER)).unwrap();
        std::fs::write(dir.path().join(&change.path), change.after.unwrap()).unwrap();
        let read = Bases::read(dir.path());
        assert_eq!(read.of(id), Some(&values));
        // The same values again change nothing.
        assert_eq!(read.change(id, vec![(id.to_string(), values)]), None);
    }
}
