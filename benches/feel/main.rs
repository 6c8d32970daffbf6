//! What the user feels: key to frame through the real binary and its event
//! loop in a pseudo-terminal (80x24, German, `--today 2022-09-01`).
//!
//! ```sh
//! cargo bench --bench feel                        # year
//! AGENDA_BENCH_STRESS=1 cargo bench --bench feel  # and stress
//! AGENDA_BENCH_4X=1 cargo bench --bench feel      # and 4x (4x stress)
//! ```
//!
//! Per scale: start to first frame showing the sessions list; `j` on the
//! list, `Enter` into a session and `Esc` back, each key to its frame; the
//! finder, `/` then a 12-character query typed one key at a time, each key
//! to the frame showing that prefix's results (the search thread answers
//! later than the key's own frame). Each measurement stops after
//! `AGENDA_BENCH_SECONDS` (default 120) and says how many it got.

mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../../examples/corpus/mod.rs"]
mod corpus;

use pty::Pty;

/// What a person types into the finder, one key at a time.
const QUERY: &str = "kindertagess";
/// Long enough that a search answer still on its way shows up before the
/// next key; the idle wait is not counted.
const QUIET: Duration = Duration::from_millis(150);
/// The same for navigation keys, which draw their one frame at once.
const NAV_QUIET: Duration = Duration::from_millis(50);

