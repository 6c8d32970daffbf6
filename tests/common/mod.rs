//! Helpers shared by the integration tests: temporary data folders and a
//! byte-exact picture of them, to prove that nothing on disk changed.

#![allow(dead_code)] // each test binary uses a different subset

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// A temporary data folder holding `files` (relative path, content).
pub fn data_dir(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, content) in files {
        let target = dir.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, content).unwrap();
    }
    dir
}

/// Every regular file below `dir` with its content (invalid UTF-8 shown
/// escaped, so a failing comparison stays readable).
pub fn contents(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => format!("{:?}", e.as_bytes()),
            };
            out.insert(entry.path().strip_prefix(dir).unwrap().to_path_buf(), text);
        }
    }
    out
}

/// The diagnostics of loading `dir`, rendered in English with paths relative to it.
pub fn problems(dir: &Path) -> Vec<String> {
    let loaded = agenda::store::load(dir);
    let texts = agenda::i18n::Lang::En.texts();
    loaded
        .diagnostics
        .iter()
        .map(|d| agenda::i18n::diagnostic(Path::new(""), d, texts))
        .collect()
}

/// A valid session file.
pub fn session(id: &str, date: &str, agenda: &str) -> String {
    format!("[session]\nid = \"{id}\"\ncommittee = \"Ausschuss {id}\"\ndate = {date}\n{agenda}")
}

/// A valid motion file with questions of the given statuses (answered
/// ones with an answer).
pub fn motion(id: &str, session: Option<&str>, statuses: &[&str]) -> String {
    let mut out = format!("[motion]\nid = \"{id}\"\nkind = \"Anfrage\"\ntitle = \"Titel {id}\"\n");
    if let Some(session) = session {
        out.push_str(&format!("session = \"{session}\"\n"));
    }
    for (i, status) in statuses.iter().enumerate() {
        out.push_str(&format!(
            "\n[[question]]\nnumber = \"{}\"\ntext = \"Frage {}?\"\nstatus = \"{status}\"\n",
            i + 1,
            i + 1
        ));
        // Answered means answered: with a text.
        if *status == "answered" {
            out.push_str(&format!("answer = \"Antwort {}.\"\n", i + 1));
        }
    }
    out
}

/// The app on `dir` as the binary would build it, with the date fixed at
/// 01.09.2022, the clock at 10:00 that day and the user "tester".
pub fn app(dir: &Path) -> agenda::app::App {
    app_with_config(dir, None)
}

/// The app as [`app`] builds it, with `config` as the user's config.toml.
pub fn app_with_config(dir: &Path, config: Option<&str>) -> agenda::app::App {
    let loaded = agenda::store::load(dir);
    let day = chrono::NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    let env = agenda::app::Env {
        today: day,
        clock: Box::new(move || day.and_hms_opt(10, 0, 0).unwrap()),
        user: "tester".into(),
        reports: dir.join(".reports"),
        lang: agenda::i18n::Lang::De,
        recovery: Some(dir.join(".recovery.json")),
        oparl: Default::default(),
        rules: Default::default(),
        report: Default::default(),
        watch: false,
        poll: None,
        mouse: false,
        config: None,
    };
    let user = config.map(|text| (Path::new("config.toml"), text));
    let (config, problems) = agenda::config::from_text(user);
    let env = agenda::app::Env {
        oparl: config.oparl.clone(),
        rules: config.deadlines,
        report: config.report.clone(),
        ..env
    };
    assert!(problems.is_empty(), "{problems:?}");
    agenda::app::App::new(dir.to_path_buf(), loaded, env, config.keymap)
}

/// A data folder holding the bundled example.
pub fn example() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    agenda::example::write_to(dir.path()).unwrap();
    dir
}

/// The example's motion file, relative to the data folder.
pub const KIM: &str = "antraege/kim-bericht-2022.toml";

/// Who saves and when, fixed: `at` as a TOML local date-time.
pub fn stamp(by: &str, at: &str) -> agenda::store::Stamp {
    agenda::store::Stamp {
        at: chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S").unwrap(),
        by: by.into(),
    }
}

