//! Searches each batched engine's two latency terms for the best fit to its
//! latency records in data/calibration.toml: the first-token overhead
//! (milliseconds the serving stack adds before a first token, beyond the
//! GPUs' time) and, for an engine that runs prompts in passes of their own,
//! the prompt pass overhead per layer (which every decode waits for). Best
//! means the most estimates, speed per user and first token together, within
//! ±40%, then the smaller of the two median errors. Prints the values to
//! put in data/engines.toml.
//!
//!     cargo run --release -p crossover-pricing --example fit_latency

use crossover_pricing::catalogue::{ENGINES, Engine, LATENCY};
use crossover_pricing::selfhost::calibration::estimate_record;

const TOLERANCE: f64 = 0.4;

/// Estimates within the tolerance, and the larger of the two median errors.
fn score(engine: &Engine) -> (usize, f64) {
    let (mut speed, mut first): (Vec<f64>, Vec<f64>) = LATENCY
        .iter()
        .filter(|r| r.engine == engine.id)
        .filter_map(|r| estimate_record(r, engine))
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

fn main() {
    for engine in ENGINES {
        if !LATENCY.iter().any(|r| r.engine == engine.id) {
            continue;
        }
        let per_layer_grid: Vec<f64> = if engine.mixed_batching {
            vec![0.0]
        } else {
            (0..=40).map(|tenths| f64::from(tenths) / 10.0).collect()
        };
        let mut best = (score(engine), engine.clone());
        for &per_layer in &per_layer_grid {
            for overhead_ms in (0..=40).map(|fives| f64::from(fives) * 5.0) {
                let mut candidate = engine.clone();
                candidate.prompt_pass_overhead_ms_per_layer = per_layer;
                candidate.first_token_overhead_ms = overhead_ms;
                let s = score(&candidate);
                if s.0 > best.0.0 || (s.0 == best.0.0 && s.1 < best.0.1) {
                    best = (s, candidate);
                }
            }
        }
        let ((within, median), e) = best;
        let records = LATENCY.iter().filter(|r| r.engine == engine.id).count();
        println!(
            "{}: first_token_overhead_ms = {}, prompt_pass_overhead_ms_per_layer = {} \
             ({within} of {} estimates within ±40%, larger median error {:.1}%)",
            engine.id,
            e.first_token_overhead_ms,
            e.prompt_pass_overhead_ms_per_layer,
            2 * records,
            median * 100.0
        );
    }
}
