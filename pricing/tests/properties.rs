#![cfg(not(target_arch = "wasm32"))]
//! Invariants over random workloads, deployments and texts.

use crossover_pricing::api::CustomOffering;
use crossover_pricing::breakeven::{Payback, payback};
use crossover_pricing::catalogue::price_dates;
use crossover_pricing::catalogue::{
    APIS, CURRENCIES, ENGINES, GPUS, LicenceFilter, MODELS, Precision,
};
use crossover_pricing::date::Date;
use crossover_pricing::day_profile::{DayPreset, DayProfile, MAX_HOUR_WEIGHT};
use crossover_pricing::fields::{Field, FieldKind, Scope};
use crossover_pricing::hybrid::Hybrid;
use crossover_pricing::link::{LinkWarning, decode, encode};
use crossover_pricing::scenario::{MAX_APIS, MAX_CUSTOM, MAX_DEPLOYMENTS};
use crossover_pricing::selfhost::memory::FitError;
use crossover_pricing::sensitivity::{Input, saving_with, tornado};
use crossover_pricing::units::{format_exponent, format_plain, parse_quantity};
use crossover_pricing::view::{Money, Tab, Theme, View};
use crossover_pricing::words::pair_sentence;
use crossover_pricing::workload::{MAX_TOKENS_PER_MONTH, MIN_TOKENS_PER_MONTH, VolumeUnit};
use crossover_pricing::{
    ApiRate, Deployment, Overrides, Ownership, PlanError, Scenario, SelfHostPlan, Workload,
    api_rate, compare,
};
use proptest::prelude::*;

mod common;
use common::invariants::{break_even_is_real, costs_rise_with_volume};

fn log_uniform(min: f64, max: f64) -> impl Strategy<Value = f64> {
    (min.log10()..=max.log10()).prop_map(move |e| 10f64.powf(e).clamp(min, max))
}

fn volume() -> impl Strategy<Value = f64> {
    log_uniform(MIN_TOKENS_PER_MONTH, MAX_TOKENS_PER_MONTH)
}

/// No profile (the busiest hour and service hours), a preset, or any day
/// with traffic in some hours.
fn day_profile() -> impl Strategy<Value = Option<DayProfile>> {
    prop_oneof![
        Just(None),
        prop::sample::select(DayPreset::ALL.to_vec()).prop_map(|p| Some(p.profile())),
        prop::array::uniform24(prop_oneof![Just(0u8), 0..=MAX_HOUR_WEIGHT])
            .prop_filter_map("no traffic", |w| DayProfile::try_from(w).ok().map(Some)),
    ]
}

fn workload() -> impl Strategy<Value = Workload> {
    (
        (
            volume(),
            prop_oneof![Just(0.0), log_uniform(1.0, 200_000.0)],
            log_uniform(1.0, 20_000.0),
            0.0..=1.0f64,
            0.0..=1.0f64,
            0.0..=1.0f64,
            prop_oneof![1.0..=10.0f64, 1.0..=100.0f64],
            1.0..=24.0f64,
            prop_oneof![Just(0.0), 1.0..=200.0f64],
            prop_oneof![Just(0.0), log_uniform(0.01, 60.0)],
            0.0..=23.99f64,
            -12.0..=14.0f64,
        ),
        day_profile(),
    )
        .prop_map(
            |(
                (tokens, input, output, cached, write, batch, peak, hours, speed, wait, start, tz),
                day_profile,
            )| {
                Workload {
                    tokens_per_month: tokens,
                    input_tokens_per_request: input.round(),
                    output_tokens_per_request: output.round().max(1.0),
                    cached_input_share: cached,
                    cache_write_share: write * (1.0 - cached),
                    batch_share: batch,
                    peak_to_average: peak,
                    service_hours_per_day: hours,
                    service_start_hour: start,
                    utc_offset_hours: tz,
                    min_user_output_tokens_per_second: speed,
                    max_time_to_first_token_seconds: wait,
                    day_profile,
                }
            },
        )
}

fn optional(range: (f64, f64)) -> impl Strategy<Value = Option<f64>> {
    prop_oneof![Just(None), (range.0..=range.1).prop_map(Some)]
}

