//! Self-hosting an open model: a deployment (model x precision x GPU x engine
//! x rent or own), what fits, what it serves, and what it costs a month.

pub mod calibration;
pub mod cost;
pub mod first_token;
mod fit_error;
pub mod kv;
pub mod memory;
mod owning;
mod prompt_passes;
pub mod service_level;
pub mod throughput;
mod weights;

use serde::{Deserialize, Serialize};

use self::calibration::{ErrorRange, error_range};
use self::cost::SelfHostPlan;
use self::memory::{FitError, RequestShape, fit};
pub use self::owning::Acquisition;
use self::throughput::estimate;
use crate::catalogue::{self, DEFAULTS, Engine, EngineKind, Gpu, OpenModel, Precision};
use crate::error::InputError;
pub use crate::fields::Overrides;
use crate::fields::{Field, Place, Setting, SettingKind};
use crate::workload::Workload;
pub use service_level::{
    SpeedPoint, SpeedTrade, SureLevel, fastest_cheaper_speed, interactive_capacity_share,
    price_points, service_level_cap,
};

/// Rent GPUs by the hour, or buy them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ownership {
    #[default]
    Rent,
    Own,
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static PLANS_MADE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Plans made on this thread so far: a test holds `compare()` to one per
/// deployment (natively only; the widget does not count).
#[cfg(not(target_arch = "wasm32"))]
pub fn plans_made() -> usize {
    PLANS_MADE.with(|n| n.get())
}

