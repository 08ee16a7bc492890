//! One probe run: the steps `az acr check-health` takes, from this browser, in order. Each step
//! is reported running, then judged by the core; a step whose prerequisite failed is skipped.
//! Secrets stay in this function's locals: what is reported holds no token, only decoded claims.

use acr_doctor_core::catalog::Code;
use acr_doctor_core::probe::challenge::{self, Challenge};
use acr_doctor_core::probe::dns;
use acr_doctor_core::probe::settings;
use acr_doctor_core::probe::steps::{
    self, Failure, Judged, Outcome, Reply, SkipReason, Status, StepId,
};
use acr_doctor_core::probe::target::Target;
use acr_doctor_core::probe::token::{self, Claims, Problem};
use acr_doctor_core::probe::trust;
use yew::Callback;

use crate::net::Net;

/// What the person asked for. Secrets are moved in and dropped with the run.
#[derive(Clone)]
pub struct ProbeInput {
    pub target: Target,
    pub entra_token: String,
    pub refresh_token: String,
    pub username: String,
    pub password: String,
    pub repository: String,
    /// The registry's tenant, when the person knows it: an Entra token from another is flagged.
    pub tenant: String,
    pub doh: String,
    /// The origin the person ticked "send my token to"; secrets go to a non-Azure registry only
    /// when it is this one.
    pub trusted_origin: Option<String>,
}

/// What the page shows of a step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    pub step: StepId,
    pub status: Status,
    pub code: Option<Code>,
    pub outcome: Option<Outcome>,
    pub elapsed_ms: Option<u32>,
    /// Method and URL, and form fields with secrets hidden.
    pub asked: Option<String>,
    /// Status, the headers that matter, the start of the body.
    pub answered: Vec<String>,
    /// The tokens this step used or obtained, decoded, with what is wrong with them.
    pub tokens: Vec<(Claims, Vec<Problem>)>,
    /// The terminal command that checks the same thing.
    pub command: String,
}

impl StepView {
    pub fn pending(step: StepId, target: &Target) -> Self {
        StepView {
            step,
            status: Status::Skipped,
            code: None,
            outcome: None,
            elapsed_ms: None,
            asked: None,
            answered: Vec::new(),
            tokens: Vec::new(),
            command: steps::command(step, target),
        }
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn now_s() -> i64 {
    (now_ms() / 1000.0) as i64
}

struct Runner<'a> {
    net: Net,
    target: &'a Target,
    emit: Callback<StepView>,
}

impl Runner<'_> {
    fn running(&self, step: StepId, asked: Option<String>) -> (StepView, f64) {
        let mut v = StepView::pending(step, self.target);
        v.status = Status::Running;
        v.asked = asked;
        self.emit.emit(v.clone());
        (v, now_ms())
    }

    fn finish(&self, mut v: StepView, start: f64, j: Judged) -> Status {
        let j = if self.net.is_cancelled() {
            steps::skipped(SkipReason::Cancelled)
        } else {
            j
        };
        v.elapsed_ms = Some((now_ms() - start).max(0.0) as u32);
        v.status = j.status;
        v.code = j.code;
        v.outcome = Some(j.outcome);
        self.emit.emit(v);
        j.status
    }

