use crossover_pricing::units::{format_count, format_fixed, format_plain};
use crossover_pricing::workload::VolumeUnit;
use yew::prelude::*;

/// The slider's span, in powers of ten of tokens a month: 1M to 10T.
pub const SLIDER_MIN: f64 = 6.0;
pub const SLIDER_MAX: f64 = 13.0;
/// The powers of ten labelled under the slider.
const LABELLED_POWERS: [i32; 5] = [6, 8, 10, 12, 13];

pub struct VolumeInputProps {
    pub text: AttrValue,
    pub error: Option<AttrValue>,
    pub unit: VolumeUnit,
    pub tokens_per_month: f64,
    pub oninput: Callback<String>,
    pub onslide: Callback<f64>,
    pub onunit: Callback<VolumeUnit>,
}

/// The volume a person expects: typed in their unit, or slid on a log scale.
pub fn volume_input(props: VolumeInputProps) -> Html {
    let VolumeInputProps {
        text,
        error,
        unit,
        tokens_per_month,
        oninput,
        onslide,
        onunit,
    } = props;
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        oninput.emit(input.value());
    });
    let onslide = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Ok(exponent) = crossover_pricing::units::parse_quantity(&input.value()) {
            onslide.emit(exponent);
        }
    });
    let onunit = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(unit) = VolumeUnit::ALL
            .into_iter()
            .find(|u| (*u as usize).to_string() == select.value())
        {
            onunit.emit(unit);
        }
    });
    let exponent = tokens_per_month.log10().clamp(SLIDER_MIN, SLIDER_MAX);
    let in_words = format!("{} tokens per month", format_count(tokens_per_month));
    let described = if error.is_some() {
        "xo-volume-echo xo-volume-error"
    } else {
        "xo-volume-echo"
    };
    html! {
        <section class="xo-volume" aria-labelledby="xo-volume-label">
            <label id="xo-volume-label" for="xo-volume" class="xo-volume-label">{ "Your expected volume" }</label>
            <div class="xo-volume-row">
                <input id="xo-volume" class="xo-volume-text" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    value={text} {oninput} aria-describedby={described} aria-invalid={error.is_some().to_string()}
                    placeholder="e.g. 2.5B, 300M, 40,000,000" />
                <label for="xo-volume-unit" class="xo-visually-hidden">{ "Unit" }</label>
                <select id="xo-volume-unit" class="xo-volume-unit" onchange={onunit}>
                    { for VolumeUnit::ALL.into_iter().map(|u| html! {
                        <option value={(u as usize).to_string()} selected={u == unit}>{ u.label() }</option>
                    }) }
                </select>
            </div>
            <label for="xo-volume-slider" class="xo-visually-hidden">{ "Volume on a logarithmic scale, 1M to 10T tokens per month" }</label>
            <input id="xo-volume-slider" class="xo-volume-slider" type="range" min={format_plain(SLIDER_MIN)} max={format_plain(SLIDER_MAX)} step="0.01"
                value={format_fixed(exponent, 2)} oninput={onslide} aria-valuetext={in_words.clone()} />
            <div class="xo-slider-scale" aria-hidden="true">
                // One slot per power of ten, spread by the style sheet: no
                // style attribute, which a strict policy refuses.
                { for (SLIDER_MIN as i32..=SLIDER_MAX as i32).map(|e| html! {
                    <span>{ if LABELLED_POWERS.contains(&e) { format_count(10f64.powi(e)) } else { String::new() } }</span>
                }) }
            </div>
            <p id="xo-volume-echo" class="xo-help">{ format!("= {in_words}") }</p>
            <p id="xo-volume-error" class="xo-error" aria-live="polite">{ error.unwrap_or_default() }</p>
        </section>
    }
}
