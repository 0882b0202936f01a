use std::rc::Rc;

use crossover_pricing::catalogue::{self, LicenceFilter};
use crossover_pricing::link::encode;
use crossover_pricing::price_list;
use crossover_pricing::view::{Theme, View};
use crossover_pricing::words::{self, mix_line, pair_line, pair_sentence, service_level_line};
use crossover_pricing::{Comparison, Scenario, plan_scenario};
use yew::prelude::*;

use crate::browser;
use crate::chart::chart_specs;
use crate::components::api_picker::{ApiPickerProps, api_picker};
use crate::components::assumptions::{AssumptionsProps, assumptions};
use crate::components::chart_view::ChartView;
use crate::components::custom_offerings::{CustomOfferingsProps, custom_offerings};
use crate::components::deployment_editor::{DeploymentEditorProps, deployment_editor};
use crate::components::display_settings::{DisplaySettingsProps, display_settings};
use crate::components::headline::{HeadlineProps, headline};
use crate::components::legend::{LegendProps, legend};
use crate::components::notice::{NoticeProps, notice};
use crate::components::select_field::{SelectFieldProps, select_field};
use crate::components::tabs::{TabsProps, tabs};
use crate::components::volume_input::{VolumeInputProps, volume_input};
use crate::hooks::use_fragment_sync::use_fragment_sync;
use crate::hooks::use_iframe_height::use_iframe_height;
use crate::hooks::use_palette::use_palette;
use crate::state::{Action, FieldId, PriceList, State};

#[derive(PartialEq, Properties, Clone, Default)]
pub struct AppProps {
    /// Keep the page's URL fragment in step with the scenario (the
    /// standalone page and iframes do; a widget mounted into a host page
    /// leaves the host's address alone).
    #[prop_or_default]
    pub sync_url: bool,
    /// The scenario to open with, in share-link form, when not taken from
    /// the address.
    #[prop_or_default]
    pub initial: Option<AttrValue>,
    /// The standalone page the share link should open, when the widget is
    /// not on it.
    #[prop_or_default]
    pub standalone_url: Option<AttrValue>,
}

fn dispatcher<E: 'static, F>(state: &UseReducerHandle<State>, make: F) -> Callback<E>
where
    F: Fn(E) -> Action + 'static,
{
    let state = state.clone();
    Callback::from(move |e: E| state.dispatch(make(e)))
}

/// A share link to `scenario` on the standalone page, embed mode off.
fn share_link(base: Option<&str>, scenario: &Scenario, view: &View) -> String {
    let standalone = View {
        embed: false,
        ..view.clone()
    };
    let text = encode(scenario, &standalone);
    match base {
        Some(base) => format!("{}#{text}", base.split('#').next().unwrap_or_default()),
        None => browser::link_with_fragment(&text),
    }
}

/// Prices the scenario a widget opens with (`link`, in share-link form)
/// once before it mounts, and lets the answer go. In the browser the first
/// run of this work takes 4–6 ms and the next under 1; Yew yields to the
/// browser once its first render passes 16 ms, and a yield there would put
/// the charts' first draw behind a layout and a paint (docs/performance.md,
/// "Instant").
pub fn warm_up(link: &str) {
    crate::timing::measure("warm up", || {
        let state = State::from_link(link, browser::today());
        let money = state.view.money();
        if let Ok(c) = plan_scenario(&state.scenario)
            .and_then(|p| p.at(state.scenario.workload.tokens_per_month))
        {
            let _ = chart_specs(&c, &money);
        }
    });
}

