use crossover_pricing::Workload;
use crossover_pricing::day_profile::DayProfile;
use crossover_pricing::fields::Field;
use crossover_pricing::units::{format_percent, format_trimmed};
use yew::prelude::*;

use crate::components::day_profile_editor::{DayProfileEditorProps, day_profile_editor};
use crate::components::number_field::{NumberFieldProps, number_field};
use crate::state::{Drafts, FieldId};

pub struct AssumptionsProps {
    pub workload: Workload,
    pub drafts: Drafts,
    pub onedit: Callback<(Field, String)>,
    pub ondayprofile: Callback<Option<DayProfile>>,
    pub open: bool,
    pub ontoggle: Callback<Event>,
}

/// The workload beyond its volume, with the defaults labelled as assumptions.
pub fn assumptions(props: AssumptionsProps) -> Html {
    let AssumptionsProps {
        workload: w,
        drafts,
        onedit,
        ondayprofile,
        open,
        ontoggle,
    } = props;
    // An hour-by-hour day replaces the busiest hour and the service hours.
    let by_hour = w.day_profile.is_some();
    let replaced = |f: &Field| {
        by_hour
            && matches!(
                f,
                Field::PeakToAverage | Field::ServiceHours | Field::ServiceStart
            )
    };
    let shown = |field: Field| field.spec().format_input(w.get(field));
    html! {
        <details class="xo-assumptions" {open} {ontoggle}>
            <summary>{ "Assumptions about your traffic" }
                <span class="xo-summary-detail">{ format!(
                    " · {} in + {} out tokens a request, {} cached, {} batch, peak ×{}",
                    shown(Field::InputTokens),
                    shown(Field::OutputTokens),
                    format_percent(w.cached_input_share),
                    format_percent(w.batch_share),
                    format_trimmed(w.busiest_hour_factor(), 2),
                ) }</span>
            </summary>
            // Closed, as it opens, its fields are not built (see `App`).
            if open {
            { day_profile_editor(DayProfileEditorProps { workload: w.clone(), onchange: ondayprofile }) }
            <div class="xo-grid">
                // The volume has its own input at the top.
                { for Field::workload().filter(|f| *f != Field::TokensPerMonth && !replaced(f)).map(|field| {
                    let spec = field.spec();
                    let draft = drafts.get(&FieldId::Workload(field));
                    let onedit = onedit.clone();
                    number_field(NumberFieldProps {
                        id: format!("xo-w-{}", spec.key).into(),
                        label: spec.label.into(),
                        unit: spec.unit.into(),
                        text: draft.map_or_else(|| shown(field), |d| d.text.clone()).into(),
                        error: draft.and_then(|d| d.error.clone()).map(AttrValue::from),
                        help: spec.default_help(None),
                        oninput: Callback::from(move |text| onedit.emit((field, text))),
                        onreset: None,
                    })
                }) }
            </div>
            <p class="xo-help">{ format!("Input is {} of all tokens.", format_percent(w.input_share())) }</p>
            }
        </details>
    }
}
