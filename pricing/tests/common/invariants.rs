//! Invariants shared by the property tests and the fuzz targets
//! (`pricing/fuzz`), so both hold the model to the same rules.

use crossover_pricing::breakeven::BreakEven;
use crossover_pricing::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH};
use crossover_pricing::{ApiRate, SelfHostPlan, break_even};

/// Within a part in a million of a replica boundary, rounding may put a
/// volume on either stair.
pub fn near_a_boundary(volume: f64, plan: &SelfHostPlan) -> bool {
    let stairs = volume / plan.tokens_per_replica();
    (stairs - stairs.round()).abs() < 1e-6 * stairs.max(1.0)
}

/// Cost never falls as volume grows, and the pessimistic plan never costs
/// less than the optimistic one.
pub fn costs_rise_with_volume(
    rate: &ApiRate,
    plan: &SelfHostPlan,
    a: f64,
    b: f64,
) -> Result<(), String> {
    let (low, high) = if a <= b { (a, b) } else { (b, a) };
    if rate.monthly_cost(low) > rate.monthly_cost(high) {
        return Err(format!("the API costs less at {high} than at {low}"));
    }
    if plan.monthly_cost(low) > plan.monthly_cost(high) {
        return Err(format!("self-hosting costs less at {high} than at {low}"));
    }
    if plan.pessimistic().monthly_cost(high) < plan.optimistic().monthly_cost(high) {
        return Err(format!("the pessimistic plan is cheaper at {high}"));
    }
    Ok(())
}

/// Every reported interval is a real crossing: self-hosting is cheaper inside
/// it and not just below it or between two intervals, and `samples` are
/// classified as the two cost lines say.
pub fn break_even_is_real(
    rate: &ApiRate,
    plan: &SelfHostPlan,
    samples: &[f64],
) -> Result<BreakEven, String> {
    let result = break_even(rate, plan);
    let cheaper = |v: f64| plan.monthly_cost(v) < rate.monthly_cost(v);
    for (i, interval) in result.intervals.iter().enumerate() {
        let (from, to) = (interval.from_tokens_per_month, interval.to_tokens_per_month);
        if !(from < to || (from == to && i + 1 == result.intervals.len())) {
            return Err(format!("interval ({from}, {to}] is empty or reversed"));
        }
        let inside = [
            from + (to - from) * 0.5,
            from + (to - from) * 1e-3,
            to - (to - from) * 1e-3,
        ];
        for v in inside.into_iter().filter(|v| !near_a_boundary(*v, plan)) {
            if !cheaper(v) {
                return Err(format!("not cheaper at {v} inside ({from}, {to}]"));
            }
        }
        if from > MIN_TOKENS_PER_MONTH {
            let below = from * (1.0 - 1e-9);
            if !near_a_boundary(below, plan) && cheaper(below) {
                return Err(format!("cheaper just below {from}"));
            }
        }
        if let Some(next) = result.intervals.get(i + 1) {
            if to >= next.from_tokens_per_month {
                return Err(format!("intervals overlap at {to}"));
            }
            let gap = to + (next.from_tokens_per_month - to) * 0.5;
            if !near_a_boundary(gap, plan) && cheaper(gap) {
                return Err(format!("cheaper in the gap at {gap}"));
            }
        }
    }
    if !result.truncated {
        for &v in samples.iter().filter(|v| !near_a_boundary(**v, plan)) {
            if cheaper(v) != result.is_cheaper_at(v) {
                return Err(format!("volume {v} misclassified"));
            }
        }
    }
    if let Some(from) = result.cheaper_from_tokens_per_month {
        let last = result.intervals.last();
        if last.map(|i| (i.from_tokens_per_month, i.to_tokens_per_month))
            != Some((from, MAX_TOKENS_PER_MONTH))
        {
            return Err(format!("cheaper_from {from} is not the open last interval"));
        }
    }
    Ok(result)
}
