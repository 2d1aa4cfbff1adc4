//! The document's blocks as the recognition reads them: headings (by
//! style, or by look: a short bold line, larger than the body or standing
//! alone) with their level, a day's date where a heading (or a short line)
//! is one, and the rest as it came. Empty paragraphs (spacing) go.

use crate::import::dates::{self, Written};
use crate::import::doc::{Block, Doc, Para, Picture, Role, Table, fold};

/// Whether a line is a programme's label ("Program", "Dagens program").
pub fn programme_label(t: &str) -> bool {
    let t = t.trim().trim_end_matches(':').to_lowercase();
    [
        "program",
        "programme",
        "dagens program",
        "programmet",
        "agenda",
        "dagsorden",
        "program for dagen",
    ]
    .contains(&t.as_str())
}

/// A block, read.
#[derive(Debug, Clone)]
pub enum Node {
    /// A heading: its level (1 the top) and text on one line.
    Heading(Heading),
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
    /// A picture.
    Picture(Picture),
}

/// A heading.
#[derive(Debug, Clone)]
pub struct Heading {
    /// 1 is the top level.
    pub level: u8,
    /// Its text on one line, without a final colon.
    pub text: String,
    /// The date, when it is a day's heading.
    pub date: Option<Written>,
    /// Whether its style said it is the document's title.
    pub title: bool,
    /// Whether its style said it is a subtitle.
    pub subtitle: bool,
    /// Its size in points, when known.
    pub size: Option<f32>,
    /// A day's place, read from a line under it ([`super::places`]), with
    /// that line.
    pub place: Option<(String, Option<String>)>,
}

/// The nodes of a document; `styled` documents have headings by style
/// or look, others by how their lines stand (already marked).
pub fn nodes(doc: &Doc) -> Vec<Node> {
    let body = body_size(doc);
    let mut out = Vec::new();
    let blocks = &doc.blocks;
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Para(p) => {
                if p.plain.trim().is_empty() {
                    continue;
                }
                let next_is_body = blocks[i + 1..]
                    .iter()
                    .find(|b| !matches!(b, Block::Para(p) if p.plain.trim().is_empty()))
                    .is_some_and(
                        |b| matches!(b, Block::Para(n) if n.role == Role::Body && !n.bold),
                    );
                match heading_of(p, body, doc.styled, next_is_body) {
                    Some(h) => out.push(Node::Heading(h)),
                    None => out.push(Node::Para(p.clone())),
                }
            }
            Block::Table(t) => out.push(Node::Table(t.clone())),
            Block::Picture(p) => out.push(Node::Picture(p.clone())),
        }
    }
    out
}

/// The size of most body text.
fn body_size(doc: &Doc) -> Option<f32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for b in &doc.blocks {
        if let Block::Para(p) = b
            && let Some(s) = p.size
            && p.role == Role::Body
        {
            let k = (s * 2.0).round() as i32;
            match counts.iter_mut().find(|(kk, _)| *kk == k) {
                Some((_, n)) => *n += p.plain.len(),
                None => counts.push((k, p.plain.len())),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(k, n)| (*n, -*k))
        .map(|(k, _)| k as f32 / 2.0)
}

fn heading_of(p: &Para, body: Option<f32>, styled: bool, next_is_body: bool) -> Option<Heading> {
    let text = fold(&p.plain);
    let text = text.trim_end_matches(':').trim().to_string();
    let words = text.split_whitespace().count();
    let date = if p.list.is_none() && words <= 14 {
        dates::day_heading(&text, None)
    } else {
        None
    };
    let mut h = Heading {
        level: 0,
        text,
        date,
        title: p.role == Role::Title,
        subtitle: p.role == Role::Subtitle,
        size: p.size,
        place: None,
    };
    h.level = match p.role {
        Role::Heading(n) => n.max(1),
        Role::Title => 1,
        Role::Subtitle => 2,
        Role::Caption => return None,
        Role::Body if p.list.is_some() => return None,
        Role::Body => {
            let look = styled && !p.boxed && by_look(p, &h.text, body, next_is_body);
            if !look && date.is_none() {
                return None;
            }
            let ratio = match (p.size, body) {
                (Some(s), Some(b)) if b > 0.0 => s / b,
                _ => 1.0,
            };
            if ratio >= 1.5 {
                1
            } else if ratio >= 1.2 {
                2
            } else {
                3
            }
        }
    };
    Some(h)
}

/// A paragraph made a heading by hand: all bold, short, no full stop, and
/// larger than the body or followed by body text.
fn by_look(p: &Para, text: &str, body: Option<f32>, next_is_body: bool) -> bool {
    let words = text.split_whitespace().count();
    if !p.bold || words == 0 || words > 14 || text.ends_with(['.', ',', ';']) {
        return false;
    }
    if !text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
    {
        return false;
    }
    let larger = matches!((p.size, body), (Some(s), Some(b)) if s >= b + 0.9);
    larger || next_is_body || p.plain.trim_end().ends_with(':')
}

#[cfg(test)]
mod tests {
    use crate::import::recognise::nodes::*;

    fn para(text: &str, bold: bool, size: f32) -> Block {
        Block::Para(Para {
            bold,
            size: Some(size),
            ..Para::text(text)
        })
    }

    #[test]
    fn headings_by_look() {
        let doc = Doc {
            blocks: vec![
                para("Studietur til Berlin", true, 20.0),
                para("Mandag den 12. maj 2025", true, 14.0),
                para("Besøg hos jobcentret", true, 11.0),
                para("Lang brødtekst om besøget, som fortsætter.", false, 11.0),
                para("Mere brødtekst om besøget, som fortsætter.", false, 11.0),
                para("Vigtigt.", true, 11.0),
            ],
            styled: true,
            ..Doc::default()
        };
        let n = nodes(&doc);
        let levels: Vec<Option<u8>> = n
            .iter()
            .map(|n| match n {
                Node::Heading(h) => Some(h.level),
                _ => None,
            })
            .collect();
        assert_eq!(levels, [Some(1), Some(2), Some(3), None, None, None]);
        assert!(matches!(&n[1], Node::Heading(h) if h.date.is_some()));
    }
}
