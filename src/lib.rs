//! The Crossover widget: collects a scenario, asks the pricing model, draws
//! the answer. It does no arithmetic of its own.

pub mod app;
pub mod browser;
pub mod chart;
pub mod components;
pub mod state;

use wasm_bindgen::prelude::*;

/// Mounts the widget into the page's `#crossover` element, if it has one.
/// Pages that mount it elsewhere call [`mount`].
#[wasm_bindgen(start)]
pub fn start() {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("crossover"))
    {
        mount(element);
    }
}

/// Renders the widget inside `element`, leaving the rest of the page alone.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element) {
    yew::Renderer::<app::App>::with_root(element).render();
}
