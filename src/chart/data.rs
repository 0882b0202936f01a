//! What the charts show, asked of the pricing model: curves, bands,
//! markers and break-even points, in data coordinates.

use crossover_pricing::Comparison;
use crossover_pricing::compare::short_label;
use crossover_pricing::selfhost::cost::CurvePoint;
use crossover_pricing::view::{Money, Tab};
use crossover_pricing::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH};

/// The chart's x-axis spans at least this (the slider's range).
const X_MIN: f64 = 1e6;
const X_MAX: f64 = 1e13;
/// Vertices per staircase before it is sampled instead.
const MAX_POINTS: usize = 400;
/// A mix's line is smooth between corners a few percent apart.
const MIX_POINTS: usize = 120;
/// Markers along each line (besides colour and dash, what tells lines apart).
const MARKERS_PER_LINE: usize = 3;

/// A chart the widget shows: what a reader is told of it, and the function
/// that asks the pricing model for its figures. A new chart is a row of
/// [`CHARTS`] (drawn at the first paint) or [`DETAIL_CHARTS`] (drawn by the
/// second module, after it) and its function (and, for its tab, a `Tab`).
#[derive(Debug)]
pub struct Chart {
    /// Its tab; its panel is `xo-panel-` and the tab's id.
    pub tab: Tab,
    pub title: &'static str,
    /// What the chart shows, in words, for screen readers.
    pub description: &'static str,
    pub x_label: &'static str,
    /// After the currency's code on the value axis.
    pub y_unit: &'static str,
    /// The pointer readout's units after a value and after an x.
    pub readout_units: (&'static str, &'static str),
    /// The label of the vertical line at the reader's own x.
    pub user_label: &'static str,
    /// Its PNG download's file name and button.
    pub png: (&'static str, &'static str),
    pub figures: fn(&Comparison, &Money) -> Figures,
}

impl PartialEq for Chart {
    fn eq(&self, other: &Chart) -> bool {
        self.tab == other.tab
    }
}

impl Chart {
    pub fn panel_id(&self) -> String {
        format!("xo-panel-{}", self.tab.id())
    }
}

/// The charts the widget draws at its first paint, in order.
pub static CHARTS: [Chart; 2] = [
    Chart {
        tab: Tab::Monthly,
        title: "Monthly cost",
        description: "Chart of monthly cost against monthly token volume, both on log scales, with each API, each self-hosting option's staircase, a mix of both where it costs less than either, and the break-even points. The table lists the same figures.",
        x_label: "tokens per month (log scale)",
        y_unit: "per month",
        readout_units: ("/month", " tokens a month"),
        user_label: "you",
        png: ("crossover-monthly-cost.png", "monthly-cost chart (PNG)"),
        figures: |c, money| volume_figures(c, money, |p| p.monthly_usd),
    },
    Chart {
        tab: Tab::Unit,
        title: "Cost per 1M tokens",
        description: "Chart of cost per million tokens against monthly token volume, both on log scales. The table lists the same figures.",
        x_label: "tokens per month (log scale)",
        y_unit: "per 1M tokens",
        readout_units: (" per 1M", " tokens a month"),
        user_label: "you",
        png: ("crossover-cost-per-1m.png", "cost-per-1M chart (PNG)"),
        figures: |c, money| volume_figures(c, money, |p| p.usd_per_mtok),
    },
];

/// The charts the second module draws after the first paint (`src/detail.rs`),
/// each in an empty panel the widget leaves after [`CHARTS`].
pub static DETAIL_CHARTS: [Chart; 1] = [Chart {
    tab: Tab::Speed,
    title: "Cost against speed per user, at your volume",
    description: "Chart of cost per million tokens at your volume against the generation speed each user sees, both on log scales: each API flat, each self-hosting option rising as fewer sequences share a replica, with the fastest speed at which it still costs less than each API.",
    x_label: "output tokens/s per user (log scale)",
    y_unit: "per 1M tokens",
    readout_units: (" per 1M", " output tokens/s per user"),
    user_label: "your target",
    png: (
        "crossover-cost-against-speed.png",
        "cost-against-speed chart (PNG)",
    ),
    figures: speed_figures,
}];

