//! `teachers.csv`, `mentors.csv` and `unavailability.csv`: the people who teach and supervise.

use super::refs::{self, Known, Names};
use crate::diag::{Diagnostics, ErrorCode, WarningCode};
use crate::domain::{
    Contract, CourseCode, Day, ExternalMentor, Location, MentorId, School, Slot, Teacher,
    TeacherId, Unavailability, Wish, Wishes,
};
use crate::input::Rows;
use crate::input::csvfile::Cell;
use crate::input::mentors::MentorRow;
use crate::input::teachers::TeacherRow;
use crate::input::unavailability::UnavailabilityRow;

/// Validates the teachers; returns the good ones.
pub fn validate(
    rows: &Rows<TeacherRow>,
    names: &Names,
    courses: &Known,
    diags: &mut Diagnostics,
) -> Vec<Teacher> {
    refs::duplicates_in(rows, |t| &t.id, "teacher id", diags);
    rows.rows
        .iter()
        .filter_map(|row| teacher(row, names, courses, diags))
        .collect()
}

fn teacher(
    row: &TeacherRow,
    names: &Names,
    courses: &Known,
    diags: &mut Diagnostics,
) -> Option<Teacher> {
    let locations = refs::locations(&row.locations, names, diags);
    let profiles = refs::profiles(&row.profiles, names, diags);
    let available = refs::availability(&row.available, names, diags);
    let mut mentor_capacity = row.mentor_capacity.value;
    if !row.register.is_certified() && mentor_capacity > 0 {
        diags.push(
            row.mentor_capacity
                .cell
                .warning(
                    WarningCode::CapacityIgnored,
                    format!(
                        "teacher {} is not certified (register none), so the mentor capacity {mentor_capacity} is ignored",
                        row.id.text
                    ),
                )
                .fix("leave mentor_capacity empty or 0, or enter the teacher's register (bvnt2 or kwaliteitsregister)")
                .nl(format!(
                    "docent {} is niet gecertificeerd (register none), dus telt de begeleidingscapaciteit {mentor_capacity} niet mee",
                    row.id.text
                ))
                .fix_nl("laat mentor_capacity leeg of 0, of vul het register van de docent in (bvnt2 of kwaliteitsregister)"),
        );
        mentor_capacity = 0;
    }
    let contract = contract(row, diags);
    let prefers = wishes(&row.prefers, names, courses, diags);
    let avoids = wishes(&row.avoids, names, courses, diags);
    Some(Teacher {
        id: TeacherId::new(row.id.text.as_str()),
        name: row.name.clone(),
        register: row.register,
        locations: locations?.into_iter().collect(),
        profiles: profiles?,
        max_lessons_per_week: row.max_lessons_per_week,
        available: available?,
        mentor_capacity,
        contract: contract?,
        wishes: Wishes {
            prefers: prefers?,
            avoids: avoids?,
        },
    })
}

/// A `prefers` or `avoids` cell: each `;`-separated entry a `DAY-BLOCK` of a known block, a
/// course code of groups.csv or a location of the school, tried in that order (E416).
fn wishes(
    cell: &Cell,
    names: &Names,
    courses: &Known,
    diags: &mut Diagnostics,
) -> Option<Vec<Wish>> {
    let mut out = Vec::new();
    let mut ok = true;
    for entry in cell
        .text
        .split(';')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let slot = entry.split_once('-').and_then(|(day, block)| {
            let day = Day::parse(day)?;
            let known = names
                .blocks
                .as_ref()
                .is_none_or(|bs| bs.iter().any(|b| b.name.as_str() == block));
            known.then(|| Slot::new(day, block))
        });
        let location = Location::new(entry);
        if let Some(s) = slot {
            out.push(Wish::Slot(s));
        } else if courses.good.contains(entry) || courses.broken.contains(entry) {
            out.push(Wish::Course(CourseCode::new(entry)));
        } else if names
            .locations
            .as_ref()
            .is_none_or(|l| l.contains(&location))
        {
            out.push(Wish::Location(location));
        } else {
            diags.push(
                cell.error(
                    ErrorCode::BadWish,
                    format!(
                        "`{}` names \"{entry}\", which is neither a DAY-BLOCK slot of school.toml's blocks, a course code of groups.csv nor a location",
                        cell.field
                    ),
                )
                .fix("write DAY-BLOCK (e.g. mon-morning), a course code or a location, separated by `;`")
                .nl(format!(
                    "`{}` noemt \"{entry}\", dat is geen lesmoment DAG-BLOK met een blok uit school.toml, geen cursuscode uit groups.csv en geen locatie",
                    cell.field
                ))
                .fix_nl("schrijf DAG-BLOK (bijvoorbeeld ma-morning), een cursuscode of een locatie, gescheiden door `;`"),
            );
            ok = false;
        }
    }
    out.sort();
    out.dedup();
    ok.then_some(out)
}