    fn skip(&self, step: StepId, reason: SkipReason) {
        let mut v = StepView::pending(step, self.target);
        v.outcome = Some(Outcome::Skipped(reason));
        self.emit.emit(v);
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
        let keys = r.json_keys();
        let fields = keys
            .iter()
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

pub async fn run(input: ProbeInput, net: Net, emit: Callback<StepView>) {
    let target = &input.target;
    let r = Runner {
        net: net.clone(),
        target,
        emit,
    };
    let v2 = format!("{}/v2/", target.origin);

    // 1. DNS over HTTPS: the public view of the name. The browser resolves names on its own,
    // so the run goes on whatever this step finds.
    let url = match (target.skip_dns, settings::resolver(&input.doh)) {
        (Some(_), _) => None,
        (None, Err(e)) => Some(Err(Outcome::ResolverRefused(e))),
        (None, Ok(resolver)) => {
            Some(dns::get_url(&resolver, &target.host).map_err(Outcome::ResolverGarbage))
        }
    };
    let asked = match &url {
        Some(Ok(url)) => Some(format!("GET {url}  (Accept: application/dns-message)")),
        _ => None,
    };
    let (v, start) = r.running(StepId::Dns, asked);
    let judged = match url {
        // An address or localhost: the judge skips the step.
        None => steps::judge_dns(target, Err(Failure::Network)),
        Some(Ok(url)) => steps::judge_dns(target, net.doh(&url).await),
        Some(Err(outcome)) => Judged {
            status: Status::Warning,
            code: None,
            outcome,
        },
    };
    r.finish(v, start, judged);
    if net.is_cancelled() {
        return cancel_rest(&r, StepId::Dns);
    }

    // 2. Reachability: a no-cors GET is answered (opaquely) whenever DNS, TCP, TLS and HTTP work.
    let (v, start) = r.running(
        StepId::Reachability,
        Some(format!("GET {v2}  (mode: no-cors)")),
    );
    let reachable =
        r.finish(v, start, steps::judge_reachability(net.opaque(&v2).await)) == Status::Ok;
    if net.is_cancelled() {
        return cancel_rest(&r, StepId::Reachability);
    }

    // 3. Challenge: the same GET in cors mode, readable only if the registry allows it.
    let challenge: Option<Challenge> = if reachable {
        let (mut v, start) = r.running(StepId::Challenge, Some(format!("GET {v2}  (mode: cors)")));
        let reply = net.get(&v2, None).await;
        v.answered = describe(&reply, false);
        let (j, ch) = steps::judge_challenge(reply, reachable);
        let blocked = j.status == Status::Blocked;
        r.finish(v, start, j);
        if blocked {
            for s in [StepId::RefreshToken, StepId::AccessToken, StepId::Catalog] {
                r.skip(s, SkipReason::Unreadable(StepId::Challenge));
            }
            return;
        }
        ch
    } else {
        r.skip(StepId::Challenge, SkipReason::After(StepId::Reachability));
        None
    };
    if net.is_cancelled() {
        return cancel_rest(&r, StepId::Challenge);
    }
    let Some(ch) = challenge else {
        for s in [StepId::RefreshToken, StepId::AccessToken, StepId::Catalog] {
            r.skip(s, SkipReason::After(StepId::Challenge));
        }
        return;
    };
    let realm = ch.param("realm").unwrap_or("").to_owned();
    let service = ch.param("service").unwrap_or("").to_owned();
    // Secrets go only to the registry's own origin: a realm elsewhere gets none of them.
    if challenge::endpoint(&realm, "") != Some(target.origin.clone()) {
        let host = acr_doctor_core::values::url_authority(&realm)
            .unwrap_or(&realm)
            .to_owned();
        for s in [StepId::RefreshToken, StepId::AccessToken, StepId::Catalog] {
            r.skip(s, SkipReason::ForeignRealm { host: host.clone() });
        }
        return;
    }
    // Secrets go to Azure's registries, or to the one origin the person ticked; nowhere else.
    let entra = input.entra_token.trim();
    let given_refresh = input.refresh_token.trim();
    let has_secret =
        !entra.is_empty() || !given_refresh.is_empty() || !input.username.trim().is_empty();
    if has_secret && !trust::may_send_secrets(target, input.trusted_origin.as_deref()) {
        let reason = SkipReason::NotTrusted {
            origin: target.origin.clone(),
        };
        r.skip(StepId::RefreshToken, reason.clone());
        r.skip(StepId::AccessToken, reason);
        r.skip(StepId::Catalog, SkipReason::After(StepId::AccessToken));
        return;
    }
    // A refresh token is for one registry: sent only to the one it was issued for.
    if !given_refresh.is_empty() {
        let claims = token::decode(given_refresh).ok();
        if let Err(audience) = trust::refresh_token_fits(claims.as_ref(), &service, target) {
            r.skip(StepId::RefreshToken, SkipReason::RefreshTokenGiven);
            r.skip(
                StepId::AccessToken,
                SkipReason::RefreshTokenForAnother { audience },
            );
            r.skip(StepId::Catalog, SkipReason::After(StepId::AccessToken));
            return;
        }
    }
    let basic = (!input.username.trim().is_empty())
        .then(|| (input.username.trim().to_owned(), input.password.clone()));
    let scope_access = token::scope_access(Some(input.repository.trim()).filter(|s| !s.is_empty()));
    let scope = scope_access.scope();

    // 4. Refresh token: exchange the Entra token, unless an ACR refresh token was given.
    let mut refresh: Option<String> = Some(given_refresh.to_owned()).filter(|t| !t.is_empty());
    if refresh.is_some() {
        r.skip(StepId::RefreshToken, SkipReason::RefreshTokenGiven);
    } else if basic.is_some() && entra.is_empty() {
        r.skip(StepId::RefreshToken, SkipReason::BasicCredentials);
    } else if entra.is_empty() {
        r.skip(StepId::RefreshToken, SkipReason::NoEntraToken);
    } else {
        let url = challenge::endpoint(&realm, "/oauth2/exchange").unwrap_or_default();
        let tenant = token::decode(entra)
            .ok()
            .and_then(|c| c.tenant)
            .unwrap_or_default();
        let mut fields = vec![
            ("grant_type", "access_token"),
            ("service", service.as_str()),
        ];
        if !tenant.is_empty() {
            fields.push(("tenant", tenant.as_str()));
        }
        fields.push(("access_token", entra));
        let asked = format!(
            "POST {url}  grant_type=access_token&service={service}{}&access_token=(hidden)",
            if tenant.is_empty() {
                String::new()
            } else {
                format!("&tenant={tenant}")
            }
        );
        let (mut v, start) = r.running(StepId::RefreshToken, Some(asked));
        let reply = net.post_form(&url, &fields).await;
        v.answered = describe(&reply, true);
        let (j, rt) = steps::judge_exchange(reply);
        let expected_tenant = Some(input.tenant.trim()).filter(|t| !t.is_empty());
        v.tokens
            .extend(inspect(entra, &service, expected_tenant, None));
        v.tokens
            .extend(rt.as_deref().and_then(|t| inspect(t, &service, None, None)));
        r.finish(v, start, j);
        refresh = rt;
    }
    if net.is_cancelled() {
        return cancel_rest(&r, StepId::RefreshToken);
    }

    // 5. Access token for the catalog (or the repository).
    let url = challenge::endpoint(&realm, "/oauth2/token").unwrap_or_default();
    let access: Option<String> = if let Some(rt) = &refresh {
        let fields = [
            ("grant_type", "refresh_token"),
            ("service", service.as_str()),
            ("scope", scope.as_str()),
            ("refresh_token", rt.as_str()),
        ];
        let asked = format!("POST {url}  grant_type=refresh_token&service={service}&scope={scope}&refresh_token=(hidden)");
        let (mut v, start) = r.running(StepId::AccessToken, Some(asked));
        let reply = net.post_form(&url, &fields).await;
        v.answered = describe(&reply, true);
        let (j, at) = steps::judge_token(reply, &scope);
        if input.refresh_token.trim() == rt.as_str() {
            v.tokens.extend(inspect(rt, &service, None, None));
        }
        v.tokens.extend(
            at.as_deref()
                .and_then(|t| inspect(t, &service, None, Some(&scope_access))),
        );
        r.finish(v, start, j);
        at
    } else if let Some((user, password)) = &basic {
        let query = format!("?service={}&scope={}", encode(&service), encode(&scope));
        let auth = format!(
            "Basic {}",
            dns::base64(format!("{user}:{password}").as_bytes())
        );
        let (mut v, start) = r.running(
            StepId::AccessToken,
            Some(format!("GET {url}{query}  (Authorization: Basic, hidden)")),
        );
        let reply = net.get(&format!("{url}{query}"), Some(&auth)).await;
        v.answered = describe(&reply, true);
        let (j, at) = steps::judge_token(reply, &scope);
        v.tokens.extend(
            at.as_deref()
                .and_then(|t| inspect(t, &service, None, Some(&scope_access))),
        );
        r.finish(v, start, j);
        at
    } else {
        let reason = if entra.is_empty() {
            SkipReason::NoCredentials
        } else {
            SkipReason::After(StepId::RefreshToken)
        };
        r.skip(StepId::AccessToken, reason);
        None
    };
    if net.is_cancelled() {
        return cancel_rest(&r, StepId::AccessToken);
    }

    // 6. The catalog (or the repository's tags) with the access token.
    let Some(at) = access else {
        r.skip(StepId::Catalog, SkipReason::After(StepId::AccessToken));
        return;
    };
    let repo = input.repository.trim();
    let (url, what) = if repo.is_empty() {
        (
            format!("{}/v2/_catalog", target.origin),
            "catalog".to_owned(),
        )
    } else {
        (
            format!("{}/v2/{repo}/tags/list", target.origin),
            format!("{repo} tags"),
        )
    };
    let (mut v, start) = r.running(
        StepId::Catalog,
        Some(format!("GET {url}  (Authorization: Bearer, hidden)")),
    );
    let reply = net.get(&url, Some(&format!("Bearer {at}"))).await;
    v.answered = describe(&reply, false);
    r.finish(v, start, steps::judge_catalog(reply, &what));
}

fn cancel_rest(r: &Runner<'_>, after: StepId) {
    for s in StepId::ALL.into_iter().skip_while(|s| *s != after).skip(1) {
        r.skip(s, SkipReason::Cancelled);
    }
}

fn inspect(
    t: &str,
    service: &str,
    tenant: Option<&str>,
    needed: Option<&token::Access>,
) -> Option<(Claims, Vec<Problem>)> {
    let claims = token::decode(t).ok()?;
    let problems = token::diagnose(
        &claims,
        now_s(),
        Some(service),
        tenant.filter(|t| !t.is_empty()),
        needed,
    );
    Some((claims, problems))
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s)
        .as_string()
        .unwrap_or_default()
}
