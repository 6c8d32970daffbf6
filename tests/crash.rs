//! A save killed at any instant leaves the file as before or as after,
//! never truncated or mixed.

#![cfg(unix)]

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use agenda::model::Status;
use agenda::store::{self, Field, Stamp};
use common::{KIM, example};
use rand::{Rng, SeedableRng};

const LOOP: &str = "AGENDA_TEST_SAVE_LOOP";

fn stamp() -> Stamp {
    common::stamp("saver", "2022-09-01T10:00:00")
}

/// Saves question 1 over and over, flipping its status; never returns.
fn save_forever(dir: &Path) -> ! {
    loop {
        let loaded = store::load(dir);
        let motion = loaded.data.motion("kim-bericht-2022").unwrap();
        let flipped = match motion.questions[0].status {
            Status::InProgress => Status::Open,
            _ => Status::InProgress,
        };
        let source = &loaded.data.sources[motion.source.0];
        let _ = store::save_question(dir, source, 0, "1", &[Field::Status(flipped)], &stamp());
    }
}

/// The versions the file may hold: as written, and after each kind of save.
fn versions(dir: &Path) -> Vec<Vec<u8>> {
    let original = std::fs::read(dir.join(KIM)).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    agenda::example::write_to(scratch.path()).unwrap();
    let mut out = vec![original];
    for status in [Status::InProgress, Status::Open] {
        let loaded = store::load(scratch.path());
        let source = &loaded.data.sources[loaded.data.motion("kim-bericht-2022").unwrap().source.0];
        store::save_question(
            scratch.path(),
            source,
            0,
            "1",
            &[Field::Status(status)],
            &stamp(),
        )
        .unwrap();
        out.push(std::fs::read(scratch.path().join(KIM)).unwrap());
    }
    out
}

#[test]
fn a_kill_at_any_moment_leaves_the_old_or_the_new_file() {
    if let Some(dir) = std::env::var_os(LOOP) {
        save_forever(Path::new(&dir));
    }
    let dir = example();
    let allowed = versions(dir.path());
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut seen = std::collections::HashSet::new();
    for round in 0..60 {
        let mut saver = Command::new(std::env::current_exe().unwrap())
            .args([
                "crash::a_kill_at_any_moment_leaves_the_old_or_the_new_file",
                "--exact",
                "--nocapture",
            ])
            .env(LOOP, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.random_range(2_000..40_000)));
        saver.kill().unwrap(); // SIGKILL: no chance to clean up
        saver.wait().unwrap();

        let now = std::fs::read(dir.path().join(KIM)).unwrap();
        let which = allowed.iter().position(|v| *v == now);
        assert!(
            which.is_some(),
            "round {round}: the file is neither before nor after:\n{}",
            String::from_utf8_lossy(&now)
        );
        seen.insert(which);
        let loaded = store::load(dir.path());
        assert!(
            loaded.diagnostics.is_empty(),
            "round {round}: {:?}",
            loaded.diagnostics
        );
    }
    // The kills landed at different moments: more than one version was seen.
    assert!(seen.len() > 1, "the saver never got to save: {seen:?}");
}
