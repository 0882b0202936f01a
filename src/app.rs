use crossover_pricing::catalogue::prices_as_of;
use crossover_pricing::{Scenario, compare};
use yew::prelude::*;

/// The widget's root. For now it shows the default scenario's headlines;
/// inputs and charts come with the widget itself.
#[component]
pub fn App() -> Html {
    let headlines: Vec<String> = match compare(&Scenario::default()) {
        Ok(comparison) => comparison.pairs.into_iter().map(|p| p.headline).collect(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    };
    html! {
        <main class="crossover">
            <h1>{ "Crossover" }</h1>
            <p>{ "Pay per token, or self-host an open model: where the answer flips." }</p>
            <ul>
                { for headlines.iter().map(|h| html! { <li>{ h }</li> }) }
            </ul>
            <p class="crossover-as-of">{ format!("Prices as of {}", prices_as_of()) }</p>
        </main>
    }
}
