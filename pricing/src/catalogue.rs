//! The catalogue: API offerings, open models, GPUs, engines, number formats,
//! calibration records and defaults.
//!
//! The human-edited TOML files in `data/` are checked and turned into the
//! static tables below by `build.rs`, so nothing is parsed at run time. The
//! one exception is the widget's API offerings: its tables hold the default
//! scenario's, and the rest arrive as the price list, a file of its own
//! build (`load_price_list`), so several hundred offerings cost neither the
//! first paint nor the bundle.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// Who runs an API offering's model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiKind {
    /// A proprietary model available only through its maker's API (GPT, Claude, Gemini).
    Closed,
    /// An open-weight model served per token by a host (DeepSeek, Together, Groq...).
    HostedOpen,
}

/// US dollars per 1M tokens, kept in millionths of a dollar: every price
/// in the data has at most six decimals, so this is exact, and it takes a
/// third of the bytes an `f64` would in the widget's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(into = "f64")]
pub struct UsdPerMtok(pub u32);

impl UsdPerMtok {
    /// A price with at most six decimals (the build checks the data's).
    pub const fn from_usd(usd: f64) -> UsdPerMtok {
        UsdPerMtok((usd * 1e6 + 0.5) as u32)
    }

    pub fn usd(self) -> f64 {
        f64::from(self.0) / 1e6
    }
}

impl From<UsdPerMtok> for f64 {
    fn from(p: UsdPerMtok) -> f64 {
        p.usd()
    }
}

/// A price per 1M tokens that depends on the request's input length: the
/// last tier whose threshold the input exceeds, else the base price.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Tiered {
    pub base: UsdPerMtok,
    /// `(above input tokens, price)`, thresholds rising.
    pub tiers: &'static [(u32, UsdPerMtok)],
}

impl Tiered {
    pub fn at(&self, input_tokens: f64) -> f64 {
        self.tiers
            .iter()
            .rev()
            .find(|(above, _)| input_tokens > f64::from(*above))
            .map_or(self.base, |&(_, price)| price)
            .usd()
    }

    /// Whether `input_tokens` falls above the first threshold.
    pub fn in_tier(&self, input_tokens: f64) -> bool {
        self.tiers
            .first()
            .is_some_and(|(above, _)| input_tokens > f64::from(*above))
    }
}

/// An offering's text-token prices from a date on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DatedPrices {
    /// The first day these prices apply; `None`: from the start of the data.
    pub from: Option<Date>,
    pub input: Option<Tiered>,
    pub cached_input: Option<Tiered>,
    pub cache_write: Option<Tiered>,
    pub output: Option<Tiered>,
}

impl DatedPrices {
    fn active(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date)
    }
}

/// Prices that apply during some hours of the day (UTC), from a date on;
/// the offering's other prices apply the rest of the time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HourPrices {
    /// Minutes after midnight UTC; an end before the start runs past midnight.
    pub utc_start_minute: u16,
    pub utc_end_minute: u16,
    /// Monday to Friday (UTC) only: at weekends the other prices apply all day.
    pub weekdays_only: bool,
    /// `from`: the first day the hours apply.
    pub prices: DatedPrices,
}

impl HourPrices {
    /// Minutes of the span, in a day.
    pub fn minutes(&self) -> u16 {
        (self.utc_end_minute + 24 * 60 - self.utc_start_minute) % (24 * 60)
    }
}

/// Where an offering's prices come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PriceOrigin {
    /// `data/genai-prices.json`, from the genai-prices package.
    GenaiPrices,
    /// Typed into `data/apis.toml` from the provider's page.
    Hand,
}