/// Opens the finder, types `query` and delivers the answer the search
/// thread would give.
pub fn find(app: &mut agenda::app::App, query: &str) {
    use agenda::app::Msg;
    step(app, agenda::input::Action::Search);
    for c in query.chars() {
        step(app, typed(crossterm::event::KeyCode::Char(c)));
    }
    let hits = agenda::search::Index::build(app.data()).search(app.data(), query, 200);
    let generation = app.finder().unwrap().generation;
    let total = hits.len();
    step(
        app,
        Msg::SearchResults {
            generation,
            hits,
            total,
        },
    );
}

/// Applies `msg` as the running program would: every effect it asks for
/// is carried out (files written, files read again, the recovery file),
/// the user's editor and the search thread left to the test. Returns the
/// effects, for tests that look at what was asked.
pub fn step(
    app: &mut agenda::app::App,
    msg: impl Into<agenda::app::Msg>,
) -> Vec<agenda::app::Effect> {
    agenda::runtime::dispatch(app, msg, &mut agenda::runtime::Headless::default())
}

/// The screen as the runtime draws it (80x24), as lines of text; the
/// layout it reports goes back to the app.
pub fn screen(app: &mut agenda::app::App, lang: agenda::i18n::Lang) -> Vec<String> {
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let mut layout = agenda::app::Layout::default();
    terminal
        .draw(|f| layout = agenda::ui::draw(f, app, lang.texts()))
        .unwrap();
    step(app, agenda::app::Msg::Layout(layout));
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// A key as typed, without modifiers.
pub fn typed(code: crossterm::event::KeyCode) -> agenda::app::Msg {
    agenda::app::Msg::Press(crossterm::event::KeyEvent::new(
        code,
        crossterm::event::KeyModifiers::NONE,
    ))
}

/// The binary with an environment that cannot reach the real home folder.
pub fn agenda(home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_agenda"));
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LANG", "C");
    cmd
}

/// A one-page PDF holding `text`, one line of Helvetica a line.
pub fn pdf(text: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 10.into()]),
        Operation::new("TL", vec![12.into()]),
        Operation::new("Td", vec![40.into(), 800.into()]),
    ];
    for line in text.lines() {
        // WinAnsi: the letters of German text as one byte each.
        let bytes: Vec<u8> = line
            .chars()
            .map(|c| match c {
                '„' => 0x84,
                '“' => 0x93,
                '–' => 0x96,
                c if (c as u32) < 256 => c as u8,
                _ => b'?',
            })
            .collect();
        operations.push(Operation::new(
            "Tj",
            vec![Object::String(bytes, lopdf::StringFormat::Literal)],
        ));
        operations.push(Operation::new("T*", vec![]));
    }
    operations.push(Operation::new("ET", vec![]));
    let content = Content { operations };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// From the sessions list to the KIM motion of the example, its first
/// question under the cursor.
pub const TO_KIM: [agenda::input::Action; 6] = {
    use agenda::input::Action::{Down, Open};
    [Open, Down, Down, Down, Down, Open]
};

/// Each of `keys`, as the runtime would take them.
pub fn press(app: &mut agenda::app::App, keys: &[agenda::input::Action]) {
    for key in keys {
        step(app, *key);
    }
}

/// `text` typed key by key (a line break as Enter).
pub fn type_in(app: &mut agenda::app::App, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => step(app, typed(crossterm::event::KeyCode::Enter)),
            c => step(app, typed(crossterm::event::KeyCode::Char(c))),
        };
    }
}

/// Ctrl and a letter.
pub fn ctrl(app: &mut agenda::app::App, c: char) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    step(
        app,
        agenda::app::Msg::Press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

/// The row of the sessions list (or any line on screen) holding `date`,
/// as drawn in German at 80x24.
pub fn row_with(app: &mut agenda::app::App, date: &str) -> String {
    screen(app, agenda::i18n::Lang::De)
        .into_iter()
        .find(|l| l.contains(date))
        .unwrap_or_default()
}
