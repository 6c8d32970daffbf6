//! Changes that could not be saved survive a crash, a closed terminal or
//! a kill: kept up to date while the app runs (the answer being typed and
//! the form being filled in included), journalled to the recovery file at
//! most a second late, written at once on a panic or a SIGTERM, SIGHUP,
//! SIGINT or SIGQUIT, and offered again at the next start. Each instance
//! on a folder has a file of its own (a slot, held by a lock while it
//! runs), so that two never write over each other's.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::app::Rescue;
use crate::edit::Change;

/// What a crash would lose: the unsaved changes to the files in `dir`,
/// and the forms being filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    pub dir: PathBuf,
    #[serde(flatten)]
    pub rescue: Rescue,
}

/// The latest unsaved changes, for the panic hook; the runtime keeps it current.
static AT_RISK: Mutex<Option<Recovery>> = Mutex::new(None);

/// Whether [`AT_RISK`] changed since the recovery file was last written.
static DIRTY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this run wrote the recovery file (so may remove it once
/// nothing is at risk), behind the lock that orders the writes.
static JOURNAL: Mutex<bool> = Mutex::new(false);

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

/// Where the texts given to the user's editor are written: beside the
/// recovery file, so that one left by a crash is found again.
pub fn drafts_folder() -> Option<PathBuf> {
    default_path().and_then(|p| p.parent().map(|d| d.join("drafts")))
}

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "agenda")
        .map(|d| d.data_local_dir().join("recovery.json"))
}

/// The recovery file of the data folder `dir`: one per folder, so that an
/// app on another folder neither offers nor removes what this one left.
pub fn path_for(dir: &Path) -> Option<PathBuf> {
    let full = crate::external::absolute(dir);
    let hash = crate::store::fingerprint(full.as_os_str().as_encoded_bytes());
    let base = default_path()?;
    Some(base.with_file_name(format!("recovery-{hash:016x}.json")))
}

/// Notes what a crash now would lose (nothing, when `rescue` is empty).
pub fn keep(dir: &Path, rescue: &Rescue) {
    if let Ok(mut slot) = AT_RISK.lock() {
        let now = (!rescue.is_empty()).then(|| Recovery {
            dir: dir.to_path_buf(),
            rescue: rescue.clone(),
        });
        if *slot != now {
            *slot = now;
            DIRTY.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
}

/// Brings the recovery file at `path` up to what [`keep`] holds, if that
/// changed (or always, with `force`): written when something is at risk,
/// removed when nothing is any more and this run wrote it.
pub fn flush(path: &Path, force: bool) -> std::io::Result<()> {
    let Ok(mut wrote) = JOURNAL.lock() else {
        return Ok(());
    };
    if !DIRTY.swap(false, std::sync::atomic::Ordering::SeqCst) && !force {
        return Ok(());
    }
    let at_risk = AT_RISK.lock().ok().and_then(|slot| slot.clone());
    match at_risk {
        Some(recovery) => {
            write(path, &recovery)?;
            *wrote = true;
        }
        None if *wrote => {
            *wrote = false;
            match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        None => {}
    }
    Ok(())
}

/// Journals what [`keep`] holds to `path` once a second, from a thread of
/// its own: a kill that no handler sees loses at most the last second.
pub fn journal(path: PathBuf) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
            let _ = flush(&path, false);
        }
    });
}

/// On SIGTERM, SIGHUP (the terminal closed, the SSH link dropped), SIGINT
/// and SIGQUIT: writes what is at risk to `path` at once, runs `restore`
/// (the terminal) and ends with the signal's exit code. Works even while
/// the app's own loop is busy.
#[cfg(unix)]
pub fn on_signals(path: PathBuf, restore: fn()) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = flush(&path, true);
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
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
            rescue: Rescue {
                changes: legacy.changes.into_iter().map(Change::Question).collect(),
                forms: Vec::new(),
            },
        })
    })?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    // A folder not named whole ("." of a run elsewhere) is no proof.
    let whole = recovery.dir.is_absolute();
    (whole && same(&recovery.dir, dir) && !recovery.rescue.is_empty()).then_some(recovery)
}