/// A per-token API: prices in US dollars per million tokens, with their history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiOffering {
    pub id: &'static str,
    pub name: &'static str,
    pub provider: &'static str,
    pub kind: ApiKind,
    /// For hosted open models: the id of the model in [`MODELS`].
    pub open_model: Option<&'static str>,
    /// Sold by someone other than the model's maker (Claude on AWS Bedrock,
    /// Llama on Groq).
    pub resold: bool,
    /// `None` where the provider does not say.
    pub context_window_tokens: Option<f64>,
    /// Standard prices, oldest first: on a date, the last that has begun applies.
    pub prices: &'static [DatedPrices],
    /// Batch prices, in the upstream's order: for each price, the first
    /// that has begun and lists it applies; none: no batch API.
    pub batch: &'static [DatedPrices],
    /// Prices for some hours of the day (DeepSeek's peak hours).
    pub hours: &'static [HourPrices],
    pub origin: PriceOrigin,
    /// The provider's pricing page.
    pub source: &'static str,
    /// When the prices were last read: the data's date for genai-prices.
    pub as_of: &'static str,
    /// Withdrawn by its provider: still read from old links, not offered.
    pub retired: bool,
    /// A sentence the reader sees beside its prices.
    pub reader_note: Option<&'static str>,
    #[cfg(feature = "notes")]
    pub notes: Option<&'static str>,
}

/// The prices of an offering in force on one day, for one request length.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ListPrices {
    pub input: Option<f64>,
    pub cached_input: Option<f64>,
    pub cache_write: Option<f64>,
    pub output: Option<f64>,
    /// Batch input, cached input (when listed) and output.
    pub batch: Option<(f64, Option<f64>, f64)>,
    /// Whether the request length put it above a tier threshold.
    pub long_context: bool,
}

impl ApiOffering {
    /// The prices in force on `date` for requests of `input_tokens`, outside
    /// any hours priced apart ([`ApiOffering::hour_prices`]).
    pub fn list_prices(&self, date: Date, input_tokens: f64) -> ListPrices {
        let standard = self
            .prices
            .iter()
            .rev()
            .find(|p| p.active(date))
            .or(self.prices.first());
        self.prices_with(standard, date, input_tokens)
    }

    /// The spans of the day priced apart on `date`, each with its prices for
    /// requests of `input_tokens`; batch prices as outside them.
    pub fn hour_prices(
        &self,
        date: Date,
        input_tokens: f64,
    ) -> impl Iterator<Item = (&'static HourPrices, ListPrices)> + '_ {
        self.hours
            .iter()
            .filter(move |h| h.prices.active(date))
            .map(move |h| (h, self.prices_with(Some(&h.prices), date, input_tokens)))
    }

    fn prices_with(
        &self,
        standard: Option<&DatedPrices>,
        date: Date,
        input_tokens: f64,
    ) -> ListPrices {
        let at = |t: Option<Tiered>| t.map(|t| t.at(input_tokens));
        let batch_of = |key: fn(&DatedPrices) -> Option<Tiered>| {
            self.batch
                .iter()
                .filter(|p| p.active(date))
                .find_map(|p| at(key(p)))
        };
        let batch = match (batch_of(|p| p.input), batch_of(|p| p.output)) {
            (Some(input), Some(output)) => Some((input, batch_of(|p| p.cached_input), output)),
            _ => None,
        };
        ListPrices {
            input: standard.and_then(|p| at(p.input)),
            cached_input: standard.and_then(|p| at(p.cached_input)),
            cache_write: standard.and_then(|p| at(p.cache_write)),
            output: standard.and_then(|p| at(p.output)),
            batch,
            long_context: standard
                .and_then(|p| p.input)
                .is_some_and(|t| t.in_tier(input_tokens)),
        }
    }

    /// The first day after `date` on which a price of this offering changes.
    pub fn next_change(&self, date: Date) -> Option<Date> {
        self.prices
            .iter()
            .chain(self.batch)
            .chain(self.hours.iter().map(|h| &h.prices))
            .filter_map(|p| p.from)
            .filter(|from| *from > date)
            .min()
    }
}

/// How a model's attention keeps its KV cache.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KvLayout {
    /// Grouped-query attention: keys and values per KV head.
    GroupedQuery { kv_heads: u32, head_dim: u32 },
    /// Multi-head latent attention: one compressed vector per token and layer.
    Latent { kv_latent_dim: u32 },
}

