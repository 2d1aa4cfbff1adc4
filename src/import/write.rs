//! The draft as a trip file: keys in the order of the format's own
//! example, long texts as multi-line strings, and the report at the top
//! as comments (what was recognised, what to look at, what was set
//! aside, what was read into keys as the document wrote it). Written
//! through toml_edit, with the multi-line strings encoded here, so that
//! every value is valid TOML whatever its characters.

use super::doc::{Furniture, FurnitureKind, fold};
use super::draft::{AgendaDraft, Draft, ImageDraft, SectionDraft};
use crate::locale::Lang;
use crate::messages::import as m;
use toml_edit::{
    Array, ArrayOfTables, DocumentMut, Formatted, InlineTable, Item, Table, Value, value,
};

/// The trip file's text: the report as comments, then the trip.
pub fn trip_file(draft: &Draft, file: &str, furniture: &[Furniture], lang: Lang) -> String {
    let mut doc = DocumentMut::new();
    doc["format"] = value(1);
    doc.insert("trip", Item::Table(trip_table(draft)));
    if let Some(a) = &draft.author {
        let mut t = Table::new();
        t["name"] = value(a.name.as_str());
        set(&mut t, "title", a.title.as_deref());
        set(&mut t, "organisation", a.organisation.as_deref());
        set(&mut t, "email", a.email.as_deref());
        set(&mut t, "phone", a.phone.as_deref());
        doc.insert("author", Item::Table(t));
    }
    if let Some(i) = &draft.introduction {
        let mut t = Table::new();
        match &i.title {
            Some(title) => t["title"] = value(title.as_str()),
            None => t["heading"] = value(false),
        }
        t["text"] = text(&i.text);
        doc.insert("introduction", Item::Table(t));
    }
    if !draft.participants.is_empty() {
        let mut list = ArrayOfTables::new();
        for p in &draft.participants {
            let mut t = Table::new();
            t["name"] = value(p.name.as_str());
            set(&mut t, "role", p.role.as_deref());
            set(&mut t, "party", p.party.as_deref());
            set(&mut t, "group", p.group.as_deref());
            list.push(t);
        }
        doc.insert("participant", Item::ArrayOfTables(list));
    }
    if !draft.days.is_empty() {
        let mut list = ArrayOfTables::new();
        for d in &draft.days {
            let mut t = Table::new();
            if let Some(date) = d.date {
                t["date"] = value(toml_date(date));
            }
            set(&mut t, "title", d.title.as_deref());
            set(&mut t, "place", d.place.as_deref());
            if !d.text.trim().is_empty() {
                t["text"] = text(&d.text);
            }
            if !d.agenda.is_empty() {
                t["agenda"] = Item::Value(Value::Array(agenda(&d.agenda)));
            }
            if !d.sections.is_empty() {
                t.insert("section", Item::ArrayOfTables(sections(&d.sections)));
            }
            list.push(t);
        }
        doc.insert("day", Item::ArrayOfTables(list));
    }
    if !draft.sections.is_empty() {
        doc.insert("section", Item::ArrayOfTables(sections(&draft.sections)));
    }
    if let Some(a) = &draft.accounts {
        let mut t = Table::new();
        set(&mut t, "title", a.title.as_deref());
        t["vat"] = value(a.vat);
        if let Some(n) = a.participants {
            t["participants"] = value(i64::try_from(n).unwrap_or(i64::MAX));
        }
        if let Some(total) = a.total {
            t["total"] = amount(total);
        }
        if let Some(total) = a.published_total {
            t["published_total"] = amount(total);
        }
        if a.no_price {
            t["price"] = value(false);
        }
        if !a.text.trim().is_empty() {
            t["text"] = text(&a.text);
        }
        let mut items = ArrayOfTables::new();
        for i in &a.items {
            let mut it = Table::new();
            it["label"] = value(i.label.as_str());
            it["amount"] = amount(i.amount);
            if let Some(b) = i.budget {
                it["budget"] = amount(b);
            }
            items.push(it);
        }
        t.insert("item", Item::ArrayOfTables(items));
        doc.insert("accounts", Item::Table(t));
    }
    let body = doc.to_string();
    format!(
        "{}\n{}",
        report(draft, file, furniture, lang),
        body.trim_start()
    )
}

fn trip_table(draft: &Draft) -> Table {
    let tr = &draft.trip;
    let mut t = Table::new();
    t["committee"] = value(tr.committee.as_str());
    t["municipality"] = value(tr.municipality.as_str());
    t["destination"] = value(tr.destination.as_str());
    set(&mut t, "country", tr.country.as_deref());
    if let Some(s) = tr.start {
        t["start"] = value(toml_date(s));
    }
    if let (Some(e), Some(s)) = (tr.end, tr.start)
        && e != s
    {
        t["end"] = value(toml_date(e));
    }
    set(&mut t, "title", tr.title.as_deref());
    set(&mut t, "subtitle", tr.subtitle.as_deref());
    if tr.english {
        t["language"] = value("en");
    }
    set(&mut t, "case", tr.case.as_deref());
    if let Some(c) = &tr.cover {
        let mut i = InlineTable::new();
        i.insert("file", c.file.as_str().into());
        i.insert("alt", c.alt.as_str().into());
        if let Some(cap) = &c.caption {
            i.insert("caption", cap.as_str().into());
        }
        t["cover"] = Item::Value(Value::InlineTable(i));
    }
    t
}

