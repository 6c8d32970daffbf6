//! Runs the user's own editor on a temporary file and reads the text back.
//! Which editor: `VISUAL`, else `EDITOR` (both may carry arguments, split
//! like a shell would), else Notepad on Windows, nano or vi elsewhere.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How the user's editor ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternalResult {
    /// The file's text after the editor closed.
    Edited(String),
    /// The editor could not be started: its command line.
    Missing(String),
    /// The editor ended with an error: its command line and exit code.
    /// The editor ended with an error (its exit code, if any); where its
    /// text was kept when it differs from what it was given.
    Failed(String, Option<i32>, Option<std::path::PathBuf>),
}

/// The editor's command line as words.
pub fn command(visual: Option<OsString>, editor: Option<OsString>) -> Vec<String> {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .map(|v| v.to_string_lossy().into_owned())
        .find(|v| !v.trim().is_empty());
    if let Some(words) = chosen
        .and_then(|c| shell_words::split(&c).ok())
        .filter(|w| !w.is_empty())
    {
        return words;
    }
    let fallback = if cfg!(windows) {
        "notepad"
    } else if which::which("nano").is_ok() {
        "nano"
    } else {
        "vi"
    };
    vec![fallback.to_string()]
}

/// Lets the user edit `text` in `command` (as from [`command`]); waits for
/// the editor to close. The terminal must be handed over before.
pub fn edit(
    text: &str,
    command: &[String],
    drafts: Option<(&Path, Option<&DraftOf>)>,
) -> ExternalResult {
    let line = command.join(" ");
    let original = format!("{text}\n");
    // In the app's drafts folder where there is one, with a note of which
    // answer it is beside it: a text left there by a crash (of the app or
    // the editor) is offered back at the next start.
    let mut builder = tempfile::Builder::new();
    builder.prefix(DRAFT_PREFIX).suffix(".txt");
    let made = match drafts {
        Some((folder, _)) => {
            std::fs::create_dir_all(folder).and_then(|()| builder.tempfile_in(folder))
        }
        None => builder.tempfile(),
    };
    let written = made.and_then(|mut file| {
        std::io::Write::write_all(&mut file, original.as_bytes())?;
        // Closed before the editor opens it: Windows editors need that.
        Ok(file.into_temp_path())
    });
    let path = match written {
        Ok(path) => path,
        Err(_) => return ExternalResult::Failed(line, None, None),
    };
    let sidecar = Sidecar(sidecar_of(&path));
    // The folder written whole: "." means another folder to the next
    // start in another place.
    let target = drafts.and_then(|(_, t)| t).map(|t| DraftOf {
        dir: absolute(&t.dir),
        change: t.change.clone(),
    });
    if let Some(target) = &target
        && let Ok(json) = serde_json::to_string(target)
    {
        let _ = std::fs::write(&sidecar.0, json);
    }
    let Some((program, args)) = command.split_first() else {
        return ExternalResult::Missing(line);
    };
    match Command::new(program).args(args).arg(&*path).status() {
        Err(_) => ExternalResult::Missing(line),
        Ok(status) if !status.success() => {
            // Killed or failed after saving: what it saved is not thrown away.
            let changed = std::fs::read(&path).is_ok_and(|now| now != original.as_bytes());
            let kept = changed.then(|| path.keep().ok()).flatten();
            if kept.is_some() {
                std::mem::forget(sidecar);
            }
            ExternalResult::Failed(line, status.code(), kept)
        }
        Ok(_) => match std::fs::read(&path) {
            Ok(bytes) => ExternalResult::Edited(String::from_utf8_lossy(&bytes).into_owned()),
            Err(_) => ExternalResult::Failed(line, None, None),
        },
    }
}

/// Which answer a text given to the editor is: the data folder, and the
/// change it makes (its answer before, as the editor got it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DraftOf {
    pub dir: PathBuf,
    pub change: crate::edit::QuestionChange,
}

/// The note beside a draft, removed with it unless forgotten.
struct Sidecar(PathBuf);

