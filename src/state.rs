//! The widget's state and every change to it: plain data and a reducer, no
//! DOM. The scenario is always valid; what a person typed that cannot be
//! used stays in a draft with its message, beside the last good value.

use std::rc::Rc;

use crossover_pricing::api::CustomOffering;
use crossover_pricing::catalogue::{self, CURRENCIES, DEFAULTS, LicenceFilter, Precision};
use crossover_pricing::date::Date;
use crossover_pricing::day_profile::DayProfile;
use crossover_pricing::fields::{Field, Overrides};
use crossover_pricing::link::{LinkWarning, decode};
use crossover_pricing::scenario::{MAX_CUSTOM, MAX_DEPLOYMENTS};
use crossover_pricing::selfhost::Acquisition;
use crossover_pricing::units::{format_count, parse_quantity};
use crossover_pricing::view::{Tab, Theme, View, is_currency_code, read_rate};
use crossover_pricing::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH, VolumeUnit};
use crossover_pricing::{Deployment, InputError, Scenario, Workload};
use yew::Reducible;

/// An input whose text is not (yet) a usable value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldId {
    Volume,
    /// The exchange rate, units per US dollar.
    Rate,
    Workload(Field),
    /// An override of deployment `usize`.
    Deployment(usize, Field),
    /// A price of the person's own offering `usize`.
    Custom(usize, Field),
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
    /// How it is shown: currency, theme, first tab, embedded.
    pub view: View,
    pub drafts: Drafts,
    /// What a share link could not restore.
    pub notices: Vec<String>,
    /// Which option sections (self-hosting, APIs, display, the traffic's
    /// assumptions) are open; a closed one's controls are not built (see
    /// `App`).
    pub sections_open: [bool; 4],
    /// The price list: every offering beyond the default scenario's.
    pub price_list: PriceList,
    /// A link naming offerings only the price list has, read again once
    /// it has loaded.
    pub pending_link: Option<PendingLink>,
    /// What the reader typed to find an API offering.
    pub api_query: String,
}

/// Whether the price list is at hand.
#[derive(Debug, Clone, PartialEq)]
pub enum PriceList {
    Loading,
    Loaded,
    /// Why it could not be loaded: the widget goes on with its own offerings.
    Failed(String),
}

/// A link read before the price list arrived, and what it was read as.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingLink {
    pub text: String,
    pub today: Option<Date>,
    pub read_as: Scenario,
}

impl Default for State {
    fn default() -> Self {
        State {
            scenario: Scenario::default(),
            view: View::default(),
            drafts: Drafts::default(),
            notices: Vec::new(),
            sections_open: [true, false, false, false],
            price_list: if catalogue::all_apis_known() {
                PriceList::Loaded
            } else {
                PriceList::Loading
            },
            pending_link: None,
            api_query: String::new(),
        }
    }
}

#[derive(Clone)]
pub enum Action {
    /// A scenario read from a link, with what could not be read.
    Load {
        scenario: Box<Scenario>,
        view: View,
        notices: Vec<String>,
    },
    EditVolume(String),
    /// The slider: log10 of tokens per month.
    SlideVolume(f64),
    SetVolumeUnit(VolumeUnit),
    EditWorkload(Field, String),
    /// A day's load hour by hour, or none (the busiest hour and service hours).
    SetDayProfile(Option<DayProfile>),
    ToggleApi(String),
    AddDeployment,
    RemoveDeployment(usize),
    SetModel(usize, String),
    SetPrecision(usize, Precision),
    SetGpu(usize, String),
    SetEngine(usize, String),
    SetAcquisition(usize, Acquisition),
    /// The price list arrived and was read, or why not.
    PriceListLoaded(Result<(), String>),
    /// The text of the API search box.
    SearchApis(String),
    /// An on/off override, such as billing only in service hours.
    SetFlag(usize, Field, bool),
    EditOverride(usize, Field, String),
    ResetOverride(usize, Field),
    AddCustom,
    RemoveCustom(usize),
    RenameCustom(usize, String),
    EditCustom(usize, Field, String),
    SetLicenceFilter(LicenceFilter),
    DismissNotices,
    SetCurrency(String),
    EditRate(String),
    SetTheme(Theme),
    SetTab(Tab),
    /// An option section opened or closed by the reader.
    SetSectionOpen(usize, bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}

impl State {
    /// The state a share link describes, with notices for what it could not.
    /// A link without a date is priced on `today` (the reader's clock), or
    /// on the first day prices are known if that is later.
    /// Offerings it names that only the price list has wait for it.
    pub fn from_link(text: &str, reader_today: Option<Date>) -> State {
        State::read_link(text, reader_today, !catalogue::all_apis_known())
    }

