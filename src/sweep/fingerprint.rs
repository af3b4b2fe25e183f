//! What a sweep's results depend on, hashed, so that `sweep merge` joins only parts of the
//! same sweep and a rerun of a shard reuses only records of the same sweep.
//!
//! The title, names and axis labels of [`super::SweepInfo`] say what a sweep is called, not
//! what it computes: a scenario file edited under the same name, an instance file changed
//! between two shards, or another nt2plan gives other rows under the same labels. The
//! fingerprint hashes each of those inputs apart (SHA-256), so that a refusal can name the one
//! that differs.

use super::BreakingInfo;
use super::expand::Scenario;
use super::file::LoadedSweep;
use crate::diag::{Diagnostic, ErrorCode};
use crate::rules::RuleChoice;
use crate::solve::Settings;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

/// What a run does beyond the solver settings, as far as it changes the rows.
#[derive(Clone, Copy, Debug)]
pub struct RunOptions<'a> {
    /// The second solve per scenario, for the highest reachable certified share.
    pub highest: bool,
    /// Bisection for the breaking point instead of the whole grid.
    pub breaking: Option<&'a BreakingInfo>,
    /// Teachers' and mentors' names replaced by their ids (`--anonymize`).
    pub anonymized: bool,
}

/// The hashes of a sweep's inputs, each as 64 hex digits, and nt2plan's version as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Over the components below: equal exactly when they all are.
    pub sha256: String,
    /// The expanded scenarios, each with every setting of its change (base and axes).
    pub scenarios: String,
    /// The bytes of the instance files, by name (absent files count as absent).
    pub instance: String,
    /// The rule sets the scenarios are judged by, as read: the base's and every one the
    /// scenario file names, built-in or from a file (with that file's bytes).
    pub rules: String,
    /// The solver and its options, and what is solved and written per job (the highest
    /// share, bisection, teachers' names replaced by ids).
    pub solver: String,
    /// nt2plan's version: another version may model or check differently.
    pub version: String,
}

impl Fingerprint {
    /// Fingerprints a loaded sweep with the settings it is solved with. Reads the instance
    /// files again, for their bytes.
    pub fn of(
        loaded: &LoadedSweep,
        scenarios: &[Scenario],
        settings: &Settings,
        run: &RunOptions<'_>,
    ) -> Result<Fingerprint, Diagnostic> {
        let changes: Vec<(&Scenario, &super::spec::Change)> =
            scenarios.iter().map(|s| (s, &s.change)).collect();
        let scenarios = hash_json(&changes)?;
        let mut instance = Sha256::new();
        for name in crate::validate::INSTANCE_FILES {
            let path = loaded.spec.instance_dir.join(name);
            // An optional file that is absent counts as absent.
            if path.is_file() {
                field(&mut instance, name.as_bytes());
                field(
                    &mut instance,
                    &read(&path, "instance file", "het instantiebestand")?,
                );
            }
        }
        // The rule sets as parsed (built-in ones too), and the bytes of the rule set files
        // the scenario file names (school.toml, which names the base's, is hashed above).
        let mut rules = Sha256::new();
        field(
            &mut rules,
            hash_json(&(&loaded.rules, &loaded.spec.rule_sets))?.as_bytes(),
        );
        let base_dir = loaded.spec.file.parent().unwrap_or(Path::new("."));
        for reference in loaded.spec.rule_sets.keys() {
            if let RuleChoice::File(path) = RuleChoice::parse(reference).relative_to(base_dir) {
                field(&mut rules, reference.as_bytes());
                field(
                    &mut rules,
                    &read(&path, "rule set file", "het regelsetbestand")?,
                );
            }
        }
        let solver = hash_text(&format!(
            "{} {:?} {:?} {:?} {:?} {} {} highest={} breaking={:?} anonymized={}",
            settings.backend.name(),
            settings.formulation,
            settings.search,
            settings.time_limit,
            settings.gap,
            settings.seed,
            settings.threads,
            run.highest,
            run.breaking,
            run.anonymized,
        ));
        Ok(Fingerprint::from_parts(
            scenarios,
            hex(instance),
            hex(rules),
            solver,
            env!("CARGO_PKG_VERSION").to_string(),
        ))
    }

