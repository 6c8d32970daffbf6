//! Two offices, one repository: clones of a bare repository in a temp
//! folder exchange their answers through `agenda sync`, field by field,
//! and `agenda history` says who answered what. Uses the system git.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use agenda::model::Status;
use agenda::store::{self, Field};

pub(crate) const KIM: &str = "antraege/kim-bericht-2022.toml";

/// git with no user or system config of this machine.
pub(crate) fn git(home: &Path, dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) struct Office {
    pub(crate) home: PathBuf,
    pub(crate) data: PathBuf,
}

impl Office {
    pub(crate) fn clone(world: &Path, name: &str, who: &str) -> Office {
        let home = world.join(format!("home-{name}"));
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(home.join("gitconfig"), "[init]\n\tdefaultBranch = main\n").unwrap();
        let repo = world.join(name);
        git(&home, world, &["clone", "--quiet", "remote.git", name]);
        git(&home, &repo, &["config", "user.name", who]);
        git(
            &home,
            &repo,
            &["config", "user.email", &format!("{name}@stadt.example")],
        );
        Office {
            home,
            data: repo.join("daten"),
        }
    }

    pub(crate) fn sync(&self) -> std::process::Output {
        self.agenda(&["sync", "--lang", "en", self.data.to_str().unwrap()])
    }

    /// The binary with `args`, this office's git config and no other.
    pub(crate) fn agenda(&self, args: &[&str]) -> std::process::Output {
        common::agenda(&self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.home.join("gitconfig"))
            .env("PATH", std::env::var_os("PATH").unwrap())
            .args(args)
            .output()
            .unwrap()
    }

    /// git in this office's clone.
    pub(crate) fn git(&self, args: &[&str]) -> String {
        git(&self.home, self.data.parent().unwrap(), args)
    }

    /// Answers question `slot` as the app would save it.
    pub(crate) fn answer(&self, slot: usize, number: &str, text: &str, by: &str) {
        let loaded = store::load(&self.data);
        let source = loaded
            .data
            .sources
            .iter()
            .find(|s| s.path == Path::new(KIM))
            .unwrap()
            .clone();
        let fields = [
            Field::Status(Status::Answered),
            Field::Answer(Some(text.to_string())),
        ];
        let stamp = common::stamp(by, "2022-09-01T10:00:00");
        store::save_question(&self.data, &source, slot, number, &fields, &stamp).unwrap();
    }

    pub(crate) fn kim(&self) -> String {
        std::fs::read_to_string(self.data.join(KIM)).unwrap()
    }
}

/// A bare repository with the example in it, and two offices' clones.
pub(crate) fn world() -> (tempfile::TempDir, Office, Office) {
    let world = tempfile::tempdir().unwrap();
    let home = world.path().join("home-setup");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join("gitconfig"), "[init]\n\tdefaultBranch = main\n").unwrap();
    git(
        &home,
        world.path(),
        &["init", "--quiet", "--bare", "remote.git"],
    );
    let a = Office::clone(world.path(), "sozialamt", "Sozialamt");
    agenda::example::write_to(&a.data).unwrap();
    // The first sync brings the data into the shared repository.
    let first = a.sync();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let b = Office::clone(world.path(), "jugendamt", "Jugendamt");
    assert!(b.data.join(KIM).exists());
    (world, a, b)
}

