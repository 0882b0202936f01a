#![cfg(not(target_arch = "wasm32"))]
//! The catalogue in data/ as the model sees it. build.rs refuses malformed
//! files; these tests hold the catalogue to what the issue and users need.

use std::collections::HashSet;

use crossover_pricing::catalogue::{
    APIS, ApiKind, CALIBRATION, DEFAULTS, ENGINES, EngineKind, GPUS, LicenceFilter, LicenceTier,
    MODELS, Openness, Precision, PriceOrigin, api, model, price_dates,
};
use crossover_pricing::date::Date;
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
            is_url(m.source) && is_date(m.as_of) && is_url(&m.licence_link()),
            "{}",
            m.id
        );
    }
    for g in GPUS {
        assert!(is_url(g.spec_source) && is_date(g.as_of), "{}", g.id);
        // Rented GPUs cite their prices; a machine no one rents out has none.
        let rent_cited = match g.rent_usd_per_gpu_hour {
            Some(_) => g.rent_sources.len() >= 2,
            None => g.rent_sources.is_empty() && g.whole_machine_power,
        };
        assert!(!g.purchase_source.is_empty() && rent_cited, "{}", g.id);
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
    let (first, last) = price_dates();
    assert!(first <= last && last >= Date::parse("2026-11-30").unwrap());
}

#[test]
fn prices_are_non_negative_and_discounts_never_dearer() {
    let request = 1500.0;
    for a in APIS {
        for p in a.prices.iter().chain(a.batch) {
            for t in [p.input, p.cached_input, p.cache_write, p.output]
                .into_iter()
                .flatten()
            {
                assert!(t.tiers.iter().all(|&(above, _)| above > 0), "{}", a.id);
                assert!(t.tiers.windows(2).all(|w| w[0].0 < w[1].0), "{}", a.id);
            }
        }
        for day in a
            .prices
            .iter()
            .filter_map(|p| p.from)
            .chain([price_dates().1])
        {
            let list = a.list_prices(day, request);
            if let (Some(cached), Some(input)) = (list.cached_input, list.input) {
                assert!(
                    cached <= input,
                    "{} on {day}: cached input above input",
                    a.id
                );
            }
            if let (Some((batch, _, _)), Some(input)) = (list.batch, list.input) {
                assert!(batch <= input, "{} on {day}: batch input above input", a.id);
            }
        }
    }
    for g in GPUS {
        if let Some(r) = g.rent_usd_per_gpu_hour {
            assert!(
                0.0 < r.low && r.low <= r.typical && r.typical <= r.high,
                "{}",
                g.id
            );
        }
        assert!(g.purchase_usd_per_gpu > 0.0, "{}", g.id);
    }
}

