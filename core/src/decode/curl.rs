//! curl's part of a paste: the command line (`curl -si https://r.azurecr.io/v2/`), the answer's
//! status line and headers, and curl's own errors (`curl: (6) …`), judged as check-health judges
//! its own request to `/v2/`.

use super::decoder::{Decoder, MAX_FINDINGS};
use super::extract;
use super::report::{Check, Finding, FindingCode, Source};
use crate::catalog::Code;
use crate::probe::challenge;
use crate::values::registry_name_of;
use crate::values::url_authority;

#[derive(Default)]
pub(super) struct CurlState {
    /// The URL of the last `curl` command line.
    pub(super) url: Option<String>,
    /// An HTTP answer being read: its line, status and headers.
    pub(super) http: Option<HttpAnswer>,
    /// An answer was just judged: the JSON body that follows is part of it, not a message of
    /// its own (for the healthy challenge it is no error at all).
    pub(super) answer_judged: bool,
}

pub(super) struct HttpAnswer {
    line: usize,
    status: u16,
    challenge: Option<String>,
    registry_api: bool,
}

impl CurlState {
    pub(super) fn status_line(&mut self, line: usize, status: u16) {
        self.answer_judged = false;
        self.http = Some(HttpAnswer {
            line,
            status,
            challenge: None,
            registry_api: false,
        });
    }

    /// A header of the answer being read; whether there was one to add it to.
    pub(super) fn header(&mut self, name: &str, value: &str) {
        if let Some(h) = &mut self.http {
            if name == "www-authenticate" {
                h.challenge = Some(value.to_owned());
            }
            h.registry_api = true;
        }
    }
}

impl Decoder {
    /// The answer read so far is complete: judge it.
    pub(super) fn end_http(&mut self) {
        let Some(h) = self.curl.http.take() else {
            return;
        };
        let v2 = self
            .curl
            .url
            .as_deref()
            .is_some_and(|u| u.trim_end_matches('/').ends_with("/v2"));
        if !(v2 || h.registry_api) || self.report.findings.len() >= MAX_FINDINGS {
            return;
        }
        // `HTTP/1.1 100 Continue` comes before the real answer.
        if (100..=199).contains(&h.status) {
            return;
        }
        let parsed = h.challenge.as_deref().and_then(challenge::parse);
        let Some(code) = challenge::v2_code(h.status, parsed.as_ref()) else {
            self.curl.answer_judged = true;
            let url = self.curl.url.clone().unwrap_or_default();
            self.check(h.line, Check::Challenge { url });
            return;
        };
        self.curl.answer_judged = true;
        let server = self.curl.url.as_deref().and_then(url_authority);
        let mut f = Finding::new(h.line, FindingCode::Known(code), Source::Curl);
        f.http_status = Some(h.status);
        f.message.push(format!("HTTP {}", h.status));
        f.message.extend(h.challenge);
        f.registry = server
            .map(str::to_owned)
            .or_else(|| self.context_server.clone());
        f.registry_name = f.registry.as_deref().and_then(registry_name_of);
        self.add(f);
    }

    /// curl could not get an answer: the same failures the CLI reports for its request.
    pub(super) fn curl_error(&mut self, n: usize, code: u16, message: &str) {
        let lower = message.to_ascii_lowercase();
        let code = match code {
            // The certificate is trusted but names another host: not an inspecting proxy.
            51 | 60
                if lower.contains("subject name")
                    || lower.contains("does not match target host name") =>
            {
                Code::TlsNameMismatch
            }
            6 => Code::ConnectivityDns,
            35 | 51 | 58 | 59 | 60 | 77 | 83 | 90 | 91 => Code::ConnectivitySsl,
            5 | 7 | 28 | 52 | 55 | 56 => Code::ConnectivityChallenge,
            _ => return,
        };
        let server = self
            .curl
            .url
            .as_deref()
            .and_then(url_authority)
            .map(str::to_owned)
            .or_else(|| extract::find_login_server(message));
        let mut f = Finding::new(n, FindingCode::Known(code), Source::Curl);
        f.message.push(format!("curl: {message}"));
        f.registry = server;
        f.registry_name = f.registry.as_deref().and_then(registry_name_of);
        self.add(f);
    }
}

/// `Name: value` with a header name (letters, digits, dashes), as in an HTTP answer.
pub(super) fn is_header(text: &str) -> bool {
    let t = text.strip_prefix("< ").unwrap_or(text);
    t.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty()
            && name.len() < 60
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}
