//! The document cut at its headings into segments, each bound for one
//! place of the trip file: the front matter (title page and
//! introduction), a day's opening (its programme), a visit of a day, a
//! free section, the accounts, the participants, the contact.

use super::nodes::{Heading, Node};
use chrono::NaiveDate;

/// Where a segment goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Before the first heading that is a day or a recognised part.
    Front,
    /// Between a day's heading and its first visit: the day (index).
    DayStart(usize),
    /// A visit of the day (index).
    Visit(usize),
    /// A free section.
    Free,
    /// The accounts.
    Accounts,
    /// The participants.
    Participants,
    /// The contact.
    Contact,
}

/// A run of nodes under one heading.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Where it goes.
    pub kind: Kind,
    /// Its heading.
    pub heading: Option<Heading>,
    /// What stands under it, sub-headings included.
    pub nodes: Vec<Node>,
}

/// A day: its date and the headings that gave it (a day may be named
/// twice: in a programme first, then in the account of the visits).
#[derive(Debug, Clone)]
pub struct DayRef {
    /// The date.
    pub date: NaiveDate,
    /// The headings as written.
    pub headings: Vec<String>,
    /// The place a line under one of its headings gave.
    pub place: Option<String>,
    /// The lines places were read from.
    pub place_lines: Vec<String>,
}

fn normal(t: &str) -> String {
    t.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Heading words that name a part of the report.
fn part_of(text: &str) -> Option<Kind> {
    let t = normal(text);
    let first = t.split(' ').next().unwrap_or_default();
    let is = |words: &[&str]| words.iter().any(|w| t == *w || first == *w);
    if is(&[
        "regnskab",
        "regnskabet",
        "økonomi",
        "økonomien",
        "budget",
        "udgifter",
        "accounts",
        "expenses",
        "costs",
        "finances",
        "økonomisk",
    ]) || t.starts_with("regnskab for")
        || t.starts_with("samlet regnskab")
    {
        return Some(Kind::Accounts);
    }
    if is(&[
        "deltagere",
        "deltagerliste",
        "deltagerne",
        "participants",
        "deltagerkreds",
    ]) || t.starts_with("hvem deltog")
        || t.starts_with("følgende deltog")
    {
        return Some(Kind::Participants);
    }
    if is(&["kontakt", "kontaktperson", "kontaktoplysninger", "contact"])
        || t.starts_with("yderligere information")
        || t.starts_with("yderligere oplysninger")
        || t.starts_with("spørgsmål til rapporten")
    {
        return Some(Kind::Contact);
    }
    None
}

/// Headings after the days that are the report's own sections, not a
/// visit of the last day.
fn closes_days(text: &str) -> bool {
    let t = normal(text);
    [
        "læringspunkter",
        "konklusion",
        "afrunding",
        "evaluering",
        "opfølgning",
        "bilag",
        "appendix",
        "lessons learned",
        "conclusion",
        "perspektivering",
        "anbefalinger",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// Cuts `nodes` into segments, with the days in date order.
pub fn cut(
    nodes: Vec<Node>,
    dates: &[Option<NaiveDate>],
    styled: bool,
) -> (Vec<Segment>, Vec<DayRef>) {
    let mut days: Vec<DayRef> = Vec::new();
    let mut segments: Vec<Segment> = vec![Segment {
        kind: Kind::Front,
        heading: None,
        nodes: Vec::new(),
    }];
    let any_day = dates.iter().any(Option::is_some);
    let mut day: Option<usize> = None;
    let mut day_level = u8::MAX;
    let mut visit_level = u8::MAX;
    let mut heading_index = 0;
    for node in nodes {
        let Node::Heading(h) = node else {
            if let Some(s) = segments.last_mut() {
                s.nodes.push(node);
            }
            continue;
        };
        let date = dates.get(heading_index).copied().flatten();
        heading_index += 1;
        let current = segments.last().map(|s| s.kind).unwrap_or(Kind::Front);
        if let Some(date) = date {
            let i = match days.iter().position(|d| d.date == date) {
                Some(i) => i,
                None => {
                    days.push(DayRef {
                        date,
                        headings: Vec::new(),
                        place: None,
                        place_lines: Vec::new(),
                    });
                    days.len() - 1
                }
            };
            days[i].headings.push(h.text.clone());
            if let Some((place, line)) = &h.place {
                days[i].place.get_or_insert_with(|| place.clone());
                days[i].place_lines.extend(line.iter().cloned());
            }
            day = Some(i);
            day_level = day_level.min(h.level);
            visit_level = u8::MAX;
            segments.push(Segment {
                kind: Kind::DayStart(i),
                heading: Some(h),
                nodes: Vec::new(),
            });
            continue;
        }
        let label = super::nodes::programme_label(&h.text);
        if h.title || h.subtitle || (label && day.is_some()) {
            if let Some(s) = segments.last_mut() {
                s.nodes.push(Node::Heading(h));
            }
            continue;
        }
        if let Some(kind) = part_of(&h.text)
            && kind != current
        {
            {
                day = day.filter(|_| kind == Kind::Participants && current == Kind::Front);
                segments.push(Segment {
                    kind,
                    heading: Some(h),
                    nodes: Vec::new(),
                });
                continue;
            }
        }
        // Inside the accounts, the participants or the contact, a heading
        // that is not above the part's own is one of its lines.
        if matches!(current, Kind::Accounts | Kind::Participants | Kind::Contact) {
            let part_level = segments
                .last()
                .and_then(|s| s.heading.as_ref())
                .map_or(1, |x| x.level);
            let stays = if styled {
                h.level > part_level
            } else {
                h.text.split_whitespace().count() <= 8
            };
            if stays && !closes_days(&h.text) {
                if let Some(s) = segments.last_mut() {
                    s.nodes.push(Node::Heading(h));
                }
                continue;
            }
        }
        let kind = match day {
            Some(d) if !(closes_days(&h.text) || styled && h.level <= day_level) => {
                let deeper = styled && visit_level != u8::MAX && h.level > visit_level;
                if deeper && matches!(current, Kind::Visit(_)) {
                    if let Some(s) = segments.last_mut() {
                        s.nodes.push(Node::Heading(h));
                    }
                    continue;
                }
                visit_level = visit_level.min(h.level);
                Kind::Visit(d)
            }
            _ if current == Kind::Front && any_day => {
                // Before the days: a heading of the introduction.
                if let Some(s) = segments.last_mut() {
                    s.nodes.push(Node::Heading(h));
                }
                continue;
            }
            _ => {
                day = None;
                if current == Kind::Free && styled {
                    let level = segments
                        .last()
                        .and_then(|s| s.heading.as_ref())
                        .map_or(1, |x| x.level);
                    if h.level > level {
                        if let Some(s) = segments.last_mut() {
                            s.nodes.push(Node::Heading(h));
                        }
                        continue;
                    }
                }
                if current == Kind::Front
                    && segments.len() == 1
                    && !segments[0].nodes.iter().any(|n| matches!(n, Node::Para(_)))
                {
                    // The first heading of a report without days: its
                    // introduction, when nothing but a title stands above.
                    if let Some(s) = segments.last_mut() {
                        s.nodes.push(Node::Heading(h));
                    }
                    continue;
                }
                Kind::Free
            }
        };
        segments.push(Segment {
            kind,
            heading: Some(h),
            nodes: Vec::new(),
        });
    }
    (segments, days)
}
