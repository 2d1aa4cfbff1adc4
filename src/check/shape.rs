//! The shape of format 1 ([`super::tables`]): a parsed document is checked
//! against it before the values are read, so that every unknown key,
//! missing key and wrong type of a file is reported at once, each at its
//! own line and column.

pub use super::tables::{AGENDA_ITEM, FILE, Key, Kind, Spec, all_specs, key_names};
use super::tables::{ALL, IMAGE};
use crate::diagnostic::{Diagnostic, SourceFile};
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
    for (key, value) in table.iter_mut() {
        let name: &str = key.get_ref();
        match spec.keys.iter().find(|k| k.name == name) {
            Some(k) => check_value(file, k, value, spec, out),
            None => {
                out.diagnostics
                    .push(unknown_key(file, key.span(), name, spec));
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
            let (where_, at) = if spec.name == FILE.name {
                ("the file".to_string(), 0..0)
            } else {
                (spec.name.to_string(), header_span(file, &span))
            };
            let message = match k.kind {
                Kind::Table(t) => format!("{where_} has no {} table", t.name),
                _ => format!("{where_} is missing `{}`", k.name),
            };
            out.diagnostics
                .push(Diagnostic::error(file, at, message).with_help(missing_help(k)));
        }
    }
}

/// The first line of a table's span (its `[header]`), for pointing at it.
fn header_span(file: &SourceFile, span: &Range<usize>) -> Range<usize> {
    let text = &file.text[span.start.min(file.text.len())..span.end.min(file.text.len())];
    let len = text.find('\n').unwrap_or(text.len());
    span.start..span.start + len
}

fn missing_help(k: &Key) -> String {
    match k.kind {
        Kind::Table(t) if t.name == "[trip]" => {
            "add a [trip] table with committee, municipality, destination, start and end".into()
        }
        Kind::Table(t) => format!("add a {} table", t.name),
        Kind::Date => format!("add `{} = 2023-04-17` (a date, without quotes)", k.name),
        Kind::Amount => format!("add `{} = 1000` (kroner)", k.name),
        Kind::Integer => format!("add `{} = 10`", k.name),
        _ => format!("add `{} = \"…\"`", k.name),
    }
}

fn unknown_key(
    file: &SourceFile,
    span: Range<usize>,
    name: &str,
    spec: &'static Spec,
) -> Diagnostic {
    let message = if spec.name == FILE.name {
        format!("unknown table or key `{name}`")
    } else {
        format!("unknown key `{name}` in {}", spec.name)
    };
    let image_key = IMAGE.keys.iter().any(|k| k.name == name);
    let help = if let Some(h) = image_key.then(|| image_help(spec)).flatten() {
        h
    } else if let Some(s) = did_you_mean(name, spec.keys.iter().map(|k| k.name)) {
        format!("did you mean `{s}`?")
    } else if let Some(other) = ALL
        .iter()
        .find(|s| s.name != spec.name && s.keys.iter().any(|k| k.name == name))
    {
        format!("`{name}` belongs in {}, not in {}", other.name, spec.name)
    } else {
        let keys: Vec<String> = spec.keys.iter().map(|k| format!("`{}`", k.name)).collect();
        format!(
            "{} takes {}; remove `{name}` or check its spelling",
            spec.name,
            keys.join(", ")
        )
    };
    Diagnostic::error(file, span, message).with_help(help)
}

/// Where an image key (`file`, `alt`, `caption`, `decorative`) written
/// without its table's header belongs, seen from `spec`.
fn image_help(spec: &Spec) -> Option<String> {
    let images = |table: &str| {
        format!(
            "`file`, `alt` and `caption` belong to an image: add a line `[[{table}.image]]` above them (one per image)"
        )
    };
    match spec.name {
        "[[day.section]]" => Some(images("day.section")),
        "[[section]]" => Some(images("section")),
        "[[day]]" => Some("an image belongs to a visit: add `[[day.section]]` (with `title` and `text`), then `[[day.section.image]]` above the image's keys".into()),
        "[trip]" => Some("a cover photo is `cover = { file = \"…\", alt = \"…\" }` and a logo `logo = { file = \"…\", alt = \"…\" }`; photos of a visit go in `[[day.section.image]]`".into()),
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
                            format!(
                                "each entry of `{}` must be text, but `{}` is {}",
                                key.name,
                                written(file, &item.span()),
                                describe(item.get_ref())
                            ),
                        )
                        .with_help("write each entry in quotes: [\"…\", \"…\"]"),
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
                                format!(
                                    "each entry of `agenda` must be text or a table, but `{}` is {}",
                                    written(file, &item_span),
                                    describe(other)
                                ),
                            )
                            .with_help("write each entry in quotes (\"…\"), or as a table: { time = \"10.30\", text = \"…\", points = [\"…\"] }"),
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

fn describe(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
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
    let (expected, help) = match key.kind {
        Kind::Text => (
            "text",
            format!(
                "write it in quotes: {} = \"{}\"",
                key.name,
                was.trim_matches('"')
            ),
        ),
        Kind::Date => {
            let help = match v {
                DeValue::String(s) if s.len() == 10 && s.chars().nth(4) == Some('-') => {
                    format!("write the date without quotes: {} = {s}", key.name)
                }
                _ => format!(
                    "write a date without quotes, like {} = 2023-04-17",
                    key.name
                ),
            };
            ("a date", help)
        }
        Kind::Amount => (
            "an amount",
            "write a whole number (31300) or kroner with øre after a point (\"1150.50\")".into(),
        ),
        Kind::Integer => {
            let help = match v {
                DeValue::String(s) if s.parse::<i64>().is_ok() => {
                    format!("write the number without quotes: {} = {s}", key.name)
                }
                _ => format!("write a whole number, like {} = 10", key.name),
            };
            ("a whole number", help)
        }
        Kind::Bool => (
            "true or false",
            format!("write {} = true or {} = false", key.name, key.name),
        ),
        Kind::TextList => (
            "a list of texts",
            format!("write {} = [\"…\", \"…\"]", key.name),
        ),
        Kind::Agenda => (
            "a list",
            format!(
                "write {} = [\"…\", {{ time = \"10.30\", text = \"…\" }}]",
                key.name
            ),
        ),
        Kind::Table(t) => (
            "a table",
            format!(
                "write it as a table: {} = {{ … }}, or [{}] on a line of its own with its keys below",
                key.name,
                t.name.trim_matches(['[', ']'])
            ),
        ),
        Kind::TableList(t) => (
            "a list of tables",
            format!(
                "write each one as {} on a line of its own, with its keys below",
                t.name
            ),
        ),
    };
    let where_ = if parent.name == FILE.name {
        String::new()
    } else {
        format!(" in {}", parent.name)
    };
    Diagnostic::error(
        file,
        span,
        format!(
            "`{}`{where_} must be {expected}, but `{was}` is {}",
            key.name,
            describe(v)
        ),
    )
    .with_help(help)
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
