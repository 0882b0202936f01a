//! The scenario's text form, version 1: compact, URL-safe, writable by hand.
//!
//! ```text
//! v=1&tpm=2.5e9&in=1500&out=500&api=gpt-5.4-mini,claude-sonnet-4.6
//!    &d1=llama-3.3-70b:fp8:h100-sxm:vllm&d1.gpuh=2.5
//! ```
//!
//! `key=value` pairs joined by `&`; values equal to the default are left
//! out. Any string decodes: what cannot be read becomes a warning and the
//! default stays. docs/share-links.md is the specification.

use crate::day_profile::DayProfile;
use std::fmt;

use serde::Serialize;

use crate::api::{CustomOffering, MAX_CUSTOM_NAME_CHARS};
use crate::catalogue::{self, LicenceFilter, Precision};
use crate::date::Date;
use crate::fields::{Field, Overrides, Scope};
use crate::scenario::{MAX_APIS, MAX_CUSTOM, MAX_DEPLOYMENTS, Scenario};
use crate::selfhost::{Deployment, Ownership};
use crate::units::{format_exponent, format_plain, truncate, visible};
use crate::view::{Tab, Theme, View, is_currency_code, read_rate};
use crate::workload::VolumeUnit;
use crate::workload::Workload;

/// The version this code writes.
pub const VERSION: u32 = 1;
/// Longer texts are refused unread.
pub const MAX_LINK_CHARS: usize = 4096;

/// Why a text could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum DecodeError {
    TooLong { chars: usize, max: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLong { chars, max } => write!(
                f,
                "the link's scenario is {chars} characters long, more than the {max} a Crossover link can have; showing the default scenario"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Something in a text that was ignored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum LinkWarning {
    NoVersion,
    NewerVersion {
        version: String,
    },
    UnknownKey {
        key: String,
    },
    Duplicate {
        key: String,
    },
    BadValue {
        key: String,
        value: String,
        reason: String,
    },
    UnknownId {
        key: String,
        kind: &'static str,
        id: String,
    },
    TooMany {
        what: &'static str,
        max: usize,
    },
    OrphanOverride {
        key: String,
        /// "a deployment", "an offering of your own".
        what: &'static str,
    },
    /// A name longer than a link keeps, cut to its first characters.
    NameCut {
        key: String,
        max: usize,
    },
    NotAPair {
        text: String,
    },
    /// Withdrawn by its provider: priced at its last known price.
    Retired {
        id: String,
    },
    /// A day before any known price: priced on the first.
    BeforePrices {
        asked: Date,
        first: Date,
    },
}

/// Untrusted text for a notice: cut to `max` characters, and what does not
/// show written out, so a quote says what it quotes.
fn quote(text: &str, max: usize) -> String {
    visible(&truncate(text, max))
}

impl fmt::Display for LinkWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkWarning::NoVersion => write!(f, "the link has no version (v=1); read as version 1"),
            LinkWarning::NewerVersion { version } => write!(
                f,
                "the link is from a newer version ({}) of Crossover; read what this version understands",
                quote(version, 10)
            ),
            LinkWarning::UnknownKey { key } => {
                write!(f, "ignored unknown setting \"{}\"", quote(key, 24))
            }
            LinkWarning::Duplicate { key } => {
                write!(
                    f,
                    "\"{}\" appears more than once; the last one counts",
                    quote(key, 24)
                )
            }
            LinkWarning::BadValue { key, value, reason } => write!(
                f,
                "ignored {}=\"{}\": {reason}; kept the default",
                quote(key, 24),
                quote(value, 40)
            ),
            LinkWarning::UnknownId { key, kind, id } => write!(
                f,
                "ignored {}: no {kind} \"{}\" in the catalogue",
                quote(key, 24),
                quote(id, 40)
            ),
            LinkWarning::TooMany { what, max } => {
                write!(f, "kept the first {max} {what}; a link holds no more")
            }
            LinkWarning::OrphanOverride { key, what } => write!(
                f,
                "ignored \"{}\": it sets {what} the link does not define",
                quote(key, 24)
            ),
            LinkWarning::NameCut { key, max } => write!(
                f,
                "{}: the name is cut to its first {max} characters",
                quote(key, 24)
            ),
            LinkWarning::Retired { id } => write!(
                f,
                "\"{}\" is retired by its provider; shown at its last known price",
                quote(id, 40)
            ),
            LinkWarning::BeforePrices { asked, first } => write!(
                f,
                "no prices are known for {asked}; priced as of {first}, the first day they are"
            ),
            LinkWarning::NotAPair { text } => {
                write!(
                    f,
                    "ignored \"{}\": not a key=value setting",
                    quote(text, 40)
                )
            }
        }
    }
}

