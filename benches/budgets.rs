//! The performance budgets of DESIGN.md, on corpora from `examples/corpus`.
//!
//! `cargo bench` runs the "year" scale; `AGENDA_BENCH_STRESS=1 cargo bench`
//! adds the "stress" scale (10,000 motions, 100,000 questions, ~45 MB).
//! Before the criterion runs, the typing test prints per-keystroke
//! percentiles, which criterion's means do not show.

#[path = "../examples/corpus/mod.rs"]
mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

use agenda::app::{App, Env, Layout, Msg};
use agenda::i18n::Lang;
use agenda::input::Action;
use agenda::runtime::{Headless, dispatch};
use agenda::search::Index;
use criterion::{BenchmarkId, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// What a person types into the finder, one key at a time.
const QUERY: &str = "kindertagess";

fn corpus(scale: corpus::Scale) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    corpus::write(dir.path(), scale, 2022).unwrap();
    dir
}

fn app(dir: &Path) -> App {
    let loaded = agenda::store::load(dir);
    let day = chrono::NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    let env = Env {
        today: day,
        clock: Box::new(move || day.and_hms_opt(10, 0, 0).unwrap()),
        user: "bench".into(),
        reports: dir.join(".reports"),
        lang: Lang::De,
        recovery: None,
        oparl: Default::default(),
        rules: Default::default(),
        report: Default::default(),
        watch: false,
        poll: None,
        mouse: false,
        config: None,
    };
    let (config, _) = agenda::config::from_text(None);
    App::new(dir.to_path_buf(), loaded, env, config.keymap)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    let mut layout = Layout::default();
    terminal
        .draw(|f| layout = agenda::ui::draw(f, app, Lang::De.texts()))
        .unwrap();
    dispatch(app, Msg::Layout(layout), &mut Headless::default());
}

/// Start to first frame: load every file, build the state, draw 80x24.
fn start_to_first_frame(dir: &Path) {
    let mut app = app(dir);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    draw(&mut terminal, &mut app);
}

/// One keystroke as the running app handles it: the key, the search (on
/// the search thread, narrowing the last matches), the answer, the frame.
struct Typing {
    app: App,
    index: Index,
    terminal: Terminal<TestBackend>,
    previous: Option<Vec<(u32, i64)>>,
}

impl Typing {
    fn new(dir: &Path) -> Typing {
        let mut app = app(dir);
        let index = Index::build(app.data());
        dispatch(&mut app, Action::Search, &mut Headless::default());
        Typing {
            app,
            index,
            terminal: Terminal::new(TestBackend::new(80, 24)).unwrap(),
            previous: None,
        }
    }

    fn key(&mut self, c: char) {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        dispatch(&mut self.app, Msg::Press(key), &mut Headless::default());
        let finder = self.app.finder().unwrap();
        let (generation, query) = (finder.generation, finder.query.clone());
        let matches = self
            .index
            .matching(self.app.data(), &query, self.previous.as_deref(), &|| false)
            .unwrap();
        let hits = self.index.rank(&matches, 200);
        self.previous = Some(matches);
        let total = hits.len();
        let answer = Msg::SearchResults {
            generation,
            hits,
            total,
        };
        dispatch(&mut self.app, answer, &mut Headless::default());
        draw(&mut self.terminal, &mut self.app);
    }
}

