//! The letter parser on the real source letter and on letters of our own in
//! each layout real councils use (see shared/letters/README.md), extraction
//! damage included; property tests that no input makes it panic; bounds on
//! its speed.
//!
//! Each letter of our own is `tests/letters/NAME.txt`; the Letter it must
//! become is `NAME.toml` beside it, with the keys of `Letter` (absent keys
//! are empty, questions are `[[question]]` tables as in motion files).

use agenda::letter::{Letter, parse};
use agenda::model::Signatory;
use chrono::NaiveDate;
use proptest::prelude::*;

const KIM: &str = include_str!("letters/antrag-kim-siegen-2022-08-19.txt");
const KIM_MOTION: &str = include_str!("../config/example/antraege/kim-bericht-2022.toml");

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn person(name: &str, role: Option<&str>) -> Signatory {
    Signatory {
        name: name.to_owned(),
        role: role.map(str::to_owned),
    }
}

/// The example motion made from the source letter: what the letter must become.
struct Motion(toml::Table);

impl Motion {
    fn load() -> Motion {
        Motion(KIM_MOTION.parse().expect("example motion is TOML"))
    }

    fn motion(&self, key: &str) -> &toml::Value {
        &self.0["motion"][key]
    }

    fn text(&self, key: &str) -> String {
        self.motion(key).as_str().expect("a string").to_owned()
    }

    fn signatories(&self) -> Vec<Signatory> {
        let list = self.motion("signatories").as_array().expect("a list");
        list.iter()
            .map(|s| person(s["name"].as_str().unwrap(), s["role"].as_str()))
            .collect()
    }

    fn questions(&self) -> Vec<(String, String)> {
        let list = self.0["question"].as_array().expect("questions");
        list.iter()
            .map(|q| {
                let text = q["text"].as_str().unwrap().to_owned();
                (q["number"].as_str().unwrap().to_owned(), text)
            })
            .collect()
    }
}

#[test]
fn the_source_letter_becomes_the_example_motion() {
    let motion = Motion::load();
    let expected = Letter {
        kind: some("Antrag"),
        basis: some("§ 9 GeschO"),
        title: Some(motion.text("title")),
        submitted: date(2022, 8, 19),
        submitters: strings(&["CDU", "SPD"]),
        signatories: motion.signatories(),
        addressee: Some(motion.text("addressee")),
        reference: None,
        committee: some("Ausschuss für Soziales, Familien und Senioren"),
        session_date: date(2022, 9, 7),
        proposal: Some(motion.text("proposal")),
        rationale: Some(motion.text("rationale")),
        questions: motion.questions(),
        unsure: vec![],
    };
    assert_eq!(parse(KIM), expected);
    // Spelled out once, so that a change to the example cannot hide a change here.
    assert_eq!(
        expected.addressee.as_deref(),
        Some("Herrn Bürgermeister Steffen Mues, Universitätsstadt Siegen")
    );
    assert_eq!(
        expected.signatories,
        [
            person("Marc Klein", Some("Fraktionsvorsitzender der CDU")),
            person("Detlef Rujanski", Some("Fraktionsvorsitzender der SPD")),
        ]
    );
    let numbers: Vec<&str> = expected.questions.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
}

#[test]
fn the_source_letter_survives_pdf_extraction() {
    // No Markdown, no blank lines, Windows line ends, the kind line wrapped.
    let flat: String = KIM
        .replace("**", "")
        .replace(
            "Siegen zur nächsten Sitzung des",
            "Siegen zur nächsten Sitzung\ndes",
        )
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\r\n");
    let mut expected = parse(KIM);
    // Without bold the title is a guess.
    expected.unsure = vec!["title"];
    assert_eq!(parse(&flat), expected);
}

macro_rules! letters {
    ($($test:ident => $name:literal,)*) => {$(
        #[test]
        fn $test() {
            let text = include_str!(concat!("letters/", $name, ".txt"));
            let expected = include_str!(concat!("letters/", $name, ".toml"));
            assert_eq!(parse(text), expected_letter(expected));
        }
    )*};
}

letters! {
    classic_letter_with_numbered_decisions => "antrag-schulwege",
    group_letterhead_with_unlabelled_reasons => "linke-notunterkunft",
    flattened_form_table => "form-bruecke",
    ris_paper_export => "ris-radwege",
    preamble_with_its_own_list => "vorbemerkung-kita",
    bullets_with_follow_up_questions => "bullets-hallenbad",
    web_page_copy => "web-sitzbaenke",
    nested_numbering_and_side_by_side_signatures => "nested-grosse-anfrage",
    single_councillor_with_bracketed_numbers => "pruefauftrag-laerm",
    citizens_suggestion_without_structure => "anregung-spielplatz",
}

