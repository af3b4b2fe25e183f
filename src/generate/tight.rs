//! `nt2plan generate --tight`: an instance where planning per weekly series is not exact.
//! On top of the usual school, drawn from a dice stream of its own:
//! - a `midday` block (11:00-14:00) that overlaps the morning and the afternoon, used by
//!   some groups and in the teachers' availability;
//! - groups with their own dates: some start weeks into the term, some end before it, and
//!   per location a group that ends halfway is followed by one in the same slots;
//! - single days off (`from == to`) for many teachers, besides a few whole weeks;
//! - weekly maxima one above each planted teacher's busiest ISO week, and exactly at it
//!   for certified teachers whose maximum frees up when their short group does not run,
//!   who get a whole-term lesson of a non-certified colleague in reach ([`free_up`]): one
//!   teacher per weekly series cannot use that, one per date can.
//!
//! The planted staffing becomes dated ([`super::dated`]): an absence is only drawn where a
//! substitute can give every lesson it touches, and the maxima are lowered only to what the
//! dated plant gives, so the instance stays feasible under `addendum-2025`.

use super::dated::Dated;
use super::dice::Dice;
use super::groups::{BLOCKS, MIDDAY, Site, block_index, profile_index};
use super::names::ABSENCE_REASONS;
use super::staff::{Draft, Planted, free};
use crate::domain::{Day, Group, School, Slot, Teacher, TimetableRow, Unavailability};
use chrono::{Days, NaiveDate};
use std::collections::BTreeSet;

/// How many lessons of other groups [`free_up`] puts in one teacher's reach.
const REACHES: usize = 2;

/// Why a teacher misses one day.
const DAY_REASONS: &[&str] = &["ziek", "nascholing", "bijzonder verlof", "zorgverlof"];

fn friday(monday: NaiveDate) -> NaiveDate {
    monday.checked_add_days(Days::new(4)).unwrap_or(monday)
}

/// Moves some day groups into the midday block, then gives groups their own dates:
/// successor pairs first (per location and profile, a group ending about halfway and
/// another taking over its slots the week after), then late starts and early ends.
/// `weeks` are the Mondays of the teaching weeks.
pub fn vary_groups(groups: &mut [Group], weeks: &[NaiveDate], dice: &mut Dice) {
    for g in groups.iter_mut() {
        if g.slots.iter().any(|s| s.block.as_str() == "evening") {
            continue;
        }
        let x = dice.uniform(0.0, 1.0);
        let one = dice.below(g.slots.len());
        for (i, s) in g.slots.iter_mut().enumerate() {
            if x < 0.22 || (x < 0.34 && i == one) {
                *s = Slot::new(s.day, MIDDAY.0);
            }
        }
        g.slots.sort_by_key(|s| (s.day, block_index(s)));
    }
    let n = weeks.len();
    if n < 4 {
        return;
    }
    let third = n / 3;
    let mut touched = vec![false; groups.len()];
    let mut cells: Vec<Vec<usize>> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        match cells.iter_mut().find(|c| {
            let first = &groups[c[0]];
            first.location == g.location && first.profile == g.profile
        }) {
            Some(c) => c.push(i),
            None => cells.push(vec![i]),
        }
    }
    for cell in &cells {
        let mandatory: Vec<usize> = cell
            .iter()
            .copied()
            .filter(|&i| !groups[i].optional)
            .collect();
        if cell.len() < 2 || mandatory.is_empty() || !dice.chance(0.7) {
            continue;
        }
        let Some(&a) = dice.pick(&mandatory) else {
            continue;
        };
        let others: Vec<usize> = cell.iter().copied().filter(|&i| i != a).collect();
        let Some(&b) = dice.pick(&others) else {
            continue;
        };
        let m = dice.between((third + 1) as u32, (n - third) as u32) as usize;
        groups[a].end = friday(weeks[m - 1]);
        groups[b].start = weeks[m];
        groups[b].slots = groups[a].slots.clone();
        touched[a] = true;
        touched[b] = true;
    }
    for (i, g) in groups.iter_mut().enumerate() {
        if touched[i] {
            continue;
        }
        let x = dice.uniform(0.0, 1.0);
        let k = dice.between(1, third as u32) as usize;
        if x < 0.18 {
            g.start = weeks[k];
        } else if x < 0.36 {
            g.end = friday(weeks[n - 1 - k]);
        }
    }
}

