//! How many tokens a second a replica serves: a roofline estimate.
//!
//! Each forward pass reads the weights it touches and the KV cache of the
//! sequences in flight from memory, and does two FLOPs per active parameter
//! per token plus attention. Each part of the pass (dense weights, routed
//! experts, attention) takes the larger of bytes / bandwidth and FLOPs /
//! compute, at the engine's efficiency for the precision; the parts add up.
//! docs/cost-model.md derives every term.

use serde::Serialize;

use super::memory::{RequestShape, cached_layer_tokens, kv_bytes_per_token_layer};
use crate::catalogue::{Engine, Gpu, KvLayout, OpenModel, Precision};
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

/// A model's parameters split into always-used ones and routed experts.
struct Params {
    /// Billions of parameters every token uses (attention, dense layers,
    /// shared experts, embeddings).
    dense: f64,
    experts: Option<Experts>,
}

#[derive(Clone, Copy)]
struct Experts {
    count: f64,
    per_token: f64,
    /// Billions of parameters in one routed expert, all layers together.
    params_each: f64,
}

impl Experts {
    fn active_params(&self) -> f64 {
        self.per_token * self.params_each
    }

    /// Routed-expert parameters a pass over `tokens` tokens reads: each
    /// expert at least one token picks, a share 1 - (1 - k/E)^tokens.
    fn read_params(&self, tokens: f64) -> f64 {
        let touched = 1.0 - pow(1.0 - self.per_token / self.count, tokens);
        self.count * self.params_each * touched
    }
}

impl Params {
    fn of(model: &OpenModel) -> Params {
        match (model.experts_total, model.experts_per_token) {
            (Some(count), Some(per_token)) => {
                let (count, per_token) = (f64::from(count), f64::from(per_token));
                let params_each =
                    (model.total_params_b - model.active_params_b) / (count - per_token);
                Params {
                    dense: model.active_params_b - per_token * params_each,
                    experts: Some(Experts {
                        count,
                        per_token,
                        params_each,
                    }),
                }
            }
            _ => Params {
                dense: model.total_params_b,
                experts: None,
            },
        }
    }
}

/// Bytes of weights a forward pass over `tokens` tokens reads: the dense
/// weights and every routed expert some token picks.
pub fn weight_bytes_read(model: &OpenModel, precision: Precision, tokens: f64) -> f64 {
    let params = Params::of(model);
    let experts = params.experts.map_or(0.0, |e| e.read_params(tokens));
    (params.dense + experts) * 1e9 * precision.format().bytes_per_param
}

/// Query width that attention multiplies against each cached token.
fn attention_width(model: &OpenModel) -> f64 {
    let per_head = match model.kv {
        KvLayout::GroupedQuery { head_dim, .. } => head_dim,
        KvLayout::Latent { kv_latent_dim } => kv_latent_dim,
    };
    f64::from(model.query_heads) * f64::from(per_head)
}

/// Attention FLOPs for one token attending to `context` cached tokens.
fn attention_flops(model: &OpenModel, context: f64) -> f64 {
    4.0 * attention_width(model) * cached_layer_tokens(model, context)
}

