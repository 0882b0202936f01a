//! The Crossover widget: collects a scenario, asks the pricing model, draws
//! the answer. It does no arithmetic of its own.

mod allocator;
pub mod app;
pub mod browser;
pub mod chart;
pub mod components;
pub mod detail;
pub mod hooks;
pub mod markup;
pub mod state;
pub mod timing;

use wasm_bindgen::prelude::*;

/// On the standalone page: mounts the widget into `#crossover`, with the
/// scenario in the page's address. Host pages call [`mount`] instead.
#[cfg(not(feature = "detail"))]
#[wasm_bindgen(start)]
pub fn start() {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("crossover"))
    {
        browser::allow_trusted_types();
        let props = app::AppProps {
            sync_url: true,
            ..app::AppProps::default()
        };
        app::warm_up(&browser::fragment());
        timing::measure("start", || {
            yew::Renderer::<app::App>::with_root_and_props(element, props).render()
        });
    }
}

/// Renders the widget inside `element` of a host page, leaving the rest of
/// the page and its address alone. `scenario` is a share-link text to open
/// with; `standalone_url` the page share links should point at
/// (docs/embedding.md).
#[cfg(not(feature = "detail"))]
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, scenario: Option<String>, standalone_url: Option<String>) {
    app::warm_up(scenario.as_deref().unwrap_or_default());
    let props = app::AppProps {
        sync_url: false,
        initial: scenario.map(Into::into),
        standalone_url: standalone_url.map(Into::into),
    };
    yew::Renderer::<app::App>::with_root_and_props(element, props).render();
}

/// The second module, `dist/detail.js`: fills the widget's "Why" panel
/// once loaded ([`detail`]).
#[cfg(feature = "detail")]
#[wasm_bindgen(start)]
pub fn start_detail() {
    detail::start();
}
