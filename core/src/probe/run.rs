//! One probe run, decided here and performed by the page: the steps `az acr check-health` takes,
//! as a machine without I/O. It says which request to make next ([`Run::next_ask`]), takes the
//! answer or the failure ([`Run::answer`]), and shows every step pending, running, then done
//! with the core's judgement ([`Run::take_changed`]); a step that cannot run says why. The page
//! only makes the requests, so a whole run, every fault included, is tested natively against
//! recorded answers (`tests/probe_run.rs`).
//!
//! Secrets stay in [`ProbeInput`] and the requests built from it: what is shown holds no token,
//! only decoded claims. Time comes in with each call (`now_ms`), so the run never reads a clock.

use super::challenge;
use super::dns::{self, Qtype};
use super::judge;
use super::request::{ProbeInput, Request, Secret};
use super::settings;
use super::steps::{
    self, Failure, JsonAnswer, Judged, Outcome, Reached, Reply, SkipReason, Status, StepId,
};
use super::target::Target;
use super::token::{self, Access, Claims, Problem, Provenance};
use super::trust;
use super::words;
use crate::lenient::Parse;
use crate::markdown::StepRow;
use crate::values::url_authority;
use crate::{ui_text, Code, Lang};

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

/// Which of the run's questions an answer is for: DNS and reachability are asked together, the
/// rest one after another (the chain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Dns,
    Reachability,
    Chain,
}

/// A request to make, and how the page reads its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// A DNS-over-HTTPS query: the answer's bytes.
    Doh(Request),
    /// A `no-cors` request: only whether some HTTP answer came back.
    Opaque(Request),
    /// A `cors` request: status, challenge header, the start of the body.
    Read(Request),
}

/// An HTTP answer the page could read, as it came (the body cut to the page's limit).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpAnswer {
    pub status: u16,
    pub www_authenticate: Option<String>,
    pub body: Vec<u8>,
}

/// What came back for an [`Ask`] of the same kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Doh(Result<Vec<u8>, Failure>),
    Opaque(Result<(), Failure>),
    Read(Result<HttpAnswer, Failure>),
}

/// What the challenge said, for the token steps.
#[derive(Debug, Clone)]
struct Realm {
    realm: String,
    service: String,
}

/// What a token step obtains a token with.
#[derive(Debug, Clone)]
enum Credential {
    /// A refresh token; when the person gave it, its claims, shown where it is used.
    Refresh(Secret, Option<Box<Inspected>>),
    Basic(String, Secret),
}

/// Where the DNS step is: which question of its resolver is out.
#[derive(Debug)]
enum Dns {
    /// The registry's A record.
    Address {
        resolver: String,
    },
    /// The AAAA record of a name that resolved.
    Ipv6 {
        resolver: String,
        judged: Judged,
    },
    /// The registry's data endpoint in the region the chain names.
    DataEndpoint {
        host: String,
        judged: Judged,
    },
    Done,
}

/// Where the chain (challenge, tokens, catalog) is.
#[derive(Debug)]
enum Chain {
    /// Waiting for DNS and reachability.
    Waiting,
    Challenge,
    Exchange {
        realm: Realm,
    },
    Token {
        realm: Realm,
        credential: Credential,
        scope: String,
        needed: Access,
    },
    Catalog,
    Done,
}

/// One probe run.
#[derive(Debug)]
pub struct Run {
    input: ProbeInput,
    parse: Parse,
    views: Vec<StepView>,
    started: Vec<f64>,
    changed: Vec<StepId>,
    asks: Vec<(Slot, Ask)>,
    in_flight: usize,
    dns: Dns,
    reached: Option<Status>,
    chain: Chain,
    cancelled: bool,
}

fn at(step: StepId) -> usize {
    StepId::BROWSER
        .iter()
        .position(|s| *s == step)
        .unwrap_or_default()
}

impl Run {
    /// A run for `input`, JSON read with `parse` (the browser in the page): every step pending,
    /// DNS and reachability asked at once.
    pub fn new(input: ProbeInput, parse: Parse, now_ms: f64) -> Run {
        let views = StepId::BROWSER
            .iter()
            .map(|s| StepView::pending(*s, Some(&input.target)))
            .collect();
        let mut run = Run {
            input,
            parse,
            views,
            started: vec![0.0; StepId::BROWSER.len()],
            changed: StepId::BROWSER.to_vec(),
            asks: Vec::new(),
            in_flight: 0,
            dns: Dns::Done,
            reached: None,
            chain: Chain::Waiting,
            cancelled: false,
        };
        run.start_dns(now_ms);
        let request = Request::reachability(&run.input.target);
        run.ask(
            StepId::Reachability,
            Slot::Reachability,
            Ask::Opaque(request),
            now_ms,
        );
        run
    }

