//! One test per class of load problem: the exact place and words, the rest
//! of the folder still loading, and nothing on disk changed.

use crate::common;

use agenda::store::{self, IoCause, Problem};
use common::{contents, data_dir, motion, problems, session};

/// Loads a folder holding `files` plus a good session and motion, checks the
/// rendered problems equal `expected`, that the good records still load, and
/// that the folder is byte for byte as before.
fn assert_problems(files: &[(&str, &[u8])], expected: &[&str]) {
    let good_session = session("good", "2022-09-07", "");
    let good_motion = motion("good-motion", Some("good"), &["open"]);
    let mut all: Vec<(&str, &[u8])> = files.to_vec();
    all.push(("zz-good/session.toml", good_session.as_bytes()));
    all.push(("zz-good/motion.toml", good_motion.as_bytes()));
    let dir = data_dir(&all);
    let before = contents(dir.path());

    assert_eq!(problems(dir.path()), expected);

    let loaded = store::load(dir.path());
    assert!(
        loaded.data.session("good").is_some(),
        "a broken file hid a good session"
    );
    assert!(
        loaded.data.motion("good-motion").is_some(),
        "a broken file hid a good motion"
    );
    assert_eq!(
        contents(dir.path()),
        before,
        "loading changed files on disk"
    );
}

#[test]
fn toml_syntax_error() {
    assert_problems(
        &[("broken.toml", b"[motion\nid = \"x\"\n")],
        &[
            "broken.toml:1:8: error: The file is not valid TOML (unclosed table, expected `]`). Correct this spot in a text editor.",
        ],
    );
}

#[test]
fn date_written_as_german_text() {
    let file = session("s", "\"07.09.2022\"", "");
    assert_problems(
        &[("s.toml", file.as_bytes())],
        &[
            "s.toml:4:8: error: \"date\" must be a date like 2022-09-07 (no quotes), found a text. Write: date = 2022-09-07",
        ],
    );
}

#[test]
fn date_written_as_people_write_it_without_quotes_and_what_names_that_session() {
    // The session's date as typed by hand: the file does not read, and a
    // motion naming the session is sent to that file, not told to make one.
    let file = session("s", "07.09.2022", "");
    let named = motion("m", Some("s"), &["open"]);
    assert_problems(
        &[("s.toml", file.as_bytes()), ("m.toml", named.as_bytes())],
        // The cause first, then what follows from it in other files.
        &[
            "s.toml:4:8: error: \"date\" must be a date like 2022-09-07 (no quotes), found a date written another way. Write: date = 2022-09-07",
            "m.toml:5:11: error: The motion names the session \"s\"; its file s.toml has errors and cannot be read. Fix the errors there (do not make a new session file).",
        ],
    );
}

#[test]
fn a_date_with_a_comment_or_without_zeros_and_a_list_left_open_are_each_one_problem() {
    let commented = session("s", "7.9.22  # verschoben", "");
    let bare = session("t", "2022-9-7", "");
    let open = session(
        "u",
        "2022-09-07",
        "\n[[agenda]]\nnumber = \"1\"\ntitle = \"A\"\nmotions = [\"good-motion\"\n\n[[agenda]]\nnumber = \"2\"\ntitle = \"B\"\n",
    );
    assert_problems(
        &[
            ("s.toml", commented.as_bytes()),
            ("t.toml", bare.as_bytes()),
            ("u.toml", open.as_bytes()),
        ],
        &[
            "s.toml:4:8: error: \"date\" must be a date like 2022-09-07 (no quotes), found a date written another way. Write: date = 2022-09-07",
            "t.toml:4:8: error: \"date\" must be a date like 2022-09-07 (no quotes), found a date written another way. Write: date = 2022-09-07",
            "u.toml:11:1: error: The file is not valid TOML (missing comma between array elements, expected `,`). Correct this spot in a text editor.",
        ],
    );
}

#[test]
fn the_toml_parsers_words_are_german_in_german() {
    let dir = data_dir(&[("m.toml", b"[motion]\nid = \"m\"\ntitle = \"offen\n")]);
    let loaded = store::load(dir.path());
    let said = agenda::i18n::diagnostic(
        std::path::Path::new(""),
        &loaded.diagnostics[0],
        agenda::i18n::Lang::De.texts(),
    );
    assert_eq!(
        said,
        "m.toml:3:15: Fehler: Die Datei ist kein gültiges TOML (ein Text ohne schließendes Anführungszeichen \"). Korrigieren Sie die Stelle in einem Texteditor."
    );
}

