//! Own replicas for the base load, an API for the rest: the cheapest mix.
//!
//! Hour by hour, `N` replicas carry the interactive load up to their
//! capacity `K = N × capacity × target utilisation`, and their spare
//! capacity in the service hours carries batch traffic; the API takes what
//! is left, interactive tokens at its interactive price and batch tokens at
//! its batch price. The tokens the replicas carry are piecewise linear in
//! `K`, with corners where `K` meets an hour's interactive load and where
//! the spare capacity meets the batch volume, so the month's cost is
//! linear in `N` between those corners: its minimum over whole `N` lies at
//! a whole number next to a corner, and those few are all that are priced.
//! docs/cost-model.md §10 works an example by hand.

use serde::Serialize;

use crate::api::api_rate;
use crate::compare::{Comparison, Offering, Pair};
use crate::selfhost::cost::{CurvePoint, SelfHostPlan};
use crate::units::pow;
use crate::workload::{DayStretch, MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH, Workload};

/// What an API charges per token for the two kinds of traffic a mix sends
/// it: its price for the workload with no batch traffic, and with only
/// batch traffic (the blended rate is linear in the batch share, so these
/// two price the workload's own mix at its blended rate).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SplitRate {
    pub interactive_usd_per_mtok: f64,
    pub batch_usd_per_mtok: f64,
}

/// A mix of own replicas and an API at one volume.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HybridQuote {
    pub tokens_per_month: f64,
    /// Own replicas (a whole number); 0 is the API alone.
    pub replicas: f64,
    pub monthly_usd: f64,
    /// Of which: the replicas with operations and one-off costs, and the API's bill.
    pub self_hosted_usd: f64,
    pub api_usd: f64,
    pub self_hosted_tokens_per_month: f64,
    pub api_tokens_per_month: f64,
}

impl HybridQuote {
    pub fn self_hosted_share(&self) -> f64 {
        self.self_hosted_tokens_per_month / self.tokens_per_month
    }
}

/// A deployment and an API, ready to be mixed at any volume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hybrid {
    pub rate: SplitRate,
    /// Per stretch of the service hours: hours a month, and the share of
    /// the interactive tokens it carries.
    stretches: Vec<(f64, f64)>,
    batch_share: f64,
    /// Tokens a second one replica carries at its target utilisation.
    replica_tokens_per_second: f64,
    replica_usd_per_month: f64,
    fixed_usd_per_month: f64,
    /// Owned: the electricity of each token the replicas serve, above idle.
    working_energy_usd_per_token: f64,
    min_replicas: f64,
    /// Tokens a month a replica adds to the self-hosted staircase.
    stair_tokens_per_month: f64,
}

impl Hybrid {
    /// The mix of a compared pair's deployment and API, from what the
    /// comparison holds; `None` when the pair is not priced and planned.
    pub fn for_pair(c: &Comparison, pair: &Pair) -> Option<Hybrid> {
        let plan = c.deployments.get(pair.deployment)?.plan.as_ref().ok()?;
        let api = c.apis.get(pair.api)?;
        let blended = api.pricing.rate()?.usd_per_mtok;
        // A mix sends the API interactive and batch tokens in another
        // proportion than the workload's: each at its own price.
        let price = |batch_share: f64| {
            let w = Workload {
                batch_share,
                ..c.workload.clone()
            };
            let pricing = match &api.offering {
                Offering::Catalogue(o) => api_rate(o, &w, c.date),
                Offering::Custom(custom) => custom.rate(&w),
            };
            pricing.rate().map_or(blended, |r| r.usd_per_mtok)
        };
        let rate = SplitRate {
            interactive_usd_per_mtok: price(0.0),
            batch_usd_per_mtok: price(1.0),
        };
        Some(Hybrid::new(plan, rate, &c.workload))
    }

    pub fn new(plan: &SelfHostPlan, rate: SplitRate, workload: &Workload) -> Hybrid {
        let month_hours = crate::catalogue::DEFAULTS.hours_per_month.value;
        Hybrid {
            rate,
            stretches: workload
                .day_stretches()
                .iter()
                .map(|DayStretch { hours, share }| (hours / 24.0 * month_hours, *share))
                .collect(),
            batch_share: workload.batch_share,
            replica_tokens_per_second: plan.capacity_tokens_per_second * plan.target_utilisation,
            replica_usd_per_month: plan.replica_usd_per_month(),
            fixed_usd_per_month: plan.fixed_usd_per_month(),
            working_energy_usd_per_token: plan.working_energy_usd_per_token(),
            min_replicas: f64::from(plan.min_replicas.max(1)),
            stair_tokens_per_month: plan.tokens_per_replica(),
        }
    }

