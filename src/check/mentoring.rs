//! Supervision of non-certified teachers (Addendum, exception 1).
//!
//! Under a rule set with `mentor_required`, every non-certified teacher who gives at least one
//! lesson needs a mentoring row naming a certified mentor: a certified teacher of the school or
//! an external mentor. A mentor supervises at most their capacity. The report lists who
//! supervises whom under every rule set, because the auditor asks for it; the findings
//! C131..C135 are only raised when the rule set requires supervision.
//!
//! A mentor id is looked up among the teachers first, then among the external mentors:
//! validation keeps the two id spaces apart, and a school's own teacher is the likelier meaning.

use super::facts::{Facts, list_some, list_some_nl};
use super::types::{
    Finding, MentorKind, MentorLoad, MentorRef, MentoringReport, SubjectKind, SupervisedTeacher,
};
use crate::diag::FindingCode;
use crate::domain::TeacherId;
use std::collections::{BTreeMap, BTreeSet};

/// The mentor a mentoring row names, and their capacity (`None` when unknown).
fn resolve(f: &Facts, id: &str) -> (MentorRef, Option<u32>) {
    if let Some(t) = f.teachers.get(&TeacherId::new(id)) {
        let mentor = MentorRef {
            id: id.to_string(),
            name: t.name.clone(),
            kind: MentorKind::Internal,
            certified: t.is_certified(),
        };
        return (mentor, Some(t.mentor_capacity));
    }
    if let Some(m) = f.instance.mentor(id) {
        let mentor = MentorRef {
            id: id.to_string(),
            name: m.name.clone(),
            kind: MentorKind::External,
            certified: true,
        };
        return (mentor, Some(m.capacity));
    }
    let mentor = MentorRef {
        id: id.to_string(),
        name: String::new(),
        kind: MentorKind::Unknown,
        certified: false,
    };
    (mentor, None)
}

/// The mentoring section of the report and its findings.
pub fn mentoring(f: &Facts) -> (MentoringReport, Vec<Finding>) {
    let mut mentors_of: BTreeMap<&TeacherId, BTreeSet<&str>> = BTreeMap::new();
    let mut mentees_of: BTreeMap<&str, BTreeSet<&TeacherId>> = BTreeMap::new();
    for row in &f.schedule.mentoring {
        mentors_of
            .entry(&row.teacher)
            .or_default()
            .insert(&row.mentor);
        if row.teacher.as_str() != row.mentor {
            mentees_of
                .entry(&row.mentor)
                .or_default()
                .insert(&row.teacher);
        }
    }
    let teaching_uncertified: Vec<(&TeacherId, u64)> = f
        .lessons_by_teacher
        .iter()
        .filter(|(id, _)| f.teachers.contains_key(*id) && !f.is_certified(id))
        .map(|(id, n)| (*id, *n))
        .collect();

    let teachers = teaching_uncertified
        .iter()
        .map(|(id, lessons)| SupervisedTeacher {
            teacher: (*id).clone(),
            name: f
                .teachers
                .get(id)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            lessons: *lessons,
            mentors: mentors_of
                .get(id)
                .map(|ms| ms.iter().map(|m| resolve(f, m).0).collect())
                .unwrap_or_default(),
        })
        .collect();
    let mentors: Vec<MentorLoad> = mentees_of
        .iter()
        .map(|(id, mentees)| {
            let (mentor, capacity) = resolve(f, id);
            MentorLoad {
                mentor,
                mentees: mentees.iter().map(|t| (*t).clone()).collect(),
                capacity,
            }
        })
        .collect();

    let mut findings = unknown_ids(f, &mentors_of, &mentors);
    if f.rules.mentor_required {
        findings.extend(judge(f, &teaching_uncertified, &mentors_of, &mentors));
    }
    let report = MentoringReport {
        required: f.rules.mentor_required,
        teachers,
        mentors,
    };
    (report, findings)
}

/// C157 for mentoring rows naming a teacher or mentor the instance lacks.
fn unknown_ids(
    f: &Facts,
    mentors_of: &BTreeMap<&TeacherId, BTreeSet<&str>>,
    mentors: &[MentorLoad],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for teacher in mentors_of.keys() {
        if !f.teachers.contains_key(teacher) {
            out.push(
                Finding::new(
                    FindingCode::UnknownReference,
                    SubjectKind::Teacher,
                    teacher.as_str(),
                    format!("mentoring.csv names teacher {teacher}, who is not in teachers.csv"),
                )
                .nl(format!(
                    "mentoring.csv noemt docent {teacher}, die niet in teachers.csv staat"
                )),
            );
        }
    }
    for load in mentors
        .iter()
        .filter(|m| m.mentor.kind == MentorKind::Unknown)
    {
        out.push(Finding::new(
            FindingCode::UnknownReference,
            SubjectKind::Mentor,
            load.mentor.id.as_str(),
            format!(
                "mentoring.csv names mentor {} for {}, who is neither a teacher nor an external \
                 mentor of the instance",
                load.mentor.id,
                list_some(&load.mentees)
            ),
        )
        .nl(format!(
            "mentoring.csv noemt begeleider {} voor {}, die geen docent en ook geen externe \
             begeleider van de school is",
            load.mentor.id,
            list_some_nl(&load.mentees)
        )));
    }
    out
}

