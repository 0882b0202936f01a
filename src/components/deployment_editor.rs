use crossover_pricing::SelfHostPlan;
use crossover_pricing::catalogue::{ENGINES, LicenceFilter, OpenModel, Precision, gpus, models};
use crossover_pricing::fields::{Field, FieldKind};
use crossover_pricing::selfhost::{Acquisition, Deployment, PlanError};
use crossover_pricing::view::Money;
use crossover_pricing::words::plan_summary;
use yew::prelude::*;

use crate::components::number_field::{NumberFieldProps, number_field};
use crate::components::select_field::{SelectFieldProps, select_field};
use crate::markup::{escape, outside_link};
use crate::state::{Action, Drafts, FieldId};

pub struct DeploymentEditorProps {
    pub index: usize,
    pub deployment: Deployment,
    /// What is being typed in this deployment's fields.
    pub drafts: Drafts,
    pub licence_filter: LicenceFilter,
    pub plan: Result<SelfHostPlan, PlanError>,
    pub money: Money,
    pub onaction: Callback<Action>,
}

/// The licence linked to its text, a badge for what it allows, any
/// condition, how open the model is, and its Hugging Face page.
pub fn licence_badge(model: &OpenModel) -> Html {
    let (class, text) = match (
        model.permissive,
        model.commercial_use,
        model.commercial_restriction.is_empty(),
    ) {
        (true, _, _) => ("xo-badge xo-badge-ok", "Permissive: commercial use allowed"),
        (false, true, true) => ("xo-badge xo-badge-ok", "Commercial use allowed"),
        (false, true, false) => ("xo-badge xo-badge-warn", "Commercial use with conditions"),
        (false, false, _) => ("xo-badge xo-badge-no", "No commercial use"),
    };
    let restriction = if model.commercial_restriction.is_empty() {
        String::new()
    } else {
        format!(
            "<span class=\"xo-help\"> {}</span>",
            escape(model.commercial_restriction)
        )
    };
    Html::from_html_unchecked(
        format!(
            "<p class=\"xo-licence\">{} <span class=\"{class}\">{text}</span>{restriction}<span class=\"xo-help\"> · {}: {}</span></p>",
            outside_link(&model.licence_link(), model.licence),
            model.openness.label(),
            outside_link(&model.hf_url(), "Hugging Face")
        )
        .into(),
    )
}

fn summary(plan: &Result<SelfHostPlan, PlanError>, money: &Money) -> Html {
    match plan {
        Ok(p) => html! { <p class="xo-plan">{ plan_summary(p, money) }</p> },
        Err(e) => html! { <p class="xo-plan xo-error" role="status">{ e.to_string() }</p> },
    }
}

