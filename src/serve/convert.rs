//! The one converter between the form and the trip file, by the kind of
//! the field's key (from format 1's tables): what she types becomes the
//! TOML value the key takes, and a value of the file becomes what its field
//! shows.

use crate::check::shape::{AGENDA_ITEM, FILE, Key, Kind, Spec};
use crate::locale::Lang;
use crate::messages::{Msg, editor as m};
use crate::money::Amount;
use toml_edit::Value;

/// The TOML value of what was typed into the field of `key`; `None` for an
/// empty field (the key is then left out). `typed` is a text, `true` or
/// `false`, or `null`.
pub fn to_toml(key: &Key, typed: &serde_json::Value) -> Result<Option<Value>, Msg> {
    let text = match typed {
        serde_json::Value::Null => return Ok(None),
        serde_json::Value::Bool(b) if matches!(key.kind, Kind::Bool) => {
            return Ok(Some(Value::from(*b)));
        }
        serde_json::Value::String(s) => s.as_str(),
        _ => return Err(m::edit_cannot_write()),
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        // A required text emptied stays in its place (its error says it is
        // empty); any other key is left out.
        return Ok((key.required && matches!(key.kind, Kind::Text)).then(|| Value::from("")));
    }
    Ok(Some(match key.kind {
        Kind::Text if !key.choices.is_empty() => {
            if !key.choices.contains(&trimmed) {
                return Err(m::edit_cannot_write());
            }
            Value::from(trimmed)
        }
        // A one-line text loses its line breaks; paragraphs keep theirs.
        Kind::Text if key.long => Value::from(text.trim_end()),
        Kind::Text => Value::from(text.replace(['\n', '\r'], " ").trim()),
        Kind::Date => date(trimmed)?,
        Kind::Amount => {
            let a = typed_amount(trimmed)?;
            let literal = a.literal();
            // Whole kroner as a number, øre as a string (never a float).
            match literal.parse::<i64>() {
                Ok(n) => Value::from(n),
                Err(_) => Value::from(literal),
            }
        }
        Kind::Integer => Value::from(
            trimmed
                .replace('.', "")
                .parse::<i64>()
                .map_err(|_| m::edit_whole_number())?,
        ),
        Kind::Bool => match trimmed {
            "true" => Value::from(true),
            "false" => Value::from(false),
            _ => return Err(m::edit_cannot_write()),
        },
        Kind::TextList => {
            let mut a = toml_edit::Array::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                a.push(line);
            }
            Value::Array(a)
        }
        Kind::Agenda | Kind::Table(_) | Kind::TableList(_) => return Err(m::edit_cannot_set()),
    }))
}

/// A date from the form's date field (`2025-10-08`), or written by hand
/// (`8.10.2025`, `8/10/2025`).
fn date(text: &str) -> Result<Value, Msg> {
    let d = text
        .parse::<chrono::NaiveDate>()
        .ok()
        .or_else(|| crate::locale::read_written_date(text))
        .ok_or_else(|| m::edit_not_date(text))?;
    let written = crate::locale::message_date(d);
    written
        .parse::<toml_edit::Datetime>()
        .map(Value::from)
        .map_err(|_| m::edit_not_date(text))
}

/// An amount as people write it: `31.300`, `1.150,50`, `12.500,-`,
/// `kr. 12.500`, `DKK 12.500`, `12.500 kr`.
pub fn typed_amount(text: &str) -> Result<Amount, Msg> {
    let mut t = text.trim();
    for prefix in ["kr.", "kr", "DKK", "dkk", "Kr.", "Kr"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim_start();
            break;
        }
    }
    for suffix in ["DKK", "dkk", "kr.", "kr", "Kr.", "Kr"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim_end();
            break;
        }
    }
    let t = t.strip_suffix(",-").or(t.strip_suffix(",—")).unwrap_or(t);
    Amount::parse_typed(t).map_err(|_| m::typed_amount(text.trim()))
}

