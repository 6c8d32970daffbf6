//! Prints the text `agenda search` searches, one field a line, for
//! `fzf --filter` and `nucleo_filter` to search the same:
//!
//! ```sh
//! cargo run --release --example search_lines -- /tmp/stress > /tmp/stress.txt
//! ```
//!
//! The fields are those `search::Index::build` indexes, in its order, folded
//! as it folds them (lower case, ä→ae, ß→ss …), so a query finds the same
//! fields in all three; line breaks inside a field become spaces.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use agenda::fold::fold_into;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: search_lines DIR > FILE");
        std::process::exit(2);
    };
    let data = agenda::store::load(&dir).data;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut line = String::new();
    let mut field = |text: &str| -> std::io::Result<()> {
        // Empty fields are not indexed, so not printed.
        if text.is_empty() {
            return Ok(());
        }
        line.clear();
        fold_into(text, &mut line);
        let line = line.replace(['\n', '\r'], " ");
        writeln!(out, "{line}")
    };
    for session in &data.sessions {
        field(&session.id)?;
        field(&session.committee)?;
        field(&agenda::dates::date(session.date))?;
        for item in &session.agenda {
            field(&item.number)?;
            field(&item.title)?;
        }
    }
    for motion in &data.motions {
        field(&motion.id)?;
        field(&motion.kind)?;
        field(&motion.title)?;
        field(&motion.submitters.join(", "))?;
        let names: Vec<&str> = motion.signatories.iter().map(|s| s.name.as_str()).collect();
        field(&names.join(", "))?;
        field(motion.reference.as_deref().unwrap_or(""))?;
        field(motion.office.as_deref().unwrap_or(""))?;
        field(motion.proposal.as_deref().unwrap_or(""))?;
        field(motion.rationale.as_deref().unwrap_or(""))?;
        for question in &motion.questions {
            field(&question.number)?;
            field(&question.text)?;
            field(question.assignee.as_deref().unwrap_or(""))?;
            field(question.answer.as_deref().unwrap_or(""))?;
        }
    }
    out.flush()
}
