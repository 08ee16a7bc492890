//! The only code that calls the network. Every request has a timeout and can be cancelled, both
//! through an AbortController; no request carries cookies or a referrer, none follows a redirect
//! (a redirect from a token endpoint would re-send the form, secret and all, wherever it points);
//! bodies are read as a stream and cut at [`MAX_BODY`]; nothing here logs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use acr_doctor_core::probe::request::{Mode, Request};
use acr_doctor_core::probe::run::HttpAnswer;
use acr_doctor_core::probe::steps::Failure;
use gloo_net::http::{Method, RequestBuilder, Response};
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, ReferrerPolicy, RequestCache, RequestCredentials,
    RequestMode, RequestRedirect, ResponseType,
};

use crate::browser;

/// The network for one probe run: its timeout, and a Cancel that aborts whatever is in flight.
#[derive(Clone)]
pub struct Net {
    timeout_ms: i32,
    cancelled: Rc<Cell<bool>>,
    in_flight: Rc<RefCell<Vec<AbortController>>>,
}

/// Most bytes of an answer body the page reads.
const MAX_BODY: usize = 64 * 1024;

impl Net {
    pub fn new(timeout_ms: i32) -> Self {
        Net {
            timeout_ms,
            cancelled: Rc::new(Cell::new(false)),
            in_flight: Rc::new(RefCell::new(Vec::new())),
        }
    }

    /// Abort every request of this run, now and later.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        for c in self.in_flight.borrow_mut().drain(..) {
            c.abort();
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }

    /// A DNS-over-HTTPS query: the answer's bytes.
    pub async fn doh(&self, request: &Request) -> Result<Vec<u8>, Failure> {
        let (response, guard) = self.fetch(request).await?;
        guard.run(read_bytes(&response)).await
    }

    /// A `no-cors` request: success means some HTTP answer came back (its content stays opaque).
    pub async fn opaque(&self, request: &Request) -> Result<(), Failure> {
        self.fetch(request).await.map(|_| ())
    }

    /// A `cors` request: the status, the challenge and the start of the body.
    pub async fn send(&self, request: &Request) -> Result<HttpAnswer, Failure> {
        let (response, guard) = self.fetch(request).await?;
        guard.run(reply(response)).await
    }

    /// The one place a request is made. Its `Authorization` header and form may hold secrets:
    /// they are never sent in `no-cors` mode (the only mode that follows redirects).
    async fn fetch(&self, request: &Request) -> Result<(Response, Guard), Failure> {
        if self.cancelled.get() {
            return Err(Failure::Cancelled);
        }
        let authorization = request.authorization();
        let form = request.form();
        let mode = match request.mode {
            Mode::Cors => RequestMode::Cors,
            Mode::NoCors => RequestMode::NoCors,
        };
        if mode == RequestMode::NoCors && (authorization.is_some() || form.is_some()) {
            // Never reached: a request that may follow a redirect carries nothing of the person's.
            return Err(Failure::Network);
        }
        let body: Option<JsValue> = match &form {
            // `application/x-www-form-urlencoded`: a simple request, no preflight.
            Some(fields) => {
                let params = web_sys::UrlSearchParams::new().map_err(|_| Failure::Network)?;
                for (k, v) in fields {
                    params.append(k, v);
                }
                Some(params.into())
            }
            None => None,
        };
        let mut headers: Vec<(&str, &str)> = Vec::new();
        if let Some(a) = request.accept {
            headers.push(("Accept", a));
        }
        if let Some(a) = &authorization {
            headers.push(("Authorization", a));
        }
        let controller = AbortController::new().map_err(|_| Failure::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            browser::after(self.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        self.in_flight.borrow_mut().push(controller.clone());
        let guard = Guard {
            timed_out,
            cancelled: self.cancelled.clone(),
            _timer: timer,
        };

        let method = match request.method {
            "POST" => Method::POST,
            _ => Method::GET,
        };
        let mut builder = RequestBuilder::new(&request.url)
            .method(method)
            .mode(mode)
            .credentials(RequestCredentials::Omit)
            .cache(RequestCache::NoStore)
            .referrer_policy(ReferrerPolicy::NoReferrer)
            // `manual`, not `error`: both refuse to follow, and `manual` lets the page say that
            // the answer was a redirect rather than a network failure. A `no-cors` request must
            // follow (the browser allows nothing else); it carries no header and no body.
            .redirect(if mode == RequestMode::NoCors {
                RequestRedirect::Follow
            } else {
                RequestRedirect::Manual
            })
            .abort_signal(Some(&controller.signal()));
        for (k, v) in headers {
            builder = builder.header(k, v);
        }
        let built = match body {
            Some(b) => builder.body(b),
            None => builder.build(),
        }
        .map_err(|_| Failure::BadUrl)?;
        match built.send().await {
            Ok(response) if response.type_() == ResponseType::Opaqueredirect => {
                Err(Failure::Redirect)
            }
            Ok(response) => Ok((response, guard)),
            Err(_) => Err(guard.failure()),
        }
    }
}

/// One of the page's own files (`./name`, from its origin, kept by the service worker): its text,
/// or `None` when it could not be had. Nothing of the person's goes with it.
pub async fn own_file(name: &str) -> Option<String> {
    let response = RequestBuilder::new(name)
        .credentials(RequestCredentials::SameOrigin)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

/// One of the files the built page names for fetching when asked for (`browser::page_file`: the
/// kits, the French, what each code means, the examples), fetched: its text.
pub async fn page_file(attr: &str, stem: &str, ext: &str) -> Option<String> {
    own_file(&browser::page_file(attr, stem, ext)?).await
}

/// Keeps a request's timeout running while its body is read, and tells why it failed.
struct Guard {
    timed_out: Rc<Cell<bool>>,
    cancelled: Rc<Cell<bool>>,
    _timer: Option<browser::Timer>,
}

impl Guard {
    fn failure(&self) -> Failure {
        if self.cancelled.get() {
            Failure::Cancelled
        } else if self.timed_out.get() {
            Failure::Timeout
        } else {
            Failure::Network
        }
    }

    async fn run<T>(
        self,
        f: impl std::future::Future<Output = Result<T, ()>>,
    ) -> Result<T, Failure> {
        f.await.map_err(|()| self.failure())
    }
}

/// Read a body chunk by chunk and stop at [`MAX_BODY`]: a huge or endless answer is cancelled,
/// never held whole.
async fn read_bytes(response: &Response) -> Result<Vec<u8>, ()> {
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().dyn_into().map_err(|_| ())?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| ())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map_err(|_| ())?
            .is_truthy();
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| ())?;
        let array: Uint8Array = value.dyn_into().map_err(|_| ())?;
        let room = MAX_BODY - out.len();
        let take = (array.length() as usize).min(room);
        let start = out.len();
        out.resize(start + take, 0);
        array.subarray(0, take as u32).copy_to(&mut out[start..]);
        if out.len() >= MAX_BODY {
            // The rest is not wanted: tell the browser to stop downloading it.
            let _ = reader.cancel();
            break;
        }
    }
    Ok(out)
}

async fn reply(response: Response) -> Result<HttpAnswer, ()> {
    let status = response.status();
    let www_authenticate = response.headers().get("WWW-Authenticate");
    let body = read_bytes(&response).await?;
    Ok(HttpAnswer {
        status,
        www_authenticate,
        body,
    })
}