    /// Tokens a month `replicas` carry of `tokens_per_month`: (interactive, batch).
    fn carried(&self, replicas: f64, tokens_per_month: f64) -> (f64, f64) {
        let capacity = replicas * self.replica_tokens_per_second;
        let interactive = tokens_per_month * (1.0 - self.batch_share);
        let (mut own, mut spare) = (0.0, 0.0);
        for &(hours, share) in &self.stretches {
            let seconds = hours * 3600.0;
            let load = interactive * share / seconds;
            own += load.min(capacity) * seconds;
            spare += (capacity - load).max(0.0) * seconds;
        }
        (own, (tokens_per_month * self.batch_share).min(spare))
    }

    /// The month with `replicas` own replicas (0: the API alone).
    pub fn quote_with(&self, replicas: f64, tokens_per_month: f64) -> HybridQuote {
        let (interactive, batch) = self.carried(replicas, tokens_per_month);
        let api_interactive = tokens_per_month * (1.0 - self.batch_share) - interactive;
        let api_batch = tokens_per_month * self.batch_share - batch;
        let api_usd = (api_interactive.max(0.0) * self.rate.interactive_usd_per_mtok
            + api_batch.max(0.0) * self.rate.batch_usd_per_mtok)
            / 1e6;
        let self_hosted_usd = if replicas == 0.0 {
            0.0
        } else {
            self.fixed_usd_per_month
                + replicas * self.replica_usd_per_month
                + (interactive + batch) * self.working_energy_usd_per_token
        };
        HybridQuote {
            tokens_per_month,
            replicas,
            monthly_usd: self_hosted_usd + api_usd,
            self_hosted_usd,
            api_usd,
            self_hosted_tokens_per_month: interactive + batch,
            api_tokens_per_month: tokens_per_month - interactive - batch,
        }
    }

    /// Replicas self-hosting alone needs at this volume.
    pub fn replicas_alone(&self, tokens_per_month: f64) -> f64 {
        (tokens_per_month / self.stair_tokens_per_month)
            .ceil()
            .max(self.min_replicas)
    }

    /// Fewer replicas than the plan's minimum cannot run; none is the API.
    fn allowed(&self, replicas: f64, most: f64) -> f64 {
        if replicas < 0.5 {
            0.0
        } else {
            replicas.clamp(self.min_replicas.min(most), most)
        }
    }

    /// The cheapest number of own replicas at this volume, and the month
    /// with it. Ties go to fewer replicas.
    pub fn cheapest(&self, tokens_per_month: f64) -> HybridQuote {
        let most = self.replicas_alone(tokens_per_month);
        let least = self.min_replicas.min(most);
        let per_replica = self.replica_tokens_per_second;
        let mut corners = vec![0.0, least, most];
        let interactive = tokens_per_month * (1.0 - self.batch_share);
        for &(hours, share) in &self.stretches {
            let replicas = interactive * share / (hours * 3600.0) / per_replica;
            corners.extend([replicas.floor(), replicas.ceil()]);
        }
        let spare_covers_batch = |n: f64| {
            let (_, own_batch) = self.carried(n, tokens_per_month);
            own_batch >= tokens_per_month * self.batch_share
        };
        if self.batch_share > 0.0 {
            // The fewest replicas whose spare capacity takes every batch token.
            let (mut low, mut high) = (least, most);
            while low < high {
                let mid = (0.5 * (low + high)).floor();
                if spare_covers_batch(mid) {
                    high = mid;
                } else {
                    low = mid + 1.0;
                }
            }
            corners.extend([(low - 1.0).max(0.0), low]);
        }
        corners
            .into_iter()
            .map(|n| self.allowed(n, most))
            .map(|n| self.quote_with(n, tokens_per_month))
            .fold(None::<HybridQuote>, |best, q| match best {
                Some(b)
                    if b.monthly_usd < q.monthly_usd
                        || (b.monthly_usd == q.monthly_usd && b.replicas <= q.replicas) =>
                {
                    Some(b)
                }
                _ => Some(q),
            })
            .expect("0 replicas is always a candidate")
    }

