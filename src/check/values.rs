//! The third pass's tools: a [`Checker`] collects the diagnostics of one
//! trip file and reads its values (texts, Markdown, dates, amounts),
//! reporting each problem at its place.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::fonts;
use crate::markdown;
use crate::messages::{Msg, trip as m};
use crate::model::Text;
use crate::money::{Amount, AmountError};
use crate::photos::PhotoBox;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use toml::Spanned;

/// What checking one trip file has found so far.
pub struct Checker {
    /// The trip file.
    pub file: SourceFile,
    /// Its folder, canonical: the only place its files are read from.
    pub dir: PathBuf,
    /// The box photos are prepared for.
    pub photo_box: PhotoBox,
    /// Keep each file's bytes as read (to embed them).
    pub keep_sources: bool,
    /// Every file the trip names, read once: by the path as written.
    pub read: HashMap<String, Result<super::reading::Read, super::reading::Problem>>,
    /// Errors and warnings.
    pub diags: Vec<Diagnostic>,
}

impl Checker {
    /// Records an error at `span`.
    pub fn error(&mut self, span: Range<usize>, message: Msg, help: Msg) {
        let d = Diagnostic::error(&self.file, span, message).with_help(help);
        self.diags.push(d);
    }

    /// Records a warning at `span`.
    pub fn warning(&mut self, span: Range<usize>, message: Msg, help: Msg) {
        let d = Diagnostic::warning(&self.file, span, message).with_help(help);
        self.diags.push(d);
    }

    /// A one-line text value that must not be empty and must be
    /// printable: tabs and line breaks are spaces.
    pub fn text(&mut self, key: &str, t: &Text) -> String {
        let value = self.clean(key, t, true);
        if value.trim().is_empty() {
            self.error(t.span(), m::empty_value(key), m::empty_value_help(key));
        }
        self.printable(key, t);
        value.trim().to_string()
    }

    /// The value of `t` with tabs (text pasted from a spreadsheet) as
    /// spaces, and in a `one_line` value line breaks too; any other control
    /// character is an error at its place.
    pub fn clean(&mut self, key: &str, t: &Text, one_line: bool) -> String {
        let value = t.get_ref();
        use super::limits as l;
        let over = [
            l::long_paragraph(value).map(|(r, n)| {
                let message = m::long_paragraph(key, n, l::MAX_PARAGRAPH_CHARS);
                (r, message, m::long_paragraph_help())
            }),
            l::long_word(value).map(|(r, n)| {
                (
                    r,
                    m::long_word(key, n, l::MAX_WORD_CHARS),
                    m::long_word_help(),
                )
            }),
            l::heavy_letter(value).map(|(r, n)| {
                let message = m::heavy_letter(key, n, l::MAX_CLUSTER_CHARS);
                (r, message, m::heavy_letter_help())
            }),
        ];
        for (range, message, help) in over.into_iter().flatten() {
            let span = self.offset_in_string(t.span(), value, range.start);
            self.error(span, message, help);
        }
        let mut out = String::with_capacity(value.len());
        let mut seen: Vec<(char, usize)> = Vec::new();
        for c in value.chars() {
            match c {
                '\t' => out.push(' '),
                '\n' | '\r' if one_line => out.push(' '),
                '\n' | '\r' => out.push(c),
                c if c.is_control() => {
                    let nth = seen.iter().filter(|(x, _)| *x == c).count();
                    seen.push((c, nth));
                    let span = self.escape_span(t.span(), c, nth);
                    self.error(
                        span,
                        m::control_char(key, format!("{:04X}", c as u32)),
                        m::control_char_help(),
                    );
                    // Spaces of its length, so positions in the text hold.
                    out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                }
                c => out.push(c),
            }
        }
        out
    }

