//! One test per kind of mistake in a trip file: each is refused (or warned
//! about) at the right line and column, with a sentence of what is wrong and
//! a help line of what to write instead.

use std::path::Path;
use studietur::check::{self as validation, Checked, Settings};
use studietur::diagnostic::{Diagnostic, Severity};

const BASE: &str = r#"format = 1

[trip]
committee = "Social- og Beskæftigelsesudvalget"
municipality = "Aarhus Kommune"
destination = "Berlin"
start = 2024-09-09
end = 2024-09-11

[[participant]]
name = "Anna"

[[participant]]
name = "Bo"

[[day]]
date = 2024-09-09
agenda = ["Besøg"]
  [[day.section]]
  title = "Besøg"
  text = "Et besøg."
    [[day.section.image]]
    file = "images/a.png"
    alt = "Et foto"

[[day]]
date = 2024-09-10
  [[day.section]]
  title = "Andet besøg"
  text = "Endnu et."

[accounts]
participants = 2
total = 1000
  [[accounts.item]]
  label = "Hotel"
  amount = 600
  [[accounts.item]]
  label = "Fly"
  amount = 400
"#;

/// A folder with `images/a.png`, `images/not.png` (text), `secret.png`
/// outside the trip folder and a link to it, and the trip file.
fn check(toml: &[u8]) -> (tempfile::TempDir, Checked) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("trip");
    std::fs::create_dir_all(dir.join("images")).unwrap();
    image::RgbImage::new(8, 6)
        .save(dir.join("images/a.png"))
        .unwrap();
    std::fs::write(dir.join("images/not.png"), "this is text, not a picture").unwrap();
    image::RgbImage::new(8, 6)
        .save(root.path().join("secret.png"))
        .unwrap();
    std::os::unix::fs::symlink(root.path().join("secret.png"), dir.join("images/link.png"))
        .unwrap();
    std::fs::create_dir(dir.join("images/folder.png")).unwrap();
    // A PNG cut short: its header reads, its pixels do not.
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_fn(64, 64, |x, y| image::Rgb([x as u8 * 3, y as u8 * 3, 7]))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let png = png.into_inner();
    std::fs::write(dir.join("images/cut.png"), &png[..png.len() / 2]).unwrap();
    let checked = validation::check_bytes("trip.toml", toml, &dir, Settings::default());
    (root, checked)
}

fn with(from: &str, to: &str) -> String {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "{from:?} must occur once in BASE"
    );
    BASE.replacen(from, to, 1)
}

fn located(d: &Diagnostic) -> String {
    d.location().unwrap_or_default()
}

/// Asserts exactly one diagnostic of `severity`, at `at`, whose message and
/// help contain the given texts.
fn expect(toml: &str, severity: Severity, at: &str, message: &str, help: &str) {
    let (_dir, checked) = check(toml.as_bytes());
    let found: Vec<&Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .collect();
    let all: Vec<String> = checked.diagnostics.iter().map(|d| d.render()).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {severity:?}, got:\n{}",
        all.join("\n")
    );
    let d = found[0];
    assert_eq!(located(d), at, "{}", d.render());
    assert!(
        d.message.contains(message),
        "message {:?} lacks {message:?}",
        d.message
    );
    let h = d.help.as_deref().unwrap_or("");
    assert!(h.contains(help), "help {h:?} lacks {help:?}");
    if severity == Severity::Error {
        assert!(checked.trip.is_none(), "a trip with an error was accepted");
    } else {
        assert!(checked.trip.is_some(), "a warning blocked the trip");
    }
}

fn error(toml: &str, at: &str, message: &str, help: &str) {
    expect(toml, Severity::Error, at, message, help);
}

#[test]
fn the_base_file_is_fine() {
    let (_dir, checked) = check(BASE.as_bytes());
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let trip = checked.trip.unwrap();
    assert_eq!(
        trip.accounts.unwrap().per_participant.map(|p| p.ore()),
        Some(50_000)
    );
}

#[test]
fn toml_syntax() {
    error(
        &with(
            "municipality = \"Aarhus Kommune\"",
            "municipality = \"Aarhus Kommune",
        ),
        "trip.toml:5:31",
        "TOML syntax",
        "double quotes",
    );
    error(
        &with(
            "start = 2024-09-09",
            "start = 2024-09-09\nstart = 2024-09-09",
        ),
        "trip.toml:8:1",
        "duplicate key",
        "once in a table",
    );
}

