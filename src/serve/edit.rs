//! Edits from the editor's form applied to the trip file's text with
//! `toml_edit`, so that everything the user did not change — comments,
//! order, formatting — stays exactly as it was.

use super::convert::to_toml;
use super::form::key_at;
use super::placement::{last_place, place_at_top, renumber};
use crate::messages::{Msg, editor as m};
use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

pub use crate::diagnostic::Seg;

/// One edit.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    /// Sets the value at `path` to what was typed into its field (an empty
    /// text or `null` removes the key), typed by the key's kind.
    Set {
        /// Where.
        path: Vec<Seg>,
        /// What was typed: a text, `true`/`false` or `null`.
        value: serde_json::Value,
    },
    /// Removes the key or entry at `path`.
    Remove {
        /// What.
        path: Vec<Seg>,
    },
    /// Appends an entry to the list at `path` (`[[day]]`,
    /// `[[day.section]]`, an agenda's entry), with the fields given (as
    /// typed) and no others: an empty field is left for her to fill.
    Add {
        /// The list.
        path: Vec<Seg>,
        /// The new entry's fields, as typed.
        #[serde(default)]
        value: serde_json::Map<String, serde_json::Value>,
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
            // A field of an agenda entry: the entry is rewritten whole.
            if let [list @ .., Seg::Key(agenda), Seg::Index(n), Seg::Key(_)] = path.as_slice()
                && agenda == "agenda"
            {
                let mut at = list.to_vec();
                at.push(Seg::Key(agenda.clone()));
                return agenda_set(root, &at, *n, path, value);
            }
            let (key, _) = key_at(path).ok_or_else(|| fail(path, m::edit_no_field()))?;
            let v = to_toml(key, value).map_err(|e| fail(path, e))?;
            match (v, last) {
                (Some(v), Seg::Key(k)) => set(walk(root, parent, true)?, k, v, path),
                (Some(_), Seg::Index(_)) => Err(fail(path, m::edit_no_entry())),
                (None, _) => remove(root, path),
            }
        }
        Op::Remove { path } => remove(root, path),
        Op::Add { path, value } => add(root, path, value),
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

