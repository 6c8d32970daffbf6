//! `agenda status`: per session the countdown and answered questions.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::Context;
use crate::i18n;
use crate::overview::{SessionOverview, overview};
use crate::store;
use crate::text;

#[derive(Serialize)]
struct SessionJson<'a> {
    id: &'a str,
    committee: &'a str,
    /// `null` where the file's date cannot be read.
    date: Option<String>,
    days_left: Option<i64>,
    answered: usize,
    total: usize,
    motions: Vec<MotionJson<'a>>,
}

#[derive(Serialize)]
struct MotionJson<'a> {
    id: &'a str,
    kind: &'a str,
    title: &'a str,
    on_agenda: bool,
    agenda_item: Option<&'a str>,
    answered: usize,
    total: usize,
}

pub(super) fn run(dir: &Path, json: bool, ctx: &mut Context) -> io::Result<ExitCode> {
    let loaded = store::open(dir);
    let overview = overview(&loaded.data);
    if json {
        let sessions: Vec<_> = overview.sessions.iter().map(|s| to_json(s, ctx)).collect();
        let json = serde_json::to_string_pretty(&sessions).map_err(io::Error::other)?;
        ctx.out.write_all(crate::text::json(json).as_bytes())?;
        writeln!(ctx.out)?;
    } else {
        if loaded.files == 0 {
            let said = ctx.texts.empty_folder(dir);
            writeln!(ctx.out, "{}", crate::text::line(&said))?;
        } else if overview.sessions.is_empty() {
            writeln!(ctx.out, "{}", ctx.texts.no_sessions())?;
        }
        for session in &overview.sessions {
            write_session(session, ctx)?;
        }
        if !overview.unplaced.is_empty() {
            writeln!(ctx.out, "{}:", ctx.texts.without_session())?;
            for motion in &overview.unplaced {
                let line = format!(
                    "  {} ({}), {} – {}",
                    motion.id,
                    motion.kind,
                    ctx.texts
                        .answered(motion.answered(), motion.questions.len()),
                    motion.title
                );
                writeln!(ctx.out, "{}", text::line(&line))?;
            }
        }
    }
    // What files with errors hold is missing above: said on standard
    // error, and the exit code tells a script (as `agenda due` does).
    let errors = loaded.error_count();
    if errors > 0 {
        let warnings = loaded.diagnostics.len() - errors;
        eprintln!(
            "{} (agenda check)",
            ctx.texts.check_summary(errors, warnings, loaded.files)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_session(overview: &SessionOverview, ctx: &mut Context) -> io::Result<()> {
    let session = overview.session;
    // A date that cannot be read is shown as none, not as a placeholder.
    let head = match session.date == chrono::NaiveDate::MAX {
        true => format!(
            "— {}: {}",
            session.committee,
            ctx.texts.answered(overview.answered(), overview.total()),
        ),
        false => format!(
            "{} ({}) {}: {}, {}",
            i18n::date(session.date),
            ctx.texts.weekday(chrono::Datelike::weekday(&session.date)),
            session.committee,
            ctx.texts.days_left(overview.days_left(ctx.today)),
            ctx.texts.answered(overview.answered(), overview.total()),
        ),
    };
    writeln!(ctx.out, "{}", text::line(&head))?;
    for placement in &overview.placements {
        let motion = placement.motion;
        let place = match placement.item {
            Some(item) => ctx.texts.agenda_item(&item.number),
            None => ctx.texts.not_on_agenda().to_string(),
        };
        let line = format!(
            "  {place}: {} ({}), {} – {}",
            motion.id,
            motion.kind,
            ctx.texts
                .answered(motion.answered(), motion.questions.len()),
            motion.title
        );
        writeln!(ctx.out, "{}", text::line(&line))?;
    }
    Ok(())
}

fn to_json<'a>(overview: &SessionOverview<'a>, ctx: &Context) -> SessionJson<'a> {
    let session = overview.session;
    SessionJson {
        id: &session.id,
        committee: &session.committee,
        date: (session.date != chrono::NaiveDate::MAX)
            .then(|| session.date.format("%Y-%m-%d").to_string()),
        days_left: (session.date != chrono::NaiveDate::MAX).then(|| overview.days_left(ctx.today)),
        answered: overview.answered(),
        total: overview.total(),
        motions: overview
            .placements
            .iter()
            .map(|p| MotionJson {
                id: &p.motion.id,
                kind: &p.motion.kind,
                title: &p.motion.title,
                on_agenda: p.item.is_some(),
                agenda_item: p.item.map(|i| i.number.as_str()),
                answered: p.motion.answered(),
                total: p.motion.questions.len(),
            })
            .collect(),
    }
}
