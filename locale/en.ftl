# studietur's messages in English: the diagnostics and the command line's
# own lines. Every message has a twin in da.ftl with the same arguments; the
# code makes each one through a function of src/messages/ of the same name.
# A brace is written {"{"} and {"}"}.

## A trip file: reading it

give_trip_path = give the path of a trip file (.toml) or of a folder of them
cannot_open_folder_of = cannot open the folder of `{$name}`: {$error}
file_too_large = the trip file is {$size} MB; a trip file may be at most {$max} MB
file_too_large_help = a report's text is far smaller: check that this is the trip file, and move long attachments into their own files

## Syntax

not_utf8 = the file is not UTF-8: byte 0x{$byte} at line {$line}, column {$column} is not valid UTF-8
not_utf8_help = save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)
old_mac_lines = the file's lines end in a carriage return alone (old Mac line endings)
old_mac_lines_help = save it with ordinary line endings (in most editors: Line endings → LF or CRLF)
unclosed_text = the text that starts here has no closing {$delim}
unclosed_text_help = end the text with {$delim} (on a line of its own, or right after its last word)
syntax_broken = the TOML syntax is broken here: {$detail}
syntax_help_duplicate = a key may appear once in a table; a table that repeats (a day, a section, an item) is written [[…]]
syntax_help_string = text goes in double quotes, "like this"; a text over several lines goes in triple quotes """…"""
syntax_help_date = write dates as 2023-04-17 (year-month-day, no quotes)
syntax_help_table = a table header is [name] or [[name]] on a line of its own
syntax_help_line = each line is `key = value`: text in "quotes", numbers and dates (2023-04-17) without quotes
syntax_help_detail = {$detail}; {$help}
value_unreadable = {$detail}
number_too_large = the number `{$written}` is too large: a whole number in the file may be at most 9223372036854775807
number_too_large_help = write the number as the report needs it; check for digits typed twice
did_you_mean = did you mean `{$key}`?
table_takes = this table takes {$keys}
remove_or_check_spelling = remove the key, or check its spelling in trip-format.md
add_missing_field = add `{$key} = …` to this table
date_without_quotes_help = write the date without quotes, like 2023-04-17
amount_like_help = write an amount like 31300, or kroner with øre after a point ("1150.50")
see_trip_format = see trip-format.md for what this key takes
date_as_written = `{$value}` is not a date as the trip file writes dates
date_as_written_help = write `{$key} = {$date}` (year-month-day, without quotes)

## The keys of format 1

missing_table_in_file = the file has no {$table} table
missing_table_in = {$parent} has no {$table} table
missing_key_in_file = the file is missing `{$key}`
missing_key_in = {$parent} is missing `{$key}`
add_trip_table = add a [trip] table with committee, municipality, destination, start and end
add_table = add a {$table} table
add_date_key = add `{$key} = 2023-04-17` (a date, without quotes)
add_amount_key = add `{$key} = 1000` (kroner)
add_integer_key = add `{$key} = 10`
add_text_key = add `{$key} = "…"`
unknown_table_or_key = unknown table or key `{$key}`
unknown_key_in = unknown key `{$key}` in {$table}
key_belongs_in = `{$key}` belongs in {$table}, not in {$here}
table_takes_keys = {$table} takes {$keys}; remove `{$key}` or check its spelling
image_keys_help = `file`, `alt` and `caption` belong to an image: add a line `[[{$table}.image]]` above them (one per image)
image_in_day_help = an image belongs to a visit: add `[[day.section]]` (with `title` and `text`), then `[[day.section.image]]` above the image's keys
image_in_trip_help = a cover photo is `cover = {"{"} file = "…", alt = "…" {"}"}` and a logo `logo = {"{"} file = "…", alt = "…" {"}"}`; photos of a visit go in `[[day.section.image]]`
list_entry_not_text = each entry of `{$key}` must be text, but `{$was}` is {$actual}
list_entry_help = write each entry in quotes: ["…", "…"]
agenda_entry_wrong = each entry of `agenda` must be text or a table, but `{$was}` is {$actual}
agenda_entry_help = write each entry in quotes ("…"), or as a table: {"{"} time = "10.30", text = "…", points = ["…"] {"}"}
kind_text = text
kind_whole_number = a whole number
kind_decimal = a decimal number
kind_bool = true/false
kind_date = a date
kind_list = a list
kind_table = a table
kind_amount = an amount
kind_true_or_false = true or false
kind_text_list = a list of texts
kind_table_list = a list of tables
wrong_type = `{$key}` must be {$expected}, but `{$was}` is {$actual}
wrong_type_in = `{$key}` in {$table} must be {$expected}, but `{$was}` is {$actual}
quote_text_help = write it in quotes: {$key} = "{$value}"
unquote_date_help = write the date without quotes: {$key} = {$value}
date_like_help = write a date without quotes, like {$key} = 2023-04-17
whole_or_ore_help = write a whole number (31300) or kroner with øre after a point ("1150.50")
unquote_number_help = write the number without quotes: {$key} = {$value}
whole_number_help = write a whole number, like {$key} = 10
bool_help = write {$key} = true or {$key} = false
text_list_help = write {$key} = ["…", "…"]
agenda_list_help = write {$key} = ["…", {"{"} time = "10.30", text = "…" {"}"}]
table_help = write it as a table: {$key} = {"{"} … {"}"}, or [{$table}] on a line of its own with its keys below
table_list_help = write each one as {$table} on a line of its own, with its keys below

## Values

empty_value = `{$key}` is empty
empty_value_help = write the {$key}, or leave the key out if it is optional
long_paragraph = a paragraph of `{$key}` is {$chars} characters long; a paragraph may be at most {$max}
long_paragraph_help = split it into paragraphs with a blank line between them
too_many_entries = the file has {$count} {$table} tables; a report may have at most {$max}
too_many_entries_help = a report lists what a reader needs; put long lists (every receipt, every name) in an attachment of their own
long_word = `{$key}` has a word of {$chars} characters without a space; a word may be at most {$max}
long_word_help = put spaces between the words (text copied from a PDF or a spreadsheet can lose them)
heavy_letter = `{$key}` has a letter made of {$chars} characters (a letter and the marks on it); at most {$max}
heavy_letter_help = write the letter with at most a few accents; text copied from a web page can carry stacks of invisible marks
control_char = `{$key}` holds the control character U+{$code}, which cannot be printed
control_char_help = remove it; it often comes with text pasted from another program
unprintable = `{$key}` has characters the report's font cannot print: {$chars}
unprintable_help = replace them, or describe them in words; the font ({$font}) covers Latin, Greek and Cyrillic
empty_text_help = write the text; paragraphs are separated by a blank line
date_with_time = `{$key}` must be a date without a time, but it is `{$value}`
date_help = write a date like 2023-04-17
amount_wrong_type = `{$key}` must be an amount, but it is a {$kind}
amount_negative = `{$key}` is negative: {$literal}
amount_problem = `{$key}`: {$problem}
amount_negative_reason = an amount cannot be negative
amount_too_many_decimals = `{$written}` has more than two decimals
amount_not_a_number = `{$written}` is not an amount
amount_too_large = the amount is too large
amount_negative_help = write what was spent, as 0 or more
amount_thousands_help = write {$digits} or "{$digits}.00" — a point separates øre, not thousands
amount_rounded_help = an amount has at most two decimals (øre), and this point cannot separate thousands; for kroner and øre write "{$rounded}"
amount_decimals_help = an amount has at most two decimals (øre); check the number
amount_not_a_number_help = write a whole number (31300 or 31_300) or kroner with øre after a point ("1150.50")
amount_too_large_help = write an amount below 90 000 000 000 000 000 kr.

## Markdown

