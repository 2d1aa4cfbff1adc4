# studietur's beskeder på dansk: fejl, advarsler og kommandolinjens egne
# linjer. Hver besked har en tvilling i en.ftl med de samme argumenter.
# Nøgler, tabeller, stier og TOML skrives som i turfilen.
# En klamme skrives {"{"} og {"}"}.

## En turfil: at læse den

give_trip_path = angiv stien til en turfil (.toml) eller til en mappe med turfiler
cannot_open_folder_of = kan ikke åbne mappen med `{$name}`: {$error}
file_too_large = turfilen fylder {$size} MB; en turfil må højst fylde {$max} MB
file_too_large_help = en rapports tekst fylder langt mindre: tjek, at det er turfilen, og flyt lange bilag over i deres egne filer

## Syntaks

not_utf8 = filen er ikke UTF-8: byte 0x{$byte} i linje {$line}, kolonne {$column} er ikke gyldig UTF-8
not_utf8_help = gem filen som UTF-8 (i de fleste editorer: Gem som… → Kodning: UTF-8)
old_mac_lines = filens linjer slutter kun med CR (gamle Mac-linjeskift)
old_mac_lines_help = gem den med almindelige linjeskift (i de fleste editorer: Linjeskift → LF eller CRLF)
unclosed_text = teksten, der begynder her, mangler en afsluttende {$delim}
unclosed_text_help = afslut teksten med {$delim} (på en linje for sig eller lige efter det sidste ord)
syntax_broken = TOML-syntaksen er forkert her: {$detail}
syntax_help_duplicate = en nøgle må kun stå én gang i en tabel; en tabel, der gentages (en dag, et afsnit, en post), skrives [[…]]
syntax_help_string = tekst står i dobbelte anførselstegn, "sådan her"; en tekst over flere linjer står i tredobbelte anførselstegn """…"""
syntax_help_date = skriv datoer som 2023-04-17 (år-måned-dag, uden anførselstegn)
syntax_help_table = en tabeloverskrift er [navn] eller [[navn]] på en linje for sig
syntax_help_line = hver linje er `nøgle = værdi`: tekst i "anførselstegn", tal og datoer (2023-04-17) uden anførselstegn
syntax_help_detail = {$detail}; {$help}
value_unreadable = værdien kan ikke læses: {$detail}
number_too_large = tallet `{$written}` er for stort: et heltal i filen må højst være 9223372036854775807
number_too_large_help = skriv tallet, som rapporten skal bruge det; se efter cifre skrevet to gange
did_you_mean = mente du `{$key}`?
table_takes = tabellen kan have {$keys}
remove_or_check_spelling = fjern nøglen, eller tjek stavningen i trip-format.md
add_missing_field = tilføj `{$key} = …` i tabellen
date_without_quotes_help = skriv datoen uden anførselstegn, fx 2023-04-17
amount_like_help = skriv et beløb som 31300, eller kroner med øre efter et punktum ("1150.50")
see_trip_format = se i trip-format.md, hvad nøglen kan indeholde
date_as_written = `{$value}` er ikke en dato i turfilens format
date_as_written_help = skriv `{$key} = {$date}` (år-måned-dag, uden anførselstegn)

## Nøglerne i format 1

missing_table_in_file = filen har ingen {$table}-tabel
missing_table_in = {$parent} har ingen {$table}-tabel
missing_key_in_file = filen mangler `{$key}`
missing_key_in = {$parent} mangler `{$key}`
add_trip_table = tilføj en [trip]-tabel med committee, municipality, destination, start og end
add_table = tilføj en {$table}-tabel
add_date_key = tilføj `{$key} = 2023-04-17` (en dato, uden anførselstegn)
add_amount_key = tilføj `{$key} = 1000` (kroner)
add_integer_key = tilføj `{$key} = 10`
add_text_key = tilføj `{$key} = "…"`
unknown_table_or_key = ukendt tabel eller nøgle `{$key}`
unknown_key_in = ukendt nøgle `{$key}` i {$table}
key_belongs_in = `{$key}` hører til i {$table}, ikke i {$here}
table_takes_keys = {$table} kan have {$keys}; fjern `{$key}`, eller tjek stavningen
image_keys_help = `file`, `alt` og `caption` hører til et billede: tilføj en linje `[[{$table}.image]]` over dem (én pr. billede)
image_in_day_help = et billede hører til et besøg: tilføj `[[day.section]]` (med `title` og `text`) og så `[[day.section.image]]` over billedets nøgler
image_in_trip_help = et forsidebillede er `cover = {"{"} file = "…", alt = "…" {"}"}` og et logo `logo = {"{"} file = "…", alt = "…" {"}"}`; billeder fra et besøg hører til i `[[day.section.image]]`
list_entry_not_text = hvert punkt i `{$key}` skal være tekst, men `{$was}` er {$actual}
list_entry_help = skriv hvert punkt i anførselstegn: ["…", "…"]
agenda_entry_wrong = hvert punkt i `agenda` skal være tekst eller en tabel, men `{$was}` er {$actual}
agenda_entry_help = skriv hvert punkt i anførselstegn ("…") eller som en tabel: {"{"} time = "10.30", text = "…", points = ["…"] {"}"}
kind_text = tekst
kind_whole_number = et heltal
kind_decimal = et decimaltal
kind_bool = true/false
kind_date = en dato
kind_list = en liste
kind_table = en tabel
kind_amount = et beløb
kind_true_or_false = true eller false
kind_text_list = en liste af tekster
kind_table_list = en liste af tabeller
wrong_type = `{$key}` skal være {$expected}, men `{$was}` er {$actual}
wrong_type_in = `{$key}` i {$table} skal være {$expected}, men `{$was}` er {$actual}
quote_text_help = skriv den i anførselstegn: {$key} = "{$value}"
unquote_date_help = skriv datoen uden anførselstegn: {$key} = {$value}
date_like_help = skriv en dato uden anførselstegn, fx {$key} = 2023-04-17
whole_or_ore_help = skriv et heltal (31300) eller kroner med øre efter et punktum ("1150.50")
unquote_number_help = skriv tallet uden anførselstegn: {$key} = {$value}
whole_number_help = skriv et heltal, fx {$key} = 10
bool_help = skriv {$key} = true eller {$key} = false
text_list_help = skriv {$key} = ["…", "…"]
agenda_list_help = skriv {$key} = ["…", {"{"} time = "10.30", text = "…" {"}"}]
table_help = skriv den som en tabel: {$key} = {"{"} … {"}"}, eller [{$table}] på en linje for sig med nøglerne nedenunder
table_list_help = skriv hver af dem som {$table} på en linje for sig med nøglerne nedenunder

