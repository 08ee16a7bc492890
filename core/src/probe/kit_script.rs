//! The probe kit the page hands over: a short POSIX `sh` script (and the `kubectl` line that runs
//! it inside a cluster) that checks, from where the problem is, what a browser cannot: DNS as
//! this machine sees it, TCP and TLS with the certificate's issuer, the challenge, a token, the
//! image's manifest, and the data endpoint its layers come from. It prints the transcript of
//! `transcript.rs`, which the page reads back.
//!
//! Every value put into the script passed its grammar (`values.rs`) and is single-quoted; a
//! value that did not pass is not put in. The script changes nothing, needs no root, prints no
//! secret (a token as its length, a redirect as its host) and passes none on a command line
//! (curl reads them from its standard input).

use super::target::Target;
use crate::values::{
    is_loopback, is_registry_name, is_repository, is_tag, split_port, url_authority,
};

/// The image to follow to its data endpoint, when the person gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub repository: String,
    pub tag: String,
}

impl Image {
    /// `repository[:tag]`, checked against the distribution grammar; `latest` when no tag.
    pub fn parse(text: &str) -> Option<Image> {
        let text = text.trim();
        let (repository, tag) = match text.rsplit_once(':') {
            Some((r, t)) if !t.contains('/') => (r, t),
            _ => (text, "latest"),
        };
        (is_repository(repository) && is_tag(tag)).then(|| Image {
            repository: repository.to_owned(),
            tag: tag.to_owned(),
        })
    }
}

/// The image the kit runs in, inside a cluster: Azure Linux's base image from Microsoft's own
/// registry (no Docker Hub limits; it carries sh, curl, openssl and getent).
pub const CLUSTER_IMAGE: &str = "mcr.microsoft.com/azurelinux/base/core:3.0";

/// The `kubectl` command that runs the `sh` kit (saved as a file) in a pod on a node's network and
/// DNS (`hostNetwork`), which are what the kubelet's pulls use.
pub const KUBECTL: &str = r#"kubectl run acr-doctor-kit --rm -i --restart=Never --image=mcr.microsoft.com/azurelinux/base/core:3.0 --overrides='{"apiVersion":"v1","spec":{"hostNetwork":true}}' --command -- sh -s < acr-doctor-kit.sh"#;

/// The same in an ordinary pod: the pod network and the cluster's DNS (CoreDNS).
pub const KUBECTL_POD: &str = "kubectl run acr-doctor-kit --rm -i --restart=Never --image=mcr.microsoft.com/azurelinux/base/core:3.0 --command -- sh -s < acr-doctor-kit.sh";

/// What the kit knows of the registry before it asks anything: the page's own checked values,
/// never text from an answer.
struct Known<'a> {
    origin: &'a str,
    host: &'a str,
    port: &'a str,
    tls: bool,
    /// Look the name up (not an address, not `localhost`).
    dns: bool,
    /// This machine: plain http is allowed for it, and for nothing else.
    loopback: bool,
    /// An https login server under Azure's registry domains: az's Entra token may go there.
    azure: bool,
    /// Where a layer may be fetched from besides the registry itself (an extended regex).
    data_hosts: String,
    repository: &'a str,
    tag: &'a str,
}

impl<'a> Known<'a> {
    fn of(target: &'a Target, image: Option<&'a Image>) -> Known<'a> {
        let (repository, tag) = image
            .map(|i| (i.repository.as_str(), i.tag.as_str()))
            .unwrap_or(("", ""));
        let tls = target.origin.starts_with("https://");
        let authority = url_authority(&target.origin).unwrap_or("");
        let port = split_port(authority)
            .1
            .unwrap_or(if tls { "443" } else { "80" });
        Known {
            origin: &target.origin,
            host: &target.host,
            port,
            tls,
            dns: target.skip_dns.is_none(),
            loopback: is_loopback(&target.host),
            azure: target.azure,
            data_hosts: data_hosts(target.name.as_deref()),
            repository,
            tag,
        }
    }
}

/// Azure storage in each cloud, where layers live when a registry has no data endpoint.
const STORAGE: &str =
    r"[a-z0-9-]+\.blob\.core\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)";