    /// The next request to make, until there is none for now.
    pub fn next_ask(&mut self) -> Option<(Slot, Ask)> {
        if self.asks.is_empty() {
            return None;
        }
        self.in_flight += 1;
        Some(self.asks.remove(0))
    }

    /// The steps shown differently since the last call.
    pub fn take_changed(&mut self) -> Vec<StepView> {
        let changed = std::mem::take(&mut self.changed);
        let mut out: Vec<StepView> = Vec::new();
        for step in changed {
            if !out.iter().any(|v| v.step == step) {
                out.push(self.views[at(step)].clone());
            }
        }
        out
    }

    /// Every step as it is shown now.
    pub fn views(&self) -> &[StepView] {
        &self.views
    }

    /// Nothing is out and nothing is left to ask.
    pub fn is_done(&self) -> bool {
        self.in_flight == 0 && self.asks.is_empty()
    }

    /// Cancel: whatever is out comes back cancelled, and the run stops after it.
    pub fn cancel(&mut self) {
        self.cancelled = true;
    }

    /// The answer (or failure) to a request [`Run::next_ask`] gave for `slot`.
    pub fn answer(&mut self, slot: Slot, answer: Answer, now_ms: f64) {
        self.in_flight = self.in_flight.saturating_sub(1);
        // An answer of another kind than asked (the page's mistake) is read as no answer.
        let answer = match (slot, answer) {
            (Slot::Dns, a @ Answer::Doh(_))
            | (Slot::Reachability, a @ Answer::Opaque(_))
            | (Slot::Chain, a @ Answer::Read(_)) => a,
            (slot, _) => failed(slot),
        };
        match (slot, answer) {
            (Slot::Dns, Answer::Doh(a)) => self.dns_answer(a, now_ms),
            (Slot::Reachability, Answer::Opaque(a)) => {
                let reached = Reached::to(self.target());
                let judged = judge::judge_reachability(a.map(|()| reached));
                let status = self.done(StepId::Reachability, judged, now_ms);
                self.reached = Some(status);
                self.after_first_two(now_ms);
            }
            (Slot::Chain, Answer::Read(a)) => {
                let reply = a.map(|h| self.reply(h));
                self.chain_answer(reply, now_ms);
            }
            _ => {}
        }
    }

    fn reply(&self, h: HttpAnswer) -> Reply {
        Reply {
            status: h.status,
            www_authenticate: h.www_authenticate,
            json: JsonAnswer::read(&h.body, self.parse),
            body: String::from_utf8_lossy(&h.body).into_owned(),
        }
    }

    fn target(&self) -> &Target {
        &self.input.target
    }

    fn view(&mut self, step: StepId) -> &mut StepView {
        self.changed.push(step);
        &mut self.views[at(step)]
    }

    /// Show a step running, with what it asks.
    fn running(&mut self, step: StepId, request: Option<&Request>, now_ms: f64) {
        self.started[at(step)] = now_ms;
        let v = self.view(step);
        v.state = StepState::Running;
        v.asked = request.map(Request::asked);
    }

    /// Ask `ask` for `step`, showing the step running.
    fn ask(&mut self, step: StepId, slot: Slot, ask: Ask, now_ms: f64) {
        let (Ask::Doh(r) | Ask::Opaque(r) | Ask::Read(r)) = &ask;
        if self.views[at(step)].state != StepState::Running {
            self.running(step, Some(r), now_ms);
        }
        self.asks.push((slot, ask));
    }

    /// Show a step done; a step the person cancelled says so.
    fn done(&mut self, step: StepId, judged: Judged, now_ms: f64) -> Status {
        let judged = if self.cancelled {
            steps::skipped(SkipReason::Cancelled)
        } else {
            judged
        };
        let start = self.started[at(step)];
        let status = judged.status;
        let v = self.view(step);
        v.elapsed_ms = Some((now_ms - start).max(0.0) as u32);
        v.state = StepState::Done(judged);
        status
    }

    fn skip(&mut self, step: StepId, reason: SkipReason) {
        self.view(step).state = StepState::Done(steps::skipped(reason));
    }

    /// The steps after `step`, each skipped for `reason` (or because the person cancelled);
    /// the chain ends.
    fn skip_rest(&mut self, step: StepId, reason: SkipReason) {
        let reason = if self.cancelled {
            SkipReason::Cancelled
        } else {
            reason
        };
        for s in StepId::BROWSER
            .into_iter()
            .skip_while(|s| *s != step)
            .skip(1)
        {
            self.skip(s, reason.clone());
        }
        self.chain = Chain::Done;
    }

