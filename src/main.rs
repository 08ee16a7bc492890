use acr_doctor::{browser, ui};
use acr_doctor_core::Lang;

/// How long a French visitor's app waits for the French texts before it starts in English (they
/// were asked for beside the WebAssembly by index.html, so they are usually here already).
const FRENCH_WAIT_MS: i32 = 2000;

fn main() {
    browser::install_panic_page();
    wasm_bindgen_futures::spawn_local(async {
        // A French visitor's app starts in French, as its first paint is: the texts first.
        if browser::initial_lang() == Lang::Fr {
            browser::at_most(FRENCH_WAIT_MS, ui::app::fetch_french()).await;
        }
        // The build's first paint (the box before the WebAssembly) gives way to the app, and what
        // was done on it is done on the app.
        let first = browser::take_first_paint();
        yew::Renderer::<acr_doctor::App>::new().render();
        if let Some(first) = first {
            // Queued after the app's first render, which Yew's scheduler has queued already.
            wasm_bindgen_futures::spawn_local(async move { browser::hand_over(first) });
        }
        browser::register_service_worker();
    });
}
