//! A diagnostic as the editor shows it. At its field, in her words: the
//! field's label and a plain sentence, dates and amounts as she writes
//! them, no key, no TOML. In the TOML tab, as the command line says it,
//! with its line.

use super::form::{capital, key_at, place};
use crate::diagnostic::{Diagnostic, Seg, Severity};
use crate::locale::Lang;
use crate::messages::editor::{her_words, her_words_required};
use crate::messages::lookup;
use serde::Serialize;

/// A diagnostic for the page.
#[derive(Debug, Serialize)]
pub struct Shown {
    /// An error (else a warning).
    pub error: bool,
    /// The field it belongs to (`["day", 2, "date"]`); empty for none.
    pub path: Vec<Seg>,
    /// Where that is, for the list above the form: `Dag 3 › Dato`.
    pub place: String,
    /// What is wrong, in her words.
    pub words: String,
    /// What the command line says (for the TOML tab).
    pub message: String,
    /// What to write instead, as the command line says it.
    pub help: Option<String>,
    /// The line and column in the file.
    pub line: Option<usize>,
    /// The column.
    pub column: Option<usize>,
}

/// The label of the field at `path` (its deepest key), lower-case first
/// letter kept as the catalogue writes it.
fn label(path: &[Seg], lang: Lang) -> String {
    key_at(path)
        .and_then(|(_, id)| lookup(lang, &format!("field-{id}"), &[]))
        .unwrap_or_default()
}

/// `d` as the editor shows it, in `lang`.
pub fn shown(d: &Diagnostic, lang: Lang) -> Shown {
    let (line, column) = match (&d.file, &d.span) {
        (Some(f), Some(s)) => {
            let (l, c) = f.line_col(s.start);
            (Some(l), Some(c))
        }
        _ => (None, None),
    };
    let label = label(&d.field, lang);
    let required = key_at(&d.field).is_some_and(|(k, _)| k.required);
    let worded = if required {
        her_words_required
    } else {
        her_words
    };
    let words = worded(&d.wording.message, &label, lang)
        .unwrap_or_else(|| generic(&d.wording.message.in_lang(lang), &label, lang));
    Shown {
        error: d.severity == Severity::Error,
        place: place(&d.field, lang),
        path: d.field.clone(),
        words: capital(&words),
        message: d.message_in(lang),
        help: d.help_in(lang),
        line,
        column,
    }
}

/// A message with no plain twin (a template's error, a file that cannot be
/// read): said about the field, with the TOML tab to see more.
fn generic(message: &str, label: &str, lang: Lang) -> String {
    let args = [
        ("label", crate::messages::Arg::Text(label.to_string())),
        (
            "message",
            crate::messages::Arg::Text(message.replace(['`', '[', ']', '='], "")),
        ),
    ];
    lookup(lang, "form-other", &args).unwrap_or_else(|| message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{photo, trip};

    /// Every message a checked trip can have at a field has words for the
    /// form in both languages, and none speaks TOML: no backtick, bracket
    /// or `=`, and no key of format 1 where her label belongs.
    #[test]
    fn an_emptied_field_she_must_fill_in_is_not_called_optional() {
        let msg = trip::empty_value("destination");
        let path = [Seg::Key("trip".into()), Seg::Key("destination".into())];
        for lang in [Lang::Da, Lang::En] {
            let words = her_words_required(&msg, &label(&path, lang), lang).unwrap();
            let optional = her_words(&msg, &label(&path, lang), lang).unwrap();
            assert_ne!(words, optional, "{words}");
            assert!(words.starts_with("Destination"), "{words}");
        }
        let mut d = Diagnostic::plain(msg);
        d.field = path.to_vec();
        assert!(
            shown(&d, Lang::Da).words.contains("udfyld"),
            "{}",
            shown(&d, Lang::Da).words
        );
    }

    #[test]
    fn every_message_has_her_words_without_toml() {
        let not_at_a_field = [
            // The file as a whole (the form cannot be shown then).
            "give_trip_path",
            "cannot_open_folder_of",
            "file_too_large",
            "not_utf8",
            "old_mac_lines",
            "unclosed_text",
            "syntax_broken",
            "syntax_help_detail",
            "value_unreadable",
        ];
        let keys = crate::check::shape::key_names();
        for part in [trip::IDS, photo::IDS] {
            for (id, args) in part {
                if id.ends_with("_help")
                    || id.starts_with("syntax_help")
                    || not_at_a_field.contains(id)
                    || id.starts_with("add_")
                    || [
                        "did_you_mean",
                        "table_takes",
                        "remove_or_check_spelling",
                        "see_trip_format",
                        "image_in_trip_help",
                    ]
                    .contains(id)
                {
                    continue;
                }
                let args: Vec<(&str, crate::messages::Arg)> = args
                    .iter()
                    .map(|a| (*a, crate::messages::Arg::Text("x".into())))
                    .chain([("label", crate::messages::Arg::Text("Feltet".into()))])
                    .collect();
                for lang in [Lang::Da, Lang::En] {
                    let words = lookup(lang, &format!("form-{id}"), &args)
                        .unwrap_or_else(|| panic!("{id} has no form-{id} in {lang:?}"));
                    assert!(
                        !words.contains(['`', '[', ']', '=']),
                        "form-{id} speaks TOML: {words}"
                    );
                    // Danish words that are also keys are fine.
                    let danish = [
                        "alt", "note", "total", "budget", "start", "format", "logo", "end", "time",
                    ];
                    if lang == Lang::Da {
                        for word in words.split(|c: char| !c.is_alphanumeric() && c != '_') {
                            assert!(
                                !keys.contains(&word) || danish.contains(&word),
                                "form-{id} names the key {word}: {words}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_missing_destination_is_told_by_its_label() {
        let text = "[trip]\ncommittee = \"U\"\nmunicipality = \"K\"\nstart = 2024-05-01\n";
        let checked = crate::check::check_bytes(
            "t.toml",
            text.as_bytes(),
            std::path::Path::new("."),
            crate::check::Settings::default(),
        );
        let d = &checked.diagnostics[0];
        let s = shown(d, Lang::Da);
        assert_eq!(
            serde_json::to_string(&s.path).unwrap(),
            r#"["trip","destination"]"#
        );
        assert!(s.words.contains("Destination"), "{}", s.words);
        assert!(!s.words.contains(['`', '[', '=']), "{}", s.words);
        assert!(
            s.message.contains("`destination`"),
            "the TOML tab keeps the file's words"
        );
    }

    #[test]
    fn dates_and_amounts_as_she_writes_them() {
        let text = "[trip]\ncommittee = \"U\"\nmunicipality = \"K\"\ndestination = \"D\"\nstart = 2025-10-06\nend = 2025-10-07\n\n[[day]]\ndate = 2025-10-08\nagenda = [\"a\"]\n\n[accounts]\nparticipants = 2\ntotal = \"36900.50\"\n[[accounts.item]]\nlabel = \"x\"\namount = \"36400.50\"\n";
        let checked = crate::check::check_bytes(
            "t.toml",
            text.as_bytes(),
            std::path::Path::new("."),
            crate::check::Settings::default(),
        );
        let words: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| shown(d, Lang::Da).words)
            .collect();
        let all = words.join("\n");
        assert!(all.contains("8. oktober 2025"), "{all}");
        assert!(all.contains("36.900,50 kr."), "{all}");
        assert!(all.contains("36.400,50 kr."), "{all}");
        assert!(!all.contains(['`', '[', '=']), "{all}");
    }
}
