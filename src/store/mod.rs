//! Loads a data directory: finds the files, reads them, checks them.
//!
//! Loading never stops at a bad file: every problem becomes a [`Diagnostic`]
//! and every good record still loads.

pub mod cache;
mod diagnostic;
pub(crate) mod lines;
mod load;
mod patch;
mod read;
mod save;
mod schema;
mod suggest;
mod swap;
mod validate;
mod values;

use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

pub use crate::edit::{Field, Stamp};
pub use cache::{first, open, open_counting};
pub use diagnostic::{
    Diagnostic, Expected, Found, IoCause, Location, Problem, RecordKind, Severity,
};
pub use load::{Progress, load, reload};
pub use save::{SaveError, save_question, write, write_atomically};

use load::FileStamp;

use crate::model::{Dataset, SourceId};

/// Files above this size are refused: no hand-written motion comes near it,
/// and reading a stray multi-gigabyte file would stall the app.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The outcome of loading a directory: what loaded, and what is wrong.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Shared, so the search thread can index it without a copy; changed
    /// through `Arc::make_mut`, which copies only while it is shared.
    pub data: std::sync::Arc<Dataset>,
    /// How many TOML files were found, readable or not.
    pub files: usize,
    /// Sorted by path, then position.
    pub diagnostics: Vec<Diagnostic>,
    /// Each file as read, before the checks across files: what a reload
    /// of some files keeps of the others.
    pub(crate) read: std::sync::Arc<Vec<FileRead>>,
}

/// One file as read: its fingerprint and record (where it could be read
/// at all), its own problems, the motion ids its agenda names, and the
/// size and time of change it had then.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct FileRead {
    path: PathBuf,
    /// Shared: a file kept from an earlier reading costs no copy.
    parsed: Option<(u64, Option<std::sync::Arc<read::Record>>)>,
    found: Vec<Diagnostic>,
    refs: Vec<read::MotionRef>,
    stamp: Option<FileStamp>,
}

impl Loaded {
    /// Number of errors (not warnings).
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// How many files have errors that keep their record out of `data` (what
/// they hold is missing from every list), of those `diagnostics` name.
pub fn unread(data: &Dataset, diagnostics: &[Diagnostic]) -> usize {
    let read: std::collections::HashSet<&Path> = (data.sessions.iter())
        .map(|s| s.source)
        .chain(data.motions.iter().map(|m| m.source))
        .map(|source| data.path(source))
        .collect();
    let unread: std::collections::HashSet<&Path> = (diagnostics.iter())
        .filter(|d| d.is_error() && !read.contains(d.path.as_path()))
        .map(|d| d.path.as_path())
        .collect();
    unread.len()
}

/// The motion a file's text holds, if it holds one that reads (for an
/// old version of a file, as git keeps it).
pub fn parse_motion(text: &str) -> Option<crate::model::Motion> {
    let (mut found, mut refs) = (Vec::new(), Vec::new());
    let path = Path::new("motion.toml");
    match read::read_record(path, text, SourceId(0), &mut found, &mut refs)? {
        read::Record::Motion(motion, _) => Some(std::sync::Arc::unwrap_or_clone(motion)),
        read::Record::Session(..) => None,
    }
}

/// The session a file's text holds, if it holds one that reads.
pub fn parse_session(text: &str) -> Option<crate::model::Session> {
    let (mut found, mut refs) = (Vec::new(), Vec::new());
    let path = Path::new("session.toml");
    match read::read_record(path, text, SourceId(0), &mut found, &mut refs)? {
        read::Record::Session(session, _) => Some(session),
        read::Record::Motion(..) => None,
    }
}

/// A hash of a file's bytes, to tell whether it changed since it was read.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// Paths, relative to `dir`, of the TOML files below it, sorted.
fn discover(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    // Links are followed only while they stay inside the data folder: a
    // link to `/` must not make a load walk the whole disk.
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let outside = std::cell::RefCell::new(Vec::new());
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            if e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            if e.path_is_symlink() && e.file_type().is_dir() {
                let inside = std::fs::canonicalize(e.path()).is_ok_and(|t| t.starts_with(&root));
                if !inside {
                    outside.borrow_mut().push(relative(dir, e.path()));
                }
                return inside;
            }
            true
        });
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_toml = entry
                    .path()
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
                if !is_toml {
                    continue;
                }
                if entry.file_type().is_file() {
                    files.push(relative(dir, entry.path()));
                } else {
                    // A FIFO would block the read; a device or a folder
                    // named so is not a data file either. Said, not opened.
                    let cause = IoCause::NotAFile;
                    let path = relative(dir, entry.path());
                    diagnostics.push(Diagnostic::new(path, None, Problem::Unreadable { cause }));
                }
            }
            Err(error) => {
                let path = error.path().map_or_else(PathBuf::new, |p| relative(dir, p));
                let dangling = error
                    .path()
                    .is_some_and(|p| p.is_symlink() && std::fs::metadata(p).is_err());
                let cause = if error.loop_ancestor().is_some() {
                    IoCause::SymlinkLoop
                } else if dangling {
                    IoCause::BrokenLink
                } else {
                    error
                        .io_error()
                        .map_or_else(|| IoCause::Other(error.to_string()), io_cause)
                };
                diagnostics.push(Diagnostic::new(path, None, Problem::Unreadable { cause }));
            }
        }
    }
    for path in outside.into_inner() {
        let cause = IoCause::OutsideFolder;
        diagnostics.push(Diagnostic::new(path, None, Problem::Unreadable { cause }));
    }
    files
}

