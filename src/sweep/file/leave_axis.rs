//! A levels axis over leave dates: `vary = "leave_from"`, `teacher = "T05"`,
//! `levels = ["2025-10-06", "2025-11-03"]`: one teacher leaves from each date in turn (the
//! variation `leave` per level). The number on the axis is the day of the term the leave
//! begins (0: the term's first day); the label is the date.

use super::{AxisIn, Cx, LevelsIn, MAX_SCENARIOS};
use crate::diag::ErrorCode;
use crate::domain::TeacherId;
use crate::input::suggest;
use crate::sweep::spec::{Axis, Change, Leave, Variant, Vary};
use chrono::NaiveDate;
use std::ops::Range;
use toml::Spanned;

impl Cx<'_> {
    /// The axis, or `None` with E615 (no teacher, or one not in the instance) or E614 (levels
    /// that are not distinct dates of the term in ascending order).
    pub(super) fn leave_axis(
        &mut self,
        a: &AxisIn,
        levels: &Spanned<LevelsIn>,
        span: Range<usize>,
        name: String,
    ) -> Option<Axis> {
        let teacher = self.leave_teacher(a, span);
        let dates = self.leave_dates(levels);
        let (teacher, dates) = (teacher?, dates?);
        let first = self.instance.map_or(dates[0], |i| i.school.term_start);
        let variants = dates
            .into_iter()
            .map(|from| Variant {
                label: from.to_string(),
                level: Some((from - first).num_days() as f64),
                change: Change {
                    leave: vec![Leave {
                        teacher: teacher.clone(),
                        from,
                    }],
                    ..Change::default()
                },
            })
            .collect();
        Some(Axis {
            name,
            vary: Some(Vary::LeaveFrom),
            variants,
        })
    }

    fn leave_teacher(&mut self, a: &AxisIn, span: Range<usize>) -> Option<TeacherId> {
        let Some(t) = &a.teacher else {
            self.push_nl(
                ErrorCode::LeaveAxisTeacher,
                span,
                "teacher",
                (
                    "`vary = \"leave_from\"` needs `teacher` on the axis: who leaves".into(),
                    "`vary = \"leave_from\"` heeft `teacher` nodig op de as: wie er weggaat".into(),
                ),
                (
                    "add teacher = \"T05\" (an id of teachers.csv) to the axis",
                    "voeg teacher = \"T05\" (een id uit teachers.csv) toe aan de as",
                ),
            );
            return None;
        };
        let id = t.get_ref().trim();
        if let Some(i) = self.instance
            && i.teacher(&TeacherId::new(id)).is_none()
        {
            let ids = || i.teachers.iter().map(|t| t.id.as_str());
            let (fix, fix_nl) = (
                suggest::fix_for_id(id, ids()),
                suggest::fix_for_id_nl(id, ids()),
            );
            self.push_nl(
                ErrorCode::LeaveAxisTeacher,
                t.span(),
                "teacher",
                (
                    format!(
                        "teacher \"{id}\" of the leave_from axis is not in the instance's teachers.csv"
                    ),
                    format!(
                        "docent \"{id}\" van de as leave_from staat niet in teachers.csv van de instantie"
                    ),
                ),
                (&fix, &fix_nl),
            );
            return None;
        }
        Some(TeacherId::new(id))
    }

    fn leave_dates(&mut self, levels: &Spanned<LevelsIn>) -> Option<Vec<NaiveDate>> {
        let term = self
            .instance
            .map(|i| (i.school.term_start, i.school.term_end));
        let within = term.map_or_else(String::new, |(s, e)| format!(" ({s} to {e})"));
        let within_nl = term.map_or_else(String::new, |(s, e)| format!(" ({s} tot en met {e})"));
        let fix = (
            "list the first days the teacher is gone as [\"2025-10-06\", \"2025-11-03\"]: dates YYYY-MM-DD between the school's term_start and term_end, ascending",
            "noem de eerste dagen dat de docent weg is als [\"2025-10-06\", \"2025-11-03\"]: datums JJJJ-MM-DD tussen term_start en term_end van de school, oplopend",
        );
        let LevelsIn::Dates(texts) = levels.get_ref() else {
            self.push_nl(
                ErrorCode::LeaveLevels,
                levels.span(),
                "levels",
                (
                    "the levels of `leave_from` are dates, not numbers".into(),
                    "de niveaus van `leave_from` zijn datums, geen getallen".into(),
                ),
                fix,
            );
            return None;
        };
        let mut dates = Vec::new();
        for text in texts {
            let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
            match (date, term) {
                (Some(d), Some((s, e))) if d < s || d > e => {}
                (Some(d), _) => {
                    dates.push(d);
                    continue;
                }
                (None, _) => {}
            }
            self.push_nl(
                ErrorCode::LeaveLevels,
                levels.span(),
                "levels",
                (
                    format!(
                        "level \"{}\" of `leave_from` is not a day of the term{within}",
                        text.trim()
                    ),
                    format!(
                        "niveau \"{}\" van `leave_from` is geen dag van de lesperiode{within_nl}",
                        text.trim()
                    ),
                ),
                fix,
            );
            return None;
        }
        if dates.is_empty() || !dates.windows(2).all(|w| w[0] < w[1]) || dates.len() > MAX_SCENARIOS
        {
            self.push_nl(
                ErrorCode::LeaveLevels,
                levels.span(),
                "levels",
                (
                    "the levels of `leave_from` must be distinct dates, in ascending order".into(),
                    "de niveaus van `leave_from` moeten verschillende datums zijn, oplopend".into(),
                ),
                fix,
            );
            return None;
        }
        Some(dates)
    }
}
