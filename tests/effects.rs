//! `update` changes state only: every file, the user's editor, the report
//! and the search are effects it returns, carried out by the runtime.

use crate::common;

use agenda::app::{Effect, Msg};
use agenda::edit::{Change, Field};
use agenda::input::Action::*;
use agenda::model::Status;
use common::{KIM, app, contents, example, step, typed};
use crossterm::event::KeyCode;

const TO_QUESTION_1: &[agenda::input::Action] = &[Open, Down, Down, Down, Down, Open, Open];

#[test]
fn a_change_is_in_memory_at_once_and_on_disk_only_once_the_save_is_carried_out() {
    let dir = example();
    let mut app = app(dir.path());
    for key in TO_QUESTION_1 {
        step(&mut app, *key);
    }
    let before = contents(dir.path());
    let effects = app.update(MarkAnswered);
    assert_eq!(app.question().unwrap().1.status, Status::Answered);
    assert_eq!(contents(dir.path()), before, "update itself writes nothing");
    let [Effect::Save(save)] = &effects[..] else {
        panic!("one save expected: {effects:?}");
    };
    assert_eq!(save.path, std::path::Path::new(KIM));
    assert!(matches!(
        &save.changes[..],
        [Change::Question(q)] if q.after == Field::Status(Status::Answered)
    ));
    // The runtime writes it and answers; the answer asks for nothing more.
    let mut host = agenda::runtime::Headless::default();
    let answer = agenda::runtime::perform(&app, effects[0].clone(), &mut host).unwrap();
    assert!(matches!(
        &answer,
        Msg::Saved {
            outcome: Ok(Some(_)),
            ..
        }
    ));
    assert!(app.update(answer).is_empty());
    assert_ne!(contents(dir.path()), before);
    assert!(app.journal.pending.is_empty());
}

#[test]
fn reload_report_editor_and_search_are_asked_for_not_done() {
    let dir = example();
    let mut app = app(dir.path());
    assert!(matches!(&app.update(Reload)[..], [Effect::Reload]));
    let _ = app.update(Open);
    // `x` asks which version and format: the configured one in focus.
    assert!(app.update(Export).is_empty());
    let effects = app.update(Down);
    assert!(effects.is_empty());
    assert!(matches!(
        &app.update(Open)[..],
        [Effect::Report(agenda::app::Paper::Session(session), output)]
            if session == "soz-2022-09-07" && !output.final_version
    ));
    assert!(!dir.path().join(".reports").exists());
    for key in [Down, Down, Down, Down, Open, Open] {
        let _ = app.update(key);
    }
    assert!(matches!(
        &app.update(EditExternal)[..],
        [Effect::EditExternal { text, .. }] if text.is_empty()
    ));
    let _ = app.update(Search);
    let effects = app.update(typed(KeyCode::Char('k')));
    assert!(
        matches!(&effects[..], [Effect::Search { query, .. }] if query == "k"),
        "{effects:?}"
    );
}

#[test]
fn the_runtime_writes_the_report_it_was_asked_for() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, Open);
    step(&mut app, Export);
    step(&mut app, Open);
    let Some(agenda::app::Note::Exported {
        path,
        letter: false,
        unreadable: 0,
        unmarked: 0,
    }) = &app.note
    else {
        panic!("{:?}", app.note);
    };
    assert!(path.starts_with(dir.path().join(".reports")));
    let html = std::fs::read_to_string(path).unwrap();
    assert!(html.contains("Kommunalen Integrationsmanagements"));
}

#[test]
fn x_offers_the_final_version_in_word_for_the_committee() {
    let dir = example();
    let mut app = app(dir.path());
    step(&mut app, Open);
    step(&mut app, Export);
    let screen = crate::common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    // The box names what it writes: the session's report.
    assert!(
        screen.contains("Bericht: Ausschuss für Soziales, Familien und Senioren 07.09.2022"),
        "{screen}"
    );
    assert!(
        screen.contains("Endfassung für den Ausschuss, Word (.docx)"),
        "{screen}"
    );
    // From the configured format (HTML, the second) to the fourth.
    step(&mut app, Down);
    step(&mut app, Down);
    step(&mut app, Open);
    let Some(agenda::app::Note::Exported { path, .. }) = &app.note else {
        panic!("{:?}", app.note);
    };
    assert_eq!(path.extension().unwrap(), "docx");
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Bericht der Verwaltung"), "a report");
    assert!(!xml.contains("Arbeitsfassung"), "the final version");
}

/// Writes the answer letter (`x`, then the option `downs` below the one in
/// focus) and returns how many answers the note says it calls open.
fn unmarked_after_export(app: &mut agenda::app::App, downs: usize) -> usize {
    step(app, Export);
    for _ in 0..downs {
        step(app, Down);
    }
    step(app, Open);
    match &app.note {
        Some(agenda::app::Note::Exported { unmarked, .. }) => *unmarked,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_written_answer_not_marked_answered_is_pointed_out_on_saving_and_in_the_final_version() {
    let dir = example();
    let mut app = app(dir.path());
    for action in [Open, Down, Down, Down, Down, Open, Open, EditAnswer] {
        step(&mut app, action);
    }
    crate::common::type_in(&mut app, "Es sind 4,5 Stellen.");
    step(&mut app, Save);
    let said = crate::common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        said.contains("Fertig? a markiert die Frage als beantwortet."),
        "{said}"
    );
    // The working version (in focus) shows the draft: nothing to point out.
    assert_eq!(unmarked_after_export(&mut app, 0), 0);
    // The final version (three below) calls it open, and says so.
    assert_eq!(unmarked_after_export(&mut app, 3), 1);
    let said = crate::common::screen(&mut app, agenda::i18n::Lang::De).join(" ");
    assert!(
        said.contains("Achtung: 1 Frage hat eine geschriebene Antwort"),
        "{said}"
    );
    // Marked answered, the final version has nothing to point out.
    step(&mut app, MarkAnswered);
    assert_eq!(unmarked_after_export(&mut app, 3), 0);
}

/// On a motion's row in a session, `x` writes that motion's answer letter
/// and says so; `t` on an agenda item opens its form (typing there never
/// runs as commands); `a` on a question without an answer text says that
/// it still counts as open.
#[test]
fn keys_act_on_what_the_cursor_is_on_and_say_what_they_did() {
    use agenda::app::Paper;
    let dir = example();
    let mut app = app(dir.path());
    for key in [Open, Down, Down, Down, Down, Export] {
        step(&mut app, key);
    }
    let screen = crate::common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        screen.contains("Beantwortung: „Berichterstattung")
            && screen.contains("Endfassung zum Versand, Word"),
        "{screen}"
    );
    let Some(agenda::app::Overlay::Choose(choice)) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert!(matches!(
        &choice.purpose,
        agenda::app::place::Purpose::Paper(Paper::Motion(id)) if id == "kim-bericht-2022"
    ));
    step(&mut app, Back);
    step(&mut app, Up);
    step(&mut app, EditQuestion);
    let form = app.form().expect("the agenda item's form");
    assert_eq!(
        form.fields[1].text(),
        "Berichterstattung zur Umsetzung des Kommunalen Integrationsmanagements (KIM)"
    );
    step(&mut app, Cancel);
    for key in [Down, Open, Open, MarkAnswered] {
        step(&mut app, key);
    }
    let said = crate::common::screen(&mut app, agenda::i18n::Lang::De).join(" ");
    assert!(said.contains("zählt sie weiter als offen"), "{said}");
}
