//! Pass rates (slagingspercentage) per measurement period, law and profile, and how Blik op
//! Werk treats them under exception 3 of the Addendum.
//!
//! Exception 3: from the measurement period 2023-09-01..2024-08-31 on, and in every period
//! after it, the Wi2013 pass rate is no longer judged as a norm and does not count for the
//! star rating; it stays visible as a performance indicator (prestatie-indicator). Earlier
//! periods, and Wi2021 in every period, are untouched by the exception.
//!
//! Everything here is a pure function of the exam results: no files, no printing.

use crate::domain::rules::percent_floor;
use crate::domain::{ExamResult, Law, Profile};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// The version of the JSON shape of [`PassRate`]; bumped when the meaning of a field changes.
pub const FORMAT_VERSION: u32 = 1;

/// A measurement period (meetperiode): 1 September of `start_year` up to and including
/// 31 August of the year after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The year the period starts in: 2023 for 2023-09-01..2024-08-31.
    pub start_year: i32,
}

impl Period {
    /// The period `date` falls in: September to December open a period, January to
    /// August close the one that opened the year before.
    pub fn of(date: NaiveDate) -> Period {
        let start_year = if date.month() >= 9 {
            date.year()
        } else {
            date.year() - 1
        };
        Period { start_year }
    }

    /// The label, e.g. `2023/2024`.
    pub fn label(self) -> String {
        format!("{:04}/{:04}", self.start_year, self.start_year + 1)
    }

    /// The first day as an ISO date, e.g. `2023-09-01`.
    pub fn first_day(self) -> String {
        format!("{:04}-09-01", self.start_year)
    }

    /// The last day as an ISO date, e.g. `2024-08-31`.
    pub fn last_day(self) -> String {
        format!("{:04}-08-31", self.start_year + 1)
    }

    /// Both days, e.g. `2023-09-01..2024-08-31`.
    pub fn range(self) -> String {
        format!("{}..{}", self.first_day(), self.last_day())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The first measurement period exception 3 applies to (2023-09-01..2024-08-31); it goes on
/// for every period after it.
pub const EXCEPTION_3_FROM: Period = Period { start_year: 2023 };

/// The note on every pass rate that exception 3 turns into a performance indicator.
pub const EXCEPTION_3_NOTE: &str = "exception 3 (Addendum): from measurement period 2023/2024 on, \
     the Wi2013 pass rate is a performance indicator only; it is not judged as a norm and does \
     not count for the star rating";

/// Whether exception 3 applies to the pass rate of `law` in `period`.
pub fn exception_3_applies(law: Law, period: Period) -> bool {
    law == Law::Wi2013 && period >= EXCEPTION_3_FROM
}

/// The pass rate of one law and profile in one measurement period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PassRate {
    /// The period's label, e.g. `2023/2024`.
    pub period: Period,
    /// The period's first day, e.g. `2023-09-01`.
    pub period_start: String,
    /// The period's last day (inclusive), e.g. `2024-08-31`.
    pub period_end: String,
    pub law: Law,
    pub profile: Profile,
    /// Exams taken in the period (at least 1).
    pub exams: u64,
    /// Exams passed.
    pub passed: u64,
    /// `passed` per thousand `exams`, truncated: 2 of 3 is 666.
    pub pass_rate_permille: u64,
    /// The pass rate as text with one decimal, truncated (never rounded up): `66.6%`.
    pub pass_rate: String,
    /// False where exception 3 applies: Blik op Werk does not judge this rate as a norm.
    pub judged_as_norm: bool,
    /// False where exception 3 applies: the rate does not count for the star rating.
    pub counts_for_stars: bool,
    /// Why the rate is not judged ([`EXCEPTION_3_NOTE`]); `None` when it is.
    pub note: Option<&'static str>,
}

impl PassRate {
    /// Whether exception 3 marks this rate as a performance indicator only.
    pub fn indicator_only(&self) -> bool {
        !self.judged_as_norm
    }
}

/// The pass rates of `results`, one per period, law and profile that has exams; sorted by
/// period (oldest first), then law (Wi2013 first), then profile name.
pub fn pass_rates(results: &[ExamResult]) -> Vec<PassRate> {
    let mut counts: BTreeMap<(Period, Law, &Profile), (u64, u64)> = BTreeMap::new();
    for r in results {
        let (exams, passed) = counts
            .entry((Period::of(r.date), r.law, &r.profile))
            .or_default();
        *exams += 1;
        *passed += u64::from(r.passed);
    }
    counts
        .into_iter()
        .map(|((period, law, profile), (exams, passed))| {
            let exempt = exception_3_applies(law, period);
            PassRate {
                period,
                period_start: period.first_day(),
                period_end: period.last_day(),
                law,
                profile: profile.clone(),
                exams,
                passed,
                pass_rate_permille: (passed * 1000).checked_div(exams).unwrap_or(0),
                pass_rate: percent_floor(passed, exams),
                judged_as_norm: !exempt,
                counts_for_stars: !exempt,
                note: exempt.then_some(EXCEPTION_3_NOTE),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
