#![cfg(not(target_arch = "wasm32"))]
//! The model against figures worked out by hand in the comments.

use crossover_pricing::Field;
use crossover_pricing::breakeven::{Payback, payback};
use crossover_pricing::catalogue::{Precision, api, gpu};
use crossover_pricing::{Deployment, Ownership, Workload, api_rate, at_volume, break_even};

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

macro_rules! assert_close {
    ($actual:expr, $expected:expr) => {
        assert!(
            close($actual, $expected),
            "{} = {}, expected {}",
            stringify!($actual),
            $actual,
            $expected
        )
    };
}

/// 1,500 input + 500 output tokens a request, busiest hour twice the average,
/// around the clock: capacity needed = volume x 2 / (730 h x 3600 s).
fn workload() -> Workload {
    Workload {
        tokens_per_month: 1e9,
        input_tokens_per_request: 1500.0,
        output_tokens_per_request: 500.0,
        cached_input_share: 0.0,
        cache_write_share: 0.0,
        batch_share: 0.0,
        peak_to_average: 2.0,
        service_hours_per_day: 24.0,
        service_start_hour: 9.0,
        utc_offset_hours: 0.0,
        min_user_output_tokens_per_second: 0.0,
        max_time_to_first_token_seconds: 0.0,
        day_profile: None,
    }
}

/// Two rented H100s at $2.00 an hour serving a measured 500 output tokens/s
/// (= 2,000 tokens/s with input), planned at 50% utilisation.
fn rented() -> Deployment {
    let mut d = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
    d.overrides.set(Field::UsdPerGpuHour, Some(2.0));
    d.overrides.set(Field::MeasuredTokensPerSecond, Some(500.0));
    d.overrides.set(Field::TargetUtilisation, Some(0.5));
    d
}

#[test]
fn a_sawtooth_break_even_by_hand() {
    let w = workload();
    let plan = rented().plan(&w).unwrap();
    // Capacity 500 x 2,000 / 500 = 2,000 tokens/s. A stair is
    // 2,000 x 0.5 x 2,628,000 s / 2 = 1.314e9 tokens a month.
    assert_eq!(plan.gpus_per_replica(), 2);
    assert_close!(plan.capacity_tokens_per_second, 2000.0);
    assert_close!(plan.tokens_per_replica(), 1.314e9);
    // R = 2 GPUs x $2.00 x 730 h = $2,920; F = 0.2 x $18,000 = $3,600.
    assert_close!(plan.replica_usd_per_month(), 2920.0);
    assert_close!(plan.operations_usd_per_month, 3600.0);

    // Claude Sonnet 4.6 at $3 in / $15 out: 0.75 x 3 + 0.25 x 15 = $6 per 1M tokens.
    let rate = *api_rate(api("claude-sonnet-4.6").unwrap(), &w, today())
        .rate()
        .unwrap();
    assert_close!(rate.usd_per_mtok, 6.0);

    // Stair 1: $6,520 < 6e-6 V from V = 1.0867e9 to the stair's end 1.314e9.
    // Stair 2: $9,440 from 1.5733e9 to 2.628e9. Stair 3: $12,360 / 6e-6 =
    // 2.06e9 < 2.628e9, so stair 3 and every later one are cheaper throughout.
    let b = break_even(&rate, &plan);
    assert_eq!(b.intervals.len(), 2);
    assert_close!(b.intervals[0].from_tokens_per_month, 6520.0 / 6e-6);
    assert_close!(b.intervals[0].to_tokens_per_month, 1.314e9);
    assert_close!(b.intervals[1].from_tokens_per_month, 9440.0 / 6e-6);
    assert_close!(b.intervals[1].to_tokens_per_month, 1e16);
    assert_close!(b.cheaper_from_tokens_per_month.unwrap(), 9440.0 / 6e-6);
    assert!(b.is_cheaper_at(1.2e9) && !b.is_cheaper_at(1.4e9) && b.is_cheaper_at(3e9));
}

#[test]
fn the_inverse_questions_by_hand() {
    let w = workload();
    let plan = rented().plan(&w).unwrap();
    let rate = *api_rate(api("claude-sonnet-4.6").unwrap(), &w, today())
        .rate()
        .unwrap();
    let at = at_volume(&rate, &plan, 1.2e9);
    // API 1.2e9 x $6e-6 = $7,200; one replica: $3,600 + $2,920 = $6,520.
    assert_close!(at.api_usd, 7200.0);
    assert_close!(at.self_host_usd, 6520.0);
    assert_close!(at.savings_usd, 680.0);
    // Equal if 2 GPUs x 730 h cost $7,200 - $3,600: $2.4658 an hour.
    assert_close!(at.breakeven_usd_per_gpu_hour.unwrap(), 3600.0 / 1460.0);
    assert_close!(at.current_usd_per_gpu_hour, 2.0);
    // Used now: 1.2e9 / (2,000 tokens/s x 2,628,000 s) = 22.83%.
    assert_close!(at.current_utilisation, 1.2e9 / 5.256e9);
    // Equal when $3,600 buys just enough GPUs at $1,460 each:
    // 1.2e9 x 1,460 / (3,600 x 1,000 tokens/s per GPU x 2,628,000 s) = 18.52%.
    assert_close!(
        at.breakeven_utilisation.unwrap(),
        1.2e9 * 1460.0 / (3600.0 * 1000.0 * 2_628_000.0)
    );
}

#[test]
fn owned_gpu_costs_by_hand() {
    let mut d = rented();
    d.ownership = Ownership::Own;
    d.overrides.set(Field::PurchaseUsdPerGpu, Some(30_000.0));
    let plan = d.plan(&workload()).unwrap();
    let g = plan.per_gpu_month;
    // Defaults: 4 years, 20% residual, 8% a year, $0.12/kWh, PUE 1.4, 56.25 W of host, $25 hosting.
    // depreciation (30,000 - 6,000) / 48 = $500; capital (30,000 + 6,000) / 2 x 0.08 / 12 = $120
    assert_close!(g.depreciation, 500.0);
    assert_close!(g.capital, 120.0);
    // power (700 + 56.25) W x 730 h x 1.4 x $0.12 / 1000 = $92.7465
    assert_eq!(gpu("h100-sxm").unwrap().board_power_w, 700.0);
    assert_close!(g.power, 92.7465);
    assert_close!(g.hosting, 25.0);
    assert_close!(g.rental, 0.0);
    // maintenance 30,000 x 5% a year / 12 = $125 (ConfigIQ annualMaintenancePct)
    assert_close!(g.maintenance, 125.0);
    // Owned operations default to 0.25 FTE: $4,500.
    assert_close!(plan.operations_usd_per_month, 4500.0);
}

