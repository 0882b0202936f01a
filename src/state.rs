//! The widget's state and every change to it: plain data and a reducer, no
//! DOM. The scenario is always valid; what a person typed that cannot be
//! used stays in a draft with its message, beside the last good value.

use std::rc::Rc;

use crossover_pricing::catalogue::{self, CURRENCIES, DEFAULTS, Precision};
use crossover_pricing::link::decode;
use crossover_pricing::scenario::MAX_DEPLOYMENTS;
use crossover_pricing::selfhost::Overrides;
use crossover_pricing::units::{format_count, format_trimmed, parse_quantity};
use crossover_pricing::view::{MAX_USD_RATE, Tab, Theme, is_currency_code};
use crossover_pricing::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH, VolumeUnit};
use crossover_pricing::{Deployment, InputError, Ownership, Scenario, Workload};
use yew::Reducible;

/// A workload value a person can type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkloadField {
    InputTokens,
    OutputTokens,
    CachedShare,
    CacheWriteShare,
    BatchShare,
    PeakToAverage,
    ServiceHours,
}

impl WorkloadField {
    pub const ALL: [WorkloadField; 7] = [
        WorkloadField::InputTokens,
        WorkloadField::OutputTokens,
        WorkloadField::CachedShare,
        WorkloadField::CacheWriteShare,
        WorkloadField::BatchShare,
        WorkloadField::PeakToAverage,
        WorkloadField::ServiceHours,
    ];

    /// The name `Workload::validate` gives the field.
    fn validation_name(self) -> &'static str {
        match self {
            WorkloadField::InputTokens => "input tokens per request",
            WorkloadField::OutputTokens => "output tokens per request",
            WorkloadField::CachedShare => "cached share of input",
            WorkloadField::CacheWriteShare => "cache-write share of input",
            WorkloadField::BatchShare => "batch share",
            WorkloadField::PeakToAverage => "peak-to-average ratio",
            WorkloadField::ServiceHours => "service hours per day",
        }
    }

    pub fn is_share(self) -> bool {
        matches!(
            self,
            WorkloadField::CachedShare | WorkloadField::CacheWriteShare | WorkloadField::BatchShare
        )
    }

    pub fn get(self, w: &Workload) -> f64 {
        match self {
            WorkloadField::InputTokens => w.input_tokens_per_request,
            WorkloadField::OutputTokens => w.output_tokens_per_request,
            WorkloadField::CachedShare => w.cached_input_share,
            WorkloadField::CacheWriteShare => w.cache_write_share,
            WorkloadField::BatchShare => w.batch_share,
            WorkloadField::PeakToAverage => w.peak_to_average,
            WorkloadField::ServiceHours => w.service_hours_per_day,
        }
    }

    fn set(self, w: &mut Workload, value: f64) {
        let slot = match self {
            WorkloadField::InputTokens => &mut w.input_tokens_per_request,
            WorkloadField::OutputTokens => &mut w.output_tokens_per_request,
            WorkloadField::CachedShare => &mut w.cached_input_share,
            WorkloadField::CacheWriteShare => &mut w.cache_write_share,
            WorkloadField::BatchShare => &mut w.batch_share,
            WorkloadField::PeakToAverage => &mut w.peak_to_average,
            WorkloadField::ServiceHours => &mut w.service_hours_per_day,
        };
        *slot = value;
    }
}

/// A deployment value a person can override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OverrideField {
    UsdPerGpuHour,
    PurchaseUsdPerGpu,
    LifeYears,
    ResidualShare,
    CostOfCapital,
    ElectricityUsdPerKwh,
    Pue,
    HostingUsdPerGpuMonth,
    EngineerFte,
    EngineerUsdPerMonth,
    TargetUtilisation,
    MinReplicas,
    MeasuredTokensPerSecond,
}

impl OverrideField {
    pub fn is_share(self) -> bool {
        matches!(
            self,
            OverrideField::ResidualShare
                | OverrideField::CostOfCapital
                | OverrideField::TargetUtilisation
        )
    }

