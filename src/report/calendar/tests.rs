//! Teacher calendars: the demo's golden file, a parse back, RFC 5545 text rules and
//! determinism.

use super::*;
use crate::domain::{ObservationRow, Schedule};
use crate::testing::assert_golden;
use chrono::{Datelike, Duration, Weekday};
use icalendar::parser::{Component as Parsed, read_calendar, unfold};
use std::collections::BTreeSet;

fn demo() -> (Instance, Schedule) {
    let (instance, _, schedule, _) = crate::testing::demo();
    (instance, schedule)
}

fn calendar<'a>(files: &'a [(String, String)], teacher: &str) -> &'a str {
    let name = format!("calendars/{}.ics", safe_file_name(teacher));
    files
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

fn prop<'a>(c: &'a Parsed<'a>, name: &str) -> &'a str {
    c.find_prop(name)
        .map(|p| p.val.as_str())
        .unwrap_or_else(|| panic!("{} has no {name}", c.name.as_str()))
}

fn events<'a>(components: &'a [Parsed<'a>]) -> Vec<&'a Parsed<'a>> {
    components.iter().filter(|c| c.name == "VEVENT").collect()
}

#[test]
fn demo_calendar_of_certified_teacher_t01_matches_the_golden_file() {
    let (instance, schedule) = demo();
    assert!(
        instance
            .teacher(&"T01".into())
            .is_some_and(|t| t.is_certified())
    );
    let files = teacher_calendars(&instance, &schedule, Lang::Nl).expect("calendars");
    assert_golden("calendar-T01.ics", calendar(&files, "T01"));
}

#[test]
fn t01_calendar_parses_back_with_one_timezone_and_one_local_event_per_lesson() {
    let (instance, schedule) = demo();
    let files = teacher_calendars(&instance, &schedule, Lang::Nl).expect("calendars");
    let text = calendar(&files, "T01");
    let unfolded = unfold(text);
    let parsed = read_calendar(&unfolded).expect("the calendar parses");
    assert_eq!(prop_of(&parsed.properties, "VERSION"), "2.0");

    let zones: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(zones.len(), 1, "exactly one VTIMEZONE");
    assert_eq!(prop(zones[0], "TZID"), TZID);
    let kinds: Vec<&str> = zones[0]
        .components
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(kinds, ["DAYLIGHT", "STANDARD"]);
    assert!(zones[0].find_prop("DTSTAMP").is_none() && zones[0].find_prop("UID").is_none());

    let mut lessons: Vec<_> = schedule
        .timetable
        .iter()
        .filter(|r| r.teacher.as_ref().is_some_and(|t| t.as_str() == "T01"))
        .map(|r| {
            r.date
                .and_time(r.time.start)
                .format("%Y%m%dT%H%M%S")
                .to_string()
        })
        .collect();
    lessons.sort();
    let events = events(&parsed.components);
    assert_eq!(events.len(), lessons.len());
    assert!(lessons.len() >= 10, "T01 teaches in the demo");
    let starts: Vec<&str> = events.iter().map(|e| prop(e, "DTSTART")).collect();
    assert_eq!(starts, lessons, "one event per lesson, in date order");
    for e in &events {
        for key in ["DTSTART", "DTEND"] {
            let p = e.find_prop(key).expect("start and end");
            let tzid = p.params.iter().find(|q| q.key == "TZID");
            assert_eq!(
                tzid.and_then(|q| q.val.as_ref()).map(|v| v.as_str()),
                Some(TZID)
            );
        }
        assert_eq!(
            prop(e, "DTSTAMP"),
            "20250901T000000Z",
            "term start, not the clock"
        );
        assert!(prop(e, "SUMMARY").starts_with("NT2 "));
        assert!(prop(e, "DESCRIPTION").contains("Gecertificeerd: ja"));
    }
    let uids: BTreeSet<&str> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");

    let begins = text.lines().filter(|l| l.starts_with("BEGIN:")).count();
    let ends = text.lines().filter(|l| l.starts_with("END:")).count();
    assert_eq!(begins, ends);
    assert_eq!(begins, 1 + 3 + events.len());
}

