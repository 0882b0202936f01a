//! Searches each batched engine's first-token overhead (milliseconds the
//! serving stack adds before a first token, beyond the GPUs' time) for the
//! smallest median error over its latency records in data/calibration.toml.
//! Prints the value to put in data/engines.toml.
//!
//!     cargo run --release -p crossover-pricing --example fit_first_token

use crossover_pricing::catalogue::{ENGINES, LATENCY};
use crossover_pricing::selfhost::calibration::estimate_record;

fn main() {
    for engine in ENGINES {
        let records: Vec<_> = LATENCY.iter().filter(|r| r.engine == engine.id).collect();
        if records.is_empty() {
            continue;
        }
        let median_error = |overhead_ms: f64| {
            let mut candidate = engine.clone();
            candidate.first_token_overhead_ms = overhead_ms;
            let mut errors: Vec<f64> = records
                .iter()
                .filter_map(|r| estimate_record(r, &candidate)?.first_token_error())
                .map(f64::abs)
                .collect();
            errors.sort_by(f64::total_cmp);
            errors[errors.len() / 2]
        };
        let best = (0..=500)
            .map(f64::from)
            .min_by(|a, b| median_error(*a).total_cmp(&median_error(*b)))
            .unwrap_or(0.0);
        println!(
            "{}: first_token_overhead_ms = {best} (median error {:.1}% over {} records; {:.1}% at 0)",
            engine.id,
            median_error(best) * 100.0,
            records.len(),
            median_error(0.0) * 100.0
        );
    }
}
