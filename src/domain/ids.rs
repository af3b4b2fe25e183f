//! Typed ids: a teacher id cannot be passed where a course code is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(s: impl Into<String>) -> Self {
                $name(s.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

id_type!(
    /// A teacher's id from `teachers.csv`, e.g. `T01`.
    TeacherId
);
id_type!(
    /// A student's id from `students.csv`; students are known by id only (personal data).
    StudentId
);
id_type!(
    /// A course code, unique per group (cursuscode).
    CourseCode
);
id_type!(
    /// An external mentor's id from `mentors.csv`.
    MentorId
);
id_type!(
    /// A location (vestiging) name, e.g. `Utrecht`.
    Location
);
id_type!(
    /// A school's learning profile (leerprofiel/leerroute) name, e.g. `B1-route`.
    Profile
);
id_type!(
    /// A named time block from `school.toml`, e.g. `morning`.
    BlockName
);
id_type!(
    /// A room's id from `rooms.csv`, e.g. `UTR-1.04`.
    RoomId
);
