//! What the widget shows after its first paint: the results table, the
//! cost-against-speed chart, the "Why" panel (what moves the answer, as a
//! tornado chart with its words), the downloads (each chart as PNG, the
//! chart data and the table as CSV), the share link's copy button and the
//! embed snippet. It is built as
//! a second WebAssembly module (`dist/detail.js`, the `detail` feature)
//! that the widget loads after its first paint, so none of it weighs on it.
//!
//! The two modules share nothing but the page: the widget renders empty
//! elements carrying the scenario's share-link text in `data-xo-link`
//! ([`LINK_ATTRIBUTE`]); this module watches the page for such elements,
//! decodes the link as any reader's link is decoded, asks the pricing model
//! and fills the element. What it drew is kept in `data-xo-drawn`, ending
//! with the link it drew (the end-to-end tests wait on it), so a change to
//! anything else on the page costs a comparison of two strings.

mod embed;
mod results;
mod share;

use std::cell::{Cell, RefCell};

use crossover_pricing::catalogue::{self, PRICE_LIST_FILE};
use crossover_pricing::compare::short_label;
use crossover_pricing::error::InputError;
use crossover_pricing::link::decode;
use crossover_pricing::sensitivity::{Tornado, tornado};
use crossover_pricing::units::{format_amount, format_count};
use crossover_pricing::view::{Money, format_money, format_money_whole};
use crossover_pricing::{Comparison, Scenario, compare, export, price_list, words};
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::browser;
use crate::chart::canvas::{chart_height, draw_on_canvas, place_readout};
use crate::chart::data::values_at;
use crate::chart::tornado::{TornadoSpec, css_height, draw_tornado};
use crate::chart::{
    CHARTS, Chart, ChartSpec, DETAIL_CHARTS, Look, Palette, PlotArea, chart_spec, chart_specs,
};
use crate::markup::{escape, outside_link};

/// The attribute the widget puts the scenario in, on the element to fill.
pub const LINK_ATTRIBUTE: &str = "data-xo-link";
/// The script the widget loads, beside its own files.
pub const SCRIPT_FILE: &str = "detail.js";
/// The downloads' element, the results table's and the embed snippet's;
/// any other is a chart of [`DETAIL_CHARTS`] or a "Why" panel.
const DOWNLOADS_ID: &str = "xo-downloads";
const RESULTS_ID: &str = "xo-panel-table";
/// The embed snippet's element and the share button's, in the footer.
const EMBED_ID: &str = "xo-embed";
const SHARE_ID: &str = "xo-share";
/// The cost model's documentation, in the project's repository.
const COST_MODEL_URL: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/blob/main/docs/cost-model.md"
);
/// Points per line in the chart-data CSV.
const CSV_POINTS: usize = 200;
const DRAWN: &str = "data-xo-drawn";
const PAIR: &str = "data-xo-pair";
/// Typing settles before the panel follows: the charts a reader is
/// watching redraw first.
const SETTLE_MS: i32 = 150;
/// Narrower than this, names go above their bars.
const COMPACT_BELOW_PX: f64 = 560.0;

#[derive(Clone, Copy, PartialEq)]
enum PriceList {
    Unneeded,
    Loading,
    Read,
    Failed,
}

thread_local! {
    static PRICE_LIST: Cell<PriceList> = const { Cell::new(PriceList::Unneeded) };
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    /// The timer's callback, made once: one made per change would leak
    /// with every timer a later change clears.
    static DRAW_ALL: Closure<dyn FnMut()> = Closure::new(|| {
        TIMER.set(None);
        draw_all();
    });
    /// Watches each panel's size: a host's column can change it with no
    /// window resize.
    static SIZES: Option<web_sys::ResizeObserver> = {
        let resized = Closure::<dyn FnMut()>::new(schedule);
        let observer = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()).ok();
        keep(resized);
        observer
    };
    /// Each chart panel drawn, with where its plot lies and what it shows,
    /// for the pointer readout.
    static PLOTS: RefCell<Vec<(web_sys::Element, PlotArea, ChartSpec)>> = const { RefCell::new(Vec::new()) };
    /// The page watch and listeners, kept for the page's life.
    static WATCH: RefCell<Vec<Box<dyn std::any::Any>>> = const { RefCell::new(Vec::new()) };
}

