//! The command line's own lines: what each command reports as it goes and
//! at its end, and what it says about wrong arguments.

catalogue! {
    // Counting.
    count_errors(errors);
    count_warnings(warnings);
    count_warnings_denied(warnings);
    count_pages(pages);
    count_trips(trips);

    // Arguments.
    lang_values();
    ppi_values();
    date_as(date);
    date_format();
    out_is_file(path);
    out_is_file_help();
    format_pages_alone();
    format_pages_alone_help();

    // build, check, watch.
    line_built(input, output, pages, size);
    line_built_web(input, output, size);
    line_unchanged(input, output);
    line_ok(input);
    line_failed(input, problems);
    nothing_built();
    summary_built(built, unchanged, failed, seconds);
    summary_checked(checked, failed, seconds);
    watch_folder(path);
    watch_folder_help();
    watching(path);
    watch_line(report, seconds);

    // new, template.
    which_committee(folder);
    which_committee_help();
    took_committee(committee, municipality, path);
    end_before_start_flag(end, start);
    end_before_start_flag_help();
    file_exists(path);
    file_exists_help();
    wrote_trip(path);
    no_builtin_template(name);
    no_builtin_template_help();
    holds_main(path);
    holds_main_help();
    wrote_template(name, dir);

    // archive, verify.
    line_archived(input, pdf);
    line_kept(input, pdf, made, this);
    line_replaced(input, pdf, old);
    line_failed_input(input);
    archive_summary(archived, replaced, unchanged, failed, seconds, manifest);
    verify_ok(pdf, pages);
    verify_repaired(pdf);
    verify_other_version(pdf, made, this);
    verify_other_version_strict(pdf, made, this);
    verify_missing_source(pdf, problems);
    verify_unlisted(pdf, problems);
    verify_edited(pdf, problems);
    verify_mismatch(pdf, problems);
    with_notes(line, notes);
    verify_summary(good, reports);

    // extract, overview.
    extract_unreadable(path, error);
    no_attachments(path);
    no_attachments_help();
    attachment_outside(name, dir);
    not_by_studietur_help();
    attachment_differs(path, name);
    attachment_differs_help();
    attachments_collide(first, second);
    extracted(path);
    build_again(path);
    extracted_incomplete(path, max);
    no_overview(failed);
    wrote_overview(path, trips, pages, seconds);
}
