fn main() {
    acr_doctor::browser::install_panic_page();
    // The build's first paint (the box before the WebAssembly) gives way to the app, and what was
    // typed in it is the app's first paste.
    let first = acr_doctor::browser::take_first_paint();
    yew::Renderer::<acr_doctor::App>::new().render();
    if let Some(first) = first {
        // Queued after the app's first render, which Yew's scheduler has queued already.
        wasm_bindgen_futures::spawn_local(async move { acr_doctor::browser::hand_over(first) });
    }
    acr_doctor::browser::register_service_worker();
}
