//! Every code the page knows: the 20 titles `az acr check-health` defines, and the few situations
//! without an official code that get an identifier of ours.

use std::fmt;

/// Declares [`Code`], [`Code::ALL`] and [`CliCode`] from two lists, the CLI's codes and what
/// other tools print, so `ALL` holds every code by construction and a code's group is said once:
/// a new code is in `ALL` as soon as it is declared; a new CLI code makes every `match` on
/// [`CliCode`] fail to compile until it says what the code is, and a new tool code behaves as
/// every tool code does, except where a `match` on [`Code`] tells tool codes apart.
macro_rules! codes {
    (cli: [$( $(#[$meta:meta])* $cli:ident, )*] tools: [$( $tool:ident, )*]) => {
        /// A known code. `Unknown` codes found in a paste are carried by
        /// [`crate::decode::FindingCode`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$meta])* $cli, )*
            $( $tool, )*
        }

        /// A code the Azure CLI itself prints (or, for the last two, a state of the CLI).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum CliCode {
            $( $cli, )*
        }

        impl Code {
            /// Every code, in the order declared, which is the order the reference lists them.
            pub const ALL: [Code; [$(stringify!($cli),)* $(stringify!($tool)),*].len()] =
                [$(Code::$cli,)* $(Code::$tool),*];

            /// The code as one of the CLI's, or `None` for what another tool prints (docker,
            /// containerd, kubelet, helm, oras, az acr login, HTTP): codes of ours that
            /// `az acr check-health` never prints.
            pub fn cli(self) -> Option<CliCode> {
                match self {
                    $( Code::$cli => Some(CliCode::$cli), )*
                    $( Code::$tool )|* => None,
                }
            }
        }
    };
}

codes! {
    cli: [
        DockerCommand,
        DockerDaemon,
        DockerVersion,
        DockerPull,
        HelmCommand,
        HelmVersion,
        NotaryCommand,
        NotaryVersion,
        ConnectivityDns,
        ConnectivityForbidden,
        ConnectivityChallenge,
        ConnectivityAadLogin,
        ConnectivityRefreshToken,
        ConnectivityTooManyRequests,
        ConnectivityAccessToken,
        ConnectivitySsl,
        LoginServer,
        Cmk,
        ConnectivityWwwAuthenticate,
        Unexpected,
        /// Ours: the Azure CLI has no signed-in account.
        AzLoginRequired,
        /// Ours: the CLI crashed with a traceback and no code.
        CliCrash,
    ]
    // Ours: what other tools print (docker, containerd, kubelet, helm, oras, az acr login, HTTP).
    tools: [
        RegistryUnauthorized,
        AadAppNotRegistered,
        SpCredentialsInvalid,
        TokenRejected,
        AnonymousTokenRejected,
        ClientIpNotAllowed,
        AccessDenied,
        TooManyRequests,
        ManifestUnknown,
        OperationDisallowed,
        BlobUploadUnknown,
        DnsLookupFailed,
        ConnectionFailed,
        TlsUntrusted,
        TlsNameMismatch,
        LoginServerUnreachable,
        EntraSigninError,
        CredentialStoreError,
        RegistryNotFound,
        CacheRuleUpstreamError,
        PlatformMismatch,
        AksPullPermissionFailed,
    ]
}

/// Where a code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Defined by the Azure CLI and documented in the health-check error reference.
    Documented,
    /// Defined by the Azure CLI but absent from the documentation.
    Undocumented,
    /// Not a CLI code: an identifier this page gives to a situation the CLI leaves unnamed.
    Ours,
}

