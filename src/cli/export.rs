//! `agenda export`: the report of one session or the answer letter to one
//! motion, to a file or to standard output.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use crate::export::{self, Format, Options};
use crate::i18n::Texts;
use crate::store;
use crate::text;

/// What to export.
pub(super) enum What {
    Session(String),
    Motion(String),
}

pub(super) struct Request {
    pub what: What,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub nonpublic: bool,
    pub options: Options,
}

pub(super) fn run(
    dir: &Path,
    request: Request,
    words: &'static dyn Texts,
    ctx: &mut Context,
) -> io::Result<ExitCode> {
    // A name agenda cannot write (bericht.pdf) or a folder: said before
    // anything is read, never a web page under a Word or PDF name.
    if let Some(path) = &request.output {
        let known = export::Format::of_path(path);
        if path.is_dir() || known.is_none_or(|f| f != request.format) {
            let (open, close) = ctx.texts.labels().quotes;
            let message = (ctx.texts.report().bad_output)(
                &format!("{open}{}{close}", path.display()),
                path.is_dir(),
                request.format.extension(),
            );
            eprintln!("{}", text::line(&message));
            return Ok(ExitCode::from(2));
        }
    }
    let loaded = store::open(dir);
    // Two records with one id make the report ambiguous, a file with
    // errors leaves its motion out: said, and the exit code tells scripts.
    let done = match super::say_errors(dir, &loaded, ctx.texts) {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    };
    let data = loaded.data;
    let (doc, unmarked) = match &request.what {
        What::Session(id) => {
            let Some(report) = export::report(&data, id, ctx.today, request.nonpublic) else {
                let known: Vec<&str> = data.sessions.iter().map(|s| s.id.as_str()).collect();
                let message = ctx.texts.unknown_session(id, &known);
                eprintln!("{}", text::line(&message));
                return Ok(ExitCode::from(2));
            };
            let unmarked = export::unmarked(report.motions());
            (
                export::report_doc(&report, &request.options, words),
                unmarked,
            )
        }
        What::Motion(id) => {
            let Some(motion) = data.motion(id) else {
                let known: Vec<&str> = data.motions.iter().map(|m| m.id.as_str()).collect();
                eprintln!("{}", text::line(&ctx.texts.unknown_motion(id, &known)));
                return Ok(ExitCode::from(2));
            };
            let deadlines = crate::deadline::Deadlines::new(&data, Default::default());
            let session = deadlines.first_session(motion).map(|i| &data.sessions[i]);
            let doc = export::letter_doc(motion, session, ctx.today, &request.options, words);
            (doc, export::unmarked([motion]))
        }
    };
    // A final version calls a written answer open while its question is
    // not marked answered: said once it is written, so that it is not
    // handed out unseen.
    let warn = |ctx: &Context| {
        if request.options.final_version && unmarked > 0 {
            eprintln!("{}", (ctx.texts.labels().unmarked_final)(unmarked));
        }
    };
    let rendered = export::render(&doc, request.format);
    let Some(path) = request.output else {
        // A Word file is no text for a terminal.
        if request.format == Format::Docx && io::stdout().is_terminal() {
            eprintln!("{}", text::line(&ctx.texts.docx_needs_file()));
            return Ok(ExitCode::from(2));
        }
        ctx.out.write_all(&rendered)?;
        warn(ctx);
        return Ok(done);
    };
    match export::write_file(&path, &rendered, request.force) {
        Ok(()) => {
            let said = match request.what {
                What::Motion(_) => {
                    let label = ctx.texts.report().letter_written;
                    format!("{label}: {}", path.display())
                }
                What::Session(_) => ctx.texts.export_written(&path),
            };
            eprintln!("{}", text::line(&said));
            warn(ctx);
            Ok(done)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            eprintln!("{}", text::line(&ctx.texts.export_exists(&path)));
            Ok(ExitCode::from(2))
        }
        Err(e) => {
            eprintln!(
                "{}",
                text::line(&ctx.texts.export_failed(
                    &path,
                    &crate::i18n::io_reason(ctx.texts, e.kind(), &e.to_string())
                ))
            );
            Ok(ExitCode::from(2))
        }
    }
}
