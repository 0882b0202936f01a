//! `assumptions.toml`: the defaults the cost model uses.
//!
//! The file is `as_of`, then section tables whose every key is one default,
//! `name = { value, basis, says, by?, url?, seen?, source }`, then
//! `[default_scenario]`. Each default
//! becomes a field of the generated `Defaults` struct, in file order, so a new
//! default is one TOML line (and the code that uses it); no Rust to edit here.
//!
//! A default's Rust type follows its TOML value:
//! - a TOML boolean is `Sourced<bool>`;
//! - a name in [`WHOLE`] is `Sourced<u32>` and must be a TOML integer, at least 1;
//! - any other number is `Sourced<f64>`.
//!
//! Every number must be finite (TOML `inf` and `nan` are refused), and in the
//! range [`range`] gives by name and section.

use std::ops::Range;

use toml::de::ValueDeserializer;

use super::files::{AnyValue, DefaultScenario, RawAssumed};
use super::types::{Basis, Date, Text};
use super::{Doc, Entry, Problems};

/// Defaults that count things: whole numbers, at least 1, generated as `u32`.
pub const WHOLE: &[&str] = &["min_replicas"];

/// Top-level keys that are not sections of defaults.
const NOT_SECTIONS: &[&str] = &["as_of", "default_scenario"];

/// Field names the generated struct uses for itself.
const RESERVED: &[&str] = &["as_of", "default_apis", "default_deployments"];

pub struct Assumptions {
    pub as_of: Date,
    /// In file order.
    pub defaults: Vec<Assumed>,
    pub default_scenario: Entry<DefaultScenario>,
}

pub struct Assumed {
    pub at: String,
    pub name: String,
    pub value: Value,
    pub basis: Basis,
    pub says: Text,
    pub by: Option<Text>,
    pub url: Option<super::types::Url>,
    pub seen: Option<Date>,
    pub source: Text,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    F64(f64),
    U32(u32),
    Bool(bool),
}

impl Value {
    /// The Rust type of the value.
    pub fn rust_type(self) -> &'static str {
        match self {
            Value::F64(_) => "f64",
            Value::U32(_) => "u32",
            Value::Bool(_) => "bool",
        }
    }
}

/// The range a number default must lie in, by its name, else its section:
/// - `*_share`: a part of a whole, 0 to 1;
/// - `*_utilisation`: above 0 (it divides), at most 1;
/// - `*pue`, `peak_to_average`: ratios of a total to a part of it, at least 1;
/// - `*_per_day`: hours in a day, above 0, at most 24;
/// - `*_hour`: a time of day, 0 or more, below 24;
/// - `utc_offset_hours`: a time zone, -12 to 14;
/// - `*_years`: a lifetime, above 0;
/// - anything else in `[calendar]` and `[workload]` (hours, token volumes,
///   request sizes): above 0;
/// - anything else (prices, staff, power, rates in `[deployment]`, `[owned]`
///   and new sections): 0 or more.
pub fn range(section: &str, name: &str, v: f64) -> Result<(), String> {
    let (ok, what) = if !v.is_finite() {
        (false, "finite")
    } else if name.ends_with("_share") {
        ((0.0..=1.0).contains(&v), "from 0 to 1")
    } else if name.ends_with("_utilisation") {
        (v > 0.0 && v <= 1.0, "above 0 and at most 1")
    } else if name.ends_with("pue") || name == "peak_to_average" {
        (v >= 1.0, "at least 1")
    } else if name.ends_with("_per_day") {
        (v > 0.0 && v <= 24.0, "above 0 and at most 24")
    } else if name.ends_with("_hour") {
        ((0.0..24.0).contains(&v), "0 or more and below 24")
    } else if name == "utc_offset_hours" {
        ((-12.0..=14.0).contains(&v), "from -12 to 14")
    } else if name.ends_with("_years") || matches!(section, "calendar" | "workload") {
        (v > 0.0, "positive")
    } else {
        (v >= 0.0, "zero or more")
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{name} must be {what}, got {v}"))
    }
}

/// A default's value, of the type and in the range its name calls for.
pub fn value(section: &str, name: &str, raw: AnyValue) -> Result<Value, String> {
    match raw {
        AnyValue::Bool(b) if !WHOLE.contains(&name) => Ok(Value::Bool(b)),
        AnyValue::Integer(n) if WHOLE.contains(&name) => match u32::try_from(n) {
            Ok(n) if n >= 1 => Ok(Value::U32(n)),
            _ => Err(format!(
                "{name} must be a whole number, at least 1, got {n}"
            )),
        },
        _ if WHOLE.contains(&name) => Err(format!(
            "{name} must be a whole number (a TOML integer), at least 1"
        )),
        AnyValue::Integer(n) => range(section, name, n as f64).map(|()| Value::F64(n as f64)),
        AnyValue::Float(v) => range(section, name, v).map(|()| Value::F64(v)),
        AnyValue::Bool(_) => unreachable!(),
    }
}

