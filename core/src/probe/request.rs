//! What a probe asks for: the person's input, with what was not given as `None` and secrets
//! wrapped so they cannot be printed; and each request, as one value that gives both what is
//! sent and the text the page shows of it (secrets hidden).

use std::fmt;

use super::dns::base64;
use super::target::Target;

/// A token or password. It has no `Display`, and its `Debug` hides it: the only way to the
/// value is [`Secret::expose`], called where it is sent.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// A secret from a form field: `None` when it is empty.
    pub fn given(text: &str) -> Option<Secret> {
        let t = text.trim();
        (!t.is_empty()).then(|| Secret(t.to_owned()))
    }

    /// A password exactly as typed: spaces count, and it may be empty.
    pub fn typed(text: &str) -> Secret {
        Secret(text.to_owned())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} bytes)", self.0.len())
    }
}

/// A form field as typed: `None` when blank.
pub fn given(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// What the person asked the probes to check with.
#[derive(Debug, Clone)]
pub struct ProbeInput {
    pub target: Target,
    pub entra: Option<Secret>,
    pub refresh: Option<Secret>,
    /// A user name (admin user, token name, service principal) and its password.
    pub basic: Option<(String, Secret)>,
    pub repository: Option<String>,
    /// The registry's tenant, when the person knows it: an Entra token from another is flagged.
    pub tenant: Option<String>,
    /// The DNS-over-HTTPS resolver, as typed (checked when the run starts).
    pub doh: String,
    /// The origin the person ticked "send my token to".
    pub trusted_origin: Option<String>,
}

impl ProbeInput {
    /// Whether any secret was given.
    pub fn has_secret(&self) -> bool {
        self.entra.is_some() || self.refresh.is_some() || self.basic.is_some()
    }
}

/// How the browser may read the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Readable only if the server sends CORS headers.
    Cors,
    /// Opaque: success only says that some answer came back. Never carries a secret.
    NoCors,
}

/// One request of a probe run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: &'static str,
    pub url: String,
    pub mode: Mode,
    pub accept: Option<&'static str>,
    authorization: Option<Authorization>,
    form: Vec<(&'static str, Field)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Authorization {
    Basic { user: String, password: Secret },
    Bearer(Secret),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Shown(String),
    Hidden(Secret),
}

impl Request {
    fn get(url: String, mode: Mode) -> Self {
        Request {
            method: "GET",
            url,
            mode,
            accept: None,
            authorization: None,
            form: Vec::new(),
        }
    }

    /// RFC 8484 GET to a resolver (only an `Accept` header: no CORS preflight).
    pub fn doh(url: String) -> Self {
        Request {
            accept: Some("application/dns-message"),
            ..Request::get(url, Mode::Cors)
        }
    }

    /// `GET /v2/` in `no-cors` mode: does anything answer?
    pub fn reachability(target: &Target) -> Self {
        Request::get(format!("{}/v2/", target.origin), Mode::NoCors)
    }

    /// `GET /v2/` in `cors` mode: the challenge, if the registry lets the page read it.
    pub fn challenge(target: &Target) -> Self {
        Request::get(format!("{}/v2/", target.origin), Mode::Cors)
    }

    /// `POST /oauth2/exchange`: an Entra token for a refresh token.
    pub fn exchange(url: String, service: &str, tenant: Option<&str>, entra: &Secret) -> Self {
        let mut form = vec![
            ("grant_type", Field::Shown("access_token".into())),
            ("service", Field::Shown(service.into())),
        ];
        if let Some(t) = tenant {
            form.push(("tenant", Field::Shown(t.into())));
        }
        form.push(("access_token", Field::Hidden(entra.clone())));
        Request::post(url, form)
    }

    /// `POST /oauth2/token`: a refresh token for an access token with a scope.
    pub fn token(url: String, service: &str, scope: &str, refresh: &Secret) -> Self {
        Request::post(
            url,
            vec![
                ("grant_type", Field::Shown("refresh_token".into())),
                ("service", Field::Shown(service.into())),
                ("scope", Field::Shown(scope.into())),
                ("refresh_token", Field::Hidden(refresh.clone())),
            ],
        )
    }

    /// `GET /oauth2/token?service=…&scope=…` with a user name and password (Basic).
    pub fn token_basic(
        url: &str,
        service: &str,
        scope: &str,
        user: &str,
        password: &Secret,
    ) -> Self {
        Request {
            authorization: Some(Authorization::Basic {
                user: user.to_owned(),
                password: password.clone(),
            }),
            ..Request::get(
                format!(
                    "{url}?service={}&scope={}",
                    query_escape(service),
                    query_escape(scope)
                ),
                Mode::Cors,
            )
        }
    }

