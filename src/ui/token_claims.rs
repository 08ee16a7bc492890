//! A decoded token: its claims and what is wrong with it. Never the token itself.

use acr_doctor_core::probe::token::{Claims, Problem};
use acr_doctor_core::probe::words::{claim_rows, problem_text};
use acr_doctor_core::Lang;
use yew::prelude::*;

use crate::probe::now_s;

#[derive(Properties, PartialEq)]
pub struct TokenClaimsProps {
    pub claims: Claims,
    pub problems: Vec<Problem>,
    pub lang: Lang,
}

#[component]
pub fn TokenClaims(props: &TokenClaimsProps) -> Html {
    let rows = claim_rows(&props.claims, now_s(), props.lang);
    html! {
        <div class="token-claims" data-testid="token-claims">
            <dl>
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
            if !props.problems.is_empty() {
                <ul class="token-problems" data-testid="token-problems">
                    { for props.problems.iter().map(|p| html! { <li>{ problem_text(p, props.lang) }</li> }) }
                </ul>
            }
        </div>
    }
}
