//! `agenda import oparl` in the cases a tester found: files with errors
//! beside what comes in, a paper moved to another agenda item, runs that
//! bring nothing, `[oparl] days_back`, and the words of its messages.
//! The fixtures of `oparl.rs`, changed where a case needs it.

use crate::common;
use crate::oparl::{
    ALL, ANFRAGE, AUSSCHUSS, MOTION_ID, RAT, changed, fixture, folder, import, read, spec, text,
};

use std::path::Path;

use common::{agenda, contents};

fn check(dir: &Path) -> std::process::Output {
    agenda(dir.parent().unwrap())
        .arg("check")
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn a_session_file_with_errors_is_neither_doubled_nor_edited() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    let mut broken = read(&dir, AUSSCHUSS);
    broken.push_str("broken = = =\n");
    std::fs::write(dir.join(AUSSCHUSS), &broken).unwrap();
    let before = contents(&dir);
    // Upstream the meeting moves an hour: the file would change, if it could.
    let meeting = changed(home.path(), "meeting-ausschuss.json", |v| {
        v["start"] = "2025-03-20T18:00:00+01:00".into();
    });
    let out = import(&dir, &[meeting, fixture(ALL[1]), fixture(ALL[2])], &[]);
    assert_eq!(out.status.code(), Some(1));
    // No second file of that session, and the broken one as it was.
    assert_eq!(contents(&dir), before);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "Session Ausschuss für Soziales und Wohnen, 20.03.2025: not imported, for {AUSSCHUSS} has errors and may hold it already"
        )),
        "{err}"
    );
    assert!(err.contains("Fix that file (agenda check), then import again."));
    assert!(!text(&out.stdout).contains("New:"), "{}", text(&out.stdout));
    // Once it is fixed, the same import brings the change into it.
    std::fs::write(dir.join(AUSSCHUSS), broken.replace("broken = = =\n", "")).unwrap();
    let meeting = changed(home.path(), "meeting-ausschuss.json", |v| {
        v["start"] = "2025-03-20T18:00:00+01:00".into();
    });
    let out = import(&dir, &[meeting, fixture(ALL[2])], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(read(&dir, AUSSCHUSS).contains("time = 18:00:00"));
    assert_eq!(contents(&dir).len(), before.len());
}

#[test]
fn a_motion_file_with_errors_keeps_its_answers_and_gets_no_twin() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    let answered = read(&dir, ANFRAGE).replacen(
        "status = \"open\"",
        "status = \"answered\"\nanswer = \"42 Plätze.\"",
        1,
    ) + "\n[[question]\n";
    std::fs::write(dir.join(ANFRAGE), &answered).unwrap();
    let before = contents(&dir);
    let paper = changed(home.path(), "paper-anfrage.json", |v| {
        v["name"] = "Plätze in Notunterkünften für Familien".into();
    });
    let out = import(
        &dir,
        &[fixture(ALL[0]), fixture(ALL[1]), paper],
        &["--lang", "de"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(contents(&dir), before);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("Vorlage „Plätze in Notunterkünften für Familien“: nicht übernommen, denn {ANFRAGE} enthält Fehler")),
        "{err}"
    );
}

#[test]
fn a_file_with_errors_that_still_reads_is_left_as_it_is() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    // A value of the wrong kind: the session still loads, marked broken.
    let session = read(&dir, RAT).replace("time = 16:00:00", "time = \"vier Uhr\"");
    std::fs::write(dir.join(RAT), &session).unwrap();
    assert!(!check(&dir).status.success());
    let before = contents(&dir);
    let meeting = changed(home.path(), "meeting-rat.json", |v| {
        v["start"] = "2025-04-03T17:00:00+02:00".into();
    });
    let out = import(&dir, &[meeting], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(contents(&dir), before);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "{RAT} has errors; the import left it as it is. Fix it (agenda check), then import again."
        )),
        "{err}"
    );
}

