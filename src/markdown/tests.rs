//! The Markdown subset, case by case.

use super::*;

fn t(s: &str) -> Inline {
    Inline::Text {
        text: s.to_string(),
    }
}

fn para(s: &str) -> Block {
    Block::Para {
        content: vec![t(s)],
    }
}

#[test]
fn paragraphs_and_soft_breaks() {
    let b = parse("Første linje\nsamme afsnit.\n\nAndet afsnit.").unwrap();
    assert_eq!(
        b,
        vec![para("Første linje samme afsnit."), para("Andet afsnit.")]
    );
}

#[test]
fn emphasis_strong_link() {
    let b = parse("Et *vigtigt* og **stærkt** [link](https://aarhus.dk).").unwrap();
    assert_eq!(
        b,
        vec![Block::Para {
            content: vec![
                t("Et "),
                Inline::Emph {
                    content: vec![t("vigtigt")]
                },
                t(" og "),
                Inline::Strong {
                    content: vec![t("stærkt")]
                },
                t(" "),
                Inline::Link {
                    url: "https://aarhus.dk".into(),
                    content: vec![t("link")]
                },
                t("."),
            ]
        }]
    );
}

#[test]
fn lists_and_quotes() {
    let b = parse("- a\n- b\n\n1. en\n2. to\n\n> citat\n> fortsat").unwrap();
    assert_eq!(
        b,
        vec![
            Block::List {
                ordered: false,
                start: 1,
                items: vec![vec![para("a")], vec![para("b")]]
            },
            Block::List {
                ordered: true,
                start: 1,
                items: vec![vec![para("en")], vec![para("to")]]
            },
            Block::Quote {
                blocks: vec![para("citat fortsat")]
            },
        ]
    );
}

#[test]
fn everything_else_is_literal() {
    let cases = [
        "#Ikke en overskrift",
        "#1 i Danmark",
        "Pris: $5 & 10 @ref <label> \\ \"citat\" ”x” »y«",
        "Escape \\# og \\* og &amp; og &lt;",
        "Kode `#set page(width: 1cm)` her",
        "Billede ![alt](x.png) her",
        "<b>fed</b>",
        "#import \"x.typ\": *",
        "a_b_c og ~streg~ og _kursiv_ og __fed__",
        // Lists are written `- ` (or `•`) and `1. `; other markers are text.
        "+ 2 ekstra deltagere",
        "* stjerne",
        "•ingen mellemrum",
    ];
    for case in cases {
        let b = parse(case).unwrap();
        assert_eq!(plain_text(&b), case, "for {case:?}");
    }
}

fn heading(depth: u8, s: &str) -> Block {
    Block::Heading {
        depth,
        content: vec![t(s)],
    }
}

#[test]
fn sub_headings_are_one_or_two_levels_below_the_section() {
    // The first is one below, whatever its #s; more #s go one deeper,
    // as many #s as an earlier one go back to its level.
    let b = parse("### A\n\ntekst\n\n#### B\n\n### C\n\n## D").unwrap();
    assert_eq!(
        b,
        vec![
            heading(1, "A"),
            para("tekst"),
            heading(2, "B"),
            heading(1, "C"),
            heading(1, "D"),
        ]
    );
    // Never skipping a level: `#` then `###` is one deeper.
    let b = parse("# A\n\n### B").unwrap();
    assert_eq!(b, vec![heading(1, "A"), heading(2, "B")]);
    // A third level is an error at its place.
    let src = "# A\n\n## B\n\n### C\n";
    let e = parse(src).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].offset, src.find("### C").unwrap());
    assert!(
        e[0].message.to_string().contains("third level"),
        "{}",
        e[0].message
    );
    // Underlined (setext) headings and headings in a list are text.
    assert_eq!(plain_text(&parse("Titel\n===").unwrap()), "Titel ===");
    assert_eq!(plain_text(&parse("- # x").unwrap()), "# x");
    assert!(parse("# ").is_err());
}

#[test]
fn pipe_tables_with_a_header() {
    let b = parse("| Rute | Afgang |\n|:--|--:|\n| 1A | *08.10* |\n| 2 |").unwrap();
    assert_eq!(
        b,
        vec![Block::Table {
            align: vec![Align::Left, Align::Right],
            header: vec![vec![t("Rute")], vec![t("Afgang")]],
            rows: vec![
                vec![
                    vec![t("1A")],
                    vec![Inline::Emph {
                        content: vec![t("08.10")]
                    }]
                ],
                vec![vec![t("2")], vec![]],
            ],
        }]
    );
    // Pipes without a delimiter row are text.
    assert_eq!(plain_text(&parse("a | b").unwrap()), "a | b");
}

