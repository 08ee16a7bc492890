//! A test stand-in for the part of Azure Container Registry that nothing real can play here:
//! the login server's token endpoints. It fronts a real `docker-registry` (distribution 2.8) so
//! that `/v2/` and `/oauth2/*` share one origin, as on `<name>.azurecr.io`:
//!
//! * `GET|HEAD /v2/…` is proxied to the registry; the challenge's realm is rewritten to this origin.
//! * `POST /oauth2/exchange` takes `grant_type=access_token`, `service`, `tenant`, `access_token`
//!   (an "Entra" token: a JWT signed with the test Entra secret, audience ACR or ARM, not expired)
//!   and returns `{"refresh_token": …}` signed with a key the registry does NOT trust.
//! * `POST /oauth2/token` takes `grant_type=refresh_token`, `service`, `scope`…, `refresh_token`
//!   and returns `{"access_token": …}` signed with the registry's trusted key (`x5c` header).
//! * `GET /oauth2/token?service=…&scope=…` with Basic auth (admin user) returns an access token.
//! * `OPTIONS` answers CORS preflights; every answer carries CORS headers.
//!
//! `--fault` changes one behaviour: `deny` (403 DENIED on /v2/), `notfound` (404 on /v2/),
//! `basic` (a Basic challenge), `nocors` (as Azure: `Access-Control-Expose-Headers` but no `Access-Control-Allow-Origin`), `throttle` (429 on the
//! exchange), `scope-denied` (403 on /oauth2/token), `scope-empty` (a token that grants none of
//! the actions asked, as a token server does for an identity without the role), `hang` (accept connections, never answer),
//! `foreign-realm` (the challenge names another host as its realm), `realm-elsewhere` (its realm
//! is `--redirect-to`, a second origin that records what reaches it), `redirect-exchange` and
//! `redirect-token` (a 307 from that endpoint to `--redirect-to`, another origin, which a client
//! that follows it would re-send the form to, secret and all); `blob-data`, `blob-refused`,
//! `blob-hang`, `blob-tls`, `blob-gopher`, `blob-foreign` (a blob `GET`
//! answers 307 to `--redirect-to`, as ACR sends layers to a data endpoint or storage, with a
//! signed-looking query that must never be printed).
//!
//! The ACR double (tests/acr-double) runs it with `--public-host <name>.azurecr.io` behind a TLS
//! front: the challenge is ACR's (`Bearer realm="https://<name>.azurecr.io/oauth2/token",
//! service="<name>.azurecr.io"`), errors carry ACR's words, every `/v2/` method is proxied (pushes
//! too), `POST /oauth2/token` also takes the password grant, `/acr/v1/_catalog` and
//! `/acr/v1/<repo>/_tags` answer `az acr repository`, and with `--data-host` a layer's `GET`
//! answers 307 to that data endpoint, which this front also serves (`/data/…`). Its own faults:
//! `disallowed` (405 REGISTRY_DISALLOWED_OPERATION on a manifest push or delete), `throttle-blob`
//! (429 on a layer), `upload-unknown` (404 BLOB_UPLOAD_UNKNOWN on an upload), `token-401`.

use std::collections::HashMap;
use std::io::Read;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::{json, Value};
use tiny_http::{Method, Response, Server};

struct Config {
    listen: String,
    registry: String,
    service: String,
    issuer: String,
    fault: String,
    access_key: EncodingKey,
    cert_der_b64: String,
    refresh_key: EncodingKey,
    refresh_public: DecodingKey,
    entra_secret: String,
    admin: (String, String),
    redirect_to: Option<String>,
    /// The ACR double: the login server's public name (`<name>.azurecr.io`, served over https by
    /// a TLS front), named in the challenge's realm and service, with ACR's error bodies.
    public_host: Option<String>,
    /// The double's data endpoint (`<name>.<region>.data.azurecr.io`): layers are redirected there.
    data_host: Option<String>,
}

impl Config {
    /// The origin clients reach this front at.
    fn origin(&self) -> String {
        match &self.public_host {
            Some(h) => format!("https://{h}"),
            None => format!("http://{}", self.listen),
        }
    }

    /// A `service=` this front answers for: the registry's, or the double's public name.
    fn service_ok(&self, s: &str) -> bool {
        s == self.service || self.public_host.as_deref() == Some(s)
    }

