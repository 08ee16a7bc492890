//! Whole probe runs, natively: the core's machine driven against recorded answers (ACR's
//! challenge and token bodies, DNS messages, network failures), as the page drives it against
//! the network. Each fault of the browser's fault matrix (`tests/e2e/probes.test.mjs`) is here,
//! with what the run asks, where secrets go, and how it ends.

mod util;

use acr_doctor_core::probe::dns::base64url;
use acr_doctor_core::probe::request::{ProbeInput, Secret};
use acr_doctor_core::probe::run::{Answer, Ask, HttpAnswer, Run, Slot, StepState};
use acr_doctor_core::probe::steps::{Failure, Outcome, SkipReason, Status, StepId};
use acr_doctor_core::probe::target::parse_target;
use proptest::prelude::*;

const CHALLENGE: &str =
    r#"Bearer realm="https://contoso.azurecr.io/oauth2/token",service="contoso.azurecr.io""#;

fn jwt(claims: &str) -> String {
    format!("eyJhbGciOiJSUzI1NiJ9.{}.c2ln", base64url(claims.as_bytes()))
}

fn entra() -> String {
    jwt(
        r#"{"aud":"https://containerregistry.azure.net","iss":"https://sts.windows.net/t1/","tid":"t1","exp":4000000000}"#,
    )
}

fn input(registry: &str) -> ProbeInput {
    ProbeInput {
        target: parse_target(registry).expect("target"),
        entra: None,
        refresh: None,
        basic: None,
        repository: None,
        tenant: None,
        doh: "https://dns.example/dns-query".into(),
        trusted_origin: None,
    }
}

fn http(status: u16, header: Option<&str>, body: &str) -> Answer {
    Answer::Read(Ok(HttpAnswer {
        status,
        www_authenticate: header.map(str::to_owned),
        body: body.as_bytes().to_vec(),
    }))
}

/// What a run asked, in order: the kind and URL of each request, with whether it carried an
/// `Authorization` header or a form.
#[derive(Debug, Default)]
struct Asked(Vec<String>);

/// Drive a run to its end: every request it asks for is answered by `network` (those asked
/// together in the order asked), with the clock moving 10 ms per answer.
fn drive(mut run: Run, mut network: impl FnMut(&Ask) -> Answer) -> (Run, Asked) {
    let mut asked = Asked::default();
    let mut now = 1_000.0;
    let mut out: Vec<(Slot, Ask)> = Vec::new();
    for _ in 0..100 {
        while let Some(a) = run.next_ask() {
            out.push(a);
        }
        if out.is_empty() {
            break;
        }
        let (slot, ask) = out.remove(0);
        let (kind, r) = match &ask {
            Ask::Doh(r) => ("doh", r),
            Ask::Opaque(r) => ("opaque", r),
            Ask::Read(r) => ("read", r),
        };
        asked.0.push(format!(
            "{kind} {} {}{}",
            r.method,
            r.url,
            if r.authorization().is_some() || r.form().is_some() {
                " +secret"
            } else {
                ""
            }
        ));
        now += 10.0;
        let answer = network(&ask);
        run.answer(slot, answer, now);
    }
    assert!(run.is_done(), "the run ends");
    (run, asked)
}

fn status(run: &Run, step: StepId) -> Status {
    match &run.views()[StepId::BROWSER
        .iter()
        .position(|s| *s == step)
        .expect("step")]
    .state
    {
        StepState::Done(j) => j.status,
        other => panic!("{step:?} not done: {other:?}"),
    }
}

fn outcome(run: &Run, step: StepId) -> Outcome {
    run.views()[StepId::BROWSER
        .iter()
        .position(|s| *s == step)
        .expect("step")]
    .judged()
    .expect("done")
    .outcome
    .clone()
}