#[test]
fn missing_required_keys_and_tables() {
    error(
        &with("destination = \"Berlin\"\n", ""),
        "trip.toml:3:1",
        "[trip] is missing `destination`",
        "add `destination = \"…\"`",
    );
    error(
        &with("  text = \"Endnu et.\"\n", ""),
        "trip.toml:28:3",
        "[[day.section]] is missing `text`",
        "add `text",
    );
    let start = BASE.find("[trip]").unwrap();
    let end = BASE.find("[[participant]]").unwrap();
    let no_trip = format!("{}{}", &BASE[..start], &BASE[end..]);
    error(
        &no_trip,
        "trip.toml:1:1",
        "the file has no [trip] table",
        "add a [trip] table with committee",
    );
}

#[test]
fn unknown_keys_and_tables() {
    error(
        &with("end = 2024-09-11", "end = 2024-09-11\ntittle = \"x\""),
        "trip.toml:9:1",
        "unknown key `tittle` in [trip]",
        "did you mean `title`?",
    );
    // A misspelt required key is one mistake, told once (not also as
    // "[trip] is missing `destination`").
    let t = with("destination = \"Berlin\"", "destinaton = \"Berlin\"");
    error(
        &t,
        &pos(&t, "destinaton"),
        "unknown key `destinaton` in [trip]",
        "did you mean `destination`?",
    );
    error(
        &with("[accounts]", "[acounts]"),
        "trip.toml:32:2",
        "unknown table or key `acounts`",
        "did you mean `accounts`?",
    );
    error(
        &with("participants = 2", "participants = 2\nemail = \"a@b.dk\""),
        "trip.toml:34:1",
        "unknown key `email` in [accounts]",
        "`email` belongs in [author]",
    );
}

#[test]
fn wrong_types() {
    error(
        &with("start = 2024-09-09", "start = \"2024-09-09\""),
        "trip.toml:7:9",
        "`start` in [trip] must be a date, but `\"2024-09-09\"` is text",
        "write the date without quotes: start = 2024-09-09",
    );
    error(
        &with("participants = 2", "participants = \"2\""),
        "trip.toml:33:16",
        "must be a whole number",
        "without quotes: participants = 2",
    );
    error(
        &with(
            "committee = \"Social- og Beskæftigelsesudvalget\"",
            "committee = 7",
        ),
        "trip.toml:4:13",
        "must be text, but `7` is a whole number",
        "write it in quotes",
    );
    error(
        &with("agenda = [\"Besøg\"]", "agenda = [\"Besøg\", 3]"),
        "trip.toml:18:20",
        "each entry of `agenda` must be text or a table",
        "in quotes",
    );
}

#[test]
fn dates() {
    error(
        &with("end = 2024-09-11", "end = 2024-09-01"),
        "trip.toml:8:7",
        "`end` (2024-09-01) is before `start` (2024-09-09)",
        "cannot be before",
    );
    error(
        &with("date = 2024-09-10", "date = 2024-09-17"),
        "trip.toml:27:8",
        "2024-09-17 is after the trip's last day (2024-09-11)",
        "between `start` and `end` (2024-09-09 to 2024-09-11)",
    );
    error(
        &with("date = 2024-09-10", "date = 2024-09-01"),
        "trip.toml:27:8",
        "is before the trip's first day (2024-09-09)",
        "between `start` and `end`",
    );
    error(
        &with("date = 2024-09-10", "date = 2024-09-09"),
        "trip.toml:27:8",
        "the day 2024-09-09 is listed twice",
        "one [[day]]",
    );
    error(
        &with("date = 2024-09-09\nagenda", "date = 2024-09-11\nagenda"),
        "trip.toml:27:8",
        "the day 2024-09-10 comes after 2024-09-11",
        "date order",
    );
    error(
        &with("start = 2024-09-09", "start = 2024-09-09T10:00:00"),
        "trip.toml:7:9",
        "must be a date without a time",
        "like 2023-04-17",
    );
}

#[test]
fn empty_text() {
    error(
        &with("text = \"Et besøg.\"", "text = \"  \""),
        "trip.toml:21:10",
        "`text` is empty",
        "write the text",
    );
}

