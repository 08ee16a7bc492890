//! The paste's findings as cards: each problem, then what follows from it, then the notes
//! (`path::reading_order`), at most [`MAX_CARDS`] of them.

use std::collections::BTreeMap;
use std::rc::Rc;

use acr_doctor_core::decode::Report;
use acr_doctor_core::path::{reading_order, Role};
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use yew::prelude::*;

use super::finding_card::FindingCard;
use super::state::excerpt_lines;

/// Most finding cards rendered at once.
const MAX_CARDS: usize = 100;

/// The cards of `report`'s findings, given each one's role and the pasted lines they came from;
/// `about`: whether the texts under "more about this code" are here (see `State::about`). A view
/// function, not a component (each card is one): the page and the first verdict alone
/// (`tests/first-verdict`) draw the same cards, and the page weighs no more for it.
pub fn findings(
    report: &Report,
    roles: &[Role],
    excerpts: &Rc<BTreeMap<usize, String>>,
    about: Option<bool>,
    lang: Lang,
) -> Html {
    if report.findings.is_empty() {
        return html! {};
    }
    let lines: Vec<Vec<usize>> = excerpt_lines(report).collect();
    let role = |i: usize| roles.get(i).copied().unwrap_or(Role::Error);
    let cards = reading_order(roles).into_iter().take(MAX_CARDS).filter_map(|i| {
        let f = report.findings.get(i)?;
        let role = role(i);
        let cause = match role {
            Role::Consequence { of } => report.findings.get(of).map(|c| AttrValue::from(c.code.title().to_owned())),
            _ => None,
        };
        let lines = lines.get(i).cloned().unwrap_or_default();
        Some(html! {
            <FindingCard finding={Rc::new(f.clone())} {lines} excerpts={excerpts.clone()} {role} {cause} {about} {lang} />
        })
    });
    let hidden = report.findings.len().saturating_sub(MAX_CARDS);
    html! {
        <section class="findings" aria-label={label(Label::Findings, lang)}>
            { for cards }
            if hidden > 0 {
                <p class="muted">{ hidden }{ " " }{ label(Label::MoreFindings, lang) }</p>
            }
        </section>
    }
}
