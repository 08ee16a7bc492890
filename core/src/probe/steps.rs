//! The probe steps and what they can find: the step names, statuses, failures, answers and
//! outcomes, the reasons a step is skipped, and the terminal command for each step.

use super::target::{SkipDns, Target};
use crate::catalog::Code;
use crate::lenient::{self, kept, Loose, Parse};
use crate::values::{self, Slot};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepId {
    Dns,
    Reachability,
    Challenge,
    RefreshToken,
    AccessToken,
    Catalog,
    /// The kit's only (a browser does not see certificates).
    Tls,
    /// The kit's only: the manifest of the repository and tag given.
    Manifest,
    /// The kit's only: the data endpoint a pull downloads layers from.
    DataEndpoint,
}

impl StepId {
    /// The steps a browser runs, in order.
    pub const BROWSER: [StepId; 6] = [
        StepId::Dns,
        StepId::Reachability,
        StepId::Challenge,
        StepId::RefreshToken,
        StepId::AccessToken,
        StepId::Catalog,
    ];

    /// Every step, in the order a run shows them.
    pub const ALL: [StepId; 9] = [
        StepId::Dns,
        StepId::Reachability,
        StepId::Tls,
        StepId::Challenge,
        StepId::RefreshToken,
        StepId::AccessToken,
        StepId::Catalog,
        StepId::Manifest,
        StepId::DataEndpoint,
    ];

    /// The `data-probe` hook.
    pub fn id(self) -> &'static str {
        match self {
            StepId::Dns => "dns",
            StepId::Reachability => "reachability",
            StepId::Challenge => "challenge",
            StepId::RefreshToken => "refresh-token",
            StepId::AccessToken => "access-token",
            StepId::Catalog => "catalog",
            StepId::Tls => "tls",
            StepId::Manifest => "manifest",
            StepId::DataEndpoint => "data-endpoint",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Error,
    Warning,
    Blocked,
    Skipped,
}

impl Status {
    /// The `data-status` hook.
    pub fn id(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
            Status::Warning => "warning",
            Status::Blocked => "blocked",
            Status::Skipped => "skipped",
        }
    }
}

/// Why a fetch gave no response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The configured timeout passed.
    Timeout,
    /// The person pressed Cancel.
    Cancelled,
    /// `TypeError: Failed to fetch`: DNS, refused, TLS, proxy — or, in `cors` mode, no CORS headers.
    Network,
    /// The browser refused the request before sending it: the address is not one it can fetch.
    BadUrl,
    /// The answer was a redirect. The page never follows one: a redirect from a token endpoint
    /// would carry the form (and the secret in it) to wherever it points.
    Redirect,
    /// A pasted kit transcript's step failed to connect: the machine that ran the kit (curl in
    /// a shell), not this browser.
    KitNetwork,
}

/// An HTTP answer the page could read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    pub status: u16,
    pub www_authenticate: Option<String>,
    /// The start of the body, as text.
    pub body: String,
    /// The body parsed as one of the registry's JSON answers, when it is JSON.
    pub json: Option<JsonAnswer>,
}

/// What the probes read in a registry's JSON answers: its errors, a token endpoint's token, a
/// catalog's or a tag list's names. A field of another shape is left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonAnswer {
    pub errors: Vec<RegistryError>,
    pub refresh_token: Option<String>,
    pub access_token: Option<String>,
    pub repositories: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
    /// The object's first field names: all that is shown of a token endpoint's answer.
    pub fields: Vec<String>,
}

/// How many field names an answer keeps.
pub const MAX_FIELDS: usize = 20;

/// One entry of a registry's `errors` list (`{"code": "DENIED", "message": "…"}`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RegistryError {
    pub code: String,
    pub message: String,
}

/// A registry's JSON answer as serde reads it; every field is [`Loose`].
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawAnswer {
    errors: Loose<Vec<Loose<RawError>>>,
    refresh_token: Loose<String>,
    access_token: Loose<String>,
    repositories: Loose<Vec<Loose<String>>>,
    tags: Loose<Vec<Loose<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawError {
    code: Loose<String>,
    message: Loose<String>,
}

impl JsonAnswer {
    /// A body read as one of the registry's JSON answers, parsed by `parse` (the browser in the
    /// page): `None` unless it is a JSON object nested at most [`lenient::MAX_DEPTH`] deep.
    pub fn read(body: &[u8], parse: Parse) -> Option<JsonAnswer> {
        let answer = lenient::within_bounds(body, parse)?;
        let fields = answer.keys(MAX_FIELDS);
        let raw: RawAnswer = lenient::read(answer)?;
        Some(JsonAnswer {
            errors: kept(raw.errors)
                .unwrap_or_default()
                .into_iter()
                .map(|e| RegistryError {
                    code: e.code.get().unwrap_or_default(),
                    message: e.message.get().unwrap_or_default(),
                })
                .collect(),
            refresh_token: raw.refresh_token.get(),
            access_token: raw.access_token.get(),
            repositories: kept(raw.repositories),
            tags: kept(raw.tags),
            fields,
        })
    }
}

impl Reply {
    /// `CODE: message` of the first error in a registry's JSON error body.
    pub fn registry_error(&self) -> Option<String> {
        let e = self.json.as_ref()?.errors.first()?;
        Some(
            format!("{}: {}", e.code, e.message)
                .trim_matches([':', ' '])
                .to_owned(),
        )
    }
}

/// The dedicated data endpoint's name (`<name>.<region>.data.azurecr.io`), asked of the same resolver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataDns {
    /// It exists: layers are downloaded from it, so a firewall must allow it too.
    Found {
        host: String,
        addresses: Vec<String>,
    },
    /// NXDOMAIN: no dedicated data endpoint there; layers come from the registry's storage.
    Missing { host: String },
    /// The resolver could not say.
    Unknown { host: String },
}

