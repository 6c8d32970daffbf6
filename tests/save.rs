//! Saving a change keeps every other byte of the file as the user wrote it,
//! and never overwrites a file that changed on disk.

use crate::common;

use std::path::Path;

use agenda::model::Status;
use agenda::store::{self, Field, SaveError, Stamp};
use chrono::NaiveDate;
use common::{contents, data_dir};

const ORIGINAL: &str = r#"# Kopf: bitte nicht löschen
[motion]
id   =   "m"      # eigenwillige Abstände
kind = 'Anfrage'
title = "Titel"

# Die Fragen
[[question]]
number = "1"
text = """
Mehrzeilig,
mit Absatz."""
status = "open"   # noch offen
assignee = "Amt 50"

[[question]]
text = "Zweite Frage?"
number = "2"
"#;

fn stamp() -> Stamp {
    common::stamp("mmustermann", "2022-09-01T10:15:00")
}

/// Saves question `slot` (which must have `number`) as answered.
fn answer(dir: &Path, slot: usize, number: &str) -> Result<u64, SaveError> {
    let fields = [Field::Status(Status::Answered)];
    store::save_question(dir, &source(dir), slot, number, &fields, &stamp())
}

fn source(dir: &Path) -> agenda::model::Source {
    let loaded = store::load(dir);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.data.sources[0].clone()
}

#[test]
fn a_status_change_touches_only_its_lines() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let fields = [Field::Status(Status::Answered)];
    let printed = store::save_question(dir.path(), &source(dir.path()), 0, "1", &fields, &stamp())
        .expect("saved");
    let after = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    let expected = ORIGINAL.replace(
        "status = \"open\"   # noch offen\nassignee = \"Amt 50\"\n",
        "status = \"answered\"   # noch offen\nassignee = \"Amt 50\"\nupdated = 2022-09-01T10:15:00\nupdated_by = \"mmustermann\"\n",
    );
    assert_eq!(after, expected);
    assert_eq!(printed, store::fingerprint(after.as_bytes()));

    let loaded = store::load(dir.path());
    // Answered without an answer text: loaded as written, and warned about.
    let problems: Vec<_> = loaded.diagnostics.iter().map(|d| &d.problem).collect();
    assert!(
        matches!(problems[..], [store::Problem::AnsweredWithoutText { .. }]),
        "{problems:?}"
    );
    let question = &loaded.data.motions[0].questions[0];
    assert_eq!(question.status, Status::Answered);
    assert_eq!(question.updated_by.as_deref(), Some("mmustermann"));
}

#[test]
fn a_missing_key_is_added_to_its_own_question() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let fields = [Field::Status(Status::InProgress)];
    store::save_question(dir.path(), &source(dir.path()), 1, "2", &fields, &stamp()).unwrap();
    let after = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    let expected = format!(
        "{ORIGINAL}status = \"in_progress\"\nupdated = 2022-09-01T10:15:00\nupdated_by = \"mmustermann\"\n"
    );
    assert_eq!(after, expected);
}

#[test]
fn multi_line_answers_read_well_in_an_editor() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let answer = "Es sind 4,5 Stellen.\n\nDavon 1,5 für \"Koordination\".".to_string();
    let fields = [
        Field::Answer(Some(answer.clone())),
        Field::Assignee(Some("Amt für Soziales".into())),
        Field::Due(NaiveDate::from_ymd_opt(2022, 9, 5)),
    ];
    store::save_question(dir.path(), &source(dir.path()), 1, "2", &fields, &stamp()).unwrap();
    let after = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    assert!(
        after.contains(
            "answer = \"\"\"\nEs sind 4,5 Stellen.\n\nDavon 1,5 für \"Koordination\".\"\"\"\n"
        ),
        "{after}"
    );
    assert!(
        after.contains("assignee = \"Amt für Soziales\"\ndue = 2022-09-05\n"),
        "{after}"
    );
    let loaded = store::load(dir.path());
    let question = &loaded.data.motions[0].questions[1];
    assert_eq!(question.answer.as_deref(), Some(answer.as_str()));
    assert_eq!(question.due, NaiveDate::from_ymd_opt(2022, 9, 5));

    // Removing a value removes its key and nothing else.
    let source = loaded.data.sources[0].clone();
    let fields = [Field::Assignee(None)];
    store::save_question(dir.path(), &source, 1, "2", &fields, &stamp()).unwrap();
    let again = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    assert_eq!(
        again,
        after.replace("assignee = \"Amt für Soziales\"\n", "")
    );
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let loaded_source = source(dir.path());
    let theirs = format!("{ORIGINAL}# eine Kollegin war schneller\n");
    std::fs::write(dir.path().join("m.toml"), &theirs).unwrap();
    let before = contents(dir.path());
    let result = store::save_question(
        dir.path(),
        &loaded_source,
        0,
        "1",
        &[Field::Status(Status::Answered)],
        &stamp(),
    );
    assert!(
        matches!(result, Err(SaveError::ChangedOnDisk)),
        "{result:?}"
    );
    assert_eq!(contents(dir.path()), before);
}

