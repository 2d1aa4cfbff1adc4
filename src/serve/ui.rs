//! The words of the editor's page (buttons, headings, notices), from the
//! message catalogue (`ui-<id>`): the page asks for them in the language
//! shown, with `{name}` where it puts a value.

use crate::locale::Lang;
use crate::messages::{Arg, lookup};

/// Every word of the page, with the values it takes.
const WORDS: &[(&str, &[&str])] = &[
    ("other-language", &[]),
    ("trips", &[]),
    ("fine", &[]),
    ("errors-one", &["n"]),
    ("errors-other", &["n"]),
    ("warnings-one", &["n"]),
    ("warnings-other", &["n"]),
    ("title", &[]),
    ("dates", &[]),
    ("committee", &[]),
    ("file", &[]),
    ("status", &[]),
    ("new-trip", &[]),
    ("file-name", &[]),
    ("create", &[]),
    ("editing", &["name"]),
    ("form", &[]),
    ("toml", &[]),
    ("views", &[]),
    ("save", &[]),
    ("saved", &[]),
    ("unsaved", &[]),
    ("saved-with-errors-one", &["n"]),
    ("saved-with-errors-other", &["n"]),
    ("undo", &[]),
    ("reload", &[]),
    ("pdf", &[]),
    ("pdf-failed", &[]),
    ("preview", &[]),
    ("no-preview", &[]),
    ("stale", &[]),
    ("page", &["n", "of"]),
    ("page-png", &["n"]),
    ("ms", &["ms"]),
    ("outline", &[]),
    ("file-group", &[]),
    ("add", &["what"]),
    ("remove", &["what"]),
    ("up", &["what"]),
    ("down", &["what"]),
    ("removed", &["what"]),
    ("undo-remove", &[]),
    ("not-undone", &[]),
    ("upload", &[]),
    ("not-image", &[]),
    ("too-large", &["size", "max"]),
    ("alt-now", &[]),
    ("errors-in-file-one", &["n"]),
    ("errors-in-file-other", &["n"]),
    ("go-to", &[]),
    ("see-toml", &[]),
    ("syntax", &[]),
    ("fix-first", &[]),
    ("merged", &[]),
    ("conflict", &["field", "theirs", "yours"]),
    ("use-mine", &[]),
    ("keep-theirs", &[]),
    ("recovered", &["time"]),
    ("restore", &[]),
    ("discard", &[]),
    ("offline", &[]),
    ("unreachable", &[]),
    ("locked-title", &[]),
    ("locked", &[]),
    ("text-too-large", &["size", "max"]),
    ("yes", &[]),
    ("no", &[]),
    // Importing a report (the start page).
    ("import", &[]),
    ("import-help", &[]),
    ("import-file", &[]),
    ("import-choose", &[]),
    ("importing", &["name"]),
    ("import-too-large", &["size", "max"]),
    ("imported", &["file", "name"]),
    ("imported-nothing", &["file", "name"]),
    ("import-found", &[]),
    ("close", &[]),
    ("contents-of", &["what"]),
    ("no-trips", &[]),
];

/// The page's words in `lang`, by id.
pub fn words(lang: Lang) -> serde_json::Map<String, serde_json::Value> {
    WORDS
        .iter()
        .map(|(id, args)| {
            let args: Vec<(&str, Arg)> = args
                .iter()
                .map(|a| (*a, Arg::Text(format!("{{{a}}}"))))
                .collect();
            let text = lookup(lang, &format!("ui-{id}"), &args).unwrap_or_else(|| id.to_string());
            (id.to_string(), serde_json::Value::String(text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_in_both_languages_with_its_places() {
        for lang in [Lang::Da, Lang::En] {
            let w = words(lang);
            for (id, args) in WORDS {
                let text = w[*id].as_str().unwrap();
                assert!(
                    lookup(lang, &format!("ui-{id}"), &[]).is_some(),
                    "ui-{id} is missing in {lang:?}"
                );
                for a in *args {
                    assert!(
                        text.contains(&format!("{{{a}}}")),
                        "ui-{id} lacks {{{a}}} in {lang:?}"
                    );
                }
            }
        }
    }

    /// Every word the page's scripts use is one the server gives.
    #[test]
    fn the_scripts_use_only_these_words() {
        for (name, script) in super::super::SCRIPTS {
            for call in ["t(\"", "count(\""] {
                let pieces: Vec<&str> = script.split(call).collect();
                for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
                    if before.ends_with(|c: char| c.is_alphanumeric() || c == '.' || c == '_') {
                        continue;
                    }
                    let id = piece.split('"').next().unwrap_or_default();
                    let known = WORDS.iter().any(|(w, _)| {
                        *w == id || *w == format!("{id}-one") || *w == format!("{id}-other")
                    });
                    assert!(known, "{name} uses the word {id}");
                }
            }
        }
    }
}
