//! Each probe's observation → its status and the code `az acr check-health` would report.

use super::challenge::{self, Challenge};
use super::dns::{self, Answer};
use super::steps::{
    judged, skipped, DataDns, Failure, JsonAnswer, Judged, Outcome, Reached, Reply, SkipReason,
    Status,
};
use super::target::Target;
use crate::catalog::Code;

pub fn judge_dns(target: &Target, answer: Result<Vec<u8>, Failure>) -> Judged {
    if let Some(skip) = target.skip_dns {
        return skipped(SkipReason::Address(skip));
    }
    let bytes = match answer {
        Ok(b) => b,
        Err(f) => return judged(Status::Warning, None, Outcome::ResolverFailed(f)),
    };
    let a: Answer = match dns::parse(&bytes) {
        Ok(a) => a,
        Err(e) => return judged(Status::Warning, None, Outcome::ResolverGarbage(e)),
    };
    judge_answer(a, false)
}

/// An answer about the registry's name, from the page's resolver or from the kit's machine.
pub fn judge_answer(a: Answer, by_kit: bool) -> Judged {
    match a.rcode {
        3 => judged(
            Status::Error,
            Some(Code::ConnectivityDns),
            Outcome::NoSuchName,
        ),
        0 if a.private_link().is_some() || a.private_address().is_some() => judged(
            Status::Warning,
            None,
            Outcome::PrivateEndpoint {
                link: a.private_link().map(str::to_owned),
                address: a.private_address().map(str::to_owned),
                addresses: a.addresses.clone(),
            },
        ),
        0 if a.addresses.is_empty() => judged(
            Status::Error,
            Some(Code::ConnectivityDns),
            Outcome::NoSuchName,
        ),
        0 => judged(
            Status::Ok,
            None,
            Outcome::Resolved {
                region: a.region().map(str::to_owned),
                addresses: a.addresses,
                cnames: a.cnames,
                data: None,
                addresses6: None,
                by_kit,
            },
        ),
        _ => judged(
            Status::Warning,
            None,
            Outcome::DnsOther {
                rcode: a.rcode_name().to_owned(),
            },
        ),
    }
}

/// The data endpoint to ask about after a DNS step: a resolved Azure login server whose chain
/// names its region.
pub fn data_endpoint_host(target: &Target, dns_step: &Judged) -> Option<String> {
    match (&dns_step.outcome, &target.name) {
        (
            Outcome::Resolved {
                region: Some(region),
                ..
            },
            Some(name),
        ) => dns::data_endpoint(&target.host, name, region),
        _ => None,
    }
}

/// The DNS step with the AAAA answer added (only to a resolved name; an answer that cannot be
/// read adds nothing).
pub fn with_ipv6(mut dns_step: Judged, answer: Result<Vec<u8>, Failure>) -> Judged {
    let said = answer.ok().and_then(|b| dns::parse(&b).ok());
    if let (Outcome::Resolved { addresses6, .. }, Some(a)) = (&mut dns_step.outcome, said) {
        if a.rcode == 0 {
            *addresses6 = Some(a.addresses6);
        }
    }
    dns_step
}

/// The DNS step with what the resolver said of the data endpoint added (only to a resolved name).
pub fn with_data_endpoint(
    mut dns_step: Judged,
    host: String,
    answer: Result<Vec<u8>, Failure>,
) -> Judged {
    let found = answer.ok().and_then(|b| dns::parse(&b).ok());
    let said = match found {
        Some(a) if a.rcode == 0 && !a.addresses.is_empty() => DataDns::Found {
            host,
            addresses: a.addresses,
        },
        Some(a) if a.rcode == 3 => DataDns::Missing { host },
        _ => DataDns::Unknown { host },
    };
    if let Outcome::Resolved { data, .. } = &mut dns_step.outcome {
        *data = Some(said);
    }
    dns_step
}

/// The `no-cors` GET of `/v2/`: an answer came (`Reached` says what worked to get it), or not.
pub fn judge_reachability(opaque: Result<Reached, Failure>) -> Judged {
    match opaque {
        Ok(reached) => judged(Status::Ok, None, Outcome::Reachable(reached)),
        Err(f) => judged(
            Status::Error,
            Some(Code::ConnectivityChallenge),
            Outcome::Unreachable(f),
        ),
    }
}

