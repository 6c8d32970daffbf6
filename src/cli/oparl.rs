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
    let limits = with_days_back(sources, options.limits, ctx.today);
    let loaded = crate::store::load(dir);
    let flawed = oparl::Flawed::read(dir, &loaded.data, &loaded.diagnostics);
    let data = loaded.data;
    let job = oparl::Job::new(sources.to_vec(), limits, &data);
    // Drawn only where standard error is a terminal.
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    let texts = ctx.texts;
    bar.set_message(texts.oparl(&Say::Progress { read: 0 }));
    if job.online() {
        bar.enable_steady_tick(Duration::from_millis(120));
    }
    let progress_bar = bar.clone();
    let mut pulled = job.run(Box::new(move |read| {
        progress_bar.set_message(texts.oparl(&Say::Progress { read }));
    }));
    pulled.bases = oparl::Bases::read(dir);
    bar.finish_and_clear();
    let plan = oparl::plan_with(&data, &flawed, &pulled, ctx.today);
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
        let mut done = std::collections::HashSet::new();
        for write in &plan.writes {
            // Said once written: a line for what is on disk.
            let written =
                crate::store::write(dir, &write.path, write.fingerprint, &write.changes, &stamp);
            if let Err(e) = written {
                let reason = match e {
                    crate::store::SaveError::Io(e) => Some(e.to_string()),
                    crate::store::SaveError::NoLock(_) => {
                        Some(io::Error::from(io::ErrorKind::PermissionDenied).to_string())
                    }
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
                done.insert(write.path.clone());
                tell(&write.says, ctx.out)?;
            }
        }
        for base in plan.bases {
            if base.written && !done.contains(&base.record) {
                continue;
            }
            // Not said: a base not written only makes the next import
            // keep (and say) more of what is here.
            let print = base
                .change
                .before
                .as_deref()
                .map(|t| crate::store::fingerprint(t.as_bytes()));
            let path = base.change.path.clone();
            let change = crate::edit::Change::File(base.change);
            let _ = crate::store::write(dir, &path, print, &[change], &stamp);
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `limits` with `[oparl] days_back` where no `--since` is given and the
/// pull is of `[oparl] url`: the same pull as `I` in the app. A source
/// given by hand is read whole, for an old meeting may be what is wanted.
fn with_days_back(sources: &[String], limits: Limits, today: chrono::NaiveDate) -> Limits {
    if limits.since.is_some() {
        return limits;
    }
    // Read again here: the command line hands on the url, not whence it came.
    let path = crate::config::user_path(std::env::var_os("AGENDA_CONFIG").map(Into::into));
    let oparl = crate::config::load(path.as_deref()).0.oparl;
    let configured = oparl.url.is_some_and(|url| sources == [url]);
    let since = oparl
        .days_back
        .filter(|_| configured)
        .map(|days| today - chrono::Duration::days(i64::from(days)));
    Limits { since, ..limits }
}
