//! Edits made on an older version of the text than the newest (another tab
//! or process changed it meanwhile): each edit whose field, and the lists
//! on its way, are as they were when she made it is applied to the newest
//! text; one whose field someone else changed is refused, and shown to her
//! with their value, so no one's text is overwritten unseen.

use super::convert::to_form;
use super::edit::Op;
use super::form::key_at;
use crate::diagnostic::Seg;
use serde::Serialize;

/// An edit refused because the field changed meanwhile.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    /// The field.
    pub path: Vec<Seg>,
    /// What the field holds now (as the form shows it).
    pub theirs: serde_json::Value,
    /// What she typed.
    pub yours: serde_json::Value,
    /// What to tell her.
    pub message: String,
}

impl Conflict {
    /// A whole text that could not be merged.
    pub fn text(message: String) -> Conflict {
        Conflict {
            path: Vec::new(),
            theirs: serde_json::Value::Null,
            yours: serde_json::Value::Null,
            message,
        }
    }

    /// With its message.
    pub fn worded(self, message: String) -> Conflict {
        Conflict { message, ..self }
    }
}

fn value_at<'a>(root: &'a toml::Value, path: &[Seg]) -> Option<&'a toml::Value> {
    path.iter().try_fold(root, |v, seg| match (v, seg) {
        (toml::Value::Table(t), Seg::Key(k)) => t.get(k),
        (toml::Value::Array(a), Seg::Index(i)) => a.get(*i),
        _ => None,
    })
}

/// Whether `path` means the same field in `old` and `new`: every list on
/// its way has as many entries, and (`whole`) the value itself is equal.
fn same(old: &toml::Value, new: &toml::Value, path: &[Seg], whole: bool) -> bool {
    for (i, seg) in path.iter().enumerate() {
        if matches!(seg, Seg::Index(_)) {
            let len =
                |v: &toml::Value| value_at(v, &path[..i]).and_then(|l| l.as_array().map(Vec::len));
            if len(old) != len(new) {
                return false;
            }
        }
    }
    !whole || value_at(old, path) == value_at(new, path)
}

/// The edits of `ops` (made on `old`) that can be applied to `current`, and
/// those refused. Without the old text, every edit is refused.
pub fn rebase(old: Option<&str>, current: &str, ops: &[Op]) -> (Vec<Op>, Vec<Conflict>) {
    let parse = |t: &str| {
        toml::from_str::<toml::Table>(t)
            .ok()
            .map(toml::Value::Table)
    };
    let (Some(old), Some(new)) = (old.and_then(parse), parse(current)) else {
        return (Vec::new(), ops.iter().map(|op| refused(None, op)).collect());
    };
    let mut ok = Vec::new();
    let mut conflicts = Vec::new();
    for op in ops {
        let fine = match op {
            Op::Set { path, .. } => same(&old, &new, path, true),
            // Appending commutes with what others did to the list.
            Op::Add { path, .. } => same(&old, &new, path, false),
            Op::Remove { path } | Op::Move { path, .. } => {
                let list = match path.last() {
                    Some(Seg::Index(_)) => &path[..path.len() - 1],
                    _ => path.as_slice(),
                };
                same(&old, &new, list, true)
            }
        };
        if fine {
            ok.push(op.clone());
        } else {
            conflicts.push(refused(Some(&new), op));
        }
    }
    (ok, conflicts)
}

fn refused(new: Option<&toml::Value>, op: &Op) -> Conflict {
    let (path, yours) = match op {
        Op::Set { path, value } => (path.clone(), value.clone()),
        Op::Add { path, .. } | Op::Remove { path } | Op::Move { path, .. } => {
            (path.clone(), serde_json::Value::Null)
        }
    };
    let theirs = match (new.and_then(|n| value_at(n, &path)), key_at(&path)) {
        (Some(v), Some((key, _))) => to_form(key, v),
        _ => serde_json::Value::Null,
    };
    Conflict {
        path,
        theirs,
        yours,
        message: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(json: &str) -> Vec<Op> {
        serde_json::from_str(json).unwrap()
    }

    const OLD: &str = "[trip]\ntitle = \"A\"\nsubtitle = \"B\"\n[[day]]\ndate = 2024-05-01\n";

    #[test]
    fn an_edit_of_another_field_is_merged_one_of_the_same_refused() {
        let current = OLD.replace("\"A\"", "\"Their title\"");
        let (ok, refused) = rebase(
            Some(OLD),
            &current,
            &ops(r#"[{"op":"set","path":["trip","subtitle"],"value":"Mine"},
                     {"op":"set","path":["trip","title"],"value":"My title"}]"#),
        );
        assert_eq!(ok.len(), 1);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].theirs, "Their title");
        assert_eq!(refused[0].yours, "My title");
        let merged = super::super::edit::apply(&current, &ok).unwrap();
        assert!(
            merged.contains("Their title") && merged.contains("Mine"),
            "{merged}"
        );
    }

    #[test]
    fn a_list_that_changed_refuses_an_edit_by_index() {
        let current = format!("{OLD}[[day]]\ndate = 2024-05-02\n");
        let (ok, refused) = rebase(
            Some(OLD),
            &current,
            &ops(r#"[{"op":"set","path":["day",0,"title"],"value":"x"},
                     {"op":"add","path":["day"]},
                     {"op":"remove","path":["day",0]}]"#),
        );
        assert_eq!(ok.len(), 1, "only the add");
        assert_eq!(refused.len(), 2);
        let (ok, refused) = rebase(None, &current, &ops(r#"[{"op":"add","path":["day"]}]"#));
        assert!(ok.is_empty() && refused.len() == 1);
    }
}