/// A decoded scenario, how it is to be shown, and what was ignored on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    pub view: View,
    /// Whether the text named the day to price on; if not, the reader's
    /// today (within the data's range) is the one to use.
    pub dated: bool,
    pub warnings: Vec<LinkWarning>,
}

/// Writes a scenario's text form, and how it is shown; defaults are left out.
pub fn encode(scenario: &Scenario, view: &View) -> String {
    // The date always travels, so a link opened later shows the same prices.
    let mut pairs = vec![format!("v={VERSION}"), format!("date={}", scenario.date)];
    let default = Scenario::default();
    for field in Field::workload() {
        let value = scenario.workload.get(field);
        if value.to_bits() != default.workload.get(field).to_bits() {
            pairs.push(format!("{}={}", field.spec().key, number(value)));
        }
    }
    if let Some(day) = &scenario.workload.day_profile {
        pairs.push(format!("day={}", day.write()));
    }
    let dv = View::default();
    if view.currency != dv.currency {
        pairs.push(format!("cur={}", view.currency));
    }
    if let Some(rate) = view.usd_rate {
        pairs.push(format!("rate={}", number(rate)));
    }
    if view.theme != dv.theme {
        pairs.push(format!("theme={}", view.theme.id()));
    }
    if view.tab != dv.tab {
        pairs.push(format!("tab={}", view.tab.id()));
    }
    if view.volume_unit != dv.volume_unit {
        pairs.push(format!("unit={}", view.volume_unit.id()));
    }
    if view.licence_filter != dv.licence_filter {
        pairs.push(format!("lic={}", view.licence_filter.id()));
    }
    if view.embed {
        pairs.push("embed=1".to_string());
    }
    if scenario.apis != default.apis {
        pairs.push(format!("api={}", scenario.apis.join(",")));
    }
    for (i, custom) in scenario.custom.iter().enumerate() {
        let n = i + 1;
        pairs.push(format!("c{n}={}", escape(&custom.name)));
        if let Some(model) = &custom.open_model {
            pairs.push(format!("c{n}.model={model}"));
        }
        for (field, value) in custom.prices.iter() {
            pairs.push(format!("c{n}.{}={}", field.spec().key, number(value)));
        }
    }
    if scenario.deployments != default.deployments {
        if scenario.deployments.is_empty() {
            pairs.push("d=".to_string());
        }
        for (i, dep) in scenario.deployments.iter().enumerate() {
            let n = i + 1;
            pairs.push(format!(
                "d{n}={}:{}:{}:{}",
                dep.model,
                dep.precision.id(),
                dep.gpu,
                dep.engine
            ));
            if dep.ownership == Ownership::Own {
                pairs.push(format!("d{n}.own=1"));
            }
            for (field, value) in dep.overrides.iter() {
                pairs.push(format!("d{n}.{}={}", field.spec().key, number(value)));
            }
        }
    }
    pairs.join("&")
}

/// Free text in a value (a name), percent-encoded but for letters, digits
/// and the punctuation links carry plainly, so it reads back as written.
fn escape(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~()!*',:;".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// The shortest text that reads back as exactly `value`.
fn number(value: f64) -> String {
    let plain = format_plain(value);
    let exponent = format_exponent(value);
    if exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// Reads a scenario from its text form, a URL fragment or a whole share link.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let chars = text.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(DecodeError::TooLong {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    let body = match text.find('#') {
        Some(i) => &text[i + 1..],
        None => text,
    };
    let body = body.trim().trim_start_matches(['?', '#']);
    let mut reader = Reader::default();
    if body.is_empty() {
        return Ok(Decoded {
            scenario: Scenario::default(),
            view: View::default(),
            dated: false,
            warnings: Vec::new(),
        });
    }
    for part in body.split('&').filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((key, value)) => reader.pair(&percent_decode(key), &percent_decode(value)),
            None => reader.warn(LinkWarning::NotAPair {
                text: percent_decode(part),
            }),
        }
    }
    Ok(reader.finish())
}

