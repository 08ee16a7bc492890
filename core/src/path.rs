//! Where on the way to an image it broke. A pull goes from this machine (Docker, the CLI) through
//! DNS to the login server's `/v2/`, exchanges a sign-in for a refresh token, gets an access
//! token, and downloads layers from a data endpoint. Each hop is passed, failed, not reached,
//! blocked (what a browser may not see) or unknown, read from a decoded paste or a probe run.

use crate::catalog::{Code, Lang};
use crate::decode::{Check, Endpoint, Finding, Report, Sign};
use crate::probe::steps::{Status, StepId};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hop {
    /// This machine, as a paste shows it: Docker, the CLI.
    Client,
    /// This browser, as a probe run starts from it.
    Browser,
    Dns,
    LoginServer,
    Exchange,
    AccessToken,
    Data,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HopState {
    Passed,
    Failed,
    NotReached,
    Blocked,
    Unknown,
}

impl Hop {
    /// The hops of a paste's path (a probe run starts at [`Hop::Browser`] instead).
    pub const ALL: [Hop; 6] = [
        Hop::Client,
        Hop::Dns,
        Hop::LoginServer,
        Hop::Exchange,
        Hop::AccessToken,
        Hop::Data,
    ];

    /// The `data-hop` hook.
    pub fn id(self) -> &'static str {
        match self {
            Hop::Client => "client",
            Hop::Browser => "browser",
            Hop::Dns => "dns",
            Hop::LoginServer => "login-server",
            Hop::Exchange => "exchange",
            Hop::AccessToken => "access-token",
            Hop::Data => "data",
        }
    }

    /// The hop's name, short enough for a phone's width.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Hop::Client => tr!(lang, "This machine", "Cette machine"),
            Hop::Browser => tr!(lang, "This browser", "Ce navigateur"),
            Hop::Dns => "DNS",
            Hop::LoginServer => "/v2/",
            Hop::Exchange => tr!(lang, "Exchange", "Échange"),
            Hop::AccessToken => tr!(lang, "Access token", "Jeton d’accès"),
            Hop::Data => tr!(lang, "Layers", "Couches"),
        }
    }

    /// What the hop is, in a sentence's words (the text alternative).
    pub fn long_name(self, lang: Lang) -> &'static str {
        match self {
            Hop::Client => tr!(
                lang,
                "This machine (Docker, the CLI)",
                "Cette machine (Docker, la CLI)"
            ),
            Hop::Browser => tr!(
                lang,
                "This browser (where the probes ran)",
                "Ce navigateur (où les sondes ont tourné)"
            ),
            Hop::Dns => tr!(lang, "DNS", "DNS"),
            Hop::LoginServer => tr!(
                lang,
                "The login server's /v2/",
                "Le /v2/ du serveur de connexion"
            ),
            Hop::Exchange => tr!(
                lang,
                "The token exchange (refresh token)",
                "L’échange de jeton (jeton d’actualisation)"
            ),
            Hop::AccessToken => tr!(lang, "The access token", "Le jeton d’accès"),
            Hop::Data => tr!(
                lang,
                "The data endpoint (layers)",
                "Le point de terminaison de données (couches)"
            ),
        }
    }
}

impl HopState {
    /// The `data-state` hook, and the CSS class.
    pub fn id(self) -> &'static str {
        match self {
            HopState::Passed => "passed",
            HopState::Failed => "failed",
            HopState::NotReached => "not-reached",
            HopState::Blocked => "blocked",
            HopState::Unknown => "unknown",
        }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            HopState::Passed => tr!(lang, "passed", "franchi"),
            HopState::Failed => tr!(lang, "failed", "en échec"),
            HopState::NotReached => tr!(lang, "not reached", "pas atteint"),
            HopState::Blocked => tr!(
                lang,
                "not visible to a browser",
                "invisible pour un navigateur"
            ),
            HopState::Unknown => tr!(lang, "not shown", "non montré"),
        }
    }
}