#[test]
fn a_control_character_is_named_at_its_place_not_taken_for_a_missing_quote() {
    assert_problems(
        &[
            ("t.toml", b"[motion]\nid = \"t\"\ntitle = \"A\x1b[31mB\"\n"),
            ("c.toml", b"[motion]\nid = \"c\"\n# rot \x1b[31m\n"),
        ],
        &[
            "c.toml:3:7: error: A control character (U+001B) stands here, which TOML does not allow – often a colour code copied along. Delete it in a text editor.",
            "t.toml:3:11: error: A control character (U+001B) stands here, which TOML does not allow – often a colour code copied along. Delete it in a text editor.",
        ],
    );
}

#[test]
fn agenda_number_written_as_integer() {
    let file = session(
        "s",
        "2022-09-07",
        "\n[[agenda]]\nnumber = 4\ntitle = \"Bericht\"\n",
    );
    assert_problems(
        &[("s.toml", file.as_bytes())],
        &[
            "s.toml:7:10: error: \"number\" must be a text in quotes, found a number. Write: number = \"4\"",
        ],
    );
}

#[test]
fn missing_required_fields() {
    assert_problems(
        &[(
            "m.toml",
            b"[motion]\nid = \"m\"\nkind = \"Antrag\"\n\n[[question]]\nnumber = \"1\"\n",
        )],
        &[
            "m.toml:1:1: error: [motion] lacks the required \"title\". Add a line title = \u{2026}",
            "m.toml:5:1: error: [[question]] lacks the required \"text\". Add a line text = \u{2026}",
        ],
    );
}

#[test]
fn empty_id() {
    assert_problems(
        &[(
            "m.toml",
            b"[motion]\nid = \" \"\nkind = \"Antrag\"\ntitle = \"T\"\n",
        )],
        &["m.toml:2:6: error: \"id\" is empty. Enter a value."],
    );
}

#[test]
fn duplicate_ids_name_both_files() {
    let first = motion("dup", None, &[]);
    let second = motion("dup", None, &["open"]);
    assert_problems(
        &[
            ("a/first.toml", first.as_bytes()),
            ("b/second.toml", second.as_bytes()),
        ],
        &[
            "a/first.toml:2:1: error: The id \"dup\" (motion) is also used in b/second.toml, line 2. Ids must be unique: change one of them. Both are shown meanwhile; references by this id go to this file.",
            "b/second.toml:2:1: error: The id \"dup\" (motion) is also used in a/first.toml, line 2. Ids must be unique: change one of them. Both are shown meanwhile; references by this id go to a/first.toml.",
        ],
    );
    // Neither disappears: the copy stays under an id of its own.
    let dir = data_dir(&[
        ("a/first.toml", first.as_bytes()),
        ("b/second.toml", second.as_bytes()),
    ]);
    let loaded = store::load(dir.path());
    let ids: Vec<&str> = loaded.data.motions.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["dup", "dup#2"]);
    assert_eq!(loaded.data.motion("dup").unwrap().questions.len(), 0);
}

#[test]
fn of_two_sessions_with_one_id_the_file_named_for_it_keeps_it() {
    // A copy made by hand whose name sorts first.
    let session = |committee: &str| {
        format!(
            "[session]\nid = \"soz\"\ncommittee = \"{committee}\"\ndate = 2022-09-07\n\n[[agenda]]\nnumber = \"1\"\ntitle = \"Antrag\"\nmotions = [\"m\"]\n"
        )
    };
    let placed = motion("m", Some("soz"), &["open"]);
    let dir = data_dir(&[
        ("sitzungen/kopie.toml", session("Kopie").as_bytes()),
        ("sitzungen/soz.toml", session("Soziales").as_bytes()),
        ("antraege/m.toml", placed.as_bytes()),
    ]);
    let loaded = store::load(dir.path());
    let soz = loaded.data.sessions.iter().find(|s| s.id == "soz").unwrap();
    assert_eq!(soz.committee, "Soziales");
    let problems = crate::common::problems(dir.path());
    // The two duplicate errors, and no word of the app's own "soz#2".
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems.iter().all(|p| !p.contains('#')), "{problems:#?}");
    assert!(
        problems[0].contains("go to sitzungen/soz.toml"),
        "{problems:#?}"
    );
}

