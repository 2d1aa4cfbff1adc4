//! A PDF's fonts as far as placing text goes: each character's width
//! (simple fonts' `Widths`, composite fonts' `W`), whether the font is
//! bold, and how its codes decode to text (lopdf's encodings and
//! ToUnicode maps, read within a bound).

use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;

/// The most a font's encoding (its ToUnicode map) may unpack to.
const MAX_FONT_DATA: usize = 4 * 1024 * 1024;

/// A font as far as placing text goes.
pub struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Whether its codes are two bytes (a composite font).
    pub two_bytes: bool,
    /// Whether it is bold (by weight, flags or name).
    pub bold: bool,
}

pub fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

pub fn number(o: &Object) -> Option<f32> {
    o.as_float().ok()
}

impl<'a> Font<'a> {
    fn read(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let name = |d: &Dictionary| {
            d.get(b"BaseFont")
                .ok()
                .and_then(|o| o.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).to_lowercase())
                .unwrap_or_default()
        };
        let subtype = dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
            .unwrap_or_default();
        let two_bytes = subtype == b"Type0";
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        let mut base = name(dict);
        let mut descriptor: Option<&Dictionary> = None;
        if two_bytes {
            let descendant = dict
                .get(b"DescendantFonts")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = descendant {
                if base.is_empty() {
                    base = name(d);
                }
                default_width = d.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
                if let Some(w) = d
                    .get(b"W")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_array().ok())
                {
                    cid_widths(doc, w, &mut widths);
                }
                descriptor = d
                    .get(b"FontDescriptor")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_dict().ok());
            }
        } else {
            let first = dict
                .get(b"FirstChar")
                .ok()
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(0);
            if let Some(w) = dict
                .get(b"Widths")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                for (i, o) in w.iter().enumerate().take(65536) {
                    if let Some(v) = number(deref(doc, o)) {
                        widths.insert((first + i as i64).max(0) as u32, v);
                    }
                }
            }
            default_width = 500.0;
            descriptor = dict
                .get(b"FontDescriptor")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = descriptor
                && let Some(m) = d.get(b"MissingWidth").ok().and_then(number)
                && m > 0.0
            {
                default_width = m;
            }
        }
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").ok())
            .and_then(number)
            .unwrap_or(400.0);
        let force_bold = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(|o| o.as_i64().ok())
            .is_some_and(|f| f & (1 << 18) != 0);
        let bold = weight >= 600.0
            || force_bold
            || ["bold", "black", "heavy", "semibold", "demi"]
                .iter()
                .any(|b| base.contains(b));
        Font {
            encoding: dict.get_font_encoding_with_limit(doc, MAX_FONT_DATA).ok(),
            widths,
            default_width,
            two_bytes,
            bold,
        }
    }

    /// The width of a code, in thousandths of the size.
    pub fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }

    /// The text of a string's bytes.
    pub fn decode(&self, bytes: &[u8]) -> String {
        match &self.encoding {
            Some(e) => e.bytes_to_string(bytes).unwrap_or_default(),
            None => String::from_utf8_lossy(bytes).into_owned(),
        }
    }
}

fn cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && out.len() < 100_000 {
        let Some(first) = deref(doc, &w[i]).as_i64().ok() else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if let Some(v) = number(deref(doc, o)) {
                        out.insert((first + k as i64).max(0) as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = o.as_i64().unwrap_or(first);
                let v = w
                    .get(i + 2)
                    .map(|o| deref(doc, o))
                    .and_then(number)
                    .unwrap_or(1000.0);
                for c in first..=last.min(first + 65536) {
                    out.insert(c.max(0) as u32, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// The fonts of a resource dictionary.
pub fn fonts<'a>(
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
) -> HashMap<Vec<u8>, Font<'a>> {
    let mut out = HashMap::new();
    let Some(fd) = resources
        .and_then(|r| r.get(b"Font").ok())
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
    else {
        return out;
    };
    for (name, o) in fd.iter() {
        if let Ok(d) = deref(doc, o).as_dict() {
            out.insert(name.clone(), Font::read(doc, d));
        }
    }
    out
}
