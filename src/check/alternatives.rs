//! A choice of meeting times (C168): the timetable of a group with alternatives follows
//! exactly one of them, completely.
//!
//! A timetable row's slot is its weekday and the school block with its clock time. The
//! alternative a group *follows* is the one that holds every slot its rows meet in (of
//! several, the one with most of its slots met in, then the first); its lessons are the
//! group's planned lessons for C141 and its slots what a student must be available for
//! (C155). C168: rows in slots that no single alternative holds, or a slot of the followed
//! alternative without any row while the group meets in others. A group without rows
//! follows its first alternative (its missing lessons are C141).

use super::facts::{Facts, list_some};
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{CourseCode, Day, Group, Instance, Schedule, Slot};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The alternative a group's timetable follows, and the slots it meets in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followed {
    /// Index into `Group::choices`; `None` when no alternative holds every slot met in.
    pub alternative: Option<usize>,
    pub used: BTreeSet<Slot>,
}

/// `check --json`'s `alternatives[]`: per group with a choice of meeting times, the one its
/// timetable follows (1-based; `null` when none) and its slots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChosenAlternative {
    pub course_code: CourseCode,
    pub alternative: Option<usize>,
    pub of: usize,
    pub slots: Vec<String>,
}

/// Per group with a choice of meeting times: what its rows follow.
pub fn follow<'a>(
    instance: &'a Instance,
    schedule: &Schedule,
) -> BTreeMap<&'a CourseCode, Followed> {
    let mut used: BTreeMap<&CourseCode, BTreeSet<Slot>> = BTreeMap::new();
    for row in &schedule.timetable {
        let Some(g) = instance
            .groups
            .iter()
            .find(|g| g.course_code == row.course_code && g.has_choice())
        else {
            continue;
        };
        if let Some(b) = instance.school.blocks.iter().find(|b| b.time == row.time) {
            let slot = Slot::new(Day::of(row.date), b.name.as_str());
            used.entry(&g.course_code).or_default().insert(slot);
        }
    }
    instance
        .groups
        .iter()
        .filter(|g| g.has_choice())
        .map(|g| {
            let used = used.remove(&g.course_code).unwrap_or_default();
            let alternative = g
                .choices
                .iter()
                .enumerate()
                .filter(|(_, a)| used.iter().all(|s| a.contains(s)))
                .max_by_key(|(i, a)| {
                    let met = a.iter().filter(|s| used.contains(s)).count();
                    (met, usize::MAX - i)
                })
                .map(|(i, _)| i);
            (&g.course_code, Followed { alternative, used })
        })
        .collect()
}

impl Facts<'_> {
    /// The slots `group` meets in for its students and planned lessons: its followed
    /// alternative's (or, following none, those its rows meet in), else its `slots`.
    pub fn meeting_slots(&self, group: &Group) -> Vec<Slot> {
        match self.followed.get(&group.course_code) {
            None => group.slots.clone(),
            Some(Followed {
                alternative: Some(a),
                ..
            }) => group.choices[*a].clone(),
            Some(Followed { used, .. }) => used.iter().cloned().collect(),
        }
    }
}

/// C168, one finding per group.
pub fn judge(f: &Facts) -> Vec<Finding> {
    let mut out = Vec::new();
    for (code, followed) in &f.followed {
        let Some(g) = f.groups.get(code) else {
            continue;
        };
        let names = |s: &mut dyn Iterator<Item = &Slot>| -> Vec<String> {
            s.map(ToString::to_string).collect()
        };
        let message = match followed.alternative {
            None => Some(format!(
                "course {code} meets in {}, which no one of its alternatives holds ({})",
                list_some(&names(&mut followed.used.iter())),
                alternatives_text(g)
            )),
            Some(a) if !followed.used.is_empty() => {
                let missing =
                    names(&mut g.choices[a].iter().filter(|s| !followed.used.contains(s)));
                (!missing.is_empty()).then(|| {
                    format!(
                        "course {code} follows alternative {} ({}) but has no lesson on {}",
                        a + 1,
                        names(&mut g.choices[a].iter()).join(";"),
                        list_some(&missing)
                    )
                })
            }
            Some(_) => None,
        };
        if let Some(m) = message {
            out.push(Finding::new(
                FindingCode::AlternativeNotFollowed,
                SubjectKind::Course,
                code.as_str(),
                m,
            ));
        }
    }
    out
}

