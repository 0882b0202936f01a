//! What a sequence's attention keeps and what a decode step reads of it,
//! group by group of layers ([`LayerGroup`]): full, window (with its own
//! geometry), compressed rows with indexer keys, and linear-attention state.

use crate::catalogue::{CompressedLayers, KvLayout, LayerGroup, OpenModel, Precision};

/// KV cache bytes one token occupies in one layer that caches it in the
/// model's geometry (a window layer may have its own: [`LayerGroup::Window`]).
pub fn kv_bytes_per_token_layer(model: &OpenModel, precision: Precision) -> f64 {
    let values = match model.kv {
        KvLayout::GroupedQuery { kv_heads, head_dim } => {
            2.0 * f64::from(kv_heads) * f64::from(head_dim)
        }
        KvLayout::Latent { kv_latent_dim } => f64::from(kv_latent_dim),
    };
    values * precision.format().kv_bytes_per_value
}

/// Layer-tokens of KV held for a sequence of `context_tokens` in the full
/// layers (every token) and the window layers (at most the window).
pub fn cached_layer_tokens(model: &OpenModel, context_tokens: f64) -> f64 {
    model
        .attention
        .iter()
        .map(|g| match *g {
            LayerGroup::Full { layers } => f64::from(layers) * context_tokens,
            LayerGroup::Window { layers, tokens, .. } => {
                f64::from(layers) * context_tokens.min(tokens)
            }
            _ => 0.0,
        })
        .sum()
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
    let compressed: f64 = model
        .attention
        .iter()
        .map(|g| match g {
            LayerGroup::Compressed(c) => f64::from(c.layers) * compressed_rows(c, context_tokens).1,
            _ => 0.0,
        })
        .sum();
    cached_layer_tokens(model, context_tokens) + compressed
}

/// Memory one sequence of `context_tokens` holds: its KV in the full,
/// window and compressed layers, the indexer keys beside the compressed
/// rows, and the fixed state of its linear-attention layers.
pub fn kv_bytes_per_sequence(model: &OpenModel, precision: Precision, context_tokens: f64) -> f64 {
    kv_bytes(model, precision, context_tokens, false)
}

/// KV bytes a decode step reads for one sequence: what
/// [`read_layer_tokens`] counts, every indexer key of the sparse layers
/// (the indexer scores them all to choose its top-k), and the
/// linear-attention state.
pub fn kv_bytes_read_per_decode_step(
    model: &OpenModel,
    precision: Precision,
    context_tokens: f64,
) -> f64 {
    kv_bytes(model, precision, context_tokens, true)
}

/// A sequence's bytes group by group, with the compressed rows it holds or
/// (`read`) those a decode step reads: the rest is the same either way.
/// Indexer keys are stored at their own precision where the model gives
/// one (engines keep them in FP8 whatever the cache's), else at the KV's.
fn kv_bytes(model: &OpenModel, precision: Precision, context_tokens: f64, read: bool) -> f64 {
    let per_value = precision.format().kv_bytes_per_value;
    let per_token = kv_bytes_per_token_layer(model, precision);
    model
        .attention
        .iter()
        .map(|g| match *g {
            LayerGroup::Full { layers } => per_token * f64::from(layers) * context_tokens,
            LayerGroup::Window {
                layers,
                tokens,
                kv_values,
            } => {
                let per_token = match kv_values {
                    0 => per_token,
                    values => f64::from(values) * per_value,
                };
                per_token * f64::from(layers) * context_tokens.min(tokens)
            }
            LayerGroup::Compressed(c) => {
                let (held, read_rows) = compressed_rows(&c, context_tokens);
                let rows = if read { read_rows } else { held };
                let indexer = c
                    .indexer_precision
                    .map_or(per_value, |p| p.format().kv_bytes_per_value);
                f64::from(c.layers)
                    * (per_token * rows + held * f64::from(c.indexer_values) * indexer)
            }
            LayerGroup::Linear { state_bytes } => state_bytes,
        })
        .sum()
}
