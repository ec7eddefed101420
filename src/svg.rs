//! A small SVG writer shared by the map and the timeline: every text and attribute
//! value goes through [`esc`], so labels from data can never break the document.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether XML 1.0 allows `c` in a document at all (not even as a character reference):
/// tab, line feed and carriage return are the only control characters it allows, and
/// U+FFFE and U+FFFF are not characters.
fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for XML content and double- or single-quoted attribute values; a
/// character XML 1.0 forbids (a control character in a name) becomes U+FFFD, so the
/// document stays well-formed.
pub(crate) fn esc(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) && text.chars().all(xml_allows) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !xml_allows(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Cuts text to at most `max` characters, ending with "…" if cut.
pub(crate) fn ellipsize(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        Cow::Borrowed(text)
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        Cow::Owned(s)
    }
}

/// A rough width of a text in pixels, for layout (no font metrics are available).
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.58 } else { 1.0 }).sum::<f64>() * size
}

/// An SVG document under construction.
pub(crate) struct Svg {
    out: String,
}

/// Text alignment.
#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Svg {
    /// Starts a document of the given size, with a title for accessibility.
    pub(crate) fn new(width: f64, height: f64, title: &str) -> Svg {
        let mut out = String::with_capacity(64 * 1024);
        let _ = write!(
            out,
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" "#,
                r#"font-family="DejaVu Sans, Noto Sans CJK JP, sans-serif" role="img">"#,
                "\n<title>{t}</title>\n"
            ),
            w = width,
            h = height,
            t = esc(title)
        );
        Svg { out }
    }

    /// Appends raw markup (the caller has escaped any text in it).
    pub(crate) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// A rectangle.
    pub(crate) fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, style: &str) {
        let _ = writeln!(self.out, r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" {style}/>"#);
    }

    /// A line.
    pub(crate) fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), style: &str) {
        let _ = writeln!(self.out, r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" {style}/>"#);
    }

    /// A circle.
    pub(crate) fn circle(&mut self, (x, y): (f64, f64), r: f64, style: &str) {
        let _ = writeln!(self.out, r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" {style}/>"#);
    }

    /// A path through closed rings (even-odd fill), with an optional tooltip.
    pub(crate) fn rings(&mut self, rings: &[Vec<(f64, f64)>], style: &str, tooltip: Option<&str>) {
        let mut d = String::with_capacity(rings.iter().map(Vec::len).sum::<usize>() * 14);
        for ring in rings {
            for (n, (x, y)) in ring.iter().enumerate() {
                let _ = write!(d, "{}{x:.1},{y:.1}", if n == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        let _ = write!(self.out, r#"<path d="{d}" fill-rule="evenodd" {style}>"#);
        if let Some(t) = tooltip {
            let _ = write!(self.out, "<title>{}</title>", esc(t));
        }
        self.out.push_str("</path>\n");
    }

    /// A line of text.
    pub(crate) fn text(&mut self, (x, y): (f64, f64), size: f64, anchor: Anchor, style: &str, text: &str) {
        let _ = writeln!(
            self.out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{}" {style}>{}</text>"#,
            anchor.as_str(),
            esc(text)
        );
    }

    /// Opens a group with attributes (already escaped).
    pub(crate) fn open_group(&mut self, attributes: &str) {
        let _ = writeln!(self.out, "<g {attributes}>");
    }

    /// Closes a group.
    pub(crate) fn close_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// Defines a rectangular clip path.
    pub(crate) fn clip_rect(&mut self, id: &str, x: f64, y: f64, w: f64, h: f64) {
        let _ = writeln!(
            self.out,
            r#"<defs><clipPath id="{}"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}"/></clipPath></defs>"#,
            esc(id)
        );
    }

    /// Ends the document.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_replaced() {
        assert_eq!(esc("Kuna\u{1}shir\u{1b}[0m"), "Kuna\u{FFFD}shir\u{FFFD}[0m");
        assert_eq!(esc("tab\there\u{FFFE}"), "tab\there\u{FFFD}");
        assert!(matches!(esc("Итуруп 択捉島"), Cow::Borrowed(_)));
    }

    #[test]
    fn markup_in_labels_is_escaped() {
        assert_eq!(esc(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
        assert_eq!(esc("Итуруп / 択捉島"), "Итуруп / 択捉島");
        let mut svg = Svg::new(10.0, 10.0, "a <title>");
        svg.text((0.0, 0.0), 10.0, Anchor::Start, "", "x</text><script/>");
        let doc = svg.finish();
        assert!(!doc.contains("<script"));
        assert!(doc.contains("x&lt;/text&gt;&lt;script/&gt;"));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(ellipsize("abcdef", 4), "abc…");
        assert_eq!(ellipsize("abc", 4), "abc");
    }
}
