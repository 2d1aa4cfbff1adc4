//! The view: everything the template prints, already worded, formatted and
//! summed in Rust. The template receives it as `/data.json` and only lays it
//! out; its fields are documented in `templates/README.md`.

use crate::locale::{Labels, Lang};
use crate::markdown::Block;
use crate::money::Amount;
use crate::trip::{self, Picture, Trip};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use typst::foundations::Bytes;

/// The data of one report.
#[derive(Debug, Serialize)]
pub struct View {
    /// Version of this data's shape, for custom templates.
    pub version: u32,
    /// `da` or `en`.
    pub lang: &'static str,
    /// `dk` for Danish; absent for English.
    pub region: Option<&'static str>,
    /// The fixed texts.
    pub labels: &'static Labels,
    /// PDF metadata.
    pub document: DocumentInfo,
    /// The running header text.
    pub header: String,
    /// The title page.
    pub cover: CoverPage,
    /// The introduction.
    pub introduction: Option<Chapter>,
    /// Who went, by group.
    pub participants: Option<ParticipantList>,
    /// The programme.
    pub days: Vec<DayView>,
    /// Free sections.
    pub sections: Vec<SectionView>,
    /// The accounts table.
    pub accounts: Option<AccountsView>,
    /// The author's contact block.
    pub contact: Option<Contact>,
    /// Files to attach to the PDF as its sources (`--embed-source`); empty
    /// otherwise.
    pub attachments: Vec<AttachmentView>,
}

/// A file the template attaches to the PDF with `pdf.attach`.
#[derive(Debug, Serialize)]
pub struct AttachmentView {
    /// Its name in the PDF: the path relative to the trip file's folder.
    pub name: String,
    /// The virtual path its bytes are read from (`/source/…`).
    pub data: String,
    /// Its MIME type.
    pub mime: &'static str,
    /// What it is.
    pub description: String,
}

/// PDF metadata.
#[derive(Debug, Serialize)]
pub struct DocumentInfo {
    /// `Studietur 2023 – Amsterdam`.
    pub title: String,
    /// The author, else the committee.
    pub author: Vec<String>,
    /// Search keywords.
    pub keywords: Vec<String>,
    /// The creation date (`published`, else the last day).
    pub date: DateParts,
}

/// A date as numbers, for Typst's `datetime`.
#[derive(Debug, Serialize)]
pub struct DateParts {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl From<NaiveDate> for DateParts {
    fn from(d: NaiveDate) -> Self {
        DateParts {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }
    }
}

/// The title page.
#[derive(Debug, Serialize)]
pub struct CoverPage {
    /// `Studietur 2023`.
    pub title: String,
    /// `Amsterdam`, with the country when given: `Amsterdam, Holland`.
    pub destination: String,
    /// The committee.
    pub committee: String,
    /// The municipality.
    pub municipality: String,
    /// `17.–20. april 2023`.
    pub dates: String,
    /// Under the title.
    pub subtitle: Option<String>,
    /// `Udgivet 1. juni 2023`, when `published` is given.
    pub published: Option<String>,
    /// The logo.
    pub logo: Option<ImageView>,
    /// The cover photo.
    pub photo: Option<ImageView>,
}

/// An image as the template places it.
#[derive(Debug, Serialize)]
pub struct ImageView {
    /// Its path inside the document's virtual file system (`/assets/0.jpg`).
    pub path: String,
    /// Text alternative; `null` for decorative images (artifacts).
    pub alt: Option<String>,
    /// Printed under the image.
    pub caption: Option<String>,
    /// Width / height.
    pub aspect: f64,
}

/// A heading with text.
#[derive(Debug, Serialize)]
pub struct Chapter {
    /// Heading.
    pub title: String,
    /// Text.
    pub body: Vec<Block>,
}

/// The participants.
#[derive(Debug, Serialize)]
pub struct ParticipantList {
    /// `Deltagere`.
    pub title: String,
    /// Groups in order of first appearance.
    pub groups: Vec<ParticipantGroup>,
}

/// One group of participants.
#[derive(Debug, Serialize)]
pub struct ParticipantGroup {
    /// The group's name; `null` for those without a group.
    pub name: Option<String>,
    /// `Name, Rolle` lines.
    pub people: Vec<String>,
}

/// One day.
#[derive(Debug, Serialize)]
pub struct DayView {
    /// `Mandag den 17. april 2023`.
    pub title: String,
    /// The agenda's bullets.
    pub agenda: Vec<String>,
    /// The visits.
    pub sections: Vec<SectionView>,
}

/// A section with photos.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// Heading.
    pub title: String,
    /// Text.
    pub body: Vec<Block>,
    /// Photos.
    pub images: Vec<ImageView>,
}

