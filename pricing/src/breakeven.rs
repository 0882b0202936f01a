//! Where self-hosting costs less than an API: exact intervals on the
//! staircase, and the inverse questions at one volume.
//!
//! The API costs `a * V` (a = dollars per token). Self-hosting costs
//! `F + R * max(m, ceil(V / Q))`: operations `F`, replica cost `R`, minimum
//! replicas `m`, and `Q` tokens a month per replica. On the stair of `k`
//! replicas, `V` in `((k-1)Q, kQ]`, self-hosting is cheaper exactly where
//! `V > (F + kR) / a`. Solving that on each stair gives the intervals;
//! docs/cost-model.md works through it.

use serde::Serialize;

use crate::api::ApiRate;
use crate::selfhost::Ownership;
use crate::selfhost::cost::SelfHostPlan;
use crate::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH};

/// More stairs than this, each with its own partial interval, and the list
/// is cut short (`truncated`); the last interval and `cheaper_from` are still
/// exact. It takes self-hosting within about 0.01% of the API's price per
/// token at full load to get there.
pub const MAX_INTERVALS: usize = 10_000;

/// Volumes `(from, to]` in tokens a month where self-hosting is cheaper.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub from_tokens_per_month: f64,
    pub to_tokens_per_month: f64,
}

/// The volumes, within 1e3..=1e16 tokens a month, where self-hosting is cheaper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakEven {
    /// Disjoint, in increasing order.
    pub intervals: Vec<Interval>,
    /// The volume above which self-hosting is cheaper at every volume, if
    /// there is one in range: the start of the last interval when it runs on
    /// for ever.
    pub cheaper_from_tokens_per_month: Option<f64>,
    /// Whether [`MAX_INTERVALS`] cut the list short.
    pub truncated: bool,
}

impl BreakEven {
    pub fn is_cheaper_at(&self, tokens_per_month: f64) -> bool {
        self.intervals.iter().any(|i| {
            tokens_per_month > i.from_tokens_per_month && tokens_per_month <= i.to_tokens_per_month
        }) || (tokens_per_month == MIN_TOKENS_PER_MONTH
            && self
                .intervals
                .first()
                .is_some_and(|i| i.from_tokens_per_month == MIN_TOKENS_PER_MONTH))
    }

    /// The volume where the lines first cross, if they ever do.
    pub fn first_crossing(&self) -> Option<f64> {
        self.intervals.first().map(|i| i.from_tokens_per_month)
    }
}

/// Solves `plan.monthly_cost(V) < rate.monthly_cost(V)` for `V` exactly.
pub fn break_even(rate: &ApiRate, plan: &SelfHostPlan) -> BreakEven {
    // The electricity a token's work draws is paid per token, as the API is.
    let a = rate.usd_per_mtok / 1e6 - plan.working_energy_usd_per_token();
    let fixed = plan.fixed_usd_per_month();
    let per_replica = plan.replica_usd_per_month();
    let min_replicas = f64::from(plan.min_replicas);
    let stair = plan.tokens_per_replica();
    let mut result = BreakEven {
        intervals: Vec::new(),
        cheaper_from_tokens_per_month: None,
        truncated: false,
    };
    // Per token at full stairs, self-hosting must beat the API: a Q > R.
    let margin = a * stair - per_replica;
    if a <= 0.0 || margin.is_nan() || margin <= 0.0 || !stair.is_finite() || stair <= 0.0 {
        return result;
    }
    // Stair k covers ((k-1)Q, kQ] (the first, k = m, covers (0, mQ]) at
    // cost F + kR; self-hosting is cheaper there above (F + kR) / a.
    let stair_start = |k: f64| {
        if k <= min_replicas {
            0.0
        } else {
            (k - 1.0) * stair
        }
    };
    let crossing = |k: f64| (fixed + k.max(min_replicas) * per_replica) / a;
    // First stair with any cheaper volume: k (aQ - R) > F.
    let first = ((fixed / margin).floor() + 1.0).max(min_replicas);
    // First stair cheaper throughout (k > m): k (aQ - R) >= F + aQ. From
    // there on every stair is, and the intervals join into one.
    let all = ((fixed + a * stair) / margin)
        .ceil()
        .max(min_replicas + 1.0);
    let in_range = (MIN_TOKENS_PER_MONTH / stair).ceil();
    let start = first.max(in_range);

    let push = |intervals: &mut Vec<Interval>, from: f64, to: f64| {
        let from = from.max(MIN_TOKENS_PER_MONTH);
        let to = to.min(MAX_TOKENS_PER_MONTH);
        if from >= to {
            return;
        }
        match intervals.last_mut() {
            Some(last) if last.to_tokens_per_month >= from => last.to_tokens_per_month = to,
            _ => intervals.push(Interval {
                from_tokens_per_month: from,
                to_tokens_per_month: to,
            }),
        }
    };
    // The stairs cheaper only in their upper part, one interval each.
    let partial = (all - start).max(0.0);
    let listed = partial.min(MAX_INTERVALS as f64) as u64;
    for i in 0..listed {
        let k = start + i as f64;
        if stair_start(k) >= MAX_TOKENS_PER_MONTH {
            return result;
        }
        push(
            &mut result.intervals,
            stair_start(k).max(crossing(k)),
            k * stair,
        );
    }
    result.truncated = partial > listed as f64;
    // The stairs cheaper throughout, joined to the part of the stair before
    // them that is cheaper too (in closed form, however many stairs came
    // before).
    let before = all - 1.0;
    let tail_from = if before >= start {
        stair_start(before).max(crossing(before))
    } else {
        stair_start(all)
    };
    if tail_from < MAX_TOKENS_PER_MONTH {
        push(&mut result.intervals, tail_from, MAX_TOKENS_PER_MONTH);
        result.cheaper_from_tokens_per_month =
            result.intervals.last().map(|i| i.from_tokens_per_month);
    }
    result
}