/// `%3A` -> `:`; malformed escapes stay as they are.
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[derive(Default)]
struct Reader {
    version: Option<String>,
    workload: Workload,
    view: View,
    date: Option<Date>,
    apis: Option<Vec<String>>,
    no_deployments: bool,
    deployments: [Option<Deployment>; MAX_DEPLOYMENTS],
    /// Overrides seen for each deployment slot, applied once all are read.
    pending: Vec<(usize, String, String)>,
    custom: [Option<CustomOffering>; MAX_CUSTOM],
    /// Settings seen for each custom offering, applied once all are read.
    pending_custom: Vec<(usize, String, String)>,
    seen: Vec<String>,
    warnings: Vec<LinkWarning>,
}

impl Reader {
    fn warn(&mut self, warning: LinkWarning) {
        self.warnings.push(warning);
    }

    fn bad(&mut self, key: &str, value: &str, reason: impl fmt::Display) {
        self.warn(LinkWarning::BadValue {
            key: key.to_string(),
            value: value.to_string(),
            reason: reason.to_string(),
        });
    }

    fn pair(&mut self, key: &str, value: &str) {
        if self.seen.iter().any(|k| k == key) {
            self.warn(LinkWarning::Duplicate {
                key: key.to_string(),
            });
        } else if self.seen.len() < 256 {
            self.seen.push(key.to_string());
        }
        if key == "v" {
            self.version = Some(value.to_string());
            return;
        }
        if let Some(field) = Field::from_key(Scope::Workload, key) {
            match field.spec().read(value) {
                Ok(v) => self.workload.set(field, v),
                Err(reason) => self.bad(key, value, reason),
            }
            return;
        }
        match key {
            "cur" | "rate" | "theme" | "tab" | "embed" | "unit" | "lic" => {
                self.view_key(key, value)
            }
            "api" => self.apis(value),
            "date" => self.date(value),
            "day" => match DayProfile::read(value) {
                Ok(day) => self.workload.day_profile = Some(day),
                Err(reason) => self.bad(key, value, reason),
            },
            "d" if value.is_empty() => self.no_deployments = true,
            _ if key.starts_with('c') => self.custom_key(key, value),
            _ => self.deployment_key(key, value),
        }
    }

    fn view_key(&mut self, key: &str, value: &str) {
        let view = &mut self.view;
        let result = match key {
            "cur" if is_currency_code(value) => {
                view.currency = value.to_string();
                Ok(())
            }
            "cur" => Err("expected a three-letter currency code such as EUR".to_string()),
            "rate" => read_rate(value).map(|r| view.usd_rate = Some(r)),
            "theme" => Theme::ALL
                .into_iter()
                .find(|t| t.id() == value)
                .map(|t| view.theme = t)
                .ok_or_else(|| "expected auto, light or dark".to_string()),
            "tab" => Tab::ALL
                .into_iter()
                .find(|t| t.id() == value)
                .map(|t| view.tab = t)
                .ok_or_else(|| "expected monthly, unit, speed, table or why".to_string()),
            "unit" => VolumeUnit::ALL
                .into_iter()
                .find(|u| u.id() == value)
                .map(|u| view.volume_unit = u)
                .ok_or_else(|| "expected tpm, tpd or rpd".to_string()),
            "lic" => LicenceFilter::from_id(value)
                .map(|f| view.licence_filter = f)
                .ok_or_else(|| "expected any, commercial or permissive".to_string()),
            _ => read_bool(value).map(|on| view.embed = on),
        };
        if let Err(reason) = result {
            self.bad(key, value, reason);
        }
    }

