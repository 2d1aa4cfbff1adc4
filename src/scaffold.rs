//! `studietur new`: a commented skeleton of a trip file that `check`
//! accepts as it is. Every key of format 1 is shown; optional ones are
//! commented out; the days are filled in from the dates.

use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;

/// What the skeleton is filled in with.
#[derive(Debug, Clone)]
pub struct NewTrip {
    /// Where the trip goes.
    pub destination: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// The committee.
    pub committee: String,
    /// The municipality.
    pub municipality: String,
    /// The `#:schema` line's target (relative to the new file), if any.
    pub schema: Option<String>,
}

/// A TOML basic string of `s`.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The text of the new trip file.
pub fn skeleton(t: &NewTrip) -> String {
    let mut s = String::new();
    if let Some(schema) = &t.schema {
        let _ = writeln!(s, "#:schema {schema}");
    }
    let _ = write!(
        s,
        r#"# Studietur {year} – {destination}. The format: trip-format.md (format 1).
# Check it with `studietur check FILE`, build it with `studietur build FILE`.
# Lines starting with # are comments: remove the # to use a key.

format = 1

[trip]
committee    = {committee}
municipality = {municipality}
destination  = {dest_q}
# country    = ""
start        = {start}
end          = {end}
# title      = "Studietur {year}"           # the default
# subtitle   = ""
# published  = {end}                    # the PDF's date; default: end
# language   = "da"                         # the text's language: "da" or "en"
# case       = "00.22.04-P35-1-23"          # the case (journal) number
# contents   = true                         # default: when the body runs to more than 4 pages
# logo  = {{ file = "assets/logo.svg", alt = "Kommunens logo" }}
# cover = {{ file = "images/cover.jpg", alt = "…", caption = "…" }}

# [author]
# name         = ""                         # the only key [author] needs; may be a unit
# title        = ""
# organisation = ""
# email        = ""
# phone        = ""

# [introduction]
# heading = false                           # the text opens the report without a heading
# text = """
# Første afsnit.
#
# Andet afsnit, med *fremhævning*, **fed**, [et link](https://aarhus.dk).
#
# ## En underoverskrift
#
# | Rute | Afgang |
# |------|--------|
# | 1A   | 08.10  |
# """

# [[participant]]
# name  = ""
# role  = "Formand"
# party = "S"                               # printed after the name: "… (S)"
# group = "Byrådsmedlemmer"
"#,
        year = t.start.year(),
        destination = t.destination,
        committee = quoted(&t.committee),
        municipality = quoted(&t.municipality),
        dest_q = quoted(&t.destination),
        start = t.start,
        end = t.end,
    );
    let days: Vec<NaiveDate> = t.start.iter_days().take_while(|d| *d <= t.end).collect();
    for (i, date) in days.iter().enumerate() {
        let item = if days.len() > 1 && i == 0 {
            "Ankomst"
        } else if days.len() > 1 && i == days.len() - 1 {
            "Hjemrejse"
        } else {
            "Besøg"
        };
        let _ = write!(
            s,
            r#"
[[day]]
date   = {date}
# place  = {destination}     # where the day is spent (a trip to more than one place)
agenda = [{item}]     # the day's bullets; default: the sections' titles
# agenda = [{{ time = "10.30–12.00", text = "Oplæg ved …", points = ["…", "…"] }}]
# text   = """
# Dagens egen tekst, uden overskrift, før dagens afsnit.
# """

  # [[day.section]]
  # title = "Besøg ved …"
  # text  = """
  # Hvad udvalget hørte og så.
  # """
  #
  #   [[day.section.image]]
  #   file    = "images/foto.jpg"
  #   caption = ""
  #   alt     = "Hvad billedet viser"   # or: decorative = true
"#,
            item = quoted(item),
            destination = quoted(&t.destination),
        );
    }
    s.push_str(
        r#"
# [[section]]                    # free sections after the programme
# title = "Læringspunkter"
# text  = """…"""

# [accounts]
# vat          = "excluded"      # or "included", or "unstated"
# participants = 10              # without it (and [[participant]]): no price per participant
# total        = 0               # optional check of the sum
# published_total = 0            # or: the sum as the approved report printed it
# price        = false           # no price per participant (the count is still shown)
# text         = """…"""         # optional, above the table
#
#   [[accounts.item]]
#   label  = "Flytransport"
#   amount = 0                   # kroner: 31300 or "1150.50"
#   budget = 0                   # optional
#   note   = ""                  # optional footnote
"#,
    );
    s
}
