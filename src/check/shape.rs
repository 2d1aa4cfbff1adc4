//! The shape of format 1 ([`super::tables`]): a parsed document is checked
//! against it before the values are read, so that every unknown key,
//! missing key and wrong type of a file is reported at once, each at its
//! own line and column.

pub use super::tables::{AGENDA_ITEM, FILE, Key, Kind, Spec, all_specs, key_names};
use super::tables::{ALL, IMAGE};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::messages::{Msg, trip as m};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The closest known key to `word`, if it is close.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// What the structural check found.
#[derive(Debug, Default)]
pub struct Findings {
    /// Every problem, as diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether a required key is missing or a value has the wrong type: the
    /// values cannot be read then.
    pub fatal: bool,
}

/// Checks `table` against `spec`, removing unknown keys (each reported) so
/// that the rest can still be read and checked.
pub fn check(file: &SourceFile, table: &mut Spanned<DeTable<'_>>, spec: &'static Spec) -> Findings {
    let mut findings = Findings::default();
    let span = table.span();
    check_table(file, table.get_mut(), span, spec, &mut findings);
    findings
}

fn check_table(
    file: &SourceFile,
    table: &mut DeTable<'_>,
    span: Range<usize>,
    spec: &'static Spec,
    out: &mut Findings,
) {
    let mut unknown: Vec<String> = Vec::new();
    // Required keys that a misspelt key was taken for: its error says so,
    // a second one ("missing …") would tell the same mistake twice.
    let mut meant: Vec<&str> = Vec::new();
    for (key, value) in table.iter_mut() {
        let name: &str = key.get_ref();
        match spec.keys.iter().find(|k| k.name == name) {
            Some(k) => check_value(file, k, value, spec, out),
            None => {
                let (diagnostic, suggested) = unknown_key(file, key.span(), name, spec);
                out.diagnostics.push(diagnostic);
                meant.extend(suggested);
                unknown.push(name.to_string());
            }
        }
    }
    if !unknown.is_empty() {
        let kept: Vec<_> = std::mem::take(table)
            .into_iter()
            .filter(|(k, _)| !unknown.iter().any(|u| u.as_str() == k.get_ref().as_ref()))
            .collect();
        table.extend(kept);
    }
    for k in spec.keys.iter().filter(|k| k.required) {
        if !table.keys().any(|key| key.get_ref() == k.name) {
            out.fatal = true;
            if meant.contains(&k.name) {
                continue;
            }
            let in_file = spec.name == FILE.name;
            let at = if in_file {
                0..0
            } else {
                header_span(file, &span)
            };
            let message = match (&k.kind, in_file) {
                (Kind::Table(t), true) => m::missing_table_in_file(t.name),
                (Kind::Table(t), false) => m::missing_table_in(spec.name, t.name),
                (_, true) => m::missing_key_in_file(k.name),
                (_, false) => m::missing_key_in(spec.name, k.name),
            };
            out.diagnostics.push(
                Diagnostic::error(file, at, message)
                    .with_help(missing_help(k))
                    .for_missing(k.name),
            );
        }
    }
}

/// The first line of a table's span (its `[header]`), for pointing at it.
pub(super) fn header_span(file: &SourceFile, span: &Range<usize>) -> Range<usize> {
    let text = &file.text[span.start.min(file.text.len())..span.end.min(file.text.len())];
    let len = text.find('\n').unwrap_or(text.len());
    span.start..span.start + len
}

fn missing_help(k: &Key) -> Msg {
    match k.kind {
        Kind::Table(t) if t.name == "[trip]" => m::add_trip_table(),
        Kind::Table(t) => m::add_table(t.name),
        Kind::Date => m::add_date_key(k.name),
        Kind::Amount => m::add_amount_key(k.name),
        Kind::Integer => m::add_integer_key(k.name),
        _ => m::add_text_key(k.name),
    }
}

/// The error for the unknown key `name`, and the key its help suggests
/// instead ("did you mean …?"), if any.
fn unknown_key(
    file: &SourceFile,
    span: Range<usize>,
    name: &str,
    spec: &'static Spec,
) -> (Diagnostic, Option<&'static str>) {
    let message = if spec.name == FILE.name {
        m::unknown_table_or_key(name)
    } else {
        m::unknown_key_in(name, spec.name)
    };
    let image_key = IMAGE.keys.iter().any(|k| k.name == name);
    let mut suggested = None;
    let help = if let Some(h) = image_key.then(|| image_help(spec)).flatten() {
        h
    } else if let Some(s) = did_you_mean(name, spec.keys.iter().map(|k| k.name)) {
        suggested = Some(s);
        m::did_you_mean(s)
    } else if let Some(other) = ALL
        .iter()
        .find(|s| s.name != spec.name && s.keys.iter().any(|k| k.name == name))
    {
        m::key_belongs_in(name, other.name, spec.name)
    } else {
        let keys: Vec<String> = spec.keys.iter().map(|k| format!("`{}`", k.name)).collect();
        m::table_takes_keys(spec.name, keys.join(", "), name)
    };
    (
        Diagnostic::error(file, span, message).with_help(help),
        suggested,
    )
}

/// Where an image key (`file`, `alt`, `caption`, `decorative`) written
/// without its table's header belongs, seen from `spec`.
fn image_help(spec: &Spec) -> Option<Msg> {
    match spec.name {
        "[[day.section]]" => Some(m::image_keys_help("day.section")),
        "[[section]]" => Some(m::image_keys_help("section")),
        "[[day]]" => Some(m::image_in_day_help()),
        "[trip]" => Some(m::image_in_trip_help()),
        _ => None,
    }
}

