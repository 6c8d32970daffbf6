//! Creating and shaping records in the app: forms for sessions, agenda
//! items, motions and questions; moving, deleting, undoing; all through
//! `update` and the runtime, on real files.

use crate::common;

use agenda::app::form::Refusal;
use agenda::app::{App, Msg, Screen};
use agenda::input::Action::{self, *};
use common::{KIM, app, contents, data_dir, example, step, typed};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, keys: &[Action]) {
    for key in keys {
        step(app, *key);
    }
}

fn write(app: &mut App, text: &str) {
    for c in text.chars() {
        step(app, typed(KeyCode::Char(c)));
    }
}

/// Empties the focused field.
fn clear(app: &mut App) {
    let ctrl_u = KeyEvent::new(KeyCode::Home, KeyModifiers::NONE);
    step(app, Msg::Press(ctrl_u));
    let end = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL);
    step(app, Msg::Press(end));
}

fn check_is_clean(dir: &std::path::Path) {
    let loaded = agenda::store::load(dir);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}

/// On an empty folder, keys only: the 03.12.2026 session, item 5, an
/// inquiry with two questions; the files are clean and tidy.
#[test]
fn a_new_user_registers_a_session_an_item_and_an_inquiry_with_two_questions() {
    let dir = data_dir(&[]);
    let mut app = app(dir.path());
    step(&mut app, Create);
    write(&mut app, "Ausschuss für Soziales");
    step(&mut app, Next);
    write(&mut app, "3.12.26");
    step(&mut app, Next);
    write(&mut app, "17:00");
    step(&mut app, Next);
    write(&mut app, "Rathaus");
    step(&mut app, Save);
    assert!(app.form().is_none());
    let session = "sitzungen/soziales-2026-12-03.toml";
    assert_eq!(
        std::fs::read_to_string(dir.path().join(session)).unwrap(),
        "[session]\nid = \"soziales-2026-12-03\"\ncommittee = \"Ausschuss für Soziales\"\ndate = 2026-12-03\ntime = 17:00:00\nlocation = \"Rathaus\"\n"
    );

    step(&mut app, Open);
    step(&mut app, Create);
    // The number proposed is the next free one; the user writes 5.
    assert_eq!(app.form().unwrap().fields[0].text(), "1");
    clear(&mut app);
    write(&mut app, "5");
    step(&mut app, Next);
    write(&mut app, "Versorgung mit Kita-Plätzen");
    step(&mut app, Save);
    let data = app.data();
    assert_eq!(data.sessions[0].agenda[0].number, "5");

    step(&mut app, CreateMotion);
    // "Anfrage" is proposed as the kind.
    step(&mut app, Next);
    write(&mut app, "Betreuungsplätze in Kindertagesstätten");
    step(&mut app, Next);
    write(&mut app, "1.12.2026");
    step(&mut app, Next);
    write(&mut app, "SPD, GRÜNE");
    step(&mut app, Save);
    assert_eq!(
        app.place().screen,
        Screen::Motion("betreuungsplaetze-kindertagesstaetten-2026".into())
    );
    for text in ["Wie viele Plätze fehlen?", "Bis wann?"] {
        step(&mut app, Create);
        write(&mut app, text);
        step(&mut app, Save);
    }
    let motion = app
        .data()
        .motion("betreuungsplaetze-kindertagesstaetten-2026")
        .unwrap();
    assert_eq!(motion.session.as_deref(), Some("soziales-2026-12-03"));
    assert_eq!(motion.submitters, ["SPD", "GRÜNE"]);
    let numbers: Vec<&str> = motion.questions.iter().map(|q| q.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2"]);
    check_is_clean(dir.path());

    // Undo takes the last question back out of the file; redo puts it back.
    step(&mut app, Undo);
    assert_eq!(app.data().motions[0].questions.len(), 1);
    step(&mut app, Redo);
    assert_eq!(app.data().motions[0].questions.len(), 2);
    check_is_clean(dir.path());
}

#[test]
fn a_bad_date_is_refused_in_the_form_and_nothing_is_written() {
    let dir = data_dir(&[]);
    let mut app = app(dir.path());
    step(&mut app, Create);
    write(&mut app, "Rat");
    step(&mut app, Next);
    write(&mut app, "31.02.2026");
    step(&mut app, Save);
    let form = app.form().expect("the form stays open");
    assert_eq!(form.refused, [(1, Refusal::NotADate)]);
    assert_eq!(form.focus, 1);
    // An empty committee is refused too: both said by one save, the
    // first in focus, the other marked.
    step(&mut app, Previous);
    clear(&mut app);
    step(&mut app, Save);
    let form = app.form().unwrap();
    assert_eq!(form.refused, [(0, Refusal::Empty), (1, Refusal::NotADate)]);
    assert_eq!(form.focus, 0);
    let shown = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        shown.contains("Ein weiteres Feld (mit !)") && shown.contains("Datum!"),
        "{shown}"
    );
    assert!(contents(dir.path()).is_empty());
    // Esc asks first; discarding writes nothing.
    step(&mut app, Cancel);
    assert!(app.form().unwrap().confirm);
    step(&mut app, Discard);
    assert!(app.form().is_none());
    assert!(contents(dir.path()).is_empty());
    // Undo opens it again, with what was typed.
    step(&mut app, Undo);
    let form = app.form().expect("the discarded form is open again");
    assert!(!form.confirm);
    assert_eq!(form.fields[1].area.lines(), ["31.02.2026"]);
}

