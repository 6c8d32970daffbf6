//! The report to hand out and the answer letter: final and working
//! versions, the letterhead, non-public items, Word files that are valid
//! packages, escaping in every format, German under any locale.

use crate::common;

use std::io::Read;

use common::{agenda, data_dir};

pub(crate) const SESSION: &str = r#"[session]
id = "soz"
committee = "Ausschuss für Soziales"
date = 2022-09-07
time = 17:00:00
location = "Rathaus"

[[agenda]]
number = "4"
title = "Bericht KIM"
motions = ["kim"]

[[agenda]]
number = "N 1"
title = "Grundstücksangelegenheit Müller"
public = false
motions = ["geheim"]
"#;

pub(crate) const KIM: &str = r#"[motion]
id = "kim"
kind = "Anfrage"
title = "Stellen im KIM <b>&</b> \"Träger\""
submitted = 2022-08-19
submitters = ["CDU", "SPD"]
reference = "2022/0815"
proposal = "Die Verwaltung berichtet."
rationale = "Weil es wichtig ist."

[[question]]
number = "1"
text = "Wie viele Stellen? <script>alert(1)</script>"
status = "answered"
assignee = "Amt 50"
answer = """
Es sind 4,5 Stellen & mehr.

Zweiter Absatz mit \u001b]0;Titel\u0007 Steuerzeichen."""

[[question]]
number = "2"
text = "Wer besetzt sie?"
status = "in_progress"
answer = "ENTWURF-GEHEIM"
"#;

pub(crate) const SECRET: &str = r#"[motion]
id = "geheim"
kind = "Antrag"
title = "Verkauf Grundstück Müller"

[[question]]
number = "1"
text = "Zu welchem Preis?"
"#;

fn folder() -> tempfile::TempDir {
    data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", KIM.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ])
}

const CONFIG: &str = r#"[report]
issuer = "Stadt Siegen – Der Bürgermeister"
department = "Amt für Soziales & Wohnen"
contact = "Auskunft: Frau Muster, Tel. 0271 404-1234"
"#;

/// Runs `agenda export` with the letterhead config, LANG=C.
pub(crate) fn export(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, CONFIG).unwrap();
    agenda(home.path())
        .env("AGENDA_CONFIG", &config)
        .arg("export")
        .arg(dir)
        .args(["--today", "2022-09-01"])
        .args(args)
        .output()
        .unwrap()
}

pub(crate) fn stdout(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_final_report_answers_only_and_leaves_out_what_is_not_public() {
    let dir = folder();
    let md = stdout(&export(
        dir.path(),
        &["--session", "soz", "--final", "--format", "markdown"],
    ));
    insta::assert_snapshot!("report_final_de_markdown", md);
    // German under LANG=C, the letterhead, proposal and rationale.
    assert!(md.contains("# Bericht der Verwaltung"));
    assert!(md.contains("**Stadt Siegen – Der Bürgermeister**"));
    assert!(md.contains("*Beschlussvorschlag:*"));
    // No drafts, nothing internal, nothing closed.
    assert!(!md.contains("ENTWURF-GEHEIM") && !md.contains("Arbeitsfassung"));
    assert!(!md.contains("Amt 50") && !md.contains("Stand:"));
    assert!(!md.contains("Müller"));
    assert!(md.contains("Die Frage wird in der Sitzung mündlich beantwortet."));
    // Asked for, the closed item is there.
    let all = stdout(&export(
        dir.path(),
        &[
            "--session",
            "soz",
            "--final",
            "--nonpublic",
            "--format",
            "markdown",
        ],
    ));
    assert!(all.contains("Grundstücksangelegenheit Müller"));
}

#[test]
fn the_working_report_marks_what_is_open_and_shows_drafts() {
    let dir = folder();
    let md = stdout(&export(
        dir.path(),
        &["--session", "soz", "--format", "markdown"],
    ));
    assert!(md.contains("Arbeitsfassung – nicht zur Weitergabe"));
    assert!(md.contains("ENTWURF-GEHEIM"));
    assert!(md.contains("OFFEN – in Bearbeitung"));
    assert!(!md.contains("Müller"));
}

#[test]
fn the_answer_letter_goes_to_the_groups_question_by_question() {
    let dir = folder();
    let md = stdout(&export(
        dir.path(),
        &[
            "--motion",
            "kim",
            "--final",
            "--format",
            "markdown",
            "--number",
            "2022/0901",
        ],
    ));
    insta::assert_snapshot!("letter_final_de_markdown", md);
    assert!(md.contains("An die Fraktionen  \nCDU, SPD"));
    assert!(md.contains("zu Ihrer Anfrage nimmt die Verwaltung wie folgt Stellung:"));
    assert!(md.contains("Drucksache: 2022/0901"));
    assert!(md.contains("Sitzung: Ausschuss für Soziales, 07.09.2022"));
}

/// The XML parts of a .docx, each parsed through to its end, and the text
/// of the document, footer and all.
pub(crate) fn docx_texts(bytes: &[u8]) -> (Vec<String>, String) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut names = Vec::new();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if !name.ends_with(".xml") && !name.ends_with(".rels") {
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Text(t)) => text.push_str(&t.xml10_content()),
                Ok(quick_xml::events::Event::End(e)) if e.local_name().as_ref() == "p" => {
                    text.push('\n');
                }
                Ok(quick_xml::events::Event::GeneralRef(r)) => {
                    let c = match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unknown entity {other} in {name}"),
                    };
                    text.push_str(c);
                }
                Ok(_) => {}
                Err(e) => panic!("{name} is no well-formed XML: {e}"),
            }
        }
        names.push(name);
    }
    (names, text)
}

