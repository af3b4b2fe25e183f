//! Observation lessons (Bijlage 2 of the Addendum): after the timetable is fixed, every
//! non-certified teacher who teaches gets `observations_per_teacher` lessons of certified
//! teachers to attend while free: their own mentor's lessons first, then lessons at a location
//! and of a profile they work in, spread over the term. The checker verifies every row; a
//! teacher for whom too few free lessons exist gets fewer, which the checker reports (C139).

use crate::domain::{
    Day, Instance, ObservationRow, Schedule, Slot, Teacher, TeacherId, TimetableRow,
};
use std::collections::BTreeSet;

/// The observation lessons for `schedule`, sorted by observer, date and time. In a replan
/// the observations of the history (CURRENT's before its date) stay as they were and count
/// towards each teacher's number; the rest are chosen among the lessons from the date on.
pub fn plan(instance: &Instance, schedule: &Schedule) -> Vec<ObservationRow> {
    let before: &[ObservationRow] = instance
        .frozen
        .as_ref()
        .map_or(&[], |f| f.observations.as_slice());
    let (history, planned): (Vec<ObservationRow>, Vec<ObservationRow>) =
        before.iter().cloned().partition(|o| {
            instance
                .frozen
                .as_ref()
                .is_some_and(|f| f.is_history(o.date))
        });
    let wanted = instance.school.supervision.observations_per_teacher as usize;
    if wanted == 0 {
        return history;
    }
    let teaching: BTreeSet<&TeacherId> = schedule
        .timetable
        .iter()
        .filter_map(|r| r.teacher.as_ref())
        .collect();
    let mut out = history.clone();
    for t in instance
        .teachers
        .iter()
        .filter(|t| !t.is_certified() && teaching.contains(&t.id))
    {
        let kept: Vec<&ObservationRow> = history.iter().filter(|o| o.teacher == t.id).collect();
        let more = wanted.saturating_sub(kept.len());
        if more > 0 {
            let again: Vec<&ObservationRow> =
                planned.iter().filter(|o| o.teacher == t.id).collect();
            out.extend(for_teacher(instance, schedule, t, more, &kept, &again));
        }
    }
    out.sort();
    out
}

/// The weekly slot of a lesson: its weekday and the block with its times.
fn slot_of(instance: &Instance, row: &TimetableRow) -> Option<Slot> {
    let block = instance.school.blocks.iter().find(|b| b.time == row.time)?;
    Some(Slot {
        day: Day::of(row.date),
        block: block.name.clone(),
    })
}

