//! Renders the maps and the timeline with a real SVG renderer (resvg) and checks the
//! pixels against the data: the colour at each island's centroid (from the dataset,
//! projected with the map's own projection) is the colour of what the formula gives
//! it; an area split covers the formula's share of the drawn island; the timeline's
//! bands show the position in force. Text is not rendered (resvg is built without
//! fonts), so labels cannot hide a fill.

use kuril_dispute::map::{self, FormulaMap, Projection, Rgb, SmallMultiples};
use kuril_dispute::timeline_chart::{BandClass, TimelineChart};
use kuril_dispute::{Dataset, Formula, FormulaId, Island, IslandHolder, LonLat, Outlines, PartyId};
use resvg::{tiny_skia, usvg};

fn render(svg: &str, scale: f32) -> tiny_skia::Pixmap {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("the SVG parses");
    let size = tree.size();
    let mut pixmap =
        tiny_skia::Pixmap::new((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32)
            .expect("a non-empty canvas");
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap
}

fn pixel(p: &tiny_skia::Pixmap, (x, y): (f64, f64), scale: f64) -> Rgb {
    let c = p.pixel((x * scale) as u32, (y * scale) as u32).expect("inside the canvas").demultiply();
    assert_eq!(c.alpha(), 255, "an opaque background");
    Rgb { r: c.red(), g: c.green(), b: c.blue() }
}

fn close(a: Rgb, b: Rgb) -> bool {
    a.r.abs_diff(b.r) <= 3 && a.g.abs_diff(b.g) <= 3 && a.b.abs_diff(b.b) <= 3
}

/// What a formula gives an island, read from the formula's own queries (not from
/// `IslandAllocation`, which the maps use): `None` for an island moved only in part.
fn expected(f: &Formula, island: Island) -> Option<IslandHolder> {
    if f.partially_transferred().contains(island) {
        None
    } else if f.jointly_held().contains(island) {
        Some(IslandHolder::Joint)
    } else if f.islands_transferred().contains(island) {
        Some(IslandHolder::Japan)
    } else if f.undecided_islands().contains(island) {
        Some(IslandHolder::Undecided)
    } else {
        Some(IslandHolder::Russia)
    }
}

fn centroid(data: &Dataset, island: Island) -> LonLat {
    let c = &data.island(island).centroid;
    LonLat { lon: c.lon, lat: c.lat }
}

/// The area centroid of an island's largest polygon in the outline data.
fn outline_centroid(outlines: &Outlines, island: Island) -> LonLat {
    let ring = &outlines.island(island).polygons[0].exterior;
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0].lon * w[1].lat - w[1].lon * w[0].lat;
        a += cross;
        cx += (w[0].lon + w[1].lon) * cross;
        cy += (w[0].lat + w[1].lat) * cross;
    }
    LonLat { lon: cx / (3.0 * a), lat: cy / (3.0 * a) }
}

/// The distance in pixels from a point to the nearest drawn coast of an island.
fn distance_to_coast(proj: &Projection, outlines: &Outlines, island: Island, p: (f64, f64)) -> f64 {
    let mut best = f64::INFINITY;
    for poly in &outlines.island(island).polygons {
        let ring: Vec<(f64, f64)> = poly.exterior.iter().map(|&q| proj.project(q)).collect();
        for w in ring.windows(2) {
            let ((ax, ay), (bx, by)) = (w[0], w[1]);
            let (dx, dy) = (bx - ax, by - ay);
            let t = (((p.0 - ax) * dx + (p.1 - ay) * dy) / (dx * dx + dy * dy).max(1e-12)).clamp(0.0, 1.0);
            best = best.min((ax + t * dx - p.0).hypot(ay + t * dy - p.1));
        }
    }
    best
}

/// The points to sample for an island: the dataset's centroid where it lies well inside
/// the drawn coast (the Habomai centroid is the group's, about 1 km inside Shibotsu's
/// coast, so near the coastline at map scale), and always the area centroid of the
/// island's largest polygon.
fn samples(data: &Dataset, outlines: &Outlines, proj: &Projection, island: Island) -> Vec<(f64, f64)> {
    let mut points = vec![proj.project(outline_centroid(outlines, island))];
    let from_data = proj.project(centroid(data, island));
    if distance_to_coast(proj, outlines, island, from_data) > 2.5 {
        points.push(from_data);
    }
    for &p in &points {
        assert!(distance_to_coast(proj, outlines, island, p) > 2.5, "{island}: sample {p:?} is on the coast");
    }
    points
}

