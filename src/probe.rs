//! One probe run: the steps `az acr check-health` takes, from this browser, one function each,
//! in the order [`run`] gives. Every step is shown pending, then running, then done with the
//! core's judgement; a step that cannot run says why. Secrets stay in [`ProbeInput`] and the
//! requests built from it: what is reported holds no token, only decoded claims.

use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

use acr_doctor_core::catalog::Code;
use acr_doctor_core::markdown::StepRow;
use acr_doctor_core::probe::challenge;
use acr_doctor_core::probe::dns::Qtype;
use acr_doctor_core::probe::request::{ProbeInput, Request, Secret};
use acr_doctor_core::probe::steps::{
    self, Failure, Judged, Outcome, Reply, SkipReason, Status, StepId,
};
use acr_doctor_core::probe::target::Target;
use acr_doctor_core::probe::token::{self, Access, Claims, Problem, Provenance};
use acr_doctor_core::probe::{dns, judge, settings, trust, words};
use acr_doctor_core::ui_text;
use acr_doctor_core::values::url_authority;
use acr_doctor_core::Lang;
use yew::Callback;

use crate::net::Net;

/// Where a step is.
#[derive(Debug, Clone, PartialEq)]
pub enum StepState {
    Pending,
    Running,
    Done(Judged),
}

/// A token a step used or obtained: where it came from, its claims, what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Inspected {
    pub provenance: Provenance,
    pub claims: Claims,
    pub problems: Vec<Problem>,
}

/// What the page shows of a step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    pub step: StepId,
    pub state: StepState,
    pub elapsed_ms: Option<u32>,
    /// Method and URL, and form fields with secrets hidden.
    pub asked: Option<String>,
    /// Status, the headers that matter, the start of the body.
    pub answered: Vec<String>,
    /// The tokens this step used or obtained, decoded, with what is wrong with them.
    pub tokens: Vec<Inspected>,
    /// The terminal command that checks the same thing.
    pub command: String,
}

impl StepView {
    /// A step not started yet; its terminal command when the registry is known.
    pub fn pending(step: StepId, target: Option<&Target>) -> Self {
        StepView {
            step,
            state: StepState::Pending,
            elapsed_ms: None,
            asked: None,
            answered: Vec::new(),
            tokens: Vec::new(),
            command: target.map(|t| steps::command(step, t)).unwrap_or_default(),
        }
    }

