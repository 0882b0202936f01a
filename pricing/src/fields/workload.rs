//! The workload read and written by field: its defaults, each quantity by
//! its [`Field`], and every value checked against its range. Here rather
//! than in `workload.rs`, so the workload knows nothing of the table.

use super::{Field, Place};
use crate::error::InputError;
use crate::workload::Workload;

impl Default for Workload {
    fn default() -> Self {
        let mut w = Workload {
            tokens_per_month: 0.0,
            input_tokens_per_request: 0.0,
            output_tokens_per_request: 0.0,
            cached_input_share: 0.0,
            cache_write_share: 0.0,
            batch_share: 0.0,
            peak_to_average: 0.0,
            service_hours_per_day: 0.0,
            service_start_hour: 0.0,
            utc_offset_hours: 0.0,
            min_user_output_tokens_per_second: 0.0,
            max_time_to_first_token_seconds: 0.0,
            day_profile: None,
        };
        for field in Field::workload() {
            if let Some(default) = field.spec().default_for(None) {
                w.set(field, default.value);
            }
        }
        w
    }
}

impl Workload {
    /// A quantity of the workload, by its [`Field`]; 0 for fields kept elsewhere.
    pub fn get(&self, field: Field) -> f64 {
        match field.spec().place {
            Place::Workload { get, .. } => get(self),
            Place::Deployment { .. } | Place::Custom => 0.0,
        }
    }

    /// Sets a quantity of the workload; fields kept elsewhere are ignored.
    pub fn set(&mut self, field: Field, value: f64) {
        if let Place::Workload { set, .. } = field.spec().place {
            set(self, value);
        }
    }

    /// Every quantity checked against its range in [`crate::fields`].
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let mut errors: Vec<InputError> = Field::workload()
            .filter_map(|field| field.spec().check(self.get(field)).err())
            .collect();
        if errors.is_empty() && self.cached_input_share + self.cache_write_share > 1.0 + 1e-12 {
            errors.push(InputError::SharesExceedOne {
                first: Field::CachedShare,
                second: Field::CacheWriteShare,
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
