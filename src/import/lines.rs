//! Text without styles (a PDF's text layer, or `pdftotext`'s) into
//! paragraphs: page headers, footers and page numbers set aside, words
//! hyphenated at a line's end joined, bullet lines made list items, and
//! headings found by how they stand: a short line on its own, without a
//! full stop, before text that starts a sentence (or, in a PDF, a line
//! larger or bolder than the body).

use super::doc::{Block, Cell, Doc, Para, Role, Table};
use super::furniture;
pub use super::page::{Line, Page};
use std::collections::HashSet;

/// The characters that start a bullet line.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '●', '○', '■', '□', '‣', '⁃', '·', '➢', '►', '✓', '-', '–', '*', '\u{f0b7}',
    '\u{f0a7}', '\u{f0d8}', '\u{f076}', '\u{f0fc}',
];

/// The text of a bullet line without its bullet, when it is one.
pub fn bullet_text(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = chars.as_str();
    let after = rest.chars().next()?;
    // "- " and "* " only with a space; "•Tekst" also without.
    if !after.is_whitespace() && matches!(first, '-' | '–' | '*' | '·') {
        return None;
    }
    let t = rest.trim_start();
    (!t.is_empty()).then_some(t)
}

/// Words that follow a hyphen that is kept: "Social- og Beskæftigelse".
const CONJUNCTIONS: &[&str] = &["og", "eller", "samt", "and", "or", "til", "som"];

/// Reads pages of lines into a document.
pub fn to_doc(mut pages: Vec<Page>) -> Doc {
    let furniture = furniture::remove(&mut pages);
    let vocabulary = vocabulary(&pages);
    let groups = groups(pages);
    let width = typical_width(&groups);
    let body_size = body_size(&groups);
    let mut doc = Doc {
        furniture,
        ..Doc::default()
    };
    for group in groups {
        for part in split(group, width, body_size) {
            let tabbed =
                !part.heading && !part.bullet && part.lines.iter().all(|l| l.text.contains('\t'));
            if tabbed {
                let rows = part.lines.iter().map(|l| row(&l.text));
                match doc.blocks.last_mut() {
                    Some(Block::Table(t)) => t.rows.extend(rows),
                    _ => doc.blocks.push(Block::Table(Table {
                        rows: rows.collect(),
                        boxed: false,
                    })),
                }
                continue;
            }
            doc.blocks
                .push(Block::Para(paragraph(part, &vocabulary, body_size)));
        }
    }
    // A "table" of one row is a line of text.
    for b in &mut doc.blocks {
        if let Block::Table(t) = b
            && t.rows.len() < 2
        {
            let line: Vec<String> = t.rows.iter().flatten().map(Cell::line).collect();
            *b = Block::Para(Para::text(&line.join("\t")));
        }
    }
    doc
}

/// A line of cells parted by tabs.
fn row(line: &str) -> Vec<Cell> {
    line.split('\t')
        .map(|c| Cell {
            paras: vec![Para::text(c.trim())],
        })
        .collect()
}

/// The lines of one paragraph, before they are joined.
#[derive(Debug)]
struct Part {
    lines: Vec<Line>,
    heading: bool,
    bullet: bool,
}

