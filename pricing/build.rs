//! Reads the catalogue in `../data/*.toml`, checks it, and writes it out as
//! static Rust tables (`$OUT_DIR/catalogue.rs`, included by `src/catalogue.rs`).
//! A catalogue error stops the build with a message naming the file and entry.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

const FAMILIES: [&str; 9] = [
    "Llama", "Qwen", "DeepSeek", "Gemma", "Mistral", "GLM", "Kimi", "Phi", "gpt-oss",
];

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    println!("cargo:rerun-if-changed={}", data.display());
    let catalogue = match Catalogue::load(&data) {
        Ok(c) => c,
        Err(e) => fail(&e),
    };
    let problems = catalogue.check();
    if !problems.is_empty() {
        fail(&format!(
            "data/ has {} problem(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        ));
    }
    let mut catalogue = catalogue;
    if std::env::var_os("CARGO_FEATURE_NOTES").is_none() {
        catalogue.drop_notes();
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogue.rs");
    std::fs::write(out, catalogue.to_rust()).unwrap();
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

fn load<T: DeserializeOwned>(dir: &Path, file: &str) -> Result<T, String> {
    let path = dir.join(file);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("data/{file}: {e}"))?;
    toml::from_str(&text).map_err(|e| format!("data/{file}: {e}"))
}

// ---- raw shapes of the TOML files ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApisFile {
    api: Vec<Api>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Api {
    id: String,
    name: String,
    provider: String,
    kind: String,
    open_model: Option<String>,
    context_window_tokens: f64,
    input_usd_per_mtok: Option<f64>,
    cached_input_usd_per_mtok: Option<f64>,
    cache_write_usd_per_mtok: Option<f64>,
    output_usd_per_mtok: Option<f64>,
    batch_input_usd_per_mtok: Option<f64>,
    batch_output_usd_per_mtok: Option<f64>,
    batch_cached_input_usd_per_mtok: Option<f64>,
    long_context: Option<LongContext>,
    source: String,
    as_of: String,
    via: Option<String>,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LongContext {
    above_input_tokens: f64,
    input_usd_per_mtok: Option<f64>,
    cached_input_usd_per_mtok: Option<f64>,
    output_usd_per_mtok: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelsFile {
    model: Vec<Model>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Model {
    id: String,
    name: String,
    family: String,
    maker: String,
    licence: String,
    licence_url: String,
    permissive: bool,
    commercial_use: bool,
    commercial_restriction: String,
    total_params_b: f64,
    active_params_b: f64,
    experts_total: Option<u32>,
    experts_per_token: Option<u32>,
    layers: u32,
    query_heads: u32,
    kv_heads: Option<u32>,
    head_dim: Option<u32>,
    kv_latent_dim: Option<u32>,
    full_attention_layers: Option<u32>,
    sliding_window_layers: Option<u32>,
    sliding_window_tokens: Option<f64>,
    max_context_tokens: f64,
    native_precision: String,
    source: String,
    as_of: String,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GpusFile {
    gpu: Vec<Gpu>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gpu {
    id: String,
    name: String,
    short_name: String,
    vendor: String,
    memory_gb: f64,
    memory_bandwidth_tb_s: f64,
    bf16_tflops: f64,
    fp8_tflops: Option<f64>,
    fp4_tflops: Option<f64>,
    board_power_w: f64,
    multi_gpu_link: String,
    gpus_per_server: u32,
    spec_source: String,
    rent_usd_per_gpu_hour: Range,
    rent_sources: Vec<String>,
    purchase_usd_per_gpu: f64,
    purchase_source: String,
    as_of: String,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Range {
    low: f64,
    typical: f64,
    high: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnginesFile {
    engine: Vec<Engine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Engine {
    id: String,
    name: String,
    kind: String,
    concurrency: u32,
    memory_fraction: f64,
    overhead_gb_per_gpu: f64,
    max_gpus_per_replica: u32,
    mixed_batching: bool,
    bandwidth_efficiency: PerPrecision,
    compute_efficiency: PerPrecision,
    moe_compute_efficiency: f64,
    multi_gpu_efficiency: PerLink,
    multi_node_efficiency: f64,
    source: String,
    as_of: String,
    notes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PerPrecision {
    bf16: f64,
    fp8: f64,
    int4: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PerLink {
    nvlink: f64,
    infinity_fabric: f64,
    pcie: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrecisionsFile {
    precision: Vec<PrecisionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrecisionEntry {
    id: String,
    name: String,
    bytes_per_param: f64,
    kv_bytes_per_value: f64,
    compute: Vec<String>,
    source: String,
    #[allow(dead_code)]
    basis: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalibrationFile {
    offline_concurrency_cap: u32,
    offline_concurrency_cap_source: String,
    record: Vec<Record>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    model: String,
    gpu: String,
    engine: String,
    gpu_count: u32,
    precision: String,
    input_tokens: f64,
    output_tokens: f64,
    concurrency: Option<u32>,
    #[serde(default)]
    prefill_elsewhere: bool,
    output_tokens_per_second_per_gpu: f64,
    source: String,
    as_of: String,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrenciesFile {
    currency: Vec<CurrencyEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrencyEntry {
    code: String,
    name: String,
    symbol: String,
    per_usd: f64,
    source: String,
    as_of: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssumptionsFile {
    as_of: String,
    calendar: Calendar,
    workload: WorkloadDefaults,
    deployment: DeploymentDefaults,
    owned: OwnedDefaults,
    default_scenario: DefaultScenario,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Calendar {
    hours_per_month: Assumed<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkloadDefaults {
    tokens_per_month: Assumed<f64>,
    input_tokens_per_request: Assumed<f64>,
    output_tokens_per_request: Assumed<f64>,
    cached_input_share: Assumed<f64>,
    cache_write_share: Assumed<f64>,
    batch_share: Assumed<f64>,
    peak_to_average: Assumed<f64>,
    service_hours_per_day: Assumed<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeploymentDefaults {
    target_utilisation: Assumed<f64>,
    min_replicas: Assumed<u32>,
    always_on: Assumed<bool>,
    rented_engineer_fte: Assumed<f64>,
    owned_engineer_fte: Assumed<f64>,
    engineer_usd_per_month: Assumed<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnedDefaults {
    life_years: Assumed<f64>,
    residual_share: Assumed<f64>,
    cost_of_capital_per_year: Assumed<f64>,
    electricity_usd_per_kwh: Assumed<f64>,
    pue: Assumed<f64>,
    host_power_w_per_gpu: Assumed<f64>,
    hosting_usd_per_gpu_month: Assumed<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Assumed<T> {
    value: T,
    basis: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultScenario {
    apis: Vec<String>,
    deployments: Vec<DefaultDeployment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultDeployment {
    model: String,
    precision: String,
    gpu: String,
    engine: String,
}

struct Catalogue {
    apis: Vec<Api>,
    models: Vec<Model>,
    gpus: Vec<Gpu>,
    engines: Vec<Engine>,
    precisions: Vec<PrecisionEntry>,
    records: Vec<Record>,
    offline_concurrency_cap: (u32, String),
    currencies: Vec<CurrencyEntry>,
    assumptions: AssumptionsFile,
}

impl Catalogue {
    fn load(dir: &Path) -> Result<Catalogue, String> {
        let calibration: CalibrationFile = load(dir, "calibration.toml")?;
        Ok(Catalogue {
            apis: load::<ApisFile>(dir, "apis.toml")?.api,
            models: load::<ModelsFile>(dir, "models.toml")?.model,
            gpus: load::<GpusFile>(dir, "gpus.toml")?.gpu,
            engines: load::<EnginesFile>(dir, "engines.toml")?.engine,
            precisions: load::<PrecisionsFile>(dir, "precisions.toml")?.precision,
            records: calibration.record,
            currencies: load::<CurrenciesFile>(dir, "currencies.toml")?.currency,
            offline_concurrency_cap: (
                calibration.offline_concurrency_cap,
                calibration.offline_concurrency_cap_source,
            ),
            assumptions: load(dir, "assumptions.toml")?,
        })
    }

    /// Without the `notes` feature: free text and calibration provenance go,
    /// every number and every price source stays.
    fn drop_notes(&mut self) {
        for a in &mut self.apis {
            a.notes = None;
            a.via = None;
        }
        for m in &mut self.models {
            m.notes = None;
        }
        for g in &mut self.gpus {
            g.notes = None;
        }
        for e in &mut self.engines {
            e.notes.clear();
        }
        for r in &mut self.records {
            r.notes = None;
            r.source.clear();
        }
    }

    fn check(&self) -> Vec<String> {
        let mut p = Problems::default();
        let model_ids = unique_ids(&mut p, "models.toml", self.models.iter().map(|m| &m.id));
        let gpu_ids = unique_ids(&mut p, "gpus.toml", self.gpus.iter().map(|g| &g.id));
        let engine_ids = unique_ids(&mut p, "engines.toml", self.engines.iter().map(|e| &e.id));
        unique_ids(&mut p, "apis.toml", self.apis.iter().map(|a| &a.id));
        let precision_ids = unique_ids(
            &mut p,
            "precisions.toml",
            self.precisions.iter().map(|x| &x.id),
        );
        for id in ["bf16", "fp8", "int4"] {
            p.check(precision_ids.contains(id), || {
                format!("precisions.toml: no entry for {id}")
            });
        }

        for a in &self.apis {
            let at = format!("apis.toml [{}]", a.id);
            p.provenance(&at, &a.source, &a.as_of);
            p.check(!a.name.is_empty() && !a.provider.is_empty(), || {
                format!("{at}: name and provider are required")
            });
            p.positive(&at, "context_window_tokens", a.context_window_tokens);
            for (field, price) in [
                ("input_usd_per_mtok", a.input_usd_per_mtok),
                ("cached_input_usd_per_mtok", a.cached_input_usd_per_mtok),
                ("cache_write_usd_per_mtok", a.cache_write_usd_per_mtok),
                ("output_usd_per_mtok", a.output_usd_per_mtok),
                ("batch_input_usd_per_mtok", a.batch_input_usd_per_mtok),
                ("batch_output_usd_per_mtok", a.batch_output_usd_per_mtok),
                (
                    "batch_cached_input_usd_per_mtok",
                    a.batch_cached_input_usd_per_mtok,
                ),
            ] {
                if let Some(price) = price {
                    p.non_negative(&at, field, price);
                }
            }
            p.check(
                a.batch_input_usd_per_mtok.is_some() == a.batch_output_usd_per_mtok.is_some(),
                || format!("{at}: batch input and output prices come together or not at all"),
            );
            p.check(
                a.batch_cached_input_usd_per_mtok.is_none() || a.batch_input_usd_per_mtok.is_some(),
                || format!("{at}: a batch cached price needs batch input and output prices"),
            );
            match a.kind.as_str() {
                "closed" => p.check(a.open_model.is_none(), || {
                    format!("{at}: a closed model has no open_model")
                }),
                "hosted-open" => match &a.open_model {
                    Some(m) => p.check(model_ids.contains(m.as_str()), || {
                        format!("{at}: open_model {m:?} is not in models.toml")
                    }),
                    None => p.fail(format!("{at}: a hosted-open offering names its open_model")),
                },
                other => p.fail(format!(
                    "{at}: kind {other:?} is not \"closed\" or \"hosted-open\""
                )),
            }
            if let Some(tier) = &a.long_context {
                p.positive(
                    &at,
                    "long_context.above_input_tokens",
                    tier.above_input_tokens,
                );
                for (field, price) in [
                    ("long_context.input_usd_per_mtok", tier.input_usd_per_mtok),
                    (
                        "long_context.cached_input_usd_per_mtok",
                        tier.cached_input_usd_per_mtok,
                    ),
                    ("long_context.output_usd_per_mtok", tier.output_usd_per_mtok),
                ] {
                    if let Some(price) = price {
                        p.non_negative(&at, field, price);
                    }
                }
                p.check(
                    a.cached_input_usd_per_mtok.is_none() || tier.cached_input_usd_per_mtok.is_some(),
                    || format!("{at}: the long-context tier needs a cached input price, as the base price has one"),
                );
            }
        }

        for m in &self.models {
            let at = format!("models.toml [{}]", m.id);
            p.provenance(&at, &m.source, &m.as_of);
            p.check(FAMILIES.contains(&m.family.as_str()), || {
                format!("{at}: family {:?} is not one of {FAMILIES:?}", m.family)
            });
            p.check(
                !m.licence.is_empty() && m.licence_url.starts_with("https://"),
                || format!("{at}: licence and an https licence_url are required"),
            );
            p.positive(&at, "total_params_b", m.total_params_b);
            p.positive(&at, "active_params_b", m.active_params_b);
            p.check(m.active_params_b <= m.total_params_b, || {
                format!("{at}: active parameters exceed total")
            });
            p.check(
                m.experts_total.is_some() == m.experts_per_token.is_some(),
                || format!("{at}: experts_total and experts_per_token come together"),
            );
            if let (Some(e), Some(k)) = (m.experts_total, m.experts_per_token) {
                p.check(k >= 1 && k < e, || {
                    format!("{at}: experts_per_token must be between 1 and experts_total")
                });
                p.check(m.active_params_b < m.total_params_b, || {
                    format!("{at}: a mixture of experts has fewer active than total parameters")
                });
                // The throughput model splits active parameters into always-used ones and k experts.
                let per_expert = (m.total_params_b - m.active_params_b) / f64::from(e - k);
                p.check(m.active_params_b - f64::from(k) * per_expert > 0.0, || {
                    format!("{at}: active parameters leave nothing for attention and shared layers once {k} experts of {per_expert:.2}B are counted; check total/active")
                });
            }
            p.check(m.layers > 0 && m.query_heads > 0, || {
                format!("{at}: layers and query_heads must be positive")
            });
            match (m.kv_heads, m.head_dim, m.kv_latent_dim) {
                (Some(h), Some(d), None) => p.check(h > 0 && d > 0, || {
                    format!("{at}: kv_heads and head_dim must be positive")
                }),
                (None, None, Some(l)) => {
                    p.check(l > 0, || format!("{at}: kv_latent_dim must be positive"))
                }
                _ => p.fail(format!(
                    "{at}: give kv_heads and head_dim, or kv_latent_dim, not both"
                )),
            }
            let full = m.full_attention_layers.unwrap_or(m.layers);
            let sliding = m.sliding_window_layers.unwrap_or(0);
            p.check(full + sliding <= m.layers, || {
                format!("{at}: full plus sliding-window layers exceed layers")
            });
            p.check(full + sliding > 0, || {
                format!("{at}: some layer must keep a KV cache")
            });
            p.check((sliding > 0) == m.sliding_window_tokens.is_some(), || {
                format!("{at}: sliding_window_layers and sliding_window_tokens come together")
            });
            p.positive(&at, "max_context_tokens", m.max_context_tokens);
            p.check(precision_ids.contains(m.native_precision.as_str()), || {
                format!("{at}: native_precision {:?} unknown", m.native_precision)
            });
        }
        for family in FAMILIES {
            p.check(self.models.iter().any(|m| m.family == family), || {
                format!("models.toml: no model of the {family} family")
            });
        }

        for g in &self.gpus {
            let at = format!("gpus.toml [{}]", g.id);
            p.provenance(&at, &g.spec_source, &g.as_of);
            for (field, v) in [
                ("memory_gb", g.memory_gb),
                ("memory_bandwidth_tb_s", g.memory_bandwidth_tb_s),
                ("bf16_tflops", g.bf16_tflops),
                ("board_power_w", g.board_power_w),
                ("purchase_usd_per_gpu", g.purchase_usd_per_gpu),
                ("rent_usd_per_gpu_hour.low", g.rent_usd_per_gpu_hour.low),
            ] {
                p.positive(&at, field, v);
            }
            for (field, v) in [("fp8_tflops", g.fp8_tflops), ("fp4_tflops", g.fp4_tflops)] {
                if let Some(v) = v {
                    p.positive(&at, field, v);
                }
            }
            let r = &g.rent_usd_per_gpu_hour;
            p.check(r.low <= r.typical && r.typical <= r.high, || {
                format!("{at}: rent must be low <= typical <= high")
            });
            p.check(
                !g.rent_sources.is_empty() && g.rent_sources.iter().all(|s| !s.trim().is_empty()),
                || format!("{at}: rent_sources are required"),
            );
            p.check(g.gpus_per_server >= 1, || {
                format!("{at}: gpus_per_server must be at least 1")
            });
            p.check(!g.purchase_source.trim().is_empty(), || {
                format!("{at}: purchase_source is required")
            });
            p.check(link_variant(&g.multi_gpu_link).is_some(), || {
                format!("{at}: multi_gpu_link {:?} unknown", g.multi_gpu_link)
            });
        }

        for e in &self.engines {
            let at = format!("engines.toml [{}]", e.id);
            p.provenance(&at, &e.source, &e.as_of);
            p.check(matches!(e.kind.as_str(), "batched" | "local"), || {
                format!("{at}: kind must be \"batched\" or \"local\"")
            });
            p.check(e.concurrency >= 1, || {
                format!("{at}: concurrency must be at least 1")
            });
            p.check(e.max_gpus_per_replica >= 1, || {
                format!("{at}: max_gpus_per_replica must be at least 1")
            });
            p.fraction(&at, "memory_fraction", e.memory_fraction);
            p.non_negative(&at, "overhead_gb_per_gpu", e.overhead_gb_per_gpu);
            for (name, f) in [
                ("bandwidth_efficiency", &e.bandwidth_efficiency),
                ("compute_efficiency", &e.compute_efficiency),
            ] {
                for v in [f.bf16, f.fp8, f.int4] {
                    p.fraction(&at, name, v);
                }
            }
            for v in [
                e.multi_gpu_efficiency.nvlink,
                e.multi_gpu_efficiency.infinity_fabric,
                e.multi_gpu_efficiency.pcie,
                e.multi_node_efficiency,
                e.moe_compute_efficiency,
            ] {
                p.fraction(&at, "multi_gpu_efficiency", v);
            }
        }

        for x in &self.precisions {
            let at = format!("precisions.toml [{}]", x.id);
            p.positive(&at, "bytes_per_param", x.bytes_per_param);
            p.positive(&at, "kv_bytes_per_value", x.kv_bytes_per_value);
            p.check(
                x.compute
                    .iter()
                    .all(|c| matches!(c.as_str(), "fp8" | "fp4")),
                || format!("{at}: compute rates must be fp8 or fp4"),
            );
            p.check(!x.source.trim().is_empty(), || {
                format!("{at}: source is required")
            });
        }

        for (i, r) in self.records.iter().enumerate() {
            let at = format!(
                "calibration.toml record {} ({} on {})",
                i + 1,
                r.model,
                r.gpu
            );
            p.provenance(&at, &r.source, &r.as_of);
            p.check(model_ids.contains(r.model.as_str()), || {
                format!("{at}: model {:?} is not in models.toml", r.model)
            });
            p.check(gpu_ids.contains(r.gpu.as_str()), || {
                format!("{at}: gpu {:?} is not in gpus.toml", r.gpu)
            });
            p.check(engine_ids.contains(r.engine.as_str()), || {
                format!("{at}: engine {:?} is not in engines.toml", r.engine)
            });
            p.check(precision_ids.contains(r.precision.as_str()), || {
                format!("{at}: precision {:?} unknown", r.precision)
            });
            p.check(r.gpu_count >= 1, || {
                format!("{at}: gpu_count must be at least 1")
            });
            p.positive(&at, "input_tokens", r.input_tokens);
            p.positive(&at, "output_tokens", r.output_tokens);
            p.positive(
                &at,
                "output_tokens_per_second_per_gpu",
                r.output_tokens_per_second_per_gpu,
            );
        }

        let mut codes = HashSet::new();
        for c in &self.currencies {
            let at = format!("currencies.toml [{}]", c.code);
            p.provenance(&at, &c.source, &c.as_of);
            p.check(
                c.code.len() == 3 && c.code.bytes().all(|b| b.is_ascii_uppercase()),
                || format!("{at}: code must be three capital letters"),
            );
            p.check(codes.insert(c.code.as_str()), || {
                format!("{at}: code appears twice")
            });
            p.check(!c.name.is_empty() && !c.symbol.is_empty(), || {
                format!("{at}: name and symbol are required")
            });
            p.positive(&at, "per_usd", c.per_usd);
        }
        p.check(
            self.currencies
                .iter()
                .any(|c| c.code == "USD" && c.per_usd == 1.0),
            || "currencies.toml: USD at 1.0 is required".to_string(),
        );

        let a = &self.assumptions;
        p.check(is_date(&a.as_of), || {
            "assumptions.toml: as_of must be YYYY-MM-DD".to_string()
        });
        for (name, basis, source) in self.assumption_provenance() {
            p.check(
                matches!(basis, "sourced" | "derived" | "assumption"),
                || format!("assumptions.toml {name}: basis must be sourced, derived or assumption"),
            );
            p.check(!source.trim().is_empty(), || {
                format!("assumptions.toml {name}: source is required")
            });
        }
        for id in &a.default_scenario.apis {
            p.check(self.apis.iter().any(|x| &x.id == id), || {
                format!("assumptions.toml default_scenario: api {id:?} is not in apis.toml")
            });
        }
        for d in &a.default_scenario.deployments {
            p.check(model_ids.contains(d.model.as_str()), || {
                format!(
                    "assumptions.toml default_scenario: model {:?} unknown",
                    d.model
                )
            });
            p.check(gpu_ids.contains(d.gpu.as_str()), || {
                format!("assumptions.toml default_scenario: gpu {:?} unknown", d.gpu)
            });
            p.check(engine_ids.contains(d.engine.as_str()), || {
                format!(
                    "assumptions.toml default_scenario: engine {:?} unknown",
                    d.engine
                )
            });
            p.check(precision_ids.contains(d.precision.as_str()), || {
                format!(
                    "assumptions.toml default_scenario: precision {:?} unknown",
                    d.precision
                )
            });
        }
        p.0
    }

    fn assumption_provenance(&self) -> Vec<(&'static str, &str, &str)> {
        let a = &self.assumptions;
        let (w, d, o) = (&a.workload, &a.deployment, &a.owned);
        macro_rules! rows {
            ($($name:literal => $e:expr),* $(,)?) => { vec![$(($name, $e.basis.as_str(), $e.source.as_str())),*] };
        }
        rows![
            "hours_per_month" => a.calendar.hours_per_month,
            "tokens_per_month" => w.tokens_per_month,
            "input_tokens_per_request" => w.input_tokens_per_request,
            "output_tokens_per_request" => w.output_tokens_per_request,
            "cached_input_share" => w.cached_input_share,
            "cache_write_share" => w.cache_write_share,
            "batch_share" => w.batch_share,
            "peak_to_average" => w.peak_to_average,
            "service_hours_per_day" => w.service_hours_per_day,
            "target_utilisation" => d.target_utilisation,
            "min_replicas" => d.min_replicas,
            "always_on" => d.always_on,
            "rented_engineer_fte" => d.rented_engineer_fte,
            "owned_engineer_fte" => d.owned_engineer_fte,
            "engineer_usd_per_month" => d.engineer_usd_per_month,
            "life_years" => o.life_years,
            "residual_share" => o.residual_share,
            "cost_of_capital_per_year" => o.cost_of_capital_per_year,
            "electricity_usd_per_kwh" => o.electricity_usd_per_kwh,
            "pue" => o.pue,
            "host_power_w_per_gpu" => o.host_power_w_per_gpu,
            "hosting_usd_per_gpu_month" => o.hosting_usd_per_gpu_month,
        ]
    }

    fn to_rust(&self) -> String {
        let mut s = String::from(
            "// Generated by build.rs from data/*.toml. Edit those files, not this.\n\n",
        );

        s.push_str("/// Per-token API offerings, from `data/apis.toml`.\npub static APIS: &[ApiOffering] = &[\n");
        for a in &self.apis {
            let kind = if a.kind == "closed" {
                "Closed"
            } else {
                "HostedOpen"
            };
            let tier = match &a.long_context {
                None => "None".to_string(),
                Some(t) => format!(
                    "Some(LongContextTier {{ above_input_tokens: {}, input_usd_per_mtok: {}, cached_input_usd_per_mtok: {}, output_usd_per_mtok: {} }})",
                    float(t.above_input_tokens),
                    opt_float(t.input_usd_per_mtok),
                    opt_float(t.cached_input_usd_per_mtok),
                    opt_float(t.output_usd_per_mtok)
                ),
            };
            writeln!(
                s,
                "    ApiOffering {{ id: {:?}, name: {:?}, provider: {:?}, kind: ApiKind::{kind}, open_model: {}, context_window_tokens: {}, \
                 input_usd_per_mtok: {}, cached_input_usd_per_mtok: {}, cache_write_usd_per_mtok: {}, output_usd_per_mtok: {}, \
                 batch_input_usd_per_mtok: {}, batch_output_usd_per_mtok: {}, batch_cached_input_usd_per_mtok: {}, long_context: {tier}, \
                 source: {:?}, as_of: {:?}, via: {}, notes: {} }},",
                a.id, a.name, a.provider, opt_str(&a.open_model), float(a.context_window_tokens),
                opt_float(a.input_usd_per_mtok), opt_float(a.cached_input_usd_per_mtok), opt_float(a.cache_write_usd_per_mtok), opt_float(a.output_usd_per_mtok),
                opt_float(a.batch_input_usd_per_mtok), opt_float(a.batch_output_usd_per_mtok), opt_float(a.batch_cached_input_usd_per_mtok),
                a.source, a.as_of, opt_str(&a.via), opt_str(&a.notes),
            )
            .unwrap();
        }
        s.push_str("];\n\n");

        s.push_str("/// Open-weight models, from `data/models.toml`.\npub static MODELS: &[OpenModel] = &[\n");
        for m in &self.models {
            let kv = match (m.kv_heads, m.head_dim, m.kv_latent_dim) {
                (Some(h), Some(d), _) => {
                    format!("KvLayout::GroupedQuery {{ kv_heads: {h}, head_dim: {d} }}")
                }
                (_, _, Some(l)) => format!("KvLayout::Latent {{ kv_latent_dim: {l} }}"),
                _ => unreachable!("checked"),
            };
            writeln!(
                s,
                "    OpenModel {{ id: {:?}, name: {:?}, family: {:?}, maker: {:?}, licence: {:?}, licence_url: {:?}, permissive: {}, \
                 commercial_use: {}, commercial_restriction: {:?}, total_params_b: {}, active_params_b: {}, experts_total: {:?}, \
                 experts_per_token: {:?}, layers: {}, query_heads: {}, kv: {kv}, full_attention_layers: {}, sliding_window_layers: {}, \
                 sliding_window_tokens: {}, max_context_tokens: {}, native_precision: {}, source: {:?}, as_of: {:?}, notes: {} }},",
                m.id, m.name, m.family, m.maker, m.licence, m.licence_url, m.permissive, m.commercial_use, m.commercial_restriction,
                float(m.total_params_b), float(m.active_params_b), m.experts_total, m.experts_per_token, m.layers, m.query_heads,
                m.full_attention_layers.unwrap_or(m.layers), m.sliding_window_layers.unwrap_or(0),
                float(m.sliding_window_tokens.unwrap_or(0.0)), float(m.max_context_tokens), precision_variant(&m.native_precision),
                m.source, m.as_of, opt_str(&m.notes),
            )
            .unwrap();
        }
        s.push_str("];\n\n");

        s.push_str("/// GPUs, from `data/gpus.toml`.\npub static GPUS: &[Gpu] = &[\n");
        for g in &self.gpus {
            let r = &g.rent_usd_per_gpu_hour;
            writeln!(
                s,
                "    Gpu {{ id: {:?}, name: {:?}, short_name: {:?}, vendor: {:?}, memory_gb: {}, memory_bandwidth_tb_s: {}, bf16_tflops: {}, fp8_tflops: {}, \
                 fp4_tflops: {}, board_power_w: {}, multi_gpu_link: GpuLink::{}, gpus_per_server: {}, spec_source: {:?}, \
                 rent_usd_per_gpu_hour: PriceRange {{ low: {}, typical: {}, high: {} }}, rent_sources: &{:?}, purchase_usd_per_gpu: {}, \
                 purchase_source: {:?}, as_of: {:?}, notes: {} }},",
                g.id, g.name, g.short_name, g.vendor, float(g.memory_gb), float(g.memory_bandwidth_tb_s), float(g.bf16_tflops),
                opt_float(g.fp8_tflops), opt_float(g.fp4_tflops), float(g.board_power_w), link_variant(&g.multi_gpu_link).unwrap(),
                g.gpus_per_server, g.spec_source, float(r.low), float(r.typical), float(r.high), g.rent_sources, float(g.purchase_usd_per_gpu),
                g.purchase_source, g.as_of, opt_str(&g.notes),
            )
            .unwrap();
        }
        s.push_str("];\n\n");

        s.push_str(
            "/// Serving engines, from `data/engines.toml`.\npub static ENGINES: &[Engine] = &[\n",
        );
        for e in &self.engines {
            let per = |f: &PerPrecision| {
                format!(
                    "PerPrecision {{ bf16: {}, fp8: {}, int4: {} }}",
                    float(f.bf16),
                    float(f.fp8),
                    float(f.int4)
                )
            };
            let l = &e.multi_gpu_efficiency;
            writeln!(
                s,
                "    Engine {{ id: {:?}, name: {:?}, kind: EngineKind::{}, concurrency: {}, memory_fraction: {}, overhead_gb_per_gpu: {}, \
                 max_gpus_per_replica: {}, mixed_batching: {}, bandwidth_efficiency: {}, compute_efficiency: {}, moe_compute_efficiency: {}, \
                 multi_gpu_efficiency: PerLink {{ nvlink: {}, infinity_fabric: {}, pcie: {} }}, multi_node_efficiency: {}, source: {:?}, as_of: {:?}, notes: {:?} }},",
                e.id, e.name, if e.kind == "batched" { "Batched" } else { "Local" }, e.concurrency, float(e.memory_fraction),
                float(e.overhead_gb_per_gpu), e.max_gpus_per_replica, e.mixed_batching, per(&e.bandwidth_efficiency),
                per(&e.compute_efficiency), float(e.moe_compute_efficiency), float(l.nvlink), float(l.infinity_fabric), float(l.pcie), float(e.multi_node_efficiency), e.source, e.as_of, e.notes,
            )
            .unwrap();
        }
        s.push_str("];\n\n");

        s.push_str("/// Number formats, from `data/precisions.toml`.\npub static PRECISIONS: &[PrecisionFormat] = &[\n");
        for x in &self.precisions {
            let compute: Vec<&str> = x
                .compute
                .iter()
                .map(|c| {
                    if c == "fp8" {
                        "ComputeRate::Fp8"
                    } else {
                        "ComputeRate::Fp4"
                    }
                })
                .collect();
            let compute = compute.join(", ");
            writeln!(
                s,
                "    PrecisionFormat {{ precision: {}, name: {:?}, bytes_per_param: {}, kv_bytes_per_value: {}, compute: &[{compute}], source: {:?} }},",
                precision_variant(&x.id), x.name, float(x.bytes_per_param), float(x.kv_bytes_per_value), x.source,
            )
            .unwrap();
        }
        s.push_str("];\n\n");

        s.push_str("/// Published throughput measurements, from `data/calibration.toml`.\npub static CALIBRATION: &[CalibrationRecord] = &[\n");
        for r in &self.records {
            writeln!(
                s,
                "    CalibrationRecord {{ model: {:?}, gpu: {:?}, engine: {:?}, gpu_count: {}, precision: {}, input_tokens: {}, \
                 output_tokens: {}, concurrency: {:?}, prefill_elsewhere: {}, output_tokens_per_second_per_gpu: {}, source: {:?}, as_of: {:?}, notes: {} }},",
                r.model, r.gpu, r.engine, r.gpu_count, precision_variant(&r.precision), float(r.input_tokens), float(r.output_tokens),
                r.concurrency, r.prefill_elsewhere, float(r.output_tokens_per_second_per_gpu), r.source, r.as_of, opt_str(&r.notes),
            )
            .unwrap();
        }
        s.push_str("];\n\n");
        writeln!(
            s,
            "/// Sequences an offline maximum-throughput record ran at, at most: {}\npub static OFFLINE_CONCURRENCY_CAP: u32 = {};\n",
            self.offline_concurrency_cap.1, self.offline_concurrency_cap.0
        )
        .unwrap();

        s.push_str("/// Currencies, from `data/currencies.toml`.\npub static CURRENCIES: &[Currency] = &[\n");
        for c in &self.currencies {
            writeln!(
                s,
                "    Currency {{ code: {:?}, name: {:?}, symbol: {:?}, per_usd: {}, source: {:?}, as_of: {:?} }},",
                c.code, c.name, c.symbol, float(c.per_usd), c.source, c.as_of
            )
            .unwrap();
        }
        s.push_str("];\n\n");

        let a = &self.assumptions;
        let (w, d, o) = (&a.workload, &a.deployment, &a.owned);
        s.push_str("/// Defaults, from `data/assumptions.toml`.\npub static DEFAULTS: Defaults = Defaults {\n");
        writeln!(s, "    as_of: {:?},", a.as_of).unwrap();
        let mut field = |name: &str, value: String, basis: &str, source: &str| {
            let basis = match basis {
                "sourced" => "Sourced",
                "derived" => "Derived",
                _ => "Assumption",
            };
            writeln!(s, "    {name}: Sourced {{ value: {value}, basis: Basis::{basis}, source: {source:?} }},").unwrap();
        };
        macro_rules! f64s {
            ($($name:ident => $e:expr),* $(,)?) => { $(field(stringify!($name), float($e.value), &$e.basis, &$e.source);)* };
        }
        f64s!(
            hours_per_month => a.calendar.hours_per_month,
            tokens_per_month => w.tokens_per_month,
            input_tokens_per_request => w.input_tokens_per_request,
            output_tokens_per_request => w.output_tokens_per_request,
            cached_input_share => w.cached_input_share,
            cache_write_share => w.cache_write_share,
            batch_share => w.batch_share,
            peak_to_average => w.peak_to_average,
            service_hours_per_day => w.service_hours_per_day,
            target_utilisation => d.target_utilisation,
            rented_engineer_fte => d.rented_engineer_fte,
            owned_engineer_fte => d.owned_engineer_fte,
            engineer_usd_per_month => d.engineer_usd_per_month,
            life_years => o.life_years,
            residual_share => o.residual_share,
            cost_of_capital_per_year => o.cost_of_capital_per_year,
            electricity_usd_per_kwh => o.electricity_usd_per_kwh,
            pue => o.pue,
            host_power_w_per_gpu => o.host_power_w_per_gpu,
            hosting_usd_per_gpu_month => o.hosting_usd_per_gpu_month,
        );
        field(
            "min_replicas",
            d.min_replicas.value.to_string(),
            &d.min_replicas.basis,
            &d.min_replicas.source,
        );
        field(
            "always_on",
            d.always_on.value.to_string(),
            &d.always_on.basis,
            &d.always_on.source,
        );
        writeln!(s, "    default_apis: &{:?},", a.default_scenario.apis).unwrap();
        s.push_str("    default_deployments: &[\n");
        for x in &a.default_scenario.deployments {
            writeln!(
                s,
                "        DeploymentIds {{ model: {:?}, precision: {}, gpu: {:?}, engine: {:?} }},",
                x.model,
                precision_variant(&x.precision),
                x.gpu,
                x.engine
            )
            .unwrap();
        }
        s.push_str("    ],\n};\n");
        s
    }
}

#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn fail(&mut self, message: String) {
        self.0.push(message);
    }

    fn check(&mut self, ok: bool, message: impl FnOnce() -> String) {
        if !ok {
            self.0.push(message());
        }
    }

    fn provenance(&mut self, at: &str, source: &str, as_of: &str) {
        self.check(
            source.starts_with("https://") || source.starts_with("http://"),
            || format!("{at}: source must be a URL, got {source:?}"),
        );
        self.check(is_date(as_of), || {
            format!("{at}: as_of must be a YYYY-MM-DD date, got {as_of:?}")
        });
    }

    fn positive(&mut self, at: &str, field: &str, v: f64) {
        self.check(v.is_finite() && v > 0.0, || {
            format!("{at}: {field} must be positive, got {v}")
        });
    }

    fn non_negative(&mut self, at: &str, field: &str, v: f64) {
        self.check(v.is_finite() && v >= 0.0, || {
            format!("{at}: {field} must not be negative, got {v}")
        });
    }

    fn fraction(&mut self, at: &str, field: &str, v: f64) {
        self.check(v.is_finite() && v > 0.0 && v <= 1.0, || {
            format!("{at}: {field} must be in (0, 1], got {v}")
        });
    }
}

fn unique_ids<'a>(
    p: &mut Problems,
    file: &str,
    ids: impl Iterator<Item = &'a String>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        p.check(
            !id.is_empty()
                && id.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
                }),
            || format!("{file}: id {id:?} must be lowercase letters, digits, '.' and '-'"),
        );
        p.check(seen.insert(id.as_str()), || {
            format!("{file}: id {id:?} appears twice")
        });
    }
    seen
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

fn float(v: f64) -> String {
    format!("{v:?}_f64")
}

fn opt_float(v: Option<f64>) -> String {
    v.map_or("None".to_string(), |v| format!("Some({})", float(v)))
}

fn opt_str(v: &Option<String>) -> String {
    v.as_ref()
        .map_or("None".to_string(), |v| format!("Some({v:?})"))
}

fn precision_variant(id: &str) -> &'static str {
    match id {
        "bf16" => "Precision::Bf16",
        "fp8" => "Precision::Fp8",
        _ => "Precision::Int4",
    }
}

fn link_variant(id: &str) -> Option<&'static str> {
    match id {
        "nvlink" => Some("Nvlink"),
        "infinity-fabric" => Some("InfinityFabric"),
        "pcie" => Some("Pcie"),
        _ => None,
    }
}
