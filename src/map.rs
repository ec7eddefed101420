//! Maps of settlement formulas: the four islands and the east of Hokkaido, each island
//! filled by what a formula gives it, as SVG.
//!
//! [`FormulaMap`] draws one formula: the islands coloured by [`IslandHolder`] (an area split
//! shows the island divided), stage numbers, a legend with the stages, labels with the
//! Japanese and Russian names, and a title naming the formula and its source.
//! [`SmallMultiples`] draws every formula side by side. Both use a [`Projection`] that
//! callers (and the tests) can use to find where a point lands.
//!
//! A map shows what a *formula* proposes; it is titled as such and says nothing about
//! whose the islands are.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::allocation::{IslandAllocation, IslandHolder};
use crate::dataset::Dataset;
use crate::formula::{Formula, FormulaId, Right, Stage};
use crate::island::Island;
use crate::outline::{LonLat, Outline, Outlines, Polygon};
use crate::planar;
use crate::svg::{Anchor, Svg, ellipsize, esc, text_width};

// ---------------------------------------------------------------------- colours

/// A colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// The CSS hex form: `#0072b2`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The colour a map fills an island (or part) with, from the Okabe–Ito palette, which
/// stays distinguishable under the common colour-vision deficiencies.
///
/// ```
/// use kuril_dispute::{IslandHolder, map};
///
/// assert_eq!(map::holder_colour(IslandHolder::Japan).hex(), "#0072b2");
/// assert_ne!(map::holder_colour(IslandHolder::Russia), map::holder_colour(IslandHolder::Undecided));
/// ```
pub fn holder_colour(holder: IslandHolder) -> Rgb {
    match holder {
        IslandHolder::Japan => Rgb::new(0x00, 0x72, 0xB2),
        IslandHolder::Russia => Rgb::new(0xE6, 0x9F, 0x00),
        IslandHolder::Joint => Rgb::new(0xCC, 0x79, 0xA7),
        IslandHolder::Undecided => Rgb::new(0xF0, 0xE4, 0x42),
        IslandHolder::Other => Rgb::new(0x00, 0x9E, 0x73),
    }
}

/// The colour of the sea.
pub const SEA: Rgb = Rgb::new(0xEA, 0xF2, 0xF8);
/// The colour of context land (Hokkaido).
pub const CONTEXT: Rgb = Rgb::new(0xD9, 0xD9, 0xD9);
/// The colour of islands on the key map, which shows names and no formula.
pub const KEY_LAND: Rgb = Rgb::new(0xFF, 0xFF, 0xFF);

const INK: &str = "#222222";
const MUTED: &str = "#555555";

// ---------------------------------------------------------------------- projection

/// A box in longitude and latitude.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// Western edge, degrees east.
    pub west: f64,
    /// Southern edge, degrees north.
    pub south: f64,
    /// Eastern edge, degrees east.
    pub east: f64,
    /// Northern edge, degrees north.
    pub north: f64,
}

impl Bounds {
    /// The four islands and the east of Hokkaido (the Shiretoko and Nemuro peninsulas).
    pub const SOUTHERN_KURILS: Bounds = Bounds { west: 144.2, south: 42.95, east: 149.0, north: 45.65 };
}

/// A rectangle on the drawing, in pixels (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The map projection: equirectangular, with longitude scaled by the cosine of the
/// middle latitude (true to shape within a few percent over these three degrees of
/// latitude), fitted and centred into a frame.
///
/// ```
/// use kuril_dispute::map::{Bounds, Frame, Projection};
/// use kuril_dispute::LonLat;
///
/// let p = Projection::fit(Bounds::SOUTHERN_KURILS, Frame { x: 0.0, y: 0.0, width: 400.0, height: 300.0 });
/// let (x, y) = p.project(LonLat { lon: 146.8, lat: 44.35 });
/// assert!((0.0..400.0).contains(&x) && (0.0..300.0).contains(&y));
/// // North is up.
/// assert!(p.project(LonLat { lon: 146.8, lat: 45.0 }).1 < y);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    lon0: f64,
    lat0: f64,
    k: f64,
    scale: f64,
    cx: f64,
    cy: f64,
    frame: Frame,
}

impl Projection {
    /// The projection that fits `bounds` into `frame`, centred, keeping proportions.
    pub fn fit(bounds: Bounds, frame: Frame) -> Projection {
        let lat0 = (bounds.south + bounds.north) / 2.0;
        let k = lat0.to_radians().cos();
        let w = ((bounds.east - bounds.west) * k).abs().max(f64::EPSILON);
        let h = (bounds.north - bounds.south).abs().max(f64::EPSILON);
        Projection {
            lon0: (bounds.west + bounds.east) / 2.0,
            lat0,
            k,
            scale: (frame.width / w).min(frame.height / h),
            cx: frame.x + frame.width / 2.0,
            cy: frame.y + frame.height / 2.0,
            frame,
        }
    }