## Værdier

empty_value = `{$key}` er tom
empty_value_help = skriv en værdi i `{$key}`, eller udelad nøglen, hvis den er valgfri
long_paragraph = et afsnit i `{$key}` er {$chars} tegn langt; et afsnit må højst være {$max} tegn
long_paragraph_help = del det op i afsnit med en tom linje imellem
too_many_entries = filen har {$count} {$table}-tabeller; en rapport må højst have {$max}
too_many_entries_help = en rapport viser det, læseren har brug for; læg lange lister (alle bilag, alle navne) i et bilag for sig
long_word = `{$key}` har et ord på {$chars} tegn uden mellemrum; et ord må højst være {$max} tegn
long_word_help = sæt mellemrum mellem ordene (tekst kopieret fra en PDF eller et regneark kan miste dem)
heavy_letter = `{$key}` har et bogstav af {$chars} tegn (et bogstav og tegnene over og under det); højst {$max}
heavy_letter_help = skriv bogstavet med højst et par accenter; tekst kopieret fra en hjemmeside kan have stakke af usynlige tegn
control_char = `{$key}` indeholder kontroltegnet U+{$code}, som ikke kan skrives ud
control_char_help = fjern det; det kommer tit med tekst, der er kopieret fra et andet program
unprintable = `{$key}` har tegn, som rapportens skrifttype ikke kan skrive: {$chars}
unprintable_help = erstat dem, eller beskriv dem med ord; skrifttypen ({$font}) dækker latinsk, græsk og kyrillisk skrift
empty_text_help = skriv teksten; afsnit adskilles af en tom linje
date_with_time = `{$key}` skal være en dato uden klokkeslæt, men den er `{$value}`
date_help = skriv en dato som 2023-04-17
amount_wrong_type = `{$key}` skal være et beløb, men den er { $kind ->
    [table] en tabel
    [array] en liste
    [boolean] true/false
    [datetime] en dato
   *[other] {$kind}
}
amount_negative = `{$key}` er negativ: {$literal}
amount_problem = `{$key}`: {$problem}
amount_negative_reason = et beløb kan ikke være negativt
amount_too_many_decimals = `{$written}` har mere end to decimaler
amount_not_a_number = `{$written}` er ikke et beløb
amount_too_large = beløbet er for stort
amount_negative_help = skriv, hvad der blev brugt, som 0 eller mere
amount_thousands_help = skriv {$digits} eller "{$digits}.00" — punktum adskiller øre, ikke tusinder
amount_rounded_help = et beløb har højst to decimaler (øre), og dette punktum kan ikke adskille tusinder; skriv "{$rounded}" for kroner og øre
amount_decimals_help = et beløb har højst to decimaler (øre); tjek tallet
amount_not_a_number_help = skriv et heltal (31300 eller 31_300) eller kroner med øre efter et punktum ("1150.50")
amount_too_large_help = skriv et beløb under 90 000 000 000 000 000 kr.

## Markdown

