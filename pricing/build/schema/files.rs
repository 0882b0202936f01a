//! The shapes of the files in `data/`: one struct per kind of entry. A field
//! list exists once, here; the checks that span fields or files are in
//! `check.rs`, the Rust the entries become is in `generate.rs`.

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::types::*;

/// `apis.toml`: the providers imported from genai-prices, what the data
/// cannot say about their offerings, and the offerings it lacks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApisFile {
    /// Words in a model id or name that mark an open-weight model
    /// (`llama`, `qwen`, `gpt-oss`): its offerings are hosted-open.
    pub open_weight_names: Vec<Text>,
    /// Read entry by entry, so that every bad entry is reported.
    #[serde(rename = "provider")]
    pub _provider: IgnoredAny,
    #[serde(rename = "offering", default)]
    pub _offering: Option<IgnoredAny>,
    #[serde(rename = "api", default)]
    pub _api: Option<IgnoredAny>,
}

/// A provider whose current text offerings are all imported.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiProvider {
    /// genai-prices' provider id.
    pub genai: Text,
    /// What the reader sees: "AWS Bedrock", "Hugging Face (Novita)".
    pub name: Text,
    /// Put before a model's own id to make the offering's id; "" for a
    /// maker's own API, whose ids are its models' ("gpt-6.2-astra").
    pub id_prefix: IdPrefix,
    /// For a maker that also resells others' models (Claude on Google):
    /// words in those models' ids, and the prefix their ids get.
    #[serde(default)]
    pub resells: Vec<Text>,
    pub resale_id_prefix: Option<IdPrefix>,
    /// Who makes what it sells: `maker` (its own models) or `host` (others').
    pub role: ProviderRole,
    /// The kind of an offering that neither an open model nor an open-weight
    /// name marks: `closed` for makers of closed models and clouds.
    pub default_kind: ApiKind,
}

/// What the data cannot say about one imported offering.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiCuration {
    pub genai: GenaiRef,
    /// The id links have used for it, where it differs from the made one.
    pub id: Option<Id>,
    /// Ids older links used for it, read as its id.
    #[serde(default)]
    pub old_ids: Vec<Id>,
    pub name: Option<Text>,
    pub kind: Option<ApiKind>,
    /// The open model it serves, where its name does not say; `match_open_model
    /// = false` where the name would say wrongly.
    pub open_model: Option<Id>,
    pub match_open_model: Option<bool>,
    pub context_window_tokens: Option<Positive>,
    /// Withdrawn by its provider though genai-prices lists it: read from old
    /// links, not offered.
    pub retired: Option<bool>,
    /// The hours its `hours` prices apply, beyond genai-prices' times of day.
    pub time_of_day: Option<TimeOfDay>,
    /// One sentence the reader sees beside its prices.
    pub reader_note: Option<Text>,
    pub notes: Option<String>,
}

/// When an offering's prices by the hour apply.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeOfDay {
    /// Only Monday to Friday (UTC): weekends pay the other prices all day.
    pub weekdays_only: bool,
    /// The first day the hours apply.
    pub from: Option<Date>,
    /// The provider's page that says so.
    #[serde(rename = "source")]
    pub _source: Url,
}

/// An offering genai-prices lacks, typed in from the provider's page.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Api {
    pub id: Id,
    pub name: Text,
    pub provider: Text,
    pub kind: ApiKind,
    pub open_model: Option<Id>,
    pub context_window_tokens: Option<Positive>,
    pub input_usd_per_mtok: Option<NonNegative>,
    pub cached_input_usd_per_mtok: Option<NonNegative>,
    pub cache_write_usd_per_mtok: Option<NonNegative>,
    pub output_usd_per_mtok: Option<NonNegative>,
    pub batch_input_usd_per_mtok: Option<NonNegative>,
    pub batch_output_usd_per_mtok: Option<NonNegative>,
    pub batch_cached_input_usd_per_mtok: Option<NonNegative>,
    pub long_context: Option<LongContext>,
    pub source: Url,
    pub as_of: Date,
    /// Where the page's figures were read, when not on the page itself.
    #[serde(rename = "via")]
    pub _via: Option<String>,
    pub reader_note: Option<Text>,
    pub notes: Option<String>,
}

