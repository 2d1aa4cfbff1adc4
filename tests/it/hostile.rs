//! Hostile and broken input (issue 12): image bombs and huge photos,
//! damaged, CMYK and SVG files, oversized trip files and paragraphs, name
//! clashes, a closed pipe, and photo metadata that must not reach the PDF.

use crate::common::{MINIMAL, fails_with, pdf_text, stderr, studietur};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs the `studietur` binary in `dir` and measures it: its output, wall
/// time and peak memory (maximum resident set size, in MB).
fn measured(dir: &Path, args: &[&str]) -> (std::process::Output, Duration, f64) {
    let _heavy = crate::common::one_heavy_test_at_a_time();
    let started = Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"))
        .current_dir(dir)
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let (stdout, stderr) = {
        let mut child = child;
        let mut out = Vec::new();
        let mut err = Vec::new();
        std::io::Read::read_to_end(child.stdout.as_mut().unwrap(), &mut out).unwrap();
        std::io::Read::read_to_end(child.stderr.as_mut().unwrap(), &mut err).unwrap();
        std::mem::forget(child);
        (out, err)
    };
    let mut status = 0;
    // SAFETY: waiting for our own child, with valid out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let elapsed = started.elapsed();
    let output = std::process::Output {
        status: std::os::unix::process::ExitStatusExt::from_raw(status),
        stdout,
        stderr,
    };
    (output, elapsed, usage.ru_maxrss as f64 / 1024.0)
}

/// A trip with one visit that shows `file`, in a fresh folder.
fn with_image(file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("trips/images")).unwrap();
    let trip = MINIMAL.replace(
        "  text = \"Et besøg.\"\n",
        &format!(
            "  text = \"Et besøg.\"\n    [[day.section.image]]\n    file = \"{file}\"\n    alt = \"Et foto\"\n"
        ),
    );
    std::fs::write(dir.path().join("trips/x.toml"), trip).unwrap();
    dir
}

/// The line:column of the image's `file` value in [`with_image`]'s trip.
const FILE_AT: &str = "trips/x.toml:15:12";

/// Point 1: a PNG of 40000 × 40000 pixels (a decompression bomb of a few
/// MB) is refused at its `file` line at once, within 3 s and 500 MB.
#[test]
fn an_image_bomb_is_refused_within_bounds() {
    let dir = with_image("images/bomb.png");
    let file = std::fs::File::create(dir.path().join("trips/images/bomb.png")).unwrap();
    let mut e = png::Encoder::new(std::io::BufWriter::new(file), 40_000, 40_000);
    e.set_color(png::ColorType::Grayscale);
    e.set_depth(png::BitDepth::One);
    e.set_compression(png::Compression::Fast);
    let mut w = e.write_header().unwrap().into_stream_writer().unwrap();
    let row = vec![0u8; 5_000];
    for _ in 0..40_000 {
        w.write_all(&row).unwrap();
    }
    w.finish().unwrap();
    let size = std::fs::metadata(dir.path().join("trips/images/bomb.png"))
        .unwrap()
        .len();
    let (o, took, mb) = measured(dir.path(), &["check"]);
    eprintln!(
        "image bomb ({} KB, 40000 × 40000): refused in {:.2} s, {mb:.0} MB peak",
        size / 1024,
        took.as_secs_f64()
    );
    fails_with(&o, FILE_AT);
    fails_with(&o, "1600 megapixels");
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert!(mb < 500.0, "{mb} MB");
}