/// One self-hosting option: model, precision, GPU, engine, rent or own, and
/// every cost term, prefilled from the catalogue and editable.
pub fn deployment_editor(props: DeploymentEditorProps) -> Html {
    let i = props.index;
    let d = &props.deployment;
    let emit = |make: fn(usize, String) -> Action| {
        let onaction = props.onaction.clone();
        Callback::from(move |id: String| onaction.emit(make(i, id)))
    };
    let models: Vec<_> = models()
        .iter()
        .filter(|m| props.licence_filter.allows(m) || m.id == d.model)
        .map(|m| {
            (
                m.id.to_string(),
                format!(
                    "{} ({}B{})",
                    m.name,
                    m.total_params_b,
                    if m.experts_total.is_some() {
                        format!(", {}B active", m.active_params_b)
                    } else {
                        String::new()
                    }
                ),
            )
        })
        .collect();
    // Only the formats the chosen engine loads (GGUF: llama.cpp and Ollama).
    let engine = d.engine();
    let precisions: Vec<_> = Precision::ALL
        .into_iter()
        .filter(|&p| engine.is_none_or(|e| p.loaded_by(e)) || p == d.precision)
        .map(|p| (p.id().to_string(), p.format().name.to_string()))
        .collect();
    let gpus: Vec<_> = gpus()
        .iter()
        .map(|g| {
            (
                g.id.to_string(),
                format!("{} ({} GB)", g.short_name, g.memory_gb),
            )
        })
        .collect();
    // Only the engines that run on the chosen GPU (MLX on a Mac, vLLM not).
    let gpu = d.gpu();
    let engines: Vec<_> = ENGINES
        .iter()
        .filter(|e| gpu.is_none_or(|g| e.runs_on.contains(&g.vendor)) || e.id == d.engine)
        .map(|e| (e.id.to_string(), e.name.to_string()))
        .collect();
    let onaction = props.onaction.clone();
    let on_precision = Callback::from(move |key: String| {
        if let Some(p) = Precision::from_id(&key) {
            onaction.emit(Action::SetPrecision(i, p))
        }
    });
    let onaction = props.onaction.clone();
    let on_acquisition = move |acquisition: Acquisition| {
        let onaction = onaction.clone();
        Callback::from(move |_: Event| onaction.emit(Action::SetAcquisition(i, acquisition)))
    };
    let onaction = props.onaction.clone();
    let on_remove = Callback::from(move |_| onaction.emit(Action::RemoveDeployment(i)));

    let field = |f: Field| {
        let spec = f.spec();
        let id = format!("xo-d{i}-{}", spec.key);
        if spec.kind == FieldKind::Flag {
            let on = d.value(f).is_some_and(|v| v != 0.0);
            let onaction = props.onaction.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                onaction.emit(Action::SetFlag(i, f, input.checked()));
            });
            return html! {
                <label class="xo-check xo-check-field">
                    <input type="checkbox" id={id} checked={on} {onchange} />
                    { spec.label }
                </label>
            };
        }
        let draft = props.drafts.get(&FieldId::Deployment(i, f));
        let text = draft.map_or_else(
            || d.value(f).map(|v| spec.format_input(v)).unwrap_or_default(),
            |x| x.text.clone(),
        );
        let onaction = props.onaction.clone();
        let onreset = props.onaction.clone();
        number_field(NumberFieldProps {
            id: id.into(),
            label: spec.label.into(),
            unit: spec.unit.into(),
            text: text.into(),
            error: draft.and_then(|x| x.error.clone()).map(AttrValue::from),
            help: spec.default_help(Some(d.setting())),
            oninput: Callback::from(move |text| onaction.emit(Action::EditOverride(i, f, text))),
            onreset: d
                .overrides
                .get(f)
                .is_some()
                .then(|| Callback::from(move |_| onreset.emit(Action::ResetOverride(i, f)))),
        })
    };
    let acquisition = d.acquisition();
    // A Mac or a workstation is one machine; data-centre GPUs come by the GPU.
    let choices = if d.is_personal() || d.gpu().is_some_and(|g| g.whole_machine_power) {
        ["Rent it", "Buy it", "Already own it"]
    } else {
        ["Rent GPUs", "Buy GPUs", "Already own them"]
    };
    html! {
        <fieldset class="xo-deployment">
            <legend>{ format!("Self-hosting option {}", i + 1) }</legend>
            <div class="xo-grid">
                { select_field(SelectFieldProps { id: format!("xo-d{i}-model"), label: "Open model", options: models, selected: d.model.clone(), onchange: emit(Action::SetModel) }) }
                { select_field(SelectFieldProps { id: format!("xo-d{i}-precision"), label: "Precision", options: precisions, selected: d.precision.id().to_string(), onchange: on_precision }) }
                { select_field(SelectFieldProps { id: format!("xo-d{i}-gpu"), label: "GPU", options: gpus, selected: d.gpu.clone(), onchange: emit(Action::SetGpu) }) }
                { select_field(SelectFieldProps { id: format!("xo-d{i}-engine"), label: "Serving engine", options: engines, selected: d.engine.clone(), onchange: emit(Action::SetEngine) }) }
            </div>
            if let Some(model) = d.model() { { licence_badge(model) } }
            if let Some(model) = d.model().filter(|m| !props.licence_filter.allows(m)) {
                <p class="xo-error" role="status">{ format!("{} is outside the licence filter ({}): pick another model, or widen the filter.", model.name, props.licence_filter.label()) }</p>
            }
            <div class="xo-radio-row" role="radiogroup" aria-label="Rent, buy or already own the hardware">
                { for [Acquisition::Rent, Acquisition::Buy, Acquisition::AlreadyOwned].into_iter().zip(choices).map(|(value, text)| html! {
                    <label class="xo-check"><input type="radio" name={format!("xo-d{i}-own")} checked={acquisition == value} onchange={on_acquisition(value)} />{ text }</label>
                }) }
            </div>
            <div class="xo-grid">
                { for Field::deployment().filter(|f| *f != Field::AlreadyOwned && d.applies(*f)).map(field) }
            </div>
            { summary(&props.plan, &props.money) }
            <button type="button" class="xo-button xo-button-quiet" onclick={on_remove}>{ format!("Remove option {}", i + 1) }</button>
        </fieldset>
    }
}
