//! The bar chart: one bar per label, the values on top when they all fit, dashed reference
//! lines over the bars. Labels that do not fit under their bar are turned upright and cut
//! to [`MAX_LABEL`] characters; with too many bars for upright labels, every k-th is shown.

use super::refs::{self, Obstacles};
use super::{
    AXIS, Area, BarChart, Chart, DESC_SIZE, FONT, HEIGHT, MESH_BOLD, PALETTE, TICK_SIZE, WIDTH,
    chars_in, clean, draw_no_data, draw_title, msg, text_width, tick_label, tick_style,
    value_label, y_range,
};
use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The longest label, in characters, under a bar; longer ones are cut by an "…".
const MAX_LABEL: usize = 24;
/// The colour of every bar: the bars are one measure, so one colour.
const BAR_COLOUR: RGBColor = PALETTE[0];
const MARGIN: i32 = 12;
/// Pixels between upright labels, so that they do not overlap.
const LINE_PX: f64 = 16.0;

/// How the labels go under the bars.
enum Labels {
    /// Horizontal, all of them.
    Flat,
    /// Upright (reading upwards), every `every`-th.
    Upright { every: usize },
}

/// Draws `chart` into an SVG string.
pub(super) fn draw(chart: &BarChart) -> Result<String, String> {
    let n = chart.bars.len();
    let refs = chart.references.iter().map(|r| r.y);
    let y = y_range(chart.y_range, chart.bars.iter().map(|b| b.1).chain(refs))?;
    let x = (0.0, n.max(1) as f64);

    let y_chars = tick_label(&y.0).len().max(tick_label(&y.1).len()) + 3;
    let y_area = text_width(y_chars, TICK_SIZE) + 40;
    let slot = f64::from(WIDTH as i32 - 2 * MARGIN - y_area) / n.max(1) as f64;
    let labels: Vec<String> = chart.bars.iter().map(|b| clean(&b.0, MAX_LABEL)).collect();
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let layout = if f64::from(text_width(longest, TICK_SIZE)) <= slot - 6.0 {
        Labels::Flat
    } else {
        Labels::Upright {
            every: (LINE_PX / slot).ceil().max(1.0) as usize,
        }
    };
    let x_area = match layout {
        Labels::Flat => 30,
        Labels::Upright { .. } => text_width(longest, TICK_SIZE) + 16,
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let body = draw_title(&root, &chart.title)?;
        let mut ctx = ChartBuilder::on(&body)
            .margin(MARGIN)
            .x_label_area_size(x_area)
            .y_label_area_size(y_area)
            .build_cartesian_2d(x.0..x.1, y.0..y.1)
            .map_err(msg)?;
        let y_desc = clean(
            &chart.y_label,
            chars_in(HEIGHT as i32 - 60 - x_area, DESC_SIZE),
        );
        let mut mesh = ctx.configure_mesh();
        mesh.disable_x_mesh()
            .x_labels(0)
            .bold_line_style(MESH_BOLD)
            .max_light_lines(0)
            .axis_style(AXIS)
            .label_style(tick_style())
            .axis_desc_style((FONT, DESC_SIZE).into_font().color(&BLACK))
            .y_label_formatter(&tick_label);
        if !y_desc.is_empty() {
            mesh.y_desc(y_desc);
        }
        mesh.draw().map_err(msg)?;

        let mut obstacles = Obstacles::default();
        draw_bars(&mut ctx, &root, chart, (y, slot), &mut obstacles)?;
        draw_labels(&ctx, &root, labels, layout, y)?;
        refs::draw_lines(&mut ctx, &chart.references, x, y)?;
        refs::draw_labels(&ctx, &root, &chart.references, y, obstacles)?;
        root.present().map_err(msg)?;
    }
    Ok(svg)
}