#[test]
fn refuses_other_link_targets_and_definitions() {
    let e = parse("[x](../hemmelig.txt)").unwrap_err();
    assert!(
        e[0].message
            .to_string()
            .contains("not a web or mail address")
    );
    let e = parse("Se [x].\n\n[x]: https://a.dk").unwrap_err();
    assert!(e[0].message.to_string().contains("link reference"));
}

#[test]
fn refuses_deep_nesting_and_long_link_targets() {
    // Six levels of lists and quotes inside each other are fine, seven not.
    let six = (0..6)
        .map(|k| format!("{}- x", "  ".repeat(k)))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(parse(&six).is_ok());
    let seven = format!("{six}\n{}- x", "  ".repeat(6));
    let e = parse(&seven).unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(
        e[0].message.to_string().contains("more than 6 deep"),
        "{:?}",
        e[0].message
    );
    assert_eq!(e[0].offset, seven.rfind('-').unwrap());
    let e = parse(&format!("{} x", ">".repeat(20))).unwrap_err();
    assert_eq!(e[0].offset, 6);
    let url = format!("https://a.dk/{}", "a".repeat(2_000));
    let e = parse(&format!("Se [her]({url}).")).unwrap_err();
    assert!(
        e[0].message.to_string().contains("at most 2000"),
        "{:?}",
        e[0].message
    );
    assert!(parse(&format!("Se [her]({}).", &url[..1_990])).is_ok());
}

fn list(ordered: bool, items: &[&str]) -> Block {
    Block::List {
        ordered,
        start: 1,
        items: items.iter().map(|i| vec![para(i)]).collect(),
    }
}

#[test]
fn numbered_lists_start_at_one() {
    // A paragraph that opens with a Danish date or ordinal is text.
    for case in [
        "9. oktober om eftermiddagen holdt udvalget møde.",
        "2. halvår 2024 blev planen vedtaget.",
        "17. april blev budgettet godkendt.",
        "3) tre",
    ] {
        assert_eq!(parse(case).unwrap(), vec![para(case)], "for {case:?}");
    }
    // Two such paragraphs stay two paragraphs, with their emphasis.
    let b = parse("9. oktober *kom* vi.\n\n10. oktober tog vi hjem.").unwrap();
    assert_eq!(
        b,
        vec![
            Block::Para {
                content: vec![
                    t("9. oktober "),
                    Inline::Emph {
                        content: vec![t("kom")]
                    },
                    t(" vi.")
                ]
            },
            para("10. oktober tog vi hjem.")
        ]
    );
    // `1. ` and `1) ` start a list; the next number continues it, and so
    // does `1.` again (Markdown's own way); another number after a list is
    // text of its own.
    assert_eq!(
        parse("1. a\n2. b\n3. c").unwrap(),
        vec![list(true, &["a", "b", "c"])]
    );
    assert_eq!(parse("1) a\n2) b").unwrap(), vec![list(true, &["a", "b"])]);
    assert_eq!(parse("1. a\n1. b").unwrap(), vec![list(true, &["a", "b"])]);
    assert_eq!(
        parse("1. a\n2. b\n\n9. oktober blev det til noget.").unwrap(),
        vec![
            list(true, &["a", "b"]),
            para("9. oktober blev det til noget.")
        ]
    );
    // In a quote and in a list item too.
    assert_eq!(
        parse("> 2. halvår").unwrap(),
        vec![Block::Quote {
            blocks: vec![para("2. halvår")]
        }]
    );
    assert_eq!(
        parse("- 24. juni\n- 1. a").unwrap(),
        vec![Block::List {
            ordered: false,
            start: 1,
            items: vec![vec![para("24. juni")], vec![list(true, &["a"])]]
        }]
    );
}

#[test]
fn word_bullets_make_a_list() {
    for bullets in [
        "• en\n• to",
        "•\ten\n•\tto",
        "◦ en\n◦ to",
        "▪ en\n▪ to",
        "- en\n• to",
    ] {
        assert_eq!(
            parse(bullets).unwrap(),
            vec![list(false, &["en", "to"])],
            "for {bullets:?}"
        );
    }
    // After a paragraph's line, as Word pastes them; nested by indentation.
    assert_eq!(
        parse("Vi så:\n• en\n  ◦ under").unwrap(),
        vec![
            para("Vi så:"),
            Block::List {
                ordered: false,
                start: 1,
                items: vec![vec![para("en"), list(false, &["under"])]]
            }
        ]
    );
    // Inside a line a bullet is text; without a space after it too.
    assert_eq!(parse("a • b").unwrap(), vec![para("a • b")]);
    assert_eq!(parse("•b").unwrap(), vec![para("•b")]);
    // Errors after a bullet point at their place in the text as written.
    let src = "• [x](../a.txt)";
    let e = parse(src).unwrap_err();
    assert_eq!(e[0].offset, src.find('[').unwrap());
}
