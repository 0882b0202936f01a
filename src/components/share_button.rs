use yew::prelude::*;

pub struct ShareButtonProps {
    pub link: AttrValue,
    /// Whether the last copy since the scenario changed worked, if any.
    pub copied: Option<bool>,
    /// Whether the browser let it be copied.
    pub oncopied: Callback<bool>,
}

/// Copies the link to this exact scenario and says so; if the browser
/// refuses the clipboard, shows the link to copy by hand.
pub fn share_button(props: ShareButtonProps) -> Html {
    let onclick = {
        let (link, oncopied) = (props.link.to_string(), props.oncopied);
        Callback::from(move |_| {
            let oncopied = oncopied.clone();
            crate::browser::copy_to_clipboard(&link, move |ok| oncopied.emit(ok));
        })
    };
    html! {
        <div class="xo-share">
            <button type="button" class="xo-button" {onclick}>{ "Copy share link" }</button>
            <span class="xo-share-status" role="status">
                { match props.copied {
                    Some(true) => "Link copied: it opens exactly this comparison.",
                    Some(false) => "Copy this link:",
                    None => "",
                } }
            </span>
            <a class="xo-share-open" href={props.link.clone()} target="_blank" rel="noopener">{ "Open this scenario on its own page" }</a>
            if props.copied == Some(false) {
                <input class="xo-share-link" type="text" readonly=true value={props.link} aria-label="Share link" />
            }
        </div>
    }
}