md_link_reference = `[{$label}]: …` definerer en linkreference, som ikke ville blive skrevet ud
md_link_reference_help = skriv linket, hvor det bruges, som [tekst](https://…)
md_bad_link = linkmålet `{$url}` er ikke en web- eller mailadresse
md_bad_link_help = links går til https://…, http://… eller mailto:…; skal klammerne stå som tekst, så udelad (…) efter dem
md_empty_heading = en underoverskrift har ingen ord
md_empty_heading_help = skriv overskriften efter #-tegnene (`## Det politiske system`), eller fjern linjen
md_third_level = `{$hashes}` er et tredje niveau af underoverskrifter; en tekst har højst to under sit afsnit
md_third_level_help = skriv den med lige så mange # som overskriften over den ({$hashes}), eller som et almindeligt afsnit
md_too_nested = lister og citater står mere end {$max} niveauer inden i hinanden her
md_too_nested_help = skriv det med højst {$max} niveauer af lister og citater inden i hinanden
md_long_link = linkmålet er {$bytes} tegn langt; højst {$max}
md_long_link_help = link til en kortere adresse (sidens egen, uden sporingsparametre)

## Reglerne for hele turen

unknown_format = ukendt `format` {$literal}: denne version af studietur læser format 1
unknown_format_help = skriv `format = 1`, eller udelad nøglen
unknown_language = ukendt `language` "{$value}"
unknown_language_help = skriv "da" (dansk, standard) eller "en" (engelsk)
end_before_start = `end` ({$end}) ligger før `start` ({$start})
end_before_start_help = `end` er turens sidste dag; den kan ikke ligge før første dag
intro_title_hidden = indledningens `title` vises ikke: den har `heading = false`
intro_title_hidden_help = fjern `title`, eller fjern `heading = false` for at vise den som overskrift
day_before_trip = dagen {$date} ligger før turens første dag ({$first})
day_after_trip = dagen {$date} ligger efter turens sidste dag ({$last})
day_outside_help = en dags dato skal ligge mellem `start` og `end` ({$start} til {$end})
day_twice = dagen {$date} står der to gange
day_twice_help = saml alle en dags afsnit under én [[day]]
day_out_of_order = dagen {$date} står efter {$previous} i filen
day_out_of_order_help = skriv [[day]]-tabellerne i datoorden
agenda_misses_section = dagsordenen nævner ikke afsnittet "{$title}"
agenda_misses_section_help = tilføj afsnittets titel i `agenda`, eller udelad `agenda` for at vise afsnittenes titler
day_empty = dagen {$date} har hverken dagsorden, afsnit eller tekst
day_empty_help = tilføj `agenda = ["…"]`, en `text` eller en [[day.section]], eller fjern dagen
unknown_vat = ukendt `vat` "{$value}"
unknown_vat_help = skriv "excluded" (beløb uden moms, standard), "included" eller "unstated", når rapporten ikke siger det
participants_not_positive = `participants` skal være mere end 0, men den er {$value}
participants_not_positive_help = skriv, hvor mange der deltog i turen
participants_mismatch = `participants` er {$value}, men der står {$listed} [[participant]]
participants_mismatch_help = skriv `participants = {$listed}`, eller udelad den, så listen tælles
accounts_no_items = [accounts] har ingen poster
accounts_no_items_help = tilføj mindst én [[accounts.item]] med `label` og `amount`
items_without_budget = {$missing} af {$items} poster har intet `budget`: {$names}; summen i budgetkolonnen bliver "–"
items_without_budget_help = tilføj `budget = …` til alle poster, eller udelad `budget` i dem alle
sum_overflow = posternes sum er for stor til at regne ud
sum_overflow_help = tjek beløbene for tastefejl
budget_sum_overflow = budgetternes sum er for stor til at regne ud
budget_sum_overflow_help = tjek budgetterne for tastefejl
total_differs = `total` er {$total}, men posterne giver tilsammen {$sum}
total_more_help = posterne giver tilsammen {$sum}, {$diff} mere end `total`; ret den post, der er forkert, eller `total`
total_less_help = posterne giver tilsammen {$sum}, {$diff} mindre end `total`; ret den post, der er forkert, eller `total`

## Partibogstaver, offentliggjorte summer og prisen (tilføjet 2026-12-04)

party_in_brackets = `party` er skrevet med parentes: "{$value}"
party_in_brackets_help = skriv kun bogstaverne, `party = "{$letters}"`: rapporten sætter parentesen efter navnet ("Orla Hav ({$letters})")
total_and_published_total = `total` og `published_total` kan ikke begge angives
total_and_published_total_help = behold `total` for at tjekke, at posterne giver netop den sum, eller `published_total` for at vise summen, som den godkendte rapport trykte den; fjern den anden
published_total_differs = `published_total` er {$published}, men posterne giver tilsammen {$sum}
published_total_differs_help = sumrækken viser {$published} som offentliggjort, og en note under tabellen siger, at posterne giver tilsammen {$sum}; trykte den godkendte rapport ikke {$published}, så ret `published_total` eller den post, der er forkert
price_without_count = `price = true`, men antallet af deltagere kendes ikke, så der er ingen pris per deltager at vise
price_without_count_help = tilføj `participants = …` i [accounts], eller skriv hvem der deltog med [[participant]]

## Billeder: deres nøgler

alt_empty = `alt` er tom
alt_empty_help = beskriv, hvad billedet viser, for læsere, der ikke kan se det
no_alt = { $picture ->
    [logo] logoet
    [cover] forsidebilledet
   *[other] billedet
} har ingen `alt`-tekst
no_alt_help = tilføj `alt = "…"`, der beskriver, hvad billedet viser (det, en skærmlæser læser op), eller `decorative = true`, hvis det ikke bærer information
file_empty = `file` er tom
file_empty_help = skriv stien til billedet i forhold til turfilen, fx "images/photo.jpg"

## Billeder: at læse filen

leads_out = `{$path}` fører uden for turfilens mappe
leads_out_help = kopiér billedet ind i turfilens mappe (fx images/), og skriv stien i forhold til den
link_leads_out = `{$path}` er et link, der fører uden for turfilens mappe
link_leads_out_help = kopiér selve billedet ind i turfilens mappe i stedet for at linke til det
cannot_open_picture = kan ikke åbne `{$path}`: {$error}
check_path_help = tjek stien; den regnes fra mappen med turfilen
not_a_file = `{$path}` er ikke en almindelig fil
not_a_file_help = angiv stien til en billedfil (PNG, JPEG, GIF, WebP eller SVG)
check_permissions_help = tjek filens rettigheder
cannot_read_picture = kan ikke læse `{$path}`: {$error}
not_an_image = `{$path}` er ikke et billede, rapporten kan vise: {$reason}
no_such_file = filen findes ikke
permission_denied = adgang nægtet

## Billeder: indholdet

damaged_help = brug en PNG-, JPEG-, GIF-, WebP- eller SVG-fil; en beskadiget fil skal gemmes igen fra kilden
no_pixels = det har ingen pixels
too_many_pixels = det er {$width} × {$height} pixels ({$megapixels} megapixels); rapporten tager billeder på op til {$max} megapixels
scale_down_help = gør det mindre først: et trykt foto kræver omkring 2000 × 1500 pixels
unknown_content = indholdet er ikke PNG, JPEG, GIF, WebP eller SVG
format_unsupported = {$format}-billeder understøttes ikke
image_unreadable = det kan ikke læses ({$error})
image_error = billedet kan ikke læses ({$error})
too_large_to_decode = det er for stort til at blive afkodet inden for {$max} MB; gem det som JPEG eller mindre
image_undecodable = det kan ikke afkodes ({$error})
cannot_reencode = det kan ikke kodes igen ({$error})
jpeg_unreadable = JPEG-filen kan ikke læses ({$error})
jpeg_undecodable = JPEG-filen kan ikke afkodes ({$error})
jpeg_markers_damaged = JPEG-filen er beskadiget (dens markører kan ikke læses)
jpeg_truncated = JPEG-filen er afkortet: dens slutning mangler
jpeg_damaged = JPEG-filen er beskadiget og kan ikke afkodes
jpeg_no_frame = JPEG-filen har intet billede
jpeg_pixels_mismatch = JPEG-filens pixels passer ikke til dens størrelse
progressive_too_large = det er en progressiv JPEG på {$megapixels} megapixel; en progressiv JPEG må højst have {$max} (den afkodes i sin helhed)
progressive_too_large_help = gem den som en almindelig (baseline) JPEG, som kameraer og telefoner gør, eller mindre
svg_only_draws_help = en SVG i en rapport må kun tegne, og enkelt: gem den uden links til andre filer, scripts, HTML og tunge effekter, eller som PNG
svg_no_size = SVG-filen har ingen størrelse
svg_too_large = SVG-filen siger, den er {$width} × {$height} pixels; højst {$max} hver vej
svg_not_utf8 = SVG-filen er ikke UTF-8-tekst
svg_too_many_elements = SVG-filen har mere end {$max} elementer, for mange til at tegne
svg_unreadable = SVG-filen kan ikke læses ({$error})
svg_elements = SVG-filen har {$count} elementer; højst {$max} kan tegnes
svg_script = SVG-filen indeholder et script
svg_foreign_object = SVG-filen indeholder et `foreignObject` (HTML inde i billedet)
svg_refers_to_file = SVG-filen henviser til en anden fil eller URL (`{$value}`)
svg_refers_to_url = SVG-filen henviser til en URL (`{$value}`)
svg_script_attribute = SVG-filen indeholder et script (`{$name}`)
svg_style_refers = SVG-filens style henviser til en anden fil eller URL
svg_unprintable = SVG-filens tekst har tegn, som skrifttyperne ikke kan skrive: {$chars}
svg_too_big = SVG-filen fylder {$size} MB; en SVG må højst fylde {$max} MB
svg_effects = SVG'en har {$count} effekter (filtertrin og masker); højst {$max}
svg_step_too_costly = SVG'en bruger effekten {$step}, som kan tage minutter at tegne
svg_much_text = SVG'en indeholder {$count} tegn tekst; højst {$max}
svg_effects_too_large = SVG'en er {$width} × {$height} pixel og har effekter (filtre eller masker); med effekter må den højst være {$max} × {$max}

## Navnet på en beskeds niveau

level_error = fejl
level_warning = advarsel
level_help = hjælp

## Filer

cannot_read = kan ikke læse `{$path}`: {$error}
cannot_write = kan ikke skrive `{$path}`: {$error}
cannot_open = kan ikke åbne `{$path}`: {$error}
cannot_read_folder = kan ikke læse mappen `{$path}`: {$error}

## En kommandos input

no_trip_files_in = `{$path}` indeholder ingen .toml-turfiler
no_trip_files_in_help = angiv en turfil eller en mappe med turfiler
does_not_exist = `{$path}` findes ikke
does_not_exist_help = angiv en turfil (.toml) eller en mappe med turfiler
output_clash = `{$first}` og `{$second}` ville begge blive bygget som `{$stem}.pdf`
output_clash_help = omdøb en af dem, eller byg dem til hver sin mappe med -o

## Skabelonen

template_folder_unopenable = kan ikke åbne skabelonmappen `{$path}`: {$error}
template_no_main = skabelonmappen `{$path}` har ingen main.typ
template_not_found = {$reason} (indbyggede skabeloner: {$names})
settings_not_utf8 = `{$path}` er ikke UTF-8
settings_invalid = `{$path}`: {$error}
photo_box_range = `{$path}`: fotoboksen skal være mellem 0,1 og 100 cm hver vej
photo_box_missing = `{$path}` skal have `[photo]` med `width-cm` og `height-cm` (tal, i cm)
about_report = den fulde rapport: titelblad, indhold, et kapitel pr. dag (standard)
about_compact = en kort rapport til et endagsbesøg: uden titelblad og indhold
about_overview = oversigten over årene (studietur overview)

## Opsætning

data_unwritable = kan ikke skrive rapportens data: {$error}
overview_data_unwritable = kan ikke skrive oversigtens data: {$error}
template_attached = skabelonen vedhæftede {$found} af de {$expected} kildefiler til PDF'en
template_attached_help = en egen skabelon skal vedhæfte `data.attachments` med `pdf.attach` (se templates/README.md)
pdf_standards = PDF-standarder: {$error}
png_unencodable = kan ikke gemme en side som PNG: {$error}
in_template = i skabelonen: {$message}
in_template_warning = i skabelonen (advarslen regnes som en fejl): {$message}
while_laying_out = under opsætningen af rapporten: {$message}
engine_hints = {$hints}
typst_unwritable = kan ikke skrive Typst-kilderne i `{$path}`: {$error}
pages_unwritable = kan ikke skrive siderne af `{$stem}` i `{$path}`: {$error}

## Webudgaven

web_template = websideskabelonen {$file}, linje {$line}: {$error}
web_template_help = ret skabelonen, eller fjern den fra skabelonmappen for at bruge den indbyggede
web_image = billedet `{$path}` kan ikke gøres klar til websiden: {$error}
web_unwritable = kan ikke skrive websiden {$path}: {$error}

## Kilder vedhæftet PDF'en

cannot_embed = kan ikke vedhæfte filerne fra `{$path}`: {$error}
not_embedded = ikke vedhæftet, større end {$max} MB: {$files}
not_kept = `{$path}` blev ikke gemt, da den blev læst
pdf_unreadable = ikke en læsbar PDF: {$error}
pdf_broken_reference = en ødelagt reference i PDF'en: {$error}
pdf_no_catalog = PDF'en har intet katalog: {$error}
attachments_too_deep = PDF'ens liste over vedhæftede filer er for dyb
attachments_damaged = PDF'ens liste over vedhæftede filer er beskadiget
attachment_entry_damaged = en vedhæftet fils post er beskadiget
attachment_no_name = en vedhæftet fil har intet navn
attachment_name_unreadable = en vedhæftet fils navn kan ikke læses: {$error}
attachment_no_content = den vedhæftede fil `{$name}` har intet indhold
attachment_damaged = den vedhæftede fil `{$name}` er beskadiget
attachment_unpackable = kan ikke pakke den vedhæftede fil `{$name}` ud: {$error}

## Overvågning

watch_needs_out = watch skal have en mappe at skrive til
cannot_watch_files = kan ikke overvåge filer: {$error}
cannot_watch = kan ikke overvåge `{$path}`: {$error}

## Arkivet: manifestet

manifest_invalid = `{$path}` er ikke et manifest for et studietur-arkiv: {$error}
manifest_invalid_help = hent manifestet fra en sikkerhedskopi; studietur retter det aldrig i hånden
manifest_bad_path = `{$value}` (i `{$field}`) er ikke en sti inde i arkivet
manifest_listed_twice = `{$pdf}` står der to gange
pages_differ = manifestet giver `{$pdf}` {$recorded} sider; den har {$actual}
manifest_format = `{$path}` har manifest_format {$found}; denne studietur læser format {$supported}
manifest_format_help = brug den version af studietur, der skrev arkivet
pdf_asked = der blev bedt om en PDF

## Arkivet: arkivering

cannot_create_archive = kan ikke oprette arkivmappen `{$path}`: {$error}
rename_not_a_trip = --rename: `{$path}` er ikke en turfil
rename_not_a_trip_help = --rename GAMMEL NY: NY er der, hvor turfilen ligger nu
rename_taken = --rename: der er allerede arkiveret en rapport fra `{$path}`
rename_unknown = --rename: der er ingen rapport arkiveret fra `{$path}`
rename_unknown_help = --rename GAMMEL NY: GAMMEL er turfilens plads, som manifestet har den (se `trip` i manifest.json)
failed_inside = studietur fejlede internt under bygningen af `{$path}`
failed_inside_help = det er en fejl i studietur; meld den gerne sammen med turfilen
archive_busy = en anden studietur arkiverer i `{$path}`
archive_busy_help = vent, til den er færdig, og kør så igen
cannot_lock = kan ikke låse `{$path}`: {$error}
changed = `{$path}` er ændret
is_new = `{$path}` er ny
no_longer_used = `{$path}` bruges ikke længere
template_changed = skabelonen `{$name}` er ændret
version_replaces = studietur {$new} afløser {$old}
embed_source_differs = --embed-source er anderledes
pdf_differs = PDF'en er anderledes
unlisted_exists = `{$path}` findes, men arkivets manifest nævner den ikke
unlisted_exists_help = flyt filen ud af arkivet; studietur overskriver aldrig en PDF, den ikke selv har arkiveret
archived_from_other = `{$pdf}` er arkiveret fra `{$other}`, ikke fra `{$trip}`
archived_from_other_help = hvis to turfiler fra samme år har samme navn, så omdøb den ene; hvis turfilen er flyttet, så arkivér fra dens gamle plads eller i et nyt arkiv
archived_differs = den arkiverede `{$pdf}` er ikke den PDF, manifestet har registreret (dens SHA-256 er anderledes)
archived_differs_help = kør `studietur verify` på arkivet, og hent PDF'en fra en sikkerhedskopi
archived_missing = den arkiverede `{$pdf}` mangler
archived_missing_help = hent den fra en sikkerhedskopi; dens kilde giver ikke længere den samme PDF
files_as = den arkiveres nu som `{$pdf}`
would_change = `{$pdf}` er arkiveret, og dens kilde giver nu en anden PDF: {$why}
would_change_help = den arkiverede PDF er uændret; arkivér igen med --replace for at arkivere den nye version og gemme den gamle som afløst
cannot_keep = kan ikke gemme `{$old}` som `{$kept}`: {$error}
cannot_remove = kan ikke fjerne `{$path}`: {$error}

## Arkivet: kontrol

no_manifest = `{$path}` har ingen {$manifest}
no_manifest_help = angiv en mappe, som `studietur archive` har skrevet
entries_edited = dets poster passer ikke med den registrerede hash: en post er rettet, tilføjet eller slettet i hånden
not_listed = den ligger i arkivet, men manifestet nævner den ikke
hash_differs = `{$path}` er ændret: dens SHA-256 er ikke den, manifestet har registreret
rebuilt_from_embedded = `{$trip}` ligger ikke på sin registrerede plads: bygget igen ud fra kilderne, der er vedhæftet PDF'en
no_temp_folder = kan ikke oprette en midlertidig mappe
source_missing = `{$trip}` ligger ikke på sin registrerede plads, og PDF'en har ingen kilder vedhæftet
source_missing_pdf_intact = `{$trip}` ligger ikke på sin registrerede plads, og PDF'en har ingen kilder vedhæftet (selve PDF'en er intakt)
no_longer_builds = `{$trip}` kan ikke længere bygges: {$errors}
needs_version = den er lavet af studietur {$version}; den version skal bruges for at reparere den (dette er {$this})
rebuild_differs = når `{$trip}` bygges igen, bliver PDF'en anderledes end `{$pdf}` (første gang ved byte {$byte})
web_rebuild_differs = websiden {$folder}/index.html bygget igen afviger fra den registrerede
repairable = dens kilder giver stadig den registrerede PDF: `verify --repair` skriver den igen
repairable_at = dens kilder giver stadig den registrerede PDF, som den arkiverede fil afviger fra første gang ved byte {$byte}: `verify --repair` skriver den igen

