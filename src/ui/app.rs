//! The page: one reducer, the paste and its explanation, and the reference of every code.

use std::cell::RefCell;
use std::rc::Rc;

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use acr_doctor_core::{about, french};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::findings::findings;
use super::header::Header;
use super::kit_result::KitResult;
use super::paste_box::PasteBox;
use super::path_diagram::PathDiagram;
use super::probe_panel::ProbePanel;
use super::reference::Reference;
use super::report_actions::ReportActions;
use super::run_summary::RunSummary;
use super::state::{Action, State};
use super::use_decode::use_decode;
use super::use_probe::use_probe;
use super::verdict::VerdictBanner;
use crate::{browser, net};

/// Show the page in `lang`. French comes once its texts are here: they are fetched, read and
/// kept first (if they cannot be had, the fixed texts stay in English).
fn show_in(lang: Lang, dispatch: UseReducerDispatcher<State>) {
    if lang != Lang::Fr || french::present() {
        return dispatch.dispatch(Action::SetLang(lang));
    }
    fetch_french(Box::new(move || dispatch.dispatch(Action::SetLang(lang))));
}

/// What to do once the French is read.
type Then = Box<dyn FnOnce()>;

thread_local! {
    /// Who waits for the French being fetched; `None` when no fetch is in flight.
    static FRENCH_WAITING: RefCell<Option<Vec<Then>>> = const { RefCell::new(None) };
}

/// Fetch the catalogue's French, read it and keep it (left as it was if it cannot be had), then
/// go on with `then`. A call while a fetch is in flight (the app started in English before the
/// French came, or French chosen twice) waits for that one: the file is asked for once.
pub fn fetch_french(then: Then) {
    let in_flight = FRENCH_WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let in_flight = w.is_some();
        w.get_or_insert_with(Vec::new).push(then);
        in_flight
    });
    if in_flight {
        return;
    }
    spawn_local(async move {
        if let Some(text) = net::page_file("data-fr", "acr-doctor-fr", "json").await {
            if let Some(texts) = french::read(text.as_bytes(), browser::parse_json) {
                french::take(texts);
            }
        }
        for then in FRENCH_WAITING
            .with(|w| w.borrow_mut().take())
            .unwrap_or_default()
        {
            then();
        }
    });
}

/// Fetch what each code means beyond its fixes, once the page runs: a first verdict does not
/// wait for it, and the folds that show it say so until it is here.
fn fetch_about(dispatch: UseReducerDispatcher<State>) {
    spawn_local(async move {
        if !about::present() {
            let file = net::page_file("data-about", "acr-doctor-about", "json").await;
            if let Some(texts) = file.and_then(|t| about::read(t.as_bytes(), browser::parse_json)) {
                about::take(texts);
            }
        }
        dispatch.dispatch(Action::About(about::present()));
    });
}

