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
    let mut markup = String::new();
    let lines = if props.lines.is_empty() {
        vec![props.empty]
    } else {
        props.lines
    };
    for line in &lines {
        markup.push_str(&format!("<p>{}</p>", escape(line)));
    }
    if !props.sentences.is_empty() {
        markup
            .push_str("<details class=\"xo-more\"><summary>In full: ranges and payback</summary>");
        for sentence in &props.sentences {
            markup.push_str(&format!("<div>{}</div>", escape(sentence)));
        }
        markup.push_str("</details>");
    }
    markup.push_str(&format!(
        "<p class=\"xo-asof\">{}</p>",
        escape(&props.prices_as_of)
    ));
    html! {
        <section class="xo-headline" aria-live="polite" aria-atomic="true" aria-label="Result">
            { Html::from_html_unchecked(markup.into()) }
        </section>
    }
}
