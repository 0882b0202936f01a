//! Typed errors for input the model cannot price.

use std::fmt;

use serde::Serialize;

use super::Field;
use crate::units::truncate;

/// A value outside what the model accepts, named so a person can fix it.
/// Each names its [`Field`], so a form puts it beside the right input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum InputError {
    NotFinite {
        field: Field,
    },
    OutOfRange {
        field: Field,
        value: f64,
        min: f64,
        max: f64,
    },
    NotWhole {
        field: Field,
        value: f64,
    },
    SharesExceedOne {
        first: Field,
        second: Field,
    },
    UnknownId {
        kind: &'static str,
        id: String,
    },
    /// A quantity the model needs that has no default here (renting a
    /// machine no one rents out) and was not typed.
    Missing {
        field: Field,
    },
}

impl InputError {
    /// Several errors as one message, separated by semicolons.
    pub fn join(errors: &[InputError]) -> String {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The field the error is about, for placing a message beside it; a
    /// joint limit names the field checked last.
    pub fn field(&self) -> Option<Field> {
        match self {
            InputError::NotFinite { field }
            | InputError::OutOfRange { field, .. }
            | InputError::NotWhole { field, .. }
            | InputError::Missing { field } => Some(*field),
            InputError::SharesExceedOne { second, .. } => Some(*second),
            InputError::UnknownId { .. } => None,
        }
    }

    /// Whether the error concerns `field`, alone or with another.
    pub fn concerns(&self, field: Field) -> bool {
        match self {
            InputError::SharesExceedOne { first, second } => *first == field || *second == field,
            _ => self.field() == Some(field),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFinite { field } => {
                write!(f, "{} must be a finite number", field.spec().name)
            }
            InputError::Missing { field } => write!(
                f,
                "{}: the catalogue has none for this GPU; type one, or own it",
                field.spec().name
            ),
            InputError::OutOfRange {
                field,
                value,
                min,
                max,
            } => {
                let spec = field.spec();
                write!(
                    f,
                    "{} must be between {} and {}; got {}",
                    spec.name,
                    spec.format_value(*min),
                    spec.format_value(*max),
                    spec.format_refused(*value, *min, *max)
                )
            }
            InputError::NotWhole { field, value } => {
                let spec = field.spec();
                write!(
                    f,
                    "{} must be a whole number; got {}",
                    spec.name,
                    spec.format_value(*value)
                )
            }
            InputError::SharesExceedOne { first, second } => {
                write!(
                    f,
                    "{} and {} together must not exceed 100%",
                    first.spec().name,
                    second.spec().name
                )
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
        let e = Field::TokensPerMonth.spec().check(5.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "tokens per month must be between 1000 and 10000T; got 5"
        );
        assert_eq!(e.field(), Some(Field::TokensPerMonth));
        let e = Field::BatchShare.spec().check(f64::INFINITY).unwrap_err();
        assert_eq!(e.to_string(), "batch share must be a finite number");
        assert!(Field::BatchShare.spec().check(0.5).is_ok());
    }
}
