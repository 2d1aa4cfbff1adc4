//! The overview across years: one PDF/A-2a + PDF/UA-1 document with a table
//! per year (committee, destination, dates, participants, total, price per
//! participant, VAT basis) and a bar chart of the price per participant,
//! so the byråd sees the years together. All numbers are worked out and
//! worded here; the template `templates/overview/` only lays them out.

use crate::diagnostic::Diagnostic;
use crate::locale::Lang;
use crate::messages::making as m;
use crate::money::Amount;
use crate::template::{OVERVIEW, Template};
use crate::trip::Trip;
use crate::view::{DateParts, DocumentInfo, join_units};
use crate::world::ReportWorld;
use chrono::Datelike;
use serde::Serialize;
use typst::foundations::Bytes;

/// The data of the overview, `/data.json` of its template.
#[derive(Debug, Serialize)]
pub struct OverviewView {
    /// Version of this data's shape.
    pub version: u32,
    /// `da` or `en`.
    pub lang: &'static str,
    /// `dk` for Danish.
    pub region: Option<&'static str>,
    /// PDF metadata.
    pub document: DocumentInfo,
    /// "Studieture 2022–2024".
    pub title: String,
    /// The municipalities and committees.
    pub subtitle: String,
    /// The running header's right-hand side: `subtitle` when it is short,
    /// else the number of municipalities and committees.
    pub header: String,
    /// A sentence on what the document holds.
    pub intro: String,
    /// "Side" / "Page".
    pub page: &'static str,
    /// "af" / "of".
    pub of: &'static str,
    /// The table's column headings.
    pub columns: Vec<String>,
    /// One table per year, years ascending.
    pub years: Vec<YearView>,
    /// The chart of the price per participant.
    pub chart: Option<ChartView>,
}

/// The trips of one year.
#[derive(Debug, Serialize)]
pub struct YearView {
    /// "2023".
    pub year: String,
    /// Its trips, by start date.
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a year's table.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// Its text.
    Text(String),
    /// A text with a second, smaller line: a destination with the places
    /// the trip's days were spent in.
    Lines {
        /// The first line.
        text: String,
        /// The second line.
        sub: String,
    },
}

/// The longest line of places the destination column shows (about two
/// lines of the column); a longer one is left out.
const PLACES_CHARS: usize = 60;

/// The places a trip's days were spent in, in order, as one line: when the
/// destination does not name them all already and the line fits.
fn places(t: &Trip) -> Option<String> {
    let mut places: Vec<&str> = Vec::new();
    for p in t.days.iter().filter_map(|d| d.place.as_deref()) {
        if !places.contains(&p) {
            places.push(p);
        }
    }
    let destination = t.destination.to_lowercase();
    if places
        .iter()
        .all(|p| destination.contains(&p.to_lowercase()))
    {
        return None;
    }
    let line = places.join(", ");
    (line.chars().count() <= PLACES_CHARS).then_some(line)
}

/// A bar chart, one bar per trip with accounts.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// Its heading.
    pub title: String,
    /// The text a screen reader speaks instead of the drawing.
    pub alt: String,
    /// The bars, in time order.
    pub bars: Vec<Bar>,
}

/// One bar.
#[derive(Debug, Serialize)]
pub struct Bar {
    /// "2023 · Amsterdam".
    pub label: String,
    /// "12.959,90 kr.".
    pub value: String,
    /// Its length relative to the longest bar, 0 to 1.
    pub fraction: f64,
}

/// The longest list of municipalities and committees the running header
/// shows as it is.
const HEADER_CHARS: usize = 90;

/// The overview's date: that of the latest report, so the same trips give
/// the same PDF.
fn date(trips: &[Trip]) -> chrono::NaiveDate {
    trips
        .iter()
        .map(Trip::document_date)
        .max()
        .unwrap_or_default()
}

