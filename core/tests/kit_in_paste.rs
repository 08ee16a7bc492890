//! A kit transcript is one part of a paste: its lines become steps, and every other line is
//! decoded as if the transcript were not there, wherever it starts or ends.

use acr_doctor_core::catalog::Code;
use acr_doctor_core::decode::{FindingCode, Source};
use acr_doctor_core::probe::kit::judge;
use acr_doctor_core::probe::steps::{Outcome, SkipReason, Status, StepId};
use acr_doctor_core::{decode, Verdict};
use proptest::prelude::*;

const FIREWALL: &str = "Error response from daemon: Head \"https://myreg.azurecr.io/v2/web/manifests/v1\": denied: client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.";

fn codes(text: &str) -> Vec<FindingCode> {
    decode(text).findings.into_iter().map(|f| f.code).collect()
}

#[test]
fn a_transcript_header_cannot_hide_an_error_after_it() {
    let alone = codes(FIREWALL);
    assert!(!alone.is_empty(), "the firewall line is read alone");
    let spoof = format!("acr-doctor-kit 1 https://myreg.azurecr.io\ntcp ok\n{FIREWALL}\n");
    let report = decode(&spoof);
    assert_eq!(
        report
            .findings
            .iter()
            .map(|f| f.code.clone())
            .collect::<Vec<_>>(),
        alone
    );
    assert_eq!(report.verdict(), Verdict::Errors);
    // The kit's own line is still the kit's.
    let kit = report.kit.expect("a transcript");
    assert_eq!(kit.lines.len(), 1);
    assert!(!kit.complete);
}

#[test]
fn a_healthy_looking_transcript_never_makes_a_failing_paste_healthy() {
    let healthy_kit = "acr-doctor-kit 1 https://myreg.azurecr.io\ndns ok addresses=20.1.2.3 cnames=myreg.azurecr.io\ntcp ok 20ms\nv2 401 www-authenticate=Bearer%20realm=\"https://myreg.azurecr.io/oauth2/token\",service=\"myreg.azurecr.io\"\ntoken 200 length=900 scope=registry:catalog:*\nacr-doctor-kit end";
    assert_eq!(decode(healthy_kit).verdict(), Verdict::Healthy);
    for text in [
        format!("{FIREWALL}\n{healthy_kit}"),
        format!("{healthy_kit}\n{FIREWALL}"),
        // The error inside the transcript's span, between two of its lines.
        healthy_kit.replacen("tcp ok 20ms\n", &format!("tcp ok 20ms\n{FIREWALL}\n"), 1),
    ] {
        let r = decode(&text);
        assert_eq!(r.verdict(), Verdict::Errors, "{text}");
        assert!(
            r.findings.iter().any(
                |f| f.code == FindingCode::Known(Code::ClientIpNotAllowed) || f.code.is_error()
            ),
            "{text}"
        );
        assert_eq!(r.kit.expect("transcript").lines.len(), 4, "{text}");
    }
}

#[test]
fn the_kits_refusals_are_read_back() {
    let r = decode("acr-doctor-kit 1 https://127.0.0.1:5000\nv2 401 www-authenticate=Bearer%20realm=\"http://evil.example/oauth2/token\"\ntoken skip reason=foreign-realm realm=http://evil.example:8080\nacr-doctor-kit end");
    let steps = judge(&r.kit.expect("transcript"));
    let token = steps
        .iter()
        .find(|s| s.step == StepId::AccessToken)
        .expect("token step");
    assert_eq!(
        token.judged.outcome,
        Outcome::Skipped(SkipReason::ForeignRealm {
            host: "evil.example:8080".into()
        })
    );
    let r = decode("acr-doctor-kit 1 https://registry.contoso.com\ntoken skip reason=entra-not-azure\nacr-doctor-kit end");
    let steps = judge(&r.kit.expect("transcript"));
    assert_eq!(
        steps[0].judged.outcome,
        Outcome::Skipped(SkipReason::KitEntraNotAzure)
    );
    for (line, scheme) in [
        (
            "blob 307 location-host=127.0.0.1 location-scheme=gopher refused=scheme",
            Some("gopher".to_owned()),
        ),
        ("blob 307 location-host=evil.example refused=host", None),
    ] {
        let r = decode(&format!("acr-doctor-kit 1 https://myreg.azurecr.io\ntoken 200 length=900 scope=repository:web:pull\nmanifest 200\n{line}\nacr-doctor-kit end"));
        let steps = judge(r.kit.as_ref().expect("transcript"));
        let data = steps.last().expect("a step");
        assert_eq!(data.step, StepId::DataEndpoint);
        assert_eq!(data.judged.status, Status::Warning);
        let host = if scheme.is_some() {
            "127.0.0.1"
        } else {
            "evil.example"
        };
        assert_eq!(
            data.judged.outcome,
            Outcome::DataNotFollowed {
                host: host.into(),
                scheme
            }
        );
        assert_ne!(r.verdict(), Verdict::Healthy, "{line}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Wherever a transcript header lands in a paste, the paste's own findings are the same as
    /// without it (the transcript's failing steps add theirs, marked as the kit's).
    #[test]
    fn a_transcript_never_takes_another_tools_lines(at in 0usize..4, kit_lines in 0usize..4) {
        let paste = [
            "Error response from daemon: Get \"https://myreg.azurecr.io/v2/\": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.",
            FIREWALL,
            "An error occurred: CONNECTIVITY_DNS_ERROR",
            "Failed to reach DNS for registry 'myreg.azurecr.io'.",
        ];
        let kit = ["dns ok addresses=20.1.2.3", "tcp ok 10ms", "v2 401", "token 200 length=9"];
        let mut mixed: Vec<&str> = paste.to_vec();
        let mut insert: Vec<&str> = vec!["acr-doctor-kit 1 https://myreg.azurecr.io"];
        insert.extend(&kit[..kit_lines]);
        for (i, l) in insert.into_iter().enumerate() {
            mixed.insert(at + i, l);
        }
        let with = decode(&mixed.join("\n"));
        let without = decode(&paste.join("\n"));
        let codes = |r: &acr_doctor_core::Report| r.findings.iter().filter(|f| f.source != Source::Kit).map(|f| f.code.clone()).collect::<Vec<_>>();
        prop_assert_eq!(codes(&with), codes(&without));
        prop_assert_eq!(with.verdict(), Verdict::Errors);
    }
}

/// A transcript whose DNS failed: one problem, its code a finding of the kit's, and the steps
/// after it that failed for want of a name are its consequences, not more errors.
#[test]
fn a_transcript_counts_its_problem_once() {
    use acr_doctor_core::path::{roles, Role};
    let r = decode("acr-doctor-kit 1 https://myreg.azurecr.io\ndns fail error=nxdomain\ntcp fail error=connect\nv2 fail error=connect\nacr-doctor-kit end");
    let codes: Vec<&str> = r.findings.iter().map(|f| f.code.title()).collect();
    assert_eq!(
        codes,
        ["CONNECTIVITY_DNS_ERROR", "CONNECTIVITY_CHALLENGE_ERROR"]
    );
    assert!(r.findings.iter().all(|f| f.source == Source::Kit));
    assert!(r
        .findings
        .iter()
        .all(|f| f.registry.as_deref() == Some("myreg.azurecr.io")));
    assert_eq!(roles(&r), [Role::Error, Role::Consequence { of: 0 }]);
    assert_eq!(
        acr_doctor_core::summary::verdict_text(&r, acr_doctor_core::Lang::En).0,
        "1 error"
    );
}
