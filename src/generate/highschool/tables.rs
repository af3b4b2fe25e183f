//! The fixed shape of the high school: its periods and double periods, its subjects and the
//! weekly lessons of every year and stream (a Dutch havo/vwo school: three years of
//! onderbouw, then havo 4-5 and vwo 4-6 with their profiles).

/// The school day: nine periods of 45 minutes, and three double periods of 90 minutes
/// lying over two of them each. Listed by start time, as `school.toml` reads them back.
pub const BLOCKS: [(&str, &str); 12] = [
    ("p1", "08:30-09:15"),
    ("d12", "08:30-10:00"),
    ("p2", "09:15-10:00"),
    ("p3", "10:00-10:45"),
    ("p4", "11:00-11:45"),
    ("d45", "11:00-12:30"),
    ("p5", "11:45-12:30"),
    ("p6", "13:00-13:45"),
    ("d67", "13:00-14:30"),
    ("p7", "13:45-14:30"),
    ("p8", "14:30-15:15"),
    ("p9", "15:15-16:00"),
];

/// Periods of a day, `p1` to `p9`.
pub const PERIODS: usize = 9;

/// The single periods by index (0 is `p1`).
pub const SINGLES: [&str; PERIODS] = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"];

/// The double periods with the two periods each lies over.
pub const DOUBLES: [(&str, [usize; 2]); 3] = [("d12", [0, 1]), ("d45", [3, 4]), ("d67", [5, 6])];

/// The stage of school a course belongs to; a teacher's qualification is per subject and
/// stage (the narrow "qualification groups" of a real school).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Onderbouw,
    Havo,
    Vwo,
}

impl Band {
    pub fn name(self) -> &'static str {
        match self {
            Band::Onderbouw => "onderbouw",
            Band::Havo => "havo",
            Band::Vwo => "vwo",
        }
    }
}

/// A subject: its code in course codes, its name in profiles, and whether its upper-school
/// courses are small electives (a smaller size class).
pub struct Subject {
    pub code: &'static str,
    pub name: &'static str,
    pub elective: bool,
}

const fn s(code: &'static str, name: &'static str) -> Subject {
    Subject {
        code,
        name,
        elective: false,
    }
}

const fn e(code: &'static str, name: &'static str) -> Subject {
    Subject {
        code,
        name,
        elective: true,
    }
}

/// The subjects in sections (languages, sciences, society, arts and sports): a teacher
/// who teaches two subjects mostly teaches two neighbours in this list.
pub const SUBJECTS: [Subject; 27] = [
    s("NE", "nederlands"),
    s("EN", "engels"),
    s("FA", "frans"),
    s("DU", "duits"),
    e("SP", "spaans"),
    e("LA", "latijn"),
    e("GR", "grieks"),
    s("WI", "wiskunde"),
    s("WA", "wiskunde-a"),
    s("WB", "wiskunde-b"),
    s("NA", "natuurkunde"),
    s("SK", "scheikunde"),
    s("BI", "biologie"),
    e("NLT", "nlt"),
    e("IN", "informatica"),
    s("TE", "techniek"),
    s("AK", "aardrijkskunde"),
    s("GS", "geschiedenis"),
    s("EC", "economie"),
    s("BE", "bedrijfseconomie"),
    s("MA", "maatschappijleer"),
    s("LV", "levensbeschouwing"),
    e("FI", "filosofie"),
    s("LO", "lichamelijke-opvoeding"),
    s("BV", "beeldende-vorming"),
    s("MU", "muziek"),
    s("CKV", "ckv"),
];

/// A course of a class's week: subject code, lessons a week, and how many of them are
/// double periods.
pub type Hours = (&'static str, u32, u32);

/// A year of the school: the prefix of its class names, its stage, how many classes, the
/// lessons every class has and the streams its classes follow in turn (a stream adds its
/// own courses: the gymnasium's Latin and Greek, the profiles of havo and vwo).
pub struct Year {
    pub prefix: &'static str,
    pub band: Band,
    pub classes: usize,
    /// Whether classes are lettered (`1A`) or numbered (`4H1`).
    pub lettered: bool,
    pub common: &'static [Hours],
    pub streams: &'static [&'static [Hours]],
}

