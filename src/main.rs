//! The `organigram` command: everything is in the library.

fn main() -> std::process::ExitCode {
    organigram::cli::run(std::env::args_os())
}
