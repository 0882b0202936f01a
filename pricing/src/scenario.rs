//! A scenario: the workload, the APIs and the deployments to compare, with
//! every override: what is priced, and nothing about how it is shown
//! ([`crate::view`]). Its text form is in [`crate::link`].

use serde::Serialize;

use crate::api::CustomOffering;
use crate::catalogue::{DEFAULTS, price_dates};
use crate::date::Date;
use crate::selfhost::Deployment;
use crate::workload::Workload;

/// At most this many API offerings in one comparison.
pub const MAX_APIS: usize = 12;
/// At most this many deployments in one comparison.
pub const MAX_DEPLOYMENTS: usize = 8;
/// At most this many offerings priced by the person.
pub const MAX_CUSTOM: usize = 4;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub workload: Workload,
    /// Ids of API offerings in the catalogue.
    pub apis: Vec<String>,
    /// Offerings at prices the person typed.
    pub custom: Vec<CustomOffering>,
    pub deployments: Vec<Deployment>,
    /// The day prices are taken from, within [`price_dates`].
    pub date: Date,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            workload: Workload::default(),
            apis: DEFAULTS
                .default_apis
                .iter()
                .map(|id| id.to_string())
                .collect(),
            custom: Vec::new(),
            deployments: DEFAULTS
                .default_deployments
                .iter()
                .map(|d| Deployment::new(d.model, d.precision, d.gpu, d.engine))
                .collect(),
            date: price_dates().1,
        }
    }
}

impl Scenario {
    /// The scenario with its volume set aside: what [`crate::compare::plan_scenario`]
    /// depends on, so two scenarios that differ only in volume plan alike.
    pub fn without_volume(&self) -> Scenario {
        Scenario {
            workload: Workload {
                tokens_per_month: 0.0,
                ..self.workload
            },
            ..self.clone()
        }
    }
}
