//! Self-hosting an open model: a deployment (model x precision x GPU x engine
//! x rent or own), what fits, what it serves, and what it costs a month.

pub mod calibration;
pub mod cost;
pub mod memory;
pub mod throughput;

use serde::{Deserialize, Serialize};

use self::calibration::error_range;
use self::cost::{GpuMonthCost, SelfHostPlan};
use self::memory::{FitError, RequestShape, fit};
use self::throughput::estimate;
use crate::catalogue::{self, DEFAULTS, Engine, Gpu, OpenModel, Precision};
use crate::error::InputError;
use crate::workload::Workload;

/// Rent GPUs by the hour, or buy them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ownership {
    #[default]
    Rent,
    Own,
}

/// Values a person set in place of the catalogue's or the defaults'.
/// `None` means "use the default", so a scenario keeps following the
/// catalogue when prices are updated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Overrides {
    pub usd_per_gpu_hour: Option<f64>,
    /// Rented GPUs billed 730 h a month (true) or only in service hours.
    pub always_on: Option<bool>,
    pub purchase_usd_per_gpu: Option<f64>,
    pub life_years: Option<f64>,
    pub residual_share: Option<f64>,
    pub cost_of_capital_per_year: Option<f64>,
    pub electricity_usd_per_kwh: Option<f64>,
    pub pue: Option<f64>,
    pub hosting_usd_per_gpu_month: Option<f64>,
    /// Share of one engineer's time spent running the deployment.
    pub engineer_fte: Option<f64>,
    pub engineer_usd_per_month: Option<f64>,
    /// Share of a replica's capacity the busiest hour may use.
    pub target_utilisation: Option<f64>,
    pub min_replicas: Option<u32>,
    /// Your own measurement, output tokens per second per replica at your
    /// request shape; replaces the estimate.
    pub measured_output_tokens_per_second: Option<f64>,
}

/// A self-hosting option, named by catalogue ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    pub model: String,
    pub precision: Precision,
    pub gpu: String,
    pub engine: String,
    pub ownership: Ownership,
    pub overrides: Overrides,
}

/// Ranges the overrides must fall in.
pub mod limits {
    pub const USD_PER_GPU_HOUR: (f64, f64) = (0.0, 1_000.0);
    pub const PURCHASE_USD_PER_GPU: (f64, f64) = (0.0, 10_000_000.0);
    pub const LIFE_YEARS: (f64, f64) = (0.5, 20.0);
    pub const RESIDUAL_SHARE: (f64, f64) = (0.0, 0.95);
    pub const COST_OF_CAPITAL_PER_YEAR: (f64, f64) = (0.0, 1.0);
    pub const ELECTRICITY_USD_PER_KWH: (f64, f64) = (0.0, 10.0);
    pub const PUE: (f64, f64) = (1.0, 3.0);
    pub const HOSTING_USD_PER_GPU_MONTH: (f64, f64) = (0.0, 100_000.0);
    pub const ENGINEER_FTE: (f64, f64) = (0.0, 100.0);
    pub const ENGINEER_USD_PER_MONTH: (f64, f64) = (0.0, 1_000_000.0);
    pub const TARGET_UTILISATION: (f64, f64) = (0.05, 1.0);
    pub const MIN_REPLICAS: (u32, u32) = (1, 10_000);
    pub const MEASURED_OUTPUT_TOKENS_PER_SECOND: (f64, f64) = (0.001, 1e9);
}

/// Why a deployment has no price.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PlanError {
    Input { errors: Vec<InputError> },
    Fit { error: FitError },
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::Input { errors } => {
                let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(f, "{}", messages.join("; "))
            }
            PlanError::Fit { error } => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for PlanError {}

impl Deployment {
    /// A deployment with every default: rented, catalogue prices.
    pub fn new(model: &str, precision: Precision, gpu: &str, engine: &str) -> Deployment {
        Deployment {
            model: model.to_string(),
            precision,
            gpu: gpu.to_string(),
            engine: engine.to_string(),
            ownership: Ownership::Rent,
            overrides: Overrides::default(),
        }
    }

