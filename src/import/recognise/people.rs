//! People: the report's author (a contact block, or a line "Jan Krüger
//! Gehlert, Specialkonsulent, Magistratsafdelingen …" with an e-mail
//! address and a telephone number near it) and the participants (a list
//! under "Deltagere": "Orla Hav (S), formand", groups as sub-headings or
//! lines ending in a colon, or a table of names and roles).

use super::nodes::Node;
use crate::import::doc::fold;
use crate::import::draft::{AuthorDraft, ParticipantDraft};
use regex::Regex;
use std::sync::LazyLock;

/// Job titles a municipality's author has.
const TITLE_ENDINGS: &str = "konsulent|chef|direktør|fuldmægtig|sekretær|koordinator|leder|rådgiver|specialist|medarbejder|assistent|analytiker|ansvarlig|partner|manager|consultant|officer|adviser|advisor|director|coordinator|secretary|administrator|sagsbehandler|udvikler|planlægger|controller";

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"((?:\p{{Lu}}[\p{{L}}'’.-]+\s+){{1,3}}\p{{Lu}}[\p{{L}}'’-]+)\s*[,–-]?\s+(\p{{Lu}}?[\p{{L}}-]*(?i:{TITLE_ENDINGS})(?:\s+(?:i|for|ved|hos|in|at|of)\s+[^,\n]+)?)(?:\s*,\s*([^\n]+))?"
    ))
    .expect("valid pattern")
});

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid pattern"));

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:tlf\.?|telefon|phone|mobil|mob\.?|tel\.?)\s*:?\s*(\+?\d[\d ]{6,14}\d)|(\+45\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{2})\b")
        .expect("valid pattern")
});

/// The author a text names, with the name's start in it.
pub fn author_in(text: &str) -> Option<AuthorDraft> {
    let line = fold(text);
    let email = EMAIL.find(&line).map(|m| m.as_str().to_string());
    let phone = PHONE
        .captures(&line)
        .and_then(|c| c.get(1).or(c.get(2)))
        .map(|m| m.as_str().trim().to_string());
    let c = PERSON.captures(&line);
    let (name, title, organisation) = match &c {
        Some(c) => (
            c.get(1).map(|m| m.as_str().trim().to_string())?,
            c.get(2).map(|m| m.as_str().trim().to_string()),
            c.get(3)
                .map(|m| {
                    let org = m.as_str();
                    let org = EMAIL.replace_all(org, "");
                    let org = PHONE.replace_all(&org, "");
                    let parts: Vec<&str> = org
                        .split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty() && !p.chars().any(|c| c.is_ascii_digit()))
                        .collect();
                    parts.join(", ").trim_end_matches('.').trim().to_string()
                })
                .filter(|o| !o.is_empty()),
        ),
        None => return None,
    };
    Some(AuthorDraft {
        name,
        title,
        organisation,
        email,
        phone,
        source: vec![text.to_string()],
    })
}

/// The author from a contact block's paragraphs: a person line, or the
/// first line as the name, with the e-mail and telephone found in any.
pub fn contact(nodes: &[Node]) -> Option<AuthorDraft> {
    let lines: Vec<String> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Para(p) => Some(p.plain.lines().map(str::to_string).collect::<Vec<_>>()),
            Node::Heading(h) => Some(vec![h.text.clone()]),
            _ => None,
        })
        .flatten()
        .map(|l| fold(&l))
        .filter(|l| !l.is_empty())
        .collect();
    let all = lines.join("\n");
    let mut a = author_in(&lines.join(", ")).unwrap_or_else(|| {
        let name = lines
            .iter()
            .find(|l| !EMAIL.is_match(l) && !PHONE.is_match(l))
            .cloned()
            .unwrap_or_default();
        let title = lines
            .iter()
            .skip_while(|l| **l != name)
            .nth(1)
            .filter(|l| !EMAIL.is_match(l) && !PHONE.is_match(l))
            .cloned();
        AuthorDraft {
            name,
            title,
            ..AuthorDraft::default()
        }
    });
    a.email = a
        .email
        .or_else(|| EMAIL.find(&all).map(|m| m.as_str().to_string()));
    a.phone = a.phone.or_else(|| {
        PHONE
            .captures(&all)
            .and_then(|c| c.get(1).or(c.get(2)))
            .map(|m| m.as_str().trim().to_string())
    });
    a.source = lines;
    (!a.name.is_empty() && a.name.split_whitespace().count() <= 8).then_some(a)
}

