//! `crossover`: the pricing model on the command line.
//!
//!     crossover                        the default scenario
//!     crossover 'v=1&tpm=3B'           a scenario's text form
//!     crossover 'https://…/#v=1&…'     a whole share link
//!     crossover --json …               the same as JSON, for scripts
//!     crossover --sensitivity …        and what moves each pair's answer (also with --json)
//!     crossover --date 2026-08-01 …    priced as of a day (default: the link's, else today)
//!     crossover --list [apis|models|gpus|engines|calibration|defaults|fields]
//!     crossover --write-price-list DIR the widget's price list, into DIR (scripts/post-build.mjs)
//!
//! Today is the system clock's day in UTC, or `CROSSOVER_TODAY` (YYYY-MM-DD)
//! where set, so scripts and tests can fix it.

use std::fmt::Write as _;
use std::process::ExitCode;

use crossover_pricing::catalogue::{
    self, APIS, ENGINES, GENAI_PRICES_VERSION, GPUS, MODELS, PRICE_LIST, PRICE_LIST_FILE,
    PriceOrigin,
};
use crossover_pricing::compare::{Comparison, short_label};
use crossover_pricing::date::Date;
use crossover_pricing::error::InputError;
use crossover_pricing::fields::{FIELDS, Scope};
use crossover_pricing::hybrid::{Hybrid, HybridQuote};
use crossover_pricing::link::{LinkWarning, decode};
use crossover_pricing::selfhost::calibration::{
    calibration_results, error_range, median_absolute_error,
};
use crossover_pricing::sensitivity::{Tornado, tornado};
use crossover_pricing::units::{format_count, format_percent, format_usd, format_usd_whole};
use crossover_pricing::view::Money;
use crossover_pricing::{ApiPricing, Scenario, compare, words};
use serde::Serialize;

const USAGE: &str =
    "usage: crossover [--json] [--sensitivity] [--date YYYY-MM-DD] [SCENARIO | SHARE-LINK]
       crossover --list [apis|models|gpus|engines|calibration|defaults|fields]
       crossover --write-price-list DIR

SCENARIO is the text form of docs/share-links.md (for example 'v=1&tpm=3B');
a whole share link works too. Without one, the default scenario is priced.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            use std::io::Write as _;
            // A reader that stops early (`| head`) is no error.
            match std::io::stdout().lock().write_all(output.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("crossover: {e}");
                    ExitCode::from(1)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("crossover: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut json = false;
    let mut sensitivity = false;
    let mut list = None;
    let mut date = None;
    let mut scenario_text = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--sensitivity" => sensitivity = true,
            "--list" => list = Some(rest.next().map_or("all", String::as_str).to_string()),
            "--date" => {
                let text = rest.next().map_or("", String::as_str);
                match Date::parse(text) {
                    Some(d) => date = Some(d),
                    None => {
                        return Err(format!(
                            "--date takes a day such as 2026-11-30, not {text:?}"
                        ));
                    }
                }
            }
            "--write-price-list" => {
                let dir = rest.next().ok_or("--write-price-list takes a folder")?;
                let path = std::path::Path::new(dir).join(PRICE_LIST_FILE);
                std::fs::write(&path, PRICE_LIST)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                return Ok(format!("{}\n", path.display()));
            }
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"));
            }
            text if scenario_text.is_none() => scenario_text = Some(text.to_string()),
            _ => return Err(format!("one scenario at a time\n{USAGE}")),
        }
    }
    if let Some(what) = list {
        let day = match date {
            Some(d) => d,
            None => today()?,
        };
        return list_catalogue(&what, json, catalogue::pricing_day(day));
    }
    let mut decoded = decode(scenario_text.as_deref().unwrap_or("")).map_err(|e| e.to_string())?;
    // --date, else the link's day, else today; a day before every known
    // price is priced on the first, with a note.
    let asked = match (date, decoded.dated) {
        (Some(d), _) => d,
        (None, true) => decoded.scenario.date,
        (None, false) => today()?,
    };
    let day = catalogue::pricing_day(asked);
    if day != asked {
        decoded
            .warnings
            .push(LinkWarning::BeforePrices { asked, first: day });
    }
    decoded.scenario.date = day;
    let comparison = compare(&decoded.scenario).map_err(|errors| InputError::join(&errors))?;
    // Per pair, in the comparison's order, what moves its answer.
    let tornadoes: Vec<Option<Tornado>> = if sensitivity {
        comparison
            .pairs
            .iter()
            .map(|p| tornado(&decoded.scenario, p.api, p.deployment))
            .collect()
    } else {
        Vec::new()
    };
    if json {
        #[derive(Serialize)]
        struct Output<'a> {
            scenario: &'a Scenario,
            warnings: Vec<String>,
            comparison: &'a Comparison,
            /// Per pair, the cheapest mix at the volume and the volume
            /// from which a mix beats the API alone.
            hybrids: Vec<Option<PairHybrid>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            sensitivity: Option<&'a [Option<Tornado>]>,
        }
        #[derive(Serialize)]
        struct PairHybrid {
            cheapest: HybridQuote,
            cheaper_than_api_from: Option<f64>,
        }
        let output = Output {
            scenario: &decoded.scenario,
            warnings: decoded.warnings.iter().map(ToString::to_string).collect(),
            comparison: &comparison,
            hybrids: comparison
                .pairs
                .iter()
                .map(|pair| {
                    let mix = Hybrid::for_pair(&comparison, pair)?;
                    Some(PairHybrid {
                        cheapest: mix.cheapest(comparison.tokens_per_month()),
                        cheaper_than_api_from: mix.cheaper_than_api_from(),
                    })
                })
                .collect(),
            sensitivity: sensitivity.then_some(&tornadoes[..]),
        };
        return serde_json::to_string_pretty(&output)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    let money = decoded.view.money();
    let mut out = report(&decoded.scenario, &decoded.warnings, &comparison, &money);
    if sensitivity {
        out.push_str("\nWhat moves the answer\n");
        for (pair, t) in comparison.pairs.iter().zip(&tornadoes) {
            let Ok(plan) = &comparison.deployments[pair.deployment].plan else {
                continue;
            };
            let api = comparison.apis[pair.api].offering.label();
            writeln!(out, "  {} vs {api}", short_label(plan)).unwrap();
            for line in t
                .as_ref()
                .map(|t| words::tornado_lines(t, &api, &money))
                .unwrap_or_default()
            {
                writeln!(out, "    {line}").unwrap();
            }
        }
    }
    Ok(out)
}

