//! Words hyphenated at a line's end in text without styles: joined
//! ("der-" "for" → "derfor"), unless the hyphen belongs to the word
//! ("ikke-vestlig", found elsewhere in the text), a word follows it
//! ("Social- og"), or it is a range ("2010-" "2011").

use super::page::Page;
use std::collections::HashSet;

/// Words that follow a hyphen that is kept: "Social- og Beskæftigelse".
pub const CONJUNCTIONS: &[&str] = &["og", "eller", "samt", "and", "or", "til", "som"];

/// Every word of the pages, to tell a hyphen at a line's end that belongs
/// to the word ("ikke-vestlig") from one that breaks it ("der-for").
pub fn vocabulary(pages: &[Page]) -> HashSet<String> {
    let mut words = HashSet::new();
    for l in pages.iter().flatten() {
        let toks: Vec<&str> = l.text.split_whitespace().collect();
        // The last word of a line ending in a hyphen is no word of its own.
        let k = if l.text.ends_with('-') {
            toks.len().saturating_sub(1)
        } else {
            toks.len()
        };
        let skip_first = true;
        for (i, w) in toks.iter().enumerate().take(k) {
            // The first word may be a hyphenated word's second half.
            if i == 0 && skip_first && w.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            words.insert(trim_word(w).to_lowercase());
        }
    }
    words
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// `before` and the next line, the hyphen at the end of `before` kept or
/// dropped.
pub fn join(before: &str, next: &str, vocabulary: &HashSet<String>) -> String {
    if let Some(stem) = before.strip_suffix('\u{ad}') {
        return format!("{stem}{next}");
    }
    let Some(stem) = before.strip_suffix(['-', '\u{2010}']) else {
        return format!("{before}\n{next}");
    };
    let last = stem.rsplit(char::is_whitespace).next().unwrap_or_default();
    let first = next.split_whitespace().next().unwrap_or_default();
    let ends_letter = last.chars().last().is_some_and(char::is_alphabetic);
    if !ends_letter {
        // "2010-" "2011", "10-" "20%": a range or a number.
        return format!("{before}{next}");
    }
    let head = trim_word(last).to_lowercase();
    let tail = trim_word(first).to_lowercase();
    let joined = format!("{head}{tail}");
    let hyphened = format!("{head}-{tail}");
    let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    if CONJUNCTIONS.contains(&word) {
        return format!("{before} {next}");
    }
    let knows_joined = vocabulary.contains(&joined);
    let knows_hyphened = vocabulary.contains(&hyphened);
    let lower = first.chars().next().is_some_and(char::is_lowercase);
    if !knows_joined && (knows_hyphened || !lower) {
        format!("{before}{next}")
    } else {
        format!("{stem}{next}")
    }
}

#[cfg(test)]
mod tests {
    use crate::import::hyphens::*;

    #[test]
    fn hyphens_at_line_ends() {
        let v: HashSet<String> = ["ikke-vestlig", "amsterdamwerkt"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(join("var der der-", "for lagt", &v), "var der derfor lagt");
        assert_eq!(
            join("Social-", "og Beskæftigelse", &v),
            "Social- og Beskæftigelse"
        );
        assert_eq!(
            join("med ikke-", "vestlig baggrund", &v),
            "med ikke-vestlig baggrund"
        );
        assert_eq!(
            join("hos Amsterdam-", "Werkt! at", &v),
            "hos AmsterdamWerkt! at"
        );
        assert_eq!(join("i 2010-", "2011 blev", &v), "i 2010-2011 blev");
        assert_eq!(join("Nieuw-", "West", &HashSet::new()), "Nieuw-West");
        assert_eq!(join("en", "to", &v), "en\nto");
    }
}
