//! Finding, jumping, reviewing open questions and filtering, through
//! `App::update` alone.

use crate::common;

use agenda::app::rows::SessionKey;
use agenda::app::{App, Msg, Note, Screen};
use agenda::input::Action::{self, *};
use agenda::model::Status;
use agenda::search::Index;
use common::{app, data_dir, find, session, step};
use crossterm::event::KeyCode;

/// A past session, two coming ones and a motion at none; statuses mixed.
fn council() -> tempfile::TempDir {
    let item = |n: &str, m: &str| {
        format!("\n[[agenda]]\nnumber = \"{n}\"\ntitle = \"Punkt {n}\"\nmotions = [\"{m}\"]\n")
    };
    let motion = |id: &str, group: &str, questions: &[(&str, Option<&str>)]| {
        let mut out = format!(
            "[motion]\nid = \"{id}\"\nkind = \"Anfrage\"\ntitle = \"Titel {id}\"\nsubmitters = [\"{group}\"]\n"
        );
        for (n, (status, who)) in questions.iter().enumerate() {
            out.push_str(&format!(
                "\n[[question]]\nnumber = \"{}\"\ntext = \"Frage {id} {}\"\nstatus = \"{status}\"\n",
                n + 1,
                n + 1
            ));
            if let Some(who) = who {
                out.push_str(&format!("assignee = \"{who}\"\n"));
            }
            if *status == "answered" {
                out.push_str("answer = \"Erledigt.\"\n");
            }
        }
        out
    };
    data_dir(&[
        (
            "s/past.toml",
            session("past", "2022-08-01", &item("1", "p")).as_bytes(),
        ),
        (
            "s/soz.toml",
            session("soz", "2022-09-07", &(item("3", "a") + &item("4", "a2"))).as_bytes(),
        ),
        (
            "s/bau.toml",
            session("bau", "2022-10-01", &item("2", "b")).as_bytes(),
        ),
        ("m/p.toml", motion("p", "CDU", &[("open", None)]).as_bytes()),
        (
            "m/a.toml",
            motion(
                "a",
                "SPD",
                &[("answered", Some("Amt 50")), ("open", Some("Amt 50"))],
            )
            .as_bytes(),
        ),
        (
            "m/a2.toml",
            motion("a2", "CDU", &[("in_progress", Some("Amt 20"))]).as_bytes(),
        ),
        ("m/b.toml", motion("b", "CDU", &[("open", None)]).as_bytes()),
        (
            "m/c.toml",
            motion("c", "GRÜNE", &[("open", Some("Amt 20"))]).as_bytes(),
        ),
    ])
}

fn press(app: &mut App, keys: &[Action]) {
    for key in keys {
        step(app, *key);
    }
}

/// The question shown, as (motion id, question number).
fn shown(app: &App) -> (String, String) {
    let (motion, question) = app.question().expect("a question is shown");
    (motion.id.clone(), question.number.clone())
}

fn q(motion: &str, number: &str) -> (String, String) {
    (motion.into(), number.into())
}

#[test]
fn n_walks_open_questions_in_session_date_order_and_wraps() {
    let dir = council();
    let mut app = app(dir.path());
    let mut walk = Vec::new();
    for _ in 0..6 {
        press(&mut app, &[NextOpen]);
        walk.push(shown(&app));
    }
    assert_eq!(
        walk,
        [
            q("p", "1"),
            q("a", "2"),
            q("a2", "1"),
            q("b", "1"),
            q("c", "1"),
            q("p", "1")
        ]
    );
    assert_eq!(app.note, Some(Note::Wrapped));
    // Back again with N.
    press(&mut app, &[PreviousOpen]);
    assert_eq!(shown(&app), q("c", "1"));
    press(&mut app, &[PreviousOpen]);
    assert_eq!(shown(&app), q("b", "1"));
}

#[test]
fn n_skips_what_gets_answered_and_says_when_nothing_is_left() {
    let dir = council();
    let mut app = app(dir.path());
    for _ in 0..5 {
        press(&mut app, &[NextOpen, MarkAnswered]);
    }
    // Marked answered without a text is still open (as everywhere):
    // n comes back to it until it has its answer.
    press(&mut app, &[NextOpen]);
    assert_ne!(app.note, Some(Note::NothingOpen));
    assert!(app.question().is_some_and(|(_, q)| !q.is_done()));
    let loaded = agenda::store::load(dir.path());
    let open = loaded
        .data
        .motions
        .iter()
        .flat_map(|m| &m.questions)
        .filter(|q| q.status != Status::Answered)
        .count();
    assert_eq!(open, 0, "every answer was saved");
}

