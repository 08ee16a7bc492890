//! The probes' two settings, read as an attacker may have written them (they can come from a
//! link): the timeout per request and the DNS-over-HTTPS resolver.

use crate::values::{is_host, is_loopback, is_port, split_port};
use crate::{tr, Lang};

/// Milliseconds per request when the setting is missing or not usable.
pub const DEFAULT_TIMEOUT_MS: i32 = 10_000;
/// The same, as the settings field shows it (seconds).
pub const DEFAULT_TIMEOUT_TEXT: &str = "10";

/// The timeout per request in milliseconds, from the number of seconds the browser's number
/// parser read in the field or the link (`Number(text)`: `NaN` for words): from 1 to 120 seconds,
/// else the default. `NaN`, `0`, `-5`, `1e9` and infinities all give the default.
pub fn timeout_ms(seconds: f64) -> i32 {
    to_ms(seconds).unwrap_or(DEFAULT_TIMEOUT_MS)
}

/// Whether a timeout setting is usable as given.
pub fn timeout_ok(seconds: f64) -> bool {
    to_ms(seconds).is_some()
}

/// Seconds from 1 to 120 in milliseconds, decimals past the third dropped.
fn to_ms(seconds: f64) -> Option<i32> {
    (seconds.is_finite() && (1.0..=120.0).contains(&seconds))
        // The nudge keeps 1.001 (a float just below it) at 1001 ms.
        .then(|| ((seconds * 1000.0) + 1e-6).floor() as i32)
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

    /// The page reads the field with the browser's `Number(text)`; Rust's parser stands in for
    /// it here (both give `NaN` or an error for words, and the same value for numbers).
    fn number(text: &str) -> f64 {
        text.trim().parse().unwrap_or(f64::NAN)
    }

    #[test]
    fn a_timeout_that_is_not_a_sane_number_is_the_default() {
        for bad in [
            "NaN", "0", "-5", "0.5", "121", "1e9", "inf", "-inf", "", "ten", "120.001",
        ] {
            assert_eq!(timeout_ms(number(bad)), 10_000, "{bad}");
            assert!(!timeout_ok(number(bad)), "{bad}");
        }
        assert_eq!(timeout_ms(number("2")), 2_000);
        assert_eq!(timeout_ms(number(" 1.5 ")), 1_500);
        assert_eq!(timeout_ms(number("120")), 120_000);
        assert_eq!(timeout_ms(number("10.")), 10_000);
        assert_eq!(timeout_ms(number(DEFAULT_TIMEOUT_TEXT)), DEFAULT_TIMEOUT_MS);
        assert_eq!(timeout_ms(number("2.0005")), 2_000);
        assert_eq!(timeout_ms(number("1.001")), 1_001);
        assert_eq!(timeout_ms(number("1e1")), 10_000);
    }

    proptest::proptest! {
        /// Any finite number of seconds in range is its milliseconds, anything else the default.
        #[test]
        fn any_number_of_seconds(x in proptest::num::f64::ANY) {
            let ms = timeout_ms(x);
            if x.is_finite() && (1.0..=120.0).contains(&x) {
                proptest::prop_assert!((ms as f64 - x * 1000.0).abs() < 1.0);
            } else {
                proptest::prop_assert_eq!(ms, DEFAULT_TIMEOUT_MS);
            }
        }
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
