//! The real binary in a pseudo-terminal: a person's keys in, the screen
//! read back, the file on disk checked. Needs no outside program.

#![cfg(unix)]

use crate::common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{KIM, example};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running `agenda` and the screen it draws.
struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(dir: &Path, home: &Path) -> Session {
        Session::start_with(dir, home, &[])
    }

    fn start_with(dir: &Path, home: &Path, env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_agenda"));
        cmd.arg(dir);
        cmd.args(["--today", "2022-09-01", "--lang", "en"]);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("AGENDA_CONFIG", home.join("no-config.toml"));
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("agenda starts");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            24.try_into().unwrap(),
            80.try_into().unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        // The master must outlive the child's use of the terminal.
        std::mem::forget(pair.master);
        Session {
            screen,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; fails with the screen if it never does.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never showed {text:?}; the screen:\n{}", self.contents());
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends `signal` to the running app.
    fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("a pid") as i32;
        // SAFETY: a signal to our own child process.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("agenda did not quit; the screen:\n{}", self.contents());
    }
}

/// Where the app keeps the texts given to the user's editor, under `home`.
fn drafts_of(home: &Path) -> std::path::PathBuf {
    home.join("data/agenda/drafts")
}

#[test]
fn find_question_one_mark_it_answered_and_quit() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    let before = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    let mut app = Session::start(dir.path(), home.path());

    app.wait_for("Ausschuss für Soziales");
    app.wait_for("in 6 days");
    app.keys("\r"); // open the session
    app.wait_for("Eröffnung der Sitzung");
    app.keys("jjjj"); // down to the KIM motion
    app.keys("\r");
    app.wait_for("Questions (0/3 answered)");
    app.keys("\r"); // question 1
    app.wait_for("Wie viele Stellen fallen insgesamt");
    app.wait_for("Status: ○ open");
    app.keys("a");
    app.wait_for("Saved: \"Berichterstattung zur Umsetzung des Kom…\",");
    app.wait_for("question 1: status");
    // Answered without a text is not done: it shows so.
    app.wait_for("Status: ◌ answered, but without an answer text");
    app.keys("q");
    assert!(app.wait_exit(), "agenda exited with an error");

    let after = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    let (head, tail) = after.split_once("updated = ").expect("stamped");
    let (_, rest) = tail.split_once('\n').unwrap();
    let expected = before.replacen("status = \"open\"\n", "status = \"answered\"\n", 1);
    let (expected_head, expected_rest) = expected.split_at(head.len());
    assert_eq!(
        head, expected_head,
        "everything before the change is untouched"
    );
    let user = whoami::username().unwrap();
    assert_eq!(rest, format!("updated_by = \"{user}\"\n{expected_rest}"));
}

#[test]
fn the_terminal_is_restored_and_raw_keys_never_leak() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(dir.path(), home.path());
    app.wait_for("Sessions");
    app.keys("?");
    app.wait_for("Any key closes the help.");
    app.keys("x"); // an unbound key closes the help, nothing else
    app.keys("q");
    assert!(app.wait_exit());
    let screen = app.screen.lock().unwrap();
    // Back on the main screen with the cursor shown: the terminal is as before.
    assert!(
        !screen.screen().alternate_screen(),
        "left in the alternate screen"
    );
    assert!(!screen.screen().hide_cursor(), "cursor left hidden");
}

#[test]
fn search_from_the_keyboard_and_jump_to_the_hit() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(dir.path(), home.path());
    app.wait_for("Sessions");
    app.keys("/");
    app.wait_for("Type what you are looking for");
    app.keys("freie traeger");
    app.wait_for("2 hits");
    app.keys("\r");
    app.wait_for("Question 2 · Berichterstattung");
    app.wait_for("Träger umgesetzt werden?");
    app.keys("\x1b"); // back to the motion, the question selected
    app.wait_for("Questions (0/3 answered)");
    app.keys("q");
    assert!(app.wait_exit());
}

