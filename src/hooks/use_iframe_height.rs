use yew::prelude::*;

use crate::browser;

/// Inside an iframe, tells the host page how tall the widget under `root`
/// is, whenever that changes (docs/embedding.md).
#[hook]
pub fn use_iframe_height(root: NodeRef, framed: bool) {
    let watch = use_mut_ref(|| None::<browser::ResizeWatch>);
    use_effect_with((), move |_| {
        if framed && let Some(element) = root.cast::<web_sys::Element>() {
            let measured = element.clone();
            *watch.borrow_mut() = browser::ResizeWatch::new(&element, move |_, _| {
                browser::post_height(f64::from(measured.scroll_height()));
            });
        }
        move || drop(watch.borrow_mut().take())
    });
}