fn prop_of<'a>(props: &'a [icalendar::parser::Property<'a>], name: &str) -> &'a str {
    props
        .iter()
        .find(|p| p.name == name)
        .map_or("", |p| p.val.as_str())
}

#[test]
fn lines_end_in_crlf_and_fold_at_75_octets() {
    let (mut instance, schedule) = demo();
    // A long name with multi-byte characters makes long DESCRIPTION lines.
    if let Some(t) = instance
        .teachers
        .iter_mut()
        .find(|t| t.id.as_str() == "T01")
    {
        t.name = "Ánna-Żofia de Vriës van den Berghe tot Nijenrode en Oud-Sticht".repeat(2);
    }
    let files = teacher_calendars(&instance, &schedule, Lang::Nl).expect("calendars");
    let text = calendar(&files, "T01");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert!(
        lines.iter().all(|l| !l.contains('\n') && !l.contains('\r')),
        "CRLF only"
    );
    assert!(
        lines.iter().all(|l| l.len() <= 75),
        "no line over 75 octets"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(' ')),
        "long lines were folded"
    );
    let parsed_text = unfold(text);
    let parsed = read_calendar(&parsed_text).expect("parses");
    let description = prop(events(&parsed.components)[0], "DESCRIPTION");
    assert!(
        description.contains("Nijenrode en Oud-StichtÁnna"),
        "{description}"
    );
}

#[test]
fn commas_semicolons_and_newlines_in_names_and_course_codes_are_escaped() {
    let (mut instance, mut schedule) = demo();
    let name = "Anna, de; Vries\r\nJr";
    let code = "B1,UTR;01\nX";
    if let Some(t) = instance
        .teachers
        .iter_mut()
        .find(|t| t.id.as_str() == "T01")
    {
        t.name = name.to_string();
    }
    for g in &mut instance.groups {
        if g.course_code.as_str() == "B1-UTR-01" {
            g.course_code = code.into();
        }
    }
    for r in &mut schedule.timetable {
        if r.course_code.as_str() == "B1-UTR-01" {
            r.course_code = code.into();
            r.teacher = Some("T01".into());
        }
    }
    let files = teacher_calendars(&instance, &schedule, Lang::Nl).expect("calendars");
    let text = calendar(&files, "T01");
    let unfolded = unfold(text);
    assert!(
        unfolded.contains("SUMMARY:NT2 B1\\,UTR\\;01\\nX (B1-route)"),
        "{text}"
    );
    assert!(
        unfolded.contains("Anna\\, de\\; Vries\\nJr (T01)"),
        "{text}"
    );
    assert!(unfolded.contains("X-WR-CALNAME;VALUE=TEXT:NT2-rooster Anna\\, de\\; Vries\\nJr"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        let known = line.starts_with(' ')
            || line.split([':', ';']).next().is_some_and(|key| {
                !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '-' || c.is_ascii_digit())
            });
        assert!(known, "a value broke out of its line: {line:?}");
    }
    let parsed = read_calendar(&unfolded).expect("parses");
    let events = events(&parsed.components);
    let summary = events
        .iter()
        .map(|e| prop(e, "SUMMARY"))
        .find(|s| s.contains("UTR;01"))
        .expect("the renamed course");
    assert_eq!(
        summary, "NT2 B1,UTR;01\nX (B1-route)",
        "unescapes to the original"
    );
    let description = prop(events[0], "DESCRIPTION");
    assert!(
        description.contains("Docent: Anna, de; Vries\nJr (T01)"),
        "{description}"
    );
    let uid = prop(events[0], "UID");
    assert!(
        uid.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.@".contains(c)),
        "{uid}"
    );
}

#[test]
fn the_same_input_gives_byte_identical_calendars() {
    let (instance, schedule) = demo();
    let a = teacher_calendars(&instance, &schedule, Lang::Nl).expect("first");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = teacher_calendars(&instance, &schedule, Lang::Nl).expect("second");
    assert_eq!(a, b);
}

