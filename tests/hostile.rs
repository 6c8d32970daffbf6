//! Hostile and odd data: nothing reaches the terminal raw, layouts stay
//! aligned, nothing panics.

use crate::common;

use agenda::app::{App, Layout, Msg};
use agenda::i18n::Lang;
use agenda::input::Action::{self, *};
use common::{app, data_dir, session, step};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Every escape a file could smuggle in: OSC retitling, clearing the
/// screen, CSI via C1, bidi overrides, a bell, a NUL.
const EVIL: &str = "A\\u001b]2;pwned\\u0007B\\u001b[2JC\\u009b31mD\\u202eE\\u2066F\\u0000G";

fn evil_council() -> tempfile::TempDir {
    let agenda = format!(
        "\n[[agenda]]\nnumber = \"4\"\ntitle = \"{EVIL}\"\nmotions = [\"m\"]\n\n[[agenda]]\nnumber = \"5\"\ntitle = \"会議録 テスト 🎉 Ünïcödé\"\nmotions = [\"w\"]\n"
    );
    let motion = format!(
        "[motion]\nid = \"m\"\nkind = \"{EVIL}\"\ntitle = \"{EVIL}\"\nsubmitters = [\"{EVIL}\"]\nrationale = \"{EVIL}\"\n\n[[question]]\nnumber = \"1\"\ntext = \"{EVIL}\"\nassignee = \"{EVIL}\"\nanswer = \"{EVIL}\\n{EVIL}\"\nstatus = \"in_progress\"\n"
    );
    let wide = "[motion]\nid = \"w\"\nkind = \"Anfrage\"\ntitle = \"会議録テスト 🎉 日本語のタイトル\"\n\n[[question]]\nnumber = \"1\"\ntext = \"幅の広い文字\"\n";
    let committee = session("s", "2022-09-07", &agenda).replace("Ausschuss s", EVIL);
    data_dir(&[
        ("s.toml", committee.as_bytes()),
        ("m.toml", motion.as_bytes()),
        ("w.toml", wide.as_bytes()),
    ])
}

fn frame(app: &mut App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut layout = Layout::default();
    terminal
        .draw(|f| layout = agenda::ui::draw(f, app, Lang::De.texts()))
        .unwrap();
    step(app, Msg::Layout(layout));
    terminal.backend().clone()
}

fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[test]
fn no_screen_sends_a_control_character_to_the_terminal() {
    let dir = evil_council();
    let routes: [&[Action]; 7] = [
        &[],
        &[Open],
        &[Open, Down, Open],
        &[Open, Down, Open, NextPane],
        &[Open, Down, Open, Open],
        &[Problems],
        &[Open, Export, Open],
    ];
    for keys in routes {
        let mut app = app(dir.path());
        for key in keys {
            frame(&mut app, 80, 24);
            step(&mut app, *key);
        }
        let backend = frame(&mut app, 80, 24);
        for cell in backend.buffer().content() {
            assert!(
                !cell.symbol().chars().any(is_dangerous),
                "{keys:?}: raw {:?} in\n{backend}",
                cell.symbol()
            );
        }
        let shown = backend.to_string();
        if keys.len() == 4 && keys[3] == Open {
            assert!(
                shown.contains("A␛]2;pwned␇B␛[2JC<U+009B>31mD<U+202E>E<U+2066>F␀G"),
                "{shown}"
            );
        }
    }
}

#[test]
fn wide_characters_keep_the_columns_aligned() {
    let dir = evil_council();
    let mut app = app(dir.path());
    step(&mut app, Open);
    let backend = frame(&mut app, 80, 24);
    let lines: Vec<String> = backend.to_string().lines().map(str::to_string).collect();
    // The answered/total column ends at the same screen column on every row.
    let counts: Vec<usize> = lines
        .iter()
        .filter(|l| l.contains("0/1"))
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find("0/1").unwrap()]))
        .collect();
    assert_eq!(counts.len(), 4, "{}", lines.join("\n"));
    assert!(
        counts.windows(2).all(|w| w[0] == w[1]),
        "{counts:?}\n{}",
        lines.join("\n")
    );
}