/// The hop a code is about (a connection or certificate failure says which endpoint it met).
/// Every code is placed here: a new one does not compile until it is.
pub fn hop_of(code: Code, endpoint: Option<Endpoint>) -> Hop {
    let at_endpoint = |default| match endpoint {
        Some(Endpoint::Data) => Hop::Data,
        Some(Endpoint::Token) => Hop::Exchange,
        _ => default,
    };
    match code {
        Code::DockerCommand
        | Code::DockerDaemon
        | Code::DockerVersion
        | Code::HelmCommand
        | Code::HelmVersion
        | Code::NotaryCommand
        | Code::NotaryVersion
        | Code::Unexpected
        | Code::AzLoginRequired
        | Code::CliCrash
        | Code::CredentialStoreError
        | Code::RegistryNotFound
        | Code::PlatformMismatch => Hop::Client,
        Code::ConnectivityDns | Code::DnsLookupFailed => Hop::Dns,
        Code::ConnectivityForbidden
        | Code::ConnectivityChallenge
        | Code::ConnectivityWwwAuthenticate
        | Code::LoginServer
        | Code::LoginServerUnreachable
        | Code::ClientIpNotAllowed
        | Code::RegistryUnauthorized => Hop::LoginServer,
        Code::ConnectivitySsl
        | Code::ConnectionFailed
        | Code::TlsUntrusted
        | Code::TlsNameMismatch => at_endpoint(Hop::LoginServer),
        Code::ConnectivityAadLogin
        | Code::ConnectivityRefreshToken
        | Code::ConnectivityTooManyRequests
        | Code::AadAppNotRegistered
        | Code::SpCredentialsInvalid
        | Code::EntraSigninError
        | Code::TooManyRequests
        | Code::Cmk => Hop::Exchange,
        Code::ConnectivityAccessToken
        | Code::TokenRejected
        | Code::AnonymousTokenRejected
        | Code::AccessDenied
        | Code::ManifestUnknown
        | Code::OperationDisallowed
        | Code::AksPullPermissionFailed
        | Code::CacheRuleUpstreamError => Hop::AccessToken,
        Code::DockerPull | Code::BlobUploadUnknown => Hop::Data,
    }
}

/// What a finding is to the person reading the paste: a problem of its own, a consequence of one
/// shown above it (one failure the paste tells twice, or a later step that could not work after
/// an earlier one failed), or a note (a known false positive: nothing failed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Error,
    /// The finding at this index in [`Report::findings`] is its cause.
    Consequence {
        of: usize,
    },
    Note,
}

impl Role {
    /// The `data-role` hook.
    pub fn id(self) -> &'static str {
        match self {
            Role::Error => "error",
            Role::Consequence { .. } => "consequence",
            Role::Note => "note",
        }
    }
}

/// Whether a finding is a known false positive: the CLI counted a tool's warnings (or a pull's
/// hints) on its error output as a failure.
fn false_positive(f: &Finding) -> bool {
    f.signs
        .iter()
        .any(|s| matches!(s, Sign::ToolWarningsOnly | Sign::PullHintsOnStderr))
}

/// Whether a finding shows a hop that failed: an error code that is no false positive.
fn failed(f: &Finding) -> bool {
    f.code.is_error() && !false_positive(f)
}

/// Each finding's [`Role`]. On the way to a registry a failure stops what comes after it: of the
/// failures met on the network's hops (DNS onwards) for one registry, the one at the earliest hop
/// (the first in the paste, between equals) is the problem, and the others are its consequences.
/// What fails on this machine (Docker, Helm, the CLI, its sign-in) stands on its own; false
/// positives are notes.
pub fn roles(report: &Report) -> Vec<Role> {
    let findings = &report.findings;
    let hop = |f: &Finding| {
        let hop = f.code.known().map(|c| hop_of(c, f.detail.endpoint));
        hop.and_then(|h| Hop::ALL.iter().position(|x| *x == h))
    };
    // A 401 the same paste shows with a missing manifest is that missing tag (a sign the decoder
    // gives): it follows the MANIFEST_UNKNOWN, whatever its hop.
    let manifest = findings
        .iter()
        .position(|f| f.code.known() == Some(Code::ManifestUnknown));
    let follows_manifest =
        |f: &Finding| manifest.is_some() && f.signs.contains(&Sign::AlsoManifestUnknown);
    // The problems, hop by hop along the way to the registry, in the paste's order within a hop.
    let problem = |i: &usize| !false_positive(&findings[*i]) && !follows_manifest(&findings[*i]);
    let order: Vec<usize> = (0..Hop::ALL.len())
        .flat_map(|h| (0..findings.len()).filter(move |i| hop(&findings[*i]).unwrap_or(0) == h))
        .filter(problem)
        .collect();
    let mut roles = vec![Role::Note; findings.len()];
    let mut roots: Vec<usize> = Vec::new();
    let client = Hop::ALL.iter().position(|h| *h == Hop::Client);
    for i in order {
        let on_network = |k: usize| hop(&findings[k]).is_some_and(|h| Some(h) != client);
        let same_registry =
            |k: usize| match (&findings[k].registry_name, &findings[i].registry_name) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            };
        let cause = roots
            .iter()
            .copied()
            .find(|&r| on_network(i) && on_network(r) && same_registry(r));
        roles[i] = match cause {
            Some(of) => Role::Consequence { of },
            None => {
                roots.push(i);
                Role::Error
            }
        };
    }
    if let Some(m) = manifest {
        let root = match roles[m] {
            Role::Consequence { of } => of,
            _ => m,
        };
        for (i, f) in findings.iter().enumerate() {
            if follows_manifest(f) && failed(f) && i != m {
                roles[i] = Role::Consequence { of: root };
            }
        }
    }
    roles
}

