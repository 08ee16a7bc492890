//! The smallest page that keeps what the size budget must keep: every finding the decoder
//! knows and every explanation in both languages. A paste becomes the Markdown report, in English
//! or French. No probes, kit, reference, styling or cards: whatever this page weighs, the real
//! page cannot weigh less without dropping a text or a finding. `scripts/bench.sh` builds it as
//! the page is built and reports its bytes beside the page's.

use acr_doctor_core::markdown::{markdown, Extras};
use acr_doctor_core::{decode, Lang};
use yew::prelude::*;

#[function_component]
fn Floor() -> Html {
    let lang = use_state(Lang::default);
    let report = use_state(String::new);
    let oninput = {
        let (lang, report) = (*lang, report.clone());
        Callback::from(move |e: InputEvent| {
            let paste = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            let extras = Extras {
                pasted: true,
                ..Extras::default()
            };
            report.set(markdown(&decode(&paste), lang, &extras));
        })
    };
    let switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            lang.set(match *lang {
                Lang::En => Lang::Fr,
                Lang::Fr => Lang::En,
            })
        })
    };
    html! {
        <main>
            <button onclick={switch}>{ "EN / FR" }</button>
            <textarea {oninput} />
            <pre>{ (*report).clone() }</pre>
        </main>
    }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
