use yew::prelude::*;

pub struct HeadlineProps {
    pub sentences: Vec<AttrValue>,
    /// Shown when there is no sentence.
    pub empty: AttrValue,
}

/// One sentence per comparison, announced to screen readers as it changes.
pub fn headline(props: HeadlineProps) -> Html {
    html! {
        <section class="xo-headline" aria-live="polite" aria-atomic="true" aria-label="Result">
            if props.sentences.is_empty() {
                <p>{ props.empty }</p>
            } else {
                { for props.sentences.into_iter().map(|s| html! { <p>{ s }</p> }) }
            }
        </section>
    }
}