/// Keys `Letter::unsure` may hold.
const UNSURE_KEYS: [&str; 12] = [
    "kind",
    "basis",
    "title",
    "submitted",
    "submitters",
    "signatories",
    "addressee",
    "reference",
    "session",
    "proposal",
    "rationale",
    "questions",
];

/// The Letter a fixture's TOML describes. An unknown key fails, so that a
/// misspelt expectation cannot pass unnoticed.
fn expected_letter(source: &str) -> Letter {
    let table: toml::Table = source.parse().expect("fixture is TOML");
    let text = |v: &toml::Value| v.as_str().expect("a string").to_owned();
    let list = |v: &toml::Value| v.as_array().expect("a list").clone();
    let day = |v: &toml::Value| {
        let d = v.as_datetime().and_then(|d| d.date).expect("a date");
        date(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    };
    let mut letter = Letter::default();
    for (key, value) in &table {
        match key.as_str() {
            "kind" => letter.kind = Some(text(value)),
            "basis" => letter.basis = Some(text(value)),
            "title" => letter.title = Some(text(value)),
            "submitted" => letter.submitted = day(value),
            "submitters" => letter.submitters = list(value).iter().map(text).collect(),
            "signatories" => {
                letter.signatories = list(value)
                    .iter()
                    .map(|s| {
                        person(
                            s["name"].as_str().unwrap(),
                            s.get("role").and_then(|r| r.as_str()),
                        )
                    })
                    .collect();
            }
            "addressee" => letter.addressee = Some(text(value)),
            "reference" => letter.reference = Some(text(value)),
            "committee" => letter.committee = Some(text(value)),
            "session_date" => letter.session_date = day(value),
            "proposal" => letter.proposal = Some(text(value)),
            "rationale" => letter.rationale = Some(text(value)),
            "question" => {
                letter.questions = list(value)
                    .iter()
                    .map(|q| (text(&q["number"]), text(&q["text"])))
                    .collect();
            }
            "unsure" => {
                letter.unsure = list(value)
                    .iter()
                    .map(|k| {
                        let k = text(k);
                        *UNSURE_KEYS
                            .iter()
                            .find(|u| **u == k)
                            .unwrap_or_else(|| panic!("unsure key {k}"))
                    })
                    .collect();
            }
            other => panic!("unknown key {other}"),
        }
    }
    letter
}

#[test]
#[should_panic(expected = "unknown key titel")]
fn a_misspelt_expectation_fails() {
    expected_letter("titel = \"x\"");
}

#[test]
fn nothing_is_invented_from_nothing() {
    for text in [
        "",
        "\n\n",
        "**",
        "Mit freundlichen Grüßen",
        "Herrn\nFrau",
        "-- 1 of 1 --",
    ] {
        assert_eq!(parse(text), Letter::default(), "{text:?}");
    }
}

/// A long letter (about twenty pages) keeps every question and its
/// signatures. (How fast it parses is measured by `cargo bench`.)
#[test]
fn a_long_letter_keeps_all_its_questions() {
    let mut questions = String::new();
    for n in 4..=400 {
        questions.push_str(&format!(
            "{n}. Wie viele Stellen fallen im Rahmen der Landesinitiative auf die\n   Stadt, und \
             wie viele davon sind schon besetzt? Wenn ja,\n   seit wann?\n"
        ));
    }
    let reasons = "Die Verwaltung berichtet regelmäßig über den Stand.\n".repeat(2000);
    let text = KIM
        .replace(
            "\n\n**Begründung:**",
            &format!("\n{questions}\n**Begründung:**"),
        )
        .replace("o. g. Fragen.", &format!("o. g. Fragen.\n\n{reasons}"));
    let letter = parse(&text);
    assert_eq!(letter.kind.as_deref(), Some("Antrag"));
    assert_eq!(letter.questions.len(), 400);
    assert_eq!(letter.signatories.len(), 2);
}

/// Text built to hit each step's worst case, bigger than any letter, is
/// read without a panic or a runaway (a step that rescanned all lines per
/// line would make this test take minutes; the bench measures the speed).
#[test]
fn hostile_text_is_read_without_a_panic() {
    let hostile = [
        format!("Fraktion {}", "Fraktion DIE ".repeat(20_000)),
        format!("Anfrage\n{}", "Datum Nummer ".repeat(20_000)),
        format!("Anfrage\n{}", "Datum\n".repeat(20_000)),
        "1. Wie\n".repeat(20_000),
        "- a\n   b\n".repeat(20_000),
        "Herrn\n".repeat(20_000),
        "Mit freundlichen Grüßen\nMarc Klein\n(Rolle)\n".repeat(10_000),
        "CDU- und ".repeat(20_000) + "SPD-Fraktion",
        "Sitzung des Ausschusses ".repeat(20_000),
        "Wort-\n".repeat(20_000),
        "Seite 1 von 2\n\n".repeat(20_000),
    ];
    for text in &hostile {
        let letter = parse(text);
        // No question is made up of what is no letter.
        assert!(letter.questions.len() <= 20_000);
    }
}

/// Lines of the kinds letters are made of, to mix in any order.
fn letter_line() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "",
        "Anfrage",
        "Antrag gemäß § 9 der Geschäftsordnung zur Sitzung des Rates am 07.09.2022",
        "Große Anfrage",
        "Anfrage: GRÜNE",
        "Datum:",
        "Datum      Nummer",
        "19.08.2022",
        "Vorlage Nr.: 2026/0528",
        "Gremien Termin TOP Ö / N Zuständigkeit",
        "Gemeinderat 28.07.2026 49 Ö Kenntnisnahme",
        "An die Stadt",
        "Herrn Bürgermeister",
        "Sehr geehrte Damen und Herren,",
        "die Fraktionen von CDU und SPD bitten:",
        "Beschlussvorschlag:",
        "Begründung:",
        "Vorbemerkung:",
        "Wir fragen den Magistrat:",
        "1. Wie viele?",
        "1.1 Wann?",
        "a) im Norden,",
        "(2) Warum",
        "- Gibt es Pläne?",
        "• zur Nachfrage,",
        "Wenn ja, mit welchem Ergebnis?",
        "   eingerückt weiter",
        "Seite 1 von 2",
        "-- 1 of 1 --",
        "Mit freundlichen Grüßen",
        "gezeichnet: Anna Beispiel (Fraktionsvorsitzende)",
        "Unterzeichnet von:",
        "Marc Klein     Detlef Rujanski",
        "(Fraktionsvorsitzender der CDU)",
        "**",
        "§",
        "§§ 1",
        "Sitzung des",
        "1.",
        "-",
        "Trennung-",
    ])
    .prop_map(str::to_owned);
    prop_oneof![4 => fixed, 1 => "\\PC{0,40}", 1 => "[ \\t0-9.()§:*-]{0,12}"]
}