/// An offering in the genai-prices data: its provider and model ids there.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenaiRef {
    pub provider: Text,
    pub model: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LongContext {
    pub above_input_tokens: Positive,
    pub input_usd_per_mtok: Option<NonNegative>,
    pub cached_input_usd_per_mtok: Option<NonNegative>,
    pub output_usd_per_mtok: Option<NonNegative>,
}

/// `models.toml`: the `families` list, then `[[model]]` entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelsFile {
    /// Every family a model may belong to, in the order they are listed.
    pub families: Vec<Text>,
    /// Read entry by entry, so that every bad entry is reported.
    #[serde(rename = "model")]
    pub _model: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: Id,
    pub name: Text,
    pub family: Text,
    pub maker: Text,
    pub licence: Text,
    pub licence_url: Url,
    pub permissive: bool,
    pub commercial_use: bool,
    pub commercial_restriction: String,
    pub openness: Openness,
    pub hf_repo: HfRepo,
    pub total_params_b: Positive,
    pub active_params_b: Positive,
    pub experts: Option<Experts>,
    pub layers: Count,
    pub query_heads: Count,
    pub kv: KvLayout,
    pub full_attention_layers: Option<u32>,
    pub sliding_window: Option<SlidingWindow>,
    #[serde(default)]
    pub compressed: Vec<Compressed>,
    pub linear_state_bytes: Option<Positive>,
    pub max_context_tokens: Positive,
    pub native_precision: Precision,
    pub source: Url,
    pub as_of: Date,
    pub notes: Option<String>,
}

/// Routed experts of a mixture-of-experts model: both counts or neither.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experts {
    pub total: Count,
    pub per_token: Count,
}

/// How a model's attention keeps its KV cache: exactly one of
/// `kv.grouped-query = { kv_heads, head_dim }` and `kv.latent = { kv_latent_dim }`.
#[derive(Deserialize)]
#[serde(try_from = "KvTable")]
pub enum KvLayout {
    GroupedQuery { kv_heads: Count, head_dim: Count },
    Latent { kv_latent_dim: Count },
}

/// `kv` as written, before one layout is picked.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct KvTable {
    grouped_query: Option<GroupedQuery>,
    latent: Option<Latent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupedQuery {
    kv_heads: Count,
    head_dim: Count,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Latent {
    kv_latent_dim: Count,
}

impl TryFrom<KvTable> for KvLayout {
    type Error = &'static str;
    fn try_from(t: KvTable) -> Result<KvLayout, Self::Error> {
        match (t.grouped_query, t.latent) {
            (Some(g), None) => Ok(KvLayout::GroupedQuery {
                kv_heads: g.kv_heads,
                head_dim: g.head_dim,
            }),
            (None, Some(l)) => Ok(KvLayout::Latent {
                kv_latent_dim: l.kv_latent_dim,
            }),
            _ => Err(
                "give kv.grouped-query = { kv_heads, head_dim } or kv.latent = { kv_latent_dim }, one of them",
            ),
        }
    }
}

/// Layers whose KV cache is capped at a window of tokens: both or neither.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlidingWindow {
    pub layers: Count,
    pub tokens: Positive,
    /// The window layers' own KV geometry, where it differs from `kv`.
    pub kv_heads: Option<Count>,
    pub head_dim: Option<Count>,
}

impl SlidingWindow {
    /// KV values a token takes in one window layer; 0 where `kv` says.
    pub fn kv_values(&self) -> u32 {
        match (self.kv_heads, self.head_dim) {
            (Some(heads), Some(dim)) => 2 * heads.0 * dim.0,
            _ => 0,
        }
    }
}

/// Layers that also cache one row per `ratio` tokens (DeepSeek V4's
/// compressed attention), each row as wide as the model's KV, with indexer
/// keys beside it where the layer is sparse.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Compressed {
    pub layers: Count,
    pub ratio: Count,
    #[serde(default)]
    pub indexer_values: u32,
    #[serde(default)]
    pub rows_read: u32,
    /// The indexer keys' own precision; absent, the KV's.
    #[serde(default)]
    pub indexer_precision: Option<Precision>,
}

