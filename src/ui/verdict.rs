//! The verdict for the paste, in one line and one sentence.

use std::rc::Rc;

use acr_doctor_core::decode::Report;
use acr_doctor_core::summary::verdict_text;
use acr_doctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub report: Rc<Report>,
    pub lang: Lang,
}

#[component]
pub fn VerdictBanner(props: &VerdictProps) -> Html {
    let verdict = props.report.verdict();
    let (title, detail) = verdict_text(&props.report, props.lang);
    html! {
        <section class={classes!("verdict", verdict.id())} data-testid="verdict" data-verdict={verdict.id()} role="status" tabindex="-1">
            <h2>{ title }</h2>
            <p>{ detail }</p>
        </section>
    }
}
