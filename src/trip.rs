//! The checked trip: every value valid, every file read, every sum done.
//! Made by [`crate::validation`], read by [`crate::view`].

use crate::locale::Lang;
use crate::markdown::Block;
use crate::money::Amount;
use chrono::NaiveDate;
use typst::foundations::Bytes;

/// One study trip, checked.
#[derive(Debug, Clone)]
pub struct Trip {
    /// Language of the labels, dates and numbers.
    pub lang: Lang,
    /// The committee that travelled.
    pub committee: String,
    /// The municipality.
    pub municipality: String,
    /// Where the trip went.
    pub destination: String,
    /// The destination's country.
    pub country: Option<String>,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// An explicit title (the view supplies "Studietur <year>" otherwise).
    pub title: Option<String>,
    /// Shown under the title.
    pub subtitle: Option<String>,
    /// Publication date, when given.
    pub published: Option<NaiveDate>,
    /// The logo.
    pub logo: Option<Picture>,
    /// The cover photo.
    pub cover: Option<Picture>,
    /// Who wrote the report.
    pub author: Option<Author>,
    /// The introduction.
    pub introduction: Option<Introduction>,
    /// Who went, in the order written.
    pub participants: Vec<Participant>,
    /// The programme, dates ascending.
    pub days: Vec<Day>,
    /// Free sections after the programme.
    pub sections: Vec<Section>,
    /// The accounts.
    pub accounts: Option<Accounts>,
}

impl Trip {
    /// The date the PDF is dated: `published`, else the last day.
    pub fn document_date(&self) -> NaiveDate {
        self.published.unwrap_or(self.end)
    }

    /// Every file the trip file names (as written, relative to its folder),
    /// sorted and without repeats.
    pub fn files(&self) -> Vec<String> {
        let sections = self
            .days
            .iter()
            .flat_map(|d| &d.sections)
            .chain(&self.sections);
        let mut files: Vec<String> = self
            .logo
            .iter()
            .chain(&self.cover)
            .chain(sections.flat_map(|s| &s.images))
            .map(|p| p.file.clone())
            .collect();
        files.sort();
        files.dedup();
        files
    }
}

/// An image file, read and recognised.
#[derive(Debug, Clone)]
pub struct Picture {
    /// The path as written in the trip file.
    pub file: String,
    /// The file's bytes, read once.
    pub bytes: Bytes,
    /// The file name extension that matches its content (`png`, `jpg`, `gif`,
    /// `webp`, `svg`).
    pub extension: &'static str,
    /// Width divided by height, as it will be printed.
    pub aspect: f64,
    /// What a screen reader speaks; `None` for a decorative image.
    pub alt: Option<String>,
    /// Printed under the photo.
    pub caption: Option<String>,
}

/// Who wrote the report.
#[derive(Debug, Clone)]
pub struct Author {
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Department.
    pub organisation: String,
    /// E-mail.
    pub email: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
}

/// The introduction.
#[derive(Debug, Clone)]
pub struct Introduction {
    /// An explicit heading.
    pub title: Option<String>,
    /// The text.
    pub body: Vec<Block>,
}

/// One participant.
#[derive(Debug, Clone)]
pub struct Participant {
    /// Full name.
    pub name: String,
    /// E.g. "Formand".
    pub role: Option<String>,
    /// E.g. "Byrådsmedlemmer".
    pub group: Option<String>,
}

/// One day of the programme.
#[derive(Debug, Clone)]
pub struct Day {
    /// The date.
    pub date: NaiveDate,
    /// An explicit heading.
    pub title: Option<String>,
    /// An explicit agenda.
    pub agenda: Option<Vec<String>>,
    /// The visits.
    pub sections: Vec<Section>,
}

/// A visit, talk or free section.
#[derive(Debug, Clone)]
pub struct Section {
    /// Heading.
    pub title: String,
    /// Text.
    pub body: Vec<Block>,
    /// Photos.
    pub images: Vec<Picture>,
}

/// Whether amounts include VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vat {
    /// "ekskl. moms".
    Excluded,
    /// "inkl. moms".
    Included,
}

/// The accounts, with their derived sums.
#[derive(Debug, Clone)]
pub struct Accounts {
    /// An explicit heading.
    pub title: Option<String>,
    /// Whether amounts include VAT.
    pub vat: Vat,
    /// How many went.
    pub participants: u64,
    /// The rows.
    pub items: Vec<Item>,
    /// Sum of the items.
    pub sum: Amount,
    /// Sum of the budgets, when any item has one.
    pub budget_sum: Option<Amount>,
    /// `sum / participants`, rounded to the øre, halves away from zero.
    pub per_participant: Amount,
}

/// One row of the accounts.
#[derive(Debug, Clone)]
pub struct Item {
    /// What the money went to.
    pub label: String,
    /// What was spent.
    pub amount: Amount,
    /// What was budgeted.
    pub budget: Option<Amount>,
    /// A footnote.
    pub note: Option<String>,
}