fn set(t: &mut Table, key: &str, v: Option<&str>) {
    if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
        t[key] = value(v);
    }
}

fn toml_date(d: chrono::NaiveDate) -> toml_edit::Datetime {
    use chrono::Datelike;
    toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(d.year()).unwrap_or(2000),
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    }
}

fn amount(a: crate::money::Amount) -> Item {
    let literal = a.literal();
    match literal.parse::<i64>() {
        Ok(n) => value(n),
        Err(_) => value(literal),
    }
}

fn agenda(items: &[AgendaDraft]) -> Array {
    let mut a = Array::new();
    for it in items {
        let mut v = if it.time.is_none() && it.points.is_empty() {
            Value::from(it.text.as_str())
        } else {
            let mut t = InlineTable::new();
            if let Some(time) = &it.time {
                t.insert("time", time.as_str().into());
            }
            t.insert("text", it.text.as_str().into());
            if !it.points.is_empty() {
                let mut p = Array::new();
                for point in &it.points {
                    p.push(point.as_str());
                }
                t.insert("points", Value::Array(p));
            }
            Value::InlineTable(t)
        };
        v.decor_mut().set_prefix("\n  ");
        a.push_formatted(v);
    }
    a.set_trailing("\n");
    a.set_trailing_comma(true);
    a
}

fn sections(list: &[SectionDraft]) -> ArrayOfTables {
    let mut out = ArrayOfTables::new();
    for s in list {
        let mut t = Table::new();
        t["title"] = value(s.title.as_str());
        t["text"] = text(&s.text);
        if !s.images.is_empty() {
            let mut imgs = ArrayOfTables::new();
            for i in &s.images {
                imgs.push(image(i));
            }
            t.insert("image", Item::ArrayOfTables(imgs));
        }
        out.push(t);
    }
    out
}

fn image(i: &ImageDraft) -> Table {
    let mut t = Table::new();
    t["file"] = value(i.file.as_str());
    if let Some(c) = &i.caption {
        t["caption"] = value(c.as_str());
    }
    t["alt"] = value(i.alt.as_str());
    t
}

/// A `text` as a multi-line basic string.
fn text(s: &str) -> Item {
    let s = s.trim();
    // Parsed back, the value keeps the encoding written here.
    match multi_line(s).parse::<Value>() {
        Ok(v) => Item::Value(v),
        Err(_) => Item::Value(Value::String(Formatted::new(s.to_string()))),
    }
}

/// `s` as a TOML multi-line basic string: backslashes, quotes that would
/// end it and control characters escaped.
pub fn multi_line(s: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' if chars.get(i + 1) == Some(&'"') || i + 1 == chars.len() => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\n\"\"\"");
    out
}

/// The report: comment lines at the top of the file.
fn report(draft: &Draft, file: &str, furniture: &[Furniture], lang: Lang) -> String {
    let mut lines = vec![
        m::import_report_head(file, env!("CARGO_PKG_VERSION")).in_lang(lang),
        String::new(),
    ];
    lines.push(m::import_report_found().in_lang(lang));
    lines.extend(
        draft
            .found
            .iter()
            .map(|f| format!("  - {}", f.in_lang(lang))),
    );
    lines.push(String::new());
    lines.push(m::import_report_check().in_lang(lang));
    if draft.check.is_empty() {
        lines.push(format!(
            "  - {}",
            m::import_report_nothing_to_check().in_lang(lang)
        ));
    }
    lines.extend(
        draft
            .check
            .iter()
            .map(|f| format!("  - {}", f.in_lang(lang))),
    );
    let (pictures, furniture): (Vec<&Furniture>, Vec<&Furniture>) = furniture
        .iter()
        .partition(|f| f.kind == FurnitureKind::Picture);
    if !furniture.is_empty() {
        lines.push(String::new());
        lines.push(m::import_report_furniture().in_lang(lang));
        lines.extend(furniture.iter().map(|f| format!("  | {}", fold(&f.text))));
    }
    if !pictures.is_empty() {
        lines.push(String::new());
        lines.push(m::import_report_pictures().in_lang(lang));
        lines.extend(pictures.iter().map(|f| format!("  | {}", fold(&f.text))));
    }
    if !draft.used.is_empty() {
        lines.push(String::new());
        lines.push(m::import_report_used().in_lang(lang));
        lines.extend(draft.used.iter().flat_map(|u| {
            u.lines()
                .map(|l| format!("  | {}", fold(l)))
                .collect::<Vec<_>>()
        }));
    }
    comment(&lines)
}

/// Lines as TOML comments.
pub fn comment(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| {
            let l: String = l.chars().filter(|c| !c.is_control()).collect();
            if l.trim().is_empty() {
                "#".to_string()
            } else {
                format!("# {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use crate::import::write::*;

    #[test]
    fn multi_line_strings_are_toml() {
        for s in [
            "a \"quoted\" word",
            "ends with \"",
            "three \"\"\" quotes",
            "back\\slash",
            "bell\u{7}",
            "tab\tand\nline",
        ] {
            let toml = format!("x = {}", multi_line(s));
            let t: toml::Table =
                toml::from_str(&toml).unwrap_or_else(|e| panic!("{s:?}: {e}\n{toml}"));
            assert_eq!(
                t["x"].as_str().map(|x| x.trim_end_matches('\n')),
                Some(s),
                "{toml}"
            );
        }
    }
}
