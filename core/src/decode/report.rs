//! What a paste says, as the page shows it: findings with their code, lines, registry and HTTP
//! status; the checks the run passed; notes; how the run ended; the verdict.

use super::extract::semver_in;
use super::line::Wrapper;
use crate::catalog::Code;

/// The code of a finding: one the page knows, or a title the CLI printed that it does not.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FindingCode {
    Known(Code),
    Unknown(String),
}

impl FindingCode {
    pub fn title(&self) -> &str {
        match self {
            FindingCode::Known(code) => code.title(),
            FindingCode::Unknown(title) => title,
        }
    }

    pub fn known(&self) -> Option<Code> {
        match self {
            FindingCode::Known(code) => Some(*code),
            FindingCode::Unknown(_) => None,
        }
    }

    /// Whether it counts as an error: a title the page does not know does.
    pub fn is_error(&self) -> bool {
        self.known().is_none_or(Code::is_error)
    }
}

/// How the finding was found in the paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The CLI's own `An error occurred: TITLE` block (or crash, or sign-in message).
    Printed,
    /// The code's name appears in text (prose, a link anchor, a typed code) without its block.
    Mentioned,
    /// The paste ends inside the title; the code was completed from the checks that ran.
    Truncated,
    /// Read from curl's answer to `GET /v2/`, judged as the CLI judges its own request.
    Curl,
    /// A failing step of a probe kit's transcript, judged as the page judges its own probes.
    Kit,
}

/// A range of lines of the paste, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: usize,
    pub last: usize,
}

/// The permissions variant of CONNECTIVITY_ACCESS_TOKEN_ERROR (`--repository`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permissions {
    pub granted: String,
    pub missing: String,
}

/// Facts read in a finding's own text that change what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sign {
    /// Docker's stderr says the daemon (or Docker Desktop) is not running.
    DaemonNotRunning,
    /// Docker's stderr says the socket refused this user.
    SocketPermissionDenied,
    /// The binary was not found on PATH.
    ToolNotFound,
    /// 2.88+ refused a docker binary found in the current directory.
    BinaryInWorkingDirectory,
    /// The tool only printed warnings: the CLI counts any stderr as failure.
    ToolWarningsOnly,
    /// Notary is not exactly 0.6.0.
    NotaryWrongVersion {
        found: Option<String>,
        downgrade: bool,
    },
    /// Helm older than 2.11.0.
    HelmTooOld,
    /// `docker pull` printed hints (such as "What's Next?") on stderr.
    PullHintsOnStderr,
    /// A Windows-container host cannot use the Linux sample image.
    WindowsContainers,
    /// The run's DNS line resolved the registry to a private address: a private endpoint.
    PrivateAddress { ip: String },
    /// The run's DNS line resolved the registry to a public address: the name is not the
    /// problem, nor a private endpoint.
    PublicAddress { ip: String },
    /// The crash is a proxy's refusal (`ProxyError`, 407).
    Proxy,
    /// The crash is a certificate the CLI's Python does not trust (TLS inspection).
    CertificateUntrusted,
    /// The image reference has no tag: `latest` was asked.
    NoTag,
    /// The same paste says the manifest is unknown: this 401 is likely the missing tag.
    AlsoManifestUnknown,
    /// The `privatelink` name was used instead of the registry's login server.
    PrivatelinkName,
    /// A host that looks like an Azure registry's but is not (`azureacr.io`, `az-azurecr.io`).
    LookAlikeHost { host: String, likely: String },
    /// Repository names are lower case; this one is not.
    UpperCaseRepository,
    /// `:443` in the image reference.
    PortInReference,
    /// kubelet's "pull QPS exceeded": the node's own limit on pulls, not the registry's.
    NodePullQps,
    /// The image name has no registry host: Docker Hub was asked.
    DockerHub,
    /// The kubelet pulled: the cluster's identity, not the person's.
    Kubelet,
    /// The Docker daemon answered: docker's stored credentials were used.
    DockerDaemon,
    /// Microsoft's public registry (mcr.microsoft.com, served from mcrprod.azurecr.io).
    MicrosoftRegistry,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub source: Source,
    /// The CLI's message, line by line, as pasted (cleaned).
    pub message: Vec<String>,
    /// What another tool printed, attached to the message (docker, helm, notary stderr; a traceback's last line).
    pub tool_output: Vec<String>,
    pub lines: Vec<Span>,
    /// The login server (`name.azurecr.io`).
    pub registry: Option<String>,
    /// The registry's name, for the commands of the fixes.
    pub registry_name: Option<String>,
    pub http_status: Option<u16>,
    pub timestamp: Option<String>,
    pub wrapper: Option<Wrapper>,
    pub permissions: Option<Permissions>,
    pub signs: Vec<Sign>,
    /// For a truncated title that could be several codes.
    pub candidates: Vec<Code>,
    /// What another tool's message names, when it does.
    pub detail: Detail,
    /// The same paste holds az acr check-health's own run: a fix that runs it is not offered.
    pub check_health_ran: bool,
}