/// The hosts a blob's redirect may point at, besides the registry itself: the registry's own data
/// endpoints (`<name>.<region>.data.azurecr.io`, and the other clouds'), and Azure storage. The
/// name is a checked registry name (letters and digits), so it needs no escaping.
fn data_hosts(name: Option<&str>) -> String {
    match name.filter(|n| is_registry_name(n)) {
        Some(n) => format!(
            r"{}\.[a-z0-9-]+\.data\.azurecr\.(io|cn|us)|{STORAGE}",
            n.to_ascii_lowercase()
        ),
        None => STORAGE.to_owned(),
    }
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The kits' text as the page serves it (`static/kit/`, fetched when the kit is asked for, so
/// the first load carries only the explainer). The page fills in the registry's values at
/// [`VALUES_LINE`]; these copies are the same files, for the native tests and tools.
pub mod files {
    pub const SH: &str = include_str!("../../../static/kit/acr-doctor-kit.sh");
    pub const PS: &str = include_str!("../../../static/kit/acr-doctor-kit.ps1");
}

/// The line of a kit's file where the page writes the registry's values.
pub const VALUES_LINE: &str = "# (acr-doctor writes the registry's values here.)\n";

/// A kit's file with `values` written at its [`VALUES_LINE`]; `None` when the text is not a kit
/// (no such line, or more than one).
fn fill(template: &str, values: &str) -> Option<String> {
    let (head, tail) = template.split_once(VALUES_LINE)?;
    if tail.contains(VALUES_LINE) {
        return None;
    }
    Some([head, values, tail].concat())
}

/// The PowerShell kit (Windows PowerShell 5.1 or later): the same steps and transcript as the
/// `sh` kit, with the built-in `curl.exe`, `Resolve-DnsName`, and .NET for the certificate.
/// `template` is the served `acr-doctor-kit.ps1` ([`files::PS`]).
pub fn ps(template: &str, target: &Target, image: Option<&Image>) -> Option<String> {
    let k = Known::of(target, image);
    let vars = [
        ("Origin", k.origin),
        ("HostName", k.host),
        ("Port", k.port),
        ("Tls", yes(k.tls)),
        ("Dns", yes(k.dns)),
        ("Loopback", yes(k.loopback)),
        ("Azure", yes(k.azure)),
        ("DataHosts", &k.data_hosts),
        ("Repo", k.repository),
        ("Tag", k.tag),
    ];
    let values: String = vars
        .iter()
        .map(|(name, value)| format!("${name} = {}\n", ps_quote(value)))
        .collect();
    fill(template, &values)
}

/// The `sh` kit for a registry (and an image to follow). `template` is the served
/// `acr-doctor-kit.sh` ([`files::SH`]).
pub fn sh(template: &str, target: &Target, image: Option<&Image>) -> Option<String> {
    let k = Known::of(target, image);
    let vars = [
        ("ORIGIN", k.origin),
        ("HOST", k.host),
        ("PORT", k.port),
        ("TLS", yes(k.tls)),
        ("DNS", yes(k.dns)),
        ("LOOP", yes(k.loopback)),
        ("AZURE", yes(k.azure)),
        ("DATA_HOSTS", &k.data_hosts),
        ("REPO", k.repository),
        ("TAG", k.tag),
    ];
    let values: String = vars
        .iter()
        .map(|(name, value)| format!("{name}={}\n", sh_quote(value)))
        .collect();
    fill(template, &values)
}

/// A value as one POSIX `sh` word: single-quoted, a `'` closed, escaped and reopened. Nothing
/// inside single quotes is read by the shell.
pub fn sh_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// A value as one PowerShell string: single-quoted, where only a quote is special. PowerShell
/// also reads the typographic quotes (U+2018, U+2019, U+201A, U+201B) as quotes, so each is
/// doubled like `'`.
pub fn ps_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// A value inside a double-quoted string of curl's config file, as both kits write it (`opt` in
/// `sh`, `Opt` in PowerShell): `\` and `"` escaped, control characters dropped (a line break
/// would end the option and start another).
pub fn curl_config_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    for c in value.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
