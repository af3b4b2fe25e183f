//! Soundness for students: each placement is one the student could take (C151..C155).
//!
//! Judged per student of the instance, from `placements.csv` only. Placements naming a course
//! or student the instance lacks are C157 (see `facts`) and skipped here.

use super::facts::{Facts, list_some, list_some_nl};
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{CourseCode, Slot};

/// C151..C155, in student order.
pub fn judge(f: &Facts) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut students: Vec<_> = f.instance.students.iter().collect();
    students.sort_by(|a, b| a.id.cmp(&b.id));
    for s in students {
        let id = s.id.as_str();
        let codes: Vec<&CourseCode> = f.placements.get(&s.id).cloned().unwrap_or_default();
        if codes.len() > 1 {
            out.push(
                Finding::new(
                    FindingCode::StudentPlacedTwice,
                    SubjectKind::Student,
                    id,
                    format!(
                        "student {id} is placed {} times: {}",
                        codes.len(),
                        list_some(&codes)
                    ),
                )
                .nl(format!(
                    "cursist {id} is {} keer geplaatst: {}",
                    codes.len(),
                    list_some_nl(&codes)
                ))
                .times(codes.len()),
            );
        }
        if let Some(pin) = &s.pinned
            && !codes.contains(&pin)
        {
            let (now, now_nl) = if codes.is_empty() {
                ("is not placed".to_string(), "is niet geplaatst".to_string())
            } else {
                (
                    format!("is placed in {}", list_some(&codes)),
                    format!("is geplaatst in {}", list_some_nl(&codes)),
                )
            };
            out.push(
                Finding::new(
                    FindingCode::PinNotKept,
                    SubjectKind::Student,
                    id,
                    format!("student {id} is pinned to {pin} but {now}"),
                )
                .nl(format!("cursist {id} is vastgezet in {pin} maar {now_nl}")),
            );
        }
        for code in codes {
            let Some(g) = f.groups.get(code) else {
                continue; // C157
            };
            if g.profile != s.profile {
                out.push(
                    Finding::new(
                        FindingCode::StudentProfile,
                        SubjectKind::Student,
                        id,
                        format!(
                            "student {id} (profile {}) is placed in {code} of profile {}",
                            s.profile, g.profile
                        ),
                    )
                    .nl(format!(
                        "cursist {id} (profiel {}) is geplaatst in {code} met profiel {}",
                        s.profile, g.profile
                    )),
                );
            }
            if !s.locations.contains(&g.location) {
                out.push(Finding::new(
                    FindingCode::StudentLocation,
                    SubjectKind::Student,
                    id,
                    format!(
                        "student {id} is placed in {code} at {}, a location they did not list",
                        g.location
                    ),
                )
                .nl(format!(
                    "cursist {id} is geplaatst in {code} in {}, een locatie die de cursist niet noemde",
                    g.location
                )));
            }
            let slots = f.meeting_slots(g);
            let missing: Vec<&Slot> = slots.iter().filter(|sl| !s.available.allows(sl)).collect();
            if !missing.is_empty() {
                out.push(
                    Finding::new(
                        FindingCode::StudentAvailability,
                        SubjectKind::Student,
                        id,
                        format!(
                            "student {id} is placed in {code} but is not available for {} of its \
                             {} weekly slot(s): {}",
                            missing.len(),
                            slots.len(),
                            list_some(&missing)
                        ),
                    )
                    .nl(format!(
                        "cursist {id} is geplaatst in {code} maar kan niet op {} van de {} \
                         wekelijkse lesmomenten: {}",
                        missing.len(),
                        slots.len(),
                        list_some_nl(&missing)
                    ))
                    .times(missing.len()),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