    /// The name `CostTerms::validate` gives the field.
    fn validation_name(self) -> &'static str {
        match self {
            OverrideField::UsdPerGpuHour => "GPU price per hour",
            OverrideField::PurchaseUsdPerGpu => "purchase price per GPU",
            OverrideField::LifeYears => "hardware life in years",
            OverrideField::ResidualShare => "residual value share",
            OverrideField::CostOfCapital => "cost of capital per year",
            OverrideField::ElectricityUsdPerKwh => "electricity price per kWh",
            OverrideField::Pue => "PUE",
            OverrideField::HostingUsdPerGpuMonth => "hosting per GPU per month",
            OverrideField::EngineerFte => "engineer share (FTE)",
            OverrideField::EngineerUsdPerMonth => "engineer cost per month",
            OverrideField::TargetUtilisation => "target utilisation",
            OverrideField::MinReplicas => "minimum replicas",
            OverrideField::MeasuredTokensPerSecond => "measured output tokens per second",
        }
    }

    /// The value in effect: the override, else the default.
    pub fn effective(self, d: &Deployment) -> Option<f64> {
        let t = d.terms();
        Some(match self {
            OverrideField::UsdPerGpuHour => t.usd_per_gpu_hour,
            OverrideField::PurchaseUsdPerGpu => t.purchase_usd_per_gpu,
            OverrideField::LifeYears => t.life_years,
            OverrideField::ResidualShare => t.residual_share,
            OverrideField::CostOfCapital => t.cost_of_capital_per_year,
            OverrideField::ElectricityUsdPerKwh => t.electricity_usd_per_kwh,
            OverrideField::Pue => t.pue,
            OverrideField::HostingUsdPerGpuMonth => t.hosting_usd_per_gpu_month,
            OverrideField::EngineerFte => t.engineer_fte,
            OverrideField::EngineerUsdPerMonth => t.engineer_usd_per_month,
            OverrideField::TargetUtilisation => t.target_utilisation,
            OverrideField::MinReplicas => f64::from(t.min_replicas),
            OverrideField::MeasuredTokensPerSecond => t.measured_output_tokens_per_second?,
        })
    }

    pub fn is_overridden(self, d: &Deployment) -> bool {
        let o = &d.overrides;
        match self {
            OverrideField::MinReplicas => o.min_replicas.is_some(),
            _ => self.slot_value(o).is_some(),
        }
    }

    fn slot_value(self, o: &Overrides) -> Option<f64> {
        match self {
            OverrideField::UsdPerGpuHour => o.usd_per_gpu_hour,
            OverrideField::PurchaseUsdPerGpu => o.purchase_usd_per_gpu,
            OverrideField::LifeYears => o.life_years,
            OverrideField::ResidualShare => o.residual_share,
            OverrideField::CostOfCapital => o.cost_of_capital_per_year,
            OverrideField::ElectricityUsdPerKwh => o.electricity_usd_per_kwh,
            OverrideField::Pue => o.pue,
            OverrideField::HostingUsdPerGpuMonth => o.hosting_usd_per_gpu_month,
            OverrideField::EngineerFte => o.engineer_fte,
            OverrideField::EngineerUsdPerMonth => o.engineer_usd_per_month,
            OverrideField::TargetUtilisation => o.target_utilisation,
            OverrideField::MinReplicas => o.min_replicas.map(f64::from),
            OverrideField::MeasuredTokensPerSecond => o.measured_output_tokens_per_second,
        }
    }

    fn set(self, o: &mut Overrides, value: Option<f64>) {
        let slot = match self {
            OverrideField::MinReplicas => {
                o.min_replicas = value.map(|v| v as u32);
                return;
            }
            OverrideField::UsdPerGpuHour => &mut o.usd_per_gpu_hour,
            OverrideField::PurchaseUsdPerGpu => &mut o.purchase_usd_per_gpu,
            OverrideField::LifeYears => &mut o.life_years,
            OverrideField::ResidualShare => &mut o.residual_share,
            OverrideField::CostOfCapital => &mut o.cost_of_capital_per_year,
            OverrideField::ElectricityUsdPerKwh => &mut o.electricity_usd_per_kwh,
            OverrideField::Pue => &mut o.pue,
            OverrideField::HostingUsdPerGpuMonth => &mut o.hosting_usd_per_gpu_month,
            OverrideField::EngineerFte => &mut o.engineer_fte,
            OverrideField::EngineerUsdPerMonth => &mut o.engineer_usd_per_month,
            OverrideField::TargetUtilisation => &mut o.target_utilisation,
            OverrideField::MeasuredTokensPerSecond => &mut o.measured_output_tokens_per_second,
        };
        *slot = value;
    }
}