/// The order findings are read in: each problem, then what follows from it, then the notes (a
/// consequence is read under its cause, a false positive last).
pub fn reading_order(roles: &[Role]) -> Vec<usize> {
    let all = 0..roles.len();
    let mut order = Vec::with_capacity(roles.len());
    for i in all.clone().filter(|i| roles[*i] == Role::Error) {
        order.push(i);
        order.extend(
            all.clone()
                .filter(|k| roles[*k] == Role::Consequence { of: i }),
        );
    }
    order.extend(all.filter(|k| roles[*k] == Role::Note));
    order
}

/// The path as a paste shows it, or `None` when the paste shows no hop at all.
pub fn from_report(report: &Report) -> Option<Vec<(Hop, HopState)>> {
    let mut states = [HopState::Unknown; 6];
    let at = |hop: Hop| Hop::ALL.iter().position(|h| *h == hop).unwrap_or(0);
    for check in &report.checks {
        let passed: &[Hop] = match check.item {
            Check::Daemon { .. }
            | Check::ToolVersion { .. }
            | Check::CliVersion { .. }
            | Check::Helm { .. }
            | Check::Notary { .. }
            | Check::PullDeclined
            // The pull check pulls Microsoft's sample image, not from this registry.
            | Check::Pull { .. } => &[Hop::Client],
            Check::Dns { .. } | Check::PrivateEndpointDns => &[Hop::Dns],
            Check::Challenge { .. } => &[Hop::LoginServer],
            Check::RefreshToken { .. } => &[Hop::Exchange],
            Check::AccessToken { .. } | Check::RepositoryToken { .. } => &[Hop::AccessToken],
            // A cluster that can pull from this registry: every hop was crossed.
            Check::ClusterCanPull { .. } | Check::Pulled { .. } => &Hop::ALL,
            // A sign-in: the registry answered and gave a token.
            Check::LoggedIn { .. } => &[Hop::Client, Hop::Dns, Hop::LoginServer, Hop::AccessToken],
        };
        for hop in passed {
            states[at(*hop)] = HopState::Passed;
        }
    }
    let mut first_failed = None;
    // A false positive is no failure: it turns no hop red.
    for f in report.findings.iter().filter(|f| failed(f)) {
        let Some(code) = f.code.known() else {
            continue;
        };
        let i = at(hop_of(code, f.detail.endpoint));
        states[i] = HopState::Failed;
        first_failed = Some(first_failed.map_or(i, |j: usize| j.min(i)));
        // The registry answered with a status past its /v2/: the name resolved and the login
        // server was reached (clients ask /v2/ for the challenge before any token).
        if f.http_status.is_some() && i > at(Hop::LoginServer) {
            for hop in [Hop::Dns, Hop::LoginServer] {
                if states[at(hop)] == HopState::Unknown {
                    states[at(hop)] = HopState::Passed;
                }
            }
        }
    }
    // Past the first failure, what did not pass was not reached.
    if let Some(k) = first_failed {
        for state in states.iter_mut().skip(k + 1) {
            if *state == HopState::Unknown {
                *state = HopState::NotReached;
            }
        }
    }
    if states.iter().all(|s| *s == HopState::Unknown) {
        return None;
    }
    Some(Hop::ALL.into_iter().zip(states).collect())
}