    fn read_link(text: &str, reader_today: Option<Date>, wait_for_price_list: bool) -> State {
        let today = reader_today.map(catalogue::pricing_day);
        match decode(text) {
            Ok(mut decoded) => {
                if let (false, Some(today)) = (decoded.dated, today) {
                    decoded.scenario.date = today;
                }
                // The price list brings every offering, open model and GPU;
                // what a link says of one it names is said once the list is read.
                let waits = |w: &LinkWarning| {
                    wait_for_price_list
                        && matches!(w, LinkWarning::UnknownId { key, kind, .. } if key == "api" || *kind == "open model" || *kind == "GPU")
                };
                let pending_link = decoded.warnings.iter().any(waits).then(|| PendingLink {
                    text: text.to_string(),
                    today: reader_today,
                    read_as: decoded.scenario.clone(),
                });
                // An override of a deployment not yet known waits with it.
                let shown = |w: &&LinkWarning| {
                    let orphan = matches!(w, LinkWarning::OrphanOverride { .. });
                    !(waits(w) || pending_link.is_some() && orphan)
                };
                State {
                    sections_open: [!decoded.view.embed, false, false, false],
                    notices: decoded
                        .warnings
                        .iter()
                        .filter(shown)
                        .map(ToString::to_string)
                        .collect(),
                    scenario: decoded.scenario,
                    view: decoded.view,
                    pending_link,
                    ..State::default()
                }
            }
            Err(error) => {
                let mut state = State {
                    notices: vec![error.to_string()],
                    ..State::default()
                };
                if let Some(today) = today {
                    state.scenario.date = today;
                }
                state
            }
        }
    }

