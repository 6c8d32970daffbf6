//! Writes a realistic data folder for benchmarks and demos:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --scale year --out /tmp/year
//! cargo run --release --example gen_corpus -- --scale 4x --out /tmp/4x
//! cargo run --release --example gen_corpus -- --motions 2000 --questions 15000 --out /tmp/mid
//! ```
//!
//! The text `agenda search` searches, one field a line, for `fzf --filter`
//! and `nucleo_filter`: `cargo run --release --example search_lines -- DIR > FILE`.

mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// year (300 sessions, 600 motions, 4,000 questions), stress (1,000
    /// sessions, 10,000 motions, 100,000 questions), 2x or 4x (stress times
    /// two or four in every dimension)
    #[arg(long, default_value = "year")]
    scale: String,
    /// Overrides the number of motions of the scale
    #[arg(long)]
    motions: Option<usize>,
    /// Overrides the number of questions of the scale
    #[arg(long)]
    questions: Option<usize>,
    /// Overrides the number of sessions of the scale
    #[arg(long)]
    sessions: Option<usize>,
    /// The same seed gives the same files
    #[arg(long, default_value_t = 2022)]
    seed: u64,
    /// Folder to write into (created if missing)
    #[arg(long)]
    out: PathBuf,
}

fn main() -> std::io::Result<ExitCode> {
    let args = Args::parse();
    // An unknown name is an error, not silently a year: a mistyped "4X"
    // would otherwise measure the wrong corpus.
    let Some(mut scale) = corpus::Scale::named(&args.scale) else {
        eprintln!("unknown scale {:?}: year, stress, 2x or 4x", args.scale);
        return Ok(ExitCode::from(2));
    };
    scale.motions = args.motions.unwrap_or(scale.motions);
    scale.questions = args.questions.unwrap_or(scale.questions);
    scale.sessions = args.sessions.unwrap_or(scale.sessions);
    let files = corpus::write(&args.out, scale, args.seed)?;
    println!("{files} files in {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
