//! The line chart: one coloured line with markers per series, whiskers for the spread over
//! seeds, dashed reference lines, and a legend in a box right of the plot.

use super::refs::{self, Obstacles, dash, visible};
use super::{
    AXIS, Area, Chart, DESC_SIZE, FONT, HEIGHT, LEGEND_SIZE, LineChart, MESH_BOLD, MESH_LIGHT,
    PALETTE, REFERENCE_COLOUR, Series, TICK_SIZE, WIDTH, chars_in, clean, draw_no_data, draw_title,
    msg, text_width, tick_label, tick_style, x_range, y_range,
};
use plotters::coord::CoordTranslate;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Marker shapes: series beyond the palette repeat a colour only with another shape.
#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Triangle,
    Square,
    Cross,
}

const MARKERS: [Marker; 4] = [
    Marker::Circle,
    Marker::Triangle,
    Marker::Square,
    Marker::Cross,
];

/// The colour and marker of series `i`: fixed, so the same series list gives the same chart.
fn look(i: usize) -> (RGBColor, Marker) {
    (
        PALETTE[i % PALETTE.len()],
        MARKERS[(i / PALETTE.len()) % MARKERS.len()],
    )
}

/// A marker of `colour` centred on `at` in `area`.
fn draw_marker<DB: DrawingBackend, CT: CoordTranslate>(
    area: &DrawingArea<DB, CT>,
    m: Marker,
    at: CT::From,
    colour: RGBColor,
) -> Result<(), String>
where
    CT::From: Clone,
{
    let at = EmptyElement::at(at);
    match m {
        Marker::Circle => area.draw(&(at + Circle::new((0, 0), 4, colour.filled()))),
        Marker::Triangle => area.draw(&(at + TriangleMarker::new((0, 0), 6, colour.filled()))),
        Marker::Square => area.draw(&(at + Rectangle::new([(-4, -4), (4, 4)], colour.filled()))),
        Marker::Cross => area.draw(&(at + Cross::new((0, 0), 4, colour.stroke_width(2)))),
    }
    .map_err(msg)
}

/// The runs of consecutive finite points: a NaN or infinite point breaks the line.
fn runs(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    points
        .split(|(x, y)| !(x.is_finite() && y.is_finite()))
        .filter(|run| !run.is_empty())
        .map(<[_]>::to_vec)
        .collect()
}

