//! What the other tools print: docker, containerd and kubelet events, helm, oras, SDKs, CI
//! steps, `az acr login`'s own lines, `az aks check-acr`, raw HTTP. Each message family has a
//! marker (`manifest unknown`, `client with IP '…'`, `failed to fetch anonymous token`…), found
//! anywhere in a line: inside a kubectl event, a JSON body (`\u0027`-escaped or not), a CI log.
//! A line may hold several families (a kubelet event lists every failed attempt). One finding per
//! code and registry; its values (repository, tag, client IP, correlation id, status, host) are
//! read around the marker.

use std::borrow::Cow;

use super::decoder::Decoder;
use super::extract::{self, quoted_after};
use super::hay::{Hay, LowerHay, PairTable};
use super::report::{Detail, Endpoint, Finding, FindingCode, KnownBug, Sign, Source, Span};
use crate::catalog::Code;
use crate::values::registry_name_of;

/// A family found in a line: its code, its HTTP status when the family implies one, and what
/// the line says about it.
struct Found {
    code: Code,
    status: Option<u16>,
    registry: Option<String>,
    detail: Detail,
}

/// The line as the tools' messages are matched: JSON escapes undone (its lower case is asked
/// through a [`LowerHay`]).
fn normalise(text: &str) -> Cow<'_, str> {
    if text.contains('\\') {
        Cow::Owned(
            text.replace("\\u0027", "'")
                .replace("\\u0026", "&")
                .replace("\\\"", "\""),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// The families a line holds, in the order a person reads them.
fn families(t: &Hay, l: &LowerHay) -> Vec<Found> {
    let mut out = Vec::new();
    let mut add = |code: Code, status: Option<u16>| {
        if !out.iter().any(|f: &Found| f.code == code) {
            out.push(Found {
                code,
                status,
                registry: None,
                detail: Detail::default(),
            });
        }
    };
    // How the network failed, if it did: read once, for the findings below and to tell a
    // request that never got an answer from one the registry refused.
    let dns = l.contains("no such host")
        || (l.contains("lookup ") && l.contains(":53"))
        || l.contains("getaddrinfo failed")
        || l.contains("name or service not known")
        || l.contains("temporary failure in name resolution")
        || l.contains("nodename nor servname")
        || l.contains("server can't find")
        || l.contains("cannot assign requested address") && l.contains("dial udp");
    let name_mismatch = (l.contains("certificate is valid for") && l.contains(", not "))
        || l.contains("doesn't contain any ip sans");
    let untrusted = l.contains("certificate signed by unknown authority")
        || l.contains("certificate verify failed")
        || l.contains("failed to verify certificate");
    let connection = l.contains("i/o timeout")
        || l.contains("client.timeout exceeded")
        || l.contains("connection refused")
        || l.contains("connection reset by peer")
        || l.contains("context deadline exceeded")
        || l.contains("winerror 10060")
        || l.contains("tls handshake timeout")
        || l.contains("connecttimeouterror")
        || l.contains("network is unreachable")
        || l.contains("no route to host");
    // Not sent is not refused: no status, and the network's own failure instead.
    let unanswered = (dns || name_mismatch || untrusted || connection)
        && !l.contains("unexpected status")
        && !l.contains(" status ");
    // Entra and the management plane: before the registry.
    if aadsts(t).is_some() {
        add(Code::EntraSigninError, None);
    }
    if l.contains("type 'microsoft.containerregistry/registries' could not be found") {
        add(Code::RegistryNotFound, None);
    }
    // Credentials refused, with the reason the registry gave.
    let app = l.contains("application not registered with aad");
    let secret = l.contains("invalid clientid or client secret");
    if app {
        add(Code::AadAppNotRegistered, Some(401));
    }
    if secret {
        add(Code::SpCredentialsInvalid, Some(401));
    }
    if l.contains("failed to fetch anonymous token") && !unanswered {
        add(
            Code::AnonymousTokenRejected,
            status_after(l, "unexpected status"),
        );
    } else if (l.contains("failed to fetch oauth token") || l.contains("rejected token exchange"))
        && !unanswered
    {
        add(
            Code::TokenRejected,
            status_after(l, "unexpected status").or_else(|| status_after(l, "status")),
        );
    } else if l.contains("unable to retrieve auth token") {
        // containers/image (podman, skopeo, buildah): the token endpoint refused, whatever its
        // "invalid username/password" says (an anonymous request reads the same).
        add(
            Code::TokenRejected,
            if l.contains("unauthorized") {
                Some(401)
            } else {
                status_after(l, "status")
            },
        );
    }
    let client_ip = l.contains("client with ip '") && l.contains("is not allowed access");
    if client_ip {
        add(Code::ClientIpNotAllowed, Some(403));
    } else if l.contains("requested access to the resource is denied")
        || l.contains("pull access denied for")
        || l.contains("denied: ")
        || l.contains("\"code\":\"denied\"")
    {
        add(Code::AccessDenied, Some(403));
    }
    // (`toomanyrequests` alone would match the CLI's own code name, CONNECTIVITY_TOOMANYREQUESTS_ERROR.)
    if l.contains("toomanyrequests:")
        || (l.contains("toomanyrequests") && whole_word(l, "toomanyrequests"))
        || l.contains("\"code\":\"toomanyrequests\"")
        || l.contains("too many requests")
        || l.contains(": 429 ")
    {
        add(Code::TooManyRequests, Some(429));
    } else if l.contains("pull qps exceeded") {
        // kubelet's own limit (registryPullQPS): no request reached the registry.
        add(Code::TooManyRequests, None);
    } else if l.contains("for cache rule '") || l.contains("from remote: not found") {
        // Docker's `error from registry:` prefixes every registry error: only a rule named, or
        // the upstream's own words, say a cache rule failed.
        add(Code::CacheRuleUpstreamError, None);
    }
    if l.contains("manifest unknown")
        || l.contains("manifest_unknown")
        || l.contains("manifest tagged by \"")
        || l.find("failed to resolve reference")
            .is_some_and(|i| l[i..].contains(": not found"))
    {
        add(Code::ManifestUnknown, Some(404));
    }
    if l.contains("the operation is disallowed") || l.contains("registry_disallowed_operation") {
        add(Code::OperationDisallowed, Some(405));
    }
    if l.contains("blob upload unknown") || l.contains("blob_upload_unknown") {
        add(Code::BlobUploadUnknown, Some(404));
    }
    if !app && !secret && unauthorized(l) {
        add(Code::RegistryUnauthorized, Some(401));
    }
    // The network: name, then TLS, then the connection.
    if dns {
        add(Code::DnsLookupFailed, None);
    }
    if name_mismatch {
        add(Code::TlsNameMismatch, None);
    } else if untrusted {
        add(Code::TlsUntrusted, None);
    }
    if connection && !dns {
        add(Code::ConnectionFailed, None);
    }
    if l.contains("could not connect to the registry login server") {
        add(Code::LoginServerUnreachable, None);
    }
    // check-health's message for CONNECTIVITY_CHALLENGE_ERROR, pasted without its title.
    if l.contains("did not issue a challenge") {
        add(Code::ConnectivityChallenge, None);
    }
    if l.contains("error saving credentials")
        || l.contains("illegal base64 data")
        || l.contains("error storing credentials")
        || l.contains("error getting credentials")
        || l.contains("no usernames for")
    {
        add(Code::CredentialStoreError, None);
    }
    if l.contains("no match for platform in manifest") {
        add(Code::PlatformMismatch, None);
    }
    if l.contains("validating image pull permission: failed") {
        add(Code::AksPullPermissionFailed, None);
    }
    // A status in a client's own phrasing, when nothing more precise said that status: a
    // second refusal in the same event (kubelet joins its attempts in one line) is its own.
    for (status, code) in status_phrases(l) {
        if !out
            .iter()
            .any(|f| f.status == Some(status) || f.code == code)
        {
            out.push(Found {
                code,
                status: Some(status),
                registry: None,
                detail: Detail::default(),
            });
        }
    }
    out
}

/// `word` in `l` with no letter, digit or `_` on either side: the registry's error code as a
/// client prints it bare (`attempts=6: toomanyrequests`), not a part of the CLI's own code names
/// (`CONNECTIVITY_TOOMANYREQUESTS_ERROR`).
fn whole_word(l: &LowerHay, word: &str) -> bool {
    let bytes = l.as_bytes();
    let edge = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i))
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
    };
    let mut from = 0;
    while let Some(i) = l[from..].find(word).map(|i| i + from) {
        if edge(i.checked_sub(1)) && edge(Some(i + word.len())) {
            return true;
        }
        from = i + word.len();
    }
    false
}