#[test]
fn n_from_a_sessions_agenda_starts_in_that_session() {
    let dir = council();
    let mut app = app(dir.path());
    press(&mut app, &[Down, Down, Open]);
    assert_eq!(
        app.place().screen,
        Screen::Session(SessionKey::Id("bau".into()))
    );
    press(&mut app, &[NextOpen]);
    assert_eq!(shown(&app), q("b", "1"));
}

#[test]
fn a_jump_builds_the_way_back() {
    let dir = council();
    let mut app = app(dir.path());
    press(&mut app, &[NextOpen, NextOpen]);
    let screens: Vec<Screen> = app.stack.iter().map(|p| p.screen.clone()).collect();
    assert_eq!(
        screens,
        [
            Screen::Sessions,
            Screen::Session(SessionKey::Id("soz".into())),
            Screen::Motion("a".into()),
            Screen::Question("a".into(), 1),
        ]
    );
    // The cursors below point at where the question sits.
    assert_eq!(app.stack[0].selected, 1, "soz is the second session");
    assert_eq!(app.stack[2].selected, 1, "question 2 of the motion");
    press(&mut app, &[Back, Back]);
    assert_eq!(app.stack[1].selected, 1, "the motion's row under item 3");
    press(&mut app, &[Open]);
    assert_eq!(app.place().screen, Screen::Motion("a".into()));
}

#[test]
fn the_finder_jumps_to_a_hit_and_escape_returns() {
    let dir = council();
    let mut app = app(dir.path());
    press(&mut app, &[Open]);
    let before = app.stack.clone();
    find(&mut app, "frage b");
    let finder = app.finder().unwrap();
    assert!(!finder.searching());
    assert!(!finder.hits.is_empty());
    step(&mut app, Msg::Key(Action::Cancel));
    assert!(app.finder().is_none());
    assert_eq!(app.stack, before, "escape returns to where you were");

    find(&mut app, "frage b 1");
    step(&mut app, Msg::Key(Action::Accept));
    assert_eq!(shown(&app), q("b", "1"));
    assert_eq!(
        app.stack[1].screen,
        Screen::Session(SessionKey::Id("bau".into()))
    );
}

#[test]
fn the_finder_reaches_every_kind_of_record() {
    let dir = council();
    let mut app = app(dir.path());
    find(&mut app, "Punkt 4");
    step(&mut app, Msg::Key(Action::Accept));
    assert_eq!(
        app.place().screen,
        Screen::Session(SessionKey::Id("soz".into()))
    );
    assert_eq!(app.place().selected, 2, "the row of item 4");

    find(&mut app, "Titel c");
    step(&mut app, Msg::Key(Action::Accept));
    assert_eq!(app.place().screen, Screen::Motion("c".into()));
    assert_eq!(app.stack[1].screen, Screen::Session(SessionKey::Unplaced));

    find(&mut app, "ausschuss bau");
    step(&mut app, Msg::Key(Action::Accept));
    assert_eq!(app.stack.len(), 2);
    assert_eq!(
        app.place().screen,
        Screen::Session(SessionKey::Id("bau".into()))
    );
}

#[test]
fn late_answers_for_an_older_query_are_dropped() {
    let dir = council();
    let mut app = app(dir.path());
    press(&mut app, &[Search]);
    step(&mut app, common::typed(KeyCode::Char('t')));
    let old = app.finder().unwrap().generation;
    step(&mut app, common::typed(KeyCode::Char('i')));
    let stale = Index::build(app.data()).search(app.data(), "t", 200);
    step(
        &mut app,
        Msg::SearchResults {
            generation: old,
            hits: stale,
            total: 0,
        },
    );
    let finder = app.finder().unwrap();
    assert!(finder.searching(), "still waiting for the newest query");
    assert!(finder.hits.is_empty());
    // Keys of the keymap do nothing while typing.
    press(&mut app, &[Quit, Down]);
    assert!(!app.quit);
    step(&mut app, common::typed(KeyCode::Backspace));
    step(&mut app, Msg::Key(Action::DeleteWord));
    assert_eq!(app.finder().unwrap().query, "");
}

