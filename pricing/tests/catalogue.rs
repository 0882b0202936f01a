#![cfg(not(target_arch = "wasm32"))]
//! The catalogue in data/ as the model sees it. build.rs refuses malformed
//! files; these tests hold the catalogue to what the issue and users need.

use std::collections::HashSet;

use crossover_pricing::catalogue::{
    APIS, ApiKind, CALIBRATION, DEFAULTS, ENGINES, EngineKind, GPUS, MODELS, Precision, api, model,
    prices_as_of,
};
use crossover_pricing::{Scenario, Workload, api_rate, compare};

/// YYYY-MM-DD
fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

fn is_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

#[test]
fn every_entry_has_a_source_and_a_date() {
    for a in APIS {
        assert!(is_url(a.source) && is_date(a.as_of), "{}", a.id);
    }
    for m in MODELS {
        assert!(
            is_url(m.source) && is_date(m.as_of) && is_url(m.licence_url),
            "{}",
            m.id
        );
    }
    for g in GPUS {
        assert!(is_url(g.spec_source) && is_date(g.as_of), "{}", g.id);
        assert!(
            !g.purchase_source.is_empty() && g.rent_sources.len() >= 2,
            "{}",
            g.id
        );
    }
    for e in ENGINES {
        assert!(
            is_url(e.source) && is_date(e.as_of) && !e.notes.is_empty(),
            "{}",
            e.id
        );
    }
    for r in CALIBRATION {
        assert!(
            is_url(r.source) && is_date(r.as_of),
            "{} on {}",
            r.model,
            r.gpu
        );
    }
    assert!(is_date(prices_as_of()));
}

#[test]
fn prices_are_non_negative_and_ranges_ordered() {
    for a in APIS {
        for price in [
            a.input_usd_per_mtok,
            a.cached_input_usd_per_mtok,
            a.cache_write_usd_per_mtok,
            a.output_usd_per_mtok,
            a.batch_input_usd_per_mtok,
            a.batch_output_usd_per_mtok,
            a.batch_cached_input_usd_per_mtok,
        ]
        .into_iter()
        .flatten()
        {
            assert!(price >= 0.0 && price.is_finite(), "{}", a.id);
        }
        // A discount is never dearer than the list price it discounts.
        if let (Some(cached), Some(input)) = (a.cached_input_usd_per_mtok, a.input_usd_per_mtok) {
            assert!(cached <= input, "{}: cached input above input", a.id);
        }
        if let (Some(batch), Some(input)) = (a.batch_input_usd_per_mtok, a.input_usd_per_mtok) {
            assert!(batch <= input, "{}: batch input above input", a.id);
        }
        if let (Some(tier), Some(input)) = (a.long_context, a.input_usd_per_mtok) {
            assert!(
                tier.input_usd_per_mtok.unwrap_or(input) >= input,
                "{}: long context cheaper",
                a.id
            );
            assert!(
                tier.above_input_tokens < a.context_window_tokens,
                "{}",
                a.id
            );
        }
    }
    for g in GPUS {
        let r = g.rent_usd_per_gpu_hour;
        assert!(
            0.0 < r.low && r.low <= r.typical && r.typical <= r.high,
            "{}",
            g.id
        );
        assert!(g.purchase_usd_per_gpu > 0.0, "{}", g.id);
    }
}

