use yew::prelude::*;

use crate::chart::{Marker, Palette, SeriesSpec};

pub struct LegendProps {
    pub series: Vec<SeriesSpec>,
    pub palette: Palette,
}

fn glyph(marker: Marker, dashed: bool, colour: &str) -> Html {
    let stroke = if dashed { "6 4" } else { "none" };
    let width = if dashed { "2" } else { "3" };
    let shape = match marker {
        Marker::Circle => html! { <circle cx="17" cy="8" r="4.5" fill={colour.to_string()} /> },
        Marker::Square => {
            html! { <rect x="12.5" y="3.5" width="9" height="9" fill={colour.to_string()} /> }
        }
        Marker::Triangle => {
            html! { <polygon points="17,2.5 22.5,12.5 11.5,12.5" fill={colour.to_string()} /> }
        }
        Marker::Diamond => {
            html! { <polygon points="17,2.5 22.5,8 17,13.5 11.5,8" fill={colour.to_string()} /> }
        }
        Marker::HollowCircle => {
            html! { <circle cx="17" cy="8" r="4.5" fill="var(--xo-bg)" stroke={colour.to_string()} stroke-width="1.5" /> }
        }
        Marker::HollowSquare => {
            html! { <rect x="12.5" y="3.5" width="9" height="9" fill="var(--xo-bg)" stroke={colour.to_string()} stroke-width="1.5" /> }
        }
        Marker::Cross => {
            html! { <path d="M12.5 3.5 L21.5 12.5 M21.5 3.5 L12.5 12.5" stroke={colour.to_string()} stroke-width="2" /> }
        }
        Marker::HollowTriangle => {
            html! { <polygon points="17,2.5 22.5,12.5 11.5,12.5" fill="var(--xo-bg)" stroke={colour.to_string()} stroke-width="1.5" /> }
        }
    };
    html! {
        <svg class="xo-glyph" width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
            <line x1="1" y1="8" x2="33" y2="8" stroke={colour.to_string()} stroke-width={width} stroke-dasharray={stroke} />
            { shape }
        </svg>
    }
}

/// Names each line by colour, marker and dash, so colour is never needed.
pub fn legend(props: LegendProps) -> Html {
    let palette = &props.palette.series;
    html! {
        <ul class="xo-legend" aria-label="Chart legend">
            { for props.series.iter().enumerate().map(|(i, s)| {
                let c = palette.get(i % palette.len().max(1)).copied().unwrap_or(plotters::style::RGBColor(0, 0, 0));
                let colour = format!("rgb({},{},{})", c.0, c.1, c.2);
                html! {
                    <li>
                        { glyph(s.marker, s.dashed, &colour) }
                        <span>{ s.label.clone() }</span>
                        <span class="xo-kind">{ if s.dashed { " · API, dashed" } else if s.band.is_some() { " · self-hosted, shaded: estimate's range" } else { " · self-hosted" } }</span>
                    </li>
                }
            }) }
            <li><svg class="xo-glyph" width="34" height="16" viewBox="0 0 34 16" aria-hidden="true">
                <circle cx="17" cy="8" r="5.5" fill="var(--xo-fg)" /></svg>
                <span>{ "break-even: self-hosting cheaper from here on" }</span></li>
        </ul>
    }
}
