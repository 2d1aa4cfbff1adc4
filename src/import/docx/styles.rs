//! What a Word document's styles say of a paragraph (a title, a heading
//! of some level, a caption, a list; its size and boldness, inherited
//! through `basedOn`) and what its list definitions say of a list level
//! (bullets or numbers).

use crate::import::doc::Role;
use std::collections::HashMap;

/// One style, as defined (not yet inherited).
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    size: Option<f32>,
    bold: Option<bool>,
    italic: Option<bool>,
    list: Option<(String, u8)>,
}

/// A document's styles.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
    default_size: Option<f32>,
    default_paragraph: Option<String>,
}

/// A style's effect on a paragraph.
#[derive(Debug, Default, Clone)]
pub struct Look {
    /// What the style says the paragraph is.
    pub role: Role,
    /// Its size in points.
    pub size: Option<f32>,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// The list (numbering id, level) the style puts it in.
    pub list: Option<(String, u8)>,
    /// Whether it is a line of a table of contents.
    pub contents: bool,
}

/// `<w:b/>`, `<w:b w:val="0"/>`.
pub fn on_off(n: roxmltree::Node) -> bool {
    !matches!(val(n), Some("0" | "false" | "off" | "none"))
}

/// A `w:val` (any namespace).
pub fn val<'a>(n: roxmltree::Node<'a, 'a>) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == "val")
        .map(|a| a.value())
}

/// The child with local name `name`.
pub fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.tag_name().name() == name)
}

/// Run properties: size in points, bold, italic.
pub fn run_props(rpr: roxmltree::Node) -> (Option<f32>, Option<bool>, Option<bool>) {
    let size = child(rpr, "sz")
        .and_then(val)
        .and_then(|v| v.parse::<f32>().ok())
        .map(|h| h / 2.0);
    let bold = child(rpr, "b").map(on_off);
    let italic = child(rpr, "i").map(on_off);
    (size, bold, italic)
}

/// A paragraph's list: numbering id and level.
pub fn num_pr(ppr: roxmltree::Node) -> Option<(String, u8)> {
    let np = child(ppr, "numPr")?;
    let id = child(np, "numId").and_then(val)?.to_string();
    let level = child(np, "ilvl")
        .and_then(val)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id, level))
}

fn role_of_name(name: &str) -> Option<Role> {
    let n = name.to_lowercase().replace(' ', "");
    let level = |prefix: &str| n.strip_prefix(prefix).and_then(|r| r.parse::<u8>().ok());
    if n == "title" || n == "titel" {
        return Some(Role::Title);
    }
    if n == "subtitle" || n == "undertitel" {
        return Some(Role::Subtitle);
    }
    if n == "caption" || n == "billedtekst" || n == "beskrivelse" || n == "figure" {
        return Some(Role::Caption);
    }
    level("heading")
        .or_else(|| level("overskrift"))
        .filter(|l| (1..=9).contains(l))
        .map(Role::Heading)
}

impl Styles {
    /// Reads styles.xml.
    pub fn read(xml: &str) -> Styles {
        let Ok(doc) = super::parse_xml(xml) else {
            return Styles::default();
        };
        let mut s = Styles::default();
        if let Some(rpr) = doc
            .descendants()
            .find(|n| n.tag_name().name() == "rPrDefault")
            .and_then(|n| child(n, "rPr"))
        {
            s.default_size = run_props(rpr).0;
        }
        for n in doc.descendants().filter(|n| n.tag_name().name() == "style") {
            let Some(id) = n
                .attributes()
                .find(|a| a.name() == "styleId")
                .map(|a| a.value().to_string())
            else {
                continue;
            };
            if n.attributes()
                .any(|a| a.name() == "default" && a.value() == "1")
                && n.attributes()
                    .any(|a| a.name() == "type" && a.value() == "paragraph")
            {
                s.default_paragraph = Some(id.clone());
            }
            let mut st = Style {
                name: child(n, "name")
                    .and_then(val)
                    .unwrap_or_default()
                    .to_string(),
                based_on: child(n, "basedOn").and_then(val).map(str::to_string),
                ..Style::default()
            };
            if let Some(ppr) = child(n, "pPr") {
                st.outline = child(ppr, "outlineLvl")
                    .and_then(val)
                    .and_then(|v| v.parse().ok());
                st.list = num_pr(ppr);
            }
            if let Some(rpr) = child(n, "rPr") {
                (st.size, st.bold, st.italic) = run_props(rpr);
            }
            s.styles.insert(id, st);
        }
        s
    }