/// What the form shows for the value `v` of `key`: a text, or for a table,
/// a list or an agenda, the values of their fields.
pub fn to_form(key: &Key, v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match (key.kind, v) {
        (Kind::Amount, toml::Value::Table(_) | toml::Value::Array(_)) => J::Null,
        (Kind::Amount, _) => {
            let literal = match v {
                toml::Value::String(s) => format!("\"{s}\""),
                other => other.to_string(),
            };
            J::String(match Amount::parse_literal(&literal) {
                Ok(a) => a
                    .format(Lang::Da, false)
                    .trim_end_matches("\u{a0}kr.")
                    .to_string(),
                Err(_) => literal.trim_matches('"').to_string(),
            })
        }
        (Kind::TextList, toml::Value::Array(items)) => J::String(
            items
                .iter()
                .map(|i| match i {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (Kind::Agenda, toml::Value::Array(items)) => J::Array(
            items
                .iter()
                .map(|e| match e {
                    toml::Value::String(s) => serde_json::json!({ "text": s }),
                    toml::Value::Table(t) => table(&AGENDA_ITEM, t),
                    _ => serde_json::json!({}),
                })
                .collect(),
        ),
        (Kind::Table(spec), toml::Value::Table(t)) => table(spec, t),
        (Kind::TableList(spec), toml::Value::Array(items)) => J::Array(
            items
                .iter()
                .map(|e| match e {
                    toml::Value::Table(t) => table(spec, t),
                    _ => serde_json::json!({}),
                })
                .collect(),
        ),
        (_, toml::Value::String(s)) => J::String(s.clone()),
        (_, toml::Value::Boolean(b)) => J::String(b.to_string()),
        (_, toml::Value::Table(_) | toml::Value::Array(_)) => J::Null,
        (_, other) => J::String(other.to_string()),
    }
}

fn table(spec: &'static Spec, t: &toml::Table) -> serde_json::Value {
    serde_json::Value::Object(
        spec.keys
            .iter()
            .filter_map(|k| Some((k.name.to_string(), to_form(k, t.get(k.name)?))))
            .collect(),
    )
}

/// The values of the trip file for the form, by the keys of format 1 (a
/// key it does not know is left to the TOML tab); `None` when the file's
/// syntax is broken.
pub fn model(text: &str) -> Option<serde_json::Value> {
    let value: toml::Table = toml::from_str(text).ok()?;
    Some(table(&FILE, &value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Seg;

    fn key(path: &str) -> &'static Key {
        let p: Vec<Seg> = serde_json::from_str(path).unwrap();
        super::super::form::key_at(&p).unwrap().0
    }

    fn typed(path: &str, text: &str) -> Result<Option<String>, Msg> {
        to_toml(key(path), &serde_json::json!(text)).map(|v| v.map(|v| v.to_string()))
    }

    #[test]
    fn amounts_as_people_write_them() {
        let item = r#"["accounts","item",0,"amount"]"#;
        for written in [
            "12.500,-",
            "kr. 12.500",
            "DKK 12.500",
            "12.500 kr",
            "12500",
            "12.500 kr.",
        ] {
            assert_eq!(
                typed(item, written).unwrap().as_deref(),
                Some("12500"),
                "{written}"
            );
        }
        assert_eq!(
            typed(item, "1.150,50").unwrap().as_deref(),
            Some("\"1150.50\"")
        );
        assert!(typed(item, "1.150.50").is_err());
        assert!(typed(item, "31,300,00").is_err());
        assert_eq!(typed(item, "  ").unwrap(), None);
        assert_eq!(
            typed(r#"["trip","destination"]"#, "").unwrap().as_deref(),
            Some("\"\"")
        );
        assert_eq!(typed(r#"["trip","subtitle"]"#, "").unwrap(), None);
    }

    #[test]
    fn each_kind_is_typed_by_its_key() {
        for (key, written, toml) in [
            (r#"["trip","start"]"#, "2025-10-08", "2025-10-08"),
            (r#"["trip","start"]"#, "8.10.2025", "2025-10-08"),
            (r#"["accounts","participants"]"#, "12", "12"),
            (r#"["accounts","vat"]"#, "included", "\"included\""),
            (r#"["trip","contents"]"#, "false", "false"),
            (
                r#"["day",0,"agenda",0,"points"]"#,
                "a\n\n b \n",
                "[\"a\", \"b\"]",
            ),
            (r#"["trip","title"]"#, "a\nb", "\"a b\""),
        ] {
            assert_eq!(
                typed(key, written).unwrap().as_deref(),
                Some(toml),
                "{key} {written:?}"
            );
        }
        assert!(typed(r#"["trip","start"]"#, "i morgen").is_err());
        assert!(typed(r#"["accounts","vat"]"#, "maybe").is_err());
    }

    #[test]
    fn the_form_shows_dates_and_danish_amounts() {
        let m = model("[trip]\nstart = 2024-05-01\n[[day]]\ndate = 2024-05-01\nagenda = [\"A\", { time = \"10\", text = \"B\", points = [\"x\", \"y\"] }]\n[accounts]\ntotal = \"1150.50\"\n[[accounts.item]]\nlabel = \"x\"\namount = 31300\n").unwrap();
        assert_eq!(m["day"][0]["date"], "2024-05-01");
        assert_eq!(m["day"][0]["agenda"][0]["text"], "A");
        assert_eq!(m["day"][0]["agenda"][1]["points"], "x\ny");
        assert_eq!(m["accounts"]["total"], "1.150,50");
        assert_eq!(m["accounts"]["item"][0]["amount"], "31.300");
        assert!(model("[trip").is_none());
    }
}