/// `gpus.toml`: `[[gpu]]` entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GpusFile {
    /// Read entry by entry, so that every bad entry is reported.
    #[serde(rename = "gpu")]
    pub _gpu: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gpu {
    pub id: Id,
    pub name: Text,
    pub short_name: Text,
    pub vendor: Text,
    pub memory_gb: Positive,
    pub memory_bandwidth_tb_s: Positive,
    pub bf16_tflops: Positive,
    pub fp8_tflops: Option<Positive>,
    pub fp4_tflops: Option<Positive>,
    pub board_power_w: Positive,
    pub multi_gpu_link: GpuLink,
    pub gpus_per_server: Count,
    pub spec_source: Url,
    /// None for machines no one rents out (a Mac Studio): renting one then
    /// needs a price typed in.
    pub rent_usd_per_gpu_hour: Option<Range>,
    #[serde(default)]
    pub rent_sources: Vec<Text>,
    /// Share of the memory the GPU may use (Apple silicon's unified memory
    /// keeps some for the system); 1 when absent.
    pub usable_memory_fraction: Option<Fraction>,
    /// board_power_w is the whole machine's draw (a Mac), so no host power is added.
    #[serde(default)]
    pub whole_machine_power: bool,
    /// The whole machine's measured idle draw: owned, it draws board power
    /// only while it works.
    pub idle_power_w: Option<Positive>,
    pub purchase_usd_per_gpu: Positive,
    pub purchase_source: Text,
    /// What the reader sees of the sources: who, in a few words.
    pub rent_seen_at: Option<Text>,
    pub purchase_seen_at: Text,
    pub as_of: Date,
    pub notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub low: Positive,
    pub typical: Positive,
    pub high: Positive,
}

/// `engines.toml`: `[[engine]]` entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnginesFile {
    /// Read entry by entry, so that every bad entry is reported.
    #[serde(rename = "engine")]
    pub _engine: IgnoredAny,
}

/// How an engine runs prompts beside the decode steps; each kind carries
/// only its own parameters (a mixed engine has no prompt pass to time).
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Batching {
    Mixed,
    PromptPasses { overhead_ms_per_layer: NonNegative },
}

