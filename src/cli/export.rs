//! `agenda export`: the report of one session, to a file or to standard output.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use crate::export::{self, Format};
use crate::store;
use crate::text;

pub(super) struct Request {
    pub session: String,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub force: bool,
}

pub(super) fn run(dir: &Path, request: Request, ctx: &mut Context) -> io::Result<ExitCode> {
    let loaded = store::load(dir);
    // Two records with one id make the report ambiguous: said, and the
    // exit code tells scripts.
    let duplicates = loaded
        .diagnostics
        .iter()
        .any(|d| matches!(d.problem, store::Problem::DuplicateId { .. }));
    if loaded.error_count() > 0 {
        let errors = loaded.error_count();
        let warnings = loaded.diagnostics.len() - errors;
        let summary = ctx.texts.check_summary(errors, warnings, loaded.files);
        eprintln!("{} (agenda check)", text::line(&summary));
    }
    let done = if duplicates {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let data = loaded.data;
    let Some(report) = export::report(&data, &request.session, ctx.today) else {
        let known: Vec<&str> = data.sessions.iter().map(|s| s.id.as_str()).collect();
        let message = ctx.texts.unknown_session(&request.session, &known);
        eprintln!("{}", text::line(&message));
        return Ok(ExitCode::from(2));
    };
    let rendered = export::render(&report, request.format, ctx.texts);
    let Some(path) = request.output else {
        ctx.out.write_all(rendered.as_bytes())?;
        return Ok(done);
    };
    match export::write_file(&path, &rendered, request.force) {
        Ok(()) => {
            eprintln!("{}", text::line(&ctx.texts.export_written(&path)));
            Ok(done)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            eprintln!("{}", text::line(&ctx.texts.export_exists(&path)));
            Ok(ExitCode::from(2))
        }
        Err(e) => {
            eprintln!(
                "{}",
                text::line(&ctx.texts.export_failed(&path, &e.to_string()))
            );
            Ok(ExitCode::from(2))
        }
    }
}