fn ring_contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (w[0], w[1]);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// Counts the rendered pixels inside an island's outline that have each of two colours.
fn count_inside(
    p: &tiny_skia::Pixmap,
    scale: f64,
    proj: &Projection,
    outlines: &Outlines,
    island: Island,
    a: Rgb,
    b: Rgb,
) -> (usize, usize) {
    match count_colours(p, scale, proj, outlines, island, &[a, b])[..] {
        [na, nb] => (na, nb),
        _ => unreachable!("two colours counted"),
    }
}

/// Counts the rendered pixels inside an island's outline that have each of `colours`.
fn count_colours(
    p: &tiny_skia::Pixmap,
    scale: f64,
    proj: &Projection,
    outlines: &Outlines,
    island: Island,
    colours: &[Rgb],
) -> Vec<usize> {
    let rings: Vec<Vec<(f64, f64)>> = outlines
        .island(island)
        .polygons
        .iter()
        .map(|poly| {
            poly.exterior.iter().map(|&q| proj.project(q)).map(|(x, y)| (x * scale, y * scale)).collect()
        })
        .collect();
    let mut counts = vec![0; colours.len()];
    let points = || rings.iter().flatten();
    let (x0, x1) =
        (points().map(|q| q.0).fold(f64::MAX, f64::min), points().map(|q| q.0).fold(f64::MIN, f64::max));
    let (y0, y1) =
        (points().map(|q| q.1).fold(f64::MAX, f64::min), points().map(|q| q.1).fold(f64::MIN, f64::max));
    for y in (y0.max(0.0) as u32)..(y1.ceil() as u32).min(p.height()) {
        for x in (x0.max(0.0) as u32)..(x1.ceil() as u32).min(p.width()) {
            let centre = (f64::from(x) + 0.5, f64::from(y) + 0.5);
            if !rings.iter().any(|r| ring_contains(r, centre)) {
                continue;
            }
            let c = p.pixel(x, y).expect("in range").demultiply();
            let c = Rgb { r: c.red(), g: c.green(), b: c.blue() };
            if let Some(n) = colours.iter().position(|&want| close(c, want)) {
                counts[n] += 1;
            }
        }
    }
    counts
}

/// The area centroid of all of an island's polygons (holes subtracted), computed on a
/// Lambert cylindrical equal-area projection whose standard parallel is `lat0`.
fn equal_area_centroid(outlines: &Outlines, island: Island, lat0: f64) -> LonLat {
    let k = lat0.to_radians().cos();
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for poly in &outlines.island(island).polygons {
        // Exterior rings run counter-clockwise and holes clockwise (RFC 7946), so the
        // signed sums subtract the holes.
        for ring in std::iter::once(&poly.exterior).chain(&poly.holes) {
            let xy: Vec<(f64, f64)> =
                ring.iter().map(|p| (p.lon.to_radians() * k, p.lat.to_radians().sin() / k)).collect();
            for w in xy.windows(2) {
                let cross = w[0].0 * w[1].1 - w[1].0 * w[0].1;
                a += cross;
                cx += (w[0].0 + w[1].0) * cross;
                cy += (w[0].1 + w[1].1) * cross;
            }
        }
    }
    let (x, y) = (cx / (3.0 * a), cy / (3.0 * a));
    LonLat { lon: (x / k).to_degrees(), lat: (y * k).asin().to_degrees() }
}

/// The dataset's centre points are computed from the outlines (data/islands.toml, header;
/// source natural-earth-10m-land): the equal-area centroid of each island's polygons,
/// rounded to 0.01°. Recomputing them keeps the stated method and the data together.
#[test]
fn each_centre_point_is_the_area_centroid_of_the_islands_outline() {
    let data = Dataset::builtin();
    let outlines = Outlines::builtin();
    for island in Island::ALL {
        let c = &data.island(island).centroid;
        let got = equal_area_centroid(outlines, island, c.lat);
        assert!(
            (got.lat - c.lat).abs() <= 0.0051 && (got.lon - c.lon).abs() <= 0.0051,
            "{island}: the outline's centroid is {:.4}, {:.4}; the data has {}, {}",
            got.lat,
            got.lon,
            c.lat,
            c.lon
        );
        assert!(
            c.cite.iter().any(|x| x.source.as_str() == "natural-earth-10m-land"),
            "{island}: the centre point cites the outlines it is computed from"
        );
    }
}