    /// Cancel stops the run after the step that was running.
    fn go_on(&mut self, after: StepId) -> bool {
        if self.cancelled {
            self.skip_rest(after, SkipReason::Cancelled);
        }
        !self.cancelled
    }

    /// Step 1: DNS over HTTPS, the public view of the name. The resolver is checked once;
    /// every question of the step goes to it.
    fn start_dns(&mut self, now_ms: f64) {
        if self.target().skip_dns.is_some() {
            // An address or localhost: the judge skips the step.
            self.running(StepId::Dns, None, now_ms);
            let judged = judge::judge_dns(self.target(), Err(Failure::Network));
            self.done(StepId::Dns, judged, now_ms);
            return;
        }
        let outcome = match settings::resolver(&self.input.doh) {
            Ok(resolver) => match dns::get_url(&resolver, &self.target().host, Qtype::A) {
                Ok(url) => {
                    self.dns = Dns::Address { resolver };
                    return self.ask(StepId::Dns, Slot::Dns, Ask::Doh(Request::doh(url)), now_ms);
                }
                Err(e) => Outcome::ResolverGarbage(e),
            },
            Err(e) => Outcome::ResolverRefused(e),
        };
        self.running(StepId::Dns, None, now_ms);
        let judged = Judged {
            status: Status::Warning,
            code: None,
            outcome,
        };
        self.done(StepId::Dns, judged, now_ms);
    }

    /// One more question to the step's resolver; `false` if the name cannot be asked.
    fn ask_resolver(&mut self, resolver: &str, name: &str, qtype: Qtype, now_ms: f64) -> bool {
        match dns::get_url(resolver, name, qtype) {
            Ok(url) => {
                self.ask(StepId::Dns, Slot::Dns, Ask::Doh(Request::doh(url)), now_ms);
                true
            }
            Err(_) => false,
        }
    }

    fn dns_answer(&mut self, answer: Result<Vec<u8>, Failure>, now_ms: f64) {
        let judged = match std::mem::replace(&mut self.dns, Dns::Done) {
            Dns::Address { resolver } => {
                let judged = judge::judge_dns(self.target(), answer);
                // A resolved name: its AAAA answer (IPv6), from the same resolver.
                if matches!(judged.outcome, Outcome::Resolved { .. }) {
                    let host = self.target().host.clone();
                    if self.ask_resolver(&resolver, &host, Qtype::Aaaa, now_ms) {
                        self.dns = Dns::Ipv6 { resolver, judged };
                        return;
                    }
                }
                judged
            }
            Dns::Ipv6 { resolver, judged } => {
                let judged = judge::with_ipv6(judged, answer);
                // Where the chain names an Azure region, the same resolver is asked about the
                // registry's dedicated data endpoint there (layers come from it, or storage).
                if let Some(host) = judge::data_endpoint_host(self.target(), &judged) {
                    if self.ask_resolver(&resolver, &host, Qtype::A, now_ms) {
                        self.dns = Dns::DataEndpoint { host, judged };
                        return;
                    }
                }
                judged
            }
            Dns::DataEndpoint { host, judged } => judge::with_data_endpoint(judged, host, answer),
            Dns::Done => return,
        };
        self.done(StepId::Dns, judged, now_ms);
        self.after_first_two(now_ms);
    }

    /// DNS informs; whatever it finds, the browser resolves the name on its own. The chain
    /// starts once both first steps are done, and only if the registry answered.
    fn after_first_two(&mut self, now_ms: f64) {
        if !matches!(self.dns, Dns::Done) || !matches!(self.chain, Chain::Waiting) {
            return;
        }
        match self.reached {
            None => {}
            Some(Status::Ok) => {
                // Cancelled by now: the rest is skipped, the chain ends.
                let go_on = self.go_on(StepId::Reachability);
                if go_on {
                    self.chain = Chain::Challenge;
                    let request = Request::challenge(self.target());
                    self.ask(StepId::Challenge, Slot::Chain, Ask::Read(request), now_ms);
                }
            }
            Some(_) => self.skip_rest(
                StepId::Reachability,
                SkipReason::After(StepId::Reachability),
            ),
        }
    }