/// An input whose text is not (yet) a usable value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldId {
    Volume,
    /// The exchange rate, units per US dollar.
    Rate,
    Workload(WorkloadField),
    Override(usize, OverrideField),
}

/// What a person typed, and why it is not in use (if it is not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub error: Option<String>,
}

/// Drafts by field: a handful at most, so a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drafts(Vec<(FieldId, Draft)>);

impl Drafts {
    pub fn get(&self, field: &FieldId) -> Option<&Draft> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, d)| d)
    }

    fn insert(&mut self, field: FieldId, draft: Draft) {
        match self.0.iter_mut().find(|(f, _)| *f == field) {
            Some((_, d)) => *d = draft,
            None => self.0.push((field, draft)),
        }
    }

    fn remove(&mut self, field: &FieldId) {
        self.0.retain(|(f, _)| f != field);
    }

    fn retain(&mut self, keep: impl Fn(&FieldId) -> bool) {
        self.0.retain(|(f, _)| keep(f));
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The last good scenario: what the results show and the link holds.
    pub scenario: Scenario,
    pub volume_unit: VolumeUnit,
    pub drafts: Drafts,
    /// What a share link could not restore.
    pub notices: Vec<String>,
    /// Show only permissively licensed open models.
    pub permissive_only: bool,
    /// Whether copying the share link worked (`false`: the browser refused),
    /// until the scenario changes.
    pub link_copied: Option<bool>,
    /// The same for the embed snippet.
    pub snippet_copied: Option<bool>,
    /// The embed snippet is shown.
    pub embed_open: bool,
}

/// Something copied to the clipboard, or refused by the browser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Copied {
    pub what: CopyTarget,
    pub ok: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CopyTarget {
    ShareLink,
    EmbedSnippet,
}

impl Default for State {
    fn default() -> Self {
        State {
            scenario: Scenario::default(),
            volume_unit: VolumeUnit::TokensPerMonth,
            drafts: Drafts::default(),
            notices: Vec::new(),
            permissive_only: false,
            link_copied: None,
            snippet_copied: None,
            embed_open: false,
        }
    }
}

pub enum Action {
    /// A scenario read from a link, with what could not be read.
    Load {
        scenario: Scenario,
        notices: Vec<String>,
    },
    EditVolume(String),
    /// The slider: log10 of tokens per month.
    SlideVolume(f64),
    SetVolumeUnit(VolumeUnit),
    EditWorkload(WorkloadField, String),
    ToggleApi(String),
    AddDeployment,
    RemoveDeployment(usize),
    SetModel(usize, String),
    SetPrecision(usize, Precision),
    SetGpu(usize, String),
    SetEngine(usize, String),
    SetOwnership(usize, Ownership),
    SetAlwaysOn(usize, bool),
    EditOverride(usize, OverrideField, String),
    ResetOverride(usize, OverrideField),
    SetPermissiveOnly(bool),
    DismissNotices,
    SetCurrency(String),
    EditRate(String),
    SetTheme(Theme),
    SetTab(Tab),
    Copied(Copied),
    ToggleEmbed,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        // "Copied" speaks of the scenario it was said for.
        if next.scenario != self.scenario {
            next.link_copied = None;
            next.snippet_copied = None;
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// Reads a typed number; shares are typed as percentages ("20" or "20%").
pub fn parse_input(text: &str, share: bool) -> Result<f64, String> {
    let trimmed = text.trim();
    if share {
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed);
        parse_quantity(number)
            .map(|v| v / 100.0)
            .map_err(|e| e.to_string())
    } else {
        parse_quantity(trimmed).map_err(|e| e.to_string())
    }
}

/// How an input shows a value when nobody is typing in it.
pub fn format_input(value: f64, share: bool) -> String {
    format_trimmed(if share { value * 100.0 } else { value }, 4)
}

fn first_error_for(errors: &[InputError], name: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field() == name)
        .or_else(|| errors.first())
        .map(ToString::to_string)
}

