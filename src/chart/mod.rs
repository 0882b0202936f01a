//! The two break-even charts, drawn with plotters on any backend: the
//! browser's canvas in the widget, SVG in native tests.
//!
//! [`data`] asks the pricing model for the curves; this module only maps
//! them to pixels.

pub mod canvas;
pub mod data;

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crossover_pricing::units::{format_amount, format_count};
pub use data::{ChartSpec, Marker, Measure, SeriesSpec, chart_specs};

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
        (FontFamily::SansSerif, css_size * self.scale)
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
        Some(10f64.powf(self.x_min.log10() + t * (self.x_max.log10() - self.x_min.log10())))
    }

    /// Whether the pointer's readout goes to its left, to stay inside the plot.
    pub fn flips_readout(&self, x: f64) -> bool {
        x > (self.left + self.right) / 2.0
    }
}

/// A log axis with our labels ("1B", "$10k"). plotters' default labels go
/// through `{:?}`, which would bring core's float formatter into the widget.
struct LabelledLog<'a> {
    coord: LogCoord<f64>,
    /// `None` for token counts.
    currency_symbol: Option<&'a str>,
}

impl<'a> LabelledLog<'a> {
    fn new(range: Range<f64>, currency_symbol: Option<&'a str>) -> Self {
        LabelledLog {
            coord: range.log_scale().into(),
            currency_symbol,
        }
    }
}

impl Ranged for LabelledLog<'_> {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.coord.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.coord.key_points(hint)
    }

    fn range(&self) -> Range<f64> {
        self.coord.range()
    }
}

