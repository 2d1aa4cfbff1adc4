//! The session of an open trip: undo, two processes, merges at save,
//! drafts left by an ended process, links and locks put in its way.

use super::*;

fn open(dir: &Path, drafts: &Path) -> Session {
    let trip = dir.join("a.toml").canonicalize().unwrap();
    let text = std::fs::read_to_string(&trip).unwrap();
    Session::open(
        "a.toml".into(),
        trip,
        text,
        Drafts::new(drafts.to_path_buf()),
    )
    .unwrap()
}

fn set(s: &Session, text: &str) -> u64 {
    s.change::<()>(|_| Ok(Some(text.to_string()))).unwrap()
}

#[test]
fn undo_keeps_a_bounded_number_of_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.toml"), "x").unwrap();
    let s = open(tmp.path(), tmp.path());
    let big = "x".repeat(crate::check::limits::MAX_FILE_BYTES);
    for i in 0..12 {
        set(&s, &format!("{big}{i}"));
    }
    let kept = s.with(|s| {
        (
            s.past_bytes,
            s.past.iter().map(|(_, t)| t.len()).sum::<usize>(),
        )
    });
    assert_eq!(kept.0, kept.1);
    assert!(kept.0 <= PAST_BYTES, "{} bytes kept", kept.0);
    assert!(s.undo().unwrap());
}

#[test]
fn two_processes_share_one_state_and_both_edits_are_saved() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.toml"), "a\nb\n").unwrap();
    let drafts = tmp.path().join("d");
    std::fs::create_dir(&drafts).unwrap();
    let one = open(tmp.path(), &drafts);
    let other = open(tmp.path(), &drafts);
    let v = set(&one, "A\nb\n");
    // The other takes the newest text before its change.
    let w = other
        .change::<()>(|c| {
            assert_eq!((c.text, c.version), ("A\nb\n", v));
            Ok(Some(c.text.replace('b', "B")))
        })
        .unwrap();
    assert!(w > v);
    assert!(one.refresh().unwrap());
    assert_eq!(one.text().0, "A\nB\n");
    let saved = one.save(tmp.path()).unwrap();
    assert_eq!(saved.version, w);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.toml")).unwrap(),
        "A\nB\n"
    );
    assert!(other.refresh().unwrap());
    assert!(other.is_saved());
}

#[test]
fn a_file_changed_on_disk_is_merged_or_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let trip = tmp.path().join("a.toml");
    std::fs::write(&trip, "a\nb\nc\n").unwrap();
    let s = open(tmp.path(), tmp.path());
    set(&s, "A\nb\nc\n");
    std::fs::write(&trip, "a\nb\nC\n").unwrap();
    assert!(s.save(tmp.path()).unwrap().merged);
    assert_eq!(std::fs::read_to_string(&trip).unwrap(), "A\nb\nC\n");
    set(&s, "A\nx\nC\n");
    std::fs::write(&trip, "A\ny\nC\n").unwrap();
    assert!(matches!(s.save(tmp.path()), Err(SaveError::Conflict)));
    assert_eq!(std::fs::read_to_string(&trip).unwrap(), "A\ny\nC\n");
}

#[test]
fn a_link_put_in_the_place_of_an_open_trip_is_not_written_through() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("trips");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.toml"), "a").unwrap();
    let private = tmp.path().join("private.txt");
    std::fs::write(&private, "mine").unwrap();
    let s = open(&folder, tmp.path());
    set(&s, "edited");
    std::fs::remove_file(folder.join("a.toml")).unwrap();
    std::os::unix::fs::symlink(&private, folder.join("a.toml")).unwrap();
    assert!(matches!(s.reload(), Err(ChangeError::Refused(_))));
    assert!(matches!(s.save(&folder), Err(SaveError::LeadsOut)));
    assert_eq!(std::fs::read_to_string(&private).unwrap(), "mine");
    assert_eq!(s.text().0, "edited", "her edits stay");
    // The file back in its place: saved into it.
    std::fs::remove_file(folder.join("a.toml")).unwrap();
    std::fs::write(folder.join("a.toml"), "a").unwrap();
    s.save(&folder).unwrap();
    assert_eq!(
        std::fs::read_to_string(folder.join("a.toml")).unwrap(),
        "edited"
    );
}

#[test]
fn a_folder_lock_held_by_another_program_ends_the_wait() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.toml"), "a").unwrap();
    let s = open(tmp.path(), tmp.path());
    set(&s, "b");
    let other = File::open(tmp.path()).unwrap();
    other.lock().unwrap();
    let started = std::time::Instant::now();
    let wait = std::time::Duration::from_millis(300);
    assert!(matches!(
        s.save_waiting(tmp.path(), wait),
        Err(SaveError::Busy)
    ));
    assert!(started.elapsed() < wait * 3);
    drop(other);
    s.save_waiting(tmp.path(), wait).unwrap();
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.toml")).unwrap(),
        "b"
    );
}

#[test]
fn a_draft_left_by_an_ended_process_is_offered() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.toml"), "a").unwrap();
    let s = open(tmp.path(), tmp.path());
    let v = set(&s, "unsaved");
    drop(s);
    let again = open(tmp.path(), tmp.path());
    assert_eq!(again.text().0, "a");
    let r = again.recovered().unwrap();
    assert_eq!(r.version, v);
    again.recover(true).unwrap();
    assert_eq!(again.text().0, "unsaved");
    assert!(again.recovered().is_none());
}