fn for_teacher(
    instance: &Instance,
    schedule: &Schedule,
    t: &Teacher,
    wanted: usize,
    kept: &[&ObservationRow],
    again: &[&ObservationRow],
) -> Vec<ObservationRow> {
    // In a replan only lessons from its date on are still to choose.
    let open = |r: &TimetableRow| {
        instance
            .frozen
            .as_ref()
            .is_none_or(|f| !f.is_history(r.date))
    };
    let mentors: BTreeSet<&str> = schedule
        .mentoring
        .iter()
        .filter(|m| m.teacher == t.id)
        .map(|m| m.mentor.as_str())
        .collect();
    let own: Vec<&TimetableRow> = schedule
        .timetable
        .iter()
        .filter(|r| r.teacher.as_ref() == Some(&t.id))
        .collect();
    let free = |r: &TimetableRow| {
        !own.iter()
            .any(|o| o.date == r.date && o.time.overlaps(&r.time))
            && !instance.is_unavailable(&t.id, r.date)
            && slot_of(instance, r).is_some_and(|s| t.available.allows(&s))
    };
    // Lower is better: the mentor's own lesson, then a location and a profile they know.
    let rank = |r: &TimetableRow, by: &TeacherId| {
        let profile = instance.group(&r.course_code).map(|g| &g.profile);
        u8::from(!mentors.contains(by.as_str())) * 4
            + u8::from(!t.locations.contains(&r.location)) * 2
            + u8::from(!profile.is_some_and(|p| t.profiles.contains(p)))
    };
    let mut candidates: Vec<(u8, &TimetableRow, &TeacherId)> = schedule
        .timetable
        .iter()
        .filter_map(|r| {
            let by = r.teacher.as_ref()?;
            let certified = instance.teacher(by).is_some_and(Teacher::is_certified);
            (certified && open(r) && free(r)).then(|| (rank(r, by), r, by))
        })
        .collect();
    candidates.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    // Spread over the teacher's own lessons still to come (all of them outside a replan, or
    // when none is left).
    let ahead: Vec<_> = own.iter().filter(|r| open(r)).map(|r| r.date).collect();
    let dates = if ahead.is_empty() {
        own.iter().map(|r| r.date).collect()
    } else {
        ahead
    };
    let (Some(&first), Some(&last)) = (dates.iter().min(), dates.iter().max()) else {
        return Vec::new();
    };
    let span = (last - first).num_days().max(1);
    // CURRENT's observations from a replan's date on first, where still possible.
    let mut chosen: Vec<ObservationRow> = Vec::new();
    for o in again {
        let possible = candidates.iter().any(|(_, r, by)| {
            (&r.course_code, r.date, r.time, *by) == (&o.course_code, o.date, o.time, &o.observed)
        });
        let clash = chosen
            .iter()
            .chain(kept.iter().copied())
            .any(|c| c.date == o.date && c.time.overlaps(&o.time));
        if possible && !clash && chosen.len() < wanted {
            chosen.push((*o).clone());
        }
    }
    for j in chosen.len()..wanted {
        // Aim at evenly spread dates over the teacher's own teaching period.
        let target =
            first + chrono::Duration::days(span * (2 * j as i64 + 1) / (2 * wanted as i64));
        let pick = candidates
            .iter()
            .filter(|(_, r, _)| {
                !chosen
                    .iter()
                    .chain(kept.iter().copied())
                    .any(|c| c.date == r.date && c.time.overlaps(&r.time))
            })
            .min_by_key(|(rank, r, _)| (*rank, (r.date - target).num_days().abs(), *r));
        let Some((_, r, by)) = pick else { break };
        chosen.push(ObservationRow {
            teacher: t.id.clone(),
            course_code: r.course_code.clone(),
            date: r.date,
            time: r.time,
            observed: (*by).clone(),
        });
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::{Fx, addendum, slot};
    use crate::diag::Code;

    /// Non-certified N1 teaches group B on Mondays; certified mentor M1 teaches A on Mondays
    /// (same time) and T on Tuesdays; C2 teaches U on Wednesdays.
    fn school(k: u32) -> Fx {
        let mut fx = Fx::new();
        fx.instance.school.supervision.observations_per_teacher = k;
        fx.teacher("M1", true);
        fx.teacher("C2", true);
        fx.teacher("N1", false);
        fx.group("A", "Utrecht", "B1");
        fx.group("B", "Utrecht", "B1");
        fx.group("T", "Utrecht", "B1").slots = vec![slot("tue-morning")];
        fx.group("U", "Utrecht", "B1").slots = vec![slot("wed-morning")];
        for g in ["A", "B", "T", "U"] {
            fx.fill(g, 10);
        }
        fx.staff("A", "M1");
        fx.staff("B", "N1");
        fx.staff("T", "M1");
        fx.staff("U", "C2");
        fx.mentoring("N1", "M1");
        fx
    }

    #[test]
    fn the_mentors_free_lessons_come_first_spread_over_the_term_and_pass_the_checker() {
        let mut fx = school(3);
        let planned = plan(&fx.instance, &fx.schedule);
        assert_eq!(planned.len(), 3);
        assert!(
            planned
                .iter()
                .all(|o| o.observed.as_str() == "M1" && o.course_code.as_str() == "T"),
            "{planned:?}"
        );
        let dates: BTreeSet<_> = planned.iter().map(|o| o.date).collect();
        assert_eq!(dates.len(), 3, "three different weeks");
        fx.schedule.observations = planned;
        let report = fx.check(&addendum());
        assert!(
            report.findings.iter().all(|f| f.norm() != "supervision"),
            "{:?}",
            report.findings
        );
    }

    #[test]
    fn when_the_mentor_has_too_few_free_lessons_others_fill_in_and_the_rest_is_reported() {
        // T and U have 4 lessons each (Tuesdays and Wednesdays up to 2025-09-29); 12 wanted:
        // 4 of M1 (T), 4 of C2 (U), then none left.
        let mut fx = school(12);
        let planned = plan(&fx.instance, &fx.schedule);
        assert_eq!(planned.len(), 8);
        assert_eq!(
            planned
                .iter()
                .filter(|o| o.observed.as_str() == "M1")
                .count(),
            4
        );
        fx.schedule.observations = planned;
        let report = fx.check(&addendum());
        assert!(report.has(Code::ObservationsTooFew));
        assert!(!report.has(Code::ObserverNotFree) && !report.has(Code::ObservedLessonMissing));
    }

    /// A replan from the date of the second observation planned from scratch (three of
    /// M1's T lessons): CURRENT had one observation of C2's U lesson before that date (not
    /// what a plan from scratch picks) and the third one of the plan; both stay, and the one
    /// missing is chosen from the date on.
    #[test]
    fn in_a_replan_the_history_s_observations_stay_and_current_s_later_ones_are_kept() {
        let mut fx = school(3);
        let fresh = plan(&fx.instance, &fx.schedule);
        let from = fresh[1].date;
        let u = fx
            .schedule
            .timetable
            .iter()
            .find(|r| r.course_code.as_str() == "U" && r.date < from)
            .expect("U runs before the date");
        let history = ObservationRow {
            teacher: "N1".into(),
            course_code: "U".into(),
            date: u.date,
            time: u.time,
            observed: "C2".into(),
        };
        fx.instance.frozen = Some(crate::domain::Frozen {
            from,
            observations: vec![history.clone(), fresh[2].clone()],
            ..Default::default()
        });
        let planned = plan(&fx.instance, &fx.schedule);
        assert_eq!(planned.len(), 3, "{planned:?}");
        assert!(planned.contains(&history) && planned.contains(&fresh[2]));
        let before: Vec<_> = planned.iter().filter(|o| o.date < from).collect();
        assert_eq!(before, vec![&history], "nothing else before the date");
        fx.schedule.observations = planned;
        let report = fx.check(&addendum());
        assert!(!report.has(Code::ObservationsTooFew) && !report.has(Code::ObserverNotFree));
        assert!(
            !report.has(Code::ObservationHistoryChanged),
            "{:?}",
            report.findings
        );
    }

    #[test]
    fn nothing_is_planned_when_the_school_plans_no_observations() {
        let fx = school(0);
        assert!(plan(&fx.instance, &fx.schedule).is_empty());
    }
}
