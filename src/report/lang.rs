//! The language of planner-facing documents: Dutch by default, English on request.

/// A document language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// `nl` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// A norm as a document names it: its number, or in Dutch the words for the two that
    /// are no numbered norm (`supervision`, `soundness`, as the JSON names them).
    pub fn norm(self, norm: &'static str) -> &'static str {
        match (norm, self) {
            ("supervision", Lang::Nl) => "begeleiding",
            ("soundness", Lang::Nl) => "samenhang van het rooster",
            (norm, _) => norm,
        }
    }

    /// The Dutch or the English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_unnumbered_norms_have_dutch_names_and_numbered_norms_keep_their_number() {
        assert_eq!(Lang::Nl.norm("supervision"), "begeleiding");
        assert_eq!(Lang::Nl.norm("soundness"), "samenhang van het rooster");
        assert_eq!(Lang::Nl.norm("1.7.1a"), "1.7.1a");
        assert_eq!(Lang::En.norm("supervision"), "supervision");
        for norm in crate::check::NORMS {
            assert!(!Lang::Nl.norm(norm).contains("supervision"), "{norm}");
            assert!(!Lang::Nl.norm(norm).contains("soundness"), "{norm}");
        }
    }
}
