#!/usr/bin/env python3
"""Writes the Word documents that `studietur import` is tested on.

Each document is written as flat OpenDocument (.fodt) in one of the habits
people have when they write a study-trip report in an office program, and
LibreOffice (headless) saves it as .docx, as Word users receive it. The
.docx files are committed, so the tests need no LibreOffice; run this again
(with LibreOffice installed: apt-get install libreoffice-writer-nogui) only
to change them:

    python3 tests/import/make_docs.py

Habits: styles (Title, Heading 1/2, lists, links, a table, an accounts
table with a sum row, participants, a contact block, headers and footers);
look (bold, larger lines instead of heading styles, empty paragraphs for
spacing, manual line breaks, tabs between time and text, "Tirsdag d. 18/4"
without a year); textbox (the programme in a text box beside the text);
table (the programme as a two-column table of times); photos (photos with
alternative text and a caption under each); english (an English report).
cities (a trip in two cities: places, a day's own text, party letters, a
paragraph that starts "9. oktober", bullets typed by hand, a printed sum
that is not the items'); parties (participants in a table with a column of
party letters). It also saves "styles" and "cities" as PDF, and "cities" as
text (pdftotext), for the PDF and text tests. Name habits to write only
those: python3 tests/import/make_docs.py cities parties
"""

import base64
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
)

STYLES = """
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="da" fo:country="DK"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
  <style:text-properties fo:font-size="26pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:text-properties fo:font-size="9pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Big" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="BoldLine" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Huge" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="24pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Box" style:family="graphic">
  <style:graphic-properties fo:border="0.5pt solid #000000" fo:padding="0.2cm" style:wrap="parallel" style:horizontal-pos="right" style:horizontal-rel="paragraph" style:vertical-pos="top" style:vertical-rel="paragraph"/>
 </style:style>
 <style:style style:name="Pic" style:family="graphic">
  <style:graphic-properties style:wrap="none" style:horizontal-pos="center" style:horizontal-rel="paragraph"/>
 </style:style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:space-before="0.6cm" text:min-label-width="0.6cm"/></text:list-level-style-bullet>
  <text:list-level-style-bullet text:level="2" text:bullet-char="◦"><style:list-level-properties text:space-before="1.2cm" text:min-label-width="0.6cm"/></text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Numbers">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:space-before="0.6cm" text:min-label-width="0.6cm"/></text:list-level-style-number>
 </text:list-style>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">Studietur 2024 – Berlin</text:p></style:header>
  <style:footer><text:p text:style-name="Footer">Side <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
"""