/// The `cors` GET of `/v2/`, knowing whether the `no-cors` one got an answer.
pub fn judge_challenge(
    reply: Result<Reply, Failure>,
    reachable: bool,
) -> (Judged, Option<Challenge>) {
    let r = match reply {
        Ok(r) => r,
        Err(Failure::Network) if reachable => {
            return (judged(Status::Blocked, None, Outcome::Unreadable), None)
        }
        Err(f) => {
            return (
                judged(
                    Status::Error,
                    Some(Code::ConnectivityChallenge),
                    Outcome::ChallengeFailed(f),
                ),
                None,
            )
        }
    };
    let parsed = r.www_authenticate.as_deref().and_then(challenge::parse);
    match (challenge::v2_code(r.status, parsed.as_ref()), parsed) {
        (None, Some(c)) => {
            let realm = c.param("realm").unwrap_or("").to_owned();
            let service = c.param("service").unwrap_or("").to_owned();
            (
                judged(Status::Ok, None, Outcome::Challenged { realm, service }),
                Some(c),
            )
        }
        (Some(code @ Code::ConnectivityForbidden), _) => (
            judged(
                Status::Error,
                Some(code),
                Outcome::Forbidden {
                    detail: r.registry_error(),
                },
            ),
            None,
        ),
        (Some(code @ Code::ConnectivityAadLogin), c) => (
            judged(
                Status::Error,
                Some(code),
                Outcome::NotBearer {
                    scheme: c.map(|c| c.scheme).unwrap_or_default(),
                },
            ),
            None,
        ),
        (code, _) => (
            judged(
                Status::Error,
                Some(code.unwrap_or(Code::ConnectivityChallenge)),
                Outcome::NoChallenge { status: r.status },
            ),
            None,
        ),
    }
}

/// `POST /oauth2/exchange`; the refresh token on success.
pub fn judge_exchange(reply: Result<Reply, Failure>) -> (Judged, Option<String>) {
    judge_token_endpoint(
        reply,
        ("refresh_token", |a| a.refresh_token),
        Code::ConnectivityRefreshToken,
        Outcome::Exchanged,
    )
}

/// `/oauth2/token`; the access token on success.
pub fn judge_token(reply: Result<Reply, Failure>, scope: &str) -> (Judged, Option<String>) {
    let granted = Outcome::Granted {
        scope: scope.to_owned(),
    };
    judge_token_endpoint(
        reply,
        ("access_token", |a| a.access_token),
        Code::ConnectivityAccessToken,
        granted,
    )
}