#[test]
fn a_machine_you_own_and_run_yourself_by_hand() {
    // One RTX 4090 you bought, Llama 3.1 8B in GGUF Q4_K_M on Ollama.
    let mut d = Deployment::new("llama-3.1-8b", Precision::Q4KM, "rtx-4090", "ollama");
    d.ownership = Ownership::Own;
    assert!(d.is_personal());
    let plan = d.plan(&workload()).unwrap();
    let g = plan.per_gpu_month;
    assert_eq!(gpu("rtx-4090").unwrap().purchase_usd_per_gpu, 1599.0);
    // depreciation (1,599 - 319.8) / 48 = $26.65; capital (1,599 + 319.8) / 2 x 0.08 / 12 = $6.396
    assert_close!(g.depreciation, 26.65);
    assert_close!(g.capital, 6.396);
    // Personal defaults: household $0.1802/kWh, PUE 1.0, no hosting, no engineer.
    // power (450 + 56.25) W x 730 h x 1.0 x $0.1802 / 1000 = $66.594...
    assert_close!(g.power, 0.50625 * 730.0 * 0.1802);
    assert_close!(g.hosting, 0.0);
    assert_close!(plan.operations_usd_per_month, 0.0);
    // The same card owned behind a batched engine is a data-centre GPU.
    let mut served = Deployment::new("llama-3.1-8b", Precision::Int4, "rtx-4090", "vllm");
    served.ownership = Ownership::Own;
    assert!(!served.is_personal());
    let plan = served.plan(&workload()).unwrap();
    assert_close!(plan.per_gpu_month.hosting, 25.0);
    assert_close!(plan.operations_usd_per_month, 4500.0);
    // Rented with a local engine: the rented defaults.
    d.ownership = Ownership::Rent;
    assert!(!d.is_personal());
    assert_close!(
        d.plan(&workload()).unwrap().operations_usd_per_month,
        0.2 * 18_000.0
    );
    // What you type wins over any default.
    d.ownership = Ownership::Own;
    d.overrides.set(Field::EngineerFte, Some(0.05));
    assert_close!(d.plan(&workload()).unwrap().operations_usd_per_month, 900.0);
}

#[test]
fn gemma_4_on_a_mac_studio_with_ollama_from_a_share_link() {
    let link = "v=1&tpm=30M&d1=gemma-4-31b:q4_k_m:mac-studio-m3-ultra-96:ollama&d1.own=1";
    let decoded = crossover_pricing::link::decode(link).unwrap();
    assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
    let d = &decoded.scenario.deployments[0];
    assert!(d.is_personal());
    let plan = d.plan(&decoded.scenario.workload).unwrap();
    let g = plan.per_gpu_month;
    // $3,999 over 4 years to 20%: 3,199.2 / 48 = $66.65; capital 4,798.8 / 2 x 0.08 / 12 = $15.996;
    // the whole Mac idles at 10 W around the clock, 730 h, PUE 1, $0.1802: $1.3155;
    // no host power, hosting or engineer.
    assert_close!(g.depreciation, 66.65);
    assert_close!(g.capital, 15.996);
    assert_close!(g.power, 0.010 * 730.0 * 0.1802);
    assert_close!(g.hosting, 0.0);
    assert_close!(plan.operations_usd_per_month, 0.0);
    // Memory: 96 GB x 0.75 usable x 0.95 - 1 GB = 67.4 GB holds 30.7B x 0.6118 = 18.8 GB of weights.
    assert_eq!(plan.memory.gpus_per_replica, 1);
    assert_close!(plan.memory.weights_gb, 30.7 * 0.6118);
    // While it works it draws 262 W, 252 W above idle: 30M tokens at the
    // replica's capacity take 30e6 / capacity seconds of work.
    let working_hours = 30e6 / plan.capacity_tokens_per_second / 3600.0;
    assert!((working_hours - 125.1).abs() < 0.5, "{working_hours}");
    let power = 0.010 * 730.0 * 0.1802 + 0.252 * working_hours * 0.1802;
    let quote = plan.quote(30e6);
    assert_eq!(quote.replicas, 1.0);
    assert_close!(quote.gpu_costs.power, power);
    assert_close!(quote.monthly_usd, 66.65 + 15.996 + power);
    assert_close!(plan.monthly_cost(30e6), quote.monthly_usd);
    // Already yours: nothing bought, so only the electricity ($7.00); no payback to wait for.
    let mut have = d.clone();
    have.overrides.set(Field::AlreadyOwned, Some(1.0));
    assert!(have.already_owned() && have.is_personal());
    let owned = have.plan(&decoded.scenario.workload).unwrap();
    assert_close!(owned.purchase_usd_per_gpu, 0.0);
    assert_close!(owned.installation_usd_per_gpu, 0.0);
    let quote = owned.quote(30e6);
    assert_close!(quote.monthly_usd, power);
    assert!(
        (quote.monthly_usd - 7.00).abs() < 0.01,
        "{}",
        quote.monthly_usd
    );
    assert!(!have.applies(Field::PurchaseUsdPerGpu) && !have.applies(Field::LifeYears));
    assert_eq!(payback(&owned, 180.0, 30e6), None);
    // Against Claude Sonnet 4.6 ($6 per 1M for these requests) the owned Mac
    // is cheaper from the volume where 6e-6 V = $1.3155 + energy per token x V.
    let rate = *api_rate(
        api("claude-sonnet-4.6").unwrap(),
        &decoded.scenario.workload,
        today(),
    )
    .rate()
    .unwrap();
    assert_close!(rate.usd_per_mtok, 6.0);
    let energy = owned.working_energy_usd_per_token();
    let from = break_even(&rate, &owned).first_crossing().unwrap();
    assert_close!(from, 0.010 * 730.0 * 0.1802 / (6e-6 - energy));
    assert_close!(owned.monthly_cost(from), rate.monthly_cost(from));
    // The same link with d1.have=1 reads the same deployment.
    let linked = crossover_pricing::link::decode(&format!("{link}&d1.have=1")).unwrap();
    assert_eq!(linked.scenario.deployments[0], have);
    // A Mac is not rented out: renting one needs a typed price.
    let mut rented = d.clone();
    rented.ownership = Ownership::Rent;
    let err = rented.plan(&decoded.scenario.workload).unwrap_err();
    assert!(
        err.to_string()
            .contains("the catalogue has none for this GPU"),
        "{err}"
    );
    // vLLM does not run on a Mac; MLX runs only there.
    let mut vllm = d.clone();
    vllm.engine = "vllm".into();
    assert!(
        vllm.plan(&decoded.scenario.workload)
            .unwrap_err()
            .to_string()
            .contains("vLLM does not run on Mac Studio")
    );
}

