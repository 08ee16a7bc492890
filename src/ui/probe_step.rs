//! One probe step: its status, the code it maps to, what was asked and answered, what it means,
//! and the command that checks the same thing from a terminal.

use acr_doctor_core::catalog::entry;
use acr_doctor_core::probe::steps::Status;
use acr_doctor_core::probe::words::{kit_step_title, outcome_text, step_title};
use acr_doctor_core::ui_text::{self, label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::command_line::CommandLine;
use super::token_claims::TokenClaims;
use crate::browser;
use crate::probe::{StepState, StepView};

#[derive(Properties, PartialEq)]
pub struct ProbeStepProps {
    pub view: StepView,
    pub lang: Lang,
    /// The curl and check-health commands for a blocked step.
    pub blocked_commands: Vec<String>,
    /// The probe kit ran this step (from its transcript), not this browser.
    #[prop_or_default]
    pub from_kit: bool,
}

#[component]
pub fn ProbeStep(props: &ProbeStepProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let (asked_label, answered_label, meaning_label, paste_back) = (
        label(Label::Asked, lang),
        label(Label::Answered, lang),
        label(Label::CodeMeaning, lang),
        label(Label::PasteBack, lang),
    );
    let on_paste_back = Callback::from(|_| browser::focus_paste_box());
    let status = v.judged().map(|j| j.status);
    let badge = match &v.state {
        StepState::Pending => ui_text::pending(lang),
        StepState::Running => ui_text::running(lang),
        StepState::Done(j) => ui_text::status(j.status, lang),
    };
    html! {
        <li
            class={classes!("probe", format!("status-{}", v.status_id()))}
            data-testid="probe"
            data-probe={v.step.id()}
            data-status={v.status_id()}
            data-code={v.code().map(|c| c.title())}
        >
            <div class="probe-head">
                <span class="probe-status" aria-hidden="true">
                    if v.state == StepState::Running { <span class="spinner" /> }
                </span>
                <strong>{ if props.from_kit { kit_step_title(v.step, lang) } else { step_title(v.step, lang) } }</strong>
                <span class={classes!("badge", "status-badge", format!("is-{}", v.status_id()))}>{ badge }</span>
                if let Some(code) = v.code() {
                    <a class="badge code" href={format!("#{}", code.anchor())} onclick={
                        let anchor = code.anchor();
                        Callback::from(move |e: MouseEvent| { e.prevent_default(); browser::set_hash(&anchor); })
                    }>{ code.title() }</a>
                }
                if let Some(ms) = v.elapsed_ms { <span class="elapsed">{ format!("{ms} ms") }</span> }
            </div>
            if let Some(j) = v.judged() {
                <p class="probe-text">{ outcome_text(&j.outcome, lang) }</p>
            }
            if let Some(code) = v.code() {
                <p class="muted"><strong>{ meaning_label }{ ": " }</strong>{ entry(code, lang).summary }</p>
            }
            { for v.tokens.iter().cloned().map(|t| html! {
                <TokenClaims claims={t.claims} problems={t.problems} provenance={t.provenance} {lang} />
            }) }
            if v.asked.is_some() || !v.answered.is_empty() {
                <details class="exchange">
                    <summary>{ asked_label }{ " / " }{ answered_label }</summary>
                    if let Some(asked) = v.asked.clone() { <pre class="asked">{ asked }</pre> }
                    if !v.answered.is_empty() { <pre class="answered">{ v.answered.join("\n") }</pre> }
                </details>
            }
            if status == Some(Status::Blocked) {
                <div class="blocked-commands" data-testid="blocked-commands">
                    { for props.blocked_commands.iter().map(|c| html! { <CommandLine command={AttrValue::from(c.clone())} {lang} /> }) }
                    <button type="button" class="paste-back" onclick={on_paste_back}>{ paste_back }</button>
                </div>
            } else if status.is_some_and(|s| s != Status::Skipped) && !v.command.is_empty() {
                <CommandLine command={AttrValue::from(v.command.clone())} {lang} />
            }
        </li>
    }
}
