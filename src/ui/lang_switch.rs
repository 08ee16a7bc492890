//! English / français.

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let button = |lang: Lang, name: &'static str| {
        let on_change = props.on_change.clone();
        let pressed = props.lang == lang;
        html! {
            <button
                type="button"
                lang={lang.tag()}
                data-testid={format!("lang-{}", lang.tag())}
                aria-pressed={pressed.to_string()}
                class={classes!("lang", pressed.then_some("active"))}
                onclick={Callback::from(move |_| on_change.emit(lang))}
            >{ name }</button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={label(Label::Language, props.lang)} data-testid="lang-switch">
            { button(Lang::En, "English") }
            { button(Lang::Fr, "Français") }
        </div>
    }
}
