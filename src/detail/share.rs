//! The share link's copy button, and what it says: the widget puts the link
//! in the element and a link to open it beside; this module adds the button
//! that copies it and, when the browser refuses the clipboard, the link to
//! copy by hand.

use wasm_bindgen::JsCast;

use crate::browser;

/// The attribute the widget puts the share link in, on the button's element.
pub const SHARE_ATTRIBUTE: &str = "data-xo-share";
const COPY: &str = "data-xo-share-copy";

/// The button and its status; on a later scenario, what they said of the
/// last link goes.
pub fn draw(element: &web_sys::Element) {
    if let Ok(Some(status)) = element.query_selector("[role=status]") {
        status.set_text_content(None);
        if let Ok(Some(shown)) = element.query_selector("input") {
            shown.remove();
        }
    } else {
        element.set_inner_html(&format!(
            "<button type=\"button\" class=\"xo-button\" {COPY}>Copy share link</button>\
             <span class=\"xo-share-status\" role=\"status\"></span>"
        ));
    }
}

/// A press on "Copy share link": the link now in the element is copied, and
/// the status says whether the browser let it be; if not, the link shows,
/// focused and selected, to copy by hand.
pub fn on_click(target: &web_sys::Element, element: &web_sys::Element) {
    if !target.has_attribute(COPY) {
        return;
    }
    let link = element.get_attribute(SHARE_ATTRIBUTE).unwrap_or_default();
    let Ok(Some(status)) = element.query_selector("[role=status]") else {
        return;
    };
    let element = element.clone();
    browser::copy_to_clipboard(&link.clone(), move |ok| {
        status.set_text_content(Some(if ok {
            "Link copied: it opens exactly this comparison."
        } else {
            "Copy this link:"
        }));
        if ok || element.query_selector("input").ok().flatten().is_some() {
            return;
        }
        let shown = element
            .owner_document()
            .and_then(|d| d.create_element("input").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(shown) = shown {
            shown.set_class_name("xo-share-link");
            shown.set_read_only(true);
            shown.set_value(&link);
            let _ = shown.set_attribute("aria-label", "Share link");
            let _ = element.append_child(&shown);
            let _ = shown.focus();
            shown.select();
        }
    });
}
