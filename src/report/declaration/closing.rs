//! The end of the form (the four statements and the signature, left for the signer) and the
//! numbers the filling-in rests on.

use super::Block;
use super::text::long_date;
use crate::check::{CheckReport, HANDLEIDING_MIN_SHARE};
use crate::domain::RuleSet;
use crate::report::Lang;

pub(super) fn statements(b: &mut Vec<Block>, rules: &RuleSet, lang: Lang) {
    let t = |nl: &str, en: &str| lang.pick(nl, en).to_string();
    let norm = HANDLEIDING_MIN_SHARE;
    // The form's "tot uiterlijk 1 januari 2026" is the first day the exceptions no longer
    // apply: the day after the rule set's last valid day.
    let end = rules
        .valid_until
        .and_then(|u| u.succ_opt())
        .map_or_else(|| "…………".to_string(), |d| long_date(d, lang));
    b.push(Block::Para(t(
        "Ik verklaar dat alle Informatie die ik middels deze verklaring aan Blik op Werk heb \
         verstrekt juist en volledig is.",
        "I declare that all information I have provided to Blik op Werk by means of this \
         declaration is correct and complete.",
    )));
    let texts = match lang {
        Lang::Nl => [
            format!(
                "dat het ondanks inspanningen niet is gelukt te voldoen aan de Norm om {norm} \
                 van de NT2-lessen te verzorgen door bevoegde NT2-docenten."
            ),
            format!(
                "zich ervan bewust te zijn dat de uitzonderingen tijdelijk zijn en gelden tot \
                 uiterlijk {end}."
            ),
            format!(
                "zich in te spannen en zo spoedig mogelijk te voldoen aan de Norm om {norm} van \
                 de NT2-lessen te verzorgen door bevoegde NT2-docenten."
            ),
            "zich ervan bewust te zijn tijdens een Audit, of op verzoek, specifiek gevraagde \
             informatie die bij de afzonderlijke uitzondering(en) hoort inzichtelijk moet \
             kunnen maken."
                .to_string(),
        ],
        Lang::En => [
            format!(
                "that despite efforts it has not been possible to meet the Norm of having \
                 {norm} of the NT2 lessons given by qualified NT2 teachers."
            ),
            format!(
                "to be aware that the exceptions are temporary and apply until {end} at the \
                 latest."
            ),
            format!(
                "to make every effort to meet, as soon as possible, the Norm of having {norm} \
                 of the NT2 lessons given by qualified NT2 teachers."
            ),
            "to be aware that during an Audit, or on request, the information specifically \
             asked for that belongs to the individual exception(s) must be made available."
                .to_string(),
        ],
    };
    for text in texts {
        b.push(Block::Check {
            checked: false,
            text,
        });
    }
    b.push(Block::Signature(vec![
        t("Naam:", "Name:"),
        t("Datum:", "Date:"),
        t("Handtekening:", "Signature:"),
    ]));
}

pub(super) fn basis(b: &mut Vec<Block>, rules: &RuleSet, check: &CheckReport, lang: Lang) {
    let t = |nl: &str, en: &str| lang.pick(nl, en).to_string();
    let d = &check.declaration;
    let totals = &check.totals;
    let above: usize = d
        .overflow_cells
        .iter()
        .map(|c| c.groups.iter().filter(|g| g.size > c.standard_max).count())
        .sum();
    let validity = match (rules.valid_until, lang) {
        (Some(u), Lang::Nl) => format!("van {} t/m {u}", rules.valid_from),
        (Some(u), Lang::En) => format!("from {} to {u} inclusive", rules.valid_from),
        (None, Lang::Nl) => format!("vanaf {}, zonder einddatum", rules.valid_from),
        (None, Lang::En) => format!("from {}, open-ended", rules.valid_from),
    };
    let period = match (d.first_lesson, d.last_lesson) {
        (Some(a), Some(z)) => format!("{} {a} {} {z}", t("van", "from"), t("t/m", "to")),
        _ => t("geen data", "no dates"),
    };
    let verdict = if check.compliant {
        t("voldoet aan de normen", "compliant")
    } else {
        t("voldoet NIET aan de normen", "NOT compliant")
    };
    b.push(Block::Heading(t(
        "Waar deze invulling op berust",
        "What this filling-in rests on",
    )));
    b.push(Block::Items(vec![
        format!(
            "{}: {} {}, {period}.",
            t("Rooster", "Schedule"),
            totals.lessons_given,
            t("gegeven lessen", "lessons given")
        ),
        format!(
            "{}: {} {} {} ({}); {} {HANDLEIDING_MIN_SHARE}, {} {}: {}.",
            t(
                "Lessen door gecertificeerde docenten",
                "Lessons by certified teachers"
            ),
            totals.certified_lessons,
            t("van", "of"),
            totals.lessons_given,
            totals.certified_share.percent,
            t("norm van de Handleiding", "the Handleiding's norm"),
            t("minimum onder", "minimum under"),
            rules.name,
            rules.min_certified_share
        ),
        format!(
            "{}: {} ({} {}).",
            t(
                "Niet-gecertificeerde docenten die lesgeven",
                "Non-certified teachers who teach"
            ),
            d.non_certified_teachers.len(),
            totals.non_certified_lessons,
            t("lessen", "lessons")
        ),
        format!(
            "{}: {above} {} {} {}.",
            t(
                "Groepen boven het standaardmaximum",
                "Groups above the standard maximum"
            ),
            t("in", "in"),
            d.overflow_cells.len(),
            t(
                "combinatie(s) van locatie en leerprofiel",
                "combination(s) of location and learning profile"
            )
        ),
        format!(
            "{}: {} – {}, {} {validity}.",
            t("Regelset", "Rule set"),
            rules.name,
            rules.title,
            t("geldig", "valid")
        ),
        format!(
            "{}: {verdict} ({} {}, {} {}).",
            t("Oordeel van de controle", "The checker's verdict"),
            check.violations,
            t("overtreding(en)", "violation(s)"),
            check.warnings,
            t("waarschuwing(en)", "warning(s)")
        ),
    ]));
}