    /// Where a point lands on the drawing, in pixels.
    pub fn project(&self, p: LonLat) -> (f64, f64) {
        (self.cx + (p.lon - self.lon0) * self.k * self.scale, self.cy - (p.lat - self.lat0) * self.scale)
    }

    /// The frame the map is drawn in; the map is clipped to it.
    pub fn frame(&self) -> Frame {
        self.frame
    }

    /// Pixels per degree of latitude.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    fn ring(&self, ring: &[LonLat]) -> Vec<(f64, f64)> {
        ring.iter().map(|&p| self.project(p)).collect()
    }

    fn polygon(&self, polygon: &Polygon) -> Vec<Vec<(f64, f64)>> {
        std::iter::once(&polygon.exterior).chain(&polygon.holes).map(|r| self.ring(r)).collect()
    }

    fn outline(&self, outline: &Outline) -> Vec<Vec<(f64, f64)>> {
        outline.polygons.iter().flat_map(|p| self.polygon(p)).collect()
    }
}

// ---------------------------------------------------------------------- one formula

/// The map of one formula: what it gives each island at its end.
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId, Island, IslandHolder, Outlines};
/// use kuril_dispute::map::FormulaMap;
///
/// let map = FormulaMap::new(Dataset::builtin(), Outlines::builtin(), FormulaId::TwoIslands1956);
/// let svg = map.to_svg();
/// assert!(svg.starts_with("<svg") && svg.contains("Two islands (1956 Joint Declaration"));
/// assert!(svg.contains("Shikotan-tō / Shikotan"));
/// assert_eq!(map.allocations()[Island::Habomai as usize].holder(), Some(IslandHolder::Japan));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaMap<'a> {
    data: &'a Dataset,
    outlines: &'a Outlines,
    formula: &'a Formula,
    allocations: Vec<IslandAllocation>,
}

impl<'a> FormulaMap<'a> {
    /// The width of the drawing in pixels.
    pub const WIDTH: f64 = 1000.0;
    /// The height of the drawing in pixels.
    pub const HEIGHT: f64 = 740.0;
    const MAP: Frame = Frame { x: 12.0, y: 100.0, width: 676.0, height: 600.0 };

