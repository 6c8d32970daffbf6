//! Letters into motion files: on the command line (text, Word, PDF, from
//! standard input), matched to their session, refused plainly when they
//! give no motion; and in the app through `i`.

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{app, contents, data_dir, example, step, typed};
use crossterm::event::KeyCode;

const KIM: &str = include_str!("letters/antrag-kim-siegen-2022-08-19.txt");

/// A new inquiry for the KIM letter's session, as a group would send it.
const INQUIRY: &str = "Fraktion DIE LINKE. im Rat der Universitätsstadt Siegen

Anfrage gemäß § 9 der Geschäftsordnung zur Sitzung des Ausschusses für Soziales, Familien und Senioren am 07.09.2022

Schulsozialarbeit an Grundschulen

Sehr geehrter Herr Bürgermeister,

wir bitten um Beantwortung der folgenden Fragen:

1. Wie viele Grundschulen haben eine Stelle für Schulsozialarbeit?
2. Wie viele Stellen sind derzeit unbesetzt?

Mit freundlichen Grüßen,

gezeichnet: Erika Beispiel (Fraktionsvorsitzende)
";

use common::agenda;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `agenda import text FILE --dir DIR`, with `extra` options.
fn import_text(home: &Path, file: &Path, dir: &Path, extra: &[&str]) -> Run {
    let mut cmd = agenda(home);
    cmd.args(["import", "text"])
        .arg(file)
        .arg("--dir")
        .arg(dir)
        .args(extra);
    run(&mut cmd, None)
}