/// An HTTP status as clients print it: the number with its reason phrase (`403 Forbidden`,
/// `403 (Forbidden)`, `405 Method Not Allowed`), and what it means from a registry. 404 and 5xx
/// are left alone: which resource was missing, or what failed on the service, is not said.
fn status_phrases(l: &LowerHay) -> Vec<(u16, Code)> {
    const PHRASES: [(u16, [&str; 2], Code); 4] = [
        (
            401,
            ["401 unauthorized", "401 (unauthorized)"],
            Code::RegistryUnauthorized,
        ),
        (
            403,
            ["403 forbidden", "403 (forbidden)"],
            Code::AccessDenied,
        ),
        (
            405,
            ["405 method not allowed", "405 (method not allowed)"],
            Code::OperationDisallowed,
        ),
        (
            429,
            ["429 too many requests", "429 (too many requests)"],
            Code::TooManyRequests,
        ),
    ];
    PHRASES
        .iter()
        .filter(|(_, phrases, _)| phrases.iter().any(|p| l.contains(p)))
        .map(|(status, _, code)| (*status, *code))
        .collect()
}

/// A 401 from the registry on its API: docker's and ACR's words, the JSON body, an SDK's status.
fn unauthorized(l: &LowerHay) -> bool {
    if l.contains("fetch oauth token")
        || l.contains("fetch anonymous token")
        || l.contains("unable to retrieve auth token")
    {
        return false;
    }
    l.contains("unauthorized: authentication required")
        || l.contains("\"code\":\"unauthorized\"")
        || l.contains("unauthorized: {")
        || (l.contains("/v2/")
            && (l.contains(": 401 unauthorized")
                || l.contains("status: 401")
                || l.contains("401 client error: unauthorized")))
}

