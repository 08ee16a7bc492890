//! What every code means, why it happens and how to fix it, in English and French.
//!
//! The facts come from the CLI's source and Microsoft's error reference; the words are ours.
//! `entry` is an exhaustive match: a new code cannot compile without its text in both languages.

mod code;
pub(crate) mod text;

pub use crate::text::Lang;
use crate::text::T;
pub use code::{CliCode, Code, Origin};

/// One fix, in both languages: what to do, and the command that does it (the same in every
/// language; it may hold `{name}` and `{server}`, filled in by `values::fill`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextFix {
    pub text: T,
    pub command: Option<&'static str>,
}

/// What a code means, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub summary: T,
    pub meaning: T,
    pub causes: &'static [T],
    pub fixes: &'static [TextFix],
    pub caveats: &'static [T],
}

/// One fix, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    pub text: &'static str,
    pub command: Option<&'static str>,
}

/// What a code means, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// One line a person in trouble reads first.
    pub summary: &'static str,
    /// What the CLI tried and what failed.
    pub meaning: &'static str,
    pub causes: Vec<&'static str>,
    pub fixes: Vec<Fix>,
    /// Known false positives, documentation errors and version facts.
    pub caveats: Vec<&'static str>,
}

pub fn entry(code: Code, lang: Lang) -> Entry {
    let t = text::text(code);
    let all = |ts: &[T]| ts.iter().map(|x| x.get(lang)).collect();
    let mut entry = Entry {
        summary: t.summary.get(lang),
        meaning: t.meaning.get(lang),
        causes: all(t.causes),
        fixes: t
            .fixes
            .iter()
            .map(|f| Fix {
                text: f.text.get(lang),
                command: f.command,
            })
            .collect(),
        caveats: all(t.caveats),
    };
    // The page's build reads the meaning, causes and caveats from data (empty until it is here).
    if let Some(more) = crate::about::taken(code) {
        entry.meaning = in_lang(&more.meaning, lang);
        entry.causes = more.causes.iter().map(|c| in_lang(c, lang)).collect();
        entry.caveats = more.caveats.iter().map(|c| in_lang(c, lang)).collect();
    }
    entry
}

/// A text read from data, in `lang` (its French found by its English).
fn in_lang(en: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => crate::french::text(en),
    }
}

/// Whether `fix` asks what the run's DNS line shows (a private address or not): a paste whose
/// DNS line was read has the answer in its case.
pub fn asks_the_dns_line(fix: &Fix, lang: Lang) -> bool {
    fix.command.is_none() && fix.text == text::IF_PRIVATE_DNS.text.get(lang)
}

/// Whether a code's caveats already say that az acr check-health does not test what failed (the
/// card then does not say it again). Kept as a fact of the code, not read from the caveats: the
/// page's build has them only once the about file is here. A test checks it against the texts.
pub fn caveats_name_check_health(code: Code) -> bool {
    CHECK_HEALTH_IN_CAVEATS.contains(&code)
}

const CHECK_HEALTH_IN_CAVEATS: &[Code] =
    &[Code::RegistryUnauthorized, Code::AnonymousTokenRejected];

/// The official documentation for a code: Microsoft's error reference at the code's anchor, or
/// for our own codes the page that covers the situation.
pub fn doc_url(code: Code, lang: Lang) -> String {
    let locale = crate::tr!(lang, "", "fr-fr/");
    let reference = format!(
        "https://learn.microsoft.com/{locale}azure/container-registry/container-registry-health-error-reference"
    );
    match code {
        Code::DockerCommand
        | Code::DockerDaemon
        | Code::DockerVersion
        | Code::DockerPull
        | Code::HelmCommand
        | Code::HelmVersion
        | Code::NotaryCommand
        | Code::NotaryVersion
        | Code::ConnectivityDns
        | Code::ConnectivityForbidden
        | Code::ConnectivityChallenge
        | Code::ConnectivityAadLogin
        | Code::ConnectivityRefreshToken
        | Code::ConnectivityTooManyRequests
        | Code::ConnectivityAccessToken
        | Code::ConnectivitySsl
        | Code::LoginServer
        | Code::Cmk => format!("{reference}#{}", code.anchor()),
        // The CLI defines these but the reference does not list them: its page, without anchor.
        Code::ConnectivityWwwAuthenticate | Code::Unexpected => reference,
        Code::AzLoginRequired => {
            format!("https://learn.microsoft.com/{locale}cli/azure/authenticate-azure-cli")
        }
        Code::CliCrash => "https://github.com/Azure/azure-cli/issues".to_owned(),
        // Ours, for what other tools print: Microsoft's troubleshooting page for each kind.
        Code::RegistryUnauthorized
        | Code::AadAppNotRegistered
        | Code::SpCredentialsInvalid
        | Code::TokenRejected
        | Code::AccessDenied
        | Code::ManifestUnknown
        | Code::OperationDisallowed
        | Code::BlobUploadUnknown
        | Code::LoginServerUnreachable
        | Code::CredentialStoreError
        | Code::RegistryNotFound
        | Code::PlatformMismatch => format!(
            "https://learn.microsoft.com/{locale}azure/container-registry/container-registry-troubleshoot-login"
        ),
        Code::ClientIpNotAllowed
        | Code::DnsLookupFailed
        | Code::ConnectionFailed
        | Code::TlsUntrusted
        | Code::TlsNameMismatch => format!(
            "https://learn.microsoft.com/{locale}azure/container-registry/container-registry-troubleshoot-access"
        ),
        Code::TooManyRequests => format!(
            "https://learn.microsoft.com/{locale}azure/container-registry/container-registry-skus"
        ),
        Code::CacheRuleUpstreamError => format!(
            "https://learn.microsoft.com/{locale}azure/container-registry/troubleshoot-artifact-cache"
        ),
        Code::AnonymousTokenRejected | Code::AksPullPermissionFailed => format!(
            "https://learn.microsoft.com/{locale}azure/aks/cluster-container-registry-integration"
        ),
        Code::EntraSigninError => format!(
            "https://learn.microsoft.com/{locale}entra/identity-platform/reference-error-codes"
        ),
    }
}

