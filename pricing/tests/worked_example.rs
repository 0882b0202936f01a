#![cfg(not(target_arch = "wasm32"))]
//! docs/cost-model.md section 7, figure by figure.

use crossover_pricing::link::decode;
use crossover_pricing::view::Money;
use crossover_pricing::words::pair_sentence;
use crossover_pricing::{ApiPricing, compare};

const LINK: &str = "v=1&tpm=10B&api=gpt-5.4-mini";

fn within(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

#[test]
fn the_worked_example_holds() {
    let decoded = decode(LINK).unwrap();
    assert!(decoded.warnings.is_empty());
    let c = compare(&decoded.scenario).unwrap();

    let ApiPricing::Priced(rate) = c.apis[0].pricing else {
        panic!("not priced")
    };
    assert_eq!(rate.usd_per_mtok, 1.6875);
    assert_eq!(c.apis[0].monthly_usd, Some(16_875.0));

    let plan = c.deployments[0].plan.as_ref().unwrap();
    assert_eq!(plan.memory.gpus_per_replica, 2);
    assert!(within(plan.memory.kv_cache_gb, 41.94, 0.005));
    assert!(within(
        plan.throughput.output_tokens_per_second,
        2446.0,
        0.5
    ));
    assert!(within(
        plan.throughput.output_tokens_per_second_per_user,
        19.1,
        0.05
    ));
    assert!(within(plan.capacity_tokens_per_second, 9783.0, 0.5));
    assert!(within(plan.capacity_low_tokens_per_second, 7401.0, 0.5));
    assert!(within(plan.capacity_high_tokens_per_second, 14402.0, 0.5));
    assert_eq!(plan.replica_usd_per_month(), 4234.0);
    assert_eq!(plan.operations_usd_per_month, 3600.0);
    assert!(within(plan.tokens_per_replica(), 9.0e9, 0.005e9));

    let q = c.deployments[0].quote.unwrap();
    assert_eq!((q.replicas, q.monthly_usd), (2.0, 12_068.0));
    assert!(within(q.usd_per_mtok, 1.21, 0.005));
    assert!(within(q.utilisation, 0.194, 0.0005));

    let pair = &c.pairs[0];
    let from = pair.break_even.cheaper_from_tokens_per_month.unwrap();
    assert!(within(from, 7834.0 / 1.6875e-6, 1.0));
    assert!(within(
        pair.pessimistic_cheaper_from.unwrap(),
        7.15e9,
        0.005e9
    ));
    let at = &pair.at_volume;
    assert_eq!(at.savings_usd, 4807.0);
    assert!(within(at.breakeven_usd_per_gpu_hour.unwrap(), 4.55, 0.005));
    assert!(within(at.breakeven_utilisation.unwrap(), 0.124, 0.0005));
    let sentence = pair_sentence(&c, pair, &Money::usd());
    assert!(sentence.contains("from 4.64B tokens a month"), "{sentence}");
}

#[test]
fn the_document_shows_these_figures() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/cost-model.md"
    ))
    .unwrap();
    for figure in [
        LINK,
        "$16,875",
        "**2 GPUs**",
        "41.94 GB",
        "2,446 output tokens/s",
        "**9,783 tokens/s**",
        "7,401–14,402",
        "$4,234",
        "**9.0B tokens**",
        "**$12,068**",
        "$1.21 per 1M",
        "19.4%",
        "**$4,807 a month (28%)**",
        "4.642B",
        "**from 4.64B tokens a month**",
        "7.15B",
        "**$4.55**",
        "**12.4%**",
    ] {
        assert!(doc.contains(figure), "docs/cost-model.md lacks {figure}");
    }
}
