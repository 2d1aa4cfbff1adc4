//! The trip file as written: format 1 of `trip-format.md`, read with serde.
//!
//! Every key carries its place in the file ([`Spanned`]) so that checking
//! can point at it. Unknown keys are refused. These types hold the text as
//! written; [`crate::check`] turns them into the checked [`crate::trip`].

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use toml::Spanned;
use toml::value::Datetime;

/// A text value with its place in the file.
pub type Text = Spanned<String>;

/// A whole trip file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TripFile {
    /// The format version; only 1 exists.
    pub format: Option<Spanned<toml::Value>>,
    /// `[trip]`: what, where and when.
    pub trip: Spanned<TripTable>,
    /// `[author]`: who wrote the report.
    pub author: Option<Author>,
    /// `[introduction]`.
    pub introduction: Option<Introduction>,
    /// `[[participant]]`: who went.
    #[serde(default)]
    pub participant: Vec<Participant>,
    /// `[[day]]`: the programme.
    #[serde(default)]
    pub day: Vec<Spanned<Day>>,
    /// `[[section]]`: free sections after the programme.
    #[serde(default)]
    pub section: Vec<Section>,
    /// `[accounts]`: "Regnskab".
    pub accounts: Option<Spanned<Accounts>>,
}

/// `[trip]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TripTable {
    /// The committee that travelled.
    pub committee: Text,
    /// The municipality.
    pub municipality: Text,
    /// Where the trip went.
    pub destination: Text,
    /// The destination's country.
    pub country: Option<Text>,
    /// First day.
    pub start: Spanned<Datetime>,
    /// Last day; default `start` (a one-day trip).
    pub end: Option<Spanned<Datetime>>,
    /// The report's title; default "Studietur <year>".
    pub title: Option<Text>,
    /// Shown under the title.
    pub subtitle: Option<Text>,
    /// Publication date; default the `end` date.
    pub published: Option<Spanned<Datetime>>,
    /// `"da"` or `"en"`.
    pub language: Option<Text>,
    /// The municipality's logo.
    pub logo: Option<Spanned<Logo>>,
    /// The cover photo.
    pub cover: Option<Spanned<Image>>,
    /// The case (journal) number the report belongs to.
    pub case: Option<Text>,
    /// Whether the report has a contents page; default: when its body
    /// runs to more than 4 pages.
    pub contents: Option<Spanned<bool>>,
}

/// `logo = { file, alt }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// Path relative to the trip file's folder.
    pub file: Text,
    /// Text alternative.
    pub alt: Option<Text>,
    /// An artifact for screen readers when true.
    pub decorative: Option<Spanned<bool>>,
}

/// A photo: `cover`, `[[day.section.image]]`, `[[section.image]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// Path relative to the trip file's folder.
    pub file: Text,
    /// Printed under the photo.
    pub caption: Option<Text>,
    /// The text a screen reader speaks.
    pub alt: Option<Text>,
    /// An artifact for screen readers when true.
    pub decorative: Option<Spanned<bool>>,
}

/// `[author]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// Full name (or a unit's).
    pub name: Text,
    /// Job title.
    pub title: Option<Text>,
    /// Department.
    pub organisation: Option<Text>,
    /// E-mail address.
    pub email: Option<Text>,
    /// Telephone.
    pub phone: Option<Text>,
}

/// `[introduction]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Introduction {
    /// Heading; default the language's label.
    pub title: Option<Text>,
    /// `false`: the text opens the report without a heading.
    pub heading: Option<Spanned<bool>>,
    /// Markdown subset.
    pub text: Text,
}

/// `[[participant]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Full name.
    pub name: Text,
    /// E.g. "Formand".
    pub role: Option<Text>,
    /// The party's letter(s): "S".
    pub party: Option<Text>,
    /// E.g. "Byrådsmedlemmer".
    pub group: Option<Text>,
}

/// `[[day]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    /// The day.
    pub date: Spanned<Datetime>,
    /// Heading; default the date written out.
    pub title: Option<Text>,
    /// Where the day is spent.
    pub place: Option<Text>,
    /// The day's own text (Markdown subset), without a heading.
    pub text: Option<Text>,
    /// The day's bullet list; default the sections' titles.
    pub agenda: Option<Spanned<Vec<Spanned<AgendaEntry>>>>,
    /// `[[day.section]]`.
    #[serde(default)]
    pub section: Vec<Section>,
}

/// One entry of a day's `agenda`: a text, or a table with a time and
/// sub-points.
#[derive(Debug)]
pub enum AgendaEntry {
    /// `"Velkomst ved …"`.
    Text(String),
    /// `{ time = "10.30–12.00", text = "Oplæg ved …", points = ["…"] }`.
    Item(AgendaItem),
}

impl<'de> Deserialize<'de> for AgendaEntry {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entry;
        impl<'de> Visitor<'de> for Entry {
            type Value = AgendaEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text or a table with `text`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AgendaEntry, E> {
                Ok(AgendaEntry::Text(v.to_string()))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<AgendaEntry, M::Error> {
                AgendaItem::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(AgendaEntry::Item)
            }
        }
        d.deserialize_any(Entry)
    }
}

/// An agenda entry written as a table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// When, as written (`10.30–12.00`).
    pub time: Option<Text>,
    /// What.
    pub text: Text,
    /// Sub-points.
    pub points: Option<Spanned<Vec<Text>>>,
}

/// `[[day.section]]` and `[[section]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Heading.
    pub title: Text,
    /// Markdown subset.
    pub text: Text,
    /// Photos.
    #[serde(default)]
    pub image: Vec<Spanned<Image>>,
}

/// `[accounts]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accounts {
    /// Heading; default the language's label.
    pub title: Option<Text>,
    /// `"excluded"` (default), `"included"` or `"unstated"`.
    pub vat: Option<Text>,
    /// How many went.
    pub participants: Option<Spanned<i64>>,
    /// Must equal the sum of the items.
    pub total: Option<Spanned<toml::Value>>,
    /// The sum as the approved report printed it (not with `total`).
    pub published_total: Option<Spanned<toml::Value>>,
    /// `false`: no price per participant.
    pub price: Option<Spanned<bool>>,
    /// Markdown between the heading and the table.
    pub text: Option<Text>,
    /// `[[accounts.item]]`.
    #[serde(default)]
    pub item: Vec<Item>,
}

/// `[[accounts.item]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// What the money went to.
    pub label: Text,
    /// What was spent.
    pub amount: Spanned<toml::Value>,
    /// What was budgeted.
    pub budget: Option<Spanned<toml::Value>>,
    /// A footnote to the row.
    pub note: Option<Text>,
}
