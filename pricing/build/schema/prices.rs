//! Every offering's price history, whichever file it comes from: the
//! genai-prices data for an entry with `genai`, the entry's own fields for a
//! hand-entered one. `generate.rs` writes these out.

use super::files::Api;
use super::genai::{GenaiPrice, Tiered};
use super::types::ApiKind;
use super::{Catalogue, Entry, Problems};

/// A base price and `(above input tokens, price)` tiers.
pub type Price = (f64, Vec<(f64, f64)>);

/// Prices from a day on.
pub struct Dated {
    pub from: Option<String>,
    pub input: Option<Price>,
    pub cached_input: Option<Price>,
    pub cache_write: Option<Price>,
    pub output: Option<Price>,
}

pub struct PricedApi {
    pub name: String,
    /// The entry's notes, else genai-prices' comments on the prices.
    pub notes: Option<String>,
    pub context_window_tokens: f64,
    pub prices: Vec<Dated>,
    pub batch: Vec<Dated>,
    pub from_genai: bool,
    pub source: String,
    pub as_of: String,
    pub retired: bool,
}

fn tiered(t: &Option<Tiered>) -> Option<Price> {
    t.as_ref().map(|t| {
        (
            t.base.0,
            t.tiers
                .iter()
                .map(|(start, p)| (*start as f64, p.0))
                .collect(),
        )
    })
}

fn dated(p: &GenaiPrice) -> Dated {
    Dated {
        from: p.from.as_ref().map(|d| d.0.clone()),
        input: tiered(&p.input),
        cached_input: tiered(&p.cached_input),
        cache_write: tiered(&p.cache_write),
        output: tiered(&p.output),
    }
}

/// A hand-entered offering's one price, its long-context tier folded in;
/// batch traffic above the threshold keeps the batch discount of the base.
fn hand(a: &Api) -> (Vec<Dated>, Vec<Dated>) {
    let lc = a.long_context.as_ref();
    let with_tier = |base: Option<f64>, tier: Option<f64>| -> Option<Price> {
        let base = base?;
        let tiers = match (lc, tier) {
            (Some(lc), Some(price)) => vec![(lc.above_input_tokens.0, price)],
            _ => Vec::new(),
        };
        Some((base, tiers))
    };
    let v = |x: Option<super::types::NonNegative>| x.map(|x| x.0);
    let (input, cached, output) = (
        v(a.input_usd_per_mtok),
        v(a.cached_input_usd_per_mtok),
        v(a.output_usd_per_mtok),
    );
    let tier = |f: fn(&super::files::LongContext) -> Option<super::types::NonNegative>| {
        lc.and_then(f).map(|x| x.0)
    };
    let standard = Dated {
        from: None,
        input: with_tier(input, tier(|t| t.input_usd_per_mtok)),
        cached_input: with_tier(cached, tier(|t| t.cached_input_usd_per_mtok)),
        cache_write: with_tier(v(a.cache_write_usd_per_mtok), None),
        output: with_tier(output, tier(|t| t.output_usd_per_mtok)),
    };
    let scaled = |batch: Option<f64>, base: Option<f64>, tier: Option<f64>| -> Option<Price> {
        let (batch, base) = (batch?, base?);
        let ratio = if base > 0.0 { batch / base } else { 1.0 };
        with_tier(Some(batch), tier.map(|t| t * ratio))
    };
    let batch = match (
        v(a.batch_input_usd_per_mtok),
        v(a.batch_output_usd_per_mtok),
    ) {
        (Some(bi), Some(bo)) => vec![Dated {
            from: None,
            input: scaled(Some(bi), input, tier(|t| t.input_usd_per_mtok)),
            cached_input: scaled(
                v(a.batch_cached_input_usd_per_mtok),
                cached,
                tier(|t| t.cached_input_usd_per_mtok),
            ),
            cache_write: None,
            output: scaled(Some(bo), output, tier(|t| t.output_usd_per_mtok)),
        }],
        _ => Vec::new(),
    };
    (vec![standard], batch)
}

fn has_hand_prices(a: &Api) -> bool {
    a.input_usd_per_mtok.is_some()
        || a.cached_input_usd_per_mtok.is_some()
        || a.cache_write_usd_per_mtok.is_some()
        || a.output_usd_per_mtok.is_some()
        || a.batch_input_usd_per_mtok.is_some()
        || a.batch_output_usd_per_mtok.is_some()
        || a.batch_cached_input_usd_per_mtok.is_some()
        || a.long_context.is_some()
}

