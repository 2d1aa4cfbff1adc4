//! The report's language: labels, and dates written out the Danish or
//! English way.

use chrono::{Datelike, NaiveDate, Weekday};

/// The language of the labels, dates and numbers the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Danish (the default).
    #[default]
    Da,
    /// English.
    En,
}

/// The fixed texts of a report in one language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Labels {
    /// "Indhold" / "Contents".
    pub contents: &'static str,
    /// "Introduktion" / "Introduction".
    pub introduction: &'static str,
    /// "Program" / "Programme".
    pub programme: &'static str,
    /// "Deltagere" / "Participants".
    pub participants: &'static str,
    /// "Regnskab" / "Accounts".
    pub accounts: &'static str,
    /// "Poster" / "Item".
    pub item: &'static str,
    /// "Samlet" / "Total".
    pub total: &'static str,
    /// "Antal deltagere" / "Participants".
    pub participant_count: &'static str,
    /// "Pris per deltager" / "Price per participant".
    pub price_per_participant: &'static str,
    /// "Side" / "Page".
    pub page: &'static str,
    /// "af" / "of", as in "Side 3 af 14".
    pub of: &'static str,
    /// "Udgivet" / "Published".
    pub published: &'static str,
    /// "Budget" / "Budget".
    pub budget: &'static str,
    /// "Kontakt" / "Contact".
    pub contact: &'static str,
    /// "Noter" / "Notes".
    pub notes: &'static str,
    /// "Figur" / "Figure".
    pub figure: &'static str,
}

const DA_LABELS: Labels = Labels {
    contents: "Indhold",
    introduction: "Introduktion",
    programme: "Program",
    participants: "Deltagere",
    accounts: "Regnskab",
    item: "Poster",
    total: "Samlet",
    participant_count: "Antal deltagere",
    price_per_participant: "Pris per deltager",
    page: "Side",
    of: "af",
    published: "Udgivet",
    budget: "Budget",
    contact: "Kontakt",
    notes: "Noter",
    figure: "Figur",
};

const EN_LABELS: Labels = Labels {
    contents: "Contents",
    introduction: "Introduction",
    programme: "Programme",
    participants: "Participants",
    accounts: "Accounts",
    item: "Item",
    total: "Total",
    participant_count: "Participants",
    price_per_participant: "Price per participant",
    page: "Page",
    of: "of",
    published: "Published",
    budget: "Budget",
    contact: "Contact",
    notes: "Notes",
    figure: "Figure",
};

