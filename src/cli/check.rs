//! `agenda check`: every problem as file:line:column, then a summary.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::store::{self, Diagnostic};
use crate::text;

pub(super) fn run(dir: &Path, ctx: &mut Context) -> io::Result<ExitCode> {
    let loaded = store::load(dir);
    for diagnostic in &loaded.diagnostics {
        writeln!(ctx.out, "{}", text::line(&render(dir, diagnostic, ctx)))?;
    }
    let errors = loaded.error_count();
    let warnings = loaded.diagnostics.len() - errors;
    writeln!(
        ctx.out,
        "{}",
        ctx.texts.check_summary(errors, warnings, loaded.files)
    )?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `path:line:column: severity: message`, the form editors and CI jump to.
pub(crate) fn render(dir: &Path, diagnostic: &Diagnostic, ctx: &Context) -> String {
    let path = dir.join(&diagnostic.path);
    let place = match diagnostic.location {
        Some(at) => format!("{}:{}:{}", path.display(), at.line, at.column),
        None => path.display().to_string(),
    };
    format!(
        "{place}: {}: {}",
        ctx.texts.severity(diagnostic.severity),
        ctx.texts.problem(&diagnostic.problem)
    )
}
