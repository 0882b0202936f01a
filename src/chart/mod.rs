//! The two break-even charts, drawn with plotters on any backend: the
//! browser's canvas in the widget, SVG in native tests.
//!
//! [`data`] asks the pricing model for the curves; this module only maps
//! them to pixels.

pub mod canvas;
pub mod data;
pub mod tornado;

use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use crossover_pricing::units::{format_amount, format_count};
pub use data::{
    CHARTS, Chart, ChartSpec, DETAIL_CHARTS, Marker, SeriesKind, SeriesSpec, chart_spec,
    chart_specs,
};

/// The page's font (style.css): its text has loaded it before the first
/// chart is drawn, whose labels would otherwise wait for a font of their
/// own (docs/performance.md).
const PAGE_FONTS: &str = "system-ui, sans-serif";

/// Colours from the page's CSS variables, as RGB.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub series: Vec<RGBColor>,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            background: RGBColor(255, 255, 255),
            text: RGBColor(28, 31, 38),
            muted: RGBColor(92, 99, 112),
            grid: RGBColor(226, 229, 235),
            series: SERIES_LIGHT.to_vec(),
        }
    }
}

impl Palette {
    /// Reads `--xo-chart-bg`, `--xo-fg`, `--xo-muted`, `--xo-grid` and
    /// `--xo-series-1` … `--xo-series-8`; anything missing or unreadable
    /// keeps the default.
    pub fn from_css(read: impl Fn(&str) -> Option<String>) -> Palette {
        let default = Palette::default();
        let colour = |name: &str, fallback: RGBColor| {
            read(name)
                .and_then(|v| parse_colour(&v))
                .unwrap_or(fallback)
        };
        Palette {
            background: colour("--xo-chart-bg", default.background),
            text: colour("--xo-fg", default.text),
            muted: colour("--xo-muted", default.muted),
            grid: colour("--xo-grid", default.grid),
            series: default
                .series
                .iter()
                .enumerate()
                .map(|(i, &fallback)| colour(&format!("--xo-series-{}", i + 1), fallback))
                .collect(),
        }
    }
}

/// `#1c1f26`, `#fff` or `rgb(28, 31, 38)` as RGB.
pub fn parse_colour(text: &str) -> Option<RGBColor> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        return match digits.as_slice() {
            [r, g, b] => Some(RGBColor(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some(RGBColor(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        };
    }
    let inner = text
        .strip_prefix("rgb(")
        .or_else(|| text.strip_prefix("rgba("))?
        .strip_suffix(')')?;
    let mut parts = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .map(|p| crossover_pricing::units::parse_quantity(p).ok());
    let mut channel = || {
        parts
            .next()
            .flatten()
            .map(|v| v.clamp(0.0, 255.0).round() as u8)
    };
    Some(RGBColor(channel()?, channel()?, channel()?))
}

/// Okabe-Ito-derived colours that stay apart for colour-blind readers; the
/// markers and dash patterns carry the distinction too.
pub const SERIES_LIGHT: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(27, 127, 140),
    RGBColor(175, 135, 0),
    RGBColor(90, 90, 90),
    RGBColor(120, 60, 160),
];

/// How a chart is drawn: pixel scale (device pixel ratio), colours, and
/// whether space is tight (phones).
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub scale: f64,
    pub palette: Palette,
    pub compact: bool,
}

impl Look {
    fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// plotters draws text at 1/1.24 of the size it is given; sizes here
    /// are what it is given.
    fn font(&self, css_size: f64) -> TextStyle<'static> {
        (FontFamily::Name(PAGE_FONTS), css_size * self.scale)
            .into_font()
            .color(&self.palette.text)
    }

    pub fn colour(&self, index: usize) -> RGBColor {
        let series = &self.palette.series;
        if series.is_empty() {
            self.palette.text
        } else {
            series[index % series.len()]
        }
    }
}

/// Where the plot landed, in CSS pixels, to map the pointer back to a volume.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotArea {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub x_min: f64,
    pub x_max: f64,
}