/// The accounts table.
#[derive(Debug, Serialize)]
pub struct AccountsView {
    /// `Regnskab`.
    pub title: String,
    /// Header cells: item, amount and (when budgets are given) budget.
    pub columns: Vec<String>,
    /// Whether there is a budget column.
    pub has_budget: bool,
    /// The rows.
    pub rows: Vec<AccountRow>,
    /// The sum row.
    pub total: AccountRow,
    /// `Antal deltagere: 10`.
    pub participants: String,
    /// `Pris per deltager: 12.959,90 kr.`.
    pub price: String,
}

/// One row of the accounts.
#[derive(Debug, Serialize)]
pub struct AccountRow {
    /// Item text.
    pub label: String,
    /// Formatted amount.
    pub amount: String,
    /// Formatted budget, or empty when this row has none.
    pub budget: String,
    /// A footnote.
    pub note: Option<String>,
}

/// The author's contact block: each field the trip file gives.
#[derive(Debug, Serialize)]
pub struct Contact {
    /// `Kontakt`.
    pub title: String,
    /// The author's name (or a unit's).
    pub name: String,
    /// The job title (`Specialkonsulent`).
    pub role: Option<String>,
    /// The department.
    pub organisation: Option<String>,
    /// The email address (to link).
    pub email: Option<String>,
    /// The telephone number.
    pub phone: Option<String>,
}

/// The files the view refers to (images), by virtual path.
pub type Assets = Vec<(String, Bytes)>;

/// The report's title: `title`, else "Studietur <year>".
pub fn report_title(trip: &Trip) -> String {
    trip.title
        .clone()
        .unwrap_or_else(|| trip.lang.default_title(trip.start.year()))
}