/// Values read in another tool's message (docker, containerd, helm, oras, an SDK, HTTP).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Detail {
    pub repository: Option<String>,
    pub tag: Option<String>,
    /// The address the registry saw (`client with IP '…'`).
    pub client_ip: Option<String>,
    pub correlation_id: Option<String>,
    /// Which host a connection failure was on.
    pub endpoint: Option<Endpoint>,
    /// `AADSTS700082` and the like.
    pub aadsts: Option<String>,
    /// A client defect known to cause this message, when the paste shows the version.
    pub known_bug: Option<KnownBug>,
    /// The check-health code the same cause gives from the same machine and identity; `None`
    /// when check-health cannot see it.
    pub check_health: Option<Code>,
    /// The message reached a cache rule's upstream registry.
    pub cache_rule: Option<String>,
    /// The image was looked for on Docker Hub (a name without a registry host).
    pub docker_hub: bool,
}

/// Which of the registry's hosts a connection failure was on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// The login server (`/v2/`).
    Login,
    /// The token endpoints (`/oauth2/token`, `/oauth2/exchange`).
    Token,
    /// Where layers come from: a data endpoint, storage, a blob download.
    Data,
}

impl Endpoint {
    /// The `data-endpoint` hook.
    pub fn id(self) -> &'static str {
        match self {
            Endpoint::Login => "login",
            Endpoint::Token => "token",
            Endpoint::Data => "data",
        }
    }
}

/// Client defects that print what looks like a registry error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownBug {
    /// Helm 3.13.0 and 3.13.1: 401 on an OCI pull's manifest request after a good sign-in
    /// (fixed in 3.13.2).
    Helm313Oci,
    /// Helm 3.18.0 to 3.18.2: `helm registry login` to ACR fails with 401 (3.18.3 restores the
    /// OAuth2 flow).
    Helm318Login,
    /// `az aks check-acr`: `KeyError: 'serverVersion'`.
    CheckAcrServerVersion,
    /// check-health 2.74: `'NoneType' object has no attribute 'role_assignment_mode'`.
    CheckHealthRoleAssignmentMode,
    /// podman: `illegal base64 data` in the stored credentials.
    PodmanBase64,
    /// containerd asking `/oauth2/token` with an empty `scope=`: ACR answers 400.
    ContainerdEmptyScope,
}

impl KnownBug {
    /// The `data-known-bug` hook.
    pub fn id(self) -> &'static str {
        match self {
            KnownBug::Helm313Oci => "helm-3.13-oci-401",
            KnownBug::Helm318Login => "helm-3.18-login-401",
            KnownBug::CheckAcrServerVersion => "check-acr-serverversion",
            KnownBug::CheckHealthRoleAssignmentMode => "check-health-2.74-role-assignment-mode",
            KnownBug::PodmanBase64 => "podman-illegal-base64",
            KnownBug::ContainerdEmptyScope => "containerd-empty-scope",
        }
    }
}

/// A line that says a check passed (or how the run went).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Daemon {
        tool: String,
    },
    ToolVersion {
        tool: String,
        version: String,
    },
    Pull {
        tool: String,
    },
    PullDeclined,
    CliVersion {
        version: String,
        acr_module: bool,
    },
    Dns {
        server: String,
        ip: String,
    },
    Challenge {
        url: String,
    },
    RefreshToken {
        server: String,
    },
    AccessToken {
        server: String,
    },
    RepositoryToken {
        repository: String,
        server: String,
    },
    PrivateEndpointDns,
    Helm {
        version: String,
    },
    Notary {
        version: String,
    },
    /// `az aks check-acr`: `Your cluster can pull images from <server>!`
    ClusterCanPull {
        server: String,
    },
    /// A client's own words that an image arrived: docker's `Status: Downloaded newer image for
    /// <image>` (or `Image is up to date for`), containerd's `unpacking <platform> sha256:…`,
    /// podman's and skopeo's `Storing signatures`.
    Pulled {
        tool: String,
        image: Option<String>,
    },
    /// `Login Succeeded`: the registry gave a token for the credentials.
    LoggedIn {
        tool: String,
    },
}

