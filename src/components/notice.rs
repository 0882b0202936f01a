use yew::prelude::*;

pub struct NoticeProps {
    pub notices: Vec<AttrValue>,
    pub ondismiss: Callback<()>,
}

/// What a share link could not restore, shown as text (never markup).
pub fn notice(props: NoticeProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let ondismiss = props.ondismiss;
    html! {
        <section class="xo-notice" role="status">
            <p><strong>{ "Part of this link could not be used; the rest is shown." }</strong></p>
            <ul>{ for props.notices.into_iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <button type="button" class="xo-link-button" onclick={move |_| ondismiss.emit(())}>{ "Dismiss" }</button>
        </section>
    }
}
