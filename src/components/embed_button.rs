use yew::prelude::*;

use crate::browser;
use crate::state::{Copied, CopyTarget};

pub struct EmbedButtonProps {
    /// The standalone page's link to this scenario, embed mode on.
    pub src: AttrValue,
    pub open: bool,
    /// Whether the last copy since the scenario changed worked, if any.
    pub copied: Option<bool>,
    pub ontoggle: Callback<()>,
    pub oncopied: Callback<Copied>,
}

/// The snippet a writer pastes into their page: the iframe with this
/// scenario, and the few lines that let it size itself (docs/embedding.md).
pub fn snippet(src: &str) -> String {
    format!(
        r#"<iframe src="{src}" title="Crossover: API or self-hosted LLM, cost and break-even" style="width:100%;height:900px;border:0" loading="lazy" allow="clipboard-write" sandbox="allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox"></iframe>
<script>addEventListener("message",function(e){{var d=e.data;if(!d||d.type!=="crossover:height")return;for(var f of document.querySelectorAll("iframe")){{if(f.contentWindow===e.source){{f.style.height=Math.min(Math.max(+d.height||0,300),4000)+"px"}}}}}})</script>"#
    )
}

/// Shows the embed snippet for the current scenario, ready to copy.
pub fn embed_button(props: EmbedButtonProps) -> Html {
    let code = snippet(&props.src);
    let copied = props.copied == Some(true);
    let ontoggle = props.ontoggle;
    let copy = {
        let (oncopied, code) = (props.oncopied, code.clone());
        Callback::from(move |_| {
            let oncopied = oncopied.clone();
            browser::copy_to_clipboard(&code, move |ok| {
                oncopied.emit(Copied {
                    what: CopyTarget::EmbedSnippet,
                    ok,
                })
            });
        })
    };
    html! {
        <div class="xo-embed-box">
            <button type="button" class="xo-button xo-button-quiet" onclick={move |_| ontoggle.emit(())} aria-expanded={props.open.to_string()} aria-controls="xo-embed-code">
                { "Embed in your page" }
            </button>
            if props.open {
                <div id="xo-embed-code" class="xo-embed-code">
                    <label for="xo-embed-snippet">{ "Paste this where the calculator should appear; it opens on this scenario and sizes itself." }</label>
                    <textarea id="xo-embed-snippet" readonly=true rows="5" value={code} />
                    <button type="button" class="xo-button" onclick={copy}>{ "Copy snippet" }</button>
                    <span role="status" class="xo-share-status">{ if copied { "Snippet copied." } else { "" } }</span>
                </div>
            }
        </div>
    }
}
