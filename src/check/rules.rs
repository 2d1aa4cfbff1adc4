//! The rules of format 1 over the whole trip: the trip's dates, the days
//! (inside the trip, unique, in order; agenda warnings), sections, and the
//! accounts (items, participants, sums).

use super::values::Checker;
use crate::locale::{Lang, message_date};
use crate::messages::trip as m;
use crate::model;
use crate::money::Amount;
use crate::trip::{self, Trip, Vat};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::ops::Range;
use toml::Spanned;

impl Checker {
    /// The checked trip of `raw`; every problem is recorded.
    pub fn trip(&mut self, raw: model::TripFile) -> Option<Trip> {
        self.read_files(&raw);
        if let Some(format) = &raw.format {
            let ok = matches!(format.get_ref(), toml::Value::Integer(1));
            if !ok {
                let literal = self.file.text[format.span()].to_string();
                self.error(
                    format.span(),
                    m::unknown_format(literal),
                    m::unknown_format_help(),
                );
            }
        }
        let t = raw.trip.get_ref();
        let lang = match &t.language {
            None => Lang::Da,
            Some(l) => Lang::from_code(l.get_ref()).unwrap_or_else(|| {
                self.error(
                    l.span(),
                    m::unknown_language(l.get_ref()),
                    m::unknown_language_help(),
                );
                Lang::Da
            }),
        };
        let committee = self.text("committee", &t.committee);
        let municipality = self.text("municipality", &t.municipality);
        let destination = self.text("destination", &t.destination);
        let country = self.opt_text("country", &t.country);
        let title = self.opt_text("title", &t.title);
        let subtitle = self.opt_text("subtitle", &t.subtitle);
        let start = self.date("start", &t.start);
        // A one-day visit needs no `end`.
        let end = match &t.end {
            Some(e) => self.date("end", e),
            None => start,
        };
        let published = t.published.as_ref().and_then(|p| self.date("published", p));
        if let (Some(s), Some(e), Some(end_key)) = (start, end, &t.end)
            && e < s
        {
            self.error(
                end_key.span(),
                m::end_before_start(message_date(e), message_date(s)),
                m::end_before_start_help(),
            );
        }
        let logo = t.logo.as_ref().and_then(|l| {
            let v = l.get_ref();
            self.picture(
                "logo",
                &v.file,
                v.alt.as_ref(),
                v.decorative.as_ref(),
                None,
                l.span(),
            )
        });
        let cover = t.cover.as_ref().and_then(|c| {
            let v = c.get_ref();
            self.picture(
                "cover",
                &v.file,
                v.alt.as_ref(),
                v.decorative.as_ref(),
                v.caption.as_ref(),
                c.span(),
            )
        });
        let case = self.opt_text("case", &t.case);
        let contents = t.contents.as_ref().map(|c| *c.get_ref());
        let author = raw.author.as_ref().map(|a| trip::Author {
            name: self.text("name", &a.name),
            title: self.opt_text("title", &a.title),
            organisation: self.opt_text("organisation", &a.organisation),
            email: self.opt_text("email", &a.email),
            phone: self.opt_text("phone", &a.phone),
        });
        let introduction = raw.introduction.as_ref().map(|i| self.introduction(i));
        let participants: Vec<trip::Participant> = raw
            .participant
            .iter()
            .map(|p| trip::Participant {
                name: self.text("name", &p.name),
                role: self.opt_text("role", &p.role),
                party: p.party.as_ref().map(|party| self.party(party)),
                group: self.opt_text("group", &p.group),
            })
            .collect();
        let days = self.days(&raw.day, start, end);
        let sections = raw.section.iter().map(|s| self.section(s)).collect();
        let accounts = raw
            .accounts
            .as_ref()
            .and_then(|a| self.accounts(a, &raw.participant));
        Some(Trip {
            lang,
            labels: lang,
            committee,
            municipality,
            destination,
            country,
            start: start?,
            end: end?,
            title,
            subtitle,
            published,
            logo,
            cover,
            author,
            introduction,
            participants,
            days,
            sections,
            accounts,
            case,
            contents,
        })
    }

    fn introduction(&mut self, i: &model::Introduction) -> trip::Introduction {
        let heading = i.heading.as_ref().is_none_or(|h| *h.get_ref());
        if let (false, Some(title)) = (heading, &i.title) {
            self.warning(
                title.span(),
                m::intro_title_hidden(),
                m::intro_title_hidden_help(),
            );
        }
        trip::Introduction {
            title: self.opt_text("title", &i.title),
            heading,
            body: self.markdown("text", &i.text),
        }
    }