#[test]
fn filters_narrow_every_view() {
    let dir = council();
    let mut app = app(dir.path());
    // Filter menu: statuses first; choose "in progress".
    press(&mut app, &[Filter, Down, CycleStatus, Back]);
    assert!(app.filter_menu().is_none());
    assert_eq!(
        app.filter.statuses.iter().collect::<Vec<_>>(),
        [&Status::InProgress]
    );
    // Only soz has a question in progress.
    press(&mut app, &[Bottom, Open]);
    assert_eq!(
        app.place().screen,
        Screen::Session(SessionKey::Id("soz".into()))
    );
    let rows = app.session_rows(&SessionKey::Id("soz".into()));
    assert_eq!(rows.len(), 2, "item 4 and motion a2 only");
    press(&mut app, &[Down, Open]);
    assert_eq!(app.place().screen, Screen::Motion("a2".into()));

    // By assignee: "Amt 50" shows motion a with both its questions of Amt 50.
    app.filter = Default::default();
    app.filter.assignees.insert(Some("Amt 50".into()));
    app.filter.statuses.insert(Status::Open);
    app.stack.truncate(1);
    press(&mut app, &[Top, Open, Down, Open]);
    assert_eq!(app.place().screen, Screen::Motion("a".into()));
    // The one visible row is question 2; marking it acts on question 2.
    press(&mut app, &[MarkAnswered]);
    let loaded = agenda::store::load(dir.path());
    let a = loaded.data.motion("a").unwrap();
    assert_eq!(a.questions[1].status, Status::Answered);

    // By group: GRÜNE leaves only the motion at no session.
    app.filter = Default::default();
    app.filter.groups.insert("GRÜNE".into());
    let keys = app.session_keys();
    assert_eq!(*keys, [SessionKey::Unplaced]);
    // n follows the filter too.
    app.stack.truncate(1);
    press(&mut app, &[NextOpen]);
    assert_eq!(shown(&app), q("c", "1"));
}

#[test]
fn clearing_the_filter_shows_everything_again() {
    let dir = council();
    let mut app = app(dir.path());
    press(&mut app, &[Filter, CycleStatus]);
    assert!(app.filter.is_active());
    press(&mut app, &[Bottom, CycleStatus, Back]);
    assert!(!app.filter.is_active());
}

#[test]
fn under_a_filter_the_sessions_list_counts_the_questions_it_lets_through() {
    use agenda::app::filter::FilterOption;
    use agenda::input::Action::*;
    let dir = common::example();
    let mut app = common::app(dir.path());
    for action in [Open, Down, Down, Down, Down, Open, Open, EditAnswer] {
        common::step(&mut app, action);
    }
    common::type_in(&mut app, "Es sind 4,5 Stellen.");
    common::step(&mut app, Save);
    common::step(&mut app, MarkAnswered);
    for _ in 0..3 {
        common::step(&mut app, Back);
    }
    let row = |app: &mut agenda::app::App| common::row_with(app, "07.09.2022");
    assert!(
        row(&mut app).trim_end().ends_with("1/3"),
        "{}",
        row(&mut app)
    );
    // Only the open ones: the two left, none of them answered.
    app.filter
        .toggle(&FilterOption::Status(agenda::model::Status::Open));
    assert!(
        row(&mut app).trim_end().ends_with("0/2"),
        "{}",
        row(&mut app)
    );
    // The session's agenda counts the same: its item and its motion.
    common::step(&mut app, Open);
    let shown = common::screen(&mut app, agenda::i18n::Lang::De);
    let counted = (shown.iter())
        .filter(|l| l.trim_end().ends_with("0/2"))
        .count();
    assert_eq!(counted, 2, "{}", shown.join("\n"));
}

