//! The price list: every API offering as one line of text, which the widget
//! loads after its first paint (its tables hold only the default scenario's
//! offerings). `build/schema/price_list.rs` writes it and documents the
//! format; this reads it. A line that cannot be read is refused with its
//! number, never half-read.

use std::sync::OnceLock;

use crate::catalogue::{
    ApiKind, ApiOffering, Cite, CompressedLayers, DatedPrices, Gpu, GpuLink, HourPrices, KvLayout,
    LayerGroup, OpenModel, Openness, Precision, PriceOrigin, PriceRange, Tiered, UsdPerMtok,
};
use crate::date::Date;

/// The first line's first word, and the version this reads.
pub const MAGIC: &str = "crossover-price-list";
pub const VERSION: u32 = 1;

static LOADED: OnceLock<&'static [ApiOffering]> = OnceLock::new();
static WORDS: OnceLock<&'static [AssumptionWords]> = OnceLock::new();
static MODELS: OnceLock<&'static [OpenModel]> = OnceLock::new();
static GPUS: OnceLock<&'static [Gpu]> = OnceLock::new();

/// Every open model of the loaded price list; none before it loads.
pub fn loaded_models() -> &'static [OpenModel] {
    MODELS.get().copied().unwrap_or(&[])
}

/// Every GPU of the loaded price list; none before it loads.
pub fn loaded_gpus() -> &'static [Gpu] {
    GPUS.get().copied().unwrap_or(&[])
}

/// What a price list holds.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceList {
    pub offerings: Vec<ApiOffering>,
    /// Every default's words, in the order of `data/assumptions.toml`.
    pub assumptions: Vec<AssumptionWords>,
    /// Every open model.
    pub models: Vec<OpenModel>,
    /// Every GPU.
    pub gpus: Vec<Gpu>,
}

/// A default's words for the reader, as the price list carries them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AssumptionWords {
    pub name: &'static str,
    pub says: &'static str,
    pub cite: Option<Cite>,
}

/// What the reader is told of the default at `index` in
/// `data/assumptions.toml` and who published it, once the price list is
/// loaded.
pub fn assumption_words(index: u16) -> Option<(&'static str, Option<Cite>)> {
    let words = WORDS.get()?.get(usize::from(index))?;
    Some((words.says, words.cite))
}

/// The offerings of the loaded price list; none before it loads.
pub fn loaded() -> &'static [ApiOffering] {
    LOADED.get().copied().unwrap_or(&[])
}

/// Reads the price list and keeps it for the rest of the program, so
/// [`crate::catalogue::api`] finds its offerings; a second load is ignored.
/// Returns how many offerings it holds.
pub fn load(text: &str) -> Result<usize, PriceListError> {
    if let Some(list) = LOADED.get() {
        return Ok(list.len());
    }
    let PriceList {
        offerings,
        assumptions,
        models,
        gpus,
    } = parse(text)?;
    let offerings: &'static [ApiOffering] = Vec::leak(offerings);
    WORDS.get_or_init(|| Vec::leak(assumptions));
    MODELS.get_or_init(|| Vec::leak(models));
    GPUS.get_or_init(|| Vec::leak(gpus));
    Ok(LOADED.get_or_init(|| offerings).len())
}

/// Why a price list was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceListError {
    /// 1-based; 0 for the list as a whole.
    pub line: usize,
    pub reason: &'static str,
}

impl std::fmt::Display for PriceListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the price list is unreadable at line {}", self.line)?;
        if !self.reason.is_empty() {
            write!(f, ": {}", self.reason)?;
        }
        Ok(())
    }
}

