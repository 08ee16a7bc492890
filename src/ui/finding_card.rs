//! One finding: its code, what it means here, numbered fixes with the person's registry filled
//! in, then (folded) what the code means, its causes and what is good to know, the
//! documentation, and the pasted lines it came from. A consequence says which problem above it
//! comes from; a false positive is a grey note.

use std::collections::BTreeMap;
use std::rc::Rc;

use acr_doctor_core::decode::{Finding, Source};
use acr_doctor_core::explain::explain;
use acr_doctor_core::path::Role;
use acr_doctor_core::ui_text::{self, label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::command_line::CommandLine;
use super::rich_text::RichText;
use crate::browser;

#[derive(Properties, PartialEq)]
pub struct FindingCardProps {
    pub finding: Rc<Finding>,
    /// The paste's lines this finding came from.
    pub lines: Vec<usize>,
    pub excerpts: Rc<BTreeMap<usize, String>>,
    /// A problem, a consequence of one above (`cause`: its code), or a note.
    pub role: Role,
    #[prop_or_default]
    pub cause: Option<AttrValue>,
    /// Whether the texts under "more about this code" are here (see `State::about`).
    #[prop_or_default]
    pub about: Option<bool>,
    pub lang: Lang,
}

#[component]
pub fn FindingCard(props: &FindingCardProps) -> Html {
    let f = &props.finding;
    let lang = props.lang;
    let e = explain(f, lang);
    let title = f.code.title().to_owned();
    let anchor = title.to_ascii_lowercase();
    let source_name = format!(
        "{} {} {}",
        label(Label::FromLines, lang),
        title,
        props.lines.first().copied().unwrap_or_default()
    );
    let badge = match f.source {
        Source::Mentioned => Some(label(Label::Mentioned, lang)),
        _ => None,
    };
    let to_reference = {
        let anchor = anchor.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            browser::set_hash(&anchor);
        })
    };
    let list = |items: &[String]| {
        html! { <ul>{ for items.iter().map(|t| html! { <li><RichText text={AttrValue::from(t.clone())} /></li> }) }</ul> }
    };
    // The page's build fetches a code's meaning, causes and caveats (the `about` data file).
    let waiting = e.meaning.as_deref() == Some("");
    let fixes = e.fixes.iter().map(|fix| {
        html! {
            <li>
                <RichText text={AttrValue::from(fix.text.clone())} />
                if let Some(command) = fix.command.clone() {
                    <CommandLine command={AttrValue::from(command)} {lang} />
                }
            </li>
        }
    });
    let source_lines = props.lines.iter().filter_map(|n| {
        props.excerpts.get(n).map(|text| {
            html! { <div class="src-line"><span class="ln">{ n }</span><span class="txt">{ text.clone() }</span></div> }
        })
    });
    html! {
        <article
            class={classes!("finding", props.role.id(), f.code.known().is_none().then_some("unknown"))}
            data-testid="finding"
            data-role={props.role.id()}
            data-code={title.clone()}
            data-http-status={f.http_status.map(|s| s.to_string())}
            data-registry={f.registry.clone()}
            data-repository={f.detail.repository.clone()}
            data-tag={f.detail.tag.clone()}
            data-client-ip={f.detail.client_ip.clone()}
            data-correlation-id={f.detail.correlation_id.clone()}
            data-check-health={f.detail.check_health.map(|c| c.title())}
            data-endpoint={f.detail.endpoint.map(|e| e.id())}
            data-aadsts={f.detail.aadsts.clone()}
            data-known-bug={f.detail.known_bug.map(|b| b.id())}
        >
            <header>
                <h3><code>{ title }</code></h3>
                if let Some(badge) = badge { <span class="badge">{ badge }</span> }
                if let Some(origin) = e.origin_label { <span class="badge ours">{ origin }</span> }
                if let Some(status) = f.http_status {
                    <span class="badge status">{ label(Label::HttpStatus, lang) }{ " " }{ status }</span>
                }
                if let Some(registry) = f.registry.clone() { <span class="badge registry">{ registry }</span> }
                if props.role == Role::Note { <span class="badge note">{ label(Label::FalsePositive, lang) }</span> }
            </header>
            if let Some(cause) = props.cause.clone() {
                <p class="consequence-of" data-testid="consequence-of">{ ui_text::consequence_of(&cause, lang) }</p>
            }
            <p class="summary"><RichText text={AttrValue::from(e.summary.clone())} /></p>
            if !e.in_your_case.is_empty() {
                <section class="case"><h4>{ label(Label::InYourCase, lang) }</h4>{ list(&e.in_your_case) }</section>
            }
            if !f.tool_output.is_empty() {
                <section class="tool-output">
                    <h4>{ label(Label::ToolOutput, lang) }</h4>
                    // Scrolls sideways on a narrow screen: reachable from the keyboard.
                    <pre tabindex="0" aria-label={label(Label::ToolOutput, lang)}>{ f.tool_output.join("\n") }</pre>
                </section>
            }
            <section class="fixes"><h4>{ label(Label::Fixes, lang) }</h4><ol>{ for fixes }</ol></section>
            if e.meaning.is_some() || !e.causes.is_empty() || !e.caveats.is_empty() {
                // The rest, for who wants it: folded, so the fixes come right after the case.
                <details class="about" data-testid="about-code">
                    <summary>{ label(Label::AboutCode, lang) }</summary>
                    if waiting {
                        <p class="muted" role="status" data-about="waiting">{ label(if props.about == Some(false) { Label::AboutUnavailable } else { Label::AboutLoading }, lang) }</p>
                    }
                    if let Some(meaning) = e.meaning.clone().filter(|m| !m.is_empty()) {
                        <section><h4>{ label(Label::Meaning, lang) }</h4><p><RichText text={AttrValue::from(meaning)} /></p></section>
                    }
                    if !e.causes.is_empty() {
                        <section><h4>{ label(Label::Causes, lang) }</h4>{ list(&e.causes) }</section>
                    }
                    if !e.caveats.is_empty() {
                        <section class="caveats"><h4>{ label(Label::Caveats, lang) }</h4>{ list(&e.caveats) }</section>
                    }
                </details>
            }
            <footer>
                if let Some(url) = e.doc_url.clone() {
                    <a href={url} target="_blank" rel="noopener noreferrer" data-testid="doc-link">{ label(Label::Documentation, lang) }</a>
                }
                if f.code.known().is_some() {
                    <a href={format!("#{anchor}")} onclick={to_reference} class="to-reference">{ label(Label::Reference, lang) }{ " → " }{ anchor.clone() }</a>
                }
            </footer>
            if !props.lines.is_empty() {
                <details class="source" open=true>
                    <summary>{ label(Label::FromLines, lang) }</summary>
                    // Scrolls sideways: a region reachable from the keyboard, named by its code and
                    // first line (two cards may show the same lines, never for the same code).
                    <div class="src" role="region" tabindex="0" aria-label={source_name}>{ for source_lines }</div>
                </details>
            }
        </article>
    }
}
