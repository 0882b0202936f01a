//! Checks that span fields or files: references between files, uniqueness,
//! fields that come together, orderings. Single values checked themselves
//! while they were read (`types.rs`).

use std::collections::HashSet;

use super::files::*;
use super::types::*;
use super::{Catalogue, Entry, Problems};

/// The ids of `entries`, each reported where it appears a second time.
fn unique<'a, T>(
    p: &mut Problems,
    entries: &'a [Entry<T>],
    id: impl Fn(&'a T) -> &'a str,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for e in entries {
        let id = id(&e.value);
        p.check(seen.insert(id), || {
            format!("{}: id {id:?} appears twice", e.at)
        });
    }
    seen
}

impl Catalogue {
    pub(super) fn check(&self, p: &mut Problems) {
        let model_ids = unique(p, &self.models, |m| m.id.as_str());
        let gpu_ids = unique(p, &self.gpus, |g| g.id.as_str());
        let engine_ids = unique(p, &self.engines, |e| e.id.as_str());
        let mut api_ids = HashSet::new();
        for a in &self.priced {
            p.check(api_ids.insert(a.id.as_str()), || {
                format!("{}: id {:?} appears twice among the API offerings; give one an `id` in data/apis.toml", a.at, a.id)
            });
            if let Some(m) = &a.open_model {
                p.check(model_ids.contains(m.as_str()), || {
                    format!("{}: open_model {m:?} is not in models.toml", a.at)
                });
                p.check(a.kind == ApiKind::HostedOpen, || {
                    format!("{}: a closed model has no open_model", a.at)
                });
            }
        }
        for a in &self.priced {
            for old in &a.old_ids {
                p.check(api_ids.insert(old.as_str()), || {
                    format!("{}: old id {old:?} is also another offering's id", a.at)
                });
            }
        }
        unique(p, &self.providers, |x| x.genai.as_str());
        let mut curated = HashSet::new();
        for x in &self.curations {
            p.check(
                curated.insert((x.genai.provider.as_str(), x.genai.model.as_str())),
                || format!("{}: curated twice", x.at),
            );
            p.check(
                x.open_model.is_none() || x.match_open_model != Some(false),
                || {
                    format!(
                        "{}: open_model and match_open_model = false contradict each other",
                        x.at
                    )
                },
            );
        }
        for x in &self.providers {
            p.check(
                x.resells.is_empty() || x.role == ProviderRole::Maker,
                || {
                    format!(
                        "{}: a host resells everything; `resells` is for makers",
                        x.at
                    )
                },
            );
        }
        let precision_ids = unique(p, &self.precisions, |x| x.id.id());
        for precision in Precision::ALL {
            p.check(precision_ids.contains(precision.id()), || {
                format!("data/precisions.toml: no entry for {}", precision.id())
            });
        }

        for x in &self.precisions {
            let at = &x.at;
            p.check(
                matches!(
                    x.engine_factors,
                    Precision::Bf16 | Precision::Fp8 | Precision::Int4
                ),
                || format!("{at}: engine_factors must be bf16, fp8 or int4 (engines.toml has factors for those)"),
            );
            p.check(!x.served_by.is_empty(), || {
                format!("{at}: served_by names no kind of engine")
            });
        }
        self.check_families(p);
        for a in &self.apis {
            check_api(p, a);
        }
        for m in &self.models {
            check_model(p, m);
        }
        for g in &self.gpus {
            let at = &g.at;
            match &g.rent_usd_per_gpu_hour {
                Some(r) => {
                    p.check(r.low <= r.typical && r.typical <= r.high, || {
                        format!("{at}: rent must be low <= typical <= high")
                    });
                    p.check(
                        !g.rent_sources.is_empty() && g.rent_seen_at.is_some(),
                        || format!("{at}: rent_sources and rent_seen_at are required"),
                    );
                }
                None => p.check(
                    g.rent_sources.is_empty() && g.rent_seen_at.is_none(),
                    || format!("{at}: rent_sources or rent_seen_at without rent_usd_per_gpu_hour"),
                ),
            }
        }
        let vendors: HashSet<&str> = self.gpus.iter().map(|g| g.vendor.as_str()).collect();
        for e in &self.engines {
            let at = &e.at;
            p.check(!e.runs_on.is_empty(), || {
                format!("{at}: runs_on names no GPU vendor")
            });
            for v in &e.runs_on {
                p.check(vendors.contains(v.as_str()), || {
                    format!("{at}: runs_on {:?} is no GPU's vendor in gpus.toml", v.0)
                });
            }
        }
        for r in &self.latency {
            let at = &r.at;
            p.check(
                r.concurrency.is_some()
                    && r.output_tokens_per_second_per_user.is_some()
                    && r.time_to_first_token_ms.is_some(),
                || format!("{at}: a latency record needs concurrency, output_tokens_per_second_per_user and time_to_first_token_ms"),
            );
        }
        for r in self.records.iter().chain(&self.latency) {
            let at = &r.at;
            for (what, id, ids, file) in [
                ("model", &r.model, &model_ids, "models.toml"),
                ("gpu", &r.gpu, &gpu_ids, "gpus.toml"),
                ("engine", &r.engine, &engine_ids, "engines.toml"),
            ] {
                p.check(ids.contains(id.as_str()), || {
                    format!("{at}: {what} {:?} is not in {file}", id.0)
                });
            }
        }

        let mut codes = HashSet::new();
        for c in &self.currencies {
            let at = &c.at;
            let code = c.code.as_str();
            p.check(
                code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()),
                || format!("{at}: code must be three capital letters"),
            );
            p.check(codes.insert(code), || format!("{at}: code appears twice"));
        }
        p.check(
            self.currencies
                .iter()
                .any(|c| c.code.as_str() == "USD" && c.per_usd.0 == 1.0),
            || "data/currencies.toml: USD at 1.0 is required".to_string(),
        );

