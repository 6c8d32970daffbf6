//! The system `git`, run in the data folder's repository. Commands get no
//! terminal prompt (a missing credential fails instead of hanging) and the
//! user's identity from git's config, else the system user.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why git could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// No `git` on this computer.
    Missing,
    /// The folder is in no git repository.
    NotARepository(PathBuf),
    /// A command failed: which, and git's own words.
    Failed { command: String, said: String },
}

/// A repository and how to run git in it.
#[derive(Debug, Clone)]
pub struct Git {
    program: PathBuf,
    /// The repository's top folder.
    pub top: PathBuf,
    /// Author and committer where git's config names none.
    identity: Option<(String, String)>,
}

impl Git {
    /// The repository `dir` is in.
    pub fn open(dir: &Path) -> Result<Git, GitError> {
        let program = which::which("git").map_err(|_| GitError::Missing)?;
        let mut git = Git {
            program,
            top: dir.to_path_buf(),
            identity: None,
        };
        let top = git
            .text(&["rev-parse", "--show-toplevel"])
            .map_err(|_| GitError::NotARepository(dir.to_path_buf()))?;
        git.top = PathBuf::from(top.trim());
        let name = git.text(&["config", "user.name"]).unwrap_or_default();
        if name.trim().is_empty() {
            let user = whoami::username().unwrap_or_else(|_| "agenda".into());
            let host = whoami::hostname().unwrap_or_else(|_| "localhost".into());
            git.identity = Some((user.clone(), format!("{user}@{host}")));
        }
        Ok(git)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.program);
        command
            .arg("-C")
            .arg(&self.top)
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C");
        if let Some((name, mail)) = &self.identity {
            for who in ["AUTHOR", "COMMITTER"] {
                command.env(format!("GIT_{who}_NAME"), name);
                command.env(format!("GIT_{who}_EMAIL"), mail);
            }
        }
        command
    }

    /// Runs git; its standard output, or why it failed.
    pub fn text(&self, args: &[&str]) -> Result<String, GitError> {
        let output = self.command(args).output().map_err(|_| GitError::Missing)?;
        if output.status.success() {
            return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
        }
        let said = String::from_utf8_lossy(&output.stderr).trim().to_string();
        let said = match said.is_empty() {
            true => String::from_utf8_lossy(&output.stdout).trim().to_string(),
            false => said,
        };
        Err(GitError::Failed {
            command: format!("git {}", args.join(" ")),
            said,
        })
    }

    /// Runs git; whether it succeeded (for commands that fail as an answer).
    pub fn ok(&self, args: &[&str]) -> bool {
        self.command(args)
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// The name this user's commits carry.
    pub fn author(&self) -> String {
        match &self.identity {
            Some((name, _)) => name.clone(),
            None => self
                .text(&["config", "user.name"])
                .unwrap_or_default()
                .trim()
                .to_string(),
        }
    }

    /// `path` relative to the repository's top, with `/`.
    pub fn relative(&self, path: &Path) -> String {
        let top = std::fs::canonicalize(&self.top).unwrap_or_else(|_| self.top.clone());
        let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let rel = full.strip_prefix(&top).unwrap_or(&full);
        rel.to_string_lossy().replace('\\', "/")
    }
}
