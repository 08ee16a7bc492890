//! The page's title, what it is for, the language switch and the theme toggle.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::lang_switch::LangSwitch;
use super::theme_toggle::ThemeToggle;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    pub dark: bool,
    pub on_dark: Callback<bool>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    html! {
        <header class="page-header">
            <div>
                <h1>{ label(Label::Title, props.lang) }</h1>
                <p class="tagline">{ label(Label::Tagline, props.lang) }</p>
            </div>
            <div class="header-tools">
                <ThemeToggle lang={props.lang} dark={props.dark} on_change={props.on_dark.clone()} />
                <LangSwitch lang={props.lang} on_change={props.on_lang.clone()} />
            </div>
        </header>
    }
}
