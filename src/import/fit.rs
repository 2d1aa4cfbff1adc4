//! What the import writes, within the limits every trip file has
//! ([`crate::check::limits`]), so that a document that is long or odd
//! still gives a file `check` accepts: at most [`MAX_ENTRIES`] sections
//! (more are joined into the last, as sub-headings), paragraphs of at most
//! [`MAX_PARAGRAPH_CHARS`] characters (longer ones are parted where a
//! sentence or a line ends; a table's rows go on under its header), words
//! of at most [`MAX_WORD_CHARS`] (a longer one is shortened, and kept whole
//! in the report's comments) and letters of at most [`MAX_CLUSTER_CHARS`]
//! characters (marks beyond them are left out: they are no words).

use super::draft::{Draft, SectionDraft};
use crate::check::limits::{MAX_CLUSTER_CHARS, MAX_ENTRIES, MAX_PARAGRAPH_CHARS, MAX_WORD_CHARS};
use crate::messages::import as m;
use unicode_segmentation::UnicodeSegmentation;

/// What fitting shortened, kept whole for the comments.
#[derive(Default)]
struct Cut {
    whole: Vec<String>,
}

impl Cut {
    /// A one-line value within the limits.
    fn line(&mut self, s: &mut String) {
        let mut t = self.words(&letters(s));
        if t.chars().count() > MAX_PARAGRAPH_CHARS {
            self.whole.push(t.clone());
            t = t.chars().take(MAX_PARAGRAPH_CHARS - 1).collect::<String>() + "…";
        }
        *s = t;
    }

    /// A `text` value within the limits.
    fn text(&mut self, s: &mut String) {
        let t = self.words(&letters(s));
        let mut blocks = Vec::new();
        for block in t.split("\n\n") {
            if chars(block) <= MAX_PARAGRAPH_CHARS {
                blocks.push(block.to_string());
            } else {
                blocks.extend(split_block(block));
            }
        }
        *s = blocks.join("\n\n");
    }