    /// The map of formula `id` in `data`, drawn on `outlines`.
    pub fn new(data: &'a Dataset, outlines: &'a Outlines, id: FormulaId) -> FormulaMap<'a> {
        let formula = data.formula(id);
        FormulaMap { data, outlines, formula, allocations: IslandAllocation::of_formula(data, formula) }
    }

    /// The formula drawn.
    pub fn formula(&self) -> &'a Formula {
        self.formula
    }

    /// What the formula gives each island, in [`Island`] order: what the map colours.
    pub fn allocations(&self) -> &[IslandAllocation] {
        &self.allocations
    }

    /// The projection the map is drawn with.
    pub fn projection(&self) -> Projection {
        Projection::fit(Bounds::SOUTHERN_KURILS, Self::MAP)
    }

    /// The map as an SVG document.
    pub fn to_svg(&self) -> String {
        let f = self.formula;
        let title = format!("Formula: {}", f.name);
        let mut svg = Svg::new(Self::WIDTH, Self::HEIGHT, &title);
        svg.rect(0.0, 0.0, Self::WIDTH, Self::HEIGHT, r##"fill="#ffffff""##);
        svg.text((20.0, 30.0), 20.0, Anchor::Start, &bold(), &ellipsize(&title, 84));
        svg.text(
            (20.0, 50.0),
            12.5,
            Anchor::Start,
            &fill(MUTED),
            "What this settlement formula would give each island at its end: a proposal, not a statement of sovereignty.",
        );
        let (source, origin) = source_lines(self.data, f);
        svg.text((20.0, 69.0), 12.0, Anchor::Start, &fill(MUTED), &ellipsize(&source, 135));
        svg.text((20.0, 86.0), 12.0, Anchor::Start, &fill(MUTED), &ellipsize(&origin, 135));
        let projection = self.projection();
        draw_body(&mut svg, self.data, self.outlines, &self.allocations, &projection, "map", Detail::Full);
        self.legend(&mut svg);
        let footer = "Coastlines: Natural Earth 1:10m (public domain). Labels: Japanese / Russian names. Data: kuril-dispute.";
        svg.text((20.0, Self::HEIGHT - 24.0), 11.0, Anchor::Start, &fill(MUTED), footer);
        if self.allocations.iter().any(IslandAllocation::is_split) {
            let note = "The line dividing an island is schematic: the formula gives a share of the area, not a line.";
            svg.text((20.0, Self::HEIGHT - 9.0), 11.0, Anchor::Start, &fill(MUTED), note);
        }
        svg.finish()
    }

    /// The legend beside the map: the key to the colours, the stages, then the islands
    /// left to later talks or under joint activity and the sequencing.
    fn legend(&self, svg: &mut Svg) {
        let x = 704.0;
        let y = self.legend_key(svg, x, 112.0);
        let y = self.legend_stages(svg, x, y);
        self.legend_notes(svg, x, y);
    }

    /// The key: a swatch per holder the map uses, Hokkaidō, joint activity (if any) and
    /// the stage badge. Returns where the next part starts.
    fn legend_key(&self, svg: &mut Svg, x: f64, mut y: f64) -> f64 {
        svg.text((x, y), 14.0, Anchor::Start, &bold(), "Legend");
        y += 10.0;
        let used: Vec<IslandHolder> = IslandHolder::ALL
            .iter()
            .copied()
            .filter(|h| {
                *h != IslandHolder::Other
                    || self.allocations.iter().any(|a| a.parts.iter().any(|p| p.holder == *h))
            })
            .collect();
        for h in used {
            svg.rect(
                x,
                y,
                22.0,
                14.0,
                &format!(r##"fill="{}" stroke="#333333" stroke-width="0.8""##, holder_colour(h).hex()),
            );
            svg.text((x + 30.0, y + 11.5), 12.0, Anchor::Start, &fill(INK), h.describe());
            y += 21.0;
        }
        svg.rect(
            x,
            y,
            22.0,
            14.0,
            &format!(r##"fill="{}" stroke="#999999" stroke-width="0.8""##, CONTEXT.hex()),
        );
        svg.text((x + 30.0, y + 11.5), 12.0, Anchor::Start, &fill(INK), "Hokkaidō (context)");
        y += 21.0;
        if self.allocations.iter().any(|a| a.joint_activity) {
            svg.rect(
                x,
                y,
                22.0,
                14.0,
                r##"fill="none" stroke="#000000" stroke-width="1.6" stroke-dasharray="4 3""##,
            );
            svg.text(
                (x + 30.0, y + 11.5),
                12.0,
                Anchor::Start,
                &fill(INK),
                "joint activity, no change of sovereignty",
            );
            y += 21.0;
        }
        badge(svg, (x + 11.0, y + 7.0), 1, 8.0);
        svg.text((x + 30.0, y + 11.5), 12.0, Anchor::Start, &fill(INK), "stage that moves the island");
        y + 34.0
    }

    /// The stages, each with its badge, label, conditions and moves. Returns where the
    /// next part starts.
    fn legend_stages(&self, svg: &mut Svg, x: f64, mut y: f64) -> f64 {
        svg.text((x, y), 14.0, Anchor::Start, &bold(), "Stages");
        y += 20.0;
        if self.formula.stages.is_empty() {
            for line in wrap("None: the formula moves no island.", 36) {
                svg.text((x, y), 12.0, Anchor::Start, &fill(INK), &line);
                y += 16.0;
            }
        }
        for (n, stage) in self.formula.stages.iter().enumerate() {
            badge(svg, (x + 8.0, y - 4.0), n + 1, 8.0);
            let label = stage.label.clone().unwrap_or_else(|| format!("stage {}", n + 1));
            for (k, line) in wrap(&label, 32).into_iter().enumerate() {
                svg.text((x + 22.0, y + 16.0 * k as f64), 12.0, Anchor::Start, &bold(), &line);
                y += if k == 0 { 0.0 } else { 16.0 };
            }
            y += 16.0;
            for line in self.stage_lines(stage).iter().flat_map(|l| wrap(l, 36)) {
                svg.text((x + 22.0, y), 11.5, Anchor::Start, &fill(INK), &line);
                y += 15.0;
            }
            y += 6.0;
        }
        y
    }

    /// What a stage says, in words: `after: <conditions>` (if any) and `moves: <island →
    /// recipient, share, right>`.
    fn stage_lines(&self, stage: &Stage) -> Vec<String> {
        let mut lines = Vec::new();
        if !stage.conditions.is_empty() {
            let c: Vec<String> = stage.conditions.iter().map(|c| c.to_string().replace('-', " ")).collect();
            lines.push(format!("after: {}", c.join("; ")));
        }
        let moves: Vec<String> = stage
            .transfers
            .iter()
            .map(|t| {
                let mut s =
                    format!("{} → {}", self.data.island(t.island).name, recipient_name(self.data, &t.to));
                if t.share_or_whole() < crate::formula::Share::WHOLE {
                    let _ = write!(s, " ({})", t.share_or_whole());
                }
                if t.right != Right::Both {
                    let _ = write!(s, " ({} only)", t.right);
                }
                s
            })
            .collect();
        lines.push(format!("moves: {}", moves.join("; ")));
        lines
    }

    /// The islands left to later talks, those under joint activity, and the sequencing,
    /// as far as room is left.
    fn legend_notes(&self, svg: &mut Svg, x: f64, mut y: f64) {
        for u in &self.formula.undecided {
            let islands: Vec<&str> = u.islands.iter().map(|i| self.data.island(i).name.as_str()).collect();
            let mut text = format!("Left to later talks: {}", islands.join(", "));
            if let Some(note) = &u.note {
                let _ = write!(text, " ({note})");
            }
            for line in wrap(&text, 38).into_iter().take(6) {
                svg.text((x, y), 11.5, Anchor::Start, &fill(INK), &line);
                y += 15.0;
            }
            y += 6.0;
        }
        if !self.formula.joint_activity.is_empty() && y < Self::HEIGHT - 60.0 {
            let islands: Vec<&str> =
                self.formula.joint_activity.iter().map(|i| self.data.island(i).name.as_str()).collect();
            for line in wrap(&format!("Joint activity: {}", islands.join(", ")), 38) {
                svg.text((x, y), 11.5, Anchor::Start, &fill(INK), &line);
                y += 15.0;
            }
            y += 6.0;
        }
        if y < Self::HEIGHT - 40.0 {
            let seq = format!("Sequencing: {}", self.formula.order.to_string().replace('-', " "));
            svg.text((x, y + 4.0), 11.5, Anchor::Start, &fill(MUTED), &seq);
        }
    }
}

/// A recipient in words: the party's name, or the names joined.
fn recipient_name(data: &Dataset, to: &crate::formula::Recipient) -> String {
    let names: Vec<&str> =
        to.parties().iter().map(|p| data.party(p).map_or(p.as_str(), |party| party.name.as_str())).collect();
    match names.as_slice() {
        [one] => (*one).to_owned(),
        _ => format!("{} jointly", names.join(" and ")),
    }
}

/// The lines under a map's title: the formula's first source, and its origin.
fn source_lines(data: &Dataset, f: &Formula) -> (String, String) {
    let mut line = String::from("Source: ");
    match f.cite.first().and_then(|c| data.source(&c.source).ok().map(|s| (c, s))) {
        Some((c, s)) => {
            let _ = write!(line, "{} ({}", s.title, s.outlet);
            if let Some(d) = s.date {
                let _ = write!(line, ", {d}");
            }
            line.push(')');
            if let Some(loc) = &c.locator {
                let _ = write!(line, ", {loc}");
            }
        }
        None => line.push_str("not recorded"),
    }
    if f.cite.len() > 1 {
        let _ = write!(line, " and {} more", f.cite.len() - 1);
    }
    line.push('.');
    let mut origin = String::new();
    match &f.origin {
        Some(o) => {
            let party = data.party(&o.party).map_or(o.party.as_str(), |p| p.name.as_str());
            let _ = write!(origin, "Put forward by {party}");
            if let Some(person) = o.person.as_ref().and_then(|p| data.person(p).ok()) {
                let _ = write!(origin, " ({})", person.name);
            }
            let _ = write!(origin, ", {}.", o.date);
        }
        None => origin.push_str("No proposer recorded in the data."),
    }
    (line, origin)
}

// ---------------------------------------------------------------------- small multiples

/// Every formula side by side, one small map each, with a key map naming the islands.
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId, Outlines};
/// use kuril_dispute::map::SmallMultiples;
///
/// let grid = SmallMultiples::new(Dataset::builtin(), Outlines::builtin());
/// assert_eq!(grid.panels().len(), FormulaId::ALL.len());
/// assert!(grid.to_svg().contains("Area split") || grid.to_svg().contains("Equal division"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SmallMultiples<'a> {
    data: &'a Dataset,
    outlines: &'a Outlines,
}