/// What is wrong with a line, for whoever builds the list (the CLI and the
/// tests, with the `notes` feature); the widget says only which line: a
/// reader cannot mend the file, and the words would cost its first paint.
#[inline(always)]
const fn why(detail: &'static str) -> &'static str {
    if cfg!(feature = "notes") { detail } else { "" }
}

/// Every offering of a price list and the defaults' words, or why it
/// cannot be read. (Plain loops: iterator chains that collect `Result`s
/// cost the widget kilobytes.)
pub fn parse(text: &str) -> Result<PriceList, PriceListError> {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or("");
    let at = |line: usize| move |reason: &'static str| PriceListError { line, reason };
    if header.split('\t').next() != Some(MAGIC) {
        return Err(at(1)(why("not a Crossover price list")));
    }
    if header.split('\t').nth(1) != Some("1") {
        return Err(at(1)(why("written by another version of Crossover")));
    }
    let mut list = PriceList {
        offerings: Vec::new(),
        assumptions: Vec::new(),
        models: Vec::new(),
        gpus: Vec::new(),
    };
    for (i, line) in lines.enumerate() {
        if let Some(line) = line.strip_prefix('=') {
            list.assumptions.push(assumption(line));
        } else if let Some(line) = line.strip_prefix('~') {
            list.models.push(model(line).map_err(at(i + 2))?);
        } else if let Some(line) = line.strip_prefix('^') {
            list.gpus.push(gpu(line).map_err(at(i + 2))?);
        } else if !line.is_empty() {
            list.offerings
                .push(offering(line, &list.models).map_err(at(i + 2))?);
        }
    }
    Ok(list)
}

fn gpu(line: &str) -> Result<Gpu, &'static str> {
    let [
        id,
        name,
        short_name,
        vendor,
        memory,
        bandwidth,
        bf16,
        fp8,
        fp4,
        power,
        link,
        per_server,
        spec_url,
        rent,
        rent_seen_at,
        usable,
        flags,
        idle,
        purchase,
        purchase_seen_at,
        as_of,
    ] = exact_columns::<21>(line, why("a GPU line without its 21 columns"))?;
    let size = |text: &str| size(text, why("a GPU figure is not a number"));
    let optional = |text: &str| match text {
        "" => Ok(None),
        t => size(t).map(Some),
    };
    let rent = if rent.is_empty() {
        None
    } else {
        let mut figures = rent.split(' ');
        let mut next = || size(figures.next().unwrap_or(""));
        Some(PriceRange {
            low: next()?,
            typical: next()?,
            high: next()?,
        })
    };
    if id.is_empty() || name.is_empty() {
        return Err(why("a GPU without an id or name"));
    }
    Ok(Gpu {
        id: leak(id),
        name: leak(name),
        short_name: leak(short_name),
        vendor: leak(vendor),
        memory_gb: size(memory)?,
        memory_bandwidth_tb_s: size(bandwidth)?,
        bf16_tflops: size(bf16)?,
        fp8_tflops: optional(fp8)?,
        fp4_tflops: optional(fp4)?,
        board_power_w: size(power)?,
        multi_gpu_link: match link {
            "nvlink" => GpuLink::Nvlink,
            "infinityfabric" => GpuLink::InfinityFabric,
            "pcie" => GpuLink::Pcie,
            _ => return Err(why("an unknown GPU link")),
        },
        gpus_per_server: number(per_server, why("a count is not a whole number"))?,
        spec_url: leak(spec_url),
        #[cfg(feature = "notes")]
        spec_source: "",
        rent_usd_per_gpu_hour: rent,
        rent_seen_at: leak(rent_seen_at),
        #[cfg(feature = "notes")]
        rent_sources: &[],
        usable_memory_fraction: size(usable)?,
        whole_machine_power: flags.contains('w'),
        idle_power_w: optional(idle)?,
        purchase_usd_per_gpu: size(purchase)?,
        purchase_seen_at: leak(purchase_seen_at),
        #[cfg(feature = "notes")]
        purchase_source: "",
        as_of: leak(as_of),
        #[cfg(feature = "notes")]
        notes: None,
    })
}

fn assumption(line: &str) -> AssumptionWords {
    let mut parts = line.split('\t').map(leak);
    let mut next = || parts.next().filter(|t| !t.is_empty());
    let (name, says, by, url, seen) = (next(), next(), next(), next(), next());
    AssumptionWords {
        name: name.unwrap_or(""),
        says: says.unwrap_or(""),
        cite: by.map(|by| Cite { by, url, seen }),
    }
}

/// A line's tab-separated columns, exactly `N` of them, or `wrong`.
fn exact_columns<'a, const N: usize>(
    line: &'a str,
    wrong: &'static str,
) -> Result<[&'a str; N], &'static str> {
    let mut fields = [""; N];
    let mut parts = line.split('\t');
    for field in &mut fields {
        *field = parts.next().ok_or(wrong)?;
    }
    match parts.next() {
        Some(_) => Err(wrong),
        None => Ok(fields),
    }
}

fn leak(text: &str) -> &'static str {
    String::leak(text.to_string())
}

