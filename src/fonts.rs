//! The fonts built into the binary (Liberation Sans 2, SIL OFL 1.1; see
//! `fonts/LICENSE-OFL-1.1.txt`). No system font is ever looked at.

use std::sync::LazyLock;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};

/// The font family the built-in template uses.
pub const FAMILY: &str = "Liberation Sans";

static FILES: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../fonts/LiberationSans-BoldItalic.ttf"),
];

static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect()
});

/// The font files, as built in (regular, bold, italic, bold italic).
pub fn files() -> &'static [&'static [u8]] {
    &FILES
}

/// Every built-in font face.
pub fn all() -> &'static [Font] {
    &FONTS
}

/// The font book describing [`all`].
pub fn book() -> FontBook {
    FontBook::from_fonts(all())
}

/// Whether every built-in face (regular, bold, italic, bold italic) has a
/// glyph for `c`. White space and line breaks always pass.
pub fn covers(c: char) -> bool {
    c.is_whitespace() || c == '\u{ad}' || all().iter().all(|f| f.info().coverage.contains(c as u32))
}

/// The characters of `text` that the built-in fonts cannot print.
pub fn missing_chars(text: &str) -> Vec<char> {
    let mut missing: Vec<char> = text.chars().filter(|&c| !covers(c)).collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_faces_of_one_family() {
        assert_eq!(all().len(), 4);
        assert!(all().iter().all(|f| f.info().family == FAMILY));
    }

    /// The list markers the templates use (nested lists too) are glyphs of
    /// the built-in font: a missing one would fail a build that `check`
    /// passed.
    #[test]
    fn the_templates_list_markers_are_covered() {
        let lib = include_str!("../templates/lib/studietur.typ");
        let line = lib
            .lines()
            .find(|l| l.starts_with("#let markers"))
            .expect("the library names its markers");
        let markers: String = line
            .split('[')
            .skip(1)
            .filter_map(|m| m.split(']').next())
            .collect();
        assert!(!markers.is_empty());
        assert_eq!(missing_chars(&markers), Vec::<char>::new(), "{line}");
        // Typst's own default marker for a second level is not.
        assert_eq!(missing_chars("‣"), vec!['‣']);
    }

    #[test]
    fn danish_and_typographic_characters_are_covered() {
        assert!(missing_chars("æøåÆØÅ ”»«–—…€ kr.\u{a0}§ é ü ß").is_empty());
        assert_eq!(missing_chars("漢 ok 🙂"), vec!['漢', '🙂']);
    }
}