/// The bars, their values when every one fits in its slot of `slot` pixels, and "geen
/// waarde" in the slots without a finite value; what they cover goes into `drawn`.
fn draw_bars(
    ctx: &mut Chart<'_, '_>,
    root: &Area<'_>,
    chart: &BarChart,
    (y, slot): ((f64, f64), f64),
    drawn: &mut Obstacles,
) -> Result<(), String> {
    let base = 0.0_f64.clamp(y.0, y.1);
    let (finite, missing): (Vec<_>, Vec<_>) = (chart.bars.iter().map(|b| b.1))
        .enumerate()
        .partition(|(_, v)| v.is_finite());
    for &(i, v) in &finite {
        let corners = [
            (i as f64 + 0.15, base),
            (i as f64 + 0.85, v.clamp(y.0, y.1)),
        ];
        ctx.draw_series([Rectangle::new(corners, BAR_COLOUR.filled())])
            .map_err(msg)?;
        let (p, q) = (
            ctx.backend_coord(&corners[0]),
            ctx.backend_coord(&corners[1]),
        );
        drawn.boxes.push(((p.0, p.1.min(q.1)), (q.0, p.1.max(q.1))));
    }
    if finite.is_empty() {
        draw_no_data(ctx)?;
    }

    // A text above the bar's top (or below, for a bar down or at the top edge).
    let mut label = |i: usize, v: f64, text: &str, style: TextStyle<'_>| {
        let above = v >= base && base < y.1;
        let (px, py) = ctx.backend_coord(&(i as f64 + 0.5, v.clamp(y.0, y.1)));
        let (py, v_pos) = if above {
            (py - 3, VPos::Bottom)
        } else {
            (py + 3, VPos::Top)
        };
        let (w, h) = (
            text_width(text.chars().count(), TICK_SIZE),
            TICK_SIZE as i32,
        );
        let top = if above { py - h } else { py };
        drawn.boxes.push(((px - w / 2, top), (px + w / 2, top + h)));
        let style = style.pos(Pos::new(HPos::Center, v_pos));
        root.draw(&Text::new(text, (px, py), style)).map_err(msg)
    };
    let values: Vec<_> = finite
        .iter()
        .map(|&(i, v)| (i, v, value_label(v)))
        .collect();
    let widest = values.iter().map(|v| v.2.chars().count()).max();
    if f64::from(text_width(widest.unwrap_or(0), TICK_SIZE)) <= slot - 2.0 {
        for (i, v, text) in &values {
            label(*i, *v, text, tick_style())?;
        }
    }
    // An empty slot says why, so that it is not read as 0.
    let fits = f64::from(text_width(11, TICK_SIZE)) <= slot;
    let text = if fits { "geen waarde" } else { "–" };
    for (i, _) in missing {
        label(i, base, text, tick_style().color(&AXIS))?;
    }
    Ok(())
}

/// The labels under the bars, flat or upright as `layout` says, with a tick mark each.
fn draw_labels(
    ctx: &Chart<'_, '_>,
    root: &Area<'_>,
    labels: Vec<String>,
    layout: Labels,
    y: (f64, f64),
) -> Result<(), String> {
    let upright = tick_style()
        .pos(Pos::new(HPos::Right, VPos::Center))
        .transform(FontTransform::Rotate270);
    let flat = tick_style().pos(Pos::new(HPos::Center, VPos::Top));
    for (i, label) in labels.into_iter().enumerate() {
        let (px, py) = ctx.backend_coord(&(i as f64 + 0.5, y.0));
        let text = match layout {
            Labels::Flat => Text::new(label, (px, py + 8), flat.clone()),
            Labels::Upright { every } if i % every == 0 => {
                Text::new(label, (px, py + 8), upright.clone())
            }
            Labels::Upright { .. } => continue,
        };
        root.draw(&text).map_err(msg)?;
        root.draw(&PathElement::new([(px, py), (px, py + 5)], AXIS))
            .map_err(msg)?;
    }
    Ok(())
}