    /// What the paragraph style `id` (or the default) says, inherited.
    pub fn look(&self, id: Option<&str>) -> Look {
        let mut look = Look::default();
        let mut chain = Vec::new();
        let mut next = id
            .map(str::to_string)
            .or_else(|| self.default_paragraph.clone());
        while let Some(i) = next {
            if chain.len() > 20 || chain.contains(&i) {
                break;
            }
            let Some(st) = self.styles.get(&i) else { break };
            chain.push(i);
            next = st.based_on.clone();
        }
        let (mut role, mut size, mut bold, mut italic, mut list) = (None, None, None, None, None);
        for i in &chain {
            let st = &self.styles[i];
            let lower = st.name.to_lowercase();
            if lower.starts_with("toc")
                || lower.starts_with("indholdsfortegnelse")
                || lower.starts_with("contents")
            {
                look.contents = true;
            }
            role = role
                .or_else(|| role_of_name(&st.name))
                .or_else(|| st.outline.filter(|o| *o < 9).map(|o| Role::Heading(o + 1)));
            size = size.or(st.size);
            bold = bold.or(st.bold);
            italic = italic.or(st.italic);
            list = list.or_else(|| st.list.clone());
        }
        look.role = role.unwrap_or_default();
        look.size = size.or(self.default_size).or(Some(11.0));
        look.bold = bold.unwrap_or(false);
        look.italic = italic.unwrap_or(false);
        look.list = list;
        look
    }

    /// What the character style `id` says: size, bold, italic.
    pub fn run_look(&self, id: &str) -> (Option<f32>, Option<bool>, Option<bool>) {
        let mut out = (None, None, None);
        let mut next = Some(id.to_string());
        let mut n = 0;
        while let Some(i) = next {
            n += 1;
            let Some(st) = self.styles.get(&i).filter(|_| n < 20) else {
                break;
            };
            out.0 = out.0.or(st.size);
            out.1 = out.1.or(st.bold);
            out.2 = out.2.or(st.italic);
            next = st.based_on.clone();
        }
        out
    }
}

/// A document's list definitions: numbering id → its levels' formats.
#[derive(Debug, Default)]
pub struct Numbering {
    nums: HashMap<String, String>,
    abstracts: HashMap<String, HashMap<u8, String>>,
}

impl Numbering {
    /// Reads numbering.xml.
    pub fn read(xml: &str) -> Numbering {
        let Ok(doc) = super::parse_xml(xml) else {
            return Numbering::default();
        };
        let mut n = Numbering::default();
        let id_of = |x: roxmltree::Node, name: &str| {
            x.attributes()
                .find(|a| a.name() == name)
                .map(|a| a.value().to_string())
        };
        for a in doc
            .descendants()
            .filter(|x| x.tag_name().name() == "abstractNum")
        {
            let Some(id) = id_of(a, "abstractNumId") else {
                continue;
            };
            let mut levels = HashMap::new();
            for l in a.children().filter(|x| x.tag_name().name() == "lvl") {
                let level = id_of(l, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                let fmt = child(l, "numFmt")
                    .and_then(val)
                    .unwrap_or("bullet")
                    .to_string();
                levels.insert(level, fmt);
            }
            n.abstracts.insert(id, levels);
        }
        for x in doc.descendants().filter(|x| x.tag_name().name() == "num") {
            if let (Some(id), Some(abs)) =
                (id_of(x, "numId"), child(x, "abstractNumId").and_then(val))
            {
                n.nums.insert(id, abs.to_string());
            }
        }
        n
    }

    /// Whether the list `num` at `level` is numbered (not bullets); `None`
    /// when it is no list (numbering id 0, or a format of none).
    pub fn numbered(&self, num: &str, level: u8) -> Option<bool> {
        if num == "0" {
            return None;
        }
        let fmt = self
            .nums
            .get(num)
            .and_then(|a| self.abstracts.get(a))
            .and_then(|l| l.get(&level))
            .map_or("bullet", String::as_str);
        match fmt {
            "none" => None,
            "bullet" => Some(false),
            _ => Some(true),
        }
    }
}
