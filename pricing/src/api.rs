//! What a workload costs on a per-token API: linear in volume, at one blended
//! price per million tokens that depends on the workload's shape.

use serde::Serialize;

use crate::catalogue::ApiOffering;
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
}

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

/// The blended price of the workload's tokens on an offering.
///
/// Input tokens split into uncached, cache reads and cache writes; an
/// offering without a cache price bills those tokens as ordinary input. The
/// batch share pays batch prices where the offering has them; a cached token
/// in a batch pays the batch cached price where listed, else the ordinary
/// cached price. Requests whose input exceeds the long-context threshold pay
/// the tier's prices, and batch traffic there keeps the offering's batch
/// discount ratio. docs/cost-model.md gives the formula.
pub fn api_rate(offering: &ApiOffering, workload: &Workload) -> ApiPricing {
    let request_tokens = workload.tokens_per_request();
    if request_tokens > offering.context_window_tokens {
        return ApiPricing::ExceedsContext {
            request_tokens,
            context_window_tokens: offering.context_window_tokens,
        };
    }
    let prices = match prices_for(offering, workload) {
        Ok(p) => p,
        Err(missing) => return ApiPricing::NotPriced { missing },
    };
    let input_share = workload.input_share();
    let cached = workload.cached_input_share;
    let write = workload.cache_write_share;
    let uncached = (1.0 - cached - write).max(0.0);
    let per_mtok = |input: f64, cached_price: f64, output: f64| {
        input_share * (uncached * input + cached * cached_price + write * prices.write)
            + (1.0 - input_share) * output
    };
    let standard = per_mtok(prices.input, prices.cached, prices.output);
    let (usd_per_mtok, batch_priced) = match prices.batch {
        Some((input, cached_price, output)) if workload.batch_share > 0.0 => {
            let batch = per_mtok(input, cached_price, output);
            (
                (1.0 - workload.batch_share) * standard + workload.batch_share * batch,
                true,
            )
        }
        _ => (standard, false),
    };
    ApiPricing::Priced(ApiRate {
        usd_per_mtok,
        long_context: in_long_context(offering, workload),
        batch_priced,
    })
}

fn in_long_context(offering: &ApiOffering, workload: &Workload) -> bool {
    offering
        .long_context
        .is_some_and(|tier| workload.input_tokens_per_request > tier.above_input_tokens)
}

fn prices_for(offering: &ApiOffering, workload: &Workload) -> Result<Prices, &'static str> {
    let base_input = offering.input_usd_per_mtok.ok_or("input")?;
    let base_output = offering.output_usd_per_mtok.ok_or("output")?;
    let base_cached = offering.cached_input_usd_per_mtok.unwrap_or(base_input);
    let write = offering.cache_write_usd_per_mtok.unwrap_or(base_input);
    let (input, cached, output) = match offering.long_context {
        Some(tier) if in_long_context(offering, workload) => {
            let input = tier.input_usd_per_mtok.ok_or("long-context input")?;
            let output = tier.output_usd_per_mtok.ok_or("long-context output")?;
            let cached = tier.cached_input_usd_per_mtok.unwrap_or(input);
            (input, cached, output)
        }
        _ => (base_input, base_cached, base_output),
    };
    let batch = match (
        offering.batch_input_usd_per_mtok,
        offering.batch_output_usd_per_mtok,
    ) {
        (Some(batch_input), Some(batch_output)) => {
            let input_ratio = ratio(batch_input, base_input);
            let output_ratio = ratio(batch_output, base_output);
            let batch_input = input * input_ratio;
            let batch_cached = match (
                offering.batch_cached_input_usd_per_mtok,
                offering.cached_input_usd_per_mtok,
            ) {
                (Some(listed), _) => listed * ratio(cached, base_cached),
                (None, Some(_)) => cached,
                // No caching at all: a "cached" token is an ordinary batch token.
                (None, None) => batch_input,
            };
            // A cache hit never costs more than a miss.
            Some((
                batch_input,
                batch_cached.min(batch_input),
                output * output_ratio,
            ))
        }
        _ => None,
    };
    Ok(Prices {
        input,
        cached,
        write,
        output,
        batch,
    })
}

/// `part / whole`, or 1 when the whole is free.
fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 { part / whole } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{ApiKind, LongContextTier};

    fn offering() -> ApiOffering {
        ApiOffering {
            id: "test",
            name: "Test",
            provider: "Test",
            kind: ApiKind::Closed,
            open_model: None,
            context_window_tokens: 400_000.0,
            input_usd_per_mtok: Some(2.0),
            cached_input_usd_per_mtok: Some(0.2),
            cache_write_usd_per_mtok: Some(2.5),
            output_usd_per_mtok: Some(10.0),
            batch_input_usd_per_mtok: Some(1.0),
            batch_output_usd_per_mtok: Some(5.0),
            batch_cached_input_usd_per_mtok: None,
            long_context: Some(LongContextTier {
                above_input_tokens: 200_000.0,
                input_usd_per_mtok: Some(4.0),
                cached_input_usd_per_mtok: Some(0.4),
                output_usd_per_mtok: Some(18.0),
            }),
            source: "https://example.com",
            as_of: "2026-01-01",
            via: None,
            notes: None,
        }
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
        }
    }

    fn rate(o: &ApiOffering, w: &Workload) -> f64 {
        api_rate(o, w).rate().unwrap().usd_per_mtok
    }

    #[test]
    fn list_prices() {
        // 0.75 x $2 + 0.25 x $10 = $4.00 per 1M tokens; 1e9 tokens -> $4,000.
        let r = api_rate(&offering(), &workload());
        assert_eq!(r.rate().unwrap().usd_per_mtok, 4.0);
        assert_eq!(r.rate().unwrap().monthly_cost(1e9), 4000.0);
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
            cached_input_usd_per_mtok: None,
            cache_write_usd_per_mtok: None,
            long_context: None,
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
            batch_cached_input_usd_per_mtok: Some(0.1),
            ..offering()
        };
        // with a listed batch cached price: 0.75 x 0.1 + 0.25 x 5 = 1.325
        assert!((rate(&listed, &w) - 1.325).abs() < 1e-12);
    }

    #[test]
    fn without_cache_prices_batch_tokens_all_pay_the_batch_price() {
        let no_cache = ApiOffering {
            cached_input_usd_per_mtok: None,
            cache_write_usd_per_mtok: None,
            long_context: None,
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
        let r = api_rate(&offering(), &w);
        assert_eq!(r.rate().unwrap().usd_per_mtok, 7.5);
        assert!(r.rate().unwrap().long_context);
        let w = Workload {
            batch_share: 1.0,
            ..w
        };
        // batch keeps the 50% ratio on the tier: 0.75 x 2 + 0.25 x 9 = 3.75
        assert_eq!(rate(&offering(), &w), 3.75);
    }

    #[test]
    fn missing_prices_and_oversized_requests_are_explicit() {
        let unpriced = ApiOffering {
            output_usd_per_mtok: None,
            ..offering()
        };
        assert_eq!(
            api_rate(&unpriced, &workload()),
            ApiPricing::NotPriced { missing: "output" }
        );
        assert!(
            api_rate(&unpriced, &workload())
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
            api_rate(&offering(), &w),
            ApiPricing::ExceedsContext { .. }
        ));
    }
}
