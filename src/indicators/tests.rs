use super::*;
use crate::domain::StudentId;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

fn exam(student: &str, law: Law, profile: &str, date: &str, passed: bool) -> ExamResult {
    ExamResult {
        student: StudentId::new(student),
        law,
        profile: Profile::new(profile),
        date: day(date),
        passed,
    }
}

/// (period, law, profile, exams, passed, text, judged)
fn summary(rates: &[PassRate]) -> Vec<(String, Law, String, u64, u64, String, bool)> {
    rates
        .iter()
        .map(|r| {
            (
                r.period.label(),
                r.law,
                r.profile.to_string(),
                r.exams,
                r.passed,
                r.pass_rate.clone(),
                r.judged_as_norm,
            )
        })
        .collect()
}

#[test]
fn a_period_runs_from_1_september_to_31_august_inclusive() {
    assert_eq!(Period::of(day("2024-08-31")).label(), "2023/2024");
    assert_eq!(Period::of(day("2024-09-01")).label(), "2024/2025");
    assert_eq!(Period::of(day("2023-09-01")).label(), "2023/2024");
    assert_eq!(Period::of(day("2023-08-31")).label(), "2022/2023");
    assert_eq!(Period::of(day("2024-01-01")).label(), "2023/2024");
    assert_eq!(Period::of(day("2024-12-31")).label(), "2024/2025");
    let p = Period::of(day("2024-02-29"));
    assert_eq!(p.first_day(), "2023-09-01");
    assert_eq!(p.last_day(), "2024-08-31");
    assert_eq!(p.range(), "2023-09-01..2024-08-31");
}

#[test]
fn exception_3_starts_exactly_with_2023_2024_and_only_for_wi2013() {
    assert_eq!(EXCEPTION_3_FROM.range(), "2023-09-01..2024-08-31");
    let last_judged = Period::of(day("2023-08-31"));
    let first_exempt = Period::of(day("2023-09-01"));
    assert!(!exception_3_applies(Law::Wi2013, last_judged));
    assert!(exception_3_applies(Law::Wi2013, first_exempt));
    assert!(exception_3_applies(
        Law::Wi2013,
        Period { start_year: 2031 }
    ));
    for p in [last_judged, first_exempt, Period { start_year: 2031 }] {
        assert!(!exception_3_applies(Law::Wi2021, p), "{p}");
    }
}

#[test]
fn the_mark_is_set_on_the_row_with_note_and_both_flags() {
    let rates = pass_rates(&[
        exam("S1", Law::Wi2013, "B1-route", "2023-08-31", true),
        exam("S2", Law::Wi2013, "B1-route", "2023-09-01", true),
        exam("S3", Law::Wi2021, "B1-route", "2023-09-01", true),
    ]);
    let flags: Vec<_> = rates
        .iter()
        .map(|r| (r.judged_as_norm, r.counts_for_stars, r.note.is_some()))
        .collect();
    assert_eq!(
        flags,
        vec![
            (true, true, false),
            (false, false, true),
            (true, true, false)
        ]
    );
    assert!(rates[1].indicator_only());
    assert_eq!(rates[1].note, Some(EXCEPTION_3_NOTE));
}

#[test]
fn pass_rates_are_truncated_never_rounded_up() {
    let rates = pass_rates(&[
        exam("S1", Law::Wi2021, "Z-route", "2024-03-01", true),
        exam("S2", Law::Wi2021, "Z-route", "2024-03-01", true),
        exam("S3", Law::Wi2021, "Z-route", "2024-03-01", false),
    ]);
    assert_eq!(rates.len(), 1);
    assert_eq!((rates[0].exams, rates[0].passed), (3, 2));
    assert_eq!(rates[0].pass_rate, "66.6%");
    assert_eq!(rates[0].pass_rate_permille, 666);

    let mut many: Vec<ExamResult> = (0..1999)
        .map(|i| exam(&format!("S{i}"), Law::Wi2021, "B1", "2024-03-01", true))
        .collect();
    many.push(exam("X", Law::Wi2021, "B1", "2024-03-01", false));
    let rates = pass_rates(&many);
    assert_eq!(rates[0].pass_rate, "99.9%", "1999 of 2000 is 99.95%");
    assert_eq!(rates[0].pass_rate_permille, 999);
}