/// Per-user decode speed at `c` sequences, worked out from the roofline of
/// docs/cost-model.md section 4 for the two set-ups below (the same sums
/// were done apart from the code: see the comments).
#[test]
fn a_service_level_caps_the_batch_by_hand() {
    let mut w = workload();
    // Dense: Llama 3.3 70B in FP8 on 2x H100 SXM with vLLM, 1,500 in / 500 out.
    // A step decodes c tokens and prefills 3c prompt tokens (chunked); each
    // part takes the larger of its memory and compute time:
    //   weights 70.6 GB at 2 x 3.35 TB/s x 0.60 x 0.95 = 3.819 TB/s -> 18.49 ms,
    //   or 2 x 70.6e9 x 4c FLOPs at 2 x 1,979 x 0.45 x 0.95 TFLOPS -> 0.3338c ms;
    //   KV c x 2,048 B x 80 layers x 1,750 tokens = 0.2867c GB -> 0.0751c ms,
    //   or attention c x 4 x 8,192 x 80 x 1,750 + c x 4 x 8,192 x 80 x 1,500^2/2 / 500
    //   = 10.49c GFLOPs at 2 x 989.5 x 0.30 x 0.95 TFLOPS -> 0.0186c ms.
    // step = max(18.49, 0.3338c) + 0.0751c ms: 52.3 ms at 128 (19.1 tokens/s
    // each); 20 tokens/s allows 122 (19.88 at 123); 50 allows 20 (49.84 at 21).
    let d = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
    let plan = d.plan(&w).unwrap();
    assert_eq!(plan.sequences_in_flight, 128);
    assert!((plan.throughput.output_tokens_per_second_per_user - 19.107).abs() < 0.01);
    for (target, cap) in [(20.0, 122), (50.0, 20)] {
        w.min_user_output_tokens_per_second = target;
        let plan = d.plan(&w).unwrap();
        assert_eq!(plan.sequences_in_flight, cap, "{target} tokens/s");
        assert!(plan.throughput.output_tokens_per_second_per_user >= target);
    }
    // 20 tokens/s is inside the range at 122 sequences: published speeds run
    // down to 0.5316 of the estimate (latency_band in data/calibration.toml),
    // so 19.9 may be 10.6. Being sure asks 20 / 0.5316 = 37.62 of the
    // estimate, a step of at most 26.580 ms: step = max(18.49, 0.3338c) +
    // 0.0751c ms is 26.579 ms at 65 (37.625 tokens/s, sure at 20.001) and
    // 26.99 at 66 (37.05, 19.70): 65 sequences.
    w.min_user_output_tokens_per_second = 20.0;
    let plan = d.plan(&w).unwrap();
    let band = crossover_pricing::selfhost::calibration::latency_band();
    assert!((band.speed.low - 0.5316).abs() < 0.0001, "{band:?}");
    let sure = plan.sure.clone().unwrap().unwrap();
    assert_eq!(sure.sequences_in_flight, 65);
    // Past 55 sequences a step is compute-bound (0.4089c ms), so 65 serve
    // as many tokens a second as 122: being sure costs nothing here.
    let sure_plan = plan.sure_plan().unwrap();
    assert_eq!(sure_plan.sequences_in_flight, 65);
    assert!(
        (sure_plan.capacity_tokens_per_second / plan.capacity_tokens_per_second - 1.0).abs()
            < 0.005
    );
    // At 50 tokens/s (20 sequences, memory-bound) being sure asks 94 of the
    // estimate, more than one sequence alone decodes (1 / 18.57 ms = 53.9):
    // no batch is sure.
    w.min_user_output_tokens_per_second = 50.0;
    assert!(d.plan(&w).unwrap().sure.unwrap().is_err());
    // Time to first token, same set-up (docs/cost-model.md section 5). At 128
    // sequences a step takes 52.34 ms, the same step without its prompt
    // tokens max(18.49, 0.0834c) + 0.0751c = 28.10 ms, so prompts take
    // rho = 1 - 28.10 / 52.34 = 0.4632 of the time. Requests arrive at
    // 128 / (52.34 ms x 500) = 4.891 a second, each prompt holding the
    // replica s = 0.4632 / 4.891 = 94.69 ms: the prompts ahead take
    // rho x s / 2(1 - rho) = 40.84 ms, the step in flight (1 - rho) x 28.10 / 2
    // = 7.54 ms, 127/128 of it others': 48.01 ms. The prompt's own pass
    // carries 1,627 tokens, 2 x 70.6e9 x 1,627 FLOPs = 135.77 ms, plus the
    // larger of 127 sequences' KV (36.4 GB -> 9.53 ms) and attention
    // (3.532 TFLOPs -> 6.26 ms): 145.31 ms. 0.1933 s in all.
    w.min_user_output_tokens_per_second = 0.0;
    let plan = d.plan(&w).unwrap();
    assert!((plan.throughput.time_to_first_token_seconds - 0.19331).abs() < 0.0001);
    // A first token within 0.15 s allows 70 sequences: a step of 28.62 ms,
    // 23.74 without prompts (rho = 0.1705), the same 4.891 requests a second
    // (compute-bound), s = 34.85 ms: 0.99 x (3.58 + 9.85) ms waiting, then a
    // pass of 1,569 tokens, 136.72 ms: 0.14996 s; at 71, 0.15041 s.
    w.max_time_to_first_token_seconds = 0.15;
    let plan = d.plan(&w).unwrap();
    assert_eq!(plan.sequences_in_flight, 70);
    assert!((plan.throughput.time_to_first_token_seconds - 0.14996).abs() < 0.0001);
    // Sooner than one request at a time can have it: refused, with the best.
    w.max_time_to_first_token_seconds = 0.1;
    let err = d.plan(&w).unwrap_err().to_string();
    assert_eq!(
        err,
        "cannot meet the service level: first token within 0.1 s asked, 0.13 s at best (one request at a time)"
    );
    w.max_time_to_first_token_seconds = 0.0;
    // Mixture of experts: Qwen3 30B-A3B in BF16 on 2x H100 with vLLM. Of its
    // 30.5B, 1.49B are always used and 128 experts hold 0.2267B each; a step
    // over 4c tokens reads each expert some token picks, 1 - (1 - 8/128)^4c,
    // and its expert FLOPs run at 20% of the compute rate. At 128 sequences:
    // 43.5 tokens/s each; 50 tokens/s allows 111, 100 tokens/s allows 9.
    let d = Deployment::new("qwen3-30b-a3b", Precision::Bf16, "h100-sxm", "vllm");
    w.min_user_output_tokens_per_second = 0.0;
    assert_eq!(d.plan(&w).unwrap().memory.gpus_per_replica, 2);
    for (target, cap) in [(50.0, 111), (100.0, 9)] {
        w.min_user_output_tokens_per_second = target;
        assert_eq!(
            d.plan(&w).unwrap().sequences_in_flight,
            cap,
            "{target} tokens/s"
        );
    }
    // Faster than one sequence at a time can go: refused, with the best speed.
    w.min_user_output_tokens_per_second = 400.0;
    let err = d.plan(&w).unwrap_err().to_string();
    assert!(
        err.starts_with("cannot meet the service level: 400 output tokens/s per user asked, "),
        "{err}"
    );
    // Batch traffic is exempt: all batch, the replica runs its full batch.
    w.min_user_output_tokens_per_second = 50.0;
    w.batch_share = 1.0;
    let all_batch = d.plan(&w).unwrap();
    w.min_user_output_tokens_per_second = 0.0;
    let no_target = d.plan(&w).unwrap();
    assert_close!(
        all_batch.capacity_tokens_per_second,
        no_target.capacity_tokens_per_second
    );
}

