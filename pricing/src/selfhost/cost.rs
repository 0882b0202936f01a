//! A sized, estimated and priced deployment, and its monthly cost at any
//! volume: a staircase with one step per replica.

use serde::Serialize;

use super::Ownership;
use super::memory::{FitError, MemoryFit};
use super::service_level::SureLevel;
use super::throughput::Throughput;
use crate::catalogue::{Engine, Gpu, OpenModel, Precision};

/// What one GPU costs a month, by kind. Rented GPUs have only `rental`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct GpuMonthCost {
    pub rental: f64,
    pub depreciation: f64,
    pub capital: f64,
    pub power: f64,
    pub hosting: f64,
    pub maintenance: f64,
    /// Installation, paid with the purchase, spread as the one-off costs are.
    pub installation: f64,
}

impl GpuMonthCost {
    pub fn total(&self) -> f64 {
        self.rental
            + self.depreciation
            + self.capital
            + self.power
            + self.hosting
            + self.maintenance
            + self.installation
    }

    /// What owning costs month by month once the hardware is paid for:
    /// everything but depreciation and the cost of capital.
    pub fn running(&self) -> f64 {
        self.rental + self.power + self.hosting + self.maintenance
    }

    fn times(&self, gpus: f64) -> GpuMonthCost {
        GpuMonthCost {
            rental: self.rental * gpus,
            depreciation: self.depreciation * gpus,
            capital: self.capital * gpus,
            power: self.power * gpus,
            hosting: self.hosting * gpus,
            maintenance: self.maintenance * gpus,
            installation: self.installation * gpus,
        }
    }
}

/// A deployment sized for a workload's shape. Volume-independent: pricing
/// a volume is then a few multiplications.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfHostPlan {
    #[serde(serialize_with = "crate::serialize_id")]
    pub model: &'static OpenModel,
    #[serde(serialize_with = "crate::serialize_id")]
    pub gpu: &'static Gpu,
    #[serde(serialize_with = "crate::serialize_id")]
    pub engine: &'static Engine,
    pub precision: Precision,
    pub ownership: Ownership,
    pub memory: MemoryFit,
    /// The roofline estimate at the sequences in flight, even when a
    /// measurement replaces it: its per-user speed is what each user sees.
    pub throughput: Throughput,
    /// Interactive sequences a replica runs at once: the engine's batch, or
    /// fewer to keep each user at the service level.
    pub sequences_in_flight: u32,
    /// Input plus output tokens a second one replica serves: the measured
    /// figure where given, else the estimate.
    pub capacity_tokens_per_second: f64,
    /// The estimate's range from the calibration error (equal to the
    /// capacity when measured).
    pub capacity_low_tokens_per_second: f64,
    pub capacity_high_tokens_per_second: f64,
    pub measured: bool,
    /// The engine's full batch with no service level, and the capacity a
    /// replica offers then: what the speed curve trades from
    /// ([`super::SpeedTrade`]), so no second plan is needed.
    pub full_throughput: Throughput,
    pub full_capacity_tokens_per_second: f64,
    /// Where the service level might be missed (a target inside the latency
    /// estimate's range): the batch that meets it at the range's cautious
    /// end, or why none does ([`super::service_level::sure_level`]).
    pub sure: Option<Result<SureLevel, FitError>>,
    pub per_gpu_month: GpuMonthCost,
    /// Owned: the electricity an hour of a replica's work draws above its
    /// idle draw (which `per_gpu_month` charges around the clock); 0 rented,
    /// or where the idle draw is not published.
    pub working_power_usd_per_replica_hour: f64,
    pub operations_usd_per_month: f64,
    /// Owned: the price of each GPU (or machine) and its installation, paid
    /// at the start; 0 rented.
    pub purchase_usd_per_gpu: f64,
    pub installation_usd_per_gpu: f64,
    /// Owned: the hardware's life in months (payback beyond it is moot).
    pub life_months: f64,
    /// Setup, integration and a fine-tuning run, spread over the one-off months.
    pub one_off_usd_per_month: f64,
    /// The same one-off costs, whole: what is paid before the first token.
    pub one_off_usd: f64,
    pub min_replicas: u32,
    pub target_utilisation: f64,
    /// Hours a month each GPU is paid for (or, owned, powered).
    pub billed_hours_per_month: f64,
    /// Tokens per second of capacity needed per token per month of volume.
    pub peak_load_factor: f64,
}

/// One self-hosting option at one volume.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SelfHostQuote {
    pub tokens_per_month: f64,
    pub monthly_usd: f64,
    pub usd_per_mtok: f64,
    pub replicas: f64,
    pub gpus: f64,
    /// Share of the paid GPU time spent serving the volume.
    pub utilisation: f64,
    /// GPU costs of all replicas by kind.
    pub gpu_costs: GpuMonthCost,
    pub operations_usd: f64,
    pub one_off_usd: f64,
}

