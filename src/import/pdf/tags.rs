//! A tagged PDF's structure tree, as far as the import needs it: which
//! marked content of each page belongs to a figure (the text drawn there
//! is the picture's, like the words of a placeholder drawing, not the
//! report's), and each figure's alternative text. The tree is walked once,
//! each object at most once (a damaged or hostile file may make it a
//! circle), within a bound on the elements visited.

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// The most structure elements read (a report has a few thousand).
const MAX_ELEMENTS: usize = 200_000;

/// How many times a role map may be followed from one type to another.
const MAX_ROLE_HOPS: usize = 8;

/// A figure of the document.
#[derive(Debug, Clone, Default)]
pub struct Figure {
    /// Its alternative text, when it has one.
    pub alt: Option<String>,
}

/// The figures of a document and the marked content that draws them.
#[derive(Debug, Default)]
pub struct Figures {
    /// The figures, in the order of the structure tree (then as met).
    pub list: Vec<Figure>,
    /// (page, marked-content id) → the figure it draws.
    content: HashMap<(ObjectId, i64), usize>,
}

impl Figures {
    /// The figure that the marked content `mcid` of `page` draws.
    pub fn of(&self, page: ObjectId, mcid: i64) -> Option<usize> {
        self.content.get(&(page, mcid)).copied()
    }

    /// A figure met in the content without an entry in the structure tree
    /// (a `/Figure` tag, or marked content with its own `/Alt`).
    pub fn add(&mut self, alt: Option<String>) -> usize {
        self.list.push(Figure { alt });
        self.list.len() - 1
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> (Option<ObjectId>, &'a Object) {
    match doc.dereference(o) {
        Ok((id, o)) => (id, o),
        Err(_) => (None, o),
    }
}

/// The text of a text string (`/Alt (…)`, UTF-16 or PDFDocEncoding).
pub fn text(o: &Object) -> Option<String> {
    lopdf::decode_text_string(o)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The standard type a structure type stands for, through the role map.
fn standard<'a>(mut name: &'a [u8], roles: Option<&'a Dictionary>) -> &'a [u8] {
    for _ in 0..MAX_ROLE_HOPS {
        match roles
            .and_then(|r| r.get(name).ok())
            .and_then(|o| o.as_name().ok())
        {
            Some(next) if next != name => name = next,
            _ => break,
        }
    }
    name
}

/// One thing to visit: an object of the tree, the page it is on, and the
/// figure it is inside.
struct Visit<'a> {
    object: &'a Object,
    page: Option<ObjectId>,
    figure: Option<usize>,
}

/// The figures of a tagged document (none for an untagged one).
pub fn figures(doc: &Document) -> Figures {
    let mut out = Figures::default();
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"StructTreeRoot").ok())
        .map(|o| deref(doc, o).1)
        .and_then(|o| o.as_dict().ok())
    else {
        return out;
    };
    let roles = root
        .get(b"RoleMap")
        .ok()
        .map(|o| deref(doc, o).1)
        .and_then(|o| o.as_dict().ok());
    let Ok(kids) = root.get(b"K") else {
        return out;
    };
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut stack = vec![Visit {
        object: kids,
        page: None,
        figure: None,
    }];
    let mut visited = 0usize;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > MAX_ELEMENTS {
            break;
        }
        let (id, object) = deref(doc, v.object);
        if let Some(id) = id
            && !seen.insert(id)
        {
            continue;
        }
        match object {
            Object::Array(items) => {
                // Kept in order: pushed last first.
                for o in items.iter().rev() {
                    stack.push(Visit {
                        object: o,
                        page: v.page,
                        figure: v.figure,
                    });
                }
            }
            Object::Integer(mcid) => {
                if let (Some(page), Some(f)) = (v.page, v.figure) {
                    out.content.insert((page, *mcid), f);
                }
            }
            Object::Dictionary(d) => {
                let page = d
                    .get(b"Pg")
                    .ok()
                    .and_then(|o| o.as_reference().ok())
                    .or(v.page);
                let kind = d.get(b"Type").ok().and_then(|o| o.as_name().ok());
                if kind == Some(b"MCR") {
                    if let (Some(page), Some(f), Some(mcid)) = (
                        page,
                        v.figure,
                        d.get(b"MCID").ok().and_then(|o| o.as_i64().ok()),
                    ) {
                        out.content.insert((page, mcid), f);
                    }
                    continue;
                }
                if kind == Some(b"OBJR") {
                    continue;
                }
                let figure = match v.figure {
                    Some(f) => Some(f),
                    None => {
                        let s = d.get(b"S").ok().and_then(|o| o.as_name().ok());
                        (s.map(|s| standard(s, roles)) == Some(b"Figure".as_slice()))
                            .then(|| out.add(d.get(b"Alt").ok().and_then(text)))
                    }
                };
                if let Ok(k) = d.get(b"K") {
                    stack.push(Visit {
                        object: k,
                        page,
                        figure,
                    });
                }
            }
            _ => {}
        }
    }
    out
}