/// What a chart's function gives: its x range, lines, break-even marks and
/// the reader's own x (none when unset).
pub struct Figures {
    pub x_range: (f64, f64),
    pub series: Vec<SeriesSpec>,
    pub marks: Vec<Mark>,
    pub user_x: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    HollowCircle,
    HollowSquare,
    Cross,
    HollowTriangle,
}

impl Marker {
    pub const ALL: [Marker; 8] = [
        Marker::Circle,
        Marker::Square,
        Marker::Triangle,
        Marker::Diamond,
        Marker::HollowCircle,
        Marker::HollowSquare,
        Marker::Cross,
        Marker::HollowTriangle,
    ];

    pub fn for_series(index: usize) -> Marker {
        Marker::ALL[index % Marker::ALL.len()]
    }
}

/// What a line prices: an API (dashed), self-hosting (solid), or a mix of
/// own replicas and an API (solid, beneath the others).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SeriesKind {
    Api,
    SelfHosted,
    Mix,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSpec {
    pub label: String,
    pub kind: SeriesKind,
    pub marker: Marker,
    pub points: Vec<(f64, f64)>,
    pub marker_points: Vec<(f64, f64)>,
    /// The self-hosting estimate's range, as a closed polygon.
    pub band: Option<Vec<(f64, f64)>>,
}

/// A break-even point: where a deployment's line crosses an API's for good.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub volume: f64,
    pub value: f64,
    /// The deployment's series, for the colour.
    pub series: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub chart: &'static Chart,
    /// Values are in this currency's units; labels carry its symbol.
    pub symbol: String,
    pub currency_code: String,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    pub series: Vec<SeriesSpec>,
    pub marks: Vec<Mark>,
    /// The user's volume, or on the speed chart the speed target (none when unset).
    pub user_x: Option<f64>,
}

impl ChartSpec {
    /// A chart in `money`'s units, its value axis spanning its series.
    fn new(chart: &'static Chart, money: &Money, figures: Figures) -> ChartSpec {
        ChartSpec {
            chart,
            symbol: money.symbol.clone(),
            currency_code: money.code.clone(),
            x_range: figures.x_range,
            y_range: y_range(&figures.series),
            series: figures.series,
            marks: figures.marks,
            user_x: figures.user_x,
        }
    }
}

/// Markers along a line at points spread evenly on the log axis, offset
/// per series so markers of different lines do not sit on one another.
fn marker_points(
    points: &[(f64, f64)],
    x_range: (f64, f64),
    series: usize,
    count: usize,
) -> Vec<(f64, f64)> {
    let (lo, hi) = (x_range.0.log10(), x_range.1.log10());
    let offset = (series % count.max(1)) as f64 / (count as f64 * 4.0);
    (0..MARKERS_PER_LINE)
        .filter_map(|i| {
            let t = (i as f64 + 0.35 + offset) / MARKERS_PER_LINE as f64;
            let x = crossover_pricing::units::pow(10.0, lo + t.min(0.97) * (hi - lo));
            Some((x, value_at(points, x)?))
        })
        .collect()
}

/// Every chart of [`CHARTS`], in `money`, for the workload the comparison
/// answers.
pub fn chart_specs(c: &Comparison, money: &Money) -> [ChartSpec; CHARTS.len()] {
    CHARTS.each_ref().map(|chart| chart_spec(chart, c, money))
}

/// One chart, in `money`, for the workload the comparison answers (its
/// service level marks the speed chart).
pub fn chart_spec(chart: &'static Chart, c: &Comparison, money: &Money) -> ChartSpec {
    ChartSpec::new(chart, money, (chart.figures)(c, money))
}

