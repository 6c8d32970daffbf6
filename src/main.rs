fn main() -> std::process::ExitCode {
    agenda::cli::run()
}