#[test]
fn images() {
    error(
        &with("images/a.png", "images/nope.png"),
        "trip.toml:23:12",
        "cannot open `images/nope.png`: no such file",
        "relative to the folder",
    );
    error(
        &with("images/a.png", "images/not.png"),
        "trip.toml:23:12",
        "`images/not.png` is not an image",
        "PNG, JPEG, GIF, WebP or SVG",
    );
    error(
        &with("images/a.png", "../secret.png"),
        "trip.toml:23:12",
        "leads outside the trip file's folder",
        "copy the image into",
    );
    error(
        &with("images/a.png", "images/../../secret.png"),
        "trip.toml:23:12",
        "leads outside the trip file's folder",
        "copy the image into",
    );
    // A `..` that stays inside the folder is fine.
    let (_dir, checked) = check(with("images/a.png", "images/../images/a.png").as_bytes());
    assert!(checked.trip.is_some(), "{:?}", checked.diagnostics);
    error(
        &with("images/a.png", "/etc/hostname"),
        "trip.toml:23:12",
        "leads outside the trip file's folder",
        "copy the image into",
    );
    error(
        &with("images/a.png", "images/link.png"),
        "trip.toml:23:12",
        "is a link that leads outside",
        "copy the image itself",
    );
    error(
        &with("images/a.png", "images/folder.png"),
        "trip.toml:23:12",
        "is not a regular file",
        "image file",
    );
    error(
        &with("    alt = \"Et foto\"\n", ""),
        "trip.toml:22:5",
        "the image has no `alt` text",
        "decorative = true",
    );
    error(
        &with("alt = \"Et foto\"", "alt = \"\""),
        "trip.toml:24:11",
        "`alt` is empty",
        "describe what the image shows",
    );
}

#[test]
fn decorative_images_need_no_alt() {
    let (_dir, checked) = check(with("alt = \"Et foto\"", "decorative = true").as_bytes());
    assert!(checked.diagnostics.is_empty());
    assert!(
        checked.trip.unwrap().days[0].sections[0].images[0]
            .alt
            .is_none()
    );
}

#[test]
fn amounts() {
    error(
        &with("amount = 600", "amount = -600"),
        "trip.toml:37:12",
        "`amount` is negative: -600",
        "0 or more",
    );
    error(
        &with("amount = 600", "amount = 1.150"),
        "trip.toml:37:12",
        "`1.150` has more than two decimals",
        "write 1150 or \"1150.00\" — a point separates øre, not thousands",
    );
    error(
        &with("amount = 600", "amount = \"1.150\""),
        "trip.toml:37:12",
        "`\"1.150\"` has more than two decimals",
        "write 1150 or \"1150.00\"",
    );
    error(
        &with("amount = 600", "amount = \"600,50\""),
        "trip.toml:37:12",
        "is not an amount",
        "after a point",
    );
    error(
        &with("amount = 600", "amount = 92233720368547758").replace("total = 1000\n", ""),
        "trip.toml:32:1",
        "the sum of the items is too large",
        "typing mistakes",
    );
}

#[test]
fn total_must_equal_the_sum() {
    error(
        &with("amount = 600", "amount = 599"),
        "trip.toml:34:9",
        "`total` is 1000, but the items add up to DKK 999",
        "the items add up to DKK 999, DKK 1 less than `total`",
    );
}

#[test]
fn participants_default_to_the_list() {
    let (_dir, checked) = check(with("participants = 2\n", "").as_bytes());
    assert!(checked.diagnostics.is_empty());
    assert_eq!(
        checked.trip.unwrap().accounts.unwrap().participants,
        Some(2)
    );
}

#[test]
fn participants_rules() {
    let no_list = BASE.replace(
        "[[participant]]\nname = \"Anna\"\n\n[[participant]]\nname = \"Bo\"\n\n",
        "",
    );
    let at = |from: &str, to: &str| no_list.replacen(from, to, 1);
    error(
        &at("participants = 2", "participants = 0"),
        "trip.toml:27:16",
        "must be more than 0, but it is 0",
        "how many took part",
    );
    error(
        &at("participants = 2", "participants = -3"),
        "trip.toml:27:16",
        "must be more than 0, but it is -3",
        "how many took part",
    );
    error(
        &with("participants = 2", "participants = 3"),
        "trip.toml:33:16",
        "`participants` is 3, but 2 [[participant]] are listed",
        "write `participants = 2`",
    );
}

#[test]
fn format_language_and_vat() {
    error(
        &with("format = 1", "format = 2"),
        "trip.toml:1:10",
        "unknown `format` 2",
        "write `format = 1`",
    );
    error(
        &with("end = 2024-09-11", "end = 2024-09-11\nlanguage = \"de\""),
        "trip.toml:9:12",
        "unknown `language` \"de\"",
        "\"da\"",
    );
    error(
        &with("total = 1000", "total = 1000\nvat = \"maybe\""),
        "trip.toml:35:7",
        "unknown `vat` \"maybe\"",
        "\"excluded\"",
    );
}