#[test]
fn a_session_with_a_wrong_date_stays_listed_and_its_motions_stay_editable() {
    let session = "[session]\nid = \"s\"\ncommittee = \"Rat\"\ndate = \"07.09.2022\"\n";
    let placed = motion("m", Some("s"), &["open"]);
    let dir = data_dir(&[
        ("s.toml", session.as_bytes()),
        ("m.toml", placed.as_bytes()),
    ]);
    let loaded = store::load(dir.path());
    let s = loaded.data.session("s").expect("the session stays");
    assert!(s.broken);
    assert_eq!(s.committee, "Rat");
    // Only the session file has a problem: the motion's file is clean.
    let paths: Vec<_> = loaded.diagnostics.iter().map(|d| d.path.clone()).collect();
    assert_eq!(paths, [std::path::PathBuf::from("s.toml")]);
}

#[test]
fn agenda_lists_unknown_motion() {
    let file = session(
        "s",
        "2022-09-07",
        "\n[[agenda]]\nnumber = \"4\"\ntitle = \"Bericht\"\nmotions = [\"good-motoin\"]\n",
    );
    assert_problems(
        &[("s.toml", file.as_bytes())],
        &[
            "s.toml:9:12: error: The agenda lists the motion \"good-motoin\", which does not exist. Did you mean \"good-motion\"? Check the id or add the motion file.",
        ],
    );
}

#[test]
fn motion_names_unknown_session() {
    let file = motion("m", Some("nowhere"), &[]);
    assert_problems(
        &[("m.toml", file.as_bytes())],
        &[
            "m.toml:5:11: error: The motion names the session \"nowhere\", which does not exist. Check the id or add the session file.",
        ],
    );
}

#[test]
fn unknown_status_value() {
    let file = motion("m", None, &["done"]);
    assert_problems(
        &[("m.toml", file.as_bytes())],
        &[
            "m.toml:9:10: error: Unknown status \"done\". Allowed are \"open\", \"in_progress\" and \"answered\".",
        ],
    );
}

#[test]
fn motion_session_disagrees_with_agenda() {
    let listing = session(
        "s",
        "2022-09-07",
        "\n[[agenda]]\nnumber = \"4\"\ntitle = \"Bericht\"\nmotions = [\"m\"]\n",
    );
    let file = motion("m", Some("good"), &[]);
    assert_problems(
        &[("s.toml", listing.as_bytes()), ("m.toml", file.as_bytes())],
        &[
            "m.toml:5:11: error: The motion \"m\" names the session \"good\" but is on the agenda of \"s\". Make \"session\" and the agenda agree.",
        ],
    );
}

#[test]
fn unknown_key_is_a_warning_naming_the_key() {
    let file = motion("m", None, &["open"]).replace("status = \"open\"", "staus = \"open\"");
    let dir = data_dir(&[("m.toml", file.as_bytes())]);
    assert_eq!(
        problems(dir.path()),
        [
            "m.toml:9:1: warning: Unknown key \"staus\". Did you mean \"status\"? It is kept in the file but not used."
        ]
    );
    assert_eq!(store::load(dir.path()).error_count(), 0);
}

#[test]
fn file_not_utf8() {
    assert_problems(
        &[("latin1.toml", b"[motion]\nid = \"Stra\xdfe\"\n")],
        &[
            "latin1.toml:2:11: error: The file is not saved as UTF-8. Save it from your editor with the UTF-8 encoding.",
        ],
    );
}

#[test]
fn file_neither_session_nor_motion() {
    assert_problems(
        &[("notes.toml", b"title = \"Notizen\"\n")],
        &[
            "notes.toml:1:1: error: The file is neither a session nor a motion: it needs a [session] or a [motion] table.",
        ],
    );
}

#[test]
fn file_both_session_and_motion() {
    let both = format!(
        "{}\n{}",
        session("s", "2022-09-07", ""),
        motion("m", None, &[])
    );
    assert_problems(
        &[("both.toml", both.as_bytes())],
        &[
            "both.toml:6:1: error: The file holds both [session] and [motion]. Put the session and the motion in separate files.",
        ],
    );
}

#[test]
fn file_over_the_size_limit() {
    let huge = vec![b'#'; store::MAX_FILE_BYTES as usize + 1];
    assert_problems(
        &[("huge.toml", &huge)],
        &["huge.toml: error: The file is 4096 KiB; files up to 4096 KiB are read. Split it up."],
    );
}

