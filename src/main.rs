fn main() {
    yew::Renderer::<crossover::app::App>::new().render();
}
