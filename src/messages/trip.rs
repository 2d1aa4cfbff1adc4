//! Messages about a trip file: its bytes and TOML syntax, the keys of
//! format 1, the values (texts, Markdown, dates, amounts) and the rules
//! over the whole trip.

catalogue! {
    // Reading the file.
    give_trip_path();
    cannot_open_folder_of(name, error);
    file_too_large(size, max);
    file_too_large_help();

    // Syntax.
    not_utf8(byte, line, column);
    not_utf8_help();
    old_mac_lines();
    old_mac_lines_help();
    unclosed_text(delim);
    unclosed_text_help(delim);
    syntax_broken(detail);
    syntax_help_duplicate();
    syntax_help_string();
    syntax_help_date();
    syntax_help_table();
    syntax_help_line();
    syntax_help_detail(detail, help);
    value_unreadable(detail);
    number_too_large(written);
    number_too_large_help();
    did_you_mean(key);
    table_takes(keys);
    remove_or_check_spelling();
    add_missing_field(key);
    date_without_quotes_help();
    amount_like_help();
    see_trip_format();
    date_as_written(value);
    date_as_written_help(key, date);

    // The keys of format 1.
    missing_table_in_file(table);
    missing_table_in(parent, table);
    missing_key_in_file(key);
    missing_key_in(parent, key);
    add_trip_table();
    add_table(table);
    add_date_key(key);
    add_amount_key(key);
    add_integer_key(key);
    add_text_key(key);
    unknown_table_or_key(key);
    unknown_key_in(key, table);
    key_belongs_in(key, table, here);
    table_takes_keys(table, keys, key);
    image_keys_help(table);
    image_in_day_help();
    image_in_trip_help();
    list_entry_not_text(key, was, actual);
    list_entry_help();
    agenda_entry_wrong(was, actual);
    agenda_entry_help();
    kind_text();
    kind_whole_number();
    kind_decimal();
    kind_bool();
    kind_date();
    kind_list();
    kind_table();
    kind_amount();
    kind_true_or_false();
    kind_text_list();
    kind_table_list();
    wrong_type(key, expected, was, actual);
    wrong_type_in(key, table, expected, was, actual);
    quote_text_help(key, value);
    unquote_date_help(key, value);
    date_like_help(key);
    whole_or_ore_help();
    unquote_number_help(key, value);
    whole_number_help(key);
    bool_help(key);
    text_list_help(key);
    agenda_list_help(key);
    table_help(key, table);
    table_list_help(table);

    // Values.
    empty_value(key);
    empty_value_help(key);
    long_paragraph(key, chars, max);
    long_paragraph_help();
    too_many_entries(table, count, max);
    too_many_entries_help();
    long_word(key, chars, max);
    long_word_help();
    heavy_letter(key, chars, max);
    heavy_letter_help();
    control_char(key, code);
    control_char_help();
    unprintable(key, chars);
    unprintable_help(font);
    empty_text_help();
    date_with_time(key, value);
    date_help();
    amount_wrong_type(key, kind);
    amount_negative(key, literal);
    amount_problem(key, problem);
    amount_negative_reason();
    amount_too_many_decimals(written);
    amount_not_a_number(written);
    amount_too_large();
    amount_negative_help();
    amount_thousands_help(digits);
    amount_rounded_help(rounded);
    amount_decimals_help();
    amount_not_a_number_help();
    amount_too_large_help();

    // Markdown.
    md_link_reference(label);
    md_link_reference_help();
    md_bad_link(url);
    md_bad_link_help();
    md_empty_heading();
    md_empty_heading_help();
    md_third_level(hashes);
    md_third_level_help(hashes);
    md_too_nested(max);
    md_too_nested_help(max);
    md_long_link(bytes, max);
    md_long_link_help();

    // The rules over the whole trip.
    unknown_format(literal);
    unknown_format_help();
    unknown_language(value);
    unknown_language_help();
    end_before_start(end, start);
    end_before_start_help();
    intro_title_hidden();
    intro_title_hidden_help();
    day_before_trip(date, first);
    day_after_trip(date, last);
    day_outside_help(start, end);
    day_twice(date);
    day_twice_help();
    day_out_of_order(date, previous);
    day_out_of_order_help();
    agenda_misses_section(title);
    agenda_misses_section_help();
    day_empty(date);
    day_empty_help();
    unknown_vat(value);
    unknown_vat_help();
    participants_not_positive(value);
    participants_not_positive_help();
    participants_mismatch(value, listed);
    participants_mismatch_help(listed);
    accounts_no_items();
    accounts_no_items_help();
    items_without_budget(missing, items, names);
    items_without_budget_help();
    sum_overflow();
    sum_overflow_help();
    budget_sum_overflow();
    budget_sum_overflow_help();
    total_differs(total, sum);
    total_more_help(sum, diff);
    total_less_help(sum, diff);

    // Party letters, published totals and the price (added 2026-12-04).
    party_in_brackets(value);
    party_in_brackets_help(letters);
    total_and_published_total();
    total_and_published_total_help();
    published_total_differs(published, sum);
    published_total_differs_help(published, sum);
    price_without_count();
    price_without_count_help();
}