/// Sets one field of the agenda entry `n` of the agenda at `at`: an entry
/// with only a text is written as that text, any other as a table.
fn agenda_set(
    root: Node<'_>,
    at: &[Seg],
    n: usize,
    path: &[Seg],
    typed: &serde_json::Value,
) -> Result<(), EditError> {
    let Some(Seg::Key(field)) = path.last() else {
        return Err(fail(path, m::edit_no_field()));
    };
    let (key, _) = key_at(path).ok_or_else(|| fail(path, m::edit_no_field()))?;
    let v = to_toml(key, typed).map_err(|e| fail(path, e))?;
    let Node::Array(a) = walk(root, at, false)? else {
        return Err(fail(path, m::edit_no_entry()));
    };
    let Some(old) = a.get(n) else {
        return Err(fail(path, m::edit_no_entry()));
    };
    let mut entry = match old {
        Value::InlineTable(t) => t.clone(),
        Value::String(s) => {
            let mut t = InlineTable::new();
            t.insert("text", Value::from(s.value().as_str()));
            t
        }
        _ => InlineTable::new(),
    };
    match v {
        Some(v) => {
            entry.insert(field, v);
        }
        None => {
            entry.remove(field);
        }
    }
    // The keys in format 1's order.
    let mut ordered = InlineTable::new();
    for k in crate::check::shape::AGENDA_ITEM.keys {
        if let Some(v) = entry.get(k.name) {
            ordered.insert(k.name, v.clone());
        }
    }
    let only_text = ordered.len() == 1 && ordered.contains_key("text");
    let new = match ordered.get("text") {
        Some(t) if only_text => t.clone(),
        _ if ordered.is_empty() => Value::from(""),
        _ => Value::InlineTable(ordered),
    };
    let decor = old.decor().clone();
    a.replace(n, new);
    if let Some(new) = a.get_mut(n) {
        *new.decor_mut() = decor;
    }
    Ok(())
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

fn add(
    root: Node<'_>,
    path: &[Seg],
    fields: &serde_json::Map<String, serde_json::Value>,
) -> Result<(), EditError> {
    let (last, parent) = split(path)?;
    let Seg::Key(key) = last else {
        return Err(fail(path, m::edit_list_by_key()));
    };
    let (spec_key, _) = key_at(path).ok_or_else(|| fail(path, m::edit_no_field()))?;
    // The new entry's fields, typed by their keys.
    let mut typed: Vec<(String, Value)> = Vec::new();
    for (k, v) in fields {
        let mut at = path.to_vec();
        at.extend([Seg::Index(0), Seg::Key(k.clone())]);
        let (field, _) = key_at(&at).ok_or_else(|| fail(&at, m::edit_no_field()))?;
        if let Some(v) = to_toml(field, v).map_err(|e| fail(&at, e))? {
            typed.push((k.clone(), v));
        }
    }
    let Node::Table(t) = walk(root, parent, true)? else {
        return Err(fail(path, m::edit_cannot_add_list()));
    };
    if matches!(spec_key.kind, crate::check::shape::Kind::Agenda) {
        // An agenda's entry: an empty text for her to write.
        let entry = match typed.as_slice() {
            [] => Value::from(""),
            [(k, v)] if k == "text" => v.clone(),
            _ => {
                let mut it = InlineTable::new();
                for (k, v) in typed {
                    it.insert(&k, v);
                }
                Value::InlineTable(it)
            }
        };
        return match t.get_mut(key) {
            Some(Item::Value(Value::Array(a))) => {
                a.push(entry);
                Ok(())
            }
            None => {
                let mut a = toml_edit::Array::new();
                a.push(entry);
                t.insert(key, Item::Value(Value::Array(a)));
                Ok(())
            }
            Some(_) => Err(fail(path, m::edit_not_table_list())),
        };
    }
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
    let mut table = Table::new();
    table.set_position(place);
    for (k, v) in typed {
        table.insert(&k, Item::Value(v));
    }
    match t.get_mut(key) {
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
                {"op":"set","path":["accounts","total"],"value":"1.150,50"},
                {"op":"add","path":["accounts","item"],"value":{"label":"Hotel","amount":"1.000"}},
                {"op":"set","path":["trip","end"],"value":"2024-05-03"},
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
            &ops(r#"[{"op":"set","path":["accounts","total"],"value":"12,3,4"}]"#),
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
                {"op":"add","path":["day"],"value":{"date":"2024-05-02"}},
                {"op":"add","path":["accounts","item"],"value":{"label":"Hotel","amount":"1.000"}},
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
                {"op":"set","path":["day",1,"agenda",1,"time"],"value":"10.30"},
                {"op":"set","path":["day",1,"agenda",1,"points"],"value":"a\nb"},
                {"op":"add","path":["day",1,"agenda"]},
                {"op":"remove","path":["day",0]}
            ]"#),
        )
        .unwrap();
        let t: toml::Table = toml::from_str(&out).unwrap();
        let days = t["day"].as_array().unwrap();
        assert_eq!(days.len(), 1);
        assert_eq!(days[0]["date"].to_string(), "2024-05-01");
        assert_eq!(days[0]["agenda"][1]["time"].as_str(), Some("10.30"));
        assert_eq!(days[0]["agenda"][1]["text"].as_str(), Some("Besøg"));
        assert_eq!(days[0]["agenda"][0].as_str(), Some("Ankomst"));
        // A new entry is empty, for her to write (no "…" to type after).
        assert_eq!(days[0]["agenda"][2].as_str(), Some(""));
        // Back to a text alone: written as a text.
        let back = apply(
            &out,
            &ops(
                r#"[{"op":"set","path":["day",0,"agenda",1,"time"],"value":""},
                     {"op":"set","path":["day",0,"agenda",1,"points"],"value":""}]"#,
            ),
        )
        .unwrap();
        assert!(
            back.contains("agenda = [\"Ankomst\", \"Besøg\", \"\"]"),
            "{back}"
        );
    }
}
