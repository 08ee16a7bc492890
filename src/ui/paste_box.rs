//! The paste box: decodes as the person pastes or types, or reads a dropped or chosen log file.

use std::cell::RefCell;
use std::rc::Rc;

use acr_doctor_core::ui_text::{label, Label};
use acr_doctor_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::browser::{self, Timer};

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub lang: Lang,
    /// New text, and whether it was cut to the read limit.
    pub on_paste: Callback<(Rc<str>, bool)>,
    pub file_truncated: bool,
}

/// Pastes up to this size decode on every input; larger ones wait for typing to pause.
const IMMEDIATE_BYTES: usize = 100_000;
const PAUSE_MS: i32 = 250;

#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let lang = props.lang;
    let area = use_node_ref();
    let pending: Rc<RefCell<Option<Timer>>> = use_mut_ref(|| None);
    let dragging = use_state(|| false);

    let oninput = {
        let area = area.clone();
        let on_paste = props.on_paste.clone();
        let pending = pending.clone();
        Callback::from(move |_: InputEvent| {
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = el.value();
            if text.len() <= IMMEDIATE_BYTES {
                pending.borrow_mut().take();
                on_paste.emit((Rc::from(text), false));
                return;
            }
            let on_paste = on_paste.clone();
            let timer = browser::after(PAUSE_MS, move || {
                on_paste.emit((Rc::from(el.value()), false))
            });
            *pending.borrow_mut() = timer;
        })
    };

    let load_file = {
        let area = area.clone();
        let on_paste = props.on_paste.clone();
        move |file: web_sys::File| {
            let area = area.clone();
            let on_paste = on_paste.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some((text, truncated)) = browser::read_file(file).await {
                    if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                        el.set_value(&text);
                    }
                    on_paste.emit((Rc::from(text), truncated));
                }
            });
        }
    };

    // A log file dropped anywhere on the page lands here (and never replaces the page).
    {
        let load_file = load_file.clone();
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let over = {
                let dragging = dragging.clone();
                browser::WindowListener::new("dragover", move |e| {
                    e.prevent_default();
                    dragging.set(true);
                })
            };
            let leave = {
                let dragging = dragging.clone();
                browser::WindowListener::new("dragleave", move |_| dragging.set(false))
            };
            let dropped = browser::WindowListener::new("drop", move |e| {
                e.prevent_default();
                dragging.set(false);
                let file = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|d| d.files())
                    .and_then(|f| f.get(0));
                if let Some(file) = file {
                    load_file(file);
                }
            });
            move || drop((over, leave, dropped))
        });
    }
    let onchange = Callback::from(move |e: Event| {
        let file = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            load_file(file);
        }
    });
    // Decode the box as it is now: for a change event, or the Decode button.
    let decode_now = {
        let area = area.clone();
        let on_paste = props.on_paste.clone();
        let pending = pending.clone();
        Callback::from(move |()| {
            pending.borrow_mut().take();
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                on_paste.emit((Rc::from(el.value()), false));
            }
        })
    };
    let onchange_text = decode_now.reform(|_: Event| ());
    let ondecode = decode_now.reform(|_: MouseEvent| ());
    let onclear = {
        let area = area.clone();
        let on_paste = props.on_paste.clone();
        Callback::from(move |_| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.set_value("");
                let _ = el.focus();
            }
            on_paste.emit((Rc::from(""), false));
        })
    };

    html! {
        <section
            class={classes!("paste", (*dragging).then_some("dragging"))}
            aria-labelledby="paste-title"
        >
            <h2 id="paste-title">{ label(Label::PasteHeading, lang) }</h2>
            <textarea
                ref={area}
                data-testid="paste-input"
                spellcheck="false"
                autocomplete="off"
                rows="12"
                placeholder={label(Label::PastePlaceholder, lang)}
                aria-label={label(Label::PasteHeading, lang)}
                {oninput}
                onchange={onchange_text}
            />
            <div class="paste-tools">
                <label class="file">
                    { label(Label::OpenFile, lang) }
                    <input type="file" data-testid="file-input" accept=".txt,.log,text/*" {onchange} />
                </label>
                <span class="muted">{ label(Label::DropHint, lang) }</span>
                <button type="button" class="decode" data-testid="decode" onclick={ondecode}>{ label(Label::Decode, lang) }</button>
                <button type="button" class="clear" data-testid="clear" onclick={onclear}>{ label(Label::Clear, lang) }</button>
            </div>
            <p class="muted privacy">{ label(Label::PasteHelp, lang) }</p>
            if props.file_truncated {
                <p class="warning" role="alert">{ label(Label::FileTooLarge, lang) }</p>
            }
        </section>
    }
}
