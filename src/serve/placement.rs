//! Where tables print in a trip file: `toml_edit` keeps each table's place,
//! and these helpers choose places so that a moved or added table prints
//! where format 1 puts it, with its nested tables under it.

use toml_edit::{Item, Table};

/// The places in the file of a table and of every table nested in it (a
/// day's visits, their images), in the order they are visited.
fn places(t: &Table, out: &mut Vec<Option<isize>>) {
    out.push(t.position());
    for (_, item) in t.iter() {
        match item {
            Item::Table(sub) => places(sub, out),
            Item::ArrayOfTables(list) => list.iter().for_each(|sub| places(sub, out)),
            _ => {}
        }
    }
}

/// Sets the places of `t` and its nested tables, in the order [`places`]
/// visits them, from `new`.
fn set_places(t: &mut Table, new: &mut std::slice::Iter<'_, Option<isize>>) {
    t.set_position(new.next().copied().flatten());
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => set_places(sub, new),
            Item::ArrayOfTables(list) => list.iter_mut().for_each(|sub| set_places(sub, new)),
            _ => {}
        }
    }
}

/// Gives a list of tables in their new order the places in the file that
/// the list had, so that it prints in that order, each entry's nested
/// tables (a day's `[[day.section]]`) still under it.
pub(super) fn renumber(tables: &mut [Table]) {
    let mut pool: Vec<isize> = Vec::new();
    let mut visited: Vec<Vec<Option<isize>>> = Vec::new();
    for t in tables.iter() {
        let mut v = Vec::new();
        places(t, &mut v);
        pool.extend(v.iter().flatten());
        visited.push(v);
    }
    pool.sort_unstable();
    let mut pool = pool.into_iter();
    for (t, v) in tables.iter_mut().zip(visited) {
        // The tables of this entry in the order they print, each given the
        // next free place.
        let mut order: Vec<usize> = (0..v.len()).filter(|&i| v[i].is_some()).collect();
        order.sort_by_key(|&i| v[i]);
        let mut new = vec![None; v.len()];
        for i in order {
            new[i] = pool.next();
        }
        set_places(t, &mut new.iter());
    }
}

/// The largest place in the file of a table in `item` (itself or nested).
pub(super) fn last_place(item: &Item) -> Option<isize> {
    match item {
        Item::Table(t) => {
            let inner = t.iter().filter_map(|(_, i)| last_place(i)).max();
            t.position().max(inner)
        }
        Item::ArrayOfTables(a) => a
            .iter()
            .filter_map(|t| {
                let inner = t.iter().filter_map(|(_, i)| last_place(i)).max();
                t.position().max(inner)
            })
            .max(),
        _ => None,
    }
}

/// Where a new top-level table `key` goes: right after the tables that
/// come before it in format 1's order (the order of its keys in the
/// format's description; a table printed at the same place follows the
/// ones already there).
pub(super) fn place_at_top(root: &Table, key: &str) -> Option<isize> {
    let order = |k: &str| {
        crate::check::shape::FILE
            .keys
            .iter()
            .position(|o| o.name == k)
    };
    let before = order(key).unwrap_or(usize::MAX);
    root.iter()
        .filter(|(k, _)| order(k).is_some_and(|i| i < before))
        .filter_map(|(_, i)| last_place(i))
        .max()
}