const COLUMNS: usize = 4;
const PANEL_W: f64 = 330.0;
const PANEL_H: f64 = 292.0;
const PANEL_TITLE: f64 = 38.0;
const GAP: f64 = 14.0;
const MARGIN: f64 = 20.0;
const HEADER: f64 = 74.0;

impl<'a> SmallMultiples<'a> {
    /// The grid for every formula of `data`, drawn on `outlines`.
    pub fn new(data: &'a Dataset, outlines: &'a Outlines) -> SmallMultiples<'a> {
        SmallMultiples { data, outlines }
    }

    fn rows(&self) -> usize {
        (self.data.formulas().len() + 1).div_ceil(COLUMNS)
    }

    /// The width of the drawing in pixels.
    pub fn width(&self) -> f64 {
        2.0 * MARGIN + COLUMNS as f64 * PANEL_W + (COLUMNS as f64 - 1.0) * GAP
    }

    /// The height of the drawing in pixels.
    pub fn height(&self) -> f64 {
        HEADER + self.rows() as f64 * (PANEL_H + GAP) + 60.0
    }

    fn panel_origin(n: usize) -> (f64, f64) {
        let (row, col) = (n / COLUMNS, n % COLUMNS);
        (MARGIN + col as f64 * (PANEL_W + GAP), HEADER + row as f64 * (PANEL_H + GAP))
    }

    fn panel_projection(n: usize) -> Projection {
        let (x, y) = Self::panel_origin(n);
        Projection::fit(
            Bounds::SOUTHERN_KURILS,
            Frame { x, y: y + PANEL_TITLE, width: PANEL_W, height: PANEL_H - PANEL_TITLE },
        )
    }

    /// Each formula with the projection of its panel, in [`FormulaId`] order; the key
    /// map comes after them.
    pub fn panels(&self) -> Vec<(FormulaId, Projection)> {
        self.data.formulas().enumerate().map(|(n, f)| (f.id, Self::panel_projection(n))).collect()
    }

    /// The grid as an SVG document.
    pub fn to_svg(&self) -> String {
        let (w, h) = (self.width(), self.height());
        let mut svg = Svg::new(w, h, "Settlement formulas side by side");
        svg.rect(0.0, 0.0, w, h, r##"fill="#ffffff""##);
        svg.text((MARGIN, 34.0), 20.0, Anchor::Start, &bold(), "Settlement formulas side by side");
        svg.text(
            (MARGIN, 56.0),
            12.5,
            Anchor::Start,
            &fill(MUTED),
            "What each formula would give each island at its end: proposals, not statements of sovereignty. The last panel names the islands.",
        );
        let count = self.data.formulas().len();
        for (n, f) in self.data.formulas().enumerate() {
            let (x, y) = Self::panel_origin(n);
            let name = f.name.split(" (").next().unwrap_or(&f.name);
            svg.text((x + 2.0, y + 15.0), 13.5, Anchor::Start, &bold(), &ellipsize(name, 38));
            let origin = match &f.origin {
                Some(o) => {
                    let party = self.data.party(&o.party).map_or(o.party.as_str(), |p| p.name.as_str());
                    format!("{} · put forward by {party}, {}", f.id, o.date)
                }
                None => format!("{} · no proposer recorded", f.id),
            };
            svg.text((x + 2.0, y + 31.0), 10.5, Anchor::Start, &fill(MUTED), &ellipsize(&origin, 56));
            let allocations = IslandAllocation::of_formula(self.data, f);
            let projection = Self::panel_projection(n);
            draw_body(
                &mut svg,
                self.data,
                self.outlines,
                &allocations,
                &projection,
                &format!("panel-{n}"),
                Detail::Small,
            );
        }
        // The key map: names, no formula.
        let (x, y) = Self::panel_origin(count);
        svg.text((x + 2.0, y + 15.0), 13.5, Anchor::Start, &bold(), "Key: the islands");
        svg.text((x + 2.0, y + 31.0), 10.5, Anchor::Start, &fill(MUTED), "Japanese / Russian names");
        draw_body(
            &mut svg,
            self.data,
            self.outlines,
            &[],
            &Self::panel_projection(count),
            "key",
            Detail::Key,
        );
        // The legend along the bottom.
        let mut lx = MARGIN;
        let ly = h - 40.0;
        for &holder in IslandHolder::ALL.iter().filter(|h| **h != IslandHolder::Other) {
            svg.rect(
                lx,
                ly,
                22.0,
                14.0,
                &format!(r##"fill="{}" stroke="#333333" stroke-width="0.8""##, holder_colour(holder).hex()),
            );
            svg.text((lx + 28.0, ly + 11.5), 12.0, Anchor::Start, &fill(INK), holder.describe());
            lx += 40.0 + text_width(holder.describe(), 12.0);
        }
        svg.rect(
            lx,
            ly,
            22.0,
            14.0,
            r##"fill="none" stroke="#000000" stroke-width="1.6" stroke-dasharray="4 3""##,
        );
        svg.text(
            (lx + 28.0, ly + 11.5),
            12.0,
            Anchor::Start,
            &fill(INK),
            "joint activity, no change of sovereignty",
        );
        svg.text(
            (MARGIN, h - 12.0),
            11.0,
            Anchor::Start,
            &fill(MUTED),
            "Coastlines: Natural Earth 1:10m (public domain). An area split is drawn with a schematic dividing line. Data: kuril-dispute.",
        );
        svg.finish()
    }
}

// ---------------------------------------------------------------------- drawing

#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Labels with names, stage badges and notes.
    Full,
    /// No labels.
    Small,
    /// Names only, islands unfilled.
    Key,
}

