//! Reference lines ("minimum 60%") and where their labels go: at the right or left end of
//! the line, above or below it, wherever the label covers the least of the data.

use super::{Area, Chart, REFERENCE_COLOUR, Reference, TICK_SIZE, WIDTH, chars_in, clean, msg};
use super::{text_width, tick_style};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A pixel point of the backend (the whole SVG).
pub(super) type Px = (i32, i32);
/// A pixel box: top-left and bottom-right corners.
pub(super) type PxBox = (Px, Px);

/// What a reference label should not cover, in backend pixels: line segments and boxes.
#[derive(Default)]
pub(super) struct Obstacles {
    pub segments: Vec<(Px, Px)>,
    pub boxes: Vec<PxBox>,
}

impl Obstacles {
    /// How many obstacles `b` touches.
    fn hits(&self, b: PxBox) -> usize {
        let segments = self.segments.iter().filter(|&&(p, q)| crosses(p, q, b));
        let boxes = self.boxes.iter().filter(|&&o| overlaps(o, b));
        segments.count() + boxes.count()
    }
}

fn overlaps(a: PxBox, b: PxBox) -> bool {
    a.0.0 <= b.1.0 && b.0.0 <= a.1.0 && a.0.1 <= b.1.1 && b.0.1 <= a.1.1
}

/// Whether the segment `p`–`q` passes through box `b` (Liang–Barsky clipping).
fn crosses(p: Px, q: Px, b: PxBox) -> bool {
    let (x0, y0) = (f64::from(p.0), f64::from(p.1));
    let (dx, dy) = (f64::from(q.0) - x0, f64::from(q.1) - y0);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    let sides = [
        (-dx, x0 - f64::from(b.0.0)),
        (dx, f64::from(b.1.0) - x0),
        (-dy, y0 - f64::from(b.0.1)),
        (dy, f64::from(b.1.1) - y0),
    ];
    for (p, q) in sides {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 <= t1
}

/// The references inside `y`, with their index for the dash pattern.
pub(super) fn visible(
    refs: &[Reference],
    (y0, y1): (f64, f64),
) -> impl Iterator<Item = (usize, &Reference)> {
    refs.iter()
        .enumerate()
        .filter(move |(_, r)| r.y.is_finite() && y0 <= r.y && r.y <= y1)
}

/// (dash, gap) in pixels, one pattern per reference line in turn.
const DASHES: [(u32, u32); 3] = [(8, 5), (3, 3), (14, 4)];

/// The dash pattern of reference `i`.
pub(super) fn dash(i: usize) -> (u32, u32) {
    DASHES[i % DASHES.len()]
}

/// The dashed horizontal lines of the references inside `y`, across `x`.
pub(super) fn draw_lines(
    ctx: &mut Chart<'_, '_>,
    refs: &[Reference],
    (x0, x1): (f64, f64),
    y: (f64, f64),
) -> Result<(), String> {
    for (i, r) in visible(refs, y) {
        let (size, gap) = dash(i);
        let style = REFERENCE_COLOUR.stroke_width(2);
        ctx.draw_series(DashedLineSeries::new(
            [(x0, r.y), (x1, r.y)],
            size,
            gap,
            style,
        ))
        .map_err(msg)?;
    }
    Ok(())
}

/// The labels of the references inside `y`, each at the end of its line and on the side
/// where it covers the fewest `obstacles` (right above first); a label that covers nothing
/// gets a white patch so that mesh lines do not run through it.
pub(super) fn draw_labels(
    ctx: &Chart<'_, '_>,
    root: &Area<'_>,
    refs: &[Reference],
    y: (f64, f64),
    mut obstacles: Obstacles,
) -> Result<(), String> {
    let (xs, ys) = ctx.plotting_area().get_pixel_range();
    let h = (TICK_SIZE * 0.9).round() as i32;
    for (_, r) in visible(refs, y) {
        let label = clean(&r.label, chars_in(WIDTH as i32 / 3, TICK_SIZE));
        if label.is_empty() {
            continue;
        }
        let w = text_width(label.chars().count(), TICK_SIZE);
        let (_, py) = ctx.backend_coord(&(0.0, r.y));
        let right = (xs.end - 6, HPos::Right, (xs.end - 8 - w, xs.end - 4));
        let left = (xs.start + 6, HPos::Left, (xs.start + 4, xs.start + 8 + w));
        let above = (py - 4, VPos::Bottom, (py - 5 - h, py - 3));
        let below = (py + 4, VPos::Top, (py + 3, py + 5 + h));
        let candidates = [(right, above), (left, above), (right, below), (left, below)];
        let inside = candidates
            .iter()
            .filter(|(_, (_, _, (top, bottom)))| ys.start <= *top && *bottom <= ys.end);
        let scored = inside.map(|&(hx, vy)| {
            let b = ((hx.2.0, vy.2.0), (hx.2.1, vy.2.1));
            (obstacles.hits(b), hx, vy, b)
        });
        let Some((hits, hx, vy, b)) = scored.min_by_key(|c| c.0) else {
            continue;
        };
        if hits == 0 {
            root.draw(&Rectangle::new([b.0, b.1], WHITE.mix(0.85).filled()))
                .map_err(msg)?;
        }
        let style = tick_style()
            .color(&REFERENCE_COLOUR)
            .pos(Pos::new(hx.1, vy.1));
        root.draw(&Text::new(label, (hx.0, vy.0), style))
            .map_err(msg)?;
        obstacles.boxes.push(b);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_through_box_is_a_hit_and_one_beside_it_is_not() {
        let b = ((10, 10), (20, 20));
        assert!(crosses((0, 15), (30, 15), b));
        assert!(crosses((0, 0), (30, 30), b));
        assert!(crosses((12, 12), (13, 13), b));
        assert!(!crosses((0, 25), (30, 25), b));
        assert!(!crosses((0, 0), (30, 5), b));
        assert!(!crosses((25, 0), (25, 30), b));
    }
}
