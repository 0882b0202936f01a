use std::cell::RefCell;
use std::rc::Rc;

use crossover_pricing::Comparison;
use crossover_pricing::units::{format_amount, format_count};
use crossover_pricing::view::Money;
use yew::prelude::*;

use crate::browser;
use crate::chart::canvas::draw_on_canvas;
use crate::chart::data::values_at;
use crate::chart::{ChartSpec, Look, Palette, PlotArea};

/// Below this width (CSS pixels) a chart uses fewer ticks and tighter margins.
const COMPACT_WIDTH: f64 = 520.0;

#[derive(Properties, Clone)]
pub struct ChartViewProps {
    pub id: AttrValue,
    pub title: AttrValue,
    /// What the chart shows, in words, for screen readers.
    pub description: AttrValue,
    pub spec: Rc<ChartSpec>,
    pub comparison: Rc<Comparison>,
    pub palette: Palette,
    pub money: Money,
}

impl PartialEq for ChartViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && Rc::ptr_eq(&self.spec, &other.spec)
            && Rc::ptr_eq(&self.comparison, &other.comparison)
            && self.palette == other.palette
            && self.money == other.money
    }
}

/// A chart on a canvas that is always in the page: sized to its container,
/// sharp at any pixel ratio, redrawn when what it shows changes, with a
/// readout of the values under the pointer.
#[component]
pub fn ChartView(props: &ChartViewProps) -> Html {
    let container = use_node_ref();
    let canvas = use_node_ref();
    let width = use_state(|| 0.0f64);
    let plot = use_mut_ref(|| None::<PlotArea>);
    let pointer = use_state(|| None::<(f64, f64)>);
    let watch = use_mut_ref(|| None::<browser::ResizeWatch>);

    {
        let container = container.clone();
        let width = width.clone();
        let watch = watch.clone();
        use_effect_with((), move |_| {
            if let Some(element) = container.cast::<web_sys::Element>() {
                let width = width.clone();
                *watch.borrow_mut() = browser::ResizeWatch::new(&element, move |w, _| width.set(w));
            }
            move || drop(watch.borrow_mut().take())
        });
    }

    let dpr = browser::device_pixel_ratio();
    {
        let canvas = canvas.clone();
        let plot: Rc<RefCell<Option<PlotArea>>> = plot.clone();
        let spec = props.spec.clone();
        let palette = props.palette.clone();
        use_effect_with(
            (
                spec,
                (*width * 10.0).round() as i64,
                (dpr * 100.0).round() as i64,
                palette,
            ),
            move |(spec, w, _, palette)| {
                let css_width = *w as f64 / 10.0;
                if let (Some(canvas), true) =
                    (canvas.cast::<web_sys::HtmlCanvasElement>(), css_width > 0.0)
                {
                    let compact = css_width < COMPACT_WIDTH;
                    let css_height =
                        (css_width * if compact { 0.75 } else { 0.52 }).clamp(240.0, 440.0);
                    let look = Look {
                        scale: dpr,
                        palette: palette.clone(),
                        compact,
                    };
                    *plot.borrow_mut() =
                        draw_on_canvas(&canvas, css_width, css_height, spec, &look);
                }
            },
        );
    }

    let onpointermove = {
        let pointer = pointer.clone();
        let plot = plot.clone();
        Callback::from(move |e: PointerEvent| {
            let x = f64::from(e.offset_x());
            let y = f64::from(e.offset_y());
            let inside = plot.borrow().and_then(|p| p.volume_at(x).map(|_| (x, y)));
            pointer.set(inside);
        })
    };
    let onpointerleave = {
        let pointer = pointer.clone();
        Callback::from(move |_| pointer.set(None))
    };

    let readout = (*pointer).and_then(|(x, _)| {
        let area = (*plot.borrow())?;
        let volume = area.volume_at(x)?;
        let rows = values_at(&props.comparison, volume, props.spec.measure, &props.money);
        let per = match props.spec.measure {
            crate::chart::Measure::Monthly => "/month",
            crate::chart::Measure::PerMtok => " per 1M",
        };
        let flip = x > (area.left + area.right) / 2.0;
        let left = if flip { x - 12.0 } else { x + 12.0 };
        Some(html! {
            <>
                <div class="xo-hairline" style={format!("left:{x}px; top:{}px; height:{}px", area.top, area.bottom - area.top)} aria-hidden="true"></div>
                <div class={classes!("xo-readout", flip.then_some("xo-readout-left"))} style={format!("left:{left}px; top:{}px", area.top + 4.0)} aria-hidden="true">
                    <strong>{ format!("{} tokens a month", format_count(volume)) }</strong>
                    { for rows.into_iter().map(|(label, value)| html! {
                        <div><span class="xo-readout-label">{ label }</span><span class="xo-num">{ format!("{}{per}", format_amount(value, &props.money.symbol)) }</span></div>
                    }) }
                </div>
            </>
        })
    });

    html! {
        <figure class="xo-chart" id={props.id.clone()}>
            <figcaption>{ props.title.clone() }</figcaption>
            <div class="xo-canvas-box" ref={container}>
                <canvas ref={canvas} role="img" aria-label={props.description.clone()}
                    {onpointermove} {onpointerleave}></canvas>
                { readout.unwrap_or_default() }
            </div>
        </figure>
    }
}
