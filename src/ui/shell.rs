//! The page's first paint: what a person needs to start — the title, the paste box as the app
//! lays it out, the privacy line — and a quiet "loading the explainer" line. Rendered to HTML at
//! build time by Yew's server renderer (`src/bin/prerender.rs`), so the box is there before the
//! WebAssembly has arrived. It is rendered in each language; index.html's script shows the one the
//! app will start in, and hands what was done on it over to the app once the app is here.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::header::Header;
use super::paste_box::PasteBox;

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub lang: Lang,
}

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let lang = props.lang;
    html! {
        <>
            <Header {lang} on_lang={Callback::noop()} dark=false on_dark={Callback::noop()} />
            <main>
                // What to do if the WebAssembly cannot be had (static/acr-doctor-start.js shows
                // it), above the box where a phone shows it; how much of it is here, below.
                <p class="warning first-paint-failed" role="alert" hidden=true>{ label(Label::ExplainerUnavailable, lang) }</p>
                <PasteBox {lang} on_paste={Callback::noop()} on_explain={Callback::noop()} file_truncated=false empty=true />
                <p class="muted first-paint-loading" role="status">
                    { label(Label::LoadingExplainer, lang) }
                    <progress max="1" aria-label={label(Label::LoadingExplainer, lang)}></progress>
                </p>
            </main>
        </>
    }
}