    /// The `data-status` hook: `pending`, `running`, or the judgement's status.
    pub fn status_id(&self) -> &'static str {
        match &self.state {
            StepState::Pending => "pending",
            StepState::Running => "running",
            StepState::Done(j) => j.status.id(),
        }
    }

    pub fn judged(&self) -> Option<&Judged> {
        match &self.state {
            StepState::Done(j) => Some(j),
            _ => None,
        }
    }

    pub fn code(&self) -> Option<Code> {
        self.judged().and_then(|j| j.code)
    }

    /// The step as the Markdown report lists it, once it is done.
    pub fn row(&self, lang: Lang) -> Option<StepRow> {
        let judged = self.judged()?;
        Some(StepRow {
            step: words::step_title(self.step, lang).to_owned(),
            status: ui_text::status(judged.status, lang).to_owned(),
            code: judged.code.map(|c| c.title().to_owned()),
            elapsed_ms: self.elapsed_ms,
        })
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn now_s() -> i64 {
    (now_ms() / 1000.0) as i64
}

/// The steps that will not run, and why: what a step returns when the run cannot go on.
type Stop = Vec<(StepId, SkipReason)>;

/// The steps after `step`, each skipped for `reason`.
fn rest_after(step: StepId, reason: &SkipReason) -> Stop {
    StepId::BROWSER
        .into_iter()
        .skip_while(|s| *s != step)
        .skip(1)
        .map(|s| (s, reason.clone()))
        .collect()
}

/// Two futures driven together, as the run's independent steps are: both answers, once both
/// have come.
async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut got_a, mut got_b) = (None, None);
    poll_fn(|cx| {
        if got_a.is_none() {
            if let Poll::Ready(x) = a.as_mut().poll(cx) {
                got_a = Some(x);
            }
        }
        if got_b.is_none() {
            if let Poll::Ready(y) = b.as_mut().poll(cx) {
                got_b = Some(y);
            }
        }
        match (got_a.take(), got_b.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (got_a, got_b) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// What the challenge said, for the token steps.
struct Realm {
    realm: String,
    service: String,
}

/// What a token step obtains a token with.
enum Credential {
    /// A refresh token; when the person gave it, its claims, shown where it is used.
    Refresh(Secret, Option<Box<Inspected>>),
    Basic(String, Secret),
}

struct Run {
    input: ProbeInput,
    net: Net,
    emit: Callback<StepView>,
}

/// Run every step, in order; stop early where a step says the rest cannot run.
pub async fn run(input: ProbeInput, net: Net, emit: Callback<StepView>) {
    let run = Run { input, net, emit };
    for step in StepId::BROWSER {
        run.emit
            .emit(StepView::pending(step, Some(&run.input.target)));
    }
    if let Err(stop) = run.steps().await {
        for (step, reason) in stop {
            run.skip(step, reason);
        }
    }
}

impl Run {
    async fn steps(&self) -> Result<(), Stop> {
        // DNS informs; whatever it finds, the browser resolves the name on its own: the two
        // steps run together.
        let ((), reached) = both(self.dns(), self.reachability()).await;
        reached?;
        self.go_on(StepId::Reachability)?;
        let realm = self.challenge().await?;
        self.go_on(StepId::Challenge)?;
        let credential = self.refresh_token(&realm).await?;
        self.go_on(StepId::RefreshToken)?;
        let access = self.access_token(&realm, credential).await?;
        self.go_on(StepId::AccessToken)?;
        self.catalog(&access).await;
        Ok(())
    }

    /// Cancel stops the run after the step that was running.
    fn go_on(&self, after: StepId) -> Result<(), Stop> {
        if self.net.is_cancelled() {
            Err(rest_after(after, &SkipReason::Cancelled))
        } else {
            Ok(())
        }
    }

    fn target(&self) -> &Target {
        &self.input.target
    }

    /// Show a step running, with what it asks.
    fn running(&self, step: StepId, request: Option<&Request>) -> (StepView, f64) {
        let mut v = StepView::pending(step, Some(self.target()));
        v.state = StepState::Running;
        v.asked = request.map(Request::asked);
        self.emit.emit(v.clone());
        (v, now_ms())
    }

    /// Show a step done; a step the person cancelled says so.
    fn done(&self, mut v: StepView, start: f64, j: Judged) -> Status {
        let j = if self.net.is_cancelled() {
            steps::skipped(SkipReason::Cancelled)
        } else {
            j
        };
        v.elapsed_ms = Some((now_ms() - start).max(0.0) as u32);
        let status = j.status;
        v.state = StepState::Done(j);
        self.emit.emit(v);
        status
    }

    fn skip(&self, step: StepId, reason: SkipReason) {
        let mut v = StepView::pending(step, Some(self.target()));
        v.state = StepState::Done(steps::skipped(reason));
        self.emit.emit(v);
    }

    /// Step 1: DNS over HTTPS: the public view of the name.
    async fn dns(&self) {
        let target = self.target();
        if target.skip_dns.is_some() {
            // An address or localhost: the judge skips the step.
            let (v, start) = self.running(StepId::Dns, None);
            self.done(v, start, judge::judge_dns(target, Err(Failure::Network)));
            return;
        }
        // The resolver is checked once; every question of the step goes to it.
        let (resolver, request) = match settings::resolver(&self.input.doh) {
            Ok(r) => {
                let request = dns::get_url(&r, &target.host, Qtype::A)
                    .map(Request::doh)
                    .map_err(Outcome::ResolverGarbage);
                (r, request)
            }
            Err(e) => (String::new(), Err(Outcome::ResolverRefused(e))),
        };
        let (v, start) = self.running(StepId::Dns, request.as_ref().ok());
        let judged = match request {
            Ok(request) => {
                let judged = judge::judge_dns(target, self.net.doh(&request).await);
                let judged = self.ipv6_dns(&resolver, judged).await;
                self.data_endpoint_dns(&resolver, judged).await
            }
            Err(outcome) => Judged {
                status: Status::Warning,
                code: None,
                outcome,
            },
        };
        self.done(v, start, judged);
    }

    /// Step 1, continued: a resolved name's AAAA answer (IPv6), from the same resolver.
    async fn ipv6_dns(&self, resolver: &str, judged: Judged) -> Judged {
        if !matches!(judged.outcome, Outcome::Resolved { .. }) {
            return judged;
        }
        match self.ask(resolver, &self.target().host, Qtype::Aaaa).await {
            Some(answer) => judge::with_ipv6(judged, answer),
            None => judged,
        }
    }

    /// Step 1, continued: where the chain names an Azure region, the same resolver is asked about
    /// the registry's dedicated data endpoint there (layers come from it, or else from storage).
    async fn data_endpoint_dns(&self, resolver: &str, judged: Judged) -> Judged {
        let Some(host) = judge::data_endpoint_host(self.target(), &judged) else {
            return judged;
        };
        match self.ask(resolver, &host, Qtype::A).await {
            Some(answer) => judge::with_data_endpoint(judged, host, answer),
            None => judged,
        }
    }

    /// One more question to the step's resolver (none if the name cannot be asked).
    async fn ask(
        &self,
        resolver: &str,
        name: &str,
        qtype: Qtype,
    ) -> Option<Result<Vec<u8>, Failure>> {
        let url = dns::get_url(resolver, name, qtype).ok()?;
        Some(self.net.doh(&Request::doh(url)).await)
    }

    /// Step 2: Reachability: a `no-cors` GET is answered (opaquely) whenever DNS, TCP, TLS and HTTP
    /// work.
    async fn reachability(&self) -> Result<(), Stop> {
        let request = Request::reachability(self.target());
        let (v, start) = self.running(StepId::Reachability, Some(&request));
        let judged = judge::judge_reachability(self.net.opaque(&request).await);
        match self.done(v, start, judged) {
            Status::Ok => Ok(()),
            _ => Err(rest_after(
                StepId::Reachability,
                &SkipReason::After(StepId::Reachability),
            )),
        }
    }

    /// Step 3: The challenge: the same GET in `cors` mode, readable only if the registry allows it.
    /// Secrets go no further than the registry's own origin.
    async fn challenge(&self) -> Result<Realm, Stop> {
        let request = Request::challenge(self.target());
        let (mut v, start) = self.running(StepId::Challenge, Some(&request));
        let reply = self.net.send(&request).await;
        v.answered = describe(&reply, false);
        let (judged, challenge) = judge::judge_challenge(reply, true);
        let status = self.done(v, start, judged);
        let after = |reason| Err(rest_after(StepId::Challenge, &reason));
        let Some(c) = challenge else {
            return match status {
                Status::Blocked => after(SkipReason::Unreadable(StepId::Challenge)),
                _ => after(SkipReason::After(StepId::Challenge)),
            };
        };
        let realm = Realm {
            realm: c.param("realm").unwrap_or("").to_owned(),
            service: c.param("service").unwrap_or("").to_owned(),
        };
        if challenge::endpoint(&realm.realm, "").as_deref() != Some(&self.target().origin) {
            let host = url_authority(&realm.realm)
                .unwrap_or(&realm.realm)
                .to_owned();
            return after(SkipReason::ForeignRealm { host });
        }
        Ok(realm)
    }

    /// Step 4: The refresh token: the Entra token exchanged, unless an ACR refresh token or a user
    /// name was given. Decides what the access token is asked with.
    async fn refresh_token(&self, realm: &Realm) -> Result<Credential, Stop> {
        let input = &self.input;
        let target = self.target();
        let skip_both = |refresh: SkipReason, access: SkipReason| {
            vec![
                (StepId::RefreshToken, refresh),
                (StepId::AccessToken, access),
                (StepId::Catalog, SkipReason::After(StepId::AccessToken)),
            ]
        };
        // Secrets go to Azure's registries, or to the one origin the person ticked.
        if input.has_secret() && !trust::may_send_secrets(target, input.trusted_origin.as_deref()) {
            let reason = SkipReason::NotTrusted {
                origin: target.origin.clone(),
            };
            return Err(skip_both(reason.clone(), reason));
        }
        if let Some(refresh) = &input.refresh {
            // A refresh token is for one registry: sent only to the one it was issued for.
            let given = inspect(
                Provenance::Given,
                refresh.expose(),
                &realm.service,
                None,
                None,
            );
            let claims = given.as_ref().map(|g| &g.claims);
            if let Err(audience) = trust::refresh_token_fits(claims, &realm.service, target) {
                return Err(skip_both(
                    SkipReason::RefreshTokenGiven,
                    SkipReason::RefreshTokenForAnother { audience },
                ));
            }
            self.skip(StepId::RefreshToken, SkipReason::RefreshTokenGiven);
            return Ok(Credential::Refresh(refresh.clone(), given.map(Box::new)));
        }
        let Some(entra) = &input.entra else {
            return match &input.basic {
                Some((user, password)) => {
                    self.skip(StepId::RefreshToken, SkipReason::BasicCredentials);
                    Ok(Credential::Basic(user.clone(), password.clone()))
                }
                None => Err(skip_both(
                    SkipReason::NoEntraToken,
                    SkipReason::NoCredentials,
                )),
            };
        };
        // Decoded once: its tenant goes with the request, its claims to the step's view.
        let given = inspect(
            Provenance::Given,
            entra.expose(),
            &realm.service,
            input.tenant.as_deref(),
            None,
        );
        let tenant = given.as_ref().and_then(|g| g.claims.tenant.clone());
        let url = challenge::endpoint(&realm.realm, "/oauth2/exchange").unwrap_or_default();
        let request = Request::exchange(url, &realm.service, tenant.as_deref(), entra);
        let (mut v, start) = self.running(StepId::RefreshToken, Some(&request));
        let reply = self.net.send(&request).await;
        v.answered = describe(&reply, true);
        let (judged, obtained) = judge::judge_exchange(reply);
        v.tokens.extend(given);
        let obtained = obtained.as_deref().and_then(Secret::given);
        if let Some(rt) = &obtained {
            v.tokens.extend(inspect(
                Provenance::Returned,
                rt.expose(),
                &realm.service,
                None,
                None,
            ));
        }
        self.done(v, start, judged);
        obtained
            .map(|rt| Credential::Refresh(rt, None))
            .ok_or_else(|| {
                rest_after(
                    StepId::RefreshToken,
                    &SkipReason::After(StepId::RefreshToken),
                )
            })
    }

    /// Step 5: The access token for the catalog (or the repository), with a refresh token or Basic.
    async fn access_token(&self, realm: &Realm, credential: Credential) -> Result<Secret, Stop> {
        let needed = token::scope_access(self.input.repository.as_deref());
        let scope = needed.scope();
        let url = challenge::endpoint(&realm.realm, "/oauth2/token").unwrap_or_default();
        let request = match &credential {
            Credential::Refresh(rt, _) => Request::token(url, &realm.service, &scope, rt),
            Credential::Basic(user, password) => {
                Request::token_basic(&url, &realm.service, &scope, user, password)
            }
        };
        let (mut v, start) = self.running(StepId::AccessToken, Some(&request));
        let reply = self.net.send(&request).await;
        v.answered = describe(&reply, true);
        let (judged, obtained) = judge::judge_token(reply, &scope);
        // A refresh token the person gave is shown here, where it is used.
        if let Credential::Refresh(_, Some(given)) = credential {
            v.tokens.push(*given);
        }
        let obtained = obtained.as_deref().and_then(Secret::given);
        if let Some(at) = &obtained {
            v.tokens.extend(inspect(
                Provenance::Returned,
                at.expose(),
                &realm.service,
                None,
                Some(&needed),
            ));
        }
        self.done(v, start, judged);
        obtained
            .ok_or_else(|| rest_after(StepId::AccessToken, &SkipReason::After(StepId::AccessToken)))
    }

    /// Step 6: The catalog, or the repository's tags, with the access token.
    async fn catalog(&self, access: &Secret) {
        let origin = &self.target().origin;
        let (url, what) = match &self.input.repository {
            None => (format!("{origin}/v2/_catalog"), "catalog".to_owned()),
            Some(repo) => (
                format!("{origin}/v2/{repo}/tags/list"),
                format!("{repo} tags"),
            ),
        };
        let request = Request::bearer(url, access);
        let (mut v, start) = self.running(StepId::Catalog, Some(&request));
        let reply = self.net.send(&request).await;
        v.answered = describe(&reply, false);
        self.done(v, start, judge::judge_catalog(reply, &what));
    }
}

/// What the page shows of an answer: status, challenge, the start of the body. A token
/// endpoint's successful answer is a secret: only its field names are shown.
fn describe(reply: &Result<Reply, Failure>, secret_body: bool) -> Vec<String> {
    let Ok(r) = reply else {
        // No answer: the step's outcome says why.
        return Vec::new();
    };
    let mut lines = vec![format!("HTTP {}", r.status)];
    if let Some(h) = &r.www_authenticate {
        lines.push(format!("WWW-Authenticate: {h}"));
    }
    if secret_body && r.status == 200 {
        let fields = r
            .json
            .iter()
            .flat_map(|j| &j.fields)
            .map(|k| format!("\"{k}\": …"))
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(format!("{{{fields}}}"));
    } else {
        let body: String = r.body.chars().take(300).collect();
        if !body.trim().is_empty() {
            lines.push(body);
        }
    }
    lines
}

/// A token decoded, with what is wrong with it for this registry.
fn inspect(
    provenance: Provenance,
    t: &str,
    service: &str,
    tenant: Option<&str>,
    needed: Option<&Access>,
) -> Option<Inspected> {
    let claims = token::decode(t).ok()?;
    let problems = token::diagnose(&claims, now_s(), Some(service), tenant, needed);
    Some(Inspected {
        provenance,
        claims,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::both;

    /// A step that is answered on its second poll, writing down when it starts and ends.
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
    fn both_steps_ask_before_either_is_answered() {
        let log = RefCell::new(Vec::new());
        let mut run = pin!(both(step("dns", &log), step("reachability", &log)));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(run.as_mut().poll(&mut cx), Poll::Pending);
        assert_eq!(*log.borrow(), ["dns asks", "reachability asks"]);
        assert_eq!(
            run.as_mut().poll(&mut cx),
            Poll::Ready(("dns", "reachability"))
        );
        assert_eq!(log.borrow().len(), 4);
    }
}