/// Point 1: a JPEG far larger than its printed size (a 108-megapixel
/// phone) is decoded at a reduced scale: built within 3 s and 500 MB.
#[test]
fn a_huge_phone_photo_builds_within_bounds() {
    let dir = with_image("images/phone.jpg");
    let (w, h) = (12_000u16, 9_000u16);
    // Detail everywhere, like a real photo (it compresses as one does).
    let pixels: Vec<u8> = (0..u32::from(w) * u32::from(h))
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 / 4 + (i % u32::from(w) / 64) as u8)
        .collect();
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, 80)
        .encode(&pixels, w, h, jpeg_encoder::ColorType::Luma)
        .unwrap();
    drop(pixels);
    std::fs::write(dir.path().join("trips/images/phone.jpg"), &jpeg).unwrap();
    let (o, took, mb) = measured(dir.path(), &["build"]);
    eprintln!(
        "108-megapixel JPEG ({} MB): built in {:.2} s, {mb:.0} MB peak",
        jpeg.len() / 1_000_000,
        took.as_secs_f64()
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert!(mb < 500.0, "{mb} MB");
    // Scaled to the 16 × 9.5 cm box at 300 dpi.
    let pdf = std::fs::read(dir.path().join("out/x.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let widths: Vec<i64> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
        .filter_map(|s| s.dict.get(b"Width").and_then(|w| w.as_i64()).ok())
        .collect();
    assert_eq!(widths, [1496], "{widths:?}");
}

/// Point 7: a CMYK JPEG from a print office (stored inverted with Adobe's
/// marker, as Photoshop, PIL and jpeg-encoder write it, as CMYK or YCCK)
/// is converted to sRGB in its own colours, in the PDF and the web page,
/// and builds a valid PDF.
#[test]
fn a_cmyk_jpeg_is_converted() {
    // Left half red ink (no cyan, much magenta and yellow), right half half
    // black: sRGB about (255, 55, 55) and (127, 127, 127).
    let (w, h) = (64u16, 48u16);
    let pixels: Vec<u8> = (0..u32::from(w) * u32::from(h))
        .flat_map(|i| {
            if i % u32::from(w) < u32::from(w / 2) {
                [0, 200, 200, 0]
            } else {
                [0, 0, 0, 128]
            }
        })
        .collect();
    for kind in [
        jpeg_encoder::ColorType::Cmyk,
        jpeg_encoder::ColorType::CmykAsYcck,
    ] {
        let dir = with_image("images/cmyk.jpg");
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 95)
            .encode(&pixels, w, h, kind)
            .unwrap();
        std::fs::write(dir.path().join("trips/images/cmyk.jpg"), &jpeg).unwrap();
        let o = studietur(dir.path(), &["build", "--format", "pdf,html"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let pdf = std::fs::read(dir.path().join("out/x.pdf")).unwrap();
        crate::common::assert_valid(&pdf, page_validation::ValidationProfile::PdfA2a);
        assert!(!String::from_utf8_lossy(&pdf).contains("/DeviceCMYK"));
        let web = std::fs::read_dir(dir.path().join("out/x/images"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "jpg" || e == "png"))
            .expect("the web page's photo");
        for (from, img) in [
            ("the PDF", pdf_image(&pdf)),
            ("the web page", image::open(&web).unwrap().to_rgb8()),
        ] {
            let at = |fx: u32| img.get_pixel(img.width() * fx / 4, img.height() / 2).0;
            let near = |got: [u8; 3], want: [u8; 3]| {
                got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 16)
            };
            assert!(
                near(at(1), [255, 55, 55]),
                "{kind:?} {from}: red ink gave {:?}",
                at(1)
            );
            assert!(
                near(at(3), [127, 127, 127]),
                "{kind:?} {from}: half black gave {:?}",
                at(3)
            );
        }
    }
}

/// The one image of `pdf`, decoded.
fn pdf_image(pdf: &[u8]) -> image::RgbImage {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let s = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
        .expect("an image in the PDF");
    let dim = |k: &[u8]| s.dict.get(k).and_then(|v| v.as_i64()).unwrap() as u32;
    let dct = s
        .dict
        .get(b"Filter")
        .and_then(|f| f.as_name())
        .is_ok_and(|f| f == b"DCTDecode");
    if dct {
        image::load_from_memory(&s.content).unwrap().to_rgb8()
    } else {
        let raw = s.decompressed_content().unwrap();
        image::RgbImage::from_raw(dim(b"Width"), dim(b"Height"), raw).unwrap()
    }
}

/// A progressive JPEG is decoded whole (every coefficient kept): one of more
/// than 50 megapixels is refused from its header (a 144-megapixel one took
/// 570 MB); phones write baseline JPEGs, which are decoded at a reduced
/// scale.
#[test]
fn a_huge_progressive_jpeg_is_refused_from_its_header() {
    let dir = with_image("images/p.jpg");
    let img: Vec<u8> = vec![128; 16 * 16 * 3];
    let mut jpeg = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut jpeg, 90);
    e.set_progressive(true);
    e.encode(&img, 16, 16, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    // Its frame header says 9000 × 6000.
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC2]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0x17, 0x70, 0x23, 0x28]);
    std::fs::write(dir.path().join("trips/images/p.jpg"), &jpeg).unwrap();
    let (o, took, _) = measured(dir.path(), &["check"]);
    fails_with(&o, FILE_AT);
    fails_with(&o, "a progressive JPEG of 54 megapixels");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