/// What the recovery files `left` hold for the folder `dir`; and where one
/// that cannot be used was moved aside (the last, if several), to say.
pub fn gather(left: &[PathBuf], dir: &Path) -> (Rescue, Option<PathBuf>) {
    let unusable = left
        .iter()
        .filter_map(|p| set_aside_unusable(p))
        .next_back();
    let mut rescued = Rescue::default();
    for found in left.iter().filter_map(|p| read(p, dir)) {
        rescued.extend(found.rescue);
    }
    (rescued, unusable)
}

/// Writes what is at risk at the start (the rescue on offer included) to
/// this instance's file `own`, then removes the other files `left`: what
/// they held is in this one's now. One offer, one file.
pub fn take_over(own: &Path, left: &[PathBuf], dir: &Path, at_risk: &Rescue) {
    keep(&crate::external::absolute(dir), at_risk);
    if flush(own, true).is_ok() {
        for other in left.iter().filter(|p| p.as_path() != own) {
            let _ = std::fs::remove_file(other);
        }
    }
}

/// How many instances on one folder get a recovery file of their own.
const SLOTS: usize = 16;

/// The recovery file of slot `n` beside `base` (slot 0 is `base` itself).
fn slot_file(base: &Path, n: usize, extension: &str) -> PathBuf {
    let stem = base.file_stem().unwrap_or_default().to_string_lossy();
    match n {
        0 => base.with_extension(extension),
        n => base.with_file_name(format!("{stem}-{n}.{extension}")),
    }
}

/// Whether slot `n`'s lock can be taken: no running instance holds it.
/// Taken, it is held as long as the returned file is open.
fn lock_slot(base: &Path, n: usize) -> Option<std::fs::File> {
    let path = slot_file(base, n, "lock");
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).ok()?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
}

/// This instance's recovery file for the folder whose file is `base`
/// (see [`path_for`]), held for the rest of the run, and the recovery files
/// left by instances that no longer run (its own slot's first): what they
/// hold is offered here. Without locks (a file system that has none), slot
/// 0 and only its own file.
pub fn claim(base: &Path) -> (PathBuf, Vec<PathBuf>) {
    static HELD: Mutex<Vec<std::fs::File>> = Mutex::new(Vec::new());
    // A slot whose file is there and whose lock is held may belong to an
    // instance that was just closed and is still writing it (a terminal
    // closed, the app started again at once): waited for a moment, so
    // that what it leaves is offered now, not at the start after.
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(1500);
    let take = |n: usize| loop {
        if let Some(lock) = lock_slot(base, n) {
            return Some((n, lock));
        }
        if !slot_file(base, n, "json").exists() || std::time::Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let own = (0..SLOTS).find_map(take);
    let Some((own, lock)) = own else {
        return (base.to_path_buf(), vec![base.to_path_buf()]);
    };
    if let Ok(mut held) = HELD.lock() {
        held.push(lock);
    }
    let mut left = vec![slot_file(base, own, "json")];
    for n in (0..SLOTS).filter(|&n| n != own) {
        let file = slot_file(base, n, "json");
        // Only a slot nobody runs in: a running instance keeps its own.
        if file.exists() && lock_slot(base, n).is_some() {
            left.push(file);
        }
    }
    (slot_file(base, own, "json"), left)
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
        assert_eq!(rescued.rescue.changes.len(), 1);
        let q = rescued.rescue.changes[0].as_question().unwrap();
        assert_eq!(
            q.after,
            crate::edit::Field::Status(crate::model::Status::Answered)
        );
    }

    #[test]
    fn a_folder_not_named_whole_is_never_offered_and_each_folder_has_its_own_file() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("recovery.json");
        let change = serde_json::json!({
            "motion": "m", "index": 0, "number": "1",
            "before": {"status": "open"}, "after": {"status": "answered"}
        });
        // Written by a run started with "agenda ." somewhere else.
        let relative = serde_json::json!({"dir": ".", "changes": [change]});
        std::fs::write(&file, relative.to_string()).unwrap();
        let here = std::env::current_dir().unwrap();
        assert!(read(&file, &here).is_none(), "\".\" proves no folder");
        let whole = serde_json::json!({"dir": folder.path(), "changes": [change]});
        std::fs::write(&file, whole.to_string()).unwrap();
        assert!(read(&file, folder.path()).is_some());
        let other = tempfile::tempdir().unwrap();
        assert!(read(&file, other.path()).is_none());
        if let (Some(a), Some(b)) = (path_for(folder.path()), path_for(other.path())) {
            assert_ne!(a, b);
        }
    }
}