/// A group of a model's layers and what each keeps for a sequence. A layer
/// may be in two groups: every DeepSeek V4 layer keeps a window, and some
/// also compressed rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LayerGroup {
    /// Layers that keep every token, in the model's KV geometry (`kv`).
    Full { layers: u32 },
    /// Layers that keep the last `tokens` tokens: `kv_values` a token where
    /// their geometry differs from `kv` (Gemma 4), else 0.
    Window {
        layers: u32,
        tokens: f64,
        kv_values: u32,
    },
    /// Layers that keep one row per `ratio` tokens, with indexer keys.
    Compressed(CompressedLayers),
    /// Linear-attention layers: a state of `state_bytes` a sequence,
    /// whatever its length.
    Linear { state_bytes: f64 },
}

/// Layers that cache, besides their window, one row per `ratio` tokens of
/// the context, each as wide as the model's KV (DeepSeek V4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CompressedLayers {
    pub layers: u32,
    pub ratio: u32,
    /// Indexer key values stored beside each row (0 without an indexer).
    pub indexer_values: u32,
    /// Rows a decode step reads: the top-k of a sparse layer; 0 reads all.
    pub rows_read: u32,
    /// The indexer keys' own precision; `None`, the KV's.
    pub indexer_precision: Option<Precision>,
}

/// What a model's makers publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Openness {
    /// The weights, to run and fine-tune; not how they were made.
    OpenWeight,
    /// The weights, the training code and the training data.
    FullyOpen,
}

impl Openness {
    pub fn label(self) -> &'static str {
        match self {
            Openness::OpenWeight => "open weights",
            Openness::FullyOpen => "fully open: weights, training code and data",
        }
    }
}

/// The three kinds of licence an open model comes under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LicenceTier {
    /// An OSI-approved permissive licence (Apache-2.0, MIT).
    Permissive,
    /// The maker's own terms, which allow commercial use (perhaps with conditions).
    Custom,
    /// No commercial use at all (CC-BY-NC and the like).
    NonCommercial,
}

impl LicenceTier {
    /// What the tier allows, in a few words.
    pub fn label(self) -> &'static str {
        match self {
            LicenceTier::Permissive => "permissive",
            LicenceTier::Custom => "commercial use on its terms",
            LicenceTier::NonCommercial => "no commercial use",
        }
    }
}

/// Which open models the lists offer, by licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LicenceFilter {
    #[default]
    Any,
    CommercialUse,
    Permissive,
}

impl LicenceFilter {
    pub const ALL: [LicenceFilter; 3] = [
        LicenceFilter::Any,
        LicenceFilter::CommercialUse,
        LicenceFilter::Permissive,
    ];

    pub fn id(self) -> &'static str {
        match self {
            LicenceFilter::Any => "any",
            LicenceFilter::CommercialUse => "commercial",
            LicenceFilter::Permissive => "permissive",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LicenceFilter::Any => "Any licence",
            LicenceFilter::CommercialUse => "Commercial use allowed",
            LicenceFilter::Permissive => "Permissive only (Apache-2.0, MIT)",
        }
    }

    pub fn from_id(id: &str) -> Option<LicenceFilter> {
        LicenceFilter::ALL.into_iter().find(|f| f.id() == id)
    }

    pub fn allows(self, model: &OpenModel) -> bool {
        match self {
            LicenceFilter::Any => true,
            LicenceFilter::CommercialUse => model.licence_tier() != LicenceTier::NonCommercial,
            LicenceFilter::Permissive => model.licence_tier() == LicenceTier::Permissive,
        }
    }
}

