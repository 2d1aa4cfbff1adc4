//! The nodes of one place as a `text` in the Markdown subset, and its
//! pictures: paragraphs, lists (nested, numbered), sub-headings (at most
//! two levels below the section), pipe tables, and each picture with the
//! caption under it.

use super::nodes::Node;
use crate::import::doc::{Para, Picture, Role, Table, fold};
use crate::import::draft::ImageDraft;

/// A picture with its caption, before it has a file name.
#[derive(Debug, Clone)]
pub struct Found {
    /// The picture.
    pub picture: Picture,
    /// Its caption.
    pub caption: Option<String>,
}

/// Text and pictures of one place.
#[derive(Debug, Default)]
pub struct Content {
    /// The Markdown text.
    pub text: String,
    /// The pictures, in order.
    pub pictures: Vec<Found>,
}

/// Whether a paragraph is a picture's caption.
fn caption_like(p: &Para) -> bool {
    if p.role == Role::Caption {
        return true;
    }
    let t = fold(&p.plain).to_lowercase();
    let words = t.split_whitespace().count();
    let starts = [
        "billede", "foto", "figur", "fig.", "photo", "picture", "image", "figure", "kilde:",
    ]
    .iter()
    .any(|w| t.starts_with(w));
    p.list.is_none() && words <= 60 && (starts || (p.italic && words <= 30))
}

/// The Markdown of a heading's text as a sub-heading `depth` (1 or 2)
/// below its section.
fn sub_heading(text: &str, depth: u8) -> String {
    format!("{} {}", "#".repeat(2 + depth as usize), fold(text))
}

/// Puts the nodes into text and pictures; `base` is the level of the
/// section's own heading (sub-headings below it).
pub fn content(nodes: &[Node], base: u8) -> Content {
    let mut out = Content::default();
    let mut blocks: Vec<String> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut numbers: Vec<usize> = Vec::new();
    let mut depth_before = 0u8;
    let mut skip = false;
    for (i, node) in nodes.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        let typed = match node {
            Node::Para(p) if p.list.is_none() => typed_bullets(p),
            _ => None,
        };
        if let Some(items) = typed {
            // Bullets typed by hand ("•" and a tab), one item a line.
            numbers.clear();
            list.extend(items.into_iter().map(|t| format!("- {}", unnumbered(t))));
            continue;
        }
        if !matches!(node, Node::Para(p) if p.list.is_some()) && !list.is_empty() {
            blocks.push(list.join("\n"));
            list.clear();
            numbers.clear();
        }
        match node {
            Node::Heading(h) => {
                let want = h.level.saturating_sub(base).clamp(1, 2);
                let depth = want.min(depth_before + 1).max(1);
                depth_before = depth;
                blocks.push(sub_heading(&h.text, depth));
            }
            Node::Para(p) if p.list.is_some() => {
                let (level, numbered) = p.list.unwrap_or_default();
                let level = (level as usize).min(numbers.len());
                numbers.truncate(level + 1);
                while numbers.len() <= level {
                    numbers.push(0);
                }
                numbers[level] += 1;
                let indent: String = " ".repeat(level * 3);
                let marker = if numbered {
                    format!("{}. ", numbers[level])
                } else {
                    "- ".to_string()
                };
                list.push(format!("{indent}{marker}{}", unnumbered(inline(&p.md))));
            }
            Node::Para(p) => {
                if caption_like(p)
                    && matches!(nodes.get(i.wrapping_sub(1)), Some(Node::Picture(_)))
                    && i > 0
                {
                    // Taken with the picture before it.
                    continue;
                }
                let after_list = blocks.last().is_some_and(|b| is_list(b));
                blocks.push(paragraph(inline(&p.md), after_list));
            }
            Node::Table(t) => blocks.extend(table(t)),
            Node::Picture(pic) => {
                let caption = match nodes.get(i + 1) {
                    Some(Node::Para(p)) if caption_like(p) => Some(fold(&p.plain)),
                    _ => None,
                };
                out.pictures.push(Found {
                    picture: pic.clone(),
                    caption,
                });
            }
        }
    }
    if !list.is_empty() {
        blocks.push(list.join("\n"));
    }
    out.text = blocks
        .into_iter()
        .filter(|b| !b.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    out
}

/// The items of a paragraph whose every line starts with a bullet typed
/// by hand ("•", "–", "" and a space or tab), as Word users make lists.
fn typed_bullets(p: &Para) -> Option<Vec<String>> {
    let plain: Vec<&str> = p.plain.lines().filter(|l| !l.trim().is_empty()).collect();
    let md: Vec<&str> = p.md.lines().filter(|l| !l.trim().is_empty()).collect();
    if plain.is_empty() || plain.len() != md.len() {
        return None;
    }
    let starts = |l: &str| crate::import::lines::bullet_text(l.trim_start()).is_some();
    if !plain.iter().all(|l| starts(l)) {
        return None;
    }
    md.iter()
        .map(|l| {
            let l = l.trim_start();
            // The bullet may stand inside the Markdown's marks ("**• x**").
            let lead = l.len() - l.trim_start_matches(['*', '_']).len();
            let body = crate::import::lines::bullet_text(&l[lead..])?;
            Some(inline(&format!("{}{body}", &l[..lead])))
        })
        .collect()
}

