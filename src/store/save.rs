//! Writes changes without disturbing anything else.
//!
//! The file is read again, compared with what was loaded, edited with
//! toml_edit (comments, order, blank lines and formatting stay as the user
//! wrote them; only the touched keys change; see `patch`) and replaced
//! atomically. New files are created the same way; removed ones only when
//! they are still as loaded.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use super::fingerprint;
use super::patch;
use crate::edit::{Change, Field, Stamp};
use crate::model::Source;

/// Why a change was not written. In every case the file is untouched.
#[derive(Debug)]
pub enum SaveError {
    /// Someone else changed (or removed) the file since it was loaded.
    ChangedOnDisk,
    /// The file is marked read-only.
    ReadOnly,
    /// The question is no longer where it was.
    QuestionGone,
    /// The folder's save lock cannot be made: no right to write into the
    /// data folder itself (its files may be writable).
    NoLock(PathBuf),
    /// Reading or writing failed (disk full, no permission, …).
    Io(io::Error),
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        SaveError::Io(e)
    }
}

/// Sets `fields` on the question at position `slot` (counting every
/// `[[question]]` in the file), which must have `number`, and stamps it.
/// Returns the fingerprint of the new file.
pub fn save_question(
    dir: &Path,
    source: &Source,
    slot: usize,
    number: &str,
    fields: &[Field],
    stamp: &Stamp,
) -> Result<u64, SaveError> {
    let written = rewrite(dir, &source.path, Some(source.fingerprint), |text| {
        let mut doc = parse(text)?;
        patch::set_fields(&mut doc, slot, number, fields, stamp)?;
        Ok(Some(doc))
    })?;
    written.ok_or(SaveError::ChangedOnDisk)
}

/// Writes `changes` into the file at `path` (relative to `dir`), which must
/// be as loaded: with this `fingerprint`, or absent where it is `None`.
/// Returns the fingerprint of the file written, or `None` once removed.
pub fn write(
    dir: &Path,
    path: &Path,
    fingerprint: Option<u64>,
    changes: &[Change],
    stamp: &Stamp,
) -> Result<Option<u64>, SaveError> {
    if let [Change::Rename(r)] = changes {
        return rename(dir, &r.from, fingerprint, &r.to).map(|()| None);
    }
    rewrite(dir, path, fingerprint, |text| {
        let mut doc: Option<DocumentMut> = match text {
            Some(text) => Some(parse(Some(text))?),
            None => None,
        };
        for change in changes {
            match change {
                Change::File(file) => {
                    doc = file.after.as_deref().map(|t| parse(Some(t))).transpose()?;
                }
                Change::Question(q) => {
                    let doc = doc.as_mut().ok_or(SaveError::ChangedOnDisk)?;
                    let fields = std::slice::from_ref(&q.after);
                    patch::set_fields(doc, q.index, &q.number, fields, stamp)?;
                }
                Change::Table(t) => {
                    let doc = doc.as_mut().ok_or(SaveError::ChangedOnDisk)?;
                    patch::move_table(doc, t)?;
                }
                Change::Record(r) => {
                    let doc = doc.as_mut().ok_or(SaveError::ChangedOnDisk)?;
                    patch::set_keys(doc, r, stamp)?;
                }
                // A move is a save of its own (see above); a batch comes
                // here as its changes, one file at a time.
                Change::Rename(_) | Change::Batch(_) => return Err(SaveError::ChangedOnDisk),
            }
        }
        Ok(doc)
    })
}

/// Moves the file at `from`, which must be as loaded, to `to`, which must
/// be free (into the trash folder and back).
fn rename(dir: &Path, from: &Path, fingerprint: Option<u64>, to: &Path) -> Result<(), SaveError> {
    let (from, to) = (dir.join(from), dir.join(to));
    let _lock = lock(dir)?;
    // A file in the trash is not loaded: there is nothing to compare it to.
    if fingerprint.is_some() {
        unchanged(&from, fingerprint)?;
    }
    if to.exists() {
        return Err(SaveError::ChangedOnDisk);
    }
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::rename(&from, &to)?;
    Ok(())
}

fn parse(text: Option<&str>) -> Result<DocumentMut, SaveError> {
    let text = text.ok_or(SaveError::ChangedOnDisk)?;
    text.parse().map_err(|_| SaveError::ChangedOnDisk)
}

