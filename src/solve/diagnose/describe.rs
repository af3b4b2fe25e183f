//! The subject of a row of the program as a typed fact, for the diagnosis.

use super::Fact;
use crate::domain::Instance;
use crate::model::{Model, Subject};

pub(super) fn describe(instance: &Instance, model: &Model, subject: &Subject) -> Fact {
    match subject {
        Subject::School | Subject::StudentType(_) | Subject::Cell { .. } => Fact::default(),
        Subject::Group(g) => Fact::group(&instance.groups[*g]),
        Subject::Class(c) => {
            let class = &model.classes[*c];
            Fact::group(&instance.groups[class.group])
                .slot(&class.slot)
                .dates(&class.dates)
        }
        Subject::Dates { teacher, dates } => {
            Fact::teacher(&instance.teachers[*teacher].id).dates(dates)
        }
        Subject::Weeks { teacher, weeks } => {
            Fact::teacher(&instance.teachers[*teacher].id).weeks(weeks)
        }
        Subject::Teacher(t) => Fact::teacher(&instance.teachers[*t].id),
        Subject::TeacherGroup { teacher, group } => Fact {
            group: Some(instance.groups[*group].course_code.clone()),
            ..Fact::teacher(&instance.teachers[*teacher].id)
        },
    }
}
