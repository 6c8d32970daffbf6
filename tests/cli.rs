//! The `agenda` binary as scripts and people call it.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{contents, data_dir, motion, session};
use tempfile::TempDir;

use common::agenda;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Two sessions (one past), motions with mixed answers, one named by its
/// session only, one placed nowhere.
fn council() -> TempDir {
    let soz = session(
        "soz",
        "2022-09-07",
        "\n[[agenda]]\nnumber = \"1\"\ntitle = \"Eröffnung\"\n\n[[agenda]]\nnumber = \"4\"\ntitle = \"Bericht\"\nmotions = [\"kim\", \"kita\"]\n",
    );
    let bau = session("bau", "2022-08-30", "");
    let kim = motion("kim", Some("soz"), &["answered", "open", "in_progress"]);
    let kita = motion("kita", None, &["answered", "answered"]);
    let late = motion("late", Some("soz"), &["open"]);
    let loose = motion("loose", None, &["answered", "open"]);
    data_dir(&[
        ("sessions/soz.toml", soz.as_bytes()),
        ("sessions/bau.toml", bau.as_bytes()),
        ("motions/kim.toml", kim.as_bytes()),
        ("motions/kita.toml", kita.as_bytes()),
        ("motions/late.toml", late.as_bytes()),
        ("motions/loose.toml", loose.as_bytes()),
    ])
}

#[test]
fn status_counts_per_session_and_motion() {
    let home = TempDir::new().unwrap();
    let dir = council();
    let out = run(agenda(home.path())
        .args(["status", "--today", "2022-09-01", "--lang", "en"])
        .arg(dir.path()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "30.08.2022 (Tue) Ausschuss bau: 2 days ago, no questions yet\n\
         07.09.2022 (Wed) Ausschuss soz: in 6 days, 3/6 answered\n\
         \x20 item 4: kim (Anfrage), 1/3 answered – Titel kim\n\
         \x20 item 4: kita (Anfrage), 2/2 answered – Titel kita\n\
         \x20 not yet on the agenda: late (Anfrage), 0/1 answered – Titel late\n\
         Motions without a session:\n\
         \x20 loose (Anfrage), 1/2 answered – Titel loose\n"
    );
}

#[test]
fn status_speaks_german() {
    let home = TempDir::new().unwrap();
    let dir = council();
    let out = run(agenda(home.path())
        .args(["status", "--today", "2022-09-07", "--lang", "de"])
        .arg(dir.path()));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "30.08.2022 (Di) Ausschuss bau: vor 8 Tagen, noch keine Fragen"
    );
    assert_eq!(
        lines[1],
        "07.09.2022 (Mi) Ausschuss soz: heute, 3/6 beantwortet"
    );
    assert_eq!(
        lines[4],
        "  noch nicht auf der Tagesordnung: late (Anfrage), 0/1 beantwortet – Titel late"
    );
}

#[test]
fn status_json_shape() {
    let home = TempDir::new().unwrap();
    let dir = council();
    let out = run(agenda(home.path())
        .args(["status", "--json", "--today", "2022-09-01"])
        .arg(dir.path()));
    assert_eq!(out.code, 0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let sessions = json.as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0]["id"], "bau");
    assert_eq!(sessions[0]["days_left"], -2);
    assert_eq!(sessions[0]["motions"].as_array().unwrap().len(), 0);
    let soz = &sessions[1];
    assert_eq!(soz["committee"], "Ausschuss soz");
    assert_eq!(soz["date"], "2022-09-07");
    assert_eq!(soz["days_left"], 6);
    assert_eq!(soz["answered"], 3);
    assert_eq!(soz["total"], 6);
    let motions = soz["motions"].as_array().unwrap();
    let brief: Vec<_> = motions
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap(),
                m["on_agenda"].as_bool().unwrap(),
                m["answered"].as_u64().unwrap(),
                m["total"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        brief,
        [
            ("kim", true, 1, 3),
            ("kita", true, 2, 2),
            ("late", false, 0, 1)
        ]
    );
    assert_eq!(motions[0]["title"], "Titel kim");
}

