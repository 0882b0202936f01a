//! Prompts in passes of their own (local engines, and batched engines
//! without mixed batching): how the replica's time splits between decode
//! steps and prompt passes, and the prompts' load on the first-token queue.
//! `throughput::estimate` uses it; prompts mixed into decode steps need no
//! room of their own.

use super::first_token::PromptLoad;

/// Prompts run in passes of their own while every decode waits (local
/// engines, and batched engines without mixed batching): the steady state of
/// `batch` sequences that each need `decode_seconds` of decode steps, where a
/// pass costs `per_pass` seconds (the weights read, the fixed overheads) plus
/// `per_prompt` for each prompt in it. Prompts that arrive during a pass go
/// together into the next one.
pub(super) struct PromptPasses {
    pub requests_per_second: f64,
    /// Share of the time the replica spends in prompt passes.
    pub prompt_share: f64,
    /// Prompts a pass carries on average.
    pub prompts_per_pass: f64,
    per_pass: f64,
    per_prompt: f64,
    /// Share of a request's wait that other sequences cause: none in a batch
    /// of one, where nothing else runs.
    others: f64,
}

impl PromptPasses {
    pub fn solve(
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
    pub fn others_share(&self) -> f64 {
        self.prompt_share * self.others
    }

    /// The prompts' load for the first-token queue: a new prompt's own pass
    /// carries the prompts that arrived with it; a fully cached prompt's
    /// first token comes from a decode step.
    pub fn load(&self, step: f64) -> PromptLoad {
        let own_pass = self.per_pass + self.prompts_per_pass * self.per_prompt;
        PromptLoad {
            requests_per_second: self.requests_per_second,
            prompt_share: self.prompt_share,
            others: self.others,
            step_seconds: step,
            own_seconds: if own_pass > 0.0 { own_pass } else { step },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::first_token::time_to_first_token;
    use super::*;

    #[test]
    fn a_batch_of_one_runs_its_prompt_then_decodes() {
        // 10 s of decode, a 0.2 s pass with one 0.5 s prompt: one request
        // every 10.7 s, and nobody else's prompt slows the decode.
        let passes = PromptPasses::solve(1.0, 10.0, 0.5, 0.2, true);
        assert!((passes.requests_per_second - 1.0 / 10.7).abs() < 1e-12);
        assert_eq!(passes.others_share(), 0.0);
        assert!((time_to_first_token(passes.load(0.02)) - 0.7).abs() < 1e-12);
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
        // 0.1 + 0.0157 = 0.1157 s. Each prompt holds the replica
        // 0.42428 / 5.7572 = 0.073696 s; TTFT = 0.99 x (0.42428 x 0.073696 /
        // (2 x 0.57572) + 0.57572 x 0.02 / 2) + 0.1157 = 0.99 x 0.032913 +
        // 0.1157 = 0.1483 s.
        assert!((time_to_first_token(passes.load(0.02)) - 0.1483).abs() < 1e-4);
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
}