/// Starts watching the page: called once, when the module loads.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if !catalogue::all_apis_known() {
        PRICE_LIST.set(PriceList::Loading);
        let read = |result: Result<String, String>| {
            let read = result.is_ok_and(|text| price_list::load(&text).is_ok());
            PRICE_LIST.set(if read {
                PriceList::Read
            } else {
                PriceList::Failed
            });
            redraw_all_now();
        };
        match browser::beside_widget(PRICE_LIST_FILE) {
            Some(url) => browser::fetch_text(&url, read),
            None => read(Err(String::new())),
        }
    }
    let changed = Closure::<dyn FnMut()>::new(schedule);
    if let Ok(observer) = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_attributes(true);
        // The link, the phone's tab and the theme: what the panel shows or its size.
        options.set_attribute_filter(&js_sys::Array::of3(
            &LINK_ATTRIBUTE.into(),
            &"data-xo-show".into(),
            &"data-xo-theme".into(),
        ));
        let _ = observer.observe_with_options(&document, &options);
        keep(observer);
    }
    keep(changed);
    for (event, listener) in [
        ("change", on_pick as fn(web_sys::Event)),
        ("click", on_click),
        ("pointermove", on_pointer),
        ("pointerout", on_pointer),
    ] {
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(listener);
        let _ = document.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        keep(listener);
    }
    schedule();
}

fn keep(value: impl std::any::Any) {
    WATCH.with_borrow_mut(|kept| kept.push(Box::new(value)));
}

/// Draws every panel once the page has settled.
fn schedule() {
    let Some(w) = web_sys::window() else { return };
    if let Some(timer) = TIMER.take() {
        w.clear_timeout_with_handle(timer);
    }
    TIMER.set(DRAW_ALL.with(|run| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            run.as_ref().unchecked_ref(),
            SETTLE_MS,
        )
        .ok()
    }));
}

fn panels() -> Vec<web_sys::HtmlElement> {
    let Some(found) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(&format!("[{LINK_ATTRIBUTE}]")).ok())
    else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect()
}

fn draw_all() {
    for panel in panels() {
        SIZES.with(|sizes| {
            if let Some(sizes) = sizes {
                sizes.observe(&panel);
            }
        });
        draw_panel(&panel);
    }
}

/// After the price list arrives: every panel again, whatever it drew.
fn redraw_all_now() {
    for panel in panels() {
        let _ = panel.remove_attribute(DRAWN);
        draw_panel(&panel);
    }
}

/// What the panel shows: the comparison, its pairs to pick from, and the
/// tornado of the one picked.
struct Shown {
    comparison: Comparison,
    /// Index into the comparison's pairs.
    chosen: usize,
    tornado: Option<Tornado>,
    money: Money,
}

type Compared = Result<(Scenario, Comparison, Money), String>;

thread_local! {
    /// The last link compared, with the price list as it was: the table,
    /// the charts, the Why panel and the downloads all read the same link
    /// after a change, and one comparison serves them.
    static COMPARED: RefCell<Option<(String, PriceList, Compared)>> = const { RefCell::new(None) };
}

/// The element's scenario, read as the widget reads a link, compared.
fn read_comparison(element: &web_sys::Element) -> Compared {
    let link = element.get_attribute(LINK_ATTRIBUTE).unwrap_or_default();
    let list = PRICE_LIST.get();
    let kept = COMPARED.with_borrow(|kept| {
        kept.as_ref()
            .filter(|(l, p, _)| *l == link && *p == list)
            .map(|(_, _, compared)| compared.clone())
    });
    if let Some(compared) = kept {
        return compared;
    }
    let compared = compare_link(&link);
    COMPARED.set(Some((link, list, compared.clone())));
    compared
}

