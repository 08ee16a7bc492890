//! The page's title, what it is for, and the language switch.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::lang_switch::LangSwitch;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    html! {
        <header class="page-header">
            <div>
                <h1>{ label(Label::Title, props.lang) }</h1>
                <p class="tagline">{ label(Label::Tagline, props.lang) }</p>
            </div>
            <LangSwitch lang={props.lang} on_change={props.on_lang.clone()} />
        </header>
    }
}
