#![cfg(not(target_arch = "wasm32"))]
//! The throughput model against every published measurement in
//! data/calibration.toml: each throughput estimate within +-40%, the latency
//! estimates no worse than they are, and docs/cost-model.md shows the
//! current tables.

use std::fmt::Write as _;

use crossover_pricing::catalogue::{CALIBRATION, ENGINES, LATENCY, engine, gpu, model};
use crossover_pricing::selfhost::calibration::{
    CalibrationResult, ErrorRange, band_of, calibration_results, error_range, estimate_record,
    latency_band, latency_results, measured_range, median_absolute_error,
};

mod common;
use common::fit;

use common::fit::TOLERANCE;

/// Each record's error when its engine's factors are fitted without it,
/// starting from the middle of each factor's range (not from the catalogue's
/// values, which the record helped choose); `None` where the model cannot
/// run the record.
fn leave_one_out() -> &'static [Option<f64>] {
    static ERRORS: std::sync::OnceLock<Vec<Option<f64>>> = std::sync::OnceLock::new();
    ERRORS.get_or_init(|| {
        calibration_results()
            .iter()
            .map(|r| {
                let start = fit::neutral(engine(r.record.engine)?);
                let (fitted, _) = fit::fit(&start, &|other| !std::ptr::eq(other, r.record));
                Some(estimate_record(r.record, &fitted)?.relative_error())
            })
            .collect()
    })
}

/// Each latency record's speed and first-token errors when its engine's two
/// latency terms are fitted without it (from zero, `fit::fit_latency`), and
/// without the records kept as context.
fn latency_left_out() -> &'static [Option<(f64, f64)>] {
    static ERRORS: std::sync::OnceLock<Vec<Option<(f64, f64)>>> = std::sync::OnceLock::new();
    ERRORS.get_or_init(|| {
        latency_results()
            .iter()
            .map(|r| {
                let fitted = fit::fit_latency(engine(r.record.engine)?, &|other| {
                    !other.context && !std::ptr::eq(other, r.record)
                });
                let x = estimate_record(r.record, &fitted)?;
                Some((x.user_speed_error()?, x.first_token_error()?))
            })
            .collect()
    })
}

/// Every latency record with its left-out error: a fitted record's from the
/// terms fitted without it, a context record's from the terms fitted
/// without the context records (so every one is estimated unseen).
fn fitted_latency() -> impl Iterator<Item = (&'static CalibrationResult, (f64, f64))> + Clone {
    latency_results()
        .iter()
        .zip(latency_left_out())
        .filter_map(|(r, errors)| Some((r, (*errors)?)))
}

/// Published over left-out estimate, for speed per user and for time to
/// first token, one per fitted latency record.
fn latency_ratios() -> (Vec<f64>, Vec<f64>) {
    let ratio = |error: f64| 1.0 / (1.0 + error);
    fitted_latency()
        .map(|(_, (speed, first))| (ratio(speed), ratio(first)))
        .unzip()
}

/// How a band drawn from the records would do on a record it has not
/// seen: for each record, the band of the others' left-out ratios, and
/// whether it holds the record's own. Returns the records held and the
/// median width of those bands (high over low).
fn held_out_coverage(ratios: &[f64]) -> (usize, f64) {
    let mut held = 0;
    let mut widths = Vec::new();
    for (i, ratio) in ratios.iter().enumerate() {
        let others: Vec<f64> = ratios
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, r)| *r)
            .collect();
        let band = band_of(&others).unwrap();
        held += usize::from(band.holds(*ratio));
        widths.push(band.high / band.low);
    }
    widths.sort_by(f64::total_cmp);
    (held, widths[widths.len() / 2])
}

/// Who published a record: its source's site and repository
/// (`github.com/sgl-project/sgl-cookbook`).
fn publisher(source: &str) -> &str {
    let path = source.split("://").nth(1).unwrap_or(source);
    let end = path
        .match_indices('/')
        .nth(2)
        .map_or(path.len(), |(i, _)| i);
    &path[..end]
}

