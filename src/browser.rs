//! The few calls into the browser that are not rendering. None of them touches the network, and
//! the only things stored are the language and theme choices: never the paste.

use acr_doctor_core::Lang;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "acr-doctor.lang";
const THEME_KEY: &str = "acr-doctor.theme";

/// The language to start in: the remembered choice, else the browser's language.
pub fn initial_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    match stored {
        Some(tag) => Lang::from_tag(&tag),
        None => window
            .navigator()
            .language()
            .map_or(Lang::En, |tag| Lang::from_tag(&tag)),
    }
}

/// Whether the page starts dark: the remembered choice (applied to the document here), else the
/// system's.
pub fn initial_dark() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    match stored.as_deref() {
        Some(theme @ ("dark" | "light")) => {
            set_theme_attribute(theme);
            theme == "dark"
        }
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// The person chose light or dark: remember it and show it.
pub fn choose_dark(dark: bool) {
    let theme = if dark { "dark" } else { "light" };
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(THEME_KEY, theme);
    }
    set_theme_attribute(theme);
}

fn set_theme_attribute(theme: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Register the service worker that keeps the page's files for when the network is down
/// (`static/sw.js`, beside index.html). A browser without one (an insecure origin) goes without.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registered = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A refusal (a private window, a policy) only means no offline copy.
        let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
    });
}

/// Whether this page is the copy the service worker kept, served because the network failed.
pub fn from_cache() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=acr-doctor-from-cache]").ok())
        .flatten()
        .is_some()
}

/// A file the built page names for fetching when asked for (`<meta name="acr-doctor-files">`,
/// written by scripts/page-files.py): `./<stem>-<hash>.<ext>`, or `None`.
pub fn page_file(attr: &str, stem: &str, ext: &str) -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name=acr-doctor-files]")
        .ok()??;
    meta.get_attribute(attr).filter(|name| {
        name.strip_prefix("./")
            .and_then(|n| n.strip_prefix(stem))
            .and_then(|n| n.strip_prefix('-'))
            .and_then(|n| n.strip_suffix(ext))
            .and_then(|n| n.strip_suffix('.'))
            .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// Before printing, open every closed `<details>` (paper cannot be clicked); after, close again
/// the ones opened for it.
pub fn open_details_for_print(printing: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = if printing {
        "details:not([open])"
    } else {
        "details[data-print-open]"
    };
    let Ok(list) = document.query_selector_all(selector) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            if printing {
                let _ = el.set_attribute("open", "");
                let _ = el.set_attribute("data-print-open", "");
            } else {
                let _ = el.remove_attribute("open");
                let _ = el.remove_attribute("data-print-open");
            }
        }
    }
}

/// Set the document's `lang`.
pub fn apply_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Remember the language the person chose (not the one the page starts in).
pub fn remember_lang(lang: Lang) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        // Storage may be full or disabled; the page then simply does not remember.
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}

/// The URL's hash, without `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned()
}

/// This page's address with a fragment (`#fragment`), for a link to share: the origin and path
/// alone. The page's own query (a tenant, a resolver, a registry, a timeout) never goes into a
/// link it makes.
pub fn link_with_fragment(fragment: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    Some(format!("{origin}{path}#{fragment}"))
}

/// Point the URL at a reference entry (the page listens to `hashchange`).
pub fn set_hash(anchor: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(anchor);
    }
}

/// Copy text to the clipboard; the promise's outcome is not awaited (a refusal only means the
/// person copies by hand from the visible command).
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Offer `text` as a file to save, made in the page (no request).
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Scroll an element into view, at the top.
pub fn scroll_to(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(el) = element {
        el.scroll_into_view();
    }
}

/// The most of a paste or a file the page reads.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// Read a dropped or chosen file as text (invalid UTF-8 becomes U+FFFD), up to [`MAX_TEXT_BYTES`].
/// Returns the text and whether it was cut.
pub async fn read_file(file: web_sys::File) -> Option<(String, bool)> {
    let max = MAX_TEXT_BYTES as f64;
    let truncated = file.size() > max;
    let blob: web_sys::Blob = if truncated {
        file.slice_with_f64_and_f64(0.0, max).ok()?
    } else {
        file.into()
    };
    let text = wasm_bindgen_futures::JsFuture::from(blob.text())
        .await
        .ok()?;
    let text = text.dyn_into::<js_sys::JsString>().ok()?;
    Some((read_in_slices(&text, SLICE_UNITS).await, truncated))
}

/// UTF-16 units copied into Rust per task: about 6 ms each here (a paste of up to 2 MiB is
/// copied at once, its verdict not delayed).
pub const SLICE_UNITS: u32 = 1 << 21;

