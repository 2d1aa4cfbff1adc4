//! What a page carries that is not the report's text: running headers and
//! footers (a line that comes back at the top or foot of many pages, its
//! numbers aside), page numbers ("12", "Side 3 af 14", "- 3 -") and a
//! table of contents ("Indhold" and lines that end in a page number).
//! They are taken out of the pages and kept, so the report can list them.

use super::doc::{Furniture, FurnitureKind};
use super::page::Page;
use std::collections::HashMap;

/// Takes the furniture out of `pages` and gives it in the order found;
/// lines that come back at the pages' edges are running headers only when
/// `by_place` (not when the document marked its own).
pub fn remove(pages: &mut [Page], by_place: bool) -> Vec<Furniture> {
    let mut found: Vec<(usize, usize, Furniture)> = Vec::new();
    let mut repeated = repeated_edges(pages);
    if !by_place {
        repeated.clear();
    }
    for (p, page) in pages.iter_mut().enumerate() {
        let edges = edge_lines(page);
        for i in 0..page.len() {
            let text = page[i].text.clone();
            if text.is_empty() {
                continue;
            }
            let alone = (i == 0 || page[i - 1].text.is_empty())
                && page.get(i + 1).is_none_or(|l| l.text.is_empty());
            // "Side 3 af 14" is a page number wherever the text puts it.
            let worded = ["side ", "page "]
                .iter()
                .any(|w| text.to_lowercase().starts_with(w));
            let kind = if (edges.contains(&i) || alone || worded) && is_page_number(&text) {
                Some(FurnitureKind::PageNumber)
            } else if edges.contains(&i) && repeated.contains_key(&shape(&text)) {
                Some(FurnitureKind::HeaderFooter)
            } else {
                None
            };
            if let Some(kind) = kind {
                found.push((p, i, Furniture { kind, text }));
                page[i].text.clear();
                page[i].raw.clear();
            }
        }
    }
    for (p, i, f) in contents(pages) {
        found.push((p, i, f));
    }
    found.sort_by_key(|(p, i, _)| (*p, *i));
    found.into_iter().map(|(_, _, f)| f).collect()
}

/// The indexes of a page's first two and last two lines with text.
fn edge_lines(page: &Page) -> Vec<usize> {
    let with_text: Vec<usize> = (0..page.len())
        .filter(|&i| !page[i].text.is_empty())
        .collect();
    let mut edges: Vec<usize> = with_text.iter().take(2).copied().collect();
    edges.extend(with_text.iter().rev().take(2));
    edges
}

/// A line's shape: its numbers made `#`, so "Side 3" and "Side 4" match.
fn shape(text: &str) -> String {
    let mut s = String::new();
    let mut in_number = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            if !in_number {
                s.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// Shapes that stand at the top or foot of at least three pages and at
/// least two pages in five.
fn repeated_edges(pages: &[Page]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let mut seen: Vec<String> = edge_lines(page)
            .into_iter()
            .map(|i| shape(&page[i].text))
            .collect();
        seen.sort();
        seen.dedup();
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    // Pages with text (pdftotext ends its text with a form feed).
    let all = pages
        .iter()
        .filter(|p| p.iter().any(|l| !l.blank()))
        .count();
    // On at least three pages and two in five, or on every page of two.
    // A header has a word ("Side #", a title); an amount ("#.### kr.") or
    // a number alone that ends a page's table is none.
    let worded = |s: &str| {
        s.split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && !["dkk", "eur", "nok", "sek", "usd"].contains(&w))
    };
    counts.retain(|s, n| ((*n >= 3 && *n * 5 >= all * 2) || (*n >= 2 && *n == all)) && worded(s));
    counts
}

/// Whether `text` is a page number: "12", "Side 3 af 14", "Page 3 of 14",
/// "- 3 -", "3/14".
pub fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_lowercase();
    let rest = ["side ", "page ", "s. ", "p. "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    let parts: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| {
        !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) && w != "0"
    };
    match parts.as_slice() {
        [n] => number(n),
        [n, m] => number(n) && number(m) && rest.contains('/'),
        [n, of, m] => number(n) && number(m) && matches!(*of, "af" | "of" | "ud"),
        _ => false,
    }
}

const CONTENTS: &[&str] = &[
    "indhold",
    "indholdsfortegnelse",
    "contents",
    "table of contents",
];

/// A table of contents: its heading and the lines after it that end in a
/// page number (at least two), taken out of the pages.
fn contents(pages: &mut [Page]) -> Vec<(usize, usize, Furniture)> {
    let mut found = Vec::new();
    for (p, page) in pages.iter_mut().enumerate() {
        let Some(h) = page
            .iter()
            .position(|l| CONTENTS.contains(&l.text.trim_end_matches(':').to_lowercase().as_str()))
        else {
            continue;
        };
        let mut entries = Vec::new();
        let mut pending: Option<usize> = None;
        for (i, line) in page.iter().enumerate().skip(h + 1) {
            let t = line.text.as_str();
            if t.is_empty() {
                continue;
            }
            if contents_entry(t) {
                entries.extend(pending.take());
                entries.push(i);
            } else if pending.is_none() && t.split_whitespace().count() <= 12 {
                // An entry's first line, its page number on the next.
                pending = Some(i);
            } else {
                break;
            }
        }
        if entries.len() < 2 {
            continue;
        }
        for i in std::iter::once(h).chain(entries) {
            let text = std::mem::take(&mut page[i].text);
            page[i].raw.clear();
            found.push((
                p,
                i,
                Furniture {
                    kind: FurnitureKind::Contents,
                    text,
                },
            ));
        }
        break;
    }
    found
}

/// A line of a table of contents: text, then dots or space, then a page
/// number.
fn contents_entry(t: &str) -> bool {
    let Some((head, last)) = t.rsplit_once(|c: char| c.is_whitespace() || c == '.' || c == '…')
    else {
        return false;
    };
    let number = !last.is_empty() && last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit());
    number && head.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use crate::import::furniture::*;
    use crate::import::page::Line;

    #[test]
    fn page_numbers() {
        for yes in [
            "12",
            "Side 3 af 14",
            "Page 3 of 14",
            "- 3 -",
            "3/14",
            "side 2",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2023", "12 kr.", "Samlet 12", "0", "Side"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn headers_that_repeat_are_removed() {
        let mut pages: Vec<Page> = (1..=4)
            .map(|n| {
                vec![
                    Line::text("Studietur 2023 – Amsterdam"),
                    Line::text(""),
                    Line::text(["Først.", "Så noget.", "Og mere tekst.", "Til sidst."][n - 1]),
                    Line::text(""),
                    Line::text(&format!("Side {n} af 4")),
                ]
            })
            .collect();
        let f = remove(&mut pages, true);
        assert_eq!(f.len(), 8, "{f:?}");
        assert_eq!(pages[2][2].text, "Og mere tekst.");
        assert!(pages[2][0].text.is_empty() && pages[2][4].text.is_empty());
    }

    #[test]
    fn a_table_of_contents_is_removed() {
        let mut pages = vec![
            [
                "Indhold",
                "Introduktion ........ 3",
                "Mandag den 17. april 2023 4",
                "Regnskab 9",
                "",
                "Tekst.",
            ]
            .iter()
            .map(|t| Line::text(t))
            .collect::<Vec<_>>(),
        ];
        let f = remove(&mut pages, true);
        assert_eq!(f.len(), 4);
        assert_eq!(pages[0][5].text, "Tekst.");
    }
}
