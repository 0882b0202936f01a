//! The service level: how many sequences a replica may run at once so that
//! each user decodes fast enough and gets the first token soon enough, what
//! that costs (the speed curve), and how sure the answer is given the
//! latency estimate's range.

use serde::Serialize;

use super::calibration::latency_band;
use super::cost::SelfHostPlan;
use super::memory::{FitError, RequestShape};
use super::throughput::{Throughput, estimate};
use crate::workload::Workload;

/// The most sequences in flight, at most `max`, at which each user still
/// decodes at the workload's service level and gets the first token within
/// its wait: `Ok(None)` without one, an error with the best the deployment
/// can do when even one sequence misses it. Per-user speed falls and the wait
/// grows as the batch grows, so the search halves the range.
pub fn service_level_cap(
    workload: &Workload,
    max: u32,
    at: impl Fn(u32) -> Throughput,
) -> Result<Option<u32>, FitError> {
    let speed = workload.min_user_output_tokens_per_second;
    let wait = workload.max_time_to_first_token_seconds;
    if speed <= 0.0 && wait <= 0.0 {
        return Ok(None);
    }
    let fast_enough = |t: &Throughput| speed <= 0.0 || t.output_tokens_per_second_per_user >= speed;
    let soon_enough = |t: &Throughput| wait <= 0.0 || t.time_to_first_token_seconds <= wait;
    let best = at(1);
    if !fast_enough(&best) {
        return Err(FitError::TooSlow {
            target_tokens_per_second: speed,
            best_tokens_per_second: best.output_tokens_per_second_per_user,
        });
    }
    if !soon_enough(&best) {
        return Err(FitError::FirstTokenTooLate {
            target_seconds: wait,
            best_seconds: best.time_to_first_token_seconds,
        });
    }
    let (mut meets, mut fails) = (1, max.max(1) + 1);
    while fails - meets > 1 {
        let mid = meets + (fails - meets) / 2;
        let t = at(mid);
        if fast_enough(&t) && soon_enough(&t) {
            meets = mid;
        } else {
            fails = mid;
        }
    }
    Ok(Some(meets))
}

/// What share of its full-batch capacity a replica offers once interactive
/// requests are held to the service level. The busiest hour's interactive
/// load runs at the capped batch; batch traffic is exempt and fills the rest,
/// so over the day the replica may still run full:
/// replicas needed ∝ max((1 - b) × peak / capped, 1 / full), against
/// max((1 - b) × peak, 1) / full without a service level.
pub fn interactive_capacity_share(
    workload: &Workload,
    capped: &Throughput,
    full: &Throughput,
) -> f64 {
    let interactive_peak = (1.0 - workload.batch_share) * workload.busiest_hour_factor();
    let (capped, full) = (capped.total_tokens_per_second, full.total_tokens_per_second);
    let needed = (interactive_peak / capped).max(1.0 / full);
    interactive_peak.max(1.0) / needed / full
}

/// One deployment's trade of speed for cost: its plan, repriced with the
/// busiest hour's batch capped at any number of sequences in flight (the
/// capacity share of [`interactive_capacity_share`]) from its full-batch
/// figures, whatever service level it was planned for.
pub struct SpeedTrade<'a> {
    full: &'a SelfHostPlan,
    workload: &'a Workload,
    all: Throughput,
}

