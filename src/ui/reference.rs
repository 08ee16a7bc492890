//! Every code, searchable.

use acr_doctor_core::catalog::entry;
use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::{Code, Lang};
use yew::prelude::*;

use super::reference_entry::ReferenceEntry;
use crate::browser;

#[derive(Properties, PartialEq)]
pub struct ReferenceProps {
    pub lang: Lang,
    pub query: AttrValue,
    pub target: Option<Code>,
    pub registry_name: Option<AttrValue>,
    pub on_query: Callback<String>,
    /// Whether each code's meaning, causes and caveats are here (see `State::about`).
    pub about: Option<bool>,
}

/// Whether a code matches the search, in the page's language (or by its title in any case).
pub fn matches(code: Code, lang: Lang, query: &str) -> bool {
    let fold = browser::lower_case;
    let q = fold(query.trim());
    if q.is_empty() {
        return true;
    }
    let e = entry(code, lang);
    fold(code.title()).contains(&q)
        || fold(e.summary).contains(&q)
        || fold(e.meaning).contains(&q)
        || e.causes.iter().any(|c| fold(c).contains(&q))
}

#[component]
pub fn Reference(props: &ReferenceProps) -> Html {
    let lang = props.lang;
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = browser::event_value(&e) {
                on_query.emit(v);
            }
        })
    };
    let shown: Vec<Code> = Code::ALL
        .into_iter()
        .filter(|c| Some(*c) == props.target || matches(*c, lang, &props.query))
        .collect();
    html! {
        // One entry point, folded: open when a link points at a code or a search is typed.
        <details class="reference" data-testid="reference" open={props.target.is_some() || !props.query.is_empty()}>
            <summary><h2 id="reference-title">{ label(Label::Reference, lang) }{ " " }<span class="muted count">{ format!("({})", Code::ALL.len()) }</span></h2></summary>
            <p class="muted">{ label(Label::ReferenceHelp, lang) }</p>
            <input
                type="search"
                class="search"
                data-testid="reference-search"
                placeholder={label(Label::Search, lang)}
                aria-label={label(Label::Search, lang)}
                value={props.query.clone()}
                {oninput}
            />
            if shown.is_empty() {
                <p class="muted">{ label(Label::NoMatch, lang) }</p>
            }
            { for shown.into_iter().map(|code| html! {
                <ReferenceEntry
                    key={code.title()}
                    {code}
                    {lang}
                    target={props.target == Some(code)}
                    registry_name={props.registry_name.clone()}
                    about={props.about}
                />
            }) }
        </details>
    }
}