/// One participant from a line: "Orla Hav (S), formand", "Orla Hav –
/// formand", "Anne Jensen, Socialforvaltningen".
pub fn participant(line: &str, group: Option<&str>) -> Option<ParticipantDraft> {
    let line = fold(line);
    let line = line.trim_end_matches(['.', ';']).trim();
    if line.is_empty() || line.split_whitespace().count() > 14 {
        return None;
    }
    let (name, role) = match line
        .split_once([',', '–', '—'])
        .or_else(|| line.split_once(" - "))
    {
        Some((n, r)) => (
            n.trim(),
            Some(r.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (line, None),
    };
    let name_words: Vec<&str> = name.split_whitespace().collect();
    // A name: two to six words, most starting in upper case.
    let upper = name_words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(')
        })
        .count();
    if name_words.len() < 2 || name_words.len() > 6 || upper * 3 < name_words.len() * 2 {
        return None;
    }
    let (name, party) = split_party(name);
    Some(ParticipantDraft {
        name,
        role,
        party,
        group: group.map(str::to_string),
    })
}

/// Party letters of more than one letter that lists of politicians put in
/// brackets after a name: Danish (SF, RV, EL …), and those of the Nordic
/// neighbours a study trip meets (Ap, FrP, KrF, SD, SDP …). One capital
/// letter ("S", "V", "Ø") is always a party's letter.
const PARTIES: &[&str] = &[
    "SF", "RV", "EL", "DF", "LA", "KF", "KD", "NB", "DD", "ALT", "UFG", "Ap", "FrP", "KrF", "Sp",
    "SV", "MDG", "SD", "MP", "SDP", "KOK", "PS", "KESK", "VIHR", "VAS", "RKP", "IA",
];

/// Whether the text in brackets after a name is a party's letters.
pub fn party_letters(s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => PARTIES.contains(&s),
    }
}

/// A name without the party letters in brackets at its end, and the
/// letters: "Orla Hav (S)" → ("Orla Hav", "S"); a bracket that holds
/// anything else stays in the name ("Jens Holm (IT)", "Bo Ib (afbud)").
pub fn split_party(name: &str) -> (String, Option<String>) {
    let name = name.trim();
    if let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('('))
        && let inside = name[open + 1..name.len() - 1].trim()
        && party_letters(inside)
        && !name[..open].trim().is_empty()
    {
        return (name[..open].trim().to_string(), Some(inside.to_string()));
    }
    (name.to_string(), None)
}

/// The participants of a list's nodes; the nodes it could not read are
/// given back, and the lines it read without a key (a table's header).
pub fn participants(nodes: Vec<Node>) -> (Vec<ParticipantDraft>, Vec<Node>, Vec<String>) {
    let mut out = Vec::new();
    let mut rest = Vec::new();
    let mut used = Vec::new();
    let mut group: Option<String> = None;
    for node in nodes {
        match &node {
            Node::Heading(h) => group = Some(h.text.clone()),
            Node::Para(p)
                if p.list.is_none()
                    && p.plain.trim_end().ends_with(':')
                    && p.plain.lines().count() == 1 =>
            {
                group = Some(p.plain.trim().trim_end_matches(':').to_string());
            }
            Node::Para(p) => {
                let lines: Vec<&str> = p.plain.lines().filter(|l| !l.trim().is_empty()).collect();
                let people: Vec<ParticipantDraft> = lines
                    .iter()
                    .filter_map(|l| participant(l, group.as_deref()))
                    .collect();
                if !lines.is_empty() && people.len() == lines.len() {
                    out.extend(people);
                } else {
                    rest.push(node);
                }
            }
            Node::Table(t) => match table(t, group.as_deref()) {
                Some((people, head)) => {
                    out.extend(people);
                    used.extend(head);
                }
                None => rest.push(node),
            },
            Node::Picture(_) => rest.push(node),
        }
    }
    (out, rest, used)
}

