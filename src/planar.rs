//! Planar geometry on projected rings (x, y): areas, point in ring, clipping by a
//! half-plane. The maps use it to place labels and to divide an island by an area share.

/// The signed area of a ring in plane coordinates (positive if counter-clockwise in a
/// y-up frame).
pub(crate) fn ring_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|w| match w {
            [(x1, y1), (x2, y2)] => x1 * y2 - x2 * y1,
            _ => 0.0,
        })
        .sum::<f64>()
        / 2.0
}

/// Whether a point lies inside a ring (even-odd rule).
pub(crate) fn ring_contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        if let [(x1, y1), (x2, y2)] = *w
            && (y1 > y) != (y2 > y)
            && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1
        {
            inside = !inside;
        }
    }
    inside
}

/// The part of a ring on the side `(p · axis) ≤ limit` of a line (Sutherland–Hodgman
/// against one half-plane; a concave ring may come back with zero-width bridges along
/// the line, which fill nothing).
pub(crate) fn clip_half_plane(ring: &[(f64, f64)], axis: (f64, f64), limit: f64) -> Vec<(f64, f64)> {
    let side = |(x, y): (f64, f64)| x * axis.0 + y * axis.1 - limit;
    let mut out = Vec::with_capacity(ring.len() + 4);
    for w in ring.windows(2) {
        let [a, b] = *w else { continue };
        let (sa, sb) = (side(a), side(b));
        if sa <= 0.0 {
            out.push(a);
        }
        if (sa <= 0.0) != (sb <= 0.0) {
            let t = sa / (sa - sb);
            out.push((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)));
        }
    }
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_clipped_in_half_has_half_the_area() {
        let square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        assert!((ring_area(&square) - 4.0).abs() < 1e-12);
        let left = clip_half_plane(&square, (1.0, 0.0), 0.5);
        assert!((ring_area(&left) - 1.0).abs() < 1e-12);
        assert!(ring_contains(&left, (0.25, 1.0)));
        assert!(!ring_contains(&left, (1.0, 1.0)));
    }
}
