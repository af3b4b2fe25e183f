//! "Did you mean …?" hints: a typo in a location, profile, block or column name is the most
//! common input error, and naming the intended value saves the planner a search.

/// Levenshtein distance over characters, case-insensitive (case slips count as typos too).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let subst = prev[j] + usize::from(ca != cb);
            cur[j + 1] = subst.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate if it is close enough to be a plausible typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wrong.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(wrong, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Like [`fix_for`], for ids (`T02`, `S001`): ids differ by one character by design, so
/// only a near-certain slip is suggested (a case slip, or one typo in a long code).
pub fn fix_for_id<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let all: Vec<&str> = candidates.into_iter().collect();
    values_text(closest_id(wrong, &all), &all, false)
}

/// [`fix_for_id`] in Dutch.
pub fn fix_for_id_nl<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let all: Vec<&str> = candidates.into_iter().collect();
    values_text(closest_id(wrong, &all), &all, true)
}

fn closest_id<'a>(wrong: &str, all: &[&'a str]) -> Option<&'a str> {
    let limit = wrong.chars().count() / 4;
    all.iter()
        .map(|c| (distance(wrong, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// `did you mean "X"? ` (with a trailing space) or the empty string.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    hint(closest(wrong, candidates), false)
}

/// [`did_you_mean`] in Dutch: `bedoel je "X"? `.
pub fn did_you_mean_nl<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    hint(closest(wrong, candidates), true)
}

/// A fix text: the suggestion, then the valid values (at most 12, then "…").
pub fn fix_for<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let all: Vec<&str> = candidates.into_iter().collect();
    values_text(closest(wrong, all.iter().copied()), &all, false)
}

/// [`fix_for`] in Dutch.
pub fn fix_for_nl<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let all: Vec<&str> = candidates.into_iter().collect();
    values_text(closest(wrong, all.iter().copied()), &all, true)
}

fn hint(near: Option<&str>, dutch: bool) -> String {
    match (near, dutch) {
        (None, _) => String::new(),
        (Some(c), false) => format!("did you mean \"{c}\"? "),
        (Some(c), true) => format!("bedoel je \"{c}\"? "),
    }
}

/// The hint, then at most 12 of the valid values (then "…"), in English or Dutch.
fn values_text(near: Option<&str>, all: &[&str], dutch: bool) -> String {
    let hint = hint(near, dutch);
    if all.is_empty() {
        return match dutch {
            false => format!("{hint}there are no valid values yet"),
            true => format!("{hint}er zijn nog geen geldige waarden"),
        };
    }
    let mut shown: Vec<&str> = all.iter().copied().take(12).collect();
    if all.len() > shown.len() {
        shown.push("…");
    }
    match dutch {
        false => format!("{hint}valid values: {}", shown.join(", ")),
        true => format!("{hint}geldige waarden: {}", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_typos_are_suggested_and_far_ones_not() {
        assert_eq!(distance("Amersfort", "Amersfoort"), 1);
        assert_eq!(
            closest("Amersfort", ["Utrecht", "Amersfoort"]),
            Some("Amersfoort")
        );
        assert_eq!(closest("utrecht", ["Utrecht"]), Some("Utrecht"));
        assert_eq!(closest("Zwolle", ["Utrecht", "Amersfoort"]), None);
        assert_eq!(
            fix_for("Amersfort", ["Amersfoort", "Utrecht"]),
            "did you mean \"Amersfoort\"? valid values: Amersfoort, Utrecht"
        );
        assert_eq!(fix_for("x", []), "there are no valid values yet");
        assert_eq!(fix_for_id("T02", ["T01"]), "valid values: T01");
        assert_eq!(
            fix_for_id("t01", ["T01"]),
            "did you mean \"T01\"? valid values: T01"
        );
        assert!(fix_for_id("UTR-B1-1", ["UTR-B1-01"]).starts_with("did you mean \"UTR-B1-01\"?"));
    }
}
