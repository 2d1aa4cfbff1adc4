//! Hostile inputs to `studietur import`, made small here: a zip bomb of a
//! Word document, one with too many parts, XML nested without end, a
//! picture of ten thousand megapixels, PDFs whose objects go round in
//! circles or draw themselves, a PDF page that unpacks to gigabytes, text
//! that is not UTF-8 or not text at all. Each is refused with a message
//! that names the file (or imported without what cannot be taken, said
//! so), quickly, and nothing is written.

use crate::common::{stderr, studietur};
use std::io::Write;
use std::time::{Duration, Instant};
use studietur::import::{self, Imported};
use studietur::locale::Lang;

/// The content types and package relations every .docx has.
const CONTENT_TYPES: &str = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
const PACKAGE_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;

/// A .docx of these parts (besides the two every one has).
fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let all = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
    ];
    for (name, bytes) in all.iter().chain(parts) {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A Word body.
fn document(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#)
        .into_bytes()
}

/// A PDF of these objects (1 is the catalog), with its cross-reference
/// table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend(data);
    s.extend(b"\nendstream");
    s
}

fn obj(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const PAGE: &str =
    "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>";

/// Imports `bytes` as `name`, in bounded time.
fn import(name: &str, bytes: &[u8]) -> Result<Imported, String> {
    let start = Instant::now();
    let r = import::import(name, bytes, Lang::En);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(60), "{name} took {took:?}");
    r.map_err(|r| r.message.in_lang(Lang::En))
}

fn refused(name: &str, bytes: &[u8], says: &str) {
    match import(name, bytes) {
        Ok(i) => panic!("{name} was imported:\n{}", i.trip),
        Err(m) => {
            assert!(m.contains(&format!("`{name}`")), "{m}");
            assert!(m.contains(says), "{name}: {m}");
        }
    }
}

#[test]
fn word_bombs_depths_and_crowds_are_refused() {
    // 70 MB of XML packed into some 70 KB.
    let mut body = b"<w:p><w:r><w:t>Hej ".to_vec();
    body.resize(70 * 1024 * 1024, b' ');
    body.extend(b"</w:t></w:r></w:p>");
    let bomb = docx(&[(
        "word/document.xml",
        &document(&String::from_utf8(body).unwrap()),
    )]);
    assert!(bomb.len() < 1024 * 1024);
    refused(
        "bomb.docx",
        &bomb,
        "its part word/document.xml unpacks to more than 64 MB",
    );
    // Links in links, and content controls in content controls, 100,000 deep.
    let n = 100_000;
    for (open, close, inner) in [
        (
            "<w:hyperlink>",
            "</w:hyperlink>",
            "<w:r><w:t>dybt</w:t></w:r>",
        ),
        (
            "<w:sdt><w:sdtContent>",
            "</w:sdtContent></w:sdt>",
            "<w:p><w:r><w:t>dybt</w:t></w:r></w:p>",
        ),
    ] {
        let body = format!("{}{inner}{}", open.repeat(n), close.repeat(n));
        let body = if open.contains("hyperlink") {
            format!("<w:p>{body}</w:p>")
        } else {
            body
        };
        let deep = docx(&[("word/document.xml", &document(&body))]);
        refused("deep.docx", &deep, "more than 40 levels deep");
    }
    // More parts than a document has, counted before they are read.
    let names: Vec<String> = (0..10_001).map(|i| format!("x/{i}")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let doc = document("<w:p><w:r><w:t>Hej</w:t></w:r></w:p>");
    parts.push(("word/document.xml", &doc));
    refused("crowd.docx", &docx(&parts), "it has more than 10000 parts");
    // Two million elements.
    let many = document(&"<w:p><w:r><w:t>ord</w:t></w:r></w:p>".repeat(700_000));
    refused(
        "many.docx",
        &docx(&[("word/document.xml", &many)]),
        "has more than 2000000 XML elements",
    );
}

/// CRC-32 of PNG chunks.
fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for b in bytes {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A PNG's header chunk, saying it has `w` × `h` pixels (no pixels follow).
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc32(&ihdr).to_be_bytes());
    let mut idat = lopdf::Stream::new(lopdf::Dictionary::new(), vec![0; 100]);
    idat.compress().unwrap();
    let chunk = [b"IDAT".as_slice(), &idat.content].concat();
    png.extend(u32::try_from(idat.content.len()).unwrap().to_be_bytes());
    png.extend(&chunk);
    png.extend(crc32(&chunk).to_be_bytes());
    png.extend(0u32.to_be_bytes());
    png.extend(b"IEND");
    png.extend(crc32(b"IEND").to_be_bytes());
    png
}