    /// 401 as this front words it: ACR's text for the double.
    fn unauthorized(&self, plain: &str) -> Reply {
        if self.public_host.is_some() {
            error(401, "UNAUTHORIZED", ACR_UNAUTHORIZED)
        } else {
            error(401, "UNAUTHORIZED", plain)
        }
    }
}

/// What ACR's firewall says to an address it does not allow (the clients here are all 127.0.0.1).
fn firewall() -> Reply {
    error(
        403,
        "DENIED",
        "client with IP '127.0.0.1' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.",
    )
}

/// What ACR says to a request without a token it accepts.
const ACR_UNAUTHORIZED: &str =
    "authentication required, visit https://aka.ms/acr/authorization for more information.";

const ACR_AUDIENCE: &str = "https://containerregistry.azure.net";
const ARM_AUDIENCES: [&str; 2] = [
    "https://management.azure.com/",
    "https://management.core.windows.net/",
];

fn main() {
    let args: HashMap<String, String> = std::env::args()
        .skip(1)
        .collect::<Vec<_>>()
        .chunks(2)
        .filter_map(|p| {
            Some((
                p.first()?.trim_start_matches("--").to_owned(),
                p.get(1)?.clone(),
            ))
        })
        .collect();
    let arg = |k: &str| {
        args.get(k)
            .cloned()
            .unwrap_or_else(|| panic!("missing --{k}"))
    };
    let read = |k: &str| std::fs::read(arg(k)).unwrap_or_else(|e| panic!("--{k}: {e}"));
    let cert_pem = String::from_utf8(read("cert")).expect("cert is PEM text");
    let cert_b64: String = cert_pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let config = Config {
        listen: arg("listen"),
        registry: arg("registry"),
        service: arg("service"),
        issuer: arg("issuer"),
        fault: args.get("fault").cloned().unwrap_or_else(|| "none".into()),
        access_key: EncodingKey::from_rsa_pem(&read("key")).expect("--key: RSA PEM"),
        cert_der_b64: cert_b64,
        refresh_key: EncodingKey::from_rsa_pem(&read("refresh-key"))
            .expect("--refresh-key: RSA PEM"),
        refresh_public: DecodingKey::from_rsa_pem(&read("refresh-public"))
            .expect("--refresh-public: RSA PEM"),
        entra_secret: arg("entra-secret"),
        admin: ("testadmin".into(), "testpassword".into()),
        redirect_to: args.get("redirect-to").cloned(),
        public_host: args.get("public-host").cloned(),
        data_host: args.get("data-host").cloned(),
    };
    if config.fault == "hang" {
        hang(&config.listen);
    }
    let server = Server::http(&config.listen).expect("listen");
    eprintln!(
        "token server on {} (fault: {})",
        config.listen, config.fault
    );
    for mut request in server.incoming_requests() {
        let response = handle(&config, &mut request);
        let _ = request.respond(response);
    }
}

