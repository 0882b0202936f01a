use crossover_pricing::Workload;
use crossover_pricing::catalogue::DEFAULTS;
use crossover_pricing::units::format_percent;
use yew::prelude::*;

use crate::components::number_field::{NumberFieldProps, number_field};
use crate::state::{FieldId, State, WorkloadField, format_input};

pub struct AssumptionsProps {
    pub state: UseReducerHandle<State>,
    pub onedit: Callback<(WorkloadField, String)>,
}

fn describe(field: WorkloadField) -> (&'static str, &'static str, &'static str, f64) {
    let d = &DEFAULTS;
    match field {
        WorkloadField::InputTokens => (
            "Input tokens per request",
            "tokens",
            d.input_tokens_per_request.source,
            d.input_tokens_per_request.value,
        ),
        WorkloadField::OutputTokens => (
            "Output tokens per request",
            "tokens",
            d.output_tokens_per_request.source,
            d.output_tokens_per_request.value,
        ),
        WorkloadField::CachedShare => (
            "Cached share of input",
            "%",
            d.cached_input_share.source,
            d.cached_input_share.value,
        ),
        WorkloadField::CacheWriteShare => (
            "Cache-write share of input",
            "%",
            d.cache_write_share.source,
            d.cache_write_share.value,
        ),
        WorkloadField::BatchShare => (
            "Batch-eligible share of traffic",
            "%",
            d.batch_share.source,
            d.batch_share.value,
        ),
        WorkloadField::PeakToAverage => (
            "Busiest hour over the average",
            "×",
            d.peak_to_average.source,
            d.peak_to_average.value,
        ),
        WorkloadField::ServiceHours => (
            "Service hours per day",
            "hours",
            d.service_hours_per_day.source,
            d.service_hours_per_day.value,
        ),
    }
}

fn field_id(field: WorkloadField) -> String {
    format!("xo-w{}", field as usize)
}

/// The workload beyond its volume, with the defaults labelled as assumptions.
pub fn assumptions(props: AssumptionsProps) -> Html {
    let w: &Workload = &props.state.scenario.workload;
    html! {
        <details class="xo-assumptions">
            <summary>{ "Assumptions about your traffic" }
                <span class="xo-summary-detail">{ format!(
                    " · {} in + {} out tokens a request, {} cached, {} batch, peak ×{}",
                    format_input(w.input_tokens_per_request, false),
                    format_input(w.output_tokens_per_request, false),
                    format_percent(w.cached_input_share),
                    format_percent(w.batch_share),
                    format_input(w.peak_to_average, false),
                ) }</span>
            </summary>
            <div class="xo-grid">
                { for WorkloadField::ALL.into_iter().map(|field| {
                    let (label, unit, source, default) = describe(field);
                    let draft = props.state.drafts.get(&FieldId::Workload(field));
                    let text = draft.map_or_else(|| format_input(field.get(w), field.is_share()), |d| d.text.clone());
                    let onedit = props.onedit.clone();
                    number_field(NumberFieldProps {
                        id: field_id(field).into(),
                        label: label.into(),
                        unit: unit.into(),
                        text: text.into(),
                        error: draft.and_then(|d| d.error.clone()).map(AttrValue::from),
                        help: Some(format!("Default {} {}: {}", format_input(default, field.is_share()), unit, source).into()),
                        oninput: Callback::from(move |text| onedit.emit((field, text))),
                        onreset: None,
                    })
                }) }
            </div>
            <p class="xo-help">{ format!("Input is {} of all tokens.", format_percent(w.input_share())) }</p>
        </details>
    }
}
