//! The few places the widget touches the browser: the URL fragment, the
//! clipboard, the device pixel ratio and the page's CSS variables.

use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The URL fragment without its `#`.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Replaces the fragment without adding a history entry, so Back still
/// leaves the page.
pub fn replace_fragment(text: &str) {
    let Some(w) = window() else { return };
    let Ok(href) = w.location().href() else {
        return;
    };
    let base = href.split('#').next().unwrap_or_default();
    let url = format!("{base}#{text}");
    if href != url
        && let Ok(history) = w.history()
    {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The page's address with the given fragment.
pub fn link_with_fragment(text: &str) -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{text}")
}

/// Copies text to the clipboard and tells `done` whether the browser let it.
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    let promise = w.navigator().clipboard().write_text(text);
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let settle = move |ok: bool| {
        let done = done.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| {
            if let Some(done) = done.take() {
                done(ok);
            }
        })
    };
    let (resolved, rejected) = (settle(true), settle(false));
    let _ = promise.then2(&resolved, &rejected);
    // One of the two never runs; both must outlive this call.
    resolved.forget();
    rejected.forget();
}

pub fn device_pixel_ratio() -> f64 {
    window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0)
}

/// A CSS custom property as the element sees it, e.g. `--xo-fg`.
pub fn css_variable(element: &web_sys::Element, name: &str) -> Option<String> {
    let style = window()?.get_computed_style(element).ok()??;
    let value = style.get_property_value(name).ok()?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Calls `on_resize(width)` whenever the element's width changes; the
/// observer lives as long as the returned handle.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl ResizeWatch {
    pub fn new(
        element: &web_sys::Element,
        mut on_resize: impl FnMut(f64) + 'static,
    ) -> Option<ResizeWatch> {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                    on_resize(entry.content_rect().width());
                }
            },
        );
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(ResizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A listener on the window, removed when dropped.
pub struct WindowListener {
    name: &'static str,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl WindowListener {
    pub fn new(
        name: &'static str,
        on_event: impl FnMut(web_sys::Event) + 'static,
    ) -> Option<WindowListener> {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
        window()?
            .add_event_listener_with_callback(name, callback.as_ref().unchecked_ref())
            .ok()?;
        Some(WindowListener { name, callback })
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback(
                self.name,
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}
