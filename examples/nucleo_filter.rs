//! The nucleo peer of `fzf --filter`: prints the lines of FILE that match
//! QUERY, best first, for hyperfine to compare with fzf and `agenda search`
//! on the same text (see `search_lines`):
//!
//! ```sh
//! cargo build --release --example nucleo_filter
//! target/release/examples/nucleo_filter "amt soziales" < /tmp/stress.txt
//! ```
//!
//! As in fzf, the query's words must all match, in any order; smart case.
//! Matching runs on every core (rayon), as fzf's does, so the comparison
//! is of matchers, not of thread counts.

use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rayon::prelude::*;

/// Lines per parallel task; each task has a matcher of its own.
const CHUNK: usize = 16 * 1024;

fn main() -> std::io::Result<ExitCode> {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!("usage: nucleo_filter QUERY < FILE");
        return Ok(ExitCode::from(2));
    };
    let mut text = String::new();
    std::io::stdin().lock().read_to_string(&mut text)?;
    let lines: Vec<&str> = text.lines().collect();
    let pattern = Pattern::parse(&query, CaseMatching::Smart, Normalization::Smart);
    let mut hits: Vec<(u32, usize)> = lines
        .par_chunks(CHUNK)
        .enumerate()
        .flat_map_iter(|(c, chunk)| {
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            let scored: Vec<(u32, usize)> = chunk
                .iter()
                .enumerate()
                .filter_map(|(i, line)| {
                    let score = pattern.score(Utf32Str::new(line, &mut buf), &mut matcher)?;
                    Some((score, c * CHUNK + i))
                })
                .collect();
            scored
        })
        .collect();
    // fzf's order: score, then the shorter line, then the earlier one.
    hits.par_sort_unstable_by_key(|&(score, i)| (std::cmp::Reverse(score), lines[i].len(), i));
    let mut out = BufWriter::new(std::io::stdout().lock());
    for &(_, i) in &hits {
        writeln!(out, "{}", lines[i])?;
    }
    out.flush()?;
    // fzf --filter's exit code: 1 when nothing matched.
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
