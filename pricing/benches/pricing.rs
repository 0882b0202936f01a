//! What the widget does on each change of input: price every catalogue API
//! and a dozen deployments at 512 volumes (the chart's points), and solve
//! every API x deployment break-even.
//!
//!     cargo bench -p crossover-pricing

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{Criterion, criterion_group};
    use crossover_pricing::catalogue::{APIS, Precision};
    use crossover_pricing::link::{decode, encode};
    use crossover_pricing::view::View;
    use crossover_pricing::{
        Deployment, Ownership, Scenario, Workload, api_rate, break_even, compare, plan_scenario,
    };

    pub fn deployments() -> Vec<Deployment> {
        let mut list: Vec<Deployment> = [
            ("llama-3.3-70b", Precision::Fp8, "h100-sxm", "vllm"),
            ("llama-3.3-70b", Precision::Int4, "l40s", "vllm"),
            ("llama-3.1-8b", Precision::Bf16, "a100-80gb", "sglang"),
            ("llama-3.1-8b", Precision::Int4, "rtx-4090", "ollama"),
            ("gpt-oss-120b", Precision::Int4, "h100-sxm", "vllm"),
            ("gpt-oss-20b", Precision::Int4, "rtx-5090", "llama.cpp"),
            ("qwen3-235b-a22b-2507", Precision::Fp8, "h200", "sglang"),
            ("qwen3-30b-a3b", Precision::Fp8, "l40s", "vllm"),
            ("deepseek-v3.1", Precision::Fp8, "h200", "sglang"),
            ("kimi-k2.5", Precision::Int4, "b200", "tensorrt-llm"),
            ("gemma-3-27b", Precision::Bf16, "mi300x", "vllm"),
            (
                "mistral-small-3.2-24b",
                Precision::Fp8,
                "rtx-pro-6000",
                "vllm",
            ),
        ]
        .into_iter()
        .map(|(m, p, g, e)| Deployment::new(m, p, g, e))
        .collect();
        list[4].ownership = Ownership::Own;
        list
    }

    pub fn volumes() -> Vec<f64> {
        (0..512)
            .map(|i| 10f64.powf(6.0 + 7.0 * f64::from(i) / 511.0))
            .collect()
    }

    /// Everything the charts and the table need for one state.
    pub fn price_everything(
        workload: &Workload,
        deployments: &[Deployment],
        volumes: &[f64],
    ) -> f64 {
        let rates: Vec<_> = APIS
            .iter()
            .filter_map(|a| {
                api_rate(a, workload, crossover_pricing::catalogue::price_dates().1)
                    .rate()
                    .copied()
            })
            .collect();
        let plans: Vec<_> = deployments
            .iter()
            .filter_map(|d| d.plan(workload).ok())
            .collect();
        let mut checksum = 0.0;
        for &v in volumes {
            for rate in &rates {
                checksum += rate.monthly_cost(v);
            }
            for plan in &plans {
                checksum += plan.monthly_cost(v)
                    + plan.pessimistic().monthly_cost(v)
                    + plan.optimistic().monthly_cost(v);
            }
        }
        for rate in &rates {
            for plan in &plans {
                checksum += break_even(rate, plan).intervals.len() as f64;
            }
        }
        checksum
    }

    fn bench(c: &mut Criterion) {
        let workload = Workload::default();
        let deployments = deployments();
        let volumes = volumes();
        let apis = APIS.len();
        c.bench_function(
            &format!("{apis} APIs + 12 deployments at 512 volumes + all break-evens"),
            |b| {
                b.iter(|| {
                    price_everything(
                        black_box(&workload),
                        black_box(&deployments),
                        black_box(&volumes),
                    )
                })
            },
        );
        let scenario = Scenario {
            apis: APIS.iter().take(12).map(|a| a.id.to_string()).collect(),
            deployments: deployments[..8].to_vec(),
            ..Scenario::default()
        };
        c.bench_function("compare: 12 APIs x 8 deployments", |b| {
            b.iter(|| compare(black_box(&scenario)).unwrap())
        });
        let planned = plan_scenario(&scenario).unwrap();
        c.bench_function("the same at a new volume (Planned::at)", |b| {
            b.iter(|| planned.at(black_box(7.5e9)).unwrap())
        });
        let text = encode(&scenario, &View::default());
        c.bench_function("share link: encode + decode", |b| {
            b.iter(|| decode(&encode(black_box(&scenario), &View::default())).unwrap())
        });
        assert!(decode(&text).unwrap().warnings.is_empty());
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
