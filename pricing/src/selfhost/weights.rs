//! Which weights a forward pass reads: the always-used parameters, and the
//! routed experts some token of the pass picks.

use crate::catalogue::{OpenModel, Precision};
use crate::units::pow;

/// A model's parameters split into always-used ones and routed experts.
pub(super) struct Params {
    /// Billions of parameters every token uses (attention, dense layers,
    /// shared experts, embeddings).
    pub dense: f64,
    pub experts: Option<Experts>,
}

#[derive(Clone, Copy)]
pub(super) struct Experts {
    count: f64,
    per_token: f64,
    /// Billions of parameters in one routed expert, all layers together.
    params_each: f64,
}

impl Experts {
    pub fn active_params(&self) -> f64 {
        self.per_token * self.params_each
    }

    /// Routed-expert parameters a pass over `tokens` tokens reads: each
    /// expert at least one token picks, a share 1 - (1 - k/E)^tokens.
    pub fn read_params(&self, tokens: f64) -> f64 {
        let touched = 1.0 - pow(1.0 - self.per_token / self.count, tokens);
        self.count * self.params_each * touched
    }
}

impl Params {
    pub fn of(model: &OpenModel) -> Params {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model;

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
}