/// An open-weight model that can be self-hosted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenModel {
    pub id: &'static str,
    pub name: &'static str,
    pub family: &'static str,
    /// These four are empty in the widget's tables for a model outside the
    /// default scenario: read them with [`OpenModel::words`].
    pub maker: &'static str,
    pub licence: &'static str,
    pub licence_url: &'static str,
    pub permissive: bool,
    pub commercial_use: bool,
    pub commercial_restriction: &'static str,
    pub openness: Openness,
    pub hf_repo: &'static str,
    pub total_params_b: f64,
    pub active_params_b: f64,
    pub experts_total: Option<u32>,
    pub experts_per_token: Option<u32>,
    pub layers: u32,
    pub query_heads: u32,
    pub kv: KvLayout,
    /// What its attention keeps for a sequence, group by group of layers.
    pub attention: &'static [LayerGroup],
    pub max_context_tokens: f64,
    pub native_precision: Precision,
    #[cfg(feature = "notes")]
    pub source: &'static str,
    pub as_of: &'static str,
    #[cfg(feature = "notes")]
    pub notes: Option<&'static str>,
}

impl OpenModel {
    pub fn licence_tier(&self) -> LicenceTier {
        match (self.permissive, self.commercial_use) {
            (true, _) => LicenceTier::Permissive,
            (false, true) => LicenceTier::Custom,
            (false, false) => LicenceTier::NonCommercial,
        }
    }

    pub fn hf_url(&self) -> String {
        format!("https://huggingface.co/{}", self.hf_repo)
    }

    /// The licence's text: `licence_url`, or the LICENSE file of its
    /// Hugging Face repository where that is where it is (left empty then).
    pub fn licence_link(&self) -> String {
        match self.licence_url {
            "" => self.hf_url() + "/blob/main/LICENSE",
            url => url.to_string(),
        }
    }
}

/// What a reader is told of where a GPU's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GpuWords {
    pub spec_url: &'static str,
    /// "" when no one rents it out.
    pub rent_seen_at: &'static str,
    pub purchase_seen_at: &'static str,
}

/// A number format weights are served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Bf16,
    Fp8,
    Int4,
    Nvfp4,
    Mxfp4,
    #[serde(rename = "q8_0")]
    Q8_0,
    #[serde(rename = "q6_k")]
    Q6K,
    #[serde(rename = "q5_k_m")]
    Q5KM,
    #[serde(rename = "q4_k_m")]
    Q4KM,
    #[serde(rename = "q3_k_m")]
    Q3KM,
}

impl Precision {
    pub const ALL: [Precision; 10] = [
        Precision::Bf16,
        Precision::Fp8,
        Precision::Int4,
        Precision::Nvfp4,
        Precision::Mxfp4,
        Precision::Q8_0,
        Precision::Q6K,
        Precision::Q5KM,
        Precision::Q4KM,
        Precision::Q3KM,
    ];

    /// The id in data/ and in share links.
    pub fn id(self) -> &'static str {
        match self {
            Precision::Bf16 => "bf16",
            Precision::Fp8 => "fp8",
            Precision::Int4 => "int4",
            Precision::Nvfp4 => "nvfp4",
            Precision::Mxfp4 => "mxfp4",
            Precision::Q8_0 => "q8_0",
            Precision::Q6K => "q6_k",
            Precision::Q5KM => "q5_k_m",
            Precision::Q4KM => "q4_k_m",
            Precision::Q3KM => "q3_k_m",
        }
    }

    /// Whether engines of this kind load weights in this format.
    pub fn served_by(self, kind: EngineKind) -> bool {
        self.format().served_by.contains(&kind)
    }

    /// Whether this engine loads weights in this format: its kind does, and
    /// the engine names it where it loads fewer (MLX no GGUF, llama.cpp no FP8).
    pub fn loaded_by(self, engine: &Engine) -> bool {
        self.served_by(engine.kind) && (engine.formats.is_empty() || engine.formats.contains(&self))
    }

    pub fn from_id(id: &str) -> Option<Precision> {
        Precision::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn format(self) -> &'static PrecisionFormat {
        PRECISIONS
            .iter()
            .find(|f| f.precision == self)
            .expect("build.rs checks every precision has an entry")
    }
}

/// A low-precision tensor-core rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ComputeRate {
    Fp8,
    Fp4,
}