#[test]
fn a_paper_moved_to_another_item_moves_here_too_and_what_the_staff_added_stays() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    // The staff put a motion of their own on Ö 3, and the paper on N 1 too.
    std::fs::write(
        dir.join("antraege/eigener.toml"),
        "[motion]\nid = \"eigener\"\nkind = \"Antrag\"\ntitle = \"Eigener Antrag\"\n",
    )
    .unwrap();
    let local = read(&dir, AUSSCHUSS)
        .replacen(
            "title = \"Mitteilungen der Verwaltung\"\n",
            "title = \"Mitteilungen der Verwaltung\"\nmotions = [\"eigener\"]\n",
            1,
        )
        .replacen(
            "public = false\n",
            &format!("public = false\nmotions = [\"eigener\", \"{MOTION_ID}\"]\n"),
            1,
        );
    std::fs::write(dir.join(AUSSCHUSS), &local).unwrap();
    // Upstream the paper moves from Ö 2 to Ö 1.
    let meeting = changed(home.path(), "meeting-ausschuss.json", |v| {
        let items = v["agendaItem"].as_array_mut().unwrap();
        items[1].as_object_mut().unwrap().remove("consultation");
        items[0]["consultation"] = "https://ris.hagenfeld.example/oparl/consultation/5001".into();
    });
    let paper = changed(home.path(), "paper-anfrage.json", |v| {
        v["consultation"][0]["agendaItem"] =
            "https://ris.hagenfeld.example/oparl/agendaitem/12010".into();
    });
    let sources = [meeting, fixture(ALL[1]), paper];
    let out = import(&dir, &sources, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let now = read(&dir, AUSSCHUSS);
    let motions: Vec<&str> = now
        .split("[[agenda]]")
        .skip(1)
        .map(|item| {
            item.lines()
                .find_map(|l| l.strip_prefix("motions = "))
                .unwrap_or("-")
        })
        .collect();
    let paper = format!("[\"{MOTION_ID}\"]");
    assert_eq!(
        motions,
        [paper.as_str(), "-", "[\"eigener\"]", "[\"eigener\"]"],
        "{now}"
    );
    let said = text(&out.stdout);
    assert!(
        said.contains("\"Plätze in den städtischen Notunterkünften\" is under item Ö 1 in the council information system now; moved there from item Ö 2 here too."),
        "{said}"
    );
    assert!(
        said.contains("moved there from item N 1 here too."),
        "{said}"
    );
    assert!(
        check(&dir).status.success(),
        "{}",
        text(&check(&dir).stdout)
    );
    // A second run finds everything where it is.
    let before = contents(&dir);
    let again = import(&dir, &sources, &[]);
    assert!(again.status.success());
    assert_eq!(contents(&dir), before);
    assert!(!text(&again.stdout).contains("moved"));
}

