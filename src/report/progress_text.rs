//! What the progress display says while a solver works, in the planner's language: the
//! spinner's words, the best schedule so far and what found it.

use super::Lang;
use crate::solve::{FoundBy, Incumbent, Stats};

/// The spinner's template (indicatif): `{prefix}` is the solver, `{msg}` the best so far.
pub fn spinner_template(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "{spinner} solving with {prefix} {elapsed_precise} {msg}",
        Lang::Nl => "{spinner} oplossen met {prefix} {elapsed_precise} {msg}",
    }
}

/// What found a schedule: the constructive first schedule or a neighbourhood of the search.
pub fn found_by(by: FoundBy, lang: Lang) -> &'static str {
    match (by, lang) {
        (FoundBy::FirstSchedule, Lang::En) => "first schedule",
        (FoundBy::FirstSchedule, Lang::Nl) => "eerste rooster",
        (FoundBy::WeakestGroups, Lang::En) => "weakest groups",
        (FoundBy::WeakestGroups, Lang::Nl) => "zwakste groepen",
        (FoundBy::Location, Lang::En) => "location",
        (FoundBy::Location, Lang::Nl) => "locatie",
        (FoundBy::Profile, Lang::En) => "profile",
        (FoundBy::Profile, Lang::Nl) => "profiel",
        (FoundBy::Teachers, Lang::En) => "teachers",
        (FoundBy::Teachers, Lang::Nl) => "docenten",
    }
}

/// " (zwakste groepen)" after a schedule's cost, or nothing when the solver found it.
pub fn found_by_suffix(found: &Incumbent, lang: Lang) -> String {
    found
        .found_by
        .map_or(String::new(), |by| format!(" ({})", found_by(by, lang)))
}

/// The spinner's message: "best 41358 (first schedule), bound 41350, gap 0.019%".
pub fn incumbent(i: &Incumbent, lang: Lang) -> String {
    let gap = i
        .gap
        .map_or("-".to_string(), |g| format!("{:.3}%", g * 100.0));
    let bound = i.bound.map_or("-".to_string(), |b| format!("{b:.0}"));
    let best = format!("{:.0}{}", i.objective, found_by_suffix(i, lang));
    best_so_far(&best, &bound, &gap, lang)
}

/// "best B, bound L, gap G" with each figure as given (HiGHS's log writes its own).
pub fn best_so_far(best: &str, bound: &str, gap: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("best {best}, bound {bound}, gap {gap}"),
        Lang::Nl => format!("beste {best}, grens {bound}, gap {gap}"),
    }
}

/// The line after a solve: the program's size, how long it took to build and to solve, by
/// which solver, and the status (already in the planner's language).
pub fn solved_line(
    school: &str,
    stats: &Stats,
    (build, solve): (f64, f64),
    solver: &str,
    status: &str,
    lang: Lang,
) -> String {
    let (v, i, c) = (stats.variables, stats.integer_variables, stats.constraints);
    match lang {
        Lang::En => format!(
            "{school}: {v} variables ({i} integer), {c} constraints; built in {build:.2} s, \
             solved by {solver} in {solve:.2} s: {status}"
        ),
        Lang::Nl => format!(
            "{school}: {v} variabelen ({i} geheeltallig), {c} beperkingen; opgebouwd in \
             {build:.2} s, opgelost door {solver} in {solve:.2} s: {status}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(by: Option<FoundBy>) -> Incumbent {
        Incumbent {
            objective: 41358.0,
            bound: Some(41350.0),
            gap: Some(0.00019),
            found_by: by,
        }
    }

    #[test]
    fn the_best_schedule_so_far_is_said_in_either_language_with_what_found_it() {
        let first = found(Some(FoundBy::FirstSchedule));
        assert_eq!(
            incumbent(&first, Lang::En),
            "best 41358 (first schedule), bound 41350, gap 0.019%"
        );
        assert_eq!(
            incumbent(&first, Lang::Nl),
            "beste 41358 (eerste rooster), grens 41350, gap 0.019%"
        );
        let unbounded = Incumbent {
            bound: None,
            gap: None,
            ..found(None)
        };
        assert_eq!(
            incumbent(&unbounded, Lang::Nl),
            "beste 41358, grens -, gap -"
        );
    }

    #[test]
    fn the_line_after_a_solve_is_said_in_either_language() {
        let stats = Stats {
            variables: 1702,
            integer_variables: 1659,
            constraints: 1982,
            classes: 0,
            student_types: 0,
        };
        let line = |lang| solved_line("De Brug", &stats, (0.005, 0.06), "microlp", "X", lang);
        assert_eq!(
            line(Lang::En),
            "De Brug: 1702 variables (1659 integer), 1982 constraints; built in 0.01 s, solved by microlp in 0.06 s: X"
        );
        assert_eq!(
            line(Lang::Nl),
            "De Brug: 1702 variabelen (1659 geheeltallig), 1982 beperkingen; opgebouwd in 0.01 s, opgelost door microlp in 0.06 s: X"
        );
    }

    #[test]
    fn every_finder_has_its_own_dutch_name() {
        let all = [
            FoundBy::FirstSchedule,
            FoundBy::WeakestGroups,
            FoundBy::Location,
            FoundBy::Profile,
            FoundBy::Teachers,
        ];
        let nl: std::collections::BTreeSet<_> =
            all.iter().map(|&b| found_by(b, Lang::Nl)).collect();
        assert_eq!(nl.len(), all.len());
        for b in all {
            assert_ne!(found_by(b, Lang::Nl), found_by(b, Lang::En), "{b:?}");
        }
    }
}
