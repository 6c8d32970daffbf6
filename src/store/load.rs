//! Reading a folder: every file, or only those changed since an earlier
//! reading.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{Diagnostic, FileRead, Loaded, discover, read, read_text, validate};
use crate::model::{Source, SourceId};

/// A file's size and time of last change: while both stay, the file is
/// taken to be as read. `None` where that cannot be trusted (see [`stamp`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct FileStamp {
    pub(super) size: u64,
    pub(super) modified: std::time::SystemTime,
}

/// The stamp of the file at `full`, if it can vouch for its content: a
/// file changed within the last two seconds may change again within the
/// same tick of a coarse clock (FAT, network shares) at the same size, so
/// it gets none and is read every time until it has settled.
pub(super) fn stamp(full: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(full).ok()?;
    let modified = meta.modified().ok()?;
    let age = std::time::SystemTime::now().duration_since(modified).ok()?;
    (age >= std::time::Duration::from_secs(2)).then_some(FileStamp {
        size: meta.len(),
        modified,
    })
}

/// How far a reading has come: files read of files found.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
}

/// Loads every `*.toml` below `dir`, skipping hidden files and folders.
pub fn load(dir: &Path) -> Loaded {
    reload(dir, &Loaded::default(), None)
}

/// Loads `dir` again, reading only the files in `changed` (relative
/// paths) and those new since `previous`; the others as `previous` read
/// them. `None` reads every file whose size or time of change moved on.
/// The checks across files run on all.
pub fn reload(dir: &Path, previous: &Loaded, changed: Option<&[PathBuf]>) -> Loaded {
    reading(dir, previous, changed, &Progress::default())
}

pub(super) fn reading(
    dir: &Path,
    previous: &Loaded,
    changed: Option<&[PathBuf]>,
    progress: &Progress,
) -> Loaded {
    assemble(gather(dir, previous, changed, progress), true, true)
}

/// The files of a folder as read (or kept from an earlier reading), in
/// path order, before the checks across files.
pub(super) struct Gathered {
    pub(super) read: Vec<FileRead>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) files: usize,
}

/// Reads `dir` as [`reload`] says, without assembling the data.
pub(super) fn gather(
    dir: &Path,
    previous: &Loaded,
    changed: Option<&[PathBuf]>,
    progress: &Progress,
) -> Gathered {
    let mut diagnostics = Vec::new();
    let paths = discover(dir, &mut diagnostics);
    progress.total.store(paths.len(), Ordering::Relaxed);
    let files = paths.len();
    let kept: HashMap<&Path, &FileRead> = match changed {
        // A file kept must be as the data holds it: one saved since (its
        // fingerprint moved on) is read again too.
        Some(changed) => {
            let changed: HashSet<&PathBuf> = changed.iter().collect();
            let held: HashMap<&Path, u64> = previous
                .data
                .sources
                .iter()
                .map(|s| (s.path.as_path(), s.fingerprint))
                .collect();
            previous
                .read
                .iter()
                .filter(|f| !changed.contains(&f.path))
                .filter(|f| match (&f.parsed, held.get(f.path.as_path())) {
                    (Some((print, _)), Some(held)) => print == held,
                    (None, None) => true,
                    _ => false,
                })
                .map(|f| (f.path.as_path(), f))
                .collect()
        }
        None => Default::default(),
    };
    // Read all again: a file whose size and time are as when it was read
    // is not read again (its stamp is taken before reading).
    let by_stamp: HashMap<&Path, &FileRead> = match changed {
        Some(_) => Default::default(),
        None => previous
            .read
            .iter()
            .filter(|f| f.stamp.is_some())
            .map(|f| (f.path.as_path(), f))
            .collect(),
    };
    // Files are read and parsed in parallel; everything after keeps path order.
    let read: Vec<FileRead> = paths
        .into_par_iter()
        .map(|path| {
            progress.done.fetch_add(1, Ordering::Relaxed);
            if let Some(done) = kept.get(path.as_path()) {
                return (*done).clone();
            }
            let stamp = stamp(&dir.join(&path));
            match by_stamp.get(path.as_path()) {
                Some(done) if stamp.is_some() && done.stamp == stamp => (*done).clone(),
                _ => read_one(dir, path, stamp),
            }
        })
        .collect();
    Gathered {
        read,
        diagnostics,
        files,
    }
}