    fn from_parts(
        scenarios: String,
        instance: String,
        rules: String,
        solver: String,
        version: String,
    ) -> Fingerprint {
        let mut all = Sha256::new();
        for part in [&scenarios, &instance, &rules, &solver, &version] {
            field(&mut all, part.as_bytes());
        }
        Fingerprint {
            sha256: hex(all),
            scenarios,
            instance,
            rules,
            solver,
            version,
        }
    }

    /// What differs from `other`, in words; empty when the two are the same sweep.
    pub fn differences(&self, other: &Fingerprint) -> Vec<String> {
        self.differing(other).iter().map(Difference::en).collect()
    }

    /// What differs from `other`, in Dutch words, as [`Fingerprint::differences`].
    pub fn differences_nl(&self, other: &Fingerprint) -> Vec<String> {
        self.differing(other).iter().map(Difference::nl).collect()
    }

    fn differing(&self, other: &Fingerprint) -> Vec<Difference> {
        let mut out = Vec::new();
        if self.scenarios != other.scenarios {
            out.push(Difference::Scenarios);
        }
        if self.instance != other.instance {
            out.push(Difference::Instance);
        }
        if self.rules != other.rules {
            out.push(Difference::Rules);
        }
        if self.solver != other.solver {
            out.push(Difference::Solver);
        }
        if self.version != other.version {
            out.push(Difference::Version(
                self.version.clone(),
                other.version.clone(),
            ));
        }
        if out.is_empty() && self.sha256 != other.sha256 {
            out.push(Difference::Fingerprint);
        }
        out
    }
}

/// One input in which two fingerprints differ.
enum Difference {
    Scenarios,
    Instance,
    Rules,
    Solver,
    /// The two versions of nt2plan: this one's and the other's.
    Version(String, String),
    Fingerprint,
}

impl Difference {
    fn en(&self) -> String {
        match self {
            Difference::Scenarios => "the scenarios (the scenario file's settings)".into(),
            Difference::Instance => "the instance files".into(),
            Difference::Rules => "the rule sets".into(),
            Difference::Solver => "the solver or its options".into(),
            Difference::Version(a, b) => format!("nt2plan's version ({a} and {b})"),
            Difference::Fingerprint => "the fingerprint".into(),
        }
    }

    fn nl(&self) -> String {
        match self {
            Difference::Scenarios => {
                "de scenario's (de instellingen in het scenariobestand)".into()
            }
            Difference::Instance => "de instantiebestanden".into(),
            Difference::Rules => "de regelsets".into(),
            Difference::Solver => "de solver of zijn instellingen".into(),
            Difference::Version(a, b) => format!("de versie van nt2plan ({a} en {b})"),
            Difference::Fingerprint => "de vingerafdruk".into(),
        }
    }
}

/// A file read again, for its bytes; it was read a moment ago, so a failure is rare.
/// `what` names the file in English, `what_nl` in Dutch.
fn read(path: &Path, what: &str, what_nl: &str) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            ErrorCode::FileUnreadable,
            path.display().to_string(),
            format!("cannot read the {what} again for the sweep's fingerprint: {e}"),
        )
        .fix("keep the scenario file, the instance and the rule sets readable while the sweep runs")
        .nl(format!(
            "{what_nl} is niet opnieuw te lezen voor de vingerafdruk van de sweep: {}",
            crate::diag::io_error_nl(&e)
        ))
        .fix_nl(
            "houd het scenariobestand, de instantie en de regelsets leesbaar zolang de sweep loopt",
        )
    })
}