/// A deployment is named for a reader, planned or not (issue 23: the
/// table named a failed one `llama-3.3-70b on h100-sxm`).
#[test]
fn a_deployment_is_named_in_words_even_when_it_cannot_be_planned() {
    let d = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
    assert_eq!(
        d.label(),
        "Llama 3.3 70B Instruct (FP8, H100 SXM) with vLLM"
    );
    let mut w = workload();
    w.max_time_to_first_token_seconds = 0.001;
    assert_eq!(
        d.plan(&w).unwrap_err().to_string(),
        "cannot meet the service level: first token within 0.001 s asked, 0.13 s at best (one request at a time)"
    );
    let unknown = Deployment::new("no-such-model", Precision::Fp8, "h100-sxm", "vllm");
    assert_eq!(unknown.label(), "no-such-model (FP8, H100 SXM) with vLLM");
}

/// compare() plans each deployment once, with or without a service level
/// (the speed curve reads the plan's full-batch figures).
#[test]
fn compare_plans_each_deployment_once() {
    let mut scenario = crossover_pricing::Scenario::default();
    for (speed, wait) in [(0.0, 0.0), (20.0, 0.0), (50.0, 0.2)] {
        scenario.workload.min_user_output_tokens_per_second = speed;
        scenario.workload.max_time_to_first_token_seconds = wait;
        let before = crossover_pricing::selfhost::plans_made();
        crossover_pricing::compare(&scenario).unwrap();
        let made = crossover_pricing::selfhost::plans_made() - before;
        assert_eq!(
            made,
            scenario.deployments.len(),
            "{speed} tokens/s, {wait} s"
        );
    }
}

#[test]
fn the_fastest_service_level_still_cheaper_by_hand() {
    // Default scenario at 3B tokens: Llama 3.3 70B FP8 on 2x H100, rented at
    // $2.90, against Claude Sonnet 4.6 at $18,000 a month. With 6 sequences
    // in flight (52.8 tokens/s each) 3 replicas carry the busiest hour:
    // 3 x 2 x $2.90 x 730 h + $3,600 = $16,302, cheaper; with 5 (53.0 each)
    // it takes 4: $20,536, dearer. So 52.8 tokens/s is the fastest.
    let mut scenario = crossover_pricing::Scenario::default();
    scenario.workload.tokens_per_month = 3e9;
    let c = crossover_pricing::compare(&scenario).unwrap();
    let sonnet = c
        .pairs
        .iter()
        .find(|p| c.apis[p.api].offering.label() == "Claude Sonnet 4.6")
        .unwrap();
    let fastest = sonnet.fastest_cheaper_speed.unwrap();
    assert!((52.7..52.9).contains(&fastest), "{fastest}");
    let d = &scenario.deployments[0];
    let mut w = scenario.workload.clone();
    w.min_user_output_tokens_per_second = fastest;
    let plan = d.plan(&w).unwrap();
    assert_eq!(plan.sequences_in_flight, 6);
    assert_close!(plan.monthly_cost(3e9), 3.0 * 2.0 * 2.90 * 730.0 + 3_600.0);
    w.min_user_output_tokens_per_second = fastest + 0.1;
    let plan = d.plan(&w).unwrap();
    assert_eq!(plan.sequences_in_flight, 5);
    assert_close!(plan.monthly_cost(3e9), 4.0 * 2.0 * 2.90 * 730.0 + 3_600.0);
    // The chart of cost against speed has the same two points, slowest first:
    // 128 sequences at 19.1 tokens/s cost one replica, $7,834.
    let curve = &c.deployments[0].speed_curve;
    assert_eq!(curve.len(), 128);
    assert!((curve[0].0 - 19.107).abs() < 0.01);
    assert_close!(curve[0].1, 2.0 * 2.90 * 730.0 + 3_600.0);
    let at = |sequences: usize| curve[128 - sequences];
    assert!((at(6).0 - fastest).abs() < 1e-9);
    assert_close!(at(6).1, 3.0 * 2.0 * 2.90 * 730.0 + 3_600.0);
    assert_close!(at(5).1, 4.0 * 2.0 * 2.90 * 730.0 + 3_600.0);
    // A first-token target bounds the batch the chart and the question see:
    // 0.15 s allows 70 sequences (a_service_level_caps_the_batch_by_hand).
    let mut timed = scenario.clone();
    timed.workload.max_time_to_first_token_seconds = 0.15;
    let t = crossover_pricing::compare(&timed).unwrap();
    assert_eq!(t.deployments[0].speed_curve.len(), 70);
    // Never cheaper at full batch: no speed to offer.
    let mini = c
        .pairs
        .iter()
        .find(|p| c.apis[p.api].offering.label() == "GPT-5.4 mini")
        .unwrap();
    assert_eq!(mini.fastest_cheaper_speed, None);
}

#[test]
fn one_off_costs_and_payback_by_hand() {
    let mut w = workload();
    w.tokens_per_month = 3e9;
    let mut d = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
    d.ownership = Ownership::Own;
    let plan = d.plan(&w).unwrap();
    assert_eq!(plan.quote(3e9).gpus, 2.0);
    // Two H100s bought at $35,625 and installed at 7% of it, $2,493.75 each:
    // $76,237.50 at the start, no other one-off costs by default.
    // Running a month: power (700 + 56.25) W x 730 h x 1.4 x $0.12 / 1000 = $92.7465,
    // hosting $25, maintenance 35,625 x 5% / 12 = $148.4375, each per GPU; and
    // 0.25 FTE x $18,000 = $4,500: 2 x 266.184 + 4,500 = $5,032.368.
    // Against an API costing $18,000 a month (Claude Sonnet 4.6 at 3B tokens),
    // it gains $12,967.632 a month: 76,237.5 / 12,967.632 = 5.88, so month 6.
    assert_close!(plan.installation_usd_per_gpu, 2_493.75);
    // Installation is spread as the one-off costs are: 2 x 2,493.75 / 36 a month.
    assert_close!(plan.quote(3e9).gpu_costs.installation, 4_987.5 / 36.0);
    assert_eq!(payback(&plan, 18_000.0, 3e9), Some(Payback::Month(6)));
    // Without installation 71,250 / 12,967.632 = 5.49: also month 6. Against
    // $15,500 (a gain of $10,467.632) the installation moves it: 71,250 / 10,467.632
    // = 6.81 would be month 7; 76,237.5 / 10,467.632 = 7.28 is month 8.
    assert_eq!(payback(&plan, 15_500.0, 3e9), Some(Payback::Month(8)));
    // Against $5,000 a month the running costs alone are more: never.
    assert_eq!(payback(&plan, 5_000.0, 3e9), Some(Payback::Never));
    // Rented: no purchase to pay back.
    let rented = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
    assert_eq!(payback(&rented.plan(&w).unwrap(), 18_000.0, 3e9), None);
    // One-off costs: $40,000 of setup and a 500 GPU-hour fine-tuning run at the
    // H100's typical $2.90, spread over 36 months: (40,000 + 1,450) / 36 = $1,151.39 a month,
    // and $41,450 more to pay back: (76,237.5 + 41,450) / 12,967.632 = 9.08, month 10
    // (month 9 without the installation: 112,700 / 12,967.632 = 8.69).
    d.overrides.set(Field::SetupUsd, Some(40_000.0));
    d.overrides.set(Field::FinetuneGpuHours, Some(500.0));
    let plan = d.plan(&w).unwrap();
    assert_close!(plan.one_off_usd, 41_450.0);
    assert_close!(plan.one_off_usd_per_month, 41_450.0 / 36.0);
    assert_close!(
        plan.monthly_cost(3e9) - plan.quote(3e9).gpu_costs.total() - 4_500.0,
        41_450.0 / 36.0
    );
    assert_eq!(payback(&plan, 18_000.0, 3e9), Some(Payback::Month(10)));
}