/// The two options side by side at one volume, and what would make them equal.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AtVolume {
    pub tokens_per_month: f64,
    pub api_usd: f64,
    pub self_host_usd: f64,
    /// API cost minus self-hosting cost: positive when self-hosting saves.
    pub savings_usd: f64,
    /// Savings over the API cost.
    pub savings_share: f64,
    /// What a GPU-hour (rented price, or owned all-in cost) would have to
    /// cost for the two to be equal at this volume with these replicas;
    /// `None` when operations alone cost more than the API.
    pub breakeven_usd_per_gpu_hour: Option<f64>,
    pub current_usd_per_gpu_hour: f64,
    /// Share of paid GPU time the GPUs would have to be busy for the two to
    /// be equal (ignoring the stairs); over 1 means no load is enough.
    pub breakeven_utilisation: Option<f64>,
    pub current_utilisation: f64,
    /// Owned hardware: when it has paid for itself; `None` when rented.
    pub payback: Option<Payback>,
}

/// When bought hardware has paid for itself against an API at a volume.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Payback {
    /// The first month by whose end the cumulative cost of owning (the
    /// hardware and one-off costs at the start, then the running costs) is
    /// no more than the API's.
    Month(u32),
    /// The running costs alone reach the API's cost: it never catches up.
    Never,
}

/// Owned hardware bought at the start plus the one-off costs, then each
/// month its running costs (power, hosting, maintenance, operations),
/// against the API's monthly cost at the same volume.
pub fn payback(
    plan: &SelfHostPlan,
    api_usd_per_month: f64,
    tokens_per_month: f64,
) -> Option<Payback> {
    if plan.ownership != Ownership::Own {
        return None;
    }
    let quote = plan.quote(tokens_per_month);
    let upfront =
        (plan.purchase_usd_per_gpu + plan.installation_usd_per_gpu) * quote.gpus + plan.one_off_usd;
    if upfront <= 0.0 {
        // Hardware already owned and nothing else paid at the start.
        return None;
    }
    let running = quote.gpu_costs.running() + plan.operations_usd_per_month;
    let gain = api_usd_per_month - running;
    if gain <= 0.0 {
        return Some(Payback::Never);
    }
    let months = (upfront / gain).ceil().max(1.0);
    Some(if months >= f64::from(u32::MAX) {
        Payback::Never
    } else {
        Payback::Month(months as u32)
    })
}

pub fn at_volume(rate: &ApiRate, plan: &SelfHostPlan, tokens_per_month: f64) -> AtVolume {
    let quote = plan.quote(tokens_per_month);
    let api_usd = rate.monthly_cost(tokens_per_month);
    let savings_usd = api_usd - quote.monthly_usd;
    let left_for_gpus = api_usd
        - plan.fixed_usd_per_month()
        - plan.working_energy_usd_per_token() * tokens_per_month;
    let paid_gpu_hours = quote.gpus * plan.billed_hours_per_month;
    let gpu_month = plan.per_gpu_month.total();
    let capacity_per_gpu = plan.capacity_tokens_per_second / f64::from(plan.gpus_per_replica());
    let positive = left_for_gpus > 0.0;
    AtVolume {
        tokens_per_month,
        api_usd,
        self_host_usd: quote.monthly_usd,
        savings_usd,
        savings_share: if api_usd > 0.0 {
            savings_usd / api_usd
        } else {
            0.0
        },
        breakeven_usd_per_gpu_hour: positive.then(|| left_for_gpus / paid_gpu_hours),
        current_usd_per_gpu_hour: gpu_month / plan.billed_hours_per_month,
        breakeven_utilisation: positive.then(|| {
            tokens_per_month * gpu_month
                / (left_for_gpus * capacity_per_gpu * plan.billed_hours_per_month * 3600.0)
        }),
        current_utilisation: quote.utilisation,
        payback: payback(plan, api_usd, tokens_per_month),
    }
}