/// A harder test than [`held_out_coverage`], whose rank argument holds all
/// but the two most extreme ratios at each end whatever the model: each
/// publisher's records against the range of the other publishers'
/// ratios, as a reader's set-up stands against records it is not among.
/// Returns the records held.
fn held_out_by_publisher(ratios: &[f64]) -> usize {
    let records: Vec<&CalibrationResult> = fitted_latency().map(|(r, _)| r).collect();
    records
        .iter()
        .zip(ratios)
        .filter(|(r, ratio)| {
            let own = publisher(r.record.source);
            let others: Vec<f64> = records
                .iter()
                .zip(ratios)
                .filter(|(o, _)| publisher(o.record.source) != own)
                .map(|(_, x)| *x)
                .collect();
            band_of(&others).is_some_and(|band| band.holds(**ratio))
        })
        .count()
}

fn table() -> String {
    let mut out = String::from(
        "| model | GPUs | precision | engine | input/output | sequences | published | estimate | error | left out |\n\
         |---|---|---|---|---|---:|---:|---:|---:|---:|\n",
    );
    for (r, left_out) in calibration_results().iter().zip(leave_one_out()) {
        let rec = r.record;
        writeln!(
            out,
            "| {} | {}× {} | {} | {} | {}/{}{} | {} | {:.0} | {:.0} | {:+.0}% | {} |",
            model(rec.model).unwrap().name,
            rec.gpu_count,
            gpu(rec.gpu).unwrap().short_name,
            rec.precision.format().name,
            engine(rec.engine).unwrap().name,
            rec.input_tokens,
            rec.output_tokens,
            if rec.prefill_elsewhere {
                " (decode only)"
            } else {
                ""
            },
            r.concurrency,
            rec.output_tokens_per_second_per_gpu,
            r.estimated_output_tokens_per_second_per_gpu,
            r.relative_error() * 100.0,
            left_out.map_or("–".to_string(), |e| format!("{:+.0}%", e * 100.0))
        )
        .unwrap();
    }
    let mut outside: Vec<f64> = leave_one_out().iter().flatten().map(|e| e.abs()).collect();
    outside.sort_by(f64::total_cmp);
    let within = outside.iter().filter(|e| **e <= TOLERANCE).count();
    write!(
        out,
        "\nLeft out: each record estimated with its engine's factors fitted without it (from the middle of each factor's range, `pricing/tests/common/fit.rs`): median absolute error {:.1}%, worst {:.0}%, {} of {} within ±40%.\n",
        outside[outside.len() / 2] * 100.0,
        outside.last().copied().unwrap_or(0.0) * 100.0,
        within,
        outside.len()
    )
    .unwrap();
    out.push_str(&latency_table());
    let range = error_range();
    write!(
        out,
        "\nMedian absolute error {:.1}% over {} records; the published figure over the estimate ranges from {:.2} to {:.2}.\n",
        median_absolute_error() * 100.0,
        calibration_results().len(),
        range.low,
        range.high
    )
    .unwrap();
    out
}

