//! The two kits, filled in for the registry: the `sh` kit shown with Copy and Download, the
//! PowerShell kit folded under it with its own Download.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct KitScriptsProps {
    pub sh: AttrValue,
    pub ps: AttrValue,
    pub lang: Lang,
}

/// A file made in the page (a `data:` URL: no request, and it works offline).
fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    )
}

#[component]
pub fn KitScripts(props: &KitScriptsProps) -> Html {
    let lang = props.lang;
    let copied = use_state(|| false);
    let on_copy = {
        let script = props.sh.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            browser::copy(&script);
            copied.set(true);
        })
    };
    html! {
        <>
            <div class="kit-buttons">
                <button type="button" class="copy" data-testid="kit-copy" onclick={on_copy}>
                    { label(if *copied { Label::Copied } else { Label::Copy }, lang) }
                </button>
                <a class="button" href={data_url("text/x-shellscript", &props.sh)} download="acr-doctor-kit.sh" data-testid="kit-download">{ label(Label::KitDownload, lang) }</a>
            </div>
            <pre class="kit-script" data-testid="kit-sh" tabindex="0">{ props.sh.clone() }</pre>
            <details class="kit-ps">
                <summary>{ label(Label::KitPowerShell, lang) }</summary>
                <p class="muted">{ label(Label::KitPowerShellHelp, lang) }</p>
                <div class="kit-buttons">
                    <a class="button" href={data_url("text/plain", &props.ps)} download="acr-doctor-kit.ps1" data-testid="kit-download-ps">{ label(Label::KitDownloadPs, lang) }</a>
                </div>
                <pre class="kit-script" data-testid="kit-ps" tabindex="0">{ props.ps.clone() }</pre>
            </details>
        </>
    }
}
