//! The command line in the user's language: `--help` of every command and
//! the errors of parsing in German under a German locale (or `--lang de`),
//! clap's own English otherwise. The texts are the language's; clap only
//! lays them out.

use std::ffi::OsString;
use std::sync::OnceLock;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::{Lang, Texts};

/// The language the command line speaks, for what clap calls back into
/// (a date that is not one).
static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// The language of the command line, once parsing has begun.
pub(super) fn language() -> Lang {
    LANGUAGE.get().copied().unwrap_or_default()
}

/// The language asked for: `--lang` among the arguments, else the locale.
fn asked(args: &[OsString]) -> Lang {
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if word == "--lang" => words.next(),
            None => None,
        };
        // A language we do not speak ("--lang fr") is refused in the
        // locale's.
        if let Some(lang) = value.and_then(Lang::named) {
            return lang;
        }
    }
    Lang::from_locale()
}

/// The first word that is neither an option nor an option's value: the
/// command (or folder) typed, and where it stands.
fn first_word(args: &[OsString]) -> Option<(usize, &str)> {
    let mut i = 1;
    while let Some(word) = args.get(i).and_then(|a| a.to_str()) {
        match word {
            "--lang" | "--today" => i += 2,
            w if w.starts_with('-') => i += 1,
            w => return Some((i, w)),
        }
    }
    None
}

/// `agenda help status` as `agenda status --help`: German help has its
/// own `-h`, so clap's help command is off there and done here.
fn help_command(mut args: Vec<OsString>) -> Vec<OsString> {
    if let Some((at, "help")) = first_word(&args) {
        args.remove(at);
        args.push("--help".into());
    }
    args
}

/// The arguments parsed, or the process ended with help, the version or
/// an error said in the user's language.
pub(super) fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = asked(&args);
    let _ = LANGUAGE.set(lang);
    let texts = lang.texts();
    let (command, args) = match lang {
        Lang::De => (
            localize(Cli::command(), "", texts, true),
            help_command(args),
        ),
        Lang::En => (Cli::command(), args),
    };
    let typed = first_word(&args).map(|(_, w)| w.to_string());
    let found = command
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    // "agenda stauts ordner": the typo taken for the folder, the folder
    // for an argument too many. The command meant is the better answer.
    if let Err(e) = &found
        && matches!(
            e.kind(),
            ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand
        )
        && let Some(meant) = typed
            .as_deref()
            .and_then(|w| super::meant_command(w.as_ref()))
        && typed.as_deref() != Some(meant.as_str())
    {
        let typed = typed.unwrap_or_default();
        eprintln!("{}", crate::text::line(&texts.did_you_mean(&typed, &meant)));
        std::process::exit(2);
    }
    // The command, for where to read more.
    let command_typed = typed
        .filter(|w| Cli::command().get_subcommands().any(|c| c.get_name() == w))
        .unwrap_or_default();
    match found {
        Ok(cli) => cli,
        Err(e) if lang == Lang::En => e.exit(),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                // The few words clap writes itself, in the language too.
                let mut help = e.render().to_string();
                for (theirs, ours) in texts.cli_words() {
                    help = help.replace(theirs, ours);
                }
                print!("{help}");
                let code = i32::from(e.kind() != ErrorKind::DisplayHelp) * 2;
                std::process::exit(code);
            }
            ErrorKind::DisplayVersion => e.exit(),
            kind => {
                let value = |k: ContextKind| match e.get(k) {
                    Some(ContextValue::String(s)) => s.clone(),
                    Some(ContextValue::Strings(v)) => v.join(", "),
                    Some(other) => other.to_string(),
                    None => String::new(),
                };
                // What clap names beside the argument: the other of two
                // that conflict, the command not known, else the value.
                let beside = match kind {
                    ErrorKind::ArgumentConflict => value(ContextKind::PriorArg),
                    ErrorKind::InvalidSubcommand => value(ContextKind::InvalidSubcommand),
                    _ => value(ContextKind::InvalidValue),
                };
                let said = texts.cli_error(
                    kind,
                    &value(ContextKind::InvalidArg),
                    &beside,
                    &value(ContextKind::ValidValue),
                    &(value(ContextKind::SuggestedArg) + &value(ContextKind::SuggestedSubcommand)),
                );
                let said = match said {
                    Some(s) => s,
                    // A value our parser refused: our own words.
                    None => match std::error::Error::source(&e) {
                        Some(why) => why.to_string(),
                        None => e.to_string().trim_start_matches("error: ").to_string(),
                    },
                };
                eprintln!("{}", crate::text::line(&said));
                eprintln!("{}", texts.cli_more(&command_typed));
                std::process::exit(2);
            }
        },
    }
}

/// The command line as `lang` describes it: for the man page and the
/// completions' descriptions, as for the help.
pub(super) fn command(lang: Lang) -> Command {
    match lang {
        Lang::De => localize(Cli::command(), "", lang.texts(), true),
        Lang::En => Cli::command(),
    }
}

/// The command and all below it with the language's texts.
fn localize(mut command: Command, path: &str, texts: &dyn Texts, root: bool) -> Command {
    let key = |k: &str| match path.is_empty() {
        true => k.to_string(),
        false => format!("{path}.{k}"),
    };
    if let Some(about) = texts.cli_help(&key("about")) {
        command = command.about(about);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = texts
            .cli_help(&key(&id))
            .or_else(|| texts.cli_help(&format!("*.{id}")));
        if let Some(help) = help {
            command = command.mut_arg(&id, |a| a.help(help));
        }
        if let Some(name) = texts.cli_value_name(&id) {
            command = command.mut_arg(&id, |a| a.value_name(name));
        }
    }
    let has_positionals = command.get_positionals().next().is_some();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in &names {
        let inner = match path.is_empty() {
            true => name.clone(),
            false => format!("{path}.{name}"),
        };
        command = command.mut_subcommand(name, |s| localize(s, &inner, texts, false));
    }
    let headings = texts.cli_headings();
    let mut template = String::from("{about-with-newline}\n");
    template.push_str(&format!("{} {{usage}}\n", headings.usage));
    if !names.is_empty() {
        template.push_str(&format!("\n{}\n{{subcommands}}\n", headings.commands));
    }
    if has_positionals {
        template.push_str(&format!("\n{}\n{{positionals}}\n", headings.arguments));
    }
    template.push_str(&format!("\n{}\n{{options}}\n", headings.options));
    command = command
        .help_template(template)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_value_name(headings.command_name)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(headings.help),
        );
    if root {
        // Listed as clap lists its own; `help_command` does what it says.
        if let Some(about) = texts.cli_help("help.about") {
            command = command.subcommand(Command::new("help").about(about));
        }
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(headings.version),
        );
    }
    command
}
