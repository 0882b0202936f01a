//! The sentences both front ends show, written in one place from the
//! numbers [`crate::compare()`] returns, in the reader's currency.

use crate::Field;
use crate::api::ApiRate;
use crate::breakeven::Payback;
use crate::catalogue::PriceOrigin;
use crate::compare::{Comparison, Offering, Pair, short_label};
use crate::date::Date;
use crate::selfhost::cost::SelfHostPlan;
use crate::units::{
    format_count, format_fixed, format_percent, format_significant, format_trimmed,
};
use crate::view::{Money, format_money, format_money_whole};
use crate::workload::Workload;

/// "prices as of 2026-12-05", and, once the price data is old on that day,
/// that prices may have changed since it was written.
pub fn prices_as_of(date: Date) -> String {
    match crate::catalogue::price_data_age(date) {
        Some(written) => format!(
            "prices as of {date} (price data written on {written}; prices may have changed since)"
        ),
        None => format!("prices as of {date}"),
    }
}

/// What the reader should know about an offering's prices beyond their
/// figures: a note on what it serves, prices by the hour, a price typed in
/// from a page that was read long before the day priced on.
pub fn offering_notes(offering: &Offering, rate: Option<&ApiRate>, date: Date) -> Vec<String> {
    let offering = match offering {
        Offering::Catalogue(o) => o,
        Offering::Custom(c) => {
            let cached = c.prices.get(Field::CustomCachedInput);
            return match cached {
                None => vec!["no cached input price: cached tokens pay your input price".to_string()],
                Some(_) if cached > c.prices.get(Field::CustomInput) => vec![
                    "your cached input price is above your input price: a cached token costs more, as typed".to_string(),
                ],
                Some(_) => Vec::new(),
            };
        }
    };
    let mut notes: Vec<String> = offering.reader_note.iter().map(|n| n.to_string()).collect();
    if let Some(by_hour) = rate.and_then(|r| r.by_hour) {
        let which = if by_hour.dearer {
            "peak-hour"
        } else {
            "off-peak"
        };
        let mut note = format!(
            "{} of your tokens at its {which} prices (your service hours, time zone and weekdays against its hours)",
            format_percent(by_hour.share)
        );
        if by_hour.batch_waits {
            note.push_str("; the batch share waits for the cheapest hours");
        }
        notes.push(note);
    }
    if offering.origin == PriceOrigin::Hand
        && let Some(seen) = Date::parse(offering.as_of)
        && seen.days_until(date) as f64 > crate::catalogue::DEFAULTS.stale_price_data_days.value
    {
        notes.push(format!(
            "{}'s prices as last seen on {seen}: they may have changed since",
            offering.provider
        ));
    }
    notes
}

/// One sentence on a pair: where self-hosting is cheaper, and what it saves
/// or costs at the reader's volume.
pub fn pair_sentence(c: &Comparison, pair: &Pair, money: &Money) -> String {
    let offering = &c.apis[pair.api].offering;
    // compare() pairs only priced APIs with planned deployments.
    let (Ok(plan), Some(rate)) = (
        &c.deployments[pair.deployment].plan,
        c.apis[pair.api].pricing.rate(),
    ) else {
        return String::new();
    };
    let api_usd_per_mtok = rate.usd_per_mtok;
    let who = format!("Self-hosting {}", short_label(plan));
    let api = offering.label();
    let mut sentence = pair_verdict(plan, pair, &who, &api, api_usd_per_mtok, money);
    if let Some(speed) = pair.fastest_cheaper_speed {
        sentence.push_str(&format!(
            " At your {} it stays cheaper with each user served at up to {} output tokens/s.",
            format_count(pair.at_volume.tokens_per_month),
            format_count(speed)
        ));
    }
    match pair.at_volume.payback {
        None => sentence,
        Some(Payback::Month(1)) => {
            format!("{sentence} Bought, it pays for itself within its first month against {api}.")
        }
        Some(Payback::Month(m)) if f64::from(m) > plan.life_months => format!(
            "{sentence} Bought, it would take {m} months to pay for itself against {api}, longer than the hardware's {} years.",
            format_trimmed(plan.life_months / 12.0, 1)
        ),
        Some(Payback::Month(m)) => {
            format!("{sentence} Bought, it pays for itself in {m} months against {api}.")
        }
        Some(Payback::Never) => format!(
            "{sentence} Bought, it never pays for itself against {api} at your volume: its running costs alone reach the API's."
        ),
    }
}