proptest! {
    // No failure files: tests must not write into the repository.
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_letter_like_lines(
        lines in prop::collection::vec(letter_line(), 0..60),
        ends in prop::sample::select(vec!["\n", "\r\n", "\n\n", "\u{c}"]),
    ) {
        let letter = parse(&lines.join(ends));
        for (number, text) in &letter.questions {
            prop_assert!(!text.contains('\n'), "question on one line: {text:?}");
            prop_assert!(!number.ends_with(['.', ')']), "number as written: {number:?}");
        }
        for text in [&letter.proposal, &letter.rationale, &letter.title].into_iter().flatten() {
            prop_assert!(!text.is_empty() && text.trim() == text, "trimmed: {text:?}");
            prop_assert!(!text.contains("**"), "no Markdown: {text:?}");
        }
    }
}

#[test]
fn a_kind_line_wrapped_over_three_lines_keeps_the_title_apart() {
    // As a PDF in an 11 pt font breaks it: the committee's name and the
    // session's date on lines of their own, the first of them capitalised.
    let letter = "An die Stadt Musterstadt\nHerrn Oberbürgermeister\n\
        Datum:\n02.03.2027\n\
        Anfrage gemäß § 12 der Geschäftsordnung für den Rat der Stadt\n\
        Musterstadt zur nächsten Sitzung des Ausschusses für Umwelt, Klima\n\
        und Mobilität am 18.03.2027\n\
        Sicherheit der Radwege an Grundschulen\n\
        Sehr geehrter Herr Oberbürgermeister,\n\
        bitte beantworten Sie folgende Fragen:\n\
        1. Wie viele Unfälle gab es?\n2. Wo fehlen Radwege?\n\
        Mit freundlichen Grüßen\nAnna Grün\n";
    let parsed = parse(letter);
    assert_eq!(
        parsed.title.as_deref(),
        Some("Sicherheit der Radwege an Grundschulen")
    );
    assert_eq!(parsed.session_date, date(2027, 3, 18));
    assert_eq!(parsed.questions.len(), 2);
}
