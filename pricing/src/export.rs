//! The comparison as CSV, for people who take the numbers elsewhere.

use crate::api::ApiPricing;
use crate::compare::{Comparison, short_label};
use crate::units::format_plain;
use crate::view::Money;

/// A CSV field: quoted when it must be, and never read as a formula by a
/// spreadsheet (a leading `=`, `+`, `-` or `@` on text gets a `'`).
fn field(text: &str) -> String {
    let text =
        if text.starts_with(['=', '+', '-', '@']) && crate::units::parse_quantity(text).is_err() {
            format!("'{text}")
        } else {
            text.to_string()
        };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Every option at the comparison's volume, one row each.
pub fn table_csv(c: &Comparison, money: &Money) -> String {
    let code = &money.code;
    let mut out = row(&[
        "option".into(),
        "kind".into(),
        "tokens_per_month".into(),
        format!("monthly_cost_{code}"),
        format!("cost_per_1m_tokens_{code}"),
        "gpus".into(),
        "replicas".into(),
        "gpu_time_used".into(),
        "licence".into(),
        "note".into(),
    ]);
    let volume = format_plain(c.tokens_per_month());
    for a in &c.apis {
        let licence = a
            .offering
            .open_model()
            .and_then(crate::catalogue::model)
            .map_or("proprietary", |m| m.licence);
        let (monthly, unit, note) = match &a.pricing {
            ApiPricing::Priced(rate) => (
                format_plain(money.convert(rate.monthly_cost(c.tokens_per_month()))),
                format_plain(money.convert(rate.usd_per_mtok)),
                String::new(),
            ),
            other => (
                String::new(),
                String::new(),
                other.reason().unwrap_or_default(),
            ),
        };
        out.push_str(&row(&[
            a.offering.label(),
            "api".into(),
            volume.clone(),
            monthly,
            unit,
            String::new(),
            String::new(),
            String::new(),
            licence.into(),
            note,
        ]));
    }
    for d in &c.deployments {
        match (&d.plan, &d.quote) {
            (Ok(plan), Some(q)) => out.push_str(&row(&[
                short_label(plan),
                format!("self-hosted, {}", plan.engine.name),
                volume.clone(),
                format_plain(money.convert(q.monthly_usd)),
                format_plain(money.convert(q.usd_per_mtok)),
                format_plain(q.gpus),
                format_plain(q.replicas),
                format_plain(q.utilisation),
                plan.model.licence.into(),
                if plan.measured {
                    "measured throughput".into()
                } else {
                    "estimated throughput".into()
                },
            ])),
            (Err(e), _) => out.push_str(&row(&[
                format!("{} on {}", d.deployment.model, d.deployment.gpu),
                "self-hosted".into(),
                volume.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                d.deployment.model().map_or("", |m| m.licence).into(),
                e.to_string(),
            ])),
            _ => {}
        }
    }
    out
}

/// The charts' lines at `points` volumes spread evenly on a log scale from
/// `from` to `to`: each option's monthly cost and cost per 1M tokens, and
/// each mix's where it mixes.
pub fn curves_csv(c: &Comparison, from: f64, to: f64, points: usize, money: &Money) -> String {
    let code = &money.code;
    let apis: Vec<_> = c
        .priced_apis()
        .map(|(a, rate)| (a.offering.label(), *rate))
        .collect();
    let plans: Vec<_> = c.plans().collect();
    let mut header = vec!["tokens_per_month".to_string()];
    let mixes = c.mixes.iter().map(|m| crate::words::mix_name(c, m));
    for name in apis
        .iter()
        .map(|(n, _)| n.clone())
        .chain(plans.iter().map(|p| short_label(p)))
        .chain(mixes)
    {
        header.push(format!("{name}: monthly cost {code}"));
        header.push(format!("{name}: cost per 1M tokens {code}"));
    }
    let mut out = row(&header);
    let steps = points.max(2) - 1;
    for i in 0..=steps {
        let v = if i == steps {
            to
        } else {
            from * ((to / from).ln() * i as f64 / steps as f64).exp()
        };
        let mut fields = vec![format_plain(v)];
        for (_, rate) in &apis {
            fields.push(format_plain(money.convert(rate.monthly_cost(v))));
            fields.push(format_plain(money.convert(rate.usd_per_mtok)));
        }
        for plan in &plans {
            let cost = plan.monthly_cost(v);
            fields.push(format_plain(money.convert(cost)));
            fields.push(format_plain(money.convert(cost / v * 1e6)));
        }
        // A mix only where it mixes (as its chart line): blank elsewhere.
        for m in &c.mixes {
            let q = m.mix.cheapest(v);
            if q.replicas > 0.0 && q.replicas < m.mix.replicas_alone(v) {
                fields.push(format_plain(money.convert(q.monthly_usd)));
                fields.push(format_plain(money.convert(q.monthly_usd / v * 1e6)));
            } else {
                fields.extend([String::new(), String::new()]);
            }
        }
        out.push_str(&row(&fields));
    }
    out
}

/// A tornado's bars, widest swing first: each input's range in its own
/// unit (USD where it is money: a field's range is kept as typed), and
/// self-hosting's monthly saving over the API at each end in the chosen
/// currency (negative: it costs more), where the answer flips and the
/// break-even volume at each end (blank: never).
pub fn tornado_csv(t: &crate::sensitivity::Tornado, money: &Money) -> String {
    let code = &money.code;
    let mut out = row(&[
        "input".into(),
        "unit".into(),
        "low".into(),
        "now".into(),
        "high".into(),
        format!("saving_at_low_{code}"),
        format!("saving_at_high_{code}"),
        "flips_at".into(),
        "cheaper_from_at_low_tokens_per_month".into(),
        "cheaper_from_at_high_tokens_per_month".into(),
    ]);
    let optional = |v: Option<f64>| v.map(format_plain).unwrap_or_default();
    out.push_str(&row(&[
        "as set".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        format_plain(money.convert(t.saving_usd)),
        format_plain(money.convert(t.saving_usd)),
        String::new(),
        optional(t.break_even),
        optional(t.break_even),
    ]));
    for bar in &t.bars {
        out.push_str(&row(&[
            bar.input.name().into(),
            bar.input.unit().into(),
            format_plain(bar.low),
            format_plain(bar.value),
            format_plain(bar.high),
            format_plain(money.convert(bar.saving_at_low_usd)),
            format_plain(money.convert(bar.saving_at_high_usd)),
            optional(bar.flips_at),
            optional(bar.break_even_at_low),
            optional(bar.break_even_at_high),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Scenario, compare};

    /// The default deployment against GPT-5.4 mini at 10B tokens a month.
    fn at_10b_against_gpt_mini() -> Comparison {
        let mut s = Scenario::default();
        s.workload.tokens_per_month = 1e10;
        s.apis = vec!["gpt-5.4-mini".into()];
        compare(&s).unwrap()
    }

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-3.5"), "-3.5");
    }

    #[test]
    fn the_table_has_a_row_per_option_in_the_chosen_currency() {
        let c = at_10b_against_gpt_mini();
        let usd = table_csv(&c, &Money::usd());
        let lines: Vec<&str> = usd.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("option,kind,tokens_per_month,monthly_cost_USD"));
        // docs/cost-model.md section 7: $16,875 and $12,068 at 10B tokens.
        assert!(lines[1].starts_with("GPT-5.4 mini,api,10000000000,16875,1.6875,"));
        assert!(lines[2].contains(",12068,") && lines[2].contains(",4,2,"));
        let half = Money {
            code: "XXX".into(),
            symbol: "X".into(),
            per_usd: 0.5,
            catalogue_rate: false,
        };
        assert!(
            table_csv(&c, &half)
                .lines()
                .nth(1)
                .unwrap()
                .contains(",8437.5,0.84375,")
        );
    }

    /// Fields in one CSV line, quotes honoured.
    fn count_fields(line: &str) -> usize {
        let mut quoted = false;
        1 + line
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == ',' && !quoted
            })
            .count()
    }

    #[test]
    fn curves_run_from_end_to_end() {
        let c = compare(&Scenario::default()).unwrap();
        let csv = curves_csv(&c, 1e6, 1e13, 8, &Money::usd());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 9);
        let columns = count_fields(lines[0]);
        assert_eq!(columns, 1 + 2 * (c.apis.len() + 1));
        assert!(lines[1].starts_with("1000000,"));
        assert!(lines[8].starts_with("10000000000000,"));
        assert!(lines.iter().skip(1).all(|l| count_fields(l) == columns));
    }

    #[test]
    fn the_tornado_has_the_centre_then_a_row_per_bar_widest_first() {
        let mut s = Scenario::default();
        s.workload.tokens_per_month = 3e9;
        let t = crate::sensitivity::tornado(&s, 1, 0).unwrap();
        let csv = tornado_csv(&t, &Money::usd());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), t.bars.len() + 2);
        assert!(lines[0].starts_with("input,unit,low,now,high,saving_at_low_USD,"));
        // Against Claude Sonnet 4.6 at 3B: $10.2k a month less, cheaper from
        // 1.31B; the GPU price swings it most and flips it at $9.86 an hour
        // (`crossover --sensitivity 'v=1&tpm=3B'`).
        let centre: Vec<&str> = lines[1].split(',').collect();
        assert_eq!(centre[0], "as set");
        assert!(
            (centre[5].parse::<f64>().unwrap() - 10_200.0).abs() < 100.0,
            "{}",
            lines[1]
        );
        assert!(
            (centre[8].parse::<f64>().unwrap() / 1.31e9 - 1.0).abs() < 0.01,
            "{}",
            lines[1]
        );
        let gpu: Vec<&str> = lines[2].split(',').collect();
        assert_eq!(
            &gpu[..3],
            ["GPU price per hour", "USD per GPU-hour", "1.99"],
            "{}",
            lines[2]
        );
        assert!(
            (gpu[7].parse::<f64>().unwrap() - 9.86).abs() < 0.01,
            "{}",
            lines[2]
        );
        // Where the answer never flips the field is blank, not zero.
        assert!(
            lines
                .iter()
                .skip(2)
                .any(|l| l.split(',').nth(7) == Some(""))
        );
    }

    #[test]
    fn the_chart_data_has_the_mix_where_it_mixes() {
        let c = at_10b_against_gpt_mini();
        assert_eq!(c.mixes.len(), 1);
        let csv = curves_csv(&c, 1e9, 1e11, 50, &Money::usd());
        let lines: Vec<&str> = csv.lines().collect();
        assert!(
            lines[0].ends_with(
                "\"Mixed: Llama 3.3 70B Instruct (FP8, 2× H100 SXM) + GPT-5.4 mini: cost per 1M tokens USD\""
            ),
            "{}",
            lines[0]
        );
        let mix = |line: &str| line.split(',').nth(5).unwrap().to_string();
        // At 1B the API alone is cheapest (blank); somewhere it mixes, for
        // less than either alone (docs/cost-model.md section 10: $7,975 at 10B).
        assert_eq!(mix(lines[1]), "");
        let mixing: Vec<&str> = lines[1..]
            .iter()
            .copied()
            .filter(|l| !mix(l).is_empty())
            .collect();
        assert!(!mixing.is_empty());
        for line in mixing {
            let f: Vec<f64> = line
                .split(',')
                .take(6)
                .map(|x| x.parse().unwrap())
                .collect();
            assert!(f[5] <= f[1].min(f[3]) + 1e-6, "{line}");
        }
    }
}
