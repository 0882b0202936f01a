//! Everything a scenario asks, answered at once: each option at the user's
//! volume, and every API x deployment pair's break-even. Numbers only; the
//! sentences are written in [`crate::words`].

use serde::Serialize;

use crate::api::{ApiPricing, CustomOffering, api_rate};
use crate::breakeven::{AtVolume, BreakEven, at_volume, break_even};
use crate::catalogue::{self, ApiOffering};
use crate::date::Date;
use crate::error::InputError;
use crate::fields::Field;
use crate::scenario::Scenario;
use crate::selfhost::cost::{SelfHostPlan, SelfHostQuote};
use crate::selfhost::{
    Deployment, PlanError, SpeedPoint, SpeedTrade, fastest_cheaper_speed, price_points,
};
use crate::workload::{MIN_TOKENS_PER_MONTH, Workload};

/// A per-token offering: from the catalogue, or priced by the person.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Offering {
    #[serde(serialize_with = "crate::serialize_id")]
    Catalogue(&'static ApiOffering),
    Custom(CustomOffering),
}

impl Offering {
    /// "GPT-5.4 mini", "Llama 3.3 70B on Groq", "Acme (your price)".
    pub fn label(&self) -> String {
        match self {
            Offering::Catalogue(o) => o.label(),
            Offering::Custom(c) => format!("{} (your price)", c.name),
        }
    }

    /// The open model it serves, when that model is in the catalogue.
    pub fn open_model(&self) -> Option<&str> {
        match self {
            Offering::Catalogue(o) => o.open_model,
            Offering::Custom(c) => c.open_model.as_deref(),
        }
    }

