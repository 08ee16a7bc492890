//! Every real paste of `fixtures/beyond` (docker, Kubernetes, AKS, az acr login, helm, oras, CI,
//! HTTP): the codes, verdict and values a person must see. Each expectation was read from the
//! paste, not from its header.

use acr_doctor_core::decode::{decode, Endpoint, Report, Verdict};
use acr_doctor_core::Code;

fn paste(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/beyond/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // `# ` header lines, a blank line, then the paste.
    text.lines()
        .skip_while(|l| l.starts_with("# "))
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect()
}

fn seen(r: &Report) -> Vec<(String, Option<String>, Option<u16>)> {
    r.findings
        .iter()
        .map(|f| (f.code.title().to_owned(), f.registry.clone(), f.http_status))
        .collect()
}

type Case = (
    &'static str,
    Verdict,
    &'static [(&'static str, Option<&'static str>, Option<u16>)],
);

const CASES: &[Case] = &[
    (
        "02-aci-pull-head-manifest-denied-client-ip.txt",
        Verdict::Errors,
        &[(
            "CLIENT_IP_NOT_ALLOWED",
            Some("<acrname>.azurecr.io"),
            Some(403),
        )],
    ),
    (
        "03-docker-login-application-not-registered-aad.txt",
        Verdict::Errors,
        &[(
            "AAD_APP_NOT_REGISTERED",
            Some("containerpreview.azurecr.io"),
            Some(401),
        )],
    ),
    (
        "06-docker-run-no-such-host-typo.txt",
        Verdict::Errors,
        &[("DNS_LOOKUP_FAILED", Some("navdocker.az-azurecr.io"), None)],
    ),
    (
        "08-docker-login-client-timeout.txt",
        Verdict::Errors,
        &[("CONNECTION_FAILED", Some("<myreg>.azurecr.io"), None)],
    ),
    (
        "10-docker-pull-x509-image-config-blob.txt",
        Verdict::Errors,
        &[("TLS_UNTRUSTED", None, None)],
    ),
    (
        "11-docker-pull-manifest-unknown-tag-not-found.txt",
        Verdict::Errors,
        &[(
            "MANIFEST_UNKNOWN",
            Some("azurefunctionstest.azurecr.io"),
            Some(404),
        )],
    ),
    (
        "13-docker-pull-oauth2-token-client-timeout.txt",
        Verdict::Errors,
        &[("CONNECTION_FAILED", Some("zapic.azurecr.io"), None)],
    ),
    (
        "15-az-acr-login-private-endpoint-parsing-port.txt",
        Verdict::Unrecognized,
        &[],
    ),
    (
        "16-vscode-docker-push-unauthorized.txt",
        Verdict::Errors,
        &[(
            "REGISTRY_UNAUTHORIZED",
            Some("my-container-registry.azurecr.io"),
            Some(401),
        )],
    ),
    (
        "21-azure-pipelines-docker-push-connection-reset.txt",
        Verdict::Errors,
        &[("CONNECTION_FAILED", Some("mcpsharedreg.azurecr.io"), None)],
    ),
    (
        "22-aks-containerd-anonymous-token-401.txt",
        Verdict::Errors,
        &[(
            "ANONYMOUS_TOKEN_REJECTED",
            Some("<registryname>.azurecr.io"),
            Some(401),
        )],
    ),
    (
        "28-k8s-dockershim-manifest-unknown-missing-tag.txt",
        Verdict::Errors,
        &[
            ("MANIFEST_UNKNOWN", Some("acrname.azurecr.io"), Some(404)),
            (
                "REGISTRY_UNAUTHORIZED",
                Some("acrname.azurecr.io"),
                Some(401),
            ),
        ],
    ),
    (
        "29-k8s-bridge-application-not-registered-public-registry.txt",
        Verdict::Errors,
        &[(
            "AAD_APP_NOT_REGISTERED",
            Some("bridgetokubernetes.azurecr.io"),
            Some(401),
        )],
    ),
    (
        "31-check-acr-success-service-principal.txt",
        Verdict::Healthy,
        &[],
    ),
    (
        "35-check-acr-canipull-pod-policy-warnings.txt",
        Verdict::Unrecognized,
        &[],
    ),
    (
        "36-check-acr-crash-keyerror-serverversion.txt",
        Verdict::Crash,
        &[("CLI_CRASH", None, None)],
    ),
    (
        "37-az-acr-login-could-not-connect-cmd.txt",
        Verdict::Errors,
        &[
            (
                "LOGIN_SERVER_UNREACHABLE",
                Some("readitpravacr.azurecr.io"),
                None,
            ),
            (
                "CONNECTIVITY_CHALLENGE_ERROR",
                Some("readitpravacr.azurecr.io"),
                None,
            ),
        ],
    ),
    (
        "40-az-acr-login-refresh-token-403-public-access-disabled.txt",
        Verdict::Errors,
        &[(
            "CONNECTIVITY_REFRESH_TOKEN_ERROR",
            Some("foo.azurecr.io"),
            Some(403),
        )],
    ),
    (
        "54-acr-task-cache-rule-toomanyrequests.txt",
        Verdict::Errors,
        &[("TOO_MANY_REQUESTS", Some("ouracr.azurecr.io"), Some(429))],
    ),
    (
        "55-azure-docker-login-action-invalid-clientid.txt",
        Verdict::Errors,
        &[("SP_CREDENTIALS_INVALID", None, Some(401))],
    ),
    (
        "56-docker-login-action-no-such-host-masked.txt",
        Verdict::Errors,
        &[("DNS_LOOKUP_FAILED", None, None)],
    ),
    (
        "58-vsts-docker-push-operation-disallowed.txt",
        Verdict::Errors,
        &[("OPERATION_DISALLOWED", None, Some(405))],
    ),
    (
        "59-helm-pull-oci-401-helm-3-13-regression.txt",
        Verdict::Errors,
        &[(
            "REGISTRY_UNAUTHORIZED",
            Some("xxxxxxxxxxx.azurecr.io"),
            Some(401),
        )],
    ),
    (
        "65-singularity-oras-oauth-token-401-password-grant.txt",
        Verdict::Errors,
        &[("TOKEN_REJECTED", None, Some(401))],
    ),
    (
        "66-acrcssc-cannot-respond-to-authentication.txt",
        Verdict::Unrecognized,
        &[],
    ),
    (
        "67-az-acr-login-ci-please-run-az-login.txt",
        Verdict::NotLoggedIn,
        &[("AZ_LOGIN_REQUIRED", None, None)],
    ),
    (
        "73-acr-unauthorized-json-mid-upload.txt",
        Verdict::Errors,
        &[("REGISTRY_UNAUTHORIZED", None, Some(401))],
    ),
    (
        "74-aks-dockershim-x509-privatelink-name.txt",
        Verdict::Errors,
        &[("TLS_NAME_MISMATCH", Some("myregistry.azurecr.io"), None)],
    ),
    (
        "78-external-k8s-dockershim-unauthorized-admin-secret.txt",
        Verdict::Errors,
        &[(
            "REGISTRY_UNAUTHORIZED",
            Some("cloudtechnologies.azurecr.io"),
            Some(401),
        )],
    ),
    (
        "90-az-acr-update-resource-not-found.txt",
        Verdict::Errors,
        &[("REGISTRY_NOT_FOUND", None, None)],
    ),
    (
        "93-az-acr-login-podman-docker-shim.txt",
        Verdict::Errors,
        &[("DOCKER_COMMAND_ERROR", None, None)],
    ),
    (
        "98-az-acr-login-no-usernames-credential-helper.txt",
        Verdict::Errors,
        &[("CREDENTIAL_STORE_ERROR", Some("acrlab10.azurecr.io"), None)],
    ),
];

