//! Which data folder to use: the one named, else `AGENDA_DIR`, else the
//! platform data folder, which a first start fills with the example.

use std::path::{Path, PathBuf};

use crate::i18n::Texts;

/// Why no usable data folder could be had.
#[derive(Debug)]
pub enum DirError {
    Missing(PathBuf),
    /// Missing inside a folder shared through git (this one): most likely
    /// not fetched yet.
    MissingInGit(PathBuf, PathBuf),
    NotADir(PathBuf),
    NoHome,
    Create(PathBuf, std::io::Error),
}

impl DirError {
    /// The message in the user's language.
    pub fn message(&self, texts: &dyn Texts) -> String {
        match self {
            DirError::Missing(dir) => texts.dir_missing(dir),
            DirError::MissingInGit(dir, top) => texts.dir_missing_in_git(dir, top),
            DirError::NotADir(dir) => texts.not_a_dir(dir),
            DirError::NoHome => texts.no_data_dir(),
            DirError::Create(dir, e) => texts.cannot_create(dir, &e.to_string()),
        }
    }
}

/// The folder to load, and whether the example was just set up in it.
#[derive(Debug)]
pub struct DataDir {
    pub path: PathBuf,
    pub example_created: bool,
}

/// Resolves the data folder: the one named, else `env_dir` (`AGENDA_DIR`,
/// passed in so tests need not touch the process environment), else the
/// config file's `data_dir`, else the platform data folder. That one,
/// where it holds no data yet, gets the example where `example` (a look
/// around), else is made empty (an import: the first real letter does not
/// belong beside the example's).
pub fn resolve(
    named: Option<PathBuf>,
    env_dir: Option<PathBuf>,
    config_dir: Option<PathBuf>,
    example: bool,
) -> Result<DataDir, DirError> {
    let env_dir = env_dir.filter(|p| !p.as_os_str().is_empty());
    if let Some(path) = named.or(env_dir).or(config_dir) {
        return existing(path);
    }
    let dirs = directories::ProjectDirs::from("", "", "agenda").ok_or(DirError::NoHome)?;
    let path = dirs.data_dir().to_path_buf();
    let example_created = example && !has_data(&path);
    if example_created {
        crate::example::write_to(&path).map_err(|e| DirError::Create(path.clone(), e))?;
    } else {
        std::fs::create_dir_all(&path).map_err(|e| DirError::Create(path.clone(), e))?;
    }
    Ok(DataDir {
        path,
        example_created,
    })
}

fn existing(path: PathBuf) -> Result<DataDir, DirError> {
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Ok(DataDir {
            path,
            example_created: false,
        }),
        Ok(_) => Err(DirError::NotADir(path)),
        Err(_) => match git_folder(&path) {
            Some(top) => Err(DirError::MissingInGit(path, top)),
            None => Err(DirError::Missing(path)),
        },
    }
}

/// The folder shared through git that `path` (which is not there) would
/// be in: the nearest folder above it that is there and has `.git`.
fn git_folder(path: &Path) -> Option<PathBuf> {
    let full = std::path::absolute(path).ok()?;
    let there = full.ancestors().skip(1).find(|a| a.is_dir())?;
    there
        .ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Whether a folder holds any entry but the app's own: a folder the user
/// emptied on purpose, but left files in, is theirs, not ours to fill. The
/// recovery files and drafts of work in other folders live here too (the
/// platform's folder for local data is this one on Linux and macOS); they
/// do not make it a data folder.
fn has_data(path: &Path) -> bool {
    let own = |name: &str| name == "drafts" || name.starts_with("recovery");
    std::fs::read_dir(path).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| !own(&e.file_name().to_string_lossy()))
    })
}
