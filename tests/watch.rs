//! Changes by others, as the watcher reports them: read again, told by
//! name, this user's waiting change put back; our own saves ignored.

use crate::common;

use agenda::app::{Effect, Msg};
use agenda::input::Action;
use agenda::note::Note;
use common::{KIM, example, step};

#[test]
fn a_colleagues_answer_is_read_and_told_with_who_gave_it() {
    let dir = example();
    let mut app = common::app(dir.path());
    let path = dir.path().join(KIM);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "status = \"open\"\n",
        "status = \"answered\"\nanswer = \"4,5 Stellen.\"\nupdated_by = \"mmuster\"\n",
        1,
    );
    std::fs::write(&path, text).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    let Some(Note::Outside(outside)) = &app.note else {
        panic!("{:?}", app.note);
    };
    assert_eq!(
        outside.question.as_ref().map(|(_, n)| n.as_str()),
        Some("1")
    );
    assert_eq!(outside.by.as_deref(), Some("mmuster"));
    assert!(outside.answered);
    assert_eq!(app.data().motions[0].answered(), 1);
}

#[test]
fn our_own_save_seen_by_the_watcher_reads_nothing_again() {
    let dir = example();
    let mut app = common::app(dir.path());
    for key in common::TO_KIM {
        step(&mut app, key);
    }
    step(&mut app, Action::CycleStatus);
    let version = app.data_version;
    let effects = step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    assert!(matches!(&effects[..], [Effect::CheckChanged(_)]));
    assert_eq!(app.data_version, version, "nothing was read again");
}

#[test]
fn only_the_changed_file_is_read_again_and_our_saves_elsewhere_are_kept() {
    let dir = example();
    let mut app = common::app(dir.path());
    // Our change to the motion, saved.
    for key in common::TO_KIM {
        step(&mut app, key);
    }
    step(&mut app, Action::CycleStatus);
    // Someone else changes the session file.
    let session = dir.path().join("sitzungen/soz-2022-09-07.toml");
    let text = std::fs::read_to_string(&session).unwrap();
    std::fs::write(
        &session,
        text.replace("date = 2022-09-07", "date = 2022-09-08"),
    )
    .unwrap();
    let changed = std::path::PathBuf::from("sitzungen/soz-2022-09-07.toml");
    let before = agenda::store::load(dir.path());
    let loaded = agenda::store::reload(
        dir.path(),
        &app.loaded,
        Some(std::slice::from_ref(&changed)),
    );
    assert_eq!(loaded.data.sessions[0].date.to_string(), "2022-09-08");
    // Our save is there although its file was not among the changed.
    assert_eq!(
        loaded.data.motions[0].questions[0].status,
        agenda::model::Status::InProgress
    );
    assert_eq!(loaded.data.motions, before.data.motions);
    step(&mut app, Msg::FilesChanged(vec![changed]));
    assert_eq!(app.data().sessions[0].date.to_string(), "2022-09-08");
}

#[test]
fn reading_a_file_is_no_change_writing_it_is() {
    let dir = common::example();
    let (send, events) = std::sync::mpsc::channel();
    let _watching = agenda::watch::watch(dir.path(), None, move |paths| {
        let _ = send.send(paths);
    })
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    // The app looks at a file the watcher named: that must not come back
    // as a change (it did, and the app read its files for ever).
    std::fs::read(dir.path().join(common::KIM)).unwrap();
    let quiet = events.recv_timeout(std::time::Duration::from_millis(1200));
    assert!(quiet.is_err(), "a read came back as {quiet:?}");
    let text = std::fs::read_to_string(dir.path().join(common::KIM)).unwrap();
    std::fs::write(dir.path().join(common::KIM), text + "\n").unwrap();
    let seen = events
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the write is seen");
    assert_eq!(seen, [std::path::PathBuf::from(common::KIM)]);
}

