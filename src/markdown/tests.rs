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
    let b = parse("- a\n- b\n\n3. tre\n4. fire\n\n> citat\n> fortsat").unwrap();
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
                start: 3,
                items: vec![vec![para("tre")], vec![para("fire")]]
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
        // Lists are written `- ` and `1. `; other markers are text.
        "+ 2 ekstra deltagere",
        "* stjerne",
        "1) første",
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