#[test]
fn the_answer_in_the_users_own_editor() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    // An "editor" that writes an answer into the file it is given.
    let editor = "sh -c 'printf \"Es sind 4,5 Stellen.\\n\\nDavon 1,5 Koordination.\\n\" > \"$0\"'";
    let mut app = Session::start_with(dir.path(), home.path(), &[("VISUAL", editor)]);
    app.wait_for("Sessions");
    app.keys("n"); // the first open question
    app.wait_for("Question 1 · Berichterstattung");
    app.keys("E");
    app.wait_for("question 1: new answer.");
    app.wait_for("Davon 1,5 Koordination.");
    app.keys("q");
    assert!(app.wait_exit());
    let file = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    assert!(
        file.contains("answer = \"\"\"\nEs sind 4,5 Stellen.\n\nDavon 1,5 Koordination.\"\"\"\n"),
        "{file}"
    );
}

#[test]
fn a_session_an_item_and_an_inquiry_with_two_questions_are_made_with_keys_only() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(dir.path(), home.path());
    app.wait_for("No sessions in this folder yet");
    app.keys("c");
    app.wait_for("New session");
    app.keys("Ausschuss für Soziales\t3.12.26\t17:00\x13");
    app.wait_for("03.12.2026");
    app.keys("\rc");
    app.wait_for("New agenda item");
    app.keys("\x7f5\tKita-Versorgung\x13");
    app.wait_for("Kita-Versorgung");
    app.keys("C");
    app.wait_for("New motion");
    app.keys("\tBetreuungsplätze in Kindertagesstätten\x13");
    app.wait_for("Questions");
    app.keys("cWie viele Plätze fehlen?\x13");
    app.wait_for("Wie viele Plätze fehlen?");
    app.keys("cBis wann?\x13");
    app.wait_for("new question 2");
    app.keys("u");
    app.wait_for("Undone");
    app.keys("q");
    assert!(app.wait_exit());

    let motion = dir
        .path()
        .join("antraege/betreuungsplaetze-kindertagesstaetten-2026.toml");
    let text = std::fs::read_to_string(&motion).unwrap();
    assert_eq!(text.matches("[[question]]").count(), 1, "{text}");
    assert!(text.contains("session = \"soziales-2026-12-03\""), "{text}");
    let loaded = agenda::store::load(dir.path());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.data.sessions[0].agenda[0].number, "5");
}

#[test]
fn a_file_changed_by_another_process_shows_without_a_key() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    let mut app = Session::start(dir.path(), home.path());
    app.wait_for("Ausschuss für Soziales");
    app.keys("\r");
    app.wait_for("Eröffnung der Sitzung");
    // A colleague answers question 1 (another process writes the file).
    let path = dir.path().join(KIM);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "status = \"open\"\n",
        "status = \"answered\"\nanswer = \"4,5 Stellen.\"\nupdated_by = \"mmuster\"\n",
        1,
    );
    std::fs::write(&path, text).unwrap();
    app.wait_for("question 1 answered by mmuster");
    app.wait_for("1/3");
    app.keys("q");
    assert!(app.wait_exit());
}

#[test]
fn a_kill_or_a_closed_terminal_while_typing_an_answer_offers_it_back() {
    // SIGKILL cannot be caught: the journal, a second behind, has it.
    for signal in [libc::SIGTERM, libc::SIGHUP, libc::SIGKILL] {
        let dir = example();
        let home = tempfile::tempdir().unwrap();
        let mut app = Session::start(dir.path(), home.path());
        app.wait_for("in 6 days");
        app.keys("\r");
        app.wait_for("Eröffnung der Sitzung");
        app.keys("jjjj\r");
        app.wait_for("Questions (0/3 answered)");
        app.keys("\r");
        app.wait_for("Wie viele Stellen fallen insgesamt");
        app.keys("e");
        app.keys("Vierzig Stellen, davon zwölf besetzt");
        app.wait_for("zwölf besetzt");
        if signal == libc::SIGKILL {
            std::thread::sleep(Duration::from_millis(2500));
        }
        app.signal(signal);
        assert!(!app.wait_exit(), "ended by the signal");
        let on_disk = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
        assert!(!on_disk.contains("Vierzig"), "not saved: still being typed");

        let mut again = Session::start(dir.path(), home.path());
        again.wait_for("question 1: new answer");
        again.keys("\r"); // take it back
        again.wait_for("question 1");
        again.keys("q");
        assert!(again.wait_exit(), "signal {signal}");
        let on_disk = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
        assert!(
            on_disk.contains("Vierzig Stellen, davon zwölf besetzt"),
            "signal {signal}: {on_disk}"
        );
    }
}

