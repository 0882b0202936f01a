use yew::prelude::*;

#[derive(PartialEq, Properties, Clone)]
pub struct HeadlineProps {
    pub sentences: Vec<AttrValue>,
    #[prop_or_default]
    pub empty: AttrValue,
}

/// One sentence per comparison, announced to screen readers as it changes.
#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    html! {
        <section class="xo-headline" aria-live="polite" aria-atomic="true" aria-label="Result">
            if props.sentences.is_empty() {
                <p>{ props.empty.clone() }</p>
            } else {
                { for props.sentences.iter().map(|s| html! { <p>{ s.clone() }</p> }) }
            }
        </section>
    }
}