/// A browser string copied into Rust `units` UTF-16 units per task (never between the two halves
/// of a surrogate pair), so a text of many megabytes never holds the page while it is copied.
pub async fn read_in_slices(text: &js_sys::JsString, units: u32) -> String {
    let len = text.length();
    let mut out = String::with_capacity(len as usize);
    let mut at = 0;
    while at < len {
        let mut end = at.saturating_add(units.max(2)).min(len);
        if end < len && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end -= 1;
        }
        out.push_str(&String::from(text.slice(at, end)));
        at = end;
        if at < len {
            next_task().await;
        }
    }
    out
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `DataTransfer` whose `getData` leaves the browser's string as it is (web-sys copies it
    /// into a `String`).
    type UncopiedData;
    #[wasm_bindgen(method, catch, js_name = getData)]
    fn get_data(
        this: &UncopiedData,
        format: &str,
    ) -> Result<js_sys::JsString, wasm_bindgen::JsValue>;
}

/// The text a paste event carries, as the browser's own string (not copied yet).
pub fn pasted_text(e: &web_sys::Event) -> Option<js_sys::JsString> {
    let data = e.dyn_ref::<web_sys::ClipboardEvent>()?.clipboard_data()?;
    data.unchecked_ref::<UncopiedData>().get_data("text").ok()
}

/// Show a readable message instead of a blank page if the page ever panics. The message is
/// generic: a panic's own text could quote the paste or a secret, so it is shown nowhere and
/// logged nowhere.
pub fn install_panic_page() {
    yew::set_custom_panic_hook(Box::new(|_info| {
        let message =
            acr_doctor_core::ui_text::label(acr_doctor_core::ui_text::Label::Panic, initial_lang());
        let body = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body());
        if let Some(body) = body {
            body.set_text_content(Some(message));
            let _ = body.set_attribute("data-panic", "true");
        }
    }));
}

/// The value of an input or textarea behind an event.
pub fn event_value(e: &web_sys::Event) -> Option<String> {
    let target = e.target()?;
    if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(t.value());
    }
    target
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
}

/// A pending `setTimeout`, cleared when dropped.
pub struct Timer {
    id: i32,
    _closure: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}

/// Run `f` after `ms` milliseconds, unless the returned timer is dropped first.
pub fn after(ms: i32, f: impl FnMut() + 'static) -> Option<Timer> {
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
    let id = web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(closure.as_ref().unchecked_ref(), ms)
        .ok()?;
    Some(Timer {
        id,
        _closure: closure,
    })
}

/// Give the browser its turn (input, rendering) and go on in a later task.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().and_then(|w| w.set_timeout_with_callback(&resolve).ok());
        if queued.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A listener on the window, removed when dropped.
pub struct WindowListener {
    event: &'static str,
    closure: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl WindowListener {
    pub fn new(event: &'static str, f: impl FnMut(web_sys::Event) + 'static) -> Self {
        let closure = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(f);
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        WindowListener { event, closure }
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                self.event,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// A non-secret setting from the page's query string (`?registry=…&doh=…`).
pub fn query_param(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(key)
}

/// The first element matching `selector`, as `E`.
pub fn find<E: JsCast>(selector: &str) -> Option<E> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// Move the focus to the first element matching `selector`, bringing it into view.
fn focus(selector: &str) {
    if let Some(el) = find::<web_sys::HtmlElement>(selector) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Move the focus to the verdict (after Explain).
pub fn focus_verdict() {
    focus("[data-testid=verdict]");
}

/// Bring the paste box into view and focus it.
pub fn focus_paste_box() {
    focus("[data-testid=paste-input]");
}

/// JSON the page received (a registry's answer, a token's claims), parsed by the browser's
/// `JSON.parse` and handed to the core by serde-wasm-bindgen: the core's `lenient::Parse`.
/// `None` for text that is not JSON. The core bounds the nesting before it calls this.
pub fn parse_json(bytes: &[u8]) -> Option<acr_doctor_core::lenient::Node> {
    let text = std::str::from_utf8(bytes).ok()?;
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// A number as the browser reads it (`Number(text)`): `NaN` for anything that is not one.
pub fn number(text: &str) -> f64 {
    // Unary plus, which is what Number(text) does to a string.
    wasm_bindgen::JsValue::from_str(text).unchecked_into_f64()
}

/// Text in lower case as the browser folds it (`toLowerCase`): the reference search compares
/// with it, and the page carries no case tables of its own.
pub fn lower_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}
