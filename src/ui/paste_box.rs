//! The paste box: decodes as the person pastes or types, or reads a dropped or chosen log file.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use acr_doctor_core::example;
use acr_doctor_core::ui_text::{self, label, Label};
use acr_doctor_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::browser::{self, Timer, MAX_TEXT_BYTES};
use crate::net;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub lang: Lang,
    /// New text, and whether it was cut to the read limit.
    pub on_paste: Callback<(String, bool)>,
    /// The text being explained was cut to the read limit.
    pub file_truncated: bool,
    /// Explain was pressed: the verdict takes the focus once it is shown.
    pub on_explain: Callback<()>,
    /// Nothing is explained yet: the examples to try are offered.
    #[prop_or_default]
    pub empty: bool,
}

/// Typing waits for this pause before the box is read and decoded (a paste or a drop decodes at
/// once): no work per keystroke grows with the size of the text.
const PAUSE_MS: i32 = 250;
/// A text larger than this is held in memory, not put whole into the box: the box shows its
/// first lines. Chromium takes about 300 ms to lay out 1 MiB in a textarea and seconds for
/// 10 MiB (`tests/e2e/bench.mjs`, the floor), and then again on every keystroke.
const PREVIEW_OVER_BYTES: usize = 256 * 1024;
const PREVIEW_LINES: usize = 200;

/// Cut a text to [`MAX_TEXT_BYTES`] at a character boundary; whether it was cut.
fn capped(mut text: String) -> (String, bool) {
    if text.len() <= MAX_TEXT_BYTES {
        return (text, false);
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    (text, true)
}

/// A big text held outside the box: its size and the lines the box shows.
#[derive(Clone, PartialEq)]
struct Held {
    bytes: usize,
    lines: usize,
}

/// The examples' file (real pastes, `static/data/acr-doctor-examples.txt`), fetched when one is
/// asked for, once.
static EXAMPLES: OnceLock<String> = OnceLock::new();

async fn examples() -> Option<&'static str> {
    if let Some(file) = EXAMPLES.get() {
        return Some(file);
    }
    let file = net::page_file("data-examples", "acr-doctor-examples", "txt").await?;
    Some(EXAMPLES.get_or_init(|| file))
}

