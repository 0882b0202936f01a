use yew::prelude::*;

use crate::markup::escape;

pub struct HeadlineProps {
    pub sentences: Vec<AttrValue>,
    /// Shown when there is no sentence.
    pub empty: AttrValue,
    /// "Prices as of 2026-11-30": the day the API prices are from.
    pub prices_as_of: AttrValue,
}

/// One sentence per comparison, announced to screen readers as it changes:
/// plain paragraphs, so markup text (`crate::markup`), sentences escaped.
pub fn headline(props: HeadlineProps) -> Html {
    let mut paragraphs = String::new();
    let sentences = if props.sentences.is_empty() {
        vec![props.empty]
    } else {
        props.sentences
    };
    for sentence in &sentences {
        paragraphs.push_str(&format!("<p>{}</p>", escape(sentence)));
    }
    paragraphs.push_str(&format!(
        "<p class=\"xo-asof\">{}</p>",
        escape(&props.prices_as_of)
    ));
    html! {
        <section class="xo-headline" aria-live="polite" aria-atomic="true" aria-label="Result">
            { Html::from_html_unchecked(paragraphs.into()) }
        </section>
    }
}
