//! A document's structure recognised as a trip: its blocks read as
//! headings and text ([`nodes`]), cut at the headings into the places of
//! a trip file ([`segments`]: introduction, days with their visits, free
//! sections, accounts, participants, contact), each day's programme
//! found ([`agenda`]), and the parts read ([`accounts`], [`people`],
//! [`trip`]); [`content`] writes the text of each place. What is not
//! recognised stays text, in a free section or where it stood.

pub mod accounts;
pub mod agenda;
pub mod content;
pub mod nodes;
pub mod people;
pub mod places;
pub mod segments;
pub mod trip;

use super::assemble::Pictures;
use super::dates;
use super::doc::{Doc, fold};
use super::draft::{DayDraft, Draft, SectionDraft, TextDraft};
use crate::check::limits::MAX_ENTRIES;
use crate::locale::Lang;
use crate::messages::import as m;
use nodes::Node;
use segments::{Kind, Segment};

/// Recognises the trip in `doc`; pictures are stored under
/// `images/<stem>/`, messages worded in `lang` where the file needs words.
pub fn recognise(doc: &Doc, stem: &str, lang: Lang) -> Draft {
    let mut nodes = nodes::nodes(doc);
    let all_text = text_of(&nodes);
    places::take(&mut nodes, &all_text);
    let mut draft = Draft::default();
    let mut years: Vec<i32> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Heading(h) => h.date.and_then(|d| d.year),
            _ => None,
        })
        .collect();
    years.extend(trip::years(&all_text));
    years.extend(doc.year);
    let mut dates_of = Vec::new();
    for n in &nodes {
        if let Node::Heading(h) = n {
            let date = h.date.and_then(|w| dates::resolve(w, &years));
            if let (Some(w), Some(d)) = (h.date, date)
                && w.year.is_none()
            {
                draft.check.push(m::check_year(h.text.as_str(), d));
            }
            dates_of.push(date);
        }
    }
    let (mut segs, days) = segments::cut(nodes, &dates_of, doc.styled);
    take_title(&mut segs, &mut draft);
    // The programmes, taken out of where they stood.
    let runs = agenda::runs(&segs);
    let chosen = agenda::choose(&segs, &runs, days.len());
    let mut agendas = vec![Vec::new(); days.len()];
    let mut removals: Vec<(usize, usize, usize)> = Vec::new();
    for (d, k) in &chosen {
        let r = &runs[*k];
        agendas[*d] = r.items.clone();
        removals.push((r.segment, r.start, r.end));
    }
    removals.sort_by_key(|r| std::cmp::Reverse((r.0, r.1)));
    for (s, a, b) in removals {
        for n in segs[s].nodes.drain(a..b) {
            match &n {
                Node::Para(p) if agenda::is_label(p) => draft.used.push(fold(&p.plain)),
                Node::Heading(h) if nodes::programme_label(&h.text) => {
                    draft.used.push(h.text.clone())
                }
                _ => {}
            }
        }
    }
    let mut pics = super::assemble::Pictures::new(stem, lang);
    let mut order: Vec<usize> = (0..days.len()).collect();
    order.sort_by_key(|&d| days[d].date);
    for &d in &order {
        let day = &days[d];
        let mut dd = DayDraft {
            date: Some(day.date),
            place: day.place.clone(),
            agenda: std::mem::take(&mut agendas[d]),
            ..DayDraft::default()
        };
        draft.used.extend(day.place_lines.iter().cloned());
        for h in &day.headings {
            let rest = dates::day_heading_at(h).map(|(_, end)| places::after_date(&h[end..]));
            match rest {
                Some("") => draft.used.push(h.clone()),
                // "Tirsdag den 18. april – Stockholm": the day's place.
                Some(p)
                    if dd.place.as_deref().is_none_or(|q| q == p)
                        && places::is_place(p, &all_text) =>
                {
                    dd.place = Some(p.to_string());
                    draft.used.push(h.clone());
                }
                _ if dd.title.is_none() => dd.title = Some(h.clone()),
                _ => draft.used.push(h.clone()),
            }
        }
        draft.days.push(dd);
    }
    let day_index = |d: usize| order.iter().position(|&o| o == d).unwrap_or(0);
    let mut accounts_done = false;
    for seg in &segs {
        let title = seg.heading.as_ref().map(|h| h.text.clone());
        let base = seg.heading.as_ref().map_or(0, |h| h.level);
        match seg.kind {
            Kind::Front => {}
            Kind::DayStart(d) => {
                // Between the day's heading (and programme) and its first
                // visit: the day's own text.
                let c = content::content(&seg.nodes, base);
                let images = pics.store(&mut draft, &c.pictures);
                let day = &mut draft.days[day_index(d)];
                if !c.text.is_empty() {
                    if !day.text.is_empty() {
                        day.text.push_str("\n\n");
                    }
                    day.text.push_str(&c.text);
                }
                day.images.extend(images);
            }
            Kind::Visit(d) => {
                let c = content::content(&seg.nodes, base);
                let images = pics.store(&mut draft, &c.pictures);
                draft.days[day_index(d)].sections.push(SectionDraft {
                    title: title.unwrap_or_default(),
                    text: c.text,
                    images,
                });
            }
            Kind::Free => free(&mut draft, title, &seg.nodes, base, &mut pics),
            Kind::Accounts if !accounts_done => {
                let (mut a, rest, used) = accounts::read(seg.nodes.clone());
                draft.used.extend(used);
                if a.items.is_empty() || a.items.len() > MAX_ENTRIES {
                    draft.check.push(m::check_no_accounts_items(
                        title.clone().unwrap_or_default(),
                    ));
                    free(&mut draft, title, &seg.nodes, base, &mut pics);
                    continue;
                }
                accounts_done = true;
                if let Some(t) = &title {
                    draft.used.push(t.clone());
                }
                a.title = title
                    .filter(|t| !["regnskab", "accounts"].contains(&t.to_lowercase().as_str()));
                let c = content::content(&rest, base);
                pics.orphans.extend(c.pictures);
                if !c.text.is_empty() {
                    a.text = [a.text.as_str(), c.text.as_str()]
                        .iter()
                        .filter(|t| !t.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("\n\n");
                }
                draft.accounts = Some(a);
            }
            Kind::Participants if draft.participants.is_empty() => {
                let (people, rest, used) = people::participants(seg.nodes.clone());
                draft.used.extend(used);
                if people.is_empty() || people.len() > MAX_ENTRIES {
                    free(&mut draft, title, &seg.nodes, base, &mut pics);
                    continue;
                }
                if let Some(t) = &title {
                    draft.used.push(t.clone());
                }
                draft.participants = people;
                if !rest.is_empty() {
                    free(&mut draft, title, &rest, base, &mut pics);
                }
            }
            Kind::Contact if draft.author.is_none() => match people::contact(&seg.nodes) {
                Some(a) => {
                    if let Some(t) = &title {
                        draft.used.push(t.clone());
                    }
                    draft.used.extend(a.source.iter().cloned());
                    draft.author = Some(a);
                }
                None => free(&mut draft, title, &seg.nodes, base, &mut pics),
            },
            Kind::Accounts | Kind::Participants | Kind::Contact => {
                free(&mut draft, title, &seg.nodes, base, &mut pics)
            }
        }
    }
    front(&mut draft, &mut segs, &mut pics);
    super::assemble::finish(&mut draft, doc, &all_text, pics);
    draft
}

