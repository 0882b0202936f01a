//! What moves the answer: each input that matters moved across its range,
//! one at a time, and how far self-hosting's monthly saving over an API at
//! the reader's volume moves with it (the bars of a tornado chart), with
//! the value at which the answer flips. The ranges are `[sensitivity]` in
//! `data/assumptions.toml`, the GPU's rental prices seen, the throughput
//! estimate's range and the API's next known price.

use serde::Serialize;

use crate::api::{ApiRate, api_rate};
use crate::breakeven::{at_volume, break_even};
use crate::catalogue::{self, DEFAULTS};
use crate::date::Date;
use crate::fields::Field;
use crate::scenario::Scenario;
use crate::selfhost::cost::SelfHostPlan;

/// An input the answer may hang on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Input {
    GpuPricePerHour,
    Throughput,
    Utilisation,
    EngineerTime,
    EngineerCost,
    HardwareLife,
    Electricity,
    CachedShare,
    BusiestHour,
    NextApiPrice,
}

impl Input {
    pub fn name(self) -> &'static str {
        match self {
            Input::GpuPricePerHour => "GPU price per hour",
            Input::Throughput => "throughput per replica",
            Input::Utilisation => "busiest-hour utilisation",
            Input::EngineerTime => "engineer's time",
            Input::EngineerCost => "engineer's monthly cost",
            Input::HardwareLife => "hardware life",
            Input::Electricity => "electricity price",
            Input::CachedShare => "cached share of input",
            Input::BusiestHour => "busiest hour over the average",
            Input::NextApiPrice => "the API's next known price",
        }
    }

    /// The unit its values are in: a field's, or its own.
    pub fn unit(self) -> &'static str {
        match (self, self.field()) {
            (Input::Throughput, _) => "output tokens/s per replica",
            (Input::NextApiPrice, _) => "USD per 1M tokens",
            (_, Some(field)) => field.spec().unit,
            (_, None) => "",
        }
    }

    /// The field it sets, where it is one.
    pub fn field(self) -> Option<Field> {
        Some(match self {
            Input::GpuPricePerHour => Field::UsdPerGpuHour,
            Input::Utilisation => Field::TargetUtilisation,
            Input::EngineerTime => Field::EngineerFte,
            Input::EngineerCost => Field::EngineerUsdPerMonth,
            Input::HardwareLife => Field::LifeYears,
            Input::Electricity => Field::ElectricityUsdPerKwh,
            Input::CachedShare => Field::CachedShare,
            Input::BusiestHour => Field::PeakToAverage,
            Input::Throughput | Input::NextApiPrice => return None,
        })
    }
}

/// One input moved from `low` to `high` (its value now lies between):
/// self-hosting's monthly saving over the API at each end, in USD
/// (negative: it costs more), and the value between them at which the
/// saving changes sign, if it does. Throughput is in output tokens a
/// second per replica (the unit the page shows); the API's next price is
/// its blended price per 1M tokens, `low` today's and `high` the next.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bar {
    pub input: Input,
    pub low: f64,
    pub value: f64,
    pub high: f64,
    pub saving_at_low_usd: f64,
    pub saving_at_high_usd: f64,
    pub flips_at: Option<f64>,
    /// The volume from which self-hosting costs less at each end, if any.
    pub break_even_at_low: Option<f64>,
    pub break_even_at_high: Option<f64>,
}

impl Bar {
    /// How far the saving moves across the range.
    pub fn swing_usd(&self) -> f64 {
        (self.saving_at_high_usd - self.saving_at_low_usd).abs()
    }
}

/// The bars for one API and one deployment, widest swing first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tornado {
    pub tokens_per_month: f64,
    /// The saving with every input as it is: the headline's figure.
    pub saving_usd: f64,
    /// The volume from which self-hosting costs less, as the headline says.
    pub break_even: Option<f64>,
    pub bars: Vec<Bar>,
}

/// The scenario cut down to one API (an index into its catalogue ids, then
/// its custom offerings, as in [`crate::Comparison::apis`]) and one
/// deployment, which each input is moved in.
struct Case {
    scenario: Scenario,
}

impl Case {
    fn rate(&self, date: Date) -> Option<ApiRate> {
        let s = &self.scenario;
        let pricing = match s.apis.first() {
            Some(id) => api_rate(catalogue::api(id)?, &s.workload, date),
            None => s.custom.first()?.rate(&s.workload),
        };
        pricing.rate().copied()
    }

    fn plan(&self) -> Option<SelfHostPlan> {
        self.scenario.deployments[0]
            .plan(&self.scenario.workload)
            .ok()
    }

    fn saving_with_plan(&self, plan: &SelfHostPlan, date: Date) -> Option<f64> {
        let volume = self.scenario.workload.tokens_per_month;
        Some(at_volume(&self.rate(date)?, plan, volume).savings_usd)
    }

