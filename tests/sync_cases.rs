//! What the testers found in `agenda sync` and `agenda history`, one case
//! each: two clones of a bare repository in a temp folder, as in `sync`.

use std::path::Path;

use crate::sync::{KIM, Office, git, world};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The lines of `agenda history` of the KIM motion (one question or all).
fn history(office: &Office, question: Option<&str>, lang: &str) -> std::process::Output {
    let dir = office.data.to_str().unwrap();
    let mut args = vec!["history", "kim-bericht-2022"];
    args.extend(question);
    args.extend(["--lang", lang, "--dir", dir]);
    office.agenda(&args)
}

#[test]
fn the_office_whose_answer_lost_a_conflict_is_told_at_its_next_sync() {
    let (_world, a, b) = world();
    a.answer(2, "3", "Ja, mit zwei Trägern.", "mmuster");
    b.answer(2, "3", "Nein, noch nicht.", "eschulz");
    assert!(a.sync().status.success());
    assert_eq!(b.sync().status.code(), Some(1));
    // A's answer is replaced by B's merge: A is told, with both values.
    let out = a.sync();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(KIM), "{err}");
    assert!(err.contains("(KIM)\", question 3, answer: decided elsewhere by Jugendamt: kept \"Nein, noch nicht.\", yours was \"Ja, mit zwei Trägern.\""), "{err}");
    assert!(!text(&out.stdout).contains("decided elsewhere"));
    assert!(a.kim().contains("Nein, noch nicht."));
    // Told once: the next sync has nothing to say about it.
    let again = a.sync();
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(!text(&again.stderr).contains("decided elsewhere"));
    // B, whose value stayed, is not told it lost.
    let out = b.sync();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn history_credits_each_change_to_the_commit_that_made_it_not_to_a_merge() {
    let (_world, a, b) = world();
    a.answer(0, "1", "Es sind 4,5 Stellen.", "mmuster");
    b.answer(1, "2", "Zwei Träger übernehmen.", "eschulz");
    for office in [&a, &b, &a] {
        assert!(office.sync().status.success());
    }
    for office in [&a, &b] {
        let said = text(&history(office, Some("1"), "en").stdout);
        let lines: Vec<&str> = said.lines().collect();
        // Made by the first office, answered by mmuster: nothing else.
        assert_eq!(lines.len(), 2, "{said}");
        assert!(
            lines[0].contains("Sozialamt · question 1: question text: "),
            "{said}"
        );
        assert!(
            lines[1].contains("(mmuster) · question 1: status: answered"),
            "{said}"
        );
        let all = text(&history(office, None, "en").stdout);
        // The other office made question 2's answer only; nothing of
        // question 1 is put down to it, and nothing was removed.
        let theirs = |l: &&str| l.contains("Jugendamt") && l.contains("question 1");
        assert!(
            !all.lines().any(|l| theirs(&l)) && !all.contains("removed"),
            "{all}"
        );
    }
}

#[test]
fn history_credits_a_settled_conflict_to_whoever_merged() {
    let (_world, a, b) = world();
    a.answer(2, "3", "Ja, mit zwei Trägern.", "mmuster");
    b.answer(2, "3", "Nein, noch nicht.", "eschulz");
    assert!(a.sync().status.success());
    assert_eq!(b.sync().status.code(), Some(1));
    let said = text(&history(&b, Some("3"), "en").stdout);
    let last = said.lines().last().unwrap_or_default();
    assert!(
        last.contains("Jugendamt · question 3 (kept in a merge): answer: \"Nein, noch nicht.\""),
        "{said}"
    );
    assert!(said.contains("(mmuster) · question 3"), "{said}");
    assert!(said.contains("(eschulz) · question 3"), "{said}");
}

#[test]
fn sync_commits_the_data_files_and_the_trash_never_the_lock_or_a_stray_note() {
    let (_world, a, b) = world();
    a.answer(0, "1", "Es sind 4,5 Stellen.", "mmuster");
    assert!(
        a.data.join(".agenda.lock").exists(),
        "the save took its lock"
    );
    std::fs::write(a.data.join("notes.txt"), "Anruf Frau M. zurückrufen\n").unwrap();
    let out = a.sync();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let tracked = a.git(&["ls-files"]);
    assert!(tracked.contains(KIM), "{tracked}");
    assert!(
        !tracked.contains(".agenda.lock") && !tracked.contains("notes.txt"),
        "{tracked}"
    );
    // Nor does git offer the lock to be committed: a stray note it does.
    let status = a.git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(!status.contains(".agenda.lock"), "{status}");
    assert!(status.contains("notes.txt"), "{status}");
    // A motion put in the trash goes to the others as that.
    let trashed = Path::new(".papierkorb").join(KIM);
    std::fs::create_dir_all(a.data.join(trashed.parent().unwrap())).unwrap();
    std::fs::rename(a.data.join(KIM), a.data.join(&trashed)).unwrap();
    let out = a.sync();
    assert!(
        text(&out.stdout).contains("Committed: \"Berichterstattung zur Umsetzung des Kommunalen Integrationsmanagements (KIM)\" deleted."),
        "{}",
        text(&out.stdout)
    );
    // The other office keeps syncing: nothing of A's stray files in the way.
    std::fs::write(b.data.join("notes.txt"), "eigene Notiz\n").unwrap();
    let out = b.sync();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(b.data.join(&trashed).exists() && !b.data.join(KIM).exists());
    assert!(
        text(&out.stdout).contains("From the others: \"Berichterstattung"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(b.data.join("notes.txt")).unwrap(),
        "eigene Notiz\n"
    );
}

#[test]
fn a_file_agenda_check_rejects_is_neither_committed_nor_sent() {
    let (_world, a, _b) = world();
    let before = a.git(&["rev-parse", "HEAD"]);
    let broken = a.kim().replacen(
        "kind = \"Antrag\"",
        "kind = \"Antrag\"\nkind = \"Anfrage\"",
        1,
    );
    std::fs::write(a.data.join(KIM), broken).unwrap();
    let out = a.sync();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("have errors: antraege/kim-bericht-2022.toml"),
        "{err}"
    );
    assert!(err.contains("agenda check"), "{err}");
    assert_eq!(a.git(&["rev-parse", "HEAD"]), before);
    assert_eq!(
        a.git(&["ls-remote", "origin", "main"]).split('\t').next(),
        Some(before.trim())
    );
    assert!(
        a.git(&["status", "--porcelain"])
            .contains("kim-bericht-2022.toml")
    );
}

