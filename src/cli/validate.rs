//! `nt2plan validate INSTANCE`: read everything, report every problem at once.

use super::{Outcome, print_diagnostics, print_json};
use nt2plan::rules::RuleChoice;
use nt2plan::validate::load_instance;
use std::path::PathBuf;

/// Read an instance folder and report every problem in it at once.
///
/// Each problem has a stable code, the file, line and column, the cause and the fix.
/// Exit 0 when the instance is usable (warnings allowed), 2 on any error.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instance folder (school.toml, teachers.csv, groups.csv, students.csv, ...).
    instance: PathBuf,
    /// Use this rule set instead of school.toml's `rules`: a built-in name or a TOML file.
    #[arg(long, value_name = "NAME|PATH")]
    rules: Option<RuleChoice>,
    /// Print the diagnostics as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(serde::Serialize)]
struct Summary<'a> {
    ok: bool,
    rules: Option<&'a str>,
    teachers: usize,
    groups: usize,
    students: usize,
    lessons: usize,
    diagnostics: &'a nt2plan::diag::Diagnostics,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match load_instance(&args.instance, args.rules.as_ref()) {
        Ok(loaded) => {
            let inst = &loaded.value.instance;
            let rules = &loaded.value.rules;
            let lessons: usize = inst
                .groups
                .iter()
                .map(|g| inst.first_alternative_lessons(g).len())
                .sum();
            if args.json {
                print_json(&Summary {
                    ok: true,
                    rules: Some(&rules.name),
                    teachers: inst.teachers.len(),
                    groups: inst.groups.len(),
                    students: inst.students.len(),
                    lessons,
                    diagnostics: &loaded.warnings,
                })?;
            } else {
                if !loaded.warnings.is_empty() {
                    print_diagnostics(&loaded.warnings, false);
                }
                let (path, school, main) = (
                    args.instance.display(),
                    &inst.school.name,
                    &inst.school.main_location,
                );
                let (teachers, groups, students) =
                    (inst.teachers.len(), inst.groups.len(), inst.students.len());
                match super::lang::terminal() {
                    nt2plan::report::Lang::En => outln!(
                        "{path}: {school} ({main}), {teachers} teachers, {groups} groups, {students} students, {lessons} lessons; rule set {} ({}): OK",
                        rules.name,
                        rules.validity(),
                    ),
                    nt2plan::report::Lang::Nl => outln!(
                        "{path}: {school} ({main}), {teachers} docenten, {groups} groepen, {students} cursisten, {lessons} lessen; regeling {}: in orde",
                        rules.name,
                    ),
                }
            }
            Ok(Outcome::Ok)
        }
        Err(problems) => {
            if args.json {
                print_json(&Summary {
                    ok: false,
                    rules: None,
                    teachers: 0,
                    groups: 0,
                    students: 0,
                    lessons: 0,
                    diagnostics: &problems,
                })?;
            } else {
                print_diagnostics(&problems, false);
            }
            Ok(Outcome::Error)
        }
    }
}