#[test]
fn a_very_long_title_and_deep_folders_load_and_draw() {
    let long = "Sehr lang ".repeat(10_000);
    let motion = format!(
        "[motion]\nid = \"m\"\nkind = \"A\"\ntitle = \"{long}\"\nsession = \"s\"\n\n[[question]]\nnumber = \"1\"\ntext = \"{long}\"\n"
    );
    let deep = (0..60)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join("/")
        + "/m.toml";
    let dir = data_dir(&[
        ("s.toml", session("s", "2022-09-07", "").as_bytes()),
        (deep.as_str(), motion.as_bytes()),
    ]);
    let mut app = app(dir.path());
    assert!(
        app.loaded.diagnostics.is_empty(),
        "{:?}",
        app.loaded.diagnostics
    );
    for key in [Open, Open, Open] {
        frame(&mut app, 80, 24);
        step(&mut app, key);
    }
    for (width, height) in [(80, 24), (20, 5)] {
        frame(&mut app, width, height);
    }
    assert!(app.question().is_some());
}

#[test]
fn search_output_is_safe_too() {
    let dir = evil_council();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agenda"))
        .env_clear()
        .args(["search", "--lang", "en"])
        .arg(dir.path())
        .arg("pwned")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.is_empty());
    assert!(
        !stdout
            .chars()
            .any(|c| c != '\n' && c != '\t' && is_dangerous(c)),
        "{stdout:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_not_walked_and_a_fifo_is_not_opened() {
    let dir = common::example();
    std::os::unix::fs::symlink("/", dir.path().join("wurzel")).unwrap();
    let inside = dir.path().join("antraege");
    std::os::unix::fs::symlink(&inside, dir.path().join("auch-antraege")).unwrap();
    let fifo = std::ffi::CString::new(dir.path().join("rohr.toml").as_os_str().as_encoded_bytes())
        .unwrap();
    // SAFETY: a FIFO made in our own temporary folder.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let start = std::time::Instant::now();
    let problems = common::problems(dir.path());
    assert!(
        start.elapsed() < std::time::Duration::from_secs(5),
        "the disk was not walked"
    );
    let said = |path: &str, text: &str| {
        problems
            .iter()
            .any(|p| p.contains(path) && p.contains(text))
    };
    assert!(said("wurzel", "outside the data folder"), "{problems:#?}");
    assert!(said("rohr.toml", "not a file"), "{problems:#?}");
    // A link that stays inside is followed: its motion is there twice.
    let loaded = agenda::store::load(dir.path());
    assert_eq!(
        loaded
            .data
            .sources
            .iter()
            .filter(|s| s.path.starts_with("auch-antraege"))
            .count(),
        1
    );
}

#[test]
fn no_command_passes_a_control_character_from_the_data_to_standard_output() {
    let dir = evil_council();
    let home = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let runs: [&[&str]; 8] = [
        &["status", d],
        &["status", d, "--json"],
        &["check", d],
        &["due", d],
        &["due", d, "--json"],
        &["export", d, "--session", "s", "--format", "markdown"],
        &["export", d, "--session", "s", "--format", "html"],
        &["export", d, "--motion", "m", "--format", "markdown"],
    ];
    for args in runs {
        let out = common::agenda(home.path())
            .args(args)
            .args(["--today", "2022-09-01"])
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bad: Vec<char> = stdout
            .chars()
            .filter(|&c| c != '\n' && c != '\t' && is_dangerous(c))
            .collect();
        assert!(bad.is_empty(), "{args:?} passed {bad:?}");
    }
}

#[test]
fn output_cut_short_by_its_reader_is_no_error() {
    let home = tempfile::TempDir::new().unwrap();
    for args in [&["completions", "bash"][..], &["man"]] {
        let mut child = common::agenda(home.path())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // As `| head` does: the reader goes before the writer is done.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
