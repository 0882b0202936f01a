use yew::prelude::*;

use crate::markup::escape;

pub struct HeadlineProps {
    /// One short line per comparison: the verdict and the break-even.
    pub lines: Vec<AttrValue>,
    /// The full sentences (ranges, inverse questions, payback), a click away.
    pub sentences: Vec<AttrValue>,
    /// Shown when there is no line.
    pub empty: AttrValue,
    /// "Prices as of 2026-11-30": the day the API prices are from.
    pub prices_as_of: AttrValue,
}

/// A short line per comparison, with the full sentences folded beneath so
/// the first chart starts within a phone's first screen; announced to
/// screen readers as it changes. Markup text (`crate::markup`), escaped.
pub fn headline(props: HeadlineProps) -> Html {
    let mut lines = String::new();
    let shown = if props.lines.is_empty() {
        vec![props.empty]
    } else {
        props.lines
    };
    for line in &shown {
        lines.push_str(&format!("<p>{}</p>", escape(line)));
    }
    let mut sentences = String::new();
    for sentence in &props.sentences {
        sentences.push_str(&format!("<div>{}</div>", escape(sentence)));
    }
    // The fold is an element Yew keeps, so it stays open across changes
    // once a reader opens it; only its text is replaced.
    html! {
        <section class="xo-headline" aria-live="polite" aria-atomic="true" aria-label="Result">
            { Html::from_html_unchecked(lines.into()) }
            <details class="xo-more" hidden={props.sentences.is_empty()}>
                <summary>{ "In full: ranges and payback" }</summary>
                { Html::from_html_unchecked(sentences.into()) }
            </details>
            <p class="xo-asof">{ props.prices_as_of }</p>
        </section>
    }
}
