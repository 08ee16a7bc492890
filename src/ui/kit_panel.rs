//! The probe kit for the registry typed: the `sh` script in full, with Copy and Download, and the
//! `kubectl` line that runs it in a pod of the cluster. What it prints is pasted back into the
//! box above, where it becomes probe steps.

use acr_doctor_core::probe::kit_script::{self, Image};
use acr_doctor_core::probe::target::Target;
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::command_line::CommandLine;
use crate::browser;

#[derive(Properties, PartialEq)]
pub struct KitPanelProps {
    pub target: Target,
    /// The repository field: `repository[:tag]`.
    pub image: AttrValue,
    pub lang: Lang,
}

#[component]
pub fn KitPanel(props: &KitPanelProps) -> Html {
    let lang = props.lang;
    let image = Image::parse(&props.image);
    let script = kit_script::sh(&props.target, image.as_ref());
    let copied = use_state(|| false);
    let on_copy = {
        let script = script.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            browser::copy(&script);
            copied.set(true);
        })
    };
    let download = format!(
        "data:text/x-shellscript;charset=utf-8,{}",
        js_sys::encode_uri_component(&script)
    );
    html! {
        <details class="kit" data-testid="kit">
            <summary>{ label(Label::KitTitle, lang) }</summary>
            <p class="muted">{ label(Label::KitHelp, lang) }</p>
            if image.is_none() && !props.image.trim().is_empty() {
                <p class="warning">{ label(Label::KitImageInvalid, lang) }</p>
            }
            <div class="kit-buttons">
                <button type="button" class="copy" data-testid="kit-copy" onclick={on_copy}>
                    { label(if *copied { Label::Copied } else { Label::Copy }, lang) }
                </button>
                <a class="button" href={download} download="acr-doctor-kit.sh" data-testid="kit-download">{ label(Label::KitDownload, lang) }</a>
            </div>
            <pre class="kit-script" data-testid="kit-sh" tabindex="0">{ script }</pre>
            <details class="kit-ps">
                <summary>{ label(Label::KitPowerShell, lang) }</summary>
                <p class="muted">{ label(Label::KitPowerShellHelp, lang) }</p>
                <pre class="kit-script" data-testid="kit-ps" tabindex="0">{ kit_script::ps(&props.target, image.as_ref()) }</pre>
            </details>
            <p class="muted">{ label(Label::KitCluster, lang) }</p>
            <div data-testid="kit-kubectl"><CommandLine command={AttrValue::from(kit_script::KUBECTL)} {lang} /></div>
            <p class="muted">{ label(Label::KitClusterPod, lang) }</p>
            <div data-testid="kit-kubectl-pod"><CommandLine command={AttrValue::from(kit_script::KUBECTL_POD)} {lang} /></div>
        </details>
    }
}
