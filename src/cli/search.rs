//! `agenda search`: ranked hits, one a line: kind, where, the matching text.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::search::{self, Index};
use crate::store;
use crate::text;

/// Enough for any one line a person reads; scripts get the same.
const TEXT_WIDTH: usize = 120;

pub(super) fn run(dir: &Path, query: &str, ctx: &mut Context) -> io::Result<ExitCode> {
    let data = store::load(dir).data;
    let index = Index::build(&data);
    let hits = index.search(query, usize::MAX);
    for hit in &hits {
        let (kind, path) = search::describe(&data, hit.target, ctx.texts);
        let location = path.join(" › ");
        let full = search::field_text(&data, hit.target, hit.field);
        let positions = search::highlight(&full, query);
        let (shown, _) = search::snippet(&full, &positions, TEXT_WIDTH);
        // Each field made safe on its own: a tab in the data is no separator.
        let fields = [kind.as_str(), location.as_str(), shown.as_str()].map(text::line);
        writeln!(ctx.out, "{}", fields.join("\t"))?;
    }
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