#[test]
fn each_island_of_each_formula_map_has_the_colour_of_what_the_formula_gives_it() {
    let data = Dataset::builtin();
    let outlines = Outlines::builtin();
    let scale = 1.0;
    let mut colours_seen = std::collections::HashSet::new();
    for id in FormulaId::ALL {
        let map = FormulaMap::new(data, outlines, id);
        let pixmap = render(&map.to_svg(), scale as f32);
        let proj = map.projection();
        let f = data.formula(id);
        for island in Island::ALL {
            let points = samples(data, outlines, &proj, island);
            if island != Island::Habomai {
                assert_eq!(points.len(), 2, "{island}: the dataset centroid is sampled");
            }
            for at in points {
                let got = pixel(&pixmap, at, scale);
                colours_seen.insert((got.r, got.g, got.b));
                match expected(f, island) {
                    Some(holder) => {
                        let want = map::holder_colour(holder);
                        assert!(
                            close(got, want),
                            "{id}, {island}: pixel {got:?} at {at:?}, want {holder} {want:?}"
                        );
                    }
                    None => {
                        // Split: the pixels inside the drawn island divide in the formula's share.
                        let share = f
                            .all_transfers()
                            .find(|t| t.island == island)
                            .map(|t| t.share_or_whole().fraction())
                            .expect("a partial transfer");
                        let (japan, russia) = (
                            map::holder_colour(IslandHolder::Japan),
                            map::holder_colour(IslandHolder::Russia),
                        );
                        assert!(close(got, japan) || close(got, russia), "{id}, {island}: {got:?}");
                        let (nj, nr) = count_inside(&pixmap, scale, &proj, outlines, island, japan, russia);
                        let drawn = nj as f64 / (nj + nr) as f64;
                        assert!(nj + nr > 500, "{id}, {island}: only {} pixels", nj + nr);
                        assert!(
                            (drawn - share).abs() < 0.03,
                            "{id}, {island}: {drawn:.3} of the island drawn as Japan's, want {share}"
                        );
                    }
                }
            }
        }
    }
    // Japan, Russia, joint, undecided at least.
    assert!(colours_seen.len() >= 4, "{colours_seen:?}");
}

#[test]
fn the_small_multiples_colour_every_panel_by_its_formula() {
    let data = Dataset::builtin();
    let grid = SmallMultiples::new(data, Outlines::builtin());
    let pixmap = render(&grid.to_svg(), 1.0);
    assert_eq!(grid.panels().len(), FormulaId::ALL.len());
    for (id, proj) in grid.panels() {
        let f = data.formula(id);
        // Habomai is a few pixels wide in a panel; check the three larger islands.
        for island in [Island::Iturup, Island::Kunashir, Island::Shikotan] {
            let at = proj.project(centroid(data, island));
            assert!(
                distance_to_coast(&proj, Outlines::builtin(), island, at) > 1.5,
                "{island} centroid on the coast"
            );
            let got = pixel(&pixmap, at, 1.0);
            let holder = expected(f, island).unwrap_or(IslandHolder::Russia);
            assert!(close(got, map::holder_colour(holder)), "{id}, {island}: {got:?}, want {holder}");
        }
    }
}

#[test]
fn the_sea_and_hokkaido_are_drawn_around_the_islands() {
    let data = Dataset::builtin();
    let map = FormulaMap::new(data, Outlines::builtin(), FormulaId::StatusQuo);
    let pixmap = render(&map.to_svg(), 0.5);
    let proj = map.projection();
    // Between Kunashir and Iturup: sea. Nemuro city on Hokkaido: context land.
    let sea = pixel(&pixmap, proj.project(LonLat { lon: 146.7, lat: 44.2 }), 0.5);
    assert!(close(sea, map::SEA), "{sea:?}");
    let hokkaido = pixel(&pixmap, proj.project(LonLat { lon: 144.8, lat: 43.5 }), 0.5);
    assert!(close(hokkaido, map::CONTEXT), "{hokkaido:?}");
}

