//! The command-line surface: parses arguments and runs one command.

mod calendar;
mod check;
mod completions;
mod due;
mod export;
mod help;
mod import;
mod man;
mod oparl;
mod search;
mod status;
mod sync;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::app::{App, Env, Note};
use crate::config;
use crate::data_dir::{self, DataDir};
use crate::i18n::{Lang, Texts};

/// Prepare committee sessions: motions, their questions and the answers.
#[derive(Debug, Parser)]
#[command(name = "agenda", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Data folder (default: AGENDA_DIR, else data_dir in config.toml, else the platform data folder)
    dir: Option<PathBuf>,
    /// Count days from this date instead of today (07.09.2022, 7.9.22 or 2022-09-07)
    #[arg(long, global = true, value_parser = parse_day)]
    today: Option<NaiveDate>,
    /// Language of the output (default: from the system locale)
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every file; print each problem as file:line:column
    Check {
        /// Data folder
        dir: Option<PathBuf>,
    },
    /// Per session: date, days left, answered questions per motion
    Status {
        /// Data folder
        dir: Option<PathBuf>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Every question waiting for an answer, by department, earliest due first
    Due {
        /// Data folder
        dir: Option<PathBuf>,
        /// Only this department (a part of its name)
        #[arg(long)]
        department: Option<String>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Sessions and due dates as an iCalendar file (Outlook, Thunderbird)
    Calendar {
        /// Data folder
        dir: Option<PathBuf>,
        /// Write to this .ics file instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },
    /// The report for a session, or the answer letter to one motion
    #[command(group(clap::ArgGroup::new("what").required(true).args(["session", "motion"])))]
    Export {
        /// Data folder
        dir: Option<PathBuf>,
        /// The session's id (see agenda status --json): its report
        #[arg(long)]
        session: Option<String>,
        /// A motion's id: the administration's answer to it, as a letter
        #[arg(long)]
        motion: Option<String>,
        /// markdown, html (one page that prints on A4) or docx (Word); else by the extension of the file given with -o, without one html
        #[arg(long, value_enum)]
        format: Option<crate::export::Format>,
        /// The version to hand out: answers only, no drafts
        #[arg(long = "final")]
        final_version: bool,
        /// Include agenda items that are not public
        #[arg(long)]
        nonpublic: bool,
        /// The document's number (Drucksache) for the letterhead
        #[arg(long)]
        number: Option<String>,
        /// Write to this file instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Bring motion letters and council data into the folder
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Share the data folder through git: commit, fetch, merge by field, push
    Sync {
        /// Data folder (inside a git repository)
        dir: Option<PathBuf>,
    },
    /// The changes of a motion's questions, from git: who, when, what
    History {
        /// The motion's id
        motion: String,
        /// Only this question (its number)
        question: Option<String>,
        /// Data folder
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Shell completions: agenda completions bash > ~/.local/share/bash-completion/completions/agenda
    Completions {
        /// bash, zsh, fish, powershell or elvish
        shell: clap_complete::Shell,
    },
    /// The manual pages (roff): agenda man ~/.local/share/man/man1 writes one per command
    Man {
        /// Write agenda.1 and a page per command into this folder (else agenda.1 to standard output)
        folder: Option<PathBuf>,
    },
    /// Fuzzy search over everything; ranked hits, one a line
    Search {
        /// [DIR] QUERY: the data folder (optional) and what to look for
        #[arg(value_name = "[DIR] QUERY", num_args = 1..=2, required = true)]
        words: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Motion letters (text, Markdown, Word .docx, PDF) become motion files
    Text {
        /// The letters; - reads one from standard input
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Data folder
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Print the motion file instead of writing it; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import a letter even if it has no questions (Anträge may have none)
        #[arg(long)]
        allow_no_questions: bool,
    },
    /// Sessions and papers from the council information system (OParl)
    Oparl {
        /// JSON files or http(s) addresses of a Meeting, Paper, list page,
        /// Organization, Body or System (default: [oparl] url in config.toml)
        sources: Vec<String>,
        /// Data folder
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Say what would change; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Only meetings from this day on (for a Body, System or Organization)
        #[arg(long, value_parser = parse_day)]
        since: Option<NaiveDate>,
        /// Only meetings of committees whose name contains this
        #[arg(long)]
        committee: Option<String>,
    },
}

/// A date in any form a date field takes: 07.09.2022, 7.9.22, 2022-09-07.
fn parse_day(value: &str) -> Result<NaiveDate, String> {
    match crate::dates::parse_due(value) {
        Ok(Some(day)) => Ok(day),
        _ => Err(match help::language() {
            Lang::De => {
                format!("„{value}“ ist kein Datum wie 07.09.2022 (oder 7.9.22, 2022-09-07)")
            }
            Lang::En => format!("'{value}' is not a date like 07.09.2022 (or 7.9.22, 2022-09-07)"),
        }),
    }
}

/// What every command needs: the language, the date, and where to write.
pub(crate) struct Context<'a> {
    pub texts: &'static dyn Texts,
    pub today: NaiveDate,
    pub out: &'a mut dyn Write,
}

/// Runs the command line; the binary's whole `main`.
pub fn run() -> ExitCode {
    let cli = help::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_locale);
    let texts = lang.texts();
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // "agenda staus" is a typo of a command far more often than a folder.
    if let (None, Some(dir)) = (&cli.command, &cli.dir)
        && let Some(meant) = meant_command(dir)
    {
        let typed = dir.display().to_string();
        eprintln!("{}", crate::text::line(&texts.did_you_mean(&typed, &meant)));
        return ExitCode::from(2);
    }
    // What needs no data folder is done before one is looked for.
    match &cli.command {
        Some(Command::Completions { shell }) => return completions::run(*shell),
        Some(Command::Search { words }) if let Some(code) = search::only_a_folder(words, texts) => {
            return code;
        }
        Some(Command::Man { folder }) => {
            // The main page names agenda-check(1) and the others: into a
            // folder, those pages are written too.
            let done = man::write(help::command(lang), lang, folder.as_deref());
            return match done {
                Ok(()) => ExitCode::SUCCESS,
                // `agenda man | head`: the reader has what it wanted.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}", crate::text::line(&e.to_string()));
                    ExitCode::from(2)
                }
            };
        }
        _ => {}
    }
    let named = match &cli.command {
        Some(Command::Check { dir })
        | Some(Command::Status { dir, .. })
        | Some(Command::Due { dir, .. })
        | Some(Command::Calendar { dir, .. })
        | Some(Command::Sync { dir })
        | Some(Command::History { dir, .. })
        | Some(Command::Export { dir, .. })
        | Some(Command::Import {
            what: ImportCommand::Text { dir, .. } | ImportCommand::Oparl { dir, .. },
        }) => dir.clone(),
        // With two words the first is the folder; one word is the query.
        Some(Command::Search { words }) if words.len() == 2 => Some(PathBuf::from(&words[0])),
        Some(Command::Search { .. }) => None,
        Some(Command::Completions { .. } | Command::Man { .. }) => None,
        None => cli.dir.clone(),
    };
    let config_path = config::user_path(std::env::var_os("AGENDA_CONFIG").map(PathBuf::from));
    let (config, config_problems) = config::load(config_path.as_deref());
    // The colours, for the view and the printed report.
    let (palette, not_colours) = config
        .theme
        .palette(std::env::var("COLORFGBG").ok().as_deref());
    crate::theme::choose(palette);
    let mut config_problems = config_problems;
    if !not_colours.is_empty()
        && let Some(path) = &config_path
    {
        config_problems.push(config::theme_problem(path, not_colours));
    }
    let config_notes: Vec<String> = config_problems
        .iter()
        .map(|p| crate::text::line(&texts.config_problem(p)).into_owned())
        .collect();
    let env_dir = std::env::var_os("AGENDA_DIR").map(PathBuf::from);
    let importing = matches!(cli.command, Some(Command::Import { .. }));
    // An import into a folder not named here says where it wrote: the
    // files it names are relative to it.
    let unnamed = named.is_none();
    let dir = match data_dir::resolve(named, env_dir, config.data_dir.clone(), !importing) {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("{}", crate::text::line(&e.message(texts)));
            return ExitCode::from(2);
        }
    };
    announce(&dir, texts);
    if importing && unnamed && !dir.example_created {
        eprintln!("{}", crate::text::line(&texts.data_folder(&dir.path)));
    }
    if cli.command.is_none() {
        return tui(dir, today, (config, config_path), config_notes, lang);
    }
    for note in &config_notes {
        eprintln!("{note}");
    }
    let mut stdout = std::io::stdout().lock();
    let mut ctx = Context {
        texts,
        today,
        out: &mut stdout,
    };
    let result = match cli.command {
        Some(Command::Check { .. }) => check::run(&dir.path, &mut ctx),
        Some(Command::Status { json, .. }) => status::run(&dir.path, json, &mut ctx),
        Some(Command::Sync { .. }) => sync::run(&dir.path, &mut ctx),
        Some(Command::History {
            motion, question, ..
        }) => sync::history(&dir.path, &motion, question.as_deref(), &mut ctx),
        Some(Command::Calendar { output, force, .. }) => calendar::run(
            &dir.path,
            output.as_ref(),
            force,
            (config.deadlines, config.oparl.zone()),
            &mut ctx,
        ),
        Some(Command::Due {
            department, json, ..
        }) => due::run(
            &dir.path,
            department.as_deref(),
            json,
            config.deadlines,
            &mut ctx,
        ),
        Some(Command::Export {
            session,
            motion,
            format,
            final_version,
            nonpublic,
            number,
            output,
            force,
            ..
        }) => {
            let mut options = crate::export::Options::from_settings(&config.report);
            options.final_version = final_version;
            options.number = number;
            // A file named .docx gets a Word document, not a web page.
            let format = format
                .or_else(|| output.as_deref().and_then(crate::export::Format::of_path))
                .unwrap_or(crate::export::Format::Html);
            let request = export::Request {
                what: match (session, motion) {
                    (_, Some(motion)) => export::What::Motion(motion),
                    (Some(session), None) => export::What::Session(session),
                    (None, None) => unreachable!("clap requires one"),
                },
                format,
                output,
                force,
                nonpublic,
                options,
            };
            // Reports speak the language of the council, not of the computer.
            let lang = cli.lang.unwrap_or(crate::export::language(&config.report));
            export::run(&dir.path, request, lang.texts(), &mut ctx)
        }
        Some(Command::Import {
            what:
                ImportCommand::Text {
                    files,
                    dry_run,
                    allow_no_questions,
                    ..
                },
        }) => {
            let options = import::Options {
                dry_run,
                allow_no_questions,
            };
            import::text(&dir.path, &files, options, &mut ctx)
        }
        Some(Command::Import {
            what:
                ImportCommand::Oparl {
                    sources,
                    dry_run,
                    since,
                    committee,
                    ..
                },
        }) => {
            let sources = match (sources.is_empty(), &config.oparl.url) {
                (false, _) => sources,
                (true, Some(url)) => vec![url.clone()],
                (true, None) => {
                    eprintln!("{}", texts.oparl_no_source());
                    return ExitCode::from(2);
                }
            };
            let limits = crate::oparl::Limits {
                since,
                committee: committee.or_else(|| config.oparl.committee.clone()),
                zone: config.oparl.zone(),
            };
            let options = oparl::Options { dry_run, limits };
            oparl::run(&dir.path, &sources, options, &mut ctx)
        }
        Some(Command::Search { words }) => {
            let query = words.last().map(String::as_str).unwrap_or_default();
            search::run(&dir.path, query, &mut ctx)
        }
        Some(Command::Completions { .. } | Command::Man { .. }) | None => {
            unreachable!("done above")
        }
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`agenda status | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// The command a folder that is not there was meant to be: a single word,
/// a typing slip or two away from one.
/// Says on standard error how many errors the files have (what they hold
/// is missing from what a command prints); their number.
fn say_errors(
    dir: &std::path::Path,
    loaded: &crate::store::Loaded,
    texts: &dyn crate::i18n::Texts,
) -> usize {
    let errors = loaded.error_count();
    // Each error where it stands, as `check` says it (warnings are
    // check's to tell), then the count.
    for error in loaded.diagnostics.iter().filter(|d| d.is_error()) {
        let line = crate::i18n::diagnostic(dir, error, texts);
        eprintln!("{}", crate::text::line(&line));
    }
    if errors > 0 {
        let warnings = loaded.diagnostics.len() - errors;
        let summary = texts.check_summary(errors, warnings, loaded.files);
        eprintln!("{} (agenda check)", crate::text::line(&summary));
    }
    errors
}

fn meant_command(dir: &std::path::Path) -> Option<String> {
    let word = dir.to_str()?.to_lowercase();
    let word = word.as_str();
    if dir.exists() || word.contains(['/', '\\']) {
        return None;
    }
    let command = <Cli as clap::CommandFactory>::command();
    command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .chain(["help".to_string()])
        .map(|name| (strsim::damerau_levenshtein(word, &name), name))
        .filter(|(distance, name)| *distance <= 2 && *distance < name.len() / 2 + 1)
        .min()
        .map(|(_, name)| name)
}

/// Who changes the files, and when: the system user, now.
fn stamp() -> crate::edit::Stamp {
    crate::edit::Stamp {
        at: chrono::Local::now().naive_local(),
        by: whoami::username().unwrap_or_else(|_| "?".into()),
    }
}

/// Where reports go: the Documents folder, else the home folder, else the
/// data folder.
fn reports_folder(data: &std::path::Path) -> PathBuf {
    let dirs = directories::UserDirs::new();
    dirs.as_ref()
        .and_then(|d| d.document_dir().map(PathBuf::from))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| data.to_path_buf())
}

/// The full-screen view on `dir`.
fn tui(
    dir: DataDir,
    today: NaiveDate,
    (config, config_path): (config::Config, Option<PathBuf>),
    config_notes: Vec<String>,
    lang: Lang,
) -> ExitCode {
    let texts = lang.texts();
    // A folder with a load cache shows its sessions at once and reads the
    // rest in the background; without one (a first start) it is read whole,
    // also in the background, behind a frame saying so.
    let first = crate::store::cache::default_file(&dir.path)
        .map(|cache| crate::store::first(&dir.path, &cache).unwrap_or_default());
    let in_steps = first.is_some();
    let loaded = first.unwrap_or_else(|| crate::store::load(&dir.path));
    // This instance's recovery file, and those left by instances that no
    // longer run on this folder.
    let (recovery, left) = crate::recovery::path_for(&dir.path)
        .map(|base| crate::recovery::claim(&base))
        .map_or((None, Vec::new()), |(own, left)| (Some(own), left));
    let env = Env {
        today,
        // To the second, as the files hold it: a question changed here is
        // then the same in memory and once read back.
        clock: Box::new(|| {
            let now = chrono::Local::now().naive_local();
            chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now)
        }),
        user: whoami::username().unwrap_or_else(|_| "?".into()),
        reports: reports_folder(&dir.path),
        lang,
        recovery,
        oparl: config.oparl.clone(),
        rules: config.deadlines,
        report: config.report.clone(),
        watch: config.watch.enabled,
        poll: config.watch.poll(),
        mouse: config.ui.mouse,
        config: config_path,
    };
    let (rescued, unusable) = crate::recovery::gather(&left, &dir.path);
    let example = dir.example_created.then(|| dir.path.clone());
    let recovery = env.recovery.clone();
    let mut app = App::new(dir.path, loaded, env, config.keymap);
    if in_steps {
        app.open_in_steps();
    }
    // Answers left in the user's editor by a crash are offered with the
    // rescued changes (those of this data folder; the others stay).
    let drafts: Vec<crate::external::Draft> = crate::recovery::drafts_folder()
        .map(|folder| crate::external::drafts(&folder, &app.dir))
        .unwrap_or_default();
    let mut offered = rescued;
    (offered.changes).extend(
        drafts
            .iter()
            .map(|d| crate::edit::Change::Question(d.change.clone())),
    );
    app.drafts = drafts.into_iter().map(|d| d.path).collect();
    if !offered.is_empty() {
        app.offer(offered);
    }
    if let Some(dir) = example {
        app.note = Some(Note::ExampleCreated { dir });
    }
    if let Some(folder) = crate::recovery::drafts_folder() {
        let left: Vec<_> = crate::external::drafts_left(&folder)
            .into_iter()
            .filter(|d| !app.drafts.contains(d))
            .collect();
        if !left.is_empty() {
            app.note = Some(Note::DraftsLeft {
                count: left.len(),
                folder,
            });
        }
    }
    if let Some(path) = unusable {
        app.note = Some(Note::RecoveryUnusable { path });
    }
    if !config_notes.is_empty() {
        app.note = Some(Note::Config(config_notes.join(" ")));
    }
    if let Some(path) = &recovery {
        crate::recovery::take_over(path, &left, &app.dir, &app.at_risk());
        crate::recovery::install_hook(path.clone(), Box::new(move |p| texts.recovery_written(p)));
        // Typed text and pending changes reach the file within a second,
        // and at once when the terminal closes or the app is killed.
        crate::recovery::journal(path.clone());
        #[cfg(unix)]
        let _ = crate::recovery::on_signals(path.clone(), crate::tui::restore);
    }
    let outcome = crate::tui::run(app, texts);
    // What a quit leaves unsaved is offered at the next start.
    if let Some(path) = &recovery {
        let _ = crate::recovery::flush(path, false);
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", crate::text::line(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

fn announce(dir: &DataDir, texts: &dyn Texts) {
    if dir.example_created {
        eprintln!("{}", crate::text::line(&texts.example_created(&dir.path)));
    }
}