#[test]
fn a_picture_beyond_the_photos_limits_is_left_out_with_its_words_kept() {
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.png"/></Relationships>"#;
    let drawing = |id: &str, descr: &str| {
        format!(
            r#"<w:r><w:drawing><wp:inline><wp:docPr id="1" name="P" descr="{descr}"/><a:graphic><a:graphicData><a:blip r:embed="{id}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
        )
    };
    let body = format!(
        "<w:p><w:r><w:t>Mandag den 15. april 2024</w:t></w:r></w:p>\
         <w:p><w:r><w:t>Besøg på rådhuset, med et stort billede.</w:t></w:r>{}</w:p><w:p>{}</w:p>",
        drawing("rId5", "Rådhuset set fra pladsen"),
        drawing("rId6", "Et billede der pakker ud til meget"),
    );
    // 10,000 megapixels in a few bytes; 130 MB of zeros packed small.
    let mut zeros = b"\x89PNG".to_vec();
    zeros.resize(130 * 1024 * 1024, 0);
    let bytes = docx(&[
        ("word/document.xml", &document(&body)),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/media/image1.png", &png_header(100_000, 100_000)),
        ("word/media/image2.png", &zeros),
    ]);
    let imported = import("photo.docx", &bytes).unwrap();
    assert!(imported.images.is_empty());
    let said: Vec<String> = imported.check.iter().map(|c| c.in_lang(Lang::En)).collect();
    assert!(
        said.iter()
            .any(|c| c.starts_with("picture 1 ") && c.contains("200 megapixels")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|c| c.starts_with("picture 2 ") && c.contains("more than 128 MB")),
        "{said:?}"
    );
    assert!(imported.trip.contains("Rådhuset set fra pladsen"));
    assert!(imported.trip.contains("Et billede der pakker ud til meget"));
    assert!(import::verify(&imported).is_ok());
}

#[test]
fn pdfs_that_go_round_in_circles_or_without_end_are_refused() {
    let text = "BT /F1 12 Tf 72 700 Td (Besog i Oslo) Tj ET";
    // A page tree that holds itself.
    let circle = pdf(&[
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 /Parent 2 0 R >>"),
        obj(PAGE),
        stream("", text.as_bytes()),
        obj(FONT),
    ]);
    refused("circle.pdf", &circle, "cannot read");
    // A drawing that draws itself ten times, at every level.
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 100 100] \
         /Resources << /XObject << /X 6 0 R >> /Font << /F1 5 0 R >> >>",
        format!("{text} {}", "/X Do ".repeat(10)).as_bytes(),
    );
    let selfish = pdf(&[
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj(PAGES),
        obj(
            "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> /Contents 4 0 R >>",
        ),
        stream("", format!("{text} /X Do").as_bytes()),
        obj(FONT),
        form,
    ]);
    refused(
        "selfish.pdf",
        &selfish,
        "is too complex to read: its pages take more than 20 million drawing operations",
    );
    // A page whose content unpacks to 120 MB.
    let mut packed = lopdf::Stream::new(lopdf::Dictionary::new(), b"0 0 m ".repeat(20 << 20));
    packed.compress().unwrap();
    let bomb = pdf(&[
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj(PAGES),
        obj(PAGE),
        stream("/Filter /FlateDecode", &packed.content),
        obj(FONT),
    ]);
    refused("bomb.pdf", &bomb, "its page 1 draws more than 8 MB");
    // Half a million objects and more.
    let mut crowd = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj(PAGES),
        obj(PAGE),
        stream("", text.as_bytes()),
        obj(FONT),
    ];
    crowd.resize(510_000, obj("null"));
    refused("crowd.pdf", &pdf(&crowd), "it has more than 500000 objects");
    // 200,000 brackets deep.
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let deep = pdf(&[
        obj(&format!("<< /Type /Catalog /Pages 2 0 R /Deep {deep} >>")),
        obj(PAGES),
        obj(PAGE),
        stream("", format!("{text} {deep} Tj").as_bytes()),
        obj(FONT),
    ]);
    assert!(import("deep.pdf", &deep).is_err());
}

