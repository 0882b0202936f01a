//! The embed snippet for the scenario on screen, ready to copy: a button in
//! the widget's footer opens it (docs/embedding.md).

use crate::browser;

/// The attribute the widget puts the standalone page's link to the
/// scenario in, embed mode on, on the snippet's element.
pub const SOURCE_ATTRIBUTE: &str = "data-xo-src";
const TOGGLE: &str = "data-xo-embed-toggle";
const COPY: &str = "data-xo-embed-copy";

/// The snippet a writer pastes into their page: the iframe with this
/// scenario, and the few lines that let it size itself.
pub fn snippet(src: &str) -> String {
    format!(
        r#"<iframe src="{src}" title="Crossover: API or self-hosted LLM, cost and break-even" style="width:100%;height:900px;border:0" loading="lazy" allow="clipboard-write" sandbox="allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox"></iframe>
<script>addEventListener("message",function(e){{var d=e.data;if(!d||d.type!=="crossover:height")return;for(var f of document.querySelectorAll("iframe")){{if(f.contentWindow===e.source){{f.style.height=Math.min(Math.max(+d.height||0,300),4000)+"px"}}}}}})</script>"#
    )
}

/// The button and, hidden until it is pressed, the snippet with its copy
/// button; on a later scenario, only the snippet's text changes.
pub fn draw(element: &web_sys::Element) {
    let part = |selector: &str| element.query_selector(selector).ok().flatten();
    if part("textarea").is_none() {
        element.set_inner_html(&format!(
            "<button type=\"button\" class=\"xo-button xo-button-quiet\" {TOGGLE} aria-expanded=\"false\" aria-controls=\"xo-embed-code\">Embed in your page</button>\
             <div id=\"xo-embed-code\" class=\"xo-embed-code\" hidden><label for=\"xo-embed-snippet\">Paste this where the calculator should appear; it opens on this scenario and sizes itself.</label>\
             <textarea id=\"xo-embed-snippet\" readonly rows=\"5\"></textarea><button type=\"button\" class=\"xo-button\" {COPY}>Copy snippet</button>\
             <span role=\"status\" class=\"xo-share-status\"></span></div>"
        ));
    }
    let src = element.get_attribute(SOURCE_ATTRIBUTE).unwrap_or_default();
    if let (Some(code), Some(status)) = (part("textarea"), part("[role=status]")) {
        // A read-only text area shows its text as its value.
        code.set_text_content(Some(&snippet(&src)));
        status.set_text_content(None);
    }
}

/// A press on the button (the snippet shows or hides) or on "Copy snippet"
/// (the snippet of the scenario now in the element is copied, and the
/// status says whether the browser let it be).
pub fn on_click(target: &web_sys::Element, element: &web_sys::Element) {
    let part = |selector: &str| element.query_selector(selector).ok().flatten();
    if target.has_attribute(TOGGLE) {
        if let Some(code) = part(".xo-embed-code") {
            let open = code.toggle_attribute("hidden").is_ok_and(|hidden| !hidden);
            let _ = target.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
    } else if target.has_attribute(COPY) {
        let src = element.get_attribute(SOURCE_ATTRIBUTE).unwrap_or_default();
        let Some(status) = part("[role=status]") else {
            return;
        };
        browser::copy_to_clipboard(&snippet(&src), move |ok| {
            status.set_text_content(Some(if ok {
                "Snippet copied."
            } else {
                "The browser refused the clipboard: select the snippet and copy it."
            }));
        });
    }
}