/// Accept connections and never answer, until killed.
fn hang(listen: &str) -> ! {
    let listener = std::net::TcpListener::bind(listen).expect("listen");
    eprintln!("hanging on {listen}");
    let mut held = Vec::new();
    loop {
        if let Ok((stream, _)) = listener.accept() {
            held.push(stream);
        }
    }
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn handle(c: &Config, req: &mut tiny_http::Request) -> Reply {
    let origin = header(req, "Origin");
    let url = req.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let mut reply = match (req.method(), path) {
        (Method::Options, _) => Response::from_data(Vec::new()).with_status_code(204),
        (Method::Get, p) if p.starts_with("/data/") && c.data_host.is_some() => data(c, p, query),
        (Method::Get, p) if p.starts_with("/acr/v1/") && c.public_host.is_some() => {
            acr_v1(c, req, p)
        }
        (Method::Get | Method::Head, p) if p.starts_with("/v2/") || p == "/v2" => v2(c, req, &url),
        // Pushes and deletes: only the double proxies them.
        (_, p) if p.starts_with("/v2/") && c.public_host.is_some() => v2(c, req, &url),
        (Method::Post, p @ "/oauth2/exchange") if c.fault == "redirect-exchange" => redirect(c, p),
        (Method::Post, p @ "/oauth2/token") if c.fault == "redirect-token" => redirect(c, p),
        (Method::Post, "/oauth2/exchange") => exchange(c, &form(req)),
        (Method::Post, "/oauth2/token") => token_post(c, &form(req)),
        (Method::Get, "/oauth2/token") => token_basic(c, req, query),
        _ => error(404, "NOT_FOUND", "not found"),
    };
    // The double answers as Azure does: headers exposed, other origins not allowed.
    if c.fault == "nocors" || c.public_host.is_some() {
        // What an Azure registry sends to another origin: headers exposed, the origin not allowed.
        reply.add_header(
            tiny_http::Header::from_bytes(
                "Access-Control-Expose-Headers",
                "Docker-Content-Digest, WWW-Authenticate, Link, X-Ms-Correlation-Request-Id",
            )
            .expect("header"),
        );
    } else {
        for (k, v) in [
            (
                "Access-Control-Allow-Origin",
                origin.as_deref().unwrap_or("*"),
            ),
            ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
            (
                "Access-Control-Allow-Headers",
                "Authorization, Accept, Content-Type",
            ),
            (
                "Access-Control-Expose-Headers",
                "WWW-Authenticate, Docker-Distribution-Api-Version, Link",
            ),
            ("Access-Control-Max-Age", "600"),
            ("Vary", "Origin"),
        ] {
            reply.add_header(tiny_http::Header::from_bytes(k, v).expect("header"));
        }
    }
    reply
}

/// 307 Temporary Redirect to the same path on `--redirect-to`: a client that follows it re-sends
/// the POST body there.
fn redirect(c: &Config, path: &str) -> Reply {
    let to = c
        .redirect_to
        .as_deref()
        .expect("--redirect-to with a redirect fault");
    Response::from_data(Vec::new())
        .with_status_code(307)
        .with_header(tiny_http::Header::from_bytes("Location", format!("{to}{path}")).expect("h"))
}

fn v2(c: &Config, req: &mut tiny_http::Request, url: &str) -> Reply {
    let method = req.method().as_str().to_owned();
    let path = url.split('?').next().unwrap_or(url);
    let authorized = header(req, "Authorization").is_some();
    match c.fault.as_str() {
        "disallowed" if (method == "PUT" || method == "DELETE") && path.contains("/manifests/") => {
            return error(
                405,
                "REGISTRY_DISALLOWED_OPERATION",
                "The operation is disallowed.",
            );
        }
        "throttle-blob" if method == "GET" && path.contains("/blobs/sha256:") && authorized => {
            return error(429, "TOOMANYREQUESTS", "too many requests");
        }
        "upload-unknown"
            if (method == "PATCH" || method == "PUT") && path.contains("/blobs/uploads/") =>
        {
            return error(
                404,
                "BLOB_UPLOAD_UNKNOWN",
                "blob upload unknown to registry",
            );
        }
        _ => {}
    }
    // ACR sends a layer's bytes from its data endpoint: a 307 with a signed URL.
    if let Some(data_host) = &c.data_host {
        if method == "GET" && path.contains("/blobs/sha256:") && authorized {
            let (repo, digest) = path
                .trim_start_matches("/v2/")
                .rsplit_once("/blobs/")
                .unwrap_or(("", ""));
            return Response::from_data(Vec::new()).with_status_code(307).with_header(
                tiny_http::Header::from_bytes(
                    "Location",
                    format!("https://{data_host}/data/{repo}/{digest}?se=2099-01-01&sig=SECRET-SAS-SIGNATURE-DO-NOT-PRINT"),
                )
                .expect("h"),
            );
        }
    }
    if c.fault.starts_with("blob-")
        && url.contains("/blobs/sha256:")
        && header(req, "Authorization").is_some()
    {
        let to = c
            .redirect_to
            .as_deref()
            .expect("--redirect-to with a blob- fault");
        let digest = url.rsplit('/').next().unwrap_or("");
        return Response::from_data(Vec::new())
            .with_status_code(307)
            .with_header(
                tiny_http::Header::from_bytes(
                    "Location",
                    format!("{to}/data?d={digest}&sig=SECRET-SAS-SIGNATURE-DO-NOT-PRINT"),
                )
                .expect("h"),
            );
    }
    match c.fault.as_str() {
        "deny" => return firewall(),
        "notfound" => return error(404, "NOT_FOUND", "not found"),
        "basic" => {
            return error(401, "UNAUTHORIZED", "authentication required").with_header(
                tiny_http::Header::from_bytes("WWW-Authenticate", "Basic realm=\"Registry Realm\"")
                    .expect("h"),
            )
        }
        _ => {}
    }
    let mut call = ureq::request(&method, &format!("http://{}{url}", c.registry));
    // A client names the manifest types it reads; without them distribution refuses OCI ones.
    for name in ["Authorization", "Content-Type", "Content-Range", "Range"] {
        if let Some(value) = header(req, name) {
            call = call.set(name, &value);
        }
    }
    // Docker sends one Accept header per manifest type: all of them count.
    let accept: Vec<&str> = req
        .headers()
        .iter()
        .filter(|h| h.field.equiv("Accept"))
        .map(|h| h.value.as_str())
        .collect();
    if !accept.is_empty() {
        call = call.set("Accept", &accept.join(", "));
    }
    let mut body = Vec::new();
    let _ = req.as_reader().take(64 << 20).read_to_end(&mut body);
    let sent = if matches!(method.as_str(), "GET" | "HEAD" | "DELETE") && body.is_empty() {
        call.call()
    } else {
        call.send_bytes(&body)
    };
    let response = match sent {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => return error(502, "UNAVAILABLE", &format!("registry unreachable: {e}")),
    };
    let status = response.status();
    let realm_host = match c.fault.as_str() {
        "foreign-realm" => "auth.example.test",
        // A realm on a second origin that records what reaches it.
        "realm-elsewhere" => c
            .redirect_to
            .as_deref()
            .and_then(|to| to.split_once("://"))
            .map_or(c.listen.as_str(), |(_, authority)| authority),
        _ => c.listen.as_str(),
    };
    let challenge = response
        .header("WWW-Authenticate")
        .map(|h| match &c.public_host {
            // ACR's own: `Bearer realm="https://<name>.azurecr.io/oauth2/token",service="<name>.azurecr.io"`,
            // with the scope the registry asked for.
            Some(host) => {
                let scope = h
                    .split_once("scope=\"")
                    .and_then(|(_, r)| r.split_once('"'))
                    .map(|(s, _)| format!(",scope=\"{s}\""))
                    .unwrap_or_default();
                format!("Bearer realm=\"https://{host}/oauth2/token\",service=\"{host}\"{scope}")
            }
            None => rewrite_realm(h, realm_host),
        });
    // Every header the registry sent (digests, upload locations, ranges), but the framing ones;
    // its own address in a Location becomes this front's.
    let registry_origin = format!("http://{}", c.registry);
    let mut headers = Vec::new();
    for name in response.headers_names() {
        let lower = name.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "connection"
                | "transfer-encoding"
                | "content-length"
                | "www-authenticate"
                | "date"
                | "keep-alive"
        ) {
            continue;
        }
        if let Some(value) = response.header(&name) {
            let value = value.replace(&registry_origin, &c.origin());
            headers
                .push(tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("h"));
        }
    }
    if let Some(ch) = challenge {
        headers.push(tiny_http::Header::from_bytes("WWW-Authenticate", ch).expect("h"));
    }
    let length: Option<usize> = response
        .header("Content-Length")
        .and_then(|l| l.parse().ok());
    let mut body = Vec::new();
    let _ = response.into_reader().take(64 << 20).read_to_end(&mut body);
    // Only an error is reworded: a manifest's bytes are its digest.
    if c.public_host.is_some() && status >= 400 {
        body = acr_body(status, body);
    }
    // A HEAD answer keeps the registry's length (a manifest's size), with no body.
    let length = if method == "HEAD" {
        length
    } else {
        Some(body.len())
    };
    Response::new(
        tiny_http::StatusCode(status),
        headers,
        std::io::Cursor::new(body),
        length,
        None,
    )
}

