//! Helpers shared by the decoder's tests.
#![allow(dead_code)]

use acr_doctor_core::decode::{decode, Finding, Report};

/// The paste below a fixture's `# ----- verbatim paste below this line -----` marker.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (_, paste) = text
        .split_once("# ----- verbatim paste below this line -----\n")
        .unwrap_or_else(|| panic!("{path}: no paste marker"));
    paste.to_owned()
}

pub fn codes(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| f.code.title().to_owned())
        .collect()
}

pub fn only(report: &Report) -> &Finding {
    assert_eq!(
        report.findings.len(),
        1,
        "expected one finding, got {:?}",
        codes(report)
    );
    &report.findings[0]
}

pub fn decoded(text: &str) -> Report {
    decode(text)
}
