//! Every quantity a person can edit, in one table.
//!
//! A row gives a quantity's share-link key, its name in messages, its label
//! and unit in forms, its kind (how it is typed and shown), its range, where
//! its default comes from, and where it lives in a [`Scenario`]. The link
//! reader and writer, validation, the widget's fields, the CLI's listing and
//! the tables in `docs/share-links.md` all read this table; adding a quantity
//! is a row here plus the formula that uses it.
//!
//! [`Scenario`]: crate::Scenario

use serde::Serialize;

pub mod error;
mod workload;

use self::error::InputError;
use crate::catalogue::{Basis, Cite, DEFAULTS, Defaults, Gpu, Sourced};
use crate::units::{
    ParseNumberError, format_count, format_exact, format_percent, format_plain, format_trimmed,
    format_usd, parse_quantity,
};
use crate::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH, Workload};

/// How a quantity is typed and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// Many of something: `2.5B`, `40,000`.
    Count,
    /// US dollars: `$2.20`, `30k`.
    Money,
    /// A share of a whole: `20%`, or the fraction `0.2`.
    Share,
    /// A plain number: years, a ratio, hours.
    Number,
    /// A whole number.
    Whole,
    /// On or off: `1`/`0` (also `true`/`false`, `yes`/`no`).
    Flag,
}

/// Which deployments a quantity applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applies {
    Always,
    Rented,
    Owned,
    /// Owned hardware bought for this, not hardware already owned.
    Bought,
}

impl Applies {
    pub fn to(self, setting: Setting) -> bool {
        match self {
            Applies::Always => true,
            Applies::Rented => setting.kind == SettingKind::Rented,
            Applies::Owned => setting.kind != SettingKind::Rented,
            Applies::Bought => setting.kind != SettingKind::Rented && !setting.already_owned,
        }
    }
}

/// What a deployment's defaults depend on: whose hardware it runs on, and
/// the GPU whose prices it takes. The table reads this, not the deployment,
/// so that it knows nothing of the self-hosting model that reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setting {
    pub kind: SettingKind,
    pub gpu: Option<&'static Gpu>,
    /// Owned hardware that is already yours: nothing to buy.
    pub already_owned: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    Rented,
    /// Owned hardware in a data centre.
    Owned,
    /// A machine you own and run yourself, served by a local engine.
    Personal,
}

/// A default from `data/assumptions.toml`, as a number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Assumed {
    pub value: f64,
    pub basis: Basis,
    /// Its place in `data/assumptions.toml` ([`Sourced::index`]); unused
    /// for one from `data/gpus.toml`, whose words the tables hold.
    pub index: u16,
    /// In the reader's words: what it is and why.
    pub says: &'static str,
    pub cite: Option<Cite>,
}

/// A field's help: its default in words, and who published it.
#[derive(Debug, Clone, PartialEq)]
pub struct Help {
    pub text: String,
    pub cite: Option<Cite>,
}

impl Assumed {
    /// What the reader is told of it, and who published it: as the tables
    /// hold it, or from the price list for a default whose words the
    /// widget's tables leave out (nothing before the list is loaded).
    pub fn words(&self) -> (&'static str, Option<Cite>) {
        if self.says.is_empty() {
            crate::price_list::assumption_words(self.index).unwrap_or(("", None))
        } else {
            (self.says, self.cite)
        }
    }
}

impl From<String> for Help {
    fn from(text: String) -> Help {
        Help { text, cite: None }
    }
}

impl From<&Sourced<f64>> for Assumed {
    fn from(s: &Sourced<f64>) -> Self {
        Assumed {
            value: s.value,
            basis: s.basis,
            index: s.index,
            says: s.says,
            cite: s.cite,
        }
    }
}

impl From<&Sourced<u32>> for Assumed {
    fn from(s: &Sourced<u32>) -> Self {
        Assumed {
            value: f64::from(s.value),
            basis: s.basis,
            index: s.index,
            says: s.says,
            cite: s.cite,
        }
    }
}

impl From<&Sourced<bool>> for Assumed {
    fn from(s: &Sourced<bool>) -> Self {
        Assumed {
            value: if s.value { 1.0 } else { 0.0 },
            basis: s.basis,
            index: s.index,
            says: s.says,
            cite: s.cite,
        }
    }
}

