//! Charts for the sweep report, as SVG text drawn with plotters' SVG backend: a line chart
//! (one line per rule set over a numeric sweep level) and a bar chart (one bar per scenario
//! when the sweep has no numeric level). Analysts read them without the CSV, so every chart
//! has a title, axis labels, a legend or labelled bars, and labelled reference lines.
//!
//! Text: plotters is built without a font feature (`ttf`, `ab_glyph`). Its SVG backend then
//! writes every text as an SVG `<text>` element and leaves the glyphs to the viewer; plotters
//! only estimates text sizes with its built-in crude rule (0.7 em per byte) for the title
//! height and its own layout. The label areas and the legend are sized here from the number
//! of characters, so nothing depends on the fonts of the machine and the same input gives
//! the same SVG byte for byte.
//!
//! Values that are NaN or infinite are skipped. The functions never panic; what plotters
//! reports as an error comes back as [`ChartError`].

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt::Display;

mod bar;
mod line;
mod refs;

/// One line of a line chart: points sorted by x; `spread` optionally gives, per x, the
/// lowest and highest value over random seeds (drawn as small vertical whiskers).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    /// The name in the legend, e.g. the rule set.
    pub name: String,
    /// `(x, y)`; a point with a NaN or infinite coordinate is skipped and breaks the line.
    pub points: Vec<(f64, f64)>,
    /// `(x, lowest y, highest y)` over random seeds; may be empty.
    pub spread: Vec<(f64, f64, f64)>,
}

/// A horizontal reference line, e.g. "minimum 60%" at y = 60: dashed, dark grey, labelled
/// at one end of the line (and in the legend of a line chart).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reference {
    /// The text beside the line.
    pub label: String,
    /// The height of the line, in the unit of the y axis.
    pub y: f64,
}

/// A line chart over a numeric x axis, one coloured line with markers per series.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineChart {
    /// Centred on top; cut in the middle if longer than the width.
    pub title: String,
    /// Under the x axis, e.g. "gecertificeerde docenten weg (%)".
    pub x_label: String,
    /// Beside the y axis, e.g. "gecertificeerd aandeel (%)".
    pub y_label: String,
    /// One line each, coloured in order from a fixed palette.
    pub series: Vec<Series>,
    /// Horizontal reference lines, e.g. the minimum shares of the rules.
    pub references: Vec<Reference>,
    /// Fixed y range (low, high), else from the data (with 0 included and some headroom).
    /// Lines are cut off at the edges of a fixed range; reference lines outside it are not
    /// drawn.
    pub y_range: Option<(f64, f64)>,
}

/// One bar per label (used when a sweep has no numeric level to put on an x axis).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BarChart {
    /// Centred on top; cut in the middle if longer than the width.
    pub title: String,
    /// Beside the y axis, e.g. "cursisten niet geplaatst".
    pub y_label: String,
    /// `(label, value)` in drawing order; a NaN or infinite value gets no bar, only the
    /// words "geen waarde" (or "–" in a narrow slot).
    pub bars: Vec<(String, f64)>,
    /// Horizontal reference lines, drawn over the bars.
    pub references: Vec<Reference>,
    /// Fixed y range (low, high), else from the data (with 0 included and some headroom).
    /// Bars are cut off at the edges of a fixed range; their value labels are not.
    pub y_range: Option<(f64, f64)>,
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// Plotters failed, a value is beyond ±10¹², or the fixed y range is empty or not finite.
    #[error("cannot draw chart {title}: {message}")]
    Draw { title: String, message: String },
}

/// The line chart as an SVG document of 800×480 pixels.
pub fn line_chart_svg(chart: &LineChart) -> Result<String, ChartError> {
    line::draw(chart).map_err(|message| ChartError::Draw {
        title: chart.title.clone(),
        message,
    })
}

/// The bar chart as an SVG document of 800×480 pixels.
pub fn bar_chart_svg(chart: &BarChart) -> Result<String, ChartError> {
    bar::draw(chart).map_err(|message| ChartError::Draw {
        title: chart.title.clone(),
        message,
    })
}

const WIDTH: u32 = 800;
const HEIGHT: u32 = 480;
const FONT: &str = "sans-serif";
/// Font sizes in plotters' unit; the SVG `font-size` is this divided by 1.24.
const TITLE_SIZE: f64 = 22.0;
const DESC_SIZE: f64 = 16.0;
const TICK_SIZE: f64 = 14.0;
const LEGEND_SIZE: f64 = 15.0;
/// Larger values would make plotters' tick computation overflow; they are an error.
const MAX_ABS: f64 = 1e12;
/// Colour-blind safe (Okabe–Ito, without the yellow) plus brown; series cycle through it.
const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0x8C, 0x56, 0x4B),
];
const REFERENCE_COLOUR: RGBColor = RGBColor(0x44, 0x44, 0x44);
const MESH_BOLD: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
const MESH_LIGHT: RGBColor = RGBColor(0xF3, 0xF3, 0xF3);
const AXIS: RGBColor = RGBColor(0x66, 0x66, 0x66);