/// `run` cut to the pieces with `y0 <= y <= y1`, so that a line leaving a fixed y range
/// ends at its edge.
fn clip(run: &[(f64, f64)], (y0, y1): (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let inside = |p: &(f64, f64)| y0 <= p.1 && p.1 <= y1;
    if run.iter().all(inside) {
        return vec![run.to_vec()];
    }
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut open = false;
    for w in run.windows(2) {
        let ((ax, ay), (bx, by)) = (w[0], w[1]);
        let (t0, t1) = if ay == by {
            if inside(&w[0]) {
                (0.0, 1.0)
            } else {
                (1.0, 0.0)
            }
        } else {
            let (ta, tb) = ((y0 - ay) / (by - ay), (y1 - ay) / (by - ay));
            (ta.min(tb).max(0.0), ta.max(tb).min(1.0))
        };
        if t0 > t1 {
            open = false;
            continue;
        }
        let at = |t: f64| (ax + t * (bx - ax), ay + t * (by - ay));
        match pieces.last_mut() {
            Some(piece) if open && t0 == 0.0 => piece.push(at(t1)),
            _ => pieces.push(vec![at(t0), at(t1)]),
        }
        open = t1 == 1.0;
    }
    pieces
}

/// One entry of the legend: a series (index, name) or a reference line (index, label).
enum Entry<'c> {
    Series(usize, &'c str),
    Reference(usize, &'c str),
}

const LEGEND_ROW: i32 = 22;
/// Room for the sample line and marker left of a legend entry's text.
const LEGEND_SAMPLE: i32 = 58;

/// Draws `chart` into an SVG string.
pub(super) fn draw(chart: &LineChart) -> Result<String, String> {
    let xs = chart.series.iter().flat_map(|s| {
        let points = s.points.iter().filter(|p| p.1.is_finite()).map(|p| p.0);
        let spread = s
            .spread
            .iter()
            .filter(|p| p.1.is_finite() && p.2.is_finite());
        points.chain(spread.map(|p| p.0)).collect::<Vec<_>>()
    });
    let x = x_range(xs)?;
    let ys = chart.series.iter().flat_map(|s| {
        let points = s.points.iter().filter(|p| p.0.is_finite()).map(|p| p.1);
        let spread = s.spread.iter().filter(|p| p.0.is_finite());
        points
            .chain(spread.flat_map(|p| [p.1, p.2]))
            .collect::<Vec<_>>()
    });
    let y = y_range(
        chart.y_range,
        ys.chain(chart.references.iter().map(|r| r.y)),
    )?;

    let mut entries: Vec<Entry<'_>> = (chart.series.iter().enumerate())
        .map(|(i, s)| Entry::Series(i, &s.name))
        .collect();
    entries.extend(visible(&chart.references, y).map(|(i, r)| Entry::Reference(i, &r.label)));
    let longest = entries.iter().map(|e| match e {
        Entry::Series(_, t) | Entry::Reference(_, t) => t.chars().count(),
    });
    let legend_w = if entries.is_empty() {
        0
    } else {
        (text_width(longest.max().unwrap_or(0), LEGEND_SIZE) + LEGEND_SAMPLE + 24).clamp(150, 280)
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let body = draw_title(&root, &chart.title)?;
        let (plot_area, legend_area) = body.split_horizontally(WIDTH as i32 - legend_w);
        let y_chars = tick_label(&y.0).len().max(tick_label(&y.1).len()) + 3;
        let mut ctx = ChartBuilder::on(&plot_area)
            .margin(12)
            .x_label_area_size(50)
            .y_label_area_size(text_width(y_chars, TICK_SIZE) + 40)
            .build_cartesian_2d(x.0..x.1, y.0..y.1)
            .map_err(msg)?;
        let x_desc = clean(&chart.x_label, chars_in(WIDTH as i32 - legend_w, DESC_SIZE));
        let y_desc = clean(&chart.y_label, chars_in(HEIGHT as i32 - 110, DESC_SIZE));
        let mut mesh = ctx.configure_mesh();
        mesh.bold_line_style(MESH_BOLD)
            .light_line_style(MESH_LIGHT)
            .max_light_lines(1)
            .axis_style(AXIS)
            .label_style(tick_style())
            .axis_desc_style((FONT, DESC_SIZE).into_font().color(&BLACK))
            .x_label_formatter(&tick_label)
            .y_label_formatter(&tick_label);
        if !x_desc.is_empty() {
            mesh.x_desc(x_desc);
        }
        if !y_desc.is_empty() {
            mesh.y_desc(y_desc);
        }
        mesh.draw().map_err(msg)?;

        refs::draw_lines(&mut ctx, &chart.references, x, y)?;
        let mut obstacles = Obstacles::default();
        for (i, s) in chart.series.iter().enumerate() {
            draw_series(&mut ctx, (i, s), y, &mut obstacles)?;
        }
        if obstacles.segments.is_empty() && obstacles.boxes.is_empty() {
            draw_no_data(&ctx)?;
        }
        refs::draw_labels(&ctx, &root, &chart.references, y, obstacles)?;
        if legend_w > 0 {
            draw_legend(&legend_area, &entries, legend_w - 12)?;
        }
        root.present().map_err(msg)?;
    }
    Ok(svg)
}

/// Whiskers, line and markers of series `i` inside the y range `y`; what it drew goes into
/// `drawn`.
fn draw_series(
    ctx: &mut Chart<'_, '_>,
    (i, s): (usize, &Series),
    y: (f64, f64),
    drawn: &mut Obstacles,
) -> Result<(), String> {
    let (colour, shape) = look(i);
    let whisker = colour.mix(0.6).stroke_width(2);
    let (y0, y1) = y;
    for &(x, lo, hi) in &s.spread {
        if !(x.is_finite() && lo.is_finite() && hi.is_finite()) {
            continue;
        }
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        if hi < y0 || y1 < lo {
            continue;
        }
        // A whisker cut off at the edge of the range gets no cap there.
        let caps = [lo, hi].into_iter().filter(|y| y0 <= *y && *y <= y1);
        let cap = |y: f64| EmptyElement::at((x, y)) + PathElement::new([(-4, 0), (4, 0)], whisker);
        ctx.draw_series(caps.map(cap)).map_err(msg)?;
        let (lo, hi) = (lo.max(y0), hi.min(y1));
        ctx.draw_series([PathElement::new([(x, lo), (x, hi)], whisker)])
            .map_err(msg)?;
        let (bottom, top) = (ctx.backend_coord(&(x, lo)), ctx.backend_coord(&(x, hi)));
        drawn
            .boxes
            .push(((top.0 - 4, top.1), (bottom.0 + 4, bottom.1)));
    }
    for run in runs(&s.points) {
        for piece in clip(&run, y) {
            ctx.draw_series(LineSeries::new(
                piece.iter().copied(),
                colour.stroke_width(2),
            ))
            .map_err(msg)?;
            let px: Vec<_> = piece.iter().map(|p| ctx.backend_coord(p)).collect();
            drawn.segments.extend(px.windows(2).map(|w| (w[0], w[1])));
        }
        for p in run.iter().filter(|p| y0 <= p.1 && p.1 <= y1) {
            draw_marker(ctx.plotting_area(), shape, *p, colour)?;
            let q = ctx.backend_coord(p);
            drawn.boxes.push(((q.0 - 5, q.1 - 5), (q.0 + 5, q.1 + 5)));
        }
    }
    Ok(())
}

/// The legend box at the top of `area`, `w` pixels wide; entries that do not fit in the
/// height are summed up as "+n meer".
fn draw_legend(area: &Area<'_>, entries: &[Entry<'_>], w: i32) -> Result<(), String> {
    let (_, area_h) = area.dim_in_pixel();
    let (top, pad) = (12, 6);
    let max_rows = ((area_h as i32 - top - 2 * pad - 12) / LEGEND_ROW).max(1) as usize;
    let (shown, hidden) = if entries.len() > max_rows {
        (max_rows - 1, entries.len() - (max_rows - 1))
    } else {
        (entries.len(), 0)
    };
    let rows = (shown + usize::from(hidden > 0)) as i32;
    let bottom = top + 2 * pad + rows * LEGEND_ROW;
    area.draw(&Rectangle::new([(0, top), (w, bottom)], WHITE.filled()))
        .map_err(msg)?;
    area.draw(&Rectangle::new(
        [(0, top), (w, bottom)],
        AXIS.stroke_width(1),
    ))
    .map_err(msg)?;
    let max_chars = chars_in(w - LEGEND_SAMPLE - 6, LEGEND_SIZE);
    let text = (FONT, LEGEND_SIZE)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (row, entry) in entries.iter().take(shown).enumerate() {
        let y = top + pad + row as i32 * LEGEND_ROW + LEGEND_ROW / 2;
        let label = match *entry {
            Entry::Series(i, name) => {
                let (colour, shape) = look(i);
                area.draw(&PathElement::new(
                    [(10, y), (44, y)],
                    colour.stroke_width(2),
                ))
                .map_err(msg)?;
                draw_marker(area, shape, (27, y), colour)?;
                name
            }
            Entry::Reference(i, label) => {
                let (size, gap) = dash(i);
                let line = [(10, y), (44, y)];
                let style = REFERENCE_COLOUR.stroke_width(2);
                area.draw(&DashedPathElement::new(line, size, gap, style))
                    .map_err(msg)?;
                label
            }
        };
        let label = clean(label, max_chars);
        area.draw(&Text::new(label, (LEGEND_SAMPLE - 6, y), text.clone()))
            .map_err(msg)?;
    }
    if hidden > 0 {
        let y = top + pad + shown as i32 * LEGEND_ROW + LEGEND_ROW / 2;
        let more = format!("+{hidden} meer");
        area.draw(&Text::new(more, (LEGEND_SAMPLE - 6, y), text.clone()))
            .map_err(msg)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_a_line_at_the_edges_of_the_y_range() {
        let range = (0.0, 100.0);
        let inside = vec![(0.0, 50.0), (1.0, 60.0)];
        assert_eq!(clip(&inside, range), vec![inside.clone()]);
        let peak = [(0.0, 50.0), (1.0, 150.0), (2.0, 50.0), (3.0, 40.0)];
        let expected = vec![
            vec![(0.0, 50.0), (0.5, 100.0)],
            vec![(1.5, 100.0), (2.0, 50.0), (3.0, 40.0)],
        ];
        assert_eq!(clip(&peak, range), expected);
        assert!(clip(&[(0.0, -5.0), (1.0, -6.0)], range).is_empty());
        assert!(clip(&[(0.0, 500.0)], range).is_empty());
    }
}
