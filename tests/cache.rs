//! The load cache: a start takes unchanged files from it, reads changed
//! ones, and rebuilds a cache that is corrupt or of another folder.

use std::path::Path;
use std::time::{Duration, SystemTime};

use agenda::store;

use crate::common;

/// Sets every file's time of change an hour back, as files are that were
/// not just written (fresh files are never taken from the cache).
fn settle(dir: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let file = std::fs::File::options()
                .write(true)
                .open(entry.path())
                .unwrap();
            file.set_modified(past).unwrap();
        }
    }
}

fn summary(loaded: &store::Loaded) -> (Vec<String>, Vec<String>, usize) {
    let data = &loaded.data;
    let motions = data
        .motions
        .iter()
        .map(|m| format!("{} {:?}", m.id, m.questions))
        .collect();
    let sessions = data
        .sessions
        .iter()
        .map(|s| format!("{} {}", s.id, s.agenda.len()))
        .collect();
    (motions, sessions, loaded.diagnostics.len())
}

#[test]
fn a_warm_start_gives_what_a_cold_one_gives_and_sees_every_change() {
    let dir = common::example();
    std::fs::write(dir.path().join("kaputt.toml"), "[motion\n").unwrap();
    settle(dir.path());
    let cache = tempfile::tempdir().unwrap();
    let file = store::cache::file_for(cache.path(), dir.path());
    let cold = store::load(dir.path());
    let first = store::cache::load(dir.path(), &file, &Default::default());
    assert!(file.exists(), "the cache is written");
    let warm = store::cache::load(dir.path(), &file, &Default::default());
    assert_eq!(summary(&warm), summary(&cold));
    assert_eq!(warm.diagnostics, cold.diagnostics, "problems come back too");
    assert_eq!(summary(&first), summary(&cold));

    // Taken from the cache, not read: the same size and time, another
    // byte, and the cache's version shows (what size and time vouch for).
    let kim = dir.path().join(common::KIM);
    let before = std::fs::metadata(&kim).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&kim).unwrap();
    std::fs::write(&kim, text.replacen("KIM", "KIN", 1)).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&kim)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let cached = store::cache::load(dir.path(), &file, &Default::default());
    assert!(cached.data.motions.iter().any(|m| m.title.contains("KIM")));
    assert!(
        store::load(dir.path())
            .data
            .motions
            .iter()
            .any(|m| m.title.contains("KIN"))
    );
    std::fs::write(&kim, &text).unwrap();

    // A changed file is read again, whatever the cache says.
    let text = std::fs::read_to_string(&kim).unwrap();
    std::fs::write(
        &kim,
        text.replace("status = \"open\"", "status = \"in_progress\""),
    )
    .unwrap();
    let changed = store::cache::load(dir.path(), &file, &Default::default());
    assert_eq!(summary(&changed), summary(&store::load(dir.path())));
    assert_ne!(summary(&changed), summary(&cold));
}

#[test]
fn a_corrupt_cache_is_rebuilt_without_a_word() {
    let dir = common::example();
    settle(dir.path());
    let cache = tempfile::tempdir().unwrap();
    let file = store::cache::file_for(cache.path(), dir.path());
    store::cache::load(dir.path(), &file, &Default::default());
    let good = std::fs::read(&file).unwrap();
    let mut bad = good.clone();
    let middle = bad.len() / 2;
    bad.truncate(middle);
    std::fs::write(&file, &bad).unwrap();
    let loaded = store::cache::load(dir.path(), &file, &Default::default());
    assert_eq!(summary(&loaded), summary(&store::load(dir.path())));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(
        std::fs::read(&file).unwrap().len(),
        good.len(),
        "written again"
    );
    // Random bytes, and a cache of another folder, are not taken either.
    std::fs::write(&file, b"\xff\xfe not a cache").unwrap();
    assert_eq!(
        summary(&store::cache::load(dir.path(), &file, &Default::default())),
        summary(&store::load(dir.path()))
    );
    let other = common::data_dir(&[("a.toml", common::session("a", "2022-09-07", "").as_bytes())]);
    settle(other.path());
    let loaded = store::cache::load(other.path(), &file, &Default::default());
    assert_eq!(loaded.data.sessions.len(), 1);
    assert!(loaded.data.motions.is_empty());
}

#[test]
fn the_first_step_reads_the_known_session_files_again_where_changed() {
    let dir = common::example();
    std::fs::write(
        dir.path().join("sitzungen/alt.toml"),
        common::session("alt", "2022-10-05", ""),
    )
    .unwrap();
    settle(dir.path());
    let cache = tempfile::tempdir().unwrap();
    let file = store::cache::file_for(cache.path(), dir.path());
    assert!(store::first(dir.path(), &file).is_none(), "no cache yet");
    store::cache::load(dir.path(), &file, &Default::default());
    // Since the cache was written: one session renamed by hand, one file
    // gone, one new.
    let soz = dir.path().join("sitzungen/soz-2022-09-07.toml");
    let text = std::fs::read_to_string(&soz).unwrap();
    std::fs::write(&soz, text.replace("für Soziales", "für Soziales und Sport")).unwrap();
    std::fs::remove_file(dir.path().join("sitzungen/alt.toml")).unwrap();
    std::fs::write(
        dir.path().join("sitzungen/neu.toml"),
        common::session("neu", "2022-10-06", ""),
    )
    .unwrap();
    let first = store::first(dir.path(), &file).unwrap();
    let names: Vec<&str> = (first.data.sessions.iter())
        .map(|s| s.committee.as_str())
        .collect();
    // The folder is not walked for the first step: the new file comes with
    // the rest, which the full reading brings.
    assert_eq!(
        names,
        ["Ausschuss für Soziales und Sport, Familien und Senioren"],
        "the changed file as it is now"
    );
    assert!(first.data.motions.is_empty());
    // The agenda names the KIM motion, which is not read yet: no problem.
    assert!(first.diagnostics.is_empty(), "{:?}", first.diagnostics);
    let all = store::cache::load(dir.path(), &file, &Default::default());
    let ids: Vec<&str> = all.data.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["soz-2022-09-07", "neu"]);
}

#[test]
fn an_unchanged_folder_leaves_the_cache_as_it_is_and_a_new_file_rewrites_it() {
    let dir = common::example();
    settle(dir.path());
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("files.bin");
    let progress = store::Progress::default();
    store::cache::load(dir.path(), &cache, &progress);
    let written = std::fs::read(&cache).unwrap();
    // A mark the cache would lose if it were written again.
    let past = SystemTime::now() - Duration::from_secs(7200);
    let mark = || std::fs::File::options().write(true).open(&cache).unwrap();
    mark().set_modified(past).unwrap();
    store::cache::load(dir.path(), &cache, &progress);
    let modified = std::fs::metadata(&cache).unwrap().modified().unwrap();
    assert_eq!(modified, past, "not written again");
    assert_eq!(std::fs::read(&cache).unwrap(), written);
    // A new file (settled, so it gets a stamp): written again, with it.
    std::fs::copy(
        dir.path().join(common::KIM),
        dir.path().join("antraege/kopie.toml"),
    )
    .unwrap();
    settle(dir.path());
    store::cache::load(dir.path(), &cache, &progress);
    assert_ne!(std::fs::metadata(&cache).unwrap().modified().unwrap(), past);
    assert!(std::fs::read(&cache).unwrap().len() > written.len());
}