impl<'a> SpeedTrade<'a> {
    pub fn new(full: &'a SelfHostPlan, workload: &'a Workload) -> SpeedTrade<'a> {
        SpeedTrade {
            full,
            workload,
            all: full.full_throughput,
        }
    }

    pub fn at(&self, sequences: u32) -> Throughput {
        let f = self.full;
        estimate(
            f.model,
            f.precision,
            f.gpu,
            f.engine,
            f.gpus_per_replica(),
            sequences,
            &RequestShape::of(self.workload),
        )
    }

    /// For each batch whose first token comes within the workload's target
    /// (the wait grows with the batch, as in [`service_level_cap`]), from
    /// the slowest batch up: the speed each user then sees and the capacity
    /// a replica offers when interactive traffic runs at that batch. It
    /// does not depend on the volume, so it is computed once per plan.
    pub fn points(&self) -> Vec<SpeedPoint> {
        let wait = self.workload.max_time_to_first_token_seconds;
        let mut points: Vec<SpeedPoint> = (1..=self.full.memory.concurrency)
            .map(|c| self.at(c))
            .take_while(|t| wait <= 0.0 || t.time_to_first_token_seconds <= wait)
            .map(|t| SpeedPoint {
                output_tokens_per_second_per_user: t.output_tokens_per_second_per_user,
                capacity_tokens_per_second: self.full.full_capacity_tokens_per_second
                    * interactive_capacity_share(self.workload, &t, &self.all),
            })
            .collect();
        points.reverse();
        points
    }

    /// The [`points`](Self::points) priced at `tokens_per_month`: (speed
    /// each user sees, monthly USD). Cost never falls as speed rises.
    pub fn curve(&self, tokens_per_month: f64) -> Vec<(f64, f64)> {
        price_points(self.full, &self.points(), tokens_per_month)
    }
}

/// A batch on the speed trade: what each user sees and what a replica then offers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SpeedPoint {
    pub output_tokens_per_second_per_user: f64,
    pub capacity_tokens_per_second: f64,
}

/// The speed curve at a volume from a plan's [`SpeedTrade::points`].
pub fn price_points(
    full: &SelfHostPlan,
    points: &[SpeedPoint],
    tokens_per_month: f64,
) -> Vec<(f64, f64)> {
    points
        .iter()
        .map(|p| {
            (
                p.output_tokens_per_second_per_user,
                full.with_capacity(p.capacity_tokens_per_second)
                    .monthly_cost(tokens_per_month),
            )
        })
        .collect()
}

/// The inverse question for a service level: on a deployment's
/// [`SpeedTrade::curve`] at a volume, the fastest generation speed per user
/// at which it still costs less than `api_usd_per_month`; `None` when it
/// does not even at the largest batch allowed. Cost never falls as speed
/// rises, so this is where the curve crosses the API's cost.
pub fn fastest_cheaper_speed(speed_curve: &[(f64, f64)], api_usd_per_month: f64) -> Option<f64> {
    speed_curve
        .iter()
        .filter(|(_, monthly_usd)| *monthly_usd < api_usd_per_month)
        .map(|(speed, _)| *speed)
        .reduce(f64::max)
}

/// A service level met at the cautious end of the latency range: with
/// each user's speed at its low end and the first token at its late end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SureLevel {
    pub sequences_in_flight: u32,
    /// Of the full-batch capacity, the share a replica then offers.
    pub capacity_share: f64,
}

/// Whether the service level might be missed at `sequences` in flight, the
/// estimate's range reaching past a target; if so, the batch that meets it
/// even at the range's cautious end, or why none does. `None`: no target,
/// or sure already.
pub fn sure_level(
    workload: &Workload,
    sequences: u32,
    max: u32,
    at: impl Fn(u32) -> Throughput,
    full: &Throughput,
) -> Option<Result<SureLevel, FitError>> {
    let band = latency_band();
    let cautious = Workload {
        min_user_output_tokens_per_second: workload.min_user_output_tokens_per_second
            / band.speed.low,
        max_time_to_first_token_seconds: workload.max_time_to_first_token_seconds
            / band.first_token.high,
        ..*workload
    };
    match service_level_cap(&cautious, max, &at) {
        Ok(None) => None,
        Ok(Some(cap)) if cap >= sequences => None,
        Ok(Some(cap)) => Some(Ok(SureLevel {
            sequences_in_flight: cap,
            capacity_share: interactive_capacity_share(workload, &at(cap), full),
        })),
        Err(error) => Some(Err(error)),
    }
}