/// Per-keystroke latency over many typings of `QUERY`: p50, p99, max.
fn keystroke_percentiles(name: &str, dir: &Path, rounds: usize) {
    let mut times = Vec::new();
    for _ in 0..rounds {
        let mut typing = Typing::new(dir);
        for c in QUERY.chars() {
            let start = Instant::now();
            typing.key(c);
            times.push(start.elapsed());
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "keystroke to updated results ({name}, {} keys): p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        times.len(),
        at(0.50),
        at(0.99),
        times[times.len() - 1]
    );
}

fn benches(c: &mut Criterion) {
    let mut scales = vec![("year", corpus(corpus::Scale::YEAR))];
    if std::env::var_os("AGENDA_BENCH_STRESS").is_some() {
        scales.push(("stress", corpus(corpus::Scale::STRESS)));
    }
    for (name, dir) in &scales {
        keystroke_percentiles(name, dir.path(), if *name == "year" { 100 } else { 3 });
    }

    let mut group = c.benchmark_group("budgets");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for (name, dir) in &scales {
        group.bench_with_input(
            BenchmarkId::new("start_to_first_frame", name),
            dir.path(),
            |b, dir| {
                b.iter(|| start_to_first_frame(dir));
            },
        );
        // The first key of a query searches everything: this is the work the
        // search thread takes off the UI thread.
        let data = agenda::store::load(dir.path()).data;
        let index = Index::build(&data);
        group.bench_with_input(BenchmarkId::new("full_search", name), &index, |b, index| {
            b.iter(|| index.search(&data, "kinder", 200));
        });
        group.bench_with_input(BenchmarkId::new("index_build", name), &data, |b, data| {
            b.iter(|| Index::build(data));
        });
        // What the UI thread does per frame while the finder shows 200 hits.
        let mut typing = Typing::new(dir.path());
        for c in QUERY.chars() {
            typing.key(c);
        }
        group.bench_function(BenchmarkId::new("finder_frame", name), |b| {
            b.iter(|| draw(&mut typing.terminal, &mut typing.app));
        });
    }
    // Saving one change: re-read, compare, edit, write a temporary file,
    // fsync, rename. Alternating status so every save writes.
    let (_, year) = &scales[0];
    let loaded = agenda::store::load(year.path());
    let motion = loaded.data.motions[0].clone();
    let mut source = loaded.data.sources[motion.source.0].clone();
    let stamp = agenda::store::Stamp {
        at: chrono::NaiveDate::from_ymd_opt(2022, 9, 1)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap(),
        by: "bench".into(),
    };
    let mut flip = false;
    group.bench_function("save_one_change/year", |b| {
        b.iter(|| {
            flip = !flip;
            let status = if flip {
                agenda::model::Status::Answered
            } else {
                agenda::model::Status::Open
            };
            let fields = [agenda::store::Field::Status(status)];
            let number = &motion.questions[0].number;
            source.fingerprint =
                agenda::store::save_question(year.path(), &source, 0, number, &fields, &stamp)
                    .unwrap();
        });
    });
    // Importing a letter of twenty pages: the parser over its text.
    let letter = twenty_pages();
    group.bench_function("parse_letter/20_pages", |b| {
        b.iter(|| agenda::letter::parse(&letter));
    });
    group.finish();
}

/// A long Anfrage as a PDF gives it: page furniture on every page, a long
/// rationale, sixty numbered questions wrapped over lines.
fn twenty_pages() -> String {
    let mut out = String::from(
        "Fraktion DIE LINKE. im Rat der Stadt Beispielstadt\n\nAnfrage gemäß § 9 der Geschäftsordnung zur Sitzung des Ausschusses für Soziales am 07.09.2022\n\nDie Lage der Kindertagesstätten\n\nSehr geehrte Damen und Herren,\n\n",
    );
    for page in 1..=20 {
        for n in 1..=3 {
            let q = (page - 1) * 3 + n;
            out.push_str(&format!(
                "{q}. Wie viele Plätze fehlen im Stadtteil {q}, und bis wann sollen sie\n   geschaffen werden, und mit welchen Mitteln aus dem Haushalt?\n\n"
            ));
        }
        for _ in 0..30 {
            out.push_str("Die Versorgung mit Betreuungsplätzen ist in den letzten Jahren hinter dem Bedarf zurückgeblieben.\n");
        }
        out.push_str(&format!("\nSeite {page} von 20\n\u{c}"));
    }
    out.push_str("Mit freundlichen Grüßen\n\ngezeichnet: Erika Beispiel (Fraktionsvorsitzende)\n");
    out
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
}
