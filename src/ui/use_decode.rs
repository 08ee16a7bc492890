//! The hook that decodes a paste. A small one is decoded at once; a big one part by part, the
//! browser given its turn between parts, so no task holds the page for long (a 10 MiB log takes
//! a few hundred milliseconds in all). A newer paste abandons an older one still being read.

use std::rc::Rc;

use acr_doctor_core::decode::{parts, Decoding};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::state::{Action, State};
use crate::browser;

/// Bytes decoded per task (a quarter more for the last): some tens of milliseconds at the
/// decoder's speed in a browser.
const PART_BYTES: usize = 1024 * 1024;

/// The callback that takes new text (and whether it was cut to the read limit) and, once it is
/// decoded, hands the report to the reducer.
#[hook]
pub fn use_decode(state: UseReducerHandle<State>) -> Callback<(String, bool)> {
    let latest = use_mut_ref(|| 0u64);
    Callback::from(move |(text, truncated): (String, bool)| {
        let this = {
            let mut latest = latest.borrow_mut();
            *latest += 1;
            *latest
        };
        let latest = latest.clone();
        let state = state.clone();
        spawn_local(async move {
            let mut decoding = Decoding::default();
            for (i, part) in parts(&text, PART_BYTES).enumerate() {
                if i > 0 {
                    browser::next_task().await;
                    if *latest.borrow() != this {
                        return;
                    }
                }
                decoding.feed(part);
            }
            let report = Rc::new(decoding.finish());
            state.dispatch(Action::Decoded {
                text,
                report,
                truncated,
            });
        });
    })
}