#[test]
fn a_structure_tree_in_circles_still_marks_its_figure() {
    let content = "/P <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (Udvalget rejste til Oslo) Tj ET EMC \
                   /Span <</MCID 1>> BDC BT /F1 12 Tf 72 600 Td (Tekst i billedet) Tj ET EMC";
    let tagged = pdf(&[
        obj("<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R >>"),
        obj(PAGES),
        obj(PAGE),
        stream("", content.as_bytes()),
        obj(FONT),
        // The role map goes round (Billede → Bild → Billede), and the
        // elements hold their parents.
        obj(
            "<< /Type /StructTreeRoot /K [7 0 R 8 0 R] /RoleMap << /Billede /Bild /Bild /Billede /Foto /Figure >> >>",
        ),
        obj("<< /Type /StructElem /S /Billede /P 6 0 R /K [0 6 0 R 7 0 R] /Pg 3 0 R >>"),
        obj(
            "<< /Type /StructElem /S /Foto /P 6 0 R /K [1 8 0 R 6 0 R] /Pg 3 0 R /Alt (Et foto af havnen) >>",
        ),
    ]);
    let imported = import("tagged.pdf", &tagged).unwrap();
    assert!(
        imported
            .trip
            .contains("#   | [Et foto af havnen] Tekst i billedet"),
        "{}",
        imported.trip
    );
    assert!(import::verify(&imported).is_ok());
}

#[test]
fn text_that_is_not_utf8_is_read_or_refused() {
    // Windows-1252, as older Windows programs save Danish text.
    let latin: Vec<u8> = "Studietur til Århus\n\nMandag den 17. april 2023\n\nUdvalget besøgte rådhuset og så på økonomien.\n"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let imported = import("latin1.txt", &latin).unwrap();
    assert!(imported.trip.contains("økonomien"), "{}", imported.trip);
    assert!(
        imported
            .check
            .iter()
            .any(|c| c.id() == "check_text_encoding")
    );
    // UTF-16 with its byte order mark (Notepad's "Unicode").
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Studietur til Århus\n\nUdvalget besøgte rådhuset.\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    assert!(
        import("utf16.txt", &utf16)
            .unwrap()
            .trip
            .contains("besøgte")
    );
    // Bytes that no text has.
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    refused("binary.txt", &binary, "is not text");
    // More text than a trip file holds, refused before it is read.
    let long = "Udvalget besøgte rådhuset. ".repeat(400_000);
    let start = Instant::now();
    refused(
        "long.txt",
        long.as_bytes(),
        "more than a trip file may hold (2 MB)",
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn the_command_names_each_hostile_file_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "<w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p>",
        "<w:hyperlink>".repeat(50_000),
        "</w:hyperlink>".repeat(50_000)
    );
    std::fs::write(
        dir.path().join("deep.docx"),
        docx(&[("word/document.xml", &document(&deep))]),
    )
    .unwrap();
    std::fs::write(dir.path().join("binary.txt"), [0u8, 1, 2, 3, 255]).unwrap();
    let o = studietur(
        dir.path(),
        &["import", "deep.docx", "binary.txt", "-o", "out"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("cannot read `deep.docx`"), "{err}");
    assert!(err.contains("`binary.txt` is not text"), "{err}");
    assert!(err.contains("0 imported, 2 failed"), "{err}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_document_beyond_the_format_limits_still_gives_a_file_that_checks() {
    let heading = |t: &str| {
        format!(r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
    };
    let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let long_word = "x".repeat(4_000);
    let mut body = para("Studietur til Berlin");
    // A paragraph of 36,000 characters, a word of 4,000, a letter of 41.
    body.push_str(&para(&"Udvalget talte med borgmesteren. ".repeat(1_100)));
    body.push_str(&para(&format!("Se {long_word} her.")));
    body.push_str(&para(&format!("Udvalget a{} så.", "\u{301}".repeat(40))));
    // 600 sections.
    for i in 0..600 {
        body.push_str(&heading(&format!("Afsnit {i}")));
        body.push_str(&para(&format!("Tekst om afsnit {i}.")));
    }
    let imported = import(
        "lang.docx",
        &docx(&[("word/document.xml", &document(&body))]),
    )
    .unwrap();
    if let Err(d) = import::verify(&imported) {
        let text: Vec<String> = d.iter().map(|d| d.render()).collect();
        panic!("{}", text.join("\n"));
    }
    assert!(imported.check.iter().any(|c| c.id() == "check_shortened"));
    assert!(imported.trip.contains(&format!("#   | {long_word}")));
    assert!(imported.trip.contains("### Afsnit 599"));
    assert!(
        imported
            .found
            .iter()
            .any(|f| f.id() == "import_report_words"),
        "every word is in the file"
    );
}