fn run(cmd: &mut Command, input: Option<&str>) -> Run {
    // Options for every command go after the subcommand's own.
    let mut child = cmd
        .args(["--today", "2022-09-01", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = input {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A small Word file holding `text`, one paragraph a line, the way Word
/// keeps it (only what a reader needs: the document part).
fn docx(text: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    let mut xml = String::from(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for line in text.lines() {
        let escaped = line.replace('&', "&amp;").replace('<', "&lt;");
        xml.push_str(&format!(
            r#"<w:p><w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>"#
        ));
    }
    xml.push_str("</w:body></w:document>");
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn the_source_letter_dry_run_prints_the_kim_motion_at_its_session() {
    let home = tempfile::tempdir().unwrap();
    let dir = example();
    let letter = dir.path().join("brief.txt");
    std::fs::write(&letter, KIM).unwrap();
    let before = contents(dir.path());
    let out = import_text(home.path(), &letter, dir.path(), &["--dry-run"]);
    assert!(
        out.stdout.contains("session = \"soz-2022-09-07\""),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(
        "title = \"Berichterstattung zur Umsetzung des Kommunalen Integrationsmanagements (KIM)\""
    ));
    assert_eq!(out.stdout.matches("[[question]]").count(), 3);
    // The example holds this very letter already: said, and not written.
    assert!(out.stderr.contains("imported already"), "{}", out.stderr);
    assert!(!out.stderr.contains("3 questions"), "{}", out.stderr);
    assert_eq!(out.code, 1);
    assert_eq!(contents(dir.path()), before, "a dry run writes nothing");
}

#[test]
fn a_corrected_version_of_a_letter_read_in_before_says_which_questions_differ() {
    let home = tempfile::tempdir().unwrap();
    let dir = example();
    let letter = dir.path().join("brief-korrigiert.txt");
    std::fs::write(
        &letter,
        KIM.replace("Haben bereits Gespräche", "Haben inzwischen Gespräche"),
    )
    .unwrap();
    let before = contents(dir.path());
    let out = import_text(home.path(), &letter, dir.path(), &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("This version differs in question 3: change it there by hand."),
        "{}",
        out.stderr
    );
    assert_eq!(contents(dir.path()), before);
}

#[test]
fn an_inquiry_as_text_word_and_pdf_lands_on_its_session_with_its_questions() {
    let home = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("anfrage.txt", INQUIRY.as_bytes().to_vec()),
        ("anfrage.docx", docx(INQUIRY)),
        ("anfrage.pdf", common::pdf(INQUIRY)),
    ] {
        let dir = example();
        let letter = dir.path().join("post").join(name);
        std::fs::create_dir_all(letter.parent().unwrap()).unwrap();
        std::fs::write(&letter, bytes).unwrap();
        let out = import_text(home.path(), &letter, dir.path(), &[]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert!(
            out.stdout
                .contains("Anfrage, DIE LINKE., 2 questions, session 07.09.2022"),
            "{name}: {}",
            out.stdout
        );
        let loaded = agenda::store::load(dir.path());
        assert!(
            loaded.diagnostics.is_empty(),
            "{name}: {:?}",
            loaded.diagnostics
        );
        let motion = loaded
            .data
            .motions
            .iter()
            .find(|m| m.title == "Schulsozialarbeit an Grundschulen")
            .unwrap_or_else(|| panic!("{name}: no motion"));
        assert_eq!(motion.session.as_deref(), Some("soz-2022-09-07"), "{name}");
        let questions: Vec<&str> = motion.questions.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            questions,
            [
                "Wie viele Grundschulen haben eine Stelle für Schulsozialarbeit?",
                "Wie viele Stellen sind derzeit unbesetzt?"
            ],
            "{name}"
        );
        // The same letter again is recognised and not written twice.
        let again = import_text(home.path(), &letter, dir.path(), &[]);
        assert_eq!(again.code, 1, "{name}");
        assert!(
            again.stderr.contains("imported already"),
            "{name}: {}",
            again.stderr
        );
    }
}

#[test]
fn a_letter_for_a_session_not_there_yet_makes_it_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let dir = data_dir(&[]);
    let letter = INQUIRY.replace(
        "Soziales, Familien und Senioren am 07.09.2022",
        "Umwelt, Verkehr und Ordnung am 03.12.2026",
    );
    let out = run(
        agenda(home.path())
            .args(["import", "text", "-", "--dir"])
            .arg(dir.path()),
        Some(&letter),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "There was no session \"Ausschuss für Umwelt, Verkehr und Ordnung\" on 03.12.2026"
        ),
        "{}",
        out.stderr
    );
    let loaded = agenda::store::load(dir.path());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(
        loaded.data.sessions[0].committee,
        "Ausschuss für Umwelt, Verkehr und Ordnung"
    );
    assert_eq!(
        loaded.data.motions[0].session.as_deref(),
        Some(loaded.data.sessions[0].id.as_str())
    );
}

#[test]
fn what_gives_no_motion_is_refused_plainly_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    let dir = data_dir(&[]);
    let files = [
        (
            "leer.txt",
            b"  \n\n".to_vec(),
            "leer.txt: is empty. Nothing was written.",
        ),
        (
            "bild.png",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3],
            "neither text nor",
        ),
        ("kaputt.pdf", b"%PDF-1.4\nkaputt".to_vec(), "cannot be read"),
        (
            "ohne-fragen.txt",
            b"Antrag\n\nEin Titel\n\nBitte beschliessen Sie etwas.\n".to_vec(),
            "no questions found",
        ),
    ];
    for (name, bytes, said) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let before = contents(dir.path());
        let out = import_text(home.path(), &path, dir.path(), &[]);
        assert_ne!(out.code, 0, "{name}");
        assert!(out.stderr.contains(said), "{name}: {}", out.stderr);
        assert_eq!(contents(dir.path()), before, "{name}: nothing written");
    }
    let missing = run(
        agenda(home.path())
            .args(["import", "text", "/nicht/da.txt", "--dir"])
            .arg(dir.path()),
        None,
    );
    assert_ne!(missing.code, 0);
    assert!(
        missing
            .stderr
            .contains("cannot be read (there is no such file; please check the path)"),
        "{}",
        missing.stderr
    );
}

