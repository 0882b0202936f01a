use crossover_pricing::Workload;
use crossover_pricing::day_profile::{DayPreset, DayProfile, MAX_HOUR_WEIGHT};
use crossover_pricing::words::day_line;
use yew::prelude::*;

pub struct DayProfileEditorProps {
    pub workload: Workload,
    pub onchange: Callback<Option<DayProfile>>,
}

/// The day's load: the busiest hour and service hours, a preset, or a
/// weight per hour set on a small chart of one slider an hour.
pub fn day_profile_editor(props: DayProfileEditorProps) -> Html {
    let DayProfileEditorProps { workload, onchange } = props;
    let day = workload.day_profile;
    let chosen = day.map_or("", |d| d.preset().map_or("own", DayPreset::id));
    let onpreset = {
        let onchange = onchange.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            match DayPreset::from_id(&select.value()) {
                Some(preset) => onchange.emit(Some(preset.profile())),
                None if select.value().is_empty() => onchange.emit(None),
                None => {}
            }
        })
    };
    // One handler for the 24 sliders, on release: the bars are markup text
    // (24 controls as elements would weigh on the first paint).
    let onbar = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(hour) = input
            .get_attribute("data-hour")
            .and_then(|h| h.parse::<u8>().ok())
        else {
            return;
        };
        let hour = usize::from(hour);
        let weight = input.value().parse().ok();
        match day.zip(weight).and_then(|(d, w)| d.with_hour(hour, w).ok()) {
            Some(changed) => {
                onchange.emit(Some(changed));
                if let Ok(Some(editor)) = input.closest(".xo-day") {
                    crate::browser::focus_after_redraw(editor, ".xo-day-bar", hour as u32);
                }
            }
            // A day with no traffic at all is refused: the slider goes back.
            None => {
                let was = day.and_then(|d| d.weights().get(hour).copied());
                input.set_value(&was.unwrap_or(0).to_string());
            }
        }
    });
    let bars = day.map(|day| {
        let inputs: String = day
            .weights()
            .iter()
            .enumerate()
            .map(|(hour, weight)| {
                format!(
                    "<input type=\"range\" class=\"xo-day-bar\" min=\"0\" max=\"{MAX_HOUR_WEIGHT}\" step=\"1\" value=\"{weight}\" data-hour=\"{hour}\" aria-label=\"{hour:02}:00\">"
                )
            })
            .collect();
        Html::from_html_unchecked(format!(
            "<div class=\"xo-day-bars\" role=\"group\" aria-label=\"Weight of each hour, local time, from 00:00\">{inputs}</div>\
             <div class=\"xo-day-hours\" aria-hidden=\"true\"><span>00</span><span>06</span><span>12</span><span>18</span><span>24</span></div>"
        ).into())
    });
    html! {
        <div class="xo-field xo-day">
            <label for="xo-w-day">{ "Traffic by hour of the day" }</label>
            <select id="xo-w-day" class="xo-input" onchange={onpreset}>
                <option value="" selected={chosen.is_empty()}>{ "Busiest hour and service hours (below)" }</option>
                { for DayPreset::ALL.into_iter().map(|p| html! {
                    <option value={p.id()} selected={chosen == p.id()}>{ p.label() }</option>
                }) }
                if chosen == "own" { <option value="own" selected=true disabled=true>{ "As you set it" }</option> }
            </select>
            <div onchange={onbar}>{ for bars }</div>
            <p class="xo-help">{ "Your day: " }{ day_line(&workload) }{ ". The presets are assumptions to change: each slider is an hour's traffic against the others', in your time zone." }</p>
        </div>
    }
}
