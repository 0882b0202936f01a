#![cfg(not(target_arch = "wasm32"))]
//! The throughput model against every published measurement in
//! data/calibration.toml: each estimate within +-40%.

use crossover_pricing::catalogue::CALIBRATION;
use crossover_pricing::selfhost::calibration::{
    calibration_results, error_range, median_absolute_error,
};

const TOLERANCE: f64 = 0.40;

#[test]
fn every_record_is_estimated_within_forty_percent() {
    let results = calibration_results();
    assert_eq!(
        results.len(),
        CALIBRATION.len(),
        "every record must be runnable (ids known, weights fit)"
    );
    println!(
        "| model | GPUs | precision | engine | in/out | concurrency | published tok/s/GPU | estimate | error |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut outside = Vec::new();
    for r in results {
        let rec = r.record;
        let error = r.relative_error();
        println!(
            "| {} | {}x {} | {} | {} | {}/{} | {} | {:.0} | {:.0} | {:+.0}% |",
            rec.model,
            rec.gpu_count,
            rec.gpu,
            rec.precision.id(),
            rec.engine,
            rec.input_tokens,
            rec.output_tokens,
            r.concurrency,
            rec.output_tokens_per_second_per_gpu,
            r.estimated_output_tokens_per_second_per_gpu,
            error * 100.0
        );
        if error.abs() > TOLERANCE {
            outside.push(format!(
                "{} on {}x {} ({:+.0}%)",
                rec.model,
                rec.gpu_count,
                rec.gpu,
                error * 100.0
            ));
        }
    }
    let range = error_range();
    println!(
        "\nmedian absolute error {:.1}%; published/estimate from {:.2} to {:.2}",
        median_absolute_error() * 100.0,
        range.low,
        range.high
    );
    assert!(outside.is_empty(), "outside +-40%: {outside:#?}");
}