    /// `s` with each word longer than allowed shortened (and kept whole).
    fn words(&mut self, s: &str) -> String {
        if !s
            .split_whitespace()
            .any(|w| w.chars().count() > MAX_WORD_CHARS)
        {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let mut word = String::new();
        for c in s.chars().chain(std::iter::once(' ')) {
            if !c.is_whitespace() {
                word.push(c);
                continue;
            }
            if word.chars().count() > MAX_WORD_CHARS {
                out.extend(word.chars().take(MAX_WORD_CHARS - 1));
                out.push('…');
                self.whole.push(std::mem::take(&mut word));
            } else {
                out.push_str(&word);
                word.clear();
            }
            out.push(c);
        }
        out.pop();
        out
    }
}

/// `s` with no letter of more than [`MAX_CLUSTER_CHARS`] characters.
fn letters(s: &str) -> String {
    if s.graphemes(true)
        .all(|g| g.chars().count() <= MAX_CLUSTER_CHARS)
    {
        return s.to_string();
    }
    s.graphemes(true)
        .flat_map(|g| g.chars().take(MAX_CLUSTER_CHARS))
        .collect()
}

/// A paragraph's length as the check counts it (its lines and the breaks
/// between them).
fn chars(block: &str) -> usize {
    let lines = block.lines().count();
    block.lines().map(|l| l.chars().count()).sum::<usize>() + lines.saturating_sub(1)
}

/// A block too long for one paragraph, as several: its lines packed into
/// paragraphs (a pipe table's header above each part), a line too long
/// for one parted at its sentences' ends, else at a space.
fn split_block(block: &str) -> Vec<String> {
    let lines: Vec<&str> = block.lines().collect();
    let table = lines.len() > 2 && lines[0].starts_with('|') && lines[1].starts_with("|-");
    let head = if table {
        format!("{}\n{}", lines[0], lines[1])
    } else {
        String::new()
    };
    let body = if table { &lines[2..] } else { &lines[..] };
    let mut out: Vec<String> = Vec::new();
    let mut current = head.clone();
    for line in body {
        let pieces = if line.chars().count() > MAX_PARAGRAPH_CHARS / 2 {
            split_line(line)
        } else {
            vec![line.to_string()]
        };
        for piece in pieces {
            if !current.is_empty()
                && chars(&current) + 1 + piece.chars().count() > MAX_PARAGRAPH_CHARS
            {
                out.push(std::mem::replace(&mut current, head.clone()));
            }
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(&piece);
        }
    }
    if current != head {
        out.push(current);
    }
    out
}

/// A line parted into pieces of at most half a paragraph, where a
/// sentence ends, else at a space (a word is never longer than that).
fn split_line(line: &str) -> Vec<String> {
    let max = MAX_PARAGRAPH_CHARS / 2;
    let mut out = Vec::new();
    let mut rest = line;
    while rest.chars().count() > max {
        let limit = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        let head = &rest[..limit];
        let at = head
            .rfind(". ")
            .map(|i| i + 1)
            .filter(|&i| i > limit / 2)
            .or_else(|| head.rfind(' '))
            .filter(|&i| i > 0)
            .unwrap_or(limit);
        out.push(rest[..at].trim_end().to_string());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// At most [`MAX_ENTRIES`] sections: the rest joined into the last, each
/// under its title as a sub-heading.
fn entries(sections: &mut Vec<SectionDraft>) {
    if sections.len() <= MAX_ENTRIES {
        return;
    }
    let extra = sections.split_off(MAX_ENTRIES);
    let Some(last) = sections.last_mut() else {
        return;
    };
    for s in extra {
        last.text
            .push_str(&format!("\n\n### {}\n\n{}", s.title, s.text));
        last.images.extend(s.images);
    }
}

/// Fits the draft to the limits; what was shortened is kept whole as a
/// comment, and said to be looked at.
pub fn fit(draft: &mut Draft) {
    let mut cut = Cut::default();
    entries(&mut draft.sections);
    for d in &mut draft.days {
        entries(&mut d.sections);
    }
    let t = &mut draft.trip;
    for s in [&mut t.committee, &mut t.municipality, &mut t.destination] {
        cut.line(s);
    }
    for s in [&mut t.country, &mut t.title, &mut t.subtitle, &mut t.case]
        .into_iter()
        .flatten()
    {
        cut.line(s);
    }
    if let Some(c) = &mut t.cover {
        cut.line(&mut c.alt);
        c.caption.iter_mut().for_each(|s| cut.line(s));
    }
    if let Some(a) = &mut draft.author {
        cut.line(&mut a.name);
        for s in [
            &mut a.title,
            &mut a.organisation,
            &mut a.email,
            &mut a.phone,
        ]
        .into_iter()
        .flatten()
        {
            cut.line(s);
        }
    }
    if let Some(i) = &mut draft.introduction {
        i.title.iter_mut().for_each(|s| cut.line(s));
        cut.text(&mut i.text);
    }
    for p in &mut draft.participants {
        cut.line(&mut p.name);
        for s in [&mut p.role, &mut p.party, &mut p.group]
            .into_iter()
            .flatten()
        {
            cut.line(s);
        }
    }
    for d in &mut draft.days {
        for s in [&mut d.title, &mut d.place].into_iter().flatten() {
            cut.line(s);
        }
        cut.text(&mut d.text);
        for a in &mut d.agenda {
            cut.line(&mut a.text);
            a.time.iter_mut().for_each(|s| cut.line(s));
            a.points.iter_mut().for_each(|s| cut.line(s));
        }
    }
    let all = draft
        .days
        .iter_mut()
        .flat_map(|d| d.sections.iter_mut())
        .chain(draft.sections.iter_mut());
    for s in all {
        cut.line(&mut s.title);
        cut.text(&mut s.text);
        for i in &mut s.images {
            cut.line(&mut i.alt);
            i.caption.iter_mut().for_each(|c| cut.line(c));
        }
    }
    if let Some(a) = &mut draft.accounts {
        a.title.iter_mut().for_each(|s| cut.line(s));
        cut.text(&mut a.text);
        a.items.iter_mut().for_each(|i| cut.line(&mut i.label));
    }
    if !cut.whole.is_empty() {
        draft.check.push(m::check_shortened(cut.whole.len()));
        draft.used.append(&mut cut.whole);
    }
}

#[cfg(test)]
mod tests {
    use crate::import::fit::*;

    #[test]
    fn long_paragraphs_words_and_letters_are_fitted() {
        let mut cut = Cut::default();
        let sentence = "Udvalget besøgte rådhuset og talte med borgmesteren. ";
        let mut text = sentence.repeat(1000);
        cut.text(&mut text);
        assert!(text.split("\n\n").count() >= 3);
        assert!(text.split("\n\n").all(|p| chars(p) <= MAX_PARAGRAPH_CHARS));
        assert_eq!(text.split_whitespace().count(), 7000);
        let mut table = String::from("| Navn | Rolle |\n|---|---|\n");
        table.push_str(&"| Anne Holm | formand for udvalget |\n".repeat(1000));
        cut.text(&mut table);
        assert!(
            table
                .split("\n\n")
                .all(|p| p.starts_with("| Navn | Rolle |\n|---|---|"))
        );
        let mut word = format!("Se {} her", "x".repeat(4000));
        cut.text(&mut word);
        assert!(
            word.split_whitespace()
                .all(|w| w.chars().count() <= MAX_WORD_CHARS)
        );
        assert_eq!(cut.whole, ["x".repeat(4000)]);
        let mut heavy = format!("a{}b", "\u{301}".repeat(40));
        cut.line(&mut heavy);
        assert_eq!(heavy.chars().count(), MAX_CLUSTER_CHARS + 1);
    }
}