impl PlotArea {
    /// The volume under a horizontal CSS pixel position, if inside the plot.
    pub fn volume_at(&self, x: f64) -> Option<f64> {
        if !(self.left..=self.right).contains(&x) || self.right <= self.left {
            return None;
        }
        let t = (x - self.left) / (self.right - self.left);
        Some(crossover_pricing::units::pow(
            10.0,
            self.x_min.log10() + t * (self.x_max.log10() - self.x_min.log10()),
        ))
    }

    /// Whether the pointer's readout goes to its left, to stay inside the plot.
    pub fn flips_readout(&self, x: f64) -> bool {
        x > (self.left + self.right) / 2.0
    }
}

/// Log scales from data to backend pixels, with the plot's edges.
struct Axes {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    x_decades: (f64, f64),
    y_decades: (f64, f64),
}

impl Axes {
    fn x(&self, volume: f64) -> i32 {
        let (lo, hi) = self.x_decades;
        let t = (volume.log10().clamp(lo, hi) - lo) / (hi - lo);
        self.left + (t * f64::from(self.right - self.left)).round() as i32
    }

    fn y(&self, value: f64) -> i32 {
        let (lo, hi) = self.y_decades;
        let t = (value.log10().clamp(lo, hi) - lo) / (hi - lo);
        self.bottom - (t * f64::from(self.bottom - self.top)).round() as i32
    }

    fn point(&self, (volume, value): (f64, f64)) -> (i32, i32) {
        (self.x(volume), self.y(value))
    }
}

/// Every power of ten in `decades`, with the minor steps (2×…9×) between,
/// as (value, is a power of ten).
fn grid_values((lo, hi): (f64, f64)) -> impl Iterator<Item = (f64, bool)> {
    (lo.floor() as i32..=hi.ceil() as i32)
        .flat_map(|e| (1..10).map(move |m| (f64::from(m) * 10f64.powi(e), m == 1)))
        .filter(move |(v, _)| (lo..=hi).contains(&v.log10()))
}

/// How a grid line is drawn.
#[derive(Clone, Copy, PartialEq)]
enum GridLine {
    Minor,
    Major,
    /// A power of ten with a tick and a label.
    Labelled,
}

/// [`grid_values`] with every `label_step`-th power of ten labelled; on an
/// axis with fewer than three powers of ten, the 2× and 5× steps too.
fn grid_lines(decades: (f64, f64), max_labels: usize) -> impl Iterator<Item = (f64, GridLine)> {
    let step = label_step(decades, max_labels);
    let few = decades.1.floor() - decades.0.ceil() < 2.0;
    let mut powers = 0;
    grid_values(decades).map(move |(value, power)| {
        let mantissa = (value / crossover_pricing::units::pow(10.0, value.log10().floor())).round();
        let line = match power {
            false if few && (mantissa == 2.0 || mantissa == 5.0) => GridLine::Labelled,
            false => GridLine::Minor,
            true if powers % step == 0 => GridLine::Labelled,
            true => GridLine::Major,
        };
        powers += usize::from(power);
        (value, line)
    })
}

