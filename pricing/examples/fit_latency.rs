//! Searches each batched engine's two latency terms for the best fit to its
//! latency records in data/calibration.toml: the first-token overhead
//! (milliseconds the serving stack adds before a first token, beyond the
//! GPUs' time) and, for an engine that runs prompts in passes of their own,
//! the prompt pass overhead per layer (which every decode waits for). Best
//! means the most estimates, speed per user and first token together, within
//! ±40%, then the smaller of the two median errors. Prints the values to
//! put in data/engines.toml. Records marked `context` are left out, as
//! leave-one-out decided (tests/calibration.rs).
//!
//!     cargo run --release -p crossover-pricing --example fit_latency

use crossover_pricing::catalogue::{CalibrationRecord, ENGINES, LATENCY};

// The calibration test uses the same fit for its leave-one-out line.
#[allow(dead_code)]
#[path = "../tests/common/fit.rs"]
mod fit;

fn main() {
    let all = |r: &CalibrationRecord| !r.context;
    for engine in ENGINES {
        let records = LATENCY
            .iter()
            .filter(|r| r.engine == engine.id && !r.context)
            .count();
        if records == 0 {
            continue;
        }
        let best = fit::fit_latency(engine, &all);
        let (within, median) = fit::latency_score(&best, &all);
        println!(
            "{}: first_token_overhead_ms = {}, batching = {:?} \
             ({within} of {} estimates within ±40%, larger median error {:.1}%)",
            engine.id,
            best.first_token_overhead_ms,
            best.batching,
            2 * records,
            median * 100.0
        );
    }
}