fn alternatives_text(g: &Group) -> String {
    g.choices
        .iter()
        .map(|a| {
            a.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// `alternatives[]` of the report, by course code.
pub fn chosen(f: &Facts) -> Vec<ChosenAlternative> {
    f.followed
        .iter()
        .filter_map(|(code, followed)| {
            let g = f.groups.get(code)?;
            Some(ChosenAlternative {
                course_code: (*code).clone(),
                alternative: followed.alternative.map(|a| a + 1),
                of: g.choices.len(),
                slots: followed
                    .alternative
                    .map(|a| g.choices[a].iter().map(ToString::to_string).collect())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{Fx, codes, handleiding, messages, range, slot};
    use crate::diag::Code;

    /// G1 meets on Mondays and Wednesdays (alternative 1) or on Tuesdays and Thursdays
    /// (alternative 2), 2025-09-01 to 2025-09-29 (four weeks and a Monday); T1 certified.
    fn school() -> Fx {
        let mut fx = Fx::new();
        fx.teacher("T1", true);
        let g = fx.group("G1", "Utrecht", "B1");
        g.choices = vec![
            vec![slot("mon-morning"), slot("wed-morning")],
            vec![slot("tue-morning"), slot("thu-morning")],
        ];
        g.slots = g.choices.concat();
        g.slots.sort();
        fx
    }

    /// Rows for alternative 1's lessons only (given by T1).
    fn follow_first(fx: &mut Fx) {
        for d in ["01", "03", "08", "10", "15", "17", "22", "24", "29"] {
            fx.row(
                "G1",
                &format!("2025-09-{d}"),
                range((9, 0), (12, 0)),
                "Utrecht",
                Some("T1"),
            );
        }
    }

    #[test]
    fn a_timetable_that_follows_one_alternative_completely_is_sound() {
        let mut fx = school();
        follow_first(&mut fx);
        let report = fx.check(&handleiding());
        assert!(!codes(&report).contains(&Code::AlternativeNotFollowed));
        assert!(
            !codes(&report).contains(&Code::LessonMissing),
            "{:?}",
            report.findings
        );
        assert_eq!(report.alternatives[0].alternative, Some(1));
    }

    /// A student is judged against the alternative followed: S1 (Mondays and Wednesdays
    /// only) fits, S2 (Tuesdays and Thursdays only) does not (C155).
    #[test]
    fn c155_a_student_must_be_available_for_the_alternative_followed_only() {
        use crate::domain::Availability;
        let mut fx = school();
        follow_first(&mut fx);
        fx.student("S1", "B1").available =
            Availability([slot("mon-morning"), slot("wed-morning")].into());
        fx.student("S2", "B1").available =
            Availability([slot("tue-morning"), slot("thu-morning")].into());
        fx.place("S1", "G1");
        fx.place("S2", "G1");
        let report = fx.check(&handleiding());
        let m = messages(&report, Code::StudentAvailability);
        assert_eq!(m.len(), 1, "{:?}", report.findings);
        assert!(
            m[0].contains("S2") && m[0].contains("2 of its 2"),
            "{}",
            m[0]
        );
        // In Dutch too: the alternative's two slots, not the four of both.
        let nl: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code() == Code::StudentAvailability)
            .filter_map(|f| f.message_nl.clone())
            .collect();
        assert!(nl[0].contains("op 2 van de 2 wekelijkse"), "{}", nl[0]);
    }

    #[test]
    fn c168_a_lesson_in_another_alternative_breaks_the_choice() {
        let mut fx = school();
        follow_first(&mut fx);
        fx.row(
            "G1",
            "2025-09-02",
            range((9, 0), (12, 0)),
            "Utrecht",
            Some("T1"),
        );
        let report = fx.check(&handleiding());
        let m = messages(&report, Code::AlternativeNotFollowed);
        assert_eq!(m.len(), 1, "{:?}", report.findings);
        assert!(
            m[0].contains("tue-morning") && m[0].contains("no one of its alternatives"),
            "{}",
            m[0]
        );
        assert_eq!(report.alternatives[0].alternative, None);
        assert!(!report.compliant);
    }

    #[test]
    fn c168_an_alternative_followed_in_part_misses_a_weekly_slot() {
        let mut fx = school();
        for d in ["01", "08", "15", "22", "29"] {
            fx.row(
                "G1",
                &format!("2025-09-{d}"),
                range((9, 0), (12, 0)),
                "Utrecht",
                Some("T1"),
            );
        }
        let report = fx.check(&handleiding());
        let m = messages(&report, Code::AlternativeNotFollowed);
        assert_eq!(m.len(), 1, "{:?}", report.findings);
        assert!(
            m[0].contains("follows alternative 1") && m[0].contains("wed-morning"),
            "{}",
            m[0]
        );
        // The four Wednesdays are missing lessons of the alternative followed, and only those
        // (not the Tuesdays and Thursdays of the other).
        let missing = messages(&report, Code::LessonMissing);
        assert!(missing[0].contains("4 of 9 planned"), "{missing:?}");
    }
}
