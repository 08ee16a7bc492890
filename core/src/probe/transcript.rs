//! The probe kit's transcript: what the kit (sh, PowerShell, or in a cluster) prints, read back.
//!
//! Version 1, one line per observation, in any wrapper the decoder strips (CI timestamps,
//! markdown quotes):
//!
//! ```text
//! acr-doctor-kit 1 <registry origin>
//! <step> <result> [<n>ms] [key=value]...
//! acr-doctor-kit end
//! ```
//!
//! `<step>` is one of [`KitStep`]'s names; `<result>` is `ok`, `fail`, `skip` or an HTTP status;
//! keys are lower-case letters and hyphens (`location-host`, `aaaa`); values hold no spaces (the
//! kit writes `%20`). Secrets are never in a transcript: the kit
//! prints token lengths, never tokens, and a redirect's host, never its signed query. A line the
//! parser does not know is ignored, never turned into a step.

/// What the kit checks, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KitStep {
    /// The login server's name: addresses and CNAME chain.
    Dns,
    /// TCP to port 443 (or the origin's port).
    Tcp,
    /// TLS: the certificate's issuer and names.
    Tls,
    /// `GET /v2/`: status and challenge.
    V2,
    /// A token (Basic, or Entra exchanged): status and scope.
    Token,
    /// `GET` of the manifest of the repository and tag given (its config digest is needed next).
    Manifest,
    /// `GET` of the config blob without following: the redirect's host.
    Blob,
    /// The data endpoint's name, connection and a ranged read.
    DataDns,
    DataTcp,
    DataTls,
    DataGet,
}

impl KitStep {
    pub const ALL: [KitStep; 11] = [
        KitStep::Dns,
        KitStep::Tcp,
        KitStep::Tls,
        KitStep::V2,
        KitStep::Token,
        KitStep::Manifest,
        KitStep::Blob,
        KitStep::DataDns,
        KitStep::DataTcp,
        KitStep::DataTls,
        KitStep::DataGet,
    ];

    /// The name the kit prints.
    pub fn name(self) -> &'static str {
        match self {
            KitStep::Dns => "dns",
            KitStep::Tcp => "tcp",
            KitStep::Tls => "tls",
            KitStep::V2 => "v2",
            KitStep::Token => "token",
            KitStep::Manifest => "manifest",
            KitStep::Blob => "blob",
            KitStep::DataDns => "data-dns",
            KitStep::DataTcp => "data-tcp",
            KitStep::DataTls => "data-tls",
            KitStep::DataGet => "data-get",
        }
    }

    fn from_name(name: &str) -> Option<KitStep> {
        KitStep::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What a step found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KitResult {
    Ok,
    Fail,
    Skip,
    Status(u16),
}

/// One observation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitLine {
    pub step: KitStep,
    pub result: KitResult,
    pub ms: Option<u32>,
    pub fields: Vec<(String, String)>,
}

impl KitLine {
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A transcript read back: the registry it ran against, its lines, whether it ended.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transcript {
    pub version: u32,
    pub origin: String,
    pub lines: Vec<KitLine>,
    /// The closing line was there (a cut transcript still gives every step it holds).
    pub complete: bool,
}

/// Most lines kept: a kit prints a dozen.
const MAX_LINES: usize = 64;

/// A transcript in cleaned lines (see the decoder), if one starts there. Unknown lines are
/// ignored; a transcript of another version is not read.
pub fn parse<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<Transcript> {
    let mut transcript: Option<Transcript> = None;
    for line in lines {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("acr-doctor-kit ") {
            let mut words = rest.split_whitespace();
            match (words.next(), &mut transcript) {
                (Some("end"), Some(t)) => t.complete = true,
                (Some("1"), None) => {
                    transcript = Some(Transcript {
                        version: 1,
                        origin: words.next().unwrap_or("").chars().take(300).collect(),
                        ..Transcript::default()
                    })
                }
                _ => {}
            }
            continue;
        }
        let Some(t) = transcript.as_mut() else {
            continue;
        };
        if t.complete || t.lines.len() >= MAX_LINES {
            continue;
        }
        if let Some(kit_line) = parse_line(line) {
            t.lines.push(kit_line);
        }
    }
    transcript
}

/// Whether a cleaned line is one of a transcript's step lines (`dns ok …`, `v2 401 …`).
pub fn is_step_line(line: &str) -> bool {
    parse_line(line.trim()).is_some()
}

fn parse_line(line: &str) -> Option<KitLine> {
    let mut words = line.split_whitespace();
    let step = KitStep::from_name(words.next()?)?;
    let result = match words.next()? {
        "ok" => KitResult::Ok,
        "fail" => KitResult::Fail,
        "skip" => KitResult::Skip,
        s if s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) => {
            KitResult::Status(s.parse().ok()?)
        }
        _ => return None,
    };
    let mut ms = None;
    let mut fields = Vec::new();
    for w in words.take(16) {
        if let Some(n) = w.strip_suffix("ms").and_then(|n| n.parse().ok()) {
            ms = Some(n);
        } else if let Some((k, v)) = w.split_once('=') {
            let ok_key = !k.is_empty()
                && k.len() <= 32
                && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            if ok_key {
                let v: String = v.replace("%20", " ").chars().take(300).collect();
                fields.push((k.to_owned(), v));
            }
        }
    }
    Some(KitLine {
        step,
        result,
        ms,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcript_read_back() {
        let text = "some noise\nacr-doctor-kit 1 https://contoso.azurecr.io\ndns ok 12ms addresses=20.1.2.3 cnames=contoso.azurecr.io>r1.westeurope.cloudapp.azure.com\ntcp ok 30ms\nv2 401 41ms www-authenticate=Bearer%20realm=\"x\"\nwhat is this\ntoken 200 60ms via=basic scope=repository:web:pull\nacr-doctor-kit end\ndns fail\n";
        let t = parse(text.lines()).expect("transcript");
        assert_eq!(t.origin, "https://contoso.azurecr.io");
        assert!(t.complete);
        let steps: Vec<_> = t.lines.iter().map(|l| (l.step, l.result)).collect();
        assert_eq!(
            steps,
            [
                (KitStep::Dns, KitResult::Ok),
                (KitStep::Tcp, KitResult::Ok),
                (KitStep::V2, KitResult::Status(401)),
                (KitStep::Token, KitResult::Status(200)),
            ]
        );
        assert_eq!(t.lines[0].field("addresses"), Some("20.1.2.3"));
        assert_eq!(t.lines[0].ms, Some(12));
        assert_eq!(
            t.lines[2].field("www-authenticate"),
            Some("Bearer realm=\"x\"")
        );
    }

    #[test]
    fn a_cut_transcript_still_gives_its_steps_and_others_are_not_read() {
        let t = parse(
            "acr-doctor-kit 1 https://r.azurecr.io\ndns ok\ntcp fail 10001ms error=timeout".lines(),
        )
        .expect("transcript");
        assert!(!t.complete);
        assert_eq!(t.lines.len(), 2);
        assert!(parse("acr-doctor-kit 2 https://r.azurecr.io\ndns ok".lines()).is_none());
        assert!(parse("dns ok\ntcp ok".lines()).is_none());
    }
}
