//! Tokens decoded locally (never verified, never sent anywhere): what they grant, for how long,
//! to whom — and what is wrong with them for this registry.

use crate::lenient::{self, kept, Loose, Node, Parse};
use serde::Deserialize;

/// What kind of token the claims show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Microsoft Entra token (from `az account get-access-token`).
    Entra,
    /// An ACR refresh token (from `/oauth2/exchange` or `az acr login --expose-token`).
    RegistryRefresh,
    /// An ACR access token (from `/oauth2/token`).
    RegistryAccess,
    Other,
}

/// Where a token a probe step shows came from: the person, or the registry's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    Given,
    Returned,
}

/// One `access` entry: `repository:app:pull,push`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub kind: String,
    pub name: String,
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub kind: Kind,
    pub issuer: Option<String>,
    pub audience: Vec<String>,
    pub subject: Option<String>,
    pub tenant: Option<String>,
    pub grant_type: Option<String>,
    pub expires: Option<i64>,
    pub not_before: Option<i64>,
    pub issued: Option<i64>,
    pub access: Vec<Access>,
    /// Entra's delegated scopes (`scp`) or roles.
    pub scopes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenError {
    /// Not three dot-separated parts.
    Shape,
    /// A part is not base64url.
    Encoding,
    /// The claims are not a JSON object.
    Json,
}

/// Audiences of Azure Resource Manager tokens (what `az login` gets by default).
const MANAGEMENT_AUDIENCES: [&str; 4] = [
    "https://management.azure.com",
    "https://management.core.windows.net",
    "https://management.azure.com/",
    "https://management.core.windows.net/",
];
/// The audience ACR's documentation asks for.
pub const ACR_AUDIENCE: &str = "https://containerregistry.azure.net";

/// The claims of a token: its payload decoded from base64url, then parsed by `parse` (the
/// browser in the page) and read as a JSON object. A claim of another type than expected is
/// ignored, not an error (tokens from other issuers carry claims of their own shapes).
pub fn decode(token: &str, parse: Parse) -> Result<Claims, TokenError> {
    let token = token.trim().trim_start_matches("Bearer ").trim();
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 || parts[1].is_empty() {
        return Err(TokenError::Shape);
    }
    let bytes = base64url_decode(parts[1]).ok_or(TokenError::Encoding)?;
    // Only an object is claims (a JSON array or string parses, but is not).
    lenient::within_bounds(&bytes, parse)
        .and_then(lenient::read::<RawClaims>)
        .map(Claims::from_raw)
        .ok_or(TokenError::Json)
}

/// A token's claims as serde reads them; every field is [`Loose`], and the ones whose mere
/// presence counts (or that take two shapes) are kept as they came.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawClaims {
    iss: Loose<String>,
    /// One audience, or a list of them.
    aud: Option<Node>,
    upn: Loose<String>,
    unique_name: Loose<String>,
    sub: Loose<String>,
    tid: Option<Node>,
    tenant: Loose<String>,
    grant_type: Loose<String>,
    exp: Loose<i64>,
    nbf: Loose<i64>,
    iat: Loose<i64>,
    access: Option<Node>,
    scp: Loose<String>,
    roles: Loose<Vec<Loose<String>>>,
}

/// One `access` entry as serde reads it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawAccess {
    #[serde(rename = "type")]
    kind: Loose<String>,
    name: Loose<String>,
    actions: Loose<Vec<Loose<String>>>,
}

