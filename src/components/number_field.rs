use crossover_pricing::fields::Help;
use yew::prelude::*;

pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// Shown after the field: "USD per GPU-hour", "%".
    pub unit: AttrValue,
    pub text: AttrValue,
    pub error: Option<AttrValue>,
    /// The default in words: what it is, why, and who published it.
    pub help: Option<Help>,
    pub oninput: Callback<String>,
    /// Shown as a "reset" button when the value differs from the default.
    pub onreset: Option<Callback<()>>,
}

/// A labelled text input for a number, with its unit, help and message.
/// Text rather than `type=number`: people type `2.5B` and `40,000,000`.
pub fn number_field(props: NumberFieldProps) -> Html {
    let NumberFieldProps {
        id,
        label,
        unit,
        text,
        error,
        help,
        oninput,
        onreset,
    } = props;
    let described = format!(
        "{id}-unit{}{}",
        if help.is_some() {
            format!(" {id}-help")
        } else {
            String::new()
        },
        if error.is_some() {
            format!(" {id}-error")
        } else {
            String::new()
        }
    );
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        oninput.emit(input.value());
    });
    html! {
        <div class="xo-field">
            <label for={id.clone()}>{ label.clone() }</label>
            <div class="xo-field-row">
                <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    value={text} {oninput} aria-describedby={described} aria-invalid={error.is_some().to_string()} />
                <span class="xo-unit" id={format!("{id}-unit")}>{ unit }</span>
                if let Some(onreset) = onreset {
                    <button type="button" class="xo-link-button" onclick={move |_| onreset.emit(())}
                        aria-label={format!("Reset {label} to its default")}>{ "reset" }</button>
                }
            </div>
            if let Some(help) = help {
                <p class="xo-help" id={format!("{id}-help")}>
                    { help.text }
                    if let Some(cite) = help.cite {
                        { " Source: " }
                        if let Some(url) = cite.url {
                            <a href={url} target="_blank" rel="noopener noreferrer">{ cite.by }</a>
                        } else {
                            { cite.by }
                        }
                        if let Some(seen) = cite.seen {
                            { format!(", {seen}") }
                        }
                        { "." }
                    }
                </p>
            }
            <p class="xo-error" id={format!("{id}-error")} aria-live="polite">{ error.unwrap_or_default() }</p>
        </div>
    }
}
