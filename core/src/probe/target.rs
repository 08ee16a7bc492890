//! What the person typed as a registry → the origin the probes call.

use std::fmt;

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
    /// Characters a host name cannot hold.
    Host(String),
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::Empty => {
                f.write_str("type a registry: myreg, myreg.azurecr.io or a full URL")
            }
            TargetError::Scheme(s) => write!(
                f,
                "only http:// and https:// registries can be probed, not {s}://"
            ),
            TargetError::Host(h) => write!(f, "\"{h}\" is not a host name"),
        }
    }
}

/// Azure's registry domains: a bare name gets the public cloud's.
const AZURE_SUFFIXES: [&str; 3] = [".azurecr.io", ".azurecr.cn", ".azurecr.us"];

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
    let authority = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // userinfo never belongs in the URL: secrets go in their own fields.
    let authority = authority.rsplit('@').next().unwrap_or("").to_owned();
    let (host, port) = split_port(&authority);
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b':' | b'[' | b']'));
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok());
    if !host_ok || !port_ok {
        return Err(TargetError::Host(authority));
    }
    // A bare registry name means the public cloud's login server.
    let host = if !host.contains('.') && !host.contains(':') && host != "localhost" {
        format!("{host}.azurecr.io")
    } else {
        host.to_owned()
    };
    let skip_dns = if host == "localhost" {
        Some(SkipDns::Localhost)
    } else if is_address(&host) {
        Some(SkipDns::Address)
    } else {
        None
    };
    let name = AZURE_SUFFIXES
        .iter()
        .any(|s| host.ends_with(s))
        .then(|| crate::decode::registry_name_of(&host))
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
    })
}

fn split_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match authority.find("]:") {
            Some(i) => (&authority[..=i], Some(&authority[i + 2..])),
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h, Some(p)),
        _ => (authority, None),
    }
}

fn is_address(host: &str) -> bool {
    host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_a_registry_is_typed() {
        let t = parse_target("MyReg").expect("name");
        assert_eq!(t.origin, "https://myreg.azurecr.io");
        assert_eq!(t.name.as_deref(), Some("myreg"));
        assert_eq!(
            parse_target("x.azurecr.cn").expect("cn").origin,
            "https://x.azurecr.cn"
        );
        assert_eq!(
            parse_target(" https://x.azurecr.us/v2/ ")
                .expect("url")
                .origin,
            "https://x.azurecr.us"
        );
        let t = parse_target("http://127.0.0.1:5000/v2/").expect("ip");
        assert_eq!(t.origin, "http://127.0.0.1:5000");
        assert_eq!(t.skip_dns, Some(SkipDns::Address));
        assert_eq!(t.name, None);
        assert_eq!(
            parse_target("http://localhost:8080").expect("lh").skip_dns,
            Some(SkipDns::Localhost)
        );
        assert_eq!(
            parse_target("https://user:pw@proxy.example.com/x")
                .expect("userinfo")
                .origin,
            "https://proxy.example.com"
        );
        assert_eq!(
            parse_target("[::1]:5000").expect("v6").origin,
            "https://[::1]:5000"
        );
    }

    #[test]
    fn what_cannot_be_probed_says_why() {
        assert_eq!(
            parse_target("  ").expect_err("empty").to_string(),
            "type a registry: myreg, myreg.azurecr.io or a full URL"
        );
        assert_eq!(
            parse_target("ftp://x").expect_err("ftp"),
            TargetError::Scheme("ftp".into())
        );
        assert!(matches!(
            parse_target("bad host!"),
            Err(TargetError::Host(_))
        ));
        assert!(matches!(
            parse_target("x.io:99999"),
            Err(TargetError::Host(_))
        ));
    }
}