/// The records that publish latency: speed per user and time to first token
/// at their concurrency, against the estimate.
fn latency_table() -> String {
    let mut out = String::from(
        "\n| model | GPUs | engine | release | input/output | sequences | per user: published | estimate | error | first token: published | estimate | error |\n\
         |---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let percent = |e: Option<f64>| e.map_or("–".to_string(), |e| format!("{:+.0}%", e * 100.0));
    for r in latency_results() {
        let rec = r.record;
        writeln!(
            out,
            "| {} | {}× {} | {} | {}{} | {}/{} | {} | {} | {:.1} | {} | {} | {:.0} ms | {} |",
            model(rec.model).unwrap().name,
            rec.gpu_count,
            gpu(rec.gpu).unwrap().short_name,
            engine(rec.engine).unwrap().name,
            rec.engine_release,
            if rec.context { " (context)" } else { "" },
            rec.input_tokens,
            rec.output_tokens,
            r.concurrency,
            rec.output_tokens_per_second_per_user
                .map_or("–".to_string(), |v| format!("{v:.1}")),
            r.estimated_output_tokens_per_second_per_user,
            percent(r.user_speed_error()),
            rec.time_to_first_token_ms
                .map_or("–".to_string(), |v| format!("{v:.0} ms")),
            r.estimated_time_to_first_token_ms,
            percent(r.first_token_error()),
        )
        .unwrap();
    }
    for (context, what) in [(false, "fitted"), (true, "kept as context")] {
        let (speed, first_token) = latency_within_tolerance(context);
        write!(
            out,
            "\nLatency, records {what}: speed per user within ±40% in {} of {} records (median error {:.0}%), first token in {} of {} (median {:.0}%).\n",
            speed.0,
            speed.1,
            speed.2 * 100.0,
            first_token.0,
            first_token.1,
            first_token.2 * 100.0
        )
        .unwrap();
    }
    out.push_str(&releases_fitted());
    let left_out = fitted_latency().map(|(_, errors)| errors);
    let speed = spread(left_out.clone().map(|(speed, _)| speed));
    let first = spread(left_out.map(|(_, first)| first));
    write!(
        out,
        "\nLeft out: each record estimated with its engine's two latency terms fitted without it and without the records kept as context (`pricing/tests/common/fit.rs`): speed per user within ±40% in {} of {} (median error {:.0}%), first token in {} (median {:.0}%).\n",
        speed.0,
        speed.1,
        speed.2 * 100.0,
        first.0,
        first.2 * 100.0
    )
    .unwrap();
    let (speed_ratios, first_ratios) = latency_ratios();
    let band = latency_band();
    let (speed_held, speed_width) = held_out_coverage(&speed_ratios);
    let (first_held, first_width) = held_out_coverage(&first_ratios);
    let (speed_apart, first_apart) = (
        held_out_by_publisher(&speed_ratios),
        held_out_by_publisher(&first_ratios),
    );
    write!(
        out,
        "\nRanges: a speed per user `x` is shown as `{:.2}x` to `{:.2}x`, a time to first token `t` as `{:.2}t` to `{:.2}t` (the 5th to 95th percentile of the left-out ratios above, published over estimated). Held out (each record against the range of the other {} records' ratios): the speed range holds the published figure in {} of {} records ({:.0}%), median width {:.2}× (high over low); the first-token range in {} of {} ({:.0}%), median width {:.2}×. That count holds all but the two most extreme ratios at each end whatever the model; the test that can fail holds each publisher's records against the range of the other publishers' ratios: {} of {} for the speed, {} of {} for the first token.\n",
        band.speed.low,
        band.speed.high,
        band.first_token.low,
        band.first_token.high,
        speed_ratios.len() - 1,
        speed_held,
        speed_ratios.len(),
        speed_held as f64 / speed_ratios.len() as f64 * 100.0,
        speed_width,
        first_held,
        first_ratios.len(),
        first_held as f64 / first_ratios.len() as f64 * 100.0,
        first_width,
        speed_apart,
        speed_ratios.len(),
        first_apart,
        first_ratios.len(),
    )
    .unwrap();
    out
}

/// Which releases each engine's latency terms are fitted to, as
/// leave-one-out decides ([`fit::releases_to_fit`]), with every candidate's
/// score.
fn releases_fitted() -> String {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let mut out = String::from(
            "\nReleases fitted: for each engine with latency records from more than one release, each candidate (a release and every newer one) is scored on the newest release's records, each estimated with the terms fitted to the candidate's other records (median absolute error of the log ratio, speed and first token together); the oldest candidate is fitted unless a newer one lowers the score by more than a tenth, and the records older than it are kept as context.\n\n",
        );
        for e in ENGINES {
            let (scores, best) = fit::releases_to_fit(e);
            if scores.len() < 2 {
                continue;
            }
            let scores: Vec<String> = scores
                .iter()
                .map(|(release, score)| format!("from {release}: {score:.3}"))
                .collect();
            writeln!(out, "- {}: {}; fitted from {best}.", e.name, scores.join(", ")).unwrap();
        }
        out
    })
    .clone()
}

