//! Which files a sync commits: the data files (`*.toml` in the data
//! folder, its trash folder included), never the save lock, a temporary
//! file or a stray note beside them, which would later stand in every
//! merge; and whether those files pass `agenda check`.

use std::path::{Path, PathBuf};

use super::git::{Git, GitError};
use crate::edit::names::TRASH;

/// A data file that differs from the last commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// Relative to the repository's top, with `/`.
    pub path: String,
    /// New to git: it must be added before it can be committed.
    pub untracked: bool,
}

/// `folder` as a prefix of repository paths ("" for the top).
pub fn prefix(folder: &str) -> String {
    match folder {
        "" | "." => String::new(),
        f => format!("{}/", f.trim_end_matches('/')),
    }
}

/// Whether `path` (relative to the data folder) is one the app keeps:
/// a `.toml` file, in no hidden folder but the trash.
pub fn is_data(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let hidden = parts
        .iter()
        .enumerate()
        .any(|(i, p)| p.starts_with('.') && !(i == 0 && *p == TRASH && parts.len() > 1));
    let toml = path
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("toml"));
    toml && !hidden
}

/// The data files below `folder` that differ from the last commit.
pub fn changed(git: &Git, folder: &str) -> Result<Vec<Changed>, GitError> {
    let status = git.text(&[
        "status",
        "--porcelain",
        "-z",
        "--no-renames",
        "--untracked-files=all",
        "--",
        folder,
    ])?;
    let prefix = prefix(folder);
    let mut out = Vec::new();
    for entry in status.split('\0').filter(|e| e.len() > 3) {
        let (code, path) = entry.split_at(3);
        let Some(inside) = path.strip_prefix(&prefix) else {
            continue;
        };
        if is_data(inside) {
            out.push(Changed {
                path: path.to_string(),
                untracked: code.starts_with("??"),
            });
        }
    }
    Ok(out)
}

/// The changed files `agenda check` finds errors in, relative to the
/// data folder `dir`: the others must never get a file the app cannot
/// read.
pub fn with_errors(dir: &Path, folder: &str, changed: &[Changed]) -> Vec<PathBuf> {
    let prefix = prefix(folder);
    let paths: Vec<PathBuf> = changed
        .iter()
        .filter_map(|c| c.path.strip_prefix(&prefix).map(PathBuf::from))
        .collect();
    if paths.is_empty() {
        return Vec::new();
    }
    let loaded = crate::store::load(dir);
    let mut bad: Vec<PathBuf> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && paths.contains(&d.path))
        .map(|d| d.path.clone())
        .collect();
    bad.dedup();
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_the_toml_files_and_the_trash_not_the_lock_or_notes() {
        assert!(is_data("antraege/kim.toml"));
        assert!(is_data("sitzung.TOML"));
        assert!(is_data(".papierkorb/antraege/kim.toml"));
        assert!(!is_data(".agenda.lock"));
        assert!(!is_data("notes.txt"));
        assert!(!is_data("antraege/.kim.toml.tmp"));
        assert!(!is_data(".recovery/kim.toml"));
        assert!(!is_data("antraege/.versteckt/kim.toml"));
        assert!(!is_data(".papierkorb"));
    }
}