#[test]
fn a_filter_set_at_the_bottom_of_a_long_worklist_shows_every_row_that_passes() {
    use agenda::app::filter::FilterOption;
    use agenda::input::Action::*;
    let mut motion = String::from("[motion]\nid = \"m\"\nkind = \"Anfrage\"\ntitle = \"Viele\"\n");
    for n in 1..=30 {
        let (office, word) = if n <= 4 {
            ("Sozialamt", "Sozial")
        } else {
            ("Bauamt", "Bau")
        };
        motion.push_str(&format!(
            "\n[[question]]\nnumber = \"{n}\"\ntext = \"{word}frage {n}\"\nstatus = \"open\"\nassignee = \"{office}\"\n"
        ));
    }
    let dir = common::data_dir(&[("m.toml", motion.as_bytes())]);
    let mut app = common::app(dir.path());
    common::step(&mut app, Worklist);
    common::step(&mut app, Bottom);
    common::screen(&mut app, agenda::i18n::Lang::De);
    common::step(&mut app, Filter);
    let at = app
        .filter_options()
        .iter()
        .position(|o| *o == FilterOption::Assignee(Some("Sozialamt".into())))
        .unwrap();
    for _ in 0..at {
        common::step(&mut app, Down);
    }
    common::step(&mut app, Open);
    common::step(&mut app, Back);
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    for n in 1..=4 {
        assert!(screen.contains(&format!("Sozialfrage {n}")), "{screen}");
    }
}

#[test]
fn under_a_filter_the_sessions_list_marks_only_the_late_questions_it_lets_through() {
    use agenda::app::filter::FilterOption;
    use agenda::input::Action::*;
    let dir = common::example();
    let mut app = common::app(dir.path());
    // All three are late by the rule; question 2 goes to the Sozialamt.
    for action in [Open, Down, Down, Down, Down, Open, Down, Open, EditAssignee] {
        common::step(&mut app, action);
    }
    common::type_in(&mut app, "Sozialamt");
    common::step(&mut app, common::typed(crossterm::event::KeyCode::Enter));
    for _ in 0..3 {
        common::step(&mut app, Back);
    }
    let row = |app: &mut agenda::app::App| common::row_with(app, "07.09.2022");
    assert!(row(&mut app).contains("!3"), "{}", row(&mut app));
    app.filter
        .toggle(&FilterOption::Assignee(Some("Sozialamt".into())));
    let shown = row(&mut app);
    assert!(
        shown.contains("!1") && shown.trim_end().ends_with("0/1"),
        "{shown}"
    );
}

#[test]
fn enter_on_a_files_problem_opens_its_record() {
    use agenda::input::Action::*;
    let dir = common::example();
    let kim = dir.path().join(common::KIM);
    let text = std::fs::read_to_string(&kim).unwrap();
    std::fs::write(
        &kim,
        text.replacen("status = \"open\"", "status = \"answered\"", 1),
    )
    .unwrap();
    let mut app = common::app(dir.path());
    assert_eq!(app.loaded.diagnostics.len(), 1, "answered without a text");
    common::step(&mut app, Problems);
    common::step(&mut app, Open);
    assert_eq!(
        app.place().screen,
        agenda::app::Screen::Motion("kim-bericht-2022".into())
    );
}