/// Leave-one-out decides which releases are fitted: a record is kept as
/// context exactly when its release is older than the best candidate's.
#[test]
fn leave_one_out_decides_which_releases_are_fitted() {
    for e in ENGINES {
        let (_, best) = fit::releases_to_fit(e);
        let from = fit::release_order(best);
        for r in LATENCY.iter().filter(|r| r.engine == e.id) {
            assert_eq!(
                r.context,
                fit::release_order(r.engine_release) < from,
                "{} {} on {}: context must be {} (fitted from {best})",
                e.id,
                r.engine_release,
                r.model,
                !r.context
            );
        }
    }
}

/// For speed per user and for time to first token: the latency records
/// fitted to (`context` false) or kept as context (true) within ±40%, how
/// many there are, and the median absolute error.
fn latency_within_tolerance(context: bool) -> ((usize, usize, f64), (usize, usize, f64)) {
    let results = || {
        latency_results()
            .iter()
            .filter(move |r| r.record.context == context)
    };
    (
        spread(results().filter_map(|r| r.user_speed_error())),
        spread(results().filter_map(|r| r.first_token_error())),
    )
}

/// Of signed errors: how many are within the tolerance, how many there are,
/// and the median absolute error.
fn spread(errors: impl Iterator<Item = f64>) -> (usize, usize, f64) {
    let mut errors: Vec<f64> = errors.map(f64::abs).collect();
    errors.sort_by(f64::total_cmp);
    let within = errors.iter().filter(|e| **e <= TOLERANCE).count();
    (within, errors.len(), errors[errors.len() / 2])
}

/// The latency model does not yet meet the ±40% rule on every record
/// (docs/cost-model.md section 8 says where and why); this keeps it from
/// getting worse than it is on the records it is fitted to. The one
/// first-token queue (issue 21) cost one record each against the two models
/// it replaced (20 and 17 within, medians 22% and 29%). Fitting SGLang to
/// 0.5.6.post1 and newer, as leave-one-out chose (issue 21), took the seven
/// 0.5.6 records out of the count: of the 18 fitted, 13 and 13 within,
/// medians 19% and 16% (all 25 fitted before: 19 and 16, 24% and 31%).
/// DeepSeek V4 Pro's two vLLM nightly runs (issue 22), the first records of
/// compressed sparse attention, reach their first token 1.7 and 3.6 times
/// later than estimated: the first-token median went from 16% to 23%.
#[test]
fn latency_estimates_do_not_get_worse() {
    assert_eq!(
        latency_results().len(),
        LATENCY.len(),
        "every latency record must be runnable"
    );
    let ((speed_within, _, speed_median), (first_within, _, first_median)) =
        latency_within_tolerance(false);
    assert!(
        speed_within >= 13 && speed_median <= 0.19,
        "speed per user: {speed_within} within, median {speed_median}"
    );
    assert!(
        first_within >= 13 && first_median <= 0.23,
        "first token: {first_within} within, median {first_median}"
    );
}

/// The latency decision (issue 21): a latency estimate states a range, and
/// the range must hold the published figure in at least 80% of the records
/// it was not drawn from, for speed per user and for first token; its width
/// may not grow past today's. The release decision widened it from 2.07x and
/// 6.43x: the SGLang 0.5.6 records, now estimated by terms fitted without
/// them, reach their first token up to three times sooner than estimated.
/// DeepSeek V4 Pro's runs (issue 22) widened the first token's from 7.9x to
/// 9.94x: their first token is later than any other record's estimate.
#[test]
fn latency_ranges_hold_the_published_figure_when_held_out() {
    let (speed, first) = latency_ratios();
    assert_eq!(speed.len(), LATENCY.len(), "every latency record left out");
    for (what, ratios, widest) in [
        ("speed per user", &speed, 2.25),
        ("first token", &first, 9.95),
    ] {
        let (held, width) = held_out_coverage(ratios);
        let share = held as f64 / ratios.len() as f64;
        assert!(
            share >= 0.8,
            "{what}: the range holds {held} of {} held-out records",
            ratios.len()
        );
        assert!(
            width <= widest,
            "{what}: median range width {width:.2}x, was at most {widest}x"
        );
    }
    // Across publishers: the first token meets the 80%; the speed does not
    // yet (docs/cost-model.md section 8 says why), and may not get worse.
    let first_apart = held_out_by_publisher(&first);
    assert!(
        first_apart * 5 >= first.len() * 4,
        "first token: {first_apart} held across publishers"
    );
    let speed_apart = held_out_by_publisher(&speed);
    assert!(
        speed_apart >= 17,
        "speed per user: {speed_apart} held across publishers, was 17"
    );
}

