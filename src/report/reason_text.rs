//! A reason of the solver's diagnosis in the planner's language: its message, made from
//! what it says and its values ([`Said`]), and the rule it concerns. The JSON of a reason
//! (in `report.json`) gives its English message.

use super::Lang;
use crate::outcome::diagnosis::Reason;
use serde::ser::{Serialize, SerializeStruct, Serializer};

mod said;

/// The message of `r`, in `lang`.
pub fn message(r: &Reason, lang: Lang) -> String {
    said::message(&r.said, &r.facts, lang == Lang::Nl)
}

/// `[rule] message`, in `lang`.
pub fn line(r: &Reason, lang: Lang) -> String {
    let rule = match lang {
        Lang::En => r.rule.as_str(),
        Lang::Nl => r.rule.nl(),
    };
    format!("[{rule}] {}", message(r, lang))
}

/// A reason in JSON: its rule, its English message and its facts.
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Reason", 3)?;
        s.serialize_field("rule", &self.rule)?;
        s.serialize_field("message", &message(self, Lang::En))?;
        s.serialize_field("facts", &self.facts)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CourseCode, Share};
    use crate::outcome::diagnosis::{Fact, GiveWay, Rule, Said};

    #[test]
    fn a_reason_is_one_line_in_either_language_with_its_values() {
        let r = Reason {
            rule: Rule::MinSize,
            said: Said::TooFewFit {
                course: CourseCode::new("A1"),
                min_size: 8,
                could: 5,
            },
            facts: vec![Fact::default().amount(3.0)],
        };
        assert_eq!(
            line(&r, Lang::Nl),
            "[minimale groepsgrootte] groep A1 heeft minstens 8 cursisten nodig, maar er passen er maar 5 in (profiel, locatie, beschikbaarheid)"
        );
        assert_eq!(
            line(&r, Lang::En),
            "[min_size] group A1 needs at least 8 students, but only 5 fit it (profile, location, availability)"
        );
    }

    #[test]
    fn a_relaxations_examples_are_its_facts_in_either_language() {
        let facts: Vec<Fact> = (1..=7)
            .map(|i| Fact::teacher(&crate::domain::TeacherId::new(format!("T0{i}"))).amount(1.0))
            .collect();
        let r = Reason {
            rule: Rule::WeeklyMax,
            said: Said::GiveWay {
                way: GiveWay::AboveWeeklyMax,
                total: 7,
            },
            facts,
        };
        assert_eq!(
            message(&r, Lang::En),
            "7 lesson(s) above teachers' max_lessons_per_week, for example: teacher T01 (1), teacher T02 (1), teacher T03 (1), teacher T04 (1), teacher T05 (1), teacher T06 (1), and 1 more"
        );
        assert_eq!(
            message(&r, Lang::Nl),
            "7 les(sen) boven de max_lessons_per_week van docenten, bijvoorbeeld: docent T01 (1), docent T02 (1), docent T03 (1), docent T04 (1), docent T05 (1), docent T06 (1) en nog 1"
        );
    }

    #[test]
    fn the_json_of_a_reason_gives_its_rule_english_message_and_facts() {
        let r = Reason {
            rule: Rule::CertifiedShare,
            said: Said::ShareOutOfReach {
                at_most: 18,
                total: 27,
                rules: "addendum-2025".into(),
                share: Share(8000),
            },
            facts: vec![Fact::default().amount(4.0)],
        };
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["rule"], "1.7.1a");
        assert_eq!(
            json["message"],
            "certified teachers can give at most 18 of the 27 lessons of the groups that must run: 66.6%; rule set addendum-2025 needs 80% (22 lessons)"
        );
        assert_eq!(json["facts"][0]["amount"], 4.0);
        assert_eq!(
            json.as_object()
                .map(|o| o.keys().cloned().collect::<Vec<_>>()),
            Some(vec!["facts".into(), "message".into(), "rule".into()])
        );
    }
}
