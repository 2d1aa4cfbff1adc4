//! The editor's form, made from the one description of format 1 (the
//! tables the checker and the JSON Schema use): a field for every key, of
//! the key's kind, in the tables' order, repeatable tables as lists. Its
//! words come from the message catalogue, by the field's id (the path of
//! its key through the tables, `day-section-title`): `field-<id>` is the
//! label, `field-<id>-help` and `field-<id>-example` (the placeholder) are
//! optional, a list's entry is called `field-<id>-one`, a choice's values
//! `field-<id>-<value>` and an optional choice left unset
//! `field-<id>-unset`.

use crate::check::shape::{AGENDA_ITEM, FILE, Key, Kind, Spec};
use crate::diagnostic::Seg;
use crate::locale::Lang;
use crate::messages::lookup;
use serde::Serialize;

/// One field of the form.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// The key it writes.
    pub key: &'static str,
    /// Its id: the path of its key through the tables (`day-section-title`).
    pub id: String,
    /// What it holds: `text`, `long`, `choice`, `date`, `amount`,
    /// `integer`, `bool`, `lines`, `agenda`, `table` or `list`.
    pub kind: &'static str,
    /// Its label.
    pub label: String,
    /// What to write, under the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// An example, shown in the empty field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// Whether the key must be there.
    pub required: bool,
    /// A choice's values and their words (the first, `""`, unset).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<(String, String)>,
    /// A table's or a list entry's fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// What one entry of a list is called (`dag`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one: Option<String>,
}

/// The whole form in `lang`: the fields of the file, in order.
pub fn describe(lang: Lang) -> Vec<Field> {
    fields_of(&FILE, "", lang)
}

fn fields_of(spec: &'static Spec, prefix: &str, lang: Lang) -> Vec<Field> {
    spec.keys.iter().map(|k| field(k, prefix, lang)).collect()
}

fn id_of(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}-{key}")
    }
}

/// A word of the form; a missing one is its id, which the test of the
/// catalogue finds.
fn word(lang: Lang, id: &str) -> String {
    lookup(lang, id, &[]).unwrap_or_else(|| id.to_string())
}

fn field(k: &'static Key, prefix: &str, lang: Lang) -> Field {
    let id = id_of(prefix, k.name);
    let w = |suffix: &str| lookup(lang, &format!("field-{id}{suffix}"), &[]);
    let yes_no = || {
        vec![
            ("true".to_string(), word(lang, "ui-yes")),
            ("false".to_string(), word(lang, "ui-no")),
        ]
    };
    let (kind, options, fields, one): (&str, Vec<(String, String)>, Vec<Field>, bool) = match k.kind
    {
        Kind::Text if !k.choices.is_empty() => (
            "choice",
            k.choices
                .iter()
                .map(|c| (c.to_string(), word(lang, &format!("field-{id}-{c}"))))
                .collect(),
            Vec::new(),
            false,
        ),
        Kind::Text if k.long => ("long", Vec::new(), Vec::new(), false),
        Kind::Text => ("text", Vec::new(), Vec::new(), false),
        Kind::Date => ("date", Vec::new(), Vec::new(), false),
        Kind::Amount => ("amount", Vec::new(), Vec::new(), false),
        Kind::Integer => ("integer", Vec::new(), Vec::new(), false),
        Kind::Bool => ("bool", yes_no(), Vec::new(), false),
        Kind::TextList => ("lines", Vec::new(), Vec::new(), false),
        Kind::Agenda => (
            "agenda",
            Vec::new(),
            fields_of(&AGENDA_ITEM, &id, lang),
            true,
        ),
        Kind::Table(t) => ("table", Vec::new(), fields_of(t, &id, lang), false),
        Kind::TableList(t) => ("list", Vec::new(), fields_of(t, &id, lang), true),
    };
    let options = if options.is_empty() || k.required {
        options
    } else {
        let unset = (String::new(), word(lang, &format!("field-{id}-unset")));
        std::iter::once(unset).chain(options).collect()
    };
    Field {
        key: k.name,
        label: word(lang, &format!("field-{id}")),
        help: w("-help"),
        example: w("-example"),
        one: one.then(|| word(lang, &format!("field-{id}-one"))),
        id,
        kind,
        required: k.required,
        options,
        fields,
    }
}

