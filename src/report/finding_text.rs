//! What a checker finding means, in the language of the document, one language at a time.
//!
//! The checker's English messages carry the numbers. A Dutch document leads with the Dutch
//! meaning of the finding's code (from the code table, [`crate::diag::Code::dutch`]) and
//! gives after it the Dutch message with the same numbers, where the norm's file wrote one,
//! else what the finding is about ([`Finding::dutch_detail`]); never the English message.

use super::lang::Lang;
use crate::check::Finding;

/// A finding as a document states it: the meaning in the document's language, and, in
/// Dutch, the Dutch details when there are any.
pub fn describe(finding: &Finding, lang: Lang) -> (String, Option<String>) {
    match lang {
        Lang::Nl => (finding.code().dutch().to_string(), finding.dutch_detail()),
        Lang::En => (finding.message.clone(), None),
    }
}

/// [`describe`] on one line: `meaning — details`.
pub fn one_line(finding: &Finding, lang: Lang) -> String {
    match describe(finding, lang) {
        (meaning, Some(details)) => format!("{meaning} — {details}"),
        (meaning, None) => meaning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::SubjectKind;
    use crate::diag::FindingCode;

    #[test]
    fn a_dutch_document_gives_the_dutch_meaning_and_the_subject_never_the_english_message() {
        let f = Finding::new(
            FindingCode::TeacherOverlap,
            SubjectKind::Teacher,
            "T1",
            "T1 gives two lessons at 09:00",
        );
        assert_eq!(
            one_line(&f, Lang::Nl),
            "een docent geeft twee lessen op overlappende tijden — docent T1"
        );
        assert_eq!(
            one_line(&f.clone().times(3), Lang::Nl),
            "een docent geeft twee lessen op overlappende tijden — docent T1 (3 keer)"
        );
        assert_eq!(one_line(&f, Lang::En), "T1 gives two lessons at 09:00");
    }

    #[test]
    fn a_dutch_message_with_the_numbers_follows_the_meaning_when_the_norm_wrote_one() {
        let f = Finding::new(
            FindingCode::TeacherOverlap,
            SubjectKind::Teacher,
            "T1",
            "T1 gives two lessons at 09:00",
        )
        .nl("T1 geeft twee lessen om 09:00");
        assert_eq!(
            one_line(&f, Lang::Nl),
            "een docent geeft twee lessen op overlappende tijden — T1 geeft twee lessen om 09:00"
        );
        assert_eq!(one_line(&f, Lang::En), "T1 gives two lessons at 09:00");
    }

    #[test]
    fn every_finding_code_reads_in_dutch_alone_with_the_tables_meaning() {
        assert_eq!(
            FindingCode::ALL.len(),
            crate::diag::Code::ALL
                .iter()
                .filter(|c| matches!(c.kind(), crate::diag::Kind::Finding { .. }))
                .count()
        );
        for &code in FindingCode::ALL {
            let f = Finding::new(code, SubjectKind::Teacher, "T1", "English message about T1");
            let nl = one_line(&f, Lang::Nl);
            let meaning = crate::diag::Code::from(code).dutch();
            assert_eq!(nl, format!("{meaning} — docent T1"), "{code}");
            assert_eq!(one_line(&f, Lang::En), "English message about T1");
            let whole = Finding::new(code, SubjectKind::Schedule, "schedule", "English");
            assert_eq!(one_line(&whole, Lang::Nl), meaning, "{code}");
        }
    }
}
