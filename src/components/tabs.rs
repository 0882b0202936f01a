use crossover_pricing::view::Tab;
use yew::prelude::*;

pub struct TabsProps {
    pub active: Tab,
    pub onselect: Callback<Tab>,
}

/// Chooses one results panel where there is room for only one (phones,
/// embedded widgets); hidden by the style sheet elsewhere.
pub fn tabs(props: TabsProps) -> Html {
    html! {
        <div class="xo-tabs" role="tablist" aria-label="Results">
            { for Tab::ALL.into_iter().map(|tab| {
                let onselect = props.onselect.clone();
                let selected = tab == props.active;
                html! {
                    <button type="button" role="tab" id={format!("xo-tab-{}", tab.id())}
                        aria-selected={selected.to_string()} aria-controls={format!("xo-panel-{}", tab.id())}
                        class="xo-tab"
                        onclick={move |_| onselect.emit(tab)}>{ tab.label() }</button>
                }
            }) }
        </div>
    }
}