impl Code {
    /// The title as the CLI prints it (or ours, in the same style).
    pub fn title(self) -> &'static str {
        match self {
            Code::DockerCommand => "DOCKER_COMMAND_ERROR",
            Code::DockerDaemon => "DOCKER_DAEMON_ERROR",
            Code::DockerVersion => "DOCKER_VERSION_ERROR",
            Code::DockerPull => "DOCKER_PULL_ERROR",
            Code::HelmCommand => "HELM_COMMAND_ERROR",
            Code::HelmVersion => "HELM_VERSION_ERROR",
            Code::NotaryCommand => "NOTARY_COMMAND_ERROR",
            Code::NotaryVersion => "NOTARY_VERSION_ERROR",
            Code::ConnectivityDns => "CONNECTIVITY_DNS_ERROR",
            Code::ConnectivityForbidden => "CONNECTIVITY_FORBIDDEN_ERROR",
            Code::ConnectivityChallenge => "CONNECTIVITY_CHALLENGE_ERROR",
            Code::ConnectivityAadLogin => "CONNECTIVITY_AAD_LOGIN_ERROR",
            Code::ConnectivityRefreshToken => "CONNECTIVITY_REFRESH_TOKEN_ERROR",
            Code::ConnectivityTooManyRequests => "CONNECTIVITY_TOOMANYREQUESTS_ERROR",
            Code::ConnectivityAccessToken => "CONNECTIVITY_ACCESS_TOKEN_ERROR",
            Code::ConnectivitySsl => "CONNECTIVITY_SSL_ERROR",
            Code::LoginServer => "LOGIN_SERVER_ERROR",
            Code::Cmk => "CMK_ERROR",
            Code::ConnectivityWwwAuthenticate => "CONNECTIVITY_WWW_AUTHENTICATE_ERROR",
            Code::Unexpected => "UNEXPECTED_ERROR",
            Code::AzLoginRequired => "AZ_LOGIN_REQUIRED",
            Code::CliCrash => "CLI_CRASH",
            Code::RegistryUnauthorized => "REGISTRY_UNAUTHORIZED",
            Code::AadAppNotRegistered => "AAD_APP_NOT_REGISTERED",
            Code::SpCredentialsInvalid => "SP_CREDENTIALS_INVALID",
            Code::TokenRejected => "TOKEN_REJECTED",
            Code::AnonymousTokenRejected => "ANONYMOUS_TOKEN_REJECTED",
            Code::ClientIpNotAllowed => "CLIENT_IP_NOT_ALLOWED",
            Code::AccessDenied => "ACCESS_DENIED",
            Code::TooManyRequests => "TOO_MANY_REQUESTS",
            Code::ManifestUnknown => "MANIFEST_UNKNOWN",
            Code::OperationDisallowed => "OPERATION_DISALLOWED",
            Code::BlobUploadUnknown => "BLOB_UPLOAD_UNKNOWN",
            Code::DnsLookupFailed => "DNS_LOOKUP_FAILED",
            Code::ConnectionFailed => "CONNECTION_FAILED",
            Code::TlsUntrusted => "TLS_UNTRUSTED",
            Code::TlsNameMismatch => "TLS_NAME_MISMATCH",
            Code::LoginServerUnreachable => "LOGIN_SERVER_UNREACHABLE",
            Code::EntraSigninError => "ENTRA_SIGNIN_ERROR",
            Code::CredentialStoreError => "CREDENTIAL_STORE_ERROR",
            Code::RegistryNotFound => "REGISTRY_NOT_FOUND",
            Code::CacheRuleUpstreamError => "CACHE_RULE_UPSTREAM_ERROR",
            Code::PlatformMismatch => "PLATFORM_MISMATCH",
            Code::AksPullPermissionFailed => "AKS_PULL_PERMISSION_FAILED",
        }
    }

    /// The anchor the documentation (and this page's reference view) uses: the title in lower case.
    pub fn anchor(self) -> String {
        self.title().to_ascii_lowercase()
    }

    pub fn origin(self) -> Origin {
        let Some(code) = self.cli() else {
            return Origin::Ours;
        };
        match code {
            CliCode::ConnectivityWwwAuthenticate | CliCode::Unexpected => Origin::Undocumented,
            CliCode::AzLoginRequired | CliCode::CliCrash => Origin::Ours,
            CliCode::DockerCommand
            | CliCode::DockerDaemon
            | CliCode::DockerVersion
            | CliCode::DockerPull
            | CliCode::HelmCommand
            | CliCode::HelmVersion
            | CliCode::NotaryCommand
            | CliCode::NotaryVersion
            | CliCode::ConnectivityDns
            | CliCode::ConnectivityForbidden
            | CliCode::ConnectivityChallenge
            | CliCode::ConnectivityAadLogin
            | CliCode::ConnectivityRefreshToken
            | CliCode::ConnectivityTooManyRequests
            | CliCode::ConnectivityAccessToken
            | CliCode::ConnectivitySsl
            | CliCode::LoginServer
            | CliCode::Cmk => Origin::Documented,
        }
    }

    /// A title as printed, or one of the CLI's Python constant names, in any case.
    pub fn from_title(text: &str) -> Option<Code> {
        let upper = text.trim().to_ascii_uppercase();
        match upper.as_str() {
            "CONNECTIVITY_ACCESS_TOKEN_PERMISSIONS_ERROR" => Some(Code::ConnectivityAccessToken),
            "CMK_MANAGED_IDENTITY_ERROR" => Some(Code::Cmk),
            _ => Code::ALL.into_iter().find(|c| c.title() == upper),
        }
    }

    /// Whether the CLI attaches another tool's output (stderr) to this code's message.
    pub fn carries_tool_output(self) -> bool {
        // Another tool's own message is the finding's message, not output attached to it.
        let Some(code) = self.cli() else {
            return false;
        };
        match code {
            CliCode::DockerCommand
            | CliCode::DockerVersion
            | CliCode::DockerPull
            | CliCode::HelmCommand
            | CliCode::HelmVersion
            | CliCode::NotaryCommand
            | CliCode::NotaryVersion => true,
            CliCode::DockerDaemon
            | CliCode::ConnectivityDns
            | CliCode::ConnectivityForbidden
            | CliCode::ConnectivityChallenge
            | CliCode::ConnectivityAadLogin
            | CliCode::ConnectivityRefreshToken
            | CliCode::ConnectivityTooManyRequests
            | CliCode::ConnectivityAccessToken
            | CliCode::ConnectivitySsl
            | CliCode::LoginServer
            | CliCode::Cmk
            | CliCode::ConnectivityWwwAuthenticate
            | CliCode::Unexpected
            | CliCode::AzLoginRequired
            | CliCode::CliCrash => false,
        }
    }

    /// Whether a finding with this code counts as an error: not a missing sign-in, not a crash
    /// (each has its own verdict).
    pub fn is_error(self) -> bool {
        !matches!(
            self.cli(),
            Some(CliCode::AzLoginRequired | CliCode::CliCrash)
        )
    }

    /// Whether the code is about the registry itself (so a login server named nearby is its
    /// registry), rather than about a tool on this machine.
    pub fn is_registry_scoped(self) -> bool {
        match self {
            Code::ConnectivityDns
            | Code::ConnectivityForbidden
            | Code::ConnectivityChallenge
            | Code::ConnectivityAadLogin
            | Code::ConnectivityRefreshToken
            | Code::ConnectivityTooManyRequests
            | Code::ConnectivityAccessToken
            | Code::ConnectivitySsl
            | Code::ConnectivityWwwAuthenticate
            | Code::LoginServer
            | Code::Cmk => true,
            Code::RegistryUnauthorized
            | Code::AadAppNotRegistered
            | Code::SpCredentialsInvalid
            | Code::TokenRejected
            | Code::AnonymousTokenRejected
            | Code::ClientIpNotAllowed
            | Code::AccessDenied
            | Code::TooManyRequests
            | Code::ManifestUnknown
            | Code::OperationDisallowed
            | Code::BlobUploadUnknown
            | Code::DnsLookupFailed
            | Code::ConnectionFailed
            | Code::TlsUntrusted
            | Code::TlsNameMismatch
            | Code::LoginServerUnreachable
            | Code::RegistryNotFound
            | Code::CacheRuleUpstreamError
            | Code::AksPullPermissionFailed => true,
            Code::EntraSigninError | Code::CredentialStoreError | Code::PlatformMismatch => false,
            Code::DockerCommand
            | Code::DockerDaemon
            | Code::DockerVersion
            | Code::DockerPull
            | Code::HelmCommand
            | Code::HelmVersion
            | Code::NotaryCommand
            | Code::NotaryVersion
            | Code::Unexpected
            | Code::AzLoginRequired
            | Code::CliCrash => false,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_round_trips_in_any_case() {
        for code in Code::ALL {
            assert_eq!(Code::from_title(code.title()), Some(code));
            assert_eq!(Code::from_title(&code.anchor()), Some(code));
        }
    }

    #[test]
    fn constant_names_map_to_printed_titles() {
        assert_eq!(
            Code::from_title("CONNECTIVITY_ACCESS_TOKEN_PERMISSIONS_ERROR"),
            Some(Code::ConnectivityAccessToken)
        );
        assert_eq!(
            Code::from_title("cmk_managed_identity_error"),
            Some(Code::Cmk)
        );
        assert_eq!(Code::from_title("NOTARY"), None);
    }

    #[test]
    fn titles_are_unique() {
        let mut titles: Vec<_> = Code::ALL.iter().map(|c| c.title()).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), Code::ALL.len());
    }
}
