//! The verdict for the paste, in one line and one sentence, and where to start: the first
//! problem and the one action to take first, with its command.

use std::rc::Rc;

use acr_doctor_core::decode::Report;
use acr_doctor_core::explain::explain;
use acr_doctor_core::path::Role;
use acr_doctor_core::summary::{false_alarm, verdict_text_of};
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::command_line::CommandLine;
use super::rich_text::RichText;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub report: Rc<Report>,
    /// Each finding's role (the state computes them once per paste).
    pub roles: Rc<Vec<Role>>,
    pub lang: Lang,
}

#[component]
pub fn VerdictBanner(props: &VerdictProps) -> Html {
    let lang = props.lang;
    let verdict = props.report.verdict();
    let (title, detail) = verdict_text_of(&props.report, &props.roles, lang);
    let errors = props.roles.iter().filter(|r| **r == Role::Error).count();
    // The first problem (in the paste's order of causes) and its first fix.
    let first = props
        .roles
        .iter()
        .position(|r| *r == Role::Error)
        .and_then(|i| props.report.findings.get(i))
        .map(|f| {
            let e = explain(f, lang);
            let fix = e.fixes.first().cloned();
            (f.code.title().to_owned(), e, fix)
        });
    let start = first.map(|(code, e, fix)| {
        html! {
            <div class="start-here" data-testid="start-here">
                <h3>{ label(Label::StartHere, lang) }</h3>
                <p><code>{ code }</code>{ " — " }<RichText text={AttrValue::from(e.summary)} /></p>
                if let Some(fix) = fix {
                    <p class="first-fix"><RichText text={AttrValue::from(fix.text)} /></p>
                    if let Some(command) = fix.command {
                        <CommandLine command={AttrValue::from(command)} {lang} />
                    }
                }
            </div>
        }
    });
    html! {
        <section
            class={classes!("verdict", verdict.id(), false_alarm(&props.report, &props.roles).then_some("false-alarm"))}
            data-testid="verdict"
            data-verdict={verdict.id()}
            data-errors={errors.to_string()}
            role="status"
            tabindex="-1"
        >
            <h2>{ title }</h2>
            <p>{ detail }</p>
            { for start }
        </section>
    }
}
