//! Fitting an engine's efficiency factors to the throughput records and its
//! latency terms to the latency records: shared by
//! `examples/fit_efficiencies.rs` and `examples/fit_latency.rs` (the fits the
//! catalogue holds) and the calibration test (the leave-one-out errors).

use crossover_pricing::catalogue::{Batching, CALIBRATION, CalibrationRecord, Engine, LATENCY};
use crossover_pricing::selfhost::calibration::estimate_record;

const GRID: [f64; 16] = [
    0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0,
];

type Factor = fn(&mut Engine) -> &mut f64;

/// Each factor with the range kernels are known to reach: memory bandwidth
/// 60-90%, dense tensor throughput 30-80%; routed-expert layers down to 5%
/// (one token at a time on Apple's GPU: llama.cpp's gpt-oss-20b on an M3
/// Ultra decodes at 115 tokens a second where bandwidth allows about 240).
pub const FACTORS: [(&str, Factor, f64, f64); 10] = [
    (
        "bandwidth bf16",
        |e| &mut e.bandwidth_efficiency.bf16,
        0.6,
        0.9,
    ),
    (
        "bandwidth fp8",
        |e| &mut e.bandwidth_efficiency.fp8,
        0.6,
        0.9,
    ),
    (
        "bandwidth int4",
        |e| &mut e.bandwidth_efficiency.int4,
        0.6,
        0.9,
    ),
    ("compute bf16", |e| &mut e.compute_efficiency.bf16, 0.3, 0.8),
    ("compute fp8", |e| &mut e.compute_efficiency.fp8, 0.3, 0.8),
    ("compute int4", |e| &mut e.compute_efficiency.int4, 0.3, 0.8),
    ("moe", |e| &mut e.moe_compute_efficiency, 0.05, 1.0),
    ("nvlink", |e| &mut e.multi_gpu_efficiency.nvlink, 0.8, 1.0),
    ("pcie", |e| &mut e.multi_gpu_efficiency.pcie, 0.5, 1.0),
    ("multi-node", |e| &mut e.multi_node_efficiency, 0.5, 1.0),
];

/// Worst and median absolute error of `candidate` over the records `used`
/// keeps; `None` when it keeps none or one cannot be estimated.
pub fn score(candidate: &Engine, used: &dyn Fn(&CalibrationRecord) -> bool) -> Option<(f64, f64)> {
    let mut errors: Vec<f64> = CALIBRATION
        .iter()
        .filter(|r| r.engine == candidate.id && used(r))
        .map(|r| estimate_record(r, candidate).map(|x| x.relative_error().abs()))
        .collect::<Option<_>>()?;
    errors.sort_by(f64::total_cmp);
    let worst = *errors.last()?;
    Some((worst, errors[errors.len() / 2]))
}

/// Coordinate descent over the grid from `start`: the smallest worst-case
/// error over the records `used` keeps, then the smallest median.
pub fn fit(
    start: &Engine,
    used: &dyn Fn(&CalibrationRecord) -> bool,
) -> (Engine, Option<(f64, f64)>) {
    let mut best = (score(start, used), start.clone());
    for _ in 0..6 {
        for (_, factor, low, high) in &FACTORS {
            for value in GRID.into_iter().filter(|v| (low..=high).contains(&v)) {
                let mut candidate = best.1.clone();
                *factor(&mut candidate) = value;
                if let Some(s) = score(&candidate, used)
                    && best.0.is_none_or(|b| s < b)
                {
                    best = (Some(s), candidate);
                }
            }
        }
    }
    (best.1, best.0)
}

/// An engine with every factor at the middle of its range: where a fit
/// starts when it must not know the catalogue's fitted values.
pub fn neutral(e: &Engine) -> Engine {
    let mut out = e.clone();
    for (_, factor, low, high) in &FACTORS {
        *factor(&mut out) = (low + high) / 2.0;
    }
    out
}

/// How far an estimate may stray from a published figure.
pub const TOLERANCE: f64 = 0.40;

/// An engine's latency estimates over the latency records `used` keeps:
/// speed per user and first token together, how many are within
/// [`TOLERANCE`], and the larger of the two median absolute errors.
pub fn latency_score(
    candidate: &Engine,
    used: &dyn Fn(&CalibrationRecord) -> bool,
) -> (usize, f64) {
    let (mut speed, mut first): (Vec<f64>, Vec<f64>) = LATENCY
        .iter()
        .filter(|r| r.engine == candidate.id && used(r))
        .filter_map(|r| estimate_record(r, candidate))
        .filter_map(|x| Some((x.user_speed_error()?.abs(), x.first_token_error()?.abs())))
        .unzip();
    let within = speed
        .iter()
        .chain(&first)
        .filter(|e| **e <= TOLERANCE)
        .count();
    let median = |errors: &mut Vec<f64>| {
        errors.sort_by(f64::total_cmp);
        errors.get(errors.len() / 2).copied().unwrap_or(0.0)
    };
    (within, median(&mut speed).max(median(&mut first)))
}