/// Point 9: a JPEG cut short is refused at its `file` line.
#[test]
fn a_truncated_jpeg_is_refused() {
    let dir = with_image("images/cut.jpg");
    let img = image::RgbImage::from_fn(200, 150, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut jpeg = std::io::Cursor::new(Vec::new());
    img.write_to(&mut jpeg, image::ImageFormat::Jpeg).unwrap();
    let jpeg = jpeg.into_inner();
    std::fs::write(
        dir.path().join("trips/images/cut.jpg"),
        &jpeg[..jpeg.len() * 2 / 3],
    )
    .unwrap();
    let o = studietur(dir.path(), &["check"]);
    fails_with(&o, FILE_AT);
    fails_with(&o, "cut short");
}

/// Point 8: SVG problems are reported at the trip's `file` key by `check`.
#[test]
fn svg_problems_are_found_by_check_at_the_file_key() {
    for (svg, why) in [
        (
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="../secret.png"/></svg>"#,
            "another file",
        ),
        (
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><foreignObject/></svg>"#,
            "foreignObject",
        ),
        (
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>漢</text></svg>"#,
            "cannot print",
        ),
        // A few bytes that took minutes to draw.
        (
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000"><filter id="f"><feMorphology radius="1000"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>"#,
            "feMorphology",
        ),
        (
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="2001" height="2000"><filter id="f"><feGaussianBlur stdDeviation="5"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>"#,
            "with effects it may be at most 2000 × 2000",
        ),
    ] {
        let dir = with_image("images/x.svg");
        std::fs::write(dir.path().join("trips/images/x.svg"), svg).unwrap();
        let o = studietur(dir.path(), &["check"]);
        fails_with(&o, FILE_AT);
        fails_with(&o, why);
        assert!(!stderr(&o).contains("built in"), "{}", stderr(&o));
    }
}

/// An SVG at the limits of its effects (2000 × 2000 pixels, eight blurs)
/// builds as PDF and web page within bounds: 3.7 s and 190 MB measured
/// on a busy 2-core machine; 10 s allowed here, as other tests run beside
/// it.
#[test]
fn an_svg_at_the_limits_of_its_effects_builds_within_bounds() {
    let dir = with_image("images/x.svg");
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000"><filter id="f">{}</filter><rect width="2000" height="2000" filter="url(#f)"/></svg>"#,
        r#"<feGaussianBlur stdDeviation="50"/>"#.repeat(8)
    );
    std::fs::write(dir.path().join("trips/images/x.svg"), svg).unwrap();
    let (o, took, mb) = measured(dir.path(), &["build", "--format", "pdf,html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    eprintln!(
        "eight blurs on 2000 × 2000: {:.2} s, {mb:.0} MB",
        took.as_secs_f64()
    );
    assert!(
        took < Duration::from_secs(10) && mb < 500.0,
        "{took:?}, {mb} MB"
    );
}

/// Point 23: a photo's metadata (camera, GPS position, serial) never
/// reaches the PDF, whatever the photo's size.
#[test]
fn photo_metadata_is_left_out_of_the_pdf() {
    let dir = with_image("images/gps.jpg");
    // EXIF with the camera's make and a GPS IFD, in a small JPEG.
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&[0, 2]); // two entries
    tiff.extend_from_slice(&[0x01, 0x0F, 0, 2, 0, 0, 0, 14, 0, 0, 0, 38]); // Make, 14 bytes at 38
    tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 52]); // GPS IFD at 52
    tiff.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
    tiff.extend_from_slice(b"SecretPhoneCo\0");
    tiff.extend_from_slice(&[0, 1]); // GPS IFD: one entry
    tiff.extend_from_slice(&[0, 0x1B, 0, 7, 0, 0, 0, 16, 0, 0, 0, 70]); // GPSProcessingMethod
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(b"ASCII\0\0\0GPS-55.67N");
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let pixels: Vec<u8> = (0..64 * 48)
        .flat_map(|i| [(i % 251) as u8, 90, 160])
        .collect();
    let mut jpeg = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut jpeg, 90);
    enc.add_app_segment(1, &app1).unwrap();
    enc.encode(&pixels, 64, 48, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    assert!(jpeg.windows(13).any(|w| w == b"SecretPhoneCo"));
    std::fs::write(dir.path().join("trips/images/gps.jpg"), &jpeg).unwrap();
    let o = studietur(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.path().join("out/x.pdf")).unwrap();
    for trace in [&b"SecretPhoneCo"[..], b"GPS-55.67N", b"Exif\0\0"] {
        assert!(
            !pdf.windows(trace.len()).any(|w| w == trace),
            "{} is in the PDF",
            String::from_utf8_lossy(trace)
        );
    }
}