/// Storage and compute facts about a [`Precision`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrecisionFormat {
    pub precision: Precision,
    pub name: &'static str,
    pub bytes_per_param: f64,
    pub kv_bytes_per_value: f64,
    /// Rates to run at, best first; BF16 when the GPU has none of them.
    pub compute: &'static [ComputeRate],
    /// Whose efficiency factors apply: [`Precision::Bf16`], `Fp8` or `Int4`.
    pub engine_factors: Precision,
    pub served_by: &'static [EngineKind],
    #[cfg(feature = "notes")]
    pub source: &'static str,
}

/// How the GPUs of one replica talk to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GpuLink {
    Nvlink,
    InfinityFabric,
    Pcie,
}

/// Low, typical and high figures for one price.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PriceRange {
    pub low: f64,
    pub typical: f64,
    pub high: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gpu {
    pub id: &'static str,
    pub name: &'static str,
    /// What labels and charts print: "H100 SXM".
    pub short_name: &'static str,
    pub vendor: &'static str,
    pub memory_gb: f64,
    pub memory_bandwidth_tb_s: f64,
    pub bf16_tflops: f64,
    pub fp8_tflops: Option<f64>,
    pub fp4_tflops: Option<f64>,
    pub board_power_w: f64,
    pub multi_gpu_link: GpuLink,
    /// GPUs in one server; larger replicas span servers.
    pub gpus_per_server: u32,
    /// The specification's page. This and the other words for the reader
    /// are empty in the widget's tables, whose GPUs take them from the
    /// price list once it loads: [`Gpu::words`] has them.
    pub spec_url: &'static str,
    #[cfg(feature = "notes")]
    pub spec_source: &'static str,
    /// None for machines no one rents out: renting one needs a typed price.
    pub rent_usd_per_gpu_hour: Option<PriceRange>,
    /// Who the rental prices come from, in a few words ("" when none).
    pub rent_seen_at: &'static str,
    #[cfg(feature = "notes")]
    pub rent_sources: &'static [&'static str],
    /// Share of the memory the GPU may use (1, or about 0.75 on a Mac).
    pub usable_memory_fraction: f64,
    /// `board_power_w` is the whole machine's draw: no host power is added.
    pub whole_machine_power: bool,
    /// The whole machine's measured draw when idle, W: owned, it draws this
    /// around the clock and `board_power_w` only while it works. `None`:
    /// board (and host) power around the clock.
    pub idle_power_w: Option<f64>,
    pub purchase_usd_per_gpu: f64,
    /// Who the purchase price comes from, in a few words.
    pub purchase_seen_at: &'static str,
    #[cfg(feature = "notes")]
    pub purchase_source: &'static str,
    pub as_of: &'static str,
    #[cfg(feature = "notes")]
    pub notes: Option<&'static str>,
}

impl Gpu {
    /// Where the GPU's figures come from, from the tables or, in the
    /// widget, the price list once it is loaded.
    pub fn words(&self) -> Option<GpuWords> {
        let g = match self.spec_url {
            "" => crate::price_list::loaded_gpus()
                .iter()
                .find(|g| g.id == self.id)?,
            _ => self,
        };
        Some(GpuWords {
            spec_url: g.spec_url,
            rent_seen_at: g.rent_seen_at,
            purchase_seen_at: g.purchase_seen_at,
        })
    }

    /// Dense tensor throughput for a precision: the first of its rates the
    /// GPU has, else BF16 (engines dequantise the weights).
    pub fn tflops(&self, precision: Precision) -> f64 {
        precision
            .format()
            .compute
            .iter()
            .find_map(|rate| match rate {
                ComputeRate::Fp8 => self.fp8_tflops,
                ComputeRate::Fp4 => self.fp4_tflops,
            })
            .unwrap_or(self.bf16_tflops)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EngineKind {
    /// Many requests share each forward pass (vLLM, SGLang, TensorRT-LLM).
    Batched,
    /// A single-user server (llama.cpp, Ollama, LM Studio).
    Local,
}

/// One factor per precision.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PerPrecision {
    pub bf16: f64,
    pub fp8: f64,
    pub int4: f64,
}

impl PerPrecision {
    /// The factor for a format, through the class it runs like.
    pub fn get(&self, precision: Precision) -> f64 {
        match precision.format().engine_factors {
            Precision::Bf16 => self.bf16,
            Precision::Fp8 => self.fp8,
            _ => self.int4,
        }
    }
}

/// One factor per kind of GPU link.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PerLink {
    pub nvlink: f64,
    pub infinity_fabric: f64,
    pub pcie: f64,
}

