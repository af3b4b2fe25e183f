//! The planning domain: typed ids, time, the school's data, rule sets, lessons and schedules.
//!
//! This module imports nothing else of the crate. Everything here has already been read
//! and validated: ids resolve, `*` lists are expanded, dates are ordered.

pub mod alternatives;
pub mod contract;
pub mod exam;
pub mod frozen;
pub mod ids;
pub mod instance;
pub mod lesson;
pub mod lock;
pub mod room;
pub mod rules;
pub mod schedule;
pub mod shortfall;
pub mod time;
pub mod wish;

pub use contract::{Contract, Required, Week, week_of};
pub use exam::ExamResult;
pub use frozen::{Frozen, LessonRef};
pub use ids::{BlockName, CourseCode, Location, MentorId, Profile, RoomId, StudentId, TeacherId};
pub use instance::{
    ClosedPeriod, ExternalMentor, Group, Instance, Law, LocationOrder, Register, School, Student,
    Supervision, Teacher, Unavailability, Weights,
};
pub use lesson::Lesson;
pub use lock::{Lock, LockRule};
pub use room::Room;
pub use rules::{RuleSet, Share, SizeLimits};
pub use schedule::{MentoringRow, ObservationRow, Placement, Schedule, TimetableRow};
pub use shortfall::Shortfall;
pub use time::{Availability, Block, Day, Slot, TimeRange};
pub use wish::{Wish, Wishes};
