//! What the trip table needs, found in the whole text: the committee
//! (the name ending in "udvalget" said most often), the municipality
//! ("Aarhus Kommune", not the host's), the destination and country
//! ("studieturen gik til Amsterdam i Holland", a title "Studietur 2023 –
//! Amsterdam"), a case number, the language.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b((?:\p{Lu}[\p{Ll}æøå]+-,?\s+)*(?:\p{Lu}[\p{Ll}æøå]+-\s+og\s+)?(?:\p{Lu}[\p{Ll}æøå]+\s+og\s+\p{Lu}[\p{Ll}æøå]+-)?\p{Lu}?[\p{Ll}æøå]*udvalg)(et|ets|)\b",
    )
    .expect("valid pattern")
});

static COMMITTEE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:\p{Lu}[\p{Ll}]+(?:,? and |, | )){0,4}Committee)\b").expect("valid pattern")
});

static MUNICIPALITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}[\p{L}]+(?:[- ]\p{Lu}[\p{L}]+)?)\s+(Kommune|Kommunes|Municipality)\b|\bMunicipality of (\p{Lu}[\p{L}]+)")
        .expect("valid pattern")
});

static DESTINATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:studietur(?:en|s)?|study\s+(?:trip|tour|visit)|ekskursion(?:en)?|rejse(?:n)?)\b[^.\n]{0,60}?\b(?:til|to)\s+(\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?)(?:[ \t]+(?:i|in)[ \t]+(\p{Lu}[\p{L}-]+))?",
    )
    .expect("valid pattern")
});

static TITLE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:studietur|study trip)\s*(?:\d{4})?\s*[–—:-]\s*(\p{Lu}[\p{L}-]+(?:[ ,]+\p{Lu}[\p{L}-]+)?)").expect("valid pattern")
});

static CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:sagsnr\.?|sags\s*nr\.?|j\.\s*nr\.?|journalnr\.?|case\s+no\.?)\s*:?\s*([0-9][\w./-]*[0-9A-Za-z])").expect("valid pattern")
});

fn most(found: impl Iterator<Item = (String, usize)>) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (i, (s, weight)) in found.enumerate() {
        match counts.iter_mut().find(|(t, _, _)| *t == s) {
            Some((_, n, _)) => *n += weight,
            None => counts.push((s, weight, i)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n, first)| (*n, usize::MAX - first))
        .map(|(s, _, _)| s)
}

/// The committee said most often (the title page counts three times).
pub fn committee(front: &str, all: &str) -> Option<String> {
    let find = |t: &str, w: usize| -> Vec<(String, usize)> {
        let mut v: Vec<(String, usize)> = COMMITTEE
            .captures_iter(t)
            .filter_map(|c| {
                let base = c.get(1)?.as_str();
                // "udvalg" alone, or a word that only contains it, is no name.
                (base.len() > "udvalg".len() + 2 && base.chars().next()?.is_uppercase())
                    .then(|| format!("{base}et"))
            })
            .map(|s| (s, w))
            .collect();
        v.extend(COMMITTEE_EN.captures_iter(t).filter_map(|c| {
            let name = c.get(1)?.as_str();
            Some((name.strip_prefix("The ").unwrap_or(name).to_string(), w))
        }));
        v
    };
    let mut found = find(front, 3);
    found.extend(find(all, 1));
    most(found.into_iter())
}

/// The municipality said most often that is not the destination's.
pub fn municipality(all: &str, destination: &str) -> Option<String> {
    let found = MUNICIPALITY.captures_iter(all).filter_map(|c| {
        if let Some(of) = c.get(3) {
            return Some((format!("Municipality of {}", of.as_str()), 1));
        }
        let name = c.get(1)?.as_str();
        let kind = c.get(2)?.as_str();
        if !destination.is_empty() && (name.contains(destination) || destination.contains(name)) {
            return None;
        }
        let kind = if kind == "Municipality" {
            "Municipality"
        } else {
            "Kommune"
        };
        Some((format!("{name} {kind}"), 1))
    });
    most(found)
}