impl PerLink {
    pub fn get(&self, link: GpuLink) -> f64 {
        match link {
            GpuLink::Nvlink => self.nvlink,
            GpuLink::InfinityFabric => self.infinity_fabric,
            GpuLink::Pcie => self.pcie,
        }
    }
}

/// How an engine runs prompts beside the decode steps.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Batching {
    /// Prefill chunks ride in the decode steps (chunked prefill): their
    /// compute overlaps the memory-bound decode.
    Mixed,
    /// Prompts run in passes of their own while every decode waits; each
    /// pass takes `overhead_ms_per_layer` per layer beyond the roofline.
    PromptPasses { overhead_ms_per_layer: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Engine {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: EngineKind,
    /// GPU vendors it runs on.
    pub runs_on: &'static [&'static str],
    /// The formats it loads where fewer than its kind's; empty, all of those.
    pub formats: &'static [Precision],
    pub concurrency: u32,
    pub memory_fraction: f64,
    pub overhead_gb_per_gpu: f64,
    pub max_gpus_per_replica: u32,
    pub batching: Batching,
    pub bandwidth_efficiency: PerPrecision,
    pub compute_efficiency: PerPrecision,
    /// Share of the compute efficiency routed-expert layers reach.
    pub moe_compute_efficiency: f64,
    /// The serving stack's own latency before a first token, beyond the
    /// GPUs' time (tokenising, scheduling, streaming), fitted to the
    /// calibration's latency records.
    pub first_token_overhead_ms: f64,
    pub multi_gpu_efficiency: PerLink,
    pub multi_node_efficiency: f64,
    #[cfg(feature = "notes")]
    pub source: &'static str,
    pub as_of: &'static str,
    #[cfg(feature = "notes")]
    pub notes: &'static str,
}

/// A published throughput measurement the model is checked against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationRecord {
    pub model: &'static str,
    pub gpu: &'static str,
    pub engine: &'static str,
    /// The engine's release the figures were measured with ("0.19.1"), or
    /// "not stated".
    pub engine_release: &'static str,
    /// Left out of every fit: leave-one-out prefers its engine's newer
    /// release without it. Shown beside the fitted records, not counted.
    pub context: bool,
    pub gpu_count: u32,
    pub precision: Precision,
    pub input_tokens: f64,
    pub output_tokens: f64,
    pub concurrency: Option<u32>,
    /// Prompts were processed on other GPUs; only decode ran on these.
    pub prefill_elsewhere: bool,
    pub output_tokens_per_second_per_gpu: f64,
    /// Latency at the record's concurrency, where published.
    pub output_tokens_per_second_per_user: Option<f64>,
    pub time_to_first_token_ms: Option<f64>,
    #[cfg(feature = "notes")]
    pub source: &'static str,
    pub as_of: &'static str,
    #[cfg(feature = "notes")]
    pub notes: Option<&'static str>,
}

/// A currency amounts can be shown in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Currency {
    pub code: &'static str,
    pub name: &'static str,
    pub symbol: &'static str,
    /// Units of the currency per US dollar.
    pub per_usd: f64,
    #[cfg(feature = "notes")]
    pub source: &'static str,
    pub as_of: &'static str,
}

/// Where a default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Sourced,
    Derived,
    Assumption,
}

/// A default value with its provenance: in the reader's words, and the
/// exact reference for developers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sourced<T> {
    pub value: T,
    pub basis: Basis,
    /// Its place in `data/assumptions.toml`, where the price list has its words.
    pub index: u16,
    /// One sentence: what the default is and why; empty in the widget's
    /// tables, which take it from the price list
    /// ([`crate::fields::Assumed::words`]).
    pub says: &'static str,
    /// Who published the figure, for a sourced or derived default.
    pub cite: Option<Cite>,
    #[cfg(feature = "notes")]
    pub source: &'static str,
}

