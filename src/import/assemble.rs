//! The last steps of a recognition: pictures stored under their file
//! names, sections without text made programme entries, the trip's
//! required values found (or marked to fill in), the author looked for
//! where reports put him, the sums checked, and the notes of what was
//! recognised.

use super::doc::{Doc, FurnitureKind, fold};
use super::draft::AccountsDraft;
use super::draft::{Draft, ImageDraft, SectionDraft};
use super::recognise::accounts;
use super::recognise::content::{self, Found};
use super::recognise::people;
use super::recognise::trip;
use crate::locale::Lang;
use crate::messages::{Msg, import as m};
use crate::photos::{self, PhotoBox};

/// Stores pictures as `images/<stem>/<n>.<ext>`.
#[derive(Debug)]
pub struct Pictures {
    stem: String,
    /// The language of the words the file gets.
    pub lang: Lang,
    /// Pictures with no place yet (the title page's, the accounts').
    pub orphans: Vec<Found>,
    /// How many pictures were not imported.
    refused: usize,
}

impl Pictures {
    /// Pictures of the trip file `stem`.
    pub fn new(stem: &str, lang: Lang) -> Pictures {
        Pictures {
            stem: stem.to_string(),
            lang,
            orphans: Vec::new(),
            refused: 0,
        }
    }

    /// The image entries of `found`, their files added to the draft;
    /// pictures a report cannot show (of another kind, beyond the photos'
    /// limits, unreadable) are noted, their texts kept.
    pub fn store(&mut self, draft: &mut Draft, found: &[Found]) -> Vec<ImageDraft> {
        let mut out = Vec::new();
        for f in found {
            if let Some(why) = &f.picture.problem {
                self.refuse(draft, f, why.clone());
                continue;
            }
            let ext = match f.picture.extension.as_str() {
                "jpg" | "jpeg" | "jpe" => "jpg",
                "png" => "png",
                "gif" => "gif",
                "webp" => "webp",
                "svg" => "svg",
                other => {
                    draft.check.push(m::check_image_kind(other.to_uppercase()));
                    draft.used.extend(f.picture.alt.iter().cloned());
                    draft.used.extend(f.caption.iter().cloned());
                    continue;
                }
            };
            // The limits every photo of a trip has (what check would say).
            let sha = crate::digest::sha256(&f.picture.bytes);
            if let Err(why) = photos::prepare(&f.picture.bytes, sha, PhotoBox::REPORT) {
                self.refuse(draft, f, why.reason);
                continue;
            }
            let n = draft.images.len() + 1;
            let file = format!("images/{}/{n}.{ext}", self.stem);
            let fallback = m::picture_alt(n).in_lang(self.lang);
            let image = content::image(f, file.clone(), &fallback);
            if image.alt_made {
                draft.check.push(m::check_alt(file.as_str()));
            }
            draft.images.push((file, f.picture.bytes.clone()));
            out.push(image);
        }
        out
    }

    /// A picture not imported, and why: noted, its texts kept.
    fn refuse(&mut self, draft: &mut Draft, f: &Found, why: Msg) {
        self.refused += 1;
        draft.check.push(m::check_image_refused(self.refused, why));
        draft.used.extend(f.picture.alt.iter().cloned());
        draft.used.extend(f.caption.iter().cloned());
    }
}

/// Finishes the draft: see the module's description.
pub fn finish(draft: &mut Draft, doc: &Doc, all: &str, mut pics: Pictures) {
    let lang = pics.lang;
    // Pictures without a place join the first section.
    let orphans = std::mem::take(&mut pics.orphans);
    if !orphans.is_empty() {
        let images = pics.store(draft, &orphans);
        let first = draft
            .days
            .iter_mut()
            .flat_map(|d| d.sections.iter_mut())
            .next()
            .or(draft.sections.first_mut());
        match first {
            Some(s) => s.images.extend(images),
            None => draft.sections.push(SectionDraft {
                title: m::pictures_title().in_lang(lang),
                text: String::new(),
                images,
            }),
        }
    }
    // Pictures of a day's own text join its first visit.
    for day in &mut draft.days {
        let mut images = std::mem::take(&mut day.images);
        if images.is_empty() {
            continue;
        }
        match day.sections.first_mut() {
            Some(s) => {
                images.append(&mut s.images);
                s.images = images;
            }
            None => {
                let title = m::pictures_title().in_lang(lang);
                day.sections.push(SectionDraft {
                    text: title.clone(),
                    title,
                    images,
                });
            }
        }
    }
    empty_sections(draft);
    if let Some(intro) = &draft.introduction
        && intro.text.trim().is_empty()
    {
        draft.used.extend(intro.title.clone());
        draft.introduction = None;
    }
    values(draft, doc, all, lang);
    title_page(draft);
    author(draft);
    if let Some(a) = &mut draft.accounts {
        settle_total(a, &mut draft.check);
    }
    counts(draft, all);
    super::fit::fit(draft);
    notes(draft, doc);
}

