//! `agenda sync` and `agenda history`: the data folder shared through git.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::sync::git::Git;
use crate::sync::run::{Stopped, sync};
use crate::{store, text};

pub(super) fn run(dir: &Path, ctx: &mut Context) -> io::Result<ExitCode> {
    let texts = ctx.texts;
    let done = sync(dir, &mut |stage| eprintln!("{}", texts.sync_stage(stage)));
    let outcome = match done {
        Ok(o) => o,
        Err(stopped) => {
            eprintln!("{}", text::line(&texts.sync_stopped(&stopped)));
            return Ok(ExitCode::from(2));
        }
    };
    for line in texts.sync_outcome(&outcome) {
        writeln!(ctx.out, "{}", text::line(&line))?;
    }
    // Conflicts name the motion and question as people know them.
    let data = store::load(dir).data;
    for (file, c) in &outcome.conflicts {
        let record = data
            .motions
            .iter()
            .find(|m| file.ends_with(&*data.path(m.source).to_string_lossy().replace('\\', "/")))
            .map_or_else(
                || c.table.clone(),
                |m| {
                    let (open, close) = texts.labels().quotes;
                    format!("{open}{}{close}", m.title)
                },
            );
        let place = match (&c.number, c.table.as_str()) {
            (Some(n), "question") => format!(", {} {n}", texts.labels().question),
            (Some(n), _) => format!(", {n}"),
            (None, _) => String::new(),
        };
        // A value as people read it: a text without its TOML quotes.
        let shown = |v: &Option<String>| match v {
            Some(toml) => toml
                .parse::<toml_edit::Value>()
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| toml.clone()),
            None => "—".into(),
        };
        let line = texts.sync_conflict(
            file,
            &record,
            &place,
            &c.key,
            &shown(&c.ours),
            &shown(&c.theirs),
        );
        eprintln!("{}", text::line(&line));
    }
    Ok(match outcome.conflicts.is_empty() {
        true => ExitCode::SUCCESS,
        false => ExitCode::from(1),
    })
}

pub(super) fn history(
    dir: &Path,
    motion: &str,
    question: Option<&str>,
    ctx: &mut Context,
) -> io::Result<ExitCode> {
    let data = store::load(dir).data;
    let Some(found) = data.motion(motion) else {
        let known: Vec<&str> = data.motions.iter().map(|m| m.id.as_str()).collect();
        eprintln!("{}", text::line(&ctx.texts.unknown_motion(motion, &known)));
        return Ok(ExitCode::from(2));
    };
    let file = dir.join(data.path(found.source));
    let entries =
        Git::open(dir).and_then(|git| crate::sync::history::history(&git, &file, question));
    match entries {
        Ok(entries) if entries.is_empty() => {
            writeln!(ctx.out, "{}", ctx.texts.no_history())?;
            Ok(ExitCode::SUCCESS)
        }
        Ok(entries) => {
            for entry in &entries {
                writeln!(ctx.out, "{}", text::line(&ctx.texts.history_entry(entry)))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}", text::line(&ctx.texts.sync_stopped(&Stopped::Git(e))));
            Ok(ExitCode::from(2))
        }
    }
}
