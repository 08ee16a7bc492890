//! How far the run got: the checks it passed, where it stopped, the CLI version and what that
//! version implies, and the other lines recognised in the paste.

use std::rc::Rc;

use acr_doctor_core::decode::{Report, RunEnd};
use acr_doctor_core::summary::{check_text, end_text, note_text, version_facts};
use acr_doctor_core::ui_text::{self, label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RunSummaryProps {
    pub report: Rc<Report>,
    pub lang: Lang,
}

#[component]
pub fn RunSummary(props: &RunSummaryProps) -> Html {
    let r = &props.report;
    let lang = props.lang;
    if r.checks.is_empty() && r.notes.is_empty() && r.cli_version.is_none() && r.end.is_none() {
        return html! {};
    }
    let checks = r.checks.iter().map(|c| {
        html! { <li data-testid="check" data-line={c.line.to_string()}>{ check_text(&c.item, lang) }</li> }
    });
    let facts = version_facts(r, lang);
    let end = r
        .end
        .as_ref()
        .filter(|e| **e != RunEnd::Unknown)
        .map(|e| end_text(e, lang));
    let notes = r.notes.iter().map(|n| {
        let class = if n.item.is_problem() {
            "note problem"
        } else {
            "note"
        };
        let times = (n.count > 1).then(|| format!(" (×{})", n.count));
        html! { <li {class} data-testid="note">{ note_text(&n.item, lang) }{ times }</li> }
    });
    html! {
        <section class="run-summary" data-testid="run-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ label(Label::Summary, lang) }</h2>
            if let Some(end) = end {
                <p class="run-end" data-testid="run-end">{ end }</p>
            }
            if let Some(registry) = r.registry.clone() {
                <p class="registry">{ label(Label::Registry, lang) }{ ": " }<code>{ registry }</code></p>
            }
            if let Some(version) = r.cli_version.clone() {
                <div class="cli-version" data-testid="cli-version">
                    <p>{ label(Label::CliVersion, lang) }{ ": " }<strong>{ version }</strong></p>
                    if !facts.is_empty() {
                        <ul class="facts">{ for facts.iter().map(|f| html! { <li>{ f.clone() }</li> }) }</ul>
                    }
                </div>
            } else if !facts.is_empty() {
                <ul class="facts">{ for facts.iter().map(|f| html! { <li>{ f.clone() }</li> }) }</ul>
            }
            <h3>{ label(Label::ChecksPassed, lang) }</h3>
            if r.checks.is_empty() {
                <p class="muted">{ label(Label::NoChecks, lang) }</p>
            } else {
                <ul class="checks">{ for checks }</ul>
            }
            if !r.notes.is_empty() {
                <h3>{ label(Label::Notes, lang) }</h3>
                <ul class="notes">{ for notes }</ul>
                if r.notes_omitted > 0 {
                    <p class="muted" data-testid="notes-omitted">{ ui_text::more_notes(r.notes_omitted, lang) }</p>
                }
            }
        </section>
    }
}