/// A visit without text is an entry of its day's programme (its photos
/// go to the next visit); a free section without text is its title.
fn empty_sections(draft: &mut Draft) {
    for day in &mut draft.days {
        if day.agenda.is_empty() && day.sections.iter().any(|s| s.text.trim().is_empty()) {
            day.agenda = day
                .sections
                .iter()
                .map(|s| super::draft::AgendaDraft {
                    text: s.title.clone(),
                    ..Default::default()
                })
                .collect();
        }
        let mut i = 0;
        while i < day.sections.len() {
            if day.sections[i].text.trim().is_empty() {
                let s = day.sections.remove(i);
                draft.check.push(m::check_empty_section(s.title.as_str()));
                if !day
                    .agenda
                    .iter()
                    .any(|a| super::recognise::agenda::names(&a.text, &s.title))
                {
                    day.agenda.push(super::draft::AgendaDraft {
                        text: s.title.clone(),
                        ..Default::default()
                    });
                }
                if let Some(next) = day.sections.get_mut(i) {
                    let mut images = s.images;
                    images.append(&mut next.images);
                    next.images = images;
                } else if let Some(prev) = i.checked_sub(1).and_then(|p| day.sections.get_mut(p)) {
                    prev.images.extend(s.images);
                } else if !s.images.is_empty() {
                    day.sections.push(SectionDraft {
                        text: s.title.clone(),
                        ..s
                    });
                    i += 1;
                }
                continue;
            }
            i += 1;
        }
    }
    for s in &mut draft.sections {
        if s.text.trim().is_empty() {
            s.text = s.title.clone();
        }
    }
}

/// Committee, municipality, destination, dates, case number, language.
fn values(draft: &mut Draft, doc: &Doc, all: &str, lang: Lang) {
    let fill = m::fill_in().in_lang(lang);
    let t = &mut draft.trip;
    let front = format!(
        "{}\n{}",
        t.title.clone().unwrap_or_default(),
        t.subtitle.clone().unwrap_or_default()
    );
    // A trip to more than one place goes to the days' places.
    let mut places: Vec<&str> = Vec::new();
    for p in draft.days.iter().filter_map(|d| d.place.as_deref()) {
        if !places.contains(&p) {
            places.push(p);
        }
    }
    let found = match (
        trip::destination(t.title.as_deref(), all),
        places.split_last(),
    ) {
        (found, Some((last, rest))) if !rest.is_empty() => {
            let and = if trip::english(all) { " and " } else { " og " };
            let country = found.and_then(|(_, c)| c);
            Some((format!("{}{and}{last}", rest.join(", ")), country))
        }
        (found, _) => found,
    };
    match found {
        Some((place, country)) => {
            draft.check.push(m::check_destination(place.as_str()));
            t.destination = place;
            t.country = country;
        }
        None => {
            draft.check.push(m::check_no_destination());
            t.destination = fill.clone();
        }
    }
    match trip::committee(&front, all) {
        Some(c) => {
            draft.check.push(m::check_committee(c.as_str()));
            t.committee = c;
        }
        None => {
            draft.check.push(m::check_no_committee());
            t.committee = fill.clone();
        }
    }
    match trip::municipality(all, &t.destination) {
        Some(c) => {
            draft.check.push(m::check_municipality(c.as_str()));
            t.municipality = c;
        }
        None => {
            draft.check.push(m::check_no_municipality());
            t.municipality = fill.clone();
        }
    }
    if [&t.committee, &t.municipality, &t.destination].contains(&&fill) {
        draft.check.push(m::check_placeholder());
    }
    if let Some((written, number)) = trip::case(all) {
        draft.used.push(written);
        t.case = Some(number);
    }
    t.english = trip::english(all);
    let dates: Vec<_> = draft.days.iter().filter_map(|d| d.date).collect();
    t.start = dates.iter().min().copied();
    t.end = dates.iter().max().copied();
    if t.start.is_none() {
        let year = trip::years(all)
            .first()
            .copied()
            .or(doc.year)
            .unwrap_or(2000);
        let date = chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        draft.check.push(m::check_no_days(date));
        t.start = Some(date);
    }
}