/// Where a quantity's default comes from.
#[derive(Clone, Copy)]
pub enum DefaultFrom {
    /// `data/assumptions.toml`.
    Assumption(fn(&'static Defaults) -> Assumed),
    /// One for rented GPUs, one for owned ones in a data centre, one for a
    /// machine you own and run yourself ([`SettingKind::Personal`]).
    BySetting {
        rented: fn(&'static Defaults) -> Assumed,
        owned: fn(&'static Defaults) -> Assumed,
        personal: fn(&'static Defaults) -> Assumed,
    },
    /// One for owned hardware in a data centre, one for a personal machine.
    OwnedOrPersonal {
        owned: fn(&'static Defaults) -> Assumed,
        personal: fn(&'static Defaults) -> Assumed,
    },
    /// The GPU's typical rental price in `data/gpus.toml`.
    GpuRent,
    /// The GPU's purchase price in `data/gpus.toml`.
    GpuPurchase,
    /// No default: the quantity is used only when someone sets it.
    Unset,
}

/// Where a quantity lives in a scenario.
#[derive(Clone, Copy)]
pub enum Place {
    /// A field of the [`Workload`].
    Workload {
        get: fn(&Workload) -> f64,
        set: fn(&mut Workload, f64),
    },
    /// An override of one deployment, kept in its [`Overrides`].
    Deployment { applies: Applies },
    /// A price of an offering a person adds, kept in its [`Overrides`].
    Custom,
}

/// The part of a scenario a key is read in: `tpm`, `dN.gpuh`, `cN.in`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Workload,
    Deployment,
    Custom,
}

impl Place {
    pub fn scope(self) -> Scope {
        match self {
            Place::Workload { .. } => Scope::Workload,
            Place::Deployment { .. } => Scope::Deployment,
            Place::Custom => Scope::Custom,
        }
    }
}

/// One editable quantity.
#[derive(Serialize)]
pub struct FieldSpec {
    pub field: Field,
    /// In share links: `tpm`, or `gpuh` after `dN.`.
    pub key: &'static str,
    /// In messages: "GPU price per hour must be between ...".
    pub name: &'static str,
    /// In forms, with `unit` after the input.
    pub label: &'static str,
    pub unit: &'static str,
    /// One line for the documentation (left out of the widget).
    #[cfg(feature = "notes")]
    pub meaning: &'static str,
    pub kind: FieldKind,
    pub min: f64,
    pub max: f64,
    #[serde(skip)]
    pub default: DefaultFrom,
    #[serde(skip)]
    pub place: Place,
}

macro_rules! fields {
    ($($variant:ident { meaning: $meaning:literal, $($body:tt)* },)*) => {
        /// An editable quantity; [`Field::spec`] has everything about it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Field { $($variant,)* }

        /// Every editable quantity, in the order forms show them.
        pub static FIELDS: &[FieldSpec] = &[$(FieldSpec {
            field: Field::$variant,
            #[cfg(feature = "notes")]
            meaning: $meaning,
            $($body)*
        },)*];
    };
}

fields! {
    TokensPerMonth {
        meaning: "tokens per month, input and output together",
        key: "tpm", name: "tokens per month", label: "Tokens per month", unit: "tokens",
        kind: FieldKind::Count, min: MIN_TOKENS_PER_MONTH, max: MAX_TOKENS_PER_MONTH,
        default: DefaultFrom::Assumption(|d| (&d.tokens_per_month).into()),
        place: Place::Workload { get: |w| w.tokens_per_month, set: |w, v| w.tokens_per_month = v },
    },
    InputTokens {
        meaning: "input tokens per request, including any cached prefix",
        key: "in", name: "input tokens per request", label: "Input tokens per request", unit: "tokens",
        kind: FieldKind::Count, min: 0.0, max: 1e7,
        default: DefaultFrom::Assumption(|d| (&d.input_tokens_per_request).into()),
        place: Place::Workload { get: |w| w.input_tokens_per_request, set: |w, v| w.input_tokens_per_request = v },
    },
    OutputTokens {
        meaning: "output tokens per request, including any reasoning tokens",
        key: "out", name: "output tokens per request", label: "Output tokens per request", unit: "tokens",
        kind: FieldKind::Count, min: 1.0, max: 1e6,
        default: DefaultFrom::Assumption(|d| (&d.output_tokens_per_request).into()),
        place: Place::Workload { get: |w| w.output_tokens_per_request, set: |w, v| w.output_tokens_per_request = v },
    },
    CachedShare {
        meaning: "share of input tokens read from a prompt cache",
        key: "cache", name: "cached share of input", label: "Cached share of input", unit: "of input",
        kind: FieldKind::Share, min: 0.0, max: 1.0,
        default: DefaultFrom::Assumption(|d| (&d.cached_input_share).into()),
        place: Place::Workload { get: |w| w.cached_input_share, set: |w, v| w.cached_input_share = v },
    },
    CacheWriteShare {
        meaning: "share of input tokens written to a prompt cache; with `cache`, at most 100%",
        key: "write", name: "cache-write share of input", label: "Cache-write share of input", unit: "of input",
        kind: FieldKind::Share, min: 0.0, max: 1.0,
        default: DefaultFrom::Assumption(|d| (&d.cache_write_share).into()),
        place: Place::Workload { get: |w| w.cache_write_share, set: |w, v| w.cache_write_share = v },
    },
    BatchShare {
        meaning: "share of traffic that can use a batch API or wait for off-peak capacity",
        key: "batch", name: "batch share", label: "Batch-eligible share of traffic", unit: "of traffic",
        kind: FieldKind::Share, min: 0.0, max: 1.0,
        default: DefaultFrom::Assumption(|d| (&d.batch_share).into()),
        place: Place::Workload { get: |w| w.batch_share, set: |w, v| w.batch_share = v },
    },
    PeakToAverage {
        meaning: "busiest hour over the average of the service hours",
        key: "peak", name: "peak-to-average ratio", label: "Busiest hour over the average", unit: "×",
        kind: FieldKind::Number, min: 1.0, max: 100.0,
        default: DefaultFrom::Assumption(|d| (&d.peak_to_average).into()),
        place: Place::Workload { get: |w| w.peak_to_average, set: |w, v| w.peak_to_average = v },
    },
    ServiceHours {
        meaning: "hours a day the traffic arrives in",
        key: "hours", name: "service hours per day", label: "Service hours per day", unit: "hours",
        kind: FieldKind::Number, min: 1.0, max: 24.0,
        default: DefaultFrom::Assumption(|d| (&d.service_hours_per_day).into()),
        place: Place::Workload { get: |w| w.service_hours_per_day, set: |w, v| w.service_hours_per_day = v },
    },
    ServiceStart {
        meaning: "when the service hours begin, hours after midnight in the workload's time zone (9 = 09:00); prices that depend on the hour follow it",
        key: "start", name: "start of the service hours", label: "Service hours begin at", unit: "h, local time",
        kind: FieldKind::Number, min: 0.0, max: 23.99,
        default: DefaultFrom::Assumption(|d| (&d.service_start_hour).into()),
        place: Place::Workload { get: |w| w.service_start_hour, set: |w, v| w.service_start_hour = v },
    },
    UtcOffset {
        meaning: "the workload's time zone, hours ahead of UTC (New York -5, London 0, Beijing 8, India 5.5); prices that depend on the hour follow it",
        key: "tz", name: "time zone", label: "Time zone", unit: "hours from UTC",
        kind: FieldKind::Number, min: -12.0, max: 14.0,
        default: DefaultFrom::Assumption(|d| (&d.utc_offset_hours).into()),
        place: Place::Workload { get: |w| w.utc_offset_hours, set: |w, v| w.utc_offset_hours = v },
    },
    SetupUsd {
        meaning: "setup and integration, paid once, USD; spread over the one-off months",
        key: "setup", name: "setup and integration", label: "Setup and integration", unit: "USD, once",
        kind: FieldKind::Money, min: 0.0, max: 1e9,
        default: DefaultFrom::Assumption(|d| (&d.setup_usd).into()),
        place: Place::Deployment { applies: Applies::Always },
    },
    FinetuneGpuHours {
        meaning: "a fine-tuning run, GPU-hours of this GPU at its rental price, paid once",
        key: "ft", name: "fine-tuning GPU-hours", label: "Fine-tuning run", unit: "GPU-hours, once",
        kind: FieldKind::Number, min: 0.0, max: 1e7,
        default: DefaultFrom::Assumption(|d| (&d.finetune_gpu_hours).into()),
        place: Place::Deployment { applies: Applies::Always },
    },
    OneOffMonths {
        meaning: "months the one-off costs are spread over",
        key: "spread", name: "months to spread one-off costs over", label: "Spread one-off costs over", unit: "months",
        kind: FieldKind::Number, min: 1.0, max: 240.0,
        default: DefaultFrom::Assumption(|d| (&d.one_off_months).into()),
        place: Place::Deployment { applies: Applies::Always },
    },
    MaintenanceShare {
        meaning: "yearly maintenance of bought hardware, as a share of its price",
        key: "maint", name: "maintenance per year", label: "Maintenance", unit: "of purchase a year",
        kind: FieldKind::Share, min: 0.0, max: 1.0,
        default: DefaultFrom::OwnedOrPersonal {
            owned: |d| (&d.maintenance_share_per_year).into(),
            personal: |d| (&d.personal_maintenance_share_per_year).into(),
        },
        place: Place::Deployment { applies: Applies::Bought },
    },
    InstallationShare {
        meaning: "installing bought hardware, as a share of its price, paid once with the purchase",
        key: "inst", name: "installation", label: "Installation", unit: "of purchase, once",
        kind: FieldKind::Share, min: 0.0, max: 1.0,
        default: DefaultFrom::OwnedOrPersonal {
            owned: |d| (&d.installation_share).into(),
            personal: |d| (&d.personal_installation_share).into(),
        },
        place: Place::Deployment { applies: Applies::Bought },
    },
    UserSpeed {
        meaning: "service level: the slowest generation speed each interactive user accepts, output tokens/s; 0 for none (batch traffic is exempt)",
        key: "speed", name: "slowest output speed per user", label: "Slowest speed per user", unit: "output tokens/s (0: no target)",
        kind: FieldKind::Number, min: 0.0, max: 10_000.0,
        default: DefaultFrom::Assumption(|d| (&d.min_user_output_tokens_per_second).into()),
        place: Place::Workload { get: |w| w.min_user_output_tokens_per_second, set: |w, v| w.min_user_output_tokens_per_second = v },
    },
    FirstTokenSeconds {
        meaning: "service level: the longest wait for the first token at the busiest hour, seconds; 0 for none (batch traffic is exempt)",
        key: "ttft", name: "longest time to first token", label: "Longest wait for the first token", unit: "seconds (0: no target)",
        kind: FieldKind::Number, min: 0.0, max: 600.0,
        default: DefaultFrom::Assumption(|d| (&d.max_time_to_first_token_seconds).into()),
        place: Place::Workload { get: |w| w.max_time_to_first_token_seconds, set: |w, v| w.max_time_to_first_token_seconds = v },
    },
    AlreadyOwned {
        meaning: "owned: `1` the hardware is already yours (nothing to buy: no purchase, installation, depreciation, capital or maintenance; only what running it adds), `0` bought for this",
        key: "have", name: "already owned", label: "Already own it", unit: "",
        kind: FieldKind::Flag, min: 0.0, max: 1.0,
        default: DefaultFrom::Unset,
        place: Place::Deployment { applies: Applies::Owned },
    },
    PurchaseUsdPerGpu {
        meaning: "purchase price per GPU, with its share of the server",
        key: "buy", name: "purchase price per GPU", label: "Purchase price", unit: "USD per GPU",
        kind: FieldKind::Money, min: 0.0, max: 1e7,
        default: DefaultFrom::GpuPurchase,
        place: Place::Deployment { applies: Applies::Bought },
    },
    LifeYears {
        meaning: "years over which bought hardware is depreciated",
        key: "life", name: "hardware life in years", label: "Hardware life", unit: "years",
        kind: FieldKind::Number, min: 0.5, max: 20.0,
        default: DefaultFrom::Assumption(|d| (&d.life_years).into()),
        place: Place::Deployment { applies: Applies::Bought },
    },
    ResidualShare {
        meaning: "what bought hardware is worth at the end of its life, as a share of its price",
        key: "resid", name: "residual value share", label: "Residual value", unit: "of purchase",
        kind: FieldKind::Share, min: 0.0, max: 0.95,
        default: DefaultFrom::Assumption(|d| (&d.residual_share).into()),
        place: Place::Deployment { applies: Applies::Bought },
    },
    CostOfCapital {
        meaning: "yearly interest on the money tied up in bought hardware",
        key: "capital", name: "cost of capital per year", label: "Cost of capital", unit: "a year",
        kind: FieldKind::Share, min: 0.0, max: 1.0,
        default: DefaultFrom::Assumption(|d| (&d.cost_of_capital_per_year).into()),
        place: Place::Deployment { applies: Applies::Bought },
    },
    ElectricityUsdPerKwh {
        meaning: "electricity, USD per kWh",
        key: "kwh", name: "electricity price per kWh", label: "Electricity", unit: "USD per kWh",
        kind: FieldKind::Money, min: 0.0, max: 10.0,
        default: DefaultFrom::OwnedOrPersonal {
            owned: |d| (&d.electricity_usd_per_kwh).into(),
            personal: |d| (&d.household_electricity_usd_per_kwh).into(),
        },
        place: Place::Deployment { applies: Applies::Owned },
    },
    Pue {
        meaning: "power usage effectiveness: the building's power over the IT equipment's",
        key: "pue", name: "PUE", label: "PUE", unit: "× IT power",
        kind: FieldKind::Number, min: 1.0, max: 3.0,
        default: DefaultFrom::OwnedOrPersonal {
            owned: |d| (&d.pue).into(),
            personal: |d| (&d.personal_pue).into(),
        },
        place: Place::Deployment { applies: Applies::Owned },
    },
    HostingUsdPerGpuMonth {
        meaning: "rack space and facility, USD per GPU-month",
        key: "host", name: "hosting per GPU per month", label: "Hosting", unit: "USD per GPU-month",
        kind: FieldKind::Money, min: 0.0, max: 1e5,
        default: DefaultFrom::OwnedOrPersonal {
            owned: |d| (&d.hosting_usd_per_gpu_month).into(),
            personal: |d| (&d.personal_hosting_usd_per_gpu_month).into(),
        },
        place: Place::Deployment { applies: Applies::Owned },
    },
    UsdPerGpuHour {
        meaning: "rental price, USD per GPU-hour",
        key: "gpuh", name: "GPU price per hour", label: "GPU price", unit: "USD per GPU-hour",
        kind: FieldKind::Money, min: 0.0, max: 1_000.0,
        default: DefaultFrom::GpuRent,
        place: Place::Deployment { applies: Applies::Rented },
    },
    AlwaysOn {
        meaning: "rented: `1` billed 730 h a month, `0` only in service hours",
        key: "on", name: "billed around the clock", label: "Billed around the clock", unit: "",
        kind: FieldKind::Flag, min: 0.0, max: 1.0,
        default: DefaultFrom::Assumption(|d| (&d.always_on).into()),
        place: Place::Deployment { applies: Applies::Rented },
    },
    EngineerFte {
        meaning: "share of one engineer's time spent running the deployment",
        key: "fte", name: "engineer share (FTE)", label: "Engineering time", unit: "FTE",
        kind: FieldKind::Number, min: 0.0, max: 100.0,
        default: DefaultFrom::BySetting {
            rented: |d| (&d.rented_engineer_fte).into(),
            owned: |d| (&d.owned_engineer_fte).into(),
            personal: |d| (&d.personal_engineer_fte).into(),
        },
        place: Place::Deployment { applies: Applies::Always },
    },
    EngineerUsdPerMonth {
        meaning: "loaded cost of one engineer, USD per month",
        key: "eng", name: "engineer cost per month", label: "Engineer cost", unit: "USD per month, loaded",
        kind: FieldKind::Money, min: 0.0, max: 1e6,
        default: DefaultFrom::Assumption(|d| (&d.engineer_usd_per_month).into()),
        place: Place::Deployment { applies: Applies::Always },
    },
    TargetUtilisation {
        meaning: "share of a replica's capacity the busiest hour may use",
        key: "util", name: "target utilisation", label: "Target utilisation at peak", unit: "of capacity",
        kind: FieldKind::Share, min: 0.05, max: 1.0,
        default: DefaultFrom::Assumption(|d| (&d.target_utilisation).into()),
        place: Place::Deployment { applies: Applies::Always },
    },
    MinReplicas {
        meaning: "replicas kept running however low the traffic",
        key: "min", name: "minimum replicas", label: "Minimum replicas", unit: "replicas",
        kind: FieldKind::Whole, min: 1.0, max: 10_000.0,
        default: DefaultFrom::Assumption(|d| (&d.min_replicas).into()),
        place: Place::Deployment { applies: Applies::Always },
    },
    CustomInput {
        meaning: "your price for input tokens, USD per 1M",
        key: "in", name: "your input price", label: "Input", unit: "USD per 1M tokens",
        kind: FieldKind::Money, min: 0.0, max: 10_000.0,
        default: DefaultFrom::Unset,
        place: Place::Custom,
    },
    CustomCachedInput {
        meaning: "your price for input tokens read from a prompt cache, USD per 1M; without it, the input price",
        key: "cached", name: "your cached input price", label: "Cached input", unit: "USD per 1M tokens",
        kind: FieldKind::Money, min: 0.0, max: 10_000.0,
        default: DefaultFrom::Unset,
        place: Place::Custom,
    },
    CustomOutput {
        meaning: "your price for output tokens, USD per 1M",
        key: "out", name: "your output price", label: "Output", unit: "USD per 1M tokens",
        kind: FieldKind::Money, min: 0.0, max: 10_000.0,
        default: DefaultFrom::Unset,
        place: Place::Custom,
    },
    MeasuredTokensPerSecond {
        meaning: "your own measurement, output tokens/s per replica at your request shape; replaces the estimate",
        key: "tps", name: "measured output tokens per second", label: "Your measured throughput",
        unit: "output tokens/s per replica",
        kind: FieldKind::Count, min: 0.001, max: 1e9,
        default: DefaultFrom::Unset,
        place: Place::Deployment { applies: Applies::Always },
    },
}

impl Field {
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self as usize]
    }

    /// The quantities of one part of a scenario, in form order.
    pub fn of(scope: Scope) -> impl Iterator<Item = Field> {
        FIELDS
            .iter()
            .filter(move |s| s.place.scope() == scope)
            .map(|s| s.field)
    }

    /// The workload's quantities, in form order.
    pub fn workload() -> impl Iterator<Item = Field> {
        Field::of(Scope::Workload)
    }

    /// A deployment's overridable quantities, in form order.
    pub fn deployment() -> impl Iterator<Item = Field> {
        Field::of(Scope::Deployment)
    }

    /// The quantity a link key names in a part of the scenario.
    pub fn from_key(scope: Scope, key: &str) -> Option<Field> {
        Field::of(scope).find(|f| f.spec().key == key)
    }
}

/// Why a typed value was not taken.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    Parse(ParseNumberError),
    /// A share that is not a number: its hint is a percentage's, not a volume's.
    NotAShare,
    Flag,
    Invalid(InputError),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Parse(e) => write!(f, "{e}"),
            ReadError::NotAShare => write!(f, "not a percentage; try 20%"),
            ReadError::Flag => write!(f, "expected 1 or 0"),
            ReadError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl FieldSpec {
    /// Reads what a person typed or a link holds, as this quantity: the
    /// same text means the same value wherever it is written.
    pub fn read(&self, text: &str) -> Result<f64, ReadError> {
        let text = text.trim();
        let value = match self.kind {
            FieldKind::Flag => match text.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => 1.0,
                "0" | "false" | "no" | "off" => 0.0,
                _ => return Err(ReadError::Flag),
            },
            FieldKind::Share => {
                let (number, scale) = match text.strip_suffix('%') {
                    Some(percent) => (percent, 100.0),
                    None => (text, 1.0),
                };
                match parse_quantity(number) {
                    Err(ParseNumberError::NotANumber) => return Err(ReadError::NotAShare),
                    read => read.map_err(ReadError::Parse)? / scale,
                }
            }
            _ => parse_quantity(text).map_err(ReadError::Parse)?,
        };
        self.check(value).map_err(ReadError::Invalid)?;
        Ok(value)
    }

    /// Reads what a person typed into this quantity's form field: as
    /// [`FieldSpec::read`], except that a share's field shows a percentage,
    /// so a bare number typed there is one (50 is 50%, not 5,000%).
    pub fn read_typed(&self, text: &str) -> Result<f64, ReadError> {
        let text = text.trim();
        if self.kind == FieldKind::Share && !text.ends_with('%') {
            return self.read(&format!("{text}%"));
        }
        self.read(text)
    }

    /// Reads a US-dollar quantity typed in the reader's currency: the
    /// dollars it means, checked as dollars, and refused in the currency it
    /// was typed in ("your input price must be between ¥0 and ¥1.5M; got
    /// ¥2M").
    pub fn read_in_currency(&self, text: &str, money: &crate::view::Money) -> Result<f64, String> {
        let typed = parse_quantity(text.trim()).map_err(|e| e.to_string())?;
        let usd = typed / money.per_usd;
        match self.check(usd) {
            Ok(()) => Ok(usd),
            Err(_) => Err(format!(
                "{} must be between {} and {}; got {}",
                self.name,
                crate::view::format_money(self.min, money),
                crate::view::format_money(self.max, money),
                crate::view::format_money(usd, money)
            )),
        }
    }

    /// Whether `value` is one this quantity can take.
    pub fn check(&self, value: f64) -> Result<(), InputError> {
        let field = self.field;
        if !value.is_finite() {
            Err(InputError::NotFinite { field })
        } else if value < self.min || value > self.max {
            Err(InputError::OutOfRange {
                field,
                value,
                min: self.min,
                max: self.max,
            })
        } else if matches!(self.kind, FieldKind::Whole | FieldKind::Flag) && value.fract() != 0.0 {
            Err(InputError::NotWhole { field, value })
        } else {
            Ok(())
        }
    }

    /// How a form shows the value: shares as percentages with their sign.
    pub fn format_input(&self, value: f64) -> String {
        match self.kind {
            FieldKind::Share => format!("{}%", format_trimmed(value * 100.0, 4)),
            _ => format_trimmed(value, 4),
        }
    }

    /// How a message shows a value refused for its range: short, unless it
    /// lies within 1% of a bound, where rounding would make it read as the
    /// bound (`got 10k` for 10,001 against a 10k maximum, `got 0%` for
    /// -0.0002%): then exactly.
    pub fn format_refused(&self, value: f64, min: f64, max: f64) -> String {
        let near = |bound: f64| (value - bound).abs() <= bound.abs().max(1.0) * 0.01;
        if !near(min) && !near(max) {
            return self.format_value(value);
        }
        match self.kind {
            FieldKind::Share => format_exact(value * 100.0) + "%",
            _ => format_exact(value),
        }
    }

    /// How a message shows a value: short, with its unit's sign.
    pub fn format_value(&self, value: f64) -> String {
        if !value.is_finite() {
            return format_plain(value);
        }
        match self.kind {
            FieldKind::Share => format_percent(value),
            FieldKind::Money => format_usd(value),
            _ if value.abs() >= 1e4 => format_count(value),
            _ => format_trimmed(value, 4),
        }
    }

    /// The default for a deployment (for workload quantities, the
    /// workload default), and where it comes from.
    pub fn default_for(&self, setting: Option<Setting>) -> Option<Assumed> {
        let d = &DEFAULTS;
        let gpu = setting.and_then(|s| s.gpu);
        let kind = setting.map(|s| s.kind);
        match self.default {
            DefaultFrom::Assumption(of) => Some(of(d)),
            DefaultFrom::BySetting {
                rented,
                owned,
                personal,
            } => Some(match kind {
                Some(SettingKind::Personal) => personal(d),
                Some(SettingKind::Owned) => owned(d),
                _ => rented(d),
            }),
            DefaultFrom::OwnedOrPersonal { owned, personal } => Some(match kind {
                Some(SettingKind::Personal) => personal(d),
                _ => owned(d),
            }),
            DefaultFrom::GpuRent => gpu
                .and_then(|g| g.rent_usd_per_gpu_hour.map(|r| (g, r)))
                .map(|(g, r)| Assumed {
                    value: r.typical,
                    basis: Basis::Sourced,
                    index: 0,
                    says: "The GPU's typical on-demand rental price.",
                    cite: g.words().map(|w| Cite {
                        by: w.rent_seen_at,
                        url: None,
                        seen: Some(g.as_of),
                    }),
                }),
            DefaultFrom::GpuPurchase => gpu.map(|g| Assumed {
                value: g.purchase_usd_per_gpu,
                basis: Basis::Sourced,
                index: 0,
                says: "The GPU's purchase price, with its share of the server.",
                cite: g.words().map(|w| Cite {
                    by: w.purchase_seen_at,
                    url: None,
                    seen: Some(g.as_of),
                }),
            }),
            DefaultFrom::Unset => None,
        }
    }

    /// The default in the reader's words, for a form's help text: its value,
    /// what it is and why, and who published it (a sourced or derived one)
    /// or that it is an assumption to change.
    pub fn default_help(&self, setting: Option<Setting>) -> Option<Help> {
        let gpu = setting.and_then(|s| s.gpu);
        let text = |text: String| Help { text, cite: None };
        match self.default {
            DefaultFrom::GpuRent => gpu.map(|g| match g.rent_usd_per_gpu_hour {
                Some(r) => Help {
                    text: format!(
                        "Default {} an hour, the typical on-demand price; {} to {} seen.",
                        format_usd(r.typical),
                        format_usd(r.low),
                        format_usd(r.high),
                    ),
                    cite: self.default_for(setting).and_then(|a| a.cite),
                },
                None => text(
                    "No one rents this machine out by the hour: type a price, or own it."
                        .to_string(),
                ),
            }),
            DefaultFrom::GpuPurchase => gpu.map(|g| Help {
                text: format!(
                    "Default {} per GPU, with its share of the server.",
                    format_usd(g.purchase_usd_per_gpu)
                ),
                cite: self.default_for(setting).and_then(|a| a.cite),
            }),
            DefaultFrom::Unset => Some(text(
                "Optional: leave it empty unless you have your own figure.".to_string(),
            )),
            _ => {
                let a = self.default_for(setting)?;
                let value = self.format_input(a.value);
                let (says, cite) = a.words();
                // Before the price list brings the words, the value alone.
                let says = if says.is_empty() {
                    String::new()
                } else {
                    format!(": {says}")
                };
                Some(match a.basis {
                    Basis::Assumption => {
                        text(format!("Default {value}, an assumption to change{says}"))
                    }
                    Basis::Sourced | Basis::Derived => Help {
                        text: format!("Default {value}{says}"),
                        cite,
                    },
                })
            }
        }
    }

    #[cfg(feature = "notes")]
    fn range_text(&self) -> String {
        match self.kind {
            FieldKind::Flag => "0, 1".to_string(),
            _ => format!("{} … {}", plain(self.min), plain(self.max)),
        }
    }
}

#[cfg(feature = "notes")]
fn plain(v: f64) -> String {
    let text = format_plain(v);
    let exponent = crate::units::format_exponent(v);
    if exponent.len() < text.len() {
        exponent
    } else {
        text
    }
}

/// Deployment overrides: a value for some of [`Field::deployment`], the
/// rest following the defaults (and catalogue updates).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides(Vec<(Field, f64)>);

impl Overrides {
    pub fn get(&self, field: Field) -> Option<f64> {
        self.0.iter().find(|(f, _)| *f == field).map(|&(_, v)| v)
    }

    /// Sets or (with `None`) clears an override; kept in field order so
    /// equal overrides compare equal.
    pub fn set(&mut self, field: Field, value: Option<f64>) {
        self.0.retain(|(f, _)| *f != field);
        if let Some(value) = value {
            let at = self.0.partition_point(|(f, _)| *f < field);
            self.0.insert(at, (field, value));
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Field, f64)> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Overrides {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (field, value) in &self.0 {
            map.serialize_entry(field.spec().key, value)?;
        }
        map.end()
    }
}

#[cfg(feature = "notes")]
/// The Markdown table of one part's quantities, as `docs/share-links.md`
/// prints it, keys with their prefix (`dN.` for deployments).
pub fn markdown_table(scope: Scope) -> String {
    let mut out = String::new();
    let prefix = match scope {
        Scope::Workload => "",
        Scope::Deployment => "dN.",
        Scope::Custom => "cN.",
    };
    out.push_str("| key | meaning | default | range |\n|---|---|---|---|\n");
    for spec in FIELDS.iter().filter(|s| s.place.scope() == scope) {
        let default = match (spec.default, spec.default_for(None)) {
            (DefaultFrom::GpuRent, _) => "the GPU's typical rent".to_string(),
            (DefaultFrom::GpuPurchase, _) => "the GPU's purchase price".to_string(),
            (
                DefaultFrom::BySetting {
                    rented,
                    owned,
                    personal,
                },
                _,
            ) => format!(
                "{} rented, {} owned, {} on your own machine",
                plain(rented(&DEFAULTS).value),
                plain(owned(&DEFAULTS).value),
                plain(personal(&DEFAULTS).value)
            ),
            (DefaultFrom::OwnedOrPersonal { owned, personal }, _) => format!(
                "{}, {} on your own machine",
                plain(owned(&DEFAULTS).value),
                plain(personal(&DEFAULTS).value)
            ),
            (_, Some(a)) => plain(a.value),
            (_, None) => "none".to_string(),
        };
        let applies = match spec.place {
            Place::Deployment {
                applies: Applies::Rented,
            } => " (rented GPUs)",
            Place::Deployment {
                applies: Applies::Owned,
            } => " (owned GPUs)",
            Place::Deployment {
                applies: Applies::Bought,
            } => " (bought GPUs, not already owned)",
            _ => "",
        };
        let kind = match spec.kind {
            FieldKind::Share => ", a share: `0.2` or `20%`",
            FieldKind::Whole => ", a whole number",
            _ => "",
        };
        out.push_str(&format!(
            "| `{prefix}{}` | {}{applies}{kind} | {default} | {} |\n",
            spec.key,
            spec.meaning,
            spec.range_text()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_field_order_with_unique_keys() {
        for (i, spec) in FIELDS.iter().enumerate() {
            assert_eq!(spec.field as usize, i);
            assert!(spec.min <= spec.max, "{}", spec.key);
            let scope = spec.place.scope();
            assert_eq!(Field::from_key(scope, spec.key), Some(spec.field));
            assert_eq!(
                Field::of(scope)
                    .filter(|f| f.spec().key == spec.key)
                    .count(),
                1,
                "{}",
                spec.key
            );
        }
    }

    #[test]
    fn every_default_is_in_range() {
        for spec in FIELDS {
            if let Some(a) = spec.default_for(None) {
                assert_eq!(spec.check(a.value), Ok(()), "{}", spec.key);
            }
        }
    }

    #[test]
    fn a_share_reads_the_same_everywhere() {
        let cache = Field::CachedShare.spec();
        assert_eq!(cache.read("20%"), Ok(0.2));
        assert_eq!(cache.read(" 20 % "), Ok(0.2));
        assert_eq!(cache.read("0.2"), Ok(0.2));
        assert_eq!(cache.format_input(0.2), "20%");
        assert_eq!(cache.read(&cache.format_input(0.375)), Ok(0.375));
        let e = cache.read("150%").unwrap_err().to_string();
        assert_eq!(
            e,
            "cached share of input must be between 0% and 100%; got 150%"
        );
        // Its form field shows a percentage: a bare number typed there is one.
        assert_eq!(cache.read_typed("50"), Ok(0.5));
        assert_eq!(cache.read_typed("50%"), Ok(0.5));
        assert_eq!(cache.read_typed("0.5"), Ok(0.005));
        assert_eq!(cache.read_typed(&cache.format_input(0.375)), Ok(0.375));
        // Not a number: a percentage's hint, not the volume box's.
        for text in ["half", "x%"] {
            assert_eq!(
                cache.read_typed(text).unwrap_err().to_string(),
                "not a percentage; try 20%"
            );
        }
        // Other quantities read the same typed or in a link.
        let hours = Field::ServiceHours.spec();
        assert_eq!(hours.read_typed("9"), hours.read("9"));
    }

    /// A refused value is never rounded into a bound (issue 23's hostile
    /// inputs: "got 0" for -0.000002, "got 10k" for 10,001).
    #[test]
    fn a_refused_value_is_shown_as_typed_where_rounding_would_hide_it() {
        for (field, text, says) in [
            (
                Field::InputTokens,
                "-0.000002",
                "input tokens per request must be between 0 and 10M; got -0.000002",
            ),
            (
                Field::UserSpeed,
                "10001",
                "slowest output speed per user must be between 0 and 10k; got 10001",
            ),
            (
                Field::CachedShare,
                "-0.000002",
                "cached share of input must be between 0% and 100%; got -0.0002%",
            ),
            // Far from a bound, the short form.
            (
                Field::UserSpeed,
                "25000",
                "slowest output speed per user must be between 0 and 10k; got 25k",
            ),
        ] {
            assert_eq!(
                field.spec().read(text).unwrap_err().to_string(),
                says,
                "{text}"
            );
        }
    }

    #[test]
    fn whole_numbers_and_flags() {
        let min = Field::MinReplicas.spec();
        assert_eq!(min.read("3"), Ok(3.0));
        assert_eq!(
            min.read("1.5").unwrap_err().to_string(),
            "minimum replicas must be a whole number; got 1.5"
        );
        assert_eq!(
            min.read("-1").unwrap_err().to_string(),
            "minimum replicas must be between 1 and 10k; got -1"
        );
        let on = Field::AlwaysOn.spec();
        assert_eq!(on.read("yes"), Ok(1.0));
        assert_eq!(on.read("0"), Ok(0.0));
        assert_eq!(on.read("2"), Err(ReadError::Flag));
    }

    #[test]
    fn overrides_keep_field_order() {
        let mut a = Overrides::default();
        a.set(Field::Pue, Some(1.2));
        a.set(Field::LifeYears, Some(3.0));
        let mut b = Overrides::default();
        b.set(Field::LifeYears, Some(3.0));
        b.set(Field::Pue, Some(1.2));
        assert_eq!(a, b);
        b.set(Field::Pue, None);
        assert_eq!(b.get(Field::Pue), None);
        assert_eq!(b.get(Field::LifeYears), Some(3.0));
    }
}
