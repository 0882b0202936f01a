use std::fmt::Write as _;

use yew::prelude::*;

use crate::markup::escape;

pub struct SelectFieldProps {
    pub id: String,
    pub label: &'static str,
    /// `(key, text shown)`.
    pub options: Vec<(String, String)>,
    pub selected: String,
    /// Called with the chosen key. One type for every list: a generic view
    /// was compiled once per value type (docs/performance.md).
    pub onchange: Callback<String>,
}

/// A labelled drop-down list. Its options are markup text: a list of the
/// open models is some forty elements, built and compared on every change
/// as elements, one string as markup (docs/performance.md).
pub fn select_field(props: SelectFieldProps) -> Html {
    let SelectFieldProps {
        id,
        label,
        options,
        selected,
        onchange,
    } = props;
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        onchange.emit(select.value());
    });
    let mut markup = String::new();
    for (key, text) in &options {
        let _ = write!(
            markup,
            "<option value=\"{}\"{}>{}</option>",
            escape(key),
            if *key == selected { " selected" } else { "" },
            escape(text)
        );
    }
    html! {
        <div class="xo-field">
            <label for={id.clone()}>{ label }</label>
            <select id={id} onchange={onchange}>{ Html::from_html_unchecked(markup.into()) }</select>
        </div>
    }
}