/// A publisher, its page and the day it was read: what the reader sees of a
/// source (the exact reference stays in `data/` for developers).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cite {
    pub by: &'static str,
    pub url: Option<&'static str>,
    pub seen: Option<&'static str>,
}

/// A deployment named by catalogue ids, as the default scenario lists them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DeploymentIds {
    pub model: &'static str,
    pub precision: Precision,
    pub gpu: &'static str,
    pub engine: &'static str,
}

impl ApiOffering {
    /// "GPT-5.4 mini" from its maker; else "Llama 3.3 70B on Groq",
    /// "Claude Opus 5 on AWS Bedrock".
    pub fn label(&self) -> String {
        if self.kind == ApiKind::Closed && !self.resold {
            self.name.to_string()
        } else {
            format!("{} on {}", self.name, self.provider)
        }
    }
}

// The tables, `FAMILIES`, and `Defaults` (the struct and its value): one
// field per entry of `data/assumptions.toml`.
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The price list the widget's build ships as [`PRICE_LIST_FILE`]: every
/// offering of [`APIS`], as `crate::price_list` reads it.
#[cfg(feature = "all-offerings")]
pub static PRICE_LIST: &str = include_str!(concat!(env!("OUT_DIR"), "/price-list.txt"));

/// An API offering by id (or an id older links used for it): in the
/// tables, else in the price list once loaded.
pub fn api(id: &str) -> Option<&'static ApiOffering> {
    let id = API_OLD_IDS
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, now)| now);
    APIS.iter()
        .find(|a| a.id == id)
        .or_else(|| crate::price_list::loaded().iter().find(|a| a.id == id))
}

/// Every API offering known here: the price list's once loaded (which
/// holds the tables' own), else the tables'.
pub fn apis() -> &'static [ApiOffering] {
    match crate::price_list::loaded() {
        [] => APIS,
        loaded => loaded,
    }
}

/// Whether every offering is at hand: always with the `all-offerings`
/// tables; in the widget, once the price list has loaded.
pub fn all_apis_known() -> bool {
    cfg!(feature = "all-offerings") || !crate::price_list::loaded().is_empty()
}

/// The open models: the price list's once it has loaded (every one), else
/// the tables' (in the widget, the default scenario's).
pub fn models() -> &'static [OpenModel] {
    match crate::price_list::loaded_models() {
        [] => MODELS,
        loaded => loaded,
    }
}

pub fn model(id: &str) -> Option<&'static OpenModel> {
    models().iter().find(|m| m.id == id)
}

/// The GPUs: the price list's once it has loaded (every one), else the
/// tables' (in the widget, the default scenario's).
pub fn gpus() -> &'static [Gpu] {
    match crate::price_list::loaded_gpus() {
        [] => GPUS,
        loaded => loaded,
    }
}

pub fn gpu(id: &str) -> Option<&'static Gpu> {
    gpus().iter().find(|g| g.id == id)
}

pub fn engine(id: &str) -> Option<&'static Engine> {
    ENGINES.iter().find(|e| e.id == id)
}

/// The earliest dated price, and the day the price data was last written.
/// A scenario may be priced on any day ([`pricing_day`]): after the data was
/// written, on the prices it knows, changes announced for later days
/// included (with a notice once the data is old, [`price_data_age`]).
pub fn price_dates() -> (Date, Date) {
    PRICE_DATES
}

/// The day a scenario asked to be priced on is priced on: that day, or the
/// first day any price is known if it is earlier.
pub fn pricing_day(asked: Date) -> Date {
    asked.max(PRICE_DATES.0)
}

/// Whether the price data is old on `date`: the day it was written, when
/// that is more than [`Defaults::stale_price_data_days`] earlier.
pub fn price_data_age(date: Date) -> Option<Date> {
    let written = PRICE_DATES.1;
    (written.days_until(date) as f64 > DEFAULTS.stale_price_data_days.value).then_some(written)
}