const NT_H4: &[Hours] = &[("WB", 4, 0), ("NA", 3, 1), ("SK", 3, 0), ("IN", 2, 0)];
const NG_H4: &[Hours] = &[("WA", 3, 0), ("BI", 3, 1), ("SK", 3, 0), ("AK", 3, 0)];
const EM_H4: &[Hours] = &[("WA", 3, 0), ("EC", 3, 0), ("BE", 3, 0), ("GS", 3, 0)];
const CM_H4: &[Hours] = &[("WA", 3, 0), ("GS", 3, 0), ("AK", 3, 0), ("DU", 3, 0)];
const NT_H5: &[Hours] = &[("WB", 4, 0), ("NA", 4, 1), ("SK", 3, 0), ("NLT", 3, 1)];
const NG_H5: &[Hours] = &[("WA", 3, 0), ("BI", 4, 1), ("SK", 3, 0), ("AK", 3, 0)];
const EM_H5: &[Hours] = &[("WA", 4, 0), ("EC", 4, 0), ("BE", 3, 0), ("SP", 3, 0)];
const CM_H5: &[Hours] = &[("WA", 3, 0), ("GS", 4, 0), ("AK", 3, 0), ("FA", 3, 0)];
const NT_V: &[Hours] = &[("WB", 4, 0), ("NA", 3, 1), ("SK", 3, 0), ("IN", 2, 0)];
const NG_V: &[Hours] = &[("WA", 3, 0), ("BI", 3, 1), ("SK", 3, 0), ("NLT", 2, 1)];
const EM_V: &[Hours] = &[("WA", 3, 0), ("EC", 3, 0), ("BE", 3, 0), ("GS", 3, 0)];
const CM_V: &[Hours] = &[("WA", 3, 0), ("GS", 3, 0), ("AK", 3, 0), ("FA", 3, 0)];
const GYM_V: &[Hours] = &[("WB", 4, 0), ("NA", 3, 1), ("LA", 3, 0), ("GR", 3, 0)];