md_link_reference = `[{$label}]: …` defines a link reference, which would not be printed
md_link_reference_help = write the link where it is used, as [label](https://…)
md_bad_link = the link target `{$url}` is not a web or mail address
md_bad_link_help = links go to https://…, http://… or mailto:…; to print brackets as text, leave out the (…) after them
md_empty_heading = a sub-heading has no words
md_empty_heading_help = write the heading after the #s (`## Det politiske system`), or remove the line
md_third_level = `{$hashes}` is a third level of sub-headings; a text has at most two below its section
md_third_level_help = write it with as many #s as the heading above it ({$hashes}), or as a paragraph
md_too_nested = lists and quotes are nested more than {$max} deep here
md_too_nested_help = write it with at most {$max} levels of lists and quotes inside each other
md_long_link = the link target is {$bytes} characters long; at most {$max}
md_long_link_help = link to a shorter address (the page's own, without tracking parameters)

## The rules over the whole trip

unknown_format = unknown `format` {$literal}: this version of studietur reads format 1
unknown_format_help = write `format = 1`, or leave the key out
unknown_language = unknown `language` "{$value}"
unknown_language_help = write "da" (Danish, the default) or "en" (English)
end_before_start = `end` ({$end}) is before `start` ({$start})
end_before_start_help = `end` is the trip's last day; it cannot be before its first day
intro_title_hidden = the introduction's `title` is not shown: it has `heading = false`
intro_title_hidden_help = remove `title`, or `heading = false` to show it as the heading
day_before_trip = the day {$date} is before the trip's first day ({$first})
day_after_trip = the day {$date} is after the trip's last day ({$last})
day_outside_help = a day's date must be between `start` and `end` ({$start} to {$end})
day_twice = the day {$date} is listed twice
day_twice_help = put all of a day's sections under one [[day]]
day_out_of_order = the day {$date} comes after {$previous} in the file
day_out_of_order_help = list the [[day]] tables in date order
agenda_misses_section = the agenda does not list the section "{$title}"
agenda_misses_section_help = add the section's title to `agenda`, or leave `agenda` out to list the sections' titles
day_empty = the day {$date} has neither an agenda nor sections nor text
day_empty_help = add `agenda = ["…"]`, a `text` or a [[day.section]], or remove the day
unknown_vat = unknown `vat` "{$value}"
unknown_vat_help = write "excluded" (amounts without VAT, the default), "included", or "unstated" when the report does not say
participants_not_positive = `participants` must be more than 0, but it is {$value}
participants_not_positive_help = write how many took part in the trip
participants_mismatch = `participants` is {$value}, but {$listed} [[participant]] are listed
participants_mismatch_help = write `participants = {$listed}`, or leave it out to count the list
accounts_no_items = [accounts] has no items
accounts_no_items_help = add at least one [[accounts.item]] with `label` and `amount`
items_without_budget = {$missing} of {$items} items have no `budget`: {$names}; the budget column's sum reads "–"
items_without_budget_help = add `budget = …` to every item, or leave `budget` out of all of them
sum_overflow = the sum of the items is too large to compute
sum_overflow_help = check the amounts for typing mistakes
budget_sum_overflow = the sum of the budgets is too large to compute
budget_sum_overflow_help = check the budgets for typing mistakes
total_differs = `total` is {$total}, but the items add up to {$sum}
total_more_help = the items add up to {$sum}, {$diff} more than `total`; correct the item that is wrong, or `total`
total_less_help = the items add up to {$sum}, {$diff} less than `total`; correct the item that is wrong, or `total`

## Party letters, published totals and the price (added 2026-12-04)

party_in_brackets = `party` is written with its brackets: "{$value}"
party_in_brackets_help = write the letters alone, `party = "{$letters}"`: the report adds the brackets after the name ("Orla Hav ({$letters})")
total_and_published_total = `total` and `published_total` cannot both be given
total_and_published_total_help = keep `total` to check that the items add up to it, or `published_total` to print the sum as the approved report printed it; remove the other
published_total_differs = `published_total` is {$published}, but the items add up to {$sum}
published_total_differs_help = the sum row prints {$published} as published, and a note under the table says that the items add up to {$sum}; if the approved report did not print {$published}, correct `published_total` or the item that is wrong
price_without_count = `price = true`, but the number of participants is not known, so there is no price per participant to show
price_without_count_help = add `participants = …` to [accounts], or list who went with [[participant]]

## Pictures: their keys

alt_empty = `alt` is empty
alt_empty_help = describe what the image shows, for readers who cannot see it
no_alt = the {$picture} has no `alt` text
no_alt_help = add `alt = "…"` describing what the image shows (what a screen reader speaks), or `decorative = true` if it carries no information
file_empty = `file` is empty
file_empty_help = write the image's path relative to the trip file, like "images/photo.jpg"

## Pictures: reading the file

leads_out = `{$path}` leads outside the trip file's folder
leads_out_help = copy the image into the trip file's folder (e.g. images/) and write the path relative to it
link_leads_out = `{$path}` is a link that leads outside the trip file's folder
link_leads_out_help = copy the image itself into the trip file's folder instead of linking to it
cannot_open_picture = cannot open `{$path}`: {$error}
check_path_help = check the path; it is relative to the folder that holds the trip file
not_a_file = `{$path}` is not a regular file
not_a_file_help = give the path of an image file (PNG, JPEG, GIF, WebP or SVG)
check_permissions_help = check the file's permissions
cannot_read_picture = cannot read `{$path}`: {$error}
not_an_image = `{$path}` is not an image the report can show: {$reason}
no_such_file = no such file
permission_denied = permission denied

## Pictures: the bytes

damaged_help = use a PNG, JPEG, GIF, WebP or SVG file; a damaged one must be saved again from its source
no_pixels = it has no pixels
too_many_pixels = it is {$width} × {$height} pixels ({$megapixels} megapixels); the report takes images of up to {$max} megapixels
scale_down_help = scale it down first: a printed photo needs about 2000 × 1500 pixels
unknown_content = its content is not PNG, JPEG, GIF, WebP or SVG
format_unsupported = {$format} images are not supported
image_unreadable = it cannot be read ({$error})
image_error = {$error}
too_large_to_decode = it is too large to decode within {$max} MB; save it as a JPEG, or smaller
image_undecodable = it cannot be decoded ({$error})
cannot_reencode = it cannot be re-encoded ({$error})
jpeg_unreadable = the JPEG cannot be read ({$error})
jpeg_undecodable = the JPEG cannot be decoded ({$error})
jpeg_markers_damaged = the JPEG is damaged (its markers cannot be read)
jpeg_truncated = the JPEG is cut short (truncated): its end is missing
jpeg_damaged = the JPEG is damaged and cannot be decoded
jpeg_no_frame = the JPEG has no frame
jpeg_pixels_mismatch = the JPEG's pixels do not match its size
progressive_too_large = it is a progressive JPEG of {$megapixels} megapixels; a progressive JPEG may have at most {$max} (it is decoded whole)
progressive_too_large_help = save it as an ordinary (baseline) JPEG, as cameras and phones do, or smaller
svg_only_draws_help = an SVG in a report may only draw, and simply: save it without links to other files, scripts, HTML and heavy effects, or as a PNG
svg_no_size = the SVG has no size
svg_too_large = the SVG says it is {$width} × {$height} pixels; at most {$max} each way
svg_not_utf8 = the SVG is not UTF-8 text
svg_too_many_elements = the SVG has more than {$max} elements, too many to draw
svg_unreadable = the SVG cannot be read ({$error})
svg_elements = the SVG has {$count} elements; at most {$max} can be drawn
svg_script = the SVG holds a script
svg_foreign_object = the SVG holds a `foreignObject` (HTML inside the image)
svg_refers_to_file = the SVG refers to another file or URL (`{$value}`)
svg_refers_to_url = the SVG refers to a URL (`{$value}`)
svg_script_attribute = the SVG holds a script (`{$name}`)
svg_style_refers = the SVG's style refers to another file or URL
svg_unprintable = the SVG's text has characters the fonts cannot print: {$chars}
svg_too_big = the SVG file is {$size} MB; an SVG may be at most {$max} MB
svg_effects = the SVG has {$count} effects (filter steps and masks); at most {$max}
svg_step_too_costly = the SVG uses the effect {$step}, which can take minutes to draw
svg_much_text = the SVG holds {$count} characters of text; at most {$max}
svg_effects_too_large = the SVG is {$width} × {$height} pixels and has effects (filters or masks); with effects it may be at most {$max} × {$max}

## The name of a diagnostic's level

level_error = error
level_warning = warning
level_help = help

## Files

cannot_read = cannot read `{$path}`: {$error}
cannot_write = cannot write `{$path}`: {$error}
cannot_open = cannot open `{$path}`: {$error}
cannot_read_folder = cannot read the folder `{$path}`: {$error}

## The inputs of a command

no_trip_files_in = `{$path}` holds no .toml trip files
no_trip_files_in_help = name a trip file, or a folder with trip files in it
does_not_exist = `{$path}` does not exist
does_not_exist_help = name a trip file (.toml) or a folder of them
output_clash = `{$first}` and `{$second}` would both be built as `{$stem}.pdf`
output_clash_help = rename one of them, or build them into different folders with -o

## The template

template_folder_unopenable = cannot open the template folder `{$path}`: {$error}
template_no_main = the template folder `{$path}` has no main.typ
template_not_found = {$reason} (built-in templates: {$names})
settings_not_utf8 = `{$path}` is not UTF-8
settings_invalid = `{$path}`: {$error}
photo_box_range = `{$path}`: the photo box must be between 0.1 and 100 cm each way
photo_box_missing = `{$path}` must say `[photo]` with `width-cm` and `height-cm` (numbers, in cm)
about_report = the full report: title page, contents, a chapter a day (default)
about_compact = a short report for a one-day visit: no title page or contents
about_overview = the overview across years (studietur overview)

## Laying out

data_unwritable = cannot write the report's data: {$error}
overview_data_unwritable = cannot write the overview's data: {$error}
template_attached = the template attached {$found} of the {$expected} source files to the PDF
template_attached_help = a custom template must attach `data.attachments` with `pdf.attach` (see templates/README.md)
pdf_standards = PDF standards: {$error}
png_unencodable = cannot encode a page as PNG: {$error}
in_template = in the template: {$message}
in_template_warning = in the template (warning treated as an error): {$message}
while_laying_out = while laying out the report: {$message}
engine_hints = {$hints}
typst_unwritable = cannot write the Typst sources into `{$path}`: {$error}
pages_unwritable = cannot write the pages of `{$stem}` into `{$path}`: {$error}

## The web version

web_template = the web page template {$file}, line {$line}: {$error}
web_template_help = mend the template, or remove it from the template folder to use the built-in one
web_image = the image `{$path}` cannot be made ready for the web page: {$error}
web_unwritable = cannot write the web page {$path}: {$error}

## Sources attached to the PDF

cannot_embed = cannot embed the files of `{$path}`: {$error}
not_embedded = not embedded, larger than {$max} MB: {$files}
not_kept = `{$path}` was not kept when it was read
pdf_unreadable = not a readable PDF: {$error}
pdf_broken_reference = a broken reference in the PDF: {$error}
pdf_no_catalog = the PDF has no catalog: {$error}
attachments_too_deep = the PDF's list of attached files is too deep
attachments_damaged = the PDF's list of attached files is damaged
attachment_entry_damaged = an attached file's entry is damaged
attachment_no_name = an attached file has no name
attachment_name_unreadable = an attached file's name is unreadable: {$error}
attachment_no_content = the attached file `{$name}` has no content
attachment_damaged = the attached file `{$name}` is damaged
attachment_unpackable = cannot unpack the attached file `{$name}`: {$error}

## Watching

watch_needs_out = watch needs an output folder
cannot_watch_files = cannot watch files: {$error}
cannot_watch = cannot watch `{$path}`: {$error}

## The archive: its manifest

manifest_invalid = `{$path}` is not a studietur archive manifest: {$error}
manifest_invalid_help = restore the manifest from a backup; studietur never edits it by hand
manifest_bad_path = `{$value}` (in `{$field}`) is not a path inside the archive
manifest_listed_twice = `{$pdf}` is listed twice
pages_differ = the manifest gives `{$pdf}` {$recorded} pages; it has {$actual}
manifest_format = `{$path}` has manifest_format {$found}; this studietur reads format {$supported}
manifest_format_help = use the studietur version that wrote this archive
pdf_asked = a PDF was asked for

## The archive: filing

cannot_create_archive = cannot create the archive folder `{$path}`: {$error}
rename_not_a_trip = --rename: `{$path}` is not a trip file
rename_not_a_trip_help = --rename OLD NEW: NEW is where the trip file is now
rename_taken = --rename: a report is archived from `{$path}` already
rename_unknown = --rename: no report is archived from `{$path}`
rename_unknown_help = --rename OLD NEW: OLD is the trip file's place as the manifest records it (see `trip` in manifest.json)
failed_inside = studietur failed inside while building `{$path}`
failed_inside_help = this is a bug in studietur; please report it with the trip file
archive_busy = another studietur is archiving into `{$path}`
archive_busy_help = wait for it to finish, then run again
cannot_lock = cannot lock `{$path}`: {$error}
changed = `{$path}` changed
is_new = `{$path}` is new
no_longer_used = `{$path}` is no longer used
template_changed = the template `{$name}` changed
version_replaces = studietur {$new} replaces {$old}
embed_source_differs = --embed-source differs
pdf_differs = the PDF differs
unlisted_exists = `{$path}` exists but the archive's manifest does not list it
unlisted_exists_help = move that file out of the archive; studietur never overwrites a PDF it did not archive
archived_from_other = `{$pdf}` is archived from `{$other}`, not from `{$trip}`
archived_from_other_help = if two trip files of the same year share a name, rename one; if the trip file was moved, archive from its old place or into a new archive
archived_differs = the archived `{$pdf}` is not the PDF the manifest records (its SHA-256 differs)
archived_differs_help = run `studietur verify` on the archive and restore the PDF from a backup
archived_missing = the archived `{$pdf}` is missing
archived_missing_help = restore it from a backup; its source no longer gives the same PDF
files_as = it now files as `{$pdf}`
would_change = `{$pdf}` is archived and its source now gives a different PDF: {$why}
would_change_help = the archived PDF was left as it is; archive again with --replace to file the new version and keep the old one as superseded
cannot_keep = cannot keep `{$old}` as `{$kept}`: {$error}
cannot_remove = cannot remove `{$path}`: {$error}

## The archive: verifying

no_manifest = `{$path}` has no {$manifest}
no_manifest_help = name a folder written by `studietur archive`
entries_edited = its entries do not hash as it records: an entry was edited, added or deleted by hand
not_listed = it is in the archive, but its manifest does not list it
hash_differs = `{$path}` changed: its SHA-256 is not the one the manifest records
rebuilt_from_embedded = `{$trip}` is not at its recorded place: rebuilt from the sources embedded in the PDF
no_temp_folder = cannot make a temporary folder
source_missing = `{$trip}` is not at its recorded place and the PDF carries no sources
source_missing_pdf_intact = `{$trip}` is not at its recorded place and the PDF carries no sources (the PDF itself is intact)
no_longer_builds = `{$trip}` no longer builds: {$errors}
needs_version = it was made by studietur {$version}; repairing it needs that version (this is {$this})
rebuild_differs = rebuilding `{$trip}` gives a PDF that differs from `{$pdf}` (first at byte {$byte})
web_rebuild_differs = the web page {$folder}/index.html rebuilt differs from the one recorded
repairable = its sources still give the recorded PDF: `verify --repair` writes it anew
repairable_at = its sources still give the recorded PDF, from which the archived file differs first at byte {$byte}: `verify --repair` writes it anew

## The command line: counting

count_errors = {$errors ->
    [one] {$errors} error
   *[other] {$errors} errors
}
count_warnings = {$warnings ->
    [one] {$warnings} warning
   *[other] {$warnings} warnings
}
count_warnings_denied = {$warnings ->
    [one] {$warnings} warning (denied)
   *[other] {$warnings} warnings (denied)
}
count_pages = {$pages ->
    [one] {$pages} page
   *[other] {$pages} pages
}
count_trips = {$trips ->
    [one] {$trips} trip
   *[other] {$trips} trips
}

## The command line: arguments

lang_values = write da (Danish) or en (English)
ppi_values = write a number of pixels per inch from 10 to 1200, like 144
date_as = write {$date} (year-month-day)
date_format = write a date as year-month-day, like 2025-05-12
out_is_file = `{$path}` is a file, not a folder
out_is_file_help = -o names the folder the reports are written to
format_pages_alone = png and svg pages are made alone, not with another format
format_pages_alone_help = write --format pdf,html, or --format png (or svg) on its own

## The command line: build, check, watch

line_built = built {$input} → {$output} ({$pages}, {$size} MB)
line_built_web = built {$input} → {$output} ({$size} MB)
line_unchanged = unchanged {$input} → {$output}
line_ok = ok {$input}
line_failed = failed {$input}: {$problems}
nothing_built = nothing was built
summary_built = {$built} built, {$unchanged} unchanged, {$failed} failed in {$seconds} s
summary_checked = {$checked} checked, {$failed} failed in {$seconds} s
watch_folder = `{$path}` is a folder; watch follows one trip file
watch_folder_help = name the trip file: studietur watch trips/2024-berlin.toml
watching = watching {$path} and the files it names (Ctrl-C to stop)
watch_line = {$report} ({$seconds} s)

## The command line: new, template

which_committee = say which committee and municipality: there is no other trip file in `{$folder}` to take them from
which_committee_help = add --committee "Social- og Beskæftigelsesudvalget" --municipality "Aarhus Kommune"
took_committee = took the committee "{$committee}" and the municipality "{$municipality}" from {$path} (give --committee and --municipality for others)
end_before_start_flag = --end {$end} is before --start {$start}
end_before_start_flag_help = --end is the trip's last day
file_exists = `{$path}` exists already
file_exists_help = studietur new never overwrites a file; choose another name
wrote_trip = wrote {$path}; check it with `studietur check {$path}`
no_builtin_template = there is no built-in template `{$name}`
no_builtin_template_help = see `studietur template list`
holds_main = `{$path}` already holds a main.typ
holds_main_help = choose a new folder; studietur does not overwrite a template
wrote_template = wrote the `{$name}` template into {$dir}; build with --template {$dir}

## The command line: archive, verify

line_archived = archived {$input} → {$pdf}
line_kept = kept {$input} → {$pdf}: made by studietur {$made} from the same sources (--replace builds it with studietur {$this})
line_replaced = replaced {$input} → {$pdf} (the old version is kept as {$old})
line_failed_input = failed {$input}
archive_summary = {$archived} archived, {$replaced} replaced, {$unchanged} unchanged, {$failed} failed in {$seconds} s; manifest: {$manifest}
verify_ok = ok {$pdf}: hashes match, rebuilt byte-identical ({$pages})
verify_repaired = repaired {$pdf}: its sources gave the recorded PDF (and web page) again, byte for byte, and what was damaged or missing was written anew
verify_other_version = info {$pdf}: the PDF is intact and its sources are unchanged; made by studietur {$made}, which this studietur {$this} builds differently (archive --replace to file a new version)
verify_other_version_strict = OTHER VERSION {$pdf}: the PDF is intact and its sources are unchanged; made by studietur {$made}, which this studietur {$this} builds differently (archive --replace to file a new version)
verify_missing_source = MISSING SOURCE {$pdf}: {$problems}
verify_unlisted = UNLISTED {$pdf}: {$problems}
verify_edited = EDITED {$pdf}: {$problems}
verify_mismatch = MISMATCH {$pdf}: {$problems}
with_notes = {$line} ({$notes})
verify_summary = {$good} of {$reports} reports verified

## The command line: extract, overview

extract_unreadable = `{$path}`: {$error}
no_attachments = `{$path}` has no attached files
no_attachments_help = only a PDF built with --embed-source carries its sources
attachment_outside = the attached file `{$name}` would land outside `{$dir}`
not_by_studietur_help = nothing was written; this PDF was not made by studietur
attachment_differs = `{$path}` exists and differs from the attached `{$name}`
attachment_differs_help = extract into an empty folder; nothing was written
attachments_collide = two attached files would be written to `{$first}` and `{$second}`
extracted = extracted {$path}
build_again = build it again with `studietur build {$path} --embed-source` (and the same --template, if the report was made with another)
extracted_incomplete = {$path} does not build as extracted: the PDF does not carry every file it names (files over {$max} MB are left out); copy them in
no_overview = no overview written: {$failed ->
    [one] {$failed} trip file failed
   *[other] {$failed} trip files failed
}
wrote_overview = wrote {$path} ({$trips}, {$pages}) in {$seconds} s

## The local web editor (studietur serve)

edit_syntax = the trip file has a syntax error; mend it in the TOML tab first ({$error})
edit_no_entry = that entry is not there (any more)
edit_not_a_list = this is not a list
edit_no_entry_to_move = there is no such entry to move
edit_needs_path = an edit needs a path
edit_no_field = there is no such field
edit_cannot_set = this field cannot be set here
edit_list_by_key = a list is added to by its key
edit_cannot_add_list = a list cannot be added here
edit_not_table_list = this is not a list of tables
edit_whole_number = write a whole number, e.g. 12
edit_not_date = {$value} is not a date: choose it in the calendar, or write e.g. 8.10.2025
edit_cannot_write = that cannot be here: choose one of the options
typed_amount = {$value} is not an amount: write kroner as 31.300, 1.150,50 or 12.500 kr.
new_file_name = write a file name, like 2025-berlin
new_not_date = `{$value}` is not a date like 2025-05-12
new_end_before_start = the last day is before the first
new_write_destination = write the destination
new_write_committee = write the committee
new_write_municipality = write the municipality
new_exists = {$name} exists already: choose another file name
new_unwritable = cannot write {$name}: {$error}
photo_kinds = a photo must be PNG, JPEG, WebP or GIF
photo_unstorable = cannot store the photo: {$error}
not_a_trip_name = `{$name}` is not a trip file's name
trip_not_there = {$name} is not in the folder
page_not_there = this page is not there (any more): the preview has moved on
save_conflict = {$name} was changed on disk since it was opened (in another editor, or by git): reload it to see the change, or copy your text first
save_failed = cannot save {$name}: {$error}
save_busy = {$name} is not saved: another program has held the folder for over {$seconds} s (perhaps another user's studietur). Your edits are kept in the draft; try again in a moment
save_leads_out = {$name} is not saved: in its place in the folder there is now a link that leads elsewhere. Your edits are kept in the draft; ask whoever manages the folder
editor_failed_inside = studietur failed inside; the file is unchanged
refused_host = this editor answers only at 127.0.0.1, localhost or [::1] with its port
refused_wrong_token = wrong token: open the address studietur serve printed
refused_no_token = no key: open the address studietur serve printed (with #key=) once in this browser
refused_origin = a request from another site is refused
refused_no_origin = a change must come from the editor's own page
refused_upload_kind = a photo is sent as PNG, JPEG, WebP or GIF
refused_not_json = the editor sends JSON
serve_no_token = no random token: {$error}
serve_folder = cannot open the folder `{$path}`: {$error}
serve_not_folder = `{$path}` is not a folder: name the folder of trip files, like trips
serve_unspecified = --listen {$address} names no one address: give the address others reach this computer at, like --listen 192.168.1.20
serve_start = cannot start the server: {$error}
serve_listen = cannot listen on {$address}: {$error}
serve_stopped = the server stopped: {$error}
serve_at = the editor is at {$url}
serve_local = (only this computer can reach it; Ctrl-C stops it)
serve_open = (anyone who can reach this address and has the token can edit; Ctrl-C stops it)
serve_no_browser = could not open a browser ({$error}); open the address above yourself
serve_preview = preview {$trip}: {$ms} ms ({$layout} ms to check and lay out, {$draw} ms to draw {$drawn} of {$pages ->
    [one] {$pages} page
   *[other] {$pages} pages
})
serve_saved = saved {$trip}
serve_unsaved = not saved: {$trips}. Save in the editor, or press Ctrl-C again to stop without saving
serve_stopping = the editor stopped
new_file_name_chars = a file name may hold only letters, digits, - and _: write for instance {$suggestion}


## Importing reports (studietur import)

import_wrote = imported {$input} → {$output}
import_exists = cannot import {$input}: `{$path}` exists already
import_exists_help = studietur import never overwrites a file: move it away, or import into another folder with -o DIR
import_kind = `{$path}` is not a Word document, a PDF or a text file
import_kind_help = give a .docx, .pdf or .txt file (save a .doc as .docx in Word first)
import_unreadable = cannot read `{$path}`: {$error}
import_unreadable_help = open it in Word or a PDF reader to see that it is whole; save it again as .docx or PDF and import that
import_no_text = `{$path}` has no text layer: its pages are pictures (a scan)
import_no_text_help = let a PDF program recognise its text (OCR) first, or import the Word document it was made from
import_empty = `{$path}` has no text
import_reader_fault = the reader stopped on damaged content (a fault of studietur import: please report it with the file)
import_encrypted = `{$path}` is protected by a password
import_encrypted_help = save a copy without the protection and import that
import_too_large = `{$path}` is larger than {$max} MB
import_too_much_text = `{$path}` holds {$size} MB of text, more than a trip file may hold ({$max} MB)
import_too_much_text_help = import the report without its appendices (save a copy without them), or split it into the trips it describes
import_too_complex = `{$path}` is too complex to read: {$reason}
import_too_complex_help = print it to a new PDF (Print → Save as PDF) and import that, or import the Word document it was made from
import_not_text = `{$path}` is not text: it holds bytes that no text file has
import_not_text_help = give the text as pdftotext writes it, or the PDF or Word document itself
import_not_accepted = the trip made from `{$path}` does not pass check: {$problems}
import_not_accepted_help = nothing was written; please report this with the document, it is a fault of studietur import
import_cannot_write = cannot write `{$path}`: {$error}
import_summary = {$written} imported, {$failed} failed

import_report_head = Imported from {$file} by studietur import {$version}. Read it through, fix what is listed under "Look at", then delete these comment lines.
import_report_found = Recognised:
import_report_check = Look at:
import_report_nothing_to_check = nothing in particular
import_report_furniture = Set aside as page headers, footers, page numbers and contents (not in the report):
import_report_used = Read into keys, as written in the document:
import_report_words = Every one of the document's {$words} words is in this file.
import_report_pictures = Text in the PDF's pictures (the pictures are not imported):

found_title = the title "{$title}"
found_days = {$count ->
    [one] 1 day
   *[other] {$count} days
}, {$first} to {$last}
found_day = {$date}: {$visits ->
    [one] 1 visit
   *[other] {$visits} visits
}, programme of {$entries ->
    [one] 1 entry
   *[other] {$entries} entries
}
found_free = {$count ->
    [one] 1 section of its own
   *[other] {$count} sections of their own
}
found_accounts = accounts of {$items ->
    [one] 1 item
   *[other] {$items} items
}, sum {$sum}
found_participants = {$count ->
    [one] 1 participant
   *[other] {$count} participants
}
found_participant_count = the number of participants: {$count}
found_author = the author: {$name}
found_introduction = the introduction
found_images = {$count ->
    [one] 1 photo (in images/)
   *[other] {$count} photos (in images/)
}
found_furniture = {$count ->
    [one] 1 line of page headers, footers or contents set aside
   *[other] {$count} lines of page headers, footers or contents set aside
}
found_place = {$date}: the place "{$place}"
found_day_text = {$date}: the day's own text (before its first visit)
found_published_total = the sum as printed, {$sum}, as published_total
found_no_price = no price per participant was printed: price = false
found_parties = {$count ->
    [one] party letters of 1 participant
   *[other] party letters of {$count} participants
}

check_committee = the committee "{$value}" is the one the text names most: is it the right one?
check_no_committee = no committee was found: write it in [trip] committee
check_municipality = the municipality "{$value}" is the one the text names most: is it the right one?
check_no_municipality = no municipality was found: write it in [trip] municipality
check_destination = the destination "{$value}" was read from the text: is it right?
check_no_destination = no destination was found: write it in [trip] destination
check_no_days = no day headings with dates were found: start is {$date}, write the trip's real dates
check_year = "{$heading}" has no year: read as {$date}
check_total = the document's sum {$printed} is not the items' sum {$sum}: it is written as published_total, so the report prints it as published and notes what the items add up to; if an item was misprinted, correct the item and write total instead
check_count_and_list = the text says {$count} participants but lists {$listed}: the count is a comment under [accounts]
check_alt = the photo {$file} has no alternative text in the document: its caption or a placeholder stands in [… .image] alt; describe the photo
check_image_kind = a picture in {$kind} format was not imported (studietur takes PNG, JPEG, GIF, WebP and SVG): save it as PNG and add it
check_empty_section = "{$title}" had no text under it: it is an entry of the day's programme
check_no_agenda = no programme was found for {$date}: the report lists its visits' titles
check_no_accounts_items = no items were found under "{$title}": it is a section of its own
check_unplaced = these words were not placed in the report and are only in these comments: {$words}
check_captions = {$count ->
    [one] 1 paragraph reads like a photo's caption, but the photo itself was not imported
   *[other] {$count} paragraphs read like a photo's caption, but the photos themselves were not imported
}: add the photos as [[day.section.image]]
check_placeholder = values the document does not give are written as "FILL IN": replace them
check_pdf_pictures = {$count ->
    [one] the PDF has 1 picture; it is not imported (its description and the text in it are listed at the end of these comments)
   *[other] the PDF has {$count} pictures; they are not imported (their descriptions and the text in them are listed at the end of these comments)
}: add the photos as [[day.section.image]]
check_image_refused = picture {$number} of the document was not imported: {$reason}; its description and caption are listed at the end of these comments
check_text_encoding = the text is not UTF-8: it was read as {$encoding}; see that æ, ø and å are right
check_shortened = {$count ->
    [one] 1 word or value was longer than a trip file allows and is shortened (…); the whole of it is listed at the end of these comments
   *[other] {$count} words or values were longer than a trip file allows and are shortened (…); the whole of each is listed at the end of these comments
}

pictures_title = Photos
unnamed_section_title = More
picture_alt = Photo {$number} of the report (no description in the document)
fill_in = FILL IN

docx_no_document = it holds no Word document (word/document.xml)
docx_damaged = its part {$part} is damaged: {$error}
docx_part_too_large = its part {$part} unpacks to more than {$max} MB
docx_too_many_parts = it has more than {$max} parts
docx_too_complex = its part {$part} has more than {$max} XML elements
docx_too_deep = its part {$part} nests its content more than {$max} levels deep
pdf_too_much_work = its pages take more than {$max} million drawing operations (drawings inside drawings)
pdf_too_many_pages = it has more than {$max} pages
pdf_no_pages = it has no page that can be read (its page tree is damaged)
pdf_too_many_objects = it has more than {$max} objects
pdf_page_damaged = its page {$page} cannot be read (its content is damaged)
pdf_page_too_large = its page {$page} draws more than {$max} MB

## Keeping work safe: the archive's lock
lock_unwritable = cannot write the archive's lock `{$path}`: {$error}
lock_lost = the archive's lock `{$path}` was removed or taken over while this run held it: nothing more is written
lock_lost_help = another studietur may be archiving now; when none is, run again (an interrupted step is finished or undone then)
lock_unknown = `{$archive}` is locked by `{$path}`, which does not say who holds it
lock_clear_help = if no studietur is archiving into this folder, remove `{$path}` and run again
lock_stale = `{$archive}` is locked by process {$pid} of this computer since {$since}, which no longer runs (it was stopped or crashed)
lock_taken_over = took over the lock of `{$archive}` that process {$pid} of this computer left on {$since} (it no longer runs: it was stopped or crashed)
lock_busy_here = another studietur (process {$pid} of this computer, since {$since}) is archiving into `{$archive}`
lock_busy_there = another studietur (on {$host}, process {$pid}, since {$since}) is archiving into `{$archive}`
lock_busy_help = wait for it to finish, then run again; if it is no longer running, remove `{$path}`

## Keeping work safe: the manifest's names
manifest_name_not_ours = `{$value}` (in `{$field}` of `{$trip}`) is not a name studietur gives that report's files: it would be `{$expected}`
manifest_edited = the entries of `{$path}` were edited by hand (they no longer hash as its `entries_sha256` records): nothing is archived on their word
manifest_edited_help = `studietur verify` shows what differs; restore manifest.json from a backup, or, if the edit is wanted, delete its "entries_sha256" line and run again

## Keeping work safe: the journal of a filing
journal_invalid = `{$path}`, the journal of an interrupted archive run, cannot be read: {$error}
journal_invalid_help = move `{$path}` out of the archive, then run `studietur verify` to see what the interrupted run left
entry_changed_meanwhile = the manifest's entry of `{$trip}` was changed by someone else during this run: nothing was filed
entry_changed_meanwhile_help = run again to file it against the manifest as it is now
journal_left = the unfinished files could not all be removed; `{$path}` records them
journal_live = process {$pid} of this computer is filing into `{$archive}` (its journal is there) though it no longer holds the lock: nothing is done here
journal_pending = an earlier step is unfinished (`{$path}` records it): nothing more is filed
journal_left_help = `studietur verify --repair` or the next `studietur archive` removes them; the archive is as before this run
finish_failed = `{$pdf}` is recorded in the manifest, but its files are not all in place: {$error}
finish_failed_help = `studietur verify --repair` or the next `studietur archive` puts them in place (the journal records how)
finish_source_gone = `{$path}` no longer holds the published PDF
finish_taken = `{$path}` exists with other bytes
finish_staged_missing = the staged `{$path}` is missing
journal_finished = an interrupted archive run was finished: `{$pdf}` is in place as its manifest records
journal_undone = an interrupted archive run was undone: `{$pdf}` is as before it
verify_interrupted_saved = INTERRUPTED {$pdf}: an archive run was cut short after saving its manifest entry; `verify --repair` or the next `archive` puts its files in place
verify_interrupted_unsaved = note {$pdf}: an archive run was cut short before saving it; the archive is as before, and `verify --repair` or the next `archive` removes the unfinished hidden files
verify_finished = repaired {$pdf}: an interrupted archive run was finished
verify_undone = repaired {$pdf}: an interrupted archive run was undone; the archive is as before it

## Keeping work safe: outputs
output_is_input = `{$path}` is an input of this run (a trip file, or a file a trip file names): it is never written over
output_is_input_help = name another output (with -o)
output_not_ours = `{$path}` exists and was not written by studietur: it is not replaced
output_not_ours_help = move it away or name another output (with -o); studietur replaces only files it wrote
photo_too_large = the image is {$size} MB; an image may be at most {$max} MB. Make it smaller and try again
photo_not_what_it_says = the file is not the image it says it is: choose an image in PNG, JPEG, WebP or GIF
photo_folder_leads_out = the images folder is a link out of the trip's folder: the image is not stored
trip_leads_out = {$name} is a link out of the folder the editor serves: it is not opened
text_too_large = the text is {$size} MB; a trip may be at most {$max} MB
draft_unwritable = the change cannot be kept in the draft, so it is not taken ({$error})
text_not_merged = the text was changed in another window at the same time, and your change cannot be merged in: the text here is the new one; make your change again
edit_stale = the field was changed in another window
state_unusable = cannot use the editor's folder {$path}: {$error}
state_not_private = the editor's folder {$path} is not your own: it is not used
state_no_home = neither XDG_STATE_HOME nor HOME is set: the editor has no place for its files
serve_port_taken = port {$port}, which the editor had last, is taken by another program: a bookmark of the old address does not work now, and the key of that address is renewed; open the new address above

## The editor's form: the fields' labels, the page's words and problems in her words

field-format = File format
field-format-help = The format the file is written in. Only format 1 exists; leave it empty.
field-trip = The trip
field-trip-committee = Committee
field-trip-committee-example = e.g. Social- og Beskæftigelsesudvalget
field-trip-municipality = Municipality
field-trip-municipality-example = e.g. Aarhus Kommune
field-trip-destination = Destination
field-trip-destination-example = e.g. Malmö
field-trip-country = Country
field-trip-start = First day
field-trip-end = Last day
field-trip-end-help = Empty: a one-day trip.
field-trip-title = Title
field-trip-title-help = Empty: studietur writes a title like “Study trip 2025”.
field-trip-subtitle = Subtitle
field-trip-published = Published
field-trip-published-help = The date on the title page. Empty: the trip's last day.
field-trip-language = Language of the text
field-trip-language-da = Danish
field-trip-language-en = English
field-trip-language-unset = Danish (default)
field-trip-logo = Logo
field-trip-logo-file = Image file
field-trip-logo-alt = Text alternative (what the logo shows)
field-trip-logo-decorative = Decoration only
field-trip-logo-decorative-unset = no (default)
field-trip-cover = Cover photo
field-trip-cover-file = Image file
field-trip-cover-caption = Caption
field-trip-cover-alt = Text alternative (what the image shows)
field-trip-cover-decorative = Decoration only
field-trip-cover-decorative-unset = no (default)
field-trip-case = Case number
field-trip-case-example = e.g. 24/12345
field-trip-contents = Contents page
field-trip-contents-unset = when the report is long (default)
field-author = Author
field-author-name = Name
field-author-name-help = May be a unit, e.g. the secretariat.
field-author-title = Job title
field-author-organisation = Department
field-author-email = Email
field-author-phone = Phone
field-introduction = Introduction
field-introduction-title = Heading
field-introduction-heading = With a heading
field-introduction-heading-unset = yes (default)
field-introduction-text = Text
field-introduction-text-help = A blank line between paragraphs. *italic*, **bold**, - bullet, 1. number, > quote, ## sub-heading.
field-participant = Participants
field-participant-one = participant
field-participant-name = Name
field-participant-role = Role
field-participant-role-example = e.g. chair
field-participant-party = Party
field-participant-party-example = e.g. S
field-participant-party-help = The party's letter(s) without brackets: printed after the name, “Orla Hav (S)”.
field-participant-group = Group
field-participant-group-help = Choose a group already used, or write a new one.
field-day = Days
field-day-one = day
field-day-date = Date
field-day-title = Heading
field-day-title-help = Empty: the weekday and date, e.g. Monday 17 April 2023.
field-day-place = Place
field-day-place-example = e.g. Stockholm
field-day-place-help = Where the day is spent, for a trip to more than one place: printed under the day's title.
field-day-text = The day's text
field-day-text-help = An account of the day that is not one visit: printed after its programme and before its first visit, without a heading. A blank line between paragraphs. *italic*, **bold**, - bullet, 1. number, > quote, ## sub-heading.
field-day-agenda = Programme
field-day-agenda-one = entry
field-day-agenda-help = Empty: the titles of the visits.
field-day-agenda-time = Time
field-day-agenda-time-example = e.g. 10.30–12.00
field-day-agenda-text = Entry
field-day-agenda-text-example = e.g. Visit to the town hall
field-day-agenda-points = Sub-points (one a line)
field-day-section = Visits
field-day-section-one = visit
field-day-section-title = Title
field-day-section-title-example = e.g. Visit to Malmö Stadshus
field-day-section-text = Text
field-day-section-text-help = A blank line between paragraphs. *italic*, **bold**, - bullet, 1. number, > quote, ## sub-heading.
field-day-section-image = Images
field-day-section-image-one = image
field-day-section-image-file = Image file
field-day-section-image-caption = Caption
field-day-section-image-alt = Text alternative (what the image shows)
field-day-section-image-decorative = Decoration only
field-day-section-image-decorative-unset = no (default)
field-section = Sections
field-section-one = section
field-section-title = Title
field-section-text = Text
field-section-text-help = A blank line between paragraphs. *italic*, **bold**, - bullet, 1. number, > quote, ## sub-heading.
field-section-image = Images
field-section-image-one = image
field-section-image-file = Image file
field-section-image-caption = Caption
field-section-image-alt = Text alternative (what the image shows)
field-section-image-decorative = Decoration only
field-section-image-decorative-unset = no (default)
field-accounts = Accounts
field-accounts-title = Heading
field-accounts-vat = VAT
field-accounts-vat-excluded = amounts without VAT
field-accounts-vat-included = amounts with VAT
field-accounts-vat-unstated = not stated
field-accounts-vat-unset = amounts without VAT (default)
field-accounts-participants = Number of participants
field-accounts-participants-help = Empty: the list of participants is counted.
field-accounts-total = Total (a check)
field-accounts-total-help = Must equal the items added up.
field-accounts-published_total = Published total
field-accounts-published_total-example = e.g. 81.252
field-accounts-published_total-help = The sum exactly as the approved report printed it, when the items add up to another: the sum row shows it, a note says what the items add up to, and the price per participant is computed from it. Not together with Total (a check).
field-accounts-price = Price per participant
field-accounts-price-unset = shown when the number is known (default)
field-accounts-price-help = Choose no when the report gave no price per participant; the number of participants is still shown.
field-accounts-text = Text above the table
field-accounts-text-help = A blank line between paragraphs. *italic*, **bold**, - bullet, 1. number, > quote, ## sub-heading.
field-accounts-item = Items
field-accounts-item-one = item
field-accounts-item-label = Text
field-accounts-item-label-example = e.g. Flights
field-accounts-item-amount = Amount
field-accounts-item-amount-example = e.g. 12.500
field-accounts-item-amount-help = In kroner, the Danish way: 12.500, 1.150,50 or 12.500 kr.
field-accounts-item-budget = Budget
field-accounts-item-budget-example = e.g. 12.000
field-accounts-item-note = Note

ui-other-language = Dansk
ui-trips = Study trips
ui-fine = fine
ui-errors-one = {$n} error
ui-errors-other = {$n} errors
ui-warnings-one = {$n} warning
ui-warnings-other = {$n} warnings
ui-title = Title
ui-dates = Dates
ui-committee = Committee
ui-file = File
ui-status = Status
ui-new-trip = New study trip
ui-file-name = File name (e.g. 2025-berlin)
ui-create = Create
ui-editing = Editing {$name}
ui-form = Form
ui-toml = TOML
ui-views = Form or TOML
ui-save = Save
ui-saved = Saved
ui-unsaved = Not saved
ui-saved-with-errors-one = Saved – the file has {$n} error, which the report cannot be made with
ui-saved-with-errors-other = Saved – the file has {$n} errors, which the report cannot be made with
ui-undo = Undo
ui-reload = Load the file from disk
ui-pdf = Download PDF
ui-pdf-failed = The PDF cannot be made until the errors are mended.
ui-preview = Preview
ui-no-preview = No preview yet
ui-stale = The preview shows the latest version without errors. Mend the errors to see your changes.
ui-page = Page {$n} of {$of}
ui-page-png = Page {$n} as an image
ui-ms = updated in {$ms} ms
ui-outline = Contents
ui-file-group = About the file
ui-add = Add {$what}
ui-remove = Remove {$what}
ui-up = Move {$what} up
ui-down = Move {$what} down
ui-removed = {$what} is removed.
ui-undo-remove = Undo
ui-not-undone = It can no longer be undone: the same part has changed since.
ui-upload = Upload an image
ui-not-image = Choose an image in PNG, JPEG, WebP or GIF.
ui-too-large = The image is {$size} MB; an image may be at most {$max} MB. Make it smaller and try again.
ui-alt-now = The image is uploaded. Now write its text alternative.
ui-errors-in-file-one = {$n} error to mend
ui-errors-in-file-other = {$n} errors to mend
ui-go-to = Go to the field
ui-see-toml = See the TOML tab
ui-syntax = The file cannot be read as TOML: mend it in the TOML tab.
ui-fix-first = Mend the marked fields first: what they hold has not been taken.
ui-merged = Saved – the file had changed on disk, and the changes are merged.
ui-conflict = {$field} was changed in another window to “{$theirs}”. Your text was “{$yours}”.
ui-use-mine = Use my text
ui-keep-theirs = Keep the new one
ui-recovered = You have changes from {$time} that were not saved.
ui-restore = Restore them
ui-discard = Discard them
ui-offline = The connection to studietur is lost. Your changes are kept in a draft; the page tries again by itself.
ui-unreachable = studietur does not answer.
ui-locked-title = Open the editor from the terminal
ui-locked = This browser does not have the editor's key yet. Open the address studietur serve printed in the terminal (the one with #key=) once; after that the bookmark works.
ui-text-too-large = The text is {$size} MB; a trip may be at most {$max} MB.
ui-yes = yes
ui-no = no
ui-contents-of = Contents of {$what}
ui-no-trips = There are no trips in this folder yet. Start the first one below.

form-number_too_large = the number {$written} is too large
form-date_as_written = {$label}: {$value} is not a date; choose the date in the calendar
form-missing_table_in_file = fill in {$label}
form-missing_table_in = fill in {$label}
form-missing_key_in_file = fill in {$label}
form-missing_key_in = {$label} is missing: fill in the field
form-unknown_table_or_key = the file holds something studietur does not know ({$key}); mend or remove it in the TOML tab
form-unknown_key_in = the file holds something studietur does not know ({$key}); mend or remove it in the TOML tab
form-key_belongs_in = something ({$key}) is in the wrong place in the file; move it in the TOML tab
form-table_takes_keys = the file holds something studietur does not know ({$key}); mend or remove it in the TOML tab
form-list_entry_not_text = {$label}: each entry must be text
form-agenda_entry_wrong = {$label}: each entry must be a text
form-kind_text = text
form-kind_whole_number = a whole number
form-kind_decimal = a decimal number
form-kind_bool = yes or no
form-kind_date = a date
form-kind_list = a list
form-kind_table = a table
form-kind_amount = an amount
form-kind_true_or_false = yes or no
form-kind_text_list = a list of texts
form-kind_table_list = a list of tables
form-wrong_type = {$label} must be {$expected}
form-wrong_type_in = {$label} must be {$expected}
form-empty_value = {$label} is empty: write something, or leave the field out if it is not needed
form-empty_value-required = {$label} is empty: fill in the field
form-long_paragraph = {$label}: a paragraph is {$chars} characters long; at most {$max}. Split it with a blank line
form-too_many_entries = {$label}: there are {$count}; a report may have at most {$max}
form-long_word = {$label} has a word of {$chars} characters without a space; at most {$max}
form-heavy_letter = {$label} has a letter with too many marks on it ({$chars}; at most {$max})
form-control_char = {$label} holds an invisible control character (U+{$code}); delete it and type the text again
form-unprintable = {$label} has characters the report's font cannot print: {$chars}
form-date_with_time = {$label} must be a date without a time
form-amount_wrong_type = {$label} must be an amount, like 12.500 or 1.150,50
form-amount_negative = {$label} cannot be negative: write what was spent, 0 or more
form-amount_problem = {$label}: {$problem}
form-amount_negative_reason = an amount cannot be negative
form-amount_too_many_decimals = {$written} has more than two decimals
form-amount_not_a_number = {$written} is not an amount; write e.g. 12.500 or 1.150,50
form-amount_too_large = the amount is too large
form-md_link_reference = {$label}: a line like this one is not printed; write the link where it is used
form-md_bad_link = {$label}: the link {$url} is not a web or mail address
form-md_empty_heading = a sub-heading has no words
form-md_third_level = {$label}: a text has at most two levels of sub-headings
form-md_too_nested = lists and quotes are nested more than {$max} deep here
form-md_long_link = the link target is {$bytes} characters long; at most {$max}
form-unknown_format = the file's format ({$literal}) is unknown; this version reads format 1
form-unknown_language = choose the language of the text: Danish or English
form-end_before_start = the last day ({$end}) is before the first day ({$start})
form-intro_title_hidden = the title is not shown, because the introduction has no heading
form-day_before_trip = the date {$date} is before the trip's first day, {$first}: mend the date, or the trip's first day
form-day_after_trip = the date {$date} is after the trip's last day, {$last}: mend the date, or the trip's last day
form-day_twice = there are two days dated {$date}; join them into one
form-day_out_of_order = the day {$date} comes after {$previous}; move it up
form-agenda_misses_section = the programme does not name the visit {$title}
form-day_empty = the day {$date} has neither programme nor visits nor text of its own
form-unknown_vat = choose whether the amounts include VAT
form-participants_not_positive = the number of participants must be at least 1
form-participants_mismatch = the number of participants is {$value}, but the list has {$listed} names; mend the number, or empty the field to count the list
form-accounts_no_items = the accounts have no items: add at least one item with a text and an amount
form-items_without_budget = {$missing} of {$items} items have no budget ({$names}); give every item a budget or none
form-sum_overflow = the sum of the items is too large to compute
form-budget_sum_overflow = the sum of the budgets is too large to compute
form-total_differs = {$label} is {$total}, but the items add up to {$sum}; mend the item that is wrong, or {$label}
form-party_in_brackets = {$label}: write the letters without brackets, e.g. S; the report adds the brackets after the name
form-total_and_published_total = fill in either Total (a check) or Published total, not both
form-published_total_differs = {$label} is {$published}, but the items add up to {$sum}; the report prints {$published} and a note with {$sum} (fine when the approved report printed {$published})
form-price_without_count = the price per participant cannot be shown: fill in the number of participants, or list who went under Participants
form-alt_empty = {$label} is empty: say what the image shows
form-no_alt = the image has no text alternative: say what it shows, or mark it as decoration
form-file_empty = choose an image
form-leads_out = the image {$path} is outside the trip's folder; upload it again with the button
form-link_leads_out = the image {$path} is a link out of the trip's folder; upload the image itself with the button
form-cannot_open_picture = the image {$path} cannot be opened: {$error}
form-not_a_file = {$path} is not an image file
form-cannot_read_picture = the image {$path} cannot be read: {$error}
form-not_an_image = {$path} cannot be shown in the report: {$reason}
form-no_such_file = no such file
form-permission_denied = permission denied
form-no_pixels = it has no pixels
form-too_many_pixels = it is {$width} × {$height} pixels ({$megapixels} megapixels); the report takes images of up to {$max} megapixels
form-unknown_content = its content is not PNG, JPEG, GIF, WebP or SVG
form-format_unsupported = {$format} images cannot be used
form-image_unreadable = it cannot be read ({$error})
form-image_error = the image cannot be read ({$error})
form-too_large_to_decode = it is too large to decode within {$max} MB; save it as a JPEG, or smaller
form-image_undecodable = it cannot be decoded ({$error})
form-cannot_reencode = it cannot be re-encoded ({$error})
form-jpeg_unreadable = the JPEG cannot be read ({$error})
form-jpeg_undecodable = the JPEG cannot be decoded ({$error})
form-jpeg_markers_damaged = the JPEG is damaged (its markers cannot be read)
form-jpeg_truncated = the JPEG is cut short (truncated): its end is missing
form-jpeg_damaged = the JPEG is damaged and cannot be decoded
form-jpeg_no_frame = the JPEG has no frame
form-jpeg_pixels_mismatch = the JPEG's pixels do not match its size
form-progressive_too_large = it is a progressive JPEG of {$megapixels} megapixels; a progressive JPEG may have at most {$max} (it is decoded whole)
form-svg_no_size = the SVG has no size
form-svg_too_large = the SVG says it is {$width} × {$height} pixels; at most {$max} each way
form-svg_not_utf8 = the SVG is not UTF-8 text
form-svg_too_many_elements = the SVG has more than {$max} elements, too many to draw
form-svg_unreadable = the SVG cannot be read ({$error})
form-svg_elements = the SVG has {$count} elements; at most {$max} can be drawn
form-svg_script = the SVG holds a script
form-svg_foreign_object = the SVG holds HTML inside the image
form-svg_refers_to_file = the SVG refers to another file or address ({$value})
form-svg_refers_to_url = the SVG refers to an address ({$value})
form-svg_script_attribute = the SVG holds a script ({$name})
form-svg_style_refers = the SVG's style refers to another file or URL
form-svg_unprintable = the SVG's text has characters the fonts cannot print: {$chars}
form-svg_effects = the SVG has {$count} effects (filter steps and masks); at most {$max}
form-svg_too_big = the SVG file is {$size} MB; an SVG may be at most {$max} MB
form-svg_step_too_costly = the SVG uses the effect {$step}, which can take minutes to draw
form-svg_much_text = the SVG holds {$count} characters of text; at most {$max}
form-svg_effects_too_large = the SVG is {$width} × {$height} pixels and has effects (filters or masks); with effects it may be at most {$max} × {$max}
form-other = {$label}: {$message}

## The editor's import: a report taken on the start page, in her words

import_editor_exists = {$name} is already in the folder, so the report is not imported again. Open it from the list, or move that file away first.
import_editor_photo_exists = Another photo named {$path} is already in the folder, so nothing is imported. Move it away first.
import_editor_leads_out = The images folder is a link out of the folder the editor shows, so nothing is imported.
import_editor_unwritable = The trip cannot be written into the folder ({$error}), so nothing is imported.
import_editor_too_large = The document is {$size} MB; a document may be at most {$max} MB.
import_editor_kind = Choose a Word document (.docx), a PDF or a text file (.txt).
import_editor_incomplete = The document did not arrive whole. Try again.
form-import_kind = the file {$path} is not a Word document, a PDF or a text file
form-import_kind_help = choose a .docx, .pdf or .txt file (save a .doc as .docx in Word first)
form-import_unreadable = the file {$path} cannot be read: {$error}
form-import_no_text = the file {$path} has no text, only pictures of its pages (a scan)
form-import_empty = the file {$path} has no text
form-import_encrypted = the file {$path} is protected by a password
form-import_too_large = the file {$path} is larger than {$max} MB
form-import_too_much_text = the file {$path} holds {$size} MB of text, more than a trip may hold ({$max} MB)
form-import_too_complex = the file {$path} is too complex to read: {$reason}
form-import_not_text = the file {$path} is not text: it holds characters that no text file has
form-import_not_text_help = choose the PDF or the Word document itself
form-import_not_accepted = the trip made from {$path} does not pass the check: {$problems}
form-import_not_accepted_help = nothing is imported; please report this with the document, it is a fault of studietur
form-found_published_total = the sum as printed, {$sum}, as the published total
form-found_no_price = no price per participant was printed, so none is shown
form-found_days = {$count ->
    [one] 1 day
   *[other] {$count} days
}, {$first} to {$last}
form-found_day = {$date}: {$visits ->
    [one] 1 visit
   *[other] {$visits} visits
}, programme of {$entries ->
    [one] 1 entry
   *[other] {$entries} entries
}
form-found_place = {$date}: the place "{$place}"
form-found_day_text = {$date}: the day's own text (before its first visit)
form-check_year = "{$heading}" has no year: read as {$date}
form-check_no_agenda = no programme was found for {$date}: the report lists its visits' titles
form-check_no_committee = no committee was found: fill in Committee
form-check_no_municipality = no municipality was found: fill in Municipality
form-check_no_destination = no destination was found: fill in Destination
form-check_no_days = no day headings with dates were found: the first day is {$date}; fill in the trip's real dates
form-check_total = the document's sum {$printed} is not the items' sum {$sum}: it is kept as the published total, so the report prints it as published and notes what the items add up to; if an item was misprinted, correct the item, empty Published total and fill in Total (a check) instead
form-check_count_and_list = the text says {$count} participants but lists {$listed}: the count is a comment at the accounts in the TOML tab
form-check_alt = the photo {$file} has no text alternative in the document: its caption or a placeholder stands in for it; say what the photo shows
form-check_unplaced = these words were not placed in the report and are only in the comments at the top of the file (the TOML tab): {$words}
form-check_captions = {$count ->
    [one] 1 paragraph reads like a photo's caption, but the photo itself was not imported
   *[other] {$count} paragraphs read like photos' captions, but the photos themselves were not imported
}: add the photos to their visits with the button Upload an image
form-check_pdf_pictures = {$count ->
    [one] the PDF has 1 picture; it is not imported (its description and the text in it are in the comments at the top of the file, the TOML tab)
   *[other] the PDF has {$count} pictures; they are not imported (their descriptions and the text in them are in the comments at the top of the file, the TOML tab)
}: add the photos to their visits with the button Upload an image
form-check_image_refused = picture {$number} of the document was not imported: {$reason}; its description and caption are in the comments at the top of the file (the TOML tab)
form-check_shortened = {$count ->
    [one] 1 word or value was longer than a trip allows and is shortened (…); the whole of it is in the comments at the top of the file (the TOML tab)
   *[other] {$count} words or values were longer than a trip allows and are shortened (…); the whole of each is in the comments at the top of the file (the TOML tab)
}
ui-import = Import a report
ui-import-help = A Word document (.docx), a PDF or its text (.txt) of an earlier report becomes a trip in this folder, ready to edit. No file is overwritten.
ui-import-file = The report's file
ui-import-choose = Choose the report's file first.
ui-importing = Importing {$name} …
ui-import-too-large = The document is {$size} MB; a document may be at most {$max} MB.
ui-imported = {$file} is imported as {$name}. Read it through and look at:
ui-imported-nothing = {$file} is imported as {$name}. Nothing in particular to look at: read it through.
ui-import-found = What was recognised
ui-close = Close

## Keeping work safe: links and foreign paths in the archive (recheck of issue 22)
link_in_archive = `{$path}` in the archive is a symbolic link: studietur reads, writes and removes the archive's files only through real folders and files, never through a link (it could lead out of the archive)
link_in_archive_help = put the folder or file itself where the link is (or remove the link), then run again
not_a_file_in_archive = `{$path}` in the archive is not a regular file
journal_foreign = the journal `{$path}` names `{$value}`, which is not a file of the report it files: nothing is done on its word
journal_foreign_help = the journal was edited or written by something else than studietur; move `{$path}` out of the archive, then run `studietur verify`
web_repairable = its sources still give the recorded web page: `verify --repair` writes its missing or damaged files anew
editor_too_many_changes = {$count} changes at once: the editor takes at most {$limit}; nothing was changed
