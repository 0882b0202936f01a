//! The wait for the first token: prompts queue for the GPUs one after
//! another, shared by both ways of running them (mixed into decode steps,
//! or in passes of their own).

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