fn pair_verdict(
    plan: &SelfHostPlan,
    pair: &Pair,
    who: &str,
    api: &str,
    api_usd_per_mtok: f64,
    money: &Money,
) -> String {
    let break_even = &pair.break_even;
    let (pessimistic, optimistic) = (pair.pessimistic_cheaper_from, pair.optimistic_cheaper_from);
    let at = &pair.at_volume;
    let at_yours = if at.savings_usd >= 0.0 {
        format!(
            "at your {} it saves {} a month ({})",
            format_count(at.tokens_per_month),
            format_money(at.savings_usd, money),
            format_percent(at.savings_share)
        )
    } else {
        format!(
            "at your {} it costs {} a month more ({} above the API)",
            format_count(at.tokens_per_month),
            format_money(-at.savings_usd, money),
            format_percent(-at.savings_share)
        )
    };
    match (
        break_even.cheaper_from_tokens_per_month,
        break_even.first_crossing(),
    ) {
        (Some(from), first) => {
            let range = match (optimistic, pessimistic) {
                _ if plan.measured => String::new(),
                (Some(lo), Some(hi)) if (hi - lo).abs() > 0.01 * from => {
                    format!(
                        " ({}–{} given the throughput estimate's range)",
                        format_count(lo),
                        format_count(hi)
                    )
                }
                (Some(lo), None) => format!(
                    " ({} or more given the throughput estimate's range)",
                    format_count(lo)
                ),
                _ => String::new(),
            };
            let earlier = match first {
                Some(first) if first < from => {
                    format!(", and in parts of the range from {}", format_count(first))
                }
                _ => String::new(),
            };
            format!(
                "{who} costs less than {api} from {} tokens a month{range}{earlier}; {at_yours}.",
                format_count(from)
            )
        }
        (None, Some(first)) => format!(
            "{who} costs less than {api} only at some volumes, from {}; {at_yours}.",
            format_count(first)
        ),
        (None, None) => {
            let full_load = (plan.replica_usd_per_month() / plan.tokens_per_replica()
                + plan.working_energy_usd_per_token())
                * 1e6;
            if full_load < api_usd_per_mtok {
                return format!(
                    "{who} costs less than {api} only beyond {} tokens a month, the largest volume considered; {at_yours}.",
                    format_count(crate::workload::MAX_TOKENS_PER_MONTH)
                );
            }
            format!(
                "{who} never costs less than {api}: even with replicas at {} of capacity in the busiest hour it works out at {} per 1M tokens against the API's {}; {at_yours}.",
                format_percent(plan.target_utilisation),
                format_money(full_load, money),
                format_money(api_usd_per_mtok, money)
            )
        }
    }
}

/// One short line on a pair for the headline: "vs GPT-5.4 mini:
/// self-hosting cheaper from 4.64B tokens a month; at your 3B, it costs $2.77k more".
/// The deployment is named when there are several. [`pair_sentence`] has
/// the ranges, the inverse questions and the payback.
pub fn pair_line(c: &Comparison, pair: &Pair, money: &Money) -> String {
    let Ok(plan) = &c.deployments[pair.deployment].plan else {
        return String::new();
    };
    let api = c.apis[pair.api].offering.label();
    let who = if c.deployments.len() > 1 {
        format!("{} vs {api}", short_label(plan))
    } else {
        format!("vs {api}")
    };
    let verdict = match (
        pair.break_even.cheaper_from_tokens_per_month,
        pair.break_even.first_crossing(),
    ) {
        (Some(from), _) => format!(
            "self-hosting cheaper from {} tokens a month",
            format_count(from)
        ),
        (None, Some(first)) => format!(
            "self-hosting cheaper only at some volumes, from {}",
            format_count(first)
        ),
        (None, None) => "self-hosting never cheaper".to_string(),
    };
    let at = &pair.at_volume;
    let difference = if at.savings_usd >= 0.0 {
        format!("{} less", format_money(at.savings_usd, money))
    } else {
        format!("{} more", format_money(-at.savings_usd, money))
    };
    format!(
        "{who}: {verdict}; at your {}, it costs {difference}",
        format_count(at.tokens_per_month)
    )
}