/// C131..C135.
fn judge(
    f: &Facts,
    teaching_uncertified: &[(&TeacherId, u64)],
    mentors_of: &BTreeMap<&TeacherId, BTreeSet<&str>>,
    mentors: &[MentorLoad],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (teacher, lessons) in teaching_uncertified {
        if !mentors_of.contains_key(teacher) {
            out.push(Finding::new(
                FindingCode::MentorMissing,
                SubjectKind::Teacher,
                teacher.as_str(),
                format!(
                    "non-certified teacher {teacher} gives {lessons} lesson(s) but has no mentor; \
                     {} requires supervision by a certified NT2 teacher (internal or external)",
                    f.rules.name
                ),
            )
            .nl(format!(
                "niet-gecertificeerde docent {teacher} geeft {lessons} les(sen) maar heeft geen \
                 begeleider; {} vraagt begeleiding door een gecertificeerde NT2-docent (intern \
                 of extern)",
                f.rules.name
            )));
        }
    }
    for (teacher, ms) in mentors_of {
        if ms.contains(teacher.as_str()) {
            out.push(
                Finding::new(
                    FindingCode::MentorSelf,
                    SubjectKind::Teacher,
                    teacher.as_str(),
                    format!("teacher {teacher} is listed as their own mentor"),
                )
                .nl(format!(
                    "docent {teacher} staat als eigen begeleider vermeld"
                )),
            );
        }
        let Some(t) = f.teachers.get(teacher) else {
            continue;
        };
        let lessons = f.lessons_by_teacher.get(teacher).copied().unwrap_or(0);
        let why = if t.is_certified() {
            Some(("is certified", "gecertificeerd is"))
        } else if lessons == 0 {
            Some(("gives no lesson", "geen les geeft"))
        } else {
            None
        };
        if let Some((why, why_nl)) = why {
            out.push(
                Finding::new(
                    FindingCode::MentoringUnneeded,
                    SubjectKind::Teacher,
                    teacher.as_str(),
                    format!(
                        "teacher {teacher} has a mentor ({}) but {why}, so needs no supervision",
                        ms.iter().copied().collect::<Vec<_>>().join(", ")
                    ),
                )
                .nl(format!(
                    "docent {teacher} heeft een begeleider ({}) maar {why_nl}, en heeft dus geen \
                 begeleiding nodig",
                    ms.iter().copied().collect::<Vec<_>>().join(", ")
                )),
            );
        }
    }
    for load in mentors {
        let m = &load.mentor;
        if m.kind == MentorKind::Internal && !m.certified {
            out.push(
                Finding::new(
                    FindingCode::MentorNotCertified,
                    SubjectKind::Mentor,
                    m.id.as_str(),
                    format!(
                        "mentor {} ({}) is not a certified teacher but supervises {}",
                        m.id,
                        m.name,
                        list_some(&load.mentees)
                    ),
                )
                .nl(format!(
                    "begeleider {} ({}) is geen gecertificeerde docent maar begeleidt {}",
                    m.id,
                    m.name,
                    list_some_nl(&load.mentees)
                )),
            );
            continue;
        }
        if let Some(capacity) = load.capacity
            && load.mentees.len() > capacity as usize
        {
            let (kind, kind_nl) = match m.kind {
                MentorKind::External => ("external mentor", "externe begeleider"),
                _ => ("mentor", "begeleider"),
            };
            out.push(
                Finding::new(
                    FindingCode::MentorOverCapacity,
                    SubjectKind::Mentor,
                    m.id.as_str(),
                    format!(
                        "{kind} {} ({}) supervises {} teachers ({}), more than their capacity of \
                         {capacity}",
                        m.id,
                        m.name,
                        load.mentees.len(),
                        list_some(&load.mentees)
                    ),
                )
                .nl(format!(
                    "{kind_nl} {} ({}) begeleidt {} docenten ({}), meer dan de capaciteit van \
                     {capacity}",
                    m.id,
                    m.name,
                    load.mentees.len(),
                    list_some_nl(&load.mentees)
                ))
                .times(load.mentees.len()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;