/// Reads `dir` with the readings of a cache (in path order, each with its
/// stamp): a file whose size and time are as stamped is taken as cached,
/// moved, not copied; the others are read. Also whether nothing changed
/// since (the cache need not be written again).
pub(super) fn gather_cached(
    dir: &Path,
    cached: Vec<FileRead>,
    progress: &Progress,
) -> (Gathered, bool) {
    let mut diagnostics = Vec::new();
    let mut paths = discover(dir, &mut diagnostics);
    if !paths.is_sorted() {
        paths.sort();
    }
    progress.total.store(paths.len(), Ordering::Relaxed);
    let files = paths.len();
    let before = cached.len();
    // Both in path order: each path meets its cached reading, if any, in
    // one pass, without hashing 40,000 paths.
    let mut cached = cached.into_iter().peekable();
    let pairs: Vec<(PathBuf, Option<FileRead>)> = paths
        .into_iter()
        .map(|path| {
            while cached.next_if(|c| c.path < path).is_some() {}
            let hit = cached.next_if(|c| c.path == path);
            (path, hit)
        })
        .collect();
    let taken = AtomicUsize::new(0);
    let read: Vec<FileRead> = pairs
        .into_par_iter()
        .map(|(path, hit)| {
            progress.done.fetch_add(1, Ordering::Relaxed);
            let stamp = stamp(&dir.join(&path));
            match hit {
                Some(done) if stamp.is_some() && done.stamp == stamp => {
                    taken.fetch_add(1, Ordering::Relaxed);
                    done
                }
                _ => read_one(dir, path, stamp),
            }
        })
        .collect();
    let taken = taken.into_inner();
    let stamped = read.iter().filter(|f| f.stamp.is_some()).count();
    let unchanged = taken == before && stamped == before;
    let gathered = Gathered {
        read,
        diagnostics,
        files,
    };
    (gathered, unchanged)
}

/// Reads and parses one file.
pub(super) fn read_one(dir: &Path, path: PathBuf, stamp: Option<FileStamp>) -> FileRead {
    let mut found = Vec::new();
    let mut refs = Vec::new();
    // Source ids are only known in path order: read with a placeholder,
    // numbered in `assemble`.
    let parsed = read_text(dir, &path, &mut found).map(|(text, fingerprint)| {
        let record = read::read_record(&path, &text, SourceId(0), &mut found, &mut refs);
        (fingerprint, record.map(std::sync::Arc::new))
    });
    FileRead {
        path,
        parsed,
        found,
        refs,
        stamp,
    }
}

/// The data and problems of the files as read, the checks across files
/// included (those of references only where `references`). With `keep`,
/// the readings stay in the result for a later reload to reuse (sharing
/// each motion with the data); without, the records move into the data
/// and the readings are let go, for a one-time read.
pub(super) fn assemble(gathered: Gathered, references: bool, keep: bool) -> Loaded {
    let Gathered {
        mut read,
        mut diagnostics,
        files,
    } = gathered;
    let mut sources = Vec::new();
    let mut records = Vec::new();
    let mut all_refs = Vec::new();
    for file in &mut read {
        diagnostics.extend(file.found.iter().cloned());
        let Some((fingerprint, record)) = &mut file.parsed else {
            continue;
        };
        let id = SourceId(sources.len());
        sources.push(Source {
            fingerprint: *fingerprint,
            path: file.path.clone(),
        });
        if references {
            all_refs.extend(file.refs.iter().cloned().map(|r| (id, r)));
        }
        // The source id is set in the reading itself, so that the reading
        // and the data share one motion (a motion keeping its place in
        // path order, as most do on a reload, is not copied).
        let record = match keep {
            true => record.as_mut().map(|r| {
                let r = std::sync::Arc::make_mut(r);
                r.set_source(id);
                r.clone()
            }),
            false => record
                .take()
                .map(|r| std::sync::Arc::unwrap_or_clone(r).with_source(id)),
        };
        records.extend(record);
    }
    // Files that gave no record: an agenda naming what one holds is told so.
    let unusable: Vec<&Path> = read
        .iter()
        .filter(|f| !matches!(&f.parsed, Some((_, Some(_)))))
        .map(|f| f.path.as_path())
        .collect();
    let data = validate::assemble(records, all_refs, (sources, &unusable), &mut diagnostics);
    // What a file holds first, then how files fit together: a session file
    // that does not read comes before the motions that name it.
    fn order(d: &Diagnostic) -> (bool, &Path, Option<super::Location>) {
        (d.problem.between_files(), &d.path, d.location)
    }
    diagnostics.sort_by(|a, b| order(a).cmp(&order(b)));
    Loaded {
        data: std::sync::Arc::new(data),
        files,
        diagnostics,
        read: std::sync::Arc::new(if keep { read } else { Vec::new() }),
    }
}
