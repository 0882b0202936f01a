//! What fits: weights, KV cache and overhead against GPU memory, and the
//! number of GPUs a replica needs.

use serde::Serialize;

pub use super::fit_error::FitError;
use super::kv::kv_bytes_per_sequence;
use crate::catalogue::{Engine, Gpu, OpenModel, Precision, gpus};

const BYTES_PER_GB: f64 = 1e9;

/// A request's token counts, as the self-hosting model sees them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RequestShape {
    pub input_tokens: f64,
    pub output_tokens: f64,
    /// Share of input tokens found in the engine's prefix cache (their prefill is skipped).
    pub cached_input_share: f64,
}

impl RequestShape {
    pub fn of(workload: &crate::workload::Workload) -> RequestShape {
        RequestShape {
            input_tokens: workload.input_tokens_per_request,
            output_tokens: workload.output_tokens_per_request,
            cached_input_share: workload.cached_input_share,
        }
    }

    pub fn tokens(&self) -> f64 {
        self.input_tokens + self.output_tokens
    }
}

/// How a replica's memory is spent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MemoryFit {
    pub gpus_per_replica: u32,
    pub concurrency: u32,
    pub weights_gb: f64,
    pub kv_cache_gb: f64,
    /// Memory the engine reserves or cannot use, over all the replica's GPUs.
    pub overhead_gb: f64,
    /// Total GPU memory of the replica.
    pub memory_gb: f64,
}

pub fn weights_bytes(model: &OpenModel, precision: Precision) -> f64 {
    model.total_params_b * 1e9 * precision.format().bytes_per_param
}

/// Memory one GPU offers the weights and KV cache under an engine.
pub fn usable_bytes_per_gpu(gpu: &Gpu, engine: &Engine) -> f64 {
    (gpu.memory_gb * gpu.usable_memory_fraction * engine.memory_fraction
        - engine.overhead_gb_per_gpu)
        * BYTES_PER_GB
}

/// 1, 2, 4, 8, then multiples of 8, up to `max`.
pub fn gpu_counts(max: u32) -> impl Iterator<Item = u32> {
    [1, 2, 4]
        .into_iter()
        .chain((1..).map(|k| 8 * k))
        .take_while(move |&n| n <= max)
}

/// The smallest replica that holds the weights and the KV cache of
/// `concurrency` sequences of the request's full length.
pub fn fit(
    model: &OpenModel,
    precision: Precision,
    gpu: &'static Gpu,
    engine: &Engine,
    shape: &RequestShape,
    concurrency: u32,
) -> Result<MemoryFit, FitError> {
    if !engine.runs_on.contains(&gpu.vendor) {
        return Err(FitError::EngineNotOnGpu {
            engine: engine.name,
            gpu: gpu.short_name,
        });
    }
    if !precision.loaded_by(engine) {
        return Err(FitError::FormatNotServed {
            format: precision.format().name,
            engine: engine.name,
        });
    }
    if shape.tokens() > model.max_context_tokens {
        return Err(FitError::ExceedsModelContext {
            request_tokens: shape.tokens(),
            max_context_tokens: model.max_context_tokens,
        });
    }
    let needed = |precision: Precision| {
        weights_bytes(model, precision)
            + f64::from(concurrency) * kv_bytes_per_sequence(model, precision, shape.tokens())
    };
    let replica = |precision: Precision, gpu: &Gpu| {
        let usable = usable_bytes_per_gpu(gpu, engine);
        gpu_counts(engine.max_gpus_per_replica)
            .find(|&n| usable > 0.0 && f64::from(n) * usable >= needed(precision))
    };
    let usable = usable_bytes_per_gpu(gpu, engine);
    match replica(precision, gpu) {
        Some(n) => {
            let memory_gb = f64::from(n) * gpu.memory_gb;
            Ok(MemoryFit {
                gpus_per_replica: n,
                concurrency,
                weights_gb: weights_bytes(model, precision) / BYTES_PER_GB,
                kv_cache_gb: f64::from(concurrency)
                    * kv_bytes_per_sequence(model, precision, shape.tokens())
                    / BYTES_PER_GB,
                overhead_gb: memory_gb - f64::from(n) * usable / BYTES_PER_GB,
                memory_gb,
            })
        }
        None => {
            let max_gpus = gpu_counts(engine.max_gpus_per_replica).last().unwrap_or(1);
            let overhead_gb = gpu.memory_gb - usable / BYTES_PER_GB;
            let bytes = |p: Precision| p.format().bytes_per_param;
            let fits_at = Precision::ALL
                .into_iter()
                .filter(|&p| {
                    bytes(p) < bytes(precision) && p.loaded_by(engine) && replica(p, gpu).is_some()
                })
                .max_by(|a, b| bytes(*a).total_cmp(&bytes(*b)))
                .map(|p| p.format().name);
            let fits_on = gpus()
                .iter()
                .filter(|g| engine.runs_on.contains(&g.vendor))
                .filter_map(|g| replica(precision, g).map(|n| (f64::from(n) * g.memory_gb, n, g)))
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, n, g)| (n, g.short_name));
            Err(FitError::DoesNotFit {
                needed_gb: needed(precision) / BYTES_PER_GB + f64::from(max_gpus) * overhead_gb,
                available_gb: f64::from(max_gpus) * gpu.memory_gb,
                max_gpus,
                gpu: gpu.name,
                fits_at,
                fits_on,
            })
        }
    }
}