#[test]
fn the_catalogue_is_as_broad_as_users_need() {
    assert!(APIS.len() >= 25);
    for provider in ["OpenAI", "Anthropic", "Google"] {
        let n = APIS
            .iter()
            .filter(|a| a.provider == provider && a.kind == ApiKind::Closed)
            .count();
        assert!(n >= 3, "{provider}: {n} tiers");
    }
    let hosted: Vec<_> = APIS
        .iter()
        .filter(|a| a.kind == ApiKind::HostedOpen)
        .collect();
    assert!(hosted.len() >= 10);
    for host in ["Together AI", "Groq", "Fireworks", "DeepInfra"] {
        assert!(hosted.iter().any(|a| a.provider == host), "no {host}");
    }
    let hosted_families: HashSet<&str> = hosted
        .iter()
        .filter_map(|a| model(a.open_model?))
        .map(|m| m.family)
        .collect();
    for family in ["Llama", "Qwen", "DeepSeek", "gpt-oss", "Kimi", "GLM"] {
        assert!(hosted_families.contains(family), "no hosted {family}");
    }

    assert!(MODELS.len() >= 14);
    for family in [
        "Llama", "Qwen", "DeepSeek", "Gemma", "Mistral", "GLM", "Kimi", "Phi", "gpt-oss",
    ] {
        assert!(
            MODELS.iter().any(|m| m.family == family),
            "no {family} model"
        );
    }
    assert!(
        MODELS.iter().any(|m| m.total_params_b <= 15.0),
        "no small model"
    );
    assert!(
        MODELS
            .iter()
            .any(|m| (20.0..=80.0).contains(&m.total_params_b)),
        "no mid model"
    );
    assert!(
        MODELS
            .iter()
            .any(|m| m.total_params_b >= 200.0 && m.experts_total.is_some()),
        "no large mixture of experts"
    );

    for id in [
        "h100-sxm",
        "h200",
        "b200",
        "a100-80gb",
        "l40s",
        "rtx-4090",
        "mi300x",
    ] {
        assert!(GPUS.iter().any(|g| g.id == id), "no {id}");
    }
    assert!(
        GPUS.iter()
            .any(|g| g.id == "rtx-5090" || g.id == "rtx-pro-6000")
    );
    for (id, kind) in [
        ("vllm", EngineKind::Batched),
        ("sglang", EngineKind::Batched),
        ("tensorrt-llm", EngineKind::Batched),
        ("llama.cpp", EngineKind::Local),
        ("ollama", EngineKind::Local),
        ("lm-studio", EngineKind::Local),
    ] {
        assert!(
            ENGINES.iter().any(|e| e.id == id && e.kind == kind),
            "no {id}"
        );
    }
}

#[test]
fn every_hosted_open_model_points_at_a_real_open_model() {
    for a in APIS {
        match a.kind {
            ApiKind::HostedOpen => assert!(model(a.open_model.unwrap()).is_some(), "{}", a.id),
            ApiKind::Closed => assert!(a.open_model.is_none(), "{}", a.id),
        }
    }
}

#[test]
fn licences_say_whether_commercial_use_is_allowed() {
    for m in MODELS {
        if m.permissive {
            assert!(m.commercial_use, "{}: permissive but not commercial", m.id);
            assert!(
                ["Apache-2.0", "MIT"].iter().any(|l| m.licence.contains(l)),
                "{}: permissive licence {}",
                m.id,
                m.licence
            );
        }
        if m.licence.contains("Llama") {
            assert!(
                m.commercial_restriction.contains("700"),
                "{}: Llama's MAU cap",
                m.id
            );
        }
    }
}

#[test]
fn every_api_is_priced_for_the_default_workload() {
    let w = Workload::default();
    for a in APIS {
        assert!(
            api_rate(a, &w).rate().is_some(),
            "{}: {:?}",
            a.id,
            api_rate(a, &w)
        );
    }
}

#[test]
fn every_open_model_fits_some_gpu_and_engine() {
    let w = Workload::default();
    for m in MODELS {
        let fits = GPUS.iter().any(|g| {
            ENGINES.iter().any(|e| {
                Precision::ALL.iter().any(|&p| {
                    crossover_pricing::Deployment::new(m.id, p, g.id, e.id)
                        .plan(&w)
                        .is_ok()
                })
            })
        });
        assert!(fits, "{} fits nowhere", m.id);
    }
}

#[test]
fn the_default_scenario_is_complete() {
    let s = Scenario::default();
    assert!(!s.apis.is_empty() && !s.deployments.is_empty());
    assert!(s.apis.iter().all(|id| api(id).is_some()));
    let c = compare(&s).unwrap();
    assert!(c.deployments.iter().all(|d| d.plan.is_ok()));
    assert_eq!(c.pairs.len(), s.apis.len() * s.deployments.len());
    assert_eq!(DEFAULTS.hours_per_month.value, 730.0);
}
