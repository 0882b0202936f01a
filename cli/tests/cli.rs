//! The `crossover` binary as a person or a script uses it.

use std::process::Command;

fn crossover(args: &[&str]) -> (bool, String, String) {
    crossover_on(None, args)
}

/// The binary with its "today" fixed (`CROSSOVER_TODAY`), or the clock's.
fn crossover_on(today: Option<&str>, args: &[&str]) -> (bool, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crossover"));
    command.args(args).env_remove("CROSSOVER_TODAY");
    if let Some(today) = today {
        command.env("CROSSOVER_TODAY", today);
    }
    let output = command.output().unwrap();
    (
        output.status.success(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn prints_the_default_scenario() {
    let (ok, out, _) = crossover(&[]);
    assert!(ok);
    assert!(out.contains("prices as of"));
    assert!(out.contains("GPT-5.4 mini"));
    assert!(
        out.contains("Llama 3.3 70B Instruct · FP8 · 2× NVIDIA H100 SXM5 80GB · vLLM · rented")
    );
    assert!(out.contains("costs less than Claude Sonnet 4.6 from 1.31B tokens a month"));
}

#[test]
fn prints_the_worked_example_as_the_docs_say() {
    let (ok, out, _) = crossover(&["v=1&tpm=10B&api=gpt-5.4-mini"]);
    assert!(ok);
    assert!(out.contains("$16,875/month"));
    assert!(
        out.contains("$12,068/month (GPU rental $8,468 + operations $3,600); $1.21 per 1M tokens")
    );
    assert!(out.contains("costs less than GPT-5.4 mini from 4.64B tokens a month (4.64B–7.15B"));
    assert!(out.contains("saves $4.81k a month (28%)"));
    assert!(out.contains(
        "equal if a GPU-hour cost $4.55 (now $2.9), or the GPUs were 12% busy (now 19%)"
    ));
}

#[test]
fn takes_a_whole_share_link_and_reports_what_it_ignored() {
    let (ok, out, _) = crossover(&["https://example.org/crossover/#v=1&tpm=3B&bogus=1"]);
    assert!(ok);
    assert!(out.contains("note: ignored unknown setting \"bogus\""));
    assert!(out.contains("APIs at 3B tokens a month"));
}

#[test]
fn writes_json_for_scripts() {
    let (ok, out, _) = crossover(&["--json", "v=1&tpm=10B&api=gpt-5.4-mini"]);
    assert!(ok);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let pair = &value["comparison"]["pairs"][0];
    assert_eq!(pair["at_volume"]["self_host_usd"], 12068.0);
    assert_eq!(value["comparison"]["apis"][0]["offering"], "gpt-5.4-mini");
    assert!(value["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn lists_the_catalogue() {
    let (ok, out, _) = crossover(&["--list", "gpus"]);
    assert!(ok && out.contains("h100-sxm") && !out.contains("gpt-5.4"));
    let (ok, out, _) = crossover(&["--list", "calibration"]);
    assert!(ok && out.contains("median error"));
    let (ok, out, _) = crossover(&["--json", "--list", "models"]);
    assert!(ok);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(value["models"].as_array().unwrap().len() >= 14);
}

#[test]
fn refuses_bad_usage_with_a_message() {
    let (ok, _, err) = crossover(&["--frobnicate"]);
    assert!(!ok && err.contains("unknown option --frobnicate"));
    let (ok, _, err) = crossover(&[&"x".repeat(5000)]);
    assert!(!ok && err.contains("more than the 4096"));
    let (ok, _, err) = crossover(&["--list", "nope"]);
    assert!(!ok && err.contains("--list takes"));
}

#[test]
fn lists_every_quantity_a_link_can_set() {
    let (ok, out, _) = crossover(&["--list", "fields"]);
    assert!(ok);
    assert!(out.contains("tpm") && out.contains("dN.gpuh") && out.contains("dN.min"));
    let (ok, out, _) = crossover(&["--list", "defaults"]);
    assert!(ok && out.contains("pue") && out.contains("ConfigIQ"));
}

#[test]
fn a_mac_studio_share_link_prices_as_the_widget_does() {
    // The same link the browser test opens; pricing/tests/hand_computed.rs
    // works it out: $66.65 + $16.00 + power $7.00 (10 W idle around the
    // clock, 262 W for the 125 hours of work) = $89.65 a month.
    let (ok, out, _) =
        crossover(&["v=1&tpm=30M&d1=gemma-4-31b:q4_k_m:mac-studio-m3-ultra-96:ollama&d1.own=1"]);
    assert!(ok);
    assert!(out.contains("Gemma 4 31B IT · GGUF Q4_K_M · 1× Apple Mac Studio (2025), M3 Ultra 28-core CPU / 60-core GPU, 96GB · Ollama · your own machine"), "{out}");
    assert!(
        out.contains("$90/month (depreciation $67 + capital $16 + power $7)"),
        "{out}"
    );
    assert!(!out.contains("operations"), "{out}");
    // Payback: $3,999 at the start, $7.00 a month to run, against Claude
    // Sonnet 4.6's $180 a month at 30M tokens: 3,999 / 173.00 = 23.1, month 24.
    assert!(
        out.contains("Bought, it pays for itself in 24 months against Claude Sonnet 4.6."),
        "{out}"
    );
    // Already yours: only the electricity, and nothing to pay back.
    let (ok, out, _) = crossover(&[
        "v=1&tpm=30M&d1=gemma-4-31b:q4_k_m:mac-studio-m3-ultra-96:ollama&d1.own=1&d1.have=1",
    ]);
    assert!(ok && out.contains("$7/month (power $7)"), "{out}");
    assert!(!out.contains("pays for itself"), "{out}");
}

#[test]
fn without_a_date_prices_are_today_s() {
    // Gemini 4 Argon doubled on 2026-12-01: $4 / $0.20 / $20 per 1M tokens,
    // 0.75 x 4 + 0.25 x 20 = $8 for the default requests.
    for today in ["2026-12-01", "2026-12-05", "2027-03-01"] {
        let (ok, out, _) = crossover_on(Some(today), &["v=1&api=gemini-4-argon"]);
        assert!(ok);
        assert!(out.contains(&format!("prices as of {today}")), "{out}");
        assert!(
            out.contains("$8,000/month        $8 per 1M tokens"),
            "{out}"
        );
    }
    let (_, out, _) = crossover_on(Some("2026-11-30"), &["v=1&api=gemini-4-argon"]);
    assert!(out.contains("$4,000/month") && out.contains("(price changes on 2026-12-01)"));
    // Gemini 3.7 Flash's introductory price ends on 2027-01-01.
    let (_, out, _) = crossover_on(Some("2026-12-31"), &["v=1&api=gemini-3.7-flash"]);
    assert!(
        out.contains("$1.5 per 1M tokens  (price changes on 2027-01-01)"),
        "{out}"
    );
    let (_, out, _) = crossover_on(Some("2027-01-01"), &["v=1&api=gemini-3.7-flash"]);
    assert!(out.contains("$3 per 1M tokens"), "{out}");
}

#[test]
fn any_day_is_priced_and_old_data_says_so() {
    let (ok, out, _) = crossover(&["--date", "2027-06-30", "v=1"]);
    assert!(ok);
    assert!(
        out.contains("prices as of 2027-06-30 (price data written on 2026-12-05; prices may have changed since)"),
        "{out}"
    );
    let (ok, out, _) = crossover(&["--date", "1969-07-20", "v=1"]);
    assert!(ok);
    assert!(
        out.contains("note: no prices are known for 1969-07-20; priced as of"),
        "{out}"
    );
    let (ok, _, err) = crossover(&["--date", "2026-02-30"]);
    assert!(!ok && err.contains("--date takes a day"));
    let (ok, _, err) = crossover_on(Some("soon"), &["v=1"]);
    assert!(!ok && err.contains("CROSSOVER_TODAY takes a day"));
}

#[test]
fn lists_every_current_offering() {
    let (ok, out, _) = crossover_on(Some("2026-12-05"), &["--list", "apis"]);
    assert!(ok);
    let current: usize = out
        .split("API offerings, ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(current >= 300, "{current}");
    for label in [
        "GPT-6.2 Astra",
        "Gemini 4 Carbon",
        "Kimi K3.1 Pro on Moonshot AI",
        "Grok 4.7",
        "on AWS Bedrock",
        "on Microsoft Azure",
        "on Hugging Face (Novita)",
    ] {
        assert!(out.contains(label), "no {label}");
    }
    assert!(out.lines().count() > current);
}

#[test]
fn writes_the_widget_s_price_list() {
    let dir = std::env::temp_dir().join(format!("crossover-price-list-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (ok, out, _) = crossover(&["--write-price-list", dir.to_str().unwrap()]);
    assert!(ok, "{out}");
    let written = std::fs::read_to_string(out.trim()).unwrap();
    assert!(written.starts_with("crossover-price-list\t1\t"));
    assert!(
        out.trim()
            .ends_with(crossover_pricing::catalogue::PRICE_LIST_FILE)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
