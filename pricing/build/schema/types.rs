//! Value types of the catalogue schema. Each one checks itself while it is
//! deserialised, so a bad value is a deserialisation error and toml reports
//! where it sits (line and column).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// Declares a number newtype whose `Deserialize` accepts TOML integers and
/// floats and refuses values outside `$ok`, with `$what` in the message.
macro_rules! number {
    ($(#[$doc:meta])* $name:ident, $what:literal, |$v:ident| $ok:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
        pub struct $name(pub f64);

        impl $name {
            pub fn check($v: f64) -> Result<$name, String> {
                if $v.is_finite() && $ok {
                    Ok($name($v))
                } else {
                    Err(format!(concat!("must be ", $what, ", got {}"), $v))
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("a number ", $what))
                    }
                    fn visit_f64<E: de::Error>(self, v: f64) -> Result<$name, E> {
                        $name::check(v).map_err(E::custom)
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$name, E> {
                        self.visit_f64(v as f64)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$name, E> {
                        self.visit_f64(v as f64)
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}

number!(
    /// A finite number above zero.
    Positive, "positive", |v| v > 0.0
);
number!(
    /// A finite number, zero or above: prices, overheads.
    NonNegative, "zero or more", |v| v >= 0.0
);
number!(
    /// A share of a whole that cannot be zero: efficiencies, memory fractions.
    Fraction, "in (0, 1]", |v| v > 0.0 && v <= 1.0
);

/// A whole number, at least 1: counts of GPUs, layers, sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Count(pub u32);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number, at least 1")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                match u32::try_from(v) {
                    Ok(n) if n >= 1 => Ok(Count(n)),
                    _ => Err(E::custom(format!(
                        "must be a whole number from 1 to {}, got {v}",
                        u32::MAX
                    ))),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(-1))
            }
        }
        d.deserialize_any(V)
    }
}

/// Declares a string newtype whose `Deserialize` refuses strings failing `$ok`.
macro_rules! text {
    ($(#[$doc:meta])* $name:ident, $what:literal, |$s:ident| $ok:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, $s: &str) -> Result<$name, E> {
                        if $ok {
                            Ok($name($s.to_string()))
                        } else {
                            Err(E::custom(format!(concat!("must be ", $what, ", got {:?}"), $s)))
                        }
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}

text!(
    /// Text that is not blank: names, sources that are citations.
    Text, "non-blank text", |s| !s.trim().is_empty()
);
text!(
    /// A catalogue id: lowercase letters, digits, '.' and '-'. Ids appear in share links.
    Id, "an id of lowercase letters, digits, '.' and '-'", |s| !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
);
text!(
    /// The start of made ids: empty, or an id ending in '-' (`together-`).
    IdPrefix, "empty or an id ending in '-'", |s| s.is_empty()
        || (s.ends_with('-') && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'))
);
text!(
    /// Provenance every price and figure carries: a web address, which may
    /// be followed by words saying where on the page.
    Url, "an http:// or https:// URL", |s| ["https://", "http://"]
        .iter()
        .any(|scheme| s.strip_prefix(scheme).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphanumeric())))
);

text!(
    /// A Hugging Face repository, `organisation/name`: what the widget links to.
    HfRepo, "a Hugging Face repository as organisation/name", |s| s
        .split_once('/')
        .is_some_and(|(org, name)| [org, name].iter().all(|part| !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))))
);

/// A calendar date, YYYY-MM-DD: a TOML date (`as_of = 2026-11-26`) or a
/// string holding one (`as_of = "2026-11-26"`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub String);

impl Date {
    pub fn check(s: &str) -> Result<Date, String> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b[r.clone()].iter().all(u8::is_ascii_digit) && !r.is_empty()
        };
        let ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && digits(0..4)
            && digits(5..7)
            && digits(8..10);
        if ok {
            let year: u32 = s[0..4].parse().unwrap();
            let month: u32 = s[5..7].parse().unwrap();
            let day: u32 = s[8..10].parse().unwrap();
            let leap =
                year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
            let days = match month {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => 0,
            };
            if (1..=days).contains(&day) {
                return Ok(Date(s.to_string()));
            }
        }
        Err(format!("must be a YYYY-MM-DD date, got {s:?}"))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a YYYY-MM-DD date")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                Date::check(s).map_err(E::custom)
            }
            // toml hands a TOML date-time over as a map with one private key.
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
                let dt =
                    toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if dt.time.is_some() || dt.offset.is_some() {
                    return Err(de::Error::custom(format!(
                        "must be a date without a time, got {dt}"
                    )));
                }
                Date::check(&dt.to_string()).map_err(de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// Declares a closed set: a serde enum, so an unknown value is a
/// deserialisation error that lists the known ones, plus the Rust path each
/// variant is written out as. With `Variant = "id"` each id is spelled out,
/// and the set gets `ALL` and `id()` from the same list.
macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident, $rust:literal { $($variant:ident = $id:literal),* $(,)? }) => {
        closed_set!($(#[$doc])* $name, $rust, "lowercase" { $(#[serde(rename = $id)] $variant),* });

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),*];

            /// The id in data/ and in share links.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),*
                }
            }
        }
    };
    ($(#[$doc:meta])* $name:ident, $rust:literal, $case:literal { $($(#[$vattr:meta])* $variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
        #[serde(rename_all = $case)]
        pub enum $name {
            $($(#[$vattr])* $variant),*
        }

        impl $name {
            /// The variant as generated code names it, e.g. `Precision::Fp8`.
            pub fn rust(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($rust, "::", stringify!($variant))),*
                }
            }
        }
    };
}

closed_set!(
    /// Who runs an API offering's model.
    ApiKind, "ApiKind", "kebab-case" { Closed, HostedOpen }
);
/// Whether a provider sells its own models or hosts others'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderRole {
    Maker,
    Host,
}
closed_set!(
    /// A number format weights are served in.
    Precision, "Precision" {
        Bf16 = "bf16", Fp8 = "fp8", Int4 = "int4", Nvfp4 = "nvfp4", Mxfp4 = "mxfp4",
        Q8_0 = "q8_0", Q6K = "q6_k", Q5KM = "q5_k_m", Q4KM = "q4_k_m", Q3KM = "q3_k_m",
    }
);
closed_set!(
    /// A low-precision tensor-core rate.
    ComputeRate, "ComputeRate", "lowercase" { Fp8, Fp4 }
);
closed_set!(
    /// How the GPUs of one replica talk to each other.
    GpuLink, "GpuLink", "kebab-case" { Nvlink, InfinityFabric, Pcie }
);
closed_set!(
    /// Batched server or single-user server.
    EngineKind, "EngineKind", "lowercase" { Batched, Local }
);
closed_set!(
    /// What a model's makers publish: the weights only, or also the training
    /// code and data.
    Openness, "Openness", "kebab-case" { OpenWeight, FullyOpen }
);
closed_set!(
    /// Where a default or a figure comes from.
    Basis, "Basis", "lowercase" { Sourced, Derived, Assumption }
);