fn compare_link(link: &str) -> Compared {
    let mut decoded = decode(link).map_err(|e| e.to_string())?;
    if let (false, Some(today)) = (decoded.dated, browser::today()) {
        decoded.scenario.date = catalogue::pricing_day(today);
    }
    let comparison = compare(&decoded.scenario).map_err(|errors| InputError::join(&errors))?;
    Ok((decoded.scenario, comparison, decoded.view.money()))
}

impl Shown {
    fn read(panel: &web_sys::Element) -> Result<Shown, String> {
        let (scenario, comparison, money) = read_comparison(panel)?;
        let mut shown = Shown {
            comparison,
            chosen: 0,
            tornado: None,
            money,
        };
        // Kept by what it compares, so another API ticked or unticked
        // leaves the pair picked (or the first shown, if it went).
        let picked = panel.get_attribute(PAIR).unwrap_or_default();
        shown.chosen = (0..shown.comparison.pairs.len())
            .find(|&i| shown.key(i) == picked)
            .unwrap_or(0);
        shown.tornado = shown
            .comparison
            .pairs
            .get(shown.chosen)
            .and_then(|p| tornado(&scenario, p.api, p.deployment));
        Ok(shown)
    }

    fn names(&self, pair: usize) -> (String, String) {
        let p = &self.comparison.pairs[pair];
        let api = self.comparison.apis[p.api].offering.label();
        let deployment = self.comparison.deployments[p.deployment]
            .plan
            .as_ref()
            .map(short_label)
            .unwrap_or_default();
        (api, deployment)
    }

    /// What a pair compares, as the picker's value.
    fn key(&self, pair: usize) -> String {
        let (api, _) = self.names(pair);
        format!("{} {api}", self.comparison.pairs[pair].deployment)
    }
}