/// Reads the file at `path` (if it must exist), lets `edit` make the new
/// document from its text (`None`: remove the file), and writes the result
/// under the folder's lock after a last look that nobody changed it.
fn rewrite(
    dir: &Path,
    path: &Path,
    fingerprint: Option<u64>,
    edit: impl FnOnce(Option<&str>) -> Result<Option<DocumentMut>, SaveError>,
) -> Result<Option<u64>, SaveError> {
    let full = dir.join(path);
    let bytes = unchanged(&full, fingerprint)?;
    let text = match &bytes {
        Some(bytes) => Some(std::str::from_utf8(bytes).map_err(|_| SaveError::ChangedOnDisk)?),
        None => None,
    };
    // A byte-order mark, as some Windows editors write, stays in front.
    let bom = match text {
        Some(t) if t.starts_with('\u{feff}') => "\u{feff}",
        _ => "",
    };
    let body = text.map(|t| &t[bom.len()..]);
    // Line endings as the file has them: a Windows file stays CRLF, so
    // that git shows the one line changed, not all of them.
    let crlf = body.is_some_and(|t| t.contains("\r\n"));
    let new = edit(body)?.map(|doc| {
        let doc = doc.to_string();
        match crlf {
            true => format!("{bom}{}", doc.replace("\r\n", "\n").replace('\n', "\r\n")),
            false => format!("{bom}{doc}"),
        }
    });
    // A symbolic link is written through: the shared file it points to
    // changes, the link stays.
    let target = match std::fs::symlink_metadata(&full) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(&full)?,
        _ => full.clone(),
    };
    // Written and flushed before the lock: under it only the last look and
    // the rename, so that the window in which a writer elsewhere could be
    // overwritten is as short as it can be.
    let prepared = match &new {
        Some(new) => {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            Some(Prepared::new(&target, new.as_bytes())?)
        }
        None => None,
    };
    // Everything that can refuse has run: a refusal leaves the folder as it
    // was. The lock is held from the last look to the rename, so that two
    // instances cannot both find the file unchanged and overwrite each other.
    let _lock = lock(dir)?;
    unchanged(&full, fingerprint)?;
    match (prepared, new) {
        (Some(prepared), Some(new)) => match prepared.commit_if(fingerprint, new.as_bytes())? {
            true => Ok(Some(super::fingerprint(new.as_bytes()))),
            false => Err(SaveError::ChangedOnDisk),
        },
        _ => {
            std::fs::remove_file(&full)?;
            Ok(None)
        }
    }
}

/// The file's bytes, if it is as loaded (`None` where it must not exist)
/// and may be written.
fn unchanged(path: &Path, expected: Option<u64>) -> Result<Option<Vec<u8>>, SaveError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return match expected {
                None => Ok(None),
                Some(_) => Err(SaveError::ChangedOnDisk),
            };
        }
        Err(e) => return Err(e.into()),
    };
    if Some(fingerprint(&bytes)) != expected {
        return Err(SaveError::ChangedOnDisk);
    }
    if std::fs::metadata(path)?.permissions().readonly() {
        return Err(SaveError::ReadOnly);
    }
    Ok(Some(bytes))
}

/// The folder's save lock: a hidden file beside the data (the loader
/// skips it), locked exclusively until dropped. Editors do not know it;
/// other agenda instances wait for it, five seconds at most, so that a
/// stuck program elsewhere cannot freeze this one. Writable as the folder
/// is (a group-writable folder gets a group-writable lock, whatever the
/// umask), and taken read-only where it cannot be opened for writing: a
/// lock needs no write access.
fn lock(dir: &Path) -> Result<std::fs::File, SaveError> {
    let path = dir.join(".agenda.lock");
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o666);
    }
    let made = std::fs::symlink_metadata(&path).is_err();
    let file = match options.open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => match std::fs::File::open(&path) {
            Ok(file) => file,
            // Not there, and not to be made: the folder is not writable.
            Err(_) => return Err(SaveError::NoLock(dir.to_path_buf())),
        },
        Err(e) => return Err(e.into()),
    };
    #[cfg(unix)]
    if made {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(folder) = std::fs::metadata(dir) {
            let mode = 0o644 | (folder.permissions().mode() & 0o022);
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
        }
    }
    #[cfg(not(unix))]
    let _ = made;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(SaveError::Io(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    "another program has been saving in this folder for five seconds",
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
        }
    }
}

/// Replaces `path` with `bytes` so that a crash at any instant leaves either
/// the old or the new file: a hidden temporary file in the same folder (the
/// loader skips it if a crash leaves it behind), flushed to disk, then
/// renamed over the old one. The old file's permissions, owner and group
/// carry over.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    Prepared::new(path, bytes)?.commit()
}

/// A new version of a file, written and flushed beside it, not yet in its
/// place.
struct Prepared {
    temp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

impl Prepared {
    fn new(path: &Path, bytes: &[u8]) -> io::Result<Prepared> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".agenda-").suffix(".tmp");
        // A new file is readable as any file made here is (the umask
        // decides), not private as temporary files are: colleagues share
        // the folder.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let mut temp = builder.tempfile_in(dir)?;
        temp.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(temp.path(), meta.permissions())?;
            // Owner and group as they were, where we may (the group of a
            // shared folder matters to the colleagues in it).
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                let _ = std::os::unix::fs::chown(temp.path(), Some(meta.uid()), Some(meta.gid()));
            }
        }
        temp.as_file().sync_all()?;
        Ok(Prepared {
            temp,
            path: path.to_path_buf(),
        })
    }

    /// Puts it in place if the file there is still the version with
    /// fingerprint `expected` (`None`: no file), checked in the same step
    /// where the system allows (see `swap`); whether it did.
    fn commit_if(self, expected: Option<u64>, ours: &[u8]) -> io::Result<bool> {
        let new = self.temp.into_temp_path().keep().map_err(|e| e.error)?;
        let swapped = super::swap::replace_if(&new, &self.path, expected, ours)?;
        sync_folder(&self.path);
        Ok(swapped == super::swap::Swapped::Done)
    }

    /// Puts it in place, and makes the rename durable.
    fn commit(self) -> io::Result<()> {
        self.temp.persist(&self.path).map_err(|e| e.error)?;
        sync_folder(&self.path);
        Ok(())
    }
}

/// Flushes the folder `path` is in: a rename is durable only then (POSIX).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent()
        && let Ok(folder) = std::fs::File::open(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        })
    {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}
