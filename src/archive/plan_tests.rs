//! The plan decided without a disk: an in-memory one.

use super::*;
use crate::provenance::Provenance;
use std::collections::BTreeMap;

/// Files by path with their hashes.
#[derive(Default)]
struct Mem(BTreeMap<String, String>);

impl Disk for Mem {
    fn hash(&self, rel: &str) -> Result<Option<String>, Msg> {
        Ok(self.0.get(rel).cloned())
    }
    fn exists(&self, rel: &str) -> bool {
        self.0
            .keys()
            .any(|k| k == rel || k.starts_with(&format!("{rel}/")))
    }
}

fn provenance(trip_sha: &str) -> Provenance {
    serde_json::from_value(serde_json::json!({
        "studietur_version": "0.3.0",
        "template": "report",
        "template_sha256": "t",
        "embed_source": false,
        "trip_sha256": trip_sha,
        "files": []
    }))
    .unwrap()
}

fn version(pdf: &str, sha: &str) -> Version {
    Version {
        pdf: pdf.into(),
        pdf_sha256: sha.into(),
        pages: 3,
        standards: vec![],
        case: None,
        made_from: provenance(sha),
        html: None,
    }
}

fn new(pdf: &str, sha: &str, web: Option<&[(&str, &str)]>) -> NewReport {
    NewReport {
        trip: "../trips/x.toml".into(),
        pdf: pdf.into(),
        version: version(pdf, sha),
        web: web.map(|w| {
            w.iter()
                .map(|(p, s)| FileHash {
                    path: p.to_string(),
                    sha256: s.to_string(),
                })
                .collect()
        }),
    }
}

fn archived(sha: &str, page: Option<&[(&str, &str)]>) -> (Manifest, Mem) {
    let mut disk = Mem::default();
    disk.0.insert("2023/x.pdf".into(), sha.into());
    let mut current = version("2023/x.pdf", sha);
    if let Some(page) = page {
        current.html = Some(WebRecord {
            folder: "2023/x".into(),
            files: page
                .iter()
                .map(|(p, s)| {
                    disk.0.insert(format!("2023/x/{p}"), s.to_string());
                    FileHash {
                        path: p.to_string(),
                        sha256: s.to_string(),
                    }
                })
                .collect(),
        });
    }
    let manifest = Manifest {
        manifest_format: 1,
        entries_sha256: None,
        reports: vec![Report {
            trip: "../trips/x.toml".into(),
            current,
            superseded: vec![],
            renamed_from: vec![],
        }],
    };
    (manifest, disk)
}

fn change(d: Result<Decision, Refusal>) -> Plan {
    match d {
        Ok(Decision::Change(p)) => *p,
        other => panic!("not a change: {other:?}"),
    }
}

#[test]
fn a_new_report_is_staged_then_moved_into_place() {
    let plan = change(decide(
        &Manifest::default(),
        &Mem::default(),
        &new("2023/x.pdf", "A", None),
        false,
    ));
    assert_eq!(plan.filed, Filed::Archived);
    assert_eq!(plan.before, None);
    assert_eq!(plan.stage.len(), 1);
    assert_eq!(plan.stage[0].path, "2023/.x.pdf.studietur-staged");
    assert_eq!(
        plan.finish,
        [Finish::Move {
            from: "2023/.x.pdf.studietur-staged".into(),
            to: "2023/x.pdf".into(),
            sha256: "A".into()
        }]
    );
}

#[test]
fn an_unlisted_pdf_in_the_way_is_refused() {
    let mut disk = Mem::default();
    disk.0.insert("2023/x.pdf".into(), "Z".into());
    let d = decide(
        &Manifest::default(),
        &disk,
        &new("2023/x.pdf", "A", None),
        true,
    );
    assert_eq!(d.unwrap_err().0.id(), "unlisted_exists");
}

#[test]
fn the_same_pdf_changes_nothing() {
    let (manifest, disk) = archived("A", None);
    let d = decide(&manifest, &disk, &new("2023/x.pdf", "A", None), false);
    assert_eq!(
        d.unwrap(),
        Decision::Nothing("2023/x.pdf".into(), Filed::Unchanged)
    );
}