/// A recognised line that is not a code: context for the findings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Note {
    /// `az acr login` could not reach `https://<server>/v2/`.
    LoginServerUnreachable {
        server: String,
    },
    CheckHealthHint,
    ExposeTokenHint,
    AdminCredentials {
        message: String,
    },
    AuthenticationFailed,
    /// The AAD wrapper with a message that is not a code.
    AadTokens {
        message: String,
    },
    NotaryDeprecation,
    CloudShell,
    NoRegistryName,
    RepositoryFlag,
    PrivateDnsMismatch {
        expected: String,
        actual: String,
    },
    PrivateDnsUnresolved {
        fqdn: String,
    },
    PrivateEndpointSetup {
        message: String,
    },
    BinaryInWorkingDirectory,
    /// `az acr login`'s 403 message.
    LoginForbidden {
        server: String,
    },
    /// A code named in the text around the CLI's output, but not printed by it there.
    Mentioned {
        code: Code,
    },
}

impl Note {
    /// Whether the note shows something wrong (as opposed to a hint or an announcement).
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            Note::LoginServerUnreachable { .. }
                | Note::AuthenticationFailed
                | Note::PrivateDnsMismatch { .. }
                | Note::PrivateDnsUnresolved { .. }
                | Note::PrivateEndpointSetup { .. }
                | Note::BinaryInWorkingDirectory
                | Note::LoginForbidden { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub line: usize,
    pub item: T,
}

/// A note, the line it first appears on, and how many lines say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    pub line: usize,
    pub item: Note,
    pub count: usize,
}

/// How the run ended, as far as the paste shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEnd {
    /// The closing FAQ line: every check ran (with `--ignore-errors` when there were errors).
    Completed { ignore_errors: bool },
    /// The first error stopped the command.
    Stopped { code: String },
    /// The CLI crashed.
    Crashed,
    /// The paste does not show the end of a run.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Healthy,
    Errors,
    Crash,
    NotLoggedIn,
    Unrecognized,
}

impl Verdict {
    /// The value of the page's `data-verdict` hook.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Healthy => "healthy",
            Verdict::Errors => "errors",
            Verdict::Crash => "crash",
            Verdict::NotLoggedIn => "not-logged-in",
            Verdict::Unrecognized => "unrecognized",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub checks: Vec<Located<Check>>,
    /// Distinct notes, at most [`MAX_NOTES`], each with how often it was seen.
    pub notes: Vec<Noted>,
    /// Lines whose note was new once [`MAX_NOTES`] were held.
    pub notes_omitted: usize,
    /// The CLI version printed by the run, as printed.
    pub cli_version: Option<String>,
    /// At least one error title carried a timestamp (azure-cli 2.38.0 or later).
    pub timestamped: bool,
    pub end: Option<RunEnd>,
    /// The run went on after an error: `--ignore-errors`.
    pub ignore_errors: bool,
    /// The paste shows `az acr check-health` itself (its checks, its closing or deep-link line),
    /// not only another command's error.
    pub check_health: bool,
    /// A probe kit's transcript in the paste (`acr-doctor-kit 1 …`), read back.
    pub kit: Option<crate::probe::transcript::Transcript>,
    /// The registry the paste is about: its login server and name, when printed.
    pub registry: Option<String>,
    pub registry_name: Option<String>,
    pub lines: usize,
}

impl Report {
    pub fn verdict(&self) -> Verdict {
        let has = |code: Code| {
            self.findings
                .iter()
                .any(|f| f.code == FindingCode::Known(code))
        };
        let kit = self.kit.as_ref().map(crate::probe::kit::judge);
        let kit_error = kit
            .as_ref()
            .is_some_and(|steps| steps.iter().any(|k| k.judged.is_problem()));
        if self.errors() > 0 || kit_error {
            Verdict::Errors
        } else if has(Code::CliCrash) {
            Verdict::Crash
        } else if has(Code::AzLoginRequired) {
            Verdict::NotLoggedIn
        } else if self.notes.iter().any(|n| n.item.is_problem()) {
            Verdict::Errors
        } else if !self.checks.is_empty()
            || matches!(self.end, Some(RunEnd::Completed { .. }))
            || kit.is_some_and(|steps| !steps.is_empty())
        {
            Verdict::Healthy
        } else {
            Verdict::Unrecognized
        }
    }

    /// How many findings count as errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.code.is_error()).count()
    }

    /// The CLI version as numbers, when the run printed one.
    pub fn cli_semver(&self) -> Option<(u32, u32, u32)> {
        self.cli_version.as_deref().and_then(semver_in)
    }
}

/// Most distinct notes a report holds; repeats are counted, not stored.
pub const MAX_NOTES: usize = 100;