fn draw_panel(panel: &web_sys::HtmlElement) {
    let id = panel.id();
    // The footer's buttons need no comparison, so no price list either.
    match id.as_str() {
        EMBED_ID => return draw_footer_part(panel, embed::SOURCE_ATTRIBUTE, embed::draw),
        SHARE_ID => return draw_footer_part(panel, share::SHARE_ATTRIBUTE, share::draw),
        _ if PRICE_LIST.get() == PriceList::Loading => return,
        DOWNLOADS_ID => return draw_downloads(panel),
        RESULTS_ID => return draw_results(panel),
        _ => {}
    }
    if let Some(chart) = DETAIL_CHARTS.iter().find(|c| c.panel_id() == id) {
        return draw_chart(panel, chart);
    }
    let width = f64::from(panel.client_width());
    // A hidden panel (another tab on a phone) is drawn when it shows.
    if width <= 0.0 {
        return;
    }
    let palette = Palette::from_css(|name| browser::css_variable(panel, name));
    let background = palette.background;
    let key = format!(
        "{width} {} {} {} {} {}",
        background.0,
        background.1,
        background.2,
        panel.get_attribute(PAIR).unwrap_or_default(),
        panel.get_attribute(LINK_ATTRIBUTE).unwrap_or_default()
    );
    if panel.get_attribute(DRAWN).as_deref() == Some(key.as_str()) {
        return;
    }
    let _ = panel.set_attribute(DRAWN, &key);
    let words_open = panel
        .query_selector("details[open]")
        .ok()
        .flatten()
        .is_some();
    let shown = match Shown::read(panel) {
        Ok(shown) if shown.tornado.is_some() => shown,
        Ok(_) => {
            return panel.set_inner_html(&format!(
                "{CAPTION}<p class=\"xo-help\">Nothing to move yet: pick an API and a self-hosting option that can be built.</p>"
            ));
        }
        Err(why) => {
            return panel.set_inner_html(&format!(
                "{CAPTION}<p class=\"xo-help\">Nothing to move yet: {}</p>",
                escape(&why)
            ));
        }
    };
    let Some(t) = &shown.tornado else { return };
    let (api, deployment) = shown.names(shown.chosen);
    let lines = words::tornado_lines(t, &api, &shown.money);
    let mut html = String::from(CAPTION);
    if shown.comparison.pairs.len() > 1 {
        html.push_str(
            "<label class=\"xo-why-pick\">Comparison <select class=\"xo-select\" data-xo-pick>",
        );
        for i in 0..shown.comparison.pairs.len() {
            let (a, d) = shown.names(i);
            html.push_str(&format!(
                "<option value=\"{}\"{}>{} vs {}</option>",
                escape(&shown.key(i)),
                if i == shown.chosen { " selected" } else { "" },
                escape(&d),
                escape(&a)
            ));
        }
        html.push_str("</select></label>");
    } else {
        html.push_str(&format!(
            "<p class=\"xo-help\">{} vs {}</p>",
            escape(&deployment),
            escape(&api)
        ));
    }
    html.push_str(&format!(
        "<p>{}</p><div class=\"xo-canvas-box\"><canvas role=\"img\" aria-label=\"Tornado chart: how far self-hosting's monthly saving over {} moves as each input moves across its range; the same in words below\"></canvas></div>",
        escape(&lines[0]),
        escape(&api)
    ));
    html.push_str(&format!(
        "<details class=\"xo-more\"{}><summary>In words</summary><ul class=\"xo-why-lines\">",
        if words_open { " open" } else { "" }
    ));
    for line in &lines[1..] {
        html.push_str(&format!("<li>{}</li>", escape(line)));
    }
    html.push_str("</ul></details>");
    html.push_str(&breakdown(&shown.comparison, &shown.money));
    html.push_str("<div class=\"xo-export\" role=\"group\" aria-label=\"Download\"><span class=\"xo-help\">Download:</span><button type=\"button\" class=\"xo-link-button\" data-xo-get=\"tornado-png\">tornado (PNG)</button><button type=\"button\" class=\"xo-link-button\" data-xo-get=\"tornado-csv\">tornado (CSV)</button></div>");
    panel.set_inner_html(&html);

    let Some((canvas, css_width)) = panel_canvas(panel, width) else {
        return;
    };
    let look = Look {
        scale: browser::device_pixel_ratio(),
        palette,
        compact: css_width < COMPACT_BELOW_PX,
    };
    let spec = TornadoSpec::new(t, &api, &shown.money);
    let css_height = css_height(spec.bars.len(), look.compact);
    if let Some(backend) =
        crate::chart::canvas::sized_backend(&canvas, css_width, css_height, look.scale)
    {
        let _ = draw_tornado(&backend.into_drawing_area(), &spec, &look);
    }
}

const CAPTION: &str = "<figcaption>What moves the answer</figcaption>";

/// The panel's canvas and the CSS width of its box (`width`, the panel's,
/// if it has none).
fn panel_canvas(panel: &web_sys::Element, width: f64) -> Option<(web_sys::HtmlCanvasElement, f64)> {
    let canvas: web_sys::HtmlCanvasElement =
        panel.query_selector("canvas").ok()??.dyn_into().ok()?;
    let css_width = canvas
        .parent_element()
        .map_or(width, |p| f64::from(p.client_width()));
    Some((canvas, css_width))
}

