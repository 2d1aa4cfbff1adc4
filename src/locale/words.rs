//! The fixed words of a report and of the overview, and the short phrases
//! built from them (`Antal deltagere: 10`, `Beløb (ekskl. moms)`).

use super::lang::Lang;
use chrono::NaiveDate;

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

/// Whether the amounts of the accounts include VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vat {
    /// "ekskl. moms".
    Excluded,
    /// "inkl. moms".
    Included,
    /// Not stated in the published report.
    Unstated,
}

/// The words only the web version of a report has.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WebWords {
    /// The link past the header to the report's text.
    pub skip: &'static str,
}

const DA_WEB: WebWords = WebWords {
    skip: "Gå til rapportens tekst",
};

const EN_WEB: WebWords = WebWords {
    skip: "Skip to the report's text",
};

/// The words of the overview across years.
#[derive(Debug, Clone)]
pub struct OverviewWords {
    /// "Studieture" / "Study trips", before the years.
    pub title: &'static str,
    /// The table's seven column headings.
    pub columns: [&'static str; 7],
    /// A cell with nothing to show.
    pub none: &'static str,
    /// The chart's heading.
    pub chart: &'static str,
    /// The start of the chart's text alternative.
    pub chart_alt: &'static str,
}

const DA_OVERVIEW: OverviewWords = OverviewWords {
    title: "Studieture",
    columns: [
        "Udvalg",
        "Destination",
        "Datoer",
        "Deltagere",
        "Samlet",
        "Pris per deltager",
        "Moms",
    ],
    none: "–",
    chart: "Pris per deltager over årene",
    chart_alt: "Søjlediagram over prisen per deltager",
};

const EN_OVERVIEW: OverviewWords = OverviewWords {
    title: "Study trips",
    columns: [
        "Committee",
        "Destination",
        "Dates",
        "Participants",
        "Total",
        "Price per participant",
        "VAT",
    ],
    none: "–",
    chart: "Price per participant over the years",
    chart_alt: "Bar chart of the price per participant",
};

impl Lang {
    /// The labels of this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Da => &DA_LABELS,
            Lang::En => &EN_LABELS,
        }
    }

    /// The words of the overview.
    pub fn overview(self) -> &'static OverviewWords {
        match self {
            Lang::Da => &DA_OVERVIEW,
            Lang::En => &EN_OVERVIEW,
        }
    }

    /// The words of the web version.
    pub fn web(self) -> &'static WebWords {
        match self {
            Lang::Da => &DA_WEB,
            Lang::En => &EN_WEB,
        }
    }

    /// The web page's link to its PDF: "Rapporten som PDF (14 sider,
    /// 163 kB)". Sizes in kB below a megabyte, else MB with one decimal.
    pub fn pdf_link(self, pages: usize, bytes: usize) -> String {
        let size = if bytes < 1_000_000 {
            format!("{}\u{a0}kB", bytes.div_ceil(1000))
        } else {
            let tenths = (bytes + 50_000) / 100_000;
            let sep = if self == Lang::Da { ',' } else { '.' };
            format!("{}{sep}{}\u{a0}MB", tenths / 10, tenths % 10)
        };
        match (self, pages) {
            (Lang::Da, 1) => format!("Rapporten som PDF (1 side, {size})"),
            (Lang::Da, n) => format!("Rapporten som PDF ({n} sider, {size})"),
            (Lang::En, 1) => format!("The report as PDF (1 page, {size})"),
            (Lang::En, n) => format!("The report as PDF ({n} pages, {size})"),
        }
    }

    /// "ekskl. moms" / "excl. VAT"; "ikke oplyst" / "not stated".
    pub fn vat(self, vat: Vat) -> &'static str {
        match (self, vat) {
            (Lang::Da, Vat::Excluded) => "ekskl. moms",
            (Lang::Da, Vat::Included) => "inkl. moms",
            (Lang::Da, Vat::Unstated) => "ikke oplyst",
            (Lang::En, Vat::Excluded) => "excl. VAT",
            (Lang::En, Vat::Included) => "incl. VAT",
            (Lang::En, Vat::Unstated) => "not stated",
        }
    }

    /// `heading (ekskl. moms)`, or `heading` alone when the VAT basis is
    /// not stated.
    fn with_vat(self, heading: &str, vat: Vat) -> String {
        match vat {
            Vat::Unstated => heading.to_string(),
            _ => format!("{heading} ({})", self.vat(vat)),
        }
    }

    /// The amount column's heading: "Beløb (ekskl. moms)", "Beløb".
    pub fn amount_heading(self, vat: Vat) -> String {
        let amount = match self {
            Lang::Da => "Beløb",
            Lang::En => "Amount",
        };
        self.with_vat(amount, vat)
    }

    /// The budget column's heading: "Budget (ekskl. moms)".
    pub fn budget_heading(self, vat: Vat) -> String {
        self.with_vat(self.labels().budget, vat)
    }

    /// "Sagsnr." / "Case no.", before a case number.
    pub fn case_label(self) -> &'static str {
        match self {
            Lang::Da => "Sagsnr.",
            Lang::En => "Case no.",
        }
    }

    /// "Antal deltagere: 10".
    pub fn participant_count_line(self, n: u64) -> String {
        format!("{}: {n}", self.labels().participant_count)
    }

    /// "Pris per deltager: 12.959,90 kr." of an amount already written.
    pub fn price_line(self, amount: &str) -> String {
        format!("{}: {amount}", self.labels().price_per_participant)
    }

    /// "Posterne giver tilsammen 81.253 kr." of an amount already written:
    /// the note under an accounts table whose sum row shows the published
    /// total.
    pub fn items_sum_line(self, amount: &str) -> String {
        // The point of "kr." ends the sentence too.
        let end = if amount.ends_with('.') { "" } else { "." };
        match self {
            Lang::Da => format!("Posterne giver tilsammen {amount}{end}"),
            Lang::En => format!("The items add up to {amount}{end}"),
        }
    }

    /// "Orla Hav (S), Formand": a participant as the list shows them.
    pub fn participant_line(self, name: &str, party: Option<&str>, role: Option<&str>) -> String {
        let mut line = name.to_string();
        if let Some(p) = party {
            line.push_str(&format!("\u{a0}({p})"));
        }
        if let Some(r) = role {
            line.push_str(&format!(", {r}"));
        }
        line
    }

    /// "Udgivet 1. juni 2023".
    pub fn published_line(self, date: NaiveDate) -> String {
        format!("{} {}", self.labels().published, self.date(date))
    }

    /// The report's title when the trip file gives none: "Studietur 2023".
    pub fn default_title(self, year: i32) -> String {
        match self {
            Lang::Da => format!("Studietur {year}"),
            Lang::En => format!("Study trip {year}"),
        }
    }

    /// "3 kommuner · 12 udvalg": how many municipalities and committees an
    /// overview covers.
    pub fn overview_counts(self, municipalities: usize, committees: usize) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match self {
            Lang::Da => format!(
                "{} · {}",
                plural(municipalities, "kommune", "kommuner"),
                plural(committees, "udvalg", "udvalg")
            ),
            Lang::En => format!(
                "{} · {}",
                plural(municipalities, "municipality", "municipalities"),
                plural(committees, "committee", "committees")
            ),
        }
    }

    /// The overview's sentence on what it holds.
    pub fn overview_intro(self, trips: usize, span: &str) -> String {
        match self {
            Lang::Da => format!(
                "Oversigt over {trips} studietur{} {span}: udvalg, destination, datoer, deltagere og udgifter. Beløbene er fra rapporternes regnskaber.",
                if trips == 1 { "" } else { "e" }
            ),
            Lang::En => format!(
                "An overview of {trips} study trip{} {span}: committee, destination, dates, participants and costs, from the reports' accounts.",
                if trips == 1 { "" } else { "s" }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_link_says_pages_and_size() {
        assert_eq!(
            Lang::Da.pdf_link(14, 163_210),
            "Rapporten som PDF (14 sider, 164\u{a0}kB)"
        );
        assert_eq!(
            Lang::Da.pdf_link(1, 3_449_999),
            "Rapporten som PDF (1 side, 3,4\u{a0}MB)"
        );
        assert_eq!(
            Lang::En.pdf_link(2, 1_050_000),
            "The report as PDF (2 pages, 1.1\u{a0}MB)"
        );
        assert_eq!(
            Lang::En.pdf_link(2, 999_999),
            "The report as PDF (2 pages, 1000\u{a0}kB)"
        );
    }

    #[test]
    fn labels_and_phrases() {
        assert_eq!(Lang::Da.labels().accounts, "Regnskab");
        assert_eq!(
            Lang::En.labels().price_per_participant,
            "Price per participant"
        );
        assert_eq!(
            Lang::Da.amount_heading(Vat::Excluded),
            "Beløb (ekskl. moms)"
        );
        assert_eq!(Lang::En.budget_heading(Vat::Included), "Budget (incl. VAT)");
        assert_eq!(Lang::Da.amount_heading(Vat::Unstated), "Beløb");
        assert_eq!(Lang::Da.participant_count_line(10), "Antal deltagere: 10");
        assert_eq!(
            Lang::Da.items_sum_line("81.253\u{a0}kr."),
            "Posterne giver tilsammen 81.253\u{a0}kr."
        );
        assert_eq!(
            Lang::En.items_sum_line("DKK\u{a0}81,253"),
            "The items add up to DKK\u{a0}81,253."
        );
        assert_eq!(
            Lang::Da.participant_line("Orla Hav", Some("S"), Some("Formand")),
            "Orla Hav\u{a0}(S), Formand"
        );
        assert_eq!(Lang::Da.participant_line("Bo Berg", None, None), "Bo Berg");
        assert_eq!(Lang::En.default_title(2025), "Study trip 2025");
        assert_eq!(Lang::Da.overview_counts(3, 12), "3 kommuner · 12 udvalg");
        assert_eq!(
            Lang::En.overview_counts(1, 1),
            "1 municipality · 1 committee"
        );
        assert!(
            Lang::Da
                .overview_intro(1, "2023")
                .starts_with("Oversigt over 1 studietur 2023")
        );
        assert!(
            Lang::Da
                .overview_intro(2, "2023")
                .starts_with("Oversigt over 2 studieture 2023")
        );
    }
}
