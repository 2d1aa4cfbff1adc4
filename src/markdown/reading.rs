//! What the Markdown parser reads: the text as written, with two changes
//! that make it read lists the way the format defines them.
//!
//! - Word's bullets: a line that starts with `•`, `◦` or `▪` and a space or
//!   tab is a bullet item, written for the parser as `- `.
//! - Numbered lists start at 1: the point (or parenthesis) after a number
//!   that does not number a list (`9. oktober blev …`, `2. halvår …`, an
//!   item that is not the next number) is hidden from the parser, so that
//!   its line stays text.
//!
//! The parser's offsets are mapped back to the text as written
//! ([`Prepared::to_source`]); what is printed is always read from it.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The characters Word writes as bullets, that start a bullet item when a
/// space or tab follows.
pub const BULLETS: [char; 3] = ['•', '◦', '▪'];

/// How many times a text is read again to find numbers that do not number
/// a list (each pass finds every such number the last one left; a second
/// pass is rare, a third one rarer still).
const MAX_PASSES: usize = 8;

/// Markers in the parser's text for a hidden `.` and `)`: characters the
/// parser reads as text (the printed text is always read from the source).
const HIDDEN_POINT: u8 = 0x01;
const HIDDEN_PAREN: u8 = 0x02;

/// The parser's options: the subset's pipe tables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
}

/// The text the parser reads, and how its offsets map to the source.
#[derive(Debug)]
pub struct Prepared {
    /// The text for the parser.
    pub text: String,
    /// Each bullet written as `- `: its place in `text` and in the source.
    edits: Vec<Edit>,
}

/// One bullet and the space after it, written as `- `.
#[derive(Debug, Clone, Copy)]
struct Edit {
    /// Where the `- ` starts in the parser's text.
    at: usize,
    /// Where the bullet starts in the source.
    source: usize,
}

/// The bytes of a bullet and the space after it; those of `- `.
const EDIT_SOURCE_LEN: usize = 4;
const EDIT_TEXT_LEN: usize = 2;

impl Prepared {
    /// The text of `src` as the parser should read it.
    pub fn of(src: &str) -> Prepared {
        let mut prepared = bullets(src);
        for _ in 0..MAX_PASSES {
            let hidden = not_numbering(&prepared.text);
            if hidden.is_empty() {
                break;
            }
            // The markers are one byte, like the characters they hide.
            let mut bytes = std::mem::take(&mut prepared.text).into_bytes();
            for at in hidden {
                bytes[at] = if bytes[at] == b')' {
                    HIDDEN_PAREN
                } else {
                    HIDDEN_POINT
                };
            }
            prepared.text = String::from_utf8(bytes).expect("ASCII replaced by ASCII");
        }
        prepared
    }

    /// The offset in the source of the offset `p` of the parser's text (on
    /// a character boundary of the source).
    pub fn to_source(&self, p: usize) -> usize {
        // The last bullet that starts before `p`.
        let i = self.edits.partition_point(|e| e.at < p);
        let Some(e) = i.checked_sub(1).map(|i| self.edits[i]) else {
            return p;
        };
        if p >= e.at + EDIT_TEXT_LEN {
            p - (e.at + EDIT_TEXT_LEN) + e.source + EDIT_SOURCE_LEN
        } else {
            // Inside the `- `: the bullet's start.
            e.source
        }
    }
}

/// `src` with each bullet that starts a line (after spaces, tabs and
/// quotes' `>`), and the space or tab after it, written as `- `.
fn bullets(src: &str) -> Prepared {
    let mut text = String::with_capacity(src.len());
    let mut edits = Vec::new();
    let mut line_start = true;
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if line_start && BULLETS.contains(&c) && matches!(chars.peek(), Some((_, ' ' | '\t'))) {
            chars.next();
            edits.push(Edit {
                at: text.len(),
                source: i,
            });
            text.push_str("- ");
            line_start = false;
            continue;
        }
        text.push(c);
        line_start = match c {
            '\n' | '\r' => true,
            ' ' | '\t' | '>' => line_start,
            _ => false,
        };
    }
    debug_assert!(BULLETS.iter().all(|b| b.len_utf8() + 1 == EDIT_SOURCE_LEN));
    Prepared { text, edits }
}

/// The places in `text` of the point or parenthesis of each item of a
/// numbered list that does not number it: the first item of a list is 1,
/// each later one the next number (or the same again, `1.` `1.` `1.`, as
/// Markdown allows).
fn not_numbering(text: &str) -> Vec<usize> {
    // Per open list: `None` for bullets, else the last good number (0
    // before the first item).
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut hidden = Vec::new();
    for (ev, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::List(start)) => lists.push(start.map(|_| 0)),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                let Some(Some(last)) = lists.last_mut() else {
                    continue;
                };
                let Some((n, delimiter)) = item_number(text, range.start) else {
                    continue;
                };
                let next = if *last == 0 {
                    n == 1
                } else {
                    n == *last + 1 || n == *last
                };
                if next {
                    *last = n;
                } else {
                    hidden.push(delimiter);
                    // What follows is read as if a list started there.
                    *last = 0;
                }
            }
            _ => {}
        }
    }
    hidden
}

/// The number of the numbered item written at `at`, and the place of its
/// point or parenthesis.
fn item_number(text: &str, at: usize) -> Option<(u64, usize)> {
    let rest = &text[at..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '>']).len();
    let digits_at = at + skipped;
    let digits = text[digits_at..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let delimiter = digits_at + digits;
    match text.as_bytes().get(delimiter) {
        Some(b'.' | b')') if digits > 0 => {
            Some((text[digits_at..delimiter].parse().ok()?, delimiter))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_become_dashes_and_offsets_map_back() {
        let src = "Før\n•\tén\n  ◦ to\n> ▪ tre\nx • ikke";
        let p = Prepared::of(src);
        assert_eq!(p.text, "Før\n- én\n  - to\n> - tre\nx • ikke");
        let en = p.text.find("én").unwrap();
        assert_eq!(p.to_source(en), src.find("én").unwrap());
        let dash = p.text.find("- to").unwrap();
        assert_eq!(p.to_source(dash), src.find('◦').unwrap());
        assert_eq!(p.to_source(dash + 1), src.find('◦').unwrap());
        let x = p.text.find("x •").unwrap();
        assert_eq!(p.to_source(x), src.find("x •").unwrap());
        assert_eq!(p.to_source(p.text.len()), src.len());
    }

    #[test]
    fn numbers_that_do_not_number_a_list_are_hidden() {
        let p = Prepared::of("9. oktober blev\n\n1. a\n2. b\n\n9. igen");
        assert_eq!(p.text, "9\u{1} oktober blev\n\n1. a\n2. b\n\n9\u{1} igen");
        let p = Prepared::of("1) a\n1) b\n3) c");
        assert_eq!(p.text, "1) a\n1) b\n3\u{2} c");
    }
}