/// What an answer from the registry proves worked on the way there, besides TCP and HTTP: a name
/// looked up (not for an address or localhost), TLS (only over https).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    pub dns: bool,
    pub tls: bool,
}

impl Reached {
    pub fn to(target: &super::target::Target) -> Self {
        Reached {
            dns: target.skip_dns.is_none(),
            tls: target.origin.starts_with("https://"),
        }
    }
}

/// What a step found, with the data its explanation needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Skipped(SkipReason),
    // DNS
    Resolved {
        addresses: Vec<String>,
        cnames: Vec<(String, String)>,
        /// The Azure region the chain ends in, as the resolver saw it.
        region: Option<String>,
        /// What the same resolver says of the dedicated data endpoint in that region.
        data: Option<DataDns>,
        /// The AAAA answer's addresses, when it was asked.
        addresses6: Option<Vec<String>>,
        /// Resolved by the machine that ran the kit (its own DNS), not by the page's DoH resolver.
        by_kit: bool,
    },
    PrivateEndpoint {
        link: Option<String>,
        address: Option<String>,
        addresses: Vec<String>,
    },
    NoSuchName,
    DnsOther {
        rcode: String,
    },
    ResolverFailed(Failure),
    ResolverGarbage(super::dns::DnsError),
    /// The resolver setting is not one the page may call: nothing was sent.
    ResolverRefused(super::settings::ResolverError),
    // Reachability
    Reachable(Reached),
    Unreachable(Failure),
    // Challenge
    Challenged {
        realm: String,
        service: String,
    },
    Forbidden {
        detail: Option<String>,
    },
    NoChallenge {
        status: u16,
    },
    NotBearer {
        scheme: String,
    },
    /// The registry answered (reachability proved it) but its answer is not readable here.
    Unreadable,
    ChallengeFailed(Failure),
    // Tokens
    Exchanged,
    TokenRefused {
        status: u16,
        detail: Option<String>,
    },
    Throttled,
    /// 200, but the answer holds no token in `field`.
    NoToken {
        field: &'static str,
    },
    TokenFailed(Failure),
    Granted {
        scope: String,
    },
    /// The token came back, but without the actions asked: what it holds instead.
    GrantedLess {
        asked: String,
        granted: Vec<String>,
    },
    // Catalog
    Listed {
        what: String,
        names: Vec<String>,
    },
    Denied {
        status: u16,
        detail: Option<String>,
    },
    /// 200, but not the registry's list (a proxy's or a sign-in page).
    NotAList,
    /// 404: the repository does not exist (the token was fine).
    NoSuchRepository {
        detail: Option<String>,
    },
    CatalogFailed(Failure),
    // The kit's steps
    /// A TCP connection succeeded from where the kit ran.
    Connected {
        proxy: Option<String>,
    },
    TlsVerified {
        issuer: Option<String>,
        names: Option<String>,
    },
    TlsRefused {
        issuer: Option<String>,
        names: Option<String>,
    },
    ManifestFound,
    ManifestMissing,
    ManifestDenied {
        status: u16,
    },
    /// The blob came from the login server itself: no data endpoint involved.
    NotRedirected,
    DataReached {
        host: String,
    },
    /// The data endpoint failed at one stage: `dns`, `tcp`, `tls` or `get`.
    DataFailed {
        host: String,
        stage: &'static str,
    },
    /// The kit did not follow the blob's redirect: its host is not the registry, its data
    /// endpoint or Azure storage (`scheme` is `None`), or its scheme is not https (`Some`).
    DataNotFollowed {
        host: String,
        scheme: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    Address(SkipDns),
    After(StepId),
    NoEntraToken,
    RefreshTokenGiven,
    BasicCredentials,
    NoCredentials,
    Unreadable(StepId),
    Cancelled,
    /// The challenge's realm is on another host: the page sends no secret there.
    ForeignRealm {
        host: String,
    },
    /// Not an Azure registry, and the person did not tick "send my token" for this origin.
    NotTrusted {
        origin: String,
    },
    /// The ACR refresh token given was issued for another registry.
    RefreshTokenForAnother {
        audience: String,
    },
    /// The kit found no DNS tool (`getent`, `nslookup`) where it ran.
    KitNoDnsTool,
    /// The kit had no credentials where it ran.
    KitNoCredentials,
    /// The kit had only az's Entra token, and the registry is not an Azure login server: the
    /// token is sent there only when ACR_KIT_ENTRA_ORIGIN names it.
    KitEntraNotAzure,
}