/// Point 4: a trip file over 2 MB, and a paragraph over 20,000
/// characters, are refused at their place, fast.
#[test]
fn size_limits_are_enforced_fast() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("trips")).unwrap();
    let big = MINIMAL.replace("Et besøg.", &"Et besøg. ".repeat(1_100_000));
    std::fs::write(dir.path().join("trips/big.toml"), &big).unwrap();
    let (o, took, mb) = measured(dir.path(), &["check", "trips/big.toml"]);
    eprintln!(
        "{:.1} MB trip file: refused in {:.2} s, {mb:.0} MB peak",
        big.len() as f64 / 1e6,
        took.as_secs_f64()
    );
    fails_with(&o, "a trip file may be at most 2 MB");
    assert!(took < Duration::from_secs(5), "{took:?}");
    let long = MINIMAL.replace("Et besøg.", &"Ord ".repeat(30_000));
    std::fs::write(dir.path().join("trips/long.toml"), &long).unwrap();
    let (o, took, mb) = measured(dir.path(), &["check", "trips/long.toml"]);
    eprintln!(
        "a paragraph of 120,000 characters: refused in {:.2} s, {mb:.0} MB peak",
        took.as_secs_f64()
    );
    fails_with(&o, "trips/long.toml:13:11");
    fails_with(&o, "a paragraph may be at most 20000");
    assert!(took < Duration::from_secs(5), "{took:?}");
}

/// The text limits hold both ways: what is just inside them builds, fast
/// and within memory (a word of 3,000 characters, letters with 16 marks,
/// lists and quotes six deep, a link of 2,000 characters); what is just
/// over them is refused by `check` at its place (past them, a word broke
/// the PDF's string limit, stacked marks took gigabytes, deep nesting and
/// long links failed inside the template).
#[test]
fn text_limits_build_inside_and_refuse_outside() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("trips")).unwrap();
    let nested = |n: usize| {
        (0..n)
            .map(|k| format!("{}- x", "  ".repeat(k)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let marks = |n: usize| format!("a{} ", "\u{301}".repeat(n)).repeat(200);
    let url = |n: usize| format!("[her](https://a.dk/{})", "a".repeat(n - 13));
    let inside = [
        "w".repeat(3_000),
        marks(15),
        nested(6),
        format!("{} citat", ">".repeat(6)),
        url(2_000),
    ];
    let outside = [
        ("w".repeat(3_001), "14:1", "a word may be at most 3000"),
        (marks(16), "14:1", "a letter made of 17 characters"),
        (nested(7), "20:13", "more than 6 deep"),
        (
            format!("{} citat", ">".repeat(7)),
            "14:7",
            "more than 6 deep",
        ),
        (url(2_001), "14:1", "at most 2000"),
    ];
    let write = |name: &str, text: &str| {
        let trip = MINIMAL.replace(
            "text = \"Et besøg.\"",
            &format!("text = \"\"\"\n{text}\n\"\"\""),
        );
        std::fs::write(dir.path().join("trips").join(name), trip).unwrap();
    };
    for (i, text) in inside.iter().enumerate() {
        write("x.toml", text);
        let (o, took, mb) = measured(dir.path(), &["build", "trips/x.toml"]);
        assert!(o.status.success(), "case {i}: {}", stderr(&o));
        assert!(
            took < Duration::from_secs(5) && mb < 500.0,
            "case {i}: {took:?}, {mb} MB"
        );
    }
    for (text, at, said) in outside {
        write("x.toml", &text);
        let (o, took, _) = measured(dir.path(), &["check", "trips/x.toml"]);
        fails_with(&o, said);
        fails_with(&o, &format!("trips/x.toml:{at}"));
        assert!(took < Duration::from_secs(5), "{took:?}");
    }
}

/// A repeatable table has at most 500 entries: 500 accounts items and 500
/// participants build within bounds; a 501st is refused at its header.
#[test]
fn five_hundred_entries_build_and_more_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("trips")).unwrap();
    let trip = |items: usize, people: usize| {
        let mut t = MINIMAL.replace("participants = 3\n", "");
        for i in 0..items {
            t.push_str(&format!(
                "  [[accounts.item]]\n  label = \"Bilag {i}\"\n  amount = {i}\n"
            ));
        }
        for i in 0..people {
            t.push_str(&format!(
                "[[participant]]\nname = \"Person {i}\"\ngroup = \"Gruppe {i}\"\n"
            ));
        }
        t
    };
    std::fs::write(dir.path().join("trips/x.toml"), trip(499, 500)).unwrap();
    let (o, took, mb) = measured(dir.path(), &["build", "trips/x.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    eprintln!(
        "500 items and 500 participants: {:.2} s, {mb:.0} MB",
        took.as_secs_f64()
    );
    assert!(mb < 500.0, "{mb} MB");
    let text = trip(500, 0);
    std::fs::write(dir.path().join("trips/x.toml"), &text).unwrap();
    let (o, _, _) = measured(dir.path(), &["check", "trips/x.toml"]);
    fails_with(
        &o,
        "the file has 501 [[accounts.item]] tables; a report may have at most 500",
    );
    let line = text[..text.rfind("  [[accounts.item]]").unwrap()]
        .lines()
        .count()
        + 1;
    fails_with(&o, &format!("trips/x.toml:{line}:"));
}

/// Point 2: two trips of the same name in two folders are refused before
/// anything is built, naming both.
#[test]
fn two_trips_with_one_name_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a", "b"] {
        std::fs::create_dir_all(dir.path().join(f)).unwrap();
        std::fs::write(dir.path().join(f).join("2024-x.toml"), MINIMAL).unwrap();
    }
    let o = studietur(
        dir.path(),
        &["build", "a/2024-x.toml", "b/2024-x.toml", "-o", "out"],
    );
    fails_with(
        &o,
        "`a/2024-x.toml` and `b/2024-x.toml` would both be built as `2024-x.pdf`",
    );
    assert!(!dir.path().join("out/2024-x.pdf").exists());
}