#[test]
fn service_hours_billing_and_batch_traffic() {
    let mut w = workload();
    w.service_hours_per_day = 12.0;
    w.batch_share = 0.75;
    let mut d = rented();
    d.overrides.set(Field::AlwaysOn, Some(0.0));
    let plan = d.plan(&w).unwrap();
    // Billed 730 x 12 / 24 = 365 h: 2 GPUs x $2 x 365 = $1,460 a replica.
    assert_close!(plan.replica_usd_per_month(), 1460.0);
    // Interactive peak (1 - 0.75) x 2 = 0.5 < 1: the average governs, over 1,314,000 s.
    // A stair: 2,000 x 0.5 x 1,314,000 = 1.314e9 tokens.
    assert_close!(plan.tokens_per_replica(), 1.314e9);
}

#[test]
fn never_cheaper_when_a_full_replica_costs_more_per_token() {
    let w = workload();
    let plan = rented().plan(&w).unwrap();
    // GPT-5.4 nano at $0.20 in / $1.25 out: 0.75 x 0.2 + 0.25 x 1.25 = $0.4625 per 1M.
    // A full stair earns 1.314e9 x 0.4625e-6 = $607.7 < $2,920: never cheaper.
    let rate = *api_rate(api("gpt-5.4-nano").unwrap(), &w, today())
        .rate()
        .unwrap();
    assert_close!(rate.usd_per_mtok, 0.4625);
    let b = break_even(&rate, &plan);
    assert!(b.intervals.is_empty() && b.cheaper_from_tokens_per_month.is_none());
}

#[test]
fn minimum_replicas_hold_the_first_stair_flat() {
    let w = workload();
    let mut d = rented();
    d.overrides.set(Field::MinReplicas, Some(3.0));
    let plan = d.plan(&w).unwrap();
    // Three replicas up to 3 x 1.314e9: $3,600 + 3 x $2,920 = $12,360.
    assert_close!(plan.monthly_cost(1e6), 12_360.0);
    assert_close!(plan.monthly_cost(3.9e9), 12_360.0);
    assert_close!(plan.monthly_cost(4e9), 15_280.0);
    let rate = *api_rate(api("claude-sonnet-4.6").unwrap(), &w, today())
        .rate()
        .unwrap();
    let b = break_even(&rate, &plan);
    // $12,360 / 6e-6 = 2.06e9, inside the flat first stair; from then on cheaper.
    assert_close!(b.cheaper_from_tokens_per_month.unwrap(), 2.06e9);
    assert_eq!(b.intervals.len(), 1);
}

#[test]
fn the_staircase_curve_has_a_vertex_at_each_stair_end() {
    let w = workload();
    let plan = rented().plan(&w).unwrap();
    // Stairs of 1.314e9 from $6,520 rising by $2,920; from 1e9 to 3e9 the
    // boundaries 1.314e9 and 2.628e9 each give two vertices.
    let curve = plan.cost_curve(1e9, 3e9, 64);
    let points: Vec<(f64, f64)> = curve
        .iter()
        .map(|p| (p.tokens_per_month, p.monthly_usd))
        .collect();
    let expected = [
        (1e9, 6520.0),
        (1.314e9, 6520.0),
        (1.314e9, 9440.0),
        (2.628e9, 9440.0),
        (2.628e9, 12_360.0),
        (3e9, 12_360.0),
    ];
    assert_eq!(points.len(), expected.len());
    for ((v, c), (ev, ec)) in points.iter().zip(expected) {
        assert!(close(*v, ev) && close(*c, ec), "({v}, {c}) vs ({ev}, {ec})");
    }
    assert!(close(curve[0].usd_per_mtok, 6.52));
    // Thousands of stairs: samples, every one on the staircase.
    let dense = plan.cost_curve(1e9, 1e13, 64);
    assert_eq!(dense.len(), 64);
    assert!(
        dense
            .iter()
            .all(|p| close(p.monthly_usd, plan.monthly_cost(p.tokens_per_month)))
    );
}

#[test]
fn tiny_stairs_finish_and_many_stairs_keep_the_exact_tail() {
    use crossover_pricing::link::decode;
    // A replica serving a thousandth of a token a second: stairs under one
    // token a month. Must return at once, not count stairs for ever.
    let tiny = decode("v=1&in=0&out=1&peak=100&hours=1&api=gpt-5.4-mini&d1=llama-3.1-8b:bf16:h100-sxm:vllm&d1.tps=0.001&d1.util=0.05&d1.fte=100&d1.eng=1e6&d1.gpuh=3.3e-10").unwrap();
    let c = crossover_pricing::compare(&tiny.scenario).unwrap();
    assert_eq!(c.pairs.len(), 1);

    // Self-hosting within a hair of the API per token: over 10,000 partial
    // stairs, yet the volume from which it is always cheaper is exact.
    let close_call =
        decode("v=1&api=gpt-5.4-mini&d1=llama-3.3-70b:fp8:h100-sxm:vllm&d1.gpuh=10.3995").unwrap();
    let c = crossover_pricing::compare(&close_call.scenario).unwrap();
    let pair = &c.pairs[0];
    assert!(pair.break_even.truncated);
    let plan = c.deployments[0].plan.as_ref().unwrap();
    let rate = c.apis[0].pricing.rate().unwrap();
    let from = pair.break_even.cheaper_from_tokens_per_month.unwrap();
    for v in [from * 1.000_001, from * 1.5, from * 10.0] {
        assert!(
            plan.monthly_cost(v) < rate.monthly_cost(v),
            "not cheaper at {v}"
        );
    }
    // Just below it lies the narrow gap (here under a million tokens) between
    // the stairs' start and the last partial stair's crossing.
    let below = from - 1.0;
    assert!(plan.monthly_cost(below) >= rate.monthly_cost(below));
}

/// The day these figures were computed for.
fn today() -> crossover_pricing::date::Date {
    crossover_pricing::date::Date::parse("2026-11-30").unwrap()
}

