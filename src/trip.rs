//! The checked trip: every value valid, every file read, every sum done.
//! Made by [`crate::check`], read by [`crate::view`].

use crate::locale::Lang;
pub use crate::locale::Vat;
use crate::markdown::Block;
use crate::money::Amount;
use chrono::NaiveDate;
use typst::foundations::Bytes;

/// One study trip, checked.
#[derive(Debug, Clone)]
pub struct Trip {
    /// The language of the trip's text (the PDF's language).
    pub lang: Lang,
    /// The language of the labels, dates and numbers the generator writes:
    /// the text's, unless another is asked for (`--lang`).
    pub labels: Lang,
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
    /// The case (journal) number the report belongs to.
    pub case: Option<String>,
    /// Whether the report has a contents page; `None`: when its body runs
    /// to more than 4 pages.
    pub contents: Option<bool>,
}

impl Trip {
    /// The date the PDF is dated: `published`, else the last day.
    pub fn document_date(&self) -> NaiveDate {
        self.published.unwrap_or(self.end)
    }

    /// Every picture, one per file the trip names (as written), sorted by
    /// that name: the files the report is made from besides the trip file.
    pub fn pictures(&self) -> Vec<&Picture> {
        let sections = self
            .days
            .iter()
            .flat_map(|d| &d.sections)
            .chain(&self.sections);
        let mut pictures: Vec<&Picture> = self
            .logo
            .iter()
            .chain(&self.cover)
            .chain(sections.flat_map(|s| &s.images))
            .collect();
        pictures.sort_by(|a, b| a.file.cmp(&b.file));
        pictures.dedup_by(|a, b| a.file == b.file);
        pictures
    }
}

/// An image file, read and recognised.
#[derive(Debug, Clone)]
pub struct Picture {
    /// The path as written in the trip file.
    pub file: String,
    /// The SHA-256 of the file as it was read (once) for this report.
    pub sha256: String,
    /// The file as it was read, when the report embeds its sources.
    pub original: Option<Bytes>,
    /// The bytes the layout engine gets: the file prepared for print
    /// (turned upright, scaled to the template's photo box).
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
    /// Full name, or a unit's.
    pub name: String,
    /// Job title.
    pub title: Option<String>,
    /// Department.
    pub organisation: Option<String>,
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
    /// Whether it has a heading (and a place in the contents).
    pub heading: bool,
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
    /// The party's letter(s): "S".
    pub party: Option<String>,
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
    /// Where the day is spent.
    pub place: Option<String>,
    /// The day's own text, printed without a heading after its programme
    /// (empty when it has none).
    pub text: Vec<Block>,
    /// An explicit agenda.
    pub agenda: Option<Vec<AgendaItem>>,
    /// The visits.
    pub sections: Vec<Section>,
}

/// One entry of a day's agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// When, as written.
    pub time: Option<String>,
    /// What.
    pub text: String,
    /// Sub-points.
    pub points: Vec<String>,
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

/// The accounts, with their derived sums.
#[derive(Debug, Clone)]
pub struct Accounts {
    /// An explicit heading.
    pub title: Option<String>,
    /// Whether amounts include VAT.
    pub vat: Vat,
    /// How many went, when known.
    pub participants: Option<u64>,
    /// Text between the heading and the table.
    pub text: Vec<Block>,
    /// The rows.
    pub items: Vec<Item>,
    /// The sums.
    pub sums: Sums,
    /// The sum as the approved report printed it, when the trip file gives
    /// one (`published_total`): the sum row shows it.
    pub published_total: Option<Amount>,
    /// `total / participants` (the total the sum row shows), rounded to the
    /// øre, halves away from zero, when the participants are known and the
    /// price is not left out (`price = false`).
    pub per_participant: Option<Amount>,
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

/// Why the sums of the accounts cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountsError {
    /// The items add up to more than an amount can hold.
    SumOverflow,
    /// The budgets add up to more than an amount can hold.
    BudgetSumOverflow,
    /// The stated `total` is not the sum of the items.
    TotalDiffers {
        /// As stated.
        total: Amount,
        /// As summed.
        sum: Amount,
    },
}

/// The sums of the accounts' items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sums {
    /// Sum of the amounts.
    pub sum: Amount,
    /// Whether any item has a budget (the table gets a budget column).
    pub budgets: bool,
    /// Sum of the budgets, when every item has one (a sum of some would
    /// look complete and be wrong).
    pub budget_sum: Option<Amount>,
}

impl Sums {
    /// Sums `items`, checking the stated `total` against the sum: every
    /// problem found, or the sums.
    pub fn of(items: &[Item], total: Option<Amount>) -> Result<Sums, Vec<AccountsError>> {
        let Some(sum) = Amount::checked_sum(items.iter().map(|i| i.amount)) else {
            return Err(vec![AccountsError::SumOverflow]);
        };
        let mut errors = Vec::new();
        let budgets = items.iter().any(|i| i.budget.is_some());
        let complete = items.iter().all(|i| i.budget.is_some());
        let budget_sum = if budgets && complete {
            let s = Amount::checked_sum(items.iter().filter_map(|i| i.budget));
            if s.is_none() {
                errors.push(AccountsError::BudgetSumOverflow);
            }
            s
        } else {
            None
        };
        if let Some(total) = total
            && total != sum
        {
            errors.push(AccountsError::TotalDiffers { total, sum });
        }
        if errors.is_empty() {
            Ok(Sums {
                sum,
                budgets,
                budget_sum,
            })
        } else {
            Err(errors)
        }
    }
}

