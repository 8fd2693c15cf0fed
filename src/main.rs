//! The `organigram` command: parses the arguments, runs the command through the library, and
//! maps the outcome to an exit code. The command line is this binary's; everything it does with
//! a description is the library's.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os())
}