    fn chain_answer(&mut self, reply: Result<Reply, Failure>, now_ms: f64) {
        match std::mem::replace(&mut self.chain, Chain::Done) {
            Chain::Challenge => self.challenge(reply, now_ms),
            Chain::Exchange { realm } => self.exchanged(realm, reply, now_ms),
            Chain::Token {
                realm,
                credential,
                scope,
                needed,
            } => self.tokened(&realm, credential, &scope, &needed, reply, now_ms),
            Chain::Catalog => {
                self.view(StepId::Catalog).answered = describe(&reply, false);
                let what = match &self.input.repository {
                    None => "catalog".to_owned(),
                    Some(repo) => format!("{repo} tags"),
                };
                self.done(StepId::Catalog, judge::judge_catalog(reply, &what), now_ms);
            }
            Chain::Waiting | Chain::Done => {}
        }
    }

    /// Step 3: the challenge, read only if the registry allows it. Secrets go no further than
    /// the registry's own origin.
    fn challenge(&mut self, reply: Result<Reply, Failure>, now_ms: f64) {
        self.view(StepId::Challenge).answered = describe(&reply, false);
        let (judged, challenge) = judge::judge_challenge(reply, true);
        let status = self.done(StepId::Challenge, judged, now_ms);
        let Some(c) = challenge else {
            let reason = match status {
                Status::Blocked => SkipReason::Unreadable(StepId::Challenge),
                _ => SkipReason::After(StepId::Challenge),
            };
            return self.skip_rest(StepId::Challenge, reason);
        };
        let realm = Realm {
            realm: c.param("realm").unwrap_or("").to_owned(),
            service: c.param("service").unwrap_or("").to_owned(),
        };
        if challenge::endpoint(&realm.realm, "").as_deref() != Some(&self.target().origin) {
            let host = url_authority(&realm.realm)
                .unwrap_or(&realm.realm)
                .to_owned();
            return self.skip_rest(StepId::Challenge, SkipReason::ForeignRealm { host });
        }
        if self.go_on(StepId::Challenge) {
            self.refresh_token(realm, now_ms);
        }
    }

    /// Step 4: the refresh token: the Entra token exchanged, unless an ACR refresh token or a
    /// user name was given. Decides what the access token is asked with.
    fn refresh_token(&mut self, realm: Realm, now_ms: f64) {
        let input = self.input.clone();
        let target = &input.target;
        // Secrets go to Azure's registries, or to the one origin the person ticked.
        if input.has_secret() && !trust::may_send_secrets(target, input.trusted_origin.as_deref()) {
            let reason = SkipReason::NotTrusted {
                origin: target.origin.clone(),
            };
            return self.skip_tokens(reason.clone(), reason);
        }
        let now_s = (now_ms / 1000.0) as i64;
        if let Some(refresh) = input.refresh {
            // A refresh token is for one registry: sent only to the one it was issued for.
            let given = self.inspect(Provenance::Given, refresh.expose(), &realm, None, now_s);
            let claims = given.as_ref().map(|g| &g.claims);
            if let Err(audience) = trust::refresh_token_fits(claims, &realm.service, target) {
                return self.skip_tokens(
                    SkipReason::RefreshTokenGiven,
                    SkipReason::RefreshTokenForAnother { audience },
                );
            }
            self.skip(StepId::RefreshToken, SkipReason::RefreshTokenGiven);
            return self.access_token(
                realm,
                Credential::Refresh(refresh, given.map(Box::new)),
                now_ms,
            );
        }
        let Some(entra) = input.entra else {
            return match input.basic {
                Some((user, password)) => {
                    self.skip(StepId::RefreshToken, SkipReason::BasicCredentials);
                    self.access_token(realm, Credential::Basic(user, password), now_ms)
                }
                None => self.skip_tokens(SkipReason::NoEntraToken, SkipReason::NoCredentials),
            };
        };
        // Decoded once: its tenant goes with the request, its claims to the step's view.
        let given = self.inspect(
            Provenance::Given,
            entra.expose(),
            &realm,
            input.tenant.as_deref(),
            now_s,
        );
        let tenant = given.as_ref().and_then(|g| g.claims.tenant.clone());
        let url = challenge::endpoint(&realm.realm, "/oauth2/exchange").unwrap_or_default();
        let request = Request::exchange(url, &realm.service, tenant.as_deref(), &entra);
        self.ask(
            StepId::RefreshToken,
            Slot::Chain,
            Ask::Read(request),
            now_ms,
        );
        self.view(StepId::RefreshToken).tokens.extend(given);
        self.chain = Chain::Exchange { realm };
    }

    /// Both token steps skipped, and the catalog after them.
    fn skip_tokens(&mut self, refresh: SkipReason, access: SkipReason) {
        self.skip(StepId::RefreshToken, refresh);
        self.skip(StepId::AccessToken, access);
        self.skip(StepId::Catalog, SkipReason::After(StepId::AccessToken));
        self.chain = Chain::Done;
    }

