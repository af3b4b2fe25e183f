//! One variation (`[base]`, `[[axis.variant]]`) checked against the base instance.

use super::{CellIn, ChangeIn, Cx, LeaveIn};
use crate::diag::{Diagnostic, ErrorCode, WarningCode};
use crate::domain::{Profile, RoomId, TeacherId};
use crate::input::suggest;
use crate::sweep::spec::{Cell, Change, Leave};
use std::collections::BTreeSet;
use toml::Spanned;

/// Largest count of students one variation may add or remove.
const MAX_STUDENTS: i64 = 100_000;

impl Cx<'_> {
    pub(super) fn change(&mut self, c: &ChangeIn) -> Change {
        if let Some(r) = &c.rules {
            self.rules_ref(r);
        }
        let certify = self.teachers(c.certify.as_deref(), "certify");
        let decertify = self.teachers(c.decertify.as_deref(), "decertify");
        if let Some(both) = certify.iter().find(|t| decertify.contains(t))
            && let Some(at) = c
                .decertify
                .iter()
                .flatten()
                .find(|s| s.get_ref().trim() == both.as_str())
        {
            self.push_nl(
                ErrorCode::BadVariation,
                at.span(),
                "decertify",
                (
                    format!("teacher {both} is both certified and decertified by one variation"),
                    format!(
                        "docent {both} krijgt in één variatie zowel een certificaat (certify) als geen certificaat meer (decertify)"
                    ),
                ),
                (
                    "name the teacher in only one of certify and decertify",
                    "noem de docent in certify óf in decertify, niet in allebei",
                ),
            );
        }
        let certified = self
            .instance
            .map(|i| i.teachers.iter().filter(|t| t.is_certified()).count());
        Change {
            rules: c.rules.as_ref().map(|r| r.get_ref().clone()),
            temporary_maxima: c.temporary_maxima,
            certified_floor: c
                .certified_floor
                .as_ref()
                .and_then(|f| self.percent(f, "certified_floor")),
            mentoring: c.mentoring,
            remove_teachers: self
                .teachers(c.remove_teachers.as_deref(), "remove_teachers")
                .into_iter()
                .collect(),
            remove_certified_percent: c
                .remove_certified_percent
                .as_ref()
                .and_then(|p| self.percent(p, "remove_certified_percent")),
            remove_certified_count: c.remove_certified_count.as_ref().and_then(|n| {
                let limit = certified.unwrap_or(usize::MAX).min(MAX_STUDENTS as usize) as i64;
                self.whole(
                    n,
                    "remove_certified_count",
                    limit,
                    (
                        "the number of certified teachers in the instance",
                        "het aantal gecertificeerde docenten in de instantie",
                    ),
                )
            }),
            max_lessons_per_week: c
                .max_lessons_per_week
                .as_ref()
                .and_then(|n| self.whole(n, "max_lessons_per_week", 1000, ("1000", "1000"))),
            max_lessons_percent: c
                .max_lessons_percent
                .as_ref()
                .and_then(|p| self.percent(p, "max_lessons_percent")),
            certify: certify.into_iter().collect(),
            decertify: decertify.into_iter().collect(),
            add_students: self.cells(c.add_students.as_deref(), false),
            remove_students: self.cells(c.remove_students.as_deref(), true),
            groups_may_close: c.groups_may_close,
            leave: self.leave(c.leave.as_deref()),
            remove_rooms: self.rooms(c.remove_rooms.as_deref()),
            rooms_capacity_percent: c
                .rooms_capacity_percent
                .as_ref()
                .and_then(|p| self.rooms_percent(p)),
        }
    }

    /// `leave`: each teacher in the instance (E610), each `from` a day of the term (E611).
    fn leave(&mut self, list: Option<&[Spanned<LeaveIn>]>) -> Vec<Leave> {
        let mut out = Vec::new();
        for l in list.unwrap_or_default() {
            let l = l.get_ref();
            let id = l.teacher.get_ref().trim();
            let known = match self.instance {
                Some(i) if i.teacher(&TeacherId::new(id)).is_none() => {
                    let ids = || i.teachers.iter().map(|t| t.id.as_str());
                    let (fix, fix_nl) = (
                        suggest::fix_for_id(id, ids()),
                        suggest::fix_for_id_nl(id, ids()),
                    );
                    self.push_nl(
                        ErrorCode::LeaveUnknownTeacher,
                        l.teacher.span(),
                        "leave",
                        (
                            format!("teacher \"{id}\" of leave is not in the instance's teachers.csv"),
                            format!("docent \"{id}\" van leave staat niet in teachers.csv van de instantie"),
                        ),
                        (&fix, &fix_nl),
                    );
                    false
                }
                _ => true,
            };
            let text = l.from.get_ref().trim();
            let term = self
                .instance
                .map(|i| (i.school.term_start, i.school.term_end));
            let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            let within = match (date, term) {
                (Some(d), Some((start, end))) => start <= d && d <= end,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if !within {
                let span = term.map_or_else(String::new, |(s, e)| format!(" ({s} to {e})"));
                let span_nl =
                    term.map_or_else(String::new, |(s, e)| format!(" ({s} tot en met {e})"));
                self.push_nl(
                    ErrorCode::LeaveDateOutsideTerm,
                    l.from.span(),
                    "leave",
                    (
                        format!("from = \"{text}\" of leave is not a day of the term{span}"),
                        format!("from = \"{text}\" van leave is geen dag van de lesperiode{span_nl}"),
                    ),
                    (
                        "write the first day the teacher is gone as YYYY-MM-DD, between the school's term_start and term_end",
                        "schrijf de eerste dag dat de docent weg is als JJJJ-MM-DD, tussen term_start en term_end van de school",
                    ),
                );
            }
            if let (true, true, Some(from)) = (known, within, date) {
                out.push(Leave {
                    teacher: TeacherId::new(id),
                    from,
                });
            }
        }
        out
    }

    /// `remove_rooms`: each a room of the instance's rooms.csv, and not every one of them
    /// (without rooms the school plans no rooms at all): E612.
    fn rooms(&mut self, ids: Option<&[Spanned<String>]>) -> Vec<RoomId> {
        let mut out: Vec<RoomId> = Vec::new();
        let list = ids.unwrap_or_default();
        for id in list {
            let text = id.get_ref().trim();
            if let Some(i) = self.instance
                && i.room(&RoomId::new(text)).is_none()
            {
                let ids = || i.rooms.iter().map(|r| r.id.as_str());
                let (fix, fix_nl) = (
                    suggest::fix_for_id(text, ids()),
                    suggest::fix_for_id_nl(text, ids()),
                );
                self.push_nl(
                    ErrorCode::UnknownRoomInVariation,
                    id.span(),
                    "remove_rooms",
                    (
                        format!("room \"{text}\" of remove_rooms is not in the instance's rooms.csv"),
                        format!("lokaal \"{text}\" van remove_rooms staat niet in rooms.csv van de instantie"),
                    ),
                    (&fix, &fix_nl),
                );
                continue;
            }
            let room = RoomId::new(text);
            if !out.contains(&room) {
                out.push(room);
            }
        }
        if let (Some(i), Some(last)) = (self.instance, list.last())
            && i.has_rooms()
            && i.rooms.iter().all(|r| out.contains(&r.id))
        {
            self.push_nl(
                ErrorCode::UnknownRoomInVariation,
                last.span(),
                "remove_rooms",
                (
                    format!("remove_rooms removes all {} rooms of rooms.csv", i.rooms.len()),
                    format!("remove_rooms haalt alle {} lokalen van rooms.csv weg", i.rooms.len()),
                ),
                (
                    "keep at least one room; to plan without rooms, solve an instance without rooms.csv",
                    "houd ten minste één lokaal; om zonder lokalen te plannen: los een instantie zonder rooms.csv op",
                ),
            );
            out.clear();
        }
        out
    }

    /// `rooms_capacity_percent`: a percentage from 0 to 100 (E613); for a school without
    /// rooms.csv it changes nothing (W601).
    fn rooms_percent(&mut self, v: &Spanned<f64>) -> Option<f64> {
        let x = *v.get_ref();
        if (0.0..=100.0).contains(&x) {
            if self.instance.is_some_and(|i| !i.has_rooms()) {
                self.warn_nl(
                    WarningCode::VariationWithoutEffect,
                    v.span(),
                    "rooms_capacity_percent",
                    (
                        format!("`rooms_capacity_percent = {x}` changes nothing: the instance has no rooms.csv"),
                        format!("`rooms_capacity_percent = {x}` verandert niets: de instantie heeft geen rooms.csv"),
                    ),
                    (
                        "add rooms.csv to the instance to plan with rooms, or leave the variation out",
                        "voeg rooms.csv toe aan de instantie om met lokalen te plannen, of laat de variatie weg",
                    ),
                );
            }
            return Some(x);
        }
        self.push_nl(
            ErrorCode::BadRoomsCapacity,
            v.span(),
            "rooms_capacity_percent",
            (
                format!("`rooms_capacity_percent` is {x}, which is not a percentage from 0 to 100"),
                format!("`rooms_capacity_percent` is {x}, geen percentage van 0 tot en met 100"),
            ),
            (
                "give the share of every room's seats that remains, e.g. 80 for 80%",
                "geef het deel van de plaatsen van elk lokaal dat overblijft, bijvoorbeeld 80 voor 80%",
            ),
        );
        None
    }

    /// A rule set reference: resolved once, and its validity checked against the lessons.
    fn rules_ref(&mut self, r: &Spanned<String>) {
        let reference = r.get_ref().clone();
        if self.rule_sets.contains_key(&reference) {
            return;
        }
        let origin = at_span_error(self, ErrorCode::UnknownRuleSet, r.span(), "rules");
        match crate::rules::resolve(&reference, self.base_dir, origin) {
            Ok(rules) => {
                if let Some(instance) = self.instance {
                    let dates: Vec<_> = instance
                        .lessons()
                        .iter()
                        .map(|l| l.date)
                        .filter(|d| !rules.covers(*d))
                        .collect();
                    if let Some(first) = dates.iter().min() {
                        self.push_nl(
                            ErrorCode::OutsideRuleValidity,
                            r.span(),
                            "rules",
                            (
                                format!("rule set {} applies {}, but {} lesson(s) of the instance fall outside it, the first on {first}", rules.name, rules.validity(), dates.len()),
                                format!("regeling {} geldt {}, maar {} les(sen) van de instantie vallen erbuiten, de eerste op {first}", rules.name, rules.validity_nl(), dates.len()),
                            ),
                            (
                                "compare rule sets on a term they both cover, or use a rule set file with other dates",
                                "vergelijk regelingen over een lesperiode waarin ze allebei gelden, of gebruik een regelbestand met andere datums",
                            ),
                        );
                    }
                }
                self.rule_sets.insert(reference, rules);
            }
            Err(problems) => self.diags.extend(problems),
        }
    }

    fn percent(&mut self, v: &Spanned<f64>, key: &str) -> Option<f64> {
        let x = *v.get_ref();
        if (0.0..=100.0).contains(&x) {
            return Some(x);
        }
        self.push_nl(
            ErrorCode::BadVariation,
            v.span(),
            key,
            (
                format!("`{key}` is {x}, which is not a percentage from 0 to 100"),
                format!("`{key}` is {x}, geen percentage van 0 tot en met 100"),
            ),
            (
                "give a percentage, e.g. 20 for 20%",
                "geef een percentage, bijvoorbeeld 20 voor 20%",
            ),
        );
        None
    }

    /// `what` names the limit in English and in Dutch.
    fn whole(
        &mut self,
        v: &Spanned<i64>,
        key: &str,
        limit: i64,
        (what, what_nl): (&str, &str),
    ) -> Option<u32> {
        let x = *v.get_ref();
        if (0..=limit).contains(&x) {
            return u32::try_from(x).ok();
        }
        self.push_nl(
            ErrorCode::BadVariation,
            v.span(),
            key,
            (
                format!("`{key}` is {x}; it must be a whole number from 0 to {limit}"),
                format!("`{key}` is {x}; het moet een geheel getal van 0 tot en met {limit} zijn"),
            ),
            (
                &format!("keep it at or below {what}"),
                &format!("houd het op of onder {what_nl}"),
            ),
        );
        None
    }

    fn teachers(&mut self, ids: Option<&[Spanned<String>]>, key: &str) -> BTreeSet<TeacherId> {
        let mut out = BTreeSet::new();
        for id in ids.unwrap_or_default() {
            let text = id.get_ref().trim();
            if let Some(i) = self.instance
                && i.teacher(&TeacherId::new(text)).is_none()
            {
                let ids = || i.teachers.iter().map(|t| t.id.as_str());
                let (fix, fix_nl) = (
                    suggest::fix_for_id(text, ids()),
                    suggest::fix_for_id_nl(text, ids()),
                );
                self.push_nl(
                    ErrorCode::UnknownTeacher,
                    id.span(),
                    key,
                    (
                        format!("teacher \"{text}\" is not in the instance's teachers.csv"),
                        format!("docent \"{text}\" staat niet in teachers.csv van de instantie"),
                    ),
                    (&fix, &fix_nl),
                );
                continue;
            }
            out.insert(TeacherId::new(text));
        }
        out
    }

    fn cells(&mut self, cells: Option<&[Spanned<CellIn>]>, removing: bool) -> Vec<Cell> {
        let mut out = Vec::new();
        for c in cells.unwrap_or_default() {
            let c = c.get_ref();
            if let Some(count) = self.check_cell(&c.location, &c.profile, Some(&c.count), removing)
            {
                out.push(Cell {
                    location: c.location.get_ref().trim().into(),
                    profile: c.profile.get_ref().trim().into(),
                    count,
                });
            }
        }
        out
    }

    /// Checks a location and profile (and count) against the instance; the count when good.
    pub(super) fn check_cell(
        &mut self,
        location: &Spanned<String>,
        profile: &Spanned<String>,
        count: Option<&Spanned<i64>>,
        removing: bool,
    ) -> Option<u32> {
        let key = if removing {
            "remove_students"
        } else {
            "add_students"
        };
        let (l, p) = (location.get_ref().trim(), profile.get_ref().trim());
        let mut ok = true;
        if let Some(i) = self.instance {
            if !i.school.locations.iter().any(|x| x.as_str() == l) {
                let names = || i.school.locations.iter().map(|x| x.as_str());
                let (fix, fix_nl) = (
                    suggest::fix_for(l, names()),
                    suggest::fix_for_nl(l, names()),
                );
                self.push_nl(
                    ErrorCode::UnknownLocation,
                    location.span(),
                    key,
                    (
                        format!("location \"{l}\" is not one of the instance's locations"),
                        format!("locatie \"{l}\" is geen van de locaties van de instantie"),
                    ),
                    (&fix, &fix_nl),
                );
                ok = false;
            }
            if !i.school.profiles.contains_key(&Profile::new(p)) {
                let names = || i.school.profiles.keys().map(|x| x.as_str());
                let (fix, fix_nl) = (
                    suggest::fix_for(p, names()),
                    suggest::fix_for_nl(p, names()),
                );
                self.push_nl(
                    ErrorCode::UnknownProfile,
                    profile.span(),
                    key,
                    (
                        format!("profile \"{p}\" is not one of the instance's profiles"),
                        format!("profiel \"{p}\" is geen van de profielen van de instantie"),
                    ),
                    (&fix, &fix_nl),
                );
                ok = false;
            }
        }
        let Some(count) = count else {
            return ok.then_some(0);
        };
        let here = self.instance.map(|i| {
            i.students
                .iter()
                .filter(|s| {
                    s.profile.as_str() == p && s.locations.first().is_some_and(|x| x.as_str() == l)
                })
                .count() as i64
        });
        let limit = match here {
            Some(n) if removing => n,
            _ => MAX_STUDENTS,
        };
        let (what, what_nl) = if removing {
            (
                format!("the {limit} students of profile {p} living at {l}"),
                format!("de {limit} cursisten met profiel {p} die in {l} wonen"),
            )
        } else {
            (MAX_STUDENTS.to_string(), MAX_STUDENTS.to_string())
        };
        let n = self.whole(count, "count", limit, (&what, &what_nl))?;
        ok.then_some(n)
    }
}

fn at_span_error(
    cx: &Cx<'_>,
    code: ErrorCode,
    span: std::ops::Range<usize>,
    field: &str,
) -> Diagnostic {
    crate::input::toml_support::at_span(
        Diagnostic::error(code, cx.file, String::new()).field(field),
        cx.src,
        span,
    )
}
