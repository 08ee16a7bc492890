//! The one owner of probe runs: the abort handle of the run in flight, the run's number (reports
//! of an older run are ignored) and its steps. Leaving the page aborts what is in flight.

use std::rc::Rc;

use yew::prelude::*;

use crate::net::Net;
use crate::probe::{self, StepView};
use acr_doctor_core::probe::request::ProbeInput;

/// The latest run and its steps.
#[derive(Debug, Clone, PartialEq, Default)]
struct Runs {
    run: u32,
    steps: Vec<StepView>,
    running: bool,
}

enum RunAction {
    Start(u32),
    Step(u32, Box<StepView>),
    End(u32),
    /// Forget the latest run; its late reports are ignored.
    Clear,
}

impl Reducible for Runs {
    type Action = RunAction;

    fn reduce(self: Rc<Self>, action: RunAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RunAction::Start(run) => {
                next = Runs {
                    run,
                    steps: Vec::new(),
                    running: true,
                }
            }
            RunAction::Step(run, view) if run == next.run => {
                match next.steps.iter_mut().find(|s| s.step == view.step) {
                    Some(slot) => *slot = *view,
                    None => next.steps.push(*view),
                }
            }
            RunAction::End(run) if run == next.run => next.running = false,
            RunAction::Step(..) | RunAction::End(_) => return self,
            RunAction::Clear => {
                next = Runs {
                    run: next.run + 1,
                    ..Runs::default()
                }
            }
        }
        Rc::new(next)
    }
}

/// What the page needs of the probes.
#[derive(Clone, PartialEq)]
pub struct Probe {
    pub steps: Vec<StepView>,
    pub running: bool,
    /// Start a run with these inputs and this timeout (ms), aborting any run in flight.
    pub start: Callback<(ProbeInput, i32)>,
    pub cancel: Callback<()>,
    /// Abort and forget the run.
    pub clear: Callback<()>,
}

#[hook]
pub fn use_probe() -> Probe {
    let runs = use_reducer(Runs::default);
    let net = use_mut_ref(|| None::<Net>);
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
        let runs = runs.clone();
        let net = net.clone();
        let abort = abort.clone();
        Callback::from(move |(input, timeout_ms): (ProbeInput, i32)| {
            abort();
            let run = runs.run + 1;
            let fresh = Net::new(timeout_ms);
            *net.borrow_mut() = Some(fresh.clone());
            runs.dispatch(RunAction::Start(run));
            // A step is shown in a task of its own, after the code that emitted it has gone on:
            // the request a step starts is on its way while the page renders it. Views and the
            // run's end are shown in the order they were emitted.
            let emit = {
                let runs = runs.clone();
                Callback::from(move |view: StepView| {
                    let runs = runs.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        runs.dispatch(RunAction::Step(run, Box::new(view)))
                    });
                })
            };
            let runs = runs.clone();
            wasm_bindgen_futures::spawn_local(async move {
                probe::run(input, fresh, emit).await;
                wasm_bindgen_futures::spawn_local(
                    async move { runs.dispatch(RunAction::End(run)) },
                );
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
    let clear = {
        let runs = runs.clone();
        Callback::from(move |()| {
            abort();
            runs.dispatch(RunAction::Clear);
        })
    };
    Probe {
        steps: runs.steps.clone(),
        running: runs.running,
        start,
        cancel,
        clear,
    }
}