impl Claims {
    fn from_raw(raw: RawClaims) -> Claims {
        let audience = raw
            .aud
            .and_then(|aud| {
                lenient::read::<String>(aud.clone())
                    .map(|one| vec![one])
                    .or_else(|| kept(lenient::read(aud)?))
            })
            .unwrap_or_default();
        let has_access = raw.access.is_some();
        let access = raw
            .access
            .and_then(|a| kept::<RawAccess>(lenient::read(a)?))
            .unwrap_or_default()
            .into_iter()
            .map(|a| Access {
                kind: a.kind.get().unwrap_or_default(),
                name: a.name.get().unwrap_or_default(),
                actions: kept(a.actions).unwrap_or_default(),
            })
            .collect();
        let issuer = raw.iss.get();
        let grant_type = raw.grant_type.get();
        let tid = raw.tid;
        let kind = if issuer
            .as_deref()
            .is_some_and(|i| i.contains("sts.windows.net") || i.contains("login.microsoftonline"))
            || tid.is_some()
        {
            Kind::Entra
        } else if grant_type.as_deref() == Some("refresh_token") {
            Kind::RegistryRefresh
        } else if has_access {
            Kind::RegistryAccess
        } else {
            Kind::Other
        };
        Claims {
            kind,
            issuer,
            audience,
            subject: raw.upn.get().or(raw.unique_name.get()).or(raw.sub.get()),
            tenant: tid.and_then(lenient::read::<String>).or(raw.tenant.get()),
            grant_type,
            expires: raw.exp.get(),
            not_before: raw.nbf.get(),
            issued: raw.iat.get(),
            access,
            scopes: raw
                .scp
                .get()
                .or_else(|| kept(raw.roles).map(|r| r.join(" ")))
                .filter(|s| !s.is_empty()),
        }
    }
}

/// What is wrong with a token for its use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Expired {
        seconds_ago: i64,
    },
    NotYetValid {
        seconds: i64,
    },
    /// An Entra token for Azure Resource Manager: works only while the registry accepts ARM tokens.
    ManagementAudience,
    /// An Entra token for something else entirely.
    ForeignAudience {
        audience: String,
    },
    /// A registry token for another registry.
    OtherRegistry {
        audience: String,
        expected: String,
    },
    /// An Entra token from another tenant than the registry's.
    OtherTenant {
        tenant: String,
        expected: String,
    },
    /// An access token without the action the step needs.
    MissingAction {
        scope: String,
    },
}

/// Problems of `claims` at time `now` (seconds), for a registry whose service is `service`.
pub fn diagnose(
    claims: &Claims,
    now: i64,
    service: Option<&str>,
    tenant: Option<&str>,
    needed: Option<&Access>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Some(exp) = claims.expires {
        if exp <= now {
            out.push(Problem::Expired {
                seconds_ago: now.saturating_sub(exp),
            });
        }
    }
    if let Some(nbf) = claims.not_before {
        if nbf > now.saturating_add(60) {
            out.push(Problem::NotYetValid {
                seconds: nbf.saturating_sub(now),
            });
        }
    }
    match claims.kind {
        Kind::Entra => {
            let aud = claims.audience.first().cloned().unwrap_or_default();
            let trimmed = aud.trim_end_matches('/');
            if MANAGEMENT_AUDIENCES.contains(&aud.as_str()) {
                out.push(Problem::ManagementAudience);
            } else if trimmed != ACR_AUDIENCE {
                out.push(Problem::ForeignAudience { audience: aud });
            }
            if let (Some(t), Some(expected)) = (&claims.tenant, tenant) {
                if !t.eq_ignore_ascii_case(expected) {
                    out.push(Problem::OtherTenant {
                        tenant: t.clone(),
                        expected: expected.to_owned(),
                    });
                }
            }
        }
        Kind::RegistryRefresh | Kind::RegistryAccess => {
            if let Some(expected) = service {
                if !claims.audience.is_empty() && !claims.audience.iter().any(|a| a == expected) {
                    out.push(Problem::OtherRegistry {
                        audience: claims.audience.join(", "),
                        expected: expected.to_owned(),
                    });
                }
            }
        }
        Kind::Other => {}
    }
    if let Some(need) = needed {
        let granted = claims.access.iter().any(|a| a.covers(need));
        if claims.kind == Kind::RegistryAccess && !granted {
            out.push(Problem::MissingAction {
                scope: format!("{}:{}:{}", need.kind, need.name, need.actions.join(",")),
            });
        }
    }
    out
}