/// Any value a field takes, drawn from its row in the field table.
fn field_value(field: Field) -> BoxedStrategy<f64> {
    let s = field.spec();
    match s.kind {
        FieldKind::Flag => prop_oneof![Just(0.0), Just(1.0)].boxed(),
        FieldKind::Whole => (s.min as u32..=(s.min as u32).max(20))
            .prop_map(f64::from)
            .boxed(),
        FieldKind::Count => log_uniform(s.min.max(1e-3), s.max.min(1e6)).boxed(),
        _ => (s.min..=s.max).boxed(),
    }
}

fn overrides() -> impl Strategy<Value = Overrides> {
    let fields: Vec<Field> = Field::deployment().collect();
    let values: Vec<_> = fields
        .iter()
        .map(|&f| prop::option::of(field_value(f)))
        .collect();
    values.prop_map(move |values| {
        let mut o = Overrides::default();
        for (&field, value) in fields.iter().zip(values) {
            o.set(field, value);
        }
        o
    })
}

/// A day prices change on, or the ends of the data's range.
fn date() -> impl Strategy<Value = Date> {
    let (first, last) = price_dates();
    let mut days: Vec<Date> = APIS
        .iter()
        .flat_map(|a| a.prices.iter().chain(a.batch).filter_map(|p| p.from))
        .chain([first, last])
        .filter(|d| (first..=last).contains(d))
        .collect();
    days.sort();
    days.dedup();
    prop::sample::select(days)
}

/// An offering priced by hand, with any name a person might type.
fn custom() -> impl Strategy<Value = CustomOffering> {
    let fields: Vec<Field> = Field::of(Scope::Custom).collect();
    let values: Vec<_> = fields
        .iter()
        .map(|&f| prop::option::of(field_value(f)))
        .collect();
    (
        "[ -~é€&#%=+]{1,30}",
        prop::option::of(0..MODELS.len()),
        values,
    )
        .prop_map(move |(name, model, values)| {
            let mut prices = Overrides::default();
            for (&field, value) in fields.iter().zip(values) {
                prices.set(field, value);
            }
            CustomOffering {
                name: CustomOffering::clean_name(&name),
                open_model: model.map(|m| MODELS[m].id.to_string()),
                prices,
            }
        })
}

fn deployment() -> impl Strategy<Value = Deployment> {
    (
        0..MODELS.len(),
        prop::sample::select(Precision::ALL.to_vec()),
        0..GPUS.len(),
        0..ENGINES.len(),
        any::<bool>(),
        overrides(),
    )
        .prop_map(|(m, precision, g, e, own, overrides)| Deployment {
            model: MODELS[m].id.to_string(),
            precision,
            gpu: GPUS[g].id.to_string(),
            engine: ENGINES[e].id.to_string(),
            ownership: if own { Ownership::Own } else { Ownership::Rent },
            overrides,
        })
}