#[test]
fn every_beyond_case_shows_its_codes_and_verdict() {
    let files = std::fs::read_dir(format!(
        "{}/tests/fixtures/beyond",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixtures")
    .filter(|e| {
        e.as_ref()
            .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
    })
    .count();
    assert_eq!(
        files,
        CASES.len(),
        "every fixture has its expectations here"
    );
    for (name, verdict, expected) in CASES {
        let r = decode(&paste(name));
        let want: Vec<_> = expected
            .iter()
            .map(|(c, reg, st)| ((*c).to_owned(), reg.map(str::to_owned), *st))
            .collect();
        assert_eq!(seen(&r), want, "{name}");
        assert_eq!(r.verdict(), *verdict, "{name}");
    }
}

#[test]
fn the_values_a_card_needs() {
    let r = decode(&paste("02-aci-pull-head-manifest-denied-client-ip.txt"));
    let d = &r.findings[0].detail;
    assert_eq!(d.client_ip.as_deref(), Some("x.x.x.x"));
    assert_eq!(d.check_health, Some(Code::ConnectivityForbidden));
    assert_eq!(
        d.tag.as_deref(),
        Some("02b6d84d635c3d9ff4182ad1c50d16364695d3d5")
    );

    let r = decode(&paste("11-docker-pull-manifest-unknown-tag-not-found.txt"));
    let d = &r.findings[0].detail;
    assert_eq!(
        d.repository.as_deref(),
        Some("azure-functions/dotnet7-quickstart-demo")
    );
    assert_eq!(d.tag.as_deref(), Some("1.0"));
    assert_eq!(
        d.check_health, None,
        "check-health cannot see a missing tag"
    );

    // Where a connection failed decides what it means.
    let endpoint = |name| decode(&paste(name)).findings[0].detail.endpoint;
    assert_eq!(
        endpoint("10-docker-pull-x509-image-config-blob.txt"),
        Some(Endpoint::Data)
    );
    assert_eq!(
        endpoint("13-docker-pull-oauth2-token-client-timeout.txt"),
        Some(Endpoint::Token)
    );
    assert_eq!(
        endpoint("08-docker-login-client-timeout.txt"),
        Some(Endpoint::Login)
    );

    let r = decode(&paste("54-acr-task-cache-rule-toomanyrequests.txt"));
    let d = &r.findings[0].detail;
    assert_eq!(d.cache_rule.as_deref(), Some("dotnet-sdk"));
    assert_eq!(
        d.check_health, None,
        "a cache rule's upstream is not the registry's tier"
    );

    let r = decode(&paste("28-k8s-dockershim-manifest-unknown-missing-tag.txt"));
    assert_eq!(
        r.findings[0].detail.repository.as_deref(),
        Some("preprocess")
    );
}