fn check_value(
    file: &SourceFile,
    key: &Key,
    value: &mut Spanned<DeValue<'_>>,
    parent: &'static Spec,
    out: &mut Findings,
) {
    let span = value.span();
    let ok = match (&key.kind, value.get_mut()) {
        (Kind::Text, DeValue::String(_)) => true,
        (Kind::Date, DeValue::Datetime(_)) => true,
        (Kind::Amount, DeValue::Integer(_) | DeValue::Float(_) | DeValue::String(_)) => true,
        (Kind::Integer, DeValue::Integer(_)) => true,
        (Kind::Bool, DeValue::Boolean(_)) => true,
        (Kind::TextList, DeValue::Array(items)) => {
            for item in items.iter() {
                if !matches!(item.get_ref(), DeValue::String(_)) {
                    out.fatal = true;
                    out.diagnostics.push(
                        Diagnostic::error(
                            file,
                            item.span(),
                            m::list_entry_not_text(
                                key.name,
                                written(file, &item.span()),
                                describe(item.get_ref()),
                            ),
                        )
                        .with_help(m::list_entry_help()),
                    );
                }
            }
            true
        }
        (Kind::Agenda, DeValue::Array(items)) => {
            for item in items.iter_mut() {
                let item_span = item.span();
                match item.get_mut() {
                    DeValue::String(_) => {}
                    DeValue::Table(t) => check_table(file, t, item_span, &AGENDA_ITEM, out),
                    other => {
                        out.fatal = true;
                        out.diagnostics.push(
                            Diagnostic::error(
                                file,
                                item_span.clone(),
                                m::agenda_entry_wrong(written(file, &item_span), describe(other)),
                            )
                            .with_help(m::agenda_entry_help()),
                        );
                    }
                }
            }
            true
        }
        (Kind::Table(spec), DeValue::Table(t)) => {
            check_table(file, t, span.clone(), spec, out);
            true
        }
        (Kind::TableList(spec), DeValue::Array(items)) => {
            if let Some(extra) = items.get(super::limits::MAX_ENTRIES) {
                out.fatal = true;
                out.diagnostics.push(
                    Diagnostic::error(
                        file,
                        header_span(file, &extra.span()),
                        m::too_many_entries(spec.name, items.len(), super::limits::MAX_ENTRIES),
                    )
                    .with_help(m::too_many_entries_help()),
                );
            }
            let mut all_tables = true;
            for item in items.iter_mut() {
                let item_span = item.span();
                match item.get_mut() {
                    DeValue::Table(t) => check_table(file, t, item_span, spec, out),
                    _ => all_tables = false,
                }
            }
            all_tables
        }
        _ => false,
    };
    if !ok {
        out.fatal = true;
        out.diagnostics
            .push(wrong_type(file, key, value.get_ref(), span, parent));
    }
}

fn written(file: &SourceFile, span: &Range<usize>) -> String {
    let text = file.text.get(span.clone()).unwrap_or("");
    let first = text.lines().next().unwrap_or("");
    if first.chars().count() > 40 {
        format!("{}…", first.chars().take(40).collect::<String>())
    } else {
        first.to_string()
    }
}

fn describe(v: &DeValue<'_>) -> Msg {
    match v {
        DeValue::String(_) => m::kind_text(),
        DeValue::Integer(_) => m::kind_whole_number(),
        DeValue::Float(_) => m::kind_decimal(),
        DeValue::Boolean(_) => m::kind_bool(),
        DeValue::Datetime(_) => m::kind_date(),
        DeValue::Array(_) => m::kind_list(),
        DeValue::Table(_) => m::kind_table(),
    }
}

fn wrong_type(
    file: &SourceFile,
    key: &Key,
    v: &DeValue<'_>,
    span: Range<usize>,
    parent: &'static Spec,
) -> Diagnostic {
    let was = written(file, &span);
    let name = key.name;
    let (expected, help) = match key.kind {
        Kind::Text => (
            m::kind_text(),
            m::quote_text_help(name, was.trim_matches('"')),
        ),
        Kind::Date => {
            let help = match v {
                DeValue::String(s) if s.len() == 10 && s.chars().nth(4) == Some('-') => {
                    m::unquote_date_help(name, s.to_string())
                }
                _ => m::date_like_help(name),
            };
            (m::kind_date(), help)
        }
        Kind::Amount => (m::kind_amount(), m::whole_or_ore_help()),
        Kind::Integer => {
            let help = match v {
                DeValue::String(s) if s.parse::<i64>().is_ok() => {
                    m::unquote_number_help(name, s.to_string())
                }
                _ => m::whole_number_help(name),
            };
            (m::kind_whole_number(), help)
        }
        Kind::Bool => (m::kind_true_or_false(), m::bool_help(name)),
        Kind::TextList => (m::kind_text_list(), m::text_list_help(name)),
        Kind::Agenda => (m::kind_list(), m::agenda_list_help(name)),
        Kind::Table(t) => (
            m::kind_table(),
            m::table_help(name, t.name.trim_matches(['[', ']'])),
        ),
        Kind::TableList(t) => (m::kind_table_list(), m::table_list_help(t.name)),
    };
    let message = if parent.name == FILE.name {
        m::wrong_type(name, expected, was.as_str(), describe(v))
    } else {
        m::wrong_type_in(name, parent.name, expected, was.as_str(), describe(v))
    };
    Diagnostic::error(file, span, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let keys = key_names();
        assert_eq!(did_you_mean("tittle", keys.clone()), Some("title"));
        assert_eq!(did_you_mean("commitee", keys.clone()), Some("committee"));
        assert_eq!(did_you_mean("xyzzy", keys), None);
    }
}