#[test]
fn accounts_need_items() {
    let cut = BASE.find("  [[accounts.item]]").unwrap();
    let toml = BASE[..cut].replace("total = 1000\n", "");
    error(
        &toml,
        "trip.toml:32:1",
        "[accounts] has no items",
        "add at least one [[accounts.item]]",
    );
}

#[test]
fn not_utf8() {
    let mut bytes = BASE.as_bytes().to_vec();
    let at = BASE.find("Aarhus").unwrap();
    bytes[at] = 0xE6; // Latin-1 'æ'
    let (_dir, checked) = check(&bytes);
    assert_eq!(checked.diagnostics.len(), 1);
    let d = &checked.diagnostics[0];
    assert!(
        d.message
            .contains("not UTF-8: byte 0xE6 at line 5, column 17"),
        "{}",
        d.message
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("save the file as UTF-8")
    );
    assert_eq!(located(d), "trip.toml:5:17");
}

#[test]
fn a_byte_order_mark_is_fine() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(BASE.as_bytes());
    let (_dir, checked) = check(&bytes);
    assert!(checked.diagnostics.is_empty());
}

#[test]
fn links_and_glyphs() {
    error(
        &with(
            "text = \"Et besøg.\"",
            "text = \"Se [her](file:///etc/passwd).\"",
        ),
        "trip.toml:21:14",
        "is not a web or mail address",
        "https://",
    );
    error(
        &with("text = \"Et besøg.\"", "text = \"Et besøg 漢.\""),
        "trip.toml:21:10",
        "cannot print: `漢` (U+6F22)",
        "describe them in words",
    );
}

#[test]
fn warnings() {
    expect(
        &with("agenda = [\"Besøg\"]", "agenda = [\"Ankomst\"]"),
        Severity::Warning,
        "trip.toml:18:10",
        "the agenda does not list the section \"Besøg\"",
        "add the section's title",
    );
    let empty_day = with("[accounts]", "[[day]]\ndate = 2024-09-11\n\n[accounts]");
    expect(
        &empty_day,
        Severity::Warning,
        "trip.toml:32:1",
        "has neither an agenda nor sections",
        "remove the day",
    );
}

#[test]
fn every_error_of_a_file_at_once() {
    let toml = with("end = 2024-09-11", "end = 2024-09-11\ntittle = \"x\"")
        .replace("amount = 600", "amount = 1.150")
        .replace("date = 2024-09-10", "date = 2024-09-17");
    let (_dir, checked) = check(toml.as_bytes());
    let at: Vec<String> = checked.diagnostics.iter().map(located).collect();
    assert_eq!(
        at,
        ["trip.toml:9:1", "trip.toml:28:8", "trip.toml:38:12"],
        "{:#?}",
        checked.diagnostics
    );
}

#[test]
fn path_is_shown_as_given() {
    let checked = validation::check_file(Path::new("no/such/trip.toml"), Settings::default());
    assert!(checked.diagnostics[0].message.contains("no/such/trip.toml"));
}