fn is_field_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl Assumptions {
    pub(super) fn load(d: &Doc, p: &mut Problems) -> Option<Assumptions> {
        let before = p.0.len();
        let mut top: Vec<_> = d.root.get_ref().iter().collect();
        top.sort_by_key(|(k, _)| k.span().start);

        let mut as_of = None;
        let mut scenario = None;
        let mut defaults: Vec<Assumed> = Vec::new();
        for (key, item) in top {
            let key_str = key.get_ref().as_ref();
            let span = item.span();
            match key_str {
                "as_of" => match Date::deserialize_from(item) {
                    Ok(date) => as_of = Some(date),
                    Err(e) => p.fail(d.error(Some("as_of"), &span, &e)),
                },
                "default_scenario" => {
                    match serde::Deserialize::deserialize(ValueDeserializer::from(item.clone())) {
                        Ok(value) => {
                            scenario = Some(Entry {
                                at: d.at("default_scenario", &span),
                                value,
                            })
                        }
                        Err(e) => p.fail(d.error(Some("default_scenario"), &span, &e)),
                    }
                }
                section => {
                    let Some(table) = item.get_ref().as_table() else {
                        p.fail(format!(
                            "{}: a top-level key is as_of, default_scenario or a [section] of defaults",
                            d.at(section, &span)
                        ));
                        continue;
                    };
                    let mut rows: Vec<_> = table.iter().collect();
                    rows.sort_by_key(|(k, _)| k.span().start);
                    for (name, row) in rows {
                        let name = name.get_ref().as_ref();
                        let span = row.span();
                        let at = d.at(name, &span);
                        if !is_field_name(name)
                            || RESERVED.contains(&name)
                            || NOT_SECTIONS.contains(&name)
                        {
                            p.fail(format!(
                                "{at}: a default's name must be a lowercase Rust field name other than {RESERVED:?}"
                            ));
                            continue;
                        }
                        if let Some(first) = defaults.iter().find(|a| a.name == name) {
                            p.fail(format!(
                                "{at}: {name} appears twice (first at {})",
                                first.at
                            ));
                            continue;
                        }
                        let raw: RawAssumed = match serde::Deserialize::deserialize(
                            ValueDeserializer::from(row.clone()),
                        ) {
                            Ok(raw) => raw,
                            Err(e) => {
                                p.fail(d.error(Some(name), &span, &e));
                                continue;
                            }
                        };
                        let value_span: Range<usize> = row
                            .get_ref()
                            .as_table()
                            .and_then(|t| t.get("value"))
                            .map_or(span.clone(), |v| v.span());
                        if raw.basis != Basis::Assumption && raw.by.is_none() {
                            p.fail(format!(
                                "{at}: a {} default names who published it (`by`)",
                                if raw.basis == Basis::Sourced {
                                    "sourced"
                                } else {
                                    "derived"
                                }
                            ));
                        }
                        if raw.by.is_none() && (raw.url.is_some() || raw.seen.is_some()) {
                            p.fail(format!("{at}: `url` and `seen` go with `by`"));
                        }
                        match value(section, name, raw.value) {
                            Ok(value) => defaults.push(Assumed {
                                at,
                                name: name.to_string(),
                                value,
                                basis: raw.basis,
                                says: raw.says,
                                by: raw.by,
                                url: raw.url,
                                seen: raw.seen,
                                source: raw.source,
                            }),
                            Err(message) => p.fail(d.problem(name, &value_span, &message)),
                        }
                    }
                }
            }
        }
        if as_of.is_none() && p.0.len() == before {
            p.fail(format!("data/{}: as_of is missing", d.file));
        }
        if scenario.is_none() && p.0.len() == before {
            p.fail(format!("data/{}: [default_scenario] is missing", d.file));
        }
        if p.0.len() != before {
            return None;
        }
        Some(Assumptions {
            as_of: as_of?,
            defaults,
            default_scenario: scenario?,
        })
    }
}

impl Date {
    fn deserialize_from(item: &toml::Spanned<toml::de::DeValue>) -> Result<Date, toml::de::Error> {
        serde::Deserialize::deserialize(ValueDeserializer::from(item.clone()))
    }
}
