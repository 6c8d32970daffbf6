//! `agenda completions SHELL`: the script a shell loads to complete the
//! commands, options and their values (clap_complete's), with what its
//! fish script leaves out added.

use std::io::Write;
use std::process::ExitCode;

use clap_complete::Shell;

/// Writes the completion script for `shell` to standard output.
pub(super) fn run(shell: Shell) -> ExitCode {
    // Without the folder before a command: zsh and fish would take the
    // command for it and offer the commands again after it.
    let root = <super::Cli as clap::CommandFactory>::command();
    let mut command = clap::Command::new("agenda")
        .about(root.get_about().cloned().unwrap_or_default())
        .version(env!("CARGO_PKG_VERSION"))
        .args(
            root.get_arguments()
                .filter(|a| a.get_id() != "dir")
                .cloned(),
        )
        .subcommands(root.get_subcommands().cloned());
    // Made whole first: clap_complete panics where it cannot write, as
    // into `| head`, where a reader that has what it wants is no error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "agenda", &mut script);
    if shell == Shell::Fish {
        command.build();
        script.extend_from_slice(fish_values(&command).as_bytes());
    }
    match std::io::stdout().lock().write_all(&script) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("{}", crate::text::line(&e.to_string()));
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// The values fish is not told by clap_complete's script: of a command's
/// positional arguments (`agenda completions fish`), and of the options
/// before any command (`agenda --lang de`), whose conditions fail while
/// their value is still missing.
fn fish_values(command: &clap::Command) -> String {
    let values = |arg: &clap::Arg| -> Option<String> {
        let values: Vec<String> = (arg.get_possible_values().iter())
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        (!values.is_empty()).then(|| values.join(" "))
    };
    let mut out = String::from("\n# Values the lines above leave out.\n");
    for arg in command.get_arguments() {
        if let (Some(long), Some(values)) = (arg.get_long(), values(arg)) {
            out.push_str(&format!(
                "complete -c agenda -l {long} -r -f -a \"{values}\"\n"
            ));
        }
    }
    for sub in command.get_subcommands() {
        for arg in sub.get_positionals() {
            if let Some(values) = values(arg) {
                out.push_str(&format!(
                    "complete -c agenda -n \"__fish_agenda_using_subcommand {}\" -f -a \"{values}\"\n",
                    sub.get_name()
                ));
            }
        }
    }
    out
}
