//! The way from this machine to the registry, drawn: each hop passed, failed, not reached or not
//! visible to a browser, so where it broke shows at a glance. The drawing is decoration; the list
//! under it says the same in words.

use std::rc::Rc;

use acr_doctor_core::path::{Hop, HopState};
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::{tr, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PathDiagramProps {
    pub hops: Rc<Vec<(Hop, HopState)>>,
    /// What the path was read from: a paste or a probe run.
    pub source: &'static str,
    pub lang: Lang,
}

/// Distance between two hops, in the drawing's units.
const STEP: usize = 60;

#[component]
pub fn PathDiagram(props: &PathDiagramProps) -> Html {
    let lang = props.lang;
    let x = |i: usize| 50 + i * STEP;
    let links = props.hops.windows(2).enumerate().map(|(i, pair)| {
        let class = classes!("link", pair[1].1.id());
        html! { <line {class} x1={(x(i) + 14).to_string()} y1="50" x2={(x(i + 1) - 14).to_string()} y2="50" /> }
    });
    let nodes = props.hops.iter().enumerate().map(|(i, (hop, state))| {
        let mark = match state {
            HopState::Passed => "✓",
            HopState::Failed => "✗",
            HopState::Blocked => "⊘",
            HopState::NotReached | HopState::Unknown => "·",
        };
        // Names alternate above and below, so long ones do not meet.
        let name_y = if i % 2 == 0 { "20" } else { "88" };
        html! {
            <g class={classes!("hop", state.id())}>
                <circle cx={x(i).to_string()} cy="50" r="14" />
                <text class="mark" x={x(i).to_string()} y="55">{ mark }</text>
                <text class="name" x={x(i).to_string()} y={name_y}>{ hop.name(lang) }</text>
            </g>
        }
    });
    let words = props.hops.iter().map(|(hop, state)| {
        html! {
            <li data-hop={hop.id()} data-state={state.id()}>
                { hop.long_name(lang) }{ tr!(lang, ": ", "\u{a0}: ") }<strong>{ state.text(lang) }</strong>
            </li>
        }
    });
    html! {
        <figure class="path" data-testid="path-diagram" data-source={props.source}>
            <svg viewBox="0 0 400 100" aria-hidden="true" focusable="false">
                { for links }
                { for nodes }
            </svg>
            <figcaption>
                <span class="muted">{ label(Label::PathTitle, lang) }</span>
                <ol class="path-words">{ for words }</ol>
            </figcaption>
        </figure>
    }
}
