//! Dates written out the Danish or English way: `Mandag den 17. april
//! 2023`, `17.–20. april 2023`, `Monday 17 April 2023`.

use super::lang::Lang;
use chrono::{Datelike, NaiveDate, Weekday};

/// The months in Danish, as written inside a sentence.
pub const DA_MONTHS: [&str; 12] = [
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

/// The months in English.
pub const EN_MONTHS: [&str; 12] = [
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

/// A date inside a message about a trip file: written as the file writes
/// it (`2024-09-17`), whatever the report's language, so it can be found
/// in the file.
pub fn message_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date as people write it by hand, day first (`17/4/2023`,
/// `17.04.2023`, `17-4-23`), to suggest how to write it in a trip file.
pub fn read_written_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str, max_len: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (day, month) = (number(d, 2)?, number(m, 2)?);
    let year = match y.len() {
        2 => 2000 + number(y, 2)? as i32,
        4 => number(y, 4)? as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
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
    fn dates_written_by_hand() {
        assert_eq!(read_written_date("17/4/2023"), Some(d(2023, 4, 17)));
        assert_eq!(read_written_date("17.04.2023"), Some(d(2023, 4, 17)));
        assert_eq!(read_written_date("1-5-24"), Some(d(2024, 5, 1)));
        assert_eq!(read_written_date("2023-04-17"), None);
        assert_eq!(read_written_date("31/2/2023"), None);
        assert_eq!(read_written_date("\"x\""), None);
    }

    #[test]
    fn dates_in_messages_are_written_as_in_the_file() {
        assert_eq!(super::message_date(d(2024, 9, 17)), "2024-09-17");
    }
}
