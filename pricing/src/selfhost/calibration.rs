//! The throughput model against published measurements, and the error range
//! every estimate carries.

use std::sync::OnceLock;

use serde::Serialize;

use super::memory::{RequestShape, concurrency_that_fits};
use super::throughput::estimate;
use crate::catalogue::{
    CALIBRATION, CalibrationRecord, ESTIMATE_BAND, Engine, LATENCY, LATENCY_BAND,
    OFFLINE_CONCURRENCY_CAP, engine, gpu, model,
};

/// One record with the model's estimate for the same set-up.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationResult {
    pub record: &'static CalibrationRecord,
    /// Sequences the estimate ran at: the record's, else as many as fit in
    /// memory up to the offline cap.
    pub concurrency: u32,
    pub estimated_output_tokens_per_second_per_gpu: f64,
    /// Published over estimated.
    pub ratio: f64,
    pub estimated_output_tokens_per_second_per_user: f64,
    pub estimated_time_to_first_token_ms: f64,
}

impl CalibrationResult {
    /// Signed error of the estimate relative to the published figure.
    pub fn relative_error(&self) -> f64 {
        self.estimated_output_tokens_per_second_per_gpu
            / self.record.output_tokens_per_second_per_gpu
            - 1.0
    }

    /// Signed error of the estimated speed per user, where published.
    pub fn user_speed_error(&self) -> Option<f64> {
        let published = self.record.output_tokens_per_second_per_user?;
        Some(self.estimated_output_tokens_per_second_per_user / published - 1.0)
    }

    /// Signed error of the estimated time to first token, where published.
    pub fn first_token_error(&self) -> Option<f64> {
        let published = self.record.time_to_first_token_ms?;
        Some(self.estimated_time_to_first_token_ms / published - 1.0)
    }
}

/// Estimates for every throughput record in `data/calibration.toml`, in
/// file order. A record whose ids or set-up the model cannot run has no
/// result; the catalogue tests reject such records.
pub fn calibration_results() -> &'static [CalibrationResult] {
    static RESULTS: OnceLock<Vec<CalibrationResult>> = OnceLock::new();
    RESULTS.get_or_init(|| estimate_all(CALIBRATION))
}

/// Estimates for every latency record in `data/calibration.toml`.
pub fn latency_results() -> &'static [CalibrationResult] {
    static RESULTS: OnceLock<Vec<CalibrationResult>> = OnceLock::new();
    RESULTS.get_or_init(|| estimate_all(LATENCY))
}

fn estimate_all(records: &'static [CalibrationRecord]) -> Vec<CalibrationResult> {
    records
        .iter()
        .filter_map(|record| estimate_record(record, engine(record.engine)?))
        .collect()
}

/// The model's estimate for a record's set-up under `e`, which may differ
/// from the catalogue's engine (`examples/fit_efficiencies.rs` tries others).
pub fn estimate_record(
    record: &'static CalibrationRecord,
    e: &Engine,
) -> Option<CalibrationResult> {
    let (m, g) = (model(record.model)?, gpu(record.gpu)?);
    // Prompts prefilled elsewhere cost these GPUs nothing, as if cached.
    let shape = RequestShape {
        input_tokens: record.input_tokens,
        output_tokens: record.output_tokens,
        cached_input_share: if record.prefill_elsewhere { 1.0 } else { 0.0 },
    };
    let wanted = record.concurrency.unwrap_or(OFFLINE_CONCURRENCY_CAP);
    let concurrency =
        concurrency_that_fits(m, record.precision, g, e, record.gpu_count, &shape, wanted);
    if concurrency == 0 {
        return None;
    }
    let t = estimate(
        m,
        record.precision,
        g,
        e,
        record.gpu_count,
        concurrency,
        &shape,
    );
    let per_gpu = t.output_tokens_per_second / f64::from(record.gpu_count);
    Some(CalibrationResult {
        record,
        concurrency,
        estimated_output_tokens_per_second_per_gpu: per_gpu,
        ratio: record.output_tokens_per_second_per_gpu / per_gpu,
        estimated_output_tokens_per_second_per_user: t.output_tokens_per_second_per_user,
        estimated_time_to_first_token_ms: t.time_to_first_token_seconds * 1000.0,
    })
}

/// The spread of published over estimated throughput across the records:
/// an estimate `x` stands for a true figure between `x * low` and `x * high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ErrorRange {
    pub low: f64,
    pub high: f64,
}

/// The range every estimate carries: `estimate_band` in
/// `data/calibration.toml`, which a test keeps equal to [`measured_range`]
/// (so the widget need not carry the records to compute it).
pub fn error_range() -> ErrorRange {
    let (low, high) = ESTIMATE_BAND;
    ErrorRange { low, high }
}

/// The ranges the latency estimates carry: a speed per user `x` stands for
/// a true figure between `x * speed.low` and `x * speed.high`, a time to
/// first token likewise. `latency_band` in `data/calibration.toml`, which a
/// test derives from the records (the widget does not carry them).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatencyBand {
    pub speed: ErrorRange,
    pub first_token: ErrorRange,
}

pub fn latency_band() -> LatencyBand {
    let [(speed_low, speed_high), (first_low, first_high)] = LATENCY_BAND;
    LatencyBand {
        speed: ErrorRange {
            low: speed_low,
            high: speed_high,
        },
        first_token: ErrorRange {
            low: first_low,
            high: first_high,
        },
    }
}

/// The share of extreme ratios a band leaves out at each end: the 5th to
/// the 95th percentile.
pub const BAND_TAIL_SHARE: f64 = 0.05;

/// The band of published-over-estimated ratios: the lowest and highest
/// after leaving out [`BAND_TAIL_SHARE`] of them at each end (whole
/// ratios, rounded down). `None` for no ratios.
pub fn band_of(ratios: &[f64]) -> Option<ErrorRange> {
    let mut sorted = ratios.to_vec();
    sorted.sort_by(f64::total_cmp);
    let tail = (sorted.len() as f64 * BAND_TAIL_SHARE).floor() as usize;
    Some(ErrorRange {
        low: *sorted.get(tail)?,
        high: *sorted.get(sorted.len().checked_sub(tail + 1)?)?,
    })
}

impl ErrorRange {
    /// The range a figure `x` stands for.
    pub fn around(&self, x: f64) -> (f64, f64) {
        (x * self.low, x * self.high)
    }

    pub fn holds(&self, ratio: f64) -> bool {
        (self.low..=self.high).contains(&ratio)
    }
}

/// The spread of published over estimated throughput across the records.
pub fn measured_range() -> ErrorRange {
    let ratios = calibration_results().iter().map(|r| r.ratio);
    let (low, high) = ratios.fold((f64::INFINITY, 0.0f64), |(lo, hi), r| {
        (lo.min(r), hi.max(r))
    });
    if low.is_finite() {
        ErrorRange { low, high }
    } else {
        ErrorRange {
            low: 1.0,
            high: 1.0,
        }
    }
}

/// Median of the absolute relative errors, the figure docs quote.
pub fn median_absolute_error() -> f64 {
    let mut errors: Vec<f64> = calibration_results()
        .iter()
        .map(|r| r.relative_error().abs())
        .collect();
    if errors.is_empty() {
        return 0.0;
    }
    errors.sort_by(f64::total_cmp);
    let mid = errors.len() / 2;
    if errors.len() % 2 == 1 {
        errors[mid]
    } else {
        (errors[mid - 1] + errors[mid]) / 2.0
    }
}
