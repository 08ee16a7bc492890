//! Decode any pasted JWT locally: an Entra token, an ACR refresh or access token.

use acr_doctor_core::probe::token::{decode, diagnose};
use acr_doctor_core::probe::words::token_error_text;
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::token_claims::TokenClaims;
use crate::browser;
use crate::probe::now_s;

#[derive(Properties, PartialEq)]
pub struct TokenInspectorProps {
    pub lang: Lang,
}

#[component]
pub fn TokenInspector(props: &TokenInspectorProps) -> Html {
    let lang = props.lang;
    // The token stays in this component's memory only.
    let token = use_state(String::new);
    let area = use_node_ref();
    // Leaving the page forgets the token.
    {
        let token = token.clone();
        let area = area.clone();
        use_effect_with((), move |_| {
            let listener = browser::WindowListener::new("pagehide", move |_| {
                token.set(String::new());
                if let Some(el) = area.cast::<web_sys::HtmlTextAreaElement>() {
                    el.set_value("");
                }
            });
            move || drop(listener)
        });
    }
    let oninput = {
        let token = token.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = browser::event_value(&e) {
                token.set(v);
            }
        })
    };
    let (title, help) = (
        label(Label::TokenInspector, lang),
        label(Label::TokenInspectorHelp, lang),
    );
    let result = (!token.trim().is_empty()).then(|| decode(&token, crate::browser::parse_json));
    html! {
        <section class="token-inspector" aria-labelledby="inspector-title">
            <h3 id="inspector-title">{ title }</h3>
            <p class="muted">{ help }</p>
            <textarea ref={area} data-testid="token-inspector-input" rows="3" spellcheck="false" autocomplete="off" {oninput} aria-label={title} />
            { match result {
                Some(Ok(claims)) => {
                    let problems = diagnose(&claims, now_s(), None, None, None);
                    html! { <TokenClaims {claims} {problems} {lang} /> }
                }
                Some(Err(e)) => html! { <p class="warning" data-testid="token-error">{ token_error_text(&e, lang) }</p> },
                None => html! {},
            } }
        </section>
    }
}