#[test]
fn a_text_left_in_the_editor_by_a_crash_is_said_at_the_next_start() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    let drafts = drafts_of(home.path());
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::write(drafts.join("agenda-antwort-x1.txt"), "Halb geschrieben\n").unwrap();
    let mut app = Session::start(dir.path(), home.path());
    app.wait_for("One answer text from the editor was not taken over");
    app.keys("q");
    assert!(app.wait_exit());
    assert!(
        drafts.join("agenda-antwort-x1.txt").exists(),
        "never removed unasked"
    );
}

#[test]
fn an_answer_left_in_the_editor_by_a_crash_is_offered_back_and_saved() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    let drafts = drafts_of(home.path());
    std::fs::create_dir_all(&drafts).unwrap();
    let data = agenda::store::load(dir.path()).data;
    let q1 = &data.motion("kim-bericht-2022").unwrap().questions[0];
    let of = agenda::external::DraftOf {
        dir: dir.path().to_path_buf(),
        change: agenda::edit::QuestionChange {
            motion: "kim-bericht-2022".into(),
            index: 0,
            number: q1.number.clone(),
            text: Some(q1.text.clone()),
            before: agenda::edit::Field::Answer(None),
            after: agenda::edit::Field::Answer(None),
        },
    };
    std::fs::write(
        drafts.join("agenda-antwort-x2.txt"),
        "Im Editor geschrieben.\n",
    )
    .unwrap();
    std::fs::write(
        drafts.join("agenda-antwort-x2.json"),
        serde_json::to_string(&of).unwrap(),
    )
    .unwrap();
    let mut app = Session::start(dir.path(), home.path());
    app.wait_for("question 1: new answer");
    app.keys("\r");
    app.wait_for("Sessions");
    app.keys("q");
    assert!(app.wait_exit());
    let file = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    assert!(file.contains("Im Editor geschrieben."), "{file}");
    assert!(!drafts.join("agenda-antwort-x2.txt").exists(), "taken over");
}

#[test]
fn killed_while_the_users_editor_is_open_the_text_is_offered_at_the_next_start() {
    let dir = example();
    let home = tempfile::tempdir().unwrap();
    // An editor that has saved and is still open when the app is killed.
    let editor = "sh -c 'printf \"Noch im Editor.\\n\" > \"$0\"; sleep 20'";
    let mut app = Session::start_with(dir.path(), home.path(), &[("VISUAL", editor)]);
    app.wait_for("Sessions");
    app.keys("n");
    app.wait_for("Question 1 · Berichterstattung");
    app.keys("E");
    let drafts = drafts_of(home.path());
    let deadline = Instant::now() + Duration::from_secs(10);
    while !std::fs::read_dir(&drafts).is_ok_and(|d| {
        d.flatten()
            .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("Noch im Editor")))
    }) {
        assert!(Instant::now() < deadline, "the editor wrote its file");
        std::thread::sleep(Duration::from_millis(20));
    }
    app.signal(libc::SIGKILL);
    let _ = app.wait_exit();
    let mut again = Session::start(dir.path(), home.path());
    again.wait_for("question 1: new answer");
    again.keys("\r");
    again.wait_for("Sessions");
    again.keys("q");
    assert!(again.wait_exit());
    let file = std::fs::read_to_string(dir.path().join(KIM)).unwrap();
    assert!(file.contains("Noch im Editor."), "{file}");
}
