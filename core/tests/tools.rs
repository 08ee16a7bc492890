//! Cases written from each tool's message template (shared/beyond/FAMILIES.md) for every code no
//! real paste shows, and the wrappers the messages come in: kubectl events, JSON bodies with
//! `\u0027` escapes, CI timestamps, CRLF.

mod util;

use acr_doctor_core::decode::{decode, Endpoint, Verdict};
use acr_doctor_core::Code;
use util::codes;

#[test]
fn codes_no_real_paste_shows() {
    for (text, code) in [
        ("blob upload unknown to registry", "BLOB_UPLOAD_UNKNOWN"),
        ("{\"errors\":[{\"code\":\"BLOB_UPLOAD_UNKNOWN\",\"message\":\"blob upload unknown to registry\"}]}", "BLOB_UPLOAD_UNKNOWN"),
        ("Failed to pull image \"r.azurecr.io/app:1\": no match for platform in manifest: not found", "PLATFORM_MISMATCH"),
        ("[2024-01-01T00:00:00Z] Validating image pull permission: FAILED", "AKS_PULL_PERMISSION_FAILED"),
        ("Error: could not fetch content descriptor for library/nginx from remote: not found", "CACHE_RULE_UPSTREAM_ERROR"),
        ("ERROR: AADSTS700082: The refresh token has expired due to inactivity.", "ENTRA_SIGNIN_ERROR"),
        ("Error response from daemon: pull access denied for myapp, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", "ACCESS_DENIED"),
        ("Error: failed to solve: r.azurecr.io/app:1: failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://r.azurecr.io/oauth2/token: 400 Bad Request", "TOKEN_REJECTED"),
        ("toomanyrequests: Too many requests. Please visit https://aka.ms/acr/skus#sku-feature-matrix to view limits of all service tiers.", "TOO_MANY_REQUESTS"),
        ("Error response from daemon: Get \"https://r.azurecr.io/v2/\": x509: cannot validate certificate for 10.0.0.5 because it doesn't contain any IP SANs", "TLS_NAME_MISMATCH"),
    ] {
        let r = decode(text);
        assert_eq!(codes(&r), [code], "{text}");
        assert_eq!(r.verdict(), Verdict::Errors, "{text}");
    }
}

#[test]
fn a_kubectl_describe_event_names_every_failed_attempt() {
    let events = "Events:\n  Type     Reason     Age                From               Message\n  ----     ------     ----               ----               -------\n  Normal   Scheduled  2m                 default-scheduler  Successfully assigned default/web-7d9 to aks-nodepool1-123\n  Normal   Pulling    1m (x4 over 2m)    kubelet            Pulling image \"contoso.azurecr.io/web:v2\"\n  Warning  Failed     1m (x4 over 2m)    kubelet            Failed to pull image \"contoso.azurecr.io/web:v2\": failed to pull and unpack image \"contoso.azurecr.io/web:v2\": failed to resolve reference \"contoso.azurecr.io/web:v2\": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://contoso.azurecr.io/oauth2/token?scope=repository%3Aweb%3Apull&service=contoso.azurecr.io: 401 Unauthorized\n  Warning  Failed     1m (x4 over 2m)    kubelet            Error: ErrImagePull\n  Normal   BackOff    30s (x6 over 2m)   kubelet            Back-off pulling image \"contoso.azurecr.io/web:v2\"\n  Warning  Failed     30s (x6 over 2m)   kubelet            Error: ImagePullBackOff\n";
    let r = decode(events);
    assert_eq!(codes(&r), ["ANONYMOUS_TOKEN_REJECTED"]);
    let f = &r.findings[0];
    assert_eq!(f.registry.as_deref(), Some("contoso.azurecr.io"));
    assert_eq!(f.http_status, Some(401));
    assert_eq!(f.detail.repository.as_deref(), Some("web"));
    assert_eq!(f.detail.tag.as_deref(), Some("v2"));
    assert_eq!(f.detail.check_health, None);
}

#[test]
fn json_bodies_escaped_or_not() {
    let plain = "denied: {\"errors\":[{\"code\":\"DENIED\",\"message\":\"client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.\"}]}";
    let escaped = plain.replace('\'', "\\u0027");
    for text in [
        plain.to_owned(),
        escaped,
        format!("{{\"message\": \"{}\"}}", plain.replace('"', "\\\"")),
    ] {
        let r = decode(&text);
        assert_eq!(codes(&r), ["CLIENT_IP_NOT_ALLOWED"], "{text}");
        assert_eq!(
            r.findings[0].detail.client_ip.as_deref(),
            Some("203.0.113.7"),
            "{text}"
        );
    }
}

