//! What a reason says, in English and in Dutch, with its values; a relaxation's examples
//! are the facts of the reason.

use crate::domain::rules::percent_floor;
use crate::outcome::diagnosis::{Fact, GiveWay, Said};
use chrono::NaiveDate;

/// The message of a reason saying `said` with `facts`, in Dutch when `dutch`.
pub(super) fn message(said: &Said, facts: &[Fact], dutch: bool) -> String {
    let pick = |en: String, nl: String| if dutch { nl } else { en };
    match said {
        Said::NoTeacher {
            course,
            slot,
            location,
            profile,
            dates,
            of,
        } => {
            let (n, shown) = (dates.len(), dates_text(dates, dutch));
            pick(
                format!(
                    "course {course} has no teacher who can teach {slot} in {location} ({profile}) on {n} of its {of} dates: {shown}"
                ),
                format!(
                    "cursus {course} heeft geen docent die {slot} kan geven in {location} ({profile}) op {n} van de {of} data: {shown}"
                ),
            )
        }
        Said::NoCertifiedTeacher {
            course,
            location,
            profile,
            possible,
            required,
        } => pick(
            format!(
                "course {course} has no certified teacher who can teach any of its slots in {location} ({profile}): {possible} certified lesson(s) possible, {required} required"
            ),
            format!(
                "cursus {course} heeft geen gecertificeerde docent die een van haar lesmomenten kan geven in {location} ({profile}): {possible} gecertificeerde les(sen) mogelijk, {required} vereist"
            ),
        ),
        Said::WeekOverCapacity {
            year,
            week,
            lessons,
            at_most,
        } => pick(
            format!(
                "in week {week} of {year} there are {lessons} lessons of groups that must run, but the teachers who could give them can give at most {at_most} (weekly maxima)"
            ),
            format!(
                "in week {week} van {year} zijn er {lessons} lessen van groepen die door moeten gaan, maar de docenten die ze kunnen geven, geven er hoogstens {at_most} (weekmaxima)"
            ),
        ),
        Said::ShareOutOfReach {
            at_most,
            total,
            rules,
            share,
        } => {
            let (percent, needed) = (percent_floor(*at_most, *total), share.minimum_of(*total));
            pick(
                format!(
                    "certified teachers can give at most {at_most} of the {total} lessons of the groups that must run: {percent}; rule set {rules} needs {share} ({needed} lessons)"
                ),
                format!(
                    "gecertificeerde docenten kunnen hoogstens {at_most} van de {total} lessen geven van de groepen die door moeten gaan: {percent}; regeling {rules} vraagt {share} ({needed} lessen)"
                ),
            )
        }
        Said::TooFewFit {
            course,
            min_size,
            could,
        } => pick(
            format!(
                "group {course} needs at least {min_size} students, but only {could} fit it (profile, location, availability)"
            ),
            format!(
                "groep {course} heeft minstens {min_size} cursisten nodig, maar er passen er maar {could} in (profiel, locatie, beschikbaarheid)"
            ),
        ),
        Said::TooManyPinned {
            course,
            pinned,
            rules,
            size_class,
            max,
        } => pick(
            format!(
                "{pinned} students are pinned to {course}, above the largest size {rules} allows for {size_class} ({max})"
            ),
            format!(
                "{pinned} cursisten zijn vastgezet in {course}, meer dan de grootste omvang die {rules} toestaat voor {size_class} ({max})"
            ),
        ),
        Said::GiveWay { way, total } => give_way(*way, *total, facts, dutch),
        Said::Locks { count } => pick(
            format!(
                "the {count} lock(s) of locks.csv leave no schedule within the rules: without them nothing has to give way"
            ),
            format!(
                "met de {count} vastzetting(en) uit locks.csv is er geen rooster binnen de regels: zonder die vastzettingen hoeft er niets te wijken"
            ),
        ),
        Said::OneLock { lock } => pick(
            format!("lifting the lock \"{lock}\" alone leaves nothing that has to give way"),
            format!("als alleen de vastzetting \"{lock}\" vervalt, hoeft er niets meer te wijken"),
        ),
    }
}

