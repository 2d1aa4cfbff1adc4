//! Edits from the editor's form applied to the trip file's text with
//! `toml_edit`, so that everything the user did not change — comments,
//! order, formatting — stays exactly as it was.

use super::placement::{last_place, place_at_top, renumber};
use crate::messages::{Msg, editor as m};
use crate::money::Amount;
use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// A step of a path into the trip file: a key or an index.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum Seg {
    /// A key of a table.
    Key(String),
    /// An entry of an array (of tables).
    Index(usize),
}

/// A value from the form.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum FormValue {
    /// `{ "date": "2023-04-17" }`.
    Date {
        /// ISO date.
        date: String,
    },
    /// `{ "amount": "1.150,50" }`, typed the Danish way.
    Amount {
        /// As typed.
        amount: String,
    },
    /// Text, a number or true/false.
    Plain(serde_json::Value),
}

/// One edit.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    /// Sets the value at `path` (an empty text or `null` removes the key).
    Set {
        /// Where.
        path: Vec<Seg>,
        /// What.
        value: FormValue,
    },
    /// Removes the key or entry at `path`.
    Remove {
        /// What.
        path: Vec<Seg>,
    },
    /// Appends a table (`[[day]]`, `[[day.section]]` …) or, for an array of
    /// texts or an agenda, a value, to the list at `path`.
    Add {
        /// The list.
        path: Vec<Seg>,
        /// The new entry's keys (a table) or value.
        #[serde(default)]
        value: Option<serde_json::Value>,
    },
    /// Moves an entry of the list at `path` from one place to another.
    Move {
        /// The list.
        path: Vec<Seg>,
        /// From this index…
        from: usize,
        /// …to this one.
        to: usize,
    },
}

/// Why an edit cannot be made; `path` is where to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    /// The field.
    pub path: Vec<Seg>,
    /// What is wrong, for the user.
    pub message: Msg,
}

/// Applies `ops` to `text`; the new text, or the first edit that cannot be
/// made (nothing is applied then).
pub fn apply(text: &str, ops: &[Op]) -> Result<String, EditError> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| EditError {
        path: Vec::new(),
        message: m::edit_syntax(e.message()),
    })?;
    for op in ops {
        apply_one(&mut doc, op)?;
    }
    Ok(doc.to_string())
}

fn fail(path: &[Seg], message: Msg) -> EditError {
    EditError {
        path: path.to_vec(),
        message,
    }
}

fn apply_one(doc: &mut DocumentMut, op: &Op) -> Result<(), EditError> {
    let root = Node::Table(doc.as_table_mut());
    match op {
        Op::Set { path, value } => {
            let (last, parent) = split(path)?;
            let key = match last {
                Seg::Key(k) => k.as_str(),
                Seg::Index(_) => "",
            };
            match (to_value(path, key, value)?, last) {
                (Some(v), Seg::Key(k)) => set(walk(root, parent, true)?, k, v, path),
                // An entry of an array (an agenda's entry) is replaced.
                (Some(v), Seg::Index(n)) => match walk(root, parent, false)? {
                    Node::Array(a) if *n < a.len() => {
                        let decor = a.get(*n).map(|old| old.decor().clone());
                        a.replace(*n, v);
                        if let (Some(d), Some(new)) = (decor, a.get_mut(*n)) {
                            *new.decor_mut() = d;
                        }
                        Ok(())
                    }
                    _ => Err(fail(path, m::edit_no_entry())),
                },
                (None, _) => remove(root, path),
            }
        }
        Op::Remove { path } => remove(root, path),
        Op::Add { path, value } => add(root, path, value.as_ref()),
        Op::Move { path, from, to } => match walk(root, path, false)? {
            Node::Tables(a) => {
                move_in(a.len(), *from, *to, path)?;
                let mut tables: Vec<Table> = a.iter().cloned().collect();
                let t = tables.remove(*from);
                tables.insert(*to, t);
                renumber(&mut tables);
                *a = ArrayOfTables::new();
                for t in tables {
                    a.push(t);
                }
                Ok(())
            }
            Node::Array(a) => {
                move_in(a.len(), *from, *to, path)?;
                let v = a.remove(*from);
                a.insert_formatted(*to, v);
                Ok(())
            }
            _ => Err(fail(path, m::edit_not_a_list())),
        },
    }
}

