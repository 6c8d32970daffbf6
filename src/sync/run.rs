//! `agenda sync`: commit what changed here, fetch, merge (by field where
//! git cannot by line), push. Every step is told as it starts; what came
//! from the others and what the merge could not join is reported, the
//! working copy valid either way.

use std::path::{Path, PathBuf};

use super::arrived::{self, Arrived};
use super::decided::{self, Decided};
use super::files::{self, Changed, is_data, prefix};
use super::git::{Git, GitError};
use crate::edit::merge_file::merge;

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
    /// What that commit holds, file by file, as people read it.
    pub sent: Vec<Arrived>,
    /// Where there is no remote to exchange with.
    pub no_remote: bool,
    /// What came from the others, file by file.
    pub arrived: Vec<Arrived>,
    /// Files git could not merge by line that were merged by field.
    pub merged_by_field: Vec<String>,
    /// Same-field conflicts this sync settled: ours kept, theirs replaced.
    pub conflicts: Vec<Decided>,
    /// Same-field conflicts another office's sync settled against a value
    /// of ours: theirs kept, ours replaced.
    pub decided_elsewhere: Vec<Decided>,
    /// Whether commits of this side went out (none: nothing to send).
    pub pushed: bool,
}

/// Why a sync (or a history) stopped; the working copy is as it was
/// before the step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stopped {
    Git(GitError),
    /// Files in conflict that are no data files: the merge was undone.
    Unmergeable(Vec<String>),
    /// Files changed here outside git's last commit that the others'
    /// changes would overwrite: the merge did not start.
    Blocked(Vec<String>),
    /// Data files `agenda check` finds errors in (relative to the data
    /// folder): nothing was committed or sent.
    Invalid(Vec<PathBuf>),
    /// `agenda history` of a question the motion does not have.
    NoQuestion {
        motion: String,
        number: String,
        known: Vec<String>,
    },
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
    let folder = match git.relative(dir) {
        f if f.is_empty() => ".".to_string(),
        f => f,
    };
    let remote = upstream(&git);
    keep_out_of_status(&git);
    progress(Stage::Committing);
    let changed = files::changed(&git, &folder)?;
    let bad = files::with_errors(dir, &folder, &changed);
    if !bad.is_empty() {
        return Err(Stopped::Invalid(bad));
    }
    // Before the first commit here the others' come first: a first commit
    // of our own would start a history git refuses to merge with theirs.
    if let (None, Some((remote, up))) = (git.head(), &remote) {
        progress(Stage::Fetching);
        git.text(&["fetch", "--quiet", remote])?;
        if exists(&git, up) {
            progress(Stage::Merging);
            merge_upstream(&git, &folder, up, &mut outcome)?;
        }
    }
    commit(&git, &folder, &mut outcome)?;
    let Some((remote, upstream)) = remote else {
        outcome.no_remote = true;
        return Ok(outcome);
    };
    let branch = git.branch().ok_or_else(|| GitError::Failed {
        command: "git symbolic-ref HEAD".into(),
        said: "no branch is checked out".into(),
    })?;
    for attempt in 0..2 {
        progress(Stage::Fetching);
        git.text(&["fetch", "--quiet", &remote])?;
        if exists(&git, &upstream) {
            progress(Stage::Merging);
            merge_upstream(&git, &folder, &upstream, &mut outcome)?;
        }
        // Nothing the others lack (or nothing at all yet): nothing to send.
        let ahead = match git.head() {
            None => false,
            Some(_) if !exists(&git, &upstream) => true,
            Some(_) => {
                let count = git.text(&["rev-list", "--count", &format!("{upstream}..HEAD")])?;
                count.trim() != "0"
            }
        };
        if !ahead {
            break;
        }
        progress(Stage::Pushing);
        let pushed = git.text(&["push", "--quiet", &remote, &format!("HEAD:{branch}")]);
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

/// What the app keeps in a data folder for itself (the lock of a save,
/// a file being written): named in this clone's own exclude list, so that
/// `git status` does not offer it to be committed. Nothing is committed
/// for it; a list that cannot be written only leaves it shown.
fn keep_out_of_status(git: &Git) {
    const OWN: [&str; 2] = [".agenda.lock", ".agenda-*.tmp"];
    let Ok(path) = git.text(&["rev-parse", "--git-path", "info/exclude"]) else {
        return;
    };
    let path = git.top.join(path.trim());
    let listed = std::fs::read_to_string(&path).unwrap_or_default();
    let missing: Vec<&str> = OWN
        .into_iter()
        .filter(|p| !listed.lines().any(|l| l.trim() == *p))
        .collect();
    if missing.is_empty() {
        return;
    }
    let mut text = listed;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# agenda's own files\n");
    for pattern in missing {
        text.push_str(pattern);
        text.push('\n');
    }
    if let Some(folder) = path.parent() {
        let _ = std::fs::create_dir_all(folder);
    }
    let _ = std::fs::write(&path, text);
}

fn exists(git: &Git, reference: &str) -> bool {
    git.ok(&["rev-parse", "--verify", "--quiet", reference])
}

/// Commits the data files that changed, and only those.
fn commit(git: &Git, folder: &str, outcome: &mut Outcome) -> Result<(), Stopped> {
    let changed: Vec<Changed> = files::changed(git, folder)?;
    if changed.is_empty() {
        return Ok(());
    }
    let list = |files: &mut dyn Iterator<Item = &Changed>| {
        files.map(|c| format!("{}\0", c.path)).collect::<String>()
    };
    let new = list(&mut changed.iter().filter(|c| c.untracked));
    let paths = ["--pathspec-from-file=-", "--pathspec-file-nul"];
    if !new.is_empty() {
        git.text_with_input(&[&["add"][..], &paths].concat(), Some(&new))?;
    }
    let message = super::message::commit(git, folder, &changed);
    // With paths, git commits exactly those, whatever else is staged.
    let args = [&["commit", "--quiet", "-m", &message][..], &paths].concat();
    git.text_with_input(&args, Some(&list(&mut changed.iter())))?;
    outcome.committed = Some(message);
    let parent = exists(git, "HEAD~1").then_some("HEAD~1");
    outcome.sent = arrived::between(git, folder, parent, "HEAD")?;
    Ok(())
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
    Some((remote.to_string(), format!("{remote}/{}", git.branch()?)))
}

fn merge_upstream(
    git: &Git,
    folder: &str,
    upstream: &str,
    outcome: &mut Outcome,
) -> Result<(), Stopped> {
    let old = git.head();
    if let Some(old) = &old {
        outcome
            .decided_elsewhere
            .extend(decided_against(git, old, upstream)?);
    }
    match git.text(&["merge", "--quiet", "--no-edit", upstream]) {
        Ok(_) => {}
        Err(GitError::Failed { command, said }) => {
            merge_by_field(git, folder, upstream, outcome, command, &said)?
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(new) = git.head().filter(|new| old.as_ref() != Some(new)) {
        outcome
            .arrived
            .extend(arrived::between(git, folder, old.as_deref(), &new)?);
    }
    Ok(())
}

/// The conflicts merges of the others settled (since `old`, up to
/// `upstream`) against a value `old` had.
fn decided_against(git: &Git, old: &str, upstream: &str) -> Result<Vec<Decided>, GitError> {
    let range = format!("{old}..{upstream}");
    let log = git.text(&["log", "--merges", "--format=%x1e%an%x1f%B", &range])?;
    let mut out = Vec::new();
    for record in log.split('\x1e').filter(|r| !r.trim().is_empty()) {
        let (author, message) = record.split_once('\x1f').unwrap_or(("", record));
        for mut d in decided::read(message) {
            let mine = git.text(&["show", &format!("{old}:{}", d.file)]);
            if mine.is_ok_and(|text| d.replaced_in(&text)) {
                if d.by.is_empty() {
                    d.by = author.to_string();
                }
                out.push(d);
            }
        }
    }
    Ok(out)
}

/// After git's merge failed: the data files merged by field, the merge
/// committed with the conflicts it settled; else undone and said why.
fn merge_by_field(
    git: &Git,
    folder: &str,
    upstream: &str,
    outcome: &mut Outcome,
    command: String,
    said: &str,
) -> Result<(), Stopped> {
    let unmerged = git.text(&["diff", "--name-only", "--diff-filter=U"])?;
    let files: Vec<String> = unmerged.lines().map(str::to_string).collect();
    if files.is_empty() {
        // Refused before it began: files changed here stand in the way.
        let _ = git.text(&["merge", "--abort"]);
        let blocking = in_the_way(said);
        return Err(match blocking.is_empty() {
            true => Stopped::Git(GitError::Failed {
                command,
                said: said.to_string(),
            }),
            false => Stopped::Blocked(blocking),
        });
    }
    let prefix = prefix(folder);
    let others: Vec<String> = files
        .iter()
        .filter(|f| !f.strip_prefix(&prefix).is_some_and(is_data))
        .cloned()
        .collect();
    if !others.is_empty() {
        let _ = git.text(&["merge", "--abort"]);
        return Err(Stopped::Unmergeable(others));
    }
    let by = git.author();
    let mut settled = Vec::new();
    for file in files {
        let stage = |n: u8| git.text(&["show", &format!(":{n}:{file}")]).ok();
        let merged = match (stage(2), stage(3)) {
            (Some(ours), Some(theirs)) => merge(stage(1).as_deref(), &ours, &theirs).ok(),
            _ => None,
        };
        let Some(merged) = merged else {
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
        for c in &merged.conflicts {
            settled.push(Decided::here(&file, &merged.text, c, &by));
        }
        outcome.merged_by_field.push(file);
    }
    // The conflicts go with the merge, for the side whose value lost.
    let mut message = format!("Merge {upstream}: merged field by field by agenda sync");
    if !settled.is_empty() {
        message.push_str("\n\n");
        message.push_str(&decided::trailers(&settled));
    }
    git.text(&["commit", "--quiet", "-m", &message])?;
    outcome.conflicts.extend(settled);
    Ok(())
}

/// The files git names as standing in a merge's way: the indented lines
/// of its refusal.
fn in_the_way(said: &str) -> Vec<String> {
    said.lines()
        .filter(|l| l.starts_with('\t') || l.starts_with("    "))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}