#[test]
fn ci_timestamps_and_crlf() {
    let gha = "2024-05-02T10:11:12.1234567Z Error response from daemon: Get \"https://ci.azurecr.io/v2/\": dial tcp 20.1.2.3:443: i/o timeout\r\n2024-05-02T10:11:12.2234567Z ##[error]Process completed with exit code 1.\r\n";
    let r = decode(gha);
    assert_eq!(codes(&r), ["CONNECTION_FAILED"]);
    let f = &r.findings[0];
    assert_eq!(f.registry.as_deref(), Some("ci.azurecr.io"));
    assert_eq!(f.detail.endpoint, Some(Endpoint::Login));
    assert_eq!(f.detail.check_health, Some(Code::ConnectivityChallenge));

    let azdo = "##[error]Error response from daemon: Get https://ci.westeurope.data.azurecr.io/blobs/sha256:abc: net/http: TLS handshake timeout";
    let r = decode(azdo);
    assert_eq!(codes(&r), ["CONNECTION_FAILED"]);
    assert_eq!(r.findings[0].detail.endpoint, Some(Endpoint::Data));
    assert_eq!(
        r.findings[0].detail.check_health, None,
        "check-health never downloads a blob"
    );
}

#[test]
fn one_finding_per_code_and_registry() {
    let text = "unauthorized: authentication required\nunauthorized: authentication required\nError: unauthorized: authentication required r.azurecr.io\n";
    let r = decode(text);
    // The lines that name no host are about the registry the paste names: one finding.
    assert_eq!(codes(&r), ["REGISTRY_UNAUTHORIZED"]);
    let f = &r.findings[0];
    assert_eq!(f.registry.as_deref(), Some("r.azurecr.io"));
    let lines: Vec<_> = f.lines.iter().map(|s| (s.first, s.last)).collect();
    assert_eq!(lines, [(1, 2), (3, 3)]);
    let r = decode("Get https://a.azurecr.io/v2/: unauthorized: authentication required\nGet https://b.azurecr.io/v2/: unauthorized: authentication required\n");
    let registries: Vec<_> = r.findings.iter().map(|f| f.registry.clone()).collect();
    assert_eq!(
        registries,
        [Some("a.azurecr.io".into()), Some("b.azurecr.io".into())]
    );
}

#[test]
fn a_healthy_challenge_and_words_in_prose_are_not_findings() {
    let r = decode("HTTP/1.1 401 Unauthorized\nWww-Authenticate: Bearer realm=\"https://r.azurecr.io/oauth2/token\",service=\"r.azurecr.io\"\n");
    assert!(r.findings.is_empty());
    // The CLI's own code name holds "toomanyrequests": it is a mention, not docker's message.
    let r = decode("we keep getting CONNECTIVITY_TOOMANYREQUESTS_ERROR");
    assert_eq!(codes(&r), ["CONNECTIVITY_TOOMANYREQUESTS_ERROR"]);
}

#[test]
fn prose_counts_when_it_reports() {
    let output = "An error occurred: CONNECTIVITY_CHALLENGE_ERROR\nRegistry 'r.azurecr.io' did not issue a challenge.\n";
    let r = decode(&format!(
        "Yesterday az acr login failed with CONNECTIVITY_DNS_ERROR, today:\n{output}"
    ));
    assert_eq!(
        codes(&r),
        ["CONNECTIVITY_CHALLENGE_ERROR", "CONNECTIVITY_DNS_ERROR"]
    );
    let r = decode(&format!(
        "I keep getting MANIFEST_UNKNOWN on pull.\n{output}"
    ));
    assert_eq!(
        codes(&r),
        ["CONNECTIVITY_CHALLENGE_ERROR", "MANIFEST_UNKNOWN"]
    );
    // Merely named (the docs, an issue title): the output is what counts.
    let r = decode(&format!(
        "The docs say CONNECTIVITY_DNS_ERROR is about DNS.\n{output}"
    ));
    assert_eq!(codes(&r), ["CONNECTIVITY_CHALLENGE_ERROR"]);
    // A new code typed alone is explained.
    assert_eq!(
        codes(&decode("registry_unauthorized")),
        ["REGISTRY_UNAUTHORIZED"]
    );
}

