//! The declaration of Bijlage 1 of the Addendum ("Verklaring"), filled in from a checked
//! schedule, as Markdown and as one printable HTML page.
//!
//! The form is followed line by line. What the schedule tells is filled in: the school, its
//! main location and BOW number, the date from which the exceptions are used (the first
//! lesson of the timetable), which exceptions the timetable actually uses (a box is ticked
//! only when the checker found it in use), the names of the non-certified teachers for
//! exception 1 and the locations and profiles above the standard maximum for exception 2.
//! What only the signer can say is left open: contact person, date, the four statements and
//! the signature. A rule set that does not offer an exception gets a sentence instead of a
//! box. A short section at the end gives the numbers the form rests on.
//!
//! Dutch is the form's own wording; English is a translation and says so. No timestamps:
//! the same schedule gives the same document byte for byte.

mod closing;
mod exceptions;
mod render;
pub(crate) mod text;

#[cfg(test)]
#[cfg(test)]
mod tests;

use crate::check::CheckReport;
use crate::domain::{Instance, RuleSet};
use crate::report::Lang;
use text::long_date;

/// One piece of the form in plain text; the renderers escape every text.
#[derive(Debug)]
enum Block {
    Title(String),
    Heading(String),
    Para(String),
    /// A remark of nt2plan, not part of the form's wording.
    Note(String),
    /// `label value`, the value left open (a line to write on) when `None`.
    Field {
        label: String,
        value: Option<String>,
    },
    /// A sentence with one value in it, open when `None`: `Per ____ gebruik ...`.
    Fill {
        before: String,
        value: Option<String>,
        after: String,
    },
    Check {
        checked: bool,
        text: String,
    },
    Items(Vec<String>),
    /// Labels of lines left blank for the signer.
    Signature(Vec<String>),
}

/// The declaration as Markdown, in `lang` (Dutch: the form's own wording).
pub fn declaration_md(
    instance: &Instance,
    rules: &RuleSet,
    check: &CheckReport,
    lang: Lang,
) -> String {
    render::markdown(&blocks(instance, rules, check, lang))
}

/// The declaration as one self-contained, printable HTML page (A4, inline CSS, no scripts,
/// no external assets), in `lang`. Every text value is HTML-escaped.
pub fn declaration_html(
    instance: &Instance,
    rules: &RuleSet,
    check: &CheckReport,
    lang: Lang,
) -> String {
    let title = format!(
        "{} – {}",
        lang.pick("Verklaring", "Declaration"),
        instance.school.name
    );
    render::html(&title, lang, &blocks(instance, rules, check, lang))
}

fn blocks(instance: &Instance, rules: &RuleSet, check: &CheckReport, lang: Lang) -> Vec<Block> {
    let t = |nl: &str, en: &str| lang.pick(nl, en).to_string();
    let d = &check.declaration;
    let school = &instance.school;
    let mut b = vec![
        Block::Title(t("Verklaring", "Declaration")),
        Block::Note(t(
            "Bijlage 1 bij het Addendum op de Handleiding Keurmerk Inburgeren 2024, ingevuld \
             door nt2plan uit het gecontroleerde rooster. Vakjes zijn alleen aangevinkt waar \
             het rooster de uitzondering gebruikt; de open velden en de vier verklaringen zijn \
             voor de ondertekenaar.",
            "Translation of the Dutch form Bijlage 1 of the Addendum to the Handleiding \
             Keurmerk Inburgeren 2024, filled in by nt2plan from the checked schedule. Only \
             the Dutch form is to be signed and sent. Boxes are ticked only where the schedule \
             uses the exception; the open fields and the four statements are for the signer.",
        )),
    ];
    if !check.compliant {
        // A plan that misses the norms (solve's best-effort plan, or a hand-made one) is not
        // a basis to sign on: said first, and the date from which the exceptions are used
        // is left open.
        b.push(Block::Note(format!(
            "{} ({} {}). {}",
            t(
                "NIET CONFORM: dit rooster voldoet niet aan de normen",
                "NOT COMPLIANT: this schedule does not meet the norms"
            ),
            check.violations,
            t("overtreding(en)", "violation(s)"),
            t(
                "Deze verklaring kan op dit rooster niet ondertekend worden; de gegevens \
                 hieronder zijn alleen ter informatie.",
                "This declaration cannot be signed on this schedule; the data below are for \
                 information only."
            )
        )));
    }
    if !d.exception_1.offered && !d.exception_2.offered {
        b.push(Block::Note(format!(
            "{} {}{}",
            t("Regelset", "Rule set"),
            rules.name,
            t(
                " biedt geen van beide uitzonderingen; deze verklaring is alleen van nut onder \
                 een regelset die dat wel doet, zoals addendum-2025.",
                " offers neither exception; this declaration is only of use under a rule set \
                 that does, such as addendum-2025.",
            )
        )));
    }
    b.push(Block::Para(t(
        "Deze verklaring dient ondertekend te worden en als pdf naar Blik op Werk te worden \
         gestuurd. Blik op Werk zal telefonisch contact opnemen met de Keurmerkhouder na het \
         invullen van dit formulier. Om in aanmerking te komen voor dit Addendum dient elke \
         Keurmerkhouder zich opnieuw aan te melden. De aanmelding van het voorgaande Addendum \
         gaat dus niet automatisch mee naar dit Addendum. Dit formulier kan gestuurd worden \
         naar servicedesk@blikopwerk.nl",
        "This declaration must be signed and sent to Blik op Werk as a PDF. Blik op Werk will \
         contact the Keurmerkhouder (quality-mark holder) by telephone once this form has been \
         filled in. To qualify for this Addendum every Keurmerkhouder must register again: \
         registration for the previous Addendum does not carry over to this Addendum. This \
         form can be sent to servicedesk@blikopwerk.nl",
    )));
    let field = |nl: &str, en: &str, value: Option<String>| Block::Field {
        label: t(nl, en),
        value,
    };
    b.push(field(
        "Naam Keurmerkhouder:",
        "Name of the Keurmerkhouder:",
        Some(school.name.clone()),
    ));
    b.push(field(
        "Hoofdvestiging Keurmerkhouder:",
        "Main location of the Keurmerkhouder:",
        Some(school.main_location.to_string()),
    ));
    b.push(field(
        "Bow-nummer Keurmerkhouder:",
        "BOW number of the Keurmerkhouder:",
        school.bow_number.clone().filter(|n| !n.trim().is_empty()),
    ));
    b.push(field(
        "Contactpersoon Keurmerkhouder:",
        "Contact person of the Keurmerkhouder:",
        None,
    ));
    b.push(field("Datum:", "Date:", None));
    b.push(Block::Para(t(
        "Verklaart aan Blik op Werk:",
        "Declares to Blik op Werk:",
    )));
    b.push(Block::Fill {
        before: t("Per", "As of"),
        value: d
            .first_lesson
            .filter(|_| check.compliant)
            .map(|date| long_date(date, lang)),
        after: t(
            "gebruik te willen maken van een of meerdere aangevinkte uitzonderingen:",
            "to wish to make use of one or more of the ticked exceptions:",
        ),
    });
    exceptions::exception_1(&mut b, rules, check, lang);
    exceptions::exception_2(&mut b, rules, d, lang);
    closing::statements(&mut b, rules, lang);
    closing::basis(&mut b, rules, check, lang);
    b
}
