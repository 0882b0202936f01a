//! How many tokens a second a replica serves: a roofline estimate.
//!
//! Each forward pass reads the weights it touches and the KV cache of the
//! sequences in flight from memory, and does two FLOPs per active parameter
//! per token plus attention. Each part of the pass (dense weights, routed
//! experts, attention) takes the larger of bytes / bandwidth and FLOPs /
//! compute, at the engine's efficiency for the precision; the parts add up.
//! docs/cost-model.md derives every term. Which weights a pass reads is in
//! `weights.rs`; prompts in passes of their own in `prompt_passes.rs`; the
//! wait for the first token in `first_token.rs`.

use serde::Serialize;

use super::first_token::{PromptLoad, time_to_first_token};
use super::kv::{kv_bytes_read_per_decode_step, read_layer_tokens};
use super::memory::RequestShape;
use super::prompt_passes::PromptPasses;
use super::weights::Params;
pub use super::weights::weight_bytes_read;
use crate::catalogue::{Batching, Engine, Gpu, KvLayout, LayerGroup, OpenModel, Precision};
use crate::units::pow;

/// What limits a forward pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    Memory,
    Compute,
}

/// A replica's estimated steady-state throughput at the request shape.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Throughput {
    pub output_tokens_per_second: f64,
    /// Input and output tokens together: what the volume counts.
    pub total_tokens_per_second: f64,
    /// Decode speed each sequence sees.
    pub output_tokens_per_second_per_user: f64,
    /// Seconds from a request's arrival to its first output token, with
    /// every sequence slot taken: its prompt's prefill, after the prompts
    /// ahead of it. Infinite when prompts arrive faster than they can be
    /// prefilled.
    pub time_to_first_token_seconds: f64,
    pub bound: Bound,
}

/// The hardware a replica runs on, as rates at the engine's efficiencies.
struct Rates {
    bytes_per_second: f64,
    /// Matrix multiplications with the weights, at the precision's rate.
    weight_flops_per_second: f64,
    /// Attention, which runs in BF16 whatever the weights' precision.
    attention_flops_per_second: f64,
    /// Routed experts, at the engine's mixture-of-experts efficiency.
    expert_flops_per_second: f64,
}

impl Rates {
    fn new(gpu: &Gpu, engine: &Engine, precision: Precision, gpus: u32) -> Rates {
        let n = f64::from(gpus);
        let scaling = scaling(gpu, engine, gpus);
        let per_gpu = |tflops: f64, efficiency: f64| n * tflops * 1e12 * efficiency * scaling;
        Rates {
            bytes_per_second: per_gpu(
                gpu.memory_bandwidth_tb_s,
                engine.bandwidth_efficiency.get(precision),
            ),
            weight_flops_per_second: per_gpu(
                gpu.tflops(precision),
                engine.compute_efficiency.get(precision),
            ),
            attention_flops_per_second: per_gpu(gpu.bf16_tflops, engine.compute_efficiency.bf16),
            expert_flops_per_second: per_gpu(
                gpu.tflops(precision),
                engine.compute_efficiency.get(precision) * engine.moe_compute_efficiency,
            ),
        }
    }
}

/// Share of `gpus` GPUs' summed speed a replica reaches: the link's
/// efficiency per doubling within a server, the engine's multi-node
/// efficiency per doubling across servers.
pub fn scaling(gpu: &Gpu, engine: &Engine, gpus: u32) -> f64 {
    let n = f64::from(gpus);
    let per_server = f64::from(gpu.gpus_per_server);
    let within = n.min(per_server);
    let across = (n / per_server).max(1.0);
    pow(
        engine.multi_gpu_efficiency.get(gpu.multi_gpu_link),
        within.log2(),
    ) * pow(engine.multi_node_efficiency, across.log2())
}

/// One part of a forward pass: bytes it reads and FLOPs it does.
#[derive(Debug, Clone, Copy, Default)]
struct Work {
    bytes: f64,
    weight_flops: f64,
    expert_flops: f64,
    attention_flops: f64,
}

/// A forward pass over `tokens` tokens, reading the KV cache of `kv_tokens`
/// layer-tokens and doing `attention_flops` of attention. Its parts (dense
/// weights, routed experts, attention) run one after another, each limited by
/// memory or by compute: the pass takes the sum of their rooflines.
fn pass(
    model: &OpenModel,
    precision: Precision,
    rates: &Rates,
    tokens: f64,
    kv_bytes: f64,
    attention_flops: f64,
) -> (f64, Bound) {
    let bytes_per_param = precision.format().bytes_per_param;
    let params = Params::of(model);
    let experts = params.experts.map(|experts| Work {
        bytes: experts.read_params(tokens) * 1e9 * bytes_per_param,
        expert_flops: 2.0 * experts.active_params() * 1e9 * tokens,
        ..Work::default()
    });
    let parts = [
        Work {
            bytes: params.dense * 1e9 * bytes_per_param,
            weight_flops: 2.0 * params.dense * 1e9 * tokens,
            ..Work::default()
        },
        Work {
            bytes: kv_bytes,
            attention_flops,
            ..Work::default()
        },
    ];
    let (mut seconds, mut memory_seconds) = (0.0, 0.0);
    for part in parts.into_iter().chain(experts) {
        let memory = part.bytes / rates.bytes_per_second;
        let compute = part.weight_flops / rates.weight_flops_per_second
            + part.expert_flops / rates.expert_flops_per_second
            + part.attention_flops / rates.attention_flops_per_second;
        seconds += memory.max(compute);
        if memory >= compute {
            memory_seconds += memory;
        }
    }
    let bound = if memory_seconds * 2.0 >= seconds {
        Bound::Memory
    } else {
        Bound::Compute
    };
    (seconds, bound)
}