    /// A registry API call with an access token.
    pub fn bearer(url: String, access: &Secret) -> Self {
        Request {
            authorization: Some(Authorization::Bearer(access.clone())),
            ..Request::get(url, Mode::Cors)
        }
    }

    fn post(url: String, form: Vec<(&'static str, Field)>) -> Self {
        Request {
            method: "POST",
            form,
            ..Request::get(url, Mode::Cors)
        }
    }

    /// The `Authorization` header to send, secret included.
    pub fn authorization(&self) -> Option<String> {
        self.authorization.as_ref().map(|a| match a {
            Authorization::Basic { user, password } => format!(
                "Basic {}",
                base64(format!("{user}:{}", password.expose()).as_bytes())
            ),
            Authorization::Bearer(t) => format!("Bearer {}", t.expose()),
        })
    }

    /// The form fields to send (`application/x-www-form-urlencoded`), secrets included.
    pub fn form(&self) -> Option<Vec<(&'static str, &str)>> {
        (!self.form.is_empty()).then(|| {
            self.form
                .iter()
                .map(|(k, v)| match v {
                    Field::Shown(s) => (*k, s.as_str()),
                    Field::Hidden(s) => (*k, s.expose()),
                })
                .collect()
        })
    }

    /// What the page shows of the request: method, URL, mode or headers, form fields, with every
    /// secret replaced by `(hidden)`.
    pub fn asked(&self) -> String {
        let mut out = format!("{} {}", self.method, self.url);
        let form: Vec<String> = self
            .form
            .iter()
            .map(|(k, v)| match v {
                Field::Shown(s) => format!("{k}={s}"),
                Field::Hidden(_) => format!("{k}=(hidden)"),
            })
            .collect();
        let note = match (&self.authorization, self.accept, self.mode) {
            (Some(Authorization::Basic { .. }), _, _) => Some("(Authorization: Basic, hidden)"),
            (Some(Authorization::Bearer(_)), _, _) => Some("(Authorization: Bearer, hidden)"),
            (None, Some("application/dns-message"), _) => Some("(Accept: application/dns-message)"),
            (None, _, Mode::NoCors) if form.is_empty() => Some("(mode: no-cors)"),
            (None, _, Mode::Cors) if form.is_empty() => Some("(mode: cors)"),
            _ => None,
        };
        if !form.is_empty() {
            out.push_str("  ");
            out.push_str(&form.join("&"));
        }
        if let Some(n) = note {
            out.push_str("  ");
            out.push_str(n);
        }
        out
    }
}

/// Percent-escape a query value (RFC 3986 unreserved characters stay).
fn query_escape(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::target::parse_target;

    #[test]
    fn a_secret_never_prints() {
        let s = Secret::given("  eyJsecret  ").expect("given");
        assert_eq!(s.expose(), "eyJsecret");
        assert_eq!(format!("{s:?}"), "Secret(9 bytes)");
        assert_eq!(Secret::given("   "), None);
    }

    #[test]
    fn what_is_sent_and_what_is_shown() {
        let t = parse_target("r").expect("t");
        let entra = Secret::given("ENTRA").expect("e");
        let x = Request::exchange(
            "https://r.azurecr.io/oauth2/exchange".into(),
            "r.azurecr.io",
            Some("t1"),
            &entra,
        );
        assert_eq!(
            x.form(),
            Some(vec![
                ("grant_type", "access_token"),
                ("service", "r.azurecr.io"),
                ("tenant", "t1"),
                ("access_token", "ENTRA")
            ])
        );
        assert_eq!(x.asked(), "POST https://r.azurecr.io/oauth2/exchange  grant_type=access_token&service=r.azurecr.io&tenant=t1&access_token=(hidden)");
        assert!(!format!("{x:?}").contains("ENTRA"));

        let pw = Secret::given("testpassword").expect("p");
        let b = Request::token_basic(
            "https://r.azurecr.io/oauth2/token",
            "r.azurecr.io",
            "repository:a/b:pull",
            "testadmin",
            &pw,
        );
        assert_eq!(b.url, "https://r.azurecr.io/oauth2/token?service=r.azurecr.io&scope=repository%3Aa%2Fb%3Apull");
        assert_eq!(
            b.authorization().as_deref(),
            Some("Basic dGVzdGFkbWluOnRlc3RwYXNzd29yZA==")
        );
        assert_eq!(
            b.asked(),
            format!("GET {}  (Authorization: Basic, hidden)", b.url)
        );
        assert_eq!(
            Request::reachability(&t).asked(),
            "GET https://r.azurecr.io/v2/  (mode: no-cors)"
        );
        assert_eq!(Request::reachability(&t).authorization(), None);
        assert_eq!(Request::reachability(&t).form(), None);
    }
}
