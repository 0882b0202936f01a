//! The monthly token workload: how much, what shape, and when.

use serde::{Deserialize, Serialize};

use crate::catalogue::DEFAULTS;
use crate::day_profile::DayProfile;

/// The volumes the model accepts, in tokens per month (the range of
/// `tpm` in the share link; break-evens are solved over it).
pub const MIN_TOKENS_PER_MONTH: f64 = 1e3;
pub const MAX_TOKENS_PER_MONTH: f64 = 1e16;

/// The unit a person states their volume in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VolumeUnit {
    #[default]
    TokensPerMonth,
    TokensPerDay,
    /// Requests a day, each of the workload's input + output tokens.
    RequestsPerDay,
}

impl VolumeUnit {
    pub const ALL: [VolumeUnit; 3] = [
        VolumeUnit::TokensPerMonth,
        VolumeUnit::TokensPerDay,
        VolumeUnit::RequestsPerDay,
    ];

    /// Its id in share links.
    pub fn id(self) -> &'static str {
        match self {
            VolumeUnit::TokensPerMonth => "tpm",
            VolumeUnit::TokensPerDay => "tpd",
            VolumeUnit::RequestsPerDay => "rpd",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VolumeUnit::TokensPerMonth => "tokens per month",
            VolumeUnit::TokensPerDay => "tokens per day",
            VolumeUnit::RequestsPerDay => "requests per day",
        }
    }

    /// What a volume of `tokens_per_month` is in this unit.
    pub fn from_tokens_per_month(self, tokens_per_month: f64, workload: &Workload) -> f64 {
        let days = DEFAULTS.hours_per_month.value / 24.0;
        match self {
            VolumeUnit::TokensPerMonth => tokens_per_month,
            VolumeUnit::TokensPerDay => tokens_per_month / days,
            VolumeUnit::RequestsPerDay => tokens_per_month / days / workload.tokens_per_request(),
        }
    }

    /// Tokens per month for `amount` in this unit (a month is 730 h, 30.42 days).
    pub fn to_tokens_per_month(self, amount: f64, workload: &Workload) -> f64 {
        let days = DEFAULTS.hours_per_month.value / 24.0;
        match self {
            VolumeUnit::TokensPerMonth => amount,
            VolumeUnit::TokensPerDay => amount * days,
            VolumeUnit::RequestsPerDay => amount * days * workload.tokens_per_request(),
        }
    }
}

/// Part of the day with even traffic: `hours` a day carrying `share` of
/// the day's interactive tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DayStretch {
    pub hours: f64,
    pub share: f64,
}

const MINUTES_A_DAY: f64 = 24.0 * 60.0;

/// Minutes after midnight, brought into one day by floor: `rem_euclid`
/// brings a software fmod to the widget.
fn in_day(minutes: f64) -> f64 {
    minutes - MINUTES_A_DAY * (minutes / MINUTES_A_DAY).floor()
}

/// A stretch of the day's circle in UTC: where it begins, minutes after
/// midnight, and how many minutes it lasts (at most a day).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DayArc {
    pub start_minute: f64,
    pub minutes: f64,
}

impl DayArc {
    /// From one UTC minute of the day to another; an end before the start
    /// runs past midnight.
    pub(crate) fn utc(start_minute: u16, end_minute: u16) -> DayArc {
        let start = f64::from(start_minute);
        DayArc {
            start_minute: start,
            minutes: in_day(f64::from(end_minute) - start),
        }
    }

    /// `hours` from `local_hour` in a time zone `utc_offset_hours` ahead of UTC.
    pub(crate) fn local(local_hour: f64, hours: f64, utc_offset_hours: f64) -> DayArc {
        DayArc {
            start_minute: in_day((local_hour - utc_offset_hours) * 60.0),
            minutes: (hours * 60.0).min(MINUTES_A_DAY),
        }
    }

    /// Minutes the two share: this one shifted a day either way covers
    /// every overlap on the circle.
    pub(crate) fn overlap(self, other: DayArc) -> f64 {
        [-MINUTES_A_DAY, 0.0, MINUTES_A_DAY]
            .iter()
            .map(|shift| {
                let from = (self.start_minute + shift).max(other.start_minute);
                let to = (self.start_minute + shift + self.minutes)
                    .min(other.start_minute + other.minutes);
                (to - from).max(0.0)
            })
            .sum()
    }
}

