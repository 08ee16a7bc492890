//! Codes named in free text (a typed code, a docs anchor `#connectivity_dns_error`, an issue
//! title, a person's sentence), settled once the paste is read: a finding when the paste holds no
//! output with codes, or when the sentence reports it ("it failed with X", "I got X"); a note when
//! the code is merely named beside real output (the output is what counts).

use super::decoder::{Decoder, MAX_FINDINGS};
use super::extract;
use super::report::{Finding, FindingCode, Note, Source, Span};
use crate::catalog::Code;
use crate::values::registry_name_of;

impl Decoder {
    /// Codes named in free text: a typed code, a docs anchor `#connectivity_dns_error`, prose.
    pub(super) fn scan_mentions(&mut self, n: usize, text: &str) {
        if !text.contains('_') || self.mentions.len() >= MAX_FINDINGS {
            return;
        }
        let lower = text.to_ascii_lowercase();
        // Every title ends in one of these words: most lines with `_` name no code.
        if !Code::ALL.iter().any(|c| {
            let anchor = c.anchor();
            let last = anchor.rsplit('_').next().unwrap_or("");
            lower.contains(&anchor[anchor.len() - last.len() - 1..])
        }) {
            return;
        }
        let mut found: Vec<(usize, Code)> = Vec::new();
        for code in Code::ALL {
            let anchor = code.anchor();
            let mut from = 0;
            while let Some(at) = lower[from..].find(&anchor) {
                let start = from + at;
                let end = start + anchor.len();
                let word =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                if !word(lower[..start].chars().next_back()) && !word(lower[end..].chars().next()) {
                    found.push((start, code));
                    break;
                }
                from = end;
            }
        }
        found.sort_unstable();
        let server = extract::find_login_server(text);
        for (start, code) in found {
            let reported = reports(&lower[..start]);
            self.mentions.push((code, n, server.clone(), reported));
        }
    }

    /// Each code named in text becomes a finding, a line of one, or a note.
    pub(super) fn settle_mentions(&mut self) {
        // When the CLI's own output is in the paste, it is what counts: a code only named in the
        // prose around it (an issue title, a guess) is noted, not reported as a finding.
        let output_has_codes = !self.report.findings.is_empty();
        for (code, n, server, reported) in std::mem::take(&mut self.mentions) {
            let fc = FindingCode::Known(code);
            if let Some(f) = self.report.findings.iter_mut().find(|f| f.code == fc) {
                if f.source == Source::Mentioned {
                    f.lines.push(Span { first: n, last: n });
                }
                continue;
            }
            if output_has_codes && !reported {
                self.note_once(n, Note::Mentioned { code });
                continue;
            }
            if self.report.findings.len() >= MAX_FINDINGS {
                break;
            }
            let mut f = Finding::new(n, fc, Source::Mentioned);
            f.registry = server.or_else(|| {
                if code.is_registry_scoped() {
                    self.report.registry.clone()
                } else {
                    None
                }
            });
            f.registry_name = f.registry.as_deref().and_then(registry_name_of);
            self.add(f);
        }
    }
}

/// Words before a code that report it happened, rather than name it: "it failed with", "I got",
/// "we keep getting", "returns".
fn reports(before: &str) -> bool {
    let before = before
        .trim_end()
        .trim_end_matches([':', '"', '\'', '`', '(']);
    [
        "failed with",
        "fails with",
        "failing with",
        "got",
        "get",
        "getting",
        "gives",
        "gave",
        "returns",
        "returned",
        "throws",
        "threw",
        "error",
        "shows",
        "showed",
    ]
    .iter()
    .any(|w| {
        before.ends_with(w)
            || before.ends_with(&format!("{w} the error"))
            || before.ends_with(&format!("{w} an error"))
    })
}
