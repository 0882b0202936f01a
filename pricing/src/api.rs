//! What a workload costs on a per-token API: linear in volume, at one blended
//! price per million tokens that depends on the workload's shape.

use serde::Serialize;

use crate::catalogue::{ApiOffering, ListPrices};
use crate::date::Date;
use crate::error::InputError;
use crate::fields::{Field, Overrides};
use crate::selfhost::cost::CurvePoint;
use crate::workload::Workload;

/// The price of one million of the workload's tokens on an offering.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ApiRate {
    pub usd_per_mtok: f64,
    /// Whether the average request falls in the long-context price tier.
    pub long_context: bool,
    /// Whether the batch share of the traffic got batch prices.
    pub batch_priced: bool,
    /// Where the offering prices some hours of the day apart: how much of
    /// the workload falls in them.
    pub by_hour: Option<ByHour>,
}

/// The workload's tokens in an offering's hours priced apart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ByHour {
    /// Share of the tokens billed at those hours' prices.
    pub share: f64,
    /// Whether those hours cost more than the rest (peak hours).
    pub dearer: bool,
    /// Whether the batch share waits for the cheapest hours (the offering
    /// has no batch prices).
    pub batch_waits: bool,
}

/// Monday to Friday: the share of a week's days on which weekday-only
/// hours apply, traffic being the same every day.
const WEEKDAY_SHARE: f64 = 5.0 / 7.0;

impl ApiRate {
    pub fn monthly_cost(&self, tokens_per_month: f64) -> f64 {
        self.usd_per_mtok * tokens_per_month / 1e6
    }

    /// The cost line between two volumes: straight on any axes.
    pub fn cost_curve(&self, from: f64, to: f64) -> [CurvePoint; 2] {
        [
            CurvePoint::new(from, self.monthly_cost(from)),
            CurvePoint::new(to, self.monthly_cost(to)),
        ]
    }
}

/// An offering's price for a workload, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum ApiPricing {
    Priced(ApiRate),
    /// The catalogue lacks a price the workload needs: never shown as $0.
    NotPriced {
        missing: &'static str,
    },
    /// The average request does not fit the model's context window.
    ExceedsContext {
        request_tokens: f64,
        context_window_tokens: f64,
    },
}

impl ApiPricing {
    pub fn rate(&self) -> Option<&ApiRate> {
        match self {
            ApiPricing::Priced(rate) => Some(rate),
            _ => None,
        }
    }

    /// Why there is no price, in words; `None` when priced.
    pub fn reason(&self) -> Option<String> {
        match self {
            ApiPricing::Priced(_) => None,
            ApiPricing::NotPriced { missing } => {
                Some(format!("not priced: no {missing} price in the catalogue"))
            }
            ApiPricing::ExceedsContext {
                request_tokens,
                context_window_tokens,
            } => Some(format!(
                "a {} -token request exceeds the {}-token context window",
                crate::units::format_count(*request_tokens),
                crate::units::format_count(*context_window_tokens)
            )),
        }
    }
}

/// Prices per million tokens in effect for one workload, tier chosen.
struct Prices {
    input: f64,
    cached: f64,
    write: f64,
    output: f64,
    batch: Option<(f64, f64, f64)>,
}

/// The blended price of the workload's tokens on a catalogue offering, at
/// its prices on `date`; where it prices some hours apart, each hour's
/// share of the workload pays that hour's prices.
pub fn api_rate(offering: &ApiOffering, workload: &Workload, date: Date) -> ApiPricing {
    let input_tokens = workload.input_tokens_per_request;
    let spans: Vec<(f64, ListPrices)> = offering
        .hour_prices(date, input_tokens)
        .map(|(hours, prices)| {
            let days = if hours.weekdays_only {
                WEEKDAY_SHARE
            } else {
                1.0
            };
            let share =
                workload.daily_share_utc(hours.utc_start_minute, hours.utc_end_minute) * days;
            (share, prices)
        })
        .collect();
    rate_for(
        &offering.list_prices(date, input_tokens),
        &spans,
        offering.context_window_tokens,
        workload,
    )
}

