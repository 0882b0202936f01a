//! The wait for the first token: one queue model for both ways of running
//! prompts (mixed into decode steps, or in passes of their own). Its load is
//! the share of the replica's time the prompts take, which the throughput
//! room computes, so the two agree by construction.

/// What the throughput says about the prompts on a replica with every
/// sequence slot taken.
#[derive(Debug, Clone, Copy)]
pub(super) struct PromptLoad {
    pub requests_per_second: f64,
    /// Share of the replica's time spent on prompts, below one: decode
    /// steps take the rest.
    pub prompt_share: f64,
    /// Share of the prompts that are other sequences': (c - 1) / c, none in
    /// a batch of one, where a request waits for nothing but its own.
    pub others: f64,
    pub step_seconds: f64,
    /// From the start of the pass that carries a request's prompt to its
    /// first token.
    pub own_seconds: f64,
}

/// Seconds from a request's arrival to its first token on the GPUs (the
/// serving stack's own latency comes on top). Prompts queue one after
/// another, each holding the replica for its share of the prompts' time,
/// `s = ρ / λ`: a request waits for those ahead as in an M/D/1 queue
/// (Poisson arrivals, fixed service: ρ s / 2(1 − ρ)), or for the rest of the
/// decode step in flight (half a step, when no prompt runs), as far as
/// other sequences cause the wait; then its own pass runs.
pub(super) fn time_to_first_token(load: PromptLoad) -> f64 {
    let busy = load.prompt_share.max(0.0);
    if busy >= 1.0 || load.requests_per_second <= 0.0 {
        return f64::INFINITY;
    }
    let service = busy / load.requests_per_second;
    let prompts_ahead = busy * service / (2.0 * (1.0 - busy));
    let step_in_flight = (1.0 - busy) * load.step_seconds / 2.0;
    load.others * (prompts_ahead + step_in_flight) + load.own_seconds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_of_one_waits_for_its_own_pass_only() {
        let load = PromptLoad {
            requests_per_second: 0.1,
            prompt_share: 0.5,
            others: 0.0,
            step_seconds: 0.02,
            own_seconds: 0.7,
        };
        assert_eq!(time_to_first_token(load), 0.7);
    }

    #[test]
    fn prompts_ahead_queue_as_in_m_d_1() {
        // By hand: 4 requests a second, prompts take half the time, so each
        // holds the replica 0.125 s; the wait is 0.5 x 0.125 / (2 x 0.5) =
        // 0.0625 s for the prompts, 0.5 x 0.02 / 2 = 0.005 s for a step, all
        // caused by others in a batch of 100 (0.99): 0.0668 s, then 0.2 s.
        let load = PromptLoad {
            requests_per_second: 4.0,
            prompt_share: 0.5,
            others: 0.99,
            step_seconds: 0.02,
            own_seconds: 0.2,
        };
        assert!((time_to_first_token(load) - 0.266_825).abs() < 1e-9);
    }

    #[test]
    fn a_replica_that_only_runs_prompts_never_answers() {
        let load = PromptLoad {
            requests_per_second: 4.0,
            prompt_share: 1.0,
            others: 0.99,
            step_seconds: 0.02,
            own_seconds: 0.2,
        };
        assert_eq!(time_to_first_token(load), f64::INFINITY);
    }
}