fn model(line: &str) -> Result<OpenModel, &'static str> {
    let fields: [&str; 25] = exact_columns(line, why("expected 25 fields"))?;
    let [
        id,
        name,
        family,
        maker,
        licence,
        licence_url,
        flags,
        commercial_restriction,
        hf_repo,
        total,
        active,
        experts_total,
        experts_per_token,
        layers,
        query_heads,
        kv,
        full,
        sliding_layers,
        sliding_tokens,
        sliding_kv_values,
        compressed,
        linear_state,
        max_context,
        precision,
        as_of,
    ] = fields;
    if id.is_empty() || name.is_empty() {
        return Err(why("a model without an id or name"));
    }
    let size = |text: &str| size(text, why("a size is not a number"));
    let count = |text: &str| number(text, why("a count is not a whole number"));
    let experts = |text: &str| match text {
        "" => Ok(None),
        t => count(t).map(Some),
    };
    let kv = match (kv.strip_prefix('g'), kv.strip_prefix('l')) {
        (Some(gqa), _) => {
            let (heads, dim) = gqa.split_once('x').ok_or(why("a KV layout without 'x'"))?;
            KvLayout::GroupedQuery {
                kv_heads: count(heads)?,
                head_dim: count(dim)?,
            }
        }
        (_, Some(dim)) => KvLayout::Latent {
            kv_latent_dim: count(dim)?,
        },
        _ => return Err(why("an unknown KV layout")),
    };
    let mut groups = Vec::new();
    let full = count(full)?;
    if full > 0 {
        groups.push(LayerGroup::Full { layers: full });
    }
    let window = count(sliding_layers)?;
    if window > 0 {
        groups.push(LayerGroup::Window {
            layers: window,
            tokens: size(sliding_tokens)?,
            kv_values: count(sliding_kv_values)?,
        });
    }
    for group in compressed.split(' ').filter(|g| !g.is_empty()) {
        let bad = why("a compressed group is not LxRiIkK[pP]");
        let (layers, rest) = group.split_once('x').ok_or(bad)?;
        let (ratio, rest) = rest.split_once('i').ok_or(bad)?;
        let (indexer, rest) = rest.split_once('k').ok_or(bad)?;
        let (rows, precision) = rest.split_once('p').unwrap_or((rest, ""));
        groups.push(LayerGroup::Compressed(CompressedLayers {
            layers: count(layers)?,
            ratio: Some(count(ratio)?).filter(|r| *r > 0).ok_or(bad)?,
            indexer_values: count(indexer)?,
            rows_read: count(rows)?,
            indexer_precision: match precision {
                "" => None,
                id => Some(Precision::from_id(id).ok_or(why("an unknown precision"))?),
            },
        }));
    }
    let linear_state = size(linear_state)?;
    if linear_state > 0.0 {
        groups.push(LayerGroup::Linear {
            state_bytes: linear_state,
        });
    }
    Ok(OpenModel {
        id: leak(id),
        name: leak(name),
        family: leak(family),
        maker: leak(maker),
        licence: leak(licence),
        licence_url: leak(licence_url),
        permissive: flags.contains('p'),
        commercial_use: flags.contains('c'),
        commercial_restriction: leak(commercial_restriction),
        openness: if flags.contains('f') {
            Openness::FullyOpen
        } else {
            Openness::OpenWeight
        },
        hf_repo: leak(hf_repo),
        total_params_b: size(total)?,
        active_params_b: size(active)?,
        experts_total: experts(experts_total)?,
        experts_per_token: experts(experts_per_token)?,
        layers: count(layers)?,
        query_heads: count(query_heads)?,
        kv,
        attention: Vec::leak(groups),
        max_context_tokens: size(max_context)?,
        native_precision: Precision::from_id(precision).ok_or(why("an unknown precision"))?,
        #[cfg(feature = "notes")]
        source: "",
        as_of: leak(as_of),
        #[cfg(feature = "notes")]
        notes: None,
    })
}