/// The blended price of the workload's tokens at `prices`, and at each
/// `(share of the tokens, prices)` of the hours priced apart.
///
/// Input tokens split into uncached, cache reads and cache writes; an
/// offering without a cache price bills those tokens as ordinary input. The
/// batch share pays batch prices where the offering has them; a cached token
/// in a batch pays the batch cached price where listed, else the ordinary
/// cached price. Without batch prices, an offering that prices hours apart
/// gets the batch share in its cheapest hours. Requests whose input exceeds
/// a tier's threshold pay the tier's prices (the caller picked them). The
/// context window, where known, bounds a request. docs/cost-model.md gives
/// the formula.
pub fn rate_for(
    prices: &ListPrices,
    spans: &[(f64, ListPrices)],
    context_window_tokens: Option<f64>,
    workload: &Workload,
) -> ApiPricing {
    let request_tokens = workload.tokens_per_request();
    if let Some(context_window_tokens) = context_window_tokens
        && request_tokens > context_window_tokens
    {
        return ApiPricing::ExceedsContext {
            request_tokens,
            context_window_tokens,
        };
    }
    let long_context = prices.long_context;
    let base = match resolve(prices) {
        Ok(p) => p,
        Err(missing) => return ApiPricing::NotPriced { missing },
    };
    let mut hours = Vec::with_capacity(spans.len());
    for (share, prices) in spans {
        match resolve(prices) {
            Ok(p) => hours.push((*share, p)),
            Err(missing) => return ApiPricing::NotPriced { missing },
        }
    }
    let input_share = workload.input_share();
    let cached = workload.cached_input_share;
    let write = workload.cache_write_share;
    let uncached = (1.0 - cached - write).max(0.0);
    let per_mtok = |p: &Prices, (input, cached_price, output): (f64, f64, f64)| {
        input_share * (uncached * input + cached * cached_price + write * p.write)
            + (1.0 - input_share) * output
    };
    let standard = |p: &Prices| per_mtok(p, (p.input, p.cached, p.output));
    let hour_share: f64 = hours.iter().map(|(share, _)| share).sum::<f64>().min(1.0);
    let interactive = (1.0 - hour_share) * standard(&base)
        + hours
            .iter()
            .map(|(share, p)| share * standard(p))
            .sum::<f64>();
    let cheapest_hour = hours
        .iter()
        .map(|(_, p)| standard(p))
        .fold(f64::INFINITY, f64::min);
    let batch_share = workload.batch_share;
    // (price of the batch share, batch prices?, its share in the hours priced apart)
    let (batch, batch_priced, batch_in_hours) = match base.batch {
        Some(batch) if batch_share > 0.0 => (per_mtok(&base, batch), true, 0.0),
        _ if batch_share > 0.0 && !hours.is_empty() => {
            if cheapest_hour < standard(&base) {
                (cheapest_hour, false, 1.0)
            } else {
                (standard(&base), false, 0.0)
            }
        }
        _ => (interactive, false, hour_share),
    };
    let by_hour = (!hours.is_empty()).then(|| ByHour {
        share: (1.0 - batch_share) * hour_share + batch_share * batch_in_hours,
        dearer: hours.iter().any(|(_, p)| standard(p) > standard(&base)),
        batch_waits: batch_share > 0.0 && !batch_priced,
    });
    ApiPricing::Priced(ApiRate {
        usd_per_mtok: (1.0 - batch_share) * interactive + batch_share * batch,
        long_context,
        batch_priced,
        by_hour,
    })
}

fn resolve(list: &ListPrices) -> Result<Prices, &'static str> {
    let input = list.input.ok_or("input")?;
    let output = list.output.ok_or("output")?;
    let cached = list.cached_input.unwrap_or(input);
    let batch = list.batch.map(|(batch_input, batch_cached, batch_output)| {
        let batch_cached = match (batch_cached, list.cached_input) {
            (Some(listed), _) => listed,
            (None, Some(_)) => cached,
            // No caching at all: a "cached" token is an ordinary batch token.
            (None, None) => batch_input,
        };
        // A cache hit never costs more than a miss.
        (batch_input, batch_cached.min(batch_input), batch_output)
    });
    Ok(Prices {
        input,
        cached,
        write: list.cache_write.unwrap_or(input),
        output,
        batch,
    })
}

/// Longest name a person may give their own offering.
pub const MAX_CUSTOM_NAME_CHARS: usize = 40;

/// An offering a person prices themselves: a negotiated or unlisted price,
/// in US dollars per 1M tokens ([`Field::CustomInput`] and its neighbours).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomOffering {
    pub name: String,
    /// The open model it serves, if any: an id in the catalogue.
    pub open_model: Option<String>,
    pub prices: Overrides,
}

impl CustomOffering {
    /// A name fit to show: control and direction characters dropped, at most
    /// [`MAX_CUSTOM_NAME_CHARS`], "Your price" when nothing is left. Spaces
    /// stay, so a name can be typed a word at a time.
    pub fn clean_name(text: &str) -> String {
        let kept: String = text
            .chars()
            .filter(|c| !c.is_control() && !crate::units::is_bidi_control(*c))
            .take(MAX_CUSTOM_NAME_CHARS)
            .collect();
        if kept.trim().is_empty() {
            "Your price".to_string()
        } else {
            kept
        }
    }

