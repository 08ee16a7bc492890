//! Writes the page's first paint (`ui::shell::Shell`) as HTML, for the build to put in
//! index.html (`scripts/first-paint.py`). Native only: Yew's server renderer.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let html = futures::executor::block_on(
        yew::ServerRenderer::<acr_doctor::ui::shell::Shell>::new()
            .hydratable(false)
            .render(),
    );
    println!("{html}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