#[test]
fn a_clone_made_while_the_remote_was_empty_syncs() {
    let world_dir = tempfile::tempdir().unwrap();
    let home = world_dir.path().join("home-setup");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join("gitconfig"), "[init]\n\tdefaultBranch = main\n").unwrap();
    git(
        &home,
        world_dir.path(),
        &["init", "--quiet", "--bare", "remote.git"],
    );
    let early = Office::clone(world_dir.path(), "jugendamt", "Jugendamt");
    std::fs::create_dir_all(&early.data).unwrap();
    let a = Office::clone(world_dir.path(), "sozialamt", "Sozialamt");
    agenda::example::write_to(&a.data).unwrap();
    assert!(a.sync().status.success());
    let out = early.sync();
    let said = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!said.contains("No remote"), "{said}");
    assert!(
        said.contains("From the others: \"Berichterstattung"),
        "{said}"
    );
    assert!(early.data.join(KIM).exists());
    // And its answers go out.
    early.answer(1, "2", "Zwei Träger übernehmen.", "eschulz");
    let out = early.sync();
    assert!(text(&out.stdout).contains("Sent:"), "{}", text(&out.stderr));
    assert!(a.sync().status.success());
    assert!(a.kim().contains("Zwei Träger übernehmen."));
}

#[test]
fn a_name_without_a_mail_in_git_config_still_commits() {
    let (_world, a, _b) = world();
    a.git(&["config", "--unset", "user.email"]);
    a.answer(0, "1", "Es sind 4,5 Stellen.", "mmuster");
    let out = a.sync();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let who = a.git(&["log", "-1", "--format=%an <%ae>"]);
    assert!(who.starts_with("Sozialamt <") && who.contains('@'), "{who}");
    // A mail without a name: the login names the commit.
    a.git(&["config", "--unset", "user.name"]);
    a.git(&["config", "user.email", "sozialamt@stadt.example"]);
    a.answer(1, "2", "Zwei Träger übernehmen.", "mmuster");
    assert!(a.sync().status.success());
    let who = a.git(&["log", "-1", "--format=%an|%ae"]);
    let (name, mail) = who.trim().split_once('|').unwrap();
    assert!(!name.is_empty() && name != "Sozialamt", "{who}");
    assert_eq!(mail, "sozialamt@stadt.example");
}

#[test]
fn a_changed_file_outside_the_data_that_blocks_the_merge_is_named() {
    let (_world, a, b) = world();
    let top = |o: &Office| o.data.parent().unwrap().to_path_buf();
    std::fs::write(top(&a).join("LIESMICH.txt"), "Stand 1\n").unwrap();
    a.git(&["add", "LIESMICH.txt"]);
    a.git(&["commit", "--quiet", "-m", "LIESMICH"]);
    a.git(&["push", "--quiet", "origin", "main"]);
    assert!(b.sync().status.success());
    std::fs::write(top(&a).join("LIESMICH.txt"), "Stand 2\n").unwrap();
    a.git(&["commit", "--quiet", "-am", "LIESMICH 2"]);
    a.git(&["push", "--quiet", "origin", "main"]);
    std::fs::write(top(&b).join("LIESMICH.txt"), "eigener Stand\n").unwrap();
    let out = b.sync();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("changed on this computer") && err.contains(": LIESMICH.txt."),
        "{err}"
    );
    assert!(!err.contains("merged: ."), "{err}");
    assert_eq!(
        std::fs::read_to_string(top(&b).join("LIESMICH.txt")).unwrap(),
        "eigener Stand\n"
    );
}

