use super::*;

#[test]
fn titles_with_and_without_timestamps_and_wrappers() {
    assert_eq!(
        classify("2024-05-18 06:54:20.208894 An error occurred: CONNECTIVITY_CHALLENGE_ERROR"),
        Line::ErrorTitle {
            title: "CONNECTIVITY_CHALLENGE_ERROR".into(),
            timestamp: Some("2024-05-18 06:54:20.208894".into()),
            wrapper: None,
            rest: String::new(),
        }
    );
    assert_eq!(
        classify("knack.util.CLIError: 2024-05-18 06:54:20 An error occurred: CMK_ERROR"),
        Line::ErrorTitle {
            title: "CMK_ERROR".into(),
            timestamp: Some("2024-05-18 06:54:20".into()),
            wrapper: Some(Wrapper::Exception),
            rest: String::new(),
        }
    );
    assert!(matches!(
        classify("Unable to get AAD authorization tokens with message: An error occurred: X_Y"),
        Line::ErrorTitle {
            wrapper: Some(Wrapper::AadTokens),
            ..
        }
    ));
    assert_eq!(
        classify("An error occurred: Something went wrong"),
        Line::Other
    );
}

#[test]
fn every_check_line_shape() {
    assert_eq!(
        classify("Podman daemon status: available"),
        Line::Check(Check::Daemon {
            tool: "Podman".into()
        })
    );
    assert_eq!(
        classify("Docker version: 'Docker version 20.10.14, build 87a90dc, platform linux/amd64'"),
        Line::Check(Check::ToolVersion {
            tool: "Docker".into(),
            version: "Docker version 20.10.14, build 87a90dc, platform linux/amd64".into()
        })
    );
    assert_eq!(
        classify("DNS lookup to a.azurecr.io at IP 10.0.0.4 : OK"),
        Line::Check(Check::Dns {
            server: "a.azurecr.io".into(),
            ip: "10.0.0.4".into()
        })
    );
    assert_eq!(
        classify("Fetch access token for repository 'app' in registry 'a.azurecr.io' : OK"),
        Line::Check(Check::RepositoryToken {
            repository: "app".into(),
            server: "a.azurecr.io".into()
        })
    );
    assert_eq!(
        classify("Podman pull of 'mcr.microsoft.com/mcr/hello-world:latest' : OK"),
        Line::Check(Check::Pull {
            tool: "Podman".into()
        })
    );
    assert_eq!(
        classify("ACR CLI version: 2.2.9"),
        Line::Check(Check::CliVersion {
            version: "2.2.9".into(),
            acr_module: true
        })
    );
    assert_eq!(
        classify(
            "This will pull the image mcr.microsoft.com/mcr/hello-world:latest. Proceed? (y/n): n"
        ),
        Line::Check(Check::PullDeclined)
    );
}

#[test]
fn prompts_carry_the_registry_name() {
    assert_eq!(
        classify("PS C:\\repos> az acr check-health -n devops --yes"),
        Line::Command {
            registry_name: Some("devops".into())
        }
    );
    assert_eq!(
        classify("C:\\Users\\prava>az acr login --name readit"),
        Line::Command {
            registry_name: Some("readit".into())
        }
    );
    assert_eq!(classify("I ran az acr login yesterday"), Line::Other);
    assert_eq!(
        classify("HTTP/1.1 401 Unauthorized"),
        Line::HttpStatus { status: 401 }
    );
    assert_eq!(classify("< HTTP/2 403"), Line::HttpStatus { status: 403 });
    assert_eq!(
        classify("Www-Authenticate: Bearer realm=\"https://r.azurecr.io/oauth2/token\",service=\"r.azurecr.io\""),
        Line::HttpHeader { name: "www-authenticate".into(), value: "Bearer realm=\"https://r.azurecr.io/oauth2/token\",service=\"r.azurecr.io\"".into() }
    );
    assert_eq!(
        classify("$ curl -si https://r.azurecr.io/v2/"),
        Line::CurlCommand {
            url: "https://r.azurecr.io/v2/".into()
        }
    );
    assert_eq!(
        classify("curl: (6) Could not resolve host: r.azurecr.io"),
        Line::CurlError {
            code: 6,
            message: "Could not resolve host: r.azurecr.io".into()
        }
    );
    assert_eq!(
        classify("Skipping pull check."),
        Line::Check(Check::PullDeclined)
    );
    assert_eq!(
        classify("Environment checks are not supported in Azure Cloud Shell."),
        Line::Note(Note::CloudShell)
    );
    assert_eq!(
        classify("Registry name must be provided to check connectivity."),
        Line::Note(Note::NoRegistryName)
    );
}

proptest::proptest! {
    /// The header test is its definition: no space, or no space before the first `: `.
    #[test]
    fn header_shaped_is_its_definition(s in "[a: <]{0,12}") {
        let plain = s.starts_with("< ")
            || !s.contains(' ')
            || s.split_once(": ").is_some_and(|(n, _)| !n.contains(' '));
        proptest::prop_assert_eq!(header_shaped(&s), plain);
    }
}
