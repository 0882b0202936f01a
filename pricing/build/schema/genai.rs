//! `data/genai-prices.json`: the dated price history of every offering
//! `apis.toml` imports from the genai-prices package, as `scripts/update-prices`
//! wrote it. Prices are exact decimal text there; they are read as numbers
//! here and checked like every other price.

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny};

use super::types::{Date, NonNegative};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenaiFile {
    pub written_on: Date,
    pub package: String,
    pub version: String,
    #[serde(rename = "license")]
    pub _license: IgnoredAny,
    #[serde(rename = "written_by")]
    pub _written_by: IgnoredAny,
    pub offerings: Vec<GenaiOffering>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenaiOffering {
    pub provider: String,
    #[serde(rename = "provider_name")]
    pub _provider_name: IgnoredAny,
    pub pricing_url: Option<String>,
    pub model: String,
    pub name: Option<String>,
    pub context_window: Option<u64>,
    pub deprecated: bool,
    pub price_comments: Option<String>,
    pub prices: Vec<GenaiPrice>,
    /// Prices limited to hours of the day (UTC); outside them, `prices` apply.
    pub hours: Vec<GenaiHours>,
    pub batch: Vec<GenaiPrice>,
}

/// Prices from `utc_start` to `utc_end` (`HH:MM`; an end before the start
/// runs past midnight).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenaiHours {
    pub utc_start: Clock,
    pub utc_end: Clock,
    pub input: Option<Tiered>,
    pub cached_input: Option<Tiered>,
    pub cache_write: Option<Tiered>,
    pub output: Option<Tiered>,
}

/// A time of day, `HH:MM`, as minutes after midnight.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Clock(pub u16);

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let parsed = text.split_once(':').and_then(|(h, m)| {
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (text.len() == 5 && h < 24 && m < 60).then_some(h * 60 + m)
        });
        parsed
            .map(Clock)
            .ok_or_else(|| de::Error::custom(format!("{text:?} is not a time of day HH:MM")))
    }
}

/// Prices from a day on (`from`: none for the first).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenaiPrice {
    pub from: Option<Date>,
    pub input: Option<Tiered>,
    pub cached_input: Option<Tiered>,
    pub cache_write: Option<Tiered>,
    pub output: Option<Tiered>,
}

/// A base price and the prices above input-length thresholds.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Tiered {
    pub base: Decimal,
    #[serde(default)]
    pub tiers: Vec<(u64, Decimal)>,
}

/// A price written as decimal text (`"0.075"`), zero or more.
#[derive(Clone, Copy)]
pub struct Decimal(pub f64);

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let value: f64 = text
            .parse()
            .map_err(|_| de::Error::custom(format!("{text:?} is not a decimal price")))?;
        NonNegative::check(value)
            .map(|v| Decimal(v.0))
            .map_err(de::Error::custom)
    }
}

impl GenaiFile {
    /// Reads the file's text; a problem is one line naming the file.
    pub fn parse(text: &str) -> Result<GenaiFile, String> {
        let file: GenaiFile =
            serde_json::from_str(text).map_err(|e| format!("data/genai-prices.json: {e}"))?;
        if file.package != "genai-prices" {
            return Err(format!(
                "data/genai-prices.json: written from {:?}, not genai-prices",
                file.package
            ));
        }
        Ok(file)
    }

    pub fn find(&self, provider: &str, model: &str) -> Option<&GenaiOffering> {
        self.offerings
            .iter()
            .find(|o| o.provider == provider && o.model == model)
    }
}
