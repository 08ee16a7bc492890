//! A probe kit's transcript pasted into the box: its steps, shown as the browser's probes are,
//! with the same hooks (`[data-testid=probe]` with `data-probe`, `data-status`, `data-code`).

use acr_doctor_core::probe::kit;
use acr_doctor_core::probe::target::parse_target;
use acr_doctor_core::probe::transcript::Transcript;
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::probe_step::ProbeStep;
use crate::probe::{StepState, StepView};

#[derive(Properties, PartialEq)]
pub struct KitResultProps {
    pub transcript: Transcript,
    pub lang: Lang,
}

#[component]
pub fn KitResult(props: &KitResultProps) -> Html {
    let lang = props.lang;
    let t = &props.transcript;
    let target = parse_target(&t.origin).ok();
    let steps = kit::judge(t).into_iter().map(|k| {
        let mut view = StepView::pending(k.step, target.as_ref());
        view.state = StepState::Done(k.judged);
        view.elapsed_ms = k.ms;
        html! { <ProbeStep key={k.step.id()} {view} {lang} blocked_commands={Vec::<String>::new()} from_kit=true /> }
    });
    html! {
        <section class="probes kit-result" data-testid="kit-result" aria-labelledby="kit-result-title">
            <h2 id="kit-result-title">{ label(Label::KitResult, lang) }</h2>
            <p class="muted">{ t.origin.clone() }</p>
            <p class="muted" data-testid="kit-result-note">{ label(Label::KitResultNote, lang) }</p>
            <ol class="probe-steps">{ for steps }</ol>
            if !t.complete {
                <p class="warning" data-testid="kit-cut">{ label(Label::KitCut, lang) }</p>
            }
        </section>
    }
}
