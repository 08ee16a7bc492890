//! A link that reopens an explanation. Its fragment carries each finding's code, HTTP status and
//! login server, and the CLI version: never the paste, never a secret. What a link reopens is read
//! as an attacker may have written it: known codes only, a status from 100 to 599, a login server
//! that is a plain host (and port), a version made of three numbers; anything else is dropped.
//!
//! `#report=1;v=2.14.2;f=CONNECTIVITY_DNS_ERROR,,myreg.azurecr.io;f=CONNECTIVITY_REFRESH_TOKEN_ERROR,429,`

use std::fmt::Write;

use crate::catalog::Code;
use crate::decode::{
    check_health, registry_name_of, semver_in, Finding, FindingCode, Report, Source,
};
use crate::values::is_host_port;

/// What a report link's fragment starts with (its format's version).
pub const PREFIX: &str = "report=1";
/// Most findings a link carries (and is read for).
const MAX: usize = 50;

/// The fragment (without `#`) that reopens `report`.
pub fn fragment(report: &Report) -> String {
    let mut out = String::from(PREFIX);
    if let Some((a, b, c)) = report.cli_semver() {
        let _ = write!(out, ";v={a}.{b}.{c}");
    }
    for f in report.findings.iter().take(MAX) {
        let Some(code) = f.code.known() else {
            continue;
        };
        let status = f.http_status.map(|s| s.to_string()).unwrap_or_default();
        let registry = f
            .registry
            .as_deref()
            .filter(|r| is_host_port(r))
            .unwrap_or("");
        let _ = write!(out, ";f={},{status},{registry}", code.title());
    }
    out
}

/// The report a fragment describes, or `None` when it is not a report link.
pub fn read(fragment: &str) -> Option<Report> {
    let rest = fragment.strip_prefix(PREFIX)?;
    if !(rest.is_empty() || rest.starts_with(';')) {
        return None;
    }
    let mut report = Report::default();
    for part in rest.split(';').skip(1).take(MAX + 1) {
        if let Some(v) = part.strip_prefix("v=") {
            report.cli_version = semver_in(v)
                .filter(|_| v.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                .map(|(a, b, c)| format!("{a}.{b}.{c}"));
        } else if let Some(f) = part.strip_prefix("f=") {
            report.findings.extend(finding(f));
        }
    }
    report.findings.truncate(MAX);
    report.registry = report.findings.iter().find_map(|f| f.registry.clone());
    report.registry_name = report.registry.as_deref().and_then(registry_name_of);
    Some(report)
}

fn finding(text: &str) -> Option<Finding> {
    let mut fields = text.split(',');
    let code = fields
        .next()
        .filter(|t| !t.is_empty())
        .and_then(Code::from_title)?;
    let status = fields
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|s| (100..600).contains(s));
    let registry = fields
        .next()
        .filter(|r| is_host_port(r))
        .map(str::to_ascii_lowercase);
    let mut f = Finding::new(0, FindingCode::Known(code), Source::Printed);
    // No line of any paste: nothing to quote.
    f.lines.clear();
    f.registry_name = registry.as_deref().and_then(registry_name_of);
    f.registry = registry;
    f.http_status = status;
    // What check-health calls the same cause follows from the code and status, as in the paste:
    // a reopened card says it, not that check-health does not test it.
    f.detail.check_health = check_health(code, status, &f.detail);
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use proptest::prelude::*;

    #[test]
    fn a_reopened_card_names_check_health_s_code_as_the_paste_did() {
        let paste = "Could not connect to the registry login server 'r.azurecr.io'. Please verify that the registry exists and the URL 'https://r.azurecr.io/v2/' is reachable from your environment.";
        let report = decode(paste);
        let back = read(&fragment(&report)).expect("a report link");
        let said =
            |r: &Report| crate::explain::explain(&r.findings[0], crate::Lang::En).in_your_case;
        assert!(said(&back)
            .iter()
            .any(|t| t.contains("reports this cause as CONNECTIVITY_CHALLENGE_ERROR")));
        assert!(!said(&back).iter().any(|t| t.contains("does not test this")));
        assert_eq!(said(&back), said(&report));
    }

    #[test]
    fn a_link_reopens_the_codes_statuses_registries_and_version() {
        let paste = "Azure CLI version: 2.14.2\nAn error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'myreg.azurecr.io'.\nPlease refer to https://aka.ms/acr/errors#connectivity_dns_error for more information.";
        let report = decode(paste);
        let link = fragment(&report);
        assert_eq!(
            link,
            "report=1;v=2.14.2;f=CONNECTIVITY_DNS_ERROR,,myreg.azurecr.io"
        );
        let back = read(&link).expect("a report link");
        assert_eq!(back.cli_version.as_deref(), Some("2.14.2"));
        assert_eq!(back.findings.len(), 1);
        let f = &back.findings[0];
        assert_eq!(
            (
                f.code.title(),
                f.registry.as_deref(),
                f.registry_name.as_deref()
            ),
            (
                "CONNECTIVITY_DNS_ERROR",
                Some("myreg.azurecr.io"),
                Some("myreg")
            )
        );
        assert_eq!(back.verdict(), report.verdict());
        assert!(f.lines.is_empty());
    }

    #[test]
    fn a_hostile_link_keeps_only_what_is_what_it_claims() {
        let back = read("report=1;v=2.1.0$(id);f=CONNECTIVITY_DNS_ERROR,999,evil$(id).azurecr.io;f=NOT_A_CODE,401,x.azurecr.io;f=CONNECTIVITY_REFRESH_TOKEN_ERROR,429,r.azurecr.io;f=;f=CMK_ERROR,,a b").expect("a report link");
        assert_eq!(back.cli_version, None);
        let got: Vec<_> = back
            .findings
            .iter()
            .map(|f| (f.code.title().to_owned(), f.http_status, f.registry.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("CONNECTIVITY_DNS_ERROR".to_owned(), None, None),
                (
                    "CONNECTIVITY_REFRESH_TOKEN_ERROR".to_owned(),
                    Some(429),
                    Some("r.azurecr.io".to_owned())
                ),
                ("CMK_ERROR".to_owned(), None, None),
            ]
        );
        assert!(read("acr_login_error").is_none());
        assert!(read("report=10;f=CMK_ERROR,,").is_none());
        assert_eq!(
            read(&format!("{PREFIX}{}", ";f=CMK_ERROR,,".repeat(500))).map(|r| r.findings.len()),
            Some(MAX)
        );
    }

    proptest! {
        #[test]
        fn any_fragment_reads_without_panic_and_only_valid_values(s in "report=1[;=,.a-zA-Z0-9_$()<> -]{0,200}") {
            if let Some(r) = read(&s) {
                for f in &r.findings {
                    prop_assert!(f.code.known().is_some());
                    prop_assert!(f.registry.as_deref().is_none_or(is_host_port));
                    prop_assert!(f.http_status.is_none_or(|s| (100..600).contains(&s)));
                }
                prop_assert!(r.cli_version.as_deref().is_none_or(|v| v.bytes().all(|b| b.is_ascii_digit() || b == b'.')));
            }
        }
    }
}