    /// The saving at the volume and the break-even, from one plan and rate.
    fn outcome_with_plan(&self, plan: &SelfHostPlan, date: Date) -> Option<Outcome> {
        let rate = self.rate(date)?;
        let volume = self.scenario.workload.tokens_per_month;
        Some((
            at_volume(&rate, plan, volume).savings_usd,
            break_even(&rate, plan).cheaper_from_tokens_per_month,
        ))
    }

    fn saving(&self) -> Option<f64> {
        self.saving_with_plan(&self.plan()?, self.scenario.date)
    }

    fn outcome(&self) -> Option<Outcome> {
        self.outcome_with_plan(&self.plan()?, self.scenario.date)
    }

    /// The case with one input at `value`; the throughput and the date are
    /// not fields, and are moved by their callers.
    fn with(&self, input: Input, value: f64) -> Case {
        let mut scenario = self.scenario.clone();
        if let Some(field) = input.field() {
            match field.spec().place {
                crate::fields::Place::Workload { set, .. } => set(&mut scenario.workload, value),
                _ => scenario.deployments[0].overrides.set(field, Some(value)),
            }
        }
        Case { scenario }
    }
}

/// Self-hosting's monthly saving at the volume, and the volume from which it
/// costs less.
type Outcome = (f64, Option<f64>);

/// The bar for `input` moved from `low` to `high` (now `value`): its ends'
/// outcomes, and the flip that `saving` (the cheaper question) crosses.
fn bar(
    input: Input,
    (low, value, high): (f64, f64, f64),
    centre_usd: f64,
    outcome: impl Fn(f64) -> Option<Outcome>,
    saving: impl Fn(f64) -> Option<f64> + Copy,
) -> Option<Bar> {
    let ((at_low, break_even_at_low), (at_high, break_even_at_high)) =
        (outcome(low)?, outcome(high)?);
    Some(Bar {
        input,
        low,
        value,
        high,
        saving_at_low_usd: at_low,
        saving_at_high_usd: at_high,
        flips_at: flip(saving, value, centre_usd, low)
            .or_else(|| flip(saving, value, centre_usd, high)),
        break_even_at_low,
        break_even_at_high,
    })
}

/// The value of `input` in force in the case, and its range.
fn range(case: &Case, input: Input) -> Option<(f64, f64, f64)> {
    let d = &DEFAULTS;
    let deployment = &case.scenario.deployments[0];
    let workload = &case.scenario.workload;
    let in_force = |field: Field| match field.spec().place {
        crate::fields::Place::Workload { get, .. } => Some(get(workload)),
        _ => deployment
            .applies(field)
            .then(|| deployment.value(field))
            .flatten(),
    };
    let (low, high) = match input {
        Input::GpuPricePerHour => {
            let rent = deployment.gpu()?.rent_usd_per_gpu_hour?;
            (rent.low, rent.high)
        }
        Input::Utilisation => (d.utilisation_low.value, d.utilisation_high.value),
        Input::EngineerTime => (d.engineer_fte_low.value, d.engineer_fte_high.value),
        Input::EngineerCost => (
            d.engineer_usd_per_month_low.value,
            d.engineer_usd_per_month_high.value,
        ),
        Input::HardwareLife => (d.life_years_low.value, d.life_years_high.value),
        Input::Electricity => {
            let price = in_force(Field::ElectricityUsdPerKwh)?;
            (
                price * d.electricity_factor_low.value,
                price * d.electricity_factor_high.value,
            )
        }
        Input::CachedShare => (
            d.cached_input_share_low.value,
            d.cached_input_share_high
                .value
                .min(1.0 - workload.cache_write_share),
        ),
        // An hour-by-hour day has no single factor to move.
        Input::BusiestHour if workload.day_profile.is_some() => return None,
        Input::BusiestHour => (d.peak_to_average_low.value, d.peak_to_average_high.value),
        Input::Throughput | Input::NextApiPrice => return None,
    };
    let value = in_force(input.field()?)?;
    // No engineer is charged for your own machine.
    if matches!(input, Input::EngineerTime | Input::EngineerCost) && deployment.is_personal() {
        return None;
    }
    Some((low.min(value), value, high.max(value)))
}

/// Where between `from` (saving `at_from`) and `to` the saving changes
/// sign, by bisection, when it has changed by `to`.
fn flip(saving: impl Fn(f64) -> Option<f64>, from: f64, at_from: f64, to: f64) -> Option<f64> {
    let at_to = saving(to)?;
    if (at_from > 0.0) == (at_to > 0.0) {
        return None;
    }
    let (mut a, mut b) = (from, to);
    for _ in 0..48 {
        let mid = 0.5 * (a + b);
        if (saving(mid)? > 0.0) == (at_from > 0.0) {
            a = mid;
        } else {
            b = mid;
        }
    }
    Some(b)
}

