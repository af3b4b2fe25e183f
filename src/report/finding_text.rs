//! What a checker finding means, in the language of the document.
//!
//! The checker's own messages are English and carry the numbers; a Dutch document leads with
//! the Dutch meaning of the finding's code and gives the checker's message after it.

use super::lang::Lang;
use crate::check::Finding;
use crate::diag::Code;

/// The meaning of a finding code in Dutch; `None` for codes that are not checker findings.
pub fn dutch(code: Code) -> Option<&'static str> {
    use Code::*;
    Some(match code {
        ShareBelowMinimum => "aandeel lessen door gecertificeerde docenten onder het minimum",
        ShareBelowTarget => {
            "aandeel lessen door gecertificeerde docenten onder het streven (dat blijft 80%)"
        }
        CourseWithoutCertified => {
            "een cursuscode heeft te weinig lessen van een gecertificeerde docent"
        }
        AboveMaximum => "een groep is groter dan de regeling toestaat",
        OverflowConditionNotMet => {
            "groter dan het standaardmaximum terwijl niet elke groep van dit profiel op deze locatie vol is"
        }
        OverflowCouldFormGroup => {
            "de cursisten boven het standaardmaximum kunnen een nieuwe groep vormen"
        }
        BelowMinSize => "een groep die les heeft, heeft minder cursisten dan haar min_size",
        MentorMissing => {
            "een niet-gecertificeerde docent die lesgeeft, heeft geen gecertificeerde begeleider"
        }
        MentorNotCertified => "een begeleider is geen gecertificeerde docent",
        MentorOverCapacity => "een begeleider begeleidt meer docenten dan zijn of haar capaciteit",
        MentorSelf => "een docent staat als eigen begeleider vermeld",
        MentoringUnneeded => {
            "een begeleidingsregel voor een docent die gecertificeerd is of geen les geeft"
        }
        ObservedLessonMissing => {
            "een observatie noemt een les die de geobserveerde docent niet geeft"
        }
        ObservedNotCertified => {
            "een geobserveerde les wordt gegeven door een niet-gecertificeerde docent"
        }
        ObserverNotFree => {
            "de observator geeft of observeert op dat moment een andere les, of is dan niet beschikbaar"
        }
        ObservationsTooFew => {
            "een niet-gecertificeerde docent heeft minder observatielessen dan observations_per_teacher"
        }
        LessonMissing => "een geplande les van een groep die doorgaat heeft geen docent",
        LessonDuplicated => "een les staat meer dan eens in het rooster",
        LessonNotPlanned => "een roosterregel hoort bij geen geplande les van de groep",
        TeacherOverlap => "een docent geeft twee lessen op overlappende tijden",
        TeacherLocation => "een docent geeft les op een locatie waar hij of zij niet werkt",
        TeacherProfile => "een docent geeft les in een profiel waarvoor hij of zij niet bevoegd is",
        TeacherAvailability => {
            "een docent geeft les in een blok waarin hij of zij niet beschikbaar is"
        }
        TeacherUnavailable => "een docent geeft les op een datum waarop hij of zij afwezig is",
        TeacherWeeklyMax => "een docent geeft in een week meer lessen dan max_lessons_per_week",
        StudentProfile => "een cursist zit in een groep van een ander profiel",
        StudentLocation => {
            "een cursist zit in een groep op een locatie die hij of zij niet accepteert"
        }
        StudentAvailability => {
            "een cursist zit in een groep op een tijd waarop hij of zij niet kan"
        }
        PinNotKept => "een vastgezette plaatsing is niet gevolgd",
        StudentPlacedTwice => "een cursist is meer dan eens geplaatst",
        ClosedGroupActive => "een optionele groep zonder cursisten heeft lessen",
        UnknownReference => {
            "een roosterregel noemt een docent, cursist, cursus of begeleider die niet in de gegevens staat"
        }
        _ => return None,
    })
}

/// A finding as a document states it: the meaning in the document's language, and the
/// checker's message with its ids and numbers (English) when that is not the same text.
pub fn describe(finding: &Finding, lang: Lang) -> (String, Option<&str>) {
    match (lang, dutch(finding.code)) {
        (Lang::Nl, Some(nl)) => (nl.to_string(), Some(finding.message.as_str())),
        _ => (finding.message.clone(), None),
    }
}

/// [`describe`] on one line: `meaning — message`.
pub fn one_line(finding: &Finding, lang: Lang) -> String {
    match describe(finding, lang) {
        (meaning, Some(message)) => format!("{meaning} — {message}"),
        (meaning, None) => meaning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_checker_finding_code_has_a_dutch_meaning_and_no_other_code_does() {
        for &code in Code::ALL {
            let is_finding = code.kind() == "finding";
            assert_eq!(dutch(code).is_some(), is_finding, "{code}");
        }
    }
}
