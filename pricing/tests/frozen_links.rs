#![cfg(not(target_arch = "wasm32"))]
//! Links people have already sent must keep their meaning. Every link in
//! `tests/frozen_links.json` is decoded on every run and must give exactly
//! the scenario and view written beside it when it was frozen, with as many
//! notices.
//!
//! A change of format adds a link version and keeps reading the old one; a
//! new case is added by appending `{ "link": "…" }` and running
//! `FREEZE_NEW_LINKS=1 cargo test -p crossover-pricing --test frozen_links`,
//! which fills in what it decodes to and never rewrites an existing entry.

use crossover_pricing::link::decode;
use serde_json::{Value, json};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/frozen_links.json");

/// What a link decodes to. A link without `date=` is priced on the day the
/// price data ends, which moves with every price update, so its date is
/// left out.
fn decoded(link: &str) -> Value {
    match decode(link) {
        Ok(d) => {
            let mut scenario = serde_json::to_value(&d.scenario).unwrap();
            if !d.dated {
                scenario.as_object_mut().unwrap().remove("date");
            }
            json!({
                "scenario": scenario,
                "view": {
                    "currency": d.view.currency,
                    "usd_rate": d.view.usd_rate,
                    "theme": d.view.theme.id(),
                    "tab": d.view.tab.id(),
                    "embed": d.view.embed,
                },
                // How many notices, not their words: wording may improve.
                "notices": d.warnings.len(),
            })
        }
        Err(_) => json!({ "refused": true }),
    }
}

/// Quantities added to the scenario after links were frozen, with the value
/// that leaves an old link's meaning unchanged. A frozen entry without one
/// must decode to exactly that value; the key is then not compared.
const ADDED_SINCE: &[(&str, f64)] = &[
    // Service level (issue 11): 0 means no speed target, as before.
    ("min_user_output_tokens_per_second", 0.0),
    // and 0 means no time-to-first-token target.
    ("max_time_to_first_token_seconds", 0.0),
    // Prices by the hour (issue 20): where the service hours fall. Before,
    // no price depended on it; 09:00 UTC is the default.
    ("service_start_hour", 9.0),
    ("utc_offset_hours", 0.0),
];

/// `got` with the quantities added since `expected` was frozen taken out,
/// once they hold their neutral value (else they are left in, and differ).
fn as_frozen(expected: &Value, mut got: Value) -> Value {
    for (key, neutral) in ADDED_SINCE {
        let frozen_has = expected["scenario"]["workload"].get(*key).is_some();
        let Some(workload) = got
            .get_mut("scenario")
            .and_then(|s| s.get_mut("workload"))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        if !frozen_has && workload.get(*key) == Some(&json!(neutral)) {
            workload.remove(*key);
        }
    }
    got
}

#[test]
fn links_already_sent_keep_their_meaning() {
    let text = std::fs::read_to_string(FILE).unwrap();
    let mut cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    let freeze = std::env::var_os("FREEZE_NEW_LINKS").is_some();
    let mut changed = false;
    let mut failures = Vec::new();
    for case in &mut cases {
        let link = case["link"].as_str().unwrap().to_string();
        let got = match case.get("decodes_to") {
            Some(expected) => as_frozen(expected, decoded(&link)),
            None => decoded(&link),
        };
        match case.get("decodes_to") {
            Some(expected) if *expected != got => {
                failures.push(format!("{link}\n  frozen:  {expected}\n  decodes: {got}"))
            }
            Some(_) => {}
            None if freeze => {
                case["decodes_to"] = got;
                changed = true;
            }
            None => failures.push(format!("{link}: not frozen yet (FREEZE_NEW_LINKS=1)")),
        }
    }
    if changed {
        std::fs::write(FILE, serde_json::to_string_pretty(&cases).unwrap() + "\n").unwrap();
    }
    assert!(cases.len() >= 30, "only {} frozen links", cases.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
