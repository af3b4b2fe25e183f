//! Classes cut so that the rows they share line up.
//!
//! A per-lesson row (a teacher's week, or a clique of a teacher's lessons on a date) holds
//! one lesson of each series of its *type*. Summed over several weeks it is exact only if
//! the classes of all those series cover the same weeks: were series A one class over
//! weeks 1-2 and series B split into week 1 and week 2, the summed row would let the
//! teacher give both of A's lessons and B's week-1 lesson and still hold, although week 1
//! then holds two. So lessons are relabelled by the labels of the other lessons in their
//! rows until nothing changes (the coarsest partition that is stable, whatever the order):
//! then two rows of one type hold either the same classes in every position or none.

use std::collections::HashMap;

/// A lesson: (series index, index of the date within the series).
pub(super) type Lesson = (usize, usize);

/// Refines `labels` (per series, per date: the class) until every type of rows lines up.
/// `types`: per type of row, its rows, each row its lessons in the same order of series.
/// Gives up (false) once there would be more than `most` classes.
pub(super) fn align(labels: &mut [Vec<usize>], types: &[Vec<Vec<Lesson>>], most: usize) -> bool {
    let mut count = distinct(labels);
    // Per lesson, the key of its row in the type at hand (MAX: in none). Labels are only
    // ever compared within a series, so a type relabels just the series it touches.
    let mut keys: Vec<Vec<usize>> = labels.iter().map(|s| vec![usize::MAX; s.len()]).collect();
    let mut touched: Vec<usize> = Vec::new();
    loop {
        for rows in types {
            let mut key_of: HashMap<Vec<usize>, usize> = HashMap::new();
            touched.clear();
            for row in rows {
                let key: Vec<usize> = row.iter().map(|&(s, k)| labels[s][k]).collect();
                let next = key_of.len();
                let id = *key_of.entry(key).or_insert(next);
                for &(s, k) in row {
                    keys[s][k] = id;
                    touched.push(s);
                }
            }
            touched.sort_unstable();
            touched.dedup();
            for &s in &touched {
                let mut fresh: HashMap<(usize, usize), usize> = HashMap::new();
                for (label, key) in labels[s].iter_mut().zip(keys[s].iter_mut()) {
                    let next = fresh.len();
                    *label = *fresh.entry((*label, *key)).or_insert(next);
                    *key = usize::MAX;
                }
            }
        }
        let now = distinct(labels);
        if now == count {
            return true;
        }
        if now > most {
            return false;
        }
        count = now;
    }
}

pub(super) fn distinct(labels: &[Vec<usize>]) -> usize {
    labels
        .iter()
        .map(|s| {
            let mut l = s.clone();
            l.sort_unstable();
            l.dedup();
            l.len()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::align;

    #[test]
    fn a_split_in_one_series_is_carried_to_the_series_it_shares_rows_with() {
        // Series 0 (A) is one class over weeks 1-2; series 1 (B) is split; the teacher's
        // weeks 1 and 2 are one type holding A and B. A must be split like B.
        let mut labels = vec![vec![0, 0], vec![0, 1]];
        assert!(align(
            &mut labels,
            &[vec![vec![(0, 0), (1, 0)], vec![(0, 1), (1, 1)]]],
            100
        ));
        assert_ne!(labels[0][0], labels[0][1]);
        assert_ne!(labels[1][0], labels[1][1]);
    }

    #[test]
    fn lining_up_gives_up_past_the_most_classes_allowed() {
        let mut labels = vec![vec![0, 0], vec![0, 1]];
        let rows = [vec![vec![(0, 0), (1, 0)], vec![(0, 1), (1, 1)]]];
        assert!(!align(&mut labels, &rows, 3));
    }

    #[test]
    fn rows_that_already_line_up_change_nothing() {
        let mut labels = vec![vec![0, 0, 1], vec![0, 0, 1]];
        assert!(align(
            &mut labels,
            &[vec![vec![(0, 0), (1, 0)], vec![(0, 1), (1, 1)]]],
            100
        ));
        assert_eq!(labels[0][0], labels[0][1]);
        assert_eq!(labels[1][0], labels[1][1]);
        assert_ne!(labels[0][1], labels[0][2]);
    }
}