impl Batching {
    pub fn rust(&self) -> String {
        match self {
            Batching::Mixed => "Batching::Mixed".to_string(),
            Batching::PromptPasses {
                overhead_ms_per_layer,
            } => format!(
                "Batching::PromptPasses {{ overhead_ms_per_layer: {:?} }}",
                overhead_ms_per_layer.0
            ),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engine {
    pub id: Id,
    pub name: Text,
    pub kind: EngineKind,
    /// GPU vendors (gpus.toml `vendor`) the engine runs on.
    pub runs_on: Vec<Text>,
    /// The formats it loads, where fewer than its kind's (precisions.toml
    /// `served_by`); absent, all of those.
    #[serde(default)]
    pub formats: Vec<Precision>,
    pub concurrency: Count,
    pub memory_fraction: Fraction,
    pub overhead_gb_per_gpu: NonNegative,
    pub max_gpus_per_replica: Count,
    pub batching: Batching,
    pub bandwidth_efficiency: PerPrecision,
    pub compute_efficiency: PerPrecision,
    pub moe_compute_efficiency: Fraction,
    pub first_token_overhead_ms: NonNegative,
    pub multi_gpu_efficiency: PerLink,
    pub multi_node_efficiency: Fraction,
    pub source: Url,
    pub as_of: Date,
    pub notes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerPrecision {
    pub bf16: Fraction,
    pub fp8: Fraction,
    pub int4: Fraction,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLink {
    pub nvlink: Fraction,
    pub infinity_fabric: Fraction,
    pub pcie: Fraction,
}

/// `precisions.toml`: `[[precision]]` entries, one per [`Precision`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrecisionsFile {
    /// Read entry by entry, so that every bad entry is reported.
    #[serde(rename = "precision")]
    pub _precision: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrecisionEntry {
    pub id: Precision,
    pub name: Text,
    pub bytes_per_param: Positive,
    pub kv_bytes_per_value: Positive,
    pub compute: Vec<ComputeRate>,
    /// Whose efficiency factors in engines.toml apply: bf16, fp8 or int4.
    pub engine_factors: Precision,
    /// The kinds of engine that load weights in this format.
    pub served_by: Vec<EngineKind>,
    pub source: Text,
    /// Checked, not generated: the source text says how the figure was got.
    #[allow(dead_code)]
    pub basis: Basis,
}

/// `calibration.toml`: the offline concurrency cap, then `[[record]]` entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalibrationFile {
    pub offline_concurrency_cap: Count,
    pub offline_concurrency_cap_source: Text,
    pub estimate_band: EstimateBand,
    pub latency_band: LatencyBand,
    /// Read entry by entry, so that every bad entry is reported.
    #[serde(rename = "record")]
    pub _record: IgnoredAny,
    #[serde(rename = "latency")]
    pub _latency: IgnoredAny,
}

/// Published over estimated throughput, lowest and highest across the
/// records: the range every estimate carries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EstimateBand {
    pub low: Positive,
    pub high: Positive,
}

/// Published over estimated speed per user and time to first token: the
/// range each latency estimate carries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LatencyBand {
    pub speed: EstimateBand,
    pub first_token: EstimateBand,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub model: Id,
    pub gpu: Id,
    pub engine: Id,
    /// The engine's release the figures were measured with, as published
    /// ("0.19.1"), or "not stated".
    pub engine_release: Text,
    /// Left out of every fit: a newer release of its engine disagrees with
    /// it and leave-one-out prefers the newer records alone.
    #[serde(default)]
    pub context: bool,
    pub gpu_count: Count,
    pub precision: Precision,
    pub input_tokens: Positive,
    pub output_tokens: Positive,
    pub concurrency: Option<Count>,
    #[serde(default)]
    pub prefill_elsewhere: bool,
    pub output_tokens_per_second_per_gpu: Positive,
    /// Latency at the record's concurrency, where published.
    pub output_tokens_per_second_per_user: Option<Positive>,
    pub time_to_first_token_ms: Option<Positive>,
    pub source: Url,
    pub as_of: Date,
    pub notes: Option<String>,
}

/// `currencies.toml`: `[[currency]]` entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrenciesFile {
    /// Read entry by entry, so that every bad entry is reported.
    #[serde(rename = "currency")]
    pub _currency: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyEntry {
    pub code: Text,
    pub name: Text,
    pub symbol: Text,
    pub per_usd: Positive,
    pub source: Url,
    pub as_of: Date,
}

/// One default in `assumptions.toml`: `name = { value, basis, source }`
/// inside a section table. What `value` may be depends on the name; see
/// `assumptions.rs`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssumed {
    pub value: AnyValue,
    pub basis: Basis,
    /// What the reader sees: one sentence, and who published the figure.
    pub says: Text,
    pub by: Option<Text>,
    pub url: Option<Url>,
    pub seen: Option<Date>,
    /// The exact reference, for developers.
    pub source: Text,
}

/// A default's value before its rule is applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AnyValue {
    Bool(bool),
    Integer(i64),
    Float(f64),
}

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = AnyValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a boolean")
            }
            fn visit_bool<E>(self, v: bool) -> Result<AnyValue, E> {
                Ok(AnyValue::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<AnyValue, E> {
                Ok(AnyValue::Integer(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<AnyValue, E> {
                i64::try_from(v)
                    .map(AnyValue::Integer)
                    .map_err(|_| E::custom("integer too large"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<AnyValue, E> {
                Ok(AnyValue::Float(v))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultScenario {
    pub apis: Vec<Id>,
    pub deployments: Vec<DefaultDeployment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultDeployment {
    pub model: Id,
    pub precision: Precision,
    pub gpu: Id,
    pub engine: Id,
}