impl Drop for Sidecar {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `dir` as a whole path, links resolved (as given where it cannot be).
pub(crate) fn absolute(dir: &Path) -> PathBuf {
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
}

fn sidecar_of(draft: &Path) -> PathBuf {
    draft.with_extension("json")
}

/// A text left in the drafts folder and the answer it was written for.
pub struct Draft {
    pub path: PathBuf,
    /// The answer as it was when the editor opened, and the text now.
    pub change: crate::edit::QuestionChange,
}

/// The drafts in `folder` for the data folder `dir` that say which answer
/// they are and differ from it; the others (of another folder, without a
/// note beside them, unchanged) are left as they are.
pub fn drafts(folder: &Path, dir: &Path) -> Vec<Draft> {
    drafts_left(folder)
        .into_iter()
        .filter_map(|path| {
            let note = std::fs::read_to_string(sidecar_of(&path)).ok()?;
            let of: DraftOf = serde_json::from_str(&note).ok()?;
            // Only a folder named whole can be told apart from another.
            if !of.dir.is_absolute() || of.dir != absolute(dir) {
                return None;
            }
            let mut change = of.change;
            let text = std::fs::read_to_string(&path).ok()?;
            change.after = crate::edit::Field::Answer(crate::edit::tidy_answer(&text));
            (change.after != change.before).then_some(Draft { path, change })
        })
        .collect()
}

/// A draft taken over: it and its note go.
pub fn remove_draft(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(sidecar_of(path));
}

/// A draft set aside: kept under a name no longer offered.
pub fn set_draft_aside(path: &Path) {
    if let Some(name) = path.file_name() {
        let aside = path.with_file_name(format!("aside-{}", name.to_string_lossy()));
        let _ = std::fs::rename(path, aside);
    }
    let _ = std::fs::remove_file(sidecar_of(path));
}

/// How the files given to the editor begin.
pub const DRAFT_PREFIX: &str = "agenda-antwort-";

/// The texts given to an editor that were never taken back (the app or
/// the editor ended first), in `folder`.
pub fn drafts_left(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(DRAFT_PREFIX) && name.ends_with(".txt")
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_wins_and_arguments_are_split_like_a_shell() {
        let words = command(Some("code --wait".into()), Some("vi".into()));
        assert_eq!(words, ["code", "--wait"]);
        let words = command(Some("  ".into()), Some("'my editor' -n".into()));
        assert_eq!(words, ["my editor", "-n"]);
        assert!(!command(None, None).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_scripted_editor_round_trip() {
        let script = ["sh", "-c", "printf 'Neu\\n\\nZweiter Absatz\\n' > \"$0\""].map(String::from);
        assert_eq!(
            edit("Alt", &script, None),
            ExternalResult::Edited("Neu\n\nZweiter Absatz\n".into())
        );
        let reads = ["sh", "-c", "cat \"$0\" > /dev/null"].map(String::from);
        assert_eq!(
            edit("Alt", &reads, None),
            ExternalResult::Edited("Alt\n".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_or_missing_editor_is_reported() {
        let fails = ["sh", "-c", "exit 3"].map(String::from);
        assert_eq!(
            edit("Alt", &fails, None),
            ExternalResult::Failed("sh -c exit 3".into(), Some(3), None)
        );
        let missing = ["/no/such/editor".to_string()];
        assert_eq!(
            edit("Alt", &missing, None),
            ExternalResult::Missing("/no/such/editor".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_editor_that_saved_and_then_failed_leaves_its_text_in_the_drafts() {
        let drafts = tempfile::tempdir().unwrap();
        let script = ["sh", "-c", "printf 'Gerettet\\n' > \"$0\"; exit 9"].map(String::from);
        let ExternalResult::Failed(_, Some(9), Some(kept)) =
            edit("Alt", &script, Some((drafts.path(), None)))
        else {
            panic!("kept");
        };
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "Gerettet\n");
        assert_eq!(drafts_left(drafts.path()), [kept]);
        // Failed without a change: nothing to keep.
        let fails = ["sh", "-c", "exit 3"].map(String::from);
        let before = drafts_left(drafts.path()).len();
        edit("Alt", &fails, Some((drafts.path(), None)));
        assert_eq!(drafts_left(drafts.path()).len(), before);
    }
}
