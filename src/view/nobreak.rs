//! Words a reader must find on one line, joined by a no-break space
//! (U+00A0) whatever space the trip file has between them: a number and
//! its unit (`5.800 kr.`, `17 %`, `12 km`, `1,5 mio. kr.`), a currency and
//! the amount after it (`DKK 5.800`), `kl.` and its time (`kl. 10.30`),
//! and `§` and its number (`§ 85`). Every text the report prints goes
//! through [`join`] (plain strings) or [`join_blocks`] (Markdown), so no
//! template, PDF or web page, can break them across two lines.

use crate::markdown::{Block, Inline};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The no-break space written between joined words.
pub const NO_BREAK: char = '\u{a0}';

/// Each pattern's group `sp` is the white space to join.
static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // A number and its unit.
        r"\d(?P<sp>\s+)(?:kr\.|mio\.|mia\.|mill\.|pct\.|%|‰|€|(?:kr|km|DKK|EUR)\b)",
        // Millions and billions and their currency: `1,5 mio. kr.`.
        r"\b(?:mio\.|mia\.|mill\.)(?P<sp>\s+)(?:kr\.|€|(?:kr|DKK|EUR|euro)\b)",
        // A currency or `§` and the number after it: `DKK 5.800`, `§ 85`.
        r"(?:\b(?:DKK|EUR)|\bkr\.|€|§§?)(?P<sp>\s+)\d",
        // `kl.` and its time.
        r"\b[Kk]l\.(?P<sp>\s+)\d",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("a valid pattern"))
    .collect()
});

/// The byte ranges of `text`'s white space runs that join two words, each
/// with at least one space a line may break at.
fn joins(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = PATTERNS
        .iter()
        .flat_map(|re| re.captures_iter(text).filter_map(|c| c.name("sp")))
        .filter(|sp| sp.as_str().chars().any(breaks))
        .map(|sp| sp.range())
        .collect();
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

/// Whether a line may break at `c` (white space that is not a no-break
/// space).
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2060}')
}

/// `text` with its joins made: each joining run of white space becomes
/// one no-break space.
pub fn join(text: &str) -> String {
    let mut s = text.to_string();
    join_runs(&mut [&mut s]);
    s
}

/// [`join`] on an optional text.
pub fn join_opt(text: &mut Option<String>) {
    if let Some(t) = text {
        *t = join(t);
    }
}

/// Joins within consecutive runs of one text (a paragraph's inlines:
/// `**5.800** kr.` is joined across its emphasis).
fn join_runs(runs: &mut [&mut String]) {
    let whole: String = runs.iter().map(|r| r.as_str()).collect();
    let ranges = joins(&whole);
    if ranges.is_empty() {
        return;
    }
    let mut offset = 0;
    for run in runs.iter_mut() {
        let len = run.len();
        let mut out = String::with_capacity(len);
        for (i, c) in run.char_indices() {
            let at = offset + i;
            match ranges.iter().find(|r| r.contains(&at)) {
                // The run's first character becomes the no-break space,
                // the rest of the run goes.
                Some(r) if r.start == at => out.push(NO_BREAK),
                Some(_) => {}
                None => out.push(c),
            }
        }
        // A run that starts inside a join (its first character is not
        // the join's first) gives up its part of it.
        **run = out;
        offset += len;
    }
}

/// The text leaves of inlines, in reading order (link targets are not
/// text).
fn leaves<'a>(inlines: &'a mut [Inline], out: &mut Vec<&'a mut String>) {
    for i in inlines {
        match i {
            Inline::Text { text } => out.push(text),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Link { content, .. } => leaves(content, out),
        }
    }
}

fn join_inlines(inlines: &mut [Inline]) {
    let mut runs = Vec::new();
    leaves(inlines, &mut runs);
    join_runs(&mut runs);
}