type Area<'b> = DrawingArea<SVGBackend<'b>, Shift>;
type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Turns a plotters error into the message of a [`ChartError`].
fn msg(e: impl Display) -> String {
    e.to_string()
}

/// The lowest and highest finite value, if any; an error if one is too large to draw.
fn extent(values: impl IntoIterator<Item = f64>) -> Result<Option<(f64, f64)>, String> {
    let mut out: Option<(f64, f64)> = None;
    for v in values.into_iter().filter(|v| v.is_finite()) {
        if v.abs() > MAX_ABS {
            return Err(format!("value {v} is too large to draw (limit {MAX_ABS})"));
        }
        out = Some(out.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
    }
    Ok(out)
}

/// The x range: the data's, widened by 1 each way when there is a single x.
fn x_range(values: impl IntoIterator<Item = f64>) -> Result<(f64, f64), String> {
    Ok(match extent(values)? {
        None => (0.0, 1.0),
        Some((lo, hi)) if hi - lo < 1e-9 => (lo - 1.0, hi + 1.0),
        Some(r) => r,
    })
}

/// The y range: `fixed` if given, else the data's with 0 included and 8% headroom; an
/// error if `fixed` is empty or not finite, or a value is too large to draw.
fn y_range(
    fixed: Option<(f64, f64)>,
    values: impl IntoIterator<Item = f64>,
) -> Result<(f64, f64), String> {
    let data = extent(values)?;
    if let Some((lo, hi)) = fixed {
        if !(lo.is_finite() && hi.is_finite() && lo < hi && lo.abs().max(hi.abs()) <= MAX_ABS) {
            return Err(format!("invalid fixed y range {lo}..{hi}"));
        }
        return Ok((lo, hi));
    }
    let (lo, hi) = data.unwrap_or((0.0, 0.0));
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    if hi - lo < 1e-9 {
        return Ok((0.0, 1.0));
    }
    let head = (hi - lo) * 0.08;
    Ok((
        if lo < 0.0 { lo - head } else { lo },
        if hi > 0.0 { hi + head } else { hi },
    ))
}

/// An axis tick: at most 6 decimals, no trailing zeros, no "-0".
fn tick_label(v: &f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    if r == 0.0 {
        "0".to_string()
    } else {
        format!("{r}")
    }
}

/// A value above a bar: about three significant digits.
fn value_label(v: f64) -> String {
    let decimals = match v.abs() {
        a if a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        _ => 2,
    };
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The estimated width of a character in pixels per unit of plotters font size: the SVG
/// font size is 1/1.24 of plotters' and an average sans-serif character is about 0.55 em
/// (DejaVu Sans; Arial is narrower), so 0.48 leaves a little room.
const CHAR_WIDTH: f64 = 0.48;

/// Estimated width in pixels of `chars` characters at plotters font size `size`.
fn text_width(chars: usize, size: f64) -> i32 {
    (chars as f64 * size * CHAR_WIDTH).ceil() as i32
}

/// How many characters fit in `px` pixels at font size `size`.
fn chars_in(px: i32, size: f64) -> usize {
    (f64::from(px.max(0)) / (size * CHAR_WIDTH)).floor() as usize
}

/// `s` on one line (control characters become spaces), cut to `max` characters by an "…"
/// in the middle: scenario and rule set names often differ only at the end.
fn clean(s: &str, max: usize) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars: Vec<char> = s.trim().chars().collect();
    if chars.len() <= max {
        return chars.into_iter().collect();
    }
    let head = max.saturating_sub(1).div_ceil(2);
    let tail = max.saturating_sub(1) / 2;
    let mut out: String = chars[..head]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string();
    out.push('…');
    out.push_str(
        chars[chars.len() - tail..]
            .iter()
            .collect::<String>()
            .trim_start(),
    );
    out
}

/// The title centred on top; returns the area below it.
fn draw_title<'b>(root: &Area<'b>, title: &str) -> Result<Area<'b>, String> {
    root.fill(&WHITE).map_err(msg)?;
    let title = clean(title, chars_in(WIDTH as i32 - 20, TITLE_SIZE));
    root.titled(&title, (FONT, TITLE_SIZE).into_font().color(&BLACK))
        .map_err(msg)
}

/// The style of tick labels and axis descriptions, shared by both charts.
fn tick_style() -> TextStyle<'static> {
    (FONT, TICK_SIZE).into_font().color(&BLACK)
}

/// "geen gegevens" (no data) in the middle of the plotting area.
fn draw_no_data(chart: &Chart<'_, '_>) -> Result<(), String> {
    let area = chart.plotting_area().strip_coord_spec();
    let (w, h) = area.dim_in_pixel();
    let style = (FONT, DESC_SIZE)
        .into_font()
        .color(&AXIS)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        "geen gegevens",
        (w as i32 / 2, h as i32 / 2),
        style,
    ))
    .map_err(msg)
}

#[cfg(test)]
mod tests;
