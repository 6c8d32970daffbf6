//! The report in the cases a clerk would not see coming: a motion whose
//! file cannot be read, characters XML cannot hold in any field, a done
//! motion, one wrong report setting, a file named .docx.

use crate::common::{agenda, data_dir};
use crate::report::{KIM, SECRET, SESSION, docx_texts, export, stdout};

#[test]
fn a_motion_that_cannot_be_read_is_named_in_the_report_and_the_exit_code_says_so() {
    let broken = format!("{KIM}\nbroken = = \n");
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", broken.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let out = export(
        dir.path(),
        &["--session", "soz", "--final", "--format", "markdown"],
    );
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("TOP 4: Bericht KIM"), "{md}");
    assert!(
        md.contains("„kim“ dieses Tagesordnungspunkts liegt nicht lesbar vor"),
        "{md}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("agenda check"));
}

/// What XML 1.0 cannot hold (U+FFFE, U+FFFF, C0 controls), a terminal
/// escape and XML's own characters, in one string.
const HOSTILE: &str = r"A\uFFFEB\uFFFFC\u0001D\u001b[31mE<&>";

#[test]
fn characters_xml_cannot_hold_leave_every_format_well_formed_wherever_they_stand() {
    let session = format!(
        "[session]\nid = \"soz\"\ncommittee = \"Ausschuss {HOSTILE}\"\ndate = 2022-09-07\n\n\
         [[agenda]]\nnumber = \"4\"\ntitle = \"Punkt {HOSTILE}\"\nmotions = [\"kim\"]\n"
    );
    let motion = format!(
        "[motion]\nid = \"kim\"\nkind = \"Anfrage\"\ntitle = \"Titel {HOSTILE}\"\n\
         submitters = [\"Fraktion {HOSTILE}\"]\nproposal = \"Vorschlag {HOSTILE}\"\n\
         rationale = \"Begründung {HOSTILE}\"\n\n[[question]]\nnumber = \"1\"\n\
         text = \"Frage {HOSTILE}\"\nstatus = \"answered\"\nanswer = \"Antwort {HOSTILE}\"\n"
    );
    let dir = data_dir(&[
        ("s.toml", session.as_bytes()),
        ("kim.toml", motion.as_bytes()),
    ]);
    let out_dir = tempfile::tempdir().unwrap();
    for (name, what) in [
        ("report.docx", ["--session", "soz"]),
        ("letter.docx", ["--motion", "kim"]),
    ] {
        let path = out_dir.path().join(name);
        let out = export(
            dir.path(),
            &[what[0], what[1], "-o", path.to_str().unwrap()],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (_, text) = docx_texts(&std::fs::read(&path).unwrap());
        assert!(
            !text.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}', '\u{1b}']),
            "{name}"
        );
        for field in ["Titel", "Frage", "Antwort"] {
            assert!(
                text.contains(&format!("{field} A<U+FFFE>B<U+FFFF>C␁D␛[31mE<&>")),
                "{name}: {text}"
            );
        }
        let html = stdout(&export(dir.path(), &[what[0], what[1], "--format", "html"]));
        assert!(
            !html.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}', '\u{1b}']),
            "{name}"
        );
        assert!(
            html.contains("Punkt A&lt;U+FFFE&gt;") || name == "letter.docx",
            "{html}"
        );
        assert!(html.contains("E&lt;&amp;&gt;"));
    }
}

#[test]
fn a_done_motion_keeps_its_answers_and_a_nonpublic_item_is_marked_so() {
    let done = KIM.replacen(
        "kind = \"Anfrage\"\n",
        "kind = \"Anfrage\"\nstate = \"done\"\n",
        1,
    );
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", done.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let md = stdout(&export(
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
    assert!(md.contains("erledigt"), "{md}");
    assert!(md.contains("Es sind 4,5 Stellen & mehr."), "{md}");
    assert!(
        md.contains("Grundstücksangelegenheit Müller (nicht öffentlich)"),
        "{md}"
    );
    // Said first, before the title, so that nobody passes it on unawares.
    let lead = md.find("nicht zur Veröffentlichung").expect(&md);
    assert!(md[..lead].contains("Nicht öffentlich"), "{md}");
    assert!(lead < md.find("Grundstücksangelegenheit").unwrap(), "{md}");
    assert!(lead < md.find("# ").unwrap(), "{md}");
    // A report without those items says nothing of the kind.
    let public = stdout(&export(
        dir.path(),
        &["--session", "soz", "--final", "--format", "markdown"],
    ));
    assert!(!public.contains("Veröffentlichung"), "{public}");
}