/// The tornado for the comparison's `api` and `deployment`, or `None` when
/// the pair is not priced and planned.
pub fn tornado(scenario: &Scenario, api: usize, deployment: usize) -> Option<Tornado> {
    let case = case(scenario, api, deployment)?;
    let plan = case.plan()?;
    let date = case.scenario.date;
    let (saving_usd, break_even_now) = case.outcome_with_plan(&plan, date)?;
    let mut bars = Vec::new();
    for input in [
        Input::GpuPricePerHour,
        Input::Utilisation,
        Input::EngineerTime,
        Input::EngineerCost,
        Input::HardwareLife,
        Input::Electricity,
        Input::CachedShare,
        Input::BusiestHour,
    ] {
        let Some(ends) = range(&case, input) else {
            continue;
        };
        let outcome = |v: f64| case.with(input, v).outcome();
        let saving = |v: f64| case.with(input, v).saving();
        bars.extend(bar(input, ends, saving_usd, outcome, saving));
    }
    if !plan.measured {
        let ends = (
            plan.capacity_low_tokens_per_second,
            plan.capacity_tokens_per_second,
            plan.capacity_high_tokens_per_second,
        );
        let outcome = |capacity: f64| case.outcome_with_plan(&plan.with_capacity(capacity), date);
        let saving = |capacity: f64| case.saving_with_plan(&plan.with_capacity(capacity), date);
        // Shown in output tokens a second, the page's unit.
        let full = &plan.full_throughput;
        let output = full.output_tokens_per_second / full.total_tokens_per_second;
        bars.extend(
            bar(Input::Throughput, ends, saving_usd, outcome, saving).map(|b| Bar {
                low: b.low * output,
                value: b.value * output,
                high: b.high * output,
                flips_at: b.flips_at.map(|capacity| capacity * output),
                ..b
            }),
        );
    }
    let next = case
        .scenario
        .apis
        .first()
        .and_then(|id| catalogue::api(id)?.next_change(date));
    if let (Some(next), Some(today)) = (next, case.rate(date)) {
        let later = case.outcome_with_plan(&plan, next);
        if let (Some((later, break_even_later)), Some(rate)) = (later, case.rate(next)) {
            let volume = case.scenario.workload.tokens_per_month;
            // The API price at which self-hosting costs the same.
            let equal = plan.monthly_cost(volume) / volume * 1e6;
            bars.push(Bar {
                input: Input::NextApiPrice,
                low: today.usd_per_mtok,
                value: today.usd_per_mtok,
                high: rate.usd_per_mtok,
                saving_at_low_usd: saving_usd,
                saving_at_high_usd: later,
                flips_at: ((saving_usd > 0.0) != (later > 0.0)).then_some(equal),
                break_even_at_low: break_even_now,
                break_even_at_high: break_even_later,
            });
        }
    }
    // Widest swing at the reader's volume first; where a staircase holds
    // it still, the break-even's move (as a ratio) ranks the rest.
    let moved = |b: &Bar| match (b.break_even_at_low, b.break_even_at_high) {
        (Some(low), Some(high)) => (high / low).ln().abs(),
        (None, None) => 0.0,
        _ => f64::INFINITY,
    };
    bars.sort_by(|a, b| {
        b.swing_usd()
            .total_cmp(&a.swing_usd())
            .then(moved(b).total_cmp(&moved(a)))
    });
    Some(Tornado {
        tokens_per_month: case.scenario.workload.tokens_per_month,
        saving_usd,
        break_even: break_even_now,
        bars,
    })
}

/// Self-hosting's saving over the API in the comparison's pair with one
/// field input at `value` (for checking a bar's flip; the throughput and
/// the API's next price are not fields).
pub fn saving_with(
    scenario: &Scenario,
    api: usize,
    deployment: usize,
    input: Input,
    value: f64,
) -> Option<f64> {
    input.field()?;
    case(scenario, api, deployment)?.with(input, value).saving()
}

fn case(scenario: &Scenario, api: usize, deployment: usize) -> Option<Case> {
    let (apis, custom) = match scenario.apis.get(api) {
        Some(id) => (vec![id.clone()], Vec::new()),
        None => (
            Vec::new(),
            vec![scenario.custom.get(api - scenario.apis.len())?.clone()],
        ),
    };
    Some(Case {
        scenario: Scenario {
            workload: scenario.workload.clone(),
            apis,
            custom,
            deployments: vec![scenario.deployments.get(deployment)?.clone()],
            date: scenario.date,
        },
    })
}
