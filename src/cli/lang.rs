//! The language of the terminal and of the documents, from the global `--lang`.
//!
//! Documents (`report`, `solve --report`, `replan --report`) are Dutch unless `--lang en`.
//! The terminal (diagnostics, findings, statuses) follows `--lang`, else the locale
//! (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first one set: `nl` or `nl_*` is Dutch,
//! anything else English), else English.

use super::report::LangChoice;
use nt2plan::report::Lang;
use std::sync::OnceLock;

static FLAG: OnceLock<Option<LangChoice>> = OnceLock::new();

/// Records the `--lang` given (once, before the command runs).
pub fn set(flag: Option<LangChoice>) {
    let _ = FLAG.set(flag);
}

fn flag() -> Option<Lang> {
    FLAG.get().copied().flatten().map(Lang::from)
}

/// The language of the documents: `--lang`, else Dutch.
pub fn documents() -> Lang {
    flag().unwrap_or(Lang::Nl)
}

/// The language of the terminal: `--lang`, else the locale, else English.
pub fn terminal() -> Lang {
    flag().unwrap_or_else(|| {
        let var = |name: &str| std::env::var(name).ok();
        from_locale([var("LC_ALL"), var("LC_MESSAGES"), var("LANG")])
    })
}

/// The language of the first locale variable that is set (not empty).
fn from_locale(vars: [Option<String>; 3]) -> Lang {
    let locale = vars.into_iter().flatten().find(|v| !v.trim().is_empty());
    match locale {
        Some(l) if l == "nl" || l.starts_with("nl_") || l.starts_with("nl.") => Lang::Nl,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn a_dutch_locale_gives_dutch_and_the_first_variable_set_counts() {
        assert_eq!(from_locale([None, None, some("nl_NL.UTF-8")]), Lang::Nl);
        assert_eq!(from_locale([None, some("nl_BE.UTF-8"), None]), Lang::Nl);
        // LC_ALL before LC_MESSAGES before LANG; an empty one does not count.
        assert_eq!(
            from_locale([some("en_GB.UTF-8"), None, some("nl_NL.UTF-8")]),
            Lang::En
        );
        assert_eq!(from_locale([some(""), None, some("nl_NL.UTF-8")]), Lang::Nl);
    }

    #[test]
    fn no_locale_or_another_one_gives_english() {
        assert_eq!(from_locale([None, None, None]), Lang::En);
        assert_eq!(from_locale([None, None, some("C.UTF-8")]), Lang::En);
        assert_eq!(from_locale([None, None, some("nds_DE")]), Lang::En);
    }
}