#[test]
fn a_file_broken_or_deleted_elsewhere_is_said_as_such() {
    use agenda::note::{Fate, Note};
    let dir = crate::common::example();
    let mut app = crate::common::app(dir.path());
    let file = dir.path().join(crate::common::KIM);
    let fate = |app: &agenda::app::App| match &app.note {
        Some(Note::Outside(o)) => Some(o.fate.clone()),
        _ => None,
    };
    let original = std::fs::read_to_string(&file).unwrap();
    // Renamed: one change, told with both names.
    let renamed = dir.path().join("antraege/kim-neu.toml");
    std::fs::rename(&file, &renamed).unwrap();
    let both = vec![crate::common::KIM.into(), "antraege/kim-neu.toml".into()];
    crate::common::step(&mut app, agenda::app::Msg::FilesChanged(both));
    assert_eq!(fate(&app), Some(Fate::Renamed(crate::common::KIM.into())));
    let Some(Note::Outside(o)) = &app.note else {
        panic!()
    };
    assert_eq!(
        (o.file.as_path(), o.more),
        (std::path::Path::new("antraege/kim-neu.toml"), 0)
    );
    std::fs::rename(&renamed, &file).unwrap();
    // A new file is new; a session it names that is not there hides nothing.
    let new = "antraege/neu.toml";
    let motion = "[motion]\nid = \"neu\"\nkind = \"Antrag\"\ntitle = \"Neu\"\n";
    std::fs::write(dir.path().join(new), motion).unwrap();
    crate::common::step(&mut app, agenda::app::Msg::FilesChanged(vec![new.into()]));
    assert_eq!(fate(&app), Some(Fate::Added), "{:?}", app.note);
    let wrong = format!("{motion}session = \"gibt-es-nicht\"\n");
    std::fs::write(dir.path().join(new), wrong).unwrap();
    crate::common::step(&mut app, agenda::app::Msg::FilesChanged(vec![new.into()]));
    assert_eq!(fate(&app), Some(Fate::Flawed), "{:?}", app.note);
    std::fs::write(dir.path().join("antraege/kaputt.toml"), "[motion\n").unwrap();
    let broken = vec!["antraege/kaputt.toml".into()];
    crate::common::step(&mut app, agenda::app::Msg::FilesChanged(broken));
    assert_eq!(fate(&app), Some(Fate::AddedBroken), "{:?}", app.note);
    let mut text = original;
    text.push_str("\nbroken = = =\n");
    std::fs::write(&file, text).unwrap();
    let changed = || agenda::app::Msg::FilesChanged(vec![crate::common::KIM.into()]);
    crate::common::step(&mut app, changed());
    assert_eq!(fate(&app), Some(Fate::Broken), "{:?}", app.note);
    std::fs::remove_file(&file).unwrap();
    crate::common::step(&mut app, changed());
    assert_eq!(fate(&app), Some(Fate::Removed), "{:?}", app.note);
}

#[test]
fn two_changes_close_together_are_both_told() {
    let dir = example();
    let mut app = common::app(dir.path());
    let kim = dir.path().join(KIM);
    let text = std::fs::read_to_string(&kim).unwrap().replacen(
        "status = \"open\"\n",
        "status = \"answered\"\nanswer = \"4,5 Stellen.\"\n",
        1,
    );
    std::fs::write(&kim, text).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    let session = "sitzungen/soz-2022-09-07.toml";
    let file = dir.path().join(session);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("(Beispiel)", "(geändert)", 1)).unwrap();
    step(&mut app, Msg::FilesChanged(vec![session.into()]));
    let Some(Note::Outside(outside)) = &app.note else {
        panic!("{:?}", app.note);
    };
    assert_eq!(outside.file, std::path::PathBuf::from(session));
    assert_eq!(outside.more, 1, "the answer told a moment ago is counted");
    // A minute later, still on screen: seen, so told on its own.
    let later = chrono::NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    app.env.clock = Box::new(move || later.and_hms_opt(10, 1, 0).unwrap());
    std::fs::write(&kim, std::fs::read_to_string(&kim).unwrap() + "\n").unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    match &app.note {
        Some(Note::Outside(o)) => assert_eq!(o.more, 0, "{o:?}"),
        other => panic!("{other:?}"),
    }
    // Once put away, the next change is told on its own.
    step(&mut app, Action::Down);
    std::fs::write(&file, text).unwrap();
    step(&mut app, Msg::FilesChanged(vec![session.into()]));
    match &app.note {
        Some(Note::Outside(o)) => assert_eq!(o.more, 0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_answer_being_written_when_its_file_breaks_elsewhere_is_kept_and_saved_once_it_reads() {
    let dir = example();
    let mut app = common::app(dir.path());
    common::press(&mut app, &common::TO_KIM);
    step(&mut app, Action::Open);
    step(&mut app, Action::EditAnswer);
    common::type_in(&mut app, "Die Kämmerei bestätigt 4,5 Stellen.");
    // A colleague's editor leaves a quote open: the motion stops reading.
    let file = dir.path().join(KIM);
    let good = std::fs::read_to_string(&file).unwrap();
    let broken = good.replacen("status = \"open\"", "status = \"open", 1);
    std::fs::write(&file, &broken).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    assert!(app.data().motion("kim-bericht-2022").is_none());
    // The editor stays, with its question, and the text is at risk no more
    // than before: a crash now would still rescue it.
    assert!(app.editing().is_some());
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        screen.contains("Die Kämmerei bestätigt 4,5 Stellen."),
        "{screen}"
    );
    assert!(screen.contains("Frage 1"), "{screen}");
    assert_eq!(app.unsaved().len(), 1);
    // Saved: kept as a change not saved, the file left as it is.
    common::ctrl(&mut app, 's');
    assert!(app.editing().is_none());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
    assert_eq!(app.unsaved().len(), 1, "{:?}", app.note);
    assert!(
        matches!(app.note, Some(Note::FileHasErrors { .. })),
        "{:?}",
        app.note
    );
    // The file is mended: the reload writes the answer.
    std::fs::write(&file, &good).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    let saved = agenda::store::load(dir.path());
    let question = &saved.data.motion("kim-bericht-2022").unwrap().questions[0];
    assert_eq!(
        question.answer.as_deref(),
        Some("Die Kämmerei bestätigt 4,5 Stellen.")
    );
}

#[test]
fn a_hand_edit_of_a_question_names_that_question_and_nobody_who_did_not_make_it() {
    let dir = example();
    let file = dir.path().join(KIM);
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "status = \"open\"\n\n",
        "status = \"open\"\nupdated_by = \"mmuster\"\n\n",
        3,
    );
    std::fs::write(&file, &text).unwrap();
    let mut app = common::app(dir.path());
    // This user changes question 1 here first.
    common::press(&mut app, &common::TO_KIM);
    step(&mut app, Action::CycleStatus);
    // Someone corrects the text of question 3 by hand.
    let now = std::fs::read_to_string(&file).unwrap();
    let edited = now.replacen("Wenn ja, mit welchem Ergebnis?", "Mit welchem Ergebnis?", 1);
    assert_ne!(now, edited);
    std::fs::write(&file, edited).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    let Some(Note::Outside(outside)) = &app.note else {
        panic!("{:?}", app.note);
    };
    assert_eq!(
        outside.question.as_ref().map(|(_, n)| n.as_str()),
        Some("3")
    );
    assert_eq!(
        outside.by, None,
        "the last name on it did not make this change"
    );
}