#[test]
fn editing_a_session_changes_only_the_keys_changed() {
    let dir = example();
    let path = dir.path().join("sitzungen/soz-2022-09-07.toml");
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = app(dir.path());
    step(&mut app, EditAnswer);
    let form = app.form().expect("e on a session opens its form");
    assert_eq!(
        form.fields[0].text(),
        "Ausschuss für Soziales, Familien und Senioren"
    );
    press(&mut app, &[Next, Next, Next]);
    clear(&mut app);
    write(&mut app, "Ratssaal");
    step(&mut app, Save);
    // The example has no location: the key is added after the others of
    // its table, and the rest of the file stays byte for byte.
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        before.replace(
            "date = 2022-09-07\n",
            "date = 2022-09-07\nlocation = \"Ratssaal\"\n"
        )
    );
    step(&mut app, Undo);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn the_office_in_charge_is_corrected_in_the_motion_form_with_known_offices_offered() {
    let dir = example();
    let other = common::motion("b", None, &["open"]).replace(
        "title = \"Titel b\"\n",
        "title = \"Titel b\"\noffice = \"Amt für Soziales\"\n",
    );
    std::fs::write(dir.path().join("antraege/b.toml"), other).unwrap();
    let path = dir.path().join(KIM);
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = app(dir.path());
    press(&mut app, &[Open, Down, Down, Down, Down]);
    step(&mut app, EditAnswer);
    let form = app.form().expect("e on a motion opens its form");
    let office = form.fields.iter().position(|f| f.key == "office").unwrap();
    for _ in 0..office {
        step(&mut app, Next);
    }
    write(&mut app, "amt f");
    assert_eq!(app.form_suggestions(), ["Amt für Soziales"]);
    clear(&mut app);
    write(&mut app, "Amt 50");
    step(&mut app, Save);
    let after = std::fs::read_to_string(&path).unwrap();
    let diff: Vec<&str> = after.lines().filter(|l| !before.contains(*l)).collect();
    assert_eq!(diff, ["office = \"Amt 50\""]);
    assert_eq!(after.lines().count(), before.lines().count() + 1);
}

