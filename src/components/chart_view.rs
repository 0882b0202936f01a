use std::rc::Rc;

use crossover_pricing::units::{format_amount, format_count};
use crossover_pricing::view::Money;
use yew::prelude::*;

use crate::browser;
use crate::chart::canvas::{chart_height, draw_on_canvas, place_readout};
use crate::chart::data::values_at;
use crate::chart::{ChartSpec, Look, Palette, PlotArea};

fn tenths(css_px: f64) -> i64 {
    (css_px * 10.0).round() as i64
}

#[derive(Properties, Clone)]
pub struct ChartViewProps {
    pub id: AttrValue,
    pub title: AttrValue,
    /// What the chart shows, in words, for screen readers.
    pub description: AttrValue,
    pub spec: Rc<ChartSpec>,
    pub palette: Palette,
    pub money: Money,
}

impl PartialEq for ChartViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && Rc::ptr_eq(&self.spec, &other.spec)
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
    // The box's width: measured when the chart enters the page, then as the
    // observer reports a change (`width` stays 0 until one does).
    let width = use_state(|| 0.0f64);
    let measured_width = use_mut_ref(|| 0.0f64);
    let plot = use_mut_ref(|| None::<PlotArea>);
    let pointer = use_state(|| None::<f64>);
    let watch = use_mut_ref(|| None::<browser::ResizeWatch>);

    {
        let container = container.clone();
        let (width, measured_width) = (width.clone(), measured_width.clone());
        let watch = watch.clone();
        use_effect_with((), move |_| {
            if let Some(element) = container.cast::<web_sys::Element>() {
                // Measured now, so the first paint has the chart: the observer
                // reports a frame later.
                *measured_width.borrow_mut() = crate::timing::measure("measure box", || {
                    element.get_bounding_client_rect().width()
                });
                *watch.borrow_mut() = browser::ResizeWatch::new(&element, move |w, _| {
                    if tenths(w) != tenths(*measured_width.borrow()) {
                        *measured_width.borrow_mut() = w;
                        width.set(w);
                    }
                });
            }
            move || drop(watch.borrow_mut().take())
        });
    }

    let dpr = browser::device_pixel_ratio();
    {
        let canvas = canvas.clone();
        let plot = plot.clone();
        // What is still to draw: drawn once the change is done and its text
        // is in the page, before the browser renders; changes that come
        // together draw once.
        let due = use_mut_ref(|| None::<(Rc<ChartSpec>, Option<Palette>, f64)>);
        let first = use_mut_ref(|| true);
        let spec = props.spec.clone();
        let palette = props.palette.clone();
        use_effect_with(
            (spec, tenths(*width), (dpr * 100.0).round() as i64, palette),
            move |(spec, _, _, palette)| {
                // The first draw reads the theme's colours from the page: the
                // app reads them in an effect after this one, and Yew may
                // let the browser paint before it renders them.
                let palette = (!first.replace(false)).then(|| palette.clone());
                if due
                    .borrow_mut()
                    .replace((spec.clone(), palette, dpr))
                    .is_none()
                {
                    browser::after_this_change(move || {
                        let css_width = *measured_width.borrow();
                        if let (Some((spec, palette, scale)), Some(canvas), true) = (
                            due.take(),
                            canvas.cast::<web_sys::HtmlCanvasElement>(),
                            css_width > 0.0,
                        ) {
                            let (css_height, compact) = chart_height(css_width);
                            let look = Look {
                                scale,
                                palette: palette.unwrap_or_else(|| {
                                    Palette::from_css(|name| browser::css_variable(&canvas, name))
                                }),
                                compact,
                            };
                            let span = format_args!("draw {}", spec.chart.tab.id());
                            *plot.borrow_mut() = crate::timing::measure(span, || {
                                draw_on_canvas(&canvas, css_width, css_height, &spec, &look)
                            });
                        }
                    });
                }
            },
        );
    }

    let hairline = use_node_ref();
    let readout_box = use_node_ref();
    let onpointermove = {
        let (pointer, plot) = (pointer.clone(), plot.clone());
        let (hairline, readout_box) = (hairline.clone(), readout_box.clone());
        Callback::from(move |e: PointerEvent| {
            let x = f64::from(e.offset_x());
            let area = (*plot.borrow()).filter(|p| p.volume_at(x).is_some());
            if let (Some(area), Some(line), Some(text)) = (
                area,
                hairline.cast::<web_sys::HtmlElement>(),
                readout_box.cast::<web_sys::HtmlElement>(),
            ) {
                place_readout(&area, x, &line, &text);
            }
            pointer.set(area.map(|_| x));
        })
    };
    let onpointerleave = {
        let pointer = pointer.clone();
        Callback::from(move |_| pointer.set(None))
    };

    let shown = (*pointer).and_then(|x| {
        let area = (*plot.borrow())?;
        Some((area.volume_at(x)?, area.flips_readout(x)))
    });
    let readout = shown.map(|(volume, _)| {
        let rows = values_at(&props.spec, volume);
        let (per, at) = props.spec.chart.readout_units;
        html! {
            <>
                <strong>{ format!("{}{at}", format_count(volume)) }</strong>
                { for rows.into_iter().map(|(label, value)| html! {
                    <div><span class="xo-readout-label">{ label }</span><span class="xo-num">{ format!("{}{per}", format_amount(value, &props.money.symbol)) }</span></div>
                }) }
            </>
        }
    });

    html! {
        <figure class="xo-chart" id={props.id.clone()}>
            <figcaption>{ props.title.clone() }</figcaption>
            <div class="xo-canvas-box" ref={container}>
                <canvas ref={canvas} role="img" aria-label={props.description.clone()}
                    {onpointermove} {onpointerleave}></canvas>
                <div class="xo-hairline" ref={hairline} hidden={shown.is_none()} aria-hidden="true"></div>
                <div class="xo-readout" data-xo-flip={shown.is_some_and(|(_, flip)| flip).then_some("")}
                    ref={readout_box} hidden={shown.is_none()} aria-hidden="true">{ readout.unwrap_or_default() }</div>
            </div>
        </figure>
    }
}
