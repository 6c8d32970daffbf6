//! `agenda check`: every problem as file:line:column, then a summary.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::i18n;
use crate::store;
use crate::text;

pub(super) fn run(dir: &Path, ctx: &mut Context) -> io::Result<ExitCode> {
    let loaded = store::open(dir);
    for diagnostic in &loaded.diagnostics {
        let line = i18n::diagnostic(dir, diagnostic, ctx.texts);
        writeln!(ctx.out, "{}", text::line(&line))?;
    }
    let errors = loaded.error_count();
    let warnings = loaded.diagnostics.len() - errors;
    let summary = match loaded.files {
        0 => ctx.texts.empty_folder(dir),
        files => ctx.texts.check_summary(errors, warnings, files),
    };
    writeln!(ctx.out, "{}", text::line(&summary))?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
