//! The instance as file text, in the formats of the README. Lists are written in the order a
//! person reads them (days Monday first, blocks by time, profiles as the school lists them),
//! and every CSV goes through the `csv` crate so that a name with a comma is quoted.

use super::GenerateError;
use super::groups::profile_index;
use crate::domain::{Availability, Block, Day, Instance, Location, LocationOrder, Slot};
use crate::input::{self, csvfile::Spec};

/// A TOML string literal, escaped by the `toml` crate.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `school.toml`, listing `locations` and `profiles` (name, size class) in the order given.
pub fn school_toml(
    inst: &Instance,
    locations: &[Location],
    profiles: &[(String, String)],
    origin: &str,
) -> String {
    let s = &inst.school;
    let mut t = String::new();
    t.push_str(&format!(
        "# A synthetic school made by `nt2plan generate` ({origin}).\n"
    ));
    t.push_str("# Invented people and groups, believable in shape; not real data.\n");
    t.push_str(&format!("name = {}\n", q(&s.name)));
    if let Some(bow) = &s.bow_number {
        t.push_str(&format!("bow_number = {}\n", q(bow)));
    }
    t.push_str(&format!(
        "main_location = {}\n",
        q(s.main_location.as_str())
    ));
    let locations: Vec<String> = locations.iter().map(|l| q(l.as_str())).collect();
    t.push_str(&format!("locations = [{}]\n", locations.join(", ")));
    t.push_str(&format!("rules = {}\n", q(&s.rules)));
    t.push_str(&format!(
        "term_start = \"{}\"\nterm_end = \"{}\"\n",
        s.term_start, s.term_end
    ));
    if !s.closed.is_empty() {
        t.push_str("closed = [\n");
        for c in &s.closed {
            t.push_str(&format!(
                "  {{ from = \"{}\", to = \"{}\", reason = {} }},\n",
                c.from,
                c.to,
                q(&c.reason)
            ));
        }
        t.push_str("]\n");
    }
    t.push_str("\n[blocks]\n");
    for b in &s.blocks {
        t.push_str(&format!("{} = \"{}\"\n", b.name.as_str(), b.time));
    }
    t.push_str("\n[profiles]\n");
    for (name, class) in profiles {
        t.push_str(&format!("{} = {}\n", q(name), q(class)));
    }
    t
}

/// A slot's block by its position in the school's day (blocks are kept by start time).
fn block_index(blocks: &[Block], slot: &Slot) -> usize {
    blocks
        .iter()
        .position(|b| b.name == slot.block)
        .unwrap_or(blocks.len())
}

/// `*` for always, `DAY-*` for a whole day, else `DAY-BLOCK` entries.
fn availability(a: &Availability, blocks: &[Block]) -> String {
    if *a == Availability::always(blocks) {
        return "*".to_string();
    }
    let mut parts = Vec::new();
    for day in Day::ALL {
        let mut of_day: Vec<&Slot> = a.0.iter().filter(|s| s.day == day).collect();
        if of_day.is_empty() {
            continue;
        }
        if of_day.len() == blocks.len() {
            parts.push(format!("{day}-*"));
        } else {
            of_day.sort_by_key(|s| block_index(blocks, s));
            parts.extend(of_day.iter().map(|s| s.to_string()));
        }
    }
    parts.join(";")
}

fn slots(slots: &[Slot], blocks: &[Block]) -> String {
    let mut v: Vec<&Slot> = slots.iter().collect();
    v.sort_by_key(|s| (s.day, block_index(blocks, s)));
    v.iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(";")
}

/// The file with the header the reader expects: its required columns, then its optional ones
/// (one list of columns serves both the reader and this writer).
fn csv_text(spec: &Spec, rows: Vec<Vec<String>>) -> Result<String, GenerateError> {
    csv_text_of(spec, spec.optional, rows)
}

