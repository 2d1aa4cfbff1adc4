//! The view: everything the template prints, already worded, formatted and
//! summed in Rust. The template receives it as `/data.json` and only lays it
//! out; its fields are documented in `templates/README.md`.

mod accounts;
mod nobreak;

pub use accounts::{AccountRow, AccountsView};
pub use nobreak::{NO_BREAK, join as join_units};

use crate::locale::Labels;
use crate::markdown::Block;
use crate::trip::{self, Picture, Trip};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use typst::foundations::Bytes;

/// The version of the view's shape; custom templates may check it.
pub const VERSION: u32 = 2;

/// The data of one report.
#[derive(Debug, Serialize)]
pub struct View {
    /// Version of this data's shape, for custom templates.
    pub version: u32,
    /// The language of the trip's text: `da` or `en` (the PDF's language).
    pub lang: &'static str,
    /// `dk` for Danish; absent for English.
    pub region: Option<&'static str>,
    /// The language of the labels, dates and amounts the generator wrote.
    pub labels_lang: &'static str,
    /// Its region.
    pub labels_region: Option<&'static str>,
    /// The fixed texts, in the labels' language.
    pub labels: &'static Labels,
    /// PDF metadata.
    pub document: DocumentInfo,
    /// The running header text.
    pub header: String,
    /// Whether the report has a contents page; `null`: when its body runs
    /// to more than [`CONTENTS_AFTER_PAGES`] pages.
    pub contents: Option<bool>,
    /// The body's pages beyond which a contents page is shown by default.
    pub contents_after_pages: u32,
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

/// A report whose body runs to more pages than this gets a contents page
/// unless the trip file says otherwise.
pub const CONTENTS_AFTER_PAGES: u32 = 4;

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
    /// Search keywords (with the case number, when given).
    pub keywords: Vec<String>,
    /// `Sagsnr. 23/12345`, when a case number is given.
    pub description: Option<String>,
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
    /// Whether `title` is the generator's (in the labels' language).
    pub title_generated: bool,
    /// The title with the destination and country, once:
    /// `Studietur 2023 – Amsterdam, Holland`.
    pub full_title: String,
    /// `Amsterdam`, with the country when given: `Amsterdam, Holland`.
    pub destination: String,
    /// `destination` cut where a line may break: after each place and
    /// before the country (`["Los Angeles og", "San Diego,", "USA"]`). The
    /// title page keeps each part on one line when it fits, so that a
    /// place's name is not broken between its words.
    pub destination_parts: Vec<String>,
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
    /// The case number, when given.
    pub case: Option<CaseView>,
    /// The logo.
    pub logo: Option<ImageView>,
    /// The cover photo.
    pub photo: Option<ImageView>,
}

