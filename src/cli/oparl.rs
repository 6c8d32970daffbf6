//! `agenda import oparl`: sessions and papers from the council
//! information system, from JSON files or a server; what was skipped is
//! said on standard error, what was written on standard output.

use std::io;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use super::Context;
use crate::oparl::{self, Limits, Say};
use crate::text;

/// How the pull is limited and whether it writes.
pub(super) struct Options {
    pub dry_run: bool,
    pub limits: Limits,
}

pub(super) fn run(
    dir: &Path,
    sources: &[String],
    options: Options,
    ctx: &mut Context,
) -> io::Result<ExitCode> {
    let data = crate::store::load(dir).data;
    let job = oparl::Job::new(sources.to_vec(), options.limits, &data);
    // Drawn only where standard error is a terminal.
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_message(ctx.texts.oparl_progress());
    if job.online() {
        bar.enable_steady_tick(Duration::from_millis(120));
    }
    let progress_bar = bar.clone();
    let pulled = job.run(Box::new(move |n| progress_bar.set_position(n as u64)));
    bar.finish_and_clear();
    let plan = oparl::plan(&data, &pulled, ctx.today);
    let mut failed = false;
    let mut tell = |say: &Say, out: &mut dyn io::Write| -> io::Result<()> {
        let line = text::line(&ctx.texts.oparl(say)).into_owned();
        if say.is_problem() {
            failed = true;
        }
        match say.is_problem() || matches!(say, Say::OutsideFiles { .. }) {
            true => eprintln!("{line}"),
            false => writeln!(out, "{line}")?,
        }
        Ok(())
    };
    for say in pulled.said.iter().chain(&plan.said) {
        tell(say, ctx.out)?;
    }
    if options.dry_run {
        for write in &plan.writes {
            tell(&write.says, ctx.out)?;
        }
        tell(&Say::DryRun, ctx.out)?;
    } else {
        let stamp = super::stamp();
        for write in &plan.writes {
            // Said once written: a line for what is on disk.
            let written =
                crate::store::write(dir, &write.path, write.fingerprint, &write.changes, &stamp);
            if let Err(e) = written {
                let reason = match e {
                    crate::store::SaveError::Io(e) => Some(e.to_string()),
                    crate::store::SaveError::ReadOnly => {
                        Some(io::Error::from(io::ErrorKind::PermissionDenied).to_string())
                    }
                    _ => None,
                };
                let say = Say::NotWritten {
                    path: write.path.clone(),
                    reason,
                };
                tell(&say, ctx.out)?;
            } else {
                tell(&write.says, ctx.out)?;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