/// The years, lower school first. About 1,400 lessons in all.
pub const YEARS: [Year; 8] = [
    Year {
        prefix: "1",
        band: Band::Onderbouw,
        classes: 9,
        lettered: true,
        common: &[
            ("NE", 4, 0),
            ("EN", 3, 0),
            ("FA", 3, 0),
            ("WI", 4, 0),
            ("BI", 2, 0),
            ("AK", 2, 0),
            ("GS", 2, 0),
            ("LO", 3, 1),
            ("BV", 2, 1),
            ("MU", 2, 0),
            ("LV", 1, 0),
            ("TE", 1, 0),
        ],
        streams: &[&[("LA", 2, 0)], &[], &[]],
    },
    Year {
        prefix: "2",
        band: Band::Onderbouw,
        classes: 9,
        lettered: true,
        common: &[
            ("NE", 4, 0),
            ("EN", 3, 0),
            ("FA", 2, 0),
            ("DU", 3, 0),
            ("WI", 4, 0),
            ("BI", 2, 0),
            ("AK", 2, 0),
            ("GS", 2, 0),
            ("NA", 2, 0),
            ("LO", 3, 1),
            ("BV", 2, 1),
            ("MU", 1, 0),
            ("LV", 1, 0),
        ],
        streams: &[&[("LA", 2, 0), ("GR", 2, 0)], &[], &[]],
    },
    Year {
        prefix: "3",
        band: Band::Onderbouw,
        classes: 9,
        lettered: true,
        common: &[
            ("NE", 3, 0),
            ("EN", 3, 0),
            ("FA", 2, 0),
            ("DU", 2, 0),
            ("WI", 4, 0),
            ("BI", 2, 0),
            ("AK", 2, 0),
            ("GS", 2, 0),
            ("NA", 2, 0),
            ("SK", 2, 0),
            ("EC", 2, 0),
            ("LO", 2, 1),
            ("BV", 1, 1),
            ("MU", 1, 0),
        ],
        streams: &[&[("LA", 2, 0), ("GR", 2, 0)], &[], &[], &[]],
    },
    Year {
        prefix: "4H",
        band: Band::Havo,
        classes: 6,
        lettered: false,
        common: &[
            ("NE", 3, 0),
            ("EN", 3, 0),
            ("MA", 2, 0),
            ("CKV", 2, 0),
            ("LO", 2, 1),
            ("LV", 1, 0),
        ],
        streams: &[NT_H4, NG_H4, EM_H4, CM_H4, EM_H4],
    },
    Year {
        prefix: "5H",
        band: Band::Havo,
        classes: 6,
        lettered: false,
        common: &[("NE", 4, 0), ("EN", 3, 0), ("LO", 1, 1), ("LV", 1, 0)],
        streams: &[NT_H5, NG_H5, EM_H5, CM_H5, EM_H5],
    },
    Year {
        prefix: "4V",
        band: Band::Vwo,
        classes: 4,
        lettered: false,
        common: &[
            ("NE", 3, 0),
            ("EN", 3, 0),
            ("DU", 2, 0),
            ("MA", 2, 0),
            ("CKV", 1, 0),
            ("LO", 2, 1),
            ("LV", 1, 0),
        ],
        streams: &[GYM_V, NG_V, EM_V, CM_V],
    },
    Year {
        prefix: "5V",
        band: Band::Vwo,
        classes: 4,
        lettered: false,
        common: &[
            ("NE", 3, 0),
            ("EN", 3, 0),
            ("DU", 2, 0),
            ("LO", 1, 1),
            ("BV", 2, 0),
        ],
        streams: &[NT_V, NG_V, EM_V, CM_V],
    },
    Year {
        prefix: "6V",
        band: Band::Vwo,
        classes: 4,
        lettered: false,
        common: &[
            ("NE", 4, 0),
            ("EN", 3, 0),
            ("DU", 2, 0),
            ("LO", 1, 1),
            ("FI", 2, 0),
        ],
        streams: &[GYM_V, NG_V, EM_V, CM_V],
    },
];

/// The size class of a course's profile: the rule set knows only the NT2 classes, so the
/// lower school counts as NT2/B1, the upper school as ONA/KNM (both 20 at most) and the
/// small upper-school electives as Alfabetisering/Z-route (12 at most).
pub fn size_class(subject: &Subject, band: Band) -> &'static str {
    match band {
        Band::Onderbouw => "NT2/B1",
        _ if subject.elective => "Alfabetisering/Z-route",
        _ => "ONA/KNM",
    }
}

/// Mondays of teaching weeks in 2026 without a school holiday in any region: the term is
/// one of them, Monday to Friday.
pub const WEEKS: [(i32, u32, u32); 8] = [
    (2026, 1, 12),
    (2026, 1, 19),
    (2026, 1, 26),
    (2026, 2, 2),
    (2026, 2, 9),
    (2026, 3, 9),
    (2026, 3, 16),
    (2026, 3, 23),
];

/// The school's location: one building.
pub const TOWNS: [&str; 6] = [
    "Amersfoort",
    "Zwolle",
    "Leiden",
    "Deventer",
    "Gouda",
    "Hilversum",
];

/// Names of high schools, each with the town's name added.
pub const SCHOOL_NAMES: [&str; 5] = [
    "Het Baken",
    "Stedelijk Lyceum",
    "Christelijk College De Populier",
    "Scholengemeenschap Het Rietland",
    "Montessori Lyceum",
];
