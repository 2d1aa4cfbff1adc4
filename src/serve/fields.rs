//! The trip file seen as the editor's form sees it: its values by path (for
//! the form's fields), and the path of the field a place in the file
//! belongs to (so an error is shown at its field).

use super::edit::Seg;
use crate::money::Amount;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Keys that hold amounts: shown the Danish way in the form.
const AMOUNTS: [&str; 3] = ["amount", "budget", "total"];

/// The values of the trip file for the form, as JSON: dates as
/// `2023-04-17`, amounts the Danish way (`1.150,50`); `None` when the file's
/// syntax is broken (the TOML tab shows why).
pub fn model(text: &str) -> Option<serde_json::Value> {
    let value: toml::Value = toml::from_str(text).ok()?;
    Some(to_json(&value, ""))
}

fn to_json(v: &toml::Value, key: &str) -> serde_json::Value {
    use serde_json::Value as J;
    if AMOUNTS.contains(&key) && !matches!(v, toml::Value::Table(_) | toml::Value::Array(_)) {
        let literal = match v {
            toml::Value::String(s) => format!("\"{s}\""),
            other => other.to_string(),
        };
        return J::String(match Amount::parse_literal(&literal) {
            Ok(a) => a
                .format(crate::locale::Lang::Da, false)
                .trim_end_matches("\u{a0}kr.")
                .to_string(),
            Err(_) => literal.trim_matches('"').to_string(),
        });
    }
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => J::from(*f),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(|x| to_json(x, key)).collect()),
        toml::Value::Table(t) => {
            J::Object(t.iter().map(|(k, x)| (k.clone(), to_json(x, k))).collect())
        }
    }
}

/// The path of the field of `text` that holds `offset`: the smallest key,
/// value or table header around it (`["day", 0, "section", 1, "text"]`);
/// empty when the place belongs to no field.
pub fn path_at(text: &str, offset: usize) -> Vec<Seg> {
    let (doc, _) = DeTable::parse_recoverable(text);
    let mut best: Option<(usize, Vec<Seg>)> = None;
    let mut path = Vec::new();
    visit_table(doc.get_ref(), offset, &mut path, &mut best);
    best.map(|(_, p)| p).unwrap_or_default()
}

type Best = Option<(usize, Vec<Seg>)>;

fn consider(span: Range<usize>, offset: usize, path: &[Seg], best: &mut Best) {
    let holds = span.start <= offset && offset < span.end.max(span.start + 1);
    let size = span.end.saturating_sub(span.start);
    if holds && best.as_ref().is_none_or(|(s, _)| size <= *s) {
        *best = Some((size, path.to_vec()));
    }
}

fn visit_table(t: &DeTable<'_>, offset: usize, path: &mut Vec<Seg>, best: &mut Best) {
    for (k, v) in t.iter() {
        path.push(Seg::Key(k.get_ref().to_string()));
        consider(k.span(), offset, path, best);
        visit_value(v, offset, path, best);
        path.pop();
    }
}

fn visit_value(v: &Spanned<DeValue<'_>>, offset: usize, path: &mut Vec<Seg>, best: &mut Best) {
    consider(v.span(), offset, path, best);
    match v.get_ref() {
        DeValue::Table(t) => visit_table(t, offset, path, best),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                visit_value(item, offset, path, best);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRIP: &str = "[trip]\ncommittee = \"U\"\n\n[[day]]\ndate = 2024-05-01\n  [[day.section]]\n  title = \"A\"\n  text = \"\"\"\nlang\ntekst\n\"\"\"\n\n[accounts]\n  [[accounts.item]]\n  label = \"x\"\n  amount = \"1150.50\"\n";

    #[test]
    fn errors_find_their_field() {
        let at = TRIP.find("tekst").unwrap();
        let path = path_at(TRIP, at);
        assert_eq!(
            serde_json::to_string(&path).unwrap(),
            r#"["day",0,"section",0,"text"]"#
        );
        let at = TRIP.find("\"U\"").unwrap();
        assert_eq!(
            serde_json::to_string(&path_at(TRIP, at)).unwrap(),
            r#"["trip","committee"]"#
        );
        let at = TRIP.find("[accounts]").unwrap();
        assert_eq!(
            serde_json::to_string(&path_at(TRIP, at)).unwrap(),
            r#"["accounts"]"#
        );
    }

    #[test]
    fn the_model_shows_dates_and_danish_amounts() {
        let m = model(TRIP).unwrap();
        assert_eq!(m["day"][0]["date"], "2024-05-01");
        assert_eq!(m["accounts"]["item"][0]["amount"], "1.150,50");
        assert!(model("[trip").is_none());
    }
}