/// One step's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub status: Status,
    pub code: Option<Code>,
    pub outcome: Outcome,
}

impl Judged {
    /// Whether this step keeps a run from being called healthy: an error, or a warning that
    /// leaves part of a pull unproven (a token without the actions asked, a layer's redirect the
    /// kit would not follow). A private endpoint's warning is only a fact to check.
    pub fn is_problem(&self) -> bool {
        match self.status {
            Status::Error => true,
            Status::Warning => matches!(
                self.outcome,
                Outcome::GrantedLess { .. } | Outcome::DataNotFollowed { .. }
            ),
            _ => false,
        }
    }
}

impl Judged {
    /// The status as the path drawing reads it: none for an answer that says nothing of its hop
    /// (the resolver could not be asked, or answered neither yes nor no), so a hop is drawn as
    /// passed only when a step shows it passed.
    pub fn hop_status(&self) -> Option<Status> {
        let silent = matches!(
            self.outcome,
            Outcome::ResolverFailed(_) | Outcome::ResolverGarbage(_) | Outcome::DnsOther { .. }
        );
        (!silent).then_some(self.status)
    }
}

pub(super) fn judged(status: Status, code: Option<Code>, outcome: Outcome) -> Judged {
    Judged {
        status,
        code,
        outcome,
    }
}

pub fn skipped(reason: SkipReason) -> Judged {
    judged(Status::Skipped, None, Outcome::Skipped(reason))
}

/// The terminal command that checks the same thing from the person's machine.
pub fn command(step: StepId, target: &Target) -> String {
    fill(command_template(step), target)
}

/// [`command`] before the target's values are put in.
pub fn command_template(step: StepId) -> &'static str {
    match step {
        StepId::Dns => "nslookup {host}",
        StepId::Reachability | StepId::Challenge => "curl -si {origin}/v2/",
        StepId::RefreshToken => "az acr login -n {name} --expose-token",
        StepId::AccessToken | StepId::Catalog => "az acr check-health -n {name} --yes",
        StepId::Tls => "openssl s_client -connect {server} -servername {host}",
        StepId::Manifest => "az acr repository show-tags -n {name} --repository <repository>",
        StepId::DataEndpoint => "az acr show-endpoints -n {name}",
    }
}

/// What to run instead when the browser may not read the registry's answers, before the
/// target's values are put in.
pub const BLOCKED_COMMANDS: [&str; 2] = [
    "curl -si {origin}/v2/",
    "az acr check-health -n {name} --yes",
];

/// What to run instead when the browser may not read the registry's answers.
pub fn blocked_commands(target: &Target) -> Vec<String> {
    BLOCKED_COMMANDS.iter().map(|t| fill(t, target)).collect()
}

fn fill(template: &str, target: &Target) -> String {
    // `{server}` as `openssl s_client -connect` needs it: host and port, the port always written.
    let authority = target.origin.split_once("://").map_or("", |(_, a)| a);
    let server = if authority
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
    {
        authority.to_owned()
    } else {
        format!("{}:443", target.host)
    };
    let slots = [
        (Slot::Name, target.name.as_deref()),
        (Slot::Host, Some(target.host.as_str())),
        (Slot::Origin, Some(target.origin.as_str())),
        (Slot::Server, Some(server.as_str())),
    ];
    values::fill(template, &slots).text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &[u8]) -> Option<JsonAnswer> {
        JsonAnswer::read(body, |b| serde_json::from_slice(b).ok())
    }

    #[test]
    fn a_json_answer_keeps_what_the_probes_read() {
        let a = parse(
            br#"{"refresh_token":"s3cret","errors":[{"code":"DENIED","message":"no"},7],"tags":["v1",2],"refresh_token":"again"}"#,
        )
        .expect("an object");
        assert_eq!(a.refresh_token.as_deref(), Some("again"));
        assert_eq!(
            a.errors,
            [RegistryError {
                code: "DENIED".into(),
                message: "no".into()
            }]
        );
        assert_eq!(a.tags, Some(vec!["v1".to_owned()]));
        assert_eq!(a.fields, ["refresh_token", "errors", "tags"]);
        let many: String = (0..50).map(|i| format!("\"k{i}\":0,")).collect();
        let many = parse(format!("{{{many}\"end\":0}}").as_bytes()).expect("object");
        assert_eq!(many.fields.len(), MAX_FIELDS);
        assert_eq!(parse(b"[1]"), None);
        assert_eq!(parse(b"<html>"), None);
        assert_eq!(
            parse(br#"{"errors": {"code": "DENIED"}, "tags": "v1"}"#).map(|a| (a.errors, a.tags)),
            Some((vec![], None))
        );
    }
}