/// Each API entry's prices, or a problem naming the entry.
pub fn resolve(c: &Catalogue, p: &mut Problems) -> Vec<PricedApi> {
    c.apis.iter().filter_map(|a| resolve_one(c, a, p)).collect()
}

fn resolve_one(c: &Catalogue, a: &Entry<Api>, p: &mut Problems) -> Option<PricedApi> {
    let at = &a.at;
    let model_context = a
        .open_model
        .as_ref()
        .and_then(|id| c.models.iter().find(|m| m.id == *id))
        .map(|m| m.max_context_tokens.0);
    let context = |from_genai: Option<f64>| {
        a.context_window_tokens
            .map(|c| c.0)
            .or(from_genai)
            .or(model_context)
    };
    let known = |window: Option<f64>, p: &mut Problems| {
        if window.is_none() {
            p.fail(format!(
                "{at}: no context window: give context_window_tokens (genai-prices and the open model have none)"
            ));
        }
        window
    };
    let priced = match &a.genai {
        Some(r) => {
            if has_hand_prices(a) || a.source.is_some() || a.as_of.is_some() || a.via.is_some() {
                p.fail(format!(
                    "{at}: prices, source and as_of come from genai-prices; remove them here (or remove `genai` to enter them by hand)"
                ));
                return None;
            }
            let Some(g) = c.genai.find(r.provider.as_str(), r.model.as_str()) else {
                p.fail(format!(
                    "{at}: genai-prices has no {}/{} in data/genai-prices.json; run scripts/update-prices",
                    r.provider.as_str(),
                    r.model.as_str()
                ));
                return None;
            };
            PricedApi {
                name: a
                    .name
                    .as_ref()
                    .map(|n| n.0.clone())
                    .or_else(|| g.name.clone())
                    .unwrap_or_else(|| g.model.clone()),
                notes: a.notes.clone().or_else(|| {
                    let left_out = if g.time_of_day_prices_left_out > 0 {
                        " Time-of-day (off-peak) prices are left out."
                    } else {
                        ""
                    };
                    g.price_comments
                        .as_ref()
                        .map(|c| format!("genai-prices: {c}{left_out}"))
                }),
                context_window_tokens: known(context(g.context_window.map(|w| w as f64)), p)?,
                prices: g.prices.iter().map(dated).collect(),
                batch: g.batch.iter().map(dated).collect(),
                from_genai: true,
                source: g.pricing_url.clone().unwrap_or_default(),
                as_of: c.genai.written_on.0.clone(),
                retired: g.deprecated,
            }
        }
        None => {
            let (Some(name), Some(source), Some(as_of)) = (&a.name, &a.source, &a.as_of) else {
                p.fail(format!(
                    "{at}: a hand-entered offering needs name, source and as_of (or `genai` to take its prices from genai-prices)"
                ));
                return None;
            };
            let (prices, batch) = hand(a);
            PricedApi {
                name: name.0.clone(),
                notes: a.notes.clone(),
                context_window_tokens: known(context(None), p)?,
                prices,
                batch,
                from_genai: false,
                source: source.0.clone(),
                as_of: as_of.0.clone(),
                retired: false,
            }
        }
    };
    if priced.prices.is_empty() {
        p.fail(format!("{at}: no prices"));
    }
    // The widget keeps prices in millionths of a dollar and thresholds as
    // whole tokens: anything finer would be rounded, so it is refused.
    for d in priced.prices.iter().chain(&priced.batch) {
        for (base, tiers) in [&d.input, &d.cached_input, &d.cache_write, &d.output]
            .into_iter()
            .flatten()
        {
            for price in std::iter::once(*base).chain(tiers.iter().map(|t| t.1)) {
                let micro = price * 1e6;
                if (micro - micro.round()).abs() > 1e-6 || micro > f64::from(u32::MAX) {
                    p.fail(format!(
                        "{at}: price {price} has more than six decimals or is above $4,294 per 1M tokens"
                    ));
                }
            }
            for (above, _) in tiers {
                if above.fract() != 0.0 || *above > f64::from(u32::MAX) {
                    p.fail(format!(
                        "{at}: tier threshold {above} is not a whole number of tokens"
                    ));
                }
            }
        }
    }
    if a.kind == ApiKind::Closed && a.open_model.is_some() {
        return None; // check.rs reports it
    }
    Some(priced)
}
