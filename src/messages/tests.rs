//! The catalogue holds together: both Fluent files parse, define exactly
//! the same ids with the same arguments, and exactly the ids (and
//! arguments) of the catalogue's functions; every message can be worded in
//! both languages.

use super::{
    Arg, DA_FTL, EN_FTL, archive, cli, editor, format, import, keeping, making, photo, trip,
};
use crate::locale::Lang;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

type Ids = BTreeMap<String, BTreeSet<String>>;

/// Every message of a Fluent file with the variables it uses.
fn ids_of(name: &str, ftl: &'static str) -> Ids {
    let resource = match fluent_syntax::parser::parse(ftl) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{name} does not parse: {errors:?}"),
    };
    let mut ids = Ids::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                assert!(
                    m.attributes.is_empty(),
                    "{name}: {} has attributes",
                    m.id.name
                );
                let fresh = ids.insert(m.id.name.to_string(), vars).is_none();
                assert!(fresh, "{name}: {} is defined twice", m.id.name);
            }
            ast::Entry::Junk { content } => panic!("{name}: cannot read {content}"),
            _ => {}
        }
    }
    ids
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::MessageReference { id, .. }
        | ast::InlineExpression::TermReference { id, .. } => {
            panic!("{} is referenced: messages stand alone", id.name)
        }
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

/// Every function of the catalogue, with its arguments.
fn code_ids() -> Ids {
    let mut ids = Ids::new();
    for part in [
        trip::IDS,
        photo::IDS,
        making::IDS,
        archive::IDS,
        cli::IDS,
        editor::IDS,
        import::IDS,
        keeping::IDS,
    ] {
        for (id, args) in part {
            let args = args.iter().map(|a| a.to_string()).collect();
            let fresh = ids.insert(id.to_string(), args).is_none();
            assert!(fresh, "{id} is made by two functions");
        }
    }
    ids
}

fn differences(a: &Ids, b: &Ids) -> Vec<String> {
    let mut out = Vec::new();
    for (id, args) in a {
        match b.get(id) {
            None => out.push(format!("{id} only in the first")),
            Some(other) if other != args => out.push(format!("{id}: {args:?} ≠ {other:?}")),
            Some(_) => {}
        }
    }
    for id in b.keys().filter(|id| !a.contains_key(*id)) {
        out.push(format!("{id} only in the second"));
    }
    out
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_arguments() {
    let en = ids_of("en.ftl", EN_FTL);
    let da = ids_of("da.ftl", DA_FTL);
    assert_eq!(
        differences(&en, &da),
        Vec::<String>::new(),
        "en.ftl vs da.ftl"
    );
}

/// Whether `id` is one of the words the editor looks up by the form's
/// ids (`field-…`, `form-…`, `ui-…`), held together by the editor's tests.
fn looked_up(id: &str) -> bool {
    ["field-", "form-", "ui-"].iter().any(|p| id.starts_with(p))
}

#[test]
fn the_catalogue_is_exactly_what_the_code_makes() {
    let code = code_ids();
    let mut en = ids_of("en.ftl", EN_FTL);
    en.retain(|id, _| !looked_up(id));
    assert_eq!(
        differences(&code, &en),
        Vec::<String>::new(),
        "code vs en.ftl"
    );
}

#[test]
fn every_message_is_worded_in_both_languages_without_marks() {
    for (id, args) in code_ids() {
        let args: Vec<(&str, Arg)> = args
            .iter()
            .map(|a| (a.as_str(), Arg::Text("x".into())))
            .collect();
        for lang in [Lang::En, Lang::Da] {
            let text = super::word(lang, &id, &args, true)
                .unwrap_or_else(|| panic!("{id} cannot be worded in {lang:?}"));
            assert!(!text.trim().is_empty(), "{id} is empty in {lang:?}");
            assert!(
                !text.contains(['\u{2068}', '\u{2069}']),
                "{id} has isolation marks"
            );
        }
    }
}

#[test]
fn a_missing_message_or_argument_falls_back_without_panicking() {
    assert_eq!(format(Lang::Da, "no_such_message", &[]), "no_such_message");
    // A missing argument: the English text, with the argument marked.
    let text = format(Lang::Da, "did_you_mean", &[]);
    assert!(text.starts_with("did you mean"), "{text}");
    let text = format(Lang::Da, "did_you_mean", &[("key", Arg::from("title"))]);
    assert_eq!(text, "mente du `title`?");
}

#[test]
fn counts_choose_the_plural_and_decimals_the_comma() {
    let one = cli::count_errors(1usize);
    let two = cli::count_errors(2usize);
    assert_eq!(one.in_lang(Lang::En), "1 error");
    assert_eq!(two.in_lang(Lang::En), "2 errors");
    assert_eq!(two.in_lang(Lang::Da), "2 fejl");
    let line = cli::summary_checked(3usize, 0usize, Arg::decimal(1.2, 2));
    assert_eq!(line.in_lang(Lang::En), "3 checked, 0 failed in 1.20 s");
    assert_eq!(line.in_lang(Lang::Da), "3 tjekket, 0 fejlede på 1,20 s");
}