/// DeepSeek V4 Pro on 2026-12-05. Off-peak it lists $0.66 input and $1.98
/// output per 1M tokens, so 1,500 + 500 tokens a request pay
/// 0.75 x 0.66 + 0.25 x 1.98 = $0.99 per 1M; its peak hours, 01:00-04:00
/// and 06:00-10:00 UTC on weekdays, pay twice that, $1.98.
#[test]
fn deepseek_v4_pro_pays_its_peak_hours_where_the_workload_has_them() {
    use crossover_pricing::date::Date;
    let pro = api("deepseek-v4-pro").unwrap();
    let day = Date::parse("2026-12-05").unwrap();
    let rate = |w: &Workload| *api_rate(pro, w, day).rate().unwrap();
    let business = |tz: f64| Workload {
        service_hours_per_day: 9.0,
        service_start_hour: 9.0,
        utc_offset_hours: tz,
        ..workload()
    };
    // Beijing 09:00-18:00 is 01:00-10:00 UTC: 7 of its 9 hours are peak
    // hours on the 5 weekdays of 7, so 7/9 x 5/7 = 5/9 of its tokens pay
    // peak prices: 0.99 x (1 + 5/9) = $1.54.
    let beijing = rate(&business(8.0));
    assert_close!(beijing.usd_per_mtok, 1.54);
    assert_close!(beijing.by_hour.unwrap().share, 5.0 / 9.0);
    assert!(beijing.by_hour.unwrap().dearer);
    // New York 09:00-18:00 is 14:00-23:00 UTC: no peak hour, $0.99.
    let new_york = rate(&business(-5.0));
    assert_close!(new_york.usd_per_mtok, 0.99);
    assert_close!(new_york.by_hour.unwrap().share, 0.0);
    // Around the clock, the default: 7 of 24 hours on 5 of 7 days, 5/24 of
    // the tokens at peak prices: 0.99 x 29/24 = $1.19625.
    let day_and_night = rate(&workload());
    assert_close!(day_and_night.usd_per_mtok, 0.99 * 29.0 / 24.0);
    // With no batch prices, half the traffic sent as batch waits for the
    // off-peak hours: 0.5 x 1.54 + 0.5 x 0.99 = $1.265, 5/18 at peak.
    let half_batch = rate(&Workload {
        batch_share: 0.5,
        ..business(8.0)
    });
    assert_close!(half_batch.usd_per_mtok, 1.265);
    assert_close!(half_batch.by_hour.unwrap().share, 5.0 / 18.0);
    assert!(half_batch.by_hour.unwrap().batch_waits && !half_batch.batch_priced);
    // Before 2026-08-17 it had one price all day, $0.435 / $0.87:
    // 0.75 x 0.435 + 0.25 x 0.87 = $0.54375, whatever the hours.
    let august = api_rate(pro, &business(8.0), Date::parse("2026-08-01").unwrap());
    assert_close!(august.rate().unwrap().usd_per_mtok, 0.54375);
    assert_eq!(august.rate().unwrap().by_hour, None);
}

/// Gemini 4 Argon's price doubled on 2026-12-01, a change the price data
/// held before that day; Gemini 3.7 Flash's does on 2027-01-01.
#[test]
fn a_price_change_the_data_knows_in_advance_applies_on_its_day() {
    use crossover_pricing::date::Date;
    let on = |id: &str, day: &str| {
        let p = api(id)
            .unwrap()
            .list_prices(Date::parse(day).unwrap(), 1500.0);
        (p.input.unwrap(), p.cached_input.unwrap(), p.output.unwrap())
    };
    assert_eq!(on("gemini-4-argon", "2026-11-30"), (2.0, 0.1, 10.0));
    assert_eq!(on("gemini-4-argon", "2026-12-01"), (4.0, 0.2, 20.0));
    assert_eq!(on("gemini-4-argon", "2027-06-30"), (4.0, 0.2, 20.0));
    assert_eq!(on("gemini-3.7-flash", "2026-12-31"), (0.75, 0.075, 3.75));
    assert_eq!(on("gemini-3.7-flash", "2027-01-01"), (1.5, 0.15, 7.5));
    // 0.75 x 4 + 0.25 x 20 = $8 per 1M tokens from 2026-12-01.
    let argon = api_rate(
        api("gemini-4-argon").unwrap(),
        &workload(),
        Date::parse("2026-12-05").unwrap(),
    );
    assert_close!(argon.rate().unwrap().usd_per_mtok, 8.0);
}

/// Memory per sequence of the attention kinds of 2026 (issue 22), worked
/// out from the makers' configurations (docs/cost-model.md section 3).
#[test]
fn memory_per_sequence_of_compressed_sparse_and_linear_attention_by_hand() {
    use crossover_pricing::catalogue::{CompressedLayers, LayerGroup, OpenModel, Precision, model};
    use crossover_pricing::selfhost::kv::{kv_bytes_per_sequence, kv_bytes_read_per_decode_step};
    let flash = model("deepseek-v4-flash").unwrap();
    // DeepSeek V4 Flash at 1 B a value (FP8): every one of the 43 layers
    // keeps its last 128 tokens (43 x 128 x 512 = 2,818,048 values); 21
    // layers keep a row of 512 values and 128 indexer values per 4 tokens,
    // 20 layers a row of 512 per 128 tokens.
    //   2,000 tokens: 2,818,048 + 21 x 500 x 640 + 20 x 15 x 512
    //               = 2,818,048 + 6,720,000 + 153,600 = 9,691,648.
    //   101,000:      2,818,048 + 21 x 25,250 x 640 + 20 x 789 x 512
    //               = 2,818,048 + 339,360,000 + 8,079,360 = 350,257,408.
    assert_eq!(
        kv_bytes_per_sequence(flash, Precision::Fp8, 2_000.0),
        9_691_648.0
    );
    assert_eq!(
        kv_bytes_per_sequence(flash, Precision::Fp8, 101_000.0),
        350_257_408.0
    );
    // A decode step at 101,000 tokens reads the windows, the top 512 rows of
    // each sparse layer with every indexer key, and every row of the dense
    // ones: 2,818,048 + 21 x (512 x 512 + 25,250 x 128) + 20 x 789 x 512
    // = 2,818,048 + 73,377,024 + 8,079,360 = 84,274,432, a quarter of what
    // it holds.
    assert_eq!(
        kv_bytes_read_per_decode_step(flash, Precision::Fp8, 101_000.0),
        84_274_432.0
    );
    // In BF16 at 1,048,576 tokens, its indexer keys kept in FP8 (1 B) as
    // engines keep them: 2 x (2,818,048 + 21 x 262,144 x 512 + 20 x 8,192 x
    // 512) + 21 x 262,144 x 128 = 6,515,195,904 B, 6.07 GiB.
    assert_eq!(
        kv_bytes_per_sequence(flash, Precision::Bf16, 1_048_576.0),
        6_515_195_904.0
    );
    // V4 Pro with everything in BF16, indexer keys too, at 1,048,576 tokens:
    // 61 x 65,536 + 30 x 262,144 x 640 + 31 x 8,192 x 512 = 5,167,185,920
    // values, x 2 B = 9.625 GiB; vLLM publishes "approximately 9.62 GiB per
    // sequence in bf16 at 1M context". With FP8 indexer keys, 8.69 GiB.
    let pro = model("deepseek-v4-pro").unwrap();
    let bf16_indexer: Vec<_> = pro
        .attention
        .iter()
        .map(|g| match *g {
            LayerGroup::Compressed(c) => LayerGroup::Compressed(CompressedLayers {
                indexer_precision: None,
                ..c
            }),
            other => other,
        })
        .collect();
    let all_bf16 = OpenModel {
        attention: Box::leak(bf16_indexer.into_boxed_slice()),
        ..pro.clone()
    };
    let pro_bytes = kv_bytes_per_sequence(&all_bf16, Precision::Bf16, 1_048_576.0);
    assert_eq!(pro_bytes, 2.0 * 5_167_185_920.0);
    assert!((pro_bytes / f64::from(1u32 << 30) - 9.62).abs() < 0.01);
    assert_eq!(
        kv_bytes_per_sequence(pro, Precision::Bf16, 1_048_576.0),
        9_327_738_880.0
    );
    // Kimi K3 in BF16 at 8,000 tokens: 24 latent layers x 576 values x
    // 8,000 tokens x 2 B = 221,184,000, plus the 69 linear-attention layers'
    // state, 69 x 96 heads x 128 x 128 x 4 B = 434,110,464, whatever the
    // length: 655,294,464 B.
    let kimi = model("kimi-k3").unwrap();
    assert_eq!(
        kv_bytes_per_sequence(kimi, Precision::Bf16, 8_000.0),
        655_294_464.0
    );
    assert_eq!(
        kv_bytes_per_sequence(kimi, Precision::Bf16, 1.0) - 24.0 * 576.0 * 2.0,
        434_110_464.0
    );
    // DeepSeek V3.2's sparse attention keeps every token's 576 latent values
    // and 128 indexer values: 61 x 704 = 42,944 values a token, 22% more
    // than the latent alone; a step reads 2,048 rows and every indexer key.
    let v32 = model("deepseek-v3.2").unwrap();
    assert_eq!(
        kv_bytes_per_sequence(v32, Precision::Fp8, 10_000.0),
        429_440_000.0
    );
    assert_eq!(
        kv_bytes_read_per_decode_step(v32, Precision::Fp8, 10_000.0),
        61.0 * (2_048.0 * 576.0 + 10_000.0 * 128.0)
    );
}

