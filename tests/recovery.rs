//! What could not be saved survives a panic and is offered at the next start.

use crate::common;

use std::path::Path;

use agenda::app::{App, Change, Msg, Note, Rescue};
use agenda::edit::QuestionChange;
use agenda::input::Action::*;
use agenda::model::Status;
use agenda::recovery::{self, Recovery};
use agenda::store::Field;
use common::{KIM, app, example, step};

const PANIC: &str = "AGENDA_TEST_PANIC_WITH";

fn answered_q1() -> Change {
    Change::Question(QuestionChange {
        motion: "kim-bericht-2022".into(),
        index: 0,
        number: "1".into(),
        text: None,
        before: Field::Status(Status::Open),
        after: Field::Status(Status::Answered),
    })
}

fn status_q1(dir: &Path) -> Status {
    agenda::store::load(dir).data.motions[0].questions[0].status
}

#[test]
fn a_panic_writes_the_unsaved_changes_to_the_recovery_file() {
    if let Some(path) = std::env::var_os(PANIC) {
        // The child: what the running app does, then a crash.
        recovery::install_hook(
            path.into(),
            Box::new(|p| format!("rescued to {}", p.display())),
        );
        recovery::keep(Path::new("/data"), &only(vec![answered_q1()]));
        panic!("boom");
    }
    let state = tempfile::tempdir().unwrap();
    let file = state.path().join("recovery.json");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "recovery::a_panic_writes_the_unsaved_changes_to_the_recovery_file",
            "--exact",
            "--nocapture",
        ])
        .env(PANIC, &file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("rescued to {}", file.display())),
        "{stderr}"
    );
    let written: Recovery = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        written,
        Recovery {
            dir: "/data".into(),
            rescue: only(vec![answered_q1()])
        }
    );
}

fn only(changes: Vec<Change>) -> Rescue {
    Rescue {
        changes,
        forms: Vec::new(),
    }
}

/// An app started on `dir` the way the binary does when a recovery file is there.
fn started_with_rescue(dir: &Path, changes: Vec<Change>) -> App {
    started_with(dir, only(changes))
}

fn started_with(dir: &Path, rescue: Rescue) -> App {
    let file = dir.join(".recovery.json");
    recovery::write(
        &file,
        &Recovery {
            dir: dir.to_path_buf(),
            rescue,
        },
    )
    .unwrap();
    let mut app = app(dir);
    if let Some(rescued) = recovery::read(&file, dir) {
        app.offer(rescued.rescue);
    }
    assert!(app.offered().is_some(), "the rescue is offered");
    app
}

#[test]
fn the_next_start_puts_the_rescued_changes_back() {
    let dir = example();
    let mut app = started_with_rescue(dir.path(), vec![answered_q1()]);
    // Other keys do nothing while the offer stands.
    step(&mut app, Down);
    step(&mut app, Open);
    assert_eq!(
        app.note,
        Some(Note::Recovered {
            saved: 1,
            conflicts: 0
        })
    );
    assert_eq!(status_q1(dir.path()), Status::Answered);
    assert!(app.at_risk().is_empty(), "settled: the file goes");
}

#[test]
fn a_rescued_change_that_meets_another_becomes_a_visible_conflict() {
    let dir = example();
    let theirs = std::fs::read_to_string(dir.path().join(KIM))
        .unwrap()
        .replacen("status = \"open\"", "status = \"in_progress\"", 1);
    std::fs::write(dir.path().join(KIM), &theirs).unwrap();
    let mut app = started_with_rescue(dir.path(), vec![answered_q1()]);
    step(&mut app, Open);
    assert_eq!(
        app.note,
        Some(Note::Recovered {
            saved: 0,
            conflicts: 1
        })
    );
    assert_eq!(app.journal.conflicts.len(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join(KIM)).unwrap(),
        theirs
    );
}

#[test]
fn setting_the_rescue_aside_keeps_it_in_a_file_and_esc_puts_it_off() {
    let dir = example();
    let before = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    // Esc: nothing written, nothing dropped; offered at the next start.
    let mut app = started_with_rescue(dir.path(), vec![answered_q1()]);
    step(&mut app, Back);
    assert_eq!(app.note, Some(Note::RecoveryDeferred));
    assert!(app.offered().is_none());
    assert_eq!(app.at_risk(), only(vec![answered_q1()]));
    assert_eq!(status_q1(dir.path()), Status::Open);
    // Del: into a file of its own, out of the way.
    let mut app = started_with_rescue(dir.path(), vec![answered_q1()]);
    step(&mut app, Delete);
    let aside = dir.path().join(".recovery.json.bak");
    assert_eq!(
        app.note,
        Some(Note::RecoverySetAside {
            path: aside.clone()
        })
    );
    let kept = recovery::read(&aside, dir.path()).expect("readable");
    assert_eq!(kept.rescue, only(vec![answered_q1()]));
    assert!(app.at_risk().is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.path().join(KIM)).unwrap(),
        before
    );
}