#[test]
fn in_the_app_a_pasted_letter_opens_the_motion_form_and_saves_at_its_session() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, agenda::input::Action::Import);
    assert!(app.form().is_some());
    step(&mut app, agenda::input::Action::Next);
    for c in INQUIRY.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        step(&mut app, typed(code));
    }
    step(&mut app, agenda::input::Action::Save);
    let form = app
        .form()
        .expect("the motion form, filled in from the letter");
    let title = form
        .fields
        .iter()
        .find(|f| f.key == "title")
        .unwrap()
        .text();
    assert_eq!(title, "Schulsozialarbeit an Grundschulen");
    // The questions are in the form too, to be checked: the last one is
    // emptied here, so only the first is saved.
    let questions: Vec<_> = form.fields.iter().filter(|f| f.key == "question").collect();
    assert_eq!(questions.len(), 2);
    assert_eq!(questions[0].tag.as_deref(), Some("1"));
    let last = form.fields.len() - 1;
    while app.form().unwrap().focus < last {
        step(&mut app, agenda::input::Action::Next);
    }
    for _ in 0..80 {
        step(&mut app, typed(KeyCode::Backspace));
    }
    step(&mut app, agenda::input::Action::Save);
    assert!(app.form().is_none());
    let motion = app
        .data()
        .motions
        .iter()
        .find(|m| m.title == "Schulsozialarbeit an Grundschulen")
        .expect("saved");
    assert_eq!(motion.session.as_deref(), Some("soz-2022-09-07"));
    assert_eq!(motion.questions.len(), 1);
    assert!(agenda::store::load(dir.path()).diagnostics.is_empty());
}

#[test]
fn in_the_app_a_letter_pasted_in_one_piece_keeps_its_lines_and_is_read() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, agenda::input::Action::Import);
    step(&mut app, agenda::input::Action::Next);
    // As a terminal pastes it: one event, Windows line ends.
    step(
        &mut app,
        agenda::app::Msg::Paste(INQUIRY.replace('\n', "\r\n")),
    );
    step(&mut app, agenda::input::Action::Save);
    let form = app
        .form()
        .expect("the motion form, filled in from the letter");
    let field = |key: &str| form.fields.iter().find(|f| f.key == key).unwrap().text();
    assert_eq!(field("title"), "Schulsozialarbeit an Grundschulen");
    assert_eq!(
        form.fields.iter().filter(|f| f.key == "question").count(),
        2
    );
}

#[test]
fn in_the_app_what_the_reader_guessed_is_marked_with_a_question_mark_as_the_note_says() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, agenda::input::Action::Import);
    step(&mut app, agenda::input::Action::Next);
    let letter = "Fraktion DIE LINKE. im Rat der Stadt Siegen\n\n\
        Wir bitten, folgenden Antrag zu stellen:\n\n\
        Schulsozialarbeit an Grundschulen\n\n\
        1) Wie viele Stellen gibt es?\n\n2) Wie viele sind unbesetzt?\n\n\
        Mit freundlichen Grüßen\n\nErika Rot (Fraktionsvorsitzende)\n";
    step(&mut app, agenda::app::Msg::Paste(letter.into()));
    step(&mut app, agenda::input::Action::Save);
    let form = app.form().expect("the form, filled in from the letter");
    let marked: Vec<&str> = form
        .fields
        .iter()
        .filter(|f| f.unsure)
        .map(|f| f.key)
        .collect();
    assert!(!marked.is_empty(), "the kind is only named in a sentence");
    let Some(agenda::note::Note::LetterRead { unsure, .. }) = &app.note else {
        panic!("{:?}", app.note);
    };
    assert_eq!(*unsure, marked.len());
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("Art?"), "{marked:?}\n{screen}");
}

