//! Two running instances on one folder never overwrite each other unseen.

use crate::common;

use agenda::app::{App, Note, Screen};
use agenda::input::Action::{self, *};
use agenda::model::Status;
use common::{KIM, app, example, step};

fn press(app: &mut App, keys: &[Action]) {
    for key in keys {
        step(app, *key);
    }
}

const TO_QUESTION_1: &[Action] = &[Open, Down, Down, Down, Down, Open, Open];

fn statuses(dir: &std::path::Path) -> Vec<Status> {
    let loaded = agenda::store::load(dir);
    loaded.data.motions[0]
        .questions
        .iter()
        .map(|q| q.status)
        .collect()
}

#[test]
fn changes_to_different_questions_both_land() {
    let dir = example();
    let mut anna = app(dir.path());
    let mut ben = app(dir.path());
    press(&mut anna, TO_QUESTION_1);
    press(&mut anna, &[MarkAnswered]);
    // Ben loaded before Anna saved: his save is refused, not written over hers.
    press(
        &mut ben,
        &[Open, Down, Down, Down, Down, Open, Down, Down, Open],
    );
    press(&mut ben, &[CycleStatus]); // question 3
    assert_eq!(ben.note, Some(Note::ChangedOnDisk { path: KIM.into() }));
    assert_eq!(
        statuses(dir.path()),
        [Status::Answered, Status::Open, Status::Open]
    );
    // His change is listed as waiting, and kept.
    press(&mut ben, &[Problems]);
    assert_eq!(ben.place().screen, Screen::Problems);
    assert_eq!(ben.journal.pending.len(), 1);
    // Reload: hers is there, his lands on top.
    press(&mut ben, &[Reload]);
    assert_eq!(
        statuses(dir.path()),
        [Status::Answered, Status::Open, Status::InProgress]
    );
    assert!(ben.journal.pending.is_empty() && ben.journal.conflicts.is_empty());
}

#[test]
fn the_same_field_is_a_conflict_that_stays_visible_until_settled() {
    let dir = example();
    let mut anna = app(dir.path());
    let mut ben = app(dir.path());
    press(&mut anna, TO_QUESTION_1);
    press(&mut anna, &[MarkAnswered]);
    press(&mut ben, TO_QUESTION_1);
    press(&mut ben, &[CycleStatus, Reload]);
    // Anna's status stays; Ben's is listed as a conflict, not lost.
    assert_eq!(statuses(dir.path())[0], Status::Answered);
    assert_eq!(ben.journal.conflicts.len(), 1);
    let texts = agenda::i18n::Lang::En.texts();
    assert_eq!(
        texts.conflict(
            &ben.journal.conflicts[0],
            &agenda::i18n::Keys::new(&ben.keymap, texts).with_data(ben.data())
        ),
        "Conflict: \"Berichterstattung zur Umsetzung des Kom…\", question 1: the file has \"answered\", your change was \"in progress\". Enter applies yours."
    );
    // A single quit does not leave it behind; his value is kept for the
    // next start if he quits anyway.
    press(&mut ben, &[Quit]);
    assert!(!ben.quit);
    assert_eq!(
        ben.note,
        Some(Note::UnsavedOnQuit {
            count: 0,
            conflicts: 1
        })
    );
    assert!(
        ben.at_risk()
            .iter()
            .any(|c| c == &ben.journal.conflicts[0].ours),
        "his change is in the recovery journal"
    );
    // Ben decides: his over hers, knowingly.
    press(&mut ben, &[Problems, Top, Open]);
    assert!(ben.journal.conflicts.is_empty());
    assert_eq!(statuses(dir.path())[0], Status::InProgress);
    assert!(ben.question().is_some(), "the question is shown");
    // Anna, who has not reloaded, cannot overwrite it in turn.
    press(&mut anna, &[CycleStatus]);
    assert_eq!(anna.note, Some(Note::ChangedOnDisk { path: KIM.into() }));
    assert_eq!(statuses(dir.path())[0], Status::InProgress);
}

#[test]
fn a_conflict_whose_motion_is_gone_stays_and_says_so() {
    let dir = example();
    let mut anna = app(dir.path());
    let mut ben = app(dir.path());
    press(&mut anna, TO_QUESTION_1);
    press(&mut anna, &[MarkAnswered]);
    press(&mut ben, TO_QUESTION_1);
    press(&mut ben, &[CycleStatus, Reload]);
    assert_eq!(ben.journal.conflicts.len(), 1);
    std::fs::remove_file(dir.path().join(KIM)).unwrap();
    press(&mut ben, &[Reload]);
    let before = common::contents(dir.path());
    press(&mut ben, &[Problems, Top, Open]);
    assert_eq!(ben.note, Some(Note::ConflictTargetGone));
    assert_eq!(ben.journal.conflicts.len(), 1, "not dropped");
    assert_eq!(common::contents(dir.path()), before, "nothing written");
}
