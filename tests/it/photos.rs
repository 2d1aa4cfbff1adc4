//! Photos straight from a phone: EXIF orientation honoured on the printed
//! page, and large photos scaled down in the PDF.

use crate::common::{assert_valid, build};
use page_validation::ValidationProfile;
use std::io::Cursor;

/// A 400×200 JPEG, left half red and right half blue, stored sideways with
/// EXIF orientation 6 ("rotate 90° clockwise to view"): upright it is
/// 200×400 with red on top.
fn sideways_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(400, 200, |x, _| {
        if x < 200 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
        .encode_image(&img)
        .unwrap();
    let jpeg = out.into_inner();
    let tiff: [u8; 26] = [
        b'M', b'M', 0, 0x2A, 0, 0, 0, 8, // big-endian TIFF header, IFD at 8
        0, 1, // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation = 6
        0, 0, 0, 0, // no next IFD
    ];
    let mut app1 = vec![0xFF, 0xE1, 0, 34];
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut with_exif = jpeg[..2].to_vec();
    with_exif.extend_from_slice(&app1);
    with_exif.extend_from_slice(&jpeg[2..]);
    with_exif
}

fn trip_with_photo(file: &str) -> String {
    format!(
        r#"
[trip]
committee = "Udvalget"
municipality = "Aarhus Kommune"
destination = "Oslo"
start = 2025-05-12
end = 2025-05-12

[[day]]
date = 2025-05-12
  [[day.section]]
  title = "Besøg"
  text = "Et besøg."
    [[day.section.image]]
    file = "{file}"
    alt = "Et foto"
"#
    )
}

#[test]
fn exif_orientation_is_applied() {
    let data = sideways_jpeg();
    let p = studietur::photos::prepare(
        &data,
        studietur::digest::sha256(&data),
        studietur::photos::PhotoBox::REPORT,
    )
    .unwrap();
    assert_eq!(p.pixels, Some((200, 400)));
    let img = image::load_from_memory(&p.bytes).unwrap().to_rgb8();
    let top = img.get_pixel(100, 50);
    let bottom = img.get_pixel(100, 350);
    assert!(top[0] > 150 && top[2] < 100, "top is not red: {top:?}");
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "bottom is not blue: {bottom:?}"
    );
}

#[test]
fn a_sideways_phone_photo_prints_upright() {
    let (dir, path) = crate::common::trip_in_tempdir(&trip_with_photo("phone.jpg"));
    std::fs::write(dir.path().join("phone.jpg"), sideways_jpeg()).unwrap();
    let r = build(&path);
    assert_valid(&r.pdf, ValidationProfile::PdfA2a);
    // Render the day's page and find the photo's red and blue pixels.
    let pdf = dir.path().join("x.pdf");
    std::fs::write(&pdf, &r.pdf).unwrap();
    // The day is the report's last page (after the title page).
    let last = r.pages.to_string();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "30", "-png", "-f", &last, "-l", &last])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    let page = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("page"))
        .unwrap();
    let img = image::open(page).unwrap().to_rgb8();
    let (mut red, mut blue) = (Vec::new(), Vec::new());
    for (x, y, p) in img.enumerate_pixels() {
        if p[0] > 150 && p[1] < 90 && p[2] < 90 {
            red.push((x, y));
        } else if p[2] > 150 && p[0] < 90 && p[1] < 90 {
            blue.push((x, y));
        }
    }
    assert!(
        red.len() > 50 && blue.len() > 50,
        "photo not found on page 3"
    );
    let mean_y = |v: &[(u32, u32)]| v.iter().map(|p| f64::from(p.1)).sum::<f64>() / v.len() as f64;
    assert!(
        mean_y(&red) < mean_y(&blue),
        "red is not above blue: the photo is not upright"
    );
    let all: Vec<_> = red.iter().chain(&blue).collect();
    let w = all.iter().map(|p| p.0).max().unwrap() - all.iter().map(|p| p.0).min().unwrap();
    let h = all.iter().map(|p| p.1).max().unwrap() - all.iter().map(|p| p.1).min().unwrap();
    assert!(
        h > w,
        "the photo is printed landscape ({w}×{h}), not portrait"
    );
}

#[test]
fn a_large_photo_becomes_a_small_image_in_the_pdf() {
    let (dir, path) = crate::common::trip_in_tempdir(&trip_with_photo("big.jpg"));
    // A gradient with sensor-like noise: detail at every scale, as in a photo.
    let mut seed: u32 = 12345;
    let big = image::RgbImage::from_fn(4000, 3000, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let noise = ((seed >> 16) % 24) as u8;
        image::Rgb([(x / 18) as u8 + noise, (y / 14) as u8 + noise, 90 + noise])
    });
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(&big)
        .unwrap();
    let original = out.into_inner();
    std::fs::write(dir.path().join("big.jpg"), &original).unwrap();
    let r = build(&path);
    let doc = lopdf::Document::load_mem(&r.pdf).unwrap();
    let mut widths = Vec::new();
    for obj in doc.objects.values() {
        if let Ok(stream) = obj.as_stream()
            && stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok()
                == Some(b"Image".as_slice())
        {
            widths.push(stream.dict.get(b"Width").unwrap().as_i64().unwrap());
        }
    }
    assert!(!widths.is_empty(), "no image in the PDF");
    assert!(widths.iter().all(|&w| w <= 1890), "image widths {widths:?}");
    assert!(
        widths.contains(&1496),
        "a 4:3 photo fits 16 × 9.5 cm at 300 dpi: {widths:?}"
    );
    assert!(
        r.pdf.len() < original.len() / 2,
        "PDF {} bytes, photo {} bytes",
        r.pdf.len(),
        original.len()
    );
}
