//! The JSON the page's script draws the week timetables from.

use crate::domain::{Instance, Schedule};
use crate::report::Lang;
use chrono::{Datelike, NaiveDate};
use serde_json::json;
use std::collections::BTreeMap;

/// What the week timetables are drawn from.
pub(super) fn page_data(instance: &Instance, schedule: &Schedule, lang: Lang) -> serde_json::Value {
    let week_of = |d: NaiveDate| {
        let w = d.iso_week();
        format!("{}-W{:02}", w.year(), w.week())
    };
    let mut weeks: BTreeMap<String, NaiveDate> = BTreeMap::new();
    let mut days = std::collections::BTreeSet::new();
    let lesson = |date: NaiveDate| {
        let monday =
            date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
        (week_of(date), monday, date.weekday().num_days_from_monday())
    };
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let rooms = instance.has_rooms();
    let mut lessons = Vec::new();
    for r in &schedule.timetable {
        let (w, monday, wd) = lesson(r.date);
        weeks.insert(w.clone(), monday);
        days.insert(wd);
        let teacher = r.teacher.as_ref().and_then(|id| instance.teacher(id));
        lessons.push(json!({
            "w": w, "wd": wd, "d": r.date, "s": hhmm(r.time.start), "e": hhmm(r.time.end),
            "c": r.course_code, "l": r.location,
            "t": r.teacher.as_ref().map_or("", |t| t.as_str()),
            "tn": teacher.map_or("", |t| t.name.as_str()),
            "cert": teacher.is_some_and(|t| t.is_certified()),
        }));
        // The room only for a school with rooms: without, the data stay as they were.
        if let (true, Some(serde_json::Value::Object(o))) = (rooms, lessons.last_mut()) {
            let room = r.room.as_ref().map_or("", |x| x.as_str());
            o.insert("r".into(), room.into());
        }
    }
    let observations: Vec<_> = schedule
        .observations
        .iter()
        .map(|o| {
            let (w, _, wd) = lesson(o.date);
            let observed = instance.teacher(&o.observed);
            json!({
                "w": w, "wd": wd, "d": o.date, "s": hhmm(o.time.start), "e": hhmm(o.time.end),
                "c": o.course_code, "t": o.teacher, "o": o.observed,
                "tn": observed.map_or("", |t| t.name.as_str()),
                "l": instance.group(&o.course_code).map_or("", |g| g.location.as_str()),
                "cert": observed.is_some_and(|t| t.is_certified()),
            })
        })
        .collect();
    let month = |d: NaiveDate| {
        let names = match lang {
            Lang::Nl => [
                "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
            ],
            Lang::En => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
        };
        format!("{} {}", d.day(), names[d.month0() as usize])
    };
    let weeks: Vec<_> = weeks
        .into_iter()
        .map(|(key, monday)| {
            let dates: Vec<String> = (0..7).map(|k| month(monday + chrono::Duration::days(k))).collect();
            json!({ "key": key, "label": format!("{} {} ({})", lang.pick("week", "week"), monday.iso_week().week(), month(monday)), "dates": dates })
        })
        .collect();
    let mut shown: Vec<u32> = (0..5).collect();
    shown.extend(days.into_iter().filter(|d| *d >= 5));
    let mut data = json!({
        "days": shown,
        "weeks": weeks,
        "blocks": instance.school.blocks.iter().map(|b| json!({"name": b.name, "start": hhmm(b.time.start), "end": hhmm(b.time.end)})).collect::<Vec<_>>(),
        "lessons": lessons,
        "observations": observations,
        "locations": instance.school.locations,
        "groups": instance.groups.iter().map(|g| json!({"code": g.course_code, "location": g.location, "profile": g.profile})).collect::<Vec<_>>(),
        "teachers": instance.teachers.iter().map(|t| json!({"id": t.id, "name": t.name, "cert": t.is_certified()})).collect::<Vec<_>>(),
        "labels": {
            "dayNames": match lang {
                Lang::Nl => ["ma", "di", "wo", "do", "vr", "za", "zo"],
                Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            },
            "block": lang.pick("blok", "block"),
            "observes": lang.pick("observeert", "observes"),
            "certified": lang.pick("gecertificeerde docent", "certified teacher"),
            "notCertified": lang.pick("niet-gecertificeerde docent", "non-certified teacher"),
            "none": lang.pick("geen lessen deze week", "no lessons this week"),
            "lessons": lang.pick("lessen", "lessons"),
            "emptyWeek": lang.pick("Deze link vraagt week {week}: in die week zijn er geen lessen voor deze keuze.", "This link asks for week {week}: there are no lessons in that week for this choice."),
            "unknownWeek": lang.pick("Deze link vraagt week {week}: in die week staan geen lessen in het rooster (buiten de periode of een vakantie); de eerste week wordt getoond.", "This link asks for week {week}: the schedule has no lessons in that week (outside the term or a holiday); the first week is shown."),
        },
    });
    if let (true, serde_json::Value::Object(o)) = (rooms, &mut data) {
        let list: Vec<_> = instance
            .rooms
            .iter()
            .map(|r| json!({"id": r.id, "location": r.location, "capacity": r.capacity}))
            .collect();
        o.insert("rooms".into(), list.into());
        o.insert("roomLabel".into(), lang.pick("lokaal", "room").into());
    }
    data
}