fn move_in(len: usize, from: usize, to: usize, path: &[Seg]) -> Result<(), EditError> {
    if from < len && to < len {
        Ok(())
    } else {
        Err(fail(path, m::edit_no_entry_to_move()))
    }
}

fn split(path: &[Seg]) -> Result<(&Seg, &[Seg]), EditError> {
    path.split_last()
        .ok_or_else(|| fail(path, m::edit_needs_path()))
}

/// The TOML value of a form value for `key`; `None` for an empty one.
fn to_value(path: &[Seg], key: &str, v: &FormValue) -> Result<Option<Value>, EditError> {
    Ok(match v {
        FormValue::Date { date } if date.trim().is_empty() => None,
        FormValue::Date { date } => Some(Value::from(
            date.trim()
                .parse::<toml_edit::Datetime>()
                .ok()
                .filter(|d| d.date.is_some() && d.time.is_none())
                .ok_or_else(|| fail(path, m::edit_not_date(date.as_str())))?,
        )),
        FormValue::Amount { amount } if amount.trim().is_empty() => None,
        FormValue::Amount { amount } => {
            let a = Amount::parse_typed(amount).map_err(|e| fail(path, e))?;
            let literal = a.literal();
            // Whole kroner as a number, øre as a string (never a float).
            Some(match literal.parse::<i64>() {
                Ok(n) => Value::from(n),
                Err(_) => Value::from(literal),
            })
        }
        FormValue::Plain(serde_json::Value::Null) => None,
        FormValue::Plain(serde_json::Value::String(s)) if s.is_empty() => None,
        FormValue::Plain(serde_json::Value::String(s)) => Some(Value::from(s.as_str())),
        FormValue::Plain(serde_json::Value::Bool(b)) => Some(Value::from(*b)),
        FormValue::Plain(serde_json::Value::Number(n)) => match n.as_i64() {
            Some(i) => Some(Value::from(i)),
            None => return Err(fail(path, m::edit_whole_number_for(key))),
        },
        FormValue::Plain(serde_json::Value::Array(items)) => {
            let mut a = toml_edit::Array::new();
            for i in items {
                match i {
                    serde_json::Value::String(s) if !s.trim().is_empty() => a.push(s.as_str()),
                    serde_json::Value::String(_) => {}
                    _ => return Err(fail(path, m::edit_texts_for(key))),
                }
            }
            Some(Value::Array(a))
        }
        FormValue::Plain(v @ serde_json::Value::Object(_)) => Some(json_value(v, path)?),
    })
}

