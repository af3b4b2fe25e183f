//! Helpers shared by the integration tests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where `instances/` lives).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn demo() -> PathBuf {
    root().join("instances/demo")
}

/// The demo school and its rule set, loaded by the library.
pub fn load_demo() -> (nt2plan::domain::Instance, nt2plan::domain::RuleSet) {
    let loaded = nt2plan::validate::load_instance(&demo(), None).expect("demo loads");
    (loaded.value.instance, loaded.value.rules)
}

pub fn demo_schedule() -> PathBuf {
    root().join("instances/demo-schedule")
}

/// Runs the `nt2plan` binary with `args`, without a locale (so its messages are English
/// whatever the machine's `LANG`).
pub fn nt2plan<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_nt2plan"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .output()
        .expect("the nt2plan binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, recursively, by its path relative to `dir` (`/` between folders),
/// in path order; none when `dir` does not exist. The one directory walker of the tests.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside the folder");
                let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    out
}

/// Every file under `dir` (recursively) by relative path, with its bytes; `dir` must exist.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    assert!(dir.is_dir(), "{} is not a folder", dir.display());
    file_names(dir)
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).expect("read file");
            (name, bytes)
        })
        .collect()
}

/// Copies an instance folder (its files) into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy folder");
    for name in file_names(from) {
        let target = to.join(&name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("create copy folder");
        }
        std::fs::copy(from.join(&name), target).expect("copy file");
    }
}