## Kommandolinjen: optælling

count_errors = {$errors} fejl
count_warnings = {$warnings ->
    [one] {$warnings} advarsel
   *[other] {$warnings} advarsler
}
count_warnings_denied = {$warnings ->
    [one] {$warnings} advarsel (ikke tilladt)
   *[other] {$warnings} advarsler (ikke tilladt)
}
count_pages = {$pages ->
    [one] {$pages} side
   *[other] {$pages} sider
}
count_trips = {$trips ->
    [one] {$trips} tur
   *[other] {$trips} ture
}

## Kommandolinjen: argumenter

lang_values = skriv da (dansk) eller en (engelsk)
ppi_values = skriv et antal pixels pr. tomme fra 10 til 1200, fx 144
date_as = skriv {$date} (år-måned-dag)
date_format = skriv en dato som år-måned-dag, fx 2025-05-12
out_is_file = `{$path}` er en fil, ikke en mappe
out_is_file_help = -o angiver mappen, som rapporterne skrives til
format_pages_alone = png- og svg-sider laves alene, ikke sammen med et andet format
format_pages_alone_help = skriv --format pdf,html, eller --format png (eller svg) alene

## Kommandolinjen: build, check, watch

line_built = bygget {$input} → {$output} ({$pages}, {$size} MB)
line_built_web = bygget {$input} → {$output} ({$size} MB)
line_unchanged = uændret {$input} → {$output}
line_ok = ok {$input}
line_failed = fejlede {$input}: {$problems}
nothing_built = intet blev bygget
summary_built = {$built} bygget, {$unchanged} uændret, {$failed} fejlede på {$seconds} s
summary_checked = {$checked} tjekket, {$failed} fejlede på {$seconds} s
watch_folder = `{$path}` er en mappe; watch følger én turfil
watch_folder_help = angiv turfilen: studietur watch trips/2024-berlin.toml
watching = overvåger {$path} og de filer, den nævner (Ctrl-C for at stoppe)
watch_line = {$report} ({$seconds} s)