#[test]
fn the_docx_is_a_valid_package_with_letterhead_headings_and_page_numbers() {
    let dir = folder();
    let out_dir = tempfile::tempdir().unwrap();
    let path = out_dir.path().join("bericht.docx");
    let out = export(
        dir.path(),
        &[
            "--session",
            "soz",
            "--final",
            "--format",
            "docx",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).unwrap();
    let (parts, text) = docx_texts(&bytes);
    for part in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/footer1.xml",
    ] {
        assert!(
            parts.iter().any(|p| p == part),
            "{part} missing in {parts:?}"
        );
    }
    for expected in [
        "Stadt Siegen – Der Bürgermeister",
        "Amt für Soziales & Wohnen",
        "Bericht der Verwaltung",
        "TOP 4: Bericht KIM",
        "Wie viele Stellen? <script>alert(1)</script>",
        "Es sind 4,5 Stellen & mehr.",
        "Die Frage wird in der Sitzung mündlich beantwortet.",
        "Seite ",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing in the document's text"
        );
    }
    // Control characters cannot be in XML: they show as symbols.
    assert!(text.contains("Zweiter Absatz mit ␛]0;Titel␇ Steuerzeichen."));
    // The footer counts pages with Word's own fields.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut footer = String::new();
    zip.by_name("word/footer1.xml")
        .unwrap()
        .read_to_string(&mut footer)
        .unwrap();
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    assert!(document.contains("w:val=\"Heading1\"") && document.contains("w:val=\"Heading3\""));
    // Word's "Autor" and "Titel": the issuer and the report, not "unknown".
    let mut core = String::new();
    zip.by_name("docProps/core.xml")
        .unwrap()
        .read_to_string(&mut core)
        .unwrap();
    assert!(
        core.contains("<dc:creator>Stadt Siegen – Der Bürgermeister</dc:creator>"),
        "{core}"
    );
    assert!(!core.contains("unknown"), "{core}");
    assert!(core.contains("<dc:title>"), "{core}");
    assert!(!document.contains("ENTWURF-GEHEIM") && !document.contains("Müller"));
    assert!(!document.contains('\u{1b}') && !document.contains('\u{7}'));
}

#[test]
fn html_escapes_every_field_and_numbers_its_printed_pages() {
    let dir = folder();
    let html = stdout(&export(
        dir.path(),
        &["--motion", "kim", "--format", "html"],
    ));
    assert!(
        !html.contains("<script>alert") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(html.contains("Stellen im KIM &lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(!html.contains('\u{1b}') && !html.contains('\u{7}'));
    assert!(html.contains("counter(page)") && html.contains("\"Seite \""));
    assert!(html.contains("<header class=\"letterhead\">"));
}

#[test]
fn a_word_file_never_goes_to_a_terminal_and_an_unknown_motion_is_named() {
    let dir = folder();
    let out = export(dir.path(), &["--motion", "nix"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"nix\""));
}

#[test]
fn x_on_a_motion_writes_the_answer_letter_into_the_reports_folder() {
    use agenda::input::Action;
    let dir = folder();
    let mut app = common::app(dir.path());
    for key in [Action::Open, Action::Open] {
        common::step(&mut app, key);
    }
    assert_eq!(
        app.place().screen,
        agenda::app::Screen::Motion("kim".into())
    );
    common::step(&mut app, Action::Export);
    common::step(&mut app, Action::Open);
    let written: Vec<_> = std::fs::read_dir(dir.path().join(".reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    // The working version, so named: not to be handed out by mistake.
    assert_eq!(written, ["Beantwortung-kim-Arbeitsfassung.html"]);
}

#[test]
fn a_withdrawn_motion_is_marked_and_owes_nothing_in_the_report() {
    let title = "title = \"Verkauf Grundstück Müller\"\n";
    let withdrawn = SECRET.replacen(title, &format!("{title}state = \"withdrawn\"\n"), 1);
    let dir = data_dir(&[
        ("s.toml", SESSION.replace("public = false\n", "").as_bytes()),
        ("kim.toml", KIM.as_bytes()),
        ("geheim.toml", withdrawn.as_bytes()),
    ]);
    let md = stdout(&export(
        dir.path(),
        &["--session", "soz", "--format", "markdown"],
    ));
    assert!(
        md.contains("Stand: 01.09.2022. 1 von 2 Fragen beantwortet."),
        "{md}"
    );
    assert!(md.contains("zurückgezogen"), "{md}");
    assert!(!md.contains("Zu welchem Preis?"), "{md}");
}

#[test]
fn status_shows_no_placeholder_for_a_date_that_cannot_be_read() {
    let dir = data_dir(&[(
        "s.toml",
        b"[session]\nid = \"kaputt\"\ncommittee = \"Kaputter Ausschuss\"\ndate = \"irgendwann\"\n",
    )]);
    let home = tempfile::tempdir().unwrap();
    let out = agenda(home.path())
        .args(["status", "--lang", "de"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("— Kaputter Ausschuss:"), "{text}");
    let json = agenda(home.path())
        .args(["status", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json[0]["date"], serde_json::Value::Null);
    assert_eq!(json[0]["days_left"], serde_json::Value::Null);
}