#[test]
fn an_answer_goes_to_its_question_when_a_colleague_puts_one_in_before_it() {
    let dir = example();
    let mut app = common::app(dir.path());
    common::press(&mut app, &common::TO_KIM);
    // Question 2 of the KIM motion.
    step(&mut app, Action::Down);
    step(&mut app, Action::Open);
    step(&mut app, Action::EditAnswer);
    common::type_in(&mut app, "Zwei Drittel Stadt.");
    // Meanwhile a question goes in before it, and those after move on.
    let file = dir.path().join(KIM);
    let text = std::fs::read_to_string(&file).unwrap();
    let renumbered = text
        .replace("number = \"3\"", "number = \"4\"")
        .replace("number = \"2\"", "number = \"3\"")
        .replacen(
            "[[question]]\nnumber = \"3\"",
            "[[question]]\nnumber = \"2\"\ntext = \"Wie viele Menschen wurden beraten?\"\nstatus = \"open\"\n\n[[question]]\nnumber = \"3\"",
            1,
        );
    assert_ne!(text, renumbered);
    std::fs::write(&file, &renumbered).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    common::ctrl(&mut app, 's');
    let questions = agenda::store::load(dir.path()).data.motions[0]
        .questions
        .clone();
    assert_eq!(questions[1].text, "Wie viele Menschen wurden beraten?");
    assert_eq!(
        questions[1].answer, None,
        "not the colleague's new question"
    );
    assert_eq!(questions[2].number, "3");
    assert_eq!(questions[2].answer.as_deref(), Some("Zwei Drittel Stadt."));
}

#[test]
fn an_editor_closed_with_nothing_typed_sets_nothing_against_a_colleagues_answer() {
    let dir = example();
    let mut app = common::app(dir.path());
    common::press(&mut app, &common::TO_KIM);
    step(&mut app, Action::Open);
    step(&mut app, Action::EditAnswer);
    let file = dir.path().join(KIM);
    let theirs = std::fs::read_to_string(&file).unwrap().replacen(
        "status = \"open\"\n",
        "status = \"answered\"\nanswer = \"4,5 Stellen.\"\n",
        1,
    );
    std::fs::write(&file, &theirs).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    common::ctrl(&mut app, 's');
    assert!(app.editing().is_none());
    assert!(app.journal.conflicts.is_empty(), "{:?}", app.note);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
}

#[test]
fn an_answer_being_written_when_its_file_is_deleted_says_the_file_is_gone() {
    let dir = example();
    let mut app = common::app(dir.path());
    common::press(&mut app, &common::TO_KIM);
    step(&mut app, Action::Open);
    step(&mut app, Action::EditAnswer);
    common::type_in(&mut app, "Vier Stellen.");
    std::fs::remove_file(dir.path().join(KIM)).unwrap();
    step(&mut app, Msg::FilesChanged(vec![KIM.into()]));
    common::ctrl(&mut app, 's');
    assert!(
        matches!(&app.note, Some(Note::FileGone { path }) if path.ends_with(KIM)),
        "{:?}",
        app.note
    );
    assert_eq!(app.unsaved().len(), 1, "kept, not lost");
}