/// The widget: volume, headline, charts, table, options, share and embed.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (sync, initial) = (props.sync_url, props.initial.clone());
        use_reducer(move || {
            let text = if sync {
                browser::fragment()
            } else {
                initial.map(|t| t.to_string()).unwrap_or_default()
            };
            State::from_link(&text, browser::today())
        })
    };
    {
        // Every offering beyond the default scenario's, after the first paint.
        let state = state.clone();
        use_effect_with((), move |_| {
            if !catalogue::all_apis_known() {
                let loaded = move |result: Result<String, String>| {
                    let read = result.and_then(|text| {
                        price_list::load(&text).map(drop).map_err(|e| e.to_string())
                    });
                    state.dispatch(Action::PriceListLoaded(read));
                };
                match browser::beside_widget(catalogue::PRICE_LIST_FILE) {
                    Some(url) => browser::fetch_text(&url, loaded),
                    None => loaded(Err("its address is unknown".to_string())),
                }
            }
            browser::load_module(crate::detail::SCRIPT_FILE);
        });
    }
    let root = use_node_ref();
    let section = |k: usize| {
        dispatcher(&state, move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            Action::SetSectionOpen(k, details.has_attribute("open"))
        })
    };
    // Two property reads; cheaper than a hook holding them.
    let framed = browser::in_iframe();
    let view = &state.view;
    let link = AttrValue::from(encode(&state.scenario, view));
    use_fragment_sync(props.sync_url, link.clone(), state.clone());
    let (dark, palette) = use_palette(root.clone(), view.theme);
    use_iframe_height(root.clone(), framed);

    // Only what is priced recomputes; the currency and theme only redraw.
    // Typing a volume reprices the plans rather than making them again.
    let planned = use_memo(state.scenario.without_volume(), |s| {
        crate::timing::measure("plan", || plan_scenario(s).map(Rc::new))
    });
    let comparison = {
        let planned = planned.clone();
        use_memo(state.scenario.clone(), move |s| {
            crate::timing::measure("compare", || match &*planned {
                Ok(p) => p.at(s.workload.tokens_per_month).map(Rc::new),
                Err(errors) => Err(errors.clone()),
            })
        })
    };
    let money = view.money();
    let specs = {
        let comparison = comparison.clone();
        use_memo(
            (state.scenario.clone(), money.clone()),
            move |(_, money)| {
                (*comparison).as_ref().ok().map(|c| {
                    crate::timing::measure("chart specs", || chart_specs(c, money).map(Rc::new))
                })
            },
        )
    };
    let comparison = &*comparison;

    let (lines, sentences): (Vec<AttrValue>, Vec<AttrValue>) = match comparison {
        Ok(c) => {
            let (mut lines, sentences): (Vec<_>, Vec<_>) = c
                .pairs
                .iter()
                .map(|p| {
                    (
                        AttrValue::from(pair_line(c, p, &money)),
                        AttrValue::from(pair_sentence(c, p, &money)),
                    )
                })
                .unzip();
            for m in &c.mixes {
                lines.push(mix_line(c, m, &money).into());
            }
            for d in 0..c.deployments.len() {
                lines.extend(service_level_line(c, d, &money).map(AttrValue::from));
            }
            (lines, sentences)
        }
        Err(errors) => (
            errors
                .iter()
                .map(|e| AttrValue::from(e.to_string()))
                .collect(),
            Vec::new(),
        ),
    };
    let empty = empty_reason(comparison.as_ref().ok().map(Rc::as_ref));
    let notices: Vec<AttrValue> = state
        .notices
        .iter()
        .map(|n| AttrValue::from(n.clone()))
        .collect();
    let share = share_link(props.standalone_url.as_deref(), &state.scenario, view);
    let embed_src = format!("{share}&embed=1");
    html! {
        <div class="xo-root" data-xo-theme={if dark { "dark" } else { "light" }}
            data-xo-embed={view.embed.then_some("")} data-xo-framed={framed.then_some("")}
            data-xo-show={view.tab.id()} ref={root.clone()}>
            if !view.embed {
                { Html::from_html_unchecked(AttrValue::Static(
                    "<header class=\"xo-header\"><h1>Crossover</h1><p>Pay per token for an API, or self-host an open model on your own GPUs: where does the answer flip?</p></header>"
                )) }
            }
            { notice(NoticeProps { notices, ondismiss: dispatcher(&state, |_| Action::DismissNotices) }) }
            <div class="xo-top">
                { volume_input(VolumeInputProps {
                    text: state.volume_text().into(),
                    error: state.error(FieldId::Volume).map(|e| AttrValue::from(e.to_string())),
                    unit: state.view.volume_unit,
                    tokens_per_month: state.scenario.workload.tokens_per_month,
                    oninput: dispatcher(&state, Action::EditVolume),
                    onslide: dispatcher(&state, Action::SlideVolume),
                    onunit: dispatcher(&state, Action::SetVolumeUnit),
                }) }
                { headline(HeadlineProps {
                    lines,
                    sentences,
                    empty: empty.into(),
                    prices_as_of: capitalised(&words::prices_as_of(state.scenario.date)).into(),
                }) }
            </div>
            if let (Ok(_), Some(specs)) = (comparison, &*specs) {
                { tabs(TabsProps { active: view.tab, onselect: dispatcher(&state, Action::SetTab) }) }
                <div class="xo-charts">
                    { for specs.iter().map(|spec| html! {
                        <ChartView id={spec.chart.panel_id()} title={spec.chart.title} palette={palette.clone()} money={money.clone()}
                            description={spec.chart.description} spec={spec.clone()} />
                    }) }
                    // The speed chart: filled by the second module, like the panels below.
                    <figure class="xo-chart" id="xo-panel-speed" data-xo-link={link.clone()}></figure>
                </div>
                { legend(LegendProps { spec: specs[0].clone(), palette: palette.clone() }) }
                // Filled by the second module (src/detail.rs), which reads the scenario from here.
                <section class="xo-results" id="xo-panel-table" data-xo-link={link.clone()}></section>
                <div class="xo-export" id="xo-downloads" role="group" aria-label="Download" data-xo-link={link.clone()}></div>
                <figure class="xo-chart" id="xo-panel-why" data-xo-link={link.clone()}></figure>
            }
            <div class="xo-options">
                { assumptions(AssumptionsProps {
                    workload: state.scenario.workload.clone(),
                    drafts: state.drafts.clone(),
                    onedit: dispatcher(&state, |(f, t)| Action::EditWorkload(f, t)),
                    ondayprofile: dispatcher(&state, Action::SetDayProfile),
                    open: state.sections_open[3],
                    ontoggle: section(3),
                }) }
                // A closed section's controls are not built: a hundred API
                // boxes would cost every render, and the first paint, time
                // for nothing on screen.
                // Open by default, its controls come with the price list: its
                // model and GPU lists are the list's, and the first paint,
                // without a fifth of its elements, draws the charts sooner.
                <details class="xo-section" open={state.sections_open[0]} ontoggle={section(0)}>
                    <summary>{ "Self-hosting options" }</summary>
                    if state.sections_open[0] && state.price_list == PriceList::Loading {
                        <p class="xo-help">{ "Loading the open models and GPUs…" }</p>
                    } else if state.sections_open[0] {
                    { select_field(SelectFieldProps {
                        id: "xo-licence-filter".into(),
                        label: "Models offered",
                        options: LicenceFilter::ALL
                            .iter()
                            .map(|f| (f.id().to_string(), f.label().to_string()))
                            .collect(),
                        selected: state.view.licence_filter.id().to_string(),
                        onchange: dispatcher(&state, |key: String| {
                            Action::SetLicenceFilter(LicenceFilter::from_id(&key).unwrap_or_default())
                        }),
                    }) }
                    { for state.scenario.deployments.iter().enumerate().map(|(i, deployment)| {
                        let plan = match comparison {
                            Ok(c) => c.deployments[i].plan.clone(),
                            Err(_) => deployment.plan(&state.scenario.workload),
                        };
                        deployment_editor(DeploymentEditorProps {
                            index: i,
                            deployment: deployment.clone(),
                            drafts: state.drafts.clone(),
                            licence_filter: state.view.licence_filter,
                            plan,
                            money: money.clone(),
                            onaction: dispatcher(&state, |a| a),
                        })
                    }) }
                    if state.scenario.deployments.len() < crossover_pricing::scenario::MAX_DEPLOYMENTS {
                        <button type="button" class="xo-button xo-button-quiet" onclick={dispatcher(&state, |_| Action::AddDeployment)}>
                            { "Add a self-hosting option" }
                        </button>
                    }
                    }
                </details>
                <details class="xo-section" open={state.sections_open[1]} ontoggle={section(1)}>
                    <summary>{ format!("APIs to compare ({} selected{})", state.scenario.apis.len(),
                        if state.scenario.custom.is_empty() { String::new() } else { format!(", {} of your own", state.scenario.custom.len()) }) }</summary>
                    if state.sections_open[1] {

                    { api_picker(ApiPickerProps {
                        selected: state.scenario.apis.clone(),
                        date: state.scenario.date,
                        money: money.clone(),
                        query: state.api_query.clone().into(),
                        price_list: state.price_list.clone(),
                        ontoggle: dispatcher(&state, Action::ToggleApi),
                        onsearch: dispatcher(&state, Action::SearchApis),
                    }) }
                    { custom_offerings(CustomOfferingsProps {
                        offerings: state.scenario.custom.clone(),
                        money: money.clone(),
                        drafts: state.drafts.clone(),
                        onaction: dispatcher(&state, |a| a),
                    }) }
                    }
                </details>
                <details class="xo-section" open={state.sections_open[2]} ontoggle={section(2)}>
                    <summary>{ format!("Currency and colours ({}, {})", money.code, match view.theme { Theme::Auto => "system", Theme::Light => "light", Theme::Dark => "dark" }) }</summary>
                    if state.sections_open[2] {
                    { display_settings(DisplaySettingsProps {
                        view: view.clone(),
                        rate_text: state.drafts.get(&FieldId::Rate).map(|d| AttrValue::from(d.text.clone())),
                        rate_error: state.error(FieldId::Rate).map(|e| AttrValue::from(e.to_string())),
                        oncurrency: dispatcher(&state, Action::SetCurrency),
                        onrate: dispatcher(&state, Action::EditRate),
                        ontheme: dispatcher(&state, Action::SetTheme),
                    }) }
                    }
                </details>
            </div>
            <footer class="xo-footer">
                <div class="xo-share">
                    // The copy button: drawn by the second module.
                    <div class="xo-share-copy" id="xo-share" data-xo-link={link.clone()} data-xo-share={share.clone()}></div>
                    <a class="xo-share-open" href={share} target="_blank" rel="noopener">{ "Open this scenario on its own page" }</a>
                </div>
                if !view.embed {
                    // The embed snippet: filled by the second module.
                    <div class="xo-embed-box" id="xo-embed" data-xo-link={link} data-xo-src={embed_src}></div>
                }
            </footer>
        </div>
    }
}

/// The sentence with its first letter a capital (ASCII: the words are ours).
fn capitalised(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
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
