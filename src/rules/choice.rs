//! A rule set as a user names it (`--rules`, school.toml's `rules`, a scenario file): a
//! built-in by name, or the path of a TOML file. Raw text becomes a [`RuleChoice`] once, where
//! it is read; [`super::resolve_choice`] turns it into a rule set.

use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleChoice {
    /// A built-in rule set (one of [`super::BUILTIN`]).
    Builtin(&'static str),
    /// A rule set TOML file, as written (relative to where it was written); a name that is
    /// no built-in is one too, and is reported as not built in when it cannot be read.
    File(PathBuf),
}

impl RuleChoice {
    /// A built-in name when there is one by that name, else a path.
    pub fn parse(reference: &str) -> RuleChoice {
        match super::BUILTIN.iter().find(|(n, _)| *n == reference) {
            Some((name, _)) => RuleChoice::Builtin(name),
            None => RuleChoice::File(PathBuf::from(reference)),
        }
    }

    /// The same choice with a file's path taken relative to `base` (a built-in stays itself).
    pub fn relative_to(&self, base: &Path) -> RuleChoice {
        match self {
            RuleChoice::Builtin(name) => RuleChoice::Builtin(name),
            RuleChoice::File(path) => RuleChoice::File(base.join(path)),
        }
    }
}

impl std::str::FromStr for RuleChoice {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(RuleChoice::parse(s))
    }
}

impl std::fmt::Display for RuleChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleChoice::Builtin(name) => f.write_str(name),
            RuleChoice::File(path) => write!(f, "{}", path.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_in_name_is_a_built_in_and_anything_else_a_file() {
        assert_eq!(
            RuleChoice::parse("addendum-2025"),
            RuleChoice::Builtin("addendum-2025")
        );
        assert_eq!(
            RuleChoice::parse("mine.toml").relative_to(Path::new("dir")),
            RuleChoice::File(PathBuf::from("dir/mine.toml"))
        );
        assert_eq!(
            RuleChoice::parse("handleiding-2024").relative_to(Path::new("dir")),
            RuleChoice::Builtin("handleiding-2024")
        );
    }
}