/// Query width that attention multiplies against each cached token.
fn attention_width(model: &OpenModel) -> f64 {
    let per_head = match model.kv {
        KvLayout::GroupedQuery { head_dim, .. } => head_dim,
        KvLayout::Latent { kv_latent_dim } => kv_latent_dim,
    };
    f64::from(model.query_heads) * f64::from(per_head)
}

/// Attention FLOPs for one token attending to `context` cached tokens (the
/// rows it reads; an indexer's scoring is left out, a few percent of it).
fn attention_flops(model: &OpenModel, context: f64) -> f64 {
    4.0 * attention_width(model) * read_layer_tokens(model, context)
}

/// Attention FLOPs to prefill positions `from..to` of a prompt: the integral
/// of [`attention_flops`] over the positions.
fn prefill_attention_flops(model: &OpenModel, from: f64, to: f64) -> f64 {
    let layer_positions: f64 = model
        .attention
        .iter()
        .map(|g| match *g {
            LayerGroup::Full { layers } => f64::from(layers) * (to * to - from * from) / 2.0,
            LayerGroup::Window { layers, tokens, .. } => {
                f64::from(layers) * capped_integral(from, to, tokens)
            }
            // A compressed group reads p / ratio rows at position p, at most its top-k.
            LayerGroup::Compressed(c) => {
                let ratio = f64::from(c.ratio);
                let cap = match c.rows_read {
                    0 => f64::INFINITY,
                    k => f64::from(k) * ratio,
                };
                f64::from(c.layers) * capped_integral(from, to, cap) / ratio
            }
            LayerGroup::Linear { .. } => 0.0,
        })
        .sum();
    4.0 * attention_width(model) * layer_positions
}

/// The integral of min(p, cap) over positions `from..to`.
fn capped_integral(from: f64, to: f64, cap: f64) -> f64 {
    if to <= cap {
        (to * to - from * from) / 2.0
    } else if from >= cap {
        cap * (to - from)
    } else {
        (cap * cap - from * from) / 2.0 + cap * (to - cap)
    }
}