/// The headline's line for a mix cheaper than either choice alone: "Mixed:
/// 1 replica of Llama 3.3 70B Instruct (FP8, 2× H100 SXM) for the base
/// load, GPT-5.4 mini for the peaks: $7.97k a month, 34% less than either
/// alone".
pub fn mix_line(c: &Comparison, m: &crate::hybrid::CheaperMix, money: &Money) -> String {
    let pair = &c.pairs[m.pair];
    let Ok(plan) = &c.deployments[pair.deployment].plan else {
        return String::new();
    };
    format!(
        "Mixed: {} {} of {} for the base load, {} for the peaks: {} a month, {} less than either alone",
        format_count(m.quote.replicas),
        if m.quote.replicas == 1.0 {
            "replica"
        } else {
            "replicas"
        },
        short_label(plan),
        c.apis[pair.api].offering.label(),
        format_money(m.quote.monthly_usd, money),
        format_percent(1.0 - m.quote.monthly_usd / m.alone_usd),
    )
}

/// A mix's name, as its chart line and its columns are labelled: "Mixed:
/// Llama 3.3 70B Instruct (FP8, 2× H100 SXM) + GPT-5.4 mini".
pub fn mix_name(c: &Comparison, m: &crate::hybrid::CheaperMix) -> String {
    let pair = &c.pairs[m.pair];
    let plan = c.deployments[pair.deployment].plan.as_ref().ok();
    format!(
        "Mixed: {} + {}",
        plan.map(short_label).unwrap_or_default(),
        c.apis[pair.api].offering.label()
    )
}

/// Where a mix's month goes: "the replicas $7,834 for 99% of the tokens ·
/// GPT-5.4 mini $141 for 0.83%".
pub fn mix_parts_line(c: &Comparison, m: &crate::hybrid::CheaperMix, money: &Money) -> String {
    let q = &m.quote;
    format!(
        "the replicas {} for {} of the tokens · {} {} for {}",
        format_money_whole(q.self_hosted_usd, money),
        format_percent(q.self_hosted_share()),
        c.apis[c.pairs[m.pair].api].offering.label(),
        format_money_whole(q.api_usd, money),
        format_percent(1.0 - q.self_hosted_share()),
    )
}

/// What mixing the pair costs at the reader's volume: own replicas for
/// the base load, the API for the rest ([`crate::hybrid`]). "Mixed: 3
/// replicas of Llama 3.3 70B (FP8, 2× H100) for the base load, GPT-5.4 mini
/// for the rest: $11.7k a month, 22% less than self-hosting alone ($15k),
/// the cheaper of the two alone; the replicas carry 91% of the tokens. A mix costs less
/// than GPT-5.4 mini alone from 1.2B tokens a month."
pub fn hybrid_sentence(
    c: &Comparison,
    pair: &Pair,
    mix: &crate::hybrid::Hybrid,
    money: &Money,
) -> Option<String> {
    let hybrid = mix.cheapest(c.tokens_per_month());
    let Ok(plan) = &c.deployments[pair.deployment].plan else {
        return None;
    };
    let api = c.apis[pair.api].offering.label();
    let api_usd = c.apis[pair.api].monthly_usd?;
    let alone_usd = c.deployments[pair.deployment].quote?.monthly_usd;
    let from = match mix.cheaper_than_api_from() {
        Some(from) if from <= crate::workload::MIN_TOKENS_PER_MONTH => {
            format!(
                " Your own replicas, alone or with {api}, cost less than {api} alone at any volume."
            )
        }
        Some(from) => format!(
            " Your own replicas, alone or with {api}, cost less than {api} alone from {} tokens a month.",
            format_count(from)
        ),
        None => {
            format!(" No mix with your own replicas costs less than {api} alone at any volume.")
        }
    };
    let replicas = hybrid.replicas;
    let alone_replicas = c.deployments[pair.deployment].quote?.replicas;
    let verdict = if replicas == 0.0 {
        format!(
            "Mixed: at your volume no replica earns its keep beside {api}, so the API alone is the cheapest mix."
        )
    } else if replicas >= alone_replicas && hybrid.monthly_usd >= alone_usd * (1.0 - 1e-9) {
        "Mixed: at your volume self-hosting alone is the cheapest mix; no token is worth sending to the API.".to_string()
    } else {
        let (cheaper, cheaper_usd) = if api_usd <= alone_usd {
            (format!("{api} alone"), api_usd)
        } else {
            ("self-hosting alone".to_string(), alone_usd)
        };
        format!(
            "Mixed: {} {} of {} for the base load, {api} for the rest: {} a month, {} less than {cheaper} ({}), the cheaper of the two alone; the replicas carry {} of the tokens.",
            format_count(replicas),
            if replicas == 1.0 {
                "replica"
            } else {
                "replicas"
            },
            short_label(plan),
            format_money(hybrid.monthly_usd, money),
            format_percent(1.0 - hybrid.monthly_usd / cheaper_usd),
            format_money(cheaper_usd, money),
            format_percent(hybrid.self_hosted_share()),
        )
    };
    Some(verdict + &from)
}

