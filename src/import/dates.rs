//! Dates as report writers put them in a day's heading: "Mandag den 17.
//! april 2023", "Tirsdag d. 18/4", "Onsdag 19.4.2023", "Dag 2: torsdag
//! den 20. april", "Monday 17 April 2023", "Tuesday, April 18". The year
//! may be missing; [`resolve`] finds it.

use crate::locale::{DA_MONTHS, EN_MONTHS};
use chrono::{Datelike, NaiveDate, Weekday};

/// A date read from a heading, its year perhaps missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
    /// The weekday, when written.
    pub weekday: Option<Weekday>,
    /// Whether it is written in English.
    pub english: bool,
}

fn weekday(w: &str) -> Option<(Weekday, bool)> {
    Some(match w {
        "mandag" => (Weekday::Mon, false),
        "tirsdag" => (Weekday::Tue, false),
        "onsdag" => (Weekday::Wed, false),
        "torsdag" => (Weekday::Thu, false),
        "fredag" => (Weekday::Fri, false),
        "lørdag" => (Weekday::Sat, false),
        "søndag" => (Weekday::Sun, false),
        "monday" => (Weekday::Mon, true),
        "tuesday" => (Weekday::Tue, true),
        "wednesday" => (Weekday::Wed, true),
        "thursday" => (Weekday::Thu, true),
        "friday" => (Weekday::Fri, true),
        "saturday" => (Weekday::Sat, true),
        "sunday" => (Weekday::Sun, true),
        _ => return None,
    })
}

fn month(w: &str) -> Option<(u32, bool)> {
    let w = w.trim_end_matches('.');
    let english = |m: &&str| m.eq_ignore_ascii_case(w);
    if let Some(i) = DA_MONTHS.iter().position(|m| *m == w) {
        return Some((i as u32 + 1, w != "april" && EN_MONTHS.iter().any(english)));
    }
    if let Some(i) = EN_MONTHS.iter().position(english) {
        return Some((i as u32 + 1, true));
    }
    // Short forms: "jan.", "feb", "sept."
    if w.len() >= 3 {
        let found = DA_MONTHS
            .iter()
            .chain(EN_MONTHS.iter())
            .position(|m| m.to_lowercase().starts_with(w));
        if let Some(i) = found {
            return Some((i as u32 % 12 + 1, i >= 12));
        }
    }
    None
}

fn number(w: &str, max: u32) -> Option<u32> {
    let w = w.trim_end_matches('.');
    let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 17th
    (!w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|n| (1..=max).contains(n))
}

fn year(w: &str) -> Option<i32> {
    let w = w.trim_end_matches(['.', ',', ':']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1950..=2100).contains(y))
}

/// "18/4", "18/4-2023", "18.4.2023", "18.04.23", "18-4-2023".
fn numeric(w: &str) -> Option<(u32, u32, Option<i32>)> {
    let w = w.trim_end_matches(['.', ',', ':']);
    let parts: Vec<&str> = w.split(['/', '.', '-']).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() < 2 || parts.len() > 3 || !parts.iter().all(|p| digits(p)) {
        return None;
    }
    let day = number(parts[0], 31)?;
    let month = number(parts[1], 12)?;
    let y = match parts.get(2) {
        None => None,
        Some(y) if y.len() == 2 => Some(2000 + y.parse::<i32>().ok()?),
        Some(y) => Some(year(y)?),
    };
    Some((day, month, y))
}

/// The date of a day's heading, and where it ends in the text (what
/// follows it is the day's own title). `None` when the text is no date,
/// or says more before it than "Dag 2:".
pub fn day_heading(text: &str, _hint: Option<i32>) -> Option<Written> {
    day_heading_at(text).map(|(w, _)| w)
}

