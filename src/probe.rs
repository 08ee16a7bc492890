//! Performs one probe run. The core's machine (`acr_doctor_core::probe::run`) decides the run:
//! which request to make, what each answer means, what every step shows. This only makes the
//! requests it asks for (through [`Net`], the page's one network module), hands back each
//! answer as it comes, and passes on the steps it shows.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

use acr_doctor_core::probe::request::ProbeInput;
use acr_doctor_core::probe::run::{Answer, Ask, Run, Slot};
use yew::Callback;

pub use acr_doctor_core::probe::run::{Inspected, StepState, StepView};

use crate::browser;
use crate::net::Net;

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn now_s() -> i64 {
    (now_ms() / 1000.0) as i64
}

/// A request in flight, with the slot its answer goes to.
type Flying = Pin<Box<dyn Future<Output = (Slot, Answer)>>>;

/// Run the probes for `input`: every request the run asks for is made, those it asks together
/// at once; each step is passed to `emit` whenever it shows something new.
pub async fn run(input: ProbeInput, net: Net, emit: Callback<StepView>) {
    let mut run = Run::new(input, browser::parse_json, now_ms());
    let mut flying: Vec<Flying> = Vec::new();
    loop {
        while let Some((slot, ask)) = run.next_ask() {
            let net = net.clone();
            flying.push(Box::pin(async move { (slot, perform(&net, ask).await) }));
        }
        for view in run.take_changed() {
            emit.emit(view);
        }
        if flying.is_empty() {
            break;
        }
        let (slot, answer) = first(&mut flying).await;
        if net.is_cancelled() {
            run.cancel();
        }
        run.answer(slot, answer, now_ms());
    }
}

/// One request, as the run asked for it.
async fn perform(net: &Net, ask: Ask) -> Answer {
    match ask {
        Ask::Doh(r) => Answer::Doh(net.doh(&r).await),
        Ask::Opaque(r) => Answer::Opaque(net.opaque(&r).await),
        Ask::Read(r) => Answer::Read(net.send(&r).await),
    }
}

/// The first of the futures to be done, taken out of the list; the others go on.
async fn first<'a, T>(flying: &mut Vec<Pin<Box<dyn Future<Output = T> + 'a>>>) -> T {
    poll_fn(|cx| {
        for i in 0..flying.len() {
            if let Poll::Ready(x) = flying[i].as_mut().poll(cx) {
                drop(flying.swap_remove(i));
                return Poll::Ready(x);
            }
        }
        Poll::Pending
    })
    .await
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::{pin, Pin};
    use std::task::{Context, Poll, Waker};

    use super::first;

    /// A request answered on its second poll, writing down when it starts and ends.
    async fn step(name: &'static str, log: &RefCell<Vec<String>>) -> &'static str {
        log.borrow_mut().push(format!("{name} asks"));
        let mut asked = false;
        std::future::poll_fn(|_| {
            if asked {
                Poll::Ready(())
            } else {
                asked = true;
                Poll::Pending
            }
        })
        .await;
        log.borrow_mut().push(format!("{name} answered"));
        name
    }

    #[test]
    fn requests_asked_together_are_all_made_before_one_is_answered() {
        let log = RefCell::new(Vec::new());
        let mut flying: Vec<Pin<Box<dyn Future<Output = &str> + '_>>> = vec![
            Box::pin(step("dns", &log)),
            Box::pin(step("reachability", &log)),
        ];
        let mut cx = Context::from_waker(Waker::noop());
        {
            let mut one = pin!(first(&mut flying));
            assert_eq!(one.as_mut().poll(&mut cx), Poll::Pending);
            assert_eq!(*log.borrow(), ["dns asks", "reachability asks"]);
            assert_eq!(one.as_mut().poll(&mut cx), Poll::Ready("dns"));
        }
        assert_eq!(flying.len(), 1, "the other is still out");
        let mut two = pin!(first(&mut flying));
        assert_eq!(two.as_mut().poll(&mut cx), Poll::Ready("reachability"));
    }
}
