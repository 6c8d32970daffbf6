//! The report: both formats on hand-made data (snapshots), escaping, open
//! questions marked, and never overwriting a file unasked.

use crate::common;

use agenda::export::{self, Format};
use agenda::i18n::Lang;
use chrono::NaiveDate;
use common::{contents, data_dir};

fn council() -> tempfile::TempDir {
    let session = r#"[session]
id = "soz"
committee = "Ausschuss für Soziales <Test>"
date = 2022-09-07
time = 17:00:00
location = "Rathaus, Raum 1 & 2"

[[agenda]]
number = "4"
title = "Bericht *KIM* <script>alert(1)</script>"
motions = ["kim"]

[[agenda]]
number = "5"
title = "Ohne Antrag"
"#;
    let kim = r#"[motion]
id = "kim"
kind = "Antrag"
basis = "§ 9 GeschO"
title = "Berichterstattung"
submitted = 2022-08-19
submitters = ["CDU", "SPD"]
session = "soz"

[[question]]
number = "1"
text = "Wie viele Stellen?"
status = "answered"
answer = """
Es sind 4,5 Stellen.
Davon 1,5 für <b>Koordination</b> & Strategie.

- keine Liste
# kein Titel"""

[[question]]
number = "2"
text = "Wer besetzt sie?"
status = "in_progress"
answer = "Entwurf: noch offen"

[[question]]
number = "3"
text = "Gab es Gespräche?"

[[question]]
number = "4"
text = "Beantwortet ohne Text?"
status = "answered"
"#;
    let late = r#"[motion]
id = "spaet"
kind = "Anfrage"
title = "Nachzügler"
session = "soz"

[[question]]
number = "1"
text = "Kommt das noch?"
"#;
    data_dir(&[
        ("s.toml", session.as_bytes()),
        ("kim.toml", kim.as_bytes()),
        ("spaet.toml", late.as_bytes()),
    ])
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 9, 1).unwrap()
}

fn render(format: Format, lang: Lang) -> String {
    render_with(format, lang, &export::Options::default())
}

fn render_with(format: Format, lang: Lang, options: &export::Options) -> String {
    let dir = council();
    let data = agenda::store::load(dir.path()).data;
    let report = export::report(&data, "soz", today(), false).unwrap();
    let doc = export::report_doc(&report, options, lang.texts());
    String::from_utf8(export::render(&doc, format)).unwrap()
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!("report_de_markdown", render(Format::Markdown, Lang::De));
    insta::assert_snapshot!("report_en_markdown", render(Format::Markdown, Lang::En));
}

#[test]
fn html_report() {
    insta::assert_snapshot!("report_de_html", render(Format::Html, Lang::De));
}

#[test]
fn html_escapes_everything_from_the_data() {
    let html = render(Format::Html, Lang::De);
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Davon 1,5 für &lt;b&gt;Koordination&lt;/b&gt; &amp; Strategie."));
    assert!(!html.contains("<b>Koordination"));
    // One file: no links to anything outside.
    assert!(!html.contains("<link") && !html.contains("src="));
    assert!(html.contains("@page { size: A4"));
}

#[test]
fn nothing_unfinished_passes_for_done() {
    let markdown = render(Format::Markdown, Lang::De);
    assert_eq!(
        markdown.matches("OFFEN").count(),
        4,
        "questions 2, 3, 4 and the late one"
    );
    assert!(markdown.contains("OFFEN – als beantwortet markiert, aber ohne Antworttext"));
    assert!(markdown.contains("*Entwurf:*"));
    assert!(markdown.contains("Stand: 01.09.2022. 1 von 5 Fragen beantwortet."));
}

#[test]
fn the_command_line_writes_a_file_once_and_replaces_it_only_with_force() {
    let dir = council();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("bericht.html");
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_agenda"))
            .env_clear()
            .env("HOME", out.path())
            .args([
                "export",
                "--session",
                "soz",
                "--format",
                "html",
                "--today",
                "2022-09-01",
                "--lang",
                "en",
            ])
            .arg(dir.path())
            .args(extra)
            .output()
            .unwrap()
    };
    let first = run(&["-o", target.to_str().unwrap()]);
    assert!(first.status.success());
    assert_eq!(
        String::from_utf8(first.stderr).unwrap(),
        format!("Report written: {}\n", target.display())
    );
    std::fs::write(&target, "mine").unwrap();
    let before = contents(out.path());
    let again = run(&["-o", target.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(again.stderr).unwrap(),
        format!(
            "{} exists already and is left unchanged. Choose another name, or replace it with --force.\n",
            target.display()
        )
    );
    assert_eq!(contents(out.path()), before);
    let forced = run(&["-o", target.to_str().unwrap(), "--force"]);
    assert!(forced.status.success());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    let stdout = run(&[]);
    assert!(
        String::from_utf8(stdout.stdout)
            .unwrap()
            .contains("<h1>Report of the administration</h1>")
    );
}

#[test]
fn an_unknown_session_is_named_with_those_there_are() {
    let dir = council();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agenda"))
        .env_clear()
        .args(["export", "--session", "bau", "--lang", "de"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "Eine Sitzung mit der ID „bau“ gibt es nicht. Vorhanden: soz.\n"
    );
}

#[cfg(unix)]
#[test]
fn force_never_replaces_a_link_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.html");
    std::fs::write(&target, "shared").unwrap();
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(export::write_file(&link, "new", true).is_err());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "shared");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(export::write_file(std::path::Path::new("/dev/null"), "x", true).is_err());
}

#[test]
fn a_text_begun_while_the_question_is_still_open_shows_as_a_draft_in_the_working_version() {
    let dir = council();
    let path = dir.path().join("spaet.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text + "answer = \"Angefangen: erste Zahlen\"\n").unwrap();
    let data = agenda::store::load(dir.path()).data;
    let report = export::report(&data, "soz", today(), false).unwrap();
    let working = export::report_doc(&report, &export::Options::default(), Lang::De.texts());
    let working = String::from_utf8(export::render(&working, Format::Markdown)).unwrap();
    let at = working.find("Angefangen: erste Zahlen").expect(&working);
    assert!(working[..at].ends_with("*Entwurf:*  \n"), "{working}");
    // The final version tells the committee only what is answered.
    let options = export::Options {
        final_version: true,
        ..Default::default()
    };
    let last = export::report_doc(&report, &options, Lang::De.texts());
    let last = String::from_utf8(export::render(&last, Format::Markdown)).unwrap();
    assert!(!last.contains("Angefangen"), "{last}");
}