#[test]
fn a_rescue_for_another_folder_is_not_offered() {
    let dir = example();
    let other = example();
    let file = dir.path().join(".recovery.json");
    recovery::write(
        &file,
        &Recovery {
            dir: other.path().to_path_buf(),
            rescue: only(vec![answered_q1()]),
        },
    )
    .unwrap();
    assert_eq!(recovery::read(&file, dir.path()), None);
}

#[test]
fn an_answer_being_written_counts_as_unsaved() {
    let dir = example();
    let mut app = app(dir.path());
    for key in [Open, Down, Down, Down, Down, Open, Open, EditAnswer] {
        step(&mut app, key);
    }
    for c in "Halb fertig".chars() {
        step(
            &mut app,
            Msg::Press(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(c),
            )),
        );
    }
    let unsaved = app.unsaved();
    assert_eq!(unsaved.len(), 1);
    assert_eq!(
        unsaved[0].as_question().unwrap().after,
        Field::Answer(Some("Halb fertig".into()))
    );
}

#[test]
fn an_unusable_recovery_file_is_moved_aside_never_read_whole_or_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.json");
    std::fs::write(&path, "{ kaputt").unwrap();
    let aside = agenda::recovery::set_aside_unusable(&path).expect("moved");
    assert!(!path.exists());
    assert_eq!(std::fs::read_to_string(&aside).unwrap(), "{ kaputt");
    // A second one goes beside the first, not over it.
    std::fs::write(&path, "auch kaputt").unwrap();
    let second = agenda::recovery::set_aside_unusable(&path).expect("moved");
    assert_ne!(second, aside);
    assert_eq!(std::fs::read_to_string(&aside).unwrap(), "{ kaputt");
    // A FIFO is not opened (that would hang the start): moved aside too.
    #[cfg(unix)]
    {
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(agenda::recovery::read(&path, dir.path()).is_none());
            assert!(agenda::recovery::set_aside_unusable(&path).is_some());
            assert!(!path.exists());
        }
    }
    // A good one stays where it is.
    std::fs::write(&path, "{}").unwrap();
    assert_eq!(agenda::recovery::set_aside_unusable(&path), None);
}

/// A form being filled in when the terminal closed is offered at the next
/// start and opens again as it was typed.
#[test]
fn a_form_being_filled_in_is_rescued_and_opens_again_as_typed() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, Open);
    step(&mut app, CreateMotion);
    step(&mut app, Next);
    common::type_in(&mut app, "Schulsozialarbeit");
    let at_risk = app.at_risk();
    assert_eq!(at_risk.forms.len(), 1, "{at_risk:?}");
    // The next start: offered, Enter opens the form with the text.
    let mut again = started_with(dir.path(), at_risk.clone());
    let said = common::screen(&mut again, agenda::i18n::Lang::De).join(" ");
    assert!(said.contains("Schulsozialarbeit"), "{said}");
    step(&mut again, Open);
    let form = again.form().expect("the form is open again");
    let texts: Vec<String> = form.fields.iter().map(|f| f.text()).collect();
    assert!(
        texts.iter().any(|t| t.contains("Schulsozialarbeit")),
        "{texts:?}"
    );
    assert!(form.changed());
    // Saving it makes the motion, as the first form would have.
    step(&mut again, Save);
    let loaded = agenda::store::load(dir.path());
    assert!(
        (loaded.data.motions.iter()).any(|m| m.title.contains("Schulsozialarbeit")),
        "{:?}",
        again.note
    );
    // Two forms rescued: the second opens once the first is closed.
    let mut two = at_risk.clone();
    let mut second = two.forms[0].clone();
    for (key, text) in &mut second.fields {
        if text.contains("Schulsozialarbeit") && key == "title" {
            *text = "Zweites Formular".into();
        }
    }
    two.forms.push(second);
    let mut app = started_with(dir.path(), two);
    step(&mut app, Open);
    step(&mut app, Cancel);
    step(&mut app, Discard);
    let form = app.form().expect("the second form");
    assert!(form.fields.iter().any(|f| f.text() == "Zweites Formular"));
    assert!(app.at_risk().forms.len() == 1, "the one open now");
}

/// Two instances on one folder each write a recovery file of their own;
/// a file still held by a running instance is not offered to another.
#[test]
fn each_instance_on_a_folder_has_a_recovery_file_of_its_own() {
    let state = tempfile::tempdir().unwrap();
    let base = state.path().join("recovery-abc.json");
    let (first, left) = recovery::claim(&base);
    assert_eq!(first, base);
    assert_eq!(left, std::slice::from_ref(&base));
    std::fs::write(&first, "{}").unwrap();
    // Left by an instance that crashed: offered to the next one.
    let orphan = state.path().join("recovery-abc-3.json");
    std::fs::write(&orphan, "{}").unwrap();
    let (second, left) = recovery::claim(&base);
    assert_eq!(second, state.path().join("recovery-abc-1.json"));
    assert!(!left.contains(&first), "the first still runs: {left:?}");
    assert!(left.contains(&orphan), "{left:?}");
}
