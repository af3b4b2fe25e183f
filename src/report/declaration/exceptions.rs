//! The two exceptions of the form: a box (ticked when the schedule uses the exception) with
//! the teachers or the cells it covers, or a sentence when the rule set does not offer it.

use super::Block;
use crate::check::{CheckReport, Declaration, HANDLEIDING_MIN_SHARE, OverflowCell};
use crate::domain::{RuleSet, Share};
use crate::report::Lang;

pub(super) fn exception_1(b: &mut Vec<Block>, rules: &RuleSet, check: &CheckReport, lang: Lang) {
    let t = |nl: &str, en: &str| lang.pick(nl, en).to_string();
    let d = &check.declaration;
    let e = &d.exception_1;
    let totals = &check.totals;
    let share = format!(
        "{} {} {} ({})",
        totals.certified_lessons,
        t("van", "of"),
        totals.lessons_given,
        totals.certified_share.percent
    );
    if !e.offered {
        let tail = if e.in_use {
            format!(
                " {} {share}: {}",
                t(
                    "Het rooster haalt de norm van de Handleiding niet: gecertificeerd",
                    "The schedule falls short of the Handleiding's norm: certified"
                ),
                t(
                    "een overtreding van norm 1.7.1a.",
                    "a violation of norm 1.7.1a."
                )
            )
        } else {
            String::new()
        };
        b.push(Block::Note(format!(
            "{} {}{}{tail}",
            t(
                "Uitzondering 1 (lager minimumaandeel lessen door gecertificeerde docenten) \
                 wordt niet aangeboden door regelset",
                "Exception 1 (a lower minimum share of lessons by certified teachers) is not \
                 offered by rule set"
            ),
            rules.name,
            t(
                "; er is geen vakje om aan te vinken.",
                "; there is no box to tick."
            )
        )));
        return;
    }
    let min = rules.min_certified_share;
    let rest = Share(Share::SCALE.saturating_sub(min.0));
    b.push(Block::Check {
        checked: e.in_use,
        text: match lang {
            Lang::Nl => format!(
                "Uitzondering 1; minimaal {min} van de gegeven lessen wordt gegeven door \
                 gecertificeerde NT2-docenten."
            ),
            Lang::En => format!(
                "Exception 1; at least {min} of the lessons given are given by certified NT2 \
                 teachers."
            ),
        },
    });
    b.push(Block::Para(match lang {
        Lang::Nl => format!(
            "Namen van docenten die onder de groep van de {rest} niet-gecertificeerden vallen:"
        ),
        Lang::En => {
            format!("Names of the teachers who belong to the group of the {rest} non-certified:")
        }
    }));
    let names: Vec<String> = d
        .non_certified_teachers
        .iter()
        .map(|n| format!("{} ({})", n.name, n.id))
        .collect();
    if totals.lessons_given == 0 {
        b.push(Block::Note(t(
            "Niet van toepassing: het rooster bevat geen gegeven lessen.",
            "Not applicable: the schedule has no lessons given.",
        )));
    } else if e.in_use && names.is_empty() {
        b.push(Block::Note(format!(
            "{} {share}{}",
            t("Gecertificeerd", "Certified"),
            t(
                ", maar de lessen onder de norm staan op naam van docenten die de school niet \
                 kent; vul de namen zelf in.",
                ", but the lessons below the norm name teachers the school does not know; \
                 fill in the names yourself.",
            )
        )));
    } else if e.in_use {
        b.push(Block::Items(names));
    } else {
        let teaching = if names.is_empty() {
            String::new()
        } else {
            format!(
                " {} {} {}",
                names.len(),
                t(
                    "niet-gecertificeerde docent(en) geven wel les:",
                    "non-certified teacher(s) do teach:"
                ),
                t(
                    "zie het begeleidingsdossier.",
                    "see the supervision dossier."
                )
            )
        };
        b.push(Block::Note(format!(
            "{} {share} {} {HANDLEIDING_MIN_SHARE}.{teaching}",
            t(
                "Niet van toepassing: gecertificeerd",
                "Not applicable: certified"
            ),
            t(
                "haalt de norm van de Handleiding van",
                "meets the Handleiding's norm of"
            ),
        )));
    }
}

pub(super) fn exception_2(b: &mut Vec<Block>, rules: &RuleSet, d: &Declaration, lang: Lang) {
    let t = |nl: &str, en: &str| lang.pick(nl, en).to_string();
    let e = &d.exception_2;
    let cells: Vec<String> = d.overflow_cells.iter().map(|c| cell(c, lang)).collect();
    if !e.offered {
        let tail = if e.in_use {
            t(
                " Het rooster heeft wel groepen boven het standaardmaximum: een overtreding \
                 van norm 2.2.1.",
                " The schedule does have groups above the standard maximum: a violation of \
                 norm 2.2.1.",
            )
        } else {
            String::new()
        };
        b.push(Block::Note(format!(
            "{} {}{}{tail}",
            t(
                "Uitzondering 2 (coulance bij de maximale groepsgrootte) wordt niet aangeboden \
                 door regelset",
                "Exception 2 (leniency on the maximum group size) is not offered by rule set"
            ),
            rules.name,
            t(
                "; er is geen vakje om aan te vinken.",
                "; there is no box to tick."
            )
        )));
        if e.in_use {
            b.push(Block::Items(cells));
        }
        return;
    }
    b.push(Block::Check {
        checked: e.in_use,
        text: t(
            "Uitzondering 2; Coulance bij handhaving van de toegestane maximale groepsgrootte",
            "Exception 2; Leniency in enforcing the permitted maximum group size",
        ),
    });
    b.push(Block::Para(t(
        "Opgave locatie(s) en welke leerprofiel(en) de uitzondering wordt ingezet:",
        "The location(s), and the learning profile(s) for which the exception is used:",
    )));
    if e.in_use {
        b.push(Block::Items(cells));
    } else {
        b.push(Block::Note(t(
            "Niet van toepassing: geen groep zit boven het standaardmaximum.",
            "Not applicable: no group is above the standard maximum.",
        )));
    }
}

/// `Utrecht – B1-route (NT2/B1, standaardmaximum 20, tijdelijk maximum 25): ...`.
fn cell(c: &OverflowCell, lang: Lang) -> String {
    let (std, tmp, students, above) = match lang {
        Lang::Nl => (
            "standaardmaximum",
            "tijdelijk maximum",
            "cursisten",
            "cursist(en) boven het standaardmaximum",
        ),
        Lang::En => (
            "standard maximum",
            "temporary maximum",
            "students",
            "student(s) above the standard maximum",
        ),
    };
    let groups: Vec<String> = c
        .groups
        .iter()
        .map(|g| format!("{} ({} {students})", g.course_code, g.size))
        .collect();
    format!(
        "{} – {} ({}, {std} {}, {tmp} {}): {}; {} {above}",
        c.location,
        c.profile,
        c.size_class,
        c.standard_max,
        c.temporary_max,
        groups.join(", "),
        c.surplus
    )
}