#[test]
fn rows_are_grouped_per_period_law_and_profile_and_sorted() {
    let rates = pass_rates(&[
        exam("S1", Law::Wi2021, "Z-route", "2024-10-01", false),
        exam("S2", Law::Wi2021, "B1-route", "2023-10-01", true),
        exam("S3", Law::Wi2013, "Z-route", "2023-10-01", false),
        exam("S4", Law::Wi2013, "B1-route", "2023-10-01", true),
        exam("S5", Law::Wi2021, "B1-route", "2024-06-30", false),
        exam("S6", Law::Wi2013, "B1-route", "2022-12-01", true),
        exam("S7", Law::Wi2013, "B1-route", "2024-02-01", false),
    ]);
    let w13 = Law::Wi2013;
    let w21 = Law::Wi2021;
    let row = |p: &str, law, prof: &str, n, k, t: &str, j| {
        (p.to_string(), law, prof.to_string(), n, k, t.to_string(), j)
    };
    assert_eq!(
        summary(&rates),
        vec![
            row("2022/2023", w13, "B1-route", 1, 1, "100.0%", true),
            row("2023/2024", w13, "B1-route", 2, 1, "50.0%", false),
            row("2023/2024", w13, "Z-route", 1, 0, "0.0%", false),
            row("2023/2024", w21, "B1-route", 2, 1, "50.0%", true),
            row("2024/2025", w21, "Z-route", 1, 0, "0.0%", true),
        ]
    );
}

#[test]
fn no_results_give_no_rows() {
    assert!(pass_rates(&[]).is_empty());
}

#[test]
fn json_names_the_period_and_the_flags() {
    let rates = pass_rates(&[exam("S1", Law::Wi2013, "B1-route", "2024-08-31", true)]);
    let json = serde_json::to_value(&rates[0]).expect("serializes");
    assert_eq!(json["period"], "2023/2024");
    assert_eq!(json["period_start"], "2023-09-01");
    assert_eq!(json["period_end"], "2024-08-31");
    assert_eq!(json["law"], "wi2013");
    assert_eq!(json["profile"], "B1-route");
    assert_eq!(json["pass_rate_permille"], 1000);
    assert_eq!(json["judged_as_norm"], false);
    assert_eq!(json["counts_for_stars"], false);
    assert_eq!(json["note"], EXCEPTION_3_NOTE);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_exam() -> impl Strategy<Value = ExamResult> {
        (
            0u32..20,
            any::<bool>(),
            prop::sample::select(vec!["B1-route", "Z-route", "ONA"]),
            // 0000-01-01 up to 9999-12-31: every date an ISO cell can hold.
            0u64..3_652_425,
            any::<bool>(),
        )
            .prop_map(|(s, wi2013, profile, days, passed)| ExamResult {
                student: StudentId::new(format!("S{s}")),
                law: if wi2013 { Law::Wi2013 } else { Law::Wi2021 },
                profile: Profile::new(profile),
                date: day("0000-01-01") + chrono::Days::new(days),
                passed,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// Every exam is counted once, rates are truncated, rows are sorted and unique, and
        /// exactly Wi2013 from 2023/2024 on is marked.
        #[test]
        fn rates_count_every_exam_once_truncated_sorted_and_marked(
            exams in prop::collection::vec(any_exam(), 0..60),
        ) {
            let rates = pass_rates(&exams);
            prop_assert_eq!(rates.iter().map(|r| r.exams).sum::<u64>(), exams.len() as u64);
            let passed = exams.iter().filter(|e| e.passed).count() as u64;
            prop_assert_eq!(rates.iter().map(|r| r.passed).sum::<u64>(), passed);
            for r in &rates {
                prop_assert!(r.exams > 0 && r.passed <= r.exams);
                prop_assert!(r.pass_rate_permille * r.exams <= r.passed * 1000);
                prop_assert!(r.passed * 1000 < (r.pass_rate_permille + 1) * r.exams);
                let exempt = r.law == Law::Wi2013 && r.period.start_year >= 2023;
                prop_assert_eq!(r.judged_as_norm, !exempt);
                prop_assert_eq!(r.counts_for_stars, !exempt);
                prop_assert_eq!(r.note.is_some(), exempt);
            }
            for w in rates.windows(2) {
                let key = |r: &PassRate| (r.period, r.law, r.profile.clone());
                prop_assert!(key(&w[0]) < key(&w[1]));
            }
        }
    }
}
