//! Snapshots of complete rendered messages, as a user sees them in the
//! terminal, in English and in Danish (`cargo insta review` after an
//! intended change).

use studietur::check::{self as validation, Settings};
use studietur::locale::Lang;

const TRIP: &str = r#"[trip]
committee = "Social- og Beskæftigelsesudvalget"
municipality = "Aarhus Kommune"
destination = "Berlin"
start = 2024-09-09
end = 2024-09-11

[[day]]
date = 2024-09-09
  [[day.section]]
  title = "Besøg"
  text = "Et besøg."

[accounts]
participants = 10
total = 1000
  [[accounts.item]]
  label = "Hotel"
  amount = 600
  [[accounts.item]]
  label = "Fly"
  amount = 400
"#;

fn messages(toml: &str) -> String {
    messages_in(toml, Lang::En)
}

fn messages_in(toml: &str, lang: Lang) -> String {
    let dir = tempfile::tempdir().unwrap();
    let checked = validation::check_bytes(
        "trips/2024-berlin.toml",
        toml.as_bytes(),
        dir.path(),
        Settings::default(),
    );
    let rendered: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| {
            // `render` is the English rendering.
            if lang == Lang::En {
                assert_eq!(d.render(), d.render_in(Lang::En));
            }
            d.render_in(lang)
        })
        .collect();
    rendered.join("\n\n")
}

#[test]
fn typo_in_a_key() {
    insta::assert_snapshot!(messages(&TRIP.replace(
        "end = 2024-09-11",
        "end = 2024-09-11\ntittle = \"Studietur 2024\""
    )));
    let typo = TRIP.replace(
        "end = 2024-09-11",
        "end = 2024-09-11\ntittle = \"Studietur 2024\"",
    );
    insta::assert_snapshot!("typo_in_a_key_da", messages_in(&typo, Lang::Da));
}

#[test]
fn thousands_separator_in_an_amount() {
    insta::assert_snapshot!(messages(&TRIP.replace("amount = 600", "amount = 1.150")));
    let trip = TRIP.replace("amount = 600", "amount = 1.150");
    insta::assert_snapshot!(
        "thousands_separator_in_an_amount_da",
        messages_in(&trip, Lang::Da)
    );
}

#[test]
fn total_that_does_not_add_up() {
    insta::assert_snapshot!(messages(&TRIP.replace("amount = 400", "amount = 399")));
    let trip = TRIP.replace("amount = 400", "amount = 399");
    insta::assert_snapshot!(
        "total_that_does_not_add_up_da",
        messages_in(&trip, Lang::Da)
    );
}

#[test]
fn day_after_the_trip() {
    insta::assert_snapshot!(messages(
        &TRIP.replace("date = 2024-09-09", "date = 2024-09-17")
    ));
    let trip = TRIP.replace("date = 2024-09-09", "date = 2024-09-17");
    insta::assert_snapshot!("day_after_the_trip_da", messages_in(&trip, Lang::Da));
}

#[test]
fn date_in_quotes_and_broken_syntax() {
    insta::assert_snapshot!(messages(
        &TRIP.replace("start = 2024-09-09", "start = \"2024-09-09\"")
    ));
    insta::assert_snapshot!(messages(
        &TRIP.replace("label = \"Hotel\"", "label = \"Hotel")
    ));
    let quoted = TRIP.replace("start = 2024-09-09", "start = \"2024-09-09\"");
    insta::assert_snapshot!("date_in_quotes_da", messages_in(&quoted, Lang::Da));
    let broken = TRIP.replace("label = \"Hotel\"", "label = \"Hotel");
    insta::assert_snapshot!("broken_syntax_da", messages_in(&broken, Lang::Da));
}

#[test]
fn several_problems_in_both_languages() {
    let trip = TRIP
        .replace(
            "end = 2024-09-11",
            "end = 2024-09-11\nlanguage = \"de\"\ncover = { file = \"nope.jpg\" }",
        )
        .replace("participants = 10", "participants = 0\nvat = \"maybe\"")
        .replace("amount = 600", "amount = 600\n  budget = 4500.999")
        .replace(
            "text = \"Et besøg.\"",
            "text = \"Et besøg.\\n\\n[x]: https://x.dk\"",
        );
    insta::assert_snapshot!("several_problems_en", messages_in(&trip, Lang::En));
    insta::assert_snapshot!("several_problems_da", messages_in(&trip, Lang::Da));
}