#[test]
fn sync_says_what_came_from_whom_and_a_struck_question_is_named() {
    let (_world, a, b) = world();
    b.answer(1, "2", "Zwei Träger übernehmen.", "eschulz");
    assert!(b.sync().status.success());
    let out = a.sync();
    let said = text(&out.stdout);
    assert!(said.contains("No changes of yours."), "{said}");
    assert!(said.contains("(KIM)\", question 2 (by eschulz)."), "{said}");
    assert!(said.contains("Nothing of yours to send"), "{said}");
    assert!(!said.contains("the others see your changes"), "{said}");
    // A question struck out by hand: the commit says so, the others too.
    let kim = a.kim();
    let start = kim
        .find("[[question]]\nnumber = \"3\"")
        .expect("question 3");
    let end = kim[start + 1..]
        .find("[[question]]")
        .map_or(kim.len(), |e| start + 1 + e);
    std::fs::write(
        a.data.join(KIM),
        format!("{}{}", &kim[..start], &kim[end..]),
    )
    .unwrap();
    let out = a.sync();
    assert!(
        text(&out.stdout).contains("Committed: \"Berichterstattung zur Umsetzung des Kommunalen Integrationsmanagements (KIM)\" changed, struck out: question 3."),
        "{}",
        text(&out.stdout)
    );
    let said = text(&b.sync().stdout);
    assert!(
        said.contains("struck out: question 3 (by Sozialamt)"),
        "{said}"
    );
}

#[test]
fn history_reads_in_words_and_dates_and_an_unknown_question_is_said() {
    let (_world, a, _b) = world();
    a.answer(0, "1", "Es sind 4,5 Stellen.", "mmuster");
    assert!(a.sync().status.success());
    let said = text(&history(&a, Some("1"), "de").stdout);
    assert!(
        said.contains("(mmuster) · Frage 1: Status: beantwortet; Antwort: „Es sind 4,5 Stellen.“"),
        "{said}"
    );
    let when = said.split(" · ").next().unwrap();
    let shape = when
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c });
    assert_eq!(shape.collect::<String>(), "99.99.9999 99:99", "{said}");
    let out = history(&a, Some("9"), "en");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("kim-bericht-2022 has no question 9; its questions: 1, 2, 3"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn shift_s_with_a_conflict_says_plainly_which_value_stayed() {
    use agenda::input::Action;
    let (_world, a, b) = world();
    a.answer(2, "3", "Ja, mit zwei Trägern.", "mmuster");
    assert!(a.sync().status.success());
    b.answer(2, "3", "Nein, noch nicht.", "eschulz");
    let mut app = crate::common::app(&b.data);
    crate::common::step(&mut app, Action::Sync);
    let texts = agenda::i18n::Lang::De.texts();
    let note = texts.note(
        app.note.as_ref().expect("a note"),
        &agenda::i18n::Keys::new(&app.keymap, texts),
    );
    assert!(
        note.contains("Frage 3, Antwort: hier „Nein, noch nicht.“, dort „Ja, mit zwei Trägern.“. Ihr Wert („Nein, noch nicht.“) wurde behalten und gesendet"),
        "{note}"
    );
    // What needs a decision leads the message, before the routine lines.
    assert!(
        note.find("Frage 3, Antwort") < note.find("Gesendet"),
        "{note}"
    );
    // The top line says a notice waits.
    let screen = crate::common::screen(&mut app, agenda::i18n::Lang::De);
    assert!(screen[0].contains("! 1 Hinweis"), "{}", screen[0]);
    // The note goes with the next key; the decision stays under `!`
    // until dismissed.
    crate::common::step(&mut app, Action::Problems);
    let screen = crate::common::screen(&mut app, agenda::i18n::Lang::De).join("\n");
    assert!(screen.contains("dort „Ja, mit zwei"), "{screen}");
    // The notice says how it goes away.
    assert!(
        screen.contains("Gelesen? Entf nimmt den Hinweis weg."),
        "{screen}"
    );
    assert_eq!(app.notices.len(), 1);
    crate::common::step(&mut app, Action::Delete);
    assert!(app.notices.is_empty());
}

#[test]
fn a_data_folder_not_fetched_yet_into_a_git_clone_is_explained() {
    let home = tempfile::tempdir().unwrap();
    let clone = home.path().join("ablage");
    // A clone of the shared repository (made while it was still empty).
    std::fs::create_dir_all(clone.join(".git")).unwrap();
    let out = crate::common::agenda(home.path())
        .args(["sync", "--lang", "de"])
        .arg(clone.join("daten"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(said.contains("gibt es hier noch nicht"), "{said}");
    assert!(said.contains("git pull"), "{said}");
}

#[test]
fn a_session_that_came_is_named_by_its_committee_and_date() {
    let (_world, a, b) = world();
    std::fs::write(
        a.data.join("sitzungen/bau-2022-10-05.toml"),
        crate::common::session("bau", "2022-10-05", ""),
    )
    .unwrap();
    let out = a.sync();
    assert!(
        text(&out.stdout).contains("Committed: \"Ausschuss bau 05.10.2022\" new."),
        "{}",
        text(&out.stdout)
    );
    let said = text(&b.sync().stdout);
    assert!(
        said.contains("From the others: \"Ausschuss bau 05.10.2022\" new"),
        "{said}"
    );
}
