//! Browser tests (wasm-bindgen-test in headless Chromium): the components render what a paste
//! means. Each test mounts the page into its own element.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    let document = gloo_document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<acr_doctor::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn gloo_document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

async fn paste(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = find(root, "[data-testid=paste-input]")
        .dyn_into()
        .expect("textarea");
    area.set_value(text);
    // What the browser fires after a paste; typing (another input type) waits for a pause.
    let init = web_sys::InputEventInit::new();
    init.set_input_type("insertFromPaste");
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("event");
    area.dispatch_event(&event).expect("dispatch");
    // The paste is decoded in a task of its own (`use_decode.rs`): let it run, then render.
    acr_doctor::browser::next_task().await;
    yew::scheduler::flush().await;
}

/// The first element matching `selector`; the test fails if there is none.
fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn attrs(root: &Element, selector: &str, attr: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .map(|e| e.get_attribute(attr).unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn a_paste_renders_its_findings_and_verdict() {
    let root = mount().await;
    assert!(
        root.query_selector("[data-testid=verdict]")
            .expect("query")
            .is_none(),
        "no verdict before a paste"
    );
    paste(
        &root,
        "WARNING: Unable to get AAD authorization tokens with message: 2022-12-12 16:05:11.564324 An error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\nAccess to registry 'pipe.azurecr.io' was denied. Response code: 429. Please try running 'az login' again to refresh permissions.\n",
    )
    .await;
    assert_eq!(
        attrs(&root, "[data-testid=verdict]", "data-verdict"),
        ["errors"]
    );
    assert_eq!(
        attrs(&root, "[data-testid=finding]", "data-code"),
        ["CONNECTIVITY_REFRESH_TOKEN_ERROR"]
    );
    assert_eq!(
        attrs(&root, "[data-testid=finding]", "data-http-status"),
        ["429"]
    );
    assert_eq!(
        attrs(&root, "[data-testid=finding]", "data-registry"),
        ["pipe.azurecr.io"]
    );
    let card = find(&root, "[data-testid=finding]");
    let text = card.text_content().unwrap_or_default();
    assert!(
        text.contains("throttling, not a permission problem"),
        "{text}"
    );
    assert!(
        text.contains("az acr check-health -n pipe --yes --ignore-errors"),
        "{text}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn html_in_a_paste_is_rendered_as_text() {
    let root = mount().await;
    paste(&root, "An error occurred: CONNECTIVITY_SSL_ERROR\n<img src=x onerror=alert(1)> registry 'h.azurecr.io'.\n").await;
    let card = find(&root, "[data-testid=finding]");
    assert!(card.query_selector("img").expect("query").is_none());
    assert!(card
        .text_content()
        .unwrap_or_default()
        .contains("<img src=x onerror=alert(1)>"));
    root.remove();
}

#[wasm_bindgen_test]
async fn nothing_recognised_says_what_the_page_reads() {
    let root = mount().await;
    paste(&root, "lorem ipsum").await;
    assert_eq!(
        attrs(&root, "[data-testid=verdict]", "data-verdict"),
        ["unrecognized"]
    );
    let verdict = find(&root, "[data-testid=verdict]");
    assert!(verdict
        .text_content()
        .unwrap_or_default()
        .contains("az acr check-health"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_the_page() {
    // The French the built page fetches, read by the browser's JSON.parse and serde-wasm-bindgen
    // (this harness serves no files, so it is handed over here).
    let french = acr_doctor_core::french::read(FRENCH, acr_doctor::browser::parse_json)
        .expect("the French file, read by the browser");
    acr_doctor_core::french::take(french);
    let root = mount().await;
    let fr: HtmlElement = find(&root, "[data-testid=lang-fr]")
        .dyn_into()
        .expect("element");
    fr.click();
    yew::scheduler::flush().await;
    paste(&root, "CMK_ERROR").await;
    let card = find(&root, "[data-testid=finding]");
    assert!(card
        .text_content()
        .unwrap_or_default()
        .contains("n’existe plus"));
    let en: HtmlElement = find(&root, "[data-testid=lang-en]")
        .dyn_into()
        .expect("element");
    en.click();
    yew::scheduler::flush().await;
    root.remove();
}

const FRENCH: &[u8] = include_bytes!("../static/data/acr-doctor-fr.json");

/// JSON read as the page reads it: the browser parses, serde-wasm-bindgen hands the value to the
/// core's serde types. A repeated field is the browser's last; nesting past the bound is refused
/// before the browser sees it; a field of another shape is left out alone.
#[wasm_bindgen_test]
fn json_is_read_by_the_browser_into_the_cores_types() {
    use acr_doctor_core::probe::steps::JsonAnswer;
    let parse = acr_doctor::browser::parse_json;
    let a = JsonAnswer::read(
        br#"{"access_token":"one","tags":["v1",2,"v2"],"errors":{"code":"x"},"access_token":"two"}"#,
        parse,
    )
    .expect("an object");
    assert_eq!(a.access_token.as_deref(), Some("two"));
    assert_eq!(a.tags, Some(vec!["v1".to_owned(), "v2".to_owned()]));
    assert!(a.errors.is_empty());
    assert_eq!(a.fields, ["access_token", "tags", "errors"]);
    let deep = "[".repeat(100_000);
    assert!(JsonAnswer::read(deep.as_bytes(), parse).is_none());
    assert!(JsonAnswer::read(b"[1]", parse).is_none());
    assert!(
        JsonAnswer::read(b"{\"a\": 1e400}", parse).is_some(),
        "Infinity is a number"
    );
    assert!(acr_doctor_core::french::read(FRENCH, parse).is_some());
}

#[wasm_bindgen_test]
async fn the_reference_lists_every_code_at_its_anchor() {
    let root = mount().await;
    let codes = attrs(&root, "[data-testid=reference-entry]", "data-code");
    assert_eq!(codes.len(), acr_doctor_core::Code::ALL.len());
    let ids = attrs(&root, "[data-testid=reference-entry]", "id");
    assert!(ids.contains(&"connectivity_dns_error".to_owned()));
    assert!(ids.contains(&"az_login_required".to_owned()));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_blocked_probe_step_shows_what_is_unknown_and_the_commands() {
    use acr_doctor::probe::{StepState, StepView};
    use acr_doctor::ui::probe_step::{ProbeStep, ProbeStepProps};
    use acr_doctor_core::probe::steps::{Judged, Outcome, Status, StepId};
    use acr_doctor_core::probe::target::parse_target;

    let target = parse_target("contoso").expect("target");
    let mut view = StepView::pending(StepId::Challenge, Some(&target));
    view.state = StepState::Done(Judged {
        status: Status::Blocked,
        code: None,
        outcome: Outcome::Unreadable,
    });
    view.elapsed_ms = Some(12);
    let props = ProbeStepProps {
        view,
        lang: acr_doctor_core::Lang::En,
        from_kit: false,
        blocked_commands: vec![
            "curl -si https://contoso.azurecr.io/v2/".into(),
            "az acr check-health -n contoso --yes".into(),
        ],
    };
    let document = gloo_document();
    let root = document.create_element("ol").expect("ol");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<ProbeStep>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        attrs(&root, "[data-testid=probe]", "data-status"),
        ["blocked"]
    );
    assert_eq!(
        attrs(&root, "[data-testid=probe]", "data-probe"),
        ["challenge"]
    );
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("does not allow this page's origin"), "{text}");
    assert!(
        text.contains("curl -si https://contoso.azurecr.io/v2/"),
        "{text}"
    );
    assert!(text.contains("12 ms"), "{text}");
    root.remove();
}

/// The page's reducer keeps the latest probe run only: a late report of an older or cleared run
/// changes nothing, and a step reported again is updated in place.
#[wasm_bindgen_test]
fn probe_reports_of_another_run_are_ignored() {
    use acr_doctor::probe::StepView;
    use acr_doctor::ui::state::{Action, State};
    use acr_doctor_core::probe::steps::StepId;
    use std::rc::Rc;
    use yew::Reducible;

    let step = |id| Box::new(StepView::pending(id, None));
    let s = Rc::new(State::default())
        .reduce(Action::ProbeStart(1))
        .reduce(Action::ProbeStep(1, step(StepId::Dns)));
    assert_eq!(s.probe.steps.len(), 1);
    assert!(s.probe.running);
    let s = s
        .reduce(Action::ProbeStart(2))
        .reduce(Action::ProbeStep(1, step(StepId::Challenge)))
        .reduce(Action::ProbeEnd(1));
    assert!(s.probe.steps.is_empty(), "run 1's late step");
    assert!(s.probe.running, "run 1's late end");
    let s = s
        .reduce(Action::ProbeStep(2, step(StepId::Dns)))
        .reduce(Action::ProbeStep(2, step(StepId::Dns)));
    assert_eq!(
        s.probe.steps.len(),
        1,
        "a step reported again is updated in place"
    );
    let s = s
        .reduce(Action::ProbeClear(3))
        .reduce(Action::ProbeStep(2, step(StepId::Challenge)))
        .reduce(Action::ProbeEnd(2));
    assert!(s.probe.steps.is_empty(), "a cleared run's late step");
    assert!(!s.probe.running);
}

/// A browser string copied a slice at a time is the string copied whole, wherever the slices
/// fall: never between the halves of a surrogate pair, and a lone half becomes U+FFFD either way.
#[wasm_bindgen_test]
async fn a_string_read_in_slices_is_the_string() {
    let units: Vec<u16> = "aé😀b\n€😀😀c".encode_utf16().collect();
    // The same text with a lone high surrogate, then a lone low one.
    let mut lone = units.clone();
    lone.insert(3, 0xD83D);
    lone.push(0xDE00);
    for text in [&units, &lone] {
        let js = js_sys::JsString::from_char_code(text);
        let whole = String::from(js.clone());
        for slice in 1..=text.len() as u32 + 1 {
            let read = acr_doctor::browser::read_in_slices(&js, slice).await;
            assert_eq!(read, whole, "slices of {slice} units");
        }
    }
}