    /// The volume from which a mix with own replicas costs less than the
    /// API alone, if any in range. A mix's saving over the API never falls
    /// as the volume grows (its replicas carry more, and batch tokens they
    /// give up for interactive ones cost no more at the API, where batch
    /// prices are at most interactive ones, as every catalogue offering's
    /// are), so the volumes where it wins run on from one point, found by
    /// bisection to 1e-9.
    pub fn cheaper_than_api_from(&self) -> Option<f64> {
        let wins = |v: f64| self.cheapest(v).replicas > 0.0;
        if !wins(MAX_TOKENS_PER_MONTH) {
            return None;
        }
        if wins(MIN_TOKENS_PER_MONTH) {
            return Some(MIN_TOKENS_PER_MONTH);
        }
        let (mut low, mut high) = (MIN_TOKENS_PER_MONTH.ln(), MAX_TOKENS_PER_MONTH.ln());
        while high - low > 1e-9 {
            let mid = 0.5 * (low + high);
            if wins(mid.exp()) {
                high = mid;
            } else {
                low = mid;
            }
        }
        Some(high.exp())
    }

    /// The cheapest mix's cost at `points` volumes spread evenly on a log
    /// scale from `from` to `to`, kept from the first volume where it mixes
    /// (own replicas, and tokens for the API) to the last: the mix's line in
    /// the volume charts. Outside that span it is one of the two alone,
    /// whose lines are drawn already.
    pub fn cost_curve(&self, from: f64, to: f64, points: usize) -> Vec<CurvePoint> {
        let (lo, hi) = (from.log10(), to.log10());
        let last = points.max(2) - 1;
        let quotes: Vec<_> = (0..=last)
            .map(|i| self.cheapest(pow(10.0, lo + (hi - lo) * i as f64 / last as f64)))
            .collect();
        let mixes = |q: &HybridQuote| {
            q.replicas > 0.0 && q.replicas < self.replicas_alone(q.tokens_per_month)
        };
        let (Some(first), Some(end)) = (
            quotes.iter().position(mixes),
            quotes.iter().rposition(mixes),
        ) else {
            return Vec::new();
        };
        quotes[first..=end]
            .iter()
            .map(|q| CurvePoint::new(q.tokens_per_month, q.monthly_usd))
            .collect()
    }
}

/// A pair's cheapest mix at the reader's volume where it costs less than
/// both of the pair's choices alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheaperMix {
    /// The pair's index in [`Comparison::pairs`].
    pub pair: usize,
    pub mix: Hybrid,
    pub quote: HybridQuote,
    /// The cheaper of the pair's two choices alone, a month.
    pub alone_usd: f64,
}

