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

/// Anna marks question 1 answered; Ben, who loaded before, sets it in
/// progress and reloads: his change is a conflict.
fn same_field_twice(dir: &std::path::Path) -> (App, App) {
    let mut anna = app(dir);
    let mut ben = app(dir);
    press(&mut anna, TO_QUESTION_1);
    press(&mut anna, &[MarkAnswered]);
    press(&mut ben, TO_QUESTION_1);
    press(&mut ben, &[CycleStatus, Reload]);
    (anna, ben)
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
    let (mut anna, mut ben) = same_field_twice(dir.path());
    // Anna's status stays; Ben's is listed as a conflict, not lost.
    assert_eq!(statuses(dir.path())[0], Status::Answered);
    assert_eq!(ben.journal.conflicts.len(), 1);
    let texts = agenda::i18n::Lang::En.texts();
    assert_eq!(
        texts.conflict(
            &ben.journal.conflicts[0],
            &agenda::i18n::Keys::new(&ben.keymap, texts).with_data(ben.data())
        ),
        "Conflict: \"Berichterstattung zur Umsetzung des Kom…\", question 1: the file has \"answered\", your change was \"in progress\". Enter applies yours, Del keeps the file's."
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
            .changes
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
    let (_, mut ben) = same_field_twice(dir.path());
    assert_eq!(ben.journal.conflicts.len(), 1);
    std::fs::remove_file(dir.path().join(KIM)).unwrap();
    press(&mut ben, &[Reload]);
    let before = common::contents(dir.path());
    press(&mut ben, &[Problems, Top, Open]);
    assert_eq!(ben.note, Some(Note::ConflictTargetGone));
    assert_eq!(ben.journal.conflicts.len(), 1, "not dropped");
    assert_eq!(common::contents(dir.path()), before, "nothing written");
}

#[test]
fn a_renumbered_file_never_gets_a_change_under_the_wrong_question() {
    let dir = example();
    let path = dir.path().join(KIM);
    let set_readonly = |on: bool| {
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(on);
        std::fs::set_permissions(&path, permissions).unwrap();
    };
    let mut ben = app(dir.path());
    set_readonly(true);
    press(&mut ben, TO_QUESTION_1);
    press(&mut ben, &[CycleStatus]);
    assert_eq!(ben.journal.pending.len(), 1, "not saved: kept pending");
    set_readonly(false);
    // Meanwhile someone puts a new question first and numbers them anew.
    let text = std::fs::read_to_string(&path).unwrap();
    let first = text.find("[[question]]").unwrap();
    let mut renumbered = text[..first].to_string();
    renumbered.push_str("[[question]]\nnumber = \"1\"\ntext = \"Eine neue erste Frage?\"\n\n");
    let mut rest = text[first..].to_string();
    for n in (1..=3).rev() {
        rest = rest.replace(
            &format!("number = \"{n}\""),
            &format!("number = \"{}\"", n + 1),
        );
    }
    renumbered.push_str(&rest);
    std::fs::write(&path, renumbered).unwrap();
    press(&mut ben, &[Reload]);
    let data = agenda::store::load(dir.path()).data;
    let questions = &data.motion("kim-bericht-2022").unwrap().questions;
    assert_eq!(questions[0].text, "Eine neue erste Frage?");
    assert_eq!(
        questions[0].status,
        Status::Open,
        "the new question untouched"
    );
    assert!(questions[1].text.starts_with("Wie viele Stellen"));
    assert_eq!(
        questions[1].status,
        Status::InProgress,
        "the change went to its own question, now number 2"
    );
    assert!(ben.journal.pending.is_empty() && ben.journal.conflicts.is_empty());
}

#[test]
fn a_conflict_goes_only_when_applied_or_dismissed_and_dismissing_keeps_the_file() {
    let dir = example();
    let (_, mut ben) = same_field_twice(dir.path());
    assert_eq!(ben.journal.conflicts.len(), 1);
    let before = common::contents(dir.path());
    press(&mut ben, &[Problems, Top, Delete]);
    assert_eq!(ben.note, Some(Note::ConflictDismissed));
    assert!(ben.journal.conflicts.is_empty());
    assert_eq!(common::contents(dir.path()), before, "Anna's value stays");
    assert_eq!(statuses(dir.path())[0], Status::Answered);
    press(&mut ben, &[Quit]);
    assert!(ben.quit, "nothing left to ask about");
}

/// Ben types an answer; meanwhile Anna saves another to the same
/// question, and Ben's app reads it. Ben's save writes nothing over
/// hers: both stand under `!`, Enter there takes his.
#[test]
fn an_answer_typed_while_a_colleague_saved_one_becomes_a_conflict_with_both_texts() {
    use crossterm::event::KeyCode;
    let dir = example();
    let mut anna = app(dir.path());
    let mut ben = app(dir.path());
    press(&mut ben, TO_QUESTION_1);
    press(&mut ben, &[EditAnswer]);
    for c in "Seine Antwort".chars() {
        step(&mut ben, common::typed(KeyCode::Char(c)));
    }
    press(&mut anna, TO_QUESTION_1);
    press(&mut anna, &[EditAnswer]);
    for c in "Ihre Antwort".chars() {
        step(&mut anna, common::typed(KeyCode::Char(c)));
    }
    press(&mut anna, &[Save]);
    // Ben's app reads her save (as its watcher would), his editor open.
    let changed = agenda::app::Msg::FilesChanged(vec![KIM.into()]);
    step(&mut ben, changed);
    press(&mut ben, &[Save]);
    assert_eq!(ben.note, Some(Note::AnswerChangedMeanwhile));
    let file = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    assert!(file.contains("Ihre Antwort") && !file.contains("Seine Antwort"));
    press(&mut ben, &[Problems]);
    let screen = common::screen(&mut ben, agenda::i18n::Lang::De).join("\n");
    assert!(
        screen.contains("„Ihre Antwort“") && screen.contains("„Seine"),
        "{screen}"
    );
    // Both in full, to choose knowing what each says.
    let lines: Vec<&str> = screen.lines().map(str::trim).collect();
    let file_has = lines
        .iter()
        .position(|l| l.ends_with("── In der Datei steht:"));
    let yours = lines.iter().position(|l| l.ends_with("── Ihre Fassung:"));
    let (Some(file_has), Some(yours)) = (file_has, yours) else {
        panic!("{screen}");
    };
    assert_eq!(lines[file_has + 1], "Ihre Antwort", "{screen}");
    assert_eq!(lines[yours + 1], "Seine Antwort", "{screen}");
    press(&mut ben, &[Open]);
    let file = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    assert!(file.contains("Seine Antwort"), "{file}");
}

#[test]
fn undo_does_not_take_back_what_a_colleague_changed_since() {
    let dir = example();
    let (mut anna, mut ben) = (app(dir.path()), app(dir.path()));
    press(&mut anna, TO_QUESTION_1);
    press(&mut anna, &[MarkAnswered]);
    // Ben sees her status (read in), then sets it in progress.
    press(&mut ben, &[Reload]);
    press(&mut ben, TO_QUESTION_1);
    press(&mut ben, &[CycleStatus, CycleStatus]);
    assert_eq!(statuses(dir.path())[0], Status::InProgress);
    // Anna reads it in and presses undo: her change would set back his.
    press(&mut anna, &[Reload, Undo]);
    assert_eq!(statuses(dir.path())[0], Status::InProgress, "his stays");
    assert_eq!(anna.note, Some(Note::ChangedSince { redo: false }));
    assert_eq!(
        anna.journal.conflicts.len(),
        1,
        "both values to choose from"
    );
    let said = common::screen(&mut anna, agenda::i18n::Lang::De).join(" ");
    assert!(said.contains("Nicht rückgängig gemacht"), "{said}");
}

/// Anna has the motion's form open while a colleague changes its title and
/// date of receipt in the file. Her save leaves the date she did not touch
/// as the file has it; the title both changed is a conflict, not written.
#[test]
fn a_form_writes_only_what_was_typed_and_never_over_a_colleagues_value() {
    let dir = example();
    let mut anna = app(dir.path());
    press(&mut anna, &[Open, Down, Down, Down, Down, EditAnswer]);
    let focus_on = |app: &mut App, key: &str| {
        let form = app.form().unwrap();
        let at = form.fields.iter().position(|f| f.key == key).unwrap();
        for _ in form.focus..at {
            step(app, Next);
        }
        assert_eq!(app.form().unwrap().focus, at);
    };
    focus_on(&mut anna, "title");
    common::type_in(&mut anna, " neu");
    let path = dir.path().join(KIM);
    let file = std::fs::read_to_string(&path).unwrap();
    // And a field only she changes: saved, whatever the other one meets.
    focus_on(&mut anna, "basis");
    common::type_in(&mut anna, " Abs. 1");
    let theirs = file
        .replace("submitted = 2022-08-19", "submitted = 2022-08-20")
        .replace("title = \"Berichterstattung", "title = \"Bericht");
    std::fs::write(&path, &theirs).unwrap();
    step(&mut anna, agenda::app::Msg::FilesChanged(vec![KIM.into()]));
    // Told, with what her save will do.
    assert!(
        matches!(&anna.note, Some(Note::Outside(o)) if o.form_open),
        "{:?}",
        anna.note
    );
    press(&mut anna, &[Save]);
    assert_eq!(anna.note, Some(Note::FormChangedMeanwhile { saved: true }));
    let file = std::fs::read_to_string(&path).unwrap();
    assert_eq!(file, theirs.replace("§ 9 GeschO\"", "§ 9 GeschO Abs. 1\""));
    let theirs = file;
    assert_eq!(anna.journal.conflicts.len(), 1);
    // Under `!` both values, the file's as it is now (changed once more).
    std::fs::write(
        &path,
        theirs.replace("title = \"Bericht", "title = \"Report"),
    )
    .unwrap();
    step(&mut anna, agenda::app::Msg::FilesChanged(vec![KIM.into()]));
    press(&mut anna, &[Problems]);
    let shown = common::screen(&mut anna, agenda::i18n::Lang::De).join("\n");
    assert!(shown.contains("Titel: Report zur"), "{shown}");
    let footer = shown.lines().last().unwrap_or_default();
    assert!(
        footer.contains("Enter Ihre übernehmen") && footer.contains("Entf die der Datei behalten"),
        "{footer}"
    );
    assert!(shown.contains("Titel: Berichterstattung zur"), "{shown}");
    std::fs::write(&path, &theirs).unwrap();

    // A field nobody else changed is written, the colleague's date stays.
    let mut anna2 = app(dir.path());
    press(&mut anna2, &[Open, Down, Down, Down, Down, EditAnswer]);
    focus_on(&mut anna2, "addressee");
    common::type_in(&mut anna2, " (Amt 50)");
    press(&mut anna2, &[Save]);
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(file.contains("Siegen (Amt 50)\""), "{file}");
    assert!(file.contains("submitted = 2022-08-20"), "{file}");
    assert!(file.contains("title = \"Bericht zur"), "{file}");
}