/// The title page's lines at the top of the introduction (the committee,
/// the municipality, the destination, a date) are read into keys; a
/// sub-heading that then opens it is its heading.
fn title_page(draft: &mut Draft) {
    let t = &draft.trip;
    let mut known: Vec<String> = [
        Some(&t.committee),
        Some(&t.municipality),
        Some(&t.destination),
        t.country.as_ref(),
        t.title.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.to_lowercase())
    .filter(|s| !s.is_empty())
    .collect();
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
    let Some(intro) = &mut draft.introduction else {
        return;
    };
    let mut paras: Vec<String> = intro.text.split("\n\n").map(str::to_string).collect();
    while let Some(first) = paras.first() {
        if first.starts_with('#') || !title_line(first, &known) {
            break;
        }
        draft.used.push(paras.remove(0));
    }
    if intro.title.is_none()
        && let Some(h) = paras.first().and_then(|p| p.strip_prefix("### "))
    {
        intro.title = Some(h.to_string());
        paras.remove(0);
    }
    intro.text = paras.join("\n\n");
}

/// Whether a short paragraph says nothing but what is known already.
fn title_line(p: &str, known: &[String]) -> bool {
    if p.split_whitespace().count() > 16 {
        return false;
    }
    let mut rest = p.to_lowercase();
    for k in known {
        rest = rest.replace(k.as_str(), " ");
    }
    // Words of a title that name nothing new (a month is the trip's date).
    let plain = [
        "studietur",
        "study",
        "trip",
        "og",
        "i",
        "til",
        "and",
        "to",
        "in",
        "rapport",
        "report",
    ];
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !plain.contains(w) && !crate::locale::DA_MONTHS.contains(w))
        .count()
        == 0
}

/// The author, when no contact block named one: a line naming a person
/// with a job title at the start of the introduction or at the end.
fn author(draft: &mut Draft) {
    if draft.author.is_some() {
        return;
    }
    let Some(intro) = &mut draft.introduction else {
        return;
    };
    let paras: Vec<String> = intro.text.split("\n\n").map(str::to_string).collect();
    for (i, p) in paras.iter().enumerate().take(4) {
        if p.split_whitespace().count() > 30 {
            continue;
        }
        if let Some(a) = people::author_in(p) {
            draft.used.push(p.clone());
            draft.author = Some(a);
            let rest: Vec<String> = paras
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, p)| p.clone())
                .collect();
            intro.text = rest.join("\n\n");
            return;
        }
    }
    // The last free section's last paragraph.
    if let Some(s) = draft.sections.last_mut() {
        let mut paras: Vec<String> = s.text.split("\n\n").map(str::to_string).collect();
        if let Some(last) = paras.last()
            && last.split_whitespace().count() <= 40
            && let Some(a) = people::author_in(last)
            && paras.len() > 1
        {
            draft.used.push(last.clone());
            draft.author = Some(a);
            paras.pop();
            s.text = paras.join("\n\n");
        }
    }
}

/// The number of participants: the accounts', or the text's; a count that
/// disagrees with the list is kept as a comment.
fn counts(draft: &mut Draft, all: &str) {
    let listed = draft.participants.len() as u64;
    let Some(a) = &mut draft.accounts else {
        return;
    };
    if a.participants.is_none() {
        a.participants = accounts::participant_count(all);
    }
    if let Some(n) = a.participants
        && listed > 0
        && n != listed
    {
        draft.check.push(m::check_count_and_list(n, listed));
        a.participants = None;
    }
    // The report shows a price per participant when it knows the count; a
    // document that printed none had none approved.
    let counted = a.participants.is_some() || listed > 0;
    if counted && !a.price_printed && !accounts::names_price(all) {
        a.no_price = true;
    }
}

