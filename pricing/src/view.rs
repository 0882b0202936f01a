//! How a scenario is shown: currency, theme, first tab, embedded or not,
//! the unit the volume is typed in and which licences the model lists offer.
//! It travels in the share link beside the scenario, not inside it: none of
//! it changes a figure in US dollars, so nothing is recomputed when it
//! changes.

use serde::{Deserialize, Serialize};

use crate::catalogue::{CURRENCIES, Currency, LicenceFilter};
use crate::workload::VolumeUnit;

/// The exchange rates accepted (units of a currency per US dollar): from a
/// currency worth ten thousand dollars to one worth a millionth of one. No
/// currency comes near either end, and between them every amount prints.
pub const MIN_USD_RATE: f64 = 1e-4;
pub const MAX_USD_RATE: f64 = 1e6;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What a narrow or embedded widget shows first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tab {
    #[default]
    Monthly,
    Unit,
    Speed,
    Table,
    Why,
}

impl Tab {
    pub const ALL: [Tab; 5] = [Tab::Monthly, Tab::Unit, Tab::Speed, Tab::Table, Tab::Why];

    pub fn id(self) -> &'static str {
        match self {
            Tab::Monthly => "monthly",
            Tab::Unit => "unit",
            Tab::Speed => "speed",
            Tab::Table => "table",
            Tab::Why => "why",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            // Five fit one row of a 360 px phone; the charts' captions say the rest.
            Tab::Monthly => "Monthly",
            Tab::Unit => "Per 1M",
            Tab::Speed => "Speed",
            Tab::Table => "Table",
            Tab::Why => "Why",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// ISO 4217 code: one of the catalogue's, or any other with a rate.
    pub currency: String,
    /// Units of the currency per US dollar, in place of the catalogue's.
    pub usd_rate: Option<f64>,
    pub theme: Theme,
    pub tab: Tab,
    /// Compact chrome for pages that embed the widget.
    pub embed: bool,
    /// The unit the volume box reads and shows.
    #[serde(default)]
    pub volume_unit: VolumeUnit,
    /// Which open models the lists offer.
    #[serde(default)]
    pub licence_filter: LicenceFilter,
}

impl Default for View {
    fn default() -> Self {
        View {
            currency: "USD".to_string(),
            usd_rate: None,
            theme: Theme::Auto,
            tab: Tab::Monthly,
            embed: false,
            volume_unit: VolumeUnit::TokensPerMonth,
            licence_filter: LicenceFilter::Any,
        }
    }
}

/// Reads an exchange rate (units of a currency per US dollar), typed or
/// from a link.
pub fn read_rate(text: &str) -> Result<f64, String> {
    let rate = crate::units::parse_quantity(text).map_err(|e| e.to_string())?;
    if (MIN_USD_RATE..=MAX_USD_RATE).contains(&rate) {
        Ok(rate)
    } else {
        Err(format!(
            "a rate is between {} and {}",
            crate::units::format_count(MIN_USD_RATE),
            crate::units::format_count(MAX_USD_RATE)
        ))
    }
}

/// Whether `code` looks like an ISO 4217 code: three capital letters, and
/// not NAN or INF, which beside an amount read as a broken number.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(code, "NAN" | "INF")
}

/// A currency to show amounts in: symbol and units per US dollar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    pub code: String,
    pub symbol: String,
    pub per_usd: f64,
    /// From the catalogue (true) or typed by the user.
    pub catalogue_rate: bool,
}

impl Money {
    /// US dollars, as `data/currencies.toml` has them.
    pub fn usd() -> Money {
        let usd = CURRENCIES
            .iter()
            .find(|c| c.code == "USD")
            .expect("build.rs requires a USD entry");
        Money::of(usd, None)
    }

    /// A catalogue currency, at its rate or at `rate`.
    fn of(currency: &Currency, rate: Option<f64>) -> Money {
        Money {
            code: currency.code.to_string(),
            symbol: currency.symbol.to_string(),
            per_usd: rate.unwrap_or(currency.per_usd),
            catalogue_rate: rate.is_none(),
        }
    }

    pub fn convert(&self, usd: f64) -> f64 {
        usd * self.per_usd
    }
}

impl View {
    pub fn catalogue_currency(&self) -> Option<&'static Currency> {
        CURRENCIES.iter().find(|c| c.code == self.currency)
    }

    /// The currency amounts are shown in; an unknown code without a rate
    /// falls back to US dollars.
    pub fn money(&self) -> Money {
        let rate = self
            .usd_rate
            .filter(|r| (MIN_USD_RATE..=MAX_USD_RATE).contains(r));
        match (self.catalogue_currency(), rate) {
            (Some(c), rate) => Money::of(c, rate),
            (None, Some(rate)) if is_currency_code(&self.currency) => Money {
                code: self.currency.clone(),
                symbol: format!("{} ", self.currency),
                per_usd: rate,
                catalogue_rate: false,
            },
            _ => Money::usd(),
        }
    }
}

/// An amount in US dollars shown in `money`: `"€11.4k"`, `"CHF 950"`.
pub fn format_money(usd: f64, money: &Money) -> String {
    crate::units::format_amount(money.convert(usd), &money.symbol)
}

/// Whole units with thousands separators, in `money`: `"€11,352"`.
pub fn format_money_whole(usd: f64, money: &Money) -> String {
    crate::units::format_whole(money.convert(usd), &money.symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_resolve_with_their_rates() {
        assert_eq!(View::default().money(), Money::usd());
        let eur = View {
            currency: "EUR".into(),
            ..View::default()
        }
        .money();
        assert_eq!(eur.symbol, "€");
        assert!(eur.catalogue_rate && eur.per_usd > 0.5 && eur.per_usd < 1.5);
        let typed = View {
            currency: "EUR".into(),
            usd_rate: Some(0.9),
            ..View::default()
        }
        .money();
        assert_eq!((typed.per_usd, typed.catalogue_rate), (0.9, false));
        let chf = View {
            currency: "CHF".into(),
            usd_rate: Some(0.8),
            ..View::default()
        }
        .money();
        assert_eq!((chf.symbol.as_str(), chf.per_usd), ("CHF ", 0.8));
        // Unknown without a rate, or not a code at all: US dollars.
        assert_eq!(
            View {
                currency: "CHF".into(),
                ..View::default()
            }
            .money(),
            Money::usd()
        );
        assert_eq!(
            View {
                currency: "<b>".into(),
                usd_rate: Some(2.0),
                ..View::default()
            }
            .money(),
            Money::usd()
        );
    }
}
