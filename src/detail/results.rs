use std::fmt::Write as _;

use crossover_pricing::catalogue::{
    self, GENAI_PRICES_VERSION, OpenModel, Openness, PriceOrigin, gpus,
};
use crossover_pricing::compare::{Offering, short_label};
use crossover_pricing::units::{format_count, format_percent, format_trimmed};
use crossover_pricing::view::{Money, format_money, format_money_whole};
use crossover_pricing::words::{offering_notes, service_level_doubt, service_seen};
use crossover_pricing::{ApiPricing, Comparison};

use crate::markup::{escape, outside_link};

/// The licence linked to its text, its tier, and whether the model is fully open.
fn licence_cell(model: Option<&OpenModel>) -> String {
    let Some(m) = model else {
        return "Proprietary (API terms)".into();
    };
    let tier = m.licence_tier().label();
    let open = match m.openness {
        Openness::FullyOpen => " · fully open",
        Openness::OpenWeight => "",
    };
    format!(
        "{}<span class=\"xo-kind\"> · {tier}{open}</span>",
        outside_link(&m.licence_link(), m.licence)
    )
}

/// "4 (2 × 2)": GPUs in all, then replicas × GPUs a replica.
fn gpus_cell(replicas: f64, per_replica: u32) -> String {
    format!(
        "{} ({replicas} × {per_replica})",
        replicas * f64::from(per_replica)
    )
}

/// A table row: the option's name with its notes, then cells (`None`: one
/// cell spanning the four figures, with a reason), then the licence cell
/// (markup).
fn row(
    out: &mut String,
    name: &str,
    note: &str,
    more: &[String],
    cells: Result<[&str; 4], &str>,
    licence: &str,
) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}<span class=\"xo-kind\">{}</span>",
        escape(name),
        escape(note)
    );
    for line in more {
        let _ = write!(out, "<span class=\"xo-row-note\">{}</span>", escape(line));
    }
    out.push_str("</th>");
    match cells {
        Ok(cells) => {
            for cell in cells {
                let _ = write!(out, "<td class=\"xo-num\">{cell}</td>");
            }
        }
        Err(reason) => {
            let _ = write!(out, "<td colspan=\"4\">{}</td>", escape(reason));
        }
    }
    let _ = write!(out, "<td>{licence}</td></tr>");
}