#[test]
fn known_client_defects_and_registries_that_are_not_yours() {
    use acr_doctor_core::decode::{KnownBug, Sign};
    let r = decode("Error: error getting credentials - err: exit status 1, out: illegal base64 data at input byte 4");
    assert_eq!(codes(&r), ["CREDENTIAL_STORE_ERROR"]);
    assert_eq!(r.findings[0].detail.known_bug, Some(KnownBug::PodmanBase64));

    let r = decode("failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://r.azurecr.io/oauth2/token?scope=&service=r.azurecr.io: 400 Bad Request");
    assert_eq!(codes(&r), ["TOKEN_REJECTED"]);
    assert_eq!(r.findings[0].http_status, Some(400));
    assert_eq!(
        r.findings[0].detail.known_bug,
        Some(KnownBug::ContainerdEmptyScope)
    );

    let r = decode("version.BuildInfo{Version:\"v3.13.1\", GitCommit:\"x\"}\nError: unexpected status from HEAD request to https://r.azurecr.io/v2/charts/app/manifests/1.0.0: 401 Unauthorized\n");
    assert_eq!(codes(&r), ["REGISTRY_UNAUTHORIZED"]);
    assert_eq!(r.findings[0].detail.known_bug, Some(KnownBug::Helm313Oci));

    let r = decode("version.BuildInfo{Version:\"v3.18.2\", GitCommit:\"x\"}\nError: login attempt to https://r.azurecr.io/v2/ failed with status: 401 Unauthorized\n");
    assert_eq!(codes(&r), ["REGISTRY_UNAUTHORIZED"]);
    assert_eq!(r.findings[0].detail.known_bug, Some(KnownBug::Helm318Login));
    // 3.18.3 restored the flow: the same 401 is not blamed on Helm.
    let r = decode("version.BuildInfo{Version:\"v3.18.3\", GitCommit:\"x\"}\nError: login attempt to https://r.azurecr.io/v2/ failed with status: 401 Unauthorized\n");
    assert_eq!(r.findings[0].detail.known_bug, None);

    let r = decode("Warning  Failed  12s  kubelet  Failed to pull image \"contoso.azurecr.io/app:v1\": pull QPS exceeded");
    assert_eq!(codes(&r), ["TOO_MANY_REQUESTS"]);
    assert_eq!(r.findings[0].http_status, None);
    assert!(r.findings[0].signs.contains(&Sign::NodePullQps));
    assert_eq!(r.findings[0].detail.check_health, None);

    let r = decode("Failed to pull image \"mcr.microsoft.com/dotnet/aspnet:8.0\": failed to resolve reference: failed to fetch anonymous token: unexpected status from GET request to https://mcrprod.azurecr.io/oauth2/token: 401 Unauthorized");
    assert!(
        r.findings[0].signs.contains(&Sign::MicrosoftRegistry),
        "{:?}",
        r.findings[0].signs
    );

    let r = decode("Error response from daemon: Get \"https://contoso.azureacr.io/v2/\": dial tcp: lookup contoso.azureacr.io on 127.0.0.53:53: no such host");
    assert_eq!(codes(&r), ["DNS_LOOKUP_FAILED"]);
    assert!(r.findings[0].signs.contains(&Sign::LookAlikeHost {
        host: "contoso.azureacr.io".into(),
        likely: "contoso.azurecr.io".into()
    }));
}

#[test]
fn a_csv_export_of_events() {
    let csv = "\"LastSeen\",\"Type\",\"Reason\",\"Object\",\"Message\"\r\n\"2024-03-01T10:00:00Z\",\"Warning\",\"Failed\",\"pod/api-1\",\"Failed to pull image \"\"shop.azurecr.io/api:3\"\": rpc error: code = NotFound desc = failed to pull and unpack image \"\"shop.azurecr.io/api:3\"\": failed to resolve reference \"\"shop.azurecr.io/api:3\"\": shop.azurecr.io/api:3: not found\"\r\n";
    let r = decode(csv);
    assert_eq!(codes(&r), ["MANIFEST_UNKNOWN"]);
    assert_eq!(r.findings[0].registry.as_deref(), Some("shop.azurecr.io"));
    assert_eq!(r.findings[0].detail.tag.as_deref(), Some("3"));
}