/// A place in the document that can be changed.
enum Node<'a> {
    Table(&'a mut Table),
    Inline(&'a mut InlineTable),
    Tables(&'a mut ArrayOfTables),
    Array(&'a mut toml_edit::Array),
    Other,
}

fn of_item(item: &mut Item) -> Node<'_> {
    match item {
        Item::Table(t) => Node::Table(t),
        Item::ArrayOfTables(a) => Node::Tables(a),
        Item::Value(v) => of_value(v),
        Item::None => Node::Other,
    }
}

fn of_value(v: &mut Value) -> Node<'_> {
    match v {
        Value::InlineTable(t) => Node::Inline(t),
        Value::Array(a) => Node::Array(a),
        _ => Node::Other,
    }
}

/// The node at `path`; with `create`, missing tables on the way are made:
/// at the top a `[table]` in format 1's place, further in an inline table
/// (`logo = { … }`).
fn walk<'a>(root: Node<'a>, path: &[Seg], create: bool) -> Result<Node<'a>, EditError> {
    let mut node = root;
    for (i, seg) in path.iter().enumerate() {
        let here = &path[..=i];
        let missing = || fail(here, m::edit_no_field());
        node = match (node, seg) {
            (Node::Table(t), Seg::Key(k)) => {
                if create && t.get(k).is_none() {
                    if i == 0 {
                        let mut table = Table::new();
                        table.set_position(place_at_top(t, k));
                        t.insert(k, Item::Table(table));
                    } else {
                        t.insert(k, Item::Value(Value::InlineTable(InlineTable::new())));
                    }
                }
                of_item(t.get_mut(k).ok_or_else(missing)?)
            }
            (Node::Inline(t), Seg::Key(k)) => {
                if create && t.get(k).is_none() {
                    t.insert(k, Value::InlineTable(InlineTable::new()));
                }
                of_value(t.get_mut(k).ok_or_else(missing)?)
            }
            (Node::Tables(a), Seg::Index(n)) => Node::Table(a.get_mut(*n).ok_or_else(missing)?),
            (Node::Array(a), Seg::Index(n)) => of_value(a.get_mut(*n).ok_or_else(missing)?),
            _ => return Err(missing()),
        };
    }
    Ok(node)
}

fn set(node: Node<'_>, key: &str, v: Value, path: &[Seg]) -> Result<(), EditError> {
    match node {
        Node::Table(t) => {
            match t.get_mut(key) {
                Some(Item::Value(old)) => {
                    // Keep the comment and spacing around the old value.
                    let decor = old.decor().clone();
                    *old = v;
                    *old.decor_mut() = decor;
                }
                _ => {
                    t.insert(key, Item::Value(v));
                }
            }
            Ok(())
        }
        Node::Inline(t) => {
            match t.get_mut(key) {
                Some(old) => {
                    let decor = old.decor().clone();
                    *old = v;
                    *old.decor_mut() = decor;
                }
                None => {
                    t.insert(key, v);
                }
            }
            Ok(())
        }
        _ => Err(fail(path, m::edit_cannot_set())),
    }
}

fn remove(root: Node<'_>, path: &[Seg]) -> Result<(), EditError> {
    let (last, parent) = split(path)?;
    // Removing what is not there is nothing to do.
    let Ok(node) = walk(root, parent, false) else {
        return Ok(());
    };
    match (node, last) {
        (Node::Table(t), Seg::Key(k)) => {
            t.remove(k);
        }
        (Node::Inline(t), Seg::Key(k)) => {
            t.remove(k);
        }
        (Node::Tables(a), Seg::Index(n)) if *n < a.len() => {
            a.remove(*n);
        }
        (Node::Array(a), Seg::Index(n)) if *n < a.len() => {
            a.remove(*n);
        }
        _ => {}
    }
    Ok(())
}

fn add(root: Node<'_>, path: &[Seg], value: Option<&serde_json::Value>) -> Result<(), EditError> {
    let (last, parent) = split(path)?;
    let Seg::Key(key) = last else {
        return Err(fail(path, m::edit_list_by_key()));
    };
    let Node::Table(t) = walk(root, parent, true)? else {
        return Err(fail(path, m::edit_cannot_add_list()));
    };
    // A new table goes after the last one of its list, or (the first of
    // its list) after its parent's tables, or at the top in format 1's
    // place.
    let place = match t.get(key) {
        Some(item @ Item::ArrayOfTables(_)) => last_place(item),
        _ if parent.is_empty() => place_at_top(t, key),
        _ => t
            .position()
            .max(t.iter().filter_map(|(_, i)| last_place(i)).max()),
    };
    match (t.get_mut(key), value) {
        // A value to an array (an agenda's entries, points).
        (Some(Item::Value(Value::Array(a))), Some(v)) => {
            a.push(json_value(v, path)?);
            Ok(())
        }
        (None, Some(v)) if !v.is_object() => {
            let mut a = toml_edit::Array::new();
            a.push(json_value(v, path)?);
            t.insert(key, Item::Value(Value::Array(a)));
            Ok(())
        }
        (existing, v) => {
            let mut table = Table::new();
            table.set_position(place);
            if let Some(serde_json::Value::Object(fields)) = v {
                for (k, fv) in fields {
                    table.insert(k, Item::Value(json_value(fv, path)?));
                }
            }
            match existing {
                Some(Item::ArrayOfTables(a)) => a.push(table),
                None => {
                    let mut a = ArrayOfTables::new();
                    a.push(table);
                    t.insert(key, Item::ArrayOfTables(a));
                }
                Some(_) => return Err(fail(path, m::edit_not_table_list())),
            }
            Ok(())
        }
    }
}