/// A healthy Azure registry: every answer as ACR gives it.
fn healthy(ask: &Ask) -> Answer {
    match ask {
        Ask::Doh(r) if r.url.contains("dns.example") => {
            // A name, then its AAAA, then the data endpoint: each a plain answer.
            Answer::Doh(Ok(util::dns_answer(
                0,
                "contoso.azurecr.io",
                Some("weu-acr-reg.westeurope.cloudapp.azure.com"),
                Some([20, 1, 2, 3]),
            )))
        }
        Ask::Doh(_) => Answer::Doh(Err(Failure::Network)),
        Ask::Opaque(_) => Answer::Opaque(Ok(())),
        Ask::Read(r) if r.url.ends_with("/v2/") => http(
            401,
            Some(CHALLENGE),
            r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#,
        ),
        Ask::Read(r) if r.url.contains("/oauth2/exchange") => http(
            200,
            None,
            &format!(
                r#"{{"refresh_token":"{}"}}"#,
                jwt(
                    r#"{"aud":"contoso.azurecr.io","grant_type":"refresh_token","exp":4000000000}"#
                )
            ),
        ),
        Ask::Read(r) if r.url.contains("/oauth2/token") => http(
            200,
            None,
            &format!(
                r#"{{"access_token":"{}"}}"#,
                jwt(
                    r#"{"aud":"contoso.azurecr.io","exp":4000000000,"access":[{"type":"registry","name":"catalog","actions":["*"]}]}"#
                )
            ),
        ),
        Ask::Read(_) => http(200, None, r#"{"repositories":["app"]}"#),
    }
}

#[test]
fn a_healthy_registry_passes_every_step_and_shows_no_secret() {
    let mut i = input("contoso");
    i.entra = Secret::given(&entra());
    let run = Run::new(i, util::PARSE, 0.0);
    let (mut run, asked) = drive(run, healthy);
    for step in StepId::BROWSER {
        assert_eq!(
            status(&run, step),
            Status::Ok,
            "{step:?}: {:?}",
            outcome(&run, step)
        );
    }
    assert_eq!(
        asked
            .0
            .iter()
            .map(|a| a.split('?').next().unwrap_or(""))
            .collect::<Vec<_>>(),
        [
            "doh GET https://dns.example/dns-query",
            "opaque GET https://contoso.azurecr.io/v2/",
            "doh GET https://dns.example/dns-query",
            "doh GET https://dns.example/dns-query",
            "read GET https://contoso.azurecr.io/v2/",
            "read POST https://contoso.azurecr.io/oauth2/exchange +secret",
            "read POST https://contoso.azurecr.io/oauth2/token +secret",
            "read GET https://contoso.azurecr.io/v2/_catalog +secret",
        ]
    );
    let views = run.take_changed();
    assert_eq!(views.len(), StepId::BROWSER.len());
    let shown = format!("{views:?}");
    assert!(!shown.contains(&entra()), "the Entra token is never shown");
    assert!(
        !shown.contains("eyJhbGciOiJSUzI1NiJ9."),
        "no token is shown, only claims"
    );
    let tokens: usize = views.iter().map(|v| v.tokens.len()).sum();
    assert_eq!(
        tokens, 3,
        "the Entra token, the refresh token and the access token, decoded"
    );
    assert!(views.iter().all(|v| v.elapsed_ms.is_some()));
}

#[test]
fn a_registry_that_does_not_answer_skips_the_rest() {
    for failure in [Failure::Network, Failure::Timeout] {
        let (run, asked) = drive(
            Run::new(input("contoso"), util::PARSE, 0.0),
            |ask| match ask {
                Ask::Opaque(_) => Answer::Opaque(Err(failure)),
                other => healthy(other),
            },
        );
        assert_ne!(status(&run, StepId::Reachability), Status::Ok);
        for step in [
            StepId::Challenge,
            StepId::RefreshToken,
            StepId::AccessToken,
            StepId::Catalog,
        ] {
            assert_eq!(
                outcome(&run, step),
                Outcome::Skipped(SkipReason::After(StepId::Reachability))
            );
        }
        assert!(
            !asked.0.iter().any(|a| a.starts_with("read")),
            "nothing read"
        );
    }
}

#[test]
fn an_unreadable_challenge_is_blocked_like_azure_without_cors() {
    let (run, _) = drive(
        Run::new(input("contoso"), util::PARSE, 0.0),
        |ask| match ask {
            Ask::Read(_) => Answer::Read(Err(Failure::Network)),
            other => healthy(other),
        },
    );
    assert_eq!(status(&run, StepId::Challenge), Status::Blocked);
    assert_eq!(
        outcome(&run, StepId::RefreshToken),
        Outcome::Skipped(SkipReason::Unreadable(StepId::Challenge))
    );
}

#[test]
fn a_realm_on_another_host_gets_no_secret() {
    let mut i = input("contoso");
    i.entra = Secret::given(&entra());
    let (run, asked) = drive(Run::new(i, util::PARSE, 0.0), |ask| match ask {
        Ask::Read(r) if r.url.ends_with("/v2/") => http(
            401,
            Some(
                r#"Bearer realm="https://evil.example/oauth2/token",service="contoso.azurecr.io""#,
            ),
            "",
        ),
        other => healthy(other),
    });
    assert_eq!(
        outcome(&run, StepId::RefreshToken),
        Outcome::Skipped(SkipReason::ForeignRealm {
            host: "evil.example".into()
        })
    );
    assert!(!asked
        .0
        .iter()
        .any(|a| a.contains("+secret") || a.contains("evil")));
}

#[test]
fn token_faults_stop_the_chain() {
    for (status_code, body) in [
        (
            401,
            r#"{"errors":[{"code":"UNAUTHORIZED","message":"bad token"}]}"#,
        ),
        (
            429,
            r#"{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}"#,
        ),
        (200, "not json"),
        (
            200,
            &*format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
    ] {
        let mut i = input("contoso");
        i.entra = Secret::given(&entra());
        let (run, asked) = drive(Run::new(i, util::PARSE, 0.0), |ask| match ask {
            Ask::Read(r) if r.url.contains("/oauth2/exchange") => http(status_code, None, body),
            other => healthy(other),
        });
        assert_ne!(
            status(&run, StepId::RefreshToken),
            Status::Ok,
            "{status_code} {body:.40}"
        );
        assert_eq!(
            outcome(&run, StepId::AccessToken),
            Outcome::Skipped(SkipReason::After(StepId::RefreshToken))
        );
        assert!(!asked.0.iter().any(|a| a.contains("/oauth2/token")));
    }
}

#[test]
fn given_credentials_choose_the_token_request() {
    // Admin credentials: no exchange, Basic to the token endpoint, a repository's tags.
    let mut i = input("contoso");
    i.basic = Some(("contoso".into(), Secret::typed("pw")));
    i.repository = Some("app".into());
    let (run, asked) = drive(Run::new(i, util::PARSE, 0.0), healthy);
    assert_eq!(
        outcome(&run, StepId::RefreshToken),
        Outcome::Skipped(SkipReason::BasicCredentials)
    );
    assert_eq!(status(&run, StepId::Catalog), Status::Ok);
    assert!(asked
        .0
        .iter()
        .any(|a| a.contains("/v2/app/tags/list +secret")));
    assert!(!asked.0.iter().any(|a| a.contains("exchange")));
    // Nothing given: both token steps say so.
    let (run, _) = drive(Run::new(input("contoso"), util::PARSE, 0.0), healthy);
    assert_eq!(
        outcome(&run, StepId::RefreshToken),
        Outcome::Skipped(SkipReason::NoEntraToken)
    );
    assert_eq!(
        outcome(&run, StepId::AccessToken),
        Outcome::Skipped(SkipReason::NoCredentials)
    );
    // A refresh token for another registry is not sent.
    let mut i = input("contoso");
    i.refresh = Secret::given(&jwt(
        r#"{"aud":"other.azurecr.io","grant_type":"refresh_token"}"#,
    ));
    let (run, asked) = drive(Run::new(i, util::PARSE, 0.0), healthy);
    assert!(matches!(
        outcome(&run, StepId::AccessToken),
        Outcome::Skipped(SkipReason::RefreshTokenForAnother { .. })
    ));
    assert!(!asked.0.iter().any(|a| a.contains("+secret")));
}

#[test]
fn dns_informs_and_a_refused_resolver_is_not_asked() {
    let (run, _) = drive(
        Run::new(input("contoso"), util::PARSE, 0.0),
        |ask| match ask {
            Ask::Doh(_) => Answer::Doh(Ok(util::dns_answer(3, "contoso.azurecr.io", None, None))),
            other => healthy(other),
        },
    );
    assert_eq!(status(&run, StepId::Dns), Status::Error, "NXDOMAIN");
    assert_eq!(
        status(&run, StepId::Challenge),
        Status::Ok,
        "the browser resolves on its own"
    );
    let mut i = input("contoso");
    i.doh = "ftp://dns.example".into();
    let (run, asked) = drive(Run::new(i, util::PARSE, 0.0), healthy);
    assert_eq!(status(&run, StepId::Dns), Status::Warning);
    assert!(!asked.0.iter().any(|a| a.starts_with("doh")));
    // An address: no DNS question at all.
    let (run, asked) = drive(Run::new(input("127.0.0.1:5000"), util::PARSE, 0.0), healthy);
    assert_eq!(status(&run, StepId::Dns), Status::Skipped);
    assert!(!asked.0.iter().any(|a| a.starts_with("doh")));
}

#[test]
fn cancel_stops_the_run_after_the_step_that_was_running() {
    let mut run = Run::new(input("contoso"), util::PARSE, 0.0);
    let mut out = Vec::new();
    while let Some(a) = run.next_ask() {
        out.push(a);
    }
    run.cancel();
    for (slot, ask) in out {
        let answer = match ask {
            Ask::Doh(_) => Answer::Doh(Err(Failure::Cancelled)),
            Ask::Opaque(_) => Answer::Opaque(Err(Failure::Cancelled)),
            Ask::Read(_) => Answer::Read(Err(Failure::Cancelled)),
        };
        run.answer(slot, answer, 5.0);
    }
    assert!(run.next_ask().is_none() && run.is_done());
    for step in StepId::BROWSER {
        assert_eq!(
            outcome(&run, step),
            Outcome::Skipped(SkipReason::Cancelled),
            "{step:?}"
        );
    }
}

#[test]
fn an_answer_of_another_kind_is_no_answer() {
    let (run, _) = drive(
        Run::new(input("contoso"), util::PARSE, 0.0),
        |ask| match ask {
            Ask::Opaque(_) => Answer::Doh(Ok(vec![1, 2, 3])),
            other => healthy(other),
        },
    );
    assert_ne!(status(&run, StepId::Reachability), Status::Ok);
}

fn any_failure() -> impl Strategy<Value = Failure> {
    prop_oneof![
        Just(Failure::Network),
        Just(Failure::Timeout),
        Just(Failure::Cancelled),
        Just(Failure::Redirect),
        Just(Failure::BadUrl),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever comes back, in any order of kinds: the run ends, every step done, no panic.
    #[test]
    fn any_answers_end_the_run(
        answers in prop::collection::vec(
            (any::<u16>(), prop::option::of("[ -~]{0,80}"), "[ -~]{0,120}", any_failure(), any::<u8>()),
            12,
        ),
        entra_given in any::<bool>(),
    ) {
        let mut i = input("contoso");
        if entra_given {
            i.entra = Secret::given(&entra());
        }
        let mut next = answers.into_iter().cycle();
        let (run, _) = drive(Run::new(i, util::PARSE, 0.0), |ask| {
            let (code, header, body, failure, pick) = next.next().expect("cycle");
            let ok = pick % 4 != 0;
            match ask {
                Ask::Doh(_) => Answer::Doh(if ok { Ok(body.into_bytes()) } else { Err(failure) }),
                Ask::Opaque(_) => Answer::Opaque(if ok { Ok(()) } else { Err(failure) }),
                Ask::Read(_) if pick % 3 == 0 => healthy(ask),
                Ask::Read(_) => Answer::Read(if ok {
                    Ok(HttpAnswer { status: code, www_authenticate: header, body: body.into_bytes() })
                } else {
                    Err(failure)
                }),
            }
        });
        for v in run.views() {
            prop_assert!(matches!(v.state, StepState::Done(_)), "{:?}", v.step);
        }
    }
}