/// "What moves the answer" for a pair, a line per input, widest swing
/// first: "GPU price per hour, $1.99 → $11.1 (now $2.9): self-hosting
/// costs $11.5k a month less than Claude Sonnet 4.6 → $1.75k more; cheaper
/// from 1.09B tokens a month → never; self-hosting stops being cheaper at
/// $9.86".
pub fn tornado_lines(t: &crate::sensitivity::Tornado, api: &str, money: &Money) -> Vec<String> {
    use crate::sensitivity::Input;
    let saving = |usd: f64| {
        if usd >= 0.0 {
            format!("{} less", format_money(usd, money))
        } else {
            format!("{} more", format_money(-usd, money))
        }
    };
    let from = |v: Option<f64>| {
        v.map_or("never".to_string(), |v| {
            format!("{} tokens a month", format_count(v))
        })
    };
    let mut lines = vec![format!(
        "At {} tokens a month, self-hosting costs {} a month than {api} ({}); each input moved on its own:",
        format_count(t.tokens_per_month),
        saving(t.saving_usd),
        t.break_even
            .map_or("never cheaper".to_string(), |v| format!(
                "cheaper from {} tokens a month",
                format_count(v)
            ))
    )];
    for bar in &t.bars {
        let shown = |v: f64| bar_value(bar, v, money);
        let range = if bar.input == Input::NextApiPrice {
            format!("{} today → {} next", shown(bar.low), shown(bar.high))
        } else {
            format!(
                "{} → {} (now {})",
                shown(bar.low),
                shown(bar.high),
                shown(bar.value)
            )
        };
        let flips = bar.flips_at.map_or(String::new(), |v| {
            let which = if t.saving_usd >= 0.0 {
                "stops being"
            } else {
                "becomes"
            };
            format!("; self-hosting {which} cheaper at {}", shown(v))
        });
        lines.push(format!(
            "{}, {range}: self-hosting costs {} a month than {api} → {}; cheaper from {} → {}{flips}",
            bar.input.name(),
            saving(bar.saving_at_low_usd),
            saving(bar.saving_at_high_usd),
            from(bar.break_even_at_low),
            from(bar.break_even_at_high),
        ));
    }
    lines
}

/// One of a bar's values in its input's unit: "$2.9", "2.45k output tokens/s".
fn bar_value(bar: &crate::sensitivity::Bar, v: f64, money: &Money) -> String {
    use crate::sensitivity::Input;
    match (bar.input, bar.input.field()) {
        (Input::Throughput, _) => format!("{} output tokens/s", format_count(v)),
        (Input::NextApiPrice, _) => format!("{} per 1M tokens", format_money(v, money)),
        // A price (a GPU-hour, an engineer's month, a kWh) in the reader's currency.
        (_, Some(field)) if field.spec().unit.starts_with("USD") => format_money(v, money),
        (_, Some(field)) => field.spec().format_value(v),
        (_, None) => format_count(v),
    }
}

