use crossover_pricing::api::{CustomOffering, MAX_CUSTOM_NAME_CHARS};
use crossover_pricing::fields::{Field, Scope};
use crossover_pricing::scenario::MAX_CUSTOM;
use crossover_pricing::view::Money;
use yew::prelude::*;

use crate::components::number_field::{NumberFieldProps, number_field};
use crate::state::{Action, Drafts, FieldId};

pub struct CustomOfferingsProps {
    pub offerings: Vec<CustomOffering>,
    /// The prices are typed and shown in its currency.
    pub money: Money,
    pub drafts: Drafts,
    pub onaction: Callback<Action>,
}

/// Offerings at the prices a person pays (negotiated, unlisted): priced,
/// charted and shared like the catalogue's.
pub fn custom_offerings(props: CustomOfferingsProps) -> Html {
    let CustomOfferingsProps {
        offerings,
        money,
        drafts,
        onaction,
    } = props;
    let unit: AttrValue = format!("{} per 1M tokens", money.code).into();
    let emit = |action: Action| {
        let onaction = onaction.clone();
        Callback::from(move |_| onaction.emit(action.clone()))
    };
    html! {
        <fieldset class="xo-api-group xo-custom">
            <legend>{ "Your own prices" }</legend>
            <p class="xo-help">{ format!("A negotiated or unlisted price, in {} per 1M tokens.", money.code) }</p>
            { for offerings.iter().enumerate().map(|(i, c)| {
                let onname = {
                    let onaction = onaction.clone();
                    Callback::from(move |e: InputEvent| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        onaction.emit(Action::RenameCustom(i, input.value()));
                    })
                };
                html! {
                    <div class="xo-custom-offering">
                        <div class="xo-grid">
                            <div class="xo-field">
                                <label for={format!("xo-c{i}-name")}>{ "Name" }</label>
                                <input id={format!("xo-c{i}-name")} type="text" value={c.name.clone()}
                                    maxlength={MAX_CUSTOM_NAME_CHARS.to_string()} oninput={onname} />
                            </div>
                            { for Field::of(Scope::Custom).map(|field| {
                                let spec = field.spec();
                                let draft = drafts.get(&FieldId::Custom(i, field));
                                let onaction = onaction.clone();
                                number_field(NumberFieldProps {
                                    id: format!("xo-c{i}-{}", spec.key).into(),
                                    label: spec.label.into(),
                                    unit: unit.clone(),
                                    text: draft.map_or_else(
                                        || c.prices.get(field).map(|v| spec.format_input(money.convert(v))).unwrap_or_default(),
                                        |d| d.text.clone(),
                                    ).into(),
                                    error: draft.and_then(|d| d.error.clone()).map(AttrValue::from),
                                    help: None,
                                    oninput: Callback::from(move |text| onaction.emit(Action::EditCustom(i, field, text))),
                                    onreset: None,
                                })
                            }) }
                        </div>
                        <button type="button" class="xo-button xo-button-quiet" onclick={emit(Action::RemoveCustom(i))}>
                            { format!("Remove {}", c.name) }
                        </button>
                    </div>
                }
            }) }
            if offerings.len() < MAX_CUSTOM {
                <button type="button" class="xo-button xo-button-quiet" onclick={emit(Action::AddCustom)}>
                    { "Add your own price" }
                </button>
            }
        </fieldset>
    }
}