/// Cost against monthly volume, `usd` of each curve point in `money`: APIs
/// straight, each deployment a staircase in its throughput band, and the
/// break-even marks.
fn volume_figures(c: &Comparison, money: &Money, usd: fn(&CurvePoint) -> f64) -> Figures {
    let value = |point: &CurvePoint| money.convert(usd(point));
    let you = c.tokens_per_month();
    let furthest_crossing = c
        .pairs
        .iter()
        .filter_map(|p| p.break_even.cheaper_from_tokens_per_month)
        .fold(0.0f64, f64::max);
    let x_range = (
        X_MIN.min(you / 10.0).max(MIN_TOKENS_PER_MONTH),
        X_MAX
            .max(you * 10.0)
            .max((furthest_crossing * 3.0).min(1e15))
            .min(MAX_TOKENS_PER_MONTH),
    );
    let (from, to) = x_range;
    let priced: Vec<_> = c.priced_apis().collect();
    let plans: Vec<_> = c.plans().collect();
    let count = priced.len() + plans.len();

    {
        let mut series = Vec::new();
        for (option, rate) in &priced {
            let i = series.len();
            let points: Vec<_> = rate
                .cost_curve(from, to)
                .iter()
                .map(|p| (p.tokens_per_month, value(p)))
                .collect();
            series.push(SeriesSpec {
                label: option.offering.label(),
                kind: SeriesKind::Api,
                marker: Marker::for_series(i),
                marker_points: marker_points(&points, x_range, i, count),
                points,
                band: None,
            });
        }
        for plan in &plans {
            let i = series.len();
            let curve = |p: &crossover_pricing::SelfHostPlan| -> Vec<(f64, f64)> {
                p.cost_curve(from, to, MAX_POINTS)
                    .iter()
                    .map(|q| (q.tokens_per_month, value(q)))
                    .collect()
            };
            let band = (!plan.measured).then(|| {
                let mut polygon = curve(&plan.optimistic());
                polygon.extend(curve(&plan.pessimistic()).into_iter().rev());
                polygon
            });
            let points = curve(plan);
            series.push(SeriesSpec {
                label: short_label(plan),
                kind: SeriesKind::SelfHosted,
                marker: Marker::for_series(i),
                marker_points: marker_points(&points, x_range, i, count),
                points,
                band,
            });
        }
        for m in &c.mixes {
            let i = series.len();
            let points: Vec<_> = m
                .mix
                .cost_curve(from, to, MIX_POINTS)
                .iter()
                .map(|p| (p.tokens_per_month, value(p)))
                .collect();
            series.push(SeriesSpec {
                label: crossover_pricing::words::mix_name(c, m),
                kind: SeriesKind::Mix,
                marker: Marker::for_series(i),
                marker_points: marker_points(&points, x_range, i, count),
                points,
                band: None,
            });
        }
        let marks = c
            .pairs
            .iter()
            .filter_map(|pair| {
                let volume = pair.break_even.cheaper_from_tokens_per_month?;
                let rate = c.apis[pair.api].pricing.rate()?;
                let point = rate.cost_curve(volume, volume)[0];
                (from..=to).contains(&volume).then(|| Mark {
                    volume,
                    value: value(&point),
                    series: deployment_series(c, pair.deployment),
                })
            })
            .collect();
        Figures {
            x_range,
            series,
            marks,
            user_x: Some(you),
        }
    }
}

/// The series of a deployment in every chart: the priced APIs come first,
/// then each deployment that could be built, in order.
fn deployment_series(c: &Comparison, deployment: usize) -> usize {
    c.priced_apis().count()
        + c.deployments[..deployment]
            .iter()
            .filter(|d| d.plan.is_ok())
            .count()
}

/// The range every series' values (and bands) fit in, with a margin.
fn y_range(series: &[SeriesSpec]) -> (f64, f64) {
    let values = series
        .iter()
        .flat_map(|s| s.points.iter().chain(s.band.iter().flatten()))
        .map(|p| p.1)
        .filter(|v| v.is_finite() && *v > 0.0);
    let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo.is_finite() && hi > lo {
        (lo / 1.6, hi * 1.6)
    } else if lo.is_finite() {
        (lo / 10.0, lo * 10.0)
    } else {
        (1.0, 1e6)
    }
}

