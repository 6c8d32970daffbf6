//! Writes a realistic data folder for benchmarks and demos:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --scale year --out /tmp/year
//! cargo run --release --example gen_corpus -- --motions 2000 --questions 15000 --out /tmp/mid
//! ```

mod corpus;

use std::path::PathBuf;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// year (300 sessions, 600 motions, 4,000 questions) or stress (10,000 motions, 100,000 questions)
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

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let mut scale = match args.scale.as_str() {
        "stress" => corpus::Scale::STRESS,
        _ => corpus::Scale::YEAR,
    };
    scale.motions = args.motions.unwrap_or(scale.motions);
    scale.questions = args.questions.unwrap_or(scale.questions);
    scale.sessions = args.sessions.unwrap_or(scale.sessions);
    let files = corpus::write(&args.out, scale, args.seed)?;
    println!("{files} files in {}", args.out.display());
    Ok(())
}
