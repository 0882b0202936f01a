//! A day's load: a weight for each hour of the local day, and the presets
//! a reader starts from. Set, it replaces the busiest-hour factor and the
//! service hours; unset, those two describe the day as they always did.

use serde::{Deserialize, Serialize};

use crate::catalogue::DEFAULTS;
use crate::workload::{DayArc, DayStretch};

/// The largest weight an hour takes: the link key `day`'s range is a whole
/// number from 0 to this, for each hour.
pub const MAX_HOUR_WEIGHT: u8 = 10;

/// Traffic by hour of the local day, 00:00 first: each hour's weight
/// against the others'. An hour of weight 0 has no traffic (outside the
/// service hours). Always valid: every weight finite, in range, one above 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "[u8; 24]", into = "[u8; 24]")]
pub struct DayProfile([u8; 24]);

/// Where a reader starts a day's load from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPreset {
    Flat,
    BusinessHours,
    EveningPeak,
}

impl DayPreset {
    pub const ALL: [DayPreset; 3] = [
        DayPreset::Flat,
        DayPreset::BusinessHours,
        DayPreset::EveningPeak,
    ];

    /// Its name in share links (`day=business`).
    pub fn id(self) -> &'static str {
        match self {
            DayPreset::Flat => "flat",
            DayPreset::BusinessHours => "business",
            DayPreset::EveningPeak => "evening",
        }
    }

    /// In a sentence: "business hours".
    pub fn name(self) -> &'static str {
        match self {
            DayPreset::Flat => "flat",
            DayPreset::BusinessHours => "business hours",
            DayPreset::EveningPeak => "evening peak",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DayPreset::Flat => "Flat: every hour alike",
            DayPreset::BusinessHours => "Business hours",
            DayPreset::EveningPeak => "Evening peak",
        }
    }

    pub fn from_id(id: &str) -> Option<DayPreset> {
        DayPreset::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Its weights, from `[day_profiles]` in `data/assumptions.toml`: a
    /// stretch of the day at one weight, the other hours at another.
    pub fn profile(self) -> DayProfile {
        let d = &DEFAULTS;
        let (start, hours, busy, quiet) = match self {
            DayPreset::Flat => return DayProfile([1; 24]),
            DayPreset::BusinessHours => (
                d.business_start_hour.value,
                d.business_hours_per_day.value,
                d.business_hour_weight.value,
                d.business_off_hour_weight.value,
            ),
            DayPreset::EveningPeak => (
                d.evening_start_hour.value,
                d.evening_hours_per_day.value,
                d.evening_hour_weight.value,
                d.evening_off_hour_weight.value,
            ),
        };
        // Whole numbers within range: a test holds the data to it.
        let mut weights = [quiet as u8; 24];
        for h in 0..hours as usize {
            weights[(start as usize + h) % 24] = busy as u8;
        }
        DayProfile(weights)
    }
}

impl TryFrom<[u8; 24]> for DayProfile {
    type Error = String;

    fn try_from(weights: [u8; 24]) -> Result<DayProfile, String> {
        if weights.iter().any(|&w| w > MAX_HOUR_WEIGHT) {
            Err("each hour's weight must be a whole number from 0 to 10".to_string())
        } else if weights.iter().all(|&w| w == 0) {
            Err("at least one hour needs traffic".to_string())
        } else {
            Ok(DayProfile(weights))
        }
    }
}

impl From<DayProfile> for [u8; 24] {
    fn from(profile: DayProfile) -> [u8; 24] {
        profile.0
    }
}

impl DayProfile {
    /// A preset's name, or 24 weights separated by commas.
    pub fn read(text: &str) -> Result<DayProfile, String> {
        let text = text.trim();
        if let Some(preset) = DayPreset::from_id(text) {
            return Ok(preset.profile());
        }
        if text.split(',').count() != 24 {
            return Err(
                "expected flat, business, evening or 24 weights separated by commas".to_string(),
            );
        }
        let mut day = [0; 24];
        for (weight, part) in day.iter_mut().zip(text.split(',')) {
            // What is not a whole number up to 255 reads as 255, refused below.
            *weight = part.trim().parse().unwrap_or(u8::MAX);
        }
        DayProfile::try_from(day)
    }

