//! The tornado chart: each input moved across its range, and how far
//! self-hosting's monthly saving over an API moves with it, widest swing
//! first. The pricing model computes the bars
//! ([`crossover_pricing::sensitivity`]); this maps them to pixels.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crossover_pricing::sensitivity::Tornado;
use crossover_pricing::units::format_amount;
use crossover_pricing::view::Money;
use crossover_pricing::words::{bar_break_even_note, bar_label};

use super::{DrawResult, Look};

/// A tornado in the reader's currency, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoSpec {
    /// The API compared with, for the axis label.
    pub api: String,
    pub currency_code: String,
    pub symbol: String,
    /// Self-hosting's monthly saving with every input as set (negative: it
    /// costs more): the headline's figure.
    pub centre: f64,
    pub bars: Vec<TornadoBar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    pub name: &'static str,
    /// "$1.99 → $11.1, flips at $9.86".
    pub label: String,
    /// Where the saving at the reader's volume stays put: how the
    /// break-even moves instead, written where the bar would be.
    pub note: Option<String>,
    pub at_low: f64,
    pub at_high: f64,
}

impl TornadoSpec {
    pub fn new(t: &Tornado, api: &str, money: &Money) -> TornadoSpec {
        TornadoSpec {
            api: api.to_string(),
            currency_code: money.code.clone(),
            symbol: money.symbol.clone(),
            centre: money.convert(t.saving_usd),
            bars: t
                .bars
                .iter()
                .map(|b| TornadoBar {
                    name: b.input.name(),
                    label: bar_label(b, money),
                    note: bar_break_even_note(b),
                    at_low: money.convert(b.saving_at_low_usd),
                    at_high: money.convert(b.saving_at_high_usd),
                })
                .collect(),
        }
    }

    /// The saving's span on the axis: every bar's ends, the centre and zero
    /// (where the answer flips), with a margin.
    fn x_span(&self) -> (f64, f64) {
        let values = self
            .bars
            .iter()
            .flat_map(|b| [b.at_low, b.at_high])
            .chain([self.centre, 0.0]);
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        let margin = ((hi - lo) * 0.06).max(1.0);
        (lo - margin, hi + margin)
    }
}

/// Rows and margins in CSS pixels: names beside the bars, or above them
/// where space is tight.
struct Layout {
    label_width: f64,
    row: f64,
    top: f64,
    bottom: f64,
}

fn layout(compact: bool) -> Layout {
    Layout {
        label_width: if compact { 0.0 } else { 230.0 },
        row: if compact { 54.0 } else { 40.0 },
        top: 44.0,
        bottom: 58.0,
    }
}

/// The chart's CSS height for `bars` bars.
pub fn css_height(bars: usize, compact: bool) -> f64 {
    let l = layout(compact);
    l.top + l.row * bars.max(1) as f64 + l.bottom
}

/// A round step giving about `count` steps over `span`.
fn nice_step(span: f64, count: f64) -> f64 {
    let raw = span / count;
    let power = crossover_pricing::units::pow(10.0, raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * power)
}

/// A signed amount: "−$1.5k", "$10.2k".
fn signed(value: f64, symbol: &str) -> String {
    if value < 0.0 {
        format!("−{}", format_amount(-value, symbol))
    } else {
        format_amount(value, symbol)
    }
}

