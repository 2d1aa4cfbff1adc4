//! What the archive's tests share: a small trip to file, the binary run
//! in English, and `verify` against the sources the PDFs carry.

use crate::common::{stderr, stdout, studietur_in};
use std::path::Path;
use std::process::Output;

/// A small trip with one photo, `name` in `trips/`: `x` is its text.
pub fn write_trip(trips: &Path, name: &str, year: u32, x: &str) {
    std::fs::create_dir_all(trips.join("images")).unwrap();
    let svg = crate::common::root().join("trips/images/2023/protest.svg");
    std::fs::copy(svg, trips.join("images/photo.svg")).unwrap();
    let toml = format!(
        r#"[trip]
committee = "Social- og Beskæftigelsesudvalget"
municipality = "Aarhus Kommune"
destination = "Berlin"
start = {year}-05-12
end = {year}-05-13

[[day]]
date = {year}-05-12
  [[day.section]]
  title = "Besøg"
  text = "{x}"
    [[day.section.image]]
    file = "images/photo.svg"
    caption = "Et foto."
    alt = "Et foto af en plads."

[accounts]
participants = 3
  [[accounts.item]]
  label = "Hotel"
  amount = 1000
"#
    );
    std::fs::write(trips.join(name), toml).unwrap();
}

/// Runs studietur in `dir` in English with `env` set.
pub fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut all = vec![("LANG", "C")];
    all.extend_from_slice(env);
    studietur_in(dir, args, &all)
}

/// `verify` of `archive`: its exit code and what it printed. The trip
/// files are out of the way meanwhile, so each report is rebuilt from the
/// sources its PDF carries (`--embed-source`): whichever version is in
/// force, old or new, is checked against its own sources.
pub fn verify(dir: &Path, repair: bool) -> (i32, String) {
    let mut args = vec!["verify", "archive"];
    if repair {
        args.push("--repair");
    }
    std::fs::rename(dir.join("trips"), dir.join("trips.away")).unwrap();
    let o = run(dir, &args, &[]);
    std::fs::rename(dir.join("trips.away"), dir.join("trips")).unwrap();
    (
        o.status.code().unwrap_or(-1),
        format!("{}{}", stdout(&o), stderr(&o)),
    )
}

/// `studietur archive trips -o archive` with `flags`, in `dir`, with `env`.
pub fn archive_run(dir: &Path, flags: &[&str], env: &[(&str, &str)]) -> Output {
    let mut args = vec!["archive", "trips", "-o", "archive"];
    args.extend_from_slice(flags);
    run(dir, &args, env)
}
