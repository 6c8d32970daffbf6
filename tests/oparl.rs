//! `agenda import oparl` from files: the OParl standard's examples and
//! meetings and a paper in the shapes real council systems serve. Runs
//! the binary; nothing leaves the machine (links out of the files are
//! not fetched).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{agenda, contents};

pub(crate) fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/oparl")
        .join(name)
        .display()
        .to_string()
}

pub(crate) fn spec(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/oparl/spec")
        .join(name)
        .display()
        .to_string()
}

pub(crate) const ALL: [&str; 3] = [
    "meeting-ausschuss.json",
    "meeting-rat.json",
    "paper-anfrage.json",
];

pub(crate) fn import(dir: &Path, sources: &[String], extra: &[&str]) -> Output {
    let home = dir.parent().unwrap();
    agenda(home)
        .args(["import", "oparl"])
        .args(sources)
        .args(["--today", "2025-03-01"])
        .arg("--dir")
        .arg(dir)
        .args(extra)
        .output()
        .unwrap()
}

pub(crate) fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

pub(crate) fn folder() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("daten");
    std::fs::create_dir(&dir).unwrap();
    (home, dir)
}

pub(crate) fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

pub(crate) const AUSSCHUSS: &str = "sitzungen/soziales-2025-03-20.toml";
pub(crate) const RAT: &str = "sitzungen/rat-2025-04-03.toml";
pub(crate) const ANFRAGE: &str = "antraege/plaetze-staedtischen-notunterkuenften-2025.toml";
pub(crate) const MOTION_ID: &str = "plaetze-staedtischen-notunterkuenften-2025";

