//! Cases written from the CLI's message templates (checkhealth reference §1, §2) for every code
//! no real paste shows, and every line variant across CLI eras.

mod util;

use acr_doctor_core::decode::{
    decode, Check, FindingCode, Note, RunEnd, Sign, Source, Verdict, Wrapper,
};
use util::{codes, only};

/// A check-health run of azure-cli 2.60 that stops at `error` (two lines: title, message).
fn run_stopping_at(title: &str, message: &str) -> String {
    format!(
        "Docker daemon status: available\n\
         Docker version: 'Docker version 26.0.0, build 8b79278, platform linux/amd64'\n\
         Docker pull of 'mcr.microsoft.com/mcr/hello-world:latest' : OK\n\
         Azure CLI version: 2.60.0\n\
         DNS lookup to contosoprod.azurecr.io at IP 20.1.2.3 : OK\n\
         2024-06-01 10:00:00.123456 An error occurred: {title}\n\
         {message}\n\
         \n\
         Please refer to https://aka.ms/acr/errors#{} for more information.\n",
        title.to_ascii_lowercase()
    )
}

#[test]
fn every_registry_code_from_its_template() {
    let cases = [
        ("CONNECTIVITY_FORBIDDEN_ERROR", "Looks like you don't have access to registry 'contosoprod.azurecr.io'. To see configured firewall rules, run 'az acr show --query networkRuleSet --name contosoprod'. Details: https://learn.microsoft.com/azure/container-registry/container-registry-health-error-reference#connectivity_forbidden_error", None),
        ("CONNECTIVITY_AAD_LOGIN_ERROR", "Registry 'contosoprod.azurecr.io' does not support AAD login.", None),
        ("CONNECTIVITY_REFRESH_TOKEN_ERROR", "Access to registry 'contosoprod.azurecr.io' was denied. Response code: 401. Please try running 'az login' again to refresh permissions.", Some(401)),
        ("CONNECTIVITY_TOOMANYREQUESTS_ERROR", "Too many requests, access to registry 'contosoprod.azurecr.io' was denied. Please wait a moment before trying again.", None),
        ("CONNECTIVITY_ACCESS_TOKEN_ERROR", "Access to registry 'contosoprod.azurecr.io' was denied. Response code: 504. Please try running 'az login' again to refresh permissions.", Some(504)),
        ("CONNECTIVITY_DNS_ERROR", "Failed to reach DNS for registry 'contosoprod.azurecr.io'. Please check if the spelling is correct, if the CLI environment is on correct cloud and your network connectivity.", None),
        ("CONNECTIVITY_SSL_ERROR", "Unable to establish a secure connection to the registry 'contosoprod.azurecr.io'. Are you using a proxy server?", None),
        ("CONNECTIVITY_WWW_AUTHENTICATE_ERROR", "Registry 'contosoprod.azurecr.io' did not ask properly for a basic or a bearer authentication.", None),
    ];
    for (title, message, status) in cases {
        let r = decode(&run_stopping_at(title, message));
        let f = only(&r);
        assert_eq!(f.code.title(), title);
        assert_eq!(f.source, Source::Printed);
        assert_eq!(f.http_status, status, "{title}");
        assert_eq!(
            f.registry.as_deref(),
            Some("contosoprod.azurecr.io"),
            "{title}"
        );
        assert_eq!(f.registry_name.as_deref(), Some("contosoprod"), "{title}");
        assert_eq!(f.message, [message], "{title}");
        assert_eq!(r.end, Some(RunEnd::Stopped { code: title.into() }));
        assert_eq!(r.verdict(), Verdict::Errors);
    }
}

#[test]
fn codes_that_name_the_registry_not_its_login_server() {
    for (title, message) in [
        ("LOGIN_SERVER_ERROR", "An error occurred while retrieving the login server for registry 'contosoprod'. Please check if the spelling is correct, if the CLI environment is on correct cloud and if you have the right permissions on it."),
        ("CMK_ERROR", "The identity used for registry 'contosoprod' encryption doesn't exist."),
    ] {
        let r = decode(&format!("An error occurred: {title}\n{message}\n"));
        let f = only(&r);
        assert_eq!(f.code.title(), title);
        assert_eq!(f.registry_name.as_deref(), Some("contosoprod"));
        assert_eq!(f.registry, None);
    }
}