/// A tornado bar's range in a few words, for beside it on the chart:
/// "$1.99 → $11.1, flips at $9.86"; throughput's unit said once.
pub fn bar_label(bar: &crate::sensitivity::Bar, money: &Money) -> String {
    let range = if bar.input == crate::sensitivity::Input::Throughput {
        format!(
            "{} → {} output tokens/s",
            format_count(bar.low),
            format_count(bar.high)
        )
    } else {
        format!(
            "{} → {}",
            bar_value(bar, bar.low, money),
            bar_value(bar, bar.high, money)
        )
    };
    match bar.flips_at {
        Some(v) => format!("{range}, flips at {}", bar_value(bar, v, money)),
        None => range,
    }
}

/// Where a bar leaves the saving at the reader's volume where it is (a
/// staircase of whole replicas), how it moves the break-even instead:
/// "cheaper from 12.2B → 4.64B".
pub fn bar_break_even_note(bar: &crate::sensitivity::Bar) -> Option<String> {
    let count = |v: Option<f64>| v.map_or("never".to_string(), format_count);
    (bar.swing_usd() < 0.5 && bar.break_even_at_low != bar.break_even_at_high).then(|| {
        format!(
            "cheaper from {} → {}",
            count(bar.break_even_at_low),
            count(bar.break_even_at_high)
        )
    })
}

/// What a service level costs a deployment, for the headline: "At 50
/// output tokens/s per user: Llama 3.3 70B Instruct (FP8, 2× H100 SXM)
/// serves 20 at once (128 without), 1 replica (1 without), no more a month
/// at your 3B; vs GPT-5.4 mini, cheaper from 12.2B (4.64B without)"; or,
/// where it cannot be met, why and what is possible. `None` without a
/// service level.
pub fn service_level_line(c: &Comparison, deployment: usize, money: &Money) -> Option<String> {
    use crate::selfhost::PlanError;
    use crate::selfhost::memory::FitError;
    let w = &c.workload;
    if w.min_user_output_tokens_per_second <= 0.0 && w.max_time_to_first_token_seconds <= 0.0 {
        return None;
    }
    let option = &c.deployments[deployment];
    let plan = match &option.plan {
        Ok(plan) => plan,
        Err(
            e @ PlanError::Fit {
                error: FitError::TooSlow { .. } | FitError::FirstTokenTooLate { .. },
            },
        ) => return Some(format!("{}: {e}", option.deployment.label())),
        Err(_) => return None,
    };
    let without = &plan.without_service_level();
    let who = short_label(plan);
    let mut asked = Vec::new();
    if w.min_user_output_tokens_per_second > 0.0 {
        asked.push(format!(
            "{} output tokens/s per user",
            format_trimmed(w.min_user_output_tokens_per_second, 1)
        ));
    }
    if w.max_time_to_first_token_seconds > 0.0 {
        asked.push(format!(
            "first token within {} s",
            format_significant(w.max_time_to_first_token_seconds, 2)
        ));
    }
    let volume = w.tokens_per_month;
    let (with, alone) = (plan.quote(volume), without.quote(volume));
    let replicas = |n: f64| format!("{n} replica{}", if n == 1.0 { "" } else { "s" });
    let extra = with.monthly_usd - alone.monthly_usd;
    let cost = if extra > 0.5 {
        format!("{} more a month", format_money(extra, money))
    } else {
        "no more a month".to_string()
    };
    let mut line = format!(
        "At {}: {who} serves {} at once ({} without), {} ({} without), {cost} at your {}",
        asked.join(" and "),
        plan.sequences_in_flight,
        without.sequences_in_flight,
        replicas(with.replicas),
        alone.replicas,
        format_count(volume)
    );
    if let Some((api, rate)) = c.priced_apis().next() {
        let from = |p: &SelfHostPlan| {
            crate::breakeven::break_even(rate, p)
                .cheaper_from_tokens_per_month
                .map_or("never".to_string(), format_count)
        };
        line.push_str(&format!(
            "; vs {}, cheaper from {} ({} without)",
            api.offering.label(),
            from(plan),
            from(without)
        ));
    }
    Some(line)
}

