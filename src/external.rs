//! Runs the user's own editor on a temporary file and reads the text back.
//! Which editor: `VISUAL`, else `EDITOR` (both may carry arguments, split
//! like a shell would), else Notepad on Windows, nano or vi elsewhere.

use std::ffi::OsString;
use std::process::Command;

/// How the user's editor ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternalResult {
    /// The file's text after the editor closed.
    Edited(String),
    /// The editor could not be started: its command line.
    Missing(String),
    /// The editor ended with an error: its command line and exit code.
    Failed(String, Option<i32>),
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
pub fn edit(text: &str, command: &[String]) -> ExternalResult {
    let line = command.join(" ");
    let written = tempfile::Builder::new()
        .prefix("agenda-antwort-")
        .suffix(".txt")
        .tempfile()
        .and_then(|mut file| {
            std::io::Write::write_all(&mut file, format!("{text}\n").as_bytes())?;
            // Closed before the editor opens it: Windows editors need that.
            Ok(file.into_temp_path())
        });
    let path = match written {
        Ok(path) => path,
        Err(_) => return ExternalResult::Failed(line, None),
    };
    let Some((program, args)) = command.split_first() else {
        return ExternalResult::Missing(line);
    };
    match Command::new(program).args(args).arg(&*path).status() {
        Err(_) => ExternalResult::Missing(line),
        Ok(status) if !status.success() => ExternalResult::Failed(line, status.code()),
        Ok(_) => match std::fs::read(&path) {
            Ok(bytes) => ExternalResult::Edited(String::from_utf8_lossy(&bytes).into_owned()),
            Err(_) => ExternalResult::Failed(line, None),
        },
    }
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
            edit("Alt", &script),
            ExternalResult::Edited("Neu\n\nZweiter Absatz\n".into())
        );
        let reads = ["sh", "-c", "cat \"$0\" > /dev/null"].map(String::from);
        assert_eq!(edit("Alt", &reads), ExternalResult::Edited("Alt\n".into()));
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_or_missing_editor_is_reported() {
        let fails = ["sh", "-c", "exit 3"].map(String::from);
        assert_eq!(
            edit("Alt", &fails),
            ExternalResult::Failed("sh -c exit 3".into(), Some(3))
        );
        let missing = ["/no/such/editor".to_string()];
        assert_eq!(
            edit("Alt", &missing),
            ExternalResult::Missing("/no/such/editor".into())
        );
    }
}
