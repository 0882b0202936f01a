//! Searches an engine's efficiency factors for the best fit to its records
//! in data/calibration.toml: the smallest worst-case error, then the
//! smallest median. Prints the factors to put in data/engines.toml.
//!
//!     cargo run --release -p crossover-pricing --example fit_efficiencies -- tensorrt-llm

use crossover_pricing::catalogue::engine;

// The calibration test uses the rest of it (the leave-one-out fit).
#[allow(dead_code)]
#[path = "../tests/common/fit.rs"]
mod fit;

fn main() {
    let id = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tensorrt-llm".into());
    let base = engine(&id)
        .unwrap_or_else(|| panic!("no engine {id}"))
        .clone();
    let all = |_: &_| true;
    let current = fit::score(&base, &all).unwrap_or((f64::MAX, f64::MAX));
    println!(
        "current: worst {:.1}%, median {:.1}%",
        current.0 * 100.0,
        current.1 * 100.0
    );
    let (best, score) = fit::fit(&base, &all);
    let score = score.unwrap_or((f64::MAX, f64::MAX));
    println!(
        "best: worst {:.1}%, median {:.1}%",
        score.0 * 100.0,
        score.1 * 100.0
    );
    for (name, factor, _, _) in &fit::FACTORS {
        let mut e = best.clone();
        println!("  {name} = {}", factor(&mut e));
    }
}