/// The engine's two latency terms searched on a grid from zero: the
/// first-token overhead (0 to 200 ms by 5) and, for an engine that runs
/// prompts in passes of their own, the prompt pass overhead (0 to 4 ms a
/// layer by 0.1). Best is the most estimates within the tolerance, then the
/// smaller median.
pub fn fit_latency(start: &Engine, used: &dyn Fn(&CalibrationRecord) -> bool) -> Engine {
    let per_layer: Vec<Option<f64>> = match start.batching {
        Batching::Mixed => vec![None],
        Batching::PromptPasses { .. } => (0..=40)
            .map(|tenths| Some(f64::from(tenths) / 10.0))
            .collect(),
    };
    let mut best: Option<((usize, f64), Engine)> = None;
    for &ms_per_layer in &per_layer {
        for first_token_ms in (0..=40).map(|fives| f64::from(fives) * 5.0) {
            let mut candidate = start.clone();
            if let Some(overhead_ms_per_layer) = ms_per_layer {
                candidate.batching = Batching::PromptPasses {
                    overhead_ms_per_layer,
                };
            }
            candidate.first_token_overhead_ms = first_token_ms;
            let s = latency_score(&candidate, used);
            if best
                .as_ref()
                .is_none_or(|(b, _)| s.0 > b.0 || (s.0 == b.0 && s.1 < b.1))
            {
                best = Some((s, candidate));
            }
        }
    }
    best.map_or_else(|| start.clone(), |(_, e)| e)
}

/// A release's numbers in order ("0.5.6.post1" is 0, 5, 6, 1); "not
/// stated" has none and sorts first.
pub fn release_order(release: &str) -> Vec<u32> {
    release
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// A smaller fit set must lower the score below this share of the larger's
/// to replace it: a score is the median of a handful of errors.
pub const CLEARLY_BETTER: f64 = 0.9;

/// Leave-one-out's choice of the releases an engine's latency terms are
/// fitted to. Each candidate is one of the engine's releases and every newer
/// one; it is scored on the newest release's records, each estimated with
/// the terms fitted to the candidate's other records: the median absolute
/// log error, speed and first token together. Returns each candidate's
/// oldest release with its score, oldest first, and the oldest release of
/// the best (a newer one only when [`CLEARLY_BETTER`]).
pub fn releases_to_fit(engine: &Engine) -> (Vec<(&'static str, f64)>, &'static str) {
    let records: Vec<&CalibrationRecord> =
        LATENCY.iter().filter(|r| r.engine == engine.id).collect();
    let mut releases: Vec<&'static str> = records.iter().map(|r| r.engine_release).collect();
    releases.sort_by_key(|r| release_order(r));
    releases.dedup();
    let Some(newest) = releases.last().map(|r| release_order(r)) else {
        return (Vec::new(), "");
    };
    let scores: Vec<(&'static str, f64)> = releases
        .iter()
        .map(|&oldest| {
            let from = release_order(oldest);
            let mut errors = Vec::new();
            for r in records
                .iter()
                .filter(|r| release_order(r.engine_release) == newest)
            {
                let fitted = fit_latency(engine, &|other| {
                    release_order(other.engine_release) >= from && !std::ptr::eq(other, *r)
                });
                let Some(x) = estimate_record(r, &fitted) else {
                    continue;
                };
                for error in [x.user_speed_error(), x.first_token_error()]
                    .into_iter()
                    .flatten()
                {
                    errors.push((1.0 + error).ln().abs());
                }
            }
            errors.sort_by(f64::total_cmp);
            (
                oldest,
                errors
                    .get(errors.len() / 2)
                    .copied()
                    .unwrap_or(f64::INFINITY),
            )
        })
        .collect();
    let best = scores
        .iter()
        .fold(
            None::<(&'static str, f64)>,
            |best, &(release, score)| match best {
                Some((_, b)) if score >= b * CLEARLY_BETTER => best,
                _ => Some((release, score)),
            },
        )
        .map_or("", |(release, _)| release);
    (scores, best)
}
