//! Components in headless Chromium (wasm-bindgen-test): typing a volume
//! updates the headline and the table, bad input shows a message by its
//! field, and the charts are drawn. The second module's part (the table,
//! the speed chart) runs in the same page, started as `dist/detail.js`
//! starts it.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

fn type_into(selector: &str, text: &str) {
    let input: HtmlInputElement = document()
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn choose(selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = document()
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

/// Waits (up to ten seconds: a debug build on a busy machine is slow) until
/// `ready` holds, letting Yew render.
async fn until(mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if ready() {
            return true;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// One test at a time: wasm-bindgen-test may interleave async tests, and
/// each mounts a widget that writes the page's one address.
struct Turn;

impl Drop for Turn {
    fn drop(&mut self) {
        BUSY.with(|busy| busy.set(false));
    }
}

async fn my_turn() -> Turn {
    while BUSY.with(|busy| busy.replace(true)) {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    Turn
}

/// The widget mounted in a new element, with the page's address set to
/// `fragment`. `unmount` it at the end of a test: a widget left running
/// would keep writing the address the next test reads.
fn mount(fragment: &str) -> Mounted {
    thread_local! {
        static SECOND_MODULE: () = crossover::detail::start();
    }
    SECOND_MODULE.with(|_| {});
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{fragment}")),
        )
        .unwrap();
    let root = document().create_element("div").unwrap();
    root.set_attribute("style", "width: 1100px").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = crossover::app::AppProps {
        sync_url: true,
        ..Default::default()
    };
    let app =
        yew::Renderer::<crossover::app::App>::with_root_and_props(root.clone(), props).render();
    Mounted { root, app }
}

struct Mounted {
    root: Element,
    app: yew::AppHandle<crossover::app::App>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Mounted {
    /// Destroys the widget and lets its last effects run, so they are
    /// done before the next test sets the address.
    async fn unmount(self) {
        yew::scheduler::flush().await;
        self.app.destroy();
        yew::scheduler::flush().await;
        self.root.remove();
    }
}

/// Distinct colours among a canvas's pixels: a blank canvas has one.
fn colours(canvas: &HtmlCanvasElement) -> usize {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    let mut seen = std::collections::HashSet::new();
    for pixel in data.chunks(4).step_by(7) {
        seen.insert((pixel[0], pixel[1], pixel[2]));
        if seen.len() > 20 {
            break;
        }
    }
    seen.len()
}

#[wasm_bindgen_test]
async fn the_widget_answers_what_is_typed() {
    let _turn = my_turn().await;
    let root = mount("v=1&tpm=3B");
    assert!(
        until(|| text_of(".xo-headline").contains("at your 3B")).await,
        "{}",
        text_of(".xo-headline")
    );
    assert!(until(|| text_of(".xo-table caption").contains("3B tokens a month")).await);

    // Typing a volume updates the headline, the table and the link.
    type_into("#xo-volume", "2.5B");
    assert!(until(|| text_of(".xo-headline").contains("at your 2.5B")).await);
    assert!(until(|| text_of(".xo-table caption").contains("2.5B tokens a month")).await);
    // The address follows once typing pauses.
    assert!(until(|| hash().contains("tpm=2.5e9")).await, "{}", hash());

    // Bad input: a message by the field, and the last good result stays.
    type_into("#xo-volume", "lots");
    assert!(until(|| !text_of("#xo-volume-error").is_empty()).await);
    assert!(text_of("#xo-volume-error").contains("not a number"));
    type_into("#xo-volume", "5 lots");
    assert!(until(|| text_of("#xo-volume-error").contains("unknown unit \"lots\"")).await);
    let volume = document().query_selector("#xo-volume").unwrap().unwrap();
    assert_eq!(
        volume.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(text_of(".xo-headline").contains("at your 2.5B"));
    assert!(!root.inner_html().contains("NaN"));

    // Requests a day: 1M requests x 2,000 tokens x 30.42 days = 60.8B a month.
    choose("#xo-volume-unit", "2");
    type_into("#xo-volume", "1M");
    assert!(
        until(|| text_of(".xo-headline").contains("at your 60.8B")).await,
        "{}",
        text_of(".xo-headline")
    );

    // The three charts are drawn (the speed chart by the second module's
    // part), and sharp: the backing store is at least the CSS size.
    assert!(
        until(|| root
            .query_selector_all(".xo-charts canvas")
            .unwrap()
            .length()
            == 3)
        .await
    );
    let canvases = root.query_selector_all(".xo-charts canvas").unwrap();
    for i in 0..canvases.length() {
        let canvas: HtmlCanvasElement = canvases.item(i).unwrap().dyn_into().unwrap();
        assert!(
            until(|| canvas.width() > 100 && colours(&canvas) > 5).await,
            "chart {i} is blank"
        );
        let css_width = canvas.get_bounding_client_rect().width();
        assert!(f64::from(canvas.width()) >= css_width.floor());
    }

    // An assumption: an impossible share is refused by its field; a good one
    // applies. Its section builds its fields once opened.
    assert!(document().query_selector("#xo-w-cache").unwrap().is_none());
    document()
        .query_selector(".xo-assumptions")
        .unwrap()
        .unwrap()
        .set_attribute("open", "")
        .unwrap();
    assert!(
        until(|| document().query_selector("#xo-w-cache").unwrap().is_some()).await,
        "the assumptions' fields are not built when opened"
    );
    type_into("#xo-w-cache", "150%");
    assert!(
        until(|| text_of("#xo-w-cache-error").contains("between 0% and 100%")).await,
        "{}",
        text_of("#xo-w-cache-error")
    );
    type_into("#xo-w-cache", "50%");
    assert!(until(|| hash().contains("cache=0.5")).await, "{}", hash());
    root.unmount().await;
}

#[wasm_bindgen_test]
async fn a_broken_link_opens_with_a_notice() {
    let _turn = my_turn().await;
    let root = mount("v=1&tpm=banana&api=nope&d1=x:y:z:w&%3Cscript%3E=1");
    assert!(
        until(|| !text_of(".xo-notice").is_empty()).await,
        "no notice; address {}; page {}",
        hash(),
        root.inner_html().chars().take(300).collect::<String>()
    );
    let notice = text_of(".xo-notice");
    assert!(notice.contains("tpm"), "{notice}");
    assert!(notice.contains("nope"), "{notice}");
    assert!(
        document()
            .query_selector(".xo-notice script")
            .unwrap()
            .is_none()
    );
    // The defaults stand in for what could not be read; no API was readable.
    assert!(until(|| text_of(".xo-table caption").contains("1B tokens a month")).await);
    assert!(
        text_of(".xo-headline").contains("Pick at least one API"),
        "{}",
        text_of(".xo-headline")
    );
    root.unmount().await;
}