#[test]
fn two_meetings_and_a_paper_consulted_in_both_give_two_agendas_carrying_it() {
    let (_home, dir) = folder();
    let out = import(&dir, &ALL.map(fixture), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files: Vec<String> = contents(&dir)
        .keys()
        .map(|p| p.display().to_string())
        .filter(|p| p.ends_with(".toml") && !p.starts_with(".oparl"))
        .collect();
    assert_eq!(files, [ANFRAGE, RAT, AUSSCHUSS]);
    let ausschuss = read(&dir, AUSSCHUSS);
    // Committee from the embedded organization, local time, location.
    assert!(ausschuss.contains("committee = \"Ausschuss für Soziales und Wohnen\""));
    assert!(ausschuss.contains("date = 2025-03-20\ntime = 17:00:00"));
    assert!(ausschuss.contains("location = \"Rathaus Hagenfeld, Sitzungssaal 2\""));
    assert!(ausschuss.contains("oparl_id = \"https://ris.hagenfeld.example/oparl/meeting/1201\""));
    // Items in order, numbered as served; the paper on item Ö 2 (linked
    // from the agenda item's consultation URL and the paper's own).
    let numbers: Vec<&str> = ausschuss
        .lines()
        .filter_map(|l| l.strip_prefix("number = "))
        .collect();
    assert_eq!(numbers, ["\"Ö 1\"", "\"Ö 2\"", "\"Ö 3\"", "\"N 1\""]);
    assert!(ausschuss.contains(&format!(
        "title = \"Anfrage der Fraktion DIE LINKE.: Plätze in Notunterkünften\"\nmotions = [\"{MOTION_ID}\"]"
    )));
    // A nonpublic item without a name still is one, marked.
    assert!(
        ausschuss.contains("title = \"Nicht öffentlicher Tagesordnungspunkt\"\npublic = false")
    );
    // The council: committee from the meeting's name (its organization is
    // a link out of the files), items sorted by `order` starting at 0.
    let rat = read(&dir, RAT);
    assert!(rat.contains("committee = \"Rat der Stadt Hagenfeld\""));
    assert!(rat.contains("time = 16:00:00"));
    let titles: Vec<&str> = rat
        .lines()
        .filter_map(|l| l.strip_prefix("title = "))
        .collect();
    assert_eq!(
        titles,
        [
            "\"Eröffnung\"",
            "\"Einwohnerfragestunde\"",
            "\"Notunterkünfte: Bericht aus dem Fachausschuss\""
        ]
    );
    assert!(rat.contains(&format!("motions = [\"{MOTION_ID}\"]")));
    // The paper: its fields, and the questions its main file's text asks.
    let paper = read(&dir, ANFRAGE);
    for line in [
        "kind = \"Anfrage\"",
        "title = \"Plätze in den städtischen Notunterkünften\"",
        "submitted = 2025-03-03",
        "submitters = [\"DIE LINKE.\"]",
        "reference = \"2025/0312\"",
        "office = \"Amt für Soziales und Wohnen\"",
        "oparl_id = \"https://ris.hagenfeld.example/oparl/paper/2025-0312\"",
        "files = [\"https://ris.hagenfeld.example/oparl/file/7312/anfrage.pdf\"]",
    ] {
        assert!(paper.contains(line), "{line} missing in\n{paper}");
    }
    assert_eq!(paper.matches("[[question]]").count(), 3);
    // And the folder is clean: no error, no warning.
    let check = agenda(dir.parent().unwrap())
        .arg("check")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", text(&check.stdout));
    assert!(text(&check.stdout).contains("No problems in 3 files"));
    // Links out of the files are said, once.
    assert!(text(&out.stderr).contains("were not fetched"));
}

#[test]
fn a_reimport_of_the_same_data_changes_no_byte() {
    let (_home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    let before = contents(&dir);
    let again = import(&dir, &ALL.map(fixture), &[]);
    assert!(again.status.success());
    assert_eq!(contents(&dir), before);
    assert!(text(&again.stdout).contains("Unchanged: 2 sessions and 1 paper."));
}

/// Writes a changed copy of a fixture into `at`, changed by `edit`.
pub(crate) fn changed(at: &Path, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap();
    edit(&mut value);
    let path = at.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    path.display().to_string()
}

#[test]
fn a_local_answer_and_comment_survive_a_reimport_of_a_changed_paper() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    // The staff answer question 2, assign it, add a question and a comment.
    let original = read(&dir, ANFRAGE);
    let worked = original
        .replacen(
            "[motion]\n",
            "# Rückfrage bei Frau Roth am Montag\n[motion]\n",
            1,
        )
        .replacen(
            "status = \"open\"\n\n[[question]]\nnumber = \"3\"",
            "status = \"answered\"\nassignee = \"Amt 50\"\nanswer = \"Im Schnitt 93 Prozent.\"\n\n[[question]]\nnumber = \"3\"",
            1,
        )
        + "\n[[question]]\nnumber = \"4\"\ntext = \"Nachfrage aus der Sitzung\"\n";
    std::fs::write(dir.join(ANFRAGE), &worked).unwrap();
    // Upstream the paper is renamed and its office changes.
    let paper = changed(home.path(), "paper-anfrage.json", |v| {
        v["name"] = "Plätze in Notunterkünften für Frauen und Familien".into();
        v["underDirectionOf"][0]["name"] = "Sozialamt".into();
    });
    let sources = [fixture(ALL[0]), fixture(ALL[1]), paper];
    let out = import(&dir, &sources, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let now = read(&dir, ANFRAGE);
    // Only the two imported lines changed, in place; everything else is
    // byte for byte what the staff wrote.
    let expected = worked
        .replace(
            "title = \"Plätze in den städtischen Notunterkünften\"",
            "title = \"Plätze in Notunterkünften für Frauen und Familien\"",
        )
        .replace(
            "office = \"Amt für Soziales und Wohnen\"",
            "office = \"Sozialamt\"",
        );
    assert_eq!(now, expected);
    assert!(text(&out.stdout).contains("(Title, Lead office)"));
    // The sessions did not change.
    assert!(text(&out.stdout).contains("Unchanged: 2 sessions and 0 papers."));
}

#[test]
fn a_changed_agenda_inserts_new_items_in_place_and_keeps_what_is_gone_or_local() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    // The staff add an item of their own at the end.
    let mut local = read(&dir, AUSSCHUSS);
    local.push_str("\n[[agenda]]\nnumber = \"Ö 9\"\ntitle = \"Verschiedenes\"\n");
    std::fs::write(dir.join(AUSSCHUSS), &local).unwrap();
    // Upstream an item comes in after Ö 1, Ö 3 is dropped, the time moves.
    let meeting = changed(home.path(), "meeting-ausschuss.json", |v| {
        v["start"] = "2025-03-20T18:00:00+01:00".into();
        let items = v["agendaItem"].as_array_mut().unwrap();
        items.retain(|i| i["number"] != "Ö 3");
        items.insert(
            1,
            serde_json::json!({
                "id": "https://ris.hagenfeld.example/oparl/agendaitem/12099",
                "type": "https://schema.oparl.org/1.1/AgendaItem",
                "number": "Ö 1.1",
                "name": "Einwohnerfragestunde",
                "public": true
            }),
        );
        for (n, item) in items.iter_mut().enumerate() {
            item["order"] = (n + 1).into();
        }
    });
    let out = import(&dir, &[meeting, fixture(ALL[2])], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let now = read(&dir, AUSSCHUSS);
    let titles: Vec<&str> = now
        .lines()
        .filter_map(|l| l.strip_prefix("title = "))
        .collect();
    assert_eq!(
        titles,
        [
            "\"Eröffnung und Feststellung der Tagesordnung\"",
            "\"Einwohnerfragestunde\"",
            "\"Anfrage der Fraktion DIE LINKE.: Plätze in Notunterkünften\"",
            "\"Mitteilungen der Verwaltung\"",
            "\"Nicht öffentlicher Tagesordnungspunkt\"",
            "\"Verschiedenes\"",
        ]
    );
    assert!(now.contains("time = 18:00:00"));
    let said = text(&out.stdout);
    assert!(
        said.contains("item Ö 3 \"Mitteilungen der Verwaltung\" is no longer on the agenda"),
        "{said}"
    );
    let check = agenda(home.path()).arg("check").arg(&dir).output().unwrap();
    assert!(check.status.success(), "{}", text(&check.stdout));
}

#[test]
fn a_session_typed_in_by_hand_is_adopted_not_doubled() {
    let (_home, dir) = folder();
    std::fs::create_dir(dir.join("sitzungen")).unwrap();
    std::fs::write(
        dir.join("sitzungen/asw.toml"),
        "[session]\nid = \"asw-maerz\"\ncommittee = \"Ausschuss für Soziales und Wohnen\"\n\
         date = 2025-03-20\nlocation = \"Saal 2\"\n\n[[agenda]]\nnumber = \"Ö 2\"\ntitle = \"Anfrage Notunterkünfte\"\n",
    )
    .unwrap();
    let out = import(&dir, &[fixture(ALL[0]), fixture(ALL[2])], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!dir.join(AUSSCHUSS).exists());
    let adopted = read(&dir, "sitzungen/asw.toml");
    assert!(adopted.contains("id = \"asw-maerz\""));
    assert!(adopted.contains("oparl_id = \"https://ris.hagenfeld.example/oparl/meeting/1201\""));
    // The item of the same number is the upstream one now, and carries the paper.
    assert_eq!(adopted.matches("number = \"Ö 2\"").count(), 1);
    assert!(adopted.contains(&format!("motions = [\"{MOTION_ID}\"]")));
    assert_eq!(adopted.matches("[[agenda]]").count(), 4);
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_it_would_do() {
    let (_home, dir) = folder();
    let out = import(&dir, &ALL.map(fixture), &["--dry-run", "--lang", "de"]);
    assert!(out.status.success());
    assert!(contents(&dir).is_empty());
    let said = text(&out.stdout);
    assert!(said.contains("Neu: Ausschuss für Soziales und Wohnen, 20.03.2025 (4 TOP)"));
    assert!(said.contains("Probelauf: nichts wurde geschrieben."));
}

#[test]
fn a_broken_file_is_named_with_line_and_column_and_the_others_still_import() {
    let (home, dir) = folder();
    let broken = home.path().join("kaputt.json");
    std::fs::write(&broken, "{\n  \"id\": \"x\",\n  \"type\": \n}\n").unwrap();
    let person = home.path().join("person.json");
    std::fs::write(
        &person,
        r#"{"id": "https://x/person/1", "type": "https://schema.oparl.org/1.1/Person"}"#,
    )
    .unwrap();
    let empty = home.path().join("leer.json");
    std::fs::write(&empty, "\n").unwrap();
    let cut = home.path().join("halb.json");
    std::fs::write(&cut, "{\"id\": \"x\", \"type\": \"https://sch").unwrap();
    let sources = [
        broken.display().to_string(),
        person.display().to_string(),
        fixture(ALL[0]),
        empty.display().to_string(),
        cut.display().to_string(),
    ];
    let out = import(&dir, &sources, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("kaputt.json:4:1: not valid JSON (a value is missing here)"),
        "{err}"
    );
    // Said in plain words, at a place an editor can go to.
    assert!(
        err.contains("leer.json:1:1: not valid JSON (the file is empty)"),
        "{err}"
    );
    assert!(
        err.contains("halb.json:1:32: not valid JSON (it stops in the middle"),
        "{err}"
    );
    assert!(
        err.contains("person.json: an object of type Person holds no sessions or papers"),
        "{err}"
    );
    assert!(dir.join(AUSSCHUSS).exists());
}

#[test]
fn the_standards_examples_import_as_far_as_they_reach() {
    let (_home, dir) = folder();
    let sources = [
        spec("Meeting-01.json"),
        spec("Organization-01.json"),
        spec("Paper-01.json"),
    ];
    let out = import(&dir, &sources, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files = contents(&dir);
    let session = files
        .iter()
        .find(|(p, _)| p.starts_with("sitzungen"))
        .map(|(_, t)| t.clone())
        .expect("a session file");
    // The meeting's organization is among the files: its name is the committee.
    assert!(session.contains("committee = \"Ausschuss für Haushalt und Finanzen\""));
    assert!(session.contains("date = 2013-01-04\ntime = 08:00:00"));
    assert!(
        session.contains("number = \"10.1\"\ntitle = \"Satzungsänderung für Ausschreibungen\"")
    );
    assert!(session.contains(
        "location = \"Rathaus der Beispielstadt, Ratshausplatz 1, 12345 Beispielstadt\""
    ));
    let motion = files
        .iter()
        .find(|(p, _)| p.starts_with("antraege"))
        .map(|(_, t)| t.clone())
        .expect("a motion file");
    assert!(motion.contains("kind = \"Beantwortung einer Anfrage\""));
    assert!(motion.contains("title = \"Antwort auf Anfrage 1200/2014\""));
    assert!(motion.contains("reference = \"1234/2014\""));
    assert!(motion.contains("submitted = 2014-04-04"));
}

/// A list page holding the three fixtures, as a council system's
/// `/body/1/meetings` might: the source `[oparl] url` names.
#[test]
fn a_record_deleted_upstream_is_reported_and_kept() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    let before = contents(&dir);
    let paper = changed(home.path(), "paper-anfrage.json", |v| {
        v["deleted"] = true.into();
    });
    let meeting = changed(home.path(), "meeting-rat.json", |v| {
        v["deleted"] = true.into();
    });
    let out = import(&dir, &[paper, meeting], &["--lang", "de"]);
    assert!(out.status.success());
    assert_eq!(contents(&dir), before);
    let said = text(&out.stdout);
    assert!(said.contains("„Plätze in den städtischen Notunterkünften“ ist im Ratsinformationssystem gelöscht; hier bleibt es erhalten"), "{said}");
    assert!(
        said.contains(
            "„Rat der Stadt Hagenfeld 03.04.2025“ ist im Ratsinformationssystem gelöscht"
        ),
        "{said}"
    );
    // D deletes motions, not sessions: a session's advice is its file.
    let session = said.lines().find(|l| l.contains("Rat der Stadt")).unwrap();
    assert!(
        session.contains(&format!("löschen Sie ihre Datei {RAT}")),
        "{session}"
    );
    assert!(!session.contains("mit D"), "{session}");
    let motion = said.lines().find(|l| l.contains("Plätze")).unwrap();
    assert!(motion.contains("in der App mit D"), "{motion}");
}

#[test]
fn an_item_of_the_staffs_own_keeps_its_number_when_upstream_adds_one_with_it() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    let mut local = read(&dir, AUSSCHUSS);
    local.push_str("\n[[agenda]]\nnumber = \"Ö 5\"\ntitle = \"Verschiedenes (lokal)\"\n");
    std::fs::write(dir.join(AUSSCHUSS), &local).unwrap();
    let meeting = changed(home.path(), "meeting-ausschuss.json", |v| {
        v["agendaItem"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": "https://ris.hagenfeld.example/oparl/agendaitem/12014",
                "type": "https://schema.oparl.org/1.1/AgendaItem",
                "number": "Ö 5", "order": 5, "name": "Neu im Ratsinformationssystem"
            }));
    });
    assert!(
        import(&dir, &[meeting, fixture(ALL[2])], &[])
            .status
            .success()
    );
    let now = read(&dir, AUSSCHUSS);
    assert!(
        now.contains("number = \"Ö 5\"\ntitle = \"Verschiedenes (lokal)\"\n"),
        "{now}"
    );
    assert!(
        now.contains("title = \"Neu im Ratsinformationssystem\""),
        "{now}"
    );
}

