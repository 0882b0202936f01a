use yew::prelude::*;

use crate::markup::escape;

pub struct NoticeProps {
    pub notices: Vec<AttrValue>,
    pub ondismiss: Callback<()>,
}

/// What a share link could not restore. The notices quote the link, so
/// they are escaped as text, and what does not show (text-direction
/// controls, zero-width characters) is written out, so that a notice can
/// neither be reordered by the link nor quote it as something it is not.
pub fn notice(props: NoticeProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let ondismiss = props.ondismiss;
    let mut items = String::new();
    for n in &props.notices {
        let plain = crossover_pricing::units::visible(n);
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