/// The registry's error bodies as ACR words them.
fn acr_body(status: u16, body: Vec<u8>) -> Vec<u8> {
    let Ok(mut v) = serde_json::from_slice::<Value>(&body) else {
        return body;
    };
    if let Some(errors) = v.get_mut("errors").and_then(Value::as_array_mut) {
        for e in errors {
            let code = e
                .get("code")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let tag = e
                .pointer("/detail/Tag")
                .and_then(Value::as_str)
                .map(str::to_owned);
            match (status, code.as_str(), tag) {
                (401, "UNAUTHORIZED", _) => {
                    e["message"] = json!(ACR_UNAUTHORIZED);
                    e["detail"] = Value::Null;
                }
                (404, "MANIFEST_UNKNOWN", Some(tag)) => {
                    e["message"] = json!(format!("manifest tagged by \"{tag}\" is not found"));
                }
                _ => {}
            }
        }
    }
    v.to_string().into_bytes()
}

/// ACR's own listing API, which `az acr repository` reads: `/acr/v1/_catalog` and
/// `/acr/v1/<repository>/_tags`, answered from the registry's `/v2/` lists.
fn acr_v1(c: &Config, req: &tiny_http::Request, path: &str) -> Reply {
    // The firewall answers before anything else.
    if c.fault == "deny" {
        return firewall();
    }
    let rest = path.trim_start_matches("/acr/v1/");
    if header(req, "Authorization").is_none() {
        // ACR's challenge, with the scope this listing needs.
        let host = c.public_host.clone().unwrap_or_default();
        let scope = match rest.strip_suffix("/_tags") {
            Some(repo) => format!("repository:{repo}:metadata_read"),
            None => "registry:catalog:*".to_owned(),
        };
        return c.unauthorized("").with_header(
            tiny_http::Header::from_bytes(
                "WWW-Authenticate",
                format!("Bearer realm=\"https://{host}/oauth2/token\",service=\"{host}\",scope=\"{scope}\""),
            )
            .expect("h"),
        );
    }
    let (upstream, scope, repo) = if rest == "_catalog" {
        (
            "/v2/_catalog".to_owned(),
            "registry:catalog:*".to_owned(),
            None,
        )
    } else if let Some(repo) = rest.strip_suffix("/_tags") {
        (
            format!("/v2/{repo}/tags/list"),
            format!("repository:{repo}:pull"),
            Some(repo.to_owned()),
        )
    } else {
        return error(404, "NOT_FOUND", "not found");
    };
    let token = mint(c, "acr-listing", &scope);
    let answer = match ureq::get(&format!("http://{}{upstream}", c.registry))
        .set("Authorization", &format!("Bearer {token}"))
        .call()
    {
        Ok(r) => {
            let mut body = Vec::new();
            let _ = r.into_reader().take(1 << 20).read_to_end(&mut body);
            serde_json::from_slice::<Value>(&body).unwrap_or(Value::Null)
        }
        Err(ureq::Error::Status(status, r)) => {
            let mut body = Vec::new();
            let _ = r.into_reader().take(1 << 20).read_to_end(&mut body);
            return Response::from_data(acr_body(status, body)).with_status_code(status);
        }
        Err(e) => return error(502, "UNAVAILABLE", &format!("registry unreachable: {e}")),
    };
    let host = c.public_host.clone().unwrap_or_default();
    let body = match repo {
        None => answer,
        Some(repo) => {
            let tags: Vec<Value> = answer["tags"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|t| json!({"name": t, "signed": false, "changeableAttributes": {
                    "deleteEnabled": true, "writeEnabled": true, "readEnabled": true, "listEnabled": true}}))
                .collect();
            json!({"registry": host, "imageName": repo, "tags": tags})
        }
    };
    json_reply(200, body)
}