/// A month's traffic. Volumes count input and output tokens together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    pub tokens_per_month: f64,
    /// Average prompt length, including any cached prefix.
    pub input_tokens_per_request: f64,
    /// Average completion length, including any reasoning tokens.
    pub output_tokens_per_request: f64,
    /// Share of input tokens read from a prompt cache.
    pub cached_input_share: f64,
    /// Share of input tokens written to a prompt cache (billed apart by some APIs).
    pub cache_write_share: f64,
    /// Share of traffic that can wait for a batch API, or off-peak capacity.
    pub batch_share: f64,
    /// Busiest-hour load over the average load of the service hours.
    pub peak_to_average: f64,
    /// Hours a day the traffic arrives in.
    pub service_hours_per_day: f64,
    /// When the service hours begin, hours after local midnight.
    pub service_start_hour: f64,
    /// The workload's time zone, hours ahead of UTC (New York -5, Beijing 8).
    pub utc_offset_hours: f64,
    /// Service level: the slowest generation speed an interactive user
    /// accepts, output tokens a second; 0 for none.
    pub min_user_output_tokens_per_second: f64,
    /// Service level: the longest an interactive user waits for the first
    /// token at the busiest hour, seconds; 0 for none.
    pub max_time_to_first_token_seconds: f64,
    /// Traffic hour by hour; when set, it replaces `peak_to_average`,
    /// `service_hours_per_day` and `service_start_hour`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_profile: Option<DayProfile>,
}

impl Workload {
    /// The volume from a request count: requests x (input + output tokens).
    pub fn tokens_for_requests(&self, requests_per_month: f64) -> f64 {
        requests_per_month * self.tokens_per_request()
    }

    pub fn tokens_per_request(&self) -> f64 {
        self.input_tokens_per_request + self.output_tokens_per_request
    }

    pub fn requests_per_month(&self) -> f64 {
        self.tokens_per_month / self.tokens_per_request()
    }

    /// Share of all tokens that are input.
    pub fn input_share(&self) -> f64 {
        self.input_tokens_per_request / self.tokens_per_request()
    }

    /// Hours a day in which traffic arrives.
    pub fn service_hours(&self) -> f64 {
        match &self.day_profile {
            Some(day) => day.service_hours(),
            None => self.service_hours_per_day,
        }
    }

    /// Seconds a month in which traffic arrives.
    pub fn service_seconds_per_month(&self) -> f64 {
        DEFAULTS.hours_per_month.value * self.service_hours() / 24.0 * 3600.0
    }

    /// The share of a day's traffic that arrives between two times of day
    /// in UTC (minutes after midnight; an end before the start runs past
    /// midnight): the service hours, in the workload's time zone, carry the
    /// day's traffic evenly.
    pub fn daily_share_utc(&self, start_minute: u16, end_minute: u16) -> f64 {
        let span = DayArc::utc(start_minute, end_minute);
        if let Some(day) = &self.day_profile {
            return day.share_of(span, self.utc_offset_hours);
        }
        let service = DayArc::local(
            self.service_start_hour,
            self.service_hours_per_day,
            self.utc_offset_hours,
        );
        if service.minutes <= 0.0 {
            return 0.0;
        }
        (span.overlap(service) / service.minutes).min(1.0)
    }

    /// The service hours as stretches of even traffic: the busiest hour at
    /// `peak_to_average` times the average (at most all of the day's
    /// traffic), the other hours sharing the rest evenly. What the busiest
    /// hour and the service hours say of a day, and no more.
    pub fn day_stretches(&self) -> Vec<DayStretch> {
        if let Some(day) = &self.day_profile {
            return day.stretches();
        }
        let hours = self.service_hours_per_day;
        if hours <= 1.0 {
            return vec![DayStretch { hours, share: 1.0 }];
        }
        let peak_share = self.busiest_hour_factor() / hours;
        vec![
            DayStretch {
                hours: 1.0,
                share: peak_share,
            },
            DayStretch {
                hours: hours - 1.0,
                share: 1.0 - peak_share,
            },
        ]
    }

    /// The busiest hour over the average service hour, as the model uses
    /// it: at least 1, and at most the service hours (an hour cannot carry
    /// more than the whole day's traffic).
    pub fn busiest_hour_factor(&self) -> f64 {
        match &self.day_profile {
            Some(day) => day.busiest_hour_factor(),
            None => self
                .peak_to_average
                .clamp(1.0, self.service_hours_per_day.max(1.0)),
        }
    }

