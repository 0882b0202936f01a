//! Why a deployment cannot be planned, in the reader's words: what does
//! not fit or cannot be met, and the nearest thing that would.

use serde::Serialize;

use crate::units::{format_count, format_fixed, format_significant, format_trimmed};

/// Why a deployment cannot be built.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum FitError {
    /// Even the largest replica the engine supports is too small.
    DoesNotFit {
        needed_gb: f64,
        available_gb: f64,
        max_gpus: u32,
        gpu: &'static str,
        /// The least compressed smaller format that fits on this GPU.
        fits_at: Option<&'static str>,
        /// The GPU and count of the smallest replica (by memory) that holds
        /// it in this format.
        fits_on: Option<(u32, &'static str)>,
    },
    /// Even one sequence at a time decodes slower than the service level.
    TooSlow {
        target_tokens_per_second: f64,
        best_tokens_per_second: f64,
    },
    /// Even one request at a time waits longer than the service level's
    /// time to first token.
    FirstTokenTooLate {
        target_seconds: f64,
        best_seconds: f64,
    },
    /// The engine does not run on this vendor's hardware (MLX is Apple
    /// silicon only; vLLM and TensorRT-LLM do not run on a Mac).
    EngineNotOnGpu {
        engine: &'static str,
        gpu: &'static str,
    },
    /// The engine does not load weights in this format (GGUF needs a local
    /// engine; NVFP4 and MXFP4 a batched one).
    FormatNotServed {
        format: &'static str,
        engine: &'static str,
    },
    /// The average request is longer than the model's context.
    ExceedsModelContext {
        request_tokens: f64,
        max_context_tokens: f64,
    },
}

impl std::fmt::Display for FitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FitError::DoesNotFit {
                needed_gb,
                available_gb,
                max_gpus,
                gpu,
                fits_at,
                fits_on,
            } => {
                write!(
                    f,
                    "does not fit: needs {} GB (weights, KV cache and engine overhead) but {max_gpus}x {gpu} have {} GB",
                    format_fixed(*needed_gb, 0),
                    format_fixed(*available_gb, 0)
                )?;
                match (fits_at, fits_on) {
                    (Some(format), Some((n, on))) => {
                        write!(f, "; it fits in {format}, or on {n}x {on}")
                    }
                    (Some(format), None) => write!(f, "; it fits in {format}"),
                    (None, Some((n, on))) => write!(f, "; it fits on {n}x {on}"),
                    (None, None) => write!(f, "; no GPU in the catalogue holds it"),
                }
            }
            FitError::TooSlow {
                target_tokens_per_second,
                best_tokens_per_second,
            } => write!(
                f,
                "cannot meet the service level: {} output tokens/s per user asked, {} at best (one request at a time)",
                format_trimmed(*target_tokens_per_second, 1),
                format_trimmed(*best_tokens_per_second, 1)
            ),
            FitError::FirstTokenTooLate {
                target_seconds,
                best_seconds,
            } => write!(
                f,
                "cannot meet the service level: first token within {} s asked, {} s at best (one request at a time)",
                format_significant(*target_seconds, 2),
                format_significant(*best_seconds, 2)
            ),
            FitError::EngineNotOnGpu { engine, gpu } => write!(f, "{engine} does not run on {gpu}"),
            FitError::FormatNotServed { format, engine } => {
                write!(f, "{engine} does not load {format} weights")
            }
            FitError::ExceedsModelContext {
                request_tokens,
                max_context_tokens,
            } => write!(
                f,
                "a {}-token request exceeds the model's {}-token context",
                format_count(*request_tokens),
                format_count(*max_context_tokens)
            ),
        }
    }
}

impl std::error::Error for FitError {}