fn view() -> impl Strategy<Value = View> {
    (
        prop_oneof![
            // US dollars take no rate: amounts are computed in them.
            (0..CURRENCIES.len(), optional((1e-3, 1e5))).prop_map(|(i, rate)| {
                let code = CURRENCIES[i].code;
                (code.to_string(), rate.filter(|_| code != "USD"))
            }),
            // NAN and INF beside an amount read as a broken number: the link format refuses them.
            ("[A-Z]{3}", log_uniform(1e-3, 1e5))
                .prop_filter("US dollars take no rate", |(code, _)| code != "USD")
                .prop_filter("not a number's name", |(code, _)| code != "NAN"
                    && code != "INF")
                .prop_map(|(code, rate)| (code, Some(rate))),
        ],
        prop::sample::select(Theme::ALL.to_vec()),
        prop::sample::select(Tab::ALL.to_vec()),
        any::<bool>(),
        prop::sample::select(VolumeUnit::ALL.to_vec()),
        prop::sample::select(LicenceFilter::ALL.to_vec()),
    )
        .prop_map(
            |((currency, usd_rate), theme, tab, embed, volume_unit, licence_filter)| View {
                currency,
                usd_rate,
                theme,
                tab,
                embed,
                volume_unit,
                licence_filter,
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        workload(),
        prop::sample::subsequence((0..APIS.len()).collect::<Vec<_>>(), 0..=MAX_APIS),
        prop::collection::vec(deployment(), 0..=MAX_DEPLOYMENTS),
        prop::collection::vec(custom(), 0..=MAX_CUSTOM),
        date(),
    )
        .prop_map(|(workload, apis, deployments, custom, date)| Scenario {
            workload,
            apis: apis.into_iter().map(|i| APIS[i].id.to_string()).collect(),
            custom,
            deployments,
            date,
        })
}

/// A priced API and a buildable deployment for the same workload.
fn pair() -> impl Strategy<Value = (ApiRate, SelfHostPlan)> {
    (workload(), 0..APIS.len(), deployment()).prop_filter_map(
        "not priced or not buildable",
        |(w, a, d)| {
            let rate = *api_rate(&APIS[a], &w, price_dates().1).rate()?;
            let plan = d.plan(&w).ok()?;
            Some((rate, plan))
        },
    )
}

/// An owned machine whose idle draw is published, served by a local engine
/// (bought or already owned), and an API price to set against it.
fn owned_machine() -> impl Strategy<Value = (SelfHostPlan, f64)> {
    let machines: Vec<usize> = (0..GPUS.len())
        .filter(|&g| GPUS[g].idle_power_w.is_some())
        .collect();
    let local: Vec<usize> = (0..ENGINES.len())
        .filter(|&e| ENGINES[e].kind == crossover_pricing::catalogue::EngineKind::Local)
        .collect();
    (
        workload(),
        0..MODELS.len(),
        prop::sample::select(Precision::ALL.to_vec()),
        prop::sample::select(machines),
        prop::sample::select(local),
        any::<bool>(),
        log_uniform(0.01, 100.0),
    )
        .prop_filter_map("not buildable", |(w, m, precision, g, e, have, api)| {
            let mut d = Deployment::new(MODELS[m].id, precision, GPUS[g].id, ENGINES[e].id);
            d.ownership = Ownership::Own;
            d.overrides.set(Field::AlreadyOwned, have.then_some(1.0));
            Some((d.plan(&w).ok()?, api))
        })
}

/// A workload with no service level and a deployment buildable for it, so
/// a property about service levels asserts on every case it draws.
fn buildable() -> impl Strategy<Value = (Workload, Deployment)> {
    (workload(), deployment()).prop_filter_map("not buildable", |(w, d)| {
        let w = Workload {
            min_user_output_tokens_per_second: 0.0,
            max_time_to_first_token_seconds: 0.0,
            ..w
        };
        d.plan(&w).is_ok().then_some((w, d))
    })
}

/// Whether a plan failed for the service level, not for another reason.
fn missed_service_level(d: &Deployment, w: &Workload) -> bool {
    matches!(
        d.plan(w),
        Err(PlanError::Fit {
            error: FitError::TooSlow { .. } | FitError::FirstTokenTooLate { .. }
        })
    )
}

/// A stricter target against a looser one on the same deployment (cost and
/// sequences in flight, `None` where refused): it costs no less and runs no
/// more sequences; refused only for the target itself (`strict` is the
/// stricter workload); and once unmet, it stays unmet. No target is
/// `looser_is_none`.
fn stricter_costs_no_less(
    d: &Deployment,
    loose: Option<(f64, u32)>,
    strict: Option<(f64, u32)>,
    strict_workload: &Workload,
    looser_is_none: bool,
) -> Result<(), TestCaseError> {
    match (loose, strict) {
        (Some((loose_cost, loose_seq)), Some((strict_cost, strict_seq))) => {
            prop_assert!(
                strict_cost >= loose_cost * (1.0 - 1e-12),
                "{strict_cost} < {loose_cost}"
            );
            prop_assert!(strict_seq <= loose_seq);
        }
        (Some(_), None) => {
            prop_assert!(
                missed_service_level(d, strict_workload),
                "refused for another reason"
            );
        }
        (None, strict) => {
            prop_assert!(!looser_is_none, "buildable with no target, refused at none");
            prop_assert!(strict.is_none());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn prices_by_the_hour_stay_between_the_cheapest_and_dearest_hour(
        w in workload(),
        offering in prop::sample::select(APIS.iter().filter(|a| !a.hours.is_empty()).collect::<Vec<_>>()),
    ) {
        let day = price_dates().1;
        let Some(rate) = api_rate(offering, &w, day).rate().copied() else { return Ok(()) };
        // The same workload with every hour at one span's prices.
        let at = |prices| crossover_pricing::api::rate_for(&prices, &[], None, &Workload { batch_share: 0.0, ..w.clone() });
        let input = w.input_tokens_per_request;
        let mut bounds: Vec<f64> = offering
            .hour_prices(day, input)
            .filter_map(|(_, p)| at(p).rate().map(|r| r.usd_per_mtok))
            .collect();
        bounds.extend(at(offering.list_prices(day, input)).rate().map(|r| r.usd_per_mtok));
        let (low, high) = bounds.iter().fold((f64::INFINITY, 0.0f64), |(l, h), &b| (l.min(b), h.max(b)));
        prop_assert!(rate.usd_per_mtok >= low * (1.0 - 1e-12) && rate.usd_per_mtok <= high * (1.0 + 1e-12),
            "{} outside {low}..{high}", rate.usd_per_mtok);
        let share = rate.by_hour.unwrap().share;
        prop_assert!((0.0..=1.0).contains(&share), "{share}");
        // Flat prices do not depend on when the work is done.
        let flat = APIS.iter().find(|a| a.id == "gpt-5.4-mini").unwrap();
        let moved = Workload { utc_offset_hours: (w.utc_offset_hours + 7.0).min(14.0), service_start_hour: 3.0, ..w.clone() };
        prop_assert_eq!(api_rate(flat, &w, day), api_rate(flat, &moved, day));
    }

    /// A machine with a published idle draw, owned: the work's electricity
    /// is a price per token, and every rule still holds.
    #[test]
    fn owned_machines_paying_for_their_work_keep_every_rule(
        (plan, api_usd_per_mtok) in owned_machine(),
        a in volume(),
        b in volume(),
        samples in prop::collection::vec(volume(), 16),
    ) {
        prop_assert!(plan.working_energy_usd_per_token() > 0.0);
        let rate = ApiRate { usd_per_mtok: api_usd_per_mtok, long_context: false, batch_priced: false, by_hour: None };
        let rises = costs_rise_with_volume(&rate, &plan, a, b);
        prop_assert!(rises.is_ok(), "{:?}", rises);
        let real = break_even_is_real(&rate, &plan, &samples);
        prop_assert!(real.is_ok(), "{:?}", real.err());
        // The curve the charts draw lies on the cost, between its steps too.
        let (low, high) = (a.min(b), a.max(b) * 1.5);
        for p in plan.cost_curve(low, high, 400) {
            let stairs = p.tokens_per_month / plan.tokens_per_replica();
            if (stairs - stairs.round()).abs() > 1e-6 * stairs.max(1.0) {
                let cost = plan.monthly_cost(p.tokens_per_month);
                prop_assert!((p.monthly_usd - cost).abs() <= 1e-9 * cost, "{} off the cost {cost} at {}", p.monthly_usd, p.tokens_per_month);
            }
        }
        prop_assert!(plan.cost_curve(low, high, 400).len() <= 400);
    }

    #[test]
    fn cost_never_falls_as_volume_grows((rate, plan) in pair(), a in volume(), b in volume()) {
        let checked = costs_rise_with_volume(&rate, &plan, a, b);
        prop_assert!(checked.is_ok(), "{:?}", checked);
    }

    #[test]
    fn a_stricter_service_level_never_lowers_the_cost(
        (w, d) in buildable(),
        looser in prop_oneof![Just(0.0), 1.0..=100.0f64],
        stricter_by in 0.0..=100.0f64,
        v in volume(),
    ) {
        let at = |speed: f64| {
            let w = Workload { min_user_output_tokens_per_second: speed, ..w };
            d.plan(&w).ok().map(|p| (p.quote(v).monthly_usd, p.sequences_in_flight))
        };
        let stricter = looser + stricter_by;
        let strict = Workload { min_user_output_tokens_per_second: stricter, ..w };
        stricter_costs_no_less(&d, at(looser), at(stricter), &strict, looser == 0.0)?;
    }

    #[test]
    fn a_sure_service_level_is_met_at_the_cautious_end_and_costs_no_less(
        (w, d) in buildable(),
        speed in prop_oneof![Just(0.0), 1.0..=100.0f64],
        wait in prop_oneof![Just(0.0), log_uniform(0.01, 60.0)],
        v in volume(),
    ) {
        let w = Workload { min_user_output_tokens_per_second: speed, max_time_to_first_token_seconds: wait, ..w };
        let band = crossover_pricing::selfhost::calibration::latency_band();
        let plan = match d.plan(&w) {
            Ok(plan) => plan,
            Err(_) => {
                prop_assert!(missed_service_level(&d, &w));
                return Ok(());
            }
        };
        let meets = |t: &crossover_pricing::selfhost::throughput::Throughput| {
            t.output_tokens_per_second_per_user * band.speed.low >= speed * (1.0 - 1e-12)
                && (wait <= 0.0 || t.time_to_first_token_seconds * band.first_token.high <= wait * (1.0 + 1e-12))
        };
        match &plan.sure {
            None => prop_assert!(meets(&plan.throughput), "not doubted, yet the range reaches past a target"),
            Some(Ok(level)) => {
                prop_assert!(!meets(&plan.throughput));
                prop_assert!(level.sequences_in_flight < plan.sequences_in_flight);
                let sure = plan.sure_plan().unwrap();
                prop_assert!(sure.monthly_cost(v) >= plan.monthly_cost(v) * (1.0 - 1e-12));
            }
            Some(Err(_)) => prop_assert!(!meets(&plan.throughput)),
        }
    }

    #[test]
    fn a_shorter_wait_for_the_first_token_never_lowers_the_cost(
        (w, d) in buildable(),
        looser in prop_oneof![Just(0.0), log_uniform(0.01, 60.0)],
        stricter_by in 0.0..=1.0f64,
        v in volume(),
    ) {
        let at = |wait: f64| {
            let w = Workload { max_time_to_first_token_seconds: wait, ..w };
            d.plan(&w).ok().map(|p| (p.quote(v).monthly_usd, p.sequences_in_flight, p.throughput.time_to_first_token_seconds))
        };
        // No target is the loosest; otherwise a shorter wait is stricter.
        let stricter = if looser == 0.0 { 60.0 * (1.0 - stricter_by).max(0.01) } else { looser * (1.0 - stricter_by).max(0.01) };
        let (loose, strict) = (at(looser), at(stricter));
        if let Some((_, _, strict_wait)) = strict {
            prop_assert!(strict_wait <= stricter, "{strict_wait} s > {stricter} s");
        }
        let strict_workload = Workload { max_time_to_first_token_seconds: stricter, ..w };
        let cost_and_batch = |p: Option<(f64, u32, f64)>| p.map(|(cost, seq, _)| (cost, seq));
        stricter_costs_no_less(&d, cost_and_batch(loose), cost_and_batch(strict), &strict_workload, looser == 0.0)?;
    }

    #[test]
    fn every_plan_gives_a_first_token_in_finite_time((w, d) in buildable()) {
        let plan = d.plan(&w).unwrap();
        let t = plan.throughput.time_to_first_token_seconds;
        prop_assert!(t.is_finite() && t > 0.0, "{t} s for {d:?} on {w:?}");
    }

    #[test]
    fn a_plan_priced_at_any_volume_is_the_comparison_at_that_volume(
        s in scenario(),
        volume in 1e6f64..1e12,
    ) {
        let at_volume = Scenario {
            workload: Workload { tokens_per_month: volume, ..s.workload },
            ..s.clone()
        };
        let planned = crossover_pricing::plan_scenario(&s.without_volume());
        let repriced = planned.map_err(|e| format!("{e:?}")).and_then(|p| p.at(volume).map_err(|e| format!("{e:?}")));
        let direct = compare(&at_volume).map_err(|e| format!("{e:?}"));
        prop_assert_eq!(
            repriced.map(|c| serde_json::to_string(&c).unwrap()),
            direct.map(|c| serde_json::to_string(&c).unwrap())
        );
    }

    #[test]
    fn on_the_speed_curve_cost_never_falls_as_speed_rises(s in scenario()) {
        let Ok(c) = compare(&s) else { return Ok(()); };
        for d in &c.deployments {
            for pair in d.speed_curve.windows(2) {
                let ((slow, slow_cost), (fast, fast_cost)) = (pair[0], pair[1]);
                prop_assert!(fast >= slow, "speeds out of order: {slow} then {fast}");
                prop_assert!(fast_cost >= slow_cost * (1.0 - 1e-12), "{fast} tokens/s costs {fast_cost} < {slow_cost}");
            }
        }
    }

    #[test]
    fn payback_is_the_first_month_the_cumulative_costs_cross(
        (w, mut d) in (workload(), deployment()),
        api_usd in log_uniform(1.0, 1e8),
        v in volume(),
    ) {
        d.ownership = Ownership::Own;
        let Ok(plan) = d.plan(&w) else { return Ok(()); };
        let quote = plan.quote(v);
        let upfront = (plan.purchase_usd_per_gpu + plan.installation_usd_per_gpu) * quote.gpus + plan.one_off_usd;
        let running = quote.gpu_costs.running() + plan.operations_usd_per_month;
        let owned_by = |m: f64| upfront + m * running;
        let api_by = |m: f64| m * api_usd;
        match payback(&plan, api_usd, v) {
            Some(Payback::Month(m)) => {
                let m = f64::from(m);
                let slack = 1e-9 * owned_by(m).max(api_by(m));
                prop_assert!(owned_by(m) <= api_by(m) + slack, "not crossed by month {m}");
                prop_assert!(m == 1.0 || owned_by(m - 1.0) > api_by(m - 1.0) - slack, "crossed before month {m}");
            }
            Some(Payback::Never) => prop_assert!(running >= api_usd || upfront / (api_usd - running) >= f64::from(u32::MAX)),
            None => prop_assert!(upfront == 0.0, "owned plan with ${upfront} to pay back and no payback"),
        }
    }

    #[test]
    fn every_break_even_interval_is_a_real_crossing((rate, plan) in pair(), samples in prop::collection::vec(volume(), 16)) {
        let checked = break_even_is_real(&rate, &plan, &samples);
        prop_assert!(checked.is_ok(), "{:?}", checked.err());
    }

    #[test]
    fn decode_reads_back_what_encode_wrote(s in scenario(), v in view()) {
        let text = encode(&s, &v);
        let decoded = decode(&text).unwrap();
        // Only a retired offering earns a notice: it is still read.
        prop_assert!(
            decoded.warnings.iter().all(|w| matches!(w, LinkWarning::Retired { .. })),
            "{:?} from {}",
            decoded.warnings,
            text
        );
        prop_assert_eq!(decoded.scenario, s);
        prop_assert_eq!(decoded.view, v);
    }

    #[test]
    fn valid_input_gives_no_nan_or_infinity(s in scenario()) {
        let c = compare(&s).unwrap();
        for api in &c.apis {
            if let Some(cost) = api.monthly_usd {
                prop_assert!(cost.is_finite() && cost >= 0.0);
            }
        }
        for d in &c.deployments {
            if let Some(q) = &d.quote {
                for v in [q.monthly_usd, q.usd_per_mtok, q.replicas, q.gpus, q.utilisation, q.operations_usd] {
                    prop_assert!(v.is_finite() && v >= 0.0, "{:?}", q);
                }
            }
        }
        for p in &c.pairs {
            let at = &p.at_volume;
            for v in [at.api_usd, at.self_host_usd, at.savings_usd, at.savings_share, at.current_usd_per_gpu_hour, at.current_utilisation] {
                prop_assert!(v.is_finite(), "{:?}", at);
            }
            for v in [at.breakeven_usd_per_gpu_hour, at.breakeven_utilisation, p.break_even.cheaper_from_tokens_per_month].into_iter().flatten() {
                prop_assert!(v.is_finite());
            }
            let sentence = pair_sentence(&c, p, &Money::usd());
            prop_assert!(!sentence.contains("NaN") && !sentence.contains("inf"), "{}", sentence);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn any_text_decodes_into_a_valid_scenario(text in any::<String>()) {
        if let Ok(decoded) = decode(&text) {
            prop_assert!(decoded.scenario.workload.validate().is_ok());
            prop_assert!(compare(&decoded.scenario).is_ok());
            let again = decode(&encode(&decoded.scenario, &decoded.view)).unwrap();
            prop_assert_eq!(again.scenario, decoded.scenario);
            prop_assert_eq!(again.view, decoded.view);
        }
    }

    #[test]
    fn link_shaped_text_decodes_into_a_valid_scenario(
        pairs in prop::collection::vec(
            (
                prop::sample::select(vec!["v", "tpm", "in", "out", "cache", "write", "batch", "peak", "hours", "api", "d", "d1", "d1.own", "d1.gpuh", "d1.util", "d1.min", "d2", "d9", "d1.zz", "x"]),
                "[-0-9a-z.:,%eE+]{0,24}",
            ),
            0..12,
        )
    ) {
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let decoded = decode(&text.join("&")).unwrap();
        prop_assert!(decoded.scenario.workload.validate().is_ok());
        for d in &decoded.scenario.deployments {
            prop_assert!(d.validate().is_ok());
        }
        prop_assert!(compare(&decoded.scenario).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn float_text_is_rusts_and_reads_back(bits in any::<u64>(), scaled in -1e18..1e18f64) {
        for v in [f64::from_bits(bits), scaled, scaled.round(), scaled / 1e12] {
            let (plain, exponent) = (format_plain(v), format_exponent(v));
            prop_assert_eq!(&plain, &format!("{v}"));
            prop_assert_eq!(&exponent, &format!("{v:e}"));
            if v.is_finite() {
                let magnitude = Ok(v.abs());
                prop_assert_eq!(parse_quantity(plain.trim_start_matches('-')), magnitude.clone());
                prop_assert_eq!(parse_quantity(exponent.trim_start_matches('-')), magnitude);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_cheapest_hybrid_is_no_dearer_than_either_alone_and_none_is_the_api(s in scenario()) {
        let Ok(c) = compare(&s) else { return Ok(()) };
        let volume = c.tokens_per_month();
        for pair in &c.pairs {
            let mix = Hybrid::for_pair(&c, pair).expect("a priced API and a planned deployment");
            let hybrid = mix.cheapest(volume);
            let api = c.apis[pair.api].monthly_usd.expect("paired APIs are priced");
            let alone = c.deployments[pair.deployment].quote.expect("paired deployments are planned").monthly_usd;
            let slack = 1e-9 * api.max(alone).max(1.0);
            prop_assert!(hybrid.monthly_usd <= api + slack, "{hybrid:?} vs API {api}");
            prop_assert!(hybrid.monthly_usd <= alone + slack, "{hybrid:?} vs alone {alone}");
            prop_assert!((hybrid.self_hosted_tokens_per_month + hybrid.api_tokens_per_month - volume).abs() <= 1e-9 * volume);
            prop_assert!(hybrid.self_hosted_tokens_per_month >= 0.0 && hybrid.api_tokens_per_month >= -1e-9 * volume);
            let zero = mix.quote_with(0.0, volume);
            prop_assert!((zero.monthly_usd - api).abs() <= slack, "{zero:?} vs API {api}");
            prop_assert_eq!(zero.self_hosted_tokens_per_month, 0.0);
            // As many replicas as self-hosting alone needs carry every token,
            // at self-hosting's cost.
            let most = mix.replicas_alone(volume);
            let all = mix.quote_with(most, volume);
            prop_assert!(all.api_tokens_per_month <= 1e-9 * volume, "{all:?}");
            prop_assert!((all.monthly_usd - alone).abs() <= slack, "{all:?} vs alone {alone}");
            // The cheapest of every count the plan allows (up to 300 of them).
            prop_assert!(hybrid.replicas <= most);
            let plan = c.deployments[pair.deployment].plan.as_ref().expect("paired");
            let allowed = std::iter::once(0).chain(plan.min_replicas.max(1)..=(most.min(300.0) as u32));
            for n in allowed {
                let other = mix.quote_with(f64::from(n), volume).monthly_usd;
                prop_assert!(hybrid.monthly_usd <= other * (1.0 + 1e-12) + 1e-9, "{n} replicas: {other} < {hybrid:?}");
            }
        }
    }

    /// The mixes the page shows: one per deployment, each its deployment's
    /// cheapest that beats both alone, and its line below both alone's
    /// costs at every volume it is drawn at.
    #[test]
    fn each_mix_shown_beats_both_alone_along_its_whole_line(s in scenario()) {
        let Ok(c) = compare(&s) else { return Ok(()) };
        let volume = c.tokens_per_month();
        let mut seen = Vec::new();
        for m in &c.mixes {
            let pair = &c.pairs[m.pair];
            prop_assert!(!seen.contains(&pair.deployment), "two mixes for deployment {}", pair.deployment);
            seen.push(pair.deployment);
            prop_assert!(m.quote.replicas >= 1.0);
            prop_assert!(m.quote.monthly_usd < m.alone_usd);
            for other in c.pairs.iter().filter(|p| p.deployment == pair.deployment) {
                let theirs = Hybrid::for_pair(&c, other).expect("paired").cheapest(volume);
                prop_assert!(m.quote.monthly_usd <= theirs.monthly_usd * (1.0 + 1e-12) || theirs.replicas == 0.0);
            }
            let rate = c.apis[pair.api].pricing.rate().expect("paired APIs are priced");
            let plan = c.deployments[pair.deployment].plan.as_ref().expect("paired");
            for point in m.mix.cost_curve(1e6, 1e13, 60) {
                let t = point.tokens_per_month;
                let ceiling = rate.monthly_cost(t).min(plan.quote(t).monthly_usd);
                prop_assert!(point.monthly_usd <= ceiling * (1.0 + 1e-9) + 1e-9, "at {t}: {} over {ceiling}", point.monthly_usd);
            }
        }
    }

    #[test]
    fn the_hybrid_s_break_even_is_a_real_crossing(s in scenario()) {
        let Ok(c) = compare(&s) else { return Ok(()) };
        for pair in &c.pairs {
            let mix = Hybrid::for_pair(&c, pair).expect("paired");
            let wins = |v: f64| mix.cheapest(v).replicas > 0.0;
            match mix.cheaper_than_api_from() {
                Some(from) => {
                    prop_assert!(wins(from * (1.0 + 1e-8)) || from * (1.0 + 1e-8) > MAX_TOKENS_PER_MONTH);
                    prop_assert!(from <= MIN_TOKENS_PER_MONTH * (1.0 + 1e-8) || !wins(from * (1.0 - 1e-8)));
                    for v in [from * 2.0, from * 10.0] {
                        prop_assert!(v > MAX_TOKENS_PER_MONTH || wins(v));
                    }
                }
                None => prop_assert!(!wins(MAX_TOKENS_PER_MONTH)),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_tornado_s_centre_is_the_headline_s_figure_and_each_flip_is_a_real_crossing(s in scenario()) {
        let Ok(c) = compare(&s) else { return Ok(()) };
        for pair in &c.pairs {
            let t = tornado(&s, pair.api, pair.deployment).expect("a paired API and deployment");
            prop_assert_eq!(t.saving_usd, pair.at_volume.savings_usd);
            prop_assert_eq!(t.break_even, pair.break_even.cheaper_from_tokens_per_month);
            for bar in &t.bars {
                prop_assert!(bar.low <= bar.value && bar.value <= bar.high || bar.input == Input::NextApiPrice, "{bar:?}");
                prop_assert!(bar.saving_at_low_usd.is_finite() && bar.saving_at_high_usd.is_finite());
                // An end on the other side of the answer has a flip between.
                let other_side = |usd: f64| (usd > 0.0) != (t.saving_usd > 0.0);
                if other_side(bar.saving_at_low_usd) || other_side(bar.saving_at_high_usd) {
                    prop_assert!(bar.flips_at.is_some(), "{bar:?}");
                }
                let Some(flip) = bar.flips_at else { continue };
                let Some(at_flip) = saving_with(&s, pair.api, pair.deployment, bar.input, flip) else { continue };
                let nudge = ((bar.value - flip) * 1e-9)
                    .abs()
                    .max((bar.high - bar.low) * 1e-12)
                    .copysign(bar.value - flip);
                let Some(before) = saving_with(&s, pair.api, pair.deployment, bar.input, flip + nudge) else {
                    prop_assert!(false, "{bar:?}: no saving just before the flip");
                    continue;
                };
                prop_assert!((at_flip > 0.0) != (t.saving_usd > 0.0), "{bar:?}: {at_flip} at the flip");
                prop_assert!((before > 0.0) == (t.saving_usd > 0.0), "{bar:?}: {before} just before the flip");
            }
        }
    }
}
