//! The one owner of probe runs: the abort handle of the run in flight and the runs' numbers.
//! What a run reports goes to the page's reducer (`state.rs`), which ignores the reports of any
//! run but the latest. Leaving the page aborts what is in flight.

use yew::prelude::*;

use super::state::{Action, State};

use crate::net::Net;
use crate::probe::{self, StepView};
use acr_doctor_core::probe::request::ProbeInput;

/// What the page needs of the probes.
#[derive(Clone, PartialEq)]
pub struct Probe {
    /// Start a run with these inputs and this timeout (ms), aborting any run in flight.
    pub start: Callback<(ProbeInput, i32)>,
    pub cancel: Callback<()>,
    /// Abort and forget the run.
    pub clear: Callback<()>,
}

#[hook]
pub fn use_probe(dispatch: UseReducerDispatcher<State>) -> Probe {
    let net = use_mut_ref(|| None::<Net>);
    // The number of the latest run (or clearing): each start or clear takes the next one.
    let last = use_mut_ref(|| 0u32);
    let next_run = move || {
        let mut last = last.borrow_mut();
        *last += 1;
        *last
    };
    let abort = {
        let net = net.clone();
        move || {
            if let Some(n) = net.borrow_mut().take() {
                n.cancel();
            }
        }
    };
    {
        let abort = abort.clone();
        use_effect_with((), move |_| abort);
    }
    let start = {
        let dispatch = dispatch.clone();
        let net = net.clone();
        let abort = abort.clone();
        let next_run = next_run.clone();
        Callback::from(move |(input, timeout_ms): (ProbeInput, i32)| {
            abort();
            let run = next_run();
            let fresh = Net::new(timeout_ms);
            *net.borrow_mut() = Some(fresh.clone());
            dispatch.dispatch(Action::ProbeStart(run));
            // A step is shown once the code that emitted it has gone on (`spawn_local` runs it
            // when the run's future yields): the request the step starts is already made when the
            // page renders it. Views and the run's end are shown in the order they were emitted.
            let emit = {
                let dispatch = dispatch.clone();
                Callback::from(move |view: StepView| {
                    let dispatch = dispatch.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        dispatch.dispatch(Action::ProbeStep(run, Box::new(view)))
                    });
                })
            };
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                probe::run(input, fresh, emit).await;
                wasm_bindgen_futures::spawn_local(async move {
                    dispatch.dispatch(Action::ProbeEnd(run))
                });
            });
        })
    };
    let cancel = {
        let net = net.clone();
        Callback::from(move |()| {
            if let Some(n) = net.borrow().as_ref() {
                n.cancel();
            }
        })
    };
    let clear = Callback::from(move |()| {
        abort();
        dispatch.dispatch(Action::ProbeClear(next_run()));
    });
    Probe {
        start,
        cancel,
        clear,
    }
}
