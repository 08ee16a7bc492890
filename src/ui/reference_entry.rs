//! One code in the reference view, at the anchor the documentation uses (`#connectivity_dns_error`).

use acr_doctor_core::catalog::{doc_url, entry};
use acr_doctor_core::explain::origin_label;
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::values::{fill, Slot};
use acr_doctor_core::{Code, Lang};
use yew::prelude::*;

use super::command_line::CommandLine;
use super::rich_text::RichText;
use crate::browser;

#[derive(Properties, PartialEq)]
pub struct ReferenceEntryProps {
    pub code: Code,
    pub lang: Lang,
    /// The URL's hash points here.
    pub target: bool,
    /// The registry of the current paste, to fill the commands.
    pub registry_name: Option<AttrValue>,
    /// Whether the meaning, causes and caveats are here (see `State::about`).
    pub about: Option<bool>,
}

#[component]
pub fn ReferenceEntry(props: &ReferenceEntryProps) -> Html {
    let code = props.code;
    let lang = props.lang;
    let e = entry(code, lang);
    let anchor = code.anchor();
    {
        let anchor = anchor.clone();
        use_effect_with(props.target, move |target| {
            if *target {
                browser::scroll_to(&anchor);
            }
        });
    }
    let name = props.registry_name.as_deref();
    let fixes = e.fixes.iter().map(|fix| {
        html! {
            <li>
                <RichText text={fix.text} />
                if let Some(command) = fix.command {
                    <CommandLine command={AttrValue::from(fill(command, &[(Slot::Name, name)]).text)} {lang} />
                }
            </li>
        }
    });
    let list = |items: &[&'static str]| {
        html! { <ul>{ for items.iter().map(|t| html! { <li><RichText text={*t} /></li> }) }</ul> }
    };
    html! {
        <article
            id={anchor.clone()}
            class={classes!("reference-entry", props.target.then_some("target"))}
            data-testid="reference-entry"
            data-code={code.title()}
            tabindex="-1"
        >
            <details open={props.target}>
                <summary>
                    <code>{ code.title() }</code>
                    if let Some(origin) = origin_label(code, lang) { <span class="badge ours">{ origin }</span> }
                    <span class="summary-text">{ e.summary }</span>
                </summary>
                if e.meaning.is_empty() {
                    <p class="muted" role="status" data-about="waiting">{ label(if props.about == Some(false) { Label::AboutUnavailable } else { Label::AboutLoading }, lang) }</p>
                } else {
                    <p><RichText text={e.meaning} /></p>
                    <h4>{ label(Label::Causes, lang) }</h4>
                    { list(&e.causes) }
                }
                <h4>{ label(Label::Fixes, lang) }</h4>
                <ol>{ for fixes }</ol>
                if !e.caveats.is_empty() {
                    <h4>{ label(Label::Caveats, lang) }</h4>
                    { list(&e.caveats) }
                }
                <p><a href={doc_url(code, lang)} target="_blank" rel="noopener noreferrer">{ label(Label::Documentation, lang) }</a></p>
            </details>
        </article>
    }
}
