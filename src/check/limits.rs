//! The limits of format 1, so that no file can exhaust memory or run a
//! batch for minutes: a trip file of at most 2 MB, paragraphs of at most
//! 20,000 characters (images: see [`crate::photos`]).

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::messages::{Arg, trip as m};

/// The largest trip file.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The longest paragraph, in characters.
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;

/// The error for a trip file over [`MAX_FILE_BYTES`].
pub fn file_too_large(name: &str, len: usize) -> Diagnostic {
    let file = SourceFile {
        name: name.to_string(),
        text: "".into(),
    };
    let size = Arg::decimal(len as f64 / (1024.0 * 1024.0), 1);
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
            chars += line.chars().count();
            if chars > MAX_PARAGRAPH_CHARS {
                // The whole paragraph: to its blank line or the end.
                let rest = &value[start..];
                let end = rest
                    .split_inclusive('\n')
                    .take_while(|l| !l.trim().is_empty())
                    .map(str::len)
                    .sum::<usize>();
                let para = value[start..start + end].trim_end_matches(['\n', '\r']);
                return Some((start..start + para.len(), para.chars().count()));
            }
        }
        at += line.len();
    }
    None
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
}