/// Attention FLOPs to prefill positions `from..to` of a prompt: the integral
/// of [`attention_flops`] over the positions.
fn prefill_attention_flops(model: &OpenModel, from: f64, to: f64) -> f64 {
    let full = f64::from(model.full_attention_layers) * (to * to - from * from) / 2.0;
    let window = model.sliding_window_tokens;
    let sliding_integral = if to <= window {
        (to * to - from * from) / 2.0
    } else if from >= window {
        window * (to - from)
    } else {
        (window * window - from * from) / 2.0 + window * (to - window)
    };
    let sliding = f64::from(model.sliding_window_layers) * sliding_integral;
    4.0 * attention_width(model) * (full + sliding)
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
    let kv_bytes = batch
        * kv_bytes_per_token_layer(model, precision)
        * cached_layer_tokens(model, mean_context);
    let decode_attention = batch * attention_flops(model, mean_context);

    let overhead = engine.first_token_overhead_ms / 1000.0;
    if !engine.mixed_batching {
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
        let per_pass = one - per_prompt
            + engine.prompt_pass_overhead_ms_per_layer * f64::from(model.layers) / 1000.0;
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
            time_to_first_token_seconds: passes.time_to_first_token(step) + overhead,
            bound,
        };
    }

    // A prompt prefilled in the passes that also decode the other sequences,
    // and the time it adds to those passes, which is what it holds the
    // replica for when others share them (they read the weights anyway); a
    // batch of one runs the prompt on its own.
    let others = batch - 1.0;
    let with_prompt = |tokens: f64, attention: f64| {
        pass(
            model,
            precision,
            &rates,
            tokens + others,
            kv_bytes * others / batch,
            attention + decode_attention * others / batch,
        )
        .0
    };
    let prompt_in_batch = with_prompt(prefill_tokens, prefill_attention);
    let prompt_service = if others > 0.0 {
        prompt_in_batch - with_prompt(0.0, 0.0)
    } else {
        prompt_in_batch
    };

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
    let output_per_second = batch / step;
    Throughput {
        output_tokens_per_second: output_per_second,
        total_tokens_per_second: output_per_second * shape.tokens() / output,
        output_tokens_per_second_per_user: 1.0 / step,
        time_to_first_token_seconds: time_to_first_token(
            output_per_second / output,
            prompt_service,
            prompt_in_batch,
            1.0 - pass(model, precision, &rates, batch, kv_bytes, decode_attention).0 / step,
        ) + overhead,
        bound,
    }
}

/// Prompts run in passes of their own while every decode waits (local
/// engines, and batched engines without mixed batching): the steady state of
/// `batch` sequences that each need `decode_seconds` of decode steps, where a
/// pass costs `per_pass` seconds (the weights read, the fixed overheads) plus
/// `per_prompt` for each prompt in it. Prompts that arrive during a pass go
/// together into the next one.
struct PromptPasses {
    requests_per_second: f64,
    /// Share of the time the replica spends in prompt passes.
    prompt_share: f64,
    /// Prompts a pass carries on average.
    prompts_per_pass: f64,
    per_pass: f64,
    per_prompt: f64,
    /// Share of a request's wait that other sequences cause: none in a batch
    /// of one, where nothing else runs.
    others: f64,
}

impl PromptPasses {
    fn solve(
        batch: f64,
        decode_seconds: f64,
        per_prompt: f64,
        per_pass: f64,
        has_prompts: bool,
    ) -> PromptPasses {
        let others = (batch - 1.0) / batch;
        let (per_prompt, per_pass) = if has_prompts {
            (per_prompt, per_pass)
        } else {
            (0.0, 0.0)
        };
        // Time shares add to one: decode (λ d / batch), prompts (λ c) and
        // passes (λ F / k, with k = 1 + λ F' prompts a pass, F' = F x
        // others: a batch of one never shares a pass). With u = d / batch + c
        // that is u F' λ² + (u + F - F') λ - 1 = 0.
        let u = decode_seconds / batch + per_prompt;
        let shared = per_pass * others;
        let b = u + per_pass - shared;
        let requests_per_second = if shared > 0.0 {
            2.0 / (b + (b * b + 4.0 * u * shared).sqrt())
        } else {
            1.0 / b
        };
        PromptPasses {
            requests_per_second,
            prompt_share: (1.0 - requests_per_second * decode_seconds / batch).max(0.0),
            prompts_per_pass: 1.0 + requests_per_second * shared,
            per_pass,
            per_prompt,
            others,
        }
    }

    /// Share of a sequence's time spent waiting on other sequences' prompts.
    fn others_share(&self) -> f64 {
        self.prompt_share * self.others
    }

    /// A new prompt waits for what is running (half a prompt pass or half a
    /// decode step, on average), then for its own pass; a fully cached
    /// prompt's first token comes from a decode step.
    fn time_to_first_token(&self, step: f64) -> f64 {
        let own = if self.per_pass + self.per_prompt > 0.0 {
            self.per_pass + self.prompts_per_pass * self.per_prompt
        } else {
            step
        };
        let running = self.prompt_share * own / 2.0 + (1.0 - self.prompt_share) * step / 2.0;
        self.others * running + own
    }
}