#[cfg(unix)]
#[test]
fn broken_symlink_and_symlink_loop() {
    let dir = data_dir(&[("ok.toml", motion("m", None, &[]).as_bytes())]);
    std::os::unix::fs::symlink("missing.toml", dir.path().join("broken.toml")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/loop")).unwrap();
    let loaded = store::load(dir.path());
    let causes: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.path.to_string_lossy().into_owned(), d.problem.clone()))
        .collect();
    assert_eq!(
        causes,
        [
            (
                "broken.toml".into(),
                Problem::Unreadable {
                    cause: IoCause::BrokenLink
                }
            ),
            (
                "sub/loop".into(),
                Problem::Unreadable {
                    cause: IoCause::SymlinkLoop
                }
            ),
        ]
    );
    assert!(loaded.data.motion("m").is_some());
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = data_dir(&[
        ("ok.toml", motion("m", None, &[]).as_bytes()),
        ("secret.toml", b"[motion]\n"),
        ("closed/inner.toml", b"[motion]\n"),
    ]);
    let lock = |path: &str| {
        let path = dir.path().join(path);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    };
    lock("secret.toml");
    lock("closed");
    // Permissions do not bind root (as in many containers): then there is
    // nothing unreadable to test, and the other tests cover the rest.
    let privileged = std::fs::read(dir.path().join("secret.toml")).is_ok();
    let found = problems(dir.path());
    let unlock = |path: &str| {
        let path = dir.path().join(path);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    unlock("secret.toml");
    unlock("closed");
    if privileged {
        return;
    }
    assert_eq!(
        found,
        [
            "closed: error: Permission denied. Check who may read this file or folder.",
            "secret.toml: error: Permission denied. Check who may read this file or folder.",
        ]
    );
}

#[test]
fn every_problem_in_a_file_is_reported_not_just_the_first() {
    let file = "[session]\nid = \"s\"\ncommittee = 5\ndate = \"07.09.2022\"\nplace = \"Rathaus\"\n";
    let dir = data_dir(&[("s.toml", file.as_bytes())]);
    assert_eq!(
        problems(dir.path()),
        [
            "s.toml:3:13: error: \"committee\" must be a text in quotes, found a number. Write: committee = \"5\"",
            "s.toml:4:8: error: \"date\" must be a date like 2022-09-07 (no quotes), found a text. Write: date = 2022-09-07",
            // Another word for a schema key is pointed to it, as typos are.
            "s.toml:5:1: warning: Unknown key \"place\". Did you mean \"location\"? It is kept in the file but not used.",
        ]
    );
}

#[test]
fn hidden_folders_and_other_files_are_skipped() {
    let dir = data_dir(&[
        (".git/config.toml", b"not toml at all ["),
        (".hidden.toml", b"nor this ["),
        ("README.md", b"# notes"),
        ("m.toml", motion("m", None, &[]).as_bytes()),
    ]);
    let loaded = store::load(dir.path());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.files, 1);
}

#[test]
fn messages_are_german_too() {
    let dir = data_dir(&[("s.toml", session("s", "\"07.09.2022\"", "").as_bytes())]);
    let loaded = store::load(dir.path());
    let texts = agenda::i18n::Lang::De.texts();
    assert_eq!(
        agenda::i18n::diagnostic(std::path::Path::new(""), &loaded.diagnostics[0], texts),
        "s.toml:4:8: Fehler: \u{201e}date\u{201c} muss ein Datum wie 2022-09-07 (ohne Anführungszeichen) sein, hier steht ein Text. Schreiben Sie: date = 2022-09-07"
    );
}

#[test]
fn an_agenda_naming_a_motion_whose_file_has_errors_points_at_that_file() {
    let listing = session(
        "s",
        "2022-09-07",
        "\n[[agenda]]\nnumber = \"1\"\ntitle = \"T\"\nmotions = [\"kaputt\"]\n",
    );
    assert_problems(
        &[
            ("antraege/kaputt.toml", b"[motion\nid = \"kaputt\"\n"),
            ("s.toml", listing.as_bytes()),
        ],
        &[
            "antraege/kaputt.toml:1:8: error: The file is not valid TOML (unclosed table, expected `]`). Correct this spot in a text editor.",
            "s.toml:9:12: error: The agenda lists the motion \"kaputt\"; its file antraege/kaputt.toml has errors and cannot be read. Fix the errors there.",
        ],
    );
}
