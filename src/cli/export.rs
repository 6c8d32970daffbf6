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
    let data = store::load(dir).data;
    let Some(report) = export::report(&data, &request.session, ctx.today) else {
        let known: Vec<&str> = data.sessions.iter().map(|s| s.id.as_str()).collect();
        let message = ctx.texts.unknown_session(&request.session, &known);
        eprintln!("{}", text::line(&message));
        return Ok(ExitCode::from(2));
    };
    let rendered = export::render(&report, request.format, ctx.texts);
    let Some(path) = request.output else {
        ctx.out.write_all(rendered.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    match export::write_file(&path, &rendered, request.force) {
        Ok(()) => {
            eprintln!("{}", text::line(&ctx.texts.export_written(&path)));
            Ok(ExitCode::SUCCESS)
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
