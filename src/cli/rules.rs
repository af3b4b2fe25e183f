//! `nt2plan rules [show NAME|PATH]`: the rule sets as data.

use super::{Outcome, print_diagnostics};
use nt2plan::diag::{Diagnostic, ErrorCode};
use nt2plan::rules::{self, RuleChoice};
use std::path::Path;

/// List the built-in rule sets, or print one as TOML.
///
/// A printed rule set is a starting point for your own: edit it and pass its path to
/// `--rules` or to `rules` in school.toml.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Print a rule set as TOML: a built-in name, or a rule set file to check and normalize.
    Show {
        /// A built-in name (see `nt2plan rules`) or the path of a rule set TOML file.
        name: RuleChoice,
    },
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match args.action {
        None => {
            outln!(
                "{:<18} {:<26} {:>6} {:>6}  {:<9} {:<8} title",
                "name",
                "valid",
                "min",
                "target",
                "overflow",
                "mentors"
            );
            for r in rules::builtins() {
                outln!(
                    "{:<18} {:<26} {:>6} {:>6}  {:<9} {:<8} {}",
                    r.name,
                    r.validity(),
                    r.min_certified_share.to_string(),
                    r.target_certified_share.to_string(),
                    if r.allows_overflow() { "yes" } else { "no" },
                    if r.mentor_required { "required" } else { "-" },
                    r.title
                );
            }
            outln!("\nShow one as TOML with: nt2plan rules show NAME");
            Ok(Outcome::Ok)
        }
        Some(Action::Show { name }) => {
            if let RuleChoice::Builtin(builtin) = name
                && let Some(text) = rules::builtin_text(builtin)
            {
                out!("{text}");
                return Ok(Outcome::Ok);
            }
            let origin = Diagnostic::error(ErrorCode::UnknownRuleSet, "rules show", "");
            match rules::resolve_choice(&name, Path::new("."), origin) {
                Ok(r) => {
                    out!("{}", rules::to_toml(&r));
                    Ok(Outcome::Ok)
                }
                Err(problems) => {
                    print_diagnostics(&problems, true);
                    Ok(Outcome::Error)
                }
            }
        }
    }
}