    pub fn model(&self) -> Option<&'static OpenModel> {
        catalogue::model(&self.model)
    }

    pub fn gpu(&self) -> Option<&'static Gpu> {
        catalogue::gpu(&self.gpu)
    }

    pub fn engine(&self) -> Option<&'static Engine> {
        catalogue::engine(&self.engine)
    }

    /// Sizes, estimates and prices the deployment for a workload's shape.
    pub fn plan(&self, workload: &Workload) -> Result<SelfHostPlan, PlanError> {
        let mut errors = Vec::new();
        let model = self.model();
        let gpu = self.gpu();
        let engine = self.engine();
        for (found, kind, id) in [
            (model.is_some(), "open model", &self.model),
            (gpu.is_some(), "GPU", &self.gpu),
            (engine.is_some(), "serving engine", &self.engine),
        ] {
            if !found {
                errors.push(InputError::UnknownId {
                    kind,
                    id: id.clone(),
                });
            }
        }
        let terms = self.terms();
        if let Err(mut e) = terms.validate() {
            errors.append(&mut e);
        }
        let (Some(model), Some(gpu), Some(engine), true) = (model, gpu, engine, errors.is_empty())
        else {
            return Err(PlanError::Input { errors });
        };

        let shape = RequestShape {
            input_tokens: workload.input_tokens_per_request,
            output_tokens: workload.output_tokens_per_request,
            cached_input_share: workload.cached_input_share,
        };
        let memory = fit(
            model,
            self.precision,
            gpu,
            engine,
            &shape,
            engine.concurrency,
        )
        .map_err(|error| PlanError::Fit { error })?;
        let throughput = estimate(
            model,
            self.precision,
            gpu,
            engine,
            memory.gpus_per_replica,
            memory.concurrency,
            &shape,
        );
        let tokens_per_output = shape.tokens() / shape.output_tokens;
        let capacity = match terms.measured_output_tokens_per_second {
            Some(measured) => Capacity {
                tokens_per_second: measured * tokens_per_output,
                low: measured * tokens_per_output,
                high: measured * tokens_per_output,
                measured: true,
            },
            None => {
                let range = error_range();
                let estimate = throughput.total_tokens_per_second;
                Capacity {
                    tokens_per_second: estimate,
                    low: estimate * range.low,
                    high: estimate * range.high,
                    measured: false,
                }
            }
        };
        let billed_hours_per_month = match (self.ownership, terms.always_on) {
            (Ownership::Rent, false) => workload.service_seconds_per_month() / 3600.0,
            _ => DEFAULTS.hours_per_month.value,
        };
        Ok(SelfHostPlan {
            model,
            gpu,
            engine,
            precision: self.precision,
            ownership: self.ownership,
            memory,
            throughput,
            capacity_tokens_per_second: capacity.tokens_per_second,
            capacity_low_tokens_per_second: capacity.low,
            capacity_high_tokens_per_second: capacity.high,
            measured: capacity.measured,
            per_gpu_month: terms.gpu_month_cost(self.ownership, gpu, billed_hours_per_month),
            operations_usd_per_month: terms.engineer_fte * terms.engineer_usd_per_month,
            min_replicas: terms.min_replicas,
            target_utilisation: terms.target_utilisation,
            billed_hours_per_month,
            peak_load_factor: workload.peak_load_factor(),
        })
    }

    /// Every cost term, overrides first, then defaults and the catalogue.
    pub fn terms(&self) -> CostTerms {
        let o = &self.overrides;
        let d = &DEFAULTS;
        let gpu = self.gpu();
        let default_fte = match self.ownership {
            Ownership::Rent => d.rented_engineer_fte.value,
            Ownership::Own => d.owned_engineer_fte.value,
        };
        CostTerms {
            usd_per_gpu_hour: o
                .usd_per_gpu_hour
                .unwrap_or_else(|| gpu.map_or(0.0, |g| g.rent_usd_per_gpu_hour.typical)),
            always_on: o.always_on.unwrap_or(d.always_on.value),
            purchase_usd_per_gpu: o
                .purchase_usd_per_gpu
                .unwrap_or_else(|| gpu.map_or(0.0, |g| g.purchase_usd_per_gpu)),
            life_years: o.life_years.unwrap_or(d.life_years.value),
            residual_share: o.residual_share.unwrap_or(d.residual_share.value),
            cost_of_capital_per_year: o
                .cost_of_capital_per_year
                .unwrap_or(d.cost_of_capital_per_year.value),
            electricity_usd_per_kwh: o
                .electricity_usd_per_kwh
                .unwrap_or(d.electricity_usd_per_kwh.value),
            pue: o.pue.unwrap_or(d.pue.value),
            hosting_usd_per_gpu_month: o
                .hosting_usd_per_gpu_month
                .unwrap_or(d.hosting_usd_per_gpu_month.value),
            engineer_fte: o.engineer_fte.unwrap_or(default_fte),
            engineer_usd_per_month: o
                .engineer_usd_per_month
                .unwrap_or(d.engineer_usd_per_month.value),
            target_utilisation: o.target_utilisation.unwrap_or(d.target_utilisation.value),
            min_replicas: o.min_replicas.unwrap_or(d.min_replicas.value),
            measured_output_tokens_per_second: o.measured_output_tokens_per_second,
        }
    }
}

