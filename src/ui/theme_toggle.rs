//! Light or dark: the system's choice until the person presses this, then theirs, remembered.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThemeToggleProps {
    pub lang: Lang,
    pub dark: bool,
    pub on_change: Callback<bool>,
}

#[component]
pub fn ThemeToggle(props: &ThemeToggleProps) -> Html {
    let dark = props.dark;
    let on_change = props.on_change.clone();
    html! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            aria-pressed={dark.to_string()}
            onclick={Callback::from(move |_| on_change.emit(!dark))}
        >{ label(Label::DarkMode, props.lang) }</button>
    }
}
