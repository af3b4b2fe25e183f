//! A reason of the solver's diagnosis as one line, in the planner's language: the rule it
//! concerns and its message, both as the diagnosis wrote them in English or in Dutch.

use super::Lang;
use crate::outcome::diagnosis::Reason;

/// `[rule] message`, in `lang`.
pub fn line(r: &Reason, lang: Lang) -> String {
    match lang {
        Lang::En => format!("[{}] {}", r.rule, r.message),
        Lang::Nl => format!("[{}] {}", r.rule.nl(), r.message_nl),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::diagnosis::{Fact, Rule};

    #[test]
    fn a_reason_is_one_line_in_either_language_with_its_values() {
        let r = Reason {
            rule: Rule::MinSize,
            message: "group A1 needs at least 8 students, but only 5 fit it".into(),
            message_nl: "groep A1 heeft minstens 8 cursisten nodig, maar er passen er maar 5 in"
                .into(),
            facts: vec![Fact::default().amount(3.0)],
        };
        let nl = line(&r, Lang::Nl);
        assert_eq!(
            nl,
            "[minimale groepsgrootte] groep A1 heeft minstens 8 cursisten nodig, maar er passen er maar 5 in"
        );
        assert_eq!(
            line(&r, Lang::En),
            "[min_size] group A1 needs at least 8 students, but only 5 fit it"
        );
    }
}
