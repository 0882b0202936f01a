//! The model on any decoded scenario at any volumes: finite figures, cost
//! never falling as volume grows, and every break-even a real crossing.
#![no_main]

use crossover_pricing::compare;
use crossover_pricing::link::decode;
use crossover_pricing::view::Money;
use crossover_pricing::words::pair_sentence;
use crossover_pricing::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

/// Spreads a fuzzer word over the volume range, evenly in its logarithm.
fn volume(word: u32) -> f64 {
    let (low, high) = (MIN_TOKENS_PER_MONTH.log10(), MAX_TOKENS_PER_MONTH.log10());
    let v = 10f64.powf(low + (high - low) * f64::from(word) / f64::from(u32::MAX));
    v.clamp(MIN_TOKENS_PER_MONTH, MAX_TOKENS_PER_MONTH)
}

fuzz_target!(|input: (u32, u32, [u32; 4], &str)| {
    let (a, b, samples, text) = input;
    let Ok(decoded) = decode(text) else { return };
    let comparison = compare(&decoded.scenario).expect("a decoded scenario is priced");
    let samples = samples.map(volume);
    for pair in &comparison.pairs {
        let Some(rate) = comparison.apis[pair.api].pricing.rate() else {
            continue;
        };
        let Ok(plan) = &comparison.deployments[pair.deployment].plan else {
            continue;
        };
        invariants::costs_rise_with_volume(rate, plan, volume(a), volume(b))
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        invariants::break_even_is_real(rate, plan, &samples)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let at = &pair.at_volume;
        for v in [
            at.api_usd,
            at.self_host_usd,
            at.savings_usd,
            at.savings_share,
        ] {
            assert!(v.is_finite(), "{text:?}: {at:?}");
        }
        // Names are the link's text ("NaN" is a name one may choose; "deepinfra"
        // holds "inf"): left out, a broken number is a word of its own.
        let sentence = pair_sentence(&comparison, pair, &Money::usd());
        let figures = comparison
            .apis
            .iter()
            .fold(sentence.clone(), |s, a| s.replace(&a.offering.label(), ""));
        let broken = figures
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == "NaN" || word == "inf");
        assert!(!broken, "{text:?}: {sentence}");
    }
});