#[test]
fn a_file_named_docx_gets_a_word_document_and_a_long_kind_is_declined() {
    let grosse = KIM.replacen("kind = \"Anfrage\"", "kind = \"Große Anfrage\"", 1);
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", grosse.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let out_dir = tempfile::tempdir().unwrap();
    let path = out_dir.path().join("Antwort.DOCX");
    let out = export(
        dir.path(),
        &["--motion", "kim", "-o", path.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PK"), "not a zip package");
    let (_, text) = docx_texts(&bytes);
    assert!(
        text.contains("zu Ihrer Großen Anfrage nimmt die Verwaltung"),
        "{text}"
    );
}

#[test]
fn one_wrong_report_setting_costs_only_itself() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    let text = "[report]\nissuer = \"Stadt X\"\nlanguage = \"fr\"\n";
    std::fs::write(&config, text).unwrap();
    let (settings, problems) = agenda::config::load(Some(&config));
    assert_eq!(settings.report.issuer.as_deref(), Some("Stadt X"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", KIM.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let out = agenda(home.path())
        .env("AGENDA_CONFIG", &config)
        .args([
            "export",
            "--session",
            "soz",
            "--format",
            "markdown",
            "--today",
            "2022-09-01",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("Stadt X"), "{md}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("die übrigen Einstellungen bleiben")
            || said.contains("the other settings stand"),
        "{said}"
    );
}

#[test]
fn a_name_agenda_cannot_write_or_a_folder_after_o_is_refused_and_markdown_keeps_entities_literal() {
    let amp = KIM.replacen(
        "Es sind 4,5 Stellen & mehr.",
        "Es sind &amp; 4,5 Stellen & mehr.",
        1,
    );
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", amp.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let out_dir = tempfile::tempdir().unwrap();
    for (name, extra) in [("bericht.pdf", None), ("x.docx", Some("markdown"))] {
        let path = out_dir.path().join(name);
        let mut args = vec!["--session", "soz", "-o", path.to_str().unwrap()];
        if let Some(format) = extra {
            args.extend(["--format", format]);
        }
        let out = export(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(!path.exists(), "nothing written for {name}");
    }
    let out = export(
        dir.path(),
        &["--session", "soz", "-o", out_dir.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder"));
    let md = stdout(&export(
        dir.path(),
        &["--motion", "kim", "--format", "markdown"],
    ));
    assert!(md.contains("\\&amp; 4,5 Stellen & mehr"), "{md}");
}

#[test]
fn x_in_the_app_says_when_a_motion_of_the_agenda_is_missing_from_the_report() {
    let broken = format!("{KIM}\nbroken = = \n");
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", broken.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let mut app = crate::common::app(dir.path());
    crate::common::step(&mut app, agenda::input::Action::Export);
    crate::common::step(&mut app, agenda::input::Action::Open);
    let Some(agenda::app::Note::Exported { unreadable, .. }) = &app.note else {
        panic!("{:?}", app.note);
    };
    assert_eq!(*unreadable, 1);
}

#[test]
fn pages_after_the_first_name_the_sender_and_the_document_at_the_top() {
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", KIM.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let out_dir = tempfile::tempdir().unwrap();
    let path = out_dir.path().join("bericht.docx");
    let out = export(
        dir.path(),
        &["--session", "soz", "--final", "-o", path.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut headers = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        if part.name().is_ok_and(|n| n.starts_with("word/header")) {
            std::io::Read::read_to_string(&mut part, &mut headers).unwrap();
        }
    }
    assert!(
        headers.contains("Stadt Siegen – Der Bürgermeister · Report of the administration")
            || headers.contains("Stadt Siegen – Der Bürgermeister · Bericht der Verwaltung"),
        "{headers}"
    );
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    assert!(
        document.contains("<w:titlePg"),
        "the first page has its own, empty header"
    );
}

#[test]
fn a_final_version_says_on_stderr_how_many_written_answers_it_calls_open() {
    // KIM's question 2 has a draft and is in progress.
    let dir = data_dir(&[
        ("s.toml", SESSION.as_bytes()),
        ("kim.toml", KIM.as_bytes()),
        ("geheim.toml", SECRET.as_bytes()),
    ]);
    let args = ["--session", "soz", "--format", "markdown", "--lang", "de"];
    let working = export(dir.path(), &args);
    assert!(working.status.success());
    assert!(!String::from_utf8_lossy(&working.stderr).contains("Achtung"));
    let final_version = export(dir.path(), &[&args[..], &["--final"]].concat());
    assert!(final_version.status.success());
    let said = String::from_utf8_lossy(&final_version.stderr);
    assert!(
        said.contains("Achtung: 1 Frage hat eine geschriebene Antwort, ist aber nicht als beantwortet markiert"),
        "{said}"
    );
    assert!(!stdout(&final_version).contains("ENTWURF-GEHEIM"));
    // A file that is not written (it is there) gets no warning about it.
    let path = dir.path().join("bericht.md");
    std::fs::write(&path, "schon da").unwrap();
    let refused = export(
        dir.path(),
        &[&args[..], &["--final", "-o", path.to_str().unwrap()]].concat(),
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&refused.stderr).contains("Achtung"));
}
