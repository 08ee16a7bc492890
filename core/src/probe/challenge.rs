//! The `WWW-Authenticate` header of a `/v2/` answer.

/// `Bearer realm="…",service="…"` as scheme and parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub scheme: String,
    pub params: Vec<(String, String)>,
}

impl Challenge {
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    pub fn is_bearer(&self) -> bool {
        self.scheme.eq_ignore_ascii_case("bearer")
    }

    /// What the CLI needs to go on: Bearer with a realm and a service.
    pub fn supports_entra(&self) -> bool {
        self.is_bearer() && self.param("realm").is_some() && self.param("service").is_some()
    }
}

/// Parse a challenge. Quoted values may hold commas (`scope="repository:x:pull,push"`).
pub fn parse(header: &str) -> Option<Challenge> {
    let header = header.trim();
    let (scheme, rest) = header
        .split_once(char::is_whitespace)
        .unwrap_or((header, ""));
    if scheme.is_empty() {
        return None;
    }
    let mut params = Vec::new();
    let mut chars = rest.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let key: String =
            std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ',')).collect();
        if key.trim().is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            if chars.next_if_eq(&'"').is_some() {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => value.extend(chars.next()),
                        '"' => break,
                        _ => value.push(c),
                    }
                }
            } else {
                value = std::iter::from_fn(|| chars.next_if(|c| *c != ','))
                    .collect::<String>()
                    .trim()
                    .to_owned();
            }
        }
        params.push((key.trim().to_ascii_lowercase(), value));
    }
    Some(Challenge {
        scheme: scheme.to_owned(),
        params,
    })
}

/// The token endpoints the CLI derives from the realm: its scheme and host, with the path replaced.
pub fn endpoint(realm: &str, path: &str) -> Option<String> {
    let scheme = realm.split_once("://")?.0;
    let host = crate::values::url_authority(realm)?;
    Some(format!("{scheme}://{host}{path}"))
}

/// check-health's rule for the answer to its `GET /v2/`, for the decoder (curl's answer) and the
/// probes (the browser's) alike: a 401 with a Bearer challenge naming a realm and a service is
/// what it expects (`None`); a 403 is the registry's network rules; another 401 challenge cannot
/// lead to an Entra sign-in; any other answer did not issue a challenge.
pub fn v2_code(status: u16, challenge: Option<&Challenge>) -> Option<crate::catalog::Code> {
    use crate::catalog::Code;
    match (status, challenge) {
        (403, _) => Some(Code::ConnectivityForbidden),
        (401, Some(c)) if c.supports_entra() => None,
        (401, Some(_)) => Some(Code::ConnectivityAadLogin),
        _ => Some(Code::ConnectivityChallenge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acr_and_distribution_challenges() {
        let c = parse(r#"Bearer realm="https://r.azurecr.io/oauth2/token",service="r.azurecr.io",scope="repository:a/b:pull,push""#).expect("c");
        assert!(c.supports_entra());
        assert_eq!(c.param("scope"), Some("repository:a/b:pull,push"));
        assert_eq!(
            endpoint(c.param("realm").expect("realm"), "/oauth2/exchange").as_deref(),
            Some("https://r.azurecr.io/oauth2/exchange")
        );
        let c = parse(r#"Basic realm="Registry Realm""#).expect("basic");
        assert!(!c.supports_entra());
        assert_eq!(c.scheme, "Basic");
        let c = parse(r#"Bearer realm="x",service="s",error="insufficient_scope""#).expect("err");
        assert_eq!(c.param("error"), Some("insufficient_scope"));
        assert!(parse("").is_none());
    }
}