/// A length before the bytes, so that no two sequences of fields hash alike.
fn field(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

fn hex(h: Sha256) -> String {
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_text(text: &str) -> String {
    let mut h = Sha256::new();
    field(&mut h, text.as_bytes());
    hex(h)
}

/// Hashes a value by its JSON: field order is declaration order and maps are B-trees, so the
/// same value gives the same text.
fn hash_json<T: Serialize>(value: &T) -> Result<String, Diagnostic> {
    let text = serde_json::to_string(value).map_err(|e| {
        Diagnostic::error(
            ErrorCode::BadVariation,
            "-",
            format!("the sweep cannot be fingerprinted: {e}"),
        )
        .fix("report this as a bug of nt2plan")
        .nl(format!("van de sweep is geen vingerafdruk te maken: {e}"))
        .fix_nl("meld dit als fout in nt2plan")
    })?;
    Ok(hash_text(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(parts: [&str; 5]) -> Fingerprint {
        let [s, i, r, o, v] = parts.map(str::to_string);
        Fingerprint::from_parts(s, i, r, o, v)
    }

    #[test]
    fn equal_inputs_give_equal_fingerprints_and_no_differences() {
        let a = print(["s", "i", "r", "o", "0.1.0"]);
        let b = print(["s", "i", "r", "o", "0.1.0"]);
        assert_eq!(a, b);
        assert!(a.differences(&b).is_empty());
        assert_eq!(a.sha256.len(), 64);
    }

    #[test]
    fn each_differing_input_is_named() {
        let a = print(["s", "i", "r", "o", "0.1.0"]);
        let b = print(["s", "i2", "r", "o", "0.2.0"]);
        assert_ne!(a.sha256, b.sha256);
        let d = a.differences(&b);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].contains("instance"), "{d:?}");
        assert!(d[1].contains("0.1.0 and 0.2.0"), "{d:?}");
    }

    #[test]
    fn fields_are_length_prefixed_so_shifted_bytes_differ() {
        let a = print(["ab", "c", "r", "o", "v"]);
        let b = print(["a", "bc", "r", "o", "v"]);
        assert_ne!(a.sha256, b.sha256);
    }

    /// The issue's case: a scenario file edited under the same name (`[base]
    /// groups_may_close` flipped), and one byte of an instance file changed.
    #[test]
    fn an_edited_setting_or_instance_file_changes_the_fingerprint_and_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let instance = dir.path().join("demo");
        std::fs::create_dir_all(&instance).expect("mkdir");
        for name in crate::validate::INSTANCE_FILES {
            let from = crate::testing::demo_dir().join(name);
            if from.is_file() {
                std::fs::copy(&from, instance.join(name)).expect("copy");
            }
        }
        let file = dir.path().join("s.toml");
        let fingerprint = |base: &str| {
            let body = format!(
                "instance = \"demo\"\n[base]\n{base}\n[[axis]]\nname = \"weg\"\nvary = \"remove_certified_count\"\nlevels = [0, 1]\n"
            );
            std::fs::write(&file, body).expect("write");
            let loaded = crate::sweep::file::load(&file).expect("loads").value;
            let scenarios = crate::sweep::expand::scenarios(&loaded.spec);
            let run = RunOptions {
                highest: true,
                breaking: None,
                anonymized: false,
            };
            Fingerprint::of(&loaded, &scenarios, &Settings::default(), &run).expect("fingerprint")
        };
        let a = fingerprint("groups_may_close = false");
        assert_eq!(a, fingerprint("groups_may_close = false"));
        let flipped = fingerprint("groups_may_close = true");
        assert_eq!(
            a.differences(&flipped),
            ["the scenarios (the scenario file's settings)"]
        );
        let teachers = instance.join("teachers.csv");
        let mut bytes = std::fs::read(&teachers).expect("read");
        bytes.extend_from_slice(b"\n");
        std::fs::write(&teachers, bytes).expect("write");
        assert_eq!(
            a.differences(&fingerprint("groups_may_close = false")),
            ["the instance files"]
        );

        // A rule set file named by the scenario file: a comment added is a change too.
        let (_, text) = crate::rules::BUILTIN
            .iter()
            .find(|(n, _)| *n == "addendum-2025")
            .expect("built in");
        let rules = dir.path().join("regels.toml");
        std::fs::write(&rules, text).expect("write");
        let before = fingerprint("rules = \"regels.toml\"");
        std::fs::write(&rules, format!("{text}\n# herzien\n")).expect("write");
        assert_eq!(
            before.differences(&fingerprint("rules = \"regels.toml\"")),
            ["the rule sets"]
        );
    }
}
