//! The `nt2plan` command line: clap parses, `cli` runs, `main` returns the exit code.

#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::interrupt::install();
    match cli::run(args) {
        Ok(outcome) => outcome.into(),
        Err(err) => {
            let word = match cli::lang::terminal() {
                nt2plan::report::Lang::Nl => "fout",
                nt2plan::report::Lang::En => "error",
            };
            eprintln!("{word}: {err:#}");
            cli::Outcome::Error.into()
        }
    }
}
