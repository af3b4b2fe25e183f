//! One iCalendar file (RFC 5545) per teacher: their lessons and the lessons they observe,
//! to import into Outlook, Google Calendar or Apple Calendar.
//!
//! Times are local school times, written as `DTSTART;TZID=Europe/Amsterdam:...`, and every
//! file carries the `VTIMEZONE` that defines that zone (CET/CEST with the EU's rules), as
//! RFC 5545 section 3.2.19 demands for every `TZID` used.
//!
//! The `icalendar` crate builds the calendar properties and the events: it escapes text
//! values (`\,`, `\;`, `\n`), folds lines at 75 octets and ends them with CRLF. It has no
//! time zone component, and a custom component made through its API gets a `DTSTAMP` of
//! the wall clock and a random `UID` on output, which a `VTIMEZONE` must not have and which
//! would make the file differ on every run. So the fixed `VTIMEZONE` text below is placed
//! between the calendar's properties and its first event.
//!
//! Deterministic: the same instance and schedule give byte-identical files. Nothing reads
//! the clock: `DTSTAMP`, which RFC 5545 requires on every event, is the school's
//! `term_start` at 00:00:00 UTC, and each `UID` is made from the lesson's identity alone
//! (`<yyyymmdd>-<HHMM>-<course>@nt2plan`: date, start and group, not the teacher), so it
//! stays the same when a calendar is exported again or the lesson gets another teacher, and
//! a calendar program updates the event instead of doubling it.
//!
//! A replan's calendars ([`replan_calendars`], `revised.rs`) say what changed: the event of a
//! lesson whose teacher changed gets a higher `SEQUENCE` in the new teacher's file, and the
//! old teacher's file gets a `STATUS:CANCELLED` event of the same UID and `SEQUENCE` (the
//! cancellation of RFC 5546, in a file that stays `METHOD:PUBLISH` because it also carries
//! the teacher's other lessons, as RFC 5546 allows for `PUBLISH`).

use super::{Lang, safe_file_name};
use crate::domain::{CourseCode, Instance, RoomId, Schedule, TeacherId, TimeRange};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, Property};
use std::collections::BTreeMap;

mod revised;
pub use revised::{Revision, replan_calendars};

/// The time zone every lesson time is in.
pub const TZID: &str = "Europe/Amsterdam";

/// The definition of [`TZID`]: CET (+0100) from the last Sunday of October 03:00, CEST
/// (+0200) from the last Sunday of March 02:00 (the EU rules since 1996). The first onsets
/// are in 1970 so that every lesson date falls under a rule.
const VTIMEZONE: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "X-LIC-LOCATION:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// What can go wrong while writing a calendar.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    #[error("cannot write the calendar of teacher {teacher}: {source}")]
    Format {
        teacher: String,
        #[source]
        source: std::fmt::Error,
    },
    #[error("the calendar of teacher {teacher} does not end with END:VCALENDAR")]
    Envelope { teacher: String },
}