/// The path as a probe run from a browser saw it: it starts at the browser; the data endpoint
/// is beyond what a browser may read.
pub fn from_steps(steps: &[(StepId, Option<Status>)]) -> Vec<(Hop, HopState)> {
    let hops: [(Hop, &[StepId]); 4] = [
        (Hop::Dns, &[StepId::Dns]),
        (Hop::LoginServer, &[StepId::Reachability, StepId::Challenge]),
        (Hop::Exchange, &[StepId::RefreshToken]),
        (Hop::AccessToken, &[StepId::AccessToken, StepId::Catalog]),
    ];
    let mut out = vec![(Hop::Browser, HopState::Passed)];
    // A step skipped after a hop failed or was blocked was not reached; one skipped for its own
    // reason (DNS for an address) shows nothing.
    let mut broken = false;
    for (hop, ids) in hops {
        let seen: Vec<Option<Status>> = steps
            .iter()
            .filter(|(id, _)| ids.contains(id))
            .map(|(_, s)| *s)
            .collect();
        let state = if seen.contains(&Some(Status::Error)) {
            HopState::Failed
        } else if seen.contains(&Some(Status::Blocked)) {
            HopState::Blocked
        } else if seen.contains(&Some(Status::Skipped)) && broken {
            HopState::NotReached
        } else if !seen.is_empty()
            && seen
                .iter()
                .all(|s| matches!(s, Some(Status::Ok | Status::Warning)))
        {
            HopState::Passed
        } else {
            HopState::Unknown
        };
        broken |= matches!(state, HopState::Failed | HopState::Blocked);
        out.push((hop, state));
    }
    out.push((Hop::Data, HopState::Blocked));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    #[test]
    fn a_dns_error_fails_dns_and_nothing_after_is_reached() {
        let r = decode("Docker daemon status: available\nAn error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'r.azurecr.io'.");
        let path = from_report(&r).expect("a path");
        let states: Vec<_> = path.iter().map(|(h, s)| (h.id(), s.id())).collect();
        assert_eq!(
            states,
            [
                ("client", "passed"),
                ("dns", "failed"),
                ("login-server", "not-reached"),
                ("exchange", "not-reached"),
                ("access-token", "not-reached"),
                ("data", "not-reached"),
            ]
        );
    }

    /// A paste's hop states, in the order of [`Hop::ALL`].
    fn states(r: &Report) -> Vec<HopState> {
        from_report(r)
            .expect("a path")
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    #[test]
    fn checks_passed_and_a_token_failure() {
        // DNS and /v2/ passed, the exchange refused, nothing after it reached.
        let token_refused = [
            HopState::Unknown,
            HopState::Passed,
            HopState::Passed,
            HopState::Failed,
            HopState::NotReached,
            HopState::NotReached,
        ];
        let r = decode("DNS lookup to r.azurecr.io at IP 20.1.2.3 : OK\nChallenge endpoint https://r.azurecr.io/v2/ : OK\nAn error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\nAccess to registry 'r.azurecr.io' was denied. Response code: 403.");
        assert_eq!(states(&r), token_refused);
        assert_eq!(from_report(&decode("hello")), None);
        // az acr login's 403 on the exchange: the registry answered, so its name resolved and
        // its /v2/ was reached.
        let r = decode("WARNING: Unable to get AAD authorization tokens with message: An error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\nAccess to registry 'foo.azurecr.io' was denied. Response code: 403. Please try running 'az login' again to refresh permissions.");
        assert_eq!(states(&r), token_refused);
    }

    #[test]
    fn findings_are_read_problem_then_its_consequences_then_notes() {
        let roles = [
            Role::Note,
            Role::Consequence { of: 2 },
            Role::Error,
            Role::Error,
            Role::Consequence { of: 3 },
        ];
        assert_eq!(reading_order(&roles), [2, 1, 3, 4, 0]);
        assert_eq!(reading_order(&[]), Vec::<usize>::new());
    }

    #[test]
    fn a_resolver_that_could_not_be_asked_shows_no_dns_passed() {
        use crate::probe::judge::judge_dns;
        use crate::probe::target::parse_target;
        let target = parse_target("contoso").expect("target");
        let failed = judge_dns(&target, Err(crate::probe::steps::Failure::Network));
        assert_eq!(failed.status, Status::Warning, "the step itself warns");
        let steps = [
            (StepId::Dns, failed.hop_status()),
            (StepId::Reachability, Some(Status::Ok)),
        ];
        assert_eq!(from_steps(&steps)[1], (Hop::Dns, HopState::Unknown));
        let garbage = judge_dns(&target, Ok(b"not dns".to_vec()));
        assert_eq!(garbage.hop_status(), None);
    }

    #[test]
    fn a_probe_run_blocked_at_the_challenge() {
        let steps = [
            (StepId::Dns, Some(Status::Ok)),
            (StepId::Reachability, Some(Status::Ok)),
            (StepId::Challenge, Some(Status::Blocked)),
            (StepId::RefreshToken, Some(Status::Skipped)),
            (StepId::AccessToken, Some(Status::Skipped)),
            (StepId::Catalog, None),
        ];
        let states: Vec<_> = from_steps(&steps).iter().map(|(_, s)| *s).collect();
        let address = [
            (StepId::Dns, Some(Status::Skipped)),
            (StepId::Reachability, Some(Status::Ok)),
            (StepId::Challenge, Some(Status::Ok)),
        ];
        assert_eq!(from_steps(&address)[1], (Hop::Dns, HopState::Unknown));
        assert_eq!(
            states,
            [
                HopState::Passed,
                HopState::Passed,
                HopState::Blocked,
                HopState::NotReached,
                HopState::NotReached,
                HopState::Blocked
            ]
        );
    }
}