/// Lines between blank lines; a paragraph carries over a page break when
/// it does not end a sentence there and the next page goes on in lower case.
fn groups(pages: Vec<Page>) -> Vec<Vec<Line>> {
    let mut groups: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for page in pages {
        let mut first = true;
        for line in page {
            if line.blank() {
                if !current.is_empty() {
                    groups.push(std::mem::take(&mut current));
                }
                continue;
            }
            if std::mem::take(&mut first) {
                let open = if current.is_empty() {
                    groups.last()
                } else {
                    Some(&current)
                };
                let carries = open
                    .and_then(|g| g.last())
                    .is_some_and(|prev| continues(&prev.text, &line.text));
                if current.is_empty() && carries {
                    current = groups.pop().unwrap_or_default();
                } else if !current.is_empty() && !carries {
                    groups.push(std::mem::take(&mut current));
                }
            }
            current.push(line);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// Whether the line `next` goes on with the sentence `prev` leaves open.
fn continues(prev: &str, next: &str) -> bool {
    let open = !ends_sentence(prev);
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    open && lower && bullet_text(next).is_none()
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['”', '"', '’', '\'', ')', ' ']);
    s.ends_with(['.', '!', '?', ':'])
}

/// The length most full lines have: lines of paragraphs shorter than it
/// stand alone.
fn typical_width(groups: &[Vec<Line>]) -> usize {
    let mut lens: Vec<usize> = groups
        .iter()
        .filter(|g| g.len() >= 3)
        .flat_map(|g| g.iter().map(|l| l.text.chars().count()))
        .collect();
    if lens.is_empty() {
        lens = groups
            .iter()
            .flatten()
            .map(|l| l.text.chars().count())
            .collect();
    }
    lens.sort_unstable();
    lens.get(lens.len() * 4 / 5).copied().unwrap_or(80).max(20)
}

/// The size of most text, weighted by its characters.
fn body_size(groups: &[Vec<Line>]) -> Option<f32> {
    let mut by_size: Vec<(i32, usize)> = Vec::new();
    for l in groups.iter().flatten() {
        let Some(s) = l.size else { continue };
        let key = (s * 2.0).round() as i32;
        match by_size.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += l.text.len(),
            None => by_size.push((key, l.text.len())),
        }
    }
    by_size
        .iter()
        .max_by_key(|(k, n)| (*n, -k))
        .map(|(k, _)| *k as f32 / 2.0)
}

/// Splits a group into bullet items, headings and the paragraphs between.
fn split(group: Vec<Line>, width: usize, body: Option<f32>) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let n = group.len();
    let mut prev_text: Option<String> = None;
    for (i, line) in group.iter().enumerate() {
        let next = group.get(i + 1).map(|l| l.text.as_str());
        let after_bullet = parts
            .last()
            .filter(|p| p.bullet)
            .map(|p| p.lines[p.lines.len() - 1].clone());
        if bullet_text(&line.text).is_some() {
            parts.push(Part {
                lines: vec![line.clone()],
                heading: false,
                bullet: true,
            });
        } else if let Some(item) = &after_bullet
            && continues_item(item, line, width)
        {
            if let Some(p) = parts.last_mut() {
                p.lines.push(line.clone());
            }
        } else if let Some(p) = parts
            .last_mut()
            .filter(|p| !p.heading && !p.bullet && p.lines.iter().all(|l| l.text.contains('\t')))
            && !line.text.contains('\t')
            && line.text.split_whitespace().count() <= 10
            && (line.text.chars().next().is_some_and(char::is_lowercase)
                || !ends_sentence(
                    p.lines[p.lines.len() - 1]
                        .text
                        .split('\t')
                        .next()
                        .unwrap_or_default(),
                ))
        {
            // The next line of a table cell that wrapped: it goes on with the
            // row's first cell.
            let last = p.lines.len() - 1;
            let row = &mut p.lines[last].text;
            let at = row.find('\t').unwrap_or(row.len());
            row.insert_str(at, &format!(" {}", line.text));
        } else if line.text.contains('\t') {
            match parts.last_mut() {
                Some(p)
                    if !p.heading && !p.bullet && p.lines.iter().all(|l| l.text.contains('\t')) =>
                {
                    p.lines.push(line.clone())
                }
                _ => parts.push(Part {
                    lines: vec![line.clone()],
                    heading: false,
                    bullet: false,
                }),
            }
        } else if is_heading(
            line,
            if after_bullet.is_some() {
                None
            } else {
                prev_text.as_deref()
            },
            next,
            i + 1 == n,
            width,
            body,
        ) {
            parts.push(Part {
                lines: vec![line.clone()],
                heading: true,
                bullet: false,
            });
        } else {
            let starts = match parts.last() {
                None => true,
                Some(p) if p.heading || p.bullet => true,
                // A caption under a photo starts a paragraph of its own.
                Some(p) => {
                    ends_sentence(&p.lines[p.lines.len() - 1].text) && caption_start(&line.text)
                }
            };
            if starts {
                parts.push(Part {
                    lines: Vec::new(),
                    heading: false,
                    bullet: false,
                });
            }
            if let Some(p) = parts.last_mut() {
                p.lines.push(line.clone());
            }
        }
        prev_text = Some(line.text.clone());
    }
    parts
}

/// Whether `line` is the next line of the bullet item whose last line is
/// `item`: in a PDF, set in to the item's text in the same look; in text,
/// after a line long enough to have been wrapped, or in lower case.
fn continues_item(item: &Line, line: &Line, width: usize) -> bool {
    if let (Some(a), Some(b)) = (item.size, line.size)
        && ((a - b).abs() > 0.6 || item.bold != line.bold)
    {
        return false;
    }
    if let (Some(ix), Some(lx), Some(size)) = (item.x, line.x, item.size) {
        // The bullet's line starts at the bullet; its text, and the
        // lines that go on with it, further in.
        let first_of_item = bullet_text(&item.text).is_some();
        return if first_of_item {
            lx > ix + size * 0.4
        } else {
            (lx - ix).abs() < size * 0.4
        };
    }
    let long = item.text.chars().count() * 10 >= width * 6;
    let lower = line.text.chars().next().is_some_and(char::is_lowercase);
    (long && !ends_sentence(&item.text)) || lower
}

/// Whether a line starts the way a photo's caption does.
pub fn caption_start(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "billede ",
        "billedet ",
        "foto ",
        "foto:",
        "fotos ",
        "figur ",
        "photo ",
        "picture ",
        "figure ",
    ]
    .iter()
    .any(|w| l.starts_with(w))
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Whether `line` is a heading, from the lines around it.
fn is_heading(
    line: &Line,
    prev: Option<&str>,
    next: Option<&str>,
    last: bool,
    width: usize,
    body: Option<f32>,
) -> bool {
    let t = line.text.as_str();
    let words = t.split_whitespace().count();
    if words == 0 || words > 16 || !starts_upper(t) {
        return false;
    }
    let after_break = prev.is_none_or(ends_sentence);
    if !after_break {
        return false;
    }
    // Larger or bold: a heading by its look (a PDF).
    if let (Some(size), Some(body)) = (line.size, body) {
        let stands_out = size >= body * 1.12 || (line.bold && words <= 12);
        if stands_out && !t.ends_with([',', ';']) {
            return true;
        }
        if size < body * 0.95 {
            return false;
        }
    }
    if t.ends_with(['.', ',', ';', ':', '-', '–', '?', '\u{ad}']) && !looks_like_date(t) {
        return false;
    }
    let len = t.chars().count();
    let next_starts = next.is_none_or(starts_upper);
    if last {
        return len * 10 < width * 9 && next_starts;
    }
    let next_len = next.map_or(0, |n| n.chars().count());
    next_starts && len * 10 < width.max(next_len) * 8
}