    /// What [`DayProfile::read`] reads back: the preset's name when it is one.
    pub fn write(&self) -> String {
        match self.preset() {
            Some(p) => p.id().to_string(),
            None => self
                .0
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    pub fn preset(&self) -> Option<DayPreset> {
        DayPreset::ALL.into_iter().find(|p| p.profile() == *self)
    }

    pub fn weights(&self) -> [u8; 24] {
        self.0
    }

    /// The same day with one hour's weight changed, if the day stays valid.
    pub fn with_hour(&self, hour: usize, weight: u8) -> Result<DayProfile, String> {
        let mut weights = self.0;
        *weights.get_mut(hour).ok_or("no such hour")? = weight;
        DayProfile::try_from(weights)
    }

    fn total(&self) -> f64 {
        self.0.iter().map(|&w| f64::from(w)).sum()
    }

    /// Hours a day with traffic.
    pub fn service_hours(&self) -> f64 {
        self.0.iter().filter(|&&w| w > 0).count() as f64
    }

    /// The busiest hour over the average hour with traffic.
    pub fn busiest_hour_factor(&self) -> f64 {
        let busiest = self.0.iter().max().copied().unwrap_or(0);
        f64::from(busiest) * self.service_hours() / self.total()
    }

    /// The hours with traffic as stretches of even load, hours of one
    /// weight together (a mix's cost has a corner per stretch, not per hour).
    pub fn stretches(&self) -> Vec<DayStretch> {
        let mut hours = [0u8; MAX_HOUR_WEIGHT as usize + 1];
        for &w in &self.0 {
            hours[usize::from(w)] += 1;
        }
        let total = self.total();
        (1..=MAX_HOUR_WEIGHT)
            .filter(|&w| hours[usize::from(w)] > 0)
            .map(|w| {
                let n = f64::from(hours[usize::from(w)]);
                DayStretch {
                    hours: n,
                    share: n * f64::from(w) / total,
                }
            })
            .collect()
    }

    /// The share of the day's traffic in `span`, for a day in a time zone
    /// `utc_offset_hours` ahead of UTC.
    pub(crate) fn share_of(&self, span: DayArc, utc_offset_hours: f64) -> f64 {
        let total = self.total();
        let share: f64 = (0..24)
            .filter(|&h| self.0[h] > 0)
            .map(|h| {
                let hour = DayArc::local(h as f64, 1.0, utc_offset_hours);
                f64::from(self.0[h]) / total * span.overlap(hour) / 60.0
            })
            .sum();
        share.min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_read_back_by_name_and_edits_by_weight() {
        for preset in DayPreset::ALL {
            let p = preset.profile();
            assert_eq!(p.write(), preset.id());
            assert_eq!(DayProfile::read(&p.write()), Ok(p));
        }
        // The example in docs/share-links.md.
        let docs = "1,1,1,1,1,1,1,2,5,10,10,10,8,10,10,10,8,5,3,2,2,1,1,1";
        assert_eq!(DayProfile::read(docs).unwrap().write(), docs);
        let edited = DayPreset::BusinessHours.profile().with_hour(3, 2).unwrap();
        assert_eq!(edited.preset(), None);
        assert_eq!(DayProfile::read(&edited.write()), Ok(edited));
    }

    #[test]
    fn business_hours_by_hand() {
        // 09:00-18:00 at 10, the other 15 hours at 1: 90 + 15 = 105.
        let p = DayPreset::BusinessHours.profile();
        assert_eq!(p.weights()[8], 1);
        assert_eq!(p.weights()[9], 10);
        assert_eq!(p.weights()[17], 10);
        assert_eq!(p.weights()[18], 1);
        assert_eq!(p.service_hours(), 24.0);
        // The busiest hour: 10 / 105 of the day against 1/24.
        assert!((p.busiest_hour_factor() - 240.0 / 105.0).abs() < 1e-12);
        let stretches = p.stretches();
        assert_eq!(stretches.len(), 2);
        assert_eq!(stretches[0].hours, 15.0);
        assert!((stretches[0].share - 15.0 / 105.0).abs() < 1e-12);
        assert!((stretches[1].share - 90.0 / 105.0).abs() < 1e-12);
        // New York (UTC-5): 09:00 local is 14:00 UTC; 14:00-15:30 UTC
        // holds one and a half business hours.
        let share = p.share_of(DayArc::utc(14 * 60, 15 * 60 + 30), -5.0);
        assert!((share - 15.0 / 105.0).abs() < 1e-12, "{share}");
    }

    #[test]
    fn refuses_what_is_not_a_day() {
        let refused = |text: &str| DayProfile::read(text).unwrap_err();
        assert!(refused("1,2").contains("24 weights"));
        assert!(refused(&["1"; 25].join(",")).contains("24 weights"));
        assert!(refused(&["0"; 24].join(",")).contains("at least one hour"));
        let mut day = ["1"; 24];
        day[5] = "11";
        assert!(refused(&day.join(",")).contains("a whole number from 0 to 10"));
        day[5] = "x";
        assert!(refused(&day.join(",")).contains("a whole number from 0 to 10"));
        day[5] = "2.5";
        assert!(refused(&day.join(",")).contains("a whole number from 0 to 10"));
        // Natively only: the wasm32 build of the tests has no serde_json.
        #[cfg(not(target_arch = "wasm32"))]
        {
            let json = format!("[{}]", ["11"; 24].join(","));
            assert!(serde_json::from_str::<DayProfile>(&json).is_err());
        }
    }
}