/// A free section of the nodes; without a heading it is "Øvrigt", and
/// with its text empty its title is its text.
fn free(draft: &mut Draft, title: Option<String>, nodes: &[Node], base: u8, pics: &mut Pictures) {
    let c = content::content(nodes, base);
    let images = pics.store(draft, &c.pictures);
    let title = title.unwrap_or_else(|| m::unnamed_section_title().in_lang(pics.lang));
    draft.sections.push(SectionDraft {
        text: c.text,
        title,
        images,
    });
}

/// The title (and subtitle) from the front matter: its Title style, or
/// the first large heading before any text, or a line that names the
/// study trip.
fn take_title(segs: &mut [Segment], draft: &mut Draft) {
    let Some(front) = segs.first_mut().filter(|s| s.kind == Kind::Front) else {
        return;
    };
    let styled_title = front
        .nodes
        .iter()
        .position(|n| matches!(n, Node::Heading(h) if h.title));
    let first_para = front
        .nodes
        .iter()
        .position(|n| matches!(n, Node::Para(_)))
        .unwrap_or(usize::MAX);
    let large = front
        .nodes
        .iter()
        .position(|n| matches!(n, Node::Heading(h) if h.level == 1 && h.size.is_some()));
    let naming = front.nodes.iter().take(8).position(|n| {
        let t = match n {
            Node::Heading(h) => h.text.to_lowercase(),
            Node::Para(p) if p.list.is_none() => fold(&p.plain).to_lowercase(),
            _ => return false,
        };
        let words = t.split_whitespace().count();
        words <= 10
            && !t.ends_with('.')
            && (t.contains("studietur") || t.contains("study trip") || t.contains("studierejse"))
    });
    let at = styled_title
        .or(large.filter(|&i| i < first_para))
        .or(naming);
    if let Some(i) = at {
        let title = match front.nodes.remove(i) {
            Node::Heading(h) => h.text,
            Node::Para(p) => fold(&p.plain),
            _ => return,
        };
        draft.trip.title = Some(title);
    }
    if let Some(i) = front
        .nodes
        .iter()
        .position(|n| matches!(n, Node::Heading(h) if h.subtitle))
        && let Node::Heading(h) = front.nodes.remove(i)
    {
        draft.trip.subtitle = Some(h.text);
    }
}

