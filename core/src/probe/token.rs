//! Tokens decoded locally (never verified, never sent anywhere): what they grant, for how long,
//! to whom — and what is wrong with them for this registry.

use serde_json::Value;

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

pub fn decode(token: &str) -> Result<Claims, TokenError> {
    let token = token.trim().trim_start_matches("Bearer ").trim();
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 || parts[1].is_empty() {
        return Err(TokenError::Shape);
    }
    let bytes = base64url_decode(parts[1]).ok_or(TokenError::Encoding)?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|_| TokenError::Json)?;
    let obj = v.as_object().ok_or(TokenError::Json)?;
    let s = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_owned);
    let n = |k: &str| obj.get(k).and_then(Value::as_i64);
    let audience = match obj.get("aud") {
        Some(Value::String(a)) => vec![a.clone()],
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let access = obj
        .get("access")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|a| Access {
                    kind: a
                        .get("type")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                    name: a
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                    actions: a
                        .get("actions")
                        .and_then(Value::as_array)
                        .map(|x| {
                            x.iter()
                                .filter_map(Value::as_str)
                                .map(str::to_owned)
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    let issuer = s("iss");
    let grant_type = s("grant_type");
    let kind = if issuer
        .as_deref()
        .is_some_and(|i| i.contains("sts.windows.net") || i.contains("login.microsoftonline"))
        || obj.contains_key("tid")
    {
        Kind::Entra
    } else if grant_type.as_deref() == Some("refresh_token") {
        Kind::RegistryRefresh
    } else if obj.contains_key("access") {
        Kind::RegistryAccess
    } else {
        Kind::Other
    };
    Ok(Claims {
        kind,
        issuer,
        audience,
        subject: s("upn").or_else(|| s("unique_name")).or_else(|| s("sub")),
        tenant: s("tid").or_else(|| s("tenant")),
        grant_type,
        expires: n("exp"),
        not_before: n("nbf"),
        issued: n("iat"),
        access,
        scopes: s("scp")
            .or_else(|| {
                obj.get("roles").and_then(Value::as_array).map(|r| {
                    r.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            })
            .filter(|s| !s.is_empty()),
    })
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
        let granted = claims.access.iter().any(|a| {
            a.kind == need.kind
                && a.name == need.name
                && need
                    .actions
                    .iter()
                    .all(|x| a.actions.iter().any(|g| g == x || g == "*"))
        });
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
