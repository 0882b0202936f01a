use yew::prelude::*;

#[derive(PartialEq, Properties, Clone)]
pub struct ShareButtonProps {
    pub link: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Refused,
}

/// Copies the link to this exact scenario and says so; if the browser
/// refuses the clipboard, shows the link to copy by hand.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let copied = use_state(|| Copied::Not);
    {
        let copied = copied.clone();
        use_effect_with(props.link.clone(), move |_| copied.set(Copied::Not));
    }
    let onclick = {
        let copied = copied.clone();
        let link = props.link.to_string();
        Callback::from(move |_| {
            let copied = copied.clone();
            crate::browser::copy_to_clipboard(&link, move |ok| {
                copied.set(if ok { Copied::Yes } else { Copied::Refused })
            });
        })
    };
    html! {
        <div class="xo-share">
            <button type="button" class="xo-button" {onclick}>{ "Copy share link" }</button>
            <span class="xo-share-status" role="status">
                { match *copied {
                    Copied::Yes => "Link copied: it opens exactly this comparison.",
                    Copied::Refused => "Copy this link:",
                    Copied::Not => "",
                } }
            </span>
            <a class="xo-share-open" href={props.link.clone()} target="_blank" rel="noopener">{ "Open this scenario on its own page" }</a>
            if *copied == Copied::Refused {
                <input class="xo-share-link" type="text" readonly=true value={props.link.clone()} aria-label="Share link" />
            }
        </div>
    }
}