#[test]
fn a_question_form_changes_its_text_and_questions_move() {
    let dir = example();
    let before = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    let mut app = app(dir.path());
    press(&mut app, &[Open, Down, Down, Down, Down, Open]);
    step(&mut app, EditQuestion);
    step(&mut app, Next);
    write(&mut app, " (bitte je Baustein)");
    step(&mut app, Save);
    let q = &app.data().motion("kim-bericht-2022").unwrap().questions[0];
    assert!(
        q.text.ends_with("zugeordnet? (bitte je Baustein)"),
        "{}",
        q.text
    );
    // Question 1 moves below question 2, and back with undo.
    step(&mut app, MoveDown);
    let numbers: Vec<String> = app
        .data()
        .motion("kim-bericht-2022")
        .unwrap()
        .questions
        .iter()
        .map(|q| q.number.clone())
        .collect();
    assert_eq!(numbers, ["2", "1", "3"]);
    check_is_clean(dir.path());
    press(&mut app, &[Undo, Undo]);
    // The values are back (who undid it and when is stamped, as for every
    // change; the app writes long text wrapped), the rest as it was.
    let restored = data_dir(&[(KIM, before.as_bytes())]);
    let questions = |dir: &std::path::Path| {
        let loaded = agenda::store::load(dir);
        let m = loaded.data.motions[0].clone();
        m.questions
            .iter()
            .map(|q| (q.number.clone(), q.text.clone(), q.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(questions(dir.path()), questions(restored.path()));
    let after = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    let head = |text: &str| text.split("[[question]]").next().unwrap().to_string();
    assert_eq!(
        head(&after),
        head(&before),
        "the motion's head stays byte for byte"
    );
    check_is_clean(dir.path());
}

#[test]
fn a_deleted_motion_goes_to_the_trash_and_undo_brings_it_back() {
    let dir = example();
    let before = contents(dir.path());
    let mut app = app(dir.path());
    press(&mut app, &[Open, Down, Down, Down, Down]);
    step(&mut app, Delete);
    assert!(app.asked().is_some(), "deleting asks first");
    // Named by the motion, not its file.
    let asked = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(asked.contains("Antrag „Berichterstattung"), "{asked}");
    assert!(!asked.contains("antraege/"), "{asked}");
    step(&mut app, Cancel);
    assert_eq!(contents(dir.path()), before);
    step(&mut app, Delete);
    step(&mut app, Accept);
    assert!(app.data().motion("kim-bericht-2022").is_none());
    assert!(!dir.path().join(KIM).exists());
    // In a folder named for the time of the deletion (the tests' clock).
    let trashed = dir.path().join(".papierkorb/2022-09-01_10-00-00").join(KIM);
    assert!(trashed.exists());
    let said = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        said.contains("In den Papierkorb des Datenordners gelegt: Antrag „Berichterstattung"),
        "{said}"
    );
    assert!(!said.contains("Gespeichert"), "{said}");
    step(&mut app, Undo);
    assert!(app.data().motion("kim-bericht-2022").is_some());
    let said = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        said.contains("Aus dem Papierkorb zurückgeholt: Antrag „Berichterstattung"),
        "{said}"
    );
    let mut now = contents(dir.path());
    now.remove(std::path::Path::new(".agenda.lock"));
    assert_eq!(now, before);
    step(&mut app, Redo);
    assert!(app.data().motion("kim-bericht-2022").is_none());
    let said = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(said.contains("Wieder in den Papierkorb gelegt: "), "{said}");
}

#[test]
fn a_motion_made_anew_and_deleted_again_under_the_same_name_goes_to_the_trash_too() {
    let dir = example();
    let before = contents(dir.path());
    let mut app = app(dir.path());
    press(&mut app, &[Open, Down, Down, Down, Down]);
    step(&mut app, Delete);
    step(&mut app, Accept);
    // The same files again (the motion made anew and put on the agenda,
    // or copied back by hand), then deleted within the same second of the
    // tests' clock.
    for (path, text) in &before {
        std::fs::write(dir.path().join(path), text).unwrap();
    }
    step(&mut app, Reload);
    step(&mut app, Back);
    press(&mut app, &[Open, Down, Down, Down, Down]);
    step(&mut app, Delete);
    step(&mut app, Accept);
    assert!(app.journal.pending.is_empty(), "{:?}", app.journal.pending);
    assert!(!dir.path().join(KIM).exists());
    let trash = dir.path().join(".papierkorb");
    assert!(trash.join("2022-09-01_10-00-00").join(KIM).exists());
    assert!(trash.join("2022-09-01_10-00-00-2").join(KIM).exists());
    let said = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        said.contains("In den Papierkorb des Datenordners gelegt"),
        "{said}"
    );
}

#[test]
fn a_motion_is_withdrawn_put_on_an_item_and_moved_and_all_of_it_undone() {
    let dir = example();
    let before = contents(dir.path());
    let mut app = app(dir.path());
    // On the KIM motion's row of the session.
    press(&mut app, &[Open, Down, Down, Down, Down]);
    step(&mut app, CycleState);
    let kim = || {
        agenda::store::load(dir.path())
            .data
            .motion("kim-bericht-2022")
            .cloned()
            .unwrap()
    };
    assert_eq!(kim().state, agenda::model::MotionState::Withdrawn);
    // Withdrawn: its questions no longer count as open.
    let data = app.data();
    let overview = agenda::overview::overview(data);
    assert_eq!(overview.sessions[0].open(), 0);

    // From TOP 4 to TOP 5.
    step(&mut app, PlaceOnItem);
    assert_eq!(app.choice().unwrap().cursor, 3, "its item is chosen first");
    press(&mut app, &[Down, Open]);
    let session = agenda::store::load(dir.path()).data.sessions[0].clone();
    assert!(session.agenda[3].motions.is_empty());
    assert_eq!(session.agenda[4].motions, ["kim-bericht-2022"]);
    check_is_clean(dir.path());

    // To no session at all: off the agenda, its `session` key gone.
    step(&mut app, MoveToSession);
    press(&mut app, &[Bottom, Open]);
    assert_eq!(kim().session, None, "{:?}", app.note);
    let session = agenda::store::load(dir.path()).data.sessions[0].clone();
    assert!(session.agenda.iter().all(|item| item.motions.is_empty()));
    check_is_clean(dir.path());

    step(&mut app, Undo);
    // Said as it stands now, the session by its name, not its id.
    let texts = agenda::i18n::Lang::De.texts();
    let keys = agenda::i18n::Keys::new(&app.keymap, texts).with_data(app.data());
    let said = texts.note(app.note.as_ref().unwrap(), &keys);
    assert!(
        said.starts_with("Rückgängig gemacht, jetzt wieder:"),
        "{said}"
    );
    assert!(said.contains("Sitzung → Ausschuss für Soziales"), "{said}");
    assert!(!said.contains("soz-2022-09-07"), "{said}");
    press(&mut app, &[Undo, Undo]);
    // Every value is back; a key that was removed comes back at the end of
    // its table (toml_edit cannot insert a key at a position).
    let restored = data_dir(
        &before
            .iter()
            .map(|(p, t)| (p.to_str().unwrap(), t.as_bytes()))
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        agenda::store::load(dir.path()).data.motions[0],
        agenda::store::load(restored.path()).data.motions[0],
    );
    assert_eq!(
        contents(dir.path()).get(std::path::Path::new("sitzungen/soz-2022-09-07.toml")),
        before.get(std::path::Path::new("sitzungen/soz-2022-09-07.toml")),
        "the session file is byte for byte as before"
    );
}