#[test]
fn days_back_applies_to_the_configured_system_as_in_the_app() {
    let (home, dir) = folder();
    // The council's meetings list, holding the Ausschuss of 20.03.2025.
    let meeting: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(ALL[0])).unwrap()).unwrap();
    let list = home.path().join("meetings.json");
    let page = serde_json::json!({"data": [meeting], "links": {}});
    std::fs::write(&list, page.to_string()).unwrap();
    let source = list.display().to_string();
    let config = home.path().join("config/agenda");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!("[oparl]\nurl = {source:?}\ndays_back = 10\n"),
    )
    .unwrap();
    let run = |dir: &Path, source: Option<&str>, since: &[&str]| {
        agenda(home.path())
            .args(["import", "oparl", "--today", "2025-04-01", "--dir"])
            .arg(dir)
            .args(source)
            .args(since)
            .output()
            .unwrap()
    };
    // On 01.04.2025 ten days back is 22.03.: the meeting is left out, and said.
    let out = run(&dir, None, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(contents(&dir).is_empty());
    assert!(
        text(&out.stdout).contains("Nothing to import: 1 meeting is before 22.03.2025"),
        "{}",
        text(&out.stdout)
    );
    // --since wins over days_back.
    let out = run(&dir, None, &["--since", "2025-03-01"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.join(AUSSCHUSS).exists());
    // Another source given by hand is read whole: days_back is for the
    // configured system, as `I` pulls it.
    let (_other_home, other) = folder();
    let out = run(&other, Some(&fixture(ALL[0])), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(other.join(AUSSCHUSS).exists());
}

#[test]
fn a_run_that_brings_nothing_says_why() {
    let (home, dir) = folder();
    let empty = home.path().join("leer.json");
    std::fs::write(&empty, r#"{"data": [], "links": {}}"#).unwrap();
    let out = import(&dir, &[empty.display().to_string()], &[]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains(
            "Nothing to import: the sources hold no meeting or paper that could be read."
        ),
        "{}",
        text(&out.stdout)
    );
    let out = import(
        &dir,
        &[fixture(ALL[0]), fixture(ALL[1])],
        &["--committee", "Bau", "--since", "2025-04-01"],
    );
    assert!(out.status.success());
    assert!(contents(&dir).is_empty());
    let said = text(&out.stdout);
    assert!(
        said.contains("Nothing to import: 1 meeting is before 01.04.2025 (--since or days_back in the config); 1 meeting is of a committee whose name does not contain \"Bau\"."),
        "{said}"
    );
    let out = import(
        &dir,
        &[fixture(ALL[0])],
        &["--since", "2025-04-01", "--lang", "de"],
    );
    assert!(
        text(&out.stdout).contains("Nichts zu übernehmen: 1 Sitzung liegt vor dem 01.04.2025"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn the_standards_meeting_name_gives_its_committee_without_the_sittings_number() {
    let (_home, dir) = folder();
    let out = import(&dir, &[spec("Meeting-01.json")], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let session = read(&dir, "sitzungen/finanzausschuss-2013-01-04.toml");
    assert!(
        session.contains("committee = \"Finanzausschuss\""),
        "{session}"
    );
}

#[test]
fn odd_sources_are_told_in_plain_words() {
    let (home, dir) = folder();
    // A meeting with a blank name and no organization, but a date.
    let nameless = changed(home.path(), "meeting-rat.json", |v| {
        v["name"] = " ".into();
        v.as_object_mut().unwrap().remove("organization");
    });
    let out = import(&dir, &[nameless], &[]);
    let err = text(&out.stderr) + &text(&out.stdout);
    assert!(
        err.contains("Meeting https://ris.hagenfeld.example/oparl/meeting/1207 on 03.04.2025: it has neither a name nor a committee"),
        "{err}"
    );
    assert!(!err.contains("no start"), "{err}");
    // A bare array is read as a list; a bare string is said to be none.
    let array = home.path().join("array.json");
    let meeting = std::fs::read_to_string(fixture(ALL[0])).unwrap();
    std::fs::write(&array, format!("[{meeting}]")).unwrap();
    let out = import(&dir, &[array.display().to_string()], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.join(AUSSCHUSS).exists());
    let string = home.path().join("string.json");
    std::fs::write(&string, r#""Sitzung am Montag""#).unwrap();
    let out = import(&dir, &[string.display().to_string()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("this is not an OParl object"), "{err}");
    assert!(!err.contains("type ?"), "{err}");
}

#[test]
fn a_source_that_fails_whole_does_not_say_the_rest_was_imported() {
    // A port nothing listens on: the connection is refused at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (_home, dir) = folder();
    let url = format!("http://127.0.0.1:{port}/oparl/body/1");
    let out = import(&dir, std::slice::from_ref(&url), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{url}: the server cannot be reached")),
        "{err}"
    );
    assert!(err.contains("Nothing was imported from it."), "{err}");
    assert!(!err.contains("the rest was imported"), "{err}");
}

#[test]
fn counts_and_timeouts_read_as_plain_words() {
    use agenda::i18n::Lang;
    use agenda::oparl::{Failure, Say};
    let en = Lang::En.texts();
    let de = Lang::De.texts();
    assert_eq!(
        en.oparl(&Say::Progress { read: 1 }),
        "1 object read from the council information system"
    );
    assert_eq!(
        de.oparl(&Say::Progress { read: 1 }),
        "1 Objekt aus dem Ratsinformationssystem gelesen"
    );
    let timeout = Say::Fetch {
        url: "https://ris.example/oparl/body/1".into(),
        failure: Failure::TimedOut,
        whole: false,
    };
    let said = en.oparl(&timeout);
    assert!(said.contains("the server did not answer in time"), "{said}");
    assert!(!said.contains("global"), "{said}");
    assert!(de.oparl(&timeout).contains("nicht rechtzeitig geantwortet"));
}
