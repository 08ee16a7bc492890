//! The two kits, filled in for the registry: the `sh` kit shown with Copy, Download and the line
//! that runs it, the PowerShell kit folded under it with the same.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::command_line::CommandLine;
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
    // Which kit was copied last: the button says so.
    let copied = use_state(|| None::<bool>);
    let copy = |script: &AttrValue, sh: bool| {
        let (script, copied) = (script.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            browser::copy(&script);
            copied.set(Some(sh));
        })
    };
    let copy_label = |sh: bool| {
        label(
            if *copied == Some(sh) {
                Label::Copied
            } else {
                Label::Copy
            },
            lang,
        )
    };
    html! {
        <>
            <div class="kit-buttons">
                <button type="button" class="copy" data-testid="kit-copy" onclick={copy(&props.sh, true)}>{ copy_label(true) }</button>
                <a class="button" href={data_url("text/x-shellscript", &props.sh)} download="acr-doctor-kit.sh" data-testid="kit-download">{ label(Label::KitDownload, lang) }</a>
            </div>
            <p class="muted">{ label(Label::KitRun, lang) }</p>
            <div data-testid="kit-run-sh"><CommandLine command={AttrValue::from("sh acr-doctor-kit.sh")} {lang} /></div>
            <pre class="kit-script" data-testid="kit-sh" tabindex="0">{ props.sh.clone() }</pre>
            <details class="kit-ps">
                <summary>{ label(Label::KitPowerShell, lang) }</summary>
                <p class="muted">{ label(Label::KitPowerShellHelp, lang) }</p>
                <div class="kit-buttons">
                    <button type="button" class="copy" data-testid="kit-copy-ps" onclick={copy(&props.ps, false)}>{ copy_label(false) }</button>
                    <a class="button" href={data_url("text/plain", &props.ps)} download="acr-doctor-kit.ps1" data-testid="kit-download-ps">{ label(Label::KitDownloadPs, lang) }</a>
                </div>
                <p class="muted">{ label(Label::KitRun, lang) }</p>
                <div data-testid="kit-run-ps"><CommandLine command={AttrValue::from(r"powershell -NoProfile -ExecutionPolicy Bypass -File .\acr-doctor-kit.ps1")} {lang} /></div>
                <pre class="kit-script" data-testid="kit-ps" tabindex="0">{ props.ps.clone() }</pre>
            </details>
        </>
    }
}
