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
        .search(&data, query, 100)
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
    assert!(hits("zzz kommunal").is_empty(), "the first word counts too");
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
        "item 7\tAusschuss bau 12.10.2022\tSanierung der Hauptstraße\tbau\n\
         Anfrage\tAusschuss bau 12.10.2022 › item 7\tZustand der Hauptstraße\tstrasse\n"
    );
    let out = run("zzzzzz");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

// ---- Words, not scattered letters (issue 17) ----

/// The bundled example: the KIM motion of CDU and SPD, Siegen 2022.
fn example() -> std::sync::Arc<agenda::model::Dataset> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/example");
    agenda::store::load(&dir).data
}

pub(crate) fn example_hits(query: &str) -> Vec<(Target, FieldKind)> {
    let data = example();
    Index::build(&data)
        .search(&data, query, 100)
        .into_iter()
        .map(|h| (h.target, h.field))
        .collect()
}

pub(crate) const KIM: Target = Target::Motion { motion: 0 };

fn question(n: usize) -> Target {
    Target::Question {
        motion: 0,
        question: n - 1,
    }
}

fn targets(found: &[(Target, FieldKind)]) -> Vec<Target> {
    found.iter().map(|(t, _)| *t).collect()
}

#[test]
fn letters_scattered_over_a_text_are_no_match() {
    // Every letter of "obdachlos" stands in the KIM rationale in that order,
    // but in no one word: nobody asked about homelessness.
    assert_eq!(example_hits("obdachlos"), []);
    assert_eq!(example_hits("obdachlosenhilfe"), []);
    // Within one field, strewn over words.
    let dir = data_dir(&[(
        "m/a.toml",
        b"[motion]\nid = \"a\"\nkind = \"Anfrage\"\ntitle = \"Ob die Antr\xc3\xa4ge chancenlos sind\"\n",
    )]);
    let data = agenda::store::load(dir.path()).data;
    assert!(
        Index::build(&data)
            .search(&data, "obdachlos", 10)
            .is_empty()
    );
    assert_eq!(Index::build(&data).search(&data, "chancenlos", 10).len(), 1);
}

#[test]
fn a_letter_missing_still_finds_the_word() {
    let found = example_hits("integrationsmangement");
    assert!(targets(&found).contains(&KIM), "{found:?}");
    assert!(targets(&found).contains(&question(1)));
    // The agenda item's title has it too.
    assert!(found.iter().any(|(_, f)| *f == FieldKind::ItemTitle));
    // Swapped and missing letters in words of the example.
    assert!(targets(&example_hits("Flüchtlingsbertaung")).contains(&KIM));
    assert!(targets(&example_hits("Landesinitative")).contains(&question(2)));
    // A query word may be the start or a part of a compound.
    assert!(targets(&example_hits("integration")).contains(&KIM));
    assert!(targets(&example_hits("beratung")).contains(&KIM));
}

#[test]
fn umlauts_fold_whichever_way_they_are_typed() {
    let plain = example_hits("fluechtlinge");
    assert!(targets(&plain).contains(&KIM));
    assert_eq!(example_hits("flüchtlinge"), plain);
    assert_eq!(example_hits("Flüchtlinge"), plain);
    assert_eq!(example_hits("FLÜCHTLINGE"), plain);
    assert_eq!(example_hits("traeger"), example_hits("Träger"));
    // Typed without them, as on a keyboard that has none.
    assert_eq!(example_hits("fluchtlinge"), plain);
    assert_eq!(example_hits("trager"), example_hits("Träger"));
    // The one-time search of `agenda search` finds the same.
    let data = example();
    for query in ["fluchtlinge", "trager", "gesprache"] {
        let index = agenda::search::Index::build(&data);
        let hits = index.search(&data, query, usize::MAX);
        assert!(!hits.is_empty(), "{query}");
        assert_eq!(
            agenda::search::Index::search_once(&data, query),
            hits,
            "{query}"
        );
    }
}

#[test]
fn a_quote_wants_the_letters_as_typed() {
    assert!(!example_hits("integrationsmangement").is_empty());
    assert_eq!(example_hits("'integrationsmangement"), []);
    // Anywhere in a word, though: "gration" in "Integration".
    assert!(targets(&example_hits("'gration")).contains(&KIM));
}

#[test]
fn a_caret_wants_the_start_of_a_word() {
    assert!(
        !example_hits("management").is_empty(),
        "inside the compound"
    );
    assert_eq!(example_hits("^management"), []);
    assert!(targets(&example_hits("^integrations")).contains(&KIM));
    assert_eq!(example_hits("^integrationsmangement"), [], "no letters off");
}

