use yew::prelude::*;

use crate::markup::escape;

pub struct NoticeProps {
    pub notices: Vec<AttrValue>,
    pub ondismiss: Callback<()>,
}

/// What a share link could not restore. The notices quote the link, so
/// they are escaped as text and stripped of text-direction controls, with
/// which a link could make the notice read as something it does not say.
pub fn notice(props: NoticeProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let ondismiss = props.ondismiss;
    let mut items = String::new();
    for n in &props.notices {
        let plain: String = n
            .chars()
            .filter(|c| !crossover_pricing::units::is_bidi_control(*c))
            .collect();
        items.push_str(&format!("<li>{}</li>", escape(&plain)));
    }
    html! {
        <section class="xo-notice" role="status">
            <p><strong>{ "Part of this link could not be used; the rest is shown." }</strong></p>
            <ul>{ Html::from_html_unchecked(items.into()) }</ul>
            <button type="button" class="xo-link-button" onclick={move |_| ondismiss.emit(())}>{ "Dismiss" }</button>
        </section>
    }
}
