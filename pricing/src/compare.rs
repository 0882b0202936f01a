//! Everything a scenario asks, answered at once: each option at the user's
//! volume, and every API x deployment pair's break-even. Numbers only; the
//! sentences are written in [`crate::words`].

use serde::Serialize;

use crate::api::{ApiPricing, api_rate};
use crate::breakeven::{AtVolume, BreakEven, at_volume, break_even};
use crate::catalogue::{self, ApiOffering};
use crate::error::InputError;
use crate::scenario::Scenario;
use crate::selfhost::cost::{SelfHostPlan, SelfHostQuote};
use crate::selfhost::{Deployment, PlanError};

#[derive(Debug, Clone, Serialize)]
pub struct ApiOption {
    #[serde(serialize_with = "crate::serialize_id")]
    pub offering: &'static ApiOffering,
    pub pricing: ApiPricing,
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
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub tokens_per_month: f64,
    pub apis: Vec<ApiOption>,
    pub deployments: Vec<DeploymentOption>,
    pub pairs: Vec<Pair>,
}

impl Comparison {
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

/// Prices every option of a scenario at its volume and solves every pair.
/// An invalid workload is an error; an unknown API id or a deployment that
/// cannot be built is reported in its own option.
pub fn compare(scenario: &Scenario) -> Result<Comparison, Vec<InputError>> {
    let workload = &scenario.workload;
    workload.validate()?;
    let volume = workload.tokens_per_month;
    let mut unknown = Vec::new();
    let apis: Vec<ApiOption> = scenario
        .apis
        .iter()
        .filter_map(|id| match catalogue::api(id) {
            Some(offering) => Some(offering),
            None => {
                unknown.push(InputError::UnknownId {
                    kind: "API offering",
                    id: id.clone(),
                });
                None
            }
        })
        .map(|offering| {
            let pricing = api_rate(offering, workload);
            ApiOption {
                offering,
                pricing,
                monthly_usd: pricing.rate().map(|r| r.monthly_cost(volume)),
            }
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let deployments: Vec<DeploymentOption> = scenario
        .deployments
        .iter()
        .map(|deployment| {
            let plan = deployment.plan(workload);
            let quote = plan.as_ref().ok().map(|p| p.quote(volume));
            DeploymentOption {
                deployment: deployment.clone(),
                quote,
                pessimistic_monthly_usd: plan
                    .as_ref()
                    .ok()
                    .map(|p| p.pessimistic().monthly_cost(volume)),
                optimistic_monthly_usd: plan
                    .as_ref()
                    .ok()
                    .map(|p| p.optimistic().monthly_cost(volume)),
                plan,
            }
        })
        .collect();
    let mut pairs = Vec::new();
    for (d, option) in deployments.iter().enumerate() {
        let Ok(plan) = &option.plan else { continue };
        for (a, api) in apis.iter().enumerate() {
            let Some(rate) = api.pricing.rate() else {
                continue;
            };
            let break_even = break_even(rate, plan);
            let at_volume = at_volume(rate, plan, volume);
            let pessimistic_cheaper_from = crate::breakeven::break_even(rate, &plan.pessimistic())
                .cheaper_from_tokens_per_month;
            let optimistic_cheaper_from = crate::breakeven::break_even(rate, &plan.optimistic())
                .cheaper_from_tokens_per_month;
            pairs.push(Pair {
                api: a,
                deployment: d,
                break_even,
                pessimistic_cheaper_from,
                optimistic_cheaper_from,
                at_volume,
            });
        }
    }
    Ok(Comparison {
        tokens_per_month: volume,
        apis,
        deployments,
        pairs,
    })
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
