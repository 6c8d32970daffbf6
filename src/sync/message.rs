//! The message of a sync's commit: what it changes, by motion and
//! question, so that `git log` reads like a list of the work done.

use super::files::{Changed, prefix};
use super::git::Git;
use super::history::{changes, removed};
use crate::edit::names::TRASH;

/// "agenda: kim-bericht-2022: 2 (status, answer), 3 removed;
/// sitzungen/soz.toml": what this commit changes, by record and question.
pub fn commit(git: &Git, folder: &str, files: &[Changed]) -> String {
    let trash = format!("{}{TRASH}/", prefix(folder));
    let mut parts = Vec::new();
    for file in files.iter().map(|c| c.path.as_str()) {
        let now = std::fs::read_to_string(git.top.join(file)).ok();
        let before = git.text(&["show", &format!("HEAD:{file}")]).ok();
        let old = before.as_deref().and_then(crate::store::parse_motion);
        let after = now.as_deref().and_then(crate::store::parse_motion);
        let into_trash = file.starts_with(&trash);
        let part = match (old, after) {
            // The trash's side of a deletion or restoring: said once,
            // by the file that went or came.
            _ if into_trash => continue,
            (Some(old), None) if now.is_none() => format!("{} deleted", old.id),
            (None, Some(motion)) if before.is_none() => format!("{} new", motion.id),
            (old, Some(motion)) => {
                let mut questions: Vec<String> = changes(old.as_ref(), &motion)
                    .into_iter()
                    .map(|(n, what)| {
                        let keys: Vec<String> = what.into_iter().map(|(k, _)| k).collect();
                        format!("{n} ({})", keys.join(", "))
                    })
                    .collect();
                questions.extend(
                    removed(old.as_ref(), &motion)
                        .into_iter()
                        .map(|n| format!("{n} removed")),
                );
                match questions.is_empty() {
                    true => motion.id,
                    false => format!("{}: {}", motion.id, questions.join(", ")),
                }
            }
            _ => file.to_string(),
        };
        parts.push(part);
    }
    if parts.is_empty() {
        // Only the trash changed (emptied, say).
        parts.push(TRASH.to_string());
    }
    format!("agenda: {}", parts.join("; "))
}