impl ValueFormatter<f64> for LabelledLog<'_> {
    fn format_ext(&self, value: &f64) -> String {
        match self.currency_symbol {
            Some(symbol) => format_amount(*value, symbol),
            None => format_count(*value),
        }
    }
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws one chart filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    look: &Look,
) -> DrawResult<PlotArea, DB> {
    let palette = &look.palette;
    root.fill(&palette.background)?;
    let (x0, x1) = spec.x_range;
    let (y0, y1) = spec.y_range;
    let y_label = match spec.measure {
        Measure::Monthly => format!("{} per month", spec.currency_code),
        Measure::PerMtok => format!("{} per 1M tokens", spec.currency_code),
    };
    let mut chart = ChartBuilder::on(root)
        .margin_top(look.px(22.0))
        .margin_right(look.px(if look.compact { 10.0 } else { 18.0 }))
        .margin_left(look.px(6.0))
        .margin_bottom(look.px(4.0))
        .x_label_area_size(look.px(46.0))
        .y_label_area_size(look.px(if look.compact { 56.0 } else { 68.0 }))
        .build_cartesian_2d(
            LabelledLog::new(x0..x1, None),
            LabelledLog::new(y0..y1, Some(&spec.symbol)),
        )?;
    chart
        .configure_mesh()
        .x_labels(if look.compact { 4 } else { 8 })
        .y_labels(if look.compact { 5 } else { 7 })
        .x_desc("tokens per month (log scale)")
        .y_desc(if look.compact { "" } else { y_label.as_str() })
        .label_style(look.font(16.0))
        .axis_desc_style(look.font(16.0))
        .axis_style(palette.muted.stroke_width(look.px(1.0).max(1) as u32))
        .bold_line_style(palette.grid.stroke_width(look.px(1.0).max(1) as u32))
        .light_line_style(palette.grid.mix(0.45).stroke_width(1))
        .draw()?;

    for (i, series) in spec.series.iter().enumerate() {
        let colour = look.colour(i);
        if let Some(band) = &series.band {
            chart.draw_series(std::iter::once(Polygon::new(
                band.clone(),
                colour.mix(0.16).filled(),
            )))?;
        }
        let width = look.px(if series.dashed { 2.0 } else { 3.0 }).max(1) as u32;
        if series.dashed {
            chart.draw_series(DashedLineSeries::new(
                series.points.iter().copied(),
                look.px(7.0),
                look.px(4.0),
                colour.stroke_width(width),
            ))?;
        } else {
            chart.draw_series(LineSeries::new(
                series.points.iter().copied(),
                colour.stroke_width(width),
            ))?;
        }
        let size = look.px(4.5);
        for &point in &series.marker_points {
            draw_marker(
                &mut chart,
                series.marker,
                point,
                size,
                colour,
                palette.background,
                look,
            )?;
        }
    }

    // The user's volume.
    let you = spec.user_volume;
    let top = chart.backend_coord(&(you, y1));
    chart.plotting_area().draw(&PathElement::new(
        vec![(you, y0), (you, y1)],
        palette.text.stroke_width(look.px(1.5).max(1) as u32),
    ))?;
    let label = format!("you: {}", format_count(you));
    let near_right_edge = top.0 > chart.plotting_area().get_pixel_range().0.end - look.px(70.0);
    let (anchor, dx) = if near_right_edge {
        (HPos::Right, -look.px(4.0))
    } else {
        (HPos::Left, look.px(4.0))
    };
    root.draw(&Text::new(
        label,
        (top.0 + dx, top.1 - look.px(4.0)),
        look.font(16.0).pos(Pos::new(anchor, VPos::Bottom)),
    ))?;

    // Break-even points, labelled where the label has room.
    let mut placed: Vec<(i32, i32, i32, i32)> = Vec::new();
    for mark in &spec.marks {
        let (px, py) = chart.backend_coord(&(mark.volume, mark.value));
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
            // A plate under the label keeps it readable over the lines.
            let plate = palette.background.mix(0.85).filled();
            root.draw(&Rectangle::new([(rect.0, rect.1), (rect.2, rect.3)], plate))?;
            let style = look.font(15.0).pos(Pos::new(HPos::Center, VPos::Bottom));
            root.draw(&Text::new(text, (px, py - look.px(10.0)), style))?;
            placed.push(rect);
        }
    }

    root.present()?;
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let s = look.scale;
    Ok(PlotArea {
        left: f64::from(xs.start) / s,
        right: f64::from(xs.end) / s,
        top: f64::from(ys.start) / s,
        bottom: f64::from(ys.end) / s,
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

fn draw_marker<DB: DrawingBackend, CT: plotters::coord::CoordTranslate<From = (f64, f64)>>(
    chart: &mut ChartContext<'_, DB, CT>,
    marker: Marker,
    point: (f64, f64),
    size: i32,
    colour: RGBColor,
    background: RGBColor,
    look: &Look,
) -> DrawResult<(), DB> {
    let area = chart.plotting_area();
    let stroke = look.px(1.5).max(1) as u32;
    match marker {
        Marker::Circle => area.draw(&Circle::new(point, size, colour.filled())),
        Marker::Square => area.draw(
            &(EmptyElement::at(point)
                + Rectangle::new([(-size, -size), (size, size)], colour.filled())),
        ),
        Marker::Triangle => {
            area.draw(&(EmptyElement::at(point) + Polygon::new(triangle(size), colour.filled())))
        }
        Marker::Diamond => area.draw(
            &(EmptyElement::at(point)
                + Polygon::new(
                    vec![(0, -size - 1), (size + 1, 0), (0, size + 1), (-size - 1, 0)],
                    colour.filled(),
                )),
        ),
        Marker::HollowCircle => {
            area.draw(&Circle::new(point, size, background.filled()))?;
            area.draw(&Circle::new(point, size, colour.stroke_width(stroke)))
        }
        Marker::HollowSquare => area.draw(
            &(EmptyElement::at(point)
                + Rectangle::new([(-size, -size), (size, size)], background.filled())
                + Rectangle::new([(-size, -size), (size, size)], colour.stroke_width(stroke))),
        ),
        Marker::Cross => area.draw(&Cross::new(point, size, colour.stroke_width(stroke + 1))),
        Marker::HollowTriangle => {
            let mut outline = triangle(size);
            outline.push(outline[0]);
            area.draw(
                &(EmptyElement::at(point) + PathElement::new(outline, colour.stroke_width(stroke))),
            )
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
        // one line per API and deployment, a band for the estimate's range
        assert!(out.matches("<polyline").count() >= 4);
        assert!(out.contains("<polygon"));
        assert!(area.left < area.right && area.top < area.bottom);
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
}