/// Where each option's month goes at the reader's volume: an API's tokens
/// at its price, a self-hosting option's parts with their shares.
fn breakdown(c: &Comparison, money: &Money) -> String {
    let volume = c.tokens_per_month();
    let mut html = format!(
        "<div class=\"xo-table-wrap\"><table class=\"xo-table\"><caption>Where the money goes at {} tokens a month</caption><thead><tr><th scope=\"col\">Option</th><th scope=\"col\">A month</th><th scope=\"col\">Made of</th></tr></thead><tbody>",
        format_count(volume)
    );
    let mut row = |name: &str, usd: f64, parts: &str| {
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"xo-num\">{}</td><td>{}</td></tr>",
            escape(name),
            format_money_whole(usd, money),
            escape(parts)
        ));
    };
    for (a, rate) in c.priced_apis() {
        let parts = format!(
            "{} tokens at {} per 1M",
            format_count(volume),
            format_money(rate.usd_per_mtok, money)
        );
        row(&a.offering.label(), rate.monthly_cost(volume), &parts);
    }
    for d in &c.deployments {
        if let (Ok(plan), Some(q)) = (&d.plan, &d.quote) {
            let name = format!(
                "{}, {} replica{}",
                short_label(plan),
                q.replicas,
                if q.replicas == 1.0 { "" } else { "s" }
            );
            row(&name, q.monthly_usd, &words::cost_parts_line(q, money));
        }
    }
    for m in &c.mixes {
        let name = format!(
            "{}, {} replica{}",
            words::mix_name(c, m),
            m.quote.replicas,
            if m.quote.replicas == 1.0 { "" } else { "s" }
        );
        row(
            &name,
            m.quote.monthly_usd,
            &words::mix_parts_line(c, m, money),
        );
    }
    html.push_str("</tbody></table></div>");
    // Each mix's break-even against both choices alone.
    for m in &c.mixes {
        let pair = &c.pairs[m.pair];
        if let Some(sentence) = words::hybrid_sentence(c, pair, &m.mix, money) {
            html.push_str(&format!("<p class=\"xo-help\">{}</p>", escape(&sentence)));
        }
    }
    html
}

/// A chart of [`DETAIL_CHARTS`] in its panel, as the widget draws its own
/// ([`crate::components::chart_view`]), with the same pointer readout.
fn draw_chart(panel: &web_sys::HtmlElement, chart: &'static Chart) {
    let width = f64::from(panel.client_width());
    if width <= 0.0 {
        return;
    }
    let palette = Palette::from_css(|name| browser::css_variable(panel, name));
    let link = panel.get_attribute(LINK_ATTRIBUTE).unwrap_or_default();
    let key = format!("{width} {:?} {link}", palette.background);
    if panel.get_attribute(DRAWN).as_deref() == Some(key.as_str()) {
        return;
    }
    let _ = panel.set_attribute(DRAWN, &key);
    if panel.query_selector("canvas").ok().flatten().is_none() {
        panel.set_inner_html(&format!(
            "<figcaption>{}</figcaption><div class=\"xo-canvas-box\"><canvas role=\"img\" aria-label=\"{}\"></canvas>\
             <div class=\"xo-hairline\" hidden aria-hidden=\"true\"></div><div class=\"xo-readout\" hidden aria-hidden=\"true\"></div></div>",
            escape(chart.title),
            escape(chart.description)
        ));
    }
    let Some((canvas, css_width)) = panel_canvas(panel, width) else {
        return;
    };
    let Ok((_, c, money)) = read_comparison(panel) else {
        return;
    };
    let (css_height, compact) = chart_height(css_width);
    let look = Look {
        scale: browser::device_pixel_ratio(),
        palette,
        compact,
    };
    let spec = chart_spec(chart, &c, &money);
    let plot = draw_on_canvas(&canvas, css_width, css_height, &spec, &look);
    let panel: &web_sys::Element = panel;
    PLOTS.with_borrow_mut(|plots| {
        plots.retain(|(p, ..)| p != panel);
        if let Some(plot) = plot {
            plots.push((panel.clone(), plot, spec));
        }
    });
}