## Kommandolinjen: new, template

which_committee = angiv udvalg og kommune: der er ingen anden turfil i `{$folder}` at tage dem fra
which_committee_help = tilføj --committee "Social- og Beskæftigelsesudvalget" --municipality "Aarhus Kommune"
took_committee = tog udvalget "{$committee}" og kommunen "{$municipality}" fra {$path} (angiv --committee og --municipality for andre)
end_before_start_flag = --end {$end} ligger før --start {$start}
end_before_start_flag_help = --end er turens sidste dag
file_exists = `{$path}` findes allerede
file_exists_help = studietur new overskriver aldrig en fil; vælg et andet navn
wrote_trip = skrev {$path}; tjek den med `studietur check {$path}`
no_builtin_template = der er ingen indbygget skabelon `{$name}`
no_builtin_template_help = se `studietur template list`
holds_main = `{$path}` indeholder allerede en main.typ
holds_main_help = vælg en ny mappe; studietur overskriver ikke en skabelon
wrote_template = skrev skabelonen `{$name}` i {$dir}; byg med --template {$dir}

## Kommandolinjen: archive, verify

line_archived = arkiveret {$input} → {$pdf}
line_kept = beholdt {$input} → {$pdf}: lavet af studietur {$made} ud fra de samme kilder (--replace bygger den med studietur {$this})
line_replaced = erstattet {$input} → {$pdf} (den gamle version er gemt som {$old})
line_failed_input = fejlede {$input}
archive_summary = {$archived} arkiveret, {$replaced} erstattet, {$unchanged} uændret, {$failed} fejlede på {$seconds} s; manifest: {$manifest}
verify_ok = ok {$pdf}: alle hashes passer, bygget igen byte for byte ens ({$pages})
verify_repaired = repareret {$pdf}: kilderne gav den registrerede PDF (og webside) igen, byte for byte, og det beskadigede eller manglende er skrevet igen
verify_other_version = info {$pdf}: PDF'en er intakt, og kilderne er uændrede; lavet af studietur {$made}, som denne studietur {$this} bygger anderledes (archive --replace arkiverer en ny version)
verify_other_version_strict = ANDEN VERSION {$pdf}: PDF'en er intakt, og kilderne er uændrede; lavet af studietur {$made}, som denne studietur {$this} bygger anderledes (archive --replace arkiverer en ny version)
verify_missing_source = KILDE MANGLER {$pdf}: {$problems}
verify_unlisted = IKKE I MANIFESTET {$pdf}: {$problems}
verify_edited = RETTET {$pdf}: {$problems}
verify_mismatch = AFVIGER {$pdf}: {$problems}
with_notes = {$line} ({$notes})
verify_summary = {$good} af {$reports} rapporter kontrolleret