#[component]
pub fn App() -> Html {
    // French waits for the catalogue's French (a data file, fetched below): until it is here,
    // the page is in English rather than half in each.
    let initial_lang = *use_memo((), |_| browser::initial_lang());
    let state = use_reducer(|| State {
        lang: match initial_lang {
            Lang::Fr if !french::present() => Lang::En,
            lang => lang,
        },
        dark: browser::initial_dark(),
        ..State::default()
    });

    // Follow the URL's hash to a reference entry, now and on every change.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.dispatch(Action::Hash(browser::hash()));
            let listener = browser::WindowListener::new("hashchange", move |_| {
                state.dispatch(Action::Hash(browser::hash()))
            });
            move || drop(listener)
        });
    }
    use_effect_with(state.lang, |lang| browser::apply_lang(*lang));
    // A French visitor: the page shows French once the French texts are here.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| show_in(initial_lang, dispatch));
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| fetch_about(dispatch));
    }
    // On paper every card is open.
    use_effect_with((), |_| {
        let before =
            browser::WindowListener::new("beforeprint", |_| browser::open_details_for_print(true));
        let after =
            browser::WindowListener::new("afterprint", |_| browser::open_details_for_print(false));
        move || drop((before, after))
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| {
            browser::remember_lang(lang);
            show_in(lang, state.dispatcher());
        })
    };
    let on_dark = {
        let state = state.clone();
        Callback::from(move |dark: bool| {
            browser::choose_dark(dark);
            state.dispatch(Action::SetDark(dark))
        })
    };
    // Whether the page is the service worker's kept copy: read once, it cannot change.
    let from_cache = *use_memo((), |_| browser::from_cache());
    let on_paste = use_decode(state.clone());
    // Explain was pressed: the next verdict shown takes the focus (a keyboard or screen reader
    // user lands on the answer, not back at the top of the box).
    let focus_verdict = use_mut_ref(|| false);
    let on_explain = {
        let focus_verdict = focus_verdict.clone();
        Callback::from(move |()| *focus_verdict.borrow_mut() = true)
    };
    use_effect_with(state.decoded, move |_| {
        if std::mem::take(&mut *focus_verdict.borrow_mut()) {
            browser::focus_verdict();
        }
    });
    let probe = use_probe(state.dispatcher());
    let on_query = {
        let state = state.clone();
        Callback::from(move |q: String| state.dispatch(Action::SetQuery(q)))
    };

    let lang = state.lang;
    let report = state.report.clone();
    // Where it broke, for a paste and for a probe run.
    let paste_path = acr_doctor_core::path::from_report(&report).map(Rc::new);
    let probe_path = (!state.probe.steps.is_empty()).then(|| {
        let steps: Vec<_> = state
            .probe
            .steps
            .iter()
            .map(|s| (s.step, s.judged().and_then(|j| j.hop_status())))
            .collect();
        Rc::new(acr_doctor_core::path::from_steps(&steps))
    });
    // The probe run's finished steps, for the Markdown report.
    let rows: Rc<Vec<_>> = Rc::new(
        state
            .probe
            .steps
            .iter()
            .filter_map(|s| s.row(lang))
            .collect(),
    );
    html! {
        <>
            <Header {lang} {on_lang} dark={state.dark} {on_dark} />
            <main>
                if from_cache {
                    <p class="notice offline" data-testid="offline-notice" role="status">{ label(Label::FromCache, lang) }</p>
                }
                <PasteBox {lang} {on_paste} {on_explain} file_truncated={state.file_truncated} empty={!state.has_paste} />
                if state.from_link {
                    <p class="notice from-link" data-testid="shared-notice" role="status">{ label(Label::OpenedFromLink, lang) }</p>
                }
                if state.has_paste {
                    <VerdictBanner report={report.clone()} roles={state.roles.clone()} {lang} />
                    if let Some(hops) = paste_path {
                        <PathDiagram {hops} source="paste" {lang} />
                    }
                    <ReportActions report={report.clone()} excerpts={state.excerpts.clone()} pasted=true steps={rows.clone()} {lang} />
                    { findings(&report, &state.roles, &state.excerpts, state.about, lang) }
                    if let Some(transcript) = report.kit.clone() {
                        <KitResult {transcript} {lang} />
                    }
                    <RunSummary report={report.clone()} {lang} />
                }
                <ProbePanel
                    {lang}
                    steps={state.probe.steps.clone()}
                    running={state.probe.running}
                    on_run={probe.start.clone()}
                    on_cancel={probe.cancel.clone()}
                    on_clear={probe.clear.clone()}
                    suggested={report.registry.clone().map(AttrValue::from)}
                >
                    if let Some(hops) = probe_path {
                        <PathDiagram {hops} source="probes" {lang} />
                    }
                    if !state.has_paste && !rows.is_empty() {
                        <ReportActions report={report.clone()} excerpts={state.excerpts.clone()} pasted=false steps={rows.clone()} {lang} />
                    }
                </ProbePanel>
                <Reference
                    {lang}
                    query={AttrValue::from(state.query.clone())}
                    target={state.target}
                    registry_name={report.registry_name.clone().map(AttrValue::from)}
                    about={state.about}
                    {on_query}
                />
            </main>
            <footer class="page-footer"><p class="muted">{ label(Label::Privacy, lang) }</p></footer>
        </>
    }
}