#[test]
fn renumbering_numbers_questions_in_their_order() {
    let dir = example();
    let mut app = app(dir.path());
    press(&mut app, &[Open, Down, Down, Down, Down, Open]);
    press(&mut app, &[MoveDown, Renumber]);
    let numbers: Vec<String> = agenda::store::load(dir.path())
        .data
        .motion("kim-bericht-2022")
        .unwrap()
        .questions
        .iter()
        .map(|q| format!("{} {}", q.number, &q.text[..8]))
        .collect();
    // Question 2 came first and is number 1 now; the old 1 is 2.
    assert_eq!(numbers, ["1 Wie plan", "2 Wie viel", "3 Haben be"]);
    check_is_clean(dir.path());
    // One undo takes the whole renumbering back.
    step(&mut app, Undo);
    let loaded = agenda::store::load(dir.path());
    let first = &loaded.data.motion("kim-bericht-2022").unwrap().questions[0];
    assert_eq!(first.number, "2");
}

#[test]
fn an_agenda_items_motions_are_chosen_by_title_never_by_id() {
    let dir = example();
    let mut app = app(dir.path());
    // TOP 5 of the example session: its form, then its motions field.
    press(&mut app, &[Open, Bottom, EditAnswer]);
    let form = app.form().expect("the item's form");
    assert_eq!(form.fields[3].key, "motions");
    press(&mut app, &[Next, Next, Next]);
    write(&mut app, "Gibt es nicht");
    step(&mut app, Save);
    assert_eq!(app.form().unwrap().refused, [(3, Refusal::NoSuchMotion)]);
    clear(&mut app);
    write(&mut app, "berichterst");
    assert_eq!(
        app.form_suggestions(),
        ["Berichterstattung zur Umsetzung des Kommunalen Integrationsmanagements (KIM)"]
    );
    step(&mut app, Complete);
    step(&mut app, Save);
    assert!(app.form().is_none(), "{:?}", app.note);
    let session = agenda::store::load(dir.path()).data.sessions[0].clone();
    assert_eq!(session.agenda[4].motions, ["kim-bericht-2022"]);
}

#[test]
fn a_motion_without_a_date_is_named_for_its_sessions_year() {
    let dir = crate::common::example();
    let mut app = crate::common::app(dir.path());
    app.env.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    step(&mut app, Open);
    step(&mut app, CreateMotion);
    step(&mut app, Next);
    write(&mut app, "Radwege in der Südstadt");
    step(&mut app, Save);
    assert_eq!(
        app.place().screen,
        Screen::Motion("radwege-suedstadt-2022".into()),
        "{:?}",
        app.note
    );
}

#[test]
fn p_on_a_motion_of_no_session_says_how_to_give_it_one() {
    let loose = common::motion("m", None, &["open"]);
    let dir = data_dir(&[("m.toml", loose.as_bytes())]);
    let mut app = app(dir.path());
    press(&mut app, &[Open, PlaceOnItem]);
    assert_eq!(app.note, Some(agenda::app::Note::NoSessionForItem));
    let said = common::screen(&mut app, agenda::i18n::Lang::De).join(" ");
    assert!(
        said.contains("gehört noch zu keiner Sitzung. M ordnet"),
        "{said}"
    );
}
