#![cfg(not(target_arch = "wasm32"))]
//! A second opinion no one here wrote: the `inference-lab` crate (1.0.0,
//! MIT, by Doubleword) ships model presets read from the makers' configs.
//! For every model both catalogues hold, memory per sequence (KV, indexer
//! keys and fixed state) and the KV a decode step reads, at 1k, 8k, 128k
//! and 1M tokens, must agree within [`TOLERANCE`], or differ as the pair's
//! explanation says (pinned to a range, so a change on either side shows).
//! `docs/cost-model.md` shows the table this prints.

use std::fmt::Write as _;

mod common;

use crossover_pricing::catalogue::{Precision, model};
use crossover_pricing::selfhost::kv::{kv_bytes_per_sequence, kv_bytes_read_per_decode_step};

/// Ours over theirs may stray this far with no explanation.
const TOLERANCE: f64 = 0.02;

const LENGTHS: [u32; 4] = [1_000, 8_000, 128_000, 1_048_576];

/// A model both hold: our id, their preset, the KV precision their preset
/// stores (ours is compared at the same), and where we differ, why, with
/// the range ours over theirs stays in (memory, then decode reads).
struct Pair {
    ours: &'static str,
    theirs: &'static str,
    kv: Precision,
    differs: Option<Difference>,
}

struct Difference {
    why: &'static str,
    memory: (f64, f64),
    reads: (f64, f64),
}

const PAIRS: &[Pair] = &[
    Pair {
        ours: "llama-3.1-8b",
        theirs: "llama-3.1-8b-instruct",
        kv: Precision::Bf16,
        differs: None,
    },
    Pair {
        ours: "gpt-oss-20b",
        theirs: "gpt-oss-20b",
        kv: Precision::Bf16,
        differs: None,
    },
    Pair {
        ours: "gpt-oss-120b",
        theirs: "gpt-oss-120b",
        kv: Precision::Bf16,
        differs: None,
    },
    Pair {
        ours: "qwen3-30b-a3b",
        theirs: "qwen3-30b-a3b",
        kv: Precision::Bf16,
        differs: Some(Difference {
            why: "their preset (from their examples) takes head_dim as hidden / heads = 64; Qwen's config.json sets head_dim 128 (the kvcache-ai calculator reads the same): theirs is half",
            memory: (1.99, 2.01),
            reads: (1.99, 2.01),
        }),
    },
    Pair {
        ours: "gemma-4-31b",
        theirs: "gemma-4-31b-it",
        kv: Precision::Bf16,
        differs: Some(Difference {
            why: "they store K and V as one tensor where the config sets attention_k_eq_v; we count both, as an engine that caches K and V apart does (whether vLLM shares them was not confirmed): ours is twice",
            memory: (1.99, 2.01),
            reads: (1.99, 2.01),
        }),
    },
    Pair {
        ours: "gemma-4-26b-a4b",
        theirs: "gemma-4-26b-a4b-it",
        kv: Precision::Bf16,
        differs: Some(Difference {
            why: "as for Gemma 4 31B: attention_k_eq_v counted once there, twice here",
            memory: (1.99, 2.01),
            reads: (1.99, 2.01),
        }),
    },
    Pair {
        ours: "kimi-k2.5",
        theirs: "kimi-k2.5",
        kv: Precision::Bf16,
        differs: None,
    },
    Pair {
        ours: "deepseek-v4-flash",
        theirs: "deepseek-v4-flash",
        kv: Precision::Fp8,
        differs: Some(Difference {
            why: "DeepSeek's entry is 512 values with the 64 RoPE dims inside them (head_dim 512); they add the 64 again (576 a row). 576 B is what DeepSeek's own format takes (448 FP8 + 64 BF16 values), so ours, 512 B at FP8, is 9-10% under the bytes: left, and said in docs/cost-model.md",
            memory: (0.89, 0.92),
            reads: (0.89, 0.99),
        }),
    },
    Pair {
        ours: "deepseek-v4-pro",
        theirs: "deepseek-v4-pro",
        kv: Precision::Fp8,
        differs: Some(Difference {
            why: "as for V4 Flash: 512 values a row here, 576 there",
            memory: (0.89, 0.92),
            reads: (0.89, 0.99),
        }),
    },
    Pair {
        ours: "kimi-k3",
        theirs: "kimi-k3",
        kv: Precision::Bf16,
        differs: Some(Difference {
            why: "the linear layers' recurrent state: FP32 here, as vLLM keeps a KDA state (kda_state_dtype) and the kvcache-ai post's 'about 0.4 GiB' says (96 x 128 x 128 x 4 B a layer), BF16 there with the 4-token convolution window (3,440,640 B a layer); the gap shrinks as the latent cache grows",
            memory: (1.0, 1.75),
            reads: (1.0, 1.75),
        }),
    },
    Pair {
        ours: "glm-5.3",
        theirs: "glm-5.3",
        kv: Precision::Fp8,
        differs: None,
    },
    Pair {
        ours: "glm-5.3-flash",
        theirs: "glm-5.3-flash",
        kv: Precision::Bf16,
        differs: None,
    },
    Pair {
        ours: "qwen3.8-27b",
        theirs: "qwen3.8-27b-fp8",
        kv: Precision::Fp8,
        differs: None,
    },
    Pair {
        ours: "qwen3.5-122b-a10b",
        theirs: "qwen3.5-122b-a10b-fp8",
        kv: Precision::Bf16,
        differs: None,
    },
    Pair {
        ours: "qwen3.5-397b-a17b",
        theirs: "qwen3.5-397b-a17b-fp8",
        kv: Precision::Bf16,
        differs: None,
    },
    Pair {
        ours: "qwen3.6-35b-a3b",
        theirs: "qwen3.6-35b-a3b",
        kv: Precision::Bf16,
        differs: None,
    },
];

