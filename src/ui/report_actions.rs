//! Hand the explanation on: copy it as Markdown (a GitHub issue, a support ticket), download it
//! as a `.md` file, or copy a link that reopens it. The Markdown holds what the page shows and no
//! token or password, the paste's own lines only when the person ticks the box; the link holds
//! codes, statuses, login servers and the CLI version (see `share.rs`).

use std::collections::BTreeMap;
use std::rc::Rc;

use acr_doctor_core::decode::Report;
use acr_doctor_core::markdown::{markdown, Extras, StepRow};
use acr_doctor_core::share;
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct ReportActionsProps {
    pub report: Rc<Report>,
    pub excerpts: Rc<BTreeMap<usize, String>>,
    pub pasted: bool,
    /// The probe run's finished steps.
    pub steps: Rc<Vec<StepRow>>,
    pub lang: Lang,
}

#[component]
pub fn ReportActions(props: &ReportActionsProps) -> Html {
    let lang = props.lang;
    // The paste's lines are the evidence: in by default (masked), out if the person unticks.
    let include = use_state(|| true);
    let copied = use_state(|| false);
    let text = {
        let report = props.report.clone();
        let excerpts = props.excerpts.clone();
        let steps = props.steps.clone();
        let pasted = props.pasted;
        let include = *include && pasted;
        Rc::new(move || {
            let extras = Extras {
                pasted,
                steps: &steps,
                lines: include.then_some(&*excerpts),
            };
            markdown(&report, lang, &extras)
        })
    };
    let on_copy = {
        let text = text.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            browser::copy(&text());
            copied.set(true);
        })
    };
    let link_copied = use_state(|| false);
    let on_link = {
        let report = props.report.clone();
        let link_copied = link_copied.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(link) = browser::link_with_fragment(&share::fragment(&report)) {
                browser::copy(&link);
                link_copied.set(true);
            }
        })
    };
    let on_download = Callback::from(move |_: MouseEvent| {
        browser::download("acr-doctor-report.md", "text/markdown", &text())
    });
    let on_include = {
        let include = include.clone();
        let copied = copied.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            include.set(checked);
            copied.set(false);
        })
    };
    let copy_label = if *copied {
        Label::Copied
    } else {
        Label::CopyMarkdown
    };
    html! {
        <section class="report-actions" data-testid="report-actions" aria-label={label(Label::ShareReport, lang)}>
            <button type="button" data-testid="copy-markdown" onclick={on_copy}>{ label(copy_label, lang) }</button>
            <button type="button" data-testid="download-markdown" onclick={on_download}>{ label(Label::DownloadMarkdown, lang) }</button>
            if props.pasted {
                <button type="button" data-testid="copy-link" onclick={on_link}>{ label(if *link_copied { Label::Copied } else { Label::CopyLink }, lang) }</button>
                <label class="include-lines">
                    <input type="checkbox" data-testid="include-lines" checked={*include} onchange={on_include} />
                    { label(Label::IncludeLines, lang) }
                </label>
            }
        </section>
    }
}
