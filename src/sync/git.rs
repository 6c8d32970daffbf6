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
    /// Author and committer name where git's config names none.
    name: Option<String>,
    /// Their mail address where git's config has none: git would
    /// otherwise guess one and, on many office computers, give up.
    mail: Option<String>,
}

impl Git {
    /// The repository `dir` is in.
    pub fn open(dir: &Path) -> Result<Git, GitError> {
        let program = which::which("git").map_err(|_| GitError::Missing)?;
        let mut git = Git {
            program,
            top: dir.to_path_buf(),
            name: None,
            mail: None,
        };
        let top = git
            .text(&["rev-parse", "--show-toplevel"])
            .map_err(|_| GitError::NotARepository(dir.to_path_buf()))?;
        git.top = PathBuf::from(top.trim());
        let user = || whoami::username().unwrap_or_else(|_| "agenda".into());
        let configured = |key: &str| {
            let value = git.text(&["config", key]).unwrap_or_default();
            Some(value.trim().to_string()).filter(|v| !v.is_empty())
        };
        // Each on its own: a name set without a mail is common.
        let (name, mail) = (configured("user.name"), configured("user.email"));
        git.name = name.is_none().then(user);
        git.mail = mail.is_none().then(|| {
            let host = whoami::hostname().unwrap_or_else(|_| "localhost".into());
            format!("{}@{host}", user())
        });
        Ok(git)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.program);
        command
            .arg("-C")
            .arg(&self.top)
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            // Paths are file names, never patterns: a motion file may
            // hold `*` or `:` in its name.
            .env("GIT_LITERAL_PATHSPECS", "1")
            .env("LC_ALL", "C");
        for who in ["AUTHOR", "COMMITTER"] {
            if let Some(name) = &self.name {
                command.env(format!("GIT_{who}_NAME"), name);
            }
            if let Some(mail) = &self.mail {
                command.env(format!("GIT_{who}_EMAIL"), mail);
            }
        }
        command
    }

    /// Runs git; its standard output, or why it failed.
    pub fn text(&self, args: &[&str]) -> Result<String, GitError> {
        self.text_with_input(args, None)
    }

    /// Runs git with `input` on its standard input (a commit message).
    pub fn text_with_input(&self, args: &[&str], input: Option<&str>) -> Result<String, GitError> {
        use std::io::Write;
        use std::process::Stdio;
        let mut command = self.command(args);
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        command.stdin(match input {
            Some(_) => Stdio::piped(),
            None => Stdio::null(),
        });
        let mut child = command.spawn().map_err(|_| GitError::Missing)?;
        if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
            let _ = stdin.write_all(text.as_bytes());
        }
        let output = child.wait_with_output().map_err(|_| GitError::Missing)?;
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
        match &self.name {
            Some(name) => name.clone(),
            None => self
                .text(&["config", "user.name"])
                .unwrap_or_default()
                .trim()
                .to_string(),
        }
    }

    /// The branch checked out, also before its first commit (where
    /// `rev-parse --abbrev-ref HEAD` fails); `None` when detached.
    pub fn branch(&self) -> Option<String> {
        let name = self
            .text(&["symbolic-ref", "--quiet", "--short", "HEAD"])
            .ok()?;
        Some(name.trim().to_string()).filter(|n| !n.is_empty())
    }

    /// The commit checked out; `None` before the first one.
    pub fn head(&self) -> Option<String> {
        let hash = self
            .text(&["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
            .ok()?;
        Some(hash.trim().to_string())
    }

    /// `path` relative to the repository's top, with `/`.
    pub fn relative(&self, path: &Path) -> String {
        let top = std::fs::canonicalize(&self.top).unwrap_or_else(|_| self.top.clone());
        let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let rel = full.strip_prefix(&top).unwrap_or(&full);
        rel.to_string_lossy().replace('\\', "/")
    }
}
