//! The accounts: a table (or, in text, lines) of items and amounts under
//! "Regnskab", "Økonomi" or "Budget": Danish amounts ("31.300 kr.",
//! "1.150,50", "kr. 600"), English ones ("DKK 1,150.50"), a header row
//! that says whether VAT is included, a sum row, "Antal deltagere: 10".

use super::nodes::Node;
use crate::import::doc::fold;
use crate::import::draft::{AccountsDraft, ItemDraft};
use crate::money::Amount;
use regex::Regex;
use std::sync::LazyLock;

/// An amount at the end of a line, with what stands before it.
static AMOUNT_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(.*?)[\s:=]*((?:kr\.?|dkk)\s*)?(\d{1,3}(?:[.,\s\u{a0}\u{202f}]\d{3})+|\d+)([.,]\d{1,2})?(?:\s*(?:kr\.?|dkk|,-|,–))?\s*$",
    )
    .expect("valid pattern")
});

/// Participants counted: "Antal deltagere: 10", "10 deltagere".
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:antal\s+deltagere|number\s+of\s+participants|deltagerantal)\s*:?\s*(\d{1,4})\b|\b(\d{1,4})\s+(?:deltagere|participants)\b")
        .expect("valid pattern")
});

/// The number of participants a text states, when it does.
pub fn participant_count(text: &str) -> Option<u64> {
    let c = COUNT.captures(text)?;
    c.get(1)
        .or(c.get(2))?
        .as_str()
        .parse()
        .ok()
        .filter(|n| *n > 0)
}

/// An amount as written, with its label: `("Hotel", 62888 kr.)`.
pub fn amount_at_end(line: &str) -> Option<(String, Amount)> {
    let lower = line.trim().to_lowercase();
    let c = AMOUNT_AT_END.captures(&lower)?;
    let head_len = c.get(1)?.end();
    let whole = c.get(3)?.as_str();
    let frac = c.get(4).map(|m| m.as_str());
    // An unmarked bare number ("2023", "10") is no amount unless it has
    // a currency or groups.
    let marked = c.get(2).is_some()
        || lower.contains("kr")
        || lower.contains("dkk")
        || lower.ends_with(",-");
    let grouped = whole.contains(['.', ',', ' ', '\u{a0}', '\u{202f}']);
    if !marked && !grouped && frac.is_none() {
        return None;
    }
    let kroner: String = whole.chars().filter(char::is_ascii_digit).collect();
    let ore = match frac {
        Some(f) if f.len() == 2 => format!("{}0", &f[1..]),
        Some(f) => f[1..].to_string(),
        None => "00".to_string(),
    };
    let literal = format!("{kroner}.{:0<2}", &ore[..ore.len().min(2)]);
    let amount = Amount::parse_literal(&literal).ok()?;
    let label = line
        .trim()
        .chars()
        .take(lower[..head_len].chars().count())
        .collect::<String>();
    Some((
        label
            .trim()
            .trim_end_matches([':', '.', '='])
            .trim()
            .to_string(),
        amount,
    ))
}

/// "Posterne giver tilsammen", "The items add up to".
fn adds_up(t: &str) -> bool {
    let t = t.to_lowercase();
    t.contains("giver tilsammen") || t.contains("add up to")
}

fn sum_label(t: &str) -> bool {
    let t = t.trim().trim_end_matches(':').to_lowercase();
    let t = t.trim();
    [
        "samlet",
        "i alt",
        "total",
        "sum",
        "samlede udgifter",
        "udgifter i alt",
        "total udgift",
        "samlet udgift",
        "samlet sum",
        "totalt",
        "subtotal",
    ]
    .iter()
    .any(|w| t == *w || t.starts_with(&format!("{w} ")) || t.ends_with(&format!(" {w}")))
}

/// Whether a text names a price per participant anywhere.
pub fn names_price(text: &str) -> bool {
    text.lines()
        .any(|l| per_participant(l) && l.chars().any(|c| c.is_ascii_digit()))
}

fn per_participant(t: &str) -> bool {
    let t = t.to_lowercase();
    [
        "per deltager",
        "pr. deltager",
        "pr deltager",
        "per person",
        "pr. person",
        "per participant",
        "pris pr",
        "pris per",
    ]
    .iter()
    .any(|w| t.contains(w))
}

fn vat_of(t: &str) -> Option<&'static str> {
    let t = t.to_lowercase();
    if t.contains("ekskl") || t.contains("eksl") || t.contains("excl") || t.contains("uden moms") {
        Some("excluded")
    } else if t.contains("inkl") || t.contains("incl") || t.contains("med moms") {
        Some("included")
    } else {
        None
    }
}