#[test]
fn the_timeline_bands_show_the_position_in_force() {
    let data = Dataset::builtin();
    let timeline = TimelineChart::new(data);
    let pixmap = render(&timeline.to_svg(), 1.0);
    let mut checked = 0;
    for row in timeline.rows() {
        assert!(row.party == PartyId::JAPAN || row.party == PartyId::RUSSIA, "{}", row.party);
        for band in &row.bands {
            let (x0, x1) = (timeline.x_of(band.from), timeline.x_of(band.to));
            if x1 - x0 < 6.0 {
                continue;
            }
            let middle = band.from + (band.to - band.from) / 2;
            let in_force = data
                .latest_positions(&row.party, middle.try_into().expect("a day of 1-9999"))
                .expect("a known party");
            let formula = in_force.last().expect("a position in force").formula;
            // The class from the formula's own queries.
            let want = match formula.map(|id| data.formula(id)) {
                None => BandClass::NoFormula,
                Some(f)
                    if f.islands_transferred() == kuril_dispute::IslandSet::ALL
                        && f.partially_transferred().is_empty() =>
                {
                    BandClass::AllToJapan
                }
                Some(f) if !f.islands_transferred().is_empty() => BandClass::SomeToJapan,
                Some(f) if !f.undecided_islands().is_empty() => BandClass::LeftOpen,
                Some(_) => BandClass::NoneMoves,
            };
            let got = pixel(&pixmap, ((x0 + x1) / 2.0, row.frame.y + row.frame.height - 4.0), 1.0);
            assert!(close(got, want.colour()), "{} {middle}: {got:?}, want {want}", row.party);
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} bands wide enough to check");
}

#[test]
fn the_timeline_draws_each_islands_administration_in_the_colour_of_who_governed_it() {
    use kuril_dispute::timeline_chart::AdministrationClass;
    let data = Dataset::builtin();
    let timeline = TimelineChart::new(data);
    let pixmap = render(&timeline.to_svg(), 1.0);
    let rows = timeline.administration_rows();
    assert_eq!(rows.iter().map(|r| r.island).collect::<Vec<_>>(), Island::ALL);
    let mut checked = 0;
    for row in rows {
        assert_eq!(row.bands.len(), data.administration_of(row.island).count());
        for band in &row.bands {
            let (x0, x1) = (timeline.x_of(band.from), timeline.x_of(band.to));
            if x1 - x0 < 4.0 {
                continue;
            }
            let middle = band.from + (band.to - band.from) / 2;
            // The class from the queries, not from the band.
            let held = data.administrator_at(row.island, middle.try_into().expect("a day of 1-9999"));
            assert_eq!(held.len(), 1, "{} {middle}", row.island);
            let want = match (held[0].kind, held[0].administrator.as_str()) {
                (kuril_dispute::administration::AdministrationKind::Military, _) => {
                    AdministrationClass::Military
                }
                (_, "japan") => AdministrationClass::Japan,
                (_, "soviet-union" | "russia") => AdministrationClass::SovietUnionOrRussia,
                _ => AdministrationClass::Other,
            };
            let got = pixel(&pixmap, ((x0 + x1) / 2.0, row.frame.y + row.frame.height - 3.0), 1.0);
            assert!(close(got, want.colour()), "{} {middle}: {got:?}, want {want}", row.island);
            checked += 1;
        }
    }
    // Japan, Soviet forces (a few pixels wide), the Soviet Union and Russia on each island.
    assert_eq!(checked, 16);
}

#[test]
fn labels_from_user_data_are_escaped() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).expect("data/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut text = std::fs::read_to_string(&path).expect("readable");
            if path.file_name().is_some_and(|n| n == "formulas.toml") {
                text = text.replacen(
                    r#"name = "Hikiwake (a draw)""#,
                    r#"name = "Hikiwake <script>alert('x')</script> & \"draw\"""#,
                    1,
                );
            }
            std::fs::write(dir.path().join(path.file_name().expect("a name")), text).expect("writable");
        }
    }
    let data = Dataset::from_dir(dir.path()).expect("still valid");
    assert!(data.formula(FormulaId::Hikiwake).name.contains("<script>"));
    let outlines = Outlines::builtin();
    for svg in [
        FormulaMap::new(&data, outlines, FormulaId::Hikiwake).to_svg(),
        SmallMultiples::new(&data, outlines).to_svg(),
        TimelineChart::new(&data).to_svg(),
    ] {
        assert!(!svg.contains("<script"));
        usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("still well-formed");
    }
    let map = FormulaMap::new(&data, outlines, FormulaId::Hikiwake).to_svg();
    assert!(
        map.contains("Hikiwake &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;draw&quot;")
    );
}