fn fill(colour: &str) -> String {
    format!(r#"fill="{}""#, esc(colour))
}

fn bold() -> String {
    format!(r#"fill="{INK}" font-weight="bold""#)
}

/// Where an island's label goes, in the sea beside it, and how it is aligned.
fn label_anchor(island: Island) -> (LonLat, Anchor) {
    match island {
        Island::Iturup => (LonLat { lon: 147.95, lat: 44.78 }, Anchor::Start),
        Island::Kunashir => (LonLat { lon: 145.95, lat: 44.66 }, Anchor::Middle),
        Island::Shikotan => (LonLat { lon: 147.02, lat: 43.83 }, Anchor::Start),
        Island::Habomai => (LonLat { lon: 146.2, lat: 43.3 }, Anchor::Start),
    }
}

/// A map's body in `projection`'s frame: sea, land and, unless `detail` is small, the
/// labels.
fn draw_body(
    svg: &mut Svg,
    data: &Dataset,
    outlines: &Outlines,
    allocations: &[IslandAllocation],
    projection: &Projection,
    clip_id: &str,
    detail: Detail,
) {
    draw_land(svg, data, outlines, allocations, projection, clip_id, detail);
    if detail == Detail::Small {
        return;
    }
    let size = if detail == Detail::Full { 13.0 } else { 10.5 };
    draw_context_labels(svg, outlines, projection, size);
    draw_island_labels(svg, data, allocations, projection, size);
}

/// The sea, the context outlines and each island filled by its allocation (an island
/// with no allocation, on the key map, in plain land colour), clipped to the frame.
fn draw_land(
    svg: &mut Svg,
    data: &Dataset,
    outlines: &Outlines,
    allocations: &[IslandAllocation],
    projection: &Projection,
    clip_id: &str,
    detail: Detail,
) {
    let frame = projection.frame();
    let clip = format!("clip-{clip_id}");
    svg.clip_rect(&clip, frame.x, frame.y, frame.width, frame.height);
    svg.open_group(&format!(r#"clip-path="url(#{})""#, esc(&clip)));
    svg.rect(frame.x, frame.y, frame.width, frame.height, &format!(r#"fill="{}""#, SEA.hex()));
    let stroke = if detail == Detail::Full { 0.8 } else { 0.6 };
    for context in outlines.context() {
        let rings = projection.outline(context);
        let style = format!(r##"fill="{}" stroke="#999999" stroke-width="{stroke}""##, CONTEXT.hex());
        svg.rings(&rings, &style, Some(&context.name));
    }
    for island in Island::ALL {
        let outline = outlines.island(island);
        let rings = projection.outline(outline);
        let profile = data.island(island);
        let name = format!(
            "{} / {} ({} / {})",
            profile.ja.romaji, profile.ru.latin, profile.ja.kanji, profile.ru.cyrillic
        );
        let edge = format!(r##"stroke="#333333" stroke-width="{stroke}" stroke-linejoin="round""##);
        let Some(a) = allocations.get(island as usize) else {
            svg.rings(&rings, &format!(r#"fill="{}" {edge}"#, KEY_LAND.hex()), Some(&name));
            continue;
        };
        fill_island(svg, outline, &rings, a, projection, &name, &edge);
        if a.joint_activity {
            svg.rings(
                &rings,
                r##"fill="none" stroke="#000000" stroke-width="1.6" stroke-dasharray="4 3""##,
                None,
            );
        }
    }
    svg.close_group();
    svg.rect(
        frame.x,
        frame.y,
        frame.width,
        frame.height,
        r##"fill="none" stroke="#999999" stroke-width="1""##,
    );
}

/// One island filled by what `allocation` gives it: one colour, or bands in the shares
/// of a split, each with a tooltip naming the island and its holders.
fn fill_island(
    svg: &mut Svg,
    outline: &Outline,
    rings: &Rings,
    allocation: &IslandAllocation,
    projection: &Projection,
    name: &str,
    edge: &str,
) {
    match allocation.parts.as_slice() {
        parts @ [_, _, ..] => {
            let polygons: Vec<Vec<Vec<(f64, f64)>>> =
                outline.polygons.iter().map(|p| projection.polygon(p)).collect();
            let shares: Vec<f64> = parts.iter().map(|p| p.share.fraction()).collect();
            let bands = split_bands(&polygons, &shares);
            let described: Vec<String> =
                parts.iter().map(|p| format!("{} {}", p.share, p.holder.describe())).collect();
            let tip = format!("{name}: {}", described.join(", "));
            for (part, band) in parts.iter().zip(&bands) {
                svg.rings(
                    band,
                    &format!(r#"fill="{}" {edge}"#, holder_colour(part.holder).hex()),
                    Some(&tip),
                );
            }
        }
        parts => {
            let holder = parts.first().map_or(IslandHolder::Russia, |p| p.holder);
            let tip = format!("{name}: {}", holder.describe());
            svg.rings(rings, &format!(r#"fill="{}" {edge}"#, holder_colour(holder).hex()), Some(&tip));
        }
    }
}

/// The context outlines' names (English, then Japanese / Russian), where they fit on land.
fn draw_context_labels(svg: &mut Svg, outlines: &Outlines, projection: &Projection, size: f64) {
    for context in outlines.context() {
        let first = context.name.split(" (").next().unwrap_or(&context.name);
        let line1 = first.to_owned();
        let line2 = format!(
            "{} / {}",
            context.name_ja.as_deref().unwrap_or(""),
            context.name_ru.as_deref().unwrap_or("")
        );
        let half_width = text_width(&line1, size).max(text_width(&line2, size)) / 2.0;
        if let Some(p) = context_label_point(projection, context, half_width) {
            svg.text(p, size, Anchor::Middle, &fill(MUTED), &line1);
            svg.text((p.0, p.1 + size * 1.25), size * 0.92, Anchor::Middle, &fill(MUTED), &line2);
        }
    }
}

/// Each island's names in the sea beside it and, with an allocation, the badges of the
/// stages that move it and notes on a split or a partial right.
fn draw_island_labels(
    svg: &mut Svg,
    data: &Dataset,
    allocations: &[IslandAllocation],
    projection: &Projection,
    size: f64,
) {
    for island in Island::ALL {
        let profile = data.island(island);
        let (at, anchor) = label_anchor(island);
        let (x, y) = projection.project(at);
        let halo = format!(r#"fill="{INK}" stroke="{}" stroke-width="3" paint-order="stroke""#, SEA.hex());
        svg.text((x, y), size, anchor, &halo, &format!("{} / {}", profile.ja.romaji, profile.ru.latin));
        svg.text(
            (x, y + size * 1.25),
            size * 0.92,
            anchor,
            &halo,
            &format!("{} / {}", profile.ja.kanji, profile.ru.cyrillic),
        );
        let Some(a) = allocations.get(island as usize) else { continue };
        let mut line_y = y + size * 2.6;
        if !a.stages.is_empty() {
            let width = 20.0 * a.stages.len() as f64;
            let mut bx = match anchor {
                Anchor::Start => x + 8.0,
                Anchor::Middle => x - width / 2.0 + 10.0,
                Anchor::End => x - width + 12.0,
            };
            for &n in &a.stages {
                badge(svg, (bx, line_y - 4.0), n, 8.0);
                bx += 20.0;
            }
            line_y += 18.0;
        }
        for note in island_notes(a) {
            svg.text((x, line_y), size * 0.85, anchor, &halo, &note);
            line_y += size * 1.15;
        }
    }
}

/// The notes beside an island: the shares of a split, a right given alone.
fn island_notes(a: &IslandAllocation) -> Vec<String> {
    let mut notes = Vec::new();
    if a.is_split() {
        notes.extend(a.parts.iter().map(|p| format!("{} {}", p.share, short_label(p.holder))));
    }
    if let Some(right) = a.right.filter(|r| *r != Right::Both) {
        notes.push(format!("{right} only"));
    }
    notes
}

/// A short text for a part's holder, for the notes beside an island.
fn short_label(holder: IslandHolder) -> &'static str {
    match holder {
        IslandHolder::Japan => "to Japan",
        IslandHolder::Russia => "stays with Russia",
        IslandHolder::Joint => "joint",
        IslandHolder::Undecided => "left to later talks",
        IslandHolder::Other => "to another party",
    }
}

/// A numbered stage badge.
fn badge(svg: &mut Svg, at: (f64, f64), n: usize, r: f64) {
    svg.circle(at, r, r##"fill="#ffffff" stroke="#222222" stroke-width="1.2""##);
    svg.text((at.0, at.1 + r * 0.45), r * 1.3, Anchor::Middle, &bold(), &n.to_string());
}

/// A point for a context shape's label: among grid points on the shape whose label box
/// stays inside the frame, the one whose box has most corners on the shape, then the one
/// farthest from the shape's edge.
fn context_label_point(projection: &Projection, outline: &Outline, half_width: f64) -> Option<(f64, f64)> {
    let frame = projection.frame();
    let rings = projection.outline(outline);
    let on_shape = |c: (f64, f64)| rings.iter().any(|r| planar::ring_contains(r, c));
    let in_frame = |c: (f64, f64)| {
        c.0 > frame.x + 4.0
            && c.0 < frame.x + frame.width - 4.0
            && c.1 > frame.y + 4.0
            && c.1 < frame.y + frame.height - 4.0
    };
    let mut best: Option<((f64, f64), (usize, f64))> = None;
    for i in 1..48 {
        for j in 1..48 {
            let p =
                (frame.x + frame.width * f64::from(i) / 48.0, frame.y + frame.height * f64::from(j) / 48.0);
            let corners = [
                (p.0 - half_width, p.1 - 14.0),
                (p.0 + half_width, p.1 - 14.0),
                (p.0 - half_width, p.1 + 20.0),
                (p.0 + half_width, p.1 + 20.0),
            ];
            if !on_shape(p) || !corners.iter().all(|&c| in_frame(c)) {
                continue;
            }
            let covered = corners.iter().filter(|&&c| on_shape(c)).count();
            let to_edge = rings
                .iter()
                .flatten()
                .map(|q| ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt())
                .fold(f64::INFINITY, f64::min);
            if best.is_none_or(|(_, (n, d))| covered > n || (covered == n && to_edge > d)) {
                best = Some((p, (covered, to_edge)));
            }
        }
    }
    best.map(|(p, _)| p)
}

/// Projected rings: a polygon's exterior and holes, or a shape's polygons.
type Rings = Vec<Vec<(f64, f64)>>;

/// Divides projected polygons by lines across their long axis into bands, one per share
/// (in order from the south-western end), each with its share of the area; shares that
/// add up to less than 1 leave the rest out, more than 1 are cut at the far end.
fn split_bands(polygons: &[Rings], shares: &[f64]) -> Vec<Rings> {
    let exteriors: Vec<&(f64, f64)> = polygons.iter().filter_map(|p| p.first()).flatten().collect();
    let n = exteriors.len().max(1) as f64;
    let (mx, my) = exteriors.iter().fold((0.0, 0.0), |(sx, sy), p| (sx + p.0 / n, sy + p.1 / n));
    let (sxx, syy, sxy) = exteriors.iter().fold((0.0, 0.0, 0.0), |(a, b, c), p| {
        let (dx, dy) = (p.0 - mx, p.1 - my);
        (a + dx * dx, b + dy * dy, c + dx * dy)
    });
    let theta = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let mut axis = (theta.cos(), theta.sin());
    // Point the axis north-east (x right, y down), so the low side is the south-west end.
    if axis.0 - axis.1 < 0.0 {
        axis = (-axis.0, -axis.1);
    }
    let area = |limit: f64| -> f64 {
        polygons
            .iter()
            .map(|p| {
                p.iter()
                    .enumerate()
                    .map(|(k, r)| {
                        let a = planar::ring_area(&planar::clip_half_plane(r, axis, limit)).abs();
                        if k == 0 { a } else { -a }
                    })
                    .sum::<f64>()
            })
            .sum()
    };
    let dots = exteriors.iter().map(|p| p.0 * axis.0 + p.1 * axis.1);
    let (low, high) = dots.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), d| (l.min(d), h.max(d)));
    let total = area(high + 1.0);
    // The line below which `fraction` of the area lies.
    let line = |fraction: f64| -> f64 {
        if fraction >= 1.0 {
            return high + 1.0;
        }
        let (mut lo, mut hi) = (low, high);
        for _ in 0..60 {
            let mid = (lo + hi) / 2.0;
            if area(mid) < fraction * total {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (lo + hi) / 2.0
    };
    // The part of every ring between two lines (`None`: no bound on that side).
    let band = |from: Option<f64>, to: Option<f64>| -> Rings {
        polygons
            .iter()
            .flatten()
            .map(|r| {
                let r = match to {
                    Some(to) => planar::clip_half_plane(r, axis, to),
                    None => r.clone(),
                };
                match from {
                    Some(from) => planar::clip_half_plane(&r, (-axis.0, -axis.1), -from),
                    None => r,
                }
            })
            .filter(|r| r.len() >= 4)
            .collect()
    };
    let mut bands = Vec::with_capacity(shares.len());
    let mut below = 0.0;
    let mut from = None;
    for (k, share) in shares.iter().enumerate() {
        below += share;
        let last = k + 1 == shares.len();
        let to = if last && below >= 1.0 - 1e-9 { None } else { Some(line(below)) };
        bands.push(band(from, to));
        from = to;
    }
    bands
}

/// Greedy word wrap to at most `width` characters a line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_divides_the_area_in_the_given_shares() {
        let rect = vec![vec![vec![(0.0, 0.0), (10.0, 0.0), (10.0, 2.0), (0.0, 2.0), (0.0, 0.0)]]];
        let area = |rings: &Rings| rings.iter().map(|r| planar::ring_area(r).abs()).sum::<f64>();
        let [near, far] = <[Rings; 2]>::try_from(split_bands(&rect, &[0.21, 0.79])).unwrap();
        let (a, b) = (area(&near), area(&far));
        assert!((a / (a + b) - 0.21).abs() < 1e-6, "{a} {b}");
        // The share is at the western end.
        assert!(near.iter().flatten().all(|p| p.0 <= 2.2));
        // Three parts: each its share, in order from the west.
        let bands = split_bands(&rect, &[0.5, 0.25, 0.25]);
        let areas: Vec<f64> = bands.iter().map(area).collect();
        for (got, want) in areas.iter().zip([10.0, 5.0, 5.0]) {
            assert!((got - want).abs() < 1e-6, "{areas:?}");
        }
        assert!(bands[1].iter().flatten().all(|p| (4.9..=7.6).contains(&p.0)), "{:?}", bands[1]);
        // Shares short of the whole leave the rest undrawn.
        let bands = split_bands(&rect, &[0.3]);
        assert!((area(&bands[0]) - 6.0).abs() < 1e-6);
    }

    #[test]
    fn wrap_keeps_lines_short_and_words_whole() {
        let lines = wrap("after: peace treaty concluded; foreign troops withdrawn", 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), "after: peace treaty concluded; foreign troops withdrawn");
    }
}
