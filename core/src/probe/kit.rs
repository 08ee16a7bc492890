//! A kit's transcript judged as probe steps: the same steps, codes and words the browser's run
//! shows, plus what only the kit can see (the certificate, the manifest, the data endpoint).

use super::dns;
use super::judge::{judge_answer, judge_challenge, judge_reachability, judge_token};
use super::steps::{
    skipped, Failure, JsonAnswer, Judged, Outcome, Reply, SkipReason, Status, StepId,
};
use super::token::Access;
use super::transcript::{KitLine, KitResult, KitStep, Transcript};
use crate::catalog::Code;

/// One step of a transcript, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitJudged {
    pub step: StepId,
    pub judged: Judged,
    pub ms: Option<u32>,
}

fn judged(status: Status, code: Option<Code>, outcome: Outcome) -> Judged {
    Judged {
        status,
        code,
        outcome,
    }
}

fn failure(line: &KitLine) -> Failure {
    match line.field("error") {
        Some("timeout") => Failure::Timeout,
        _ => Failure::KitNetwork,
    }
}

/// Every step the transcript holds, in the order of [`StepId::ALL`].
pub fn judge(t: &Transcript) -> Vec<KitJudged> {
    let line = |s: KitStep| t.lines.iter().find(|l| l.step == s);
    let mut out = Vec::new();
    let mut push = |step, judged: Judged, ms| {
        out.push(KitJudged { step, judged, ms });
    };
    if let Some(l) = line(KitStep::Dns) {
        let j = match l.result {
            KitResult::Skip => skipped(SkipReason::KitNoDnsTool),
            _ => dns(l),
        };
        push(StepId::Dns, j, l.ms);
    }
    if let Some(l) = line(KitStep::Tcp) {
        let j = match l.result {
            KitResult::Ok => {
                let proxy = l
                    .field("proxy")
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned);
                judged(Status::Ok, None, Outcome::Connected { proxy })
            }
            _ => judge_reachability(Err(failure(l))),
        };
        push(StepId::Reachability, j, l.ms);
    }
    if let Some(l) = line(KitStep::Tls) {
        let issuer = l
            .field("issuer")
            .filter(|i| !i.is_empty())
            .map(str::to_owned);
        let names = l
            .field("names")
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        let j = match l.result {
            KitResult::Ok => judged(Status::Ok, None, Outcome::TlsVerified { issuer, names }),
            _ => judged(
                Status::Error,
                Some(Code::ConnectivitySsl),
                Outcome::TlsRefused { issuer, names },
            ),
        };
        push(StepId::Tls, j, l.ms);
    }
    if let Some(l) = line(KitStep::V2) {
        let reply = match l.result {
            KitResult::Status(status) => Ok(Reply {
                status,
                www_authenticate: l.field("www-authenticate").map(str::to_owned),
                ..Reply::default()
            }),
            _ => Err(failure(l)),
        };
        // The kit reads every answer: nothing is hidden from it as from a browser.
        push(StepId::Challenge, judge_challenge(reply, false).0, l.ms);
    }
    if let Some(l) = line(KitStep::Token) {
        let j = match l.result {
            KitResult::Skip => match (l.field("reason"), l.field("realm")) {
                (Some("foreign-realm"), realm) => {
                    let realm = realm.unwrap_or("");
                    skipped(SkipReason::ForeignRealm {
                        host: crate::values::url_authority(realm)
                            .unwrap_or(realm)
                            .to_owned(),
                    })
                }
                (Some("entra-not-azure"), _) => skipped(SkipReason::KitEntraNotAzure),
                _ => skipped(SkipReason::KitNoCredentials),
            },
            _ => token(l),
        };
        push(StepId::AccessToken, j, l.ms);
    }
    if let Some(l) = line(KitStep::Manifest) {
        let j = match l.result {
            KitResult::Status(200) => judged(Status::Ok, None, Outcome::ManifestFound),
            KitResult::Status(404) => judged(
                Status::Error,
                Some(Code::ManifestUnknown),
                Outcome::ManifestMissing,
            ),
            KitResult::Status(status @ 401) => judged(
                Status::Error,
                Some(Code::RegistryUnauthorized),
                Outcome::ManifestDenied { status },
            ),
            KitResult::Status(status) => judged(
                Status::Error,
                Some(Code::AccessDenied),
                Outcome::ManifestDenied { status },
            ),
            KitResult::Ok | KitResult::Fail | KitResult::Skip => {
                judged(Status::Skipped, None, Outcome::ManifestMissing)
            }
        };
        push(StepId::Manifest, j, l.ms);
    }
    if let Some(j) = data_endpoint(t) {
        push(StepId::DataEndpoint, j.0, j.1);
    }
    out
}