/// A line of nothing but a table's column names ("Beløb (ekskl. moms)").
fn pure_header(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "post", "poster", "beløb", "ekskl", "eksl", "inkl", "moms", "udgift", "udgifter", "item",
        "items", "amount", "kr", "kroner", "dkk", "vat", "excl", "incl", "budget", "regnskab",
    ];
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|w| WORDS.contains(w))
}

fn header_words(t: &str) -> bool {
    let t = t.to_lowercase();
    [
        "beløb", "poster", "post", "udgift", "amount", "item", "kroner", "budget", "regnskab",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Reads the accounts from the nodes under their heading; the nodes it
/// could not read are given back (in order), with the lines it used up
/// and the notes it has.
pub fn read(nodes: Vec<Node>) -> (AccountsDraft, Vec<Node>, Vec<String>) {
    let mut a = AccountsDraft {
        vat: "unstated",
        ..AccountsDraft::default()
    };
    let mut rest = Vec::new();
    let mut used = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for node in nodes {
        match &node {
            Node::Table(t) => {
                if !table(t, &mut a, &mut used) {
                    rest.push(node);
                }
            }
            Node::Para(p) if p.list.is_none() => {
                lines.extend(
                    p.plain
                        .lines()
                        .map(|l| l.trim().to_string())
                        .filter(|l| !l.is_empty()),
                );
                lines.push(String::new());
            }
            Node::Heading(h) => {
                lines.push(h.text.clone());
                lines.push(String::new());
            }
            _ => rest.push(node),
        }
    }
    // Lines (text): a label on one or more lines, then its amount.
    let mut leftover: Vec<String> = Vec::new();
    let lines: Vec<String> = lines.into_iter().filter(|l| !l.is_empty()).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].clone();
        i += 1;
        if let Some(n) = participant_count(&line) {
            a.participants = Some(n);
            used.push(line);
            continue;
        }
        // A table's columns one after the other (as pdftotext writes
        // them): as many labels, then as many amounts alone.
        let run = lines[i - 1..]
            .iter()
            .take_while(|l| amount_at_end(l).is_some_and(|(label, _)| label.is_empty()))
            .count();
        if run >= 2 && run == pending.len() {
            let labels = std::mem::take(&mut pending);
            for (label, amount_line) in labels.iter().zip(&lines[i - 1..i - 1 + run]) {
                let amount = amount_at_end(amount_line).map(|(_, a)| a);
                let source = format!("{label} {amount_line}");
                row(&mut a, label, amount, None, &mut used, &source);
            }
            i += run - 1;
            continue;
        }
        match amount_at_end(&line) {
            Some((label, amount)) => {
                let mut parts = std::mem::take(&mut pending);
                let source = fold(&format!("{} {line}", parts.join(" ")));
                if !label.is_empty() {
                    parts.push(label);
                }
                let label = fold(&parts.join(" "));
                row(&mut a, &label, Some(amount), None, &mut used, &source);
            }
            None if header_words(&line)
                && ((a.items.is_empty() && pending.is_empty()) || pure_header(&line))
                && line.split_whitespace().count() <= 8 =>
            {
                if let Some(v) = vat_of(&line) {
                    a.vat = v;
                }
                used.push(line);
            }
            // A sentence is text, not the start of a label.
            None if line.split_whitespace().count() > 8 && line.ends_with(['.', '!', '?']) => {
                leftover.append(&mut pending);
                leftover.push(line);
            }
            None => pending.push(line),
        }
    }
    leftover.append(&mut pending);
    for line in leftover {
        add_text(&mut a, &line);
    }
    if a.items.is_empty() {
        // Nothing read: all of it is text.
        a.text.clear();
    }
    (a, rest, used)
}

/// A paragraph of the accounts' text.
fn add_text(a: &mut AccountsDraft, line: &str) {
    if !a.text.is_empty() {
        a.text.push_str("\n\n");
    }
    a.text.push_str(&super::content::paragraph(
        super::content::inline(line),
        false,
    ));
}

