//! The files as last read, kept in the platform cache folder, so that a
//! start (or `agenda search`) reads and parses only the files that changed.
//!
//! Never trusted blindly: the whole cache counts only for the same program
//! build and the same data folder, and each file's entry only while the
//! file has the size and time of change it had when read (a file changed
//! in the last two seconds gets no stamp and is always read). A cache that
//! is missing, stale, unreadable or corrupt is simply rebuilt.

use std::path::{Path, PathBuf};

use super::{FileRead, Loaded};

/// Bumped whenever what the cache holds changes shape.
const FORMAT: u32 = 1;

/// What a cache must match to be used at all.
#[derive(Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Header {
    format: u32,
    /// The program's version and the size and time of its executable: a
    /// new build may read files differently.
    program: String,
    /// The data folder, as given.
    dir: PathBuf,
}

impl Header {
    fn now(dir: &Path) -> Header {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
            .unwrap_or_default();
        Header {
            format: FORMAT,
            program: format!("{} {exe}", env!("CARGO_PKG_VERSION")),
            dir: dir.to_path_buf(),
        }
    }
}

/// The cache file for the data folder `dir` in the cache folder `folder`:
/// one per data folder, named by a hash of its path.
pub fn file_for(folder: &Path, dir: &Path) -> PathBuf {
    let full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let hash = super::fingerprint(full.as_os_str().as_encoded_bytes());
    folder.join(format!("files-{hash:016x}.bin"))
}

/// The cache file for `dir` in the platform's cache folder; none where
/// there is no home, or with `AGENDA_CACHE=off`.
pub fn default_file(dir: &Path) -> Option<PathBuf> {
    if std::env::var_os("AGENDA_CACHE").is_some_and(|v| v == "off" || v == "0") {
        return None;
    }
    let dirs = directories::ProjectDirs::from("", "", "agenda")?;
    Some(file_for(dirs.cache_dir(), dir))
}

/// Loads `dir`, taking from the cache at `cache` every file that has not
/// changed since, and writes the cache again if anything did.
pub fn load(dir: &Path, cache: &Path, progress: &super::Progress) -> Loaded {
    let previous = Loaded {
        read: std::sync::Arc::new(read(cache, dir).unwrap_or_default()),
        ..Loaded::default()
    };
    let loaded = super::load::reading(dir, &previous, None, progress);
    if !same(&previous.read, &loaded.read) {
        // A cache that cannot be written only costs time next start.
        let _ = write(cache, dir, &loaded.read);
    }
    loaded
}

// The file: the header, the session files' entries, the paths of the
// other files, then their entries. A start that wants the sessions first
// decodes only as far as the paths.

/// The bytes of the cache at `cache`, if it is a plain file of this build
/// for `dir`, after the header.
fn bytes(cache: &Path, dir: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(cache).ok()?;
    // Only a plain file: a FIFO would block the start.
    if !meta.file_type().is_file() {
        return None;
    }
    let bytes = std::fs::read(cache).ok()?;
    let (header, rest): (Header, &[u8]) = postcard::take_from_bytes(&bytes).ok()?;
    (header == Header::now(dir)).then(|| rest.to_vec())
}

/// The session files' entries and the paths of the other files.
pub(super) fn head(cache: &Path, dir: &Path) -> Option<(Vec<FileRead>, Vec<PathBuf>)> {
    let bytes = bytes(cache, dir)?;
    let (sessions, rest): (Vec<FileRead>, &[u8]) = postcard::take_from_bytes(&bytes).ok()?;
    let (others, _): (Vec<PathBuf>, &[u8]) = postcard::take_from_bytes(rest).ok()?;
    Some((sessions, others))
}

/// Every entry of the cache, if it reads whole.
fn read(cache: &Path, dir: &Path) -> Option<Vec<FileRead>> {
    let bytes = bytes(cache, dir)?;
    let (mut sessions, rest): (Vec<FileRead>, &[u8]) = postcard::take_from_bytes(&bytes).ok()?;
    let (_, rest): (Vec<PathBuf>, &[u8]) = postcard::take_from_bytes(rest).ok()?;
    let others: Vec<FileRead> = postcard::from_bytes(rest).ok()?;
    sessions.extend(others);
    // Back in path order, as a reading gives them.
    sessions.sort_by(|a, b| a.path.cmp(&b.path));
    Some(sessions)
}

/// Writes the cache, through a temporary file and a rename: a reader
/// never sees half of it.
fn write(cache: &Path, dir: &Path, read: &[FileRead]) -> std::io::Result<()> {
    let is_session = |f: &&FileRead| matches!(&f.parsed, Some((_, Some(r))) if matches!(**r, super::read::Record::Session(..)));
    let kept = read.iter().filter(|f| f.stamp.is_some());
    let (sessions, others): (Vec<&FileRead>, Vec<&FileRead>) = kept.partition(is_session);
    let paths: Vec<&Path> = others.iter().map(|f| f.path.as_path()).collect();
    let fail = std::io::Error::other;
    let mut bytes = postcard::to_stdvec(&Header::now(dir)).map_err(fail)?;
    bytes.extend(postcard::to_stdvec(&sessions).map_err(fail)?);
    bytes.extend(postcard::to_stdvec(&paths).map_err(fail)?);
    bytes.extend(postcard::to_stdvec(&others).map_err(fail)?);
    if let Some(folder) = cache.parent() {
        std::fs::create_dir_all(folder)?;
    }
    super::write_atomically(cache, &bytes)
}

/// Whether two readings hold the same files with the same stamps.
fn same(before: &[FileRead], after: &[FileRead]) -> bool {
    let stamped = after.iter().filter(|f| f.stamp.is_some()).count();
    stamped == before.len()
        && after
            .iter()
            .filter(|f| f.stamp.is_some())
            .zip(before)
            .all(|(a, b)| a.path == b.path && a.stamp == b.stamp)
}
