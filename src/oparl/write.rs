//! What plans are made of: the write to one file, the ids and paths a
//! plan hands out, the keys of a record that differ from what is wanted.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::flawed::Flawed;
use super::say::Say;
use crate::edit::layout::Key;
use crate::edit::record::{current, same_value};
use crate::edit::{Change, Owner, Part, RecordChange, names};
use crate::model::Dataset;

/// The changes to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    pub path: PathBuf,
    /// What the file was when loaded; `None` for a new file.
    pub fingerprint: Option<u64>,
    pub changes: Vec<Change>,
    /// What it brings, to be said once it is written.
    pub says: Say,
}

/// Ids and paths handed out by this plan, beside those of the data.
pub struct Names<'d> {
    pub data: &'d Dataset,
    pub ids: HashSet<String>,
    pub paths: HashSet<PathBuf>,
    /// Records here that an upstream one has taken over already: a
    /// second one of the same day or reference gets a record of its own.
    pub claimed: HashSet<String>,
    pub flawed: &'d Flawed,
    /// Objects (by OParl id) not imported, for a file with errors (the
    /// path) may hold them already.
    pub held: HashMap<String, PathBuf>,
}

impl Names<'_> {
    pub fn id(&mut self, base: String) -> String {
        let data = self.data;
        let id = names::unique(&base, |id| {
            self.ids.contains(id) || data.session(id).is_some() || data.motion(id).is_some()
        });
        self.ids.insert(id.clone());
        id
    }

    pub fn path(&mut self, folder: &std::path::Path, id: &str) -> PathBuf {
        let data = self.data;
        let name = names::unique(id, |name| {
            let path = folder.join(format!("{name}.toml"));
            self.paths.contains(&path) || data.sources.iter().any(|s| s.path == path)
        });
        let path = folder.join(format!("{name}.toml"));
        self.paths.insert(path.clone());
        path
    }
}

/// The keys of `wanted` whose value differs from the record's, as one
/// change; `None` where all agree.
pub fn record_change(
    data: &Dataset,
    owner: &Owner,
    part: Part,
    wanted: &[Key],
) -> Option<RecordChange> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (key, value) in wanted {
        let now = current(data, owner, &part, key)?;
        if !same_value(&now, value) {
            before.push((key.to_string(), now));
            after.push((key.to_string(), value.clone()));
        }
    }
    (!after.is_empty()).then(|| RecordChange {
        owner: owner.clone(),
        part,
        before,
        after,
    })
}

/// The year a new motion's id carries.
pub fn year_of(date: Option<NaiveDate>, today: NaiveDate) -> i32 {
    date.unwrap_or(today).year()
}
