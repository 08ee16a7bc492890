//! Writes the page's first paint (`ui::shell::Shell`) as HTML, in the language named by its
//! argument (`en` or `fr`), for the build to put in index.html (`scripts/first-paint.py`).
//! Native only: Yew's server renderer.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use acr_doctor::ui::shell::{Shell, ShellProps};
    let tag = std::env::args().nth(1).unwrap_or_default();
    let lang = acr_doctor_core::Lang::from_tag(&tag);
    if lang.tag() != tag {
        eprintln!("usage: prerender en|fr");
        std::process::exit(2);
    }
    let html = futures::executor::block_on(
        yew::ServerRenderer::<Shell>::with_props(move || ShellProps { lang })
            .hydratable(false)
            .render(),
    );
    println!("{html}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
