//! Where a day is spent, when the document says so clearly: after the
//! date in the day's heading ("Tirsdag den 18. april – Stockholm"), in a
//! line under it ("Sted: Oslo"), or as a name on its own under it (as
//! studietur prints a day's `place`). A name is a place only when the
//! text names it as one too ("… til Oslo", "i Stockholm"): Danish and
//! English write a common word ("Ankomst", "Arrival") in lower case
//! there, so a title that is no place is left as the day's title.

use super::nodes::{Node, programme_label};
use crate::import::doc::fold;
use regex::Regex;
use std::sync::LazyLock;

/// "Sted: Oslo", "Place: Boston".
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:sted|opholdssted|by|place|location|city)\s*:\s*(\S.{0,79})$")
        .expect("valid pattern")
});

/// Words that say where, before a place's name in running text.
const BEFORE_A_PLACE: &[&str] = &[
    "i", "til", "fra", "via", "mod", "in", "to", "from", "till", "från",
];

/// Small words a place's name may hold between its capitals ("Frankfurt
/// am Main", "Stratford-upon-Avon", "Oslo og Stockholm").
const JOINERS: &[&str] = &[
    "am", "an", "der", "de", "la", "le", "upon", "og", "and", "i",
];

/// The most words a place's name has.
const MAX_WORDS: usize = 4;

/// The place of a "Sted: Oslo" line.
pub fn labelled(line: &str) -> Option<String> {
    let c = LABELLED.captures(line.trim())?;
    let value = c.get(1)?.as_str().trim().trim_end_matches('.').trim();
    (value.split_whitespace().count() <= 6 && !value.is_empty()).then(|| value.to_string())
}

/// What follows the date in a day's heading, without the mark that sets
/// it apart ("– Stockholm" → "Stockholm", "(Oslo)" → "Oslo").
pub fn after_date(rest: &str) -> &str {
    let t = rest
        .trim()
        .trim_start_matches(['-', '–', '—', ':', '|', ',']);
    let t = t.trim();
    match t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        Some(inner) => inner.trim(),
        None => t,
    }
}

/// Whether `name` is written as a place's name: one to four words that
/// start with a capital (small joining words between), no digits, no
/// sentence marks.
fn name_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_WORDS || name.chars().count() > 40 {
        return false;
    }
    if name
        .chars()
        .any(|c| c.is_ascii_digit() || ".:;!?()[]\"”»«/".contains(c))
    {
        return false;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let first_last = capital(words[0]) && capital(words[words.len() - 1]);
    first_last
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            capital(w) || JOINERS.contains(&w)
        })
}

/// Whether the running text names `name` as a place: after "i", "til",
/// "fra" (…), with its capital, and not as the start of a longer name.
fn named_as_place(name: &str, all: &str) -> bool {
    let mut from = 0;
    while let Some(at) = all[from..].find(name) {
        let start = from + at;
        let end = start + name.len();
        from = end;
        let after = all[end..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric() || c == '-') {
            continue;
        }
        let before = all[..start].trim_end_matches(' ');
        if before.len() == start {
            // No space before: inside a word.
            continue;
        }
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        if BEFORE_A_PLACE.contains(&word.to_lowercase().as_str())
            && word.chars().next().is_some_and(char::is_lowercase)
        {
            return true;
        }
    }
    false
}

/// Whether `name` is clearly a place of the document `all`.
pub fn is_place(name: &str, all: &str) -> bool {
    name_like(name) && !programme_label(name) && named_as_place(name, all)
}

/// The text of a short node of one line: a heading, or a paragraph that
/// is no list item.
fn line_of(node: &Node) -> Option<String> {
    let t = match node {
        Node::Heading(h) if h.date.is_none() => h.text.clone(),
        Node::Para(p) if p.list.is_none() && p.plain.trim().lines().count() == 1 => fold(&p.plain),
        _ => return None,
    };
    (t.split_whitespace().count() <= 8).then_some(t)
}

/// Whether a node is what follows a day's place line in a programme: a
/// list, a table, a text box, a heading, a programme label, a time.
fn opens_programme(node: Option<&Node>) -> bool {
    match node {
        None | Some(Node::Heading(_) | Node::Table(_)) => true,
        Some(Node::Para(p)) => {
            p.list.is_some()
                || p.boxed
                || programme_label(&p.plain)
                || super::agenda::leading_time(p.plain.lines().next().unwrap_or_default()).is_some()
        }
        Some(Node::Picture(_)) => false,
    }
}

/// The places under the days' headings, taken out of the nodes into the
/// headings (with the line they were read from): a "Sted: Oslo" line
/// among the first lines under a day's heading, or a place's name alone
/// right under it, before its programme (or under more than one day).
pub fn take(nodes: &mut Vec<Node>, all: &str) {
    // The lines right under a day's heading, and how many days have each.
    let under: Vec<String> = (0..nodes.len().saturating_sub(1))
        .filter(|&i| matches!(&nodes[i], Node::Heading(h) if h.date.is_some()))
        .filter_map(|i| line_of(&nodes[i + 1]))
        .collect();
    let days_under = |line: &str| under.iter().filter(|l| *l == line).count();
    let mut i = 0;
    while i < nodes.len() {
        let Node::Heading(h) = &nodes[i] else {
            i += 1;
            continue;
        };
        if h.date.is_none() {
            i += 1;
            continue;
        }
        // A "Sted:" line among the next few.
        let mut found: Option<(usize, String, String)> = None;
        for (j, node) in nodes.iter().enumerate().skip(i + 1).take(4) {
            if matches!(node, Node::Heading(x) if x.date.is_some()) {
                break;
            }
            if let Some(line) = line_of(node)
                && let Some(place) = labelled(&line)
            {
                found = Some((j, place, line));
                break;
            }
        }
        if found.is_none()
            && let Some(line) = nodes.get(i + 1).and_then(line_of)
            && (opens_programme(nodes.get(i + 2)) || days_under(&line) > 1)
            && is_place(&line, all)
        {
            found = Some((i + 1, line.clone(), line));
        }
        if let Some((j, place, line)) = found {
            nodes.remove(j);
            if let Node::Heading(h) = &mut nodes[i] {
                h.place = Some((place, Some(line)));
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::import::recognise::places::*;

    #[test]
    fn places_are_names_the_text_calls_places() {
        let all = "Vi fløj til Oslo om morgenen og tog toget videre til Stockholm. \
                   Ankomst sent. Besøg hos Jongerenpunt.";
        assert!(is_place("Oslo", all));
        assert!(is_place("Stockholm", all));
        assert!(!is_place("Ankomst", all));
        assert!(!is_place("Jongerenpunt", all));
        assert!(!is_place("Os", all), "part of a word");
        assert!(!is_place("Besøg hos Jongerenpunt", all));
        assert_eq!(after_date(" – Stockholm"), "Stockholm");
        assert_eq!(after_date(" (Oslo)"), "Oslo");
        assert_eq!(labelled("Sted: Oslo").as_deref(), Some("Oslo"));
        assert_eq!(labelled("Place: New York").as_deref(), Some("New York"));
        assert_eq!(labelled("Stedet var fint: ja"), None);
    }
}
