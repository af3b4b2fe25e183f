use super::*;
use crate::diag::Code;
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

#[test]
fn builtins_parse_with_the_norms_of_the_texts() {
    let all = builtins();
    assert_eq!(all.len(), BUILTIN.len());
    let h = &all[0];
    assert_eq!(h.name, "handleiding-2024");
    assert_eq!(h.min_certified_share, Share(8000));
    assert!(!h.allows_overflow());
    assert!(h.covers(date("2030-06-01")));
    let a = &all[1];
    assert_eq!(a.name, "addendum-2025");
    assert_eq!(a.min_certified_share, Share(6000));
    assert_eq!(a.target_certified_share, Share(8000));
    assert!(a.mentor_required && a.overflow_requires_full_groups);
    assert_eq!(
        a.size_classes["Alfabetisering/Z-route"],
        SizeLimits {
            standard_max: 12,
            temporary_max: 15
        }
    );
    assert_eq!(a.size_classes["ONA/KNM"].temporary_max, 25);
    assert_eq!(a.size_classes["NT2/B1"].temporary_max, 25);
    assert!(a.covers(date("2025-12-31")));
    assert!(!a.covers(date("2026-01-01")));
    assert!(!a.covers(date("2024-12-31")));
}

#[test]
fn to_toml_reads_back_to_the_same_rule_set() {
    for r in builtins() {
        let text = to_toml(&r);
        assert_eq!(parse("x", &text), Ok(r));
    }
}

#[test]
fn bad_values_are_all_reported_with_lines() {
    let src = "name = \"x\"\nvalid_from = \"2025-13-01\"\nvalid_until = \"2024-01-01\"\n\
               min_certified_share = 1.5\n[size_classes.\"A\"]\nstandard_max = 20\ntemporary_max = 15\n";
    let errs = parse("r.toml", src).expect_err("three problems");
    let got: Vec<(Code, Option<u64>)> = errs.iter().map(|d| (d.code(), d.line)).collect();
    assert!(got.contains(&(Code::BadDate, Some(2))), "{got:?}");
    assert!(got.contains(&(Code::BadShare, Some(4))), "{got:?}");
    assert!(got.contains(&(Code::InvalidRuleSet, Some(5))), "{got:?}");
}

#[test]
fn unknown_key_and_missing_key_are_coded() {
    let unknown = "name = \"x\"\nvalid_from = \"2025-01-01\"\nmin_certified_share = 0.6\nfoo = 1\n[size_classes.A]\nstandard_max = 3\n";
    let e = parse("r.toml", unknown).expect_err("foo unknown");
    assert_eq!(e.0[0].code(), Code::TomlUnknownKey);
    assert_eq!(e.0[0].line, Some(4));
    let missing = "name = \"x\"\nmin_certified_share = 0.6\n[size_classes.A]\nstandard_max = 3\n";
    let e = parse("r.toml", missing).expect_err("valid_from missing");
    assert_eq!(e.0[0].code(), Code::TomlMissingKey);
}

#[test]
fn resolve_finds_builtins_files_and_reports_unknown_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let origin = Diagnostic::error(ErrorCode::UnknownRuleSet, "school.toml", "").at(4, Some(9));
    assert_eq!(
        resolve("addendum-2025", dir.path(), origin.clone()).map(|r| r.name),
        Ok("addendum-2025".into())
    );
    let text = to_toml(&builtins()[0]).replace("handleiding-2024", "mine");
    std::fs::write(dir.path().join("mine.toml"), text).expect("write rules");
    assert_eq!(
        resolve("mine.toml", dir.path(), origin.clone()).map(|r| r.name),
        Ok("mine".into())
    );
    let e = resolve("addendum-2026", dir.path(), origin).expect_err("unknown");
    assert_eq!(
        (e.0[0].code(), e.0[0].line),
        (Code::UnknownRuleSet, Some(4))
    );
    assert!(e.0[0].fix.contains("handleiding-2024"));
}