/// [`csv_text`] with only the optional columns `optional` (in that order, after the
/// required ones).
fn csv_text_of(
    spec: &Spec,
    optional: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<String, GenerateError> {
    let file = spec.file;
    let err = |message: String| GenerateError::Render { file, message };
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = spec.required.iter().chain(optional);
    w.write_record(header).map_err(|e| err(e.to_string()))?;
    for row in rows {
        w.write_record(&row).map_err(|e| err(e.to_string()))?;
    }
    let bytes = w.into_inner().map_err(|e| err(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| err(e.to_string()))
}

/// `teachers.csv`; the contract hours' columns only when a teacher has contract hours, the
/// wishes' only when a teacher has wishes (so an instance without them is written as before).
pub fn teachers_csv(inst: &Instance) -> Result<String, GenerateError> {
    let blocks = &inst.school.blocks;
    let contract = inst.teachers.iter().any(|t| !t.contract.is_empty());
    let wishes = inst.teachers.iter().any(|t| !t.wishes.is_empty());
    let list = |w: &[crate::domain::Wish]| {
        w.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(";")
    };
    let number = |n: Option<u32>| n.map(|m| m.to_string()).unwrap_or_default();
    let rows = inst
        .teachers
        .iter()
        .map(|t| {
            let mut profiles: Vec<_> = t.profiles.iter().collect();
            profiles.sort_by_key(|p| profile_index(p));
            vec![
                t.id.to_string(),
                t.name.clone(),
                t.register.as_str().to_string(),
                t.locations
                    .iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                profiles
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                t.max_lessons_per_week
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                availability(&t.available, blocks),
                if t.is_certified() {
                    t.mentor_capacity.to_string()
                } else {
                    String::new()
                },
            ]
            .into_iter()
            .chain(contract.then(|| number(t.contract.min_per_week)))
            .chain(contract.then(|| number(t.contract.min_per_term)))
            .chain(contract.then(|| number(t.contract.max_per_term)))
            .chain(wishes.then(|| list(&t.wishes.prefers)))
            .chain(wishes.then(|| list(&t.wishes.avoids)))
            .collect()
        })
        .collect();
    let mut optional: Vec<&str> = Vec::new();
    if contract {
        optional.extend([
            "min_lessons_per_week",
            "min_lessons_per_term",
            "max_lessons_per_term",
        ]);
    }
    if wishes {
        optional.extend(["prefers", "avoids"]);
    }
    csv_text_of(&input::teachers::SPEC, &optional, rows)
}

pub fn groups_csv(inst: &Instance) -> Result<String, GenerateError> {
    let rows = inst
        .groups
        .iter()
        .map(|g| {
            let own_dates = (g.start, g.end) != (inst.school.term_start, inst.school.term_end);
            vec![
                g.course_code.to_string(),
                g.location.to_string(),
                g.profile.to_string(),
                g.law.as_str().to_string(),
                if g.has_choice() {
                    g.choices
                        .iter()
                        .map(|a| slots(a, &inst.school.blocks))
                        .collect::<Vec<_>>()
                        .join("|")
                } else {
                    slots(&g.slots, &inst.school.blocks)
                },
                if own_dates {
                    g.start.to_string()
                } else {
                    String::new()
                },
                if own_dates {
                    g.end.to_string()
                } else {
                    String::new()
                },
                if g.optional { "yes" } else { "no" }.to_string(),
                if g.optional {
                    g.min_size.to_string()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    csv_text(&input::groups::SPEC, rows)
}

pub fn students_csv(inst: &Instance) -> Result<String, GenerateError> {
    let blocks = &inst.school.blocks;
    let rows = inst
        .students
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                s.profile.to_string(),
                s.law.as_str().to_string(),
                match s.location_order {
                    LocationOrder::Unranked => "*".to_string(),
                    LocationOrder::Preference => s
                        .locations
                        .iter()
                        .map(|l| l.as_str())
                        .collect::<Vec<_>>()
                        .join(";"),
                },
                availability(&s.available, blocks),
                s.pinned.as_ref().map(|c| c.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    csv_text(&input::students::SPEC, rows)
}

pub fn mentors_csv(inst: &Instance) -> Result<String, GenerateError> {
    let rows = inst
        .mentors
        .iter()
        .map(|m| vec![m.id.to_string(), m.name.clone(), m.capacity.to_string()])
        .collect();
    csv_text(&input::mentors::SPEC, rows)
}

pub fn rooms_csv(inst: &Instance) -> Result<String, GenerateError> {
    let rows = inst
        .rooms
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                r.location.to_string(),
                r.capacity.to_string(),
                availability(&r.available, &inst.school.blocks),
            ]
        })
        .collect();
    csv_text(&input::rooms::SPEC, rows)
}

pub fn unavailability_csv(inst: &Instance) -> Result<String, GenerateError> {
    let rows = inst
        .unavailability
        .iter()
        .map(|u| {
            vec![
                u.teacher.to_string(),
                u.from.to_string(),
                u.to.to_string(),
                u.reason.clone(),
            ]
        })
        .collect();
    csv_text(&input::unavailability::SPEC, rows)
}

#[cfg(test)]
mod tests {
    use crate::generate::{RULES, SizeSpec, generate};

    #[test]
    fn files_parse_as_their_formats() {
        let x = generate(&SizeSpec::named("medium").expect("size"), 11).expect("generates");
        let toml: toml::Table = x.files[0].1.parse().expect("school.toml is TOML");
        assert_eq!(toml.get("rules").and_then(|v| v.as_str()), Some(RULES));
        for (name, text) in &x.files[1..] {
            let mut r = csv::Reader::from_reader(text.as_bytes());
            let width = r.headers().expect("a header").len();
            for row in r.records() {
                assert_eq!(row.expect("a row").len(), width, "{name}");
            }
        }
    }

    #[test]
    fn a_student_read_with_a_star_is_written_with_a_star() {
        let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let loaded =
            crate::validate::load_instance(&mini, None).unwrap_or_else(|d| panic!("{d:?}"));
        let text = super::students_csv(&loaded.value.instance).expect("renders");
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let locations: Vec<(String, String)> = r
            .records()
            .map(|row| {
                let row = row.expect("a row");
                (row[0].to_string(), row[3].to_string())
            })
            .collect();
        assert!(locations.contains(&("S004".into(), "*".into())), "{text}");
        assert!(
            locations.contains(&("S005".into(), "Amersfoort;Utrecht".into())),
            "{text}"
        );
    }
}
