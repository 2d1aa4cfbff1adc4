//! Messages of `studietur import`: what it says on the command line, and
//! the report it writes at the top of each trip file it makes (what it
//! recognised, what a person must look at).

catalogue! {
    // The command line.
    import_wrote(input, output);
    import_exists(input, path);
    import_exists_help();
    import_kind(path);
    import_kind_help();
    import_unreadable(path, error);
    import_unreadable_help();
    import_no_text(path);
    import_no_text_help();
    import_empty(path);
    import_reader_fault();
    pdf_page_too_large(page, max);
    import_encrypted(path);
    import_encrypted_help();
    import_too_large(path, max);
    import_too_much_text(path, size, max);
    import_too_much_text_help();
    import_too_complex(path, reason);
    import_too_complex_help();
    import_not_text(path);
    import_not_text_help();
    import_not_accepted(path, problems);
    import_not_accepted_help();
    import_cannot_write(path, error);
    import_summary(written, failed);

    // The report at the top of the trip file.
    import_report_head(file, version);
    import_report_found();
    import_report_check();
    import_report_nothing_to_check();
    import_report_furniture();
    import_report_used();
    import_report_words(words);
    import_report_pictures();

    // What was recognised.
    found_title(title);
    found_days(count, first, last);
    found_day(date, visits, entries);
    found_free(count);
    found_accounts(items, sum);
    found_participants(count);
    found_participant_count(count);
    found_author(name);
    found_introduction();
    found_images(count);
    found_furniture(count);
    found_place(date, place);
    found_day_text(date);
    found_published_total(sum);
    found_no_price();
    found_parties(count);

    // What to look at.
    check_committee(value);
    check_no_committee();
    check_municipality(value);
    check_no_municipality();
    check_destination(value);
    check_no_destination();
    check_no_days(date);
    check_year(heading, date);
    check_total(printed, sum);
    check_count_and_list(count, listed);
    check_alt(file);
    check_image_kind(kind);
    check_empty_section(title);
    check_no_agenda(date);
    check_no_accounts_items(title);
    check_unplaced(words);
    check_captions(count);
    check_placeholder();
    check_pdf_pictures(count);
    check_image_refused(number, reason);
    check_text_encoding(encoding);
    check_shortened(count);

    // Words the import writes.
    pictures_title();
    unnamed_section_title();
    picture_alt(number);
    fill_in();

    // Why a Word document cannot be read (the `error` of import_unreadable).
    docx_no_document();
    docx_damaged(part, error);
    docx_part_too_large(part, max);
    docx_too_many_parts(max);
    docx_too_complex(part, max);
    docx_too_deep(part, max);
    // Why a PDF's pages are too complex (the `reason` of import_too_complex).
    pdf_too_much_work(max);
    pdf_too_many_pages(max);
    pdf_no_pages();
    pdf_too_many_objects(max);
    pdf_page_damaged(page);

    // The editor's import (a report taken on the start page of
    // `studietur serve`); its plain words for the messages above are the
    // catalogue's `form-<id>` twins.
    import_editor_exists(name);
    import_editor_photo_exists(path);
    import_editor_leads_out();
    import_editor_unwritable(error);
    import_editor_too_large(size, max);
    import_editor_kind();
    import_editor_incomplete();
}
