use crossover_pricing::catalogue::{APIS, ApiKind, ApiOffering};
use crossover_pricing::date::Date;
use crossover_pricing::scenario::MAX_APIS;
use crossover_pricing::units::format_usd;
use yew::prelude::*;

pub struct ApiPickerProps {
    pub selected: Vec<String>,
    /// The day the prices shown are taken from.
    pub date: Date,
    pub ontoggle: Callback<String>,
}

fn prices(a: &ApiOffering, date: Date) -> String {
    let list = a.list_prices(date, 0.0);
    match (list.input, list.output) {
        (Some(i), Some(o)) => format!("{} in / {} out per 1M tokens", format_usd(i), format_usd(o)),
        _ => "not priced".to_string(),
    }
}

/// Per-token APIs from the catalogue: closed models, and open-weight models
/// hosted by others.
pub fn api_picker(props: ApiPickerProps) -> Html {
    let full = props.selected.len() >= MAX_APIS;
    let group = |kind: ApiKind, title: &'static str| {
        // A retired offering stays only while a scenario still holds it.
        let offerings = APIS.iter().filter(|a| {
            a.kind == kind && (!a.retired || props.selected.iter().any(|id| id == a.id))
        });
        html! {
            <fieldset class="xo-api-group">
                <legend>{ title }</legend>
                { for offerings.map(|a| {
                    let checked = props.selected.iter().any(|id| id == a.id);
                    let ontoggle = props.ontoggle.clone();
                    let id = a.id;
                    html! {
                        <label class="xo-check">
                            <input type="checkbox" checked={checked} disabled={full && !checked}
                                onchange={move |_| ontoggle.emit(id.to_string())} />
                            <span class="xo-check-name">{ a.label() }</span>
                            <span class="xo-check-detail">{ prices(a, props.date) }</span>
                        </label>
                    }
                }) }
            </fieldset>
        }
    };
    html! {
        <div class="xo-api-picker">
            <p class="xo-help">{ format!("{} of at most {MAX_APIS} selected.", props.selected.len()) }</p>
            { group(ApiKind::Closed, "Closed models (GPT, Claude, Gemini)") }
            { group(ApiKind::HostedOpen, "Open-weight models hosted per token") }
        </div>
    }
}