impl Accounts {
    /// The accounts of `items` with their `sums`, shared by `participants`
    /// (more than 0) when known.
    pub fn new(
        title: Option<String>,
        vat: Vat,
        participants: Option<u64>,
        text: Vec<Block>,
        items: Vec<Item>,
        sums: Sums,
    ) -> Accounts {
        Accounts {
            title,
            vat,
            per_participant: participants.and_then(|n| sums.sum.divide_rounded(n)),
            participants,
            text,
            items,
            sums,
            published_total: None,
        }
    }

    /// These accounts as approved with the sum `total` printed (which may
    /// differ from the items' sum): the price per participant is computed
    /// from it, as it was approved.
    pub fn with_published_total(mut self, total: Amount) -> Accounts {
        self.published_total = Some(total);
        self.per_participant = self.participants.and_then(|n| total.divide_rounded(n));
        self
    }

    /// These accounts without a price per participant (`price = false`);
    /// the count stays.
    pub fn without_price(mut self) -> Accounts {
        self.per_participant = None;
        self
    }

    /// The sum the sum row shows: the published one, else the items' sum.
    pub fn total(&self) -> Amount {
        self.published_total.unwrap_or(self.sums.sum)
    }

    /// The items' sum, when it differs from the published total (the note
    /// under the table says it).
    pub fn items_sum_differs(&self) -> Option<Amount> {
        self.published_total
            .filter(|p| *p != self.sums.sum)
            .map(|_| self.sums.sum)
    }

    /// The items without a budget when others have one.
    pub fn items_without_budget(&self) -> Vec<&Item> {
        if !self.sums.budgets {
            return Vec::new();
        }
        self.items.iter().filter(|i| i.budget.is_none()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kr: i64, budget: Option<i64>) -> Item {
        Item {
            label: "x".into(),
            amount: Amount::from_kroner(kr).unwrap(),
            budget: budget.map(|b| Amount::from_kroner(b).unwrap()),
            note: None,
        }
    }

    #[test]
    fn sums_budgets_and_the_price_per_participant() {
        let items = vec![item(600, Some(700)), item(400, Some(300))];
        let sums = Sums::of(&items, None).unwrap();
        assert_eq!(sums.sum, Amount::from_kroner(1000).unwrap());
        assert_eq!(sums.budget_sum, Amount::from_kroner(1000));
        let a = Accounts::new(None, Vat::Excluded, Some(3), Vec::new(), items, sums);
        assert_eq!(a.per_participant, Some(Amount::from_ore(33_333)));
        assert!(a.items_without_budget().is_empty());
    }

    #[test]
    fn a_published_total_is_shown_and_shared_and_the_price_can_be_left_out() {
        let items = vec![item(81_253, None)];
        let sums = Sums::of(&items, None).unwrap();
        let a = Accounts::new(None, Vat::Excluded, Some(14), Vec::new(), items, sums)
            .with_published_total(Amount::from_kroner(81_252).unwrap());
        assert_eq!(a.total(), Amount::from_kroner(81_252).unwrap());
        assert_eq!(a.items_sum_differs(), Amount::from_kroner(81_253));
        // 81.252 / 14 = 5.803,714… (from the items' sum it would be 5.803,79).
        assert_eq!(a.per_participant, Some(Amount::from_ore(580_371)));
        let a = a.without_price();
        assert_eq!((a.per_participant, a.participants), (None, Some(14)));
        // The same published total as the items' sum: no note.
        let items = vec![item(100, None)];
        let sums = Sums::of(&items, None).unwrap();
        let a = Accounts::new(None, Vat::Excluded, None, Vec::new(), items, sums)
            .with_published_total(Amount::from_kroner(100).unwrap());
        assert_eq!(a.items_sum_differs(), None);
    }

    #[test]
    fn a_partial_budget_has_no_sum_and_no_participants_no_price() {
        let items = vec![item(600, Some(700)), item(400, None)];
        let sums = Sums::of(&items, None).unwrap();
        assert!(sums.budgets);
        assert_eq!(sums.budget_sum, None);
        let a = Accounts::new(None, Vat::Unstated, None, Vec::new(), items, sums);
        assert_eq!(a.per_participant, None);
        assert_eq!(a.items_without_budget().len(), 1);
        let none = Sums::of(&[item(5, None)], None).unwrap();
        assert!(!none.budgets);
    }

    #[test]
    fn a_wrong_total_and_overflows_are_found() {
        let items = vec![item(600, None), item(400, None)];
        assert_eq!(
            Sums::of(&items, Amount::from_kroner(999)),
            Err(vec![AccountsError::TotalDiffers {
                total: Amount::from_kroner(999).unwrap(),
                sum: Amount::from_kroner(1000).unwrap()
            }])
        );
        let huge = Item {
            amount: Amount::from_ore(i64::MAX),
            ..item(0, None)
        };
        assert_eq!(
            Sums::of(&[huge.clone(), huge], None),
            Err(vec![AccountsError::SumOverflow])
        );
    }
}
