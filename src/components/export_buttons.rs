use std::rc::Rc;

use crossover_pricing::Comparison;
use crossover_pricing::export::{curves_csv, table_csv};
use crossover_pricing::view::Money;
use yew::prelude::*;

use crate::browser;
use crate::chart::{CHARTS, Chart};

/// Points per line in the chart-data CSV.
const CSV_POINTS: usize = 200;

pub struct ExportButtonsProps {
    pub comparison: Rc<Comparison>,
    pub money: Money,
    /// The charts' volume span, for the chart-data CSV.
    pub x_range: (f64, f64),
    /// The widget's root, to find its canvases.
    pub root: NodeRef,
}

/// Takes the numbers away: each chart as PNG, the chart data and the table as CSV.
pub fn export_buttons(props: ExportButtonsProps) -> Html {
    let png = |chart: &'static Chart| {
        let root = props.root.clone();
        Callback::from(move |_| {
            let selector = format!("#{} canvas", chart.panel_id());
            let canvas = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector(&selector).ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlCanvasElement>(e).ok());
            if let Some(canvas) = canvas {
                browser::download_canvas(chart.png.0, &canvas);
            }
        })
    };
    let curves = {
        let (c, money, (from, to)) = (props.comparison.clone(), props.money.clone(), props.x_range);
        Callback::from(move |_| {
            browser::download_text(
                "crossover-chart-data.csv",
                "text/csv",
                &curves_csv(&c, from, to, CSV_POINTS, &money),
            )
        })
    };
    let table = {
        let (c, money) = (props.comparison.clone(), props.money.clone());
        Callback::from(move |_| {
            browser::download_text("crossover-table.csv", "text/csv", &table_csv(&c, &money))
        })
    };
    html! {
        <div class="xo-export" role="group" aria-label="Download">
            <span class="xo-help">{ "Download:" }</span>
            { for CHARTS.iter().map(|chart| html! {
                <button type="button" class="xo-link-button" onclick={png(chart)}>{ chart.png.1 }</button>
            }) }
            <button type="button" class="xo-link-button" onclick={curves}>{ "chart data (CSV)" }</button>
            <button type="button" class="xo-link-button" onclick={table}>{ "table (CSV)" }</button>
            if browser::sandboxed() {
                <p class="xo-help">{ "The page around this calculator sandboxes it, so downloads and new windows may be blocked: copy the share link and open it on its own." }</p>
            }
        </div>
    }
}
