//! `groups.csv`: profiles, slots, dates against the term, the calendar and the rule set.

use super::refs::{self, Names};
use crate::diag::{Diagnostics, ErrorCode};
use crate::domain::{CourseCode, Group, Instance, RuleSet, Slot};
use crate::input::Rows;
use crate::input::groups::GroupRow;
use crate::rules;
use chrono::Days;

/// Validates the groups; returns the good ones. `calendar` is an instance with the school
/// only (for [`Instance::lessons_of`]); `None` when the term is unknown.
pub fn validate(
    rows: &Rows<GroupRow>,
    names: &Names,
    calendar: Option<&Instance>,
    rules: Option<&RuleSet>,
    diags: &mut Diagnostics,
) -> Vec<Group> {
    refs::duplicates_in(rows, |g| &g.course_code, "course code", diags);
    rows.rows
        .iter()
        .filter_map(|row| group(row, names, calendar, rules, diags))
        .collect()
}

fn group(
    row: &GroupRow,
    names: &Names,
    calendar: Option<&Instance>,
    rules: Option<&RuleSet>,
    diags: &mut Diagnostics,
) -> Option<Group> {
    let profile = refs::profile(&row.profile, &row.profile.text, names, diags);
    let location = refs::location(&row.location, &row.location.text, names, diags);
    let slots = refs::slots(&row.slots, names, diags);
    // Each alternative is a week of its own: a slot in two of them is no clash.
    let mut choices: Vec<Vec<Slot>> = Vec::new();
    if slots.is_some() {
        for a in &row.alternatives {
            let field = crate::input::cells::Field {
                value: a.clone(),
                cell: row.slots.cell.clone(),
            };
            let mut quiet = Diagnostics::default();
            if let Some(mut list) = refs::slots(&field, names, &mut quiet) {
                list.sort();
                choices.push(list);
            }
        }
        for a in &choices {
            overlapping_slots(row, a, names, diags);
        }
    }
    if let Some(slots) = slots.as_ref().filter(|_| choices.is_empty()) {
        overlapping_slots(row, slots, names, diags);
    }
    let school = calendar.map(|c| &c.school);
    let start = row.start.value.or(school.map(|s| s.term_start));
    let end = row.end.value.or(school.map(|s| s.term_end));
    let (start, end) = (start?, end?);
    if end < start {
        diags.push(
            row.end
                .cell
                .error(
                    ErrorCode::EndBeforeStart,
                    format!("the group ends on {end} but starts on {start}"),
                )
                .fix("correct start or end, or leave them empty for the term's dates")
                .nl(format!("de groep eindigt op {end} maar begint op {start}"))
                .fix_nl("verbeter start of end, of laat ze leeg voor de data van de lesperiode"),
        );
        return None;
    }
    let mut in_term = true;
    if let Some(s) = school {
        for (date, field, when, when_nl) in [
            (start, &row.start, "starts", "begint"),
            (end, &row.end, "ends", "eindigt"),
        ] {
            if date < s.term_start || date > s.term_end {
                in_term = false;
                diags.push(
                    field
                        .cell
                        .error(
                            ErrorCode::OutsideTerm,
                            format!(
                                "group {} {when} on {date}, outside the term {} to {}",
                                row.course_code.text, s.term_start, s.term_end
                            ),
                        )
                        .fix("choose a date within the term, leave it empty for the term's date, or change the term in school.toml")
                        .nl(format!(
                            "groep {} {when_nl} op {date}, buiten de lesperiode van {} tot en met {}",
                            row.course_code.text, s.term_start, s.term_end
                        ))
                        .fix_nl("kies een datum binnen de lesperiode, laat het veld leeg voor de datum van de lesperiode, of pas de lesperiode aan in school.toml"),
                );
            }
        }
    }
    if let (Some(p), Some(r)) = (&profile, rules) {
        let class = school.map_or(p.as_str(), |s| s.size_class(p));
        if let Some(limits) = r.size_classes.get(class)
            && row.min_size.value > limits.temporary_max
        {
            diags.push(
                row.min_size
                    .cell
                    .error(
                        ErrorCode::MinSizeTooLarge,
                        format!(
                            "min_size {} is above {}, the largest size rule set {} allows for {class}",
                            row.min_size.value, limits.temporary_max, r.name
                        ),
                    )
                    .fix(format!("set min_size to at most {}", limits.temporary_max))
                    .nl(format!(
                        "min_size {} is groter dan {}, de grootste groep die regeling {} voor {class} toestaat",
                        row.min_size.value, limits.temporary_max, r.name
                    ))
                    .fix_nl(format!("zet min_size op ten hoogste {}", limits.temporary_max)),
            );
        }
    }
    let group = Group {
        course_code: CourseCode::new(row.course_code.text.as_str()),
        location: location?,
        profile: profile?,
        law: row.law,
        slots: {
            let mut s = slots?;
            s.sort();
            s
        },
        choices,
        start,
        end,
        optional: row.optional,
        min_size: row.min_size.value,
    };
    // Outside the term the lessons say nothing new (E403 is reported), and a mistyped year
    // would make the calendar walk thousands of years.
    if let Some(cal) = calendar.filter(|_| in_term) {
        let lessons = cal.lessons_of(&group);
        if lessons.is_empty() {
            diags.push(
                row.course_code
                    .error(ErrorCode::GroupWithoutLessons, format!(
                        "group {} has no lesson dates: between {start} and {end} no day with one of its slots is open",
                        group.course_code
                    ))
                    .fix("check the slots' days, the group's start and end, and the closed periods in school.toml")
                    .nl(format!(
                        "groep {} heeft geen lesdata: tussen {start} en {end} is er geen open dag met een van haar lesmomenten",
                        group.course_code
                    ))
                    .fix_nl("kijk de dagen van de lesmomenten na, het begin en einde van de groep, en de gesloten periodes in school.toml"),
            );
        }
        // Chosen, an alternative without dates would run the group without a lesson.
        for (k, a) in group.choices.iter().enumerate() {
            if !lessons.is_empty() && !lessons.iter().any(|l| a.contains(&l.slot)) {
                let names: Vec<String> = a.iter().map(ToString::to_string).collect();
                let names = names.join(";");
                diags.push(
                    row.slots
                        .cell
                        .error(ErrorCode::AlternativeWithoutLessons, format!(
                            "alternative {} of group {} ({names}) has no lesson dates: between {start} and {end} no day with one of its slots is open",
                            k + 1, group.course_code
                        ))
                        .fix("remove the alternative, or give it slots on days the group can meet")
                        .nl(format!(
                            "alternatief {} van groep {} ({names}) heeft geen lesdata: tussen {start} en {end} is er geen open dag met een van haar lesmomenten",
                            k + 1, group.course_code
                        ))
                        .fix_nl("haal het alternatief weg, of geef het lesmomenten op dagen waarop de groep les kan hebben"),
                );
            }
        }
        if let Some(r) = rules {
            let outside: Vec<_> = lessons.iter().filter(|l| !r.covers(l.date)).collect();
            if let Some(first) = outside.first() {
                let dates: Vec<_> = lessons.iter().map(|l| l.date).collect();
                let [fix_en, fix_nl] = validity_fix(r, &dates, first.date);
                diags.push(
                    row.course_code
                        .error(
                            ErrorCode::OutsideRuleValidity,
                            format!(
                                "group {} has {} lesson(s) outside the validity of rule set {} ({}), the first on {}",
                                group.course_code,
                                outside.len(),
                                r.name,
                                r.validity(),
                                first.date
                            ),
                        )
                        .fix(fix_en)
                        .nl(format!(
                            "groep {} heeft {} les(sen) buiten de geldigheid van regeling {} ({}), de eerste op {}",
                            group.course_code,
                            outside.len(),
                            r.name,
                            r.validity_nl(),
                            first.date
                        ))
                        .fix_nl(fix_nl),
                );
            }
        }
    }
    Some(group)
}

