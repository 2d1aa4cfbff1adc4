//! The limits of format 1, so that no file can exhaust memory or run a
//! batch for minutes: a trip file of at most 2 MB, paragraphs of at most
//! 20,000 characters, words of at most 3,000 and letters of at most 16
//! (a base and its marks) (images: see [`crate::photos`]).

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::messages::{Arg, trip as m};

/// The largest trip file.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The longest paragraph, in characters.
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;

/// The most entries of one repeatable table (`[[day]]`, `[[accounts.item]]`,
/// `[[participant]]` …): 2,000 accounts items took 700 MB to lay out, and
/// no report has a hundred.
pub const MAX_ENTRIES: usize = 500;

/// The longest word, in characters: longer ones no PDF string holds, and
/// no language has them (a long link's address fits).
pub const MAX_WORD_CHARS: usize = 3_000;

/// The most characters one letter is made of (a base and its combining
/// marks; the languages that stack most use a handful): more makes
/// shaping take time and memory without bound.
pub const MAX_CLUSTER_CHARS: usize = 16;

/// The error for a trip file over [`MAX_FILE_BYTES`].
pub fn file_too_large(name: &str, len: usize) -> Diagnostic {
    let file = SourceFile {
        name: name.to_string(),
        text: "".into(),
    };
    // Rounded up, so that a file just over the limit does not read as
    // "2.0 MB; at most 2 MB".
    let tenths = (len as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0;
    let size = Arg::decimal(tenths, 1);
    Diagnostic::error(
        &file,
        0..0,
        m::file_too_large(size, MAX_FILE_BYTES / (1024 * 1024)),
    )
    .with_help(m::file_too_large_help())
}

/// The byte range (inside `value`) of the first paragraph longer than
/// [`MAX_PARAGRAPH_CHARS`], with its length in characters. Paragraphs are
/// separated by blank lines (as in Markdown: a line of spaces is blank, and
/// Windows line endings count the same).
pub fn long_paragraph(value: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let mut start = 0;
    let mut chars = 0;
    let mut at = 0;
    for line in value.split_inclusive('\n') {
        if line.trim().is_empty() {
            chars = 0;
            start = at + line.len();
        } else {
            chars += paragraph_chars(line) + usize::from(chars > 0);
            if chars > MAX_PARAGRAPH_CHARS {
                // The whole paragraph: to its blank line or the end.
                let rest = &value[start..];
                let end = rest
                    .split_inclusive('\n')
                    .take_while(|l| !l.trim().is_empty())
                    .map(str::len)
                    .sum::<usize>();
                let para = value[start..start + end].trim_end_matches(['\n', '\r']);
                return Some((start..start + para.len(), paragraph_chars(para)));
            }
        }
        at += line.len();
    }
    None
}

/// The characters of a paragraph, each line break inside it one (it is a
/// space), whatever the line endings.
fn paragraph_chars(para: &str) -> usize {
    para.lines().map(|l| l.chars().count()).sum::<usize>() + para.lines().count().saturating_sub(1)
}

/// The byte range (inside `value`) of the first word (characters without
/// white space between them) longer than [`MAX_WORD_CHARS`], with its
/// length in characters.
pub fn long_word(value: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let mut start = 0;
    let mut chars = 0;
    for (i, c) in value.char_indices() {
        if c.is_whitespace() {
            chars = 0;
            start = i + c.len_utf8();
            continue;
        }
        chars += 1;
        if chars > MAX_WORD_CHARS {
            let end = value[start..]
                .find(char::is_whitespace)
                .map_or(value.len(), |n| start + n);
            return Some((start..end, value[start..end].chars().count()));
        }
    }
    None
}

/// The byte range (inside `value`) of the first letter (a grapheme
/// cluster: a base and the marks written on it) made of more than
/// [`MAX_CLUSTER_CHARS`] characters, with their number.
pub fn heavy_letter(value: &str) -> Option<(std::ops::Range<usize>, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    value
        .grapheme_indices(true)
        .map(|(i, g)| (i..i + g.len(), g.chars().count()))
        .find(|(_, n)| *n > MAX_CLUSTER_CHARS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_paragraphs_are_found() {
        let long = "x".repeat(super::MAX_PARAGRAPH_CHARS + 1);
        let text = format!("kort\n\n{long}\n\nkort");
        assert_eq!(
            super::long_paragraph(&text),
            Some((6..6 + long.len(), long.len()))
        );
        assert_eq!(super::long_paragraph("kort\n\nkort"), None);
        // Characters, not bytes: 20,000 × 'ø' is two bytes each.
        assert_eq!(super::long_paragraph(&"ø".repeat(20_000)), None);
        // Windows line endings and a blank line of spaces separate
        // paragraphs too: thirty short ones are not one long one.
        let short = "y".repeat(900);
        let crlf = vec![short.as_str(); 30].join("\r\n\r\n");
        assert_eq!(super::long_paragraph(&crlf), None);
        let spaced = vec![short.as_str(); 30].join("\n   \n");
        assert_eq!(super::long_paragraph(&spaced), None);
        let text = format!("kort\r\n\r\n{long}\r\n\r\nkort");
        assert_eq!(
            super::long_paragraph(&text),
            Some((8..8 + long.len(), long.len()))
        );
    }

    #[test]
    fn a_paragraph_of_exactly_the_limit_is_fine() {
        let exact = "z".repeat(super::MAX_PARAGRAPH_CHARS);
        assert_eq!(super::long_paragraph(&format!("{exact}\n")), None);
        assert_eq!(super::long_paragraph(&format!("{exact}\r\n\r\nkort")), None);
        // Two lines joined are one character more (the space).
        let half = "z".repeat(super::MAX_PARAGRAPH_CHARS / 2);
        assert_eq!(
            super::long_paragraph(&format!("{half}\n{half}")).map(|p| p.1),
            Some(20_001)
        );
    }

    #[test]
    fn long_words_and_heavy_letters_are_found() {
        let word = "w".repeat(super::MAX_WORD_CHARS);
        assert_eq!(super::long_word(&format!("a {word} b")), None);
        let long = format!("{word}w");
        assert_eq!(
            super::long_word(&format!("a {long} b")),
            Some((2..2 + long.len(), long.len()))
        );
        // Danish, Vietnamese and Hindi letters with their marks are fine.
        assert_eq!(super::heavy_letter("æøå ệ ộ क्षि e\u{301}"), None);
        let zalgo = format!("ok a{}", "\u{301}".repeat(super::MAX_CLUSTER_CHARS));
        assert_eq!(
            super::heavy_letter(&zalgo),
            Some((3..zalgo.len(), super::MAX_CLUSTER_CHARS + 1))
        );
    }
}
