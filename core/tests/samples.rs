//! Every real paste in `fixtures/real` (copied from public issues), with what a person must be told.

mod util;

use acr_doctor_core::decode::{decode, Check, Note, RunEnd, Sign, Source, Span, Verdict};
use util::{codes, fixture, only};

#[test]
fn challenge_error_behind_a_powershell_prompt() {
    let r = decode(&fixture("01-acr458-challenge-powershell.txt"));
    assert_eq!(r.verdict(), Verdict::Errors);
    let f = only(&r);
    assert_eq!(f.code.title(), "CONNECTIVITY_CHALLENGE_ERROR");
    assert_eq!(
        f.registry.as_deref(),
        Some("devopsacicontregistry.azurecr.io")
    );
    assert_eq!(f.registry_name.as_deref(), Some("devopsacicontregistry"));
    assert_eq!(f.lines, vec![Span { first: 7, last: 8 }]);
    assert_eq!(f.timestamp, None);
    assert_eq!(r.cli_version.as_deref(), Some("2.11.1"));
    assert_eq!(r.checks.len(), 5);
    assert_eq!(
        r.end,
        Some(RunEnd::Stopped {
            code: "CONNECTIVITY_CHALLENGE_ERROR".into()
        })
    );
}

#[test]
fn challenge_error_with_the_old_unquoted_docker_version_and_a_private_ip() {
    let r = decode(&fixture("02-acr645-challenge-old-docker-version-line.txt"));
    assert_eq!(codes(&r), ["CONNECTIVITY_CHALLENGE_ERROR"]);
    assert!(r.checks.iter().any(|c| c.item
        == Check::ToolVersion {
            tool: "Docker".into(),
            version: "Docker version 19.03.9, build 9d988398e7".into()
        }));
    assert!(r.checks.iter().any(|c| c.item
        == Check::Dns {
            server: "nimblecr.azurecr.io".into(),
            ip: "172.30.2.6".into()
        }));
    assert_eq!(r.cli_semver(), Some((2, 4, 0)));
    assert_eq!(
        r.findings[0].signs,
        [Sign::PrivateAddress {
            ip: "172.30.2.6".into()
        }]
    );
}

#[test]
fn login_failure_then_timestamped_challenge_error() {
    let r = decode(&fixture(
        "05-acr756-login-fails-then-challenge-timestamp.txt",
    ));
    // az acr login's "Could not connect to the registry login server", then the health check's
    // own verdict on the same request: two findings, the second the CLI's code for the first.
    assert_eq!(
        codes(&r),
        ["LOGIN_SERVER_UNREACHABLE", "CONNECTIVITY_CHALLENGE_ERROR"]
    );
    let login = &r.findings[0];
    assert_eq!(login.registry.as_deref(), Some("readitpravacr.azurecr.io"));
    assert_eq!(
        login.detail.check_health,
        Some(acr_doctor_core::Code::ConnectivityChallenge)
    );
    let f = &r.findings[1];
    assert_eq!(f.timestamp.as_deref(), Some("2024-05-18 06:54:20.208894"));
    assert_eq!(f.registry.as_deref(), Some("readitpravacr.azurecr.io"));
    assert!(r.timestamped);
}

#[test]
fn ssl_error_in_a_code_fence_with_a_redacted_ip() {
    let r = decode(&fixture("07-azuredocs95654-ssl-error-timestamp.txt"));
    let f = only(&r);
    assert_eq!(f.code.title(), "CONNECTIVITY_SSL_ERROR");
    // The command line shows a placeholder; the output names the real registry.
    assert_eq!(f.registry_name.as_deref(), Some("sbaksdemoregistry"));
    assert_eq!(r.registry_name.as_deref(), Some("sbaksdemoregistry"));
}

#[test]
fn notary_command_error_in_a_markdown_quote_with_ignore_errors() {
    let r = decode(&fixture("08-azurecli9598-notary-command-error-quoted.txt"));
    let f = only(&r);
    assert_eq!(f.code.title(), "NOTARY_COMMAND_ERROR");
    assert_eq!(f.message, ["Please verify if notary is installed."]);
    assert_eq!(
        r.end,
        Some(RunEnd::Completed {
            ignore_errors: true
        })
    );
    assert!(r.checks.iter().any(|c| c.item
        == Check::Helm {
            version: "3.7.2".into()
        }));
    assert!(r
        .checks
        .iter()
        .any(|c| matches!(&c.item, Check::AccessToken { server } if server == "***.azurecr.io")));
    assert_eq!(r.checks.len(), 9);
}

