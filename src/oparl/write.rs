//! What plans are made of: the write to one file, the ids and paths a
//! plan hands out, the keys of a record that differ from what is wanted.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::base::{Bases, Values};
use super::flawed::Flawed;
use super::pull::Pull;
use super::say::{Say, Subject};
use crate::edit::FileChange;
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

/// What a pull knows of the values a record's fields were last imported
/// with (see `base`).
#[derive(Debug, Clone, Copy)]
pub enum Base<'b> {
    /// Not imported before, but taken over now (typed in by hand, now
    /// found upstream): upstream's values are taken.
    Adopted,
    /// Imported before, by an earlier version or in another office: what
    /// came then is not known, so a value that differs here is kept.
    Unknown,
    /// As last imported.
    Known(&'b Values),
}

impl<'b> Base<'b> {
    /// The base of a record whose OParl id is `id` (`None`: not imported
    /// before).
    pub fn of(bases: &'b Bases, id: Option<&str>) -> Base<'b> {
        match id {
            None => Base::Adopted,
            Some(id) => bases.of(id).map_or(Base::Unknown, Base::Known),
        }
    }
}

/// A field whose value here differs from upstream's, both changed since
/// the last import: kept. Key, value here, value upstream (TOML text).
pub type Kept = (String, Option<String>, Option<String>);

/// Keys that always follow upstream: what ties a record to it, and the
/// papers on an item (see `plan::moved_away`, which says each move).
const FOLLOWED: [&str; 3] = ["id", "oparl_id", "motions"];

/// [`record_change`] with the base: a key takes upstream's value only
/// where the record still has the value last imported (or is adopted
/// now). A value changed here stays; where upstream changed it too, it
/// goes into `kept`, to be said.
pub fn merged_change(
    data: &Dataset,
    (owner, part): (&Owner, Part),
    wanted: &[Key],
    base: Base,
    kept: &mut Vec<Kept>,
) -> Option<RecordChange> {
    let mut taken = Vec::new();
    for (key, value) in wanted {
        let now = current(data, owner, &part, key)?;
        if same_value(&now, value) {
            continue;
        }
        let last = match base {
            Base::Known(values) => Some(values.get(*key).cloned()),
            Base::Adopted | Base::Unknown => None,
        };
        let follow = FOLLOWED.contains(key) || matches!(base, Base::Adopted);
        if follow || last.as_ref().is_some_and(|last| same_value(last, &now)) {
            taken.push((*key, value.clone()));
        } else if !last.is_some_and(|last| same_value(&last, value)) {
            kept.push((key.to_string(), now, value.clone()));
        }
    }
    record_change(data, owner, part, &taken)
}

/// The year a new motion's id carries.
pub fn year_of(date: Option<NaiveDate>, today: NaiveDate) -> i32 {
    date.unwrap_or(today).year()
}

/// A base file to write (see `base`): after its record's write, and only
/// where that was written, lest a value not taken count as taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseWrite {
    /// The record's file.
    pub record: std::path::PathBuf,
    /// Whether the plan writes the record too (else it is as upstream
    /// has it already).
    pub written: bool,
    pub change: FileChange,
}

/// Fields corrected here that upstream changed too, said one by one.
pub fn keep(
    subject: &Subject,
    item: Option<&str>,
    kept: Vec<Kept>,
    path: &std::path::Path,
    said: &mut Vec<Say>,
) {
    for (key, here, there) in kept {
        said.push(Say::KeptLocal {
            subject: subject.clone(),
            item: item.map(str::to_string),
            key,
            here,
            there,
            path: path.to_path_buf(),
        });
    }
}

/// Notes the base file of the record with OParl id `id`, in the file
/// `record`, to write where `objects` are not what it holds.
pub fn remember(
    pull: &Pull,
    (id, objects): (&str, Vec<(String, Values)>),
    record: &std::path::Path,
    written: bool,
    bases: &mut Vec<BaseWrite>,
) {
    if let Some(change) = pull.bases.change(id, objects) {
        bases.push(BaseWrite {
            record: record.to_path_buf(),
            written,
            change,
        });
    }
}

/// A record's own values for its base: upstream's, and where upstream is
/// silent (no value, a committee it could not name), what the base had:
/// silence tells nothing new.
pub fn head_values(pull: &Pull, id: &str, head: &[Key]) -> Values {
    let mut out = pull.bases.of(id).cloned().unwrap_or_default();
    out.extend(values(head));
    out
}

/// The values that make a base: those upstream gives, less the keys
/// that always follow it.
pub fn values(keys: &[Key]) -> Values {
    keys.iter()
        .filter(|(k, _)| !FOLLOWED.contains(k))
        .filter_map(|(k, v)| Some((k.to_string(), v.clone()?)))
        .collect()
}