/// Every `step`-th power of ten, so that at most `max_labels` are labelled.
fn label_step((lo, hi): (f64, f64), max_labels: usize) -> usize {
    let powers = (hi.floor() - lo.ceil()) as usize + 1;
    powers.div_ceil(max_labels.max(1)).max(1)
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A backend that draws a dashed line: the canvas strokes it as one path
/// with a line dash ([`canvas::Canvas`]); any other (SVG, in tests) gets
/// plotters' dashes, a path each.
pub trait Dashes: DrawingBackend + Sized {
    fn dashed_path(
        &mut self,
        path: Vec<BackendCoord>,
        (on, off): (i32, i32),
        style: &ShapeStyle,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let size = self.get_size();
        DashedPathElement::new(path.clone(), on, off, *style).draw(path.into_iter(), self, size)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
impl Dashes for SVGBackend<'_> {}

/// A line dashed `on`, `off` pixels, drawn as its backend dashes.
struct DashedLine {
    points: Vec<BackendCoord>,
    dash: (i32, i32),
    style: ShapeStyle,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a DashedLine {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord];

    fn point_iter(self) -> &'a [BackendCoord] {
        &self.points
    }
}

impl<DB: Dashes> Drawable<DB> for DashedLine {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        backend.dashed_path(points.collect(), self.dash, &self.style)
    }
}

/// Draws one chart filling `root`, in backend pixels: the axes, grid and
/// labels are laid out here rather than by plotters' chart builder, which
/// cost a tenth of the bundle (docs/performance.md).
pub fn draw<DB: Dashes>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    look: &Look,
) -> DrawResult<PlotArea, DB> {
    let palette = &look.palette;
    root.fill(&palette.background)?;
    let (width, height) = root.dim_in_pixel();
    let (x0, x1) = spec.x_range;
    let (y0, y1) = spec.y_range;
    let axes = Axes {
        left: look.px(if look.compact { 62.0 } else { 74.0 }),
        right: width as i32 - look.px(if look.compact { 10.0 } else { 18.0 }),
        top: look.px(22.0),
        bottom: height as i32 - look.px(50.0),
        x_decades: (x0.log10(), x1.log10()),
        y_decades: (y0.log10(), y1.log10()),
    };
    let (left, right, top, bottom) = (axes.left, axes.right, axes.top, axes.bottom);
    let line = look.px(1.0).max(1) as u32;
    let minor = palette.grid.mix(0.45).stroke_width(1);
    let major = palette.grid.stroke_width(line);
    let tick = look.px(5.0);

    let style = |line| {
        if line == GridLine::Minor {
            minor
        } else {
            major
        }
    };
    for (volume, line) in grid_lines(axes.x_decades, if look.compact { 4 } else { 8 }) {
        let x = axes.x(volume);
        root.draw(&PathElement::new(vec![(x, top), (x, bottom)], style(line)))?;
        if line == GridLine::Labelled {
            root.draw(&PathElement::new(
                vec![(x, bottom), (x, bottom + tick)],
                major,
            ))?;
            root.draw(&Text::new(
                format_count(volume),
                (x, bottom + tick + look.px(4.0)),
                look.font(16.0).pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
    }
    for (value, line) in grid_lines(axes.y_decades, if look.compact { 5 } else { 7 }) {
        let y = axes.y(value);
        root.draw(&PathElement::new(vec![(left, y), (right, y)], style(line)))?;
        if line == GridLine::Labelled {
            root.draw(&PathElement::new(vec![(left - tick, y), (left, y)], major))?;
            root.draw(&Text::new(
                format_amount(value, &spec.symbol),
                (left - tick - look.px(4.0), y),
                look.font(16.0).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
    }
    let axis = palette.muted.stroke_width(line);
    root.draw(&PathElement::new(
        vec![(left, top), (left, bottom), (right, bottom)],
        axis,
    ))?;
    root.draw(&Text::new(
        spec.chart.x_label,
        ((left + right) / 2, height as i32 - look.px(4.0)),
        look.font(16.0).pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;
    if !look.compact {
        let y_label = format!("{} {}", spec.currency_code, spec.chart.y_unit);
        root.draw(&Text::new(
            y_label,
            (look.px(6.0), (top + bottom) / 2),
            look.font(16.0)
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }

    // Last to first: a mix (the last lines) lies beneath the lines it meets at its ends.
    for (i, series) in spec.series.iter().enumerate().rev() {
        let colour = look.colour(i);
        if let Some(band) = &series.band {
            let outline: Vec<_> = band.iter().map(|&p| axes.point(p)).collect();
            root.draw(&Polygon::new(outline, colour.mix(0.16).filled()))?;
        }
        let dashed = series.kind == SeriesKind::Api;
        let width = look.px(if dashed { 2.0 } else { 3.0 }).max(1) as u32;
        let path: Vec<_> = series.points.iter().map(|&p| axes.point(p)).collect();
        if dashed {
            root.draw(&DashedLine {
                points: path,
                dash: (look.px(7.0), look.px(4.0)),
                style: colour.stroke_width(width),
            })?;
        } else {
            root.draw(&PathElement::new(path, colour.stroke_width(width)))?;
        }
        let size = look.px(4.5);
        for &point in &series.marker_points {
            draw_marker(
                root,
                series.marker,
                axes.point(point),
                size,
                colour,
                palette.background,
                look,
            )?;
        }
    }

    // The user's volume, or speed target.
    if let Some(user_x) = spec.user_x {
        let you = axes.x(user_x);
        root.draw(&PathElement::new(
            vec![(you, top), (you, bottom)],
            palette.text.stroke_width(look.px(1.5).max(1) as u32),
        ))?;
        let (anchor, dx) = if you > right - look.px(70.0) {
            (HPos::Right, -look.px(4.0))
        } else {
            (HPos::Left, look.px(4.0))
        };
        root.draw(&Text::new(
            format!("{}: {}", spec.chart.user_label, format_count(user_x)),
            (you + dx, top - look.px(4.0)),
            look.font(16.0).pos(Pos::new(anchor, VPos::Bottom)),
        ))?;
    }

    // Break-even points, labelled where the label has room.
    let mut placed: Vec<(i32, i32, i32, i32)> = Vec::new();
    for mark in &spec.marks {
        let (px, py) = axes.point((mark.volume, mark.value));
        let colour = look.colour(mark.series);
        root.draw(&Circle::new((px, py), look.px(5.5), palette.text.filled()))?;
        root.draw(&Circle::new((px, py), look.px(3.5), colour.filled()))?;
        let text = format_count(mark.volume);
        let w = look.px(7.5) * text.len() as i32 + look.px(6.0);
        let h = look.px(16.0);
        let rect = (
            px - w / 2,
            py - look.px(9.0) - h,
            px + w / 2,
            py - look.px(9.0),
        );
        let overlaps = placed
            .iter()
            .any(|r| rect.0 < r.2 && r.0 < rect.2 && rect.1 < r.3 && r.1 < rect.3);
        if !overlaps {
            // An opaque plate under the label: no line crosses it (the
            // reader's own volume often runs right through a break-even).
            let plate = palette.background.filled();
            root.draw(&Rectangle::new([(rect.0, rect.1), (rect.2, rect.3)], plate))?;
            let style = look.font(15.0).pos(Pos::new(HPos::Center, VPos::Bottom));
            root.draw(&Text::new(text, (px, py - look.px(10.0)), style))?;
            placed.push(rect);
        }
    }

    root.present()?;
    let s = look.scale;
    Ok(PlotArea {
        left: f64::from(left) / s,
        right: f64::from(right) / s,
        top: f64::from(top) / s,
        bottom: f64::from(bottom) / s,
        x_min: x0,
        x_max: x1,
    })
}

/// An upward triangle around the origin, in pixels (integer offsets: no
/// trigonometry in the bundle).
fn triangle(size: i32) -> Vec<(i32, i32)> {
    let half = size + 1;
    vec![(0, -half), (half, half * 3 / 4), (-half, half * 3 / 4)]
}

fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    marker: Marker,
    (x, y): (i32, i32),
    size: i32,
    colour: RGBColor,
    background: RGBColor,
    look: &Look,
) -> DrawResult<(), DB> {
    let stroke = look.px(1.5).max(1) as u32;
    let at = |offsets: Vec<(i32, i32)>| -> Vec<(i32, i32)> {
        offsets
            .into_iter()
            .map(|(dx, dy)| (x + dx, y + dy))
            .collect()
    };
    let square = [(x - size, y - size), (x + size, y + size)];
    match marker {
        Marker::Circle => root.draw(&Circle::new((x, y), size, colour.filled())),
        Marker::Square => root.draw(&Rectangle::new(square, colour.filled())),
        Marker::Triangle => root.draw(&Polygon::new(at(triangle(size)), colour.filled())),
        Marker::Diamond => root.draw(&Polygon::new(
            at(vec![
                (0, -size - 1),
                (size + 1, 0),
                (0, size + 1),
                (-size - 1, 0),
            ]),
            colour.filled(),
        )),
        Marker::HollowCircle => {
            root.draw(&Circle::new((x, y), size, background.filled()))?;
            root.draw(&Circle::new((x, y), size, colour.stroke_width(stroke)))
        }
        Marker::HollowSquare => {
            root.draw(&Rectangle::new(square, background.filled()))?;
            root.draw(&Rectangle::new(square, colour.stroke_width(stroke)))
        }
        Marker::Cross => root.draw(&Cross::new((x, y), size, colour.stroke_width(stroke + 1))),
        Marker::HollowTriangle => {
            let mut outline = at(triangle(size));
            outline.push(outline[0]);
            root.draw(&PathElement::new(outline, colour.stroke_width(stroke)))
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crossover_pricing::view::Money;
    use crossover_pricing::{Scenario, compare};

    /// The texts of an SVG's `<text>` elements.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| Some(t[t.find('>')? + 1..t.find("</text>")?].trim().to_string()))
            .collect()
    }

    fn svg(spec: &ChartSpec, compact: bool) -> (String, PlotArea) {
        let mut out = String::new();
        let area = {
            let root = SVGBackend::with_string(&mut out, (800, 420)).into_drawing_area();
            draw(
                &root,
                spec,
                &Look {
                    scale: 1.0,
                    palette: Palette::default(),
                    compact,
                },
            )
            .unwrap()
        };
        (out, area)
    }

    #[test]
    fn draws_human_axis_labels_lines_and_the_users_volume() {
        let mut scenario = Scenario::default();
        scenario.workload.tokens_per_month = 2.5e9;
        let comparison = compare(&scenario).unwrap();
        let [monthly, unit] = chart_specs(&comparison, &Money::usd());
        let (out, area) = svg(&monthly, false);
        let labels = texts(&out);
        for expected in [
            "1M",
            "1B",
            "1T",
            "$100",
            "$10k",
            "you: 2.5B",
            "USD per month",
        ] {
            assert!(
                labels.iter().any(|l| l == expected),
                "no {expected} in {labels:?}"
            );
        }
        assert!(
            labels.iter().all(|l| !l.contains("000")),
            "raw numbers in {labels:?}"
        );
        // one line per API and deployment in its colour, a band for the estimate's range
        for &RGBColor(r, g, b) in &SERIES_LIGHT[..monthly.series.len()] {
            let stroke = format!("stroke=\"#{r:02X}{g:02X}{b:02X}\"");
            assert!(out.contains(&stroke), "no line in {stroke}");
        }
        assert!(out.contains("<polygon"));
        // The plot area reported for the pointer is where the axes were drawn.
        let axis = format!(
            "points=\"{l},{t} {l},{b} {r},{b} \"",
            l = area.left,
            t = area.top,
            b = area.bottom,
            r = area.right
        );
        assert!(out.contains(&axis), "no axis at {axis}");
        assert_eq!((area.left, area.top), (74.0, 22.0));
        assert_eq!((area.right, area.bottom), (800.0 - 18.0, 420.0 - 50.0));
        let v = area.volume_at((area.left + area.right) / 2.0).unwrap();
        assert!(v > monthly.x_range.0 && v < monthly.x_range.1);
        let (out, _) = svg(&unit, false);
        assert!(texts(&out).iter().any(|l| l == "USD per 1M tokens"));
        // On a phone: fewer ticks and no y-axis title (the heading says it).
        let (compact, _) = svg(&unit, true);
        let labels = texts(&compact);
        assert!(!labels.iter().any(|l| l == "USD per 1M tokens"));
        let ticks = ["1M", "10M", "100M", "1B", "10B", "100B", "1T", "10T"];
        let shown = |labels: &[String]| {
            ticks
                .iter()
                .filter(|t| labels.iter().any(|l| l == *t))
                .count()
        };
        assert!(shown(&labels) <= 5 && shown(&texts(&out)) == 8);
        let euros = chart_specs(
            &comparison,
            &Money {
                code: "EUR".into(),
                symbol: "€".into(),
                per_usd: 0.5,
                catalogue_rate: false,
            },
        );
        let (out, _) = svg(&euros[0], false);
        assert!(texts(&out).iter().any(|l| l == "EUR per month"));
        assert!(texts(&out).iter().any(|l| l.starts_with('€')));
        assert_eq!(euros[0].y_range.1, monthly.y_range.1 * 0.5);
    }

    #[test]
    fn grid_has_every_power_of_ten_and_the_steps_between() {
        let values: Vec<_> = grid_values((6.0, 13.0)).collect();
        // seven decades of nine lines, and 1e13 closing the last
        assert_eq!(values.len(), 7 * 9 + 1);
        assert_eq!(values.iter().filter(|(_, power)| *power).count(), 8);
        assert_eq!(values[0], (1e6, true));
        assert_eq!(values[1], (2e6, false));
        assert_eq!(*values.last().unwrap(), (1e13, true));
        // part-decades keep only the values inside
        let values: Vec<_> = grid_values((0.5, 1.5)).collect();
        assert_eq!(values.first(), Some(&(4.0, false)));
        assert_eq!(values.last(), Some(&(30.0, false)));
        // eight powers: all labelled when eight fit, every other when four do
        assert_eq!(label_step((6.0, 13.0), 8), 1);
        assert_eq!(label_step((6.0, 13.0), 4), 2);
        assert_eq!(label_step((6.0, 13.0), 5), 2);
        assert_eq!(label_step((0.2, 0.8), 4), 1);
        // Four labels a phone: 1M, 100M, 10B, 1T of the eight powers.
        let labelled: Vec<f64> = grid_lines((6.0, 13.0), 4)
            .filter(|(_, line)| *line == GridLine::Labelled)
            .map(|(v, _)| v)
            .collect();
        assert_eq!(labelled, [1e6, 1e8, 1e10, 1e12]);
        assert_eq!(
            grid_lines((6.0, 13.0), 4)
                .filter(|(_, line)| *line == GridLine::Major)
                .count(),
            4
        );
        // One decade (the speed chart's 10 to 100 tokens/s): 2x and 5x labelled too.
        let labelled: Vec<f64> = grid_lines((1.0, 2.0), 8)
            .filter(|(_, line)| *line == GridLine::Labelled)
            .map(|(v, _)| v)
            .collect();
        assert_eq!(labelled, [10.0, 20.0, 50.0, 100.0]);
    }

    #[test]
    fn the_readout_reads_the_lines_as_drawn() {
        use super::data::value_at;
        // An API: cost proportional to volume, two vertices on log scales.
        let api = [(1e6, 2.0), (1e12, 2e6)];
        assert!((value_at(&api, 3e9).unwrap() - 6_000.0).abs() < 1e-6);
        // A staircase: flat steps, a vertical jump at 1e9 (the value past it).
        let stair = [(1e6, 100.0), (1e9, 100.0), (1e9, 200.0), (1e10, 200.0)];
        assert_eq!(value_at(&stair, 5e8), Some(100.0));
        assert_eq!(value_at(&stair, 1e9), Some(200.0));
        assert_eq!(value_at(&stair, 1e10), Some(200.0));
        // Outside the line: nothing.
        assert_eq!(value_at(&stair, 1e5), None);
        assert_eq!(value_at(&stair, 2e10), None);
    }

    #[test]
    fn axes_map_the_ranges_to_the_plot_edges() {
        let axes = Axes {
            left: 74,
            right: 782,
            top: 22,
            bottom: 370,
            x_decades: (6.0, 13.0),
            y_decades: (0.0, 4.0),
        };
        assert_eq!(axes.point((1e6, 1.0)), (74, 370));
        assert_eq!(axes.point((1e13, 1e4)), (782, 22));
        // 1e9 is 3 of 7 decades along 708 px; $100 half of 348 px up
        assert_eq!(axes.point((1e9, 100.0)), (74 + 303, 370 - 174));
        // outside the range (or zero) stays on the edge
        assert_eq!(axes.point((1e15, 0.0)), (782, 370));
    }

    #[test]
    fn css_colours_are_read() {
        assert_eq!(parse_colour("#1c1f26"), Some(RGBColor(28, 31, 38)));
        assert_eq!(parse_colour("#fff"), Some(RGBColor(255, 255, 255)));
        assert_eq!(
            parse_colour(" rgb(28, 31, 38) "),
            Some(RGBColor(28, 31, 38))
        );
        assert_eq!(
            parse_colour("rgb(28 31 38 / 50%)"),
            Some(RGBColor(28, 31, 38))
        );
        assert_eq!(parse_colour("red"), None);
        let p = Palette::from_css(|name| (name == "--xo-fg").then(|| "#ffffff".to_string()));
        assert_eq!(p.text, RGBColor(255, 255, 255));
        assert_eq!(p.background, Palette::default().background);
    }

    #[test]
    fn break_even_points_are_labelled() {
        let comparison = compare(&Scenario::default()).unwrap();
        let [monthly, _] = chart_specs(&comparison, &Money::usd());
        assert!(!monthly.marks.is_empty());
        let (out, _) = svg(&monthly, false);
        // Sonnet 4.6 vs Llama 3.3 70B on H100s crosses at 1.31B, GPT-5.4 mini at 4.64B.
        let labels = texts(&out);
        assert!(
            labels.contains(&"1.31B".to_string()) && labels.contains(&"4.64B".to_string()),
            "{labels:?}"
        );
    }

    #[test]
    fn the_speed_chart_shows_what_each_speed_costs() {
        let mut scenario = Scenario::default();
        scenario.workload.tokens_per_month = 3e9;
        let untargeted = compare(&scenario).unwrap();
        scenario.workload.min_user_output_tokens_per_second = 20.0;
        let comparison = compare(&scenario).unwrap();
        let speed = chart_spec(&DETAIL_CHARTS[0], &comparison, &Money::usd());
        // Three APIs flat, then Llama 3.3 70B on 2x H100 from 19.1 to 53.9 tokens/s.
        assert_eq!(speed.series.len(), 4);
        assert_eq!(speed.x_range, (10.0, 100.0));
        assert_eq!(speed.user_x, Some(20.0));
        let llama = &speed.series[3].points;
        // Up to 19.1 tokens/s the full batch: one replica, $7,834 for 3B tokens.
        assert_eq!(data::value_at(llama, 15.0), Some(7_834.0 / 3_000.0));
        // 52.8 tokens/s takes three replicas ($16,302); past 53.9 none can go.
        assert_eq!(data::value_at(llama, 52.8), Some(16_302.0 / 3_000.0));
        assert_eq!(data::value_at(llama, 60.0), None);
        // The one pair still cheaper at some speed: Claude Sonnet 4.6, up to 52.8.
        assert_eq!(speed.marks.len(), 1);
        assert!((speed.marks[0].volume - 52.8).abs() < 0.01);
        assert_eq!(speed.marks[0].value, 6.0);
        let (out, _) = svg(&speed, false);
        let labels = texts(&out);
        for label in [
            "52.8",
            "your target: 20",
            "10",
            "20",
            "50",
            "100",
            "output tokens/s per user (log scale)",
        ] {
            assert!(
                labels.contains(&label.to_string()),
                "{label} not in {labels:?}"
            );
        }
        // No target: no target line.
        let untargeted = chart_spec(&DETAIL_CHARTS[0], &untargeted, &Money::usd());
        assert_eq!(untargeted.user_x, None);
    }
}