struct Capacity {
    tokens_per_second: f64,
    low: f64,
    high: f64,
    measured: bool,
}

/// A deployment's cost terms with every default filled in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostTerms {
    pub usd_per_gpu_hour: f64,
    pub always_on: bool,
    pub purchase_usd_per_gpu: f64,
    pub life_years: f64,
    pub residual_share: f64,
    pub cost_of_capital_per_year: f64,
    pub electricity_usd_per_kwh: f64,
    pub pue: f64,
    pub hosting_usd_per_gpu_month: f64,
    pub engineer_fte: f64,
    pub engineer_usd_per_month: f64,
    pub target_utilisation: f64,
    pub min_replicas: u32,
    pub measured_output_tokens_per_second: Option<f64>,
}

impl CostTerms {
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        use limits::*;
        let mut errors = Vec::new();
        let mut check = |field, value, (min, max): (f64, f64)| {
            if let Err(e) = InputError::check_range(field, value, min, max) {
                errors.push(e);
            }
        };
        check(
            "GPU price per hour",
            self.usd_per_gpu_hour,
            USD_PER_GPU_HOUR,
        );
        check(
            "purchase price per GPU",
            self.purchase_usd_per_gpu,
            PURCHASE_USD_PER_GPU,
        );
        check("hardware life in years", self.life_years, LIFE_YEARS);
        check("residual value share", self.residual_share, RESIDUAL_SHARE);
        check(
            "cost of capital per year",
            self.cost_of_capital_per_year,
            COST_OF_CAPITAL_PER_YEAR,
        );
        check(
            "electricity price per kWh",
            self.electricity_usd_per_kwh,
            ELECTRICITY_USD_PER_KWH,
        );
        check("PUE", self.pue, PUE);
        check(
            "hosting per GPU per month",
            self.hosting_usd_per_gpu_month,
            HOSTING_USD_PER_GPU_MONTH,
        );
        check("engineer share (FTE)", self.engineer_fte, ENGINEER_FTE);
        check(
            "engineer cost per month",
            self.engineer_usd_per_month,
            ENGINEER_USD_PER_MONTH,
        );
        check(
            "target utilisation",
            self.target_utilisation,
            TARGET_UTILISATION,
        );
        check(
            "minimum replicas",
            f64::from(self.min_replicas),
            (f64::from(MIN_REPLICAS.0), f64::from(MIN_REPLICAS.1)),
        );
        if let Some(measured) = self.measured_output_tokens_per_second {
            check(
                "measured output tokens per second",
                measured,
                MEASURED_OUTPUT_TOKENS_PER_SECOND,
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// What one GPU costs a month.
    ///
    /// Rented: price per hour x billed hours. Owned: straight-line
    /// depreciation to the residual value over the life, interest on the
    /// average book value, board plus host power around the clock times
    /// PUE, and hosting.
    pub fn gpu_month_cost(
        &self,
        ownership: Ownership,
        gpu: &Gpu,
        billed_hours_per_month: f64,
    ) -> GpuMonthCost {
        match ownership {
            Ownership::Rent => GpuMonthCost {
                rental: self.usd_per_gpu_hour * billed_hours_per_month,
                ..GpuMonthCost::default()
            },
            Ownership::Own => {
                let purchase = self.purchase_usd_per_gpu;
                let residual = purchase * self.residual_share;
                let months = self.life_years * 12.0;
                let watts = gpu.board_power_w + DEFAULTS.host_power_w_per_gpu.value;
                let kwh = watts / 1000.0 * DEFAULTS.hours_per_month.value * self.pue;
                GpuMonthCost {
                    rental: 0.0,
                    depreciation: (purchase - residual) / months,
                    capital: (purchase + residual) / 2.0 * self.cost_of_capital_per_year / 12.0,
                    power: kwh * self.electricity_usd_per_kwh,
                    hosting: self.hosting_usd_per_gpu_month,
                }
            }
        }
    }
}