#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let lang = props.lang;
    let area = use_node_ref();
    let pending: Rc<RefCell<Option<Timer>>> = use_mut_ref(|| None);
    let dragging = use_state(|| false);
    // The text held now. A ref, not a state: two pastes can come in one task, and the second
    // must see what the first held before any render; a change asks for a render itself.
    let held: Rc<RefCell<Option<Held>>> = use_mut_ref(|| None);
    let redraw = use_force_update();
    let hold = {
        let held = held.clone();
        move |h: Option<Held>| {
            if *held.borrow() != h {
                *held.borrow_mut() = h;
                redraw.force_update();
            }
        }
    };

    // Every read of a text (a paste, the box, a file, Clear) takes the next number; a read that
    // ends after a newer one began (a file, a big paste copied a slice per task) is dropped.
    let reads: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let next_read = {
        let reads = reads.clone();
        move || {
            let mut reads = reads.borrow_mut();
            *reads += 1;
            *reads
        }
    };

    // Decode a whole text: a big one is held and previewed, a small one is shown as is.
    let take_text = {
        let area = area.clone();
        let on_paste = props.on_paste.clone();
        let hold = hold.clone();
        let reads = reads.clone();
        Rc::new(
            move |read: u64, text: String, put_in_box: bool, cut_before: bool| {
                if *reads.borrow() != read {
                    return;
                }
                let (text, cut_here) = capped(text);
                let was_cut = cut_before || cut_here;
                if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                    if text.len() > PREVIEW_OVER_BYTES {
                        let preview: Vec<&str> = text.lines().take(PREVIEW_LINES).collect();
                        el.set_value(&preview.join("\n"));
                        hold(Some(Held {
                            bytes: text.len(),
                            lines: preview.len(),
                        }));
                    } else {
                        if put_in_box {
                            el.set_value(&text);
                        }
                        hold(None);
                    }
                }
                on_paste.emit((text, was_cut));
            },
        )
    };

    // The read of a big paste being copied in a slice per task (see `onpaste`).
    let copying: Rc<RefCell<u64>> = use_mut_ref(|| u64::MAX);

    // Read the box once and decode it.
    let read_box = {
        let area = area.clone();
        let take_text = take_text.clone();
        let held = held.clone();
        let copying = copying.clone();
        let reads = reads.clone();
        let pending = pending.clone();
        let next_read = next_read.clone();
        Rc::new(move || {
            pending.borrow_mut().take();
            if held.borrow().is_some() || *copying.borrow() == *reads.borrow() {
                // The box shows a preview, the held text decoded already; or a big paste is
                // still being copied in, and decodes when it is (an empty box read now, as
                // Explain pressed meanwhile would, must not drop it).
                return;
            }
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                let over = el.text_length() as usize > MAX_TEXT_BYTES;
                let value = el.value();
                take_text(next_read(), value, over, false);
            }
        })
    };

    let oninput = {
        let read_box = read_box.clone();
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            // A paste or a drop is one act: decode it now. Typing waits for a pause.
            if matches!(
                e.input_type().as_str(),
                "insertFromPaste" | "insertFromDrop"
            ) {
                read_box();
                return;
            }
            let read_box = read_box.clone();
            *pending.borrow_mut() = browser::after(PAUSE_MS, move || read_box());
        })
    };

    // A big paste never enters the box whole; a paste over a held text, or over a big one still
    // being copied, replaces it (the box would not take it). A text longer in UTF-16 units than
    // the box keeps in bytes is held whatever its bytes, and copied in a slice per task.
    let onpaste = {
        let take_text = take_text.clone();
        let held = held.clone();
        let next_read = next_read.clone();
        let reads = reads.clone();
        Callback::from(move |e: Event| {
            let Some(text) = browser::pasted_text(&e) else {
                return;
            };
            if text.length() as usize > PREVIEW_OVER_BYTES {
                e.prevent_default();
                let (read, take_text) = (next_read(), take_text.clone());
                *copying.borrow_mut() = read;
                wasm_bindgen_futures::spawn_local(async move {
                    let text = browser::read_in_slices(&text, browser::SLICE_UNITS).await;
                    take_text(read, text, true, false);
                });
                return;
            }
            let text = String::from(text);
            let over_big = held.borrow().is_some() || *copying.borrow() == *reads.borrow();
            if text.len() > PREVIEW_OVER_BYTES || over_big {
                e.prevent_default();
                take_text(next_read(), text, true, false);
            }
        })
    };

    let load_file = {
        let take_text = take_text.clone();
        let next_read = next_read.clone();
        move |file: web_sys::File| {
            let (read, take_text) = (next_read(), take_text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some((text, truncated)) = browser::read_file(file).await {
                    take_text(read, text, true, truncated);
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
    let onchange_text = {
        let read_box = read_box.clone();
        Callback::from(move |_: Event| read_box())
    };
    let ondecode = {
        let on_explain = props.on_explain.clone();
        Callback::from(move |_: MouseEvent| {
            on_explain.emit(());
            read_box()
        })
    };
    // An example: fetched, put in the box and explained, as if pasted and Explain pressed.
    let no_examples = use_state(|| false);
    let example = {
        let (take_text, next_read) = (take_text.clone(), next_read.clone());
        let (on_explain, no_examples) = (props.on_explain.clone(), no_examples.clone());
        move |id: &'static str| {
            let (take_text, next_read) = (take_text.clone(), next_read.clone());
            let (on_explain, no_examples) = (on_explain.clone(), no_examples.clone());
            Callback::from(move |_: MouseEvent| {
                let (take_text, next_read) = (take_text.clone(), next_read.clone());
                let (on_explain, no_examples) = (on_explain.clone(), no_examples.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match examples().await.and_then(|f| example::text(f, id)) {
                        Some(text) => {
                            on_explain.emit(());
                            take_text(next_read(), text.to_owned(), true, false);
                        }
                        None => no_examples.set(true),
                    }
                });
            })
        }
    };

    let onclear = {
        let area = area.clone();
        let on_paste = props.on_paste.clone();
        let pending = pending.clone();
        Callback::from(move |_| {
            next_read();
            pending.borrow_mut().take();
            hold(None);
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.set_value("");
                let _ = el.focus();
            }
            on_paste.emit((String::new(), false));
        })
    };

    let shown = held.borrow().clone();
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
                readonly={shown.is_some()}
                {oninput}
                {onpaste}
                onchange={onchange_text}
            />
            if let Some(h) = shown {
                <p class="notice" data-testid="held-notice" role="status">{ ui_text::held_text(h.bytes, h.lines, lang) }</p>
            }
            <div class="paste-tools">
                <label class="file">
                    { label(Label::OpenFile, lang) }
                    <input type="file" data-testid="file-input" accept=".txt,.log,text/*" {onchange} />
                </label>
                <span class="muted">{ label(Label::DropHint, lang) }</span>
                <button type="button" class="decode" data-testid="decode" onclick={ondecode}>{ label(Label::Decode, lang) }</button>
                <button type="button" class="clear" data-testid="clear" onclick={onclear}>{ label(Label::Clear, lang) }</button>
            </div>
            if props.empty {
                // Nothing to paste at hand: a real paste of each kind the page reads.
                <div class="examples" role="group" aria-labelledby="examples-title">
                    <span id="examples-title" class="muted">{ label(Label::Examples, lang) }</span>
                    { for example::IDS.into_iter().map(|id| html! {
                        <button type="button" data-testid="example" data-example={id} onclick={example(id)}>{ ui_text::example_label(id, lang) }</button>
                    }) }
                    if *no_examples {
                        <p class="warning" role="alert">{ label(Label::ExamplesUnavailable, lang) }</p>
                    }
                </div>
            }
            <p class="muted privacy">{ label(Label::PasteHelp, lang) }</p>
            if props.file_truncated {
                <p class="warning" role="alert" data-testid="text-cut">{ label(Label::PasteTooLarge, lang) }</p>
            }
        </section>
    }
}
