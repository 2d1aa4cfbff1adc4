//! Messages about keeping work safe: the archive's lock and journal, the
//! names a manifest may give, and outputs that would replace inputs.

catalogue! {
    // The archive's lock.
    lock_unwritable(path, error);
    lock_lost(path);
    lock_lost_help();
    lock_unknown(archive, path);
    lock_clear_help(path);
    lock_stale(archive, pid, since);
    lock_taken_over(archive, pid, since);
    lock_busy_here(archive, pid, since);
    lock_busy_there(archive, host, pid, since);
    lock_busy_help(path);

    // The manifest.
    manifest_name_not_ours(value, field, trip, expected);
    manifest_edited(path);
    manifest_edited_help();

    // The journal of a filing.
    journal_invalid(path, error);
    journal_invalid_help(path);
    entry_changed_meanwhile(trip);
    entry_changed_meanwhile_help();
    journal_left(path);
    journal_live(archive, pid);
    journal_pending(path);
    journal_left_help();
    finish_failed(pdf, error);
    finish_failed_help();
    finish_source_gone(path);
    finish_taken(path);
    finish_staged_missing(path);
    journal_finished(pdf);
    journal_undone(pdf);
    verify_interrupted_saved(pdf);
    verify_interrupted_unsaved(pdf);
    verify_finished(pdf);
    verify_undone(pdf);

    // Outputs.
    output_is_input(path);
    output_is_input_help();
    output_not_ours(path);
    output_not_ours_help();

    // Links and foreign paths in the archive.
    link_in_archive(path);
    link_in_archive_help();
    not_a_file_in_archive(path);
    journal_foreign(path, value);
    journal_foreign_help(path);
    web_repairable();
}