    /// The text a field shows: the draft while one exists, else the value.
    pub fn volume_text(&self) -> String {
        match self.drafts.get(&FieldId::Volume) {
            Some(draft) => draft.text.clone(),
            None => format_count(self.view.volume_unit.from_tokens_per_month(
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
            Action::Load {
                scenario,
                view,
                notices,
            } => {
                self.scenario = *scenario;
                self.view = view;
                self.notices = notices;
                self.drafts.clear();
            }
            Action::EditVolume(text) => self.edit_volume(text),
            Action::SlideVolume(exponent) => {
                let tokens = crossover_pricing::units::pow(10.0, exponent)
                    .clamp(MIN_TOKENS_PER_MONTH, MAX_TOKENS_PER_MONTH);
                if tokens.is_finite() {
                    self.scenario.workload.tokens_per_month = tokens;
                    self.drafts.remove(&FieldId::Volume);
                }
            }
            Action::SetVolumeUnit(unit) => {
                self.view.volume_unit = unit;
                self.drafts.remove(&FieldId::Volume);
            }
            Action::EditWorkload(field, text) => self.edit_workload(field, text),
            Action::SetDayProfile(day) => self.scenario.workload.day_profile = day,
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
                    self.drafts
                        .retain(|k| !matches!(k, FieldId::Deployment(..)));
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
                    d.overrides.set(Field::UsdPerGpuHour, None);
                    d.overrides.set(Field::PurchaseUsdPerGpu, None);
                    d.suit_gpu();
                });
                for field in [Field::UsdPerGpuHour, Field::PurchaseUsdPerGpu] {
                    self.drafts.remove(&FieldId::Deployment(i, field));
                }
            }
            Action::SetEngine(i, id) if catalogue::engine(&id).is_some() => {
                self.with_deployment(i, |d| {
                    d.engine = id;
                    d.suit_engine();
                })
            }
            Action::SetAcquisition(i, acquisition) => {
                self.with_deployment(i, |d| d.set_acquisition(acquisition))
            }
            Action::SetFlag(i, field, on) => self.with_deployment(i, |d| {
                d.overrides.set(field, Some(if on { 1.0 } else { 0.0 }))
            }),
            Action::EditOverride(i, field, text) => self.edit_override(i, field, text),
            Action::ResetOverride(i, field) => {
                self.with_deployment(i, |d| d.overrides.set(field, None));
                self.drafts.remove(&FieldId::Deployment(i, field));
            }
            Action::AddCustom => {
                let n = self.scenario.custom.len();
                if n < MAX_CUSTOM {
                    self.scenario.custom.push(CustomOffering {
                        name: format!("Your price {}", n + 1),
                        open_model: None,
                        prices: Overrides::default(),
                    });
                }
            }
            Action::RemoveCustom(i) => {
                if i < self.scenario.custom.len() {
                    self.scenario.custom.remove(i);
                    self.drafts.retain(|k| !matches!(k, FieldId::Custom(..)));
                }
            }
            Action::RenameCustom(i, name) => {
                if let Some(c) = self.scenario.custom.get_mut(i) {
                    c.name = CustomOffering::clean_name(&name);
                }
            }
            Action::EditCustom(i, field, text) => self.edit_custom(i, field, text),
            Action::SetLicenceFilter(filter) => self.view.licence_filter = filter,
            Action::PriceListLoaded(result) => self.price_list_loaded(result),
            Action::SearchApis(text) => self.api_query = text,
            Action::SetCurrency(code) => {
                self.forget_typed_prices();
                // A catalogue currency starts at its catalogue rate.
                let view = &mut self.view;
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
            Action::SetTheme(theme) => self.view.theme = theme,
            Action::SetTab(tab) => self.view.tab = tab,
            Action::DismissNotices => self.notices.clear(),
            Action::SetSectionOpen(k, open) => {
                if let Some(section) = self.sections_open.get_mut(k) {
                    *section = open;
                }
            }
            Action::SetModel(..) | Action::SetGpu(..) | Action::SetEngine(..) => {}
        }
    }

    fn price_list_loaded(&mut self, result: Result<(), String>) {
        self.price_list = match &result {
            Ok(()) => PriceList::Loaded,
            Err(why) => PriceList::Failed(why.clone()),
        };
        let Some(pending) = self.pending_link.take() else {
            return;
        };
        // Read again, now that its offerings are known; unless the reader
        // has changed the scenario meanwhile.
        if self.scenario == pending.read_as {
            let again = State::read_link(&pending.text, pending.today, false);
            self.scenario = again.scenario;
            self.notices = again.notices;
        }
        if let Err(why) = result {
            self.notices.push(format!(
                "the price list could not be loaded ({why}), so the offerings and models only it has were left out"
            ));
        }
    }

    fn with_deployment(&mut self, i: usize, change: impl FnOnce(&mut Deployment)) {
        if let Some(d) = self.scenario.deployments.get_mut(i) {
            change(d);
        }
    }

    fn edit_volume(&mut self, text: String) {
        let unit = self.view.volume_unit;
        let result = parse_quantity(&text)
            .map_err(|e| e.to_string())
            .and_then(|amount| {
                // Checked by its row in the field table: the same message as a link's or the CLI's.
                let tokens = unit.to_tokens_per_month(amount, &self.scenario.workload);
                let check = Field::TokensPerMonth.spec().check(tokens);
                check.map(|()| tokens).map_err(|e| e.to_string())
            });
        match result {
            Ok(tokens) => {
                self.scenario.workload.tokens_per_month = tokens;
                self.draft(FieldId::Volume, text, None);
            }
            Err(message) => self.draft(FieldId::Volume, text, Some(message)),
        }
    }

    /// What was typed of your own prices meant the currency and rate before.
    fn forget_typed_prices(&mut self) {
        self.drafts.retain(|k| !matches!(k, FieldId::Custom(..)));
    }