/// Gemma 4 31B's window layers have their own geometry (issue 22): 16 KV
/// heads of 256 against the global layers' 4 of 512.
#[test]
fn gemma_4_window_layers_cache_their_own_geometry_by_hand() {
    use crossover_pricing::catalogue::{Precision, model};
    use crossover_pricing::selfhost::kv::kv_bytes_per_sequence;
    let gemma = model("gemma-4-31b").unwrap();
    // BF16 at 8,000 tokens: 10 global layers x 2 x 4 x 512 values x 8,000
    // tokens x 2 B = 655,360,000, and 50 window layers x 2 x 16 x 256 values
    // x 1,024 tokens x 2 B = 838,860,800: 1,494,220,800 B (1,074,790,400
    // when the window layers were counted at the global width).
    assert_eq!(
        kv_bytes_per_sequence(gemma, Precision::Bf16, 8_000.0),
        1_494_220_800.0
    );
}

/// One throughput unit throughout (issue 23, item 5): the plan shows its
/// capacity in output tokens a second, the unit the measured-throughput
/// field asks for, so typing the shown figure back prices the same replica.
#[test]
fn the_capacity_shown_typed_back_as_measured_is_the_same_capacity() {
    let w = workload();
    let d = Deployment::new("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm");
    let estimated = d.plan(&w).unwrap();
    // 1,500 in and 500 out: a quarter of the tokens are output.
    let output = estimated.capacity_tokens_per_second / 4.0;
    let shown = crossover_pricing::words::capacity(&estimated);
    assert!(
        shown.starts_with(&format!(
            "{} output tokens/s per replica, estimated",
            crossover_pricing::units::format_count(output)
        )),
        "{shown}"
    );
    let mut measured = d.clone();
    measured
        .overrides
        .set(Field::MeasuredTokensPerSecond, Some(output));
    let plan = measured.plan(&w).unwrap();
    assert!(
        (plan.capacity_tokens_per_second / estimated.capacity_tokens_per_second - 1.0).abs() < 1e-9
    );
}

/// A share link's scenario, and its comparison.
fn compared(link: &str) -> (crossover_pricing::Scenario, crossover_pricing::Comparison) {
    let s = crossover_pricing::link::decode(link).unwrap().scenario;
    let c = crossover_pricing::compare(&s).unwrap();
    (s, c)
}

/// The default scenario at 3B against Claude Sonnet 4.6 (docs/cost-model.md
/// section 11): the API costs 3B x $6 = $18,000, one replica $3,600 of
/// operations and 2 GPUs x 730 h x $2.90. Moving the GPU-hour across the
/// H100's rental prices seen flips the answer at (18,000 - 3,600) / 1,460
/// = $9.863, the inverse question's figure.
#[test]
fn the_gpu_price_flips_the_answer_where_the_inverse_question_says() {
    use crossover_pricing::sensitivity::{Input, tornado};
    let (s, c) = compared("v=1&tpm=3B&api=claude-sonnet-4.6");
    let t = tornado(&s, 0, 0).unwrap();
    assert_close!(t.saving_usd, 18_000.0 - 3_600.0 - 1_460.0 * 2.9);
    let gpu = t
        .bars
        .iter()
        .find(|b| b.input == Input::GpuPricePerHour)
        .unwrap();
    let flip = gpu.flips_at.unwrap();
    assert!((flip - 14_400.0 / 1_460.0).abs() < 1e-9, "{flip}");
    let inverse = c.pairs[0].at_volume.breakeven_usd_per_gpu_hour.unwrap();
    assert!((flip - inverse).abs() < 1e-9, "{flip} vs {inverse}");
    assert_eq!((gpu.low, gpu.value), (1.99, 2.9));
}

/// Issue 23: a Mac picked for the default deployment (rented vLLM, FP8)
/// gets an engine that runs on it, a format that engine loads, and is
/// owned, since no one rents a Mac out; it plans without an error.
#[test]
fn a_mac_picked_for_the_default_deployment_runs() {
    use crossover_pricing::catalogue::Precision;
    let mut d = crossover_pricing::Scenario::default().deployments[0].clone();
    d.gpu = "mac-studio-m3-ultra-512".into();
    d.suit_gpu();
    // No Apple engine loads FP8 (1 B a weight): llama.cpp, the first that
    // runs on a Mac, with GGUF Q6_K (0.82 B), the first it loads no larger.
    assert_eq!(d.engine, "llama.cpp");
    assert_eq!(d.precision, Precision::Q6K);
    assert_eq!(d.ownership, Ownership::Own);
    assert!(d.plan(&Workload::default()).is_ok());
    // MLX then takes its 4-bit (0.5625 B), the first it loads no larger.
    d.engine = "mlx".into();
    d.suit_engine();
    assert_eq!(d.precision, Precision::Int4);
    // A format the engine loads stays.
    d.precision = Precision::Bf16;
    d.suit_engine();
    assert_eq!(d.precision, Precision::Bf16);
}