/// The data endpoint: a layer's bytes, for the signed URL the login server redirected to.
fn data(c: &Config, path: &str, query: &str) -> Reply {
    if !query.contains("sig=") {
        return error(
            403,
            "AuthenticationFailed",
            "Server failed to authenticate the request.",
        );
    }
    let Some((repo, digest)) = path.trim_start_matches("/data/").rsplit_once('/') else {
        return error(404, "BlobNotFound", "The specified blob does not exist.");
    };
    let token = mint(c, "acr-data-endpoint", &format!("repository:{repo}:pull"));
    match ureq::get(&format!("http://{}/v2/{repo}/blobs/{digest}", c.registry))
        .set("Authorization", &format!("Bearer {token}"))
        .call()
    {
        Ok(r) => {
            let mut body = Vec::new();
            let _ = r.into_reader().take(64 << 20).read_to_end(&mut body);
            Response::from_data(body).with_header(
                tiny_http::Header::from_bytes("Content-Type", "application/octet-stream")
                    .expect("h"),
            )
        }
        Err(_) => error(404, "BlobNotFound", "The specified blob does not exist."),
    }
}

/// The registry names one realm; each front names its own origin, as ACR's realm is its login server.
fn rewrite_realm(header: &str, listen: &str) -> String {
    match (header.find("realm=\""), header.find("/oauth2/token")) {
        (Some(a), Some(b)) if b > a => {
            format!("{}realm=\"http://{listen}{}", &header[..a], &header[b..])
        }
        _ => header.to_owned(),
    }
}

