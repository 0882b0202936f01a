use yew::prelude::*;

use crate::browser;
use crate::state::{Action, State};

/// Keeps the page's URL fragment equal to `link_text` and, when a link is
/// pasted into the address bar, loads its scenario. Does nothing unless
/// `sync` (a widget mounted into a host page leaves the host's address alone).
#[hook]
pub fn use_fragment_sync(sync: bool, link_text: String, state: UseReducerHandle<State>) {
    use_effect_with(link_text, move |text| {
        if sync {
            browser::replace_fragment(text)
        }
    });
    use_effect_with((), move |_| {
        let listener = sync.then(|| {
            browser::WindowListener::new("hashchange", move |_| {
                let next = State::from_link(&browser::fragment(), browser::today());
                state.dispatch(Action::Load {
                    scenario: Box::new(next.scenario),
                    view: next.view,
                    notices: next.notices,
                });
            })
        });
        move || drop(listener)
    });
}
