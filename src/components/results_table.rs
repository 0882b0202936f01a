use std::rc::Rc;

use crossover_pricing::catalogue::{self, GPUS, prices_as_of};
use crossover_pricing::compare::short_label;
use crossover_pricing::units::{format_count, format_money, format_money_whole, format_percent};
use crossover_pricing::view::Money;
use crossover_pricing::{ApiPricing, Comparison};
use yew::prelude::*;

pub struct ResultsTableProps {
    pub comparison: Rc<Comparison>,
    pub money: Money,
}

/// Every option at the user's volume: the accessible twin of the charts.
pub fn results_table(props: ResultsTableProps) -> Html {
    let c = &props.comparison;
    let money = &props.money;
    let volume = format_count(c.tokens_per_month);
    let api_rows = c.apis.iter().map(|a| {
        let licence = a.offering.open_model.and_then(catalogue::model).map_or("Proprietary (API terms)", |m| m.licence);
        match &a.pricing {
            ApiPricing::Priced(rate) => html! {
                <tr>
                    <th scope="row">{ a.offering.label() }<span class="xo-kind">{ " · API" }</span></th>
                    <td class="xo-num">{ format_money_whole(rate.monthly_cost(c.tokens_per_month), money) }</td>
                    <td class="xo-num">{ format_money(rate.usd_per_mtok, money) }</td>
                    <td class="xo-num">{ "–" }</td>
                    <td class="xo-num">{ "–" }</td>
                    <td>{ licence }</td>
                </tr>
            },
            other => html! {
                <tr>
                    <th scope="row">{ a.offering.label() }</th>
                    <td colspan="4">{ other.reason().unwrap_or_default() }</td>
                    <td>{ licence }</td>
                </tr>
            },
        }
    });
    let deployment_rows = c.deployments.iter().map(|d| match (&d.plan, &d.quote) {
        (Ok(plan), Some(q)) => {
            let range = match (d.optimistic_monthly_usd, d.pessimistic_monthly_usd) {
                (Some(lo), Some(hi)) if !plan.measured && (hi - lo).abs() > 0.5 => {
                    format!("{}–{}", format_money(lo, money), format_money(hi, money))
                }
                _ => String::new(),
            };
            html! {
                <tr>
                    <th scope="row">{ short_label(plan) }<span class="xo-kind">{ format!(" · {}, {}", plan.engine.name, if plan.ownership == crossover_pricing::Ownership::Own { "owned" } else { "rented" }) }</span></th>
                    <td class="xo-num">{ format_money_whole(q.monthly_usd, money) }
                        if !range.is_empty() { <span class="xo-range">{ range }</span> }
                    </td>
                    <td class="xo-num">{ format_money(q.usd_per_mtok, money) }</td>
                    <td class="xo-num">{ format!("{} ({} × {})", q.gpus, q.replicas, plan.gpus_per_replica()) }</td>
                    <td class="xo-num">{ format_percent(q.utilisation) }</td>
                    <td>{ plan.model.licence }</td>
                </tr>
            }
        }
        (Err(e), _) => html! {
            <tr>
                <th scope="row">{ format!("{} on {}", d.deployment.model, d.deployment.gpu) }</th>
                <td colspan="4">{ e.to_string() }</td>
                <td>{ d.deployment.model().map(|m| m.licence).unwrap_or_default() }</td>
            </tr>
        },
        _ => html! {},
    });
    html! {
        <section class="xo-results">
            <div class="xo-table-wrap">
                <table class="xo-table">
                    <caption>{ format!("Every option at your {volume} tokens a month") }</caption>
                    <thead><tr>
                        <th scope="col">{ "Option" }</th>
                        <th scope="col" class="xo-num">{ "Per month" }</th>
                        <th scope="col" class="xo-num">{ "Per 1M tokens" }</th>
                        <th scope="col" class="xo-num">{ "GPUs (replicas × GPUs)" }</th>
                        <th scope="col" class="xo-num">{ "GPU time used" }</th>
                        <th scope="col">{ "Licence" }</th>
                    </tr></thead>
                    <tbody>{ for api_rows }{ for deployment_rows }</tbody>
                </table>
            </div>
            <details class="xo-sources">
                <summary>{ format!("Prices as of {}: sources", prices_as_of()) }</summary>
                <ul>
                    { for c.apis.iter().map(|a| html! {
                        <li>{ format!("{}: ", a.offering.label()) }
                            <a href={a.offering.source} target="_blank" rel="noopener noreferrer">{ a.offering.source }</a>
                            { format!(" (read {})", a.offering.as_of) }</li>
                    }) }
                    { for GPUS.iter().filter(|g| c.deployments.iter().any(|d| d.deployment.gpu == g.id)).map(|g| html! {
                        <li>{ format!("{}: rent: {}; purchase: {} ", g.short_name, g.rent_sources.join("; "), g.purchase_source) }
                            <a href={g.spec_source} target="_blank" rel="noopener noreferrer">{ "specifications" }</a>
                            { format!(" (as of {})", g.as_of) }</li>
                    }) }
                </ul>
                <p class="xo-help">{ "How every figure is computed: docs/cost-model.md in the Crossover repository." }</p>
            </details>
        </section>
    }
}