/// The destination and the country, from the title or the text.
pub fn destination(title: Option<&str>, all: &str) -> Option<(String, Option<String>)> {
    if let Some(c) = title.and_then(|t| TITLE_PLACE.captures(t)) {
        let place = c.get(1)?.as_str();
        return Some(match place.split_once(',') {
            Some((p, country)) => (p.trim().to_string(), Some(country.trim().to_string())),
            None => (place.trim().to_string(), None),
        });
    }
    let found: Vec<(String, Option<String>)> = DESTINATION
        .captures_iter(
            title
                .map_or(all.to_string(), |t| format!("{t}\n{all}"))
                .as_str(),
        )
        .filter_map(|c| {
            let place = c.get(1)?.as_str().to_string();
            Some((place, c.get(2).map(|m| m.as_str().to_string())))
        })
        .filter(|(p, _)| !["Social", "Den", "Det", "De", "The"].contains(&p.as_str()))
        .collect();
    let place = most(found.iter().map(|(p, _)| (p.clone(), 1)))?;
    let country = found
        .iter()
        .find(|(p, c)| *p == place && c.is_some())
        .and_then(|(_, c)| c.clone());
    Some((place, country))
}

/// A case number: "Sagsnr. 23/12345".
pub fn case(text: &str) -> Option<(String, String)> {
    let c = CASE.captures(text)?;
    Some((
        c.get(0)?.as_str().to_string(),
        c.get(1)?.as_str().to_string(),
    ))
}

/// Whether the text is English rather than Danish, by its small words.
pub fn english(all: &str) -> bool {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in all.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        for k in ["the", "and", "of", "og", "det", "af", "er", "med"] {
            if w == k {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    let en = counts.get("the").unwrap_or(&0)
        + counts.get("and").unwrap_or(&0)
        + counts.get("of").unwrap_or(&0);
    let da = ["og", "det", "af", "er", "med"]
        .iter()
        .map(|k| counts.get(k).unwrap_or(&0))
        .sum::<usize>();
    en > da
}

/// The years a text names, most often first.
pub fn years(all: &str) -> Vec<i32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(19[5-9]\d|20\d\d)\b").expect("valid pattern"));
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for c in YEAR.captures_iter(all) {
        if let Ok(y) = c[1].parse::<i32>() {
            *counts.entry(y).or_default() += 1;
        }
    }
    let mut v: Vec<(i32, usize)> = counts.into_iter().collect();
    v.sort_by_key(|(y, n)| (usize::MAX - n, *y));
    v.into_iter().map(|(y, _)| y).collect()
}

#[cfg(test)]
mod tests {
    use crate::import::recognise::trip::*;

    #[test]
    fn committee_and_municipality() {
        let t = "Social- og Beskæftigelsesudvalgets studietur gik i 2023 til Amsterdam i Holland. Formanden for Socialudvalget i Amsterdam Kommune. Social- og Beskæftigelsesudvalget i Aarhus Kommune. Amsterdam Kommune igen.";
        assert_eq!(
            committee("", t).as_deref(),
            Some("Social- og Beskæftigelsesudvalget")
        );
        assert_eq!(
            municipality(t, "Amsterdam").as_deref(),
            Some("Aarhus Kommune")
        );
        assert_eq!(
            destination(None, t),
            Some(("Amsterdam".into(), Some("Holland".into())))
        );
        assert_eq!(
            destination(Some("Studietur 2023 – Amsterdam"), ""),
            Some(("Amsterdam".into(), None))
        );
        assert_eq!(
            committee("", "Børn og Unge-udvalget var af sted").as_deref(),
            Some("Børn og Unge-udvalget")
        );
    }

    #[test]
    fn case_and_language() {
        assert_eq!(
            case("Sagsnr. 23/12345").map(|c| c.1),
            Some("23/12345".into())
        );
        assert!(english(
            "The committee visited the city and the harbour of Boston."
        ));
        assert!(!english("Udvalget besøgte byen og havnen, det var godt."));
    }
}