    fn apis(&mut self, value: &str) {
        let mut ids = Vec::new();
        for asked in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
            // An id older links used reads as the offering's id now.
            let Some(offering) = catalogue::api(asked) else {
                self.warn(LinkWarning::UnknownId {
                    key: "api".into(),
                    kind: "API offering",
                    id: asked.to_string(),
                });
                continue;
            };
            let id = offering.id;
            if ids.len() == MAX_APIS {
                self.warn(LinkWarning::TooMany {
                    what: "API offerings",
                    max: MAX_APIS,
                });
                break;
            } else if !ids.iter().any(|known| known == id) {
                if offering.retired {
                    self.warn(LinkWarning::Retired { id: id.to_string() });
                }
                ids.push(id.to_string());
            }
        }
        self.apis = Some(ids);
    }

    fn date(&mut self, value: &str) {
        match Date::parse(value) {
            Some(asked) => {
                let day = catalogue::pricing_day(asked);
                if day != asked {
                    self.warn(LinkWarning::BeforePrices { asked, first: day });
                }
                self.date = Some(day);
            }
            None => self.bad("date", value, "expected a date such as 2026-11-30"),
        }
    }

    /// The slot `key` (`d3`, `c2.in`) names, and what follows its dot.
    /// Only canonical numbers (d1, not d01 or d+1) name a slot.
    fn slot<'k>(
        &mut self,
        key: &'k str,
        prefix: char,
        max: usize,
        what: &'static str,
    ) -> Option<(usize, Option<&'k str>)> {
        let unknown = LinkWarning::UnknownKey {
            key: key.to_string(),
        };
        let Some(rest) = key.strip_prefix(prefix) else {
            self.warn(unknown);
            return None;
        };
        let (index, setting) = match rest.split_once('.') {
            Some((index, setting)) => (index, Some(setting)),
            None => (rest, None),
        };
        // u64, not usize: the widget (32-bit) and the CLI read the same.
        match index.parse::<u64>() {
            Ok(n) if n.to_string() != index || n == 0 => self.warn(unknown),
            Ok(n) if n <= max as u64 => return Some((n as usize - 1, setting)),
            Ok(_) => self.warn(LinkWarning::TooMany { what, max }),
            _ => self.warn(unknown),
        }
        None
    }

    fn custom_key(&mut self, key: &str, value: &str) {
        let Some((slot, setting)) = self.slot(key, 'c', MAX_CUSTOM, "offerings of your own") else {
            return;
        };
        match setting {
            None => {
                let name = CustomOffering::clean_name(value);
                if value.chars().count() > MAX_CUSTOM_NAME_CHARS
                    && name.chars().count() == MAX_CUSTOM_NAME_CHARS
                {
                    self.warn(LinkWarning::NameCut {
                        key: key.to_string(),
                        max: MAX_CUSTOM_NAME_CHARS,
                    });
                }
                self.custom[slot] = Some(CustomOffering {
                    name,
                    open_model: None,
                    prices: Overrides::default(),
                })
            }
            Some(setting) => {
                if self.pending_custom.len() < 64 {
                    self.pending_custom
                        .push((slot, setting.to_string(), value.to_string()));
                }
            }
        }
    }

    fn apply_custom(&mut self, slot: usize, setting: &str, value: &str) {
        let key = format!("c{}.{setting}", slot + 1);
        let Some(custom) = self.custom[slot].as_mut() else {
            return self.warn(LinkWarning::OrphanOverride {
                key,
                what: "an offering of your own",
            });
        };
        let result = match (setting, Field::from_key(Scope::Custom, setting)) {
            ("model", _) if catalogue::model(value).is_some() => {
                custom.open_model = Some(value.to_string());
                Ok(())
            }
            ("model", _) => {
                return self.warn(LinkWarning::UnknownId {
                    key,
                    kind: "open model",
                    id: value.to_string(),
                });
            }
            (_, Some(field)) => field
                .spec()
                .read(value)
                .map(|v| custom.prices.set(field, Some(v)))
                .map_err(|e| e.to_string()),
            _ => return self.warn(LinkWarning::UnknownKey { key }),
        };
        if let Err(reason) = result {
            self.bad(&key, value, reason);
        }
    }

    fn deployment_key(&mut self, key: &str, value: &str) {
        let Some((slot, setting)) = self.slot(key, 'd', MAX_DEPLOYMENTS, "deployments") else {
            return;
        };
        match setting {
            None => self.deployment(slot, key, value),
            Some(setting) => {
                if self.pending.len() < 512 {
                    self.pending
                        .push((slot, setting.to_string(), value.to_string()));
                }
            }
        }
    }

    fn deployment(&mut self, slot: usize, key: &str, value: &str) {
        let parts: Vec<&str> = value.split(':').collect();
        let [model, precision, gpu, engine] = parts[..] else {
            return self.bad(key, value, "expected model:precision:gpu:engine");
        };
        let Some(precision) = Precision::from_id(precision) else {
            let ids: Vec<String> = Precision::ALL.iter().map(|p| p.id().to_string()).collect();
            return self.bad(
                key,
                value,
                format_args!("precision must be one of {}", ids.join(", ")),
            );
        };
        for (found, kind, id) in [
            (catalogue::model(model).is_some(), "open model", model),
            (catalogue::gpu(gpu).is_some(), "GPU", gpu),
            (
                catalogue::engine(engine).is_some(),
                "serving engine",
                engine,
            ),
        ] {
            if !found {
                return self.warn(LinkWarning::UnknownId {
                    key: key.to_string(),
                    kind,
                    id: id.to_string(),
                });
            }
        }
        self.deployments[slot] = Some(Deployment::new(model, precision, gpu, engine));
    }

    fn apply_override(&mut self, slot: usize, setting: &str, value: &str) {
        let key = format!("d{}.{setting}", slot + 1);
        let Some(dep) = self.deployments[slot].as_mut() else {
            return self.warn(LinkWarning::OrphanOverride {
                key,
                what: "a deployment",
            });
        };
        let result = match (setting, Field::from_key(Scope::Deployment, setting)) {
            ("own", _) => read_bool(value).map(|own| {
                dep.ownership = if own { Ownership::Own } else { Ownership::Rent };
            }),
            (_, Some(field)) => field
                .spec()
                .read(value)
                .map(|v| dep.overrides.set(field, Some(v)))
                .map_err(|e| e.to_string()),
            _ => return self.warn(LinkWarning::UnknownKey { key }),
        };
        if let Err(reason) = result {
            self.bad(&key, value, reason);
        }
    }

    fn finish(mut self) -> Decoded {
        match self.version.clone().as_deref() {
            None => self.warn(LinkWarning::NoVersion),
            Some("1") => {}
            Some(v) => match v.parse::<u32>() {
                Ok(n) if n > VERSION => self.warn(LinkWarning::NewerVersion {
                    version: v.to_string(),
                }),
                _ => self.bad("v", v, "this version of Crossover reads version 1"),
            },
        }
        for (slot, setting, value) in std::mem::take(&mut self.pending_custom) {
            self.apply_custom(slot, &setting, &value);
        }
        for (slot, setting, value) in std::mem::take(&mut self.pending) {
            self.apply_override(slot, &setting, &value);
        }
        let w = &mut self.workload;
        if w.cached_input_share + w.cache_write_share > 1.0 {
            let value = format_plain(w.cache_write_share);
            w.cache_write_share = Workload::default()
                .cache_write_share
                .min(1.0 - w.cached_input_share);
            self.bad(
                "write",
                &value,
                "cached and cache-write shares together exceed 100%",
            );
        }
        let view = &mut self.view;
        if !is_currency_code(&view.currency)
            || (view.catalogue_currency().is_none() && view.usd_rate.is_none())
        {
            let code = std::mem::replace(&mut view.currency, View::default().currency);
            self.bad(
                "cur",
                &code,
                "a currency not in the catalogue needs its rate (rate=units per US dollar)",
            );
        }
        // Amounts are computed in US dollars: a rate for them would silently
        // scale every price the link shows.
        let view = &mut self.view;
        if view.currency == "USD"
            && let Some(rate) = view.usd_rate.take()
        {
            self.bad(
                "rate",
                &format_plain(rate),
                "amounts in US dollars take no exchange rate",
            );
        }
        let default = Scenario::default();
        let written = self.deployments.iter().any(Option::is_some);
        let deployments = if written || self.no_deployments {
            self.deployments.into_iter().flatten().collect()
        } else {
            default.deployments
        };
        Decoded {
            scenario: Scenario {
                workload: self.workload,
                apis: self.apis.unwrap_or(default.apis),
                custom: self.custom.into_iter().flatten().collect(),
                deployments,
                date: self.date.unwrap_or(default.date),
            },
            dated: self.date.is_some(),
            view: self.view,
            warnings: self.warnings,
        }
    }
}