/// A case number with its label.
#[derive(Debug, Serialize)]
pub struct CaseView {
    /// `Sagsnr.` / `Case no.`.
    pub label: &'static str,
    /// As the trip file writes it.
    pub number: String,
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

/// The introduction.
#[derive(Debug, Serialize)]
pub struct Chapter {
    /// Heading.
    pub title: String,
    /// Whether `title` is the generator's (in the labels' language).
    pub title_generated: bool,
    /// Whether the heading is shown (and in the contents).
    pub heading: bool,
    /// Text.
    pub body: Vec<Block>,
}

/// The participants.
#[derive(Debug, Serialize)]
pub struct ParticipantList {
    /// `Deltagere`.
    pub title: String,
    /// Those without a group first (so that no reader takes them for the
    /// members of the group above them), then the groups in order of first
    /// appearance.
    pub groups: Vec<ParticipantGroup>,
}

/// One group of participants.
#[derive(Debug, Serialize)]
pub struct ParticipantGroup {
    /// The group's name; `null` for those without a group.
    pub name: Option<String>,
    /// `Name (Parti), Rolle` lines.
    pub people: Vec<String>,
}

/// One day.
#[derive(Debug, Serialize)]
pub struct DayView {
    /// `Mandag den 17. april 2023`, or the trip file's title.
    pub title: String,
    /// Whether `title` is the generator's (in the labels' language).
    pub title_generated: bool,
    /// Where the day is spent (printed under its title); absent when the
    /// trip file does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The day's own text, printed after its programme without a heading;
    /// absent when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<Block>,
    /// The agenda's entries.
    pub agenda: Vec<AgendaView>,
    /// Whether any entry has a time (the agenda gets a time column).
    pub timed: bool,
    /// The visits.
    pub sections: Vec<SectionView>,
}

/// One entry of a day's agenda.
#[derive(Debug, Serialize)]
pub struct AgendaView {
    /// When, as written.
    pub time: Option<String>,
    /// What.
    pub text: String,
    /// Sub-points.
    pub points: Vec<String>,
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

/// The report's title: `title`, else "Studietur <year>" in the labels'
/// language.
pub fn report_title(trip: &Trip) -> String {
    trip.title
        .clone()
        .unwrap_or_else(|| trip.labels.default_title(trip.start.year()))
}

/// The running header and PDF title: the report's title, followed by
/// ` – shown` only when the title does not already name the `destination`.
pub fn full_title(title: &str, destination: &str, shown: &str) -> String {
    if title.to_lowercase().contains(&destination.to_lowercase()) {
        title.to_string()
    } else {
        format!("{title} – {shown}")
    }
}

/// Builds the view of `trip` and the image files it refers to.
pub fn build(trip: &Trip) -> (View, Assets) {
    let lang = trip.labels;
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
    let destination = match &trip.country {
        Some(c) => format!("{}, {c}", trip.destination),
        None => trip.destination.clone(),
    };
    let heading = full_title(&title, &trip.destination, &destination);
    let full_title = full_title(&title, &trip.destination, &trip.destination);
    let case = trip.case.as_ref().map(|number| CaseView {
        label: lang.case_label(),
        number: number.clone(),
    });
    let cover = CoverPage {
        title: title.clone(),
        title_generated: trip.title.is_none(),
        full_title: heading,
        destination_parts: places(&destination),
        destination,
        committee: trip.committee.clone(),
        municipality: trip.municipality.clone(),
        dates: lang.date_range(trip.start, trip.end),
        subtitle: trip.subtitle.clone(),
        published: trip.published.map(|d| lang.published_line(d)),
        case,
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
        .map(|d| {
            let agenda: Vec<AgendaView> = match &d.agenda {
                Some(items) => items
                    .iter()
                    .map(|i| AgendaView {
                        time: i.time.clone(),
                        text: i.text.clone(),
                        points: i.points.clone(),
                    })
                    .collect(),
                None => d
                    .sections
                    .iter()
                    .map(|s| AgendaView {
                        time: None,
                        text: s.title.clone(),
                        points: Vec::new(),
                    })
                    .collect(),
            };
            DayView {
                title: d.title.clone().unwrap_or_else(|| lang.day_title(d.date)),
                title_generated: d.title.is_none(),
                place: d.place.clone(),
                text: d.text.clone(),
                timed: agenda.iter().any(|a| a.time.is_some()),
                agenda,
                sections: d.sections.iter().map(&mut section).collect(),
            }
        })
        .collect();
    let sections = trip.sections.iter().map(&mut section).collect();
    let author_names = match &trip.author {
        Some(a) => vec![a.name.clone()],
        None => vec![trip.committee.clone()],
    };
    let case_line = trip
        .case
        .as_ref()
        .map(|c| format!("{} {c}", lang.case_label()));
    let mut keywords = vec![
        title.clone(),
        trip.destination.clone(),
        trip.committee.clone(),
        trip.municipality.clone(),
    ];
    keywords.extend(case_line.clone());
    let view = View {
        version: VERSION,
        lang: trip.lang.code(),
        region: trip.lang.region(),
        labels_lang: lang.code(),
        labels_region: lang.region(),
        labels,
        document: DocumentInfo {
            title: full_title.clone(),
            author: author_names,
            keywords,
            description: case_line,
            date: trip.document_date().into(),
        },
        header: full_title,
        contents: trip.contents,
        contents_after_pages: CONTENTS_AFTER_PAGES,
        cover,
        introduction: trip.introduction.as_ref().map(|i| Chapter {
            title: i
                .title
                .clone()
                .unwrap_or_else(|| labels.introduction.into()),
            title_generated: i.title.is_none(),
            heading: i.heading,
            body: i.body.clone(),
        }),
        participants: participants(trip),
        days,
        sections,
        accounts: trip.accounts.as_ref().map(|a| accounts::build(a, lang)),
        contact: trip.author.as_ref().map(|a| Contact {
            title: labels.contact.into(),
            name: a.name.clone(),
            role: a.title.clone(),
            organisation: a.organisation.clone(),
            email: a.email.clone(),
            phone: a.phone.clone(),
        }),
        attachments: Vec::new(),
    };
    let mut view = view;
    join_printed(&mut view);
    (view, assets)
}

/// Every text the report prints with its numbers and units, and `kl.` and
/// its time, joined by no-break spaces (see [`nobreak`]). Not the PDF's
/// metadata, alternative texts, links or e-mail addresses: they are not
/// set in lines.
fn join_printed(v: &mut View) {
    use nobreak::{join, join_blocks, join_opt};
    v.header = join(&v.header);
    let c = &mut v.cover;
    c.destination_parts.iter_mut().for_each(|p| *p = join(p));
    for t in [
        &mut c.title,
        &mut c.full_title,
        &mut c.destination,
        &mut c.committee,
        &mut c.municipality,
        &mut c.dates,
    ] {
        *t = join(t);
    }
    join_opt(&mut c.subtitle);
    join_opt(&mut c.published);
    if let Some(case) = &mut c.case {
        case.number = join(&case.number);
    }
    for img in c.logo.iter_mut().chain(c.photo.iter_mut()) {
        join_opt(&mut img.caption);
    }
    if let Some(i) = &mut v.introduction {
        i.title = join(&i.title);
        join_blocks(&mut i.body);
    }
    if let Some(p) = &mut v.participants {
        p.title = join(&p.title);
        for g in &mut p.groups {
            join_opt(&mut g.name);
            g.people.iter_mut().for_each(|x| *x = join(x));
        }
    }
    let join_section = |s: &mut SectionView| {
        s.title = join(&s.title);
        join_blocks(&mut s.body);
        s.images.iter_mut().for_each(|i| join_opt(&mut i.caption));
    };
    for d in &mut v.days {
        d.title = join(&d.title);
        join_opt(&mut d.place);
        join_blocks(&mut d.text);
        for a in &mut d.agenda {
            join_opt(&mut a.time);
            a.text = join(&a.text);
            a.points.iter_mut().for_each(|x| *x = join(x));
        }
        d.sections.iter_mut().for_each(join_section);
    }
    v.sections.iter_mut().for_each(join_section);
    if let Some(a) = &mut v.accounts {
        a.title = join(&a.title);
        join_blocks(&mut a.text);
        for r in a.rows.iter_mut().chain(std::iter::once(&mut a.total)) {
            r.label = join(&r.label);
        }
        a.notes.iter_mut().for_each(|n| n.text = join(&n.text));
        join_opt(&mut a.sum_note);
        join_opt(&mut a.participants);
        join_opt(&mut a.price);
    }
    if let Some(c) = &mut v.contact {
        c.name = join(&c.name);
        join_opt(&mut c.role);
        join_opt(&mut c.organisation);
        join_opt(&mut c.phone);
    }
}

/// The words that end a place in a list of places: after them a line may
/// break.
const PLACE_ENDS: [&str; 9] = ["og", "and", "samt", "&", "+", "/", "–", "—", "-"];

/// `destination` cut after each place of a list of places: after a comma
/// and after a word of [`PLACE_ENDS`]. The parts, joined by spaces, are
/// the destination with its white space folded.
fn places(destination: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut part: Vec<&str> = Vec::new();
    for word in destination.split_whitespace() {
        part.push(word);
        if word.ends_with([',', ';']) || PLACE_ENDS.contains(&word) {
            parts.push(part.join(" "));
            part.clear();
        }
    }
    if !part.is_empty() {
        parts.push(part.join(" "));
    }
    parts
}

fn participants(trip: &Trip) -> Option<ParticipantList> {
    if trip.participants.is_empty() {
        return None;
    }
    let mut groups: Vec<ParticipantGroup> = Vec::new();
    for p in &trip.participants {
        let line = trip
            .labels
            .participant_line(&p.name, p.party.as_deref(), p.role.as_deref());
        match groups.iter_mut().find(|g| g.name == p.group) {
            Some(g) => g.people.push(line),
            None => groups.push(ParticipantGroup {
                name: p.group.clone(),
                people: vec![line],
            }),
        }
    }
    // Stable: the groups keep their order behind those without one.
    groups.sort_by_key(|g| g.name.is_some());
    Some(ParticipantList {
        title: trip.labels.labels().participants.into(),
        groups,
    })
}

#[cfg(test)]
mod tests {
    use super::{full_title, places};

    #[test]
    fn a_destination_breaks_between_places_only() {
        assert_eq!(places("San Diego, USA"), ["San Diego,", "USA"]);
        assert_eq!(places("Amsterdam"), ["Amsterdam"]);
        assert_eq!(
            places("Los Angeles og San Diego, USA"),
            ["Los Angeles og", "San Diego,", "USA"]
        );
        assert_eq!(
            places("Den Haag,  Rotterdam og\tAmsterdam"),
            ["Den Haag,", "Rotterdam og", "Amsterdam"]
        );
        assert_eq!(places("Oslo – Bergen"), ["Oslo –", "Bergen"]);
        assert_eq!(
            places("Frankfurt am Main, Tyskland"),
            ["Frankfurt am Main,", "Tyskland"]
        );
    }

    #[test]
    fn the_destination_is_named_once() {
        assert_eq!(
            full_title("Studietur 2023", "Amsterdam", "Amsterdam, Holland"),
            "Studietur 2023 – Amsterdam, Holland"
        );
        assert_eq!(
            full_title(
                "Børne- og Ungeudvalgets tur til Barcelona",
                "Barcelona",
                "Barcelona"
            ),
            "Børne- og Ungeudvalgets tur til Barcelona"
        );
        assert_eq!(
            full_title("Tur til BERLIN", "Berlin", "Berlin"),
            "Tur til BERLIN"
        );
    }
}