/// The participants of a table of names (and roles): a first row of
/// column names ("Navn", "Parti", "Rolle") is its header, and a column
/// headed "Parti" or "Party" holds the party letters. `None` when a row
/// names no person; else the people and the header row.
fn table(
    t: &crate::import::doc::Table,
    group: Option<&str>,
) -> Option<(Vec<ParticipantDraft>, Option<String>)> {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.line()).collect())
        .collect();
    let head = rows.first().filter(|r| {
        r.first().is_some_and(|c| {
            ["navn", "name", "deltager", "deltagere"].contains(&c.to_lowercase().as_str())
        })
    });
    let party_col = head.and_then(|h| {
        h.iter()
            .position(|c| ["parti", "party"].contains(&c.to_lowercase().as_str()))
    });
    let mut people = Vec::new();
    for r in rows.iter().skip(usize::from(head.is_some())) {
        let party = party_col
            .and_then(|c| r.get(c))
            .map(|p| {
                p.trim()
                    .trim_start_matches('(')
                    .trim_end_matches(')')
                    .trim()
            })
            .filter(|p| party_letters(p))
            .map(str::to_string);
        let cells: Vec<&String> = r
            .iter()
            .enumerate()
            .filter(|(c, s)| !s.is_empty() && (party.is_none() || Some(*c) != party_col))
            .map(|(_, s)| s)
            .collect();
        let Some(first) = cells.first() else { continue };
        let mut p = participant(first, group)?;
        let role = cells[1..]
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        p.role = (!role.is_empty()).then_some(role).or(p.role);
        p.party = party.or(p.party);
        people.push(p);
    }
    (!people.is_empty()).then(|| (people, head.map(|h| h.join(" | "))))
}

#[cfg(test)]
mod tests {
    use crate::import::recognise::people::*;

    #[test]
    fn an_author_line() {
        let a =
            author_in("10 Jan Krüger Gehlert Specialkonsulent, Magistratsafdelingen for Sociale")
                .unwrap();
        assert_eq!(a.name, "Jan Krüger Gehlert");
        assert_eq!(a.title.as_deref(), Some("Specialkonsulent"));
        assert_eq!(
            a.organisation.as_deref(),
            Some("Magistratsafdelingen for Sociale")
        );
        let b = author_in(
            "Anne Holm, chefkonsulent, Borgmesterens Afdeling, anne@aarhus.dk, tlf. 41 85 12 34",
        )
        .unwrap();
        assert_eq!(b.name, "Anne Holm");
        assert_eq!(b.email.as_deref(), Some("anne@aarhus.dk"));
        assert_eq!(b.phone.as_deref(), Some("41 85 12 34"));
        assert!(author_in("Besøget blev afsluttet med en gåtur.").is_none());
    }

    #[test]
    fn participant_lines() {
        let p = participant("Orla Hav (S), formand", Some("Byrådet")).unwrap();
        assert_eq!(p.name, "Orla Hav");
        assert_eq!(p.party.as_deref(), Some("S"));
        assert_eq!(p.role.as_deref(), Some("formand"));
        for (line, name, party) in [
            ("Anne Holm (A)", "Anne Holm", Some("A")),
            ("Karen Bo (SF)", "Karen Bo", Some("SF")),
            ("Lis Ravn ( RV )", "Lis Ravn", Some("RV")),
            ("Per Dam (Ø)", "Per Dam", Some("Ø")),
            ("Åse Lie (KrF)", "Åse Lie", Some("KrF")),
            ("Jens Holm (IT)", "Jens Holm (IT)", None),
            ("Bo Ib Dahl (afbud)", "Bo Ib Dahl (afbud)", None),
            ("Mette Fisker (2023)", "Mette Fisker (2023)", None),
        ] {
            let p = participant(line, None).unwrap();
            assert_eq!(
                (p.name.as_str(), p.party.as_deref()),
                (name, party),
                "{line}"
            );
        }
        assert!(participant("Det var en god tur for alle deltagerne i år", None).is_none());
    }
}