/// The view of the overview of `trips` (in any order), in `lang`, dated
/// `date`.
fn build(trips: &[Trip], lang: Lang, date: chrono::NaiveDate) -> OverviewView {
    let w = lang.overview();
    let mut trips: Vec<&Trip> = trips.iter().collect();
    trips.sort_by(|a, b| {
        (a.start, &a.committee, &a.destination).cmp(&(b.start, &b.committee, &b.destination))
    });
    let first = trips.first().map_or(0, |t| t.start.year());
    let last = trips.last().map_or(0, |t| t.start.year());
    let span = if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    };
    let title = format!("{} {span}", w.title);
    let mut municipalities: Vec<&str> = trips.iter().map(|t| t.municipality.as_str()).collect();
    municipalities.sort();
    municipalities.dedup();
    let mut committees: Vec<&str> = trips.iter().map(|t| t.committee.as_str()).collect();
    committees.sort();
    committees.dedup();
    let subtitle = join_units(&format!(
        "{} · {}",
        municipalities.join(", "),
        committees.join(", ")
    ));
    // The running header has one short line: the list itself when it is
    // short, else how many there are (the first page lists them all).
    let header = if subtitle.chars().count() <= HEADER_CHARS {
        subtitle.clone()
    } else {
        lang.overview_counts(municipalities.len(), committees.len())
    };
    let mut years: Vec<YearView> = Vec::new();
    let mut bars: Vec<(String, Amount)> = Vec::new();
    for t in &trips {
        let year = t.start.year().to_string();
        let destination = match &t.country {
            Some(c) => format!("{}, {c}", t.destination),
            None => t.destination.clone(),
        };
        let (participants, total, price, vat) = match &t.accounts {
            Some(a) => {
                if let Some(p) = a.per_participant {
                    bars.push((join_units(&format!("{year} · {}", t.destination)), p));
                }
                (
                    a.participants.map_or(w.none.to_string(), |n| n.to_string()),
                    a.total().format(lang, false),
                    a.per_participant
                        .map_or(w.none.to_string(), |p| p.format(lang, false)),
                    lang.vat(a.vat).to_string(),
                )
            }
            None => {
                let n = if t.participants.is_empty() {
                    w.none.to_string()
                } else {
                    t.participants.len().to_string()
                };
                (n, w.none.into(), w.none.into(), w.none.into())
            }
        };
        let destination = match places(t) {
            Some(sub) => Cell::Lines {
                text: join_units(&destination),
                sub: join_units(&sub),
            },
            None => Cell::Text(join_units(&destination)),
        };
        let row = vec![
            Cell::Text(join_units(&t.committee)),
            destination,
            Cell::Text(lang.date_range(t.start, t.end)),
            Cell::Text(participants),
            Cell::Text(total),
            Cell::Text(price),
            Cell::Text(vat),
        ];
        match years.last_mut() {
            Some(y) if y.year == year => y.rows.push(row),
            _ => years.push(YearView {
                year,
                rows: vec![row],
            }),
        }
    }
    let max = bars.iter().map(|(_, a)| a.ore()).max().unwrap_or(0);
    let chart = (!bars.is_empty()).then(|| {
        let spoken: Vec<String> = bars
            .iter()
            .map(|(label, a)| format!("{label}: {}", a.format(lang, false)))
            .collect();
        ChartView {
            title: w.chart.into(),
            alt: format!("{}. {}.", w.chart_alt, spoken.join("; ")),
            bars: bars
                .iter()
                .map(|(label, a)| Bar {
                    label: label.clone(),
                    value: a.format(lang, false),
                    fraction: if max > 0 {
                        a.ore() as f64 / max as f64
                    } else {
                        0.0
                    },
                })
                .collect(),
        }
    });
    let labels = lang.labels();
    OverviewView {
        version: 1,
        lang: lang.code(),
        region: lang.region(),
        document: DocumentInfo {
            title: title.clone(),
            author: municipalities.iter().map(|m| m.to_string()).collect(),
            keywords: vec![w.title.into(), span.clone()],
            description: None,
            date: DateParts::from(date),
        },
        intro: lang.overview_intro(trips.len(), &span),
        title,
        subtitle,
        header,
        page: labels.page,
        of: labels.of,
        columns: w.columns.iter().map(|c| c.to_string()).collect(),
        years,
        chart,
    }
}

/// Lays out the overview of `trips` as a PDF/A-2a + PDF/UA-1 document.
pub fn render(trips: &[Trip], lang: Lang) -> Result<crate::render::Rendered, Vec<Diagnostic>> {
    let date = date(trips);
    let view = build(trips, lang, date);
    let data = serde_json::to_vec_pretty(&view).map_err(|e| {
        vec![Diagnostic::plain(m::overview_data_unwritable(
            e.to_string(),
        ))]
    })?;
    let world = ReportWorld::new(
        Template::Builtin(&OVERVIEW),
        vec![("/data.json".into(), Bytes::new(data))],
        date,
    );
    let result = crate::render::layout(&world, "overview");
    crate::render::evict_caches();
    result
}
