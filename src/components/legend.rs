use yew::prelude::*;

use std::rc::Rc;

use crate::chart::{ChartSpec, Marker, Palette, SeriesKind};
use crate::markup::escape;

pub struct LegendProps {
    /// The monthly chart, whose lines every volume chart shares.
    pub spec: Rc<ChartSpec>,
    pub palette: Palette,
}

/// A line (dashed for an API) with its marker, as SVG markup: the colour is
/// ours (`rgb(r,g,b)`), never the reader's.
fn glyph(marker: Marker, dashed: bool, colour: &str) -> String {
    let (dash, width) = if dashed { ("6 4", 2) } else { ("none", 3) };
    let hollow = format!("fill=\"var(--xo-bg)\" stroke=\"{colour}\" stroke-width=\"1.5\"");
    let filled = format!("fill=\"{colour}\"");
    let shape = match marker {
        Marker::Circle => format!("<circle cx=\"17\" cy=\"8\" r=\"4.5\" {filled}/>"),
        Marker::Square => format!("<rect x=\"12.5\" y=\"3.5\" width=\"9\" height=\"9\" {filled}/>"),
        Marker::Triangle => format!("<polygon points=\"17,2.5 22.5,12.5 11.5,12.5\" {filled}/>"),
        Marker::Diamond => format!("<polygon points=\"17,2.5 22.5,8 17,13.5 11.5,8\" {filled}/>"),
        Marker::HollowCircle => format!("<circle cx=\"17\" cy=\"8\" r=\"4.5\" {hollow}/>"),
        Marker::HollowSquare => {
            format!("<rect x=\"12.5\" y=\"3.5\" width=\"9\" height=\"9\" {hollow}/>")
        }
        Marker::Cross => format!(
            "<path d=\"M12.5 3.5 L21.5 12.5 M21.5 3.5 L12.5 12.5\" stroke=\"{colour}\" stroke-width=\"2\"/>"
        ),
        Marker::HollowTriangle => {
            format!("<polygon points=\"17,2.5 22.5,12.5 11.5,12.5\" {hollow}/>")
        }
    };
    format!(
        "<svg class=\"xo-glyph\" width=\"34\" height=\"16\" viewBox=\"0 0 34 16\" aria-hidden=\"true\">\
         <line x1=\"1\" y1=\"8\" x2=\"33\" y2=\"8\" stroke=\"{colour}\" stroke-width=\"{width}\" stroke-dasharray=\"{dash}\"/>{shape}</svg>"
    )
}

/// Names each line by colour, marker and dash, so colour is never needed.
/// Nothing in it is interactive, so it is markup in one string (smaller in
/// the bundle than an element tree); labels, which may be a reader's own
/// names, are escaped.
pub fn legend(props: LegendProps) -> Html {
    let palette = &props.palette.series;
    let mut items = String::new();
    for (i, s) in props.spec.series.iter().enumerate() {
        let c = palette
            .get(i % palette.len().max(1))
            .copied()
            .unwrap_or(plotters::style::RGBColor(0, 0, 0));
        let kind = match s.kind {
            SeriesKind::Api => " · API, dashed",
            SeriesKind::SelfHosted if s.band.is_some() => {
                " · self-hosted, shaded: estimate's range"
            }
            SeriesKind::SelfHosted => " · self-hosted",
            SeriesKind::Mix => "",
        };
        items.push_str(&format!(
            "<li>{}<span>{}</span><span class=\"xo-kind\">{kind}</span></li>",
            glyph(
                s.marker,
                s.kind == SeriesKind::Api,
                &format!("rgb({},{},{})", c.0, c.1, c.2)
            ),
            escape(&s.label)
        ));
    }
    items.push_str(
        "<li><svg class=\"xo-glyph\" width=\"34\" height=\"16\" viewBox=\"0 0 34 16\" aria-hidden=\"true\">\
         <circle cx=\"17\" cy=\"8\" r=\"5.5\" fill=\"var(--xo-fg)\"/></svg>\
         <span>break-even: self-hosting cheaper from here on</span></li>",
    );
    html! {
        <ul class="xo-legend" aria-label="Chart legend">{ Html::from_html_unchecked(items.into()) }</ul>
    }
}