/// Builds the view of `trip` and the image files it refers to.
pub fn build(trip: &Trip) -> (View, Assets) {
    let lang = trip.lang;
    let labels = lang.labels();
    let mut assets: Assets = Vec::new();
    let mut image = |p: &Picture| -> ImageView {
        let path = format!("/assets/{}.{}", assets.len(), p.extension);
        assets.push((path.clone(), p.bytes.clone()));
        ImageView {
            path,
            alt: p.alt.clone(),
            caption: p.caption.clone(),
            aspect: p.aspect,
        }
    };
    let title = report_title(trip);
    let full_title = format!("{title} – {}", trip.destination);
    let destination = match &trip.country {
        Some(c) => format!("{}, {c}", trip.destination),
        None => trip.destination.clone(),
    };
    let cover = CoverPage {
        title: title.clone(),
        destination,
        committee: trip.committee.clone(),
        municipality: trip.municipality.clone(),
        dates: lang.date_range(trip.start, trip.end),
        subtitle: trip.subtitle.clone(),
        published: trip.published.map(|d| lang.published_line(d)),
        logo: trip.logo.as_ref().map(&mut image),
        photo: trip.cover.as_ref().map(&mut image),
    };
    let mut section = |s: &trip::Section| SectionView {
        title: s.title.clone(),
        body: s.body.clone(),
        images: s.images.iter().map(&mut image).collect(),
    };
    let days = trip
        .days
        .iter()
        .map(|d| DayView {
            title: d.title.clone().unwrap_or_else(|| lang.day_title(d.date)),
            agenda: d
                .agenda
                .clone()
                .unwrap_or_else(|| d.sections.iter().map(|s| s.title.clone()).collect()),
            sections: d.sections.iter().map(&mut section).collect(),
        })
        .collect();
    let sections = trip.sections.iter().map(&mut section).collect();
    let author_names = match &trip.author {
        Some(a) => vec![a.name.clone()],
        None => vec![trip.committee.clone()],
    };
    let view = View {
        version: 1,
        lang: lang.code(),
        region: lang.region(),
        labels,
        document: DocumentInfo {
            title: full_title.clone(),
            author: author_names,
            keywords: vec![
                title.clone(),
                trip.destination.clone(),
                trip.committee.clone(),
                trip.municipality.clone(),
            ],
            date: trip.document_date().into(),
        },
        header: full_title,
        cover,
        introduction: trip.introduction.as_ref().map(|i| Chapter {
            title: i
                .title
                .clone()
                .unwrap_or_else(|| labels.introduction.into()),
            body: i.body.clone(),
        }),
        participants: participants(trip),
        days,
        sections,
        accounts: trip.accounts.as_ref().map(|a| accounts(a, lang)),
        contact: trip.author.as_ref().map(|a| Contact {
            title: labels.contact.into(),
            name: a.name.clone(),
            role: Some(a.title.clone()),
            organisation: Some(a.organisation.clone()),
            email: a.email.clone(),
            phone: a.phone.clone(),
        }),
        attachments: Vec::new(),
    };
    (view, assets)
}

fn participants(trip: &Trip) -> Option<ParticipantList> {
    if trip.participants.is_empty() {
        return None;
    }
    let mut groups: Vec<ParticipantGroup> = Vec::new();
    for p in &trip.participants {
        let line = match &p.role {
            Some(r) => format!("{}, {r}", p.name),
            None => p.name.clone(),
        };
        match groups.iter_mut().find(|g| g.name == p.group) {
            Some(g) => g.people.push(line),
            None => groups.push(ParticipantGroup {
                name: p.group.clone(),
                people: vec![line],
            }),
        }
    }
    Some(ParticipantList {
        title: trip.lang.labels().participants.into(),
        groups,
    })
}

fn accounts(a: &trip::Accounts, lang: Lang) -> AccountsView {
    let labels = lang.labels();
    let has_budget = a.budget_sum.is_some();
    let mut columns = vec![labels.item.to_string(), lang.amount_heading(a.vat)];
    if has_budget {
        columns.push(lang.budget_heading(a.vat));
    }
    // A column shows øre everywhere when any of its amounts has øre.
    let amounts_ore = a.items.iter().any(|i| i.amount.has_ore()) || a.sum.has_ore();
    let budgets_ore = a.items.iter().filter_map(|i| i.budget).any(Amount::has_ore)
        || a.budget_sum.is_some_and(Amount::has_ore);
    let fmt_budget = |b: Option<Amount>| b.map_or(String::new(), |b| b.format(lang, budgets_ore));
    AccountsView {
        title: a.title.clone().unwrap_or_else(|| labels.accounts.into()),
        columns,
        has_budget,
        rows: a
            .items
            .iter()
            .map(|i| AccountRow {
                label: i.label.clone(),
                amount: i.amount.format(lang, amounts_ore),
                budget: fmt_budget(i.budget),
                note: i.note.clone(),
            })
            .collect(),
        total: AccountRow {
            label: labels.total.into(),
            amount: a.sum.format(lang, amounts_ore),
            budget: fmt_budget(a.budget_sum),
            note: None,
        },
        participants: lang.participant_count_line(a.participants),
        price: lang.price_line(&a.per_participant.format(lang, false)),
    }
}