#[test]
fn the_map_in_the_readme_is_the_current_rendering() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/two-islands-1956.svg"))
            .expect("docs/two-islands-1956.svg");
    let now = FormulaMap::new(Dataset::builtin(), Outlines::builtin(), FormulaId::TwoIslands1956).to_svg();
    assert!(
        committed == now,
        "docs/two-islands-1956.svg is stale: run `cargo run --example maps` and copy \
         target/kuril-maps/formula-two-islands-1956.svg over it"
    );
}

/// The built-in data with the first `from` of `formulas.toml` replaced by `to`.
fn with_formulas(from: &str, to: &str) -> Dataset {
    let dir = tempfile::tempdir().expect("a temp dir");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).expect("data/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut text = std::fs::read_to_string(&path).expect("readable");
            if path.file_name().is_some_and(|n| n == "formulas.toml") {
                assert!(text.contains(from), "formulas.toml has no {from:?}");
                text = text.replacen(from, to, 1);
            }
            std::fs::write(dir.path().join(path.file_name().expect("a name")), text).expect("writable");
        }
    }
    Dataset::from_dir(dir.path()).expect("still valid")
}

#[test]
fn a_three_part_split_is_drawn_with_each_holder_in_its_share() {
    // Iturup: half to Japan, a quarter held jointly, the rest staying with Russia.
    let data = with_formulas(
        r#"{ island = "iturup", to = "japan", share = 0.21 },"#,
        r#"{ island = "iturup", to = "japan", share = 0.5 },
  { island = "iturup", to = ["japan", "russia"], share = 0.25 },"#,
    );
    let outlines = Outlines::builtin();
    let map = FormulaMap::new(&data, outlines, FormulaId::AreaSplit);
    let proj = map.projection();
    let scale = 2.0;
    let pixmap = render(&map.to_svg(), scale as f32);
    let holders = [IslandHolder::Japan, IslandHolder::Joint, IslandHolder::Russia];
    let colours: Vec<Rgb> = holders.iter().map(|&h| map::holder_colour(h)).collect();
    let counts = count_colours(&pixmap, scale, &proj, outlines, Island::Iturup, &colours);
    let all: usize = counts.iter().sum();
    assert!(all > 2_000, "only {all} pixels");
    for ((holder, n), want) in holders.iter().zip(&counts).zip([0.5, 0.25, 0.25]) {
        let drawn = *n as f64 / all as f64;
        assert!(
            (drawn - want).abs() < 0.03,
            "{holder}: {drawn:.3} of Iturup drawn, want {want} ({counts:?})"
        );
    }
    // The whole split, as the issue found it: half to Japan, half joint, none to Russia.
    let data = with_formulas(
        r#"{ island = "iturup", to = "japan", share = 0.21 },"#,
        r#"{ island = "iturup", to = "japan", share = 0.5 },
  { island = "iturup", to = ["japan", "russia"], share = 0.5 },"#,
    );
    let map = FormulaMap::new(&data, outlines, FormulaId::AreaSplit);
    let pixmap = render(&map.to_svg(), scale as f32);
    let counts = count_colours(&pixmap, scale, &map.projection(), outlines, Island::Iturup, &colours);
    let all: usize = counts.iter().sum();
    assert!((counts[0] as f64 / all as f64 - 0.5).abs() < 0.03, "{counts:?}");
    assert!((counts[1] as f64 / all as f64 - 0.5).abs() < 0.03, "{counts:?}");
    assert_eq!(counts[2], 0, "nothing of Iturup is drawn as Russia's: {counts:?}");
}
