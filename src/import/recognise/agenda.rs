//! A day's programme: the list right after its heading (bullets, a text
//! box, lines that start with a time, a two-column table of times), or,
//! where the layout put it elsewhere (a text box beside the text comes
//! out of a PDF after the page's text), the list whose items are the
//! titles of the day's visits.

use super::nodes::{Node, programme_label};
use super::segments::{Kind, Segment};
use crate::import::doc::{Para, Table};
use crate::import::draft::AgendaDraft;
use regex::Regex;
use std::sync::LazyLock;

/// A leading time: "Kl. 10.30–12.00", "10:30 - 12:00", "kl 9", "09.00".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:kl\.?|ca\.?|fra|from|at)\s*)?(\d{1,2}(?:[.:]\d{2})?(?:\s*[-–—]\s*(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?)?)(?:\s*(?i:h))?(?:\s*[:\t–-]\s*|\s+)(\S.*)$",
    )
    .expect("valid pattern")
});

/// The time a line starts with (as written, "Kl." kept) and the rest.
pub fn leading_time(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let c = TIME.captures(line)?;
    let whole = c.get(0)?;
    let time_end = c.get(1)?.end();
    let rest = c.get(2)?.as_str().trim().to_string();
    // "10 år", "2 timer": a number then a word is no time unless written
    // as one (a point or a colon, or "kl.").
    let time = line[..time_end].trim().to_string();
    let digits_only = !time.contains(['.', ':']) && !time.to_lowercase().starts_with("kl");
    if digits_only || rest.is_empty() || whole.as_str().is_empty() {
        return None;
    }
    let hour_ok = c
        .get(1)
        .map(|m| {
            m.as_str()
                .split(['.', ':'])
                .next()
                .and_then(|h| h.trim().parse::<u32>().ok())
                .is_some_and(|h| h < 25)
        })
        .unwrap_or(false);
    hour_ok.then_some((time, rest))
}

/// A candidate programme: where it stands and its entries.
#[derive(Debug, Clone)]
pub struct Run {
    /// The segment.
    pub segment: usize,
    /// The nodes it takes, first and past the last.
    pub start: usize,
    /// Past the last node.
    pub end: usize,
    /// Its entries.
    pub items: Vec<AgendaDraft>,
    /// Whether it stands at the start of a day.
    pub opening: bool,
}

/// Every candidate programme of the document.
pub fn runs(segments: &[Segment]) -> Vec<Run> {
    let mut out = Vec::new();
    for (s, seg) in segments.iter().enumerate() {
        let nodes = &seg.nodes;
        let mut i = 0;
        while i < nodes.len() {
            let start = i;
            let label = matches!(&nodes[i], Node::Para(p) if programme_label(&p.plain))
                || matches!(&nodes[i], Node::Heading(h) if programme_label(&h.text));
            let first = if label { i + 1 } else { i };
            let (end, items) = run_at(nodes, first);
            if items.is_empty() {
                i += 1;
                continue;
            }
            let opening = matches!(seg.kind, Kind::DayStart(_)) && start == 0;
            out.push(Run {
                segment: s,
                start,
                end,
                items,
                opening,
            });
            i = end.max(i + 1);
        }
    }
    out
}

/// The entries of the run of list items, text-box lines, time lines or
/// a table of times at `i`, and where it ends.
fn run_at(nodes: &[Node], i: usize) -> (usize, Vec<AgendaDraft>) {
    match nodes.get(i) {
        Some(Node::Table(t)) => match table_items(t) {
            Some(items) => (i + 1, items),
            None => (i, Vec::new()),
        },
        Some(Node::Para(p)) if p.list.is_some() => {
            let mut j = i;
            let mut items: Vec<AgendaDraft> = Vec::new();
            while let Some(Node::Para(q)) = nodes.get(j) {
                let Some((level, _)) = q.list else { break };
                let text = crate::import::doc::fold(&q.plain);
                match items.last_mut() {
                    Some(last) if level > 0 => last.points.push(text),
                    _ => items.push(entry(&text)),
                }
                j += 1;
            }
            (j, items)
        }
        Some(Node::Para(p)) if p.boxed => {
            let mut j = i;
            let mut items = Vec::new();
            while let Some(Node::Para(q)) = nodes.get(j) {
                if !q.boxed {
                    break;
                }
                for line in q.plain.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    if !programme_label(line) {
                        items.push(entry(line));
                    }
                }
                j += 1;
            }
            (j, items)
        }
        Some(Node::Para(p)) => {
            // Lines that start with a time, in paragraphs or one paragraph
            // of manual line breaks.
            let mut j = i;
            let mut items = Vec::new();
            while let Some(Node::Para(q)) = nodes.get(j) {
                let lines: Vec<&str> = q
                    .plain
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                if lines.is_empty()
                    || !lines.iter().all(|l| leading_time(l).is_some())
                    || q.list.is_some()
                {
                    break;
                }
                items.extend(lines.iter().map(|l| entry(l)));
                j += 1;
            }
            let _ = p;
            // One time line opens a day's programme too.
            if items.len() >= 2 || (i == 0 && !items.is_empty()) {
                (j, items)
            } else {
                (i, Vec::new())
            }
        }
        _ => (i, Vec::new()),
    }
}