    /// Where the `nth` escape that writes `c` stands inside the string at
    /// `span` (control characters are written as escapes in TOML); the
    /// string's first line when it cannot be found.
    fn escape_span(&self, span: Range<usize>, c: char, nth: usize) -> Range<usize> {
        let raw = &self.file.text[span.clone()];
        let escape = super::strings::decode(raw).and_then(|(value, at)| {
            let (i, _) = value.char_indices().filter(|&(_, v)| v == c).nth(nth)?;
            Some(at[i])
        });
        match escape {
            Some(p) => {
                // `\b`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`.
                let len = match raw.as_bytes().get(p + 1) {
                    Some(b'x') => 4,
                    Some(b'u') => 6,
                    Some(b'U') => 10,
                    _ => 2,
                };
                span.start + p..(span.start + p + len).min(span.end)
            }
            None => {
                let first_line = raw.find('\n').unwrap_or(raw.len());
                span.start..span.start + first_line
            }
        }
    }

    /// An optional text value.
    pub fn opt_text(&mut self, key: &str, t: &Option<Text>) -> Option<String> {
        t.as_ref().map(|t| self.text(key, t))
    }

    /// Refuses characters the built-in fonts have no glyph for.
    pub fn printable(&mut self, key: &str, t: &Text) {
        // Control characters are reported by `clean`.
        let mut missing = fonts::missing_chars(t.get_ref());
        missing.retain(|c| !c.is_control());
        if !missing.is_empty() {
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
                .collect();
            self.error(
                t.span(),
                m::unprintable(key, list.join(", ")),
                m::unprintable_help(fonts::FAMILY),
            );
        }
    }

    /// A Markdown `text` value.
    pub fn markdown(&mut self, key: &str, t: &Text) -> Vec<markdown::Block> {
        let cleaned = self.clean(key, t, false);
        let value = cleaned.as_str();
        if value.trim().is_empty() {
            self.error(t.span(), m::empty_value(key), m::empty_text_help());
            return Vec::new();
        }
        self.printable(key, t);
        match markdown::parse(value) {
            Ok(blocks) => blocks,
            Err(errors) => {
                for e in errors {
                    let span = self.offset_in_string(t.span(), value, e.offset);
                    self.error(span, e.message, e.help);
                }
                Vec::new()
            }
        }
    }

    /// Maps an offset inside a string value to a byte range in the file,
    /// exactly where the string is written without escapes, else the value.
    /// (Tabs were made spaces: the same length, so offsets hold.)
    pub fn offset_in_string(&self, span: Range<usize>, value: &str, offset: usize) -> Range<usize> {
        let raw = &self.file.text[span.clone()];
        // The value was cleaned keeping its length (tabs and control
        // characters became spaces), so its offsets are the decoded ones.
        if let Some((decoded, at)) = super::strings::decode(raw)
            && decoded.len() == value.len()
            && let Some(&pos) = at.get(offset)
        {
            let start = span.start + pos;
            let end = raw[pos..]
                .char_indices()
                .nth(1)
                .map_or(span.end, |(i, _)| span.start + pos + i);
            return start..end;
        }
        span
    }

    /// A date without a time.
    pub fn date(&mut self, key: &str, d: &Spanned<toml::value::Datetime>) -> Option<NaiveDate> {
        let v = d.get_ref();
        let date = match (v.date, v.time, v.offset) {
            (Some(date), None, None) => NaiveDate::from_ymd_opt(
                i32::from(date.year),
                u32::from(date.month),
                u32::from(date.day),
            ),
            _ => None,
        };
        if date.is_none() {
            self.error(
                d.span(),
                m::date_with_time(key, v.to_string()),
                m::date_help(),
            );
        }
        date
    }

    /// An amount, read from its literal text in the file.
    pub fn amount(&mut self, key: &str, v: &Spanned<toml::Value>) -> Option<Amount> {
        let literal = &self.file.text[v.span()];
        match v.get_ref() {
            toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::String(_) => {}
            other => {
                self.error(
                    v.span(),
                    m::amount_wrong_type(key, other.type_str()),
                    m::whole_or_ore_help(),
                );
                return None;
            }
        }
        match Amount::parse_literal(literal) {
            Ok(a) => Some(a),
            Err(e) => {
                let message = match &e {
                    AmountError::Negative => m::amount_negative(key, literal),
                    _ => m::amount_problem(key, e.message()),
                };
                self.error(v.span(), message, e.help());
                None
            }
        }
    }
}
