//! Fuzzy search: ranking, highlighting, German letters, the command line.

use crate::common;

use agenda::search::{FieldKind, Index, Target, highlight};
use common::{data_dir, session};

/// Two sessions, a motion on each, and questions with telling words.
fn council() -> tempfile::TempDir {
    let bau = session(
        "bau",
        "2022-10-12",
        "\n[[agenda]]\nnumber = \"7\"\ntitle = \"Sanierung der Hauptstraße\"\nmotions = [\"strasse\"]\n",
    );
    let soz = session(
        "soz",
        "2022-09-07",
        "\n[[agenda]]\nnumber = \"4\"\ntitle = \"Bericht KIM\"\nmotions = [\"kim\"]\n",
    );
    let strasse = r#"[motion]
id = "strasse"
kind = "Anfrage"
title = "Zustand der Hauptstraße"
submitters = ["CDU"]

[[question]]
number = "1"
text = "Welche Maßnahmen sind für die Straße geplant?"
assignee = "Tiefbauamt"
"#;
    let kim = r#"[motion]
id = "kim"
kind = "Antrag"
title = "Kommunales Integrationsmanagement"
submitters = ["CDU", "SPD"]
rationale = "Die Maßnahmen des Landes sollen vorgestellt werden."

[[question]]
number = "1"
text = "Wie viele Stellen gibt es?"
answer = "Es gibt 4,5 Stellen beim Amt für Soziales."
"#;
    data_dir(&[
        ("s/bau.toml", bau.as_bytes()),
        ("s/soz.toml", soz.as_bytes()),
        ("m/strasse.toml", strasse.as_bytes()),
        ("m/kim.toml", kim.as_bytes()),
    ])
}

fn hits(query: &str) -> Vec<(Target, FieldKind)> {
    let dir = council();
    let data = agenda::store::load(dir.path()).data;
    Index::build(&data)
        .search(query, 100)
        .into_iter()
        .map(|h| (h.target, h.field))
        .collect()
}

#[test]
fn plain_letters_find_umlauts_and_sharp_s() {
    // Sessions sort by date: soz (0) before bau (1); motions by path: kim (0), strasse (1).
    let found = hits("hauptstrasse");
    assert_eq!(
        found,
        [
            (
                Target::AgendaItem {
                    session: 1,
                    item: 0
                },
                FieldKind::ItemTitle
            ),
            (Target::Motion { motion: 1 }, FieldKind::MotionTitle),
        ]
    );
    let found = hits("massnahmen");
    assert!(found.contains(&(
        Target::Question {
            motion: 1,
            question: 0
        },
        FieldKind::QuestionText
    )));
    assert!(found.contains(&(Target::Motion { motion: 0 }, FieldKind::Rationale)));
    // Typed with the letters themselves, in any case, it finds the same.
    assert_eq!(hits("MASSNAHMEN"), found);
    assert_eq!(hits("maßnahmen"), found);
}

#[test]
fn closer_matches_rank_first() {
    let found = hits("stellen");
    // The question text has "Stellen" as a word; the answer too; both rank
    // above scattered letters elsewhere.
    assert_eq!(
        found[0],
        (
            Target::Question {
                motion: 0,
                question: 0
            },
            FieldKind::QuestionText
        )
    );
}

#[test]
fn every_word_must_match_in_any_order() {
    assert_eq!(hits("integration kommunal"), hits("kommunal integration"));
    assert!(
        hits("integration kommunal")
            .contains(&(Target::Motion { motion: 0 }, FieldKind::MotionTitle))
    );
    assert!(hits("kommunal zzz").is_empty());
}

#[test]
fn sessions_are_found_by_committee_and_german_date() {
    let found = hits("12.10.2022");
    assert_eq!(found[0], (Target::Session { session: 1 }, FieldKind::Date));
    assert!(
        hits("ausschuss bau").contains(&(Target::Session { session: 1 }, FieldKind::Committee))
    );
}

#[test]
fn assignees_and_answers_are_searched() {
    assert!(hits("tiefbau").contains(&(
        Target::Question {
            motion: 1,
            question: 0
        },
        FieldKind::Assignee
    )));
    assert!(hits("amt soziales").contains(&(
        Target::Question {
            motion: 0,
            question: 0
        },
        FieldKind::Answer
    )));
}

#[test]
fn highlight_marks_the_matched_characters_of_the_original() {
    // "strasse" in "Hauptstraße": the ß stands for "ss", so it is marked once.
    let text = "Hauptstraße";
    let at = highlight(text, "strasse");
    let marked: String = at.iter().map(|&i| text.chars().nth(i).unwrap()).collect();
    assert_eq!(marked, "straße");
    // Each word of the query is highlighted.
    let text = "Kommunales Integrationsmanagement";
    let at = highlight(text, "integ komm");
    let marked: String = at.iter().map(|&i| text.chars().nth(i).unwrap()).collect();
    assert_eq!(marked, "KommInteg");
}

#[test]
fn the_command_line_prints_ranked_hits_and_fails_on_none() {
    let dir = council();
    let home = tempfile::tempdir().unwrap();
    let run = |query: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_agenda"))
            .env_clear()
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path())
            .args(["search", "--lang", "en"])
            .arg(dir.path())
            .arg(query)
            .output()
            .unwrap()
    };
    let out = run("hauptstrasse");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "item 7\tAusschuss bau 12.10.2022\tSanierung der Hauptstraße\n\
         Anfrage\tAusschuss bau 12.10.2022 › item 7\tZustand der Hauptstraße\n"
    );
    let out = run("zzzzzz");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