impl State {
    /// The state a share link describes, with notices for what it could not.
    pub fn from_link(text: &str) -> State {
        match decode(text) {
            Ok(decoded) => State {
                scenario: decoded.scenario,
                notices: decoded.warnings.iter().map(ToString::to_string).collect(),
                ..State::default()
            },
            Err(error) => State {
                notices: vec![error.to_string()],
                ..State::default()
            },
        }
    }

    /// The text a field shows: the draft while one exists, else the value.
    pub fn volume_text(&self) -> String {
        match self.drafts.get(&FieldId::Volume) {
            Some(draft) => draft.text.clone(),
            None => format_count(self.volume_unit.from_tokens_per_month(
                self.scenario.workload.tokens_per_month,
                &self.scenario.workload,
            )),
        }
    }

    pub fn error(&self, field: FieldId) -> Option<&str> {
        self.drafts.get(&field).and_then(|d| d.error.as_deref())
    }

    fn draft(&mut self, field: FieldId, text: String, error: Option<String>) {
        self.drafts.insert(field, Draft { text, error });
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Load { scenario, notices } => {
                self.scenario = scenario;
                self.notices = notices;
                self.drafts.clear();
            }
            Action::EditVolume(text) => self.edit_volume(text),
            Action::SlideVolume(exponent) => {
                let tokens = 10f64
                    .powf(exponent)
                    .clamp(MIN_TOKENS_PER_MONTH, MAX_TOKENS_PER_MONTH);
                if tokens.is_finite() {
                    self.scenario.workload.tokens_per_month = tokens;
                    self.drafts.remove(&FieldId::Volume);
                }
            }
            Action::SetVolumeUnit(unit) => {
                self.volume_unit = unit;
                self.drafts.remove(&FieldId::Volume);
            }
            Action::EditWorkload(field, text) => self.edit_workload(field, text),
            Action::ToggleApi(id) => {
                let apis = &mut self.scenario.apis;
                if let Some(i) = apis.iter().position(|a| *a == id) {
                    apis.remove(i);
                } else if catalogue::api(&id).is_some()
                    && apis.len() < crossover_pricing::scenario::MAX_APIS
                {
                    apis.push(id);
                }
            }
            Action::AddDeployment => {
                let deployments = &mut self.scenario.deployments;
                if deployments.len() < MAX_DEPLOYMENTS {
                    let next = deployments.last().cloned().unwrap_or_else(|| {
                        let d = DEFAULTS.default_deployments[0];
                        Deployment::new(d.model, d.precision, d.gpu, d.engine)
                    });
                    deployments.push(next);
                }
            }
            Action::RemoveDeployment(i) => {
                if i < self.scenario.deployments.len() {
                    self.scenario.deployments.remove(i);
                    self.drafts.retain(|k| !matches!(k, FieldId::Override(..)));
                }
            }
            Action::SetModel(i, id) if catalogue::model(&id).is_some() => {
                self.with_deployment(i, |d| d.model = id)
            }
            Action::SetPrecision(i, p) => self.with_deployment(i, |d| d.precision = p),
            Action::SetGpu(i, id) if catalogue::gpu(&id).is_some() => {
                // Catalogue prices follow the GPU; a typed price belonged to the old one.
                self.with_deployment(i, |d| {
                    d.gpu = id;
                    d.overrides.usd_per_gpu_hour = None;
                    d.overrides.purchase_usd_per_gpu = None;
                });
                self.drafts
                    .remove(&FieldId::Override(i, OverrideField::UsdPerGpuHour));
                self.drafts
                    .remove(&FieldId::Override(i, OverrideField::PurchaseUsdPerGpu));
            }
            Action::SetEngine(i, id) if catalogue::engine(&id).is_some() => {
                self.with_deployment(i, |d| d.engine = id)
            }
            Action::SetOwnership(i, ownership) => {
                self.with_deployment(i, |d| d.ownership = ownership)
            }
            Action::SetAlwaysOn(i, on) => {
                self.with_deployment(i, |d| d.overrides.always_on = Some(on))
            }
            Action::EditOverride(i, field, text) => self.edit_override(i, field, text),
            Action::ResetOverride(i, field) => {
                self.with_deployment(i, |d| field.set(&mut d.overrides, None));
                self.drafts.remove(&FieldId::Override(i, field));
            }
            Action::SetPermissiveOnly(on) => self.permissive_only = on,
            Action::SetCurrency(code) => {
                // A catalogue currency starts at its catalogue rate.
                let view = &mut self.scenario.view;
                if CURRENCIES.iter().any(|c| c.code == code) {
                    view.currency = code;
                    view.usd_rate = None;
                    self.drafts.remove(&FieldId::Rate);
                } else if is_currency_code(&code) {
                    view.currency = code;
                    view.usd_rate = Some(view.usd_rate.unwrap_or(1.0));
                }
            }
            Action::EditRate(text) => self.edit_rate(text),
            Action::SetTheme(theme) => self.scenario.view.theme = theme,
            Action::SetTab(tab) => self.scenario.view.tab = tab,
            Action::DismissNotices => self.notices.clear(),
            Action::Copied(Copied { what, ok }) => match what {
                CopyTarget::ShareLink => self.link_copied = Some(ok),
                CopyTarget::EmbedSnippet => self.snippet_copied = Some(ok),
            },
            Action::ToggleEmbed => self.embed_open = !self.embed_open,
            Action::SetModel(..) | Action::SetGpu(..) | Action::SetEngine(..) => {}
        }
    }

    fn with_deployment(&mut self, i: usize, change: impl FnOnce(&mut Deployment)) {
        if let Some(d) = self.scenario.deployments.get_mut(i) {
            change(d);
        }
    }

    fn edit_volume(&mut self, text: String) {
        let unit = self.volume_unit;
        let result = parse_input(&text, false).and_then(|amount| {
            let tokens = unit.to_tokens_per_month(amount, &self.scenario.workload);
            if (MIN_TOKENS_PER_MONTH..=MAX_TOKENS_PER_MONTH).contains(&tokens) {
                Ok(tokens)
            } else {
                Err(format!(
                    "that is {} tokens a month; enter from {} to {} tokens a month",
                    format_count(tokens),
                    format_count(MIN_TOKENS_PER_MONTH),
                    format_count(MAX_TOKENS_PER_MONTH)
                ))
            }
        });
        match result {
            Ok(tokens) => {
                self.scenario.workload.tokens_per_month = tokens;
                self.draft(FieldId::Volume, text, None);
            }
            Err(message) => self.draft(FieldId::Volume, text, Some(message)),
        }
    }

    fn edit_rate(&mut self, text: String) {
        let view = &mut self.scenario.view;
        if text.trim().is_empty() && view.catalogue_currency().is_some() {
            view.usd_rate = None;
            self.draft(FieldId::Rate, text, None);
            return;
        }
        match parse_input(&text, false) {
            Ok(rate) if rate > 0.0 && rate <= MAX_USD_RATE => {
                view.usd_rate = Some(rate);
                self.draft(FieldId::Rate, text, None);
            }
            Ok(_) => self.draft(
                FieldId::Rate,
                text,
                Some(format!(
                    "a rate is more than 0 and at most {}",
                    format_count(MAX_USD_RATE)
                )),
            ),
            Err(message) => self.draft(FieldId::Rate, text, Some(message)),
        }
    }

    fn edit_workload(&mut self, field: WorkloadField, text: String) {
        let id = FieldId::Workload(field);
        let result = parse_input(&text, field.is_share()).and_then(|value| {
            let mut candidate = self.scenario.workload.clone();
            field.set(&mut candidate, value);
            match candidate.validate() {
                Ok(()) => Ok(candidate),
                Err(errors) => {
                    Err(first_error_for(&errors, field.validation_name()).unwrap_or_default())
                }
            }
        });
        match result {
            Ok(candidate) => {
                self.scenario.workload = candidate;
                self.draft(id, text, None);
            }
            Err(message) => self.draft(id, text, Some(message)),
        }
    }

    fn edit_override(&mut self, i: usize, field: OverrideField, text: String) {
        let Some(current) = self.scenario.deployments.get(i) else {
            return;
        };
        let id = FieldId::Override(i, field);
        if text.trim().is_empty() {
            // An empty field means "use the default".
            self.with_deployment(i, |d| field.set(&mut d.overrides, None));
            self.draft(id, text, None);
            return;
        }
        let result = parse_input(&text, field.is_share()).and_then(|value| {
            if field == OverrideField::MinReplicas && value.fract() != 0.0 {
                return Err("minimum replicas must be a whole number".to_string());
            }
            let mut candidate = current.clone();
            field.set(&mut candidate.overrides, Some(value));
            match candidate.terms().validate() {
                Ok(()) => Ok(candidate),
                Err(errors) => {
                    Err(first_error_for(&errors, field.validation_name()).unwrap_or_default())
                }
            }
        });
        match result {
            Ok(candidate) => {
                self.scenario.deployments[i] = candidate;
                self.draft(id, text, None);
            }
            Err(message) => self.draft(id, text, Some(message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn a_copy_is_confirmed_until_the_scenario_changes() {
        let refused = Copied {
            what: CopyTarget::ShareLink,
            ok: false,
        };
        let snippet = Copied {
            what: CopyTarget::EmbedSnippet,
            ok: true,
        };
        let s = reduce(State::default(), Action::Copied(refused));
        let s = reduce(s, Action::ToggleEmbed);
        let s = reduce(s, Action::Copied(snippet));
        assert_eq!(
            (s.link_copied, s.snippet_copied, s.embed_open),
            (Some(false), Some(true), true)
        );
        let s = reduce(s, Action::EditVolume("3B".into()));
        assert_eq!(
            (s.link_copied, s.snippet_copied, s.embed_open),
            (None, None, true)
        );
    }

    #[test]
    fn typed_volumes_update_the_scenario() {
        let s = reduce(State::default(), Action::EditVolume("2.5B".into()));
        assert_eq!(s.scenario.workload.tokens_per_month, 2.5e9);
        assert_eq!(s.volume_text(), "2.5B");
        assert_eq!(s.error(FieldId::Volume), None);
    }

    #[test]
    fn bad_input_keeps_the_last_good_value_and_explains() {
        let s = reduce(State::default(), Action::EditVolume("3B".into()));
        let s = reduce(s, Action::EditVolume("3 bananas".into()));
        assert_eq!(s.scenario.workload.tokens_per_month, 3e9);
        assert_eq!(s.volume_text(), "3 bananas");
        assert!(s.error(FieldId::Volume).unwrap().contains("unknown unit"));
        let s = reduce(s, Action::EditVolume("5".into()));
        assert!(
            s.error(FieldId::Volume)
                .unwrap()
                .contains("from 1k to 10000T")
        );
        assert_eq!(s.scenario.workload.tokens_per_month, 3e9);
    }

    #[test]
    fn volume_units_convert() {
        let s = reduce(
            State::default(),
            Action::SetVolumeUnit(VolumeUnit::TokensPerDay),
        );
        let s = reduce(s, Action::EditVolume("100M".into()));
        // 100M a day x 730 h / 24 h = 3.0417B a month
        assert!((s.scenario.workload.tokens_per_month - 3.041_666_666_666_667e9).abs() < 1.0);
        let s = reduce(s, Action::SetVolumeUnit(VolumeUnit::TokensPerMonth));
        assert_eq!(s.volume_text(), "3.04B");
    }

    #[test]
    fn the_slider_sets_a_power_of_ten() {
        let s = reduce(State::default(), Action::SlideVolume(10.0));
        assert_eq!(s.scenario.workload.tokens_per_month, 1e10);
        let s = reduce(s, Action::SlideVolume(f64::NAN));
        assert_eq!(s.scenario.workload.tokens_per_month, 1e10);
    }

    #[test]
    fn shares_are_typed_as_percentages_and_checked_together() {
        let s = reduce(
            State::default(),
            Action::EditWorkload(WorkloadField::CachedShare, "60".into()),
        );
        assert_eq!(s.scenario.workload.cached_input_share, 0.6);
        let s = reduce(
            s,
            Action::EditWorkload(WorkloadField::CacheWriteShare, "50%".into()),
        );
        assert_eq!(s.scenario.workload.cache_write_share, 0.0);
        assert!(
            s.error(FieldId::Workload(WorkloadField::CacheWriteShare))
                .unwrap()
                .contains("must not exceed 100%")
        );
    }

    #[test]
    fn overrides_validate_and_empty_means_default() {
        let s = reduce(
            State::default(),
            Action::EditOverride(0, OverrideField::UsdPerGpuHour, "2.2".into()),
        );
        assert_eq!(
            s.scenario.deployments[0].overrides.usd_per_gpu_hour,
            Some(2.2)
        );
        let s = reduce(
            s,
            Action::EditOverride(0, OverrideField::UsdPerGpuHour, "-1".into()),
        );
        assert_eq!(
            s.scenario.deployments[0].overrides.usd_per_gpu_hour,
            Some(2.2)
        );
        assert!(
            s.error(FieldId::Override(0, OverrideField::UsdPerGpuHour))
                .is_some()
        );
        let s = reduce(
            s,
            Action::EditOverride(0, OverrideField::UsdPerGpuHour, "".into()),
        );
        assert_eq!(s.scenario.deployments[0].overrides.usd_per_gpu_hour, None);
        let s = reduce(
            s,
            Action::EditOverride(0, OverrideField::MinReplicas, "1.5".into()),
        );
        assert!(
            s.error(FieldId::Override(0, OverrideField::MinReplicas))
                .unwrap()
                .contains("whole")
        );
    }

    #[test]
    fn options_are_added_removed_and_toggled() {
        let s = reduce(State::default(), Action::ToggleApi("gpt-5.4".into()));
        assert!(s.scenario.apis.contains(&"gpt-5.4".to_string()));
        let s = reduce(s, Action::ToggleApi("gpt-5.4".into()));
        assert!(!s.scenario.apis.contains(&"gpt-5.4".to_string()));
        let s = reduce(s, Action::ToggleApi("not-an-api".into()));
        assert_eq!(s.scenario.apis, Scenario::default().apis);
        let s = reduce(s, Action::AddDeployment);
        assert_eq!(s.scenario.deployments.len(), 2);
        let s = reduce(s, Action::SetGpu(1, "l40s".into()));
        assert_eq!(s.scenario.deployments[1].gpu, "l40s");
        let s = reduce(s, Action::SetGpu(1, "no-such-gpu".into()));
        assert_eq!(s.scenario.deployments[1].gpu, "l40s");
        let s = reduce(s, Action::RemoveDeployment(0));
        assert_eq!(s.scenario.deployments.len(), 1);
        assert_eq!(s.scenario.deployments[0].gpu, "l40s");
    }

    #[test]
    fn links_restore_state_or_explain() {
        let s = State::from_link("v=1&tpm=3B&api=gpt-5.4");
        assert_eq!(s.scenario.workload.tokens_per_month, 3e9);
        assert!(s.notices.is_empty());
        let s = State::from_link("v=1&tpm=<script>&zz=1");
        assert_eq!(
            s.scenario.workload.tokens_per_month,
            Workload::default().tokens_per_month
        );
        assert_eq!(s.notices.len(), 2);
        let s = State::from_link(&"x".repeat(10_000));
        assert_eq!(s.scenario, Scenario::default());
        assert!(s.notices[0].contains("4096"));
    }

    #[test]
    fn currency_rate_theme_and_tab() {
        let s = reduce(State::default(), Action::SetCurrency("EUR".into()));
        assert_eq!(s.scenario.view.money().symbol, "€");
        let s = reduce(s, Action::EditRate("0.9".into()));
        assert_eq!(s.scenario.view.usd_rate, Some(0.9));
        let s = reduce(s, Action::EditRate("-1".into()));
        assert_eq!(s.scenario.view.usd_rate, Some(0.9));
        assert!(s.error(FieldId::Rate).is_some());
        let s = reduce(s, Action::SetCurrency("CHF".into()));
        assert_eq!(s.scenario.view.money().code, "CHF");
        let s = reduce(s, Action::SetCurrency("nope".into()));
        assert_eq!(s.scenario.view.currency, "CHF");
        let s = reduce(s, Action::SetTheme(Theme::Dark));
        let s = reduce(s, Action::SetTab(Tab::Table));
        assert_eq!(
            (s.scenario.view.theme, s.scenario.view.tab),
            (Theme::Dark, Tab::Table)
        );
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc() {
        let state = Rc::new(State::default());
        let same = state.clone().reduce(Action::DismissNotices);
        assert!(Rc::ptr_eq(&state, &same));
    }
}