/// Point 3: a reader that goes away (`| head -1`) ends studietur quietly.
#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_studietur"))
        .current_dir(dir.path())
        .arg("schema")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe.
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(o.status.code(), Some(101), "{err}");
}

/// Point 17: small things a new user meets.
#[test]
fn small_things_a_new_user_meets() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("trips")).unwrap();
    std::fs::write(dir.path().join("trips/x.toml"), MINIMAL).unwrap();
    // A hidden .toml in trips/ is not a trip.
    std::fs::write(dir.path().join("trips/.taplo.toml"), "[[rule]]\n").unwrap();
    let o = studietur(dir.path(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 checked, 0 failed"), "{}", stderr(&o));
    // A failed check counts as checked.
    std::fs::write(dir.path().join("trips/y.toml"), "[trip]\n").unwrap();
    let o = studietur(dir.path(), &["check"]);
    assert!(stderr(&o).contains("2 checked, 1 failed"), "{}", stderr(&o));
    std::fs::remove_file(dir.path().join("trips/y.toml")).unwrap();
    // -o naming a file is wrong usage, said plainly.
    std::fs::write(dir.path().join("afile"), "x").unwrap();
    let o = studietur(dir.path(), &["build", "-o", "afile"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`afile` is a file, not a folder"),
        "{}",
        stderr(&o)
    );
    // watch takes a trip file, not a folder.
    let o = studietur(dir.path(), &["watch", "trips"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("watch follows one trip file"),
        "{}",
        stderr(&o)
    );
    // One page is "1 page".
    let o = studietur(dir.path(), &["build"]);
    assert!(
        stderr(&o).contains("(2 pages,") || stderr(&o).contains("(1 page,"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("1 pages"), "{}", stderr(&o));
    // extract prints a build command that works on a path with spaces.
    let spaced = dir.path().join("mine trips");
    std::fs::create_dir_all(&spaced).unwrap();
    std::fs::write(spaced.join("x.toml"), MINIMAL).unwrap();
    let o = studietur(
        dir.path(),
        &["build", "mine trips/x.toml", "-o", "o2", "--embed-source"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = studietur(dir.path(), &["extract", "o2/x.pdf", "-o", "back here"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("studietur build 'back here/x.toml' --embed-source"),
        "{}",
        stderr(&o)
    );
    let text = pdf_text(&std::fs::read(dir.path().join("o2/x.pdf")).unwrap());
    assert!(text.contains("Berlin"));
}