/// The most sequences whose KV cache fits beside the weights on `gpus` GPUs,
/// at most `cap`; zero when the weights alone do not fit.
pub fn concurrency_that_fits(
    model: &OpenModel,
    precision: Precision,
    gpu: &Gpu,
    engine: &Engine,
    gpus: u32,
    shape: &RequestShape,
    cap: u32,
) -> u32 {
    let free =
        f64::from(gpus) * usable_bytes_per_gpu(gpu, engine) - weights_bytes(model, precision);
    let per_sequence = kv_bytes_per_sequence(model, precision, shape.tokens());
    if free <= 0.0 {
        return 0;
    }
    let fitting = (free / per_sequence).floor();
    if fitting >= f64::from(cap) {
        cap
    } else {
        fitting as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{EngineKind, LayerGroup, engine, gpu, model};
    use crate::selfhost::kv::{cached_layer_tokens, kv_bytes_per_token_layer};
    use crate::units::format_fixed;

    fn shape() -> RequestShape {
        RequestShape {
            input_tokens: 1500.0,
            output_tokens: 500.0,
            cached_input_share: 0.0,
        }
    }

    #[test]
    fn gpu_counts_are_powers_of_two_then_multiples_of_eight() {
        assert_eq!(
            gpu_counts(32).collect::<Vec<_>>(),
            vec![1, 2, 4, 8, 16, 24, 32]
        );
        assert_eq!(gpu_counts(4).collect::<Vec<_>>(), vec![1, 2, 4]);
    }

    #[test]
    fn llama_70b_kv_cache_by_hand() {
        let m = model("llama-3.3-70b").unwrap();
        // 2 (K and V) x 8 KV heads x 128 dims x 1 byte (FP8) = 2,048 bytes per layer-token;
        // 80 layers x 2,000 tokens = 160,000 layer-tokens -> 327.68 MB per sequence.
        assert_eq!(kv_bytes_per_token_layer(m, Precision::Fp8), 2048.0);
        assert_eq!(
            kv_bytes_per_sequence(m, Precision::Fp8, 2000.0),
            327_680_000.0
        );
        // 70.6e9 parameters x 1 byte = 70.6 GB of FP8 weights.
        assert_eq!(weights_bytes(m, Precision::Fp8), 70.6e9);
    }

    #[test]
    fn llama_70b_fp8_on_h100_needs_two_gpus_for_128_sequences() {
        let m = model("llama-3.3-70b").unwrap();
        let g = gpu("h100-sxm").unwrap();
        let e = engine("vllm").unwrap();
        // needed 70.6 + 128 x 0.32768 = 112.54 GB; one H100 offers 80 x 0.9 - 3 = 69 GB, two 138.
        let fit = fit(m, Precision::Fp8, g, e, &shape(), 128).unwrap();
        assert_eq!(fit.gpus_per_replica, 2);
        assert!((fit.kv_cache_gb - 41.943_04).abs() < 1e-9);
        assert_eq!(fit.memory_gb, 160.0);
    }

    #[test]
    fn a_model_too_large_says_by_how_much() {
        let m = model("llama-3.3-70b").unwrap();
        let g = gpu("rtx-4090").unwrap();
        let e = engine("llama.cpp").unwrap();
        // BF16 weights alone are 141.2 GB; four 24 GB cards cannot hold them.
        let err = fit(m, Precision::Bf16, g, e, &shape(), 1).unwrap_err();
        match &err {
            FitError::DoesNotFit {
                needed_gb,
                available_gb,
                max_gpus,
                ..
            } => {
                assert_eq!(*max_gpus, 4);
                assert_eq!(*available_gb, 96.0);
                assert!(*needed_gb > 141.0);
            }
            other => panic!("unexpected {other:?}"),
        }
        // Q8_0 weights are 70.6 x 1.0626 = 75.0 GB and four cards offer
        // 4 x (24 x 0.95 - 1) = 87.2 GB: the least compressed smaller format
        // llama.cpp loads that fits. In BF16 the
        // smallest replica is 2x H100 (160 GB, 2 x 75 = 150 GB usable, the
        // first of the catalogue's 160 GB pairs); one B200 has 180 GB.
        assert_eq!(
            err.to_string(),
            format!(
                "does not fit: needs {} GB (weights, KV cache and engine overhead) but 4x NVIDIA GeForce RTX 4090 24GB have 96 GB; it fits in GGUF Q8_0, or on 2x H100 SXM",
                format_fixed(
                    match &err {
                        FitError::DoesNotFit { needed_gb, .. } => *needed_gb,
                        _ => 0.0,
                    },
                    0
                )
            )
        );
    }

    #[test]
    fn gguf_formats_size_the_weights_and_need_a_local_engine() {
        let m = model("llama-3.3-70b").unwrap();
        let g = gpu("rtx-4090").unwrap();
        let ollama = engine("ollama").unwrap();
        // Q4_K_M: 4.8944 bits a weight measured on llama.cpp's files, so
        // 70.6e9 x 0.6118 = 43.19 GB of weights; the KV cache stays 16-bit:
        // 2 x 8 heads x 128 x 80 layers x 2 bytes = 327,680 B a token, x 2,000
        // tokens = 0.655 GB. 43.85 GB is more than two cards' 2 x 21.8 GB,
        // so the replica takes four.
        let fit = fit(m, Precision::Q4KM, g, ollama, &shape(), 1).unwrap();
        assert!((fit.weights_gb - 70.6 * 0.6118).abs() < 1e-9);
        assert!((fit.kv_cache_gb - 0.65536).abs() < 1e-9);
        assert_eq!(fit.gpus_per_replica, 4);
        // Q3_K_M (0.4857 B a weight, 34.29 GB) fits on two.
        let smaller = super::fit(m, Precision::Q3KM, g, ollama, &shape(), 1).unwrap();
        assert_eq!(smaller.gpus_per_replica, 2);
        // A batched engine does not load GGUF; a local one not NVFP4.
        let vllm = engine("vllm").unwrap();
        let err = super::fit(m, Precision::Q4KM, g, vllm, &shape(), 1).unwrap_err();
        assert_eq!(err.to_string(), "vLLM does not load GGUF Q4_K_M weights");
        let err = super::fit(m, Precision::Nvfp4, g, ollama, &shape(), 1).unwrap_err();
        assert_eq!(err.to_string(), "Ollama does not load NVFP4 weights");
        // Within the local kind: MLX loads its 4-bit, not GGUF; Ollama GGUF, not FP8.
        let mlx = engine("mlx").unwrap();
        let mac = gpu("mac-studio-m3-ultra-96").unwrap();
        let err = super::fit(m, Precision::Q4KM, mac, mlx, &shape(), 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "MLX (mlx-lm, LM Studio on Mac) does not load GGUF Q4_K_M weights"
        );
        assert!(super::fit(m, Precision::Int4, mac, mlx, &shape(), 1).is_ok());
        let err = super::fit(m, Precision::Fp8, g, ollama, &shape(), 1).unwrap_err();
        assert_eq!(err.to_string(), "Ollama does not load FP8 weights");
        for p in Precision::ALL {
            assert_eq!(
                p.served_by(EngineKind::Local),
                p.id().starts_with('q')
                    || matches!(p, Precision::Bf16 | Precision::Fp8 | Precision::Int4),
                "{p:?}"
            );
        }
    }

    #[test]
    fn sliding_window_layers_cap_their_cache() {
        // gpt-oss-120b: 18 layers keep every token, 18 a window of 128.
        let m = model("gpt-oss-120b").unwrap();
        assert_eq!(
            m.attention,
            [
                LayerGroup::Full { layers: 18 },
                LayerGroup::Window {
                    layers: 18,
                    tokens: 128.0,
                    kv_values: 0
                }
            ]
        );
        assert_eq!(
            cached_layer_tokens(m, 10_000.0),
            18.0 * 10_000.0 + 18.0 * 128.0
        );
    }

    #[test]
    fn requests_longer_than_the_context_are_refused() {
        let m = model("phi-4").unwrap();
        let long = RequestShape {
            input_tokens: 20_000.0,
            ..shape()
        };
        let err = fit(
            m,
            Precision::Bf16,
            gpu("h100-sxm").unwrap(),
            engine("vllm").unwrap(),
            &long,
            8,
        )
        .unwrap_err();
        assert!(matches!(err, FitError::ExceedsModelContext { .. }));
    }
}
