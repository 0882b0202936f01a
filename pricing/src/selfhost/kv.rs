//! What a sequence's attention keeps and what a decode step reads of it,
//! by kind of layer: full, window (with its own geometry), compressed rows
//! with indexer keys, and linear-attention state.

use crate::catalogue::{CompressedLayers, KvLayout, OpenModel, Precision};

/// KV cache bytes one token occupies in one layer that caches it (a
/// sliding-window layer may have its own geometry: [`sliding_kv_bytes`]).
pub fn kv_bytes_per_token_layer(model: &OpenModel, precision: Precision) -> f64 {
    let values = match model.kv {
        KvLayout::GroupedQuery { kv_heads, head_dim } => {
            2.0 * f64::from(kv_heads) * f64::from(head_dim)
        }
        KvLayout::Latent { kv_latent_dim } => f64::from(kv_latent_dim),
    };
    values * precision.format().kv_bytes_per_value
}

/// KV bytes one token occupies in one sliding-window layer.
fn sliding_kv_bytes(model: &OpenModel, precision: Precision) -> f64 {
    match model.sliding_window_kv_values {
        0 => kv_bytes_per_token_layer(model, precision),
        values => f64::from(values) * precision.format().kv_bytes_per_value,
    }
}

/// Layer-tokens of KV held for a sequence of `context_tokens`: full-attention
/// layers keep every token, sliding-window layers at most the window.
pub fn cached_layer_tokens(model: &OpenModel, context_tokens: f64) -> f64 {
    f64::from(model.full_attention_layers) * context_tokens
        + sliding_layer_tokens(model, context_tokens)
}

fn sliding_layer_tokens(model: &OpenModel, context_tokens: f64) -> f64 {
    f64::from(model.sliding_window_layers) * context_tokens.min(model.sliding_window_tokens)
}

/// Rows a compressed group holds for a sequence of `context_tokens`, and
/// the rows of them a decode step reads.
fn compressed_rows(group: &CompressedLayers, context_tokens: f64) -> (f64, f64) {
    let held = (context_tokens / f64::from(group.ratio)).floor();
    let read = match group.rows_read {
        0 => held,
        k => held.min(f64::from(k)),
    };
    (held, read)
}

/// Layer-rows of KV a decode step reads for one sequence: every cached
/// token of the full and window layers, and the rows each compressed group
/// reads (its top-k, or all of them).
pub fn read_layer_tokens(model: &OpenModel, context_tokens: f64) -> f64 {
    cached_layer_tokens(model, context_tokens) + compressed_layer_rows(model, context_tokens).1
}

/// Layer-rows the compressed groups hold, and read in a decode step.
fn compressed_layer_rows(model: &OpenModel, context_tokens: f64) -> (f64, f64) {
    model.compressed.iter().fold((0.0, 0.0), |(held, read), g| {
        let (h, r) = compressed_rows(g, context_tokens);
        let layers = f64::from(g.layers);
        (held + layers * h, read + layers * r)
    })
}

/// Memory one sequence of `context_tokens` holds: its KV in the full,
/// window and compressed layers, the indexer keys beside the compressed
/// rows, and the fixed state of its linear-attention layers.
pub fn kv_bytes_per_sequence(model: &OpenModel, precision: Precision, context_tokens: f64) -> f64 {
    kv_bytes(
        model,
        precision,
        context_tokens,
        compressed_layer_rows(model, context_tokens).0,
    )
}

/// KV bytes a decode step reads for one sequence: the rows
/// [`read_layer_tokens`] counts, every indexer key of the sparse layers
/// (the indexer scores them all to choose its top-k), and the
/// linear-attention state.
pub fn kv_bytes_read_per_decode_step(
    model: &OpenModel,
    precision: Precision,
    context_tokens: f64,
) -> f64 {
    kv_bytes(
        model,
        precision,
        context_tokens,
        compressed_layer_rows(model, context_tokens).1,
    )
}

/// A sequence's KV bytes with `compressed_rows` layer-rows of its
/// compressed groups (those it holds, or those a step reads): the rest is
/// the same either way.
fn kv_bytes(
    model: &OpenModel,
    precision: Precision,
    context_tokens: f64,
    compressed_rows: f64,
) -> f64 {
    let full = f64::from(model.full_attention_layers) * context_tokens;
    kv_bytes_per_token_layer(model, precision) * (full + compressed_rows)
        + sliding_kv_bytes(model, precision) * sliding_layer_tokens(model, context_tokens)
        + indexer_bytes(model, precision, context_tokens)
        + model.linear_state_bytes
}

/// The indexer keys beside a sequence's compressed rows, stored at their
/// own precision where the model gives one (engines keep them in FP8
/// whatever the cache's), else at the KV's.
fn indexer_bytes(model: &OpenModel, precision: Precision, context_tokens: f64) -> f64 {
    model
        .compressed
        .iter()
        .map(|g| {
            let (held, _) = compressed_rows(g, context_tokens);
            let per_value = g
                .indexer_precision
                .unwrap_or(precision)
                .format()
                .kv_bytes_per_value;
            f64::from(g.layers) * held * f64::from(g.indexer_values) * per_value
        })
        .sum()
}