    /// Capacity needed, in tokens per second, per token per month of volume:
    /// interactive traffic at its peak, or the average, whichever is more
    /// (batch traffic waits for the troughs of the service hours).
    pub fn peak_load_factor(&self) -> f64 {
        ((1.0 - self.batch_share) * self.busiest_hour_factor()).max(1.0)
            / self.service_seconds_per_month()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::InputError;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Workload::default().validate(), Ok(()));
    }

    #[test]
    fn derived_figures() {
        let w = Workload {
            tokens_per_month: 2e9,
            input_tokens_per_request: 1500.0,
            output_tokens_per_request: 500.0,
            ..Workload::default()
        };
        // 2e9 tokens / 2000 tokens per request = 1e6 requests.
        assert_eq!(w.requests_per_month(), 1e6);
        assert_eq!(w.input_share(), 0.75);
        assert_eq!(w.tokens_for_requests(10.0), 20_000.0);
    }

    #[test]
    fn volume_units_convert_both_ways() {
        let w = Workload::default();
        // 730 h / 24 = 30.4167 days; 2,000 tokens a request.
        let per_day = VolumeUnit::TokensPerDay.to_tokens_per_month(1e8, &w);
        assert!((per_day - 3.041_666_666_666_667e9).abs() < 1.0);
        let requests = VolumeUnit::RequestsPerDay.to_tokens_per_month(1000.0, &w);
        assert!((requests - 1000.0 * 2000.0 * 730.0 / 24.0).abs() < 1e-6);
        for unit in VolumeUnit::ALL {
            let back = unit.to_tokens_per_month(unit.from_tokens_per_month(2.5e9, &w), &w);
            assert!((back - 2.5e9).abs() < 1e-3);
        }
    }

    #[test]
    fn peak_load_counts_batch_traffic_at_the_average() {
        let w = Workload {
            peak_to_average: 3.0,
            batch_share: 0.5,
            service_hours_per_day: 12.0,
            ..Workload::default()
        };
        // 730 h x 12/24 x 3600 s = 1,314,000 s; interactive peak (1 - 0.5) x 3 = 1.5.
        assert!((w.peak_load_factor() - 1.5 / 1_314_000.0).abs() < 1e-18);
        let mostly_batch = Workload {
            batch_share: 0.9,
            ..w
        };
        // (1 - 0.9) x 3 = 0.3 < 1: the average governs.
        assert!((mostly_batch.peak_load_factor() - 1.0 / 1_314_000.0).abs() < 1e-18);
    }

    #[test]
    fn the_day_s_traffic_falls_in_its_service_hours() {
        let day = Workload {
            service_hours_per_day: 24.0,
            ..Workload::default()
        };
        // Around the clock: 3 h of 24.
        assert_eq!(day.daily_share_utc(60, 240), 0.125);
        // Beijing (UTC+8) 09:00-18:00 is 01:00-10:00 UTC.
        let beijing = Workload {
            service_hours_per_day: 9.0,
            service_start_hour: 9.0,
            utc_offset_hours: 8.0,
            ..Workload::default()
        };
        assert_eq!(beijing.daily_share_utc(60, 240), 3.0 / 9.0);
        assert_eq!(beijing.daily_share_utc(360, 600), 4.0 / 9.0);
        assert_eq!(beijing.daily_share_utc(600, 60), 0.0);
        // New York (UTC-5) 09:00-18:00 is 14:00-23:00 UTC: none at 01:00-10:00.
        let new_york = Workload {
            utc_offset_hours: -5.0,
            ..beijing.clone()
        };
        assert_eq!(new_york.daily_share_utc(60, 600), 0.0);
        // A span across midnight: 22:30-00:30 UTC holds 30 minutes of New York's day.
        assert!((new_york.daily_share_utc(1350, 30) - 0.5 / 9.0).abs() < 1e-12);
        // Service hours across midnight: 20:00-04:00 UTC.
        let night = Workload {
            service_hours_per_day: 8.0,
            service_start_hour: 20.0,
            ..Workload::default()
        };
        assert_eq!(night.daily_share_utc(60, 240), 3.0 / 8.0);
        assert_eq!(night.daily_share_utc(0, 0), 0.0);
    }

    #[test]
    fn rejects_out_of_range_and_non_finite_values() {
        let w = Workload {
            tokens_per_month: f64::NAN,
            cached_input_share: 1.5,
            peak_to_average: 0.5,
            ..Workload::default()
        };
        let errors = w.validate().unwrap_err();
        assert_eq!(errors.len(), 3);
        assert!(errors[0].to_string().contains("tokens per month"));
        let shares = Workload {
            cached_input_share: 0.7,
            cache_write_share: 0.4,
            ..Workload::default()
        };
        assert!(matches!(
            shares.validate().unwrap_err()[0],
            InputError::SharesExceedOne { .. }
        ));
    }
}