fn offering(line: &str, models: &[OpenModel]) -> Result<ApiOffering, &'static str> {
    let fields: [&str; 12] = exact_columns(line, why("expected 12 fields"))?;
    let [
        id,
        name,
        provider,
        flags,
        open_model,
        context,
        source,
        as_of,
        note,
        prices,
        batch,
        hours,
    ] = fields;
    if id.is_empty() || name.is_empty() || provider.is_empty() {
        return Err(why("an offering without an id, name or provider"));
    }
    let flag = |c: char| flags.contains(c);
    let context_window_tokens = match context {
        "" => None,
        t => {
            Some(f64::from(t.parse::<u32>().map_err(|_| {
                why("the context window is not a whole number")
            })?))
        }
    };
    let prices = dated_list(prices)?;
    if prices.is_empty() {
        return Err(why("an offering without prices"));
    }
    let mut spans = Vec::new();
    for span in hours.split(' ').filter(|h| !h.is_empty()) {
        spans.push(hour_prices(span)?);
    }
    Ok(ApiOffering {
        id: leak(id),
        name: leak(name),
        provider: leak(provider),
        kind: if flag('o') {
            ApiKind::HostedOpen
        } else {
            ApiKind::Closed
        },
        open_model: models
            .iter()
            .find(|m| m.id == open_model)
            .or_else(|| crate::catalogue::model(open_model))
            .map(|m| m.id),
        resold: flag('s'),
        context_window_tokens,
        prices: Vec::leak(prices),
        batch: Vec::leak(dated_list(batch)?),
        hours: Vec::leak(spans),
        origin: if flag('h') {
            PriceOrigin::Hand
        } else {
            PriceOrigin::GenaiPrices
        },
        source: leak(source),
        as_of: leak(as_of),
        retired: flag('r'),
        reader_note: (!note.is_empty()).then(|| leak(note)),
        #[cfg(feature = "notes")]
        notes: None,
    })
}

fn dated_list(text: &str) -> Result<Vec<DatedPrices>, &'static str> {
    let mut list = Vec::new();
    for entry in text.split(' ').filter(|d| !d.is_empty()) {
        let (from, prices) = entry
            .split_once('=')
            .ok_or(why("a price entry without '='"))?;
        let from = match from {
            "*" => None,
            day => Some(Date::parse(day).ok_or(why("a price's first day is not a date"))?),
        };
        list.push(four_prices(from, prices)?);
    }
    Ok(list)
}

fn four_prices(from: Option<Date>, text: &str) -> Result<DatedPrices, &'static str> {
    let mut parts = text.split(',');
    let mut next = || tiered(parts.next().ok_or(why("expected four prices"))?);
    let prices = DatedPrices {
        from,
        input: next()?,
        cached_input: next()?,
        cache_write: next()?,
        output: next()?,
    };
    if parts.next().is_some() {
        return Err(why("expected four prices"));
    }
    Ok(prices)
}