/// One row per pair and length the both support: ours, theirs, the ratio.
struct Row {
    pair: &'static Pair,
    tokens: u32,
    memory: (f64, f64),
    reads: (f64, f64),
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for pair in PAIRS {
        let ours = model(pair.ours).unwrap_or_else(|| panic!("no {}", pair.ours));
        let theirs = inference_lab::catalog::model(pair.theirs).unwrap();
        for tokens in LENGTHS {
            if f64::from(tokens) > ours.max_context_tokens || tokens > theirs.max_seq_len {
                continue;
            }
            let state = theirs.per_sequence_state_bytes() as f64;
            let t = f64::from(tokens);
            rows.push(Row {
                pair,
                tokens,
                memory: (
                    kv_bytes_per_sequence(ours, pair.kv, t),
                    theirs.kv_storage_bytes(tokens) as f64 + state,
                ),
                reads: (
                    kv_bytes_read_per_decode_step(ours, pair.kv, t),
                    theirs.kv_bytes_read_per_decode_step(tokens) as f64 + state,
                ),
            });
        }
    }
    rows
}

fn ratio((ours, theirs): (f64, f64)) -> f64 {
    ours / theirs
}

fn table() -> String {
    let mut out = String::from(
        "| model | tokens | memory: ours | inference-lab | ours / theirs | decode reads: ours | inference-lab | ours / theirs |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mib = |b: f64| format!("{:.1} MiB", b / f64::from(1u32 << 20));
    for r in rows() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {:.3} | {} | {} | {:.3} |",
            model(r.pair.ours).unwrap().name,
            r.tokens,
            mib(r.memory.0),
            mib(r.memory.1),
            ratio(r.memory),
            mib(r.reads.0),
            mib(r.reads.1),
            ratio(r.reads),
        )
        .unwrap();
    }
    out
}

#[test]
fn memory_per_sequence_agrees_with_inference_lab_or_says_why() {
    println!("{}", table());
    let mut problems = Vec::new();
    for r in rows() {
        let (memory, reads) = (ratio(r.memory), ratio(r.reads));
        let within = |x: f64, (low, high): (f64, f64)| (low..=high).contains(&x);
        let ok = match &r.pair.differs {
            None => (memory - 1.0).abs() <= TOLERANCE && (reads - 1.0).abs() <= TOLERANCE,
            Some(d) => within(memory, d.memory) && within(reads, d.reads),
        };
        if !ok {
            problems.push(format!(
                "{} at {} tokens: memory {memory:.3}, reads {reads:.3} ({})",
                r.pair.ours,
                r.tokens,
                r.pair
                    .differs
                    .as_ref()
                    .map_or("no difference explained", |d| d.why)
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_cost_model_document_shows_the_comparison() {
    common::doc::assert_cost_model_shows(&table(), "inference-lab");
}
