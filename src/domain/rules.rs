//! A rule set: the norm values that apply, with the dates they are valid.
//!
//! Rules are data, never constants: the built-in sets live in `crate::rules`, and users may
//! write their own in TOML.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// A share such as 60%, kept exactly in parts per ten thousand so that comparisons never
/// suffer from floating point: `certified * 10_000 >= parts * total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Share(pub u32);

impl Share {
    pub const SCALE: u32 = 10_000;

    /// From a fraction in `0.0..=1.0`, rounded to the nearest part in ten thousand.
    pub fn from_fraction(f: f64) -> Option<Share> {
        if !(0.0..=1.0).contains(&f) || f.is_nan() {
            return None;
        }
        Some(Share((f * f64::from(Self::SCALE)).round() as u32))
    }

    pub fn fraction(self) -> f64 {
        f64::from(self.0) / f64::from(Self::SCALE)
    }

    /// Whether `part` of `total` reaches this share. Zero of zero meets every share.
    pub fn met_by(self, part: u64, total: u64) -> bool {
        part * u64::from(Self::SCALE) >= u64::from(self.0) * total
    }

    /// The fewest of `total` that meet this share (the ceiling of `share * total`).
    pub fn minimum_of(self, total: u64) -> u64 {
        (u64::from(self.0) * total).div_ceil(u64::from(Self::SCALE))
    }
}

impl fmt::Display for Share {
    /// As a percentage with at most two decimals, e.g. `60%` or `62.5%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let frac = self.0 % 100;
        if frac == 0 {
            write!(f, "{whole}%")
        } else if frac % 10 == 0 {
            write!(f, "{whole}.{}%", frac / 10)
        } else {
            write!(f, "{whole}.{frac:02}%")
        }
    }
}

/// Percentage of `part` in `total`, truncated (never rounded up) to one decimal, for display:
/// 59.96% shows as 59.9%, so a display never suggests compliance that is not there.
pub fn percent_floor(part: u64, total: u64) -> String {
    if total == 0 {
        return "-".to_string();
    }
    let tenths = part * 1000 / total;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// Group size limits of one size class (norm 2.2.1 and exception 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SizeLimits {
    /// The Handleiding's maximum group size.
    pub standard_max: u32,
    /// The largest size allowed under the exception; equal to `standard_max` when the
    /// rule set has no exception for this class.
    pub temporary_max: u32,
}

impl SizeLimits {
    pub fn allows_overflow(&self) -> bool {
        self.temporary_max > self.standard_max
    }
}

/// The norms in force, with their validity dates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleSet {
    pub name: String,
    pub title: String,
    pub valid_from: NaiveDate,
    /// Last day the rule set applies (inclusive); `None` means open-ended.
    pub valid_until: Option<NaiveDate>,
    /// Norm 1.7.1a: the floor for the share of lessons by certified teachers.
    pub min_certified_share: Share,
    /// The aim above the floor (the Addendum keeps 80% as the aim).
    pub target_certified_share: Share,
    /// Norm 1.7.1b: certified lessons every course code must have.
    pub min_certified_lessons_per_course: u32,
    /// Whether every non-certified teacher who teaches needs a certified mentor.
    pub mentor_required: bool,
    /// Exception 2's condition: above the standard maximum only when every running group of
    /// that profile at that location holds at least the standard maximum.
    pub overflow_requires_full_groups: bool,
    /// Size class name -> limits, e.g. `NT2/B1` -> 20/25.
    pub size_classes: BTreeMap<String, SizeLimits>,
}

impl RuleSet {
    /// Whether the rule set applies on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.valid_from && self.valid_until.is_none_or(|u| date <= u)
    }

    /// Whether any size class may go above its standard maximum (exception 2).
    pub fn allows_overflow(&self) -> bool {
        self.size_classes.values().any(SizeLimits::allows_overflow)
    }

    /// The validity as text, e.g. `2025-01-01 to 2025-12-31` or `from 2024-01-01`.
    pub fn validity(&self) -> String {
        match self.valid_until {
            Some(u) => format!("{} to {}", self.valid_from, u),
            None => format!("from {}, open-ended", self.valid_from),
        }
    }

    /// The validity in Dutch: `van 2025-01-01 t/m 2025-12-31`, `vanaf 2024-01-01`.
    pub fn validity_nl(&self) -> String {
        match self.valid_until {
            Some(u) => format!("van {} t/m {u}", self.valid_from),
            None => format!("vanaf {}, zonder einddatum", self.valid_from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_boundaries_are_exact() {
        let sixty = Share::from_fraction(0.60).expect("0.6 is a share");
        assert_eq!(sixty, Share(6000));
        assert!(sixty.met_by(60, 100));
        assert!(!sixty.met_by(59, 100));
        assert!(sixty.met_by(3, 5));
        assert!(!sixty.met_by(2, 5));
        assert!(sixty.met_by(0, 0));
        assert_eq!(sixty.minimum_of(7), 5);
        assert_eq!(sixty.minimum_of(10), 6);
        assert_eq!(Share::from_fraction(1.5), None);
        assert_eq!(Share::from_fraction(f64::NAN), None);
    }

    #[test]
    fn share_and_percent_display() {
        assert_eq!(Share(6000).to_string(), "60%");
        assert_eq!(Share(6250).to_string(), "62.5%");
        assert_eq!(Share(6255).to_string(), "62.55%");
        assert_eq!(percent_floor(5996, 10000), "59.9%");
        assert_eq!(percent_floor(2, 3), "66.6%");
        assert_eq!(percent_floor(0, 0), "-");
    }
}