/// Runs per measurement; 4x runs fewer where one run is long.
struct Counts {
    starts: usize,
    downs: usize,
    opens: usize,
    typings: usize,
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported.
    let mut scales = vec![("year", corpus::Scale::YEAR)];
    if std::env::var_os("AGENDA_BENCH_STRESS").is_some() {
        scales.push(("stress", corpus::Scale::STRESS));
    }
    if std::env::var_os("AGENDA_BENCH_4X").is_some() {
        scales.push(("4x", corpus::Scale::stress_times(4)));
    }
    let budget = std::env::var("AGENDA_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(120), Duration::from_secs);
    let mut rows = Vec::new();
    for (name, scale) in scales {
        let dir = tempfile::tempdir().unwrap();
        corpus::write(dir.path(), scale, 2022).unwrap();
        let counts = if name == "year" {
            Counts {
                starts: 10,
                downs: 200,
                opens: 30,
                typings: 10,
            }
        } else {
            Counts {
                starts: 5,
                downs: 200,
                opens: 20,
                typings: 3,
            }
        };
        println!("== {name}");
        rows.push((name, measure(dir.path(), &counts, budget)));
    }
    println!("\n| what | {} |", names(&rows));
    println!("|---|{}", "---|".repeat(rows.len()));
    for (i, what) in Figures::WHAT.iter().enumerate() {
        let cells: Vec<&str> = rows.iter().map(|(_, f)| f.cells[i].as_str()).collect();
        println!("| {what} | {} |", cells.join(" | "));
    }
}

fn names(rows: &[(&str, Figures)]) -> String {
    rows.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(" | ")
}

/// One scale's results, one cell per line of the summary table.
struct Figures {
    cells: Vec<String>,
}

impl Figures {
    const WHAT: [&str; 8] = [
        "start to first frame without a load cache",
        "start to first frame, median (load cache warm)",
        "`j` key to frame, p50 / p99",
        "`Enter` into a session, p50 / p99",
        "`Esc` back to the list, p50 / p99",
        "finder key to its results, p50 / p99",
        "finder, first key (builds the index)",
        "peak RSS of the full-screen view",
    ];
}

fn measure(dir: &Path, counts: &Counts, budget: Duration) -> Figures {
    let home = tempfile::tempdir().unwrap();
    let mut cells = Vec::new();

    // Without a load cache (the first start of a new version), then with one.
    let cold = first_frames(dir, home.path(), 1, budget);
    cells.push(report("start to first frame, no cache", &cold, false));
    warm_cache(dir, home.path());
    let starts = first_frames(dir, home.path(), counts.starts, budget);
    cells.push(report("start to first frame", &starts, false));

    let mut app = Pty::spawn(dir, home.path());
    let start_deadline = Instant::now() + Duration::from_secs(300);
    app.wait_for(0, start_deadline, shows_sessions)
        .expect("the sessions list");
    // Whatever the start left to do (the watcher, a late frame) is done.
    app.settle(Duration::from_millis(500), start_deadline);
    if std::env::var_os("AGENDA_BENCH_SCREEN").is_some() {
        println!("{}", app.screen());
    }

    let downs = keys(&mut app, &[b"j"], counts.downs, budget);
    cells.push(report("`j`", &downs[0], true));
    let opens = keys(&mut app, &[b"\r", b"\x1b"], counts.opens, budget);
    cells.push(report("`Enter`", &opens[0], true));
    cells.push(report("`Esc`", &opens[1], true));

    let (typed, first) = typing(&mut app, counts.typings, budget);
    cells.push(report("finder key to results", &typed, true));
    cells.push(match first {
        Some(first) => format!("{first:.1?}"),
        None => "—".into(),
    });
    let rss = app
        .peak_rss_kb()
        .map_or("—".into(), |kb| format!("{} MB", kb / 1024));
    println!("peak RSS {rss}");
    cells.push(rss);
    Figures { cells }
}

/// The sessions list is up: a committee of the corpus is on the screen.
fn shows_sessions(screen: &str) -> bool {
    ["Ausschuss", "Rat der Stadt", "Bezirksvertretung"]
        .iter()
        .any(|name| screen.contains(name))
}

/// Spawn to the first frame showing the sessions list, `runs` times.
fn first_frames(dir: &Path, home: &Path, runs: usize, budget: Duration) -> Vec<Duration> {
    let stop = Instant::now() + budget;
    let mut times = Vec::new();
    while times.len() < runs && Instant::now() < stop {
        let start = Instant::now();
        let app = Pty::spawn(dir, home);
        let shown = app
            .wait_for(0, start + Duration::from_secs(300), shows_sessions)
            .expect("the sessions list");
        times.push(shown - start);
        // Dropping kills it; the next run starts as cold as the page cache allows.
    }
    times
}

/// Writes the load cache as any earlier run would have: `agenda check`
/// with the environment the app gets (a start killed at its first frame
/// never gets to write it).
fn warm_cache(dir: &Path, home: &Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_agenda"))
        .arg("check")
        .arg(dir)
        .env_clear()
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("AGENDA_CONFIG", home.join("no-config.toml"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("agenda check runs");
    assert!(status.code().is_some(), "agenda check ended by a signal");
}

/// Presses `cycle` (one key after another) `rounds` times, each key timed
/// to the next frame; per key of the cycle, its times.
fn keys(app: &mut Pty, cycle: &[&[u8]], rounds: usize, budget: Duration) -> Vec<Vec<Duration>> {
    let stop = Instant::now() + budget;
    let mut times = vec![Vec::new(); cycle.len()];
    'rounds: for _ in 0..rounds {
        for (i, key) in cycle.iter().enumerate() {
            let before = app.frames();
            let pressed = app.key(key);
            let Some(drawn) = app.wait_for(before, pressed + budget, |_| true) else {
                println!("no frame after {key:?} in {budget:?}");
                break 'rounds;
            };
            times[i].push(drawn - pressed);
            // Nothing still on its way may pass for the next key's frame.
            app.settle(NAV_QUIET, drawn + budget);
            if Instant::now() > stop {
                break 'rounds;
            }
        }
    }
    times
}

/// Opens the finder and types `QUERY` `rounds` times; each key timed to
/// the frame with its prefix in the prompt and the search done. Returns
/// the times of every key but the very first, and that first one (the
/// search thread builds its index then).
fn typing(app: &mut Pty, rounds: usize, budget: Duration) -> (Vec<Duration>, Option<Duration>) {
    let stop = Instant::now() + budget;
    let mut times = Vec::new();
    let mut first = None;
    'rounds: for _ in 0..rounds {
        let before = app.frames();
        let pressed = app.key(b"/");
        if app.wait_for(before, pressed + budget, |_| true).is_none() {
            println!("the finder did not open");
            break;
        }
        app.settle(QUIET, pressed + budget);
        for (n, c) in QUERY.char_indices() {
            let prompt = format!("/ {}▏", &QUERY[..n + c.len_utf8()]);
            let done = |screen: &str| {
                screen.contains(&prompt)
                    && !screen.contains("sucht …")
                    && !screen.contains("searching …")
            };
            let before = app.frames();
            let pressed = app.key(c.to_string().as_bytes());
            let Some(shown) = app.wait_for(before, pressed + budget, done) else {
                println!("no results for {prompt:?} in {budget:?}");
                break 'rounds;
            };
            if first.is_none() {
                first = Some(shown - pressed);
            } else {
                times.push(shown - pressed);
            }
            app.settle(QUIET, shown + budget);
            if Instant::now() > stop {
                break 'rounds;
            }
        }
        let before = app.frames();
        let pressed = app.key(b"\x1b");
        app.wait_for(before, pressed + budget, |_| true);
        app.settle(QUIET, pressed + budget);
    }
    (times, first)
}

/// Prints a measurement's line and returns its table cell.
fn report(what: &str, times: &[Duration], spread: bool) -> String {
    if times.is_empty() {
        println!("{what}: nothing measured");
        return "—".into();
    }
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = |p: f64| sorted[((sorted.len() - 1) as f64 * p).round() as usize];
    let max = sorted[sorted.len() - 1];
    println!(
        "{what} ({} times): p50 {:.1?}, p99 {:.1?}, max {max:.1?}",
        sorted.len(),
        at(0.5),
        at(0.99),
    );
    if spread {
        format!("{:.1?} / {:.1?} ({})", at(0.5), at(0.99), sorted.len())
    } else {
        format!("{:.1?} ({})", at(0.5), sorted.len())
    }
}
