use std::rc::Rc;

use crossover_pricing::link::encode;
use crossover_pricing::{Comparison, compare};
use yew::prelude::*;

use crate::browser;
use crate::chart::{Palette, chart_specs};
use crate::components::api_picker::ApiPicker;
use crate::components::assumptions::Assumptions;
use crate::components::chart_view::ChartView;
use crate::components::deployment_editor::DeploymentEditor;
use crate::components::headline::Headline;
use crate::components::legend::Legend;
use crate::components::notice::Notice;
use crate::components::results_table::ResultsTable;
use crate::components::share_button::ShareButton;
use crate::components::volume_input::VolumeInput;
use crate::state::{Action, FieldId, State};

fn dispatcher<E: 'static, F>(state: &UseReducerHandle<State>, make: F) -> Callback<E>
where
    F: Fn(E) -> Action + 'static,
{
    let state = state.clone();
    Callback::from(move |e: E| state.dispatch(make(e)))
}

/// The widget: volume, headline, charts, table, options, share.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::from_link(&browser::fragment()));
    let root = use_node_ref();
    let palette = use_state(Palette::default);

    // The fragment always holds the current scenario.
    let link_text = encode(&state.scenario);
    use_effect_with(link_text.clone(), |text| browser::replace_fragment(text));

    // A scenario pasted into the address bar replaces this one.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = browser::WindowListener::new("hashchange", move |_| {
                let next = State::from_link(&browser::fragment());
                state.dispatch(Action::Load {
                    scenario: next.scenario,
                    notices: next.notices,
                });
            });
            move || drop(listener)
        });
    }

    // Chart colours come from the page's CSS variables.
    {
        let root = root.clone();
        let palette = palette.clone();
        use_effect_with((), move |_| {
            if let Some(element) = root.cast::<web_sys::Element>() {
                palette.set(Palette::from_css(|name| {
                    browser::css_variable(&element, name)
                }));
            }
        });
    }

    let results = use_memo(state.scenario.clone(), |s| {
        let comparison = compare(s).map(Rc::new);
        let specs = comparison
            .as_ref()
            .ok()
            .map(|c| chart_specs(c).map(Rc::new));
        (comparison, specs)
    });
    let (comparison, specs) = (&results.0, &results.1);

    let headline: Vec<AttrValue> = match comparison {
        Ok(c) => c
            .pairs
            .iter()
            .map(|p| AttrValue::from(p.headline.clone()))
            .collect(),
        Err(errors) => errors
            .iter()
            .map(|e| AttrValue::from(e.to_string()))
            .collect(),
    };
    let empty = empty_reason(comparison.as_ref().ok().map(Rc::as_ref));

    let shared = Rc::new((*state).clone());
    let notices: Vec<AttrValue> = state
        .notices
        .iter()
        .map(|n| AttrValue::from(n.clone()))
        .collect();
    let permissive = state.permissive_only;

    html! {
        <div class="xo-root" ref={root}>
            <header class="xo-header">
                <h1>{ "Crossover" }</h1>
                <p>{ "Pay per token for an API, or self-host an open model on your own GPUs: where does the answer flip?" }</p>
            </header>
            <Notice {notices} ondismiss={dispatcher(&state, |_| Action::DismissNotices)} />
            <div class="xo-top">
                <VolumeInput text={state.volume_text()} error={state.error(FieldId::Volume).map(|e| AttrValue::from(e.to_string()))}
                    unit={state.volume_unit} tokens_per_month={state.scenario.workload.tokens_per_month}
                    oninput={dispatcher(&state, Action::EditVolume)}
                    onslide={dispatcher(&state, Action::SlideVolume)}
                    onunit={dispatcher(&state, Action::SetVolumeUnit)} />
                <Headline sentences={headline} empty={empty} />
            </div>
            if let (Ok(c), Some(specs)) = (comparison, specs) {
                <div class="xo-charts">
                    <ChartView id="xo-chart-monthly" title="Monthly cost" palette={(*palette).clone()}
                        description="Chart of monthly cost against monthly token volume, both on log scales, with each API, each self-hosting option's staircase and the break-even points. The table below lists the same figures."
                        spec={specs[0].clone()} comparison={c.clone()} />
                    <ChartView id="xo-chart-unit" title="Cost per 1M tokens" palette={(*palette).clone()}
                        description="Chart of cost per million tokens against monthly token volume, both on log scales. The table below lists the same figures."
                        spec={specs[1].clone()} comparison={c.clone()} />
                </div>
                <Legend series={specs[0].series.clone()} palette={(*palette).clone()} />
                <ResultsTable comparison={c.clone()} />
            }
            <div class="xo-options">
                <Assumptions state={shared.clone()} onedit={dispatcher(&state, |(f, t)| Action::EditWorkload(f, t))} />
                <details class="xo-section" open=true>
                    <summary>{ "Self-hosting options" }</summary>
                    <label class="xo-check">
                        <input type="checkbox" checked={permissive}
                            onchange={dispatcher(&state, move |e: Event| {
                                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                Action::SetPermissiveOnly(input.checked())
                            })} />
                        { "Only permissively licensed models (Apache-2.0, MIT)" }
                    </label>
                    { for state.scenario.deployments.iter().enumerate().map(|(i, _)| {
                        let plan = match comparison {
                            Ok(c) => c.deployments[i].plan.clone(),
                            Err(_) => state.scenario.deployments[i].plan(&state.scenario.workload),
                        };
                        html! { <DeploymentEditor index={i} state={shared.clone()} {plan} onaction={dispatcher(&state, |a| a)} /> }
                    }) }
                    if state.scenario.deployments.len() < crossover_pricing::scenario::MAX_DEPLOYMENTS {
                        <button type="button" class="xo-button xo-button-quiet" onclick={dispatcher(&state, |_| Action::AddDeployment)}>
                            { "Add a self-hosting option" }
                        </button>
                    }
                </details>
                <details class="xo-section">
                    <summary>{ format!("APIs to compare ({} selected)", state.scenario.apis.len()) }</summary>
                    <ApiPicker selected={state.scenario.apis.clone()} ontoggle={dispatcher(&state, Action::ToggleApi)} />
                </details>
            </div>
            <footer class="xo-footer">
                <ShareButton link={browser::link_with_fragment(&link_text)} />
            </footer>
        </div>
    }
}

fn empty_reason(c: Option<&Comparison>) -> String {
    let Some(c) = c else { return String::new() };
    if c.apis.is_empty() || c.deployments.is_empty() {
        "Pick at least one API and one self-hosting option below to see where the answer flips."
            .to_string()
    } else if c.deployments.iter().all(|d| d.plan.is_err()) {
        "None of the self-hosting options can be built as set up; see the message under each option below.".to_string()
    } else {
        "None of the selected APIs is priced for this workload; see the table.".to_string()
    }
}