/// For each deployment, of its pairs whose cheapest mix at the reader's
/// volume has own replicas and costs less than the API alone and
/// self-hosting alone, the one whose mix costs least: the mixes the
/// headline, the table and the volume charts show (a line for every pair
/// would bury the answer).
pub fn cheaper_mixes(c: &Comparison) -> Vec<CheaperMix> {
    let mut best: Vec<CheaperMix> = Vec::new();
    for (pair, p) in c.pairs.iter().enumerate() {
        let Some(mix) = Hybrid::for_pair(c, p) else {
            continue;
        };
        let quote = mix.cheapest(c.tokens_per_month());
        let (Some(api_usd), Some(alone)) = (
            c.apis[p.api].monthly_usd,
            c.deployments[p.deployment].quote.as_ref(),
        ) else {
            continue;
        };
        let alone_usd = api_usd.min(alone.monthly_usd);
        if quote.replicas == 0.0 || quote.monthly_usd >= alone_usd * (1.0 - 1e-9) {
            continue;
        }
        let candidate = CheaperMix {
            pair,
            mix,
            quote,
            alone_usd,
        };
        match best
            .iter_mut()
            .find(|m| c.pairs[m.pair].deployment == p.deployment)
        {
            Some(m) if m.quote.monthly_usd <= quote.monthly_usd => {}
            Some(m) => *m = candidate,
            None => best.push(candidate),
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each replica count's month at `volume`, against the hand figures.
    fn assert_months(hybrid: &Hybrid, volume: f64, months: &[(f64, f64)]) {
        for &(replicas, usd) in months {
            let month = hybrid.quote_with(replicas, volume).monthly_usd;
            assert!((month - usd).abs() < 1e-6, "{replicas} replicas: {month}");
        }
    }

    /// Business hours: 9 a day, the busiest at 1.8 times their average.
    /// A replica carries 1,000 tokens/s at its target and costs $2,000 a
    /// month; operations $3,000; the API $10 per 1M tokens.
    fn business_hours() -> Hybrid {
        let workload = Workload {
            service_hours_per_day: 9.0,
            peak_to_average: 1.8,
            batch_share: 0.0,
            ..Workload::default()
        };
        Hybrid {
            rate: SplitRate {
                interactive_usd_per_mtok: 10.0,
                batch_usd_per_mtok: 10.0,
            },
            stretches: workload
                .day_stretches()
                .iter()
                .map(|s| (s.hours / 24.0 * 730.0, s.share))
                .collect(),
            batch_share: 0.0,
            replica_tokens_per_second: 1000.0,
            replica_usd_per_month: 2000.0,
            fixed_usd_per_month: 3000.0,
            working_energy_usd_per_token: 0.0,
            min_replicas: 1.0,
            // 1,000 tokens/s x 985,500 service seconds / 1.8.
            stair_tokens_per_month: 547_500_000.0,
        }
    }

    #[test]
    fn the_cheapest_mix_by_hand() {
        let hybrid = business_hours();
        // 3B tokens: the busiest hour (20% of the day's tokens, 109,500 s a
        // month) runs at 5,479.45 tokens/s, the other 8 hours (80%, 876,000 s)
        // at 2,739.73. Alone, self-hosting needs ceil(3e9 / 547.5M) = 6
        // replicas: $15,000; the API alone costs $30,000.
        assert_eq!(hybrid.replicas_alone(3e9), 6.0);
        // Three replicas (3,000 tokens/s) carry the quiet hours whole (2.4B)
        // and 328.5M of the busiest: 2.7285B; the API takes 271.5M
        // ($2,715). $3,000 + 3 x $2,000 + $2,715 = $11,715. A fourth would
        // carry 109.5M more, $1,095 of API tokens for $2,000: not worth it.
        let best = hybrid.cheapest(3e9);
        assert_eq!(best.replicas, 3.0);
        assert!((best.monthly_usd - 11_715.0).abs() < 1e-6, "{best:?}");
        assert!((best.self_hosted_tokens_per_month - 2.7285e9).abs() < 1.0);
        assert!((best.api_tokens_per_month - 2.715e8).abs() < 1.0);
        assert!((best.api_usd - 2_715.0).abs() < 1e-6);
        assert_months(
            &hybrid,
            3e9,
            &[
                (0.0, 30_000.0),
                (1.0, 25_145.0),
                (2.0, 17_290.0),
                (4.0, 12_620.0),
                (5.0, 13_525.0),
                (6.0, 15_000.0),
            ],
        );
    }

    #[test]
    fn batch_traffic_fills_the_replicas_spare_hours_by_hand() {
        // As above with a quarter of the 3B batch traffic at $5 per 1M
        // (interactive $10): blended $8.75. Interactive 2.25B: the busiest
        // hour 450M (4,109.6 tokens/s), the others 1.8B (2,054.8 tokens/s).
        let hybrid = Hybrid {
            rate: SplitRate {
                interactive_usd_per_mtok: 10.0,
                batch_usd_per_mtok: 5.0,
            },
            batch_share: 0.25,
            // 1,000 tokens/s x 985,500 s / max(0.75 x 1.8, 1).
            stair_tokens_per_month: 730_000_000.0,
            ..business_hours()
        };
        // Alone: ceil(3e9 / 730M) = 5 replicas, $13,000; the API $26,250.
        assert_eq!(hybrid.replicas_alone(3e9), 5.0);
        // Three replicas carry the quiet hours' interactive tokens whole,
        // 328.5M of the busiest hour's, and in their spare quiet-hour
        // capacity, (3,000 - 2,054.8) x 876,000 s = 828M, every batch token:
        // the API takes 121.5M interactive tokens, $1,215.
        let best = hybrid.cheapest(3e9);
        assert_eq!(best.replicas, 3.0);
        assert!((best.monthly_usd - 10_215.0).abs() < 1e-6, "{best:?}");
        assert!((best.api_tokens_per_month - 1.215e8).abs() < 1.0);
        assert_months(
            &hybrid,
            3e9,
            &[
                (0.0, 26_250.0),
                (1.0, 21_395.0),
                (2.0, 13_540.0),
                (4.0, 11_120.0),
                (5.0, 13_000.0),
            ],
        );
    }
}
