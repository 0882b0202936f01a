//! The few places the widget touches the browser: the URL fragment, the
//! clipboard, the device pixel ratio, the page's CSS variables, and the
//! files it asks for after its first paint: its own price list and its
//! second module.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    /// `import.meta` of the widget's own module (its JS glue).
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// The address of `file` beside the widget's own files, wherever the page
/// that shows it is (a host page may load the widget from another folder).
pub fn beside_widget(file: &str) -> Option<String> {
    let base = IMPORT_META.with(ImportMeta::url);
    web_sys::Url::new_with_base(file, &base)
        .ok()
        .map(|u| u.href())
}

/// On a page that enforces Trusted Types (`require-trusted-types-for
/// 'script'`), a default policy for the widget's own page that passes what
/// the widget writes: its markup (every piece of text in it escaped,
/// `markup::escape`) and the address of its second module, beside its own
/// files. The page runs no other script, and its policy (`trusted-types
/// default`) lets none make another. Only where the widget owns the page:
/// in a host's page the host's policy rules. Nothing where the browser has
/// no Trusted Types or the page has its default.
pub fn allow_trusted_types() {
    let Some(factory) = window()
        .and_then(|w| js_sys::Reflect::get(&w, &"trustedTypes".into()).ok())
        .filter(|t| t.is_object())
    else {
        return;
    };
    let create = js_sys::Reflect::get(&factory, &"createPolicy".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(create) = create else { return };
    let same =
        wasm_bindgen::closure::Closure::<dyn Fn(JsValue) -> JsValue>::new(|s| s).into_js_value();
    let rules = js_sys::Object::new();
    for sink in ["createHTML", "createScriptURL"] {
        let _ = js_sys::Reflect::set(&rules, &sink.into(), &same);
    }
    let _ = create.call2(&factory, &"default".into(), &rules);
}

/// Loads the module `file` beside the widget's own files (once per page:
/// the browser runs a module once however often it is asked for). If it
/// cannot be had, the elements it would fill (`data-xo-link`) say so.
pub fn load_module(file: &str) {
    let Some(url) = beside_widget(file) else {
        return;
    };
    // Once the browser is idle: the first paint's charts draw first.
    let add = wasm_bindgen::closure::Closure::<dyn FnMut()>::once_into_js(move || add_module(&url));
    let add: &js_sys::Function = add.unchecked_ref();
    if window()
        .and_then(|w| w.request_idle_callback(add).ok())
        .is_none()
    {
        let _ = add.call0(&JsValue::NULL);
    }
}

fn add_module(url: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let (Ok(script), Some(body)) = (document.create_element("script"), document.body()) {
        let _ = script.set_attribute("type", "module");
        let _ = script.set_attribute("src", url);
        let failed = wasm_bindgen::closure::Closure::<dyn FnMut()>::once_into_js(move || {
            if let Ok(waiting) = document.query_selector_all("[data-xo-link]") {
                for i in 0..waiting.length() {
                    if let Some(element) = waiting.item(i) {
                        element.set_text_content(Some(
                            "This part could not load: detail.js, beside the widget's files, is missing or was refused.",
                        ));
                    }
                }
            }
        });
        let _ = script.add_event_listener_with_callback("error", failed.unchecked_ref());
        let _ = body.append_child(&script);
    }
}

/// Fetches a same-origin file and hands `done` its text, or why it could not
/// be had. (Callbacks on the promises rather than a future: the async
/// machinery would cost the bundle a kilobyte for this one request.)
pub fn fetch_text(url: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    let Some(w) = window() else {
        return done(Err("no window".to_string()));
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let settle = {
        let done = done.clone();
        move |result: Result<String, String>| {
            if let Some(done) = done.take() {
                done(result)
            }
        }
    };
    let failed = {
        let settle = settle.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::once_into_js(move |_: JsValue| {
            settle(Err("the request failed".to_string()))
        })
    };
    let on_response = {
        let failed = failed.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::once_into_js(move |r: JsValue| {
            let response: web_sys::Response = r.unchecked_into();
            if !response.ok() {
                return settle(Err(format!("the server answered {}", response.status())));
            }
            let Ok(text) = response.text() else {
                return settle(Err("no text".to_string()));
            };
            let on_text = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::once_into_js(
                move |t: JsValue| settle(t.as_string().ok_or_else(|| "not text".to_string())),
            );
            text.unchecked_ref::<Thenable>().then(&on_text, &failed);
        })
    };
    w.fetch_with_str(url)
        .unchecked_ref::<Thenable>()
        .then(&on_response, &failed);
}

/// Today by the reader's clock (UTC).
pub fn today() -> Option<crossover_pricing::date::Date> {
    let now = js_sys::Date::new_0();
    crossover_pricing::date::Date::new(
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
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

/// Focuses the `index`th element `selector` finds in `within` once the
/// page has redrawn: markup that replaces a control takes the keyboard's
/// focus with it, and this gives it back.
pub fn focus_after_redraw(within: web_sys::Element, selector: &'static str, index: u32) {
    let focus = wasm_bindgen::closure::Closure::<dyn FnMut()>::once_into_js(move || {
        if let Some(control) = within
            .query_selector_all(selector)
            .ok()
            .and_then(|found| found.item(index))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = control.focus();
        }
    });
    if let Some(w) = window() {
        let _ = w.set_timeout_with_callback(focus.unchecked_ref());
    }
}

/// Runs `work` once the running change is done (a microtask): after the
/// page's observers have seen its text, before the browser renders.
pub fn after_this_change(work: impl FnOnce() + 'static) {
    let work = wasm_bindgen::closure::Closure::<dyn FnMut()>::once_into_js(work);
    if let Some(w) = window() {
        w.queue_microtask(work.unchecked_ref());
    }
}

thread_local! {
    /// The fragment to write once changes pause, and its timer.
    static FRAGMENT_DUE: std::cell::RefCell<Option<(String, i32)>> = const { std::cell::RefCell::new(None) };
    /// Made once and kept: a callback made per change and dropped with its
    /// timer could be called after it was freed.
    static WRITE_FRAGMENT: wasm_bindgen::closure::Closure<dyn FnMut()> =
        wasm_bindgen::closure::Closure::new(|| {
            if let Some((text, _)) = FRAGMENT_DUE.take() {
                replace_fragment(&text);
            }
        });
}

/// Replaces the fragment with `text` in `ms`, unless another call or
/// [`cancel_fragment_write`] comes first.
pub fn replace_fragment_after(text: &str, ms: i32) {
    cancel_fragment_write();
    let Some(w) = window() else { return };
    let timer = WRITE_FRAGMENT.with(|write| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(write.as_ref().unchecked_ref(), ms)
    });
    if let Ok(timer) = timer {
        FRAGMENT_DUE.set(Some((text.to_string(), timer)));
    }
}

pub fn cancel_fragment_write() {
    if let (Some((_, timer)), Some(w)) = (FRAGMENT_DUE.take(), window()) {
        w.clear_timeout_with_handle(timer);
    }
}

/// Copies text to the clipboard and tells `done` whether the browser let it
/// (a frame without `allow="clipboard-write"` does not).
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    // One callback for both outcomes, so it runs exactly once and frees
    // itself: writeText fulfils with undefined and rejects with an error.
    let settle = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::once_into_js(
        move |outcome: JsValue| done(outcome.is_undefined()),
    );
    let written = w.navigator().clipboard().write_text(text);
    written.unchecked_ref::<Thenable>().then(&settle, &settle);
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A promise taking plain functions: js-sys's `then2` wants closures
    /// that stay owned, which is what leaked on every copy.
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, fulfilled: &JsValue, rejected: &JsValue);
}