    fn edit_rate(&mut self, text: String) {
        self.forget_typed_prices();
        let view = &mut self.view;
        if text.trim().is_empty() && view.catalogue_currency().is_some() {
            view.usd_rate = None;
            self.draft(FieldId::Rate, text, None);
            return;
        }
        match read_rate(&text) {
            Ok(rate) => {
                view.usd_rate = Some(rate);
                self.draft(FieldId::Rate, text, None);
            }
            Err(message) => self.draft(FieldId::Rate, text, Some(message)),
        }
    }

    fn edit_custom(&mut self, i: usize, field: Field, text: String) {
        let Some(custom) = self.scenario.custom.get_mut(i) else {
            return;
        };
        let id = FieldId::Custom(i, field);
        if text.trim().is_empty() {
            custom.prices.set(field, None);
            self.draft(id, text, None);
            return;
        }
        // Typed in the reader's currency; kept, and linked, in US dollars.
        match field.spec().read_in_currency(&text, &self.view.money()) {
            Ok(value) => {
                custom.prices.set(field, Some(value));
                self.draft(id, text, None);
            }
            Err(message) => self.draft(id, text, Some(message)),
        }
    }

    fn edit_workload(&mut self, field: Field, text: String) {
        let workload = &self.scenario.workload;
        let error = match edited(
            workload,
            field,
            &text,
            |w, v| w.set(field, v),
            Workload::validate,
        ) {
            Ok(candidate) => {
                self.scenario.workload = candidate;
                None
            }
            Err(message) => Some(message),
        };
        self.draft(FieldId::Workload(field), text, error);
    }