#[test]
fn three_errors_with_helm_warnings_and_a_title_cut_short() {
    let r = decode(&fixture(
        "09-acr490-ignore-errors-challenge-helm-notary.txt",
    ));
    assert_eq!(
        codes(&r),
        [
            "CONNECTIVITY_CHALLENGE_ERROR",
            "HELM_COMMAND_ERROR",
            "NOTARY_VERSION_ERROR"
        ]
    );
    assert!(r.ignore_errors);
    assert_eq!(
        r.findings[0].signs,
        [Sign::PrivateAddress {
            ip: "10.10.0.5".into()
        }]
    );
    let helm = &r.findings[1];
    assert_eq!(helm.tool_output.len(), 4);
    assert!(helm.tool_output[0]
        .starts_with("WARNING: \"kubernetes-charts.storage.googleapis.com\" is deprecated"));
    assert_eq!(helm.signs, [Sign::ToolWarningsOnly]);
    let notary = &r.findings[2];
    assert_eq!(notary.source, Source::Truncated);
    assert_eq!(
        notary.signs,
        [Sign::NotaryWrongVersion {
            found: Some("0.6.1".into()),
            downgrade: true
        }]
    );
}

#[test]
fn acr_login_refresh_token_403_with_no_colour_tags() {
    let r = decode(&fixture(
        "12-azuredocs85239-acr-login-refresh-token-403-warning-prefix.txt",
    ));
    let f = only(&r);
    assert_eq!(f.code.title(), "CONNECTIVITY_REFRESH_TOKEN_ERROR");
    assert_eq!(f.http_status, Some(403));
    assert_eq!(f.registry.as_deref(), Some("foo.azurecr.io"));
    assert_eq!(f.wrapper, Some(acr_doctor_core::decode::Wrapper::AadTokens));
    assert!(r.notes.iter().any(|n| n.item == Note::AuthenticationFailed));
}

#[test]
fn dns_error_in_notes_with_a_mangled_url() {
    let r = decode(&fixture("13-nishio-notes-dns-error-misspelt-registry.txt"));
    assert_eq!(
        codes(&r),
        ["LOGIN_SERVER_UNREACHABLE", "CONNECTIVITY_DNS_ERROR"]
    );
    let f = &r.findings[1];
    assert_eq!(f.registry.as_deref(), Some("kouchouaiacr.azurecr.io"));
    assert_eq!(r.cli_version.as_deref(), Some("2.70.0"));
}

#[test]
fn docker_command_error_carries_dockers_own_message() {
    let r = decode(&fixture(
        "15-akeesari-acr-login-docker-command-error-windows-pipe.txt",
    ));
    let f = only(&r);
    assert_eq!(f.code.title(), "DOCKER_COMMAND_ERROR");
    assert_eq!(f.tool_output.len(), 1);
    assert!(f.tool_output[0].contains("open //./pipe/docker_engine"));
    assert_eq!(f.signs, [Sign::DaemonNotRunning]);
    assert!(r.notes.iter().any(|n| n.item == Note::ExposeTokenHint));
}

#[test]
fn crash_after_every_registry_check_passed() {
    let r = decode(&fixture(
        "16-azurecli-pr33117-before-crash-after-all-ok.txt",
    ));
    assert_eq!(r.verdict(), Verdict::Crash);
    let f = only(&r);
    assert_eq!(f.code.title(), "CLI_CRASH");
    assert_eq!(f.message, ["'NoneType' object has no attribute 'split'"]);
    assert_eq!(
        f.tool_output,
        ["TypeError: argument of type 'NoneType' is not iterable"]
    );
    assert_eq!(r.checks.len(), 8);
    assert_eq!(r.end, Some(RunEnd::Crashed));
    assert!(r.notes.iter().any(|n| n.item == Note::NotaryDeprecation));
}

#[test]
fn throttling_reported_as_refresh_token_429_by_an_old_cli() {
    let r = decode(&fixture(
        "21-azurecli24886-refresh-token-429-pipeline-warning.txt",
    ));
    let f = only(&r);
    assert_eq!(f.code.title(), "CONNECTIVITY_REFRESH_TOKEN_ERROR");
    assert_eq!(f.http_status, Some(429));
    assert_eq!(f.registry.as_deref(), Some("<redacted>.azurecr.io"));
    assert_eq!(f.registry_name, None);
}