impl SelfHostQuote {
    /// What the month's cost is made of, each part above zero, in USD:
    /// ("GPU rental", 4234.0), ("operations", 3600.0).
    pub fn cost_parts(&self) -> Vec<(&'static str, f64)> {
        let g = &self.gpu_costs;
        [
            ("GPU rental", g.rental),
            ("depreciation", g.depreciation),
            ("capital", g.capital),
            ("power", g.power),
            ("hosting", g.hosting),
            ("maintenance", g.maintenance),
            ("installation spread", g.installation),
            ("operations", self.operations_usd),
            ("one-off costs spread", self.one_off_usd),
        ]
        .into_iter()
        .filter(|(_, usd)| *usd > 0.0)
        .collect()
    }
}

/// A point of a cost curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    pub tokens_per_month: f64,
    pub monthly_usd: f64,
    pub usd_per_mtok: f64,
}

impl CurvePoint {
    pub fn new(tokens_per_month: f64, monthly_usd: f64) -> CurvePoint {
        CurvePoint {
            tokens_per_month,
            monthly_usd,
            usd_per_mtok: monthly_usd / tokens_per_month * 1e6,
        }
    }
}

impl SelfHostPlan {
    /// The staircase between two volumes as the vertices of a line: each
    /// stair's ends, with the jump drawn as a vertical step. On log-log axes
    /// straight segments between these vertices are exact for both the
    /// monthly cost and the cost per token while a stair is flat; where the
    /// electricity of the work rises along it, points between fill the
    /// budget. With more than `(max_points - 2) / 2` stairs in range, log-spaced
    /// samples instead (the steps are then narrower than a pixel).
    pub fn cost_curve(&self, from: f64, to: f64, max_points: usize) -> Vec<CurvePoint> {
        let vertices = self.stair_vertices(from, to, max_points);
        if self.working_energy_usd_per_token() <= 0.0 || vertices.len() >= max_points {
            return vertices;
        }
        let sloped = vertices
            .windows(2)
            .filter(|w| w[1].tokens_per_month > w[0].tokens_per_month)
            .count()
            .max(1);
        let between = ((max_points - vertices.len()) / sloped).min(16);
        let mut points = Vec::with_capacity(max_points);
        for w in vertices.windows(2) {
            points.push(w[0]);
            let (a, b) = (w[0].tokens_per_month, w[1].tokens_per_month);
            if b > a {
                for i in 1..=between {
                    let v = a * crate::units::pow(b / a, i as f64 / (between + 1) as f64);
                    points.push(CurvePoint::new(v, self.monthly_cost(v)));
                }
            }
        }
        points.extend(vertices.last());
        points
    }

    fn stair_vertices(&self, from: f64, to: f64, max_points: usize) -> Vec<CurvePoint> {
        let stair = self.tokens_per_replica();
        let first = (from / stair).ceil().max(f64::from(self.min_replicas));
        let last = (to / stair).ceil();
        let stairs = last - first;
        let mut points = vec![CurvePoint::new(from, self.monthly_cost(from))];
        // Two vertices a stair, and the two ends.
        if stairs.is_finite() && stairs <= (max_points.saturating_sub(2) / 2) as f64 {
            let mut k = first;
            while k < last {
                let boundary = k * stair;
                if boundary > from && boundary < to {
                    let cost = self.fixed_usd_per_month()
                        + k * self.replica_usd_per_month()
                        + self.working_energy_usd_per_token() * boundary;
                    points.push(CurvePoint::new(boundary, cost));
                    points.push(CurvePoint::new(
                        boundary,
                        cost + self.replica_usd_per_month(),
                    ));
                }
                k += 1.0;
            }
        } else {
            let n = max_points.max(2);
            let ratio = (to / from).ln();
            for i in 1..n - 1 {
                let v = from * (ratio * i as f64 / (n - 1) as f64).exp();
                points.push(CurvePoint::new(v, self.monthly_cost(v)));
            }
        }
        points.push(CurvePoint::new(to, self.monthly_cost(to)));
        points
    }

    pub fn gpus_per_replica(&self) -> u32 {
        self.memory.gpus_per_replica
    }

    pub fn replica_usd_per_month(&self) -> f64 {
        f64::from(self.gpus_per_replica()) * self.per_gpu_month.total()
    }

    /// Monthly volume one more replica adds: the width of a stair.
    pub fn tokens_per_replica(&self) -> f64 {
        self.capacity_tokens_per_second * self.target_utilisation / self.peak_load_factor
    }

    /// Replicas for a volume: enough that the busiest hour stays within
    /// the target utilisation, and at least the minimum.
    pub fn replicas(&self, tokens_per_month: f64) -> f64 {
        (tokens_per_month / self.tokens_per_replica())
            .ceil()
            .max(f64::from(self.min_replicas))
    }