/// The midday block in a teacher's availability: always for a teacher who is always
/// available, often on a day they have both the morning and the afternoon, now and then on
/// a day they have one of them. Planted midday slots are in the availability already.
pub fn midday_availability(d: &mut Draft, dice: &mut Dice) {
    let has = |d: &Draft, day: Day, b: &str| d.available.contains(&Slot::new(day, b));
    let always = Day::ALL
        .iter()
        .all(|&day| BLOCKS.iter().all(|(b, _)| has(d, day, b)));
    let days: BTreeSet<Day> = d.available.iter().map(|s| s.day).collect();
    for day in days {
        let p = match (has(d, day, "morning"), has(d, day, "afternoon")) {
            _ if always => 1.0,
            (true, true) => 0.75,
            (true, false) | (false, true) => 0.35,
            (false, false) => 0.0,
        };
        if dice.chance(p) {
            d.available.insert(Slot::new(day, MIDDAY.0));
        }
    }
}

/// A weekly maximum that frees up when a group ends (or before it starts), made to matter:
/// for about 70% of the certified teachers planted in a group with its own dates, a lesson
/// of a whole-term group planted with a non-certified colleague is put in their reach (its
/// slot, and its profile if need be), and the other certified teachers lose that slot and
/// the short group's slots (where they are not planted in them). At their maximum while
/// their own group runs, the teacher can give the other group's lessons only in the weeks
/// it does not: a schedule per weekly series keeps either group away from them, a schedule
/// per date need not. Returns the teachers whose maximum must stay at their busiest week.
/// The plant is not touched.
pub fn free_up(
    groups: &[Group],
    sites: &[Site],
    planted: &[Planted],
    drafts: &mut [Draft],
    (term_start, term_end): (NaiveDate, NaiveDate),
    dice: &mut Dice,
) -> Vec<bool> {
    let place = |g: &Group| {
        (
            sites.iter().position(|s| s.location == g.location),
            profile_index(&g.profile),
        )
    };
    let mut exact = vec![false; drafts.len()];
    let mut used = BTreeSet::new();
    for t in 0..drafts.len() {
        let short: Vec<usize> = planted
            .iter()
            .filter(|p| {
                p.teacher == t
                    && (groups[p.group].start, groups[p.group].end) != (term_start, term_end)
            })
            .map(|p| p.group)
            .collect();
        if !drafts[t].certified || short.is_empty() || !dice.chance(0.9) {
            continue;
        }
        let Some(&a) = dice.pick(&short) else {
            continue;
        };
        let ga = &groups[a];
        let day = Days::new(1);
        // The weeks the short group does not run.
        let free_time = if ga.end < term_end {
            (ga.end.checked_add_days(day).unwrap_or(ga.end), term_end)
        } else {
            (
                term_start,
                ga.start.checked_sub_days(day).unwrap_or(ga.start),
            )
        };
        let d = &drafts[t];
        let options: Vec<&Planted> = planted
            .iter()
            .filter(|p| {
                let g = &groups[p.group];
                let (Some(site), Some(profile)) = place(g) else {
                    return false;
                };
                !g.optional
                    && (g.start, g.end) == (term_start, term_end)
                    && !drafts[p.teacher].certified
                    && !used.contains(&(p.group, p.slot.clone()))
                    && d.sites.contains(&site)
                    && (d.profiles.contains(&profile) || d.profiles.len() < 3)
                    && free(d, &p.slot, free_time)
            })
            .collect();
        let mut options: Vec<(usize, Slot)> =
            options.iter().map(|p| (p.group, p.slot.clone())).collect();
        dice.shuffle(&mut options);
        options.truncate(REACHES);
        if options.is_empty() {
            continue;
        }
        exact[t] = true;
        for (g, slot) in &options {
            used.insert((*g, slot.clone()));
            let d = &mut drafts[t];
            d.available.insert(slot.clone());
            if let Some(p) = place(&groups[*g]).1.filter(|x| !d.profiles.contains(x)) {
                d.profiles.push(p);
            }
        }
        let mine: Vec<(usize, Slot)> = planted
            .iter()
            .filter(|p| p.teacher == t && p.group == a)
            .map(|p| (a, p.slot.clone()))
            .chain(options)
            .collect();
        for (u, other) in drafts.iter_mut().enumerate() {
            if u == t || !other.certified {
                continue;
            }
            for (g, slot) in &mine {
                let (gsite, gprofile) = place(&groups[*g]);
                let reaches = gsite.is_some_and(|x| other.sites.contains(&x))
                    && gprofile.is_some_and(|x| other.profiles.contains(&x));
                if reaches && !other.busy.contains(slot) {
                    other.available.remove(slot);
                }
            }
        }
    }
    exact
}