#[test]
fn a_closed_item_stays_closed_however_the_server_writes_public() {
    let (home, dir) = folder();
    let meeting = changed(home.path(), "meeting-ausschuss.json", |v| {
        let items = v["agendaItem"].as_array_mut().unwrap();
        items[0]["public"] = "false".into();
        items[1]["public"] = 0.into();
        items[2]["public"] = serde_json::json!({"weird": true});
    });
    assert!(import(&dir, &[meeting], &[]).status.success());
    let now = read(&dir, AUSSCHUSS);
    assert_eq!(now.matches("public = false").count(), 4, "{now}");
}

#[test]
fn a_committee_is_not_renamed_when_its_organization_cannot_be_read() {
    let (home, dir) = folder();
    // The organization is among the files the first time.
    let org = home.path().join("org.json");
    std::fs::write(
        &org,
        r#"{"id": "https://ris.hagenfeld.example/oparl/organization/1",
            "type": "https://schema.oparl.org/1.1/Organization", "name": "Rat der Stadt"}"#,
    )
    .unwrap();
    let first = [fixture(ALL[1]), org.display().to_string()];
    assert!(import(&dir, &first, &[]).status.success());
    assert!(read(&dir, "sitzungen/rat-2025-04-03.toml").contains("committee = \"Rat der Stadt\""));
    // Without it, the meeting's own name is only a guess: what is here stays.
    let before = contents(&dir);
    let out = import(&dir, &[fixture(ALL[1])], &[]);
    assert!(out.status.success());
    assert_eq!(contents(&dir), before);
}