    /// What does not depend on the volume: operations and the one-off
    /// costs' monthly share.
    pub fn fixed_usd_per_month(&self) -> f64 {
        self.operations_usd_per_month + self.one_off_usd_per_month
    }

    /// Owned: the electricity of serving one token above the idle draw:
    /// a replica works `tokens / capacity` seconds for it, whichever
    /// replica serves it.
    pub fn working_energy_usd_per_token(&self) -> f64 {
        self.working_power_usd_per_replica_hour / (self.capacity_tokens_per_second * 3600.0)
    }

    pub fn monthly_cost(&self, tokens_per_month: f64) -> f64 {
        self.fixed_usd_per_month()
            + self.replicas(tokens_per_month) * self.replica_usd_per_month()
            + self.working_energy_usd_per_token() * tokens_per_month
    }

    pub fn quote(&self, tokens_per_month: f64) -> SelfHostQuote {
        let replicas = self.replicas(tokens_per_month);
        let gpus = replicas * f64::from(self.gpus_per_replica());
        let monthly_usd = self.monthly_cost(tokens_per_month);
        let mut gpu_costs = self.per_gpu_month.times(gpus);
        gpu_costs.power += self.working_energy_usd_per_token() * tokens_per_month;
        let paid_capacity =
            replicas * self.capacity_tokens_per_second * self.billed_hours_per_month * 3600.0;
        SelfHostQuote {
            tokens_per_month,
            monthly_usd,
            usd_per_mtok: monthly_usd / tokens_per_month * 1e6,
            replicas,
            gpus,
            utilisation: tokens_per_month / paid_capacity,
            gpu_costs,
            operations_usd: self.operations_usd_per_month,
            one_off_usd: self.one_off_usd_per_month,
        }
    }

    /// The same plan with another replica capacity: the ends of the
    /// estimate's range.
    pub fn with_capacity(&self, capacity_tokens_per_second: f64) -> SelfHostPlan {
        SelfHostPlan {
            capacity_tokens_per_second,
            ..self.clone()
        }
    }

    /// The same deployment with no service level: the engine's full batch
    /// and the capacity it gives (what a service level costs is the
    /// difference). Equal to the plan when none is set.
    pub fn without_service_level(&self) -> SelfHostPlan {
        let capacity = self.full_capacity_tokens_per_second;
        let scale = capacity / self.capacity_tokens_per_second;
        SelfHostPlan {
            throughput: self.full_throughput,
            sequences_in_flight: self.memory.concurrency,
            capacity_tokens_per_second: capacity,
            capacity_low_tokens_per_second: self.capacity_low_tokens_per_second * scale,
            capacity_high_tokens_per_second: self.capacity_high_tokens_per_second * scale,
            sure: None,
            ..self.clone()
        }
    }

    /// The plan that meets the service level even at the latency range's
    /// cautious end, where this one might miss it and one can.
    pub fn sure_plan(&self) -> Option<SelfHostPlan> {
        let Some(Ok(sure)) = self.sure else {
            return None;
        };
        let capacity = self.full_capacity_tokens_per_second * sure.capacity_share;
        let range = self.capacity_high_tokens_per_second / self.capacity_tokens_per_second;
        let low = self.capacity_low_tokens_per_second / self.capacity_tokens_per_second;
        Some(SelfHostPlan {
            sequences_in_flight: sure.sequences_in_flight,
            capacity_tokens_per_second: capacity,
            capacity_low_tokens_per_second: capacity * low,
            capacity_high_tokens_per_second: capacity * range,
            sure: None,
            ..self.clone()
        })
    }

    /// The plan when throughput is at the low end of its range: the costly case.
    pub fn pessimistic(&self) -> SelfHostPlan {
        self.with_capacity(self.capacity_low_tokens_per_second)
    }

    /// The plan when throughput is at the high end of its range.
    pub fn optimistic(&self) -> SelfHostPlan {
        self.with_capacity(self.capacity_high_tokens_per_second)
    }

    /// "Llama 3.3 70B · FP8 · 2× H100 SXM · vLLM · rented"
    pub fn label(&self) -> String {
        format!(
            "{} · {} · {}× {} · {} · {}",
            self.model.name,
            self.precision.format().name,
            self.gpus_per_replica(),
            self.gpu.name,
            self.engine.name,
            self.ownership_words()
        )
    }

    /// "rented", "owned", or "your own machine" for owned hardware behind a
    /// local engine (priced with the personal defaults).
    pub fn ownership_words(&self) -> &'static str {
        match self.ownership {
            Ownership::Rent => "rented",
            _ if super::is_personal(self.ownership, self.engine.kind) => "your own machine",
            Ownership::Own => "owned",
        }
    }
}