/// Like [`day_heading`], with the byte offset where the date ends.
pub fn day_heading_at(text: &str) -> Option<(Written, usize)> {
    let lower = text.to_lowercase();
    if lower.len() > 120 || lower.len() != text.len() {
        // Lower-casing changed the length (rare letters): read as is.
        if lower.len() != text.len() {
            return None;
        }
        return None;
    }
    // Words with their end offsets.
    let mut words: Vec<(&str, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        let sep = c.is_whitespace() || c == ',' || c == '(' || c == ')';
        match (sep, start) {
            (true, Some(s)) => {
                words.push((&lower[s..i], i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((&lower[s..], lower.len()));
    }
    let mut i = 0;
    // "Dag 2:", "Dag 2 –", "Day 2:"
    if matches!(words.first().map(|w| w.0), Some("dag" | "day"))
        && words
            .get(1)
            .is_some_and(|w| number(w.0.trim_end_matches([':', '.']), 14).is_some())
    {
        i = 2;
        if words.get(i).is_some_and(|w| matches!(w.0, "-" | "–" | ":")) {
            i += 1;
        }
    }
    let mut wd = None;
    if let Some((w, en)) = words
        .get(i)
        .and_then(|w| weekday(w.0.trim_end_matches([',', '.', ':'])))
    {
        wd = Some((w, en));
        i += 1;
    }
    if words
        .get(i)
        .is_some_and(|w| matches!(w.0, "den" | "d." | "d" | "the"))
    {
        i += 1;
    }
    let (written, end) = if let Some((day, month, y)) = words.get(i).and_then(|w| numeric(w.0)) {
        let mut end = words[i].1;
        let mut y = y;
        if y.is_none()
            && let Some(yy) = words.get(i + 1).and_then(|w| year(w.0))
        {
            y = Some(yy);
            end = words[i + 1].1;
        }
        (
            Written {
                year: y,
                month,
                day,
                weekday: wd.map(|w| w.0),
                english: wd.is_some_and(|w| w.1),
            },
            end,
        )
    } else if let (Some(day), Some((m, en))) = (
        words.get(i).and_then(|w| number(w.0, 31)),
        words.get(i + 1).and_then(|w| month(w.0)),
    ) {
        // "17. april 2023", "17 April 2023"
        let mut end = words[i + 1].1;
        let y = words.get(i + 2).and_then(|w| year(w.0));
        if y.is_some() {
            end = words[i + 2].1;
        }
        let english = wd.map_or(en || !words[i].0.ends_with('.'), |w| w.1);
        (
            Written {
                year: y,
                month: m,
                day,
                weekday: wd.map(|w| w.0),
                english,
            },
            end,
        )
    } else if let (Some((m, _)), Some(day)) = (
        words.get(i).and_then(|w| month(w.0)),
        words.get(i + 1).and_then(|w| number(w.0, 31)),
    ) {
        // "April 18, 2023"
        let mut end = words[i + 1].1;
        let y = words.get(i + 2).and_then(|w| year(w.0));
        if y.is_some() {
            end = words[i + 2].1;
        }
        (
            Written {
                year: y,
                month: m,
                day,
                weekday: wd.map(|w| w.0),
                english: true,
            },
            end,
        )
    } else {
        return None;
    };
    // Without a weekday, only a date alone (or after "Dag 2") is a day.
    let rest = &text[end..];
    if written.weekday.is_none() && written.year.is_none() {
        return None;
    }
    if written.weekday.is_none() && i == 0 && rest.split_whitespace().count() > 0 {
        return None;
    }
    // What follows must be set apart ("– Ankomst", ": Besøg") or nothing.
    let rest_t = rest.trim_start();
    if !rest_t.is_empty()
        && !rest_t.starts_with(['-', '–', '—', ':', '|', '('])
        && rest_t.split_whitespace().count() > 0
    {
        return None;
    }
    Some((written, end))
}

/// The date meant, its year taken from `years` (those the document
/// mentions, most likely first) when not written: the first in which the
/// weekday fits, else the first.
pub fn resolve(w: Written, years: &[i32]) -> Option<NaiveDate> {
    let fits = |y: i32| {
        NaiveDate::from_ymd_opt(y, w.month, w.day)
            .filter(|d| w.weekday.is_none_or(|wd| d.weekday() == wd))
    };
    if let Some(y) = w.year {
        return NaiveDate::from_ymd_opt(y, w.month, w.day);
    }
    years.iter().find_map(|&y| fits(y)).or_else(|| {
        years
            .first()
            .and_then(|&y| NaiveDate::from_ymd_opt(y, w.month, w.day))
    })
}

#[cfg(test)]
mod tests {
    use crate::import::dates::*;

    fn d(t: &str) -> Option<(Option<i32>, u32, u32)> {
        day_heading(t, None).map(|w| (w.year, w.month, w.day))
    }

    #[test]
    fn danish_and_english_headings() {
        assert_eq!(d("Mandag den 17. april 2023"), Some((Some(2023), 4, 17)));
        assert_eq!(d("Tirsdag d. 18/4"), Some((None, 4, 18)));
        assert_eq!(d("Tirsdag d. 18/4-2023"), Some((Some(2023), 4, 18)));
        assert_eq!(d("Onsdag 19.4.2023"), Some((Some(2023), 4, 19)));
        assert_eq!(d("Dag 4: Torsdag den 20. april"), Some((None, 4, 20)));
        assert_eq!(d("Monday 17 April 2023"), Some((Some(2023), 4, 17)));
        assert_eq!(d("Tuesday, April 18, 2023"), Some((Some(2023), 4, 18)));
        assert_eq!(
            d("Mandag den 17. april 2023 – Ankomst"),
            Some((Some(2023), 4, 17))
        );
        assert_eq!(d("17. april 2023"), Some((Some(2023), 4, 17)));
        assert!(day_heading("Monday 17 April 2023", None).unwrap().english);
        assert!(
            !day_heading("Mandag den 17. april 2023", None)
                .unwrap()
                .english
        );
    }

    #[test]
    fn not_dates() {
        for t in [
            "Som det første programpunkt tirsdag den 18. april 2023 besøgte",
            "Mandag den 17. april 2023 besøgte udvalget",
            "17. april",
            "Mandag",
            "Programmet",
            "Tirsdag den 31. februar",
        ] {
            let r = day_heading(t, None).and_then(|w| resolve(w, &[2023]));
            assert!(r.is_none(), "{t}: {r:?}");
        }
    }

    #[test]
    fn the_year_from_the_weekday() {
        let w = day_heading("Tirsdag d. 18/4", None).unwrap();
        assert_eq!(
            resolve(w, &[2022, 2023]),
            NaiveDate::from_ymd_opt(2023, 4, 18)
        );
    }
}