/// Today: `CROSSOVER_TODAY` where set, else the system clock's day (UTC).
fn today() -> Result<Date, String> {
    if let Ok(text) = std::env::var("CROSSOVER_TODAY") {
        return Date::parse(&text).ok_or_else(|| {
            format!("CROSSOVER_TODAY takes a day such as 2026-11-30, not {text:?}")
        });
    }
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    Date::from_unix_days(days as i64).ok_or_else(|| "the system clock is out of range".to_string())
}

fn report(scenario: &Scenario, warnings: &[LinkWarning], c: &Comparison, money: &Money) -> String {
    let mut out = String::new();
    let w = &scenario.workload;
    let volume = format_count(c.tokens_per_month());
    writeln!(out, "Crossover · {}", words::prices_as_of(c.date)).unwrap();
    for warning in warnings {
        writeln!(out, "note: {warning}").unwrap();
    }
    writeln!(
        out,
        "\nWorkload: {volume} tokens a month = {} requests of {} input + {} output tokens; {} of input cached, {} batch, {}",
        format_count(w.requests_per_month()),
        format_count(w.input_tokens_per_request),
        format_count(w.output_tokens_per_request),
        format_percent(w.cached_input_share),
        format_percent(w.batch_share),
        crossover_pricing::words::day_line(w),
    )
    .unwrap();

    writeln!(out, "\nAPIs at {volume} tokens a month").unwrap();
    for api in &c.apis {
        let price = match &api.pricing {
            ApiPricing::Priced(rate) => format!(
                "{:>9}/month  {:>8} per 1M tokens{}",
                format_usd_whole(rate.monthly_cost(c.tokens_per_month())),
                format_usd(rate.usd_per_mtok),
                if rate.long_context {
                    "  (long-context tier)"
                } else {
                    ""
                }
            ),
            other => other.reason().unwrap_or_default(),
        };
        let change = api
            .next_change
            .map(|d| format!("  (price changes on {d})"))
            .unwrap_or_default();
        writeln!(out, "  {:<36} {price}{change}", api.offering.label()).unwrap();
        for note in words::offering_notes(&api.offering, api.pricing.rate(), c.date) {
            writeln!(out, "    {note}").unwrap();
        }
    }

    writeln!(out, "\nSelf-hosting at {volume} tokens a month").unwrap();
    for (i, option) in c.deployments.iter().enumerate() {
        // An unmet one is the plan's own error, below.
        if let (Ok(_), Some(line)) = (&option.plan, words::service_level_line(c, i, money)) {
            writeln!(out, "  {line}").unwrap();
        }
        match (&option.plan, &option.quote) {
            (Ok(plan), Some(q)) => {
                writeln!(out, "  {}", plan.label()).unwrap();
                writeln!(
                    out,
                    "    {}; {} at once: {}",
                    words::capacity(plan),
                    plan.sequences_in_flight,
                    words::service_seen(plan)
                )
                .unwrap();
                if let Some(doubt) = words::service_level_doubt(plan, w, money) {
                    writeln!(out, "    {doubt}").unwrap();
                }
                writeln!(
                    out,
                    "    {} replica(s), {} GPUs, {} of paid GPU time used",
                    q.replicas,
                    q.gpus,
                    format_percent(q.utilisation)
                )
                .unwrap();
                let parts: Vec<String> = q
                    .cost_parts()
                    .into_iter()
                    .map(|(name, usd)| format!("{name} {}", format_usd_whole(usd)))
                    .collect();
                writeln!(
                    out,
                    "    {}/month ({}); {} per 1M tokens",
                    format_usd_whole(q.monthly_usd),
                    parts.join(" + "),
                    format_usd(q.usd_per_mtok)
                )
                .unwrap();
            }
            (Err(error), _) => {
                writeln!(out, "  {}: {error}", option.deployment.label()).unwrap();
            }
            _ => {}
        }
    }

    writeln!(out, "\nBreak-even").unwrap();
    if c.pairs.is_empty() {
        writeln!(out, "  (no priced API and buildable deployment to compare)").unwrap();
    }
    for pair in &c.pairs {
        let api = &c.apis[pair.api];
        let Ok(plan) = &c.deployments[pair.deployment].plan else {
            continue;
        };
        writeln!(out, "  {} vs {}", short_label(plan), api.offering.label()).unwrap();
        writeln!(out, "    {}", words::pair_sentence(c, pair, money)).unwrap();
        if let Some(hybrid) =
            Hybrid::for_pair(c, pair).and_then(|mix| words::hybrid_sentence(c, pair, &mix, money))
        {
            writeln!(out, "    {hybrid}").unwrap();
        }
        let intervals = &pair.break_even.intervals;
        if !intervals.is_empty() {
            let shown: Vec<String> = intervals
                .iter()
                .take(6)
                .map(|i| {
                    format!(
                        "({}, {}]",
                        format_count(i.from_tokens_per_month),
                        format_count(i.to_tokens_per_month)
                    )
                })
                .collect();
            let more = if intervals.len() > 6 {
                format!(" and {} more", intervals.len() - 6)
            } else {
                String::new()
            };
            writeln!(
                out,
                "    self-hosting cheaper at volumes {}{more}",
                shown.join(" ∪ ")
            )
            .unwrap();
        }
        let at = &pair.at_volume;
        if let (Some(price), Some(util)) = (at.breakeven_usd_per_gpu_hour, at.breakeven_utilisation)
        {
            writeln!(
                out,
                "    at {volume}: equal if a GPU-hour cost {} (now {}), or the GPUs were {} busy (now {})",
                format_usd(price),
                format_usd(at.current_usd_per_gpu_hour),
                format_percent(util),
                format_percent(at.current_utilisation)
            )
            .unwrap();
        } else {
            writeln!(
                out,
                "    at {volume}: operations alone cost more than the API"
            )
            .unwrap();
        }
    }
    out
}

