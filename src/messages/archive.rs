//! Messages about the archive: its manifest, filing reports into it and
//! verifying it.

catalogue! {
    // The manifest.
    manifest_invalid(path, error);
    manifest_invalid_help();
    manifest_bad_path(value, field);
    manifest_listed_twice(pdf);
    pages_differ(pdf, recorded, actual);
    manifest_format(path, found, supported);
    manifest_format_help();
    pdf_asked();

    // Filing.
    cannot_create_archive(path, error);
    rename_not_a_trip(path);
    rename_not_a_trip_help();
    rename_taken(path);
    rename_unknown(path);
    rename_unknown_help();
    failed_inside(path);
    failed_inside_help();
    archive_busy(path);
    archive_busy_help();
    cannot_lock(path, error);
    changed(path);
    is_new(path);
    no_longer_used(path);
    template_changed(name);
    version_replaces(new, old);
    embed_source_differs();
    pdf_differs();
    unlisted_exists(path);
    unlisted_exists_help();
    archived_from_other(pdf, other, trip);
    archived_from_other_help();
    archived_differs(pdf);
    archived_differs_help();
    archived_missing(pdf);
    archived_missing_help();
    files_as(pdf);
    would_change(pdf, why);
    would_change_help();
    cannot_keep(old, kept, error);
    cannot_remove(path, error);

    // Verifying.
    no_manifest(path, manifest);
    no_manifest_help();
    entries_edited();
    not_listed();
    hash_differs(path);
    rebuilt_from_embedded(trip);
    no_temp_folder();
    source_missing(trip);
    source_missing_pdf_intact(trip);
    no_longer_builds(trip, errors);
    needs_version(version, this);
    rebuild_differs(trip, pdf, byte);
    repairable();
    repairable_at(byte);

    // The web page filed beside a PDF.
    web_rebuild_differs(folder);
}
