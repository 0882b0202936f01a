use crossover_pricing::catalogue::CURRENCIES;
use crossover_pricing::view::{Theme, View, is_currency_code};
use yew::prelude::*;

use crate::components::number_field::{NumberFieldProps, number_field};
use crossover_pricing::units::format_trimmed;

/// The select's value for a currency not in the catalogue.
const OTHER: &str = "other";

pub struct DisplaySettingsProps {
    pub view: View,
    pub rate_text: Option<AttrValue>,
    pub rate_error: Option<AttrValue>,
    pub oncurrency: Callback<String>,
    pub onrate: Callback<String>,
    pub ontheme: Callback<Theme>,
}

/// Currency (with its editable rate, never fetched) and colour theme.
pub fn display_settings(props: DisplaySettingsProps) -> Html {
    let view = &props.view;
    let money = view.money();
    let known = view.catalogue_currency();
    let oncurrency = props.oncurrency.clone();
    let on_select = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        oncurrency.emit(if value == OTHER {
            "XXX".to_string()
        } else {
            value
        });
    });
    let oncode = props.oncurrency.clone();
    let on_code = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let code = input.value().trim().to_ascii_uppercase();
        if is_currency_code(&code) {
            oncode.emit(code);
        }
    });
    let ontheme = props.ontheme.clone();
    let on_theme = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(theme) = Theme::ALL.into_iter().find(|t| t.id() == select.value()) {
            ontheme.emit(theme);
        }
    });
    let rate_help = match known {
        Some(c) if money.catalogue_rate => format!(
            "{} per US dollar: ECB reference rate of {}; type your own",
            c.code, c.as_of
        ),
        Some(c) => format!(
            "{} per US dollar, your rate (catalogue: {})",
            c.code,
            format_trimmed(c.per_usd, 4)
        ),
        None => format!("{} per US dollar, your rate", money.code),
    };
    html! {
        <div class="xo-display" role="group" aria-label="Display">
            <div class="xo-field">
                <label for="xo-currency">{ "Currency" }</label>
                <select id="xo-currency" onchange={on_select}>
                    { for CURRENCIES.iter().map(|c| html! {
                        <option value={c.code} selected={known.is_some_and(|k| k.code == c.code)}>{ format!("{} ({})", c.code, c.name) }</option>
                    }) }
                    <option value={OTHER} selected={known.is_none()}>{ "Other currency…" }</option>
                </select>
            </div>
            if known.is_none() {
                <div class="xo-field">
                    <label for="xo-currency-code">{ "Currency code" }</label>
                    // The browser flags what the model would refuse, and the style sheet turns the help into the message.
                    <input id="xo-currency-code" type="text" maxlength="3" autocomplete="off" spellcheck="false" required=true
                        pattern="(?![Nn][Aa][Nn]|[Ii][Nn][Ff])[A-Za-z]{3}"
                        value={view.currency.clone()} oninput={on_code} aria-describedby="xo-currency-code-help" />
                    <p class="xo-help" id="xo-currency-code-help">{ "Three letters, e.g. CHF" }</p>
                </div>
            }
            if money.code != "USD" {
                { number_field(NumberFieldProps {
                    id: "xo-rate".into(),
                    label: "Exchange rate".into(),
                    unit: format!("{} per $1", money.code).into(),
                    text: props.rate_text.clone().unwrap_or_else(|| format_trimmed(money.per_usd, 4).into()),
                    error: props.rate_error.clone(),
                    help: Some(rate_help.into()),
                    oninput: props.onrate.clone(),
                    onreset: None,
                }) }
            }
            <div class="xo-field">
                <label for="xo-theme">{ "Colours" }</label>
                <select id="xo-theme" onchange={on_theme}>
                    { for Theme::ALL.into_iter().map(|t| html! {
                        <option value={t.id()} selected={t == view.theme}>{ match t {
                            Theme::Auto => "Follow my system",
                            Theme::Light => "Light",
                            Theme::Dark => "Dark",
                        } }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}