/// The contract hours of a row: no minimum above its maximum (E415).
fn contract(row: &TeacherRow, diags: &mut Diagnostics) -> Option<Contract> {
    let c = Contract {
        min_per_week: row.min_lessons_per_week.value,
        min_per_term: row.min_lessons_per_term.value,
        max_per_term: row.max_lessons_per_term.value,
    };
    let mut ok = true;
    if let (Some(min), Some(max)) = (c.min_per_week, row.max_lessons_per_week)
        && min > max
    {
        diags.push(
            row.min_lessons_per_week
                .cell
                .error(
                    ErrorCode::ContractMinAboveMax,
                    format!(
                        "teacher {} has min_lessons_per_week {min}, above their max_lessons_per_week {max}",
                        row.id.text
                    ),
                )
                .fix("lower min_lessons_per_week or raise max_lessons_per_week; leave a cell empty for no limit")
                .nl(format!(
                    "docent {} heeft min_lessons_per_week {min}, boven diens max_lessons_per_week {max}",
                    row.id.text
                ))
                .fix_nl("verlaag min_lessons_per_week of verhoog max_lessons_per_week; laat een cel leeg voor geen grens"),
        );
        ok = false;
    }
    if let (Some(min), Some(max)) = (c.min_per_term, c.max_per_term)
        && min > max
    {
        diags.push(
            row.min_lessons_per_term
                .cell
                .error(
                    ErrorCode::ContractMinAboveMax,
                    format!(
                        "teacher {} has min_lessons_per_term {min}, above their max_lessons_per_term {max}",
                        row.id.text
                    ),
                )
                .fix("lower min_lessons_per_term or raise max_lessons_per_term; leave a cell empty for no limit")
                .nl(format!(
                    "docent {} heeft min_lessons_per_term {min}, boven diens max_lessons_per_term {max}",
                    row.id.text
                ))
                .fix_nl("verlaag min_lessons_per_term of verhoog max_lessons_per_term; laat een cel leeg voor geen grens"),
        );
        ok = false;
    }
    ok.then_some(c)
}

/// Validates external mentors: ids unique among themselves and apart from teacher ids.
pub fn mentors(
    rows: &Rows<MentorRow>,
    teachers: &Known,
    diags: &mut Diagnostics,
) -> Vec<ExternalMentor> {
    refs::duplicates_in(rows, |m| &m.id, "mentor id", diags);
    let mut out = Vec::new();
    for row in &rows.rows {
        if teachers.good.contains(&row.id.text) || teachers.broken.contains(&row.id.text) {
            diags.push(
                row.id
                    .error(
                        ErrorCode::DuplicateId,
                        format!("mentor id \"{}\" is also a teacher id in teachers.csv", row.id.text),
                    )
                    .fix("give the external mentor an id of its own, e.g. with an M prefix; a teacher who mentors is not listed in mentors.csv")
                    .nl(format!("begeleider-id \"{}\" is ook een docent-id in teachers.csv", row.id.text))
                    .fix_nl("geef de externe begeleider een eigen id, bijvoorbeeld met een M vooraan; een docent die begeleidt staat niet in mentors.csv"),
            );
            continue;
        }
        out.push(ExternalMentor {
            id: MentorId::new(row.id.text.as_str()),
            name: row.name.clone(),
            capacity: row.capacity,
        });
    }
    out
}

/// Validates unavailability periods against the teachers and the term.
pub fn unavailability(
    rows: &Rows<UnavailabilityRow>,
    teachers: &Known,
    school: Option<&School>,
    diags: &mut Diagnostics,
) -> Vec<Unavailability> {
    let mut out = Vec::new();
    for row in &rows.rows {
        let known = teachers.check(
            &row.teacher,
            ErrorCode::UnknownTeacher,
            "teacher",
            "teachers.csv",
            diags,
        );
        let (from, to) = (row.from.value, row.to.value);
        if to < from {
            diags.push(
                row.to
                    .cell
                    .error(
                        ErrorCode::EndBeforeStart,
                        format!("the period ends on {to} but starts on {from}"),
                    )
                    .fix("swap from and to; both days count (inclusive)")
                    .nl(format!("de periode eindigt op {to} maar begint op {from}"))
                    .fix_nl("wissel from en to om; beide dagen tellen mee (inclusief)"),
            );
            continue;
        }
        if let Some(s) = school
            && (to < s.term_start || from > s.term_end)
        {
            diags.push(
                row.from
                    .cell
                    .warning(
                        WarningCode::UnavailabilityOutsideTerm,
                        format!(
                            "the period {from} to {to} lies entirely outside the term {} to {}, so it changes nothing",
                            s.term_start, s.term_end
                        ),
                    )
                    .fix("check the dates (a wrong year?) or remove the row")
                    .nl(format!(
                        "de periode van {from} tot en met {to} ligt helemaal buiten de lesperiode van {} tot en met {}, en verandert dus niets",
                        s.term_start, s.term_end
                    ))
                    .fix_nl("kijk de data na (een verkeerd jaartal?) of haal de regel weg"),
            );
        }
        if known.is_some() {
            out.push(Unavailability {
                teacher: TeacherId::new(row.teacher.text.as_str()),
                from,
                to,
                reason: row.reason.clone(),
            });
        }
    }
    out
}