fn relative(dir: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(dir).unwrap_or(path).to_path_buf()
}

/// The file's text and the fingerprint of its bytes, or a diagnostic saying
/// why it cannot be had.
fn read_text(dir: &Path, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<(String, u64)> {
    let full = dir.join(path);
    let mut report = |location, problem| {
        diagnostics.push(Diagnostic::new(path.to_path_buf(), location, problem));
    };
    // One open, one stat of the open file, one read: no second look by path.
    let bytes = std::fs::File::open(&full).and_then(|mut file| {
        let size = file.metadata()?.len();
        if size > MAX_FILE_BYTES {
            return Ok(Err(size));
        }
        let mut bytes = Vec::with_capacity(size as usize + 1);
        io::Read::read_to_end(&mut file, &mut bytes)?;
        Ok(Ok(bytes))
    });
    let bytes = match bytes {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(size)) => {
            let problem = Problem::TooLarge {
                bytes: size,
                limit: MAX_FILE_BYTES,
            };
            report(None, problem);
            return None;
        }
        Err(error) => {
            report(
                None,
                Problem::Unreadable {
                    cause: io_cause(&error),
                },
            );
            return None;
        }
    };
    let print = fingerprint(&bytes);
    match String::from_utf8(bytes) {
        // A byte-order mark, as some Windows editors write, is not content.
        Ok(text) => Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest.to_string(), print),
            None => (text, print),
        }),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let location = lines::LineIndex::new(valid).locate(valid, valid.len());
            report(Some(location), Problem::NotUtf8);
            None
        }
    }
}

/// The causes users can act on get words of our own; the rest keep the OS's.
fn io_cause(error: &io::Error) -> IoCause {
    match error.kind() {
        io::ErrorKind::PermissionDenied => IoCause::PermissionDenied,
        io::ErrorKind::NotFound => IoCause::Vanished,
        _ => IoCause::Other(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_between_listing_and_reading_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut diagnostics = Vec::new();
        // Listed a moment ago, gone now: read as the loader would.
        let read = read_text(dir.path(), Path::new("weg.toml"), &mut diagnostics);
        assert!(read.is_none());
        assert_eq!(
            diagnostics,
            [Diagnostic::new(
                "weg.toml".into(),
                None,
                Problem::Unreadable {
                    cause: IoCause::Vanished
                }
            )]
        );
    }
}