    /// A participant's party letters, written without brackets (the
    /// report adds them).
    fn party(&mut self, party: &model::Text) -> String {
        let letters = self.text("party", party);
        if let Some(inner) = letters.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
            self.error(
                party.span(),
                m::party_in_brackets(&letters),
                m::party_in_brackets_help(inner.trim()),
            );
        }
        letters
    }

    fn section(&mut self, s: &model::Section) -> trip::Section {
        trip::Section {
            title: self.text("title", &s.title),
            body: self.markdown("text", &s.text),
            images: s
                .image
                .iter()
                .filter_map(|i| {
                    let v = i.get_ref();
                    self.picture(
                        "image",
                        &v.file,
                        v.alt.as_ref(),
                        v.decorative.as_ref(),
                        v.caption.as_ref(),
                        i.span(),
                    )
                })
                .collect(),
        }
    }

    fn days(
        &mut self,
        raw: &[Spanned<model::Day>],
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) -> Vec<trip::Day> {
        let mut days = Vec::new();
        let mut seen: HashSet<NaiveDate> = HashSet::new();
        let mut previous: Option<NaiveDate> = None;
        for d in raw {
            let v = d.get_ref();
            let Some(date) = self.date("date", &v.date) else {
                continue;
            };
            let span = v.date.span();
            // One error a day: outside the trip, else listed twice, else out
            // of order. (With `end` before `start`, that error says it all.)
            let outside = match (start, end) {
                (Some(s), Some(e)) if s <= e && date < s => Some((
                    m::day_before_trip(message_date(date), message_date(s)),
                    s,
                    e,
                )),
                (Some(s), Some(e)) if s <= e && date > e => {
                    Some((m::day_after_trip(message_date(date), message_date(e)), s, e))
                }
                _ => None,
            };
            let first_time = seen.insert(date);
            if let Some((message, s, e)) = outside {
                self.error(
                    span.clone(),
                    message,
                    m::day_outside_help(message_date(s), message_date(e)),
                );
            } else if !first_time {
                self.error(
                    span.clone(),
                    m::day_twice(message_date(date)),
                    m::day_twice_help(),
                );
            } else if let Some(p) = previous.filter(|&p| date < p) {
                self.error(
                    span.clone(),
                    m::day_out_of_order(message_date(date), message_date(p)),
                    m::day_out_of_order_help(),
                );
            }
            previous = Some(previous.map_or(date, |p| p.max(date)));
            let title = self.opt_text("title", &v.title);
            let place = self.opt_text("place", &v.place);
            let text = v
                .text
                .as_ref()
                .map_or_else(Vec::new, |t| self.markdown("text", t));
            let agenda: Option<Vec<trip::AgendaItem>> = v
                .agenda
                .as_ref()
                .map(|a| a.get_ref().iter().map(|e| self.agenda_item(e)).collect());
            let sections: Vec<trip::Section> = v.section.iter().map(|s| self.section(s)).collect();
            if let (Some(agenda), Some(raw_agenda)) = (&agenda, &v.agenda) {
                for s in &sections {
                    if !agenda.iter().any(|a| a.text == s.title) {
                        self.warning(
                            raw_agenda.span(),
                            m::agenda_misses_section(&s.title),
                            m::agenda_misses_section_help(),
                        );
                    }
                }
            }
            // A day with only its own text is an account of the day.
            if sections.is_empty()
                && agenda.as_ref().is_none_or(|a| a.is_empty())
                && v.text.is_none()
            {
                self.warning(
                    d.span(),
                    m::day_empty(message_date(date)),
                    m::day_empty_help(),
                );
            }
            days.push(trip::Day {
                date,
                title,
                place,
                text,
                agenda,
                sections,
            });
        }
        days
    }

    fn agenda_item(&mut self, entry: &Spanned<model::AgendaEntry>) -> trip::AgendaItem {
        match entry.get_ref() {
            model::AgendaEntry::Text(text) => trip::AgendaItem {
                time: None,
                text: self.text("agenda", &Spanned::new(entry.span(), text.clone())),
                points: Vec::new(),
            },
            model::AgendaEntry::Item(item) => trip::AgendaItem {
                time: self.opt_text("time", &item.time),
                text: self.text("text", &item.text),
                points: item.points.as_ref().map_or_else(Vec::new, |p| {
                    p.get_ref().iter().map(|x| self.text("points", x)).collect()
                }),
            },
        }
    }

    fn accounts(
        &mut self,
        a: &Spanned<model::Accounts>,
        listed: &[model::Participant],
    ) -> Option<trip::Accounts> {
        let span = a.span();
        let a = a.get_ref();
        let title = self.opt_text("title", &a.title);
        let vat = match a.vat.as_ref().map(|v| (v.get_ref().as_str(), v.span())) {
            None | Some(("excluded", _)) => Vat::Excluded,
            Some(("included", _)) => Vat::Included,
            Some(("unstated", _)) => Vat::Unstated,
            Some((other, s)) => {
                self.error(s, m::unknown_vat(other), m::unknown_vat_help());
                Vat::Excluded
            }
        };
        let text = a
            .text
            .as_ref()
            .map_or_else(Vec::new, |t| self.markdown("text", t));
        let participants = match &a.participants {
            Some(p) => {
                let n = *p.get_ref();
                if n <= 0 {
                    self.error(
                        p.span(),
                        m::participants_not_positive(n.to_string()),
                        m::participants_not_positive_help(),
                    );
                    None
                } else if !listed.is_empty() && n as usize != listed.len() {
                    self.error(
                        p.span(),
                        m::participants_mismatch(n.to_string(), listed.len()),
                        m::participants_mismatch_help(listed.len()),
                    );
                    None
                } else {
                    Some(n as u64)
                }
            }
            // Without a count, the report shows neither it nor a price
            // per participant.
            None if !listed.is_empty() => Some(listed.len() as u64),
            None => None,
        };
        if a.item.is_empty() {
            self.error(
                super::shape::header_span(&self.file, &span),
                m::accounts_no_items(),
                m::accounts_no_items_help(),
            );
        }
        let mut items = Vec::new();
        let mut ok = true;
        for i in &a.item {
            let label = self.text("label", &i.label);
            let amount = self.amount("amount", &i.amount);
            let budget = i.budget.as_ref().map(|b| self.amount("budget", b));
            let note = self.opt_text("note", &i.note);
            match (amount, budget) {
                (Some(amount), None) => items.push(trip::Item {
                    label,
                    amount,
                    budget: None,
                    note,
                }),
                (Some(amount), Some(Some(b))) => items.push(trip::Item {
                    label,
                    amount,
                    budget: Some(b),
                    note,
                }),
                _ => ok = false,
            }
        }
        let total = a
            .total
            .as_ref()
            .map(|t| (self.amount("total", t), t.span()));
        let published = a
            .published_total
            .as_ref()
            .and_then(|p| Some((self.amount("published_total", p)?, p.span())));
        if let (Some(_), Some((_, at))) = (&a.total, &published) {
            self.error(
                at.clone(),
                m::total_and_published_total(),
                m::total_and_published_total_help(),
            );
        }
        if !ok || items.is_empty() {
            return None;
        }
        let stated = match total {
            Some((Some(t), _)) => Some(t),
            _ => None,
        };
        let sums = match trip::Sums::of(&items, stated) {
            Ok(sums) => sums,
            Err(errors) => {
                for e in errors {
                    self.accounts_error(&e, span.clone(), total.as_ref().map(|(_, s)| s.clone()));
                }
                return None;
            }
        };
        let mut accounts = trip::Accounts::new(title, vat, participants, text, items, sums);
        // With `total` too, that error says it all.
        if let (Some((published, at)), None) = (published, &a.total) {
            accounts = accounts.with_published_total(published);
            if let Some(sum) = accounts.items_sum_differs() {
                self.warning(
                    at,
                    m::published_total_differs(kroner(published), kroner(sum)),
                    m::published_total_differs_help(kroner(published), kroner(sum)),
                );
            }
        }
        match &a.price {
            Some(p) if !*p.get_ref() => accounts = accounts.without_price(),
            Some(p) if accounts.participants.is_none() => self.warning(
                p.span(),
                m::price_without_count(),
                m::price_without_count_help(),
            ),
            _ => {}
        }
        let missing = accounts.items_without_budget();
        if !missing.is_empty() {
            let at = a
                .item
                .iter()
                .find(|i| i.budget.is_none())
                .map_or(span.clone(), |i| i.label.span());
            let names: Vec<String> = missing.iter().map(|i| format!("\"{}\"", i.label)).collect();
            self.warning(
                at,
                m::items_without_budget(missing.len(), accounts.items.len(), names.join(", ")),
                m::items_without_budget_help(),
            );
        }
        Some(accounts)
    }

    /// Reports a problem with the sums of the accounts.
    fn accounts_error(
        &mut self,
        e: &trip::AccountsError,
        span: Range<usize>,
        total_span: Option<Range<usize>>,
    ) {
        match e {
            trip::AccountsError::SumOverflow => {
                self.error(span, m::sum_overflow(), m::sum_overflow_help())
            }
            trip::AccountsError::BudgetSumOverflow => self.error(
                span,
                m::budget_sum_overflow(),
                m::budget_sum_overflow_help(),
            ),
            trip::AccountsError::TotalDiffers { total, sum } => {
                let tspan = total_span.unwrap_or(span);
                let kr = kroner;
                let diff = sum.checked_sub(*total).unwrap_or_default();
                let help = if diff.ore() < 0 {
                    m::total_less_help(kr(*sum), kr(Amount::from_ore(-diff.ore())))
                } else {
                    m::total_more_help(kr(*sum), kr(diff))
                };
                let written = self.file.text[tspan.clone()].to_string();
                self.error(tspan, m::total_differs(written, kr(*sum)), help);
            }
        }
    }
}

/// An amount in a message, in each language. Messages are read in a
/// terminal: ordinary spaces, not no-break.
fn kroner(a: Amount) -> crate::messages::Arg {
    crate::messages::Arg::worded(|lang| a.format(lang, false).replace('\u{a0}', " "))
}
