//! Text as `pdftotext` writes it: pages split by form feeds, lines, blank
//! lines between paragraphs. Some extractions put an empty line after
//! every line and mark paragraphs with a line of spaces (the reference
//! report's text is one); that is undone here, so that [`super::lines`]
//! sees one kind of text.

use super::page::{Line, Page};

/// The text of a text file's bytes, and the encoding it was read in when
/// not UTF-8: UTF-16 with its byte order mark (Notepad's "Unicode"), else
/// Windows-1252 (Latin-1, as older Windows programs save Danish text).
/// `None` when the bytes are not text (NUL bytes, or control characters
/// no text file holds).
pub fn decode(bytes: &[u8]) -> Option<(String, Option<&'static str>)> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (!malformed && is_text(&text)).then(|| (text.into_owned(), Some(encoding.name())));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return is_text(text).then(|| (text.to_string(), None));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    is_text(&text).then(|| (text.into_owned(), Some(encoding_rs::WINDOWS_1252.name())))
}

/// Whether a text has no control characters but line ends, tabs and form
/// feeds.
fn is_text(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
}

/// The pages of `text`, each a list of lines (blank lines empty).
pub fn pages(text: &str) -> Vec<Page> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let double = double_spaced(text);
    let mut pages = Vec::new();
    for page in text.split('\u{c}') {
        let raw: Vec<&str> = page.split('\n').collect();
        let mut lines = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            let l = raw[i].trim_end();
            let spaces_only = l.is_empty() && !raw[i].is_empty();
            if double {
                if l.is_empty() && !spaces_only {
                    // The empty line after every line: a line break.
                    i += 1;
                    continue;
                }
                lines.push(Line::text(l));
            } else {
                lines.push(Line::text(l));
            }
            i += 1;
        }
        pages.push(lines);
    }
    for page in &mut pages {
        bullets_apart(page);
    }
    if !double || pages.len() > 1 {
        return pages;
    }
    // Without form feeds, the page breaks of such an extraction show as a
    // line that starts with one space after a line that ends a paragraph.
    split_marked_pages(pages.into_iter().next().unwrap_or_default())
}

/// Whether a line is a list's bullet and nothing else.
fn bare_bullet(line: &Line) -> bool {
    let mut chars = line.text.chars();
    chars.next().is_some_and(|c| "•◦▪●○■‣⁃\u{f0b7}".contains(c)) && chars.next().is_none()
}

/// Bullets written apart from their items, as pdftotext writes a list set
/// in from the text: a run of lines of a bullet alone, then (after blank
/// lines) as many lines of text, one an item. Each item gets its bullet.
fn bullets_apart(page: &mut Page) {
    let mut i = 0;
    while i < page.len() {
        let run = page[i..].iter().take_while(|l| bare_bullet(l)).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let mut j = i + run;
        while page.get(j).is_some_and(Line::blank) {
            j += 1;
        }
        let items = page[j..]
            .iter()
            .take_while(|l| !l.blank() && !bare_bullet(l))
            .count();
        if items == run {
            for line in page.iter_mut().skip(j).take(run) {
                *line = Line::text(&format!("• {}", line.text));
            }
            page.drain(i..j);
            i += run;
        } else {
            i = j;
        }
    }
}

/// Whether nearly every line with text is followed by exactly one empty
/// line (and paragraphs are then lines of spaces).
fn double_spaced(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    let (mut with_text, mut followed) = (0usize, 0usize);
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        with_text += 1;
        let next_empty = lines.get(i + 1).is_some_and(|n| n.is_empty());
        let then_text = lines.get(i + 2).is_none_or(|n| !n.is_empty());
        if next_empty && then_text {
            followed += 1;
        }
    }
    with_text >= 10 && followed * 10 >= with_text * 8
}

fn split_marked_pages(lines: Vec<Line>) -> Vec<Page> {
    let mut pages = vec![Vec::new()];
    for line in lines {
        let starts_page = line.raw.starts_with(' ')
            && !line.raw.starts_with("  ")
            && !line.text.is_empty()
            && pages.last().is_some_and(|p: &Page| !p.is_empty());
        if starts_page {
            pages.push(Vec::new());
        }
        if let Some(p) = pages.last_mut() {
            p.push(line);
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use crate::import::doc::{Block, Para, Role};
    use crate::import::text::*;

    fn doc_of(text: &str) -> Vec<Para> {
        let doc = crate::import::lines::to_doc(pages(text), false);
        doc.blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn headings_bullets_and_paragraphs() {
        let text = "Introduktion\n\nDet her er en lang linje med tekst som fylder hele bredden af siden ud.\nOg her er den anden linje i samme afsnit, som også er ret så lang, ja.\n\nBesøg ved Homebase\nHomebase er en frivillig forening i Niew-West, som har særligt fokus på\nfamilierne.\n\n• Første punkt\n• Andet punkt\n";
        let paras = doc_of(text);
        let roles: Vec<(Role, &str)> = paras.iter().map(|p| (p.role, p.plain.as_str())).collect();
        assert_eq!(roles[0], (Role::Heading(3), "Introduktion"));
        assert_eq!(roles[1].0, Role::Body);
        assert_eq!(roles[2], (Role::Heading(3), "Besøg ved Homebase"));
        assert_eq!(paras[4].list, Some((0, false)));
        assert_eq!(paras[4].plain, "Første punkt");
        assert_eq!(paras[5].plain, "Andet punkt");
    }

    fn texts(p: &Page) -> Vec<&str> {
        p.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn form_feeds_split_pages() {
        let p = pages("a\nb\n\nc\u{c}d\n");
        assert_eq!(p.len(), 2);
        assert_eq!(texts(&p[0]), ["a", "b", "", "c"]);
        assert_eq!(texts(&p[1]), ["d", ""]);
    }

    #[test]
    fn double_spacing_is_undone() {
        let mut t = String::new();
        for i in 0..12 {
            t.push_str(&format!("line {i} \n\n"));
            if i == 5 {
                t.push_str(" \n\n");
            }
        }
        t.push_str(" Next page \n\n");
        let p = pages(&t);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0][5].text, "line 5");
        assert_eq!(p[0][6].text, "");
        assert_eq!(texts(&p[1]), ["Next page"]);
    }
}
