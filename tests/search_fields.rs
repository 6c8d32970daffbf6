//! What a search finds beside titles and texts: the ids `agenda search`
//! prints, who signed, the council's paper number and the office in
//! charge (what staff often know a paper by).

use crate::common;

use agenda::search::{FieldKind, Index, Target};

use crate::search::{KIM, example_hits};

#[test]
fn the_session_id_and_who_signed_are_found() {
    let hits = example_hits("soz-2022-09-07");
    assert!(
        hits.iter().any(|(_, field)| *field == FieldKind::SessionId),
        "{hits:?}"
    );
    // Marc Klein signed the KIM motion.
    let hits = example_hits("klein");
    assert!(hits.contains(&(KIM, FieldKind::Signatories)), "{hits:?}");
}

#[test]
fn a_paper_is_found_by_its_number_and_its_office_in_the_finder_and_agenda_search() {
    let motion = "[motion]\nid = \"laerm\"\nkind = \"Anfrage\"\ntitle = \"Lärmschutz an der B 54\"\n\
        reference = \"AN/0050/2027\"\noffice = \"Amt für Umwelt\"\n\n\
        [[question]]\nnumber = \"1\"\ntext = \"Wie laut ist es?\"\nstatus = \"open\"\n";
    let dir = common::data_dir(&[("antraege/laerm.toml", motion.as_bytes())]);
    let data = agenda::store::load(dir.path()).data;
    let laerm = Target::Motion { motion: 0 };
    for (query, field) in [
        ("AN/0050/2027", FieldKind::Reference),
        ("0050", FieldKind::Reference),
        ("amt fur umwelt", FieldKind::Office),
    ] {
        let hits = Index::build(&data).search(&data, query, 10);
        assert!(
            hits.iter().any(|h| h.target == laerm && h.field == field),
            "{query}: {hits:?}"
        );
        let once = Index::search_once(&data, query);
        assert!(once.iter().any(|h| h.target == laerm), "{query}: {once:?}");
    }
    // The hit names the motion by its title, which did not match.
    let texts = agenda::i18n::Lang::De.texts();
    let (kind, path) = agenda::search::describe(&data, (laerm, FieldKind::Reference), texts);
    assert_eq!(kind, "Anfrage");
    assert_eq!(path.last().map(String::as_str), Some("Lärmschutz an der …"));
    let (_, path) = agenda::search::describe(&data, (laerm, FieldKind::MotionTitle), texts);
    assert!(!path.iter().any(|p| p.contains("Lärmschutz")), "{path:?}");
}

#[test]
fn a_hit_in_a_text_of_several_lines_shows_on_one_line_without_break_symbols() {
    let motion = "[motion]\nid = \"laerm\"\nkind = \"Anfrage\"\ntitle = \"Lärmschutz\"\n\n\
        [[question]]\nnumber = \"1\"\ntext = \"Wie laut ist es?\"\nstatus = \"answered\"\n\
        answer = \"\"\"\nTagsüber 70 dB.\nNachts 55 dB an der Kreuzung.\"\"\"\n";
    let dir = common::data_dir(&[("antraege/laerm.toml", motion.as_bytes())]);
    let mut app = common::app(dir.path());
    common::find(&mut app, "nachts");
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("Tagsüber 70 dB. Nachts 55 dB"), "{screen}");
    assert!(!screen.contains('␊'), "{screen}");
}

#[test]
fn a_word_start_typed_without_its_umlaut_finds_the_word() {
    // "Träger" in questions 2 and 3; "^trager" says where a word begins,
    // not how it is spelt. "'trager" is as written: nothing.
    let hits = example_hits("^trager");
    assert!(
        hits.iter()
            .any(|(t, _)| matches!(t, Target::Question { question: 1, .. })),
        "{hits:?}"
    );
    assert!(example_hits("'trager").is_empty());
}