/// Draws the tornado filling `root`, in backend pixels.
pub fn draw_tornado<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &TornadoSpec,
    look: &Look,
) -> DrawResult<(), DB> {
    let palette = &look.palette;
    root.fill(&palette.background)?;
    let (width, height) = root.dim_in_pixel();
    let l = layout(look.compact);
    let left = look.px(l.label_width + 12.0);
    let right = width as i32 - look.px(16.0);
    let top = look.px(l.top);
    let bottom = height as i32 - look.px(l.bottom);
    let (lo, hi) = spec.x_span();
    let x = |v: f64| left + ((v - lo) / (hi - lo) * f64::from(right - left)).round() as i32;
    let line = look.px(1.0).max(1) as u32;
    let (low_colour, high_colour) = (look.colour(0), look.colour(1));

    // The legend: which end of each input's range a colour stands for.
    let mut legend_x = look.px(4.0);
    for (colour, text) in [
        (low_colour, "input at the low end"),
        (high_colour, "at the high end"),
    ] {
        let swatch = look.px(12.0);
        root.draw(&Rectangle::new(
            [
                (legend_x, look.px(4.0)),
                (legend_x + swatch, look.px(4.0) + swatch),
            ],
            colour.filled(),
        ))?;
        root.draw(&Text::new(
            text,
            (legend_x + swatch + look.px(6.0), look.px(10.0)),
            look.font(15.0).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        legend_x += swatch + look.px(16.0 + 6.6 * text.len() as f64);
    }

    let step = nice_step(hi - lo, if look.compact { 3.0 } else { 6.0 });
    let mut tick = (lo / step).ceil() * step;
    while tick <= hi {
        let tx = x(tick);
        root.draw(&PathElement::new(
            vec![(tx, top), (tx, bottom)],
            palette.grid.stroke_width(line),
        ))?;
        root.draw(&Text::new(
            signed(tick, &spec.symbol),
            (tx, bottom + look.px(6.0)),
            look.font(15.0).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        tick += step;
    }

    let row = look.px(l.row);
    let bar_height = look.px(14.0);
    for (i, bar) in spec.bars.iter().enumerate() {
        let row_top = top + row * i as i32;
        let bar_top = if look.compact {
            row_top + look.px(34.0)
        } else {
            row_top + (row - bar_height) / 2
        };
        let (name_at, label_at) = if look.compact {
            (
                (look.px(4.0), row_top + look.px(2.0)),
                (look.px(4.0), row_top + look.px(18.0)),
            )
        } else {
            (
                (look.px(4.0), row_top + look.px(3.0)),
                (look.px(4.0), row_top + look.px(20.0)),
            )
        };
        root.draw(&Text::new(
            bar.name,
            name_at,
            look.font(16.0).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        root.draw(&Text::new(
            bar.label.clone(),
            label_at,
            look.font(14.0)
                .color(&palette.muted)
                .pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        if let Some(note) = &bar.note {
            // On a phone the row is the chart's width: the note starts at its left, short.
            let (at, note) = if look.compact {
                (look.px(4.0) - look.px(6.0), note.clone())
            } else {
                (x(spec.centre), format!("same cost at your volume; {note}"))
            };
            let (anchor, nudge) = if at > (left + right) / 2 {
                (HPos::Right, -look.px(6.0))
            } else {
                (HPos::Left, look.px(6.0))
            };
            root.draw(&Text::new(
                note,
                (at + nudge, bar_top + bar_height / 2),
                look.font(14.0)
                    .color(&palette.muted)
                    .pos(Pos::new(anchor, VPos::Center)),
            ))?;
        }
        for (end, colour) in [(bar.at_low, low_colour), (bar.at_high, high_colour)] {
            let (a, b) = (x(spec.centre), x(end));
            if a != b {
                root.draw(&Rectangle::new(
                    [(a.min(b), bar_top), (a.max(b), bar_top + bar_height)],
                    colour.filled(),
                ))?;
            }
        }
    }

    // Zero, where the answer flips, and the figure with every input as set.
    let zero = x(0.0);
    root.draw(&PathElement::new(
        vec![(zero, top - look.px(6.0)), (zero, bottom)],
        palette.muted.stroke_width(look.px(2.0).max(1) as u32),
    ))?;
    let centre = x(spec.centre);
    root.draw(&DashedPathElement::new(
        vec![(centre, top - look.px(6.0)), (centre, bottom)],
        look.px(4.0).max(1) as u32,
        look.px(3.0).max(1) as u32,
        palette.text.stroke_width(line),
    ))?;
    let (anchor, nudge) = if centre > (left + right) / 2 {
        (HPos::Right, -look.px(4.0))
    } else {
        (HPos::Left, look.px(4.0))
    };
    root.draw(&Text::new(
        format!("as set: {}", signed(spec.centre, &spec.symbol)),
        (centre + nudge, top - look.px(8.0)),
        look.font(15.0).pos(Pos::new(anchor, VPos::Bottom)),
    ))?;

    let axis_label = if look.compact {
        format!("saving vs {}, {} a month", spec.api, spec.currency_code)
    } else {
        format!(
            "self-hosting's monthly saving vs {}, {} (right of 0: self-hosting costs less)",
            spec.api, spec.currency_code
        )
    };
    root.draw(&Text::new(
        axis_label,
        ((left + right) / 2, height as i32 - look.px(4.0)),
        look.font(15.0).pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::Palette;
    use crossover_pricing::Scenario;
    use crossover_pricing::sensitivity::tornado;

    /// The tornado for the default scenario at 3B against GPT-5.4 mini,
    /// drawn as SVG: its texts, and the x of every bar's ends.
    fn drawn(compact: bool) -> (TornadoSpec, String) {
        let mut scenario = Scenario::default();
        scenario.workload.tokens_per_month = 3e9;
        let t = tornado(&scenario, 0, 0).unwrap();
        let spec = TornadoSpec::new(&t, "GPT-5.4 mini", &Money::usd());
        let mut out = String::new();
        {
            let height = css_height(spec.bars.len(), compact) as u32;
            let root = plotters::prelude::SVGBackend::with_string(&mut out, (900, height))
                .into_drawing_area();
            let look = Look {
                scale: 1.0,
                palette: Palette::default(),
                compact,
            };
            draw_tornado(&root, &spec, &look).unwrap();
        }
        (spec, out.replace("&apos;", "'"))
    }

    #[test]
    fn names_every_input_its_range_and_the_figure_as_set() {
        for compact in [false, true] {
            let (spec, svg) = drawn(compact);
            // `crossover --sensitivity 'v=1&tpm=3B'`: $2.77k more than GPT-5.4 mini.
            assert!(svg.contains("as set: −$2.77k"), "{svg}");
            assert!(svg.contains("$1.99 → $11.1"));
            // The utilisation leaves the cost at 3B where it is and moves the break-even.
            assert!(svg.contains("cheaper from 12.2B → 4.64B"));
            for bar in &spec.bars {
                assert!(svg.contains(bar.name), "{} missing", bar.name);
            }
        }
    }

    #[test]
    fn a_bar_is_drawn_from_the_figure_as_set_to_each_end() {
        let (spec, svg) = drawn(false);
        let gpu = &spec.bars[0];
        assert_eq!(gpu.name, "GPU price per hour");
        // Two filled rectangles per bar with a swing; the legend's two swatches.
        let swinging = spec.bars.iter().filter(|b| b.at_low != b.at_high).count();
        let ends: usize = spec
            .bars
            .iter()
            .map(|b| usize::from(b.at_low != spec.centre) + usize::from(b.at_high != spec.centre))
            .sum();
        assert!(swinging >= 4);
        assert_eq!(svg.matches("<rect").count(), 1 + 2 + ends, "{svg}");
    }

    #[test]
    fn steps_are_round_and_about_as_many_as_asked() {
        assert_eq!(nice_step(10_000.0, 5.0), 2_000.0);
        assert_eq!(nice_step(16_000.0, 6.0), 5_000.0);
        assert_eq!(nice_step(0.9, 3.0), 0.5);
    }

    #[test]
    fn the_span_holds_every_end_zero_and_the_centre() {
        let spec = TornadoSpec {
            api: "GPT-5.4 mini".into(),
            currency_code: "USD".into(),
            symbol: "$".into(),
            centre: -2_770.0,
            bars: vec![TornadoBar {
                name: "GPU price per hour",
                label: String::new(),
                note: None,
                at_low: -1_440.0,
                at_high: -14_700.0,
            }],
        };
        let (lo, hi) = spec.x_span();
        // A margin of 6% of the span beyond the ends, zero among them.
        assert!(
            lo < -15_500.0 && lo > -15_700.0 && hi > 800.0 && hi < 900.0,
            "{lo} {hi}"
        );
        assert_eq!(signed(-1_500.0, "$"), "−$1.5k");
    }
}
