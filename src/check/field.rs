//! The field of the trip file a diagnostic belongs to: the path of the
//! smallest key, value or table around its place (`["day", 0, "section",
//! 1, "text"]`), so that the editor shows it at that field.

use crate::diagnostic::{Diagnostic, Seg};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Sets the field of every diagnostic about the trip file `name`.
pub fn locate(name: &str, diagnostics: &mut [Diagnostic]) {
    let Some(text) = diagnostics
        .iter()
        .filter_map(|d| d.file.as_ref().filter(|f| f.name == name))
        .map(|f| f.text.clone())
        .next()
    else {
        return;
    };
    // Parsed once, only when there is something to place.
    let (doc, _) = DeTable::parse_recoverable(&text);
    for d in diagnostics.iter_mut() {
        let (Some(f), Some(span)) = (&d.file, &d.span) else {
            continue;
        };
        if !std::sync::Arc::ptr_eq(&f.text, &text) {
            continue;
        }
        let mut path = path_in(doc.get_ref(), span.start);
        if let Some(key) = d.missing {
            path.push(Seg::Key(key.to_string()));
        }
        d.field = path;
    }
}

/// The path of the field of `text` that holds `offset`; empty when the
/// place belongs to no field.
pub fn path_at(text: &str, offset: usize) -> Vec<Seg> {
    let (doc, _) = DeTable::parse_recoverable(text);
    path_in(doc.get_ref(), offset)
}

fn path_in(doc: &DeTable<'_>, offset: usize) -> Vec<Seg> {
    let mut best: Best = None;
    let mut path = Vec::new();
    visit_table(doc, offset, &mut path, &mut best);
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

    fn json(p: &[Seg]) -> String {
        serde_json::to_string(p).unwrap()
    }

    #[test]
    fn errors_find_their_field() {
        let at = TRIP.find("tekst").unwrap();
        assert_eq!(json(&path_at(TRIP, at)), r#"["day",0,"section",0,"text"]"#);
        let at = TRIP.find("\"U\"").unwrap();
        assert_eq!(json(&path_at(TRIP, at)), r#"["trip","committee"]"#);
        let at = TRIP.find("[accounts]").unwrap();
        assert_eq!(json(&path_at(TRIP, at)), r#"["accounts"]"#);
    }

    #[test]
    fn every_diagnostic_of_a_checked_trip_carries_its_field() {
        let text = "[trip]\ncommittee = \"U\"\nmunicipality = \"K\"\nstart = 2024-05-01\n\n[[participant]]\nrole = \"x\"\n";
        let checked = crate::check::check_bytes(
            "t.toml",
            text.as_bytes(),
            std::path::Path::new("."),
            crate::check::Settings::default(),
        );
        let fields: Vec<String> = checked.diagnostics.iter().map(|d| json(&d.field)).collect();
        assert!(
            fields.contains(&r#"["trip","destination"]"#.to_string()),
            "{fields:?}"
        );
        assert!(
            fields.contains(&r#"["participant",0,"name"]"#.to_string()),
            "{fields:?}"
        );
    }
}
