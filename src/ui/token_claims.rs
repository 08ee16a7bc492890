//! A decoded token: where it came from, its claims and what is wrong with it. Never the token
//! itself.

use acr_doctor_core::probe::token::{Claims, Problem, Provenance};
use acr_doctor_core::probe::words::{claim_rows, problem_text, provenance_text};
use acr_doctor_core::Lang;
use yew::prelude::*;

use crate::probe::now_s;

#[derive(Properties, PartialEq)]
pub struct TokenClaimsProps {
    pub claims: Claims,
    pub problems: Vec<Problem>,
    /// Where it came from, when a step shows it (a step may show two).
    #[prop_or_default]
    pub provenance: Option<Provenance>,
    pub lang: Lang,
}

#[component]
pub fn TokenClaims(props: &TokenClaimsProps) -> Html {
    let rows = claim_rows(&props.claims, now_s(), props.lang);
    html! {
        <div class="token-claims" data-testid="token-claims">
            if let Some(p) = props.provenance {
                <p class="token-from"><strong>{ provenance_text(p, props.lang) }</strong></p>
            }
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
