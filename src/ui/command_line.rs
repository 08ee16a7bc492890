//! A ready-to-copy command with its copy button.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct CommandLineProps {
    pub command: AttrValue,
    pub lang: Lang,
}

#[component]
pub fn CommandLine(props: &CommandLineProps) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let command = props.command.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            browser::copy(&command);
            copied.set(true);
        })
    };
    let text = if *copied { Label::Copied } else { Label::Copy };
    html! {
        <div class="command" data-testid="command">
            <code>{ props.command.clone() }</code>
            <button type="button" class="copy" {onclick} aria-label={format!("{}: {}", label(Label::Copy, props.lang), props.command)}>
                { label(text, props.lang) }
            </button>
        </div>
    }
}