/// The values under the pointer on a chart of [`DETAIL_CHARTS`], beside a
/// hairline; hidden when the pointer leaves the plot.
fn on_pointer(event: web_sys::Event) {
    let Some((target, panel)) = panel_of(&event) else {
        return;
    };
    let (Some(line), Some(readout)) = (
        panel.query_selector(".xo-hairline").ok().flatten(),
        panel.query_selector(".xo-readout").ok().flatten(),
    ) else {
        return;
    };
    let x = event
        .dyn_ref::<web_sys::MouseEvent>()
        .filter(|_| event.type_() == "pointermove" && target.local_name() == "canvas")
        .map(|e| f64::from(e.offset_x()));
    let shown = PLOTS.with_borrow(|plots| {
        let (_, area, spec) = plots.iter().find(|(p, ..)| p == &*panel)?;
        let x = x?;
        let volume = area.volume_at(x)?;
        let (per, at) = spec.chart.readout_units;
        let mut html = format!("<strong>{}{at}</strong>", escape(&format_count(volume)));
        for (label, value) in values_at(spec, volume) {
            html.push_str(&format!(
                "<div><span class=\"xo-readout-label\">{}</span><span class=\"xo-num\">{}{per}</span></div>",
                escape(&label),
                escape(&format_amount(value, &spec.symbol))
            ));
        }
        Some((x, *area, html))
    });
    let (Ok(line), Ok(readout)) = (
        line.dyn_into::<web_sys::HtmlElement>(),
        readout.dyn_into::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    line.set_hidden(shown.is_none());
    readout.set_hidden(shown.is_none());
    if let Some((x, area, html)) = shown {
        place_readout(&area, x, &line, &readout);
        let _ = readout.toggle_attribute_with_force("data-xo-flip", area.flips_readout(x));
        readout.set_inner_html(&html);
    }
}

/// The embed snippet or the share button, drawn again when the link it
/// holds in `attribute` changes.
fn draw_footer_part(element: &web_sys::HtmlElement, attribute: &str, draw: fn(&web_sys::Element)) {
    let key = format!(
        "{} {}",
        element.get_attribute(attribute).unwrap_or_default(),
        element.get_attribute(LINK_ATTRIBUTE).unwrap_or_default()
    );
    if element.get_attribute(DRAWN).as_deref() != Some(key.as_str()) {
        let _ = element.set_attribute(DRAWN, &key);
        draw(element);
    }
}

/// Every option at the reader's volume, with the prices' sources. The
/// table and the list are replaced; the sources' section stays, open or
/// closed as the reader left it.
fn draw_results(panel: &web_sys::HtmlElement) {
    let link = panel.get_attribute(LINK_ATTRIBUTE).unwrap_or_default();
    if panel.get_attribute(DRAWN).as_deref() == Some(link.as_str()) {
        return;
    }
    let _ = panel.set_attribute(DRAWN, &link);
    let part = |selector: &str| panel.query_selector(selector).ok().flatten();
    if part(".xo-sources").is_none() {
        panel.set_inner_html(&format!(
            "<div class=\"xo-table-wrap\"></div><details class=\"xo-sources\"><summary></summary><ul></ul>\
             <p class=\"xo-help\">How every figure is computed: {}, with every formula and default.</p></details>",
            outside_link(COST_MODEL_URL, "the cost model")
        ));
    }
    let (table, sources, summary) = match read_comparison(panel) {
        Ok((_, c, money)) => {
            let (table, sources) = results::results_markup(&c, &money);
            (table, sources, format!("Prices as of {}: sources", c.date))
        }
        Err(why) => (
            format!(
                "<p class=\"xo-help\">The table cannot read this scenario: {}</p>",
                escape(&why)
            ),
            String::new(),
            String::from("Sources"),
        ),
    };
    if let (Some(wrap), Some(list), Some(title)) = (
        part(".xo-table-wrap"),
        part(".xo-sources ul"),
        part(".xo-sources summary"),
    ) {
        wrap.set_inner_html(&table);
        list.set_inner_html(&sources);
        title.set_text_content(Some(&summary));
    }
}

/// The download buttons: each chart as PNG, the chart data and the table.
fn draw_downloads(element: &web_sys::HtmlElement) {
    let link = element.get_attribute(LINK_ATTRIBUTE).unwrap_or_default();
    if element.get_attribute(DRAWN).as_deref() == Some(link.as_str()) {
        return;
    }
    let _ = element.set_attribute(DRAWN, &link);
    let mut html = String::from("<span class=\"xo-help\">Download:</span>");
    for chart in CHARTS.iter().chain(&DETAIL_CHARTS) {
        html.push_str(&format!(
            "<button type=\"button\" class=\"xo-link-button\" data-xo-get=\"{}\">{}</button>",
            chart.tab.id(),
            chart.png.1
        ));
    }
    html.push_str("<button type=\"button\" class=\"xo-link-button\" data-xo-get=\"curves\">chart data (CSV)</button><button type=\"button\" class=\"xo-link-button\" data-xo-get=\"table\">table (CSV)</button>");
    if let Err(why) = decode(&link) {
        html.push_str(&format!(
            "<p class=\"xo-help\">The downloads cannot read this scenario: {}.</p>",
            escape(&why.to_string())
        ));
    }
    if browser::sandboxed() {
        html.push_str("<p class=\"xo-help\">The page around this calculator sandboxes it, so downloads and new windows may be blocked: copy the share link and open it on its own.</p>");
    }
    element.set_inner_html(&html);
}

/// The panel an event happened in, if it is one of ours.
fn panel_of(event: &web_sys::Event) -> Option<(web_sys::Element, web_sys::HtmlElement)> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let panel = target
        .closest(&format!("[{LINK_ATTRIBUTE}]"))
        .ok()??
        .dyn_into()
        .ok()?;
    Some((target, panel))
}