/// Steady-state throughput of one replica of `gpus` GPUs running
/// `concurrency` sequences of the given shape.
///
/// Engines with mixed batching run each request's prompt tokens in the same
/// passes as decode steps; the others run prompts in passes of their own,
/// which every decode waits for ([`PromptPasses`]).
pub fn estimate(
    model: &OpenModel,
    precision: Precision,
    gpu: &Gpu,
    engine: &Engine,
    gpus: u32,
    concurrency: u32,
    shape: &RequestShape,
) -> Throughput {
    let rates = Rates::new(gpu, engine, precision, gpus);
    let batch = f64::from(concurrency.max(1));
    let output = shape.output_tokens.max(1.0);
    let cached_prefix = shape.input_tokens * shape.cached_input_share;
    let prefill_tokens = shape.input_tokens - cached_prefix;
    let prefill_attention = prefill_attention_flops(model, cached_prefix, shape.input_tokens);

    // Decode sequences sit, on average, halfway through their output.
    let mean_context = shape.input_tokens + output / 2.0;
    let kv_bytes = batch * kv_bytes_read_per_decode_step(model, precision, mean_context);
    let decode_attention = batch * attention_flops(model, mean_context);

    let overhead = engine.first_token_overhead_ms / 1000.0;
    if let Batching::PromptPasses {
        overhead_ms_per_layer,
    } = engine.batching
    {
        let (step, bound) = pass(model, precision, &rates, batch, kv_bytes, decode_attention);
        let prompts = |count: f64| {
            pass(
                model,
                precision,
                &rates,
                count * prefill_tokens,
                0.0,
                count * prefill_attention,
            )
            .0
        };
        let (one, two) = (prompts(1.0), prompts(2.0));
        let per_prompt = (two - one).max(0.0);
        let per_pass = one - per_prompt + overhead_ms_per_layer * f64::from(model.layers) / 1000.0;
        let passes = PromptPasses::solve(
            batch,
            output * step,
            per_prompt,
            per_pass,
            prefill_tokens > 0.0,
        );
        let output_per_second = passes.requests_per_second * output;
        return Throughput {
            output_tokens_per_second: output_per_second,
            total_tokens_per_second: output_per_second * shape.tokens() / output,
            output_tokens_per_second_per_user: (1.0 - passes.others_share()) / step,
            time_to_first_token_seconds: time_to_first_token(passes.load(step)) + overhead,
            bound,
        };
    }

    // Each step decodes one token per sequence and prefills the prompt
    // tokens that keep the batch full: batch x prefill / output of them.
    let prefill_share = batch * prefill_tokens / output;
    let (step, bound) = pass(
        model,
        precision,
        &rates,
        batch + prefill_share,
        kv_bytes,
        decode_attention + batch * prefill_attention / output,
    );
    let decode_only = pass(model, precision, &rates, batch, kv_bytes, decode_attention).0;
    // A new prompt's first token comes from the pass that prefills it among
    // the other sequences' decodes (alone in a batch of one).
    let others = batch - 1.0;
    let own_pass = pass(
        model,
        precision,
        &rates,
        prefill_tokens + others,
        kv_bytes * others / batch,
        prefill_attention + decode_attention * others / batch,
    )
    .0;
    let output_per_second = batch / step;
    Throughput {
        output_tokens_per_second: output_per_second,
        total_tokens_per_second: output_per_second * shape.tokens() / output,
        output_tokens_per_second_per_user: 1.0 / step,
        time_to_first_token_seconds: time_to_first_token(PromptLoad {
            requests_per_second: output_per_second / output,
            prompt_share: 1.0 - decode_only / step,
            others: others / batch,
            step_seconds: decode_only,
            own_seconds: own_pass,
        }) + overhead,
        bound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{engine, gpu, model};

    #[test]
    fn single_stream_decode_is_bandwidth_bound() {
        // Llama 3.1 8B BF16 on one H100 at batch 1: 16.06 GB of weights per token
        // at 3.35 TB/s x the engine's BF16 bandwidth efficiency.
        let (m, g, e) = (
            model("llama-3.1-8b").unwrap(),
            gpu("h100-sxm").unwrap(),
            engine("vllm").unwrap(),
        );
        let shape = RequestShape {
            input_tokens: 1.0,
            output_tokens: 1000.0,
            cached_input_share: 0.0,
        };
        let t = estimate(m, Precision::Bf16, g, e, 1, 1, &shape);
        let ceiling =
            g.memory_bandwidth_tb_s * 1e12 * e.bandwidth_efficiency.bf16 / (m.total_params_b * 2e9);
        assert_eq!(t.bound, Bound::Memory);
        assert!(t.output_tokens_per_second < ceiling);
        assert!(t.output_tokens_per_second > 0.9 * ceiling);
    }

    #[test]
    fn throughput_grows_with_batch_and_cache_hits() {
        let (m, g, e) = (
            model("llama-3.3-70b").unwrap(),
            gpu("h100-sxm").unwrap(),
            engine("vllm").unwrap(),
        );
        let shape = RequestShape {
            input_tokens: 1500.0,
            output_tokens: 500.0,
            cached_input_share: 0.0,
        };
        let small = estimate(m, Precision::Fp8, g, e, 2, 8, &shape);
        let large = estimate(m, Precision::Fp8, g, e, 2, 128, &shape);
        assert!(large.output_tokens_per_second > 4.0 * small.output_tokens_per_second);
        assert!(large.output_tokens_per_second_per_user < small.output_tokens_per_second_per_user);
        let cached = estimate(
            m,
            Precision::Fp8,
            g,
            e,
            2,
            128,
            &RequestShape {
                cached_input_share: 0.8,
                ..shape
            },
        );
        assert!(cached.output_tokens_per_second > large.output_tokens_per_second);
        // total counts input too: 2,000 tokens per 500 output
        assert!(
            (large.total_tokens_per_second - 4.0 * large.output_tokens_per_second).abs() < 1e-6
        );
    }

    #[test]
    fn prefill_attention_integral_matches_a_sum() {
        let m = model("gemma-3-27b").unwrap();
        let (from, to) = (500.0, 3000.0);
        let summed: f64 = (500..3000)
            .map(|t| attention_flops(m, f64::from(t) + 0.5))
            .sum();
        let integral = prefill_attention_flops(m, from, to);
        assert!(
            (summed - integral).abs() / integral < 1e-3,
            "{summed} vs {integral}"
        );
    }

    #[test]
    fn one_token_outputs_still_get_a_first_token() {
        // Found by the properties: with one output token the prompts'
        // marginal times filled the replica (ρ ≥ 1) and the wait was infinite.
        let shape = RequestShape {
            input_tokens: 339.0,
            output_tokens: 1.0,
            cached_input_share: 0.8103773810673455,
        };
        let (m, g, e) = (
            model("llama-4-maverick").unwrap(),
            gpu("h100-sxm").unwrap(),
            engine("vllm").unwrap(),
        );
        for sequences in [1, 8, 64, 128] {
            let t = estimate(m, Precision::Bf16, g, e, 16, sequences, &shape);
            assert!(t.time_to_first_token_seconds.is_finite(), "{sequences}");
        }
    }
}
