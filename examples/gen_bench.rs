//! Generates the benchmark's inputs from the Amsterdam trip file (its
//! sentences, drawn at random, make every report's text: real Danish
//! prose, different in every report):
//!
//! - `DIR/distinct/NN.toml`: N distinct reports (other destinations, texts,
//!   amounts and numbers of days);
//! - `DIR/long/long.toml`: a report of about 200 pages, and
//!   `DIR/short/short.toml`, about 15 pages of the same kind of text;
//! - `DIR/photos/photos.toml` with `DIR/photos/img/NN.jpg`: 20 phone-sized
//!   photos (4000×3000 JPEG).
//!
//! `cargo run --release --example gen_bench -- DIR [N]`

use std::fmt::Write as _;
use std::path::Path;

/// Section titles' words.
const WORDS: &[&str] = &[
    "borgere",
    "indsats",
    "beskæftigelse",
    "kommune",
    "udvalget",
    "besøget",
    "projektet",
    "unge",
    "samarbejde",
    "bydelen",
    "erfaringer",
    "frivillige",
    "boliger",
    "hjemløshed",
    "rådgivning",
];

/// The sentences of the Amsterdam report's text: real Danish prose, from
/// which every generated paragraph is drawn, so each report has its own
/// text with the vocabulary, word lengths and punctuation of a real one.
fn sentences() -> Vec<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("trips/2023-amsterdam.toml"),
    )
    .expect("trips/2023-amsterdam.toml");
    let doc: toml::Table = toml::from_str(&text).expect("the Amsterdam trip file");
    let mut texts = Vec::new();
    if let Some(t) = doc
        .get("introduction")
        .and_then(|i| i.get("text"))
        .and_then(|t| t.as_str())
    {
        texts.push(t.to_string());
    }
    for day in doc
        .get("day")
        .and_then(|d| d.as_array())
        .into_iter()
        .flatten()
    {
        for s in day
            .get("section")
            .and_then(|s| s.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(t) = s.get("text").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    let mut out = Vec::new();
    for t in texts {
        for part in t.split_inclusive(". ") {
            let part = part.trim();
            if part.split_whitespace().count() >= 4 {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// A deterministic pseudo-random sequence (no dependency, same output on
/// every machine).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A paragraph of at least `words` words: sentences of the Amsterdam
/// report drawn at random.
fn paragraph(r: &mut Lcg, corpus: &[String], words: usize) -> String {
    let mut p = String::new();
    let mut n = 0;
    while n < words {
        let s = &corpus[r.below(corpus.len() as u64) as usize];
        if !p.is_empty() {
            p.push(' ');
        }
        p.push_str(&s.trim_end_matches('.').replace(['"', '\\'], "'"));
        p.push('.');
        n += s.split_whitespace().count();
    }
    p
}

fn trip(
    r: &mut Lcg,
    corpus: &[String],
    destination: &str,
    days: u32,
    sections: u32,
    paras: u32,
    images: &[String],
) -> String {
    let mut t = String::new();
    let _ = write!(
        t,
        "[trip]\ncommittee = \"Social- og Beskæftigelsesudvalget\"\nmunicipality = \"Aarhus Kommune\"\n\
         destination = \"{destination}\"\nstart = 2024-03-01\nend = 2024-03-{days:02}\n\n\
         [author]\nname = \"Jan Krüger Gehlert\"\ntitle = \"Specialkonsulent\"\norganisation = \"Magistratsafdelingen\"\n\n\
         [introduction]\ntext = \"\"\"\n{}\n\n{}\n\"\"\"\n\n",
        paragraph(r, corpus, 60),
        paragraph(r, corpus, 80)
    );
    let mut image = 0;
    for d in 1..=days {
        let _ = write!(t, "[[day]]\ndate = 2024-03-{d:02}\n");
        for s in 0..sections {
            let _ = write!(
                t,
                "  [[day.section]]\n  title = \"Besøg {d}.{s} hos {}\"\n  text = \"\"\"\n",
                WORDS[r.below(15) as usize]
            );
            for _ in 0..paras {
                let n = 40 + r.below(80) as usize;
                let _ = write!(t, "{}\n\n", paragraph(r, corpus, n));
            }
            t.push_str("\"\"\"\n");
            if let Some(file) = images.get(image) {
                let _ = write!(
                    t,
                    "    [[day.section.image]]\n    file = \"{file}\"\n    caption = \"Foto {image}\"\n    alt = \"Et foto fra besøget\"\n"
                );
                image += 1;
            }
        }
    }
    t.push_str("\n[accounts]\nparticipants = ");
    let _ = writeln!(t, "{}", 5 + r.below(20));
    for label in ["Fly", "Hotel", "Transport", "Forplejning"] {
        let _ = write!(
            t,
            "  [[accounts.item]]\n  label = \"{label}\"\n  amount = \"{}.{:02}\"\n",
            1000 + r.below(90_000),
            r.below(100)
        );
    }
    t
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(args.get(1).map(String::as_str).unwrap_or("bench/work"));
    let n: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(50);
    let mut r = Lcg(2023);
    let corpus = sentences();
    let corpus = &corpus;
    std::fs::create_dir_all(dir.join("distinct")).unwrap();
    for i in 0..n {
        let days = 2 + r.below(4) as u32;
        let t = trip(&mut r, corpus, &format!("By nummer {i}"), days, 3, 4, &[]);
        std::fs::write(dir.join(format!("distinct/{i:02}.toml")), t).unwrap();
    }
    std::fs::create_dir_all(dir.join("long")).unwrap();
    let t = trip(&mut r, corpus, "Langt væk", 21, 8, 6, &[]);
    std::fs::write(dir.join("long/long.toml"), t).unwrap();
    // The same kind of text, about 15 pages: the fair base for scaling.
    std::fs::create_dir_all(dir.join("short")).unwrap();
    let t = trip(&mut r, corpus, "Kort", 2, 5, 6, &[]);
    std::fs::write(dir.join("short/short.toml"), t).unwrap();
    std::fs::create_dir_all(dir.join("photos/img")).unwrap();
    let mut files = Vec::new();
    for i in 0..20u32 {
        let file = format!("img/{i:02}.jpg");
        let path = dir.join("photos").join(&file);
        if !path.exists() {
            let mut seed = 7 + i;
            let img = image::RgbImage::from_fn(4000, 3000, |x, y| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let noise = ((seed >> 16) % 24) as u8;
                image::Rgb([
                    (x / 18) as u8 + noise,
                    (y / 14) as u8 + noise,
                    (i * 10) as u8 + noise,
                ])
            });
            let mut out = std::io::Cursor::new(Vec::new());
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
                .encode_image(&img)
                .unwrap();
            std::fs::write(&path, out.into_inner()).unwrap();
        }
        files.push(file);
    }
    let t = trip(&mut r, corpus, "Fotoby", 5, 4, 2, &files);
    std::fs::write(dir.join("photos/photos.toml"), t).unwrap();
    eprintln!(
        "wrote {n} distinct trips, a long one and one with 20 photos into {}",
        dir.display()
    );
}