fn exchange(c: &Config, f: &HashMap<String, Vec<String>>) -> Reply {
    if c.fault == "throttle" {
        return error(429, "TOOMANYREQUESTS", "too many requests");
    }
    let get = |k: &str| first(f, k);
    if !c.service_ok(&get("service")) {
        return error(400, "UNSUPPORTED", "unknown service");
    }
    if get("grant_type") != "access_token" || get("access_token").is_empty() {
        return error(
            400,
            "UNSUPPORTED",
            "grant_type must be access_token with an access_token",
        );
    }
    let mut v = Validation::new(Algorithm::HS256);
    v.set_audience(&[ACR_AUDIENCE, ARM_AUDIENCES[0], ARM_AUDIENCES[1]]);
    v.set_required_spec_claims(&["exp", "aud"]);
    let Ok(entra) = jsonwebtoken::decode::<Value>(
        &get("access_token"),
        &DecodingKey::from_secret(c.entra_secret.as_bytes()),
        &v,
    ) else {
        return error(401, "UNAUTHORIZED", "invalid AAD access token");
    };
    let tenant = claim(&entra.claims, "tid", "");
    let subject = claim(&entra.claims, "upn", "test-user");
    let claims = json!({
        "jti": jti(), "sub": subject, "nbf": now() - 5, "iat": now(), "exp": now() + 3 * 3600,
        "iss": c.issuer, "aud": c.service, "version": "1.0", "grant_type": "refresh_token",
        "tenant": tenant, "permissions": {"actions": ["*"], "notActions": []}, "roles": [],
    });
    let token = jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &c.refresh_key)
        .expect("sign");
    json_reply(200, json!({ "refresh_token": token }))
}

fn token_post(c: &Config, f: &HashMap<String, Vec<String>>) -> Reply {
    let get = |k: &str| first(f, k);
    if !c.service_ok(&get("service")) {
        return error(400, "UNSUPPORTED", "unknown service");
    }
    if c.fault == "token-401" {
        return c.unauthorized("invalid credentials");
    }
    // The password grant (ACR accepts it; az and containerd send it): an access token and a
    // refresh token, as docker stores for its next login.
    if get("grant_type") == "password" {
        if (get("username"), get("password")) != (c.admin.0.clone(), c.admin.1.clone()) {
            return c.unauthorized("invalid credentials");
        }
        let mut reply = access_claims(
            c,
            &get("username"),
            f.get("scope").cloned().unwrap_or_default(),
        );
        let refresh = json!({
            "jti": jti(), "sub": get("username"), "nbf": now() - 5, "iat": now(), "exp": now() + 3 * 3600,
            "iss": c.issuer, "aud": c.service, "version": "1.0", "grant_type": "refresh_token",
        });
        reply["refresh_token"] =
            json!(
                jsonwebtoken::encode(&Header::new(Algorithm::RS256), &refresh, &c.refresh_key)
                    .expect("sign")
            );
        return json_reply(200, reply);
    }
    if get("grant_type") != "refresh_token" {
        return error(400, "UNSUPPORTED", "grant_type must be refresh_token");
    }
    let mut v = Validation::new(Algorithm::RS256);
    v.set_audience(&[&c.service]);
    v.set_issuer(&[&c.issuer]);
    let Ok(rt) = jsonwebtoken::decode::<Value>(&get("refresh_token"), &c.refresh_public, &v) else {
        return c.unauthorized("invalid refresh token");
    };
    if rt.claims.get("grant_type").and_then(Value::as_str) != Some("refresh_token") {
        return error(401, "UNAUTHORIZED", "not a refresh token");
    }
    if c.fault == "scope-denied" {
        return error(403, "DENIED", "requested access to the resource is denied");
    }
    let subject = claim(&rt.claims, "sub", "test-user");
    access_token(c, &subject, f.get("scope").cloned().unwrap_or_default())
}