#[test]
fn a_changed_pdf_needs_replace_then_links_before_it_moves() {
    let (manifest, disk) = archived("A", Some(&[("index.html", "H"), ("img/a.png", "I")]));
    let refused = decide(&manifest, &disk, &new("2023/x.pdf", "B", None), false);
    assert_eq!(refused.unwrap_err().0.id(), "would_change");
    let plan = change(decide(
        &manifest,
        &disk,
        &new("2023/x.pdf", "B", Some(&[("index.html", "H2")])),
        true,
    ));
    assert_eq!(
        plan.filed,
        Filed::Replaced("2023/x-superseded-1.pdf".into())
    );
    assert_eq!(
        plan.finish[0],
        Finish::Link {
            from: "2023/x.pdf".into(),
            to: "2023/x-superseded-1.pdf".into(),
            sha256: "A".into()
        }
    );
    // The old page's photo goes (with its recorded bytes only); its
    // index.html is overwritten by the new one.
    assert!(plan.finish.contains(&Finish::Remove {
        path: "2023/x/img/a.png".into(),
        sha256: "I".into()
    }));
    assert!(!plan.removes().any(|p| p == "2023/x/index.html"));
    assert!(plan.finish.contains(&Finish::RemoveDir {
        path: "2023/x/img".into()
    }));
    // Never the page's folder, which the new page uses.
    assert!(!plan.finish.contains(&Finish::RemoveDir {
        path: "2023/x".into()
    }));
    let sup = &plan.after.superseded[0];
    assert_eq!(
        (sup.pdf.as_str(), sup.html.as_ref()),
        ("2023/x-superseded-1.pdf", None)
    );
    assert_eq!(plan.after.current.html.as_ref().unwrap().folder, "2023/x");
}

#[test]
fn a_move_to_another_year_removes_the_old_name_only_after_linking() {
    let (manifest, disk) = archived("A", None);
    let plan = change(decide(
        &manifest,
        &disk,
        &new("2024/x.pdf", "B", None),
        true,
    ));
    let kinds: Vec<&Finish> = plan.finish.iter().collect();
    assert!(matches!(kinds[0], Finish::Link { .. }));
    assert!(matches!(kinds[1], Finish::Move { .. }));
    assert_eq!(
        kinds[2],
        &Finish::Remove {
            path: "2023/x.pdf".into(),
            sha256: "A".into()
        }
    );
}

#[test]
fn a_missing_or_changed_pdf_is_refused_and_a_taken_superseded_name_skipped() {
    let (manifest, mut disk) = archived("A", None);
    disk.0.insert("2023/x.pdf".into(), "Z".into());
    let d = decide(&manifest, &disk, &new("2023/x.pdf", "B", None), true);
    assert_eq!(d.unwrap_err().0.id(), "archived_differs");
    disk.0.remove("2023/x.pdf");
    let d = decide(&manifest, &disk, &new("2023/x.pdf", "B", None), true);
    assert_eq!(d.unwrap_err().0.id(), "archived_missing");
    // Missing but the same bytes: written again.
    let plan = change(decide(
        &manifest,
        &disk,
        &new("2023/x.pdf", "A", None),
        false,
    ));
    assert_eq!(plan.filed, Filed::Archived);
    disk.0.insert("2023/x.pdf".into(), "A".into());
    disk.0.insert("2023/x-superseded-1.pdf".into(), "Q".into());
    let plan = change(decide(
        &manifest,
        &disk,
        &new("2023/x.pdf", "B", None),
        true,
    ));
    assert_eq!(
        plan.filed,
        Filed::Replaced("2023/x-superseded-2.pdf".into())
    );
}

#[test]
fn a_folder_not_written_by_studietur_is_not_a_web_page_to_replace() {
    let mut disk = Mem::default();
    disk.0.insert("2023/x/notes.txt".into(), "N".into());
    let d = decide(
        &Manifest::default(),
        &disk,
        &new("2023/x.pdf", "A", Some(&[("index.html", "H")])),
        false,
    );
    assert_eq!(d.unwrap_err().0.id(), "web_unwritable");
}

#[test]
fn nothing_listed_is_ever_removed() {
    // Two reports whose pages a hand edit made share a file: the plan for
    // one may not remove what the other lists.
    let (mut manifest, disk) = archived("A", Some(&[("index.html", "H")]));
    let mut other = manifest.reports[0].clone();
    other.trip = "../trips/y.toml".into();
    other.current.pdf = "2023/y.pdf".into();
    other.current.html = Some(WebRecord {
        folder: "2023/x".into(),
        files: vec![FileHash {
            path: "index.html".into(),
            sha256: "H".into(),
        }],
    });
    manifest.reports.push(other);
    let plan = change(decide(
        &manifest,
        &disk,
        &new("2024/x.pdf", "B", None),
        true,
    ));
    assert!(!plan.removes().any(|p| p == "2023/x/index.html"));
}
