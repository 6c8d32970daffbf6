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
    // The conflicts are the last lines, one each: to standard error, and
    // the exit code says there is something to look at.
    let lines = texts.sync_outcome(&outcome);
    let conflicts = outcome.conflicts.len() + outcome.decided_elsewhere.len();
    let (told, conflicting) = lines.split_at(lines.len().saturating_sub(conflicts));
    for line in told {
        writeln!(ctx.out, "{}", text::line(line))?;
    }
    for line in conflicting {
        eprintln!("{}", text::line(line));
    }
    Ok(match conflicts {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
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
    if let Some(number) = question.filter(|n| !found.questions.iter().any(|q| q.number == *n)) {
        let stopped = Stopped::NoQuestion {
            motion: found.id.clone(),
            number: number.to_string(),
            known: found.questions.iter().map(|q| q.number.clone()).collect(),
        };
        eprintln!("{}", text::line(&ctx.texts.sync_stopped(&stopped)));
        return Ok(ExitCode::from(2));
    }
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