#[test]
fn a_removed_file_is_not_written_again() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let loaded_source = source(dir.path());
    std::fs::remove_file(dir.path().join("m.toml")).unwrap();
    let result = store::save_question(
        dir.path(),
        &loaded_source,
        0,
        "1",
        &[Field::Status(Status::Answered)],
        &stamp(),
    );
    assert!(
        matches!(result, Err(SaveError::ChangedOnDisk)),
        "{result:?}"
    );
    assert!(contents(dir.path()).is_empty());
}

#[test]
fn a_read_only_file_is_refused() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let path = dir.path().join("m.toml");
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let before = contents(dir.path());
    let result = answer(dir.path(), 0, "1");
    assert!(matches!(result, Err(SaveError::ReadOnly)), "{result:?}");
    assert_eq!(contents(dir.path()), before);
}

#[test]
fn a_question_that_moved_is_not_touched() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let before = contents(dir.path());
    let result = answer(dir.path(), 0, "2");
    assert!(matches!(result, Err(SaveError::QuestionGone)), "{result:?}");
    assert_eq!(contents(dir.path()), before);
}

#[test]
fn inline_table_questions_and_a_byte_order_mark_survive() {
    let text = "\u{feff}question = [\n  { number = \"1\", text = \"Q?\" },\n]\n\n[motion]\nid = \"m\"\nkind = \"A\"\ntitle = \"T\"\n";
    let dir = data_dir(&[("m.toml", text.as_bytes())]);
    answer(dir.path(), 0, "1").unwrap();
    let after = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    assert!(after.starts_with('\u{feff}'));
    assert_eq!(
        after,
        "\u{feff}question = [\n  { number = \"1\", text = \"Q?\", status = \"answered\", updated = 2022-09-01T10:15:00, updated_by = \"mmustermann\" },\n]\n\n[motion]\nid = \"m\"\nkind = \"A\"\ntitle = \"T\"\n"
    );
}

#[test]
fn saving_leaves_no_temporary_files_and_keeps_permissions() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.path().join("m.toml");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    }
    answer(dir.path(), 0, "1").unwrap();
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // The folder's lock (hidden, skipped by the loader) stays for next time.
    assert_eq!(names, [".agenda.lock", "m.toml"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("m.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o664);
    }
}

#[test]
fn a_lock_held_elsewhere_is_waited_for_a_while_then_reported_not_hung_on() {
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join(".agenda.lock"))
        .unwrap();
    held.lock().unwrap();
    let start = std::time::Instant::now();
    let fields = [Field::Status(Status::InProgress)];
    let saved = store::save_question(dir.path(), &source(dir.path()), 0, "1", &fields, &stamp());
    let waited = start.elapsed();
    assert!(matches!(saved, Err(store::SaveError::Io(_))), "{saved:?}");
    assert!(
        waited >= std::time::Duration::from_secs(4) && waited < std::time::Duration::from_secs(20)
    );
    // Nothing was written.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("m.toml")).unwrap(),
        ORIGINAL
    );
    drop(held);
    assert!(
        store::save_question(dir.path(), &source(dir.path()), 0, "1", &fields, &stamp()).is_ok()
    );
}