/// A self-hosting option, named by catalogue ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deployment {
    pub model: String,
    pub precision: Precision,
    pub gpu: String,
    pub engine: String,
    pub ownership: Ownership,
    pub overrides: Overrides,
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
            PlanError::Input { errors } => write!(f, "{}", InputError::join(errors)),
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

    /// After a change of GPU: the first engine that runs on it where the
    /// chosen one does not, a format that engine loads
    /// ([`Deployment::suit_engine`]), and owned where no one rents the GPU
    /// out. A Mac picked for a rented vLLM deployment in FP8 gives
    /// llama.cpp, GGUF Q6_K, owned.
    pub fn suit_gpu(&mut self) {
        let Some(gpu) = self.gpu() else { return };
        let runs = |e: &&Engine| e.runs_on.contains(&gpu.vendor);
        if !self.engine().as_ref().is_some_and(runs)
            && let Some(engine) = catalogue::ENGINES.iter().find(runs)
        {
            self.engine = engine.id.to_string();
        }
        self.suit_engine();
        if gpu.rent_usd_per_gpu_hour.is_none() {
            self.ownership = Ownership::Own;
        }
    }

    /// After a change of engine: the format chosen if it loads it, else the
    /// first it loads that is no larger, else the first it loads.
    pub fn suit_engine(&mut self) {
        let Some(engine) = self.engine() else { return };
        if self.precision.loaded_by(engine) {
            return;
        }
        let wanted = self.precision.format().bytes_per_param;
        let loaded = Precision::ALL.into_iter().filter(|p| p.loaded_by(engine));
        if let Some(p) = loaded
            .clone()
            .find(|p| p.format().bytes_per_param <= wanted)
            .or_else(|| loaded.clone().next())
        {
            self.precision = p;
        }
    }

    /// Its name for a reader, even when it cannot be planned: "Llama 3.3
    /// 70B Instruct (FP8, H100 SXM) with vLLM"; an id not in the catalogue
    /// stands as written.
    pub fn label(&self) -> String {
        format!(
            "{} ({}, {}) with {}",
            self.model().map_or(self.model.as_str(), |m| m.name),
            self.precision.format().name,
            self.gpu().map_or(self.gpu.as_str(), |g| g.short_name),
            self.engine().map_or(self.engine.as_str(), |e| e.name),
        )
    }

    /// Sizes, estimates and prices the deployment for a workload's shape.
    pub fn plan(&self, workload: &Workload) -> Result<SelfHostPlan, PlanError> {
        #[cfg(not(target_arch = "wasm32"))]
        PLANS_MADE.with(|n| n.set(n.get() + 1));
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
        if let Err(mut e) = self.validate() {
            errors.append(&mut e);
        }
        // Renting, or a fine-tuning run (rented by the hour), needs a price per GPU-hour.
        let needs_hourly_price =
            self.ownership == Ownership::Rent || self.number(Field::FinetuneGpuHours) > 0.0;
        if gpu.is_some() && needs_hourly_price && self.value(Field::UsdPerGpuHour).is_none() {
            errors.push(InputError::Missing {
                field: Field::UsdPerGpuHour,
            });
        }
        let (Some(model), Some(gpu), Some(engine), true) = (model, gpu, engine, errors.is_empty())
        else {
            return Err(PlanError::Input { errors });
        };

        let shape = RequestShape::of(workload);
        let memory = fit(
            model,
            self.precision,
            gpu,
            engine,
            &shape,
            engine.concurrency,
        )
        .map_err(|error| PlanError::Fit { error })?;
        let at = |concurrency: u32| {
            estimate(
                model,
                self.precision,
                gpu,
                engine,
                memory.gpus_per_replica,
                concurrency,
                &shape,
            )
        };
        let full = at(memory.concurrency);
        let (throughput, interactive_share, sequences_in_flight) =
            match service_level_cap(workload, memory.concurrency, at)
                .map_err(|error| PlanError::Fit { error })?
            {
                None => (full, 1.0, memory.concurrency),
                Some(cap) => {
                    let capped = at(cap);
                    let share = interactive_capacity_share(workload, &capped, &full);
                    (capped, share, cap)
                }
            };
        let sure =
            service_level::sure_level(workload, sequences_in_flight, memory.concurrency, at, &full);
        // Measured at the engine's full batch; a service level caps it as it caps the estimate.
        let measured = self.value(Field::MeasuredTokensPerSecond);
        let full_capacity_tokens_per_second = match measured {
            Some(measured) => measured * shape.tokens() / shape.output_tokens,
            None => full.total_tokens_per_second,
        };
        let served = full_capacity_tokens_per_second * interactive_share;
        let range = match measured {
            Some(_) => ErrorRange {
                low: 1.0,
                high: 1.0,
            },
            None => error_range(),
        };
        let billed_hours_per_month = match (self.ownership, self.flag(Field::AlwaysOn)) {
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
            sequences_in_flight,
            capacity_tokens_per_second: served,
            capacity_low_tokens_per_second: served * range.low,
            capacity_high_tokens_per_second: served * range.high,
            measured: measured.is_some(),
            full_throughput: full,
            full_capacity_tokens_per_second,
            sure,
            per_gpu_month: self.gpu_month_cost(gpu, billed_hours_per_month),
            working_power_usd_per_replica_hour: self.working_power_usd_per_gpu_hour(gpu)
                * f64::from(memory.gpus_per_replica),
            operations_usd_per_month: self.number(Field::EngineerFte)
                * self.number(Field::EngineerUsdPerMonth),
            one_off_usd_per_month: self.one_off_usd() / self.number(Field::OneOffMonths),
            one_off_usd: self.one_off_usd(),
            life_months: self.number(Field::LifeYears) * 12.0,
            purchase_usd_per_gpu: self.purchase_usd_per_gpu(),
            installation_usd_per_gpu: self.installation_usd_per_gpu(),
            min_replicas: self.number(Field::MinReplicas) as u32,
            target_utilisation: self.number(Field::TargetUtilisation),
            billed_hours_per_month,
            peak_load_factor: workload.peak_load_factor(),
        })
    }

    /// The value in force: the override, else the default; `None` for a
    /// quantity with no default that nobody set.
    pub fn value(&self, field: Field) -> Option<f64> {
        self.overrides.get(field).or_else(|| {
            field
                .spec()
                .default_for(Some(self.setting()))
                .map(|d| d.value)
        })
    }

    /// A value every deployment has (a default exists); 0 otherwise.
    pub(super) fn number(&self, field: Field) -> f64 {
        self.value(field).unwrap_or(0.0)
    }

    fn flag(&self, field: Field) -> bool {
        self.number(field) != 0.0
    }

    /// Every value in force checked against its range in [`crate::fields`].
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let errors: Vec<InputError> = Field::deployment()
            .filter_map(|field| self.value(field).and_then(|v| field.spec().check(v).err()))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// A machine you own and run yourself: owned hardware served by a local
    /// engine. It takes the personal defaults (no engineer, no hosting,
    /// household electricity, no facility overhead).
    pub fn is_personal(&self) -> bool {
        self.engine()
            .is_some_and(|e| is_personal(self.ownership, e.kind))
    }

    /// What its defaults depend on.
    pub fn setting(&self) -> Setting {
        let kind = match self.ownership {
            _ if self.is_personal() => SettingKind::Personal,
            Ownership::Own => SettingKind::Owned,
            Ownership::Rent => SettingKind::Rented,
        };
        Setting {
            kind,
            gpu: self.gpu(),
            already_owned: self.already_owned(),
        }
    }

    /// Whether `field` applies to this deployment as it is (rent or own).
    pub fn applies(&self, field: Field) -> bool {
        match field.spec().place {
            Place::Deployment { applies } => applies.to(self.setting()),
            Place::Workload { .. } | Place::Custom => false,
        }
    }

    /// Paid once before the first token: setup and integration, and a
    /// fine-tuning run at the GPU's hourly price.
    pub fn one_off_usd(&self) -> f64 {
        self.number(Field::SetupUsd)
            + self.number(Field::FinetuneGpuHours) * self.number(Field::UsdPerGpuHour)
    }
}

/// Owned hardware behind a local engine: a machine you own and run yourself.
pub fn is_personal(ownership: Ownership, engine: EngineKind) -> bool {
    ownership == Ownership::Own && engine == EngineKind::Local
}