/// Time to first token at `requests_per_second` arrivals, on the GPUs: the
/// prompts are served one after another, each holding the replica for
/// `prompt_service` seconds; a request waits for those ahead of it as in an
/// M/D/1 queue (Poisson arrivals, fixed service time: mean wait
/// ρ·s / 2(1 − ρ)), then its own prompt's passes take `prompt_in_batch`. The
/// serving stack's own latency comes on top. Where the prompts' marginal
/// times would fill the replica (ρ ≥ 1: outputs of a token or two), the
/// share of each step the prompts take, `step_prompt_share`, is their load
/// instead: the throughput already makes room for them.
pub fn time_to_first_token(
    requests_per_second: f64,
    prompt_service: f64,
    prompt_in_batch: f64,
    step_prompt_share: f64,
) -> f64 {
    let mut busy = requests_per_second * prompt_service;
    let mut service = prompt_service;
    if busy >= 1.0 {
        busy = step_prompt_share.clamp(0.0, 1.0);
        service = busy / requests_per_second;
    }
    if busy >= 1.0 {
        return f64::INFINITY;
    }
    busy * service / (2.0 * (1.0 - busy)) + prompt_in_batch
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{engine, gpu, model};

    #[test]
    fn dense_models_read_all_weights() {
        let m = model("llama-3.3-70b").unwrap();
        assert_eq!(weight_bytes_read(m, Precision::Bf16, 1.0), 141.2e9);
        assert_eq!(weight_bytes_read(m, Precision::Bf16, 256.0), 141.2e9);
    }

    #[test]
    fn a_mixture_of_experts_reads_more_experts_as_the_batch_grows() {
        let m = model("gpt-oss-120b").unwrap();
        let one = weight_bytes_read(m, Precision::Fp8, 1.0);
        let many = weight_bytes_read(m, Precision::Fp8, 4096.0);
        // one token reads exactly its active parameters
        assert!((one - m.active_params_b * 1e9).abs() < 1.0);
        // thousands of tokens touch every expert: all parameters
        assert!((many - m.total_params_b * 1e9).abs() < 1e3);
    }

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
    fn a_batch_of_one_runs_its_prompt_then_decodes() {
        // 10 s of decode, a 0.2 s pass with one 0.5 s prompt: one request
        // every 10.7 s, and nobody else's prompt slows the decode.
        let passes = PromptPasses::solve(1.0, 10.0, 0.5, 0.2, true);
        assert!((passes.requests_per_second - 1.0 / 10.7).abs() < 1e-12);
        assert_eq!(passes.others_share(), 0.0);
        assert!((passes.time_to_first_token(0.02) - 0.7).abs() < 1e-12);
    }

    #[test]
    fn prompt_passes_share_the_time_with_decode() {
        // By hand: 100 sequences, 500 output tokens at 20 ms a step (d = 10 s),
        // p = 10 ms a prompt, F = 100 ms a pass. u = 0.11, F' = 0.099,
        // 0.01089 λ² + 0.111 λ - 1 = 0: λ = 5.7572 requests a second; prompt
        // share 1 - 0.57572 = 0.42428; each user decodes at
        // (1 - 0.42428 x 0.99) / 0.02 s = 29.00 tokens a second.
        let passes = PromptPasses::solve(100.0, 10.0, 0.01, 0.1, true);
        assert!((passes.requests_per_second - 5.7572).abs() < 1e-4);
        assert!((passes.prompt_share - 0.42428).abs() < 1e-5);
        assert!(((1.0 - passes.others_share()) / 0.02 - 29.00).abs() < 0.01);
        // k = 1 + 5.7572 x 0.099 = 1.56996 prompts a pass of
        // 0.1 + 0.0157 = 0.1157 s; TTFT = 0.99 x (0.42428 x 0.1157 / 2 +
        // 0.57572 x 0.02 / 2) + 0.1157 = 0.99 x 0.030302 + 0.1157 = 0.1457 s.
        assert!((passes.time_to_first_token(0.02) - 0.1457).abs() < 1e-4);
        // The time shares add up to one.
        let k = passes.prompts_per_pass;
        let lambda = passes.requests_per_second;
        let total = lambda * 10.0 / 100.0 + lambda * 0.01 + lambda * 0.1 / k;
        assert!((total - 1.0).abs() < 1e-12);
    }

    #[test]
    fn cached_prompts_take_no_prompt_passes() {
        let passes = PromptPasses::solve(64.0, 10.0, 0.01, 0.1, false);
        assert!((passes.requests_per_second - 6.4).abs() < 1e-12);
        assert_eq!(passes.prompt_share, 0.0);
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