/// The key at `path` (`["day", 2, "date"]`) with its field id, or `None`
/// when the path leads to no key of format 1. An index after a list or an
/// agenda steps into its entry.
pub fn key_at(path: &[Seg]) -> Option<(&'static Key, String)> {
    let mut spec: &'static Spec = &FILE;
    let mut prefix = String::new();
    let mut found = None;
    let mut i = 0;
    while i < path.len() {
        let Seg::Key(name) = &path[i] else {
            return None;
        };
        let key = spec.keys.iter().find(|k| k.name == name)?;
        let id = id_of(&prefix, key.name);
        i += 1;
        found = Some((key, id.clone()));
        prefix = id;
        match (key.kind, &path[i..]) {
            (_, []) => break,
            (Kind::Table(t), _) => spec = t,
            (Kind::TableList(t), [Seg::Index(_), ..]) => {
                spec = t;
                i += 1;
            }
            // An agenda entry written as a text is its `text`.
            (Kind::Agenda, [Seg::Index(_)]) => {
                let text = AGENDA_ITEM.keys.iter().find(|k| k.name == "text")?;
                return Some((text, id_of(&prefix, "text")));
            }
            (Kind::Agenda, [Seg::Index(_), ..]) => {
                spec = &AGENDA_ITEM;
                i += 1;
            }
            // A line of a list of texts is the list's.
            (Kind::TextList, [Seg::Index(_)]) => break,
            _ => return None,
        }
    }
    found
}

/// Where a path is in the form, for a message away from its field:
/// `Dag 3 › Besøg 1 › Titel`.
pub fn place(path: &[Seg], lang: Lang) -> String {
    let mut parts = Vec::new();
    for (i, seg) in path.iter().enumerate() {
        if let Seg::Index(n) = seg
            && let Some((_, id)) = key_at(&path[..i])
            && let Some(one) = lookup(lang, &format!("field-{id}-one"), &[])
        {
            parts.push(format!("{} {}", capital(&one), n + 1));
        }
    }
    if let Some((_, id)) = key_at(path) {
        let label = word(lang, &format!("field-{id}"));
        if parts.is_empty() || path.last().is_some_and(|s| matches!(s, Seg::Key(_))) {
            parts.push(label);
        }
    }
    parts.join(" › ")
}

/// `dag` → `Dag`.
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Every field id of the form, with its field (depth first).
#[cfg(test)]
pub fn all_fields(fields: &[Field]) -> Vec<&Field> {
    let mut out = Vec::new();
    for f in fields {
        out.push(f);
        out.extend(all_fields(&f.fields));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(json: &str) -> Vec<Seg> {
        serde_json::from_str(json).unwrap()
    }

    /// Every key of format 1 has a field, with a label and (lists and
    /// choices) the words of its entries and values, in both languages;
    /// and every field is a key of format 1.
    #[test]
    fn every_key_has_a_field_and_every_field_a_key() {
        fn keys(spec: &'static Spec, prefix: &str, out: &mut Vec<String>) {
            for k in spec.keys {
                let id = id_of(prefix, k.name);
                out.push(id.clone());
                match k.kind {
                    Kind::Table(t) | Kind::TableList(t) => keys(t, &id, out),
                    Kind::Agenda => keys(&AGENDA_ITEM, &id, out),
                    _ => {}
                }
            }
        }
        let mut expected = Vec::new();
        keys(&FILE, "", &mut expected);
        for lang in [Lang::Da, Lang::En] {
            let form = describe(lang);
            let ids: Vec<String> = all_fields(&form).iter().map(|f| f.id.clone()).collect();
            assert_eq!(ids, expected, "fields vs keys of format 1");
            for f in all_fields(&form) {
                let mut words = vec![f.label.clone()];
                words.extend(f.one.clone());
                words.extend(f.options.iter().map(|(_, w)| w.clone()));
                for w in words {
                    assert!(
                        !w.starts_with("field-") && !w.starts_with("ui-"),
                        "{lang:?}: {} has no words for {w}",
                        f.id
                    );
                    assert!(
                        !w.contains(['`', '[', '=']),
                        "{lang:?}: {} speaks TOML: {w}",
                        f.id
                    );
                }
            }
        }
    }

    #[test]
    fn paths_lead_to_their_keys() {
        let id = |p: &str| key_at(&path(p)).map(|(_, id)| id);
        assert_eq!(
            id(r#"["trip","destination"]"#).as_deref(),
            Some("trip-destination")
        );
        assert_eq!(
            id(r#"["day",2,"section",0,"image",1,"alt"]"#).as_deref(),
            Some("day-section-image-alt")
        );
        assert_eq!(id(r#"["day",2]"#).as_deref(), Some("day"));
        assert_eq!(
            id(r#"["day",0,"agenda",1]"#).as_deref(),
            Some("day-agenda-text")
        );
        assert_eq!(
            id(r#"["day",0,"agenda",1,"time"]"#).as_deref(),
            Some("day-agenda-time")
        );
        assert_eq!(
            id(r#"["day",0,"agenda",1,"points",0]"#).as_deref(),
            Some("day-agenda-points")
        );
        assert_eq!(
            id(r#"["trip","logo","alt"]"#).as_deref(),
            Some("trip-logo-alt")
        );
        assert_eq!(id(r#"["trip","tittle"]"#), None);
        assert_eq!(
            place(&path(r#"["day",2,"section",0,"title"]"#), Lang::Da),
            "Dag 3 › Besøg 1 › Titel"
        );
    }
}