/// Where a self-hosting option's month goes, each part with its share:
/// "GPU rental $4,234 (54%) · operations $3,600 (46%)".
pub fn cost_parts_line(q: &crate::selfhost::cost::SelfHostQuote, money: &Money) -> String {
    q.cost_parts()
        .into_iter()
        .map(|(name, usd)| {
            format!(
                "{name} {} ({})",
                format_money_whole(usd, money),
                format_percent(usd / q.monthly_usd)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A plan's capacity in output tokens a second, the unit a benchmark (and
/// the measured-throughput field) gives, with the total beside it: "2.45k
/// output tokens/s per replica, estimated (1.85k–3.6k); 9.78k with prompts".
pub fn capacity(plan: &SelfHostPlan) -> String {
    let full = &plan.full_throughput;
    let output_share = full.output_tokens_per_second / full.total_tokens_per_second;
    let output = |total: f64| format_count(total * output_share);
    let with_prompts = format_count(plan.capacity_tokens_per_second);
    if plan.measured {
        format!(
            "{} output tokens/s per replica (measured); {with_prompts} with prompts",
            output(plan.capacity_tokens_per_second)
        )
    } else {
        format!(
            "{} output tokens/s per replica, estimated ({}–{}); {with_prompts} with prompts",
            output(plan.capacity_tokens_per_second),
            output(plan.capacity_low_tokens_per_second),
            output(plan.capacity_high_tokens_per_second)
        )
    }
}

/// What each user sees with every sequence slot taken, as at the busiest
/// hour: generation speed and the wait for the first token, each with the
/// range the latency records give it (docs/cost-model.md section 8).
pub fn service_seen(plan: &SelfHostPlan) -> String {
    let band = crate::selfhost::calibration::latency_band();
    let range = |(low, high): (f64, f64)| {
        format!(
            "{}–{}",
            format_significant(low, 2),
            format_significant(high, 2)
        )
    };
    let speed = plan.throughput.output_tokens_per_second_per_user;
    let first = plan.throughput.time_to_first_token_seconds;
    format!(
        "about {} output tokens/s per user ({}), first token in about {} s ({})",
        format_count(speed),
        range(band.speed.around(speed)),
        format_count(first),
        range(band.first_token.around(first)),
    )
}

/// `value` to as few significant digits (two to four) as tell it from the
/// `target` it reaches past: "0.501 s" beside a 0.5 s target, not "0.5 s".
fn format_past(value: f64, target: f64) -> String {
    (2..5)
        .map(|digits| format_significant(value, digits))
        .find(|shown| *shown != format_significant(target, 4))
        .unwrap_or_else(|| format_significant(value, 4))
}

/// Where a service-level target lies inside the latency estimate's range:
/// which end reaches past it, and what meeting it at that end costs at
/// the workload's volume; `None` when the plan is sure of it.
pub fn service_level_doubt(
    plan: &SelfHostPlan,
    workload: &crate::workload::Workload,
    money: &Money,
) -> Option<String> {
    let tokens_per_month = workload.tokens_per_month;
    let sure = plan.sure.as_ref()?;
    let band = crate::selfhost::calibration::latency_band();
    let t = &plan.throughput;
    let mut reaches = Vec::new();
    let slowest = t.output_tokens_per_second_per_user * band.speed.low;
    if slowest < workload.min_user_output_tokens_per_second {
        reaches.push(format!(
            "{} output tokens/s per user",
            format_past(slowest, workload.min_user_output_tokens_per_second)
        ));
    }
    let latest = t.time_to_first_token_seconds * band.first_token.high;
    if workload.max_time_to_first_token_seconds > 0.0
        && latest > workload.max_time_to_first_token_seconds
    {
        reaches.push(format!(
            "a first token after {} s",
            format_past(latest, workload.max_time_to_first_token_seconds)
        ));
    }
    let mut text = format!(
        "may miss the service level: its range reaches {}",
        reaches.join(" and ")
    );
    match (sure, plan.sure_plan()) {
        (Ok(level), Some(sure_plan)) => {
            let extra =
                sure_plan.monthly_cost(tokens_per_month) - plan.monthly_cost(tokens_per_month);
            text.push_str(&format!(
                "; sure with {} at once: {} a month at your volume{}",
                level.sequences_in_flight,
                format_money(sure_plan.monthly_cost(tokens_per_month), money),
                if extra > 0.0 {
                    format!(" ({} more)", format_money(extra, money))
                } else {
                    ", no more".to_string()
                }
            ));
        }
        _ => text.push_str("; no batch meets it at that end"),
    }
    Some(text)
}

/// A plan in one line: its replica, capacity, speed per user and price.
/// The day's load in a few words: "busiest hour 2x the average, 24 h a
/// day", or the profile's name first ("business hours: busiest hour 2.29x
/// the average, 24 h a day").
pub fn day_line(w: &Workload) -> String {
    let shape = format!(
        "busiest hour {}x the average, {} h a day",
        format_trimmed(w.busiest_hour_factor(), 2),
        format_trimmed(w.service_hours(), 2)
    );
    match &w.day_profile {
        None => shape,
        Some(day) => format!(
            "{}: {shape}",
            day.preset()
                .map_or("traffic by hour as you set it", |p| p.name())
        ),
    }
}

pub fn plan_summary(plan: &SelfHostPlan, money: &Money) -> String {
    let energy = plan.working_energy_usd_per_token();
    let work = if energy > 0.0 {
        format!(
            ", plus {} per 1M tokens for the electricity of the work",
            format_money(energy * 1e6, money)
        )
    } else {
        String::new()
    };
    format!(
        "{}× {} per replica ({} of {} GB for weights and KV cache) · {} · {} users at once: {} · {} per replica-month{work}",
        plan.gpus_per_replica(),
        plan.gpu.short_name,
        format_fixed(plan.memory.weights_gb + plan.memory.kv_cache_gb, 0),
        format_fixed(plan.memory.memory_gb, 0),
        capacity(plan),
        plan.sequences_in_flight,
        service_seen(plan),
        format_money(plan.replica_usd_per_month(), money),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Scenario, compare};

    /// Your own offering's cached price above its input price is kept as
    /// typed, and said; left blank, what it means is said; at or below the
    /// input price, nothing is.
    #[test]
    fn a_cached_price_above_the_input_price_is_said() {
        let notes = |link: &str| {
            let s = crate::link::decode(link).unwrap().scenario;
            let c = compare(&s).unwrap();
            let a = c.apis.last().unwrap();
            offering_notes(&a.offering, a.pricing.rate(), c.date)
        };
        assert_eq!(
            notes("v=1&c1=Mine&c1.in=1&c1.out=2&c1.cached=5"),
            [
                "your cached input price is above your input price: a cached token costs more, as typed"
            ]
        );
        for fine in ["c1.cached=1", "c1.cached=0.1"] {
            assert!(
                notes(&format!("v=1&c1=Mine&c1.in=1&c1.out=2&{fine}")).is_empty(),
                "{fine}"
            );
        }
        assert_eq!(
            notes("v=1&c1=Mine&c1.in=1&c1.out=2"),
            ["no cached input price: cached tokens pay your input price"]
        );
    }

    #[test]
    fn a_short_line_per_pair_and_the_deployment_named_when_there_are_several() {
        let mut scenario = Scenario::default();
        scenario.workload.tokens_per_month = 3e9;
        let c = compare(&scenario).unwrap();
        let lines: Vec<String> = c
            .pairs
            .iter()
            .map(|p| pair_line(&c, p, &Money::usd()))
            .collect();
        assert_eq!(
            lines,
            [
                "vs GPT-5.4 mini: self-hosting cheaper from 4.64B tokens a month; at your 3B, it costs $2.77k more",
                "vs Claude Sonnet 4.6: self-hosting cheaper from 1.31B tokens a month; at your 3B, it costs $10.2k less",
                "vs Llama 3.3 70B Instruct on DeepInfra: self-hosting never cheaper; at your 3B, it costs $7.02k more",
            ]
        );
        scenario.deployments.push(scenario.deployments[0].clone());
        let c = compare(&scenario).unwrap();
        assert!(
            pair_line(&c, &c.pairs[0], &Money::usd())
                .starts_with("Llama 3.3 70B Instruct (FP8, 2× H100 SXM) vs GPT-5.4 mini: ")
        );
    }

    #[test]
    fn a_value_past_its_target_never_reads_as_the_target() {
        assert_eq!(format_past(0.5009, 0.5), "0.501");
        assert_eq!(format_past(19.96, 20.0), "19.96");
        assert_eq!(format_past(0.78, 0.5), "0.78");
        assert_eq!(format_past(10.4, 20.0), "10");
    }

    #[test]
    fn a_tornado_bar_says_its_range_its_flip_or_how_the_break_even_moves() {
        let mut s = crate::Scenario::default();
        s.workload.tokens_per_month = 3e9;
        let usd = Money::usd();
        let t = crate::sensitivity::tornado(&s, 1, 0).unwrap();
        let gpu = &t.bars[0];
        assert_eq!(bar_label(gpu, &usd), "$1.99 → $11.1, flips at $9.86");
        let half = Money {
            code: "XXX".into(),
            symbol: "X".into(),
            per_usd: 0.5,
            catalogue_rate: false,
        };
        assert_eq!(bar_label(gpu, &half), "X1 → X5.53, flips at X4.93");
        assert_eq!(bar_break_even_note(gpu), None);
        let t = crate::sensitivity::tornado(&s, 0, 0).unwrap();
        let of = |input| t.bars.iter().find(|b| b.input == input).unwrap();
        let throughput = of(crate::sensitivity::Input::Throughput);
        assert_eq!(bar_label(throughput, &usd), "1.85k → 3.6k output tokens/s");
        assert_eq!(
            bar_break_even_note(throughput).as_deref(),
            Some("cheaper from 7.15B → 4.64B")
        );
        assert!(
            tornado_lines(&t, "GPT-5.4 mini", &usd)[0]
                .contains("(cheaper from 4.64B tokens a month)")
        );
    }

    #[test]
    fn a_month_is_split_into_its_parts_with_their_shares() {
        let mut s = crate::Scenario::default();
        s.workload.tokens_per_month = 3e9;
        let c = crate::compare(&s).unwrap();
        let q = c.deployments[0].quote.as_ref().unwrap();
        // docs/cost-model.md section 7: $4,234 of GPU rental and $3,600 of operations.
        assert_eq!(
            cost_parts_line(q, &Money::usd()),
            "GPU rental $4,234 (54%) · operations $3,600 (46%)"
        );
        let total: f64 = q.cost_parts().iter().map(|(_, usd)| usd).sum();
        assert!((total - q.monthly_usd).abs() < 1e-6 * q.monthly_usd);
    }

    #[test]
    fn a_service_level_says_what_it_costs_or_why_it_cannot_be_met() {
        let mut s = crate::Scenario::default();
        s.workload.tokens_per_month = 3e9;
        let usd = Money::usd();
        assert_eq!(
            service_level_line(&crate::compare(&s).unwrap(), 0, &usd),
            None
        );
        // pricing/tests/hand_computed.rs: 20 sequences at 50 tokens/s per user.
        s.workload.min_user_output_tokens_per_second = 50.0;
        let c = crate::compare(&s).unwrap();
        assert_eq!(
            service_level_line(&c, 0, &usd).unwrap(),
            "At 50 output tokens/s per user: Llama 3.3 70B Instruct (FP8, 2× H100 SXM) serves 20 at once (128 without), 1 replica (1 without), no more a month at your 3B; vs GPT-5.4 mini, cheaper from 12.2B (4.64B without)"
        );
        s.workload.min_user_output_tokens_per_second = 900.0;
        let line = service_level_line(&crate::compare(&s).unwrap(), 0, &usd).unwrap();
        assert!(
            line.starts_with("Llama 3.3 70B Instruct (FP8, H100 SXM) with vLLM: cannot meet the service level: 900 output tokens/s per user asked, "),
            "{line}"
        );
    }

    #[test]
    fn a_mix_is_split_between_the_replicas_and_the_api() {
        let mut s = crate::Scenario::default();
        s.workload.tokens_per_month = 1e10;
        s.apis = vec!["gpt-5.4-mini".into()];
        let c = crate::compare(&s).unwrap();
        let m = &c.mixes[0];
        // docs/cost-model.md section 10: $7,975 at 10B, $7,834 of it the
        // replica's, the replicas carrying 99.2% of the tokens.
        assert_eq!(
            mix_parts_line(&c, m, &Money::usd()),
            "the replicas $7,834 for 99% of the tokens · GPT-5.4 mini $141 for 0.83%"
        );
    }
}