fn on_pick(event: web_sys::Event) {
    let Some((target, panel)) = panel_of(&event) else {
        return;
    };
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        let _ = panel.set_attribute(PAIR, &select.value());
        draw_panel(&panel);
    }
}

fn on_click(event: web_sys::Event) {
    let Some((target, panel)) = panel_of(&event) else {
        return;
    };
    match panel.id().as_str() {
        EMBED_ID => return embed::on_click(&target, &panel),
        SHARE_ID => return share::on_click(&target, &panel),
        _ => {}
    }
    let Some(asked) = target.get_attribute("data-xo-get") else {
        return;
    };
    let canvas_in = |element: Option<web_sys::Element>, selector: &str| {
        element?
            .query_selector(selector)
            .ok()??
            .dyn_into::<web_sys::HtmlCanvasElement>()
            .ok()
    };
    let csv = |name: &str, text: String| browser::download_text(name, "text/csv", &text);
    match asked.as_str() {
        "tornado-png" => {
            if let Some(canvas) = canvas_in(Some(panel.into()), "canvas") {
                browser::download_canvas("crossover-tornado.png", &canvas);
            }
        }
        "tornado-csv" => {
            if let Ok(shown) = Shown::read(&panel)
                && let Some(t) = &shown.tornado
            {
                csv(
                    "crossover-tornado.csv",
                    export::tornado_csv(t, &shown.money),
                );
            }
        }
        "curves" | "table" => {
            let Ok((_, c, money)) = read_comparison(&panel) else {
                return;
            };
            if asked == "table" {
                csv("crossover-table.csv", export::table_csv(&c, &money));
            } else {
                let (from, to) = chart_specs(&c, &money)[0].x_range;
                csv(
                    "crossover-chart-data.csv",
                    export::curves_csv(&c, from, to, CSV_POINTS, &money),
                );
            }
        }
        tab => {
            // A chart's PNG: its canvas in the same widget.
            let root = panel.closest(".xo-root").ok().flatten();
            if let Some(chart) = CHARTS
                .iter()
                .chain(&DETAIL_CHARTS)
                .find(|c| c.tab.id() == tab)
                && let Some(canvas) = canvas_in(root, &format!("#{} canvas", chart.panel_id()))
            {
                browser::download_canvas(chart.png.0, &canvas);
            }
        }
    }
}