#[test]
fn a_crlf_file_stays_crlf_and_only_the_changed_lines_differ() {
    let crlf = ORIGINAL.replace('\n', "\r\n");
    let dir = data_dir(&[("m.toml", crlf.as_bytes())]);
    answer(dir.path(), 0, "1").unwrap();
    let after = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "every line ends CRLF"
    );
    let before: Vec<&str> = crlf.split("\r\n").collect();
    let now: Vec<&str> = after.split("\r\n").collect();
    let changed = now.iter().filter(|l| !before.contains(l)).count();
    assert_eq!(changed, 3, "status, updated, updated_by:\n{after}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_file_is_written_through_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let shared = tempfile::tempdir().unwrap();
    let target = shared.path().join("m.toml");
    std::fs::write(&target, ORIGINAL).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("m.toml")).unwrap();
    answer(dir.path(), 0, "1").unwrap();
    let link = std::fs::symlink_metadata(dir.path().join("m.toml")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("status = \"answered\""), "{text}");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_script_saving_in_a_loop_never_loses_a_write_to_the_app() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let dir = data_dir(&[("m.toml", format!("# w = 0\n{ORIGINAL}").as_bytes())]);
    let stop = Arc::new(AtomicBool::new(false));
    let lost = Arc::new(AtomicUsize::new(0));
    // The script: reads the file, checks that its last write is still
    // there, writes the next count as most tools do (a file beside, renamed
    // over), never taking agenda's lock.
    let writer = {
        let (path, stop, lost) = (dir.path().join("m.toml"), stop.clone(), lost.clone());
        let temp = dir.path().join(".script.tmp");
        std::thread::spawn(move || {
            let (mut last, mut writes) = (0u64, 0u64);
            while !stop.load(Ordering::Relaxed) {
                let count = |text: &str| -> u64 {
                    text["# w = ".len()..text.find('\n').unwrap()]
                        .parse()
                        .unwrap()
                };
                let mut text = std::fs::read_to_string(&path).unwrap();
                let mut w = count(&text);
                if w < last {
                    // Lost, unless it is the app's version on its way back
                    // out (it is in place for microseconds while checked).
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    text = std::fs::read_to_string(&path).unwrap();
                    w = count(&text);
                    if w < last {
                        lost.fetch_add(1, Ordering::Relaxed);
                    }
                }
                let next = w.max(last) + 1;
                let new = text.replacen(&format!("# w = {w}\n"), &format!("# w = {next}\n"), 1);
                std::fs::write(&temp, new).unwrap();
                std::fs::rename(&temp, &path).unwrap();
                (last, writes) = (next, writes + 1);
                std::thread::sleep(std::time::Duration::from_micros(writes % 5 * 200 + 200));
            }
            writes
        })
    };
    // The app: each save on the version just read; a refused one reads
    // again. Until both sides have done enough to have raced (however busy
    // the machine is), within a minute.
    let mut saved = 0;
    let started = std::time::Instant::now();
    for i in 0.. {
        if (saved > 50 && i >= 2000) || started.elapsed().as_secs() > 60 {
            break;
        }
        let status = if i % 2 == 0 {
            Status::InProgress
        } else {
            Status::Open
        };
        let fields = [Field::Status(status)];
        match store::save_question(dir.path(), &source(dir.path()), 0, "1", &fields, &stamp()) {
            Ok(_) => saved += 1,
            Err(SaveError::ChangedOnDisk) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    stop.store(true, Ordering::Relaxed);
    let writes = writer.join().unwrap();
    let lost = lost.load(Ordering::Relaxed);
    assert_eq!(lost, 0, "{lost} of {writes} writes lost; {saved} saves");
    assert!(
        saved > 50 && writes > 50,
        "they raced: {saved} saves, {writes} writes"
    );
}

#[cfg(unix)]
#[test]
fn the_lock_of_a_group_folder_is_group_writable_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = data_dir(&[("m.toml", ORIGINAL.as_bytes())]);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o2775)).unwrap();
    answer(dir.path(), 0, "1").unwrap();
    let lock = std::fs::metadata(dir.path().join(".agenda.lock")).unwrap();
    assert_eq!(
        lock.permissions().mode() & 0o777,
        0o664,
        "a colleague in the group saves too"
    );
}
