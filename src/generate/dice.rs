//! The one source of randomness: ChaCha8 from a seed, with every draw made through `u32`
//! and `f64` so that the values are the same on 32- and 64-bit machines (rand samples
//! `usize` ranges differently by platform). Each pass gets its own ChaCha stream, so a
//! change in how students are drawn never changes the teachers of the same seed.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The independent random streams, one per generation pass.
#[derive(Clone, Copy, Debug)]
pub enum Stream {
    School = 1,
    Groups = 2,
    Staff = 3,
    Students = 4,
    /// Scenario variations of `nt2plan sweep`: who leaves, which students come or go.
    Sweep = 5,
    /// What `--tight` adds: midday lessons, own dates, single days off, binding maxima.
    Tight = 6,
    /// What `--alternatives` adds: a second choice of meeting times for some groups.
    Alternatives = 7,
}

pub struct Dice(ChaCha8Rng);

impl Dice {
    /// `salt` tells sizes apart, so that seed 1 of `small` and of `xl` are different schools.
    pub fn new(seed: u64, salt: u64, stream: Stream) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream((salt << 8) | stream as u64);
        Dice(rng)
    }

    /// A uniform index in `0..n`; 0 when `n` is 0 or 1.
    pub fn below(&mut self, n: usize) -> usize {
        match u32::try_from(n) {
            Ok(0 | 1) => 0,
            Ok(n) => self.0.random_range(0..n) as usize,
            Err(_) => self.0.random_range(0..u32::MAX) as usize,
        }
    }

    /// A uniform whole number in `lo..=hi` (`lo` when `hi < lo`).
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            lo
        } else {
            self.0.random_range(lo..=hi)
        }
    }

    /// A uniform number in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.0.random::<f64>()
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.0.random::<f64>() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }

    /// An index drawn with the given weights (all zero: uniform).
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return self.below(weights.len());
        }
        let mut x = self.uniform(0.0, total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// Fisher-Yates, through [`Dice::below`] for platform-independent results.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the
/// lower index), giving every part at least `min_each` when `total` allows it.
pub fn apportion(total: usize, weights: &[f64], min_each: usize) -> Vec<usize> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let floor = if total >= min_each * n { min_each } else { 0 };
    let rest = total - floor * n;
    let sum: f64 = weights.iter().map(|w| w.max(0.0)).sum();
    let shares: Vec<f64> = weights
        .iter()
        .map(|w| {
            if sum > 0.0 {
                w.max(0.0) / sum * rest as f64
            } else {
                rest as f64 / n as f64
            }
        })
        .collect();
    let mut parts: Vec<usize> = shares.iter().map(|s| s.floor() as usize).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (shares[a] - shares[a].floor(), shares[b] - shares[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut missing = rest.saturating_sub(parts.iter().sum());
    for &i in order.iter().cycle().take(n * 2) {
        if missing == 0 {
            break;
        }
        parts[i] += 1;
        missing -= 1;
    }
    parts.iter_mut().for_each(|p| *p += floor);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_sums_and_respects_minimum() {
        assert_eq!(apportion(10, &[1.0, 1.0, 2.0], 0), vec![3, 2, 5]);
        let p = apportion(7, &[5.0, 0.1, 0.1], 2);
        assert_eq!(p.iter().sum::<usize>(), 7);
        assert!(p.iter().all(|&x| x >= 2));
        assert_eq!(apportion(1, &[1.0, 1.0], 1).iter().sum::<usize>(), 1);
        assert!(apportion(3, &[], 0).is_empty());
    }

    #[test]
    fn streams_are_independent_and_repeatable() {
        let a: Vec<usize> = (0..5)
            .map({
                let mut d = Dice::new(7, 0, Stream::Groups);
                move |_| d.below(1000)
            })
            .collect();
        let b: Vec<usize> = (0..5)
            .map({
                let mut d = Dice::new(7, 0, Stream::Groups);
                move |_| d.below(1000)
            })
            .collect();
        let c: Vec<usize> = (0..5)
            .map({
                let mut d = Dice::new(7, 0, Stream::Staff);
                move |_| d.below(1000)
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
