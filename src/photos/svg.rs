//! SVG images: refused when they could do more than draw — refer to another
//! file or a URL, embed HTML (`foreignObject`) or script — or when they are
//! too large to draw, or hold text in characters the fonts lack.

/// The most elements an SVG may have.
pub const MAX_ELEMENTS: usize = 50_000;

/// The largest an SVG may say it is, each way, in pixels.
pub const MAX_SIDE: f64 = 50_000.0;

/// The most effects (filter steps `fe…` and masks) an SVG may have: each is
/// drawn as an image of its own, in the PDF and for the web page.
pub const MAX_EFFECTS: usize = 8;

/// The largest area (in square pixels) of an SVG with effects.
pub const MAX_EFFECT_AREA: f64 = 2_000.0 * 2_000.0;

/// The largest SVG file, in bytes: a drawing's paths take time to draw in
/// proportion (17 MB of one path took minutes).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The most characters of text an SVG may hold.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Filter steps whose cost grows with a number in them (a morphology's
/// radius squared, a turbulence's octaves, a convolution's order squared)
/// without any bound a drawing needs: a few bytes of them took minutes.
const COSTLY_STEPS: [&str; 3] = ["feMorphology", "feTurbulence", "feConvolveMatrix"];

/// Whether an SVG has effects (filters or masks), which are drawn as
/// images of its size: see [`MAX_EFFECT_AREA`].
pub fn has_effects(data: &[u8]) -> bool {
    std::str::from_utf8(data)
        .ok()
        .and_then(|t| roxmltree::Document::parse(t).ok())
        .is_some_and(|doc| effects(&doc) > 0)
}

/// The effects of an SVG: its filter steps (`fe…`, without the transfer
/// functions inside one) and masks.
fn effects(doc: &roxmltree::Document) -> usize {
    doc.descendants()
        .filter(|n| {
            let name = n.tag_name().name();
            n.is_element()
                && (name.starts_with("fe") && !name.starts_with("feFunc") || name == "mask")
        })
        .count()
}

use crate::messages::{Msg, photo as m};

/// Why an SVG cannot be shown; `None` when it can.
pub fn refusal(data: &[u8]) -> Option<Msg> {
    if data.len() > MAX_BYTES {
        let tenths = (data.len() as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0;
        return Some(m::svg_too_big(
            crate::messages::Arg::decimal(tenths, 1),
            MAX_BYTES / (1024 * 1024),
        ));
    }
    let text = match std::str::from_utf8(data) {
        Ok(t) => t,
        Err(_) => return Some(m::svg_not_utf8()),
    };
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: u32::try_from(MAX_ELEMENTS * 4).unwrap_or(u32::MAX),
        ..roxmltree::ParsingOptions::default()
    };
    let doc = match roxmltree::Document::parse_with_options(text, options) {
        Ok(d) => d,
        Err(roxmltree::Error::NodesLimitReached) => {
            return Some(m::svg_too_many_elements(MAX_ELEMENTS));
        }
        Err(e) => return Some(m::svg_unreadable(e.to_string())),
    };
    let elements = doc.descendants().filter(|n| n.is_element()).count();
    if elements > MAX_ELEMENTS {
        return Some(m::svg_elements(elements, MAX_ELEMENTS));
    }
    let effects = effects(&doc);
    if effects > MAX_EFFECTS {
        return Some(m::svg_effects(effects, MAX_EFFECTS));
    }
    let mut chars = String::new();
    for node in doc.descendants() {
        if node.is_element() {
            let name = node.tag_name().name();
            if COSTLY_STEPS.contains(&name) {
                return Some(m::svg_step_too_costly(name));
            }
            if name.eq_ignore_ascii_case("script") {
                return Some(m::svg_script());
            }
            if name == "foreignObject" {
                return Some(m::svg_foreign_object());
            }
            for a in node.attributes() {
                let v = a.value().trim();
                if a.name() == "href" && !(v.starts_with('#') || v.starts_with("data:")) {
                    return Some(m::svg_refers_to_file(v));
                }
                if external_url(v) {
                    return Some(m::svg_refers_to_url(v));
                }
                if a.name().starts_with("on") {
                    return Some(m::svg_script_attribute(a.name()));
                }
            }
        }
        if node.is_text() {
            let in_style = node
                .parent_element()
                .is_some_and(|p| p.tag_name().name() == "style");
            if in_style
                && (node.text().unwrap_or("").contains("@import")
                    || external_url(node.text().unwrap_or("")))
            {
                return Some(m::svg_style_refers());
            }
            if !in_style
                && node
                    .ancestors()
                    .any(|a| matches!(a.tag_name().name(), "text" | "tspan" | "textPath"))
            {
                chars.push_str(node.text().unwrap_or(""));
            }
        }
    }
    let count = chars.chars().count();
    if count > MAX_TEXT_CHARS {
        return Some(m::svg_much_text(count, MAX_TEXT_CHARS));
    }
    let missing = crate::fonts::missing_chars(&chars);
    if !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
            .collect();
        return Some(m::svg_unprintable(list.join(", ")));
    }
    None
}

