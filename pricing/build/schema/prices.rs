//! Every API offering the catalogue holds, with its price history: each
//! current text offering of the providers `apis.toml` imports (and every one
//! it curates) from the genai-prices data, given an id, a name, a kind and
//! the open model it serves; then the hand-entered offerings genai-prices
//! lacks. `generate.rs` writes these out.

use std::collections::HashMap;

use super::files::{Api, ApiCuration, ApiProvider, LongContext};
use super::genai::{GenaiHours, GenaiOffering, GenaiPrice, Tiered};
use super::names::{has_open_weight_name, made_id, model_key, readable_name};
use super::types::{ApiKind, NonNegative, ProviderRole};
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

/// Prices for some hours of the day, in minutes after midnight UTC.
pub struct Hours {
    pub utc_start_minute: u16,
    pub utc_end_minute: u16,
    pub weekdays_only: bool,
    pub from: Option<String>,
    pub prices: Dated,
}

pub struct PricedApi {
    /// Where problems about it point.
    pub at: String,
    pub id: String,
    /// Ids older links used for it.
    pub old_ids: Vec<String>,
    pub name: String,
    pub provider: String,
    pub kind: ApiKind,
    pub open_model: Option<String>,
    /// Sold by someone other than its maker (Claude on AWS Bedrock).
    pub resold: bool,
    pub context_window_tokens: Option<f64>,
    pub prices: Vec<Dated>,
    pub batch: Vec<Dated>,
    pub hours: Vec<Hours>,
    pub from_genai: bool,
    pub source: String,
    pub as_of: String,
    pub retired: bool,
    pub reader_note: Option<String>,
    /// The curation's notes, else genai-prices' comments on the prices.
    pub notes: Option<String>,
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

fn hours(h: &GenaiHours, curation: Option<&ApiCuration>) -> Hours {
    let time = curation.and_then(|c| c.time_of_day.as_ref());
    Hours {
        utc_start_minute: h.utc_start.0,
        utc_end_minute: h.utc_end.0,
        weekdays_only: time.is_some_and(|t| t.weekdays_only),
        from: time.and_then(|t| t.from.as_ref()).map(|d| d.0.clone()),
        prices: Dated {
            from: None,
            input: tiered(&h.input),
            cached_input: tiered(&h.cached_input),
            cache_write: tiered(&h.cache_write),
            output: tiered(&h.output),
        },
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
    let v = |x: Option<NonNegative>| x.map(|x| x.0);
    let (input, cached, output) = (
        v(a.input_usd_per_mtok),
        v(a.cached_input_usd_per_mtok),
        v(a.output_usd_per_mtok),
    );
    let tier = |f: fn(&LongContext) -> Option<NonNegative>| lc.and_then(f).map(|x| x.0);
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

/// Every offering: the imported ones by provider in data/apis.toml's order
/// (makers first, so a search lists a model's maker before its hosts), in
/// genai-prices' order within one, then the hand-entered ones. Problems name
/// the entry.
pub fn resolve(c: &Catalogue, p: &mut Problems) -> Vec<PricedApi> {
    let providers: HashMap<&str, &Entry<ApiProvider>> =
        c.providers.iter().map(|x| (x.genai.as_str(), x)).collect();
    let curations: HashMap<(&str, &str), &Entry<ApiCuration>> = c
        .curations
        .iter()
        .map(|x| ((x.genai.provider.as_str(), x.genai.model.as_str()), x))
        .collect();
    let model_keys: HashMap<String, &str> = c
        .models
        .iter()
        .map(|m| (model_key(m.hf_repo.as_str()), m.id.as_str()))
        .collect();
    let open_words: Vec<&str> = c.open_weight_names.iter().map(|w| w.as_str()).collect();
    let mut out = Vec::new();
    for g in &c.genai.offerings {
        let curation = curations
            .get(&(g.provider.as_str(), g.model.as_str()))
            .copied();
        let Some(provider) = providers.get(g.provider.as_str()) else {
            p.fail(format!(
                "data/genai-prices.json: {}/{}: provider {:?} has no [[provider]] entry in data/apis.toml",
                g.provider, g.model, g.provider
            ));
            continue;
        };
        if let Some(priced) = import(c, g, provider, curation, &model_keys, &open_words, p) {
            out.push(priced);
        }
    }
    for x in &c.curations {
        let known = c
            .genai
            .find(x.genai.provider.as_str(), x.genai.model.as_str())
            .is_some();
        p.check(known, || {
            format!(
                "{}: genai-prices has no {}/{} in data/genai-prices.json; run scripts/update-prices",
                x.at,
                x.genai.provider.as_str(),
                x.genai.model.as_str()
            )
        });
    }
    let place: HashMap<&str, usize> = c
        .providers
        .iter()
        .enumerate()
        .map(|(i, x)| (x.name.as_str(), i))
        .collect();
    out.sort_by_key(|a| place.get(a.provider.as_str()).copied());
    out.extend(c.apis.iter().filter_map(|a| typed(c, a, p)));
    for a in &out {
        check_prices(a, p);
    }
    out
}

fn import(
    c: &Catalogue,
    g: &GenaiOffering,
    provider: &ApiProvider,
    curation: Option<&Entry<ApiCuration>>,
    model_keys: &HashMap<String, &str>,
    open_words: &[&str],
    p: &mut Problems,
) -> Option<PricedApi> {
    let at = match curation {
        Some(x) => x.at.clone(),
        None => format!("data/genai-prices.json: {}/{}", g.provider, g.model),
    };
    let resold = provider.role == ProviderRole::Host
        || provider
            .resells
            .iter()
            .any(|w| g.model.to_lowercase().contains(&w.as_str().to_lowercase()));
    let prefix = match (resold, provider.role, &provider.resale_id_prefix) {
        (true, ProviderRole::Maker, Some(prefix)) => prefix.as_str(),
        (true, ProviderRole::Maker, None) => {
            p.fail(format!(
                "{at}: resold by a maker without a resale_id_prefix in its [[provider]] entry"
            ));
            return None;
        }
        _ => provider.id_prefix.as_str(),
    };
    let id = curation
        .and_then(|x| x.id.as_ref())
        .map_or_else(|| made_id(prefix, &g.model), |id| id.0.clone());
    // Some names carry stray whitespace upstream.
    let name = curation
        .and_then(|x| x.name.as_ref())
        .map(|n| n.0.clone())
        .or_else(|| {
            g.name
                .as_ref()
                .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| readable_name(&g.model));
    let matched = match curation.and_then(|x| x.match_open_model) {
        Some(false) => None,
        _ => model_keys
            .get(&model_key(&g.model))
            .map(|id| id.to_string()),
    };
    // Curation says only what the data cannot.
    if let Some(x) = curation {
        let says =
            |what: &str| format!("{at}: {what} says what genai-prices already does; remove it");
        if x.id
            .as_ref()
            .is_some_and(|id| id.0 == made_id(prefix, &g.model))
        {
            p.fail(says("id"));
        }
        if x.name
            .as_ref()
            .is_some_and(|n| Some(&n.0) == g.name.as_ref())
        {
            p.fail(says("name"));
        }
        if x.open_model.is_some() && x.open_model.as_ref().map(|m| &m.0) == matched.as_ref() {
            p.fail(format!(
                "{at}: open_model is what its name says already; remove it"
            ));
        }
    }
    let open_model = curation
        .and_then(|x| x.open_model.as_ref())
        .map(|m| m.0.clone())
        .or(matched);
    let kind = curation.and_then(|x| x.kind).unwrap_or(
        if open_model.is_some() || has_open_weight_name(&g.model, g.name.as_deref(), open_words) {
            ApiKind::HostedOpen
        } else {
            provider.default_kind
        },
    );
    let model_context = open_model
        .as_deref()
        .and_then(|id| c.models.iter().find(|m| m.id.as_str() == id))
        .map(|m| m.max_context_tokens.0);
    let context_window_tokens = curation
        .and_then(|x| x.context_window_tokens)
        .map(|c| c.0)
        .or(g.context_window.map(|w| w as f64))
        .or(model_context);
    if curation.is_some_and(|x| x.time_of_day.is_some()) && g.hours.is_empty() {
        p.fail(format!(
            "{at}: time_of_day given, but genai-prices has no prices by the hour for it"
        ));
    }
    Some(PricedApi {
        at,
        id,
        old_ids: curation.map_or(Vec::new(), |x| {
            x.old_ids.iter().map(|i| i.0.clone()).collect()
        }),
        name,
        provider: provider.name.0.clone(),
        kind,
        open_model,
        resold,
        context_window_tokens,
        prices: g.prices.iter().map(dated).collect(),
        batch: g.batch.iter().map(dated).collect(),
        hours: g
            .hours
            .iter()
            .map(|h| hours(h, curation.map(|x| &x.value)))
            .collect(),
        from_genai: true,
        source: g.pricing_url.clone().unwrap_or_default(),
        as_of: c.genai.written_on.0.clone(),
        retired: g.deprecated || curation.and_then(|x| x.retired).unwrap_or(false),
        reader_note: curation
            .and_then(|x| x.reader_note.as_ref())
            .map(|n| n.0.clone()),
        notes: curation.and_then(|x| x.notes.clone()).or_else(|| {
            g.price_comments
                .as_ref()
                .map(|c| format!("genai-prices: {c}"))
        }),
    })
}

fn typed(c: &Catalogue, a: &Entry<Api>, p: &mut Problems) -> Option<PricedApi> {
    let model_context = a
        .open_model
        .as_ref()
        .and_then(|id| c.models.iter().find(|m| m.id == *id))
        .map(|m| m.max_context_tokens.0);
    let context_window_tokens = a.context_window_tokens.map(|c| c.0).or(model_context);
    p.check(context_window_tokens.is_some(), || {
        format!("{}: no context window: give context_window_tokens", a.at)
    });
    let (prices, batch) = hand(a);
    Some(PricedApi {
        at: a.at.clone(),
        id: a.id.0.clone(),
        old_ids: Vec::new(),
        name: a.name.0.clone(),
        provider: a.provider.0.clone(),
        kind: a.kind,
        open_model: a.open_model.as_ref().map(|m| m.0.clone()),
        resold: a.kind == ApiKind::HostedOpen,
        context_window_tokens,
        prices,
        batch,
        hours: Vec::new(),
        from_genai: false,
        source: a.source.0.clone(),
        as_of: a.as_of.0.clone(),
        retired: false,
        reader_note: a.reader_note.as_ref().map(|n| n.0.clone()),
        notes: a.notes.clone(),
    })
}

/// The widget keeps prices in millionths of a dollar and thresholds as
/// whole tokens: anything finer would be rounded, so it is refused. Free
/// text travels in the price list's tab-separated lines.
fn check_prices(a: &PricedApi, p: &mut Problems) {
    let at = &a.at;
    if a.prices.is_empty() {
        p.fail(format!("{at}: no prices"));
    }
    let all = a
        .prices
        .iter()
        .chain(&a.batch)
        .chain(a.hours.iter().map(|h| &h.prices));
    for d in all {
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
    for text in [&a.name, &a.provider, &a.source]
        .into_iter()
        .chain(a.reader_note.as_ref())
    {
        p.check(!text.contains(['\t', '\n', '\r']), || {
            format!("{at}: {text:?} holds a tab or a line break")
        });
    }
    for h in &a.hours {
        p.check(h.utc_start_minute != h.utc_end_minute, || {
            format!("{at}: prices by the hour that start and end at the same time")
        });
    }
    for (i, x) in a.hours.iter().enumerate() {
        for y in &a.hours[i + 1..] {
            let inside = |m: u16, h: &Hours| {
                if h.utc_start_minute < h.utc_end_minute {
                    (h.utc_start_minute..h.utc_end_minute).contains(&m)
                } else {
                    m >= h.utc_start_minute || m < h.utc_end_minute
                }
            };
            p.check(
                !inside(x.utc_start_minute, y) && !inside(y.utc_start_minute, x),
                || format!("{at}: two spans of prices by the hour overlap"),
            );
        }
    }
}
