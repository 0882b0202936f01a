use yew::prelude::*;

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

/// A labelled drop-down list.
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
    html! {
        <div class="xo-field">
            <label for={id.clone()}>{ label }</label>
            <select id={id} onchange={onchange}>
                { for options.into_iter().map(|(key, text)| {
                    let chosen = key == selected;
                    html! { <option value={key} selected={chosen}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}
