//! `agenda search`: ranked hits, one a line: kind, where, the matching text.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;

use super::Context;
use crate::search::{self, Index};
use crate::store;
use crate::text;

/// Enough for any one line a person reads; scripts get the same.
const TEXT_WIDTH: usize = 120;

/// `agenda search daten`: the word to look for forgotten, rather than the
/// folder's name to be looked for in the default folder. Said before any
/// folder is looked for (a first start would set up the example).
pub(super) fn only_a_folder(words: &[String], texts: &dyn crate::i18n::Texts) -> Option<ExitCode> {
    let [word] = words else { return None };
    holds_data(Path::new(word.trim())).then(|| {
        eprintln!(
            "{}",
            text::line(&(texts.labels().search_only_folder)(word.trim()))
        );
        ExitCode::from(2)
    })
}

pub(super) fn run(dir: &Path, query: &str, ctx: &mut Context) -> io::Result<ExitCode> {
    // The process ends right after the answer: handing a large folder's
    // memory back piece by piece cost a fifth of the run. Never dropped.
    let loaded = std::mem::ManuallyDrop::new(store::open(dir));
    let data = &*loaded.data;
    // One search: the texts scanned, no vocabulary collected.
    let hits = Index::search_once(data, query);
    // What files with errors hold was not searched: said, so that "nothing
    // found" is not taken for "nobody asked".
    let errors = loaded.error_count();
    if errors > 0 {
        let warnings = loaded.diagnostics.len() - errors;
        let summary = ctx.texts.check_summary(errors, warnings, loaded.files);
        eprintln!("{} (agenda check)", text::line(&summary));
    }
    // Nothing found is an answer, not an error: exit code 1 (errors give 2),
    // so a script can ask "has anyone asked about this before?".
    if hits.is_empty() {
        eprintln!("{}", text::line(&ctx.texts.search_no_match(query.trim())));
        return Ok(ExitCode::FAILURE);
    }
    let placed = search::placements(data);
    let place = |m: usize| placed[m];
    // Lines are made in parallel and written in rank order.
    let lines: Vec<String> = hits
        .par_iter()
        .map(|hit| {
            let (kind, path) =
                search::describe_placed(data, (hit.target, hit.field), ctx.texts, &place);
            let location = path.join(" › ");
            let full = search::field_text(data, hit.target, hit.field);
            // Where the match is matters only when the text must be cut.
            let positions: Vec<usize> = if full.chars().count() > TEXT_WIDTH {
                search::anchor(&full, query).into_iter().collect()
            } else {
                Vec::new()
            };
            let (shown, _) = search::snippet(&full, &positions, TEXT_WIDTH);
            // The record's id last, for a script's next command
            // (agenda export --motion ID).
            let id = match hit.target {
                search::Target::Motion { motion } | search::Target::Question { motion, .. } => {
                    &data.motions[motion].id
                }
                search::Target::Session { session }
                | search::Target::AgendaItem { session, .. } => &data.sessions[session].id,
            };
            // Each field made safe on its own: a tab in the data is no separator.
            let fields = [
                kind.as_str(),
                location.as_str(),
                shown.as_str(),
                id.as_str(),
            ]
            .map(text::line);
            fields.join("\t")
        })
        .collect();
    for line in &lines {
        writeln!(ctx.out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `path` is a folder with data files in it or in its folders.
fn holds_data(path: &Path) -> bool {
    let toml = |p: &Path| p.extension().is_some_and(|e| e == "toml");
    let entries = |p: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(p)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    path.is_dir()
        && entries(path)
            .iter()
            .any(|p| toml(p) || (p.is_dir() && entries(p).iter().any(|q| toml(q))))
}