#[test]
fn the_stored_latency_band_is_the_records_band() {
    let (speed, first) = latency_ratios();
    let (speed, first): (ErrorRange, ErrorRange) =
        (band_of(&speed).unwrap(), band_of(&first).unwrap());
    if std::env::var_os("UPDATE_CALIBRATION").is_some() {
        rewrite_calibration_line(
            "latency_band",
            &format!(
                "{{ speed = {{ low = {:?}, high = {:?} }}, first_token = {{ low = {:?}, high = {:?} }} }}",
                speed.low, speed.high, first.low, first.high
            ),
        );
        return;
    }
    let stored = latency_band();
    assert!(
        stored.speed == speed && stored.first_token == first,
        "data/calibration.toml's latency_band is stale: run UPDATE_CALIBRATION=1 cargo test -p crossover-pricing --test calibration"
    );
}

/// The throughput estimate's own held-out figure, asserted as the latency
/// ranges are: records within +-40% when their engine's factors are fitted
/// without them, and the median error, no worse than today.
#[test]
fn throughput_left_out_does_not_get_worse() {
    let errors: Vec<f64> = leave_one_out().iter().map(|e| e.unwrap().abs()).collect();
    let (within, _, median) = spread(errors.into_iter());
    assert!(
        within >= 35 && median <= 0.17,
        "left out: {within} within +-40%, median {median:.3}"
    );
}

#[test]
fn every_record_is_estimated_within_forty_percent() {
    let results = calibration_results();
    assert_eq!(
        results.len(),
        CALIBRATION.len(),
        "every record must be runnable (ids known, weights fit)"
    );
    println!("{}", table());
    let outside: Vec<String> = results
        .iter()
        .filter(|r| r.relative_error().abs() > TOLERANCE)
        .map(|r| {
            format!(
                "{} on {}x {} ({:+.0}%)",
                r.record.model,
                r.record.gpu_count,
                r.record.gpu,
                r.relative_error() * 100.0
            )
        })
        .collect();
    assert!(outside.is_empty(), "outside +-40%: {outside:#?}");
}

#[test]
fn the_cost_model_document_shows_the_current_table() {
    common::doc::assert_cost_model_shows(&table(), "calibration");
}

#[test]
fn the_stored_band_is_the_records_band() {
    let measured = measured_range();
    if std::env::var_os("UPDATE_CALIBRATION").is_some() {
        rewrite_calibration_line(
            "estimate_band",
            &format!("{{ low = {:?}, high = {:?} }}", measured.low, measured.high),
        );
        return;
    }
    assert_eq!(
        error_range(),
        measured,
        "data/calibration.toml's estimate_band is stale: run UPDATE_CALIBRATION=1 cargo test -p crossover-pricing --test calibration"
    );
}

/// `UPDATE_CALIBRATION=1`: `key = value` in place of the line data/calibration.toml has for `key`.
fn rewrite_calibration_line(key: &str, value: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/calibration.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text.find(&format!("{key} = ")).unwrap();
    let end = start + text[start..].find('\n').unwrap();
    std::fs::write(
        path,
        format!("{}{key} = {value}{}", &text[..start], &text[end..]),
    )
    .unwrap();
}
