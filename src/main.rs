use std::cell::Cell;
use std::rc::Rc;

use acr_doctor::{browser, ui};
use acr_doctor_core::Lang;

/// How long a French visitor's app waits for the French texts before it starts in English (they
/// were asked for beside the WebAssembly by index.html, so they are usually here already).
const FRENCH_WAIT_MS: i32 = 2000;

fn main() {
    browser::install_panic_page();
    if browser::initial_lang() != Lang::Fr {
        return start();
    }
    // A French visitor's app starts in French, as its first paint is: the texts first, or the
    // app in English (turning French when they come) if they are slow.
    let started = Rc::new(Cell::new(false));
    let start_once = move || {
        if !started.replace(true) {
            start();
        }
    };
    let timer = browser::after(FRENCH_WAIT_MS, start_once.clone());
    ui::app::fetch_french(Box::new(move || {
        drop(timer);
        start_once();
    }));
}

/// The app, in its own element below the build's first paint (index.html then takes the first
/// paint out and hands over what was done on it).
fn start() {
    match browser::find::<web_sys::Element>("#app") {
        Some(root) => yew::Renderer::<acr_doctor::App>::with_root(root).render(),
        None => yew::Renderer::<acr_doctor::App>::new().render(),
    };
    browser::register_service_worker();
}