#[test]
fn every_teacher_who_teaches_or_observes_gets_a_calendar_by_id() {
    let (instance, mut schedule) = demo();
    schedule.observations.push(ObservationRow {
        teacher: "T02".into(),
        course_code: "B1-UTR-01".into(),
        date: NaiveDate::from_ymd_opt(2025, 9, 1).expect("date"),
        time: schedule.timetable[0].time,
        observed: "T04".into(),
    });
    let files = teacher_calendars(&instance, &schedule, Lang::Nl).expect("calendars");
    let expected: Vec<String> = schedule
        .timetable
        .iter()
        .filter_map(|r| r.teacher.as_ref().map(|t| t.to_string()))
        .chain(["T02".to_string()])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|t| format!("calendars/{t}.ics"))
        .collect();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, expected);

    let parsed_text = unfold(calendar(&files, "T02"));
    let parsed = read_calendar(&parsed_text).expect("parses");
    let observation = events(&parsed.components)
        .into_iter()
        .find(|e| prop(e, "SUMMARY").starts_with("Observatie"))
        .expect("the observation is in the observer's calendar");
    assert_eq!(
        prop(observation, "SUMMARY"),
        "Observatie: les van Dirk Visser (B1-UTR-01)"
    );
    assert_eq!(prop(observation, "LOCATION"), "Utrecht");
    assert_eq!(
        prop(observation, "UID"),
        format!(
            "20250901-{}-B1-UTR-01.T02.obs@nt2plan",
            schedule.timetable[0].time.start.format("%H%M")
        )
    );
    assert!(prop(observation, "DESCRIPTION").contains("Gecertificeerd: ja"));
}

#[test]
fn english_calendars_say_course_code_profile_and_certified_in_english() {
    let (instance, schedule) = demo();
    let files = teacher_calendars(&instance, &schedule, Lang::En).expect("calendars");
    let parsed_text = unfold(calendar(&files, "T02"));
    let parsed = read_calendar(&parsed_text).expect("parses");
    let event = events(&parsed.components)[0];
    let description = prop(event, "DESCRIPTION");
    assert!(description.starts_with("Course code: "), "{description}");
    assert!(description.contains("Profile: "));
    assert!(
        description.ends_with("Certified: no"),
        "T02 is not certified"
    );
    assert!(prop_of(&parsed.properties, "X-WR-CALNAME").starts_with("NT2 timetable Bram Jansen"));
}

#[test]
fn the_timezone_rules_start_on_the_last_sunday_of_march_and_october() {
    for (line, month, hour) in [
        ("DTSTART:19700329T020000", 3, 2),
        ("DTSTART:19701025T030000", 10, 3),
    ] {
        assert!(VTIMEZONE.contains(&line));
        let at = chrono::NaiveDateTime::parse_from_str(&line[8..], "%Y%m%dT%H%M%S").expect("time");
        assert_eq!(at.date().weekday(), Weekday::Sun);
        assert_eq!(at.date().month(), month);
        assert_ne!(
            (at.date() + Duration::days(7)).month(),
            month,
            "the last Sunday"
        );
        assert_eq!(chrono::Timelike::hour(&at), hour);
    }
}

#[test]
fn a_lesson_listed_twice_still_gets_unique_uids() {
    let (instance, mut schedule) = demo();
    let twice = schedule
        .timetable
        .iter()
        .find(|r| r.teacher.as_ref().is_some_and(|t| t.as_str() == "T01"))
        .cloned()
        .expect("T01 teaches");
    schedule.timetable.push(twice);
    let files = teacher_calendars(&instance, &schedule, Lang::Nl).expect("calendars");
    let parsed_text = unfold(calendar(&files, "T01"));
    let parsed = read_calendar(&parsed_text).expect("parses");
    let events = events(&parsed.components);
    let uids: BTreeSet<&str> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), events.len());
    assert!(uids.iter().any(|u| u.ends_with(".2@nt2plan")), "{uids:?}");
}

#[test]
fn with_rooms_the_location_names_the_room_and_without_it_stays_the_location() {
    let (instance, mut schedule) = demo();
    let first = schedule.timetable[0].clone();
    let teacher = first
        .teacher
        .clone()
        .expect("the demo's first lesson is given");
    schedule.timetable[0].room = Some(RoomId::new("UTR-1.01"));
    let files = teacher_calendars(&instance, &schedule, Lang::Nl).expect("calendars");
    let text = unfold(calendar(&files, teacher.as_str()));
    let parsed = read_calendar(&text).expect("parses");
    let locations: Vec<&str> = events(&parsed.components)
        .into_iter()
        .map(|e| prop(e, "LOCATION"))
        .collect();
    assert!(
        locations.iter().any(|l| l.contains("lokaal UTR-1.01")),
        "{locations:?}"
    );
    assert!(
        locations.iter().any(|l| *l == first.location.as_str()),
        "the other lessons: the location alone: {locations:?}"
    );
}