#[test]
fn repository_permissions_variant_of_the_access_token_error() {
    let r = decode(&run_stopping_at(
        "CONNECTIVITY_ACCESS_TOKEN_ERROR",
        "You have pull and metadata_read permissions to the repository. You are lacking push, metadata_write and delete repository permissions. Please verify if you have full read, write, and delete permissions to the repository in the registry.",
    ));
    let f = only(&r);
    let p = f.permissions.as_ref().expect("permissions read");
    assert_eq!(p.granted, "pull and metadata_read");
    assert_eq!(p.missing, "push, metadata_write and delete");
    assert_eq!(f.http_status, None);
}

#[test]
fn docker_codes_with_the_tools_stderr() {
    let r = decode("An error occurred: DOCKER_DAEMON_ERROR\nPlease verify if Docker daemon is running, or try restarting it.\n");
    assert_eq!(only(&r).code.title(), "DOCKER_DAEMON_ERROR");
    assert!(only(&r).tool_output.is_empty());

    let r = decode("An error occurred: DOCKER_VERSION_ERROR\nAn error occurred while retrieving Docker version. Please try verifying it manually.\nFailed to run command 'docker version --format json'. Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n");
    let f = only(&r);
    assert_eq!(f.tool_output, ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"]);

    let r = decode("2023-11-02 09:00:00 An error occurred: DOCKER_PULL_ERROR\nAn error occurred while pulling a sample image. Please validate your network connection and verify if Docker daemon is running properly.\nFailed to run command 'docker pull mcr.microsoft.com/mcr/hello-world:latest'. \nWhat's Next?\n  View a summary of image vulnerabilities and recommendations → docker scout quickview mcr.microsoft.com/mcr/hello-world:latest\n");
    let f = only(&r);
    assert_eq!(
        f.timestamp.as_deref(),
        Some("2023-11-02 09:00:00"),
        "no fraction when microseconds are 0"
    );
    assert!(f.signs.contains(&Sign::PullHintsOnStderr));

    let r = decode("An error occurred: DOCKER_COMMAND_ERROR\nGot permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json\": dial unix /var/run/docker.sock: connect: permission denied\n");
    assert_eq!(only(&r).signs, [Sign::SocketPermissionDenied]);

    let r = decode("An error occurred: DOCKER_COMMAND_ERROR\nPlease verify if Docker client is installed and running.\n");
    assert!(only(&r).tool_output.is_empty());
}

#[test]
fn helm_and_notary_version_errors() {
    let r = decode("Helm version: 2.9.1\nAn error occurred: HELM_VERSION_ERROR\nCurrent Helm client version is not recommended. Please upgrade your Helm client to at least version 2.11.0.\n");
    assert_eq!(only(&r).signs, [Sign::HelmTooOld]);
    let r = decode("Notary version: 0.5.0\nAn error occurred: NOTARY_VERSION_ERROR\nCurrent notary version is not recommended. Please upgrade your notary client to version 0.6.0.\n");
    assert_eq!(
        only(&r).signs,
        [Sign::NotaryWrongVersion {
            found: Some("0.5.0".into()),
            downgrade: false
        }]
    );
}

#[test]
fn unexpected_error_and_unknown_titles_are_kept() {
    let r = decode("An error occurred: UNEXPECTED_ERROR\nAn unexpected error occurred.\n");
    assert_eq!(only(&r).code.title(), "UNEXPECTED_ERROR");
    let r = decode(
        "2026-11-01 08:00:00.5 An error occurred: CONNECTIVITY_QUANTUM_ERROR\nSomething new.\n",
    );
    let f = only(&r);
    assert_eq!(
        f.code,
        FindingCode::Unknown("CONNECTIVITY_QUANTUM_ERROR".into())
    );
    assert_eq!(f.message, ["Something new."]);
    assert_eq!(r.verdict(), Verdict::Errors);
}

#[test]
fn podman_and_the_2_86_version_line() {
    let r = decode("Podman daemon status: available\nPodman version: 5.2.1, build unknown, platform linux/amd64\nPodman pull of 'mcr.microsoft.com/mcr/hello-world:latest' : OK\nAzure CLI version: 2.90.0\n");
    assert_eq!(r.verdict(), Verdict::Healthy);
    assert_eq!(
        r.checks[0].item,
        Check::Daemon {
            tool: "Podman".into()
        }
    );
    assert_eq!(
        r.checks[1].item,
        Check::ToolVersion {
            tool: "Podman".into(),
            version: "5.2.1, build unknown, platform linux/amd64".into()
        }
    );
}

#[test]
fn the_2019_era_output() {
    let r = decode("Docker daemon status: available\nDocker version: Docker version 18.09.2, build 6247962\nDocker pull of 'mcr.microsoft.com/mcr/hello-world:latest' : \u{1b}[32mOK\u{1b}[0m\nACR CLI version: 2.2.9\nDNS lookup to myreg.azurecr.io at IP 40.1.1.1 : \u{1b}[32mOK\u{1b}[0m\nChallenge endpoint https://myreg.azurecr.io/v2/ : \u{1b}[32mOK\u{1b}[0m\nFetch refresh token for registry 'myreg.azurecr.io' : \u{1b}[32mOK\u{1b}[0m\nFetch access token for registry 'myreg.azurecr.io' : \u{1b}[32mOK\u{1b}[0m\nHelm version:\nClient: &version.Version{SemVer:\"v2.14.1\", GitCommit:\"5270352a09c7e8b6e8c9593002a73535276507c0\", GitTreeState:\"clean\"}\n\nPlease refer to https://aka.ms/acr/faq for more information.\n");
    assert_eq!(r.verdict(), Verdict::Healthy);
    assert_eq!(r.cli_version.as_deref(), Some("2.2.9"));
    assert_eq!(r.checks.len(), 9);
    assert_eq!(
        r.end,
        Some(RunEnd::Completed {
            ignore_errors: false
        })
    );
}

#[test]
fn colour_output_and_debug_logger_names() {
    let r = decode("\u{1b}[33mDocker daemon status: available\u{1b}[0m\n\u{1b}[91m2024-01-01 00:00:00.1 An error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'x1.azurecr.us'. Please check if the spelling is correct, if the CLI environment is on correct cloud and your network connectivity.\u{1b}[0m\n");
    let f = only(&r);
    assert_eq!(f.registry.as_deref(), Some("x1.azurecr.us"));
    let r = decode("WARNING: cli.azure.cli.command_modules.acr.check_health: DNS lookup to a2.azurecr.cn at IP 1.1.1.1 : OK\n");
    assert_eq!(
        r.checks[0].item,
        Check::Dns {
            server: "a2.azurecr.cn".into(),
            ip: "1.1.1.1".into()
        }
    );
}

#[test]
fn ci_runner_timestamps_and_annotations() {
    let r = decode("2024-04-13T00:29:22.5774402Z ##[error]ERROR: 2024-04-13 00:29:22.577440 An error occurred: CONNECTIVITY_ACCESS_TOKEN_ERROR\n2024-04-13T00:29:22.5774402Z Access to registry 'ci.azurecr.io' was denied. Response code: 403. Please try running 'az login' again to refresh permissions.\n");
    let f = only(&r);
    assert_eq!(f.http_status, Some(403));
    assert_eq!(f.registry.as_deref(), Some("ci.azurecr.io"));
}

#[test]
fn codes_inside_a_traceback_are_not_crashes() {
    let r = decode("Traceback (most recent call last):\n  File \"/usr/lib/az/knack/cli.py\", line 233, in invoke\n    cmd_result = self.invocation.execute(args)\nknack.util.CLIError: 2021-05-05 10:10:10.1 An error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\nAccess to registry 'tb.azurecr.io' was denied. Response code: 401. Please try running 'az login' again to refresh permissions.\n");
    let f = only(&r);
    assert_eq!(f.code.title(), "CONNECTIVITY_REFRESH_TOKEN_ERROR");
    assert_eq!(f.wrapper, Some(Wrapper::Exception));
    assert_eq!(f.http_status, Some(401));
}

#[test]
fn a_crash_behind_a_proxy_says_so() {
    let r = decode("The command failed with an unexpected error. Here is the traceback:\nHTTPSConnectionPool(host='mine.azurecr.io', port=443): Max retries exceeded with url: /v2/ (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required')))\nTraceback (most recent call last):\n  File \"x.py\", line 1, in urlopen\nurllib3.exceptions.ProxyError: ('Cannot connect to proxy.')\n");
    assert_eq!(only(&r).signs, [Sign::Proxy]);
}

#[test]
fn ci_runner_lines_do_not_join_a_tools_message() {
    let r = decode("2024-04-13T00:29:22.5774402Z ERROR: 2024-04-13 00:29:22.577440 An error occurred: DOCKER_COMMAND_ERROR\n2024-04-13T00:29:22.5774402Z Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n2024-04-13T00:29:22.6774402Z ##[error]Process completed with exit code 1.\n");
    assert_eq!(only(&r).tool_output, ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"]);
    assert_eq!(only(&r).signs, [Sign::DaemonNotRunning]);
}

#[test]
fn a_bare_traceback_is_a_crash() {
    let r = decode("Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nknack.prompting.NoTTYException\n");
    assert_eq!(r.verdict(), Verdict::Crash);
    assert_eq!(only(&r).message, ["knack.prompting.NoTTYException"]);
}

#[test]
fn codes_typed_alone_in_prose_or_as_an_anchor() {
    let r = decode("connectivity_dns_error");
    let f = only(&r);
    assert_eq!(f.code.title(), "CONNECTIVITY_DNS_ERROR");
    assert_eq!(f.source, Source::Mentioned);
    let r = decode("we keep getting CONNECTIVITY_TOOMANYREQUESTS_ERROR from the pipeline, see https://aka.ms/acr/errors#connectivity_forbidden_error");
    assert_eq!(
        codes(&r),
        [
            "CONNECTIVITY_TOOMANYREQUESTS_ERROR",
            "CONNECTIVITY_FORBIDDEN_ERROR"
        ]
    );
    // Part of a longer word is not a code.
    assert_eq!(decode("MY_CMK_ERROR_COUNT").findings.len(), 0);
}

#[test]
fn the_deep_link_after_a_block_is_not_a_second_finding() {
    let r = decode(&run_stopping_at("CONNECTIVITY_SSL_ERROR", "Unable to establish a secure connection to the registry 'contosoprod.azurecr.io'. Are you using a proxy server?"));
    assert_eq!(codes(&r), ["CONNECTIVITY_SSL_ERROR"]);
}

#[test]
fn login_forbidden_message_names_its_code_in_the_link() {
    let r = decode("Looks like you don't have access to registry 'fw.azurecr.io'. To see configured firewall rules, run 'az acr show --query networkRuleSet --name fw'. To see if public network access is enabled, run 'az acr show --query publicNetworkAccess'.Please refer to https://aka.ms/acr/errors#connectivity_forbidden_error for more information.\n");
    let f = only(&r);
    assert_eq!(f.code.title(), "CONNECTIVITY_FORBIDDEN_ERROR");
    assert_eq!(f.registry.as_deref(), Some("fw.azurecr.io"));
}

#[test]
fn vnet_and_repository_lines() {
    let r = decode("Fetch access token for repository 'app' in registry 'v.azurecr.io' : OK\nDNS routing to registry \"v\" through private IP is incorrect. Expect: 10.0.0.5, Actual: 20.1.1.1\nNote: Please run the command with the '--repository' flag to check your read and write access to a specific repository.\n");
    assert!(r.notes.iter().any(|n| n.item
        == Note::PrivateDnsMismatch {
            expected: "10.0.0.5".into(),
            actual: "20.1.1.1".into()
        }));
    assert!(r.notes.iter().any(|n| n.item == Note::RepositoryFlag));
    assert_eq!(
        r.verdict(),
        Verdict::Errors,
        "a wrong private DNS route is a problem"
    );
    let r = decode("DNS routing to private endpoint : OK\n");
    assert_eq!(r.checks[0].item, Check::PrivateEndpointDns);
}

#[test]
fn a_message_wrapped_by_a_mail_client_is_read_whole() {
    let r = decode("An error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\nAccess to registry 'mail.azurecr.io' was denied. Response code:\n403. Please try running 'az login' again to refresh permissions.\nThanks, Bob\n");
    let f = only(&r);
    assert_eq!(f.http_status, Some(403));
    assert_eq!(
        f.message.len(),
        2,
        "the signature after the sentence is not part of the message"
    );
}

#[test]
fn same_error_printed_by_login_and_check_health_is_one_finding() {
    let block = "An error occurred: CONNECTIVITY_CHALLENGE_ERROR\nRegistry 'd.azurecr.io' did not issue a challenge.\n";
    let r = decode(&format!("{block}\n{block}"));
    let f = only(&r);
    assert_eq!(f.lines.len(), 2);
}

#[test]
fn healthy_run_with_the_closing_line() {
    let r = decode("Docker daemon status: available\nAzure CLI version: 2.91.0\nDNS lookup to ok.azurecr.io at IP 20.1.1.1 : OK\nChallenge endpoint https://ok.azurecr.io/v2/ : OK\nFetch refresh token for registry 'ok.azurecr.io' : OK\nFetch access token for registry 'ok.azurecr.io' : OK\nHelm version: 3.15.0\n\nPlease refer to https://aka.ms/acr/health-check for more information.\n");
    assert_eq!(r.verdict(), Verdict::Healthy);
    assert_eq!(
        r.end,
        Some(RunEnd::Completed {
            ignore_errors: false
        })
    );
    assert_eq!(r.registry_name.as_deref(), Some("ok"));
}

#[test]
fn curl_answers_to_v2_are_judged_like_the_cli() {
    let healthy = "$ curl -si https://ok.azurecr.io/v2/\nHTTP/1.1 401 Unauthorized\nContent-Type: application/json; charset=utf-8\nWww-Authenticate: Bearer realm=\"https://ok.azurecr.io/oauth2/token\",service=\"ok.azurecr.io\"\n\n{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}\n";
    let r = decode(healthy);
    assert_eq!(r.verdict(), Verdict::Healthy);
    assert!(r.findings.is_empty());
    assert_eq!(
        r.checks[0].item,
        Check::Challenge {
            url: "https://ok.azurecr.io/v2/".into()
        }
    );

    let r = decode("curl -si https://fw.azurecr.io/v2/\nHTTP/2 403\ncontent-type: application/json\n\n{\"errors\":[{\"code\":\"DENIED\",\"message\":\"client with IP '1.2.3.4' is not allowed access.\"}]}\n");
    let f = only(&r);
    assert_eq!(
        (f.code.title(), f.http_status, f.registry.as_deref()),
        (
            "CONNECTIVITY_FORBIDDEN_ERROR",
            Some(403),
            Some("fw.azurecr.io")
        )
    );
    assert_eq!(f.source, Source::Curl);

    let r = decode("curl -v http://127.0.0.1:5000/v2/\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm=\"Registry Realm\"\n<\n");
    assert_eq!(only(&r).code.title(), "CONNECTIVITY_AAD_LOGIN_ERROR");

    let r = decode("$ curl -si https://p.azurecr.io/v2/\nHTTP/1.1 404 Not Found\nDocker-Distribution-Api-Version: registry/2.0\n");
    assert_eq!(
        (only(&r).code.title(), only(&r).http_status),
        ("CONNECTIVITY_CHALLENGE_ERROR", Some(404))
    );

    let r = decode("$ curl -si https://gone.azurecr.io/v2/\ncurl: (6) Could not resolve host: gone.azurecr.io\n");
    assert_eq!(
        (only(&r).code.title(), only(&r).registry.as_deref()),
        ("CONNECTIVITY_DNS_ERROR", Some("gone.azurecr.io"))
    );

    let r = decode("curl https://x.azurecr.io/v2/\ncurl: (60) SSL certificate problem: self-signed certificate in certificate chain\n");
    assert_eq!(only(&r).code.title(), "CONNECTIVITY_SSL_ERROR");

    // An answer from another URL, without registry headers, says nothing about /v2/.
    assert!(
        decode("curl -si https://example.com/\nHTTP/1.1 404 Not Found\n")
            .findings
            .is_empty()
    );
}

#[test]
fn around_real_output_a_code_in_prose_is_only_noted() {
    let r = decode("CONNECTIVITY_FORBIDDEN_ERROR, HELM_COMMAND_ERROR\nAn error occurred: CONNECTIVITY_CHALLENGE_ERROR\nRegistry 'asthub.azurecr.io' did not issue a challenge.\n");
    assert_eq!(codes(&r), ["CONNECTIVITY_CHALLENGE_ERROR"]);
    assert!(r.notes.iter().any(|n| n.item
        == Note::Mentioned {
            code: acr_doctor_core::Code::ConnectivityForbidden
        }));
    assert!(r.notes.iter().any(|n| n.item
        == Note::Mentioned {
            code: acr_doctor_core::Code::HelmCommand
        }));
}

#[test]
fn az_acr_login_403_is_forbidden_even_among_other_output() {
    let r = decode("Looks like you don't have access to registry 'fw.azurecr.io'. To see configured firewall rules, run 'az acr show --query networkRuleSet --name fw'. To see if public network access is enabled, run 'az acr show --query publicNetworkAccess'.Please refer to https://aka.ms/acr/errors#connectivity_forbidden_error for more information.\n\nAn error occurred: HELM_COMMAND_ERROR\nPlease verify if Helm is installed.\n");
    assert_eq!(
        codes(&r),
        ["CONNECTIVITY_FORBIDDEN_ERROR", "HELM_COMMAND_ERROR"]
    );
    assert_eq!(r.findings[0].registry.as_deref(), Some("fw.azurecr.io"));
}

#[test]
fn a_chained_traceback_ending_in_a_code_is_that_code_not_a_crash() {
    let r = decode("Traceback (most recent call last):\n  File \"requests/models.py\", line 943, in raise_for_status\nrequests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://t.azurecr.io/oauth2/exchange\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"knack/cli.py\", line 233, in invoke\nknack.util.CLIError: 2022-01-01 10:00:00.1 An error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\nAccess to registry 't.azurecr.io' was denied. Response code: 401. Please try running 'az login' again to refresh permissions.\n");
    assert_eq!(codes(&r), ["CONNECTIVITY_REFRESH_TOKEN_ERROR"]);
    assert_eq!(r.verdict(), Verdict::Errors);
    // The same chain of az's ending in another exception stays a crash.
    let r = decode("Traceback (most recent call last):\n  File \"/usr/lib/az/lib/python3.11/site-packages/azure/cli/core/util.py\", line 1\nValueError: x\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"/usr/lib/az/lib/python3.11/site-packages/knack/cli.py\", line 2\nKeyError: 'y'\n");
    assert_eq!(codes(&r), ["CLI_CRASH"]);
    assert_eq!(r.findings[0].tool_output, ["KeyError: 'y'"]);
    // Another Python program's traceback is not the CLI's crash: what it says is read.
    let r = decode("Traceback (most recent call last):\n  File \"/app/list_tags.py\", line 9, in <module>\n  File \"/venv/lib/python3.11/site-packages/azure/core/exceptions.py\", line 163, in map_error\nazure.core.exceptions.ServiceRequestError: HTTPSConnection(host='r.azurecr.io', port=443): Failed to resolve 'r.azurecr.io' ([Errno -2] Name or service not known)\n");
    assert_eq!(codes(&r), ["DNS_LOOKUP_FAILED"]);
}
