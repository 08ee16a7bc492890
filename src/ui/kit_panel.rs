//! The probe kit for the registry typed: the `sh` script in full, with Copy and Download, the
//! PowerShell one, and the `kubectl` line that runs the `sh` kit in a pod of the cluster. What it
//! prints is pasted back into the box above, where it becomes probe steps. The kits' text is one
//! of the page's files, fetched when the panel first shows (the first load carries only the
//! explainer); the registry's values are written into it by the core.

use std::sync::OnceLock;

use acr_doctor_core::probe::kit_script::{self, Image};
use acr_doctor_core::probe::target::Target;
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::command_line::CommandLine;
use super::kit_scripts::KitScripts;
use crate::net;

#[derive(Properties, PartialEq)]
pub struct KitPanelProps {
    pub target: Target,
    /// The repository field: `repository[:tag]`.
    pub image: AttrValue,
    /// A probe step was blocked: the kit is what sees it, so it is shown open.
    #[prop_or_default]
    pub open: bool,
    pub lang: Lang,
}

/// The kits' files as served: `(sh, ps1)`.
type Files = (String, String);

/// The kits' files, once fetched: the panel comes and goes with the registry field, the files
/// are asked for once.
static FILES: OnceLock<Files> = OnceLock::new();

async fn fetch_files() -> Option<Files> {
    if let Some(files) = FILES.get() {
        return Some(files.clone());
    }
    let files = (
        net::page_file("data-kit-sh", "acr-doctor-kit", "sh").await?,
        net::page_file("data-kit-ps", "acr-doctor-kit", "ps1").await?,
    );
    Some(FILES.get_or_init(|| files).clone())
}

#[component]
pub fn KitPanel(props: &KitPanelProps) -> Html {
    let lang = props.lang;
    // None while fetching; then the files, or None inside when they could not be had.
    let files = use_state(|| FILES.get().cloned().map(Some));
    {
        let files = files.clone();
        use_effect_with((), move |()| {
            if files.is_none() {
                wasm_bindgen_futures::spawn_local(
                    async move { files.set(Some(fetch_files().await)) },
                );
            }
        });
    }
    let image = Image::parse(&props.image);
    let kits = match &*files {
        None => Err(Label::KitLoading),
        Some(None) => Err(Label::KitUnavailable),
        Some(Some((sh, ps))) => match (
            kit_script::sh(sh, &props.target, image.as_ref()),
            kit_script::ps(ps, &props.target, image.as_ref()),
        ) {
            (Some(sh), Some(ps)) => Ok((sh, ps)),
            _ => Err(Label::KitUnavailable),
        },
    };
    html! {
        <details class="kit" data-testid="kit" open={props.open}>
            <summary>{ label(Label::KitTitle, lang) }</summary>
            <p class="muted">{ label(Label::KitHelp, lang) }</p>
            if image.is_none() && !props.image.trim().is_empty() {
                <p class="warning">{ label(Label::KitImageInvalid, lang) }</p>
            }
            {
                match kits {
                    Ok((sh, ps)) => html! {
                        <KitScripts sh={AttrValue::from(sh)} ps={AttrValue::from(ps)} {lang} />
                    },
                    Err(why) => html! {
                        <p class="muted" data-testid="kit-status">{ label(why, lang) }</p>
                    },
                }
            }
            <p class="muted">{ label(Label::KitCluster, lang) }</p>
            <div data-testid="kit-kubectl"><CommandLine command={AttrValue::from(kit_script::KUBECTL)} {lang} /></div>
            <p class="muted">{ label(Label::KitClusterPod, lang) }</p>
            <div data-testid="kit-kubectl-pod"><CommandLine command={AttrValue::from(kit_script::KUBECTL_POD)} {lang} /></div>
        </details>
    }
}
