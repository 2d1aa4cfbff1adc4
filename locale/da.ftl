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
edit_no_entry = det punkt findes ikke (længere)
edit_not_a_list = det er ikke en liste
edit_no_entry_to_move = det punkt, der skal flyttes, findes ikke
edit_needs_path = en ændring skal have en sti
edit_no_field = det felt findes ikke
edit_cannot_set = det felt kan ikke sættes her
edit_list_by_key = en liste udvides under sin nøgle
edit_cannot_add_list = en liste kan ikke tilføjes her
edit_not_table_list = det er ikke en liste af tabeller
edit_whole_number = skriv et helt tal, fx 12
edit_not_date = {$value} er ikke en dato: vælg den i kalenderen, eller skriv fx 8.10.2025
edit_cannot_write = det kan ikke stå her: vælg en af mulighederne
typed_amount = {$value} er ikke et beløb: skriv kroner som 31.300, 1.150,50 eller 12.500 kr.
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
save_busy = {$name} er ikke gemt: et andet program har holdt mappen i over {$seconds} s (måske en anden brugers studietur). Dine ændringer er i kladden; prøv igen om lidt
save_leads_out = {$name} er ikke gemt: i dens sted i mappen står nu et link, der fører et andet sted hen. Dine ændringer er i kladden; spørg den, der passer mappen
editor_failed_inside = studietur fejlede internt; filen er uændret
refused_host = editoren svarer kun på 127.0.0.1, localhost eller [::1] med sin port
refused_wrong_token = forkert nøgle: åbn den adresse, studietur serve skrev
refused_no_token = ingen nøgle: åbn den adresse, studietur serve skrev (med #key=), én gang i denne browser
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
new_file_name_chars = et filnavn må kun indeholde bogstaver, tal, - og _: skriv fx {$suggestion}


## Import af rapporter (studietur import)

import_wrote = importerede {$input} → {$output}
import_exists = kan ikke importere {$input}: `{$path}` findes allerede
import_exists_help = studietur import overskriver aldrig en fil: flyt den væk, eller importér til en anden mappe med -o MAPPE
import_kind = `{$path}` er hverken et Word-dokument, en PDF eller en tekstfil
import_kind_help = giv en .docx-, .pdf- eller .txt-fil (gem en .doc som .docx i Word først)
import_unreadable = kan ikke læse `{$path}`: {$error}
import_unreadable_help = åbn den i Word eller en PDF-læser for at se, at den er hel; gem den igen som .docx eller PDF, og importér den
import_no_text = `{$path}` har ingen tekst: siderne er billeder (en scanning)
import_no_text_help = lad et PDF-program genkende teksten (OCR) først, eller importér det Word-dokument, den blev lavet af
import_empty = `{$path}` har ingen tekst
import_reader_fault = læseren stoppede ved beskadiget indhold (en fejl i studietur import: meld den gerne med filen)
import_encrypted = `{$path}` er beskyttet med en adgangskode
import_encrypted_help = gem en kopi uden beskyttelse, og importér den
import_too_large = `{$path}` er større end {$max} MB
import_too_much_text = `{$path}` rummer {$size} MB tekst, mere end en turfil må rumme ({$max} MB)
import_too_much_text_help = importér rapporten uden bilag (gem en kopi uden dem), eller del den op i de ture, den beskriver
import_too_complex = `{$path}` er for kompliceret at læse: {$reason}
import_too_complex_help = udskriv den til en ny PDF (Udskriv → Gem som PDF), og importér den, eller importér det Word-dokument, den blev lavet af
import_not_text = `{$path}` er ikke tekst: den rummer bytes, som ingen tekstfil har
import_not_text_help = giv teksten, som pdftotext skriver den, eller selve PDF'en eller Word-dokumentet
import_not_accepted = turen lavet af `{$path}` består ikke check: {$problems}
import_not_accepted_help = intet blev skrevet; meld det gerne med dokumentet, det er en fejl i studietur import
import_cannot_write = kan ikke skrive `{$path}`: {$error}
import_summary = {$written} importeret, {$failed} fejlede

import_report_head = Importeret fra {$file} af studietur import {$version}. Læs den igennem, ret det, der står under "Se på", og slet så disse kommentarlinjer.
import_report_found = Genkendt:
import_report_check = Se på:
import_report_nothing_to_check = intet særligt
import_report_furniture = Sat til side som sidehoveder, sidefødder, sidetal og indholdsfortegnelse (ikke med i rapporten):
import_report_used = Læst ind i nøgler, som det står i dokumentet:
import_report_words = Alle dokumentets {$words} ord står i denne fil.
import_report_pictures = Tekst i PDF'ens billeder (billederne er ikke importeret):

found_title = titlen "{$title}"
found_days = {$count ->
    [one] 1 dag
   *[other] {$count} dage
}, {$first} til {$last}
found_day = {$date}: {$visits ->
    [one] 1 besøg
   *[other] {$visits} besøg
}, program med {$entries ->
    [one] 1 punkt
   *[other] {$entries} punkter
}
found_free = {$count ->
    [one] 1 selvstændigt afsnit
   *[other] {$count} selvstændige afsnit
}
found_accounts = regnskab med {$items ->
    [one] 1 post
   *[other] {$items} poster
}, i alt {$sum}
found_participants = {$count ->
    [one] 1 deltager
   *[other] {$count} deltagere
}
found_participant_count = antal deltagere: {$count}
found_author = forfatteren: {$name}
found_introduction = introduktionen
found_images = {$count ->
    [one] 1 billede (i images/)
   *[other] {$count} billeder (i images/)
}
found_furniture = {$count ->
    [one] 1 linje sidehoved, sidefod eller indholdsfortegnelse sat til side
   *[other] {$count} linjer sidehoved, sidefod eller indholdsfortegnelse sat til side
}
found_place = {$date}: stedet "{$place}"
found_day_text = {$date}: dagens egen tekst (før dens første besøg)
found_published_total = summen som trykt, {$sum}, som published_total
found_no_price = der var ingen pris per deltager trykt: price = false
found_parties = {$count ->
    [one] partibogstaver for 1 deltager
   *[other] partibogstaver for {$count} deltagere
}

check_committee = udvalget "{$value}" er det, teksten nævner mest: er det det rigtige?
check_no_committee = der blev ikke fundet noget udvalg: skriv det i [trip] committee
check_municipality = kommunen "{$value}" er den, teksten nævner mest: er det den rigtige?
check_no_municipality = der blev ikke fundet nogen kommune: skriv den i [trip] municipality
check_destination = rejsemålet "{$value}" er læst ud af teksten: er det rigtigt?
check_no_destination = der blev ikke fundet noget rejsemål: skriv det i [trip] destination
check_no_days = der blev ikke fundet overskrifter med datoer for dagene: start er {$date}, skriv turens rigtige datoer
check_year = "{$heading}" har intet årstal: læst som {$date}
check_total = dokumentets sum {$printed} er ikke posternes sum {$sum}: den står som published_total, så rapporten viser den som offentliggjort og noterer, hvad posterne giver; var en post trykt forkert, så ret posten og skriv total i stedet
check_count_and_list = teksten siger {$count} deltagere, men nævner {$listed}: antallet er en kommentar under [accounts]
check_alt = billedet {$file} har ingen alternativ tekst i dokumentet: billedteksten eller en pladsholder står i [… .image] alt; beskriv billedet
check_image_kind = et billede i {$kind}-format blev ikke importeret (studietur tager PNG, JPEG, GIF, WebP og SVG): gem det som PNG, og tilføj det
check_empty_section = "{$title}" havde ingen tekst under sig: det er et punkt i dagens program
check_no_agenda = der blev ikke fundet noget program for {$date}: rapporten viser besøgenes titler
check_no_accounts_items = der blev ikke fundet nogen poster under "{$title}": det er et selvstændigt afsnit
check_unplaced = disse ord kom ikke med i rapporten og står kun i disse kommentarer: {$words}
check_captions = {$count ->
    [one] 1 afsnit ligner en billedtekst, men selve billedet blev ikke importeret
   *[other] {$count} afsnit ligner billedtekster, men selve billederne blev ikke importeret
}: tilføj billederne som [[day.section.image]]
check_placeholder = værdier, dokumentet ikke giver, er skrevet som "UDFYLD": erstat dem
check_pdf_pictures = {$count ->
    [one] PDF'en har 1 billede; det er ikke importeret (dets beskrivelse og teksten i det står til sidst i disse kommentarer)
   *[other] PDF'en har {$count} billeder; de er ikke importeret (deres beskrivelser og teksten i dem står til sidst i disse kommentarer)
}: tilføj billederne som [[day.section.image]]
check_image_refused = billede {$number} i dokumentet blev ikke importeret: {$reason}; dets beskrivelse og billedtekst står til sidst i disse kommentarer
check_text_encoding = teksten er ikke UTF-8: den blev læst som {$encoding}; se efter, at æ, ø og å er rigtige
check_shortened = {$count ->
    [one] 1 ord eller værdi var længere, end en turfil tillader, og er forkortet (…); det hele står til sidst i disse kommentarer
   *[other] {$count} ord eller værdier var længere, end en turfil tillader, og er forkortet (…); hvert af dem står helt til sidst i disse kommentarer
}

pictures_title = Billeder
unnamed_section_title = Øvrigt
picture_alt = Billede {$number} i rapporten (ingen beskrivelse i dokumentet)
fill_in = UDFYLD

docx_no_document = den rummer intet Word-dokument (word/document.xml)
docx_damaged = dens del {$part} er beskadiget: {$error}
docx_part_too_large = dens del {$part} pakker ud til mere end {$max} MB
docx_too_many_parts = den har mere end {$max} dele
docx_too_complex = dens del {$part} har mere end {$max} XML-elementer
docx_too_deep = dens del {$part} lægger indhold mere end {$max} niveauer inden i hinanden
pdf_too_much_work = dens sider kræver mere end {$max} millioner tegneoperationer (tegninger inde i tegninger)
pdf_too_many_pages = den har mere end {$max} sider
pdf_no_pages = den har ingen side, der kan læses (dens sidetræ er beskadiget)
pdf_too_many_objects = den har mere end {$max} objekter
pdf_page_damaged = dens side {$page} kan ikke læses (dens indhold er beskadiget)
pdf_page_too_large = dens side {$page} tegner mere end {$max} MB

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
photo_too_large = billedet fylder {$size} MB; et billede må højst fylde {$max} MB. Gør det mindre, og prøv igen
photo_not_what_it_says = filen er ikke det billede, den siger, den er: vælg et billede i PNG, JPEG, WebP eller GIF
photo_folder_leads_out = billedmappen images er et link ud af turens mappe: billedet gemmes ikke
trip_leads_out = {$name} er et link ud af mappen, editoren viser: den åbnes ikke
text_too_large = teksten fylder {$size} MB; en tur må højst fylde {$max} MB
draft_unwritable = ændringen kan ikke gemmes i kladden, så den er ikke taget med ({$error})
text_not_merged = teksten er ændret i et andet vindue samtidig, og din ændring kan ikke flettes ind: teksten her er den nye; skriv din ændring igen
edit_stale = feltet er ændret i et andet vindue
state_unusable = kan ikke bruge editorens mappe {$path}: {$error}
state_not_private = editorens mappe {$path} er ikke din egen: den bruges ikke
state_no_home = hverken XDG_STATE_HOME eller HOME er sat: editoren har intet sted til sine filer
serve_port_taken = porten {$port}, som editoren havde sidst, er taget af et andet program: et bogmærke til den gamle adresse virker ikke nu, og den adresses nøgle er fornyet; åbn den nye adresse ovenfor

## Editorens formular: felternes navne, sidens ord og fejl med brugerens ord

field-format = Filformat
field-format-help = Formatet, filen er skrevet i. Kun format 1 findes; lad feltet stå tomt.
field-trip = Turen
field-trip-committee = Udvalg
field-trip-committee-example = fx Social- og Beskæftigelsesudvalget
field-trip-municipality = Kommune
field-trip-municipality-example = fx Aarhus Kommune
field-trip-destination = Destination
field-trip-destination-example = fx Malmø
field-trip-country = Land
field-trip-start = Første dag
field-trip-end = Sidste dag
field-trip-end-help = Tom: turen varer én dag.
field-trip-title = Titel
field-trip-title-help = Tom: studietur skriver en titel som “Studietur 2025”.
field-trip-subtitle = Undertitel
field-trip-published = Udgivet
field-trip-published-help = Datoen på forsiden. Tom: turens sidste dag.
field-trip-language = Tekstens sprog
field-trip-language-da = dansk
field-trip-language-en = engelsk
field-trip-language-unset = dansk (standard)
field-trip-logo = Logo
field-trip-logo-file = Billedfil
field-trip-logo-alt = Alternativ tekst (hvad logoet viser)
field-trip-logo-decorative = Kun pynt
field-trip-logo-decorative-unset = nej (standard)
field-trip-cover = Forsidebillede
field-trip-cover-file = Billedfil
field-trip-cover-caption = Billedtekst
field-trip-cover-alt = Alternativ tekst (hvad billedet viser)
field-trip-cover-decorative = Kun pynt
field-trip-cover-decorative-unset = nej (standard)
field-trip-case = Sagsnummer
field-trip-case-example = fx 24/12345
field-trip-contents = Indholdsfortegnelse
field-trip-contents-unset = når rapporten er lang (standard)
field-author = Forfatter
field-author-name = Navn
field-author-name-help = Kan også være en enhed, fx Sekretariatet.
field-author-title = Stilling
field-author-organisation = Afdeling
field-author-email = E-mail
field-author-phone = Telefon
field-introduction = Indledning
field-introduction-title = Overskrift
field-introduction-heading = Med overskrift
field-introduction-heading-unset = ja (standard)
field-introduction-text = Tekst
field-introduction-text-help = Tom linje mellem afsnit. *kursiv*, **fed**, - punkt, 1. nummer, > citat, ## underoverskrift.
field-participant = Deltagere
field-participant-one = deltager
field-participant-name = Navn
field-participant-role = Rolle
field-participant-role-example = fx formand
field-participant-party = Parti
field-participant-party-example = fx S
field-participant-party-help = Partiets bogstav(er) uden parentes: står efter navnet, »Orla Hav (S)«.
field-participant-group = Gruppe
field-participant-group-help = Vælg en gruppe, der allerede er brugt, eller skriv en ny.
field-day = Dage
field-day-one = dag
field-day-date = Dato
field-day-title = Overskrift
field-day-title-help = Tom: dagen og datoen, fx Mandag den 17. april 2023.
field-day-place = Sted
field-day-place-example = fx Stockholm
field-day-place-help = Hvor dagen foregår, når turen går til flere steder: står under dagens overskrift.
field-day-text = Dagens tekst
field-day-text-help = En beretning om dagen, som ikke er ét besøg: står efter programmet og før dagens første besøg, uden overskrift. Tom linje mellem afsnit. *kursiv*, **fed**, - punkt, 1. nummer, > citat, ## underoverskrift.
field-day-agenda = Program
field-day-agenda-one = punkt
field-day-agenda-help = Tomt: besøgenes titler.
field-day-agenda-time = Tidspunkt
field-day-agenda-time-example = fx 10.30–12.00
field-day-agenda-text = Punkt
field-day-agenda-text-example = fx Besøg på rådhuset
field-day-agenda-points = Underpunkter (ét pr. linje)
field-day-section = Besøg
field-day-section-one = besøg
field-day-section-title = Titel
field-day-section-title-example = fx Besøg på Malmö Stadshus
field-day-section-text = Tekst
field-day-section-text-help = Tom linje mellem afsnit. *kursiv*, **fed**, - punkt, 1. nummer, > citat, ## underoverskrift.
field-day-section-image = Billeder
field-day-section-image-one = billede
field-day-section-image-file = Billedfil
field-day-section-image-caption = Billedtekst
field-day-section-image-alt = Alternativ tekst (hvad billedet viser)
field-day-section-image-decorative = Kun pynt
field-day-section-image-decorative-unset = nej (standard)
field-section = Afsnit
field-section-one = afsnit
field-section-title = Titel
field-section-text = Tekst
field-section-text-help = Tom linje mellem afsnit. *kursiv*, **fed**, - punkt, 1. nummer, > citat, ## underoverskrift.
field-section-image = Billeder
field-section-image-one = billede
field-section-image-file = Billedfil
field-section-image-caption = Billedtekst
field-section-image-alt = Alternativ tekst (hvad billedet viser)
field-section-image-decorative = Kun pynt
field-section-image-decorative-unset = nej (standard)
field-accounts = Regnskab
field-accounts-title = Overskrift
field-accounts-vat = Moms
field-accounts-vat-excluded = beløb uden moms
field-accounts-vat-included = beløb med moms
field-accounts-vat-unstated = ikke oplyst
field-accounts-vat-unset = beløb uden moms (standard)
field-accounts-participants = Antal deltagere
field-accounts-participants-help = Tomt: deltagerlisten tælles.
field-accounts-total = Samlet (kontrol)
field-accounts-total-help = Skal give det samme som posterne tilsammen.
field-accounts-published_total = Offentliggjort samlet beløb
field-accounts-published_total-example = fx 81.252
field-accounts-published_total-help = Summen præcis som den godkendte rapport trykte den, når posterne giver en anden sum: sumrækken viser den, en note siger, hvad posterne giver, og prisen per deltager regnes af den. Ikke sammen med Samlet (kontrol).
field-accounts-price = Pris per deltager
field-accounts-price-unset = vises, når antallet kendes (standard)
field-accounts-price-help = Vælg nej, når rapporten ikke angav en pris per deltager; antallet af deltagere vises stadig.
field-accounts-text = Tekst over tabellen
field-accounts-text-help = Tom linje mellem afsnit. *kursiv*, **fed**, - punkt, 1. nummer, > citat, ## underoverskrift.
field-accounts-item = Poster
field-accounts-item-one = post
field-accounts-item-label = Tekst
field-accounts-item-label-example = fx Fly
field-accounts-item-amount = Beløb
field-accounts-item-amount-example = fx 12.500
field-accounts-item-amount-help = I kroner, som du plejer: 12.500, 1.150,50 eller 12.500 kr.
field-accounts-item-budget = Budget
field-accounts-item-budget-example = fx 12.000
field-accounts-item-note = Note

ui-other-language = English
ui-trips = Studieture
ui-fine = i orden
ui-errors-one = {$n} fejl
ui-errors-other = {$n} fejl
ui-warnings-one = {$n} advarsel
ui-warnings-other = {$n} advarsler
ui-title = Titel
ui-dates = Datoer
ui-committee = Udvalg
ui-file = Fil
ui-status = Status
ui-new-trip = Ny studietur
ui-file-name = Filnavn (fx 2025-berlin)
ui-create = Opret
ui-editing = Redigér {$name}
ui-form = Formular
ui-toml = TOML
ui-views = Formular eller TOML
ui-save = Gem
ui-saved = Gemt
ui-unsaved = Ikke gemt
ui-saved-with-errors-one = Gemt – filen har {$n} fejl, som rapporten ikke kan laves med
ui-saved-with-errors-other = Gemt – filen har {$n} fejl, som rapporten ikke kan laves med
ui-undo = Fortryd
ui-reload = Hent filen fra disken
ui-pdf = Hent PDF
ui-pdf-failed = PDF'en kan ikke laves, før fejlene er rettet.
ui-preview = Forhåndsvisning
ui-no-preview = Ingen forhåndsvisning endnu
ui-stale = Forhåndsvisningen viser den seneste version uden fejl. Ret fejlene for at se dine ændringer.
ui-page = Side {$n} af {$of}
ui-page-png = Side {$n} som billede
ui-ms = opdateret på {$ms} ms
ui-outline = Indhold
ui-file-group = Om filen
ui-add = Tilføj {$what}
ui-remove = Fjern {$what}
ui-up = Flyt {$what} op
ui-down = Flyt {$what} ned
ui-removed = {$what} er fjernet.
ui-undo-remove = Fortryd
ui-not-undone = Det kan ikke fortrydes længere: der er ændret i det samme siden.
ui-upload = Læg et billede op
ui-not-image = Vælg et billede i PNG, JPEG, WebP eller GIF.
ui-too-large = Billedet fylder {$size} MB; et billede må højst fylde {$max} MB. Gør det mindre, og prøv igen.
ui-alt-now = Billedet er lagt op. Skriv nu den alternative tekst.
ui-errors-in-file-one = {$n} fejl skal rettes
ui-errors-in-file-other = {$n} fejl skal rettes
ui-go-to = Gå til feltet
ui-see-toml = Se under TOML
ui-syntax = Filen kan ikke læses som TOML: ret den under fanen TOML.
ui-fix-first = Ret først de felter, der er markeret: deres indhold er ikke taget med.
ui-merged = Gemt – filen var ændret på disken, og ændringerne er flettet sammen.
ui-conflict = {$field} er ændret i et andet vindue til “{$theirs}”. Din tekst var “{$yours}”.
ui-use-mine = Brug min tekst
ui-keep-theirs = Behold den nye
ui-recovered = Du har ændringer fra {$time}, som ikke blev gemt.
ui-restore = Gendan dem
ui-discard = Kassér dem
ui-offline = Forbindelsen til studietur er afbrudt. Dine ændringer er gemt i en kladde; siden prøver igen af sig selv.
ui-unreachable = studietur svarer ikke.
ui-locked-title = Åbn editoren fra terminalen
ui-locked = Denne browser har ikke editorens nøgle endnu. Åbn den adresse, studietur serve skrev i terminalen (den med #key=), én gang; derefter virker bogmærket.
ui-text-too-large = Teksten fylder {$size} MB; en tur må højst fylde {$max} MB.
ui-yes = ja
ui-no = nej
ui-contents-of = Indhold af {$what}
ui-no-trips = Der er ingen studieture i mappen endnu. Opret den første herunder.

form-number_too_large = tallet {$written} er for stort
form-date_as_written = {$label}: {$value} er ikke en dato; vælg datoen i kalenderen
form-missing_table_in_file = udfyld {$label}
form-missing_table_in = udfyld {$label}
form-missing_key_in_file = udfyld {$label}
form-missing_key_in = {$label} mangler: udfyld feltet
form-unknown_table_or_key = filen har en oplysning, som studietur ikke kender ({$key}); ret eller fjern den under fanen TOML
form-unknown_key_in = filen har en oplysning, som studietur ikke kender ({$key}); ret eller fjern den under fanen TOML
form-key_belongs_in = en oplysning ({$key}) står det forkerte sted i filen; flyt den under fanen TOML
form-table_takes_keys = filen har en oplysning, som studietur ikke kender ({$key}); ret eller fjern den under fanen TOML
form-list_entry_not_text = {$label}: hvert punkt skal være tekst
form-agenda_entry_wrong = {$label}: hvert punkt skal være en tekst
form-kind_text = tekst
form-kind_whole_number = et heltal
form-kind_decimal = et decimaltal
form-kind_bool = ja eller nej
form-kind_date = en dato
form-kind_list = en liste
form-kind_table = en tabel
form-kind_amount = et beløb
form-kind_true_or_false = ja eller nej
form-kind_text_list = en liste af tekster
form-kind_table_list = en liste af tabeller
form-wrong_type = {$label} skal være {$expected}
form-wrong_type_in = {$label} skal være {$expected}
form-empty_value = {$label} er tom: skriv noget, eller tøm feltet helt, hvis det ikke skal med
form-empty_value-required = {$label} er tom: udfyld feltet
form-long_paragraph = {$label}: et afsnit er {$chars} tegn langt; højst {$max}. Del det op med en tom linje
form-too_many_entries = {$label}: der er {$count}; en rapport må højst have {$max}
form-long_word = {$label} har et ord på {$chars} tegn uden mellemrum; højst {$max}
form-heavy_letter = {$label} har et bogstav med for mange tegn over og under sig ({$chars}; højst {$max})
form-control_char = {$label} indeholder et usynligt styretegn (U+{$code}); slet det og skriv teksten igen
form-unprintable = {$label} har tegn, som rapportens skrift ikke kan skrive: {$chars}
form-date_with_time = {$label} skal være en dato uden klokkeslæt
form-amount_wrong_type = {$label} skal være et beløb, fx 12.500 eller 1.150,50
form-amount_negative = {$label} kan ikke være negativt: skriv det, der blev brugt, som 0 eller mere
form-amount_problem = {$label}: {$problem}
form-amount_negative_reason = et beløb kan ikke være negativt
form-amount_too_many_decimals = {$written} har mere end to decimaler
form-amount_not_a_number = {$written} er ikke et beløb; skriv fx 12.500 eller 1.150,50
form-amount_too_large = beløbet er for stort
form-md_link_reference = {$label}: en linje som denne ({$label}) bliver ikke skrevet ud; skriv linket, hvor det bruges
form-md_bad_link = {$label}: linket {$url} er ikke en web- eller mailadresse
form-md_empty_heading = en underoverskrift har ingen ord
form-md_third_level = {$label}: en tekst har højst to niveauer af underoverskrifter
form-md_too_nested = lister og citater står mere end {$max} niveauer inden i hinanden her
form-md_long_link = linkmålet er {$bytes} tegn langt; højst {$max}
form-unknown_format = filens format ({$literal}) kendes ikke; denne version læser format 1
form-unknown_language = vælg tekstens sprog: dansk eller engelsk
form-end_before_start = sidste dag ({$end}) ligger før første dag ({$start})
form-intro_title_hidden = titlen vises ikke, fordi indledningen er uden overskrift
form-day_before_trip = datoen {$date} ligger før turens første dag, {$first}: ret datoen, eller ret turens første dag
form-day_after_trip = datoen {$date} ligger efter turens sidste dag, {$last}: ret datoen, eller ret turens sidste dag
form-day_twice = der er to dage med datoen {$date}; saml dem i én
form-day_out_of_order = dagen {$date} står efter {$previous}; flyt den op
form-agenda_misses_section = programmet nævner ikke besøget {$title}
form-day_empty = dagen {$date} har hverken program, besøg eller egen tekst
form-unknown_vat = vælg, om beløbene er med eller uden moms
form-participants_not_positive = antallet af deltagere skal være mindst 1
form-participants_mismatch = antallet af deltagere er {$value}, men listen har {$listed} navne; ret tallet, eller tøm feltet, så listen tælles
form-accounts_no_items = regnskabet har ingen poster: tilføj mindst én post med tekst og beløb
form-items_without_budget = {$missing} af {$items} poster har intet budget ({$names}); udfyld budget i dem alle eller i ingen
form-sum_overflow = posternes sum er for stor til at regne ud
form-budget_sum_overflow = budgetternes sum er for stor til at regne ud
form-total_differs = {$label} er {$total}, men posterne giver tilsammen {$sum}; ret den post, der er forkert, eller {$label}
form-party_in_brackets = {$label}: skriv bogstaverne uden parentes, fx S; rapporten sætter parentesen efter navnet
form-total_and_published_total = udfyld enten Samlet (kontrol) eller Offentliggjort samlet beløb, ikke begge
form-published_total_differs = {$label} er {$published}, men posterne giver tilsammen {$sum}; rapporten viser {$published} og en note med {$sum} (i orden, når den godkendte rapport viste {$published})
form-price_without_count = prisen per deltager kan ikke vises: udfyld antallet af deltagere, eller skriv deltagerne under Deltagere
form-alt_empty = {$label} er tom: beskriv, hvad billedet viser
form-no_alt = billedet har ingen alternativ tekst: beskriv, hvad det viser, eller markér det som pynt
form-file_empty = vælg et billede
form-leads_out = billedet {$path} ligger uden for turens mappe; læg det op igen med knappen
form-link_leads_out = billedet {$path} er et link ud af turens mappe; læg selve billedet op med knappen
form-cannot_open_picture = billedet {$path} kan ikke åbnes: {$error}
form-not_a_file = {$path} er ikke en billedfil
form-cannot_read_picture = billedet {$path} kan ikke læses: {$error}
form-not_an_image = {$path} kan ikke vises i rapporten: {$reason}
form-no_such_file = filen findes ikke
form-permission_denied = adgang nægtet
form-no_pixels = det har ingen pixels
form-too_many_pixels = det er {$width} × {$height} pixels ({$megapixels} megapixels); rapporten tager billeder på op til {$max} megapixels
form-unknown_content = indholdet er ikke PNG, JPEG, GIF, WebP eller SVG
form-format_unsupported = billeder af typen {$format} kan ikke bruges
form-image_unreadable = det kan ikke læses ({$error})
form-image_error = billedet kan ikke læses ({$error})
form-too_large_to_decode = det er for stort til at blive afkodet inden for {$max} MB; gem det som JPEG eller mindre
form-image_undecodable = det kan ikke afkodes ({$error})
form-cannot_reencode = det kan ikke kodes igen ({$error})
form-jpeg_unreadable = JPEG-filen kan ikke læses ({$error})
form-jpeg_undecodable = JPEG-filen kan ikke afkodes ({$error})
form-jpeg_markers_damaged = JPEG-filen er beskadiget (dens markører kan ikke læses)
form-jpeg_truncated = JPEG-filen er afkortet: dens slutning mangler
form-jpeg_damaged = JPEG-filen er beskadiget og kan ikke afkodes
form-jpeg_no_frame = JPEG-filen har intet billede
form-jpeg_pixels_mismatch = JPEG-filens pixels passer ikke til dens størrelse
form-progressive_too_large = det er en progressiv JPEG på {$megapixels} megapixel; en progressiv JPEG må højst have {$max} (den afkodes i sin helhed)
form-svg_no_size = SVG-filen har ingen størrelse
form-svg_too_large = SVG-filen siger, den er {$width} × {$height} pixels; højst {$max} hver vej
form-svg_not_utf8 = SVG-filen er ikke UTF-8-tekst
form-svg_too_many_elements = SVG-filen har mere end {$max} elementer, for mange til at tegne
form-svg_unreadable = SVG-filen kan ikke læses ({$error})
form-svg_elements = SVG-filen har {$count} elementer; højst {$max} kan tegnes
form-svg_script = SVG-filen indeholder et script
form-svg_foreign_object = SVG-filen indeholder HTML inde i billedet
form-svg_refers_to_file = SVG-filen henviser til en anden fil eller adresse ({$value})
form-svg_refers_to_url = SVG-filen henviser til en adresse ({$value})
form-svg_script_attribute = SVG-filen indeholder et script ({$name})
form-svg_style_refers = SVG-filens style henviser til en anden fil eller URL
form-svg_unprintable = SVG-filens tekst har tegn, som skrifttyperne ikke kan skrive: {$chars}
form-svg_effects = SVG'en har {$count} effekter (filtertrin og masker); højst {$max}
form-svg_too_big = SVG-filen fylder {$size} MB; en SVG må højst fylde {$max} MB
form-svg_step_too_costly = SVG'en bruger effekten {$step}, som kan tage minutter at tegne
form-svg_much_text = SVG'en indeholder {$count} tegn tekst; højst {$max}
form-svg_effects_too_large = SVG'en er {$width} × {$height} pixel og har effekter (filtre eller masker); med effekter må den højst være {$max} × {$max}
form-other = {$label}: {$message}

## Editorens import: en rapport taget på startsiden, med hendes ord

import_editor_exists = {$name} findes allerede i mappen, så rapporten importeres ikke igen. Åbn den fra listen, eller flyt den fil væk først.
import_editor_photo_exists = Et andet billede med navnet {$path} findes allerede i mappen, så intet importeres. Flyt det væk først.
import_editor_leads_out = Billedmappen images er et link ud af den mappe, editoren viser, så intet importeres.
import_editor_unwritable = Turen kan ikke skrives i mappen ({$error}), så intet importeres.
import_editor_too_large = Dokumentet fylder {$size} MB; et dokument må højst fylde {$max} MB.
import_editor_kind = Vælg et Word-dokument (.docx), en PDF eller en tekstfil (.txt).
import_editor_incomplete = Dokumentet kom ikke helt frem. Prøv igen.
form-import_kind = filen {$path} er hverken et Word-dokument, en PDF eller en tekstfil
form-import_kind_help = vælg en .docx-, .pdf- eller .txt-fil (gem en .doc som .docx i Word først)
form-import_unreadable = filen {$path} kan ikke læses: {$error}
form-import_no_text = filen {$path} har ingen tekst, kun billeder af siderne (en scanning)
form-import_empty = filen {$path} har ingen tekst
form-import_encrypted = filen {$path} er beskyttet med en adgangskode
form-import_too_large = filen {$path} er større end {$max} MB
form-import_too_much_text = filen {$path} rummer {$size} MB tekst, mere end en tur må rumme ({$max} MB)
form-import_too_complex = filen {$path} er for kompliceret at læse: {$reason}
form-import_not_text = filen {$path} er ikke tekst: den rummer tegn, som ingen tekstfil har
form-import_not_text_help = vælg selve PDF'en eller Word-dokumentet
form-import_not_accepted = turen lavet af {$path} består ikke tjekket: {$problems}
form-import_not_accepted_help = intet importeres; meld det gerne med dokumentet, det er en fejl i studietur
form-found_published_total = summen som trykt, {$sum}, som offentliggjort samlet beløb
form-found_no_price = der var ingen pris per deltager trykt, så ingen vises
form-found_days = {$count ->
    [one] 1 dag
   *[other] {$count} dage
}, {$first} til {$last}
form-found_day = {$date}: {$visits ->
    [one] 1 besøg
   *[other] {$visits} besøg
}, program med {$entries ->
    [one] 1 punkt
   *[other] {$entries} punkter
}
form-found_place = {$date}: stedet "{$place}"
form-found_day_text = {$date}: dagens egen tekst (før dens første besøg)
form-check_year = "{$heading}" har intet årstal: læst som {$date}
form-check_no_agenda = der blev ikke fundet noget program for {$date}: rapporten viser besøgenes titler
form-check_no_committee = der blev ikke fundet noget udvalg: udfyld Udvalg
form-check_no_municipality = der blev ikke fundet nogen kommune: udfyld Kommune
form-check_no_destination = der blev ikke fundet noget rejsemål: udfyld Destination
form-check_no_days = der blev ikke fundet overskrifter med datoer for dagene: første dag er {$date}; udfyld turens rigtige datoer
form-check_total = dokumentets sum {$printed} er ikke posternes sum {$sum}: den er gemt som offentliggjort samlet beløb, så rapporten viser den som offentliggjort og noterer, hvad posterne giver; var en post trykt forkert, så ret posten, tøm Offentliggjort samlet beløb, og udfyld Samlet (kontrol) i stedet
form-check_count_and_list = teksten siger {$count} deltagere, men nævner {$listed}: antallet er en kommentar ved regnskabet under fanen TOML
form-check_alt = billedet {$file} har ingen alternativ tekst i dokumentet: billedteksten eller en pladsholder står i stedet; skriv, hvad billedet viser
form-check_unplaced = disse ord kom ikke med i rapporten og står kun i kommentarerne øverst i filen (fanen TOML): {$words}
form-check_captions = {$count ->
    [one] 1 afsnit ligner en billedtekst, men selve billedet blev ikke importeret
   *[other] {$count} afsnit ligner billedtekster, men selve billederne blev ikke importeret
}: tilføj billederne til deres besøg med knappen Læg et billede op
form-check_pdf_pictures = {$count ->
    [one] PDF'en har 1 billede; det er ikke importeret (dets beskrivelse og teksten i det står i kommentarerne øverst i filen, fanen TOML)
   *[other] PDF'en har {$count} billeder; de er ikke importeret (deres beskrivelser og teksten i dem står i kommentarerne øverst i filen, fanen TOML)
}: tilføj billederne til deres besøg med knappen Læg et billede op
form-check_image_refused = billede {$number} i dokumentet blev ikke importeret: {$reason}; dets beskrivelse og billedtekst står i kommentarerne øverst i filen (fanen TOML)
form-check_shortened = {$count ->
    [one] 1 ord eller værdi var længere, end en tur tillader, og er forkortet (…); det hele står i kommentarerne øverst i filen (fanen TOML)
   *[other] {$count} ord eller værdier var længere, end en tur tillader, og er forkortet (…); hvert af dem står helt i kommentarerne øverst i filen (fanen TOML)
}
ui-import = Importér rapport
ui-import-help = Et Word-dokument (.docx), en PDF eller dens tekst (.txt) med en tidligere rapport bliver til en tur i denne mappe, klar til at redigere. Ingen fil bliver overskrevet.
ui-import-file = Rapportens fil
ui-import-choose = Vælg først rapportens fil.
ui-importing = Importerer {$name} …
ui-import-too-large = Dokumentet fylder {$size} MB; et dokument må højst fylde {$max} MB.
ui-imported = {$file} er importeret som {$name}. Læs den igennem, og se på:
ui-imported-nothing = {$file} er importeret som {$name}. Intet særligt at se på: læs den igennem.
ui-import-found = Det blev genkendt
ui-close = Luk

## Keeping work safe: links and foreign paths in the archive (recheck of issue 22)
link_in_archive = `{$path}` i arkivet er et symbolsk link: studietur læser, skriver og fjerner kun arkivets filer gennem rigtige mapper og filer, aldrig gennem et link (det kunne føre ud af arkivet)
link_in_archive_help = læg selve mappen eller filen, hvor linket er (eller fjern linket), og kør igen
not_a_file_in_archive = `{$path}` i arkivet er ikke en almindelig fil
journal_foreign = journalen `{$path}` nævner `{$value}`, som ikke er en fil i den rapport, den arkiverer: intet gøres på dens ord
journal_foreign_help = journalen er redigeret eller skrevet af andet end studietur; flyt `{$path}` ud af arkivet, og kør så `studietur verify`
web_repairable = dens kilder giver stadig den registrerede webside: `verify --repair` skriver dens manglende eller beskadigede filer igen
editor_too_many_changes = {$count} ændringer på én gang: editoren tager højst {$limit}; intet er ændret
