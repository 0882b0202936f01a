use std::fmt::Write as _;

use crossover_pricing::catalogue::{self, ApiKind, ApiOffering, PriceOrigin};
use crossover_pricing::date::Date;
use crossover_pricing::scenario::MAX_APIS;
use crossover_pricing::view::{Money, format_money};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::markup::escape;
use crate::state::PriceList;

pub struct ApiPickerProps {
    pub selected: Vec<String>,
    /// The day the prices shown are taken from.
    pub date: Date,
    pub money: Money,
    pub query: AttrValue,
    pub price_list: PriceList,
    pub ontoggle: Callback<String>,
    pub onsearch: Callback<String>,
}

/// At most this many offerings are listed for one search: a few hundred
/// rows would cost every keystroke, and a longer list is not read.
const MAX_RESULTS: usize = 40;

/// "in $0.15 · cached $0.003 · out $0.60 per 1M tokens", in the reader's currency.
fn prices(a: &ApiOffering, date: Date, money: &Money) -> String {
    let list = a.list_prices(date, 0.0);
    let price = |usd: f64| format_money(usd, money);
    let mut parts = Vec::new();
    if let Some(i) = list.input {
        parts.push(format!("in {}", price(i)));
    }
    if let (Some(c), Some(i)) = (list.cached_input, list.input)
        && c < i
    {
        parts.push(format!("cached {}", price(c)));
    }
    if let Some(o) = list.output {
        parts.push(format!("out {}", price(o)));
    }
    if parts.is_empty() {
        return "not priced".to_string();
    }
    let mut text = format!("{} per 1M tokens", parts.join(" · "));
    if a.hour_prices(date, 0.0).next().is_some() {
        text.push_str(" off-peak; peak hours cost more");
    }
    if a.origin == PriceOrigin::Hand {
        text.push_str(&format!(" (seen {})", a.as_of));
    }
    text
}

/// Whether every word of the query is in the offering's name, provider or
/// id, letter case aside (ASCII: Unicode's case tables would cost the bundle
/// kilobytes for names that are ASCII).
fn matches(a: &ApiOffering, words: &[String]) -> bool {
    let text = format!("{} {} {}", a.label(), a.provider, a.id).to_ascii_lowercase();
    let text = text.as_bytes();
    words.iter().all(|w| {
        let w = w.as_bytes();
        w.is_empty() || text.windows(w.len()).any(|x| x == w)
    })
}

/// Each provider with its number of offerings, in the catalogue's order.
fn providers(offerings: impl Iterator<Item = &'static ApiOffering>) -> Vec<(&'static str, usize)> {
    let mut providers: Vec<(&str, usize)> = Vec::new();
    for a in offerings {
        match providers.iter_mut().find(|(p, _)| *p == a.provider) {
            Some((_, n)) => *n += 1,
            None => providers.push((a.provider, 1)),
        }
    }
    providers
}

/// One offering as a box to tick, as markup: its name (in a provider's
/// group, without the provider), kind, prices and note.
fn row(out: &mut String, a: &ApiOffering, props: &ApiPickerProps, in_group: bool) {
    let checked = props.selected.iter().any(|id| id == a.id);
    let full = props.selected.len() >= MAX_APIS;
    let name = if in_group {
        a.name.to_string()
    } else {
        a.label()
    };
    let kind = match a.kind {
        ApiKind::Closed => "closed model",
        ApiKind::HostedOpen => "open weights",
    };
    let _ = write!(
        out,
        "<label class=\"xo-check\"><input type=\"checkbox\" data-api=\"{}\"{}{}><span class=\"xo-check-name\">{}</span>\
         <span class=\"xo-check-detail\">{kind} · {}</span>",
        escape(a.id),
        if checked { " checked" } else { "" },
        if full && !checked { " disabled" } else { "" },
        escape(&name),
        escape(&prices(a, props.date, &props.money)),
    );
    if let Some(note) = a.reader_note {
        let _ = write!(
            out,
            "<span class=\"xo-check-detail xo-check-note\">{}</span>",
            escape(note)
        );
    }
    out.push_str("</label>");
}

