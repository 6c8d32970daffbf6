//! Watching the data folder: changes by others (a colleague on the shared
//! folder, a sync, an editor) arrive as one message per burst, debounced.
//! Native events where the system has them; polling where it does not
//! reach (network shares), as `[watch] poll_seconds` asks.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_full::notify::{
    self, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode,
};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache, new_debouncer_opt};

/// A running watcher; dropping it stops it.
pub enum Watching {
    Native(Debouncer<RecommendedWatcher, NoCache>),
    Polling(Debouncer<PollWatcher, NoCache>),
}

/// Whether a changed path is a data file: `*.toml`, nothing hidden.
fn is_data(dir: &Path, path: &Path) -> bool {
    let inside = path.strip_prefix(dir).unwrap_or(path);
    path.extension().is_some_and(|e| e == "toml")
        && !inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

/// Watches `dir`, sending the data files changed in each burst to `send`.
/// `poll`: look every so often instead of waiting for the system's events.
pub fn watch(
    dir: &Path,
    poll: Option<Duration>,
    send: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> Result<Watching, notify::Error> {
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let base = root.clone();
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        // Reading a file is an event too (inotify's close after reading):
        // counted, the app's own look at a changed file would be a change,
        // and so on for ever.
        let mut paths: Vec<PathBuf> = events
            .into_iter()
            .filter(|e| !matches!(e.kind, EventKind::Access(_)))
            .flat_map(|e| e.event.paths)
            .filter(|p| is_data(&base, p))
            .filter_map(|p| p.strip_prefix(&base).ok().map(Path::to_path_buf))
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            send(paths);
        }
    };
    let timeout = Duration::from_millis(300);
    let config = match poll {
        Some(every) => notify::Config::default().with_poll_interval(every),
        None => notify::Config::default(),
    };
    Ok(match poll {
        Some(_) => {
            let mut debouncer =
                new_debouncer_opt::<_, PollWatcher, _>(timeout, None, handler, NoCache, config)?;
            debouncer.watch(&root, RecursiveMode::Recursive)?;
            Watching::Polling(debouncer)
        }
        None => {
            let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher, _>(
                timeout, None, handler, NoCache, config,
            )?;
            debouncer.watch(&root, RecursiveMode::Recursive)?;
            Watching::Native(debouncer)
        }
    })
}

/// A sender of the app's event channel as the watcher's callback.
pub fn to_channel<E: Send + 'static>(
    events: Sender<E>,
    wrap: impl Fn(Vec<PathBuf>) -> E + Send + 'static,
) -> impl Fn(Vec<PathBuf>) + Send + 'static {
    move |paths| {
        let _ = events.send(wrap(paths));
    }
}

#[cfg(test)]
mod tests {
    use super::is_data;
    use std::path::Path;

    #[test]
    fn only_visible_toml_files_count() {
        let dir = Path::new("/d");
        assert!(is_data(dir, Path::new("/d/antraege/a.toml")));
        assert!(!is_data(dir, Path::new("/d/.papierkorb/a.toml")));
        assert!(!is_data(dir, Path::new("/d/.agenda-1.tmp")));
        assert!(!is_data(dir, Path::new("/d/notes.txt")));
    }
}