#[test]
fn the_due_filter_leaves_what_is_overdue_or_due_within_the_week() {
    use agenda::app::rows::WorkAt;
    // Today is 01.09.2022; the session on 04.09. makes a question without
    // a date of its own due on 28.08. (seven days before): overdue.
    let dir = data_dir(&[
        ("s.toml", b"[session]\nid = \"rat\"\ncommittee = \"Rat\"\ndate = 2022-09-04\n"),
        (
            "m.toml",
            b"[motion]\nid = \"m\"\nkind = \"Anfrage\"\ntitle = \"T\"\nsession = \"rat\"\n\n\
              [[question]]\nnumber = \"1\"\ntext = \"Nach Regel\"\n\n\
              [[question]]\nnumber = \"2\"\ntext = \"Bald\"\ndue = 2022-09-08\n\n\
              [[question]]\nnumber = \"3\"\ntext = \"Spaeter\"\ndue = 2022-09-09\n\n\
              [[question]]\nnumber = \"4\"\ntext = \"Fertig\"\ndue = 2022-08-01\nstatus = \"answered\"\nanswer = \"Ja.\"\n",
        ),
        (
            "w.toml",
            b"[motion]\nid = \"w\"\nkind = \"Anfrage\"\ntitle = \"Zurueck\"\nsession = \"rat\"\nstate = \"withdrawn\"\n\n\
              [[question]]\nnumber = \"1\"\ntext = \"Alt\"\ndue = 2022-08-01\n",
        ),
    ]);
    let mut app = app(dir.path());
    let questions = |app: &App| -> Vec<(String, usize)> {
        (app.work_rows().iter())
            .filter_map(|row| match row {
                WorkAt::Question { motion, index, .. } => {
                    Some((app.data().motions[*motion].id.clone(), *index))
                }
                _ => None,
            })
            .collect()
    };
    // The menu: the three statuses, then "überfällig" and the week.
    press(&mut app, &[Filter, Down, Down, Down, CycleStatus, Back]);
    press(&mut app, &[Worklist]);
    assert_eq!(questions(&app), [("m".to_string(), 0)]);
    let shown = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(shown.contains("Filter: überfällig"), "{shown}");
    // With the week: due up to 08.09.; and question 3, due on the 09.
    // but asked for the session on the 04.: needed there.
    press(
        &mut app,
        &[Filter, Down, Down, Down, Down, CycleStatus, Back],
    );
    let m = |i: usize| ("m".to_string(), i);
    assert_eq!(questions(&app), [m(0), m(1), m(2)]);
    // The week alone leaves the overdue one out.
    app.filter
        .due
        .remove(&agenda::app::filter::DueWhen::Overdue);
    assert_eq!(questions(&app), [m(1), m(2)]);
    // Without the session, the 09. is beyond the week.
    let file = dir.path().join("m.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("session = \"rat\"\n", "")).unwrap();
    step(&mut app, Msg::FilesChanged(vec!["m.toml".into()]));
    assert_eq!(questions(&app), [m(1)]);
    std::fs::write(&file, text).unwrap();
    step(&mut app, Msg::FilesChanged(vec!["m.toml".into()]));
    // The sessions list keeps the session that has one.
    assert_eq!(*app.session_keys(), [SessionKey::Id("rat".into())]);
}

/// A question assigned to nobody falls to the office in charge of its
/// motion: in the worklist, the filter, the question screen and `agenda due`.
#[test]
fn a_question_assigned_to_nobody_falls_to_the_office_in_charge() {
    use agenda::app::filter::FilterOption;
    let dir = data_dir(&[
        ("s.toml", b"[session]\nid = \"rat\"\ncommittee = \"Rat\"\ndate = 2022-09-20\n"),
        (
            "m.toml",
            "[motion]\nid = \"m\"\nkind = \"Anfrage\"\ntitle = \"T\"\nsession = \"rat\"\noffice = \"Sozialamt\"\n\n\
             [[question]]\nnumber = \"1\"\ntext = \"Ohne\"\n\n\
             [[question]]\nnumber = \"2\"\ntext = \"Mit\"\nassignee = \"Kämmerei\"\n"
                .as_bytes(),
        ),
    ]);
    let mut app = app(dir.path());
    let offices: Vec<FilterOption> = agenda::app::filter::options(app.data())
        .into_iter()
        .filter(|o| matches!(o, FilterOption::Assignee(_)))
        .collect();
    assert_eq!(
        offices,
        [
            FilterOption::Assignee(Some("Kämmerei".into())),
            FilterOption::Assignee(Some("Sozialamt".into()))
        ]
    );
    press(&mut app, &[Worklist]);
    let shown = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        shown.contains("Sozialamt") && !shown.contains("niemand"),
        "{shown}"
    );
    app.filter.toggle(&offices[1]);
    assert_eq!(app.work_rows().iter().filter(|r| r.selectable()).count(), 1);
    press(&mut app, &[Down, Open]);
    let shown = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(shown.contains("Sozialamt (federführend)"), "{shown}");
    // The motion's list of questions says it as the question's screen does.
    let mut fresh = common::app(dir.path());
    press(&mut fresh, &[Open, Open]);
    let shown = common::screen(&mut fresh, agenda::i18n::Lang::De).join("\n");
    assert!(
        shown.contains("Sozialamt (federführend)") && shown.contains("Kämmerei"),
        "{shown}"
    );
    let home = tempfile::tempdir().unwrap();
    let out = common::agenda(home.path())
        .args([
            "due",
            "--department",
            "sozial",
            "--json",
            "--today",
            "2022-09-01",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(list[0]["number"], "1");
    assert_eq!(list[0]["lead_office"], true);
    let out = common::agenda(home.path())
        .args(["due", "--lang", "de", "--today", "2022-09-01"])
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Frage 1 (federführend)"), "{said}");
    assert!(!said.contains("Frage 2 (federführend)"), "{said}");
}