/// The token step: the endpoint's status, then what the token grants against what was asked.
fn token(l: &KitLine) -> Judged {
    let scope = l.field("scope").unwrap_or("");
    let reply = match l.result {
        KitResult::Status(status) => Ok(Reply {
            status,
            // The kit prints a token's length, never the token: a 200 with one is granted.
            json: (status == 200 && l.field("length").is_some_and(|n| n != "0")).then(|| {
                JsonAnswer {
                    access_token: Some(String::new()),
                    ..JsonAnswer::default()
                }
            }),
            ..Reply::default()
        }),
        _ => Err(failure(l)),
    };
    let j = judge_token(reply, scope).0;
    match l.field("granted") {
        Some(granted) if j.status == Status::Ok => judge_granted(scope, granted).unwrap_or(j),
        _ => j,
    }
}

fn dns(l: &KitLine) -> Judged {
    let list = |v: &str| -> Vec<String> {
        v.split(',')
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let addresses = list(l.field("addresses").unwrap_or(""));
    // Present only when the kit asked (an older transcript does not say).
    let addresses6 = l.field("aaaa").map(list);
    let chain: Vec<&str> = l.field("cnames").unwrap_or("").split('>').collect();
    let answer = dns::Answer {
        // The kit prints `ok` only with addresses; anything else is a name it could not resolve.
        rcode: if l.result == KitResult::Ok { 0 } else { 3 },
        cnames: chain
            .windows(2)
            .map(|w| (w[0].to_owned(), w[1].to_owned()))
            .collect(),
        addresses,
        addresses6: Vec::new(),
    };
    let mut j = judge_answer(answer, true);
    if let Outcome::Resolved { addresses6: v6, .. } = &mut j.outcome {
        *v6 = addresses6;
    }
    j
}

/// The blob's redirect and the data endpoint's stages, as one step.
fn data_endpoint(t: &Transcript) -> Option<(Judged, Option<u32>)> {
    let blob = t.lines.iter().find(|l| l.step == KitStep::Blob)?;
    let host = blob.field("location-host").unwrap_or("").to_owned();
    match blob.result {
        KitResult::Status(200) => {
            return Some((judged(Status::Ok, None, Outcome::NotRedirected), blob.ms))
        }
        KitResult::Status(307 | 302 | 301 | 303 | 308) => {
            if let Some(refused) = blob.field("refused") {
                let scheme = (refused == "scheme")
                    .then(|| blob.field("location-scheme").unwrap_or("").to_owned());
                return Some((
                    judged(
                        Status::Warning,
                        None,
                        Outcome::DataNotFollowed { host, scheme },
                    ),
                    blob.ms,
                ));
            }
        }
        KitResult::Status(status @ 401) => {
            return Some((
                judged(
                    Status::Error,
                    Some(Code::RegistryUnauthorized),
                    Outcome::ManifestDenied { status },
                ),
                blob.ms,
            ))
        }
        _ => return None,
    }
    let stages = [
        (KitStep::DataDns, "dns", Code::DnsLookupFailed),
        (KitStep::DataTcp, "tcp", Code::ConnectionFailed),
        (KitStep::DataTls, "tls", Code::TlsUntrusted),
        (KitStep::DataGet, "get", Code::ConnectionFailed),
    ];
    let mut ms = blob.ms;
    for (step, stage, code) in stages {
        let Some(l) = t.lines.iter().find(|l| l.step == step) else {
            continue;
        };
        ms = l.ms.or(ms);
        let failed = match l.result {
            KitResult::Fail => true,
            KitResult::Status(s) => !(200..300).contains(&s),
            KitResult::Ok | KitResult::Skip => false,
        };
        if failed {
            return Some((
                judged(
                    Status::Error,
                    Some(code),
                    Outcome::DataFailed {
                        host: host.clone(),
                        stage,
                    },
                ),
                ms,
            ));
        }
    }
    Some((judged(Status::Ok, None, Outcome::DataReached { host }), ms))
}

/// A token that came back without what was asked: the registry issues one anyway, with only
/// the actions the identity holds (none, for an identity without a role on it).
fn judge_granted(asked: &str, granted: &str) -> Option<Judged> {
    let need = Access::parse(asked)?;
    // An entry without actions grants nothing.
    let held: Vec<Access> = granted
        .split(';')
        .filter_map(Access::parse)
        .filter(|a| !a.actions.is_empty())
        .collect();
    if held.iter().any(|a| a.covers(&need)) {
        return None;
    }
    Some(judged(
        Status::Warning,
        None,
        Outcome::GrantedLess {
            asked: need.scope(),
            granted: held.iter().map(Access::scope).collect(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::transcript::parse;

    fn steps(text: &str) -> Vec<(StepId, Status, Option<Code>)> {
        let t = parse(text.lines()).expect("transcript");
        judge(&t)
            .into_iter()
            .map(|k| (k.step, k.judged.status, k.judged.code))
            .collect()
    }

    #[test]
    fn a_healthy_kit_run() {
        let s = steps("acr-doctor-kit 1 https://r.azurecr.io\ndns ok 3ms addresses=20.1.2.3 cnames=r.azurecr.io>r1.westeurope.cloudapp.azure.com\ntcp ok 20ms\ntls ok 25ms issuer=Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2003 names=*.azurecr.io,azurecr.io\nv2 401 30ms www-authenticate=Bearer%20realm=\"https://r.azurecr.io/oauth2/token\",service=\"r.azurecr.io\"\ntoken 200 40ms length=1200 scope=repository:web:pull\nmanifest 200 12ms\nblob 307 15ms location-host=r.westeurope.data.azurecr.io\ndata-dns ok\ndata-tcp ok\ndata-tls ok\ndata-get 206 30ms\nacr-doctor-kit end");
        assert!(
            s.iter()
                .all(|(_, st, code)| *st == Status::Ok && code.is_none()),
            "{s:?}"
        );
        assert_eq!(s.len(), 7);
    }

    #[test]
    fn a_token_without_the_asked_actions_is_told() {
        let token = |granted: &str| {
            let t = parse(format!("acr-doctor-kit 1 https://r.azurecr.io\ntoken 200 length=900 scope=repository:web:pull{granted}").lines()).expect("transcript");
            judge(&t).remove(0).judged
        };
        assert_eq!(
            token(" granted=repository:web:pull,push").outcome,
            Outcome::Granted {
                scope: "repository:web:pull".into()
            }
        );
        assert_eq!(
            token("").status,
            Status::Ok,
            "no granted field: nothing to compare"
        );
        assert_eq!(
            token(" granted=repository:web:;").outcome,
            Outcome::GrantedLess {
                asked: "repository:web:pull".into(),
                granted: vec![]
            }
        );
        assert_eq!(
            token(" granted=").outcome,
            Outcome::GrantedLess {
                asked: "repository:web:pull".into(),
                granted: vec![]
            }
        );
        let other = token(" granted=repository:api:pull;registry:catalog:*");
        assert_eq!(other.status, Status::Warning);
        assert_eq!(
            other.outcome,
            Outcome::GrantedLess {
                asked: "repository:web:pull".into(),
                granted: vec!["repository:api:pull".into(), "registry:catalog:*".into()]
            }
        );
    }

    #[test]
    fn the_kit_dns_line_carries_ipv6_when_it_asked() {
        let first = |line: &str| {
            let t = parse(format!("acr-doctor-kit 1 https://r.azurecr.io\n{line}").lines())
                .expect("transcript");
            judge(&t).remove(0).judged.outcome
        };
        let v6 = |o: Outcome| match o {
            Outcome::Resolved { addresses6, .. } => addresses6,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            v6(first(
                "dns ok addresses=20.1.2.3 cnames=r.azurecr.io aaaa=2603:1020::4"
            )),
            Some(vec!["2603:1020::4".to_owned()])
        );
        assert_eq!(
            v6(first("dns ok addresses=20.1.2.3 cnames=r.azurecr.io aaaa=")),
            Some(vec![])
        );
        assert_eq!(
            v6(first("dns ok addresses=20.1.2.3 cnames=r.azurecr.io")),
            None
        );
    }

    #[test]
    fn a_step_the_kit_could_not_take_is_skipped_not_failed() {
        let t = parse("acr-doctor-kit 1 https://r.azurecr.io\ndns skip\ntcp ok\nv2 401 www-authenticate=Bearer%20realm=\"https://r.azurecr.io/oauth2/token\",service=\"r.azurecr.io\"\ntoken skip".lines()).expect("transcript");
        let j = judge(&t);
        assert_eq!(j[0].judged, skipped(SkipReason::KitNoDnsTool));
        assert_eq!(j[3].judged, skipped(SkipReason::KitNoCredentials));
    }

    #[test]
    fn the_proxy_and_the_certificate_names_are_told() {
        use crate::probe::words::outcome_text;
        use crate::text::Lang;
        let t = parse("acr-doctor-kit 1 https://r.azurecr.io\ntcp ok 20ms proxy=proxy.contoso.com\ntls fail issuer=Contoso%20Proxy%20CA names=*.contoso.com".lines()).expect("transcript");
        let texts: Vec<String> = judge(&t)
            .iter()
            .map(|k| outcome_text(&k.judged.outcome, Lang::En))
            .collect();
        assert!(
            texts[0].contains("through the proxy proxy.contoso.com"),
            "{texts:?}"
        );
        assert!(texts[1].contains("Contoso Proxy CA"), "{texts:?}");
        assert!(texts[1].contains("It covers: *.contoso.com."), "{texts:?}");
    }

    #[test]
    fn the_data_endpoint_blocked_while_sign_in_works() {
        let s = steps("acr-doctor-kit 1 https://r.azurecr.io\nv2 401 www-authenticate=Bearer%20realm=\"https://r.azurecr.io/oauth2/token\",service=\"r.azurecr.io\"\ntoken 200 length=900\nmanifest 200\nblob 307 location-host=r.westeurope.data.azurecr.io\ndata-dns ok\ndata-tcp fail 10002ms error=timeout");
        assert_eq!(
            s.last(),
            Some(&(
                StepId::DataEndpoint,
                Status::Error,
                Some(Code::ConnectionFailed)
            ))
        );
        assert_eq!(s[0], (StepId::Challenge, Status::Ok, None));
    }

    #[test]
    fn faults_map_to_the_codes() {
        let s = steps("acr-doctor-kit 1 https://r.azurecr.io\ndns fail error=nxdomain\ntls fail issuer=Contoso%20Proxy%20CA\nv2 403\ntoken 401\nmanifest 404");
        assert_eq!(
            s,
            [
                (StepId::Dns, Status::Error, Some(Code::ConnectivityDns)),
                (StepId::Tls, Status::Error, Some(Code::ConnectivitySsl)),
                (
                    StepId::Challenge,
                    Status::Error,
                    Some(Code::ConnectivityForbidden)
                ),
                (
                    StepId::AccessToken,
                    Status::Error,
                    Some(Code::ConnectivityAccessToken)
                ),
                (StepId::Manifest, Status::Error, Some(Code::ManifestUnknown)),
            ]
        );
    }
}