/// One calendar entry before it becomes an event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry<'a> {
    date: NaiveDate,
    time: TimeRange,
    course: &'a CourseCode,
    kind: Kind<'a>,
    /// The event's `SEQUENCE` (0, the default, is not written).
    sequence: u32,
    /// The lesson's room, when the school has rooms (`rooms.csv`).
    room: Option<&'a RoomId>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind<'a> {
    /// The teacher gives the lesson.
    Lesson,
    /// The teacher observes a lesson given by this teacher.
    Observation(&'a TeacherId),
    /// The teacher lost the lesson in a replan; taken over by this teacher, or no longer
    /// given.
    Cancelled(Option<&'a TeacherId>),
}

/// The calendars of every teacher who gives or observes at least one lesson, by teacher id:
/// `("calendars/<safe_file_name(id)>.ics", text)`. Dutch texts by default, English with
/// [`Lang::En`].
pub fn teacher_calendars(
    instance: &Instance,
    schedule: &Schedule,
    lang: Lang,
) -> Result<Vec<(String, String)>, CalendarError> {
    files(instance, entries(schedule), lang)
}

/// Every teacher's lessons and observations, SEQUENCE 0.
fn entries(schedule: &Schedule) -> BTreeMap<&TeacherId, Vec<Entry<'_>>> {
    let mut entries: BTreeMap<&TeacherId, Vec<Entry>> = BTreeMap::new();
    for row in &schedule.timetable {
        if let Some(teacher) = &row.teacher {
            entries.entry(teacher).or_default().push(Entry {
                date: row.date,
                time: row.time,
                course: &row.course_code,
                kind: Kind::Lesson,
                sequence: 0,
                room: row.room.as_ref(),
            });
        }
    }
    for obs in &schedule.observations {
        entries.entry(&obs.teacher).or_default().push(Entry {
            date: obs.date,
            time: obs.time,
            course: &obs.course_code,
            kind: Kind::Observation(&obs.observed),
            sequence: 0,
            room: schedule
                .timetable
                .iter()
                .find(|r| {
                    r.course_code == obs.course_code && r.date == obs.date && r.time == obs.time
                })
                .and_then(|r| r.room.as_ref()),
        });
    }
    entries
}

fn files(
    instance: &Instance,
    entries: BTreeMap<&TeacherId, Vec<Entry>>,
    lang: Lang,
) -> Result<Vec<(String, String)>, CalendarError> {
    let stamp = stamp(instance.school.term_start);
    let mut files = Vec::with_capacity(entries.len());
    for (teacher, mut list) in entries {
        list.sort();
        let text = calendar_text(instance, teacher, &list, stamp, lang)?;
        let name = format!("calendars/{}.ics", safe_file_name(teacher.as_str()));
        files.push((name, text));
    }
    Ok(files)
}

/// `DTSTAMP` of every event: the term start at midnight UTC, so that it comes from the data.
fn stamp(term_start: NaiveDate) -> DateTime<Utc> {
    term_start.and_time(NaiveTime::MIN).and_utc()
}

fn calendar_text(
    instance: &Instance,
    teacher: &TeacherId,
    entries: &[Entry],
    stamp: DateTime<Utc>,
    lang: Lang,
) -> Result<String, CalendarError> {
    let format_error = |source| CalendarError::Format {
        teacher: teacher.to_string(),
        source,
    };
    let title = format!(
        "{} {}",
        lang.pick("NT2-rooster", "NT2 timetable"),
        person(instance, teacher)
    );
    let mut header = Calendar::empty();
    header
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//nt2plan//NT2 timetable//{}", lang.code().to_uppercase()),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(text_property("NAME", &title))
        .append_property(text_property("X-WR-CALNAME", &title))
        .append_property(Property::new("X-WR-TIMEZONE", TZID));
    let header: String = (&header).try_into().map_err(format_error)?;
    let mut out = header
        .strip_suffix("END:VCALENDAR\r\n")
        .ok_or_else(|| CalendarError::Envelope {
            teacher: teacher.to_string(),
        })?
        .to_string();
    for line in VTIMEZONE {
        out.push_str(line);
        out.push_str("\r\n");
    }
    let mut uids: BTreeMap<String, usize> = BTreeMap::new();
    for entry in entries {
        let mut uid = uid(teacher, entry);
        let seen = uids.entry(uid.clone()).or_default();
        *seen += 1;
        if *seen > 1 {
            // The same lesson twice in the timetable (the checker reports it): keep UIDs unique.
            uid = uid.replace("@nt2plan", &format!(".{seen}@nt2plan"));
        }
        let event = event(instance, teacher, entry, &uid, stamp, lang);
        out.push_str(&event.try_into_string().map_err(format_error)?);
    }
    out.push_str("END:VCALENDAR\r\n");
    Ok(out)
}

/// `<yyyymmdd>-<HHMM>-<course>@nt2plan` for a lesson (and its cancellation), whoever gives
/// it; `<yyyymmdd>-<HHMM>-<course>.<observer>.obs@nt2plan` for an observation. Date and time
/// have a fixed width and [`safe_file_name`] never writes a `.`, so two different lessons or
/// observations never share a UID.
fn uid(teacher: &TeacherId, entry: &Entry) -> String {
    match entry.kind {
        Kind::Lesson | Kind::Cancelled(_) => lesson_uid(entry.course, entry.date, entry.time),
        Kind::Observation(_) => format!(
            "{}-{}-{}.{}.obs@nt2plan",
            entry.date.format("%Y%m%d"),
            entry.time.start.format("%H%M"),
            safe_file_name(entry.course.as_str()),
            safe_file_name(teacher.as_str()),
        ),
    }
}

/// The UID of a lesson: its date, start and group.
pub fn lesson_uid(course: &CourseCode, date: NaiveDate, time: TimeRange) -> String {
    format!(
        "{}-{}-{}@nt2plan",
        date.format("%Y%m%d"),
        time.start.format("%H%M"),
        safe_file_name(course.as_str()),
    )
}

fn event(
    instance: &Instance,
    teacher: &TeacherId,
    entry: &Entry,
    uid: &str,
    stamp: DateTime<Utc>,
    lang: Lang,
) -> Event {
    let group = instance.group(entry.course);
    let profile = group.map(|g| g.profile.as_str());
    let mut lines = vec![format!(
        "{}: {}",
        lang.pick("Cursuscode", "Course code"),
        entry.course
    )];
    if let Some(p) = profile {
        lines.push(format!("{}: {p}", lang.pick("Leerprofiel", "Profile")));
    }
    let summary = match entry.kind {
        Kind::Cancelled(by) => {
            lines.push(match by {
                Some(t) => format!(
                    "{}: {}",
                    lang.pick("Overgenomen door", "Taken over by"),
                    person(instance, t)
                ),
                None => lang
                    .pick("De les vervalt.", "The lesson is cancelled.")
                    .to_string(),
            });
            format!(
                "{} NT2 {}",
                lang.pick("Vervallen:", "Cancelled:"),
                entry.course
            )
        }
        Kind::Lesson => {
            lines.push(format!(
                "{}: {}",
                lang.pick("Docent", "Teacher"),
                person(instance, teacher)
            ));
            lines.push(certified_line(instance, teacher, lang));
            match profile {
                Some(p) => format!("NT2 {} ({p})", entry.course),
                None => format!("NT2 {}", entry.course),
            }
        }
        Kind::Observation(observed) => {
            lines.push(format!(
                "{}: {}",
                lang.pick("Les gegeven door", "Lesson given by"),
                person(instance, observed)
            ));
            lines.push(certified_line(instance, observed, lang));
            lines.push(format!(
                "{}: {}",
                lang.pick("Observant", "Observer"),
                person(instance, teacher)
            ));
            format!(
                "{} {} ({})",
                lang.pick("Observatie: les van", "Observation: lesson of"),
                name(instance, observed),
                entry.course
            )
        }
    };
    let local = |time| CalendarDateTime::WithTimezone {
        date_time: entry.date.and_time(time),
        tzid: TZID.to_string(),
    };
    let mut event = Event::new();
    event
        .uid(uid)
        .timestamp(stamp)
        .starts(local(entry.time.start))
        .ends(local(entry.time.end))
        .summary(&clean(&summary))
        .description(&clean(&lines.join("\n")));
    if let Some(g) = group {
        // With rooms: `Utrecht, lokaal UTR-1.01`; without, the location alone as before.
        let place = match entry.room {
            Some(room) => format!("{}, {} {room}", g.location, lang.pick("lokaal", "room")),
            None => g.location.to_string(),
        };
        event.location(&clean(&place));
    }
    if entry.sequence > 0 {
        event.sequence(entry.sequence);
    }
    if matches!(entry.kind, Kind::Cancelled(_)) {
        event.status(icalendar::EventStatus::Cancelled);
    }
    event.done()
}

/// `Gecertificeerd: ja` / `Certified: no`; unknown when the id is not a teacher of the instance.
fn certified_line(instance: &Instance, teacher: &TeacherId, lang: Lang) -> String {
    let answer = match instance.teacher(teacher).map(|t| t.is_certified()) {
        Some(true) => lang.pick("ja", "yes"),
        Some(false) => lang.pick("nee", "no"),
        None => lang.pick("onbekend", "unknown"),
    };
    format!("{}: {answer}", lang.pick("Gecertificeerd", "Certified"))
}

/// The teacher's name, or the id when the id is not a teacher of the instance.
fn name<'a>(instance: &'a Instance, teacher: &'a TeacherId) -> &'a str {
    instance
        .teacher(teacher)
        .map_or(teacher.as_str(), |t| t.name.as_str())
}

/// `Anna de Vries (T01)`.
fn person(instance: &Instance, teacher: &TeacherId) -> String {
    format!("{} ({teacher})", name(instance, teacher))
}

/// A TEXT property the crate escapes even when its name is not one it knows as TEXT.
fn text_property(key: &str, value: &str) -> Property {
    Property::new(key, clean(value))
        .add_parameter("VALUE", "TEXT")
        .done()
}

/// Text as RFC 5545 allows it before escaping: line breaks become `\n` (which the crate
/// escapes), other control characters become spaces (TEXT may not hold them).
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' => '\n',
            '\n' | '\t' => c,
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests;