/// What to do about lessons outside a rule set's validity, in English and in Dutch: another
/// rule set that covers them, or dates that fit.
fn validity_fix(r: &RuleSet, dates: &[chrono::NaiveDate], first: chrono::NaiveDate) -> [String; 2] {
    let others: Vec<String> = rules::builtins()
        .into_iter()
        .filter(|o| o.name != r.name && dates.iter().all(|d| o.covers(*d)))
        .map(|o| o.name)
        .collect();
    let choose = if others.is_empty() {
        [
            "choose a rule set valid on these dates with --rules".to_string(),
            "kies met --rules een regeling die op deze data geldt".to_string(),
        ]
    } else {
        [
            format!("choose rule set {} with --rules", others.join(" or ")),
            format!("kies met --rules regeling {}", others.join(" of ")),
        ]
    };
    let [en, nl] = choose;
    let name = &r.name;
    match r.valid_until {
        Some(until) if first > until => {
            let ended = until.checked_add_days(Days::new(1)).unwrap_or(until);
            [
                format!("rule set {name} ended on {ended}: {en}, or end the group by {until}"),
                format!(
                    "regeling {name} is op {ended} afgelopen: {nl}, of laat de groep uiterlijk op {until} eindigen"
                ),
            ]
        }
        _ => {
            let from = r.valid_from;
            [
                format!(
                    "rule set {name} applies from {from}: {en}, or start the group on or after {from}"
                ),
                format!(
                    "regeling {name} geldt vanaf {from}: {nl}, of laat de groep op of na {from} beginnen"
                ),
            ]
        }
    }
}

/// E409: the same slot twice, or two slots on one day whose blocks overlap in time.
fn overlapping_slots(row: &GroupRow, slots: &[Slot], names: &Names, diags: &mut Diagnostics) {
    let blocks = names.blocks.as_deref().unwrap_or_default();
    let time = |s: &Slot| blocks.iter().find(|b| b.name == s.block).map(|b| b.time);
    for (i, a) in slots.iter().enumerate() {
        for b in slots.iter().skip(i + 1) {
            let clash = a == b
                || (a.day == b.day
                    && matches!((time(a), time(b)), (Some(x), Some(y)) if x.overlaps(&y)));
            if clash {
                let (what, what_nl) = if a == b {
                    (
                        format!("slot {a} is listed twice"),
                        format!("lesmoment {a} staat er twee keer"),
                    )
                } else {
                    (
                        format!("slots {a} and {b} overlap in time"),
                        format!("lesmomenten {a} en {b} overlappen in tijd"),
                    )
                };
                diags.push(
                    row.slots
                        .cell
                        .error(ErrorCode::DuplicateSlot, format!("group {}: {what}", row.course_code.text))
                        .fix("list each weekly lesson once, in blocks that do not overlap on the same day")
                        .nl(format!("groep {}: {what_nl}", row.course_code.text))
                        .fix_nl("noem elke wekelijkse les één keer, in blokken die op dezelfde dag niet overlappen"),
                );
            }
        }
    }
}