    pub fn list_prices(&self) -> ListPrices {
        let input = self.prices.get(Field::CustomInput);
        ListPrices {
            input,
            cached_input: self.prices.get(Field::CustomCachedInput).or(input),
            cache_write: input,
            output: self.prices.get(Field::CustomOutput),
            batch: None,
            long_context: false,
        }
    }

    /// The open model's context window; unknown for a closed model.
    pub fn context_window_tokens(&self) -> Option<f64> {
        self.open_model
            .as_deref()
            .and_then(crate::catalogue::model)
            .map(|m| m.max_context_tokens)
    }

    pub fn rate(&self, workload: &Workload) -> ApiPricing {
        rate_for(
            &self.list_prices(),
            &[],
            self.context_window_tokens(),
            workload,
        )
    }

    /// Every price set is in its range.
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let errors: Vec<InputError> = self
            .prices
            .iter()
            .filter_map(|(field, value)| field.spec().check(value).err())
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{ApiKind, DatedPrices, PriceOrigin, Tiered, UsdPerMtok};

    macro_rules! tiered {
        ($base:expr, $tier:expr) => {
            Some(Tiered {
                base: UsdPerMtok::from_usd($base),
                tiers: &[(200_000, UsdPerMtok::from_usd($tier))],
            })
        };
    }

    const fn flat(base: f64) -> Option<Tiered> {
        Some(Tiered {
            base: UsdPerMtok::from_usd(base),
            tiers: &[],
        })
    }

    static PRICES: [DatedPrices; 2] = [
        DatedPrices {
            from: None,
            input: tiered!(3.0, 6.0),
            cached_input: tiered!(0.3, 0.6),
            cache_write: flat(3.5),
            output: tiered!(12.0, 20.0),
        },
        // A cut from 2026-07-01: the prices the tests below use.
        DatedPrices {
            from: Some(Date::parse_const("2026-07-01")),
            input: tiered!(2.0, 4.0),
            cached_input: tiered!(0.2, 0.4),
            cache_write: flat(2.5),
            output: tiered!(10.0, 18.0),
        },
    ];
    static BATCH: [DatedPrices; 1] = [DatedPrices {
        from: None,
        input: tiered!(1.0, 2.0),
        cached_input: None,
        cache_write: None,
        output: tiered!(5.0, 9.0),
    }];
    static UNCACHED: [DatedPrices; 1] = [DatedPrices {
        from: None,
        input: flat(2.0),
        cached_input: None,
        cache_write: None,
        output: flat(10.0),
    }];
    static LISTED_BATCH_CACHE: [DatedPrices; 1] = [DatedPrices {
        cached_input: flat(0.1),
        ..BATCH[0]
    }];
    static NO_OUTPUT: [DatedPrices; 1] = [DatedPrices {
        output: None,
        ..UNCACHED[0]
    }];

    fn offering() -> ApiOffering {
        ApiOffering {
            id: "test",
            name: "Test",
            provider: "Test",
            kind: ApiKind::Closed,
            open_model: None,
            resold: false,
            context_window_tokens: Some(400_000.0),
            prices: &PRICES,
            batch: &BATCH,
            hours: &[],
            origin: PriceOrigin::Hand,
            source: "https://example.com",
            as_of: "2026-07-01",
            retired: false,
            reader_note: None,
            #[cfg(feature = "notes")]
            notes: None,
        }
    }

    fn today() -> Date {
        Date::parse_const("2026-11-30")
    }

    fn workload() -> Workload {
        Workload {
            tokens_per_month: 1e9,
            input_tokens_per_request: 1500.0,
            output_tokens_per_request: 500.0,
            cached_input_share: 0.0,
            cache_write_share: 0.0,
            batch_share: 0.0,
            peak_to_average: 1.0,
            service_hours_per_day: 24.0,
            service_start_hour: 9.0,
            utc_offset_hours: 0.0,
            min_user_output_tokens_per_second: 0.0,
            max_time_to_first_token_seconds: 0.0,
            day_profile: None,
        }
    }

    fn rate(o: &ApiOffering, w: &Workload) -> f64 {
        api_rate(o, w, today()).rate().unwrap().usd_per_mtok
    }

    #[test]
    fn list_prices() {
        // 0.75 x $2 + 0.25 x $10 = $4.00 per 1M tokens; 1e9 tokens -> $4,000.
        let r = api_rate(&offering(), &workload(), today());
        assert_eq!(r.rate().unwrap().usd_per_mtok, 4.0);
        assert_eq!(r.rate().unwrap().monthly_cost(1e9), 4000.0);
    }

