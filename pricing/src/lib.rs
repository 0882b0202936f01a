//! The Crossover pricing model: what a monthly token workload costs on
//! per-token APIs and on self-hosted open models, and at which volumes the
//! cheaper choice flips.
//!
//! Data flows one way: the catalogue ([`catalogue`]) and a [`Scenario`]
//! go into [`compare()`], which sizes each deployment ([`selfhost`]), prices
//! each API ([`api`]) and solves each pair's break-even ([`breakeven`]).
//! [`link`] reads and writes a scenario's text form, [`units`] the numbers
//! people type, [`fields`] lists every editable quantity, and [`words`]
//! writes the sentences. Nothing here knows about browsers.
#![forbid(unsafe_code)]

pub mod api;
pub mod breakeven;
pub mod catalogue;
pub mod compare;
pub mod date;
pub mod day_profile;
pub mod export;
pub mod fields;
pub mod hybrid;
pub mod link;
pub mod price_list;
pub mod scenario;
pub mod selfhost;
pub mod sensitivity;
pub mod units;
pub mod view;
pub mod words;
pub mod workload;

pub use api::{ApiPricing, ApiRate, api_rate};
pub use breakeven::{AtVolume, BreakEven, Interval, at_volume, break_even};
pub use catalogue::Precision;
pub use compare::{Comparison, Planned, compare, plan_scenario};
pub use fields::error;
pub use fields::error::InputError;
pub use fields::{Field, FieldSpec};
pub use scenario::Scenario;
pub use selfhost::cost::{SelfHostPlan, SelfHostQuote};
pub use selfhost::{Acquisition, Deployment, Overrides, Ownership, PlanError};
pub use workload::Workload;

/// Catalogue entries are serialised as their id.
pub(crate) trait HasId {
    fn id(&self) -> &'static str;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(impl HasId for $t { fn id(&self) -> &'static str { self.id } })*};
}
has_id!(
    catalogue::ApiOffering,
    catalogue::OpenModel,
    catalogue::Gpu,
    catalogue::Engine
);

pub(crate) fn serialize_id<S: serde::Serializer, T: HasId>(
    item: &&'static T,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(item.id())
}
