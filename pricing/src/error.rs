//! Typed errors for input the model cannot price.

use std::fmt;

use serde::Serialize;

use crate::units::{format_count, truncate};

/// A value outside what the model accepts, named so a person can fix it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum InputError {
    NotFinite {
        field: &'static str,
    },
    OutOfRange {
        field: &'static str,
        value: f64,
        min: f64,
        max: f64,
    },
    SharesExceedOne {
        first: &'static str,
        second: &'static str,
    },
    UnknownId {
        kind: &'static str,
        id: String,
    },
}

impl InputError {
    pub fn check_range(
        field: &'static str,
        value: f64,
        min: f64,
        max: f64,
    ) -> Result<(), InputError> {
        if !value.is_finite() {
            Err(InputError::NotFinite { field })
        } else if value < min || value > max {
            Err(InputError::OutOfRange {
                field,
                value,
                min,
                max,
            })
        } else {
            Ok(())
        }
    }

    /// The field the error is about, for placing a message beside it.
    pub fn field(&self) -> &str {
        match self {
            InputError::NotFinite { field } | InputError::OutOfRange { field, .. } => field,
            InputError::SharesExceedOne { second, .. } => second,
            InputError::UnknownId { kind, .. } => kind,
        }
    }
}

fn plain(value: f64) -> String {
    if value.abs() >= 1e4 {
        format_count(value)
    } else {
        crate::units::format_trimmed(value, 4)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFinite { field } => write!(f, "{field} must be a finite number"),
            InputError::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(
                f,
                "{field} must be between {} and {}; got {}",
                plain(*min),
                plain(*max),
                plain(*value)
            ),
            InputError::SharesExceedOne { first, second } => {
                write!(f, "{first} and {second} together must not exceed 100%")
            }
            InputError::UnknownId { kind, id } => {
                write!(
                    f,
                    "no {kind} called \"{}\" in the catalogue",
                    truncate(id, 40)
                )
            }
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field_and_the_range() {
        let e = InputError::check_range("tokens per month", 5.0, 1e3, 1e16).unwrap_err();
        assert_eq!(
            e.to_string(),
            "tokens per month must be between 1000 and 10000T; got 5"
        );
        assert_eq!(e.field(), "tokens per month");
        let e = InputError::check_range("batch share", f64::INFINITY, 0.0, 1.0).unwrap_err();
        assert_eq!(e.to_string(), "batch share must be a finite number");
        assert!(InputError::check_range("x", 0.5, 0.0, 1.0).is_ok());
    }
}
