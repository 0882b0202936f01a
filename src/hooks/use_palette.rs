use crossover_pricing::view::Theme;
use yew::prelude::*;

use crate::browser;
use crate::chart::Palette;

/// Whether the widget is dark (the theme chosen, or the system's while it
/// follows the system), and the chart colours of that theme, read from the
/// CSS variables under `root` (the canvas cannot read CSS itself).
#[hook]
pub fn use_palette(root: NodeRef, theme: Theme) -> (bool, Palette) {
    let system_dark = use_state(browser::prefers_dark);
    // Equal to the default in the light theme: no second render then.
    let palette = use_state_eq(Palette::default);
    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |_| {
            let watch = browser::SchemeWatch::new(move |dark| system_dark.set(dark));
            move || drop(watch)
        });
    }
    let dark = match theme {
        Theme::Auto => *system_dark,
        Theme::Light => false,
        Theme::Dark => true,
    };
    {
        let palette = palette.clone();
        use_effect_with(dark, move |_| {
            if let Some(element) = root.cast::<web_sys::Element>() {
                palette.set(Palette::from_css(|name| {
                    browser::css_variable(&element, name)
                }));
            }
        });
    }
    (dark, (*palette).clone())
}
