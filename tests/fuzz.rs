//! Property tests: the loader survives any bytes, and saving any value
//! gives back that value and keeps every byte outside the changed question.
//! Bounded (proptest's case count), so they run in every `cargo test`.

use crate::common;

use agenda::model::Status;
use agenda::store::{self, Field, Stamp};
use proptest::prelude::*;

const MOTION: &str = include_str!("../config/example/antraege/kim-bericht-2022.toml");
const SESSION: &str = include_str!("../config/example/sitzungen/soz-2022-09-07.toml");

fn stamp() -> Stamp {
    common::stamp("fuzz", "2022-09-01T10:00:00")
}

/// Loads `bytes` as the only file of a folder: never a panic, every
/// diagnostic inside the file, and the file untouched.
fn load_bytes(bytes: &[u8]) {
    let dir = common::data_dir(&[("x.toml", bytes)]);
    let loaded = store::load(dir.path());
    let lines = bytes.split(|b| *b == b'\n').count();
    for d in &loaded.diagnostics {
        if let Some(at) = d.location {
            assert!(
                at.line >= 1 && at.line <= lines,
                "{d:?} outside {lines} lines"
            );
            assert!(at.column >= 1);
        }
    }
    assert_eq!(std::fs::read(dir.path().join("x.toml")).unwrap(), bytes);
}

proptest! {
    // No failure files: tests must not write into the repository.
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        load_bytes(&bytes);
    }

    #[test]
    fn a_damaged_motion_file_loads_without_panic(
        edits in proptest::collection::vec((0usize..4000, any::<u8>(), 0u8..3), 1..8)
    ) {
        let mut bytes = MOTION.as_bytes().to_vec();
        for (at, byte, how) in edits {
            let at = at % (bytes.len() + 1);
            match how {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => { bytes.remove(at); }
                _ if at < bytes.len() => bytes[at] = byte,
                _ => {}
            }
        }
        load_bytes(&bytes);
    }

    #[test]
    fn a_saved_value_loads_back_and_nothing_else_moves(
        status in prop_oneof![Just(Status::Open), Just(Status::InProgress), Just(Status::Answered)],
        answer in proptest::option::of("(?s).{0,80}"),
        assignee in proptest::option::of("[^\u{0}]{0,20}"),
        day in 1u32..=28,
    ) {
        let dir = common::data_dir(&[("m.toml", MOTION.as_bytes()), ("s.toml", SESSION.as_bytes())]);
        let loaded = store::load(dir.path());
        let source = loaded.data.sources[0].clone();
        prop_assert_eq!(&source.path, std::path::Path::new("m.toml"));
        let due = chrono::NaiveDate::from_ymd_opt(2022, 9, day);
        let fields = [
            Field::Status(status),
            Field::Answer(answer.clone()),
            Field::Assignee(assignee.clone()),
            Field::Due(due),
        ];
        store::save_question(dir.path(), &source, 1, "2", &fields, &stamp()).unwrap();

        let after = store::load(dir.path());
        // The one warning allowed: answered without an answer text.
        let unanswered = status == Status::Answered
            && answer.as_deref().is_none_or(|a| a.trim().is_empty());
        let expected = usize::from(unanswered);
        prop_assert_eq!(after.diagnostics.len(), expected, "{:?}", after.diagnostics);
        let question = &after.data.motions[0].questions[1];
        prop_assert_eq!(question.status, status);
        prop_assert_eq!(&question.answer, &answer);
        prop_assert_eq!(&question.assignee, &assignee);
        prop_assert_eq!(question.due, due);
        // Every other question and the motion itself are as they were.
        let (before, now) = (&loaded.data.motions[0], &after.data.motions[0]);
        prop_assert_eq!(&before.questions[0], &now.questions[0]);
        prop_assert_eq!(&before.questions[2], &now.questions[2]);
        prop_assert_eq!(&before.title, &now.title);
        // And every byte before question 2 and from question 3 on is untouched.
        let text = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
        let second = MOTION.match_indices("[[question]]").nth(1).unwrap().0;
        let third = MOTION.match_indices("[[question]]").nth(2).unwrap().0;
        prop_assert_eq!(&text[..second], &MOTION[..second]);
        prop_assert!(text.ends_with(&MOTION[third..]));
    }
}
