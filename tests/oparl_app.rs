//! `I` in the app: the configured council system pulled as one step that
//! `u` takes back, and what it leaves alone. Runs `update` with a test
//! backend; the source is a list page of the fixtures, so nothing leaves
//! the machine.

use crate::common;

use std::path::Path;

use common::contents;

use crate::oparl::{ALL, ANFRAGE, AUSSCHUSS, fixture, folder};

fn list_page(at: &Path) -> String {
    let data: Vec<serde_json::Value> = ALL
        .iter()
        .map(|name| serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap())
        .collect();
    let page = serde_json::json!({"data": data, "links": {}});
    let path = at.join("liste.json");
    std::fs::write(&path, page.to_string()).unwrap();
    path.display().to_string()
}

#[test]
fn shift_i_in_the_app_pulls_the_configured_system_as_one_step_that_u_undoes() {
    use agenda::input::Action;
    let (home, dir) = folder();
    let source = list_page(home.path());
    let config = format!("[oparl]\nurl = {source:?}\ndays_back = 10000\n");
    let mut app = common::app_with_config(&dir, Some(&config));
    let effects = common::step(&mut app, Action::PullOparl);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, agenda::app::Effect::PullOparl(_)))
    );
    assert_eq!(app.pulling, None);
    // Written, read back, shown.
    assert_eq!(app.data().sessions.len(), 2);
    assert_eq!(app.data().motions.len(), 1);
    assert!(dir.join(AUSSCHUSS).exists() && dir.join(ANFRAGE).exists());
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("Rat der Stadt Hagenfeld"), "{screen}");
    let note = agenda::i18n::Lang::De.texts().note(
        app.note.as_ref().unwrap(),
        &agenda::i18n::Keys::new(&app.keymap, agenda::i18n::Lang::De.texts()),
    );
    assert!(note.contains("3 neu, 0 geändert"), "{note}");
    // A second pull finds nothing new and writes nothing.
    let before = contents(&dir);
    common::step(&mut app, Action::PullOparl);
    assert_eq!(contents(&dir), before);
    // Undo takes the whole pull back.
    common::step(&mut app, Action::Undo);
    assert!(!dir.join(AUSSCHUSS).exists() && !dir.join(ANFRAGE).exists());
    assert!(app.data().sessions.is_empty());
}

#[test]
fn shift_i_without_a_configured_system_says_where_to_set_it() {
    use agenda::input::Action;
    let (_home, dir) = folder();
    let mut app = common::app(&dir);
    let effects = common::step(&mut app, Action::PullOparl);
    assert!(effects.is_empty());
    assert_eq!(app.note, Some(agenda::note::Note::PullNoSource(None)));
}

#[test]
fn shift_i_leaves_a_motion_file_with_errors_alone_and_makes_no_second_one() {
    use agenda::input::Action;
    let (home, dir) = folder();
    let source = list_page(home.path());
    let config = format!("[oparl]\nurl = {source:?}\ndays_back = 10000\n");
    let mut app = common::app_with_config(&dir, Some(&config));
    common::step(&mut app, Action::PullOparl);
    assert!(dir.join(ANFRAGE).exists());
    // The motion's file gets an error and another name (a colleague's
    // copy): only its text tells what it holds. The app reads it again.
    let mut text = std::fs::read_to_string(dir.join(ANFRAGE)).unwrap();
    text.push_str("\nbroken = = =\n");
    std::fs::remove_file(dir.join(ANFRAGE)).unwrap();
    std::fs::write(dir.join("antraege/kopie.toml"), &text).unwrap();
    common::step(&mut app, Action::Reload);
    let before = contents(&dir);
    common::step(&mut app, Action::PullOparl);
    assert_eq!(contents(&dir), before, "nothing written, nothing doubled");
}

#[test]
fn shift_i_from_a_source_that_fails_says_nothing_was_taken_over_not_nothing_new() {
    use agenda::input::Action;
    let (home, dir) = folder();
    let missing = home.path().join("weg.json");
    let config = format!("[oparl]\nurl = {:?}\n", missing.display().to_string());
    let mut app = common::app_with_config(&dir, Some(&config));
    common::step(&mut app, Action::PullOparl);
    let texts = agenda::i18n::Lang::De.texts();
    let note = texts.note(
        app.note.as_ref().unwrap(),
        &agenda::i18n::Keys::new(&app.keymap, texts),
    );
    assert!(
        note.starts_with("Ratsinformationssystem: nichts übernommen."),
        "{note}"
    );
}
