//! The accounts as the template prints them: every amount formatted, the
//! columns of øre lined up, the sums and the price per participant worded.

use crate::locale::Lang;
use crate::markdown::Block;
use crate::money::Amount;
use crate::trip;
use serde::Serialize;

/// The accounts table.
#[derive(Debug, Serialize)]
pub struct AccountsView {
    /// `Regnskab`, or the trip file's title.
    pub title: String,
    /// Whether `title` is the generator's (in the labels' language).
    pub title_generated: bool,
    /// Text between the heading and the table.
    pub text: Vec<Block>,
    /// Header cells: item, amount and (when budgets are given) budget.
    pub columns: Vec<String>,
    /// Whether there is a budget column.
    pub has_budget: bool,
    /// The rows.
    pub rows: Vec<AccountRow>,
    /// The sum row.
    pub total: AccountRow,
    /// `Antal deltagere: 10`, when the number is known.
    pub participants: Option<String>,
    /// `Pris per deltager: 12.959,90 kr.`, when the number is known.
    pub price: Option<String>,
    /// The rows' notes, in order, printed below the table.
    pub notes: Vec<NoteView>,
    /// `Posterne giver tilsammen 81.253 kr.`: printed below the table when
    /// the sum row shows a published total that differs from the items'
    /// sum; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sum_note: Option<String>,
}

/// A note of a row, with the mark that refers to it.
#[derive(Debug, Serialize)]
pub struct NoteView {
    /// `1`, `2` …
    pub mark: String,
    /// The note.
    pub text: String,
}

/// One row of the accounts.
#[derive(Debug, Serialize)]
pub struct AccountRow {
    /// Item text.
    pub label: String,
    /// Formatted amount.
    pub amount: String,
    /// Formatted budget; empty when this row has none; `–` for the sum of
    /// a budget column in which some items have none.
    pub budget: String,
    /// The mark of its note (`1`), when it has one.
    pub mark: Option<String>,
}

/// The view of `a` with labels in `lang`.
pub fn build(a: &trip::Accounts, lang: Lang) -> AccountsView {
    let labels = lang.labels();
    let has_budget = a.sums.budgets;
    let mut columns = vec![labels.item.to_string(), lang.amount_heading(a.vat)];
    if has_budget {
        columns.push(lang.budget_heading(a.vat));
    }
    // A column shows øre everywhere when any of its amounts has øre.
    let amounts_ore = a.items.iter().any(|i| i.amount.has_ore()) || a.total().has_ore();
    let budgets_ore = a.items.iter().filter_map(|i| i.budget).any(Amount::has_ore)
        || a.sums.budget_sum.is_some_and(Amount::has_ore);
    let fmt_budget = |b: Option<Amount>| b.map_or(String::new(), |b| b.format(lang, budgets_ore));
    let budget_sum = match a.sums.budget_sum {
        Some(s) => s.format(lang, budgets_ore),
        // A sum of some of the budgets would look complete.
        None if has_budget => "–".into(),
        None => String::new(),
    };
    let mut notes: Vec<NoteView> = Vec::new();
    let mut rows = Vec::new();
    for i in &a.items {
        let mark = i.note.as_ref().map(|n| {
            let mark = (notes.len() + 1).to_string();
            notes.push(NoteView {
                mark: mark.clone(),
                text: n.clone(),
            });
            mark
        });
        rows.push(AccountRow {
            label: i.label.clone(),
            amount: i.amount.format(lang, amounts_ore),
            budget: fmt_budget(i.budget),
            mark,
        });
    }
    AccountsView {
        notes,
        title: a.title.clone().unwrap_or_else(|| labels.accounts.into()),
        title_generated: a.title.is_none(),
        text: a.text.clone(),
        columns,
        has_budget,
        rows,
        total: AccountRow {
            label: labels.total.into(),
            amount: a.total().format(lang, amounts_ore),
            budget: budget_sum,
            mark: None,
        },
        participants: a.participants.map(|n| lang.participant_count_line(n)),
        price: a
            .per_participant
            .map(|p| lang.price_line(&p.format(lang, false))),
        sum_note: a
            .items_sum_differs()
            .map(|s| lang.items_sum_line(&s.format(lang, s.has_ore()))),
    }
}