fn json_value(v: &serde_json::Value, path: &[Seg]) -> Result<Value, EditError> {
    match v {
        serde_json::Value::String(s) => Ok(Value::from(s.as_str())),
        serde_json::Value::Bool(b) => Ok(Value::from(*b)),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::from)
            .ok_or_else(|| fail(path, m::edit_whole_number())),
        serde_json::Value::Object(o) if o.contains_key("date") => {
            let d = o["date"].as_str().unwrap_or_default();
            d.parse::<toml_edit::Datetime>()
                .map(Value::from)
                .map_err(|_| fail(path, m::edit_not_date(d)))
        }
        serde_json::Value::Array(items) => {
            let mut a = toml_edit::Array::new();
            for i in items {
                a.push(json_value(i, path)?);
            }
            Ok(Value::Array(a))
        }
        serde_json::Value::Object(o) => {
            let mut t = InlineTable::new();
            for (k, fv) in o {
                t.insert(k, json_value(fv, path)?);
            }
            Ok(Value::InlineTable(t))
        }
        _ => Err(fail(path, m::edit_cannot_write())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRIP: &str = "# A comment that must stay\n[trip]\ndestination = \"Oslo\"  # where\nstart = 2024-05-01\n\n[[day]]\ndate = 2024-05-01\nagenda = [\"Ankomst\", \"Besøg\"]\n\n[[day]]\ndate = 2024-05-02\n";

    fn ops(json: &str) -> Vec<Op> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_set_keeps_comments_and_formatting() {
        let out = apply(
            TRIP,
            &ops(r#"[{"op":"set","path":["trip","destination"],"value":"Bergen"}]"#),
        )
        .unwrap();
        assert_eq!(out, TRIP.replace("\"Oslo\"", "\"Bergen\""));
    }

    #[test]
    fn amounts_dates_and_new_tables() {
        let out = apply(
            TRIP,
            &ops(r#"[
                {"op":"set","path":["accounts","total"],"value":{"amount":"1.150,50"}},
                {"op":"add","path":["accounts","item"],"value":{"label":"Hotel","amount":1000}},
                {"op":"set","path":["trip","end"],"value":{"date":"2024-05-03"}},
                {"op":"set","path":["author","name"],"value":"Sekretariatet"}
            ]"#),
        )
        .unwrap();
        let t: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(t["accounts"]["total"].as_str(), Some("1150.50"));
        assert_eq!(t["accounts"]["item"][0]["amount"].as_integer(), Some(1000));
        assert_eq!(t["trip"]["end"].to_string(), "2024-05-03");
        assert_eq!(t["author"]["name"].as_str(), Some("Sekretariatet"));
        assert!(out.starts_with("# A comment that must stay"));
        let bad = apply(
            TRIP,
            &ops(r#"[{"op":"set","path":["accounts","total"],"value":{"amount":"12,3,4"}}]"#),
        );
        assert_eq!(
            bad.unwrap_err().path,
            vec![Seg::Key("accounts".into()), Seg::Key("total".into())]
        );
    }

    #[test]
    fn new_tables_go_where_format_1_puts_them() {
        let trip = "[trip]\ndestination = \"Oslo\"\n\n[[day]]\ndate = 2024-05-01\n\n  [[day.section]]\n  title = \"A\"\n\n[accounts]\nparticipants = 3\n";
        let out = apply(
            trip,
            &ops(r#"[
                {"op":"set","path":["author","name"],"value":"Sekretariatet"},
                {"op":"add","path":["day"],"value":{"date":{"date":"2024-05-02"}}},
                {"op":"add","path":["accounts","item"],"value":{"label":"Hotel","amount":1000}},
                {"op":"set","path":["trip","logo","file"],"value":"logo.png"}
            ]"#),
        )
        .unwrap();
        let at = |needle: &str| {
            out.find(needle)
                .unwrap_or_else(|| panic!("{needle} in {out}"))
        };
        assert!(
            at("[trip]") < at("[author]") && at("[author]") < at("[[day]]"),
            "{out}"
        );
        // The new day after the last day's visit, before the accounts.
        assert!(
            at("title = \"A\"") < at("date = 2024-05-02")
                && at("date = 2024-05-02") < at("[accounts]"),
            "{out}"
        );
        // A new item's keys in the order given.
        assert!(at("label = \"Hotel\"") < at("amount = 1000"), "{out}");
        // A picture as an inline table of [trip].
        assert!(
            out.contains("logo = { file = \"logo.png\" }") && at("logo =") < at("[author]"),
            "{out}"
        );
    }

    #[test]
    fn a_moved_day_takes_its_visits_and_images_with_it() {
        let trip = "[trip]\ndestination = \"Oslo\"\n\n# first day\n[[day]]\ndate = 2024-05-01\n\n  [[day.section]]\n  title = \"A\"\n\n    [[day.section.image]]\n    file = \"a.png\"\n\n[[day]]\ndate = 2024-05-02\n\n  [[day.section]]\n  title = \"B1\"\n\n  [[day.section]]\n  title = \"B2\"\n\n[accounts]\nparticipants = 3\n";
        let out = apply(
            trip,
            &ops(r#"[{"op":"move","path":["day"],"from":1,"to":0}]"#),
        )
        .unwrap();
        let t: toml::Table = toml::from_str(&out).unwrap();
        let days = t["day"].as_array().unwrap();
        assert_eq!(days[0]["date"].to_string(), "2024-05-02");
        let titles = |d: &toml::Value| -> Vec<String> {
            d["section"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["title"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(titles(&days[0]), ["B1", "B2"]);
        assert_eq!(titles(&days[1]), ["A"]);
        assert_eq!(
            days[1]["section"][0]["image"][0]["file"].as_str(),
            Some("a.png")
        );
        // The day's comment went with it; the accounts stay last.
        let at = |needle: &str| out.find(needle).unwrap();
        assert!(
            at("# first day") < at("date = 2024-05-01") && at("date = 2024-05-01") > at("B2"),
            "{out}"
        );
        assert!(at("[accounts]") > at("a.png"), "{out}");
        // And back: the file as it was.
        let back = apply(
            &out,
            &ops(r#"[{"op":"move","path":["day"],"from":1,"to":0}]"#),
        )
        .unwrap();
        assert_eq!(back, trip);
    }

    #[test]
    fn lists_add_move_remove_and_agenda_entries() {
        let out = apply(
            TRIP,
            &ops(r#"[
                {"op":"move","path":["day"],"from":1,"to":0},
                {"op":"set","path":["day",1,"agenda",1],"value":{"time":"10.30","text":"Besøg","points":["a","b"]}},
                {"op":"remove","path":["day",0]}
            ]"#),
        )
        .unwrap();
        let t: toml::Table = toml::from_str(&out).unwrap();
        let days = t["day"].as_array().unwrap();
        assert_eq!(days.len(), 1);
        assert_eq!(days[0]["date"].to_string(), "2024-05-01");
        assert_eq!(days[0]["agenda"][1]["time"].as_str(), Some("10.30"));
        assert_eq!(days[0]["agenda"][0].as_str(), Some("Ankomst"));
    }
}
