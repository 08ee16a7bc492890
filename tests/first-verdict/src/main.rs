//! The first verdict alone: the page's own paste box, verdict and finding cards, over its own
//! reducer and decoding hook, and nothing else — no probes, kit, token inspector, reference,
//! report actions, path drawing, French or first paint. Whatever a first module carries if all
//! the rest comes after the first verdict, it is at least this. `scripts/bench.sh` builds it as
//! the page is built and reports, beside the page's, its bytes and how soon it explains a paste
//! on a slow link.

use acr_doctor::ui::findings::findings;
use acr_doctor::ui::paste_box::PasteBox;
use acr_doctor::ui::state::State;
use acr_doctor::ui::use_decode::use_decode;
use acr_doctor::ui::verdict::VerdictBanner;
use yew::prelude::*;

#[function_component]
fn FirstVerdict() -> Html {
    let state = use_reducer(State::default);
    let on_paste = use_decode(state.clone());
    let lang = state.lang;
    html! {
        <main>
            <PasteBox {lang} {on_paste} on_explain={Callback::noop()} file_truncated={state.file_truncated} empty={!state.has_paste} />
            if state.has_paste {
                <VerdictBanner report={state.report.clone()} roles={state.roles.clone()} {lang} />
                { findings(&state.report, &state.roles, &state.excerpts, state.about, lang) }
            }
        </main>
    }
}

fn main() {
    yew::Renderer::<FirstVerdict>::new().render();
}