fn list_catalogue(what: &str, json: bool, date: Date) -> Result<String, String> {
    let wanted = |name: &str| what == "all" || what == name;
    if ![
        "all",
        "apis",
        "models",
        "gpus",
        "engines",
        "calibration",
        "defaults",
        "fields",
    ]
    .contains(&what)
    {
        return Err(format!(
            "--list takes apis, models, gpus, engines, calibration, defaults or fields, not {what}"
        ));
    }
    if json {
        let mut value = serde_json::Map::new();
        let mut put = |name: &str, v: serde_json::Result<serde_json::Value>| {
            if wanted(name) {
                value.insert(name.to_string(), v.unwrap_or(serde_json::Value::Null));
            }
        };
        put("apis", serde_json::to_value(APIS));
        put("models", serde_json::to_value(MODELS));
        put("gpus", serde_json::to_value(GPUS));
        put("engines", serde_json::to_value(ENGINES));
        put("calibration", serde_json::to_value(calibration_results()));
        put("defaults", serde_json::to_value(&catalogue::DEFAULTS));
        put("fields", serde_json::to_value(FIELDS));
        return serde_json::to_string_pretty(&value)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    if wanted("apis") {
        let current = APIS.iter().filter(|a| !a.retired);
        let typed = current
            .clone()
            .filter(|a| a.origin == PriceOrigin::Hand)
            .count();
        writeln!(
            out,
            "API offerings, {} current ({} from genai-prices {GENAI_PRICES_VERSION}, {typed} typed in from providers' pages) and {} retired; {}; USD per 1M tokens: input / cached input / output",
            current.clone().count(),
            current.count() - typed,
            APIS.iter().filter(|a| a.retired).count(),
            words::prices_as_of(date),
        )
        .unwrap();
        for a in APIS {
            let list = a.list_prices(date, 0.0);
            let p = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v}"));
            let origin = match a.origin {
                PriceOrigin::GenaiPrices => format!("genai-prices {GENAI_PRICES_VERSION}"),
                PriceOrigin::Hand => format!("read {}", a.as_of),
            };
            writeln!(
                out,
                "  {:<34} {:<44} {:>6} / {:>6} / {:>6}  {origin}{}  {}",
                a.id,
                a.label(),
                p(list.input),
                p(list.cached_input),
                p(list.output),
                if a.retired { "  (retired)" } else { "" },
                a.source
            )
            .unwrap();
        }
    }
    if wanted("models") {
        writeln!(
            out,
            "Open models (total / active parameters, licence and tier, openness, Hugging Face)"
        )
        .unwrap();
        for m in MODELS {
            let tier = m.licence_tier().label();
            writeln!(
                out,
                "  {:<24} {:<28} {:>6}B / {:>5}B  {} [{tier}; {}]{}  {}",
                m.id,
                m.name,
                m.total_params_b,
                m.active_params_b,
                m.licence,
                m.openness.label(),
                if m.commercial_restriction.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", m.commercial_restriction)
                },
                m.hf_url(),
            )
            .unwrap();
        }
    }
    if wanted("gpus") {
        writeln!(
            out,
            "GPUs (memory, bandwidth, rent low / typical / high per hour, purchase)"
        )
        .unwrap();
        for g in GPUS {
            let rent = g.rent_usd_per_gpu_hour.map_or_else(
                || "not rented out".to_string(),
                |r| format!("${} / ${} / ${}", r.low, r.typical, r.high),
            );
            writeln!(
                out,
                "  {:<14} {:<26} {:>4} GB {:>5} TB/s  {rent}  {}",
                g.id,
                g.name,
                g.memory_gb,
                g.memory_bandwidth_tb_s,
                format_usd_whole(g.purchase_usd_per_gpu)
            )
            .unwrap();
        }
    }
    if wanted("engines") {
        writeln!(out, "Serving engines").unwrap();
        for e in ENGINES {
            writeln!(
                out,
                "  {:<14} {:<18} {:?}, {} sequences in flight",
                e.id, e.name, e.kind, e.concurrency
            )
            .unwrap();
        }
    }
    if wanted("calibration") {
        writeln!(
            out,
            "Calibration (output tokens/s per GPU: published, estimated); median error {}, published/estimate {:.2}–{:.2}",
            format_percent(median_absolute_error()),
            error_range().low,
            error_range().high
        )
        .unwrap();
        for r in calibration_results() {
            let rec = r.record;
            writeln!(
                out,
                "  {:<22} {:>2}x {:<13} {:<5} {:<13} {:>8.0} {:>8.0} {:>+5.0}%",
                rec.model,
                rec.gpu_count,
                rec.gpu,
                rec.precision.id(),
                rec.engine,
                rec.output_tokens_per_second_per_gpu,
                r.estimated_output_tokens_per_second_per_gpu,
                r.relative_error() * 100.0
            )
            .unwrap();
        }
    }
    if wanted("defaults") {
        writeln!(out, "Defaults (data/assumptions.toml)").unwrap();
        let defaults = serde_json::to_value(&catalogue::DEFAULTS).map_err(|e| e.to_string())?;
        for (name, entry) in defaults.as_object().into_iter().flatten() {
            if let (Some(value), Some(source)) = (entry.get("value"), entry.get("source")) {
                let source = source.as_str().unwrap_or_default();
                writeln!(out, "  {name:<28} {value:<8} {source}").unwrap();
            }
        }
    }
    if wanted("fields") {
        writeln!(
            out,
            "Quantities a scenario can set (share-link keys, docs/share-links.md)"
        )
        .unwrap();
        for spec in FIELDS {
            let key = match spec.place.scope() {
                Scope::Workload => spec.key.to_string(),
                Scope::Deployment => format!("dN.{}", spec.key),
                Scope::Custom => format!("cN.{}", spec.key),
            };
            writeln!(
                out,
                "  {key:<12} {:<36} {} … {} {}",
                spec.name,
                spec.format_value(spec.min),
                spec.format_value(spec.max),
                spec.unit
            )
            .unwrap();
        }
    }
    Ok(out)
}