fn token_basic(c: &Config, req: &tiny_http::Request, query: &str) -> Reply {
    let q: HashMap<String, Vec<String>> = parse_form(query.as_bytes());
    let basic = header(req, "Authorization")
        .and_then(|a| a.strip_prefix("Basic ").map(str::to_owned))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let Some((user, password)) = basic.as_deref().and_then(|b| b.split_once(':')) else {
        // An anonymous token: ACR refuses it unless anonymous pull is on.
        if c.public_host.is_some() {
            return c.unauthorized("");
        }
        return error(401, "UNAUTHORIZED", "authentication required").with_header(
            tiny_http::Header::from_bytes("WWW-Authenticate", "Basic realm=\"acr-doctor-test\"")
                .expect("h"),
        );
    };
    if (user, password) != (c.admin.0.as_str(), c.admin.1.as_str()) || c.fault == "token-401" {
        return c.unauthorized("invalid credentials");
    }
    if !q
        .get("service")
        .and_then(|v| v.first())
        .is_some_and(|s| c.service_ok(s))
    {
        return error(400, "UNSUPPORTED", "unknown service");
    }
    if c.fault == "scope-denied" {
        return error(403, "DENIED", "requested access to the resource is denied");
    }
    access_token(c, user, q.get("scope").cloned().unwrap_or_default())
}

fn access_token(c: &Config, subject: &str, scopes: Vec<String>) -> Reply {
    json_reply(200, access_claims(c, subject, scopes))
}

/// A signed access token for one scope, for the data endpoint's own read.
fn mint(c: &Config, subject: &str, scope: &str) -> String {
    access_claims(c, subject, vec![scope.to_owned()])["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// `{"access_token": …}` for the scopes asked.
fn access_claims(c: &Config, subject: &str, scopes: Vec<String>) -> Value {
    let access: Vec<Value> = scopes
        .iter()
        .flat_map(|s| s.split(' '))
        .filter_map(|one| {
            let (kind, rest) = one.split_once(':')?;
            let (name, actions) = rest.rsplit_once(':')?;
            let actions: Vec<&str> = if c.fault == "scope-empty" {
                Vec::new()
            } else {
                actions.split(',').collect()
            };
            Some(json!({"type": kind, "name": name, "actions": actions}))
        })
        .collect();
    let claims = json!({
        "jti": jti(), "sub": subject, "nbf": now() - 5, "iat": now(), "exp": now() + 3600,
        "iss": c.issuer, "aud": c.service, "version": "1.0", "grant_type": "access_token",
        "access": access, "roles": [],
    });
    let mut h = Header::new(Algorithm::RS256);
    h.x5c = Some(vec![c.cert_der_b64.clone()]);
    let token = jsonwebtoken::encode(&h, &claims, &c.access_key).expect("sign");
    json!({ "access_token": token })
}

/// The first value of a form field, or "".
fn first(f: &HashMap<String, Vec<String>>, key: &str) -> String {
    f.get(key)
        .and_then(|v| v.first())
        .cloned()
        .unwrap_or_default()
}

/// A string claim, or a default.
fn claim(claims: &Value, key: &str, default: &str) -> String {
    claims
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or(default)
        .to_owned()
}

fn form(req: &mut tiny_http::Request) -> HashMap<String, Vec<String>> {
    let mut body = Vec::new();
    let _ = req.as_reader().take(1 << 20).read_to_end(&mut body);
    parse_form(&body)
}

fn parse_form(bytes: &[u8]) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in form_urlencoded::parse(bytes) {
        out.entry(k.into_owned()).or_default().push(v.into_owned());
    }
    out
}

fn header(req: &tiny_http::Request, name: &str) -> Option<String> {
    req.headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_owned())
}

fn error(status: u16, code: &str, message: &str) -> Reply {
    json_reply(
        status,
        json!({"errors": [{"code": code, "message": message, "detail": null}]}),
    )
}

fn json_reply(status: u16, body: Value) -> Reply {
    Response::from_data(body.to_string().into_bytes())
        .with_status_code(status)
        .with_header(
            tiny_http::Header::from_bytes("Content-Type", "application/json; charset=utf-8")
                .expect("h"),
        )
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn jti() -> String {
    format!(
        "{:x}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    )
}