/// Every option at the user's volume, the accessible twin of the charts,
/// as markup (every piece of text in it goes through [`escape`]): the
/// table, and the items of its sources list.
pub fn results_markup(c: &Comparison, money: &Money) -> (String, String) {
    let volume = format_count(c.tokens_per_month());
    // A rate from a link or typed, not the catalogue's, is said beside the amounts.
    let rate = if money.catalogue_rate {
        String::new()
    } else {
        escape(&format!(
            ", in {} at {} per US dollar (not the catalogue's rate)",
            money.code,
            format_trimmed(money.per_usd, 4)
        ))
    };
    let mut table = format!(
        "<table class=\"xo-table\"><caption>Every option at your {volume} tokens a month{rate}</caption>\
         <thead><tr><th scope=\"col\">Option</th><th scope=\"col\" class=\"xo-num\">Per month</th>\
         <th scope=\"col\" class=\"xo-num\">Per 1M tokens</th><th scope=\"col\" class=\"xo-num\">GPUs (replicas × GPUs)</th>\
         <th scope=\"col\" class=\"xo-num\">GPU time used</th><th scope=\"col\">Licence</th></tr></thead><tbody>"
    );
    for a in &c.apis {
        let licence = &licence_cell(a.offering.open_model().and_then(catalogue::model));
        let note = match a.next_change {
            Some(day) => format!(" · API · price changes on {day}"),
            None => " · API".to_string(),
        };
        let more = offering_notes(&a.offering, a.pricing.rate(), c.date);
        match &a.pricing {
            ApiPricing::Priced(rate) => {
                let monthly = format_money_whole(rate.monthly_cost(c.tokens_per_month()), money);
                let unit = format_money(rate.usd_per_mtok, money);
                row(
                    &mut table,
                    &a.offering.label(),
                    &note,
                    &more,
                    Ok([&escape(&monthly), &escape(&unit), "–", "–"]),
                    licence,
                );
            }
            other => {
                let reason = other.reason().unwrap_or_default();
                row(
                    &mut table,
                    &a.offering.label(),
                    "",
                    &more,
                    Err(&reason),
                    licence,
                );
            }
        }
    }
    for d in &c.deployments {
        match (&d.plan, &d.quote) {
            (Ok(plan), Some(q)) => {
                let range = match (d.optimistic_monthly_usd, d.pessimistic_monthly_usd) {
                    (Some(lo), Some(hi)) if !plan.measured && (hi - lo).abs() > 0.5 => format!(
                        "<span class=\"xo-range\">{}–{}</span>",
                        escape(&format_money(lo, money)),
                        escape(&format_money(hi, money))
                    ),
                    _ => String::new(),
                };
                let own = plan.ownership_words();
                let monthly = format!(
                    "{}{range}",
                    escape(&format_money_whole(q.monthly_usd, money))
                );
                let unit = escape(&format_money(q.usd_per_mtok, money));
                let gpus = gpus_cell(q.replicas, plan.gpus_per_replica());
                let used = format_percent(q.utilisation);
                let mut note = format!(" · {}, {own}; {}", plan.engine.name, service_seen(plan));
                if let Some(doubt) = service_level_doubt(plan, &c.workload, money) {
                    note.push_str("; ");
                    note.push_str(&doubt);
                }
                row(
                    &mut table,
                    &short_label(plan),
                    &note,
                    &[],
                    Ok([&monthly, &unit, &gpus, &used]),
                    &licence_cell(Some(plan.model)),
                );
            }
            (Err(e), _) => {
                let name = d.deployment.label();
                let licence = licence_cell(d.deployment.model());
                row(&mut table, &name, "", &[], Err(&e.to_string()), &licence);
            }
            _ => {}
        }
    }
    for m in &c.mixes {
        let pair = &c.pairs[m.pair];
        let Ok(plan) = &c.deployments[pair.deployment].plan else {
            continue;
        };
        let api = c.apis[pair.api].offering.label();
        let note = format!(
            " · mixed: own replicas for the base load, the API for the peaks; the replicas carry {} of the tokens",
            format_percent(m.quote.self_hosted_share())
        );
        let gpus = gpus_cell(m.quote.replicas, plan.gpus_per_replica());
        row(
            &mut table,
            &format!("{} + {api}", short_label(plan)),
            &note,
            &[],
            Ok([
                &escape(&format_money_whole(m.quote.monthly_usd, money)),
                &escape(&format_money(
                    m.quote.monthly_usd / c.tokens_per_month() * 1e6,
                    money,
                )),
                &gpus,
                "–",
            ]),
            &licence_cell(Some(plan.model)),
        );
    }
    table.push_str("</tbody></table>");

    let mut sources = String::new();
    for a in &c.apis {
        let _ = match &a.offering {
            Offering::Catalogue(o) => write!(
                sources,
                "<li>{}: {}{}</li>",
                escape(&a.offering.label()),
                outside_link(o.source, &format!("{}'s prices", o.provider)),
                match o.origin {
                    PriceOrigin::GenaiPrices => format!(
                        ", as the genai-prices package {GENAI_PRICES_VERSION} (pydantic) has them on {}",
                        o.as_of
                    ),
                    PriceOrigin::Hand => format!(", as last seen on {}", o.as_of),
                }
            ),
            Offering::Custom(_) => write!(
                sources,
                "<li>{}: the price you entered</li>",
                escape(&a.offering.label())
            ),
        };
    }
    let mut models: Vec<&OpenModel> = c
        .apis
        .iter()
        .filter_map(|a| a.offering.open_model().and_then(catalogue::model))
        .chain(c.deployments.iter().filter_map(|d| d.deployment.model()))
        .collect();
    models.sort_by_key(|m| m.id);
    models.dedup_by_key(|m| m.id);
    for m in models {
        let _ = write!(
            sources,
            "<li>{}: weights and configuration on Hugging Face, {} (architecture read {})</li>",
            escape(m.name),
            outside_link(&m.hf_url(), m.hf_repo),
            m.as_of
        );
    }
    for (g, words) in gpus()
        .iter()
        .filter(|g| c.deployments.iter().any(|d| d.deployment.gpu == g.id))
        .filter_map(|g| Some((g, g.words()?)))
    {
        let rent = if words.rent_seen_at.is_empty() {
            String::new()
        } else {
            format!("rental prices from {}; ", escape(words.rent_seen_at))
        };
        let _ = write!(
            sources,
            "<li>{}: {rent}purchase price from {}; {} (as of {})</li>",
            escape(g.short_name),
            escape(words.purchase_seen_at),
            outside_link(words.spec_url, "specifications"),
            g.as_of
        );
    }
    (table, sources)
}