fn read_bool(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err("expected 1 or 0".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::price_dates;

    #[test]
    fn the_default_scenario_is_the_version_and_the_date() {
        assert_eq!(
            encode(&Scenario::default(), &View::default()),
            format!("v=1&date={}", price_dates().1)
        );
        let decoded = decode("v=1").unwrap();
        assert_eq!(decoded.scenario, Scenario::default());
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn round_trips_overrides() {
        let mut s = Scenario {
            date: Date::parse_const("2026-11-30"),
            ..Scenario::default()
        };
        s.workload.tokens_per_month = 2.5e9;
        s.workload.cached_input_share = 0.2;
        s.apis = vec!["gpt-5.4".into()];
        let mut d = Deployment::new("gpt-oss-120b", Precision::Int4, "h100-sxm", "sglang");
        d.ownership = Ownership::Own;
        d.overrides.set(Field::PurchaseUsdPerGpu, Some(30_000.0));
        d.overrides.set(Field::AlwaysOn, Some(0.0));
        d.overrides.set(Field::MinReplicas, Some(2.0));
        s.deployments = vec![d];
        let text = encode(&s, &View::default());
        assert_eq!(
            text,
            "v=1&date=2026-11-30&tpm=2.5e9&cache=0.2&api=gpt-5.4&d1=gpt-oss-120b:int4:h100-sxm:sglang&d1.own=1&d1.buy=3e4&d1.on=0&d1.min=2"
        );
        let decoded = decode(&text).unwrap();
        assert_eq!(decoded.scenario, s);
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn reads_whole_links_hand_written_numbers_and_escapes() {
        let d = decode("https://example.com/crossover/#v=1&tpm=3B&cache=20%25&d1=llama-3.3-70b%3Afp8%3Ah100-sxm%3Avllm").unwrap();
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.scenario.workload.tokens_per_month, 3e9);
        assert_eq!(d.scenario.workload.cached_input_share, 0.2);
        assert_eq!(d.scenario.deployments[0].model, "llama-3.3-70b");
    }

    #[test]
    fn warns_and_keeps_defaults_for_what_it_cannot_read() {
        let d = decode("tpm=lots&zzz=1&api=nope,gpt-5.4&d1=llama-3.3-70b:fp9:h100-sxm:vllm&d2.gpuh=3&cache=0.9&write=0.5&junk").unwrap();
        let s = &d.scenario;
        assert_eq!(
            s.workload.tokens_per_month,
            Workload::default().tokens_per_month
        );
        assert_eq!(s.apis, vec!["gpt-5.4".to_string()]);
        assert_eq!(s.deployments, Scenario::default().deployments);
        assert!(s.workload.validate().is_ok());
        let messages: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 8, "{messages:#?}");
        assert!(messages.iter().any(|m| m.contains("no version")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("unknown setting \"zzz\""))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("no API offering \"nope\""))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("precision must be one of bf16, fp8, int4, nvfp4, mxfp4, q8_0, q6_k, q5_k_m, q4_k_m, q3_k_m"))
        );
        assert!(messages.iter().any(|m| m.contains("d2.gpuh")));
        assert!(messages.iter().any(|m| m.contains("exceed 100%")));
    }

    #[test]
    fn every_weight_format_round_trips() {
        for precision in Precision::ALL {
            let text = format!("v=1&d1=llama-3.3-70b:{}:rtx-4090:ollama", precision.id());
            let d = decode(&text).unwrap();
            assert!(d.warnings.is_empty(), "{text}: {:?}", d.warnings);
            assert_eq!(d.scenario.deployments[0].precision, precision);
            assert!(
                encode(&d.scenario, &View::default()).contains(&format!(":{}:", precision.id()))
            );
        }
    }

    #[test]
    fn deployment_keys_are_canonical() {
        let d = decode("v=1&d01=gpt-oss-20b:int4:l40s:vllm&d0=x&d+1=y&d9=z").unwrap();
        let messages: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(d.scenario.deployments, Scenario::default().deployments);
        assert!(
            messages
                .iter()
                .filter(|m| m.contains("unknown setting"))
                .count()
                == 3,
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("first 8 deployments")));
    }

    #[test]
    fn a_notice_quotes_what_does_not_show() {
        let d = decode("v=1&tpm=3B%E2%80%8B&cur=E%E2%80%AEUR").unwrap();
        let said: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
        assert!(
            said.iter()
                .any(|w| w.starts_with("ignored tpm=\"3B\\u{200B}\": ")),
            "{said:?}"
        );
        assert!(
            said.iter()
                .all(|w| !w.chars().any(crate::units::is_bidi_control)),
            "{said:?}"
        );
        assert!(said.iter().any(|w| w.contains("E\\u{202E}UR")), "{said:?}");
    }

    #[test]
    fn view_settings_travel_in_the_link() {
        let view = View {
            currency: "CHF".into(),
            usd_rate: Some(0.81),
            theme: Theme::Dark,
            tab: Tab::Table,
            embed: true,
            volume_unit: VolumeUnit::RequestsPerDay,
            licence_filter: LicenceFilter::Permissive,
        };
        let text = encode(&Scenario::default(), &view);
        assert_eq!(
            text,
            format!(
                "v=1&date={}&cur=CHF&rate=0.81&theme=dark&tab=table&unit=rpd&lic=permissive&embed=1",
                price_dates().1
            )
        );
        let d = decode(&text).unwrap();
        assert_eq!((d.scenario, d.view), (Scenario::default(), view));
        let d = decode("v=1&cur=XYZ&theme=neon&tab=pie&cur=eur&unit=rph&lic=free").unwrap();
        assert_eq!(d.view, View::default());
        assert_eq!(d.warnings.len(), 7, "{:?}", d.warnings);
        let bad: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
        assert!(
            bad.iter().any(|w| w.contains("expected tpm, tpd or rpd")),
            "{bad:?}"
        );
        assert!(
            bad.iter()
                .any(|w| w.contains("expected any, commercial or permissive")),
            "{bad:?}"
        );
    }

    #[test]
    fn refuses_only_what_is_too_long() {
        assert!(matches!(
            decode(&"a".repeat(MAX_LINK_CHARS + 1)),
            Err(DecodeError::TooLong { .. })
        ));
        assert!(decode("").unwrap().warnings.is_empty());
        assert_eq!(decode("#").unwrap().scenario, Scenario::default());
    }

    #[test]
    fn an_empty_deployment_list_is_kept() {
        let s = Scenario {
            deployments: Vec::new(),
            apis: Vec::new(),
            ..Scenario::default()
        };
        let text = format!("v=1&date={}&api=&d=", price_dates().1);
        assert_eq!(encode(&s, &View::default()), text);
        assert_eq!(decode(&text).unwrap().scenario, s);
    }

    #[test]
    fn the_date_travels_and_any_day_is_priced() {
        let d = decode("v=1&date=2026-08-01").unwrap();
        assert!(d.dated && d.warnings.is_empty());
        assert_eq!(d.scenario.date, Date::parse_const("2026-08-01"));
        let undated = decode("v=1").unwrap();
        assert!(!undated.dated);
        let (first, _) = price_dates();
        // A day after the data was written is priced as it is.
        let late = decode("v=1&date=2099-01-01").unwrap();
        assert_eq!(late.scenario.date, Date::parse_const("2099-01-01"));
        assert!(late.warnings.is_empty());
        // A day before any known price, before 1970 too, is priced on the first.
        for early in ["1999-01-01", "1969-07-20", "0001-01-01"] {
            let d = decode(&format!("v=1&date={early}")).unwrap();
            assert_eq!(d.scenario.date, first);
            assert!(d.dated);
            assert_eq!(
                d.warnings[0].to_string(),
                format!(
                    "no prices are known for {early}; priced as of {first}, the first day they are"
                )
            );
        }
        let bad = decode("v=1&date=2026-02-30&tpm=3B").unwrap();
        assert_eq!(bad.scenario.workload.tokens_per_month, 3e9);
        assert!(bad.warnings[0].to_string().contains("expected a date"));
    }

    #[test]
    fn your_own_prices_round_trip_and_bad_ones_are_refused() {
        let mut s = Scenario::default();
        let mut prices = Overrides::default();
        prices.set(Field::CustomInput, Some(0.4));
        prices.set(Field::CustomOutput, Some(1.6));
        s.custom = vec![CustomOffering {
            name: "Acme & Co: 50% off #1".into(),
            open_model: Some("llama-3.3-70b".into()),
            prices,
        }];
        let text = encode(&s, &View::default());
        assert!(
            text.contains(
                "c1=Acme%20%26%20Co:%2050%25%20off%20%231&c1.model=llama-3.3-70b&c1.in=0.4&c1.out=1.6"
            ),
            "{text}"
        );
        let d = decode(&text).unwrap();
        assert_eq!(d.scenario, s);
        assert!(d.warnings.is_empty());
        let d = decode("v=1&c1=x&c1.in=-1&c1.out=NaN&c1.model=nope&c2.in=1&c9=y").unwrap();
        let messages: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(d.scenario.custom.len(), 1);
        assert!(d.scenario.custom[0].prices.is_empty());
        assert_eq!(messages.len(), 5, "{messages:#?}");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("your input price must be between"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("no open model \"nope\""))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("first 4 offerings of your own"))
        );
        // Control and direction characters never reach the name.
        let d = decode("v=1&c1=%E2%80%AEevil%0Aname").unwrap();
        assert_eq!(d.scenario.custom[0].name, "evilname");
    }

    #[test]
    fn a_rate_for_us_dollars_is_refused() {
        for link in ["v=1&rate=2", "v=1&cur=USD&rate=2"] {
            let d = decode(link).unwrap();
            assert_eq!(d.view, View::default(), "{link}");
            assert!(
                d.warnings[0].to_string().contains("take no exchange rate"),
                "{link}"
            );
        }
    }

    /// Issue 23's hostile links: each notice says what happened.
    #[test]
    fn notices_name_what_they_ignored_and_what_they_cut() {
        let notice = |link: &str| {
            decode(link)
                .unwrap()
                .warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            notice("v=1&c2.in=3"),
            ["ignored \"c2.in\": it sets an offering of your own the link does not define"]
        );
        assert_eq!(
            notice("v=1&d2.fte=1"),
            ["ignored \"d2.fte\": it sets a deployment the link does not define"]
        );
        let long = format!("v=1&c1={}&c1.in=1&c1.out=2", "A".repeat(60));
        let d = decode(&long).unwrap();
        assert_eq!(d.scenario.custom[0].name.len(), MAX_CUSTOM_NAME_CHARS);
        assert_eq!(
            notice(&long),
            ["c1: the name is cut to its first 40 characters"]
        );
        assert!(notice("v=1&c1=Acme&c1.in=1&c1.out=2").is_empty());
        // An index past 32 bits reads the same in the widget and the CLI.
        for link in ["v=1&d4294967297=x", "v=1&c4294967297=x"] {
            let warnings = notice(link);
            assert!(
                warnings[0].starts_with("kept the first "),
                "{link}: {warnings:?}"
            );
        }
    }

    #[test]
    fn hostile_values_get_plain_short_notices() {
        for (link, says) in [
            ("v=1&tpm=1e300", "got 1e300"),
            ("v=1&cur=EUR&rate=1e300", "between 0.0001 and 1M"),
            ("v=1&cur=EUR&rate=1e-300", "between 0.0001 and 1M"),
            ("v=1&cur=EUR&rate=5e-324", "between 0.0001 and 1M"),
            ("v=1&cur=NAN&rate=2", "cur"),
            ("v=1&cur=inf&rate=2", "cur"),
            ("v=1&tpm=0x10", "not a number"),
            ("v=1&tpm=%D9%A1%D9%A2", "not a number"),
            ("v=1&tpm=1e", "not a number"),
            ("v=1&tpm=-Infinity", "not a number"),
        ] {
            let d = decode(link).unwrap();
            assert_eq!(d.view.usd_rate, None, "{link}");
            assert!(
                d.view.currency != "NAN" && d.view.currency != "INF",
                "{link}"
            );
            let notice = d
                .warnings
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(
                notice.contains(says) && notice.len() < 160,
                "{link}: {notice}"
            );
        }
    }

    #[test]
    fn retired_offerings_still_open_with_a_notice() {
        let d = decode("v=1&api=moonshot-kimi-k2.5").unwrap();
        assert_eq!(d.scenario.apis, vec!["moonshot-kimi-k2.5".to_string()]);
        assert!(d.warnings[0].to_string().contains("retired"));
    }

    #[test]
    fn percent_decoding_leaves_malformed_escapes() {
        assert_eq!(percent_decode("a%3Ab%zz%4"), "a:b%zz%4");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%e2%82%ac"), "€");
    }
}