const DA_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// Reads a `language` value: `"da"` or `"en"`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The region written with the language in the PDF's `/Lang`
    /// (`da-DK`); English reports carry the bare `en`.
    pub fn region(self) -> Option<&'static str> {
        match self {
            Lang::Da => Some("dk"),
            Lang::En => None,
        }
    }

    /// The labels of this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Da => &DA_LABELS,
            Lang::En => &EN_LABELS,
        }
    }

    fn month(self, date: NaiveDate) -> &'static str {
        let i = date.month0() as usize;
        match self {
            Lang::Da => DA_MONTHS[i],
            Lang::En => EN_MONTHS[i],
        }
    }

    fn weekday(self, date: NaiveDate) -> &'static str {
        match (self, date.weekday()) {
            (Lang::Da, Weekday::Mon) => "mandag",
            (Lang::Da, Weekday::Tue) => "tirsdag",
            (Lang::Da, Weekday::Wed) => "onsdag",
            (Lang::Da, Weekday::Thu) => "torsdag",
            (Lang::Da, Weekday::Fri) => "fredag",
            (Lang::Da, Weekday::Sat) => "lørdag",
            (Lang::Da, Weekday::Sun) => "søndag",
            (Lang::En, Weekday::Mon) => "Monday",
            (Lang::En, Weekday::Tue) => "Tuesday",
            (Lang::En, Weekday::Wed) => "Wednesday",
            (Lang::En, Weekday::Thu) => "Thursday",
            (Lang::En, Weekday::Fri) => "Friday",
            (Lang::En, Weekday::Sat) => "Saturday",
            (Lang::En, Weekday::Sun) => "Sunday",
        }
    }

    /// A date: `17. april 2023` / `17 April 2023`.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::Da => format!("{}. {} {}", date.day(), self.month(date), date.year()),
            Lang::En => format!("{} {} {}", date.day(), self.month(date), date.year()),
        }
    }

    /// A day's default title: `Mandag den 17. april 2023` /
    /// `Monday 17 April 2023`.
    pub fn day_title(self, date: NaiveDate) -> String {
        match self {
            Lang::Da => {
                let weekday = self.weekday(date);
                let mut chars = weekday.chars();
                let capitalised: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                format!("{capitalised} den {}", self.date(date))
            }
            Lang::En => format!("{} {}", self.weekday(date), self.date(date)),
        }
    }

    /// A range of dates: `17.–20. april 2023`, `30. april – 3. maj 2024`,
    /// `28. december 2023 – 2. januar 2024`; English `17–20 April 2023`.
    /// A range of one day is that day.
    pub fn date_range(self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return self.date(start);
        }
        let day_sep = match self {
            Lang::Da => ".",
            Lang::En => "",
        };
        if start.year() != end.year() {
            format!("{} – {}", self.date(start), self.date(end))
        } else if start.month() != end.month() {
            format!(
                "{}{day_sep} {} – {}",
                start.day(),
                self.month(start),
                self.date(end)
            )
        } else {
            format!("{}{day_sep}–{}", start.day(), self.date(end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn danish_day_titles() {
        assert_eq!(
            Lang::Da.day_title(d(2023, 4, 17)),
            "Mandag den 17. april 2023"
        );
        assert_eq!(
            Lang::Da.day_title(d(2023, 4, 20)),
            "Torsdag den 20. april 2023"
        );
        assert_eq!(Lang::Da.day_title(d(2024, 6, 1)), "Lørdag den 1. juni 2024");
        assert_eq!(Lang::Da.day_title(d(2024, 6, 2)), "Søndag den 2. juni 2024");
    }

    #[test]
    fn english_day_titles() {
        assert_eq!(Lang::En.day_title(d(2023, 4, 17)), "Monday 17 April 2023");
    }

    #[test]
    fn danish_ranges() {
        assert_eq!(
            Lang::Da.date_range(d(2023, 4, 17), d(2023, 4, 20)),
            "17.–20. april 2023"
        );
        assert_eq!(
            Lang::Da.date_range(d(2024, 4, 30), d(2024, 5, 3)),
            "30. april – 3. maj 2024"
        );
        assert_eq!(
            Lang::Da.date_range(d(2023, 12, 28), d(2024, 1, 2)),
            "28. december 2023 – 2. januar 2024"
        );
        assert_eq!(
            Lang::Da.date_range(d(2023, 4, 17), d(2023, 4, 17)),
            "17. april 2023"
        );
    }

    #[test]
    fn english_ranges() {
        assert_eq!(
            Lang::En.date_range(d(2023, 4, 17), d(2023, 4, 20)),
            "17–20 April 2023"
        );
        assert_eq!(
            Lang::En.date_range(d(2024, 4, 30), d(2024, 5, 3)),
            "30 April – 3 May 2024"
        );
        assert_eq!(
            Lang::En.date_range(d(2023, 12, 28), d(2024, 1, 2)),
            "28 December 2023 – 2 January 2024"
        );
    }

    #[test]
    fn labels() {
        assert_eq!(Lang::Da.labels().accounts, "Regnskab");
        assert_eq!(
            Lang::En.labels().price_per_participant,
            "Price per participant"
        );
        assert_eq!(Lang::from_code("da"), Some(Lang::Da));
        assert_eq!(Lang::from_code("de"), None);
    }
}