/// Why an SVG that is well-formed XML still cannot be read as a drawing,
/// in the words of the SVG reader.
pub fn why_unreadable(data: &[u8]) -> String {
    match resvg::usvg::Tree::from_data(data, &resvg::usvg::Options::default()) {
        Err(e) => e.to_string(),
        Ok(_) => "not a drawing the layout can use".to_string(),
    }
}

/// Whether a value refers to something outside the SVG with `url(…)`.
fn external_url(v: &str) -> bool {
    v.match_indices("url(").any(|(i, _)| {
        let inner = v[i + 4..].trim_start().trim_start_matches(['"', '\'']);
        !inner.starts_with('#')
    })
}

#[cfg(test)]
mod tests {
    use super::refusal;

    fn svg(body: &str) -> Vec<u8> {
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">{body}</svg>"#).into_bytes()
    }

    #[test]
    fn drawings_pass_and_anything_more_is_refused() {
        assert_eq!(
            refusal(&svg(
                r##"<rect width="5" height="5" fill="url(#g)"/><use href="#a"/>"##
            )),
            None
        );
        assert_eq!(refusal(&svg("<text>Æblegrød</text>")), None);
        for (body, why) in [
            (r#"<image href="other.png"/>"#, "another file"),
            (
                r#"<image xlink:href="https://x.dk/a.png"/>"#,
                "another file",
            ),
            ("<foreignObject><p>x</p></foreignObject>", "foreignObject"),
            ("<script>alert(1)</script>", "script"),
            (r#"<rect onload="x()"/>"#, "script"),
            (r#"<rect style="fill:url(https://x.dk/p)"/>"#, "URL"),
            ("<text>漢字</text>", "cannot print"),
        ] {
            let r = refusal(&svg(body))
                .map(|m| m.to_string())
                .unwrap_or_default();
            assert!(r.contains(why), "{body}: {r}");
        }
        let many = "<g/>".repeat(super::MAX_ELEMENTS + 1);
        assert!(
            refusal(&svg(&many))
                .unwrap()
                .to_string()
                .contains("elements")
        );
    }

    /// What costs more to draw than a drawing needs is refused: the
    /// effects whose cost has no bound, more than eight effects, more than
    /// 10,000 characters of text. A drop shadow is fine.
    #[test]
    fn costly_drawings_are_refused() {
        let shadow = r#"<filter id="s"><feGaussianBlur stdDeviation="2"/><feOffset dx="1"/><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter><rect width="5" height="5" filter="url(#s)"/>"#;
        assert_eq!(refusal(&svg(shadow)), None);
        assert!(super::has_effects(&svg(shadow)));
        assert!(!super::has_effects(&svg("<rect/>")));
        let blurs = |n: usize| {
            format!(
                r#"<filter id="f">{}</filter>"#,
                r#"<feGaussianBlur stdDeviation="9"/>"#.repeat(n)
            )
        };
        assert_eq!(refusal(&svg(&blurs(super::MAX_EFFECTS))), None);
        let words = "ord ".repeat(super::MAX_TEXT_CHARS / 4);
        assert_eq!(refusal(&svg(&format!("<text>{words}</text>"))), None);
        for (body, why) in [
            (
                r#"<filter id="f"><feTurbulence numOctaves="1"/></filter>"#.to_string(),
                "feTurbulence",
            ),
            (
                r#"<filter id="f"><feMorphology radius="1"/></filter>"#.to_string(),
                "feMorphology",
            ),
            (
                r#"<filter id="f"><feConvolveMatrix kernelMatrix="1"/></filter>"#.to_string(),
                "feConvolveMatrix",
            ),
            (blurs(super::MAX_EFFECTS + 1), "9 effects"),
            ("<mask id='m'/>".repeat(super::MAX_EFFECTS + 1), "9 effects"),
            (format!("<text>{words}x</text>"), "10001 characters"),
            (
                format!("<!--{}-->", "x".repeat(super::MAX_BYTES)),
                "at most 2 MB",
            ),
        ] {
            let r = refusal(&svg(&body))
                .map(|m| m.to_string())
                .unwrap_or_default();
            assert!(r.contains(why), "{body}: {r}");
        }
    }
}