/// The three-digit status after `marker` (`unexpected status from GET request to …: 401`).
fn status_after(l: &LowerHay, marker: &str) -> Option<u16> {
    let from = l.find(marker)? + marker.len();
    let rest = &l[from..];
    // The status follows the URL: the first ": NNN" after the marker.
    let at = rest.find(": ").map(|i| i + 2).unwrap_or(0);
    let digits: String = rest[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 3)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|s| (100..600).contains(s))
}

/// `AADSTS700082` in the text, if any.
fn aadsts(t: &Hay) -> Option<String> {
    let at = t.find("AADSTS")?;
    let digits: String = t[at + 6..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then(|| format!("AADSTS{digits}"))
}

/// The host a message is about: a login server in it, else the host of a URL or a lookup.
fn host_in(t: &str) -> Option<String> {
    if let Some(s) = extract::find_login_server(t) {
        return Some(s);
    }
    let l = t.to_ascii_lowercase();
    let after = |marker: &str| -> Option<String> {
        let from = l.find(marker)? + marker.len();
        let word: String = t[from..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
            .collect();
        let host = word.split(':').next().unwrap_or("").to_owned();
        (host.contains('.')).then_some(host)
    };
    // A documentation link in the message is not the host it is about.
    let docs = |h: &String| {
        ![
            "aka.ms",
            "learn.microsoft.com",
            "docs.microsoft.com",
            "docs.docker.com",
            "github.com",
        ]
        .iter()
        .any(|d| h.eq_ignore_ascii_case(d))
    };
    after("lookup ")
        .or_else(|| after("host='"))
        .or_else(|| urls(t).into_iter().find(|h| docs(h)))
}

/// The hosts of the URLs in a line, in order.
fn urls(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(at) = rest.find("://") {
        let host: String = rest[at + 3..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .collect();
        if host.contains('.') {
            out.push(host);
        }
        rest = &rest[at + 3..];
    }
    out
}

/// `registry/repository:tag` or `/v2/<repository>/manifests/<tag>` after the registry's host.
fn image_in(t: &str, registry: &str) -> (Option<String>, Option<String>) {
    let v2 = format!("{registry}/v2/");
    if let Some(at) = t.find(&v2) {
        let rest = &t[at + v2.len()..];
        for kind in ["/manifests/", "/blobs/", "/tags/"] {
            if let Some(end) = rest.find(kind) {
                let repository = rest[..end].to_owned();
                let tag: String = rest[end + kind.len()..]
                    .chars()
                    // A tag, or a digest (`sha256:…`).
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
                    .collect();
                let tag = tag.trim_end_matches(':').to_owned();
                let tag = (kind == "/manifests/" && !tag.is_empty()).then_some(tag);
                return (Some(repository), tag);
            }
        }
    }
    let prefix = format!("{registry}/");
    let Some(at) = t.find(&prefix) else {
        return (None, None);
    };
    let reference: String = t[at + prefix.len()..]
        .chars()
        .take_while(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | ':' | '@' | '<' | '>')
        })
        .collect();
    if reference.starts_with("v2/") || reference.starts_with("oauth2/") {
        return (None, None);
    }
    // `repo@sha256:…` names a digest: that is what was asked, not `latest`.
    if let Some((name, digest)) = reference.split_once('@') {
        let repo = name.rsplit_once(':').map_or(name, |(r, _)| r);
        if !repo.is_empty() && digest.contains(':') {
            return (Some(repo.to_owned()), Some(digest.to_owned()));
        }
    }
    let reference = reference.split('@').next().unwrap_or("").to_owned();
    match reference.rsplit_once(':') {
        Some((repo, tag)) if !repo.is_empty() => (Some(repo.to_owned()), Some(tag.to_owned())),
        _ if !reference.is_empty() => (Some(reference), None),
        _ => (None, None),
    }
}

/// The word after `CorrelationId:` or `Correlation ID:`.
fn correlation_id(t: &str) -> Option<String> {
    let l = t.to_ascii_lowercase();
    let at = ["correlationid:", "correlation id:", "correlation-id:"]
        .iter()
        .find_map(|m| l.find(m).map(|i| i + m.len()))?;
    let id: String = t[at..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    (!id.is_empty()).then_some(id)
}

/// Which host a connection failure was on.
fn endpoint(l: &str) -> Endpoint {
    if l.contains(".data.azurecr.io")
        || l.contains(".blob.core.windows.net")
        || l.contains("error pulling image configuration")
        || l.contains("/blobs/")
    {
        Endpoint::Data
    } else if l.contains("/oauth2/") {
        Endpoint::Token
    } else {
        Endpoint::Login
    }
}

/// The check-health code the same cause gives, from the same machine and identity.
pub fn check_health(code: Code, status: Option<u16>, detail: &Detail) -> Option<Code> {
    match code {
        Code::TokenRejected => Some(Code::ConnectivityRefreshToken),
        Code::AnonymousTokenRejected if status == Some(403) => Some(Code::ConnectivityForbidden),
        Code::ClientIpNotAllowed => Some(Code::ConnectivityForbidden),
        // A 429 from the registry itself (kubelet's own pull limit has no status).
        Code::TooManyRequests if detail.cache_rule.is_none() && status == Some(429) => {
            Some(Code::ConnectivityTooManyRequests)
        }
        Code::DnsLookupFailed => Some(Code::ConnectivityDns),
        Code::ConnectionFailed => match detail.endpoint {
            Some(Endpoint::Login) => Some(Code::ConnectivityChallenge),
            Some(Endpoint::Token) => Some(Code::ConnectivityRefreshToken),
            Some(Endpoint::Data) | None => None,
        },
        Code::TlsUntrusted if detail.endpoint != Some(Endpoint::Data) => {
            Some(Code::ConnectivitySsl)
        }
        Code::LoginServerUnreachable => Some(Code::ConnectivityChallenge),
        _ => None,
    }
}

impl Decoder {
    /// Read a line for the other tools' messages, and add what it holds.
    pub(super) fn scan_tools(&mut self, n: usize, text: &Hay) {
        self.scan_tools_of(n, text, |_| true);
    }

    /// Read a crash's exception line: only a network failure it names is a finding of its own
    /// (an HTTP error in a traceback is the cause of the CLI's error, not another one).
    pub(super) fn scan_crash_exception(&mut self, n: usize, text: &Hay) {
        self.scan_tools_of(n, text, |code| {
            matches!(
                code,
                Code::DnsLookupFailed
                    | Code::ConnectionFailed
                    | Code::TlsUntrusted
                    | Code::TlsNameMismatch
            )
        });
    }

    fn scan_tools_of(&mut self, n: usize, text: &Hay, keep: impl Fn(Code) -> bool) {
        // A tool's message names its context before its cause (`lookup x: no such host`), or
        // says one of these words: a line with none is prose (`I keep getting MANIFEST_UNKNOWN`),
        // where a code's name is a mention (mentions.rs), not the tool's message.
        let quick = text.contains(":")
            || text.contains("unknown")
            || text.contains("could not be found")
            || text.contains("AADSTS")
            || text.contains("denied")
            || text.contains("did not issue a challenge");
        if !quick {
            return;
        }
        // The JSON body of an answer curl showed is part of that answer: what it names (the
        // address the registry saw) goes to the answer's finding.
        if self.curl.answer_judged && text.trim_start().starts_with('{') {
            let t = normalise(text);
            let ip = quoted_after(&t, "client with IP ");
            if let Some(f) = self
                .report
                .findings
                .iter_mut()
                .rev()
                .find(|f| f.source == Source::Curl)
            {
                f.detail.client_ip = f.detail.client_ip.take().or(ip);
            }
            return;
        }
        let t = normalise(text);
        let mut own = None;
        let pairs = match t {
            Cow::Borrowed(_) => text.pairs(),
            Cow::Owned(_) => own.insert(PairTable::default()).read(&t),
        };
        let (th, lh) = (Hay::new(&t, pairs), LowerHay::new(&t, pairs));
        let mut found = families(&th, &lh);
        found.retain(|f| keep(f.code));
        if found.is_empty() {
            return;
        }
        let host = host_in(&t);
        let (repository, tag) = host
            .as_deref()
            .map(|h| image_in(&t, h))
            .unwrap_or((None, None));
        for mut f in found {
            f.registry = host.clone();
            f.detail.repository.clone_from(&repository);
            f.detail.tag.clone_from(&tag);
            f.detail.correlation_id = correlation_id(&t);
            f.detail.aadsts = aadsts(&th).filter(|_| f.code == Code::EntraSigninError);
            if f.code == Code::ClientIpNotAllowed {
                f.detail.client_ip = quoted_after(&t, "client with IP ")
                    .or_else(|| quoted_after(&t, "client with ip "));
            }
            if matches!(f.code, Code::ConnectionFailed | Code::TlsUntrusted) {
                f.detail.endpoint = Some(endpoint(&lh));
            }
            if matches!(f.code, Code::TooManyRequests | Code::CacheRuleUpstreamError) {
                f.detail.cache_rule = quoted_after(&t, "for cache rule ");
            }
            if f.code == Code::AccessDenied {
                f.detail.docker_hub = docker_hub(&t);
            }
            f.detail.known_bug = line_bug(f.code, &lh, f.status);
            f.detail.check_health = check_health(f.code, f.status, &f.detail);
            self.add_tool(n, &t, f);
        }
    }

    /// One finding per code and registry: a repeat adds its line and fills what was missing.
    fn add_tool(&mut self, n: usize, text: &str, f: Found) {
        let code = FindingCode::Known(f.code);
        let existing =
            self.report.findings.iter_mut().find(|g| {
                g.code == code && g.source == Source::Printed && g.registry == f.registry
            });
        if let Some(g) = existing {
            if g.lines.last().is_none_or(|s| s.last + 1 < n) {
                g.lines.push(Span { first: n, last: n });
            } else if let Some(s) = g.lines.last_mut() {
                s.last = n;
            }
            let d = &mut g.detail;
            d.repository = d.repository.take().or(f.detail.repository);
            d.tag = d.tag.take().or(f.detail.tag);
            d.client_ip = d.client_ip.take().or(f.detail.client_ip);
            d.correlation_id = d.correlation_id.take().or(f.detail.correlation_id);
            return;
        }
        let mut g = Finding::new(n, code, Source::Printed);
        g.message.push(super::clean::cut(text, 2000).to_owned());
        g.signs = reference_signs(text, f.registry.as_deref(), &f.detail);
        g.signs
            .extend(identity_sign(f.code, &text.to_ascii_lowercase()));
        // The privatelink name is not the login server (the sign says it was used): commands
        // and the card name the registry's own.
        g.registry = f.registry.map(|h| h.replacen(".privatelink.", ".", 1));
        g.registry_name = g.registry.as_deref().and_then(registry_name_of);
        if f.code == Code::RegistryNotFound {
            g.registry_name = quoted_after(text, "resource with name ")
                .filter(|n| crate::values::is_registry_name(n));
        }
        g.http_status = f.status;
        g.detail = f.detail;
        if let Some(server) = g.registry.clone() {
            self.note_server(&server);
        }
        self.add(g);
    }

    /// Known client defects, read once the whole paste is known (the version may come later).
    pub(super) fn known_bugs(&mut self, paste_facts: &PasteFacts) {
        for f in &mut self.report.findings {
            let bug = match f.code.known() {
                Some(Code::RegistryUnauthorized | Code::TokenRejected) if paste_facts.helm_313 => {
                    Some(KnownBug::Helm313Oci)
                }
                Some(Code::RegistryUnauthorized | Code::TokenRejected) if paste_facts.helm_318 => {
                    Some(KnownBug::Helm318Login)
                }
                Some(Code::CliCrash) if paste_facts.server_version_key_error => {
                    Some(KnownBug::CheckAcrServerVersion)
                }
                Some(Code::CliCrash) if paste_facts.role_assignment_mode => {
                    Some(KnownBug::CheckHealthRoleAssignmentMode)
                }
                _ => None,
            };
            if bug.is_some() {
                f.detail.known_bug = bug;
            }
        }
    }
}

/// What the image reference or host itself says about the failure.
fn reference_signs(text: &str, registry: Option<&str>, d: &Detail) -> Vec<Sign> {
    let mut signs = Vec::new();
    if d.repository.is_some() && d.tag.is_none() || d.tag.as_deref() == Some("latest") {
        // `latest` asked for: written, or assumed for a reference without a tag.
        signs.push(Sign::NoTag);
    }
    if let Some(host) = registry {
        if host.contains(".privatelink.") {
            signs.push(Sign::PrivatelinkName);
        }
        if let Some(likely) = look_alike(host) {
            signs.push(Sign::LookAlikeHost {
                host: host.to_owned(),
                likely,
            });
        }
        if text.contains(&format!("{host}:443/")) {
            signs.push(Sign::PortInReference);
        }
    }
    if d.repository
        .as_deref()
        .is_some_and(|r| r.bytes().any(|b| b.is_ascii_uppercase()))
    {
        signs.push(Sign::UpperCaseRepository);
    }
    if d.docker_hub {
        signs.push(Sign::DockerHub);
    }
    let l = text.to_ascii_lowercase();
    if l.contains("pull qps exceeded") {
        signs.push(Sign::NodePullQps);
    }
    if registry.is_some_and(|h| h.eq_ignore_ascii_case("mcrprod.azurecr.io"))
        || l.contains("mcr.microsoft.com/")
    {
        signs.push(Sign::MicrosoftRegistry);
    }
    signs
}

/// A defect the line itself shows.
fn line_bug(code: Code, l: &str, status: Option<u16>) -> Option<KnownBug> {
    if l.contains("illegal base64 data") {
        Some(KnownBug::PodmanBase64)
    } else if code == Code::TokenRejected
        && status == Some(400)
        && (l.contains("scope=&")
            || l.contains("scope=:")
            || l.contains("&scope=\"")
            || l.ends_with("scope="))
    {
        Some(KnownBug::ContainerdEmptyScope)
    } else {
        None
    }
}

/// Whose identity a credentials finding shows, from the tool that printed it.
fn identity_sign(code: Code, l: &str) -> Option<Sign> {
    let about_identity = matches!(
        code,
        Code::RegistryUnauthorized
            | Code::AccessDenied
            | Code::TokenRejected
            | Code::AnonymousTokenRejected
    );
    if !about_identity {
        None
    } else if l.contains("failed to pull image") || l.contains("kubelet") {
        Some(Sign::Kubelet)
    } else if l.contains("error response from daemon") {
        Some(Sign::DockerDaemon)
    } else {
        None
    }
}

/// A host that means an Azure registry but is not one: the name it likely should be.
fn look_alike(host: &str) -> Option<String> {
    let lower = host.to_ascii_lowercase();
    if crate::values::is_azure_registry_host(&lower) || host.contains(['<', '*']) {
        return None;
    }
    let (first, rest) = lower.split_once('.')?;
    let near = [
        "azureacr.",
        "az-azurecr.",
        "azurecr.com",
        "azurecr.net",
        "azrecr.",
        "azuercr.",
        "azurcr.",
    ];
    (near.iter().any(|n| rest.contains(n)) || rest.starts_with("azurecr."))
        .then(|| format!("{first}.azurecr.io"))
}

/// `pull access denied for <name>` with a name that has no registry host: Docker Hub.
fn docker_hub(t: &str) -> bool {
    let Some(name) = extract::word_after(t, "pull access denied for ") else {
        return false;
    };
    let name = name.trim_end_matches(',');
    let first = name.split('/').next().unwrap_or("");
    !(first.contains('.') || first.contains(':') || first == "localhost")
}

/// Facts about the whole paste that decide a known defect.
#[derive(Default)]
pub(super) struct PasteFacts {
    helm_313: bool,
    helm_318: bool,
    server_version_key_error: bool,
    role_assignment_mode: bool,
}

impl PasteFacts {
    pub(super) fn line(&mut self, text: &Hay) {
        let helm = || text.contains("Version:") || text.to_ascii_lowercase().contains("helm");
        if text.contains("v3.13.0") || text.contains("v3.13.1") {
            self.helm_313 |= helm();
        }
        if ["v3.18.0", "v3.18.1", "v3.18.2"]
            .iter()
            .any(|v| text.contains(v))
        {
            self.helm_318 |= helm();
        }
        self.server_version_key_error |= text.contains("KeyError: 'serverVersion'");
        self.role_assignment_mode |= text.contains("has no attribute 'role_assignment_mode'");
    }
}