#[test]
fn the_catalogue_is_as_broad_as_users_need() {
    assert!(APIS.len() >= 80, "{} offerings", APIS.len());
    let from_genai = APIS
        .iter()
        .filter(|a| a.origin == PriceOrigin::GenaiPrices)
        .count();
    assert!(from_genai >= 70, "{from_genai} from genai-prices");
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
    for host in [
        "Together AI",
        "Groq",
        "Fireworks",
        "DeepInfra",
        "DeepSeek",
        "Mistral",
        "Z.ai",
        "Moonshot AI",
    ] {
        assert!(hosted.iter().any(|a| a.provider == host), "no {host}");
    }
    assert!(
        hosted
            .iter()
            .any(|a| a.provider.starts_with("Hugging Face")),
        "no Hugging Face inference provider"
    );
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
            ApiKind::HostedOpen => {
                assert!(a.open_model.is_none_or(|m| model(m).is_some()), "{}", a.id)
            }
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
fn all_three_licence_tiers_and_both_kinds_of_openness_are_represented() {
    for tier in [
        LicenceTier::Permissive,
        LicenceTier::Custom,
        LicenceTier::NonCommercial,
    ] {
        assert!(
            MODELS.iter().any(|m| m.licence_tier() == tier),
            "no {tier:?} model"
        );
    }
    assert!(MODELS.iter().any(|m| m.openness == Openness::FullyOpen));
    // The filters remove what they say, and nothing else.
    let offered = |filter: LicenceFilter| MODELS.iter().filter(|m| filter.allows(m)).count();
    let non_commercial = MODELS.iter().filter(|m| !m.commercial_use).count();
    let permissive = MODELS.iter().filter(|m| m.permissive).count();
    assert_eq!(offered(LicenceFilter::Any), MODELS.len());
    assert_eq!(
        offered(LicenceFilter::CommercialUse),
        MODELS.len() - non_commercial
    );
    assert_eq!(offered(LicenceFilter::Permissive), permissive);
    for m in MODELS {
        assert_eq!(m.hf_url(), format!("https://huggingface.co/{}", m.hf_repo));
        // Gemma moved to Apache-2.0 with Gemma 4; Gemma 3 is under Google's own terms.
        if m.family == "Gemma" {
            assert_eq!(m.permissive, m.name.starts_with("Gemma 4"), "{}", m.id);
        }
    }
}

#[test]
fn every_api_is_priced_for_the_default_workload() {
    let w = Workload::default();
    let today = price_dates().1;
    for a in APIS {
        assert!(
            api_rate(a, &w, today).rate().is_some(),
            "{}: {:?}",
            a.id,
            api_rate(a, &w, today)
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

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// Input, cached input and output per 1M tokens of a short request on `date`.
fn prices_on(id: &str, date: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let list = api(id).unwrap().list_prices(day(date), 1500.0);
    (list.input, list.cached_input, list.output)
}

/// The five prices the catalogue once had wrong (issue 9), each on both
/// sides of its change.
#[test]
fn prices_that_changed_are_right_on_both_sides_of_the_change() {
    // OpenAI cut GPT-5.6 Luna by 80% on 2026-07-30.
    assert_eq!(
        prices_on("gpt-5.6-luna", "2026-07-29"),
        (Some(1.0), Some(0.1), Some(6.0))
    );
    assert_eq!(
        prices_on("gpt-5.6-luna", "2026-11-30"),
        (Some(0.2), Some(0.02), Some(1.2))
    );
    // And Terra by 20% the same day.
    assert_eq!(
        prices_on("gpt-5.6-terra", "2026-07-29"),
        (Some(2.5), Some(0.25), Some(15.0))
    );
    assert_eq!(
        prices_on("gpt-5.6-terra", "2026-07-30"),
        (Some(2.0), Some(0.2), Some(12.0))
    );
    // Gemini 3.6 Flash is introductory until 2026-12-31.
    assert_eq!(
        prices_on("gemini-3.6-flash", "2026-11-30"),
        (Some(0.75), Some(0.075), Some(3.75))
    );
    assert_eq!(
        prices_on("gemini-3.6-flash", "2027-01-01"),
        (Some(1.5), Some(0.15), Some(7.5))
    );
    assert_eq!(
        api("gemini-3.6-flash")
            .unwrap()
            .next_change(day("2026-11-30")),
        Some(day("2027-01-01"))
    );
    // Fireworks' cached gpt-oss-120b: 0.014, then 0.015 from 2026-10-19.
    assert_eq!(
        prices_on("fireworks-gpt-oss-120b", "2026-10-18").1,
        Some(0.014)
    );
    assert_eq!(
        prices_on("fireworks-gpt-oss-120b", "2026-10-19").1,
        Some(0.015)
    );
    // Fireworks' cached gpt-oss-20b: 0.035 throughout.
    assert_eq!(
        prices_on("fireworks-gpt-oss-20b", "2026-08-01").1,
        Some(0.035)
    );
    assert_eq!(
        prices_on("fireworks-gpt-oss-20b", "2026-11-30").1,
        Some(0.035)
    );
}

#[test]
fn batch_prices_follow_their_own_dates() {
    // Gemini 3.6 Flash's batch price is known from 2026-10-14: half the
    // introductory price, then half the 2027 price.
    let flash = api("gemini-3.6-flash").unwrap();
    assert_eq!(flash.list_prices(day("2026-10-13"), 1500.0).batch, None);
    assert_eq!(
        flash.list_prices(day("2026-11-30"), 1500.0).batch,
        Some((0.375, Some(0.0375), 1.875))
    );
    assert_eq!(
        flash.list_prices(day("2027-02-01"), 1500.0).batch,
        Some((0.75, Some(0.075), 3.75))
    );
}

#[test]
fn long_requests_pay_the_tier_genai_prices_lists() {
    // GPT-5.6 Luna above 272k input tokens: twice the input price.
    let luna = api("gpt-5.6-luna").unwrap();
    let long = luna.list_prices(day("2026-11-30"), 300_000.0);
    assert_eq!(
        (long.input, long.output, long.long_context),
        (Some(0.4), Some(1.8), true)
    );
}

#[test]
fn the_price_list_reads_back_as_the_tables() {
    use crossover_pricing::catalogue::{PRICE_LIST, PRICE_LIST_FILE};
    use crossover_pricing::fields::{Assumed, DefaultFrom, Setting, SettingKind};
    let read = crossover_pricing::price_list::parse(PRICE_LIST).unwrap();
    let (list, words) = (&read.offerings, &read.assumptions);
    assert_eq!(list.len(), APIS.len());
    // Every model, as the tables (with every offering) hold it, but for
    // the developers' source and notes.
    assert_eq!(read.models.len(), MODELS.len());
    for (read, table) in read.models.iter().zip(MODELS) {
        let table = crossover_pricing::catalogue::OpenModel {
            source: "",
            notes: None,
            ..table.clone()
        };
        assert_eq!(*read, table);
    }
    assert_eq!(read.gpus.len(), GPUS.len());
    // Every GPU, whole, but for the developers' sources and notes.
    for (read, table) in read.gpus.iter().zip(GPUS) {
        let table = crossover_pricing::catalogue::Gpu {
            spec_source: "",
            rent_sources: &[],
            purchase_source: "",
            notes: None,
            ..table.clone()
        };
        assert_eq!(*read, table);
        assert!(read.spec_url.starts_with("https://"), "{}", read.id);
    }
    // Every default's words, as data/assumptions.toml has them.
    let file: toml::Table = toml::from_str(include_str!("../../data/assumptions.toml")).unwrap();
    let mut expected = Vec::new();
    for section in file.values().filter_map(toml::Value::as_table) {
        for (name, entry) in section {
            let Some(says) = entry.get("says").and_then(toml::Value::as_str) else {
                continue;
            };
            let text = |key: &str| {
                entry.get(key).map(|v| match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
            };
            let says = says.to_string();
            expected.push((name.clone(), says, text("by"), text("url"), text("seen")));
        }
    }
    let read: Vec<_> = words
        .iter()
        .map(|w| {
            let cite = w.cite;
            let text = |t: Option<&str>| t.map(str::to_string);
            (
                w.name.to_string(),
                w.says.to_string(),
                text(cite.map(|c| c.by)),
                text(cite.and_then(|c| c.url)),
                text(cite.and_then(|c| c.seen)),
            )
        })
        .collect();
    expected.sort();
    let mut sorted = read.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    // In the file's order, which `Sourced::index` counts in.
    let in_order: Vec<&str> = include_str!("../../data/assumptions.toml")
        .lines()
        .filter(|l| l.contains(" = { value = "))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let names: Vec<&str> = words.iter().map(|w| w.name).collect();
    assert_eq!(names, in_order);
    // Every help text reads the same words from the list as from the tables.
    crossover_pricing::price_list::load(PRICE_LIST).unwrap();
    let settings = [
        SettingKind::Rented,
        SettingKind::Owned,
        SettingKind::Personal,
    ]
    .map(|kind| {
        Some(Setting {
            kind,
            gpu: None,
            already_owned: false,
        })
    });
    for spec in crossover_pricing::fields::FIELDS {
        for setting in [None].into_iter().chain(settings) {
            if let (
                DefaultFrom::Assumption(_)
                | DefaultFrom::BySetting { .. }
                | DefaultFrom::OwnedOrPersonal { .. },
                Some(a),
            ) = (spec.default, spec.default_for(setting))
            {
                let listed = Assumed {
                    says: "",
                    cite: None,
                    ..a
                };
                assert_eq!(listed.words(), (a.says, a.cite), "{}", spec.key);
            }
        }
    }
    for (read, table) in list.iter().zip(APIS) {
        // The list leaves out the developers' notes, and nothing else.
        let table = crossover_pricing::catalogue::ApiOffering {
            notes: None,
            ..table.clone()
        };
        assert_eq!(*read, table, "{}", table.id);
    }
    assert!(PRICE_LIST_FILE.starts_with("prices-") && PRICE_LIST_FILE.ends_with(".txt"));
}

#[test]
fn every_current_offering_of_the_providers_buyers_compare() {
    let current: Vec<_> = APIS.iter().filter(|a| !a.retired).collect();
    assert!(current.len() >= 300, "{} current offerings", current.len());
    for provider in [
        "OpenAI",
        "Anthropic",
        "Google",
        "xAI",
        "DeepSeek",
        "Mistral",
        "Z.ai",
        "Moonshot AI",
        "MiniMax",
        "Cohere",
        "Together AI",
        "Fireworks",
        "Groq",
        "Cerebras",
        "Novita",
        "Hugging Face (Novita)",
        "Hugging Face (Together)",
        "AWS Bedrock",
        "Microsoft Azure",
        "DeepInfra",
    ] {
        assert!(
            current.iter().any(|a| a.provider == provider),
            "no current offering of {provider}"
        );
    }
    for (id, label) in [
        ("gpt-6.2-astra", "GPT-6.2 Astra"),
        ("gpt-6.2-sol", "GPT-6.2 Sol"),
        ("gemini-4-carbon", "Gemini 4 Carbon"),
        ("gemini-4-neon", "Gemini 4 Neon"),
        ("moonshot-kimi-k3.1-pro", "Kimi K3.1 Pro on Moonshot AI"),
        ("grok-4.7", "Grok 4.7"),
        (
            "bedrock-global.anthropic.claude-opus-5",
            "Claude Opus 5 (global) on AWS Bedrock",
        ),
        ("vertex-claude-opus-5", "Claude Opus 5 on Google"),
    ] {
        assert_eq!(api(id).map(|a| a.label()).as_deref(), Some(label), "{id}");
    }
    // Names genai-prices gives, tidied; made where it gives none.
    assert!(
        APIS.iter()
            .all(|a| !a.name.is_empty() && a.name.trim() == a.name && !a.name.contains("  ")),
    );
}

#[test]
fn offerings_are_paired_with_the_models_they_serve_by_name() {
    for (id, model) in [
        ("groq-llama-3.3-70b", Some("llama-3.3-70b")),
        ("fireworks-llama-3.1-8b", Some("llama-3.1-8b")),
        ("novita-llama-3.1-8b-instruct", Some("llama-3.1-8b")),
        ("hf-nebius-gemma-3-27b", Some("gemma-3-27b")),
        ("bedrock-openai.gpt-oss-120b-1-0", Some("gpt-oss-120b")),
        ("zai-glm-5.3", Some("glm-5.3")),
        ("zai-glm-5.3-flash", Some("glm-5.3-flash")),
        ("fireworks-glm-5p3-flash", Some("glm-5.3-flash")),
        ("together-glm-5.3-flash", Some("glm-5.3-flash")),
        ("novita-glm-5.3-flash", Some("glm-5.3-flash")),
        // FlashX: nothing says it serves the open Flash weights.
        ("zai-glm-5.3-flashx", None),
        ("groq-qwen3.8-27b", Some("qwen3.8-27b")),
        ("novita-qwen3.8-27b", Some("qwen3.8-27b")),
        ("hf-cerebras-qwen3.8-27b", Some("qwen3.8-27b")),
        ("deepinfra-qwen3.8-27b", Some("qwen3.8-27b")),
        ("novita-qwen3.5-122b-a10b", Some("qwen3.5-122b-a10b")),
        ("hf-novita-qwen3.5-122b-a10b", Some("qwen3.5-122b-a10b")),
        // Its name would say V4 Flash, but it serves V4.1 Flash.
        ("deepseek-v4-flash", None),
        // Another version of Qwen3 235B than the catalogue's 2507.
        ("fireworks-qwen3-235b-a22b", None),
    ] {
        assert_eq!(api(id).map(|a| a.open_model), Some(model), "{id}");
    }
    let kind = |id: &str| api(id).map(|a| a.kind);
    assert_eq!(
        kind("bedrock-meta.llama3-3-70b-instruct-v1-0"),
        Some(ApiKind::HostedOpen)
    );
    assert_eq!(kind("bedrock-amazon.nova-pro-v1-0"), Some(ApiKind::Closed));
    assert_eq!(kind("gemma-4-26b-a4b-it-maas"), Some(ApiKind::HostedOpen));
    assert_eq!(kind("mistral-large-3"), Some(ApiKind::HostedOpen));
    assert_eq!(kind("mistral-medium-3.5"), Some(ApiKind::Closed));
    assert!(api("deepseek-chat").unwrap().retired);
}

#[test]
fn an_id_older_links_used_reads_as_the_offering_it_names_now() {
    let now = api("together-deepseek-v3.1").unwrap();
    assert_eq!(now.id, "hf-together-deepseek-v3.1");
    assert_eq!(now.provider, "Hugging Face (Together)");
    let link = crossover_pricing::link::decode("v=1&api=together-deepseek-v3.1").unwrap();
    assert_eq!(link.scenario.apis, ["hf-together-deepseek-v3.1"]);
    assert!(link.warnings.is_empty());
}

/// The day presets are built from whole numbers: hours of the clock and
/// weights a slider can show (0 to 10), each preset busier in its hours.
#[test]
fn day_presets_are_whole_hours_and_weights_in_range() {
    use crossover_pricing::catalogue::DEFAULTS as d;
    use crossover_pricing::day_profile::{DayPreset, MAX_HOUR_WEIGHT};
    let presets = [
        (
            DayPreset::BusinessHours,
            &d.business_start_hour,
            &d.business_hours_per_day,
            &d.business_hour_weight,
            &d.business_off_hour_weight,
        ),
        (
            DayPreset::EveningPeak,
            &d.evening_start_hour,
            &d.evening_hours_per_day,
            &d.evening_hour_weight,
            &d.evening_off_hour_weight,
        ),
    ];
    for (preset, start, hours, busy, quiet) in presets {
        for v in [start.value, hours.value, busy.value, quiet.value] {
            assert_eq!(v.fract(), 0.0, "{preset:?}: {v} is not whole");
        }
        assert!(busy.value > quiet.value && busy.value <= f64::from(MAX_HOUR_WEIGHT));
        let weights = preset.profile().weights();
        let busy_hours = weights
            .iter()
            .filter(|&&w| f64::from(w) == busy.value)
            .count();
        assert_eq!(busy_hours as f64, hours.value, "{preset:?}");
        assert_eq!(f64::from(weights[start.value as usize]), busy.value);
    }
}