/// A paragraph's Markdown on one line (manual line breaks are spaces in
/// the subset), tabs as spaces.
pub fn inline(md: &str) -> String {
    let t = fold(md);
    // A line that would be read as something else is kept as text: "1990.
    // blev …" is no list in the subset, but "#" and ">" at the start are.
    if let Some(rest) = t.strip_prefix("> ") {
        return format!("»{rest}");
    }
    if t.starts_with('#') && t.trim_start_matches('#').starts_with(' ') {
        return t.replacen('#', "nr. ", 1);
    }
    t
}

/// A paragraph's text, as a paragraph: numbered lists start at 1, so a
/// paragraph that starts "1. oktober" (or, after a numbered list, its next
/// number) would be read as a list; a no-break space after its point keeps
/// it text ("9. oktober" is text as it stands).
pub fn paragraph(text: String, after_list: bool) -> String {
    match leading_number(&text) {
        Some(n) if n == 1 || after_list => unnumbered(text),
        _ => text,
    }
}

/// The text with a no-break space after a leading "12." or "3)", so that
/// no list starts there.
fn unnumbered(text: String) -> String {
    if leading_number(&text).is_none() {
        return text;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    // The digits and the point (or parenthesis) are ASCII; a space or tab
    // follows.
    format!("{}\u{a0}{}", &text[..=digits], &text[digits + 2..])
}

/// The number a text starts with when it starts like a numbered list's
/// item: digits, a point or parenthesis, a space or tab.
fn leading_number(text: &str) -> Option<u64> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let b = text.as_bytes();
    let marked = digits > 0
        && digits <= 9
        && matches!(b.get(digits), Some(b'.' | b')'))
        && matches!(b.get(digits + 1), Some(b' ' | b'\t'));
    marked.then(|| text[..digits].parse().ok()).flatten()
}

/// Whether a block of text is a list (its first line an item).
fn is_list(block: &str) -> bool {
    block.starts_with("- ") || leading_number(block).is_some()
}

/// A table as a pipe table (its first row the header), or as paragraphs
/// when it has a single row or column (a box drawn as a table).
fn table(t: &Table) -> Vec<String> {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.md().replace('|', "¦"))
                .collect::<Vec<String>>()
        })
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if rows.len() <= 1 || width <= 1 {
        return rows
            .into_iter()
            .flat_map(|r| r.into_iter())
            .filter(|c| !c.trim().is_empty())
            .map(|c| paragraph(inline(&c), false))
            .collect();
    }
    let line = |r: &Vec<String>| {
        let mut cells: Vec<String> = r.iter().map(|c| fold(c)).collect();
        cells.resize(width, String::new());
        format!("| {} |", cells.join(" | "))
    };
    let mut out = vec![line(&rows[0]), format!("|{}", "---|".repeat(width))];
    out.extend(rows[1..].iter().map(line));
    vec![out.join("\n")]
}

/// The image entry of a picture stored as `file`; its alt text the
/// document's, else its caption, else `fallback` (marked as made up).
pub fn image(found: &Found, file: String, fallback: &str) -> ImageDraft {
    let alt = found
        .picture
        .alt
        .as_deref()
        .map(fold)
        .filter(|a| !a.is_empty());
    let (alt, made) = match (alt, &found.caption) {
        (Some(a), _) => (a, false),
        (None, Some(c)) => (c.clone(), true),
        (None, None) => (fallback.to_string(), true),
    };
    ImageDraft {
        file,
        alt,
        alt_made: made,
        caption: found.caption.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::import::doc::Cell;
    use crate::import::recognise::content::*;

    fn para(t: &str) -> Node {
        Node::Para(Para::text(t))
    }

    fn item(t: &str, level: u8, numbered: bool) -> Node {
        Node::Para(Para {
            list: Some((level, numbered)),
            ..Para::text(t)
        })
    }

    #[test]
    fn numbers_that_open_a_paragraph_stay_text() {
        let nodes = vec![
            para("9. oktober blev udvalget hentet."),
            para("1. oktober var der møde."),
            item("a", 0, true),
            item("1. punkt", 0, true),
            para("3. kvartal gik godt."),
            para("1990. blev et år."),
        ];
        let c = content(&nodes, 2);
        assert_eq!(
            c.text,
            "9. oktober blev udvalget hentet.\n\n1.\u{a0}oktober var der møde.\n\n\
             1. a\n2. 1.\u{a0}punkt\n\n3.\u{a0}kvartal gik godt.\n\n1990. blev et år."
        );
    }

    #[test]
    fn lists_tables_and_paragraphs() {
        let cell = |t: &str| Cell {
            paras: vec![Para::text(t)],
        };
        let nodes = vec![
            para("Først."),
            item("a", 0, false),
            item("b", 1, true),
            item("c", 1, true),
            para("Så."),
            Node::Table(Table {
                rows: vec![
                    vec![cell("Rute"), cell("Afgang")],
                    vec![cell("A|B"), cell("10.00")],
                ],
                boxed: false,
            }),
        ];
        let c = content(&nodes, 2);
        assert_eq!(
            c.text,
            "Først.\n\n- a\n   1. b\n   2. c\n\nSå.\n\n| Rute | Afgang |\n|---|---|\n| A¦B | 10.00 |"
        );
    }
}