#[test]
fn two_meetings_of_one_day_do_not_both_take_over_the_session_typed_in() {
    let (home, dir) = folder();
    std::fs::create_dir(dir.join("sitzungen")).unwrap();
    std::fs::write(
        dir.join("sitzungen/hand.toml"),
        "[session]\nid = \"hand\"\ncommittee = \"Ausschuss für Soziales und Wohnen\"\ndate = 2025-03-20\n",
    )
    .unwrap();
    let second = changed(home.path(), "meeting-ausschuss.json", |v| {
        v["id"] = "https://ris.hagenfeld.example/oparl/meeting/1299".into();
        v["start"] = "2025-03-20T10:00:00+01:00".into();
        for item in v["agendaItem"].as_array_mut().unwrap() {
            let id = item["id"].as_str().unwrap().replace("1201", "1299");
            item["id"] = id.into();
        }
    });
    let out = import(&dir, &[fixture(ALL[0]), second], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let hand = read(&dir, "sitzungen/hand.toml");
    assert!(hand.contains("meeting/1201"), "{hand}");
    let files: Vec<_> = contents(&dir)
        .into_keys()
        .filter(|p| p.starts_with("sitzungen"))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
}

#[test]
fn a_record_deleted_upstream_as_only_its_id_type_and_deleted_is_reported_and_kept() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    let before = contents(&dir);
    // As servers serve deleted objects: nothing but id, type, deleted.
    let bare = |name: &str| {
        changed(home.path(), name, |v| {
            let keep = |k: &str| v.get(k).cloned().unwrap_or_default();
            *v = serde_json::json!({
                "id": keep("id"),
                "type": keep("type"),
                "deleted": true,
                "modified": "2025-05-01T10:00:00+02:00"
            });
        })
    };
    let out = import(
        &dir,
        &[bare("paper-anfrage.json"), bare("meeting-rat.json")],
        &["--lang", "de"],
    );
    let said = text(&out.stdout);
    assert_eq!(contents(&dir), before, "{said}");
    assert!(
        said.contains(
            "„Plätze in den städtischen Notunterkünften“ ist im Ratsinformationssystem gelöscht"
        ),
        "{said}"
    );
    assert!(
        said.contains("Rat der Stadt Hagenfeld 03.04.2025“ ist im Ratsinformationssystem gelöscht"),
        "{said}"
    );
    assert!(!said.contains("-262143"), "{said}");
}