    fn exchanged(&mut self, realm: Realm, reply: Result<Reply, Failure>, now_ms: f64) {
        self.view(StepId::RefreshToken).answered = describe(&reply, true);
        let (judged, obtained) = judge::judge_exchange(reply);
        let obtained = obtained.as_deref().and_then(Secret::given);
        if let Some(rt) = &obtained {
            let returned = self.inspect(
                Provenance::Returned,
                rt.expose(),
                &realm,
                None,
                (now_ms / 1000.0) as i64,
            );
            self.view(StepId::RefreshToken).tokens.extend(returned);
        }
        self.done(StepId::RefreshToken, judged, now_ms);
        match obtained {
            Some(rt) if self.go_on(StepId::RefreshToken) => {
                self.access_token(realm, Credential::Refresh(rt, None), now_ms)
            }
            Some(_) => {}
            None => self.skip_rest(
                StepId::RefreshToken,
                SkipReason::After(StepId::RefreshToken),
            ),
        }
    }

    /// Step 5: the access token for the catalog (or the repository), with a refresh token or
    /// Basic.
    fn access_token(&mut self, realm: Realm, credential: Credential, now_ms: f64) {
        let needed = token::scope_access(self.input.repository.as_deref());
        let scope = needed.scope();
        let url = challenge::endpoint(&realm.realm, "/oauth2/token").unwrap_or_default();
        let request = match &credential {
            Credential::Refresh(rt, _) => Request::token(url, &realm.service, &scope, rt),
            Credential::Basic(user, password) => {
                Request::token_basic(&url, &realm.service, &scope, user, password)
            }
        };
        self.ask(StepId::AccessToken, Slot::Chain, Ask::Read(request), now_ms);
        self.chain = Chain::Token {
            realm,
            credential,
            scope,
            needed,
        };
    }

    fn tokened(
        &mut self,
        realm: &Realm,
        credential: Credential,
        scope: &str,
        needed: &Access,
        reply: Result<Reply, Failure>,
        now_ms: f64,
    ) {
        self.view(StepId::AccessToken).answered = describe(&reply, true);
        let (judged, obtained) = judge::judge_token(reply, scope);
        // A refresh token the person gave is shown here, where it is used.
        if let Credential::Refresh(_, Some(given)) = credential {
            self.view(StepId::AccessToken).tokens.push(*given);
        }
        let obtained = obtained.as_deref().and_then(Secret::given);
        if let Some(at) = &obtained {
            let claims = token::decode(at.expose(), self.parse).ok();
            let returned = claims.map(|claims| Inspected {
                provenance: Provenance::Returned,
                problems: token::diagnose(
                    &claims,
                    (now_ms / 1000.0) as i64,
                    Some(&realm.service),
                    None,
                    Some(needed),
                ),
                claims,
            });
            self.view(StepId::AccessToken).tokens.extend(returned);
        }
        self.done(StepId::AccessToken, judged, now_ms);
        match obtained {
            Some(access) if self.go_on(StepId::AccessToken) => self.catalog(&access, now_ms),
            Some(_) => {}
            None => self.skip_rest(StepId::AccessToken, SkipReason::After(StepId::AccessToken)),
        }
    }

    /// Step 6: the catalog, or the repository's tags, with the access token.
    fn catalog(&mut self, access: &Secret, now_ms: f64) {
        let origin = &self.target().origin;
        let url = match &self.input.repository {
            None => format!("{origin}/v2/_catalog"),
            Some(repo) => format!("{origin}/v2/{repo}/tags/list"),
        };
        let request = Request::bearer(url, access);
        self.ask(StepId::Catalog, Slot::Chain, Ask::Read(request), now_ms);
        self.chain = Chain::Catalog;
    }

    /// A token decoded, with what is wrong with it for this registry.
    fn inspect(
        &self,
        provenance: Provenance,
        t: &str,
        realm: &Realm,
        tenant: Option<&str>,
        now_s: i64,
    ) -> Option<Inspected> {
        let claims = token::decode(t, self.parse).ok()?;
        let problems = token::diagnose(&claims, now_s, Some(&realm.service), tenant, None);
        Some(Inspected {
            provenance,
            claims,
            problems,
        })
    }
}

/// No answer, for an answer of the wrong kind.
fn failed(slot: Slot) -> Answer {
    match slot {
        Slot::Dns => Answer::Doh(Err(Failure::Network)),
        Slot::Reachability => Answer::Opaque(Err(Failure::Network)),
        Slot::Chain => Answer::Read(Err(Failure::Network)),
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