#[test]
fn check_exit_codes() {
    let home = TempDir::new().unwrap();
    let clean = council();
    let out = run(agenda(home.path())
        .args(["check", "--lang", "en"])
        .arg(clean.path()));
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "No problems in 6 files.\n")
    );

    let warned = data_dir(&[(
        "m.toml",
        b"[motion]\nid = \"m\"\nkind = \"A\"\ntitle = \"T\"\ncolour = 1\n",
    )]);
    let out = run(agenda(home.path())
        .args(["check", "--lang", "en"])
        .arg(warned.path()));
    assert_eq!(out.code, 0, "warnings alone must not fail: {}", out.stdout);
    assert!(
        out.stdout.ends_with("0 errors, 1 warning in 1 file.\n"),
        "{}",
        out.stdout
    );

    let broken = data_dir(&[("m.toml", b"[motion]\nid = \"m\"\n")]);
    let before = contents(broken.path());
    let out = run(agenda(home.path())
        .args(["check", "--lang", "en"])
        .arg(broken.path()));
    assert_eq!(out.code, 1);
    let path = broken.path().join("m.toml");
    assert!(
        out.stdout.starts_with(&format!(
            "{}:1:1: error: [motion] lacks the required \"kind\".",
            path.display()
        )),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with("2 errors, 0 warnings in 1 file.\n"));
    assert_eq!(contents(broken.path()), before);
}

#[test]
fn output_never_carries_raw_escape_sequences() {
    let home = TempDir::new().unwrap();
    let evil = "[motion]\nid = \"m\"\nkind = \"A\"\ntitle = \"T\\u001b]2;pwned\\u0007\\u001b[2J\"\nsession = \"s\"\n\"status_\\u001b[31m\" = 1\n";
    let dir = data_dir(&[
        ("m.toml", evil.as_bytes()),
        ("s.toml", session("s", "2022-09-07", "").as_bytes()),
    ]);
    for args in [["status", "--lang"], ["check", "--lang"]] {
        let out = run(agenda(home.path()).args(args).arg("en").arg(dir.path()));
        assert!(
            !out.stdout.contains('\u{1b}'),
            "raw ESC in {args:?}: {:?}",
            out.stdout
        );
        assert!(!out.stdout.contains('\u{7}'), "raw BEL in {args:?}");
    }
    let out = run(agenda(home.path())
        .args(["status", "--lang", "en"])
        .arg(dir.path()));
    assert!(out.stdout.contains("T␛]2;pwned␇␛[2J"), "{}", out.stdout);
}

#[test]
fn bundled_example_is_clean_and_six_days_ahead() {
    let home = TempDir::new().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/example");
    let out = run(agenda(home.path())
        .args(["check", "--lang", "en"])
        .arg(&example));
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "No problems in 2 files.\n")
    );
    let out = run(agenda(home.path())
        .args(["status", "--today", "2022-09-01", "--lang", "de"])
        .arg(&example));
    assert_eq!(
        out.stdout,
        "07.09.2022 (Mi) Ausschuss für Soziales, Familien und Senioren: in 6 Tagen, 0/3 beantwortet\n\
         \x20 TOP 4: kim-bericht-2022 (Antrag), 0/3 beantwortet – Berichterstattung zur Umsetzung des Kommunalen Integrationsmanagements (KIM)\n"
    );
}