/// The relaxation's way of giving way, with up to six of its facts as examples.
fn give_way(way: GiveWay, total: u64, facts: &[Fact], dutch: bool) -> String {
    let pick = |en: String, nl: String| if dutch { nl } else { en };
    let shown: Vec<String> = facts.iter().take(6).map(|f| fact_text(f, dutch)).collect();
    let list = match (facts.len().saturating_sub(6), dutch) {
        (0, _) => shown.join(", "),
        (more, true) => format!("{} en nog {more}", shown.join(", ")),
        (more, false) => format!("{}, and {more} more", shown.join(", ")),
    };
    match way {
        GiveWay::LessonsWithoutTeacher => pick(
            format!("{total} lesson(s) without a teacher, for example: {list}"),
            format!("{total} les(sen) zonder docent, bijvoorbeeld: {list}"),
        ),
        GiveWay::AboveWeeklyMax => pick(
            format!("{total} lesson(s) above teachers' max_lessons_per_week, for example: {list}"),
            format!(
                "{total} les(sen) boven de max_lessons_per_week van docenten, bijvoorbeeld: {list}"
            ),
        ),
        GiveWay::ShortOfContractMinimums => pick(
            format!("{total} lesson(s) short of teachers' contract minimums, for example: {list}"),
            format!(
                "{total} les(sen) te weinig voor de contractminimums van docenten, bijvoorbeeld: {list}"
            ),
        ),
        GiveWay::AboveTermMax => pick(
            format!("{total} lesson(s) above teachers' max_lessons_per_term, for example: {list}"),
            format!(
                "{total} les(sen) boven de max_lessons_per_term van docenten, bijvoorbeeld: {list}"
            ),
        ),
        GiveWay::CertifiedShare => pick(
            format!("the certified share falls {total} lesson(s) short of the rule set's minimum"),
            format!(
                "het gecertificeerde aandeel komt {total} les(sen) tekort op het minimum van de regeling"
            ),
        ),
        GiveWay::CertifiedInCourses => pick(
            format!("{total} certified lesson(s) missing in courses, for example: {list}"),
            format!(
                "{total} gecertificeerde les(sen) ontbreken in cursussen, bijvoorbeeld: {list}"
            ),
        ),
        GiveWay::AboveGroupMax => pick(
            format!("{total} student(s) above the maximum group size, for example: {list}"),
            format!("{total} cursist(en) boven de maximale groepsgrootte, bijvoorbeeld: {list}"),
        ),
        GiveWay::BelowMinSize => pick(
            format!("{total} student(s) missing to reach groups' min_size, for example: {list}"),
            format!(
                "{total} cursist(en) te weinig om de min_size van groepen te halen, bijvoorbeeld: {list}"
            ),
        ),
        GiveWay::MentorPlaces => pick(
            format!(
                "{total} more mentor place(s) are needed for the non-certified teachers who must teach"
            ),
            format!(
                "er zijn {total} begeleidingsplaats(en) meer nodig voor de niet-gecertificeerde docenten die moeten lesgeven"
            ),
        ),
        // A row about the whole school (a second lesson in a room at once) is no example.
        GiveWay::Rooms => {
            let shown: Vec<String> = facts
                .iter()
                .filter(|f| f.group.is_some())
                .take(6)
                .map(|f| fact_text(f, dutch))
                .collect();
            let example = match (shown.is_empty(), dutch) {
                (true, _) => String::new(),
                (false, true) => format!(", bijvoorbeeld: {}", shown.join(", ")),
                (false, false) => format!(", for example: {}", shown.join(", ")),
            };
            pick(
                format!(
                    "{total} lesson(s) without a room, student(s) without a seat or lesson(s) in an occupied room (rooms.csv: too few or too small rooms at the location in that slot){example}"
                ),
                format!(
                    "{total} les(sen) zonder lokaal, cursist(en) zonder plaats of les(sen) in een bezet lokaal (rooms.csv: te weinig of te kleine lokalen op de locatie op dat lesmoment){example}"
                ),
            )
        }
    }
}

/// Up to four dates, and how many more, in English or in Dutch.
fn dates_text(dates: &[NaiveDate], dutch: bool) -> String {
    let shown: Vec<String> = dates.iter().take(4).map(|d| d.to_string()).collect();
    match dates.len() {
        n if n > 4 && dutch => format!("{} en nog {}", shown.join(", "), n - 4),
        n if n > 4 => format!("{} and {} more", shown.join(", "), n - 4),
        _ => shown.join(", "),
    }
}

/// A fact in a planner's words, with its amount, in English or in Dutch.
fn fact_text(f: &Fact, dutch: bool) -> String {
    let word = |en: &'static str, nl: &'static str| if dutch { nl } else { en };
    let mut parts = Vec::new();
    if let Some(t) = &f.teacher {
        parts.push(format!("{} {t}", word("teacher", "docent")));
    }
    if let Some(g) = &f.group {
        parts.push(format!("{} {g}", word("group", "groep")));
    }
    if let Some(s) = &f.slot {
        parts.push(format!("{} {s}", word("on", "op")));
    }
    match f.dates.as_slice() {
        [] => {}
        [d] => parts.push(format!("({d})")),
        [a, .., b] if dutch => parts.push(format!("(tussen {a} en {b})")),
        [a, .., b] => parts.push(format!("(between {a} and {b})")),
    }
    match f.weeks.as_slice() {
        [] => {}
        [w] => parts.push(format!("{} {w}", word("in week", "in week"))),
        ws => parts.push(format!(
            "{} {}",
            word("in weeks", "in de weken"),
            ws.join(", ")
        )),
    }
    format!("{} ({})", parts.join(" "), f.amount)
}