/// Both token endpoints answer the same way: 200 with the token in `field`, 429 when throttled,
/// another status for a refusal (reported under `code`).
fn judge_token_endpoint(
    reply: Result<Reply, Failure>,
    (field, token): (&'static str, fn(JsonAnswer) -> Option<String>),
    code: Code,
    ok: Outcome,
) -> (Judged, Option<String>) {
    let refused = |status, detail| {
        judged(
            Status::Error,
            Some(code),
            Outcome::TokenRefused { status, detail },
        )
    };
    match reply {
        Ok(r) if r.status == 200 => match r.json.and_then(token) {
            Some(t) => (judged(Status::Ok, None, ok), Some(t)),
            None => (
                judged(Status::Error, Some(code), Outcome::NoToken { field }),
                None,
            ),
        },
        Ok(r) if r.status == 429 => (
            judged(
                Status::Error,
                Some(Code::ConnectivityTooManyRequests),
                Outcome::Throttled,
            ),
            None,
        ),
        Ok(r) => (refused(r.status, r.registry_error()), None),
        Err(Failure::Network) => (judged(Status::Blocked, None, Outcome::Unreadable), None),
        Err(f) => (
            judged(Status::Error, Some(code), Outcome::TokenFailed(f)),
            None,
        ),
    }
}

/// `GET /v2/_catalog` or `/v2/<repo>/tags/list` with the access token.
pub fn judge_catalog(reply: Result<Reply, Failure>, what: &str) -> Judged {
    match reply {
        Ok(r) if r.status == 200 => {
            let list = r.json.and_then(|a| a.repositories.or(a.tags));
            match list {
                Some(list) => judged(
                    Status::Ok,
                    None,
                    Outcome::Listed {
                        what: what.to_owned(),
                        names: list.into_iter().take(50).collect(),
                    },
                ),
                // A proxy's page or a login form answers 200 too: that is no catalog.
                None => judged(Status::Warning, None, Outcome::NotAList),
            }
        }
        Ok(r) if r.status == 404 => judged(
            Status::Warning,
            None,
            Outcome::NoSuchRepository {
                detail: r.registry_error(),
            },
        ),
        Ok(r) => {
            let detail = r
                .www_authenticate
                .as_deref()
                .and_then(challenge::parse)
                .and_then(|c| c.param("error").map(str::to_owned))
                .or_else(|| r.registry_error());
            judged(
                Status::Error,
                Some(Code::ConnectivityAccessToken),
                Outcome::Denied {
                    status: r.status,
                    detail,
                },
            )
        }
        Err(Failure::Network) => judged(Status::Blocked, None, Outcome::Unreadable),
        Err(f) => judged(
            Status::Error,
            Some(Code::ConnectivityAccessToken),
            Outcome::CatalogFailed(f),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::steps::{command, StepId};
    use crate::probe::target::parse_target;
    use crate::probe::target::SkipDns;

    fn reply(status: u16, header: Option<&str>, body: &str) -> Result<Reply, Failure> {
        Ok(Reply {
            status,
            www_authenticate: header.map(str::to_owned),
            body: body.to_owned(),
            json: JsonAnswer::read(body.as_bytes(), |b| serde_json::from_slice(b).ok()),
        })
    }

    #[test]
    fn challenge_outcomes_map_to_the_clis_codes() {
        let ok = judge_challenge(
            reply(
                401,
                Some(r#"Bearer realm="http://h/oauth2/token",service="s""#),
                "",
            ),
            true,
        )
        .0;
        assert_eq!((ok.status, ok.code), (Status::Ok, None));
        let denied = judge_challenge(reply(403, None, r#"{"errors":[{"code":"DENIED","message":"client with IP '1.2.3.4' is not allowed access."}]}"#), true).0;
        assert_eq!(denied.code, Some(Code::ConnectivityForbidden));
        assert_eq!(
            denied.outcome,
            Outcome::Forbidden {
                detail: Some("DENIED: client with IP '1.2.3.4' is not allowed access.".into())
            }
        );
        assert_eq!(
            judge_challenge(reply(404, None, ""), true).0.code,
            Some(Code::ConnectivityChallenge)
        );
        assert_eq!(
            judge_challenge(reply(401, Some(r#"Basic realm="r""#), ""), true)
                .0
                .code,
            Some(Code::ConnectivityAadLogin)
        );
        assert_eq!(
            judge_challenge(Err(Failure::Network), true).0.status,
            Status::Blocked
        );
        assert_eq!(
            judge_challenge(Err(Failure::Network), false).0.status,
            Status::Error
        );
        assert_eq!(
            judge_challenge(Err(Failure::Timeout), true).0.code,
            Some(Code::ConnectivityChallenge)
        );
    }

    #[test]
    fn token_outcomes() {
        let (j, t) = judge_exchange(reply(200, None, r#"{"refresh_token":"rt"}"#));
        assert_eq!((j.status, t.as_deref()), (Status::Ok, Some("rt")));
        assert_eq!(
            judge_exchange(reply(429, None, "")).0.code,
            Some(Code::ConnectivityTooManyRequests)
        );
        assert_eq!(
            judge_exchange(reply(401, None, "")).0.outcome,
            Outcome::TokenRefused {
                status: 401,
                detail: None
            }
        );
        assert_eq!(
            judge_token(reply(401, None, ""), "registry:catalog:*")
                .0
                .code,
            Some(Code::ConnectivityAccessToken)
        );
        let denied = judge_catalog(
            reply(
                401,
                Some(r#"Bearer realm="r",service="s",error="insufficient_scope""#),
                "",
            ),
            "catalog",
        );
        assert_eq!(
            denied.outcome,
            Outcome::Denied {
                status: 401,
                detail: Some("insufficient_scope".into())
            }
        );
        let missing = judge_catalog(
            reply(
                404,
                None,
                r#"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#,
            ),
            "x tags",
        );
        assert_eq!((missing.status, missing.code), (Status::Warning, None));
        let listed = judge_catalog(reply(200, None, r#"{"repositories":["hello"]}"#), "catalog");
        assert_eq!(
            listed.outcome,
            Outcome::Listed {
                what: "catalog".into(),
                names: vec!["hello".into()]
            }
        );
    }

    #[test]
    fn dns_outcomes() {
        let t = parse_target("r").expect("t");
        assert_eq!(
            judge_dns(&t, Ok(vec![0, 0, 0x81, 0x83, 0, 0, 0, 0, 0, 0, 0, 0])).code,
            Some(Code::ConnectivityDns)
        );
        assert_eq!(judge_dns(&t, Err(Failure::Network)).status, Status::Warning);
        let ip = parse_target("http://127.0.0.1:1").expect("ip");
        assert_eq!(
            judge_dns(&ip, Err(Failure::Network)).outcome,
            Outcome::Skipped(SkipReason::Address(SkipDns::Address))
        );
        assert_eq!(
            command(StepId::Challenge, &t),
            "curl -si https://r.azurecr.io/v2/"
        );
    }
}
