use yew::prelude::*;

use crate::browser;
use crate::state::{Action, State};

/// Changes settle this long before the address follows: `replaceState`
/// costs a change about half a millisecond, and no one reads the address
/// while typing (docs/performance.md).
const SETTLE_MS: i32 = 150;

/// Keeps the page's URL fragment equal to `link_text` once changes pause
/// and, when a link is pasted into the address bar, loads its scenario.
/// Does nothing unless `sync` (a widget mounted into a host page leaves the
/// host's address alone).
#[hook]
pub fn use_fragment_sync(sync: bool, link_text: AttrValue, state: UseReducerHandle<State>) {
    use_effect_with(link_text, move |text| {
        if sync {
            browser::replace_fragment_after(text, SETTLE_MS);
        }
        move || {
            if sync {
                browser::cancel_fragment_write();
            }
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