    fn edit_override(&mut self, i: usize, field: Field, text: String) {
        let Some(current) = self.scenario.deployments.get(i) else {
            return;
        };
        let id = FieldId::Deployment(i, field);
        if text.trim().is_empty() {
            // An empty field means "use the default".
            self.with_deployment(i, |d| d.overrides.set(field, None));
            self.draft(id, text, None);
            return;
        }
        let set = |d: &mut Deployment, v| d.overrides.set(field, Some(v));
        let error = match edited(current, field, &text, set, Deployment::validate) {
            Ok(candidate) => {
                self.scenario.deployments[i] = candidate;
                None
            }
            Err(message) => Some(message),
        };
        self.draft(id, text, error);
    }
}

/// `current` with `field` set from `text`, if the text reads and the whole
/// still validates; else the message to show under the field.
fn edited<T: Clone>(
    current: &T,
    field: Field,
    text: &str,
    set: impl FnOnce(&mut T, f64),
    validate: impl FnOnce(&T) -> Result<(), Vec<InputError>>,
) -> Result<T, String> {
    let value = field.spec().read_typed(text).map_err(|e| e.to_string())?;
    let mut candidate = current.clone();
    set(&mut candidate, value);
    validate(&candidate).map(|()| candidate).map_err(|errors| {
        // `current` was valid, so an error about another field is still this edit's doing.
        let error = errors.iter().find(|e| e.concerns(field)).or(errors.first());
        error.map(ToString::to_string).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossover_pricing::Ownership;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
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
        // The same words as a link's notice and the CLI's.
        let s = reduce(s, Action::EditVolume("5".into()));
        let tpm = crossover_pricing::link::decode("v=1&tpm=5").unwrap();
        let notice = tpm.warnings[0].to_string();
        let message = s.error(FieldId::Volume).unwrap();
        assert!(
            message.contains("between 1000 and 10000T; got 5"),
            "{message}"
        );
        assert!(notice.contains(message), "{notice} against {message}");
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
            Action::EditWorkload(Field::CachedShare, "60%".into()),
        );
        assert_eq!(s.scenario.workload.cached_input_share, 0.6);
        // The field shows a percentage, so a bare number typed there is one:
        // 60 is 60%, not 6,000% (in a link, 0.6 and 60% say the same).
        let bare = reduce(
            s.clone(),
            Action::EditWorkload(Field::BatchShare, "60".into()),
        );
        assert_eq!(bare.scenario.workload.batch_share, 0.6);
        assert_eq!(bare.error(FieldId::Workload(Field::BatchShare)), None);
        let half = reduce(
            s.clone(),
            Action::EditWorkload(Field::BatchShare, "half".into()),
        );
        assert_eq!(half.scenario.workload.batch_share, 0.0);
        assert_eq!(
            half.error(FieldId::Workload(Field::BatchShare)),
            Some("not a percentage; try 20%")
        );
        let s = reduce(
            s,
            Action::EditWorkload(Field::CacheWriteShare, "50%".into()),
        );
        assert_eq!(s.scenario.workload.cache_write_share, 0.0);
        assert!(
            s.error(FieldId::Workload(Field::CacheWriteShare))
                .unwrap()
                .contains("must not exceed 100%")
        );
    }

    #[test]
    fn overrides_validate_and_empty_means_default() {
        let s = reduce(
            State::default(),
            Action::EditOverride(0, Field::UsdPerGpuHour, "2.2".into()),
        );
        assert_eq!(
            s.scenario.deployments[0]
                .overrides
                .get(Field::UsdPerGpuHour),
            Some(2.2)
        );
        let s = reduce(
            s,
            Action::EditOverride(0, Field::UsdPerGpuHour, "-1".into()),
        );
        assert_eq!(
            s.scenario.deployments[0]
                .overrides
                .get(Field::UsdPerGpuHour),
            Some(2.2)
        );
        assert!(
            s.error(FieldId::Deployment(0, Field::UsdPerGpuHour))
                .is_some()
        );
        let s = reduce(s, Action::EditOverride(0, Field::UsdPerGpuHour, "".into()));
        assert_eq!(
            s.scenario.deployments[0]
                .overrides
                .get(Field::UsdPerGpuHour),
            None
        );
        let s = reduce(s, Action::EditOverride(0, Field::MinReplicas, "1.5".into()));
        assert!(
            s.error(FieldId::Deployment(0, Field::MinReplicas))
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
        // A Mac brings an engine that runs on it, a format that engine
        // loads, and ownership: it plans without an error.
        let s = reduce(s, Action::SetGpu(0, "mac-studio-m3-ultra-512".into()));
        let d = &s.scenario.deployments[0];
        assert_eq!(
            (d.engine.as_str(), d.ownership),
            ("llama.cpp", Ownership::Own)
        );
        assert!(d.precision.loaded_by(d.engine().unwrap()));
        assert!(d.plan(&s.scenario.workload).is_ok());
    }

    #[test]
    fn links_restore_state_or_explain() {
        let s = State::from_link("v=1&tpm=3B&api=gpt-5.4", None);
        assert_eq!(s.scenario.workload.tokens_per_month, 3e9);
        assert!(s.notices.is_empty());
        let s = State::from_link("v=1&tpm=<script>&zz=1", None);
        assert_eq!(
            s.scenario.workload.tokens_per_month,
            Workload::default().tokens_per_month
        );
        assert_eq!(s.notices.len(), 2);
        let s = State::from_link(&"x".repeat(10_000), None);
        assert_eq!(s.scenario, Scenario::default());
        assert!(s.notices[0].contains("4096"));
    }

    #[test]
    fn currency_rate_theme_and_tab() {
        let s = reduce(State::default(), Action::SetCurrency("EUR".into()));
        assert_eq!(s.view.money().symbol, "€");
        let s = reduce(s, Action::EditRate("0.9".into()));
        assert_eq!(s.view.usd_rate, Some(0.9));
        let s = reduce(s, Action::EditRate("-1".into()));
        assert_eq!(s.view.usd_rate, Some(0.9));
        assert!(s.error(FieldId::Rate).is_some());
        let s = reduce(s, Action::SetCurrency("CHF".into()));
        assert_eq!(s.view.money().code, "CHF");
        let s = reduce(s, Action::SetCurrency("nope".into()));
        assert_eq!(s.view.currency, "CHF");
        let s = reduce(s, Action::SetTheme(Theme::Dark));
        let s = reduce(s, Action::SetTab(Tab::Table));
        assert_eq!((s.view.theme, s.view.tab), (Theme::Dark, Tab::Table));
    }

    #[test]
    fn a_link_without_a_date_is_priced_on_the_reader_s_day() {
        let today = Date::parse("2026-12-05");
        let s = State::from_link("v=1&api=gemini-4-argon", today);
        assert_eq!(s.scenario.date, today.unwrap());
        // Gemini 4 Argon's price doubled on 2026-12-01, a day the data knew in advance.
        let argon = catalogue::api("gemini-4-argon").unwrap();
        let prices = argon.list_prices(s.scenario.date, 0.0);
        assert_eq!(
            (prices.input, prices.cached_input, prices.output),
            (Some(4.0), Some(0.2), Some(20.0))
        );
        let dated = State::from_link("v=1&date=2026-08-01", today);
        assert_eq!(dated.scenario.date, Date::parse("2026-08-01").unwrap());
        // Days after the data was written are priced as they are.
        let future = State::from_link("v=1", Date::parse("2099-01-01"));
        assert_eq!(future.scenario.date, Date::parse("2099-01-01").unwrap());
        // A clock before every known price is priced on the first.
        let past = State::from_link("v=1", Date::parse("1999-01-01"));
        assert_eq!(past.scenario.date, catalogue::price_dates().0);
    }

    #[test]
    fn your_own_price_is_added_validated_and_removed() {
        let s = reduce(State::default(), Action::AddCustom);
        let s = reduce(s, Action::RenameCustom(0, "Acme\u{202e} Cloud".into()));
        assert_eq!(s.scenario.custom[0].name, "Acme Cloud");
        let s = reduce(s, Action::EditCustom(0, Field::CustomInput, "0.5".into()));
        let s = reduce(s, Action::EditCustom(0, Field::CustomOutput, "-2".into()));
        let prices = &s.scenario.custom[0].prices;
        assert_eq!(
            (
                prices.get(Field::CustomInput),
                prices.get(Field::CustomOutput)
            ),
            (Some(0.5), None)
        );
        assert!(
            s.error(FieldId::Custom(0, Field::CustomOutput))
                .unwrap()
                .contains("your output price must be between")
        );
        let s = reduce(s, Action::RemoveCustom(0));
        assert!(s.scenario.custom.is_empty());
    }

    #[test]
    fn your_own_price_is_typed_in_the_chosen_currency_and_kept_in_dollars() {
        let s = reduce(State::default(), Action::SetCurrency("CHF".into()));
        let s = reduce(s, Action::EditRate("0.8".into()));
        let s = reduce(s, Action::AddCustom);
        // 0.4 francs at 0.8 to the dollar is $0.50 per 1M tokens.
        let s = reduce(s, Action::EditCustom(0, Field::CustomInput, "0.4".into()));
        assert_eq!(
            s.scenario.custom[0].prices.get(Field::CustomInput),
            Some(0.5)
        );
        assert!(
            crossover_pricing::link::encode(&s.scenario, &s.view).contains("c1.in=0.5"),
            "the link keeps dollars"
        );
        // Refused in francs, as typed.
        let s = reduce(s, Action::EditCustom(0, Field::CustomOutput, "9000".into()));
        assert_eq!(
            s.error(FieldId::Custom(0, Field::CustomOutput)),
            Some("your output price must be between CHF 0 and CHF 8k; got CHF 9k")
        );
        // What was typed meant francs: another rate drops the draft and shows the price anew.
        let s = reduce(s, Action::EditRate("0.9".into()));
        assert!(
            s.drafts
                .get(&FieldId::Custom(0, Field::CustomInput))
                .is_none()
        );
        assert_eq!(
            s.scenario.custom[0].prices.get(Field::CustomInput),
            Some(0.5)
        );
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc() {
        let state = Rc::new(State::default());
        let same = state.clone().reduce(Action::DismissNotices);
        assert!(Rc::ptr_eq(&state, &same));
    }
}