        let s = &self.assumptions.default_scenario;
        for id in &s.apis {
            p.check(api_ids.contains(id.as_str()), || {
                format!("{}: api {:?} is not in apis.toml", s.at, id.0)
            });
        }
        for d in &s.deployments {
            for (what, id, ids, file) in [
                ("model", &d.model, &model_ids, "models.toml"),
                ("gpu", &d.gpu, &gpu_ids, "gpus.toml"),
                ("engine", &d.engine, &engine_ids, "engines.toml"),
            ] {
                p.check(ids.contains(id.as_str()), || {
                    format!("{}: {what} {:?} is not in {file}", s.at, id.0)
                });
            }
        }
    }

    /// The `families` list of models.toml: no repeats, every model's family
    /// on it, and a model for each.
    fn check_families(&self, p: &mut Problems) {
        let mut names = HashSet::new();
        for f in &self.families {
            p.check(names.insert(f.as_str()), || {
                format!("data/models.toml: families: {:?} appears twice", f.0)
            });
        }
        for m in &self.models {
            p.check(names.contains(m.family.as_str()), || {
                format!(
                    "{}: family {:?} is not in the families list of models.toml",
                    m.at, m.family.0
                )
            });
        }
        for f in &self.families {
            p.check(self.models.iter().any(|m| m.family == *f), || {
                format!("data/models.toml: families: no model of the {} family", f.0)
            });
        }
    }
}

fn check_api(p: &mut Problems, a: &Entry<Api>) {
    let at = &a.at;
    p.check(
        a.batch_input_usd_per_mtok.is_some() == a.batch_output_usd_per_mtok.is_some(),
        || format!("{at}: batch input and output prices come together or not at all"),
    );
    p.check(
        a.batch_cached_input_usd_per_mtok.is_none() || a.batch_input_usd_per_mtok.is_some(),
        || format!("{at}: a batch cached price needs batch input and output prices"),
    );
    if let Some(tier) = &a.long_context {
        p.check(
            a.cached_input_usd_per_mtok.is_none() || tier.cached_input_usd_per_mtok.is_some(),
            || format!("{at}: the long-context tier needs a cached input price, as the base price has one"),
        );
    }
}

fn check_model(p: &mut Problems, m: &Entry<Model>) {
    let at = &m.at;
    p.check(m.licence_url.as_str().starts_with("https://"), || {
        format!("{at}: licence_url must be an https URL")
    });
    p.check(m.commercial_use || !m.permissive, || {
        format!("{at}: a permissive licence allows commercial use")
    });
    let (total, active) = (m.total_params_b.0, m.active_params_b.0);
    p.check(active <= total, || {
        format!("{at}: active parameters exceed total")
    });
    if let Some(Experts {
        total: Count(e),
        per_token: Count(k),
    }) = m.experts
    {
        p.check(k < e, || {
            format!("{at}: experts.per_token must be below experts.total")
        });
        p.check(active < total, || {
            format!("{at}: a mixture of experts has fewer active than total parameters")
        });
        if k < e {
            // The throughput model splits active parameters into always-used ones and k experts.
            let per_expert = (total - active) / f64::from(e - k);
            p.check(active - f64::from(k) * per_expert > 0.0, || {
                format!("{at}: active parameters leave nothing for attention and shared layers once {k} experts of {per_expert:.2}B are counted; check total/active")
            });
        }
    }
    let layers = m.layers.0;
    let full = m.full_attention_layers.unwrap_or(layers);
    let sliding = m.sliding_window.as_ref().map_or(0, |w| w.layers.0);
    p.check(
        u64::from(full) + u64::from(sliding) <= u64::from(layers),
        || format!("{at}: full plus sliding-window layers exceed layers"),
    );
    if let Some(w) = &m.sliding_window {
        p.check(w.kv_heads.is_some() == w.head_dim.is_some(), || {
            format!("{at}: a sliding window's own geometry needs both kv_heads and head_dim")
        });
    }
    let compressed: u64 = m.compressed.iter().map(|c| u64::from(c.layers.0)).sum();
    p.check(
        u64::from(full) + u64::from(sliding) + compressed > 0,
        || format!("{at}: some layer must keep a KV cache"),
    );
    p.check(compressed <= u64::from(layers), || {
        format!("{at}: compressed layers exceed layers")
    });
}