#[test]
fn not_logged_in_has_no_cli_code_but_ours() {
    let r = decode(&fixture("25-azuretre324-not-logged-in-no-error-code.txt"));
    assert_eq!(r.verdict(), Verdict::NotLoggedIn);
    let f = only(&r);
    assert_eq!(f.code.title(), "AZ_LOGIN_REQUIRED");
    assert_eq!(
        f.lines,
        vec![Span { first: 1, last: 1 }, Span { first: 2, last: 2 }]
    );
}

/// One failure told twice is one problem: the login's message and the check-health title it
/// leads to (05); a Helm that only printed warnings is a note, not a failure, and turns no hop red
/// (09).
#[test]
fn problems_are_counted_once() {
    use acr_doctor_core::path::{from_report, roles, Hop, HopState, Role};
    use acr_doctor_core::summary::verdict_text;
    let r = decode(&fixture(
        "05-acr756-login-fails-then-challenge-timestamp.txt",
    ));
    assert_eq!(
        codes(&r),
        ["LOGIN_SERVER_UNREACHABLE", "CONNECTIVITY_CHALLENGE_ERROR"]
    );
    assert_eq!(roles(&r), [Role::Error, Role::Consequence { of: 0 }]);
    assert_eq!(verdict_text(&r, acr_doctor_core::Lang::En).0, "1 error");
    // The paste holds check-health's run: the first action is not to run it again.
    let first = acr_doctor_core::explain::explain(&r.findings[0], acr_doctor_core::Lang::En)
        .fixes
        .into_iter()
        .next()
        .expect("an action");
    assert!(
        !first
            .command
            .as_deref()
            .unwrap_or("")
            .contains("check-health"),
        "{first:?}"
    );

    let r = decode(&fixture(
        "09-acr490-ignore-errors-challenge-helm-notary.txt",
    ));
    let helm = r
        .findings
        .iter()
        .position(|f| f.code.title() == "HELM_COMMAND_ERROR")
        .expect("helm");
    assert_eq!(roles(&r)[helm], Role::Note);
    let path = from_report(&r).expect("a path");
    assert_eq!(
        path[0],
        (Hop::Client, HopState::Failed),
        "Notary's wrong version is a real failure"
    );
    let errors = roles(&r).iter().filter(|x| **x == Role::Error).count();
    assert_eq!(
        verdict_text(&r, acr_doctor_core::Lang::En).0,
        format!("{errors} errors")
    );
    assert!(errors < r.errors());
}

/// A question the paste answered is not asked again: a DNS line read as private (02) or public
/// (05) drops "if the DNS line shows a private IP…", and the case says which it is.
#[test]
fn the_dns_line_s_address_class_is_not_asked_again() {
    use acr_doctor_core::explain::explain;
    use acr_doctor_core::Lang;
    for (name, class) in [
        (
            "02-acr645-challenge-old-docker-version-line.txt",
            "a private address",
        ),
        (
            "05-acr756-login-fails-then-challenge-timestamp.txt",
            "a public address",
        ),
    ] {
        let r = decode(&fixture(name));
        let f = r
            .findings
            .iter()
            .find(|f| f.code.title() == "CONNECTIVITY_CHALLENGE_ERROR")
            .expect("challenge error");
        let e = explain(f, Lang::En);
        assert!(e.in_your_case.iter().any(|t| t.contains(class)), "{name}");
        assert!(
            !e.fixes.iter().any(|x| x.text.contains("private IP")),
            "{name}"
        );
        assert!(!e.fixes.is_empty());
    }
    // With no DNS line, the question stays.
    let r = decode("An error occurred: CONNECTIVITY_CHALLENGE_ERROR\nRegistry 'r.azurecr.io' did not issue a challenge.");
    let e = explain(&r.findings[0], Lang::En);
    assert!(e.fixes.iter().any(|x| x.text.contains("private IP")));
}

/// A note is a known false positive only: not being signed in, or a crash, is a problem of its
/// own (grey "not a failure" would tell the person to ignore it).
#[test]
fn only_a_false_positive_is_a_note() {
    use acr_doctor_core::path::{roles, Role};
    let r = decode(&fixture("25-azuretre324-not-logged-in-no-error-code.txt"));
    assert_eq!(codes(&r), ["AZ_LOGIN_REQUIRED"]);
    assert_eq!(roles(&r), [Role::Error]);
    let r = decode(&fixture(
        "16-azurecli-pr33117-before-crash-after-all-ok.txt",
    ));
    assert!(
        roles(&r).iter().all(|x| *x == Role::Error),
        "{:?}",
        codes(&r)
    );
}
