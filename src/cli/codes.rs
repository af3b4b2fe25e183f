//! `nt2plan codes`: every stable problem code with its meaning.

use super::Outcome;
use nt2plan::diag::Code;

/// List every problem code with its meaning.
///
/// E: input errors (exit 2), W: input warnings, C: checker findings (violations exit 1).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a Markdown table (as in the README), with each code's Dutch meaning and fix.
    #[arg(long)]
    markdown: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if args.markdown {
        outln!("| code | kind | meaning | betekenis | oplossing |\n|---|---|---|---|---|");
    }
    for code in Code::ALL {
        if args.markdown {
            let (kind, en, nl, fix) = (code.kind(), code.summary(), code.dutch(), code.dutch_fix());
            outln!("| {code} | {kind} | {en} | {nl} | {fix} |");
        } else {
            outln!("{}  {:<8} {}", code, code.kind(), code.summary());
        }
    }
    Ok(Outcome::Ok)
}
