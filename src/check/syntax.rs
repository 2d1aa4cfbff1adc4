//! The first pass: the bytes are UTF-8 and the text is TOML. Every syntax
//! error the parser recovers from is reported at once. Also turns the
//! errors of reading values with serde into diagnostics.

use super::shape::{did_you_mean, key_names};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::messages::{Msg, trip as m};
use toml::Spanned;
use toml::de::DeTable;

/// The text of a trip file, or the diagnostic of why its bytes are not
/// UTF-8 (a byte-order mark is dropped).
pub fn decode(name: &str, bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            name: name.to_string(),
            text: text.into(),
        }),
        Err(e) => {
            let good = e.valid_up_to();
            let file = SourceFile {
                name: name.to_string(),
                text: String::from_utf8_lossy(&bytes[..good]).into(),
            };
            let (line, col) = file.line_col(good);
            let byte = format!("{:02X}", bytes[good]);
            Err(
                Diagnostic::error(&file, good..good, m::not_utf8(byte, line, col))
                    .with_help(m::not_utf8_help()),
            )
        }
    }
}

/// The parsed document, or a diagnostic for every syntax error.
pub fn parse(file: &SourceFile) -> Result<Spanned<DeTable<'_>>, Vec<Diagnostic>> {
    if let Some(d) = old_mac_lines(file) {
        return Err(vec![d]);
    }
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Ok(doc);
    }
    // A text whose closing `"""` is missing swallows the rest of the file:
    // one error, where it opens.
    if let Some(d) = unclosed_text(file) {
        return Err(vec![d]);
    }
    Err(errors.iter().map(|e| syntax_error(file, e)).collect())
}

/// One error for a file whose lines end in a carriage return alone (old
/// Mac files), instead of one per line.
fn old_mac_lines(file: &SourceFile) -> Option<Diagnostic> {
    let text = &file.text;
    let bare = text
        .match_indices('\r')
        .filter(|(i, _)| !text[i + 1..].starts_with('\n'));
    (bare.count() > 0 && !text.contains('\n')).then(|| {
        Diagnostic::error(file, 0..0, m::old_mac_lines()).with_help(m::old_mac_lines_help())
    })
}

/// The error for a multi-line text (`"""` or `'''`) that is never closed,
/// pointing at where it opens.
fn unclosed_text(file: &SourceFile) -> Option<Diagnostic> {
    let text = &file.text;
    let bytes = text.as_bytes();
    let mut open: Option<(usize, &str)> = None;
    let mut i = 0;
    while i < bytes.len() {
        match open {
            None => match bytes[i] {
                b'#' => {
                    // A comment runs to the end of its line.
                    i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                    continue;
                }
                b'"' | b'\''
                    if bytes[i..].starts_with(b"\"\"\"") || bytes[i..].starts_with(b"\'\'\'") =>
                {
                    open = Some((i, &text[i..i + 3]));
                    i += 3;
                    continue;
                }
                b'"' => {
                    // A one-line string: to its closing quote.
                    let mut j = i + 1;
                    while j < bytes.len() && bytes[j] != b'"' && bytes[j] != b'\n' {
                        j += if bytes[j] == b'\\' { 2 } else { 1 };
                    }
                    i = j + 1;
                    continue;
                }
                b'\'' => {
                    i = text[i + 1..]
                        .find(['\'', '\n'])
                        .map_or(bytes.len(), |n| i + n + 2);
                    continue;
                }
                _ => {}
            },
            Some((_, delim)) => {
                if delim == "\"\"\"" && bytes[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if bytes[i..].starts_with(delim.as_bytes()) {
                    // Up to two quotes may end the text before the delimiter.
                    let mut end = i + 3;
                    while end < bytes.len() && end < i + 5 && bytes[end] == delim.as_bytes()[0] {
                        end += 1;
                    }
                    open = None;
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    let (at, delim) = open?;
    Some(
        Diagnostic::error(file, at..at + 3, m::unclosed_text(delim))
            .with_help(m::unclosed_text_help(delim)),
    )
}

fn syntax_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim();
    let first = first_sentence(message);
    let span = e.span().unwrap_or(0..0);
    if let Some(d) = date_as_written(file, &span) {
        return d;
    }
    let lower = message.to_lowercase();
    let help = if lower.contains("duplicate key") {
        m::syntax_help_duplicate()
    } else if lower.contains("string") || lower.contains("quote") {
        m::syntax_help_string()
    } else if lower.contains("date") || lower.contains("time") {
        m::syntax_help_date()
    } else if lower.contains("table") {
        m::syntax_help_table()
    } else {
        m::syntax_help_line()
    };
    let rest: Vec<&str> = message
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let help = if rest.is_empty() {
        help
    } else {
        m::syntax_help_detail(rest.join("; "), help)
    };
    Diagnostic::error(file, span, m::syntax_broken(first)).with_help(help)
}

/// The diagnostic of an error serde met while reading the values.
pub fn value_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    if let Some(d) = number_too_large(file, &span) {
        return d;
    }
    let mut d = Diagnostic::error(file, span, m::value_unreadable(first_sentence(&message)));
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let word = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = message
            .split("expected ")
            .nth(1)
            .map(|s| s.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let candidates = if expected.is_empty() {
            key_names()
        } else {
            expected.clone()
        };
        let help: Msg = match did_you_mean(word, candidates) {
            Some(s) => m::did_you_mean(s),
            None if !expected.is_empty() => m::table_takes(
                expected
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            None => m::remove_or_check_spelling(),
        };
        d = d.with_help(help);
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or("");
        d = d.with_help(m::add_missing_field(key));
    } else if message.contains("expected a TOML datetime") || message.contains("expected a date") {
        d = d.with_help(m::date_without_quotes_help());
    } else if message.contains("number") || message.contains("integer") {
        d = d.with_help(m::amount_like_help());
    } else {
        d = d.with_help(m::see_trip_format());
    }
    d
}

/// An error for a whole number too large for TOML (more than 19 digits:
/// `format = 99999999999999999999`, an amount in øre typed as kroner),
/// with help for the key it is written to.
fn number_too_large(file: &SourceFile, span: &std::ops::Range<usize>) -> Option<Diagnostic> {
    let written = file.text.get(span.clone())?.trim();
    let digits = written.trim_start_matches(['+', '-']).replace('_', "");
    if digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit())
        || written.replace('_', "").parse::<i64>().is_ok()
    {
        return None;
    }
    let line_start = file.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let key = file.text[line_start..span.start]
        .split('=')
        .next()
        .unwrap_or("")
        .trim();
    let help = match key {
        "amount" | "budget" | "total" => m::amount_too_large_help(),
        "format" => m::unknown_format_help(),
        _ => m::number_too_large_help(),
    };
    Some(Diagnostic::error(file, span.clone(), m::number_too_large(written)).with_help(help))
}

/// An error for a date written the Danish way (`start = 17/4/2023`), which
/// TOML does not read, saying how to write it.
fn date_as_written(file: &SourceFile, span: &std::ops::Range<usize>) -> Option<Diagnostic> {
    let text = &file.text;
    let line_start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let (key, value) = line.split_once('=')?;
    let value = value.split('#').next()?.trim();
    let date = crate::locale::read_written_date(value)?;
    let key = key.trim();
    let at = line_start + line.find(value)?;
    Some(
        Diagnostic::error(file, at..at + value.len(), m::date_as_written(value)).with_help(
            m::date_as_written_help(key, crate::locale::message_date(date)),
        ),
    )
}

fn first_sentence(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_string()
}