/// An entry from a line: its time apart when it starts with one.
fn entry(line: &str) -> AgendaDraft {
    let line = line.trim();
    match leading_time(line) {
        Some((time, text)) => AgendaDraft {
            time: Some(time),
            text,
            points: Vec::new(),
        },
        None => AgendaDraft {
            time: None,
            text: line.to_string(),
            points: Vec::new(),
        },
    }
}

/// A table whose first column holds times: a programme.
fn table_items(t: &Table) -> Option<Vec<AgendaDraft>> {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.line()).collect())
        .collect();
    if rows.is_empty() || rows.iter().any(|r| r.len() < 2 || r.len() > 3) {
        return None;
    }
    let timed = rows
        .iter()
        .filter(|r| leading_time(&format!("{} x", r[0])).is_some())
        .count();
    if timed * 2 < rows.len() || timed == 0 {
        return None;
    }
    let mut items = Vec::new();
    for r in &rows {
        let time = r[0].trim();
        let text = r[1..]
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" – ");
        if leading_time(&format!("{time} x")).is_none() && items.is_empty() {
            // A header row ("Tid | Program").
            continue;
        }
        if text.is_empty() && time.is_empty() {
            continue;
        }
        items.push(AgendaDraft {
            time: (!time.is_empty()).then(|| time.to_string()),
            text: if text.is_empty() {
                time.to_string()
            } else {
                text
            },
            points: Vec::new(),
        });
    }
    Some(items)
}

/// Letters and digits, lower case: titles compared as words.
pub fn key(t: &str) -> String {
    t.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether an entry's text names the visit `title`.
pub fn names(entry: &str, title: &str) -> bool {
    let (a, b) = (key(entry), key(title));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    a == b || (long.starts_with(short.as_str()) && short.len() * 10 >= long.len() * 6)
}

/// Picks each day's programme from `runs`: the one that opens the day, or
/// the one naming most of its visits (from the day's segments, or after
/// the last day). Gives (day, run index) pairs.
pub fn choose(segments: &[Segment], runs: &[Run], days: usize) -> Vec<(usize, usize)> {
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    let last_day_segment = segments
        .iter()
        .rposition(|s| matches!(s.kind, Kind::DayStart(_) | Kind::Visit(_)));
    for d in 0..days {
        let titles: Vec<&str> = segments
            .iter()
            .filter(|s| s.kind == Kind::Visit(d))
            .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
            .collect();
        let of_day = |r: &Run| {
            let k = segments[r.segment].kind;
            k == Kind::DayStart(d) || k == Kind::Visit(d)
        };
        let is_last = segments
            .iter()
            .rposition(|s| matches!(s.kind, Kind::DayStart(x) | Kind::Visit(x) if x == d))
            == last_day_segment;
        let score = |r: &Run| {
            r.items
                .iter()
                .filter(|it| titles.iter().any(|t| names(&it.text, t)))
                .count()
        };
        let taken = |k: usize| chosen.iter().any(|(_, c)| *c == k);
        let opening = runs.iter().enumerate().find(|(k, r)| {
            !taken(*k) && r.opening && segments[r.segment].kind == Kind::DayStart(d)
        });
        if let Some((k, _)) = opening {
            chosen.push((d, k));
            continue;
        }
        let best = runs
            .iter()
            .enumerate()
            .filter(|(k, r)| {
                !taken(*k)
                    && (of_day(r) || (is_last && last_day_segment.is_some_and(|l| r.segment > l)))
            })
            .map(|(k, r)| (score(r), k))
            .filter(|(s, _)| *s >= 1 && *s * 3 >= titles.len().min(3))
            .max_by_key(|(s, k)| (*s, usize::MAX - k));
        if let Some((_, k)) = best {
            chosen.push((d, k));
        }
    }
    chosen
}

/// Whether a paragraph is a programme's label ("Program:").
pub fn is_label(p: &Para) -> bool {
    programme_label(&p.plain)
}

#[cfg(test)]
mod tests {
    use crate::import::recognise::agenda::*;

    #[test]
    fn times() {
        let t = |s: &str| leading_time(s);
        assert_eq!(
            t("Kl. 10.30–12.00 Oplæg ved Startpunt"),
            Some(("Kl. 10.30–12.00".into(), "Oplæg ved Startpunt".into()))
        );
        assert_eq!(
            t("10:30 - 12:00: Frokost"),
            Some(("10:30 - 12:00".into(), "Frokost".into()))
        );
        assert_eq!(
            t("09.00\tAfgang fra hotellet"),
            Some(("09.00".into(), "Afgang fra hotellet".into()))
        );
        assert_eq!(t("kl 9 Afgang"), Some(("kl 9".into(), "Afgang".into())));
        assert_eq!(t("10 år senere"), None);
        assert_eq!(t("2023 blev et år"), None);
        assert_eq!(t("Velkomst"), None);
    }

    #[test]
    fn entries_name_visits() {
        assert!(names(
            "Besøg ved AmsterdamWerkt!",
            "Besøg ved AmsterdamWerkt!"
        ));
        assert!(names(
            "Præsentation af Top600-initiativet + Top400",
            "Præsentation af Top600-initiativet + Top400"
        ));
        assert!(!names("Hjemrejse", "Opsamling på refleksioner"));
    }
}
