//! Words, counted: what "every word of the input is in the trip file"
//! means. A word is a run of letters and digits; case is kept.

use std::collections::HashMap;

/// The words of `text`, each with how often it occurs.
pub fn count(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(w.to_string()).or_insert(0) += 1;
    }
    counts
}

/// The words of `input` that `output` lacks (each as often as it lacks
/// it), in the order they first occur in `input`.
pub fn missing(input: &str, output: &str) -> Vec<String> {
    let mut have = count(output);
    let mut out = Vec::new();
    for w in input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        match have.get_mut(w) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(w.to_string()),
        }
    }
    out
}

/// How many words `text` has.
pub fn total(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_words_counted_by_occurrence() {
        assert_eq!(crate::import::words::missing("a b a c", "a b c"), ["a"]);
        assert!(
            crate::import::words::missing("Social- og 31.300 kr.", "kr. 31.300 Social og")
                .is_empty()
        );
    }
}