/// Cost per 1M tokens at the user's volume against the speed each user
/// sees: APIs flat, each deployment a staircase up to the fastest speed it
/// can offer, and where each stops being cheaper than each API.
fn speed_figures(c: &Comparison, money: &Money) -> Figures {
    let speed_target = c.workload.min_user_output_tokens_per_second;
    let per_mtok = |monthly_usd: f64| money.convert(monthly_usd / c.tokens_per_month() * 1e6);
    let curves: Vec<_> = c
        .deployments
        .iter()
        .filter(|d| d.plan.is_ok())
        .map(|d| &d.speed_curve)
        .collect();
    let speeds = curves.iter().flat_map(|curve| curve.iter().map(|p| p.0));
    let (slowest, fastest) = speeds.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    // Out to the powers of ten around the speeds, so the axis has labels.
    let x_range = if slowest.is_finite() && fastest > 0.0 {
        (
            crossover_pricing::units::pow(10.0, (slowest / 1.2).log10().floor()),
            crossover_pricing::units::pow(10.0, (fastest * 1.2).log10().ceil()),
        )
    } else {
        (1.0, 1e3)
    };
    let count = c.priced_apis().count() + curves.len();
    let mut series = Vec::new();
    let mut push = |label: String, kind: SeriesKind, points: Vec<(f64, f64)>| {
        let i = series.len();
        series.push(SeriesSpec {
            label,
            kind,
            marker: Marker::for_series(i),
            marker_points: marker_points(&points, x_range, i, count),
            points,
            band: None,
        });
        i
    };
    for (option, rate) in c.priced_apis() {
        let y = per_mtok(rate.monthly_cost(c.tokens_per_month()));
        push(
            option.offering.label(),
            SeriesKind::Api,
            vec![(x_range.0, y), (x_range.1, y)],
        );
    }
    for d in &c.deployments {
        let Ok(plan) = &d.plan else { continue };
        // A target up to each batch's speed gets that batch's cost: a step.
        let mut points: Vec<(f64, f64)> = Vec::new();
        let mut from = x_range.0;
        for &(speed, monthly_usd) in &d.speed_curve {
            let y = per_mtok(monthly_usd);
            match points.last_mut() {
                Some(last) if last.1 == y => last.0 = speed,
                _ => points.extend([(from, y), (speed, y)]),
            }
            from = speed;
        }
        push(short_label(plan), SeriesKind::SelfHosted, points);
    }
    let marks = c
        .pairs
        .iter()
        .filter_map(|pair| {
            Some(Mark {
                volume: pair.fastest_cheaper_speed?,
                value: per_mtok(pair.at_volume.api_usd),
                series: deployment_series(c, pair.deployment),
            })
        })
        .collect();
    Figures {
        x_range,
        series,
        marks,
        user_x: (speed_target > 0.0).then_some(speed_target),
    }
}

/// A line's value at `x` as drawn: between its vertices, on log scales
/// (exact for a staircase's flat steps and an API's straight line); after a
/// vertical jump, the value past it. `None` outside the line.
pub fn value_at(points: &[(f64, f64)], x: f64) -> Option<f64> {
    let i = points.iter().rposition(|p| p.0 <= x)?;
    let (x0, y0) = points[i];
    match points.get(i + 1) {
        Some(&(x1, y1)) if x1 > x0 => {
            Some(y0 * crossover_pricing::units::pow(y1 / y0, (x / x0).ln() / (x1 / x0).ln()))
        }
        _ => (x == x0).then_some(y0),
    }
}

/// Each line's value at one point of the x-axis, for the pointer readout.
pub fn values_at(spec: &ChartSpec, x: f64) -> Vec<(String, f64)> {
    spec.series
        .iter()
        .filter_map(|s| Some((s.label.clone(), value_at(&s.points, x)?)))
        .collect()
}
