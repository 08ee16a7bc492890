//! The probes' two settings, read as an attacker may have written them (they can come from a
//! link): the timeout per request and the DNS-over-HTTPS resolver.

use crate::values::{is_host, is_loopback, is_port, split_port};
use crate::{tr, Lang};

/// Seconds per request when the setting is missing or not usable.
pub const DEFAULT_TIMEOUT_S: f64 = 10.0;

/// The timeout per request in milliseconds: a finite number of seconds from 1 to 120, else the
/// default. `NaN`, `0`, `-5`, `1e9` and words all give the default.
pub fn timeout_ms(text: &str) -> i32 {
    let secs = text
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && (1.0..=120.0).contains(s))
        .unwrap_or(DEFAULT_TIMEOUT_S);
    (secs * 1000.0).round() as i32
}

/// Whether a timeout setting is usable as given.
pub fn timeout_ok(text: &str) -> bool {
    text.trim()
        .parse::<f64>()
        .is_ok_and(|s| s.is_finite() && (1.0..=120.0).contains(&s))
}

/// Why a resolver URL is not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResolverError {
    /// Not `https://` (or `http://` to this machine).
    Scheme,
    /// `http://` to another machine.
    PlainHttp,
    /// `user@`, a fragment, or a host or path that is not plain.
    Shape,
}

impl ResolverError {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            ResolverError::Scheme => tr!(lang, "A DNS-over-HTTPS resolver is an https:// address.", "Un résolveur DNS-over-HTTPS est une adresse https://."),
            ResolverError::PlainHttp => tr!(lang, "Plain http:// is allowed only for a resolver on this machine (localhost, 127.0.0.1).", "http:// n’est permis que pour un résolveur sur cette machine (localhost, 127.0.0.1)."),
            ResolverError::Shape => tr!(lang, "The resolver's address must be a plain host and path, with no user name, query or fragment.", "L’adresse du résolveur doit être un hôte et un chemin simples, sans nom d’utilisateur, requête ni fragment."),
        }
    }
}

/// A resolver URL the page may call: `https://host[:port]/path`, or `http://` on loopback.
pub fn resolver(text: &str) -> Result<String, ResolverError> {
    let text = text.trim();
    let (scheme, rest) = text.split_once("://").ok_or(ResolverError::Scheme)?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(ResolverError::Scheme);
    }
    let end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let (host, port) = split_port(authority);
    let path_ok = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~'));
    if !is_host(host) || !port.is_none_or(is_port) || !path_ok {
        return Err(ResolverError::Shape);
    }
    if scheme == "http" && !is_loopback(host) {
        return Err(ResolverError::PlainHttp);
    }
    Ok(format!(
        "{scheme}://{}{path}",
        authority.to_ascii_lowercase()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_that_is_not_a_sane_number_is_the_default() {
        for bad in [
            "NaN", "nan", "0", "-5", "0.5", "121", "1e9", "inf", "", "ten",
        ] {
            assert_eq!(timeout_ms(bad), 10_000, "{bad}");
            assert!(!timeout_ok(bad), "{bad}");
        }
        assert_eq!(timeout_ms("2"), 2_000);
        assert_eq!(timeout_ms(" 1.5 "), 1_500);
        assert_eq!(timeout_ms("120"), 120_000);
    }

    #[test]
    fn resolvers_are_https_or_local() {
        assert_eq!(
            resolver("https://cloudflare-dns.com/dns-query").as_deref(),
            Ok("https://cloudflare-dns.com/dns-query")
        );
        assert_eq!(
            resolver("http://127.0.0.1:15053/dns-query").as_deref(),
            Ok("http://127.0.0.1:15053/dns-query")
        );
        assert_eq!(resolver("ftp://x"), Err(ResolverError::Scheme));
        assert_eq!(resolver("cloudflare-dns.com"), Err(ResolverError::Scheme));
        assert_eq!(
            resolver("http://example.org/dns-query"),
            Err(ResolverError::PlainHttp)
        );
        for bad in [
            "https://u@h.example/dns-query",
            "https://h.example/dns-query?x=1",
            "https://h.example/dns-query#x",
            "https://h example/",
            "https://h.example:0/",
            "javascript://h.example/%0aalert(1)",
        ] {
            assert!(resolver(bad).is_err(), "{bad}");
        }
    }
}
