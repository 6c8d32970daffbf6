//! Changes that could not be saved survive a crash: kept up to date while
//! the app runs, written to a recovery file if it panics, offered again at
//! the next start.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::edit::Change;

/// What a crash would lose: the unsaved changes to the files in `dir`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    pub dir: PathBuf,
    pub changes: Vec<Change>,
}

/// The latest unsaved changes, for the panic hook; the runtime keeps it current.
static AT_RISK: Mutex<Option<Recovery>> = Mutex::new(None);

/// Where the recovery file lives: the platform data folder.
/// The largest recovery file read: far beyond any run's changes.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A recovery file that cannot be used (not JSON of ours, not a plain
/// file, too large), moved aside under a name not taken so that nothing
/// in it is lost and the next start is not stopped by it; where to.
pub fn set_aside_unusable(path: &Path) -> Option<PathBuf> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let readable = meta.is_file() && meta.len() <= MAX_BYTES;
    let usable = readable
        && std::fs::read_to_string(path)
            .ok()
            .is_some_and(|t| serde_json::from_str::<serde_json::Value>(&t).is_ok());
    if usable {
        return None;
    }
    let aside = free_aside(path, "unusable");
    std::fs::rename(path, &aside).ok()?;
    Some(aside)
}

/// `recovery.json.NAME`, else `recovery.json.NAME-2`, … whichever is free.
pub fn free_aside(path: &Path, name: &str) -> PathBuf {
    (1..)
        .map(|n| match n {
            1 => path.with_extension(format!("json.{name}")),
            n => path.with_extension(format!("json.{name}-{n}")),
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("some name is free")
}

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "agenda")
        .map(|d| d.data_local_dir().join("recovery.json"))
}

/// Notes what a crash now would lose (nothing, when `changes` is empty).
pub fn keep(dir: &Path, changes: &[Change]) {
    if let Ok(mut slot) = AT_RISK.lock() {
        *slot = (!changes.is_empty()).then(|| Recovery {
            dir: dir.to_path_buf(),
            changes: changes.to_vec(),
        });
    }
}

/// Installs a panic hook that writes what [`keep`] holds to `path`, then
/// runs the hook that was there before (which restores the terminal).
pub fn install_hook(path: PathBuf, message: Box<dyn Fn(&Path) -> String + Send + Sync>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        // `try_lock`: a panic while the lock is held must not deadlock here.
        let at_risk = AT_RISK.try_lock().ok().and_then(|slot| slot.clone());
        if let Some(recovery) = at_risk
            && write(&path, &recovery).is_ok()
        {
            eprintln!("{}", message(&path));
        }
    }));
}

/// Writes a recovery file.
pub fn write(path: &Path, recovery: &Recovery) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let json = serde_json::to_string_pretty(recovery).map_err(std::io::Error::other)?;
    crate::store::write_atomically(path, json.as_bytes())
}

/// A recovery file of the first versions, which could only change a
/// question's field: read so that nothing rescued then is lost now.
#[derive(Deserialize)]
struct Legacy {
    dir: PathBuf,
    changes: Vec<crate::edit::QuestionChange>,
}

/// The recovery file at `path`, if there is one for the data folder `dir`.
pub fn read(path: &Path, dir: &Path) -> Option<Recovery> {
    // Only a plain file of a sane size: a FIFO would hang the start, a
    // huge file would be read whole.
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let recovery: Recovery = serde_json::from_str(&text).ok().or_else(|| {
        let legacy: Legacy = serde_json::from_str(&text).ok()?;
        Some(Recovery {
            dir: legacy.dir,
            changes: legacy.changes.into_iter().map(Change::Question).collect(),
        })
    })?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    (same(&recovery.dir, dir) && !recovery.changes.is_empty()).then_some(recovery)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_file_of_the_first_versions_is_still_offered() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("recovery.json");
        let old = serde_json::json!({
            "dir": folder.path(),
            "changes": [{
                "motion": "kim-bericht-2022",
                "index": 0,
                "number": "1",
                "before": {"status": "open"},
                "after": {"status": "answered"}
            }]
        });
        std::fs::write(&file, old.to_string()).unwrap();
        let rescued = read(&file, folder.path()).expect("offered");
        assert_eq!(rescued.changes.len(), 1);
        let q = rescued.changes[0].as_question().unwrap();
        assert_eq!(
            q.after,
            crate::edit::Field::Status(crate::model::Status::Answered)
        );
    }
}
