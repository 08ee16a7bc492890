//! The probes' two settings, read as an attacker may have written them (they can come from a
//! link): the timeout per request and the DNS-over-HTTPS resolver.

use crate::values::{is_host, is_loopback, is_port, split_port};
use crate::{tr, Lang};

/// Milliseconds per request when the setting is missing or not usable.
pub const DEFAULT_TIMEOUT_MS: i32 = 10_000;
/// The same, as the settings field shows it (seconds).
pub const DEFAULT_TIMEOUT_TEXT: &str = "10";

/// The timeout per request in milliseconds: a number of seconds from 1 to 120, else the default.
/// `NaN`, `0`, `-5`, `1e9` and words all give the default.
pub fn timeout_ms(text: &str) -> i32 {
    parse_timeout(text).unwrap_or(DEFAULT_TIMEOUT_MS)
}

/// Whether a timeout setting is usable as given.
pub fn timeout_ok(text: &str) -> bool {
    parse_timeout(text).is_some()
}

/// Seconds written as digits, with decimals after a point (`2`, `1.5`, `10.`), from 1 to 120, in
/// milliseconds (decimals past the third are dropped). Signs, exponents and words are refused.
/// Read by hand: Rust's float parser would bring its tables into the page for one field.
fn parse_timeout(text: &str) -> Option<i32> {
    let text = text.trim();
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 3 || !digits(whole) || !digits(decimals) {
        return None;
    }
    let mut ms = whole.parse::<i32>().ok()? * 1000;
    for (b, scale) in decimals.bytes().zip([100, 10, 1]) {
        ms += i32::from(b - b'0') * scale;
    }
    (1000..=120_000).contains(&ms).then_some(ms)
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
        assert_eq!(timeout_ms("10."), 10_000);
        assert_eq!(timeout_ms(DEFAULT_TIMEOUT_TEXT), DEFAULT_TIMEOUT_MS);
        assert!(timeout_ok(DEFAULT_TIMEOUT_TEXT));
        assert_eq!(timeout_ms("2.0005"), 2_000);
        for bad in ["+5", ".5", "1.5.0", "1,5", "0120", "1 0", "120.001"] {
            assert!(!timeout_ok(bad), "{bad}");
        }
    }

    proptest::proptest! {
        /// Up to three decimals, the hand reader gives what a float parser would.
        #[test]
        fn timeouts_read_as_a_float_parser_would(s in "[0-9]{1,3}(\\.[0-9]{0,3})?") {
            let float = s
                .parse::<f64>()
                .ok()
                .filter(|x| (1.0..=120.0).contains(x))
                .map(|x| (x * 1000.0).round() as i32);
            proptest::prop_assert_eq!(parse_timeout(&s), float);
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