#[test]
fn agenda_dir_variable_names_the_folder() {
    let home = TempDir::new().unwrap();
    let dir = council();
    let out = run(agenda(home.path()).env("AGENDA_DIR", dir.path()).args([
        "status",
        "--json",
        "--today",
        "2022-09-01",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert!(
        !home.path().join("data").exists(),
        "must not set up the platform folder"
    );
}

// The platform data folder follows XDG_DATA_HOME only on Linux; elsewhere
// this test would reach the real one.
#[cfg(target_os = "linux")]
#[test]
fn first_start_sets_up_the_example_and_says_where() {
    let home = TempDir::new().unwrap();
    let out = run(agenda(home.path()).args(["status", "--today", "2022-09-01", "--lang", "en"]));
    let folder = home.path().join("data/agenda");
    assert_eq!(
        out.stderr,
        format!(
            "No data yet: the bundled example was set up in {}.\n",
            folder.display()
        )
    );
    assert!(out.stdout.contains("0/3 answered"), "{}", out.stdout);
    assert!(folder.join("antraege/kim-bericht-2022.toml").is_file());

    // The second start finds the data and says nothing more.
    let again = run(agenda(home.path()).args(["status", "--lang", "en"]));
    assert_eq!(again.stderr, "");
}

// The recovery files live in the platform's folder for local data, which
// on Linux is the default data folder too.
#[cfg(target_os = "linux")]
#[test]
fn a_recovery_file_left_by_work_elsewhere_does_not_stop_the_first_start() {
    let home = TempDir::new().unwrap();
    let folder = home.path().join("data/agenda");
    std::fs::create_dir_all(folder.join("drafts")).unwrap();
    std::fs::write(folder.join("recovery-0123456789abcdef.json.bak"), "{}").unwrap();
    let out = run(agenda(home.path()).args(["status", "--today", "2022-09-01", "--lang", "en"]));
    assert!(out.stderr.starts_with("No data yet"), "{}", out.stderr);
    assert!(out.stdout.contains("0/3 answered"), "{}", out.stdout);
}

#[test]
fn missing_folder_and_bad_date_are_explained() {
    let home = TempDir::new().unwrap();
    let out = run(agenda(home.path()).args(["check", "/no/such/folder", "--lang", "en"]));
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "The folder /no/such/folder does not exist. Check the path.\n"
    );

    // --today takes every form a date field takes; a wrong one is named.
    let out = run(agenda(home.path()).args(["status", "--today", "31.02.2022"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("'31.02.2022' is not a date like 07.09.2022"),
        "{}",
        out.stderr
    );
    for form in ["07.09.2022", "7.9.22", "2022-09-07"] {
        let out = run(agenda(home.path()).args(["status", "--today", form, "--lang", "en"]));
        assert_eq!(out.code, 0, "{form}: {}", out.stderr);
        assert!(out.stdout.contains("today"), "{form}: {}", out.stdout);
    }
}

#[test]
fn a_mistyped_command_is_suggested_not_taken_for_a_folder() {
    let home = TempDir::new().unwrap();
    let out = run(agenda(home.path()).args(["staus", "--lang", "de"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("Meinten Sie status?"), "{}", out.stderr);
    let out = run(agenda(home.path()).args(["completions", "bash"]));
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("complete -F _agenda"),
        "{}",
        &out.stdout[..200.min(out.stdout.len())]
    );
    let out = run(agenda(home.path()).arg("man"));
    assert!(out.stdout.starts_with(".ie") && out.stdout.contains(".SH NAME"));
    // In German where asked: the page says what the help says.
    let out = run(agenda(home.path()).args(["man", "--lang", "de"]));
    assert!(
        out.stdout.contains("Ausschusssitzungen vorbereiten")
            && out.stdout.contains("RÜCKGABEWERT")
            && out.stdout.contains(".SH OPTIONEN"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_copied_motion_file_is_reported_by_export_and_status() {
    let home = TempDir::new().unwrap();
    let soz = session("soz", "2022-09-07", "");
    let original = motion("kim", Some("soz"), &["open"]);
    let copy = motion("kim", Some("soz"), &["answered"]);
    let dir = data_dir(&[
        ("soz.toml", soz.as_bytes()),
        ("kim.toml", original.as_bytes()),
        ("kim-kopie.toml", copy.as_bytes()),
    ]);
    let export = run(agenda(home.path()).arg("export").arg(dir.path()).args([
        "--session",
        "soz",
        "--format",
        "markdown",
        "--today",
        "2022-09-01",
    ]));
    assert_eq!(export.code, 1, "{}", export.stderr);
    assert!(export.stderr.contains("2 errors"), "{}", export.stderr);
    // Both motions are in the report: nothing vanished.
    assert_eq!(
        export.stdout.matches("Titel kim").count(),
        2,
        "{}",
        export.stdout
    );
    let status = run(agenda(home.path())
        .arg("status")
        .arg(dir.path())
        .args(["--today", "2022-09-01"]));
    assert!(status.stderr.contains("2 errors"), "{}", status.stderr);
    assert_eq!(status.code, 1, "a script learns that data is missing");
    let search = run(agenda(home.path()).arg("search").arg(dir.path()).arg("kim"));
    assert!(search.stderr.contains("2 errors"), "{}", search.stderr);
}

#[test]
fn help_and_errors_speak_german_under_a_german_locale() {
    let home = TempDir::new().unwrap();
    let out = run(agenda(home.path()).env("LANG", "de_DE.UTF-8").arg("--help"));
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.starts_with("Ausschusssitzungen vorbereiten"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Aufruf: agenda [OPTIONEN] [ORDNER]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Befehle:") && out.stdout.contains("Diese Hilfe zeigen"));
    assert!(!out.stdout.contains("Usage") && !out.stdout.contains("Print help"));
    let sub = run(agenda(home.path())
        .env("LANG", "de_DE.UTF-8")
        .args(["export", "--help"]));
    assert!(
        sub.stdout.contains("Die Fassung zur Weitergabe"),
        "{}",
        sub.stdout
    );
    let bad = run(agenda(home.path()).env("LANG", "de_DE.UTF-8").args([
        "export",
        "--format",
        "pdf",
        "--session",
        "x",
    ]));
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("„pdf“ passt nicht zu --format"),
        "{}",
        bad.stderr
    );
    // English where asked, clap's own.
    let en = run(agenda(home.path())
        .env("LANG", "de_DE.UTF-8")
        .args(["--lang", "en", "--help"]));
    assert!(en.stdout.contains("Usage: agenda"), "{}", en.stdout);
    // Options before the command are options, not a folder.
    let check = run(agenda(home.path()).args(["--lang", "de", "check", "/no/such"]));
    assert!(check.stderr.contains("/no/such"), "{}", check.stderr);
}

#[test]
fn german_help_command_and_errors_name_what_was_typed() {
    let home = TempDir::new().unwrap();
    let de = |args: &[&str]| run(agenda(home.path()).env("LANG", "de_DE.UTF-8").args(args));
    // `help status` shows the help of status; it never runs it.
    let help = de(&["help", "status"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("Aufruf: agenda status"),
        "{}",
        help.stdout
    );
    assert!(!home.path().join("data").exists(), "nothing set up");
    assert!(de(&["help"]).stdout.contains("help  "));
    let conflict = de(&["export", "--session", "a", "--motion", "b", "/no/such"]);
    assert!(
        conflict
            .stderr
            .contains("--session <ID> geht nicht zusammen mit --motion <ID>.")
            && conflict.stderr.contains("agenda export --help"),
        "{}",
        conflict.stderr
    );
    let missing = de(&["export", "/no/such"]).stderr;
    assert!(
        missing.contains("Es fehlt: --session ID oder --motion ID."),
        "{missing}"
    );
    let extra = de(&["status", "/no/such", "extra"]).stderr;
    assert!(extra.contains("Eine Angabe zu viel: „extra“."), "{extra}");
    let unknown = de(&["import", "txt"]);
    assert!(
        unknown
            .stderr
            .contains("Den Befehl „txt“ gibt es nicht. Meinten Sie text?"),
        "{}",
        unknown.stderr
    );
    let no_value = de(&["--lang"]);
    assert!(
        no_value
            .stderr
            .contains("braucht einen Wert. Möglich sind: de, en."),
        "{}",
        no_value.stderr
    );
    // A language we do not speak is refused in the locale's.
    let french = de(&["--lang", "fr", "status", "/no/such"]);
    assert!(
        french.stderr.contains("„fr“ passt nicht zu --lang"),
        "{}",
        french.stderr
    );
    // A typo followed by a folder is still a typo.
    let typo = de(&["stauts", "/no/such"]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("Meinten Sie status?"),
        "{}",
        typo.stderr
    );
}

#[test]
fn man_into_a_folder_writes_a_page_per_command() {
    let home = TempDir::new().unwrap();
    let folder = home.path().join("man1");
    let out = run(agenda(home.path()).arg("man").arg(&folder));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let main = std::fs::read_to_string(folder.join("agenda.1")).unwrap();
    // Every page the main one names is there.
    for named in ["check", "status", "export", "import-text"] {
        assert!(
            folder.join(format!("agenda-{named}.1")).is_file(),
            "{named}"
        );
    }
    assert!(main.contains("agenda\\-status(1)"), "{main}");
    // Beside the options, what a manual page is read for.
    for section in ["ENVIRONMENT", "AGENDA_DIR", "EXIT STATUS", "FILES"] {
        assert!(main.contains(section), "{section}: {main}");
    }
}

#[test]
fn zsh_completion_after_a_command_completes_that_command() {
    let home = TempDir::new().unwrap();
    let out = run(agenda(home.path()).args(["completions", "zsh"]));
    assert_eq!(out.code, 0);
    // Before the commands, no folder that would swallow the command typed.
    let root = out.stdout.split("case $state in").next().unwrap();
    assert!(!root.contains("::dir"), "{root}");
    assert!(root.contains(":: :_agenda_commands"), "{root}");
}

#[test]
fn fish_completion_offers_the_values_clap_leaves_out() {
    let home = TempDir::new().unwrap();
    let out = run(agenda(home.path()).args(["completions", "fish"]));
    assert_eq!(out.code, 0);
    // `agenda completions <Tab>`: the shells, not the files here.
    assert!(
        out.stdout.contains(
            "-n \"__fish_agenda_using_subcommand completions\" -f -a \"bash elvish fish powershell zsh\""
        ),
        "{}",
        out.stdout
    );
    // `agenda --lang <Tab>` before any command.
    assert!(
        out.stdout
            .contains("complete -c agenda -l lang -r -f -a \"de en\"\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_folder_without_data_files_is_said_to_be_perhaps_the_wrong_one() {
    let home = TempDir::new().unwrap();
    let empty = home.path().join("leer");
    std::fs::create_dir(&empty).unwrap();
    for command in ["check", "status"] {
        let out = run(agenda(home.path()).args([command, empty.to_str().unwrap(), "--lang", "de"]));
        assert!(
            out.stdout.contains("liegen keine Sitzungen oder Anträge"),
            "{command}: {}",
            out.stdout
        );
        assert!(
            out.stdout.contains("leer"),
            "names the folder: {}",
            out.stdout
        );
    }
}

#[test]
fn a_report_into_a_folder_that_is_not_there_says_so_in_plain_words() {
    let home = TempDir::new().unwrap();
    let data = crate::common::example();
    let target = home.path().join("fehlt/bericht.html");
    let out = run(agenda(home.path()).args([
        "export",
        data.path().to_str().unwrap(),
        "--session",
        "soz-2022-09-07",
        "-o",
        target.to_str().unwrap(),
        "--lang",
        "de",
    ]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("Den Ordner gibt es nicht. Legen Sie ihn an"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("os error"), "{}", out.stderr);
}

#[test]
fn a_search_naming_only_a_folder_asks_what_to_look_for() {
    let home = TempDir::new().unwrap();
    let data = crate::common::example();
    let out =
        run(agenda(home.path()).args(["search", data.path().to_str().unwrap(), "--lang", "de"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("wonach soll darin gesucht werden"),
        "{}",
        out.stderr
    );
    // Nothing was set up in the default folder meanwhile.
    assert!(!home.path().join("data/agenda").exists());
}
