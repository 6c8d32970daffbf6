//! `agenda import text`: letters into motion files, one a letter, each
//! told in one line; refusals said plainly, with a non-zero exit.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use crate::edit::Change;
use crate::import::{self, ReadError, Refused};
use crate::text;

pub(super) struct Options {
    pub dry_run: bool,
    pub allow_no_questions: bool,
}

pub(super) fn text(
    dir: &Path,
    files: &[PathBuf],
    options: Options,
    ctx: &mut Context,
) -> io::Result<ExitCode> {
    let mut data = crate::store::load(dir).data;
    let mut failed = false;
    let stamp = super::stamp();
    for file in files {
        let name = file.display().to_string();
        let say = |message: String| eprintln!("{}", text::line(&message));
        let read = if file.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| ReadError::Unreadable(crate::import::Cause::of(&e)))
                .and_then(|_| import::text_of_bytes(&bytes))
        } else {
            import::text_of(file)
        };
        let letter_text = match read {
            Ok(t) => t,
            Err(why) => {
                say(match why {
                    ReadError::Unreadable(cause) => ctx.texts.import_unreadable(&name, &cause),
                    ReadError::Empty => ctx.texts.import_empty(&name, false),
                    ReadError::Binary => ctx.texts.import_binary(&name),
                    ReadError::Damaged(reason) => ctx.texts.import_damaged(&name, &reason),
                });
                failed = true;
                continue;
            }
        };
        let letter = crate::letter::parse(&letter_text);
        let plan = match import::plan(&data, &letter, ctx.today, options.allow_no_questions) {
            Ok(plan) => plan,
            Err(why) => {
                say(match why {
                    Refused::NoTitle => ctx.texts.import_no_title(&name),
                    Refused::NoQuestions => ctx.texts.import_no_questions(&name),
                });
                failed = true;
                continue;
            }
        };
        let s = &plan.summary;
        let session = s.session.as_ref().map(|(c, d)| (c.as_str(), *d));
        let summary = ctx
            .texts
            .import_summary(&s.kind, &s.submitters, s.questions, session);
        if let Some(existing) = &plan.duplicate {
            let differing = import::differing(&data, &letter, existing);
            say(ctx.texts.import_duplicate(&name, existing, &differing));
            failed = true;
        }
        if options.dry_run {
            if let (Some(Change::File(f)), Some((committee, date))) = (&plan.new_session, session) {
                say(ctx
                    .texts
                    .import_session_made(committee, date, &f.path, true));
            }
            // What the letter reads as is shown; a letter refused as
            // imported already gets no line as if it were taken.
            ctx.out.write_all(plan.text.as_bytes())?;
            if plan.duplicate.is_none() {
                say(format!("{name}: {summary}"));
            }
            continue;
        }
        if plan.duplicate.is_some() {
            continue;
        }
        let mut written = true;
        for change in plan.new_session.iter().chain(std::iter::once(&plan.motion)) {
            let Change::File(f) = change else { continue };
            if let Err(e) =
                crate::store::write(dir, &f.path, None, std::slice::from_ref(change), &stamp)
            {
                let kind = match &e {
                    crate::store::SaveError::Io(e) => Some((e.kind(), e.to_string())),
                    crate::store::SaveError::ReadOnly | crate::store::SaveError::NoLock(_) => {
                        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
                        Some((denied.kind(), denied.to_string()))
                    }
                    _ => None,
                };
                let reason =
                    kind.map(|(kind, said)| crate::i18n::io_reason(ctx.texts, kind, &said));
                say(ctx
                    .texts
                    .import_not_written(&f.path.display().to_string(), reason.as_deref()));
                written = false;
                break;
            }
            if Some(change) == plan.new_session.as_ref()
                && let Some((committee, date)) = session
            {
                say(ctx
                    .texts
                    .import_session_made(committee, date, &f.path, false));
            }
        }
        if !written {
            failed = true;
            continue;
        }
        writeln!(
            ctx.out,
            "{}",
            text::line(&ctx.texts.import_written(&plan.path, &summary))
        )?;
        // The next letter sees this one: a session made once, a letter twice refused.
        data = crate::store::load(dir).data;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