/// The fix for a code this page does not know: the health check again, with the CLI's details.
pub const RERUN_WITH_DETAILS: &str = "az acr check-health -n {name} --yes --debug";

/// The first words of a command the catalogue's texts may quote between backticks.
const TOOLS: [&str; 12] = [
    "az ",
    "kubectl ",
    "docker ",
    "helm ",
    "curl ",
    "nslookup ",
    "sudo ",
    "notary ",
    "openssl ",
    "podman ",
    "ctr ",
    "crictl ",
];

/// Every command the catalogue offers, with where it is: each code's fixes, and the commands its
/// texts (in both languages) quote between backticks. Templates: `{name}` and the other slots
/// are not filled in.
pub fn commands() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut quoted = |place: String, t: &crate::text::T| {
        for s in [t.en, t.fr] {
            for span in s.split('`').skip(1).step_by(2) {
                if TOOLS.iter().any(|tool| span.starts_with(tool)) {
                    out.push((place.clone(), span));
                }
            }
        }
    };
    let mut fixes = Vec::new();
    for code in Code::ALL {
        let t = text::text(code);
        quoted(format!("{code} summary"), &t.summary);
        quoted(format!("{code} meaning"), &t.meaning);
        for (i, c) in t.causes.iter().enumerate() {
            quoted(format!("{code} cause {}", i + 1), c);
        }
        for (i, f) in t.fixes.iter().enumerate() {
            quoted(format!("{code} fix {}", i + 1), &f.text);
            if let Some(command) = f.command {
                fixes.push((format!("{code} fix {}", i + 1), command));
            }
        }
        for (i, c) in t.caveats.iter().enumerate() {
            quoted(format!("{code} caveat {}", i + 1), c);
        }
    }
    for status in [401, 403, 404, 429, 500] {
        for t in text::status_causes(status) {
            quoted(format!("token error {status}"), t);
        }
    }
    fixes.push(("unknown code".to_owned(), RERUN_WITH_DETAILS));
    fixes.extend(out);
    fixes
}

/// Extra causes for a token error, by the HTTP status the registry answered.
pub fn status_causes(status: u16, lang: Lang) -> Vec<&'static str> {
    text::status_causes(status)
        .iter()
        .map(|t| t.get(lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_health_caveats_are_the_ones_listed() {
        let named: Vec<Code> = Code::ALL
            .into_iter()
            .filter(|c| {
                text::text(*c)
                    .caveats
                    .iter()
                    .any(|t| t.en.contains("check-health"))
            })
            .collect();
        assert_eq!(named, CHECK_HEALTH_IN_CAVEATS);
    }

    #[test]
    fn every_code_has_full_text_in_both_languages() {
        for code in Code::ALL {
            for lang in Lang::ALL {
                let e = entry(code, lang);
                assert!(!e.summary.is_empty(), "{code} {lang:?} summary");
                assert!(e.meaning.len() > 40, "{code} {lang:?} meaning");
                assert!(!e.causes.is_empty(), "{code} {lang:?} causes");
                assert!(!e.fixes.is_empty(), "{code} {lang:?} fixes");
            }
            let (en, fr) = (entry(code, Lang::En), entry(code, Lang::Fr));
            assert_ne!(
                en.meaning, fr.meaning,
                "{code}: French text is a copy of the English"
            );
            assert_eq!(
                en.fixes.len(),
                fr.fixes.len(),
                "{code}: fixes differ in number"
            );
            for (a, b) in en.fixes.iter().zip(fr.fixes) {
                assert_eq!(
                    a.command, b.command,
                    "{code}: commands differ between languages"
                );
            }
        }
    }

    #[test]
    fn doc_links_use_the_documentation_anchors() {
        assert!(doc_url(Code::ConnectivityDns, Lang::En).ends_with("#connectivity_dns_error"));
        assert!(doc_url(Code::Cmk, Lang::Fr).contains("/fr-fr/"));
        assert!(!doc_url(Code::Unexpected, Lang::En).contains('#'));
    }

    #[test]
    fn language_from_browser_tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
    }
}