## Kommandolinjen: extract, overview

extract_unreadable = `{$path}`: {$error}
no_attachments = `{$path}` har ingen vedhæftede filer
no_attachments_help = kun en PDF, der er bygget med --embed-source, har sine kilder med
attachment_outside = den vedhæftede fil `{$name}` ville havne uden for `{$dir}`
not_by_studietur_help = intet blev skrevet; denne PDF er ikke lavet af studietur
attachment_differs = `{$path}` findes og er anderledes end den vedhæftede `{$name}`
attachment_differs_help = pak ud i en tom mappe; intet blev skrevet
attachments_collide = to vedhæftede filer ville blive skrevet til `{$first}` og `{$second}`
extracted = pakket ud: {$path}
build_again = byg den igen med `studietur build {$path} --embed-source` (og samme --template, hvis rapporten blev lavet med en anden)
extracted_incomplete = {$path} kan ikke bygges, som den er pakket ud: PDF'en har ikke alle de filer, den nævner (filer over {$max} MB udelades); kopiér dem ind
no_overview = ingen oversigt skrevet: {$failed ->
    [one] {$failed} turfil fejlede
   *[other] {$failed} turfiler fejlede
}
wrote_overview = skrev {$path} ({$trips}, {$pages}) på {$seconds} s

## Den lokale webeditor (studietur serve)