fn looks_like_date(t: &str) -> bool {
    crate::import::dates::day_heading(t, None).is_some()
}

/// Every word of the pages, to tell a hyphen at a line's end that belongs
/// to the word ("ikke-vestlig") from one that breaks it ("der-for").
fn vocabulary(pages: &[Page]) -> HashSet<String> {
    let mut words = HashSet::new();
    for l in pages.iter().flatten() {
        let toks: Vec<&str> = l.text.split_whitespace().collect();
        // The last word of a line ending in a hyphen is no word of its own.
        let k = if l.text.ends_with('-') {
            toks.len().saturating_sub(1)
        } else {
            toks.len()
        };
        let skip_first = true;
        for (i, w) in toks.iter().enumerate().take(k) {
            // The first word may be a hyphenated word's second half.
            if i == 0 && skip_first && w.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            words.insert(trim_word(w).to_lowercase());
        }
    }
    words
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// Joins a paragraph's lines.
fn paragraph(part: Part, vocabulary: &HashSet<String>, body: Option<f32>) -> Para {
    let mut plain = String::new();
    for (i, line) in part.lines.iter().enumerate() {
        let mut text = line.text.as_str();
        if i == 0 && part.bullet {
            text = bullet_text(text).unwrap_or(text);
        }
        if i > 0 {
            plain = join(&plain, text, vocabulary);
        } else {
            plain.push_str(text);
        }
    }
    let size = part.lines.first().and_then(|l| l.size);
    let bold = part.lines.iter().all(|l| l.bold);
    let role = if part.heading {
        let level = match (size, body) {
            (Some(s), Some(b)) if s >= b * 1.6 => 1,
            (Some(s), Some(b)) if s >= b * 1.3 => 2,
            _ => 3,
        };
        Role::Heading(level)
    } else {
        Role::Body
    };
    let md = super::doc::fold(&plain.replace('\n', " "));
    Para {
        md,
        plain,
        role,
        list: part.bullet.then_some((0, false)),
        size,
        bold,
        ..Para::default()
    }
}

/// `before` and the next line, the hyphen at the end of `before` kept or
/// dropped.
fn join(before: &str, next: &str, vocabulary: &HashSet<String>) -> String {
    if let Some(stem) = before.strip_suffix('\u{ad}') {
        return format!("{stem}{next}");
    }
    let Some(stem) = before.strip_suffix(['-', '\u{2010}']) else {
        return format!("{before}\n{next}");
    };
    let last = stem.rsplit(char::is_whitespace).next().unwrap_or_default();
    let first = next.split_whitespace().next().unwrap_or_default();
    let ends_letter = last.chars().last().is_some_and(char::is_alphabetic);
    if !ends_letter {
        // "2010-" "2011", "10-" "20%": a range or a number.
        return format!("{before}{next}");
    }
    let head = trim_word(last).to_lowercase();
    let tail = trim_word(first).to_lowercase();
    let joined = format!("{head}{tail}");
    let hyphened = format!("{head}-{tail}");
    let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    if CONJUNCTIONS.contains(&word) {
        return format!("{before} {next}");
    }
    let knows_joined = vocabulary.contains(&joined);
    let knows_hyphened = vocabulary.contains(&hyphened);
    let lower = first.chars().next().is_some_and(char::is_lowercase);
    if !knows_joined && (knows_hyphened || !lower) {
        format!("{before}{next}")
    } else {
        format!("{stem}{next}")
    }
}

#[cfg(test)]
mod tests {
    use crate::import::lines::*;

    #[test]
    fn hyphens_at_line_ends() {
        let v: HashSet<String> = ["ikke-vestlig", "amsterdamwerkt"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(join("var der der-", "for lagt", &v), "var der derfor lagt");
        assert_eq!(
            join("Social-", "og Beskæftigelse", &v),
            "Social- og Beskæftigelse"
        );
        assert_eq!(
            join("med ikke-", "vestlig baggrund", &v),
            "med ikke-vestlig baggrund"
        );
        assert_eq!(
            join("hos Amsterdam-", "Werkt! at", &v),
            "hos AmsterdamWerkt! at"
        );
        assert_eq!(join("i 2010-", "2011 blev", &v), "i 2010-2011 blev");
        assert_eq!(join("Nieuw-", "West", &HashSet::new()), "Nieuw-West");
        assert_eq!(join("en", "to", &v), "en\nto");
    }
}
