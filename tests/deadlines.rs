//! Deadlines: due dates by rule, `agenda due`, the worklist in the app.

use crate::common;

use agenda::app::Screen;
use agenda::input::Action;
use common::{agenda, data_dir, step};

/// A session in three days (today 01.09.2022: on 04.09.) with a motion
/// whose questions have no due date; one assigned, one with its own date.
pub(crate) fn folder() -> tempfile::TempDir {
    data_dir(&[
        (
            "s.toml",
            b"[session]\nid = \"rat\"\ncommittee = \"Rat\"\ndate = 2022-09-04\n\n\
              [[agenda]]\nnumber = \"1\"\ntitle = \"Anfrage\"\nmotions = [\"m\"]\n",
        ),
        (
            "m.toml",
            "[motion]\nid = \"m\"\nkind = \"Anfrage\"\ntitle = \"Spielplätze\"\nsubmitted = 2022-08-01\n\n\
             [[question]]\nnumber = \"1\"\ntext = \"Wie viele?\"\n\n\
             [[question]]\nnumber = \"2\"\ntext = \"Wo?\"\nassignee = \"Grünflächenamt\"\n\n\
             [[question]]\nnumber = \"3\"\ntext = \"Wann?\"\ndue = 2022-09-20\nassignee = \"Grünflächenamt\"\n\n\
             [[question]]\nnumber = \"4\"\ntext = \"Schon beantwortet?\"\nstatus = \"answered\"\nanswer = \"Ja.\"\n\n\
             [[question]]\nnumber = \"5\"\ntext = \"Leer beantwortet?\"\nstatus = \"answered\"\n"
                .as_bytes(),
        ),
    ])
}

