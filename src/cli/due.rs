//! `agenda due`: the worklist for scripts and e-mail: every question
//! waiting for an answer, by department, earliest due first.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::Context;
use crate::deadline::{Deadlines, Rules};
use crate::worklist::{self, Entry};
use crate::{i18n, store, text};

#[derive(Serialize)]
struct EntryJson<'a> {
    motion: &'a str,
    number: &'a str,
    text: &'a str,
    session: Option<&'a str>,
    due: Option<String>,
    due_from_rule: bool,
    days_left: Option<i64>,
    /// Its own assignee, else the office in charge of its motion.
    assignee: Option<&'a str>,
    /// `assignee` is the motion's office in charge, the question has none.
    lead_office: bool,
    status: &'a str,
    /// Marked answered but without a text: still owed.
    answered_without_text: bool,
}

fn to_json<'a>(entry: &Entry<'a>, ctx: &Context) -> EntryJson<'a> {
    EntryJson {
        motion: &entry.motion.id,
        number: &entry.question.number,
        text: &entry.question.text,
        session: entry.session.map(|s| s.id.as_str()),
        due: entry.due.map(|d| d.date.format("%Y-%m-%d").to_string()),
        due_from_rule: entry.due.is_some_and(|d| d.from_rule),
        days_left: entry.days_left(ctx.today),
        assignee: entry.department(),
        lead_office: entry.by_lead_office(),
        status: entry.question.status.as_str(),
        answered_without_text: entry.question.status == crate::model::Status::Answered,
    }
}

fn say_nothing(ctx: &mut Context, what: &str) -> io::Result<ExitCode> {
    writeln!(ctx.out, "{what}")?;
    Ok(ExitCode::SUCCESS)
}

fn quoted(title: &str, (open, close): (&str, &str)) -> String {
    format!("{open}{title}{close}")
}

pub(super) fn run(
    dir: &Path,
    department: Option<&str>,
    json: bool,
    rules: Rules,
    ctx: &mut Context,
) -> io::Result<ExitCode> {
    let loaded = store::open(dir);
    // The questions of a file with errors are missing: said (also beside
    // JSON, on standard error), and the exit code tells scripts.
    let done = match super::say_errors(dir, &loaded, ctx.texts) {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    };
    let data = &loaded.data;
    let deadlines = Deadlines::new(data, rules);
    let entries: Vec<Entry> = worklist::entries(data, &deadlines, |m, q| {
        department.is_none_or(|d| worklist::department_matches(worklist::answerer(m, q), d))
    });
    if json {
        let list: Vec<EntryJson> = entries.iter().map(|e| to_json(e, ctx)).collect();
        let json = serde_json::to_string_pretty(&list).map_err(io::Error::other)?;
        ctx.out.write_all(crate::text::json(json).as_bytes())?;
        writeln!(ctx.out)?;
        return Ok(done);
    }
    let labels = ctx.texts.labels();
    // A department mistyped is not "nothing due": said, with those there are.
    if let Some(wanted) = department.filter(|w| !w.trim().is_empty())
        && entries.is_empty()
    {
        let mut known: Vec<String> = Vec::new();
        let questions = data
            .motions
            .iter()
            .flat_map(|m| m.questions.iter().map(move |q| (m, q)));
        for (m, q) in questions {
            if let Some(d) = worklist::answerer(m, q)
                && worklist::department_matches(Some(d), wanted)
            {
                return say_nothing(ctx, labels.worklist_empty);
            } else if let Some(d) = worklist::answerer(m, q)
                && !known
                    .iter()
                    .any(|k| worklist::department_matches(Some(k), d))
            {
                known.push(d.to_string());
            }
        }
        known.sort();
        let message = (labels.no_department)(wanted, &known.join(", "));
        eprintln!("{}", text::line(&message));
        return Ok(ExitCode::from(1));
    }
    if entries.is_empty() {
        match store::unread(data, &loaded.diagnostics) {
            0 => writeln!(ctx.out, "{}", labels.worklist_empty)?,
            n => writeln!(
                ctx.out,
                "{}",
                (labels.worklist_empty_broken)(n, "agenda check")
            )?,
        }
    }
    for group in worklist::groups(entries) {
        let name = group.department.unwrap_or(labels.nobody);
        writeln!(ctx.out, "{} ({})", text::line(name), group.entries.len())?;
        let lead = |entry: &Entry| match entry.by_lead_office() {
            true => format!(" ({})", labels.lead_office),
            false => String::new(),
        };
        for entry in &group.entries {
            let due = match entry.due {
                Some(d) => {
                    let rule = if d.from_rule {
                        format!(" ({})", labels.by_rule)
                    } else {
                        String::new()
                    };
                    let left = ctx.texts.due_in((d.date - ctx.today).num_days());
                    // After its session: the answer would come too late.
                    let late = match entry.session.is_some_and(|s| d.date > s.date) {
                        true => format!(", {}", labels.after_session),
                        false => String::new(),
                    };
                    format!("{}{rule}, {left}{late}", i18n::date(d.date))
                }
                None => "—".to_string(),
            };
            let session = entry.session.map_or_else(
                || ctx.texts.without_session().to_string(),
                |s| format!("{} {}", s.committee, i18n::date(s.date)),
            );
            let line = format!(
                "  {due} · {session} · {} {}: {} {}{}",
                entry.motion.kind,
                quoted(&entry.motion.title, labels.quotes),
                labels.question,
                entry.question.number,
                lead(entry),
            );
            writeln!(ctx.out, "{}", text::line(&line))?;
            writeln!(ctx.out, "    {}", text::line(&entry.question.text))?;
        }
    }
    Ok(done)
}