    pub fn catalogue(&self) -> Option<&'static ApiOffering> {
        match self {
            Offering::Catalogue(o) => Some(o),
            Offering::Custom(_) => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiOption {
    pub offering: Offering,
    pub pricing: ApiPricing,
    /// The next day after the scenario's on which the offering's price
    /// changes, when the data knows of one (an introductory price ending).
    pub next_change: Option<Date>,
    /// Monthly cost at the scenario's volume, when priced.
    pub monthly_usd: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeploymentOption {
    pub deployment: Deployment,
    pub plan: Result<SelfHostPlan, PlanError>,
    /// At the scenario's volume: the estimate, and the ends of its range.
    pub quote: Option<SelfHostQuote>,
    pub pessimistic_monthly_usd: Option<f64>,
    pub optimistic_monthly_usd: Option<f64>,
    /// At the scenario's volume, what each speed costs: (output tokens/s
    /// each user sees, monthly USD) for every batch the first-token target
    /// allows, slowest first ([`SpeedTrade::curve`]).
    pub speed_curve: Vec<(f64, f64)>,
}

/// One API against one deployment.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    /// Index into [`Comparison::apis`].
    pub api: usize,
    /// Index into [`Comparison::deployments`].
    pub deployment: usize,
    pub break_even: BreakEven,
    /// `cheaper_from` when throughput is at the low and at the high end of
    /// its range.
    pub pessimistic_cheaper_from: Option<f64>,
    pub optimistic_cheaper_from: Option<f64>,
    pub at_volume: AtVolume,
    /// At the scenario's volume, the fastest per-user speed at which
    /// self-hosting still costs less than the API; `None` when it does not
    /// cost less even at the largest batch the first-token target allows.
    pub fastest_cheaper_speed: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The workload compared: its volume, and the service level the plans answer.
    pub workload: Workload,
    /// The day the API prices are taken from.
    pub date: Date,
    pub apis: Vec<ApiOption>,
    pub deployments: Vec<DeploymentOption>,
    pub pairs: Vec<Pair>,
    /// Each deployment's cheapest mix with one of the APIs, where it costs
    /// less than both alone ([`crate::hybrid::cheaper_mixes`]).
    pub mixes: Vec<crate::hybrid::CheaperMix>,
}

impl Comparison {
    /// The volume compared at.
    pub fn tokens_per_month(&self) -> f64 {
        self.workload.tokens_per_month
    }

    /// The APIs that have a price for the workload, with it.
    pub fn priced_apis(&self) -> impl Iterator<Item = (&ApiOption, &crate::api::ApiRate)> {
        self.apis
            .iter()
            .filter_map(|a| Some((a, a.pricing.rate()?)))
    }

    /// The deployments that could be built, in order.
    pub fn plans(&self) -> impl Iterator<Item = &SelfHostPlan> {
        self.deployments.iter().filter_map(|d| d.plan.as_ref().ok())
    }
}

/// A scenario planned once, whatever its volume: every API priced per token,
/// every deployment planned on its GPUs with its speed trade, every pair's
/// break-even. [`Planned::at`] prices it at a volume, so a person typing a
/// volume costs no planning (the widget keeps one while only the volume
/// changes).
#[derive(Debug, Clone)]
pub struct Planned {
    /// Everything but what depends on the volume, which `at` fills in.
    template: Comparison,
    /// Per deployment, its [`SpeedTrade::points`] (empty when not planned).
    speed_points: Vec<Vec<SpeedPoint>>,
}

/// Plans every option of a scenario; its volume is neither read nor
/// checked. An invalid workload is an error; an unknown API id or a
/// deployment that cannot be built is reported in its own option.
pub fn plan_scenario(scenario: &Scenario) -> Result<Planned, Vec<InputError>> {
    let workload = &scenario.workload;
    Workload {
        tokens_per_month: MIN_TOKENS_PER_MONTH,
        ..*workload
    }
    .validate()?;
    let mut unknown = Vec::new();
    let option = |offering: Offering, pricing: ApiPricing| ApiOption {
        next_change: offering
            .catalogue()
            .and_then(|o| o.next_change(scenario.date)),
        offering,
        pricing,
        monthly_usd: None,
    };
    let mut apis = Vec::with_capacity(scenario.apis.len() + scenario.custom.len());
    for id in &scenario.apis {
        match catalogue::api(id) {
            Some(offering) => apis.push(option(
                Offering::Catalogue(offering),
                api_rate(offering, workload, scenario.date),
            )),
            None => unknown.push(InputError::UnknownId {
                kind: "API offering",
                id: id.clone(),
            }),
        }
    }
    for custom in &scenario.custom {
        match custom.validate() {
            Ok(()) => apis.push(option(
                Offering::Custom(custom.clone()),
                custom.rate(workload),
            )),
            Err(mut errors) => unknown.append(&mut errors),
        }
    }
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let mut deployments = Vec::with_capacity(scenario.deployments.len());
    let mut speed_points = Vec::with_capacity(scenario.deployments.len());
    let mut pairs = Vec::new();
    for (d, deployment) in scenario.deployments.iter().enumerate() {
        let plan = deployment.plan(workload);
        speed_points.push(match &plan {
            Ok(plan) => SpeedTrade::new(plan, workload).points(),
            Err(_) => Vec::new(),
        });
        if let Ok(plan) = &plan {
            for (a, api) in apis.iter().enumerate() {
                let Some(rate) = api.pricing.rate() else {
                    continue;
                };
                pairs.push(Pair {
                    api: a,
                    deployment: d,
                    break_even: break_even(rate, plan),
                    pessimistic_cheaper_from: break_even(rate, &plan.pessimistic())
                        .cheaper_from_tokens_per_month,
                    optimistic_cheaper_from: break_even(rate, &plan.optimistic())
                        .cheaper_from_tokens_per_month,
                    // What depends on the volume is priced in `at`.
                    at_volume: at_volume(rate, plan, MIN_TOKENS_PER_MONTH),
                    fastest_cheaper_speed: None,
                });
            }
        }
        deployments.push(DeploymentOption {
            deployment: deployment.clone(),
            plan,
            quote: None,
            pessimistic_monthly_usd: None,
            optimistic_monthly_usd: None,
            speed_curve: Vec::new(),
        });
    }
    Ok(Planned {
        template: Comparison {
            workload: workload.clone(),
            date: scenario.date,
            apis,
            deployments,
            pairs,
            mixes: Vec::new(),
        },
        speed_points,
    })
}

impl Planned {
    /// Every option priced at `tokens_per_month`, and each pair there.
    pub fn at(&self, tokens_per_month: f64) -> Result<Comparison, Vec<InputError>> {
        Field::TokensPerMonth
            .spec()
            .check(tokens_per_month)
            .map_err(|e| vec![e])?;
        let volume = tokens_per_month;
        // Field by field: the template has no mixes to copy.
        let t = &self.template;
        let mut c = Comparison {
            workload: t.workload.clone(),
            date: t.date,
            apis: t.apis.clone(),
            deployments: t.deployments.clone(),
            pairs: t.pairs.clone(),
            mixes: Vec::new(),
        };
        c.workload.tokens_per_month = volume;
        for api in &mut c.apis {
            api.monthly_usd = api.pricing.rate().map(|r| r.monthly_cost(volume));
        }
        for (option, points) in c.deployments.iter_mut().zip(&self.speed_points) {
            let Ok(plan) = &option.plan else { continue };
            option.quote = Some(plan.quote(volume));
            option.pessimistic_monthly_usd = Some(plan.pessimistic().monthly_cost(volume));
            option.optimistic_monthly_usd = Some(plan.optimistic().monthly_cost(volume));
            option.speed_curve = price_points(plan, points, volume);
        }
        for pair in &mut c.pairs {
            let (Some(rate), Ok(plan)) = (
                c.apis[pair.api].pricing.rate(),
                &c.deployments[pair.deployment].plan,
            ) else {
                continue;
            };
            pair.at_volume = at_volume(rate, plan, volume);
            pair.fastest_cheaper_speed = fastest_cheaper_speed(
                &c.deployments[pair.deployment].speed_curve,
                pair.at_volume.api_usd,
            );
        }
        c.mixes = crate::hybrid::cheaper_mixes(&c);
        Ok(c)
    }
}

/// Prices every option of a scenario at its volume and solves every pair:
/// [`plan_scenario`], then [`Planned::at`] the scenario's volume.
pub fn compare(scenario: &Scenario) -> Result<Comparison, Vec<InputError>> {
    plan_scenario(scenario)?.at(scenario.workload.tokens_per_month)
}

/// "Llama 3.3 70B (FP8, 2× H100 SXM)"
pub fn short_label(plan: &SelfHostPlan) -> String {
    format!(
        "{} ({}, {}× {})",
        plan.model.name,
        plan.precision.format().name,
        plan.gpus_per_replica(),
        plan.gpu.short_name
    )
}
