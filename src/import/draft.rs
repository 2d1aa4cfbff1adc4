//! A trip as recognised in a document, before it is written as a trip
//! file: every value with the text it was read from, so the file can show
//! where each came from, and the notes for the person who checks it.

use crate::messages::Msg;
use crate::money::Amount;
use chrono::NaiveDate;

/// A recognised trip.
#[derive(Debug, Default)]
pub struct Draft {
    /// `[trip]`.
    pub trip: TripDraft,
    /// `[author]`.
    pub author: Option<AuthorDraft>,
    /// `[introduction]`.
    pub introduction: Option<Text>,
    /// `[[participant]]`.
    pub participants: Vec<ParticipantDraft>,
    /// `[[day]]`, in date order.
    pub days: Vec<DayDraft>,
    /// `[[section]]`.
    pub sections: Vec<SectionDraft>,
    /// `[accounts]`.
    pub accounts: Option<AccountsDraft>,
    /// What was recognised (for the report).
    pub found: Vec<Msg>,
    /// What a person must look at.
    pub check: Vec<Msg>,
    /// Text of the document used up by the recognition without being a
    /// value of the file (a day's heading, a sum row): kept as comments.
    pub used: Vec<String>,
    /// The pictures' files: path relative to the trip file, and bytes.
    pub images: Vec<(String, std::sync::Arc<[u8]>)>,
}

/// `[trip]`.
#[derive(Debug, Default)]
pub struct TripDraft {
    /// `committee`.
    pub committee: String,
    /// `municipality`.
    pub municipality: String,
    /// `destination`.
    pub destination: String,
    /// `country`.
    pub country: Option<String>,
    /// `start`.
    pub start: Option<NaiveDate>,
    /// `end`.
    pub end: Option<NaiveDate>,
    /// `title`.
    pub title: Option<String>,
    /// `subtitle`.
    pub subtitle: Option<String>,
    /// `language` ("en" when English).
    pub english: bool,
    /// `case`.
    pub case: Option<String>,
    /// `cover`.
    pub cover: Option<ImageDraft>,
}

/// Markdown text of a `text` key.
pub type Text = TextDraft;

/// A `text` and the title above it.
#[derive(Debug, Default, Clone)]
pub struct TextDraft {
    /// The heading it had, if any.
    pub title: Option<String>,
    /// The Markdown text.
    pub text: String,
}

/// `[author]`.
#[derive(Debug, Default, Clone)]
pub struct AuthorDraft {
    /// `name`.
    pub name: String,
    /// `title`.
    pub title: Option<String>,
    /// `organisation`.
    pub organisation: Option<String>,
    /// `email`.
    pub email: Option<String>,
    /// `phone`.
    pub phone: Option<String>,
    /// The lines it was read from.
    pub source: Vec<String>,
}

/// `[[participant]]`.
#[derive(Debug, Default, Clone)]
pub struct ParticipantDraft {
    /// `name`.
    pub name: String,
    /// `role`.
    pub role: Option<String>,
    /// `party`: the letters after the name ("S" of "Orla Hav (S)").
    pub party: Option<String>,
    /// `group`.
    pub group: Option<String>,
}

/// `[[day]]`.
#[derive(Debug, Default)]
pub struct DayDraft {
    /// `date`.
    pub date: Option<NaiveDate>,
    /// `title`, when the heading says more than the date.
    pub title: Option<String>,
    /// `place`, when the document says where the day is spent.
    pub place: Option<String>,
    /// `text`: what stands between the day's heading (and programme) and
    /// its first visit.
    pub text: String,
    /// Pictures that stood in the day's own text: they go with its first
    /// visit (a day has no pictures of its own).
    pub images: Vec<ImageDraft>,
    /// `agenda`.
    pub agenda: Vec<AgendaDraft>,
    /// `[[day.section]]`.
    pub sections: Vec<SectionDraft>,
}

/// An agenda entry.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AgendaDraft {
    /// `time`.
    pub time: Option<String>,
    /// `text`.
    pub text: String,
    /// `points`.
    pub points: Vec<String>,
}

/// `[[day.section]]` or `[[section]]`.
#[derive(Debug, Default, Clone)]
pub struct SectionDraft {
    /// `title`.
    pub title: String,
    /// `text` (Markdown).
    pub text: String,
    /// `[[….image]]`.
    pub images: Vec<ImageDraft>,
}

/// A picture.
#[derive(Debug, Default, Clone)]
pub struct ImageDraft {
    /// `file`, relative to the trip file.
    pub file: String,
    /// `alt`.
    pub alt: String,
    /// Whether `alt` was made up (the document had none).
    pub alt_made: bool,
    /// `caption`.
    pub caption: Option<String>,
}

/// `[accounts]`.
#[derive(Debug, Default)]
pub struct AccountsDraft {
    /// `title`.
    pub title: Option<String>,
    /// `vat`: "excluded", "included" or "unstated".
    pub vat: &'static str,
    /// `participants`.
    pub participants: Option<u64>,
    /// `total`, only when it equals the items' sum.
    pub total: Option<Amount>,
    /// `published_total`: the sum as printed, when it is not the items'.
    pub published_total: Option<Amount>,
    /// The sum as the document printed it.
    pub printed_total: Option<Amount>,
    /// Whether the document printed a price per participant.
    pub price_printed: bool,
    /// `price = false`: the document printed no price per participant.
    pub no_price: bool,
    /// `text` (Markdown): what stood under the heading that was no item.
    pub text: String,
    /// `[[accounts.item]]`.
    pub items: Vec<ItemDraft>,
}

/// `[[accounts.item]]`.
#[derive(Debug, Default, Clone)]
pub struct ItemDraft {
    /// `label`.
    pub label: String,
    /// `amount`.
    pub amount: Amount,
    /// `budget`.
    pub budget: Option<Amount>,
}