/// Absences for the tight instance, the dated plant around them, and weekly maxima that
/// bind: about 5% of the teachers away for a teaching week, most certified teachers and
/// many others away on one to three single days (mostly days they teach), each only where
/// substitutes cover it; then every planted teacher's maximum lowered to one above their
/// busiest week in the dated plant, and to that week for the teachers `exact` names (see
/// [`free_up`]). Returns the absences (by teacher and date) and the dated plant as
/// timetable rows.
pub fn absences_and_maxima(
    school: &School,
    groups: &[Group],
    teachers: &mut [Teacher],
    planted: &[Planted],
    weeks: &[NaiveDate],
    exact: &[bool],
    dice: &mut Dice,
) -> (Vec<Unavailability>, Vec<TimetableRow>) {
    let mut out: Vec<(usize, NaiveDate, NaiveDate, &str)> = Vec::new();
    let (peaks, timetable) = {
        let mut dated = Dated::new(school, groups, teachers, planted);
        let n = teachers.len();
        let mut order: Vec<usize> = (0..n).collect();
        dice.shuffle(&mut order);
        let wanted = ((n as f64 * 0.05).round() as usize).max(1);
        let mut weeks_off = 0;
        for &t in &order {
            if weeks_off >= wanted {
                break;
            }
            let Some(&monday) = dice.pick(weeks) else {
                break;
            };
            let reason = dice.pick(ABSENCE_REASONS).copied().unwrap_or("verlof");
            if dated.absent(t, monday, friday(monday), dice) {
                out.push((t, monday, friday(monday), reason));
                weeks_off += 1;
            }
        }
        let open: Vec<NaiveDate> = weeks
            .iter()
            .flat_map(|&m| (0..5).filter_map(move |k| m.checked_add_days(Days::new(k))))
            .filter(|&d| school.is_open(d))
            .collect();
        for (t, teacher) in teachers.iter().enumerate() {
            let p = if teacher.is_certified() { 0.75 } else { 0.45 };
            if !dice.chance(p) {
                continue;
            }
            let days = 1 + dice.weighted(&[0.4, 0.35, 0.25]);
            for _ in 0..days {
                let teaching = dated.teaching_dates(t);
                let pool = if !teaching.is_empty() && dice.chance(0.85) {
                    &teaching
                } else {
                    &open
                };
                let Some(&date) = dice.pick(pool) else {
                    continue;
                };
                let reason = dice.pick(DAY_REASONS).copied().unwrap_or("ziek");
                if !dated.is_away(t, date) && dated.absent(t, date, date, dice) {
                    out.push((t, date, date, reason));
                }
            }
        }
        (dated.peaks(), dated.timetable())
    };
    for (i, (t, peak)) in teachers.iter_mut().zip(peaks).enumerate() {
        let slack = u32::from(exact.get(i) != Some(&true));
        if peak > 0 {
            let cap = peak + slack;
            t.max_lessons_per_week = Some(t.max_lessons_per_week.map_or(cap, |m| m.min(cap)));
        }
    }
    let mut absences: Vec<Unavailability> = out
        .into_iter()
        .filter_map(|(t, from, to, reason)| {
            Some(Unavailability {
                teacher: teachers.get(t)?.id.clone(),
                from,
                to,
                reason: reason.to_string(),
            })
        })
        .collect();
    absences.sort_by(|a, b| (&a.teacher, a.from).cmp(&(&b.teacher, b.from)));
    (absences, timetable)
}