/// Per-token APIs: those chosen, then a search over every offering of the
/// catalogue (the price list, once loaded), grouped by provider. The lists
/// are markup text with one listener for their boxes and buttons (by their
/// `data-api` and `data-query`), which keeps a forty-row list cheap to draw.
pub fn api_picker(props: ApiPickerProps) -> Html {
    let words: Vec<String> = props
        .query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let offered = || catalogue::apis().iter().filter(|a| !a.retired);
    let status = match &props.price_list {
        PriceList::Loading => "Loading the full price list…".to_string(),
        PriceList::Loaded => format!(
            "{} offerings from {} providers, prices as of {}.",
            offered().count(),
            providers(offered()).len(),
            props.date
        ),
        PriceList::Failed(why) => format!(
            "The full price list could not be loaded ({why}); only the offerings chosen are at hand."
        ),
    };
    let oninput = {
        let onsearch = props.onsearch.clone();
        move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            onsearch.emit(input.value());
        }
    };
    let onchange = {
        let ontoggle = props.ontoggle.clone();
        move |e: Event| {
            let target: web_sys::Element = e.target_unchecked_into();
            if let Some(id) = target.get_attribute("data-api") {
                ontoggle.emit(id);
            }
        }
    };
    let onclick = {
        let onsearch = props.onsearch.clone();
        move |e: MouseEvent| {
            let query = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.get_attribute("data-query"));
            if let Some(query) = query {
                onsearch.emit(query);
            }
        }
    };

    let mut lists = String::new();
    let chosen: Vec<&'static ApiOffering> = props
        .selected
        .iter()
        .filter_map(|id| catalogue::api(id))
        .collect();
    if !chosen.is_empty() {
        lists.push_str("<fieldset class=\"xo-api-group xo-api-chosen\"><legend>Chosen</legend>");
        for a in &chosen {
            row(&mut lists, a, &props, false);
        }
        lists.push_str("</fieldset>");
    }
    let mut results = String::new();
    if words.is_empty() {
        results.push_str("<div class=\"xo-api-providers\" aria-label=\"Providers\">");
        for (provider, n) in providers(offered()) {
            let _ = write!(
                results,
                "<button type=\"button\" class=\"xo-chip\" data-query=\"{0}\">{0} ({n})</button>",
                escape(provider)
            );
        }
        results.push_str("</div>");
    } else {
        // The catalogue lists each provider's offerings together.
        let mut found: Vec<&'static ApiOffering> =
            offered().filter(|a| matches(a, &words)).collect();
        let more = found.len().saturating_sub(MAX_RESULTS);
        found.truncate(MAX_RESULTS);
        if found.is_empty() {
            let _ = write!(
                results,
                "<p class=\"xo-help\">No offering matches “{}”.</p>",
                escape(&props.query)
            );
        }
        for group in found.chunk_by(|a, b| a.provider == b.provider) {
            let _ = write!(
                results,
                "<fieldset class=\"xo-api-group\"><legend>{}</legend>",
                escape(group[0].provider)
            );
            for a in group {
                row(&mut results, a, &props, true);
            }
            results.push_str("</fieldset>");
        }
        if more > 0 {
            let _ = write!(
                results,
                "<p class=\"xo-help\">and {more} more: type more of the name to narrow the list</p>"
            );
        }
    }
    html! {
        <div class="xo-api-picker" {onchange} {onclick}>
            <p class="xo-help">{ format!("{} of at most {MAX_APIS} selected.", props.selected.len()) }</p>
            { Html::from_html_unchecked(lists.into()) }
            <div class="xo-field xo-api-search">
                <label for="xo-api-search">{ "Find an API by model or provider" }</label>
                <input id="xo-api-search" type="search" autocomplete="off" spellcheck="false"
                    placeholder="gpt, claude, kimi, llama 70b, groq…" value={props.query.clone()} {oninput} />
                <p class="xo-help" role="status">{ status }</p>
            </div>
            { Html::from_html_unchecked(results.into()) }
        </div>
    }
}