#[test]
fn two_offices_answer_different_questions_of_one_motion_and_both_end_with_both() {
    let (_world, a, b) = world();
    a.answer(0, "1", "Es sind 4,5 Stellen.", "mmuster");
    b.answer(1, "2", "Zwei Träger übernehmen.", "eschulz");
    for office in [&a, &b, &a] {
        let out = office.sync();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for office in [&a, &b] {
        let text = office.kim();
        assert!(text.contains("Es sind 4,5 Stellen."), "{text}");
        assert!(text.contains("Zwei Träger übernehmen."), "{text}");
        assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
        assert!(store::load(&office.data).diagnostics.is_empty());
    }
    // The history names who answered what.
    let history = common::agenda(&a.home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", a.home.join("gitconfig"))
        .env("PATH", std::env::var_os("PATH").unwrap())
        .args(["history", "kim-bericht-2022", "--lang", "en", "--dir"])
        .arg(&a.data)
        .output()
        .unwrap();
    let said = String::from_utf8(history.stdout).unwrap();
    assert!(
        said.contains("(mmuster) · question 1: status: answered; answer: \"Es sind 4,5 Stellen.\""),
        "{said}"
    );
    assert!(
        said.contains("(eschulz) · question 2: status: answered"),
        "{said}"
    );
}

#[test]
fn the_same_question_answered_twice_is_a_conflict_both_values_named_the_file_valid() {
    let (_world, a, b) = world();
    a.answer(2, "3", "Ja, mit zwei Trägern.", "mmuster");
    b.answer(2, "3", "Nein, noch nicht.", "eschulz");
    assert!(a.sync().status.success());
    let out = b.sync();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(KIM), "{err}");
    assert!(
        err.contains(
            "question 3, answer: here \"Nein, noch nicht.\", there \"Ja, mit zwei Trägern.\""
        ),
        "{err}"
    );
    let text = b.kim();
    assert!(!text.contains("<<<<<<<"));
    assert!(text.contains("Nein, noch nicht."));
    assert!(store::load(&b.data).diagnostics.is_empty());
}

#[test]
fn a_folder_outside_git_is_told_plainly() {
    let dir = common::example();
    let home = tempfile::tempdir().unwrap();
    let out = common::agenda(home.path())
        .env("PATH", std::env::var_os("PATH").unwrap())
        .args(["sync", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is in no git repository"));
}

#[test]
fn h_shows_who_answered_from_git_and_this_runs_changes_elsewhere() {
    use agenda::input::Action;
    let (_world, a, b) = world();
    b.answer(0, "1", "Es sind 4,5 Stellen.", "eschulz");
    assert!(b.sync().status.success());
    assert!(a.sync().status.success());
    // The app on office A's folder: the question, then H.
    let mut app = common::app(&a.data);
    for key in common::TO_KIM.into_iter().chain([Action::History]) {
        common::step(&mut app, key);
    }
    assert_eq!(
        app.place().screen,
        agenda::app::Screen::History("kim-bericht-2022".into(), 0)
    );
    let lines = app.history.clone().expect("read");
    assert!(
        lines.iter().any(|l| l.by.ends_with("(eschulz)")),
        "{lines:?}"
    );
    // Outside git: what this run changed.
    let dir = common::example();
    let mut app = common::app(dir.path());
    for key in common::TO_KIM
        .into_iter()
        .chain([Action::CycleStatus, Action::History])
    {
        common::step(&mut app, key);
    }
    let lines = app.history.clone().expect("read");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].by, "tester");
    assert_eq!(
        lines[0].what,
        [("status".to_string(), Some("in_progress".to_string()))]
    );
    // On screen in words: the field's name and the status as everywhere.
    let screen = common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("Status: in Arbeit"), "{screen}");
    assert!(screen.contains("seit dem Start des Programms"), "{screen}");
}

#[test]
fn shift_s_in_the_app_syncs_and_reads_what_came() {
    use agenda::input::Action;
    let (_world, a, b) = world();
    b.answer(1, "2", "Zwei Träger übernehmen.", "eschulz");
    assert!(b.sync().status.success());
    let mut app = common::app(&a.data);
    assert_eq!(app.data().motions[0].answered(), 0);
    common::step(&mut app, Action::Sync);
    assert!(
        matches!(app.note, Some(agenda::note::Note::Synced(_))),
        "{:?}",
        app.note
    );
    assert!(!app.syncing);
    assert_eq!(app.data().motions[0].answered(), 1);
}