edit_syntax = turfilen har en syntaksfejl; ret den først under fanen TOML ({$error})
edit_no_entry = det punkt findes ikke
edit_not_a_list = det er ikke en liste
edit_no_entry_to_move = det punkt, der skal flyttes, findes ikke
edit_needs_path = en ændring skal have en sti
edit_no_field = det felt findes ikke
edit_cannot_set = det felt kan ikke sættes her
edit_list_by_key = en liste udvides under sin nøgle
edit_cannot_add_list = en liste kan ikke tilføjes her
edit_not_table_list = det er ikke en liste af tabeller
edit_whole_number = skriv et helt tal
edit_whole_number_for = `{$key}` skal være et helt tal
edit_texts_for = `{$key}` skal være en liste af tekster
edit_not_date = `{$value}` er ikke en dato som 2023-04-17
edit_cannot_write = den værdi kan ikke skrives
typed_amount = `{$value}` er ikke et beløb: skriv kroner som 31.300 eller 1.150,50
new_file_name = skriv et filnavn, fx 2025-berlin
new_not_date = `{$value}` er ikke en dato som 2025-05-12
new_end_before_start = sidste dag ligger før første dag
new_write_destination = skriv destinationen
new_write_committee = skriv udvalget
new_write_municipality = skriv kommunen
new_exists = {$name} findes allerede: vælg et andet filnavn
new_unwritable = kan ikke skrive {$name}: {$error}
photo_kinds = et billede skal være PNG, JPEG, WebP eller GIF
photo_unstorable = kan ikke gemme billedet: {$error}
not_a_trip_name = `{$name}` er ikke navnet på en turfil
trip_not_there = {$name} findes ikke i mappen
page_not_there = siden findes ikke (længere): forhåndsvisningen er gået videre
save_conflict = {$name} er ændret på disken, siden den blev åbnet (i en anden editor eller af git): genindlæs den for at se ændringen, eller kopiér først din tekst
save_failed = kan ikke gemme {$name}: {$error}
editor_failed_inside = studietur fejlede internt; filen er uændret
refused_host = editoren svarer kun på 127.0.0.1, localhost eller [::1] med sin port
refused_wrong_token = forkert nøgle: åbn den adresse, studietur serve skrev
refused_no_token = ingen nøgle: åbn den adresse (med ?token=…), som studietur serve skrev
refused_origin = en forespørgsel fra et andet websted afvises
refused_no_origin = en ændring skal komme fra editorens egen side
refused_upload_kind = et billede sendes som PNG, JPEG, WebP eller GIF
refused_not_json = editoren sender JSON
serve_no_token = ingen tilfældig nøgle: {$error}
serve_folder = kan ikke åbne mappen `{$path}`: {$error}
serve_not_folder = `{$path}` er ikke en mappe: angiv mappen med turfiler, fx trips
serve_unspecified = --listen {$address} angiver ingen bestemt adresse: angiv den adresse, andre når denne computer på, fx --listen 192.168.1.20
serve_start = kan ikke starte serveren: {$error}
serve_listen = kan ikke lytte på {$address}: {$error}
serve_stopped = serveren stoppede: {$error}
serve_at = editoren er på {$url}
serve_local = (kun denne computer kan nå den; Ctrl-C stopper den)
serve_open = (alle, der kan nå denne adresse og har nøglen, kan redigere; Ctrl-C stopper den)
serve_no_browser = kunne ikke åbne en browser ({$error}); åbn selv adressen ovenfor
serve_preview = forhåndsvisning {$trip}: {$ms} ms ({$layout} ms til kontrol og opsætning, {$draw} ms til at tegne {$drawn} af {$pages ->
    [one] {$pages} side
   *[other] {$pages} sider
})
serve_saved = gemte {$trip}
serve_unsaved = ikke gemt: {$trips}. Gem i editoren, eller tryk Ctrl-C igen for at stoppe uden at gemme
serve_stopping = editoren er stoppet
new_file_name_chars = et filnavn må kun indeholde bogstaver, tal, - og _ (fx 2025-berlin)