pub(crate) fn due(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    agenda(home.path())
        .arg("due")
        .arg(dir)
        .args(["--today", "2022-09-01"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn due_json_lists_questions_overdue_by_the_seven_day_rule_earliest_first() {
    let dir = folder();
    let out = due(dir.path(), &["--json"]);
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    // Question 4 is done; 5 is marked answered without a text: still owed.
    let numbers: Vec<&str> = list.iter().map(|e| e["number"].as_str().unwrap()).collect();
    assert_eq!(numbers, ["1", "2", "5", "3"]);
    let first = &list[0];
    assert_eq!(
        first,
        &serde_json::json!({
            "motion": "m", "number": "1", "text": "Wie viele?", "session": "rat",
            "due": "2022-08-28", "due_from_rule": true, "days_left": -4,
            "assignee": null, "lead_office": false, "status": "open",
            "answered_without_text": false
        })
    );
    assert_eq!(list[1]["assignee"], "Grünflächenamt");
    assert_eq!(list[2]["status"], "answered");
    assert_eq!(list[2]["answered_without_text"], true);
    assert_eq!(list[3]["due"], "2022-09-20");
    assert_eq!(list[3]["due_from_rule"], false);
    assert_eq!(list[3]["days_left"], 19);
}

#[test]
fn due_by_department_in_both_languages() {
    let dir = folder();
    let de = due(dir.path(), &["--lang", "de", "--department", "grünfläche"]);
    let text = String::from_utf8(de.stdout).unwrap();
    assert!(text.starts_with("Grünflächenamt (2)\n"), "{text}");
    assert!(text.contains("28.08.2022 (nach Regel), 4 Tage überfällig · Rat 04.09.2022"));
    assert!(text.contains("20.09.2022, noch 19 Tage"));
    assert!(!text.contains("niemand"));
    let en = due(dir.path(), &["--lang", "en"]);
    let text = String::from_utf8(en.stdout).unwrap();
    assert!(text.starts_with("(nobody assigned) (2)\n"), "{text}");
    assert!(text.contains("28.08.2022 (by rule), 4 days overdue"));
}

#[test]
fn a_rule_from_the_config_counts_inquiries_from_their_receipt() {
    let dir = folder();
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[deadlines]\ninquiry_answer_days = 21\n").unwrap();
    let out = agenda(home.path())
        .env("AGENDA_CONFIG", &config)
        .args(["due", "--json", "--today", "2022-09-01"])
        .arg(dir.path())
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Received 01.08., 21 days: 22.08., earlier than a week before the session.
    assert_eq!(list[0]["due"], "2022-08-22");
}

#[test]
fn check_warns_about_an_answer_marked_without_text_and_status_counts_it_open() {
    let dir = folder();
    let home = tempfile::tempdir().unwrap();
    let check = agenda(home.path())
        .args(["check", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8(check.stdout).unwrap();
    assert!(
        said.contains(
            "m.toml:31:10: warning: Question 5 is marked answered but has no answer text"
        ),
        "{said}"
    );
    let status = agenda(home.path())
        .args(["status", "--json", "--today", "2022-09-01"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(json[0]["answered"], 1);
    assert_eq!(json[0]["total"], 5);
}

#[test]
fn w_lists_the_questions_and_enter_goes_to_one() {
    let dir = folder();
    let mut app = common::app(dir.path());
    step(&mut app, Action::Worklist);
    assert_eq!(app.place().screen, Screen::Worklist);
    // The cursor skips the department's heading.
    assert_eq!(app.place().selected, 1);
    step(&mut app, Action::Down);
    step(&mut app, Action::Open);
    assert_eq!(app.place().screen, Screen::Question("m".into(), 4));
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(
        screen.contains("◌ beantwortet, aber ohne Antworttext"),
        "{screen}"
    );
    assert!(
        screen.contains("! 28.08.2022 (nach Regel), 4 Tage überfällig"),
        "{screen}"
    );
}

fn calendar(dir: &std::path::Path, home: &std::path::Path, extra: &[&str]) -> std::process::Output {
    agenda(home)
        .arg("calendar")
        .arg(dir)
        .args(["--today", "2022-09-01", "--lang", "de"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_calendar_is_valid_ics_with_the_session_at_its_time_and_the_due_days() {
    let dir = folder();
    // The session at 17:00 in the town hall, with text that must be escaped.
    let session = std::fs::read_to_string(dir.path().join("s.toml")).unwrap().replace(
        "date = 2022-09-04\n",
        "date = 2022-09-04\ntime = 17:00:00\nlocation = \"Rathaus, Saal 1; Eingang \\\\ Nord\\u001b]0;x\\u0007\"\n",
    );
    std::fs::write(dir.path().join("s.toml"), session).unwrap();
    let home = tempfile::tempdir().unwrap();
    let ics_path = home.path().join("termine.ics");
    let out = calendar(dir.path(), home.path(), &["-o", ics_path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ics = std::fs::read_to_string(&ics_path).unwrap();
    // RFC 5545: CRLF line ends, no line over 75 octets, no raw control
    // character.
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(
            !line.contains('\n') && !line.chars().any(|c| c.is_control()),
            "{line:?}"
        );
    }
    // It reads back: one event for the session, one per due day.
    let parsed: icalendar::Calendar = ics.parse().expect("valid iCalendar");
    let events: Vec<&icalendar::Event> = parsed
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    use icalendar::{Component, EventLike};
    let uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(
        uids,
        [
            "session-rat@agenda.invalid",
            "due-2022-08-28@agenda.invalid",
            "due-2022-09-20@agenda.invalid"
        ]
    );
    let session = events[0];
    assert_eq!(session.get_summary(), Some("Rat"));
    // 17:00 in Siegen (summer time) is 15:00 UTC, whatever zone the
    // calendar that imports it is in; two hours long.
    let utc = |h| {
        Some(icalendar::DatePerhapsTime::DateTime(
            icalendar::CalendarDateTime::Utc(
                chrono::NaiveDate::from_ymd_opt(2022, 9, 4)
                    .unwrap()
                    .and_hms_opt(h, 0, 0)
                    .unwrap()
                    .and_utc(),
            ),
        ))
    };
    assert_eq!(session.get_start(), utc(15));
    assert_eq!(session.get_end(), utc(17));
    assert!(ics.contains("PRODID:-//agenda//"));
    let location = session.get_location().unwrap();
    assert!(
        location.starts_with("Rathaus, Saal 1; Eingang \\ Nord"),
        "{location}"
    );
    assert!(!location.contains('\u{1b}'));
    let due = events[1];
    assert_eq!(due.get_summary(), Some("Frist: 3 Fragen zu beantworten"));
    assert!(
        due.get_description()
            .unwrap()
            .contains("Frage 2 – Spielplätze: ")
    );
    assert!(
        due.get_description()
            .unwrap()
            .contains("(Rat 04.09.2022) – Grünflächenamt")
    );
    // Made again: the same file, so a calendar updates instead of doubling.
    let again = calendar(dir.path(), home.path(), &[]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), ics);
    // An existing file is not replaced without --force.
    let refused = calendar(dir.path(), home.path(), &["-o", ics_path.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn offices_written_differently_are_one_and_blank_is_nobody() {
    let dir = data_dir(&[
        (
            "s.toml",
            b"[session]\nid = \"rat\"\ncommittee = \"Rat\"\ndate = 2022-09-20\n",
        ),
        (
            "m.toml",
            "[motion]\nid = \"m\"\nkind = \"Antrag\"\ntitle = \"T\"\nsession = \"rat\"\n\n\
             [[question]]\nnumber = \"1\"\ntext = \"a\"\nassignee = \"Kämmerei\"\n\n\
             [[question]]\nnumber = \"2\"\ntext = \"b\"\nassignee = \"kämmerei \"\n\n\
             [[question]]\nnumber = \"3\"\ntext = \"c\"\nassignee = \"  \"\n"
                .as_bytes(),
        ),
    ]);
    let text = String::from_utf8(due(dir.path(), &["--lang", "de"]).stdout).unwrap();
    assert!(text.contains("Kämmerei (2)\n"), "{text}");
    assert!(text.contains("(niemand zuständig) (1)\n"), "{text}");
    // An empty --department asks for the unassigned.
    let json = due(dir.path(), &["--json", "--department", ""]);
    let list: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["number"], "3");
}

#[test]
fn a_wrong_deadline_costs_only_its_section_and_a_decade_is_the_limit() {
    let dir = folder();
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    // The folder from the config still applies beside the broken section.
    std::fs::write(
        &config,
        format!(
            "data_dir = {:?}\n[deadlines]\nanswer_days_before_session = -1\n",
            dir.path().display().to_string()
        ),
    )
    .unwrap();
    let out = agenda(home.path())
        .env("AGENDA_CONFIG", &config)
        .args(["due", "--json", "--today", "2022-09-01"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml:3:"), "{err}");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["due"], "2022-08-28", "the default rule");
    std::fs::write(
        &config,
        "[deadlines]\nanswer_days_before_session = 4000000000\n",
    )
    .unwrap();
    let out = agenda(home.path())
        .env("AGENDA_CONFIG", &config)
        .args(["due", "--json", "--today", "2022-09-01"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("3650"));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["due"], "2022-08-28");
}

#[test]
fn carriage_returns_never_reach_the_calendar_and_an_empty_one_is_not_written() {
    let dir = data_dir(&[
        (
            "s.toml",
            b"[session]\nid = \"x\\r\\nBEGIN:VEVENT\"\ncommittee = \"Rat\\r\\nSUMMARY:boom\"\ndate = 2022-09-20\n",
        ),
    ]);
    let home = tempfile::tempdir().unwrap();
    let out = calendar(dir.path(), home.path(), &[]);
    let ics = String::from_utf8(out.stdout).unwrap();
    // The data cannot start a line of its own: no second event, no summary.
    for line in ics.split("\r\n") {
        assert!(!line.contains('\r') && !line.contains('\n'), "{line:?}");
        assert!(!line.starts_with("SUMMARY:boom"), "{line:?}");
    }
    let events = ics.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count();
    assert_eq!(events, 1, "{ics}");
    let empty = data_dir(&[]);
    let out = calendar(
        empty.path(),
        home.path(),
        &["-o", home.path().join("c.ics").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!home.path().join("c.ics").exists());
}

#[test]
fn the_filter_open_includes_what_is_marked_answered_without_a_text() {
    use agenda::app::filter::FilterOption;
    let dir = folder();
    let mut app = common::app(dir.path());
    app.filter
        .toggle(&FilterOption::Status(agenda::model::Status::Open));
    let motion = app.data().motion("m").unwrap().clone();
    // 1, 2, 3 are open; 5 is marked answered without text; 4 is answered.
    assert_eq!(app.questions_shown(&motion), [0, 1, 2, 4]);
}

#[test]
fn a_question_opened_from_the_worklist_shows_its_own_session_in_the_header() {
    let dir = data_dir(&[
        ("a.toml", b"[session]\nid = \"a\"\ncommittee = \"Rat\"\ndate = 2022-09-04\n"),
        ("b.toml", b"[session]\nid = \"b\"\ncommittee = \"Bau\"\ndate = 2022-09-20\n\n[[agenda]]\nnumber = \"1\"\ntitle = \"X\"\nmotions = [\"m\"]\n"),
        ("m.toml", b"[motion]\nid = \"m\"\nkind = \"Antrag\"\ntitle = \"T\"\n\n[[question]]\nnumber = \"1\"\ntext = \"Q\"\n"),
    ]);
    let mut app = common::app(dir.path());
    for key in [Action::Open, Action::Worklist, Action::Open] {
        step(&mut app, key);
    }
    assert_eq!(app.place().screen, Screen::Question("m".into(), 0));
    let header = common::screen(&mut app, agenda::i18n::Lang::De)[0].clone();
    assert!(header.contains("20.09.2022"), "{header}");
}

#[test]
fn answering_the_last_question_of_the_worklist_leaves_the_cursor_on_a_row() {
    use crossterm::event::KeyCode;
    let dir = folder();
    let mut app = common::app(dir.path());
    step(&mut app, Action::Worklist);
    step(&mut app, Action::Bottom);
    let last = app.place().selected;
    step(&mut app, Action::Open);
    assert_eq!(app.place().screen, Screen::Question("m".into(), 2));
    step(&mut app, Action::EditAnswer);
    for c in "Im Mai.".chars() {
        step(&mut app, common::typed(KeyCode::Char(c)));
    }
    step(&mut app, Action::Save);
    step(&mut app, Action::MarkAnswered);
    step(&mut app, Action::Back);
    assert_eq!(app.place().screen, Screen::Worklist);
    // One row fewer: the cursor is on the new last one, and it opens.
    assert!(
        app.place().selected < last,
        "{} of {last}",
        app.place().selected
    );
    step(&mut app, Action::Open);
    assert!(matches!(app.place().screen, Screen::Question(..)));
}

#[test]
fn a_department_that_matches_none_is_said_with_those_there_are() {
    let dir = folder();
    let out = due(dir.path(), &["--department", "nix"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("\"nix\"") && said.contains("Grünflächenamt"),
        "{said}"
    );
    // Typed without the umlaut, it is found.
    let out = due(dir.path(), &["--department", "grunflachenamt"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Wann?"));
}

#[test]
fn files_with_errors_are_said_beside_json_and_the_exit_code_tells() {
    let dir = folder();
    std::fs::write(dir.path().join("kaputt.toml"), "[motion\n").unwrap();
    let out = due(dir.path(), &["--json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("agenda check"), "{err}");
    // Which file, where, and why: as `check` says it.
    assert!(
        err.contains("kaputt.toml:1:8: error: The file is not valid TOML"),
        "{err}"
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        list.as_array().is_some_and(|l| !l.is_empty()),
        "JSON still whole"
    );
}

#[test]
fn a_session_in_the_hour_the_clock_skips_keeps_its_time_and_dash_is_standard_output() {
    let dir = data_dir(&[(
        "s.toml",
        b"[session]\nid = \"rat\"\ncommittee = \"Rat\"\ndate = 2025-03-30\ntime = 02:30:00\n",
    )]);
    let home = tempfile::tempdir().unwrap();
    let out = calendar(dir.path(), home.path(), &["-o", "-"]);
    assert!(out.status.success());
    let ics = String::from_utf8(out.stdout).unwrap();
    // 03:30 summer time, the hour after the skipped one: 01:30 UTC.
    assert!(ics.contains("DTSTART:20250330T013000Z"), "{ics}");
    assert!(!dir.path().join("-").exists() && !home.path().join("-").exists());
}

#[test]
fn the_filter_takes_an_office_however_it_is_written() {
    let dir = data_dir(&[(
        "m.toml",
        "[motion]\nid = \"m\"\nkind = \"Anfrage\"\ntitle = \"T\"\n\n\
         [[question]]\nnumber = \"1\"\ntext = \"A?\"\nassignee = \"Amt für Soziales\"\n\n\
         [[question]]\nnumber = \"2\"\ntext = \"B?\"\nassignee = \"amt für soziales \"\n"
            .as_bytes(),
    )]);
    let app = common::app(dir.path());
    let offices: Vec<_> = agenda::app::filter::options(app.data())
        .into_iter()
        .filter(|o| matches!(o, agenda::app::filter::FilterOption::Assignee(Some(_))))
        .collect();
    assert_eq!(offices.len(), 1, "{offices:?}");
    let mut filter = agenda::app::filter::Filter::default();
    filter.toggle(&offices[0]);
    let deadlines = app.deadlines();
    let sieve = filter.sieve(&deadlines, app.env.today);
    let motion = &app.data().motions[0];
    assert!(motion.questions.iter().all(|q| sieve.question(motion, q)));
}

#[test]
fn a_question_of_the_worklist_is_worked_on_where_it_stands() {
    let dir = folder();
    let mut app = common::app(dir.path());
    step(&mut app, Action::Worklist);
    // On the first question (below its department): assign, mark in progress.
    let before = app.work_rows().len();
    step(&mut app, Action::CycleStatus);
    let file = std::fs::read_to_string(dir.path().join("m.toml")).unwrap();
    assert!(file.contains("status = \"in_progress\""), "{file}");
    assert_eq!(app.place().screen, Screen::Worklist);
    assert_eq!(
        app.work_rows().len(),
        before,
        "in progress is still to answer"
    );
}

#[test]
fn a_question_given_to_another_department_in_the_worklist_keeps_the_cursor() {
    use crossterm::event::KeyCode;
    let dir = folder();
    let mut app = common::app(dir.path());
    step(&mut app, Action::Worklist);
    // The second of those nobody answers, given to the office below.
    step(&mut app, Action::Down);
    let (motion, index) = app
        .current_question()
        .map(|(m, i)| (m.id.clone(), i))
        .expect("on a question");
    let before = app.place().selected;
    step(&mut app, Action::EditAssignee);
    for c in "Grünflächenamt".chars() {
        step(&mut app, common::typed(KeyCode::Char(c)));
    }
    step(&mut app, Action::Accept);
    let (now, at) = app
        .current_question()
        .map(|(m, i)| (m.id.clone(), i))
        .expect("still on a question");
    assert_eq!((now, at), (motion, index), "the cursor went with it");
    assert_ne!(app.place().selected, before, "to its new row");
    assert_eq!(
        app.question().unwrap().1.assignee.as_deref(),
        Some("Grünflächenamt")
    );
}

#[test]
fn a_calendar_made_today_is_stamped_with_the_time_it_was_made() {
    let dir = folder();
    let home = tempfile::tempdir().unwrap();
    let out = agenda(home.path())
        .args(["calendar", dir.path().to_str().unwrap(), "-o", "-"])
        .output()
        .unwrap();
    let ics = String::from_utf8(out.stdout).unwrap();
    let stamp = ics
        .lines()
        .find_map(|l| l.strip_prefix("DTSTAMP:"))
        .expect("a DTSTAMP");
    let made = chrono::NaiveDateTime::parse_from_str(stamp.trim(), "%Y%m%dT%H%M%SZ")
        .unwrap()
        .and_utc();
    // A client importing the file again sees a newer stamp: not midnight.
    let off = (chrono::Utc::now() - made).num_seconds().abs();
    assert!(off < 120, "{stamp} is {off} s off");
}

#[test]
fn a_due_date_after_the_session_is_marked_late_until_the_answer_is_given() {
    use crossterm::event::KeyCode;
    let dir = folder();
    let mut app = common::app(dir.path());
    step(&mut app, Action::Worklist);
    // Last in the list: question 3, due on 20.09., after the session of 04.09.
    step(&mut app, Action::Bottom);
    step(&mut app, Action::Open);
    assert_eq!(app.place().screen, Screen::Question("m".into(), 2));
    let late = |app: &mut agenda::app::App| {
        common::screen(app, agenda::i18n::Lang::De)
            .join("\n")
            .contains("käme zu spät")
    };
    assert!(late(&mut app));
    step(&mut app, Action::EditAnswer);
    for c in "Im Oktober.".chars() {
        step(&mut app, common::typed(KeyCode::Char(c)));
    }
    step(&mut app, Action::Save);
    step(&mut app, Action::MarkAnswered);
    assert!(app.data().motions[0].questions[2].is_done());
    assert!(!late(&mut app));
}