#[test]
fn an_exclamation_mark_leaves_out_records_that_have_the_word() {
    // Questions 2 and 3 speak of freie Träger; 3 of "freien Trägern".
    let both = targets(&example_hits("traeger"));
    assert_eq!(both, [question(2), question(3)]);
    assert_eq!(targets(&example_hits("traeger !freien")), [question(2)]);
    assert_eq!(targets(&example_hits("!freien traeger")), [question(2)]);
    // "!'wort" is the same as "!wort"; "!^wort" only at a word's start.
    assert_eq!(targets(&example_hits("traeger !'freien")), [question(2)]);
    assert_eq!(targets(&example_hits("traeger !^reien")), both);
    assert_eq!(
        targets(&example_hits("traeger !reien")),
        [question(2)],
        "inside a word"
    );
    // The whole record goes, though the word is in another of its fields:
    // the question's text has "Stellen", its answer "Soziales".
    let kim_question = Target::Question {
        motion: 0,
        question: 0,
    };
    assert!(targets(&hits("stellen")).contains(&kim_question));
    assert!(!targets(&hits("stellen !soziales")).contains(&kim_question));
    // Exclusions alone look for nothing.
    assert_eq!(example_hits("!kim"), []);
}

#[test]
fn whole_words_rank_above_starts_above_parts_above_letters_off() {
    // In data order the weakest first, so only the ranking can sort them.
    let motion = |id: &str, title: &str| {
        format!("[motion]\nid = \"{id}\"\nkind = \"Anfrage\"\ntitle = \"{title}\"\n")
    };
    let files = [
        ("m/a.toml", motion("a", "Vergabe der Pläzte")),
        ("m/b.toml", motion("b", "Kitaplätze in Nord")),
        ("m/c.toml", motion("c", "Plätzevergabe")),
        ("m/d.toml", motion("d", "Freie Plätze")),
    ];
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let dir = data_dir(&files);
    let data = agenda::store::load(dir.path()).data;
    let ranked: Vec<&str> = Index::build(&data)
        .search(&data, "plaetze", 10)
        .iter()
        .map(|h| match h.target {
            Target::Motion { motion } => data.motions[motion].id.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(ranked, ["d", "c", "b", "a"]);
}

#[test]
fn narrowing_as_the_query_grows_finds_what_a_fresh_search_finds() {
    let data = example();
    let index = Index::build(&data);
    let typed = [
        "integrationsmangement",
        "kim freie traeger",
        "traeger !freien x",
        "'gration ^lan",
        "07.09.2022 soz",
    ];
    for query in typed {
        let mut previous: Option<(String, Vec<(u32, i64)>)> = None;
        for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
            let now = &query[..end];
            let fresh = index.matching(&data, now, None, &|| false).unwrap();
            if let Some((before, matches)) = &previous
                && agenda::search::narrows(before, now)
            {
                let narrowed = index
                    .matching(&data, now, Some(matches), &|| false)
                    .unwrap();
                assert_eq!(narrowed, fresh, "{before:?} → {now:?}");
            }
            previous = Some((now.to_string(), fresh));
        }
    }
}

#[test]
fn highlighting_marks_the_word_that_matched() {
    let data = example();
    let title = &data.motions[0].title;
    let at = highlight(title, "integrationsmangement");
    let chars: Vec<char> = title.chars().collect();
    let marked: String = at.iter().map(|&i| chars[i]).collect();
    assert_eq!(
        marked, "Integrationsmangement",
        "the letters of the word that stand"
    );
    assert!(
        at.iter().all(|&i| (47..70).contains(&i)),
        "{at:?} inside the word"
    );
}

// ---- The corpus generator's words ----

#[path = "../examples/corpus/mod.rs"]
mod corpus;

#[test]
fn the_corpus_vocabulary_is_found_word_by_word() {
    let dir = tempfile::tempdir().unwrap();
    let scale = corpus::Scale {
        sessions: 10,
        items_per_session: 5,
        motions: 40,
        questions: 200,
    };
    corpus::write(dir.path(), scale, 7).unwrap();
    let data = agenda::store::load(dir.path()).data;
    let index = Index::build(&data);
    let count = |query: &str| index.search(&data, query, usize::MAX).len();
    let whole = count("kindertagesstaetten");
    assert!(whole > 0);
    assert_eq!(count("Kindertagesstätten"), whole);
    assert_eq!(count("kindertagestaetten"), whole, "a letter missing");
    assert!(count("kinder") >= whole, "the start of the word");
    assert!(count("tagesstaetten") >= whole, "a part of the compound");
    assert_eq!(count("'kindertagestaetten"), 0);
    assert!(count("hochwaserschutz") > 0);
    assert!(count("obdachlos") > 0, "Obdachlosenhilfe is a topic there");
    // Words that are in no text of it.
    assert_eq!(count("flughafen"), 0);
    assert_eq!(count("kinderpornografie"), 0);
}

#[test]
fn the_command_line_says_when_nothing_matches() {
    let home = tempfile::tempdir().unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/example");
    let run = |lang: &str, query: &str| {
        common::agenda(home.path())
            .args(["search", "--lang", lang])
            .arg(&example)
            .arg(query)
            .output()
            .unwrap()
    };
    let out = run("en", "obdachlos");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "Nothing found for \"obdachlos\".\n"
    );
    let out = run("de", "obdachlos");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "Nichts gefunden für „obdachlos“.\n"
    );
    let out = run("en", "integrationsmangement");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("kim-bericht-2022")
    );
    // A folder that is not there is an error, not an empty answer.
    let out = common::agenda(home.path())
        .args(["search", "--lang", "en", "/no/such/folder", "kim"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Every field of `data`, as the index knows them.
fn every_field(data: &agenda::model::Dataset) -> Vec<(Target, FieldKind)> {
    let mut out = Vec::new();
    for (s, session) in data.sessions.iter().enumerate() {
        let target = Target::Session { session: s };
        out.extend(
            [FieldKind::SessionId, FieldKind::Committee, FieldKind::Date].map(|k| (target, k)),
        );
        for item in 0..session.agenda.len() {
            let target = Target::AgendaItem { session: s, item };
            out.extend([FieldKind::ItemNumber, FieldKind::ItemTitle].map(|k| (target, k)));
        }
    }
    for (m, motion) in data.motions.iter().enumerate() {
        let target = Target::Motion { motion: m };
        let kinds = [
            FieldKind::MotionId,
            FieldKind::MotionKind,
            FieldKind::MotionTitle,
            FieldKind::Submitters,
            FieldKind::Signatories,
            FieldKind::Reference,
            FieldKind::Office,
            FieldKind::Proposal,
            FieldKind::Rationale,
        ];
        out.extend(kinds.map(|k| (target, k)));
        for question in 0..motion.questions.len() {
            let target = Target::Question {
                motion: m,
                question,
            };
            let kinds = [
                FieldKind::QuestionNumber,
                FieldKind::QuestionText,
                FieldKind::Assignee,
                FieldKind::Answer,
            ];
            out.extend(kinds.map(|k| (target, k)));
        }
    }
    out
}

#[test]
fn a_phrase_finds_exactly_the_records_whose_text_holds_it() {
    let data = example();
    let index = Index::build(&data);
    for phrase in [
        "07.09.2022",
        "kim-bausteinen",
        "case-manager",
        "koordination/strategie",
    ] {
        let needle = agenda::search::fold(phrase);
        let mut expected: Vec<Target> = every_field(&data)
            .into_iter()
            .filter(|&(t, k)| {
                agenda::search::fold(&agenda::search::field_text(&data, t, k)).contains(&needle)
            })
            .map(|(t, _)| t)
            .collect();
        expected.dedup();
        let mut found: Vec<Target> = index
            .search(&data, phrase, usize::MAX)
            .into_iter()
            .map(|h| h.target)
            .collect();
        found.sort_by_key(|t| format!("{t:?}"));
        expected.sort_by_key(|t| format!("{t:?}"));
        assert!(!expected.is_empty(), "{phrase} is in the example");
        assert_eq!(found, expected, "{phrase}");
    }
}

#[test]
fn a_scan_for_one_search_finds_what_the_index_finds_ranked_alike() {
    let dir = tempfile::tempdir().unwrap();
    // More motions than one part of the index holds: the scan goes part by part.
    let scale = corpus::Scale {
        sessions: 20,
        motions: 2100,
        questions: 3000,
        ..corpus::Scale::YEAR
    };
    corpus::write(dir.path(), scale, 11).unwrap();
    let mut datasets = vec![agenda::store::load(dir.path()).data, example()];
    datasets.push(agenda::store::load(council().path()).data);
    let queries = [
        "kindertagesstaetten",
        "kinder",
        "integrationsmangement",
        "amt soziales",
        "'gration ^lan",
        "traeger !freien",
        "07.09.2022",
        "kim-bausteinen",
        "12.10.2022 bau",
        "zwqx",
        "sanierung hauptstr",
        "^sta",
        "a",
    ];
    let mut found = 0;
    for data in &datasets {
        let index = Index::build(data);
        for query in queries {
            let hits = index.search(data, query, usize::MAX);
            found += hits.len();
            assert_eq!(Index::search_once(data, query), hits, "{query}");
        }
    }
    assert!(found > 100, "the queries find something: {found}");
}

#[test]
fn a_word_in_both_the_id_and_the_title_shows_the_title() {
    // "kim" stands in the id kim-bericht-2022 and in the title's "(KIM)".
    let hits = example_hits("kim");
    let motion = hits.iter().find(|(t, _)| *t == KIM).expect("the motion");
    assert_ne!(motion.1, FieldKind::MotionId, "{hits:?}");
}
