//! A correction made here to an imported field survives the next import:
//! the import keeps what the council system last delivered (`.oparl/`)
//! and takes upstream's value only where the record still has that one.

use crate::oparl::{ALL, ANFRAGE, AUSSCHUSS, changed, fixture, folder, import, read, text};

use crate::common::contents;

#[test]
fn a_title_corrected_here_survives_a_reimport_and_upstream_changes_elsewhere_still_come_in() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    let corrected = read(&dir, ANFRAGE).replace(
        "title = \"Plätze in den städtischen Notunterkünften\"",
        "title = \"Notunterkünfte: Plätze (korrigiert)\"",
    );
    std::fs::write(dir.join(ANFRAGE), &corrected).unwrap();
    let session = read(&dir, AUSSCHUSS);
    let moved = session.replacen("location = ", "location = \"Raum 204 (verlegt)\"\n# ", 1);
    std::fs::write(dir.join(AUSSCHUSS), &moved).unwrap();

    // The same data again: nothing here changes, nothing is said.
    let before = contents(&dir);
    let again = import(&dir, &ALL.map(fixture), &["--lang", "de"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(contents(&dir), before, "{}", text(&again.stdout));
    assert!(
        !text(&again.stdout).contains("Geändert"),
        "{}",
        text(&again.stdout)
    );

    // Upstream changes the office, and the title too: the office comes
    // in; the title stays as corrected here, and that is said.
    let paper = changed(home.path(), "paper-anfrage.json", |v| {
        v["name"] = "Plätze in Notunterkünften".into();
        v["underDirectionOf"][0]["name"] = "Sozialamt".into();
    });
    let sources = [fixture(ALL[0]), fixture(ALL[1]), paper];
    let out = import(&dir, &sources, &["--lang", "de"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let now = read(&dir, ANFRAGE);
    assert_eq!(
        now,
        corrected.replace(
            "office = \"Amt für Soziales und Wohnen\"",
            "office = \"Sozialamt\""
        )
    );
    let said = text(&out.stdout);
    assert!(
        said.contains("Geändert: „Notunterkünfte: Plätze (korrigiert)“ (Federführung)"),
        "{said}"
    );
    assert!(
        said.contains(
            "Beibehalten: Titel von Vorlage „2025/0312“ bleibt „Notunterkünfte: Plätze (korrigiert)“, wie hier geändert; im Ratsinformationssystem steht jetzt „Plätze in Notunterkünften“."
        ),
        "{said}"
    );
    // The session's place typed here stayed through both imports.
    assert!(read(&dir, AUSSCHUSS).contains("location = \"Raum 204 (verlegt)\""));

    // Once upstream's new title is known, importing it again is quiet.
    let quiet = import(&dir, &sources, &["--lang", "de"]);
    assert!(
        !text(&quiet.stdout).contains("Beibehalten"),
        "{}",
        text(&quiet.stdout)
    );
}

#[test]
fn a_record_imported_before_its_base_was_kept_keeps_what_differs_and_says_so() {
    let (home, dir) = folder();
    assert!(import(&dir, &ALL.map(fixture), &[]).status.success());
    // As after an import by an earlier version: no base.
    std::fs::remove_dir_all(dir.join(".oparl")).unwrap();
    let paper = changed(home.path(), "paper-anfrage.json", |v| {
        v["name"] = "Plätze in Notunterkünften".into();
    });
    let sources = [fixture(ALL[0]), fixture(ALL[1]), paper];
    let before = read(&dir, ANFRAGE);
    let out = import(&dir, &sources, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(read(&dir, ANFRAGE), before);
    assert!(
        text(&out.stdout).contains("Kept: the title of Paper \"2025/0312\" stays \"Plätze in den städtischen Notunterkünften\" as changed here; the council system now has \"Plätze in Notunterkünften\"."),
        "{}",
        text(&out.stdout)
    );
    // The base is written now: the next import of the same is quiet.
    assert!(dir.join(".oparl").is_dir());
    let quiet = import(
        &dir,
        &[
            fixture(ALL[0]),
            fixture(ALL[1]),
            changed(home.path(), "paper-anfrage.json", |v| {
                v["name"] = "Plätze in Notunterkünften".into();
            }),
        ],
        &[],
    );
    assert!(
        !text(&quiet.stdout).contains("Kept"),
        "{}",
        text(&quiet.stdout)
    );
}

#[test]
fn a_letter_read_in_before_its_paper_came_is_taken_over_not_doubled() {
    let (_home, dir) = folder();
    // As `agenda import text` left it: no reference, no OParl id, answered
    // in part already.
    std::fs::create_dir_all(dir.join("antraege")).unwrap();
    let letter = "[motion]\nid = \"notunterkuenfte-brief\"\nkind = \"Anfrage\"\n\
        title = \"Plätze in den städtischen Notunterkünften\"\nsubmitted = 2025-03-03\n\
        submitters = [\"DIE LINKE.\"]\n\n[[question]]\nnumber = \"1\"\ntext = \"Wie viele?\"\n\
        status = \"answered\"\nanswer = \"42.\"\n";
    std::fs::write(dir.join("antraege/notunterkuenfte-brief.toml"), letter).unwrap();
    let out = import(&dir, &ALL.map(fixture), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let motions: Vec<_> = std::fs::read_dir(dir.join("antraege")).unwrap().collect();
    assert_eq!(motions.len(), 1, "{}", text(&out.stdout));
    let now = read(&dir, "antraege/notunterkuenfte-brief.toml");
    assert!(
        now.contains("oparl_id = \"https://ris.hagenfeld.example/oparl/paper/2025-0312\""),
        "{now}"
    );
    assert!(now.contains("answer = \"42.\""), "{now}");
    // The agenda item carries the motion that was there.
    assert!(read(&dir, AUSSCHUSS).contains("motions = [\"notunterkuenfte-brief\"]"));
}