/// The introduction from the front matter: its first heading (when it
/// stands before the text) and the rest as text; the title page's
/// pictures: the first is the cover.
fn front(draft: &mut Draft, segs: &mut [Segment], pics: &mut Pictures) {
    let Some(front) = segs.first_mut().filter(|s| s.kind == Kind::Front) else {
        return;
    };
    let mut nodes = std::mem::take(&mut front.nodes);
    // An author line at the top ("Jan Krüger Gehlert, Specialkonsulent, …").
    let author_at = nodes.iter().take(6).position(|n| {
        let t = match n {
            Node::Heading(h) => h.text.clone(),
            Node::Para(p) if p.list.is_none() => fold(&p.plain),
            _ => return false,
        };
        t.split_whitespace().count() <= 30
            && people::author_in(&t).is_some_and(|a| a.title.is_some())
    });
    if draft.author.is_none()
        && let Some(i) = author_at
    {
        let t = match nodes.remove(i) {
            Node::Heading(h) => h.text,
            Node::Para(p) => fold(&p.plain),
            _ => String::new(),
        };
        draft.author = people::author_in(&t);
        draft.used.push(t);
    }
    let title = match nodes.iter().position(|n| !matches!(n, Node::Picture(_))) {
        Some(i) if matches!(nodes[i], Node::Heading(_)) => match nodes.remove(i) {
            Node::Heading(h) => Some(h.text),
            _ => None,
        },
        _ => None,
    };
    let base = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Heading(h) => Some(h.level),
            _ => None,
        })
        .min()
        .map_or(1, |l| l.saturating_sub(1));
    let c = content::content(&nodes, base);
    front.nodes = nodes;
    // The first picture of the title page is the cover.
    let mut found = c.pictures.into_iter();
    if let Some(first) = found.next()
        && let Some(cover) = pics.store(draft, std::slice::from_ref(&first)).pop()
    {
        draft.trip.cover = Some(cover);
    }
    pics.orphans.extend(found);
    if !c.text.is_empty() || title.is_some() {
        draft.introduction = Some(TextDraft {
            title,
            text: c.text,
        });
    }
}

/// All text of the nodes, for the searches over the whole document.
fn text_of(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        match n {
            Node::Heading(h) => s.push_str(&h.text),
            Node::Para(p) => s.push_str(&fold(&p.plain)),
            Node::Table(t) => {
                for r in &t.rows {
                    for c in r {
                        s.push_str(&c.line());
                        s.push_str(" | ");
                    }
                    s.push('\n');
                }
            }
            Node::Picture(_) => {}
        }
        s.push('\n');
    }
    s
}
