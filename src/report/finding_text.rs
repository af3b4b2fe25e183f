//! What a checker finding means, in the language of the document.
//!
//! The checker's own messages are English and carry the numbers; a Dutch document leads with
//! the Dutch meaning of the finding's code (from the code table, [`crate::diag::Code::dutch`])
//! and gives the checker's message after it.

use super::lang::Lang;
use crate::check::Finding;

/// A finding as a document states it: the meaning in the document's language, and the
/// checker's message with its ids and numbers (English) when that is not the same text.
pub fn describe(finding: &Finding, lang: Lang) -> (String, Option<&str>) {
    match lang {
        Lang::Nl => (
            finding.code().dutch().to_string(),
            Some(finding.message.as_str()),
        ),
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
    use crate::check::SubjectKind;
    use crate::diag::FindingCode;

    #[test]
    fn a_dutch_document_leads_with_the_code_tables_dutch_meaning_and_an_english_one_with_the_message()
     {
        let f = Finding::new(
            FindingCode::TeacherOverlap,
            SubjectKind::Teacher,
            "T1",
            "T1 gives two lessons at 09:00",
        );
        assert_eq!(
            one_line(&f, Lang::Nl),
            "een docent geeft twee lessen op overlappende tijden — T1 gives two lessons at 09:00"
        );
        assert_eq!(one_line(&f, Lang::En), "T1 gives two lessons at 09:00");
    }
}