## Keeping work safe: the archive's lock
lock_unwritable = kan ikke skrive arkivets lås `{$path}`: {$error}
lock_lost = arkivets lås `{$path}` blev fjernet eller overtaget, mens denne kørsel holdt den: intet mere skrives
lock_lost_help = en anden studietur arkiverer måske nu; kør igen, når ingen gør (et afbrudt skridt bliver da gjort færdigt eller fortrudt)
lock_unknown = `{$archive}` er låst af `{$path}`, som ikke siger, hvem der holder den
lock_clear_help = hvis ingen studietur arkiverer i denne mappe, så fjern `{$path}` og kør igen
lock_stale = `{$archive}` er låst af proces {$pid} på denne computer siden {$since}, som ikke kører mere (den blev stoppet eller gik ned)
lock_taken_over = overtog låsen på `{$archive}`, som proces {$pid} på denne computer efterlod {$since} (den kører ikke mere: den blev stoppet eller gik ned)
lock_busy_here = en anden studietur (proces {$pid} på denne computer, siden {$since}) arkiverer i `{$archive}`
lock_busy_there = en anden studietur (på {$host}, proces {$pid}, siden {$since}) arkiverer i `{$archive}`
lock_busy_help = vent til den er færdig, og kør så igen; hvis den ikke kører mere, så fjern `{$path}`

## Keeping work safe: the manifest's names
manifest_name_not_ours = `{$value}` (i `{$field}` for `{$trip}`) er ikke et navn, studietur giver den rapports filer: det ville være `{$expected}`
manifest_edited = posterne i `{$path}` er rettet i hånden (de har ikke længere den SHA-256, som `entries_sha256` angiver): intet arkiveres på deres ord
manifest_edited_help = `studietur verify` viser forskellen; hent manifest.json fra en sikkerhedskopi, eller slet linjen "entries_sha256", hvis rettelsen er ønsket, og kør igen

## Keeping work safe: the journal of a filing
journal_invalid = `{$path}`, journalen fra en afbrudt arkivering, kan ikke læses: {$error}
journal_invalid_help = flyt `{$path}` ud af arkivet, og kør så `studietur verify` for at se, hvad den afbrudte kørsel efterlod
entry_changed_meanwhile = manifestets post for `{$trip}` blev ændret af en anden under denne kørsel: intet blev arkiveret
entry_changed_meanwhile_help = kør igen for at arkivere den mod manifestet, som det er nu
journal_left = de ufærdige filer kunne ikke alle fjernes; `{$path}` fortegner dem
journal_live = proces {$pid} på denne computer arkiverer i `{$archive}` (dens journal er der), selv om den ikke længere holder låsen: intet gøres her
journal_pending = et tidligere skridt er ufærdigt (`{$path}` fortegner det): intet mere arkiveres
journal_left_help = `studietur verify --repair` eller næste `studietur archive` fjerner dem; arkivet er som før denne kørsel
finish_failed = `{$pdf}` står i manifestet, men dens filer er ikke alle på plads: {$error}
finish_failed_help = `studietur verify --repair` eller næste `studietur archive` sætter dem på plads (journalen fortegner hvordan)
finish_source_gone = `{$path}` indeholder ikke længere den offentliggjorte PDF
finish_taken = `{$path}` findes med andet indhold
finish_staged_missing = den forberedte `{$path}` mangler
journal_finished = en afbrudt arkivering blev gjort færdig: `{$pdf}` er på plads, som manifestet angiver
journal_undone = en afbrudt arkivering blev fortrudt: `{$pdf}` er som før den
verify_interrupted_saved = AFBRUDT {$pdf}: en arkivering blev afbrudt efter at have gemt sin post i manifestet; `verify --repair` eller næste `archive` sætter filerne på plads
verify_interrupted_unsaved = note {$pdf}: en arkivering blev afbrudt, før den blev gemt; arkivet er som før, og `verify --repair` eller næste `archive` fjerner de ufærdige skjulte filer
verify_finished = repareret {$pdf}: en afbrudt arkivering blev gjort færdig
verify_undone = repareret {$pdf}: en afbrudt arkivering blev fortrudt; arkivet er som før den

## Keeping work safe: outputs
output_is_input = `{$path}` er et input til denne kørsel (en turfil eller en fil, som en turfil nævner): den skrives aldrig over
output_is_input_help = angiv et andet output (med -o)
output_not_ours = `{$path}` findes og er ikke skrevet af studietur: den erstattes ikke
output_not_ours_help = flyt den væk eller angiv et andet output (med -o); studietur erstatter kun filer, den selv har skrevet

## Keeping work safe: links and foreign paths in the archive (recheck of issue 22)
link_in_archive = `{$path}` i arkivet er et symbolsk link: studietur læser, skriver og fjerner kun arkivets filer gennem rigtige mapper og filer, aldrig gennem et link (det kunne føre ud af arkivet)
link_in_archive_help = læg selve mappen eller filen, hvor linket er (eller fjern linket), og kør igen
not_a_file_in_archive = `{$path}` i arkivet er ikke en almindelig fil
journal_foreign = journalen `{$path}` nævner `{$value}`, som ikke er en fil i den rapport, den arkiverer: intet gøres på dens ord
journal_foreign_help = journalen er redigeret eller skrevet af andet end studietur; flyt `{$path}` ud af arkivet, og kør så `studietur verify`
web_repairable = dens kilder giver stadig den registrerede webside: `verify --repair` skriver dens manglende eller beskadigede filer igen
editor_text_too_large = teksten er på {$size} bytes: en turfil rummer højst {$limit} MB; intet er ændret
editor_too_many_changes = {$count} ændringer på én gang: editoren tager højst {$limit}; intet er ændret