/// What was recognised, for the report.
fn notes(draft: &mut Draft, doc: &Doc) {
    let mut f = Vec::new();
    if let Some(t) = &draft.trip.title {
        f.push(m::found_title(t.as_str()));
    }
    if draft.introduction.is_some() {
        f.push(m::found_introduction());
    }
    if let (Some(first), Some(last)) = (
        draft.days.first().and_then(|d| d.date),
        draft.days.last().and_then(|d| d.date),
    ) {
        f.push(m::found_days(draft.days.len(), first, last));
    }
    for d in &draft.days {
        if let Some(date) = d.date {
            f.push(m::found_day(date, d.sections.len(), d.agenda.len()));
            if let Some(place) = &d.place {
                f.push(m::found_place(date, place.as_str()));
            }
            if !d.text.trim().is_empty() {
                f.push(m::found_day_text(date));
            }
            if d.agenda.is_empty() && !d.sections.is_empty() {
                draft.check.push(m::check_no_agenda(date));
            }
        }
    }
    if !draft.sections.is_empty() {
        f.push(m::found_free(draft.sections.len()));
    }
    if let Some(a) = &draft.accounts {
        let sum =
            crate::money::Amount::checked_sum(a.items.iter().map(|i| i.amount)).unwrap_or_default();
        f.push(m::found_accounts(
            a.items.len(),
            sum.format(Lang::Da, false),
        ));
        if let Some(n) = a.participants {
            f.push(m::found_participant_count(n));
        }
        if let Some(p) = a.published_total {
            f.push(m::found_published_total(p.format(Lang::Da, false)));
        }
        if a.no_price {
            f.push(m::found_no_price());
        }
    }
    if !draft.participants.is_empty() {
        f.push(m::found_participants(draft.participants.len()));
        let parties = draft
            .participants
            .iter()
            .filter(|p| p.party.is_some())
            .count();
        if parties > 0 {
            f.push(m::found_parties(parties));
        }
    }
    if let Some(a) = &draft.author {
        f.push(m::found_author(a.name.as_str()));
    }
    if !draft.images.is_empty() {
        f.push(m::found_images(draft.images.len()));
    }
    let pictures = doc
        .furniture
        .iter()
        .filter(|x| x.kind == FurnitureKind::Picture)
        .count();
    if doc.furniture.len() > pictures {
        f.push(m::found_furniture(doc.furniture.len() - pictures));
    }
    if pictures > 0 {
        draft.check.push(m::check_pdf_pictures(pictures));
    }
    if draft.images.is_empty() && pictures == 0 {
        let captions = draft
            .days
            .iter()
            .flat_map(|d| d.sections.iter())
            .chain(draft.sections.iter())
            .flat_map(|s| s.text.split("\n\n"))
            .filter(|p| {
                let l = fold(p).to_lowercase();
                (l.starts_with("billede") || l.starts_with("foto") || l.starts_with("photo"))
                    && l.split_whitespace().count() <= 40
            })
            .count();
        if captions > 0 {
            draft.check.push(m::check_captions(captions));
        }
    }
    draft.found = f;
}

/// The accounts' sum: a printed sum that is the items' sum is `total`
/// (check keeps them equal); one that is not is `published_total`, the
/// report printing it as the document did, and is to be looked at.
fn settle_total(a: &mut AccountsDraft, check: &mut Vec<crate::messages::Msg>) {
    let Some(sum) = crate::money::Amount::checked_sum(a.items.iter().map(|i| i.amount)) else {
        return;
    };
    match a.printed_total {
        Some(p) if p == sum => a.total = Some(p),
        Some(p) => {
            a.published_total = Some(p);
            check.push(m::check_total(
                p.format(Lang::Da, false),
                sum.format(Lang::Da, false),
            ));
        }
        None => {}
    }
}
