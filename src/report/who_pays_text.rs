//! Who pays, in a planner's words (Dutch, or English): one sentence per student without a
//! place, and the lines every report shows for the lessons, courses and teachers that fall
//! short. The reasons themselves are the checker's (`check::who_pays`); this only words them.

use super::Lang;
use crate::check::{GroupAtMaximum, Obstacle, UnplacedReason, WhoPays};

fn join<T: AsRef<str>>(items: &[T]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ")
}

fn full_groups(groups: &[GroupAtMaximum], lang: Lang) -> String {
    let each: Vec<String> = groups
        .iter()
        .map(|g| {
            format!(
                "{} ({} {} {})",
                g.course_code,
                g.size,
                lang.pick("van maximaal", "of at most"),
                g.maximum
            )
        })
        .collect();
    join(&each)
}

fn obstacle(o: &Obstacle, lang: Lang) -> String {
    match (o, lang) {
        (Obstacle::TooFewStudents { fitting, needed }, Lang::Nl) => format!(
            "er passen maar {fitting} cursist(en) zonder plaats in, de groep heeft er \
             minstens {needed} nodig"
        ),
        (Obstacle::TooFewStudents { fitting, needed }, Lang::En) => {
            format!("only {fitting} student(s) without a place fit it, it needs at least {needed}")
        }
        (Obstacle::NoTeacherForSlot { slot }, Lang::Nl) => {
            format!("geen enkele docent kan {slot} lesgeven op die locatie")
        }
        (Obstacle::NoTeacherForSlot { slot }, Lang::En) => {
            format!("no teacher can teach {slot} there")
        }
        (Obstacle::NoTeacherInAnyAlternative { slots }, Lang::Nl) => format!(
            "elk alternatief heeft een les die geen enkele docent op die locatie kan geven ({})",
            slots.join(", ")
        ),
        (Obstacle::NoTeacherInAnyAlternative { slots }, Lang::En) => format!(
            "every alternative has a slot no teacher can teach there ({})",
            slots.join(", ")
        ),
        (Obstacle::NoCertifiedTeacher, Lang::Nl) => {
            "geen gecertificeerde docent kan een van de lessen geven (norm 1.7.1b)".into()
        }
        (Obstacle::NoCertifiedTeacher, Lang::En) => {
            "no certified teacher can give any of its lessons (norm 1.7.1b)".into()
        }
    }
}

/// Why a student has no place, in one sentence.
pub fn reason(r: &UnplacedReason, lang: Lang) -> String {
    match r {
        UnplacedReason::NoGroupAtLocation { locations } => {
            let at: Vec<&str> = locations.iter().map(|l| l.as_str()).collect();
            format!(
                "{} {}",
                lang.pick(
                    "geen groep van dit leerprofiel op een locatie die de cursist accepteert:",
                    "no group of this profile at a location the student accepts:"
                ),
                join(&at)
            )
        }
        UnplacedReason::NoGroupInTheirSlots { groups } => {
            let each: Vec<String> = groups
                .iter()
                .map(|(code, slots)| format!("{code} ({})", join(slots)))
                .collect();
            format!(
                "{} {}",
                lang.pick(
                    "geen groep in de dagdelen waarop de cursist kan; de groepen hier hebben les op:",
                    "no group in the slots the student is available for; the groups here meet on:"
                ),
                join(&each)
            )
        }
        UnplacedReason::OptionalGroupClosed { closed, full } => {
            let each: Vec<String> = closed
                .iter()
                .map(|c| {
                    let why = c.obstacle.as_ref().map_or_else(
                        || {
                            format!(
                                "{} {} {}",
                                lang.pick("openen voegt", "opening it adds"),
                                c.lessons,
                                lang.pick("lessen toe", "lessons")
                            )
                        },
                        |o| obstacle(o, lang),
                    );
                    format!("{} ({why})", c.course_code)
                })
                .collect();
            let mut s = format!(
                "{} {}",
                lang.pick(
                    "de passende optionele groep bleef dicht:",
                    "the fitting optional group stayed closed:"
                ),
                join(&each)
            );
            if !full.is_empty() {
                s.push_str(&format!(
                    "; {} {}",
                    lang.pick("vol:", "full:"),
                    full_groups(full, lang)
                ));
            }
            s
        }
        UnplacedReason::FittingGroupsFull { groups } => format!(
            "{} {}",
            lang.pick(
                "elke passende groep zit op haar maximum:",
                "every fitting group is at its maximum:"
            ),
            full_groups(groups, lang)
        ),
        UnplacedReason::Undetermined { room_in } => {
            let codes: Vec<&str> = room_in.iter().map(|c| c.as_str()).collect();
            format!(
                "{} {}",
                lang.pick(
                    "niet uit de gegevens af te leiden: er is nog plaats in",
                    "not decided by the data alone: there is room in"
                ),
                join(&codes)
            )
        }
    }
}

/// The lines about everything that falls short, empty when nothing does: students without a
/// place (with the reason), lessons without a teacher (each with its date), courses below
/// 1.7.1b, the floor's missing lessons, teachers without a mentor.
pub fn lines(w: &WhoPays, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for s in &w.students {
        out.push(format!(
            "{} {} ({}): {}",
            lang.pick("cursist", "student"),
            s.student,
            s.profile,
            reason(&s.reason, lang)
        ));
    }
    for l in &w.lessons_without_teacher {
        out.push(format!(
            "{} {} {} {}: {}",
            lang.pick("les", "lesson"),
            l.course_code,
            l.date,
            l.time,
            lang.pick(
                "geen docent (zoek een vervanger)",
                "no teacher (find a substitute)"
            )
        ));
    }
    for c in &w.courses_without_certified {
        out.push(format!(
            "{} {c}: {}",
            lang.pick("cursus", "course"),
            lang.pick(
                "te weinig lessen door een gecertificeerde docent (norm 1.7.1b)",
                "too few lessons by a certified teacher (norm 1.7.1b)"
            )
        ));
    }
    if w.certified_lessons_missing > 0 {
        out.push(format!(
            "{} {} {}",
            lang.pick(
                "minimumaandeel (norm 1.7.1a):",
                "minimum share (norm 1.7.1a):"
            ),
            w.certified_lessons_missing,
            lang.pick("gecertificeerde lessen tekort", "certified lessons short")
        ));
    }
    for t in &w.teachers_without_mentor {
        out.push(format!(
            "{} {t}: {}",
            lang.pick("docent", "teacher"),
            lang.pick(
                "niet gecertificeerd en zonder begeleider",
                "not certified and without a mentor"
            )
        ));
    }
    out
}