/// A finite figure of 0 or more, read with the crate's own decimal reader
/// (the standard one brings its tables), or `what`.
fn size(text: &str, what: &'static str) -> Result<f64, &'static str> {
    crate::units::parse_decimal(text)
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or(what)
}

fn number(text: &str, what: &'static str) -> Result<u32, &'static str> {
    text.parse::<u32>().map_err(|_| what)
}

fn tiered(text: &str) -> Result<Option<Tiered>, &'static str> {
    if text.is_empty() {
        return Ok(None);
    }
    const PRICE: &str = why("a price is not millionths of a dollar");
    let mut parts = text.split('~');
    let base = UsdPerMtok(number(parts.next().unwrap_or(""), PRICE)?);
    let mut tiers: Vec<(u32, UsdPerMtok)> = Vec::new();
    for tier in parts {
        let (above, price) = tier.split_once(':').ok_or(why("a tier without ':'"))?;
        let above = number(above, why("a tier threshold is not a whole number"))?;
        if tiers.last().is_some_and(|(last, _)| *last >= above) {
            return Err(why("tier thresholds do not rise"));
        }
        tiers.push((above, UsdPerMtok(number(price, PRICE)?)));
    }
    Ok(Some(Tiered {
        base,
        tiers: Vec::leak(tiers),
    }))
}

/// `0100-0400w@2026-08-17=…`
fn hour_prices(text: &str) -> Result<HourPrices, &'static str> {
    let (span, prices) = text.split_once('=').ok_or(why("hours without '='"))?;
    let (span, from) = match span.split_once('@') {
        Some((span, day)) => (
            span,
            Some(Date::parse(day).ok_or(why("hours' first day is not a date"))?),
        ),
        None => (span, None),
    };
    let (span, weekdays_only) = match span.strip_suffix('w') {
        Some(span) => (span, true),
        None => (span, false),
    };
    let clock = |t: &str| -> Result<u16, &'static str> {
        let b = t.as_bytes();
        if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) {
            return Err(why("a time of day is not HHMM"));
        }
        let two = |i: usize| u16::from(b[i] - b'0') * 10 + u16::from(b[i + 1] - b'0');
        match (two(0), two(2)) {
            (h, m) if h < 24 && m < 60 => Ok(h * 60 + m),
            _ => Err(why("a time of day is not HHMM")),
        }
    };
    let (start, end) = span.split_once('-').ok_or(why("hours without '-'"))?;
    let (utc_start_minute, utc_end_minute) = (clock(start)?, clock(end)?);
    if utc_start_minute == utc_end_minute {
        return Err(why("hours that start and end at the same time"));
    }
    Ok(HourPrices {
        utc_start_minute,
        utc_end_minute,
        weekdays_only,
        prices: four_prices(from, prices)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(parse("").unwrap_err().line, 1);
        assert_eq!(
            parse("crossover-price-list\t2\t2026-12-05\n")
                .unwrap_err()
                .line,
            1
        );
        let head = "crossover-price-list\t1\t2026-12-05\n";
        for bad in [
            "x\ty\tz",
            "a\tA\tP\t\t\t\thttps://e\t2026-12-05\t\t*=1,,,2x\t\t",
            "a\tA\tP\t\t\t\thttps://e\t2026-12-05\t\t*=1,,2\t\t",
            "a\tA\tP\t\t\t\thttps://e\t2026-12-05\t\t\t\t",
            "a\tA\tP\t\t\t\thttps://e\t2026-12-05\t\t2026-13-01=1,,,2\t\t",
            "a\tA\tP\t\t\t\thttps://e\t2026-12-05\t\t*=1~9:2~5:3,,,2\t\t",
            "a\tA\tP\t\t\t\thttps://e\t2026-12-05\t\t*=1,,,2\t\t2500-0400=1,,,2",
        ] {
            let e = parse(&format!("{head}{bad}\n")).unwrap_err();
            assert_eq!(e.line, 2, "{bad}: {e}");
        }
    }

    #[test]
    fn reads_a_defaults_words_with_or_without_a_publisher() {
        let text = "crossover-price-list\t1\t2026-12-05\n\
            =power\tHome electricity.\tUS EIA\thttps://x.example\t2025-12-01\n\
            =life\tFive years.\t\t\t\n";
        let list = parse(text).unwrap();
        assert!(list.offerings.is_empty());
        assert_eq!(
            list.assumptions,
            [
                AssumptionWords {
                    name: "power",
                    says: "Home electricity.",
                    cite: Some(Cite {
                        by: "US EIA",
                        url: Some("https://x.example"),
                        seen: Some("2025-12-01"),
                    }),
                },
                AssumptionWords {
                    name: "life",
                    says: "Five years.",
                    cite: None,
                },
            ]
        );
    }

    #[test]
    fn reads_a_model_and_an_offering_that_names_it() {
        let text = "crossover-price-list\t1\t2026-12-05\n\
            ~kimi-x\tKimi X\tKimi\tMoonshot AI\tModified MIT\t\tc\tcredit shown past 100M users\t\
            moonshotai/Kimi-X\t1000\t32\t384\t8\t61\t64\tl512\t61\t0\t0\t0\t20x4i128k512pfp8 21x128i0k0\t4.5e8\t262144\tint4\t2026-11-01\n\
            kimi-x-api\tKimi X\tMoonshot AI\to\tkimi-x\t\thttps://x.example\t2026-12-01\t\t*=600000,,,2500000\t\t\n";
        let list = parse(text).unwrap();
        let m = &list.models[0];
        assert_eq!(
            (m.id, m.maker, m.licence, m.licence_url, m.hf_repo),
            (
                "kimi-x",
                "Moonshot AI",
                "Modified MIT",
                "",
                "moonshotai/Kimi-X"
            )
        );
        assert_eq!(
            (m.permissive, m.commercial_use, m.openness),
            (false, true, Openness::OpenWeight)
        );
        assert_eq!(
            (
                m.total_params_b,
                m.active_params_b,
                m.experts_total,
                m.experts_per_token
            ),
            (1000.0, 32.0, Some(384), Some(8))
        );
        assert_eq!(m.kv, KvLayout::Latent { kv_latent_dim: 512 });
        assert_eq!((m.layers, m.max_context_tokens), (61, 262_144.0));
        assert_eq!(m.native_precision, Precision::Int4);
        assert_eq!(
            m.attention,
            [
                LayerGroup::Full { layers: 61 },
                LayerGroup::Compressed(CompressedLayers {
                    layers: 20,
                    ratio: 4,
                    indexer_values: 128,
                    rows_read: 512,
                    indexer_precision: Some(Precision::Fp8)
                }),
                LayerGroup::Compressed(CompressedLayers {
                    layers: 21,
                    ratio: 128,
                    indexer_values: 0,
                    rows_read: 0,
                    indexer_precision: None
                }),
                LayerGroup::Linear { state_bytes: 4.5e8 },
            ]
        );
        // The offering finds the model the same list brings.
        assert_eq!(list.offerings[0].open_model, Some("kimi-x"));
    }

    #[test]
    fn a_model_line_it_cannot_read_is_refused_with_its_number() {
        let good = "~m\tM\tF\tMaker\tMIT\t\tpc\t\to/m\t8\t8\t\t\t32\t32\tg8x128\t32\t0\t0\t0\t\t0\t131072\tbf16\t2026-01-01";
        assert!(parse(&format!("crossover-price-list\t1\t2026-12-05\n{good}\n")).is_ok());
        for bad in [
            good.replace("g8x128", "g8"),
            good.replace("g8x128", "q8"),
            good.replace("\tbf16", "\tfp3"),
            good.replace("\t32\t32\t", "\tmany\t32\t"),
            good.replace("\t2026-01-01", ""),
            good.replace("\t0\t0\t0\t\t0\t", "\t0\t0\t0\t2x4\t0\t"),
        ] {
            let text = format!("crossover-price-list\t1\t2026-12-05\n{good}\n{bad}\n");
            assert_eq!(parse(&text).unwrap_err().line, 3, "{bad}");
        }
    }

    #[test]
    fn reads_an_offering_with_hours_and_tiers() {
        let text = "crossover-price-list\t1\t2026-12-05\n\
            d\tDeepSeek V4 Pro\tDeepSeek\tos\tllama-3.3-70b\t1000000\thttps://x.example\t2026-12-05\tA note\t\
            *=435000,3625,,870000 2026-08-17=660000,22000,,1980000\t\
            *=1~200000:2,,,3\t\
            0100-0400w@2026-08-17=1320000,44000,,3960000 2230-0030=1,,,2\n";
        let list = parse(text).unwrap().offerings;
        let a = &list[0];
        assert_eq!(
            (a.id, a.kind, a.resold, a.retired),
            ("d", ApiKind::HostedOpen, true, false)
        );
        assert_eq!(a.open_model, Some("llama-3.3-70b"));
        assert_eq!(a.context_window_tokens, Some(1e6));
        assert_eq!(a.reader_note, Some("A note"));
        assert_eq!(a.prices.len(), 2);
        assert_eq!(a.prices[1].from, Date::parse("2026-08-17"));
        assert_eq!(a.prices[1].output.unwrap().base.usd(), 1.98);
        assert_eq!(a.batch[0].input.unwrap().tiers, &[(200_000, UsdPerMtok(2))]);
        assert_eq!(a.hours.len(), 2);
        assert!(a.hours[0].weekdays_only);
        assert_eq!(a.hours[0].minutes(), 180);
        assert_eq!(a.hours[1].minutes(), 120);
        assert_eq!(a.origin, PriceOrigin::GenaiPrices);
    }
}
