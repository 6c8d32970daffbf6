//! `agenda calendar`: sessions and due dates as an .ics file.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Timelike;

use super::Context;
use crate::deadline::{Deadlines, Rules};
use crate::{store, text};

pub(super) fn run(
    dir: &Path,
    output: Option<&PathBuf>,
    force: bool,
    (rules, zone): (Rules, chrono_tz::Tz),
    ctx: &mut Context,
) -> io::Result<ExitCode> {
    let loaded = store::open(dir);
    // A session whose file has errors may be missing: said, not hidden,
    // and the exit code tells scripts.
    let done = match super::say_errors(dir, &loaded, ctx.texts) {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    };
    let deadlines = Deadlines::new(&loaded.data, rules);
    // Made now; with --today, at its midnight, so that the same data gives
    // the same file (for tests and scripts).
    let stamp = match ctx.today == chrono::Local::now().date_naive() {
        true => chrono::Utc::now().with_nanosecond(0).unwrap_or_default(),
        false => ctx.today.and_time(chrono::NaiveTime::MIN).and_utc(),
    };
    let made = crate::calendar::calendar(&loaded.data, &deadlines, (stamp, zone), ctx.texts);
    let Some(ics) = made else {
        // RFC 5545 wants one event at least: no empty file.
        eprintln!("{}", text::line(&ctx.texts.calendar_empty()));
        return Ok(ExitCode::from(1));
    };
    // "-o -" is standard output, as for most tools.
    let Some(path) = output.filter(|p| p.as_os_str() != "-") else {
        ctx.out.write_all(ics.as_bytes())?;
        return Ok(done);
    };
    match crate::export::write_file(path, &ics, force) {
        Ok(()) => {
            eprintln!("{}", text::line(&ctx.texts.calendar_written(path)));
            Ok(done)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            eprintln!("{}", text::line(&ctx.texts.export_exists(path)));
            Ok(ExitCode::from(2))
        }
        Err(e) => {
            let reason = crate::i18n::io_reason(ctx.texts, e.kind(), &e.to_string());
            let message = ctx.texts.calendar_failed(path, &reason);
            eprintln!("{}", text::line(&message));
            Ok(ExitCode::from(2))
        }
    }
}