/// Sets lengths in CSS pixels through the element's style object, which a
/// strict Content-Security-Policy allows where it refuses `style` attributes.
pub fn set_px(element: &web_sys::HtmlElement, lengths: &[(&str, f64)]) {
    let style = element.style();
    for (name, px) in lengths {
        let _ = style.set_property(name, &format!("{px}px"));
    }
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

/// Calls `on_resize(width, height)` whenever the element's size changes;
/// the observer lives as long as the returned handle.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl ResizeWatch {
    pub fn new(
        element: &web_sys::Element,
        mut on_resize: impl FnMut(f64, f64) + 'static,
    ) -> Option<ResizeWatch> {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                    let rect = entry.content_rect();
                    on_resize(rect.width(), rect.height());
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

/// Saves `content` as a file called `name`.
pub fn download_text(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    click_download(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Saves a canvas as a PNG file called `name`.
pub fn download_canvas(name: &str, canvas: &web_sys::HtmlCanvasElement) {
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        click_download(name, &url);
    }
}

fn click_download(name: &str, url: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(anchor) = document.create_element("a") else {
        return;
    };
    let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.click();
}

/// Whether the widget runs inside another page's iframe.
pub fn in_iframe() -> bool {
    let Some(w) = window() else { return false };
    match w.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &w),
        _ => false,
    }
}

/// Whether a host's sandbox took the widget's own origin away (an iframe
/// `sandbox` without `allow-same-origin`): then it likely forbids downloads
/// and new windows too, and nothing tells the page when they are refused.
pub fn sandboxed() -> bool {
    window().is_some_and(|w| w.origin() == "null")
}

/// Tells the embedding page the widget's height: `{type, height}` only.
pub fn post_height(height: f64) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"crossover:height".into());
    let _ = js_sys::Reflect::set(
        &message,
        &"height".into(),
        &JsValue::from_f64(height.ceil()),
    );
    // The height of a public calculator is no secret; any embedding origin may read it.
    let _ = parent.post_message(&message, "*");
}

/// Whether the reader's system asks for dark colours.
pub fn prefers_dark() -> bool {
    dark_query().is_some_and(|q| q.matches())
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    window()?.match_media("(prefers-color-scheme: dark)").ok()?
}

/// Calls `on_change(dark)` when the system colour scheme changes; removed
/// when dropped.
pub struct SchemeWatch {
    query: web_sys::MediaQueryList,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl SchemeWatch {
    pub fn new(mut on_change: impl FnMut(bool) + 'static) -> Option<SchemeWatch> {
        let query = dark_query()?;
        let watched = query.clone();
        let callback =
            wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                on_change(watched.matches())
            });
        query
            .add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())
            .ok()?;
        Some(SchemeWatch { query, callback })
    }
}

impl Drop for SchemeWatch {
    fn drop(&mut self) {
        let _ = self
            .query
            .remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}