/// The scope a step asks for: `registry:catalog:*` or `repository:<repo>:pull`.
pub fn scope_access(repository: Option<&str>) -> Access {
    match repository {
        Some(r) => Access {
            kind: "repository".into(),
            name: r.into(),
            actions: vec!["pull".into()],
        },
        None => Access {
            kind: "registry".into(),
            name: "catalog".into(),
            actions: vec!["*".into()],
        },
    }
}

impl Access {
    pub fn scope(&self) -> String {
        format!("{}:{}:{}", self.kind, self.name, self.actions.join(","))
    }

    /// `repository:app:pull,push` (the scope form), if it has its three parts.
    pub fn parse(scope: &str) -> Option<Access> {
        let (kind, rest) = scope.split_once(':')?;
        let (name, actions) = rest.rsplit_once(':')?;
        (!kind.is_empty() && !name.is_empty()).then(|| Access {
            kind: kind.to_owned(),
            name: name.to_owned(),
            actions: actions
                .split(',')
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    }

    /// This grant allows everything `need` asks (`*` allows any action).
    pub fn covers(&self, need: &Access) -> bool {
        self.kind == need.kind
            && self.name == need.name
            && need
                .actions
                .iter()
                .all(|x| self.actions.iter().any(|g| g == x || g == "*"))
    }
}

fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::dns::base64url;

    fn decode(token: &str) -> Result<Claims, TokenError> {
        super::decode(token, |b| serde_json::from_slice(b).ok())
    }

    fn jwt(claims: &str) -> String {
        format!(
            "{}.{}.sig",
            base64url(br#"{"alg":"RS256"}"#),
            base64url(claims.as_bytes())
        )
    }

    #[test]
    fn registry_access_token() {
        let t = jwt(
            r#"{"iss":"Azure Container Registry","aud":"r.azurecr.io","exp":100,"grant_type":"access_token","roles":[],"access":[{"type":"registry","name":"catalog","actions":["*"]}]}"#,
        );
        let c = decode(&t).expect("decode");
        assert_eq!(c.kind, Kind::RegistryAccess);
        assert_eq!(c.access[0].actions, ["*"]);
        assert_eq!(c.scopes, None, "no scp, empty roles");
        assert!(diagnose(
            &c,
            50,
            Some("r.azurecr.io"),
            None,
            Some(&scope_access(None))
        )
        .is_empty());
        assert_eq!(
            diagnose(&c, 160, Some("r.azurecr.io"), None, None),
            [Problem::Expired { seconds_ago: 60 }]
        );
        assert_eq!(
            diagnose(
                &c,
                50,
                Some("r.azurecr.io"),
                None,
                Some(&scope_access(Some("app")))
            ),
            [Problem::MissingAction {
                scope: "repository:app:pull".into()
            }]
        );
        assert_eq!(
            diagnose(&c, 50, Some("other.azurecr.io"), None, None),
            [Problem::OtherRegistry {
                audience: "r.azurecr.io".into(),
                expected: "other.azurecr.io".into()
            }]
        );
    }

    #[test]
    fn entra_tokens_by_audience() {
        let arm = decode(&jwt(r#"{"aud":"https://management.core.windows.net/","iss":"https://sts.windows.net/t1/","tid":"t1","exp":9999999999}"#)).expect("arm");
        assert_eq!(arm.kind, Kind::Entra);
        assert_eq!(
            diagnose(&arm, 0, None, Some("t2"), None),
            [
                Problem::ManagementAudience,
                Problem::OtherTenant {
                    tenant: "t1".into(),
                    expected: "t2".into()
                }
            ]
        );
        let acr = decode(&jwt(
            r#"{"aud":"https://containerregistry.azure.net","tid":"t1"}"#,
        ))
        .expect("acr");
        assert!(diagnose(&acr, 0, None, Some("t1"), None).is_empty());
    }

    #[test]
    fn not_tokens() {
        assert_eq!(decode("hello"), Err(TokenError::Shape));
        assert_eq!(decode("a.!!!.c"), Err(TokenError::Encoding));
        assert_eq!(
            decode(&format!("a.{}.c", base64url(b"[1]"))),
            Err(TokenError::Json)
        );
    }
}
