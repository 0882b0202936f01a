use yew::prelude::*;

pub struct SelectFieldProps<T> {
    pub id: String,
    pub label: &'static str,
    /// `(value, option key, text shown)`.
    pub options: Vec<(T, String, String)>,
    pub selected: T,
    pub onchange: Callback<T>,
}

/// A labelled drop-down list of values.
pub fn select_field<T: Clone + PartialEq + 'static>(props: SelectFieldProps<T>) -> Html {
    let SelectFieldProps {
        id,
        label,
        options,
        selected,
        onchange,
    } = props;
    let values = options.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some((value, _, _)) = values.iter().find(|(_, key, _)| *key == select.value()) {
            onchange.emit(value.clone());
        }
    });
    html! {
        <div class="xo-field">
            <label for={id.clone()}>{ label }</label>
            <select id={id} onchange={onchange}>
                { for options.into_iter().map(|(value, key, text)| html! {
                    <option value={key} selected={value == selected}>{ text }</option>
                }) }
            </select>
        </div>
    }
}