#[test]
fn in_the_app_a_word_file_is_read_by_its_path_and_lands_on_its_session() {
    let dir = example();
    let letter = dir.path().join("post").join("anfrage.docx");
    std::fs::create_dir_all(letter.parent().unwrap()).unwrap();
    std::fs::write(&letter, docx(INQUIRY)).unwrap();
    let mut app = app(dir.path());
    step(&mut app, agenda::input::Action::Import);
    // The folder is completed from what is there; the file is typed.
    let folder = format!("{}/po", dir.path().display());
    for c in folder.chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    let completions = &app.form().unwrap().completions;
    assert_eq!(completions, &[format!("{}/post/", dir.path().display())]);
    step(&mut app, agenda::input::Action::Complete);
    for c in "anfrage.docx".chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    // Enter on the file reads it, as the footer says.
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("Strg-s/Enter einlesen"), "{screen}");
    // The path typed in full is not offered again below it.
    assert_eq!(screen.matches("post/anfrage.docx").count(), 1, "{screen}");
    step(&mut app, typed(KeyCode::Enter));
    // Where it will go is said, since the form does not show it.
    match &app.note {
        Some(agenda::app::Note::LetterRead {
            session: Some((committee, date, false)),
            ..
        }) => {
            assert!(
                committee.starts_with("Ausschuss für Soziales"),
                "{committee}"
            );
            assert_eq!(date.to_string(), "2022-09-07");
        }
        other => panic!("{other:?}"),
    }
    let form = app
        .form()
        .expect("the motion form, filled in from the file");
    let title = form
        .fields
        .iter()
        .find(|f| f.key == "title")
        .unwrap()
        .text();
    assert_eq!(title, "Schulsozialarbeit an Grundschulen");
    step(&mut app, agenda::input::Action::Save);
    let motion = app
        .data()
        .motions
        .iter()
        .find(|m| m.title == "Schulsozialarbeit an Grundschulen")
        .expect("saved");
    assert_eq!(motion.session.as_deref(), Some("soz-2022-09-07"));
    assert_eq!(motion.questions.len(), 2);

    // A file that is no letter leaves the import open and says why.
    step(&mut app, agenda::input::Action::Import);
    let png = dir.path().join("bild.txt");
    std::fs::write(&png, [0u8, 1, 2, 3, 4, 5, 6, 7]).unwrap();
    for c in png.display().to_string().chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    step(&mut app, agenda::input::Action::Save);
    assert!(app.form().is_some());
    assert!(matches!(
        app.note,
        Some(agenda::app::Note::LetterRefused {
            why: agenda::note::LetterProblem::Binary,
            ..
        })
    ));
    // And says it where it is seen: under the form, not behind it.
    let screen = crate::common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    let said = agenda::i18n::Lang::De.texts().note(
        app.note.as_ref().unwrap(),
        &agenda::i18n::Keys::new(&app.keymap, agenda::i18n::Lang::De.texts()),
    );
    // The words after the file's name, which the form shows too.
    let words = said
        .split_once("bild.txt")
        .map_or(said.as_str(), |(_, w)| w);
    let start: String = words.chars().take(20).collect();
    assert!(screen.contains(&start), "{start}\n{screen}");
}

// The platform data folder follows XDG_DATA_HOME only on Linux; elsewhere
// this test would reach the real one.
#[cfg(target_os = "linux")]
#[test]
fn a_first_import_into_no_data_makes_the_folder_without_the_example() {
    let home = tempfile::tempdir().unwrap();
    let letter = home.path().join("brief.txt");
    std::fs::write(&letter, KIM).unwrap();
    let out = run(
        agenda(home.path()).args(["import", "text"]).arg(&letter),
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("example"), "{}", out.stderr);
    // The letter's motion and the session it names, and nothing of the
    // example beside them.
    let folder = home.path().join("data/agenda");
    // The files it names are in a folder not named here: it is said.
    assert!(
        out.stderr
            .contains(&format!("Data folder: {}", folder.display())),
        "{}",
        out.stderr
    );
    let files: Vec<String> = contents(&folder)
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(path, text)| {
            assert!(!text.contains("(Beispiel)"), "{}", path.display());
            path.display().to_string()
        })
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
}

#[test]
fn esc_leaves_the_import_form_with_only_a_file_name_typed_and_u_brings_it_back() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, agenda::input::Action::Import);
    for c in "/tmp/brief.docx".chars() {
        step(&mut app, typed(KeyCode::Char(c)));
    }
    step(&mut app, typed(KeyCode::Esc));
    assert!(app.form().is_none(), "no question asked for a file name");
    step(&mut app, agenda::input::Action::Undo);
    let form = app.form().expect("open again");
    assert_eq!(form.fields[0].text(), "/tmp/brief.docx");
}
