fn main() {
    acr_doctor::browser::install_panic_page();
    // The build's first paint (the box before the WebAssembly) gives way to the app, and what was
    // typed in it is the app's first paste.
    let first = acr_doctor::browser::take_first_paint();
    yew::Renderer::<acr_doctor::App>::new().render();
    if let Some(first) = first {
        // Once the app's first render is in the page.
        if let Some(timer) = acr_doctor::browser::after(0, {
            let mut first = Some(first);
            move || {
                if let Some(first) = first.take() {
                    acr_doctor::browser::hand_over(first);
                }
            }
        }) {
            std::mem::forget(timer);
        }
    }
    acr_doctor::browser::register_service_worker();
}
