//! The JSON Schema of format 1, made from the shape tables that check every
//! trip file, so the two cannot disagree.

use super::tables::{AGENDA_ITEM, FILE, Key, Kind, Spec};

/// The JSON Schema of format 1, generated from the same tables that check
/// every trip file (so the two cannot disagree). Editors use it through the
/// `#:schema` line that `studietur new` writes (Taplo, Even Better TOML).
pub fn json_schema() -> serde_json::Value {
    // The schema's own keys first, then the tables'.
    let mut root = serde_json::Map::new();
    root.insert(
        "$schema".into(),
        "http://json-schema.org/draft-07/schema#".into(),
    );
    root.insert("title".into(), "studietur trip file, format 1".into());
    root.insert(
        "description".into(),
        "One study trip and everything its report shows; see trip-format.md.".into(),
    );
    if let serde_json::Value::Object(map) = table_schema(&FILE) {
        root.extend(map);
    }
    serde_json::Value::Object(root)
}

fn table_schema(spec: &Spec) -> serde_json::Value {
    let properties: serde_json::Map<String, serde_json::Value> = spec
        .keys
        .iter()
        .map(|k| (k.name.to_string(), key_schema(k)))
        .collect();
    let required: Vec<&str> = spec
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    serde_json::json!({
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "required": required,
    })
}

fn key_schema(k: &Key) -> serde_json::Value {
    use serde_json::json;
    let mut s = match (k.name, k.kind) {
        ("format", _) => json!({ "type": "integer", "const": 1 }),
        ("language", _) => json!({ "type": "string", "enum": ["da", "en"] }),
        ("vat", _) => json!({ "type": "string", "enum": ["excluded", "included", "unstated"] }),
        ("participants", _) => json!({ "type": "integer", "minimum": 1 }),
        (_, Kind::Text) => json!({ "type": "string", "minLength": 1 }),
        (_, Kind::Date) => json!({ "type": "string", "format": "date" }),
        (_, Kind::Amount) => json!({ "anyOf": [
            { "type": "integer", "minimum": 0 },
            { "type": "number", "minimum": 0 },
            { "type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$" }
        ] }),
        (_, Kind::Integer) => json!({ "type": "integer" }),
        (_, Kind::Bool) => json!({ "type": "boolean" }),
        (_, Kind::TextList) => json!({ "type": "array", "items": { "type": "string" } }),
        (_, Kind::Agenda) => json!({ "type": "array", "items": { "anyOf": [
            { "type": "string", "minLength": 1 },
            table_schema(&AGENDA_ITEM)
        ] } }),
        (_, Kind::Table(t)) => table_schema(t),
        (_, Kind::TableList(t)) => json!({ "type": "array", "items": table_schema(t) }),
    };
    if let (Some(doc), serde_json::Value::Object(map)) = (key_doc(k.name), &mut s) {
        map.insert("description".into(), doc.into());
    }
    s
}

fn key_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "format" => "The format of this file; only 1 exists.",
        "trip" => "What, where and when.",
        "committee" => "The committee that travelled, e.g. \"Social- og Beskæftigelsesudvalget\".",
        "municipality" => "E.g. \"Aarhus Kommune\".",
        "destination" => "Where the trip went.",
        "start" => "The first day, a date like 2023-04-17 (no quotes).",
        "end" => "The last day, not before `start` (default: `start`, a one-day trip).",
        "title" => "A heading; the default is worded by studietur.",
        "subtitle" => "Shown under the title.",
        "published" => "Shown on the title page and used as the PDF's date (default: `end`).",
        "language" => {
            "The language of the trip's text: the PDF's language and hyphenation, and of the labels, dates and numbers studietur writes (unless --lang asks for others)."
        }
        "case" => {
            "The case (journal) number the report belongs to, as the municipality writes it: on the title page and in the PDF's metadata."
        }
        "contents" => {
            "true or false: whether the report has a contents page (default: when its body runs to more than 4 pages)."
        }
        "heading" => "false: the introduction opens the report without a heading.",
        "time" => "When, printed as written in its own column (\"10.30–12.00\").",
        "points" => "Sub-points, printed as a list under the entry.",
        "name" => "Full name (of the author: may be a unit, \"Sekretariatet …\").",
        "organisation" => "The department.",
        "email" | "phone" => "How to reach the author.",
        "logo" | "cover" | "image" => {
            "An image inside the trip file's folder, with its `alt` text."
        }
        "file" => "Path relative to the trip file's folder: PNG, JPEG, GIF, WebP or SVG.",
        "alt" => "What a screen reader speaks; required unless `decorative = true`.",
        "decorative" => "true: the image carries no information (no `alt` needed).",
        "caption" => "Printed under the image.",
        "text" => {
            "Paragraphs separated by a blank line; *emphasis*, **strong**, - (or Word's •) lists, 1. lists (from 1: \"9. oktober\" is text), [links](https://…), > quotes, ## sub-headings, | pipe | tables |."
        }
        "day" => "One day of the programme; dates ascending, inside start..end.",
        "agenda" => {
            "The day's bullet list (default: the titles of its sections): texts, or tables { time, text, points }."
        }
        "section" => "A visit, talk or activity, or (at the top level) a free section.",
        "accounts" => "\"Regnskab\": what the trip cost.",
        "participants" => {
            "How many went (> 0); may be left out when [[participant]] lists them. Without either, no price per participant is shown."
        }
        "total" => "A check: must equal the sum of the items (not with `published_total`).",
        "published_total" => {
            "The sum exactly as the approved report printed it, when it differs from the items' sum (not with `total`): the sum row shows it, a note under the table says what the items add up to, and the price per participant is computed from it."
        }
        "price" => {
            "false: no price per participant, even when the count is known (the count is still shown). Default: shown when known."
        }
        "place" => {
            "Where the day is spent, for trips to more than one place: printed under the day's title."
        }
        "party" => "The party's letter(s), printed after the name: \"Orla Hav (S)\".",
        "amount" | "budget" => {
            "Kroner: 31300, 31_300, 1150.5 or \"1150.50\" (a point before øre, at most two decimals)."
        }
        "vat" => {
            "Whether the amounts include VAT: \"excluded\" (default), \"included\" or \"unstated\"."
        }
        "note" => "A footnote to the row.",
        "label" => "What the money went to.",
        _ => return None,
    })
}