/// Joins every text of `blocks`: paragraphs, list items, quotes,
/// sub-headings and table cells.
pub fn join_blocks(blocks: &mut [Block]) {
    for b in blocks {
        match b {
            Block::Para { content } | Block::Heading { content, .. } => join_inlines(content),
            Block::List { items, .. } => items.iter_mut().for_each(|i| join_blocks(i)),
            Block::Quote { blocks } => join_blocks(blocks),
            Block::Table { header, rows, .. } => header
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .for_each(|cell| join_inlines(cell)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(s: &str) -> String {
        join(s).replace(NO_BREAK, "~")
    }

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(
            j("det kostede 5.800 kr. i alt"),
            "det kostede 5.800~kr. i alt"
        );
        assert_eq!(j("5.800  kr"), "5.800~kr");
        assert_eq!(j("12.959,90\nkr."), "12.959,90~kr.");
        assert_eq!(j("op til 70 %"), "op til 70~%");
        assert_eq!(j("10-20 % af budgettet"), "10-20~% af budgettet");
        assert_eq!(j("17 pct. af eleverne"), "17~pct. af eleverne");
        assert_eq!(j("en tur på 12 km."), "en tur på 12~km.");
        assert_eq!(
            j("fra 900.000 til 1 mio. inden for"),
            "fra 900.000 til 1~mio. inden for"
        );
        assert_eq!(
            j("1,5 mio. kr. og 2 mia. DKK"),
            "1,5~mio.~kr. og 2~mia.~DKK"
        );
        assert_eq!(j("DKK 5,800 or 5,800 DKK"), "DKK~5,800 or 5,800~DKK");
        assert_eq!(j("100 €, € 100 og 100 EUR"), "100~€, €~100 og 100~EUR");
    }

    #[test]
    fn times_and_paragraphs_keep_their_numbers() {
        assert_eq!(j("fra kl. 10.30 til kl.\t20"), "fra kl.~10.30 til kl.~20");
        assert_eq!(j("Kl. 9 mødtes vi"), "Kl.~9 mødtes vi");
        assert_eq!(
            j("efter servicelovens § 85 og §§ 107-108"),
            "efter servicelovens §~85 og §§~107-108"
        );
    }

    #[test]
    fn other_words_are_left_alone() {
        for s in [
            "5 kroner",
            "3 krokodiller",
            "20 kmh",
            "2023 var et godt år",
            "kl. er mange",
            "Bankkl. 10",
            "5.800\u{a0}kr.",
            "5.800\u{202f}kr.",
            "skolen i 2. klasse",
        ] {
            assert_eq!(join(s), s, "{s:?}");
        }
        assert_eq!(join("5.800\u{a0}\u{a0}kr."), "5.800\u{a0}\u{a0}kr.");
    }

    #[test]
    fn joins_cross_emphasis_and_links() {
        let mut blocks = vec![Block::Para {
            content: vec![
                Inline::Strong {
                    content: vec![Inline::Text {
                        text: "Prisen var 5.800 ".into(),
                    }],
                },
                Inline::Text {
                    text: " kr. fra kl. ".into(),
                },
                Inline::Link {
                    url: "https://x.dk/ kr. 1".into(),
                    content: vec![Inline::Text { text: "10".into() }],
                },
            ],
        }];
        join_blocks(&mut blocks);
        let Block::Para { content } = &blocks[0] else {
            unreachable!()
        };
        let mut runs = Vec::new();
        let mut content = content.clone();
        leaves(&mut content, &mut runs);
        let runs: Vec<String> = runs.iter().map(|r| r.replace(NO_BREAK, "~")).collect();
        assert_eq!(runs, ["Prisen var 5.800~", "kr. fra kl.~", "10"]);
        let Inline::Link { url, .. } = &content[2] else {
            unreachable!()
        };
        assert_eq!(url, "https://x.dk/ kr. 1", "a link's target is not text");
    }

    #[test]
    fn joins_in_lists_quotes_headings_and_cells() {
        let t = |s: &str| vec![Inline::Text { text: s.into() }];
        let mut blocks = vec![
            Block::List {
                ordered: false,
                start: 1,
                items: vec![vec![Block::Para {
                    content: t("a 5 kr."),
                }]],
            },
            Block::Quote {
                blocks: vec![Block::Para {
                    content: t("b 6 kr."),
                }],
            },
            Block::Heading {
                depth: 1,
                content: t("c 7 %"),
            },
            Block::Table {
                align: vec![crate::markdown::Align::Auto],
                header: vec![t("d 8 km")],
                rows: vec![vec![t("e 9 kr.")]],
            },
        ];
        join_blocks(&mut blocks);
        let text = crate::markdown::plain_text(&blocks);
        assert_eq!(text.matches(NO_BREAK).count(), 5, "{text:?}");
        assert!(!text.contains(" kr.") && !text.contains(" %") && !text.contains(" km"));
    }
}