/// Reading by principle: the registry's own words and a status in any client's phrasing, a
/// prefix that is not a cause, a success the page knows.
#[test]
fn principles_not_samples() {
    // Docker's prefix for every registry error names no cache rule.
    let r = decode("Error response from daemon: error from registry: unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.");
    assert_eq!(codes(&r), ["REGISTRY_UNAUTHORIZED"]);
    let r = decode("Error response from daemon: error from registry: failed to fetch from remote: not found for cache rule 'hub'");
    assert_eq!(codes(&r), ["CACHE_RULE_UPSTREAM_ERROR"]);
    // containers/image says "invalid username/password" for any refusal of the token endpoint.
    let r = decode("Error: initializing source docker://r.azurecr.io/a:1: unable to retrieve auth token: invalid username/password: unauthorized: authentication required");
    assert_eq!(codes(&r), ["TOKEN_REJECTED"]);
    assert_eq!(r.findings[0].http_status, Some(401));
    // A status with its reason phrase, however the client wraps it.
    for (line, code, status) in [
        ("pinging container registry r.azurecr.io: invalid status code from registry 403 (Forbidden)", "ACCESS_DENIED", 403),
        ("ctr: failed to resolve reference \"r.azurecr.io/a:1\": pulling from host r.azurecr.io failed with status code [manifests 1]: 403 Forbidden", "ACCESS_DENIED", 403),
        ("ctr: failed commit on ref \"manifest-sha256:ab\": unexpected status: 405 Method Not Allowed", "OPERATION_DISALLOWED", 405),
        ("com.azure.core.exception.HttpResponseException: Status code 401, \"401 Unauthorized\"", "REGISTRY_UNAUTHORIZED", 401),
        ("error pulling image configuration: download failed after attempts=6: toomanyrequests", "TOO_MANY_REQUESTS", 429),
    ] {
        let r = decode(line);
        assert_eq!(codes(&r), [code], "{line}");
        assert_eq!(r.findings[0].http_status, Some(status), "{line}");
    }
    // The CLI's own code name is not the registry's word.
    let r = decode("I saw CONNECTIVITY_TOOMANYREQUESTS_ERROR yesterday");
    assert!(
        codes(&r).iter().all(|c| *c != "TOO_MANY_REQUESTS"),
        "{:?}",
        codes(&r)
    );
    // 404 and 5xx alone say too little to name a cause.
    assert!(decode("unexpected status: 404 Not Found")
        .findings
        .is_empty());
    // Successes the page knows make a paste healthy; with an error, never.
    for ok in [
        "Login Succeeded\nStatus: Downloaded newer image for r.azurecr.io/a:1\n",
        "Copying config sha256:ab\nWriting manifest to image destination\nStoring signatures\n",
        "unpacking linux/amd64 sha256:f499ad826d06329b40d8141534d5046323b6828fdc1956bd21e04045721a780e...\ndone: 12ms\n",
    ] {
        assert_eq!(decode(ok).verdict(), Verdict::Healthy, "{ok}");
    }
    let r = decode("Login Succeeded\nError response from daemon: manifest for r.azurecr.io/a:9 not found: manifest unknown: manifest tagged by \"9\" is not found\n");
    assert_eq!(r.verdict(), Verdict::Errors);
    // kubectl events that are all Normal, with the pull among them: healthy, saying what passed.
    let r = decode("  Normal   Pulling    2m    kubelet            Pulling image \"r.azurecr.io/web:v1\"\n  Normal   Pulled     2m    kubelet            Successfully pulled image \"r.azurecr.io/web:v1\" in 1.2s (1.2s including waiting)\n  Normal   Started    2m    kubelet            Started container web\n");
    assert_eq!(r.verdict(), Verdict::Healthy);
    assert_eq!(r.checks.len(), 1);
    // Two refusals in one event are two findings.
    let r = decode("  Warning  Failed  10s  kubelet  Failed to pull image \"r.azurecr.io/web:v1\": [rpc error: code = Unknown desc = failed to resolve reference \"r.azurecr.io/web:v1\": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized, rpc error: code = Unknown desc = failed to resolve reference \"r.azurecr.io/web:v1\": pulling from host r.azurecr.io failed with status code [manifests v1]: 403 Forbidden]");
    assert_eq!(codes(&r), ["ANONYMOUS_TOKEN_REJECTED", "ACCESS_DENIED"]);
    // Not sent is not refused: a token request that got no answer is a connection failure.
    let r = decode("Failed to pull image \"r.azurecr.io/web:v1\": failed to authorize: failed to fetch oauth token: Post \"https://r.azurecr.io/oauth2/token\": dial tcp 20.61.99.10:443: i/o timeout");
    assert_eq!(codes(&r), ["CONNECTION_FAILED"]);
    assert_eq!(r.findings[0].detail.endpoint, Some(Endpoint::Token));
    // A digest reference asked for that digest, not for `latest`.
    let r = decode("Error: failed to pull and unpack image \"r.azurecr.io/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\": failed to copy: httpReadSeeker: failed open: failed to do request: Get \"https://r.westeurope.data.azurecr.io/docker/registry/v2/blobs/sha256/01/data?sig=x\": dial tcp 10.1.2.3:443: connect: connection refused");
    assert_eq!(codes(&r), ["CONNECTION_FAILED"]);
    assert_eq!(r.findings[0].detail.endpoint, Some(Endpoint::Data));
    assert!(r.findings[0].signs.is_empty(), "{:?}", r.findings[0].signs);
    // check-health's message without its title is still its code.
    let r = decode("Registry 'r.azurecr.io' did not issue a challenge.");
    assert_eq!(codes(&r), ["CONNECTIVITY_CHALLENGE_ERROR"]);
    // curl: a trusted certificate for another name is not an inspecting proxy.
    let r = decode("curl: (60) SSL: no alternative certificate subject name matches target host name 'r.azurecr.io'");
    assert_eq!(codes(&r), ["TLS_NAME_MISMATCH"]);
}
