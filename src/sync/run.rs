//! `agenda sync`: commit what changed here, fetch, merge (by field where
//! git cannot by line), push. Every step is told as it starts; what the
//! merge could not join is reported, the working copy valid either way.

use std::path::Path;

use super::git::{Git, GitError};
use crate::edit::merge_file::{FieldConflict, merge};

/// A step of a sync, told as it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Committing,
    Fetching,
    Merging,
    Pushing,
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The message of this user's commit, if there was anything to commit.
    pub committed: Option<String>,
    /// Where there is no remote to exchange with.
    pub no_remote: bool,
    /// Files git could not merge by line that were merged by field.
    pub merged_by_field: Vec<String>,
    /// Same-field conflicts: the file, and the field with both values
    /// (ours kept).
    pub conflicts: Vec<(String, FieldConflict)>,
    /// Whether this side's commits went out.
    pub pushed: bool,
}

/// Why a sync stopped; the working copy is as it was before the step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stopped {
    Git(GitError),
    /// Files in conflict that are no data files: the merge was undone.
    Unmergeable(Vec<String>),
}

impl From<GitError> for Stopped {
    fn from(e: GitError) -> Stopped {
        Stopped::Git(e)
    }
}

/// Syncs the data folder `dir` through its repository.
pub fn sync(dir: &Path, progress: &mut dyn FnMut(Stage)) -> Result<Outcome, Stopped> {
    let git = Git::open(dir)?;
    let mut outcome = Outcome::default();
    let folder = git.relative(dir);
    let folder = if folder.is_empty() {
        ".".to_string()
    } else {
        folder
    };
    progress(Stage::Committing);
    git.text(&["add", "-A", "--", &folder])?;
    let staged = git.text(&["diff", "--cached", "--name-only", "--", &folder])?;
    let staged: Vec<&str> = staged.lines().filter(|l| !l.is_empty()).collect();
    if !staged.is_empty() {
        let message = commit_message(&git, &staged);
        git.text(&["commit", "--quiet", "-m", &message, "--", &folder])?;
        outcome.committed = Some(message);
    }
    let Some((remote, upstream)) = upstream(&git) else {
        outcome.no_remote = true;
        return Ok(outcome);
    };
    for attempt in 0..2 {
        progress(Stage::Fetching);
        git.text(&["fetch", "--quiet", &remote])?;
        if git.ok(&["rev-parse", "--verify", "--quiet", &upstream]) {
            progress(Stage::Merging);
            merge_upstream(&git, &upstream, &mut outcome)?;
        }
        progress(Stage::Pushing);
        let branch = git.text(&["rev-parse", "--abbrev-ref", "HEAD"])?;
        let pushed = git.text(&[
            "push",
            "--quiet",
            &remote,
            &format!("HEAD:{}", branch.trim()),
        ]);
        match pushed {
            Ok(_) => {
                outcome.pushed = true;
                break;
            }
            // Someone pushed meanwhile: fetch and merge once more.
            Err(_) if attempt == 0 => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(outcome)
}

/// The remote and the branch there this one follows: the configured
/// upstream, else the remote's branch of the same name.
fn upstream(git: &Git) -> Option<(String, String)> {
    if let Ok(up) = git.text(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"]) {
        let up = up.trim().to_string();
        let remote = up.split('/').next()?.to_string();
        return Some((remote, up));
    }
    let remotes = git.text(&["remote"]).ok()?;
    let remote = remotes
        .lines()
        .find(|r| *r == "origin")
        .or(remotes.lines().next())?;
    let branch = git.text(&["rev-parse", "--abbrev-ref", "HEAD"]).ok()?;
    Some((remote.to_string(), format!("{remote}/{}", branch.trim())))
}

fn merge_upstream(git: &Git, upstream: &str, outcome: &mut Outcome) -> Result<(), Stopped> {
    if git.ok(&["merge", "--quiet", "--no-edit", upstream]) {
        return Ok(());
    }
    let unmerged = git.text(&["diff", "--name-only", "--diff-filter=U"])?;
    let files: Vec<String> = unmerged.lines().map(str::to_string).collect();
    let others: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with(".toml"))
        .cloned()
        .collect();
    if files.is_empty() || !others.is_empty() {
        let _ = git.text(&["merge", "--abort"]);
        return Err(Stopped::Unmergeable(if others.is_empty() {
            files
        } else {
            others
        }));
    }
    for file in files {
        let stage = |n: u8| git.text(&["show", &format!(":{n}:{file}")]).ok();
        let (Some(ours), Some(theirs)) = (stage(2), stage(3)) else {
            let _ = git.text(&["merge", "--abort"]);
            return Err(Stopped::Unmergeable(vec![file]));
        };
        let Ok(merged) = merge(stage(1).as_deref(), &ours, &theirs) else {
            let _ = git.text(&["merge", "--abort"]);
            return Err(Stopped::Unmergeable(vec![file]));
        };
        let path = git.top.join(&file);
        crate::store::write_atomically(&path, merged.text.as_bytes()).map_err(|e| {
            GitError::Failed {
                command: format!("write {file}"),
                said: e.to_string(),
            }
        })?;
        git.text(&["add", "--", &file])?;
        outcome
            .conflicts
            .extend(merged.conflicts.into_iter().map(|c| (file.clone(), c)));
        outcome.merged_by_field.push(file);
    }
    git.text(&["commit", "--quiet", "--no-edit"])?;
    Ok(())
}

/// "agenda: kim-bericht-2022 Frage 2 (answer, status); soz.toml": what
/// this commit changes, by record and question.
fn commit_message(git: &Git, files: &[&str]) -> String {
    let mut parts = Vec::new();
    for file in files {
        let now = std::fs::read_to_string(git.top.join(file)).ok();
        let before = git.text(&["show", &format!("HEAD:{file}")]).ok();
        let after = now.as_deref().and_then(crate::store::parse_motion);
        let part = match after {
            Some(motion) => {
                let old = before.as_deref().and_then(crate::store::parse_motion);
                let questions: Vec<String> = super::history::changes(old.as_ref(), &motion)
                    .into_iter()
                    .map(|(n, what)| {
                        let keys: Vec<String> = what.into_iter().map(|(k, _)| k).collect();
                        format!("{n} ({})", keys.join(", "))
                    })
                    .collect();
                match questions.is_empty() {
                    true => motion.id,
                    false => format!("{}: {}", motion.id, questions.join(", ")),
                }
            }
            None => file.to_string(),
        };
        parts.push(part);
    }
    format!("agenda: {}", parts.join("; "))
}