def png(width, height, rgb):
    """A small PNG of one colour."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def t(s):
    return escape(s)


def p(text, style="Text_20_body"):
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def h(text, level):
    return f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{t(text)}</text:h>'


def bullets(items, style="Bullets"):
    out = [f'<text:list text:style-name="{style}">']
    for it in items:
        if isinstance(it, tuple):
            out.append(f"<text:list-item><text:p>{t(it[0])}</text:p>")
            out.append(bullets(it[1], style).replace(f' text:style-name="{style}"', "", 1))
            out.append("</text:list-item>")
        else:
            out.append(f"<text:list-item><text:p>{t(it)}</text:p></text:list-item>")
    out.append("</text:list>")
    return "".join(out)


def table(rows, name="T"):
    cols = max(len(r) for r in rows)
    out = [f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{cols}"/>']
    for r in rows:
        out.append("<table:table-row>")
        for c in r:
            out.append(f'<table:table-cell office:value-type="string"><text:p>{t(c)}</text:p></table:table-cell>')
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def photo(name, alt, rgb):
    data = base64.b64encode(png(48, 32, rgb)).decode()
    title = f"<svg:title>{t(alt)}</svg:title><svg:desc>{t(alt)}</svg:desc>" if alt else ""
    return (
        f'<text:p text:style-name="Standard"><draw:frame draw:style-name="Pic" draw:name="{name}" '
        f'text:anchor-type="as-char" svg:width="8cm" svg:height="5.3cm">'
        f"<draw:image><office:binary-data>{data}</office:binary-data></draw:image>{title}</draw:frame></text:p>"
    )


def textbox(inner):
    return (
        '<draw:frame draw:style-name="Box" draw:name="Program" text:anchor-type="paragraph" '
        'svg:x="10cm" svg:y="0cm" svg:width="6cm" svg:height="5cm">'
        f"<draw:text-box>{inner}</draw:text-box></draw:frame>"
    )


INTRO = (
    "Kultur- og Fritidsudvalgets studietur gik i 2024 til Berlin i Tyskland. Formålet var at hente "
    "inspiration til arbejdet med biblioteker, idræt og frivillighed i Silkeborg Kommune."
)

VISITS = {
    1: [
        ("Velkomst på rådhuset i Berlin", "Udvalget blev budt velkommen af borgmesteren, som fortalte om byens kulturpolitik og om samarbejdet med foreningerne."),
        ("Besøg på Zentral- und Landesbibliothek", "Biblioteket viste, hvordan det åbner huset for borgere uden for den almindelige åbningstid. Der er over 3.000 besøgende om dagen."),
    ],
    2: [
        ("Idrætsparken i Prenzlauer Berg", "Parken drives af en forening med frivillige trænere. Udvalget så de nye baner og hørte om tilskuddene."),
        ("Oplæg om frivillighed", "Et oplæg fra bydelens frivilligcenter om at fastholde frivillige, særligt unge mellem 16 og 25 år."),
    ],
    3: [
        ("Opsamling og hjemrejse", "Udvalget samlede op på turens indtryk og drøftede, hvad der kan bruges i Silkeborg."),
    ],
}

DAYS = {1: "Mandag den 15. april 2024", 2: "Tirsdag den 16. april 2024", 3: "Onsdag den 17. april 2024"}
TIMES = {
    1: ["Kl. 10.00–11.30", "Kl. 13.00–15.00"],
    2: ["Kl. 9.30–12.00", "Kl. 13.30–14.30"],
    3: ["Kl. 9.00–11.00"],
}

ACCOUNTS = [
    ["Post", "Beløb (ekskl. moms)"],
    ["Flyrejser", "24.500 kr."],
    ["Hotel", "31.200 kr."],
    ["Forplejning", "9.850,50 kr."],
    ["Lokal transport", "2.300 kr."],
    ["Samlet", "67.850,50 kr."],
]

PARTICIPANTS = ["Anne Holm (A), formand", "Bo Jensen (V), næstformand", "Carla Berg (F)", "Dorte Lund, kulturchef"]

CONTACT = [
    "Eva Nørgaard",
    "Specialkonsulent, Kultur og Borgerservice",
    "eva.noergaard@silkeborg.dk",
    "Tlf. 89 70 12 34",
]


def visit_paras(day, styled=True, head=None):
    out = []
    for title, body in VISITS[day]:
        out.append(h(title, 2) if styled else head(title))
        out.append(p(t(body)))
    return out


def doc_styles():
    b = [p(t("Studietur 2024 – Berlin"), "Title"), p(t("Kultur- og Fritidsudvalget, Silkeborg Kommune"))]
    b += [h("Indledning", 1), p(t(INTRO)),
          p('Læs mere om <text:span text:style-name="B">byens biblioteker</text:span> og '
            '<text:span text:style-name="I">idrætsliv</text:span> på '
            '<text:a xlink:type="simple" xlink:href="https://www.berlin.de/">berlin.de</text:a>.')]
    b += [h("Deltagere", 1), bullets(PARTICIPANTS)]
    for d in (1, 2, 3):
        b.append(h(DAYS[d], 1))
        b.append(bullets([title for title, _ in VISITS[d]] + (["Hjemrejse"] if d == 3 else [])))
        b += visit_paras(d)
    b += [h("Læringspunkter", 1), p(t("Tre ting tager udvalget med hjem:")),
          bullets(["Åbne biblioteker", "Frivillige trænere", ("Unge frivillige", ["Særligt 16–25 år"])]),
          table([["Tema", "Næste skridt"], ["Biblioteker", "Forsøg i 2025"], ["Idræt", "Dialog med foreningerne"]], "Tema")]
    b += [h("Regnskab", 1), table(ACCOUNTS, "Regnskab"), p(t("Antal deltagere: 4"))]
    b += [h("Kontakt", 1)] + [p(t(line)) for line in CONTACT]
    return b


def doc_look():
    big = lambda s: p(t(s), "Big")
    bold = lambda s: p(t(s), "BoldLine")
    b = [p(t("Studietur til Berlin 2024"), "Huge"), p(""), p(t("Kultur- og Fritidsudvalget")), p(""), p("")]
    b += [bold("Indledning"), p(t(INTRO)), p("")]
    days = {1: "Mandag d. 15/4", 2: "Tirsdag d. 16/4", 3: "Onsdag d. 17/4"}
    for d in (1, 2, 3):
        b += [p(""), big(days[d]), p("")]
        lines = "<text:line-break/>".join(
            f"{t(tm)}<text:tab/>{t(title)}" for tm, (title, _) in zip(TIMES[d], VISITS[d]))
        b.append(p(lines))
        b.append(p(""))
        for title, body in VISITS[d]:
            b += [bold(title), p(t(body)), p("")]
    b += [big("Økonomi"), table(ACCOUNTS, "Okonomi"), p(""), p(t("Antal deltagere: 4"))]
    b += [p(""), bold("Kontakt"), p("<text:line-break/>".join(t(x) for x in CONTACT))]
    return b


def doc_textbox():
    b = [p(t("Studietur 2024 – Berlin"), "Title"), h("Indledning", 1), p(t(INTRO))]
    for d in (1, 2, 3):
        items = [title for title, _ in VISITS[d]]
        box = textbox(p(t("Dagens program"), "BoldLine") + bullets(items))
        b.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{box}{t(DAYS[d])}</text:h>')
        b += visit_paras(d)
    b += [h("Regnskab", 1), table(ACCOUNTS, "Regnskab"), p(t("Antal deltagere: 4"))]
    return b


def doc_table():
    b = [p(t("Studietur 2024 – Berlin"), "Title"), h("Indledning", 1), p(t(INTRO))]
    for d in (1, 2, 3):
        b.append(h(DAYS[d], 1))
        b.append(table([[tm, title] for tm, (title, _) in zip(TIMES[d], VISITS[d])], f"Program{d}"))
        b += visit_paras(d)
    b += [h("Regnskab", 1), table(ACCOUNTS, "Regnskab")]
    return b


def doc_photos():
    b = [p(t("Studietur 2024 – Berlin"), "Title"), h("Indledning", 1), p(t(INTRO))]
    colours = [(200, 40, 40), (40, 120, 200), (40, 160, 60)]
    n = 0
    for d in (1, 2):
        b.append(h(DAYS[d], 1))
        for title, body in VISITS[d]:
            b += [h(title, 2), p(t(body))]
            alt = f"Udvalget på besøg: {title}" if n != 2 else None
            b.append(photo(f"Foto{n}", alt, colours[n % 3]))
            b.append(p(t(f"Billede fra besøget: {title}."), "Caption"))
            n += 1
    return b


def doc_english():
    b = [p(t("Study trip 2024 – Boston"), "Title"), h("Introduction", 1),
         p(t("The Social Affairs Committee of Aarhus Kommune went on a study trip to Boston in the United States to learn about housing first."))]
    days = {1: "Monday 16 September 2024", 2: "Tuesday 17 September 2024"}
    visits = {1: [("Welcome at City Hall", "The deputy mayor welcomed the committee and presented the city's housing policy.")],
              2: [("Visit to a homeless shelter", "The shelter houses 120 people and works with the health services.")]}
    for d in (1, 2):
        b += [h(days[d], 1), bullets([v for v, _ in visits[d]])]
        for title, body in visits[d]:
            b += [h(title, 2), p(t(body))]
    b += [h("Accounts", 1), table([["Item", "Amount"], ["Flights", "DKK 40,000"], ["Hotel", "DKK 35,500"], ["Total", "DKK 75,500"]], "Acc")]
    return b


def doc_cities():
    """A trip in two cities as such reports are written: the place after the
    date in a day's heading or on a line "Sted:" under it, an account of the
    day before its first visit, party letters after the names (a table with
    a "Parti" column too), a paragraph that starts with a date ("9.
    oktober"), Word's bullets typed by hand, and a budget whose printed sum
    is not its items' sum, with no price per participant."""
    b = [p(t("Studietur 2023 – Oslo og Stockholm"), "Title"),
         p(t("Beskæftigelsesudvalget, Aalborg Kommune")), h("Indledning", 1),
         p(t("Beskæftigelsesudvalgets studietur gik i 2023 til Oslo og Stockholm. Den første uge var udvalget i Oslo, "
             "den anden i Stockholm.")),
         p(t("1. oktober blev programmet endeligt godkendt af udvalget.")),
         p(t("Udvalget havde tre temaer:")),
         p(t("•\tunge uden uddannelse")), p(t("•\tflygtninge")),
         p("•<text:tab/>" + t("virksomhederne") + "<text:line-break/>•<text:tab/>" + t("kommunens egne jobcentre"))]
    b += [h("Deltagere", 1), bullets(["Anne Holm (A), formand", "Orla Hav (S)", "Karen Bo (SF), næstformand",
                                      "Lis Ravn (RV)", "Per Dam (EL)", "Åse Lie (Ø)", "Jens Holm (IT), direktør"])]
    b += [h("Mandag den 2. oktober 2023 – Oslo", 1),
          p(t("Vi ankom til Oslo om morgenen og gik fra stationen til hotellet.")),
          h("NAV Grünerløkka", 2), p(t("NAV-kontoret samler stat og kommune under ét tag."))]
    b += [h("Tirsdag den 3. oktober 2023", 1), p(t("Sted: Oslo")),
          bullets(["Introduktionsprogrammet", "Virksomhedsbesøg hos Ruter"]),
          h("Introduktionsprogrammet", 2), p(t("Programmet varer op til tre år.")),
          h("Virksomhedsbesøg hos Ruter", 2), p(t("Ruter har ansat over 40 buschauffører."))]
    b += [h("Lørdag den 7. oktober 2023 (Stockholm)", 1),
          p(t("Lørdag rejste udvalget med tog fra Oslo til Stockholm. Resten af weekenden var fri.")),
          p(t("9. oktober om eftermiddagen begyndte programmet i Stockholm."))]
    b += [h("Mandag den 9. oktober 2023 – Jobbtorg", 1),
          h("Jobbtorg Stockholm", 2), p(t("Jobbtorg er kommunens egen indgang for ledige."))]
    b += [h("Regnskab", 1),
          table([["Post", "Beløb (ekskl. moms)"], ["Transport", "38.940 kr."], ["Hotel", "97.110 kr."],
                 ["Forplejning", "41.275 kr."], ["Samlet", "177.324 kr."]], "Regnskab"),
          p(t("Antal deltagere: 7"))]
    return b


def doc_party_table():
    """Participants in a table with a column of their parties' letters."""
    b = [p(t("Studietur 2024 – Berlin"), "Title"), h("Indledning", 1), p(t(INTRO))]
    b += [h("Deltagere", 1), table([["Navn", "Parti", "Rolle"], ["Anne Holm", "A", "formand"],
                                    ["Bo Jensen", "V", "næstformand"], ["Carla Berg", "SF", ""],
                                    ["Dorte Lund", "", "kulturchef"]], "Deltagere")]
    b.append(h(DAYS[1], 1))
    b += visit_paras(1)
    return b


HABITS = {
    "styles": doc_styles,
    "look": doc_look,
    "textbox": doc_textbox,
    "table": doc_table,
    "photos": doc_photos,
    "english": doc_english,
    "cities": doc_cities,
    "parties": doc_party_table,
}

# Habits also saved as PDF (LibreOffice) and as that PDF's text
# (pdftotext), for the PDF and text readers.
AS_PDF = {"styles": False, "cities": True}


# The running header of a habit, when not the Berlin trip's.
HEADERS = {"cities": "Studietur 2023 – Oslo og Stockholm"}


def fodt(blocks, header=None):
    styles = STYLES if header is None else STYLES.replace("Studietur 2024 – Berlin", t(header))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{styles}<office:body><office:text>{''.join(blocks)}</office:text></office:body></office:document>\n"
    )


def convert(src, kind, outdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is needed: apt-get install libreoffice-writer-nogui")
    filt = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export"}[kind]
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", filt, "--outdir", outdir, src],
            check=True, stdout=subprocess.DEVNULL,
        )


def main():
    """Writes every habit, or those named on the command line."""
    wanted = sys.argv[1:] or list(HABITS)
    with tempfile.TemporaryDirectory() as tmp:
        for name in wanted:
            src = os.path.join(tmp, f"{name}.fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(fodt(HABITS[name](), HEADERS.get(name)))
            convert(src, "docx", HERE)
            print(f"wrote tests/import/{name}.docx")
            if name in AS_PDF:
                convert(src, "pdf", HERE)
                print(f"wrote tests/import/{name}.pdf")
            if AS_PDF.get(name):
                pdf = os.path.join(HERE, f"{name}.pdf")
                subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, os.path.join(HERE, f"{name}.txt")], check=True)
                print(f"wrote tests/import/{name}.txt")


if __name__ == "__main__":
    main()