/// The default scenario at 10B tokens a month: one replica of Llama 3.3 70B
/// (2 H100s at $2.90 an hour for 730 hours, $4,234, and $3,600 of
/// operations: $7,834) carries all but the busiest hours' overflow, which
/// GPT-5.4 mini bills at its $16,875 / 10B = $1.6875 per 1M. Self-hosting
/// alone needs 2 replicas ($12,068), the API alone $16,875; with Claude
/// Sonnet 4.6 the mix costs $8,335, and DeepInfra's Llama ($2,725) stays
/// cheaper than any mix.
#[test]
fn the_default_scenario_s_mix_at_10b_is_one_replica_and_the_api_for_the_peaks() {
    use crossover_pricing::hybrid::cheaper_mixes;
    use crossover_pricing::view::Money;
    use crossover_pricing::words::mix_line;
    let (_, c) = compared("v=1&tpm=10B");
    let mixes = cheaper_mixes(&c);
    assert_eq!(mixes, c.mixes);
    // Claude Sonnet 4.6's mix ($8,335) costs more: one mix for the deployment.
    assert_eq!(mixes.len(), 1);
    let m = &mixes[0];
    assert_eq!(c.apis[c.pairs[m.pair].api].offering.label(), "GPT-5.4 mini");
    assert_eq!(m.quote.replicas, 1.0);
    assert_close!(m.quote.self_hosted_usd, 2.0 * 2.9 * 730.0 + 3_600.0);
    assert_close!(m.quote.api_usd, m.quote.api_tokens_per_month / 1e6 * 1.6875);
    assert_close!(m.alone_usd, 2.0 * 2.0 * 2.9 * 730.0 + 3_600.0);
    assert!(m.quote.api_tokens_per_month > 0.0 && m.quote.self_hosted_share() > 0.99);
    assert_eq!(
        mix_line(&c, m, &Money::usd()),
        "Mixed: 1 replica of Llama 3.3 70B Instruct (FP8, 2× H100 SXM) for the base load, GPT-5.4 mini for the peaks: $7.97k a month, 34% less than either alone"
    );
}

/// What a service level costs is read off the plan made with it, with no
/// second plan: its plan without the service level is the plan made
/// without one.
#[test]
fn a_plan_without_its_service_level_is_the_plan_made_without_one() {
    let scenario = crossover_pricing::Scenario::default();
    let d = &scenario.deployments[0];
    let free = scenario.workload.clone();
    for (speed, wait) in [(20.0, 0.0), (50.0, 0.0), (50.0, 0.2), (0.0, 0.15)] {
        let mut w = free.clone();
        w.min_user_output_tokens_per_second = speed;
        w.max_time_to_first_token_seconds = wait;
        let capped = d.plan(&w).unwrap();
        assert!(capped.sequences_in_flight < 128, "{speed} {wait}");
        let derived = capped.without_service_level();
        let made = d.plan(&free).unwrap();
        // The range's ends are scaled, so equal to the last bit or two.
        for (a, b) in [
            (
                derived.capacity_low_tokens_per_second,
                made.capacity_low_tokens_per_second,
            ),
            (
                derived.capacity_high_tokens_per_second,
                made.capacity_high_tokens_per_second,
            ),
        ] {
            assert!((a / b - 1.0).abs() < 1e-12, "{a} {b}");
        }
        let made = crossover_pricing::selfhost::cost::SelfHostPlan {
            capacity_low_tokens_per_second: derived.capacity_low_tokens_per_second,
            capacity_high_tokens_per_second: derived.capacity_high_tokens_per_second,
            ..made
        };
        assert_eq!(derived, made, "{speed} tokens/s, {wait} s");
    }
}

/// A business-hours day (09:00-18:00 at weight 10, the other 15 hours at 1:
/// 90 of 105 parts in 9 hours), 3B tokens a month, the rented pair of H100s
/// above (a replica carries 2,000 x 0.5 = 1,000 tokens/s and costs $2,920 a
/// month; operations $3,600) against an API at $4 per 1M tokens.
#[test]
fn a_business_hours_day_mixed_by_hand() {
    use crossover_pricing::day_profile::DayPreset;
    use crossover_pricing::hybrid::{Hybrid, SplitRate};
    let w = Workload {
        tokens_per_month: 3e9,
        day_profile: Some(DayPreset::BusinessHours.profile()),
        ..workload()
    };
    let plan = rented().plan(&w).unwrap();
    // The busiest hour is 10 / 105 of the day against 1/24: 2.2857 times
    // the average; a stair is 1,000 x 2,628,000 s / 2.2857 = 1.14975e9.
    assert_close!(w.busiest_hour_factor(), 240.0 / 105.0);
    assert_close!(plan.tokens_per_replica(), 1.14975e9);
    let rate = SplitRate {
        interactive_usd_per_mtok: 4.0,
        batch_usd_per_mtok: 4.0,
    };
    let hybrid = Hybrid::new(&plan, rate, &w);
    // Business hours are 9/24 x 730 h = 985,500 s a month carrying 6/7 of
    // 3B (2,609 tokens/s); the quiet 15 hours, 1,642,500 s, carry 3B / 7
    // (261 tokens/s). Alone, self-hosting needs 3 replicas: $12,360; the
    // API alone costs $12,000.
    assert_eq!(hybrid.replicas_alone(3e9), 3.0);
    let quiet = 3e9 / 7.0;
    let months = [
        (0.0, 12_000.0),
        // One replica: the quiet hours whole and 985.5M of the busy ones.
        (1.0, 3_600.0 + 2_920.0 + (3e9 - quiet - 985.5e6) * 4e-6),
        (2.0, 3_600.0 + 5_840.0 + (3e9 - quiet - 1_971e6) * 4e-6),
        (3.0, 3_600.0 + 8_760.0),
    ];
    for (replicas, usd) in months {
        assert_close!(hybrid.quote_with(replicas, 3e9).monthly_usd, usd);
    }
    // The second replica carries 985.5M tokens, worth $3,942 at the API,
    // for $2,920; the third only the last 600.4M ($2,401.71): two it is,
    // $11,841.71 a month, 1.3% less than the API alone and 4.2% less than
    // three replicas.
    let best = hybrid.cheapest(3e9);
    assert_eq!(best.replicas, 2.0);
    assert_close!(best.monthly_usd, months[2].1);
    assert!((best.monthly_usd - 11_841.71).abs() < 0.01);
    assert_close!(best.self_hosted_tokens_per_month, 1_971e6 + quiet);
    assert_close!(best.api_tokens_per_month, 3e9 - 1_971e6 - quiet);
    assert!((best.self_hosted_share() - 0.7999).abs() < 1e-4);
    // Cheaper than the API from a volume below 3B, and the mix never costs
    // more than either pure choice.
    let from = hybrid.cheaper_than_api_from().unwrap();
    assert!(from < 3e9, "{from}");
    assert!(hybrid.cheapest(from * 1.01).monthly_usd < (from * 1.01) * 4e-6);
}
