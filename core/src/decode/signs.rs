//! Facts read in a finding's own text: the part another tool printed, and the signs that change
//! what the finding means (a stopped daemon, warnings only, a private address, a proxy).

use super::extract::semver_in;
use super::report::{Check, Sign};
use crate::catalog::{CliCode, Code};

/// The part of a message that another tool printed.
pub(super) fn tool_output(code: Code, message: &[String]) -> Vec<String> {
    const FIXED: [&str; 4] = [
        "Please verify if Docker client is installed and running.",
        "Please verify if Helm is installed.",
        "Please verify if notary is installed.",
        "Please verify if Docker daemon is running, or try restarting it.",
    ];
    if !code.carries_tool_output() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in message {
        if FIXED.contains(&line.as_str()) {
            continue;
        }
        if let Some(at) = line.find("Failed to run command '") {
            let rest = &line[at..];
            let after = rest.find("'. ").map_or("", |i| rest[i + 3..].trim());
            if !after.is_empty() {
                out.push(after.to_owned());
            }
            continue;
        }
        let template = line.starts_with("An error occurred while")
            || line.starts_with("An error occured while")
            || line.starts_with("Current Helm client version is not recommended")
            || line.starts_with("Current notary version is not recommended");
        if !template {
            out.push(line.clone());
        }
    }
    out
}

pub(super) fn signs(
    code: Code,
    message: &[String],
    tool: &[String],
    run_checks: &[Check],
) -> Vec<Sign> {
    let tool_text = tool.join("\n").to_ascii_lowercase();
    let text = message.join(" ");
    let mut signs = Vec::new();
    // What other tools print: their own module reads their messages.
    let Some(cli) = code.cli() else {
        return signs;
    };
    match cli {
        CliCode::DockerCommand | CliCode::DockerDaemon => {
            if tool_text.contains("daemon is not running")
                || tool_text.contains("pipe/docker_engine")
                || tool_text.contains("pipe%2fdocker_engine")
                || tool_text.contains("cannot connect to the docker daemon")
                || tool_text.contains("is the docker daemon running")
            {
                signs.push(Sign::DaemonNotRunning);
            }
            if tool_text.contains("permission denied") {
                signs.push(Sign::SocketPermissionDenied);
            }
            if tool_text.contains("refusing to use") {
                signs.push(Sign::BinaryInWorkingDirectory);
            }
            if tool_text.contains("not found") || tool_text.contains("is not recognized") {
                signs.push(Sign::ToolNotFound);
            }
        }
        CliCode::HelmCommand | CliCode::NotaryCommand => {
            let lines: Vec<&String> = tool.iter().filter(|l| !l.trim().is_empty()).collect();
            if !lines.is_empty()
                && lines
                    .iter()
                    .all(|l| l.to_ascii_lowercase().starts_with("warning"))
            {
                signs.push(Sign::ToolWarningsOnly);
            }
        }
        CliCode::NotaryVersion => {
            let found = run_checks.iter().rev().find_map(|c| match c {
                Check::Notary { version } => Some(version.clone()),
                _ => None,
            });
            let downgrade = text.contains("downgrade")
                || found
                    .as_deref()
                    .and_then(semver_in)
                    .is_some_and(|v| v > (0, 6, 0));
            let wrong = text.contains("not recommended")
                || found
                    .as_deref()
                    .and_then(semver_in)
                    .is_some_and(|v| v != (0, 6, 0));
            if wrong {
                signs.push(Sign::NotaryWrongVersion { found, downgrade });
            }
        }
        CliCode::HelmVersion => {
            if text.contains("not recommended") {
                signs.push(Sign::HelmTooOld);
            }
        }
        CliCode::ConnectivityChallenge
        | CliCode::ConnectivitySsl
        | CliCode::ConnectivityForbidden
        | CliCode::ConnectivityRefreshToken
        | CliCode::ConnectivityAccessToken => {
            let dns = run_checks.iter().rev().find_map(|c| match c {
                Check::Dns { ip, .. } => Some(ip.clone()),
                _ => None,
            });
            // An address as printed (a redacted `<IP>` says nothing of its class).
            match dns {
                Some(ip) if crate::values::is_private_ipv4(&ip) => {
                    signs.push(Sign::PrivateAddress { ip })
                }
                Some(ip) if ip.parse::<std::net::Ipv4Addr>().is_ok() => {
                    signs.push(Sign::PublicAddress { ip })
                }
                _ => {}
            }
        }
        CliCode::CliCrash => {
            let all = format!("{text} {tool_text}");
            if all.contains("ProxyError") || all.contains("proxyerror") || all.contains("407 Proxy")
            {
                signs.push(Sign::Proxy);
            }
            if all.contains("CERTIFICATE_VERIFY_FAILED")
                || all.contains("certificate_verify_failed")
                || all.contains("SSLError")
                || all.contains("sslerror")
            {
                signs.push(Sign::CertificateUntrusted);
            }
        }
        CliCode::DockerPull => {
            if tool_text.contains("what's next") || tool_text.contains("what's new") {
                signs.push(Sign::PullHintsOnStderr);
            }
            if tool_text.contains("cannot be used on this platform")
                || tool_text.contains("operating system")
            {
                signs.push(Sign::WindowsContainers);
            }
        }
        // Nothing in these codes' messages changes what they mean.
        CliCode::DockerVersion
        | CliCode::ConnectivityDns
        | CliCode::ConnectivityAadLogin
        | CliCode::ConnectivityTooManyRequests
        | CliCode::LoginServer
        | CliCode::Cmk
        | CliCode::ConnectivityWwwAuthenticate
        | CliCode::Unexpected
        | CliCode::AzLoginRequired => {}
    }
    signs
}