/// One row: an item, the sum, the price per participant or the count.
fn row(
    a: &mut AccountsDraft,
    label: &str,
    amount: Option<Amount>,
    budget: Option<Amount>,
    used: &mut Vec<String>,
    source: &str,
) {
    let Some(amount) = amount else {
        used.push(source.to_string());
        return;
    };
    if adds_up(label) {
        // A note of what the items add up to (as studietur prints under a
        // published total): the items say it already.
        used.push(source.to_string());
    } else if sum_label(label) {
        a.printed_total = Some(amount);
        used.push(source.to_string());
    } else if per_participant(label) {
        a.price_printed = true;
        used.push(source.to_string());
    } else if label.is_empty() {
        add_text(a, source);
    } else {
        used.push(source.to_string());
        a.items.push(ItemDraft {
            label: label.to_string(),
            amount,
            budget,
        });
    }
}

/// A table of items: the last column of amounts is the amount, a column
/// headed "Budget" the budget. False when it is no such table.
fn table(t: &crate::import::doc::Table, a: &mut AccountsDraft, used: &mut Vec<String>) -> bool {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.line()).collect())
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let is_amount = |s: &str| {
        !s.trim().is_empty() && amount_at_end(&format!("x {s}")).is_some_and(|(l, _)| l == "x")
    };
    let amount_cols: Vec<usize> = (1..width)
        .filter(|&c| {
            let n = rows
                .iter()
                .filter(|r| r.get(c).is_some_and(|s| is_amount(s)))
                .count();
            n * 2 >= rows.len().saturating_sub(1).max(1)
        })
        .collect();
    let Some(&last) = amount_cols.last() else {
        return false;
    };
    let header = rows
        .first()
        .filter(|r| !r.iter().skip(1).any(|c| is_amount(c)));
    let budget_col = header.and_then(|h| {
        amount_cols.iter().copied().find(|&c| {
            c != last
                && h.get(c)
                    .is_some_and(|s| s.to_lowercase().contains("budget"))
        })
    });
    let amount_col = match (header, budget_col) {
        (Some(h), None)
            if h.get(last)
                .is_some_and(|s| s.to_lowercase().contains("budget"))
                && amount_cols.len() > 1 =>
        {
            amount_cols[amount_cols.len() - 2]
        }
        _ => last,
    };
    let budget_col = budget_col.or_else(|| {
        header.and_then(|h| {
            (amount_col != last
                && h.get(last)
                    .is_some_and(|s| s.to_lowercase().contains("budget")))
            .then_some(last)
        })
    });
    for (i, r) in rows.iter().enumerate() {
        let text = r.join(" | ");
        if i == 0 && header.is_some() {
            if let Some(v) = vat_of(&text) {
                a.vat = v;
            }
            used.push(text);
            continue;
        }
        let label = fold(
            &r.iter()
                .enumerate()
                .filter(|(c, _)| !amount_cols.contains(c))
                .map(|(_, s)| s.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        if let Some(n) = participant_count(&text) {
            a.participants = Some(n);
            used.push(text);
            continue;
        }
        let parse = |c: usize| {
            r.get(c)
                .and_then(|s| amount_at_end(&format!("x {s}")))
                .map(|(_, a)| a)
        };
        let amount = parse(amount_col);
        let budget = budget_col.and_then(parse);
        if amount.is_none() && label.is_empty() {
            continue;
        }
        row(a, &label, amount, budget, used, &text);
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::import::recognise::accounts::*;

    fn amount(s: &str) -> Option<(String, i64)> {
        amount_at_end(s)
            .map(|(l, a)| (l, a.literal().replace('.', "").parse::<i64>().unwrap_or(-1)))
    }

    #[test]
    fn danish_and_english_amounts() {
        assert_eq!(amount("Hotel 62.888 kr."), Some(("Hotel".into(), 62888)));
        assert_eq!(amount("31.300 kr."), Some(("".into(), 31300)));
        assert_eq!(amount("Gaver: kr. 3.264"), Some(("Gaver".into(), 3264)));
        assert_eq!(
            amount("Pris per deltager: 12.959,9 kr."),
            Some(("Pris per deltager".into(), 1295990))
        );
        assert_eq!(amount("Taxi 1.150,50"), Some(("Taxi".into(), 115050)));
        assert_eq!(amount("Hotel DKK 1,150.50"), Some(("Hotel".into(), 115050)));
        assert_eq!(
            amount("Forplejning 21 519 kr"),
            Some(("Forplejning".into(), 21519))
        );
        assert_eq!(amount("Studietur 2023"), None);
        assert_eq!(amount("Dag 2"), None);
    }

    #[test]
    fn counts() {
        assert_eq!(participant_count("Antal deltagere: 10"), Some(10));
        assert_eq!(participant_count("I alt 12 deltagere"), Some(12));
        assert_eq!(participant_count("Deltagere"), None);
    }
}
