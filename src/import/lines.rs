//! Text without styles (a PDF's text layer, or `pdftotext`'s) into
//! paragraphs: page headers, footers and page numbers set aside, words
//! hyphenated at a line's end joined, bullet lines made list items, and
//! headings found by how they stand: a short line on its own, without a
//! full stop, before text that starts a sentence (or, in a PDF, a line
//! larger or bolder than the body).

use super::doc::{Block, Cell, Doc, Para, Role, Table};
use super::furniture;
use super::hyphens::{CONJUNCTIONS, join, vocabulary};
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

/// The number and text of a line that is written as a numbered list's
/// item ("1. Hurtig kontakt", "2) Én plan"), unless what follows the
/// number is a month or a part of the year ("9. oktober", "2. halvår"):
/// a Danish date or ordinal.
pub fn numbered_text(line: &str) -> Option<(u64, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return None;
    }
    let rest = &line[digits + 1..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let text = rest.trim_start();
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    // A number before a month or a part of a year is a date, not a list.
    const DATED: &[&str] = &["halvår", "kvartal", "kvt", "gang", "runde"];
    if text.is_empty()
        || DATED.contains(&first.as_str())
        || crate::locale::DA_MONTHS.contains(&first.as_str())
    {
        return None;
    }
    Some((line[..digits].parse().ok()?, text))
}

/// Reads pages of lines into a document; `marked` when the pages' running
/// headers and footers were marked as such (a tagged PDF's artifacts), so
/// that no line is taken for one by where it stands.
pub fn to_doc(mut pages: Vec<Page>, marked: bool) -> Doc {
    let furniture = furniture::remove(&mut pages, !marked);
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
    /// The number of a numbered list's item.
    number: Option<u64>,
}

impl Part {
    fn new(line: Option<&Line>, heading: bool, bullet: bool) -> Part {
        Part {
            lines: line.into_iter().cloned().collect(),
            heading,
            bullet,
            number: None,
        }
    }
}

/// The number of the line at `i` of `group` when it is a numbered list's
/// item: numbered lists start at 1, so "1." with a "2." after it, or the
/// number after the item before.
fn item_number(group: &[Line], i: usize, before: Option<&Part>) -> Option<u64> {
    let (n, _) = numbered_text(&group[i].text)?;
    let follows = before.and_then(|p| p.number).is_some_and(|m| n == m + 1);
    let opens = n == 1
        && group[i + 1..]
            .iter()
            .find_map(|l| numbered_text(&l.text))
            .is_some_and(|(next, _)| next == 2);
    (follows || opens).then_some(n)
}

/// Whether `line` goes on with the heading whose last line is `last`: a
/// large heading (a title) wrapped onto a second line in the same look.
fn continues_heading(last: &Line, line: &Line, body: Option<f32>) -> bool {
    let (Some(a), Some(b), Some(body)) = (last.size, line.size, body) else {
        return false;
    };
    // The line goes on in lower case, or the heading's line ends with a
    // dash, a comma or a small word ("Studietur for" "Økonomiudvalget").
    let small_word = last
        .text
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.chars().all(char::is_lowercase) && w.chars().count() <= 4);
    let joined = line.text.chars().next().is_some_and(char::is_lowercase)
        || last.text.ends_with(['–', '—', '-', ',', '&'])
        || small_word;
    (a - b).abs() <= 0.6
        && last.bold == line.bold
        && a >= body * 1.12
        && !ends_sentence(&last.text)
        && joined
        && !looks_like_date(&line.text)
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
        // After a day's heading, the next line may be a heading too.
        let after_date = parts
            .last()
            .is_some_and(|p| p.heading && p.lines.len() == 1 && looks_like_date(&p.lines[0].text));
        if let Some(n) = item_number(&group, i, parts.last()) {
            let mut part = Part::new(Some(line), false, true);
            part.number = Some(n);
            parts.push(part);
        } else if bullet_text(&line.text).is_some() {
            parts.push(Part::new(Some(line), false, true));
        } else if let Some(p) = parts
            .last_mut()
            .filter(|p| p.heading && continues_heading(&p.lines[p.lines.len() - 1], line, body))
        {
            p.lines.push(line.clone());
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
                || cell_goes_on(
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
                _ => parts.push(Part::new(Some(line), false, false)),
            }
        } else if is_heading(
            line,
            if after_bullet.is_some() || after_date {
                None
            } else {
                prev_text.as_deref()
            },
            next,
            i + 1 == n,
            width,
            body,
        ) {
            parts.push(Part::new(Some(line), true, false));
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
                parts.push(Part::new(None, false, false));
            }
            if let Some(p) = parts.last_mut() {
                p.lines.push(line.clone());
            }
        }
        prev_text = Some(line.text.clone());
    }
    parts
}

/// Whether a table cell's text is left open at its line's end: a comma,
/// a hyphen, a small word, a bracket not closed ("Anden Transport
/// (offentlig transport i Amsterdam,").
fn cell_goes_on(cell: &str) -> bool {
    let cell = cell.trim_end();
    let last = cell.rsplit(' ').next().unwrap_or_default();
    cell.ends_with([',', '-', '–', '(', '/', '&'])
        || cell.matches('(').count() > cell.matches(')').count()
        || CONJUNCTIONS.contains(&last)
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
        let first_of_item =
            bullet_text(&item.text).is_some() || numbered_text(&item.text).is_some();
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
    // A day's date on a line of its own.
    if looks_like_date(t) && (line.size.is_none() || line.bold || body.is_none()) {
        return true;
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

/// Joins a paragraph's lines.
fn paragraph(part: Part, vocabulary: &HashSet<String>, body: Option<f32>) -> Para {
    let mut plain = String::new();
    for (i, line) in part.lines.iter().enumerate() {
        let mut text = line.text.as_str();
        if i == 0 && part.bullet {
            text = match part.number {
                Some(_) => numbered_text(text).map_or(text, |(_, t)| t),
                None => bullet_text(text).unwrap_or(text),
            };
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
        list: part.bullet.then_some((0, part.number.is_some())),
        size,
        bold,
        ..Para::default()
    }
}