    #[test]
    fn a_price_applies_from_its_date() {
        // Before the cut: 0.75 x $3 + 0.25 x $12 = $5.25.
        let before = Date::parse_const("2026-06-30");
        let r = api_rate(&offering(), &workload(), before);
        assert_eq!(r.rate().unwrap().usd_per_mtok, 5.25);
        assert_eq!(offering().next_change(before), Date::parse("2026-07-01"));
        assert_eq!(offering().next_change(today()), None);
        // A date before all data gets the first price, as genai-prices does.
        let early = Date::parse_const("2020-01-01");
        assert_eq!(rate_at(early), 5.25);
    }

    fn rate_at(date: Date) -> f64 {
        api_rate(&offering(), &workload(), date)
            .rate()
            .unwrap()
            .usd_per_mtok
    }

    #[test]
    fn cache_reads_and_writes_replace_input_tokens() {
        let w = Workload {
            cached_input_share: 0.6,
            cache_write_share: 0.1,
            ..workload()
        };
        // input: 0.3 x 2 + 0.6 x 0.2 + 0.1 x 2.5 = 0.97; 0.75 x 0.97 + 0.25 x 10 = 3.2275
        assert!((rate(&offering(), &w) - 3.2275).abs() < 1e-12);
        let no_cache = ApiOffering {
            prices: &UNCACHED,
            ..offering()
        };
        // without cache prices every input token pays $2: back to $4.00
        assert_eq!(rate(&no_cache, &w), 4.0);
    }

    #[test]
    fn batch_share_pays_batch_prices() {
        let w = Workload {
            batch_share: 0.5,
            ..workload()
        };
        // standard $4.00; batch 0.75 x 1 + 0.25 x 5 = $2.00; half each -> $3.00
        assert_eq!(rate(&offering(), &w), 3.0);
        let w = Workload {
            batch_share: 1.0,
            cached_input_share: 1.0,
            ..workload()
        };
        // cached batch tokens pay the ordinary cached price: 0.75 x 0.2 + 0.25 x 5 = 1.40
        assert!((rate(&offering(), &w) - 1.4).abs() < 1e-12);
        let listed = ApiOffering {
            batch: &LISTED_BATCH_CACHE,
            ..offering()
        };
        // with a listed batch cached price: 0.75 x 0.1 + 0.25 x 5 = 1.325
        assert!((rate(&listed, &w) - 1.325).abs() < 1e-12);
    }

    #[test]
    fn without_cache_prices_batch_tokens_all_pay_the_batch_price() {
        let no_cache = ApiOffering {
            prices: &UNCACHED,
            ..offering()
        };
        let cached = Workload {
            batch_share: 1.0,
            cached_input_share: 1.0,
            ..workload()
        };
        let uncached = Workload {
            cached_input_share: 0.0,
            ..cached.clone()
        };
        // both 0.75 x $1 + 0.25 x $5 = $2.00
        assert_eq!(rate(&no_cache, &cached), 2.0);
        assert_eq!(rate(&no_cache, &uncached), 2.0);
    }

    #[test]
    fn long_requests_pay_the_long_context_tier() {
        let w = Workload {
            input_tokens_per_request: 300_000.0,
            output_tokens_per_request: 100_000.0,
            ..workload()
        };
        // 0.75 x 4 + 0.25 x 18 = 7.5
        let r = api_rate(&offering(), &w, today());
        assert_eq!(r.rate().unwrap().usd_per_mtok, 7.5);
        assert!(r.rate().unwrap().long_context);
        let w = Workload {
            batch_share: 1.0,
            ..w
        };
        // the batch tier: 0.75 x 2 + 0.25 x 9 = 3.75
        assert_eq!(rate(&offering(), &w), 3.75);
    }

    #[test]
    fn missing_prices_and_oversized_requests_are_explicit() {
        let unpriced = ApiOffering {
            prices: &NO_OUTPUT,
            ..offering()
        };
        assert_eq!(
            api_rate(&unpriced, &workload(), today()),
            ApiPricing::NotPriced { missing: "output" }
        );
        assert!(
            api_rate(&unpriced, &workload(), today())
                .reason()
                .unwrap()
                .contains("not priced")
        );
        let w = Workload {
            input_tokens_per_request: 390_000.0,
            output_tokens_per_request: 20_000.0,
            ..workload()
        };
        assert!(matches!(
            api_rate(&offering(), &w, today()),
            ApiPricing::ExceedsContext { .. }
        ));
    }
}