/// `trip.toml:line:col` of the first `needle` in `toml`.
fn pos(toml: &str, needle: &str) -> String {
    let at = toml
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the trip"));
    let line = toml[..at].matches('\n').count() + 1;
    let col = toml[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("trip.toml:{line}:{col}")
}

#[test]
fn the_keys_added_to_format_1_are_checked_at_their_place() {
    let t = with("end = 2024-09-11", "end = 2024-09-11\ncase = 5");
    error(
        &t,
        &pos(&t, "5\n"),
        "`case` in [trip] must be text",
        "in quotes",
    );
    let t = with("end = 2024-09-11", "end = 2024-09-11\ncontents = \"ja\"");
    error(
        &t,
        &pos(&t, "\"ja\""),
        "`contents` in [trip] must be true or false",
        "contents = true",
    );
    let t = with(
        "[[participant]]\nname = \"Anna\"",
        "[introduction]\nheading = \"nej\"\ntext = \"x\"\n\n[[participant]]\nname = \"Anna\"",
    );
    error(
        &t,
        &pos(&t, "\"nej\""),
        "`heading` in [introduction] must be true or false",
        "heading = false",
    );
    let t = with(
        "agenda = [\"Besøg\"]",
        "agenda = [{ tme = \"9.30\", text = \"Besøg\" }]",
    );
    error(
        &t,
        &pos(&t, "tme"),
        "unknown key `tme` in an agenda entry",
        "did you mean `time`?",
    );
    let t = with(
        "agenda = [\"Besøg\"]",
        "agenda = [{ time = \"9.30\" }, \"Besøg\"]",
    );
    error(
        &t,
        &pos(&t, "{ time"),
        "an agenda entry is missing `text`",
        "add `text = \"…\"`",
    );
    let t = with(
        "agenda = [\"Besøg\"]",
        "agenda = [{ text = \"Besøg\", points = \"a, b\" }]",
    );
    error(
        &t,
        &pos(&t, "\"a, b\""),
        "`points` in an agenda entry must be a list of texts",
        "points = [",
    );
    let t = with("participants = 2", "participants = 2\nvat = \"none\"");
    error(
        &t,
        &pos(&t, "\"none\""),
        "unknown `vat` \"none\"",
        "\"unstated\"",
    );
    let t = with(
        "participants = 2",
        "participants = 2\ntext = \"\"\"\nFinansieret af puljen.\n\n# A\n\n## B\n\n### C\n\"\"\"",
    );
    error(
        &t,
        &pos(&t, "### C"),
        "a third level of sub-headings",
        "as many #s",
    );
    let t = with("title = \"Besøg\"", "title = \"Besøg\\u0007\"");
    error(
        &t,
        &pos(&t, "\\u0007"),
        "`title` holds the control character U+0007",
        "remove it",
    );
    // After another escape that writes a letter of two bytes.
    let t = with("title = \"Besøg\"", "title = \"Bes\\u00f8g \\u0001\"");
    error(
        &t,
        &pos(&t, "\\u0001"),
        "`title` holds the control character U+0001",
        "remove it",
    );
    let t = with(
        "[[participant]]\nname = \"Anna\"",
        "[introduction]\ntitle = \"Forord\"\nheading = false\ntext = \"x\"\n\n[[participant]]\nname = \"Anna\"",
    );
    expect(
        &t,
        Severity::Warning,
        &pos(&t, "\"Forord\""),
        "the introduction's `title` is not shown",
        "remove `title`",
    );
}

/// A whole number too large for TOML is told as such, with help for its
/// key (it was a serde message about i128, with the help for amounts).
#[test]
fn numbers_too_large_for_toml() {
    let t = with("amount = 600", "amount = 9223372036854775808");
    error(
        &t,
        &pos(&t, "9223372036854775808"),
        "the number `9223372036854775808` is too large",
        "below 90 000 000 000 000 000",
    );
    let t = with("format = 1", "format = 99999999999999999999");
    error(&t, "trip.toml:1:10", "is too large", "write `format = 1`");
}

/// Issue 12, points 10–15: messages a secretary can act on.
#[test]
fn messages_a_secretary_can_act_on() {
    // 10. A date written the Danish way.
    let t = with("start = 2024-09-09", "start = 9/9/2024");
    error(
        &t,
        &pos(&t, "9/9/2024"),
        "`9/9/2024` is not a date",
        "write `start = 2024-09-09`",
    );
    // 11. Too many decimals that cannot be a thousands separator.
    let t = with("amount = 600", "amount = 4500.999");
    let (_dir, checked) = check(t.as_bytes());
    let help = checked.diagnostics[0].help.clone().unwrap_or_default();
    assert!(
        help.contains("\"4501.00\"") && !help.contains("4500999"),
        "{help}"
    );
    // 12. Image keys without their table's header.
    let t = with(
        "  text = \"Et besøg.\"\n    [[day.section.image]]\n",
        "  text = \"Et besøg.\"\n",
    );
    let (_dir, checked) = check(t.as_bytes());
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`file`"))
        .unwrap();
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("add a line `[[day.section.image]]` above them"),
        "{}",
        d.render()
    );
    // 13. A text never closed: reported where it opens.
    let t = with("  text = \"Endnu et.\"", "  text = \"\"\"\nEndnu et.\n");
    error(
        &t,
        &pos(&t, "\"\"\""),
        "has no closing \"\"\"",
        "end the text with \"\"\"",
    );
    // 14. A Markdown error in a long text: at its own line.
    let t = with(
        "  text = \"Endnu et.\"",
        "  text = \"\"\"\nFørste afsnit.\n\nAndet afsnit med \\\"citat\\\".\n\nSe [her](fil.pdf).\n\"\"\"",
    );
    error(
        &t,
        &pos(&t, "[her]"),
        "not a web or mail address",
        "https://",
    );
    // 15. Old Mac line endings: one error.
    let t = BASE.replace('\n', "\r");
    let (_dir, checked) = check(t.as_bytes());
    assert_eq!(checked.diagnostics.len(), 1, "{:?}", checked.diagnostics);
    assert!(
        checked.diagnostics[0]
            .message
            .contains("old Mac line endings")
    );
}
